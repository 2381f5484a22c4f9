// GitHub's errors as the app and the CLI show them: the status, a one-line message, never a token or a key
// (rate limits and retries are the client's: client.ts).

/** The HTTP status of an Octokit `RequestError` (or anything shaped like one). */
export function statusOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') return e.status;
  return undefined;
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

/** A GitHub request that failed: names the request, carries the HTTP status when there was one. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    readonly request: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** `GET /repos/a/b/pulls/3?per_page=100`: a request as errors and logs name it. */
export function requestName(route: string, params: Record<string, unknown>): string {
  const [method, url = ''] = route.split(' ');
  const used = new Set<string>();
  const expanded = url.replace(/\{(\w+)\}/g, (_, k: string) => {
    used.add(k);
    return encodeURIComponent(String(params[k] ?? ''));
  });
  const query = Object.entries(params)
    .filter(([k]) => !used.has(k))
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${method} ${expanded}${query ? `?${query}` : ''}`;
}

