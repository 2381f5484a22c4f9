// Go's net/url (Go 1.25 module defaults: a host's port is after its last colon, for every scheme), the one port of it:
// url.Parse (no request-URI mode), String, ResolveReference and the escaping rules behind them, as OPA's `uri.*`
// builtins and JSON-schema references (github.com/xeipuuv/gojsonreference) use them. Go works on bytes: a URL's
// fields here are byte strings (one byte per UTF-16 unit, latin1), made from the text's UTF-8 and turned back into
// text with `goUrlText` (invalid UTF-8 as U+FFFD per byte, as Go's JSON writes it). Errors are Go's messages.
import { goQuote } from './strconv.ts';
import { goDecodeUtf8 } from './strings.ts';

export interface GoUrl {
  scheme: string;
  opaque: string;
  user: string | undefined; // userinfo as written, when there was an `@`
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
  rawFragment: string;
}

type Mode = 'path' | 'fragment' | 'host' | 'zone' | 'userinfo';

class UrlError extends Error {}

/** Text as the bytes Go holds: its UTF-8, one byte per UTF-16 unit. */
function goUrlBytes(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

/** A byte string as text: UTF-8 decoded, each byte of an invalid sequence a U+FFFD. */
export function goUrlText(bytes: string): string {
  return /[\x80-\xff]/.test(bytes) ? goDecodeUtf8(Buffer.from(bytes, 'latin1')) : bytes;
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** url.shouldEscape for a byte. */
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && '!$&\'()*+,;=:[]<>"'.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** url.unescape over a byte string: `%XX` decoded, with the host and zone restrictions. */
function unescape(s: string, mode: Mode): string {
  if (!s.includes('%') && mode !== 'host' && mode !== 'zone') return s;
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        throw new UrlError(`invalid URL escape ${goQuote(goUrlText(s.slice(i, i + 3)))}`);
      }
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      const pct25 = s.slice(i, i + 3) === '%25';
      // In a host, %-escapes only for non-ASCII bytes; in a zone, none for what a host needs escaped.
      if (mode === 'host' && v < 0x80 && !pct25) throw new UrlError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      if (mode === 'zone' && !pct25 && v !== 0x20 && shouldEscape(v, 'host')) throw new UrlError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      out += String.fromCharCode(v);
      i += 3;
      continue;
    }
    const code = c.charCodeAt(0);
    if ((mode === 'host' || mode === 'zone') && code < 0x80 && shouldEscape(code, 'host')) {
      throw new UrlError(`invalid character ${goQuote(c)} in host name`);
    }
    out += c;
    i++;
  }
  return out;
}

/** url.escape over a byte string. */
function escape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    out += shouldEscape(b, mode) ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : s[i];
  }
  return out;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    if ("!$&'()*+,;=:@[]%".includes(s[i]!)) continue;
    if (shouldEscape(s.charCodeAt(i), mode)) return false;
  }
  return true;
}

function setPath(u: GoUrl, p: string): void {
  u.path = unescape(p, 'path');
  u.rawPath = escape(u.path, 'path') === p ? '' : p;
}

function escapedPath(u: GoUrl): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, 'path')) {
    try {
      if (unescape(u.rawPath, 'path') === u.path) return u.rawPath;
    } catch (e) {
      if (!(e instanceof UrlError)) throw e;
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, 'path');
}

function escapedFragment(u: GoUrl): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, 'fragment')) {
    try {
      if (unescape(u.rawFragment, 'fragment') === u.fragment) return u.rawFragment;
    } catch (e) {
      if (!(e instanceof UrlError)) throw e;
    }
  }
  return escape(u.fragment, 'fragment');
}

/** url.Parse of a text; an error is Go's message (`parse "…": …`). */
export function goUrlParse(text: string): GoUrl | { error: string } {
  const raw = goUrlBytes(text);
  const hash = raw.indexOf('#');
  const rest = hash < 0 ? raw : raw.slice(0, hash);
  let u: GoUrl;
  try {
    u = parse(rest);
  } catch (e) {
    if (e instanceof UrlError) return { error: `parse ${goQuote(goUrlText(rest))}: ${e.message}` };
    throw e;
  }
  if (hash < 0) return u;
  const frag = raw.slice(hash + 1);
  if (frag === '') return u;
  try {
    u.fragment = unescape(frag, 'fragment');
  } catch (e) {
    if (e instanceof UrlError) return { error: `parse ${goQuote(text)}: ${e.message}` };
    throw e;
  }
  u.rawFragment = escape(u.fragment, 'fragment') === frag ? '' : frag;
  return u;
}

function emptyUrl(): GoUrl {
  return { scheme: '', opaque: '', user: undefined, host: '', path: '', rawPath: '', rawQuery: '', forceQuery: false, fragment: '', rawFragment: '' };
}

function parse(rawURL: string): GoUrl {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(rawURL)) throw new UrlError('net/url: invalid control character in URL');
  const u = emptyUrl();
  if (rawURL === '') return u;
  if (rawURL === '*') {
    u.path = '*';
    return u;
  }
  let rest = rawURL;
  for (let i = 0; i < rawURL.length; i++) {
    const c = rawURL.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) break;
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      u.scheme = rawURL.slice(0, i).toLowerCase();
      rest = rawURL.slice(i + 1);
    }
    break;
  }
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const slash = rest.indexOf('/');
    const seg = slash < 0 ? rest : rest.slice(0, slash);
    if (seg.includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    u.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
      const colon = userinfo.indexOf(':');
      if (colon < 0) unescape(userinfo, 'userinfo');
      else {
        unescape(userinfo.slice(0, colon), 'userinfo');
        unescape(userinfo.slice(colon + 1), 'userinfo');
      }
      u.user = userinfo;
    }
  }
  setPath(u, rest);
  return u;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/**
 * parseHost: an IP literal in brackets (only at the start, validated as netip.ParseAddr does, never IPv4), an
 * optional port, `%` escapes only for non-ASCII bytes (and `%25`).
 */
function parseHost(host: string): string {
  const open = host.lastIndexOf('[');
  if (open > 0) throw new UrlError('invalid IP-literal');
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
    const port = unescape(colonPort, 'host');
    const name = host.slice(1, close);
    const zone = name.indexOf('%25');
    const unescaped = zone >= 0 ? unescape(name.slice(0, zone), 'host') + unescape(name.slice(zone), 'zone') : unescape(name, 'host');
    if (addrKind(unescaped) === 'v4') throw new UrlError('invalid IP-literal');
    return `[${unescaped}]${port}`;
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0) {
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
  }
  return unescape(host, 'host');
}

/** netip.ParseAddr's verdict on a bracketed host: an IPv4 address, an IPv6 one (zone allowed), or an error. */
function addrKind(s: string): 'v4' | 'v6' {
  for (const c of s) {
    if (c === '.') {
      if (ipv4Fields(s)) return 'v4';
      break;
    }
    if (c === ':') {
      if (ipv6Valid(s)) return 'v6';
      break;
    }
    if (c === '%') break;
  }
  // Go wraps netip's own reason, which is not reproduced here: the address is refused all the same.
  throw new UrlError(`invalid host: ParseAddr(${goQuote(goUrlText(s))}): invalid IP address`);
}

function ipv4Fields(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function ipv6Valid(input: string): boolean {
  let s = input;
  const z = s.indexOf('%');
  if (z >= 0) {
    if (z === s.length - 1) return false;
    s = s.slice(0, z);
  }
  let ellipsis = -1;
  let i = 0;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return true;
  }
  while (i < 16) {
    const m = /^[0-9A-Fa-f]*/.exec(s)![0];
    if (m.length > 4 || m.length === 0) return false;
    if (s[m.length] === '.') {
      if (ellipsis < 0 && i !== 12) return false;
      if (i + 4 > 16) return false;
      if (!ipv4Fields(s)) return false;
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(m.length);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;
}

/** The host without its port and brackets (URL.Hostname) and the port (URL.Port). */
export function goUrlHostPort(u: GoUrl): { hostname: string; port: string } {
  let hostname = u.host;
  let port = '';
  const colon = hostname.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(hostname.slice(colon))) [hostname, port] = [hostname.slice(0, colon), hostname.slice(colon + 1)];
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { hostname, port };
}

/** URL.String, as text. */
export function goUrlString(u: GoUrl): string {
  let buf = '';
  if (u.scheme !== '') buf += `${u.scheme}:`;
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== undefined) {
      if (u.host !== '' || u.path !== '' || u.user !== undefined) buf += '//';
      if (u.user !== undefined) buf += `${u.user}@`;
      if (u.host !== '') buf += escape(u.host, 'host');
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += `?${u.rawQuery}`;
  if (u.fragment !== '') buf += `#${escapedFragment(u)}`;
  return goUrlText(buf);
}
function resolvePath(base: string, ref: string): string {
  let full: string;
  if (ref === '') full = base;
  else if (ref[0] !== '/') full = base.slice(0, base.lastIndexOf('/') + 1) + ref;
  else full = ref;
  if (full === '') return '';
  let dst = '/';
  let first = true;
  const parts = full.split('/');
  let elem = '';
  for (const part of parts) {
    elem = part;
    if (elem === '.') {
      first = false;
      continue;
    }
    if (elem === '..') {
      const str = dst.slice(1);
      const index = str.lastIndexOf('/');
      dst = '/';
      if (index === -1) first = true;
      else dst += str.slice(0, index);
    } else {
      if (!first) dst += '/';
      dst += elem;
      first = false;
    }
  }
  if (elem === '.' || elem === '..') dst += '/';
  if (dst.length > 1 && dst[1] === '/') dst = dst.slice(1);
  return dst;
}

/** URL.ResolveReference. */
export function goUrlResolve(base: GoUrl, ref: GoUrl): GoUrl {
  const url: GoUrl = { ...ref };
  if (ref.scheme === '') url.scheme = base.scheme;
  if (ref.scheme !== '' || ref.host !== '' || ref.user !== undefined) {
    setPath(url, resolvePath(escapedPath(ref), ''));
    return url;
  }
  if (ref.opaque !== '') {
    url.user = undefined;
    url.host = '';
    url.path = '';
    return url;
  }
  if (ref.path === '' && !ref.forceQuery && ref.rawQuery === '') {
    url.rawQuery = base.rawQuery;
    if (ref.fragment === '') {
      url.fragment = base.fragment;
      url.rawFragment = base.rawFragment;
    }
  }
  if (ref.path === '' && base.opaque !== '') {
    url.opaque = base.opaque;
    url.user = undefined;
    url.host = '';
    url.path = '';
    return url;
  }
  url.host = base.host;
  url.user = base.user;
  setPath(url, resolvePath(escapedPath(base), escapedPath(ref)));
  return url;
}
