// How OPA orders and equates numbers: ast.NumberCompare of the OPA that Gatekeeper embeds (v1.17.1), which
// topdown uses for `==`, `<`, sort(), min/max, set and object keys. Numbers are kept as their text.
//
// It is the exact value order, with two quirks of that version reproduced here:
//  - Before anything else, a text with a '.' has every trailing '.' and '0' cut off (Go's
//    strings.TrimRight with the cutset ".0"), and two texts equal after that cut compare equal. So
//    `1.0 == 1` (right) but also `10.0 == 1` and `100.0 == 1.0` (the cut eats integer zeros).
//  - Two texts that both lost trailing zeros in that cut and still have a fraction (`0.10`, `2.50`)
//    compare equal when they round to the same float64, even when their exact values differ.

interface Decimal {
  /** -1, 0 or 1. */
  sign: number;
  /** |value| = digits × 10^exp, digits without leading zeros ('' for zero). */
  digits: string;
  exp: number;
}

const DECIMAL_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/** Exact value of a number text, or undefined when the text is not one. */
function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const int = m[2] ?? '';
  let frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1e12) return undefined;
  frac = frac.replace(/0+$/, '');
  let digits = (int + frac).replace(/^0+/, '');
  let e = exp - frac.length;
  // Trailing zeros of the integer part move into the exponent, so equal values have equal forms.
  const trimmed = digits.replace(/0+$/, '');
  e += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === '') return { sign: 0, digits, exp: 0 };
  return { sign: m[1] === '-' ? -1 : 1, digits, exp: e };
}

/** Compares two number texts by exact value (-1, 0, 1); texts that are not numbers compare as text. */
function compareDecimalText(a: string, b: string): number {
  if (a === b) return 0;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  if (x.sign !== y.sign) return x.sign < y.sign ? -1 : 1;
  if (x.sign === 0) return 0;
  // Both nonzero with the same sign: the value is 0.d1d2… × 10^(len+exp).
  const mx = x.digits.length + x.exp;
  const my = y.digits.length + y.exp;
  let abs: number;
  if (mx !== my) {
    abs = mx < my ? -1 : 1;
  } else {
    // Same magnitude: the digit strings (no trailing zeros) compare as decimal fractions.
    abs = x.digits === y.digits ? 0 : x.digits < y.digits ? -1 : 1;
  }
  return x.sign * abs;
}

const INT64_RE = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strings.TrimRight(s, ".0"). */
function trimDotZeros(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 0x2e && c !== 0x30) break;
    end--;
  }
  return s.slice(0, end);
}

/** json.Number(s).Int64(): strconv.ParseInt(s, 10, 64). */
function int64Of(s: string): bigint | undefined {
  if (!INT64_RE.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** json.Number(s).Float64(): strconv.ParseFloat(s, 64), which fails beyond the float64 range. */
function float64Of(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The value of the number text at code units [start, end) of `at`, when it is a plain decimal
 * (`-12.5`, `3`) of at most 15 digits whose fraction, if any, does not end in 0; else NaN. Distinct
 * such decimals convert to distinct float64s (15 digits round-trip) in the same order as their exact
 * values, and NumberCompare's quirks do not apply to them (nothing to trim). The value is computed
 * from the digits (an exact integer divided by an exact power of ten: correctly rounded).
 */
export function plainDecimal(at: (i: number) => number, start: number, end: number): number {
  let i = start;
  const negative = i < end && at(i) === 0x2d;
  if (negative) i++;
  let mant = 0;
  let digits = 0;
  let fraction = -1;
  let last = 0;
  for (; i < end; i++) {
    const c = at(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 15) return NaN;
      mant = mant * 10 + (c - 0x30);
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0 && digits > 0) {
      fraction = 0;
    } else {
      return NaN;
    }
    last = c;
  }
  if (digits === 0 || fraction === 0 || (fraction > 0 && last === 0x30)) return NaN;
  const v = fraction > 0 ? mant / POW10[fraction]! : mant;
  return negative ? -v : v;
}

/** OPA's ast.NumberCompare (v1.17.1) of two number texts: -1, 0 or 1. */
export function numberCompare(x: string, y: string): number {
  if (x === y) return 0;
  const a = plainDecimal((i) => x.charCodeAt(i), 0, x.length);
  const b = plainDecimal((i) => y.charCodeAt(i), 0, y.length);
  // NaN compares false both ways, so NaN on either side falls through.
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  let xs = x;
  let ys = y;
  let xIsFloat = false;
  let yIsFloat = false;
  if (xs.includes('.')) {
    const t = trimDotZeros(xs);
    if (t !== xs) {
      xIsFloat = t.includes('.');
      xs = t;
    }
  }
  if (ys.includes('.')) {
    const t = trimDotZeros(ys);
    if (t !== ys) {
      yIsFloat = t.includes('.');
      ys = t;
    }
  }
  if (xs === ys) return 0;
  const xi = int64Of(x);
  if (xi !== undefined) {
    const yi = int64Of(y);
    if (yi !== undefined) return xi < yi ? -1 : xi > yi ? 1 : 0;
  }
  if (xIsFloat && yIsFloat) {
    const xf = float64Of(x);
    const yf = float64Of(y);
    if (xf !== undefined && yf !== undefined && xf === yf) return 0;
  }
  return compareDecimalText(x, y);
}
