// Charts from OCI registries (`oci://`), fetched by the trusted process over the distribution API from a tiny
// registry on loopback serving real `helm package` archives with helm's media types: exact tags, ranges over paged
// tag lists, anonymous token auth, digests checked and pinned, the same cache and limits as HTTP repositories; and
// the same path for kustomize helmCharts, Argo CD chart sources, Flux OCI HelmRepositories and helm dependencies.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartAllowList, CHART_REPOSITORIES_ENV, resolveRemoteChart, type ChartAllowList } from '../../src/render/helm/remote.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { handmadeTgz } from '../support/chart-repo.ts';
import { OciRegistry } from '../support/oci-registry.ts';
import { fixtureRepo } from './repo.ts';

const declaredAt = { file: 'apps/kustomization.yaml', startLine: 3 };
const cache = () => mkdtempSync(path.join(os.tmpdir(), 'preadmit-oci-cache-'));

describe('charts from an OCI registry', () => {
  const registry = new OciRegistry();
  let url: string;
  let allow: ChartAllowList;
  const digests: Record<string, string> = {};

  beforeAll(async () => {
    await registry.start();
    url = `oci://${registry.host}/charts`;
    for (const v of ['1.0.0', '1.2.0', '1.3.0-rc.1', '2.0.0', '1.2.1+build.7']) digests[v] = registry.push('charts', 'web', v);
    registry.pushArchive('charts/notachart', '1.0.0', Buffer.from('x'), { configMediaType: 'application/vnd.oci.image.config.v1+json' });
    registry.pushArchive('charts/evil', '1.0.0', handmadeTgz([{ name: 'evil/Chart.yaml', body: 'name: evil\n' }, { name: '../../escape', body: 'x' }]));
    allow = chartAllowList(url).allow;
  });
  afterAll(async () => {
    await registry.stop();
  });

  it('an exact version is the tag: manifest and chart layer fetched, digest checked, unpacked; the second request is served from the cache', async () => {
    const cacheDir = cache();
    const before = registry.requests.length;
    const r = await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.2.0', declaredAt }, { allow, cacheDir });
    expect(r).toMatchObject({ ok: true, version: '1.2.0', digest: digests['1.2.0'] });
    if (!r.ok) return;
    expect(readFileSync(path.join(r.dir, 'Chart.yaml'), 'utf8')).toContain('version: 1.2.0');
    expect(registry.requests.slice(before)).toEqual(['/v2/charts/web/manifests/1.2.0', `/v2/charts/web/blobs/sha256:${digests['1.2.0']}`]);
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.2.0', declaredAt }, { allow, cacheDir })).toEqual(r);
    expect(registry.requests.length).toBe(before + 2);
  });

  it('a range is resolved over every page of the tag list as helm does (`_` read as `+`, pre-releases only when asked for)', async () => {
    const before = registry.requests.length;
    const r = await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '^1.0.0', declaredAt }, { allow, cacheDir: cache() });
    expect(r).toMatchObject({ ok: true, version: '1.2.1+build.7', digest: digests['1.2.1+build.7'] });
    expect(registry.requests.slice(before).filter((u) => u.includes('tags/list'))).toHaveLength(3);
    expect(registry.requests.slice(before)).toContain('/v2/charts/web/manifests/1.2.1_build.7');
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '>=1.3.0-0 <2', declaredAt }, { allow, cacheDir: cache() })).toMatchObject({ ok: true, version: '1.3.0-rc.1' });
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '^3', declaredAt }, { allow, cacheDir: cache() })).toEqual({ ok: false, reason: expect.stringContaining("no version in the repository index satisfies '^3'") });
  });

  it('anonymous bearer-token auth: the challenge is answered from the realm and the request repeated with the token', async () => {
    registry.token = 'tok-123';
    try {
      const r = await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '2.0.0', declaredAt }, { allow, cacheDir: cache() });
      expect(r).toMatchObject({ ok: true, version: '2.0.0', digest: digests['2.0.0'] });
      expect(registry.requests.filter((u) => u.startsWith('/token'))).toEqual(['/token?service=test&scope=repository%3Ax%3Apull']);
    } finally {
      registry.token = undefined;
    }
  });

  it('refused: a registry not allowed, a pinned digest the registry does not serve, content not matching its digest, an artifact that is no helm chart, a hostile archive, a name outside the grammar', async () => {
    const other = chartAllowList(`oci://${registry.host}/elsewhere`).allow;
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.0.0', declaredAt }, { allow: other, cacheDir: cache() })).toEqual({
      ok: false,
      reason: expect.stringContaining(`chart repository ${url} is not allowed`),
    });
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.0.0', digest: digests['2.0.0'], declaredAt }, { allow, cacheDir: cache() })).toEqual({
      ok: false,
      reason: expect.stringContaining(`chart layer is ${digests['1.0.0']}, not the pinned ${digests['2.0.0']}: refused`),
    });
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'notachart', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() })).toEqual({ ok: false, reason: expect.stringContaining('is not a helm chart artifact') });
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'evil', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() })).toEqual({ ok: false, reason: expect.stringContaining('archive refused') });
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'Web', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() })).toEqual({ ok: false, reason: expect.stringContaining("'charts/Web' is not an OCI repository name") });
    const corrupt = new OciRegistry();
    await corrupt.start();
    try {
      const d = corrupt.push('charts', 'web', '1.0.0');
      corrupt.corruptBlob(d);
      const r = await resolveRemoteChart({ repoUrl: `oci://${corrupt.host}/charts`, chart: 'web', version: '1.0.0', declaredAt }, { allow: chartAllowList(`oci://${corrupt.host}/charts`).allow, cacheDir: cache() });
      expect(r).toEqual({ ok: false, reason: expect.stringMatching(/archive digest [0-9a-f]{64} does not match the index's/) });
    } finally {
      await corrupt.stop();
    }
  });

  it('a token realm on a host that is not allowed, or a registry asking for credentials, is refused without sending anything there', async () => {
    for (const challenge of ['Bearer realm="http://127.0.0.2:9/token",service="x"', 'Basic realm="registry"']) {
      registry.hook = (_req, res) => {
        res.writeHead(401, { 'www-authenticate': challenge }).end();
        return true;
      };
      try {
        const r = await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() });
        expect(r).toEqual({ ok: false, reason: expect.stringContaining(challenge.startsWith('Basic') ? 'asks for credentials preadmit does not have' : 'token realm http://127.0.0.2:9/token is not on an allowed repository host: refused') });
      } finally {
        registry.hook = undefined;
      }
    }
  });

  it('a blob redirected to a host that is not allowed is refused, and the token never leaves the registry host', async () => {
    registry.hook = (req, res) => {
      if (!req.url?.includes('/blobs/')) return false;
      res.writeHead(307, { location: 'http://127.0.0.2:9/blob' }).end();
      return true;
    };
    try {
      const r = await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() });
      expect(r).toEqual({ ok: false, reason: expect.stringContaining('redirect to http://127.0.0.2:9/blob refused') });
    } finally {
      registry.hook = undefined;
    }
  });

  it('the allow-list takes oci:// registries (prefixes at a path boundary); preadmit.yml chartRepositories can only narrow it, and the schema admits them', async () => {
    const { allow: narrowed, ignored } = chartAllowList(`oci://${registry.host}/charts, https://charts.example.com`, [`oci://${registry.host}/charts/web`, `oci://${registry.host}/other`, 'oci://evil.example.com/charts']);
    expect(narrowed.entries).toEqual([`oci://${registry.host}/charts/web`]);
    expect(ignored).toEqual([`oci://${registry.host}/other`, 'oci://evil.example.com/charts']);
    expect(await resolveRemoteChart({ repoUrl: url, chart: 'web', version: '1.0.0', declaredAt }, { allow: narrowed, cacheDir: cache() })).toMatchObject({ ok: false, reason: expect.stringContaining('is not allowed') });
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../schema/preadmit.schema.json'), 'utf8')) as { properties: { chartRepositories: { items: { pattern: string } } } };
    expect(new RegExp(schema.properties.chartRepositories.items.pattern).test('oci://ghcr.io/acme/charts')).toBe(true);
  });

  it('kustomize helmCharts, an Argo CD chart source (oci:// or scheme-less), a Flux OCI HelmRepository or OCIRepository and a helm dependency render the chart from the registry', async () => {
    const saved = process.env[CHART_REPOSITORIES_ENV];
    process.env[CHART_REPOSITORIES_ENV] = url;
    const repo = fixtureRepo();
    try {
      repo.commit({
        'kustomize/kustomization.yaml': `helmCharts:\n- name: web\n  repo: ${url}\n  version: 1.0.0\n  releaseName: kz\n`,
        'argocd/app.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: argo, namespace: argocd}
spec:
  source: {repoURL: '${url}', chart: web, targetRevision: 2.0.0}
  destination: {namespace: argo-ns}
`,
        'argocd/noscheme.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: bare, namespace: argocd}
spec:
  source: {repoURL: '${registry.host}/charts', chart: web, targetRevision: 1.0.0}
  destination: {namespace: bare-ns}
`,
        'flux/release.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: {name: regy, namespace: flux-system}
spec: {type: oci, url: '${url}'}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: flx, namespace: flux-system}
spec:
  targetNamespace: flux-ns
  chart:
    spec:
      chart: web
      version: '~1.2.0'
      sourceRef: {kind: HelmRepository, name: regy}
`,
        'flux/ocirepo.yaml': `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: OCIRepository
metadata: {name: webrepo, namespace: flux-system}
spec:
  url: '${url}/web'
  ref: {semver: '>=1.0.0 <1.2.0'}
---
apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: OCIRepository
metadata: {name: pinned, namespace: flux-system}
spec:
  url: '${url}/web'
  ref: {digest: 'sha256:${'0'.repeat(64)}'}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: viaref, namespace: flux-system}
spec:
  targetNamespace: ref-ns
  chartRef: {kind: OCIRepository, name: webrepo}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: bydigest, namespace: flux-system}
spec:
  chartRef: {kind: OCIRepository, name: pinned}
`,
        'umbrella/Chart.yaml': `apiVersion: v2\nname: umbrella\nversion: 0.1.0\ndependencies:\n- name: web\n  version: 1.0.0\n  repository: ${url}\n`,
      });
      const out = await renderRef(new LocalGitSource(repo.dir), repo.head(), { charts: { cacheDir: cache() } });
      expect(out.errors).toEqual([]);
      expect(out.unsimulated.map((u) => `${u.name}: ${u.reason}`)).toEqual([
        `bydigest: the chart comes from OCIRepository pinned (${url}/web) pinned by manifest digest sha256:${'0'.repeat(64)}: not simulated (preadmit pins charts by their layer digest)`,
      ]);
      const cms = out.objects
        .filter((o) => o.object.kind === 'ConfigMap')
        .map((o) => `${(o.object.metadata as { namespace?: string }).namespace ?? '-'}/${(o.object.metadata as { name: string }).name} ${(o.object.data as { version: string }).version}`)
        .sort();
      expect(cms).toEqual(['argo-ns/argo-web 2.0.0', 'bare-ns/bare-web 1.0.0', 'default/kz-web 1.0.0', 'default/umbrella-web 1.0.0', 'flux-ns/flux-ns-flx-web 1.2.1+build.7', 'ref-ns/ref-ns-viaref-web 1.0.0']);
    } finally {
      repo.cleanup();
      if (saved === undefined) delete process.env[CHART_REPOSITORIES_ENV];
      else process.env[CHART_REPOSITORIES_ENV] = saved;
    }
  });
});
