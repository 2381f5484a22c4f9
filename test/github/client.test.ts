// The client both front doors use (src/github/client.ts): Octokit's official throttling and retry plugins with
// preadmit's policy, over real HTTP (nock). Rate limits wait what GitHub asks (up to a maximum), plain 403s and
// other 4xx are answers, 5xx are retried when asked to.
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restClient, withClientPolicy, type GitHubClientPolicy } from '../../src/github/client.ts';
import { statusOf } from '../../src/github/errors.ts';
import { buildRepo } from '../support/git-repo.ts';
import { GitHubModel } from '../support/github/model.ts';
import { interceptWithNock } from '../support/github/nock.ts';

const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

const API = 'https://api.github.test';
const SECONDARY = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };

/** A client whose rate-limit waits are recorded, not waited. */
function client(policy: GitHubClientPolicy = {}): { gh: ReturnType<typeof restClient>; waits: number[] } {
  const waits: number[] = [];
  const gh = restClient({ baseUrl: API, userAgent: 'preadmit-test', log: { warn: () => undefined } }, { sleep: async (ms) => void waits.push(ms), ...policy });
  return { gh, waits };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('rate limits', () => {
  it("follows a secondary limit's retry-after (403 or 429), and waits a minute when it names none", async () => {
    const scope = nock(API)
      .get('/repos/a/r').reply(403, SECONDARY, { 'retry-after': '30' })
      .get('/repos/a/r').reply(429, SECONDARY)
      .get('/repos/a/r').reply(200, { default_branch: 'main' });
    const { gh, waits } = client();
    const res = await gh.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'r' });
    expect(res.data).toEqual({ default_branch: 'main' });
    expect(waits).toEqual([30_000, 60_000]);
    expect(scope.isDone()).toBe(true);
  });

  it('waits for x-ratelimit-reset when the primary limit is exhausted', async () => {
    const reset = Math.floor(Date.now() / 1000) + 10;
    nock(API)
      .get('/rate').reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) })
      .get('/rate').reply(200, {});
    const { gh, waits } = client();
    await gh.request('GET /rate');
    expect(waits).toHaveLength(1);
    // One second after the reset, counted from now in whole seconds.
    expect(waits[0]).toBeGreaterThanOrEqual(10_000);
    expect(waits[0]).toBeLessThanOrEqual(12_000);
  });

  it('leaves plain 403s and other 4xx alone (permissions and validation are answers, not load)', async () => {
    for (const [status, body] of [
      [403, { message: 'Resource not accessible by integration' }],
      [422, { message: 'Validation Failed' }],
      [404, { message: 'Not Found' }],
    ] as const) {
      const scope = nock(API).get('/x').reply(status, body);
      const { gh, waits } = client({ retryServerErrors: true });
      const e = await gh.request('GET /x').catch((err: unknown) => err);
      expect(statusOf(e)).toBe(status);
      expect(waits).toEqual([]);
      expect(scope.isDone()).toBe(true);
      expect(nock.pendingMocks()).toEqual([]);
    }
  });

  it('gives up at once when GitHub asks for a longer wait than allowed', async () => {
    nock(API).get('/x').reply(403, SECONDARY, { 'retry-after': '3600' });
    const interceptor = nock(API).get('/x').reply(200, {});
    const { gh, waits } = client();
    const e = await gh.request('GET /x').catch((err: unknown) => err);
    expect(statusOf(e)).toBe(403);
    expect(waits).toEqual([]);
    expect(interceptor.isDone()).toBe(false); // one request only
  });

  it('gives up after its attempts', async () => {
    nock(API).get('/x').times(3).reply(403, SECONDARY, { 'retry-after': '1' });
    const after = nock(API).get('/x').reply(200, {});
    const { gh, waits } = client({ attempts: 3 });
    expect(statusOf(await gh.request('GET /x').catch((err: unknown) => err))).toBe(403);
    expect(waits).toEqual([1000, 1000]);
    expect(after.isDone()).toBe(false);
  });

  it('tells onRetry which request waits and why', async () => {
    nock(API).get('/repos/a/r/pulls/1').reply(403, SECONDARY, { 'retry-after': '2' }).get('/repos/a/r/pulls/1').reply(200, {});
    const seen: unknown[] = [];
    const { gh } = client({ onRetry: (r) => seen.push(r) });
    await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: 'a', repo: 'r', pull_number: 1 });
    expect(seen).toEqual([{ route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', limit: 'secondary rate limit', waitMs: 2000, attempt: 1 }]);
  });
});

describe('server errors', () => {
  it('retries 5xx when asked to, and not otherwise', async () => {
    nock(API).get('/x').reply(502, { message: 'Server Error' }).get('/x').reply(200, { ok: true });
    expect((await client({ retryServerErrors: true }).gh.request('GET /x')).data).toEqual({ ok: true });
    nock(API).get('/y').reply(502, { message: 'Server Error' });
    const later = nock(API).get('/y').reply(200, {});
    expect(statusOf(await client({ retryServerErrors: false }).gh.request('GET /y').catch((err: unknown) => err))).toBe(502);
    expect(later.isDone()).toBe(false);
  });
});

describe('withClientPolicy', () => {
  it("keeps what the base class put into throttle (Probot's Redis connection) and sets the handlers", () => {
    const connection = { redis: true };
    const merged = withClientPolicy({ throttle: { connection, id: '77' }, userAgent: 'x' });
    expect(merged.userAgent).toBe('x');
    expect(merged.throttle).toMatchObject({ connection, id: '77', enabled: true, onSecondaryRateLimit: expect.any(Function), onRateLimit: expect.any(Function) });
    expect(merged.retry).toMatchObject({ enabled: true });
    expect(withClientPolicy({ throttle: { connection } }, { throttle: false, retryServerErrors: false })).toMatchObject({ throttle: { connection, enabled: false }, retry: { enabled: false } });
  });
});

describe("against the fake GitHub's primary rate limit", () => {
  it('gives up at once when the limit resets later than the longest wait allowed, and reads the headers GitHub sends', async () => {
    const repo = buildRepo([{ branch: 'main', files: { 'a.yaml': 'kind: ConfigMap\n' } }]);
    try {
      const github = new GitHubModel({ appId: 1, privateKeyPem: PRIVATE_KEY, acceptTokens: ['ci-token-0123456789'], rateLimit: 2, repos: [{ owner: 'a', name: 'r', gitDir: repo.dir, defaultBranch: 'main', installationId: 1, pulls: [] }] });
      interceptWithNock(github, API);
      const waits: number[] = [];
      const gh = restClient({ token: 'ci-token-0123456789', baseUrl: API, userAgent: 'preadmit-test', log: { warn: () => undefined } }, { sleep: async (ms) => void waits.push(ms) });
      const first = await gh.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'r' });
      expect(first.headers['x-ratelimit-remaining']).toBe('1');
      await gh.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'r' });
      const e = await gh.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'r' }).catch((err: unknown) => err);
      expect(statusOf(e)).toBe(403);
      expect(String(e)).toMatch(/rate limit exceeded/);
      // The reset is an hour away: more than the 2 minutes the policy waits, so no wait and no retry.
      expect(waits).toEqual([]);
      expect(github.requests.map((r) => r.status)).toEqual([200, 200, 403]);
    } finally {
      repo.cleanup();
    }
  });
});
