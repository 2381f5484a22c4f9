// What a cluster adds to the objects under review, and what must never leave it: the Namespace label the
// API server sets, Namespaces deleted under objects, and Secret values in rendered diffs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { brief, constraint, deployment, only, simulateRepo, template, TestRepo } from './harness.ts';

const SELECTOR = `    kinds:
      - apiGroups: ["apps"]
        kinds: ["Deployment"]
    namespaceSelector:
      matchExpressions:
        - key: kubernetes.io/metadata.name
          operator: In
          values: ["shop", "undeclared"]
`;

const VALUE = 's3cr3t-t0ken-value';
const secret = (extra: string) => `apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: app
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"token":"${VALUE}"}}'
stringData:
  token: ${VALUE}
  extra: ${extra}
`;
const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: copy
  namespace: app
data:
  copied: ${VALUE}
`;

const BY_LABEL = `    kinds:
      - apiGroups: ["apps"]
        kinds: ["Deployment"]
    namespaceSelector:
      matchLabels:
        tier: gold
`;

describe('cluster facts in the simulation', () => {
  let runtime: Runtime;
  let repo: TestRepo;
  beforeAll(() => {
    runtime = createRuntime({ size: 1 });
  });
  beforeEach(() => {
    repo = new TestRepo();
  });
  afterEach(() => repo.cleanup());
  afterAll(() => runtime.close());

  it('matches a declared Namespace without that label in its manifest, and an undeclared one', async () => {
    const base = repo.commit({
      'policies/template.yaml': template('max-replicas'),
      'policies/constraint.yaml': constraint('SimMaxReplicas', 'by-name', SELECTOR, '  parameters:\n    max: 3\n'),
      'apps/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    });
    const head = repo.commit({
      'apps/shop.yaml': deployment('cart', 'shop', { replicas: 5 }),
      'apps/other.yaml': deployment('misc', 'undeclared', { replicas: 5 }),
      'apps/outside.yaml': deployment('free', 'elsewhere', { replicas: 5 }),
    });
    const c = only(await simulateRepo(repo, base, head, runtime));
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief).sort()).toEqual([
      'new object SimMaxReplicas/by-name deny Deployment shop/cart: Deployment cart has 5 replicas, more than 3',
      'new object SimMaxReplicas/by-name deny Deployment undeclared/misc: Deployment misc has 5 replicas, more than 3',
    ]);
  });

  it('masks the values, the annotation that repeats them, and copies elsewhere', async () => {
    const base = repo.commit({ 'app/secret.yaml': secret('one') });
    const head = repo.commit({ 'app/secret.yaml': secret('two-changed'), 'app/cm.yaml': configMap });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.object.kind}`).sort()).toEqual(['added ConfigMap', 'modified Secret']);
    for (const text of [JSON.stringify(c.renderedDiffs), renderJson(report), renderMarkdown(report).summary]) {
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain('two-changed');
    }
    expect(c.renderedDiffs.find((d) => d.object.kind === 'ConfigMap')!.diff).toContain('copied: ***');
  });

  it('blocks with an error naming the objects left in it', async () => {
    const base = repo.commit({
      'policies/template.yaml': template('max-replicas'),
      'policies/constraint.yaml': constraint('SimMaxReplicas', 'gold-max', BY_LABEL, '  parameters:\n    max: 3\n'),
      'apps/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    tier: gold\n',
      'apps/cart.yaml': deployment('cart', 'shop', { replicas: 5 }),
    });
    const head = repo.commit({ 'apps/ns.yaml': null, 'apps/cart.yaml': deployment('cart', 'shop', { replicas: 6 }) });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors.map((e) => `${e.ref} ${e.error.message}`)).toEqual([
      'head apps/cart.yaml:1: Namespace "shop" is deleted by this change, but 1 object(s) still target it (first: Deployment shop/cart); they could not be applied',
    ]);
    expect(report.verdict.conclusion).toBe('failure');
    // Its objects are left out of the comparison: nothing reads as fixed (or new) there.
    expect(c.findings.map(brief)).toEqual([]);
  });
});
