// SARIF 2.1.0 for code-scanning tools: the violations present at head (new and unchanged, with their baseline
// state), exemptions outside the allow list, policy relaxations and head errors, each on the file and lines it comes from;
// and the Coverage section: what was simulated, and every app or root that was not (notifications of the invocation,
// and a `note` result for each one the change touches).
import type { SourceLocation } from '../gatekeeper/types.ts';
import type { Finding, SimulationReport } from '../simulate/types.ts';
import { capped, compareFindings, constraintLabel, cutMessage, isRepositoryPath, objectLabel, strongestAction, visibleControls } from './format.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SARIF_VERSION = '2.1.0';
/** The partialFingerprints key under which the finding identity is published. */
export const FINGERPRINT_KEY = 'preadmitFindingId/v1';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifRegion {
  startLine: number;
  endLine: number;
}

interface SarifLocation {
  physicalLocation?: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: SarifRegion;
  };
  logicalLocations?: Array<{ name: string; fullyQualifiedName?: string; kind?: string }>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  kind: 'fail';
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  properties?: Record<string, unknown>;
}

/** SARIF 2.1.0 `notification` (§3.58): something about the run itself, here what was and was not simulated. */
interface SarifNotification {
  level: SarifLevel;
  message: { text: string };
  locations?: SarifLocation[];
  descriptor?: { id: string; index: number };
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri?: string; rules: SarifRule[]; notifications?: SarifRule[] } };
    automationDetails?: { id: string };
    originalUriBaseIds?: Record<string, { uri?: string; description?: { text: string } }>;
    versionControlProvenance?: Array<{ repositoryUri: string; revisionId?: string; branch?: string }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[] }>;
    properties?: Record<string, unknown>;
    results: SarifResult[];
  }>;
}

const ERROR_RULE = 'preadmit/input-error';
const EXEMPTION_RULE = 'preadmit/exemption-outside-allow-list';
const RELAXATION_RULE = 'preadmit/policy-relaxation';
const NOT_SIMULATED = 'preadmit/not-simulated';
const COVERAGE = 'preadmit/coverage';
const OMITTED = 'preadmit/omitted-findings';
/** Notification descriptors (`tool.driver.notifications`), in the order of their indexes. */
const NOTIFICATIONS: SarifRule[] = [
  { id: COVERAGE, name: 'Coverage', shortDescription: { text: 'What was simulated in a cluster: roots per renderer, GitOps apps per tool' }, defaultConfiguration: { level: 'note' } },
  {
    id: NOT_SIMULATED,
    name: 'NotSimulated',
    shortDescription: { text: 'An app, root or chart that was not simulated, with the reason: its objects were not reviewed' },
    defaultConfiguration: { level: 'note' },
  },
  { id: OMITTED, name: 'OmittedFindings', shortDescription: { text: 'Findings left out of the log (see the JSON report)' }, defaultConfiguration: { level: 'note' } },
];
const notification = (id: string): { id: string; index: number } => ({ id, index: NOTIFICATIONS.findIndex((n) => n.id === id) });
const LEVEL = { deny: 'error', warn: 'warning', dryrun: 'note' } as const;

function location(source: SourceLocation | undefined, logicalName?: string): SarifLocation[] {
  const loc: SarifLocation = {};
  if (source !== undefined && isRepositoryPath(source.file)) {
    const startLine = Math.max(1, Math.floor(source.startLine));
    loc.physicalLocation = {
      artifactLocation: { uri: source.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine, endLine: Math.max(startLine, Math.floor(source.endLine)) },
    };
  }
  if (logicalName !== undefined) loc.logicalLocations = [{ name: logicalName, kind: 'object' }];
  return loc.physicalLocation !== undefined || loc.logicalLocations !== undefined ? [loc] : [];
}

/** A SARIF 2.1.0 log with one run. `repositoryUri` (optional) is recorded as the run's version control provenance. */
export function renderSarif(report: SimulationReport, options: { repositoryUri?: string } = {}): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const rule = (id: string, make: () => SarifRule): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    rules.push(make());
    ruleIndex.set(id, rules.length - 1);
    return rules.length - 1;
  };

  // Rules first, in a stable order, so that ruleIndex values do not depend on the order findings arrive in.
  const present: Finding[] = report.clusters.flatMap((c) => c.findings.filter((f) => f.category !== 'fixed')).sort(compareFindings);
  for (const kind of [...new Set(present.map((f) => f.constraint.kind))].sort()) {
    rule(kind, () => ({
      id: kind,
      name: kind,
      shortDescription: { text: `Gatekeeper constraint kind ${kind}` },
      fullDescription: { text: `Violations of constraints of the ConstraintTemplate kind ${kind}, as the admission webhook would report them.` },
      defaultConfiguration: { level: 'error' },
    }));
  }

  // Findings beyond MAX_LISTED (new ones sort first) are counted, not listed; exemptions and errors always are.
  const listed = capped(present);
  const results: SarifResult[] = [];
  for (const f of listed.shown) {
    const index = ruleIndex.get(f.constraint.kind) ?? 0;
    const action = strongestAction(f.actions);
    results.push({
      ruleId: f.constraint.kind,
      ruleIndex: index,
      level: LEVEL[action],
      kind: 'fail',
      message: { text: visibleControls(`${constraintLabel(f.constraint)} (${f.actions.join(', ') || 'dryrun'}) on ${objectLabel(f.object)}: ${cutMessage(f.message)}`) },
      locations: location(f.location ?? f.objectSource, `${f.cluster}/${objectLabel(f.object)}`),
      partialFingerprints: { [FINGERPRINT_KEY]: f.id },
      // A changed finding is the base's violation reworded: `updated`, with the base's message and fingerprint.
      baselineState: f.category === 'new' ? 'new' : f.category === 'changed' ? 'updated' : 'unchanged',
      properties: {
        cluster: f.cluster,
        constraint: constraintLabel(f.constraint),
        actions: f.actions,
        object: { ...f.object },
        cause: f.cause,
        operation: f.operation,
        ...(f.previousMessage !== undefined ? { previousMessage: visibleControls(f.previousMessage) } : {}),
        ...(f.previousId !== undefined ? { previousFingerprint: f.previousId } : {}),
        ...(f.onCreate ? { onCreate: true } : {}),
      },
    });
  }

  for (const cluster of report.clusters) {
    for (const e of cluster.exemptions) {
      if (e.change !== 'added' || e.allowed) continue;
      const index = rule(EXEMPTION_RULE, () => ({
        id: EXEMPTION_RULE,
        name: 'ExemptionOutsideAllowList',
        shortDescription: { text: 'An exemption names a namespace outside the repository\'s allow list' },
        defaultConfiguration: { level: 'error' },
      }));
      results.push({
        ruleId: EXEMPTION_RULE,
        ruleIndex: index,
        level: 'error',
        kind: 'fail',
        message: { text: visibleControls(`${e.owner} exempts namespace "${e.namespace}" (${e.field}), which exemptions.allowedNamespaces does not allow`) },
        locations: location(e.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster.name}|exemption|${e.owner}|${e.field}|${e.namespace}` },
        baselineState: 'new',
        properties: { cluster: cluster.name },
      });
    }
    for (const r of cluster.relaxations) {
      if (r.allowed) continue;
      const index = rule(RELAXATION_RULE, () => ({
        id: RELAXATION_RULE,
        name: 'PolicyRelaxation',
        shortDescription: { text: 'The change weakens the policies: enforcement, constraints, templates, match or exemptions' },
        defaultConfiguration: { level: 'error' },
      }));
      const examples = r.letsThrough.slice(0, 5).map((t) => `${objectLabel(t.object)} (${constraintLabel(t.constraint)} ${t.before} -> ${t.after})`);
      const more = r.letsThrough.length > examples.length ? `, … ${r.letsThrough.length - examples.length} more` : '';
      results.push({
        ruleId: RELAXATION_RULE,
        ruleIndex: index,
        level: 'error',
        kind: 'fail',
        message: { text: visibleControls(`Policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation(s)${examples.length > 0 ? `: ${examples.join(', ')}${more}` : ''}`) },
        locations: location(r.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster.name}|relaxation|${r.type}|${r.subject}` },
        baselineState: 'new',
        properties: { cluster: cluster.name, relaxation: r.type, subject: r.subject, letsThrough: r.letsThrough.length },
      });
    }
    for (const e of cluster.errors) {
      if (e.ref !== 'head') continue;
      const index = rule(ERROR_RULE, () => ({
        id: ERROR_RULE,
        name: 'InputError',
        shortDescription: { text: 'A manifest, template or chart that could not be loaded, rendered or compiled' },
        defaultConfiguration: { level: 'error' },
      }));
      const s = e.error.source;
      results.push({
        ruleId: ERROR_RULE,
        ruleIndex: index,
        level: 'error',
        kind: 'fail',
        message: { text: visibleControls(cutMessage(e.error.message)) },
        locations: location(s),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster.name}|error|${e.error.kind}|${s?.file ?? ''}|${cutMessage(e.error.message)}` },
        baselineState: e.existing ? 'unchanged' : 'new',
        properties: { cluster: cluster.name, errorKind: e.error.kind, ...(e.existing ? { existing: true } : {}) },
      });
    }
  }

  // Coverage: one notification per cluster saying what was simulated, one per app or root that was not (at its
  // declaration), and a `note` result for those the change touches, so that code scanning shows them on the change.
  const notifications: SarifNotification[] = [];
  for (const cluster of report.clusters) {
    const cov = cluster.coverage;
    if (cov === undefined) continue;
    const counts = [
      ...Object.entries(cov.simulated.roots).map(([kind, n]) => `${n} ${kind} root(s)`),
      ...Object.entries(cov.simulated.apps).map(([tool, n]) => `${n} ${tool === 'flux' ? 'Flux' : tool === 'argocd' ? 'Argo CD' : tool} app(s)`),
    ];
    notifications.push({
      level: 'note',
      message: { text: visibleControls(`Cluster ${cluster.name}: simulated ${counts.length > 0 ? counts.join(', ') : 'nothing'}; not simulated: ${cov.notSimulated.length}`) },
      descriptor: notification(COVERAGE),
      properties: { cluster: cluster.name, simulated: cov.simulated, notSimulated: cov.notSimulated.length },
    });
    for (const n of cov.notSimulated) {
      const text = visibleControls(`Cluster ${cluster.name}: not simulated: ${n.what}: ${cutMessage(n.reason)}`);
      const locations = location(n.source, `${cluster.name}/${n.what}`);
      notifications.push({ level: 'note', message: { text }, locations, descriptor: notification(NOT_SIMULATED), properties: { cluster: cluster.name, what: n.what, changed: n.changed } });
      if (!n.changed) continue;
      const index = rule(NOT_SIMULATED, () => ({ ...NOTIFICATIONS.find((d) => d.id === NOT_SIMULATED)! }));
      results.push({
        ruleId: NOT_SIMULATED,
        ruleIndex: index,
        level: 'note',
        kind: 'fail',
        message: { text },
        locations,
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster.name}|not-simulated|${n.what}|${n.source?.file ?? ''}` },
        baselineState: 'new',
        properties: { cluster: cluster.name, what: n.what, changed: true },
      });
    }
  }
  if (listed.omitted > 0) {
    notifications.push({ level: 'note', message: { text: `${listed.omitted} more findings left out (at most ${listed.shown.length} are listed); see the JSON report.` }, descriptor: notification(OMITTED) });
  }

  const run: SarifLog['runs'][number] = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        ...(/^\d+\.\d+\.\d+/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
        rules,
        ...(notifications.length > 0 ? { notifications: NOTIFICATIONS.map((n) => ({ ...n })) } : {}),
      },
    },
    automationDetails: { id: `preadmit/${report.enforcementPoint}/` },
    invocations: [notifications.length > 0 ? { executionSuccessful: true, toolExecutionNotifications: notifications } : { executionSuccessful: true }],
    results,
    ...(listed.omitted > 0 ? { properties: { omittedFindings: listed.omitted } } : {}),
  };
  if (options.repositoryUri !== undefined) {
    run.versionControlProvenance = [{ repositoryUri: options.repositoryUri, revisionId: report.head.sha, branch: report.head.ref }];
  }
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run] };
}

/** The SARIF log as a file's text (two-space indent, trailing newline). */
export function renderSarifText(report: SimulationReport, options: { repositoryUri?: string } = {}): string {
  return `${JSON.stringify(renderSarif(report, options), null, 2)}\n`;
}
