// OPA v1.17.1's crypto.x509.* / crypto.parse_private_keys builtins (v1/topdown/crypto.go) over preadmit's Go
// x509 port: operand handling, the input forms OPA accepts, and the values it returns. Go errors are X509Error
// (the host makes the call undefined); what preadmit cannot reproduce is a plain Error (evaluation error).
import type { RegoValue } from '../opa/rego-value.ts';
import { certificateJson, certsFromString, goStdBase64, J, parseCertificate, pemDecode, X509Error, type Certificate } from './x509.ts';
import { parseCertificateRequest } from './x509-csr.ts';
import { verifyChain, VerifyError, type VerifyOptions } from './x509-verify.ts';
import { parseEcPrivateKey, parsePkcs1, parsePkcs8, privateKeyJson, privateKeyJwk, type PrivateKey } from './x509-keys.ts';

function err(message: string): never {
  throw new X509Error(message);
}

function operandString(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'string') err(`operand ${pos} must be string`);
  return v.v;
}

/** OPA's getPrivateKeysFromPEMData: base64 of PEM or PEM; RSA, PKCS #8 and EC blocks, others skipped. */
function privateKeysFromPemData(data: Buffer): PrivateKey[] {
  let bs: Buffer = goStdBase64(data.toString('latin1')) ?? data;
  const keys: PrivateKey[] = [];
  while (bs.length > 0) {
    const d = pemDecode(bs);
    if (!d) break;
    bs = d.rest;
    if (d.block.type === 'RSA PRIVATE KEY') keys.push(parsePkcs1(d.block.bytes));
    else if (d.block.type === 'PRIVATE KEY') keys.push(parsePkcs8(d.block.bytes));
    else if (d.block.type === 'EC PRIVATE KEY') keys.push(parseEcPrivateKey(d.block.bytes));
  }
  return keys;
}

/** pem.Encode of one block without headers. */
function pemEncode(type: string, bytes: Buffer): Buffer {
  const b64 = bytes.toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return Buffer.from(`-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`, 'latin1');
}

/** crypto/tls's parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1. */
function tlsPrivateKey(der: Buffer): PrivateKey {
  for (const parse of [parsePkcs1, parsePkcs8, parseEcPrivateKey]) {
    try {
      return parse(der);
    } catch (e) {
      if (!(e instanceof X509Error)) throw e;
    }
  }
  return err('tls: failed to parse private key');
}

function keyMatches(c: Certificate, k: PrivateKey): boolean {
  const pub = c.publicKey;
  if (pub.alg === 1) {
    if (k.kind !== 'rsa') err('tls: private key type does not match public key type');
    return regoEq(pub.json, J.obj({ N: J.num(k.n), E: J.num(k.e) }));
  }
  if (pub.alg === 3) {
    if (k.kind !== 'ecdsa') err('tls: private key type does not match public key type');
    return pub.curve === k.curve && regoEq(pub.json, J.obj({ Curve: J.obj({}), X: J.num(k.x), Y: J.num(k.y) }));
  }
  if (pub.alg === 4) {
    if (k.kind !== 'ed25519') err('tls: private key type does not match public key type');
    return regoEq(pub.json, J.bytes(k.pub));
  }
  return err('tls: unknown public key algorithm');
}

function regoEq(a: RegoValue, b: RegoValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** OPA's getTLSx509KeyPairFromString and tls.X509KeyPair, as encoding/json writes tls.Certificate. */
function keyPair(certText: string, keyText: string): RegoValue {
  let certPem: Buffer = Buffer.from(certText, 'utf8');
  let keyPem: Buffer = Buffer.from(keyText, 'utf8');
  const begin = Buffer.from('-----BEGIN ');
  const startsWith = (b: Buffer, p: Buffer): boolean => b.subarray(0, p.length).equals(p);
  if (!startsWith(certPem, begin)) certPem = goStdBase64(certText) ?? err('illegal base64 data');
  if (!startsWith(keyPem, begin)) keyPem = goStdBase64(keyText) ?? err('illegal base64 data');
  if (!startsWith(certPem, begin)) certPem = pemEncode('CERTIFICATE', certPem);
  if (!startsWith(keyPem, Buffer.from('-----BEGIN'))) keyPem = pemEncode('PRIVATE KEY', keyPem);
  const ders: Buffer[] = [];
  let skipped = 0;
  for (let rest: Buffer = certPem; ; ) {
    const d = pemDecode(rest);
    if (!d) break;
    rest = d.rest;
    if (d.block.type === 'CERTIFICATE') ders.push(d.block.bytes);
    else skipped++;
  }
  if (ders.length === 0) err(skipped ? 'tls: failed to find "CERTIFICATE" PEM block in certificate input' : 'tls: failed to find any PEM data in certificate input');
  let keyDer: Buffer | undefined;
  for (let rest: Buffer = keyPem; ; ) {
    const d = pemDecode(rest);
    if (!d) err('tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input');
    rest = d.rest;
    if (d.block.type === 'PRIVATE KEY' || d.block.type.endsWith(' PRIVATE KEY')) {
      keyDer = d.block.bytes;
      break;
    }
  }
  const leaf = parseCertificate(ders[0]!);
  if (leaf.raw.length !== ders[0]!.length) err('x509: trailing data');
  const key = tlsPrivateKey(keyDer);
  if (!keyMatches(leaf, key)) err('tls: private key does not match public key');
  return J.obj({
    Certificate: J.arr(ders.map((d) => J.bytes(d))), PrivateKey: privateKeyJson(key), SupportedSignatureAlgorithms: J.null, OCSPStaple: J.null,
    SignedCertificateTimestamps: J.null, Leaf: certificateJson(leaf, false),
  });
}

const KEY_USAGES = [
  'KeyUsageAny', 'KeyUsageServerAuth', 'KeyUsageClientAuth', 'KeyUsageCodeSigning', 'KeyUsageEmailProtection', 'KeyUsageIPSECEndSystem',
  'KeyUsageIPSECTunnel', 'KeyUsageIPSECUser', 'KeyUsageTimeStamping', 'KeyUsageOCSPSigning', 'KeyUsageMicrosoftServerGatedCrypto',
  'KeyUsageNetscapeServerGatedCrypto', 'KeyUsageMicrosoftCommercialCodeSigning', 'KeyUsageMicrosoftKernelCodeSigning',
];

const INT64 = /^-?(?:0|[1-9][0-9]*)$/;

/** OPA's extractVerifyOpts. */
function verifyOptions(v: RegoValue | undefined, now: bigint): VerifyOptions {
  if (!v || v.t !== 'object') err('operand 2 must be object');
  const opts: VerifyOptions = { dnsName: '', currentTime: now, keyUsages: [] };
  for (const [k, x] of v.v) {
    if (k.t !== 'string') continue;
    switch (k.v) {
      case 'DNSName':
        if (x.t !== 'string') err("'DNSName' should be a string");
        opts.dnsName = x.v.replace(/^"+|"+$/g, '');
        break;
      case 'CurrentTime': {
        if (x.t !== 'number') err("'CurrentTime' should be a number");
        if (!INT64.test(x.v) || BigInt(x.v) > 0x7fffffffffffffffn || BigInt(x.v) < -0x8000000000000000n) err("'CurrentTime' should be a valid int64 number");
        opts.currentTime = BigInt(x.v);
        break;
      }
      case 'MaxConstraintComparisons':
        if (x.t !== 'number') err("'MaxConstraintComparisons' should be a number");
        if (!INT64.test(x.v) || BigInt(x.v) > 0x7fffffffffffffffn || BigInt(x.v) < -0x8000000000000000n) err("'MaxConstraintComparisons' should be a valid number");
        break;
      case 'KeyUsages': {
        if (x.t !== 'array' && x.t !== 'set') err("'KeyUsages' should be an Array or Set");
        const invalid: string[] = [];
        for (const u of x.v) {
          if (u.t !== 'string') continue;
          const name = u.v.replace(/^"+|"+$/g, '');
          const i = KEY_USAGES.indexOf(name);
          if (i >= 0) opts.keyUsages.push(i);
          else invalid.push(name);
        }
        if (invalid.length) err(`invalid entries for 'KeyUsages' found: [${invalid.join(' ')}]`);
        break;
      }
      default:
        err('invalid key option');
    }
  }
  return opts;
}

const NOT_VERIFIED: RegoValue = J.arr([J.bool(false), J.arr([])]);

/** crypto.x509.parse_and_verify_certificates(_with_options): [true, chain] or [false, []]. */
function parseAndVerify(input: string, options: ((now: bigint) => VerifyOptions) | undefined, now: bigint, uriStrings: boolean): RegoValue {
  let certs: Certificate[];
  try {
    certs = certsFromString(input);
  } catch (e) {
    if (e instanceof X509Error) return NOT_VERIFIED;
    throw e;
  }
  const opts = options ? options(now) : { dnsName: '', currentTime: now, keyUsages: [] };
  try {
    return J.arr([J.bool(true), J.arr(verifyChain(certs, opts).map((c) => certificateJson(c, uriStrings)))]);
  } catch (e) {
    if (e instanceof VerifyError) return NOT_VERIFIED;
    throw e;
  }
}

/** The builtins, verification taking the current time from `clock` (nanoseconds since the epoch). */
export function x509Builtins(clock: () => bigint): Record<string, (...args: RegoValue[]) => RegoValue> {
  return {
    ...X509_BUILTINS,
    'crypto.x509.parse_and_verify_certificates': (a) => parseAndVerify(operandString(a, 1), undefined, clock(), true),
    'crypto.x509.parse_and_verify_certificates_with_options': (a, o) => {
      const input = operandString(a, 1);
      if (!o || o.t !== 'object') err('operand 2 must be object');
      return parseAndVerify(input, (now) => verifyOptions(o, now), clock(), false);
    },
  };
}

const X509_BUILTINS: Record<string, (...args: RegoValue[]) => RegoValue> = {
  'crypto.x509.parse_certificates': (a) => J.arr(certsFromString(operandString(a, 1)).map((c) => certificateJson(c, true))),
  'crypto.x509.parse_certificate_request': (a) => {
    const s = operandString(a, 1);
    let bytes: Buffer = s.startsWith('-----BEGIN CERTIFICATE REQUEST-----') ? Buffer.from(s, 'utf8') : (goStdBase64(s) ?? err('illegal base64 data'));
    const p = pemDecode(bytes);
    if (p && p.block.type !== 'CERTIFICATE REQUEST') err('invalid PEM-encoded certificate signing request');
    if (p) bytes = p.block.bytes;
    return parseCertificateRequest(bytes);
  },
  'crypto.x509.parse_keypair': (c, k) => keyPair(operandString(c, 1), operandString(k, 1)),
  'crypto.parse_private_keys': (a) => {
    const s = operandString(a, 1);
    if (s === '') return J.null;
    return J.arr(privateKeysFromPemData(Buffer.from(s, 'utf8')).map(privateKeyJson));
  },
  'crypto.x509.parse_rsa_private_key': (a) => {
    const s = operandString(a, 1);
    if (s === '') err('input PEM data was empty');
    const data = s.startsWith('-----BEGIN') ? Buffer.from(s, 'utf8') : (goStdBase64(s) ?? err('illegal base64 data'));
    const keys = privateKeysFromPemData(data);
    return keys.length ? privateKeyJwk(keys[0]!) : J.null;
  },
};
