// Deleting a Namespace while objects still target it: an error at head, not "fixed" violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { brief, constraint, deployment, only, simulateRepo, template, TestRepo } from './harness.ts';

const BY_LABEL = `    kinds:
      - apiGroups: ["apps"]
        kinds: ["Deployment"]
    namespaceSelector:
      matchLabels:
        tier: gold
`;

describe('a deleted Namespace', () => {
  let runtime: Runtime;
  let repo: TestRepo;
  beforeAll(() => {
    runtime = createRuntime({ size: 1 });
    repo = new TestRepo();
  });
  afterAll(async () => {
    repo.cleanup();
    await runtime.close();
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
