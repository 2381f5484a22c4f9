// The fake GitHub of the tests and the demo: one model of GitHub's state (installations, repositories served
// from real git directories, pull requests, refs, check runs, comments, reactions, tokens, rate limits) and of
// its rules (rules.ts), answering REST requests. Two thin fronts serve it: nock interceptors for unit tests
// (nock.ts) and a real HTTP server for end-to-end tests and `npm run demo` (http.ts). A front hands every
// request to `handle` and writes the answer back; the state and the rules live only here.
//
// Authentication is GitHub's: installation tokens are issued only against an app JWT signed with the app's
// key (RS256, issuer = app id, not expired) and expire, `/app/...` endpoints need that JWT, and everything else
// needs a token the model issued or was told to accept; an installation's token reaches only its repositories. Every answer carries GitHub's `x-ratelimit-*` headers; a
// credential over its hourly limit is refused as GitHub refuses it. Answers the model has no route for are
// 404s, recorded like every request.
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { GitReader } from './git.ts';
import { checkRunChange, GitHubRefusal, linkHeader, pageOf, PULL_FILES_CAP, pullFiles, type CheckRunAnnotation, type CheckRunChange } from './rules.ts';

;

export const GITHUB_API = 'https://api.github.com';

export interface FakePull {
  number: number;
  /** Base branch name in the repository's git directory. */
  base: string;
  /** Head branch name (or sha) in the same git directory; a fork's commits live there too. */
  head: string;
  author: string;
  /** `owner/name` of the fork the head comes from; the base repository by default. */
  headRepo?: string;
  title?: string;
  /** Default `open`. */
  state?: 'open' | 'closed';
}

export interface FakeRepo {
  owner: string;
  name: string;
  /** A git repository (work tree or bare) holding every commit served. */
  gitDir: string;
  defaultBranch: string;
  installationId: number;
  pulls: FakePull[];
  /** Collaborator role by login (`admin`, `maintain`, `write`, `triage`, `read`, `none`); other logins are no collaborators (404). */
  permissions?: Record<string, string>;
  private?: boolean;
  archived?: boolean;
  /** Refs GitHub has that the git directory does not (`refs/heads/gh-readonly-queue/...` → sha): they win over git's. */
  refs?: Record<string, string>;
}

export interface FakeInstallation {
  id: number;
  account: string;
  suspended?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The path as sent, API prefix (`/api/v3`) included, without the query. */
  path: string;
  /** The path and the query as sent. */
  url: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** `jwt` (the app's, verified), `token` (one the model knows), `bad` or `none`. */
  auth: 'jwt' | 'token' | 'bad' | 'none';
  body: unknown;
  /** The status answered. */
  status: number;
  at: number;
}

export interface CheckRun {
  id: number;
  /** `owner/name` of the repository the run is in. */
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  /** The app that owns the run. */
  appId: number;
  external_id: string | null;
  details_url?: string;
  started_at?: string;
  completed_at?: string;
  output: { title: string | null; summary: string | null; text: string | null; annotations: CheckRunAnnotation[] };
  actions?: CheckRunChange['actions'];
  html_url: string;
  /** Create and update bodies GitHub accepted, in order, as received. */
  updates: unknown[];
  /** PATCH requests that reached the run (refused ones included). */
  patches: number;
  createdAt: number;
  completedAt?: number;
}

export interface RecordedComment {
  id: number;
  repo: string;
  issue: number;
  body: string;
  user: string;
}

export interface RecordedReaction {
  repo: string;
  commentId: number;
  content: string;
}

export interface GitHubModelOptions {
  appId: number;
  /** The app's private key (PEM): installation-token requests must carry a JWT it signed. */
  privateKeyPem: string;
  repos: FakeRepo[];
  /** The app's installations; by default one per `installationId` of `repos`, named after its first owner. */
  installations?: FakeInstallation[];
  /** Tokens accepted as-is (e.g. a `GITHUB_TOKEN` for `preadmit check-pr`). */
  acceptTokens?: string[];
  /** Tokens that may read but not write (writes answer 403 "Resource not accessible by integration"). */
  readOnlyTokens?: string[];
  /** Installation token lifetime reported to the app. Default one hour. */
  tokenTtlMs?: number;
  /** Requests per credential per hour (GitHub's primary rate limit). Default 5000. */
  rateLimit?: number;
  /** Entries of a recursive tree listing beyond which GitHub truncates it (`truncated: true`). Default 100,000. */
  treeEntryLimit?: number;
}

/** A request as a front received it. */
export interface ApiRequest {
  method: string;
  /** The full URL (the front's origin, path and query). */
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body ('' for none). */
  body: string;
}

/** An answer: JSON (`body` a value), bytes (a Buffer) or text (a string). */
export interface ApiReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface Failure {
  method: string;
  pattern: RegExp;
  left: number;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  delayMs: number;
}

type Json = Record<string, unknown>;

/** A check suite's id: GitHub makes one suite per head commit and app. */
export function suiteId(sha: string, appId: number): number {
  return Number.parseInt(sha.slice(0, 8), 16) + appId * 2 ** 32;
}

const ROLE_TO_LEGACY: Record<string, string> = { maintain: 'write', triage: 'read' };
/** GitHub's documented limits of the repository APIs (docs/github-app.md §4) and of issue comments. */
const TREE_ENTRY_LIMIT = 100_000;
const CONTENTS_INLINE_BYTES = 1024 * 1024;
const CONTENTS_DIRECTORY_LIMIT = 1000;
const COMMENT_CHARS = 65536;

export class GitHubModel {
  readonly appId: number;
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly comments: RecordedComment[] = [];
  readonly reactions: RecordedReaction[] = [];
  /** Installation tokens issued (tests check that none reaches a log). */
  readonly tokens: string[] = [];
  readonly installations: FakeInstallation[];
  /** `check_run` (a run created or updated), `comment` and `reaction`. */
  readonly events = new EventEmitter();
  readonly #repos: FakeRepo[];
  readonly #publicKey: KeyObject;
  readonly #accepted: Set<string>;
  readonly #readOnly: Set<string>;
  /** Installation tokens → their installation and expiry (accepted tokens belong to none and never expire). */
  readonly #installationOf = new Map<string, number>();
  readonly #expires = new Map<string, number>();
  readonly #usage = new Map<string, { used: number; reset: number }>();
  readonly #failures: Failure[] = [];
  readonly #git = new GitReader();
  readonly #options: GitHubModelOptions;
  #nextId = 1000;
  #apiUrl: URL | undefined;

  constructor(options: GitHubModelOptions) {
    this.#options = options;
    this.appId = options.appId;
    this.#repos = [...options.repos];
    this.#publicKey = createPublicKey(options.privateKeyPem);
    this.#accepted = new Set([...(options.acceptTokens ?? []), ...(options.readOnlyTokens ?? [])]);
    this.#readOnly = new Set(options.readOnlyTokens ?? []);
    this.installations =
      options.installations ??
      [...new Set(options.repos.map((r) => r.installationId))].sort((a, b) => a - b).map((id) => ({ id, account: options.repos.find((r) => r.installationId === id)?.owner ?? '' }));
    this.events.setMaxListeners(1000);
  }

  // ---- where it is served --------------------------------------------------------------------------------

  /** Called by a front: the REST base URL it serves (`https://api.github.com`, `http://127.0.0.1:PORT/api/v3`). */
  serveAt(apiUrl: string): void {
    this.#apiUrl = new URL(apiUrl.replace(/\/+$/, ''));
  }

  /** The REST base URL, without a trailing slash. */
  get apiUrl(): string {
    if (this.#apiUrl === undefined) throw new Error('fake GitHub: no front serves it yet');
    return this.#apiUrl.toString().replace(/\/+$/, '');
  }

  /** The web origin (`https://github.com` for github.com's API, the server's origin for GitHub Enterprise). */
  get webUrl(): string {
    const api = new URL(this.apiUrl);
    return api.hostname === 'api.github.com' ? 'https://github.com' : api.origin;
  }

  get #prefix(): string {
    return new URL(this.apiUrl).pathname.replace(/\/+$/, '');
  }

  // ---- state, for tests ----------------------------------------------------------------------------------

  /** A repository by `owner/name` (case-insensitive); the first one without a name. */
  repo(fullName?: string): FakeRepo {
    const r = fullName === undefined ? this.#repos[0] : this.#repos.find((x) => `${x.owner}/${x.name}`.toLowerCase() === fullName.toLowerCase());
    if (r === undefined) throw new GitHubRefusal(404, 'Not Found');
    return r;
  }

  addRepo(repo: FakeRepo): FakeRepo {
    this.#repos.push(repo);
    if (!this.installations.some((i) => i.id === repo.installationId)) this.installations.push({ id: repo.installationId, account: repo.owner });
    return repo;
  }

  /** Opens (or replaces) a pull request of `fullName` (the first repository by default). */
  addPull(pull: FakePull, fullName?: string): FakePull {
    const repo = this.repo(fullName);
    const i = repo.pulls.findIndex((p) => p.number === pull.number);
    if (i >= 0) repo.pulls[i] = pull;
    else repo.pulls.push(pull);
    return pull;
  }

  /** Points a ref GitHub has (and the git directory may not) at `sha`. */
  setRef(ref: string, sha: string, fullName?: string): void {
    const repo = this.repo(fullName);
    repo.refs = { ...repo.refs, [ref]: sha };
  }

  setPermission(login: string, role: string, fullName?: string): void {
    const repo = this.repo(fullName);
    repo.permissions = { ...repo.permissions, [login]: role };
  }

  /** The commit `ref` names in `fullName`'s git directory, now (synchronous, for test set-up). */
  sha(ref: string, fullName?: string): string {
    const repo = this.repo(fullName);
    const overlay = repo.refs?.[ref] ?? repo.refs?.[`refs/heads/${ref}`];
    if (overlay !== undefined) return overlay;
    try {
      return execFileSync('git', ['-C', repo.gitDir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error(`fake GitHub: unknown ref ${ref} in ${repo.owner}/${repo.name}`);
    }
  }

  run(id: number): CheckRun {
    const r = this.checkRuns.find((x) => x.id === id);
    if (r === undefined) throw new Error(`fake GitHub: no check run ${id}`);
    return r;
  }

  runsFor(sha: string): CheckRun[] {
    return this.checkRuns.filter((r) => r.head_sha === sha);
  }

  /** A check run as another app (or an earlier process of this one) left it: `in_progress` by default. */
  addRun(fields: Partial<Omit<CheckRun, 'output'>> & { head_sha: string; output?: Partial<CheckRun['output']> }, fullName?: string): CheckRun {
    const repo = this.repo(fullName);
    const id = this.#nextId++;
    const { output, ...rest } = fields;
    const run: CheckRun = {
      id,
      repo: `${repo.owner}/${repo.name}`,
      name: 'preadmit',
      status: 'in_progress',
      conclusion: null,
      appId: this.appId,
      external_id: null,
      started_at: new Date().toISOString(),
      html_url: `${this.#webUrlOrDefault()}/${repo.owner}/${repo.name}/runs/${id}`,
      updates: [],
      patches: 0,
      createdAt: Date.now(),
      ...rest,
      output: { title: 'Simulating Gatekeeper admission…', summary: null, text: null, annotations: [], ...output },
    };
    this.checkRuns.push(run);
    return run;
  }

  /** A user's comment on an issue or pull request, as GitHub would have stored it. */
  addComment(issue: number, user: string, body: string, fullName?: string): RecordedComment {
    const repo = this.repo(fullName);
    const c: RecordedComment = { id: this.#nextId++, repo: `${repo.owner}/${repo.name}`, issue, body, user };
    this.comments.push(c);
    return c;
  }

  /**
   * The next `times` requests with `method` whose API path and query (`/repos/o/r/check-runs?x=1`, after any
   * `/api/v3`) match `pattern` are answered `status` with `body` (default a GitHub-style error) and `headers`,
   * after `delayMs`: a GitHub that fails, is slow, or answers what its API does not document.
   */
  failNext(method: string, pattern: RegExp, times: number, status: number, body?: unknown, options: { headers?: Record<string, string>; delayMs?: number } = {}): void {
    this.#failures.push({ method, pattern, left: times, status, body: body ?? { message: `fake GitHub failure (${status})`, documentation_url: 'https://docs.github.com/rest' }, headers: options.headers ?? {}, delayMs: options.delayMs ?? 0 });
  }

  /** Resolves when `predicate` holds for some completed check run, rejects after `timeoutMs`. */
  waitForCheckRun(predicate: (run: CheckRun) => boolean, timeoutMs = 60_000): Promise<CheckRun> {
    const found = this.checkRuns.find((r) => r.status === 'completed' && predicate(r));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('check_run', listener);
        reject(new Error(`no completed check run matched within ${timeoutMs} ms (${this.checkRuns.length} run(s) recorded: ${this.checkRuns.map((r) => `${r.id} ${r.status}/${r.conclusion}`).join(', ')})`));
      }, timeoutMs);
      const listener = (run: CheckRun): void => {
        if (run.status === 'completed' && predicate(run)) {
          clearTimeout(timer);
          this.events.off('check_run', listener);
          resolve(run);
        }
      };
      this.events.on('check_run', listener);
    });
  }

  /** Requests to anything but `fullName` (the first repository by default), the app's token endpoint and `GET /app`. */
  foreignRequests(fullName?: string): RecordedRequest[] {
    const repo = this.repo(fullName);
    const own = `${this.#prefix}/repos/${repo.owner}/${repo.name}/`;
    return this.requests.filter((r) => !r.path.startsWith(own) && !/\/app\/installations\/\d+\/access_tokens$/.test(r.path) && r.path !== `${this.#prefix}/app`);
  }

  /** A run as GitHub's API shows it. */
  checkRunJson(run: CheckRun): Json {
    return {
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion,
      details_url: run.details_url ?? null,
      external_id: run.external_id,
      started_at: run.started_at ?? null,
      completed_at: run.completed_at ?? null,
      html_url: run.html_url,
      url: `${this.apiUrl}/repos/${run.repo}/check-runs/${run.id}`,
      output: { title: run.output.title, summary: run.output.summary, text: run.output.text, annotations_count: run.output.annotations.length },
      app: run.appId === this.appId ? { id: this.appId, slug: 'preadmit', name: 'preadmit' } : { id: run.appId, slug: `app-${run.appId}`, name: `app ${run.appId}` },
      check_suite: { id: suiteId(run.head_sha, run.appId) },
      pull_requests: [],
    };
  }

  // ---- answering ----------------------------------------------------------------------------------------

  /** Answers one request (never rejects: a model error is a 500 naming it). */
  async handle(req: ApiRequest): Promise<ApiReply> {
    let body: unknown = undefined;
    let unparsable = false;
    if (req.body !== '') {
      try {
        body = JSON.parse(req.body);
      } catch {
        body = req.body;
        unparsable = true;
      }
    }
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]])));
    const record: RecordedRequest = {
      method: req.method.toUpperCase(),
      path: req.url.pathname,
      url: `${req.url.pathname}${req.url.search}`,
      query: Object.fromEntries(req.url.searchParams),
      headers,
      auth: this.#authKind(headers.authorization),
      body,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    let reply: ApiReply;
    try {
      if (unparsable && record.method !== 'GET') throw new GitHubRefusal(400, 'Problems parsing JSON');
      reply = await this.#answer(req.url, record);
    } catch (e) {
      reply =
        e instanceof GitHubRefusal
          ? { status: e.status, body: { message: e.message, documentation_url: 'https://docs.github.com/rest' }, headers: e.headers }
          : { status: 500, body: { message: `fake GitHub error: ${(e as Error).message}` }, headers: {} };
    }
    record.status = reply.status;
    return reply;
  }

  #authKind(header: string | undefined): RecordedRequest['auth'] {
    if (!header) return 'none';
    const [scheme = '', value = ''] = header.split(' ');
    if (/^bearer$/i.test(scheme) && value.split('.').length === 3) return verifyJwt(value, this.#publicKey, this.appId) ? 'jwt' : 'bad';
    if (/^(token|bearer)$/i.test(scheme)) return this.#accepted.has(value) && (this.#expires.get(value) ?? Infinity) > Date.now() ? 'token' : 'bad';
    return 'bad';
  }

  #credential(record: RecordedRequest): string {
    return record.auth === 'jwt' ? 'app' : (record.headers.authorization?.split(' ')[1] ?? '');
  }

  /** GitHub's primary rate limit for the request's credential: headers to send, or a 403 when exhausted. */
  #rateLimit(record: RecordedRequest): Record<string, string> {
    const limit = this.#options.rateLimit ?? 5000;
    const key = this.#credential(record);
    const now = Date.now();
    let u = this.#usage.get(key);
    if (u === undefined || u.reset * 1000 <= now) {
      u = { used: 0, reset: Math.ceil(now / 1000) + 3600 };
      this.#usage.set(key, u);
    }
    u.used++;
    const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, limit - u.used)), 'x-ratelimit-used': String(Math.min(u.used, limit)), 'x-ratelimit-reset': String(u.reset), 'x-ratelimit-resource': 'core' };
    if (u.used > limit) {
      const who = this.#installationOf.get(key);
      throw new GitHubRefusal(403, `API rate limit exceeded${who !== undefined ? ` for installation ID ${who}` : ''}.`, headers);
    }
    return headers;
  }

  async #answer(url: URL, record: RecordedRequest): Promise<ApiReply> {
    const method = record.method;
    let p = url.pathname;
    if (p.startsWith('/_codeload/')) {
      // The archive host: GitHub redirects tarball requests here (the signed link needs no credential).
      const m = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/([0-9a-f]{40})$/.exec(p);
      if (!m || method !== 'GET') throw new GitHubRefusal(404, 'Not Found');
      const repo = this.repo(`${m[1]}/${m[2]}`);
      const sha = m[3] ?? '';
      return { status: 200, body: await this.#git.tarball(repo.gitDir, `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`, sha), headers: { 'content-type': 'application/x-gzip' } };
    }
    const prefix = this.#prefix;
    if (!p.startsWith(`${prefix}/`)) throw new GitHubRefusal(404, 'Not Found');
    p = p.slice(prefix.length);
    const target = `${p}${url.search}`;
    const failure = this.#failures.find((f) => f.left > 0 && f.method === method && f.pattern.test(target));
    if (failure !== undefined) {
      failure.left--;
      if (failure.delayMs > 0) await new Promise((r) => setTimeout(r, failure.delayMs));
      return { status: failure.status, body: failure.body, headers: failure.headers };
    }
    const limits = this.#rateLimit(record);
    try {
      const reply = await this.#route(method, p, url, record);
      return { ...reply, headers: { ...limits, ...reply.headers } };
    } catch (e) {
      if (e instanceof GitHubRefusal) throw new GitHubRefusal(e.status, e.message, { ...limits, ...e.headers });
      throw e;
    }
  }

  async #route(method: string, p: string, url: URL, record: RecordedRequest): Promise<ApiReply> {
    const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): ApiReply => ({ status, body, headers });
    const q = url.searchParams;
    const body = record.body;
    const page = <T>(all: T[], wrap: (items: T[]) => unknown = (items) => items): ApiReply => {
      const { items, per, page: n, last } = pageOf(all, q);
      return ok(wrap(items), 200, linkHeader(url, n, per, last));
    };
    let m: RegExpExecArray | null;

    if ((m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(p)) && method === 'POST') {
      if (record.auth !== 'jwt') throw new GitHubRefusal(401, 'A JSON web token could not be decoded');
      const inst = this.installations.find((i) => i.id === Number(m?.[1]));
      if (inst === undefined) throw new GitHubRefusal(404, 'Not Found');
      if (inst.suspended === true) throw new GitHubRefusal(403, 'This installation has been suspended');
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      const expires = Date.now() + (this.#options.tokenTtlMs ?? 3600_000);
      this.#accepted.add(token);
      this.#installationOf.set(token, inst.id);
      this.#expires.set(token, expires);
      this.tokens.push(token);
      return ok(
        {
          token,
          expires_at: new Date(expires).toISOString(),
          permissions: { checks: 'write', contents: 'read', pull_requests: 'read', issues: 'write', metadata: 'read' },
          repository_selection: 'all',
        },
        201,
      );
    }
    if (p === '/app' || p.startsWith('/app/')) {
      if (record.auth !== 'jwt') throw new GitHubRefusal(401, 'A JSON web token could not be decoded');
      if (p === '/app' && method === 'GET') return ok({ id: this.appId, slug: 'preadmit', name: 'preadmit' });
      if (p === '/app/installations' && method === 'GET') {
        return page(
          this.installations.map((i) => ({ id: i.id, account: { login: i.account, type: 'Organization' }, app_id: this.appId, target_type: 'Organization', suspended_at: i.suspended === true ? '2026-01-01T00:00:00Z' : null })),
        );
      }
      throw new GitHubRefusal(404, 'Not Found');
    }
    if (record.auth !== 'token') throw new GitHubRefusal(401, 'Bad credentials');
    const token = this.#credential(record);
    if (p === '/installation/repositories' && method === 'GET') {
      const installation = this.#installationOf.get(token);
      if (installation === undefined) throw new GitHubRefusal(403, 'This endpoint can only be accessed with an installation access token');
      const all = this.#repos.filter((r) => r.installationId === installation).map((r) => this.#repoJson(r));
      return page(all, (items) => ({ total_count: all.length, repositories: items }));
    }
    if (method !== 'GET' && this.#readOnly.has(token)) throw new GitHubRefusal(403, 'Resource not accessible by integration');

    m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) throw new GitHubRefusal(404, 'Not Found');
    const repo = this.repo(`${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}`);
    // An installation's token reaches only the repositories of that installation; others do not exist for it.
    const installation = this.#installationOf.get(token);
    if (installation !== undefined && repo.installationId !== installation) throw new GitHubRefusal(404, 'Not Found');
    const full = `${repo.owner}/${repo.name}`;
    const rest = m[3] ?? '';
    const git = this.#git;
    const dir = repo.gitDir;
    const arg = (i: number): string => decodeURIComponent(m?.[i] ?? '');
    const apiBase = `${this.apiUrl}/repos/${full}`;

    if (rest === '' && method === 'GET') return ok(this.#repoJson(repo));
    if (rest === '/pulls' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      const listed = repo.pulls.filter((pr) => state === 'all' || (pr.state ?? 'open') === state).sort((a, b) => b.number - a.number);
      return page(await Promise.all(listed.map((pr) => this.#pullJson(repo, pr))));
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') return ok(await this.#pullJson(repo, this.#pull(repo, Number(m[1]))));
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pull = this.#pull(repo, Number(m[1]));
      const [base, head] = await Promise.all([this.#resolve(repo, pull.base), this.#resolve(repo, pull.head)]);
      return page(pullFiles(await git.diffFiles(dir, base, head)).slice(0, PULL_FILES_CAP));
    }
    if ((m = /^\/git\/matching-refs\/(.+)$/.exec(rest)) && method === 'GET') {
      const want = `refs/${arg(1)}`;
      const refs = new Map(await git.refs(dir, want));
      for (const [ref, sha] of Object.entries(repo.refs ?? {})) if (ref.startsWith(want)) refs.set(ref, sha);
      return ok([...refs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ref, sha]) => ({ ref, object: { sha, type: 'commit' } })));
    }
    if ((m = /^\/git\/(?:ref|refs)\/(.+)$/.exec(rest)) && method === 'GET') {
      const ref = `refs/${arg(1)}`;
      const sha = await this.#resolve(repo, ref).catch((e: unknown) => {
        throw e instanceof GitHubRefusal ? new GitHubRefusal(404, 'Not Found') : e;
      });
      return ok({ ref, object: { sha, type: 'commit' } });
    }
    if ((m = /^\/commits\/(.+)\/check-runs$/.exec(rest)) && method === 'GET') {
      const sha = await this.#resolve(repo, arg(1));
      return this.#listRuns(this.checkRuns.filter((r) => r.repo === full && r.head_sha === sha), q, page);
    }
    if ((m = /^\/check-suites\/(\d+)\/check-runs$/.exec(rest)) && method === 'GET') {
      const id = Number(m[1]);
      return this.#listRuns(this.checkRuns.filter((r) => r.repo === full && suiteId(r.head_sha, r.appId) === id), q, page);
    }
    if ((m = /^\/commits\/(.+)$/.exec(rest)) && method === 'GET') {
      const sha = await this.#resolve(repo, arg(1));
      return ok({ sha, url: `${apiBase}/commits/${sha}`, commit: { tree: { sha: await git.treeOf(dir, sha) }, message: await git.message(dir, sha) }, parents: [] });
    }
    if ((m = /^\/compare\/(.+)\.\.\.(.+)$/.exec(rest)) && method === 'GET') {
      const [base, head] = await Promise.all([this.#resolve(repo, arg(1)), this.#resolve(repo, arg(2))]);
      const mergeBase = await git.mergeBase(dir, base, head);
      const status = mergeBase === head ? (base === head ? 'identical' : 'behind') : mergeBase === base ? 'ahead' : 'diverged';
      return ok({ status, base_commit: { sha: base }, merge_base_commit: { sha: mergeBase }, files: pullFiles(await git.diffFiles(dir, base, head)).slice(0, 300) });
    }
    if ((m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const sha = await this.#resolve(repo, arg(1));
      return ok({ sha, tree: { sha: await git.treeOf(dir, sha) }, message: await git.message(dir, sha), parents: [] });
    }
    if ((m = /^\/git\/trees\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const recursive = q.has('recursive') && q.get('recursive') !== '0' && q.get('recursive') !== 'false';
      const tree = await git.tree(dir, arg(1), recursive, apiBase);
      const limit = this.#options.treeEntryLimit ?? TREE_ENTRY_LIMIT;
      const entries = tree.tree as unknown[];
      return ok(entries.length > limit ? { ...tree, tree: entries.slice(0, limit), truncated: true } : tree);
    }
    if ((m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const bytes = await git.blob(dir, arg(1));
      if (/raw/.test(record.headers.accept ?? '')) return ok(bytes);
      return ok({ sha: arg(1), node_id: '', size: bytes.length, encoding: 'base64', content: base64Lines(bytes) });
    }
    if ((m = /^\/contents\/(.*)$/.exec(rest)) && method === 'GET') {
      const file = arg(1);
      const sha = await this.#resolve(repo, q.get('ref') ?? repo.defaultBranch);
      const entry = await git.entry(dir, sha, file);
      if (entry === undefined) throw new GitHubRefusal(404, 'Not Found');
      if (entry.type === 'tree') {
        const listing = (await git.listDir(dir, sha, file)).slice(0, CONTENTS_DIRECTORY_LIMIT);
        return ok(listing.map((e) => ({ type: e.type === 'tree' ? 'dir' : 'file', name: e.path.split('/').pop(), path: e.path, sha: e.sha })));
      }
      const bytes = await git.blob(dir, entry.sha);
      if (/raw/.test(record.headers.accept ?? '')) return ok(bytes.toString('utf8'));
      // Over 1 MB the JSON answer carries no content: only the raw media type (or the blob) has it.
      const inline = bytes.length <= CONTENTS_INLINE_BYTES;
      return ok({ type: 'file', encoding: inline ? 'base64' : 'none', size: bytes.length, name: file.split('/').pop(), path: file, sha: entry.sha, content: inline ? base64Lines(bytes) : '' });
    }
    if ((m = /^\/tarball\/(.+)$/.exec(rest)) && method === 'GET') {
      const sha = await this.#resolve(repo, arg(1));
      return ok('', 302, { location: `${new URL(this.apiUrl).origin}/_codeload/${full}/legacy.tar.gz/${sha}` });
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === 'GET') {
      const login = arg(1);
      const role = repo.permissions?.[login];
      if (role === undefined) throw new GitHubRefusal(404, `${login} is not a user`);
      return ok({ permission: ROLE_TO_LEGACY[role] ?? role, role_name: role, user: { login, type: 'User' } });
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest)) && method === 'POST') {
      const content = isRecord(body) && typeof body.content === 'string' ? body.content : '';
      if (!['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'].includes(content)) throw new GitHubRefusal(422, `Invalid request.\n\n"content" ${JSON.stringify(content)} is not a reaction.`);
      this.reactions.push({ repo: full, commentId: Number(m[1]), content });
      this.events.emit('reaction');
      return ok({ id: this.#nextId++, content, user: { login: 'preadmit[bot]', type: 'Bot' } }, 201);
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') return page(this.comments.filter((c) => c.repo === full && c.issue === issue).map((c) => this.#commentJson(c)));
      if (method === 'POST') {
        if (!isRecord(body) || typeof body.body !== 'string' || body.body === '') throw new GitHubRefusal(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
        if ([...body.body].length > COMMENT_CHARS) throw new GitHubRefusal(422, `Validation Failed: body is too long (maximum is ${COMMENT_CHARS} characters)`);
        const c: RecordedComment = { id: this.#nextId++, repo: full, issue, body: body.body, user: 'preadmit[bot]' };
        this.comments.push(c);
        this.events.emit('comment', c);
        return ok(this.#commentJson(c), 201);
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m?.[1]) && x.repo === full);
      if (!c) throw new GitHubRefusal(404, 'Not Found');
      if (!isRecord(body) || typeof body.body !== 'string') throw new GitHubRefusal(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
      if ([...body.body].length > COMMENT_CHARS) throw new GitHubRefusal(422, `Validation Failed: body is too long (maximum is ${COMMENT_CHARS} characters)`);
      c.body = body.body;
      return ok(this.#commentJson(c));
    }
    if (rest === '/check-runs' && method === 'POST') {
      const change = checkRunChange(undefined, body);
      const b = body as Json;
      const headSha = await this.#resolve(repo, String(b.head_sha));
      const run = this.addRun({ head_sha: headSha, name: String(b.name), status: 'queued', started_at: undefined, output: { title: null } }, full);
      this.#apply(run, change, b);
      return ok(this.checkRunJson(run), 201);
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.find((r) => r.id === Number(m?.[1]) && r.repo === full);
      if (!run) throw new GitHubRefusal(404, 'Not Found');
      if (method === 'GET') return ok(this.checkRunJson(run));
      if (method === 'PATCH') {
        run.patches++;
        this.#apply(run, checkRunChange(run, body), body as Json);
        return ok(this.checkRunJson(run));
      }
    }
    if ((m = /^\/check-runs\/(\d+)\/annotations$/.exec(rest)) && method === 'GET') {
      const run = this.checkRuns.find((r) => r.id === Number(m?.[1]) && r.repo === full);
      if (!run) throw new GitHubRefusal(404, 'Not Found');
      return page(run.output.annotations);
    }
    throw new GitHubRefusal(404, 'Not Found');
  }

  /** A listing of check runs, filtered as GitHub filters (`filter=latest` by default: the newest run per name). */
  #listRuns(runs: CheckRun[], q: URLSearchParams, page: (all: Json[], wrap: (items: Json[]) => unknown) => ApiReply): ApiReply {
    let out = runs.filter((r) => (!q.get('status') || r.status === q.get('status')) && (!q.get('check_name') || r.name === q.get('check_name')) && (!q.get('app_id') || String(r.appId) === q.get('app_id')));
    if ((q.get('filter') ?? 'latest') === 'latest') {
      const newest = new Map<string, number>();
      for (const r of runs) newest.set(r.name, Math.max(newest.get(r.name) ?? 0, r.id));
      out = out.filter((r) => newest.get(r.name) === r.id);
    }
    const all = out.map((r) => this.checkRunJson(r));
    return page(all, (items) => ({ total_count: all.length, check_runs: items }));
  }

  /** Applies a change GitHub accepted (annotations append across updates, as on GitHub). */
  #apply(run: CheckRun, change: CheckRunChange, body: Json): void {
    run.updates.push(structuredClone(body));
    Object.assign(run, change.strings);
    if (change.actions !== undefined) run.actions = change.actions;
    run.status = change.status;
    run.conclusion = change.conclusion;
    if (change.output !== undefined) {
      const { title, summary, text, annotations } = change.output;
      if (title !== undefined) run.output.title = title;
      if (summary !== undefined) run.output.summary = summary;
      if (text !== undefined) run.output.text = text;
      run.output.annotations.push(...annotations);
    }
    if (run.status === 'completed' && run.completedAt === undefined) run.completedAt = Date.now();
    this.events.emit('check_run', run);
  }

  /** A ref of `repo`: its GitHub-only refs first, then its git directory. */
  #resolve(repo: FakeRepo, ref: string): Promise<string> {
    const overlay = repo.refs?.[ref] ?? repo.refs?.[`refs/heads/${ref}`];
    return overlay !== undefined ? Promise.resolve(overlay) : this.#git.resolve(repo.gitDir, ref);
  }

  #pull(repo: FakeRepo, n: number): FakePull {
    const pull = repo.pulls.find((x) => x.number === n);
    if (!pull) throw new GitHubRefusal(404, 'Not Found');
    return pull;
  }

  #webUrlOrDefault(): string {
    return this.#apiUrl === undefined ? 'https://github.com' : this.webUrl;
  }

  #repoJson(repo: FakeRepo): Json {
    return {
      id: 4242,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner, type: 'Organization' },
      private: repo.private ?? false,
      archived: repo.archived ?? false,
      default_branch: repo.defaultBranch,
      html_url: `${this.webUrl}/${repo.owner}/${repo.name}`,
      fork: false,
    };
  }

  #commentJson(c: RecordedComment): Json {
    return { id: c.id, body: c.body, user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' }, html_url: `${this.webUrl}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}` };
  }

  async #pullJson(repo: FakeRepo, pull: FakePull): Promise<Json> {
    const [baseSha, headSha] = await Promise.all([this.#resolve(repo, pull.base), this.#resolve(repo, pull.head)]);
    const files = pullFiles(await this.#git.diffFiles(repo.gitDir, baseSha, headSha));
    const full = `${repo.owner}/${repo.name}`;
    const headRepo = pull.headRepo ?? full;
    const [headOwner = '', headName = ''] = headRepo.split('/');
    return {
      number: pull.number,
      state: pull.state ?? 'open',
      draft: false,
      title: pull.title ?? `PR ${pull.number}`,
      user: { login: pull.author, type: 'User' },
      html_url: `${this.webUrl}/${full}/pull/${pull.number}`,
      head: { ref: pull.head, sha: headSha, label: `${headOwner}:${pull.head}`, repo: { ...this.#repoJson(repo), name: headName, full_name: headRepo, owner: { login: headOwner, type: 'User' }, fork: headRepo !== full } },
      base: { ref: pull.base, sha: baseSha, label: `${repo.owner}:${pull.base}`, repo: this.#repoJson(repo) },
      changed_files: files.length,
    };
  }
}

/** Verifies an RS256 app JWT: signature by the app's key, issuer = app id, not expired. */
function verifyJwt(jwt: string, key: KeyObject, appId: number): boolean {
  const [h = '', p = '', s = ''] = jwt.split('.');
  try {
    if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return false;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
    return String(payload.iss) === String(appId) && typeof payload.exp === 'number' && payload.exp * 1000 > Date.now() - 60_000;
  } catch {
    return false;
  }
}

/** Base64 as GitHub sends file contents: a line break after every 60 characters. */
function base64Lines(bytes: Buffer): string {
  return bytes.toString('base64').replace(/(.{60})/g, '$1\n');
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
