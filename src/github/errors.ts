// Every GitHub request the app makes goes through one wrapper that waits out rate limits. Probot's throttling
// plugin only logs a secondary rate limit (403/429 with `retry-after`) and does not retry it, and its retry
// plugin does not retry 403 at all; without this, one busy minute on GitHub's side would fail checks.
import type { GitHubRequester } from './source.ts';

export interface RetryOptions {
  /** Attempts per request, the first included. */
  attempts?: number;
  /** The longest wait the wrapper accepts; a longer `retry-after` fails the request at once. */
  maxWaitMs?: number;
  /** Retry 5xx and network errors too (Probot's retry plugin already does in production; the CLI has none). */
  retryServerErrors?: boolean;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { route: string; status: number | undefined; waitMs: number; attempt: number }) => void;
}

const WRAPPED = Symbol('preadmit.retrying');

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The HTTP status of an Octokit `RequestError` (or anything shaped like one). */
export function statusOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') return e.status;
  return undefined;
}

function headersOf(e: unknown): Record<string, unknown> {
  if (typeof e !== 'object' || e === null || !('response' in e)) return {};
  const r = e.response;
  if (typeof r !== 'object' || r === null || !('headers' in r)) return {};
  const h = r.headers;
  return typeof h === 'object' && h !== null ? (h as Record<string, unknown>) : {};
}

/**
 * How long to wait before retrying a failed request, or undefined when it must not be retried. GitHub's
 * rules: a secondary limit says `retry-after` (else wait at least a minute); an exhausted primary limit says
 * `x-ratelimit-reset` (epoch seconds).
 */
export function retryDelayMs(e: unknown, attempt: number, options: { retryServerErrors: boolean; now?: number }): number | undefined {
  const status = statusOf(e);
  const headers = headersOf(e);
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - (options.now ?? Date.now())) + 1000;
    }
    // A 429 without headers, or a 403 whose body says "secondary rate limit".
    if (status === 429 || /secondary rate limit|abuse/i.test(e instanceof Error ? e.message : '')) return 60_000;
    return undefined; // a plain 403: permissions, not load
  }
  if (!options.retryServerErrors) return undefined;
  if (status === undefined || status >= 500) return 1000 * 2 ** (attempt - 1);
  return undefined;
}

/** `octokit` with rate-limited requests retried after the wait GitHub asks for. Idempotent: wraps once. */
export function retryingRequester(octokit: GitHubRequester, options: RetryOptions = {}): GitHubRequester {
  if ((octokit as { [WRAPPED]?: boolean })[WRAPPED]) return octokit;
  const attempts = Math.max(1, options.attempts ?? 4);
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const sleep = options.sleep ?? defaultSleep;
  const retryServerErrors = options.retryServerErrors ?? false;
  const wrapped: GitHubRequester & { [WRAPPED]: boolean } = {
    [WRAPPED]: true,
    async request(route, params) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await octokit.request(route, params);
        } catch (e) {
          const wait = attempt < attempts ? retryDelayMs(e, attempt, { retryServerErrors }) : undefined;
          if (wait === undefined || wait > maxWaitMs) throw e;
          options.onRetry?.({ route, status: statusOf(e), waitMs: wait, attempt });
          await sleep(wait);
        }
      }
    },
  };
  return wrapped;
}

const SECRET_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\b(authorization|token|bearer)(\s*[:=]?\s*)(bearer\s+|token\s+)?[A-Za-z0-9._~+/=-]{16,}/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs (the app's own)
];

/** `text` with tokens, keys and the given secret values replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  for (const p of SECRET_PATTERNS) out = out.replace(p, '[redacted]');
  return out;
}

/** A one-line description of an error that is safe to log or show: status, message, never headers or tokens. */
export function describeError(e: unknown, secrets: readonly string[] = []): string {
  const status = statusOf(e);
  const message = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error && !message.includes(e.cause.message) ? `: ${e.cause.message}` : '';
  return redact(`${status !== undefined && !message.includes(String(status)) ? `HTTP ${status}: ` : ''}${message}${cause}`, secrets);
}
