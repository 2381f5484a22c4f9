// A hash of every source file the bundle is built from (src/**), to tell whether dist/ is current; and a stamp of
// the same files' sizes and modification times, which tells it without reading them when nothing was touched.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

async function sourceFiles(root) {
  const files = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else files.push(p);
    }
  }
  await walk(path.join(root, 'src'));
  return files.sort();
}

export async function sourcesHash(root) {
  const h = createHash('sha256');
  for (const f of await sourceFiles(root)) h.update(path.relative(root, f)).update('\0').update(await readFile(f)).update('\0');
  return h.digest('hex');
}

/** Path, size and modification time of every source file: equal stamps mean the same files, untouched. */
export async function sourcesStamp(root) {
  const files = await sourceFiles(root);
  const stats = await Promise.all(files.map((f) => stat(f)));
  const h = createHash('sha256');
  files.forEach((f, i) => h.update(`${path.relative(root, f)}\0${stats[i].size}\0${stats[i].mtimeMs}\0`));
  return h.digest('hex');
}
