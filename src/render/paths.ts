// Repo-relative paths: '/'-separated, no leading './', '' for the repository root.
import path from 'node:path';

/** The directory holding `file` ('' at the root). */
export function dirOf(file: string): string {
  const d = path.posix.dirname(file);
  return d === '.' ? '' : d;
}

/** `ref` resolved against the repo-relative directory `dir`, or undefined if absolute or outside the repository. */
export function resolveInRepo(dir: string, ref: string): string | undefined {
  if (ref.startsWith('/') || /^[A-Za-z]:[\\/]/.test(ref) || ref.includes('\0')) return undefined;
  const joined = path.posix.normalize(path.posix.join(dir === '' ? '.' : dir, ref.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  if (joined === '.' || joined === './') return '';
  return joined.replace(/\/+$/, '').replace(/^\.\//, '');
}

/** Whether `file` is `dir` itself or lies below it. */
export function isUnder(file: string, dir: string): boolean {
  return dir === '' || file === dir || file.startsWith(dir + '/');
}

