// A CR in a directory that only an app a chart templates deploys is taken from what that app deploys (its
// targetNamespace applied), never first from its file; and a change to such a CR's chart alone still renders it so.
import { afterEach, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import type { RenderedObject } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { FLUX_TEAMS_TEMPLATE, fixtureRepo, type FixtureRepo } from './repo.ts';

const FILES: Record<string, string> = {
  // A HelmRelease whose in-repo chart templates one Flux Kustomization per team, each with its target namespace.
  'clusters/prod/teams.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: teams, namespace: flux-system}
spec:
  chart:
    spec:
      chart: ./charts/teams
      sourceRef: {kind: GitRepository, name: flux-system}
`,
  'charts/teams/Chart.yaml': 'apiVersion: v2\nname: teams\nversion: 1.0.0\n',
  'charts/teams/values.yaml': 'teams: [red]\n',
  'charts/teams/templates/kustomizations.yaml': FLUX_TEAMS_TEMPLATE,
  // The team's directory: a HelmRelease naming no namespace (the Kustomization's targetNamespace gives it one).
  'teams/red/release.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: web}
spec:
  chart:
    spec:
      chart: ./charts/web
      sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
`,
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'charts/web/values.yaml': 'replicas: 1\n',
  'charts/web/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: {{ .Values.replicas }}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.25"}]}
`,
};

let repo: FixtureRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const deployments = (objects: RenderedObject[]): string[] =>
  objects.filter((o) => o.object.kind === 'Deployment').map((o) => `${(o.object.metadata as { namespace?: string }).namespace}/${(o.object.metadata as { name: string }).name} ${(o.object.spec as { replicas: number }).replicas} ${o.root}`);

describe('CRs in directories only a chart-made app deploys', () => {
  it('are taken from what that app deploys, once, not from their files', async () => {
    repo = fixtureRepo();
    const head = repo.commit(FILES, 'fixture');
    const source = new LocalGitSource(repo.dir);
    const out = await renderRef(source, head);
    expect(out.errors).toEqual([]);
    expect(deployments(out.objects)).toEqual(['team-red/web 1 flux:teams/red/release.yaml#web']);
    const web = out.apps.find((a) => a.id === 'flux:teams/red/release.yaml#web');
    expect(web?.deployedBy).toBe('flux:charts/teams/templates/kustomizations.yaml#team-red');
    expect(web?.render).toMatchObject({ namespace: 'team-red' });
    // Simulated once, as deployed: nothing is "also deployed" or listed as not simulated.
    expect(out.unsimulated).toEqual([]);
  });

  it('a change to the CR\'s chart alone renders it as its chart-made parent deploys it', async () => {
    repo = fixtureRepo();
    const base = repo.commit(FILES, 'fixture');
    const head = repo.commit({ 'charts/web/values.yaml': 'replicas: 2\n' }, 'replicas');
    const source = new LocalGitSource(repo.dir);
    const out = await renderRef(source, head, { changed: await source.changedFiles(base, head) });
    expect(out.errors).toEqual([]);
    expect(deployments(out.objects)).toEqual(['team-red/web 2 flux:teams/red/release.yaml#web']);
    // The parents rendered only to find the CR are not reported.
    expect(out.roots.map((r) => r.app?.id ?? r.path)).toEqual(['flux:teams/red/release.yaml#web']);
  });
});
