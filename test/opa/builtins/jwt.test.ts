// io.jwt.* on preadmit's host (src/go/jwt.ts) against the real topdown `opa eval` of Gatekeeper's OPA
// (v1.17.1), byte for byte, including undefined results (OPA's builtin errors). Tokens are signed here with
// node:crypto (keys made at test time, certificates in fixtures-jwt/), independently of the code under test.
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, constants, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mismatches, wasmEvalAll } from './wasm-oracle.ts';

const FIX = join(import.meta.dirname, 'fixtures-jwt');
const fixture = (name: string): string => readFileSync(join(FIX, name), 'utf8');

const lit = (s: string): string => JSON.stringify(s);
/** A value the type checker cannot see (so that wrongly typed operands reach the builtin). */
const dyn = (v: unknown): string => `json.unmarshal(${lit(JSON.stringify(v))})`;
const b64 = (s: string | Buffer): string => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64url');

function pair(type: 'rsa' | 'ec' | 'ed25519' | 'x25519', opts: Record<string, unknown> = {}): { pub: KeyObject; priv: KeyObject } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { publicKey, privateKey } = generateKeyPairSync(type as any, opts as any) as unknown as { publicKey: KeyObject; privateKey: KeyObject };
  return { pub: publicKey, priv: privateKey };
}

const rsa = pair('rsa', { modulusLength: 2048 });
const rsa2 = pair('rsa', { modulusLength: 2048 });
const rsa512 = pair('rsa', { modulusLength: 512 });
const rsa1016 = pair('rsa', { modulusLength: 1016 });
const rsa1024 = pair('rsa', { modulusLength: 1024 });
const p256 = pair('ec', { namedCurve: 'P-256' });
const p384 = pair('ec', { namedCurve: 'P-384' });
const p521 = pair('ec', { namedCurve: 'P-521' });
const k256 = pair('ec', { namedCurve: 'secp256k1' });
const ed = pair('ed25519');
const ed2 = pair('ed25519');
const x25519 = pair('x25519');
const ed448 = pair('ed448' as 'ed25519');
const dsa = pair('dsa' as 'rsa', { modulusLength: 2048, divisorLength: 256 });

const pem = (k: KeyObject): string => k.export({ type: 'spki', format: 'pem' }).toString();
const jwk = (k: KeyObject, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...k.export({ format: 'jwk' }), ...extra });
const jwkText = (k: KeyObject, extra: Record<string, unknown> = {}): string => JSON.stringify(jwk(k, extra));
const octJwk = (secret: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ kty: 'oct', k: b64(secret), ...extra });

type Alg = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';
const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/** A signature of `input` by alg (the JWS form: r||s for ECDSA). */
function signWith(alg: Alg, key: KeyObject | string, input: string, pssSalt: number = constants.RSA_PSS_SALTLEN_DIGEST): Buffer {
  const hash = HASH[alg.slice(2)] as string;
  const data = Buffer.from(input, 'utf8');
  if (alg.startsWith('HS')) return createHmac(hash, key as string).update(data).digest();
  if (alg.startsWith('RS')) return sign(hash, data, key as KeyObject);
  if (alg.startsWith('PS')) return sign(hash, data, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSalt });
  if (alg.startsWith('ES')) return sign(hash, data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  return sign(null, data, key as KeyObject);
}

/** A compact token; header and payload as objects (JSON-encoded) or raw text. */
function token(alg: Alg, key: KeyObject | string, header: object | string, payload: object | string, pssSalt?: number): string {
  const h = b64(typeof header === 'string' ? header : JSON.stringify(header));
  const p = b64(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return `${h}.${p}.${b64(signWith(alg, key, `${h}.${p}`, pssSalt))}`;
}

const PAYLOAD = { sub: '1234567890', name: 'Jane', iat: 1516239022, admin: true, n: 12345678901234567890.5 };
const hs = (alg: Alg, secret: string, header: object = { alg, typ: 'JWT' }, payload: object | string = PAYLOAD): string => token(alg, secret, header, payload);

/** Long base64 runs (tokens, keys) shortened, so that a failure reads. */
const short = (s: string): string => s.replace(/[A-Za-z0-9_\-+/=]{48,}/g, (x) => `${x.slice(0, 16)}…${x.slice(-8)}`);

function expectSame(exprs: string[]): void {
  const bad = mismatches(exprs).map((m) => `#${exprs.findIndex((e) => m.startsWith(`${e}: got `))} ${short(m)}`);
  expect(bad).toEqual([]);
}

describe('io.jwt.decode', () => {
  it('agrees with topdown on well-formed and malformed tokens', () => {
    const good = hs('HS256', 'secret');
    const [h, p, s] = good.split('.') as [string, string, string];
    const nested = token('HS256', 'k', { alg: 'HS256', cty: 'JWT' }, `"${hs('HS256', 'inner', { alg: 'HS256' }, { inner: 1 })}"`);
    const exprs = [
      good,
      `${h}.${p}.`,
      `${h}==.${p}.${s}`,
      `${b64('{"alg":"HS256"}')}=.${p}.${s}`,
      `${b64('{"alg":"HS256"}')}.${b64('{"a":1}')}.${s}`,
      `${b64('{"alg":"HS256"}')}.${b64('{"a":1,"a":2,"b":{"c":[1,2.50,1e400]}}')}.${s}`,
      `${b64('{"alg":"HS256","enc":"A128GCM"}')}.${p}.${s}`,
      `${b64('{"alg":"HS256"')}.${p}.${s}`,
      `${b64('[1]')}.${p}.${s}`,
      `${h}.${b64('[1]')}.${s}`,
      `${h}.${b64('"x"')}.${s}`,
      `${h}.${b64('{"a":1} {}')}.${s}`,
      `${h}.${b64(' \n{"a":"\\ud800 é \u2028"}\t')}.${s}`,
      `${h}.${Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0x41, 0xff, 0x22, 0x7d]).toString('base64url')}.${s}`,
      `${h}.${p}.${s}x`,
      `${h}.${p}.${s.slice(0, -1)}`,
      `${h}x.${p}.${s}`,
      `${h}.${p}.${s}.`,
      `${h}.${p}`,
      `${h}${p}${s}`,
      '..',
      '',
      `${h}.${p}.a+b/`,
      `${h}.${p}.YQ\n==`,
      `${h}.${b64('{"x":1}').replace(/=+$/, '')}\r\n.${s}`,
      nested,
      token('HS256', 'k', { alg: 'HS256', cty: 'jwt' }, `"${hs('HS256', 'inner', { alg: 'HS256' }, { inner: 1 })}"`),
      token('HS256', 'k', { alg: 'HS256', cty: 'JWT' }, `'${hs('HS256', 'inner', { alg: 'HS256' }, { inner: 2 })}'"`),
      token('HS256', 'k', { alg: 'HS256', cty: 'JWT' }, 'not a token'),
      token('HS256', 'k', { alg: 'HS256', cty: 'text/plain' }, { a: 1 }),
      `${b64('{"alg":"HS256","crit":["x"],"x":1}')}.${p}.${s}`,
    ].map((t) => `io.jwt.decode(${lit(t)})`);
    exprs.push(`io.jwt.decode(${dyn(1)})`, `io.jwt.decode(${dyn(['a.b.c'])})`);
    // Nesting: Go's decoder stops past 10,000 levels (duplicate keys deep down still collapse). Values nested
    // more than some 4,000 deep overflow the stack in the host's value handling and fail the evaluation, as
    // json.unmarshal's do (not a JWT matter), so 3,000 is the deepest tried here.
    const deep = (n: number): string => `{"a":${'['.repeat(n)}${']'.repeat(n)}, "a": {"b": ${'{"c":1,"c":'.repeat(50)}1${'}'.repeat(50)}}}`;
    for (const n of [3000, 10000, 20000]) exprs.push(`io.jwt.decode(${lit(`${h}.${b64(deep(n))}.`)})[1]`);
    expectSame(exprs);
  });
});

describe('io.jwt.verify_hs256 / hs384 / hs512', () => {
  it('agrees with topdown', () => {
    const exprs: string[] = [];
    for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
      const f = `io.jwt.verify_${alg.toLowerCase()}`;
      const t = hs(alg, 'secret');
      const [h, p, s] = t.split('.') as [string, string, string];
      exprs.push(
        `${f}(${lit(t)}, "secret")`,
        `${f}(${lit(t)}, "Secret")`,
        `${f}(${lit(t)}, "")`,
        `${f}(${lit(`${h}.${b64('{"sub":"x"}')}.${s}`)}, "secret")`,
        `${f}(${lit(`${h}.${p}.${s}=`)}, "secret")`,
        `${f}(${lit(`${h}.${p}.${s}!`)}, "secret")`,
        `${f}(${lit(`${h}.${p}`)}, "secret")`,
        `${f}(${lit(t)}, ${dyn(1)})`,
        `${f}(${dyn(1)}, "secret")`,
        `${f}(${lit(token(alg, 'sécret ✓', 'not json at all', 'also not json'))}, "sécret ✓")`,
        `${f}(${lit(token(alg, '', { alg }, {}))}, "")`,
      );
    }
    exprs.push(`io.jwt.verify_hs256(${lit(hs('HS384', 'secret'))}, "secret")`);
    // The header is not read: a non-ASCII one is signed as its UTF-8 bytes.
    exprs.push(`io.jwt.verify_hs256(${lit(`é.e30.${b64(createHmac('sha256', 'k').update(Buffer.from('é.e30')).digest())}`)}, "k")`);
    expectSame(exprs);
  });
});

describe('io.jwt.verify_rs* / ps* / es* / eddsa', () => {
  it('agrees with topdown on PEM public keys and certificates', () => {
    const exprs: string[] = [];
    const rsaCert = fixture('rsa-cert.pem');
    const rsaCertKey = createPrivateKey(fixture('rsa-cert.key'));
    const ecCert = fixture('ec-cert.pem');
    const ecCertKey = createPrivateKey(fixture('ec-cert.key'));
    const edCert = fixture('ed25519-cert.pem');
    const edCertKey = createPrivateKey(fixture('ed25519-cert.key'));
    const pssCert = fixture('rsapss-cert.pem');
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const) {
      const f = `io.jwt.verify_${alg.toLowerCase()}`;
      const t = token(alg, rsa.priv, { alg, typ: 'JWT' }, PAYLOAD);
      exprs.push(
        `${f}(${lit(t)}, ${lit(pem(rsa.pub))})`,
        `${f}(${lit(t)}, ${lit(pem(rsa2.pub))})`,
        `${f}(${lit(token(alg, rsaCertKey, { alg }, PAYLOAD))}, ${lit(rsaCert)})`,
        `${f}(${lit(t)}, ${lit(rsaCert)})`,
        `${f}(${lit(t.slice(0, -4))}, ${lit(pem(rsa.pub))})`,
        `${f}(${lit(token(alg, rsa.priv, { alg: 'none' }, PAYLOAD))}, ${lit(pem(rsa.pub))})`,
        `${f}(${lit(t)}, ${lit(pem(p256.pub))})`,
        `${f}(${lit(t)}, ${lit(pssCert)})`,
      );
    }
    exprs.push(`io.jwt.verify_ps256(${lit(token('PS256', rsa.priv, { alg: 'PS256' }, PAYLOAD, constants.RSA_PSS_SALTLEN_MAX_SIGN))}, ${lit(pem(rsa.pub))})`);
    for (const k of [rsa512, rsa1016, rsa1024]) {
      exprs.push(`io.jwt.verify_rs256(${lit(token('RS256', k.priv, { alg: 'RS256' }, PAYLOAD))}, ${lit(pem(k.pub))})`);
      if (k !== rsa512) exprs.push(`io.jwt.verify_ps256(${lit(token('PS256', k.priv, { alg: 'PS256' }, PAYLOAD))}, ${lit(pem(k.pub))})`);
    }
    exprs.push(`io.jwt.verify_ps256(${lit(token('PS256', rsa.priv, { alg: 'PS256' }, PAYLOAD, 0))}, ${lit(pem(rsa.pub))})`);
    exprs.push(`io.jwt.verify_rs256(${lit(token('PS256', rsa.priv, { alg: 'PS256' }, PAYLOAD))}, ${lit(pem(rsa.pub))})`);
    for (const [alg, k] of [['ES256', p256], ['ES384', p384], ['ES512', p521]] as const) {
      const f = `io.jwt.verify_${alg.toLowerCase()}`;
      const t = token(alg, k.priv, { alg, typ: 'JWT' }, PAYLOAD);
      const [h, p, s] = t.split('.') as [string, string, string];
      const der = sign(HASH[alg.slice(2)] as string, Buffer.from(`${h}.${p}`), k.priv);
      exprs.push(
        `${f}(${lit(t)}, ${lit(pem(k.pub))})`,
        `${f}(${lit(t)}, ${lit(pem(p256 === k ? p384.pub : p256.pub))})`,
        `${f}(${lit(`${h}.${p}.${b64(der)}`)}, ${lit(pem(k.pub))})`,
        `${f}(${lit(`${h}.${p}.${s.slice(0, -2)}`)}, ${lit(pem(k.pub))})`,
        `${f}(${lit(`${h}.${p}.`)}, ${lit(pem(k.pub))})`,
        `${f}(${lit(t)}, ${lit(pem(rsa.pub))})`,
      );
    }
    // r with a leading zero byte dropped: Go splits the signature in halves whatever their length, so a
    // 63-byte signature verifies when r < 2^248 (found by signing until one such r comes up).
    for (let i = 0, found = 0; found < 2 && i < 20000; i++) {
      const input = `${b64('{"alg":"ES256"}')}.${b64(`{"i":${i}}`)}`;
      const sig = signWith('ES256', p256.priv, input);
      if (sig[0] === 0) {
        found++;
        exprs.push(`io.jwt.verify_es256(${lit(`${input}.${b64(sig.subarray(1))}`)}, ${lit(pem(p256.pub))})`);
        exprs.push(`io.jwt.decode_verify(${lit(`${input}.${b64(sig.subarray(1))}`)}, {"cert": ${lit(pem(p256.pub))}})`);
      }
    }
    exprs.push(`io.jwt.verify_es256(${lit(token('ES256', p384.priv, { alg: 'ES256' }, PAYLOAD))}, ${lit(pem(p384.pub))})`);
    exprs.push(`io.jwt.verify_es256(${lit(token('ES256', k256.priv, { alg: 'ES256' }, PAYLOAD))}, ${lit(pem(k256.pub))})`);
    exprs.push(`io.jwt.verify_es256(${lit(token('ES256', ecCertKey, { alg: 'ES256' }, PAYLOAD))}, ${lit(ecCert)})`);
    const edt = token('EdDSA', ed.priv, { alg: 'EdDSA' }, PAYLOAD);
    exprs.push(
      `io.jwt.verify_eddsa(${lit(edt)}, ${lit(pem(ed.pub))})`,
      `io.jwt.verify_eddsa(${lit(edt)}, ${lit(pem(ed2.pub))})`,
      `io.jwt.verify_eddsa(${lit(edt.slice(0, -3))}, ${lit(pem(ed.pub))})`,
      `io.jwt.verify_eddsa(${lit(token('EdDSA', edCertKey, { alg: 'EdDSA' }, PAYLOAD))}, ${lit(edCert)})`,
      `io.jwt.verify_eddsa(${lit(edt)}, ${lit(pem(x25519.pub))})`,
      `io.jwt.verify_eddsa(${lit(edt)}, ${lit(pem(rsa.pub))})`,
    );
    // PEM framing: trailing data, leading text, other block types, broken bodies.
    const rt = token('RS256', rsa.priv, { alg: 'RS256' }, PAYLOAD);
    const rp = pem(rsa.pub);
    for (const key of [
      rp.trimEnd(), `${rp}\n`, `${rp} `, `junk before\n${rp}`, `${rp}junk`, rp.replace(/\n/g, '\r\n'), rp.replace('-----END', 'AAAA\n-----END'),
      rp.replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY'), rsa.priv.export({ type: 'pkcs8', format: 'pem' }).toString(), `${rp}${rp}`, 'not a key', '',
      rp.replace(/^(-----BEGIN PUBLIC KEY-----\n)/, '$1Proc-Type: 4,ENCRYPTED\n\n'),
    ]) {
      exprs.push(`io.jwt.verify_rs256(${lit(rt)}, ${lit(key)})`);
    }
    // Header checks before verification.
    for (const header of ['{"alg":1}', '{"kid":2,"alg":"RS256"}', '{"crit":[],"alg":"RS256"}', '{"crit":"x"}', '{"crit":[1,"a"]}', '{"crit":["a",1]}', '[]', 'null', '{"typ":false}', '{"cty":{}}']) {
      exprs.push(`io.jwt.verify_rs256(${lit(token('RS256', rsa.priv, header, PAYLOAD))}, ${lit(rp)})`);
    }
    exprs.push(`io.jwt.verify_rs256(${lit(rt)}, ${dyn(1)})`, `io.jwt.verify_rs256(${dyn(1)}, ${lit(rp)})`);
    expectSame(exprs);
  });

  it('agrees with topdown on JWKs and JWK sets (kid, alg)', () => {
    const exprs: string[] = [];
    const rt = token('RS256', rsa.priv, { alg: 'RS256', kid: 'k1' }, PAYLOAD);
    const rtNoKid = token('RS256', rsa.priv, { alg: 'RS256' }, PAYLOAD);
    const set = (...keys: Array<Record<string, unknown>>): string => JSON.stringify({ keys });
    for (const key of [
      jwkText(rsa.pub),
      jwkText(rsa.pub, { kid: 'k1' }),
      jwkText(rsa.pub, { alg: 'RS256' }),
      jwkText(rsa.pub, { alg: 'RS384' }),
      jwkText(rsa.pub, { alg: 'RSA-OAEP' }),
      jwkText(rsa.pub, { alg: 'foo' }),
      jwkText(rsa.priv),
      jwkText(rsa2.pub),
      set(jwk(rsa2.pub, { kid: 'k1' }), jwk(rsa.pub, { kid: 'k2' })),
      set(jwk(rsa2.pub, { kid: 'k2' }), jwk(rsa.pub, { kid: 'k1' })),
      set(jwk(rsa2.pub), jwk(rsa.pub)),
      set(jwk(rsa2.pub, { alg: 'RS256' }), jwk(rsa.pub, { alg: 'PS256' })),
      set(jwk(rsa.pub, { alg: 'RS256', kid: 'k1' })),
      set(jwk(rsa.pub, { alg: 'ES256', kid: 'k1' })),
      set(jwk(p256.pub), jwk(rsa.pub)),
      set(octJwk('secret'), jwk(rsa.pub)),
      set(),
      JSON.stringify({ keys: {} }),
      set({ kty: 'RSA' }),
      JSON.stringify({ kty: 'RSA', n: 'AQAB' }),
      JSON.stringify({ kty: 'XYZ' }),
      JSON.stringify({ n: 'x' }),
      jwkText(rsa.pub, { kid: 5 }),
      jwkText(rsa.pub, { use: 'enc' }),
      jwkText(rsa.pub, { key_ops: ['verify'] }),
      jwkText(rsa.pub, { x5c: 'nope' }),
      '{}',
      '[]',
      '{"keys":[],"x":1}',
    ]) {
      exprs.push(`io.jwt.verify_rs256(${lit(rt)}, ${lit(key)})`, `io.jwt.verify_rs256(${lit(rtNoKid)}, ${lit(key)})`);
    }
    const et = token('ES256', p256.priv, { alg: 'ES256' }, PAYLOAD);
    for (const key of [jwkText(p256.pub), jwkText(p256.priv), jwkText(p384.pub), jwkText(k256.pub), JSON.stringify({ ...jwk(p256.pub), crv: 'P-384' })]) {
      exprs.push(`io.jwt.verify_es256(${lit(et)}, ${lit(key)})`);
    }
    const edt = token('EdDSA', ed.priv, { alg: 'EdDSA' }, PAYLOAD);
    for (const key of [jwkText(ed.pub), jwkText(ed.priv), jwkText(ed2.pub), jwkText(x25519.pub), JSON.stringify({ kty: 'OKP', crv: 'Ed448', x: 'AAAA' })]) {
      exprs.push(`io.jwt.verify_eddsa(${lit(edt)}, ${lit(key)})`);
    }
    expectSame(exprs);
  });
});

describe('key parsing details (jwx, Go x509 and pem)', () => {
  it('agrees with topdown', () => {
    const rt = token('RS256', rsa.priv, { alg: 'RS256' }, { a: 1 });
    const rtk = token('RS256', rsa.priv, { alg: 'RS256', kid: 'a' }, { a: 1 });
    const rtk0 = token('RS256', rsa.priv, { alg: 'RS256', kid: '' }, { a: 1 });
    const et = token('ES256', p256.priv, { alg: 'ES256' }, { a: 1 });
    const edt = token('EdDSA', ed.priv, { alg: 'EdDSA' }, { a: 1 });
    const rj = jwk(rsa.pub);
    const rpj = jwk(rsa.priv);
    const ej = jwk(p256.pub);
    const epj = jwk(p256.priv);
    const edj = jwk(ed.pub);
    const der = fixture('rsa-cert.pem').replace(/-----[A-Z ]+-----|\s/g, '');
    const rp = pem(rsa.pub);
    const oct = (k: unknown): string => lit(JSON.stringify({ kty: 'oct', k }));
    const v = (f: string, t: string, k: unknown): string => `io.jwt.verify_${f}(${lit(t)}, ${lit(typeof k === 'string' ? k : JSON.stringify(k))})`;
    const exprs = [
      // JWK members
      v('rs256', rt, { kty: 'RSA', n: rpj.n, e: rpj.e, d: rpj.d }),
      v('rs256', rt, { ...rj, kty: 'rsa' }),
      v('rs256', rt, { ...rj, kty: 1 }),
      v('rs256', rt, { ...rj, kty: '' }),
      v('rs256', rt, { ...rj, use: 1 }),
      v('rs256', rt, { ...rj, use: 'foo' }),
      v('rs256', rt, { ...rj, key_ops: 'verify' }),
      v('rs256', rt, { ...rj, key_ops: [1] }),
      v('rs256', rt, { ...rj, key_ops: ['verify'] }),
      v('rs256', rt, { ...rj, key_ops: ['foo'] }),
      v('rs256', rt, { ...rj, x5t: 1 }),
      v('rs256', rt, { ...rj, x5t: 'abc', x5u: 'http://x' }),
      v('rs256', rt, { ...rj, x5c: [] }),
      v('rs256', rt, { ...rj, x5c: [der, der] }),
      v('rs256', rt, { ...rj, x5c: ['!!!'] }),
      v('rs256', rt, { ...rj, x5c: ['AAAA'] }),
      v('rs256', rt, { ...rj, x5c: [b64(Buffer.alloc(10, 1))] }),
      v('rs256', rt, { ...rj, x5c: [Buffer.from(der, 'base64').toString('base64url')] }),
      v('rs256', rt, { ...rj, x5c: [der.replace(/=+$/, '')] }),
      v('rs256', rt, { ...rj, alg: '' }),
      v('rs256', rt, { ...rj, kid: '' }),
      v('rs256', rtk0, { keys: [{ ...rj, kid: '' }] }),
      v('rs256', rtk, { keys: [{ ...rj, kid: 'a', alg: 'RS512' }] }),
      v('rs256', rt, { ...rj, keys: [] }),
      v('rs256', rt, { ...rj, keys: [rj] }),
      v('rs256', rt, { keys: [rj], extra: 1 }),
      v('rs256', rt, { keys: [1] }),
      v('rs256', rt, { keys: null }),
      v('rs256', rt, { keys: 'x' }),
      v('rs256', rt, { keys: [rj, { kty: 'RSA' }] }),
      v('rs256', rt, { keys: [rj, { kty: 'XYZ' }] }),
      v('rs256', rt, { ...rj, extra: { deep: [1] } }),
      v('rs256', rt, { ...rj, n: 1 }),
      v('rs256', rt, { ...rj, n: '' }),
      v('rs256', rt, { ...rj, n: 'AA' }),
      v('rs256', rt, { ...rj, n: Buffer.from(rj.n as string, 'base64url').toString('base64') }),
      v('rs256', rt, { ...rj, n: `${rj.n as string}=` }),
      v('rs256', rt, { ...rj, n: `!${(rj.n as string).slice(1)}` }),
      v('rs256', rt, { ...rj, e: '' }),
      v('rs256', rt, { ...rj, e: 'AA' }),
      v('rs256', rt, { ...rj, e: 'AAEAAQ' }),
      v('rs256', rt, { ...rj, e: 'AQAB=' }),
      v('es256', et, { ...ej, x: ej.y }),
      v('es256', et, { ...ej, x: '' }),
      v('es256', et, { ...ej, y: 'AA' }),
      v('es256', et, { kty: 'EC', crv: 'P-256', d: epj.d }),
      v('es256', et, { kty: 'EC', crv: 'P-256', x: ej.x }),
      v('es256', et, { ...ej, crv: 'secp256k1' }),
      v('eddsa', edt, { ...edj, x: b64(Buffer.alloc(31)) }),
      v('eddsa', edt, { ...edj, x: '' }),
      v('eddsa', edt, { kty: 'OKP', crv: 'Ed25519' }),
      v('eddsa', edt, { ...edj, kty: 'EC' }),
      // JSON framing: one key is read up to its end, a set must be the whole text.
      v('rs256', rt, `${JSON.stringify(rj)} x`),
      v('rs256', rt, `${JSON.stringify(rj)}}`),
      v('rs256', rt, `${JSON.stringify(rj)}{`),
      v('rs256', rt, `${JSON.stringify(rj)}${JSON.stringify({ kty: 'XYZ' })}`),
      v('rs256', rt, ` ${JSON.stringify(rj)}\n`),
      v('rs256', rt, JSON.stringify(rj).slice(0, -1)),
      v('rs256', rt, `${JSON.stringify({ keys: [rj] })} trailing`),
      v('rs256', rt, 'null'),
      v('rs256', rt, '"x"'),
      v('rs256', rt, '  '),
      // oct keys
      ...['', 'ab==', '!!', 'a', 'a b', 'c2VjcmV0ZA==', 'a+b/', 'a+b_', 'ab=', 1].map((k) => `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{}", ${oct(k)})`),
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{}", ${lit(JSON.stringify({ kty: 'oct', k: 'cw' }) + ' x')})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{}", ${lit(JSON.stringify({ keys: [rj, { kty: 'oct', k: 'c2VjcmV0' }] }))})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"RS256"}')}, "{}", ${lit(JSON.stringify({ ...rpj, alg: 'RS512', use: 'enc' }))})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"RS256"}')}, "{}", ${lit(JSON.stringify({ kty: 'RSA', n: rpj.n, e: rpj.e, d: rpj.d }))})`,
      // PEM and SPKI: other key types, framing
      v('rs256', rt, pem(dsa.pub)),
      v('rs256', rt, pem(x25519.pub)),
      v('eddsa', edt, pem(ed448.pub)),
      v('rs256', rt, pem(createPublicKey(createPrivateKey(fixture('rsapss-cert.key'))))),
      v('rs256', rt, `${rp.replace(/\n/g, '\r\n')}\r\n`),
      v('rs256', rt, `${rp.trimEnd()}   `),
      v('rs256', rt, `${rp.trimEnd()}  \n`),
      v('rs256', rt, `${rp.trimEnd()}  \n `),
      v('rs256', rt, `\n\n${rp}`),
      v('rs256', rt, `x-----BEGIN PUBLIC KEY-----${rp.slice(26)}`),
      v('rs256', rt, rp.replace(/\n(?!-)/g, '\n ')),
      v('rs256', rt, rp.replace(/\n(?!-)/g, '\n\t')),
      v('rs256', rt, rp.replace('-----END PUBLIC KEY-----', '-----END PUBLIC KEY----- ')),
      v('rs256', rt, rp.replace('-----END PUBLIC KEY-----', '-----END PUBLIC KEY-----x')),
      v('rs256', rt, rp.replace('-----END PUBLIC KEY-----', '-----END PUBLIC KEYS-----')),
      v('rs256', rt, `-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n`),
      v('rs256', rt, `-----BEGIN X-----\nAAAA\n-----END X-----\n${rp}`),
      // decode: number texts and escapes as given
      `io.jwt.decode(${lit(`${b64('{"alg":"HS256","enc":null}')}.${b64('{}')}.`)})`,
      `io.jwt.decode(${lit(`${b64('{"alg":"HS256"}')}.${b64('{"a":1E5,"b":-0,"c":1.0,"d":0.1e-2,"e":100e+2}')}.`)})`,
      `io.jwt.decode(${lit(`${b64('{"alg":"HS256"}')}.${b64('{"\\u0000k":"\\u0000","\\ud83d\\ude00":1}')}.`)})`,
      `io.jwt.decode(${lit(`${b64('\ufeff{"alg":"HS256"}')}.${b64('{}')}.`)})`,
      `io.jwt.decode(${lit(`${b64('{"alg":"HS256", "cty":"JWT"}')}.${b64('"a.b"')}.`)})`,
      // encode_sign: typ and header reading
      ...['{"alg":"HS256","typ":""}', '{"alg":"HS256","typ":null}', '{"alg":"HS256","typ":"jwt"}', '{"alg":"HS256","typ":"JWT","typ":"x"}', '{"alg":"HS256","ty\\u0070":"x"}', '{"alg":"HS256"} x', '{"al\\u0067":"HS256"}', ' {"alg":"HS256"} '].map(
        (h) => `io.jwt.encode_sign_raw(${lit(h)}, "nj", ${oct('cw')})`,
      ),
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, " {} ", ${oct('cw')})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{} {}", ${oct('cw')})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256","x":"\u2028<"}')}, "{\\"b\\":1}", ${oct('c2VjcmV0')})`,
      `io.jwt.encode_sign({"alg":"HS256","x":"\u2028<"}, {"b":"<\u2028>", "n": [1.0, 1e5, -0]}, {"kty": "oct", "k": "c2VjcmV0"})`,
      `io.jwt.encode_sign({"alg":"EdDSA"}, {}, ${JSON.stringify(jwk(ed.priv))})`,
      // decode_verify odds and ends
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, { a: 1 }))}, {"secret": "s", "time": 1.5e18})`,
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, { a: 1 }))}, {"secret": "s", "iss": ""})`,
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, { a: 1 }))}, {"cert": ""})`,
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, { a: 1 }))}, {"cert": ${oct(b64('s'))}, "secret": ""})`,
      `io.jwt.decode_verify(${lit(rtk)}, {"cert": ${lit(JSON.stringify({ keys: [{ ...rj, kid: 'a', alg: 'RS512' }] }))}})`,
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256', cty: 'JWT' }, token('HS256', 's', { alg: 'XX' }, { a: 1 })))}, {"secret": "s"})`,
      `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256', cty: 'JWT' }, 'garbage'))}, {"secret": "s"})`,
    ];
    expectSame(exprs);
  });
});

describe('io.jwt.decode_verify', () => {
  it('agrees with topdown on constraints, claims and time', () => {
    const exprs: string[] = [];
    const T = 1700000000;
    const dv = (t: string, c: string): string => `io.jwt.decode_verify(${lit(t)}, ${c})`;
    const tok = (payload: object, header: object = { alg: 'HS256', typ: 'JWT' }): string => token('HS256', 'secret', header, payload);
    const base = tok({ sub: 'x', iss: 'me', aud: 'you', exp: T + 10, nbf: T - 10 });
    const time = `"time": ${T}000000000`;
    exprs.push(
      dv(base, `{"secret": "secret", ${time}}`),
      dv(base, `{"secret": "wrong", ${time}}`),
      dv(base, `{"secret": "secret", "alg": "HS256", "iss": "me", "aud": "you", ${time}}`),
      dv(base, `{"secret": "secret", "alg": "HS384", ${time}}`),
      dv(base, `{"secret": "secret", "iss": "other", ${time}}`),
      dv(base, `{"secret": "secret", "aud": "other", ${time}}`),
      dv(tok({ sub: 'x' }), `{"secret": "secret", "iss": "me", ${time}}`),
      dv(tok({ sub: 'x' }), `{"secret": "secret", "aud": "you", ${time}}`),
      dv(tok({ aud: ['a', 'you', 3] }), `{"secret": "secret", "aud": "you", ${time}}`),
      dv(tok({ aud: ['a', 3] }), `{"secret": "secret", "aud": "you", ${time}}`),
      dv(tok({ aud: [] }), `{"secret": "secret", ${time}}`),
      dv(tok({ aud: '' }), `{"secret": "secret", ${time}}`),
      dv(tok({ aud: 7 }), `{"secret": "secret", ${time}}`),
      dv(tok({ aud: [''] }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: T }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: T + 1 }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: T - 0.5 }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: 1e400 }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: '123' }), `{"secret": "secret", ${time}}`),
      dv(tok({ nbf: T }), `{"secret": "secret", ${time}}`),
      dv(tok({ nbf: T + 1 }), `{"secret": "secret", ${time}}`),
      dv(tok({ nbf: T + 0.000001 }), `{"secret": "secret", "time": ${T}000000001}`),
      dv(tok({ nbf: null }), `{"secret": "secret", ${time}}`),
      dv(tok({ exp: 1 }), `{"secret": "secret"}`),
      dv(tok({ exp: 99999999999 }), `{"secret": "secret"}`),
      dv(tok({ nbf: 99999999999 }), `{"secret": "secret"}`),
      dv(tok({ exp: T + 10 }), `{"secret": "secret", "time": 1.7e18}`),
      dv(tok({ exp: T + 10 }), `{"secret": "secret", "time": -1}`),
      dv(tok({ exp: T + 10 }), `{"secret": "secret", "time": "now"}`),
      dv(tok({ exp: T + 10 }), `{"secret": "secret", "time": 1e400}`),
      dv(tok({ exp: T + 10 }), `{"secret": "secret", "time": 0}`),
      dv(base, `{"secret": "secret", "cert": ${lit(pem(rsa.pub))}, ${time}}`),
      dv(base, `{${time}}`),
      dv(base, `{"secret": "", ${time}}`),
      dv(base, `{"secret": 1, ${time}}`),
      dv(base, `{"secret": "secret", "iss": 1, ${time}}`),
      dv(base, `{"secret": "secret", "foo": 1, ${time}}`),
      dv(base, `{"cert": ${lit(JSON.stringify(octJwk('secret')))}, ${time}}`),
      dv(base, `{"cert": ${lit(JSON.stringify({ keys: [octJwk('wrong', { kid: 'x' }), octJwk('secret')] }))}, ${time}}`),
      dv(base, `{"cert": ${lit(JSON.stringify({ keys: [] }))}, ${time}}`),
      dv(base, `{"cert": 5, ${time}}`),
      dv(base, `{"cert": "junk", ${time}}`),
      dv(base, dyn([])),
      dv(base, dyn('secret')),
      `io.jwt.decode_verify(${dyn(1)}, {"secret": "secret"})`,
      dv(tok({ a: 1 }, { typ: 'JWT' }), `{"secret": "secret", ${time}}`),
      dv(tok({ a: 1 }, { alg: 'HS256', crit: ['b'], b: 1 }), `{"secret": "secret", ${time}}`),
      dv(tok({ a: 1 }, { alg: 'HS256', crit: ['alg'] }), `{"secret": "secret", ${time}}`),
      dv(tok({ a: 1 }, { alg: 'HS256', kid: 3 }), `{"secret": "secret", ${time}}`),
      dv(tok({ a: 1 }, { alg: 'none' }), `{"secret": "secret", ${time}}`),
      dv(`${b64('{"alg":"none"}')}.${b64('{"a":1}')}.`, `{"secret": "secret", ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256' }, '[1]'), `{"secret": "secret", ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256' }, 'xx'), `{"secret": "secret", ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256', cty: 'JWT' }, tok({ inner: true, exp: T + 5 })), `{"secret": "secret", ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256', cty: 'jwt' }, token('HS256', 'other', { alg: 'HS256' }, { inner: true })), `{"secret": "secret", ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256', cty: 'JWT' }, `"${tok({ inner: 1 })}"`), `{"secret": "secret", ${time}}`),
    );
    // exp / nbf against the time in seconds as Go prints a float ('g': 1.7e+09), compared by OPA v1.17.1's
    // NumberCompare, which first cuts trailing "." and "0" characters (10.0 equals 1).
    const raw = (claims: string): string => token('HS256', 'secret', { alg: 'HS256' }, claims);
    for (const [claims, t] of [
      ['{"exp": 1700000010.0}', `${T}000000000`], ['{"exp": 1700000000.0}', `${T}000000000`], ['{"nbf": 1700000000.000}', `${T}000000000`],
      ['{"exp": 10.0}', '1000000000'], ['{"exp": 100.000}', '1000000000'], ['{"nbf": 10.0}', '1000000000'], ['{"nbf": 2}', '1000000000'],
      ['{"exp": 1.50}', '1500000000'], ['{"exp": 1.5}', '1500000000'], ['{"nbf": 1.500}', '1500000000'], ['{"exp": 10000001}', '10000000000000000'],
      ['{"nbf": 1.7e+100}', '17000000000000000000'], ['{"nbf": 1.7e+1}', '17000000000000000000'], ['{"exp": 17000000000}', '17000000000000000000'],
      ['{"exp": 0.0001}', '100000'], ['{"exp": 1e-5}', '9999'], ['{"exp": 0.000010}', '10000'], ['{"exp": 1700000000.0000001}', '1700000000000000000'],
      ['{"nbf": 1700000000.0000001}', '1700000000000000000'], ['{"exp": 1e400}', '1'], ['{"exp": 1e1000000}', '1'], ['{"exp": 0e99999999}', '1'],
      ['{"nbf": 1.5e1000000}', '1'], ['{"nbf": 1e-1000000}', '1'], ['{"nbf": 10e1000000}', '1'], ['{"nbf": 1.0e1000001}', '1'], ['{"nbf": -1}', '0'], ['{"exp": 0.0}', '0'], ['{"exp": 12345678.90}', '12345678900000000'],
    ] as const) {
      exprs.push(dv(raw(claims), `{"secret": "secret", "time": ${t}}`));
    }
    // Asymmetric keys: PEM, certificates, JWK (also private), kid selection, PSS salt length.
    const rsaCert = fixture('rsa-cert.pem');
    const rsaCertKey = createPrivateKey(fixture('rsa-cert.key'));
    const claims = { sub: 'x', exp: T + 10 };
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const) {
      const t = token(alg, rsa.priv, { alg }, claims);
      exprs.push(
        dv(t, `{"cert": ${lit(pem(rsa.pub))}, ${time}}`),
        dv(t, `{"cert": ${lit(pem(rsa2.pub))}, ${time}}`),
        dv(t, `{"cert": ${lit(jwkText(rsa.priv))}, ${time}}`),
        dv(t, `{"cert": ${lit(jwkText(rsa.pub, { alg }))}, "alg": ${lit(alg)}, ${time}}`),
        dv(token(alg, rsaCertKey, { alg }, claims), `{"cert": ${lit(rsaCert)}, ${time}}`),
      );
    }
    exprs.push(
      dv(token('PS256', rsa.priv, { alg: 'PS256' }, claims, constants.RSA_PSS_SALTLEN_MAX_SIGN), `{"cert": ${lit(pem(rsa.pub))}, ${time}}`),
      dv(token('RS256', rsa512.priv, { alg: 'RS256' }, claims), `{"cert": ${lit(pem(rsa512.pub))}, ${time}}`),
      dv(token('RS256', rsa.priv, { alg: 'RS256', kid: 'b' }, claims), `{"cert": ${lit(JSON.stringify({ keys: [jwk(rsa2.pub, { kid: 'a' }), jwk(rsa.pub, { kid: 'b' })] }))}, ${time}}`),
      dv(token('RS256', rsa.priv, { alg: 'RS256', kid: 'a' }, claims), `{"cert": ${lit(JSON.stringify({ keys: [jwk(rsa2.pub, { kid: 'a' }), jwk(rsa.pub, { kid: 'b' })] }))}, ${time}}`),
      dv(token('RS256', rsa.priv, { alg: 'RS256' }, claims), `{"cert": ${lit(JSON.stringify({ keys: [jwk(rsa.pub, { alg: 'RS512' })] }))}, ${time}}`),
      dv(token('HS256', 'secret', { alg: 'HS256' }, claims), `{"cert": ${lit(pem(rsa.pub))}, ${time}}`),
      dv(token('RS256', rsa.priv, { alg: 'RS256' }, claims), `{"secret": "secret", ${time}}`),
    );
    for (const [alg, k] of [['ES256', p256], ['ES384', p384], ['ES512', p521]] as const) {
      const t = token(alg, k.priv, { alg }, claims);
      const [h, p, s] = t.split('.') as [string, string, string];
      exprs.push(
        dv(t, `{"cert": ${lit(pem(k.pub))}, ${time}}`),
        dv(t, `{"cert": ${lit(jwkText(k.priv))}, ${time}}`),
        dv(`${h}.${p}.${s.slice(0, -2)}`, `{"cert": ${lit(pem(k.pub))}, ${time}}`),
        dv(t, `{"cert": ${lit(pem(rsa.pub))}, ${time}}`),
      );
    }
    exprs.push(dv(token('ES256', p384.priv, { alg: 'ES256' }, claims), `{"cert": ${lit(pem(p384.pub))}, ${time}}`));
    exprs.push(
      dv(token('EdDSA', ed.priv, { alg: 'EdDSA' }, claims), `{"cert": ${lit(pem(ed.pub))}, ${time}}`),
      dv(token('EdDSA', ed.priv, { alg: 'EdDSA' }, claims), `{"cert": ${lit(jwkText(ed.priv))}, ${time}}`),
      dv(token('EdDSA', ed.priv, { alg: 'EdDSA' }, claims), `{"cert": ${lit(pem(ed2.pub))}, ${time}}`),
      dv(token('EdDSA', ed.priv, { alg: 'Ed25519' }, claims), `{"cert": ${lit(pem(ed.pub))}, ${time}}`),
    );
    expectSame(exprs);
  });

  it('inputs on which OPA v1.17.1 panics (a non-string cty, iss or constraint key, a number big.Rat refuses) are an evaluation error, not undefined', () => {
    const t = (header: object, payload: object): string => lit(token('HS256', 's', header, payload));
    const out = wasmEvalAll(
      [
        `io.jwt.decode(${t({ alg: 'HS256', cty: 1 }, { a: 1 })})`,
        `io.jwt.decode_verify(${t({ alg: 'HS256' }, { iss: 1 })}, {"secret": "s", "iss": "x"})`,
        // ast.NumberCompare panics where big.Rat refuses the number (10^n, |n| > 1e6).
        `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, '{"exp": 1e1000001}'))}, {"secret": "s"})`,
        `io.jwt.decode_verify(${lit(token('HS256', 's', { alg: 'HS256' }, '{"nbf": 1.5e-1000000}'))}, {"secret": "s"})`,
        // A constraint key that is not a string.
        `io.jwt.decode_verify(${t({ alg: 'HS256' }, { a: 1 })}, object.union({"secret": "s"}, {1: "x"}))`,
      ],
      undefined,
      false,
    );
    expect(out.map((r) => r.startsWith('error:'))).toEqual([true, true, true, true, true]);
  });

  it('reads the clock when no time is given', () => {
    const now = Math.floor(Date.now() / 1000);
    const t = (payload: object): string => token('HS256', 's', { alg: 'HS256' }, payload);
    const exprs = [
      `io.jwt.decode_verify(${lit(t({ exp: now + 3600 }))}, {"secret": "s"})[0]`,
      `io.jwt.decode_verify(${lit(t({ exp: now - 3600 }))}, {"secret": "s"})[0]`,
      `io.jwt.decode_verify(${lit(t({ nbf: now + 3600 }))}, {"secret": "s"})[0]`,
      `io.jwt.decode_verify(${lit(t({ nbf: now - 3600 }))}, {"secret": "s"})[0]`,
    ];
    expect(wasmEvalAll(exprs)).toEqual(['true', 'false', 'false', 'true']);
    expectSame(exprs);
  });
});

describe('io.jwt.encode_sign / encode_sign_raw', () => {
  it('deterministic algorithms give topdown\'s token byte for byte', () => {
    const oct = JSON.stringify(octJwk('secret'));
    const exprs = [
      `io.jwt.encode_sign({"typ": "JWT", "alg": "HS256"}, {"iss": "joe", "exp": 1300819380, "http://example.com/is_root": true}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS384", "kid": "a<b>&"}, {"b": [1, 2.50, {"z": null, "a": "é\u2028"}], "a": {"y", "x"}}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS512"}, {}, {"keys": [${oct}, ${jwkText(rsa.priv)}]})`,
      `io.jwt.encode_sign({"alg": "RS256"}, {"a": 1}, ${jwkText(rsa.priv)})`,
      `io.jwt.encode_sign({"alg": "RS384"}, {"a": 1}, ${jwkText(rsa.priv)})`,
      `io.jwt.encode_sign({"alg": "RS512"}, {"a": 1}, ${jwkText(rsa.priv)})`,
      `io.jwt.encode_sign({"alg": "EdDSA"}, {"a": 1}, ${jwkText(ed.priv)})`,
      `io.jwt.encode_sign({"alg": "RS256"}, {"a": 1}, ${jwkText(rsa.pub)})`,
      `io.jwt.encode_sign({"alg": "RS256"}, {"a": 1}, ${jwkText(rsa512.priv)})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 1}, ${jwkText(rsa.priv)})`,
      `io.jwt.encode_sign({"alg": "RS256"}, {"a": 1}, ${oct})`,
      `io.jwt.encode_sign({"alg": "ES256"}, {"a": 1}, ${jwkText(rsa.priv)})`,
      `io.jwt.encode_sign({"alg": "EdDSA"}, {"a": 1}, ${jwkText(ed.pub)})`,
      `io.jwt.encode_sign({"alg": "none"}, {"a": 1}, ${oct})`,
      `io.jwt.encode_sign({"alg": "ES256K"}, {"a": 1}, ${oct})`,
      `io.jwt.encode_sign({"typ": "JWT"}, {"a": 1}, ${oct})`,
      `io.jwt.encode_sign({"alg": 256}, {"a": 1}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 1}, {"keys": []})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 1}, {"kty": "oct", "k": ""})`,
      `io.jwt.encode_sign({"alg": "HS256"}, object.union({}, {1: "a", [1]: 2}), ${oct})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": {1, "b", [1]}}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 12345678901234567890123, "b": 1.0e-7, "c": 3.14159265358979323846}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 1}, {"kty": "oct"})`,
      `io.jwt.encode_sign({"alg": "HS256"}, ${dyn('a string payload')}, ${oct})`,
      `io.jwt.encode_sign({"alg": "HS256"}, {"a": 1}, ${dyn('not an object')})`,
      `io.jwt.encode_sign_raw(${lit('{"typ":"JWT",\n "alg":"HS256"}')}, ${lit('{"iss":"joe",\r\n "exp":1300819380}')}, ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256","alg":"none"}')}, "{}", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "not json", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256","typ":"JWT"}')}, "not json", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256","typ":"text"}')}, "not json", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256","typ":1}')}, "not json", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"')}, "{}", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('["alg"]')}, "{}", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"RS256"}')}, "{}", ${lit(jwkText(rsa.priv))})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{}", "not json")`,
      // jwsbb reads the header with fastjson: laxer than encoding/json, keys and strings unescaped lazily.
      ...[
        '{"alg":"HS256","x":"\\q"}', '{"alg":"HS256","x":"a\tb"}', '{"alg":"HS256","x":"\\ud800"}', '{"alg":"HS256","x":01}', '{"alg":"HS256","x":1.}',
        '{"alg":"HS256","x":+1}', '{"alg":"HS256","x":NaN}', '{"alg":"HS256","x":nan}', '{"alg":"HS256","x":Infinity}', '{"alg":"HS256","x":-inf}',
        '{"alg":"HS256","x":[1,]}', '{"alg":"HS256",}', '{"alg":"HS256","x":tru}', '{"alg":"HS256","x":1e}', '{"alg":"HS256","x":.5}', '{"alg":"HS256","x":"\\u12"}',
        '{"alg":"HS\\u0032\\u00356"}', '{"alg":"HS256"}\n', '\t{"alg":"HS256"}', '{"alg":"HS256","x":"\u0000"}', '{"alg":"HS256","x":-}', '{"alg":"HS256","x":0x10}',
        '{"alg":"HS256"} {}', '{"alg":"HS256"}}', '{"al\\u0067":"RS256","alg":"HS256"}', '{"alg":"HS256","ty\\u0070":"JWT","typ":"x"}',
        '{"al\\u0067":"HS256","ty\\u0070":"JWT","typ":"x"}', '{"alg":"HS25\\u0036"}', '{"alg":"HS25\\u36"}', '{"alg":"HS256","typ":"J\\u0057T"}',
        '{"alg":"HS256","typ":"\\ud800"}', '{"a\\"b":1,"alg":"HS256"}', '{"x":"a\\\\\\\\","alg":"HS256"}', '{"x":"a\\\\\\"","alg":"HS256"}',
        '{"alg":"HS256","typ":"\\ud83d\\ude00"}', '{"alg":"HS256","typ":"\\ud83d\\u0041"}', '{"alg":"HS256","typ":"JWT\\q"}', '{"alg" : "HS256" , "typ" : "text" }',
        '{"alg":"HS256","x":{"y":[1,{"z":nan}]},"typ":"t"}', '{"alg":"HS256","x":--1e+.}', '{"alg":"HS256","x":"\\u00"}', '{"alg":"HS256","typ":"\\/"}',
        '{"alg":"HS256","x":+nan}', '{"alg":"HS256","x":-Inf}', '{"alg":"HS256","x":1nan}',
      ].flatMap((h) => ['{}', 'nj'].map((p) => `io.jwt.encode_sign_raw(${lit(h)}, ${lit(p)}, ${lit(oct)})`)),
      // Nesting: jwsbb reads the header with fastjson (300 levels at most), the payload check is json.Valid.
      ...[298, 299, 300].flatMap((n) => ['', '1'].map((x) => `io.jwt.encode_sign_raw(${lit(`{"alg":"HS256","x":${'['.repeat(n)}${x}${']'.repeat(n)}}`)}, "{}", ${lit(oct)})`)),
      ...[10000, 10001].map((n) => `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, ${lit('['.repeat(n) + ']'.repeat(n))}, ${lit(oct)})`),
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, "{}", ${dyn(1)})`,
      `io.jwt.encode_sign_raw(${dyn(1)}, "{}", ${lit(oct)})`,
      `io.jwt.encode_sign_raw(${lit('{"alg":"HS256"}')}, ${dyn(1)}, ${lit(oct)})`,
    ];
    expectSame(exprs);
  });

  it('randomised algorithms (ECDSA, PSS) give tokens that verify', () => {
    const exprs: string[] = [];
    for (const [alg, k] of [['ES256', p256], ['ES384', p384], ['ES512', p521]] as const) {
      const t = `io.jwt.encode_sign({"alg": ${lit(alg)}}, {"a": 1}, ${jwkText(k.priv)})`;
      exprs.push(`io.jwt.verify_${alg.toLowerCase()}(${t}, ${lit(pem(k.pub))})`, `count(io.jwt.decode(${t})[2])`);
    }
    for (const alg of ['PS256', 'PS384', 'PS512'] as const) {
      const t = `io.jwt.encode_sign({"alg": ${lit(alg)}}, {"a": 1}, ${jwkText(rsa.priv)})`;
      exprs.push(`io.jwt.verify_${alg.toLowerCase()}(${t}, ${lit(pem(rsa.pub))})`, `io.jwt.decode_verify(${t}, {"cert": ${lit(pem(rsa.pub))}})[0]`);
    }
    exprs.push(`io.jwt.verify_es256(io.jwt.encode_sign({"alg": "ES256"}, {"a": 1}, ${jwkText(p384.priv)}), ${lit(pem(p384.pub))})`);
    exprs.push(`io.jwt.verify_es384(io.jwt.encode_sign({"alg": "ES384"}, {"a": 1}, ${jwkText(p256.priv)}), ${lit(pem(p256.pub))})`);
    exprs.push(`io.jwt.decode_verify(io.jwt.encode_sign({"alg": "ES512"}, {"a": 1}, ${jwkText(p256.priv)}), {"cert": ${lit(pem(p256.pub))}})[0]`);
    exprs.push(`io.jwt.verify_ps384(io.jwt.encode_sign({"alg": "PS384"}, {"a": 1}, ${jwkText(rsa1024.priv)}), ${lit(pem(rsa1024.pub))})`);
    // PS512 with a 1024-bit key: too small for a salt of the hash's length, an error in Go and OpenSSL alike.
    exprs.push(`io.jwt.encode_sign({"alg": "PS512"}, {"a": 1}, ${jwkText(rsa1024.priv)})`);
    const results = wasmEvalAll(exprs);
    expect(results.filter((r) => r === 'true').length).toBe(13);
    expectSame(exprs);
  });
});
