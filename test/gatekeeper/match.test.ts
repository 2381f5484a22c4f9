import { describe, expect, it } from 'vitest';
import { matchConstraint, type MatchTarget } from '../../src/gatekeeper/match.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

const pod = (meta: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'prod', ...meta } });
const clusterRole: JsonObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr' } };
const nsObj = (name: string, labels: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

function target(object: JsonObject | null, more: Partial<MatchTarget> = {}): MatchTarget {
  return { object, oldObject: null, namespace: null, source: 'Original', namespaceLookup: () => undefined, ...more };
}
const matched = (m: JsonObject | undefined, t: MatchTarget): boolean | string => {
  const r = matchConstraint(m, t);
  return 'matched' in r ? r.matched : `error: ${r.error}`;
};

describe('no match block', () => {
  it('matches anything, even a review with no objects', () => {
    expect(matched(undefined, target(null))).toBe(true);
  });
  it('an empty match block matches, but needs an object', () => {
    expect(matched({}, target(pod()))).toBe(true);
    expect(matchConstraint({}, target(null))).toEqual({
      error: 'neither object nor old object are defined',
      autorejectMessage: 'unable to match constraints: invalid request object: neither object nor old object are defined',
    });
  });
});

describe('kinds', () => {
  const deploy: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'x' } };
  it.each([
    [[{ apiGroups: [''], kinds: ['Pod'] }], pod(), true],
    [[{ apiGroups: [''], kinds: ['Pod'] }], deploy, false],
    [[{ apiGroups: ['apps'], kinds: ['Pod'] }], pod(), false],
    [[{ apiGroups: ['*'], kinds: ['Deployment'] }], deploy, true],
    [[{ apiGroups: ['apps'], kinds: ['*'] }], deploy, true],
    [[{ kinds: ['Deployment'] }], deploy, true],
    [[{ apiGroups: ['apps'] }], deploy, true],
    [[{}], pod(), true],
    [[{ apiGroups: ['apps'], kinds: ['Pod'] }, { apiGroups: [''], kinds: ['Pod'] }], pod(), true],
    [[], pod(), true],
    [[{ apiGroups: ['core'], kinds: ['Pod'] }], pod(), false],
    [[{ apiGroups: [''], kinds: ['pod'] }], pod(), false],
  ])('%j on %j → %s', (kinds, obj, want) => expect(matched({ kinds }, target(obj))).toBe(want));

  it('an apiVersion with two slashes has no group and no kind for matching', () => {
    const odd: JsonObject = { apiVersion: 'a/b/c', kind: 'Pod', metadata: { name: 'x' } };
    expect(matched({ kinds: [{ kinds: ['Pod'] }] }, target(odd))).toBe(false);
    expect(matched({ kinds: [{ kinds: ['*'] }] }, target(odd))).toBe(true);
  });
});

describe('scope', () => {
  it.each([
    ['Cluster', clusterRole, null, true],
    ['Cluster', pod(), null, false],
    ['Cluster', nsObj('prod'), null, true],
    ['Namespaced', pod(), null, true],
    ['Namespaced', clusterRole, null, false],
    ['Namespaced', nsObj('prod'), null, false],
    // a supplied Namespace, even an empty one (gator test's &corev1.Namespace{}), makes an object namespaced
    ['Namespaced', clusterRole, {}, true],
    ['Cluster', clusterRole, {}, false],
    ['Cluster', nsObj('prod'), {}, true],
    // anything else, typos included, matches everything
    ['*', clusterRole, null, true],
    ['cluster', pod(), null, true],
    ['Namespace', clusterRole, null, true],
    ['', pod(), null, true],
  ] as Array<[string, JsonObject, JsonObject | null, boolean]>)('%s, %j, ns=%j → %s', (scope, obj, ns, want) =>
    expect(matched({ scope }, target(obj, { namespace: ns }))).toBe(want),
  );
});

describe('namespaces and excludedNamespaces', () => {
  it('globs against the object namespace', () => {
    expect(matched({ namespaces: ['prod'] }, target(pod()))).toBe(true);
    expect(matched({ namespaces: ['pro*'] }, target(pod()))).toBe(true);
    expect(matched({ namespaces: ['*od'] }, target(pod()))).toBe(true);
    expect(matched({ namespaces: ['*ro*'] }, target(pod()))).toBe(true);
    expect(matched({ namespaces: ['dev', 'test'] }, target(pod()))).toBe(false);
    expect(matched({ excludedNamespaces: ['prod'] }, target(pod()))).toBe(false);
    expect(matched({ excludedNamespaces: ['kube-*'] }, target(pod()))).toBe(true);
  });
  it('the supplied Namespace wins over metadata.namespace', () => {
    expect(matched({ namespaces: ['prod'] }, target(pod(), { namespace: nsObj('other') }))).toBe(false);
    expect(matched({ excludedNamespaces: ['other'] }, target(pod(), { namespace: nsObj('other') }))).toBe(false);
  });
  it('a Namespace object is tested by its own name', () => {
    expect(matched({ namespaces: ['prod'] }, target(nsObj('prod')))).toBe(true);
    expect(matched({ excludedNamespaces: ['prod'] }, target(nsObj('prod'), { namespace: nsObj('x') }))).toBe(false);
  });
  it('cluster-scoped objects without a supplied Namespace are never filtered out', () => {
    expect(matched({ namespaces: ['prod'] }, target(clusterRole))).toBe(true);
    expect(matched({ excludedNamespaces: ['*'] }, target(clusterRole))).toBe(true);
  });
  it('with an empty supplied Namespace they are tested as namespace ""', () => {
    expect(matched({ namespaces: ['prod'] }, target(clusterRole, { namespace: {} }))).toBe(false);
    expect(matched({ namespaces: ['*'] }, target(clusterRole, { namespace: {} }))).toBe(true);
    expect(matched({ excludedNamespaces: ['*'] }, target(clusterRole, { namespace: {} }))).toBe(false);
  });
});

describe('labelSelector', () => {
  it('selects on the object labels; {} matches all; absent/null selects all', () => {
    expect(matched({ labelSelector: { matchLabels: { app: 'web' } } }, target(pod({ labels: { app: 'web' } })))).toBe(true);
    expect(matched({ labelSelector: { matchLabels: { app: 'web' } } }, target(pod()))).toBe(false);
    expect(matched({ labelSelector: {} }, target(pod()))).toBe(true);
    expect(matched({ labelSelector: null }, target(pod()))).toBe(true);
  });
  it('a non-string label value makes Go see no labels at all', () => {
    const p = pod({ labels: { app: 'web', replicas: 3 } });
    expect(matched({ labelSelector: { matchLabels: { app: 'web' } } }, target(p))).toBe(false);
    expect(matched({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] } }, target(p))).toBe(true);
  });
  it('an invalid selector is a match error', () => {
    expect(matched({ labelSelector: { matchExpressions: [{ key: 'a', operator: 'Bad' }] } }, target(pod()))).toBe(
      'error: "Bad" is not a valid label selector operator',
    );
  });
});

describe('namespaceSelector', () => {
  const sel = { namespaceSelector: { matchLabels: { env: 'prod' } } };
  it('selects on the supplied Namespace labels', () => {
    expect(matched(sel, target(pod(), { namespace: nsObj('prod', { env: 'prod' }) }))).toBe(true);
    expect(matched(sel, target(pod(), { namespace: nsObj('prod', { env: 'dev' }) }))).toBe(false);
  });
  it('falls back to the Namespace cache by the request namespace', () => {
    const lookup = (n: string): JsonObject | undefined => (n === 'prod' ? nsObj('prod', { env: 'prod' }) : undefined);
    expect(matched(sel, target(pod(), { namespaceLookup: lookup }))).toBe(true);
    expect(matched(sel, target(pod({ namespace: 'dev' }), { namespaceLookup: lookup }))).toBe(
      'error: namespace selector for namespace-scoped object but missing Namespace',
    );
    expect(matched(sel, target(pod({ namespace: 'dev' }), { namespaceLookup: lookup, requestNamespace: 'prod' }))).toBe(true);
  });
  it('missing Namespace is an error with Gatekeeper\'s autoreject message', () => {
    expect(matchConstraint(sel, target(pod()))).toEqual({
      error: 'namespace selector for namespace-scoped object but missing Namespace',
      autorejectMessage:
        'unable to match constraints: error matching the requested object: p :failed to run Match criteria: namespace selector for namespace-scoped object but missing Namespace',
    });
  });
  it('Namespace objects are selected by their own labels', () => {
    expect(matched(sel, target(nsObj('prod', { env: 'prod' })))).toBe(true);
    expect(matched(sel, target(nsObj('prod', { env: 'dev' }), { namespace: nsObj('x', { env: 'prod' }) }))).toBe(false);
  });
  it('cluster-scoped objects match when no Namespace is supplied, and are selected on it when one is', () => {
    expect(matched(sel, target(clusterRole))).toBe(true);
    expect(matched(sel, target(clusterRole, { namespace: {} }))).toBe(false);
    expect(matched({ namespaceSelector: {} }, target(clusterRole, { namespace: {} }))).toBe(true);
  });
});

describe('name', () => {
  it('globs the name, or a generateName for prefix/contains globs', () => {
    expect(matched({ name: 'p' }, target(pod()))).toBe(true);
    expect(matched({ name: 'q' }, target(pod()))).toBe(false);
    const gen: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-', namespace: 'prod' } };
    expect(matched({ name: 'web-*' }, target(gen))).toBe(true);
    expect(matched({ name: '*eb*' }, target(gen))).toBe(true);
    expect(matched({ name: '*-web' }, target(gen))).toBe(false);
    expect(matched({ name: 'web-' }, target(gen))).toBe(false);
    expect(matched({ name: '' }, target(gen))).toBe(true);
  });
});

describe('source', () => {
  it('All/absent match everything; Original/Generated compare with the review source', () => {
    expect(matched({ source: 'All' }, target(pod(), { source: '' }))).toBe(true);
    expect(matched({}, target(pod(), { source: '' }))).toBe(true);
    expect(matched({ source: 'Original' }, target(pod()))).toBe(true);
    expect(matched({ source: 'Generated' }, target(pod()))).toBe(false);
    expect(matched({ source: 'Generated' }, target(pod(), { source: 'Generated' }))).toBe(true);
  });
  it('errors: invalid value, or a review without source', () => {
    expect(matched({ source: 'Bogus' }, target(pod()))).toBe('error: invalid source field "Bogus"');
    expect(matched({ source: 'Original' }, target(pod(), { source: '' }))).toBe('error: source field not specified for resource p');
  });
});

describe('order and short-circuit', () => {
  it('a false earlier matcher hides a later error', () => {
    const m = { kinds: [{ kinds: ['Deployment'] }], namespaceSelector: { matchLabels: { a: 'b' } }, source: 'Bogus' };
    expect(matched(m, target(pod()))).toBe(false);
  });
  it('an error stops before later matchers', () => {
    const m = { namespaceSelector: { matchLabels: { a: 'b' } }, name: 'nomatch' };
    expect(matched(m, target(pod()))).toBe('error: namespace selector for namespace-scoped object but missing Namespace');
  });
});

describe('object and oldObject (matchAny)', () => {
  const m = { labelSelector: { matchLabels: { app: 'web' } } };
  it('matches if either matches', () => {
    expect(matched(m, target(pod(), { oldObject: pod({ labels: { app: 'web' } }) }))).toBe(true);
    expect(matched(m, target(null, { oldObject: pod({ labels: { app: 'web' } }) }))).toBe(true);
    expect(matched(m, target(pod(), { oldObject: pod() }))).toBe(false);
  });
  it('an error on the object stops before oldObject', () => {
    const ns = { namespaceSelector: {} };
    expect(matched(ns, target(pod(), { oldObject: clusterRole }))).toBe('error: namespace selector for namespace-scoped object but missing Namespace');
  });
  it('the request namespace defaults to oldObject\'s when there is no object', () => {
    const lookup = (n: string): JsonObject | undefined => (n === 'prod' ? nsObj('prod', { env: 'prod' }) : undefined);
    expect(matched({ namespaceSelector: { matchLabels: { env: 'prod' } } }, target(null, { oldObject: pod(), namespaceLookup: lookup }))).toBe(true);
  });
  it('an object without kind cannot be decoded', () => {
    const r = matchConstraint({}, target({ metadata: { name: 'x' } }));
    expect(r).toEqual({
      error: 'failed to unmarshal gkReview object {"metadata":{"name":"x"}}',
      autorejectMessage: 'unable to match constraints: invalid request object: failed to unmarshal gkReview object {"metadata":{"name":"x"}}',
    });
  });
});

describe('untrusted match blocks never throw', () => {
  it.each([
    { kinds: 'Pod' },
    { kinds: [null, 3, { kinds: 'x' }] },
    { namespaces: 'prod' },
    { labelSelector: 'x' },
    { namespaceSelector: { matchLabels: { a: 1 } } },
    { scope: 3, name: 4, source: 5 },
  ] as JsonObject[])('%j', (m) => {
    expect(() => matchConstraint(m, target(pod()))).not.toThrow();
  });
});
