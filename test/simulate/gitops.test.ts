// GitOps apps through the whole simulation: a privileged container in a Flux-deployed app blocks, and the
// Coverage section lists what is not simulated (and blocks on it only with blocking.unsimulated).
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { simulateRepo, template, useTestRepos } from './harness.ts';

const FLUX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'render', 'gitops-flux');

let runtime: Runtime;
beforeAll(() => {
  runtime = createRuntime();
});
afterAll(async () => {
  await runtime?.close();
});

const CONSTRAINT = `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: SimPspPrivileged
metadata:
  name: no-privileged
spec:
  match:
    kinds:
      - apiGroups: [""]
        kinds: [Pod]
`;

describe('GitOps apps in a simulation', () => {
  const newRepo = useTestRepos();

  it('a privileged container added in a Flux-deployed app blocks; the remote-chart HelmRelease is listed in Coverage', async () => {
    const repo = newRepo();
    cpSync(FLUX, repo.dir, { recursive: true });
    const base = repo.commit({ 'policies/template.yaml': template('psp-privileged'), 'policies/constraint.yaml': CONSTRAINT }, 'base');
    const file = path.join(repo.dir, 'apps/podinfo/deployment.yaml');
    const body = readFileSync(file, 'utf8').replace('          image: ghcr.io/example/podinfo:6.0.0\n', '          image: ghcr.io/example/podinfo:6.0.0\n          securityContext:\n            privileged: true\n');
    const head = repo.commit({ 'apps/podinfo/deployment.yaml': body }, 'privileged');
    const report = await simulateRepo(repo, base, head, runtime);
    expect(report.verdict.conclusion).toBe('failure');
    const found = report.clusters[0]!.findings.filter((f) => f.category === 'new');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.object.name).toBe('prod-podinfo');
    expect(found[0]!.object.namespace).toBe('podinfo');
    expect(found[0]!.objectSource?.file).toBe('apps/podinfo/deployment.yaml');
    expect(found[0]!.objectSource?.via?.file).toBe('clusters/prod/apps.yaml');
    const cov = report.clusters[0]!.coverage!;
    expect(cov.simulated.apps.flux).toBeGreaterThan(0);
    expect(cov.notSimulated.map((n) => n.what)).toContain('Flux HelmRelease redis');
    expect(cov.notSimulated.find((n) => n.what === 'Flux HelmRelease redis')!.changed).toBe(false);
    const md = renderMarkdown(report).summary;
    expect(md).toContain('Coverage');
    expect(md).toContain('remote chart repository not allowed: https://charts.bitnami.com/bitnami');
  });

  it('blocking.unsimulated blocks a change to an app that is not simulated; by default it is listed only', async () => {
    const repo = newRepo();
    cpSync(FLUX, repo.dir, { recursive: true });
    const base = repo.commit({}, 'base');
    const file = path.join(repo.dir, 'clusters/prod/apps.yaml');
    const head = repo.commit({ 'clusters/prod/apps.yaml': readFileSync(file, 'utf8').replace('      chart: redis\n', '      chart: redis\n      version: 19.0.0\n') }, 'bump');
    const warn = await simulateRepo(repo, base, head, runtime);
    expect(warn.clusters[0]!.coverage!.notSimulated.find((n) => n.what === 'Flux HelmRelease redis')!.changed).toBe(true);
    expect(warn.verdict.conclusion).toBe('success');
    const block = await simulateRepo(repo, base, head, runtime, 'blocking:\n  unsimulated: true\n');
    expect(block.verdict.conclusion).toBe('failure');
    expect(block.verdict.blocking.join('\n')).toContain('not simulated: Flux HelmRelease redis');
  });
});

describe('Argo CD apps in a simulation', () => {
  const newRepo = useTestRepos();
  const ARGO = path.resolve(FLUX, '..', 'gitops-argo');

  it('a privileged container added in an ApplicationSet-generated app blocks', async () => {
    const repo = newRepo();
    cpSync(ARGO, repo.dir, { recursive: true });
    const base = repo.commit({ 'policies/template.yaml': template('psp-privileged'), 'policies/constraint.yaml': CONSTRAINT }, 'base');
    const file = path.join(repo.dir, 'apps/billing/deployment.yaml');
    const body = readFileSync(file, 'utf8').replace('          image: nginx:1.25\n', '          image: nginx:1.25\n          securityContext:\n            privileged: true\n');
    const head = repo.commit({ 'apps/billing/deployment.yaml': body }, 'privileged');
    const report = await simulateRepo(repo, base, head, runtime, 'gitops:\n  repoURLs: [https://github.com/example/fleet]\n');
    expect(report.verdict.conclusion).toBe('failure');
    const found = report.clusters[0]!.findings.filter((f) => f.category === 'new');
    expect(found.map((f) => `${f.object.namespace}/${f.object.name}`)).toContain('billing/billing-billing');
    expect(found[0]!.objectSource?.via?.file).toBe('argocd/appset.yaml');
    expect(report.clusters[0]!.coverage!.notSimulated.map((n) => n.what).sort()).toEqual(['Argo CD Application grafana', 'Argo CD Application ingress']);
  });
});

describe('preadmit diff without --head', () => {
  const newRepo = useTestRepos();
  it('says that uncommitted changes are not included, and only when there are some', async () => {
    const { runDiff } = await import('../../src/cli/commands/diff.ts');
    const { Capture } = await import('./harness.ts');
    const repo = newRepo();
    const base = repo.commit({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' }, 'base');
    repo.commit({ 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n' }, 'head');
    const clean = new Capture();
    await runDiff(['--base', base, '--repo', repo.dir, '-o', 'json'], new Capture(), clean);
    expect(clean.text).not.toContain('uncommitted');
    repo.write('c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    const dirty = new Capture();
    await runDiff(['--base', base, '--repo', repo.dir, '-o', 'json'], new Capture(), dirty);
    expect(dirty.text).toContain('uncommitted changes, which are not included');
    const explicit = new Capture();
    await runDiff(['--base', base, '--head', 'HEAD', '--repo', repo.dir, '-o', 'json'], new Capture(), explicit);
    expect(explicit.text).not.toContain('uncommitted');
  });
});

describe('text report', () => {
  it('lists what is not simulated', async () => {
    const { renderText } = await import('../../src/report/text.ts');
    const report = {
      schemaVersion: 1, tool: { name: 'preadmit', version: 't' }, base: { ref: 'a', sha: 'a' }, head: { ref: 'b', sha: 'b' }, enforcementPoint: 'validation.gatekeeper.sh',
      verdict: { conclusion: 'success', blocking: [], counts: { newDeny: 0, newWarn: 0, newDryrun: 0, fixed: 0, unchanged: 0, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 0, policyRelaxations: 0 } },
      clusters: [{ name: 'default', findings: [], policyChanges: [], promotions: [], exemptions: [], relaxations: [], renderedDiffs: [], errors: [], stats: { objectsBase: 0, objectsHead: 0, reviews: 0, rootsRendered: 0, durationMs: 0 },
        coverage: { simulated: { roots: {}, apps: { flux: 1 } }, notSimulated: [{ what: 'Flux HelmRelease redis', source: { file: 'apps.yaml', startLine: 3, endLine: 9 }, reason: 'remote chart source https://x not allowed / not configured', changed: true }] } }],
    } as const;
    const text = renderText(report as never, { color: false });
    expect(text).toContain('not simulated (1)');
    expect(text).toContain('Flux HelmRelease redis');
    expect(text).toContain('apps.yaml:3');
  });
});
