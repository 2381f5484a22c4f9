// The app's log lines (pino, through Probot's logger): a constant message from LOG_MESSAGES and structured fields
// (`log('info', 'check concluded', { run, key, sha, conclusion })`). A delivery's payload, a pull request's title or
// body and a repository's file content never reach a line. An error is logged as a sanitised code (`err:
// 'http_422'`, `'ECONNREFUSED'`, `'CheckError'`); its text (redacted of tokens and secrets) is added only when the
// logger is at debug level or below.
import type { Logger } from 'probot';
import { describeError, redact, statusOf } from '../github/errors.ts';

/** Every message the app logs. A message is a constant: what varies goes into fields. */
export const LOG_MESSAGES = [
  // server.ts, main.ts
  'listening',
  'shutting down',
  'shutdown failed',
  'development webhook secret in use: deliveries can be forged',
  'delivery accepted on the public development secret',
  'delivery rejected',
  'delivery failed',
  'webhook intake failed',
  // index.ts: deliveries and checks
  'delivery already handled; ignored',
  'check run created',
  'check progress',
  'check failed',
  'check concluded',
  'check result discarded',
  'check run ended without a result',
  'check run could not be completed',
  'check job error',
  'stale check runs concluded',
  'stale check run lookup failed',
  'pull request not open; event ignored',
  'command refused',
  're-run names no pull request or merge group; ignored',
  're-run of a closed pull request ignored',
  'merge group gone; nothing to check',
  // publish.ts
  'check run completion failed; minimal completion sent',
  'annotations batch failed',
  'noting missing annotations failed',
  // queue-bullmq.ts
  'queue error',
  'check started on this instance',
  'check handed back to the queue',
  // recovery.ts
  'recovery started',
  'recovery done',
  'recovery failed',
  'recovery step failed',
  'recovery started a check for a head without a run',
  'recovery concluded an interrupted run',
] as const;

export type LogMessage = (typeof LOG_MESSAGES)[number];
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
/** Writes one line: `message` with `fields`; `error` adds its code (`err`), and its text only at debug level. */
export type LogLine = (level: LogLevel, message: LogMessage, fields?: LogFields, error?: unknown) => void;

/**
 * A short code for an error that is safe at any level: `http_<status>` for an HTTP error, a Node system error's
 * code (`ECONNREFUSED`), else the error's class name (`CheckError`, `TypeError`), else `error`.
 */
export function errorCode(e: unknown): string {
  const status = statusOf(e);
  if (status !== undefined) return `http_${status}`;
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && /^E[A-Z0-9_]{1,40}$/.test(e.code)) return e.code;
  if (e instanceof Error && /^[A-Za-z]{1,40}$/.test(e.name) && e.name !== 'Error') return e.name;
  return 'error';
}

/** The app's `LogLine` on a pino logger; string fields and error texts are redacted of `secrets`. */
export function structuredLog(log: Logger, secrets: readonly string[] = []): LogLine {
  return (level, message, fields = {}, error) => {
    const out: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = typeof v === 'string' ? redact(v, secrets).slice(0, 500) : v;
    if (error !== undefined) {
      out.err = errorCode(error);
      if (log.isLevelEnabled('debug')) out.error = describeError(error, secrets).slice(0, 2000);
    }
    log[level](out, message);
  };
}
