// kustomize `helmCharts` rendered as `kustomize build --enable-helm` renders them, inside the jail: a chart in the
// repository's chart home directly; a chart with `repo:` fetched by preadmit (only from an allowed repository, a
// real `helm repo index` repository on loopback here) into the chart home before the jailed kustomize runs; any other
// repository is not simulated, with the reason at the entry's line, and nothing is fetched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../src/opa/tools.ts';
import { CHART_REPOSITORIES_ENV } from '../../src/render/helm/remote.ts';
import { runSandboxed, toolPathInRun } from '../../src/render/sandbox.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { ChartRepo } from '../support/chart-repo.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
  namespace: {{ .Release.Namespace }}
  labels:
    app.kubernetes.io/instance: {{ .Release.Name }}
    helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: {{ .Values.image }}
          securityContext:
            privileged: {{ .Values.privileged }}
`;

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema: {type: object}
`;

const LOCAL_CHART = {
  'apps/web/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.3.0\n',
  'apps/web/charts/web/values.yaml': 'replicas: 1\nimage: nginx:1.27\nprivileged: false\n',
  'apps/web/charts/web/templates/deployment.yaml': DEPLOYMENT,
  'apps/web/charts/web/crds/widget.yaml': CRD,
  'apps/web/extra-values.yaml': 'image: nginx:1.28\n',
  'apps/web/kustomization.yaml': `resources:
- cm.yaml
helmCharts:
- name: web
  releaseName: shop
  namespace: team-a
  includeCRDs: true
  additionalValuesFiles:
  - extra-values.yaml
  valuesInline:
    replicas: 3
    privileged: true
`,
  'apps/web/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
};

const nameOf = (o: { object: Record<string, unknown> }): string => `${String(o.object.kind)}/${(o.object.metadata as { name: string }).name}`;

describe('kustomize helmCharts', () => {
  const charts = new ChartRepo();
  let repo: FixtureRepo;
  let source: LocalGitSource;
  let cacheDir: string;
  const saved = process.env[CHART_REPOSITORIES_ENV];

  beforeAll(async () => {
    for (const v of ['1.0.0', '1.4.0', '1.5.0-rc.1']) charts.addChart('redis', v, { 'templates/deployment.yaml': DEPLOYMENT, 'values.yaml': 'replicas: 1\nimage: redis:7\nprivileged: false\n' });
    charts.index();
    await charts.start();
    repo = fixtureRepo();
    repo.commit({
      ...LOCAL_CHART,
      'apps/cache/kustomization.yaml': `helmCharts:
- name: redis
  repo: ${charts.url}
  version: 1.0.0
  releaseName: cache
  valuesInline:
    privileged: true
`,
      'apps/latest/kustomization.yaml': `helmGlobals:
  chartHome: vendor/charts
helmCharts:
- name: redis
  repo: ${charts.url}
  releaseName: latest
`,
      'apps/devel/kustomization.yaml': `helmCharts:
- name: redis
  repo: ${charts.url}
  releaseName: devel
  devel: true
`,
      'apps/develranged/kustomization.yaml': `helmCharts:
- name: redis
  repo: ${charts.url}
  version: ^1.0.0
  releaseName: ranged
  devel: true
`,
      'apps/plugin/kustomization.yaml': 'generators:\n- redis-gen.yaml\n',
      'apps/plugin/redis-gen.yaml': `apiVersion: builtin
kind: HelmChartInflationGenerator
metadata:
  name: redis
name: redis
repo: ${charts.url}
version: 1.4.0
releaseName: plugged
`,
      'apps/hostile/kustomization.yaml': `helmGlobals:
  chartHome: ../../..
helmCharts:
- name: a
- name: ../b
  repo: ${charts.url}
`,
      'apps/climb/kustomization.yaml': `helmCharts:
- name: c
  repo: ${charts.url}
  version: 1.0/../../../x
`,
      'apps/absolute/kustomization.yaml': 'helmGlobals:\n  chartHome: /etc\nhelmCharts:\n- name: passwd\n',
      'apps/missing/kustomization.yaml': 'helmCharts:\n- name: nowhere\n- name: web\n  releaseName: --post-renderer=/opt/preadmit-tool/helm\n',
      'apps/missing/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'apps/elsewhere/kustomization.yaml': `helmCharts:
- name: redis
  repo: https://charts.example.com/stable
  version: 1.0.0
- name: nginx
  repo: oci://registry.example.com/charts
  version: 2.0.0
`,
    });
    source = new LocalGitSource(repo.dir);
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-helmcharts-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[CHART_REPOSITORIES_ENV];
    else process.env[CHART_REPOSITORIES_ENV] = saved;
  });
  afterAll(async () => {
    await charts.stop();
    repo.cleanup();
  });

  it('a chart in the chart home renders with its values, release, namespace, CRDs; objects point at the helmCharts entry; the chart is no helm root of its own', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const r = await renderRef(source, repo.head(), { roots: [{ kind: 'kustomize', path: 'apps/web' }], charts: { cacheDir } });
    expect(r.errors).toEqual([]);
    expect(r.objects.map(nameOf).sort()).toEqual(['ConfigMap/plain', 'CustomResourceDefinition/widgets.example.com', 'Deployment/shop-web']);
    const d = r.objects.find((o) => o.object.kind === 'Deployment')!;
    expect(d.object).toMatchObject({
      metadata: { namespace: 'team-a' },
      spec: { replicas: 3, template: { spec: { containers: [{ image: 'nginx:1.28', securityContext: { privileged: true } }] } } },
    });
    // The helmCharts entry (lines 4-12 of the kustomization), not line 1 of the file.
    expect(d.source).toMatchObject({ file: 'apps/web/kustomization.yaml', startLine: 4, endLine: 12, renderedBy: 'kustomize:apps/web' });
    expect((d.object.metadata as { annotations?: unknown }).annotations).toBeUndefined();
    expect(r.objects.find((o) => o.object.kind === 'ConfigMap')!.source).toMatchObject({ file: 'apps/web/cm.yaml', startLine: 1 });

    const all = await renderRef(source, repo.head(), { paths: ['apps/web'], charts: { cacheDir } });
    expect(all.roots.map((x) => `${x.kind}:${x.path}`)).toEqual(['kustomize:apps/web']);
  });

  it('a chart from an allowed repository is fetched by preadmit into the chart home (versioned and not), never by the jailed kustomize', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const before = charts.requests.length;
    const r = await renderRef(source, repo.head(), { roots: [{ kind: 'kustomize', path: 'apps/cache' }, { kind: 'kustomize', path: 'apps/latest' }], charts: { cacheDir } });
    expect(r.errors).toEqual([]);
    const byRoot = (root: string) => r.objects.filter((o) => o.root === root);
    expect(byRoot('kustomize:apps/cache').map(nameOf).sort()).toEqual(['ConfigMap/cache-redis', 'Deployment/cache-web']);
    expect(byRoot('kustomize:apps/cache').find((o) => o.object.kind === 'Deployment')!.object).toMatchObject({ metadata: { labels: { 'helm.sh/chart': 'redis-1.0.0' } }, spec: { template: { spec: { containers: [{ image: 'redis:7', securityContext: { privileged: true } }] } } } });
    expect(byRoot('kustomize:apps/cache')[0]!.source).toMatchObject({ file: 'apps/cache/kustomization.yaml', startLine: 2 });
    // No version: the newest, as helm pull picks it.
    expect(byRoot('kustomize:apps/latest').find((o) => o.object.kind === 'Deployment')!.object).toMatchObject({ metadata: { labels: { 'helm.sh/chart': 'redis-1.4.0' } } });
    expect(charts.requests.slice(before).some((u) => u.endsWith('redis-1.0.0.tgz'))).toBe(true);
    expect(charts.requests.slice(before).some((u) => u.endsWith('redis-1.4.0.tgz'))).toBe(true);
  });

  it('devel: true takes pre-releases when no version is written (helm --devel: >0.0.0-0); a written range ignores it, as helm does', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const r = await renderRef(source, repo.head(), { roots: ['devel', 'develranged', 'latest'].map((d) => ({ kind: 'kustomize' as const, path: `apps/${d}` })), charts: { cacheDir } });
    expect(r.errors).toEqual([]);
    const chartOf = (root: string) => (r.objects.find((o) => o.root === root && o.object.kind === 'Deployment')!.object.metadata as { labels: Record<string, string> }).labels['helm.sh/chart'];
    expect(chartOf('kustomize:apps/devel')).toBe('redis-1.5.0-rc.1');
    expect(chartOf('kustomize:apps/develranged')).toBe('redis-1.4.0');
    expect(chartOf('kustomize:apps/latest')).toBe('redis-1.4.0');
  });

  it('a repository or OCI registry not allowed: not simulated, the reason at the entry line, nothing fetched', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const before = charts.requests.length;
    const r = await renderRef(source, repo.head(), { roots: [{ kind: 'kustomize', path: 'apps/elsewhere' }], charts: { cacheDir } });
    expect(r.objects).toEqual([]);
    const messages = r.errors.map((e) => `${e.source?.file}:${e.source?.startLine} ${e.message}`);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("apps/elsewhere/kustomization.yaml:2 apps/elsewhere/kustomization.yaml:2: helmCharts chart 'redis' from https://charts.example.com/stable: not simulated: chart repository https://charts.example.com/stable is not allowed");
    expect(messages[1]).toContain("apps/elsewhere/kustomization.yaml:5 apps/elsewhere/kustomization.yaml:5: helmCharts chart 'nginx' from oci://registry.example.com/charts: not simulated: chart repository oci://registry.example.com/charts is not allowed");
    expect(charts.requests.length).toBe(before);
  });

  it('nothing allowed: the remote chart is not simulated either', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const before = charts.requests.length;
    const r = await renderRef(source, repo.head(), { roots: [{ kind: 'kustomize', path: 'apps/cache' }], charts: { cacheDir } });
    expect(r.objects).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining("apps/cache/kustomization.yaml:2: helmCharts chart 'redis' from " + charts.url + ': not simulated: chart repository')]);
    expect(charts.requests.length).toBe(before);
  });

  it('a builtin HelmChartInflationGenerator plugin config is fetched and rendered the same way', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const r = await renderRef(source, repo.head(), { roots: [{ kind: 'kustomize', path: 'apps/plugin' }], charts: { cacheDir } });
    expect(r.errors).toEqual([]);
    const d = r.objects.find((o) => o.object.kind === 'Deployment')!;
    expect(d.object).toMatchObject({ metadata: { name: 'plugged-web', labels: { 'helm.sh/chart': 'redis-1.4.0' } } });
    expect(d.source.file).toBe('apps/plugin/redis-gen.yaml');
  });

  it('chart homes and names that leave the repository, a version that climbs directories, a chart nowhere: refused at their lines before any tool runs or fetch', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const before = charts.requests.length;
    const r = await renderRef(source, repo.head(), { roots: ['hostile', 'absolute', 'missing', 'climb'].map((d) => ({ kind: 'kustomize' as const, path: `apps/${d}` })), charts: { cacheDir } });
    expect(r.objects).toEqual([]);
    const messages = r.errors.map((e) => e.message).sort();
    for (const e of r.errors) expect(e.message.startsWith(`${e.source!.file}:${e.source!.startLine}: `)).toBe(true);
    expect(messages).toEqual([
      "apps/absolute/kustomization.yaml:4: helmCharts chart 'passwd': chart home '/etc' is outside the repository: refused",
      "apps/climb/kustomization.yaml:2: helmCharts chart 'c': version '1.0/../../../x' cannot be part of a directory name: refused",
      "apps/hostile/kustomization.yaml:4: helmCharts chart 'a': chart home '../../..' is outside the repository: refused",
      "apps/hostile/kustomization.yaml:5: helmCharts chart '../b': the chart name must be a plain name (letters, digits, ., _, -): refused",
      "apps/missing/kustomization.yaml:2: helmCharts chart 'nowhere': no chart at apps/missing/charts/nowhere and no 'repo' to fetch it from (kustomize would fail the build)",
      "apps/missing/kustomization.yaml:3: helmCharts chart 'web': releaseName '--post-renderer=/opt/preadmit-tool/helm' would be read by helm as a flag: refused",
    ]);
    expect(charts.requests.length).toBe(before);
  });

  it('the jail is what stops a pull: kustomize told to pull a chart itself reaches no repository, even one on loopback', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-helmcharts-pull-'));
    writeFileSync(path.join(dir, 'kustomization.yaml'), `helmCharts:\n- name: redis\n  repo: ${charts.url}\n  version: 1.0.0\n`);
    const before = charts.requests.length;
    const helm = findTool('helm');
    const r = await runSandboxed(findTool('kustomize'), ['build', '--enable-helm', '--helm-command', toolPathInRun(helm, true), dir], {
      cwd: dir,
      timeoutMs: 60_000,
      maxOutputBytes: 1 << 20,
      extraTools: [helm],
      jail: { readOnly: [dir] },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('helm pull');
    expect(charts.requests.length).toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
