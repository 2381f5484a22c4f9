// Reading files and directories the way gator does: .yaml, .yml and .json files, directories walked.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorText, loadManifests, type LoadOptions, type LoadResult } from './load.ts';
import type { InputError } from './types.ts';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function isManifestFile(file: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Expands files and directories into the sorted list of manifest files they hold. */
export async function listManifestFiles(paths: string[]): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  async function walk(p: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      errors.push({ kind: 'load', message: `${p}: ${errorText(e)}`, source: { file: p, startLine: 1, endLine: 1 } });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const entry of entries) await walk(path.join(p, entry), false);
    } else if (explicit || isManifestFile(p)) {
      files.push(p);
    }
  }
  for (const p of paths) await walk(p, true);
  return { files, errors };
}

/** Loads every manifest under `paths`; an unreadable or malformed file is an error, the rest still load. */
export async function readManifests(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const { files, errors } = await listManifestFiles(paths);
  const objects: LoadResult['objects'] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      errors.push({ kind: 'load', message: `${file}: ${errorText(e)}`, source: { file, startLine: 1, endLine: 1 } });
      continue;
    }
    const r = loadManifests(text, file, options);
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  return { objects, errors };
}
