// A GitHub repository read through the REST API as a RepoSource: what the app (and `preadmit check-pr`)
// simulates a pull request against. Nothing is cloned; every read is an API request:
//
// - changed files: the PR files list (`pulls/{n}/files`, 100 a page, GitHub lists at most 3,000), or,
//   when the PR has moved on to another head or no PR is given, a diff of the two recursive trees;
// - file lists: the recursive tree of the commit; a truncated tree (over 100,000 entries or 7 MB)
//   switches that ref to the tarball;
// - file contents: blobs by sha (immutable, so cached in a shared LRU keyed by repository and sha);
//   a burst of many uncached reads at one ref, or materializing a whole tree, fetches the tarball once.
//
// Pull requests from forks: GitHub serves every commit of a repository network from each repository of
// the network, so the fork's head sha is read from the base repository (`owner`/`repo` here are always
// the base repository's). The fork itself is never asked for anything, and the installation token of
// the base repository is all that is needed.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import type { InputError } from '../gatekeeper/types.ts';
import { isManifestFile } from '../gatekeeper/read.ts';
import { changesThroughLinks, linkView, SYMLINK_MODE, type LinkView } from '../source/links.ts';
import type { ChangedFile, RepoSource } from '../source/types.ts';
import type { GitHubRequester } from './client.ts';
import { GitHubApiError, requestName, statusOf } from './errors.ts';
import { abortable, AbortError, isAbort, throwIfAborted } from '../util/abort.ts';
import { memoPromise } from '../util/memo.ts';
import { readTar } from '../util/tar.ts';
import { BlobAnswer, CommitAnswer, parseAnswer, PullFilesAnswer, PullRequestHeadAnswer, TreeAnswer, type PullFileAnswer, type TreeEntryAnswer } from './schemas.ts';
import type { z } from 'zod/v4';

export interface GitHubSourceOptions {
  /** The base repository of the pull request (forks included: their commits are read from here). */
  owner: string;
  repo: string;
  pullNumber?: number;
  /** The most changed files a pull request may have (GitHub's files list stops at 3,000). */
  maxFiles?: number;
  /** Blob and tree cache; by default one shared by every GitHubSource of the process. */
  cache?: GitHubCache;
  /** Requests in flight at once for this source (GitHub's secondary limit is 100 per token). */
  concurrency?: number;
  /** More uncached reads than this at one ref in one burst fetch the tarball instead of blobs. */
  tarballThreshold?: number;
  /** Largest tarball accepted, uncompressed. */
  maxTarballBytes?: number;
  /** The check's cancellation: requests in flight are aborted, none is started after it, reads reject with `AbortError`. */
  signal?: AbortSignal;
}

const GITHUB_MAX_PR_FILES = 3000;
const FILES_PER_PAGE = 100;
const REGULAR_FILE_MODES = new Set(['100644', '100755']);
const SHA = /^[0-9a-f]{40}$/;

interface TreeEntry {
  mode: string;
  /** Blob sha (computed from the bytes for entries read from a tarball). */
  sha: string;
}

interface Snapshot {
  commit: string;
  entries: Map<string, TreeEntry>;
  /** The tree was truncated: contents come from the tarball. */
  fromTarball: boolean;
  /**
   * Tree sha of every directory ('' is the root), when the listing gave all of them: what lets the tree of a
   * later commit be read as a difference from this one.
   */
  dirs?: Map<string, string>;
}

/** The immediate children of every directory of a snapshot (computed once per snapshot, when needed). */
type ChildIndex = Map<string, Map<string, { type: 'blob' | 'tree'; sha: string }>>;

/** The incremental listing would cost more requests than one recursive tree is worth. */
class IncrementalTooCostly extends Error {}

/** Directory listings an incremental tree read may make before one recursive tree is cheaper. */
const INCREMENTAL_TREE_BUDGET = 24;

/** Least-recently-used map bounded by a total weight (bytes for blobs, 1 per tree). */
export class LruCache<V> {
  readonly #map = new Map<string, { value: V; weight: number }>();
  #total = 0;
  hits = 0;
  misses = 0;
  constructor(
    readonly maxWeight: number,
    readonly weigh: (v: V) => number,
  ) {}

  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (e === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }

  has(key: string): boolean {
    return this.#map.has(key);
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    const old = this.#map.get(key);
    if (old !== undefined) {
      this.#total -= old.weight;
      this.#map.delete(key);
    }
    this.#map.set(key, { value, weight });
    this.#total += weight;
    for (const [k, e] of this.#map) {
      if (this.#total <= this.maxWeight) break;
      this.#map.delete(k);
      this.#total -= e.weight;
    }
  }

  get size(): number {
    return this.#map.size;
  }
}

/** Blobs and trees by sha: immutable, so safe to share between pull requests of one repository. */
export class GitHubCache {
  readonly blobs: LruCache<Buffer>;
  readonly trees: LruCache<Snapshot>;
  /** Per repository, the snapshot with directory shas used last: the starting point of incremental reads. */
  readonly lastTree = new Map<string, Snapshot>();
  readonly #children = new WeakMap<Snapshot, ChildIndex>();
  constructor(options: { maxBlobBytes?: number; maxTrees?: number } = {}) {
    this.blobs = new LruCache<Buffer>(options.maxBlobBytes ?? 256 * 1024 * 1024, (b) => b.length + 64);
    this.trees = new LruCache<Snapshot>(options.maxTrees ?? 64, () => 1);
  }

  childrenOf(snap: Snapshot & { dirs: Map<string, string> }): ChildIndex {
    let index = this.#children.get(snap);
    if (index === undefined) {
      index = new Map();
      const add = (p: string, child: { type: 'blob' | 'tree'; sha: string }) => {
        const slash = p.lastIndexOf('/');
        const dir = slash < 0 ? '' : p.slice(0, slash);
        let m = index!.get(dir);
        if (m === undefined) index!.set(dir, (m = new Map()));
        m.set(slash < 0 ? p : p.slice(slash + 1), child);
      };
      for (const [p, e] of snap.entries) add(p, { type: 'blob', sha: e.sha });
      for (const [p, sha] of snap.dirs) if (p !== '') add(p, { type: 'tree', sha });
      this.#children.set(snap, index);
    }
    return index;
  }
}

const sharedCache = new GitHubCache();

export class GitHubSource implements RepoSource {
  readonly #octokit: GitHubRequester;
  readonly #owner: string;
  readonly #repo: string;
  readonly #pullNumber: number | undefined;
  readonly #maxFiles: number;
  readonly #cache: GitHubCache;
  readonly #concurrency: number;
  readonly #tarballThreshold: number;
  readonly #maxTarballBytes: number;
  readonly #signal: AbortSignal | undefined;
  readonly #resolved = new Map<string, Promise<string>>();
  readonly #snapshots = new Map<string, Promise<Snapshot>>();
  readonly #views = new Map<string, Promise<LinkView>>();
  readonly #blobsInFlight = new Map<string, Promise<Buffer | undefined>>();
  readonly #tarballs = new Map<string, Promise<Map<string, { mode: string; bytes: Buffer }>>>();
  #pending = new Map<string, { snapshot: Snapshot; waiters: { file: string; resolve: (b: Buffer | undefined) => void; reject: (e: unknown) => void }[] }>();
  #flushScheduled = false;
  #active = 0;
  readonly #queue: (() => void)[] = [];
  /** Requests made, by kind: what tests and benchmarks look at. */
  readonly stats = { requests: 0, blobs: 0, trees: 0, tarballs: 0, filePages: 0 };

  constructor(octokit: GitHubRequester, options: GitHubSourceOptions) {
    this.#octokit = octokit;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.#pullNumber = options.pullNumber;
    this.#maxFiles = options.maxFiles ?? GITHUB_MAX_PR_FILES;
    this.#cache = options.cache ?? sharedCache;
    this.#concurrency = Math.max(1, options.concurrency ?? 8);
    this.#tarballThreshold = options.tarballThreshold ?? 64;
    this.#maxTarballBytes = options.maxTarballBytes ?? 1024 * 1024 * 1024;
    this.#signal = options.signal;
  }

  get #key(): string {
    return `${this.#owner}/${this.#repo}`.toLowerCase();
  }

  resolve(ref: string): Promise<string> {
    if (SHA.test(ref)) return Promise.resolve(ref);
    return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
  }

  async #resolveUncached(ref: string): Promise<string> {
    if (ref === '' || /[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes('..')) {
      throw new GitHubApiError(`invalid ref ${JSON.stringify(ref)}`, 'resolve');
    }
    const res = await this.#getAs(CommitAnswer, 'GET /repos/{owner}/{repo}/commits/{ref}', { ref }, { notFound: 'undefined' });
    const sha = res?.sha;
    if (sha === undefined) {
      throw new GitHubApiError(`${this.#owner}/${this.#repo}: '${ref}' does not name a commit`, `GET /repos/${this.#owner}/${this.#repo}/commits/${ref}`, 404);
    }
    return sha;
  }

  async listFiles(ref: string): Promise<string[]> {
    const snap = await this.#snapshot(ref);
    return [...(await this.#view(snap)).files.keys()].sort();
  }

  async linkErrors(ref: string): Promise<InputError[]> {
    return (await this.#view(await this.#snapshot(ref))).errors;
  }

  /** What GitOps tools see in the snapshot: regular files and what in-repository links show (links.ts). */
  #view(snap: Snapshot): Promise<LinkView> {
    return memoPromise(this.#views, snap.commit, async () => {
        const regular = [...snap.entries].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)).map(([p]) => p);
        const linkPaths = [...snap.entries].filter(([, e]) => e.mode === SYMLINK_MODE).map(([p]) => p);
        // A link's blob is its target path.
        const targets = await Promise.all(
          linkPaths.map(async (p) => (snap.fromTarball ? (await this.#tarball(snap.commit)).get(p)?.bytes : await this.#blob(snap.entries.get(p)!.sha, p))),
        );
        return linkView(regular, new Map(linkPaths.map((p, i) => [p, targets[i]?.toString('utf8') ?? ''])), isManifestFile);
    });
  }

  /** The regular file `file` shows in the snapshot: itself, or what the links on its way end at. */
  async #real(snap: Snapshot, file: string): Promise<string | undefined> {
    return (await this.#view(snap)).files.get(file);
  }

  async readFile(ref: string, visible: string): Promise<Buffer | undefined> {
    const snap = await this.#snapshot(ref);
    const file = await this.#real(snap, visible);
    if (file === undefined) return undefined;
    const entry = snap.entries.get(file);
    if (entry === undefined || !REGULAR_FILE_MODES.has(entry.mode)) return undefined;
    const cached = this.#cache.blobs.get(this.#blobKey(entry.sha));
    if (cached !== undefined) return cached;
    // Reads asked for in the same tick are looked at together: many of them fetch the tarball once.
    return new Promise((resolve, reject) => {
      let batch = this.#pending.get(snap.commit);
      if (batch === undefined) {
        batch = { snapshot: snap, waiters: [] };
        this.#pending.set(snap.commit, batch);
      }
      batch.waiters.push({ file, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batches = this.#pending;
    this.#pending = new Map();
    for (const { snapshot, waiters } of batches.values()) {
      const uncached = new Set<string>();
      for (const w of waiters) {
        const sha = snapshot.entries.get(w.file)?.sha;
        if (sha !== undefined && !this.#cache.blobs.has(this.#blobKey(sha))) uncached.add(sha);
      }
      // A tree listed from a tarball can only be read from it; otherwise a failed tarball falls back to blobs.
      const warm = snapshot.fromTarball
        ? this.#tarball(snapshot.commit).then(() => undefined)
        : uncached.size > this.#tarballThreshold
          ? this.#tarball(snapshot.commit).then(
              () => undefined,
              () => undefined,
            )
          : Promise.resolve();
      warm.then(
        () => {
          for (const w of waiters) this.#readEntry(snapshot, w.file).then(w.resolve, w.reject);
        },
        (e: unknown) => {
          for (const w of waiters) w.reject(e);
        },
      );
    }
  }

  async #readEntry(snapshot: Snapshot, file: string): Promise<Buffer | undefined> {
    const entry = snapshot.entries.get(file);
    if (entry === undefined || !REGULAR_FILE_MODES.has(entry.mode)) return undefined;
    if (snapshot.fromTarball) return (await this.#tarball(snapshot.commit)).get(file)?.bytes;
    return this.#blob(entry.sha, file);
  }

  #blobKey(sha: string): string {
    return `${this.#key}@${sha}`;
  }

  #blob(sha: string, file: string): Promise<Buffer | undefined> {
    const key = this.#blobKey(sha);
    const cached = this.#cache.blobs.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let p = this.#blobsInFlight.get(key);
    if (p === undefined) {
      p = this.#fetchBlob(sha, file);
      this.#blobsInFlight.set(key, p);
      void p.finally(() => this.#blobsInFlight.delete(key)).catch(() => undefined);
    }
    return p;
  }

  async #fetchBlob(sha: string, file: string): Promise<Buffer | undefined> {
    this.stats.blobs++;
    const data = await this.#getAs(BlobAnswer, 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: sha }, { notFound: 'undefined', about: file });
    if (data === undefined) return undefined;
    const bytes = data.encoding === 'utf-8' ? Buffer.from(data.content, 'utf8') : Buffer.from(data.content, 'base64');
    this.#cache.blobs.set(this.#blobKey(sha), bytes);
    return bytes;
  }

  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const [baseSha, headSha] = await Promise.all([this.resolve(base), this.resolve(head)]);
    if (this.#pullNumber !== undefined) {
      const pr = await this.#getAs(PullRequestHeadAnswer, 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: this.#pullNumber });
      // The files list always describes the PR's current head: for an older head, diff the trees.
      if (pr.head.sha === headSha) {
        const count = pr.changed_files;
        if (count !== undefined && count > this.#maxFiles) throw this.#tooManyFiles(count);
        return this.#pullFiles(count);
      }
    }
    return this.#diffTrees(baseSha, headSha);
  }

  #tooManyFiles(count: number | string): GitHubApiError {
    return new GitHubApiError(
      `${this.#owner}/${this.#repo}#${this.#pullNumber}: the pull request changes ${count} files; GitHub lists at most ${this.#maxFiles} ` +
        'changed files of a pull request, so preadmit cannot check it. Split the change into smaller pull requests.',
      `GET /repos/${this.#owner}/${this.#repo}/pulls/${this.#pullNumber}/files`,
    );
  }

  async #pullFiles(expected: number | undefined): Promise<ChangedFile[]> {
    const out: ChangedFile[] = [];
    const lastPage = Math.ceil(this.#maxFiles / FILES_PER_PAGE) + 1;
    for (let page = 1; page <= lastPage; page++) {
      this.stats.filePages++;
      const data = await this.#getAs(PullFilesAnswer, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { pull_number: this.#pullNumber, per_page: FILES_PER_PAGE, page });
      for (const f of data) {
        const change = changeOf(f);
        if (change !== undefined) out.push(change);
      }
      if (out.length > this.#maxFiles) throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
      if (data.length < FILES_PER_PAGE || (expected !== undefined && page * FILES_PER_PAGE >= expected)) return out;
    }
    throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
  }

  async #diffTrees(baseSha: string, headSha: string): Promise<ChangedFile[]> {
    const [base, head] = await Promise.all([this.#snapshot(baseSha), this.#snapshot(headSha)]);
    return diffSnapshots(base, head);
  }

  /** `changes` plus what they change through links (links.ts); no request when neither tree has a link. */
  async changesThroughLinks(baseRef: string, headRef: string, changes: ChangedFile[]): Promise<ChangedFile[]> {
    const [base, head] = await Promise.all([this.#snapshot(baseRef), this.#snapshot(headRef)]);
    const hasLinks = (s: Snapshot) => [...s.entries.values()].some((e) => e.mode === SYMLINK_MODE);
    if (!hasLinks(base) && !hasLinks(head)) return changes;
    const [bv, hv] = await Promise.all([this.#view(base), this.#view(head)]);
    return changesThroughLinks(changes, { view: bv, blobOf: (p) => base.entries.get(p)?.sha }, { view: hv, blobOf: (p) => head.entries.get(p)?.sha });
  }

  async materialize(ref: string, paths: string[] | 'all', dir: string): Promise<void> {
    const snap = await this.#snapshot(ref);
    const view = await this.#view(snap);
    const names = paths === 'all' ? [...view.files.keys()] : [...new Set(paths)];
    // A path shown through a link is written as a regular file with the bytes it shows, never as a link.
    const wanted = names.filter((p) => view.files.has(p));
    if (wanted.length === 0) return;
    const realOf = (p: string): string => view.files.get(p)!;
    const root = path.resolve(dir);
    for (const p of wanted) checkInside(root, p);
    const uncached = wanted.filter((p) => !this.#cache.blobs.has(this.#blobKey(snap.entries.get(realOf(p))?.sha ?? '')));
    let read: (p: string) => Promise<Buffer | undefined>;
    const viaTarball = snap.fromTarball || paths === 'all' || uncached.length > this.#tarballThreshold;
    const files = viaTarball ? await this.#tarball(snap.commit).catch((e: unknown) => (snap.fromTarball ? Promise.reject(e) : undefined)) : undefined;
    if (files !== undefined) {
      read = async (p) => files.get(realOf(p))?.bytes ?? (snap.fromTarball ? undefined : this.#readEntry(snap, realOf(p)));
    } else {
      read = (p) => this.#readEntry(snap, realOf(p));
    }
    const contents = await Promise.all(wanted.map(read));
    const made = new Set<string>();
    for (const [i, p] of wanted.entries()) {
      const target = checkInside(root, p);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      const mode = snap.entries.get(realOf(p))?.mode === '100755' ? 0o755 : 0o644;
      await writeFile(target, contents[i] ?? Buffer.alloc(0), { mode });
    }
  }

  #snapshot(ref: string): Promise<Snapshot> {
    return memoPromise(this.#snapshots, ref, () => this.resolve(ref).then((sha) => this.#snapshotOf(sha)));
  }

  async #snapshotOf(commit: string): Promise<Snapshot> {
    const key = `${this.#key}@${commit}`;
    const cached = this.#cache.trees.get(key);
    if (cached !== undefined) {
      if (cached.dirs !== undefined) this.#cache.lastTree.set(this.#key, cached);
      return cached;
    }
    const reference = this.#cache.lastTree.get(this.#key);
    if (reference?.dirs !== undefined && reference.commit !== commit) {
      try {
        const snap = await this.#incrementalSnapshot(commit, reference as Snapshot & { dirs: Map<string, string> });
        this.#cache.trees.set(key, snap);
        this.#cache.lastTree.set(this.#key, snap);
        return snap;
      } catch {
        // Too many directories differ, or a listing failed or was truncated: one recursive tree decides.
      }
    }
    this.stats.trees++;
    const data = await this.#getAs(TreeAnswer, 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { tree_sha: commit, recursive: '1' });
    let snap: Snapshot;
    if (data.truncated === true) {
      // Over GitHub's tree limits: the tarball has every file.
      const files = await this.#tarball(commit);
      snap = { commit, fromTarball: true, entries: new Map([...files].map(([p, f]) => [p, { mode: f.mode, sha: gitBlobSha(f.bytes) }])) };
    } else {
      const entries = new Map<string, TreeEntry>();
      const dirs = new Map<string, string>();
      dirs.set('', data.sha);
      for (const e of data.tree) {
        if (!safeRepoPath(e.path)) continue;
        if (e.type === 'tree' && SHA.test(e.sha)) dirs.set(e.path, e.sha);
        if (e.type !== 'blob') continue;
        entries.set(e.path, { mode: e.mode, sha: e.sha });
      }
      snap = { commit, fromTarball: false, entries, ...(everyDirectoryKnown(entries, dirs) ? { dirs } : {}) };
      if (snap.dirs !== undefined) this.#cache.lastTree.set(this.#key, snap);
    }
    this.#cache.trees.set(key, snap);
    return snap;
  }

  /**
   * The tree of `commit` read as a difference from `reference` (usually the base of the same pull request):
   * the root is listed without recursion, and only directories whose tree sha differs from the reference's are
   * listed in turn, level by level. A one-file change costs one small listing per directory level instead of
   * the whole recursive tree, which for a large monorepo is megabytes (or, past GitHub's limits, a tarball).
   */
  async #incrementalSnapshot(commit: string, reference: Snapshot & { dirs: Map<string, string> }): Promise<Snapshot> {
    const before = this.#cache.childrenOf(reference);
    const entries = new Map(reference.entries);
    const dirs = new Map(reference.dirs);
    let listings = 0;
    const list = async (sha: string, recursive: boolean): Promise<TreeAnswer> => {
      listings++;
      this.stats.trees++;
      const data = await this.#getAs(TreeAnswer, 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { tree_sha: sha, ...(recursive ? { recursive: '1' } : {}) });
      if (data.truncated === true) throw new IncrementalTooCostly('a truncated listing');
      return data;
    };
    const removeUnder = (dir: string) => {
      for (const p of entries.keys()) if (p.startsWith(`${dir}/`)) entries.delete(p);
      for (const p of dirs.keys()) if (p === dir || p.startsWith(`${dir}/`)) dirs.delete(p);
    };

    const root = await list(commit, false);
    if (root.sha === reference.dirs.get('')) return { commit, fromTarball: false, entries: reference.entries, dirs: reference.dirs };
    let level: { dir: string; tree: TreeEntryAnswer[] }[] = [{ dir: '', tree: root.tree }];
    dirs.set('', root.sha);
    while (level.length > 0) {
      const changed: { dir: string; sha: string }[] = [];
      const added: { dir: string; sha: string }[] = [];
      for (const { dir, tree } of level) {
        const old = before.get(dir) ?? new Map<string, { type: 'blob' | 'tree'; sha: string }>();
        const seen = new Set<string>();
        for (const e of tree) {
          if (e.path.includes('/')) continue;
          const full = dir === '' ? e.path : `${dir}/${e.path}`;
          if (!safeRepoPath(full)) continue;
          seen.add(e.path);
          const was = old.get(e.path);
          if (e.type === 'tree' && was?.type === 'tree') {
            // The same sha: everything below is as in the reference. Another sha: compared a level down.
            if (!SHA.test(e.sha)) throw new IncrementalTooCostly('a directory without a sha');
            if (was.sha !== e.sha) {
              dirs.set(full, e.sha);
              changed.push({ dir: full, sha: e.sha });
            }
            continue;
          }
          if (was?.type === 'tree') removeUnder(full);
          else if (was?.type === 'blob') entries.delete(full);
          if (e.type === 'blob') entries.set(full, { mode: e.mode, sha: e.sha });
          else if (e.type === 'tree' && SHA.test(e.sha)) {
            dirs.set(full, e.sha);
            added.push({ dir: full, sha: e.sha });
          }
        }
        for (const [name, was] of old) {
          if (seen.has(name)) continue;
          const full = dir === '' ? name : `${dir}/${name}`;
          if (was.type === 'tree') removeUnder(full);
          else entries.delete(full);
        }
      }
      if (listings + changed.length + added.length > INCREMENTAL_TREE_BUDGET) throw new IncrementalTooCostly('too many directories differ');
      // A directory the reference lacks is listed recursively at once; a changed one is compared a level down.
      const addedLists = await Promise.all(added.map(async (a) => ({ ...a, listing: await list(a.sha, true) })));
      for (const { dir, listing } of addedLists) {
        for (const e of listing.tree) {
          const full = `${dir}/${e.path}`;
          if (!safeRepoPath(full)) continue;
          if (e.type === 'tree' && SHA.test(e.sha)) dirs.set(full, e.sha);
          else if (e.type === 'blob') entries.set(full, { mode: e.mode, sha: e.sha });
        }
      }
      level = await Promise.all(changed.map(async (c) => ({ dir: c.dir, tree: (await list(c.sha, false)).tree })));
    }
    if (!everyDirectoryKnown(entries, dirs)) throw new IncrementalTooCostly('incomplete directory shas');
    return { commit, fromTarball: false, entries, dirs };
  }

  /** The whole tree at `commit` from the tarball; every blob also lands in the cache under its git sha. */
  #tarball(commit: string): Promise<Map<string, { mode: string; bytes: Buffer }>> {
    return memoPromise(this.#tarballs, commit, () => this.#fetchTarball(commit));
  }

  async #fetchTarball(commit: string): Promise<Map<string, { mode: string; bytes: Buffer }>> {
    this.stats.tarballs++;
    const request = `GET /repos/${this.#owner}/${this.#repo}/tarball/${commit}`;
    const data = await this.#get('GET /repos/{owner}/{repo}/tarball/{ref}', { ref: commit }, { binary: true });
    const gz = data instanceof ArrayBuffer ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : undefined;
    if (gz === undefined) throw new GitHubApiError(`${request}: the response is not an archive`, request);
    let tar: Buffer;
    try {
      tar = await new Promise<Buffer>((resolve, reject) => gunzip(gz, { maxOutputLength: this.#maxTarballBytes }, (e, out) => (e ? reject(e) : resolve(out))));
    } catch (e) {
      throw new GitHubApiError(`${request}: cannot decompress the archive: ${(e as Error).message}`, request);
    }
    const files = new Map<string, { mode: string; bytes: Buffer }>();
    try {
      for (const entry of readTar(tar, { maxBytes: this.#maxTarballBytes })) {
        // Regular files and symbolic links (a link's blob is its target); directories, hard links, devices are not git's.
        if (entry.type !== 'file' && entry.type !== 'symlink') continue;
        // GitHub's archives put everything under one `owner-repo-sha/` directory; a name that is not safe is skipped.
        const slash = entry.path?.indexOf('/') ?? -1;
        const p = slash < 0 ? '' : entry.path!.slice(slash + 1);
        if (p === '' || !safeRepoPath(p)) continue;
        const bytes = entry.type === 'symlink' ? Buffer.from(entry.linkTarget ?? '', 'utf8') : entry.bytes;
        files.set(p, { mode: entry.type === 'symlink' ? SYMLINK_MODE : (entry.mode & 0o111) !== 0 ? '100755' : '100644', bytes });
      }
    } catch (e) {
      throw new GitHubApiError(`${request}: ${(e as Error).message}`, request);
    }
    for (const f of files.values()) this.#cache.blobs.set(this.#blobKey(gitBlobSha(f.bytes)), f.bytes);
    return files;
  }

  /**
   * One API request, bounded in concurrency; errors name the request. JSON answers are asked for unparsed and
   * parsed here with `JSON.parse`: Octokit's own parser (BigInt-safe, written in JavaScript) takes about ten
   * times as long, which a recursive tree of a large repository makes noticeable on every check. None of the
   * numbers read here (sizes, counts) comes near 2^53.
   */
  /** `#get`, its answer validated by `schema` (schemas.ts). */
  async #getAs<S extends z.ZodType>(schema: S, route: string, params: Record<string, unknown>, options: { notFound: 'undefined'; about?: string }): Promise<z.output<S> | undefined>;
  async #getAs<S extends z.ZodType>(schema: S, route: string, params: Record<string, unknown>, options?: { about?: string }): Promise<z.output<S>>;
  async #getAs<S extends z.ZodType>(schema: S, route: string, params: Record<string, unknown>, options: { notFound?: 'undefined'; about?: string } = {}): Promise<z.output<S> | undefined> {
    const data = await this.#get(route, params, options);
    if (data === undefined && options.notFound === 'undefined') return undefined;
    const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
    return parseAnswer(schema, data, `${name}${options.about ? ` (${options.about})` : ''}`);
  }

  async #get(route: string, params: Record<string, unknown>, options: { notFound?: 'undefined'; about?: string; binary?: boolean } = {}): Promise<unknown> {
    const signal = this.#signal;
    const request = { ...(options.binary ? {} : { parseSuccessResponseBody: false }), ...(signal !== undefined ? { signal } : {}) };
    const all = { owner: this.#owner, repo: this.#repo, ...params, ...(Object.keys(request).length > 0 ? { request } : {}) };
    const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
    throwIfAborted(signal);
    await this.#acquire();
    this.stats.requests++;
    try {
      throwIfAborted(signal);
      let res;
      try {
        // Raced with the signal too: a retry plugin may hold an aborted request back before it gives up.
        res = await abortable(this.#octokit.request(route, all), signal);
        if (!options.binary && res.status < 300) res = { ...res, data: await jsonBody(res.data, name) };
      } catch (e) {
        if (e instanceof GitHubApiError) throw e;
        if (isAbort(e) || signal?.aborted) throw new AbortError(`${name}: the check was cancelled`, { cause: e });
        const status = statusOf(e);
        if (status === 404 && options.notFound === 'undefined') return undefined;
        const detail = e instanceof Error ? e.message : String(e);
        throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ''} failed${status ? ` with HTTP ${status}` : ''}: ${detail}`, name, status);
      }
      if (res.status === 404 && options.notFound === 'undefined') return undefined;
      if (res.status >= 400) throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ''} failed with HTTP ${res.status}`, name, res.status);
      return res.data;
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.#concurrency) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }
}

/**
 * The body of a JSON answer asked for unparsed: a stream (Octokit) is read and parsed; a requester that
 * ignores the option and parses anyway (a test double) gives the value itself.
 */
async function jsonBody(data: unknown, request: string): Promise<unknown> {
  let text: string;
  if (typeof data === 'string') text = data;
  else if (data instanceof ReadableStream) text = await new Response(data).text();
  else if (data instanceof ArrayBuffer || data instanceof Uint8Array) text = Buffer.from(data as Uint8Array).toString('utf8');
  else return data;
  try {
    return JSON.parse(text);
  } catch {
    throw new GitHubApiError(`${request}: the response is not JSON`, request);
  }
}

function changeOf(f: PullFileAnswer): ChangedFile | undefined {
  if (!safeRepoPath(f.filename)) return undefined;
  const prev = f.previous_filename !== undefined && safeRepoPath(f.previous_filename) ? f.previous_filename : undefined;
  switch (f.status) {
    case 'added':
    case 'copied': // a copy leaves its origin in place: for rendering it is an added file
      return { path: f.filename, status: 'added' };
    case 'removed':
      return { path: f.filename, status: 'deleted' };
    case 'renamed':
      return prev !== undefined ? { path: f.filename, status: 'renamed', previousPath: prev } : { path: f.filename, status: 'added' };
    case 'unchanged':
      return undefined;
    default: // modified, changed (mode only)
      return { path: f.filename, status: 'modified' };
  }
}

/** Changes between two snapshots' regular files (exact renames only: same blob). */
function diffSnapshots(base: Snapshot, head: Snapshot): ChangedFile[] {
  const regular = (s: Snapshot) => new Map([...s.entries].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)));
  const [b, h] = [regular(base), regular(head)];
  const out: ChangedFile[] = [];
  const added: string[] = [];
  const deleted = new Map<string, string>();
  for (const [p, e] of h) {
    const old = b.get(p);
    if (old === undefined) added.push(p);
    else if (old.sha !== e.sha || old.mode !== e.mode) out.push({ path: p, status: 'modified' });
  }
  const deletedPaths: string[] = [];
  for (const [p, e] of b) {
    if (h.has(p)) continue;
    if (deleted.has(e.sha)) deletedPaths.push(p);
    else deleted.set(e.sha, p);
  }
  // Exact renames only (same blob); git's similarity-based detection needs the contents.
  for (const p of added) {
    const sha = h.get(p)?.sha ?? '';
    const from = deleted.get(sha);
    if (from !== undefined) {
      deleted.delete(sha);
      out.push({ path: p, status: 'renamed', previousPath: from });
    } else out.push({ path: p, status: 'added' });
  }
  for (const p of [...deleted.values(), ...deletedPaths]) out.push({ path: p, status: 'deleted' });
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** Whether `dirs` has the tree sha of the root and of every directory holding an entry. */
function everyDirectoryKnown(entries: Map<string, TreeEntry>, dirs: Map<string, string>): boolean {
  if (!dirs.has('')) return false;
  for (const p of entries.keys()) {
    for (let slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) if (!dirs.has(p.slice(0, slash))) return false;
  }
  return true;
}

/** A repository-relative path that cannot leave the directory it is written under. */
function safeRepoPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || /[\x00]/.test(p)) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function checkInside(root: string, p: string): string {
  const target = path.resolve(root, ...p.split('/'));
  if (!safeRepoPath(p) || !target.startsWith(root + path.sep)) throw new GitHubApiError(`refusing to write ${p} outside ${root}`, 'materialize');
  return target;
}


/** The sha git gives a blob with these bytes. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
