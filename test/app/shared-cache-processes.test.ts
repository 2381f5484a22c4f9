// Instances share compiled policies through one cache directory (a shared volume in the Redis mode): two OS
// processes compiling the same templates at once write it safely, and a third process, with no opa at all,
// evaluates from what they wrote with the same results.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'preadmit-shared-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const POLICIES = ['block-privileged', 'allowed-registries', 'host-path-volumes', 'image-tags'].flatMap((p) => ['-f', path.join(root, 'policies', p)]);

async function preadmitTest(env: Record<string, string>): Promise<{ out: string; err: string; code: number }> {
  try {
    const r = await run(process.execPath, [path.join(root, 'bin/preadmit.js'), 'test', ...POLICIES, '-o', 'json'], { env: { ...process.env, PREADMIT_CACHE_DIR: cacheDir, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { out: r.stdout, err: r.stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { out: x.stdout, err: x.stderr, code: x.code };
  }
}

describe('a compile cache shared by processes', () => {
  it('two processes fill it at once; a third without opa gets identical results from it', async () => {
    const [a, b] = await Promise.all([preadmitTest({}), preadmitTest({})]);
    expect(a.err).not.toMatch(/cannot compile|compile/i);
    expect(b.out).toBe(a.out);
    expect(JSON.parse(a.out)).not.toEqual([]);
    const c = await preadmitTest({ PREADMIT_OPA: path.join(cacheDir, 'no-opa-here') });
    expect(c.err).not.toMatch(/cannot compile Rego/);
    expect(c.out).toBe(a.out);
    expect(c.code).toBe(a.code);
  }, 180_000);
});
