// A small local stand-in for GitHub's REST API (node:http, loopback, random port), serving real git
// repositories built at test time, under the `/api/v3` prefix GitHub Enterprise Server uses (Probot's
// `GHE_HOST` + `GHE_PROTOCOL` give `${protocol}://${host}/api/v3`).
//
// It serves what preadmit reads (repository, pulls and their files, commits, refs, trees, blobs,
// contents, tarballs through a codeload-style redirect, collaborator permissions, and for restart recovery
// the app's installations, an installation's repositories, open pulls, merge-queue refs and check runs
// filtered as GitHub filters them) and records what it writes (check runs, comments, reactions), plus every
// request, in memory. Installation tokens are
// issued only against an app JWT signed with the app's key, and every other call must carry a token
// the stand-in issued or was told to accept.
import { execFile } from 'node:child_process';
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { checkRunChange, GitHubRefusal, pageOf, pullFiles, pullFilesDiffArgs } from '../support/github-semantics.ts';

export interface StandinPull {
  number: number;
  /** Base branch name in the repository's git directory. */
  base: string;
  /** Head branch name (or sha) in the same git directory; a fork's commits live there too. */
  head: string;
  author: string;
  /** `owner/name` of the fork the head comes from; the base repository by default. */
  headRepo?: string;
  title?: string;
}

export interface StandinRepo {
  owner: string;
  name: string;
  /** A git repository (work tree or bare) holding every commit served. */
  gitDir: string;
  defaultBranch: string;
  installationId: number;
  pulls: StandinPull[];
  /** Collaborator permission by login (`admin`, `maintain`, `write`, `triage`, `read`, `none`). */
  permissions?: Record<string, string>;
  private?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** `jwt`, `token` (with a known token), `bad` or `none`; the credential itself is never kept. */
  auth: 'jwt' | 'token' | 'bad' | 'none';
  body: unknown;
  status: number;
  at: number;
}

export interface CheckRunAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface RecordedCheckRun {
  id: number;
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  /** The app that owns the run: the stand-in's app unless recorded otherwise by `addCheckRun`. */
  appId?: number;
  details_url?: string;
  external_id?: string;
  started_at?: string;
  completed_at?: string;
  output: { title: string | null; summary: string | null; text?: string | null; annotations: CheckRunAnnotationRecord[] };
  actions?: unknown[];
  /** POST and PATCH bodies in order, as received. */
  updates: unknown[];
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

export interface StandinOptions {
  appId: number;
  /** The app's private key (PEM): installation-token requests must carry a JWT it signed. */
  privateKeyPem: string;
  repos: StandinRepo[];
  /** Tokens accepted as-is (e.g. a `GITHUB_TOKEN` for `preadmit check-pr`). */
  acceptTokens?: string[];
  /** Tokens that may read but not write (writes answer 403 "Resource not accessible by integration"). */
  readOnlyTokens?: string[];
  /** Installation token lifetime reported to the app. */
  tokenTtlMs?: number;
}

export interface Standin {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`: the value for `GHE_HOST`. */
  host: string;
  /** `${origin}/api/v3`: the REST base URL. */
  apiUrl: string;
  requests: RecordedRequest[];
  checkRuns: RecordedCheckRun[];
  comments: RecordedComment[];
  reactions: RecordedReaction[];
  events: EventEmitter;
  repo(fullName: string): StandinRepo;
  /** Records a check run as an earlier process (or another app) left it, e.g. `in_progress` before the app starts. */
  addCheckRun(fullName: string, run: { head_sha: string; status: string; name?: string; conclusion?: string | null; external_id?: string; appId?: number }): RecordedCheckRun;
  /** Adds a user comment to an issue/PR (as GitHub would have stored it) and returns it. */
  addComment(fullName: string, issue: number, user: string, body: string): RecordedComment;
  /**
   * The next `times` requests matching `method` and `path` (the path after `/api/v3`) are answered `status` with
   * a GitHub-style error, after `delayMs` (a GitHub that fails, or is slow and then fails).
   */
  failNext(method: string, path: RegExp, times: number, status: number, delayMs?: number): void;
  /** Resolves when `predicate` holds for some completed check run, rejects after `timeoutMs`. */
  waitForCheckRun(predicate: (run: RecordedCheckRun) => boolean, timeoutMs?: number): Promise<RecordedCheckRun>;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v3';

/** An answer other than 2xx: the stand-in's refusals are GitHub's (github-semantics.ts). */
const HttpError = GitHubRefusal;

export async function startStandin(options: StandinOptions): Promise<Standin> {
  const publicKey = createPublicKey(options.privateKeyPem);
  const issued = new Set<string>([...(options.acceptTokens ?? []), ...(options.readOnlyTokens ?? [])]);
  /** Installation tokens → their installation (the accepted CI tokens belong to none). */
  const installationOf = new Map<string, number>();
  const readOnly = new Set<string>(options.readOnlyTokens ?? []);
  const repos = new Map(options.repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]));
  const requests: RecordedRequest[] = [];
  const checkRuns: RecordedCheckRun[] = [];
  const comments: RecordedComment[] = [];
  const reactions: RecordedReaction[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  let nextId = 1000;
  const git = new GitCache();
  const failures: { method: string; path: RegExp; left: number; status: number; delayMs: number }[] = [];

  let origin = '';
  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: authKind(req.headers.authorization),
      body,
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (Buffer.isBuffer(data)) {
        res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
        res.end(data);
      } else if (typeof data === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        res.end(data);
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(data));
      }
    };
    try {
      await route(req, url, body, record, send);
    } catch (e) {
      if (e instanceof HttpError) send(e.status, { message: e.message, documentation_url: 'https://docs.github.com/rest' });
      else send(500, { message: `stand-in error: ${(e as Error).message}` });
    }
  }

  function authKind(header: string | undefined): RecordedRequest['auth'] {
    if (!header) return 'none';
    const [scheme = '', value = ''] = header.split(' ');
    if (/^bearer$/i.test(scheme) && value.split('.').length === 3) return verifyJwt(value, publicKey, options.appId) ? 'jwt' : 'bad';
    if (/^(token|bearer)$/i.test(scheme)) return issued.has(value) ? 'token' : 'bad';
    return 'bad';
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    body: unknown,
    record: RecordedRequest,
    send: (status: number, data: unknown, headers?: Record<string, string>) => void,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    let p = url.pathname;
    if (p.startsWith('/_codeload/')) {
      // The archive host: GitHub redirects tarball requests here (no auth needed for the signed link).
      const m = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/([0-9a-f]{40})$/.exec(p);
      if (!m) throw new HttpError(404, 'Not Found');
      const repo = repoOf(`${m[1]}/${m[2]}`);
      send(200, await git.tarball(repo, m[3] ?? ''), { 'content-type': 'application/x-gzip' });
      return;
    }
    if (!p.startsWith(`${API_PREFIX}/`)) throw new HttpError(404, 'Not Found');
    p = p.slice(API_PREFIX.length);
    const failure = failures.find((f) => f.left > 0 && f.method === method && f.path.test(p));
    if (failure !== undefined) {
      failure.left--;
      if (failure.delayMs > 0) await new Promise((r) => setTimeout(r, failure.delayMs));
      throw new HttpError(failure.status, `stand-in failure (${failure.status})`);
    }

    let m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(p);
    if (m && method === 'POST') {
      if (record.auth !== 'jwt') throw new HttpError(401, 'A JSON web token could not be decoded');
      const id = Number(m[1]);
      if (![...repos.values()].some((r) => r.installationId === id)) throw new HttpError(404, 'Not Found');
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      issued.add(token);
      installationOf.set(token, id);
      send(201, {
        token,
        expires_at: new Date(Date.now() + (options.tokenTtlMs ?? 3600_000)).toISOString(),
        permissions: { checks: 'write', contents: 'read', pull_requests: 'read', issues: 'write', metadata: 'read' },
        repository_selection: 'all',
      });
      return;
    }
    if (p === '/app/installations' && method === 'GET') {
      if (record.auth !== 'jwt') throw new HttpError(401, 'A JSON web token could not be decoded');
      const ids = [...new Set([...repos.values()].map((r) => r.installationId))].sort((a, b) => a - b);
      const all = ids.map((id) => ({ id, account: { login: [...repos.values()].find((r) => r.installationId === id)?.owner ?? '', type: 'Organization' }, app_id: options.appId, target_type: 'Organization', suspended_at: null }));
      return sendPage(all, url.searchParams, send, `${origin}${API_PREFIX}/app/installations`, (items) => items);
    }
    if (record.auth !== 'token') throw new HttpError(401, 'Bad credentials');
    if (p === '/installation/repositories' && method === 'GET') {
      const installation = installationOf.get(String(req.headers.authorization).split(' ')[1] ?? '');
      if (installation === undefined) throw new HttpError(403, 'This endpoint can only be accessed with an installation access token');
      const all = [...repos.values()].filter((r) => r.installationId === installation).map(repoJson);
      return sendPage(all, url.searchParams, send, `${origin}${API_PREFIX}/installation/repositories`, (items) => ({ total_count: all.length, repositories: items }));
    }
    if (method !== 'GET' && readOnly.has(String(req.headers.authorization).split(' ')[1] ?? '')) throw new HttpError(403, 'Resource not accessible by integration');

    m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) throw new HttpError(404, 'Not Found');
    const repo = repoOf(`${m[1]}/${m[2]}`);
    const full = `${repo.owner}/${repo.name}`;
    const rest = m[3] ?? '';
    const q = url.searchParams;

    if (rest === '' && method === 'GET') return send(200, repoJson(repo));

    if (rest === '/pulls' && method === 'GET') {
      // Every stand-in PR is open; `state=closed` lists none.
      const open = q.get('state') === 'closed' ? [] : [...repo.pulls].sort((a, b) => b.number - a.number);
      const all = await Promise.all(open.map((pull) => pullJson(repo, pull)));
      return sendPage(all, q, send, `${origin}${API_PREFIX}/repos/${full}/pulls`, (items) => items);
    }
    if ((m = /^\/git\/matching-refs\/(.+)$/.exec(rest)) && method === 'GET') {
      const prefix = `refs/${decodeURIComponent(m[1] ?? '')}`;
      const out = (await run(repo.gitDir, ['for-each-ref', '--format=%(refname) %(objectname)', prefix]).catch(() => Buffer.from(''))).toString('utf8');
      const refs = out
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' '))
        .filter(([ref]) => (ref ?? '').startsWith(prefix))
        .map(([ref, sha]) => ({ ref, object: { sha, type: 'commit' } }));
      return send(200, refs);
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') return send(200, await pullJson(repo, pullOf(repo, Number(m[1]))));
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pull = pullOf(repo, Number(m[1]));
      const [base, head] = await Promise.all([git.resolve(repo, pull.base), git.resolve(repo, pull.head)]);
      const files = (await git.pullFiles(repo, base, head)).slice(0, 3000);
      const per = Math.min(100, Number(q.get('per_page') ?? '30') || 30);
      const page = Math.max(1, Number(q.get('page') ?? '1') || 1);
      const slice = files.slice((page - 1) * per, page * per);
      const last = Math.max(1, Math.ceil(files.length / per));
      const link: Record<string, string> = page < last ? { link: `<${origin}${API_PREFIX}/repos/${full}/pulls/${pull.number}/files?per_page=${per}&page=${page + 1}>; rel="next", <${origin}${API_PREFIX}/repos/${full}/pulls/${pull.number}/files?per_page=${per}&page=${last}>; rel="last"` } : {};
      return send(200, slice, link);
    }
    if ((m = /^\/commits\/([^/]+(?:\/[^/]+)*?)$/.exec(rest)) && method === 'GET' && !rest.endsWith('/check-runs')) {
      const sha = await git.resolve(repo, decodeURIComponent(m[1] ?? ''));
      const tree = await git.treeOf(repo, sha);
      return send(200, { sha, url: `${origin}${API_PREFIX}/repos/${full}/commits/${sha}`, commit: { tree: { sha: tree }, message: await git.message(repo, sha) }, parents: [] });
    }
    if ((m = /^\/compare\/([^/]+)\.\.\.([^/]+)$/.exec(rest)) && method === 'GET') {
      const [base, head] = await Promise.all([git.resolve(repo, decodeURIComponent(m[1] ?? '')), git.resolve(repo, decodeURIComponent(m[2] ?? ''))]);
      const mergeBase = (await run(repo.gitDir, ['merge-base', base, head])).toString('utf8').trim();
      return send(200, { status: mergeBase === head ? (base === head ? 'identical' : 'behind') : mergeBase === base ? 'ahead' : 'diverged', base_commit: { sha: base }, merge_base_commit: { sha: mergeBase }, files: await git.pullFiles(repo, base, head) });
    }
    if ((m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const sha = await git.resolve(repo, m[1] ?? '');
      return send(200, { sha, tree: { sha: await git.treeOf(repo, sha) }, message: await git.message(repo, sha), parents: [] });
    }
    if ((m = /^\/git\/(?:ref|refs)\/(.+)$/.exec(rest)) && method === 'GET') {
      const ref = decodeURIComponent(m[1] ?? '');
      const sha = await git.resolve(repo, `refs/${ref}`);
      return send(200, { ref: `refs/${ref}`, object: { sha, type: 'commit' } });
    }
    if ((m = /^\/git\/trees\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const recursive = q.has('recursive') && q.get('recursive') !== '0' && q.get('recursive') !== 'false';
      return send(200, await git.tree(repo, decodeURIComponent(m[1] ?? ''), recursive, `${origin}${API_PREFIX}/repos/${full}`));
    }
    if ((m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const bytes = await git.blob(repo, m[1] ?? '');
      if (/raw/.test(String(req.headers.accept))) return send(200, bytes);
      return send(200, { sha: m[1], node_id: '', size: bytes.length, encoding: 'base64', content: bytes.toString('base64') });
    }
    if ((m = /^\/contents\/(.*)$/.exec(rest)) && method === 'GET') {
      const file = decodeURIComponent(m[1] ?? '');
      const sha = await git.resolve(repo, q.get('ref') ?? repo.defaultBranch);
      const entry = await git.entry(repo, sha, file);
      if (entry === undefined) throw new HttpError(404, 'Not Found');
      if (entry.type === 'tree') {
        return send(200, (await git.listDir(repo, sha, file)).map((e) => ({ type: e.type === 'tree' ? 'dir' : 'file', name: e.path.split('/').pop(), path: e.path, sha: e.sha })));
      }
      const bytes = await git.blob(repo, entry.sha);
      if (/raw/.test(String(req.headers.accept))) return send(200, bytes.toString('utf8'));
      return send(200, { type: 'file', encoding: 'base64', size: bytes.length, name: file.split('/').pop(), path: file, sha: entry.sha, content: bytes.toString('base64') });
    }
    if ((m = /^\/tarball\/(.+)$/.exec(rest)) && method === 'GET') {
      const sha = await git.resolve(repo, decodeURIComponent(m[1] ?? ''));
      record.status = 302;
      return send(302, '', { location: `${origin}/_codeload/${repo.owner}/${repo.name}/legacy.tar.gz/${sha}` });
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === 'GET') {
      const login = decodeURIComponent(m[1] ?? '');
      const permission = repo.permissions?.[login] ?? 'none';
      const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      return send(200, { permission: legacy, role_name: permission, user: { login, type: 'User' } });
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest)) && method === 'POST') {
      const content = isRecord(body) && typeof body.content === 'string' ? body.content : '';
      reactions.push({ repo: full, commentId: Number(m[1]), content });
      events.emit('reaction');
      return send(201, { id: nextId++, content, user: { login: 'preadmit[bot]', type: 'Bot' } });
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') return send(200, comments.filter((c) => c.repo === full && c.issue === issue).map(commentJson));
      if (method === 'POST') {
        const text = isRecord(body) && typeof body.body === 'string' ? body.body : '';
        const c: RecordedComment = { id: nextId++, repo: full, issue, body: text, user: 'preadmit[bot]' };
        comments.push(c);
        events.emit('comment', c);
        return send(201, commentJson(c));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = comments.find((x) => x.id === Number(m?.[1]));
      if (!c) throw new HttpError(404, 'Not Found');
      if (isRecord(body) && typeof body.body === 'string') c.body = body.body;
      return send(200, commentJson(c));
    }
    if (rest === '/check-runs' && method === 'POST') {
      if (!isRecord(body) || typeof body.name !== 'string' || typeof body.head_sha !== 'string') throw new HttpError(422, 'Invalid request: name and head_sha are required');
      const run: RecordedCheckRun = {
        id: nextId++,
        repo: full,
        name: body.name,
        head_sha: body.head_sha,
        status: 'queued',
        conclusion: null,
        output: { title: null, summary: null, annotations: [] },
        updates: [],
        createdAt: Date.now(),
      };
      applyCheckRunUpdate(run, body);
      checkRuns.push(run);
      events.emit('check_run', run);
      return send(201, checkRunJson(run));
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = checkRuns.find((r) => r.id === Number(m?.[1]) && r.repo === full);
      if (!run) throw new HttpError(404, 'Not Found');
      if (method === 'GET') return send(200, checkRunJson(run));
      if (method === 'PATCH') {
        if (!isRecord(body)) throw new HttpError(422, 'Invalid request');
        applyCheckRunUpdate(run, body);
        events.emit('check_run', run);
        return send(200, checkRunJson(run));
      }
    }
    if ((m = /^\/check-runs\/(\d+)\/annotations$/.exec(rest)) && method === 'GET') {
      const run = checkRuns.find((r) => r.id === Number(m?.[1]) && r.repo === full);
      if (!run) throw new HttpError(404, 'Not Found');
      return send(200, run.output.annotations);
    }
    if ((m = /^\/commits\/(.+)\/check-runs$/.exec(rest)) && method === 'GET') {
      const sha = await git.resolve(repo, decodeURIComponent(m[1] ?? ''));
      const runs = checkRuns.filter(
        (r) =>
          r.repo === full &&
          r.head_sha === sha &&
          (!q.get('status') || r.status === q.get('status')) &&
          (!q.get('check_name') || r.name === q.get('check_name')) &&
          (!q.get('app_id') || String(r.appId ?? options.appId) === q.get('app_id')),
      );
      return send(200, { total_count: runs.length, check_runs: runs.map(checkRunJson) });
    }
    throw new HttpError(404, 'Not Found');
  }

  function applyCheckRunUpdate(run: RecordedCheckRun, body: Record<string, unknown>): void {
    // GitHub's rules are checked before anything changes: a refused update leaves the run as it was.
    const change = checkRunChange(run, body);
    run.updates.push(structuredClone(body));
    Object.assign(run, change.strings);
    if (Array.isArray(body.actions)) run.actions = body.actions;
    run.status = change.status;
    run.conclusion = change.conclusion;
    if (change.output !== undefined) {
      const { title, summary, text, annotations } = change.output;
      if (title !== undefined) run.output.title = title;
      if (summary !== undefined) run.output.summary = summary;
      if (text !== undefined) run.output.text = text;
      // Annotations append across updates, as on GitHub.
      run.output.annotations.push(...(annotations as unknown as CheckRunAnnotationRecord[]));
    }
    if (run.status === 'completed' && run.completedAt === undefined) run.completedAt = Date.now();
  }

  function checkRunJson(run: RecordedCheckRun): Record<string, unknown> {
    return {
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion,
      details_url: run.details_url ?? null,
      external_id: run.external_id ?? null,
      started_at: run.started_at ?? null,
      completed_at: run.completed_at ?? null,
      html_url: `${origin}/${run.repo}/runs/${run.id}`,
      url: `${origin}${API_PREFIX}/repos/${run.repo}/check-runs/${run.id}`,
      output: { title: run.output.title, summary: run.output.summary, text: run.output.text ?? null, annotations_count: run.output.annotations.length },
      app: run.appId === undefined || run.appId === options.appId ? { id: options.appId, slug: 'preadmit', name: 'preadmit' } : { id: run.appId, slug: `app-${run.appId}`, name: `app ${run.appId}` },
      check_suite: { id: 1 },
      pull_requests: [],
    };
  }

  function commentJson(c: RecordedComment): Record<string, unknown> {
    return { id: c.id, body: c.body, user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' }, html_url: `${origin}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}` };
  }

  function repoOf(fullName: string): StandinRepo {
    const r = repos.get(fullName.toLowerCase());
    if (!r) throw new HttpError(404, 'Not Found');
    return r;
  }

  function pullOf(repo: StandinRepo, n: number): StandinPull {
    const pull = repo.pulls.find((x) => x.number === n);
    if (!pull) throw new HttpError(404, 'Not Found');
    return pull;
  }

  function repoJson(repo: StandinRepo): Record<string, unknown> {
    return {
      id: 4242,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner, type: 'Organization' },
      private: repo.private ?? false,
      default_branch: repo.defaultBranch,
      html_url: `${origin}/${repo.owner}/${repo.name}`,
      fork: false,
    };
  }

  async function pullJson(repo: StandinRepo, pull: StandinPull): Promise<Record<string, unknown>> {
    const [baseSha, headSha] = await Promise.all([git.resolve(repo, pull.base), git.resolve(repo, pull.head)]);
    const files = await git.pullFiles(repo, baseSha, headSha);
    const headRepo = pull.headRepo ?? `${repo.owner}/${repo.name}`;
    const [headOwner = '', headName = ''] = headRepo.split('/');
    return {
      number: pull.number,
      state: 'open',
      draft: false,
      title: pull.title ?? `PR ${pull.number}`,
      user: { login: pull.author, type: 'User' },
      html_url: `${origin}/${repo.owner}/${repo.name}/pull/${pull.number}`,
      head: { ref: pull.head, sha: headSha, label: `${headOwner}:${pull.head}`, repo: { ...repoJson(repo), name: headName, full_name: headRepo, owner: { login: headOwner }, fork: headRepo !== `${repo.owner}/${repo.name}` } },
      base: { ref: pull.base, sha: baseSha, label: `${repo.owner}:${pull.base}`, repo: repoJson(repo) },
      changed_files: files.length,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    host: `127.0.0.1:${port}`,
    apiUrl: `${origin}${API_PREFIX}`,
    requests,
    checkRuns,
    comments,
    reactions,
    events,
    repo: repoOf,
    addCheckRun(fullName, fields) {
      const repo = repoOf(fullName);
      const run: RecordedCheckRun = {
        id: nextId++,
        repo: `${repo.owner}/${repo.name}`,
        name: fields.name ?? 'preadmit',
        head_sha: fields.head_sha,
        status: fields.status,
        conclusion: fields.conclusion ?? null,
        ...(fields.appId !== undefined ? { appId: fields.appId } : {}),
        ...(fields.external_id !== undefined ? { external_id: fields.external_id } : {}),
        started_at: new Date().toISOString(),
        output: { title: 'Simulating Gatekeeper admission…', summary: null, annotations: [] },
        updates: [],
        createdAt: Date.now(),
      };
      checkRuns.push(run);
      return run;
    },
    addComment(fullName, issue, user, body) {
      const repo = repoOf(fullName);
      const c: RecordedComment = { id: nextId++, repo: `${repo.owner}/${repo.name}`, issue, body, user };
      comments.push(c);
      return c;
    },
    failNext(method, path, times, status, delayMs = 0) {
      failures.push({ method, path, left: times, status, delayMs });
    },
    waitForCheckRun(predicate, timeoutMs = 60_000) {
      const found = checkRuns.find((r) => r.status === 'completed' && predicate(r));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('check_run', listener);
          reject(new Error(`no completed check run matched within ${timeoutMs} ms (${checkRuns.length} run(s) recorded: ${checkRuns.map((r) => `${r.id} ${r.status}/${r.conclusion}`).join(', ')})`));
        }, timeoutMs);
        const listener = (run: RecordedCheckRun): void => {
          if (run.status === 'completed' && predicate(run)) {
            clearTimeout(timer);
            events.off('check_run', listener);
            resolve(run);
          }
        };
        events.on('check_run', listener);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One page of a listing (`per_page`, `page`), with GitHub's `link` header when more follow. */
function sendPage<T>(all: T[], q: URLSearchParams, send: (status: number, data: unknown, headers?: Record<string, string>) => void, base: string, wrap: (items: T[]) => unknown): void {
  const { items, per, page, last } = pageOf(all, q);
  const rest = [...q].filter(([k]) => k !== 'page' && k !== 'per_page').map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('');
  const link: Record<string, string> = page < last ? { link: `<${base}?per_page=${per}&page=${page + 1}${rest}>; rel="next", <${base}?per_page=${per}&page=${last}${rest}>; rel="last"` } : {};
  send(200, wrap(items), link);
}

/** Verifies an RS256 app JWT: signature by the app's key, issuer = app id, not expired. */
function verifyJwt(jwt: string, key: KeyObject, appId: number): boolean {
  const [h = '', p = '', s = ''] = jwt.split('.');
  try {
    const ok = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
    if (!ok) return false;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
    return String(payload.iss) === String(appId) && typeof payload.exp === 'number' && payload.exp * 1000 > Date.now() - 60_000;
  } catch {
    return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface GitEntry {
  mode: string;
  type: string;
  sha: string;
  path: string;
  size?: number;
}

/** git reads, cached by immutable sha. */
class GitCache {
  readonly #cache = new Map<string, Promise<unknown>>();

  #memo<T>(key: string, f: () => Promise<T>): Promise<T> {
    let p = this.#cache.get(key) as Promise<T> | undefined;
    if (p === undefined) {
      p = f();
      this.#cache.set(key, p);
      p.catch(() => this.#cache.delete(key));
    }
    return p;
  }

  /**
   * The commit `ref` names now. A branch or tag is looked up in the ref files (live, so a moved branch is
   * seen at once) and the object it names is peeled once per sha; anything else asks git. Spawning git
   * for every request made the stand-in, not the app, the bottleneck of `bench:app` on a small machine.
   */
  async resolve(repo: StandinRepo, ref: string): Promise<string> {
    if (ref === '' || ref.startsWith('-')) throw new HttpError(404, 'No commit found');
    const named = /^[0-9a-f]{40}$/.test(ref) ? ref : await readRef(repo.gitDir, ref);
    const sha = await this.#memo(`commit:${repo.gitDir}:${named ?? ref}`, async () => {
      const out = await run(repo.gitDir, ['rev-parse', '--verify', '--quiet', `${named ?? ref}^{commit}`]).catch(() => undefined);
      const peeled = out?.toString('utf8').trim();
      if (!peeled || !/^[0-9a-f]{40}$/.test(peeled)) throw new HttpError(422, `No commit found for SHA: ${ref}`);
      return peeled;
    });
    // Only shas are immutable: a symbolic or relative name (HEAD, main~1) is asked again next time.
    if (named === undefined && !/^[0-9a-f]{40}$/.test(ref)) this.#cache.delete(`commit:${repo.gitDir}:${ref}`);
    return sha;
  }

  treeOf(repo: StandinRepo, sha: string): Promise<string> {
    return this.#memo(`treeof:${repo.gitDir}:${sha}`, async () => (await run(repo.gitDir, ['rev-parse', `${sha}^{tree}`])).toString('utf8').trim());
  }

  message(repo: StandinRepo, sha: string): Promise<string> {
    return this.#memo(`msg:${repo.gitDir}:${sha}`, async () => (await run(repo.gitDir, ['log', '-1', '--format=%B', sha])).toString('utf8').trim());
  }

  tree(repo: StandinRepo, ish: string, recursive: boolean, apiBase: string): Promise<Record<string, unknown>> {
    return this.#memo(`tree:${repo.gitDir}:${ish}:${recursive}`, async () => {
      if (!/^[0-9a-f]{40}$/.test(ish)) ish = await this.resolve(repo, ish);
      const sha = (await run(repo.gitDir, ['rev-parse', `${ish}^{tree}`]).catch(() => {
        throw new HttpError(404, 'Not Found');
      }))
        .toString('utf8')
        .trim();
      const entries = await this.#lsTree(repo, sha, recursive ? ['-r', '-t'] : []);
      return {
        sha,
        url: `${apiBase}/git/trees/${sha}`,
        tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.type === 'blob' ? { size: e.size, url: `${apiBase}/git/blobs/${e.sha}` } : { url: `${apiBase}/git/trees/${e.sha}` }) })),
        truncated: false,
      };
    });
  }

  async #lsTree(repo: StandinRepo, treeish: string, flags: string[], pathspec?: string): Promise<GitEntry[]> {
    const out = (await run(repo.gitDir, ['ls-tree', '-z', '-l', ...flags, treeish, ...(pathspec !== undefined ? ['--', pathspec] : [])])).toString('utf8');
    return out
      .split('\0')
      .filter(Boolean)
      .map((rec) => {
        const tab = rec.indexOf('\t');
        const [mode = '', type = '', sha = '', size = '-'] = rec.slice(0, tab).split(/ +/);
        return { mode, type, sha, path: rec.slice(tab + 1), ...(size !== '-' ? { size: Number(size) } : {}) };
      });
  }

  async entry(repo: StandinRepo, commit: string, file: string): Promise<GitEntry | undefined> {
    if (file === '' || file.split('/').some((s) => s === '..' || s === '')) return undefined;
    const list = () => this.#lsTree(repo, commit, [], file);
    const entries = /^[0-9a-f]{40}$/.test(commit) ? await this.#memo(`entry:${repo.gitDir}:${commit}:${file}`, list) : await list();
    return entries.find((e) => e.path === file);
  }

  listDir(repo: StandinRepo, commit: string, dir: string): Promise<GitEntry[]> {
    return this.#lsTree(repo, `${commit}:${dir}`, []).then((es) => es.map((e) => ({ ...e, path: `${dir}/${e.path}` })));
  }

  blob(repo: StandinRepo, sha: string): Promise<Buffer> {
    return this.#memo(`blob:${repo.gitDir}:${sha}`, () =>
      run(repo.gitDir, ['cat-file', 'blob', sha]).catch(() => {
        throw new HttpError(404, 'Not Found');
      }),
    );
  }

  tarball(repo: StandinRepo, sha: string): Promise<Buffer> {
    return this.#memo(`tar:${repo.gitDir}:${sha}`, () => run(repo.gitDir, ['archive', '--format=tar.gz', `--prefix=${repo.owner}-${repo.name}-${sha.slice(0, 7)}/`, sha]));
  }

  /** The PR files list: what GitHub shows between the merge base and the head. */
  pullFiles(repo: StandinRepo, base: string, head: string): Promise<Record<string, unknown>[]> {
    return this.#memo(`files:${repo.gitDir}:${base}:${head}`, async () => {
      const mergeBase = (await run(repo.gitDir, ['merge-base', base, head])).toString('utf8').trim();
      return pullFiles((await run(repo.gitDir, pullFilesDiffArgs(mergeBase, head))).toString('utf8'));
    });
  }
}

/**
 * The object a branch or tag name points at, read from the repository's ref files as git would find it
 * (`<name>`, `refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`, `refs/remotes/<name>`, loose before
 * packed); undefined when the name is not a plain ref or the git directory is not a plain one (git decides).
 */
async function readRef(dir: string, name: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9._/-]+$/.test(name) || name.includes('..') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.lock') || name === 'HEAD') return undefined;
  let gitDir = dir;
  try {
    if ((await stat(path.join(dir, '.git'))).isDirectory()) gitDir = path.join(dir, '.git');
    else return undefined; // a linked work tree: leave it to git
  } catch {
    // no .git: a bare repository
  }
  // `$GIT_DIR/<name>` comes first in git's order (FETCH_HEAD and the like): leave such names to git.
  if (!name.startsWith('refs/') && (await stat(path.join(gitDir, name)).then(() => true, () => false))) return undefined;
  let packed: Map<string, string> | undefined;
  const candidates = name.startsWith('refs/') ? [name] : [`refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`];
  for (const candidate of candidates) {
    const loose = await readFile(path.join(gitDir, ...candidate.split('/')), 'utf8').catch(() => undefined);
    if (loose !== undefined) {
      const sha = loose.trim();
      return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined; // a symbolic ref: git decides
    }
    packed ??= await readPackedRefs(gitDir);
    const sha = packed.get(candidate);
    if (sha !== undefined) return sha;
  }
  return undefined;
}

async function readPackedRefs(gitDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await readFile(path.join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{40}) (refs\/\S+)$/.exec(line);
    if (m) out.set(m[2] ?? '', m[1] ?? '');
  }
  return out;
}

function run(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', cwd, ...args], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (e, stdout, stderr) => {
      if (e) reject(new Error(`git ${args[0]}: ${stderr.toString('utf8').trim() || e.message}`));
      else resolve(stdout);
    });
  });
}
