// Small file-system helpers shared by the on-disk caches (compiled policies, renders).
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** `$PREADMIT_CACHE_DIR`, else `$XDG_CACHE_HOME/preadmit`, else `~/.cache/preadmit`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PREADMIT_CACHE_DIR) return env.PREADMIT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'preadmit');
  return join(homedir(), '.cache', 'preadmit');
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
export async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
