// Go's private key parsing as OPA calls it (x509.ParsePKCS1PrivateKey, ParsePKCS8PrivateKey, ParseECPrivateKey)
// and encoding/json's rendering of the keys. Keys Go would accept but preadmit cannot check the way Go does
// (multi-prime RSA, odd sizes or exponents, composite primes, X25519, explicit curve parameters) are evaluation
// errors. Like encoding/asn1, data after a key's structure (PKCS #8, SEC 1) and elements after its last field are ignored.
import { createECDH, createPublicKey, createPrivateKey } from 'node:crypto';
import { DerReader, oidEqual, TAG, type Element } from './asn1.ts';
import { J, unsupported, X509Error } from './x509.ts';
import type { RegoValue } from '../opa/rego-value.ts';

function err(message: string): never {
  throw new X509Error(message);
}

export type PrivateKey =
  | { kind: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qinv: bigint }
  | { kind: 'ecdsa'; curve: string; size: number; x: bigint; y: bigint; d: bigint }
  | { kind: 'ed25519'; seed: Buffer; pub: Buffer };

const OID_RSA = [1, 2, 840, 113549, 1, 1, 1];
const OID_EC = [1, 2, 840, 10045, 2, 1];
const OID_ED25519 = [1, 3, 101, 112];
const OID_X25519 = [1, 3, 101, 110];
const EC_CURVES: Array<{ oid: number[]; name: string; node: string; size: number }> = [
  { oid: [1, 2, 840, 10045, 3, 1, 7], name: 'P-256', node: 'prime256v1', size: 32 },
  { oid: [1, 3, 132, 0, 34], name: 'P-384', node: 'secp384r1', size: 48 },
  { oid: [1, 3, 132, 0, 35], name: 'P-521', node: 'secp521r1', size: 66 },
];

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

function bitLen(n: bigint): number {
  return n.toString(2).length;
}

/** ParsePKCS1PrivateKey. */
export function parsePkcs1(der: Buffer): PrivateKey {
  const top = new DerReader(der);
  const seq = top.body(TAG.SEQUENCE);
  if (!seq) err('asn1: structure error: not a PKCS #1 private key');
  if (!top.empty) err('asn1: syntax error: trailing data');
  const ints: bigint[] = [];
  // version, N, E, D, P, Q; then Dp, Dq, Qinv are optional (encoding/asn1 fills them in order from the INTEGERs
  // that follow; missing ones are computed), then the optional other primes; elements after those are ignored
  for (let i = 0; i < 6; i++) ints.push(seq.integer() ?? err('asn1: structure error: not a PKCS #1 private key'));
  const crt: bigint[] = [];
  while (crt.length < 3 && seq.peekTag(TAG.INTEGER)) crt.push(seq.integer() ?? err('asn1: structure error: invalid integer'));
  if (seq.peekTag(TAG.SEQUENCE)) unsupported('a multi-prime PKCS #1 private key');
  const [version, n, e, d, p, q] = ints as [bigint, bigint, bigint, bigint, bigint, bigint];
  if (version > 1n) err('x509: unsupported private key version');
  if (n <= 0n || d <= 0n || p <= 0n || q <= 0n || crt.some((v) => v <= 0n)) err('x509: private key contains zero or negative value');
  if (e > 0x7fffffffffffffffn || e < -0x8000000000000000n) err('asn1: structure error: integer too large');
  if (p < 3n || q < 3n) unsupported('an RSA private key with a prime under 3');
  const dp = crt[0] ?? d % (p - 1n);
  const dq = crt[1] ?? d % (q - 1n);
  const qinv = crt[2] ?? modInverse(q, p);
  // Go validates the key (FIPS checks included); preadmit accepts only consistent keys of usual sizes and fails
  // closed on anything else rather than guess which of Go's checks would refuse it.
  if (e < 3n || e >= 1n << 31n || (e & 1n) === 0n || bitLen(n) < 1024 || bitLen(n) > 16384 || p === q || p < 3n || q < 3n) {
    unsupported('an RSA private key of unusual size or exponent');
  }
  // an inconsistent key is refused by Go's Validate; one that only fails a primality test is not reproduced
  const consistent =
    p * q === n && (d * e) % (p - 1n) === 1n % (p - 1n) && (d * e) % (q - 1n) === 1n % (q - 1n) &&
    dp === d % (p - 1n) && dq === d % (q - 1n) && qinv === modInverse(q, p) && (q * qinv) % p === 1n;
  if (!consistent) err('crypto/rsa: invalid private key');
  if (modPow(2n, p - 1n, p) !== 1n || modPow(2n, q - 1n, q) !== 1n) unsupported('an RSA private key with composite primes');
  return { kind: 'rsa', n, e, d, p, q, dp, dq, qinv };
}

/** The single element inside an explicit tag, or undefined when there is not exactly one. */
function explicitInner(e: { body: Buffer }): Element | undefined {
  const r = new DerReader(e.body);
  const inner = r.readAny();
  if (inner && !r.empty) unsupported('an explicitly tagged field with more than one element');
  return inner;
}

/** parseECPrivateKey (SEC 1), with the curve of a PKCS #8 wrapper when given. Elements after the last field are ignored. */
function parseSec1(der: Buffer, curveOid: number[] | undefined): PrivateKey {
  const top = new DerReader(der);
  const seq = top.body(TAG.SEQUENCE);
  if (!seq) err('x509: failed to parse EC private key: not a SEQUENCE');
  const version = seq.integer();
  const priv = seq.read(TAG.OCTET_STRING);
  if (version === undefined || !priv) err('x509: failed to parse EC private key: asn1: structure error');
  let named: number[] | undefined;
  const params = seq.optional(0xa0);
  if (params === undefined) err('x509: failed to parse EC private key: asn1: structure error');
  if (params) {
    const inner = explicitInner(params);
    if (!inner || inner.tag !== TAG.OID) unsupported('an EC private key with explicit curve parameters');
    named = new DerReader(inner.full).oid() ?? err('x509: failed to parse EC private key: asn1: invalid OID');
  }
  const pub = seq.optional(0xa1);
  if (pub === undefined) err('x509: failed to parse EC private key: asn1: structure error');
  if (pub) {
    const inner = explicitInner(pub);
    if (!inner || inner.tag !== TAG.BIT_STRING) unsupported('an EC private key whose public key field is not a BIT STRING');
    if (!new DerReader(inner.full).bitString()) err('x509: failed to parse EC private key: asn1: invalid BIT STRING');
  }
  if (version !== 1n) err(`x509: unknown EC private key version ${version}`);
  const oid = curveOid ?? named;
  const curve = oid ? EC_CURVES.find((c) => oidEqual(c.oid, oid)) : undefined;
  if (oid && oidEqual(oid, [1, 3, 132, 0, 33])) unsupported('a P-224 key');
  if (!curve) err('x509: unknown elliptic curve');
  let k = priv.body;
  while (k.length > curve.size) {
    if (k[0] !== 0) err('x509: invalid private key length');
    k = k.subarray(1);
  }
  const raw = Buffer.concat([Buffer.alloc(curve.size - k.length), k]);
  let point: Buffer;
  try {
    const ecdh = createECDH(curve.node);
    ecdh.setPrivateKey(raw);
    point = ecdh.getPublicKey();
  } catch {
    err('ecdsa: invalid private key');
  }
  const d = BigInt('0x' + raw.toString('hex'));
  if (d === 0n) err('ecdsa: invalid private key');
  return {
    kind: 'ecdsa', curve: curve.name, size: curve.size, d,
    x: BigInt('0x' + point.subarray(1, 1 + curve.size).toString('hex')),
    y: BigInt('0x' + point.subarray(1 + curve.size).toString('hex')),
  };
}

export function parseEcPrivateKey(der: Buffer): PrivateKey {
  return parseSec1(der, undefined);
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** ParsePKCS8PrivateKey. */
export function parsePkcs8(der: Buffer): PrivateKey {
  const top = new DerReader(der);
  const seq = top.body(TAG.SEQUENCE);
  if (!seq) err('asn1: structure error: not a PKCS #8 private key');
  const version = seq.integer();
  const algo = seq.body(TAG.SEQUENCE);
  const key = seq.read(TAG.OCTET_STRING);
  if (version === undefined || !algo || !key) err('asn1: structure error: not a PKCS #8 private key');
  const oid = algo.oid() ?? err('asn1: structure error: not a PKCS #8 private key');
  const params = algo.empty ? undefined : algo.readAny();
  if (oidEqual(oid, OID_RSA)) {
    try {
      return parsePkcs1(key.body);
    } catch (e) {
      if (e instanceof X509Error) err('x509: failed to parse RSA private key embedded in PKCS#8: ' + e.message);
      throw e;
    }
  }
  if (oidEqual(oid, OID_EC)) {
    const curve = params ? new DerReader(params.full).oid() : undefined;
    try {
      return parseSec1(key.body, curve);
    } catch (e) {
      if (e instanceof X509Error) err('x509: failed to parse EC private key embedded in PKCS#8: ' + e.message);
      throw e;
    }
  }
  if (oidEqual(oid, OID_ED25519)) {
    if (params) err('x509: invalid Ed25519 private key parameters');
    const inner = new DerReader(key.body);
    const seed = inner.read(TAG.OCTET_STRING);
    if (!seed) err('x509: invalid Ed25519 private key: asn1: structure error');
    if (seed.body.length !== 32) err(`x509: invalid Ed25519 private key length: ${seed.body.length}`);
    const priv = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed.body]), format: 'der', type: 'pkcs8' });
    const x = createPublicKey(priv).export({ format: 'jwk' }).x as string;
    return { kind: 'ed25519', seed: Buffer.from(seed.body), pub: Buffer.from(x, 'base64url') };
  }
  if (oidEqual(oid, OID_X25519)) unsupported('an X25519 private key');
  return err(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${oid.join('.')}`);
}

/** The key as encoding/json writes *rsa.PrivateKey, *ecdsa.PrivateKey or ed25519.PrivateKey. */
export function privateKeyJson(k: PrivateKey): RegoValue {
  switch (k.kind) {
    case 'rsa':
      return J.obj({
        N: J.num(k.n), E: J.num(k.e), D: J.num(k.d), Primes: J.arr([J.num(k.p), J.num(k.q)]),
        Precomputed: J.obj({ Dp: J.num(k.dp), Dq: J.num(k.dq), Qinv: J.num(k.qinv), CRTValues: J.arr([]) }),
      });
    case 'ecdsa':
      return J.obj({ Curve: J.obj({}), X: J.num(k.x), Y: J.num(k.y), D: J.num(k.d) });
    case 'ed25519':
      return J.bytes(Buffer.concat([k.seed, k.pub]));
  }
}

function b64url(n: bigint, size = 0): RegoValue {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const b = Buffer.from(hex === '00' ? '' : hex, 'hex');
  return J.str(Buffer.concat([Buffer.alloc(Math.max(0, size - b.length)), b]).toString('base64url'));
}

/** The key as OPA's JWK of it (crypto.x509.parse_rsa_private_key): RSA, EC (coordinates at curve size), OKP. */
export function privateKeyJwk(k: PrivateKey): RegoValue {
  switch (k.kind) {
    case 'rsa':
      return J.obj({
        kty: J.str('RSA'), n: b64url(k.n), e: b64url(k.e), d: b64url(k.d), p: b64url(k.p), q: b64url(k.q), dp: b64url(k.dp), dq: b64url(k.dq), qi: b64url(k.qinv),
      });
    case 'ecdsa':
      return J.obj({ kty: J.str('EC'), crv: J.str(k.curve), x: b64url(k.x, k.size), y: b64url(k.y, k.size), d: b64url(k.d, k.size) });
    case 'ed25519':
      return J.obj({ kty: J.str('OKP'), crv: J.str('Ed25519'), x: J.str(k.pub.toString('base64url')), d: J.str(k.seed.toString('base64url')) });
  }
}
