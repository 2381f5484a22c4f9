// Reading files and directories the way gator does: .yaml, .yml and .json files, directories walked.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorText, loadManifests, type LoadOptions, type LoadResult } from './load.ts';
import { goCompare, goDecodeUtf8 } from '../go/strings.ts';
import type { ParseCache } from '../util/parse-cache.ts';
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

/**
 * The files `gator test -f` reads (pkg/gator/reader/filereader.go): a named file must end in exactly `.yaml`,
 * `.yml` or `.json` (case-sensitive, so `x.YAML` is refused and a file named `.json` is read); a directory is
 * walked in byte order, hidden files and directories included, keeping files with those extensions;
 * symbolic links inside it are not followed into directories (filepath.Walk), a linked file is read.
 */
async function listGatorFiles(paths: string[]): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const allowed = (p: string) => GATOR_EXTENSIONS.includes(path.extname(p) === '' && path.basename(p).startsWith('.') ? path.basename(p) : path.extname(p));
  async function walk(p: string): Promise<void> {
    const info = await lstat(p);
    if (info.isDirectory()) {
      for (const entry of (await readdir(p)).sort(goCompare)) await walk(path.join(p, entry));
    } else if (allowed(p)) {
      if (info.isSymbolicLink() && (await stat(p).catch(() => undefined))?.isDirectory()) {
        errors.push(loadError(p, 'is a link to a directory; gator reads it as a file and fails'));
        return;
      }
      files.push(p);
    }
  }
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (!info.isDirectory() && !allowed(p)) {
        errors.push(loadError(p, `must be of extensions: ${GATOR_EXTENSIONS.join(' ')}`));
        continue;
      }
      // filepath.Walk does not follow a root that is a link to a directory: nothing under it is read.
      if (info.isDirectory() && (await lstat(p)).isSymbolicLink()) continue;
      await walk(p);
    } catch (e) {
      errors.push(loadError(p, errorText(e)));
    }
  }
  return { files, errors };
}

const GATOR_EXTENSIONS = ['.yaml', '.yml', '.json'];

function loadError(file: string, message: string): InputError {
  return { kind: 'load', message: `${file}: ${message}`, source: { file, startLine: 1, endLine: 1 } };
}

/**
 * Manifest bytes as text. go-yaml refuses invalid UTF-8 (the document is an error naming its line); a JSON
 * stream (text starting with `{`, as the Kubernetes YAML-or-JSON decoder decides) is read by Go's
 * encoding/json, which turns each invalid byte into U+FFFD.
 */
export function decodeManifest(bytes: Buffer, file: string): { text: string } | { error: InputError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    if (bytes.toString('latin1').trimStart().startsWith('{')) return { text: goDecodeUtf8(bytes) };
    // The line of the first invalid byte: the longest prefix that decodes (a cut sequence is allowed in
    // stream mode), found by bisection.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 10) line++;
    return { error: { kind: 'load', message: `${file}:${line}: invalid YAML: invalid UTF-8; the file was not read`, source: { file, startLine: line, endLine: line } } };
  }
}

/**
 * Loads every manifest under `paths` as gator test does; an unreadable or malformed file is an error, the rest still
 * load. With `cache` (util/parse-cache.ts), a file whose content was parsed before is read from it.
 */
export async function readManifests(paths: string[], options: LoadOptions = {}, cache?: ParseCache): Promise<LoadResult> {
  const { files, errors } = await listGatorFiles(paths);
  const writes: Array<Promise<void>> = [];
  const objects: LoadResult['objects'] = [];
  for (const file of files) {
    let text: string;
    try {
      const decoded = decodeManifest(await readFile(file), file);
      if ('error' in decoded) {
        errors.push(decoded.error);
        continue;
      }
      text = decoded.text;
    } catch (e) {
      errors.push({ kind: 'load', message: `${file}: ${errorText(e)}`, source: { file, startLine: 1, endLine: 1 } });
      continue;
    }
    let r = await cache?.get(file, options, text);
    if (r === undefined) {
      r = loadManifests(text, file, options);
      // Written while the next files are read and parsed; all written before this returns.
      if (cache) writes.push(cache.put(file, options, text, r));
    }
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  // put never rejects (a cache that cannot be written costs time only).
  await Promise.all(writes);
  return { objects, errors };
}
