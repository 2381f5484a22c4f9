// The app's HTTP server: a webhook intake in front of Probot (bounded, verified before anything is
// acknowledged), one evaluation runtime for the process, periodic recovery, and an orderly shutdown that
// leaves no check in_progress.
import { createHmac, createPrivateKey, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPrivateKey } from '@probot/get-private-key';
import { createNodeMiddleware, createProbot, ProbotOctokit, type Logger, type Probot } from 'probot';
import { createRuntime } from '../engine/runtime.ts';
import preadmitApp, { preadmitHandle } from './index.ts';
import { DEFAULT_RECOVERY_MAX_PRS, DEFAULT_RECOVERY_MAX_REPOS, type RecoverySummary } from './recovery.ts';
import { githubOctokit } from '../github/client.ts';
import { redact } from '../github/errors.ts';
import { createMetrics } from './metrics.ts';
import { structuredLog } from './log.ts';
import type { LogLine } from '../util/log.ts';

/** What an instance does: `web` verifies and queues deliveries, `worker` runs checks, `all` both (default). */
type Role = 'web' | 'worker' | 'all';

function roleOf(env: NodeJS.ProcessEnv): Role {
  const v = (env.PREADMIT_ROLE ?? 'all').trim().toLowerCase();
  if (v === 'web' || v === 'worker' || v === 'all') return v;
  throw new ServerConfigError(`PREADMIT_ROLE must be web, worker or all (got ${JSON.stringify(v.slice(0, 20))})`);
}

export interface StartedServer {
  /** `http://host:port` of the server. */
  url: string;
  /** Where GitHub delivers webhooks: `url` + `WEBHOOK_PATH` (default `/api/github/webhooks`). */
  webhookUrl: string;
  probot: Probot;
  /** The server's log (constant messages, structured fields: see log.ts). */
  log: LogLine;
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
/** GitHub caps webhook payloads at 25 MB; a larger body is no delivery of GitHub's. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** Unverified bodies read at once, all deliveries together; beyond it a delivery gets 503. */
const MAX_UNVERIFIED_BYTES = 4 * MAX_WEBHOOK_BYTES;
/** A delivery's headers and body must arrive within this long (GitHub itself gives up after 10 s). */
const DEFAULT_READ_TIMEOUT_MS = 10_000;
/** The shortest webhook secret accepted (GitHub's docs ask for a random string with high entropy). */
const MIN_WEBHOOK_SECRET_LENGTH = 16;
/** Probot's fallback secret without WEBHOOK_SECRET: public, so anyone can sign with it. */
const DEVELOPMENT_SECRET = 'development';
/** The explicit flag that lets the server run with the public development secret (never in production). */
const DEVELOPMENT_SECRET_FLAG = 'PREADMIT_ALLOW_DEVELOPMENT_SECRET';
/** Between two recovery scans by default (seconds); 0 scans at start-up only. */
const DEFAULT_RECOVERY_INTERVAL_S = 600;

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
 * The webhook secret the server verifies with. Without `WEBHOOK_SECRET` the server does not start, unless
 * `PREADMIT_ALLOW_DEVELOPMENT_SECRET=true` says to use Probot's public development secret (whatever
 * `NODE_ENV` says); a secret shorter than MIN_WEBHOOK_SECRET_LENGTH is refused.
 */
function webhookSecret(env: NodeJS.ProcessEnv): { secret: string; development: boolean } {
  const secret = env.WEBHOOK_SECRET;
  if (secret === undefined || secret === '') {
    if (env[DEVELOPMENT_SECRET_FLAG] === 'true' && env.NODE_ENV !== 'production') return { secret: DEVELOPMENT_SECRET, development: true };
    throw new ServerConfigError(
      `refusing to start: WEBHOOK_SECRET is not set, so webhook deliveries could not be verified (anyone could forge them). ` +
        `Set it to the app's webhook secret; only for local development, ${DEVELOPMENT_SECRET_FLAG}=true uses the public development secret.`,
    );
  }
  if (secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new ServerConfigError(`refusing to start: WEBHOOK_SECRET has ${secret.length} characters; use a random secret of at least ${MIN_WEBHOOK_SECRET_LENGTH}`);
  }
  return { secret, development: false };
}

/**
 * The app's private key as Probot finds it (`PRIVATE_KEY` inline, `\n`-escaped or base64, or `PRIVATE_KEY_PATH`),
 * checked to be a usable RSA private key, so a bogus key stops the start instead of failing every delivery.
 */
function appPrivateKey(env: NodeJS.ProcessEnv): string {
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) throw new ServerConfigError('PRIVATE_KEY or PRIVATE_KEY_PATH must be set to the GitHub App private key');
  let pem: string | null;
  try {
    pem = getPrivateKey({ env: { PRIVATE_KEY: env.PRIVATE_KEY, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH } });
  } catch (e) {
    throw new ServerConfigError(`cannot read the private key (${env.PRIVATE_KEY_PATH ? 'PRIVATE_KEY_PATH' : 'PRIVATE_KEY'}): ${redact(e instanceof Error ? e.message : String(e), [env.PRIVATE_KEY ?? ''])}`);
  }
  const what = env.PRIVATE_KEY ? 'PRIVATE_KEY' : `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})`;
  if (pem === null || pem === '') throw new ServerConfigError(`${what} holds no private key`);
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub Apps use RSA keys`);
  } catch (e) {
    throw new ServerConfigError(`${what} is not a usable GitHub App private key (a PEM file generated in the app's settings): ${e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 200) : 'unreadable'}`);
  }
  return pem;
}

/** Header values as one short printable string (attacker-controlled: never logged at length). */
function headerText(v: string | string[] | undefined, max = 80): string | undefined {
  const one = Array.isArray(v) ? v[0] : v;
  if (one === undefined) return undefined;
  return one.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}

/** `sha256=<hex>` of `body` under `secret`, compared in constant time. */
function signatureMatches(secret: string, body: Buffer, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, 'utf8');
  const given = Buffer.from(header, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type BodyRead = { body: Buffer } | { status: 408 | 413; reason: string };

/** Reads a request body of at most `maxBytes`, all of it before `deadline`; stops reading at either limit. */
function readBody(req: IncomingMessage, maxBytes: number, deadline: number, timeoutMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (!('body' in r)) req.pause();
      resolve(r);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > maxBytes) finish({ status: 413, reason: `body larger than GitHub's ${maxBytes}-byte webhook limit` });
      else chunks.push(c);
    };
    const onEnd = (): void => finish({ body: Buffer.concat(chunks, size) });
    const onError = (): void => finish({ status: 408, reason: 'the connection failed while the body was read' });
    const timer = setTimeout(() => finish({ status: 408, reason: `headers and body not received within ${timeoutMs} ms` }), Math.max(0, deadline - Date.now()));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

/**
 * Starts the real Probot server on a loopback port (`port` 0 picks a free one). Configuration comes from
 * `env` as for `probot run`: `APP_ID`, `PRIVATE_KEY` / `PRIVATE_KEY_PATH`, `WEBHOOK_SECRET`, `WEBHOOK_PATH`,
 * `GHE_HOST` / `GHE_PROTOCOL`, `LOG_LEVEL`, plus `PREADMIT_CONCURRENCY`, `PREADMIT_JOB_TIMEOUT_MS`,
 * `PREADMIT_SHUTDOWN_GRACE_MS`, `PREADMIT_CACHE_DIR`, `PREADMIT_GITHUB_THROTTLE=false`, `PREADMIT_RECOVERY=off`,
 * `PREADMIT_RECOVERY_INTERVAL`, `PREADMIT_RECOVERY_MAX_PRS`, `PREADMIT_RECOVERY_MAX_REPOS`,
 * `PREADMIT_WEBHOOK_READ_TIMEOUT_MS` and `PREADMIT_ALLOW_DEVELOPMENT_SECRET` (see .env.example).
 *
 * Webhooks go through the server's own intake, not Probot's middleware: the body is capped at 25 MB (413) and
 * must arrive within the read timeout (408); the signature is checked on the raw bytes before anything else
 * (401, one log line, no payload); the delivery is answered 200 only once its handler is done, which for a
 * check means its run exists, and 500 when the handler failed, so GitHub records a failed delivery.
 */
export async function startServer(opts: { port?: number; host?: string; env?: NodeJS.ProcessEnv; log?: Logger } = {}): Promise<StartedServer> {
  const env = opts.env ?? process.env;
  const { secret, development } = webhookSecret(env);
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) throw new ServerConfigError('APP_ID must be set to the GitHub App id');
  const privateKey = appPrivateKey(env);
  const role = roleOf(env);
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (role !== 'all' && redisUrl === undefined) throw new ServerConfigError(`PREADMIT_ROLE=${role} needs REDIS_URL: split roles share the queue in Redis`);

  const throttle = env.PREADMIT_GITHUB_THROTTLE !== 'false';
  const probot = createProbot({
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'info', WEBHOOK_SECRET: secret },
    overrides: {
      privateKey,
      ...(opts.log !== undefined ? { log: opts.log } : {}),
      // src/github/client.ts: rate limits waited out (secondary ones too), 5xx retried, writes paced.
      Octokit: githubOctokit(ProbotOctokit, { throttle }),
    },
  });

  const runtime = createRuntime(env.PREADMIT_CACHE_DIR ? { cacheDir: env.PREADMIT_CACHE_DIR } : {});
  const secrets = [development ? undefined : secret, env.PRIVATE_KEY, privateKey].filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const webhookPath = (env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH).replace(/\/+$/, '') || '/';
  try {
    // Loads the app into Probot (and sets its logger up). Its webhook middleware is not used: see the intake.
    await createNodeMiddleware(
      (app, options) =>
        preadmitApp(app, {
          ...options,
          runtime,
          appId,
          secrets,
          queue: {
            concurrency: positiveInt(env.PREADMIT_CONCURRENCY, 2),
            jobTimeoutMs: positiveInt(env.PREADMIT_JOB_TIMEOUT_MS, 10 * 60_000),
            ...(env.PREADMIT_INSTALLATION_CONCURRENCY ? { perGroup: positiveInt(env.PREADMIT_INSTALLATION_CONCURRENCY, 1) } : {}),
          },
          ...(redisUrl !== undefined
            ? {
                redis: {
                  url: redisUrl,
                  process: role !== 'web',
                  concurrency: positiveInt(env.PREADMIT_CONCURRENCY, 2),
                  jobTimeoutMs: positiveInt(env.PREADMIT_JOB_TIMEOUT_MS, 10 * 60_000),
                  lockMs: positiveInt(env.PREADMIT_REDIS_LOCK_MS, 30_000),
                  ...(env.PREADMIT_REDIS_PREFIX ? { prefix: env.PREADMIT_REDIS_PREFIX } : {}),
                  ...(env.PREADMIT_INSTALLATION_CONCURRENCY ? { perGroup: positiveInt(env.PREADMIT_INSTALLATION_CONCURRENCY, 1) } : {}),
                },
              }
            : {}),
        }),
      { probot, webhooksPath: webhookPath },
    );
  } catch (e) {
    await runtime.close();
    throw e;
  }
  const handle = preadmitHandle(probot);
  const log = structuredLog(probot.log.child({ name: 'preadmit' }), secrets);
  // WEBHOOK_SECRET is not set and the flag says to verify with the PUBLIC development secret: never in production.
  if (development) log('warn', 'development webhook secret in use: deliveries can be forged', { flag: DEVELOPMENT_SECRET_FLAG });

  const metrics = createMetrics(handle);

  const readTimeoutMs = positiveInt(env.PREADMIT_WEBHOOK_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS);
  let unverifiedBytes = 0;

  const answer = (res: ServerResponse, status: number, text: string, close = false): void => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(close ? { connection: 'close' } : {}) }).end(`${text}\n`);
  };

  /** One delivery: bounded read, signature, then the handlers; a refused one gets one log line (id, event, reason). */
  async function intake(req: IncomingMessage, res: ServerResponse, started: number): Promise<void> {
    const id = headerText(req.headers['x-github-delivery']);
    const event = headerText(req.headers['x-github-event'], 40);
    const signature = headerText(req.headers['x-hub-signature-256'], 100);
    // Constant messages, the delivery in fields (never its payload).
    const fields = { delivery: id ?? null, event: event ?? null };
    const refuse = (status: number, reason: string, close = false): void => {
      log('warn', 'delivery rejected', { ...fields, status, reason });
      answer(res, status, reason, close);
      // Whatever of the body was not read is not waited for.
      if (close) res.once('finish', () => req.destroy());
    };
    const contentType = headerText(req.headers['content-type']) ?? '';
    if (!/^\s*application\/json\s*(;|$)/i.test(contentType)) return refuse(415, 'Content-Type must be application/json', true);
    const missing = ['x-github-event', 'x-hub-signature-256', 'x-github-delivery'].filter((h) => req.headers[h] === undefined);
    if (missing.length > 0) return refuse(400, `required headers missing: ${missing.join(', ')}`, true);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_WEBHOOK_BYTES) return refuse(413, `body of ${declared} bytes is larger than GitHub's ${MAX_WEBHOOK_BYTES}-byte webhook limit`, true);
    const reserve = Number.isFinite(declared) && declared >= 0 ? declared : MAX_WEBHOOK_BYTES;
    if (unverifiedBytes + reserve > MAX_UNVERIFIED_BYTES) return refuse(503, 'too many unverified deliveries are being read at once', true);
    unverifiedBytes += reserve;
    let read: BodyRead;
    try {
      read = await readBody(req, MAX_WEBHOOK_BYTES, started + readTimeoutMs, readTimeoutMs);
    } finally {
      unverifiedBytes -= reserve;
    }
    if (!('body' in read)) return refuse(read.status, read.reason, true);
    if (!signatureMatches(secret, read.body, signature ?? '')) return refuse(401, 'signature does not match the payload and the webhook secret');
    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || id === undefined || event === undefined) return refuse(400, 'the body is not a JSON object');
    if (development) log('warn', 'delivery accepted on the public development secret', { ...fields, flag: DEVELOPMENT_SECRET_FLAG });
    try {
      await probot.webhooks.receive({ id, name: event, payload } as Parameters<Probot['webhooks']['receive']>[0]);
    } catch (e) {
      // preadmit's handlers report their own failures (takeFailure below); this one is Probot's. Its error
      // carries the whole payload: only the first error's code is logged (its text at debug level).
      const errors: unknown[] = e instanceof AggregateError ? e.errors : [e];
      log('error', 'delivery failed', { ...fields, errors: errors.length }, errors[0]);
      return answer(res, 500, 'handling the delivery failed; it can be redelivered');
    }
    if (handle?.takeFailure(id) !== undefined) return answer(res, 500, 'handling the delivery failed; it can be redelivered');
    answer(res, 200, 'ok');
  }

  const server = createServer({ headersTimeout: readTimeoutMs, requestTimeout: readTimeoutMs + 5_000, connectionsCheckingInterval: 1_000 }, (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const path = (req.url ?? '').split('?')[0]?.replace(/\/+$/, '') || '/';
    if (path === webhookPath && role !== 'worker') {
      if (req.method !== 'POST') {
        res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' }).end('POST only\n');
        return;
      }
      intake(req, res, started).catch((e: unknown) => {
        log('error', 'webhook intake failed', {}, e);
        answer(res, 500, 'internal error');
      });
      return;
    }
    if (req.method === 'GET' && (path === '/ping' || path === '/healthz')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(path === '/ping' ? 'PONG' : 'ok\n');
      return;
    }
    if (req.method === 'GET' && path === '/readyz') {
      void Promise.resolve(handle === undefined ? 'the app is not loaded' : handle.queue.notReady()).then(
        (why) => res.writeHead(why === undefined ? 200 : 503, { 'content-type': 'text/plain' }).end(why === undefined ? 'ready\n' : `not ready: ${why}\n`),
        () => res.writeHead(503, { 'content-type': 'text/plain' }).end('not ready\n'),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      void metrics.text().then(
        (m) => res.writeHead(200, { 'content-type': metrics.contentType }).end(m),
        () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const host = opts.host ?? env.HOST ?? '127.0.0.1';
  const port = opts.port ?? positiveInt(env.PORT, 3000);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await handle?.close(0);
    await runtime.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  log('info', 'listening', { url, path: webhookPath, role, queue: redisUrl !== undefined ? 'redis' : 'memory' });

  // Runs an earlier process left unfinished (a crash, kill -9), and open PRs whose head has no run at all (a
  // push while the app was down, a delivery that failed), would block their PRs until the next event: recovery
  // scans in the background at start-up, then every PREADMIT_RECOVERY_INTERVAL seconds, one scan at a time.
  // Recovery starts checks: a worker-only instance leaves it to the web instances.
  const recoveryOff = role === 'worker' || /^(off|false|0|no)$/i.test(env.PREADMIT_RECOVERY ?? '');
  const recoveryOptions = {
    maxPrs: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_PRS, DEFAULT_RECOVERY_MAX_PRS),
    maxRepos: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_REPOS, DEFAULT_RECOVERY_MAX_REPOS),
  };
  const recovery = recoveryOff ? undefined : handle?.recover(recoveryOptions);
  const intervalS = nonNegativeInt(env.PREADMIT_RECOVERY_INTERVAL, DEFAULT_RECOVERY_INTERVAL_S);
  let periodic: NodeJS.Timeout | undefined;
  if (!recoveryOff && intervalS > 0 && handle !== undefined) {
    let last: Promise<unknown> | undefined = recovery;
    periodic = setInterval(() => {
      if (last !== undefined) return;
      last = handle.recover({ ...recoveryOptions, periodic: true }).finally(() => {
        last = undefined;
      });
    }, intervalS * 1000);
    periodic.unref();
    void recovery?.finally(() => {
      last = undefined;
    });
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    probot,
    log,
    recovery,
    close() {
      closing ??= (async () => {
        clearInterval(periodic);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await handle?.close(positiveInt(env.PREADMIT_SHUTDOWN_GRACE_MS, 30_000));
        await runtime.close();
      })();
      return closing;
    },
  };
}
