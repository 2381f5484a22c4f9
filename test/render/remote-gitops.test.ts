// GitOps apps whose chart comes from a helm repository (Flux HelmRepository, Argo CD helm repoURL): fetched by
// preadmit from a real chart repository on loopback when the operator allows it, then rendered by the real helm
// in the jail; refused (listed as not simulated, nothing fetched) otherwise. The repository config only narrows.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { CHART_REPOSITORIES_ENV } from '../../src/render/helm/remote.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { ChartRepo } from '../support/chart-repo.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-{{ .Chart.Name }}
  namespace: {{ .Release.Namespace }}
data:
  version: {{ .Chart.Version | quote }}
  greeting: {{ .Values.greeting | quote }}
  size: {{ .Values.size | quote }}
`;

function fluxApps(url: string, version: string, greeting: string): string {
  return `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: charts
  namespace: flux-system
spec:
  url: ${url}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-values
  namespace: flux-system
data:
  values.yaml: |
    size: from-configmap
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: web
  namespace: flux-system
spec:
  targetNamespace: apps
  chart:
    spec:
      chart: web
      version: "${version}"
      valuesFiles: [values.yaml, values-prod.yaml]
      sourceRef:
        kind: HelmRepository
        name: charts
  valuesFrom:
    - kind: ConfigMap
      name: web-values
  values:
    greeting: ${greeting}
`;
}

function argoApp(url: string, version: string): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop
  namespace: argocd
spec:
  destination:
    namespace: shop
  source:
    repoURL: ${url}
    chart: web
    targetRevision: "${version}"
    helm:
      valueFiles: [values-prod.yaml]
      valuesObject:
        greeting: from-argo
`;
}

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('remote charts of GitOps apps', () => {
  const charts = new ChartRepo();
  const other = new ChartRepo();
  let repo: FixtureRepo;
  let source: LocalGitSource;
  let cacheDir: string;
  const saved = process.env[CHART_REPOSITORIES_ENV];

  beforeAll(async () => {
    for (const v of ['1.0.0', '1.2.0', '2.0.0']) charts.addChart('web', v, { 'templates/cm.yaml': CM, 'values.yaml': 'greeting: chart-default\nsize: small\n', 'values-prod.yaml': 'size: large\n' });
    charts.index();
    await charts.start();
    other.addChart('web', '1.0.0', { 'templates/cm.yaml': CM });
    other.index();
    await other.start();
    repo = fixtureRepo();
    repo.commit({ 'clusters/apps.yaml': fluxApps(charts.url, '1.2.0', 'hello'), 'argo/shop.yaml': argoApp(charts.url, '^1.0.0'), 'argo/other.yaml': argoApp(other.url, '1.0.0').replace('name: shop', 'name: elsewhere') });
    source = new LocalGitSource(repo.dir);
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-remote-gitops-'));
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env[CHART_REPOSITORIES_ENV];
    else process.env[CHART_REPOSITORIES_ENV] = saved;
    await charts.stop();
    await other.stop();
    repo.cleanup();
  });

  it('without allowed repositories: listed as not simulated with the repository, nothing fetched', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    expect(r.unsimulated.find((u) => u.name === 'web')?.reason).toContain(`remote chart repository not allowed: ${charts.url}`);
    expect(r.unsimulated.find((u) => u.name === 'web')?.declared.file).toBe('clusters/apps.yaml');
    expect(r.unsimulated.find((u) => u.name === 'shop')?.reason).toContain(`remote chart repository not allowed: ${charts.url}`);
    expect(r.objects.filter((o) => o.object.kind === 'ConfigMap' && String((o.object.metadata as any).name).endsWith('-web'))).toEqual([]);
    expect(charts.requests).toEqual([]);
    expect(other.requests).toEqual([]);
  });

  it('the repository config cannot widen the operator list, only narrow it', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const widened = await renderRef(source, repo.head(), { charts: { cacheDir, repositories: [charts.url] } });
    expect(widened.unsimulated.find((u) => u.name === 'web')?.reason).toContain('remote chart repository not allowed');
    process.env[CHART_REPOSITORIES_ENV] = `${charts.url} ${other.url}`;
    const narrowed = await renderRef(source, repo.head(), { charts: { cacheDir, repositories: [other.url] } });
    expect(narrowed.unsimulated.find((u) => u.name === 'web')?.reason).toContain(`remote chart repository not allowed: ${charts.url}`);
    expect(narrowed.unsimulated.find((u) => u.name === 'shop')?.reason).toContain(`remote chart repository not allowed: ${charts.url}`);
    expect(narrowed.unsimulated.find((u) => u.name === 'elsewhere')).toBeUndefined();
    expect(charts.requests).toEqual([]);
    // The config key is read as a list of URLs.
    const cfg = loadConfig(`chartRepositories:\n  - ${other.url}\n`, '.github/preadmit.yml');
    expect(cfg.errors).toEqual([]);
    expect(cfg.config.chartRepositories).toEqual([other.url]);
    expect(loadConfig(undefined, '.github/preadmit.yml').config.chartRepositories).toBeUndefined();
  });

  it('Flux HelmRelease from an allowed HelmRepository: fetched, rendered in the jail with values, valuesFrom and the target namespace, sourced at the CR', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const cm = r.objects.find((o) => o.root === 'flux:clusters/apps.yaml#web' && o.object.kind === 'ConfigMap');
    expect(cm, JSON.stringify(r.errors)).toBeDefined();
    expect(cm!.object.metadata).toMatchObject({ name: 'apps-web-web', namespace: 'apps' });
    // Chart values, then the chart's values-prod.yaml, then valuesFrom, then spec.values.
    expect(cm!.object.data).toEqual({ version: '1.2.0', greeting: 'hello', size: 'from-configmap' });
    const text = (await source.readFile(repo.head(), 'clusters/apps.yaml'))!.toString();
    expect(cm!.source).toMatchObject({ file: 'clusters/apps.yaml', startLine: lineOf(text, 'apiVersion: helm.toolkit'), renderedBy: 'flux:clusters/apps.yaml#web' });
    expect(r.unsimulated.find((u) => u.name === 'web')).toBeUndefined();
    expect(r.errors.filter((e) => e.source?.file === 'clusters/apps.yaml')).toEqual([]);
    expect(charts.requests).toContain('/web-1.2.0.tgz');
  });

  it('Argo CD Application with a helm repoURL: the constraint resolved as helm does, chart values files and valuesObject, destination namespace', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    other.requests.length = 0;
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const cm = r.objects.find((o) => o.root === 'argocd:argo/shop.yaml#shop' && o.object.kind === 'ConfigMap');
    expect(cm, JSON.stringify(r.errors)).toBeDefined();
    expect(cm!.object.metadata).toMatchObject({ name: 'shop-web', namespace: 'shop' });
    expect(cm!.object.data).toEqual({ version: '1.2.0', greeting: 'from-argo', size: 'large' });
    expect(cm!.source).toMatchObject({ file: 'argo/shop.yaml', startLine: 1 });
    // The app of a repository the operator does not allow stays listed, and was never asked.
    expect(r.unsimulated.find((u) => u.name === 'elsewhere')?.reason).toContain(`remote chart repository not allowed: ${other.url}`);
    expect(other.requests).toEqual([]);
  });

  it('Argo CD multi-source: chart values files and $ref values files of this repository apply in the order listed; ignoreMissingValueFiles', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const multi = (files: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: multi
  namespace: argocd
spec:
  destination:
    namespace: multi
  sources:
    - repoURL: ${charts.url}
      chart: web
      targetRevision: 1.2.0
      helm:
        ignoreMissingValueFiles: true
        valueFiles: ${files}
    - repoURL: https://github.com/acme/fleet.git
      ref: values
`;
    const base = repo.head();
    repo.commit({ 'env/size.yaml': 'size: from-repo\n', 'argo/multi.yaml': multi('[values-prod.yaml, $values/env/size.yaml, missing.yaml]') });
    const last = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const data = (r: typeof last) => r.objects.find((o) => o.root === 'argocd:argo/multi.yaml#multi.0' && o.object.kind === 'ConfigMap')?.object.data;
    expect(data(last), JSON.stringify(last.errors.filter((e) => e.source?.file === 'argo/multi.yaml'))).toMatchObject({ size: 'from-repo' });
    repo.commit({ 'argo/multi.yaml': multi('[$values/env/size.yaml, values-prod.yaml]') });
    const first = await renderRef(source, repo.head(), { charts: { cacheDir } });
    expect(data(first)).toMatchObject({ size: 'large' });
    // A change to the $ref values file re-renders the app.
    const before = repo.head();
    const head = repo.commit({ 'env/size.yaml': 'size: changed\n', 'argo/multi.yaml': multi('[values-prod.yaml, $values/env/size.yaml]') });
    const changed = await renderRef(source, head, { charts: { cacheDir }, changed: await source.changedFiles(before, head) });
    expect(data(changed)).toMatchObject({ size: 'changed' });
    expect(base).not.toBe(head);
    repo.commit({ 'env/size.yaml': null, 'argo/multi.yaml': null });
  });

  it('hostile references from an allowed repository: chart names and values files that leave the chart are refused at their line', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const flux = fluxApps(charts.url, '1.2.0', 'x').replace('chart: web', 'chart: ../../etc').replace('name: web\n  namespace: flux-system\nspec:\n  targetNamespace', 'name: evil\n  namespace: flux-system\nspec:\n  targetNamespace');
    const argo = argoApp(charts.url, '1.2.0').replace('name: shop', 'name: leak').replace('[values-prod.yaml]', '[../../../../etc/passwd]');
    const argoAbs = argoApp(charts.url, '1.2.0').replace('name: shop', 'name: abs').replace('[values-prod.yaml]', '[/etc/passwd]');
    const missing = fluxApps(charts.url, '1.2.0', 'x').split('---\n')[2]!.replace('name: web\n', 'name: orphan\n').replace('name: charts', 'name: nowhere');
    repo.commit({ 'hostile/flux.yaml': flux, 'hostile/argo.yaml': argo, 'hostile/abs.yaml': argoAbs, 'hostile/missing.yaml': missing });
    const requests = charts.requests.length;
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const evil = r.errors.find((e) => e.source?.file === 'hostile/flux.yaml');
    expect(evil?.message).toContain("'../../etc' is not a chart name of a helm repository");
    expect(evil?.source?.startLine).toBe(lineOf(flux, 'chart: ../../etc'));
    expect(r.errors.find((e) => e.source?.file === 'hostile/argo.yaml')?.message).toContain("values file '../../../../etc/passwd' leaves the repository: refused");
    // An absolute path is refused too: never the host's file.
    const abs = r.errors.find((e) => e.source?.file === 'hostile/abs.yaml');
    expect(abs?.message).toContain("values file '/etc/passwd' leaves the repository: refused");
    expect(abs?.source?.startLine).toBe(lineOf(argoAbs, 'valueFiles'));
    expect(r.objects.filter((o) => o.root.startsWith('argocd:hostile/') || o.root.startsWith('flux:hostile/'))).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('root:x:0:0');
    // A HelmRepository the repository does not hold: its URL is unknown, so it is listed, not guessed.
    expect(r.unsimulated.find((u) => u.name === 'orphan')?.reason).toContain('HelmRepository nowhere, which is not in this repository');
    expect(charts.requests.slice(requests).every((u) => u === '/index.yaml' || u === '/web-1.2.0.tgz')).toBe(true);
    repo.commit({ 'hostile/flux.yaml': null, 'hostile/argo.yaml': null, 'hostile/abs.yaml': null, 'hostile/missing.yaml': null });
  });

  it('a chart that cannot be fetched is an error at the chart field, the rest still renders; a second render uses the chart cache', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const before = repo.head();
    repo.commit({ 'argo/shop.yaml': argoApp(charts.url, '9.9.9') });
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const err = r.errors.find((e) => e.source?.file === 'argo/shop.yaml');
    expect(err?.message).toContain("satisfies '9.9.9'");
    expect(err?.source?.startLine).toBe(lineOf(argoApp(charts.url, '9.9.9'), 'chart: web'));
    expect(r.objects.some((o) => o.root === 'flux:clusters/apps.yaml#web')).toBe(true);

    // New values: a new render of the release, but the chart (same exact version) comes from the cache on disk.
    repo.commit({ 'clusters/apps.yaml': fluxApps(charts.url, '1.2.0', 'again') });
    const requests = charts.requests.length;
    const again = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const cm = again.objects.find((o) => o.root === 'flux:clusters/apps.yaml#web' && o.object.kind === 'ConfigMap');
    expect(cm!.object.data).toMatchObject({ greeting: 'again', version: '1.2.0' });
    expect(charts.requests.slice(requests).filter((u) => u.endsWith('.tgz'))).toEqual([]);
    expect(charts.requests.slice(requests)).not.toContain('/web-1.2.0.tgz');
    expect(before).not.toBe(repo.head());
  });
});
