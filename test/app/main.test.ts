// The documented start commands, `npm start` (`node dist/app.mjs`, the bundle `npm run build` makes) and
// `node --import tsx src/app/main.ts`: node itself receives SIGTERM and runs the orderly shutdown (exit 0), and a
// bogus key or a missing secret stops it at start with a clear message.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY } from './helpers.ts';

function start(args: string[], env: Record<string, string>): { out: () => string; exited: Promise<number | null>; kill: (s: NodeJS.Signals) => void; waitFor: (re: RegExp) => Promise<void> } {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => {
    text += d.toString('utf8');
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    out: () => text,
    exited,
    kill: (s) => child.kill(s),
    async waitFor(re) {
      while (!re.test(text)) await new Promise<void>((r) => waiters.push(r));
    },
  };
}

describe.each([[['dist/app.mjs']], [['--import', 'tsx', 'src/app/main.ts']]])('node %j', (args: string[]) => {
  it('shuts down in order on SIGTERM and exits 0', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const app = start(args, { APP_ID: '4242', PRIVATE_KEY, WEBHOOK_SECRET: 'a-webhook-secret-for-tests-only', PORT: port, LOG_LEVEL: 'info', LOG_FORMAT: 'json', PREADMIT_RECOVERY: 'off' });
    await app.waitFor(/"msg":"listening"/);
    app.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const lines = app.out().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'listening')).toMatchObject({ url: `http://127.0.0.1:${port}`, path: '/api/github/webhooks', queue: 'memory' });
    expect(lines.find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
  }, 60_000);

  it('stops at start on a bogus private key, naming it', async () => {
    const app = start(args, { APP_ID: '4242', PRIVATE_KEY: 'bogus', WEBHOOK_SECRET: 'a-webhook-secret-for-tests-only', LOG_LEVEL: 'fatal' });
    expect(await app.exited).toBe(1);
    expect(app.out()).toMatch(/PRIVATE_KEY/);
  }, 60_000);
});
