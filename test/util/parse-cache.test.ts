// The parse cache (src/util/parse-cache.ts): a hit is exactly what parsing gives; anything that changes the parse
// (content, file name, options, the build) is a miss; what JSON cannot carry exactly is not kept; damage is a miss.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { readManifests } from '../../src/gatekeeper/read.ts';
import { parseCache } from '../../src/util/parse-cache.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'preadmit-parse-cache-'));
  dirs.push(d);
  return d;
}

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: &l {x: "1"}}\ndata: {__proto__: p, on: yes, big: 12345678901234567890}\n---\n[: bad\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: *l}\n';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.join(d, e.name));
    }
  };
  await walk(dir).catch(() => undefined);
  return out;
}

describe('parse cache', () => {
  it('is off when preadmit runs from its sources (no build id to key the code by)', async () => {
    expect(parseCache(await tempDir())).toBeUndefined();
  });

  it('gives back exactly what parsing gave: objects, lines, errors, odd keys', async () => {
    const cache = parseCache(await tempDir(), 'build-1')!;
    const options = { yamlVersion: '1.1' as const };
    const parsed = loadManifests(TEXT, 'a.yaml', options);
    expect(await cache.get('a.yaml', options, TEXT)).toBeUndefined();
    await cache.put('a.yaml', options, TEXT, parsed);
    const hit = await cache.get('a.yaml', options, TEXT);
    expect(hit).toEqual(parsed);
    expect(JSON.stringify(hit)).toBe(JSON.stringify(parsed));
    expect(Object.keys(hit!.objects[0]!.object.data as object)).toEqual(Object.keys(parsed.objects[0]!.object.data as object));
  });

  it('misses when the content, the file name, the options or the build differ', async () => {
    const dir = await tempDir();
    const cache = parseCache(dir, 'build-1')!;
    const options = { yamlVersion: '1.1' as const };
    await cache.put('a.yaml', options, TEXT, loadManifests(TEXT, 'a.yaml', options));
    expect(await cache.get('a.yaml', options, TEXT + '\n')).toBeUndefined();
    expect(await cache.get('b.yaml', options, TEXT)).toBeUndefined();
    expect(await cache.get('a.yaml', { yamlVersion: '1.2' }, TEXT)).toBeUndefined();
    expect(await parseCache(dir, 'build-2')!.get('a.yaml', options, TEXT)).toBeUndefined();
    expect(await cache.get('a.yaml', options, TEXT)).toBeDefined();
  });

  it('does not keep what JSON cannot carry exactly (-0, infinities) nor Secrets, and a damaged entry is a miss', async () => {
    const dir = await tempDir();
    const cache = parseCache(dir, 'build-1')!;
    const negZero = { objects: [{ object: { apiVersion: 'v1', kind: 'ConfigMap', data: { n: -0 } }, source: { file: 'z.yaml', startLine: 1, endLine: 1 } }], errors: [] };
    await cache.put('z.yaml', {}, 'z', negZero);
    const inf = { objects: [{ object: { apiVersion: 'v1', kind: 'ConfigMap', data: { n: Infinity } }, source: { file: 'i.yaml', startLine: 1, endLine: 1 } }], errors: [] };
    await cache.put('i.yaml', {}, 'i', inf);
    // Nor a copy of Secret data.
    await cache.put('s.yaml', {}, 's', loadManifests('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: hunter2}\n', 's.yaml', {}));
    expect(await files(dir)).toEqual([]);
    const ok = loadManifests(TEXT, 'a.yaml', {});
    await cache.put('a.yaml', {}, TEXT, ok);
    const [entry] = await files(dir);
    for (const damage of ['{"format":"preadmit-parsed-1","objects":[1],"errors":[]}', '{"format":"other","objects":[],"errors":[]}', '{not json']) {
      await writeFile(entry!, damage);
      expect(await cache.get('a.yaml', {}, TEXT)).toBeUndefined();
    }
  });

  it('readManifests reads unchanged files from it, and parses (and keeps) the changed ones', async () => {
    const dir = await tempDir();
    const cacheDir = await tempDir();
    await writeFile(path.join(dir, 'a.yaml'), TEXT);
    await writeFile(path.join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n');
    const cache = parseCache(cacheDir, 'build-1')!;
    const plain = await readManifests([dir], { yamlVersion: '1.1' });
    expect(await readManifests([dir], { yamlVersion: '1.1' }, cache)).toEqual(plain);
    expect(await files(cacheDir)).toHaveLength(2);
    // From the cache now: the same again.
    expect(await readManifests([dir], { yamlVersion: '1.1' }, cache)).toEqual(plain);
    await writeFile(path.join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: m}\n');
    const changed = await readManifests([dir], { yamlVersion: '1.1' }, cache);
    const names = (r: typeof plain) => r.objects.map((o) => (o.object.metadata as { name: string }).name);
    expect(names(changed)).toEqual([...names(plain).slice(0, -1), 'm']);
    expect(names(changed).at(-1)).toBe('m');
    expect(await files(cacheDir)).toHaveLength(3);
  });
});
