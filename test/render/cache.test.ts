// Renders are remembered by their inputs: a root whose files did not change is not rendered again.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findTool } from '../../src/opa/tools.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n  - cm.yaml\n';
const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: ${value}\n`;

describe('render cache', () => {
  let repo: FixtureRepo | undefined;
  const saved = { tool: process.env.PREADMIT_KUSTOMIZE, helm: process.env.PREADMIT_HELM, cache: process.env.PREADMIT_CACHE_DIR };
  beforeEach(() => {
    process.env.PREADMIT_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'preadmit-render-cache-'));
  });
  afterEach(() => {
    repo?.cleanup();
    for (const [name, value] of [['PREADMIT_KUSTOMIZE', saved.tool], ['PREADMIT_HELM', saved.helm], ['PREADMIT_CACHE_DIR', saved.cache]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('reuses the render of a root whose inputs are identical, and renders again when one changes', async () => {
    repo = fixtureRepo();
    const first = repo.commit({ 'app/kustomization.yaml': KUSTOMIZATION, 'app/cm.yaml': cm('a'), 'README.md': 'one\n' });
    const second = repo.commit({ 'README.md': 'two\n' }); // the root's inputs are unchanged
    const third = repo.commit({ 'app/cm.yaml': cm('b') });
    const source = new LocalGitSource(repo.dir);

    const a = await renderRef(source, first);
    expect(a.errors).toEqual([]);
    expect(a.objects.map((o) => [o.object.metadata, o.source.file])).toEqual([[{ name: 'settings', namespace: 'shop' }, 'app/cm.yaml']]);

    // Without a kustomize binary, only a remembered render can succeed.
    process.env.PREADMIT_KUSTOMIZE = '/nonexistent/kustomize';
    const b = await renderRef(source, second);
    expect(b.errors).toEqual([]);
    expect(b.objects).toEqual(a.objects);

    const c = await renderRef(source, third);
    expect(c.objects).toEqual([]);
    expect(c.errors.map((e) => e.message).join('\n')).toMatch(/kustomize/);
  });

  it('keeps renders on disk for the next process, but never one that holds a Secret', async () => {
    repo = fixtureRepo();
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: hunter2hunter2\n';
    const sha = repo.commit({ 'app/kustomization.yaml': KUSTOMIZATION, 'app/cm.yaml': cm('disk'), 'vault/kustomization.yaml': KUSTOMIZATION.replace('cm.yaml', 's.yaml'), 'vault/s.yaml': secret });
    const source = new LocalGitSource(repo.dir);
    const first = await renderRef(source, sha);
    expect(first.errors).toEqual([]);
    expect(first.objects.map((o) => o.object.kind).sort()).toEqual(['ConfigMap', 'Secret']);

    // One file on disk: the ConfigMap's root. The Secret's root is never written.
    const dir = path.join(process.env.PREADMIT_CACHE_DIR!, 'renders');
    const files = readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => path.join(dir, sub, f)));
    expect(files).toHaveLength(1);
    expect(readFileSync(files[0]!, 'utf8')).not.toContain('hunter2');
    // Mark the stored render, so that serving it from disk shows.
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace('"mode":"disk"', '"mode":"from-disk-cache"'));

    // A fresh module instance has an empty memory cache: the ConfigMap comes from disk, the Secret is rendered.
    vi.resetModules();
    const fresh = (await import('../../src/render/render-ref.ts')).renderRef;
    const again = await fresh(new LocalGitSource(repo.dir), sha);
    expect(again.errors).toEqual([]);
    const data = again.objects.map((o) => o.object.data ?? o.object.stringData);
    expect(data).toEqual(expect.arrayContaining([{ mode: 'from-disk-cache' }, { password: 'hunter2hunter2' }]));
  });

  it('a kustomize root inflating a chart is rendered again with another helm binary, not served from the cache', async () => {
    repo = fixtureRepo();
    const sha = repo.commit({
      'app/kustomization.yaml': 'helmCharts:\n- name: web\n  releaseName: shop\n',
      'app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'app/charts/web/values.yaml': '{}\n',
      'app/charts/web/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  mode: rendered\n',
    });
    const first = await renderRef(new LocalGitSource(repo.dir), sha);
    expect(first.errors).toEqual([]);
    expect(first.objects.map((o) => o.object.data)).toEqual([{ mode: 'rendered' }]);
    const dir = path.join(process.env.PREADMIT_CACHE_DIR!, 'renders');
    const files = readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => path.join(dir, sub, f)));
    expect(files).toHaveLength(1);
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace('"mode":"rendered"', '"mode":"from-disk-cache"'));
    const fresh = async (): Promise<unknown[]> => {
      vi.resetModules();
      const again = await (await import('../../src/render/render-ref.ts')).renderRef(new LocalGitSource(repo!.dir), sha);
      expect(again.errors).toEqual([]);
      return again.objects.map((o) => o.object.data);
    };
    // The same tools: the stored render is served.
    expect(await fresh()).toEqual([{ mode: 'from-disk-cache' }]);
    // Another helm (a different path to it is another binary as far as the cache knows): rendered again.
    const other = path.join(mkdtempSync(path.join(os.tmpdir(), 'preadmit-other-helm-')), 'helm');
    symlinkSync(findTool('helm'), other);
    process.env.PREADMIT_HELM = other;
    expect(await fresh()).toEqual([{ mode: 'rendered' }]);
  });
});
