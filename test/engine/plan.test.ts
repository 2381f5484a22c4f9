// The review planner as pure code: which reviews each object gets in gator's and the webhook's way, with which
// Namespace and operation, and how a resultant's results are attributed to its parent. No opa, no workers.
import { describe, expect, it } from 'vitest';
import { attributed, gatorNamespaceFor, planReviews, type PlannedReview } from '../../src/engine/plan.ts';
import type { Violation } from '../../src/engine/client.ts';
import { parseExpansionTemplate, type ExpansionTemplate } from '../../src/gatekeeper/expand.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import type { Constraint } from '../../src/gatekeeper/constraint.ts';

const at = { file: 'x.yaml', startLine: 1, endLine: 1 };
function template(name: string, applyTo: { groups: string[]; versions: string[]; kinds: string[] }, generated: { group: string; version: string; kind: string }, extra: JsonObject = {}): ExpansionTemplate {
  const r = parseExpansionTemplate({
    object: { apiVersion: 'expansion.gatekeeper.sh/v1beta1', kind: 'ExpansionTemplate', metadata: { name }, spec: { applyTo: [applyTo], templateSource: 'spec.template', generatedGVK: generated, ...extra } },
    source: at,
  });
  if ('error' in r) throw new Error(r.error.message);
  return r.template;
}
const POD = { group: '', version: 'v1', kind: 'Pod' };
const DEPLOYMENTS = template('expand-deployments', { groups: ['apps'], versions: ['v1'], kinds: ['Deployment'] }, POD);
const deployment = (name: string, namespace?: string, podMeta: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
  spec: { template: { metadata: { labels: { app: name }, ...podMeta }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});
const namespace = (name: string, labels: Record<string, string> = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const ident = (o: JsonObject) => o;
/** What a planned review says, in short. */
const summary = (p: PlannedReview<JsonObject>) => ({
  kind: (p.review.object as JsonObject).kind,
  source: p.review.source,
  operation: p.review.operation,
  namespace: p.review.namespace,
  ...(p.implied ? { implied: p.implied.name } : {}),
  ...(p.onCreate ? { onCreate: true } : {}),
});

describe("engine/plan: gator's Expander.NamespaceForResource", () => {
  const prod = namespace('prod', { tier: 'gold' });
  const namespaces = new Map([['prod', prod]]);
  it('empty Namespace without a namespace, the input Namespace, a bare default, else none', () => {
    expect(gatorNamespaceFor(deployment('a'), namespaces)).toEqual({});
    expect(gatorNamespaceFor(deployment('a', 'prod'), namespaces)).toBe(prod);
    expect(gatorNamespaceFor(deployment('a', 'default'), namespaces)).toEqual({ metadata: { name: 'default' } });
    expect(gatorNamespaceFor(deployment('a', 'other'), namespaces)).toBeNull();
    expect(gatorNamespaceFor(deployment('a', 'default'), new Map([['default', prod]]))).toBe(prod);
  });
});

describe('engine/plan: gator mode (gator test, gator verify)', () => {
  const prod = namespace('prod', { tier: 'gold' });
  const objects = [deployment('web', 'prod'), deployment('api', 'other'), namespace('prod')];

  it('gator test: each object, then its resultants, plain reviews with the Namespace attached', () => {
    const plan = planReviews(objects, { mode: 'gator', objectOf: ident, expansions: [DEPLOYMENTS], namespaces: new Map([['prod', prod]]), attachNamespace: true });
    expect(plan.expansionErrors).toEqual([]);
    expect(plan.reviews.map(summary)).toEqual([
      { kind: 'Deployment', source: 'Original', operation: '', namespace: prod },
      { kind: 'Pod', source: 'Generated', operation: '', namespace: prod, implied: 'expand-deployments' },
      { kind: 'Deployment', source: 'Original', operation: '', namespace: null },
      { kind: 'Pod', source: 'Generated', operation: '', namespace: null, implied: 'expand-deployments' },
      { kind: 'Namespace', source: 'Original', operation: '', namespace: {} },
    ]);
    expect(plan.reviews[1]!.parent).toBe(objects[0]);
    expect(plan.reviews[1]!.review.object).toMatchObject({ metadata: { name: 'web-pod', namespace: 'prod' } });
    // gator passes no namespaceObject: `input.review.namespaceObject` stays empty.
    for (const p of plan.reviews) expect(p.review.namespaceObject).toEqual({});
  });

  it('gator verify: no Namespace attached to any review, though expansion still gets NamespaceForResource', () => {
    // A workload without a namespace whose pod template names one: expansion with the empty (non-nil) Namespace
    // clears it, as gator's expandResource does with SetNamespace("").
    const loose = deployment('loose', undefined, { namespace: 'elsewhere' });
    const plan = planReviews([loose], { mode: 'gator', objectOf: ident, expansions: [DEPLOYMENTS], namespaces: new Map(), attachNamespace: false });
    expect(plan.reviews.map(summary)).toEqual([
      { kind: 'Deployment', source: 'Original', operation: '', namespace: null },
      { kind: 'Pod', source: 'Generated', operation: '', namespace: null, implied: 'expand-deployments' },
    ]);
    expect((plan.reviews[1]!.review.object as JsonObject).metadata).not.toHaveProperty('namespace');
  });

  it("an expansion failure keeps the object's own review and is worded as gator words it", () => {
    const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken', namespace: 'prod' }, spec: {} };
    const plan = planReviews([broken, objects[0]!], { mode: 'gator', objectOf: ident, expansions: [DEPLOYMENTS], namespaces: new Map(), attachNamespace: true });
    expect(plan.expansionErrors).toEqual([
      { parent: broken, message: 'expanding resource broken: error expanding resource broken: could not find source field "spec.template" in resource broken' },
    ]);
    expect(plan.reviews).toHaveLength(3);
    expect(plan.reviews[0]!.parent).toBe(broken);
    expect(plan.reviews.filter((p) => p.parent === broken)).toHaveLength(1);
  });

  it('no ExpansionTemplates: one review per object and nothing expanded', () => {
    const plan = planReviews(objects, { mode: 'gator', objectOf: ident, expansions: [], namespaces: new Map(), attachNamespace: true });
    expect(plan.reviews).toHaveLength(3);
    expect(plan.reviews.every((p) => p.implied === undefined)).toBe(true);
  });
});

describe('engine/plan: webhook mode (the base/head simulation)', () => {
  const labelled = (name: string) => namespace(name, { 'kubernetes.io/metadata.name': name });
  const webhook = (objects: JsonObject[], o: { excluded?: string[]; previous?: Map<JsonObject, JsonObject>; expansions?: ExpansionTemplate[] } = {}) =>
    planReviews(objects, {
      mode: 'webhook',
      objectOf: ident,
      expansions: o.expansions ?? [DEPLOYMENTS],
      namespaceNamed: labelled,
      previous: (x) => o.previous?.get(x),
      excludedNamespaces: o.excluded ?? [],
    });

  it('CREATE with the Namespace fetched; resultants are bare objects with the parent operation and its Namespace', () => {
    const web = deployment('web', 'prod');
    const plan = webhook([web]);
    expect(plan.reviews.map(summary)).toEqual([
      { kind: 'Deployment', source: 'Original', operation: 'CREATE', namespace: labelled('prod') },
      { kind: 'Pod', source: 'Generated', operation: 'CREATE', namespace: labelled('prod'), implied: 'expand-deployments' },
    ]);
    expect(plan.reviews[1]!.review.namespaceObject).toEqual(labelled('prod'));
    expect(plan.reviews[1]!.review.request.oldObject).toBeNull();
  });

  it('an UPDATE is reviewed as UPDATE (with oldObject) and again as CREATE, resultants too', () => {
    const web = deployment('web', 'prod');
    const old = deployment('web', 'prod', { annotations: { v: '1' } });
    const plan = webhook([web], { previous: new Map([[web, old]]) });
    expect(plan.reviews.map(summary)).toEqual([
      { kind: 'Deployment', source: 'Original', operation: 'UPDATE', namespace: labelled('prod') },
      { kind: 'Deployment', source: 'Original', operation: 'CREATE', namespace: labelled('prod'), onCreate: true },
      { kind: 'Pod', source: 'Generated', operation: 'UPDATE', namespace: labelled('prod'), implied: 'expand-deployments' },
      { kind: 'Pod', source: 'Generated', operation: 'CREATE', namespace: labelled('prod'), implied: 'expand-deployments', onCreate: true },
    ]);
    expect(plan.reviews[0]!.review.oldObject).toBe(old);
    expect(plan.reviews[2]!.review.oldObject).toBeNull();
  });

  it('objects in namespaces Config excludes from the webhook are not reviewed, a Namespace tested by its name', () => {
    const plan = webhook([deployment('a', 'kube-system'), namespace('kube-public'), deployment('b', 'prod'), namespace('prod')], { excluded: ['kube-*'] });
    expect(plan.reviews.filter((p) => p.implied === undefined).map((p) => (p.review.object as JsonObject).metadata)).toEqual([
      { name: 'b', namespace: 'prod' },
      { name: 'prod', labels: {} },
    ]);
  });

  it('a glob matching "" (`*`) excludes cluster-scoped objects too (was: always reviewed)', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin' } };
    expect(webhook([role, deployment('b', 'prod')], { excluded: ['*'] }).reviews).toEqual([]);
    expect(webhook([role], { excluded: ['*-system'] }).reviews).toHaveLength(1);
  });

  it("a Namespace's own metadata.namespace is not the request's: no Namespace fetched, none given to expansion (was: the junk one)", () => {
    const nsTemplate = template('expand-namespaces', { groups: [''], versions: ['v1'], kinds: ['Namespace'] }, { group: 'example.com', version: 'v1', kind: 'Quota' });
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', namespace: 'junk' }, spec: { template: { spec: { hard: 1 } } } };
    const plan = webhook([ns], { expansions: [nsTemplate] });
    expect(plan.reviews.map(summary)).toEqual([
      { kind: 'Namespace', source: 'Original', operation: 'CREATE', namespace: null },
      { kind: 'Quota', source: 'Generated', operation: 'CREATE', namespace: null, implied: 'expand-namespaces' },
    ]);
    expect((plan.reviews[1]!.review.object as JsonObject).metadata).toEqual({ name: 'team-quota', ownerReferences: [{ apiVersion: 'v1', kind: 'Namespace', name: 'team', uid: '' }] });
    expect(plan.reviews[1]!.review.namespaceObject).toEqual({});
  });

  it('a cluster-scoped parent keeps the namespace its template source names, `namespace: ""` or not (SetNamespace(req.Namespace) first)', () => {
    const withEmpty = deployment('a', '', { namespace: 'elsewhere' });
    const without = deployment('b', undefined, { namespace: 'elsewhere' });
    for (const parent of [withEmpty, without]) {
      const plan = webhook([parent]);
      expect(plan.reviews[1]!.review.object).toMatchObject({ metadata: { namespace: 'elsewhere' } });
      expect(plan.reviews[1]!.review.namespace).toBeNull();
    }
    // The object itself is left as it was.
    expect(withEmpty.metadata).toEqual({ name: 'a', namespace: '' });
  });

  it('expansion memos see the same parent object when the request changes nothing', () => {
    const seen: JsonObject[] = [];
    const web = deployment('web', 'prod');
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', namespace: 'junk' } };
    planReviews([web, ns, ns], {
      mode: 'webhook',
      objectOf: ident,
      expansions: [DEPLOYMENTS],
      expand: (parent) => (seen.push(parent), []),
      namespaceNamed: labelled,
      previous: () => undefined,
      excludedNamespaces: [],
    });
    expect(seen[0]).toBe(web);
    // The Namespace is expanded as a copy without its namespace, the same copy every time.
    expect(seen[1]).not.toBe(ns);
    expect(seen[1]).toBe(seen[2]);
    expect(seen[1]!.metadata).toEqual({ name: 'team' });
  });

  it('an expansion failure is reported with the object name, its own reviews still planned', () => {
    const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken', namespace: 'prod' }, spec: {} };
    const plan = webhook([broken]);
    expect(plan.expansionErrors.map((e) => e.message)).toEqual(['expanding resource broken: could not find source field "spec.template" in resource broken']);
    expect(plan.reviews).toHaveLength(1);
  });
});

describe('engine/plan: attributing a resultant result to its parent', () => {
  const constraint = { kind: 'K', name: 'c' } as unknown as Constraint;
  const v: Violation = { target: 'admission.k8s.gatekeeper.sh', msg: 'no', details: undefined, constraint, enforcementAction: 'scoped', scopedActions: ['deny'] };
  it("the template's action replaces the result's (scopedActions kept) and the message is prefixed", () => {
    expect(attributed(v, { name: 'expand-deployments', action: 'warn' })).toEqual({ ...v, msg: '[Implied by expand-deployments] no', enforcementAction: 'warn' });
    expect(attributed(v, { name: 'expand-deployments', action: '' })).toEqual({ ...v, msg: '[Implied by expand-deployments] no' });
    expect(attributed(v, undefined)).toBe(v);
  });
});
