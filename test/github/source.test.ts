// GitHubSource against nock-mocked GitHub REST endpoints. Repository contents come from a real git
// repository built in the test (real blob shas, real `git archive` tarballs), and every answer is
// checked against what LocalGitSource reads from the same repository.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GitHubCache, GitHubSource } from '../../src/github/source.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { git as gitIn, gitWith, writeFile } from '../support/git-repo.ts';
import { GitHubModel } from '../support/github/model.ts';
import { interceptWithNock } from '../support/github/nock.ts';

const API = 'https://api.github.com';
const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const OWNER = 'acme';
const REPO = 'gitops';

let dir: string;
let baseSha: string;
let headSha: string;

const git = (...args: string[]): string => gitIn(dir, ...args);
const write = (file: string, body: string): void => writeFile(dir, file, body);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-ghsrc-'));
  git('init', '-q', '-b', 'main');
  write('apps/web/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  write('apps/web/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
  write('apps/api/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n');
  write('apps/copy/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'); // same blob as apps/web
  write('scripts/run.sh', '#!/bin/sh\necho hi\n');
  write('old/name.yaml', 'kind: ConfigMap\n');
  write('gone.yaml', 'kind: Secret\n');
  for (let i = 0; i < 80; i++) write(`many/cm-${String(i).padStart(2, '0')}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`);
  execFileSync('chmod', ['+x', path.join(dir, 'scripts/run.sh')]);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  baseSha = git('rev-parse', 'HEAD').trim();
  write('apps/web/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {team: a}\n');
  mkdirSync(path.join(dir, 'new'));
  git('mv', 'old/name.yaml', 'new/name.yaml');
  git('rm', '-q', 'gone.yaml');
  write('apps/new/configmap.yaml', 'kind: ConfigMap\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  headSha = git('rev-parse', 'HEAD').trim();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const octokit = () => new Octokit({ baseUrl: API, auth: 'test-token' });

interface Counts {
  trees: number;
  blobs: string[];
  tarballs: number;
}

/**
 * The fake GitHub (test/support/github) in nock, serving the test repository at any of its commits; counts of
 * its answers so far: recursive trees, blobs (by sha) and tarball requests. `truncated`: recursive trees stop
 * after 3 entries (`truncated: true`, as GitHub's beyond its limit); `failTarball`: tarball requests fail (500).
 */
function serveGit(options: { truncated?: boolean; failTarball?: boolean } = {}): Counts & { github: GitHubModel } {
  const github = new GitHubModel({
    appId: 1,
    privateKeyPem: PRIVATE_KEY,
    acceptTokens: ['test-token'],
    repos: [{ owner: OWNER, name: REPO, gitDir: dir, defaultBranch: 'main', installationId: 1, pulls: [] }],
    ...(options.truncated ? { treeEntryLimit: 3 } : {}),
  });
  interceptWithNock(github, API);
  if (options.failTarball) github.failNext('GET', /\/tarball\//, Number.POSITIVE_INFINITY, 500, { message: 'Server Error' });
  const gets = (pattern: RegExp): string[] => github.requests.filter((r) => r.method === 'GET').flatMap((r) => pattern.exec(r.url)?.[1] ?? []);
  return {
    github,
    get trees() {
      return gets(/\/git\/trees\/([0-9a-f]{40})\?recursive=1$/).length;
    },
    get blobs() {
      return gets(/\/git\/blobs\/([0-9a-f]{40})$/);
    },
    get tarballs() {
      return gets(/\/tarball\/([0-9a-f]{40})$/).length;
    },
  };
}

function prFile(filename: string, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { sha: '0'.repeat(40), filename, status, additions: 1, deletions: 0, changes: 1, ...extra };
}

/** A scripted PR 7 and its files list (pages asked, in order); before `serveGit` when both serve (the first match answers). */
function servePull(pr: Record<string, unknown>, files: Record<string, unknown>[]): number[] {
  const pages: number[] = [];
  nock(API)
    .persist()
    .get(`/repos/${OWNER}/${REPO}/pulls/7`)
    .reply(200, { number: 7, ...pr })
    .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
    .query(true)
    .reply((uri) => {
      const q = new URL(uri, API).searchParams;
      const page = Number(q.get('page') ?? '1');
      const per = Number(q.get('per_page') ?? '30');
      pages.push(page);
      return [200, files.slice((page - 1) * per, page * per)];
    });
  return pages;
}

describe('GitHubSource: reading trees and blobs', () => {
  it('lists and reads exactly what git has, fetching each blob once', async () => {
    const counts = serveGit();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    const local = new LocalGitSource(dir);
    expect(await src.listFiles(headSha)).toEqual(await local.listFiles(headSha));
    const web = await src.readFile(headSha, 'apps/web/deployment.yaml');
    expect(web?.toString()).toBe((await local.readFile(headSha, 'apps/web/deployment.yaml'))?.toString());
    await src.readFile(headSha, 'apps/web/deployment.yaml');
    expect(counts.trees).toBe(1);
    expect(counts.blobs).toHaveLength(1);
  });

  it('serves repeated and identical blobs from the cache, also to a second source sharing it', async () => {
    const counts = serveGit();
    const cache = new GitHubCache();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    const a = await src.readFile(baseSha, 'apps/web/deployment.yaml');
    const b = await src.readFile(baseSha, 'apps/copy/deployment.yaml'); // same blob sha
    expect(b?.equals(a ?? Buffer.alloc(0))).toBe(true);
    expect(counts.blobs).toHaveLength(1);
    const other = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    await other.readFile(baseSha, 'apps/web/service.yaml');
    await other.readFile(baseSha, 'apps/web/deployment.yaml');
    expect(counts.trees).toBe(1); // trees by commit sha are shared too
    expect(counts.blobs).toHaveLength(2);
    expect(new Set(counts.blobs).size).toBe(2);
    expect(cache.blobs.hits).toBeGreaterThanOrEqual(2);
  });

  it('returns undefined for a path the tree lacks (no request) and for a blob GitHub answers 404', async () => {
    const counts = serveGit();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    expect(await src.readFile(headSha, 'gone.yaml')).toBeUndefined();
    expect(await src.readFile(headSha, 'apps')).toBeUndefined(); // a directory is not a file
    expect(counts.blobs).toHaveLength(0);

    const sha = git('rev-parse', `${headSha}:apps/api/deployment.yaml`).trim();
    counts.github.failNext('GET', new RegExp(`/git/blobs/${sha}$`), 1, 404, { message: 'Not Found' });
    const fresh = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    expect(await fresh.readFile(headSha, 'apps/api/deployment.yaml')).toBeUndefined();
  });

  it('surfaces a 5xx as an error naming the request', async () => {
    const { github } = serveGit();
    const sha = git('rev-parse', `${headSha}:apps/api/deployment.yaml`).trim();
    github.failNext('GET', new RegExp(`/git/blobs/${sha}$`), 1, 502, { message: 'Server Error' });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    const read = src.readFile(headSha, 'apps/api/deployment.yaml');
    await expect(read).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/git/blobs/${sha} (apps/api/deployment.yaml) failed with HTTP 502`);
    await expect(read).rejects.toMatchObject({ name: 'GitHubApiError', status: 502 });

    // A source with a cache of its own lists the base whole (one sharing a cache reads it as a difference).
    github.failNext('GET', new RegExp(`/git/trees/${baseSha}\\?recursive=1$`), 1, 503, { message: 'unavailable' });
    await expect(new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() }).listFiles(baseSha)).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/git/trees/${baseSha}?recursive=1 failed with HTTP 503`);
  });

  it('refuses answers that do not have the documented shape, naming the request and the field', async () => {
    const { github } = serveGit();
    const sha = git('rev-parse', `${headSha}:apps/api/deployment.yaml`).trim();
    github.failNext('GET', new RegExp(`/git/blobs/${sha}$`), 1, 200, { sha, encoding: 'base64' });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    const read = src.readFile(headSha, 'apps/api/deployment.yaml');
    await expect(read).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/git/blobs/${sha} (apps/api/deployment.yaml): GitHub's answer is not what its API documents: content:`);
    await expect(read).rejects.toMatchObject({ name: 'GitHubApiError' });
    // The cached failure is not kept: a later read asks again and gets a proper answer.
    github.failNext('GET', new RegExp(`/git/blobs/${sha}$`), 1, 200, { sha, encoding: 'base64', content: Buffer.from('kind: X\n').toString('base64') });
    expect((await src.readFile(headSha, 'apps/api/deployment.yaml'))?.toString('utf8')).toBe('kind: X\n');

    github.failNext('GET', new RegExp(`/git/trees/${baseSha}\\?recursive=1$`), 1, 200, { sha: baseSha, tree: [{ path: 'a.yaml', mode: '100644', type: 'blob' }] });
    await expect(new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() }).listFiles(baseSha)).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/git/trees/${baseSha}?recursive=1: GitHub's answer is not what its API documents: tree.0.sha:`);
    github.failNext('GET', /\/commits\/main$/, 1, 200, { sha: 'not-a-sha' });
    await expect(src.resolve('main')).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/commits/main: GitHub's answer is not what its API documents: sha: expected a 40-hex sha`);
  });

  it('switches to the tarball when the tree is truncated', async () => {
    const counts = serveGit({ truncated: true });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    const local = new LocalGitSource(dir);
    const files = await src.listFiles(headSha);
    expect(files).toEqual(await local.listFiles(headSha));
    expect(files.length).toBeGreaterThan(3);
    for (const f of ['apps/web/deployment.yaml', 'new/name.yaml', 'scripts/run.sh']) {
      expect((await src.readFile(headSha, f))?.toString()).toBe((await local.readFile(headSha, f))?.toString());
    }
    const out = mkdtempSync(path.join(os.tmpdir(), 'preadmit-ghsrc-mat-'));
    try {
      await src.materialize(headSha, ['scripts/run.sh', 'apps/api/deployment.yaml'], out);
      expect(readFileSync(path.join(out, 'apps/api/deployment.yaml'), 'utf8')).toContain('name: api');
      expect(statSync(path.join(out, 'scripts/run.sh')).mode & 0o111).not.toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(counts.tarballs).toBe(1);
    expect(counts.blobs).toHaveLength(0);
  });

  it('reads a burst of many files at one ref through one tarball, and materializes a whole tree from it', async () => {
    const counts = serveGit();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache(), tarballThreshold: 20 });
    const files = (await src.listFiles(baseSha)).filter((f) => f.startsWith('many/'));
    const texts = await Promise.all(files.map((f) => src.readFile(baseSha, f)));
    expect(texts.map((t) => t?.toString())).toEqual(files.map((f) => execFileSync('git', ['-C', dir, 'show', `${baseSha}:${f}`], { encoding: 'utf8' })));
    expect(counts.tarballs).toBe(1);
    expect(counts.blobs).toHaveLength(0);
    // A few reads stay on blobs.
    await Promise.all(['apps/web/deployment.yaml', 'apps/new/configmap.yaml'].map((f) => src.readFile(headSha, f)));
    // apps/new/configmap.yaml has the bytes of base's old/name.yaml (cached from the tarball); only
    // the edited deployment is a new blob.
    expect(counts.blobs).toHaveLength(1);
    const out = mkdtempSync(path.join(os.tmpdir(), 'preadmit-ghsrc-all-'));
    try {
      await src.materialize(headSha, 'all', out);
      const listed = execFileSync('find', [out, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n').map((f) => path.relative(out, f)).sort();
      expect(listed).toEqual(await new LocalGitSource(dir).listFiles(headSha));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(counts.tarballs).toBe(2);
  });
});

describe('GitHubSource: tarball failures', () => {
  it('falls back to blobs when the tarball for a burst of reads fails', async () => {
    const counts = serveGit({ failTarball: true });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache(), tarballThreshold: 20 });
    const files = (await src.listFiles(baseSha)).filter((f) => f.startsWith('many/'));
    const texts = await Promise.all(files.map((f) => src.readFile(baseSha, f)));
    expect(texts.every((t) => t !== undefined && t.toString().startsWith('apiVersion: v1'))).toBe(true);
    expect(counts.tarballs).toBe(1);
    expect(counts.blobs).toHaveLength(files.length);
  });

  it('fails with the request named when a truncated tree cannot be read from the tarball either', async () => {
    serveGit({ truncated: true, failTarball: true });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    await expect(src.listFiles(headSha)).rejects.toThrow(`GET /repos/${OWNER}/${REPO}/tarball/${headSha} failed with HTTP 500`);
  });
});

describe('GitHubSource: changed files', () => {
  it('pages through the PR files list (100 a page) and maps GitHub statuses', async () => {
    const files = [
      prFile('apps/web/deployment.yaml', 'modified'),
      prFile('new/name.yaml', 'renamed', { previous_filename: 'old/name.yaml' }),
      prFile('gone.yaml', 'removed'),
      prFile('apps/new/configmap.yaml', 'added'),
      prFile('apps/copy2.yaml', 'copied'),
      prFile('scripts/run.sh', 'changed'),
      ...Array.from({ length: 244 }, (_, i) => prFile(`bulk/f-${i}.yaml`, 'added')),
    ];
    const pages = servePull({ head: { sha: headSha, repo: { full_name: `${OWNER}/${REPO}` } }, base: { sha: baseSha }, changed_files: files.length }, files);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    const changed = await src.changedFiles(baseSha, headSha);
    expect(pages).toEqual([1, 2, 3]);
    expect(changed).toHaveLength(250);
    expect(changed.slice(0, 6)).toEqual([
      { path: 'apps/web/deployment.yaml', status: 'modified' },
      { path: 'new/name.yaml', status: 'renamed', previousPath: 'old/name.yaml' },
      { path: 'gone.yaml', status: 'deleted' },
      { path: 'apps/new/configmap.yaml', status: 'added' },
      { path: 'apps/copy2.yaml', status: 'added' },
      { path: 'scripts/run.sh', status: 'modified' },
    ]);
  });

  it('stops after a full last page when the PR count says it is the last, asks once more otherwise', async () => {
    const files = Array.from({ length: 200 }, (_, i) => prFile(`f-${i}.yaml`, 'added'));
    const pages = servePull({ head: { sha: headSha }, changed_files: 200 }, files);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    expect(await src.changedFiles(baseSha, headSha)).toHaveLength(200);
    expect(pages).toEqual([1, 2]);
    nock.cleanAll();
    const pages2 = servePull({ head: { sha: headSha } }, files);
    const src2 = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    expect(await src2.changedFiles(baseSha, headSha)).toHaveLength(200);
    expect(pages2).toEqual([1, 2, 3]);
  });

  it('refuses a PR with more than 3,000 changed files with a clear error', async () => {
    servePull({ head: { sha: headSha }, changed_files: 3001 }, []);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    await expect(src.changedFiles(baseSha, headSha)).rejects.toThrow(/changes 3001 files; GitHub lists at most 3000 changed files/);
  });

  it('refuses when the files list itself runs past the limit (no count in the PR)', async () => {
    const files = Array.from({ length: 3100 }, (_, i) => prFile(`f-${i}.yaml`, 'added'));
    const pages = servePull({ head: { sha: headSha } }, files);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    await expect(src.changedFiles(baseSha, headSha)).rejects.toThrow(/more than 3000 files/);
    expect(Math.max(...pages)).toBe(31);
  });

  it('diffs the trees when the PR has moved on to a newer head (the files list describes only the current one)', async () => {
    const pages = servePull({ head: { sha: 'f'.repeat(40) }, changed_files: 1 }, [prFile('other.yaml', 'added')]);
    serveGit();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    const changed = await src.changedFiles(baseSha, headSha);
    expect(pages).toEqual([]);
    expect(changed).toEqual(await new LocalGitSource(dir).changedFiles(baseSha, headSha));
  });

  it('reads a fork PR by sha from the base repository only', async () => {
    // The head commit lives in the fork; nothing is served for it, and net connect is off: any request
    // to the fork would fail the test.
    servePull(
      {
        head: { sha: headSha, ref: 'patch-1', repo: { full_name: 'mallory/gitops', fork: true, owner: { login: 'mallory' } } },
        base: { sha: baseSha, ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
        changed_files: 1,
      },
      [prFile('apps/web/deployment.yaml', 'modified')],
    );
    const counts = serveGit();
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, pullNumber: 7, cache: new GitHubCache() });
    expect(await src.changedFiles(baseSha, headSha)).toEqual([{ path: 'apps/web/deployment.yaml', status: 'modified' }]);
    expect((await src.readFile(headSha, 'apps/web/deployment.yaml'))?.toString()).toContain('team: a');
    expect(counts.trees).toBe(1);
  });

  it('resolves a branch name through the commits endpoint and rejects an unknown one', async () => {
    nock(API).get(`/repos/${OWNER}/${REPO}/commits/main`).reply(200, { sha: baseSha });
    nock(API).get(`/repos/${OWNER}/${REPO}/commits/nope`).reply(404, { message: 'No commit found for SHA: nope' });
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    expect(await src.resolve('main')).toBe(baseSha);
    expect(await src.resolve('main')).toBe(baseSha); // cached: the interceptor answers once
    await expect(src.resolve('nope')).rejects.toThrow(/'nope' does not name a commit/);
    await expect(src.resolve('a..b')).rejects.toThrow(/invalid ref/);
  });
});

/** A commit on top of `parent` with `files` written (null deletes), made without touching the work tree. */
function commitOnto(parent: string, files: Record<string, string | null>, mode = '100644'): string {
  const index = path.join(dir, '.git', `index-test-${process.pid}-${Date.now()}`);
  const run = (args: string[], input?: string) => gitWith(dir, args, { env: { GIT_INDEX_FILE: index }, ...(input !== undefined ? { input } : {}) }).trim();
  try {
    run(['read-tree', parent]);
    for (const [file, body] of Object.entries(files)) {
      if (body === null) run(['update-index', '--force-remove', file]);
      else run(['update-index', '--add', '--cacheinfo', `${mode},${run(['hash-object', '-w', '--stdin'], body)},${file}`]);
    }
    return run(['commit-tree', run(['write-tree']), '-p', parent, '-m', 'test commit']);
  } finally {
    rmSync(index, { force: true });
  }
}

/** Trees listed so far by kind of listing (recursive or one level, by the sha asked), and blobs read. */
function serveTrees(): { recursive: string[]; flat: string[]; blobs: string[] } {
  const { github } = serveGit();
  const trees = (recursive: boolean): string[] =>
    github.requests.flatMap((r) => {
      const sha = /\/git\/trees\/([0-9a-f]{40})/.exec(r.path)?.[1];
      return sha !== undefined && (r.query.recursive === '1') === recursive ? [sha] : [];
    });
  return {
    get recursive() {
      return trees(true);
    },
    get flat() {
      return trees(false);
    },
    get blobs() {
      return github.requests.flatMap((r) => /\/git\/blobs\/([0-9a-f]{40})$/.exec(r.path)?.[1] ?? []);
    },
  };
}

describe('GitHubSource: a tree read as the difference from the last one', () => {
  it('lists only the directories that differ, and lists exactly what git has (added, removed, renamed, nested)', async () => {
    const counts = serveTrees();
    const cache = new GitHubCache();
    const local = new LocalGitSource(dir);
    const first = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    expect(await first.listFiles(baseSha)).toEqual(await local.listFiles(baseSha));
    expect(counts.recursive).toEqual([baseSha]);
    // Another source sharing the cache (the next check): the head is read as a difference from the base.
    const second = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    expect(await second.listFiles(headSha)).toEqual(await local.listFiles(headSha));
    expect(counts.recursive.filter((s) => s === headSha)).toEqual([]);
    // Listed flat: the root, apps/ (changed) and apps/web/ (changed). Listed whole: new/ and apps/new/ (added).
    expect(counts.flat).toHaveLength(3);
    expect(counts.recursive).toHaveLength(3);
    for (const file of ['apps/web/deployment.yaml', 'new/name.yaml', 'apps/new/configmap.yaml', 'scripts/run.sh']) {
      expect((await second.readFile(headSha, file))?.toString(), file).toBe((await local.readFile(headSha, file))?.toString());
    }
    expect(await second.readFile(headSha, 'gone.yaml')).toBeUndefined();
    expect(await second.readFile(headSha, 'old/name.yaml')).toBeUndefined();
    // And back: the base read as a difference from the head gives the base again.
    const third = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    await third.listFiles(headSha);
    const fourth = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
    expect(await fourth.listFiles(baseSha)).toEqual(await local.listFiles(baseSha));
  });

  it('keeps modes and sees a file that became a directory (and the reverse)', async () => {
    serveTrees();
    const cache = new GitHubCache();
    const local = new LocalGitSource(dir);
    const swapped = commitOnto(headSha, { 'apps/web/service.yaml': null, 'apps/web/service.yaml/inner.yaml': 'kind: ConfigMap\n', 'many/cm-00.yaml': null, many: null });
    const flipped = commitOnto(swapped, { 'scripts/run.sh': '#!/bin/sh\necho changed\n' }, '100755');
    await new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache }).listFiles(headSha);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    expect(await src.listFiles(swapped)).toEqual(await local.listFiles(swapped));
    expect(await src.listFiles(flipped)).toEqual(await local.listFiles(flipped));
    const out = mkdtempSync(path.join(os.tmpdir(), 'preadmit-ghsrc-inc-'));
    try {
      await src.materialize(flipped, ['scripts/run.sh', 'apps/web/service.yaml/inner.yaml'], out);
      expect(statSync(path.join(out, 'scripts/run.sh')).mode & 0o111).not.toBe(0);
      expect(readFileSync(path.join(out, 'apps/web/service.yaml/inner.yaml'), 'utf8')).toBe('kind: ConfigMap\n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads one recursive tree instead when too many directories differ', async () => {
    const counts = serveTrees();
    const cache = new GitHubCache();
    const local = new LocalGitSource(dir);
    const wide = commitOnto(headSha, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`wide-${i}/cm.yaml`, `kind: ConfigMap # ${i}\n`])));
    await new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache }).listFiles(headSha);
    const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache });
    expect(await src.listFiles(wide)).toEqual(await local.listFiles(wide));
    expect(counts.flat).toHaveLength(1); // the root showed 30 new directories: not worth listing one by one
    expect(counts.recursive).toEqual([headSha, wide]);
  });
});

describe('GitHubSource: symbolic links', () => {
  it('shows, reads, materializes and diffs through links exactly as the git source does, from trees and from tarballs', async () => {
    const { symlinkSync, readdirSync, lstatSync } = await import('node:fs');
    write('linked/real/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: real\n');
    symlinkSync('real', path.join(dir, 'linked/dir'));
    symlinkSync('real/cm.yaml', path.join(dir, 'linked/file.yaml'));
    symlinkSync('../../outside.yaml', path.join(dir, 'linked/escape.yaml'));
    git('add', '-A');
    git('commit', '-q', '-m', 'links');
    const linked = git('rev-parse', 'HEAD').trim();
    write('linked/real/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: changed\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'change behind the links');
    const changed = git('rev-parse', 'HEAD').trim();
    const local = new LocalGitSource(dir);
    for (const truncated of [false, true]) {
      serveGit({ truncated });
      const src = new GitHubSource(octokit(), { owner: OWNER, repo: REPO, cache: new GitHubCache() });
      const files = await src.listFiles(linked);
      expect(files).toEqual(await local.listFiles(linked));
      expect(files.filter((f) => f.startsWith('linked/'))).toEqual(['linked/dir/cm.yaml', 'linked/file.yaml', 'linked/real/cm.yaml']);
      expect((await src.readFile(linked, 'linked/dir/cm.yaml'))?.toString()).toContain('name: real');
      expect(await src.readFile(linked, 'linked/escape.yaml')).toBeUndefined();
      expect((await src.linkErrors(linked)).map((e) => e.source?.file)).toEqual(['linked/escape.yaml']);
      const changes = await src.changesThroughLinks(linked, changed, await src.changedFiles(linked, changed));
      expect(changes.map((c) => `${c.status} ${c.path}`)).toEqual(['modified linked/dir/cm.yaml', 'modified linked/file.yaml', 'modified linked/real/cm.yaml']);
      expect(changes).toEqual(await local.changesThroughLinks(linked, changed, await local.changedFiles(linked, changed)));
      const out = mkdtempSync(path.join(os.tmpdir(), 'preadmit-ghlinks-'));
      try {
        await src.materialize(linked, ['linked/dir/cm.yaml', 'linked/file.yaml', 'linked/escape.yaml'], out);
        const written = readdirSync(path.join(out, 'linked'), { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory());
        expect(written.map((e) => e.name).sort()).toEqual(['cm.yaml', 'file.yaml']);
        for (const e of written) expect(lstatSync(path.join(e.parentPath, e.name)).isFile()).toBe(true);
        expect(readFileSync(path.join(out, 'linked/file.yaml'), 'utf8')).toContain('name: real');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      nock.cleanAll();
    }
  });
});
