// The one Octokit of both front doors (the app through Probot, `preadmit check-pr` with a token), with the
// official throttling and retry plugins configured once, here. There is no second retry layer:
//
// - rate limits (plugin-throttling): a secondary limit (403/429 saying "secondary rate limit") waits the
//   `retry-after` GitHub sends (60 s without one), an exhausted primary limit waits until `x-ratelimit-reset`;
//   either is retried while the wait is at most `maxWaitMs` and the request has attempts left. Probot's own
//   default only logs a secondary limit and fails the request: one busy minute on GitHub's side would fail
//   checks. Writes are paced (one at a time, 1 s apart per installation), as GitHub asks of integrations.
// - server errors (plugin-retry): 5xx, 429 and network failures are retried with its backoff (1, 4, 9 s);
//   400/401/403/404/410/422/451 are answers, never retried.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit as RestOctokit } from '@octokit/rest';

/** What the GitHub code needs of a client: Octokit's `request` (tests pass doubles). */
export interface GitHubRequester {
  request(
    route: string,
    params?: Record<string, unknown>,
  ): Promise<{ status: number; data: unknown; headers: Record<string, string | number | undefined> }>;
}

export interface GitHubClientPolicy {
  /** Attempts per rate-limited request, the first included (default 4). */
  attempts?: number;
  /** The longest rate-limit wait accepted; a longer `retry-after` or reset fails the request at once (default 120 s). */
  maxWaitMs?: number;
  /** Rate-limit handling and write pacing (plugin-throttling). Default true; stand-ins and most tests turn it off. */
  throttle?: boolean;
  /** Retry 5xx, 429 and network errors (plugin-retry). Default true. */
  retryServerErrors?: boolean;
  /**
   * Where a rate-limit wait happens (tests record it instead of waiting). When given, the plugins do not wait
   * themselves: the wait is this promise, then the request is retried.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Told about every rate-limit retry before its wait. */
  onRetry?: (info: { route: string; limit: 'secondary rate limit' | 'rate limit'; waitMs: number; attempt: number }) => void;
}

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MAX_WAIT_MS = 120_000;

/** What plugin-throttling hands a limit handler about the request it stopped. */
interface LimitedRequest {
  method?: string;
  url?: string;
  request?: { retryCount?: number };
}

type OctokitOptions = Record<string, unknown>;

/**
 * `options` with preadmit's `throttle` and `retry` settings merged over whatever the base class set (Probot puts
 * its Redis connection for cluster-wide pacing into `throttle`: it is kept).
 */
export function withClientPolicy(options: OctokitOptions, policy: GitHubClientPolicy = {}): OctokitOptions {
  const attempts = Math.max(1, policy.attempts ?? DEFAULT_ATTEMPTS);
  const maxWaitMs = policy.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const { sleep, onRetry } = policy;
  const onLimit =
    (limit: 'secondary rate limit' | 'rate limit') =>
    async (retryAfterSeconds: number, request: LimitedRequest): Promise<boolean> => {
      const waitMs = Math.max(0, retryAfterSeconds) * 1000;
      const attempt = (request.request?.retryCount ?? 0) + 1;
      if (attempt >= attempts || waitMs > maxWaitMs) return false;
      onRetry?.({ route: `${request.method ?? 'GET'} ${request.url ?? ''}`, limit, waitMs, attempt });
      if (sleep !== undefined) await sleep(waitMs);
      return true;
    };
  const base = isRecord(options.throttle) ? options.throttle : {};
  const baseRetry = isRecord(options.retry) ? options.retry : {};
  return {
    ...options,
    throttle:
      policy.throttle === false
        ? { ...base, enabled: false }
        : {
            ...base,
            enabled: true,
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            onRateLimit: onLimit('rate limit'),
            // With `sleep`, the handler has already waited: the plugin retries at once.
            ...(sleep !== undefined ? { retryAfterBaseValue: 0 } : {}),
          },
    retry: policy.retryServerErrors === false ? { ...baseRetry, enabled: false } : { ...baseRetry, enabled: true, ...(sleep !== undefined ? { retryAfterBaseValue: 0 } : {}) },
  };
}

/**
 * `Base` (an Octokit class with the throttling and retry plugins: Probot's `ProbotOctokit`, or this module's
 * REST client) with preadmit's policy as its defaults. Every client it makes, installation clients included,
 * follows the policy.
 */
export function githubOctokit<C extends { defaults(this: C, defaults: (options: OctokitOptions) => OctokitOptions): C }>(Base: C, policy: GitHubClientPolicy = {}): C {
  return Base.defaults((options) => withClientPolicy(options, policy));
}

/** The REST client of the CLI: @octokit/rest with the same two plugins Probot's client has. */
const RestWithPlugins = RestOctokit.plugin(throttling, retry);

export type RestClient = InstanceType<typeof RestWithPlugins>;

/** A token-authenticated client for `check-pr` (no token: anonymous, read-only). */
export function restClient(options: { token?: string; baseUrl: string; userAgent: string; log: { warn(message: string): void } }, policy: GitHubClientPolicy = {}): RestClient {
  const Client = githubOctokit(RestWithPlugins, policy);
  return new Client({
    ...(options.token !== undefined ? { auth: options.token } : {}),
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    // Octokit's own request logging could echo URLs and headers: only warnings, through the caller's (redacting) log.
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => options.log.warn(m), error: () => undefined },
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
