// Kubernetes' url library (apiserver pkg/cel/library/urls.go over Go's url.ParseRequestURI): url(),
// isURL(), getScheme(), getHost(), getHostname(), getPort(), getEscapedPath(), getQuery().
// The parser follows ParseRequestURI's rules for the parts these functions expose.
import type { Environment } from '@marcbachmann/cel-js';
import { libError } from './errors.ts';

export class URL {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly rawPath: string,
    readonly rawQuery: string,
  ) {}
}

function unescapeStrict(s: string, raw: string): string | { error: string } {
  const bad = /%(?![0-9A-Fa-f]{2})(.{0,2})/.exec(s);
  if (bad) return { error: `parse ${JSON.stringify(raw)}: invalid URL escape ${JSON.stringify(`%${bad[1]}`)}` };
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** url.ParseRequestURI. */
export function parseRequestURI(raw: string): URL | { error: string } {
  const fail = (why: string) => ({ error: `parse ${JSON.stringify(raw)}: ${why}` });
  if (raw === '') return fail('empty url');
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail('net/url: invalid control character in URL');
  let rest = raw;
  let scheme = '';
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  if (sm) {
    scheme = sm[1]!.toLowerCase();
    rest = raw.slice(sm[0].length);
  } else if (raw.startsWith(':')) return fail('missing protocol scheme');
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return new URL(scheme, '', '', rawQuery); // opaque
    return fail('invalid URI for request');
  }
  let host = '';
  if (rest.startsWith('//') && (scheme !== '' || !rest.startsWith('///'))) {
    const authorityEnd = rest.indexOf('/', 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    host = at >= 0 ? authority.slice(at + 1) : authority;
    if (host.startsWith('[')) {
      const close = host.indexOf(']');
      if (close < 0) return fail('missing \']\' in host');
      const port = host.slice(close + 1);
      if (port !== '' && !/^:[0-9]*$/.test(port)) return fail(`invalid port ${JSON.stringify(port)} after host`);
    } else {
      const colon = host.lastIndexOf(':');
      if (colon >= 0 && !/^[0-9]*$/.test(host.slice(colon + 1))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
    const h = unescapeStrict(host, raw);
    if (typeof h !== 'string') return h;
  }
  const p = unescapeStrict(rest, raw);
  if (typeof p !== 'string') return p;
  return new URL(scheme, host, rest, rawQuery);
}

function hostname(u: URL): string {
  const h = u.host;
  if (h.startsWith('[')) {
    const close = h.indexOf(']');
    return close < 0 ? h.slice(1) : h.slice(1, close);
  }
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

function port(u: URL): string {
  const h = u.host;
  const close = h.lastIndexOf(']');
  const colon = h.lastIndexOf(':');
  return colon > close ? h.slice(colon + 1) : '';
}

/** url.ParseQuery: pairs split on `&`, `+` a space; a pair with `;` or a bad escape is dropped. */
function query(u: URL): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of u.rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string): string | undefined => {
      const r = unescapeStrict(s.replace(/\+/g, ' '), '');
      return typeof r === 'string' ? r : undefined;
    };
    const k = decode(eq < 0 ? pair : pair.slice(0, eq));
    const v = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (k === undefined || v === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

export function registerURL(env: Environment): void {
  env.registerType('net.URL', URL);
  env.registerFunction('url(string): net.URL', (s: string) => {
    const u = parseRequestURI(s);
    if ('error' in u) throw libError(`URL parse error during conversion from string: ${u.error}`);
    return u;
  });
  env.registerFunction('isURL(string): bool', (s: string) => !('error' in parseRequestURI(s)));
  env.registerFunction('net.URL.getScheme(): string', (u: URL) => u.scheme);
  env.registerFunction('net.URL.getHost(): string', (u: URL) => u.host);
  env.registerFunction('net.URL.getHostname(): string', (u: URL) => hostname(u));
  env.registerFunction('net.URL.getPort(): string', (u: URL) => port(u));
  env.registerFunction('net.URL.getEscapedPath(): string', (u: URL) => u.rawPath);
  env.registerFunction('net.URL.getQuery(): map<string, list<string>>', (u: URL) => query(u));
}
