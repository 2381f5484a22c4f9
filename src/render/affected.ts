// Which roots a change touches. Pure: planned roots and changed paths in, the affected roots out.
import type { ChangedFile } from '../source/types.ts';
import { isUnder } from './paths.ts';
import type { PlannedRoot } from './plan.ts';

/** Every path a change touches: the new path, and the old one of a rename. */
export function changedPaths(changed: ChangedFile[]): string[] {
  const out = new Set<string>();
  for (const c of changed) {
    out.add(c.path);
    if (c.previousPath !== undefined) out.add(c.previousPath);
  }
  return [...out];
}

export function isAffected(root: PlannedRoot, paths: string[]): boolean {
  for (const p of paths) {
    if (root.deps.has(p)) return true;
    for (const prefix of root.prefixes) if (isUnder(p, prefix)) return true;
  }
  return false;
}

