// The end-to-end harness: the demo repository as real git history, the GitHub stand-in serving it, and the
// app's real server pointed at the stand-in through Probot's GitHub Enterprise settings.
import type { Logger } from 'pino';
import type { RecoverySummary } from '../../src/app/recovery.ts';
import { startServer, type StartedServer } from '../../src/app/server.ts';
import { startStandin, type Standin, type StandinRepo } from './standin.ts';
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
  standin: Standin;
  app: StartedServer;
  /** What the app's restart recovery did at start-up (undefined with `PREADMIT_RECOVERY=off`). */
  recovery: RecoverySummary | undefined;
  privateKey: string;
  close(): Promise<void>;
}

/**
 * The stand-in, then the app's server. `beforeStart` runs in between (e.g. to record the runs a crashed process
 * left). The server serves webhooks at once; the harness still waits for its restart recovery to finish, so
 * the tests' request counts never include the recovery's scan.
 */
export async function startHarness(
  repos: StandinRepo[],
  env: Record<string, string> = {},
  beforeStart?: (standin: Standin) => void | Promise<void>,
  options: { log?: Logger } = {},
): Promise<Harness> {
  const privateKey = generateAppKey();
  const standin = await startStandin({ appId: APP_ID, privateKeyPem: privateKey, repos, acceptTokens: [HARNESS_TOKEN, CI_TOKEN], readOnlyTokens: [READ_ONLY_TOKEN] });
  let app;
  let recovery: RecoverySummary | undefined;
  try {
    await beforeStart?.(standin);
    app = await startServer({
      port: 0,
      host: '127.0.0.1',
      ...(options.log !== undefined ? { log: options.log } : {}),
      env: {
        APP_ID: String(APP_ID),
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET,
        GHE_HOST: standin.host,
        GHE_PROTOCOL: 'http',
        // Quiet by default (a forged delivery is logged as an error on purpose); PREADMIT_E2E_LOG_LEVEL=info to debug.
        LOG_LEVEL: logLevel(process.env.PREADMIT_E2E_LOG_LEVEL),
        // Probot's throttling spaces writes 1 s apart, process-wide; the stand-in has no rate limits.
        PREADMIT_GITHUB_THROTTLE: 'false',
        NODE_ENV: 'test',
        ...env,
      },
    });
    recovery = await app.recovery;
  } catch (e) {
    await app?.close();
    await standin.close();
    throw e;
  }
  return {
    standin,
    app,
    recovery,
    privateKey,
    async close() {
      await app.close();
      await standin.close();
    },
  };
}
