// The app's log lines (pino, through Probot's logger): a constant message from LOG_MESSAGES (util/log.ts) and structured fields
// (`log('info', 'check concluded', { run, key, sha, conclusion })`). A delivery's payload, a pull request's title or
// body and a repository's file content never reach a line. An error is logged as a sanitised code (`err:
// 'http_422'`, `'ECONNREFUSED'`, `'CheckError'`); its text (redacted of tokens and secrets) is added only when the
// logger is at debug level or below.
import type { Logger } from 'probot';
import { describeError, redact, statusOf } from '../github/errors.ts';
import type { LogLine } from '../util/log.ts';

/**
 * A short code for an error that is safe at any level: `http_<status>` for an HTTP error, a Node system error's
 * code (`ECONNREFUSED`), else the error's class name (`CheckError`, `TypeError`), else `error`.
 */
function errorCode(e: unknown): string {
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
