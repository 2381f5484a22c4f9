// Go's math/big.Float, as OPA's topdown uses it for numbers: a binary floating-point value with a mantissa of
// `prec` bits (64 when parsed from text), every operation rounded to nearest, ties to even; SetString's own
// way of parsing decimal text (the exact digits times a power of five rounded to 128 bits); Text('f'|'g', -1),
// the shortest decimal that reads back as the same value at the value's precision. The one home of these
// rules: arithmetic, format_int, units.parse_bytes and numbers.range all convert numbers through here.
//
// No npm library reproduces this: decimal.js / big.js are decimal (1/3 is 0.3333… there, while Go's 64-bit
// binary quotient prints 0.33333333333333333334), and bignumber.js likewise.

/** A finite big.Float: (-1)^neg · m · 2^e, m ≥ 0 with at most `prec` bits (m = 0 is a signed zero). */
export class GoBigFloat {
  constructor(
    readonly neg: boolean,
    readonly m: bigint,
    readonly e: number,
    readonly prec: number,
  ) {}

  get isZero(): boolean {
    return this.m === 0n;
  }

  /** Float.IsInt. */
  get isInt(): boolean {
    return this.m === 0n || this.e >= 0 || (this.m & ((1n << BigInt(-this.e)) - 1n)) === 0n;
  }

  /** Float.Int: truncated toward zero. */
  toInt(): bigint {
    const mag = this.e >= 0 ? this.m << BigInt(this.e) : this.m >> BigInt(-this.e);
    return this.neg ? -mag : mag;
  }

  /** Float.Abs (keeps the precision). */
  abs(): GoBigFloat {
    return new GoBigFloat(false, this.m, this.e, this.prec);
  }

  /** Float.Text(format, -1). */
  text(format: 'f' | 'g'): string {
    return (this.neg ? '-' : '') + formatShortest(this, format);
  }
}

/** Raised beyond preadmit's exponent bound (see MAX_EXP): callers let it fail the evaluation (fail closed). */
class GoBigFloatRangeError extends Error {}

/**
 * Go's exponent range is ±2^31 bits; preadmit stops at ±2^16 (about 10^±19728): printing a value needs
 * all its decimal digits (1e999999 has a million), which JS BigInt makes slow enough to stall a review.
 */
const MAX_EXP = 2 ** 16;
const MIN_EXP = -(2 ** 16);

function bitLen(m: bigint): number {
  return m === 0n ? 0 : m.toString(2).length;
}

/** Rounds (-1)^neg · m · 2^e to `prec` bits, to nearest, ties to even. */
function roundFloat(neg: boolean, m: bigint, e: number, prec: number): GoBigFloat {
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  let n = bitLen(m);
  if (n > prec) {
    const shift = n - prec;
    const s = BigInt(shift);
    let keep = m >> s;
    const rest = m & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (rest > half || (rest === half && (keep & 1n) === 1n)) keep++;
    m = keep;
    e += shift;
    n = bitLen(m);
    if (n > prec) {
      m >>= 1n;
      e++;
    }
  }
  // Normalise: strip trailing zero bits (the value and its precision are what count).
  if (m !== 0n) {
    let tz = 0;
    while (((m >> BigInt(tz)) & 0xffffffffn) === 0n) tz += 32;
    while (((m >> BigInt(tz)) & 1n) === 0n) tz++;
    if (tz > 0) {
      m >>= BigInt(tz);
      e += tz;
    }
  }
  const top = e + bitLen(m);
  if (top > MAX_EXP || top < MIN_EXP) throw new GoBigFloatRangeError('exponent out of range');
  return new GoBigFloat(neg, m, e, prec);
}

/** Float.SetInt with precision 0: max(bitlen, 64), exact. */
export function goBigFloatOfInt(i: bigint): GoBigFloat {
  const neg = i < 0n;
  const m = neg ? -i : i;
  return roundFloat(neg, m, 0, Math.max(bitLen(m), 64));
}

/** big.NewFloat(x) for a float64 that is a small dyadic value (0.5, 1.0): precision 53. */
export function goBigFloatOfFloat64(m: bigint, e: number): GoBigFloat {
  return roundFloat(m < 0n, m < 0n ? -m : m, e, 53);
}

function resultPrec(x: GoBigFloat, y: GoBigFloat, prec?: number): number {
  return prec ?? Math.max(x.prec, y.prec);
}

/** Float.Add (z of precision 0: the larger operand precision, unless `prec` is given). */
export function goBigFloatAdd(x: GoBigFloat, y: GoBigFloat, prec?: number): GoBigFloat {
  const p = resultPrec(x, y, prec);
  if (x.isZero && y.isZero) return new GoBigFloat(x.neg && y.neg, 0n, 0, p);
  if (x.isZero) return roundFloat(y.neg, y.m, y.e, p);
  if (y.isZero) return roundFloat(x.neg, x.m, x.e, p);
  // Order by magnitude (top bit), so that a far smaller operand can stand in as a sticky bit.
  let [a, b] = [x, y];
  if (a.e + bitLen(a.m) < b.e + bitLen(b.m)) [a, b] = [b, a];
  const topA = a.e + bitLen(a.m);
  const topB = b.e + bitLen(b.m);
  const floor = Math.min(a.e, topA - p - 4);
  if (topB < floor - 1) {
    // b only decides rounding through its sign: any nonzero value this far below does the same.
    b = new GoBigFloat(b.neg, 1n, floor - 2, b.prec);
  }
  const e = Math.min(a.e, b.e);
  const ma = a.m << BigInt(a.e - e);
  const mb = b.m << BigInt(b.e - e);
  const sa = a.neg ? -ma : ma;
  const sb = b.neg ? -mb : mb;
  const sum = sa + sb;
  // An exact zero sum is +0 under rounding to nearest.
  if (sum === 0n) return new GoBigFloat(false, 0n, 0, p);
  return roundFloat(sum < 0n, sum < 0n ? -sum : sum, e, p);
}

export function goBigFloatSub(x: GoBigFloat, y: GoBigFloat, prec?: number): GoBigFloat {
  return goBigFloatAdd(x, new GoBigFloat(!y.neg, y.m, y.e, y.prec), prec);
}

export function goBigFloatMul(x: GoBigFloat, y: GoBigFloat, prec?: number): GoBigFloat {
  return roundFloat(x.neg !== y.neg, x.m * y.m, x.e + y.e, resultPrec(x, y, prec));
}

/** Float.Quo; y must not be zero. */
export function goBigFloatQuo(x: GoBigFloat, y: GoBigFloat, prec?: number): GoBigFloat {
  const p = resultPrec(x, y, prec);
  if (y.isZero) throw new GoBigFloatRangeError('division by zero');
  if (x.isZero) return new GoBigFloat(x.neg !== y.neg, 0n, 0, p);
  // Enough quotient bits for the rounding, plus a sticky bit for a nonzero remainder.
  const shift = Math.max(0, p + 2 - (bitLen(x.m) - bitLen(y.m)) + 1);
  const num = x.m << BigInt(shift);
  let q = num / y.m;
  const r = num % y.m;
  q = (q << 1n) | (r === 0n ? 0n : 1n);
  return roundFloat(x.neg !== y.neg, q, x.e - y.e - shift - 1, p);
}

export function goBigFloatCmp(x: GoBigFloat, y: GoBigFloat): number {
  const d = goBigFloatSub(x, y, Math.max(bitLen(x.m), bitLen(y.m), 1) + Math.abs(x.e - y.e) + 2);
  return d.isZero ? 0 : d.neg ? -1 : 1;
}

// 5^n at precision 128, as big.Float's pow5 computes it (z of 128 bits, the squares of 192 bits).
function pow5(n: number): GoBigFloat {
  const M = 27;
  if (n <= M) return roundFloat(false, 5n ** BigInt(n), 0, 128);
  let z = roundFloat(false, 5n ** BigInt(M), 0, 128);
  let f = roundFloat(false, 5n, 0, 192);
  for (let k = n - M; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) z = goBigFloatMul(z, f, 128);
    f = goBigFloatMul(f, f, 192);
  }
  return z;
}

const DECIMAL_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/**
 * `new(big.Float).SetString(text)` for decimal text (what a Rego number is): precision 64. The digits are
 * exact, then multiplied (divided) by 5^k rounded to 128 bits, then rounded to 64 bits, as Go does.
 * Returns undefined for text Go does not accept.
 */
export function parseGoBigFloat(text: string, prec = 64): GoBigFloat | undefined {
  const match = DECIMAL_RE.exec(text);
  if (!match) return undefined;
  const int = match[2] ?? '';
  const frac = match[3] ?? '';
  if (int === '' && frac === '') return undefined;
  const neg = match[1] === '-';
  const expText = match[4] ?? '0';
  // Beyond ±2^31 Go's scan overflows (a panic in OPA); far before that the value is out of range anyway.
  if (expText.replace(/^[+-]?0*/, '').length > 10) throw new GoBigFloatRangeError('exponent overflow');
  const k = Number(expText) - frac.length;
  const m = BigInt(int + frac || '0');
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  if (Math.abs(k) > MAX_EXP) throw new GoBigFloatRangeError('exponent out of range');
  if (k === 0) return roundFloat(neg, m, 0, prec);
  const z = new GoBigFloat(neg, m, k, Math.max(bitLen(m), 1));
  const p = pow5(Math.abs(k));
  return k > 0 ? goBigFloatMul(z, p, prec) : goBigFloatQuo(z, p, prec);
}

// ---- Text(format, -1) ----

/** A decimal 0.digits × 10^exp, digits without leading or trailing zeros (empty for zero). */
export interface Decimal {
  digits: string;
  exp: number;
}

/** The exact decimal digits of m · 2^shift (m ≥ 0), as big's decimal.init produces them. */
export function exactDecimal(m: bigint, shift: number): Decimal {
  if (m === 0n) return { digits: '', exp: 0 };
  let s: string;
  let exp: number;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    exp = s.length;
  } else {
    s = (m * 5n ** BigInt(-shift)).toString();
    exp = s.length + shift;
  }
  const trimmed = s.replace(/0+$/, '');
  return { digits: trimmed, exp };
}

function at(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? (d.digits[i] as string) : '0';
}

function roundUp(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  let i = n - 1;
  while (i >= 0 && d.digits[i] === '9') i--;
  if (i < 0) return { digits: '1', exp: d.exp + 1 };
  return { digits: d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1), exp: d.exp };
}

function roundDown(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  const digits = d.digits.slice(0, n).replace(/0+$/, '');
  return { digits, exp: digits === '' ? 0 : d.exp };
}

function roundNearest(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  const c = d.digits[n] as string;
  const up = c === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  return up ? roundUp(d, n) : roundDown(d, n);
}

/** big's roundShortest: the fewest digits inside the half-ulp interval of x's precision. */
function roundShortest(d: Decimal, x: GoBigFloat): Decimal {
  if (d.digits === '') return d;
  let mant = x.m;
  let exp = x.e;
  const s = bitLen(mant) - (x.prec + 1);
  if (s < 0) mant <<= BigInt(-s);
  else if (s > 0) mant >>= BigInt(s);
  exp += s;
  const lower = exactDecimal(mant - 1n, exp);
  const upper = exactDecimal(mant + 1n, exp);
  const inclusive = (mant & 2n) === 0n;
  for (let i = 0; i < d.digits.length; i++) {
    const m = d.digits[i] as string;
    // Digit by digit at the same index, as Go compares them (the exponents are not aligned).
    const l = at(lower, i);
    const u = at(upper, i);
    const okdown = l !== m || (inclusive && i + 1 === lower.digits.length);
    const okup = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
    if (okdown && okup) return roundNearest(d, i + 1);
    if (okdown) return roundDown(d, i + 1);
    if (okup) return roundUp(d, i + 1);
  }
  return d;
}

function fmtF(d: Decimal, prec: number): string {
  let out = '';
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + '0'.repeat(d.exp - m);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += at(d, d.exp + i);
  }
  return out;
}

function fmtE(d: Decimal, prec: number): string {
  let out = d.digits === '' ? '0' : (d.digits[0] as string);
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.digits.length, prec + 1);
    out += d.digits.slice(1, m) + '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  const exp = d.digits === '' ? 0 : d.exp - 1;
  const a = Math.abs(exp);
  return `${out}e${exp < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

function formatShortest(x: GoBigFloat, format: 'f' | 'g'): string {
  // decimal.init(x.mant, exp - bitlen): the exact value of the mantissa.
  const d = roundShortest(exactDecimal(x.m, x.e), x);
  if (format === 'f') return fmtF(d, Math.max(d.digits.length - d.exp, 0));
  let prec = d.digits.length;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= 6) return fmtE(d, prec - 1);
  if (prec > d.exp) prec = d.digits.length;
  return fmtF(d, Math.max(prec - d.exp, 0));
}
