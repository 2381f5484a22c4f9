// Check-run annotations: each new finding on the lines of its object (or, when only a policy change caused it, of
// the constraint), promotions, policy relaxations and governance breaches on the constraint, head errors where they happened.
// GitHub takes at most 50 per request; the publisher sends them in batches, in this order.
import type { SourceLocation } from '../gatekeeper/types.ts';
import type { Finding, SimulationReport, WebhookAction } from '../simulate/types.ts';
import {
  compareFindings,
  constraintLabel,
  isPolicyCaused,
  isRepositoryPath,
  locationLabel,
  objectLabel,
  plural,
  strongestAction,
  truncateBytes,
  truncateChars,
  visibleControls,
} from './format.ts';

type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** The shape of `output.annotations[]` of GitHub's check-run API. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

/** GitHub's limits: `title` 255 characters, `message` and `raw_details` 64 KB. */
export const ANNOTATION_TITLE_CHARS = 255;
export const ANNOTATION_TEXT_BYTES = 64 * 1024;
/** GitHub accepts at most this many annotations per create or update request. */
const ANNOTATIONS_PER_REQUEST = 50;

const LEVEL: Record<WebhookAction, AnnotationLevel> = { deny: 'failure', warn: 'warning', dryrun: 'notice' };
const LEVEL_RANK: Record<AnnotationLevel, number> = { failure: 0, warning: 1, notice: 2 };

function annotation(
  where: SourceLocation | undefined,
  level: AnnotationLevel,
  title: string,
  message: string,
  rawDetails?: string,
): CheckRunAnnotation | undefined {
  if (where === undefined || !isRepositoryPath(where.file)) return undefined;
  const start = Math.max(1, Math.floor(where.startLine));
  const end = Math.max(start, Math.floor(where.endLine));
  const out: CheckRunAnnotation = {
    path: where.file,
    start_line: start,
    end_line: end,
    annotation_level: level,
    // A title is one line on GitHub: a line break in a name would otherwise start a line of its own.
    title: truncateChars(visibleControls(title).replace(/\n/g, ' '), ANNOTATION_TITLE_CHARS),
    message: truncateBytes(visibleControls(message === '' ? title : message), ANNOTATION_TEXT_BYTES),
  };
  if (rawDetails !== undefined) out.raw_details = truncateBytes(visibleControls(rawDetails), ANNOTATION_TEXT_BYTES);
  return out;
}

function findingAnnotation(f: Finding, multiCluster: boolean): CheckRunAnnotation | undefined {
  const action = strongestAction(f.actions);
  const prefix = multiCluster ? `[${f.cluster}] ` : '';
  const onConstraint = isPolicyCaused(f) && f.constraint.source !== undefined;
  const where = onConstraint ? f.constraint.source : (f.location ?? f.objectSource);
  const title = `${prefix}${action}: ${constraintLabel(f.constraint)} on ${objectLabel(f.object)}`;
  const message = onConstraint
    ? `${f.message}\n\n${objectLabel(f.object)}${f.objectSource !== undefined ? ` (${locationLabel(f.objectSource)})` : ''} newly violates this constraint (${action}) because of this policy change.`
    : f.message;
  const details = [
    `cluster: ${f.cluster}`,
    `constraint: ${constraintLabel(f.constraint)}`,
    `actions: ${f.actions.join(', ')}`,
    `object: ${f.object.group === '' ? '' : `${f.object.group}/`}${f.object.version}/${objectLabel(f.object)}`,
    `operation: ${f.operation}`,
    ...(f.impliedBy !== undefined ? [`implied by: ${f.impliedBy}`] : []),
    `cause: ${f.cause}`,
    `finding: ${f.id}`,
  ].join('\n');
  return annotation(where, LEVEL[action], title, message, details);
}

/** Every annotation of the report, in a deterministic order (file, line, severity, title, message). */
export function renderAnnotations(report: SimulationReport): CheckRunAnnotation[] {
  const multi = report.clusters.length > 1;
  const out: CheckRunAnnotation[] = [];
  const push = (a: CheckRunAnnotation | undefined): void => {
    if (a !== undefined) out.push(a);
  };
  for (const cluster of report.clusters) {
    const prefix = multi ? `[${cluster.name}] ` : '';
    for (const f of cluster.findings.filter((x) => x.category === 'new').sort(compareFindings)) push(findingAnnotation(f, multi));
    for (const p of cluster.promotions) {
      const shown = p.objects.slice(0, 200).map((o) => `- ${objectLabel(o.object)}${o.source !== undefined ? ` (${locationLabel(o.source)})` : ''}: ${o.message}`);
      const more = p.objects.length > shown.length ? [`… ${p.objects.length - shown.length} more`] : [];
      push(
        annotation(
          p.constraint.source,
          p.to === 'deny' ? 'failure' : 'warning',
          `${prefix}promotion: ${constraintLabel(p.constraint)} ${p.from} → ${p.to}`,
          `${constraintLabel(p.constraint)} moves from ${p.from} to ${p.to}: ${plural(p.objects.length, 'existing object')} would start being ${p.to === 'deny' ? 'rejected' : `reported (${p.to})`}.`,
          [...shown, ...more].join('\n') || undefined,
        ),
      );
    }
    for (const e of cluster.exemptions) {
      if (e.change !== 'added' || e.allowed) continue;
      push(
        annotation(
          e.source,
          'failure',
          `${prefix}exemption outside the allow list: ${e.namespace}`,
          `${e.owner} adds namespace "${e.namespace}" to ${e.field}, but the repository's exemption governance (exemptions.allowedNamespaces in .github/preadmit.yml) does not allow exempting it.`,
        ),
      );
    }
    // Removals have only a base location, which annotations (placed on the head commit) cannot show.
    for (const r of cluster.relaxations) {
      if (r.allowed || r.type.endsWith('-removed')) continue;
      // An exemption that lets nothing through is already annotated when it is outside the allow list.
      const governed = cluster.exemptions.some((e) => e.change === 'added' && !e.allowed && e.source?.file === r.source?.file && e.source?.startLine === r.source?.startLine);
      if (governed && r.letsThrough.length === 0 && (r.type === 'exemption' || r.type === 'config-exclusion')) continue;
      const shown = r.letsThrough.slice(0, 200).map((t) => `- ${objectLabel(t.object)}${t.objectSource !== undefined ? ` (${locationLabel(t.objectSource)})` : ''}: ${constraintLabel(t.constraint)} ${t.before} → ${t.after}: ${t.message}`);
      const more = r.letsThrough.length > shown.length ? [`… ${r.letsThrough.length - shown.length} more`] : [];
      push(annotation(r.source, 'failure', `${prefix}policy relaxation: ${r.description}`, `This change relaxes the policies (${r.description}); it lets through ${plural(r.letsThrough.length, 'violation')} the base's policies report.`, [...shown, ...more].join('\n') || undefined));
    }
    // Base errors point at lines of the base version of a file, which annotations (placed on the head commit) cannot show.
    for (const e of cluster.errors) {
      if (e.ref !== 'head') continue;
      // An error the base has too does not block by default: a warning, not a failure.
      push(annotation(e.error.source, e.existing ? 'warning' : 'failure', `${prefix}${e.error.kind} error${e.existing ? ' (also at base)' : ''}`, e.error.message));
    }
  }
  return out.sort(
    (a, b) =>
      cmp(a.path, b.path) ||
      a.start_line - b.start_line ||
      a.end_line - b.end_line ||
      LEVEL_RANK[a.annotation_level] - LEVEL_RANK[b.annotation_level] ||
      cmp(a.title, b.title) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The annotations in request-sized batches (the first with the create call, the rest as updates). */
export function annotationBatches(annotations: CheckRunAnnotation[], size = ANNOTATIONS_PER_REQUEST): CheckRunAnnotation[][] {
  const out: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += size) out.push(annotations.slice(i, i + size));
  return out;
}
