// The JSON rendering: the report model with a fixed key order and sorted lists, so that the same simulation always
// prints the same bytes. The fields are documented in docs/report-json.md; `schemaVersion` changes when one changes
// meaning or goes away.
import type { InputError, JsonValue, SourceLocation } from '../gatekeeper/types.ts';
import type {
  ClusterReport,
  DuplicateObject,
  ConstraintRef,
  ExemptionChange,
  Finding,
  ObjectRef,
  PolicyChange,
  PolicyRelaxation,
  Promotion,
  RenderedObjectDiff,
  SimulationError,
  SimulationReport,
} from '../simulate/types.ts';
import { capped, compareFindings, cutDiff, cutMessage, objectLabel } from './format.ts';
import { maskedDiff } from './secrets.ts';

type Out = { [key: string]: JsonValue };

/** `value`'s keys in `order` first, then any other (future, optional) key in alphabetical order. */
function ordered(value: object, order: string[], convert: Record<string, (v: never) => JsonValue> = {}): Out {
  const src = value as Record<string, unknown>;
  const out: Out = {};
  const rest = Object.keys(src).filter((k) => !order.includes(k)).sort();
  for (const key of [...order, ...rest]) {
    const v = src[key];
    if (v === undefined) continue;
    const c = convert[key];
    out[key] = c !== undefined ? c(v as never) : plain(v);
  }
  return out;
}

/** Any other value: objects with sorted keys, so that even unknown fields print stably. */
function plain(v: unknown): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') {
    const out: Out = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = plain(x);
    }
    return out;
  }
  return null;
}

const source = (s: SourceLocation): JsonValue => ordered(s, ['file', 'startLine', 'endLine', 'renderedBy']);
const objectRef = (o: ObjectRef): JsonValue => ordered(o, ['group', 'version', 'kind', 'namespace', 'name']);
const constraintRef = (c: ConstraintRef): JsonValue => ordered(c, ['kind', 'name', 'source'], { source });
const inputError = (e: InputError): JsonValue => ordered(e, ['kind', 'message', 'source'], { source, message: cutMessage });

const finding = (f: Finding): JsonValue =>
  ordered(f, ['id', 'cluster', 'category', 'cause', 'constraint', 'actions', 'object', 'objectSource', 'location', 'message', 'previousMessage', 'previousId', 'impliedBy', 'operation', 'onCreate'], {
    constraint: constraintRef,
    object: objectRef,
    objectSource: source,
    location: source,
    message: cutMessage,
  });

const objectList = (list: ObjectRef[]): JsonValue => [...list].sort(byObject).map(objectRef);

const policyChange = (p: PolicyChange): JsonValue =>
  ordered(p, ['type', 'name', 'change', 'source', 'actionBefore', 'actionAfter', 'newlyDenied', 'noLongerDenied'], {
    source,
    newlyDenied: objectList,
    noLongerDenied: objectList,
  });

const promotion = (p: Promotion): JsonValue =>
  ordered(p, ['constraint', 'from', 'to', 'objects'], {
    constraint: constraintRef,
    objects: (list: Promotion['objects']) =>
      [...list]
        .sort((a, b) => byObject(a.object, b.object) || cmp(a.message, b.message))
        .map((o) => ordered(o, ['object', 'message', 'source'], { object: objectRef, source, message: cutMessage })),
  });

const exemption = (e: ExemptionChange): JsonValue => ordered(e, ['owner', 'field', 'namespace', 'change', 'allowed', 'source'], { source });

const relaxation = (r: PolicyRelaxation): JsonValue =>
  ordered(r, ['type', 'subject', 'description', 'allowed', 'source', 'letsThrough'], {
    source,
    letsThrough: (list: PolicyRelaxation['letsThrough']) =>
      [...list]
        .sort((a, b) => cmp(a.constraint.kind, b.constraint.kind) || cmp(a.constraint.name, b.constraint.name) || byObject(a.object, b.object) || cmp(a.message, b.message))
        .map((t) => ordered(t, ['constraint', 'object', 'objectSource', 'before', 'after', 'message', 'impliedBy'], { constraint: constraintRef, object: objectRef, objectSource: source })),
  });

const renderedDiff = (d: RenderedObjectDiff): JsonValue =>
  ordered({ ...d, diff: cutDiff(maskedDiff(d)) }, ['object', 'previousName', 'change', 'root', 'source', 'diff'], { object: objectRef, source });


const simulationError = (e: SimulationError): JsonValue => ordered(e, ['ref', 'existing', 'error'], { error: inputError });

const duplicate = (d: DuplicateObject): JsonValue =>
  ordered(d, ['ref', 'object', 'copies'], { object: objectRef, copies: (list: DuplicateObject['copies']) => list.map((x) => ordered(x, ['root', 'source'], { source })) });

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byObject(a: ObjectRef, b: ObjectRef): number {
  return cmp(a.group, b.group) || cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name) || cmp(a.version, b.version);
}

function bySource(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  return cmp(a?.file ?? '', b?.file ?? '') || (a?.startLine ?? 0) - (b?.startLine ?? 0);
}

const byDiff = (a: RenderedObjectDiff, b: RenderedObjectDiff): number =>
  cmp(objectLabel(a.object), objectLabel(b.object)) || byObject(a.object, b.object) || cmp(a.root, b.root) || cmp(a.change, b.change);
const byError = (a: SimulationError, b: SimulationError): number => cmp(a.ref, b.ref) || bySource(a.error.source, b.error.source) || cmp(a.error.message, b.error.message);

/** Long lists are cut at MAX_LISTED entries (the first in their order); `omitted` counts what was left out. */
function cluster(c: ClusterReport): JsonValue {
  const findings = capped([...c.findings].sort(compareFindings));
  const diffs = capped([...c.renderedDiffs].sort(byDiff));
  const errors = capped([...c.errors].sort(byError));
  const omitted = { findings: findings.omitted, renderedDiffs: diffs.omitted, errors: errors.omitted };
  const view = { ...c, findings: findings.shown, renderedDiffs: diffs.shown, errors: errors.shown, ...(Object.values(omitted).some((n) => n > 0) ? { omitted } : {}) };
  return ordered(view, ['name', 'stats', 'findings', 'policyChanges', 'promotions', 'exemptions', 'relaxations', 'errors', 'duplicates', 'coverage', 'renderedDiffs', 'omitted'], {
    stats: (s: ClusterReport['stats']) => ordered(s, ['objectsBase', 'objectsHead', 'reviews', 'rootsRendered', 'durationMs']),
    findings: (list: Finding[]) => list.map(finding),
    policyChanges: (list: PolicyChange[]) => [...list].sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.change, b.change)).map(policyChange),
    promotions: (list: Promotion[]) => [...list].sort((a, b) => cmp(a.constraint.kind, b.constraint.kind) || cmp(a.constraint.name, b.constraint.name)).map(promotion),
    exemptions: (list: ExemptionChange[]) =>
      [...list].sort((a, b) => cmp(a.owner, b.owner) || cmp(a.field, b.field) || cmp(a.namespace, b.namespace) || cmp(a.change, b.change)).map(exemption),
    relaxations: (list: PolicyRelaxation[]) => [...list].sort((a, b) => cmp(a.subject, b.subject) || cmp(a.type, b.type) || cmp(a.description, b.description)).map(relaxation),
    errors: (list: SimulationError[]) => list.map(simulationError),
    duplicates: (list: DuplicateObject[]) => [...list].sort((a, b) => cmp(a.ref, b.ref) || byObject(a.object, b.object)).map(duplicate),
    renderedDiffs: (list: RenderedObjectDiff[]) => list.map(renderedDiff),
    omitted: (o: typeof omitted) => ordered(o, ['findings', 'renderedDiffs', 'errors']),
  });
}

/** The report as pretty-printed JSON (two-space indent, trailing newline), byte-for-byte stable for one report. */
export function renderJson(report: SimulationReport): string {
  const out = ordered(report, ['schemaVersion', 'tool', 'base', 'head', 'enforcementPoint', 'verdict', 'clusters'], {
    tool: (t: SimulationReport['tool']) => ordered(t, ['name', 'version']),
    base: (r: SimulationReport['base']) => ordered(r, ['ref', 'sha']),
    head: (r: SimulationReport['head']) => ordered(r, ['ref', 'sha']),
    verdict: (v: SimulationReport['verdict']) =>
      ordered(v, ['conclusion', 'blocking', 'counts'], {
        counts: (c: SimulationReport['verdict']['counts']) =>
          ordered(c, ['newDeny', 'newWarn', 'newDryrun', 'fixed', 'unchanged', 'changed', 'errors', 'newErrors', 'exemptionViolations', 'policyRelaxations']),
      }),
    clusters: (list: ClusterReport[]) => list.map(cluster),
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
