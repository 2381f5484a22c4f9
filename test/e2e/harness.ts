// The end-to-end harness: the demo repository as real git history, the fake GitHub (test/support/github)
// serving it over HTTP, and the app's real server pointed at it through Probot's GitHub Enterprise settings.
import type { Logger } from 'pino';
import type { RecoverySummary } from '../../src/app/recovery.ts';
import { startServer, type StartedServer } from '../../src/app/server.ts';
import { serveOverHttp, type HttpFront } from '../support/github/http.ts';
import { GitHubModel, type FakeRepo } from '../support/github/model.ts';
import { generateAppKey, HARNESS_TOKEN } from './webhooks.ts';

export const APP_ID = 4321;
export const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';
export const CI_TOKEN = 'ci-token-for-check-pr-0123456789';
/** A token that reads but cannot create check runs (a personal access token, or Actions without checks: write). */
export const READ_ONLY_TOKEN = 'read-only-token-0123456789abcdef';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
function logLevel(v: string | undefined): (typeof LOG_LEVELS)[number] {
  return LOG_LEVELS.find((l) => l === v) ?? 'fatal';
}

export interface Harness {
  /** GitHub's state: repositories, pull requests, check runs, comments, every request. */
  github: GitHubModel;
  /** Where the app reaches it. */
  http: HttpFront;
  app: StartedServer;
  /** What the app's restart recovery did at start-up (undefined with `PREADMIT_RECOVERY=off`). */
  recovery: RecoverySummary | undefined;
  privateKey: string;
  close(): Promise<void>;
}

/**
 * The fake GitHub, then the app's server. `beforeStart` runs in between (e.g. to record the runs a crashed process
 * left). The server serves webhooks at once; the harness still waits for its restart recovery to finish, so
 * the tests' request counts never include the recovery's scan.
 */
export async function startHarness(
  repos: FakeRepo[],
  env: Record<string, string> = {},
  beforeStart?: (github: GitHubModel) => void | Promise<void>,
  options: { log?: Logger } = {},
): Promise<Harness> {
  const privateKey = generateAppKey();
  const github = new GitHubModel({ appId: APP_ID, privateKeyPem: privateKey, repos, acceptTokens: [HARNESS_TOKEN, CI_TOKEN], readOnlyTokens: [READ_ONLY_TOKEN] });
  const http = await serveOverHttp(github);
  let app;
  let recovery: RecoverySummary | undefined;
  try {
    await beforeStart?.(github);
    app = await startServer({
      port: 0,
      host: '127.0.0.1',
      ...(options.log !== undefined ? { log: options.log } : {}),
      env: {
        APP_ID: String(APP_ID),
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET,
        GHE_HOST: http.host,
        GHE_PROTOCOL: 'http',
        // Quiet by default (a forged delivery is logged as an error on purpose); PREADMIT_E2E_LOG_LEVEL=info to debug.
        LOG_LEVEL: logLevel(process.env.PREADMIT_E2E_LOG_LEVEL),
        // Probot's throttling spaces writes 1 s apart, process-wide; the tests make few requests.
        PREADMIT_GITHUB_THROTTLE: 'false',
        NODE_ENV: 'test',
        ...env,
      },
    });
    recovery = await app.recovery;
  } catch (e) {
    await app?.close();
    await http.close();
    throw e;
  }
  return {
    github,
    http,
    app,
    recovery,
    privateKey,
    async close() {
      await app.close();
      await http.close();
    },
  };
}
