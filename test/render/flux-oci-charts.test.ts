// Flux charts preadmit does not fetch (from a registry not allowed, a HelmChart named by `chartRef`, an OCIRepository
// not in the repository) are never silent: each HelmRelease is listed as not simulated with the precise reason, at the CR's lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const APPS = `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: OCIRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  url: oci://ghcr.io/stefanprodan/charts/podinfo
  ref:
    semver: ">=6.0.0"
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: flux-system
spec:
  chartRef:
    kind: OCIRepository
    name: podinfo
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: viachart
  namespace: flux-system
spec:
  chartRef:
    kind: HelmChart
    name: somechart
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: ocirepo
  namespace: flux-system
spec:
  type: oci
  url: oci://registry.example.com/charts
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: fromoci
  namespace: flux-system
spec:
  chart:
    spec:
      chart: redis
      version: 19.0.0
      sourceRef:
        kind: HelmRepository
        name: ocirepo
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: elsewhere
  namespace: flux-system
spec:
  chartRef:
    kind: OCIRepository
    name: not-here
`;

describe('Flux charts from OCI sources and HelmCharts', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = fixtureRepo();
    repo.commit({ 'clusters/prod/apps.yaml': APPS });
  });
  afterAll(() => repo.cleanup());

  it('lists each HelmRelease as not simulated with the precise reason, at its lines; nothing is fetched or rendered', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), repo.head(), { charts: { repositories: [] } });
    const listed = Object.fromEntries(r.unsimulated.map((u) => [u.name, { reason: u.reason, at: `${u.declared.file}:${u.declared.startLine}` }]));
    expect(Object.keys(listed).sort()).toEqual(['elsewhere', 'fromoci', 'podinfo', 'viachart']);
    // OCIRepository charts are fetched once their registry is allowed (oci-charts.test.ts); here none is allowed.
    expect(listed.podinfo).toEqual({ at: 'clusters/prod/apps.yaml:11', reason: expect.stringContaining('the chart comes from OCIRepository podinfo (oci://ghcr.io/stefanprodan/charts/podinfo): chart repository oci://ghcr.io/stefanprodan/charts is not allowed') });
    expect(listed.viachart).toEqual({ at: 'clusters/prod/apps.yaml:21', reason: expect.stringContaining('the chart comes from HelmChart somechart: a HelmChart source (chartRef) is not simulated') });
    // An OCI HelmRepository is fetched like an HTTP one once allowed (oci-charts.test.ts); here none is allowed.
    expect(listed.fromoci).toEqual({ at: 'clusters/prod/apps.yaml:40', reason: expect.stringContaining('chart repository oci://registry.example.com/charts is not allowed') });
    expect(listed.elsewhere!.reason).toBe('the chart comes from OCIRepository not-here, which is not in this repository');
    expect(r.objects.filter((o) => o.root.startsWith('flux:'))).toEqual([]);
    expect(r.errors).toEqual([]);
  });
});
