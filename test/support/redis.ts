// A throwaway redis-server for the Redis-mode tests and the app benchmark: the Debian package the project's own
// scripts/install-redis.sh installs (`npm run tools`), on a random loopback port, no persistence.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export interface LocalRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Polls `fn` every 100 ms until it returns a value (not undefined/false); throws naming `what` after `timeoutMs`. */
export async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A loopback port free right now (the kernel picks it), so two servers started at once do not collide. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startRedis(): Promise<LocalRedis> {
  const probe = spawnSync('redis-server', ['--version']);
  if (probe.status !== 0) throw new Error('redis-server is missing: run scripts/install-redis.sh (npm run tools) first');
  // A server that exits before it answers (its port taken in between) is started again on another port.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const answered = await until(
      'redis to answer',
      () => (child.exitCode !== null ? 'exited' : spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG') && 'up'),
      30_000,
    );
    if (answered === 'exited') {
      if (attempt < 5) continue;
      throw new Error('redis-server exited before it answered, five times');
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      async stop() {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
}
