// Shared caches and their metrics: a second compiler on the same cache directory (as a second instance on a
// shared PREADMIT_CACHE_DIR volume) runs no opa for policies the first compiled, and /metrics' cache counters
// say so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/app/metrics.ts';
import { createCompiler, isCompiled } from '../../src/opa/compile.ts';
import { cacheStats } from '../../src/util/cache-stats.ts';

const dir = mkdtempSync(join(tmpdir(), 'preadmit-shared-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const template = (name: string) => ({
  key: name,
  code: { rego: `package ${name}\n\nviolation[{"msg": msg}] {\n  input.review.object.metadata.name == "bad"\n  msg := "${name} says no"\n}\n`, libs: [], version: 'v0' as const },
});

function counter(text: string, name: string, cache: string): number {
  const m = new RegExp(`^${name}\\{cache="${cache}"\\} (\\d+)$`, 'm').exec(text);
  if (!m) throw new Error(`${name}{cache="${cache}"} is not in the metrics:\n${text}`);
  return Number(m[1]);
}

describe('shared compile cache', () => {
  it('a second compiler on the same directory compiles nothing, and the hit counters show it', async () => {
    const metrics = createMetrics(undefined);
    const before = await metrics.text();
    const hits0 = counter(before, 'preadmit_cache_hits_total', 'compile');
    const misses0 = counter(before, 'preadmit_cache_misses_total', 'compile');

    const requests = [template('k8sshareda'), template('k8ssharedb')];
    const first = createCompiler({ cacheDir: dir });
    const second = createCompiler({ cacheDir: dir });
    // Both at once, as two instances receiving the same repository's checks: concurrent writers of the same
    // content-addressed entries (written through a temporary file and a rename) must not corrupt them.
    const [a, b] = await Promise.all([first.compile(requests), second.compile(requests)]);
    for (const out of [a, b]) for (const r of requests) expect(isCompiled(out.get(r.key)!)).toBe(true);

    const third = createCompiler({ cacheDir: dir });
    const c = await third.compile(requests);
    for (const r of requests) expect(isCompiled(c.get(r.key)!)).toBe(true);
    expect(third.processCount).toBe(0);

    const after = await metrics.text();
    expect(counter(after, 'preadmit_cache_hits_total', 'compile') - hits0).toBeGreaterThanOrEqual(2);
    expect(counter(after, 'preadmit_cache_misses_total', 'compile') - misses0).toBeGreaterThanOrEqual(2);
    expect(counter(after, 'preadmit_cache_hits_total', 'compile')).toBe(cacheStats().compile.hits);
    expect(after).toMatch(/^preadmit_cache_hits_total\{cache="render"\} \d+$/m);
  });
});
