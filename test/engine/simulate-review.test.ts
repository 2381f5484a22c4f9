// Simulation edge cases found in review, each on a real git repository through the real pipeline.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { MATCH_DEPLOYMENTS, brief, constraint, deployment, only, simulateRepo, template, useTestRepos } from '../simulate/harness.ts';

let runtime: Runtime;
const newRepo = useTestRepos();

beforeAll(() => {
  // Renders persist on disk by content: this file's renders must come from the code under test.
  process.env.PREADMIT_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'preadmit-review-cache-'));
  runtime = createRuntime();
});

afterAll(async () => {
  await runtime?.close();
  rmSync(process.env.PREADMIT_CACHE_DIR!, { recursive: true, force: true });
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

describe('deeply nested manifests', () => {
  it('an object nested too deep is an error naming its file and line; the rest of the PR is still reviewed', async () => {
    const repo = newRepo();
    const deepYaml = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: shop}\ndata:\n  x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`;
    const deepJson = (n: number) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep-json","namespace":"shop"},"data":{"x":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`;
    const base = repo.commit({ ...TEAM_POLICY, 'apps/.keep': '' });
    const head = repo.commit({
      'apps/deep.yaml': `${deployment('web', 'shop')}---\n${deepYaml(700)}`,
      'apps/deep.json': deepJson(20_000),
    });
    const c = only(await simulateRepo(repo, base, head, runtime));
    expect(c.findings.map(brief)).toEqual(['new object SimRequiredTeam/team-required deny Deployment shop/web: Deployment web has no team label']);
    expect(c.errors.map((e) => `${e.ref} ${e.error.source?.file}:${e.error.source?.startLine}`).sort()).toEqual(['head apps/deep.json:1', 'head apps/deep.yaml:20']);
  });
});
