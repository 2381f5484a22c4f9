// Go's net/url.Parse (Go 1.25 module defaults: a host's port is after its last colon, for every scheme) and
// OPA's uri.parse / uri.is_valid on top of it. Go works on bytes: here a "byte string" holds one byte per
// UTF-16 unit (latin1), turned back into text (invalid UTF-8 as U+FFFD per byte, as Go's JSON writes it) at
// the end.
import type { RegoValue } from '../opa/rego-value.ts';
import { goDecodeUtf8 } from './strings.ts';

class UrlError extends Error {}

function bad(message: string): never {
  throw new UrlError(message);
}

const ALNUM = /^[A-Za-z0-9]$/;

/** shouldEscape for the host and zone modes. */
function hostShouldEscape(c: string): boolean {
  if (ALNUM.test(c)) return false;
  return !`!$&'()*+,;=:[]<>"-_.~`.includes(c);
}

/** shouldEscape for the path mode. */
function pathShouldEscape(c: string): boolean {
  if (ALNUM.test(c)) return false;
  return !'-_.~$&+,/:;=@'.includes(c);
}

const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

type Mode = 'host' | 'zone' | 'path' | 'other';

/** url's unescape: `%XX` decoded (errors for a malformed one), host and zone restrictions. */
function unescape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) bad('invalid URL escape');
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      const pct25 = s.slice(i, i + 3) === '%25';
      if (mode === 'host' && v < 0x80 && !pct25) bad('invalid URL escape');
      if (mode === 'zone' && !pct25 && v !== 0x20 && hostShouldEscape(String.fromCharCode(v))) bad('invalid URL escape');
      out += String.fromCharCode(v);
      i += 3;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && hostShouldEscape(c)) bad('invalid character in host name');
    out += c;
    i++;
  }
  return out;
}

function escapePath(s: string): string {
  let out = '';
  for (const c of s) out += pathShouldEscape(c) ? '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0') : c;
  return out;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

/** netip.ParseAddr's verdict: an IPv4 address, an IPv6 one (zone allowed), or an error. */
function addrKind(s: string): 'v4' | 'v6' {
  for (const c of s) {
    if (c === '.') return ipv4Fields(s) ? 'v4' : bad('invalid host');
    if (c === ':') return ipv6Valid(s) ? 'v6' : bad('invalid host');
    if (c === '%') bad('invalid host');
  }
  bad('invalid host');
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
    if (m.length > 4) return false;
    if (m.length === 0) return false;
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

function parseHost(host: string): string {
  const open = host.lastIndexOf('[');
  if (open > 0) bad('invalid IP-literal');
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) bad("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) bad('invalid port after host');
    const port = unescape(colonPort, 'host');
    const name = host.slice(1, close);
    const zone = name.indexOf('%25');
    const unescaped = zone >= 0 ? unescape(name.slice(0, zone), 'host') + unescape(name.slice(zone), 'zone') : unescape(name, 'host');
    if (addrKind(unescaped) === 'v4') bad('invalid IP-literal');
    return `[${unescaped}]${port}`;
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !validOptionalPort(host.slice(colon))) bad('invalid port after host');
  return unescape(host, 'host');
}

interface GoUrl {
  scheme: string;
  opaque: boolean;
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) bad('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

/** url.Parse over a byte string; throws UrlError. */
function goUrlParse(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  const url: GoUrl = { scheme: '', opaque: false, host: '', path: '', rawPath: '', rawQuery: '', fragment: '' };
  if (/[\x00-\x1f\x7f]/.test(u)) bad('invalid control character in URL');
  if (u === '*') url.path = '*';
  else {
    let [scheme, rest] = getScheme(u);
    url.scheme = scheme.toLowerCase();
    if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) rest = rest.slice(0, -1);
    else {
      const q = rest.indexOf('?');
      if (q >= 0) [rest, url.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
    }
    if (!rest.startsWith('/') && url.scheme !== '') url.opaque = true;
    else {
      if (!rest.startsWith('/') && rest.split('/')[0]!.includes(':')) bad('first path segment in URL cannot contain colon');
      if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
        let authority = rest.slice(2);
        rest = '';
        const slash = authority.indexOf('/');
        if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
        const at = authority.lastIndexOf('@');
        url.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
        if (at >= 0) {
          const userinfo = authority.slice(0, at);
          if (!validUserinfo(userinfo)) bad('invalid userinfo');
          const c = userinfo.indexOf(':');
          if (c < 0) unescape(userinfo, 'other');
          else {
            unescape(userinfo.slice(0, c), 'other');
            unescape(userinfo.slice(c + 1), 'other');
          }
        }
      }
      url.path = unescape(rest, 'path');
      url.rawPath = escapePath(url.path) === rest ? '' : rest;
    }
  }
  // Fragment errors are only malformed escapes.
  if (frag !== '') url.fragment = unescape(frag, 'other');
  return url;
}

/** A byte string as text: UTF-8 decoded, each byte of an invalid sequence a U+FFFD (as Go's JSON writes it). */
function text(bytes: string): string {
  return /[\x80-\xff]/.test(bytes) ? goDecodeUtf8(Buffer.from(bytes, 'latin1')) : bytes;
}

function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** uri.parse: the non-empty components, or undefined where url.Parse errors. */
export function uriParse(s: string): RegoValue | undefined {
  let url: GoUrl;
  try {
    url = goUrlParse(toBytes(s));
  } catch (e) {
    if (e instanceof UrlError) return undefined;
    throw e;
  }
  // Hostname and Port: a valid `:digits` after the last colon is the port; brackets stripped.
  let hostname = url.host;
  let port = '';
  const colon = hostname.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(hostname.slice(colon))) [hostname, port] = [hostname.slice(0, colon), hostname.slice(colon + 1)];
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  const fields: Array<[string, string]> = [];
  if (url.scheme) fields.push(['scheme', url.scheme]);
  if (hostname) fields.push(['hostname', hostname]);
  if (port) fields.push(['port', port]);
  if (url.path) fields.push(['path', url.path], ['raw_path', url.rawPath || url.path]);
  if (url.rawQuery) fields.push(['raw_query', url.rawQuery]);
  if (url.fragment) fields.push(['fragment', url.fragment]);
  return { t: 'object', v: fields.map(([k, v]) => [{ t: 'string', v: k }, { t: 'string', v: text(v) }]) };
}

/** uri.is_valid: a non-empty string url.Parse accepts. */
export function uriIsValid(v: RegoValue): boolean {
  if (v.t !== 'string' || v.v === '') return false;
  return uriParse(v.v) !== undefined;
}
