// The operations endpoints over real HTTP: /healthz, /readyz (in memory mode; in Redis mode against a real
// redis-server, 503 once Redis is gone), /metrics in the Prometheus format; roles are validated at start.
import { afterAll, describe, expect, it } from 'vitest';
import { ServerConfigError, startServer, type StartedServer } from '../../src/app/server.ts';
import { startRedis, type LocalRedis } from '../support/redis.ts';
import { APP_ID, PRIVATE_KEY } from './helpers.ts';

const env: NodeJS.ProcessEnv = { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: 'an-ops-test-webhook-secret', PREADMIT_RECOVERY: 'off', LOG_LEVEL: 'fatal' };
const servers: StartedServer[] = [];
let redis: LocalRedis | undefined;
afterAll(async () => {
  for (const s of servers) await s.close();
  await redis?.stop();
});

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

describe('operations endpoints', () => {
  it('memory mode: healthz and readyz answer 200, metrics lists the queue and check metrics', async () => {
    const s = await startServer({ port: 0, env });
    servers.push(s);
    expect(await get(`${s.url}/healthz`)).toMatchObject({ status: 200 });
    expect(await get(`${s.url}/readyz`)).toMatchObject({ status: 200, text: 'ready\n' });
    const m = await get(`${s.url}/metrics`);
    expect(m.status).toBe(200);
    for (const name of [
      'preadmit_queue_waiting 0',
      'preadmit_queue_running 0',
      'preadmit_queue_wait_seconds_bucket',
      'preadmit_check_duration_seconds_bucket',
      'preadmit_check_duration_quantiles_seconds{quantile="0.5"}',
      'preadmit_check_duration_quantiles_seconds{quantile="0.95"}',
      'preadmit_check_conclusions_total',
      'preadmit_evaluation_errors_total',
      'preadmit_cache_hits_total',
      'preadmit_cache_misses_total',
    ])
      expect(m.text).toContain(name);
  }, 60_000);

  it('split roles need REDIS_URL; an unknown role stops the start', async () => {
    await expect(startServer({ port: 0, env: { ...env, PREADMIT_ROLE: 'web' } })).rejects.toThrow(/REDIS_URL/);
    await expect(startServer({ port: 0, env: { ...env, PREADMIT_ROLE: 'everything' } })).rejects.toThrow(ServerConfigError);
  });

  it('Redis mode: ready while Redis answers, 503 once it is gone', async () => {
    redis = await startRedis();
    const s = await startServer({ port: 0, env: { ...env, REDIS_URL: redis.url, PREADMIT_ROLE: 'web' } });
    servers.push(s);
    expect(await get(`${s.url}/readyz`)).toMatchObject({ status: 200 });
    await redis.stop();
    let r = await get(`${s.url}/readyz`);
    for (let i = 0; i < 100 && r.status === 200; i++) {
      await new Promise((res) => setTimeout(res, 100));
      r = await get(`${s.url}/readyz`);
    }
    expect(r.status).toBe(503);
    expect(r.text).toContain('Redis');
    expect(await get(`${s.url}/healthz`)).toMatchObject({ status: 200 });
  }, 60_000);
});
