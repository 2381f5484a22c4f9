// Parsed manifest files kept in the cache directory (`parsed/`), for the CLI: `preadmit test` run again on files
// that did not change (a pre-commit hook, CI with a kept cache, an edit-and-rerun loop) reads each unchanged file's
// objects as JSON instead of parsing its YAML again, which is the largest part of its own work. Keyed by the bundle's
// build id (the parser's code), the load options, the file's name and its content: a hit is exactly what parsing
// would give. Only the bundle uses it (running the TypeScript sources, there is no build id to key the code by).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadOptions, LoadResult } from '../gatekeeper/load.ts';
import { bundleBuildId } from './build-id.ts';
import { atomicWrite } from './files.ts';

const FORMAT = 'preadmit-parsed-1';

export interface ParseCache {
  /** The cached result of parsing `text` as `file`, if any. */
  get(file: string, options: LoadOptions, text: string): Promise<LoadResult | undefined>;
  /**
   * Keeps a result; one that JSON cannot carry exactly (-0, a non-finite number) is not kept, nor one that holds a
   * Secret (as renders are not: no copy of Secret data is left in the cache directory).
   */
  put(file: string, options: LoadOptions, text: string, result: LoadResult): Promise<void>;
}

/** The parse cache under `cacheDir`, or undefined when preadmit runs from its sources (no build id). */
export function parseCache(cacheDir: string, build = bundleBuildId()): ParseCache | undefined {
  if (build === undefined) return undefined;
  const path = (file: string, options: LoadOptions, text: string): string => {
    const key = createHash('sha256')
      .update(`${FORMAT}\u0000${build}\u0000${JSON.stringify(options)}\u0000${file}\u0000`)
      .update(text)
      .digest('hex');
    return join(cacheDir, 'parsed', key.slice(0, 2), `${key}.json`);
  };
  return {
    async get(file, options, text) {
      let raw: string;
      try {
        raw = await readFile(path(file, options, text), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const v = JSON.parse(raw) as unknown;
        return isCachedResult(v) ? { objects: v.objects, errors: v.errors } : undefined;
      } catch {
        // A damaged entry is a miss (and is written again).
        return undefined;
      }
    },
    async put(file, options, text, result) {
      if (result.objects.some((o) => o.object.kind === 'Secret') || !jsonExact(result)) return;
      try {
        await atomicWrite(path(file, options, text), JSON.stringify({ format: FORMAT, objects: result.objects, errors: result.errors }));
      } catch {
        // A cache that cannot be written costs the next run its time, nothing else.
      }
    },
  };
}

function isCachedResult(v: unknown): v is { format: string; objects: LoadResult['objects']; errors: LoadResult['errors'] } {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { format?: unknown; objects?: unknown; errors?: unknown };
  if (r.format !== FORMAT || !Array.isArray(r.objects) || !Array.isArray(r.errors)) return false;
  const plain = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);
  return (
    r.objects.every((o: unknown) => plain(o) && plain((o as { object?: unknown }).object) && plain((o as { source?: unknown }).source)) &&
    r.errors.every((e: unknown) => plain(e) && typeof (e as { message?: unknown }).message === 'string')
  );
}

/** Whether JSON text carries `v` exactly: no -0 and no non-finite number anywhere in it. */
function jsonExact(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) return v.every(jsonExact);
  for (const k in v) if (!jsonExact((v as Record<string, unknown>)[k])) return false;
  return true;
}
