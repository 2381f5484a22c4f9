// A local git clone as a RepoSource. Reads the object database only (ls-tree, cat-file, diff-tree),
// so any ref can be read while the working tree, the index and HEAD stay untouched.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputError } from '../gatekeeper/types.ts';
import { isManifestFile } from '../gatekeeper/read.ts';
import { changesThroughLinks, linkView, SYMLINK_MODE, type LinkView } from './links.ts';
import type { ChangedFile, RepoSource } from './types.ts';
import { AbortError, isAbort } from '../util/abort.ts';
import { memoPromise } from '../util/memo.ts';

interface TreeEntry {
  mode: string;
  oid: string;
}

/** Modes of regular files; symlinks (120000) are followed (links.ts), submodules (160000) never read. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/** Blobs kept in memory per source (all together), and the largest one kept. */
const MAX_CACHED_BLOBS_BYTES = 32 * 1024 * 1024;
const MAX_CACHED_BLOB_BYTES = 1024 * 1024;

class GitError extends Error {
  override name = 'GitError';
}

export class LocalGitSource implements RepoSource {
  readonly #repoDir: string;
  readonly #git: GitDir;
  readonly #trees = new Map<string, Promise<Map<string, TreeEntry>>>();
  readonly #views = new Map<string, Promise<LinkView>>();
  readonly #resolved = new Map<string, Promise<string>>();
  /**
   * Blobs already read, by object id (content-addressed, so never stale): the base and head of a check, its clusters
   * and the next check of the same repository read mostly the same files. Bounded by bytes, oldest dropped first.
   */
  readonly #blobs = new Map<string, Buffer>();
  #blobBytes = 0;
  /** Blob reads asked for in the same tick share one `git cat-file --batch`. */
  #pending: { oid: string; resolve: (b: Buffer | undefined) => void; reject: (e: unknown) => void }[] = [];

  /** `signal`: the run's cancellation (the CLI's SIGINT): git processes are killed, reads reject with `AbortError`. */
  constructor(repoDir: string, options: { signal?: AbortSignal } = {}) {
    this.#repoDir = path.resolve(repoDir);
    this.#git = { dir: this.#repoDir, ...(options.signal !== undefined ? { signal: options.signal } : {}) };
  }

  resolve(ref: string): Promise<string> {
    return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
  }

  async #resolveUncached(ref: string): Promise<string> {
    checkRef(ref);
    const r = await runGit(this.#git, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    const sha = r.stdout.toString('utf8').trim();
    if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
      throw new GitError(`${this.#repoDir}: '${ref}' does not name a commit`);
    }
    return sha;
  }

  async listFiles(ref: string): Promise<string[]> {
    return [...(await this.#view(ref)).files.keys()].sort();
  }

  async readFile(ref: string, file: string): Promise<Buffer | undefined> {
    const entry = await this.#entry(ref, file);
    return entry === undefined ? undefined : this.#readBlob(entry.oid);
  }

  async linkErrors(ref: string): Promise<InputError[]> {
    return (await this.#view(ref)).errors;
  }

  /** The regular file `file` shows at `ref` (itself, or what the links on its way end at). */
  async #entry(ref: string, file: string): Promise<TreeEntry | undefined> {
    const [tree, view] = await Promise.all([this.#tree(ref), this.#view(ref)]);
    const real = view.files.get(file);
    const entry = real === undefined ? undefined : tree.get(real);
    return entry !== undefined && REGULAR_FILE_MODES.has(entry.mode) ? entry : undefined;
  }

  #view(ref: string): Promise<LinkView> {
    return memoPromise(this.#views, ref, () =>
      this.#tree(ref).then(async (tree) => {
        const regular = [...tree].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)).map(([p]) => p);
        const linkEntries = [...tree].filter(([, e]) => e.mode === SYMLINK_MODE);
        const targets = await readBlobs(this.#git, [...new Set(linkEntries.map(([, e]) => e.oid))]);
        const links = new Map(linkEntries.map(([p, e]) => [p, targets.get(e.oid)?.toString('utf8') ?? ''] as const));
        return linkView(regular, links, isManifestFile);
      }),
    );
  }

  #readBlob(oid: string): Promise<Buffer | undefined> {
    const known = this.#blobs.get(oid);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => this.#flush());
      this.#pending.push({ oid, resolve, reject });
    });
  }

  #remember(oid: string, blob: Buffer): void {
    if (blob.length > MAX_CACHED_BLOB_BYTES || this.#blobs.has(oid)) return;
    this.#blobs.set(oid, blob);
    this.#blobBytes += blob.length;
    for (const [old, b] of this.#blobs) {
      if (this.#blobBytes <= MAX_CACHED_BLOBS_BYTES) break;
      this.#blobs.delete(old);
      this.#blobBytes -= b.length;
    }
  }

  #flush(): void {
    const batch = this.#pending;
    this.#pending = [];
    readBlobs(this.#git, [...new Set(batch.map((p) => p.oid))]).then(
      (blobs) => {
        for (const [oid, blob] of blobs) this.#remember(oid, blob);
        for (const p of batch) p.resolve(blobs.get(p.oid));
      },
      (e: unknown) => {
        for (const p of batch) p.reject(e);
      },
    );
  }

  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const [b, h] = await Promise.all([this.resolve(base), this.resolve(head)]);
    const r = await runGit(this.#git, ['diff-tree', '-r', '-z', '-M', '--name-status', '--no-commit-id', b, h]);
    if (r.code !== 0) throw new GitError(`git diff-tree failed: ${r.stderr.trim()}`);
    return parseNameStatus(r.stdout.toString('utf8'));
  }

  async changesThroughLinks(base: string, head: string, changes: ChangedFile[]): Promise<ChangedFile[]> {
    const [bt, ht, bv, hv] = await Promise.all([this.#tree(base), this.#tree(head), this.#view(base), this.#view(head)]);
    return changesThroughLinks(changes, { view: bv, blobOf: (p) => bt.get(p)?.oid }, { view: hv, blobOf: (p) => ht.get(p)?.oid });
  }

  async materialize(ref: string, paths: string[] | 'all', dir: string): Promise<void> {
    const wanted: [string, TreeEntry][] = [];
    const names = paths === 'all' ? [...(await this.#view(ref)).files.keys()] : paths;
    for (const p of new Set(names)) {
      // A path shown through a link is written as a regular file with the bytes it shows, never as a link.
      const e = await this.#entry(ref, p);
      if (e !== undefined) wanted.push([p, e]);
    }
    const blobs = await readBlobs(this.#git, [...new Set(wanted.map(([, e]) => e.oid))]);
    const root = path.resolve(dir);
    const made = new Set<string>();
    for (const [p, e] of wanted) {
      const target = path.resolve(root, ...p.split('/'));
      // git never stores such paths, but a future RepoSource might be less careful: refuse, do not write.
      if (!target.startsWith(root + path.sep)) throw new GitError(`refusing to write ${p} outside ${root}`);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      await writeFile(target, blobs.get(e.oid) ?? Buffer.alloc(0), { mode: e.mode === '100755' ? 0o755 : 0o644 });
    }
  }

  #tree(ref: string): Promise<Map<string, TreeEntry>> {
    return memoPromise(this.#trees, ref, () => this.resolve(ref).then((sha) => listTree(this.#git, sha)));
  }
}

function checkRef(ref: string): void {
  // A ref starting with '-' would be read as an option; control characters have no place in a ref.
  if (ref === '' || ref.startsWith('-') || /[\x00-\x1f\x7f]/.test(ref)) {
    throw new GitError(`invalid ref '${ref.replace(/[\x00-\x1f\x7f]/g, '?')}'`);
  }
}

async function listTree(git: GitDir, sha: string): Promise<Map<string, TreeEntry>> {
  const r = await runGit(git, ['ls-tree', '-r', '-z', '--full-tree', sha]);
  if (r.code !== 0) throw new GitError(`git ls-tree failed: ${r.stderr.trim()}`);
  const tree = new Map<string, TreeEntry>();
  for (const record of r.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, , oid] = record.slice(0, tab).split(' ');
    if (mode === undefined || oid === undefined) continue;
    tree.set(record.slice(tab + 1), { mode, oid });
  }
  return tree;
}

export function parseNameStatus(out: string): ChangedFile[] {
  const fields = out.split('\0');
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? '';
    if (status === '') continue;
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++] ?? '';
      const to = fields[i++] ?? '';
      // A copy leaves its origin in place: for rendering it is an added file.
      changes.push(letter === 'R' ? { path: to, status: 'renamed', previousPath: from } : { path: to, status: 'added' });
      continue;
    }
    const file = fields[i++] ?? '';
    if (letter === 'A') changes.push({ path: file, status: 'added' });
    else if (letter === 'D') changes.push({ path: file, status: 'deleted' });
    else changes.push({ path: file, status: 'modified' }); // M, T (type change), U, X
  }
  return changes;
}

/** Reads many blobs through one `git cat-file --batch`. */
async function readBlobs(git: GitDir, oids: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const r = await runGit(git, ['cat-file', '--batch'], oids.join('\n') + '\n');
  if (r.code !== 0) throw new GitError(`git cat-file failed: ${r.stderr.trim()}`);
  const out = r.stdout;
  let pos = 0;
  for (const oid of oids) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) break;
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(oid, out.subarray(pos, pos + size));
    pos += size + 1; // content is followed by a newline
  }
  return blobs;
}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** A repository git is run on, and the cancellation its processes are killed on. */
interface GitDir {
  dir: string;
  signal?: AbortSignal;
}

function runGit(git: GitDir, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    if (git.signal?.aborted) {
      reject(new AbortError(`git ${args[0] ?? ''} not started: cancelled`));
      return;
    }
    const child = spawn('git', ['-C', git.dir, '-c', 'core.quotePath=false', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(git.signal !== undefined ? { signal: git.signal, killSignal: 'SIGKILL' as const } : {}),
      // Optional locks off: reading must not even refresh the index of the user's clone.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(isAbort(e) ? new AbortError(`git ${args[0] ?? ''} stopped: cancelled`, { cause: e }) : new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code) =>
      git.signal?.aborted ? reject(new AbortError(`git ${args[0] ?? ''} stopped: cancelled`)) : resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
