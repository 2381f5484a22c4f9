// Pure comparison of two reviewed refs: findings, policy changes, promotions, exemptions, rendered diffs.
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { Constraint } from '../gatekeeper/constraint.ts';
import { gvkOf, isObject, nameOf } from '../gatekeeper/classify.ts';
import { matchesGlob } from '../gatekeeper/glob.ts';
import { configMatchEntries } from '../gatekeeper/config.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation } from '../gatekeeper/types.ts';
import { maskSecret, redactSecrets, secretValues } from '../render/mask.ts';
import type { RenderedObject } from '../render/types.ts';
import { canonicalJson, describeObject, findingId, objectKey, objectRef, pairObjects, type ObjectPairing } from './identity.ts';
import type { PolicySet } from './policies.ts';
import { policyRelaxations } from './relaxations.ts';
import type {
  ClusterReport,
  ExemptionChange,
  Finding,
  FindingCause,
  ObjectRef,
  PolicyChange,
  Promotion,
  RenderedObjectDiff,
  WebhookAction,
} from './types.ts';

export interface ReviewedViolation {
  constraintKind: string;
  constraintName: string;
  constraintSource: SourceLocation;
  actions: WebhookAction[];
  object: ObjectRef;
  objectSource: SourceLocation;
  /** The offending field's line, when the message names it (see `locate.ts`). */
  location?: SourceLocation;
  message: string;
  impliedBy?: string;
  operation: 'CREATE' | 'UPDATE';
  /** Raised only by the CREATE review of an object the webhook reviews as an UPDATE (see `Finding.onCreate`). */
  onCreate?: boolean;
  root: string;
  objectMeta: JsonObject;
}

export interface RefOutcome {
  ref: 'base' | 'head';
  violations: ReviewedViolation[];
  errors: InputError[];
  reviews: number;
  constraints: Constraint[];
  policies: PolicySet;
  constraintSources: Map<string, SourceLocation>;
}

export interface DiffInput {
  cluster: string;
  base: RefOutcome;
  head: RefOutcome;
  /** The head's objects reviewed under the base's policies; present when the policies changed. */
  headUnderBasePolicies?: RefOutcome;
  baseObjects: RenderedObject[];
  headObjects: RenderedObject[];
  allowedNamespaces: string[] | undefined;
  /** The enforcement point simulated (scoped actions resolve for it). */
  enforcementPoint: string;
  /** Base and head objects paired (defaults to `pairObjects(baseObjects, headObjects)`). */
  pairing?: ObjectPairing;
}

const ACTION_RANK: Record<WebhookAction, number> = { deny: 0, warn: 1, dryrun: 2 };

export function diffClusters(input: DiffInput): ClusterReport {
  const { cluster, base, head } = input;
  const pairing = input.pairing ?? pairObjects(input.baseObjects, input.headObjects);
  const changedObjects = new Set(
    pairing.pairs.filter((p) => !p.base || !p.head || p.renamed || canonicalJson(p.base.object) !== canonicalJson(p.head.object)).map((p) => p.identity),
  );
  const identityOf = (side: 'base' | 'head', v: ReviewedViolation) => pairing.identity(side, v.root, v.object);
  // Messages compared as the base words them: a generated name quoted in a message does not reword it.
  const wording = (side: 'base' | 'head', v: ReviewedViolation) => (side === 'head' ? pairing.baseWording(identityOf(side, v), v.message) : v.message);
  const idOf = (side: 'base' | 'head', v: ReviewedViolation) => findingId(cluster, v.constraintKind, v.constraintName, identityOf(side, v), wording(side, v));

  const index = (side: 'base' | 'head', vs: ReviewedViolation[]) => {
    const m = new Map<string, ReviewedViolation>();
    for (const v of vs) {
      const id = idOf(side, v);
      // The webhook's own review wins over the CREATE review of the same object when both raise it.
      if (!m.has(id) || m.get(id)!.onCreate) m.set(id, v);
    }
    return m;
  };
  const baseIdx = index('base', base.violations);
  const headIdx = index('head', head.violations);
  const crossIdx = input.headUnderBasePolicies ? index('head', input.headUnderBasePolicies.violations) : headIdx;

  // Constraints the head declares but could not load (its template does not compile, its parameters fail the
  // schema...): what they would say at head is unknown, so their base violations are not "fixed" (Gatekeeper would
  // even refuse the broken update and keep enforcing the old one). The head's errors say why and block.
  const loadedAtHead = new Set(head.constraints.map((c) => `${c.kind}/${c.name}`));
  const unevaluable = new Set(
    head.policies.constraints.map((c) => `${gvkOf(c.object).kind}/${nameOf(c.object)}`).filter((k) => !loadedAtHead.has(k)),
  );
  const knownAtHead = (v: ReviewedViolation) => !unevaluable.has(`${v.constraintKind}/${v.constraintName}`);

  const findings: Finding[] = [];
  // A new finding the base's policies would also raise on the head's object is the object's doing; one
  // they would not raise needs the policy change. Fixed findings mirror that.
  const cause = (id: string, v: ReviewedViolation, side: 'base' | 'head', category: Finding['category']): FindingCause => {
    const obj = changedObjects.has(identityOf(side, v));
    // A changed message the base's policies would not word so on the head's object: the policy reworded it.
    const pol = category === 'new' || category === 'changed' ? !crossIdx.has(id) : category === 'fixed' ? crossIdx.has(id) : false;
    return obj && pol ? 'object+policy' : pol ? 'policy' : 'object';
  };
  const toFinding = (id: string, v: ReviewedViolation, category: Finding['category'], source: RefOutcome, previous?: [string, ReviewedViolation]): Finding => ({
    id,
    cluster,
    category,
    cause: cause(id, v, source.ref, category),
    constraint: { kind: v.constraintKind, name: v.constraintName, source: source.constraintSources.get(`${v.constraintKind}/${v.constraintName}`) ?? v.constraintSource },
    actions: v.actions,
    object: v.object,
    objectSource: v.objectSource,
    ...(v.location ? { location: v.location } : {}),
    message: v.message,
    ...(previous ? { previousMessage: previous[1].message, previousId: previous[0] } : {}),
    ...(v.impliedBy ? { impliedBy: v.impliedBy } : {}),
    operation: v.operation,
    ...(v.onCreate ? { onCreate: true } : {}),
  });

  // Pairing per constraint and object: the same message is the same violation; the rest pair up as changed
  // (still rejected, reworded); only the surplus of one side is new or fixed.
  type Entry = [string, ReviewedViolation, string];
  const groups = new Map<string, { base: Entry[]; head: Entry[] }>();
  const groupOf = (side: 'base' | 'head', v: ReviewedViolation) => {
    const key = [v.constraintKind, v.constraintName, identityOf(side, v)].join('\u0000');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { base: [], head: [] }));
    return g;
  };
  for (const [id, v] of baseIdx) groupOf('base', v).base.push([id, v, v.message]);
  for (const [id, v] of headIdx) groupOf('head', v).head.push([id, v, wording('head', v)]);
  for (const g of groups.values()) {
    const baseMessages = new Set(g.base.map(([, , m]) => m));
    const headMessages = new Set(g.head.map(([, , m]) => m));
    // A base violation of a constraint the head cannot evaluate is neither fixed nor pairable.
    const fixable = g.base.filter(([, v, m]) => !headMessages.has(m) && knownAtHead(v)).sort(byMessage);
    for (const [id, v, m] of g.head.sort(byMessage)) {
      if (baseMessages.has(m)) findings.push(toFinding(id, v, 'unchanged', head));
      else {
        const previous = fixable.shift();
        findings.push(previous ? toFinding(id, v, 'changed', head, [previous[0], previous[1]]) : toFinding(id, v, 'new', head));
      }
    }
    for (const [id, v] of fixable) findings.push(toFinding(id, v, 'fixed', base));
  }
  findings.sort(compareFindings);

  const report = {
    name: cluster,
    findings,
    policyChanges: policyChanges(base, head, denialsDelta(headIdx, crossIdx, knownAtHead), unevaluable),
    promotions: promotions(base, head, findings, input.enforcementPoint),
    exemptions: exemptionChanges(base, head, input.allowedNamespaces),
    renderedDiffs: renderedDiffs(pairing, input.baseObjects, input.headObjects),
    duplicates: pairing.duplicates,
    errors: pairErrors(base.errors, head.errors),
    stats: { objectsBase: 0, objectsHead: 0, reviews: 0, rootsRendered: 0, durationMs: 0 },
  };
  const relaxations = policyRelaxations({ ...input, cross: input.headUnderBasePolicies, changes: report.policyChanges, exemptions: report.exemptions, knownAtHead });
  return { ...report, relaxations };
}

function byMessage(a: [string, ReviewedViolation, string], b: [string, ReviewedViolation, string]): number {
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/**
 * Errors of both refs; a head error the base has too (same kind and file, same message once line and other
 * numbers are set aside, since an edit above it moves it) is `existing`: listed, not blocking by default.
 */
function pairErrors(baseErrors: InputError[], headErrors: InputError[]): ClusterReport['errors'] {
  const loose = (e: InputError) => [e.kind, e.source?.file ?? '', e.message.replace(/\d+/g, '#')].join('\u0000');
  const exact = new Map<string, number>();
  const approx = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by);
  for (const e of baseErrors) {
    bump(exact, `${e.kind}\u0000${e.message}`, 1);
    bump(approx, loose(e), 1);
  }
  const existing = headErrors.map((e) => {
    const k = `${e.kind}\u0000${e.message}`;
    if ((exact.get(k) ?? 0) > 0) {
      bump(exact, k, -1);
      bump(approx, loose(e), -1);
      return true;
    }
    return false;
  });
  headErrors.forEach((e, i) => {
    if (existing[i] || (approx.get(loose(e)) ?? 0) <= 0) return;
    bump(approx, loose(e), -1);
    existing[i] = true;
  });
  return [
    ...baseErrors.map((error) => ({ ref: 'base' as const, error })),
    ...headErrors.map((error, i) => ({ ref: 'head' as const, error, ...(existing[i] ? { existing: true } : {}) })),
  ];
}

function strongest(actions: WebhookAction[]): number {
  return Math.min(3, ...actions.map((a) => ACTION_RANK[a]));
}

function compareFindings(a: Finding, b: Finding): number {
  const cat = { new: 0, fixed: 1, changed: 2, unchanged: 2 };
  return (
    cat[a.category] - cat[b.category] ||
    strongest(a.actions) - strongest(b.actions) ||
    (a.objectSource?.file ?? '').localeCompare(b.objectSource?.file ?? '') ||
    (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) ||
    a.constraint.kind.localeCompare(b.constraint.kind) ||
    a.constraint.name.localeCompare(b.constraint.name) ||
    a.message.localeCompare(b.message)
  );
}

function templateKind(object: JsonObject): string {
  const spec = isObject(object.spec) ? object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  return typeof names.kind === 'string' ? names.kind : '';
}

function denies(f: Finding): boolean {
  return f.actions.includes('deny');
}

interface Denial {
  constraint: string;
  object: ObjectRef;
}

/**
 * The head's objects denied under the head's policies but not under the base's, and the reverse: the
 * policy change's own effect (new rules, new parameters, promotions to deny, removed exemptions...).
 */
function denialsDelta(
  head: Map<string, ReviewedViolation>,
  cross: Map<string, ReviewedViolation>,
  knownAtHead: (v: ReviewedViolation) => boolean,
): { newly: Denial[]; noLonger: Denial[] } {
  // By constraint and object, not by finding: an object a constraint denies under both policy sets, with a
  // message the change rewords (e.g. a new parameter value in it), is neither newly nor no longer denied.
  const deniedPairs = (vs: Map<string, ReviewedViolation>) => {
    const m = new Map<string, Denial>();
    for (const v of vs.values()) {
      if (!v.actions.includes('deny') || !knownAtHead(v)) continue;
      const constraint = `${v.constraintKind}/${v.constraintName}`;
      m.set(`${constraint}\u0000${objectKey(v.object)}`, { constraint, object: v.object });
    }
    return m;
  };
  const h = deniedPairs(head);
  const c = deniedPairs(cross);
  const pick = (from: Map<string, Denial>, other: Map<string, Denial>) => [...from].filter(([k]) => !other.has(k)).map(([, d]) => d);
  return { newly: pick(h, c), noLonger: pick(c, h) };
}

function policyChanges(base: RefOutcome, head: RefOutcome, delta: { newly: Denial[]; noLonger: Denial[] }, unevaluable: Set<string>): PolicyChange[] {
  const out: PolicyChange[] = [];
  const affected = (match: (constraint: string) => boolean) => ({
    newlyDenied: uniqueObjects(delta.newly.filter((d) => match(d.constraint)).map((d) => d.object)),
    noLongerDenied: uniqueObjects(delta.noLonger.filter((d) => match(d.constraint)).map((d) => d.object)),
  });
  const tmpl = (r: RefOutcome) => new Map(r.policies.templates.map((t) => [templateKind(t.object), t]));
  const bt = tmpl(base);
  const ht = tmpl(head);
  for (const kind of [...new Set([...bt.keys(), ...ht.keys()])].sort()) {
    const b = bt.get(kind);
    const h = ht.get(kind);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const change = !b ? 'added' : !h ? 'removed' : 'modified';
    out.push({ type: 'template', name: kind, change, source: (h ?? b)!.source, ...affected((c) => c.startsWith(`${kind}/`)) });
  }
  const cons = (r: RefOutcome) => new Map(r.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  const bc = cons(base);
  const hc = cons(head);
  for (const key of [...new Set([...bc.keys(), ...hc.keys()])].sort()) {
    const b = bc.get(key);
    const h = hc.get(key);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    // Declared at head but not loadable there: not removed (the head's error reports it).
    if (!h && unevaluable.has(key)) continue;
    const change = !b ? 'added' : !h ? 'removed' : 'modified';
    out.push({
      type: 'constraint',
      name: key,
      change,
      source: (h ?? b)!.source,
      ...(b ? { actionBefore: b.enforcementAction } : {}),
      ...(h ? { actionAfter: h.enforcementAction } : {}),
      ...affected((c) => c === key),
    });
  }
  return out;
}

function uniqueObjects(objects: ObjectRef[]): ObjectRef[] {
  const m = new Map<string, ObjectRef>();
  for (const o of objects) m.set(objectKey(o), o);
  return [...m.values()];
}

function promotions(base: RefOutcome, head: RefOutcome, findings: Finding[], enforcementPoint: string): Promotion[] {
  const out: Promotion[] = [];
  const bc = new Map(base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of head.constraints) {
    const b = bc.get(`${h.kind}/${h.name}`);
    if (!b) continue;
    const before = effectiveAction(b, enforcementPoint);
    const after = effectiveAction(h, enforcementPoint);
    if (after !== 'deny' || before === 'deny') continue;
    const objects = findings
      .filter((f) => f.category !== 'fixed' && f.constraint.kind === h.kind && f.constraint.name === h.name && denies(f))
      .map((f) => ({ object: f.object, message: f.message, ...(f.objectSource ? { source: f.objectSource } : {}) }));
    out.push({ constraint: { kind: h.kind, name: h.name, source: h.source }, from: before, to: after, objects });
  }
  return out;
}

function effectiveAction(c: Constraint, enforcementPoint: string): string {
  if (c.enforcementAction !== 'scoped') return c.enforcementAction;
  const actions = c.scopedEnforcementActions.filter((s) => s.enforcementPoints.some((p) => p.name === '*' || p.name === enforcementPoint)).map((s) => s.action);
  return actions.includes('deny') ? 'deny' : (actions[0] ?? 'none');
}

function exemptionChanges(base: RefOutcome, head: RefOutcome, allowed: string[] | undefined): ExemptionChange[] {
  const collect = (r: RefOutcome) => {
    const m = new Map<string, { owner: string; field: ExemptionChange['field']; namespace: string; source: SourceLocation }>();
    for (const c of r.constraints) {
      const excluded = isObject(c.match) && Array.isArray(c.match.excludedNamespaces) ? c.match.excludedNamespaces : [];
      for (const ns of excluded) {
        if (typeof ns !== 'string') continue;
        const owner = `${c.kind}/${c.name}`;
        m.set(`${owner}\u0000${ns}`, { owner, field: 'excludedNamespaces', namespace: ns, source: c.source });
      }
    }
    for (const cfg of r.policies.configs) {
      for (const entry of configMatchEntries(cfg.object)) {
        const owner = `Config/${nameOf(cfg.object)} (${entry.processes.join(', ')})`;
        for (const ns of entry.excludedNamespaces) {
          m.set(`${owner}\u0000${ns}`, { owner, field: 'Config.match.excludedNamespaces', namespace: ns, source: cfg.source });
        }
      }
    }
    return m;
  };
  const b = collect(base);
  const h = collect(head);
  const out: ExemptionChange[] = [];
  const isAllowed = (ns: string) => allowed === undefined || allowed.some((g) => g === ns || matchesGlob(g, ns));
  for (const [k, e] of h) if (!b.has(k)) out.push({ ...e, change: 'added', allowed: isAllowed(e.namespace) });
  for (const [k, e] of b) if (!h.has(k)) out.push({ ...e, change: 'removed', allowed: true });
  return out.sort((x, y) => x.owner.localeCompare(y.owner) || x.namespace.localeCompare(y.namespace) || x.change.localeCompare(y.change));
}

function renderedDiffs(pairing: ObjectPairing, baseObjects: RenderedObject[], headObjects: RenderedObject[]): RenderedObjectDiff[] {
  // Any object may quote a Secret's value (an annotation, a ConfigMap copied from it): redact them all.
  const secrets = secretValues([...baseObjects, ...headObjects].map((o) => o.object));
  const out: Array<RenderedObjectDiff & { key: string }> = [];
  for (const { base: bo, head: ho, renamed } of pairing.pairs) {
    if (bo && ho && canonicalJson(bo.object) === canonicalJson(ho.object)) continue;
    const ref = objectRef((ho ?? bo)!.object);
    const before = bo ? yamlOf(bo.object) : '';
    const after = ho ? yamlOf(ho.object) : '';
    const labelBefore = describeObject(bo ? objectRef(bo.object) : ref);
    const patch = createTwoFilesPatch(`a/${labelBefore}`, `b/${describeObject(ref)}`, before, after, bo ? `base ${bo.source.file}` : '', ho ? `head ${ho.source.file}` : '', {
      context: 3,
    });
    out.push({
      key: objectKey(bo ? objectRef(bo.object) : ref),
      object: ref,
      ...(renamed && bo ? { previousName: nameOf(bo.object) } : {}),
      change: !bo ? 'added' : !ho ? 'removed' : 'modified',
      diff: redactSecrets(patch.split('\n').slice(1).join('\n'), secrets),
      source: (ho ?? bo)!.source,
      root: (ho ?? bo)!.root,
    });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.root.localeCompare(y.root))).map(({ key: _key, ...d }) => d);
}

function yamlOf(object: JsonObject): string {
  return stringify(maskSecret(object) as JsonValue, { sortMapEntries: false, lineWidth: 0 });
}
