// A remote chart (served by a real chart repository on loopback) that templates GitOps CRs: its apps are followed
// whenever it is rendered, so a change inside a child's directory alone is rendered as the child deploys it (its
// targetNamespace), not as a plain file of its own.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_REPOSITORIES_ENV } from '../../src/render/helm/remote.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { ChartRepo } from '../support/chart-repo.ts';
import { FLUX_TEAMS_TEMPLATE, fixtureRepo, type FixtureRepo } from './repo.ts';


const platform = (url: string): string => `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: {name: platform, namespace: flux-system}
spec:
  url: ${url}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: platform, namespace: flux-system}
spec:
  chart:
    spec:
      chart: platform
      version: "1.0.0"
      sourceRef: {kind: HelmRepository, name: platform}
  values:
    teams: [blue]
`;

const deployment = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.25"}]}
`;

describe('CRs a remote chart templates', () => {
  const charts = new ChartRepo();
  let repo: FixtureRepo;
  let cacheDir: string;
  const saved = process.env[CHART_REPOSITORIES_ENV];

  beforeAll(async () => {
    charts.addChart('platform', '1.0.0', { 'templates/teams.yaml': FLUX_TEAMS_TEMPLATE, 'values.yaml': 'teams: []\n', 'templates/cm.yaml': '' });
    charts.index();
    await charts.start();
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    repo = fixtureRepo();
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-remote-chart-apps-'));
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env[CHART_REPOSITORIES_ENV];
    else process.env[CHART_REPOSITORIES_ENV] = saved;
    await charts.stop();
    repo.cleanup();
  });

  it('a change inside a child\'s directory alone is rendered as the chart-made child deploys it', async () => {
    const base = repo.commit({ 'clusters/platform.yaml': platform(charts.url), 'teams/blue/deployment.yaml': deployment(1) }, 'fixture');
    const head = repo.commit({ 'teams/blue/deployment.yaml': deployment(2) }, 'scale');
    const source = new LocalGitSource(repo.dir);
    const out = await renderRef(source, head, { changed: await source.changedFiles(base, head), charts: { cacheDir } });
    expect(out.errors).toEqual([]);
    const deployments = out.objects.filter((o) => o.object.kind === 'Deployment');
    expect(deployments).toHaveLength(1);
    expect(deployments[0]!.object.metadata).toMatchObject({ name: 'web', namespace: 'team-blue' });
    expect(deployments[0]!.object.spec).toMatchObject({ replicas: 2 });
    expect(deployments[0]!.source).toMatchObject({ file: 'teams/blue/deployment.yaml', startLine: 1 });
    const child = out.apps.find((a) => a.name === 'team-blue');
    expect(child?.deployedBy).toBe('flux:clusters/platform.yaml#platform');
    expect(deployments[0]!.root).toBe(child!.id);
    // The parent, rendered only to find its CRs, is not reported; the file is not also a plain root.
    expect(out.roots.map((r) => r.app?.id ?? `${r.kind}:${r.path}`)).toEqual([child!.id]);
  });
});
