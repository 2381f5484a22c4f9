// Simulation edge cases found in review, each on a real git repository through the real pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { MATCH_DEPLOYMENTS, TestRepo, brief, constraint, deployment, only, simulateRepo, template } from '../simulate/harness.ts';

let runtime: Runtime;
const repos: TestRepo[] = [];

function newRepo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

beforeAll(() => {
  runtime = createRuntime();
});

afterAll(async () => {
  await runtime?.close();
  for (const r of repos) r.cleanup();
});

const TEAM_POLICY = {
  'policies/required-team.yaml': template('required-team'),
  'policies/constraints.yaml': constraint('SimRequiredTeam', 'team-required', MATCH_DEPLOYMENTS),
};

describe('Config exclusions', () => {
  it('only the Config named "config" excludes namespaces: Gatekeeper ignores any other', async () => {
    const repo = newRepo();
    const cfg = (name: string, ns: string) => `apiVersion: config.gatekeeper.sh/v1alpha1
kind: Config
metadata:
  name: ${name}
  namespace: gatekeeper-system
spec:
  match:
    - excludedNamespaces: ["${ns}"]
      processes: ["*"]
`;
    const base = repo.commit({ ...TEAM_POLICY, 'apps/.keep': '' });
    const head = repo.commit({
      'policies/config-other.yaml': cfg('my-exclusions', 'shop'),
      'policies/config.yaml': cfg('config', 'skipped'),
      'apps/shop.yaml': deployment('web', 'shop'),
      'apps/skipped.yaml': deployment('x', 'skipped'),
    });
    const c = only(await simulateRepo(repo, base, head, runtime));
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual(['new object SimRequiredTeam/team-required deny Deployment shop/web: Deployment web has no team label']);
    expect(c.exemptions.map((e) => `${e.change} ${e.owner} ${e.namespace}`)).toEqual(['added Config/config (*) skipped']);
  });
});
