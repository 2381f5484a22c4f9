// Finding programs: the pinned renderers through src/opa/tools.ts, system helpers (unshare) by absolute path.
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { errorText } from '../gatekeeper/load.ts';
import { findTool } from '../opa/tools.ts';

export type RenderTool = 'kustomize' | 'helm';

/** The pinned kustomize or helm, or the message saying how to get it. */
export function findRenderTool(name: RenderTool): { path: string } | { error: string } {
  try {
    return { path: findTool(name) };
  } catch (e) {
    return { error: errorText(e) };
  }
}

/** Absolute path of an executable called `name` in one of `dirs`, or undefined. */
export async function findExecutable(name: string, dirs: string[]): Promise<string | undefined> {
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
