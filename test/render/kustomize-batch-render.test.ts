// A full render with kustomize roots built in batches gives the same objects, sources and errors per root
// as a render building each root with its own `kustomize build` (PREADMIT_KUSTOMIZE_BATCH=off).
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo } from './repo.ts';

const repo = fixtureRepo('gitops');
for (let i = 0; i < 6; i++) {
  repo.write(`more/app-${i}/kustomization.yaml`, `namePrefix: m${i}-\nresources:\n- ../../bases/web\n${i === 3 ? '- missing.yaml\n' : ''}${i === 4 ? 'commonLabels:\n  deprecated: "yes"\n' : ''}`);
}
repo.commitAll('more roots');

async function render(batch: boolean, cache: string) {
  // A fresh module graph: no render cached in memory by the other run.
  vi.resetModules();
  process.env.PREADMIT_CACHE_DIR = path.join(repo.dir, cache);
  if (batch) delete process.env.PREADMIT_KUSTOMIZE_BATCH;
  else process.env.PREADMIT_KUSTOMIZE_BATCH = 'off';
  const { renderRef } = await import('../../src/render/render-ref.ts');
  return renderRef(new LocalGitSource(repo.dir), 'HEAD', { concurrency: 2 });
}

describe('kustomize batches in a render', () => {
  afterEach(() => delete process.env.PREADMIT_KUSTOMIZE_BATCH);
  afterAll(() => repo.cleanup());

  it('same objects, sources and errors as one kustomize build per root', async () => {
    const batched = await render(true, 'cache-batched');
    const single = await render(false, 'cache-single');
    expect(batched.roots.filter((r) => r.kind === 'kustomize').length).toBeGreaterThanOrEqual(10);
    expect(batched.objects.length).toBeGreaterThan(30);
    expect(batched.objects).toEqual(single.objects);
    expect(batched.errors).toEqual(single.errors);
    expect(batched.errors.map((e) => e.source?.renderedBy)).toEqual(['kustomize:more/app-3']);
    expect(batched.errors[0]!.message).toContain('missing.yaml');
    expect(batched.errors[0]!.message).not.toContain(repo.dir);
  }, 120_000);
});
