// Logs audit: at the default (info) level, refused deliveries, deliveries whose handling fails and checks that
// report violations log constant messages with fields, never the delivery's payload or the repository's file
// content.
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preadmitHandle } from '../../src/app/index.ts';
import { startServer, type StartedServer } from '../../src/app/server.ts';
import { buildRepo, FakeGitHub } from './fake-github.ts';
import { BRANCHES } from './fixture-repo.ts';
import { APP_ID, examplePayload, INSTALLATION_ID, PRIVATE_KEY, retarget } from './helpers.ts';

const SECRET = 'a-webhook-secret-for-log-tests';
const OWNER = 'acme';
const REPO = 'logged';
const MARKER = 'PAYLOAD-MARKER-7f3a';

describe('logs at info level', () => {
  let repo: ReturnType<typeof buildRepo>;
  let fake: FakeGitHub;
  let server: StartedServer;
  const lines: string[] = [];

  beforeAll(async () => {
    repo = buildRepo(BRANCHES);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    fake = new FakeGitHub(repo.dir, OWNER, REPO, APP_ID, 'main', 'http://github.test/api/v3').install();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
        done();
      },
    });
    server = await startServer({
      port: 0,
      log: pino({ level: 'info' }, sink),
      env: { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, GHE_HOST: 'github.test', GHE_PROTOCOL: 'http', PREADMIT_GITHUB_THROTTLE: 'false', PREADMIT_RECOVERY: 'off' },
    });
  });
  afterAll(async () => {
    await server?.close();
    nock.cleanAll();
    nock.enableNetConnect();
    repo?.cleanup();
  });

  function payload(): Record<string, unknown> {
    const p = retarget(examplePayload('pull_request', 'opened'), OWNER, REPO);
    const pr = p.pull_request as Record<string, Record<string, unknown> | string>;
    (pr.head as Record<string, unknown>).sha = fake.sha('bad');
    (pr.base as Record<string, unknown>).sha = fake.sha('main');
    (pr.base as Record<string, unknown>).ref = 'main';
    pr.title = `title ${MARKER}`;
    pr.body = `body ${MARKER}`;
    (p.installation as Record<string, unknown>).id = INSTALLATION_ID;
    fake.pulls.set(Number(p.number), { number: Number(p.number), state: 'open', author: 'octocat', baseRef: 'main', headRef: 'bad', headRepo: `${OWNER}/${REPO}` });
    return p;
  }
  const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const post = (body: string, signature: string | undefined, id: string, event = 'pull_request') =>
    fetch(server.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': id, ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}) },
      body,
    });

  it('refused, failing and reporting deliveries log no payload text and no file content', async () => {
    const good = JSON.stringify(payload());
    // Refused: forged signature, no signature, signed but not JSON, signed JSON that is not an object.
    expect((await post(good, sign(good, 'not-the-secret-at-all'), 'forged-1')).status).toBe(401);
    expect((await post(good, undefined, 'unsigned-1')).status).toBeGreaterThanOrEqual(400);
    const notJson = `{"title": "${MARKER}"`;
    expect((await post(notJson, sign(notJson), 'notjson-1')).status).toBe(400);
    const array = JSON.stringify([MARKER]);
    expect((await post(array, sign(array), 'array-1')).status).toBe(400);
    // Signed but malformed for its event: whatever its answer, its payload is not logged.
    const broken = JSON.stringify({ action: 'opened', installation: { id: INSTALLATION_ID }, marker: MARKER, pull_request: { title: MARKER } });
    await post(broken, sign(broken), 'broken-1');
    // A check that cannot be started (GitHub refuses the check run): the delivery fails (500), logged by id.
    fake.failNext('POST', /check-runs$/, 1, 422, { message: 'Validation Failed' });
    expect((await post(good, sign(good), 'failing-1')).status).toBe(500);
    // A check that reports a violation: the violating file's content must not be logged either.
    expect((await post(good, sign(good), 'good-1')).status).toBe(200);
    await preadmitHandle(server.probot)?.idle();
    expect(fake.runsFor(fake.sha('bad'))[0]?.conclusion).toBe('failure');

    const text = lines.join("\n");
    if (process.env.SHOW_LOGS) console.log(text);
    // Each refused or failed delivery did log a line, by id.
    for (const id of ['forged-1', 'unsigned-1', 'notjson-1', 'array-1', 'failing-1']) expect(text).toContain(id);
    expect(text).not.toContain(MARKER);
    expect(text).not.toMatch(/"pull_request"\s*:\s*\{/);
    // Constant messages; the delivery is a field.
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const id of ['forged-1', 'unsigned-1', 'notjson-1', 'array-1']) {
      expect(entries.find((e) => e.delivery === id)).toMatchObject({ msg: 'delivery rejected', event: 'pull_request', level: 40 });
    }
    expect(entries.find((e) => e.delivery === 'failing-1' && e.msg === 'delivery failed')).toMatchObject({ level: 50, error: expect.stringContaining('422') });
    // No line carries the payload object Probot's own error logger would attach (event.payload).
    for (const l of lines) {
      const entry = JSON.parse(l) as Record<string, unknown>;
      expect(JSON.stringify(entry)).not.toMatch(/"payload"/);
      expect(typeof entry.msg).toBe('string');
    }
  });
});
