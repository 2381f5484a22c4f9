// Logs audit: the real server (startServer, its webhook intake and Probot) taken through refused deliveries,
// deliveries whose handling fails, a check that cannot be done, a check that reports a violation, a duplicate, a
// refused command, an ignored event and a restart recovery (with a failing step). Every line it writes has a
// constant message from LOG_MESSAGES and its details in fields; no payload text (a PR's title, body, a comment, a
// GitHub error message carrying it) and no file content appears at the default (info) level. At debug level the
// error texts are there, in the `error` field only.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preadmitHandle } from '../../src/app/index.ts';
import { LOG_MESSAGES } from '../../src/util/log.ts';
import { startServer, type StartedServer } from '../../src/app/server.ts';
import { buildRepo } from '../support/git-repo.ts';
import type { GitHubModel } from '../support/github/model.ts';
import { BRANCHES } from './fixture-repo.ts';
import { APP_ID, examplePayload, fakeGitHub, INSTALLATION_ID, PRIVATE_KEY, retarget } from './helpers.ts';

const SECRET = 'a-webhook-secret-for-log-tests';
const OWNER = 'acme';
const REPO = 'logged';
const MARKER = 'PAYLOAD-MARKER-7f3a';
/** Text only the repository's files hold (the violating ConfigMap's name is `bad`: its data key is unique). */
const FILE_TEXT = 'apps/bad.yaml';

type Entry = Record<string, unknown>;

/** A server on a fake GitHub whose log lines (pino JSON at `level`) are collected. */
async function loggedServer(level: 'info' | 'debug', repoName: string): Promise<{ server: StartedServer; fake: GitHubModel; lines: string[]; repo: ReturnType<typeof buildRepo> }> {
  const repo = buildRepo(BRANCHES);
  const fake = fakeGitHub(repo.dir, OWNER, repoName, { apiUrl: 'http://github.test/api/v3' });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
      done();
    },
  });
  const server = await startServer({
    port: 0,
    log: pino({ level }, sink),
    env: { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, GHE_HOST: 'github.test', GHE_PROTOCOL: 'http', PREADMIT_GITHUB_THROTTLE: 'false', PREADMIT_RECOVERY: 'off' },
  });
  return { server, fake, lines, repo };
}

function pullPayload(fake: GitHubModel, repoName: string, number: number, head: string, state: 'open' | 'closed' = 'open'): Record<string, unknown> {
  const p = retarget(examplePayload('pull_request', 'opened'), OWNER, repoName);
  p.number = number;
  const pr = p.pull_request as Record<string, unknown>;
  pr.number = number;
  pr.state = 'open';
  (pr.head as Record<string, unknown>).sha = fake.sha(head);
  (pr.base as Record<string, unknown>).sha = fake.sha('main');
  (pr.base as Record<string, unknown>).ref = 'main';
  pr.title = `title ${MARKER}`;
  pr.body = `body ${MARKER}`;
  (p.installation as Record<string, unknown>).id = INSTALLATION_ID;
  fake.addPull({ number, state, author: 'octocat', base: 'main', head: head, headRepo: `${OWNER}/${repoName}` });
  return p;
}

function commentPayload(repoName: string, number: number, login: string): Record<string, unknown> {
  const p = retarget(examplePayload('issue_comment', 'created'), OWNER, repoName);
  const issue = p.issue as Record<string, unknown>;
  issue.number = number;
  issue.user = { ...(issue.user as Record<string, unknown>), login: 'octocat' };
  issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${repoName}/pulls/${number}` };
  const comment = p.comment as Record<string, unknown>;
  comment.body = `/gatekeeper recheck ${MARKER}`;
  comment.id = 6666;
  comment.user = { ...(comment.user as Record<string, unknown>), login, type: 'User' };
  comment.performed_via_github_app = null;
  (p.installation as Record<string, unknown>).id = INSTALLATION_ID;
  return p;
}

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const post = (server: StartedServer, body: string, signature: string | undefined, id: string, event = 'pull_request') =>
  fetch(server.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': id, ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });
const signed = (server: StartedServer, payload: unknown, id: string, event = 'pull_request') => {
  const body = JSON.stringify(payload);
  return post(server, body, sign(body), id, event);
};

/** The sweep: every line is pino JSON with a constant message of LOG_MESSAGES, and carries no payload. */
function sweep(lines: string[]): Entry[] {
  const entries = lines.map((l) => JSON.parse(l) as Entry);
  for (const e of entries) {
    expect(LOG_MESSAGES, JSON.stringify(e)).toContain(e.msg);
    // No line carries a payload object (Probot's own error logger would attach event.payload).
    expect(JSON.stringify(e)).not.toMatch(/"payload"|"pull_request"\s*:\s*\{/);
  }
  return entries;
}

describe('log messages', () => {
  it('are constants: no digits, quotes or interpolation, each once', () => {
    expect(new Set(LOG_MESSAGES).size).toBe(LOG_MESSAGES.length);
    for (const m of LOG_MESSAGES) expect(m).toMatch(/^[a-z][a-z ,;:-]*[a-z]$/);
  });

  it('the app logs only through log.ts: no direct pino call or console/stdout line in src/app', () => {
    const dir = join(import.meta.dirname, '../../src/app');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'log.ts')) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/\b(log|probot\.log|app\.log)\.(trace|debug|info|warn|error|fatal)\(/);
      expect(text, f).not.toMatch(/console\.(log|info|warn|error)\(/);
      // main.ts says a failed start (before any logger exists) in plain text on stderr; nothing else writes.
      if (f !== 'main.ts') expect(text, f).not.toMatch(/process\.(stdout|stderr)\.write/);
    }
  });
});

/** A logged server for the describe block it is called in: started before its tests, closed after them. */
function useLoggedServer(level: 'info' | 'debug', repoName: string): { current: Awaited<ReturnType<typeof loggedServer>> } {
  const holder = {} as { current: Awaited<ReturnType<typeof loggedServer>> };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    holder.current = await loggedServer(level, repoName);
  });
  afterAll(async () => {
    await holder.current?.server.close();
    nock.cleanAll();
    nock.enableNetConnect();
    holder.current?.repo.cleanup();
  });
  return holder;
}

describe('logs at info level', () => {
  const logged = useLoggedServer('info', REPO);

  it('refused, failing, failed, reporting, duplicate, ignored and recovered work: constant messages, no payload text, no file content', async () => {
    const { server, fake, lines } = logged.current;
    const handle = preadmitHandle(server.probot);
    const good = JSON.stringify(pullPayload(fake, REPO, 1, 'bad'));
    // Refused: forged signature, no signature, signed but not JSON, signed JSON that is not an object.
    expect((await post(server, good, sign(good, 'not-the-secret-at-all'), 'forged-1')).status).toBe(401);
    expect((await post(server, good, undefined, 'unsigned-1')).status).toBeGreaterThanOrEqual(400);
    const notJson = `{"title": "${MARKER}"`;
    expect((await post(server, notJson, sign(notJson), 'notjson-1')).status).toBe(400);
    const array = JSON.stringify([MARKER]);
    expect((await post(server, array, sign(array), 'array-1')).status).toBe(400);
    // Signed but malformed for its event: whatever its answer, its payload is not logged.
    const broken = JSON.stringify({ action: 'opened', installation: { id: INSTALLATION_ID }, marker: MARKER, pull_request: { title: MARKER } });
    await post(server, broken, sign(broken), 'broken-1');
    // A check that cannot be started (GitHub refuses the check run, its message quoting the payload): the delivery fails (500).
    fake.failNext('POST', /check-runs$/, 1, 422, { message: `Validation Failed: ${MARKER}` });
    expect((await post(server, good, sign(good), 'failing-1')).status).toBe(500);
    // A check that reports a violation: the violating file's content must not be logged either.
    expect((await post(server, good, sign(good), 'good-1')).status).toBe(200);
    // The same delivery again: ignored.
    expect((await post(server, good, sign(good), 'good-1')).status).toBe(200);
    await handle?.idle();
    // A check that cannot be done: reading the default branch's config is refused, with the payload in the message.
    fake.failNext('GET', /\/contents\//, 10, 403, { message: `Resource not accessible: ${MARKER}` });
    expect((await signed(server, pullPayload(fake, REPO, 2, 'good'), 'cannot-1')).status).toBe(200);
    await handle?.idle();
    // An event for a PR GitHub says is closed: ignored.
    expect((await signed(server, pullPayload(fake, REPO, 3, 'good', 'closed'), 'closed-1')).status).toBe(200);
    // A command from someone without write access, its comment carrying the marker.
    fake.addPull({ number: 4, state: 'open', author: 'octocat', base: 'main', head: 'good', headRepo: `${OWNER}/${REPO}` });
    expect((await signed(server, commentPayload(REPO, 4, 'visitor'), 'comment-1', 'issue_comment')).status).toBe(200);
    // Restart recovery: a run an earlier process left in progress on PR 5's head is concluded, PR 5 checked again;
    // then a scan whose first listing fails.
    fake.addPull({ number: 5, state: 'open', author: 'octocat', base: 'main', head: 'bad2', headRepo: `${OWNER}/${REPO}` });
    const stuck = fake.addRun({ head_sha: fake.sha('bad2'), external_id: 'pr/5' });
    expect(await handle?.recover()).toMatchObject({ concluded: 1 });
    fake.failNext('GET', /\/app\/installations(\?|$)/, 1, 403, { message: `Forbidden ${MARKER}` });
    expect(await handle?.recover()).toMatchObject({ errors: 1 });
    await handle?.idle();
    expect(stuck.conclusion).toBe('cancelled');
    expect(fake.runsFor(fake.sha('bad'))[0]?.conclusion).toBe('failure');
    expect(fake.runsFor(fake.sha('good'))[0]?.conclusion).toBe('failure'); // fail closed

    const text = lines.join('\n');
    if (process.env.SHOW_LOGS) console.log(text);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(FILE_TEXT);
    expect(text).not.toContain('owner label'); // the violation's message (from the repository's policy)
    const entries = sweep(lines);
    // The sweep went through each path: these messages were all written.
    const seen = new Set(entries.map((e) => e.msg));
    for (const m of [
      'listening',
      'delivery rejected',
      'delivery failed',
      'check run created',
      'check concluded',
      'check failed',
      'delivery already handled; ignored',
      'pull request not open; event ignored',
      'command refused',
      'recovery started',
      'recovery concluded an interrupted run',
      'recovery done',
      'recovery step failed',
    ] as const)
      expect(seen, m).toContain(m);
    // Each refused or failed delivery did log a line, by id, with a sanitised code (no text) for the failure.
    for (const id of ['forged-1', 'unsigned-1', 'notjson-1', 'array-1']) {
      expect(entries.find((e) => e.delivery === id)).toMatchObject({ msg: 'delivery rejected', event: 'pull_request', level: 40 });
    }
    const failed = entries.find((e) => e.delivery === 'failing-1' && e.msg === 'delivery failed');
    expect(failed).toMatchObject({ level: 50, err: 'http_422' });
    expect(failed).not.toHaveProperty('error');
    expect(entries.find((e) => e.msg === 'check failed')).toMatchObject({ level: 40, err: 'CheckError', key: `${OWNER}/${REPO}#2`.toLowerCase() });
    expect(entries.find((e) => e.msg === 'check concluded' && e.conclusion === 'failure' && e.key === `${OWNER}/${REPO}#1`.toLowerCase())).toMatchObject({ sha: fake.sha('bad'), run: expect.any(Number) });
    expect(entries.find((e) => e.msg === 'command refused')).toMatchObject({ user: 'visitor', pr: 4, command: 'recheck' });
    expect(entries.find((e) => e.msg === 'recovery concluded an interrupted run')).toMatchObject({ run: stuck.id });
    expect(entries.find((e) => e.msg === 'recovery step failed')).toMatchObject({ step: 'list installations', err: 'http_403' });
    for (const e of entries) expect(e).not.toHaveProperty('error');
  });

  it('the same run in the metrics: conclusions, evaluation errors, queue wait and check duration with p50/p95', async () => {
    const text = await (await fetch(`${logged.current.server.url}/metrics`)).text();
    if (process.env.SHOW_METRICS) console.log(text);
    const value = (name: string): number => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.slice(name.length + 1));
    // PR 1 (a violation: `failure`), PR 2 (could not be done: `error`), PR 5 (recovered: either).
    expect(value('preadmit_check_conclusions_total{conclusion="failure"}')).toBeGreaterThanOrEqual(1);
    expect(value('preadmit_check_conclusions_total{conclusion="error"}')).toBeGreaterThanOrEqual(1);
    expect(value('preadmit_check_conclusions_total{conclusion="failure"}') + value('preadmit_check_conclusions_total{conclusion="error"}')).toBe(3);
    expect(value('preadmit_evaluation_errors_total')).toBe(value('preadmit_check_conclusions_total{conclusion="error"}'));
    expect(value('preadmit_queue_wait_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(value('preadmit_check_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(value('preadmit_check_duration_quantiles_seconds{quantile="0.5"}')).toBeGreaterThan(0);
    expect(value('preadmit_check_duration_quantiles_seconds{quantile="0.95"}')).toBeGreaterThanOrEqual(value('preadmit_check_duration_quantiles_seconds{quantile="0.5"}'));
  });
});

describe('logs at debug level', () => {
  const logged = useLoggedServer('debug', `${REPO}-debug`);

  it('add the error text, in the `error` field only; messages stay constant', async () => {
    const { server, fake, lines } = logged.current;
    fake.failNext('GET', /\/contents\//, 10, 403, { message: `Resource not accessible: ${MARKER}` });
    expect((await signed(server, pullPayload(fake, `${REPO}-debug`, 2, 'good'), 'cannot-2')).status).toBe(200);
    await preadmitHandle(server.probot)?.idle();
    // Probot's own request log (`GitHub request: …`, debug only) is Probot's, not the app's.
    const entries = sweep(lines.filter((l) => !String((JSON.parse(l) as Entry).msg).startsWith('GitHub request: ')));
    const failed = entries.find((e) => e.msg === 'check failed');
    expect(failed).toMatchObject({ err: 'CheckError', error: expect.stringContaining(MARKER) });
    for (const e of entries) {
      const { error: _error, ...rest } = e;
      expect(JSON.stringify(rest)).not.toContain(MARKER);
    }
  });
});
