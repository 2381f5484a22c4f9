// In a cluster every Namespace carries `kubernetes.io/metadata.name`; namespaceSelectors that use it must
// match in the simulation too, for declared Namespaces and for ones the repository does not declare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
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

describe('namespaceSelector on the label the API server sets', () => {
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
});
