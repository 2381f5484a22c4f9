// The real Probot server on a loopback port: signed deliveries are handled, forged and unsigned ones are
// refused before any GitHub request, and production without a webhook secret does not start.
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preadmitHandle } from '../../src/app/index.ts';
import { ServerConfigError, startServer, type StartedServer } from '../../src/app/server.ts';
import { buildRepo, FakeGitHub } from './fake-github.ts';
import { BRANCHES } from './fixture-repo.ts';
import { APP_ID, examplePayload, INSTALLATION_ID, PRIVATE_KEY, retarget } from './helpers.ts';

const SECRET = 'a-webhook-secret-for-tests-only';
const OWNER = 'acme';
const REPO = 'served';

describe('startServer', () => {
  it('refuses to start in production without a webhook secret', async () => {
    await expect(startServer({ port: 0, env: { NODE_ENV: 'production', APP_ID: String(APP_ID), PRIVATE_KEY } })).rejects.toThrow(ServerConfigError);
    await expect(startServer({ port: 0, env: { NODE_ENV: 'production', APP_ID: String(APP_ID), PRIVATE_KEY } })).rejects.toThrow(/WEBHOOK_SECRET/);
  });

  it('starts outside production without a webhook secret (development), warning about it', async () => {
    const server = await startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY, LOG_LEVEL: 'fatal', PREADMIT_RECOVERY: 'off' } });
    try {
      const res = await fetch(`${server.url}/ping`);
      expect(await res.text()).toBe('PONG');
    } finally {
      await server.close();
    }
  });

  it('refuses to start without an app id or a private key', async () => {
    await expect(startServer({ port: 0, env: { WEBHOOK_SECRET: SECRET, PRIVATE_KEY } })).rejects.toThrow(/APP_ID/);
    await expect(startServer({ port: 0, env: { WEBHOOK_SECRET: SECRET, APP_ID: String(APP_ID) } })).rejects.toThrow(/PRIVATE_KEY/);
  });

  describe('over HTTP, with GitHub Enterprise settings pointing at a fake', () => {
    let repo: ReturnType<typeof buildRepo>;
    let fake: FakeGitHub;
    let server: StartedServer;

    beforeAll(async () => {
      repo = buildRepo(BRANCHES);
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      fake = new FakeGitHub(repo.dir, OWNER, REPO, APP_ID, 'main', 'http://github.test/api/v3').install();
      server = await startServer({
        port: 0,
        env: { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, GHE_HOST: 'github.test', GHE_PROTOCOL: 'http', LOG_LEVEL: 'fatal', PREADMIT_GITHUB_THROTTLE: 'false', PREADMIT_RECOVERY: 'off' },
      });
    });
    afterAll(async () => {
      await server?.close();
      nock.cleanAll();
      nock.enableNetConnect();
      repo?.cleanup();
    });

    function payload(): string {
      const p = retarget(examplePayload('pull_request', 'opened'), OWNER, REPO);
      const pr = p.pull_request as Record<string, Record<string, unknown>>;
      (pr.head as Record<string, unknown>).sha = fake.sha('bad');
      (pr.base as Record<string, unknown>).sha = fake.sha('main');
      (pr.base as Record<string, unknown>).ref = 'main';
      (p.installation as Record<string, unknown>).id = INSTALLATION_ID;
      fake.pulls.set(Number(p.number), { number: Number(p.number), state: 'open', author: 'octocat', baseRef: 'main', headRef: 'bad', headRepo: `${OWNER}/${REPO}` });
      return JSON.stringify(p);
    }

    const post = (body: string, signature: string | undefined, id: string) =>
      fetch(server.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': id,
          ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}),
        },
        body,
      });

    it('rejects forged and unsigned deliveries without a single GitHub request', async () => {
      const body = payload();
      const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
      const r1 = await post(body, forged, 'forged-1');
      const r2 = await post(body, undefined, 'unsigned-1');
      expect(r1.status).toBeGreaterThanOrEqual(400);
      expect(r2.status).toBeGreaterThanOrEqual(400);
      expect(fake.requests).toEqual([]);
    });

    it('a signed delivery creates the check run and completes it', async () => {
      const body = payload();
      const res = await post(body, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`, 'signed-1');
      expect(res.status).toBe(200);
      await preadmitHandle(server.probot)?.idle();
      const [run] = fake.runsFor(fake.sha('bad'));
      expect(run?.conclusion).toBe('failure');
      expect(run?.annotations).toHaveLength(1);
      expect(fake.requests.every((r) => r.path.startsWith('/api/v3/'))).toBe(true);
    });

    it('answers /ping', async () => {
      const res = await fetch(`${server.url}/ping`);
      expect(await res.text()).toBe('PONG');
    });
  });
});
