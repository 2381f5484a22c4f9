// The fake GitHub itself (test/support/github): GitHub's rules hold the same through both fronts, nock (unit
// tests) and HTTP (e2e tests, the demo). Each case runs once per front against a fresh model and a real git
// repository, with plain `fetch` as the client.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRepo } from '../git-repo.ts';
import { serveOverHttp, type HttpFront } from './http.ts';
import { GitHubModel, suiteId } from './model.ts';
import { interceptWithNock } from './nock.ts';

const APP_ID = 31;
const key = (): string => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const PRIVATE_KEY = key();
const OTHER_KEY = key();
const ACCEPTED = 'accepted-token-0123456789';

/** An app JWT as Octokit's app auth makes it (RS256, issuer = app id). */
function appJwt(privateKey: string, appId = APP_ID): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: appId })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

let repo: ReturnType<typeof buildRepo>;
beforeAll(() => {
  repo = buildRepo([
    { branch: 'main', files: { 'a.yaml': 'kind: ConfigMap\n', 'big/data.txt': 'x'.repeat(1_100_000) } },
    { branch: 'feature', files: { 'b.yaml': 'kind: Secret\n' } },
  ]);
});
afterAll(() => repo.cleanup());

interface Front {
  github: GitHubModel;
  api: string;
  close(): Promise<void>;
}

const fronts: [string, (github: GitHubModel) => Promise<Front>][] = [
  [
    'nock',
    async (github) => {
      nock.disableNetConnect();
      interceptWithNock(github, 'http://github.test/api/v3');
      return { github, api: 'http://github.test/api/v3', close: async () => void (nock.cleanAll(), nock.enableNetConnect()) };
    },
  ],
  [
    'http',
    async (github) => {
      const http: HttpFront = await serveOverHttp(github);
      return { github, api: http.apiUrl, close: () => http.close() };
    },
  ],
];

describe.each(fronts)('through the %s front', (_name, start) => {
  let front: Front;
  let github: GitHubModel;
  const make = async (options: { rateLimit?: number; tokenTtlMs?: number; treeEntryLimit?: number } = {}): Promise<void> => {
    await front?.close();
    github = new GitHubModel({
      appId: APP_ID,
      privateKeyPem: PRIVATE_KEY,
      acceptTokens: [ACCEPTED],
      repos: [{ owner: 'acme', name: 'gitops', gitDir: repo.dir, defaultBranch: 'main', installationId: 5, pulls: [] }],
      ...options,
    });
    front = await start(github);
  };
  beforeEach(() => make());
  afterEach(() => front.close());

  const call = async (method: string, path: string, body?: unknown, auth = `token ${ACCEPTED}`): Promise<{ status: number; json: any; headers: Headers }> => {
    const res = await fetch(`${front.api}${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/vnd.github+json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : JSON.parse(text), headers: res.headers };
  };
  const create = (body: Record<string, unknown>) => call('POST', '/repos/acme/gitops/check-runs', { name: 'preadmit', head_sha: github.sha('feature'), ...body });

  it('issues installation tokens only for a JWT signed with the app key; other calls need a known token', async () => {
    expect((await call('GET', '/repos/acme/gitops', undefined, '')).status).toBe(401);
    expect((await call('GET', '/repos/acme/gitops', undefined, 'token nope')).status).toBe(401);
    expect((await call('POST', '/app/installations/5/access_tokens', {}, `Bearer ${appJwt(OTHER_KEY)}`)).status).toBe(401);
    expect((await call('POST', '/app/installations/5/access_tokens', {}, `Bearer ${appJwt(PRIVATE_KEY, APP_ID + 1)}`)).status).toBe(401);
    expect((await call('GET', '/app/installations', undefined, `token ${ACCEPTED}`)).status).toBe(401);
    expect((await call('POST', '/app/installations/6/access_tokens', {}, `Bearer ${appJwt(PRIVATE_KEY)}`)).status).toBe(404);
    const issued = await call('POST', '/app/installations/5/access_tokens', {}, `Bearer ${appJwt(PRIVATE_KEY)}`);
    expect(issued.status).toBe(201);
    expect(github.tokens).toEqual([issued.json.token]);
    const repos = await call('GET', '/installation/repositories', undefined, `token ${issued.json.token}`);
    expect(repos.json).toMatchObject({ total_count: 1, repositories: [{ full_name: 'acme/gitops', default_branch: 'main' }] });
    // An accepted CI token belongs to no installation.
    expect((await call('GET', '/installation/repositories')).status).toBe(403);
    expect(github.requests.map((r) => r.auth)).toEqual(['none', 'bad', 'bad', 'bad', 'token', 'jwt', 'jwt', 'token', 'token']);
  });

  it("an installation's token reaches only its repositories, and stops working when it expires", async () => {
    await make({ tokenTtlMs: 200 });
    github.addRepo({ owner: 'other', name: 'private', gitDir: repo.dir, defaultBranch: 'main', installationId: 6, pulls: [] });
    const { token, expires_at: expiresAt } = (await call('POST', '/app/installations/5/access_tokens', {}, `Bearer ${appJwt(PRIVATE_KEY)}`)).json as { token: string; expires_at: string };
    expect((await call('GET', '/repos/acme/gitops', undefined, `token ${token}`)).status).toBe(200);
    expect((await call('GET', '/repos/other/private', undefined, `token ${token}`)).status).toBe(404);
    expect((await call('GET', '/repos/other/private')).status).toBe(200); // an accepted CI token belongs to no installation
    const listed = await call('GET', '/app/installations', undefined, `Bearer ${appJwt(PRIVATE_KEY)}`);
    expect(listed.json).toEqual([expect.objectContaining({ id: 5, account: expect.objectContaining({ login: 'acme' }) }), expect.objectContaining({ id: 6, account: expect.objectContaining({ login: 'other' }) })]);
    while (Date.now() <= Date.parse(expiresAt)) await new Promise((r) => setTimeout(r, 20));
    const expired = await call('GET', '/repos/acme/gitops', undefined, `token ${token}`);
    expect([expired.status, expired.json.message]).toEqual([401, 'Bad credentials']);
  });

  it('enforces the Checks API limits once, and a refused request changes nothing', async () => {
    const annotation = { path: 'b.yaml', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'no' };
    const refused: [string, Record<string, unknown>, RegExp][] = [
      ['51 annotations', { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, () => annotation) } }, /Only 50 annotations/],
      ['a summary over 65535 bytes (in fewer characters)', { output: { title: 't', summary: 'é'.repeat(40_000) } }, /65535/],
      ['a text over 65535 bytes', { output: { title: 't', summary: 's', text: 'x'.repeat(65_536) } }, /65535/],
      ['an output without a title on create', { output: { summary: 's' } }, /"title"/],
      ['an output without a summary', { output: { title: 't' } }, /"summary"/],
      ['completed without a conclusion', { status: 'completed' }, /conclusion/],
      ['a conclusion only GitHub sets', { conclusion: 'stale' }, /stale/],
      ['an unknown status', { status: 'waiting' }, /waiting/],
      ['an annotation without a level', { output: { title: 't', summary: 's', annotations: [{ ...annotation, annotation_level: 'error' }] } }, /annotation_level/],
      ['columns on an annotation over several lines', { output: { title: 't', summary: 's', annotations: [{ ...annotation, end_line: 2, start_column: 1 }] } }, /start_column/],
      ['an annotation title over 255 characters', { output: { title: 't', summary: 's', annotations: [{ ...annotation, title: 'x'.repeat(256) }] } }, /title/],
      ['four actions', { actions: Array.from({ length: 4 }, (_, i) => ({ label: 'l', description: 'd', identifier: `i${i}` })) }, /actions/],
      ['an action label over 20 characters', { actions: [{ label: 'x'.repeat(21), description: 'd', identifier: 'i' }] }, /label/],
      ['a date that is not one', { started_at: 'yesterday' }, /started_at/],
    ];
    for (const [what, body, message] of refused) {
      const res = await create(body);
      expect(res.status, what).toBe(422);
      expect(res.json.message, what).toMatch(message);
    }
    expect((await create({ head_sha: 'f'.repeat(40) })).status).toBe(422);
    expect((await call('POST', '/repos/acme/gitops/check-runs', { head_sha: github.sha('feature') })).json.message).toMatch(/"name"/);
    // (text/plain: nock itself throws on a JSON body it cannot parse; GitHub parses the body whatever its type)
    const garbled = await fetch(`${front.api}/repos/acme/gitops/check-runs`, { method: 'POST', headers: { authorization: `token ${ACCEPTED}`, 'content-type': 'text/plain' }, body: '{"name": "preadmit",' });
    expect([garbled.status, ((await garbled.json()) as { message: string }).message]).toEqual([400, 'Problems parsing JSON']);
    expect(github.checkRuns).toEqual([]);

    // Within the limits: the run is created; a conclusion completes it; annotations append across updates.
    const made = await create({ status: 'in_progress', output: { title: 'T', summary: 'é'.repeat(32_767), annotations: Array.from({ length: 50 }, () => annotation) } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ status: 'in_progress', conclusion: null, head_sha: github.sha('feature'), app: { id: APP_ID }, output: { annotations_count: 50 } });
    const id = made.json.id as number;
    const run = github.run(id);
    expect((await call('PATCH', `/repos/acme/gitops/check-runs/${id}`, { output: { summary: 'x'.repeat(65_536) } })).status).toBe(422);
    expect(run).toMatchObject({ status: 'in_progress', output: { title: 'T' }, patches: 1, updates: [expect.objectContaining({ status: 'in_progress' })] });
    const done = await call('PATCH', `/repos/acme/gitops/check-runs/${id}`, { conclusion: 'failure', output: { summary: 'done', annotations: [annotation] } });
    expect(done.json).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'T', summary: 'done', annotations_count: 51 } });
    expect(run.output.annotations).toHaveLength(51);
    expect(run.patches).toBe(2);
    const listed = await call('GET', `/repos/acme/gitops/check-runs/${id}/annotations?per_page=100`);
    expect(listed.json).toHaveLength(51);
  });

  it('lists check runs as GitHub filters them: the latest per name unless filter=all, by status, name and app', async () => {
    const sha = github.sha('feature');
    const older = github.addRun({ head_sha: sha, status: 'completed', conclusion: 'success' });
    const newer = github.addRun({ head_sha: sha });
    const other = github.addRun({ head_sha: sha, appId: APP_ID + 1, name: 'lint' });
    const ids = async (query: string): Promise<number[]> => ((await call('GET', `/repos/acme/gitops/commits/${sha}/check-runs${query}`)).json.check_runs as { id: number }[]).map((r) => r.id);
    expect(await ids('')).toEqual([newer.id, other.id]);
    expect(await ids('?filter=all')).toEqual([older.id, newer.id, other.id]);
    expect(await ids('?filter=all&status=completed')).toEqual([older.id]);
    expect(await ids(`?filter=all&app_id=${APP_ID}&check_name=preadmit`)).toEqual([older.id, newer.id]);
    expect(await ids('?filter=all&per_page=2&page=2')).toEqual([other.id]);
    // One suite per commit and app.
    const suite = async (appId: number): Promise<number[]> => ((await call('GET', `/repos/acme/gitops/check-suites/${suiteId(sha, appId)}/check-runs?filter=all`)).json.check_runs as { id: number }[]).map((r) => r.id);
    expect(await suite(APP_ID)).toEqual([older.id, newer.id]);
    expect(await suite(APP_ID + 1)).toEqual([other.id]);
  });

  it('sends the rate-limit headers and refuses a credential over its hourly limit', async () => {
    await make({ rateLimit: 3 });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('GET', '/repos/acme/gitops');
      expect(res.status).toBe(200);
      seen.push(`${res.headers.get('x-ratelimit-remaining')}/${res.headers.get('x-ratelimit-limit')}`);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
    expect(seen).toEqual(['2/3', '1/3', '0/3']);
    const over = await call('GET', '/repos/acme/gitops');
    expect(over.status).toBe(403);
    expect(over.json.message).toMatch(/rate limit exceeded/);
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another credential has its own budget.
    const app = await call('GET', '/app', undefined, `Bearer ${appJwt(PRIVATE_KEY)}`);
    expect(app.status).toBe(200);
    expect(app.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('pages listings with GitHub’s link header, and answers what failNext says', async () => {
    for (let n = 1; n <= 3; n++) github.addPull({ number: n, base: 'main', head: 'feature', author: 'dev' });
    github.addPull({ number: 4, base: 'main', head: 'feature', author: 'dev', state: 'closed' });
    const first = await call('GET', '/repos/acme/gitops/pulls?per_page=2');
    expect(first.json.map((p: { number: number }) => p.number)).toEqual([3, 2]);
    expect(first.headers.get('link')).toBe(`<${front.api}/repos/acme/gitops/pulls?per_page=2&page=2>; rel="next", <${front.api}/repos/acme/gitops/pulls?per_page=2&page=2>; rel="last"`);
    const second = await call('GET', '/repos/acme/gitops/pulls?per_page=2&page=2');
    expect(second.json.map((p: { number: number }) => p.number)).toEqual([1]);
    expect(second.headers.get('link')).toBeNull();
    expect((await call('GET', '/repos/acme/gitops/pulls?state=closed')).json.map((p: { number: number }) => p.number)).toEqual([4]);
    expect((await call('GET', '/repos/acme/gitops/pulls/1/files')).json).toEqual([expect.objectContaining({ filename: 'b.yaml', status: 'added' })]);

    github.failNext('GET', /\/pulls\?.*per_page=7/, 1, 503, undefined, { headers: { 'retry-after': '3' } });
    github.failNext('GET', /\/pulls\/1$/, 1, 200, { state: 'open' });
    const failed = await call('GET', '/repos/acme/gitops/pulls?per_page=7');
    expect([failed.status, failed.headers.get('retry-after'), failed.json.message]).toEqual([503, '3', 'fake GitHub failure (503)']);
    expect((await call('GET', '/repos/acme/gitops/pulls?per_page=7')).status).toBe(200);
    expect((await call('GET', '/repos/acme/gitops/pulls/1')).json).toEqual({ state: 'open' });
    expect((await call('GET', '/repos/acme/gitops/pulls/1')).json).toMatchObject({ number: 1, head: { sha: github.sha('feature') } });
    expect(github.requests.map((r) => r.status).slice(-4)).toEqual([503, 200, 200, 200]);
  });

  it('serves refs (its own before git’s), contents, blobs and the tarball through its redirect', async () => {
    github.setRef('refs/heads/gh-readonly-queue/main/pr-1-x', github.sha('feature'));
    expect((await call('GET', '/repos/acme/gitops/git/matching-refs/heads/gh-readonly-queue/')).json).toEqual([{ ref: 'refs/heads/gh-readonly-queue/main/pr-1-x', object: { sha: github.sha('feature'), type: 'commit' } }]);
    expect((await call('GET', '/repos/acme/gitops/git/ref/heads/feature')).json.object.sha).toBe(github.sha('feature'));
    expect((await call('GET', '/repos/acme/gitops/git/ref/heads/nothing')).status).toBe(404);
    const file = await call('GET', `/repos/acme/gitops/contents/b.yaml?ref=${github.sha('feature')}`);
    expect(Buffer.from(file.json.content, 'base64').toString()).toBe('kind: Secret\n');
    expect((await call('GET', '/repos/acme/gitops/contents/b.yaml')).status).toBe(404);
    const blob = await call('GET', `/repos/acme/gitops/git/blobs/${file.json.sha}`);
    expect(Buffer.from(blob.json.content, 'base64').toString()).toBe('kind: Secret\n');
    const tar = await fetch(`${front.api}/repos/acme/gitops/tarball/feature`, { headers: { authorization: `token ${ACCEPTED}` } });
    expect(tar.status).toBe(200);
    const bytes = gunzipSync(Buffer.from(await tar.arrayBuffer())).toString('latin1');
    expect(bytes).toContain(`acme-gitops-${github.sha('feature').slice(0, 7)}/b.yaml`);
    expect(github.requests.map((r) => r.status).slice(-2)).toEqual([302, 200]);
  });

  it('keeps GitHub’s size limits: contents over 1 MB come without content, a long tree is truncated', async () => {
    const big = await call('GET', '/repos/acme/gitops/contents/big/data.txt');
    expect(big.json).toMatchObject({ type: 'file', encoding: 'none', content: '', size: 1_100_000 });
    expect((await call('GET', `/repos/acme/gitops/git/blobs/${big.json.sha}`)).json.size).toBe(1_100_000);
    const full = await call('GET', `/repos/acme/gitops/git/trees/${github.sha('feature')}?recursive=1`);
    expect([full.json.tree.length, full.json.truncated]).toEqual([4, false]);
    await make({ treeEntryLimit: 2 });
    const cut = await call('GET', `/repos/acme/gitops/git/trees/${github.sha('feature')}?recursive=1`);
    expect([cut.json.tree.length, cut.json.truncated]).toEqual([2, true]);
  });

  it('records comments and reactions, and refuses a reaction GitHub does not have', async () => {
    github.addPull({ number: 1, base: 'main', head: 'feature', author: 'dev' });
    const user = github.addComment(1, 'dev', '/gatekeeper recheck');
    expect((await call('POST', `/repos/acme/gitops/issues/comments/${user.id}/reactions`, { content: 'eyes' })).status).toBe(201);
    expect((await call('POST', `/repos/acme/gitops/issues/comments/${user.id}/reactions`, { content: 'thumbsup' })).status).toBe(422);
    expect((await call('POST', '/repos/acme/gitops/issues/1/comments', { body: '' })).status).toBe(422);
    expect((await call('POST', '/repos/acme/gitops/issues/1/comments', { body: 'x'.repeat(65_537) })).json.message).toMatch(/too long/);
    const reply = await call('POST', '/repos/acme/gitops/issues/1/comments', { body: 'done' });
    expect(reply.json).toMatchObject({ body: 'done', user: { login: 'preadmit[bot]', type: 'Bot' } });
    expect(github.comments.map((c) => [c.user, c.body])).toEqual([
      ['dev', '/gatekeeper recheck'],
      ['preadmit[bot]', 'done'],
    ]);
    expect(github.reactions).toEqual([{ repo: 'acme/gitops', commentId: user.id, content: 'eyes' }]);
    github.setPermission('reviewer', 'maintain');
    expect((await call('GET', '/repos/acme/gitops/collaborators/reviewer/permission')).json).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect((await call('GET', '/repos/acme/gitops/collaborators/stranger/permission')).status).toBe(404);
  });
});
