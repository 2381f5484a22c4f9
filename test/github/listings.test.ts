// What restart recovery lists of GitHub (src/github/listings.ts), read with the production client from the fake
// GitHub in nock: paging up to a limit, entries without the fields read skipped, an answer that is no listing
// refused naming the request, a repository without a merge queue, and aborting between pages.
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { restClient, type RestClient } from '../../src/github/client.ts';
import { GitHubApiError } from '../../src/github/errors.ts';
import { listCheckRuns, listInstallationRepositories, listInstallations, listMergeQueueRefs, listOpenPullRequests, readRefSha } from '../../src/github/listings.ts';
import { buildRepo } from '../support/git-repo.ts';
import { GitHubModel } from '../support/github/model.ts';
import { interceptWithNock } from '../support/github/nock.ts';

const API = 'https://api.github.com';
const TOKEN = 'ci-token-0123456789abcdef';
const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

let repo: ReturnType<typeof buildRepo>;
let github: GitHubModel;
let gh: RestClient;

beforeAll(() => {
  repo = buildRepo([
    { branch: 'main', files: { 'a.yaml': 'kind: ConfigMap\n' } },
    { branch: 'feature', files: { 'b.yaml': 'kind: Secret\n' } },
  ]);
});
afterAll(() => repo.cleanup());

beforeEach(() => {
  nock.disableNetConnect();
  github = new GitHubModel({ appId: 8, privateKeyPem: PRIVATE_KEY, acceptTokens: [TOKEN], repos: [{ owner: 'acme', name: 'gitops', gitDir: repo.dir, defaultBranch: 'main', installationId: 3, pulls: [] }] });
  interceptWithNock(github, API);
  gh = restClient({ token: TOKEN, baseUrl: API, userAgent: 'preadmit-test', log: { warn: () => undefined } }, { throttle: false, retryServerErrors: false });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const pages = (path: RegExp): string[] => github.requests.filter((r) => path.test(r.path)).map((r) => `${r.query.page}/${r.query.per_page}`);

describe('listings', () => {
  it('pages open pull requests 100 at a time up to the limit, and says when the limit stopped it', async () => {
    for (let n = 1; n <= 150; n++) github.addPull({ number: n, base: 'main', head: 'feature', author: 'dev', ...(n % 50 === 0 ? { state: 'closed' as const } : {}) });
    const all = await listOpenPullRequests(gh, 'acme', 'gitops');
    expect(all.more).toBe(false);
    expect(all.items).toHaveLength(147);
    expect(all.items[0]).toEqual({ number: 149, headSha: github.sha('feature'), baseSha: github.sha('main'), baseRef: 'main' });
    expect(pages(/\/pulls$/)).toEqual(['1/100', '2/100']);
    expect(github.requests[0]?.query).toMatchObject({ state: 'open', sort: 'updated', direction: 'desc' });

    const some = await listOpenPullRequests(gh, 'acme', 'gitops', { limit: 100 });
    expect([some.items.length, some.more]).toEqual([100, true]);
  });

  it('skips entries without the fields it reads and refuses an answer that is no listing, naming the request', async () => {
    github.failNext('GET', /^\/repos\/acme\/gitops\/pulls\?/, 1, 200, [{ number: 1, head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40), ref: 'main' } }, { number: 2, head: {} }, 'junk', { number: 3, head: { sha: 'c'.repeat(40) }, base: { sha: 'd'.repeat(40), ref: 'dev' } }]);
    expect((await listOpenPullRequests(gh, 'acme', 'gitops')).items.map((p) => p.number)).toEqual([1, 3]);

    github.failNext('GET', /^\/installation\/repositories/, 1, 200, { total_count: 1, repos: [] });
    const refused = await listInstallationRepositories(gh).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GitHubApiError);
    expect((refused as Error).message).toMatch(/^GET \/installation\/repositories\?per_page=100&page=1: .*repositories/);
  });

  it('reads installations and repositories as the scan needs them', async () => {
    github.failNext('GET', /^\/app\/installations/, 1, 200, [{ id: 1, account: { login: 'acme' }, suspended_at: null }, { id: 2, account: null, suspended_at: '2026-01-01T00:00:00Z' }, { account: { login: 'no-id' } }]);
    expect((await listInstallations(gh)).items).toEqual([
      { id: 1, account: 'acme', suspended: false },
      { id: 2, account: undefined, suspended: true },
    ]);
    github.failNext('GET', /^\/installation\/repositories/, 1, 200, {
      total_count: 3,
      repositories: [{ name: 'a', owner: { login: 'acme' }, html_url: 'https://github.com/acme/a' }, { name: 'b', owner: { login: 'acme' }, default_branch: 'trunk', archived: true }, { name: '', owner: { login: 'acme' } }],
    });
    expect((await listInstallationRepositories(gh)).items).toEqual([
      { owner: 'acme', name: 'a', defaultBranch: 'main', htmlUrl: 'https://github.com/acme/a', inactive: false },
      { owner: 'acme', name: 'b', defaultBranch: 'trunk', htmlUrl: undefined, inactive: true },
    ]);
  });

  it('merge-queue branches: GitHub’s refs under gh-readonly-queue/, none when the server answers 404', async () => {
    expect(await listMergeQueueRefs(gh, 'acme', 'gitops')).toEqual([]);
    const ref = `refs/heads/gh-readonly-queue/main/pr-4-${github.sha('feature')}`;
    github.setRef(ref, github.sha('feature'));
    expect(await listMergeQueueRefs(gh, 'acme', 'gitops')).toEqual([{ ref, sha: github.sha('feature') }]);
    expect(await readRefSha(gh, 'acme', 'gitops', ref)).toBe(github.sha('feature'));
    expect(await readRefSha(gh, 'acme', 'gitops', 'refs/heads/gone')).toBeUndefined();
    github.failNext('GET', /matching-refs/, 1, 404);
    expect(await listMergeQueueRefs(gh, 'acme', 'gitops')).toEqual([]);
    github.failNext('GET', /matching-refs/, 1, 500);
    await expect(listMergeQueueRefs(gh, 'acme', 'gitops')).rejects.toMatchObject({ status: 500 });
  });

  it('check runs of a commit: every run (filter=all) of the given name, status and app', async () => {
    const sha = github.sha('feature');
    const first = github.addRun({ head_sha: sha, external_id: 'pr/1' });
    const second = github.addRun({ head_sha: sha });
    github.addRun({ head_sha: sha, appId: 9 });
    github.addRun({ head_sha: sha, status: 'completed', conclusion: 'success' });
    const listed = await listCheckRuns(gh, { owner: 'acme', repo: 'gitops', ref: sha, checkName: 'preadmit', status: 'in_progress', appId: 8 });
    expect(listed.items).toEqual([
      { id: first.id, name: 'preadmit', status: 'in_progress', headSha: sha, externalId: 'pr/1', appId: 8 },
      { id: second.id, name: 'preadmit', status: 'in_progress', headSha: sha, externalId: undefined, appId: 8 },
    ]);
    expect(github.requests.at(-1)?.query).toMatchObject({ filter: 'all', app_id: '8', check_name: 'preadmit', status: 'in_progress' });
  });

  it('an aborted signal stops the listing between pages and aborts the request in flight', async () => {
    for (let n = 1; n <= 150; n++) github.addPull({ number: n, base: 'main', head: 'feature', author: 'dev' });
    const stop = new AbortController();
    stop.abort();
    expect(await listOpenPullRequests(gh, 'acme', 'gitops', { signal: stop.signal })).toEqual({ items: [], more: false });
    expect(github.requests).toEqual([]);

    const slow = new AbortController();
    github.failNext('GET', /\/pulls\?/, 1, 200, [], { delayMs: 3_000 });
    const listing = listOpenPullRequests(gh, 'acme', 'gitops', { signal: slow.signal });
    while (github.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    slow.abort();
    await expect(listing).rejects.toThrow(/abort/i);
  });
});
