// A repository at a ref: the one seam through which rendering reads files. Local git for the CLI,
// the GitHub API for the app; nothing here may assume either.
import type { InputError } from '../gatekeeper/types.ts';

export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Set for renames: where the file was at the base ref. */
  previousPath?: string;
}

export interface RepoSource {
  /** The commit sha that `ref` (branch, tag, sha, `HEAD~1`...) names; rejects if it names none. */
  resolve(ref: string): Promise<string>;
  /**
   * Every file a GitOps tool sees in the tree at `ref`, repo-relative and '/'-separated, sorted: the regular
   * files, and the paths shown through symbolic links that stay in the repository (see links.ts). Never a
   * link itself, a directory or a submodule.
   */
  listFiles(ref: string): Promise<string[]>;
  /** The bytes of `path` at `ref` (through links, those of the file they end at), or undefined when `listFiles` has no such path. */
  readFile(ref: string, path: string): Promise<Buffer | undefined>;
  /** Symbolic links at `ref` that cannot be followed inside the repository (leaving it, absolute, dangling, loops). */
  linkErrors(ref: string): Promise<InputError[]>;
  /** What changed between two refs, renames detected (as git lists it: links are paths like any other). */
  changedFiles(base: string, head: string): Promise<ChangedFile[]>;
  /**
   * `changes` plus the paths they change as GitOps tools see them: a file shown through a link changes when
   * the file it ends at changes, or a link on its way is retargeted, added or removed.
   */
  changesThroughLinks(base: string, head: string, changes: ChangedFile[]): Promise<ChangedFile[]>;
  /**
   * Writes those files of the tree at `ref` under `dir` (which must exist), for tools that read a file system:
   * always regular files (a path shown through a link gets the bytes of the file it ends at), never links.
   */
  materialize(ref: string, paths: string[] | 'all', dir: string): Promise<void>;
}
