// What restart recovery (app/recovery.ts) lists of GitHub: the app's installations, an installation's
// repositories, a repository's open pull requests and merge-queue branches, this app's check runs on a commit,
// and the commit a ref points at (a merge group's branch).
// Listings are paged (100 a page) up to a limit, never past MAX_PAGES (a server that always answers a full page
// must not loop us), and stop between pages once `signal` aborts; `signal` also aborts the request in flight.
// Each page is validated where it arrives: an answer that is not the documented listing is a GitHubApiError
// naming the request; an entry of it without the fields read is skipped (one odd entry does not hide the rest).
import { z } from 'zod/v4';
import type { GitHubRequester } from './client.ts';
import { requestName, statusOf } from './errors.ts';
import { GitRefAnswer, parseAnswer } from './schemas.ts';

const PER_PAGE = 100;
/** A listing is never followed past this many pages. */
const MAX_PAGES = 100;

export interface ListOptions {
  /** Entries listed at most (default: all, up to MAX_PAGES pages). */
  limit?: number;
  /** Aborts the request in flight and stops the listing between pages. */
  signal?: AbortSignal;
}

/** What a listing found; `more` when `limit` stopped it before the end. */
export interface Listed<T> {
  items: T[];
  more: boolean;
}

const nonEmpty = z.string().min(1);

const InstallationEntry = z.object({ id: z.number().int(), account: z.object({ login: z.string().optional() }).nullish(), suspended_at: z.unknown().optional() });
const RepositoryEntry = z.object({
  name: nonEmpty,
  owner: z.object({ login: nonEmpty }),
  default_branch: z.string().optional(),
  html_url: z.string().optional(),
  archived: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
const PullRequestEntry = z.object({ number: z.number().int(), head: z.object({ sha: nonEmpty }), base: z.object({ sha: nonEmpty, ref: nonEmpty }) });
const RefEntry = z.object({ ref: nonEmpty, object: z.object({ sha: nonEmpty }) });
const CheckRunEntry = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  head_sha: z.string().nullish(),
  external_id: z.string().nullish(),
  app: z.object({ id: z.number().int() }).nullish(),
});

export interface Installation {
  id: number;
  account: string | undefined;
  /** A suspended installation gets no token. */
  suspended: boolean;
}

export interface InstalledRepository {
  owner: string;
  name: string;
  /** `main` when GitHub does not say. */
  defaultBranch: string;
  htmlUrl: string | undefined;
  /** Archived or disabled: no checks run there. */
  inactive: boolean;
}

export interface OpenPullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
}

export interface CheckRunEntry {
  id: number;
  name: string;
  status: string;
  headSha: string | undefined;
  externalId: string | undefined;
  appId: number | undefined;
}

/** Pages of `route` until a short page, `limit` entries or MAX_PAGES; `page` picks the entries out of an answer. */
async function listPages<S extends z.ZodType, T>(gh: GitHubRequester, route: string, params: Record<string, unknown>, page: z.ZodType<unknown[]>, entry: S, read: (e: z.output<S>) => T, options: ListOptions): Promise<Listed<T>> {
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  const out: T[] = [];
  let seen = 0;
  for (let n = 1; n <= MAX_PAGES; n++) {
    if (options.signal?.aborted) return { items: out, more: false };
    const query = { ...params, per_page: PER_PAGE, page: n };
    const res = await gh.request(route, { ...query, ...(options.signal !== undefined ? { request: { signal: options.signal } } : {}) });
    const got = parseAnswer(page, res.data, requestName(route, query));
    for (const raw of got) {
      if (seen >= limit) return { items: out, more: true };
      seen++;
      const parsed = entry.safeParse(raw);
      if (parsed.success) out.push(read(parsed.data));
    }
    if (got.length < PER_PAGE) return { items: out, more: false };
  }
  return { items: out, more: seen >= limit };
}

const list = z.array(z.unknown());

/** `GET /app/installations` (with the app's JWT client). */
export function listInstallations(app: GitHubRequester, options: ListOptions = {}): Promise<Listed<Installation>> {
  return listPages(app, 'GET /app/installations', {}, list, InstallationEntry, (i) => ({ id: i.id, account: i.account?.login || undefined, suspended: i.suspended_at != null }), options);
}

/** `GET /installation/repositories` (with an installation's client). */
export function listInstallationRepositories(gh: GitHubRequester, options: ListOptions = {}): Promise<Listed<InstalledRepository>> {
  const page = z.object({ repositories: list }).transform((d) => d.repositories);
  return listPages(
    gh,
    'GET /installation/repositories',
    {},
    page,
    RepositoryEntry,
    (r) => ({ owner: r.owner.login, name: r.name, defaultBranch: r.default_branch || 'main', htmlUrl: r.html_url || undefined, inactive: r.archived === true || r.disabled === true }),
    options,
  );
}

/** A repository's open pull requests, most recently updated first. */
export function listOpenPullRequests(gh: GitHubRequester, owner: string, repo: string, options: ListOptions = {}): Promise<Listed<OpenPullRequest>> {
  return listPages(
    gh,
    'GET /repos/{owner}/{repo}/pulls',
    { owner, repo, state: 'open', sort: 'updated', direction: 'desc' },
    list,
    PullRequestEntry,
    (p) => ({ number: p.number, headSha: p.head.sha, baseSha: p.base.sha, baseRef: p.base.ref }),
    options,
  );
}

/** The prefix of a merge queue's branches: `gh-readonly-queue/<base>/pr-<n>-<sha>` while the group exists. */
const MERGE_QUEUE_PREFIX = 'gh-readonly-queue/';

/** A repository's merge-queue branches (`refs/heads/gh-readonly-queue/...`) and their commits; none without a queue. */
export async function listMergeQueueRefs(gh: GitHubRequester, owner: string, repo: string, options: Pick<ListOptions, 'signal'> = {}): Promise<{ ref: string; sha: string }[]> {
  const route = 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}';
  const params = { owner, repo, ref: `heads/${MERGE_QUEUE_PREFIX}` };
  let data: unknown;
  try {
    data = (await gh.request(route, { ...params, ...(options.signal !== undefined ? { request: { signal: options.signal } } : {}) })).data;
  } catch (e) {
    // A repository without a merge queue has no such refs; GitHub answers [] (some servers 404).
    if (statusOf(e) === 404) return [];
    throw e;
  }
  return parseAnswer(list, data, requestName(route, params)).flatMap((raw) => {
    const r = RefEntry.safeParse(raw);
    return r.success && r.data.ref.startsWith(`refs/heads/${MERGE_QUEUE_PREFIX}`) ? [{ ref: r.data.ref, sha: r.data.object.sha }] : [];
  });
}

/** `GET /repos/{o}/{r}/commits/{ref}/check-runs` filtered by name, status and app (every run, not only the latest). */
export function listCheckRuns(
  gh: GitHubRequester,
  target: { owner: string; repo: string; ref: string; checkName: string; status: 'queued' | 'in_progress' | 'completed'; appId: number },
  options: ListOptions = {},
): Promise<Listed<CheckRunEntry>> {
  const page = z.object({ check_runs: list }).transform((d) => d.check_runs);
  return listPages(
    gh,
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    { owner: target.owner, repo: target.repo, ref: target.ref, check_name: target.checkName, status: target.status, filter: 'all', app_id: target.appId },
    page,
    CheckRunEntry,
    (r) => ({ id: r.id, name: r.name, status: r.status, headSha: r.head_sha || undefined, externalId: r.external_id || undefined, appId: r.app?.id }),
    options,
  );
}

/** The commit `ref` (`refs/heads/...` or `heads/...`) points at, or undefined when there is no such ref. */
export async function readRefSha(gh: GitHubRequester, owner: string, repo: string, ref: string, options: Pick<ListOptions, 'signal'> = {}): Promise<string | undefined> {
  const route = 'GET /repos/{owner}/{repo}/git/ref/{ref}';
  const params = { owner, repo, ref: ref.replace(/^refs\//, '') };
  try {
    const res = await gh.request(route, { ...params, ...(options.signal !== undefined ? { request: { signal: options.signal } } : {}) });
    return parseAnswer(GitRefAnswer, res.data, requestName(route, params)).object.sha;
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}
