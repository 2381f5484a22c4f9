// Where the pinned renderers live. A private stand-in for src/opa/tools.ts `findTool`, which did not
// exist when rendering was written: .tools/bin of this checkout first, then PATH.
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type RenderTool = 'kustomize' | 'helm';

const PINNED_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.tools', 'bin');

/** Absolute path of an executable called `name` in .tools/bin or on PATH, or undefined. */
export async function findExecutable(name: string, dirs: string[] = [PINNED_BIN, ...pathDirs()]): Promise<string | undefined> {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; next directory
    }
  }
  return undefined;
}

export function findRenderTool(name: RenderTool): Promise<string | undefined> {
  const override = process.env[`PREADMIT_${name.toUpperCase()}`];
  if (override !== undefined && override !== '') return Promise.resolve(override);
  return findExecutable(name);
}

function pathDirs(): string[] {
  return (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
}
