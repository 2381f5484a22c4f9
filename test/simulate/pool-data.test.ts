// A running app simulates PR after PR with one evaluation pool: inventories must not pile up in it.
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/engine/runtime.ts';
import { constraint, deployment, only, simulateRepo, template, TestRepo } from './harness.ts';

const UNIQUE_NAME = template('unique-name');

describe('evaluation pool across simulations', () => {
  const runtime = createRuntime({ size: 1 });
  const repo = new TestRepo();
  afterAll(async () => {
    repo.cleanup();
    await runtime.close();
  });

  it('keeps no inventory once a simulation is done, however many run', async () => {
    const base = repo.commit({
      'policies/t.yaml': UNIQUE_NAME,
      'policies/c.yaml': constraint('SimUniqueName', 'unique', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment"]\n'),
      'apps/a.yaml': deployment('web', 'a'),
    });
    for (let i = 0; i < 3; i++) {
      const head = repo.commit({ [`apps/b${i}.yaml`]: deployment('web', `b${i}`) });
      const c = only(await simulateRepo(repo, base, head, runtime));
      // The referential template did read the inventory: the new Deployment clashes with the one in `a`.
      expect(c.findings.filter((f) => f.category === 'new').map((f) => f.message)).toContain('name web is also used in namespace a');
      // Only the shared empty document stays registered.
      expect(runtime.pool.dataDocuments).toBe(1);
    }
  });
});
