// A hash of every source file the bundle is built from (src/**): the build id compiled into dist/ (scripts/build.mjs).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function sourcesHash(root) {
  const files = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else files.push(p);
    }
  }
  await walk(path.join(root, 'src'));
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(await readFile(f)).update('\0');
  return h.digest('hex');
}
