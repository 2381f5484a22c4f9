// Renders are remembered by their inputs: a root whose files did not change is not rendered again.
import { afterEach, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n  - cm.yaml\n';
const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: ${value}\n`;

describe('render cache', () => {
  let repo: FixtureRepo | undefined;
  const saved = process.env.PREADMIT_KUSTOMIZE;
  afterEach(() => {
    repo?.cleanup();
    if (saved === undefined) delete process.env.PREADMIT_KUSTOMIZE;
    else process.env.PREADMIT_KUSTOMIZE = saved;
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
});
