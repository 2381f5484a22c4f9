// Go's x509.ParseCertificateRequest (encoding/asn1 reading of a PKCS #10 request) and encoding/json's rendering
// of x509.CertificateRequest, as OPA's crypto.x509.parse_certificate_request returns it. encoding/asn1 reads the
// subject's values into Go values of any ASN.1 type; preadmit reproduces the usual string types and refuses
// (evaluation error) what it does not reproduce: other value types, T.61 and BMP strings. Like encoding/asn1,
// elements after a structure's last field are ignored.
import { goIPString } from './net.ts';
import { DerReader, TAG } from './asn1.ts';
import {
  J, nameJson, parseAI, parsePublicKey, parseSans, rightAlign, signatureAlgorithm, unsupported, urlJson, X509Error,
  type Attr, type Sans,
} from './x509.ts';
import type { RegoValue } from '../opa/rego-value.ts';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function err(message: string): never {
  throw new X509Error(message);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isPrintable(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || (b >= 0x27 && b <= 0x29) || (b >= 0x2b && b <= 0x2f) ||
    b === 0x20 || b === 0x3a || b === 0x3d || b === 0x3f || b === 0x2a || b === 0x26
  );
}

/** A subject attribute value as encoding/asn1 reads it into `any`, for the string types preadmit reproduces. */
function stringValue(tag: number, b: Buffer): string {
  switch (tag) {
    case TAG.PrintableString:
      if (!b.every(isPrintable)) err('asn1: syntax error: PrintableString contains invalid character');
      return b.toString('latin1');
    case TAG.IA5String:
      if (!b.every((c) => c < 0x80)) err('asn1: syntax error: IA5String contains invalid character');
      return b.toString('latin1');
    case TAG.NumericString:
      if (!b.every((c) => (c >= 0x30 && c <= 0x39) || c === 0x20)) err('asn1: syntax error: NumericString contains invalid character');
      return b.toString('latin1');
    case TAG.UTF8String:
      try {
        return utf8.decode(b);
      } catch {
        return err('asn1: syntax error: invalid UTF-8 string');
      }
  }
  return unsupported(`a certificate request subject value of ASN.1 tag ${tag}`);
}

function parseSubject(raw: Buffer): Attr[][] {
  const top = new DerReader(raw);
  const seq = top.body(TAG.SEQUENCE) ?? err('asn1: structure error: subject is not a SEQUENCE');
  if (!top.empty) err('x509: trailing data after X.509 Subject');
  const rdns: Attr[][] = [];
  while (!seq.empty) {
    const set = seq.body(TAG.SET) ?? err('asn1: structure error: RDN is not a SET');
    const rdn: Attr[] = [];
    while (!set.empty) {
      const atv = set.body(TAG.SEQUENCE) ?? err('asn1: structure error: attribute is not a SEQUENCE');
      const type = atv.oid() ?? err('asn1: structure error: attribute type');
      const v = atv.readAny() ?? err('asn1: structure error: attribute value');
      rdn.push({ type, value: stringValue(v.tag, v.body) });
    }
    rdns.push(rdn);
  }
  return rdns;
}

interface Ext {
  id: number[];
  critical: boolean;
  value: Buffer;
}

/**
 * An attribute as parseRawAttributes reads it into pkix.AttributeTypeAndValueSET (a SET of SEQUENCEs of (OID, value)
 * pairs; encoding/asn1 ignores elements after a structure's last field), or undefined where Go's reading fails and
 * Go skips the attribute. Values other than BOOLEAN and OCTET STRING are not reproduced.
 */
function atvSet(raw: Buffer): RegoValue | undefined {
  const seq = new DerReader(raw).body(TAG.SEQUENCE);
  const id = seq?.oid();
  const set = seq?.body(TAG.SET);
  if (!id || !set) return undefined;
  const values: RegoValue[] = [];
  while (!set.empty) {
    const list = set.body(TAG.SEQUENCE);
    if (!list) return undefined;
    const atvs: RegoValue[] = [];
    while (!list.empty) {
      const atv = list.body(TAG.SEQUENCE);
      const type = atv?.oid();
      const v = atv?.readAny();
      if (!type || !v) return undefined;
      let value: RegoValue;
      if (v.tag === TAG.BOOLEAN) {
        if (v.body.length !== 1 || (v.body[0] !== 0 && v.body[0] !== 0xff)) return undefined;
        value = J.bool(v.body[0] === 0xff);
      } else if (v.tag === TAG.OCTET_STRING) value = J.bytes(Buffer.from(v.body));
      else return unsupported(`a certificate request attribute value of ASN.1 tag ${v.tag}`);
      atvs.push(J.obj({ Type: J.oid(type), Value: value }));
    }
    values.push(J.arr(atvs));
  }
  return J.obj({ Type: J.oid(id), Value: J.arr(values) });
}

/** parseRawAttributes and parseCSRExtensions over the request's attributes. */
function parseAttributes(raw: Buffer[]): { attributes: RegoValue[]; extensions: Ext[] } {
  const attributes: RegoValue[] = [];
  const extensions: Ext[] = [];
  const seen = new Set<string>();
  for (const a of raw) {
    const kept = atvSet(a);
    if (kept) attributes.push(kept);
    // parseCSRExtensions: pkcs10Attribute {Id, Values SET OF ANY}, skipped when unreadable or without values
    const seq = new DerReader(a).body(TAG.SEQUENCE);
    const id = seq?.oid();
    const values = seq?.body(TAG.SET);
    if (!id || !values || values.empty || id.join('.') !== EXTENSION_REQUEST) continue;
    const all: Buffer[] = [];
    for (let v = values.readAny(); v; v = values.empty ? undefined : values.readAny()) all.push(v.full);
    if (!values.empty) continue;
    const first = all[0]!;
    const list = new DerReader(first).body(TAG.SEQUENCE) ?? err('asn1: structure error: extensions');
    while (!list.empty) {
      const ext = list.body(TAG.SEQUENCE) ?? err('asn1: structure error: extension');
      const oid = ext.oid() ?? err('asn1: structure error: extension id');
      let critical = false;
      if (ext.peekTag(TAG.BOOLEAN)) critical = ext.boolean() ?? err('asn1: structure error: critical');
      const value = ext.read(TAG.OCTET_STRING) ?? err('asn1: structure error: extension value');
      const key = oid.join('.');
      if (seen.has(key)) err('x509: certificate request contains duplicate requested extensions');
      seen.add(key);
      extensions.push({ id: oid, critical, value: Buffer.from(value.body) });
    }
  }
  return { attributes, extensions };
}

/** x509.ParseCertificateRequest, as encoding/json writes the result. */
export function parseCertificateRequest(der: Buffer): RegoValue {
  const top = new DerReader(der);
  const outer = top.read(TAG.SEQUENCE) ?? err('asn1: structure error: not a certificate request');
  if (!top.empty) err('asn1: syntax error: trailing data');
  const csr = new DerReader(outer.body);
  const tbsEl = csr.read(TAG.SEQUENCE) ?? err('asn1: structure error');
  const tbs = new DerReader(tbsEl.body);
  const version = tbs.integer() ?? err('asn1: structure error: version');
  if (version > 0x7fffffffffffffffn || version < -0x8000000000000000n) err('asn1: structure error: integer too large');
  const subject = tbs.readAny() ?? err('asn1: structure error: subject');
  const spkiEl = tbs.read(TAG.SEQUENCE) ?? err('asn1: structure error: public key');
  const spki = new DerReader(spkiEl.body);
  const ai = parseAI(spki.body(TAG.SEQUENCE) ?? err('asn1: structure error: public key algorithm'));
  const bits = spki.bitString() ?? err('asn1: structure error: public key');
  const attrsEl = tbs.read(0xa0) ?? err('asn1: structure error: attributes');
  const sigAI = parseAI(csr.body(TAG.SEQUENCE) ?? err('asn1: structure error: signature algorithm'));
  const sig = csr.bitString() ?? err('asn1: structure error: signature');
  const rawAttrs: Buffer[] = [];
  const attrs = new DerReader(attrsEl.body);
  while (!attrs.empty) rawAttrs.push((attrs.readAny() ?? err('asn1: structure error: attribute')).full);

  const sigAlg = signatureAlgorithm(sigAI);
  const publicKey = parsePublicKey(ai, rightAlign(bits.bytes, bits.bitLength), Buffer.from(spkiEl.full));
  const name = parseSubject(subject.full);
  const { attributes, extensions } = parseAttributes(rawAttrs);
  let sans: Sans = {};
  for (const e of extensions) if (e.id.join('.') === '2.5.29.17') sans = parseSans(e.value);
  return J.obj({
    Raw: J.bytes(Buffer.from(outer.full)), RawTBSCertificateRequest: J.bytes(Buffer.from(tbsEl.full)), RawSubjectPublicKeyInfo: J.bytes(Buffer.from(spkiEl.full)),
    RawSubject: J.bytes(Buffer.from(subject.full)), Version: J.num(version), Signature: J.bytes(rightAlign(sig.bytes, sig.bitLength)),
    SignatureAlgorithm: J.num(sigAlg), PublicKeyAlgorithm: J.num(publicKey.alg), PublicKey: publicKey.json, Subject: nameJson(name),
    Attributes: J.arr(attributes.length ? attributes : undefined),
    Extensions: J.arr(extensions.length ? extensions.map((e) => J.obj({ Id: J.oid(e.id), Critical: J.bool(e.critical), Value: J.bytes(e.value) })) : undefined),
    ExtraExtensions: J.null, DNSNames: J.strs(sans.dnsNames), EmailAddresses: J.strs(sans.emailAddresses),
    IPAddresses: J.arr(sans.ipAddresses?.map((ip) => J.str(goIPString(ip)))), URIs: J.arr(sans.uris?.map(urlJson)),
  });
}
