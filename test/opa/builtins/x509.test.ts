// crypto.x509.* and crypto.parse_private_keys on preadmit's host (src/go/x509.ts, x509-opa.ts, x509-verify.ts)
// against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte, undefined results (OPA's errors)
// included. The certificates, keys and requests in fixtures-x509/ were made once by fixtures-x509/gen.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { regoString } from '../../../src/opa/rego-value.ts';
import { mismatches } from './wasm-oracle.ts';

const DIR = join(import.meta.dirname, 'fixtures-x509');
const file = (name: string): string => readFileSync(join(DIR, name), 'latin1');
const lit = (s: string): string => JSON.stringify(s);
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
/** The base64 DER inside a PEM text (its body lines joined). */
const derB64 = (pem: string): string => pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');

/** Certificates preadmit parses (uri-escape.crt has a URI with `%2F`: refused, see below). */
const CERTS = readdirSync(DIR).filter((f) => f.endsWith('.crt') && f !== 'uri-escape.crt').sort();
const CHAIN = file('root.crt') + file('inter.crt') + file('leaf.crt');

const CERT_INPUTS: string[] = [
  ...CERTS.map(file),
  ...CERTS.map((f) => b64(file(f))),
  ...CERTS.map((f) => derB64(file(f))),
  CHAIN,
  b64(CHAIN),
  derB64(file('root.crt')) + '\n',
  Buffer.concat([Buffer.from(derB64(file('root.crt')), 'base64'), Buffer.from(derB64(file('leaf.crt')), 'base64')]).toString('base64'),
  CHAIN.replace(/\n/g, '\r\n'),
  file('root.crt') + 'some text between\n' + file('leaf.crt'),
  file('root.crt').replace('-----END CERTIFICATE-----', '-----END CERTIFICATE----- trailing'),
  file('root.crt').replace(/\n(?=[A-Za-z0-9+/])/, '\n  \t'),
  file('root.crt') + file('leaf.key'),
  file('leaf.key') + file('root.crt'),
  file('root.crt').replace('-----BEGIN CERTIFICATE-----\n', '-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\n'),
  file('root.crt').slice(0, 200),
  file('root.crt').replace('CERTIFICATE-----\n', 'CERTIFICATE-----\n!!'),
  'prefix\n' + file('root.crt'),
  '', '-----BEGIN', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', 'not base64', 'AAAA', 'MAA=', 'MIIB',
  derB64(file('root.crt')).slice(0, 400),
  Buffer.concat([Buffer.from(derB64(file('root.crt')), 'base64'), Buffer.from([0])]).toString('base64'),
];

describe('crypto.x509.parse_certificates on the host equals opa eval', () => {
  it(`${CERT_INPUTS.length} inputs: PEM, base64 of PEM, base64 of DER, chains, malformed`, () => {
    expect(mismatches(CERT_INPUTS.map((s) => `crypto.x509.parse_certificates(${lit(s)})`))).toEqual([]);
  });
  it('non-string operands', () => {
    expect(mismatches(['crypto.x509.parse_certificates(json.unmarshal("1"))', 'crypto.x509.parse_certificates(json.unmarshal("null"))'])).toEqual([]);
  });
});

const KEYS = ['root.key', 'inter.key', 'leaf.key', 'leafec.key', 'ed.key', 'other.key', 'leaf.pkcs8.key', 'inter.pkcs8.key', 'ec-short-x.key', 'ec-short-d.key'];
const KEY_INPUTS: string[] = [
  ...KEYS.map(file),
  ...KEYS.map((f) => b64(file(f))),
  file('root.key') + file('inter.key') + file('ed.key') + file('leaf.pkcs8.key'),
  b64(file('leafec.key') + file('leaf.key')),
  file('root.crt') + file('leaf.key'),
  file('other.pub') + file('inter.key'),
  'junk\n' + file('inter.key') + 'junk',
  file('leaf.key').replace('RSA PRIVATE KEY', 'PRIVATE KEY'),
  file('leaf.pkcs8.key').replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY'),
  file('inter.key').replace(/EC PRIVATE KEY/g, 'PRIVATE KEY'),
  file('inter.key').replace(/EC PRIVATE KEY/g, 'RSA PRIVATE KEY'),
  '-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n',
  '-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n',
  '-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n',
  derB64(file('root.key')), file('root.crt'), '', 'x', 'AAAA', '-----BEGIN', file('leaf.key').slice(0, 300),
];

describe('private keys on the host equal opa eval', () => {
  it(`crypto.parse_private_keys: ${KEY_INPUTS.length} inputs (PKCS #1, PKCS #8, SEC 1, Ed25519, base64, mixed, malformed)`, () => {
    expect(mismatches(KEY_INPUTS.map((s) => `crypto.parse_private_keys(${lit(s)})`))).toEqual([]);
  });
  it(`crypto.x509.parse_rsa_private_key: ${KEY_INPUTS.length} inputs`, () => {
    expect(mismatches(KEY_INPUTS.map((s) => `crypto.x509.parse_rsa_private_key(${lit(s)})`))).toEqual([]);
  });
});

const PAIRS: Array<[string, string]> = [
  [file('leaf.crt'), file('leaf.key')],
  [file('leaf.crt') + file('inter.crt'), file('leaf.pkcs8.key')],
  [file('inter.crt'), file('inter.key')],
  [file('inter.crt'), file('inter.pkcs8.key')],
  [file('leafec.crt'), file('leafec.key')],
  [file('ed.crt'), file('ed.key')],
  [file('root.crt'), file('root.key')],
  [b64(file('root.crt')), b64(file('root.key'))],
  [derB64(file('root.crt')), derB64(file('root.key'))],
  [derB64(file('leaf.crt')), derB64(file('leaf.pkcs8.key'))],
  [file('leaf.crt'), file('root.key')],
  [file('leaf.crt'), file('inter.key')],
  [file('inter.crt'), file('ec-short-x.key')],
  [file('leaf.key') + file('leaf.crt'), file('leaf.crt') + file('leaf.key')],
  [file('leaf.key'), file('leaf.crt')],
  [file('leaf.crt'), file('other.pub')],
  [file('leaf.crt'), file('leaf.key').replace(/RSA PRIVATE KEY/g, 'EC PRIVATE KEY')],
  [file('leaf.crt'), file('leaf.key').replace(/RSA PRIVATE KEY/g, 'OPENSSH PRIVATE KEY')],
  [file('leaf.crt'), ''], ['', file('leaf.key')], ['x', file('leaf.key')], [file('leaf.crt'), '-----BEGINX'],
  [file('leaf.crt').replace('-----END', 'junk\n-----END'), file('leaf.key')],
];

describe('crypto.x509.parse_keypair on the host equals opa eval', () => {
  it(`${PAIRS.length} certificate and key pairs: PEM, base64, DER, mismatched, swapped, malformed`, () => {
    expect(mismatches(PAIRS.map(([c, k]) => `crypto.x509.parse_keypair(${lit(c)}, ${lit(k)})`))).toEqual([]);
  });
});

/** A chain as OPA takes it: root first, leaf last, concatenated PEM. */
const chain = (...names: string[]): string => names.map((n) => file(`${n}.crt`)).join('');

const CHAINS: string[][] = [
  ['root', 'inter', 'leaf'], ['root', 'leaf'], ['root', 'inter'], ['root', 'leafec'], ['root', 'inter', 'expired'], ['root', 'inter', 'notyet'],
  ['root', 'inter', 'crit'], ['root', 'inter', 'server'], ['root', 'inter', 'client'], ['other', 'inter', 'leaf'], ['ed', 'ed'], ['root', 'root'],
  ['root', 'inter', 'inter', 'leaf'], ['root', 'other', 'inter', 'leaf'], ['root', 'leaf', 'inter'], ['leaf', 'inter', 'root'], ['root'], ['leaf'],
  ['root', 'inter', 'sub', 'sub-leaf'], ['inter', 'sub', 'sub-leaf'], ['sub', 'sub-leaf'], ['root', 'badca', 'badca-leaf'], ['badca', 'badca-leaf'],
  ['v1root', 'v1-leaf'], ['root', 'inter', 'sha1'], ['root', 'pss'], ['root', 'inter', 'leafec'], ['inter', 'leaf'], ['root', 'ed'],
  ['root', 'inter', 'server', 'leaf'], ['root', 'inter', 'ed', 'leaf'],
];

const OPTION_CHAINS = [['root', 'inter', 'server'], ['root', 'inter', 'leaf'], ['root', 'leafec'], ['root', 'inter', 'notyet']];
const NOW_2105 = '4260211200000000000';
const OPTIONS: string[] = [
  '{}', '{"DNSName": "server.example.com"}', '{"DNSName": "SERVER.Example.COM"}', '{"DNSName": "x.wild.example.com"}', '{"DNSName": "a.b.wild.example.com"}',
  '{"DNSName": "wild.example.com"}', '{"DNSName": "192.168.0.1"}', '{"DNSName": "[192.168.0.1]"}', '{"DNSName": "::ffff:192.168.0.1"}', '{"DNSName": "10.1.2.3"}',
  '{"DNSName": "2001:db8::1"}', '{"DNSName": "2001:DB8:0::1"}', '{"DNSName": "example.com"}', '{"DNSName": "example.com."}', '{"DNSName": "foo.example.org"}',
  '{"DNSName": "other.example.com"}', '{"DNSName": "\\"server.example.com\\""}', '{"DNSName": ""}', '{"DNSName": 1}',
  '{"KeyUsages": ["KeyUsageClientAuth"]}', '{"KeyUsages": ["KeyUsageServerAuth", "KeyUsageClientAuth"]}', '{"KeyUsages": {"KeyUsageEmailProtection"}}',
  '{"KeyUsages": ["KeyUsageAny"]}', '{"KeyUsages": ["KeyUsageCodeSigning"]}', '{"KeyUsages": ["KeyUsageTimeStamping", "KeyUsageEmailProtection"]}',
  '{"KeyUsages": []}', '{"KeyUsages": ["Nope"]}', '{"KeyUsages": [1, "KeyUsageClientAuth"]}', '{"KeyUsages": "KeyUsageAny"}',
  `{"CurrentTime": ${NOW_2105}}`, '{"CurrentTime": 978307200000000000}', '{"CurrentTime": 1577836800000000000}', '{"CurrentTime": 1577836799999999999}',
  '{"CurrentTime": 0}', '{"CurrentTime": "1"}', '{"CurrentTime": 1.5}', '{"MaxConstraintComparisons": 10}', '{"MaxConstraintComparisons": "x"}',
  '{"Other": 1}', 'object.union({1: 2}, {})', 'json.unmarshal("1")', `{"DNSName": "server.example.com", "KeyUsages": ["KeyUsageServerAuth"], "CurrentTime": ${NOW_2105}}`,
];

describe('chain verification on the host equals opa eval', () => {
  it(`crypto.x509.parse_and_verify_certificates: ${CHAINS.length} chains, and other input forms`, () => {
    const inputs = [...CHAINS.map((c) => chain(...c)), b64(chain('root', 'inter', 'leaf')), '', 'x', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n'];
    expect(mismatches(inputs.map((s) => `crypto.x509.parse_and_verify_certificates(${lit(s)})`))).toEqual([]);
  });
  it(`crypto.x509.parse_and_verify_certificates_with_options: ${OPTIONS.length} option objects over ${OPTION_CHAINS.length} chains, {} over all`, () => {
    const exprs = [
      ...OPTION_CHAINS.flatMap((c) => OPTIONS.map((o) => `crypto.x509.parse_and_verify_certificates_with_options(${lit(chain(...c))}, ${o})`)),
      ...CHAINS.map((c) => `crypto.x509.parse_and_verify_certificates_with_options(${lit(chain(...c))}, {})`),
    ];
    expect(mismatches(exprs)).toEqual([]);
  });
});

describe('what preadmit does not reproduce fails closed', () => {
  it('verifying a chain with name constraints is an evaluation error, never a different verdict', () => {
    for (const c of [['root', 'nc', 'nc-leaf'], ['root', 'nc2'], ['nc', 'nc-leaf']]) {
      expect(() => hostBuiltins['crypto.x509.parse_and_verify_certificates']!(regoString(chain(...c)))).toThrow(/not supported/);
    }
  });
  it('a URI whose escaped path Go keeps as RawPath is an evaluation error', () => {
    expect(() => hostBuiltins['crypto.x509.parse_certificates']!(regoString(chain('uri-escape')))).toThrow(/not supported/);
  });
});

const CSRS = readdirSync(DIR).filter((f) => f.endsWith('.csr')).sort();
const CSR_INPUTS: string[] = [
  ...CSRS.map(file),
  ...CSRS.map((f) => b64(file(f))),
  ...CSRS.map((f) => derB64(file(f))),
  file('leaf.csr') + file('ec.csr'),
  file('leaf.csr').replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST'),
  b64(file('root.crt')), file('root.crt'), file('leaf.csr').slice(0, 200), '', 'x',
  ' ' + file('leaf.csr'),
  derB64(file('leaf.csr')).slice(0, 100),
  Buffer.concat([Buffer.from(derB64(file('ec.csr')), 'base64'), Buffer.from([0])]).toString('base64'),
];

describe('crypto.x509.parse_certificate_request on the host equals opa eval', () => {
  it(`${CSR_INPUTS.length} inputs: RSA, EC, Ed25519, SANs, challenge password, PEM, base64, DER, malformed`, () => {
    expect(mismatches(CSR_INPUTS.map((s) => `crypto.x509.parse_certificate_request(${lit(s)})`))).toEqual([]);
  });
});

/** Deterministic single-byte mutations of a DER text (a small linear congruential generator). */
function mutations(der: Buffer, count: number, seed: number): string[] {
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => {
    const m = Buffer.from(der);
    const pos = next() % m.length;
    m[pos] = next() % 256;
    return m.toString('base64');
  });
}

/**
 * Mismatches other than preadmit refusing the input (an evaluation error naming what it does not reproduce):
 * for mutated DER, where Go's encoding/asn1 has corners preadmit does not follow, refusing is allowed.
 */
function mismatchesBesidesRefusals(exprs: string[], refusals: { n: number }): string[] {
  const out = mismatches(exprs);
  const refused = out.filter((m) => /: got error: .* is not supported by preadmit, opa /.test(m));
  refusals.n += refused.length;
  return out.filter((m) => !refused.includes(m));
}

describe('mutated DER is read as Go reads it (or refused)', () => {
  const der = (name: string): Buffer => Buffer.from(derB64(file(name)), 'base64');
  it('certificates: 300 single-byte mutations (at most 5 refused)', () => {
    const refusals = { n: 0 };
    // one module per certificate: a module of all the texts outgrows the memory the oracle's host gives it
    for (const [i, f] of ['leaf.crt', 'inter.crt', 'leafec.crt', 'ed.crt', 'pss.crt', 'uris.crt'].entries()) {
      expect(mismatchesBesidesRefusals(mutations(der(f), 50, 7 + i).map((s) => `crypto.x509.parse_certificates(${lit(s)})`), refusals)).toEqual([]);
    }
    expect(refusals.n).toBeLessThanOrEqual(5);
  });
});

describe('mutated keys and requests are read as Go reads them (or refused)', () => {
  const pem = (type: string, b64text: string): string => `-----BEGIN ${type}-----\n${b64text.match(/.{1,64}/g)!.join('\n')}\n-----END ${type}-----\n`;
  it('private keys: 160 single-byte mutations of PKCS #1, SEC 1, PKCS #8 and Ed25519 keys (at most 3 refused)', () => {
    const refusals = { n: 0 };
    for (const [i, [f, type]] of [['leaf.key', 'RSA PRIVATE KEY'], ['inter.key', 'EC PRIVATE KEY'], ['inter.pkcs8.key', 'PRIVATE KEY'], ['ed.key', 'PRIVATE KEY']].entries()) {
      const inputs = mutations(Buffer.from(derB64(file(f!)), 'base64'), 40, 11 + i).map((m) => pem(type!, m));
      expect(mismatchesBesidesRefusals(inputs.map((s) => `crypto.parse_private_keys(${lit(s)})`), refusals)).toEqual([]);
    }
    expect(refusals.n).toBeLessThanOrEqual(3);
  });
  it('certificate requests: 100 single-byte mutations', () => {
    for (const [i, f] of ['leaf.csr', 'ec384.csr'].entries()) {
      expect(mismatches(mutations(Buffer.from(derB64(file(f)), 'base64'), 50, 21 + i).map((s) => `crypto.x509.parse_certificate_request(${lit(s)})`))).toEqual([]);
    }
  });
});

describe('chains with a mutated certificate verify as in Go', () => {
  it('60 chains root, intermediate, mutated leaf (and mutated intermediate), as base64 of concatenated DER', () => {
    const der = (name: string): Buffer => Buffer.from(derB64(file(name)), 'base64');
    const refusals = { n: 0 };
    const leafs = mutations(der('server.crt'), 30, 31).map((m) => Buffer.concat([der('root.crt'), der('inter.crt'), Buffer.from(m, 'base64')]));
    const inters = mutations(der('inter.crt'), 30, 37).map((m) => Buffer.concat([der('root.crt'), Buffer.from(m, 'base64'), der('server.crt')]));
    const exprs = [...leafs, ...inters].map((b) => `crypto.x509.parse_and_verify_certificates(${lit(b.toString('base64'))})`);
    expect(mismatchesBesidesRefusals(exprs, refusals)).toEqual([]);
    expect(refusals.n).toBeLessThanOrEqual(2);
  });
});
