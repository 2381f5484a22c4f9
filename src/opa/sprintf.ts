// OPA's `sprintf`: topdown turns each Rego argument into a Go value (int64, *big.Int, float64 or
// string; composites and other scalars become their Rego text) and hands them to Go's fmt.Sprintf.
// This file reproduces both steps, byte for byte, for the verbs and flags fmt knows.
import { exactDecimal } from '../go/bigfloat.ts';
import { goQuote, goQuoteRune, isGoPrintable } from '../go/strconv.ts';
import { regoTermString, type RegoValue } from './rego-value.ts';

/** A Go value as topdown's builtinSprintf passes it to fmt. */
export type GoArg =
  | { k: 'int64'; v: bigint }
  | { k: 'bigint'; v: bigint }
  | { k: 'float64'; v: number }
  | { k: 'string'; v: string; type?: string }; // type: a named string type's name (json.Number)

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MASK = (1n << 64n) - 1n;
const MAX_RUNE = 0x10ffff;

/** util.Atoi64: optional sign, at most 19 digits, "1.000" counts as 1, overflow fails. */
function atoi64(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s.length === 0 || s.length > 19) return undefined;
  const m = /^([0-9]*)(?:\.(0*))?$/.exec(s);
  if (!m) return undefined;
  const digits = m[1] ?? '';
  const n = digits === '' ? 0n : BigInt(digits);
  const v = neg ? -n : n;
  if (v < INT64_MIN || v > INT64_MAX) return undefined;
  return v;
}

function toGoArg(value: RegoValue): GoArg {
  switch (value.t) {
    case 'string':
      return { k: 'string', v: value.v };
    case 'number': {
      const ns = value.v;
      if (/[.eE]/.test(ns)) {
        const f = Number(ns);
        // strconv.ParseFloat fails (and topdown falls back to the text) when out of range.
        return Number.isFinite(f) ? { k: 'float64', v: f } : { k: 'string', v: ns };
      }
      const i = atoi64(ns);
      if (i !== undefined) return { k: 'int64', v: i };
      if (/^[+-]?[0-9]+$/.test(ns)) return { k: 'bigint', v: BigInt(ns) };
      return { k: 'string', v: ns };
    }
    default:
      return { k: 'string', v: regoTermString(value) };
  }
}

function goTypeName(arg: GoArg): string {
  switch (arg.k) {
    case 'int64':
      return 'int';
    case 'bigint':
      return '*big.Int';
    case 'float64':
      return 'float64';
    case 'string':
      return arg.type ?? 'string';
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// strconv.FormatFloat(v, fmt, prec, 64)

interface Digits {
  d: string; // significant decimal digits, no leading zeros ('' for zero)
  dp: number; // decimal point position: value = 0.d * 10^dp
}

function floatBits(v: number): { neg: boolean; mant: bigint; exp: number; denorm: boolean; bexp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const bexp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = bexp;
  let denorm = false;
  if (exp === 0) {
    exp++;
    denorm = true;
  } else {
    mant |= 1n << 52n;
  }
  exp -= 1023;
  return { neg, mant, exp, denorm, bexp };
}

/** Shortest digits that read back as `v` (as Go's and JavaScript's shortest formatting agree). */
function shortestDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [m, e] = Math.abs(v).toExponential().split('e') as [string, string];
  const d = m.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

/** All decimal digits of |v|, exactly. */
function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const { mant, exp } = floatBits(v);
  const { digits, exp: dp } = exactDecimal(mant, exp - 52);
  return { d: digits, dp };
}

/** Rounds exact digits to `nd` digits, half to even (strconv's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: x.dp };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length) up = true; // more nonzero digits follow (digits carry no trailing zeros)
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') i--;
    if (i < 0) {
      d = '1';
      dp++;
    } else {
      d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
    }
  }
  return { d: d.replace(/0+$/, ''), dp };
}

function fmtE(neg: boolean, x: Digits, prec: number, verb: string): string {
  let out = neg ? '-' : '';
  out += x.d.length ? x.d[0] : '0';
  if (prec > 0) {
    out += '.';
    let frac = x.d.slice(1, prec + 1);
    frac += '0'.repeat(prec - frac.length);
    out += frac;
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += verb;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out += x.d.slice(0, m) + '0'.repeat(x.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = x.dp + i;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  const e = exp - 52;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '') + e;
}

function fmtX(v: number, prec: number, verb: 'x' | 'X'): string {
  const b = floatBits(v);
  let mant = b.mant;
  let exp = b.exp;
  if (mant === 0n) exp = 0;
  mant <<= 60n - 52n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = verb === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (b.neg ? '-' : '') + '0' + verb + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += verb === 'X' ? 'P' : 'p';
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

/** strconv.FormatFloat(v, verb, prec, 64) for verbs b e E f g G x X. */
function formatGoFloat(v: number, verb: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  if (verb === 'b') {
    const b = floatBits(v);
    return fmtB(neg, b.mant, b.exp);
  }
  if (verb === 'x' || verb === 'X') return fmtX(v, prec, verb);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(v);
    switch (verb) {
      case 'e':
      case 'E':
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case 'g':
      case 'G':
        prec = digs.d.length;
        break;
    }
  } else {
    const exact = exactDigits(v);
    switch (verb) {
      case 'f':
        digs = roundDigits(exact, exact.dp + prec);
        break;
      case 'e':
      case 'E':
        digs = roundDigits(exact, prec + 1);
        break;
      default: // g, G
        if (prec === 0) prec = 1;
        digs = roundDigits(exact, prec);
    }
  }
  switch (verb) {
    case 'e':
    case 'E':
      return fmtE(neg, digs, prec, verb);
    case 'f':
      return fmtF(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, verb === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// fmt's printer.

interface Flags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  prec: number;
}

function clearFlags(): Flags {
  return {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    prec: 0,
  };
}

const TOO_LARGE = 1e6;

class Printer {
  out = '';
  f: Flags = clearFlags();

  private padding(n: number): void {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.padding(width);
      this.out += s;
    } else {
      this.out += s;
      this.padding(width);
    }
  }

  private withoutZero(fn: () => void): void {
    const old = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = old;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    let n = this.f.prec;
    let i = 0;
    for (const ch of s) {
      n--;
      if (n < 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(goQuote(s, this.f.plus));
  }

  private fmtSx(s: string, upper: boolean): void {
    const bytes = utf8.encode(s);
    const digits = upper ? '0123456789ABCDEFX' : '0123456789abcdefx';
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) width += 2;
    } else {
      if (this.f.widPresent) this.padding(this.f.wid);
      return;
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.padding(this.f.wid - width);
    let buf = '';
    if (this.f.sharp) buf += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        buf += ' ';
        if (this.f.sharp) buf += '0' + digits[16];
      }
      const c = bytes[i] as number;
      buf += (digits[c >> 4] as string) + (digits[c & 0xf] as string);
    }
    this.out += buf;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.padding(this.f.wid - width);
  }

  private fmtInteger(v: bigint, base: number, signed: boolean, verb: string, upper: boolean): void {
    // v is the uint64 bit pattern when !signed, else an int64 value.
    const negative = signed && v < 0n;
    let u = negative ? -v : v;
    const f = this.f;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        this.withoutZero(() => this.padding(f.wid));
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    u &= UINT64_MASK;
    let s = u.toString(base);
    if (upper) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = (upper ? '0X' : '0x') + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
    this.withoutZero(() => this.pad(s));
  }

  private fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
    let s = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
    if (this.f.sharp && u <= BigInt(MAX_RUNE) && isGoPrintable(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    this.withoutZero(() => this.pad(s));
  }

  private fmtC(u: bigint): void {
    let r = u > BigInt(MAX_RUNE) ? 0xfffd : Number(u);
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    this.pad(String.fromCodePoint(r));
  }

  private fmtQc(u: bigint): void {
    const r = u > BigInt(MAX_RUNE) ? 0xfffd : Number(u);
    this.pad(goQuoteRune(r, this.f.plus));
  }

  private fmtFloatRaw(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatGoFloat(v, verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // sign already present
    } else num = '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.withoutZero(() => this.pad(num));
      return;
    }
    if (f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let body = num;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i] as string;
        if (c === '.') {
          hasPoint = true;
        } else if (c === 'p' || c === 'P') {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else if ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X') {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      if (digits > 0) body += '0'.repeat(digits);
      num = body + tail;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.out += num[0];
        this.padding(f.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtFloat(v: number, verb: string, arg: GoArg): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatRaw(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatRaw(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloatRaw(v, verb, 6);
      case 'F':
        return this.fmtFloatRaw(v, 'f', 6);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtInt64(v: bigint, verb: string, arg: GoArg): void {
    const bitsU = v & UINT64_MASK;
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, true, verb, false);
      case 'b':
        return this.fmtInteger(v, 2, true, verb, false);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, true, verb, false);
      case 'x':
        return this.fmtInteger(v, 16, true, verb, false);
      case 'X':
        return this.fmtInteger(v, 16, true, verb, true);
      case 'c':
        return this.fmtC(bitsU);
      case 'q':
        return this.fmtQc(bitsU);
      case 'U':
        return this.fmtUnicode(bitsU);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtString(s: string, verb: string, arg: GoArg): void {
    switch (verb) {
      case 'v':
        return this.f.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case 's':
        return this.fmtS(s);
      case 'x':
        return this.fmtSx(s, false);
      case 'X':
        return this.fmtSx(s, true);
      case 'q':
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, arg);
    }
  }

  /** (*big.Int).Format */
  private fmtBigInt(x: bigint, verb: string): void {
    let base: number;
    switch (verb) {
      case 'b':
        base = 2;
        break;
      case 'o':
      case 'O':
        base = 8;
        break;
      case 'd':
      case 's':
      case 'v':
        base = 10;
        break;
      case 'x':
      case 'X':
        base = 16;
        break;
      default:
        this.out += `%!${verb}(big.Int=${x.toString()})`;
        return;
    }
    const f = this.f;
    const plus = f.plus || f.plusV;
    const sharp = f.sharp || f.sharpV;
    const sign = x < 0n ? '-' : plus ? '+' : f.space ? ' ' : '';
    let prefix = '';
    if (sharp) {
      if (verb === 'b') prefix = '0b';
      else if (verb === 'o') prefix = '0';
      else if (verb === 'x') prefix = '0x';
      else if (verb === 'X') prefix = '0X';
    }
    if (verb === 'O') prefix = '0o';
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let left = 0;
    let zeros = 0;
    let right = 0;
    if (f.precPresent) {
      if (digits.length < f.prec) zeros = f.prec - digits.length;
      else if (digits === '0' && f.prec === 0) return;
    }
    const length = sign.length + prefix.length + zeros + digits.length;
    if (f.widPresent && length < f.wid) {
      const d = f.wid - length;
      if (f.minus) right = d;
      else if (f.zero && !f.precPresent) zeros = d;
      else left = d;
    }
    this.out += ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
  }

  badVerb(verb: string, arg: GoArg): void {
    this.out += '%!' + verb + '(' + goTypeName(arg) + '=';
    this.printArg(arg, 'v');
    this.out += ')';
  }

  printArg(arg: GoArg, verb: string): void {
    if (verb === 'T') {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === 'p') {
      // Only *big.Int is a pointer, and its address is not reproducible: print a null pointer.
      if (arg.k === 'bigint') this.out += '0x0';
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'w' && arg.k === 'bigint') {
      // Not an error: fmt prints the *big.Int struct by reflection (sign, 64-bit limbs).
      this.out += '%!w(*big.Int=' + bigIntStruct(arg.v, this.f) + ')';
      return;
    }
    switch (arg.k) {
      case 'int64':
        return this.fmtInt64(arg.v, verb, arg);
      case 'float64':
        return this.fmtFloat(arg.v, verb, arg);
      case 'string':
        return this.fmtString(arg.v, verb, arg);
      case 'bigint':
        return this.fmtBigInt(arg.v, verb);
    }
  }
}

function bigIntStruct(x: bigint, f: Flags): string {
  const neg = x < 0n;
  let a = neg ? -x : x;
  const limbs: bigint[] = [];
  while (a > 0n) {
    limbs.push(a & UINT64_MASK);
    a >>= 64n;
  }
  if (f.sharpV) {
    const words = limbs.map((w) => '0x' + w.toString(16)).join(', ');
    return `&big.Int{neg:${neg}, abs:big.nat{${words}}}`;
  }
  const words = '[' + limbs.map((w) => w.toString()).join(' ') + ']';
  return f.plusV ? `&{neg:${neg} abs:${words}}` : `&{${neg} ${words}}`;
}

function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r >= 0x80) {
      if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
      continue;
    }
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** fmt's parsenum: digits from `start`; a huge number swallows the rest of the format. */
function parseNum(s: string, start: number): { num: number; isNum: boolean; next: number } {
  if (start >= s.length) return { num: 0, isNum: false, next: s.length };
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return { num: 0, isNum: false, next: s.length };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num, isNum, next: i };
}

/** Go's fmt.Sprintf over already-converted Go arguments. */
export function goSprintf(format: string, args: GoArg[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { i, found: false };
    reordered = true;
    // parseArgNumber
    let ok = false;
    let index = 0;
    let wid = 1;
    if (end - i >= 3) {
      for (let j = i + 1; j < end; j++) {
        if (format[j] === ']') {
          const n = parseNum(format.slice(0, j), i + 1);
          if (!n.isNum || n.next !== j) {
            wid = j - i + 1;
          } else {
            index = n.num - 1;
            wid = j - i + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i + wid, found: true };
    }
    goodArgNum = false;
    return { i: i + wid, found: ok };
  };

  const intFromArg = (): { num: number; isInt: boolean } => {
    let num = 0;
    let isInt = false;
    if (argNum < args.length) {
      const a = args[argNum] as GoArg;
      if (a.k === 'int64') {
        num = Number(a.v);
        isInt = true;
      }
      argNum++;
      if (num > TOO_LARGE || num < -TOO_LARGE) {
        num = 0;
        isInt = false;
      }
    }
    return { num, isInt };
  };

  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = true;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }

    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg();
      f.wid = w.num;
      f.widPresent = w.isInt;
      if (!f.widPresent) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(format, i);
      f.wid = n.num;
      f.widPresent = n.isNum;
      i = n.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg();
        f.prec = w.num;
        f.precPresent = w.isInt;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const n = parseNum(format, i);
        f.prec = n.num;
        f.precPresent = n.isNum;
        i = n.next;
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }

    if (!afterIndex) {
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
    }

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }

    const cp = format.codePointAt(i) ?? 0;
    const verb = String.fromCodePoint(cp);
    i += verb.length;

    if (verb === '%') {
      p.out += '%';
    } else if (!goodArgNum) {
      p.out += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= args.length) {
      p.out += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v' || verb === 'w') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      // %w outside fmt.Errorf is a bad verb for every argument type topdown passes.
      p.printArg(args[argNum] as GoArg, verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      p.out += goTypeName(arg) + '=';
      p.printArg(arg, 'v');
    });
    p.out += ')';
  }
  return p.out;
}

/** Byte-identical to OPA topdown's `sprintf(format, args)`. */
export function regoSprintf(format: string, args: RegoValue[]): string {
  return goSprintf(format, args.map(toGoArg));
}
