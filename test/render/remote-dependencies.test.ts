// Helm dependencies (Chart.yaml `dependencies`, Chart.lock) from a real chart repository on loopback: fetched by
// preadmit into the chart's charts/ before the jailed `helm template` when the operator allows the repository,
// refused at the dependency's line otherwise.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_REPOSITORIES_ENV } from '../../src/render/helm/remote.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { ChartRepo } from '../support/chart-repo.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const SUB = `apiVersion: v1
kind: ConfigMap
metadata:
  name: sub-{{ .Chart.Name }}
data:
  version: {{ .Chart.Version | quote }}
  greeting: {{ .Values.greeting | quote }}
`;

function parentChart(url: string): Record<string, string> {
  return {
    'charts/app/Chart.yaml': `apiVersion: v2
name: app
version: 0.1.0
dependencies:
  - name: local
    version: 0.1.0
  - name: web
    version: ^1.0.0
    repository: ${url}
`,
    'charts/app/Chart.lock': `dependencies:
- name: web
  repository: ${url}
  version: 1.0.0
digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
generated: "2026-01-01T00:00:00Z"
`,
    'charts/app/values.yaml': 'web:\n  greeting: from-parent\n',
    'charts/app/templates/own.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: own\ndata: {}\n',
    'charts/app/charts/local/Chart.yaml': 'apiVersion: v2\nname: local\nversion: 0.1.0\n',
    'charts/app/charts/local/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\ndata: {}\n',
  };
}

describe('helm dependencies from chart repositories', () => {
  const charts = new ChartRepo();
  let repo: FixtureRepo;
  let source: LocalGitSource;
  let cacheDir: string;
  const saved = process.env[CHART_REPOSITORIES_ENV];

  beforeAll(async () => {
    for (const v of ['1.0.0', '1.2.0']) charts.addChart('web', v, { 'templates/cm.yaml': SUB, 'values.yaml': 'greeting: chart-default\n' });
    charts.index();
    await charts.start();
    repo = fixtureRepo();
    repo.commit({
      ...parentChart(charts.url),
      'legacy/Chart.yaml': 'apiVersion: v1\nname: legacy\nversion: 0.1.0\n',
      'legacy/requirements.yaml': `dependencies:\n  - name: web\n    version: 1.2.0\n    repository: https://charts.example.com/stable\n`,
      'legacy/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy\ndata: {}\n',
    });
    source = new LocalGitSource(repo.dir);
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-remote-deps-'));
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env[CHART_REPOSITORIES_ENV];
    else process.env[CHART_REPOSITORIES_ENV] = saved;
    await charts.stop();
    repo.cleanup();
  });

  it('a dependency of a repository not allowed: an error at its Chart.yaml (or requirements.yaml) line, nothing fetched', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const err = r.errors.find((e) => e.source?.file === 'charts/app/Chart.yaml');
    expect(err).toMatchObject({ kind: 'render', source: { startLine: 7 } });
    expect(err!.message).toContain(`charts/app/Chart.yaml:7: helm dependency 'web' from ${charts.url} is not vendored under charts/app/charts/: refused, remote chart repository not allowed: ${charts.url}`);
    expect(r.objects.some((o) => o.root.startsWith('helm:charts/app'))).toBe(false);
    const legacy = r.errors.find((e) => e.source?.file === 'legacy/requirements.yaml');
    expect(legacy?.message).toContain('legacy/requirements.yaml:2: helm dependency \'web\' from https://charts.example.com/stable');
    expect(charts.requests).toEqual([]);
  });

  it('file:// dependencies: the repository chart is copied into charts/ (as helm dependency build does), objects keep its template files; leaving the repository is refused', async () => {
    delete process.env[CHART_REPOSITORIES_ENV];
    const umbrella = `apiVersion: v2
name: umbrella
version: 0.1.0
dependencies:
  - name: common
    version: 0.1.0
    repository: file://../common
`;
    repo.commit({
      'local/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 0.1.0\n',
      'local/common/values.yaml': 'size: small\n',
      'local/common/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: common-{{ .Release.Name }}\ndata:\n  size: {{ .Values.size | quote }}\n',
      'local/umbrella/Chart.yaml': umbrella,
      'local/umbrella/values.yaml': 'common:\n  size: large\n',
      'local/umbrella/templates/own.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: umbrella\ndata: {}\n',
      'local/escape/Chart.yaml': 'apiVersion: v2\nname: escape\nversion: 0.1.0\ndependencies:\n  - name: etc\n    repository: file://../../../etc\n  - name: nochart\n    repository: file://../umbrella/templates\n',
      'local/escape/templates/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    });
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const objs = r.objects.filter((o) => o.root === 'helm:local/umbrella#umbrella');
    expect(objs.map((o) => (o.object.metadata as any).name).sort(), JSON.stringify(r.errors)).toEqual(['common-umbrella', 'umbrella']);
    const common = objs.find((o) => (o.object.metadata as any).name === 'common-umbrella')!;
    expect(common.object.data).toEqual({ size: 'large' });
    expect(common.source).toMatchObject({ file: 'local/common/templates/cm.yaml', startLine: 1 });
    const escape = r.errors.filter((e) => e.source?.file === 'local/escape/Chart.yaml').map((e) => e.message);
    expect(escape).toEqual([
      "local/escape/Chart.yaml:5: helm dependency 'etc' file://../../../etc leaves the repository: refused",
      "local/escape/Chart.yaml:7: helm dependency 'nochart' file://../umbrella/templates: local/umbrella/templates is not another chart directory (no Chart.yaml) of this repository",
    ]);

    // A change to the dependency's chart re-renders the umbrella release.
    const base = repo.head();
    const head = repo.commit({ 'local/common/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: common-{{ .Release.Name }}\ndata:\n  size: changed\n' });
    const changed = await renderRef(source, head, { charts: { cacheDir }, changed: await source.changedFiles(base, head) });
    expect(changed.objects.find((o) => o.root === 'helm:local/umbrella#umbrella' && (o.object.metadata as any).name === 'common-umbrella')?.object.data).toEqual({ size: 'changed' });
    repo.commit({ 'local/escape/Chart.yaml': null, 'local/escape/templates/x.yaml': null });
  });

  it('an allowed dependency is fetched at the version Chart.lock pins and rendered with the parent values, sourced at its line', async () => {
    process.env[CHART_REPOSITORIES_ENV] = charts.url;
    const r = await renderRef(source, repo.head(), { charts: { cacheDir } });
    const app = r.objects.filter((o) => o.root === 'helm:charts/app#app');
    expect(app.map((o) => (o.object.metadata as any).name).sort(), JSON.stringify(r.errors)).toEqual(['local', 'own', 'sub-web']);
    const sub = app.find((o) => (o.object.metadata as any).name === 'sub-web')!;
    // ^1.0.0 would pick 1.2.0; the lock pins 1.0.0, as `helm dependency build` would.
    expect(sub.object.data).toEqual({ version: '1.0.0', greeting: 'from-parent' });
    expect(sub.source).toMatchObject({ file: 'charts/app/Chart.yaml', startLine: 7 });
    expect(app.find((o) => (o.object.metadata as any).name === 'own')!.source.file).toBe('charts/app/templates/own.yaml');
    expect(charts.requests).toContain('/web-1.0.0.tgz');
    expect(charts.requests).not.toContain('/web-1.2.0.tgz');
    // The repository of the v1 chart is still not allowed.
    expect(r.errors.find((e) => e.source?.file === 'legacy/requirements.yaml')?.message).toContain('remote chart repository not allowed: https://charts.example.com/stable');
    expect(r.errors.filter((e) => e.source?.file?.startsWith('charts/app'))).toEqual([]);
  });
});
