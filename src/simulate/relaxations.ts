// Policy relaxations (issue #9): the parts of a policy change that weaken what the admission webhook stops, each
// with what it lets through. "Lets through" is the blast radius run the other way: the head's objects reviewed under
// the base's policies (the cross outcome simulate.ts already computes) against the same objects under the head's.
import type { Constraint } from '../gatekeeper/constraint.ts';
import { actionsForEnforcementPoint } from '../gatekeeper/enforcement.ts';
import { matchesGlob } from '../gatekeeper/glob.ts';
import { parseMatch, type Match } from '../gatekeeper/match.ts';
import type { JsonObject } from '../gatekeeper/types.ts';
import type { RefOutcome, ReviewedViolation } from './diff.ts';
import { canonicalJson, objectKey } from './identity.ts';
import { CONFIG_PROCESSES, processExclusions } from '../gatekeeper/config.ts';
import type { ExemptionChange, LetThrough, ObjectRef, PolicyChange, PolicyRelaxation, WebhookAction } from './types.ts';

/** Strength of what the webhook does; `none`: the constraint is not evaluated or has no action it knows. */
const RANK = { deny: 0, warn: 1, dryrun: 2, none: 3 } as const;
type Level = keyof typeof RANK;

export interface RelaxationInput {
  base: RefOutcome;
  head: RefOutcome;
  /** The head's objects under the base's policies; absent when the policies did not change (nothing relaxed). */
  cross: RefOutcome | undefined;
  /** Template and constraint changes as diff.ts computed them (removals of unloadable constraints left out). */
  changes: PolicyChange[];
  exemptions: ExemptionChange[];
  allowedNamespaces: string[] | undefined;
  enforcementPoint: string;
  /** False for violations of constraints the head declares but cannot load (the head's error blocks instead). */
  knownAtHead: (v: ReviewedViolation) => boolean;
}

/**
 * Every relaxation of the base's policies by the head's. Changes weaker by their nature (demotion, removal, match
 * narrowed, exemption or exclusion added) are listed even when they let nothing through today; other changes
 * (template code, parameters, match changes that are not plainly narrower, ExpansionTemplates, Config sync...) are
 * listed when they do let something through. A let-through violation no change explains is listed under `other`.
 */
export function policyRelaxations(a: RelaxationInput): PolicyRelaxation[] {
  if (!a.cross) return [];
  // A removed template takes its CRD and so every constraint of its kind with it, even ones the head still declares
  // (and cannot load): what those constraints reported is let through.
  const removedKinds = new Set(a.changes.filter((c) => c.type === 'template' && c.change === 'removed').map((c) => c.name));
  const through = letThrough(a.cross, a.head, (v) => a.knownAtHead(v) || removedKinds.has(v.constraintKind));
  const out: PolicyRelaxation[] = [];
  const explained = new Set<LetThrough>();
  const add = (r: Omit<PolicyRelaxation, 'letsThrough' | 'allowed'>, lets: (t: LetThrough) => boolean, always: boolean, allowed = false): void => {
    const list = through.filter(lets);
    if (!always && list.length === 0) return;
    for (const t of list) explained.add(t);
    out.push({ ...r, allowed, letsThrough: list });
  };
  const of = (key: string) => (t: LetThrough) => `${t.constraint.kind}/${t.constraint.name}` === key;
  const dropped = (t: LetThrough) => t.after === 'none';

  for (const c of a.changes) {
    if (c.type === 'template' && c.change === 'removed') {
      add({ type: 'template-removed', subject: c.name, description: `template ${c.name} removed`, ...src(c) }, (t) => t.constraint.kind === c.name, true);
    } else if (c.type === 'template' && c.change === 'modified') {
      add({ type: 'template-changed', subject: c.name, description: `template ${c.name} changed`, ...src(c) }, (t) => t.constraint.kind === c.name && dropped(t), false);
    } else if (c.type === 'constraint' && c.change === 'removed' && !renamed(c.name, a)) {
      add({ type: 'constraint-removed', subject: c.name, description: `constraint ${c.name} removed`, ...src(c) }, of(c.name), true);
    }
  }

  const baseConstraints = new Map(a.base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of a.head.constraints) {
    const key = `${h.kind}/${h.name}`;
    const b = baseConstraints.get(key);
    if (!b || canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const source = { source: h.source };
    const before = level(b, a.enforcementPoint);
    const after = level(h, a.enforcementPoint);
    if (RANK[after] > RANK[before]) {
      const description = `constraint ${key} demoted ${actionText(b, before)} -> ${actionText(h, after)}`;
      add({ type: 'enforcement', subject: key, description, ...source }, (t) => of(key)(t) && RANK[t.before] < RANK[after], true);
    }
    const [bm, hm] = [withoutExclusions(b.match), withoutExclusions(h.match)];
    if (canonicalJson(bm) !== canonicalJson(hm)) {
      const narrowed = narrowedFields(bm, hm);
      const description = narrowed.length > 0 ? `constraint ${key} match narrowed (${narrowed.join(', ')})` : `constraint ${key} match changed`;
      add({ type: 'match', subject: key, description, ...source }, (t) => of(key)(t) && dropped(t), narrowed.length > 0);
    }
    if (canonicalJson([b.parameters, b.parametersValue ?? null]) !== canonicalJson([h.parameters, h.parametersValue ?? null])) {
      add({ type: 'parameters', subject: key, description: `constraint ${key} parameters changed`, ...source }, (t) => of(key)(t) && dropped(t), false);
    }
  }

  // The exclusions of a constraint the change adds relax nothing: before it, nothing was checked there at all.
  const added = new Map<string, ExemptionChange[]>();
  for (const e of a.exemptions) {
    if (e.change !== 'added' || e.field !== 'excludedNamespaces' || !baseConstraints.has(e.owner)) continue;
    added.set(e.owner, [...(added.get(e.owner) ?? []), e]);
  }
  const inExempted = (namespaces: string[]) => (t: LetThrough) => dropped(t) && namespaces.some((g) => matchesGlob(g, subjectNamespace(t.object)));
  const sanctioned = (list: ExemptionChange[]) => a.allowedNamespaces !== undefined && list.every((e) => e.allowed);
  for (const [owner, list] of added) {
    const namespaces = list.map((e) => e.namespace);
    const description = `constraint ${owner} exempts namespace(s) ${namespaces.map((n) => JSON.stringify(n)).join(', ')}`;
    const source = list[0]!.source ? { source: list[0]!.source } : {};
    add({ type: 'exemption', subject: owner, description, ...source }, (t) => of(owner)(t) && inExempted(namespaces)(t), true, sanctioned(list));
  }

  // Config exclusions, process by process: regrouping the same exclusions into other match entries relaxes nothing.
  const excluded = new Map<string, string[]>();
  for (const process of CONFIG_PROCESSES) {
    const before = new Set(processExclusions(a.base.policies.configs, process));
    for (const ns of new Set(processExclusions(a.head.policies.configs, process))) if (!before.has(ns)) excluded.set(ns, [...(excluded.get(ns) ?? []), process]);
  }
  if (excluded.size > 0) {
    const namespaces = [...excluded.keys()];
    const list = a.exemptions.filter((e) => e.change === 'added' && e.field === 'Config.match.excludedNamespaces' && excluded.has(e.namespace));
    const description = `Config/config excludes ${[...excluded].map(([ns, ps]) => `namespace ${JSON.stringify(ns)} from ${ps.join(', ')}`).join('; ')}`;
    const config = a.head.policies.configs[0];
    add({ type: 'config-exclusion', subject: 'Config/config', description, ...(config ? { source: config.source } : {}) }, inExempted(namespaces), true, sanctioned(list));
  }

  if (canonicalJson(a.base.policies.expansions.map((e) => e.object)) !== canonicalJson(a.head.policies.expansions.map((e) => e.object))) {
    add({ type: 'expansion', subject: 'ExpansionTemplates', description: 'ExpansionTemplates changed' }, (t) => t.impliedBy !== undefined, false);
  }
  const rest = through.filter((t) => !explained.has(t));
  if (rest.length > 0) {
    out.push({ type: 'other', subject: 'policies', description: 'policy changes (Config sync, SyncSets or data the policies read)', allowed: false, letsThrough: rest });
  }
  return out;
}

/**
 * The violations the base's policies raise on the head's objects that the head's policies raise weaker or not at all,
 * by constraint and object (a message the change rewords is the same violation). A violation the head still raises as
 * strongly under another constraint of the same kind, with the same message (a renamed constraint), is not let through.
 */
function letThrough(cross: RefOutcome, head: RefOutcome, knownAtHead: (v: ReviewedViolation) => boolean): LetThrough[] {
  const strongest = (vs: ReviewedViolation[], key: (v: ReviewedViolation) => string) => {
    const m = new Map<string, { v: ReviewedViolation; level: WebhookAction }>();
    for (const v of vs) {
      if (!knownAtHead(v)) continue;
      const k = key(v);
      const l = violationLevel(v);
      const seen = m.get(k);
      if (!seen || RANK[l] < RANK[seen.level]) m.set(k, { v, level: l });
    }
    return m;
  };
  const byConstraint = (v: ReviewedViolation) => `${v.constraintKind}/${v.constraintName}\u0000${objectKey(v.object)}`;
  const byKind = (v: ReviewedViolation) => `${v.constraintKind}\u0000${objectKey(v.object)}\u0000${v.message}`;
  const atHead = strongest(head.violations, byConstraint);
  const sameKindAtHead = strongest(head.violations, byKind);
  const out: LetThrough[] = [];
  for (const [key, { v, level: before }] of strongest(cross.violations, byConstraint)) {
    const after = [atHead.get(key)?.level, sameKindAtHead.get(byKind(v))?.level].reduce<Level>((best, l) => (l !== undefined && RANK[l] < RANK[best] ? l : best), 'none');
    if (RANK[after] <= RANK[before]) continue;
    out.push({
      constraint: { kind: v.constraintKind, name: v.constraintName, source: v.constraintSource },
      object: v.object,
      objectSource: v.objectSource,
      message: v.message,
      ...(v.impliedBy ? { impliedBy: v.impliedBy } : {}),
      before,
      after,
    });
  }
  return out;
}

/** A constraint the head removes but declares again under another name, with the same spec: a rename. */
function renamed(key: string, a: RelaxationInput): boolean {
  const spec = (c: Constraint) => canonicalJson(c.object.spec ?? null);
  const removed = a.base.constraints.find((c) => `${c.kind}/${c.name}` === key);
  const baseKeys = new Set(a.base.constraints.map((c) => `${c.kind}/${c.name}`));
  return removed !== undefined && a.head.constraints.some((h) => h.kind === removed.kind && !baseKeys.has(`${h.kind}/${h.name}`) && spec(h) === spec(removed));
}

/** A violation with no action the webhook knows is reported as dryrun, as everywhere else in the report. */
function violationLevel(v: ReviewedViolation): WebhookAction {
  return v.actions.reduce<WebhookAction>((best, x) => (RANK[x] < RANK[best] ? x : best), 'dryrun');
}

/** The strongest action a constraint has at the enforcement point. */
function level(c: Constraint, enforcementPoint: string): Level {
  const r = actionsForEnforcementPoint(c, enforcementPoint);
  if (!r.evaluate) return 'none';
  return (r.scopedActions ?? [r.enforcementAction]).reduce<Level>((best, x) => (x in RANK && RANK[x as Level] < RANK[best] ? (x as Level) : best), 'none');
}

function actionText(c: Constraint, l: Level): string {
  return c.enforcementAction === l ? l : `${l} (${JSON.stringify(c.enforcementAction)})`;
}

function src(c: PolicyChange): { source?: PolicyChange['source'] } {
  return c.source ? { source: c.source } : {};
}

/** A Namespace is its own subject for exclusions (Gatekeeper tests its name); cluster-scoped objects have none. */
function subjectNamespace(o: ObjectRef): string {
  return o.group === '' && o.kind === 'Namespace' ? o.name : o.namespace;
}

/** The match block without `excludedNamespaces`: added exclusions are reported as exemptions. */
function withoutExclusions(match: JsonObject | undefined): JsonObject {
  const { excludedNamespaces: _, ...rest } = match ?? {};
  return rest;
}

const MATCH_FIELDS = new Set(['kinds', 'scope', 'namespaces', 'labelSelector', 'namespaceSelector', 'name', 'source']);

/**
 * The match fields whose change plainly matches fewer objects: a kind no longer covered, a narrower scope, source or
 * name, a namespaces list set or shortened, a selector added or changed. Widening changes (kinds or namespaces added,
 * a selector removed) are not narrowing. An unknown field that changed counts as narrowing.
 */
function narrowedFields(baseRaw: JsonObject, headRaw: JsonObject): string[] {
  const b: Match = parseMatch(baseRaw);
  const h: Match = parseMatch(headRaw);
  const out: string[] = [];
  const all = (list: string[]) => (list.length === 0 ? ['*'] : list);
  const covers = (g: string, k: string) =>
    h.kinds.length === 0 ||
    h.kinds.some((e) => (e.kinds.length === 0 || e.kinds.includes('*') || e.kinds.includes(k)) && (e.apiGroups.length === 0 || e.apiGroups.includes('*') || e.apiGroups.includes(g)));
  const baseKinds = b.kinds.length === 0 ? [{ apiGroups: [], kinds: [] }] : b.kinds;
  if (baseKinds.some((e) => all(e.apiGroups).some((g) => all(e.kinds).some((k) => !covers(g, k))))) out.push('kinds');
  const scope = (s: string) => (s === 'Cluster' || s === 'Namespaced' ? s : '*');
  if (scope(h.scope) !== '*' && scope(h.scope) !== scope(b.scope)) out.push('scope');
  const coveredNs = (n: string) => h.namespaces.some((g) => g === n || matchesGlob(g, n));
  if (h.namespaces.length > 0 && (b.namespaces.length === 0 || !b.namespaces.every(coveredNs))) out.push('namespaces');
  for (const field of ['labelSelector', 'namespaceSelector'] as const) {
    if (headRaw[field] != null && canonicalJson(headRaw[field]) !== canonicalJson(baseRaw[field] ?? null)) out.push(field);
  }
  if (h.name !== '' && h.name !== b.name) out.push('name');
  const source = (s: string) => (s === '' ? 'All' : s);
  if (source(h.source) !== 'All' && source(h.source) !== source(b.source)) out.push('source');
  for (const field of new Set([...Object.keys(baseRaw), ...Object.keys(headRaw)])) {
    if (!MATCH_FIELDS.has(field) && canonicalJson(baseRaw[field] ?? null) !== canonicalJson(headRaw[field] ?? null)) out.push(field);
  }
  return out;
}
