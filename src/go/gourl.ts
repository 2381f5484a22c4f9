// The part of Go's net/url that JSON references use (github.com/xeipuuv/gojsonreference): url.Parse for
// references (no request-URI mode), String, ResolveReference, and the escaping rules behind them. Hosts are
// kept as written (no IP-literal or port validation): references here only name documents in one schema.
import { goQuote } from './strconv.ts';

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

type Mode = 'path' | 'fragment' | 'host';

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if (mode === 'host' && '!$&\'()*+,;=:[]<>"'.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

class UrlError extends Error {}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** url.unescape: `%XX` decoded to bytes (the result read as UTF-8, as Go keeps bytes). */
function unescape(s: string, mode: Mode): string {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; ) {
    if (s[i] === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) {
        const bad = s.slice(i, i + 3);
        throw new UrlError(`invalid URL escape ${goQuote(bad)}`);
      }
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of enc.encode(ch)) bytes.push(b);
      i += ch.length;
    }
  }
  void mode;
  return Buffer.from(bytes).toString('utf8');
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    if (shouldEscape(b, mode)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (const b of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(b);
    if ("!$&'()*+,;=:@[]%".includes(ch)) continue;
    if (shouldEscape(b, mode)) return false;
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

/** url.Parse; an error is Go's message (`parse "…": …`). */
export function goUrlParse(raw: string): GoUrl | { error: string } {
  const hash = raw.indexOf('#');
  const rest = hash < 0 ? raw : raw.slice(0, hash);
  let u: GoUrl;
  try {
    u = parse(rest);
  } catch (e) {
    if (e instanceof UrlError) return { error: `parse ${goQuote(rest)}: ${e.message}` };
    throw e;
  }
  if (hash < 0) return u;
  const frag = raw.slice(hash + 1);
  if (frag === '') return u;
  try {
    u.fragment = unescape(frag, 'fragment');
  } catch (e) {
    if (e instanceof UrlError) return { error: `parse ${goQuote(raw)}: ${e.message}` };
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
  if (rest.endsWith('?') && rest.split('?').length === 2) {
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
      for (const part of userinfo.split(':').slice(0, 2)) unescape(part, 'path');
      u.user = userinfo;
    }
  }
  setPath(u, rest);
  return u;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/** parseHost: IP literals in brackets, an optional port, `%` escapes only for non-ASCII bytes (and `%25`). */
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescapeHost(host.slice(0, zone)) + unescape(host.slice(zone, i), 'path') + unescapeHost(host.slice(i));
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescapeHost(host);
}

function unescapeHost(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (s[i] === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) throw new UrlError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      if (parseInt(s[i + 1]!, 16) < 8 && s.slice(i, i + 3) !== '%25') throw new UrlError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      i += 2;
    } else if (c < 0x80 && shouldEscape(c, 'host')) {
      throw new UrlError(`invalid character ${goQuote(s[i]!)} in host name`);
    }
  }
  return unescape(s, 'host');
}

/** URL.String. */
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
  return buf;
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
