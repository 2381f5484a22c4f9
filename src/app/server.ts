// The app's HTTP server: Probot's webhook middleware (signature verification included) on a plain Node
// server, one evaluation runtime for the process, and an orderly shutdown that leaves no check in_progress.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot, ProbotOctokit, type Probot } from 'probot';
import { createRuntime } from '../engine/runtime.ts';
import preadmitApp, { preadmitHandle } from './index.ts';
import { DEFAULT_RECOVERY_MAX_PRS, DEFAULT_RECOVERY_MAX_REPOS, type RecoverySummary } from './recovery.ts';

export interface StartedServer {
  /** `http://host:port` of the server. */
  url: string;
  /** Where GitHub delivers webhooks: `url` + `WEBHOOK_PATH` (default `/api/github/webhooks`). */
  webhookUrl: string;
  probot: Probot;
  /**
   * Restart recovery, started in the background once the server listens (webhooks are served meanwhile);
   * undefined with `PREADMIT_RECOVERY=off`. Never rejects; `close()` stops it.
   */
  recovery: Promise<RecoverySummary> | undefined;
  close(): Promise<void>;
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';

function nonNegativeInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Starts the real Probot server on a loopback port (`port` 0 picks a free one). Configuration comes from
 * `env` as for `probot run`: `APP_ID`, `PRIVATE_KEY` / `PRIVATE_KEY_PATH`, `WEBHOOK_SECRET`, `WEBHOOK_PATH`,
 * `GHE_HOST` / `GHE_PROTOCOL`, `LOG_LEVEL`, plus `PREADMIT_CONCURRENCY`, `PREADMIT_JOB_TIMEOUT_MS`,
 * `PREADMIT_SHUTDOWN_GRACE_MS`, `PREADMIT_CACHE_DIR`, `PREADMIT_GITHUB_THROTTLE=false`, `PREADMIT_RECOVERY=off`,
 * `PREADMIT_RECOVERY_MAX_PRS` and `PREADMIT_RECOVERY_MAX_REPOS` (see .env.example).
 * Refuses to start with `NODE_ENV=production` and no `WEBHOOK_SECRET`.
 */
export async function startServer(opts: { port?: number; host?: string; env?: NodeJS.ProcessEnv } = {}): Promise<StartedServer> {
  const env = opts.env ?? process.env;
  if (!env.WEBHOOK_SECRET) {
    if (env.NODE_ENV === 'production') {
      throw new ServerConfigError('refusing to start: NODE_ENV is production and WEBHOOK_SECRET is not set, so webhook deliveries could not be verified');
    }
  }
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) throw new ServerConfigError('APP_ID must be set to the GitHub App id');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) throw new ServerConfigError('PRIVATE_KEY or PRIVATE_KEY_PATH must be set to the GitHub App private key');

  const throttle = env.PREADMIT_GITHUB_THROTTLE !== 'false';
  const probot = createProbot({
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'info' },
    overrides: throttle ? {} : { Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { ...(o.throttle as object), enabled: false } })) },
  });

  const runtime = createRuntime(env.PREADMIT_CACHE_DIR ? { cacheDir: env.PREADMIT_CACHE_DIR } : {});
  const secrets = [env.WEBHOOK_SECRET, env.PRIVATE_KEY].filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  let middleware: Awaited<ReturnType<typeof createNodeMiddleware>>;
  try {
    middleware = await createNodeMiddleware(
      (app, options) =>
        preadmitApp(app, {
          ...options,
          runtime,
          appId,
          secrets,
          queue: {
            concurrency: positiveInt(env.PREADMIT_CONCURRENCY, 2),
            jobTimeoutMs: positiveInt(env.PREADMIT_JOB_TIMEOUT_MS, 10 * 60_000),
          },
        }),
      { probot, webhooksPath: webhookPath },
    );
  } catch (e) {
    await runtime.close();
    throw e;
  }
  // Probot sets its logger up inside createNodeMiddleware: warn only after it.
  if (!env.WEBHOOK_SECRET) probot.log.warn('WEBHOOK_SECRET is not set: deliveries are verified with the development secret. Never do this in production.');

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void middleware(req, res, () => {
      if (req.method === 'GET' && req.url === '/ping') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  const host = opts.host ?? env.HOST ?? '127.0.0.1';
  const port = opts.port ?? positiveInt(env.PORT, 3000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  probot.log.info(`preadmit listening on ${url}${webhookPath}`);

  // Runs an earlier process left unfinished (a crash, kill -9) would otherwise block their PRs until the next
  // event; recovery runs in the background, the server already serves webhooks.
  const recoveryOff = /^(off|false|0|no)$/i.test(env.PREADMIT_RECOVERY ?? '');
  const recovery = recoveryOff
    ? undefined
    : preadmitHandle(probot)?.recover({
        maxPrs: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_PRS, DEFAULT_RECOVERY_MAX_PRS),
        maxRepos: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_REPOS, DEFAULT_RECOVERY_MAX_REPOS),
      });

  let closing: Promise<void> | undefined;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    probot,
    recovery,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await preadmitHandle(probot)?.close(positiveInt(env.PREADMIT_SHUTDOWN_GRACE_MS, 30_000));
        await runtime.close();
      })();
      return closing;
    },
  };
}
