// Go's crypto/x509 certificate parsing (ParseCertificates, as OPA v1.17.1's crypto.x509.* builtins call it) and
// encoding/json's rendering of the resulting x509.Certificate, plus encoding/pem's Decode. Written from Go's
// documented behaviour and checked against `opa eval`; what preadmit cannot reproduce exactly (DSA keys, some name
// constraint forms, policy OIDs with huge arcs, time zones other than Z, URIs beyond plain forms) is an evaluation
// error (Error), never a silently different value. Go's own errors are X509Error (the call is undefined).
import { goIPString } from './net.ts';
import { createPublicKey } from 'node:crypto';
import { ctx, DerReader, oidEqual, TAG } from './asn1.ts';
import type { RegoValue } from '../opa/rego-value.ts';

export class X509Error extends Error {}

function err(message: string): never {
  throw new X509Error(message);
}
export function unsupported(what: string): never {
  throw new Error(`x509: ${what} is not supported by preadmit`);
}

// ---------------------------------------------------------------------------------------------
// Rego values as Go's encoding/json writes them (objects keyed by field name).

export const J = {
  null: { t: 'null' } as RegoValue,
  bool: (v: boolean): RegoValue => ({ t: 'boolean', v }),
  num: (v: number | bigint): RegoValue => ({ t: 'number', v: v.toString() }),
  str: (v: string): RegoValue => ({ t: 'string', v }),
  /** A []byte: base64, nil as null. */
  bytes: (v: Buffer | undefined): RegoValue => (v ? { t: 'string', v: v.toString('base64') } : { t: 'null' }),
  arr: (v: RegoValue[] | undefined): RegoValue => (v ? { t: 'array', v } : { t: 'null' }),
  obj: (fields: Record<string, RegoValue>): RegoValue => ({
    t: 'object',
    v: Object.keys(fields)
      .sort()
      .map((k): [RegoValue, RegoValue] => [{ t: 'string', v: k }, fields[k]!]),
  }),
  strs: (v: string[] | undefined): RegoValue => J.arr(v?.map(J.str)),
  oid: (v: number[]): RegoValue => J.arr(v.map(J.num)),
};

// ---------------------------------------------------------------------------------------------
// encoding/pem.Decode

export interface PemBlock {
  type: string;
  bytes: Buffer;
}

function getLine(data: Buffer): [Buffer, Buffer, number] {
  let i = data.indexOf(0x0a);
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] === 0x0d) i--;
  }
  let e = i;
  while (e > 0 && (data[e - 1] === 0x20 || data[e - 1] === 0x09)) e--;
  return [data.subarray(0, e), data.subarray(j), j];
}

function pemBase64(data: Buffer): Buffer | undefined {
  const t = data.toString('latin1').replace(/[ \t\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}

const PEM_START = Buffer.from('\n-----BEGIN ');
const PEM_END = Buffer.from('\n-----END ');
const DASHES = Buffer.from('-----');

/** pem.Decode: the first block and the rest, or undefined (rest = all of data). */
export function pemDecode(data: Buffer): { block: PemBlock; rest: Buffer } | undefined {
  let rest = data;
  let endTrailerIndex = 0;
  for (;;) {
    if (endTrailerIndex < 0 || endTrailerIndex > rest.length) return undefined;
    rest = rest.subarray(endTrailerIndex);
    let endIndex = rest.indexOf(PEM_END);
    if (endIndex < 0) return undefined;
    endTrailerIndex = endIndex + PEM_END.length;
    const beginIndex = rest.subarray(0, endIndex).lastIndexOf(PEM_START.subarray(1));
    if (beginIndex < 0 || (beginIndex > 0 && rest[beginIndex - 1] !== 0x0a)) continue;
    const skip = beginIndex + PEM_START.length - 1;
    rest = rest.subarray(skip);
    endIndex -= skip;
    endTrailerIndex -= skip;
    const [typeLine0, afterType, consumed] = getLine(rest);
    rest = afterType;
    endIndex -= consumed;
    endTrailerIndex -= consumed;
    if (typeLine0.length < DASHES.length || !typeLine0.subarray(typeLine0.length - DASHES.length).equals(DASHES)) continue;
    const typeLine = typeLine0.subarray(0, typeLine0.length - DASHES.length);
    let headers = 0;
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next, used] = getLine(rest);
      if (line.indexOf(0x3a) < 0) break;
      headers++;
      rest = next;
      endIndex -= used;
      endTrailerIndex -= used;
    }
    if (truncated) return undefined;
    if (headers > 0 && endIndex < 0) continue;
    let endTrailer = rest.subarray(endTrailerIndex);
    const endTrailerLen = typeLine.length + DASHES.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.subarray(endTrailerLen);
    endTrailer = endTrailer.subarray(0, endTrailerLen);
    if (!endTrailer.subarray(0, typeLine.length).equals(typeLine) || !endTrailer.subarray(endTrailer.length - DASHES.length).equals(DASHES)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    let bytes: Buffer = Buffer.alloc(0);
    if (endIndex > 0) {
      const decoded = pemBase64(rest.subarray(0, endIndex));
      if (!decoded) continue;
      bytes = decoded;
    }
    const [, after] = getLine(rest.subarray(endIndex + PEM_END.length - 1));
    return { block: { type: typeLine.toString('latin1'), bytes }, rest: after };
  }
}

// ---------------------------------------------------------------------------------------------
// Names, strings, times

function isPrintable(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || (b >= 0x27 && b <= 0x29) || (b >= 0x2b && b <= 0x2f) ||
    b === 0x20 || b === 0x3a || b === 0x3d || b === 0x3f || b === 0x2a || b === 0x26
  );
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function validUtf8(b: Buffer): string | undefined {
  try {
    return utf8Strict.decode(b);
  } catch {
    return undefined;
  }
}

function isAscii(b: Buffer): boolean {
  return b.every((c) => c < 0x80);
}

function asn1String(tag: number, b: Buffer): string {
  switch (tag) {
    case TAG.T61String:
      return Array.from(b, (c) => String.fromCharCode(c)).join('');
    case TAG.PrintableString:
      if (!b.every(isPrintable)) err('invalid PrintableString');
      return b.toString('latin1');
    case TAG.UTF8String: {
      const s = validUtf8(b);
      if (s === undefined) err('invalid UTF-8 string');
      return s;
    }
    case TAG.BMPString: {
      if (b.length % 2 !== 0) err('invalid BMPString');
      let v = b;
      if (v.length >= 2 && v[v.length - 1] === 0 && v[v.length - 2] === 0) v = v.subarray(0, v.length - 2);
      let s = '';
      for (let i = 0; i < v.length; i += 2) {
        const p = (v[i]! << 8) | v[i + 1]!;
        if (p === 0xfffe || p === 0xffff || (p >= 0xfdd0 && p <= 0xfdef) || (p >= 0xd800 && p <= 0xdfff)) err('invalid BMPString');
        s += String.fromCharCode(p);
      }
      return s;
    }
    case TAG.IA5String:
      if (!isAscii(b)) err('invalid IA5String');
      return b.toString('latin1');
    case TAG.NumericString:
      if (!b.every((c) => (c >= 0x30 && c <= 0x39) || c === 0x20)) err('invalid NumericString');
      return b.toString('latin1');
  }
  return err(`unsupported string type: ${tag}`);
}

export interface Attr {
  type: number[];
  value: string;
}

function parseName(raw: Buffer): Attr[][] {
  const seq = new DerReader(raw).body(TAG.SEQUENCE) ?? err('x509: invalid RDNSequence');
  const rdns: Attr[][] = [];
  while (!seq.empty) {
    const set = seq.body(TAG.SET) ?? err('x509: invalid RDNSequence');
    const rdn: Attr[] = [];
    while (!set.empty) {
      const atav = set.body(TAG.SEQUENCE) ?? err('x509: invalid RDNSequence: invalid attribute');
      const type = atav.oid() ?? err('x509: invalid RDNSequence: invalid attribute type');
      const v = atav.readAny() ?? err('x509: invalid RDNSequence: invalid attribute value');
      rdn.push({ type, value: asn1String(v.tag, v.body) });
    }
    rdns.push(rdn);
  }
  return rdns;
}

const NAME_LISTS: Record<number, string> = { 6: 'Country', 7: 'Locality', 8: 'Province', 9: 'StreetAddress', 10: 'Organization', 11: 'OrganizationalUnit', 17: 'PostalCode' };

/** pkix.Name filled from an RDN sequence, as encoding/json writes it. */
export function nameJson(rdns: Attr[][]): RegoValue {
  const lists: Record<string, string[] | undefined> = {};
  let commonName = '';
  let serialNumber = '';
  const names: RegoValue[] = [];
  for (const rdn of rdns) {
    for (const a of rdn) {
      names.push(J.obj({ Type: J.oid(a.type), Value: J.str(a.value) }));
      const t = a.type;
      if (t.length === 4 && t[0] === 2 && t[1] === 5 && t[2] === 4) {
        if (t[3] === 3) commonName = a.value;
        else if (t[3] === 5) serialNumber = a.value;
        else {
          const field = NAME_LISTS[t[3]!];
          if (field) (lists[field] ??= []).push(a.value);
        }
      }
    }
  }
  const out: Record<string, RegoValue> = { CommonName: J.str(commonName), SerialNumber: J.str(serialNumber), Names: J.arr(names.length ? names : undefined), ExtraNames: J.null };
  for (const field of Object.values(NAME_LISTS)) out[field] = J.strs(lists[field]);
  return J.obj(out);
}

/** A time as Go holds it: seconds since the epoch (UTC) and nanoseconds; `text` is its RFC 3339 (nano) form. */
interface GoTime {
  ns: bigint;
  text: string;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(month: number, year: number): number {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS[month - 1]!;
}

function civil(year: number, month: number, day: number, h: number, m: number, s: number, frac: string): GoTime | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || h > 23 || m > 59 || s > 59) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, 0);
  const ns = BigInt(d.getTime()) * 1_000_000n + BigInt((frac + '000000000').slice(0, 9));
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const text = `${p(year, 4)}-${p(month)}-${p(day)}T${p(h)}:${p(m)}:${p(s)}${frac ? '.' + frac : ''}Z`;
  return { ns, text };
}

function parseTime(r: DerReader): GoTime {
  if (r.peekTag(TAG.UTCTime)) {
    const e = r.read(TAG.UTCTime) ?? err('x509: malformed UTCTime');
    const t = e.body.toString('latin1');
    const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(Z|[+-]\d{4})$/.exec(t);
    if (!m) err('x509: malformed UTCTime');
    if (m[7] !== 'Z') unsupported('a certificate time with a zone offset');
    const yy = Number(m[1]);
    const v = civil(yy < 50 ? 2000 + yy : 1900 + yy, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), '');
    return v ?? err('x509: malformed UTCTime');
  }
  if (r.peekTag(TAG.GeneralizedTime)) {
    const e = r.read(TAG.GeneralizedTime) ?? err('x509: malformed GeneralizedTime');
    const t = e.body.toString('latin1');
    const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d*[1-9]))?(Z|[+-]\d{4})$/.exec(t);
    if (!m) err('x509: malformed GeneralizedTime');
    if (m[8] !== 'Z') unsupported('a certificate time with a zone offset');
    if (m[7] && m[7].length > 9) err('x509: malformed GeneralizedTime');
    const v = civil(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ?? '');
    return v ?? err('x509: malformed GeneralizedTime');
  }
  return err('x509: unsupported time format');
}

// ---------------------------------------------------------------------------------------------
// Algorithms and public keys

const OID = {
  rsa: [1, 2, 840, 113549, 1, 1, 1],
  dsa: [1, 2, 840, 10040, 4, 1],
  ecdsa: [1, 2, 840, 10045, 2, 1],
  ed25519: [1, 3, 101, 112],
  rsaPss: [1, 2, 840, 113549, 1, 1, 10],
  aiaOcsp: [1, 3, 6, 1, 5, 5, 7, 48, 1],
  aiaIssuers: [1, 3, 6, 1, 5, 5, 7, 48, 2],
  aia: [1, 3, 6, 1, 5, 5, 7, 1, 1],
};

/** Signature algorithms by OID (Go's SignatureAlgorithm numbers), RSA-PSS aside. */
const SIG_ALGS: Array<[number[], number, 'rsa' | 'ecdsa' | 'ed25519' | 'dsa', string]> = [
  [[1, 2, 840, 113549, 1, 1, 4], 2, 'rsa', 'md5'],
  [[1, 2, 840, 113549, 1, 1, 5], 3, 'rsa', 'sha1'],
  [[1, 3, 14, 3, 2, 29], 3, 'rsa', 'sha1'],
  [[1, 2, 840, 113549, 1, 1, 11], 4, 'rsa', 'sha256'],
  [[1, 2, 840, 113549, 1, 1, 12], 5, 'rsa', 'sha384'],
  [[1, 2, 840, 113549, 1, 1, 13], 6, 'rsa', 'sha512'],
  [[1, 2, 840, 10040, 4, 3], 7, 'dsa', 'sha1'],
  [[2, 16, 840, 1, 101, 3, 4, 3, 2], 8, 'dsa', 'sha256'],
  [[1, 2, 840, 10045, 4, 1], 9, 'ecdsa', 'sha1'],
  [[1, 2, 840, 10045, 4, 3, 2], 10, 'ecdsa', 'sha256'],
  [[1, 2, 840, 10045, 4, 3, 3], 11, 'ecdsa', 'sha384'],
  [[1, 2, 840, 10045, 4, 3, 4], 12, 'ecdsa', 'sha512'],
  [[1, 3, 101, 112], 16, 'ed25519', ''],
];

export const SIG_ALG_INFO: Record<number, { key: string; hash: string; pss?: number }> = {};
for (const [, n, key, hash] of SIG_ALGS) SIG_ALG_INFO[n] = { key, hash };
SIG_ALG_INFO[13] = { key: 'rsa', hash: 'sha256', pss: 32 };
SIG_ALG_INFO[14] = { key: 'rsa', hash: 'sha384', pss: 48 };
SIG_ALG_INFO[15] = { key: 'rsa', hash: 'sha512', pss: 64 };

export interface AlgId {
  oid: number[];
  params: Buffer | undefined;
}

export function parseAI(r: DerReader): AlgId {
  const oid = r.oid() ?? err('x509: malformed OID');
  if (r.empty) return { oid, params: undefined };
  const p = r.readAny() ?? err('x509: malformed parameters');
  return { oid, params: p.full };
}

export function signatureAlgorithm(ai: AlgId): number {
  if (oidEqual(ai.oid, OID.ed25519) && ai.params && ai.params.length) return 0;
  if (!oidEqual(ai.oid, OID.rsaPss)) return SIG_ALGS.find(([oid]) => oidEqual(oid, ai.oid))?.[1] ?? 0;
  // RSA-PSS: only the exact parameters Go itself writes are recognised here; any other encoding is not
  // reproduced (Go's asn1.Unmarshal accepts variants), so it fails closed.
  const hex = ai.params?.toString('hex') ?? '';
  for (const [hash, n, salt] of [['01', 13, '20'], ['02', 14, '30'], ['03', 15, '40']] as const) {
    const h = `300d06096086480165030402${hash}0500`;
    if (hex === `3034a00f${h}a11c301a06092a864886f70d010108${h}a2030201${salt}`) return n;
  }
  return unsupported('an RSA-PSS signature algorithm with parameters other than Go writes');
}

const CURVES: Array<[number[], string, number]> = [
  [[1, 2, 840, 10045, 3, 1, 7], 'P-256', 32],
  [[1, 3, 132, 0, 34], 'P-384', 48],
  [[1, 3, 132, 0, 35], 'P-521', 66],
];

export interface PublicKey {
  alg: number; // Go's PublicKeyAlgorithm
  json: RegoValue;
  /** SubjectPublicKeyInfo DER, for node:crypto. */
  spki: Buffer;
  curve?: string;
  rsa?: { n: bigint; e: bigint };
}

export function parsePublicKey(alg: AlgId, data: Buffer, spki: Buffer): PublicKey {
  if (oidEqual(alg.oid, OID.rsa)) {
    if (!alg.params || alg.params.toString('hex') !== '0500') err('x509: RSA key missing NULL parameters');
    const seq = new DerReader(data).body(TAG.SEQUENCE) ?? err('x509: invalid RSA public key');
    const n = seq.integer() ?? err('x509: invalid RSA modulus');
    const e = seq.integer() ?? err('x509: invalid RSA public exponent');
    if (e > 0x7fffffffffffffffn || e < -0x8000000000000000n) err('x509: invalid RSA public exponent');
    if (n <= 0n) err('x509: RSA modulus is not a positive number');
    if (e <= 0n) err('x509: RSA public exponent is not a positive number');
    return { alg: 1, json: J.obj({ N: J.num(n), E: J.num(e) }), spki, rsa: { n, e } };
  }
  if (oidEqual(alg.oid, OID.ecdsa)) {
    const oid = alg.params ? new DerReader(alg.params).oid() : undefined;
    if (!oid) err('x509: invalid ECDSA parameters');
    if (oidEqual(oid, [1, 3, 132, 0, 33])) unsupported('a P-224 key');
    const curve = CURVES.find(([o]) => oidEqual(o, oid)) ?? err('x509: unsupported elliptic curve');
    const size = curve[2];
    if (data.length !== 1 + 2 * size || data[0] !== 4) err('ecdsa: invalid public key');
    try {
      createPublicKey({ key: spki, format: 'der', type: 'spki' });
    } catch {
      err('ecdsa: invalid public key');
    }
    const x = BigInt('0x' + data.subarray(1, 1 + size).toString('hex'));
    const y = BigInt('0x' + data.subarray(1 + size).toString('hex'));
    return { alg: 3, json: J.obj({ Curve: J.obj({}), X: J.num(x), Y: J.num(y) }), spki, curve: curve[1] };
  }
  if (oidEqual(alg.oid, OID.ed25519)) {
    if (alg.params && alg.params.length) err('x509: Ed25519 key encoded with illegal parameters');
    if (data.length !== 32) err('x509: wrong Ed25519 public key size');
    return { alg: 4, json: J.bytes(Buffer.from(data)), spki };
  }
  if (oidEqual(alg.oid, OID.dsa)) unsupported('a DSA key');
  return { alg: 0, json: J.null, spki };
}

// ---------------------------------------------------------------------------------------------
// URIs (net/url.Parse for the plain forms; anything else fails closed)

export interface GoUrl {
  scheme: string;
  opaque: string;
  user?: string;
  host: string;
  path: string;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
  /** What String() writes after `#`. */
  escapedFragment: string;
  forceQuery: boolean;
  omitHost: boolean;
}

const PATH_OK = /^[A-Za-z0-9\-_.~$&+,/:;=@]$/;

const FRAGMENT_OK = /^[A-Za-z0-9\-_.~$&+,/:;=?@!()*]$/;

function escapeFragment(b: Buffer): string {
  let out = '';
  for (const c of b) {
    const ch = String.fromCharCode(c);
    out += c < 0x80 && FRAGMENT_OK.test(ch) ? ch : '%' + c.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** net/url's unescape (fragment mode) of an ASCII text, or undefined for an invalid escape. */
function unescapeUrl(s: string): Buffer | undefined {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}

/** url.setFragment and EscapedFragment. */
function urlFragment(f: string): { fragment: string; rawFragment: string; escapedFragment: string } {
  const dec = unescapeUrl(f) ?? err(`x509: cannot parse URI: invalid URL escape`);
  const fragment = validUtf8(dec) ?? unsupported('a URI fragment that is not UTF-8 once unescaped');
  const rawFragment = escapeFragment(dec) === f ? '' : f;
  const validEncoded = [...rawFragment].every((c) => "!$&'()*+,;=:@[]%".includes(c) || FRAGMENT_OK.test(c));
  const escapedFragment = rawFragment && validEncoded && unescapeUrl(rawFragment)?.equals(dec) ? rawFragment : escapeFragment(dec);
  return { fragment, rawFragment, escapedFragment };
}

function parseUrl(s: string): GoUrl {
  const hashAt = s.indexOf('#');
  let rest = hashAt < 0 ? s : s.slice(0, hashAt);
  if (/[\x00-\x1f\x7f]/.test(rest)) err(`x509: cannot parse URI ${JSON.stringify(s)}: net/url: invalid control character in URL`);
  const frag = hashAt < 0 || hashAt === s.length - 1 ? { fragment: '', rawFragment: '', escapedFragment: '' } : urlFragment(s.slice(hashAt + 1));
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (!m) {
    // no scheme: a relative reference, refused by Go when its first path segment holds a colon
    const beforeQuery = rest.split('?')[0]!;
    if (rest.startsWith(':') || (!beforeQuery.startsWith('/') && beforeQuery.split('/')[0]!.includes(':'))) err('x509: cannot parse URI: missing protocol scheme');
    unsupported('a URI without a scheme');
  }
  const scheme = m[1]!.toLowerCase();
  rest = rest.slice(m[0].length);
  let forceQuery = false;
  let rawQuery = '';
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  const base = { scheme, rawQuery, ...frag, forceQuery, opaque: '', host: '', path: '', omitHost: false };
  if (!rest.startsWith('/')) {
    if (!/^[A-Za-z0-9\-_.~$&+,:;=@]*$/.test(rest)) unsupported('an opaque URI with unusual characters');
    return { ...base, opaque: rest };
  }
  let user: string | undefined;
  let host = '';
  let omitHost = false;
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    let authority = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      user = authority.slice(0, at);
      if (!/^[A-Za-z0-9\-_.~]+$/.test(user)) unsupported('URI user information other than a plain user name');
      authority = authority.slice(at + 1);
    }
    if (!/^[A-Za-z0-9\-_.]*(?::[0-9]*)?$/.test(authority)) unsupported('a URI host with unusual characters');
    host = authority;
  } else {
    omitHost = true;
  }
  let path = '';
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '%') {
      const hex = rest.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) err(`x509: cannot parse URI: invalid URL escape "%${hex}"`);
      if (!/^[0-9A-F]{2}$/.test(hex)) unsupported('a URI path with this escape');
      const ch = String.fromCharCode(parseInt(hex, 16));
      if (ch.charCodeAt(0) >= 0x80 || PATH_OK.test(ch) || /[A-Za-z0-9]/.test(ch)) unsupported('a URI path with this escape');
      path += ch;
      i += 2;
    } else if (PATH_OK.test(c)) path += c;
    else unsupported('a URI path with unusual characters');
  }
  return { ...base, user, host, path, omitHost };
}

function escapePath(p: string): string {
  let out = '';
  for (const c of p) out += PATH_OK.test(c) ? c : '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  return out;
}

export function urlJson(u: GoUrl): RegoValue {
  return J.obj({
    Scheme: J.str(u.scheme), Opaque: J.str(u.opaque), User: u.user === undefined ? J.null : J.obj({}), Host: J.str(u.host), Path: J.str(u.path),
    RawPath: J.str(''), OmitHost: J.bool(u.omitHost), ForceQuery: J.bool(u.forceQuery), RawQuery: J.str(u.rawQuery), Fragment: J.str(u.fragment), RawFragment: J.str(u.rawFragment),
  });
}

function urlString(u: GoUrl): string {
  let s = u.scheme + ':';
  if (u.opaque) s += u.opaque;
  else {
    if (!(u.omitHost && u.host === '' && u.user === undefined)) {
      s += '//';
      if (u.user !== undefined) s += u.user + '@';
      s += u.host;
    }
    s += escapePath(u.path);
  }
  if (u.forceQuery || u.rawQuery) s += '?' + u.rawQuery;
  if (u.fragment) s += '#' + u.escapedFragment;
  return s;
}

function domainNameValid(s: string, constraint: boolean): boolean {
  if (s.length === 0) return true;
  if (s.endsWith('.')) return false;
  if (constraint && s[0] === '.') s = s.slice(1);
  let lastDot = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && (s.charCodeAt(i) < 33 || s.charCodeAt(i) > 126)) return false;
    if (i === s.length || s[i] === '.') {
      let labelLen = i;
      if (lastDot >= 0) labelLen -= lastDot + 1;
      if (labelLen === 0) return false;
      lastDot = i;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Certificates

interface Extension {
  id: number[];
  critical: boolean;
  value: Buffer;
}

export interface Certificate {
  raw: Buffer;
  rawTbs: Buffer;
  rawSpki: Buffer;
  rawSubject: Buffer;
  rawIssuer: Buffer;
  signature: Buffer;
  signatureAlgorithm: number;
  publicKey: PublicKey;
  version: number;
  serial: bigint;
  issuer: Attr[][];
  subject: Attr[][];
  notBefore: GoTime;
  notAfter: GoTime;
  keyUsage: number;
  extensions: Extension[];
  unhandledCritical: number[][];
  extKeyUsage?: number[];
  unknownExtKeyUsage?: number[][];
  basicConstraintsValid: boolean;
  isCA: boolean;
  maxPathLen: number;
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  ocspServer?: string[];
  issuingCertificateUrl?: string[];
  dnsNames?: string[];
  emailAddresses?: string[];
  ipAddresses?: Buffer[];
  uris?: GoUrl[];
  crlDistributionPoints?: string[];
  policies?: number[][];
  nameConstraints?: NameConstraints;
}

interface Subtrees {
  dns?: string[];
  ips?: Array<{ ip: Buffer; mask: Buffer }>;
  emails?: string[];
  uriDomains?: string[];
}

interface NameConstraints {
  critical: boolean;
  permitted: Subtrees;
  excluded: Subtrees;
}

/** The name constraints extension's subtrees (Go's getValues); true when one has a form Go does not handle. */
function subtrees(r: DerReader, out: Subtrees): boolean {
  let unhandled = false;
  while (!r.empty) {
    const seq = r.body(TAG.SEQUENCE);
    const v = seq?.readAny();
    if (!v) err('x509: invalid NameConstraints extension');
    const value = v.body;
    const text = value.toString('latin1');
    switch (v.tag) {
      case ctx(2):
        if (!isAscii(value)) err('x509: invalid constraint value');
        if (!domainNameValid(text, true)) err(`x509: failed to parse dnsName constraint ${JSON.stringify(text)}`);
        (out.dns ??= []).push(text);
        break;
      case ctx(7): {
        if (value.length !== 8 && value.length !== 32) err(`x509: IP constraint contained value of length ${value.length}`);
        const half = value.length / 2;
        const mask = value.subarray(half);
        let seenZero = false;
        for (const b of mask) {
          if (seenZero) {
            if (b !== 0) err('x509: IP constraint contained invalid mask');
            continue;
          }
          if ([0x00, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe].includes(b)) seenZero = true;
          else if (b !== 0xff) err('x509: IP constraint contained invalid mask');
        }
        (out.ips ??= []).push({ ip: Buffer.from(value.subarray(0, half)), mask: Buffer.from(mask) });
        break;
      }
      case ctx(1):
        if (!isAscii(value)) err('x509: invalid constraint value');
        if (text.includes('@')) unsupported('an rfc822Name constraint with a local part');
        if (!domainNameValid(text, true)) err(`x509: failed to parse rfc822Name constraint ${JSON.stringify(text)}`);
        (out.emails ??= []).push(text);
        break;
      case ctx(6):
        if (!isAscii(value)) err('x509: invalid constraint value');
        if (/^[0-9.]+$/.test(text) || text.includes(':')) unsupported('a URI constraint that may be an IP address');
        if (!domainNameValid(text, true)) err(`x509: failed to parse URI constraint ${JSON.stringify(text)}`);
        (out.uriDomains ??= []).push(text);
        break;
      default:
        unhandled = true;
    }
  }
  return unhandled;
}

function parseNameConstraints(c: Certificate, e: Extension): boolean {
  const outer = new DerReader(e.value);
  const top = outer.body(TAG.SEQUENCE);
  if (!top || !outer.empty) err('x509: invalid NameConstraints extension');
  const permitted = top.optional(ctx(0, true));
  const excluded = permitted === undefined ? undefined : top.optional(ctx(1, true));
  if (permitted === undefined || excluded === undefined || !top.empty) err('x509: invalid NameConstraints extension');
  if ((!permitted && !excluded) || ((permitted?.body.length ?? 0) === 0 && (excluded?.body.length ?? 0) === 0)) err('x509: empty name constraints extension');
  const nc: NameConstraints = { critical: e.critical, permitted: {}, excluded: {} };
  let unhandled = subtrees(new DerReader(permitted?.body ?? Buffer.alloc(0)), nc.permitted);
  unhandled = subtrees(new DerReader(excluded?.body ?? Buffer.alloc(0)), nc.excluded) || unhandled;
  c.nameConstraints = nc;
  return unhandled;
}

function ipNetsJson(v: Array<{ ip: Buffer; mask: Buffer }> | undefined): RegoValue {
  return J.arr(v?.map((n) => J.obj({ IP: J.str(goIPString(n.ip)), Mask: J.bytes(n.mask) })));
}

const EKU_OIDS: number[][] = [
  [2, 5, 29, 37, 0], [1, 3, 6, 1, 5, 5, 7, 3, 1], [1, 3, 6, 1, 5, 5, 7, 3, 2], [1, 3, 6, 1, 5, 5, 7, 3, 3], [1, 3, 6, 1, 5, 5, 7, 3, 4],
  [1, 3, 6, 1, 5, 5, 7, 3, 5], [1, 3, 6, 1, 5, 5, 7, 3, 6], [1, 3, 6, 1, 5, 5, 7, 3, 7], [1, 3, 6, 1, 5, 5, 7, 3, 8], [1, 3, 6, 1, 5, 5, 7, 3, 9],
  [1, 3, 6, 1, 4, 1, 311, 10, 3, 3], [2, 16, 840, 1, 113730, 4, 1], [1, 3, 6, 1, 4, 1, 311, 2, 1, 22], [1, 3, 6, 1, 4, 1, 311, 61, 1, 1],
];

export interface Sans {
  dnsNames?: string[];
  emailAddresses?: string[];
  ipAddresses?: Buffer[];
  uris?: GoUrl[];
}

export function parseSans(value: Buffer): Sans {
  const seq = new DerReader(value).body(TAG.SEQUENCE) ?? err('x509: invalid subject alternative names');
  const out: Sans = {};
  while (!seq.empty) {
    const e = seq.readAny() ?? err('x509: invalid subject alternative name');
    const data = e.body;
    switch (e.tag ^ 0x80) {
      case 1:
        if (!isAscii(data)) err('x509: SAN rfc822Name is malformed');
        (out.emailAddresses ??= []).push(data.toString('latin1'));
        break;
      case 2:
        if (!isAscii(data)) err('x509: SAN dNSName is malformed');
        (out.dnsNames ??= []).push(data.toString('latin1'));
        break;
      case 6: {
        if (!isAscii(data)) err('x509: SAN uniformResourceIdentifier is malformed');
        const u = parseUrl(data.toString('latin1'));
        if (u.host.length > 0 && !domainNameValid(u.host, false)) err('x509: cannot parse URI: invalid domain');
        (out.uris ??= []).push(u);
        break;
      }
      case 7:
        if (data.length !== 4 && data.length !== 16) err(`x509: cannot parse IP address of length ${data.length}`);
        (out.ipAddresses ??= []).push(Buffer.from(data));
        break;
    }
  }
  return out;
}

function processExtensions(c: Certificate): void {
  for (const e of c.extensions) {
    let unhandled = false;
    const id = e.id;
    if (id.length === 4 && id[0] === 2 && id[1] === 5 && id[2] === 29) {
      switch (id[3]) {
        case 15: {
          const bits = new DerReader(e.value).bitString() ?? err('x509: invalid key usage');
          let usage = 0;
          for (let i = 0; i < 9; i++) {
            const byte = Math.floor(i / 8);
            if (i < bits.bitLength && (bits.bytes[byte]! >> (7 - (i % 8))) & 1) usage |= 1 << i;
          }
          c.keyUsage = usage;
          break;
        }
        case 19: {
          const seq = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid basic constraints');
          let isCA = false;
          if (seq.peekTag(TAG.BOOLEAN)) isCA = seq.boolean() ?? err('x509: invalid basic constraints');
          let maxPathLen = -1;
          if (seq.peekTag(TAG.INTEGER)) {
            const v = seq.integer() ?? err('x509: invalid basic constraints');
            if (v < 0n || v > 0x7fffffffffffffffn) err('x509: invalid basic constraints');
            if (v > BigInt(Number.MAX_SAFE_INTEGER)) unsupported('a huge path length');
            maxPathLen = Number(v);
          }
          c.isCA = isCA;
          c.maxPathLen = maxPathLen;
          c.basicConstraintsValid = true;
          break;
        }
        case 17: {
          const s = parseSans(e.value);
          Object.assign(c, s);
          if (!s.dnsNames && !s.emailAddresses && !s.ipAddresses && !s.uris) unhandled = true;
          break;
        }
        case 30:
          unhandled = parseNameConstraints(c, e);
          break;
        case 31: {
          const val = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid CRL distribution points');
          while (!val.empty) {
            const dp = val.body(TAG.SEQUENCE) ?? err('x509: invalid CRL distribution point');
            const name = dp.optional(ctx(0, true));
            if (name === undefined) err('x509: invalid CRL distribution point');
            if (name === null) continue;
            const full = new DerReader(name.body).body(ctx(0, true)) ?? err('x509: invalid CRL distribution point');
            while (!full.empty) {
              if (!full.peekTag(ctx(6))) break;
              const uri = full.read(ctx(6)) ?? err('x509: invalid CRL distribution point');
              (c.crlDistributionPoints ??= []).push(uri.body.toString('latin1'));
            }
          }
          if (c.crlDistributionPoints?.some((s) => !isAscii(Buffer.from(s, 'latin1')))) unsupported('a non-ASCII CRL distribution point');
          break;
        }
        case 35: {
          if (e.critical) err('x509: authority key identifier incorrectly marked critical');
          const akid = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid authority key identifier');
          if (akid.peekTag(ctx(0))) c.authorityKeyId = Buffer.from((akid.read(ctx(0)) ?? err('x509: invalid authority key identifier')).body);
          break;
        }
        case 36:
        case 33:
        case 54:
          unsupported('policy constraints, policy mappings and inhibit anyPolicy');
          break;
        case 37: {
          const seq = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid extended key usages');
          const known: number[] = [];
          const unknown: number[][] = [];
          while (!seq.empty) {
            const oid = seq.oid() ?? err('x509: invalid extended key usages');
            const k = EKU_OIDS.findIndex((o) => oidEqual(o, oid));
            if (k >= 0) known.push(k);
            else unknown.push(oid);
          }
          c.extKeyUsage = known.length ? known : undefined;
          c.unknownExtKeyUsage = unknown.length ? unknown : undefined;
          break;
        }
        case 14: {
          if (e.critical) err('x509: subject key identifier incorrectly marked critical');
          const skid = new DerReader(e.value).read(TAG.OCTET_STRING) ?? err('x509: invalid subject key identifier');
          c.subjectKeyId = Buffer.from(skid.body);
          break;
        }
        case 32: {
          const seq = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid certificate policies');
          const seen = new Set<string>();
          const out: number[][] = [];
          while (!seq.empty) {
            const cp = seq.body(TAG.SEQUENCE);
            const oidEl = cp?.read(TAG.OID);
            if (!oidEl) err('x509: invalid certificate policies');
            const key = oidEl.body.toString('hex');
            if (seen.has(key)) err('x509: invalid certificate policies');
            seen.add(key);
            const oid = new DerReader(oidEl.full).oid();
            if (!oid) unsupported('a certificate policy OID with arcs of 2^31 or more');
            out.push(oid);
          }
          c.policies = out;
          break;
        }
        default:
          unhandled = true;
      }
    } else if (oidEqual(id, OID.aia)) {
      if (e.critical) err('x509: authority info access incorrectly marked critical');
      const val = new DerReader(e.value).body(TAG.SEQUENCE) ?? err('x509: invalid authority info access');
      while (!val.empty) {
        const aia = val.body(TAG.SEQUENCE) ?? err('x509: invalid authority info access');
        const method = aia.oid() ?? err('x509: invalid authority info access');
        if (!aia.peekTag(ctx(6))) continue;
        const loc = aia.read(ctx(6)) ?? err('x509: invalid authority info access');
        const s = loc.body.toString('latin1');
        if (!isAscii(loc.body)) unsupported('a non-ASCII authority info access location');
        if (oidEqual(method, OID.aiaOcsp)) (c.ocspServer ??= []).push(s);
        else if (oidEqual(method, OID.aiaIssuers)) (c.issuingCertificateUrl ??= []).push(s);
      }
    } else unhandled = true;
    if (e.critical && unhandled) c.unhandledCritical.push(id);
  }
}

/** x509's parseCertificate on the front of `der`. */
export function parseCertificate(der: Buffer): Certificate {
  const outer = new DerReader(der).read(TAG.SEQUENCE) ?? err('x509: malformed certificate');
  const input = new DerReader(outer.body);
  const tbsEl = input.read(TAG.SEQUENCE) ?? err('x509: malformed tbs certificate');
  const tbs = new DerReader(tbsEl.body);
  let version = 0n;
  const v = tbs.optional(ctx(0, true));
  if (v === undefined) err('x509: malformed version');
  if (v) {
    const r = new DerReader(v.body);
    const n = r.integer();
    if (n === undefined || !r.empty || n > 0x7fffffffffffffffn || n < -0x8000000000000000n) err('x509: malformed version');
    version = n;
  }
  if (version < 0n) err('x509: malformed version');
  version++;
  if (version > 3n) err('x509: invalid version');
  const serial = tbs.integer() ?? err('x509: malformed serial number');
  if (serial < 0n) err('x509: negative serial number');
  const sigAI = tbs.read(TAG.SEQUENCE) ?? err('x509: malformed signature algorithm identifier');
  const outerAI = input.read(TAG.SEQUENCE) ?? err('x509: malformed algorithm identifier');
  if (!outerAI.body.equals(sigAI.body)) err("x509: inner and outer signature algorithm identifiers don't match");
  const signatureAlgorithm = signatureAlgorithm_(new DerReader(sigAI.body));
  const issuerEl = tbs.read(TAG.SEQUENCE) ?? err('x509: malformed issuer');
  const issuer = parseName(issuerEl.full);
  const validity = tbs.body(TAG.SEQUENCE) ?? err('x509: malformed validity');
  const notBefore = parseTime(validity);
  const notAfter = parseTime(validity);
  const subjectEl = tbs.read(TAG.SEQUENCE) ?? err('x509: malformed issuer');
  const subject = parseName(subjectEl.full);
  const spkiEl = tbs.read(TAG.SEQUENCE) ?? err('x509: malformed spki');
  const spki = new DerReader(spkiEl.body);
  const pkAISeq = spki.body(TAG.SEQUENCE) ?? err('x509: malformed public key algorithm identifier');
  const pkAI = parseAI(pkAISeq);
  const spk = spki.bitString() ?? err('x509: malformed subjectPublicKey');
  const publicKey = parsePublicKey(pkAI, rightAlign(spk.bytes, spk.bitLength), Buffer.from(spkiEl.full));
  const c: Certificate = {
    raw: Buffer.from(outer.full), rawTbs: Buffer.from(tbsEl.full), rawSpki: Buffer.from(spkiEl.full), rawSubject: Buffer.from(subjectEl.full),
    rawIssuer: Buffer.from(issuerEl.full), signature: Buffer.alloc(0), signatureAlgorithm, publicKey, version: Number(version), serial, issuer, subject,
    notBefore, notAfter, keyUsage: 0, extensions: [], unhandledCritical: [], basicConstraintsValid: false, isCA: false, maxPathLen: 0,
  };
  if (c.version > 1) {
    if (tbs.optional(ctx(1)) === undefined) err('x509: malformed issuerUniqueID');
    if (tbs.optional(ctx(2)) === undefined) err('x509: malformed subjectUniqueID');
    if (c.version === 3) {
      const exts = tbs.optional(ctx(3, true));
      if (exts === undefined) err('x509: malformed extensions');
      if (exts) {
        const seq = new DerReader(exts.body).body(TAG.SEQUENCE) ?? err('x509: malformed extensions');
        const seen = new Set<string>();
        while (!seq.empty) {
          const ext = seq.body(TAG.SEQUENCE) ?? err('x509: malformed extension');
          const id = ext.oid() ?? err('x509: malformed extension OID field');
          let critical = false;
          if (ext.peekTag(TAG.BOOLEAN)) critical = ext.boolean() ?? err('x509: malformed extension critical field');
          const val = ext.read(TAG.OCTET_STRING) ?? err('x509: malformed extension value field');
          const key = id.join('.');
          if (seen.has(key)) err(`x509: certificate contains duplicate extension with OID "${key}"`);
          seen.add(key);
          c.extensions.push({ id, critical, value: Buffer.from(val.body) });
        }
        processExtensions(c);
      }
    }
  }
  const sig = input.bitString() ?? err('x509: malformed signature');
  c.signature = rightAlign(sig.bytes, sig.bitLength);
  return c;
}

function signatureAlgorithm_(r: DerReader): number {
  return signatureAlgorithm(parseAI(r));
}

/** asn1.BitString.RightAlign. */
export function rightAlign(bytes: Buffer, bitLength: number): Buffer {
  const shift = 8 - (bitLength % 8);
  if (shift === 8 || bytes.length === 0) return Buffer.from(bytes);
  const a = Buffer.alloc(bytes.length);
  a[0] = bytes[0]! >> shift;
  for (let i = 1; i < bytes.length; i++) {
    a[i] = ((bytes[i - 1]! << (8 - shift)) & 0xff) | (bytes[i]! >> shift);
  }
  return a;
}

/** x509.ParseCertificates: certificates one after another, no trailing data check per certificate. */
function parseCertificates(der: Buffer): Certificate[] {
  const out: Certificate[] = [];
  let rest = der;
  while (rest.length > 0) {
    const c = parseCertificate(rest);
    out.push(c);
    rest = rest.subarray(c.raw.length);
  }
  return out;
}

/** The certificate as encoding/json writes x509.Certificate (with OPA's URIStrings when asked). */
export function certificateJson(c: Certificate, uriStrings: boolean): RegoValue {
  const fields: Record<string, RegoValue> = {
    Raw: J.bytes(c.raw), RawTBSCertificate: J.bytes(c.rawTbs), RawSubjectPublicKeyInfo: J.bytes(c.rawSpki), RawSubject: J.bytes(c.rawSubject),
    RawIssuer: J.bytes(c.rawIssuer), Signature: J.bytes(c.signature), SignatureAlgorithm: J.num(c.signatureAlgorithm),
    PublicKeyAlgorithm: J.num(c.publicKey.alg), PublicKey: c.publicKey.json, Version: J.num(c.version), SerialNumber: J.num(c.serial),
    Issuer: nameJson(c.issuer), Subject: nameJson(c.subject), NotBefore: J.str(c.notBefore.text), NotAfter: J.str(c.notAfter.text),
    KeyUsage: J.num(c.keyUsage),
    Extensions: J.arr(c.extensions.length ? c.extensions.map((e) => J.obj({ Id: J.oid(e.id), Critical: J.bool(e.critical), Value: J.bytes(e.value) })) : undefined),
    ExtraExtensions: J.null, UnhandledCriticalExtensions: J.arr(c.unhandledCritical.length ? c.unhandledCritical.map(J.oid) : undefined),
    ExtKeyUsage: J.arr(c.extKeyUsage?.map(J.num)), UnknownExtKeyUsage: J.arr(c.unknownExtKeyUsage?.map(J.oid)),
    BasicConstraintsValid: J.bool(c.basicConstraintsValid), IsCA: J.bool(c.isCA), MaxPathLen: J.num(c.maxPathLen),
    MaxPathLenZero: J.bool(c.basicConstraintsValid && c.maxPathLen === 0), SubjectKeyId: J.bytes(c.subjectKeyId), AuthorityKeyId: J.bytes(c.authorityKeyId),
    OCSPServer: J.strs(c.ocspServer), IssuingCertificateURL: J.strs(c.issuingCertificateUrl), DNSNames: J.strs(c.dnsNames),
    EmailAddresses: J.strs(c.emailAddresses), IPAddresses: J.arr(c.ipAddresses?.map((ip) => J.str(goIPString(ip)))), URIs: J.arr(c.uris?.map(urlJson)),
    PermittedDNSDomainsCritical: J.bool(c.nameConstraints?.critical ?? false), PermittedDNSDomains: J.strs(c.nameConstraints?.permitted.dns),
    ExcludedDNSDomains: J.strs(c.nameConstraints?.excluded.dns), PermittedIPRanges: ipNetsJson(c.nameConstraints?.permitted.ips),
    ExcludedIPRanges: ipNetsJson(c.nameConstraints?.excluded.ips), PermittedEmailAddresses: J.strs(c.nameConstraints?.permitted.emails),
    ExcludedEmailAddresses: J.strs(c.nameConstraints?.excluded.emails), PermittedURIDomains: J.strs(c.nameConstraints?.permitted.uriDomains),
    ExcludedURIDomains: J.strs(c.nameConstraints?.excluded.uriDomains),
    CRLDistributionPoints: J.strs(c.crlDistributionPoints), PolicyIdentifiers: J.arr(c.policies?.map(J.oid)),
    Policies: J.arr(c.policies?.map((o) => J.str(o.join('.')))), InhibitAnyPolicy: J.num(0), InhibitAnyPolicyZero: J.bool(false),
    InhibitPolicyMapping: J.num(0), InhibitPolicyMappingZero: J.bool(false), RequireExplicitPolicy: J.num(0), RequireExplicitPolicyZero: J.bool(false),
    PolicyMappings: J.null,
  };
  if (uriStrings) fields.URIStrings = J.strs(c.uris?.map(urlString));
  return J.obj(fields);
}

// ---------------------------------------------------------------------------------------------
// OPA's input handling

const BEGIN = Buffer.from('-----BEGIN');

export function goStdBase64(s: string): Buffer | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}

function certsFromPem(data: Buffer): Certificate[] {
  const ders: Buffer[] = [];
  let rest = data;
  while (rest.length > 0) {
    const d = pemDecode(rest);
    if (d && d.block.type !== 'CERTIFICATE') err(`PEM block type is '${d.block.type}', expected CERTIFICATE`);
    if (!d) break;
    rest = d.rest;
    ders.push(d.block.bytes);
  }
  return parseCertificates(Buffer.concat(ders));
}

/** OPA's getX509CertsFromString: PEM, base64 of PEM, or base64 of DER. */
export function certsFromString(input: string): Certificate[] {
  if (input.startsWith('-----BEGIN')) return certsFromPem(Buffer.from(input, 'utf8'));
  const der = goStdBase64(input) ?? err('illegal base64 data');
  if (der.subarray(0, BEGIN.length).equals(BEGIN)) return certsFromPem(der);
  return parseCertificates(der);
}

