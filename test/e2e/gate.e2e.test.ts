// The app's gate over real HTTP against the fake GitHub: what a delivery can and cannot make the app do.
// Forged and replayed deliveries, payloads that lie about the commits, retargeted PRs, redeliveries racing a
// failing original, oversized and slow bodies, log hygiene and refused commands.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { preadmitHandle } from '../../src/app/index.ts';
import { MAX_WEBHOOK_BYTES, startServer } from '../../src/app/server.ts';
import { git as gitIn } from '../support/git-repo.ts';
import { APP_ID, startHarness, WEBHOOK_SECRET, type Harness } from './harness.ts';
import type { CheckRun } from '../support/github/model.ts';
import { deliver, issueCommentPayload, pullRequestPayload, signature } from './webhooks.ts';

const REPO = 'acme/gitops';
let dir: string;
let h: Harness;
const logs: string[] = [];
const git = (...args: string[]): string => gitIn(dir, ...args).trim();
let mainSha: string;
let prSha: string;

/** A branch one empty commit above `from`: a head of its own with the same content. */
function branch(name: string, from: string): string {
  git('branch', '-f', name, from);
  const tree = git('rev-parse', `${from}^{tree}`);
  const sha = git('commit-tree', tree, '-p', git('rev-parse', from), '-m', name);
  git('update-ref', `refs/heads/${name}`, sha);
  return sha;
}

function logStream(into: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      into.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
}

const idle = () => preadmitHandle(h.app.probot)?.idle();
const runsOn = (sha: string): CheckRun[] => h.github.checkRuns.filter((r) => r.head_sha === sha);

beforeAll(async () => {
  dir = await buildDemoRepo();
  mainSha = git('rev-parse', 'main');
  prSha = git('rev-parse', 'pr');
  // `legacy` already has the demo's violations; `retarget` adds nothing to it.
  git('branch', '-f', 'legacy', 'pr');
  branch('retarget', 'pr');
  branch('replayed', 'pr');
  branch('raced', 'pr');
  const pulls = [
    { number: 1, base: 'main', head: 'pr', author: 'dev' },
    { number: 3, base: 'legacy', head: 'retarget', author: 'dev' },
    { number: 5, base: 'main', head: 'replayed', author: 'dev' },
    { number: 6, base: 'main', head: 'raced', author: 'dev' },
  ];
  h = await startHarness(
    [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 77, pulls, permissions: { visitor: 'read' } }],
    { PREADMIT_RECOVERY: 'off', PREADMIT_WEBHOOK_READ_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' },
    undefined,
    { log: pino({ level: 'info' }, logStream(logs)) },
  );
});

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a delivery cannot pick what is checked', () => {
  it('takes base and head from the API: a signed payload claiming base == head still gets the real verdict', async () => {
    const payload = await pullRequestPayload(h.github, REPO, 1, 'synchronize');
    const pr = payload.pull_request as { base: { sha: string; ref: string }; head: { sha: string } };
    pr.base.sha = prSha; // "nothing changed"
    pr.base.ref = 'pr';
    pr.head.sha = prSha;
    const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    expect(res.status).toBe(200);
    const run = await h.github.waitForCheckRun((r) => r.head_sha === prSha && r.external_id === 'pr/1', 90_000);
    expect(run.conclusion).toBe('failure');
    expect(h.github.requests.some((r) => r.method === 'GET' && r.path === '/api/v3/repos/acme/gitops/pulls/1')).toBe(true);
    // The tree of the real base (main) was read, not only the head's.
    const mainTree = git('rev-parse', 'main^{tree}');
    expect(h.github.requests.some((r) => r.path.includes(mainSha) || r.path.includes(mainTree))).toBe(true);
  });

  it('with the development secret (only behind its flag) a forged delivery still cannot turn the check green, and every delivery is flagged', async () => {
    const devLogs: string[] = [];
    const dev = await startServer({
      port: 0,
      host: '127.0.0.1',
      log: pino({ level: 'info' }, logStream(devLogs)),
      env: { APP_ID: String(APP_ID), PRIVATE_KEY: h.privateKey, PREADMIT_ALLOW_DEVELOPMENT_SECRET: 'true', GHE_HOST: h.http.host, GHE_PROTOCOL: 'http', PREADMIT_GITHUB_THROTTLE: 'false', PREADMIT_RECOVERY: 'off' },
    });
    try {
      const before = h.github.checkRuns.length;
      for (const action of ['synchronize', 'reopened']) {
        const payload = await pullRequestPayload(h.github, REPO, 1, action);
        const pr = payload.pull_request as { base: { sha: string }; head: { sha: string } };
        pr.base.sha = pr.head.sha;
        const res = await deliver(dev.url, { event: 'pull_request', payload, secret: 'development' });
        expect(res.status).toBe(200);
      }
      await preadmitHandle(dev.probot)?.idle();
      const mine = h.github.checkRuns.slice(before);
      expect(mine.length).toBeGreaterThan(0);
      // Superseded or blocked, never green.
      for (const r of mine) expect(['failure', 'cancelled']).toContain(r.conclusion);
      expect(mine.at(-1)?.conclusion).toBe('failure');
      expect(devLogs.filter((l) => l.includes('"msg":"delivery accepted on the public development secret"'))).toHaveLength(2);
    } finally {
      await dev.close();
    }
  });

  it('retargeting a PR to another base checks it again against the new base', async () => {
    const headSha = git('rev-parse', 'retarget');
    const opened = await pullRequestPayload(h.github, REPO, 3, 'opened');
    expect((await deliver(h.app.url, { event: 'pull_request', payload: opened, secret: WEBHOOK_SECRET })).status).toBe(200);
    const first = await h.github.waitForCheckRun((r) => r.head_sha === headSha, 90_000);
    expect(first.conclusion).toBe('success'); // legacy already had every violation

    const pull = h.github.repo(REPO).pulls.find((p) => p.number === 3);
    if (pull === undefined) throw new Error('no PR 3');
    pull.base = 'main';
    const edited = await pullRequestPayload(h.github, REPO, 3, 'opened');
    edited.action = 'edited';
    edited.changes = { base: { ref: { from: 'legacy' }, sha: { from: git('rev-parse', 'legacy') } } };
    expect((await deliver(h.app.url, { event: 'pull_request', payload: edited, secret: WEBHOOK_SECRET })).status).toBe(200);
    const second = await h.github.waitForCheckRun((r) => r.head_sha === headSha && r.id !== first.id, 90_000);
    expect(second.conclusion).toBe('failure');
    expect(second.output.summary).toContain('block-privileged');

    // A title edit is no retarget: nothing new runs.
    const runs = runsOn(headSha).length;
    const titled = await pullRequestPayload(h.github, REPO, 3, 'opened');
    titled.action = 'edited';
    titled.changes = { title: { from: 'old title' } };
    expect((await deliver(h.app.url, { event: 'pull_request', payload: titled, secret: WEBHOOK_SECRET })).status).toBe(200);
    await idle();
    expect(runsOn(headSha)).toHaveLength(runs);
  });
});

describe('each delivery is handled once, and none is dropped', () => {
  it('a replayed delivery (same signed body, new delivery id) and a redelivery (same id) start nothing', async () => {
    const headSha = git('rev-parse', 'replayed');
    const payload = await pullRequestPayload(h.github, REPO, 5, 'opened');
    const first = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    expect(first.status).toBe(200);
    await h.github.waitForCheckRun((r) => r.head_sha === headSha, 90_000);
    const replay = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    const redelivery = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET, id: first.id });
    expect([replay.status, redelivery.status]).toEqual([200, 200]);
    await idle();
    expect(runsOn(headSha)).toHaveLength(1);
    expect(logs.filter((l) => l.includes(`"delivery":"${replay.id}"`) && l.includes('delivery already handled'))).toHaveLength(1);
  });

  it('a redelivery that arrives while the original is failing is handled: the PR gets its run', async () => {
    const headSha = git('rev-parse', 'raced');
    // Creating the run fails, slowly: the redelivery arrives meanwhile.
    h.github.failNext('POST', /\/check-runs$/, 1, 422, undefined, { delayMs: 1000 });
    const payload = await pullRequestPayload(h.github, REPO, 6, 'opened');
    const original = deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET, id: 'raced-delivery' });
    await new Promise((r) => setTimeout(r, 200));
    const redelivery = deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET, id: 'raced-delivery' });
    const [a, b] = await Promise.all([original, redelivery]);
    // The original is answered 500 (GitHub records a failed delivery), the redelivery 200 once its run exists.
    expect(a.status).toBe(500);
    expect(b.status).toBe(200);
    expect(runsOn(headSha)).toHaveLength(1);
    const run = await h.github.waitForCheckRun((r) => r.head_sha === headSha, 90_000);
    expect(run.conclusion).toBe('failure');
  });
});

describe('bounded before authentication', () => {
  /** POSTs headers and then `chunks` (a generator of buffers) to the webhook; resolves with the status or the error. */
  function post(headers: Record<string, string | number>, chunks: () => Iterable<Buffer>): Promise<number | string> {
    return new Promise((resolve) => {
      const req = httpRequest(`${h.app.webhookUrl}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'big-1', 'x-hub-signature-256': 'sha256=00', ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => resolve(e.message));
      void (async () => {
        for (const c of chunks()) {
          if (req.destroyed) return;
          if (!req.write(c)) await new Promise((r) => req.once('drain', r).once('close', r));
        }
        req.end();
      })();
    });
  }

  function* megabytes(n: number): Iterable<Buffer> {
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < n; i++) yield mb;
  }

  it('refuses bodies over 25 MB with 413, declared or streamed, without reading them whole', async () => {
    const before = h.github.requests.length;
    expect(await post({ 'content-length': MAX_WEBHOOK_BYTES + 1 }, () => megabytes(1))).toBe(413);
    // Chunked, no length: cut off once it passes the cap. (The refusal may arrive as the status or as a reset.)
    const streamed = await post({ 'transfer-encoding': 'chunked' }, () => megabytes(40));
    expect(streamed === 413 || /ECONNRESET|EPIPE|socket hang up/.test(String(streamed))).toBe(true);
    expect(h.github.requests.slice(before)).toEqual([]);
    expect(logs.filter((l) => l.includes('"delivery":"big-1"') && l.includes('"status":413') && l.includes('delivery rejected')).length).toBeGreaterThanOrEqual(1);
  });

  it('drops a sender that does not finish its body in time, before verifying anything', async () => {
    const before = h.github.requests.length;
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(h.app.url).port), '127.0.0.1');
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', () => undefined);
      socket.write(
        'POST /api/github/webhooks HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-github-event: pull_request\r\n' +
          'x-github-delivery: slow-1\r\nx-hub-signature-256: sha256=00\r\ncontent-length: 1000\r\n\r\n{"action":',
      );
      // ... and nothing more.
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(h.github.requests.slice(before)).toEqual([]);
    expect(logs.filter((l) => l.includes('"delivery":"slow-1"'))).toHaveLength(1);
  });

  it('logs a forged delivery in one line (id and reason), never its payload', async () => {
    const payload = await pullRequestPayload(h.github, REPO, 1, 'opened');
    (payload.pull_request as Record<string, unknown>).body = 'ATTACKER-TEXT '.repeat(150_000); // ~2 MB
    const before = logs.length;
    const bytesBefore = logs.join('\n').length;
    const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET, forgedSignature: signature('guessed-secret', JSON.stringify(payload)), id: 'forged-big' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    const added = logs.slice(before);
    expect(added.filter((l) => l.includes('forged-big'))).toHaveLength(1);
    expect(added.join('\n')).not.toContain('ATTACKER-TEXT');
    expect(logs.join('\n').length - bytesBefore).toBeLessThan(2000);
  });
});

describe('comment commands', () => {
  it('a refused user is mentioned once per PR; later refusals only get a reaction', async () => {
    const replies = () => h.github.comments.filter((c) => c.user === 'preadmit[bot]' && c.body.includes('@visitor'));
    const runs = h.github.checkRuns.length;
    for (let i = 0; i < 3; i++) {
      const c = h.github.addComment(1, 'visitor', `/gatekeeper recheck (try ${i})`, REPO);
      expect((await deliver(h.app.url, { event: 'issue_comment', payload: issueCommentPayload(h.github, REPO, 1, c), secret: WEBHOOK_SECRET })).status).toBe(200);
    }
    expect(replies()).toHaveLength(1);
    expect(h.github.reactions.filter((r) => r.content === 'confused')).toHaveLength(2);
    expect(h.github.checkRuns.length).toBe(runs);
  });

  it('a command in an HTML comment or an indented code block starts nothing', async () => {
    const runs = h.github.checkRuns.length;
    const before = h.github.comments.length;
    for (const body of ['<!--\n/gatekeeper recheck\n-->', 'see:\n\n    /gatekeeper recheck', '```\n/gatekeeper recheck\n~~~']) {
      const c = h.github.addComment(1, 'dev', body, REPO);
      expect((await deliver(h.app.url, { event: 'issue_comment', payload: issueCommentPayload(h.github, REPO, 1, c), secret: WEBHOOK_SECRET })).status).toBe(200);
    }
    expect(h.github.checkRuns.length).toBe(runs);
    expect(h.github.comments.length).toBe(before + 3); // only the three comments themselves: no reply
  });
});
