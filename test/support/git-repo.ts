// Git repositories built at test or benchmark time: one fixed identity and no user or system git config, so
// commits never depend on the machine they are made on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'preadmit test',
  GIT_AUTHOR_EMAIL: 'test@preadmit.invalid',
  GIT_COMMITTER_NAME: 'preadmit test',
  GIT_COMMITTER_EMAIL: 'test@preadmit.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

const MAX_BUFFER = 256 * 1024 * 1024;

export interface GitOptions {
  /** Written to git's stdin. */
  input?: string;
  /** Variables on top of GIT_ENV (e.g. GIT_INDEX_FILE). */
  env?: NodeJS.ProcessEnv;
}

/** `git -C dir args…` with GIT_ENV; its stdout as text. */
export function git(dir: string, ...args: string[]): string {
  return gitWith(dir, args);
}

/** `git -C dir args…` with GIT_ENV plus `options`; its stdout as text. */
export function gitWith(dir: string, args: string[], options: GitOptions = {}): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: options.env ? { ...GIT_ENV, ...options.env } : GIT_ENV,
    maxBuffer: MAX_BUFFER,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** Writes `body` to `dir`/`file`, creating its directories. */
export function writeFile(dir: string, file: string, body: string): void {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, body);
}

/** Writes (string) or deletes (null) files below `dir`. */
function writeFiles(dir: string, changes: Record<string, string | null>): void {
  for (const [file, body] of Object.entries(changes)) {
    if (body === null) rmSync(path.join(dir, file));
    else writeFile(dir, file, body);
  }
}

/** A git work tree: write files, commit everything, read the head. */
export class GitRepo {
  constructor(readonly dir: string) {}

  /** A new repository on branch `main` in a fresh directory under the system's temporary directory. */
  static temp<T extends GitRepo>(this: new (dir: string) => T, prefix: string): T {
    const repo = new this(mkdtempSync(path.join(os.tmpdir(), prefix)));
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  git(...args: string[]): string {
    return git(this.dir, ...args);
  }

  /** Writes `body` to `file` (relative to the work tree), creating its directories. */
  write(file: string, body: string): void {
    writeFile(this.dir, file, body);
  }

  /** Stages everything and commits it; returns the new commit's sha. */
  commitAll(message: string, options: { allowEmpty?: boolean } = {}): string {
    this.git('add', '-A');
    this.git('commit', '-q', ...(options.allowEmpty ? ['--allow-empty'] : []), '-m', message);
    return this.head();
  }

  /** Writes (string) or deletes (null) files, commits them, returns the new commit's sha. */
  commit(changes: Record<string, string | null>, message = 'change', options: { allowEmpty?: boolean } = {}): string {
    writeFiles(this.dir, changes);
    return this.commitAll(message, options);
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An entry of `git ls-tree`, named as in GitHub's tree API. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

/** The output of `git ls-tree -z` (with `-l`: each blob's `size`). */
export function parseLsTree(out: string): (TreeEntry & { size?: number })[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', sha = '', size = '-'] = record.slice(0, tab).split(/ +/);
      return { path: record.slice(tab + 1), mode, type, sha, ...(size !== '-' ? { size: Number(size) } : {}) };
    });
}

/** Moves (or makes) branch `name` to a new empty commit above `from`: a head of its own with the same content. */
export function advanceBranch(dir: string, name: string, from: string): string {
  const sha = git(dir, 'commit-tree', git(dir, 'rev-parse', `${from}^{tree}`).trim(), '-p', git(dir, 'rev-parse', from).trim(), '-m', `${name} ${Math.random()}`).trim();
  git(dir, 'update-ref', `refs/heads/${name}`, sha);
  return sha;
}

/** A git repository with one commit per `commits` entry on the named branches (each starts from its parent, main by default). */
export function buildRepo(commits: { branch: string; from?: string; files: Record<string, string | null> }[]): { dir: string; sha: Record<string, string>; cleanup(): void } {
  const repo = GitRepo.temp('preadmit-app-repo-');
  const sha: Record<string, string> = {};
  let first = true;
  for (const c of commits) {
    if (!first) repo.git('checkout', '-q', '-B', c.branch, c.from ?? 'main');
    first = false;
    sha[c.branch] = repo.commit(c.files, c.branch);
  }
  repo.git('checkout', '-q', 'main');
  return { dir: repo.dir, sha, cleanup: () => repo.cleanup() };
}
