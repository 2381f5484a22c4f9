// The real Probot server on a loopback port: signed deliveries are handled, forged and unsigned ones are
// refused before any GitHub request, and production without a webhook secret does not start.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preadmitHandle } from '../../src/app/index.ts';
import { ServerConfigError, startServer, type StartedServer } from '../../src/app/server.ts';
import { buildRepo } from '../support/git-repo.ts';
import type { GitHubModel } from '../support/github/model.ts';
import { BRANCHES } from './fixture-repo.ts';
import { APP_ID, examplePayload, fakeGitHub, INSTALLATION_ID, PRIVATE_KEY, retarget } from './helpers.ts';

const SECRET = 'a-webhook-secret-for-tests-only';
const OWNER = 'acme';
const REPO = 'served';

describe('startServer', () => {
  it('never starts without a webhook secret, whatever NODE_ENV says, unless the development flag is set', async () => {
    for (const NODE_ENV of ['production', undefined, 'development', 'test', 'Production']) {
      const env = { APP_ID: String(APP_ID), PRIVATE_KEY, PREADMIT_RECOVERY: 'off', ...(NODE_ENV !== undefined ? { NODE_ENV } : {}) };
      await expect(startServer({ port: 0, env })).rejects.toThrow(ServerConfigError);
      await expect(startServer({ port: 0, env: { ...env, WEBHOOK_SECRET: '' } })).rejects.toThrow(/WEBHOOK_SECRET is not set/);
    }
    // The flag never applies in production.
    await expect(startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY, NODE_ENV: 'production', PREADMIT_ALLOW_DEVELOPMENT_SECRET: 'true' } })).rejects.toThrow(ServerConfigError);
  });

  it('refuses a webhook secret shorter than 16 characters', async () => {
    for (const secret of ['x', 'development', 'fifteen-chars!!']) {
      await expect(startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: secret } })).rejects.toThrow(/at least 16/);
    }
  });

  it('refuses a private key that is no usable RSA key, naming the variable, never printing the value', async () => {
    const bogus = ['not a key at all', '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n', Buffer.from('garbage-garbage-garbage').toString('base64')];
    for (const key of bogus) {
      const err = await startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY: key, WEBHOOK_SECRET: SECRET } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServerConfigError);
      expect((err as Error).message).toMatch(/PRIVATE_KEY/);
      expect((err as Error).message).not.toContain('AAAA');
    }
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY: ec, WEBHOOK_SECRET: SECRET } })).rejects.toThrow(/RSA/);
    await expect(startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY_PATH: '/nonexistent/key.pem', WEBHOOK_SECRET: SECRET } })).rejects.toThrow(ServerConfigError);
  });

  it('starts with the public development secret only with PREADMIT_ALLOW_DEVELOPMENT_SECRET=true', async () => {
    const server = await startServer({ port: 0, env: { APP_ID: String(APP_ID), PRIVATE_KEY, LOG_LEVEL: 'fatal', PREADMIT_RECOVERY: 'off', PREADMIT_ALLOW_DEVELOPMENT_SECRET: 'true' } });
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
    let fake: GitHubModel;
    let server: StartedServer;

    beforeAll(async () => {
      repo = buildRepo(BRANCHES);
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      fake = fakeGitHub(repo.dir, OWNER, REPO, { apiUrl: 'http://github.test/api/v3' });
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
      fake.addPull({ number: Number(p.number), state: 'open', author: 'octocat', base: 'main', head: 'bad', headRepo: `${OWNER}/${REPO}` });
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
      expect(run?.output.annotations).toHaveLength(1);
      expect(fake.requests.every((r) => r.url.startsWith('/api/v3/'))).toBe(true);
    });

    it('answers /ping', async () => {
      const res = await fetch(`${server.url}/ping`);
      expect(await res.text()).toBe('PONG');
    });
  });
});
