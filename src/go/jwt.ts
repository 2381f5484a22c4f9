// io.jwt.* as OPA v1.17.1 topdown computes them (v1/topdown/tokens.go), with the parts of
// lestrrat-go/jwx v3 that OPA calls: JWK / JWK Set parsing (jwk.Parse), decode_verify's signature check
// (jwsbb.Verify) and encode_sign's header reading and signing (jwsbb.HeaderParse / jwsbb.Sign). Go's own
// crypto is reproduced with node:crypto, with Go's checks made explicit where OpenSSL's differ (RSA
// signature length and minimum key size, ECDSA r||s split, Ed25519 signature length, PEM framing).
//
// Every failure that OPA returns as a builtin error throws JwtError (the caller makes the call undefined);
// any other exception is a bug and propagates.
import { pemDecode } from './x509.ts';
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  constants,
  sign as cryptoSign,
  verify as cryptoVerify,
  X509Certificate,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { fastjsonGetString, fastjsonParse } from './fastjson.ts';
import { numberCompare } from './number-compare.ts';
import { goDecodeUtf8 } from './strings.ts';
import { goJsonValid } from './json.ts';
import { goJsonSurrogates, parseRegoValue, regoArray, regoBool, regoString, type RegoValue } from '../opa/rego-value.ts';

/** A builtin error of io.jwt.* (OPA returns it; the call is undefined). */
export class JwtError extends Error {}

function fail(message: string): never {
  throw new JwtError(message);
}

// ---------------------------------------------------------------------------------------------
// Go strings and encodings

/**
 * OPA's base64url.decode: without a trailing `=`, padding is added (length 2 or 3 mod 4; 1 is an error),
 * then Go's padded URL decoding (CR and LF ignored, trailing bits not checked).
 */
function opaBase64UrlDecode(s: string): Buffer {
  let t = s;
  if (!t.endsWith('=')) {
    const r = Buffer.byteLength(t, 'utf8') % 4;
    if (r === 1) fail(`illegal base64url string: ${s}`);
    t += r === 2 ? '==' : r === 3 ? '=' : '';
  }
  const u = t.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/.test(u)) fail('illegal base64 data');
  return Buffer.from(u, 'base64url');
}

/**
 * jwx's base64 for JWK members: the URL or the standard alphabet (not both), unpadded, or padded correctly.
 */
function jwxBase64(s: string): Buffer {
  const ok = s.includes('=')
    ? /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}==|[A-Za-z0-9+/_-]{3}=)$/.test(s)
    : /^[A-Za-z0-9+/_-]*$/.test(s) && s.length % 4 !== 1;
  if (!ok || (/[+/]/.test(s) && /[-_]/.test(s))) fail('failed to decode base64');
  return Buffer.from(s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
}

function b64url(b: Buffer | string): string {
  return (typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64url');
}

/**
 * Duplicate object keys collapse to the last one, as Go's json.Unmarshal into a map. In place and without
 * recursion (the value is fresh from parseRegoValue and may nest 10,000 deep).
 */
function lastWins(root: RegoValue): RegoValue {
  const stack = [root];
  for (let v = stack.pop(); v; v = stack.pop()) {
    if (v.t === 'array') {
      stack.push(...v.v);
    } else if (v.t === 'object') {
      const keys = new Set(v.v.map(([k]) => (k as { v: string }).v));
      if (keys.size !== v.v.length) {
        const byKey = new Map<string, [RegoValue, RegoValue]>();
        for (const pair of v.v) byKey.set((pair[0] as { v: string }).v, pair);
        v.v = [...byKey.values()];
      }
      for (const [, x] of v.v) stack.push(x);
    }
  }
  return root;
}

/** Go's encoding/json refuses values nested deeper than 10,000 arrays and objects. */
function tooDeep(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < s.length && s.charCodeAt(i) !== 0x22; i++) if (s.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > 10000) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** OPA's extractJSONObject: json.unmarshal of the text, which must be an object. */
function jsonObject(s: string): RegoValue & { t: 'object' } {
  if (!goJsonValid(s)) fail('invalid JSON');
  if (tooDeep(s)) fail('invalid JSON: exceeded max depth');
  const v = lastWins(parseRegoValue(goJsonSurrogates(s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))));
  if (v.t !== 'object') fail('decoded JSON type was not an Object');
  return v;
}

function get(o: RegoValue & { t: 'object' }, key: string): RegoValue | undefined {
  return o.v.find(([k]) => k.t === 'string' && k.v === key)?.[1];
}

function strOperand(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'string') fail(`operand ${pos} must be string`);
  return v.v;
}

// ---------------------------------------------------------------------------------------------
// tokens

interface Token {
  header: string;
  payload: string;
  signature: string;
}

function decodeJWT(v: RegoValue | undefined): Token {
  const s = strOperand(v, 1);
  if (!s.includes('.')) fail('encoded JWT had no period separators');
  const parts = s.split('.');
  if (parts.length !== 3) fail(`encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0] as string, payload: parts[1] as string, signature: parts[2] as string };
}

function decodeHeader(t: Token): RegoValue & { t: 'object' } {
  const h = jsonObject(goDecodeUtf8(opaBase64UrlDecode(t.header)));
  if (get(h, 'enc') !== undefined) fail('JWT is a JWE object, which is not supported');
  return h;
}

function decodePayloadText(t: Token): string {
  return goDecodeUtf8(opaBase64UrlDecode(t.payload));
}

interface TokenHeader {
  alg: string;
  kid: string;
  cty: string;
  valid: boolean;
}

/** parseTokenHeader + valid(): alg/kid/typ/cty must be strings, crit a list with a string first. */
function parseTokenHeader(h: RegoValue & { t: 'object' }): TokenHeader {
  const out = { alg: '', kid: '', cty: '' };
  const unknown: string[] = [];
  let crit: Set<string> | undefined;
  for (const [k, v] of h.v) {
    const name = (k as { v: string }).v;
    if (name === 'alg' || name === 'kid' || name === 'typ' || name === 'cty') {
      if (v.t !== 'string') fail(`${name}: must be a string`);
      if (name !== 'typ') out[name] = v.v;
    } else if (name === 'crit') {
      if (v.t !== 'array') fail('crit: must be a list');
      // Go stops at the first non-string element and ignores that error.
      crit = new Set();
      for (const e of v.v) {
        if (e.t !== 'string') break;
        crit.add(e.v);
      }
      if (crit.size === 0) fail('crit: must be a nonempty list');
    } else {
      unknown.push(name);
    }
  }
  const valid = out.alg !== '' && !unknown.some((u) => crit?.has(u));
  return { ...out, valid };
}

/** io.jwt.decode */
export function jwtDecode(jwt: RegoValue | undefined): RegoValue {
  const t = decodeJWT(jwt);
  const header = decodeHeader(t);
  let p: string;
  try {
    p = decodePayloadText(t);
  } catch (e) {
    if (e instanceof JwtError) fail(`JWT payload had invalid encoding: ${e.message}`);
    throw e;
  }
  const cty = get(header, 'cty');
  if (cty !== undefined) {
    // Go asserts a string here (a panic otherwise, which the evaluation reports as an error).
    if (cty.t !== 'string') throw new Error('io.jwt.decode: cty header is not a string');
    if (cty.v === 'JWT') return jwtDecode(regoString(p.replace(/^["']+|["']+$/g, '')));
  }
  const payload = jsonObject(p);
  const sig = opaBase64UrlDecode(t.signature);
  return regoArray([header, payload, regoString(sig.toString('hex'))]);
}

// ---------------------------------------------------------------------------------------------
// keys

type Hash = 'sha256' | 'sha384' | 'sha512';

/** A key as Go holds it after x509 / jwk.Export: its concrete type decides which verifier accepts it. */
type GoKey =
  | { type: 'rsa' | 'ecdsa' | 'ed25519'; pub: KeyObject; priv?: KeyObject }
  | { type: 'bytes'; bytes: Buffer }
  | { type: 'other' };

interface VerificationKey {
  key: GoKey;
  alg: string;
  kid: string;
}

/** Names jwx knows for a JWK's `alg` (signature, key and content encryption algorithms); others are an error. */
const JWA_ALGORITHMS = new Set([
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'PS256', 'PS384',
  'PS512', 'none', 'Ed25519', 'Ed448',
  'A128GCMKW', 'A128KW', 'A192GCMKW', 'A192KW', 'A256GCMKW', 'A256KW', 'dir', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW',
  'ECDH-ES+A256KW', 'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW', 'RSA-OAEP', 'RSA-OAEP-256',
  'RSA-OAEP-384', 'RSA-OAEP-512', 'RSA1_5',
  'A128CBC-HS256', 'A128GCM', 'A192CBC-HS384', 'A192GCM', 'A256CBC-HS512', 'A256GCM',
]);

const TOKEN_ALGORITHMS = new Set([
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA',
]);

/** Curves Go's crypto/x509 and crypto/ecdsa know (OpenSSL names). */
const GO_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1', 'secp224r1']);

/** A KeyObject as Go's x509 parsers type it; `undefined` for an algorithm Go does not know. */
function goKeyOf(pub: KeyObject, priv?: KeyObject): GoKey | undefined {
  switch (pub.asymmetricKeyType) {
    case 'rsa':
      return { type: 'rsa', pub, priv };
    case 'ec': {
      const curve = pub.asymmetricKeyDetails?.namedCurve ?? '';
      if (!GO_CURVES.has(curve)) fail('x509: unsupported elliptic curve');
      return { type: 'ecdsa', pub, priv };
    }
    case 'ed25519':
      return { type: 'ed25519', pub, priv };
    case 'x25519':
    case 'dsa':
      return { type: 'other' };
    default:
      return undefined;
  }
}

const JWK_BINARY_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'],
  EC: ['x', 'y', 'd'],
  OKP: ['x', 'd'],
};

/** An X.509 certificate of a JWK's `x5c`: padded standard base64 of DER that Go parses. */
function x5cCertificate(c: unknown): void {
  if (typeof c !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(c)) fail('failed to parse key: invalid x5c');
  const der = Buffer.from(c, 'base64');
  if (!derWhole(der)) fail('failed to parse key: invalid x5c');
  try {
    new X509Certificate(der);
  } catch (e) {
    if (e instanceof Error && 'code' in e) fail(`failed to parse key: invalid x5c: ${e.message}`);
    throw e;
  }
}

/** jwk.Export of one parsed JWK. */
function jwkKey(o: Record<string, unknown>): GoKey {
  const kty = o.kty;
  if (typeof kty !== 'string') fail('failed to parse key: invalid key type');
  for (const m of ['kid', 'alg', 'use', 'x5u', 'x5t', 'x5t#S256']) {
    if (m in o && typeof o[m] !== 'string') fail(`failed to parse key: invalid ${m}`);
  }
  if ('alg' in o && !JWA_ALGORITHMS.has(o.alg as string)) fail('failed to parse key: invalid key algorithm');
  if ('key_ops' in o && (!Array.isArray(o.key_ops) || !o.key_ops.every((x) => typeof x === 'string'))) fail('failed to parse key: invalid key_ops');
  if ('x5c' in o) {
    if (!Array.isArray(o.x5c)) fail('failed to parse key: invalid x5c');
    o.x5c.forEach(x5cCertificate);
  }
  try {
    switch (kty) {
      case 'RSA':
      case 'EC':
      case 'OKP': {
        if (kty === 'OKP' && o.crv !== 'Ed25519' && o.crv !== 'X25519') fail('failed to parse key: unsupported curve');
        if (kty === 'EC' && o.crv !== 'P-256' && o.crv !== 'P-384' && o.crv !== 'P-521') fail('failed to parse key: unsupported curve');
        // Members decoded as jwx does, then handed to OpenSSL in canonical form.
        const jwk: Record<string, unknown> = kty === 'RSA' ? { kty } : { kty, crv: o.crv };
        for (const m of JWK_BINARY_MEMBERS[kty] as string[]) {
          if (!(m in o)) continue;
          if (typeof o[m] !== 'string') fail(`failed to parse key: invalid ${m}`);
          jwk[m] = jwxBase64(o[m] as string).toString('base64url');
        }
        if (kty === 'RSA') {
          for (const m of ['n', 'e']) {
            if (typeof jwk[m] !== 'string' || Buffer.from(jwk[m] as string, 'base64url').every((x) => x === 0)) fail(`failed to parse key: invalid ${m}`);
          }
        }
        if ('d' in jwk) {
          const priv = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
          const pub = createPublicKey(priv);
          return kty === 'OKP' && o.crv === 'X25519' ? { type: 'other' } : (goKeyOf(pub, priv) as GoKey);
        }
        const pub = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
        return kty === 'OKP' && o.crv === 'X25519' ? { type: 'other' } : (goKeyOf(pub) as GoKey);
      }
      case 'oct': {
        if (typeof o.k !== 'string') fail('failed to parse key: missing k');
        const bytes = jwxBase64(o.k);
        if (bytes.length === 0) fail('failed to parse key: empty k');
        return { type: 'bytes', bytes };
      }
      default:
        fail(`failed to parse key: unsupported kty ${kty}`);
    }
  } catch (e) {
    if (e instanceof JwtError) throw e;
    if (e instanceof Error && 'code' in e) fail(`failed to parse key: ${e.message}`);
    throw e;
  }
}

interface ParsedJwk {
  key: GoKey;
  alg: string;
  kid: string;
}

/** The text of the first JSON object in `text` (after whitespace), or undefined when there is none. */
function firstJsonObject(text: string): string | undefined {
  const start = text.search(/[^ \t\r\n]/);
  if (start < 0 || text[start] !== '{') return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

/**
 * jwk.Parse: a set `{"keys": [...]}` (the whole text must be JSON), or one JWK (read from the first JSON
 * object; what follows it is ignored, as jwx's key decoder stops there).
 */
function jwkParse(text: string): ParsedJwk[] {
  const first = firstJsonObject(text);
  if (first === undefined || !goJsonValid(first) || tooDeep(first)) fail('failed to unmarshal JSON into key set');
  const d = JSON.parse(first) as Record<string, unknown>;
  const one = (k: unknown): ParsedJwk => {
    if (typeof k !== 'object' || k === null || Array.isArray(k)) fail('failed to parse key');
    const o = k as Record<string, unknown>;
    return { key: jwkKey(o), alg: typeof o.alg === 'string' ? o.alg : '', kid: typeof o.kid === 'string' ? o.kid : '' };
  };
  if ('keys' in d) {
    if (!goJsonValid(text)) fail('failed to unmarshal JSON into key set');
    if (!Array.isArray(d.keys)) fail('failed to parse key set: keys must be an array');
    return d.keys.map(one);
  }
  return [one(d)];
}

/** Go's DER parsers refuse bytes after the outer element; OpenSSL's ignore them. */
function derWhole(b: Buffer): boolean {
  if (b.length < 2) return false;
  const first = b[1] as number;
  let header = 2;
  let len = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || b.length < 2 + n) return false;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] as number);
    header += n;
  }
  return header + len === b.length;
}

/** getKeysFromCertOrJWK */
function keysFromCertOrJwk(text: string): VerificationKey[] {
  const decoded = pemDecode(Buffer.from(text, 'utf8'));
  if (decoded) {
    const { block, rest } = decoded;
    if (rest.length > 0) fail('extra data after a PEM certificate block');
    if ((block.type === 'CERTIFICATE' || block.type === 'PUBLIC KEY') && !derWhole(block.bytes)) fail('x509: trailing data');
    if (block.type === 'CERTIFICATE') {
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(block.bytes);
      } catch (e) {
        if (e instanceof Error && 'code' in e) fail(`failed to parse a PEM certificate: ${e.message}`);
        throw e;
      }
      // An algorithm Go does not know parses with a nil public key.
      return [{ key: goKeyOf(cert.publicKey) ?? { type: 'other' }, alg: '', kid: '' }];
    }
    if (block.type === 'PUBLIC KEY') {
      let pub: KeyObject;
      try {
        pub = createPublicKey({ key: block.bytes, format: 'der', type: 'spki' });
      } catch (e) {
        if (e instanceof Error && 'code' in e) fail(`failed to parse a PEM public key: ${e.message}`);
        throw e;
      }
      const key = goKeyOf(pub);
      if (!key) fail('x509: unknown public key algorithm');
      return [{ key, alg: '', kid: '' }];
    }
    fail('failed to extract a Key from the PEM certificate');
  }
  return jwkParse(text).flatMap((k) => (k.alg !== '' && !TOKEN_ALGORITHMS.has(k.alg) ? [] : [k]));
}

// ---------------------------------------------------------------------------------------------
// signature checks

/** An OpenSSL failure (an `ERR_OSSL_*` error), which Go reports as a verification or signing error. */
function isOpenSslError(e: unknown): boolean {
  return e instanceof Error && ((e as NodeJS.ErrnoException).code ?? '').startsWith('ERR_OSSL');
}

/** crypto.verify, with an OpenSSL failure meaning "does not verify". */
function verifies(hash: Hash | null, data: Buffer, key: Parameters<typeof cryptoVerify>[2], sig: Buffer): boolean {
  try {
    return cryptoVerify(hash, data, key, sig);
  } catch (e) {
    if (isOpenSslError(e)) return false;
    throw e;
  }
}

function rsaBytes(k: KeyObject): number {
  return Math.ceil((k.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
}

/** Go's rsa.VerifyPKCS1v15 / VerifyPSS: keys under 1024 bits and signatures not of the modulus' length fail. */
function rsaVerify(pub: KeyObject, hash: Hash, pss: 'auto' | 'hash' | false, input: Buffer, sig: Buffer): boolean {
  if ((pub.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) return false;
  if (sig.length !== rsaBytes(pub)) return false;
  if (!pss) return verifies(hash, input, { key: pub, padding: constants.RSA_PKCS1_PADDING }, sig);
  const saltLength = pss === 'auto' ? constants.RSA_PSS_SALTLEN_AUTO : constants.RSA_PSS_SALTLEN_DIGEST;
  return verifies(hash, input, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, sig);
}

function derInt(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  let v = b.subarray(i);
  if (v.length === 0 || ((v[0] as number) & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return Buffer.concat([Buffer.from([0x02]), derLength(v.length), v]);
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Go's ecdsa.Verify with r and s the two halves of the signature (the first half shorter when odd). */
function ecdsaVerify(pub: KeyObject, hash: Hash, input: Buffer, sig: Buffer): boolean {
  const n = Math.floor(sig.length / 2);
  const r = sig.subarray(0, n);
  const s = sig.subarray(n);
  if (r.every((x) => x === 0) || s.every((x) => x === 0)) return false;
  const body = Buffer.concat([derInt(r), derInt(s)]);
  const der = Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
  return verifies(hash, input, { key: pub, dsaEncoding: 'der' }, der);
}

function ecKeyBytes(pub: KeyObject): number {
  switch (pub.asymmetricKeyDetails?.namedCurve) {
    case 'secp224r1':
      return 28;
    case 'prime256v1':
      return 32;
    case 'secp384r1':
      return 48;
    default:
      return 66;
  }
}

function ed25519Verify(pub: KeyObject, input: Buffer, sig: Buffer): boolean {
  if (sig.length !== 64) return false;
  return verifies(null, input, pub, sig);
}

function hmacEqual(hash: Hash, secret: Buffer, input: Buffer, sig: Buffer): boolean {
  const mac = createHmac(hash, secret).update(input).digest();
  return mac.length === sig.length && mac.equals(sig);
}

type Verifier = (key: GoKey, input: Buffer, sig: Buffer) => boolean;

/** The verifiers of io.jwt.verify_<alg>: each accepts only a public key of its type. */
export const JWT_VERIFIERS: Readonly<Record<string, Verifier>> = {
  rs256: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha256', false, i, s),
  rs384: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha384', false, i, s),
  rs512: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha512', false, i, s),
  ps256: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha256', 'auto', i, s),
  ps384: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha384', 'auto', i, s),
  ps512: (k, i, s) => k.type === 'rsa' && !k.priv && rsaVerify(k.pub, 'sha512', 'auto', i, s),
  es256: (k, i, s) => k.type === 'ecdsa' && !k.priv && ecdsaVerify(k.pub, 'sha256', i, s),
  es384: (k, i, s) => k.type === 'ecdsa' && !k.priv && ecdsaVerify(k.pub, 'sha384', i, s),
  es512: (k, i, s) => k.type === 'ecdsa' && !k.priv && ecdsaVerify(k.pub, 'sha512', i, s),
  eddsa: (k, i, s) => k.type === 'ed25519' && !k.priv && ed25519Verify(k.pub, i, s),
};

/** jwsbb.Verify(key, alg, …): private keys verify with their public half; ECDSA wants r||s of the key's size. */
function jwsVerify(key: GoKey, alg: string, input: Buffer, sig: Buffer): boolean {
  const hash = ({ '256': 'sha256', '384': 'sha384', '512': 'sha512' } as const)[alg.slice(2)];
  switch (alg) {
    case 'HS256':
    case 'HS384':
    case 'HS512':
      return key.type === 'bytes' && key.bytes.length > 0 && hmacEqual(hash as Hash, key.bytes, input, sig);
    case 'RS256':
    case 'RS384':
    case 'RS512':
    case 'PS256':
    case 'PS384':
    case 'PS512':
      return key.type === 'rsa' && rsaVerify(key.pub, hash as Hash, alg[0] === 'P' ? 'hash' : false, input, sig);
    case 'ES256':
    case 'ES384':
    case 'ES512':
      return key.type === 'ecdsa' && sig.length === 2 * ecKeyBytes(key.pub) && ecdsaVerify(key.pub, hash as Hash, input, sig);
    case 'EdDSA':
    case 'Ed25519':
      return key.type === 'ed25519' && ed25519Verify(key.pub, input, sig);
    default:
      return false;
  }
}

function decodeSignature(t: Token): Buffer {
  return opaBase64UrlDecode(t.signature);
}

/** io.jwt.verify_hs256 / 384 / 512 */
export function jwtVerifyHS(hash: Hash, jwt: RegoValue | undefined, secret: RegoValue | undefined): RegoValue {
  strOperand(jwt, 1);
  const key = strOperand(secret, 2);
  const t = decodeJWT(jwt);
  const input = Buffer.from(`${t.header}.${t.payload}`, 'utf8');
  const sig = decodeSignature(t);
  return regoBool(hmacEqual(hash, Buffer.from(key, 'utf8'), input, sig));
}

/** io.jwt.verify_<rs|ps|es><bits> / verify_eddsa */
export function jwtVerifyAsym(verifier: Verifier, jwt: RegoValue | undefined, keyText: RegoValue | undefined): RegoValue {
  const t = decodeJWT(jwt);
  const keys = keysFromCertOrJwk(strOperand(keyText, 2));
  const sig = decodeSignature(t);
  const header = parseTokenHeader(decodeHeader(t));
  const input = Buffer.from(`${t.header}.${t.payload}`, 'utf8');
  if (header.kid !== '') {
    const k = keys.find((x) => x.kid === header.kid);
    if (k) return regoBool(verifier(k.key, input, sig));
  }
  for (const k of keys) {
    if (k.alg !== '' && k.alg !== header.alg) continue;
    if (verifier(k.key, input, sig)) return regoBool(true);
  }
  return regoBool(false);
}

// ---------------------------------------------------------------------------------------------
// decode_verify

interface Constraints {
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  keys?: VerificationKey[];
  time: number;
}

function constraintTime(v: RegoValue): number {
  if (v.t !== 'number') fail('token time constraint: must be a number');
  const f = Number(v.v);
  if (!Number.isFinite(f)) fail('token time constraint: unvalid float64');
  if (f < 0) fail('token time constraint: must not be negative');
  return f;
}

function parseConstraints(o: RegoValue & { t: 'object' }, now: bigint): Constraints {
  const c: Constraints = { secret: '', alg: '', iss: '', aud: '', time: -1 };
  for (const [k, v] of o.v) {
    // Go asserts string keys (a panic otherwise, which the evaluation reports as an error).
    if (k.t !== 'string') throw new Error('io.jwt.decode_verify: constraint key is not a string');
    switch (k.v) {
      case 'cert':
        if (v.t !== 'string') fail('cert constraint: must be a string');
        c.keys = keysFromCertOrJwk(v.v);
        break;
      case 'secret':
      case 'alg':
      case 'iss':
      case 'aud':
        if (v.t !== 'string') fail(`${k.v} constraint: must be a string`);
        c[k.v] = v.v;
        break;
      case 'time':
        c.time = constraintTime(v);
        break;
      default:
        fail(`unknown token validation constraint: ${k.v}`);
    }
  }
  if (c.time === -1) c.time = Number(now);
  const keys = (c.keys ? 1 : 0) + (c.secret !== '' ? 1 : 0);
  if (keys > 1) fail('duplicate key constraints');
  if (keys < 1) fail('no key constraint');
  return c;
}

function verifyWithConstraints(c: Constraints, h: TokenHeader, input: Buffer, sig: Buffer): boolean {
  if (c.keys) {
    if (h.kid !== '') {
      const k = c.keys.find((x) => x.kid === h.kid);
      if (k) return jwsVerify(k.key, h.alg, input, sig);
    }
    return c.keys.some((k) => (k.alg === '' || k.alg === h.alg) && jwsVerify(k.key, h.alg, input, sig));
  }
  return jwsVerify({ type: 'bytes', bytes: Buffer.from(c.secret, 'utf8') }, h.alg, input, sig);
}

function validAudience(c: Constraints, aud: RegoValue): boolean {
  if (aud.t === 'string') return aud.v === c.aud;
  if (aud.t !== 'array') return false;
  return aud.v.some((e) => e.t === 'string' && e.v === c.aud);
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 and from 1e6 on. */
function goFormatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, e] = f.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/**
 * ast.NumberCompare of OPA v1.17.1 (src/go/number-compare.ts: `10.0` equals `1`, and so on), for the time in
 * seconds against an `exp` or `nbf` claim. Where NumberCompare gets to its exact comparison with a number
 * big.Rat refuses, OPA panics; for these operands the earlier steps decide only when the texts are equal
 * once trailing `.`/`0` are cut (a refused number is no int64, and its float64 is 0 or infinite, which no
 * time of the `%g` form with a cut fraction equals).
 */
function opaNumberCompare(x: string, y: string): number {
  const cut = (t: string): string => (t.includes('.') ? t.replace(/[.0]+$/, '') : t);
  if ((ratRefuses(x) || ratRefuses(y)) && cut(x) !== cut(y)) {
    throw new Error(`number comparison of ${x} and ${y}: OPA panics ("illegal value")`);
  }
  return numberCompare(x, y);
}

/** big.Rat.SetString fails: a nonzero mantissa scaled by 10^n with |n| > 1e6 (n counts the fraction digits). */
function ratRefuses(text: string): boolean {
  const m = /^-?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m || /^0*$/.test((m[1] ?? '') + (m[2] ?? ''))) return false;
  return Math.abs(Number(m[3] ?? '0') - (m[2]?.length ?? 0)) > 1e6;
}

/** io.jwt.decode_verify; `now` is the evaluation's clock reading (ns). */
export function jwtDecodeVerify(jwt: RegoValue | undefined, constraints: RegoValue | undefined, now: bigint): RegoValue {
  if (!constraints || constraints.t !== 'object') fail('operand 2 must be object');
  const unverified = regoArray([regoBool(false), { t: 'object', v: [] }, { t: 'object', v: [] }]);
  const c = parseConstraints(constraints, now);
  let a = jwt;
  let token: Token;
  let header: RegoValue & { t: 'object' };
  let p: string;
  for (;;) {
    token = decodeJWT(a);
    header = decodeHeader(token);
    const h = parseTokenHeader(header);
    if (!h.valid) return unverified;
    if (c.alg !== '' && c.alg !== h.alg) return unverified;
    const sig = decodeSignature(token);
    if (!verifyWithConstraints(c, h, Buffer.from(`${token.header}.${token.payload}`, 'utf8'), sig)) return unverified;
    try {
      p = decodePayloadText(token);
    } catch (e) {
      if (e instanceof JwtError) fail(`JWT payload had invalid encoding: ${e.message}`);
      throw e;
    }
    if (h.cty.toLowerCase() === 'jwt') {
      a = regoString(p);
      continue;
    }
    break;
  }
  const payload = jsonObject(p);
  if (c.iss !== '') {
    const iss = get(payload, 'iss');
    if (iss === undefined) return unverified;
    // Go asserts a string here (a panic otherwise).
    if (iss.t !== 'string') throw new Error('io.jwt.decode_verify: iss claim is not a string');
    if (iss.v !== c.iss) return unverified;
  }
  const aud = get(payload, 'aud');
  if (aud !== undefined) {
    if (!validAudience(c, aud)) return unverified;
  } else if (c.aud !== '') {
    return unverified;
  }
  const seconds = goFormatG(c.time / 1e9);
  const exp = get(payload, 'exp');
  if (exp !== undefined) {
    if (exp.t !== 'number') fail('exp value must be a number');
    if (opaNumberCompare(seconds, exp.v) !== -1) return unverified;
  }
  const nbf = get(payload, 'nbf');
  if (nbf !== undefined) {
    if (nbf.t !== 'number') fail('nbf value must be a number');
    if (opaNumberCompare(seconds, nbf.v) === -1) return unverified;
  }
  return regoArray([regoBool(true), header, payload]);
}

// ---------------------------------------------------------------------------------------------
// encode_sign

function rsaSignKey(k: GoKey): KeyObject {
  if (k.type !== 'rsa' || !k.priv) fail('invalid key type for RSA algorithm');
  if ((k.pub.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) fail('crypto/rsa: keys under 1024 bits are insecure');
  return k.priv;
}

/** jwsbb.Sign with the first key of the JWK (set); an OpenSSL failure (key too small for PSS) is its error. */
function jwsSign(key: GoKey, alg: string, input: Buffer): Buffer {
  try {
    return jwsSignUnchecked(key, alg, input);
  } catch (e) {
    if (isOpenSslError(e)) fail(`failed to sign: ${(e as Error).message}`);
    throw e;
  }
}

function jwsSignUnchecked(key: GoKey, alg: string, input: Buffer): Buffer {
  const hash = ({ '256': 'sha256', '384': 'sha384', '512': 'sha512' } as const)[alg.slice(2)] as Hash;
  switch (alg) {
    case 'HS256':
    case 'HS384':
    case 'HS512':
      if (key.type !== 'bytes' || key.bytes.length === 0) fail('invalid key type for HMAC algorithm');
      return createHmac(hash, key.bytes).update(input).digest();
    case 'RS256':
    case 'RS384':
    case 'RS512':
      return cryptoSign(hash, input, { key: rsaSignKey(key), padding: constants.RSA_PKCS1_PADDING });
    case 'PS256':
    case 'PS384':
    case 'PS512':
      return cryptoSign(hash, input, { key: rsaSignKey(key), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
    case 'ES256':
    case 'ES384':
    case 'ES512':
      if (key.type !== 'ecdsa' || !key.priv) fail('invalid key type for ECDSA algorithm');
      return cryptoSign(hash, input, { key: key.priv, dsaEncoding: 'ieee-p1363' });
    default:
      if (key.type !== 'ed25519' || !key.priv) fail('invalid key type for EdDSA algorithm');
      return cryptoSign(null, input, key.priv);
  }
}

/** io.jwt.encode_sign_raw (and encode_sign, given the JSON texts of its operands). */
export function jwtEncodeSignRaw(headers: string, payload: string, jwk: string): RegoValue {
  const keys = jwkParse(jwk);
  const first = keys[0];
  if (!first) fail('no keys found in JWK set');
  // jwsbb.HeaderParse + HeaderGetString: fastjson, a missing or non-string member being an error.
  const parsed = fastjsonParse(headers);
  const alg = parsed && fastjsonGetString(parsed, 'alg');
  if (alg === undefined) fail("missing or invalid 'alg' header");
  if (!TOKEN_ALGORITHMS.has(alg)) fail(`unknown JWS algorithm: ${alg}`);
  const typ = parsed && fastjsonGetString(parsed, 'typ');
  if ((typ === undefined || typ === 'JWT') && (!goJsonValid(payload) || tooDeep(payload))) fail('type is JWT but payload is not JSON');
  const input = `${b64url(headers)}.${b64url(payload)}`;
  const sig = jwsSign(first.key, alg, Buffer.from(input, 'utf8'));
  return regoString(`${input}.${b64url(sig)}`);
}
