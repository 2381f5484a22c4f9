// A DER reader with the acceptance rules of golang.org/x/crypto/cryptobyte (as crypto/x509 reads
// certificates, keys and requests): minimal lengths, minimal integers, 31-bit OID arcs, strict booleans and
// bit strings. A malformed input makes a reader method return undefined (the caller turns that into Go's error).

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  PrintableString: 0x13,
  T61String: 0x14,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  NumericString: 0x12,
  BMPString: 0x1e,
} as const;

/** Context-specific tag `n`, constructed or not. */
export function ctx(n: number, constructed = false): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** A high tag number form (tag byte & 0x1f == 0x1f) is not read by preadmit: an evaluation error, never a guess. */
class Asn1Unsupported extends Error {}

export interface Element {
  tag: number;
  /** The contents octets. */
  body: Buffer;
  /** Tag, length and contents. */
  full: Buffer;
}

export class DerReader {
  constructor(
    private buf: Buffer,
    private pos = 0,
  ) {}

  get empty(): boolean {
    return this.pos >= this.buf.length;
  }

  get remaining(): Buffer {
    return this.buf.subarray(this.pos);
  }

  /** The next element (cryptobyte's ReadAnyASN1Element), or undefined when malformed. */
  readAny(): Element | undefined {
    const b = this.buf;
    const start = this.pos;
    if (b.length - start < 2) return undefined;
    const tag = b[start]!;
    if ((tag & 0x1f) === 0x1f) throw new Asn1Unsupported('ASN.1 high tag numbers are not supported by preadmit');
    const lenByte = b[start + 1]!;
    let len: number;
    let header: number;
    if ((lenByte & 0x80) === 0) {
      len = lenByte;
      header = 2;
    } else {
      const lenLen = lenByte & 0x7f;
      if (lenLen === 0 || lenLen > 4 || b.length - start < 2 + lenLen) return undefined;
      len = 0;
      for (let i = 0; i < lenLen; i++) len = len * 256 + b[start + 2 + i]!;
      if (len < 128) return undefined;
      if (lenLen > 1 && b[start + 2] === 0) return undefined;
      header = 2 + lenLen;
    }
    if (b.length - start - header < len) return undefined;
    this.pos = start + header + len;
    return { tag, body: b.subarray(start + header, start + header + len), full: b.subarray(start, start + header + len) };
  }

  peekTag(tag: number): boolean {
    return this.pos < this.buf.length && this.buf[this.pos] === tag;
  }

  /** The next element if it has `tag` (else undefined, reading nothing... as a failed cryptobyte read). */
  read(tag: number): Element | undefined {
    const save = this.pos;
    const e = this.readAny();
    if (!e || e.tag !== tag) {
      this.pos = save;
      return undefined;
    }
    return e;
  }

  /** The body of the next element with `tag`. */
  body(tag: number): DerReader | undefined {
    const e = this.read(tag);
    return e ? new DerReader(e.body) : undefined;
  }

  /** An optional element: absent gives null, malformed undefined. */
  optional(tag: number): Element | null | undefined {
    if (!this.peekTag(tag)) return null;
    return this.read(tag);
  }

  integer(tag: number = TAG.INTEGER): bigint | undefined {
    const e = this.read(tag);
    return e ? asn1Integer(e.body) : undefined;
  }

  oid(): number[] | undefined {
    const e = this.read(TAG.OID);
    return e ? asn1Oid(e.body) : undefined;
  }

  boolean(): boolean | undefined {
    const e = this.read(TAG.BOOLEAN);
    if (!e || e.body.length !== 1) return undefined;
    if (e.body[0] === 0) return false;
    if (e.body[0] === 0xff) return true;
    return undefined;
  }

  bitString(): BitString | undefined {
    const e = this.read(TAG.BIT_STRING);
    return e ? asn1BitString(e.body) : undefined;
  }
}

export interface BitString {
  bytes: Buffer;
  bitLength: number;
}

/** A DER INTEGER's contents (two's complement, minimal), or undefined. */
function asn1Integer(b: Buffer): bigint | undefined {
  if (b.length === 0) return undefined;
  if (b.length > 1 && ((b[0] === 0 && (b[1]! & 0x80) === 0) || (b[0] === 0xff && (b[1]! & 0x80) === 0x80))) return undefined;
  let v = BigInt('0x' + b.toString('hex'));
  if (b[0]! & 0x80) v -= 1n << BigInt(b.length * 8);
  return v;
}

function base128(b: Buffer, pos: number): [number, number] | undefined {
  let ret = 0;
  for (let i = 0; pos < b.length; i++, pos++) {
    if (i === 5) return undefined;
    if (ret >= 1 << (31 - 7)) return undefined;
    const c = b[pos]!;
    if (i === 0 && c === 0x80) return undefined;
    ret = ret * 128 + (c & 0x7f);
    if ((c & 0x80) === 0) return [ret, pos + 1];
  }
  return undefined;
}

/** An OBJECT IDENTIFIER's contents as arcs, or undefined (cryptobyte: every arc below 2^31). */
function asn1Oid(b: Buffer): number[] | undefined {
  if (b.length === 0) return undefined;
  const first = base128(b, 0);
  if (!first) return undefined;
  const out = first[0] < 80 ? [Math.floor(first[0] / 40), first[0] % 40] : [2, first[0] - 80];
  let pos = first[1];
  while (pos < b.length) {
    const r = base128(b, pos);
    if (!r) return undefined;
    out.push(r[0]);
    pos = r[1];
  }
  return out;
}

function asn1BitString(b: Buffer): BitString | undefined {
  if (b.length === 0) return undefined;
  const padding = b[0]!;
  const bytes = b.subarray(1);
  if (padding > 7 || (bytes.length === 0 && padding > 0) || (bytes.length > 0 && (bytes[bytes.length - 1]! & ((1 << padding) - 1)) !== 0)) return undefined;
  return { bytes, bitLength: bytes.length * 8 - padding };
}

export function oidEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
