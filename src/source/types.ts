// A repository at a ref: the one seam through which rendering reads files. Local git for the CLI,
// the GitHub API for the app; nothing here may assume either.

export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Set for renames: where the file was at the base ref. */
  previousPath?: string;
}

export interface RepoSource {
  /** The commit sha that `ref` (branch, tag, sha, `HEAD~1`...) names; rejects if it names none. */
  resolve(ref: string): Promise<string>;
  /** Every regular file of the tree at `ref`, repo-relative and '/'-separated, sorted. */
  listFiles(ref: string): Promise<string[]>;
  /** The bytes of `path` at `ref`, or undefined when the tree has no such regular file. */
  readFile(ref: string, path: string): Promise<Buffer | undefined>;
  /** What changed between two refs, renames detected. */
  changedFiles(base: string, head: string): Promise<ChangedFile[]>;
  /** Writes those files of the tree at `ref` under `dir` (which must exist), for tools that read a file system. */
  materialize(ref: string, paths: string[] | 'all', dir: string): Promise<void>;
}
