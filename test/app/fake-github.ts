// A GitHub REST API in nock, backed by a real git repository: trees, blobs, contents and tarballs come from
// `git`, check runs, comments and reactions are recorded. Only what the app uses is served; anything else is a
// 404 that the test can see in `unhandled`.
import nock from 'nock';
import { git, gitBytes, GitRepo, lsTree } from '../support/git-repo.ts';
import { checkRunChange, GitHubRefusal, pageOf, pullFiles, pullFilesDiffArgs, type CheckRunChange } from '../support/github-semantics.ts';

export const API = 'https://api.github.com';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  output: { title?: string; summary?: string };
  annotations: Record<string, unknown>[];
  app: { id: number };
  check_suite: { id: number };
  html_url: string;
  patches: number;
}

export interface FakePullRequest {
  number: number;
  state: 'open' | 'closed';
  author: string;
  baseRef: string;
  headRef: string;
  headRepo: string;
}

type Override = (req: RecordedRequest) => readonly [number, unknown, Record<string, string>?] | undefined;

/** A git repository with one commit per `commits` entry on the named branches (each starts from its parent). */
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

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly unhandled: RecordedRequest[] = [];
  readonly checkRuns = new Map<number, CheckRun>();
  readonly comments: { issue: number; body: string }[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly pulls = new Map<number, FakePullRequest>();
  /** login → role_name; absent logins are not collaborators (404). */
  readonly roles = new Map<string, string>();
  readonly tokens: string[] = [];
  /** What `GET /app/installations` lists (restart recovery); this repository belongs to the first. */
  readonly installations: { id: number; account: { login: string }; suspended_at?: string | null }[] = [{ id: 77, account: { login: 'acme' } }];
  /** Further repositories `GET /installation/repositories` lists after this one (they have no pull requests). */
  readonly extraRepositories: string[] = [];
  /** Merge-queue branches (`refs/heads/gh-readonly-queue/...`) → sha, listed by `git/matching-refs`. */
  readonly queueRefs = new Map<string, string>();
  #nextRun = 1000;
  #overrides: Override[] = [];
  #scope: nock.Scope | undefined;
  #prefix = '';

  constructor(
    readonly repoDir: string,
    readonly owner: string,
    readonly repo: string,
    readonly appId: number,
    readonly defaultBranch = 'main',
    /** The API's base URL: github.com's, or a GitHub Enterprise `http(s)://host/api/v3`. */
    readonly api = API,
  ) {}

  /** Installs the interceptors (persisting until `nock.cleanAll()`). */
  install(): this {
    const handle = (method: string) =>
      function (this: nock.ReplyFnContext, uri: string, body: nock.Body): nock.ReplyFnResult {
        return fake.#handle(method, uri, body, this.req.headers);
      };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const base = new URL(this.api);
    this.#prefix = base.pathname.replace(/\/+$/, '');
    this.#scope = nock(base.origin)
      .persist()
      .get(() => true)
      .reply(handle('GET'))
      .post(() => true)
      .reply(handle('POST'))
      .patch(() => true)
      .reply(handle('PATCH'));
    return this;
  }

  /** The next matching requests get this answer instead (`times` of them). */
  failNext(method: string, pathPattern: RegExp, times: number, status: number, body: unknown, headers: Record<string, string> = {}): void {
    let left = times;
    this.#overrides.push((req) => {
      if (left <= 0 || req.method !== method || !pathPattern.test(req.path)) return undefined;
      left--;
      return [status, body, headers];
    });
  }

  run(id: number): CheckRun {
    const r = this.checkRuns.get(id);
    if (r === undefined) throw new Error(`no check run ${id}`);
    return r;
  }

  runsFor(sha: string): CheckRun[] {
    return [...this.checkRuns.values()].filter((r) => r.head_sha === sha);
  }

  /** A check run as another app (or an earlier process of this one) left it. */
  addRun(headSha: string, fields: Partial<CheckRun> = {}): CheckRun {
    const id = this.#nextRun++;
    const run: CheckRun = {
      id,
      name: 'preadmit',
      head_sha: headSha,
      status: 'in_progress',
      conclusion: null,
      external_id: null,
      output: {},
      annotations: [],
      app: { id: this.appId },
      check_suite: { id: suiteId(headSha) },
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${id}`,
      patches: 0,
      ...fields,
    };
    this.checkRuns.set(id, run);
    return run;
  }

  #handle(method: string, uri: string, body: nock.Body, headers: Record<string, string>): nock.ReplyFnResult {
    const req: RecordedRequest = { method, path: uri, body: typeof body === 'string' && body !== '' ? safeJson(body) : body, headers };
    this.requests.push(req);
    for (const o of this.#overrides) {
      const r = o(req);
      if (r !== undefined) return r[2] !== undefined ? [r[0], r[1] as nock.Body, r[2]] : [r[0], r[1] as nock.Body];
    }
    const res = this.#route(req);
    if (res === undefined) {
      this.unhandled.push(req);
      return [404, { message: 'Not Found' }];
    }
    return res;
  }

  #route(req: RecordedRequest): nock.ReplyFnResult | undefined {
    const url = new URL(req.path, 'https://api.github.com');
    if (!url.pathname.startsWith(`${this.#prefix}/`)) return undefined;
    const p = decodeURIComponent(url.pathname.slice(this.#prefix.length));
    const q = url.searchParams;
    const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(p))) {
      const token = `ghs_${'T'.repeat(8)}${m[1]}${Math.random().toString(36).slice(2).padEnd(12, 'x')}${'0'.repeat(10)}`;
      this.tokens.push(token);
      return [201, { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { checks: 'write', contents: 'read' }, repository_selection: 'all' }];
    }
    if (req.method === 'GET' && p === '/app') return [200, { id: this.appId, slug: 'preadmit', name: 'preadmit' }];
    if (req.method === 'GET' && p === '/app/installations') return [200, page(this.installations, q)];
    if (req.method === 'GET' && p === '/installation/repositories') {
      const all = [this.repo, ...this.extraRepositories].map((name) => ({ name, full_name: `${this.owner}/${name}`, owner: { login: this.owner }, default_branch: this.defaultBranch, html_url: `https://github.com/${this.owner}/${name}`, archived: false }));
      return [200, { total_count: all.length, repositories: page(all, q) }];
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (req.method === 'GET' && this.extraRepositories.some((name) => p === `/repos/${this.owner}/${name}/pulls`)) return [200, []];
    if (!p.startsWith(`${prefix}/`)) return undefined;
    const rest = p.slice(prefix.length);

    if (req.method === 'GET' && rest === '/pulls') {
      const open = [...this.pulls.values()].filter((pr) => q.get('state') === 'all' || pr.state === (q.get('state') ?? 'open')).sort((a, b) => b.number - a.number);
      return [200, page(open, q).map((pr) => this.#pullJson(pr))];
    }
    if (req.method === 'GET' && (m = /^\/git\/matching-refs\/(.+)$/.exec(rest))) {
      const want = `refs/${m[1]}`;
      return [200, [...this.queueRefs].filter(([ref]) => ref.startsWith(want)).map(([ref, sha]) => ({ ref, object: { sha, type: 'commit' } }))];
    }
    if (req.method === 'GET' && (m = /^\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/.exec(rest))) {
      const mergeBase = git(this.repoDir, 'merge-base', m[1] ?? '', m[2] ?? '').trim();
      return [200, { status: 'ahead', merge_base_commit: { sha: mergeBase }, base_commit: { sha: m[1] } }];
    }
    if (req.method === 'GET' && (m = /^\/git\/ref\/(.+)$/.exec(rest))) {
      const sha = this.queueRefs.get(`refs/${m[1]}`);
      return sha === undefined ? [404, { message: 'Not Found' }] : [200, { ref: `refs/${m[1]}`, object: { sha, type: 'commit' } }];
    }

    if (req.method === 'POST' && rest === '/check-runs') {
      const change = refusalOr(() => checkRunChange({ status: 'queued', conclusion: null }, b));
      if ('refused' in change) return change.refused;
      const run = this.addRun(String(b.head_sha), { name: String(b.name), external_id: null });
      applyChange(run, change.value);
      return [201, run];
    }
    if (req.method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.get(Number(m[1]));
      if (run === undefined) return [404, { message: 'Not Found' }];
      run.patches++;
      const change = refusalOr(() => checkRunChange(run, b));
      if ('refused' in change) return change.refused;
      applyChange(run, change.value);
      return [200, run];
    }
    if (req.method === 'GET' && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const runs = this.runsFor(m[1] as string).filter(
        (r) => (!q.get('check_name') || r.name === q.get('check_name')) && (!q.get('status') || r.status === q.get('status')) && (!q.get('app_id') || String(r.app.id) === q.get('app_id')),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (req.method === 'GET' && (m = /^\/check-suites\/(\d+)\/check-runs$/.exec(rest))) {
      const runs = [...this.checkRuns.values()].filter((r) => r.check_suite.id === Number(m?.[1]) && (!q.get('check_name') || r.name === q.get('check_name')));
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (req.method === 'GET' && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const role = this.roles.get(m[1] as string);
      if (role === undefined) return [404, { message: 'Not Found' }];
      const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return [200, { permission: legacy, role_name: role, user: { login: m[1] } }];
    }
    if (req.method === 'POST' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      this.comments.push({ issue: Number(m[1]), body: String(b.body) });
      return [201, { id: 9000 + this.comments.length, body: b.body }];
    }
    if (req.method === 'POST' && (m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest))) {
      this.reactions.push({ commentId: Number(m[1]), content: String(b.content) });
      return [201, { id: 1, content: b.content }];
    }
    if (req.method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pr = this.pulls.get(Number(m[1]));
      if (pr === undefined) return [404, { message: 'Not Found' }];
      return [200, this.#pullJson(pr)];
    }
    if (req.method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
      const pr = this.pulls.get(Number(m[1]));
      if (pr === undefined) return [404, { message: 'Not Found' }];
      return [200, pageOf(this.#files(this.#sha(pr.baseRef), this.#sha(pr.headRef)), q).items];
    }
    if (req.method === 'GET' && (m = /^\/commits\/([^/]+)$/.exec(rest))) {
      const sha = this.#trySha(m[1] as string);
      return sha === undefined ? [404, { message: 'Not Found' }] : [200, { sha }];
    }
    if (req.method === 'GET' && (m = /^\/git\/trees\/([^/]+)$/.exec(rest))) {
      const sha = this.#trySha(m[1] as string);
      if (sha === undefined) return [404, { message: 'Not Found' }];
      const tree = lsTree(this.repoDir, sha, '-r', '-t', '--full-tree');
      return [200, { sha, truncated: false, tree }];
    }
    if (req.method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      try {
        const bytes = gitBytes(this.repoDir, 'cat-file', 'blob', m[1] as string);
        return [200, { sha: m[1], size: bytes.length, encoding: 'base64', content: bytes.toString('base64') }];
      } catch {
        return [404, { message: 'Not Found' }];
      }
    }
    if (req.method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const ref = q.get('ref') ?? this.defaultBranch;
      try {
        const bytes = gitBytes(this.repoDir, 'show', `${this.#sha(ref)}:${m[1]}`);
        return [200, { type: 'file', encoding: 'base64', path: m[1], content: bytes.toString('base64') }];
      } catch {
        return [404, { message: 'Not Found' }];
      }
    }
    if (req.method === 'GET' && (m = /^\/tarball\/([^/]+)$/.exec(rest))) {
      const sha = this.#sha(m[1] as string);
      const tgz = gitBytes(this.repoDir, 'archive', '--format=tar.gz', `--prefix=${this.owner}-${this.repo}-${sha.slice(0, 7)}/`, sha);
      return [200, tgz, { 'content-type': 'application/x-gzip' }];
    }
    return undefined;
  }

  #trySha(ref: string): string | undefined {
    try {
      return git(this.repoDir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`).trim();
    } catch {
      return undefined;
    }
  }

  #sha(ref: string): string {
    const sha = this.#trySha(ref);
    if (sha === undefined) throw new Error(`fake GitHub: unknown ref ${ref}`);
    return sha;
  }

  #files(base: string, head: string): Record<string, unknown>[] {
    const mergeBase = git(this.repoDir, 'merge-base', base, head).trim();
    return pullFiles(git(this.repoDir, ...pullFilesDiffArgs(mergeBase, head)));
  }

  #pullJson(pr: FakePullRequest): Record<string, unknown> {
    const base = this.#sha(pr.baseRef);
    const head = this.#sha(pr.headRef);
    return {
      number: pr.number,
      state: pr.state,
      user: { login: pr.author, type: 'User' },
      changed_files: this.#files(base, head).length,
      head: { sha: head, ref: pr.headRef, repo: { full_name: pr.headRepo } },
      base: { sha: base, ref: pr.baseRef, repo: { full_name: `${this.owner}/${this.repo}`, default_branch: this.defaultBranch } },
    };
  }

  sha(ref: string): string {
    return this.#sha(ref);
  }

  /** Requests to anything but this repository and the app's token endpoint. */
  foreignRequests(): RecordedRequest[] {
    return this.requests.filter((r) => !r.path.startsWith(`${this.#prefix}/repos/${this.owner}/${this.repo}/`) && !/^\/app\/installations\/\d+\/access_tokens$/.test(r.path) && r.path !== '/app');
  }

  uninstall(): void {
    this.#scope?.persist(false);
  }
}

function page<T>(items: T[], q: URLSearchParams): T[] {
  return pageOf(items, q).items;
}

/** A check-run change, or GitHub's refusal of it as a reply. */
function refusalOr<T>(f: () => T): { value: T } | { refused: nock.ReplyFnResult } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof GitHubRefusal) return { refused: [e.status, { message: e.message }] };
    throw e;
  }
}

function applyChange(run: CheckRun, change: CheckRunChange): void {
  run.status = change.status;
  run.conclusion = change.conclusion;
  if (change.strings.external_id !== undefined) run.external_id = change.strings.external_id;
  if (change.output === undefined) return;
  const { title, summary, annotations } = change.output;
  if (title !== undefined) run.output.title = title;
  if (summary !== undefined) run.output.summary = summary;
  run.annotations.push(...annotations);
}

export function suiteId(sha: string): number {
  return Number.parseInt(sha.slice(0, 8), 16);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
