// Root discovery and affected roots, over the gitops fixture as a real git repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootId } from '../../src/render/plan.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import type { RenderOptions } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const HELM: RenderOptions = {
  helmReleases: {
    'charts/api': [
      { release: 'api-dev', valuesFiles: ['envs/api-common.yaml'] },
      { release: 'api-prod', valuesFiles: ['envs/api-common.yaml', 'envs/api-prod.yaml'], namespace: 'prod' },
    ],
  },
};

describe('render roots', () => {
  let repo: FixtureRepo;
  let source: LocalGitSource;
  let base: string;
  beforeAll(() => {
    repo = fixtureRepo('gitops');
    source = new LocalGitSource(repo.dir);
    base = repo.head();
  });
  afterAll(() => repo.cleanup());

  const ids = (roots: { kind: 'plain' | 'kustomize' | 'helm'; path: string; release?: string }[]): string[] => roots.map(rootId).sort();
  const edit = (file: string, from: string, to: string): string => readFileSync(path.join(repo.dir, file), 'utf8').replace(from, to);

  it('discovers overlays (not bases or components), helm releases and plain manifests outside them', async () => {
    const r = await renderRef(source, base, HELM);
    expect(ids(r.roots)).toEqual([
      'helm:charts/api#api-dev',
      'helm:charts/api#api-prod',
      'kustomize:apps/batch',
      'kustomize:apps/dev',
      'kustomize:apps/prod',
      'kustomize:apps/staging',
      'plain:manifests/namespaces.yaml',
      'plain:manifests/registry-secret.yaml',
    ]);
    expect(r.errors).toEqual([]);
  });

  it('without release configuration renders each chart once with its own values', async () => {
    const r = await renderRef(source, base, {});
    expect(ids(r.roots).filter((id) => id.startsWith('helm:'))).toEqual(['helm:charts/api#api']);
  });

  it('honours exclude globs, paths and explicit roots', async () => {
    const excluded = await renderRef(source, base, { exclude: ['apps/{dev,staging}', '**/registry-*.yaml', 'charts/**'] });
    expect(ids(excluded.roots)).toEqual(['kustomize:apps/batch', 'kustomize:apps/prod', 'plain:manifests/namespaces.yaml']);
    const scoped = await renderRef(source, base, { paths: ['apps'] });
    expect(ids(scoped.roots)).toEqual(['kustomize:apps/batch', 'kustomize:apps/dev', 'kustomize:apps/prod', 'kustomize:apps/staging']);
    const explicit = await renderRef(source, base, { roots: [{ kind: 'kustomize', path: 'bases/web' }, { kind: 'plain', path: 'nope.yaml' }] });
    expect(ids(explicit.roots)).toEqual(['kustomize:bases/web', 'plain:nope.yaml']);
    expect(explicit.objects.map((o) => o.object.metadata)).toContainEqual({ name: 'web', namespace: 'default', labels: { app: 'web' } });
    expect(explicit.errors.map((e) => e.message)).toEqual(['nope.yaml: no such file at this ref']);
  });

  it('a change to a shared base re-renders the three overlays that reach it, and nothing else', async () => {
    const head = repo.commit({ 'bases/web/service.yaml': edit('bases/web/service.yaml', 'port: 80', 'port: 8080') });
    const changed = await source.changedFiles(base, head);
    const r = await renderRef(source, head, { ...HELM, changed });
    expect(ids(r.roots)).toEqual(['kustomize:apps/dev', 'kustomize:apps/prod', 'kustomize:apps/staging']);
    const services = r.objects.filter((o) => o.object.kind === 'Service' && o.source.startLine === 2);
    expect(services).toHaveLength(3);
    expect(services.every((o) => JSON.stringify(o.object).includes('"port":8080'))).toBe(true);
  });

  it('a change to a generator input, a component or a patch re-renders only the overlays using it', async () => {
    const cases: [string, string[]][] = [
      ['bases/web/config/app.properties', ['kustomize:apps/dev', 'kustomize:apps/prod', 'kustomize:apps/staging']],
      ['components/monitoring/annotate.yaml', ['kustomize:apps/prod', 'kustomize:apps/staging']],
      ['apps/dev/replicas.yaml', ['kustomize:apps/dev']],
      ['bases/worker/job.yaml', ['kustomize:apps/batch']],
      ['envs/api-prod.yaml', ['helm:charts/api#api-prod']],
      ['envs/api-common.yaml', ['helm:charts/api#api-dev', 'helm:charts/api#api-prod']],
      ['charts/api/templates/_helpers.tpl', ['helm:charts/api#api-dev', 'helm:charts/api#api-prod']],
      ['manifests/namespaces.yaml', ['plain:manifests/namespaces.yaml']],
      ['README.md', []],
      ['.github/workflows/ci.yml', []],
    ];
    for (const [file, expected] of cases) {
      const r = await renderRef(source, 'HEAD', { ...HELM, changed: [{ path: file, status: 'modified' }] });
      expect([file, ids(r.roots)]).toEqual([file, expected]);
    }
  });

  it('deleted, renamed and added files: each side renders what it holds', async () => {
    const before = repo.head();
    repo.commit({ 'manifests/registry-secret.yaml': null, 'apps/qa/kustomization.yaml': 'namespace: qa\nresources:\n  - ../../bases/worker\n' });
    const after = repo.rename('apps/prod/pdb.yaml', 'apps/prod/budget.yaml');
    const changed = await source.changedFiles(before, after);
    expect(changed.find((c) => c.status === 'renamed')).toEqual({ path: 'apps/prod/budget.yaml', status: 'renamed', previousPath: 'apps/prod/pdb.yaml' });

    const atBase = await renderRef(source, before, { ...HELM, changed });
    expect(ids(atBase.roots)).toEqual(['kustomize:apps/prod', 'plain:manifests/registry-secret.yaml']);

    // The rename breaks prod's kustomization at head: an error for prod, the new overlay still renders.
    const atHead = await renderRef(source, after, { ...HELM, changed });
    expect(ids(atHead.roots)).toEqual(['kustomize:apps/prod', 'kustomize:apps/qa']);
    expect(atHead.objects.map((o) => `${o.root} ${String(o.object.kind)}`)).toEqual(['kustomize:apps/qa Job']);
    expect(atHead.errors).toHaveLength(1);
    expect(atHead.errors[0]!.message).toMatch(/^apps\/prod: kustomize build failed .*pdb\.yaml/);
    expect(atHead.errors[0]!.source).toMatchObject({ file: 'apps/prod/kustomization.yaml', renderedBy: 'kustomize:apps/prod' });
  });

  it('an empty change renders nothing; no change list renders everything', async () => {
    expect((await renderRef(source, 'HEAD', { changed: [] })).roots).toEqual([]);
    expect((await renderRef(source, 'HEAD', {})).roots.length).toBeGreaterThan(5);
  });
});
