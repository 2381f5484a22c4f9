// Builtins that a wasm-compiled policy calls on its host: every builtin Gatekeeper templates may use
// that OPA's wasm runtime does not implement natively (`builtinsFunctions` in OPA's
// internal/compiler/wasm/wasm.go). Each reproduces OPA topdown's semantics. Where topdown's builtin
// returns an error, these throw BuiltinError, which the host turns into an undefined expression (as
// Gatekeeper's non-strict evaluation does). Any other exception is a bug or a resource failure: it is
// NOT turned into undefined (that would make a violation rule silently not fire) but propagates, and the
// host reports it as an evaluation error of the template.
import { createHash, createHmac } from 'node:crypto';
import { compileGoRegexp, goQuoteMeta, type GoRegexp } from '../go/regexp.ts';
import {
  compareRegoValues,
  goJsonSurrogates,
  isNumberText,
  parseRegoValue,
  regoArray,
  regoBool,
  regoNumber,
  regoString,
  regoValuesEqual,
  type RegoValue,
} from './rego-value.ts';
import { goJsonValid, goString } from '../go/json.ts';
import { goBase64Std } from '../go/base64.ts';
import { GlobSyntaxError, globsIntersect } from '../go/glob-intersection.ts';
import { goRenderTemplate, GoTemplateError, type TplValue } from '../go/template.ts';
import { reachablePaths } from '../go/graph.ts';
import { goJsonIndent, marshalOptions } from '../go/json-indent.ts';
import { uriIsValid, uriParse } from '../go/uri.ts';
import { jsonSchemaMatch, JsonSchemaError, jsonSchemaVerify } from '../go/jsonschema.ts';
import { goYamlDecode, GoYamlError, goYamlMarshal, goYamlToJson, type GoJson, type JsonForYaml } from '../go/yaml.ts';
import {
  goBigFloatAdd,
  goBigFloatCmp,
  goBigFloatMul,
  goBigFloatOfFloat64,
  goBigFloatOfInt,
  goBigFloatQuo,
  goBigFloatSub,
  parseGoBigFloat,
  type GoBigFloat,
} from '../go/bigfloat.ts';
import { goCompare } from '../go/strings.ts';
import { goIPString, goParseIP, goParseIPv4, goParseIPv6, isV4Mapped, to4 } from '../go/net.ts';
import { x509Builtins } from '../go/x509-opa.ts';
import { X509Error } from '../go/x509.ts';
import { regoSprintf } from './sprintf.ts';
import { JWT_VERIFIERS, JwtError, jwtDecode, jwtDecodeVerify, jwtEncodeSignRaw, jwtVerifyAsym, jwtVerifyHS } from '../go/jwt.ts';

export type HostBuiltin = (...args: RegoValue[]) => RegoValue | undefined;

/** A builtin error as OPA's Go builtins return it (non-halting): the call is undefined. */
export class BuiltinError extends Error {}

function fail(message: string): never {
  throw new BuiltinError(message);
}

function str(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'string') fail(`operand ${pos} must be string`);
  return v.v;
}

function num(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'number') fail(`operand ${pos} must be number`);
  return v.v;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** builtins.IntOperand: Go int (int64) from text such as "3" or "3.0". */
function intOperand(v: RegoValue | undefined, pos: number): number {
  const text = num(v, pos);
  const m = /^(-?)([0-9]{1,19})(?:\.0*)?$/.exec(text);
  if (!m) fail(`operand ${pos} must be integer number but got floating-point number`);
  const i = BigInt(m[2] ?? '0') * (m[1] === '-' ? -1n : 1n);
  if (i < INT64_MIN || i > INT64_MAX) fail(`operand ${pos} must be integer number`);
  return Number(i);
}

function bigIntOperand(v: RegoValue | undefined, pos: number): bigint {
  const i = numberToInt(num(v, pos));
  if (i === undefined) fail(`operand ${pos} must be integer number but got floating-point number`);
  return i;
}

// ---------------------------------------------------------------------------------------------
// arithmetic, as topdown (OPA v1.17.1, Gatekeeper's) computes it: an int fast path for operands in
// (-1000, 1000), otherwise big.Float with a 64-bit mantissa (src/go/bigfloat.ts), printed by FloatToNumber.

/** builtins.NumberToFloat: big.Float SetString (64-bit mantissa). */
function numberToFloat(text: string): GoBigFloat {
  // A GoBigFloatRangeError (beyond preadmit's exponent bound, where OPA still has a value) propagates:
  // the evaluation fails rather than a rule silently not firing.
  const f = parseGoBigFloat(text);
  if (!f) fail(`illegal number: ${text}`);
  return f;
}

/** builtins.NumberToInt: the big.Float value when it is an integer. */
function numberToInt(text: string): bigint | undefined {
  const f = numberToFloat(text);
  return f.isInt ? f.toInt() : undefined;
}

/** builtins.FloatToNumber: integers as 'f', anything else as 'g', shortest at the value's precision. */
function floatToNumber(f: GoBigFloat): RegoValue {
  return regoNumber(f.text(f.isInt ? 'f' : 'g'));
}

/** ast.Number.Int (strconv.ParseInt, int64) when in the fast-path window (-1000, 1000). */
function smallInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]{1,4}$/.test(text)) return undefined;
  const i = Number(text);
  return i > -1000 && i < 1000 ? i : undefined;
}

/** The truncated integer of a big.Float computation (Float.Int). */
function floatOpInt(op: () => GoBigFloat): bigint {
  return op().toInt();
}

/**
 * A big.Float computation as a number. Its GoBigFloatRangeError (an exponent beyond preadmit's bound, where
 * OPA still has a value) propagates: an evaluation error, not an undefined call.
 */
function floatOp(op: () => GoBigFloat): RegoValue {
  return floatToNumber(op());
}

function arith2(
  a: RegoValue | undefined,
  b: RegoValue | undefined,
  small: ((x: number, y: number) => number) | undefined,
  float: (x: GoBigFloat, y: GoBigFloat) => GoBigFloat,
): RegoValue {
  const x = num(a, 1);
  const y = num(b, 2);
  if (small) {
    const i = smallInt(x);
    const j = smallInt(y);
    if (i !== undefined && j !== undefined) return regoNumber(small(i, j));
  }
  return floatOp(() => float(numberToFloat(x), numberToFloat(y)));
}

/** topdown's minus: numbers, or the difference of two sets. */
function arithMinus(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  if (a?.t === 'set' && b?.t === 'set') return { t: 'set', v: a.v.filter((x) => !setContains(b.v, x)) };
  if (a?.t !== 'number' && a?.t !== 'set') fail('operand 1 must be one of {number, set}');
  if (a.t === 'set') fail('operand 2 must be set');
  return arith2(a, b, (x, y) => x - y, (x, y) => goBigFloatSub(x, y));
}

function arithDivide(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  return arith2(a, b, undefined, (x, y) => {
    if (y.isZero) fail('divide by zero');
    return goBigFloatQuo(x, y);
  });
}

function arithRem(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  const x = num(a, 1);
  const y = num(b, 2);
  const i = smallInt(x);
  const j = smallInt(y);
  if (i !== undefined && j !== undefined) {
    if (j === 0) fail('modulo by zero');
    // Go's % truncates toward zero, as JS's does (0 rather than -0 for an int).
    return regoNumber(i % j || 0);
  }
  const p = numberToInt(x);
  const q = numberToInt(y);
  if (p === undefined || q === undefined) fail('modulo on floating-point number');
  // big.Int.Int64 is the low 64 bits: a nonzero multiple of 2^64 counts as zero in OPA v1.17.1.
  if (BigInt.asIntN(64, q) === 0n) fail('modulo by zero');
  return regoNumber(p % q);
}

const HALF = goBigFloatOfFloat64(1n, -1);
const ONE = goBigFloatOfFloat64(1n, 0);

function arithRound(x: GoBigFloat): GoBigFloat {
  const shifted = x.neg ? goBigFloatSub(x, HALF) : goBigFloatAdd(x, HALF);
  return goBigFloatOfInt(shifted.toInt());
}

/** topdown's ceil: truncation, plus one unless the truncation is negative (ceil(-0.5) is 1 in OPA). */
function arithCeil(x: GoBigFloat): GoBigFloat {
  const f = goBigFloatOfInt(x.toInt());
  if (f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatAdd(f, ONE);
}

/** topdown's floor: truncation, minus one only when the truncation is negative (floor(-0.5) is 0 in OPA). */
function arithFloor(x: GoBigFloat): GoBigFloat {
  const f = goBigFloatOfInt(x.toInt());
  if (!f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatSub(f, ONE);
}

function arith1(a: RegoValue | undefined, fn: (x: GoBigFloat) => GoBigFloat): RegoValue {
  return floatOp(() => fn(numberToFloat(num(a, 1))));
}

function collectionNumbers(v: RegoValue | undefined): string[] {
  if (!v || (v.t !== 'array' && v.t !== 'set')) fail('operand 1 must be one of {set, array}');
  const items = v.t === 'set' ? [...v.v].sort(compareRegoValues) : v.v;
  return items.map((x) => {
    if (x.t !== 'number') fail('operand 1 must be array of numbers');
    return x.v;
  });
}

/** topdown's sum: int64 (wrapping) when every element is an int64, else big.Float. */
function aggregateSum(v: RegoValue | undefined): RegoValue {
  const nums = collectionNumbers(v);
  if (nums.every((n) => goParseInt64(n) !== undefined)) {
    return regoNumber(nums.reduce((acc, n) => BigInt.asIntN(64, acc + (goParseInt64(n) as bigint)), 0n));
  }
  return floatOp(() => nums.reduce((acc, n) => goBigFloatAdd(acc, numberToFloat(n)), goBigFloatOfFloat64(0n, 0)));
}

function aggregateProduct(v: RegoValue | undefined): RegoValue {
  const nums = collectionNumbers(v);
  return floatOp(() => nums.reduce((acc, n) => goBigFloatMul(acc, numberToFloat(n)), ONE));
}

/** strconv.ParseInt(s, 10, 64). */
function goParseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const i = BigInt(s);
  return i < INT64_MIN || i > INT64_MAX ? undefined : i;
}

function stringList(v: RegoValue, pos: number): string[] {
  if (v.t !== 'array' && v.t !== 'set') fail(`operand ${pos} must be one of {array, set}`);
  return v.v.map((x) => {
    if (x.t !== 'string') fail(`operand ${pos} must be array of strings`);
    return x.v;
  });
}

// ---------------------------------------------------------------------------------------------
// strings

function anyAffixMatch(a: RegoValue | undefined, b: RegoValue | undefined, suffix: boolean): RegoValue {
  if (!a || !b) fail('missing operand');
  const match = suffix ? (s: string, x: string) => s.endsWith(x) : (s: string, x: string) => s.startsWith(x);
  let search: string[];
  if (a.t === 'string') search = [a.v];
  else if (a.t === 'array' || a.t === 'set') search = stringList(a, 1);
  else fail('operand 1 must be one of {string, set, array}');
  let bases: string[];
  if (b.t === 'string') bases = [b.v];
  else if (b.t === 'array' || b.t === 'set') bases = stringList(b, 2);
  else fail('operand 2 must be one of {string, set, array}');
  return regoBool(search.some((s) => bases.some((x) => match(s, x))));
}

/** Go's strings.Count: non-overlapping occurrences; an empty needle counts runes + 1. */
function stringsCount(s: string, sub: string): number {
  if (sub === '') return [...s].length + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

function indexOfN(s: string, sub: string): RegoValue {
  // OPA reports rune offsets of every (overlapping) occurrence.
  const runes = [...s];
  const needle = [...sub];
  const out: RegoValue[] = [];
  if (needle.length === 0) fail('empty search character');
  for (let i = 0; i + needle.length <= runes.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (runes[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(regoNumber(i));
  }
  return regoArray(out);
}

// ---------------------------------------------------------------------------------------------
// units

/** topdown's extractNumAndUnit, byte for byte (the input is ASCII wherever it matters). */
function extractNumAndUnit(s: string): { num: string; unit: string } {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (!isDigit(c) && c !== '.' && c !== 'e' && c !== 'E' && c !== '+' && c !== '-') {
      first = i;
      break;
    }
    if (c === 'e' || c === 'E') {
      const next = s[i + 1];
      if (i === s.length - 1 || (!isDigit(next) && next !== '+' && next !== '-')) {
        first = i;
        break;
      }
      if (next === '+' || next === '-') i++;
      let end = i + 1;
      while (end < s.length && isDigit(s[end])) end++;
      if (end - (i + 1) > 6) fail('exponent too large');
    }
  }
  if (first === -1) return { num: s, unit: '' };
  if (first === 0) return { num: '', unit: s };
  return { num: s.slice(0, first), unit: s.slice(first) };
}

/** big.Rat's SetString for the decimal forms extractNumAndUnit lets through. */
function parseRational(text: string): { n: bigint; d: bigint } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  if (m[3] !== undefined && int === '' && frac === '') return undefined;
  const exp = Number(m[4] ?? '0') - frac.length;
  let n = BigInt(int + frac || '0');
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === '-') n = -n;
  return { n, d };
}

const SI: Record<string, bigint> = {
  k: 1000n,
  M: 1000n ** 2n,
  g: 1000n ** 3n,
  t: 1000n ** 4n,
  p: 1000n ** 5n,
  e: 1000n ** 6n,
};
const BINARY: Record<string, bigint> = {
  ki: 1n << 10n,
  mi: 1n << 20n,
  gi: 1n << 30n,
  ti: 1n << 40n,
  pi: 1n << 50n,
  ei: 1n << 60n,
};

// float64(0.001) as an exact fraction: units.parse multiplies by it, so "1m" is not exactly 0.001.
const MILLI = { n: 1152921504606847n, d: 1n << 60n };

function unitsParse(raw: string): RegoValue {
  const s = raw.replaceAll('"', '');
  if (s.includes(' ')) fail('spaces not allowed in resource strings');
  const { num: amount, unit: rawUnit } = extractNumAndUnit(s);
  if (amount === '') fail('no amount provided');
  let unit = rawUnit;
  if (unit.length > 1) unit = unit.slice(0, 1) + unit.slice(1).toLowerCase();
  let factor: { n: bigint; d: bigint };
  if (unit === 'm') factor = MILLI;
  else if (unit === '') factor = { n: 1n, d: 1n };
  else if (unit === 'M') factor = { n: SI.M as bigint, d: 1n };
  else if (/^[kKgGtTpPeE]$/.test(unit)) factor = { n: SI[unit.toLowerCase()] as bigint, d: 1n };
  else if (/^[kKmMgGtTpPeE]i$/.test(unit)) factor = { n: BINARY[unit.toLowerCase()] as bigint, d: 1n };
  else fail(`unit ${unit} not recognized`);
  const r = parseRational(amount);
  if (!r) fail('could not parse amount to a number');
  let n = r.n * factor.n;
  let d = r.d * factor.d;
  const g = gcd(n < 0n ? -n : n, d);
  n /= g;
  d /= g;
  if (d === 1n) return regoNumber(n);
  return regoNumber(ratFloatString(n, d, 10));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** big.Rat.FloatString: `prec` fraction digits, last digit rounded half away from zero. */
function ratFloatString(n: bigint, d: bigint, prec: number): string {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const scale = 10n ** BigInt(prec);
  let q = (a * scale) / d;
  const r = (a * scale) % d;
  if (2n * r >= d) q++;
  let digits = q.toString().padStart(prec + 1, '0');
  digits = digits.slice(0, digits.length - prec) + '.' + digits.slice(digits.length - prec);
  return (neg ? '-' : '') + digits;
}

function unitsParseBytes(raw: string): RegoValue {
  const s = raw.toLowerCase().replaceAll('"', '');
  if (s.includes(' ')) fail('spaces not allowed in resource strings');
  const { num: amount, unit } = extractNumAndUnit(s);
  if (amount === '') fail('no byte amount provided');
  const table: Record<string, bigint> = {
    '': 1n,
    kb: 1000n, k: 1000n, kib: 1n << 10n, ki: 1n << 10n,
    mb: 1000n ** 2n, m: 1000n ** 2n, mib: 1n << 20n, mi: 1n << 20n,
    gb: 1000n ** 3n, g: 1000n ** 3n, gib: 1n << 30n, gi: 1n << 30n,
    tb: 1000n ** 4n, t: 1000n ** 4n, tib: 1n << 40n, ti: 1n << 40n,
    pb: 1000n ** 5n, p: 1000n ** 5n, pib: 1n << 50n, pi: 1n << 50n,
    eb: 1000n ** 6n, e: 1000n ** 6n, eib: 1n << 60n, ei: 1n << 60n,
  };
  const factor = Object.hasOwn(table, unit) ? table[unit] : undefined;
  if (factor === undefined) fail(`byte unit ${unit} not recognized`);
  // big.Float SetString (64-bit mantissa), multiplied at 64 bits, truncated to an integer.
  const x = numberToFloat(amount);
  return regoNumber(floatOpInt(() => goBigFloatMul(x, goBigFloatOfInt(factor), 64)));
}

// ---------------------------------------------------------------------------------------------
// semver (OPA's internal/semver, as of v1.17.1)

interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
}

const META_RE = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

/**
 * OPA v1.17.1's internal/semver Parse, the one Gatekeeper embeds: an empty `+` or `-` suffix passes, and
 * the numbers go through strconv.ParseInt (a sign and leading zeros accepted). Later OPA is stricter.
 */
function parseSemVer(input: string): SemVer | undefined {
  let v = input.startsWith('v') ? input.slice(1) : input;
  const plus = v.indexOf('+');
  if (plus >= 0) {
    const meta = v.slice(plus + 1);
    if (meta !== '' && !META_RE.test(meta)) return undefined;
    v = v.slice(0, plus);
  }
  let pre = '';
  const dash = v.indexOf('-');
  if (dash >= 0) {
    pre = v.slice(dash + 1);
    v = v.slice(0, dash);
    if (pre !== '' && !META_RE.test(pre)) return undefined;
  }
  const parts = v.split('.');
  if (parts.length !== 3) return undefined;
  const nums = parts.map((p) => {
    if (!/^[+-]?[0-9]+$/.test(p)) return undefined;
    const n = BigInt(p);
    return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
  });
  const [major, minor, patch] = nums;
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch, pre };
}

function cmp<T extends bigint | number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSemVer(a: SemVer, b: SemVer): number {
  const c = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  const xs = a.pre.split('.');
  const ys = b.pre.split('.');
  for (let i = 0; ; i++) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x === '' && y !== '') return -1;
    if (x !== '' && y === '') return 1;
    const xi = /^[0-9]+$/.test(x);
    const yi = /^[0-9]+$/.test(y);
    if (xi && !yi) return -1;
    if (!xi && yi) return 1;
    const d = xi && yi ? cmp(goAtoi(x), goAtoi(y)) : cmp(x, y);
    if (d !== 0) return d;
    const moreX = i + 1 < xs.length;
    const moreY = i + 1 < ys.length;
    if (moreX && !moreY) return 1;
    if (!moreX && moreY) return -1;
    if (!moreX && !moreY) return 0;
  }
}

/** strconv.Atoi as semver uses it: out-of-range values fail and count as 0. */
function goAtoi(s: string): bigint {
  const n = BigInt(s);
  return n > INT64_MAX ? 0n : n;
}

// ---------------------------------------------------------------------------------------------
// regex: Go's regexp package (src/go/regexp.ts).

function goRegexp(pattern: string): GoRegexp {
  const r = compileGoRegexp(pattern);
  if ('error' in r) fail(r.error);
  return r;
}

// ---------------------------------------------------------------------------------------------
// object.subset

function objectGet(obj: Array<[RegoValue, RegoValue]>, key: RegoValue): RegoValue | undefined {
  for (const [k, v] of obj) if (regoValuesEqual(k, key)) return v;
  return undefined;
}

function setContains(set: RegoValue[], x: RegoValue): boolean {
  return set.some((e) => regoValuesEqual(e, x));
}

function objectSubset(sup: Array<[RegoValue, RegoValue]>, sub: Array<[RegoValue, RegoValue]>): boolean {
  for (const [k, subV] of sub) {
    const supV = objectGet(sup, k);
    if (!supV) return false;
    if (regoValuesEqual(subV, supV)) continue;
    if (supV.t === 'object' && subV.t === 'object') {
      if (!objectSubset(supV.v, subV.v)) return false;
    } else if (supV.t === 'set' && subV.t === 'set') {
      if (!subV.v.every((e) => setContains(supV.v, e))) return false;
    } else if (supV.t === 'array' && subV.t === 'array') {
      if (!arraySubset(supV.v, subV.v)) return false;
    } else return false;
  }
  return true;
}

function arraySubset(sup: RegoValue[], sub: RegoValue[]): boolean {
  if (sub.length > sup.length) return false;
  if (sub.length === sup.length && sub.every((x, i) => regoValuesEqual(x, sup[i] as RegoValue))) return true;
  let supCursor = 0;
  let subCursor = 0;
  for (;;) {
    if (subCursor === sub.length) return true;
    if (supCursor + subCursor === sup.length) return false;
    if (regoValuesEqual(sup[supCursor + subCursor] as RegoValue, sub[subCursor] as RegoValue)) subCursor++;
    else {
      supCursor++;
      subCursor = 0;
    }
  }
}

function builtinObjectSubset(sup: RegoValue | undefined, sub: RegoValue | undefined): RegoValue {
  if (!sup || !sub) fail('missing operand');
  if (sup.t === 'object' && sub.t === 'object') return regoBool(objectSubset(sup.v, sub.v));
  if (sup.t === 'set' && sub.t === 'set') return regoBool(sub.v.every((e) => setContains(sup.v, e)));
  if (sup.t === 'array' && sub.t === 'array') return regoBool(arraySubset(sup.v, sub.v));
  if (sup.t === 'array' && sub.t === 'set') {
    // topdown's arraySetSubset, quirks included: it stops once the count of matches reaches the
    // set's size (duplicates in the array count twice) and is false for an empty array.
    let unmatched = sub.v.length;
    for (const t of sup.v) {
      if (setContains(sub.v, t)) unmatched--;
      if (unmatched === 0) return regoTrue();
    }
    return regoBool(false);
  }
  fail('both arguments object.subset must be of the same type or array and set');
}

function regoTrue(): RegoValue {
  return regoBool(true);
}

// ---------------------------------------------------------------------------------------------
// numbers.range_step

/** Upper bound on generated arrays: OPA has none, but an unbounded range would exhaust memory. */
const MAX_RANGE_LENGTH = 10_000_000;

function rangeStep(a: RegoValue | undefined, b: RegoValue | undefined, s: RegoValue | undefined): RegoValue {
  const x = bigIntOperand(a, 1);
  const y = bigIntOperand(b, 2);
  const step = bigIntOperand(s, 3);
  if (step <= 0n) fail('numbers.range_step: step must be a positive integer');
  const span = x <= y ? y - x : x - y;
  // OPA would build it (or run out of memory): beyond preadmit's bound the evaluation fails, never undefined.
  if (span / step + 1n > BigInt(MAX_RANGE_LENGTH)) throw new Error(`range of more than ${MAX_RANGE_LENGTH} numbers: over preadmit's memory bound`);
  const out: RegoValue[] = [];
  if (x <= y) for (let i = x; i <= y; i += step) out.push(regoNumber(i));
  else for (let i = x; i >= y; i -= step) out.push(regoNumber(i));
  return regoArray(out);
}

// ---------------------------------------------------------------------------------------------
// time

const NS_PER_SEC = 1_000_000_000n;
const DAY_SEC = 86400n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month may be out of 1..12). */
function daysFromCivil(year: bigint, month: bigint, day: bigint): bigint {
  // normalise month into 1..12
  const m0 = month - 1n;
  year += floorDiv(m0, 12n);
  month = m0 - floorDiv(m0, 12n) * 12n + 1n;
  const y = month <= 2n ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const mp = (month + 9n) % 12n;
  const doy = (153n * mp + 2n) / 5n + day - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function civilFromDays(z: bigint): { year: number; month: number; day: number } {
  z += 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  return { year: Number(year), month: Number(month), day: Number(day) };
}

type Zone = { kind: 'utc' } | { kind: 'iana'; name: string; fmt: Intl.DateTimeFormat };

const zoneCache = new Map<string, Zone>();

function loadZone(name: string): Zone {
  if (name === '' || name === 'UTC') return { kind: 'utc' };
  const key = name === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: key,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    fail(`unknown time zone ${name}`);
  }
  const zone: Zone = { kind: 'iana', name: key, fmt };
  zoneCache.set(key, zone);
  return zone;
}

/** Offset from UTC in seconds of `zone` at the instant `unixSec`. */
function zoneOffset(zone: Zone, unixSec: bigint): bigint {
  if (zone.kind === 'utc') return 0n;
  const ms = Number(unixSec) * 1000;
  const parts = zone.fmt.formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const local =
    daysFromCivil(BigInt(year), BigInt(get('month')), BigInt(get('day'))) * DAY_SEC +
    BigInt(get('hour') * 3600 + get('minute') * 60 + get('second'));
  return local - unixSec;
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nsec: bigint;
  weekday: number;
}

function civilAt(ns: bigint, zone: Zone): Civil {
  const sec = floorDiv(ns, NS_PER_SEC);
  const nsec = ns - sec * NS_PER_SEC;
  const local = sec + zoneOffset(zone, sec);
  const days = floorDiv(local, DAY_SEC);
  const rem = Number(local - days * DAY_SEC);
  const { year, month, day } = civilFromDays(days);
  const weekday = Number(((days % 7n) + 11n) % 7n); // 1970-01-01 was a Thursday (4)
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    minute: Math.floor((rem % 3600) / 60),
    second: rem % 60,
    nsec,
    weekday,
  };
}

/** time.Date in `zone`: wall clock (fields may overflow) to Unix nanoseconds. */
function dateToNs(
  year: bigint, month: bigint, day: bigint, hour: bigint, minute: bigint, second: bigint, nsec: bigint, zone: Zone,
): bigint {
  const wall = daysFromCivil(year, month, day) * DAY_SEC + hour * 3600n + minute * 60n + second;
  let sec = wall;
  if (zone.kind !== 'utc') {
    // Go: look up the offset in effect at (wall - offset) and use it unless the transition moved.
    const off1 = zoneOffset(zone, wall);
    const guess = wall - off1;
    const off2 = zoneOffset(zone, guess);
    sec = off2 === off1 ? guess : wall - off2;
    if (off2 !== off1 && zoneOffset(zone, sec) !== off2) sec = guess;
  }
  return sec * NS_PER_SEC + nsec;
}

/** tzTime: a number of ns, or [ns, tz] / [ns, tz, layout]. */
function tzTime(v: RegoValue | undefined): { ns: bigint; zone: Zone; layout: string } {
  if (!v) fail('missing operand');
  let n: RegoValue | undefined;
  let zone: Zone = { kind: 'utc' };
  let layout = '';
  if (v.t === 'array') {
    if (v.v.length === 0) fail('operand 1 must be one of {number, array}');
    n = v.v[0];
    if (v.v.length > 1) zone = loadZone(str(v.v[1], 1));
    if (v.v.length > 2) layout = str(v.v[2], 1);
  } else if (v.t === 'number') n = v;
  else fail('operand 1 must be one of {number, array}');
  const ns = exactIntegerOfFloat(num(n, 1));
  return { ns, zone, layout };
}

/** builtins.NumberToFloat then Int64 with an exactness check: integer values within int64 only. */
function exactIntegerOfFloat(text: string): bigint {
  const i = numberToInt(text);
  if (i === undefined || i < INT64_MIN || i > INT64_MAX) fail('timestamp too big');
  return i;
}

function safeNs(ns: bigint): RegoValue {
  if (ns < INT64_MIN || ns > INT64_MAX) fail('time outside of valid range');
  return regoNumber(ns);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

function timeDiff(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  const t1 = tzTime(a);
  const t2 = tzTime(b);
  let x = t1.ns;
  let y = t2.ns;
  if (x > y) [x, y] = [y, x];
  const c1 = civilAt(x, t1.zone);
  const c2 = civilAt(y, t1.zone);
  let year = c2.year - c1.year;
  let month = c2.month - c1.month;
  let day = c2.day - c1.day;
  let hour = c2.hour - c1.hour;
  let min = c2.minute - c1.minute;
  let sec = c2.second - c1.second;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    // time.Date(y1, M1, 32).Day(): 32 past the month's length
    const overflow = 32 - daysIn(c1.month, c1.year);
    day += 32 - overflow;
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return regoArray([year, month, day, hour, min, sec].map(regoNumber));
}

/** time.ParseDuration */
function goParseDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') fail(`time: invalid duration ${JSON.stringify(orig)}`);
  const units: Record<string, bigint> = {
    ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: NS_PER_SEC, m: 60n * NS_PER_SEC, h: 3600n * NS_PER_SEC,
  };
  const LIMIT = 1n << 63n;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] !== undefined && s[0] >= '0' && s[0] <= '9'))) fail('time: invalid duration');
    let j = 0;
    let v = 0n;
    while (j < s.length && s[j] !== undefined && (s[j] as string) >= '0' && (s[j] as string) <= '9') {
      if (v > LIMIT / 10n) fail('time: invalid duration');
      v = v * 10n + BigInt((s[j] as string).charCodeAt(0) - 48);
      if (v > LIMIT) fail('time: invalid duration');
      j++;
    }
    const pre = j > 0;
    s = s.slice(j);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let k = 0;
      let overflow = false;
      while (k < s.length && (s[k] as string) >= '0' && (s[k] as string) <= '9') {
        if (!overflow) {
          if (f > (LIMIT - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt((s[k] as string).charCodeAt(0) - 48);
            if (y > LIMIT) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        k++;
      }
      post = k > 0;
      s = s.slice(k);
    }
    if (!pre && !post) fail('time: invalid duration');
    let k = 0;
    while (k < s.length && s[k] !== '.' && !((s[k] as string) >= '0' && (s[k] as string) <= '9')) k++;
    if (k === 0) fail('time: missing unit in duration');
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = Object.hasOwn(units, u) ? units[u] : undefined;
    if (unit === undefined) fail(`time: unknown unit ${JSON.stringify(u)} in duration`);
    if (v > LIMIT / unit) fail('time: invalid duration');
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) fail('time: invalid duration');
    }
    d += v;
    if (d > LIMIT) fail('time: invalid duration');
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) fail('time: invalid duration');
  return d;
}

/** topdown's parseExtendedDuration: d, w and y units rewritten as hours. */
function parseExtendedDuration(s: string): bigint {
  if (s === '') fail('time: invalid duration ""');
  if (!/[dwy]/.test(s)) return goParseDuration(s);
  const m = /^([-+]?)((?:[0-9.]+(?:ms|us|µs|ns|[a-z]))+)$/.exec(s);
  if (!m) fail(`time: invalid duration ${JSON.stringify(s)}`);
  let rewritten = m[1] ?? '';
  for (const seg of (m[2] ?? '').matchAll(/([0-9.]+)(ms|us|µs|ns|[a-z])/g)) {
    const digits = seg[1] ?? '';
    const unit = seg[2] ?? '';
    const coeff = unit === 'd' ? 24 : unit === 'w' ? 168 : unit === 'y' ? 8760 : 0;
    if (coeff === 0) {
      rewritten += digits + unit;
      continue;
    }
    if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(digits)) fail(`time: invalid duration ${JSON.stringify(s)}`);
    const hours = Number(digits) * coeff;
    rewritten += formatShortestFixed(hours) + 'h';
  }
  return goParseDuration(rewritten);
}

/** strconv.FormatFloat(x, 'f', -1, 64) */
function formatShortestFixed(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const [m, e] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = m.replace('.', '');
  const dp = Number(e) + 1;
  let out: string;
  if (dp <= 0) out = '0.' + '0'.repeat(-dp) + digits;
  else if (dp >= digits.length) out = digits + '0'.repeat(dp - digits.length);
  else out = digits.slice(0, dp) + '.' + digits.slice(dp);
  if (x === 0) out = '0';
  return (x < 0 ? '-' : '') + out;
}

// time.Parse, for Go reference layouts.

const LAYOUT_CONSTANTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
};

type Std =
  | 'Jan' | 'January' | 'Mon' | 'Monday' | 'MST' | '01' | '02' | '03' | '04' | '05' | '06' | '002' | '1' | '15'
  | '2006' | '2' | '_2' | '__2' | '3' | '4' | '5' | 'PM' | 'pm'
  | '-070000' | '-07:00:00' | '-0700' | '-07:00' | '-07' | 'Z070000' | 'Z07:00:00' | 'Z0700' | 'Z07:00' | 'Z07'
  | 'frac0' | 'frac9';

interface Chunk {
  prefix: string;
  std?: Std;
  fracDigits: number;
  /** The separator of a fractional-seconds chunk: `.` or `,`. */
  sep?: string;
  suffix: string;
}

function startsWithLower(s: string): boolean {
  return s.length > 0 && s[0] !== undefined && s[0] >= 'a' && s[0] <= 'z';
}

function nextStdChunk(layout: string): Chunk {
  const at = (i: number, s: string) => layout.startsWith(s, i);
  const mk = (i: number, std: Std, len: number, fracDigits = 0): Chunk => ({
    prefix: layout.slice(0, i),
    std,
    fracDigits,
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    switch (c) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return mk(i, 'January', 7);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, 'Jan', 3);
        }
        break;
      case 'M':
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return mk(i, 'Monday', 6);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, 'Mon', 3);
        }
        if (at(i, 'MST')) return mk(i, 'MST', 3);
        break;
      case '0': {
        const d = layout[i + 1];
        if (d !== undefined && d >= '1' && d <= '6') return mk(i, ('0' + d) as Std, 2);
        if (at(i, '002')) return mk(i, '002', 3);
        break;
      }
      case '1':
        if (at(i, '15')) return mk(i, '15', 2);
        return mk(i, '1', 1);
      case '2':
        if (at(i, '2006')) return mk(i, '2006', 4);
        return mk(i, '2', 1);
      case '_':
        if (layout[i + 1] === '2') {
          if (at(i + 1, '2006')) return { prefix: layout.slice(0, i + 1), std: '2006', fracDigits: 0, suffix: layout.slice(i + 5) };
          return mk(i, '_2', 2);
        }
        if (at(i, '__2')) return mk(i, '__2', 3);
        break;
      case '3':
        return mk(i, '3', 1);
      case '4':
        return mk(i, '4', 1);
      case '5':
        return mk(i, '5', 1);
      case 'P':
        if (layout[i + 1] === 'M') return mk(i, 'PM', 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return mk(i, 'pm', 2);
        break;
      case '-':
        for (const s of ['-070000', '-07:00:00', '-0700', '-07:00', '-07'] as const) if (at(i, s)) return mk(i, s, s.length);
        break;
      case 'Z':
        for (const s of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07'] as const) if (at(i, s)) return mk(i, s, s.length);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          const next = layout[j];
          if (!(next !== undefined && next >= '0' && next <= '9')) {
            return { ...mk(i, ch === '0' ? 'frac0' : 'frac9', j - i, j - (i + 1)), sep: c };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, fracDigits: 0, suffix: '' };
}

/** Go's appendInt: a '-' sign, then at least `width` digits. */
function goPadInt(x: number | bigint, width: number): string {
  const neg = x < 0;
  const digits = (neg ? -BigInt(x) : BigInt(x)).toString().padStart(width, '0');
  return (neg ? '-' : '') + digits;
}

/**
 * Go's Time.Format (appendFormat) for a time in `zone`. A zone's abbreviation (`MST`) is only known for UTC:
 * for another zone Go prints the tz database's abbreviation, which Intl does not give, so that layout fails.
 */
function goTimeFormat(ns: bigint, zone: Zone, layoutIn: string): string {
  const c = civilAt(ns, zone);
  const offset = Number(zoneOffset(zone, floorDiv(ns, NS_PER_SEC)));
  const yday = Number(daysFromCivil(BigInt(c.year), BigInt(c.month), BigInt(c.day)) - daysFromCivil(BigInt(c.year), 1n, 1n)) + 1;
  const nsec = Number(c.nsec);
  let out = '';
  let layout = layoutIn;
  while (layout !== '') {
    const chunk = nextStdChunk(layout);
    out += chunk.prefix;
    layout = chunk.suffix;
    if (!chunk.std) break;
    const std = chunk.std;
    switch (std) {
      case '06':
        out += goPadInt(((c.year % 100) + 100) % 100, 2);
        break;
      case '2006':
        out += goPadInt(c.year, 4);
        break;
      case 'Jan':
        out += (MONTHS[c.month - 1] as string).slice(0, 3);
        break;
      case 'January':
        out += MONTHS[c.month - 1] as string;
        break;
      case '1':
        out += String(c.month);
        break;
      case '01':
        out += goPadInt(c.month, 2);
        break;
      case 'Mon':
        out += (WEEKDAYS[c.weekday] as string).slice(0, 3);
        break;
      case 'Monday':
        out += WEEKDAYS[c.weekday] as string;
        break;
      case '2':
        out += String(c.day);
        break;
      case '_2':
        out += c.day < 10 ? ` ${c.day}` : String(c.day);
        break;
      case '02':
        out += goPadInt(c.day, 2);
        break;
      case '__2':
        out += String(yday).padStart(3, ' ');
        break;
      case '002':
        out += goPadInt(yday, 3);
        break;
      case '15':
        out += goPadInt(c.hour, 2);
        break;
      case '3':
        out += String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        break;
      case '03':
        out += goPadInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case '4':
        out += String(c.minute);
        break;
      case '04':
        out += goPadInt(c.minute, 2);
        break;
      case '5':
        out += String(c.second);
        break;
      case '05':
        out += goPadInt(c.second, 2);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST': {
        if (zone.kind !== 'utc') fail('time zone abbreviations are only known for UTC');
        out += 'UTC';
        break;
      }
      case 'frac0':
      case 'frac9': {
        const n = chunk.fracDigits;
        if (std === 'frac9' && (n === 0 || nsec === 0)) break;
        const sep = chunk.sep ?? '.';
        let digits = goPadInt(nsec, 9).slice(0, n);
        if (std === 'frac9') digits = digits.replace(/0+$/, '');
        out += digits === '' ? '' : sep + digits;
        break;
      }
      default: {
        // The numeric zones: -0700, -07:00, -07, the seconds forms, and the Z forms (Z for UTC).
        if (std.startsWith('Z') && offset === 0) {
          out += 'Z';
          break;
        }
        const minutes = Math.trunc(offset / 60);
        out += minutes < 0 ? '-' : '+';
        const z = Math.abs(minutes);
        out += goPadInt(Math.floor(z / 60), 2);
        const colon = std.includes(':');
        if (std !== '-07' && std !== 'Z07') out += (colon ? ':' : '') + goPadInt(z % 60, 2);
        if (std === '-070000' || std === '-07:00:00' || std === 'Z070000' || std === 'Z07:00:00') {
          out += (colon ? ':' : '') + goPadInt(Math.abs(offset) % 60, 2);
        }
      }
    }
  }
  return out;
}

function timeFormat(v: RegoValue | undefined): RegoValue {
  const { ns, zone, layout } = tzTime(v);
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : undefined;
  return regoString(goTimeFormat(ns, zone, layout === '' ? (LAYOUT_CONSTANTS.RFC3339Nano as string) : (constant ?? layout)));
}

function isDigitAt(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && c >= '0' && c <= '9';
}

function goTimeParse(layoutIn: string, valueIn: string): bigint {
  let layout = layoutIn;
  let value = valueIn;
  const bad = (): never => fail(`parsing time ${JSON.stringify(valueIn)} as ${JSON.stringify(layoutIn)}: cannot parse`);
  const getnum = (fixed: boolean): number => {
    if (!isDigitAt(value, 0)) bad();
    if (!isDigitAt(value, 1)) {
      if (fixed) bad();
      const n = value.charCodeAt(0) - 48;
      value = value.slice(1);
      return n;
    }
    const n = (value.charCodeAt(0) - 48) * 10 + (value.charCodeAt(1) - 48);
    value = value.slice(2);
    return n;
  };
  const skip = (prefix: string) => {
    let p = prefix;
    while (p.length > 0) {
      if (p[0] === ' ') {
        if (value.length > 0 && value[0] !== ' ') bad();
        p = p.replace(/^ +/, '');
        value = value.replace(/^ +/, '');
        continue;
      }
      if (value.length === 0 || value[0] !== p[0]) bad();
      p = p.slice(1);
      value = value.slice(1);
    }
  };
  const lookup = (tab: string[]): number => {
    for (let k = 0; k < tab.length; k++) {
      const v = tab[k] as string;
      if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
        value = value.slice(v.length);
        return k;
      }
    }
    return bad();
  };
  const nanos = (n: number): bigint => {
    // parseNanoseconds: value[0] is '.' or ',', digits follow
    if (value[0] !== '.' && value[0] !== ',') bad();
    const digits = value.slice(1, Math.min(n, 10));
    if (!/^[0-9]*$/.test(digits) || digits === '') bad();
    value = value.slice(n);
    return BigInt(digits.padEnd(9, '0').slice(0, 9));
  };
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0n;
  let utc = false;
  let zoneOffsetSec: number | undefined;
  let zoneName = '';
  let amSet = false;
  let pmSet = false;
  for (;;) {
    const ch = nextStdChunk(layout);
    skip(ch.prefix);
    if (!ch.std) {
      if (value.length !== 0) bad();
      break;
    }
    layout = ch.suffix;
    switch (ch.std) {
      case '06': {
        if (value.length < 2 || !/^[0-9]{2}/.test(value)) bad();
        year = Number(value.slice(0, 2));
        value = value.slice(2);
        year += year >= 69 ? 1900 : 2000;
        break;
      }
      case '2006':
        if (value.length < 4 || !isDigitAt(value, 0) || !/^[0-9]{4}/.test(value)) bad();
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case 'Jan':
        month = lookup(MONTHS.map((m) => m.slice(0, 3))) + 1;
        break;
      case 'January':
        month = lookup(MONTHS) + 1;
        break;
      case '1':
      case '01':
        month = getnum(ch.std === '01');
        if (month <= 0 || month > 12) bad();
        break;
      case 'Mon':
        lookup(WEEKDAYS.map((d) => d.slice(0, 3)));
        break;
      case 'Monday':
        lookup(WEEKDAYS);
        break;
      case '2':
      case '_2':
      case '02':
        if (ch.std === '_2' && value[0] === ' ') value = value.slice(1);
        day = getnum(ch.std === '02');
        break;
      case '__2':
      case '002': {
        for (let k = 0; k < 2; k++) if (ch.std === '__2' && value[0] === ' ') value = value.slice(1);
        const m = /^[0-9]{1,3}/.exec(value);
        if (!m || (ch.std === '002' && m[0].length !== 3)) bad();
        yday = Number(m?.[0]);
        value = value.slice(m?.[0].length ?? 0);
        break;
      }
      case '15':
        hour = getnum(false);
        if (hour < 0 || hour >= 24) bad();
        break;
      case '3':
      case '03':
        hour = getnum(ch.std === '03');
        if (hour < 0 || hour > 12) bad();
        break;
      case '4':
      case '04':
        min = getnum(ch.std === '04');
        if (min < 0 || min >= 60) bad();
        break;
      case '5':
      case '05': {
        sec = getnum(ch.std === '05');
        if (sec < 0 || sec >= 60) bad();
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === 'frac0' || next === 'frac9') break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          nsec = nanos(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        if (value.length < 2) bad();
        const p = value.slice(0, 2);
        value = value.slice(2);
        const pm = ch.std === 'PM' ? 'PM' : 'pm';
        const am = ch.std === 'PM' ? 'AM' : 'am';
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad();
        break;
      }
      case 'Z070000':
      case 'Z07:00:00':
      case 'Z0700':
      case 'Z07:00':
      case 'Z07':
        if (value[0] === 'Z') {
          value = value.slice(1);
          utc = true;
          break;
        }
      // falls through
      case '-070000':
      case '-07:00:00':
      case '-0700':
      case '-07:00':
      case '-07': {
        const form = ch.std.slice(1);
        let sign: string;
        let hh: string;
        let mm = '00';
        let ss = '00';
        if (form === '07:00') {
          if (value.length < 6 || value[3] !== ':') bad();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6)];
          value = value.slice(6);
        } else if (form === '07') {
          if (value.length < 3) bad();
          [sign, hh] = [value.slice(0, 1), value.slice(1, 3)];
          value = value.slice(3);
        } else if (form === '07:00:00') {
          if (value.length < 9 || value[3] !== ':' || value[6] !== ':') bad();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          value = value.slice(9);
        } else if (form === '070000') {
          if (value.length < 7) bad();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          value = value.slice(7);
        } else {
          if (value.length < 5) bad();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5)];
          value = value.slice(5);
        }
        if (![hh, mm, ss].every((x) => /^[0-9]{2}$/.test(x))) bad();
        const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
        if (h > 24 || mi > 60 || s > 60) bad();
        let off = (h * 60 + mi) * 60 + s;
        if (sign === '-') off = -off;
        else if (sign !== '+') bad();
        zoneOffsetSec = off;
        break;
      }
      case 'MST': {
        if (value.startsWith('UTC')) {
          utc = true;
          value = value.slice(3);
          break;
        }
        const n = timeZoneNameLength(value);
        if (n <= 0) bad();
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'frac0': {
        const ndigit = 1 + ch.fracDigits;
        if (value.length < ndigit) bad();
        nsec = nanos(ndigit);
        break;
      }
      case 'frac9': {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) break;
        let k = 0;
        while (k + 1 < value.length && isDigitAt(value, k + 1)) k++;
        nsec = nanos(1 + k);
        break;
      }
    }
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    let d = 0;
    let m = 0;
    const leap = daysIn(2, year) === 29;
    if (leap) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) bad();
    if (m === 0) {
      const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      m = Math.floor((yday - 1) / 31) + 1;
      if ((before[m] as number) < yday) m++;
      d = yday - (before[m - 1] as number);
    }
    if (month >= 0 && month !== m) bad();
    month = m;
    if (day >= 0 && day !== d) bad();
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) bad();
  const wall = dateToNs(BigInt(year), BigInt(month), BigInt(day), BigInt(hour), BigInt(min), BigInt(sec), nsec, { kind: 'utc' });
  if (utc) return wall;
  if (zoneOffsetSec !== undefined) return wall - BigInt(zoneOffsetSec) * NS_PER_SEC;
  // A zone abbreviation (even "GMT+3") only names a fabricated location: the instant stays the
  // wall clock read as UTC, since Parse's local zone here is UTC.
  void zoneName;
  return wall;
}

/** time's parseTimeZone: the length of a zone abbreviation at the start of `value`, or 0. */
function timeZoneNameLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) {
    const m = /^[+-]([0-9]+)/.exec(value.slice(3));
    if (!m) return 3;
    const h = Number(m[1]);
    return h === 0 || h < -23 || h > 23 ? 3 : 3 + m[0].length;
  }
  if (value[0] === '+' || value[0] === '-') {
    const m = /^[+-]([0-9]+)/.exec(value);
    if (!m) return 0;
    const h = Number(m[1]);
    return h === 0 || h > 23 ? 0 : m[0].length;
  }
  let upper = 0;
  while (upper < 6 && upper < value.length && /[A-Z]/.test(value[upper] as string)) upper++;
  switch (upper) {
    case 5:
      return value[4] === 'T' ? 5 : 0;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}

function timeParse(layout: string, value: string): RegoValue {
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : undefined;
  return safeNs(goTimeParse(constant ?? layout, value));
}

function addDate(t: RegoValue | undefined, y: RegoValue | undefined, m: RegoValue | undefined, d: RegoValue | undefined): RegoValue {
  const { ns, zone } = tzTime(t);
  const years = intOperand(y, 2);
  const months = intOperand(m, 3);
  const days = intOperand(d, 4);
  const c = civilAt(ns, zone);
  const result = dateToNs(
    BigInt(c.year + years), BigInt(c.month + months), BigInt(c.day + days),
    BigInt(c.hour), BigInt(c.minute), BigInt(c.second), c.nsec, zone,
  );
  return safeNs(result);
}

// ---------------------------------------------------------------------------------------------
// Builtins the wasm runtime has natively with other semantics than Go's (routed to the host by
// sorted-module.ts).



/**
 * OPA's format_int: the number as a big.Float (SetString: 64-bit mantissa, rounded half to even), then
 * truncated toward zero, in base 2, 8, 10 or 16.
 */
function formatInt(n: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  const text = num(n, 1);
  const base = Number(num(b, 2));
  if (![2, 8, 10, 16].includes(base)) fail('operand 2 must be one of {2, 8, 10, 16}');
  const int = floatOpInt(() => numberToFloat(text));
  return regoString(int.toString(base));
}

/**
 * OPA's replace: strings.ReplaceAll; with an empty `old` Go inserts between UTF-8 bytes as OPA
 * passes them, so each byte of a multi-byte character stands alone (and prints as U+FFFD).
 */
function goReplaceAll(s: string, old: string, rep: string): string {
  if (old !== '') return s.split(old).join(rep);
  const units = Array.from(Buffer.from(s, 'utf8'), (byte) => (byte < 0x80 ? String.fromCharCode(byte) : '\ufffd'));
  return rep + units.join(rep) + (s === '' ? '' : rep);
}


interface GoIPNet {
  ip: number[];
  mask: number[];
}

/** Go's net.ParseCIDR. */
function goParseCIDR(s: string): GoIPNet | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const iplen = addr.includes(':') ? 16 : 4;
  const ip = iplen === 4 ? goParseIPv4(addr) : goParseIPv6(addr);
  if (!ip || !/^[0-9]{1,3}$/.test(bits)) return undefined;
  const n = Number(bits);
  if (n > iplen * 8) return undefined;
  const mask = Array.from({ length: iplen }, (_, i) => (i * 8 + 8 <= n ? 0xff : i * 8 >= n ? 0 : (0xff << (8 - (n - i * 8))) & 0xff));
  return { ip: ip.map((b, i) => b & mask[i]!), mask };
}

/** Go's (*net.IPNet).Contains. */
function ipNetContains(net: GoIPNet, query: number[]): boolean {
  const nn = to4(net.ip) ?? net.ip;
  let m = net.mask;
  if (m.length === 4 && nn.length !== 4) return false;
  if (m.length === 16 && nn.length === 4) m = m.slice(12);
  const ip = to4(query) ?? query;
  if (ip.length !== nn.length) return false;
  return ip.every((b, i) => (nn[i]! & m[i]!) === (b & m[i]!));
}

/** OPA's net.cidr_expand: every address of the network, from the masked address up (as Go increments it). */
function cidrExpand(v: RegoValue | undefined): RegoValue {
  const text = str(v, 1);
  const net = goParseCIDR(text);
  if (!net) fail(`invalid CIDR address: ${text}`);
  const out: RegoValue[] = [];
  const ip = [...net.ip];
  while (ipNetContains(net, ip)) {
    out.push(regoString(goIPString(ip)));
    for (let j = ip.length - 1; j >= 0; j--) {
      ip[j] = (ip[j]! + 1) & 0xff;
      if (ip[j] !== 0) break;
    }
  }
  return { t: 'set', v: out };
}

/**
 * OPA's max and min: the greatest (least) element in OPA's order, the LAST of equal ones (1 and 1.0 compare
 * equal: max([1, 1.0]) is 1.0); undefined for an empty collection.
 */
function aggregateExtreme(v: RegoValue | undefined, sign: 1 | -1): RegoValue {
  if (!v || (v.t !== 'array' && v.t !== 'set')) fail('operand 1 must be one of {array, set}');
  let best: RegoValue | undefined;
  for (const x of v.t === 'set' ? [...v.v].sort(compareRegoValues) : v.v) {
    if (best === undefined || sign * compareRegoValues(best, x) <= 0) best = x;
  }
  if (best === undefined) fail('empty collection');
  return best;
}

/**
 * OPA's to_number: null 0, booleans 1/0, numbers as they are, a string that is a JSON number and a finite
 * float64 (Go's ParseFloat: "1e400" is out of range, so undefined) keeps its text; anything else is undefined.
 */
function toNumber(v: RegoValue | undefined): RegoValue {
  if (!v) fail('operand 1 is undefined');
  switch (v.t) {
    case 'null':
      return regoNumber(0);
    case 'boolean':
      return regoNumber(v.v ? 1 : 0);
    case 'number':
      return v;
    case 'string':
      if (!isNumberText(v.v) || !Number.isFinite(Number(v.v))) fail(`invalid number: ${JSON.stringify(v.v)}`);
      return regoNumber(v.v);
    default:
      fail('operand 1 must be one of {null, boolean, number, string}');
  }
}

/** gobwas/glob's QuoteMeta (OPA's glob.quote_meta): a backslash before each of `*?\\[]{}`. */
function globQuoteMeta(s: string): string {
  return s.replace(/[*?\\[\]{}]/g, (c) => `\\${c}`);
}

/** Go's url.QueryEscape: unreserved bytes kept, space as `+`, every other byte `%XX`. */
function goQueryEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's url.QueryUnescape: `+` is a space, `%XX` a byte; a bad escape is an error. */
function goQueryUnescape(s: string): string {
  const bytes: number[] = [];
  const text = Buffer.from(s, 'utf8');
  for (let i = 0; i < text.length; i++) {
    const b = text[i]!;
    if (b === 0x25) {
      const hex = text.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) fail(`urlquery.decode: invalid URL escape "${hex}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(b === 0x2b ? 0x20 : b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** OPA's net.cidr_contains: b is an IP, else a CIDR whose first and last addresses must both be in a. */
function cidrContains(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  const net = goParseCIDR(str(a, 1));
  if (!net) fail(`invalid CIDR address: ${str(a, 1)}`);
  const text = str(b, 2);
  const ip = goParseIP(text);
  if (ip) return regoBool(ipNetContains(net, ip));
  const inner = goParseCIDR(text);
  if (!inner) fail(`not a valid textual representation of an IP address or CIDR: ${text}`);
  const last = inner.ip.map((x, i) => x | (~inner.mask[i]! & 0xff));
  return regoBool(ipNetContains(net, inner.ip) && ipNetContains(net, last));
}

/**
 * OPA's json.marshal: the value converted as ast.JSON converts it (sets become arrays, a non-string object
 * key becomes its own JSON text, numbers keep their text as json.Number), then written by Go's json.Marshal
 * (map keys in byte order, the last of equal keys kept in OPA's sorted iteration, HTML characters and
 * U+2028/U+2029 escaped).
 */
function goJsonMarshal(v: RegoValue): string {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'boolean':
      return v.v ? 'true' : 'false';
    case 'number':
      return v.v;
    case 'string':
      return goString(v.v);
    case 'array':
    case 'set':
      return `[${v.v.map(goJsonMarshal).join(',')}]`;
    case 'object': {
      const byKey = new Map<string, string>();
      const entries = [...v.v].sort(([a], [b]) => compareRegoValues(a, b));
      for (const [k, x] of entries) byKey.set(k.t === 'string' ? k.v : goJsonMarshal(k), goJsonMarshal(x));
      const keys = [...byKey.keys()].sort(goCompare);
      return `{${keys.map((k) => `${goString(k)}:${byKey.get(k)!}`).join(',')}}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// regex.template_match: topdown's compileRegexTemplate (one-byte delimiters around regexp parts, the rest
// quoted), then a match of the whole string.

function delimiterIndices(s: string, start: string, end: string): number[] {
  let level = 0;
  let idx = 0;
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === start) {
      if (++level === 1) idx = i;
    } else if (s[i] === end) {
      if (--level === 0) out.push(idx, i + 1);
      else if (level < 0) fail(`unbalanced braces in ${JSON.stringify(s)}`);
    }
  }
  if (level !== 0) fail(`unbalanced braces in ${JSON.stringify(s)}`);
  return out;
}

function regexTemplateMatch(p: RegoValue | undefined, m: RegoValue | undefined, s: RegoValue | undefined, e: RegoValue | undefined): RegoValue {
  const template = str(p, 1);
  const text = str(m, 2);
  const start = str(s, 3);
  const end = str(e, 4);
  // Go counts bytes: a delimiter is one ASCII character.
  if (Buffer.byteLength(start) !== 1) fail('start delimiter has to be exactly one character long');
  if (Buffer.byteLength(end) !== 1) fail('end delimiter has to be exactly one character long');
  const idxs = delimiterIndices(template, start, end);
  let pattern = '^';
  let last = 0;
  for (let i = 0; i < idxs.length; i += 2) {
    const raw = template.slice(last, idxs[i]);
    last = idxs[i + 1] as number;
    const part = template.slice((idxs[i] as number) + 1, last - 1);
    pattern += `${goQuoteMeta(raw)}(${part})`;
    goRegexp(`^${part}$`);
  }
  pattern += `${goQuoteMeta(template.slice(last))}$`;
  return regoBool(goRegexp(pattern).matchString(text));
}

// ---------------------------------------------------------------------------------------------
// json.patch: OPA's edit tree (internal/edittree) applying RFC 6902 operations in order.

/** edittree's toIndex: a number or a string (`-` is the end; no leading zeros) as an int. */
function patchIndex(length: number, key: RegoValue): number {
  let text: string;
  if (key.t === 'number') text = key.v;
  else if (key.t === 'string') {
    if (key.v === '-') return length;
    if (key.v !== '0' && key.v.startsWith('0')) fail('leading zeros are not allowed in JSON paths');
    text = key.v;
  } else fail('invalid type for indexing');
  const i = goParseInt64(text);
  if (i === undefined) fail('invalid number type for indexing');
  return i > BigInt(Number.MAX_SAFE_INTEGER) || i < -BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(i);
}

/** The child at `key` (edittree Unfold of one segment), or an error when it does not exist. */
function patchChild(v: RegoValue, key: RegoValue): RegoValue {
  switch (v.t) {
    case 'object': {
      const x = objectGet(v.v, key);
      if (!x) fail('path does not exist in object term');
      return x;
    }
    case 'set':
      if (!setContains(v.v, key)) fail('path does not exist in set term');
      return key;
    case 'array': {
      const i = patchIndex(v.v.length, key);
      if (i < 0 || i >= v.v.length) fail('path does not exist in array term');
      return v.v[i] as RegoValue;
    }
    default:
      fail('expected composite type');
  }
}

/** Rebuilds `v` with the node at `path` transformed by `edit` (which gets the parent and the last key). */
function patchAt(v: RegoValue, path: RegoValue[], edit: (parent: RegoValue, key: RegoValue) => RegoValue): RegoValue {
  const [key, ...rest] = path;
  if (key === undefined) fail('empty path');
  if (rest.length === 0) return edit(v, key);
  const child = patchAt(patchChild(v, key), rest, edit);
  return patchReplaceChild(v, key, child);
}

function patchReplaceChild(v: RegoValue, key: RegoValue, child: RegoValue): RegoValue {
  switch (v.t) {
    case 'object':
      return { t: 'object', v: v.v.map(([k, x]) => [k, regoValuesEqual(k, key) ? child : x]) };
    case 'set':
      return { t: 'set', v: [...v.v.filter((x) => !regoValuesEqual(x, key)), child] };
    case 'array': {
      const i = patchIndex(v.v.length, key);
      return { t: 'array', v: v.v.map((x, j) => (j === i ? child : x)) };
    }
    default:
      fail('expected composite type');
  }
}

function patchInsert(parent: RegoValue, key: RegoValue, value: RegoValue): RegoValue {
  switch (parent.t) {
    case 'object':
      return { t: 'object', v: [...parent.v.filter(([k]) => !regoValuesEqual(k, key)), [key, value]] };
    case 'set':
      if (!regoValuesEqual(key, value)) fail('set key does not equal value to be inserted');
      return { t: 'set', v: [...parent.v.filter((x) => !regoValuesEqual(x, key)), value] };
    case 'array': {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i > parent.v.length) fail('index for array insertion out of bounds');
      return { t: 'array', v: [...parent.v.slice(0, i), value, ...parent.v.slice(i)] };
    }
    default:
      fail('expected composite type');
  }
}

function patchDelete(parent: RegoValue, key: RegoValue): RegoValue {
  switch (parent.t) {
    case 'object':
      if (!objectGet(parent.v, key)) fail('cannot delete child key that does not exist');
      return { t: 'object', v: parent.v.filter(([k]) => !regoValuesEqual(k, key)) };
    case 'set':
      if (!setContains(parent.v, key)) fail('cannot delete child key that does not exist');
      return { t: 'set', v: parent.v.filter((x) => !regoValuesEqual(x, key)) };
    case 'array': {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i >= parent.v.length) fail('index for array delete out of bounds');
      return { t: 'array', v: parent.v.filter((_, j) => j !== i) };
    }
    default:
      fail('expected composite type');
  }
}

/** json.filter/json.patch's parsePath: a JSON pointer (`~1`, `~0` unescaped) or an array of segments. */
function patchPath(p: RegoValue): RegoValue[] {
  if (p.t === 'array') return p.v;
  if (p.t !== 'string') fail('must be one of {set, array} containing string paths or array of path segments');
  if (p.v === '') return [];
  return p.v
    .replace(/^\/+/, '')
    .split('/')
    .map((part) => regoString(part.replaceAll('~1', '/').replaceAll('~0', '~')));
}

function jsonPatch(target: RegoValue | undefined, ops: RegoValue | undefined): RegoValue {
  if (!target) fail('missing operand');
  if (!ops || ops.t !== 'array') fail('operand 2 must be array');
  let doc: RegoValue | undefined = target;
  const render = (path: RegoValue[]): RegoValue => {
    if (!doc) fail('deleted node encountered');
    return path.reduce((v, k) => patchChild(v, k), doc);
  };
  const insert = (path: RegoValue[], value: RegoValue) => {
    if (path.length === 0) doc = value;
    else if (!doc) fail('deleted node encountered during insert operation');
    else doc = patchAt(doc, path, (parent, key) => patchInsert(parent, key, value));
  };
  const remove = (path: RegoValue[]) => {
    if (!doc) fail('deleted node encountered during delete operation');
    doc = path.length === 0 ? undefined : patchAt(doc, path, patchDelete);
  };
  for (const op of ops.v) {
    if (op.t !== 'object') fail('must be an array of JSON-Patch objects, but at least one element is not an object');
    const attr = (name: string) => objectGet(op.v, regoString(name));
    const pathValue = attr('path');
    if (!pathValue) fail("missing required attribute 'path'");
    const kind = attr('op');
    if (!kind) fail("missing required attribute 'op'");
    if (kind.t !== 'string') fail("attribute 'op' must be a string");
    const path = patchPath(pathValue);
    const value = () => attr('value') ?? fail("missing required attribute 'value'");
    const from = () => patchPath(attr('from') ?? fail("missing required attribute 'from'"));
    switch (kind.v) {
      case 'add':
        insert(path, value());
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        remove(path);
        insert(path, value());
        break;
      case 'move': {
        const f = from();
        const chunk = render(f);
        remove(f);
        insert(path, chunk);
        break;
      }
      case 'copy':
        insert(path, render(from()));
        break;
      case 'test':
        if (!regoValuesEqual(render(path), value())) fail('value from EditTree != patch value');
        break;
      default:
        fail(`unrecognized op: '${kind.v}'`);
    }
  }
  if (!doc) fail('the whole document was removed');
  return doc;
}

// ---------------------------------------------------------------------------------------------
// uuid.parse: github.com/google/uuid's Parse and OPA's internal/uuid fillMap.

function uuidBytes(s: string): number[] | undefined {
  const bytes = Buffer.from(s, 'utf8');
  const hexAt = (text: Buffer, i: number): number | undefined => {
    const pair = text.subarray(i, i + 2).toString('latin1');
    return /^[0-9a-fA-F]{2}$/.test(pair) ? parseInt(pair, 16) : undefined;
  };
  let text = bytes;
  switch (bytes.length) {
    case 36:
      break;
    case 45:
      if (bytes.subarray(0, 9).toString('latin1').toLowerCase() !== 'urn:uuid:') return undefined;
      text = bytes.subarray(9);
      break;
    case 38:
      text = bytes.subarray(1);
      break;
    case 32: {
      const out: number[] = [];
      for (let i = 0; i < 16; i++) {
        const b = hexAt(bytes, i * 2);
        if (b === undefined) return undefined;
        out.push(b);
      }
      return out;
    }
    default:
      return undefined;
  }
  if (text[8] !== 0x2d || text[13] !== 0x2d || text[18] !== 0x2d || text[23] !== 0x2d) return undefined;
  const out: number[] = [];
  for (const x of [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]) {
    const b = hexAt(text, x);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return out;
}

function uuidParse(v: RegoValue | undefined): RegoValue {
  const u = uuidBytes(str(v, 1));
  // OPA returns no value (not an error) for text that is not a UUID: undefined either way.
  if (!u) fail('invalid UUID');
  const b = (i: number) => u[i] as number;
  const version = b(6) >> 4;
  const v8 = b(8);
  const variant = (v8 & 0xc0) === 0x80 ? 'RFC4122' : (v8 & 0xe0) === 0xc0 ? 'Microsoft' : (v8 & 0xe0) === 0xe0 ? 'Future' : 'Reserved';
  const entries: Array<[RegoValue, RegoValue]> = [
    [regoString('version'), regoNumber(version)],
    [regoString('variant'), regoString(variant)],
  ];
  if (version === 1 || version === 2) {
    const t = (BigInt((b(0) << 24) >>> 0) | BigInt((b(1) << 16) | (b(2) << 8) | b(3))) | (BigInt((b(4) << 8) | b(5)) << 32n) | (BigInt(((b(6) << 8) | b(7)) & 0xfff) << 48n);
    // UnixTime: (t - 1582 epoch) in 100 ns steps, as seconds and nanoseconds, then sec*1e9 + nsec in int64.
    const d = t - 122192928000000000n;
    const sec = d / 10_000_000n;
    const nsec = (d % 10_000_000n) * 100n;
    const node = u.slice(10, 16);
    const first = node[0] as number;
    const mac = (first & 3) === 3 ? 'local:multicast' : (first & 1) === 1 ? 'global:multicast' : (first & 2) === 2 ? 'local:unicast' : 'global:unicast';
    entries.push(
      [regoString('time'), regoNumber(BigInt.asIntN(64, BigInt.asIntN(64, sec * 1_000_000_000n) + nsec))],
      [regoString('nodeid'), regoString(node.map((x) => x.toString(16).padStart(2, '0')).join('-'))],
      [regoString('macvariables'), regoString(mac)],
      [regoString('clocksequence'), regoNumber(((b(8) << 8) | b(9)) & 0x3fff)],
    );
    if (version === 2) {
      const domains = ['Person', 'Group', 'Org'];
      entries.push(
        [regoString('id'), regoNumber(((b(0) << 24) >>> 0) + ((b(1) << 16) | (b(2) << 8) | b(3)))],
        [regoString('domain'), regoString(domains[b(9)] ?? `Domain${b(9)}`)],
      );
    }
  }
  return { t: 'object', v: entries };
}

// ---------------------------------------------------------------------------------------------
// urlquery objects: Go's url.Values Encode (keys in byte order) and url.ParseQuery.

/** ast.JSON's object key: a string as itself, anything else as its JSON text. */
function jsonKey(k: RegoValue): string {
  return k.t === 'string' ? k.v : goJsonMarshal(k);
}

function urlqueryEncodeObject(v: RegoValue | undefined): RegoValue {
  if (!v || v.t !== 'object') fail('operand 1 must be object');
  const values = new Map<string, string[]>();
  for (const [k, x] of v.v) {
    let list: string[];
    if (x.t === 'string') list = [x.v];
    else if (x.t === 'array' || x.t === 'set') {
      list = (x.t === 'set' ? [...x.v].sort(compareRegoValues) : x.v).map((e) => {
        if (e.t !== 'string') fail('encode_object: array values must be strings');
        return e.v;
      });
    } else fail('encode_object: values must be strings or arrays of strings');
    values.set(jsonKey(k), list);
  }
  const parts: string[] = [];
  for (const key of [...values.keys()].sort(goCompare)) {
    for (const x of values.get(key) as string[]) parts.push(`${goQueryEscape(key)}=${goQueryEscape(x)}`);
  }
  return regoString(parts.join('&'));
}

function urlqueryDecodeObject(v: RegoValue | undefined): RegoValue {
  const query = str(v, 1);
  if (query.split('&').length > 10000) fail('number of URL query parameters exceeded limit');
  const out = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part.includes(';')) fail('invalid semicolon separator in query');
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = goQueryUnescape(eq < 0 ? part : part.slice(0, eq));
    const value = goQueryUnescape(eq < 0 ? '' : part.slice(eq + 1));
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return { t: 'object', v: [...out].map(([k, xs]) => [regoString(k), regoArray(xs.map(regoString))]) };
}

// ---------------------------------------------------------------------------------------------
// net.cidr_contains_matches: every pair (index in a, index in b) where a's CIDR contains b's CIDR or IP.

function cidrMatchOperand(v: RegoValue | undefined): Array<[RegoValue, RegoValue]> {
  const cidrOf = (x: RegoValue): RegoValue => {
    if (x.t === 'string') return x;
    if (x.t === 'array' && x.v.length > 0) return x.v[0] as RegoValue;
    fail('element must be string or non-empty array');
  };
  if (!v) fail('missing operand');
  switch (v.t) {
    case 'string':
      return [[v, v]];
    case 'array':
      return v.v.map((x, i) => [cidrOf(x), regoNumber(i)]);
    case 'set':
      return [...v.v].sort(compareRegoValues).map((x) => [cidrOf(x), x]);
    case 'object':
      return [...v.v].sort(([a], [b]) => compareRegoValues(a, b)).map(([k, x]) => [cidrOf(x), k]);
    default:
      return [];
  }
}

function cidrContainsMatches(a: RegoValue | undefined, b: RegoValue | undefined): RegoValue {
  const out: RegoValue[] = [];
  const right = cidrMatchOperand(b);
  for (const [c1, i1] of cidrMatchOperand(a)) {
    for (const [c2, i2] of right) {
      const r = cidrContains(c1, c2);
      if (r.t === 'boolean' && r.v && !setContains(out, regoArray([i1, i2]))) out.push(regoArray([i1, i2]));
    }
  }
  return { t: 'set', v: out };
}

// ---------------------------------------------------------------------------------------------
// net.cidr_merge: OPA's port of netaddr's merge (internal/cidr/merge), on Go's net.IP byte slices, quirks
// kept: a bare IPv4 address stands for its class network (10.0.0.1 is 10.0.0.1/8), ranges are compared as
// 16-byte IPv4-mapped addresses, and a network that merged with nothing is printed as it was given.

type Bytes = number[];

const V4_PREFIX: Bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function bytesCompare(a: Bytes, b: Bytes): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

function cidrMask(ones: number, bits: number): Bytes {
  return Array.from({ length: bits / 8 }, (_, i) => (i * 8 + 8 <= ones ? 0xff : i * 8 >= ones ? 0 : (0xff << (8 - (ones - i * 8))) & 0xff));
}

function maskOnes(m: Bytes): number {
  let n = 0;
  for (const b of m) for (let bit = 7; bit >= 0 && (b >> bit) & 1; bit--) n++;
  return n;
}

/** net.IP.Mask: undefined where Go returns nil. */
function ipMask(ip: Bytes, mask: Bytes): Bytes | undefined {
  let x = ip;
  if (mask.length === 16 && ip.length === 4 && mask.slice(0, 12).every((b) => b === 0xff)) mask = mask.slice(12);
  if (mask.length === 4 && ip.length === 16 && isV4Mapped(ip)) x = ip.slice(12);
  if (mask.length !== x.length) return undefined;
  return x.map((b, i) => b & (mask[i] as number));
}

interface RawNet {
  ip: Bytes;
  mask: Bytes;
}

function addressRange(n: RawNet): [Bytes, Bytes] {
  let first = ipMask(n.ip, n.mask) ?? [];
  let last = [...first];
  if (to4(first)) {
    first = [...V4_PREFIX, ...first];
    last = [...V4_PREFIX, ...last];
  }
  for (let i = 0; i < n.mask.length; i++) {
    // Go writes at IPv6len-i-1 whatever the length (a shorter address panics there).
    const j = 15 - i;
    if (j >= last.length) fail('cidr_merge: address and mask lengths differ');
    last[j] = ((last[j] as number) | (~(n.mask[n.mask.length - i - 1] as number) & 0xff)) & 0xff;
  }
  return [first, last];
}

function ipEqual(a: Bytes, b: Bytes): boolean {
  const x = to4(a) ?? a;
  const y = to4(b) ?? b;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function previousIP(ip: Bytes): Bytes {
  if (ipEqual(ip, [...V4_PREFIX, 0, 0, 0, 0]) || ipEqual(ip, Array<number>(16).fill(0))) return ip;
  const prev = [...ip];
  const lower = to4(ip) ? 12 : 0;
  let overflow = false;
  for (let i = ip.length - 1; i >= lower; i--) {
    if (overflow || i === ip.length - 1) prev[i] = ((prev[i] as number) - 1) & 0xff;
    overflow = ip[i] === 0 && prev[i] === 255;
  }
  return prev;
}

function nextIP(ip: Bytes): Bytes {
  if (ipEqual(ip, [...V4_PREFIX, 255, 255, 255, 255]) || ipEqual(ip, Array<number>(16).fill(255))) return ip;
  if (ip.length !== 4 && ip.length !== 16) return ip;
  const n = ip.length === 4 ? 32n : 128n;
  const v = (bytesToBig(ip) + 1n) & ((1n << n) - 1n);
  return bigToBytes(v, ip.length);
}

function bytesToBig(b: Bytes): bigint {
  return b.reduce((acc, x) => (acc << 8n) | BigInt(x), 0n);
}

/** big.Int.Bytes: big-endian, no leading zeros. */
function bigBytes(v: bigint): Bytes {
  const out: Bytes = [];
  for (let x = v; x > 0n; x >>= 8n) out.unshift(Number(x & 0xffn));
  return out;
}

function bigToBytes(v: bigint, len: number): Bytes {
  const b = bigBytes(v);
  return [...Array<number>(Math.max(0, len - b.length)).fill(0), ...b];
}

function spanningCIDR(first: Bytes, last: Bytes): RawNet {
  const v4 = to4(first) !== undefined;
  const bitLen = v4 ? 32 : 128;
  let size = bitLen;
  const lowest = bytesToBig(first);
  let highest = bytesToBig(last);
  while (size > 0 && lowest < highest) {
    size--;
    highest &= -(1n << BigInt(bitLen - size));
  }
  let ip = v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(highest)] : bigBytes(highest);
  if (ip.length === 0) ip = Array<number>(v4 ? 4 : 16).fill(0);
  return { ip, mask: cidrMask(size, bitLen) };
}

function partitionCIDR(target: RawNet, exclude: RawNet): { left: RawNet[]; right: RawNet[] } {
  const v4 = to4(target.ip) !== undefined;
  const [targetFirst, targetLast] = addressRange(target);
  const [excludeFirst, excludeLast] = addressRange(exclude);
  const targetSize = maskOnes(target.mask);
  const excludeSize = maskOnes(exclude.mask);
  if (bytesCompare(excludeLast, targetFirst) < 0) return { left: [], right: [target] };
  if (bytesCompare(targetLast, excludeFirst) < 0) return { left: [target], right: [] };
  if (targetSize >= excludeSize) return { left: [], right: [] };
  const left: RawNet[] = [];
  const right: RawNet[] = [];
  const bitLen = v4 ? 32 : 128;
  let prefix = targetSize + 1;
  let lower = bytesToBig(targetFirst);
  let upper = lower + (1n << BigInt(bitLen - prefix));
  const toBytes = (x: bigint) => (v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(x)] : bigToBytes(x, 16));
  while (excludeSize >= prefix) {
    let matched: bigint;
    if (bytesCompare(excludeFirst, toBytes(upper)) >= 0) {
      left.push({ ip: toBytes(lower), mask: cidrMask(prefix, bitLen) });
      matched = upper;
    } else {
      right.push({ ip: toBytes(upper), mask: cidrMask(prefix, bitLen) });
      matched = lower;
    }
    prefix++;
    if (prefix > bitLen) break;
    lower = matched;
    upper = matched + (1n << BigInt(bitLen - prefix));
  }
  return { left, right };
}

function rangeToCIDRs(first: Bytes, last: Bytes): RawNet[] {
  let spanning = spanningCIDR(first, last);
  const [spanFirst, spanLast] = addressRange(spanning);
  let list: RawNet[] = [];
  if (bytesCompare(spanFirst, first) < 0) {
    const prev = previousIP(first);
    const bits = to4(prev) ? 32 : 128;
    const { right } = partitionCIDR(spanning, { ip: prev, mask: cidrMask(bits, bits) });
    list.push(...right);
    spanning = right[0] ?? fail('cidr_merge: empty partition');
    list = list.slice(1);
  }
  if (bytesCompare(spanLast, last) > 0) {
    const next = nextIP(last);
    const bits = to4(next) ? 32 : 128;
    list.push(...partitionCIDR(spanning, { ip: next, mask: cidrMask(bits, bits) }).left);
  } else {
    list.push(spanning);
  }
  return list;
}

/** net.IPNet.String, `<nil>` where Go's networkNumberAndMask gives up. */
function ipNetString(n: RawNet): string {
  let ip = to4(n.ip);
  if (!ip) {
    if (n.ip.length !== 16) return '<nil>';
    ip = n.ip;
  }
  let m = n.mask;
  if (m.length === 4 && ip.length !== 4) return '<nil>';
  if (m.length === 16 && ip.length === 4) m = m.slice(12);
  if (m.length !== 4 && m.length !== 16) return '<nil>';
  return `${goIPString(ip)}/${maskOnes(m)}`;
}

function cidrMergeNet(x: RegoValue): RawNet {
  if (x.t !== 'string') fail('element must be string');
  const ip = goParseIP(x.v);
  if (!ip) {
    const net = goParseCIDR(x.v);
    if (!net) fail(`invalid CIDR address: ${x.v}`);
    return net;
  }
  const v4 = to4(ip);
  if (!v4) fail('IPv6 invalid: needs prefix length');
  // ip.DefaultMask: the classful network of the address.
  const ones = (v4[0] as number) < 0x80 ? 8 : (v4[0] as number) < 0xc0 ? 16 : 24;
  return { ip, mask: cidrMask(ones, 32) };
}

function cidrMerge(v: RegoValue | undefined): RegoValue {
  if (!v || (v.t !== 'array' && v.t !== 'set')) fail('operand must be an array');
  const nets = (v.t === 'set' ? [...v.v].sort(compareRegoValues) : v.v).map(cidrMergeNet);
  type Range = { first: Bytes; last: Bytes; net?: RawNet };
  const ranges: Range[] = nets.map((net) => {
    const [first, last] = addressRange(net);
    return { first, last, net };
  });
  // sort.Sort is not stable: equal ranges may trade places, which only changes which of them is printed.
  ranges.sort((a, b) => bytesCompare(a.last, b.last) || bytesCompare(a.first, b.first));
  for (let i = ranges.length - 1; i > 0; i--) {
    const cur = ranges[i] as Range;
    const prev = ranges[i - 1] as Range;
    if (bytesCompare(previousIP(cur.first), prev.last) <= 0) {
      const first = bytesCompare(prev.first, cur.first) < 0 ? prev.first : cur.first;
      ranges[i - 1] = { first: [...first], last: [...cur.last] };
      ranges.splice(i, 1);
    }
  }
  const out: RegoValue[] = [];
  for (const r of ranges) {
    for (const n of r.net ? [r.net] : rangeToCIDRs(r.first, r.last)) {
      const text = regoString(ipNetString(n));
      if (!setContains(out, text)) out.push(text);
    }
  }
  return { t: 'set', v: out };
}

// ---------------------------------------------------------------------------------------------
// yaml.*: sigs.k8s.io/yaml (go-yaml v2, then encoding/json), src/go/yaml.ts

function goJsonToRego(v: GoJson): RegoValue {
  if (v === null) return { t: 'null' };
  if (typeof v === 'boolean') return regoBool(v);
  if (typeof v === 'string') return regoString(v);
  if (Array.isArray(v)) return regoArray(v.map(goJsonToRego));
  if (v instanceof Map) return { t: 'object', v: [...v].map(([k, x]): [RegoValue, RegoValue] => [regoString(k), goJsonToRego(x)]) };
  return regoNumber(v.number);
}

/** yaml.unmarshal: YAMLToJSON, then OPA's JSON decoder (numbers keep their text). */
function yamlUnmarshal(text: string): RegoValue {
  try {
    return goJsonToRego(goYamlToJson(goYamlDecode(text)));
  } catch (e) {
    if (e instanceof GoYamlError) fail(e.message);
    throw e;
  }
}

/** ast.JSON of a value: sets as sorted arrays, a non-string key as its JSON text (the last of equal keys kept). */
function jsonForYaml(v: RegoValue): JsonForYaml {
  switch (v.t) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return v.v;
    case 'number':
      return { number: v.v };
    case 'array':
      return v.v.map(jsonForYaml);
    case 'set':
      return [...v.v].sort(compareRegoValues).map(jsonForYaml);
    case 'object': {
      const out = new Map<string, JsonForYaml>();
      for (const [k, x] of [...v.v].sort(([a], [b]) => compareRegoValues(a, b))) out.set(k.t === 'string' ? k.v : goJsonMarshal(k), jsonForYaml(x));
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// strings.render_template: Go's text/template (src/go/template.ts) over the variables as ast.As hands them
// over (a JSON round trip with UseNumber: numbers are json.Number; sets and non-string keys fail).

function templateValue(v: RegoValue): TplValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return v.v;
    case 'number':
      return { num: v.v };
    case 'array':
      return v.v.map(templateValue);
    case 'set':
      // ast.As cannot hand a set over to Go: the call fails.
      return fail('template variables cannot hold a set');
    case 'object':
      return templateObject(v.v);
  }
}

function templateObject(pairs: Array<[RegoValue, RegoValue]>): Map<string, TplValue> {
  const out = new Map<string, TplValue>();
  for (const [k, x] of [...pairs].sort(([a], [b]) => compareRegoValues(a, b))) {
    if (k.t !== 'string') fail('template variables can only have string keys');
    out.set(k.v, templateValue(x));
  }
  return out;
}

function renderTemplate(t: RegoValue | undefined, vars: RegoValue | undefined): RegoValue {
  const src = str(t, 1);
  if (!vars || vars.t !== 'object') fail('operand 2 must be object');
  try {
    return regoString(goRenderTemplate(src, templateObject(vars.v)).replaceAll('<no value>', '<undefined>'));
  } catch (e) {
    if (e instanceof GoTemplateError) fail(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// registry

/** Typed builtin errors become undefined; anything else propagates (an evaluation error). */
function wrap(fn: (...args: RegoValue[]) => RegoValue): HostBuiltin {
  return (...args: RegoValue[]) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof BuiltinError) return undefined;
      throw e;
    }
  };
}

/** `fn()`, a Go error of class `E` making the call undefined (fail), any other exception kept. */
function goCall(E: new (...a: never[]) => Error, fn: () => RegoValue): RegoValue {
  try {
    return fn();
  } catch (e) {
    if (e instanceof E) fail(e.message);
    throw e;
  }
}

/** An io.jwt.* call (src/go/jwt.ts): its JwtError is the builtin's error. */
function jwtCall(fn: () => RegoValue): RegoValue {
  return goCall(JwtError, fn);
}

function jwtBuiltins(clock: () => bigint): Record<string, (...args: RegoValue[]) => RegoValue> {
  const out: Record<string, (...args: RegoValue[]) => RegoValue> = {
    'io.jwt.decode': (t) => jwtCall(() => jwtDecode(t)),
    'io.jwt.decode_verify': (t, c) => jwtCall(() => jwtDecodeVerify(t, c, clock())),
    'io.jwt.encode_sign': (h, p, k) =>
      jwtCall(() => jwtEncodeSignRaw(goJsonMarshal(h ?? fail('operand 1 is undefined')), goJsonMarshal(p ?? fail('operand 2 is undefined')), goJsonMarshal(k ?? fail('operand 3 is undefined')))),
    'io.jwt.encode_sign_raw': (h, p, k) => {
      const jwk = str(k, 3);
      return jwtCall(() => jwtEncodeSignRaw(str(h, 1), str(p, 2), jwk));
    },
    'io.jwt.verify_hs256': (t, s) => jwtCall(() => jwtVerifyHS('sha256', t, s)),
    'io.jwt.verify_hs384': (t, s) => jwtCall(() => jwtVerifyHS('sha384', t, s)),
    'io.jwt.verify_hs512': (t, s) => jwtCall(() => jwtVerifyHS('sha512', t, s)),
  };
  for (const [alg, verifier] of Object.entries(JWT_VERIFIERS)) {
    out[`io.jwt.verify_${alg}`] = (t, k) => jwtCall(() => jwtVerifyAsym(verifier, t, k));
  }
  return out;
}

/** The wall clock (as Go's time.Now().UnixNano()): milliseconds from Date.now(), the rest from the high-resolution timer. */
function nowNs(): bigint {
  const ms = BigInt(Date.now());
  const sub = BigInt(Math.floor((performance.now() % 1) * 1e6));
  return ms * 1_000_000n + sub;
}

/** This evaluation's clock reading, taken on first use (undefined: not read yet in this evaluation). */
let evaluationNs: bigint | undefined;

/**
 * Starts an evaluation: its first `time.now_ns` (or `io.jwt.decode_verify` without a time) reads the clock, and
 * every later call in it gets that same value, as topdown gives each query one time (`BuiltinContext.Time`).
 */
export function beginEvaluation(): void {
  evaluationNs = undefined;
}

function evaluationClock(): bigint {
  return (evaluationNs ??= nowNs());
}

/** The builtins, with `time.now_ns` answering `clock()` (one value per evaluation, as in OPA). */
function createHostBuiltins(clock: () => bigint = evaluationClock): Readonly<Record<string, HostBuiltin>> {
  const table: Record<string, (...args: RegoValue[]) => RegoValue> = {
    sprintf: (f, a) => {
      const format = str(f, 1);
      if (!a || a.t !== 'array') fail('operand 2 must be array');
      return regoString(regoSprintf(format, a.v));
    },
    'strings.any_prefix_match': (a, b) => anyAffixMatch(a, b, false),
    'strings.any_suffix_match': (a, b) => anyAffixMatch(a, b, true),
    'strings.count': (s, sub) => regoNumber(stringsCount(str(s, 1), str(sub, 2))),
    indexof_n: (s, sub) => indexOfN(str(s, 1), str(sub, 2)),
    'units.parse': (s) => unitsParse(str(s, 1)),
    'units.parse_bytes': (s) => unitsParseBytes(str(s, 1)),
    'semver.is_valid': (v) => regoBool(v?.t === 'string' && parseSemVer(v.v) !== undefined),
    'semver.compare': (a, b) => {
      const x = parseSemVer(str(a, 1));
      const y = parseSemVer(str(b, 2));
      if (!x) fail(`operand 1: string ${str(a, 1)} is not a valid SemVer`);
      if (!y) fail(`operand 2: string ${str(b, 2)} is not a valid SemVer`);
      return regoNumber(compareSemVer(x, y));
    },
    'time.now_ns': () => regoNumber(clock()),
    'time.parse_rfc3339_ns': (v) => timeParse('RFC3339', str(v, 1)),
    'time.parse_ns': (l, v) => timeParse(str(l, 1), str(v, 2)),
    'time.parse_duration_ns': (v) => regoNumber(parseExtendedDuration(str(v, 1))),
    'time.date': (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.year, c.month, c.day].map(regoNumber));
    },
    'time.clock': (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.hour, c.minute, c.second].map(regoNumber));
    },
    'time.weekday': (t) => {
      const { ns, zone } = tzTime(t);
      return regoString(WEEKDAYS[civilAt(ns, zone).weekday] as string);
    },
    'time.add_date': addDate,
    'time.format': timeFormat,
    'time.diff': timeDiff,
    'regex.replace': (s, p, v) => {
      const text = str(s, 1);
      return regoString(goRegexp(str(p, 2)).replaceAllString(text, str(v, 3)));
    },
    'regex.split': (p, s) => regoArray(goRegexp(str(p, 1)).split(str(s, 2), -1).map(regoString)),
    'regex.find_n': (p, s, n) => {
      const re = goRegexp(str(p, 1));
      const text = str(s, 2);
      const limit = intOperand(n, 3);
      return regoArray(re.findAllString(text, limit < 0 ? -1 : limit).map(regoString));
    },
    'object.subset': builtinObjectSubset,
    'base64.decode': (v) => {
      const bytes = goBase64Std(str(v, 1));
      if (!bytes) fail('illegal base64 data');
      return regoString(bytes.toString('utf8'));
    },
    'base64.is_valid': (v) => regoBool(goBase64Std(str(v, 1)) !== undefined),
    'json.is_valid': (v) => regoBool(v?.t === 'string' && goJsonValid(v.v)),
    replace: (s, o, r) => regoString(goReplaceAll(str(s, 1), str(o, 2), str(r, 3))),
    format_int: formatInt,
    'net.cidr_contains': cidrContains,
    'hex.encode': (v) => regoString(Buffer.from(str(v, 1), 'utf8').toString('hex')),
    'hex.decode': (v) => {
      const t = str(v, 1);
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(t)) fail('hex.decode: invalid hex string');
      return regoString(Buffer.from(t, 'hex').toString('utf8'));
    },
    'base64url.encode_no_pad': (v) => regoString(Buffer.from(str(v, 1), 'utf8').toString('base64url')),
    'crypto.md5': (v) => regoString(createHash('md5').update(str(v, 1), 'utf8').digest('hex')),
    'crypto.sha1': (v) => regoString(createHash('sha1').update(str(v, 1), 'utf8').digest('hex')),
    'crypto.sha256': (v) => regoString(createHash('sha256').update(str(v, 1), 'utf8').digest('hex')),
    'crypto.hmac.md5': (x, k) => regoString(createHmac('md5', str(k, 2)).update(str(x, 1), 'utf8').digest('hex')),
    'crypto.hmac.sha1': (x, k) => regoString(createHmac('sha1', str(k, 2)).update(str(x, 1), 'utf8').digest('hex')),
    'crypto.hmac.sha256': (x, k) => regoString(createHmac('sha256', str(k, 2)).update(str(x, 1), 'utf8').digest('hex')),
    'crypto.hmac.sha512': (x, k) => regoString(createHmac('sha512', str(k, 2)).update(str(x, 1), 'utf8').digest('hex')),
    'urlquery.encode': (v) => regoString(goQueryEscape(str(v, 1))),
    'urlquery.decode': (v) => regoString(goQueryUnescape(str(v, 1))),
    'crypto.hmac.equal': (a, b) => regoBool(str(a, 1) === str(b, 2)),
    'json.unmarshal': (v) => {
      const text = str(v, 1);
      if (!goJsonValid(text)) fail('json.unmarshal: invalid JSON');
      return parseRegoValue(goJsonSurrogates(text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')));
    },
    'numbers.range_step': rangeStep,
    'numbers.range': (a, b) => rangeStep(a, b, regoNumber(1)),
    plus: (a, b) => arith2(a, b, (x, y) => x + y, (x, y) => goBigFloatAdd(x, y)),
    minus: arithMinus,
    mul: (a, b) => arith2(a, b, (x, y) => x * y, (x, y) => goBigFloatMul(x, y)),
    div: arithDivide,
    rem: arithRem,
    abs: (a) => arith1(a, (x) => x.abs()),
    round: (a) => arith1(a, arithRound),
    ceil: (a) => arith1(a, arithCeil),
    floor: (a) => arith1(a, arithFloor),
    sum: aggregateSum,
    product: aggregateProduct,
    'net.cidr_is_valid': (v) => regoBool(v?.t === 'string' && goParseCIDR(v.v) !== undefined),
    'net.cidr_expand': cidrExpand,
    'glob.quote_meta': (v) => regoString(globQuoteMeta(str(v, 1))),
    max: (v) => aggregateExtreme(v, 1),
    min: (v) => aggregateExtreme(v, -1),
    to_number: toNumber,
    'json.marshal': (v) => regoString(goJsonMarshal(v ?? fail('operand 1 is undefined'))),
    'json.patch': jsonPatch,
    'regex.template_match': regexTemplateMatch,
    'uuid.parse': uuidParse,
    'urlquery.encode_object': urlqueryEncodeObject,
    'urlquery.decode_object': urlqueryDecodeObject,
    'net.cidr_contains_matches': cidrContainsMatches,
    'net.cidr_merge': cidrMerge,
    'yaml.unmarshal': (v) => yamlUnmarshal(str(v, 1)),
    'yaml.marshal': (v) => regoString(goYamlMarshal(jsonForYaml(v ?? fail('operand 1 is undefined')))),
    'strings.render_template': renderTemplate,
    'graph.reachable_paths': (g, i) => reachablePaths(g ?? fail('operand 1 is undefined'), i ?? fail('operand 2 is undefined')) ?? fail('operand must be object and array/set'),
    'json.marshal_with_options': (v, o) => {
      const opts = marshalOptions(o ?? fail('operand 2 is undefined')) ?? fail('operand 2: invalid options');
      const compact = goJsonMarshal(v ?? fail('operand 1 is undefined'));
      return regoString(opts.pretty ? opts.prefix + goJsonIndent(compact, opts.prefix, opts.indent) : compact);
    },
    'uri.parse': (v) => uriParse(str(v, 1)) ?? fail('uri.parse: invalid URI'),
    'uri.is_valid': (v) => regoBool(uriIsValid(v ?? fail('operand 1 is undefined'))),
    'regex.globs_match': (a, b) => {
      try {
        return regoBool(globsIntersect(str(a, 1), str(b, 2)));
      } catch (e) {
        if (e instanceof GlobSyntaxError) fail(e.message);
        throw e;
      }
    },
    // Arity is checked when the policy compiles; a call without operands is undefined, never a crash.
    'json.verify_schema': (sc) => jsonSchemaVerify(sc ?? fail('operand 1 must be one of {object, string}')),
    'json.match_schema': (d, sc) => {
      try {
        return jsonSchemaMatch(d ?? fail('operand 1 must be one of {object, string}'), sc ?? fail('operand 2 must be one of {object, string}'));
      } catch (e) {
        if (e instanceof JsonSchemaError) fail(e.message);
        throw e;
      }
    },
    'yaml.is_valid': (v) => {
      if (v?.t !== 'string') return regoBool(false);
      try {
        yamlUnmarshal(v.v);
        return regoBool(true);
      } catch (e) {
        if (e instanceof BuiltinError) return regoBool(false);
        throw e;
      }
    },
  };
  Object.assign(table, jwtBuiltins(clock));
  for (const [name, fn] of Object.entries(x509Builtins(clock))) table[name] = (...args) => goCall(X509Error, () => fn(...args));
  const out: Record<string, HostBuiltin> = {};
  for (const [name, fn] of Object.entries(table)) out[name] = wrap(fn);
  return Object.freeze(out);
}

export const hostBuiltins: Readonly<Record<string, HostBuiltin>> = createHostBuiltins();
