// The operations endpoints over real HTTP: /healthz, /readyz (in memory mode; in Redis mode against a real
// redis-server, 503 once Redis is gone), /metrics in the Prometheus format; roles are validated at start.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerConfigError, startServer, type StartedServer } from '../../src/app/server.ts';
import { APP_ID, PRIVATE_KEY } from './helpers.ts';

const env: NodeJS.ProcessEnv = { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: 'an-ops-test-webhook-secret', PREADMIT_RECOVERY: 'off', LOG_LEVEL: 'fatal' };
const servers: StartedServer[] = [];
let redis: ChildProcess | undefined;
afterAll(async () => {
  for (const s of servers) await s.close();
  redis?.kill('SIGKILL');
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
    for (const name of ['preadmit_queue_waiting 0', 'preadmit_queue_running 0', 'preadmit_check_duration_seconds', 'preadmit_check_conclusions_total', 'preadmit_evaluation_errors_total']) expect(m.text).toContain(name);
  }, 60_000);

  it('split roles need REDIS_URL; an unknown role stops the start', async () => {
    await expect(startServer({ port: 0, env: { ...env, PREADMIT_ROLE: 'web' } })).rejects.toThrow(/REDIS_URL/);
    await expect(startServer({ port: 0, env: { ...env, PREADMIT_ROLE: 'everything' } })).rejects.toThrow(ServerConfigError);
  });

  it('Redis mode: ready while Redis answers, 503 once it is gone', async () => {
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is missing: run scripts/install-redis.sh');
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 300 && !spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG'); i++) await new Promise((r) => setTimeout(r, 100));
    const s = await startServer({ port: 0, env: { ...env, REDIS_URL: `redis://127.0.0.1:${port}`, PREADMIT_ROLE: 'web' } });
    servers.push(s);
    expect(await get(`${s.url}/readyz`)).toMatchObject({ status: 200 });
    redis.kill('SIGKILL');
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
