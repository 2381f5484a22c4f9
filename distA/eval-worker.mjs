import {
  NUMBER_COMPARE_ID,
  ROUTED_BUILTINS,
  ROUTED_BUILTIN_ID_BASE,
  compareRegoValues,
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  formatRegoValue,
  goJsonSurrogates,
  isCelItem,
  isNumberText,
  labelKeyErrors,
  labelValueErrors,
  numberCompare,
  parseRegoValue,
  plainDecimal,
  regoArray,
  regoBool,
  regoNumber,
  regoString,
  regoTermString,
  regoValuesEqual
} from "./chunk-MVMMHOUD.mjs";
import {
  CelLibraryError,
  libError,
  registerSemver
} from "./chunk-GOXPIZBT.mjs";
import {
  MATCH_TIME_LIMIT_MS,
  compileGoRegexp,
  goQuoteMeta,
  testWithin
} from "./chunk-DMQTDK6J.mjs";
import {
  errorText,
  goCompare,
  goFloat32Text,
  goFloatText,
  goJsonFloatText,
  goQuote,
  goQuoteRune,
  goString,
  goUtf8,
  isGoPrintable,
  relaxQuotedIndentation,
  surrogateEscape
} from "./chunk-LV3SBTA7.mjs";

// src/opa/eval-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/opa/builtins.ts
import { createHash, createHmac as createHmac2 } from "node:crypto";

// src/go/base64.ts
function goBase64Std(s) {
  const t = s.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return void 0;
  return Buffer.from(t, "base64");
}

// src/go/glob-intersection.ts
var GlobSyntaxError = class extends Error {
};
var END = /* @__PURE__ */ Symbol("end of input");
function invalid(input, pos, message) {
  throw new GlobSyntaxError(`input:${String.fromCodePoint(...input)}, pos:${pos}, ${message}: the input provided is invalid`);
}
function nextRune(input, i) {
  if (i >= input.length) return END;
  if (input[i] === 92) {
    if (i === input.length - 1) invalid(input, i, "input ends with a \\ (escape) character");
    return [i + 2, input[i + 1], true];
  }
  return [i + 1, input[i], false];
}
function normalise(cps) {
  const sorted = [...cps].sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
function tokenSet(input, i) {
  const ranges = [];
  let prev = 0;
  let prevExists = false;
  let at2 = i;
  for (; ; ) {
    const r = nextRune(input, at2);
    if (r === END) invalid(input, at2, "found [ without matching ]");
    const [next, cp, escaped] = r;
    at2 = next;
    if (!escaped && cp === 45) {
      if (!prevExists) invalid(input, at2, "range character '-' must be preceded by a Unicode character");
      if (at2 >= input.length - 1) invalid(input, at2, "range character '-' must be followed by a Unicode character");
      const to = nextRune(input, at2);
      at2 = to[0];
      if (!to[2] && (to[1] === 93 || to[1] === 45)) invalid(input, at2, "range character '-' cannot be followed by a special symbol");
      if (to[1] < prev) invalid(input, at2, "range is out of order");
      ranges.push([prev, to[1]]);
      prevExists = false;
    } else if (!escaped && cp === 93) {
      return [at2, { kind: "set", ranges: normalise(ranges), flag: "none" }];
    } else {
      ranges.push([cp, cp]);
      prev = cp;
      prevExists = true;
    }
  }
}
function tokenize(text2) {
  const input = Array.from(text2, (c) => c.codePointAt(0));
  const tokens = [];
  let i = 0;
  for (; ; ) {
    const r = nextRune(input, i);
    if (r === END) return tokens;
    const [next, cp, escaped] = r;
    i = next;
    let token;
    if (escaped) token = { kind: "char", cp, flag: "none" };
    else if (cp === 46) token = { kind: "dot", flag: "none" };
    else if (cp === 93) invalid(input, i, "set-close ']' with no preceding '['");
    else if (cp === 91) [i, token] = tokenSet(input, i);
    else if (cp === 43 || cp === 42) invalid(input, i, `flag '${String.fromCodePoint(cp)}' must be preceded by a non-flag`);
    else token = { kind: "char", cp, flag: "none" };
    const f = nextRune(input, i);
    if (f !== END && !f[2] && (f[1] === 43 || f[1] === 42)) {
      token.flag = f[1] === 43 ? "plus" : "star";
      i = f[0];
    }
    tokens.push(token);
  }
}
function sameRanges(a, b) {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i][0] && hi === b[i][1]);
}
function equal(a, b) {
  if (a.kind !== b.kind) return false;
  if (a.kind === "char") return a.cp === b.cp;
  if (a.kind === "set") return sameRanges(a.ranges, b.ranges);
  return true;
}
function simplify(tokens) {
  const out = [];
  for (const t of tokens) {
    const latest = out[out.length - 1];
    if (latest && t.flag !== "none" && latest.flag !== "none" && equal(t, latest)) {
      latest.flag = t.flag === "plus" || latest.flag === "plus" ? "plus" : "star";
      continue;
    }
    out.push(t);
  }
  return out;
}
function inRanges(ranges, cp) {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}
function match(a, b) {
  if (a.kind === "dot" || b.kind === "dot") return true;
  if (a.kind === "char" && b.kind === "char") return a.cp === b.cp;
  if (a.kind === "char") return inRanges(b.ranges, a.cp);
  if (b.kind === "char") return inRanges(a.ranges, b.cp);
  return a.ranges.some(([lo, hi]) => b.ranges.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}
function trim(g1, g2) {
  let l = 0;
  for (; l < g1.length && l < g2.length && g1[l].flag === "none" && g2[l].flag === "none"; l++) {
    if (!match(g1[l], g2[l])) return void 0;
  }
  if (l > 0) l--;
  let r1 = g1.length - 1;
  let r2 = g2.length - 1;
  for (; r1 >= 0 && r1 >= l && r2 >= 0 && r2 >= l && g1[r1].flag === "none" && g2[r2].flag === "none"; r1--, r2--) {
    if (!match(g1[r1], g2[r2])) return void 0;
  }
  if (r1 < g1.length - 1) {
    r1++;
    r2++;
  }
  return [g1.slice(l, r1 + 1), g2.slice(l, r2 + 1)];
}
var Walk = class {
  steps = 0;
  /** Every step counts: the walk backtracks, so hostile globs are stopped rather than left to run. */
  tick() {
    if (++this.steps > 1e6) throw new Error("regex.globs_match: the globs need over a million steps; preadmit stops here");
  }
  normal(g1, g2) {
    this.tick();
    let i = 0;
    let j = 0;
    for (; i < g1.length && j < g2.length; i++, j++) {
      if (g1[i].flag === "none" && g2[j].flag === "none") {
        if (!match(g1[i], g2[j])) return false;
      } else return this.special(g1.slice(i), g2.slice(j));
    }
    return i === g1.length && j === g2.length;
  }
  special(g1, g2) {
    const [flagged, other] = g1[0].flag !== "none" ? [g1, g2] : [g2, g1];
    return flagged[0].flag === "plus" ? this.plus(flagged, other) : this.star(flagged, other);
  }
  plus(plussed, other) {
    this.tick();
    if (!match(plussed[0], other[0])) return false;
    if (this.star(plussed, other.slice(1))) return true;
    return other[0].flag !== "none" && this.normal(plussed.slice(1), other);
  }
  star(starred, other) {
    this.tick();
    const starToken = starred[0];
    const nextToken = starred[1];
    for (let i = 0; i < other.length; i++) {
      const t = other[i];
      if (nextToken !== void 0 && match(t, nextToken)) {
        if (this.normal(starred.slice(1), other.slice(i))) return true;
        if (!match(t, starToken)) return false;
      } else if (!match(t, starToken)) return false;
    }
    return nextToken === void 0;
  }
};
function globsIntersect(lhs, rhs) {
  const g1 = simplify(tokenize(lhs));
  const g2 = simplify(tokenize(rhs));
  const trimmed = trim(g1, g2);
  if (!trimmed) return false;
  return new Walk().normal(trimmed[0], trimmed[1]);
}

// src/go/bigfloat.ts
var GoBigFloat = class _GoBigFloat {
  constructor(neg, m, e, prec) {
    this.neg = neg;
    this.m = m;
    this.e = e;
    this.prec = prec;
  }
  neg;
  m;
  e;
  prec;
  get isZero() {
    return this.m === 0n;
  }
  /** Float.IsInt. */
  get isInt() {
    return this.m === 0n || this.e >= 0 || (this.m & (1n << BigInt(-this.e)) - 1n) === 0n;
  }
  /** Float.Int: truncated toward zero. */
  toInt() {
    const mag = this.e >= 0 ? this.m << BigInt(this.e) : this.m >> BigInt(-this.e);
    return this.neg ? -mag : mag;
  }
  /** Float.Abs (keeps the precision). */
  abs() {
    return new _GoBigFloat(false, this.m, this.e, this.prec);
  }
  /** Float.Text(format, -1). */
  text(format) {
    return (this.neg ? "-" : "") + formatShortest(this, format);
  }
};
var GoBigFloatRangeError = class extends Error {
};
var MAX_EXP = 2 ** 16;
var MIN_EXP = -(2 ** 16);
function bitLen(m) {
  return m === 0n ? 0 : m.toString(2).length;
}
function roundFloat(neg, m, e, prec) {
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  let n = bitLen(m);
  if (n > prec) {
    const shift = n - prec;
    const s = BigInt(shift);
    let keep = m >> s;
    const rest = m & (1n << s) - 1n;
    const half = 1n << s - 1n;
    if (rest > half || rest === half && (keep & 1n) === 1n) keep++;
    m = keep;
    e += shift;
    n = bitLen(m);
    if (n > prec) {
      m >>= 1n;
      e++;
    }
  }
  if (m !== 0n) {
    let tz = 0;
    while ((m >> BigInt(tz) & 0xffffffffn) === 0n) tz += 32;
    while ((m >> BigInt(tz) & 1n) === 0n) tz++;
    if (tz > 0) {
      m >>= BigInt(tz);
      e += tz;
    }
  }
  const top = e + bitLen(m);
  if (top > MAX_EXP || top < MIN_EXP) throw new GoBigFloatRangeError("exponent out of range");
  return new GoBigFloat(neg, m, e, prec);
}
function goBigFloatOfInt(i) {
  const neg = i < 0n;
  const m = neg ? -i : i;
  return roundFloat(neg, m, 0, Math.max(bitLen(m), 64));
}
function goBigFloatOfFloat64(m, e) {
  return roundFloat(m < 0n, m < 0n ? -m : m, e, 53);
}
function resultPrec(x, y, prec) {
  return prec ?? Math.max(x.prec, y.prec);
}
function goBigFloatAdd(x, y, prec) {
  const p = resultPrec(x, y, prec);
  if (x.isZero && y.isZero) return new GoBigFloat(x.neg && y.neg, 0n, 0, p);
  if (x.isZero) return roundFloat(y.neg, y.m, y.e, p);
  if (y.isZero) return roundFloat(x.neg, x.m, x.e, p);
  let [a, b] = [x, y];
  if (a.e + bitLen(a.m) < b.e + bitLen(b.m)) [a, b] = [b, a];
  const topA = a.e + bitLen(a.m);
  const topB = b.e + bitLen(b.m);
  const floor = Math.min(a.e, topA - p - 4);
  if (topB < floor - 1) {
    b = new GoBigFloat(b.neg, 1n, floor - 2, b.prec);
  }
  const e = Math.min(a.e, b.e);
  const ma = a.m << BigInt(a.e - e);
  const mb = b.m << BigInt(b.e - e);
  const sa = a.neg ? -ma : ma;
  const sb = b.neg ? -mb : mb;
  const sum2 = sa + sb;
  if (sum2 === 0n) return new GoBigFloat(false, 0n, 0, p);
  return roundFloat(sum2 < 0n, sum2 < 0n ? -sum2 : sum2, e, p);
}
function goBigFloatSub(x, y, prec) {
  return goBigFloatAdd(x, new GoBigFloat(!y.neg, y.m, y.e, y.prec), prec);
}
function goBigFloatMul(x, y, prec) {
  return roundFloat(x.neg !== y.neg, x.m * y.m, x.e + y.e, resultPrec(x, y, prec));
}
function goBigFloatQuo(x, y, prec) {
  const p = resultPrec(x, y, prec);
  if (y.isZero) throw new GoBigFloatRangeError("division by zero");
  if (x.isZero) return new GoBigFloat(x.neg !== y.neg, 0n, 0, p);
  const shift = Math.max(0, p + 2 - (bitLen(x.m) - bitLen(y.m)) + 1);
  const num2 = x.m << BigInt(shift);
  let q = num2 / y.m;
  const r = num2 % y.m;
  q = q << 1n | (r === 0n ? 0n : 1n);
  return roundFloat(x.neg !== y.neg, q, x.e - y.e - shift - 1, p);
}
function goBigFloatCmp(x, y) {
  const d = goBigFloatSub(x, y, Math.max(bitLen(x.m), bitLen(y.m), 1) + Math.abs(x.e - y.e) + 2);
  return d.isZero ? 0 : d.neg ? -1 : 1;
}
function pow5(n) {
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
var DECIMAL_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;
function parseGoBigFloat(text2, prec = 64) {
  const match2 = DECIMAL_RE.exec(text2);
  if (!match2) return void 0;
  const int = match2[2] ?? "";
  const frac = match2[3] ?? "";
  if (int === "" && frac === "") return void 0;
  const neg = match2[1] === "-";
  const expText = match2[4] ?? "0";
  if (expText.replace(/^[+-]?0*/, "").length > 10) throw new GoBigFloatRangeError("exponent overflow");
  const k = Number(expText) - frac.length;
  const m = BigInt(int + frac || "0");
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  if (Math.abs(k) > MAX_EXP) throw new GoBigFloatRangeError("exponent out of range");
  if (k === 0) return roundFloat(neg, m, 0, prec);
  const z = new GoBigFloat(neg, m, k, Math.max(bitLen(m), 1));
  const p = pow5(Math.abs(k));
  return k > 0 ? goBigFloatMul(z, p, prec) : goBigFloatQuo(z, p, prec);
}
function exactDecimal(m, shift) {
  if (m === 0n) return { digits: "", exp: 0 };
  let s;
  let exp;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    exp = s.length;
  } else {
    s = (m * 5n ** BigInt(-shift)).toString();
    exp = s.length + shift;
  }
  const trimmed = s.replace(/0+$/, "");
  return { digits: trimmed, exp };
}
function at(d, i) {
  return i >= 0 && i < d.digits.length ? d.digits[i] : "0";
}
function roundUp(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  let i = n - 1;
  while (i >= 0 && d.digits[i] === "9") i--;
  if (i < 0) return { digits: "1", exp: d.exp + 1 };
  return { digits: d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1), exp: d.exp };
}
function roundDown(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  const digits = d.digits.slice(0, n).replace(/0+$/, "");
  return { digits, exp: digits === "" ? 0 : d.exp };
}
function roundNearest(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  const c = d.digits[n];
  const up = c === "5" && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= "5";
  return up ? roundUp(d, n) : roundDown(d, n);
}
function roundShortest(d, x) {
  if (d.digits === "") return d;
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
    const m = d.digits[i];
    const l = at(lower, i);
    const u = at(upper, i);
    const okdown = l !== m || inclusive && i + 1 === lower.digits.length;
    const okup = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
    if (okdown && okup) return roundNearest(d, i + 1);
    if (okdown) return roundDown(d, i + 1);
    if (okup) return roundUp(d, i + 1);
  }
  return d;
}
function fmtF(d, prec) {
  let out = "";
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + "0".repeat(d.exp - m);
  } else {
    out = "0";
  }
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += at(d, d.exp + i);
  }
  return out;
}
function fmtE(d, prec) {
  let out = d.digits === "" ? "0" : d.digits[0];
  if (prec > 0) {
    out += ".";
    const m = Math.min(d.digits.length, prec + 1);
    out += d.digits.slice(1, m) + "0".repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  const exp = d.digits === "" ? 0 : d.exp - 1;
  const a = Math.abs(exp);
  return `${out}e${exp < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}
function formatShortest(x, format) {
  const d = roundShortest(exactDecimal(x.m, x.e), x);
  if (format === "f") return fmtF(d, Math.max(d.digits.length - d.exp, 0));
  let prec = d.digits.length;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= 6) return fmtE(d, prec - 1);
  if (prec > d.exp) prec = d.digits.length;
  return fmtF(d, Math.max(prec - d.exp, 0));
}

// src/opa/sprintf.ts
var INT64_MIN = -(1n << 63n);
var INT64_MAX = (1n << 63n) - 1n;
var UINT64_MASK = (1n << 64n) - 1n;
var MAX_RUNE = 1114111;
function atoi64(text2) {
  let s = text2;
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s.length === 0 || s.length > 19) return void 0;
  const m = /^([0-9]*)(?:\.(0*))?$/.exec(s);
  if (!m) return void 0;
  const digits = m[1] ?? "";
  const n = digits === "" ? 0n : BigInt(digits);
  const v = neg ? -n : n;
  if (v < INT64_MIN || v > INT64_MAX) return void 0;
  return v;
}
function toGoArg(value) {
  switch (value.t) {
    case "string":
      return { k: "string", v: value.v };
    case "number": {
      const ns = value.v;
      if (/[.eE]/.test(ns)) {
        const f = Number(ns);
        return Number.isFinite(f) ? { k: "float64", v: f } : { k: "string", v: ns };
      }
      const i = atoi64(ns);
      if (i !== void 0) return { k: "int64", v: i };
      if (/^[+-]?[0-9]+$/.test(ns)) return { k: "bigint", v: BigInt(ns) };
      return { k: "string", v: ns };
    }
    default:
      return { k: "string", v: regoTermString(value) };
  }
}
function goTypeName(arg) {
  switch (arg.k) {
    case "int64":
      return "int";
    case "bigint":
      return "*big.Int";
    case "float64":
      return "float64";
    case "string":
      return arg.type ?? "string";
  }
}
function runeCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
var utf8 = new TextEncoder();
function floatBits(v) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const bexp = Number(bits >> 52n & 0x7ffn);
  let mant = bits & (1n << 52n) - 1n;
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
function shortestDigits(v) {
  if (v === 0) return { d: "", dp: 0 };
  const [m, e] = Math.abs(v).toExponential().split("e");
  const d = m.replace(".", "").replace(/0+$/, "");
  return { d, dp: Number(e) + 1 };
}
function exactDigits(v) {
  if (v === 0) return { d: "", dp: 0 };
  const { mant, exp } = floatBits(v);
  const { digits, exp: dp } = exactDecimal(mant, exp - 52);
  return { d: digits, dp };
}
function roundDigits(x, nd) {
  if (nd < 0) return { d: "", dp: x.dp };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length) up = true;
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === "9") i--;
    if (i < 0) {
      d = "1";
      dp++;
    } else {
      d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
    }
  }
  return { d: d.replace(/0+$/, ""), dp };
}
function fmtE2(neg, x, prec, verb) {
  let out = neg ? "-" : "";
  out += x.d.length ? x.d[0] : "0";
  if (prec > 0) {
    out += ".";
    let frac = x.d.slice(1, prec + 1);
    frac += "0".repeat(prec - frac.length);
    out += frac;
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += verb;
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  out += exp < 10 ? "0" + exp : String(exp);
  return out;
}
function fmtF2(neg, x, prec) {
  let out = neg ? "-" : "";
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out += x.d.slice(0, m) + "0".repeat(x.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      const j = x.dp + i;
      out += j >= 0 && j < x.d.length ? x.d[j] : "0";
    }
  }
  return out;
}
function fmtB(neg, mant, exp) {
  const e = exp - 52;
  return (neg ? "-" : "") + mant.toString() + "p" + (e >= 0 ? "+" : "") + e;
}
function fmtX(v, prec, verb) {
  const b = floatBits(v);
  let mant = b.mant;
  let exp = b.exp;
  if (mant === 0n) exp = 0;
  mant <<= 60n - 52n;
  while (mant !== 0n && (mant & 1n << 60n) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = mant << shift & (1n << 60n) - 1n;
    mant >>= 60n - shift;
    if ((extra | mant & 1n) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & 1n << 61n) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = verb === "X" ? "0123456789ABCDEF" : "0123456789abcdef";
  let out = (b.neg ? "-" : "") + "0" + verb + String(mant >> 60n & 1n);
  mant = mant << 4n & (1n << 64n) - 1n;
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += digits[Number(mant >> 60n & 15n)];
      mant = mant << 4n & (1n << 64n) - 1n;
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += digits[Number(mant >> 60n & 15n)];
      mant = mant << 4n & (1n << 64n) - 1n;
    }
  }
  out += verb === "X" ? "P" : "p";
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  out += exp < 10 ? "0" + exp : String(exp);
  return out;
}
function formatGoFloat(v, verb, prec) {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const neg = v < 0 || Object.is(v, -0);
  if (verb === "b") {
    const b = floatBits(v);
    return fmtB(neg, b.mant, b.exp);
  }
  if (verb === "x" || verb === "X") return fmtX(v, prec, verb);
  const shortest = prec < 0;
  let digs;
  if (shortest) {
    digs = shortestDigits(v);
    switch (verb) {
      case "e":
      case "E":
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case "f":
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case "g":
      case "G":
        prec = digs.d.length;
        break;
    }
  } else {
    const exact = exactDigits(v);
    switch (verb) {
      case "f":
        digs = roundDigits(exact, exact.dp + prec);
        break;
      case "e":
      case "E":
        digs = roundDigits(exact, prec + 1);
        break;
      default:
        if (prec === 0) prec = 1;
        digs = roundDigits(exact, prec);
    }
  }
  switch (verb) {
    case "e":
    case "E":
      return fmtE2(neg, digs, prec, verb);
    case "f":
      return fmtF2(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE2(neg, digs, prec - 1, verb === "g" ? "e" : "E");
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF2(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}
function clearFlags() {
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
    prec: 0
  };
}
var TOO_LARGE = 1e6;
var Printer = class {
  out = "";
  f = clearFlags();
  padding(n) {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? "0" : " ").repeat(n);
  }
  pad(s) {
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
  withoutZero(fn) {
    const old = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = old;
  }
  truncate(s) {
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
  fmtS(s) {
    this.pad(this.truncate(s));
  }
  fmtQ(s) {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad("`" + s + "`");
      return;
    }
    this.pad(goQuote(s, this.f.plus));
  }
  fmtSx(s, upper) {
    const bytes = utf8.encode(s);
    const digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
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
    let buf = "";
    if (this.f.sharp) buf += "0" + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        buf += " ";
        if (this.f.sharp) buf += "0" + digits[16];
      }
      const c = bytes[i];
      buf += digits[c >> 4] + digits[c & 15];
    }
    this.out += buf;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.padding(this.f.wid - width);
  }
  fmtInteger(v, base, signed, verb, upper) {
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
    if (prec > s.length) s = "0".repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = "0b" + s;
      else if (base === 8) {
        if (s[0] !== "0") s = "0" + s;
      } else if (base === 16) s = (upper ? "0X" : "0x") + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (f.plus) s = "+" + s;
    else if (f.space) s = " " + s;
    this.withoutZero(() => this.pad(s));
  }
  fmtUnicode(u) {
    let prec = 4;
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
    let s = "U+" + u.toString(16).toUpperCase().padStart(prec, "0");
    if (this.f.sharp && u <= BigInt(MAX_RUNE) && isGoPrintable(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    this.withoutZero(() => this.pad(s));
  }
  fmtC(u) {
    let r = u > BigInt(MAX_RUNE) ? 65533 : Number(u);
    if (r >= 55296 && r <= 57343) r = 65533;
    this.pad(String.fromCodePoint(r));
  }
  fmtQc(u) {
    const r = u > BigInt(MAX_RUNE) ? 65533 : Number(u);
    this.pad(goQuoteRune(r, this.f.plus));
  }
  fmtFloatRaw(v, verb, prec) {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num2 = formatGoFloat(v, verb, prec);
    if (num2[0] === "-" || num2[0] === "+") {
    } else num2 = "+" + num2;
    if (f.space && num2[0] === "+" && !f.plus) num2 = " " + num2.slice(1);
    if (num2[1] === "I" || num2[1] === "N") {
      if (num2[1] === "N" && !f.space && !f.plus) num2 = num2.slice(1);
      this.withoutZero(() => this.pad(num2));
      return;
    }
    if (f.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = "";
      let body = num2;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === ".") {
          hasPoint = true;
        } else if (c === "p" || c === "P") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else if ((c === "e" || c === "E") && verb !== "x" && verb !== "X") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== "0") sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === "0") digits--;
        body += ".";
      }
      if (digits > 0) body += "0".repeat(digits);
      num2 = body + tail;
    }
    if (f.plus || num2[0] !== "+") {
      if (f.zero && !f.minus && f.widPresent && f.wid > num2.length) {
        this.out += num2[0];
        this.padding(f.wid - num2.length);
        this.out += num2.slice(1);
        return;
      }
      this.pad(num2);
      return;
    }
    this.pad(num2.slice(1));
  }
  fmtFloat(v, verb, arg) {
    switch (verb) {
      case "v":
        return this.fmtFloatRaw(v, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloatRaw(v, verb, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatRaw(v, verb, 6);
      case "F":
        return this.fmtFloatRaw(v, "f", 6);
      default:
        return this.badVerb(verb, arg);
    }
  }
  fmtInt64(v, verb, arg) {
    const bitsU = v & UINT64_MASK;
    switch (verb) {
      case "v":
      case "d":
        return this.fmtInteger(v, 10, true, verb, false);
      case "b":
        return this.fmtInteger(v, 2, true, verb, false);
      case "o":
      case "O":
        return this.fmtInteger(v, 8, true, verb, false);
      case "x":
        return this.fmtInteger(v, 16, true, verb, false);
      case "X":
        return this.fmtInteger(v, 16, true, verb, true);
      case "c":
        return this.fmtC(bitsU);
      case "q":
        return this.fmtQc(bitsU);
      case "U":
        return this.fmtUnicode(bitsU);
      default:
        return this.badVerb(verb, arg);
    }
  }
  fmtString(s, verb, arg) {
    switch (verb) {
      case "v":
        return this.f.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case "s":
        return this.fmtS(s);
      case "x":
        return this.fmtSx(s, false);
      case "X":
        return this.fmtSx(s, true);
      case "q":
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, arg);
    }
  }
  /** (*big.Int).Format */
  fmtBigInt(x, verb) {
    let base;
    switch (verb) {
      case "b":
        base = 2;
        break;
      case "o":
      case "O":
        base = 8;
        break;
      case "d":
      case "s":
      case "v":
        base = 10;
        break;
      case "x":
      case "X":
        base = 16;
        break;
      default:
        this.out += `%!${verb}(big.Int=${x.toString()})`;
        return;
    }
    const f = this.f;
    const plus = f.plus || f.plusV;
    const sharp = f.sharp || f.sharpV;
    const sign = x < 0n ? "-" : plus ? "+" : f.space ? " " : "";
    let prefix2 = "";
    if (sharp) {
      if (verb === "b") prefix2 = "0b";
      else if (verb === "o") prefix2 = "0";
      else if (verb === "x") prefix2 = "0x";
      else if (verb === "X") prefix2 = "0X";
    }
    if (verb === "O") prefix2 = "0o";
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === "X") digits = digits.toUpperCase();
    let left = 0;
    let zeros = 0;
    let right = 0;
    if (f.precPresent) {
      if (digits.length < f.prec) zeros = f.prec - digits.length;
      else if (digits === "0" && f.prec === 0) return;
    }
    const length = sign.length + prefix2.length + zeros + digits.length;
    if (f.widPresent && length < f.wid) {
      const d = f.wid - length;
      if (f.minus) right = d;
      else if (f.zero && !f.precPresent) zeros = d;
      else left = d;
    }
    this.out += " ".repeat(left) + sign + prefix2 + "0".repeat(zeros) + digits + " ".repeat(right);
  }
  badVerb(verb, arg) {
    this.out += "%!" + verb + "(" + goTypeName(arg) + "=";
    this.printArg(arg, "v");
    this.out += ")";
  }
  printArg(arg, verb) {
    if (verb === "T") {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === "p") {
      if (arg.k === "bigint") this.out += "0x0";
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === "w" && arg.k === "bigint") {
      this.out += "%!w(*big.Int=" + bigIntStruct(arg.v, this.f) + ")";
      return;
    }
    switch (arg.k) {
      case "int64":
        return this.fmtInt64(arg.v, verb, arg);
      case "float64":
        return this.fmtFloat(arg.v, verb, arg);
      case "string":
        return this.fmtString(arg.v, verb, arg);
      case "bigint":
        return this.fmtBigInt(arg.v, verb);
    }
  }
};
function bigIntStruct(x, f) {
  const neg = x < 0n;
  let a = neg ? -x : x;
  const limbs = [];
  while (a > 0n) {
    limbs.push(a & UINT64_MASK);
    a >>= 64n;
  }
  if (f.sharpV) {
    const words2 = limbs.map((w) => "0x" + w.toString(16)).join(", ");
    return `&big.Int{neg:${neg}, abs:big.nat{${words2}}}`;
  }
  const words = "[" + limbs.map((w) => w.toString()).join(" ") + "]";
  return f.plusV ? `&{neg:${neg} abs:${words}}` : `&{${neg} ${words}}`;
}
function canBackquote(s) {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r >= 128) {
      if (r === 65279 || r >= 55296 && r <= 57343) return false;
      continue;
    }
    if (r < 32 && r !== 9 || r === 96 || r === 127) return false;
  }
  return true;
}
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function parseNum(s, start) {
  if (start >= s.length) return { num: 0, isNum: false, next: s.length };
  let num2 = 0;
  let isNum = false;
  let i = start;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (num2 > TOO_LARGE || num2 < -TOO_LARGE) return { num: 0, isNum: false, next: s.length };
    num2 = num2 * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num: num2, isNum, next: i };
}
function goSprintf(format, args) {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;
  const argNumber = (i2) => {
    if (i2 >= end || format[i2] !== "[") return { i: i2, found: false };
    reordered = true;
    let ok = false;
    let index = 0;
    let wid = 1;
    if (end - i2 >= 3) {
      for (let j = i2 + 1; j < end; j++) {
        if (format[j] === "]") {
          const n = parseNum(format.slice(0, j), i2 + 1);
          if (!n.isNum || n.next !== j) {
            wid = j - i2 + 1;
          } else {
            index = n.num - 1;
            wid = j - i2 + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i2 + wid, found: true };
    }
    goodArgNum = false;
    return { i: i2 + wid, found: ok };
  };
  const intFromArg = () => {
    let num2 = 0;
    let isInt = false;
    if (argNum < args.length) {
      const a = args[argNum];
      if (a.k === "int64") {
        num2 = Number(a.v);
        isInt = true;
      }
      argNum++;
      if (num2 > TOO_LARGE || num2 < -TOO_LARGE) {
        num2 = 0;
        isInt = false;
      }
    }
    return { num: num2, isInt };
  };
  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case "#":
          f.sharp = true;
          break;
        case "0":
          f.zero = true;
          break;
        case "+":
          f.plus = true;
          break;
        case "-":
          f.minus = true;
          break;
        case " ":
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;
    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg();
      f.wid = w.num;
      f.widPresent = w.isInt;
      if (!f.widPresent) p.out += "%!(BADWIDTH)";
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
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const w = intFromArg();
        f.prec = w.num;
        f.precPresent = w.isInt;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.out += "%!(BADPREC)";
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
      p.out += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i) ?? 0;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === "%") {
      p.out += "%";
    } else if (!goodArgNum) {
      p.out += "%!" + verb + "(BADINDEX)";
    } else if (argNum >= args.length) {
      p.out += "%!" + verb + "(MISSING)";
    } else {
      if (verb === "v" || verb === "w") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += "%!(EXTRA ";
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ", ";
      p.out += goTypeName(arg) + "=";
      p.printArg(arg, "v");
    });
    p.out += ")";
  }
  return p.out;
}
function regoSprintf(format, args) {
  return goSprintf(format, args.map(toGoArg));
}

// src/go/template.ts
var GoTemplateError = class extends Error {
};
var GoTemplateUnsupported = class extends Error {
};
function fail(message) {
  throw new GoTemplateError(`template: ${message}`);
}
function unsupported(what) {
  throw new GoTemplateUnsupported(`strings.render_template: ${what} is not supported by preadmit`);
}
var KEYWORDS = /* @__PURE__ */ new Set(["if", "else", "end", "range", "with", "break", "continue", "define", "template", "block", "nil", "true", "false"]);
function lex(src) {
  const out = [];
  let pos = 0;
  let trimNext = false;
  while (pos <= src.length) {
    const open = src.indexOf("{{", pos);
    let text2 = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text2 = text2.replace(/^[ \t\r\n]+/, "");
    let i = open + 2;
    const trimLeft = open >= 0 && /^-[ \t\r\n]/.test(src.slice(i, i + 2));
    if (trimLeft) text2 = text2.replace(/[ \t\r\n]+$/, "");
    if (text2 !== "") out.push(text2);
    if (open < 0) break;
    if (trimLeft) i += 2;
    if (src.startsWith("/*", i)) {
      const close = src.indexOf("*/", i + 2);
      if (close < 0) fail("unclosed comment");
      let j = close + 2;
      trimNext = false;
      if (/^ -}}|^[\t\r\n]-}}/.test(src.slice(j, j + 4))) {
        trimNext = true;
        j += 2;
      }
      if (!src.startsWith("}}", j)) fail("comment ends before closing delimiter");
      pos = j + 2;
      continue;
    }
    const { toks, next, trimRight } = lexAction(src, i);
    out.push(toks);
    trimNext = trimRight;
    pos = next;
  }
  return out;
}
function lexAction(src, start) {
  const toks = [];
  let i = start;
  let depth = 0;
  for (; ; ) {
    if (i >= src.length) fail("unclosed action");
    if (/^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) {
      if (depth > 0) fail("unclosed left paren");
      return { toks, next: i + 4, trimRight: true };
    }
    if (src.startsWith("}}", i)) {
      if (depth > 0) fail("unclosed left paren");
      return { toks, next: i + 2, trimRight: false };
    }
    const c = src[i];
    if (c === " " || c === "	" || c === "\r" || c === "\n") {
      while (i < src.length && /[ \t\r\n]/.test(src[i]) && !/^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) i++;
      toks.push({ t: "space" });
      continue;
    }
    if (c === "|") {
      toks.push({ t: "pipe" });
      i++;
      continue;
    }
    if (c === "(") {
      toks.push({ t: "lparen" });
      depth++;
      i++;
      continue;
    }
    if (c === ")") {
      if (--depth < 0) fail("unexpected right paren");
      toks.push({ t: "rparen" });
      i++;
      continue;
    }
    if (c === ",") {
      toks.push({ t: "comma" });
      i++;
      continue;
    }
    if (src.startsWith(":=", i)) {
      toks.push({ t: "declare" });
      i += 2;
      continue;
    }
    if (c === "=") {
      toks.push({ t: "assign" });
      i++;
      continue;
    }
    if (c === '"' || c === "`") {
      const m2 = c === '"' ? /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i)) : /^`[^`]*`/.exec(src.slice(i));
      if (!m2) fail("unterminated quoted string");
      toks.push({ t: "string", v: c === '"' ? unquote(m2[0]) : m2[0].slice(1, -1) });
      i += m2[0].length;
      continue;
    }
    if (c === "'") {
      const m2 = /^'(?:[^'\\\n]|\\[^\n])*'/u.exec(src.slice(i));
      if (!m2) fail("unterminated character constant");
      toks.push({ t: "char", v: m2[0] });
      i += m2[0].length;
      continue;
    }
    if (c === "$") {
      const m2 = /^\$[\p{L}\p{Nd}_]*/u.exec(src.slice(i));
      toks.push({ t: "var", v: m2[0] });
      i += m2[0].length;
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    if (c === "." && !/[0-9]/.test(src[i + 1] ?? "")) {
      const m2 = /^\.[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
      if (m2) {
        toks.push({ t: "field", v: m2[0].slice(1) });
        i += m2[0].length;
      } else {
        toks.push({ t: "dot" });
        i++;
      }
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    if (/[0-9+\-.]/.test(c)) {
      const m2 = /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bBoO][0-9_]+|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(src.slice(i));
      if (!m2 || m2[0] === "" || /^[+-]?$/.test(m2[0])) fail(`bad character ${JSON.stringify(c)}`);
      if (/[\p{L}_0-9]/u.test(src[i + m2[0].length] ?? "")) fail(`bad number syntax: ${JSON.stringify(src.slice(i, i + m2[0].length + 1))}`);
      toks.push({ t: "number", v: m2[0] });
      i += m2[0].length;
      continue;
    }
    const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
    if (m) {
      toks.push({ t: "ident", v: m[0] });
      i += m[0].length;
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    fail(`unexpected ${JSON.stringify(c)} in command`);
  }
}
function badCharacterUnlessTerminated(src, i) {
  if (i >= src.length || /[ \t\r\n.,|:()]/.test(src[i]) || src.startsWith("}}", i)) return;
  fail(`bad character ${JSON.stringify(String.fromCodePoint(src.codePointAt(i)))}`);
}
var STRAY = /[\uDC80-\uDCFF]/u;
function goBytes(s) {
  if (!STRAY.test(s)) return Buffer.from(s, "utf8");
  const parts = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    parts.push(c >= 56448 && c <= 56575 ? Buffer.from([c - 56320]) : Buffer.from(ch, "utf8"));
  }
  return Buffer.concat(parts);
}
function decodeGoBytes(b, stray) {
  let out = "";
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c < 128) [n, cp] = [1, c];
    else if (c >= 194 && c <= 223) [n, cp, min] = [2, c & 31, 128];
    else if (c >= 224 && c <= 239) [n, cp, min] = [3, c & 15, 2048];
    else if (c >= 240 && c <= 244) [n, cp, min] = [4, c & 7, 65536];
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) {
      const x = b[i + k];
      if ((x & 192) !== 128) ok = false;
      else cp = cp << 6 | x & 63;
    }
    if (ok && (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343)) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += stray(c);
      i++;
    }
  }
  return out;
}
function canonical(s) {
  return STRAY.test(s) ? decodeGoBytes(goBytes(s), (b) => String.fromCharCode(56320 + b)) : s;
}
function unquote(lit) {
  return canonical(unquoteRaw(lit));
}
function unquoteRaw(lit) {
  const body = lit.slice(1, -1);
  return body.replace(/\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3})|([^]))/g, (_, simple, x, u, U, oct, bad2) => {
    if (bad2 !== void 0) fail(`invalid syntax in ${lit}`);
    if (simple !== void 0) {
      if (simple === "'") fail(`invalid syntax in ${lit}`);
      return { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\", '"': '"' }[simple];
    }
    const byte = x !== void 0 ? parseInt(x, 16) : oct !== void 0 ? parseInt(oct, 8) : void 0;
    if (byte !== void 0) {
      if (byte > 255) fail(`invalid syntax in ${lit}`);
      return String.fromCharCode(byte > 127 ? 56320 + byte : byte);
    }
    const cp = parseInt(u ?? U, 16);
    if (cp > 1114111 || cp >= 55296 && cp <= 57343) fail(`invalid syntax in ${lit}`);
    return String.fromCodePoint(cp);
  });
}
function numberConstant(text2) {
  if (text2.endsWith("i")) {
    const body = text2.slice(0, -1);
    if (/^[+-]?0[xX]/.test(body)) {
      if (/[pP]/.test(body) && underscoreOk(body)) {
        const f2 = hexFloatConstant(body, body.replace(/_/g, ""));
        return { imag: f2.float };
      }
    } else if (underscoreOk(body) && /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/.test(body) && /[0-9]/.test(body)) {
      const f2 = Number(body.replace(/_/g, ""));
      if (Number.isFinite(f2)) return { imag: f2 };
    }
    fail(`illegal number syntax: ${JSON.stringify(text2)}`);
  }
  const s = text2.replace(/_/g, "");
  const underscoresOk = !text2.includes("_") || /^[+-]?(?:0[xXbBoO]_?|0(?=[0-9_]))?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/.test(text2);
  if (underscoresOk && /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(s)) {
    const neg = s.startsWith("-");
    const body = s.replace(/^[+-]/, "");
    const v = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body.replace(/^0([xXbBoO])/, (_, p) => `0${p.toLowerCase()}`));
    const n = neg ? -v : v;
    if (n < -(1n << 63n) || n >= 1n << 63n) fail(`${text2} overflows int`);
    return { int: n };
  }
  if (/^[+-]?0[xX]/.test(s)) return hexFloatConstant(text2, s);
  if (!/[.eE]/.test(text2) || /(?:^|[^0-9])_|_(?:$|[^0-9])/.test(text2)) fail(`illegal number syntax: ${text2}`);
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) fail(`illegal number syntax: ${text2}`);
  const f = Number(s);
  if (!Number.isFinite(f)) fail(`${text2} overflows float64`);
  return { float: f };
}
function underscoreOk(t) {
  let i = t[0] === "+" || t[0] === "-" ? 1 : 0;
  let saw = "^";
  let hex = false;
  if (t.length - i >= 2 && t[i] === "0" && /[xXbBoO]/.test(t[i + 1])) {
    hex = /[xX]/.test(t[i + 1]);
    i += 2;
    saw = "0";
  }
  for (; i < t.length; i++) {
    const c = t[i];
    if (/[0-9]/.test(c) || hex && /[a-fA-F]/.test(c)) saw = "0";
    else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}
function hexFloatConstant(text2, s) {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (!m || !underscoreOk(text2) || `${m[2]}${m[3] ?? ""}` === "") fail(`illegal number syntax: ${text2}`);
  const sign = m[1] === "-" ? -1 : 1;
  const mantissa = BigInt(`0x${m[2]}${m[3] ?? ""}`);
  if (mantissa === 0n) return { float: sign * 0 };
  const exp = Number(m[4]) - 4 * (m[3] ?? "").length;
  const bits = mantissa.toString(2).length;
  const top = exp + bits - 1;
  if (top > 1023) fail(`illegal number syntax: ${text2}`);
  const keep = top < -1022 ? top + 1075 : 53;
  let value;
  if (keep < 0) value = 0;
  else if (bits <= keep) value = Number(mantissa) * 2 ** exp;
  else {
    const shift = bits - keep;
    let q = mantissa >> BigInt(shift);
    const rest = mantissa & (1n << BigInt(shift)) - 1n;
    const half = 1n << BigInt(shift - 1);
    if (rest > half || rest === half && (q & 1n) === 1n) q += 1n;
    value = Number(q) * 2 ** (exp + shift);
  }
  if (!Number.isFinite(value)) fail(`illegal number syntax: ${text2}`);
  return { float: sign * value };
}
function charConstant(lit) {
  const body = lit.slice(1, -1);
  if (!body.startsWith("\\")) {
    const cps = [...body];
    if (cps.length !== 1) fail(`malformed character constant: ${lit}`);
    return { int: BigInt(cps[0].codePointAt(0)) };
  }
  const simple = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92, "'": 39 };
  const m = /^\\(?:([abfnrtv\\'])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))$/.exec(body);
  if (!m) fail(`malformed character constant: ${lit}`);
  if (m[1] !== void 0) return { int: BigInt(simple[m[1]]) };
  if (m[2] !== void 0) return { int: BigInt(parseInt(m[2], 16)) };
  if (m[5] !== void 0) {
    const v = parseInt(m[5], 8);
    if (v > 255) fail(`malformed character constant: ${lit}`);
    return { int: BigInt(v) };
  }
  const cp = parseInt(m[3] ?? m[4], 16);
  if (cp > 1114111 || cp >= 55296 && cp <= 57343) fail(`malformed character constant: ${lit}`);
  return { int: BigInt(cp) };
}
var TemplateParser = class {
  items;
  at = 0;
  depth = 0;
  /** Variables in scope while parsing: a use of any other is a parse error, executed or not (Go's useVar). */
  vars = ["$"];
  /** Templates named by `{{define}}` / `{{block}}`. */
  defs = /* @__PURE__ */ new Map();
  constructor(src) {
    this.items = lex(src);
  }
  parse() {
    const { list, end } = this.list();
    if (end !== void 0) fail(`unexpected {{${end}}}`);
    return list;
  }
  /** Nodes up to an `{{end}}` / `{{else ...}}` (returned as `end` with the rest of its tokens) or the end. */
  list() {
    const list = [];
    while (this.at < this.items.length) {
      const item = this.items[this.at++];
      if (typeof item === "string") {
        list.push({ k: "text", text: item });
        continue;
      }
      const toks = item.filter((t, i) => !(t.t === "space" && (i === 0 || i === item.length - 1)));
      const first = toks[0];
      if (first?.t === "ident" && KEYWORDS.has(first.v) && first.v !== "nil" && first.v !== "true" && first.v !== "false") {
        const rest = toks.slice(1);
        if (rest[0]?.t === "space") rest.shift();
        switch (first.v) {
          case "end":
            if (rest.length) fail("unexpected tokens after end");
            return { list, end: "end" };
          case "else":
            return { list, end: "else", rest };
          case "if":
          case "with":
          case "range":
            list.push(this.control(first.v, rest));
            continue;
          case "break":
          case "continue":
            if (rest.length) fail(`unexpected tokens after ${first.v}`);
            list.push({ k: first.v });
            continue;
          case "define": {
            if (this.depth > 0) fail("unexpected <define> in command");
            const name = this.templateName(rest);
            if (rest.some((t) => t.t !== "space")) fail("unexpected tokens in define clause");
            this.define(name, this.body("define"));
            continue;
          }
          case "template":
          case "block": {
            const name = this.templateName(rest);
            const pipe = rest.some((t) => t.t !== "space") ? this.pipe(rest, false) : void 0;
            if (first.v === "block") this.define(name, this.body("block"));
            list.push(pipe ? { k: "template", name, pipe } : { k: "template", name });
            continue;
          }
          default:
            unsupported(`{{${first.v}}}`);
        }
      }
      if (toks.length === 0) fail("missing value for command");
      list.push({ k: "action", pipe: this.pipe(toks, false) });
    }
    return { list };
  }
  /** The quoted name after `define`/`template`/`block`, taken off `rest`. */
  templateName(rest) {
    while (rest[0]?.t === "space") rest.shift();
    const t = rest.shift();
    if (t?.t !== "string") fail("expected a quoted template name");
    return t.v;
  }
  /** A define or block body, up to its {{end}}. */
  body(what) {
    const outer = this.vars;
    this.vars = ["$"];
    this.depth++;
    const b = this.list();
    this.depth--;
    this.vars = outer;
    if (b.end !== "end") fail(`unexpected ${b.end === "else" ? "{{else}}" : "EOF"} in ${what}`);
    return b.list;
  }
  /** text/parse's add: an empty definition never replaces, a second non-empty one is an error. */
  define(name, nodes) {
    const known = this.defs.get(name);
    const empty = (l) => l.every((n) => n.k === "text" && n.text.trim() === "");
    if (known !== void 0 && !empty(known) && !empty(nodes)) fail(`template: multiple definition of template "${name}"`);
    if (known === void 0 || empty(known)) this.defs.set(name, nodes);
  }
  control(kind, toks) {
    const scopeMark = this.vars.length;
    const node = this.controlBody(kind, toks);
    this.vars.length = scopeMark;
    return node;
  }
  controlBody(kind, toks) {
    const pipe = this.pipe(toks, kind === "range");
    this.depth++;
    const body = this.list();
    this.depth--;
    const node = { k: kind, pipe, list: body.list };
    if (body.end === void 0) fail(`unexpected EOF`);
    if (body.end === "else") {
      const rest = body.rest ?? [];
      if (rest.length > 0) {
        const kw = rest[0];
        if (kind === "range" || kw?.t !== "ident" || kw.v !== kind) fail("unexpected tokens after else");
        const inner = rest.slice(1);
        if (inner[0]?.t === "space") inner.shift();
        node.else = [this.control(kind, inner)];
      } else {
        const tail = this.list();
        if (tail.end !== "end") fail(tail.end === "else" ? "expected end; found {{else}}" : "unexpected EOF");
        node.else = tail.list;
      }
    }
    return node;
  }
  pipe(toks, isRange) {
    let decl = [];
    let assign = false;
    const noSpace = toks.filter((t) => t.t !== "space");
    const declAt = noSpace.findIndex((t) => t.t === "declare" || t.t === "assign");
    if (declAt > 0 && noSpace.slice(0, declAt).every((t) => t.t === "var" || t.t === "comma")) {
      const vars = noSpace.slice(0, declAt).filter((t) => t.t === "var");
      const commas = declAt - vars.length;
      if (vars.length > (isRange ? 2 : 1) || commas !== vars.length - 1) fail("too many declarations");
      decl = vars.map((t) => t.v);
      assign = noSpace[declAt].t === "assign";
      this.vars.push(...decl);
      let seen = 0;
      let cut = 0;
      for (; cut < toks.length; cut++) {
        if (toks[cut].t !== "space" && seen++ === declAt) break;
      }
      toks = toks.slice(cut + 1);
    }
    const cmds = [];
    let cur = [];
    let i = 0;
    const operand2 = () => {
      const t = toks[i++];
      let term;
      switch (t.t) {
        case "dot":
          term = { k: "dot" };
          break;
        case "field": {
          const names = [t.v];
          while (toks[i]?.t === "field") names.push(toks[i++].v);
          return { k: "field", names };
        }
        case "var": {
          if (!this.vars.includes(t.v)) fail(`undefined variable "${t.v}"`);
          const names = [];
          while (toks[i]?.t === "field") names.push(toks[i++].v);
          return { k: "var", name: t.v, names };
        }
        case "ident":
          if (t.v === "nil") term = { k: "nil" };
          else if (t.v === "true" || t.v === "false") term = { k: "bool", v: t.v === "true" };
          else if (KEYWORDS.has(t.v)) fail(`unexpected ${t.v} in operand`);
          else term = { k: "ident", name: t.v };
          break;
        case "string":
          term = { k: "string", v: t.v };
          break;
        case "number":
          term = { k: "number", text: t.v, value: numberConstant(t.v) };
          break;
        case "char":
          term = { k: "number", text: t.v, value: charConstant(t.v) };
          break;
        case "lparen": {
          let depth = 1;
          const start = i;
          while (i < toks.length && depth > 0) {
            if (toks[i].t === "lparen") depth++;
            else if (toks[i].t === "rparen") depth--;
            i++;
          }
          if (depth > 0) fail("unclosed left paren");
          const inner = toks.slice(start, i - 1).filter((x, j, a) => !(x.t === "space" && (j === 0 || j === a.length - 1)));
          if (inner.length === 0) fail("missing value for parenthesized pipeline");
          const sub2 = this.pipe(inner, false);
          if (sub2.decl.length) unsupported("a declaration inside parentheses");
          term = { k: "chain", term: { k: "pipe", pipe: sub2 }, names: [] };
          break;
        }
        default:
          fail(`unexpected ${t.t} in operand`);
      }
      if (toks[i]?.t === "field") {
        if (term.k === "bool" || term.k === "nil" || term.k === "number" || term.k === "string" || term.k === "dot") fail("unexpected . after term");
        const names = [];
        while (toks[i]?.t === "field") names.push(toks[i++].v);
        return term.k === "chain" ? { ...term, names } : { k: "chain", term, names };
      }
      return term;
    };
    while (i < toks.length) {
      const t = toks[i];
      if (t.t === "space") {
        i++;
        continue;
      }
      if (t.t === "pipe") {
        if (cur.length === 0) fail("missing command");
        cmds.push(cur);
        cur = [];
        i++;
        continue;
      }
      if (t.t === "rparen" || t.t === "comma" || t.t === "declare" || t.t === "assign" || t.t === "end") fail(`unexpected ${t.t} in command`);
      if (cur.length > 0 && toks[i - 1]?.t !== "space") fail("missing space between operands");
      cur.push(operand2());
    }
    if (cur.length === 0 && cmds.length === 0) fail("missing command");
    if (cur.length > 0) cmds.push(cur);
    return { decl, assign, cmds };
  }
};
var Break = class {
};
var Continue = class {
};
var NO_VALUE = "<no value>";
function isMap(v) {
  return v instanceof Map;
}
function kindOf(v) {
  if (v === void 0 || v === null) return "invalid";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string" || "num" in v) return "string";
  if (Array.isArray(v)) return "slice";
  if (isMap(v)) return "map";
  if ("imag" in v) return "complex";
  return "int" in v ? "int" : "float";
}
function stringOf(v) {
  return typeof v === "string" ? v : v.num;
}
function truth(v) {
  switch (kindOf(v)) {
    case "invalid":
      return false;
    case "bool":
      return v;
    case "string":
      return stringOf(v).length > 0;
    case "int":
      return v.int !== 0n;
    case "float":
      return v.float !== 0;
    case "complex":
      return v.imag !== 0;
    case "slice":
      return v.length > 0;
    case "map":
      return v.size > 0;
  }
}
function fmtV(v) {
  switch (kindOf(v)) {
    case "invalid":
      return "<nil>";
    case "bool":
      return v ? "true" : "false";
    case "string":
      return stringOf(v);
    case "int":
      return v.int.toString();
    case "float":
      return goFloatText(v.float);
    case "complex": {
      const im = goFloatText(v.imag);
      return `(0${im.startsWith("-") ? "" : "+"}${im}i)`;
    }
    case "slice":
      return `[${v.map(fmtV).join(" ")}]`;
    case "map": {
      const m = v;
      return `map[${[...m.keys()].sort(goCompare).map((k) => `${k}:${fmtV(m.get(k))}`).join(" ")}]`;
    }
  }
}
function sprint(args) {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && kindOf(a) !== "string" && kindOf(args[i - 1]) !== "string") out += " ";
    out += fmtV(a);
  });
  return out;
}
function goArg(v) {
  switch (kindOf(v)) {
    case "string":
      return typeof v === "string" ? { k: "string", v } : { k: "string", v: stringOf(v), type: "json.Number" };
    case "int":
      return { k: "int64", v: v.int };
    case "float":
      return { k: "float64", v: v.float };
    default:
      return { k: "string", v: fmtV(v) };
  }
}
function printf(args) {
  const [format, ...rest] = args;
  if (typeof format !== "string") fail("wrong type for value; expected string");
  if ([format, ...rest].some((a) => kindOf(a) === "string" && STRAY.test(stringOf(a)))) {
    const verbs = [...format.matchAll(/%[#0+\- ]*(?:\[[0-9]*\])?(?:[0-9]*|\*)(?:\.(?:\[[0-9]*\])?(?:[0-9]*|\*))?(?:\[[0-9]*\])?([^])?/gu)];
    if (verbs.some((m) => !["s", "v", "T", "%"].includes(m[1] ?? "") || m[0].includes("#"))) unsupported("printf of a string that is not valid UTF-8 under a verb other than %s, %v or %T");
  }
  if (!rest.some(isTyped)) return goSprintf(format, rest.map(goArg));
  return typedSprintf(format, rest);
}
function isTyped(v) {
  return ["invalid", "bool", "complex", "slice", "map"].includes(kindOf(v)) || hasIntType(v);
}
function hasIntType(v) {
  return kindOf(v) === "int" && v.type !== void 0;
}
function directiveText(d, verb = d.verb, prec = d.prec) {
  return `%${d.flags}${d.width}${prec}${verb}`;
}
function padString(d, s) {
  return goSprintf(directiveText(d, "s", ""), [{ k: "string", v: s }]);
}
function goTypeName2(v) {
  if (hasIntType(v)) return v.type;
  switch (kindOf(v)) {
    case "bool":
      return "bool";
    case "slice":
      return "[]interface {}";
    case "map":
      return "map[string]interface {}";
    case "complex":
      return "complex128";
    default:
      return goSprintf("%T", [goArg(v)]);
  }
}
function sprintfOne(d, v) {
  if (!/^[[*#0+\- .0-9]$/.test(d.verb)) return goSprintf(directiveText(d), [goArg(v)]);
  return goSprintf(directiveText(d, "\uE000"), [goArg(v)]).replaceAll("%!\uE000(", `%!${d.verb}(`);
}
function printTyped(d, v, nested) {
  const k = kindOf(v);
  if (hasIntType(v) && d.verb === "T") return goSprintf(directiveText(d, "s"), [{ k: "string", v: goTypeName2(v) }]);
  if (!isTyped(v) || hasIntType(v)) {
    if (nested && d.verb === "T") return `%!T(${goTypeName2(v)}=${goSprintf(directiveText({ ...d, flags: d.flags.replace(/[#+]/g, "") }, "v"), [goArg(v)])})`;
    if (goTypeName2(v) === "uint8" && d.verb === "v" && d.flags.includes("#")) return goSprintf(directiveText({ ...d, flags: "#" + d.flags.replace(/[+#]/g, "") }, "x"), [goArg(v)]);
    const text2 = sprintfOne(d, v);
    const bad2 = `%!${d.verb}(int=`;
    return hasIntType(v) && text2.startsWith(bad2) ? `%!${d.verb}(${goTypeName2(v)}=${text2.slice(bad2.length)}` : text2;
  }
  if (d.verb === "p" && (k === "slice" || k === "map")) unsupported("printf %p on a list or map");
  if (k === "complex") return printComplex(d, v.imag);
  const sharpV = d.verb === "v" && d.flags.includes("#");
  if (k === "invalid") {
    if (nested) return sharpV ? "interface {}(nil)" : "<nil>";
    return d.verb === "T" || d.verb === "v" ? padString(d, "<nil>") : `%!${d.verb}(<nil>)`;
  }
  if (d.verb === "T" && !nested) return goSprintf(directiveText(d, "s"), [{ k: "string", v: goTypeName2(v) }]);
  if (k === "bool") {
    const text2 = padString(d, v ? "true" : "false");
    return d.verb === "t" || d.verb === "v" ? text2 : `%!${d.verb}(bool=${text2})`;
  }
  if (k === "slice") {
    const elems = v.map((e) => printTyped(d, e, true));
    return sharpV ? `[]interface {}{${elems.join(", ")}}` : `[${elems.join(" ")}]`;
  }
  const m = v;
  const pairs = [...m.keys()].sort(goCompare).map((key) => `${printTyped(d, key, true)}:${printTyped(d, m.get(key), true)}`);
  return sharpV ? `map[string]interface {}{${pairs.join(", ")}}` : `map[${pairs.join(" ")}]`;
}
function printComplex(d, imag) {
  if (d.verb === "T") return goSprintf(directiveText(d, "s"), [{ k: "string", v: "complex128" }]);
  const floatVerb = "vbgGxXfFeE".includes(d.verb);
  const verb = floatVerb && d.verb !== "v" ? d.verb : "g";
  const flags = d.verb === "v" ? d.flags.replace(/[+#]/g, "") : d.flags;
  const part = (f, x) => goSprintf(`%${f}${d.width}${d.prec}${verb}`, [{ k: "float64", v: x }]);
  const text2 = `(${part(flags, 0)}${part(flags + "+", imag)}i)`;
  return floatVerb ? text2 : `%!${d.verb}(complex128=${text2})`;
}
var TOO_LARGE2 = 1e6;
function parseNum2(s, start, end) {
  let num2 = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s[i] >= "0" && s[i] <= "9"; i++) {
    if (num2 > TOO_LARGE2) return { num: 0, isNum: false, next: end };
    num2 = num2 * 10 + s.charCodeAt(i) - 48;
    isNum = true;
  }
  return { num: num2, isNum, next: i };
}
function typedSprintf(format, args) {
  let out = "";
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  const end = format.length;
  const argNumber = (i2) => {
    if (i2 >= end || format[i2] !== "[") return { i: i2, found: false };
    reordered = true;
    let ok = false;
    let index = 0;
    let wid = 1;
    if (end - i2 >= 3) {
      const close = format.indexOf("]", i2 + 1);
      if (close >= 0) {
        const n = parseNum2(format, i2 + 1, close);
        wid = close - i2 + 1;
        if (n.isNum && n.next === close) {
          ok = true;
          index = n.num - 1;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i2 + wid, found: true };
    }
    goodArgNum = false;
    return { i: i2 + wid, found: ok };
  };
  const intFromArg = () => {
    if (argNum >= args.length) return { num: 0, isInt: false };
    const a = args[argNum++];
    if (kindOf(a) !== "int") return { num: 0, isInt: false };
    const n = Number(a.int);
    return n > TOO_LARGE2 || n < -TOO_LARGE2 ? { num: 0, isInt: false } : { num: n, isInt: true };
  };
  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    let flags = /^[#0+\- ]*/.exec(format.slice(i))[0];
    i += flags.length;
    let r = argNumber(i);
    i = r.i;
    let afterIndex = r.found;
    let width = "";
    if (format[i] === "*") {
      i++;
      const w = intFromArg();
      if (!w.isInt) out += "%!(BADWIDTH)";
      else if (w.num < 0) {
        flags = flags.replace(/0/g, "") + "-";
        width = String(-w.num);
      } else width = String(w.num);
      afterIndex = false;
    } else {
      const n = parseNum2(format, i, end);
      if (n.isNum) width = String(n.num);
      i = n.next;
      if (afterIndex && n.isNum) goodArgNum = false;
    }
    let prec = "";
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (format[i] === "*") {
        i++;
        const p = intFromArg();
        if (!p.isInt || p.num < 0) out += "%!(BADPREC)";
        else prec = `.${p.num}`;
        afterIndex = false;
      } else {
        const n = parseNum2(format, i, end);
        prec = `.${n.isNum ? n.num : 0}`;
        i = n.next;
      }
    }
    if (!afterIndex) i = argNumber(i).i;
    if (i >= end) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i));
    i += verb.length;
    if (verb === "%") out += "%";
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) out += `%!${verb}(MISSING)`;
    else out += printTyped({ flags, width, prec, verb }, args[argNum++], false);
  }
  if (!reordered && argNum < args.length) {
    const plain = { flags: "", width: "", prec: "", verb: "v" };
    const extra = args.slice(argNum).map((a) => kindOf(a) === "invalid" ? "<nil>" : `${goTypeName2(a)}=${printTyped(plain, a, false)}`);
    out += `%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
function basic(v) {
  const k = kindOf(v);
  if (k === "bool" || k === "string" || k === "int" || k === "float") return k;
  fail("invalid type for comparison");
}
function eq(a, rest) {
  if (rest.length === 0) fail("missing argument for comparison");
  for (const b of rest) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
      if (ka !== "invalid" && kb !== "invalid") fail("incompatible types for comparison");
      continue;
    }
    switch (ka) {
      case "invalid":
        return true;
      case "bool":
        if (a === b) return true;
        break;
      case "string":
        if (stringOf(a) === stringOf(b)) return true;
        break;
      case "int":
        if (a.int === b.int) return true;
        break;
      case "float":
        if (a.float === b.float) return true;
        break;
      case "complex":
        if (a.imag === b.imag) return true;
        break;
      default:
        fail("non-comparable types");
    }
  }
  return false;
}
function lessThan(a, b) {
  const ka = basic(a);
  const kb = basic(b);
  if (ka !== kb) fail("incompatible types for comparison");
  switch (ka) {
    case "bool":
      fail("invalid type for comparison");
    // falls through (fail never returns)
    case "string":
      if (STRAY.test(stringOf(a)) || STRAY.test(stringOf(b))) return Buffer.compare(goBytes(stringOf(a)), goBytes(stringOf(b))) < 0;
      return goCompare(stringOf(a), stringOf(b)) < 0;
    case "int":
      return a.int < b.int;
    case "float":
      return a.float < b.float;
  }
}
function utf8Length(s) {
  return STRAY.test(s) ? goBytes(s).length : Buffer.byteLength(s, "utf8");
}
function indexOne(item, key) {
  const k = kindOf(item);
  if (k === "slice" || k === "string") {
    if (kindOf(key) !== "int") fail("cannot index slice/array with type");
    const i = key.int;
    const arr = k === "string" ? [...goBytes(stringOf(item))].map((b) => ({ int: BigInt(b), type: "uint8" })) : item;
    if (i < 0n || i >= BigInt(arr.length)) fail(`error calling index: index out of range: ${i}`);
    return arr[Number(i)];
  }
  if (k === "map") {
    if (kindOf(key) !== "string" || typeof key !== "string") fail("value has type json.Number; should be string");
    const m = item;
    return m.has(key) ? m.get(key) : null;
  }
  if (k === "invalid") fail("index of untyped nil");
  fail("can't index item");
}
var MAX_TEMPLATE_DEPTH = 1e3;
var Executor = class {
  constructor(defs, maxOutput) {
    this.defs = defs;
    this.maxOutput = maxOutput;
  }
  defs;
  maxOutput;
  out = "";
  steps = 0;
  calls = 0;
  tick() {
    if (++this.steps > 1e7) unsupported("a template running over 10 million steps");
  }
  write(s) {
    this.out += s;
    if (this.out.length > this.maxOutput) unsupported(`output over ${this.maxOutput} characters`);
  }
  run(list, dot, scope) {
    for (const node of list) this.node(node, dot, scope);
  }
  node(node, dot, scope) {
    this.tick();
    switch (node.k) {
      case "text":
        this.write(node.text);
        return;
      case "action": {
        const v = this.pipe(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) this.write(v === void 0 || v === null ? NO_VALUE : fmtV(v));
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "template": {
        const nodes = this.defs.get(node.name);
        if (!nodes) fail(`no such template "${node.name}"`);
        const data2 = node.pipe ? this.pipe(node.pipe, dot, scope) : void 0;
        if (++this.calls > MAX_TEMPLATE_DEPTH) fail("exceeded maximum template depth");
        try {
          this.run(nodes, data2, { vars: [["$", data2]] });
        } finally {
          this.calls--;
        }
        return;
      }
      case "if":
      case "with": {
        const mark = scope.vars.length;
        const v = this.pipe(node.pipe, dot, scope);
        if (truth(v)) this.run(node.list, node.k === "with" ? v : dot, scope);
        else if (node.else) this.run(node.else, dot, scope);
        scope.vars.length = mark;
        return;
      }
      case "range":
        this.range(node, dot, scope);
        return;
    }
  }
  range(node, dot, scope) {
    const mark = scope.vars.length;
    const v = this.pipe(node.pipe, dot, scope);
    const inner = scope.vars.length;
    const { decl, assign } = node.pipe;
    const setVar = (name, x) => {
      const i = scope.vars.map((e) => e[0]).lastIndexOf(name);
      scope.vars[i][1] = x;
    };
    const one = (key, elem) => {
      if (decl.length === 1) {
        if (assign) setVar(decl[0], elem);
        else scope.vars[inner - 1][1] = elem;
      }
      if (decl.length === 2) {
        if (assign) {
          setVar(decl[0], key);
          setVar(decl[1], elem);
        } else {
          scope.vars[inner - 1][1] = elem;
          scope.vars[inner - 2][1] = key;
        }
      }
      try {
        this.run(node.list, elem, scope);
      } catch (e) {
        if (e instanceof Break) return false;
        if (!(e instanceof Continue)) throw e;
      } finally {
        scope.vars.length = inner;
      }
      return true;
    };
    let empty = true;
    switch (kindOf(v)) {
      case "slice":
        for (let i = 0; i < v.length; i++) {
          empty = false;
          if (!one({ int: BigInt(i) }, v[i])) break;
        }
        break;
      case "map": {
        const m = v;
        for (const k of [...m.keys()].sort(goCompare)) {
          empty = false;
          if (!one(k, m.get(k))) break;
        }
        break;
      }
      case "int": {
        if (node.pipe.decl.length > 1) fail("can't use int to iterate over more than one variable");
        const n = v.int;
        for (let i = 0n; i < n; i++) {
          empty = false;
          if (!one({ int: i }, { int: i })) break;
        }
        break;
      }
      case "invalid":
        break;
      default:
        fail(`range can't iterate over ${fmtV(v)}`);
    }
    if (empty && node.else) this.run(node.else, dot, scope);
    scope.vars.length = mark;
  }
  variable(name, scope) {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i][0] === name) return scope.vars[i][1];
    fail(`undefined variable: ${name}`);
  }
  pipe(pipe, dot, scope) {
    let value = MISSING;
    for (const cmd of pipe.cmds) value = this.command(cmd, dot, scope, value) ?? void 0;
    const v = value;
    for (const name of pipe.decl) {
      if (pipe.assign) {
        const i = scope.vars.map((x) => x[0]).lastIndexOf(name);
        if (i < 0) fail(`undefined variable: ${name}`);
        scope.vars[i][1] = v;
      } else scope.vars.push([name, v]);
    }
    return v;
  }
  command(cmd, dot, scope, final) {
    const [first, ...args] = cmd;
    if (first.k === "ident") return this.call(first.name, args, dot, scope, final);
    if (args.length > 0 || final !== MISSING) {
      if (first.k === "field" || first.k === "chain" || first.k === "var" && first.names.length > 0) fail("is not a method but has arguments");
      fail("can't give argument to non-function");
    }
    if (first.k === "nil") fail("nil is not a command");
    return this.term(first, dot, scope);
  }
  term(t, dot, scope) {
    switch (t.k) {
      case "dot":
        return dot;
      case "nil":
        return void 0;
      case "bool":
        return t.v;
      case "string":
        return t.v;
      case "number":
        return t.value;
      case "field":
        return this.fields(dot, t.names);
      case "var":
        return this.fields(this.variable(t.name, scope), t.names);
      case "ident":
        return this.call(t.name, [], dot, scope, MISSING);
      case "chain": {
        const inner = t.term;
        const base = inner.k === "pipe" ? this.pipe(inner.pipe, dot, scope) : this.term(t.term, dot, scope);
        return this.fields(base, t.names);
      }
    }
  }
  /**
   * Field chain on map[string]any (missingkey=default): a missing key is an invalid value, whose fields are
   * invalid too; a field of a nil interface{} (JSON null) is an error.
   */
  fields(v, names) {
    for (const name of names) {
      if (isMap(v)) v = v.get(name);
      else if (v !== null && typeof v === "object" && "num" in v && JSON_NUMBER_METHODS.has(name)) v = jsonNumberMethod(v.num, name);
      else if (v === null) fail(`nil pointer evaluating interface {}.${name}`);
      else if (v !== void 0) fail(`can't evaluate field ${name} in type ${kindOf(v)}`);
    }
    return v;
  }
  call(name, argTerms, dot, scope, final) {
    const lazy = argTerms.map((t) => () => this.term(t, dot, scope));
    if (final !== MISSING) lazy.push(() => final);
    const args = () => lazy.map((f) => f());
    const arity = (n) => {
      if (lazy.length !== n) fail(`wrong number of args for ${name}: want ${n} got ${lazy.length}`);
    };
    switch (name) {
      case "and":
      case "or": {
        if (lazy.length < 1) fail(`wrong number of args for ${name}: want at least 1 got 0`);
        let v;
        for (const f of lazy) {
          v = f();
          if (truth(v) !== (name === "and")) return v;
        }
        return v;
      }
      case "not":
        arity(1);
        return !truth(lazy[0]());
      case "len": {
        arity(1);
        const v = lazy[0]();
        switch (kindOf(v)) {
          case "string":
            return { int: BigInt(utf8Length(stringOf(v))) };
          case "slice":
            return { int: BigInt(v.length) };
          case "map":
            return { int: BigInt(v.size) };
          case "invalid":
            fail("error calling len: len of nil pointer");
          // falls through (fail never returns)
          default:
            fail(`error calling len: len of type ${kindOf(v)}`);
        }
      }
      // falls through (every case above returns)
      case "index": {
        if (lazy.length < 1) fail("wrong number of args for index: want at least 1 got 0");
        const [item, ...keys] = args();
        if (kindOf(item) === "invalid") fail("error calling index: index of untyped nil");
        let v = item;
        for (const k of keys) v = indexOne(v, k);
        return v;
      }
      case "print":
        return canonical(sprint(args()));
      case "println":
        return canonical(args().map(fmtV).join(" ") + "\n");
      case "printf":
        if (lazy.length < 1) fail("wrong number of args for printf: want at least 1 got 0");
        return canonical(printf(args()));
      case "eq": {
        if (lazy.length < 1) fail("wrong number of args for eq: want at least 1 got 0");
        const [a, ...rest] = args();
        return eq(a, rest);
      }
      case "ne": {
        arity(2);
        const [a, b] = args();
        return !eq(a, [b]);
      }
      case "lt":
      case "le":
      case "gt":
      case "ge": {
        arity(2);
        const [a, b] = args();
        if (name === "lt") return lessThan(a, b);
        if (name === "ge") return !lessThan(a, b);
        const lessOrEqual = lessThan(a, b) || eq(a, [b]);
        return name === "le" ? lessOrEqual : !lessOrEqual;
      }
      case "slice":
        if (lazy.length < 1) fail("wrong number of args for slice: want at least 1 got 0");
        return sliceOf(args());
      case "html":
        return canonical(htmlEscape(evalArgsText(args())));
      case "js":
        return canonical(jsEscape(evalArgsText(args())));
      case "urlquery":
        return queryEscape(evalArgsText(args()));
      case "call": {
        if (lazy.length < 1) fail("wrong number of args for call: want at least 1 got 0");
        const [fn] = args();
        fail(kindOf(fn) === "invalid" ? "error calling call: call of nil" : "error calling call: non-function");
      }
      // falls through (fail never returns)
      default:
        fail(`function "${name}" not defined`);
    }
  }
};
var MISSING = /* @__PURE__ */ Symbol("missing");
var JSON_NUMBER_METHODS = /* @__PURE__ */ new Set(["String", "Int64", "Float64"]);
function jsonNumberMethod(text2, name) {
  if (name === "String") return text2;
  if (name === "Int64") {
    if (!/^[+-]?[0-9]+$/.test(text2)) fail(`error calling Int64: strconv.ParseInt: parsing ${JSON.stringify(text2)}: invalid syntax`);
    const i = BigInt(text2);
    if (i < -(1n << 63n) || i >= 1n << 63n) fail(`error calling Int64: strconv.ParseInt: parsing ${JSON.stringify(text2)}: value out of range`);
    return { int: i, type: "int64" };
  }
  const f = Number(text2);
  if (!Number.isFinite(f)) fail(`error calling Float64: strconv.ParseFloat: parsing ${JSON.stringify(text2)}: value out of range`);
  return { float: f };
}
function goRenderTemplate(src, data2, maxOutput = 16 * 1024 * 1024) {
  const parser = new TemplateParser(src);
  const nodes = parser.parse();
  if (!parser.defs.has("template") || nodes.some((n) => n.k !== "text" || n.text.trim() !== "")) parser.defs.set("template", nodes);
  checkLoopControl(nodes, false);
  for (const d of parser.defs.values()) checkLoopControl(d, false);
  const exec = new Executor(parser.defs, maxOutput);
  exec.run(nodes, data2, { vars: [["$", data2]] });
  return STRAY.test(exec.out) ? decodeGoBytes(goBytes(exec.out), () => "\uFFFD") : exec.out;
}
function checkLoopControl(nodes, inRange) {
  for (const n of nodes) {
    if ((n.k === "break" || n.k === "continue") && !inRange) fail(`{{${n.k}}} outside {{range}}`);
    if (n.k === "if" || n.k === "with" || n.k === "range") {
      checkLoopControl(n.list, inRange || n.k === "range");
      if (n.else) checkLoopControl(n.else, inRange);
    }
  }
}
function sliceIndex(v, cap) {
  const k = kindOf(v);
  if (k === "invalid") fail("error calling slice: cannot index slice/array with nil");
  if (k !== "int") fail("error calling slice: cannot index slice/array with type");
  const x = v.int;
  if (x < 0n || x > BigInt(cap)) fail(`error calling slice: index out of range: ${x}`);
  return Number(x);
}
function sliceOf([item, ...indexes]) {
  const k = kindOf(item);
  if (k === "invalid") fail("error calling slice: slice of untyped nil");
  if (indexes.length > 3) fail(`error calling slice: too many slice indexes: ${indexes.length}`);
  let len;
  let bytes;
  if (k === "string") {
    if (indexes.length === 3) fail("error calling slice: cannot 3-index slice a string");
    bytes = goBytes(stringOf(item));
    len = bytes.length;
  } else if (k === "slice") len = item.length;
  else fail(`error calling slice: can't slice item of type ${k}`);
  const cap = bytes ? len : Number.MAX_SAFE_INTEGER;
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = sliceIndex(x, cap);
  });
  if (idx[0] > idx[1]) fail(`error calling slice: invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) fail(`error calling slice: invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (idx[1] > len || indexes.length === 3 && idx[2] > len) unsupported("a slice index past the length of a list");
  if (bytes) {
    const s = decodeGoBytes(bytes.subarray(idx[0], idx[1]), (b) => String.fromCharCode(56320 + b));
    return typeof item === "string" ? s : { num: s };
  }
  return item.slice(idx[0], idx[1]);
}
function evalArgsText(args) {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(args.map((a) => kindOf(a) === "invalid" ? NO_VALUE : a));
}
var HTML_ESCAPES = { "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function htmlEscape(s) {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]);
}
var JS_ESCAPES = { "\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D" };
var GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function jsEscape(s) {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (JS_ESCAPES[ch] !== void 0) out += JS_ESCAPES[ch];
    else if (c < 32) out += "\\u00" + c.toString(16).toUpperCase().padStart(2, "0");
    else if (c < 128 || GO_PRINTABLE.test(ch) || c >= 56448 && c <= 56575) out += ch;
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}
function queryEscape(s) {
  let out = "";
  for (const b of goBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

// src/go/graph.ts
function vertices(v) {
  return v.t === "array" || v.t === "set" ? v.v : [];
}
function numberKey(text2) {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text2);
  if (!m) return text2;
  let digits = `${m[2]}${m[3] ?? ""}`.replace(/^0+/, "");
  if (digits === "") return "0";
  let exp = Number(m[4] ?? 0) - (m[3] ?? "").length;
  const zeros = /0*$/.exec(digits)[0].length;
  digits = digits.slice(0, digits.length - zeros);
  exp += zeros;
  return `${m[1]}${digits}e${exp}`;
}
function valueKey(v) {
  switch (v.t) {
    case "null":
      return "null";
    case "boolean":
      return String(v.v);
    case "number":
      return `#${numberKey(v.v)}`;
    case "string":
      return JSON.stringify(v.v);
    case "array":
      return `[${v.v.map(valueKey).join(",")}]`;
    case "set":
      return `{${[...v.v].sort(compareRegoValues).map(valueKey).join(",")}}`;
    case "object":
      return `{${[...v.v].sort(([a], [b]) => compareRegoValues(a, b)).map(([k, x]) => `${valueKey(k)}:${valueKey(x)}`).join(",")}:}`;
  }
}
function regoSet(members) {
  const sorted = [...members].sort(compareRegoValues);
  const out = [];
  for (const m of sorted) if (out.length === 0 || !regoValuesEqual(out[out.length - 1], m)) out.push(m);
  return { t: "set", v: out };
}
function reachablePaths(graph, initial) {
  if (graph.t !== "object") return void 0;
  if (initial.t !== "array" && initial.t !== "set") return void 0;
  const edges = /* @__PURE__ */ new Map();
  for (const [k, v] of graph.v) edges.set(valueKey(k), v);
  const paths = [];
  const path = [];
  const onPath = /* @__PURE__ */ new Map();
  const enter = (key) => {
    onPath.set(key, (onPath.get(key) ?? 0) + 1);
  };
  const leave = (key) => {
    const n = onPath.get(key) - 1;
    if (n === 0) onPath.delete(key);
    else onPath.set(key, n);
  };
  const commit = () => {
    paths.push({ t: "array", v: [...path] });
  };
  for (const start of initial.v) {
    const startKey = valueKey(start);
    const first = edges.get(startKey);
    if (first === void 0) continue;
    if (vertices(first).length === 0) {
      paths.push({ t: "array", v: [start] });
      continue;
    }
    path.push(start);
    enter(startKey);
    const stack = vertices(first).map((n) => ({ enter: n })).reverse();
    while (stack.length > 0) {
      const step = stack.pop();
      if ("leave" in step) {
        leave(valueKey(path.pop()));
        continue;
      }
      const node = step.enter;
      const out = edges.get(valueKey(node));
      if (out === void 0) {
        commit();
        continue;
      }
      path.push(node);
      const next = vertices(out);
      if (next.length === 0) {
        commit();
        path.pop();
        continue;
      }
      enter(valueKey(node));
      stack.push({ leave: true });
      for (let i = next.length - 1; i >= 0; i--) {
        const n = next[i];
        if (onPath.has(valueKey(n))) commit();
        else stack.push({ enter: n });
      }
    }
    path.length = 0;
    onPath.clear();
  }
  return regoSet(paths);
}

// src/go/json-indent.ts
function marshalOptions(opts) {
  if (opts.t !== "object") return void 0;
  let prefix2 = "";
  let indent = "	";
  let implicit = false;
  let explicit;
  for (const [k, v] of opts.v) {
    if (k.t !== "string") return void 0;
    switch (k.v) {
      case "prefix":
      case "indent":
        if (v.t !== "string") return void 0;
        if (k.v === "prefix") prefix2 = v.v;
        else indent = v.v;
        implicit = true;
        break;
      case "pretty":
        if (v.t !== "boolean") return void 0;
        explicit = v.v;
        break;
      default:
        return void 0;
    }
  }
  return { pretty: explicit ?? implicit, prefix: prefix2, indent };
}
function goJsonIndent(compact, prefix2, indent) {
  let out = "";
  let depth = 0;
  let open = false;
  const newline = () => "\n" + prefix2 + indent.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i];
    if (open && c !== "]" && c !== "}") {
      open = false;
      depth++;
      out += newline();
    }
    if (c === '"') {
      let j = i + 1;
      while (compact[j] !== '"') j += compact[j] === "\\" ? 2 : 1;
      out += compact.slice(i, j + 1);
      i = j;
      continue;
    }
    switch (c) {
      case "{":
      case "[":
        open = true;
        out += c;
        break;
      case ",":
        out += c + newline();
        break;
      case ":":
        out += ": ";
        break;
      case "}":
      case "]":
        if (open) open = false;
        else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// src/go/uri.ts
var UrlError = class extends Error {
};
function bad(message) {
  throw new UrlError(message);
}
var ALNUM = /^[A-Za-z0-9]$/;
function hostShouldEscape(c) {
  if (ALNUM.test(c)) return false;
  return !`!$&'()*+,;=:[]<>"-_.~`.includes(c);
}
function pathShouldEscape(c) {
  if (ALNUM.test(c)) return false;
  return !"-_.~$&+,/:;=@".includes(c);
}
var isHex = (c) => c !== void 0 && /^[0-9A-Fa-f]$/.test(c);
function unescape(s, mode) {
  let out = "";
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === "%") {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) bad("invalid URL escape");
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      const pct25 = s.slice(i, i + 3) === "%25";
      if (mode === "host" && v < 128 && !pct25) bad("invalid URL escape");
      if (mode === "zone" && !pct25 && v !== 32 && hostShouldEscape(String.fromCharCode(v))) bad("invalid URL escape");
      out += String.fromCharCode(v);
      i += 3;
      continue;
    }
    if ((mode === "host" || mode === "zone") && c.charCodeAt(0) < 128 && hostShouldEscape(c)) bad("invalid character in host name");
    out += c;
    i++;
  }
  return out;
}
function escapePath(s) {
  let out = "";
  for (const c of s) out += pathShouldEscape(c) ? "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0") : c;
  return out;
}
function validOptionalPort(port2) {
  return port2 === "" || /^:[0-9]*$/.test(port2);
}
function validUserinfo(s) {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}
function addrKind(s) {
  for (const c of s) {
    if (c === ".") return ipv4Fields(s) ? "v4" : bad("invalid host");
    if (c === ":") return ipv6Valid(s) ? "v6" : bad("invalid host");
    if (c === "%") bad("invalid host");
  }
  bad("invalid host");
}
function ipv4Fields(s) {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}
function ipv6Valid(input) {
  let s = input;
  const z = s.indexOf("%");
  if (z >= 0) {
    if (z === s.length - 1) return false;
    s = s.slice(0, z);
  }
  let ellipsis = -1;
  let i = 0;
  if (s.startsWith("::")) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === "") return true;
  }
  while (i < 16) {
    const m = /^[0-9A-Fa-f]*/.exec(s)[0];
    if (m.length > 4) return false;
    if (m.length === 0) return false;
    if (s[m.length] === ".") {
      if (ellipsis < 0 && i !== 12) return false;
      if (i + 4 > 16) return false;
      if (!ipv4Fields(s)) return false;
      s = "";
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(m.length);
    if (s === "") break;
    if (s[0] !== ":" || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ":") {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s = s.slice(1);
      if (s === "") break;
    }
  }
  if (s !== "") return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;
}
function parseHost(host) {
  const open = host.lastIndexOf("[");
  if (open > 0) bad("invalid IP-literal");
  if (open === 0) {
    const close = host.lastIndexOf("]");
    if (close < 0) bad("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) bad("invalid port after host");
    const port2 = unescape(colonPort, "host");
    const name = host.slice(1, close);
    const zone = name.indexOf("%25");
    const unescaped = zone >= 0 ? unescape(name.slice(0, zone), "host") + unescape(name.slice(zone), "zone") : unescape(name, "host");
    if (addrKind(unescaped) === "v4") bad("invalid IP-literal");
    return `[${unescaped}]${port2}`;
  }
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && !validOptionalPort(host.slice(colon))) bad("invalid port after host");
  return unescape(host, "host");
}
function getScheme(raw) {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === ":") {
      if (i === 0) bad("missing protocol scheme");
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}
function goUrlParse(raw) {
  const hash = raw.indexOf("#");
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? "" : raw.slice(hash + 1);
  const url = { scheme: "", opaque: false, host: "", path: "", rawPath: "", rawQuery: "", fragment: "" };
  if (/[\x00-\x1f\x7f]/.test(u)) bad("invalid control character in URL");
  if (u === "*") url.path = "*";
  else {
    let [scheme, rest] = getScheme(u);
    url.scheme = scheme.toLowerCase();
    if (rest.endsWith("?") && rest.indexOf("?") === rest.length - 1) rest = rest.slice(0, -1);
    else {
      const q = rest.indexOf("?");
      if (q >= 0) [rest, url.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
    }
    if (!rest.startsWith("/") && url.scheme !== "") url.opaque = true;
    else {
      if (!rest.startsWith("/") && rest.split("/")[0].includes(":")) bad("first path segment in URL cannot contain colon");
      if ((url.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
        let authority = rest.slice(2);
        rest = "";
        const slash = authority.indexOf("/");
        if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
        const at2 = authority.lastIndexOf("@");
        url.host = parseHost(at2 < 0 ? authority : authority.slice(at2 + 1));
        if (at2 >= 0) {
          const userinfo = authority.slice(0, at2);
          if (!validUserinfo(userinfo)) bad("invalid userinfo");
          const c = userinfo.indexOf(":");
          if (c < 0) unescape(userinfo, "other");
          else {
            unescape(userinfo.slice(0, c), "other");
            unescape(userinfo.slice(c + 1), "other");
          }
        }
      }
      url.path = unescape(rest, "path");
      url.rawPath = escapePath(url.path) === rest ? "" : rest;
    }
  }
  if (frag !== "") url.fragment = unescape(frag, "other");
  return url;
}
function text(bytes) {
  if (!/[\x80-\xff]/.test(bytes)) return bytes;
  const b = Buffer.from(bytes, "latin1");
  let out = "";
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c < 128) [n, cp] = [1, c];
    else if (c >= 194 && c <= 223) [n, cp, min] = [2, c & 31, 128];
    else if (c >= 224 && c <= 239) [n, cp, min] = [3, c & 15, 2048];
    else if (c >= 240 && c <= 244) [n, cp, min] = [4, c & 7, 65536];
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) {
      const x = b[i + k];
      if ((x & 192) !== 128) ok = false;
      else cp = cp << 6 | x & 63;
    }
    if (ok && (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343)) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += "\uFFFD";
      i++;
    }
  }
  return out;
}
function toBytes(s) {
  return Buffer.from(s, "utf8").toString("latin1");
}
function uriParse(s) {
  let url;
  try {
    url = goUrlParse(toBytes(s));
  } catch (e) {
    if (e instanceof UrlError) return void 0;
    throw e;
  }
  let hostname2 = url.host;
  let port2 = "";
  const colon = hostname2.lastIndexOf(":");
  if (colon >= 0 && validOptionalPort(hostname2.slice(colon))) [hostname2, port2] = [hostname2.slice(0, colon), hostname2.slice(colon + 1)];
  if (hostname2.startsWith("[") && hostname2.endsWith("]")) hostname2 = hostname2.slice(1, -1);
  const fields = [];
  if (url.scheme) fields.push(["scheme", url.scheme]);
  if (hostname2) fields.push(["hostname", hostname2]);
  if (port2) fields.push(["port", port2]);
  if (url.path) fields.push(["path", url.path], ["raw_path", url.rawPath || url.path]);
  if (url.rawQuery) fields.push(["raw_query", url.rawQuery]);
  if (url.fragment) fields.push(["fragment", url.fragment]);
  return { t: "object", v: fields.map(([k, v]) => [{ t: "string", v: k }, { t: "string", v: text(v) }]) };
}
function uriIsValid(v) {
  if (v.t !== "string" || v.v === "") return false;
  return uriParse(v.v) !== void 0;
}

// src/go/gourl.ts
function isAlnum(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57;
}
function shouldEscape(c, mode) {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if (mode === "host" && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ("-_.~".includes(ch)) return false;
  if ("$&+,/:;=?@".includes(ch)) {
    if (mode === "path") return ch === "?";
    if (mode === "fragment") return false;
  }
  if (mode === "fragment" && "!()*".includes(ch)) return false;
  return true;
}
var UrlError2 = class extends Error {
};
function isHex2(c) {
  return c !== void 0 && /^[0-9a-fA-F]$/.test(c);
}
function unescape2(s, mode) {
  if (!s.includes("%")) return s;
  const bytes = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; ) {
    if (s[i] === "%") {
      if (!isHex2(s[i + 1]) || !isHex2(s[i + 2])) {
        const bad2 = s.slice(i, i + 3);
        throw new UrlError2(`invalid URL escape ${goQuote(bad2)}`);
      }
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const cp = s.codePointAt(i);
      const ch = String.fromCodePoint(cp);
      for (const b of enc.encode(ch)) bytes.push(b);
      i += ch.length;
    }
  }
  void mode;
  return Buffer.from(bytes).toString("utf8");
}
function escape(s, mode) {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    if (shouldEscape(b, mode)) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    else out += String.fromCharCode(b);
  }
  return out;
}
function validEncoded(s, mode) {
  for (const b of Buffer.from(s, "utf8")) {
    const ch = String.fromCharCode(b);
    if ("!$&'()*+,;=:@[]%".includes(ch)) continue;
    if (shouldEscape(b, mode)) return false;
  }
  return true;
}
function setPath(u, p) {
  u.path = unescape2(p, "path");
  u.rawPath = escape(u.path, "path") === p ? "" : p;
}
function escapedPath(u) {
  if (u.rawPath !== "" && validEncoded(u.rawPath, "path")) {
    try {
      if (unescape2(u.rawPath, "path") === u.path) return u.rawPath;
    } catch (e) {
      if (!(e instanceof UrlError2)) throw e;
    }
  }
  if (u.path === "*") return "*";
  return escape(u.path, "path");
}
function escapedFragment(u) {
  if (u.rawFragment !== "" && validEncoded(u.rawFragment, "fragment")) {
    try {
      if (unescape2(u.rawFragment, "fragment") === u.fragment) return u.rawFragment;
    } catch (e) {
      if (!(e instanceof UrlError2)) throw e;
    }
  }
  return escape(u.fragment, "fragment");
}
function goUrlParse2(raw) {
  const hash = raw.indexOf("#");
  const rest = hash < 0 ? raw : raw.slice(0, hash);
  let u;
  try {
    u = parse(rest);
  } catch (e) {
    if (e instanceof UrlError2) return { error: `parse ${goQuote(rest)}: ${e.message}` };
    throw e;
  }
  if (hash < 0) return u;
  const frag = raw.slice(hash + 1);
  if (frag === "") return u;
  try {
    u.fragment = unescape2(frag, "fragment");
  } catch (e) {
    if (e instanceof UrlError2) return { error: `parse ${goQuote(raw)}: ${e.message}` };
    throw e;
  }
  u.rawFragment = escape(u.fragment, "fragment") === frag ? "" : frag;
  return u;
}
function emptyUrl() {
  return { scheme: "", opaque: "", user: void 0, host: "", path: "", rawPath: "", rawQuery: "", forceQuery: false, fragment: "", rawFragment: "" };
}
function parse(rawURL) {
  if (/[\x00-\x1f\x7f]/.test(rawURL)) throw new UrlError2("net/url: invalid control character in URL");
  const u = emptyUrl();
  if (rawURL === "") return u;
  if (rawURL === "*") {
    u.path = "*";
    return u;
  }
  let rest = rawURL;
  for (let i = 0; i < rawURL.length; i++) {
    const c = rawURL.charCodeAt(i);
    if (c >= 97 && c <= 122 || c >= 65 && c <= 90) continue;
    if (c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46) {
      if (i === 0) break;
      continue;
    }
    if (c === 58) {
      if (i === 0) throw new UrlError2("missing protocol scheme");
      u.scheme = rawURL.slice(0, i).toLowerCase();
      rest = rawURL.slice(i + 1);
    }
    break;
  }
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (u.scheme !== "") {
      u.opaque = rest;
      return u;
    }
    const slash = rest.indexOf("/");
    const seg = slash < 0 ? rest : rest.slice(0, slash);
    if (seg.includes(":")) throw new UrlError2("first path segment in URL cannot contain colon");
  }
  if ((u.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    const at2 = authority.lastIndexOf("@");
    u.host = parseHost2(at2 < 0 ? authority : authority.slice(at2 + 1));
    if (at2 >= 0) {
      const userinfo = authority.slice(0, at2);
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new UrlError2("net/url: invalid userinfo");
      for (const part of userinfo.split(":").slice(0, 2)) unescape2(part, "path");
      u.user = userinfo;
    }
  }
  setPath(u, rest);
  return u;
}
function validOptionalPort2(port2) {
  return port2 === "" || /^:[0-9]*$/.test(port2);
}
function parseHost2(host) {
  if (host.startsWith("[")) {
    const i = host.lastIndexOf("]");
    if (i < 0) throw new UrlError2("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort2(colonPort)) throw new UrlError2(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf("%25");
    if (zone >= 0) {
      return unescapeHost(host.slice(0, zone)) + unescape2(host.slice(zone, i), "path") + unescapeHost(host.slice(i));
    }
  } else {
    const i = host.lastIndexOf(":");
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort2(colonPort)) throw new UrlError2(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescapeHost(host);
}
function unescapeHost(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (s[i] === "%") {
      if (i + 2 >= s.length || !isHex2(s[i + 1]) || !isHex2(s[i + 2])) throw new UrlError2(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      if (parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== "%25") throw new UrlError2(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      i += 2;
    } else if (c < 128 && shouldEscape(c, "host")) {
      throw new UrlError2(`invalid character ${goQuote(s[i])} in host name`);
    }
  }
  return unescape2(s, "host");
}
function goUrlString(u) {
  let buf = "";
  if (u.scheme !== "") buf += `${u.scheme}:`;
  if (u.opaque !== "") {
    buf += u.opaque;
  } else {
    if (u.scheme !== "" || u.host !== "" || u.user !== void 0) {
      if (u.host !== "" || u.path !== "" || u.user !== void 0) buf += "//";
      if (u.user !== void 0) buf += `${u.user}@`;
      if (u.host !== "") buf += escape(u.host, "host");
    }
    const path = escapedPath(u);
    if (path !== "" && path[0] !== "/" && u.host !== "") buf += "/";
    if (buf === "") {
      const slash = path.indexOf("/");
      if ((slash < 0 ? path : path.slice(0, slash)).includes(":")) buf += "./";
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== "") buf += `?${u.rawQuery}`;
  if (u.fragment !== "") buf += `#${escapedFragment(u)}`;
  return buf;
}
function resolvePath(base, ref) {
  let full;
  if (ref === "") full = base;
  else if (ref[0] !== "/") full = base.slice(0, base.lastIndexOf("/") + 1) + ref;
  else full = ref;
  if (full === "") return "";
  let dst = "/";
  let first = true;
  const parts = full.split("/");
  let elem = "";
  for (const part of parts) {
    elem = part;
    if (elem === ".") {
      first = false;
      continue;
    }
    if (elem === "..") {
      const str2 = dst.slice(1);
      const index = str2.lastIndexOf("/");
      dst = "/";
      if (index === -1) first = true;
      else dst += str2.slice(0, index);
    } else {
      if (!first) dst += "/";
      dst += elem;
      first = false;
    }
  }
  if (elem === "." || elem === "..") dst += "/";
  if (dst.length > 1 && dst[1] === "/") dst = dst.slice(1);
  return dst;
}
function goUrlResolve(base, ref) {
  const url = { ...ref };
  if (ref.scheme === "") url.scheme = base.scheme;
  if (ref.scheme !== "" || ref.host !== "" || ref.user !== void 0) {
    setPath(url, resolvePath(escapedPath(ref), ""));
    return url;
  }
  if (ref.opaque !== "") {
    url.user = void 0;
    url.host = "";
    url.path = "";
    return url;
  }
  if (ref.path === "" && !ref.forceQuery && ref.rawQuery === "") {
    url.rawQuery = base.rawQuery;
    if (ref.fragment === "") {
      url.fragment = base.fragment;
      url.rawFragment = base.rawFragment;
    }
  }
  if (ref.path === "" && base.opaque !== "") {
    url.opaque = base.opaque;
    url.user = void 0;
    url.host = "";
    url.path = "";
    return url;
  }
  url.host = base.host;
  url.user = base.user;
  setPath(url, resolvePath(escapedPath(base), escapedPath(ref)));
  return url;
}

// src/go/jsonschema-formats.ts
var RX_HOSTNAME = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
var RX_UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
var RX_JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/su;
var RX_REL_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/su;
var CHECKERS = {
  date: (s) => timeParse(s, ["date"]),
  time: (s) => timeParse(s, ["clock", "tz"]) || timeParse(s, ["clock"]),
  "date-time": (s) => timeParse(s, ["clock"]) || timeParse(s, ["clock", "tz"]) || timeParse(s, ["date"]) || timeParse(s, ["date", "T", "clock", "tz"]),
  hostname: (s) => RX_HOSTNAME.test(s) && Buffer.byteLength(s, "utf8") < 256,
  email: (s) => parseMailAddress(s),
  "idn-email": (s) => parseMailAddress(s),
  ipv4: (s) => parseIP(s) && s.includes("."),
  ipv6: (s) => parseIP(s) && s.includes(":"),
  uri: (s) => {
    const u = goUrlParse2(s);
    return !("error" in u) && u.scheme !== "" && !s.includes("\\");
  },
  "uri-reference": (s) => !("error" in goUrlParse2(s)) && !s.includes("\\"),
  iri: (s) => {
    const u = goUrlParse2(s);
    return !("error" in u) && u.scheme !== "" && !s.includes("\\");
  },
  "iri-reference": (s) => !("error" in goUrlParse2(s)) && !s.includes("\\"),
  "uri-template": (s) => {
    const u = goUrlParse2(s);
    if ("error" in u || s.includes("\\")) return false;
    return u.path.lastIndexOf("{") < u.path.lastIndexOf("}") || !u.path.includes("{");
  },
  uuid: (s) => RX_UUID.test(s),
  regex: (s) => s === "" || !("error" in compileGoRegexp(s)),
  "json-pointer": (s) => RX_JSON_POINTER.test(s),
  "relative-json-pointer": (s) => RX_REL_JSON_POINTER.test(s)
};
function checkFormat(name, s) {
  const c = CHECKERS[name];
  return c ? c(s) : true;
}
function ipv4Bytes(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && !(p.length > 1 && p[0] === "0") && Number(p) <= 255);
}
function parseIP(s) {
  return ipBytes(s) !== void 0;
}
function ipBytes(s) {
  const v4 = (p) => p.split(".").map(Number);
  if (ipv4Bytes(s)) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, ...v4(s)];
  const halves = s.split("::");
  if (halves.length > 2) return void 0;
  const groups = (text2) => {
    if (text2 === "") return [];
    const out = [];
    const parts = text2.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        if (!ipv4Bytes(p)) return void 0;
        out.push(...v4(p));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return void 0;
        const n = parseInt(p, 16);
        out.push(n >> 8, n & 255);
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return void 0;
  if (halves.length === 1) return head.length === 16 ? head : void 0;
  if (head.length + tail.length > 14) return void 0;
  return [...head, ...Array(16 - head.length - tail.length).fill(0), ...tail];
}
function daysIn(month, year) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function timeParse(value, layout) {
  let s = value;
  let year = 0;
  let month = 0;
  let day = 0;
  const digits = (n) => {
    if (s.length < n || !/^[0-9]+$/.test(s.slice(0, n))) return void 0;
    const v = Number(s.slice(0, n));
    s = s.slice(n);
    return v;
  };
  const lit = (c) => {
    if (!s.startsWith(c)) return false;
    s = s.slice(c.length);
    return true;
  };
  const num12 = () => {
    if (!/^[0-9]/.test(s)) return void 0;
    const n = /^[0-9]{2}/.test(s) ? 2 : 1;
    return digits(n);
  };
  for (const part of layout) {
    if (part === "date") {
      const y = digits(4);
      if (y === void 0 || !lit("-")) return false;
      const m = digits(2);
      if (m === void 0 || !lit("-")) return false;
      const d = digits(2);
      if (d === void 0 || m < 1 || m > 12) return false;
      year = y;
      month = m;
      day = d;
    } else if (part === "T") {
      if (!lit("T")) return false;
    } else if (part === "clock") {
      const h = num12();
      if (h === void 0 || h > 23 || !lit(":")) return false;
      const mi = digits(2);
      if (mi === void 0 || mi > 59 || !lit(":")) return false;
      const se = digits(2);
      if (se === void 0 || se > 59) return false;
      if (/^[.,][0-9]/.test(s)) {
        s = s.slice(1);
        while (/^[0-9]/.test(s)) s = s.slice(1);
      }
    } else {
      if (lit("Z")) continue;
      if (s.length < 6 || s[3] !== ":" || s[0] !== "+" && s[0] !== "-") return false;
      const hh = s.slice(1, 3);
      const mm = s.slice(4, 6);
      if (!/^[0-9]{2}$/.test(hh) || !/^[0-9]{2}$/.test(mm)) return false;
      if (Number(hh) > 24 || Number(mm) > 60) return false;
      s = s.slice(6);
    }
  }
  if (s !== "") return false;
  if (month !== 0 && (day < 1 || day > daysIn(month, year))) return false;
  return true;
}
var MailParser = class {
  constructor(s) {
    this.s = s;
  }
  s;
  empty() {
    return this.s.length === 0;
  }
  peek() {
    return this.s[0];
  }
  consume(c) {
    if (this.empty() || this.peek() !== c) return false;
    this.s = this.s.slice(1);
    return true;
  }
  skipSpace() {
    this.s = this.s.replace(/^[ \t]+/, "");
  }
  skipCFWS() {
    this.skipSpace();
    while (this.consume("(")) {
      if (this.consumeComment() === void 0) return false;
      this.skipSpace();
    }
    return true;
  }
  /** After `(`: the comment text, or undefined when it is not closed. */
  consumeComment() {
    let depth = 1;
    let comment = "";
    while (!this.empty() && depth !== 0) {
      if (this.peek() === "\\" && this.s.length > 1) this.s = this.s.slice(1);
      else if (this.peek() === "(") depth++;
      else if (this.peek() === ")") depth--;
      if (depth > 0) comment += this.s[0];
      this.s = this.s.slice(1);
    }
    return depth === 0 ? comment : void 0;
  }
  /** parseAddress: the number of addresses, or undefined on an error. */
  parseAddress(handleGroup) {
    this.skipSpace();
    if (this.empty()) return void 0;
    if (this.consumeAddrSpec()) {
      this.skipSpace();
      if (!this.empty() && this.peek() === "(" && !this.consumeDisplayNameComment()) return void 0;
      return 1;
    }
    if (this.peek() !== "<" && !this.consumePhrase()) return void 0;
    this.skipSpace();
    if (handleGroup && this.consume(":")) return this.consumeGroupList();
    if (!this.consume("<")) return void 0;
    if (!this.consumeAddrSpec()) return void 0;
    return this.consume(">") ? 1 : void 0;
  }
  consumeGroupList() {
    let n = 0;
    this.skipSpace();
    if (this.consume(";")) return this.skipCFWS() ? 0 : void 0;
    for (; ; ) {
      this.skipSpace();
      const k = this.parseAddress(false);
      if (k === void 0) return void 0;
      n += k;
      if (!this.skipCFWS()) return void 0;
      if (this.consume(";")) return this.skipCFWS() ? n : void 0;
      if (!this.consume(",")) return void 0;
    }
  }
  /** consumeAddrSpec; on failure the input is left as it was. */
  consumeAddrSpec() {
    const orig = this.s;
    const ok = (() => {
      this.skipSpace();
      if (this.empty()) return false;
      if (this.peek() === '"') {
        const q = this.consumeQuotedString();
        if (q === void 0 || q === "") return false;
      } else if (this.consumeAtom(true, false) === void 0) {
        return false;
      }
      if (!this.consume("@")) return false;
      this.skipSpace();
      if (this.empty()) return false;
      if (this.peek() === "[") return this.consumeDomainLiteral();
      return this.consumeAtom(true, false) !== void 0;
    })();
    if (!ok) this.s = orig;
    return ok;
  }
  consumePhrase() {
    let words = 0;
    for (; ; ) {
      if (words > 0 && !this.skipCFWS()) return false;
      this.skipSpace();
      if (this.empty()) break;
      if (this.peek() === '"') {
        if (this.consumeQuotedString() === void 0) break;
      } else {
        const atom = this.consumeAtom(true, true);
        if (atom === void 0 || rfc2047Word(atom) === "charset") break;
      }
      words++;
    }
    return words > 0;
  }
  consumeQuotedString() {
    let out = "";
    let escaped = false;
    let i = 1;
    for (; ; ) {
      const cp = this.s.codePointAt(i);
      if (cp === void 0) return void 0;
      const ch = String.fromCodePoint(cp);
      if (escaped) {
        if (!isVchar(cp) && !isWSP(cp)) return void 0;
        out += ch;
        escaped = false;
      } else if (isVchar(cp) && ch !== "\\" && ch !== '"' || isWSP(cp)) {
        out += ch;
      } else if (ch === '"') {
        break;
      } else if (ch === "\\") {
        escaped = true;
      } else {
        return void 0;
      }
      i += ch.length;
    }
    this.s = this.s.slice(i + 1);
    return out;
  }
  consumeAtom(dot, permissive) {
    let i = 0;
    while (i < this.s.length) {
      const cp = this.s.codePointAt(i);
      if (!isAtext(cp, dot)) break;
      i += cp > 65535 ? 2 : 1;
    }
    if (i === 0) return void 0;
    const atom = this.s.slice(0, i);
    this.s = this.s.slice(i);
    if (!permissive && (atom.startsWith(".") || atom.includes("..") || atom.endsWith("."))) return void 0;
    return atom;
  }
  consumeDomainLiteral() {
    if (!this.consume("[")) return false;
    let dtext = "";
    for (; ; ) {
      if (this.empty()) return false;
      if (this.peek() === "]") break;
      const cp = this.s.codePointAt(0);
      const ch = String.fromCodePoint(cp);
      if (!isVchar(cp) || ch === "[" || ch === "]" || ch === "\\") return false;
      dtext += ch;
      this.s = this.s.slice(ch.length);
    }
    if (!this.consume("]")) return false;
    return ipBytes(dtext) !== void 0;
  }
  consumeDisplayNameComment() {
    if (!this.consume("(")) return false;
    const comment = this.consumeComment();
    if (comment === void 0) return false;
    return comment.split(/[ \t]+/).filter((w) => w !== "").every((w) => rfc2047Word(w) !== "charset");
  }
};
function isVchar(cp) {
  return cp >= 33 && cp <= 126 || cp >= 128;
}
function isWSP(cp) {
  return cp === 32 || cp === 9;
}
function isAtext(cp, dot) {
  if (cp === 46) return dot;
  if ('()<>[]:;@\\,"'.includes(String.fromCharCode(cp)) && cp < 128) return false;
  return isVchar(cp);
}
function rfc2047Word(word) {
  if (Buffer.byteLength(word, "utf8") < 8 || !word.startsWith("=?") || !word.endsWith("?=") || word.split("?").length !== 5) return "plain";
  const inner = word.slice(2, -2);
  const q1 = inner.indexOf("?");
  const charset = inner.slice(0, q1);
  if (charset === "") return "plain";
  const rest = inner.slice(q1 + 1);
  const q2 = rest.indexOf("?");
  const encoding = rest.slice(0, q2);
  const text2 = rest.slice(q2 + 1);
  if (Buffer.byteLength(encoding, "utf8") !== 1) return "plain";
  if (encoding === "B" || encoding === "b") {
    if (!goBase64Std(text2)) return "plain";
  } else if (encoding === "Q" || encoding === "q") {
    for (let i = 0; i < text2.length; i++) {
      const c = text2.charCodeAt(i);
      if (text2[i] === "=") {
        if (i + 2 >= text2.length || !/^[0-9A-Fa-f]{2}$/.test(text2.slice(i + 1, i + 3))) return "plain";
        i += 2;
      } else if (!(c >= 32 && c <= 126 || c === 10 || c === 13 || c === 9)) {
        return "plain";
      }
    }
  } else {
    return "plain";
  }
  return ["utf-8", "iso-8859-1", "us-ascii"].includes(charset.toLowerCase()) ? "decoded" : "charset";
}
function parseMailAddress(s) {
  const p = new MailParser(s);
  const n = p.parseAddress(true);
  if (n === void 0 || !p.skipCFWS() || !p.empty()) return false;
  return n === 1;
}

// src/go/jsonschema.ts
var JNum = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
};
var JsonSchemaError = class extends Error {
};
var JsonSchemaUnsupported = class extends Error {
};
function isObj(v) {
  return v instanceof Map;
}
var TYPES = ["array", "boolean", "integer", "number", "null", "object", "string"];
var DRAFT_URLS = [
  ["http://json-schema.org/draft-04/schema", 4 /* D4 */],
  ["http://json-schema.org/draft-06/schema", 6 /* D6 */],
  ["http://json-schema.org/draft-07/schema", 7 /* D7 */]
];
function err(message) {
  throw new JsonSchemaError(message);
}
function invalidType(expected, given) {
  err(`Invalid type. Expected: ${expected}, given: ${given}`);
}
var MAX_EXPONENT = 1e4;
function gcd(a, b) {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function ratOf(text2) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text2);
  if (!m) throw new JsonSchemaUnsupported(`jsonschema: number ${text2} not understood`);
  const frac = m[3] ?? "";
  const exp = Number(m[4] ?? "0") - frac.length;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) throw new JsonSchemaUnsupported(`jsonschema: number ${text2} has too large an exponent`);
  let n = BigInt(m[2] + frac);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === "-") n = -n;
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}
function ratCmp(a, b) {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}
function isIntText(text2) {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text2);
  if (!m) throw new JsonSchemaUnsupported(`jsonschema: number ${text2} not understood`);
  let digits = m[1] + (m[2] ?? "");
  let exp = Number(m[3] ?? "0") - (m[2] ?? "").length;
  const trimmed = digits.replace(/0+$/, "");
  exp += digits.length - trimmed.length;
  digits = trimmed;
  return digits.replace(/^0+/, "") === "" || exp >= 0;
}
function bitLen2(x) {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}
function ratText(r) {
  if (r.n === 0n) return "0";
  const neg = r.n < 0n;
  const num2 = neg ? -r.n : r.n;
  const prec = Math.max(64, bitLen2(num2), bitLen2(r.d));
  let exp = bitLen2(num2) - bitLen2(r.d) - prec;
  let q;
  let rem;
  const scaled = (e) => {
    const a = e < 0 ? num2 << BigInt(-e) : num2;
    const b = e > 0 ? r.d << BigInt(e) : r.d;
    return [a / b, a % b];
  };
  [q, rem] = scaled(exp);
  while (bitLen2(q) !== prec) {
    exp += bitLen2(q) > prec ? 1 : -1;
    [q, rem] = scaled(exp);
  }
  const den = exp > 0 ? r.d << BigInt(exp) : r.d;
  if (rem * 2n > den || rem * 2n === den && (q & 1n) === 1n) q += 1n;
  if (bitLen2(q) > prec) {
    q >>= 1n;
    exp += 1;
  }
  const digits = shortestDigits2(q, exp, prec);
  return (neg ? "-" : "") + formatG(digits.mant, digits.exp);
}
function decimalOf(m, shift) {
  let s;
  let pointAt;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    pointAt = s.length;
  } else {
    s = (m * 5n ** BigInt(-shift)).toString();
    pointAt = s.length + shift;
  }
  let start = 0;
  while (start < s.length && s[start] === "0") start++;
  let end = s.length;
  while (end > start && s[end - 1] === "0") end--;
  const mant = s.slice(start, end);
  if (mant === "") return { mant: "", exp: 0 };
  return { mant, exp: pointAt - start };
}
function decRoundUp(d, n) {
  let i = n;
  while (i > 0 && d.mant[i - 1] >= "9") i--;
  if (i === 0) return { mant: "1", exp: d.exp + 1 };
  const mant = d.mant.slice(0, i - 1) + String.fromCharCode(d.mant.charCodeAt(i - 1) + 1);
  return { mant, exp: d.exp };
}
function decRoundDown(d, n) {
  let mant = d.mant.slice(0, n);
  while (mant.endsWith("0")) mant = mant.slice(0, -1);
  return { mant, exp: mant === "" ? 0 : d.exp };
}
function decRound(d, n) {
  const c = d.mant[n];
  const up = c === "5" && n + 1 === d.mant.length ? n > 0 && (d.mant.charCodeAt(n - 1) - 48) % 2 === 1 : c >= "5";
  return up ? decRoundUp(d, n) : decRoundDown(d, n);
}
function shortestDigits2(mant, exp, prec) {
  const d = decimalOf(mant, exp);
  let m2 = mant;
  let e2 = exp;
  const s = bitLen2(m2) - (prec + 1);
  if (s < 0) m2 <<= BigInt(-s);
  else if (s > 0) m2 >>= BigInt(s);
  e2 += s;
  const lower = decimalOf(m2 - 1n, e2);
  const upper = decimalOf(m2 + 1n, e2);
  const inclusive = (m2 & 2n) === 0n;
  const at2 = (x, i) => i < x.mant.length ? x.mant[i] : "0";
  for (let i = 0; i < d.mant.length; i++) {
    const l = at2(lower, i);
    const mm = d.mant[i];
    const u = at2(upper, i);
    const okdown = l !== mm || inclusive && i + 1 === lower.mant.length;
    const okup = mm !== u && (inclusive || mm.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.mant.length);
    if (okdown && okup) return decRound(d, i + 1);
    if (okdown) return decRoundDown(d, i + 1);
    if (okup) return decRoundUp(d, i + 1);
  }
  return d;
}
function formatG(mant, exp) {
  const e = exp - 1;
  if (e < -4 || e >= 6) {
    let out = mant[0];
    if (mant.length > 1) out += `.${mant.slice(1)}`;
    const ae = Math.abs(e);
    return `${out}e${e < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  }
  if (exp <= 0) return `0.${"0".repeat(-exp)}${mant}`;
  if (exp >= mant.length) return mant + "0".repeat(exp - mant.length);
  return `${mant.slice(0, exp)}.${mant.slice(exp)}`;
}
function mustBeInteger(v) {
  if (!(v instanceof JNum)) return void 0;
  if (!isIntText(v.text)) return void 0;
  if (!/^-?\d+$/.test(v.text)) return void 0;
  const i = BigInt(v.text);
  if (i < -(2n ** 63n) || i >= 2n ** 63n) return void 0;
  return Number(i);
}
function mustBeNumber(v) {
  return v instanceof JNum ? ratOf(v.text) : void 0;
}
function goFloatJson(text2) {
  const f = Number(text2);
  if (!Number.isFinite(f)) err(`json: cannot unmarshal number ${text2} into Go value of type float64`);
  return goJsonFloatText(f);
}
function goKeyOrder(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function compactJson(v) {
  if (v instanceof JNum) return v.text;
  if (Array.isArray(v)) return `[${v.map(compactJson).join(",")}]`;
  if (isObj(v)) return `{${[...v.keys()].sort(goKeyOrder).map((k) => `${goString(k)}:${compactJson(v.get(k))}`).join(",")}}`;
  return marshalWithoutNumber(v);
}
function marshalWithoutNumber(v) {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return goString(v);
  if (v instanceof JNum) return goFloatJson(v.text);
  if (Array.isArray(v)) return `[${v.map(marshalWithoutNumber).join(",")}]`;
  const keys = [...v.keys()].sort(goKeyOrder);
  return `{${keys.map((k) => `${goString(k)}:${marshalWithoutNumber(v.get(k))}`).join(",")}}`;
}
function newRef(s) {
  const u = goUrlParse2(s);
  if ("error" in u) err(u.error);
  return refOfUrl(u);
}
function refOfUrl(u) {
  const pointer = u.fragment !== "" && u.fragment.startsWith("/") ? u.fragment.split("/").slice(1) : [];
  return {
    url: u,
    hasFullUrl: u.scheme !== "" && u.host !== "",
    hasFileScheme: u.scheme === "file",
    hasFullFilePath: u.path.startsWith("/"),
    pointer
  };
}
function refString(r) {
  return goUrlString(r.url);
}
function inherits(parent, child) {
  const base = { ...parent.url, fragment: "" };
  return newRef(goUrlString(goUrlResolve(base, child.url)));
}
function isCanonical(r) {
  return r.hasFileScheme && r.hasFullFilePath || !r.hasFileScheme && r.hasFullUrl;
}
function pointerGet(tokens, doc) {
  let node = doc;
  for (const token of tokens) {
    if (isObj(node)) {
      const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!node.has(key)) err(`Object has no key '${key}'`);
      node = node.get(key);
    } else if (Array.isArray(node)) {
      const idx = goAtoi(token);
      if (idx === void 0) err(`Invalid array index '${token}'`);
      if (idx < 0 || idx >= node.length) err(`Out of bound array[0,${node.length}] index '${idx}'`);
      node = node[idx];
    } else {
      err(`Invalid token reference '${token}'`);
    }
  }
  return node;
}
function goAtoi(s) {
  if (!/^[+-]?\d+$/.test(s)) return void 0;
  const i = BigInt(s);
  if (i < -(2n ** 63n) || i >= 2n ** 63n) return void 0;
  return Number(i);
}
var Pool = class {
  docs = /* @__PURE__ */ new Map();
  parseReferences(doc, ref) {
    const key = refString(ref);
    if (this.docs.has(key)) err(`Reference already exists: "${key}"`);
    parseSchemaUrl(doc);
    const e = this.walk(doc, ref);
    this.docs.set(key, { doc });
    if (e) err(e);
  }
  /** parseReferencesRecursive: errors only surface from the top call. */
  walk(doc, ref) {
    if (Array.isArray(doc)) {
      for (const v of doc) {
        const e = this.walk(v, ref);
        if (e) return e;
      }
      return void 0;
    }
    if (!isObj(doc)) return void 0;
    let local = ref;
    const keyId = doc.has("id") ? "id" : "$id";
    const id = doc.get(keyId);
    if (typeof id === "string") {
      const u = goUrlParse2(id);
      if (!("error" in u)) {
        const r = tryInherits(ref, refOfUrl(u));
        if (r) {
          local = r;
          const k = refString(r);
          if (this.docs.has(k)) return `Reference already exists: "${k}"`;
          this.docs.set(k, { doc });
        }
      }
    }
    const $ref = doc.get("$ref");
    if (typeof $ref === "string") {
      const u = goUrlParse2($ref);
      if (!("error" in u)) {
        const r = tryInherits(local, refOfUrl(u));
        if (r) doc.set("$ref", refString(r));
      }
    }
    for (const [k, v] of doc) {
      if (k === "const" || k === "enum") continue;
      if (k === "properties" || k === "dependencies" || k === "patternProperties") {
        if (isObj(v)) {
          for (const c of v.values()) {
            const e = this.walk(c, local);
            if (e) return e;
          }
        }
      } else {
        const e = this.walk(v, local);
        if (e) return e;
      }
    }
    return void 0;
  }
  getDocument(reference) {
    const refToUrl = newRef(refString(reference));
    const hit = this.docs.get(refString(refToUrl));
    if (hit) return hit;
    const base = refString(refOfUrl({ ...refToUrl.url, fragment: "" }));
    const cached = this.docs.get(base);
    if (cached) {
      const spd = { doc: pointerGet(reference.pointer, cached.doc) };
      this.docs.set(refString(reference), spd);
      return spd;
    }
    if (!isCanonical(reference)) err(`Reference ${refString(reference)} must be canonical`);
    throw new JsonSchemaUnsupported(`jsonschema: remote reference ${refString(reference)} is not loaded by preadmit`);
  }
};
function tryInherits(parent, child) {
  try {
    return inherits(parent, child);
  } catch (e) {
    if (e instanceof JsonSchemaError) return void 0;
    throw e;
  }
}
function parseSchemaUrl(doc) {
  if (typeof doc === "boolean") return void 0;
  if (!isObj(doc)) err("schema is invalid");
  if (!doc.has("$schema")) return void 0;
  const s = doc.get("$schema");
  if (typeof s !== "string") err("$schema must be of type string");
  const url = refString(newRef(s));
  return DRAFT_URLS.find(([u]) => u === url)?.[1];
}
var SubSchema = class {
  constructor(property, parent) {
    this.property = property;
    this.parent = parent;
    if (parent) {
      this.draft = parent.draft;
      this.ref = parent.ref;
    }
  }
  property;
  parent;
  draft = 2147483647 /* Hybrid */;
  pass;
  ref;
  refSchema;
  types = [];
  propertiesChildren = [];
  additionalProperties;
  patternProperties;
  propertyNames;
  dependencies;
  itemsChildren = [];
  itemsSingle = false;
  additionalItems;
  multipleOf;
  minimum;
  exclusiveMinimum;
  maximum;
  exclusiveMaximum;
  minLength;
  maxLength;
  pattern;
  patternText = "";
  format = "";
  minProperties;
  maxProperties;
  required = [];
  minItems;
  maxItems;
  uniqueItems = false;
  contains;
  constValue;
  enumValues = [];
  enumPresent = false;
  oneOf = [];
  anyOf = [];
  allOf = [];
  not;
  ifSchema;
  thenSchema;
  elseSchema;
};
function getString(m, key) {
  if (!m.has(key)) return void 0;
  const v = m.get(key);
  if (typeof v !== "string") invalidType("string", key);
  return v;
}
function getSlice(m, key) {
  if (!m.has(key)) return void 0;
  const v = m.get(key);
  if (!Array.isArray(v)) err(`${key} must be of an array`);
  return v;
}
function isSchemaValue(v) {
  return typeof v === "boolean" || isObj(v);
}
var Parser = class {
  constructor(pool, root) {
    this.pool = pool;
    this.root = root;
  }
  pool;
  root;
  referencePool = /* @__PURE__ */ new Map();
  parseSchema(node, cur) {
    if (cur.draft >= 6 /* D6 */ && typeof node === "boolean") {
      cur.pass = node;
      return;
    }
    if (!isObj(node)) err("Expected: Valid Schema, given: Invalid JSON");
    const m = node;
    const keyId = cur.draft === 4 /* D4 */ ? "id" : cur.draft === 2147483647 /* Hybrid */ ? m.has("id") ? "id" : "$id" : "$id";
    const id = getString(m, keyId);
    if (id !== void 0) newRef(id);
    if (m.has("definitions")) {
      const defs = m.get("definitions");
      if (!isObj(defs)) invalidType("Array Of Schemas", "definitions");
      for (const dv of defs.values()) {
        if (!isSchemaValue(dv)) invalidType("Array Of Schemas", "definitions");
        this.parseSchema(dv, new SubSchema("definitions", cur));
      }
    }
    getString(m, "title");
    getString(m, "description");
    const ref = getString(m, "$ref");
    if (ref !== void 0) {
      cur.ref = newRef(ref);
      const known = this.referencePool.get(refString(cur.ref));
      if (known) cur.refSchema = known;
      else return this.parseReference(cur);
    }
    if (m.has("type")) {
      const t = m.get("type");
      if (typeof t === "string") addType(cur, t);
      else if (Array.isArray(t)) {
        for (const x of t) {
          if (typeof x !== "string") invalidType("type", "string/Array Of Strings");
          addType(cur, x);
        }
      } else invalidType("type", "string/Array Of Strings");
    }
    if (m.has("properties")) {
      const props = m.get("properties");
      if (!isObj(props)) err("Properties must be of type object");
      for (const [k, v] of props) {
        const s = new SubSchema(k, cur);
        cur.propertiesChildren.push(s);
        this.parseSchema(v, s);
      }
    }
    if (m.has("additionalProperties")) {
      const ap = m.get("additionalProperties");
      if (typeof ap === "boolean") cur.additionalProperties = ap;
      else if (isObj(ap)) {
        const s = new SubSchema("additionalProperties", cur);
        cur.additionalProperties = s;
        this.parseSchema(ap, s);
      } else invalidType("boolean/Valid Schema", "additionalProperties");
    }
    if (m.has("patternProperties")) {
      const pp = m.get("patternProperties");
      if (!isObj(pp)) invalidType("Valid Schema", "patternProperties");
      if (pp.size > 0) {
        cur.patternProperties = [];
        for (const [k, v] of pp) {
          const re = compileGoRegexp(k);
          if ("error" in re) err(`Invalid regex pattern '${k}'`);
          const s = new SubSchema(k, cur);
          this.parseSchema(v, s);
          cur.patternProperties.push([k, re, s]);
        }
      }
    }
    if (m.has("propertyNames") && cur.draft >= 6 /* D6 */) {
      const pn = m.get("propertyNames");
      if (!isSchemaValue(pn)) invalidType("Valid Schema", "patternProperties");
      const s = new SubSchema("propertyNames", cur);
      cur.propertyNames = s;
      this.parseSchema(pn, s);
    }
    if (m.has("dependencies")) {
      const deps = m.get("dependencies");
      if (!isObj(deps)) err("dependencies must be of type object");
      cur.dependencies = /* @__PURE__ */ new Map();
      for (const [k, v] of deps) {
        if (Array.isArray(v)) {
          const list = [];
          for (const x of v) {
            if (typeof x !== "string") err("Dependency must be of type Schema Or Array Of Strings");
            list.push(x);
            cur.dependencies.set(k, list);
          }
        } else if (isSchemaValue(v)) {
          const s = new SubSchema(k, cur);
          this.parseSchema(v, s);
          cur.dependencies.set(k, s);
        } else err("Dependency must be of type Schema Or Array Of Strings");
      }
    }
    if (m.has("items")) {
      const items = m.get("items");
      if (Array.isArray(items)) {
        for (const it of items) {
          if (!isSchemaValue(it)) invalidType("Valid Schema/Array Of Schemas", "items");
          const s = new SubSchema("items", cur);
          cur.itemsChildren.push(s);
          this.parseSchema(it, s);
          cur.itemsSingle = false;
        }
      } else if (isSchemaValue(items)) {
        const s = new SubSchema("items", cur);
        cur.itemsChildren.push(s);
        this.parseSchema(items, s);
        cur.itemsSingle = true;
      } else invalidType("Valid Schema/Array Of Schemas", "items");
    }
    if (m.has("additionalItems")) {
      const ai = m.get("additionalItems");
      if (typeof ai === "boolean") cur.additionalItems = ai;
      else if (isObj(ai)) {
        const s = new SubSchema("additionalItems", cur);
        cur.additionalItems = s;
        this.parseSchema(ai, s);
      } else invalidType("boolean/Valid Schema", "additionalItems");
    }
    if (m.has("multipleOf")) {
      const v = mustBeNumber(m.get("multipleOf"));
      if (!v) invalidType("Number", "multipleOf");
      if (v.n <= 0n) err("multipleOf must be strictly greater than 0");
      cur.multipleOf = v;
    }
    if (m.has("minimum")) {
      const v = mustBeNumber(m.get("minimum"));
      if (!v) err("minimum must be of a Number");
      cur.minimum = v;
    }
    if (m.has("exclusiveMinimum")) this.exclusive(cur, m.get("exclusiveMinimum"), "Minimum");
    if (m.has("maximum")) {
      const v = mustBeNumber(m.get("maximum"));
      if (!v) err("maximum must be of a Number");
      cur.maximum = v;
    }
    if (m.has("exclusiveMaximum")) this.exclusive(cur, m.get("exclusiveMaximum"), "Maximum");
    cur.minLength = nonNegative(m, "minLength");
    cur.maxLength = nonNegative(m, "maxLength");
    if (cur.minLength !== void 0 && cur.maxLength !== void 0 && cur.minLength > cur.maxLength) {
      err("minLength cannot be greater than maxLength");
    }
    const pattern = getString(m, "pattern");
    if (pattern !== void 0) {
      const re = compileGoRegexp(pattern);
      if ("error" in re) err("pattern must be a valid regex");
      cur.pattern = re;
      cur.patternText = pattern;
    }
    const format = getString(m, "format");
    if (format !== void 0) cur.format = format;
    cur.minProperties = nonNegative(m, "minProperties");
    cur.maxProperties = nonNegative(m, "maxProperties");
    if (cur.minProperties !== void 0 && cur.maxProperties !== void 0 && cur.minProperties > cur.maxProperties) {
      err("minProperties cannot be greater than maxProperties");
    }
    for (const r of getSlice(m, "required") ?? []) {
      if (typeof r !== "string") invalidType("string", "required");
      if (cur.required.includes(r)) err("required items must be unique");
      cur.required.push(r);
    }
    cur.minItems = nonNegative(m, "minItems");
    cur.maxItems = nonNegative(m, "maxItems");
    if (m.has("uniqueItems")) {
      const u = m.get("uniqueItems");
      if (typeof u !== "boolean") err("uniqueItems must be of a boolean");
      cur.uniqueItems = u;
    }
    if (m.has("contains") && cur.draft >= 6 /* D6 */) {
      const s = new SubSchema("contains", cur);
      cur.contains = s;
      this.parseSchema(m.get("contains"), s);
    }
    if (m.has("const") && cur.draft >= 6 /* D6 */) cur.constValue = marshalWithoutNumber(m.get("const"));
    const enumValues = getSlice(m, "enum");
    cur.enumPresent = (enumValues ?? []).length > 0;
    for (const v of enumValues ?? []) {
      const s = marshalWithoutNumber(v);
      if (cur.enumValues.includes(s)) err("enum items must be unique");
      cur.enumValues.push(s);
    }
    for (const [key, list] of [
      ["oneOf", cur.oneOf],
      ["anyOf", cur.anyOf],
      ["allOf", cur.allOf]
    ]) {
      for (const v of getSlice(m, key) ?? []) {
        const s = new SubSchema(key, cur);
        list.push(s);
        this.parseSchema(v, s);
      }
    }
    if (m.has("not")) {
      const v = m.get("not");
      if (!isSchemaValue(v)) err("not must be of an object");
      const s = new SubSchema("not", cur);
      cur.not = s;
      this.parseSchema(v, s);
    }
    if (cur.draft >= 7 /* D7 */) {
      for (const key of ["if", "then", "else"]) {
        if (!m.has(key)) continue;
        const v = m.get(key);
        if (!isSchemaValue(v)) err(`${key} must be of an object`);
        const s = new SubSchema(key, cur);
        if (key === "if") cur.ifSchema = s;
        else if (key === "then") cur.thenSchema = s;
        else cur.elseSchema = s;
        this.parseSchema(v, s);
      }
    }
  }
  exclusive(cur, v, which) {
    const key = `exclusive${which}`;
    const base = which === "Minimum" ? "minimum" : "maximum";
    const move = () => {
      if (which === "Minimum") {
        cur.exclusiveMinimum = cur.minimum;
        cur.minimum = void 0;
      } else {
        cur.exclusiveMaximum = cur.maximum;
        cur.maximum = void 0;
      }
    };
    const set = (r) => {
      if (which === "Minimum") cur.exclusiveMinimum = r;
      else cur.exclusiveMaximum = r;
    };
    const bound = which === "Minimum" ? cur.minimum : cur.maximum;
    if (cur.draft === 4 /* D4 */) {
      if (typeof v !== "boolean") invalidType("boolean", key);
      if (!bound) err(`${key} cannot be used without ${base}`);
      if (v) move();
    } else if (cur.draft === 2147483647 /* Hybrid */) {
      if (typeof v === "boolean") {
        if (!bound) err(`${key} cannot be used without ${base}`);
        if (v) move();
      } else if (v instanceof JNum) set(mustBeNumber(v));
      else invalidType("boolean/number", key);
    } else {
      if (!(v instanceof JNum)) invalidType("number", key);
      set(mustBeNumber(v));
    }
  }
  parseReference(cur) {
    const s = new SubSchema("$ref", cur);
    const key = refString(cur.ref);
    if (!this.referencePool.has(key)) this.referencePool.set(key, s);
    const dsp = this.pool.getDocument(cur.ref);
    if (!isSchemaValue(dsp.doc)) err("Valid Schema must be of type object");
    this.parseSchema(dsp.doc, s);
    cur.refSchema = s;
  }
};
function addType(cur, t) {
  if (!TYPES.includes(t)) {
    err(`has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${TYPES.join(" ")}]`);
  }
  if (cur.types.includes(t)) err(`${t} type is duplicated`);
  cur.types.push(t);
}
function nonNegative(m, key) {
  if (!m.has(key)) return void 0;
  const v = mustBeInteger(m.get(key));
  if (v === void 0) err(`${key} must be of an integer`);
  if (v < 0) err(`${key} must be greater than or equal to 0`);
  return v;
}
var Context = class {
  constructor(head, tail) {
    this.head = head;
    this.tail = tail;
  }
  head;
  tail;
  toString() {
    return this.tail ? `${this.tail.toString()}.${this.head}` : this.head;
  }
};
var Result = class {
  errors = [];
  score = 0;
  get valid() {
    return this.errors.length === 0;
  }
  add(type, context, desc) {
    const ctx2 = context.toString();
    const field = ctx2.startsWith("(Root).") ? ctx2.slice("(Root).".length) : ctx2;
    const d = desc(field);
    this.errors.push({ error: `${field}: ${d}`, type, field, desc: d });
    this.score -= 2;
  }
  merge(other) {
    this.errors.push(...other.errors);
    this.score += other.score;
  }
};
function typesText(types) {
  return types.length > 1 ? `[${types.join(",")}]` : types[0];
}
function sub(s, node, context) {
  const r = new Result();
  validateRecursive(s, node, r, context);
  return r;
}
function typeError(s, given, r, context) {
  r.add("invalid_type", context, () => `Invalid type. Expected: ${typesText(s.types)}, given: ${given}`);
}
function validateRecursive(s, node, r, context) {
  if (s.pass !== void 0) {
    if (!s.pass) r.add("false", context, () => "False always fails validation");
    return;
  }
  if (s.refSchema) {
    validateRecursive(s.refSchema, node, r, context);
    return;
  }
  const typed = s.types.length > 0;
  if (node === null) {
    if (typed && !s.types.includes("null")) return typeError(s, "null", r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (node instanceof JNum) {
    const isInt = isIntText(node.text);
    const ok = s.types.includes("number") || isInt && s.types.includes("integer");
    if (typed && !ok) return typeError(s, isInt ? "integer" : "number", r, context);
    validateSchema(s, node, r, context);
    validateNumber(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (Array.isArray(node)) {
    if (typed && !s.types.includes("array")) return typeError(s, "array", r, context);
    validateSchema(s, node, r, context);
    validateArray(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (isObj(node)) {
    if (typed && !s.types.includes("object")) return typeError(s, "object", r, context);
    validateSchema(s, node, r, context);
    validateObject(s, node, r, context);
    validateCommon(s, node, r, context);
    for (const p of s.propertiesChildren) {
      if (node.has(p.property)) validateRecursive(p, node.get(p.property), r, new Context(p.property, context));
    }
  } else if (typeof node === "boolean") {
    if (typed && !s.types.includes("boolean")) return typeError(s, "boolean", r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
  } else {
    if (typed && !s.types.includes("string")) return typeError(s, "string", r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
    validateString(s, node, r, context);
  }
  r.score++;
}
function validateSchema(s, node, r, context) {
  if (s.anyOf.length > 0) {
    let ok = false;
    let best;
    for (const a of s.anyOf) {
      if (ok) continue;
      const vr = sub(a, node, context);
      ok = vr.valid;
      if (!ok && (!best || vr.score > best.score)) best = vr;
    }
    if (!ok) {
      r.add("number_any_of", context, () => "Must validate at least one schema (anyOf)");
      if (best) r.merge(best);
    }
  }
  if (s.oneOf.length > 0) {
    let n = 0;
    let best;
    for (const o of s.oneOf) {
      const vr = sub(o, node, context);
      if (vr.valid) n++;
      else if (n === 0 && (!best || vr.score > best.score)) best = vr;
    }
    if (n !== 1) {
      r.add("number_one_of", context, () => "Must validate one and only one schema (oneOf)");
      if (n === 0) r.merge(best);
    }
  }
  if (s.allOf.length > 0) {
    let n = 0;
    for (const a of s.allOf) {
      const vr = sub(a, node, context);
      if (vr.valid) n++;
      r.merge(vr);
    }
    if (n !== s.allOf.length) r.add("number_all_of", context, () => "Must validate all the schemas (allOf)");
  }
  if (s.not) {
    if (sub(s.not, node, context).valid) r.add("number_not", context, () => "Must not validate the schema (not)");
  }
  if (s.dependencies && s.dependencies.size > 0 && isObj(node)) {
    for (const key of node.keys()) {
      const dep = s.dependencies.get(key);
      if (dep === void 0) continue;
      if (Array.isArray(dep)) {
        for (const k of dep) {
          if (!node.has(k)) r.add("missing_dependency", context, () => `Has a dependency on ${k}`);
        }
      } else {
        validateRecursive(dep, node, r, context);
      }
    }
  }
  if (s.ifSchema) {
    const vi = sub(s.ifSchema, node, context);
    if (s.thenSchema && vi.valid) {
      const vt = sub(s.thenSchema, node, context);
      if (!vt.valid) {
        r.add("condition_then", context, () => 'Must validate "then" as "if" was valid');
        r.merge(vt);
      }
    }
    if (s.elseSchema && !vi.valid) {
      const ve = sub(s.elseSchema, node, context);
      if (!ve.valid) {
        r.add("condition_else", context, () => 'Must validate "else" as "if" was not valid');
        r.merge(ve);
      }
    }
  }
  r.score++;
}
function validateCommon(s, value, r, context) {
  if (s.constValue !== void 0) {
    const v = valueJson(value);
    if (v !== s.constValue) r.add("const", context, (field) => `${field} does not match: ${s.constValue}`);
  }
  if (s.enumPresent) {
    const v = valueJson(value);
    if (!s.enumValues.includes(v)) {
      const allowed = s.enumValues.length === 0 ? "(none)" : s.enumValues.join(", ");
      r.add("enum", context, (field) => `${field} must be one of the following: ${allowed}`);
    }
  }
  if (s.format !== "" && typeof value === "string" && !checkFormat(s.format, value)) {
    r.add("format", context, () => `Does not match format '${s.format}'`);
  }
  r.score++;
}
function valueJson(v) {
  try {
    return marshalWithoutNumber(v);
  } catch (e) {
    if (e instanceof JsonSchemaError) throw new JsonSchemaUnsupported(`jsonschema: ${e.message}`);
    throw e;
  }
}
function validateArray(s, value, r, context) {
  const n = value.length;
  if (s.itemsSingle) {
    value.forEach((v, i) => r.merge(sub(s.itemsChildren[0], v, new Context(String(i), context))));
  } else if (s.itemsChildren.length > 0) {
    const items = s.itemsChildren.length;
    for (let i = 0; i !== items && i !== n; i++) r.merge(sub(s.itemsChildren[i], value[i], new Context(String(i), context)));
    if (items < n) {
      const ai = s.additionalItems;
      if (ai === false) r.add("array_no_additional_items", context, () => "No additional items allowed on array");
      else if (ai instanceof SubSchema) {
        for (let i = items; i !== n; i++) r.merge(sub(ai, value[i], new Context(String(i), context)));
      }
    }
  }
  if (s.minItems !== void 0 && n < s.minItems) r.add("array_min_items", context, () => `Array must have at least ${s.minItems} items`);
  if (s.maxItems !== void 0 && n > s.maxItems) r.add("array_max_items", context, () => `Array must have at most ${s.maxItems} items`);
  if (s.uniqueItems) {
    const seen = /* @__PURE__ */ new Map();
    value.forEach((v, j) => {
      const k = valueJson(v);
      const i = seen.get(k);
      if (i !== void 0) r.add("unique", context, () => `array items[${i},${j}] must be unique`);
      seen.set(k, j);
    });
  }
  if (s.contains) {
    let ok = false;
    let best;
    for (let i = 0; i < n; i++) {
      const vr = sub(s.contains, value[i], new Context(String(i), context));
      if (vr.valid) {
        ok = true;
        break;
      }
      if (!best || vr.score > best.score) best = vr;
    }
    if (!ok) {
      r.add("contains", context, () => "At least one of the items must match");
      if (best) r.merge(best);
    }
  }
  r.score++;
}
function validateObject(s, value, r, context) {
  if (s.minProperties !== void 0 && value.size < s.minProperties) {
    r.add("array_min_properties", context, () => `Must have at least ${s.minProperties} properties`);
  }
  if (s.maxProperties !== void 0 && value.size > s.maxProperties) {
    r.add("array_max_properties", context, () => `Must have at most ${s.maxProperties} properties`);
  }
  for (const req of s.required) {
    if (value.has(req)) r.score++;
    else r.add("required", context, () => `${req} is required`);
  }
  for (const [pk, pv] of value) {
    const found = s.propertiesChildren.some((p) => p.property === pk);
    const pp = validatePatternProperty(s, pk, pv, r, context);
    if (!found && !pp) {
      const ap = s.additionalProperties;
      if (ap === false) r.add("additional_property_not_allowed", context, () => `Additional property ${pk} is not allowed`);
      else if (ap instanceof SubSchema) r.merge(sub(ap, pv, new Context(pk, context)));
    }
  }
  if (s.propertyNames) {
    for (const pk of value.keys()) {
      const vr = sub(s.propertyNames, pk, context);
      if (!vr.valid) {
        r.add("invalid_property_name", context, () => `Property name of "${pk}" does not match`);
        r.merge(vr);
      }
    }
  }
  r.score++;
}
function validatePatternProperty(s, key, value, r, context) {
  let validated = false;
  for (const [, re, ps] of s.patternProperties ?? []) {
    if (re.matchString(key)) {
      validated = true;
      r.merge(sub(ps, value, new Context(key, context)));
    }
  }
  if (!validated) return false;
  r.score++;
  return true;
}
function validateString(s, value, r, context) {
  const len = [...value].length;
  if (s.minLength !== void 0 && len < s.minLength) {
    r.add("string_gte", context, () => `String length must be greater than or equal to ${s.minLength}`);
  }
  if (s.maxLength !== void 0 && len > s.maxLength) {
    r.add("string_lte", context, () => `String length must be less than or equal to ${s.maxLength}`);
  }
  if (s.pattern && !s.pattern.matchString(value)) {
    r.add("pattern", context, () => `Does not match pattern '${s.patternText}'`);
  }
  r.score++;
}
function validateNumber(s, num2, r, context) {
  if (!s.multipleOf && !s.maximum && !s.exclusiveMaximum && !s.minimum && !s.exclusiveMinimum) {
    r.score++;
    return;
  }
  const v = ratOf(num2.text);
  if (s.multipleOf) {
    const m = s.multipleOf;
    if (v.n * m.d % (v.d * m.n) !== 0n) r.add("multiple_of", context, () => `Must be a multiple of ${ratText(m)}`);
  }
  if (s.maximum && ratCmp(v, s.maximum) === 1) r.add("number_lte", context, () => `Must be less than or equal to ${ratText(s.maximum)}`);
  if (s.exclusiveMaximum && ratCmp(v, s.exclusiveMaximum) >= 0) r.add("number_lt", context, () => `Must be less than ${ratText(s.exclusiveMaximum)}`);
  if (s.minimum && ratCmp(v, s.minimum) === -1) r.add("number_gte", context, () => `Must be greater than or equal to ${ratText(s.minimum)}`);
  if (s.exclusiveMinimum && ratCmp(v, s.exclusiveMinimum) <= 0) r.add("number_gt", context, () => `Must be greater than ${ratText(s.exclusiveMinimum)}`);
  r.score++;
}
function compileJsonSchema(doc) {
  const pool = new Pool();
  const rootRef = newRef("#");
  pool.parseReferences(doc, rootRef);
  const draft = parseSchemaUrl(doc) ?? 2147483647 /* Hybrid */;
  const root = new SubSchema("(Root)", void 0);
  root.draft = draft;
  root.ref = rootRef;
  new Parser(pool, root).parseSchema(doc, root);
  return { root };
}
function validateJsonSchema(schema, doc) {
  const r = new Result();
  validateRecursive(schema.root, doc, r, new Context("(Root)", void 0));
  return r.errors;
}
function jsonValueOfRego(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
      return v.v;
    case "number":
      return new JNum(v.v);
    case "string":
      return v.v;
    case "array":
    case "set":
      return v.v.map(jsonValueOfRego);
    case "object": {
      const m = /* @__PURE__ */ new Map();
      for (const [k, x] of v.v) {
        m.set(k.t === "string" ? k.v : compactJson(jsonValueOfRego(k)), jsonValueOfRego(x));
      }
      return m;
    }
  }
}
function operand(v) {
  if (v.t === "string") {
    try {
      JSON.parse(v.v);
    } catch (e) {
      if (e instanceof SyntaxError) err("invalid JSON string");
      throw e;
    }
    return jsonValueOfRego(parseRegoValue(goJsonSurrogates(v.v.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ""))));
  }
  if (v.t === "object" || v.t === "array") return jsonValueOfRego(v);
  err("wrong type, expected string or object");
}
function jsonSchemaVerify(schema) {
  try {
    compileJsonSchema(operand(schema));
    return regoArray([regoBool(true), { t: "null" }]);
  } catch (e) {
    if (e instanceof JsonSchemaError) return regoArray([regoBool(false), regoString(`jsonschema: ${e.message}`)]);
    throw e;
  }
}
function jsonSchemaMatch(doc, schema) {
  const d = operand(doc);
  const errors = validateJsonSchema(compileJsonSchema(operand(schema)), d);
  const obj = (e) => ({
    t: "object",
    v: ["error", "type", "field", "desc"].map((k) => [regoString(k), regoString(e[k])])
  });
  return regoArray([regoBool(errors.length === 0), regoArray(errors.map(obj))]);
}

// src/go/yaml.ts
import { Composer, isAlias, isMap as isMap2, isScalar, isSeq, Parser as Parser2, visit } from "yaml";
var GoYamlError = class extends Error {
};
function failf(message) {
  throw new GoYamlError(`yaml: ${message}`);
}
var GoYamlMap = class {
  entries = /* @__PURE__ */ new Map();
};
var TAG = "tag:yaml.org,2002:";
var STR = `${TAG}str`;
var INT = `${TAG}int`;
var FLOAT = `${TAG}float`;
var BOOL = `${TAG}bool`;
var NULL = `${TAG}null`;
var TIMESTAMP = `${TAG}timestamp`;
var BINARY = `${TAG}binary`;
var MERGE = `${TAG}merge`;
var RESOLVE_MAP = /* @__PURE__ */ new Map();
for (const [tag, v, words] of [
  [BOOL, true, "y Y yes Yes YES true True TRUE on On ON"],
  [BOOL, false, "n N no No NO false False FALSE off Off OFF"],
  [NULL, null, "~ null Null NULL"],
  [FLOAT, { kind: "float", v: NaN }, ".nan .NaN .NAN"],
  [FLOAT, { kind: "float", v: Infinity }, ".inf .Inf .INF +.inf +.Inf +.INF"],
  [FLOAT, { kind: "float", v: -Infinity }, "-.inf -.Inf -.INF"],
  [MERGE, "<<", "<<"]
]) {
  for (const w of words.split(" ")) RESOLVE_MAP.set(w, [tag, v]);
}
RESOLVE_MAP.set("", [NULL, null]);
function hintOf(s) {
  if (s === "") return "N";
  const c = s[0];
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~".includes(c)) return "M";
  if (c === ".") return ".";
  return "";
}
var INT64_MIN2 = -(1n << 63n);
var INT64_MAX2 = (1n << 63n) - 1n;
var UINT64_MAX = (1n << 64n) - 1n;
function goParseInt(s, signed) {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || !signed && m[1] !== "") return void 0;
  const body = m[2];
  let v;
  if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else if (/^0[xXbBoO]/.test(body)) v = BigInt(`0${body[1].toLowerCase()}${body.slice(2)}`);
  else v = BigInt(body);
  if (m[1] === "-") v = -v;
  if (signed ? v < INT64_MIN2 || v > INT64_MAX2 : v > UINT64_MAX) return void 0;
  return v;
}
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
function goParseFloat(s) {
  const f = Number(s);
  return Number.isFinite(f) ? f : void 0;
}
function isTimestamp(s) {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?))?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  const hour = Number(m[4] ?? m[7] ?? 0);
  const minute = Number(m[5] ?? m[8] ?? 0);
  const second = Number(m[6] ?? m[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}
function resolvable(tag) {
  return tag === "" || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === NULL || tag === TIMESTAMP;
}
function resolve(tag, text2) {
  if (!resolvable(tag)) return [tag, text2];
  const [rtag, out] = resolveImplicit(tag, text2);
  if (tag === "" || tag === rtag || tag === STR || tag === BINARY) return [rtag, out];
  if (tag === FLOAT && rtag === INT && out !== null && typeof out === "object" && !Array.isArray(out) && !(out instanceof GoYamlMap)) {
    if (out.kind === "int" && out.v >= INT64_MIN2 && out.v <= INT64_MAX2) return [FLOAT, { kind: "float", v: Number(out.v) }];
  }
  failf(`cannot decode ${shortTag(rtag)} \`${text2}\` as a ${shortTag(tag)}`);
}
function shortTag(tag) {
  return tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
}
function resolveImplicit(tag, text2) {
  if ((tag === "" || tag === TIMESTAMP) && isTimestamp(text2)) return [TIMESTAMP, text2];
  const hint = hintOf(text2);
  if (hint !== "" && tag !== STR && tag !== BINARY) {
    const known = RESOLVE_MAP.get(text2);
    if (known) return known;
    if (hint === ".") {
      if (/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text2)) {
        const f = goParseFloat(text2);
        if (f !== void 0) return [FLOAT, { kind: "float", v: f }];
      }
    } else if (hint === "D" || hint === "S") {
      const plain = text2.replace(/_/g, "");
      const i = goParseInt(plain, true) ?? goParseInt(plain, false);
      if (i !== void 0) return [INT, { kind: "int", v: i }];
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = goParseFloat(plain);
        if (f !== void 0) return [FLOAT, { kind: "float", v: f }];
      }
    }
  }
  return [STR, text2];
}
function allowedAliasRatio(decodeCount) {
  if (decodeCount <= 4e5) return 0.99;
  if (decodeCount >= 4e6) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 4e5) / 36e5);
}
var Decoder = class {
  constructor(doc, text2) {
    this.text = text2;
    const anchors = /* @__PURE__ */ new Map();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.targets.set(node, target);
      } else if ((isScalar(node) || isMap2(node) || isSeq(node)) && node.anchor) {
        anchors.set(node.anchor, node);
      }
      return void 0;
    });
  }
  text;
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  aliases = /* @__PURE__ */ new Set();
  /** Each alias's node: the last node anchored with its name before it, in document order. */
  targets = /* @__PURE__ */ new Map();
  count() {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1e3 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf("document contains excessive aliasing");
    }
  }
  /**
   * go-yaml's unmarshal of one node: counted, an alias followed (and refused when it is being decoded
   * already), then `fn` on the node itself.
   */
  unmarshal(node, fn) {
    this.count();
    if (node === null || !isAlias(node)) return fn(node);
    if (this.aliases.has(node)) failf(`anchor '${node.source}' value contains itself`);
    const target = this.targets.get(node);
    if (!target) failf(`unknown anchor '${node.source}' referenced`);
    this.aliases.add(node);
    this.aliasDepth++;
    try {
      return this.unmarshal(target, fn);
    } finally {
      this.aliasDepth--;
      this.aliases.delete(node);
    }
  }
  decode(node) {
    return this.unmarshal(node, (n) => {
      if (n === null) return null;
      if (isScalar(n)) {
        let value = n.value;
        if ((n.type === "BLOCK_LITERAL" || n.type === "BLOCK_FOLDED") && !/[\r\n]$/.test(this.text) && n.range && n.range[1] >= this.text.length) {
          value = value.replace(/\n$/, "");
        }
        return this.scalar(value, n.type === "PLAIN", n.tag ?? "");
      }
      if (isSeq(n)) return n.items.map((item) => this.decode(item));
      if (isMap2(n)) {
        const out = new GoYamlMap();
        this.mapping(n, out);
        return out;
      }
      failf("unknown node");
    });
  }
  scalar(value, plain, explicitTag) {
    if (explicitTag === "" && !plain) return value;
    const [tag, resolved] = resolve(explicitTag, value);
    if (tag === BINARY) {
      const bytes = goBase64Std(value);
      if (!bytes) failf("!!binary value contains invalid base64 data");
      return goUtf8(bytes);
    }
    if (tag === TIMESTAMP) return value;
    return resolved;
  }
  isMerge(key) {
    return key !== null && isScalar(key) && key.value === "<<" && (key.type === "PLAIN" && !key.tag || key.tag === MERGE);
  }
  mapping(node, out) {
    if (!isMap2(node)) failf("map merge requires map or sequence of maps as the value");
    for (const pair of node.items) {
      const key = pair.key;
      const value = pair.value;
      if (this.isMerge(key)) {
        this.merge(value, out);
        continue;
      }
      const k = this.decode(key);
      if (Array.isArray(k) || k instanceof GoYamlMap) failf("invalid map key: a collection cannot be a map key");
      out.entries.set(goKeyIdentity(k, out), [k, this.decode(value)]);
    }
  }
  merge(node, out) {
    const wantMap = () => failf("map merge requires map or sequence of maps as the value");
    if (node !== null && (isMap2(node) || isAlias(node))) {
      this.mergeOne(node, out, wantMap);
      return;
    }
    if (node === null || !isSeq(node)) return wantMap();
    const items = node.items;
    for (let i = items.length - 1; i >= 0; i--) this.mergeOne(items[i], out, wantMap);
  }
  mergeOne(node, out, wantMap) {
    if (node === null) wantMap();
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target && !isMap2(target)) wantMap();
    } else if (!isMap2(node)) wantMap();
    this.unmarshal(node, (target) => this.mapping(target, out));
  }
};
var nanKeys = 0;
function goKeyIdentity(k, _map) {
  if (k === null) return "nil";
  if (typeof k === "boolean") return `b:${k}`;
  if (typeof k === "string") return `s:${k}`;
  const v = k;
  if (v.kind === "float" && Number.isNaN(v.v)) return `nan:${nanKeys++}`;
  return `${v.kind}:${String(v.v)}`;
}
var NOT_PRINTABLE = /[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
function yaml11LineBreaks(doc, text2) {
  const quoted = [];
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range) quoted.push([node.range[0], node.range[1]]);
    }
  });
  for (const m of text2.matchAll(/[\u0085\u2028\u2029]/g)) {
    if (m[0] === "\x85" || !quoted.some(([from, to]) => m.index >= from && m.index < to)) {
      throw new Error("yaml: U+0085, U+2028 and U+2029 outside quoted scalars (YAML 1.1 line breaks) are not supported by preadmit");
    }
  }
}
function firstDocument(text2) {
  const composer = new Composer({ version: "1.1", schema: "failsafe", uniqueKeys: false, merge: false });
  for (const doc of composer.compose(new Parser2().parse(text2))) return doc;
  return void 0;
}
function goYamlDecode(text2) {
  const body = text2.startsWith("\uFEFF") ? text2.slice(1) : text2;
  const bad2 = NOT_PRINTABLE.exec(body);
  if (bad2) failf("control characters are not allowed");
  let doc = firstDocument(body);
  if (doc && doc.errors.length > 0) {
    const relaxed = relaxQuotedIndentation(body);
    const second = relaxed === void 0 ? void 0 : firstDocument(relaxed);
    if (second && second.errors.length === 0) doc = second;
  }
  if (!doc) return null;
  if (doc.errors.length > 0) failf(doc.errors[0].message.split("\n")[0]);
  if (/^(?:[ \t]*(?:#.*)?(?:\r?\n|\r))*\.\.\.(?:[ \t\r\n]|$)/.test(body)) failf("did not find expected <document start>");
  if (/\\[uU]/.test(body) && surrogateEscape(doc, body) !== void 0) failf("found invalid Unicode character escape code");
  if (/[\u0085\u2028\u2029]/.test(body)) yaml11LineBreaks(doc, body);
  return new Decoder(doc, body).decode(doc.contents);
}
function jsonKey(k) {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (k !== null && !Array.isArray(k) && !(k instanceof GoYamlMap)) {
    if (k.kind === "int") {
      if (k.v > INT64_MAX2) throw new GoYamlError(`unsupported map key of type: uint64, key: 0x${k.v.toString(16)}`);
      return k.v.toString();
    }
    const s = goFloat32Text(k.v);
    return s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s;
  }
  throw new GoYamlError("unsupported map key of type: <nil>");
}
function goYamlToJson(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(goYamlToJson);
  if (v instanceof GoYamlMap) {
    const out = /* @__PURE__ */ new Map();
    for (const [k, x] of v.entries.values()) {
      const key = jsonKey(k);
      out.delete(key);
      out.set(key, goYamlToJson(x));
    }
    return out;
  }
  if (v.kind === "int") return { number: v.v.toString() };
  if (!Number.isFinite(v.v)) throw new GoYamlError(`json: unsupported value: ${goFloatText(v.v)}`);
  return { number: Object.is(v.v, -0) ? "-0" : String(v.v) };
}
var BEST_WIDTH = 80;
var BEST_INDENT = 2;
function goYamlKeyLess(a, b) {
  const ar = Array.from(a, (c) => c.codePointAt(0));
  const br = Array.from(b, (c) => c.codePointAt(0));
  const isLetter = (cp) => new RegExp("\\p{L}", "u").test(String.fromCodePoint(cp));
  const isDigit2 = (cp) => new RegExp("\\p{Nd}", "u").test(String.fromCodePoint(cp));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit2(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit2(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 48));
    let bi = i;
    for (; bi < br.length && isDigit2(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}
function printable(cp) {
  return cp === 10 || cp >= 32 && cp <= 126 || cp >= 160 && cp <= 55295 || cp >= 57344 && cp <= 65533 && cp !== 65279;
}
var isBreak = (cp) => cp === 10 || cp === 13 || cp === 133 || cp === 8232 || cp === 8233;
var isSpace = (cp) => cp === 32;
var isBlankz = (cp) => cp === void 0 || cp === 32 || cp === 9 || isBreak(cp) || cp === 0;
function analyzeScalar(cps) {
  if (cps.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let flowIndicators = false;
  let blockIndicators = false;
  const head = String.fromCodePoint(...cps.slice(0, 3));
  if (head === "---" || head === "...") flowIndicators = blockIndicators = true;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankz(cps[1]);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) flowIndicators = blockIndicators = true;
      if (ch === "?" || ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "-" && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (",?[]{}".includes(ch)) flowIndicators = true;
      if (ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "#" && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (!printable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    followedByWhitespace = isBlankz(cps[i + 2]);
  }
  const a = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}
var BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
function unsupportedMarshal(what) {
  throw new Error(`yaml.marshal: ${what} is not supported by preadmit`);
}
var Emitter = class {
  out = "";
  column = 0;
  /** libyaml's `whitespace`: the last character written was a space or a line start. */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line. */
  indention = true;
  put(s) {
    this.out += s;
    this.column += Array.from(s).length;
  }
  newline() {
    this.out += "\n";
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indent. */
  indent(indent) {
    const i = Math.max(indent, 0);
    if (!this.indention || this.column > i || this.column === i && !this.whitespace) this.newline();
    while (this.column < i) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indicator. */
  indicator(s, needWhitespace, isWhitespace, isIndention) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(s);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  /** The document: the root node, then a line break. */
  document(v) {
    this.node(v, -1, false, "root");
    this.indent(0);
  }
  /**
   * A node whose parent container is at `indent` (-1 at the root). `inMapping`: a sequence here is a
   * mapping's value (written without extra indentation).
   */
  node(v, indent, simpleKey, ctx2) {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.indicator("[]", true, false, false);
      const seqIndent = indent < 0 ? 0 : ctx2 === "value" ? indent : indent + BEST_INDENT;
      for (const item of v) {
        this.indent(seqIndent);
        this.indicator("-", true, false, true);
        this.node(item, seqIndent, false, "item");
      }
      return;
    }
    if (v instanceof Map) {
      if (v.size === 0) return this.indicator("{}", true, false, false);
      const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      const keys = [...v.keys()].sort((a, b) => goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0);
      for (const k of keys) {
        this.indent(mapIndent);
        if (Buffer.byteLength(k, "utf8") > 128 || /[\n\r\u0085\u2028\u2029]/.test(k)) {
          this.indicator("?", true, false, true);
          this.scalar(k, mapIndent, false);
          this.indent(mapIndent);
          this.indicator(":", true, false, true);
          this.node(v.get(k), mapIndent, false, "item");
          continue;
        }
        this.scalar(k, mapIndent, true);
        this.indicator(":", false, false, false);
        this.node(v.get(k), mapIndent, false, "value");
      }
      return;
    }
    if (v === null || typeof v === "boolean") return this.write(String(v), "plain", scalarIndent(indent), simpleKey);
    if (typeof v === "string") return this.scalar(v, indent, simpleKey);
    const n = numberText(v.number);
    if (n === void 0) this.scalar(v.number, indent, simpleKey);
    else this.write(n, "plain", scalarIndent(indent), simpleKey);
  }
  /** A string scalar: go-yaml's style request, then libyaml's select_scalar_style. */
  scalar(s, indent, simpleKey) {
    const cps = Array.from(s, (c) => c.codePointAt(0));
    if (cps.some((c) => c === 133 || c === 65279 || c === 13 || c === 8232 || c === 8233)) {
      unsupportedMarshal("a string with U+000D, U+0085, U+2028, U+2029 or U+FEFF");
    }
    const [rtag] = resolveImplicit("", s);
    const canUsePlain = rtag === STR && !BASE60_FLOAT.test(s);
    let style = s.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
    const a = analyzeScalar(cps);
    if (style === "plain" && (!a.blockPlain || cps.length === 0 && simpleKey)) style = "single";
    if (style === "single" && !a.single) style = "double";
    if (style === "literal" && (!a.block || simpleKey)) style = "double";
    this.write(s, style, scalarIndent(indent), simpleKey);
  }
  write(s, style, indent, simpleKey) {
    const cps = Array.from(s, (c) => c.codePointAt(0));
    const allowBreaks = !simpleKey;
    if (style === "literal") return this.literal(cps, indent);
    if (style === "plain") {
      if (!this.whitespace) this.put(" ");
      let spaces2 = false;
      cps.forEach((c, i) => {
        if (isSpace(c)) {
          if (allowBreaks && !spaces2 && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.indent(indent);
          else this.put(" ");
          spaces2 = true;
        } else {
          this.put(String.fromCodePoint(c));
          spaces2 = false;
        }
        this.whitespace = false;
        this.indention = false;
      });
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const quote2 = style === "single" ? "'" : '"';
    this.indicator(quote2, true, false, false);
    let spaces = false;
    cps.forEach((c, i) => {
      if (style === "double" && (!printable(c) || isBreak(c) || c === 34 || c === 92)) {
        this.put(`\\${doubleQuotedEscape(c)}`);
        spaces = false;
      } else if (isSpace(c)) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1;
        if (fold && (style === "double" || !isSpace(cps[i + 1]))) {
          this.indent(indent);
          if (style === "double" && isSpace(cps[i + 1])) this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.put(c === 39 && style === "single" ? "''" : String.fromCodePoint(c));
        spaces = false;
      }
      this.indention = false;
      this.whitespace = false;
    });
    this.indicator(quote2, false, false, false);
  }
  literal(cps, indent) {
    this.indicator("|", true, false, false);
    if (isSpace(cps[0]) || isBreak(cps[0])) this.put(String(BEST_INDENT));
    const last = cps.length - 1;
    let chomp = "";
    if (cps.length === 0 || !isBreak(cps[last])) chomp = "-";
    else if (last === 0 || isBreak(cps[last - 1])) chomp = "+";
    this.put(chomp);
    this.newline();
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.newline();
        breaks = true;
      } else {
        if (breaks) this.indent(indent);
        this.put(String.fromCodePoint(c));
        this.indention = false;
        this.whitespace = false;
        breaks = false;
      }
    }
  }
};
function scalarIndent(indent) {
  return indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
}
function doubleQuotedEscape(c) {
  const named = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P" };
  if (named[c] !== void 0) return named[c];
  const hex = c.toString(16).toUpperCase();
  if (c <= 255) return `x${hex.padStart(2, "0")}`;
  if (c <= 65535) return `u${hex.padStart(4, "0")}`;
  return `U${hex.padStart(8, "0")}`;
}
function numberText(text2) {
  const [tag, v] = resolveImplicit("", text2);
  if (tag === INT) return v.v.toString();
  if (tag === FLOAT) return goFloatText(v.v);
  return void 0;
}
function goYamlMarshal(v) {
  const e = new Emitter();
  e.document(v);
  return e.out;
}

// src/go/x509.ts
import { createPublicKey } from "node:crypto";

// src/go/asn1.ts
var TAG2 = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8String: 12,
  SEQUENCE: 48,
  SET: 49,
  PrintableString: 19,
  T61String: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  NumericString: 18,
  BMPString: 30
};
function ctx(n, constructed = false) {
  return 128 | (constructed ? 32 : 0) | n;
}
var Asn1Unsupported = class extends Error {
};
var DerReader = class _DerReader {
  constructor(buf, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }
  buf;
  pos;
  get empty() {
    return this.pos >= this.buf.length;
  }
  get remaining() {
    return this.buf.subarray(this.pos);
  }
  /** The next element (cryptobyte's ReadAnyASN1Element), or undefined when malformed. */
  readAny() {
    const b = this.buf;
    const start = this.pos;
    if (b.length - start < 2) return void 0;
    const tag = b[start];
    if ((tag & 31) === 31) throw new Asn1Unsupported("ASN.1 high tag numbers are not supported by preadmit");
    const lenByte = b[start + 1];
    let len;
    let header;
    if ((lenByte & 128) === 0) {
      len = lenByte;
      header = 2;
    } else {
      const lenLen = lenByte & 127;
      if (lenLen === 0 || lenLen > 4 || b.length - start < 2 + lenLen) return void 0;
      len = 0;
      for (let i = 0; i < lenLen; i++) len = len * 256 + b[start + 2 + i];
      if (len < 128) return void 0;
      if (lenLen > 1 && b[start + 2] === 0) return void 0;
      header = 2 + lenLen;
    }
    if (b.length - start - header < len) return void 0;
    this.pos = start + header + len;
    return { tag, body: b.subarray(start + header, start + header + len), full: b.subarray(start, start + header + len) };
  }
  peekTag(tag) {
    return this.pos < this.buf.length && this.buf[this.pos] === tag;
  }
  /** The next element if it has `tag` (else undefined, reading nothing... as a failed cryptobyte read). */
  read(tag) {
    const save = this.pos;
    const e = this.readAny();
    if (!e || e.tag !== tag) {
      this.pos = save;
      return void 0;
    }
    return e;
  }
  /** The body of the next element with `tag`. */
  body(tag) {
    const e = this.read(tag);
    return e ? new _DerReader(e.body) : void 0;
  }
  /** An optional element: absent gives null, malformed undefined. */
  optional(tag) {
    if (!this.peekTag(tag)) return null;
    return this.read(tag);
  }
  integer(tag = TAG2.INTEGER) {
    const e = this.read(tag);
    return e ? asn1Integer(e.body) : void 0;
  }
  oid() {
    const e = this.read(TAG2.OID);
    return e ? asn1Oid(e.body) : void 0;
  }
  boolean() {
    const e = this.read(TAG2.BOOLEAN);
    if (!e || e.body.length !== 1) return void 0;
    if (e.body[0] === 0) return false;
    if (e.body[0] === 255) return true;
    return void 0;
  }
  bitString() {
    const e = this.read(TAG2.BIT_STRING);
    return e ? asn1BitString(e.body) : void 0;
  }
};
function asn1Integer(b) {
  if (b.length === 0) return void 0;
  if (b.length > 1 && (b[0] === 0 && (b[1] & 128) === 0 || b[0] === 255 && (b[1] & 128) === 128)) return void 0;
  let v = BigInt("0x" + b.toString("hex"));
  if (b[0] & 128) v -= 1n << BigInt(b.length * 8);
  return v;
}
function base128(b, pos) {
  let ret = 0;
  for (let i = 0; pos < b.length; i++, pos++) {
    if (i === 5) return void 0;
    if (ret >= 1 << 31 - 7) return void 0;
    const c = b[pos];
    if (i === 0 && c === 128) return void 0;
    ret = ret * 128 + (c & 127);
    if ((c & 128) === 0) return [ret, pos + 1];
  }
  return void 0;
}
function asn1Oid(b) {
  if (b.length === 0) return void 0;
  const first = base128(b, 0);
  if (!first) return void 0;
  const out = first[0] < 80 ? [Math.floor(first[0] / 40), first[0] % 40] : [2, first[0] - 80];
  let pos = first[1];
  while (pos < b.length) {
    const r = base128(b, pos);
    if (!r) return void 0;
    out.push(r[0]);
    pos = r[1];
  }
  return out;
}
function asn1BitString(b) {
  if (b.length === 0) return void 0;
  const padding = b[0];
  const bytes = b.subarray(1);
  if (padding > 7 || bytes.length === 0 && padding > 0 || bytes.length > 0 && (bytes[bytes.length - 1] & (1 << padding) - 1) !== 0) return void 0;
  return { bytes, bitLength: bytes.length * 8 - padding };
}
function oidEqual(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// src/go/x509.ts
var X509Error = class extends Error {
};
function err2(message) {
  throw new X509Error(message);
}
function unsupported2(what) {
  throw new Error(`x509: ${what} is not supported by preadmit`);
}
var J = {
  null: { t: "null" },
  bool: (v) => ({ t: "boolean", v }),
  num: (v) => ({ t: "number", v: v.toString() }),
  str: (v) => ({ t: "string", v }),
  /** A []byte: base64, nil as null. */
  bytes: (v) => v ? { t: "string", v: v.toString("base64") } : { t: "null" },
  arr: (v) => v ? { t: "array", v } : { t: "null" },
  obj: (fields) => ({
    t: "object",
    v: Object.keys(fields).sort().map((k) => [{ t: "string", v: k }, fields[k]])
  }),
  strs: (v) => J.arr(v?.map(J.str)),
  oid: (v) => J.arr(v.map(J.num))
};
function getLine(data2) {
  let i = data2.indexOf(10);
  let j;
  if (i < 0) {
    i = data2.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data2[i - 1] === 13) i--;
  }
  let e = i;
  while (e > 0 && (data2[e - 1] === 32 || data2[e - 1] === 9)) e--;
  return [data2.subarray(0, e), data2.subarray(j), j];
}
function pemBase64(data2) {
  const t = data2.toString("latin1").replace(/[ \t\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return void 0;
  return Buffer.from(t, "base64");
}
var PEM_START = Buffer.from("\n-----BEGIN ");
var PEM_END = Buffer.from("\n-----END ");
var DASHES = Buffer.from("-----");
function pemDecode(data2) {
  let rest = data2;
  let endTrailerIndex = 0;
  for (; ; ) {
    if (endTrailerIndex < 0 || endTrailerIndex > rest.length) return void 0;
    rest = rest.subarray(endTrailerIndex);
    let endIndex = rest.indexOf(PEM_END);
    if (endIndex < 0) return void 0;
    endTrailerIndex = endIndex + PEM_END.length;
    const beginIndex = rest.subarray(0, endIndex).lastIndexOf(PEM_START.subarray(1));
    if (beginIndex < 0 || beginIndex > 0 && rest[beginIndex - 1] !== 10) continue;
    const skip = beginIndex + PEM_START.length - 1;
    rest = rest.subarray(skip);
    endIndex -= skip;
    endTrailerIndex -= skip;
    const [typeLine0, afterType, consumed] = getLine(rest);
    rest = afterType;
    endIndex -= consumed;
    endTrailerIndex -= consumed;
    if (typeLine0.length < DASHES.length || !typeLine0.subarray(typeLine0.length - DASHES.length).equals(DASHES)) continue;
    const typeLine = typeLine0.subarray(0, typeLine0.length - DASHES.length);
    let headers = 0;
    let truncated = false;
    for (; ; ) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next, used] = getLine(rest);
      if (line.indexOf(58) < 0) break;
      headers++;
      rest = next;
      endIndex -= used;
      endTrailerIndex -= used;
    }
    if (truncated) return void 0;
    if (headers > 0 && endIndex < 0) continue;
    let endTrailer = rest.subarray(endTrailerIndex);
    const endTrailerLen = typeLine.length + DASHES.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.subarray(endTrailerLen);
    endTrailer = endTrailer.subarray(0, endTrailerLen);
    if (!endTrailer.subarray(0, typeLine.length).equals(typeLine) || !endTrailer.subarray(endTrailer.length - DASHES.length).equals(DASHES)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    let bytes = Buffer.alloc(0);
    if (endIndex > 0) {
      const decoded = pemBase64(rest.subarray(0, endIndex));
      if (!decoded) continue;
      bytes = decoded;
    }
    const [, after] = getLine(rest.subarray(endIndex + PEM_END.length - 1));
    return { block: { type: typeLine.toString("latin1"), bytes }, rest: after };
  }
}
function isPrintable(b) {
  return b >= 97 && b <= 122 || b >= 65 && b <= 90 || b >= 48 && b <= 57 || b >= 39 && b <= 41 || b >= 43 && b <= 47 || b === 32 || b === 58 || b === 61 || b === 63 || b === 42 || b === 38;
}
var utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function validUtf8(b) {
  try {
    return utf8Strict.decode(b);
  } catch {
    return void 0;
  }
}
function isAscii(b) {
  return b.every((c) => c < 128);
}
function asn1String(tag, b) {
  switch (tag) {
    case TAG2.T61String:
      return Array.from(b, (c) => String.fromCharCode(c)).join("");
    case TAG2.PrintableString:
      if (!b.every(isPrintable)) err2("invalid PrintableString");
      return b.toString("latin1");
    case TAG2.UTF8String: {
      const s = validUtf8(b);
      if (s === void 0) err2("invalid UTF-8 string");
      return s;
    }
    case TAG2.BMPString: {
      if (b.length % 2 !== 0) err2("invalid BMPString");
      let v = b;
      if (v.length >= 2 && v[v.length - 1] === 0 && v[v.length - 2] === 0) v = v.subarray(0, v.length - 2);
      let s = "";
      for (let i = 0; i < v.length; i += 2) {
        const p = v[i] << 8 | v[i + 1];
        if (p === 65534 || p === 65535 || p >= 64976 && p <= 65007 || p >= 55296 && p <= 57343) err2("invalid BMPString");
        s += String.fromCharCode(p);
      }
      return s;
    }
    case TAG2.IA5String:
      if (!isAscii(b)) err2("invalid IA5String");
      return b.toString("latin1");
    case TAG2.NumericString:
      if (!b.every((c) => c >= 48 && c <= 57 || c === 32)) err2("invalid NumericString");
      return b.toString("latin1");
  }
  return err2(`unsupported string type: ${tag}`);
}
function parseName(raw) {
  const seq = new DerReader(raw).body(TAG2.SEQUENCE) ?? err2("x509: invalid RDNSequence");
  const rdns = [];
  while (!seq.empty) {
    const set = seq.body(TAG2.SET) ?? err2("x509: invalid RDNSequence");
    const rdn = [];
    while (!set.empty) {
      const atav = set.body(TAG2.SEQUENCE) ?? err2("x509: invalid RDNSequence: invalid attribute");
      const type = atav.oid() ?? err2("x509: invalid RDNSequence: invalid attribute type");
      const v = atav.readAny() ?? err2("x509: invalid RDNSequence: invalid attribute value");
      rdn.push({ type, value: asn1String(v.tag, v.body) });
    }
    rdns.push(rdn);
  }
  return rdns;
}
var NAME_LISTS = { 6: "Country", 7: "Locality", 8: "Province", 9: "StreetAddress", 10: "Organization", 11: "OrganizationalUnit", 17: "PostalCode" };
function nameJson(rdns) {
  const lists = {};
  let commonName = "";
  let serialNumber = "";
  const names = [];
  for (const rdn of rdns) {
    for (const a of rdn) {
      names.push(J.obj({ Type: J.oid(a.type), Value: J.str(a.value) }));
      const t = a.type;
      if (t.length === 4 && t[0] === 2 && t[1] === 5 && t[2] === 4) {
        if (t[3] === 3) commonName = a.value;
        else if (t[3] === 5) serialNumber = a.value;
        else {
          const field = NAME_LISTS[t[3]];
          if (field) (lists[field] ??= []).push(a.value);
        }
      }
    }
  }
  const out = { CommonName: J.str(commonName), SerialNumber: J.str(serialNumber), Names: J.arr(names.length ? names : void 0), ExtraNames: J.null };
  for (const field of Object.values(NAME_LISTS)) out[field] = J.strs(lists[field]);
  return J.obj(out);
}
var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn2(month, year) {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS[month - 1];
}
function civil(year, month, day, h, m, s, frac) {
  if (month < 1 || month > 12 || day < 1 || day > daysIn2(month, year) || h > 23 || m > 59 || s > 59) return void 0;
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, 0);
  const ns = BigInt(d.getTime()) * 1000000n + BigInt((frac + "000000000").slice(0, 9));
  const p = (n, w = 2) => String(n).padStart(w, "0");
  const text2 = `${p(year, 4)}-${p(month)}-${p(day)}T${p(h)}:${p(m)}:${p(s)}${frac ? "." + frac : ""}Z`;
  return { ns, text: text2 };
}
function parseTime(r) {
  if (r.peekTag(TAG2.UTCTime)) {
    const e = r.read(TAG2.UTCTime) ?? err2("x509: malformed UTCTime");
    const t = e.body.toString("latin1");
    const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(Z|[+-]\d{4})$/.exec(t);
    if (!m) err2("x509: malformed UTCTime");
    if (m[7] !== "Z") unsupported2("a certificate time with a zone offset");
    const yy = Number(m[1]);
    const v = civil(yy < 50 ? 2e3 + yy : 1900 + yy, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? "0"), "");
    return v ?? err2("x509: malformed UTCTime");
  }
  if (r.peekTag(TAG2.GeneralizedTime)) {
    const e = r.read(TAG2.GeneralizedTime) ?? err2("x509: malformed GeneralizedTime");
    const t = e.body.toString("latin1");
    const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d*[1-9]))?(Z|[+-]\d{4})$/.exec(t);
    if (!m) err2("x509: malformed GeneralizedTime");
    if (m[8] !== "Z") unsupported2("a certificate time with a zone offset");
    if (m[7] && m[7].length > 9) err2("x509: malformed GeneralizedTime");
    const v = civil(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ?? "");
    return v ?? err2("x509: malformed GeneralizedTime");
  }
  return err2("x509: unsupported time format");
}
var OID = {
  rsa: [1, 2, 840, 113549, 1, 1, 1],
  dsa: [1, 2, 840, 10040, 4, 1],
  ecdsa: [1, 2, 840, 10045, 2, 1],
  ed25519: [1, 3, 101, 112],
  rsaPss: [1, 2, 840, 113549, 1, 1, 10],
  aiaOcsp: [1, 3, 6, 1, 5, 5, 7, 48, 1],
  aiaIssuers: [1, 3, 6, 1, 5, 5, 7, 48, 2],
  aia: [1, 3, 6, 1, 5, 5, 7, 1, 1]
};
var SIG_ALGS = [
  [[1, 2, 840, 113549, 1, 1, 4], 2, "rsa", "md5"],
  [[1, 2, 840, 113549, 1, 1, 5], 3, "rsa", "sha1"],
  [[1, 3, 14, 3, 2, 29], 3, "rsa", "sha1"],
  [[1, 2, 840, 113549, 1, 1, 11], 4, "rsa", "sha256"],
  [[1, 2, 840, 113549, 1, 1, 12], 5, "rsa", "sha384"],
  [[1, 2, 840, 113549, 1, 1, 13], 6, "rsa", "sha512"],
  [[1, 2, 840, 10040, 4, 3], 7, "dsa", "sha1"],
  [[2, 16, 840, 1, 101, 3, 4, 3, 2], 8, "dsa", "sha256"],
  [[1, 2, 840, 10045, 4, 1], 9, "ecdsa", "sha1"],
  [[1, 2, 840, 10045, 4, 3, 2], 10, "ecdsa", "sha256"],
  [[1, 2, 840, 10045, 4, 3, 3], 11, "ecdsa", "sha384"],
  [[1, 2, 840, 10045, 4, 3, 4], 12, "ecdsa", "sha512"],
  [[1, 3, 101, 112], 16, "ed25519", ""]
];
var SIG_ALG_INFO = {};
for (const [, n, key, hash] of SIG_ALGS) SIG_ALG_INFO[n] = { key, hash };
SIG_ALG_INFO[13] = { key: "rsa", hash: "sha256", pss: 32 };
SIG_ALG_INFO[14] = { key: "rsa", hash: "sha384", pss: 48 };
SIG_ALG_INFO[15] = { key: "rsa", hash: "sha512", pss: 64 };
function parseAI(r) {
  const oid = r.oid() ?? err2("x509: malformed OID");
  if (r.empty) return { oid, params: void 0 };
  const p = r.readAny() ?? err2("x509: malformed parameters");
  return { oid, params: p.full };
}
function signatureAlgorithm(ai) {
  if (oidEqual(ai.oid, OID.ed25519) && ai.params && ai.params.length) return 0;
  if (!oidEqual(ai.oid, OID.rsaPss)) return SIG_ALGS.find(([oid]) => oidEqual(oid, ai.oid))?.[1] ?? 0;
  const hex = ai.params?.toString("hex") ?? "";
  for (const [hash, n, salt] of [["01", 13, "20"], ["02", 14, "30"], ["03", 15, "40"]]) {
    const h = `300d06096086480165030402${hash}0500`;
    if (hex === `3034a00f${h}a11c301a06092a864886f70d010108${h}a2030201${salt}`) return n;
  }
  return unsupported2("an RSA-PSS signature algorithm with parameters other than Go writes");
}
var CURVES = [
  [[1, 2, 840, 10045, 3, 1, 7], "P-256", 32],
  [[1, 3, 132, 0, 34], "P-384", 48],
  [[1, 3, 132, 0, 35], "P-521", 66]
];
function parsePublicKey(alg, data2, spki) {
  if (oidEqual(alg.oid, OID.rsa)) {
    if (!alg.params || alg.params.toString("hex") !== "0500") err2("x509: RSA key missing NULL parameters");
    const seq = new DerReader(data2).body(TAG2.SEQUENCE) ?? err2("x509: invalid RSA public key");
    const n = seq.integer() ?? err2("x509: invalid RSA modulus");
    const e = seq.integer() ?? err2("x509: invalid RSA public exponent");
    if (e > 0x7fffffffffffffffn || e < -0x8000000000000000n) err2("x509: invalid RSA public exponent");
    if (n <= 0n) err2("x509: RSA modulus is not a positive number");
    if (e <= 0n) err2("x509: RSA public exponent is not a positive number");
    return { alg: 1, json: J.obj({ N: J.num(n), E: J.num(e) }), spki, rsa: { n, e } };
  }
  if (oidEqual(alg.oid, OID.ecdsa)) {
    const oid = alg.params ? new DerReader(alg.params).oid() : void 0;
    if (!oid) err2("x509: invalid ECDSA parameters");
    if (oidEqual(oid, [1, 3, 132, 0, 33])) unsupported2("a P-224 key");
    const curve = CURVES.find(([o]) => oidEqual(o, oid)) ?? err2("x509: unsupported elliptic curve");
    const size = curve[2];
    if (data2.length !== 1 + 2 * size || data2[0] !== 4) err2("ecdsa: invalid public key");
    try {
      createPublicKey({ key: spki, format: "der", type: "spki" });
    } catch {
      err2("ecdsa: invalid public key");
    }
    const x = BigInt("0x" + data2.subarray(1, 1 + size).toString("hex"));
    const y = BigInt("0x" + data2.subarray(1 + size).toString("hex"));
    return { alg: 3, json: J.obj({ Curve: J.obj({}), X: J.num(x), Y: J.num(y) }), spki, curve: curve[1] };
  }
  if (oidEqual(alg.oid, OID.ed25519)) {
    if (alg.params && alg.params.length) err2("x509: Ed25519 key encoded with illegal parameters");
    if (data2.length !== 32) err2("x509: wrong Ed25519 public key size");
    return { alg: 4, json: J.bytes(Buffer.from(data2)), spki };
  }
  if (oidEqual(alg.oid, OID.dsa)) unsupported2("a DSA key");
  return { alg: 0, json: J.null, spki };
}
var PATH_OK = /^[A-Za-z0-9\-_.~$&+,/:;=@]$/;
var FRAGMENT_OK = /^[A-Za-z0-9\-_.~$&+,/:;=?@!()*]$/;
function escapeFragment(b) {
  let out = "";
  for (const c of b) {
    const ch = String.fromCharCode(c);
    out += c < 128 && FRAGMENT_OK.test(ch) ? ch : "%" + c.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}
function unescapeUrl(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "%") {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return void 0;
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}
function urlFragment(f) {
  const dec = unescapeUrl(f) ?? err2(`x509: cannot parse URI: invalid URL escape`);
  const fragment = validUtf8(dec) ?? unsupported2("a URI fragment that is not UTF-8 once unescaped");
  const rawFragment = escapeFragment(dec) === f ? "" : f;
  const validEncoded2 = [...rawFragment].every((c) => "!$&'()*+,;=:@[]%".includes(c) || FRAGMENT_OK.test(c));
  const escapedFragment2 = rawFragment && validEncoded2 && unescapeUrl(rawFragment)?.equals(dec) ? rawFragment : escapeFragment(dec);
  return { fragment, rawFragment, escapedFragment: escapedFragment2 };
}
function parseUrl(s) {
  const hashAt = s.indexOf("#");
  let rest = hashAt < 0 ? s : s.slice(0, hashAt);
  if (/[\x00-\x1f\x7f]/.test(rest)) err2(`x509: cannot parse URI ${JSON.stringify(s)}: net/url: invalid control character in URL`);
  const frag = hashAt < 0 || hashAt === s.length - 1 ? { fragment: "", rawFragment: "", escapedFragment: "" } : urlFragment(s.slice(hashAt + 1));
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (!m) {
    const beforeQuery = rest.split("?")[0];
    if (rest.startsWith(":") || !beforeQuery.startsWith("/") && beforeQuery.split("/")[0].includes(":")) err2("x509: cannot parse URI: missing protocol scheme");
    unsupported2("a URI without a scheme");
  }
  const scheme = m[1].toLowerCase();
  rest = rest.slice(m[0].length);
  let forceQuery = false;
  let rawQuery = "";
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  const base = { scheme, rawQuery, ...frag, forceQuery, opaque: "", host: "", path: "", omitHost: false };
  if (!rest.startsWith("/")) {
    if (!/^[A-Za-z0-9\-_.~$&+,:;=@]*$/.test(rest)) unsupported2("an opaque URI with unusual characters");
    return { ...base, opaque: rest };
  }
  let user;
  let host = "";
  let omitHost = false;
  if (rest.startsWith("//")) {
    rest = rest.slice(2);
    const slash = rest.indexOf("/");
    let authority = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    const at2 = authority.lastIndexOf("@");
    if (at2 >= 0) {
      user = authority.slice(0, at2);
      if (!/^[A-Za-z0-9\-_.~]+$/.test(user)) unsupported2("URI user information other than a plain user name");
      authority = authority.slice(at2 + 1);
    }
    if (!/^[A-Za-z0-9\-_.]*(?::[0-9]*)?$/.test(authority)) unsupported2("a URI host with unusual characters");
    host = authority;
  } else {
    omitHost = true;
  }
  let path = "";
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "%") {
      const hex = rest.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) err2(`x509: cannot parse URI: invalid URL escape "%${hex}"`);
      if (!/^[0-9A-F]{2}$/.test(hex)) unsupported2("a URI path with this escape");
      const ch = String.fromCharCode(parseInt(hex, 16));
      if (ch.charCodeAt(0) >= 128 || PATH_OK.test(ch) || /[A-Za-z0-9]/.test(ch)) unsupported2("a URI path with this escape");
      path += ch;
      i += 2;
    } else if (PATH_OK.test(c)) path += c;
    else unsupported2("a URI path with unusual characters");
  }
  return { ...base, user, host, path, omitHost };
}
function escapePath2(p) {
  let out = "";
  for (const c of p) out += PATH_OK.test(c) ? c : "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
  return out;
}
function urlJson(u) {
  return J.obj({
    Scheme: J.str(u.scheme),
    Opaque: J.str(u.opaque),
    User: u.user === void 0 ? J.null : J.obj({}),
    Host: J.str(u.host),
    Path: J.str(u.path),
    RawPath: J.str(""),
    OmitHost: J.bool(u.omitHost),
    ForceQuery: J.bool(u.forceQuery),
    RawQuery: J.str(u.rawQuery),
    Fragment: J.str(u.fragment),
    RawFragment: J.str(u.rawFragment)
  });
}
function urlString(u) {
  let s = u.scheme + ":";
  if (u.opaque) s += u.opaque;
  else {
    if (!(u.omitHost && u.host === "" && u.user === void 0)) {
      s += "//";
      if (u.user !== void 0) s += u.user + "@";
      s += u.host;
    }
    s += escapePath2(u.path);
  }
  if (u.forceQuery || u.rawQuery) s += "?" + u.rawQuery;
  if (u.fragment) s += "#" + u.escapedFragment;
  return s;
}
function domainNameValid(s, constraint) {
  if (s.length === 0) return true;
  if (s.endsWith(".")) return false;
  if (constraint && s[0] === ".") s = s.slice(1);
  let lastDot = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && (s.charCodeAt(i) < 33 || s.charCodeAt(i) > 126)) return false;
    if (i === s.length || s[i] === ".") {
      let labelLen = i;
      if (lastDot >= 0) labelLen -= lastDot + 1;
      if (labelLen === 0) return false;
      lastDot = i;
    }
  }
  return true;
}
function subtrees(r, out) {
  let unhandled = false;
  while (!r.empty) {
    const seq = r.body(TAG2.SEQUENCE);
    const v = seq?.readAny();
    if (!v) err2("x509: invalid NameConstraints extension");
    const value = v.body;
    const text2 = value.toString("latin1");
    switch (v.tag) {
      case ctx(2):
        if (!isAscii(value)) err2("x509: invalid constraint value");
        if (!domainNameValid(text2, true)) err2(`x509: failed to parse dnsName constraint ${JSON.stringify(text2)}`);
        (out.dns ??= []).push(text2);
        break;
      case ctx(7): {
        if (value.length !== 8 && value.length !== 32) err2(`x509: IP constraint contained value of length ${value.length}`);
        const half = value.length / 2;
        const mask = value.subarray(half);
        let seenZero = false;
        for (const b of mask) {
          if (seenZero) {
            if (b !== 0) err2("x509: IP constraint contained invalid mask");
            continue;
          }
          if ([0, 128, 192, 224, 240, 248, 252, 254].includes(b)) seenZero = true;
          else if (b !== 255) err2("x509: IP constraint contained invalid mask");
        }
        (out.ips ??= []).push({ ip: Buffer.from(value.subarray(0, half)), mask: Buffer.from(mask) });
        break;
      }
      case ctx(1):
        if (!isAscii(value)) err2("x509: invalid constraint value");
        if (text2.includes("@")) unsupported2("an rfc822Name constraint with a local part");
        if (!domainNameValid(text2, true)) err2(`x509: failed to parse rfc822Name constraint ${JSON.stringify(text2)}`);
        (out.emails ??= []).push(text2);
        break;
      case ctx(6):
        if (!isAscii(value)) err2("x509: invalid constraint value");
        if (/^[0-9.]+$/.test(text2) || text2.includes(":")) unsupported2("a URI constraint that may be an IP address");
        if (!domainNameValid(text2, true)) err2(`x509: failed to parse URI constraint ${JSON.stringify(text2)}`);
        (out.uriDomains ??= []).push(text2);
        break;
      default:
        unhandled = true;
    }
  }
  return unhandled;
}
function parseNameConstraints(c, e) {
  const outer = new DerReader(e.value);
  const top = outer.body(TAG2.SEQUENCE);
  if (!top || !outer.empty) err2("x509: invalid NameConstraints extension");
  const permitted = top.optional(ctx(0, true));
  const excluded = permitted === void 0 ? void 0 : top.optional(ctx(1, true));
  if (permitted === void 0 || excluded === void 0 || !top.empty) err2("x509: invalid NameConstraints extension");
  if (!permitted && !excluded || (permitted?.body.length ?? 0) === 0 && (excluded?.body.length ?? 0) === 0) err2("x509: empty name constraints extension");
  const nc = { critical: e.critical, permitted: {}, excluded: {} };
  let unhandled = subtrees(new DerReader(permitted?.body ?? Buffer.alloc(0)), nc.permitted);
  unhandled = subtrees(new DerReader(excluded?.body ?? Buffer.alloc(0)), nc.excluded) || unhandled;
  c.nameConstraints = nc;
  return unhandled;
}
function ipNetsJson(v) {
  return J.arr(v?.map((n) => J.obj({ IP: J.str(ipString(n.ip)), Mask: J.bytes(n.mask) })));
}
var EKU_OIDS = [
  [2, 5, 29, 37, 0],
  [1, 3, 6, 1, 5, 5, 7, 3, 1],
  [1, 3, 6, 1, 5, 5, 7, 3, 2],
  [1, 3, 6, 1, 5, 5, 7, 3, 3],
  [1, 3, 6, 1, 5, 5, 7, 3, 4],
  [1, 3, 6, 1, 5, 5, 7, 3, 5],
  [1, 3, 6, 1, 5, 5, 7, 3, 6],
  [1, 3, 6, 1, 5, 5, 7, 3, 7],
  [1, 3, 6, 1, 5, 5, 7, 3, 8],
  [1, 3, 6, 1, 5, 5, 7, 3, 9],
  [1, 3, 6, 1, 4, 1, 311, 10, 3, 3],
  [2, 16, 840, 1, 113730, 4, 1],
  [1, 3, 6, 1, 4, 1, 311, 2, 1, 22],
  [1, 3, 6, 1, 4, 1, 311, 61, 1, 1]
];
function parseSans(value) {
  const seq = new DerReader(value).body(TAG2.SEQUENCE) ?? err2("x509: invalid subject alternative names");
  const out = {};
  while (!seq.empty) {
    const e = seq.readAny() ?? err2("x509: invalid subject alternative name");
    const data2 = e.body;
    switch (e.tag ^ 128) {
      case 1:
        if (!isAscii(data2)) err2("x509: SAN rfc822Name is malformed");
        (out.emailAddresses ??= []).push(data2.toString("latin1"));
        break;
      case 2:
        if (!isAscii(data2)) err2("x509: SAN dNSName is malformed");
        (out.dnsNames ??= []).push(data2.toString("latin1"));
        break;
      case 6: {
        if (!isAscii(data2)) err2("x509: SAN uniformResourceIdentifier is malformed");
        const u = parseUrl(data2.toString("latin1"));
        if (u.host.length > 0 && !domainNameValid(u.host, false)) err2("x509: cannot parse URI: invalid domain");
        (out.uris ??= []).push(u);
        break;
      }
      case 7:
        if (data2.length !== 4 && data2.length !== 16) err2(`x509: cannot parse IP address of length ${data2.length}`);
        (out.ipAddresses ??= []).push(Buffer.from(data2));
        break;
    }
  }
  return out;
}
function processExtensions(c) {
  for (const e of c.extensions) {
    let unhandled = false;
    const id = e.id;
    if (id.length === 4 && id[0] === 2 && id[1] === 5 && id[2] === 29) {
      switch (id[3]) {
        case 15: {
          const bits = new DerReader(e.value).bitString() ?? err2("x509: invalid key usage");
          let usage = 0;
          for (let i = 0; i < 9; i++) {
            const byte = Math.floor(i / 8);
            if (i < bits.bitLength && bits.bytes[byte] >> 7 - i % 8 & 1) usage |= 1 << i;
          }
          c.keyUsage = usage;
          break;
        }
        case 19: {
          const seq = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid basic constraints");
          let isCA = false;
          if (seq.peekTag(TAG2.BOOLEAN)) isCA = seq.boolean() ?? err2("x509: invalid basic constraints");
          let maxPathLen = -1;
          if (seq.peekTag(TAG2.INTEGER)) {
            const v = seq.integer() ?? err2("x509: invalid basic constraints");
            if (v < 0n || v > 0x7fffffffffffffffn) err2("x509: invalid basic constraints");
            if (v > BigInt(Number.MAX_SAFE_INTEGER)) unsupported2("a huge path length");
            maxPathLen = Number(v);
          }
          c.isCA = isCA;
          c.maxPathLen = maxPathLen;
          c.basicConstraintsValid = true;
          break;
        }
        case 17: {
          const s = parseSans(e.value);
          Object.assign(c, s);
          if (!s.dnsNames && !s.emailAddresses && !s.ipAddresses && !s.uris) unhandled = true;
          break;
        }
        case 30:
          unhandled = parseNameConstraints(c, e);
          break;
        case 31: {
          const val = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid CRL distribution points");
          while (!val.empty) {
            const dp = val.body(TAG2.SEQUENCE) ?? err2("x509: invalid CRL distribution point");
            const name = dp.optional(ctx(0, true));
            if (name === void 0) err2("x509: invalid CRL distribution point");
            if (name === null) continue;
            const full = new DerReader(name.body).body(ctx(0, true)) ?? err2("x509: invalid CRL distribution point");
            while (!full.empty) {
              if (!full.peekTag(ctx(6))) break;
              const uri = full.read(ctx(6)) ?? err2("x509: invalid CRL distribution point");
              (c.crlDistributionPoints ??= []).push(uri.body.toString("latin1"));
            }
          }
          if (c.crlDistributionPoints?.some((s) => !isAscii(Buffer.from(s, "latin1")))) unsupported2("a non-ASCII CRL distribution point");
          break;
        }
        case 35: {
          if (e.critical) err2("x509: authority key identifier incorrectly marked critical");
          const akid = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid authority key identifier");
          if (akid.peekTag(ctx(0))) c.authorityKeyId = Buffer.from((akid.read(ctx(0)) ?? err2("x509: invalid authority key identifier")).body);
          break;
        }
        case 36:
        case 33:
        case 54:
          unsupported2("policy constraints, policy mappings and inhibit anyPolicy");
          break;
        case 37: {
          const seq = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid extended key usages");
          const known = [];
          const unknown = [];
          while (!seq.empty) {
            const oid = seq.oid() ?? err2("x509: invalid extended key usages");
            const k = EKU_OIDS.findIndex((o) => oidEqual(o, oid));
            if (k >= 0) known.push(k);
            else unknown.push(oid);
          }
          c.extKeyUsage = known.length ? known : void 0;
          c.unknownExtKeyUsage = unknown.length ? unknown : void 0;
          break;
        }
        case 14: {
          if (e.critical) err2("x509: subject key identifier incorrectly marked critical");
          const skid = new DerReader(e.value).read(TAG2.OCTET_STRING) ?? err2("x509: invalid subject key identifier");
          c.subjectKeyId = Buffer.from(skid.body);
          break;
        }
        case 32: {
          const seq = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid certificate policies");
          const seen = /* @__PURE__ */ new Set();
          const out = [];
          while (!seq.empty) {
            const cp = seq.body(TAG2.SEQUENCE);
            const oidEl = cp?.read(TAG2.OID);
            if (!oidEl) err2("x509: invalid certificate policies");
            const key = oidEl.body.toString("hex");
            if (seen.has(key)) err2("x509: invalid certificate policies");
            seen.add(key);
            const oid = new DerReader(oidEl.full).oid();
            if (!oid) unsupported2("a certificate policy OID with arcs of 2^31 or more");
            out.push(oid);
          }
          c.policies = out;
          break;
        }
        default:
          unhandled = true;
      }
    } else if (oidEqual(id, OID.aia)) {
      if (e.critical) err2("x509: authority info access incorrectly marked critical");
      const val = new DerReader(e.value).body(TAG2.SEQUENCE) ?? err2("x509: invalid authority info access");
      while (!val.empty) {
        const aia = val.body(TAG2.SEQUENCE) ?? err2("x509: invalid authority info access");
        const method = aia.oid() ?? err2("x509: invalid authority info access");
        if (!aia.peekTag(ctx(6))) continue;
        const loc = aia.read(ctx(6)) ?? err2("x509: invalid authority info access");
        const s = loc.body.toString("latin1");
        if (!isAscii(loc.body)) unsupported2("a non-ASCII authority info access location");
        if (oidEqual(method, OID.aiaOcsp)) (c.ocspServer ??= []).push(s);
        else if (oidEqual(method, OID.aiaIssuers)) (c.issuingCertificateUrl ??= []).push(s);
      }
    } else unhandled = true;
    if (e.critical && unhandled) c.unhandledCritical.push(id);
  }
}
function parseCertificate(der) {
  const outer = new DerReader(der).read(TAG2.SEQUENCE) ?? err2("x509: malformed certificate");
  const input = new DerReader(outer.body);
  const tbsEl = input.read(TAG2.SEQUENCE) ?? err2("x509: malformed tbs certificate");
  const tbs = new DerReader(tbsEl.body);
  let version = 0n;
  const v = tbs.optional(ctx(0, true));
  if (v === void 0) err2("x509: malformed version");
  if (v) {
    const r = new DerReader(v.body);
    const n = r.integer();
    if (n === void 0 || !r.empty || n > 0x7fffffffffffffffn || n < -0x8000000000000000n) err2("x509: malformed version");
    version = n;
  }
  if (version < 0n) err2("x509: malformed version");
  version++;
  if (version > 3n) err2("x509: invalid version");
  const serial = tbs.integer() ?? err2("x509: malformed serial number");
  if (serial < 0n) err2("x509: negative serial number");
  const sigAI = tbs.read(TAG2.SEQUENCE) ?? err2("x509: malformed signature algorithm identifier");
  const outerAI = input.read(TAG2.SEQUENCE) ?? err2("x509: malformed algorithm identifier");
  if (!outerAI.body.equals(sigAI.body)) err2("x509: inner and outer signature algorithm identifiers don't match");
  const signatureAlgorithm2 = signatureAlgorithm_(new DerReader(sigAI.body));
  const issuerEl = tbs.read(TAG2.SEQUENCE) ?? err2("x509: malformed issuer");
  const issuer = parseName(issuerEl.full);
  const validity = tbs.body(TAG2.SEQUENCE) ?? err2("x509: malformed validity");
  const notBefore = parseTime(validity);
  const notAfter = parseTime(validity);
  const subjectEl = tbs.read(TAG2.SEQUENCE) ?? err2("x509: malformed issuer");
  const subject = parseName(subjectEl.full);
  const spkiEl = tbs.read(TAG2.SEQUENCE) ?? err2("x509: malformed spki");
  const spki = new DerReader(spkiEl.body);
  const pkAISeq = spki.body(TAG2.SEQUENCE) ?? err2("x509: malformed public key algorithm identifier");
  const pkAI = parseAI(pkAISeq);
  const spk = spki.bitString() ?? err2("x509: malformed subjectPublicKey");
  const publicKey = parsePublicKey(pkAI, rightAlign(spk.bytes, spk.bitLength), Buffer.from(spkiEl.full));
  const c = {
    raw: Buffer.from(outer.full),
    rawTbs: Buffer.from(tbsEl.full),
    rawSpki: Buffer.from(spkiEl.full),
    rawSubject: Buffer.from(subjectEl.full),
    rawIssuer: Buffer.from(issuerEl.full),
    signature: Buffer.alloc(0),
    signatureAlgorithm: signatureAlgorithm2,
    publicKey,
    version: Number(version),
    serial,
    issuer,
    subject,
    notBefore,
    notAfter,
    keyUsage: 0,
    extensions: [],
    unhandledCritical: [],
    basicConstraintsValid: false,
    isCA: false,
    maxPathLen: 0
  };
  if (c.version > 1) {
    if (tbs.optional(ctx(1)) === void 0) err2("x509: malformed issuerUniqueID");
    if (tbs.optional(ctx(2)) === void 0) err2("x509: malformed subjectUniqueID");
    if (c.version === 3) {
      const exts = tbs.optional(ctx(3, true));
      if (exts === void 0) err2("x509: malformed extensions");
      if (exts) {
        const seq = new DerReader(exts.body).body(TAG2.SEQUENCE) ?? err2("x509: malformed extensions");
        const seen = /* @__PURE__ */ new Set();
        while (!seq.empty) {
          const ext = seq.body(TAG2.SEQUENCE) ?? err2("x509: malformed extension");
          const id = ext.oid() ?? err2("x509: malformed extension OID field");
          let critical = false;
          if (ext.peekTag(TAG2.BOOLEAN)) critical = ext.boolean() ?? err2("x509: malformed extension critical field");
          const val = ext.read(TAG2.OCTET_STRING) ?? err2("x509: malformed extension value field");
          const key = id.join(".");
          if (seen.has(key)) err2(`x509: certificate contains duplicate extension with OID "${key}"`);
          seen.add(key);
          c.extensions.push({ id, critical, value: Buffer.from(val.body) });
        }
        processExtensions(c);
      }
    }
  }
  const sig = input.bitString() ?? err2("x509: malformed signature");
  c.signature = rightAlign(sig.bytes, sig.bitLength);
  return c;
}
function signatureAlgorithm_(r) {
  return signatureAlgorithm(parseAI(r));
}
function rightAlign(bytes, bitLength) {
  const shift = 8 - bitLength % 8;
  if (shift === 8 || bytes.length === 0) return Buffer.from(bytes);
  const a = Buffer.alloc(bytes.length);
  a[0] = bytes[0] >> shift;
  for (let i = 1; i < bytes.length; i++) {
    a[i] = bytes[i - 1] << 8 - shift & 255 | bytes[i] >> shift;
  }
  return a;
}
function parseCertificates(der) {
  const out = [];
  let rest = der;
  while (rest.length > 0) {
    const c = parseCertificate(rest);
    out.push(c);
    rest = rest.subarray(c.raw.length);
  }
  return out;
}
function ipString(ip) {
  if (ip.length === 4) return Array.from(ip).join(".");
  if (ip.subarray(0, 12).equals(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255]))) return Array.from(ip.subarray(12)).join(".");
  const words = Array.from({ length: 8 }, (_, i) => ip.readUInt16BE(i * 2));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(":");
  return hex.slice(0, best).join(":") + "::" + hex.slice(best + bestLen).join(":");
}
function certificateJson(c, uriStrings) {
  const fields = {
    Raw: J.bytes(c.raw),
    RawTBSCertificate: J.bytes(c.rawTbs),
    RawSubjectPublicKeyInfo: J.bytes(c.rawSpki),
    RawSubject: J.bytes(c.rawSubject),
    RawIssuer: J.bytes(c.rawIssuer),
    Signature: J.bytes(c.signature),
    SignatureAlgorithm: J.num(c.signatureAlgorithm),
    PublicKeyAlgorithm: J.num(c.publicKey.alg),
    PublicKey: c.publicKey.json,
    Version: J.num(c.version),
    SerialNumber: J.num(c.serial),
    Issuer: nameJson(c.issuer),
    Subject: nameJson(c.subject),
    NotBefore: J.str(c.notBefore.text),
    NotAfter: J.str(c.notAfter.text),
    KeyUsage: J.num(c.keyUsage),
    Extensions: J.arr(c.extensions.length ? c.extensions.map((e) => J.obj({ Id: J.oid(e.id), Critical: J.bool(e.critical), Value: J.bytes(e.value) })) : void 0),
    ExtraExtensions: J.null,
    UnhandledCriticalExtensions: J.arr(c.unhandledCritical.length ? c.unhandledCritical.map(J.oid) : void 0),
    ExtKeyUsage: J.arr(c.extKeyUsage?.map(J.num)),
    UnknownExtKeyUsage: J.arr(c.unknownExtKeyUsage?.map(J.oid)),
    BasicConstraintsValid: J.bool(c.basicConstraintsValid),
    IsCA: J.bool(c.isCA),
    MaxPathLen: J.num(c.maxPathLen),
    MaxPathLenZero: J.bool(c.basicConstraintsValid && c.maxPathLen === 0),
    SubjectKeyId: J.bytes(c.subjectKeyId),
    AuthorityKeyId: J.bytes(c.authorityKeyId),
    OCSPServer: J.strs(c.ocspServer),
    IssuingCertificateURL: J.strs(c.issuingCertificateUrl),
    DNSNames: J.strs(c.dnsNames),
    EmailAddresses: J.strs(c.emailAddresses),
    IPAddresses: J.arr(c.ipAddresses?.map((ip) => J.str(ipString(ip)))),
    URIs: J.arr(c.uris?.map(urlJson)),
    PermittedDNSDomainsCritical: J.bool(c.nameConstraints?.critical ?? false),
    PermittedDNSDomains: J.strs(c.nameConstraints?.permitted.dns),
    ExcludedDNSDomains: J.strs(c.nameConstraints?.excluded.dns),
    PermittedIPRanges: ipNetsJson(c.nameConstraints?.permitted.ips),
    ExcludedIPRanges: ipNetsJson(c.nameConstraints?.excluded.ips),
    PermittedEmailAddresses: J.strs(c.nameConstraints?.permitted.emails),
    ExcludedEmailAddresses: J.strs(c.nameConstraints?.excluded.emails),
    PermittedURIDomains: J.strs(c.nameConstraints?.permitted.uriDomains),
    ExcludedURIDomains: J.strs(c.nameConstraints?.excluded.uriDomains),
    CRLDistributionPoints: J.strs(c.crlDistributionPoints),
    PolicyIdentifiers: J.arr(c.policies?.map(J.oid)),
    Policies: J.arr(c.policies?.map((o) => J.str(o.join(".")))),
    InhibitAnyPolicy: J.num(0),
    InhibitAnyPolicyZero: J.bool(false),
    InhibitPolicyMapping: J.num(0),
    InhibitPolicyMappingZero: J.bool(false),
    RequireExplicitPolicy: J.num(0),
    RequireExplicitPolicyZero: J.bool(false),
    PolicyMappings: J.null
  };
  if (uriStrings) fields.URIStrings = J.strs(c.uris?.map(urlString));
  return J.obj(fields);
}
var BEGIN = Buffer.from("-----BEGIN");
function goStdBase64(s) {
  const t = s.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return void 0;
  return Buffer.from(t, "base64");
}
function certsFromPem(data2) {
  const ders = [];
  let rest = data2;
  while (rest.length > 0) {
    const d = pemDecode(rest);
    if (d && d.block.type !== "CERTIFICATE") err2(`PEM block type is '${d.block.type}', expected CERTIFICATE`);
    if (!d) break;
    rest = d.rest;
    ders.push(d.block.bytes);
  }
  return parseCertificates(Buffer.concat(ders));
}
function certsFromString(input) {
  if (input.startsWith("-----BEGIN")) return certsFromPem(Buffer.from(input, "utf8"));
  const der = goStdBase64(input) ?? err2("illegal base64 data");
  if (der.subarray(0, BEGIN.length).equals(BEGIN)) return certsFromPem(der);
  return parseCertificates(der);
}

// src/go/x509-csr.ts
var EXTENSION_REQUEST = "1.2.840.113549.1.9.14";
function err3(message) {
  throw new X509Error(message);
}
var utf82 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function isPrintable2(b) {
  return b >= 97 && b <= 122 || b >= 65 && b <= 90 || b >= 48 && b <= 57 || b >= 39 && b <= 41 || b >= 43 && b <= 47 || b === 32 || b === 58 || b === 61 || b === 63 || b === 42 || b === 38;
}
function stringValue(tag, b) {
  switch (tag) {
    case TAG2.PrintableString:
      if (!b.every(isPrintable2)) err3("asn1: syntax error: PrintableString contains invalid character");
      return b.toString("latin1");
    case TAG2.IA5String:
      if (!b.every((c) => c < 128)) err3("asn1: syntax error: IA5String contains invalid character");
      return b.toString("latin1");
    case TAG2.NumericString:
      if (!b.every((c) => c >= 48 && c <= 57 || c === 32)) err3("asn1: syntax error: NumericString contains invalid character");
      return b.toString("latin1");
    case TAG2.UTF8String:
      try {
        return utf82.decode(b);
      } catch {
        return err3("asn1: syntax error: invalid UTF-8 string");
      }
  }
  return unsupported2(`a certificate request subject value of ASN.1 tag ${tag}`);
}
function parseSubject(raw) {
  const top = new DerReader(raw);
  const seq = top.body(TAG2.SEQUENCE) ?? err3("asn1: structure error: subject is not a SEQUENCE");
  if (!top.empty) err3("x509: trailing data after X.509 Subject");
  const rdns = [];
  while (!seq.empty) {
    const set = seq.body(TAG2.SET) ?? err3("asn1: structure error: RDN is not a SET");
    const rdn = [];
    while (!set.empty) {
      const atv = set.body(TAG2.SEQUENCE) ?? err3("asn1: structure error: attribute is not a SEQUENCE");
      const type = atv.oid() ?? err3("asn1: structure error: attribute type");
      const v = atv.readAny() ?? err3("asn1: structure error: attribute value");
      rdn.push({ type, value: stringValue(v.tag, v.body) });
    }
    rdns.push(rdn);
  }
  return rdns;
}
function atvSet(raw) {
  const seq = new DerReader(raw).body(TAG2.SEQUENCE);
  const id = seq?.oid();
  const set = seq?.body(TAG2.SET);
  if (!id || !set) return void 0;
  const values = [];
  while (!set.empty) {
    const list = set.body(TAG2.SEQUENCE);
    if (!list) return void 0;
    const atvs = [];
    while (!list.empty) {
      const atv = list.body(TAG2.SEQUENCE);
      const type = atv?.oid();
      const v = atv?.readAny();
      if (!type || !v) return void 0;
      let value;
      if (v.tag === TAG2.BOOLEAN) {
        if (v.body.length !== 1 || v.body[0] !== 0 && v.body[0] !== 255) return void 0;
        value = J.bool(v.body[0] === 255);
      } else if (v.tag === TAG2.OCTET_STRING) value = J.bytes(Buffer.from(v.body));
      else return unsupported2(`a certificate request attribute value of ASN.1 tag ${v.tag}`);
      atvs.push(J.obj({ Type: J.oid(type), Value: value }));
    }
    values.push(J.arr(atvs));
  }
  return J.obj({ Type: J.oid(id), Value: J.arr(values) });
}
function parseAttributes(raw) {
  const attributes = [];
  const extensions = [];
  const seen = /* @__PURE__ */ new Set();
  for (const a of raw) {
    const kept = atvSet(a);
    if (kept) attributes.push(kept);
    const seq = new DerReader(a).body(TAG2.SEQUENCE);
    const id = seq?.oid();
    const values = seq?.body(TAG2.SET);
    if (!id || !values || values.empty || id.join(".") !== EXTENSION_REQUEST) continue;
    const all = [];
    for (let v = values.readAny(); v; v = values.empty ? void 0 : values.readAny()) all.push(v.full);
    if (!values.empty) continue;
    const first = all[0];
    const list = new DerReader(first).body(TAG2.SEQUENCE) ?? err3("asn1: structure error: extensions");
    while (!list.empty) {
      const ext = list.body(TAG2.SEQUENCE) ?? err3("asn1: structure error: extension");
      const oid = ext.oid() ?? err3("asn1: structure error: extension id");
      let critical = false;
      if (ext.peekTag(TAG2.BOOLEAN)) critical = ext.boolean() ?? err3("asn1: structure error: critical");
      const value = ext.read(TAG2.OCTET_STRING) ?? err3("asn1: structure error: extension value");
      const key = oid.join(".");
      if (seen.has(key)) err3("x509: certificate request contains duplicate requested extensions");
      seen.add(key);
      extensions.push({ id: oid, critical, value: Buffer.from(value.body) });
    }
  }
  return { attributes, extensions };
}
function parseCertificateRequest(der) {
  const top = new DerReader(der);
  const outer = top.read(TAG2.SEQUENCE) ?? err3("asn1: structure error: not a certificate request");
  if (!top.empty) err3("asn1: syntax error: trailing data");
  const csr = new DerReader(outer.body);
  const tbsEl = csr.read(TAG2.SEQUENCE) ?? err3("asn1: structure error");
  const tbs = new DerReader(tbsEl.body);
  const version = tbs.integer() ?? err3("asn1: structure error: version");
  if (version > 0x7fffffffffffffffn || version < -0x8000000000000000n) err3("asn1: structure error: integer too large");
  const subject = tbs.readAny() ?? err3("asn1: structure error: subject");
  const spkiEl = tbs.read(TAG2.SEQUENCE) ?? err3("asn1: structure error: public key");
  const spki = new DerReader(spkiEl.body);
  const ai = parseAI(spki.body(TAG2.SEQUENCE) ?? err3("asn1: structure error: public key algorithm"));
  const bits = spki.bitString() ?? err3("asn1: structure error: public key");
  const attrsEl = tbs.read(160) ?? err3("asn1: structure error: attributes");
  const sigAI = parseAI(csr.body(TAG2.SEQUENCE) ?? err3("asn1: structure error: signature algorithm"));
  const sig = csr.bitString() ?? err3("asn1: structure error: signature");
  const rawAttrs = [];
  const attrs = new DerReader(attrsEl.body);
  while (!attrs.empty) rawAttrs.push((attrs.readAny() ?? err3("asn1: structure error: attribute")).full);
  const sigAlg = signatureAlgorithm(sigAI);
  const publicKey = parsePublicKey(ai, rightAlign(bits.bytes, bits.bitLength), Buffer.from(spkiEl.full));
  const name = parseSubject(subject.full);
  const { attributes, extensions } = parseAttributes(rawAttrs);
  let sans = {};
  for (const e of extensions) if (e.id.join(".") === "2.5.29.17") sans = parseSans(e.value);
  return J.obj({
    Raw: J.bytes(Buffer.from(outer.full)),
    RawTBSCertificateRequest: J.bytes(Buffer.from(tbsEl.full)),
    RawSubjectPublicKeyInfo: J.bytes(Buffer.from(spkiEl.full)),
    RawSubject: J.bytes(Buffer.from(subject.full)),
    Version: J.num(version),
    Signature: J.bytes(rightAlign(sig.bytes, sig.bitLength)),
    SignatureAlgorithm: J.num(sigAlg),
    PublicKeyAlgorithm: J.num(publicKey.alg),
    PublicKey: publicKey.json,
    Subject: nameJson(name),
    Attributes: J.arr(attributes.length ? attributes : void 0),
    Extensions: J.arr(extensions.length ? extensions.map((e) => J.obj({ Id: J.oid(e.id), Critical: J.bool(e.critical), Value: J.bytes(e.value) })) : void 0),
    ExtraExtensions: J.null,
    DNSNames: J.strs(sans.dnsNames),
    EmailAddresses: J.strs(sans.emailAddresses),
    IPAddresses: J.arr(sans.ipAddresses?.map((ip) => J.str(ipString(ip)))),
    URIs: J.arr(sans.uris?.map(urlJson))
  });
}

// src/go/x509-verify.ts
import { isIPv6 } from "node:net";
import { verify as cryptoVerify } from "node:crypto";
var VerifyError = class extends Error {
};
var MAX_SIGNATURE_CHECKS = 100;
var LEAF = 0;
var INTERMEDIATE = 1;
var ROOT = 2;
function sameBytes(a, b) {
  return (a ?? Buffer.alloc(0)).equals(b ?? Buffer.alloc(0));
}
function isValid(c, certType, chain, opts) {
  if (c.unhandledCritical.length > 0) return "x509: unhandled critical extension";
  if (chain.length > 0 && !chain[chain.length - 1].rawIssuer.equals(c.rawSubject)) return "x509: issuer name does not match subject";
  if (opts.currentTime < c.notBefore.ns || opts.currentTime > c.notAfter.ns) return "x509: certificate has expired or is not yet valid";
  if (certType === INTERMEDIATE && (!c.basicConstraintsValid || !c.isCA)) return "x509: certificate is not authorized to sign other certificates";
  if (c.basicConstraintsValid && c.maxPathLen >= 0 && chain.length - 1 > c.maxPathLen) return "x509: too many intermediates for path length constraint";
  return void 0;
}
function signatureValid(child, parent) {
  const info = SIG_ALG_INFO[child.signatureAlgorithm];
  if (!info || info.key === "dsa") return false;
  if (info.hash === "md5" || info.hash === "sha1") return false;
  const pub = parent.publicKey;
  const keyKind = pub.alg === 1 ? "rsa" : pub.alg === 3 ? "ecdsa" : pub.alg === 4 ? "ed25519" : "";
  if (keyKind !== info.key) return false;
  const key = { key: pub.spki, format: "der", type: "spki" };
  if (keyKind === "rsa") {
    const { n, e } = pub.rsa;
    const bits = n.toString(2).length;
    if (bits < 1024) return false;
    if (bits > 16384 || e < 3n || e > 0x7fffffffn || (e & 1n) === 0n) unsupported2("an RSA key of unusual size or exponent");
    if (child.signature.length !== Math.ceil(bits / 8)) return false;
    const padding = info.pss ? { padding: 6, saltLength: info.pss } : { padding: 1 };
    return cryptoVerify(info.hash, child.rawTbs, { ...key, ...padding }, child.signature);
  }
  if (keyKind === "ecdsa") return cryptoVerify(info.hash, child.rawTbs, { ...key, dsaEncoding: "der" }, child.signature);
  return child.signature.length === 64 && cryptoVerify(null, child.rawTbs, key, child.signature);
}
function checkSignatureFrom(child, parent) {
  if (parent.version === 3 && !parent.basicConstraintsValid || parent.basicConstraintsValid && !parent.isCA) return false;
  if (parent.keyUsage !== 0 && (parent.keyUsage & 32) === 0) return false;
  if (parent.publicKey.alg === 0) return false;
  return signatureValid(child, parent);
}
function sanValue(c) {
  return c.extensions.find((e) => e.id.join(".") === "2.5.29.17")?.value;
}
function alreadyInChain(candidate, chain) {
  const candidateSan = sanValue(candidate);
  for (const c of chain) {
    if (!candidate.rawSubject.equals(c.rawSubject) || !candidate.rawSpki.equals(c.rawSpki)) continue;
    const san = sanValue(c);
    if (!candidateSan && !san) return true;
    if (!candidateSan || !san) return false;
    if (candidateSan.equals(san)) return true;
  }
  return false;
}
var Pool2 = class {
  certs = [];
  add(c) {
    if (!this.contains(c)) this.certs.push(c);
  }
  contains(c) {
    return this.certs.some((x) => x.raw.equals(c.raw));
  }
  potentialParents(c) {
    const matching = [];
    const one = [];
    const mismatch = [];
    for (const p of this.certs) {
      if (!p.rawSubject.equals(c.rawIssuer)) continue;
      const pk = p.subjectKeyId?.length ?? 0;
      const ak = c.authorityKeyId?.length ?? 0;
      if (sameBytes(p.subjectKeyId, c.authorityKeyId)) matching.push(p);
      else if (pk === 0 && ak > 0 || pk > 0 && ak === 0) one.push(p);
      else mismatch.push(p);
    }
    return [...matching, ...one, ...mismatch];
  }
};
function buildChains(c, chain, search, roots, inters, opts) {
  const chains = [];
  for (const [certType, parents] of [[ROOT, roots.potentialParents(c)], [INTERMEDIATE, inters.potentialParents(c)]]) {
    for (const p of parents) {
      if (++search.checks > MAX_SIGNATURE_CHECKS) search.limit = true;
      if (search.limit) return chains;
      if (p.publicKey.alg === 0 || alreadyInChain(p, chain)) continue;
      if (!checkSignatureFrom(c, p)) continue;
      if (isValid(p, certType, chain, opts) !== void 0) continue;
      if (certType === ROOT) chains.push([...chain, p]);
      else chains.push(...buildChains(p, [...chain, p], search, roots, inters, opts));
    }
  }
  return chains;
}
function parseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  const out = Buffer.alloc(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0" || Number(p) > 255) return void 0;
    out[i] = Number(p);
  }
  return out;
}
function parseIP2(s) {
  const v4 = parseIPv4(s);
  if (v4) return Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255]), v4]);
  if (!s.includes(":") || s.includes("%") || !isIPv6(s)) return void 0;
  const [head, tail] = s.includes("::") ? s.split("::") : [s, void 0];
  const words = (part) => {
    if (!part) return [];
    const out = [];
    for (const w of part.split(":")) {
      if (w.includes(".")) {
        const b = parseIPv4(w);
        if (!b) throw new Error("bad");
        out.push(b[0] << 8 | b[1], b[2] << 8 | b[3]);
      } else out.push(parseInt(w, 16));
    }
    return out;
  };
  try {
    const h = words(head);
    const t = words(tail);
    if (tail === void 0 && h.length !== 8) return void 0;
    const all = tail === void 0 ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
    if (all.length !== 8) return void 0;
    const out = Buffer.alloc(16);
    all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
    return out;
  } catch {
    return void 0;
  }
}
function to16(ip) {
  return ip.length === 4 ? Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255]), ip]) : ip;
}
function lowerAscii(s) {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
function validHostname(host, isPattern) {
  if (!isPattern && host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host === "*") return false;
  const parts = host.split(".");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === "") return false;
    if (isPattern && i === 0 && part === "*") continue;
    let j = 0;
    for (const c of part) {
      const ok = /[a-zA-Z0-9_]/.test(c) || c === "-" && j !== 0;
      if (!ok) return false;
      j += Buffer.byteLength(c);
    }
  }
  return true;
}
function verifyHostname(c, h) {
  let candidateIP = h;
  if (h.length >= 3 && h[0] === "[" && h[h.length - 1] === "]") candidateIP = h.slice(1, -1);
  const ip = parseIP2(candidateIP);
  if (ip) return (c.ipAddresses ?? []).some((x) => to16(x).equals(ip));
  const name = lowerAscii(h);
  const validName = validHostname(name, false);
  const hostParts = lowerAscii(name.endsWith(".") ? name.slice(0, -1) : name).split(".");
  for (const match2 of c.dnsNames ?? []) {
    if (validName && validHostname(match2, true)) {
      const pattern = lowerAscii(match2);
      if (pattern.length === 0) continue;
      const pp = pattern.split(".");
      if (pp.length === hostParts.length && pp.every((p, i) => i === 0 && p === "*" || p === hostParts[i])) return true;
    } else {
      const bad2 = (s) => s === "" || s === ".";
      if (!bad2(match2) && !bad2(name) && lowerAscii(match2) === lowerAscii(name)) return true;
    }
  }
  return false;
}
function chainHasKeyUsage(chain, keyUsages) {
  const usages = [...keyUsages];
  let remaining = usages.length;
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    const eku = c.extKeyUsage ?? [];
    if (eku.length === 0 && (c.unknownExtKeyUsage ?? []).length === 0) continue;
    if (eku.includes(0)) continue;
    for (let j = 0; j < usages.length; j++) {
      if (usages[j] === -1) continue;
      if (eku.includes(usages[j])) continue;
      usages[j] = -1;
      if (--remaining === 0) return false;
    }
  }
  return true;
}
function verifyChain(certs, opts) {
  if (certs.length < 2) throw new VerifyError("must supply at least two certificates to be able to verify");
  if (certs.some((c) => c.nameConstraints)) unsupported2("verifying a chain with name constraints");
  const roots = new Pool2();
  roots.add(certs[0]);
  const inters = new Pool2();
  for (let i = 1; i < certs.length - 1; i++) inters.add(certs[i]);
  const leaf = certs[certs.length - 1];
  const invalid2 = isValid(leaf, LEAF, [], opts);
  if (invalid2) throw new VerifyError(invalid2);
  if (opts.dnsName.length > 0 && !verifyHostname(leaf, opts.dnsName)) throw new VerifyError("x509: certificate is not valid for the host");
  let chains;
  if (roots.contains(leaf)) chains = [[leaf]];
  else {
    chains = buildChains(leaf, [leaf], { checks: 0, limit: false }, roots, inters, opts);
    if (chains.length === 0) throw new VerifyError("x509: certificate signed by unknown authority");
  }
  const anyUsage = opts.keyUsages.includes(0);
  const usages = opts.keyUsages.length ? opts.keyUsages : [1];
  const ok = chains.filter((ch) => anyUsage || chainHasKeyUsage(ch, usages));
  if (ok.length === 0) throw new VerifyError("x509: certificate specifies an incompatible key usage");
  return ok[0];
}

// src/go/x509-keys.ts
import { createECDH, createPublicKey as createPublicKey2, createPrivateKey } from "node:crypto";
function err4(message) {
  throw new X509Error(message);
}
var OID_RSA = [1, 2, 840, 113549, 1, 1, 1];
var OID_EC = [1, 2, 840, 10045, 2, 1];
var OID_ED25519 = [1, 3, 101, 112];
var OID_X25519 = [1, 3, 101, 110];
var EC_CURVES = [
  { oid: [1, 2, 840, 10045, 3, 1, 7], name: "P-256", node: "prime256v1", size: 32 },
  { oid: [1, 3, 132, 0, 34], name: "P-384", node: "secp384r1", size: 48 },
  { oid: [1, 3, 132, 0, 35], name: "P-521", node: "secp521r1", size: 66 }
];
function modPow(b, e, m) {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = r * b % m;
    b = b * b % m;
    e >>= 1n;
  }
  return r;
}
function modInverse(a, m) {
  let [r0, r1] = [(a % m + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return (s0 % m + m) % m;
}
function bitLen3(n) {
  return n.toString(2).length;
}
function parsePkcs1(der) {
  const top = new DerReader(der);
  const seq = top.body(TAG2.SEQUENCE);
  if (!seq) err4("asn1: structure error: not a PKCS #1 private key");
  if (!top.empty) err4("asn1: syntax error: trailing data");
  const ints = [];
  for (let i = 0; i < 6; i++) ints.push(seq.integer() ?? err4("asn1: structure error: not a PKCS #1 private key"));
  const crt = [];
  while (crt.length < 3 && seq.peekTag(TAG2.INTEGER)) crt.push(seq.integer() ?? err4("asn1: structure error: invalid integer"));
  if (seq.peekTag(TAG2.SEQUENCE)) unsupported2("a multi-prime PKCS #1 private key");
  const [version, n, e, d, p, q] = ints;
  if (version > 1n) err4("x509: unsupported private key version");
  if (n <= 0n || d <= 0n || p <= 0n || q <= 0n || crt.some((v) => v <= 0n)) err4("x509: private key contains zero or negative value");
  if (e > 0x7fffffffffffffffn || e < -0x8000000000000000n) err4("asn1: structure error: integer too large");
  if (p < 3n || q < 3n) unsupported2("an RSA private key with a prime under 3");
  const dp = crt[0] ?? d % (p - 1n);
  const dq = crt[1] ?? d % (q - 1n);
  const qinv = crt[2] ?? modInverse(q, p);
  if (e < 3n || e >= 1n << 31n || (e & 1n) === 0n || bitLen3(n) < 1024 || bitLen3(n) > 16384 || p === q || p < 3n || q < 3n) {
    unsupported2("an RSA private key of unusual size or exponent");
  }
  const consistent = p * q === n && d * e % (p - 1n) === 1n % (p - 1n) && d * e % (q - 1n) === 1n % (q - 1n) && dp === d % (p - 1n) && dq === d % (q - 1n) && qinv === modInverse(q, p) && q * qinv % p === 1n;
  if (!consistent) err4("crypto/rsa: invalid private key");
  if (modPow(2n, p - 1n, p) !== 1n || modPow(2n, q - 1n, q) !== 1n) unsupported2("an RSA private key with composite primes");
  return { kind: "rsa", n, e, d, p, q, dp, dq, qinv };
}
function explicitInner(e) {
  const r = new DerReader(e.body);
  const inner = r.readAny();
  if (inner && !r.empty) unsupported2("an explicitly tagged field with more than one element");
  return inner;
}
function parseSec1(der, curveOid) {
  const top = new DerReader(der);
  const seq = top.body(TAG2.SEQUENCE);
  if (!seq) err4("x509: failed to parse EC private key: not a SEQUENCE");
  const version = seq.integer();
  const priv = seq.read(TAG2.OCTET_STRING);
  if (version === void 0 || !priv) err4("x509: failed to parse EC private key: asn1: structure error");
  let named;
  const params = seq.optional(160);
  if (params === void 0) err4("x509: failed to parse EC private key: asn1: structure error");
  if (params) {
    const inner = explicitInner(params);
    if (!inner || inner.tag !== TAG2.OID) unsupported2("an EC private key with explicit curve parameters");
    named = new DerReader(inner.full).oid() ?? err4("x509: failed to parse EC private key: asn1: invalid OID");
  }
  const pub = seq.optional(161);
  if (pub === void 0) err4("x509: failed to parse EC private key: asn1: structure error");
  if (pub) {
    const inner = explicitInner(pub);
    if (!inner || inner.tag !== TAG2.BIT_STRING) unsupported2("an EC private key whose public key field is not a BIT STRING");
    if (!new DerReader(inner.full).bitString()) err4("x509: failed to parse EC private key: asn1: invalid BIT STRING");
  }
  if (version !== 1n) err4(`x509: unknown EC private key version ${version}`);
  const oid = curveOid ?? named;
  const curve = oid ? EC_CURVES.find((c) => oidEqual(c.oid, oid)) : void 0;
  if (oid && oidEqual(oid, [1, 3, 132, 0, 33])) unsupported2("a P-224 key");
  if (!curve) err4("x509: unknown elliptic curve");
  let k = priv.body;
  while (k.length > curve.size) {
    if (k[0] !== 0) err4("x509: invalid private key length");
    k = k.subarray(1);
  }
  const raw = Buffer.concat([Buffer.alloc(curve.size - k.length), k]);
  let point;
  try {
    const ecdh = createECDH(curve.node);
    ecdh.setPrivateKey(raw);
    point = ecdh.getPublicKey();
  } catch {
    err4("ecdsa: invalid private key");
  }
  const d = BigInt("0x" + raw.toString("hex"));
  if (d === 0n) err4("ecdsa: invalid private key");
  return {
    kind: "ecdsa",
    curve: curve.name,
    size: curve.size,
    d,
    x: BigInt("0x" + point.subarray(1, 1 + curve.size).toString("hex")),
    y: BigInt("0x" + point.subarray(1 + curve.size).toString("hex"))
  };
}
function parseEcPrivateKey(der) {
  return parseSec1(der, void 0);
}
var ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
function parsePkcs8(der) {
  const top = new DerReader(der);
  const seq = top.body(TAG2.SEQUENCE);
  if (!seq) err4("asn1: structure error: not a PKCS #8 private key");
  const version = seq.integer();
  const algo = seq.body(TAG2.SEQUENCE);
  const key = seq.read(TAG2.OCTET_STRING);
  if (version === void 0 || !algo || !key) err4("asn1: structure error: not a PKCS #8 private key");
  const oid = algo.oid() ?? err4("asn1: structure error: not a PKCS #8 private key");
  const params = algo.empty ? void 0 : algo.readAny();
  if (oidEqual(oid, OID_RSA)) {
    try {
      return parsePkcs1(key.body);
    } catch (e) {
      if (e instanceof X509Error) err4("x509: failed to parse RSA private key embedded in PKCS#8: " + e.message);
      throw e;
    }
  }
  if (oidEqual(oid, OID_EC)) {
    const curve = params ? new DerReader(params.full).oid() : void 0;
    try {
      return parseSec1(key.body, curve);
    } catch (e) {
      if (e instanceof X509Error) err4("x509: failed to parse EC private key embedded in PKCS#8: " + e.message);
      throw e;
    }
  }
  if (oidEqual(oid, OID_ED25519)) {
    if (params) err4("x509: invalid Ed25519 private key parameters");
    const inner = new DerReader(key.body);
    const seed = inner.read(TAG2.OCTET_STRING);
    if (!seed) err4("x509: invalid Ed25519 private key: asn1: structure error");
    if (seed.body.length !== 32) err4(`x509: invalid Ed25519 private key length: ${seed.body.length}`);
    const priv = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed.body]), format: "der", type: "pkcs8" });
    const x = createPublicKey2(priv).export({ format: "jwk" }).x;
    return { kind: "ed25519", seed: Buffer.from(seed.body), pub: Buffer.from(x, "base64url") };
  }
  if (oidEqual(oid, OID_X25519)) unsupported2("an X25519 private key");
  return err4(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${oid.join(".")}`);
}
function privateKeyJson(k) {
  switch (k.kind) {
    case "rsa":
      return J.obj({
        N: J.num(k.n),
        E: J.num(k.e),
        D: J.num(k.d),
        Primes: J.arr([J.num(k.p), J.num(k.q)]),
        Precomputed: J.obj({ Dp: J.num(k.dp), Dq: J.num(k.dq), Qinv: J.num(k.qinv), CRTValues: J.arr([]) })
      });
    case "ecdsa":
      return J.obj({ Curve: J.obj({}), X: J.num(k.x), Y: J.num(k.y), D: J.num(k.d) });
    case "ed25519":
      return J.bytes(Buffer.concat([k.seed, k.pub]));
  }
}
function b64url(n, size = 0) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  const b = Buffer.from(hex === "00" ? "" : hex, "hex");
  return J.str(Buffer.concat([Buffer.alloc(Math.max(0, size - b.length)), b]).toString("base64url"));
}
function privateKeyJwk(k) {
  switch (k.kind) {
    case "rsa":
      return J.obj({
        kty: J.str("RSA"),
        n: b64url(k.n),
        e: b64url(k.e),
        d: b64url(k.d),
        p: b64url(k.p),
        q: b64url(k.q),
        dp: b64url(k.dp),
        dq: b64url(k.dq),
        qi: b64url(k.qinv)
      });
    case "ecdsa":
      return J.obj({ kty: J.str("EC"), crv: J.str(k.curve), x: b64url(k.x, k.size), y: b64url(k.y, k.size), d: b64url(k.d, k.size) });
    case "ed25519":
      return J.obj({ kty: J.str("OKP"), crv: J.str("Ed25519"), x: J.str(k.pub.toString("base64url")), d: J.str(k.seed.toString("base64url")) });
  }
}

// src/go/x509-opa.ts
function err5(message) {
  throw new X509Error(message);
}
function operandString(v, pos) {
  if (!v || v.t !== "string") err5(`operand ${pos} must be string`);
  return v.v;
}
function privateKeysFromPemData(data2) {
  let bs = goStdBase64(data2.toString("latin1")) ?? data2;
  const keys = [];
  while (bs.length > 0) {
    const d = pemDecode(bs);
    if (!d) break;
    bs = d.rest;
    if (d.block.type === "RSA PRIVATE KEY") keys.push(parsePkcs1(d.block.bytes));
    else if (d.block.type === "PRIVATE KEY") keys.push(parsePkcs8(d.block.bytes));
    else if (d.block.type === "EC PRIVATE KEY") keys.push(parseEcPrivateKey(d.block.bytes));
  }
  return keys;
}
function pemEncode(type, bytes) {
  const b64 = bytes.toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return Buffer.from(`-----BEGIN ${type}-----
${lines.map((l) => l + "\n").join("")}-----END ${type}-----
`, "latin1");
}
function tlsPrivateKey(der) {
  for (const parse2 of [parsePkcs1, parsePkcs8, parseEcPrivateKey]) {
    try {
      return parse2(der);
    } catch (e) {
      if (!(e instanceof X509Error)) throw e;
    }
  }
  return err5("tls: failed to parse private key");
}
function keyMatches(c, k) {
  const pub = c.publicKey;
  if (pub.alg === 1) {
    if (k.kind !== "rsa") err5("tls: private key type does not match public key type");
    return regoEq(pub.json, J.obj({ N: J.num(k.n), E: J.num(k.e) }));
  }
  if (pub.alg === 3) {
    if (k.kind !== "ecdsa") err5("tls: private key type does not match public key type");
    return pub.curve === k.curve && regoEq(pub.json, J.obj({ Curve: J.obj({}), X: J.num(k.x), Y: J.num(k.y) }));
  }
  if (pub.alg === 4) {
    if (k.kind !== "ed25519") err5("tls: private key type does not match public key type");
    return regoEq(pub.json, J.bytes(k.pub));
  }
  return err5("tls: unknown public key algorithm");
}
function regoEq(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function keyPair(certText, keyText) {
  let certPem = Buffer.from(certText, "utf8");
  let keyPem = Buffer.from(keyText, "utf8");
  const begin = Buffer.from("-----BEGIN ");
  const startsWith = (b, p) => b.subarray(0, p.length).equals(p);
  if (!startsWith(certPem, begin)) certPem = goStdBase64(certText) ?? err5("illegal base64 data");
  if (!startsWith(keyPem, begin)) keyPem = goStdBase64(keyText) ?? err5("illegal base64 data");
  if (!startsWith(certPem, begin)) certPem = pemEncode("CERTIFICATE", certPem);
  if (!startsWith(keyPem, Buffer.from("-----BEGIN"))) keyPem = pemEncode("PRIVATE KEY", keyPem);
  const ders = [];
  let skipped = 0;
  for (let rest = certPem; ; ) {
    const d = pemDecode(rest);
    if (!d) break;
    rest = d.rest;
    if (d.block.type === "CERTIFICATE") ders.push(d.block.bytes);
    else skipped++;
  }
  if (ders.length === 0) err5(skipped ? 'tls: failed to find "CERTIFICATE" PEM block in certificate input' : "tls: failed to find any PEM data in certificate input");
  let keyDer;
  for (let rest = keyPem; ; ) {
    const d = pemDecode(rest);
    if (!d) err5('tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input');
    rest = d.rest;
    if (d.block.type === "PRIVATE KEY" || d.block.type.endsWith(" PRIVATE KEY")) {
      keyDer = d.block.bytes;
      break;
    }
  }
  const leaf = parseCertificate(ders[0]);
  if (leaf.raw.length !== ders[0].length) err5("x509: trailing data");
  const key = tlsPrivateKey(keyDer);
  if (!keyMatches(leaf, key)) err5("tls: private key does not match public key");
  return J.obj({
    Certificate: J.arr(ders.map((d) => J.bytes(d))),
    PrivateKey: privateKeyJson(key),
    SupportedSignatureAlgorithms: J.null,
    OCSPStaple: J.null,
    SignedCertificateTimestamps: J.null,
    Leaf: certificateJson(leaf, false)
  });
}
var KEY_USAGES = [
  "KeyUsageAny",
  "KeyUsageServerAuth",
  "KeyUsageClientAuth",
  "KeyUsageCodeSigning",
  "KeyUsageEmailProtection",
  "KeyUsageIPSECEndSystem",
  "KeyUsageIPSECTunnel",
  "KeyUsageIPSECUser",
  "KeyUsageTimeStamping",
  "KeyUsageOCSPSigning",
  "KeyUsageMicrosoftServerGatedCrypto",
  "KeyUsageNetscapeServerGatedCrypto",
  "KeyUsageMicrosoftCommercialCodeSigning",
  "KeyUsageMicrosoftKernelCodeSigning"
];
var INT64 = /^-?(?:0|[1-9][0-9]*)$/;
function verifyOptions(v, now) {
  if (!v || v.t !== "object") err5("operand 2 must be object");
  const opts = { dnsName: "", currentTime: now, keyUsages: [] };
  for (const [k, x] of v.v) {
    if (k.t !== "string") continue;
    switch (k.v) {
      case "DNSName":
        if (x.t !== "string") err5("'DNSName' should be a string");
        opts.dnsName = x.v.replace(/^"+|"+$/g, "");
        break;
      case "CurrentTime": {
        if (x.t !== "number") err5("'CurrentTime' should be a number");
        if (!INT64.test(x.v) || BigInt(x.v) > 0x7fffffffffffffffn || BigInt(x.v) < -0x8000000000000000n) err5("'CurrentTime' should be a valid int64 number");
        opts.currentTime = BigInt(x.v);
        break;
      }
      case "MaxConstraintComparisons":
        if (x.t !== "number") err5("'MaxConstraintComparisons' should be a number");
        if (!INT64.test(x.v) || BigInt(x.v) > 0x7fffffffffffffffn || BigInt(x.v) < -0x8000000000000000n) err5("'MaxConstraintComparisons' should be a valid number");
        break;
      case "KeyUsages": {
        if (x.t !== "array" && x.t !== "set") err5("'KeyUsages' should be an Array or Set");
        const invalid2 = [];
        for (const u of x.v) {
          if (u.t !== "string") continue;
          const name = u.v.replace(/^"+|"+$/g, "");
          const i = KEY_USAGES.indexOf(name);
          if (i >= 0) opts.keyUsages.push(i);
          else invalid2.push(name);
        }
        if (invalid2.length) err5(`invalid entries for 'KeyUsages' found: [${invalid2.join(" ")}]`);
        break;
      }
      default:
        err5("invalid key option");
    }
  }
  return opts;
}
var NOT_VERIFIED = J.arr([J.bool(false), J.arr([])]);
function parseAndVerify(input, options, now, uriStrings) {
  let certs;
  try {
    certs = certsFromString(input);
  } catch (e) {
    if (e instanceof X509Error) return NOT_VERIFIED;
    throw e;
  }
  const opts = options ? options(now) : { dnsName: "", currentTime: now, keyUsages: [] };
  try {
    return J.arr([J.bool(true), J.arr(verifyChain(certs, opts).map((c) => certificateJson(c, uriStrings)))]);
  } catch (e) {
    if (e instanceof VerifyError) return NOT_VERIFIED;
    throw e;
  }
}
function x509Builtins(clock) {
  return {
    ...X509_BUILTINS,
    "crypto.x509.parse_and_verify_certificates": (a) => parseAndVerify(operandString(a, 1), void 0, clock(), true),
    "crypto.x509.parse_and_verify_certificates_with_options": (a, o) => {
      const input = operandString(a, 1);
      if (!o || o.t !== "object") err5("operand 2 must be object");
      return parseAndVerify(input, (now) => verifyOptions(o, now), clock(), false);
    }
  };
}
var X509_BUILTINS = {
  "crypto.x509.parse_certificates": (a) => J.arr(certsFromString(operandString(a, 1)).map((c) => certificateJson(c, true))),
  "crypto.x509.parse_certificate_request": (a) => {
    const s = operandString(a, 1);
    let bytes = s.startsWith("-----BEGIN CERTIFICATE REQUEST-----") ? Buffer.from(s, "utf8") : goStdBase64(s) ?? err5("illegal base64 data");
    const p = pemDecode(bytes);
    if (p && p.block.type !== "CERTIFICATE REQUEST") err5("invalid PEM-encoded certificate signing request");
    if (p) bytes = p.block.bytes;
    return parseCertificateRequest(bytes);
  },
  "crypto.x509.parse_keypair": (c, k) => keyPair(operandString(c, 1), operandString(k, 1)),
  "crypto.parse_private_keys": (a) => {
    const s = operandString(a, 1);
    if (s === "") return J.null;
    return J.arr(privateKeysFromPemData(Buffer.from(s, "utf8")).map(privateKeyJson));
  },
  "crypto.x509.parse_rsa_private_key": (a) => {
    const s = operandString(a, 1);
    if (s === "") err5("input PEM data was empty");
    const data2 = s.startsWith("-----BEGIN") ? Buffer.from(s, "utf8") : goStdBase64(s) ?? err5("illegal base64 data");
    const keys = privateKeysFromPemData(data2);
    return keys.length ? privateKeyJwk(keys[0]) : J.null;
  }
};

// src/go/jwt.ts
import {
  createHmac,
  createPrivateKey as createPrivateKey2,
  createPublicKey as createPublicKey3,
  constants,
  sign as cryptoSign,
  verify as cryptoVerify2,
  X509Certificate
} from "node:crypto";

// src/go/fastjson.ts
var MAX_DEPTH = 300;
var Reject = class extends Error {
};
function reject() {
  throw new Reject();
}
function isWs(c) {
  return c === " " || c === "\n" || c === "	" || c === "\r";
}
function fastjsonParse(text2) {
  const s = text2;
  const ws = (i) => {
    while (isWs(s[i])) i++;
    return i;
  };
  const rawString = (i) => {
    let seg = i;
    for (; ; ) {
      const n = s.indexOf('"', seg);
      if (n < 0) reject();
      let k = n;
      while (k > seg && s[k - 1] === "\\") k--;
      if ((n - k) % 2 === 0) return [s.slice(i, n), n + 1];
      seg = n + 1;
    }
  };
  const rawKey = (i) => {
    for (let j = i; j < s.length; j++) {
      if (s[j] === '"') return [s.slice(i, j), j + 1];
      if (s[j] === "\\") return rawString(i);
    }
    return reject();
  };
  const rawNumber = (i) => {
    for (let j = i; j < s.length; j++) {
      if (/[0-9.eE+-]/.test(s[j])) continue;
      if (j === i || j === i + 1 && (s[i] === "-" || s[i] === "+")) {
        if (/^(?:inf|nan)$/i.test(s.slice(j, j + 3))) return j + 3;
        reject();
      }
      return j;
    }
    return s.length;
  };
  const value = (i, depth) => {
    if (i >= s.length) reject();
    depth++;
    if (depth > MAX_DEPTH) reject();
    const c = s[i];
    if (c === "{") return object(i + 1, depth);
    if (c === "[") return array(i + 1, depth);
    if (c === '"') {
      const [raw, end] = rawString(i + 1);
      return [{ t: "string", raw }, end];
    }
    for (const word of ["true", "false", "null"]) {
      if (c === word[0]) {
        if (s.startsWith(word, i)) return [{ t: "scalar" }, i + word.length];
        if (word === "null" && /^nan$/i.test(s.slice(i, i + 3))) return [{ t: "scalar" }, i + 3];
        reject();
      }
    }
    return [{ t: "scalar" }, rawNumber(i)];
  };
  const object = (i, depth) => {
    const o = { t: "object", kvs: [], keysUnescaped: false };
    i = ws(i);
    if (i >= s.length) reject();
    if (s[i] === "}") return [o, i + 1];
    for (; ; ) {
      i = ws(i);
      if (s[i] !== '"') reject();
      const [key, afterKey] = rawKey(i + 1);
      i = ws(afterKey);
      if (s[i] !== ":") reject();
      const [v, afterValue] = value(ws(i + 1), depth);
      o.kvs.push({ key, value: v });
      i = ws(afterValue);
      if (i >= s.length) reject();
      if (s[i] === ",") {
        i++;
        continue;
      }
      if (s[i] === "}") return [o, i + 1];
      reject();
    }
  };
  const array = (i, depth) => {
    i = ws(i);
    if (i >= s.length) reject();
    if (s[i] === "]") return [{ t: "array" }, i + 1];
    for (; ; ) {
      const [, afterValue] = value(ws(i), depth);
      i = ws(afterValue);
      if (i >= s.length) reject();
      if (s[i] === ",") {
        i++;
        continue;
      }
      if (s[i] === "]") return [{ t: "array" }, i + 1];
      reject();
    }
  };
  try {
    const [v, end] = value(ws(0), 0);
    return ws(end) < s.length ? void 0 : v;
  } catch (e) {
    if (e instanceof Reject) return void 0;
    throw e;
  }
}
function unescapeBestEffort(raw) {
  let n = raw.indexOf("\\");
  if (n < 0) return raw;
  let out = raw.slice(0, n);
  let s = raw.slice(n + 1);
  while (s.length > 0) {
    const ch = s[0];
    s = s.slice(1);
    const simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
    if (ch in simple) {
      out += simple[ch];
    } else if (ch === "u") {
      const xs = s.slice(0, 4);
      if (!/^[0-9a-fA-F]{4}$/.test(xs)) {
        out += "\\u";
      } else {
        const x = parseInt(xs, 16);
        s = s.slice(4);
        if (x < 55296 || x >= 57344) {
          out += String.fromCharCode(x);
        } else if (s.length < 6 || s[0] !== "\\" || s[1] !== "u" || !/^[0-9a-fA-F]{4}$/.test(s.slice(2, 6))) {
          out += `\\u${xs}`;
        } else {
          const x1 = parseInt(s.slice(2, 6), 16);
          out += x < 56320 && x1 >= 56320 && x1 < 57344 ? String.fromCharCode(x, x1) : "\uFFFD";
          s = s.slice(6);
        }
      }
    } else {
      out += `\\${ch}`;
    }
    n = s.indexOf("\\");
    if (n < 0) {
      out += s;
      break;
    }
    out += s.slice(0, n);
    s = s.slice(n + 1);
  }
  return out;
}
function fastjsonGetString(v, key) {
  if (v.t !== "object") return void 0;
  let found;
  if (!v.keysUnescaped && !key.includes("\\")) found = v.kvs.find((kv) => kv.key === key)?.value;
  if (!found) {
    if (!v.keysUnescaped) {
      for (const kv of v.kvs) kv.key = unescapeBestEffort(kv.key);
      v.keysUnescaped = true;
    }
    found = v.kvs.find((kv) => kv.key === key)?.value;
  }
  return found?.t === "string" ? unescapeBestEffort(found.raw) : void 0;
}

// src/go/jwt.ts
var JwtError = class extends Error {
};
function fail2(message) {
  throw new JwtError(message);
}
function goUtf82(b) {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 128) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const n = c >= 194 && c <= 223 ? 2 : c >= 224 && c <= 239 ? 3 : c >= 240 && c <= 244 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    if (ok) {
      const c1 = b[i + 1];
      const lo = c === 224 ? 160 : c === 240 ? 144 : 128;
      const hi = c === 237 ? 159 : c === 244 ? 143 : 191;
      if (c1 < lo || c1 > hi) ok = false;
      for (let k = 2; ok && k < n; k++) {
        const ck = b[i + k];
        if (ck < 128 || ck > 191) ok = false;
      }
    }
    if (ok) {
      out += b.subarray(i, i + n).toString("utf8");
      i += n;
    } else {
      out += "\uFFFD";
      i++;
    }
  }
  return out;
}
function opaBase64UrlDecode(s) {
  let t = s;
  if (!t.endsWith("=")) {
    const r = Buffer.byteLength(t, "utf8") % 4;
    if (r === 1) fail2(`illegal base64url string: ${s}`);
    t += r === 2 ? "==" : r === 3 ? "=" : "";
  }
  const u = t.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/.test(u)) fail2("illegal base64 data");
  return Buffer.from(u, "base64url");
}
function jwxBase64(s) {
  const ok = s.includes("=") ? /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}==|[A-Za-z0-9+/_-]{3}=)$/.test(s) : /^[A-Za-z0-9+/_-]*$/.test(s) && s.length % 4 !== 1;
  if (!ok || /[+/]/.test(s) && /[-_]/.test(s)) fail2("failed to decode base64");
  return Buffer.from(s.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), "base64url");
}
function b64url2(b) {
  return (typeof b === "string" ? Buffer.from(b, "utf8") : b).toString("base64url");
}
function jsonValid(s) {
  try {
    JSON.parse(s);
    return true;
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}
function lastWins(root) {
  const stack = [root];
  for (let v = stack.pop(); v; v = stack.pop()) {
    if (v.t === "array") {
      stack.push(...v.v);
    } else if (v.t === "object") {
      const keys = new Set(v.v.map(([k]) => k.v));
      if (keys.size !== v.v.length) {
        const byKey = /* @__PURE__ */ new Map();
        for (const pair of v.v) byKey.set(pair[0].v, pair);
        v.v = [...byKey.values()];
      }
      for (const [, x] of v.v) stack.push(x);
    }
  }
  return root;
}
function tooDeep(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      for (i++; i < s.length && s.charCodeAt(i) !== 34; i++) if (s.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > 1e4) return true;
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return false;
}
function jsonObject(s) {
  if (!jsonValid(s)) fail2("invalid JSON");
  if (tooDeep(s)) fail2("invalid JSON: exceeded max depth");
  const v = lastWins(parseRegoValue(goJsonSurrogates(s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ""))));
  if (v.t !== "object") fail2("decoded JSON type was not an Object");
  return v;
}
function get(o, key) {
  return o.v.find(([k]) => k.t === "string" && k.v === key)?.[1];
}
function strOperand(v, pos) {
  if (!v || v.t !== "string") fail2(`operand ${pos} must be string`);
  return v.v;
}
function decodeJWT(v) {
  const s = strOperand(v, 1);
  if (!s.includes(".")) fail2("encoded JWT had no period separators");
  const parts = s.split(".");
  if (parts.length !== 3) fail2(`encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0], payload: parts[1], signature: parts[2] };
}
function decodeHeader(t) {
  const h = jsonObject(goUtf82(opaBase64UrlDecode(t.header)));
  if (get(h, "enc") !== void 0) fail2("JWT is a JWE object, which is not supported");
  return h;
}
function decodePayloadText(t) {
  return goUtf82(opaBase64UrlDecode(t.payload));
}
function parseTokenHeader(h) {
  const out = { alg: "", kid: "", cty: "" };
  const unknown = [];
  let crit;
  for (const [k, v] of h.v) {
    const name = k.v;
    if (name === "alg" || name === "kid" || name === "typ" || name === "cty") {
      if (v.t !== "string") fail2(`${name}: must be a string`);
      if (name !== "typ") out[name] = v.v;
    } else if (name === "crit") {
      if (v.t !== "array") fail2("crit: must be a list");
      crit = /* @__PURE__ */ new Set();
      for (const e of v.v) {
        if (e.t !== "string") break;
        crit.add(e.v);
      }
      if (crit.size === 0) fail2("crit: must be a nonempty list");
    } else {
      unknown.push(name);
    }
  }
  const valid = out.alg !== "" && !unknown.some((u) => crit?.has(u));
  return { ...out, valid };
}
function jwtDecode(jwt) {
  const t = decodeJWT(jwt);
  const header = decodeHeader(t);
  let p;
  try {
    p = decodePayloadText(t);
  } catch (e) {
    if (e instanceof JwtError) fail2(`JWT payload had invalid encoding: ${e.message}`);
    throw e;
  }
  const cty = get(header, "cty");
  if (cty !== void 0) {
    if (cty.t !== "string") throw new Error("io.jwt.decode: cty header is not a string");
    if (cty.v === "JWT") return jwtDecode(regoString(p.replace(/^["']+|["']+$/g, "")));
  }
  const payload = jsonObject(p);
  const sig = opaBase64UrlDecode(t.signature);
  return regoArray([header, payload, regoString(sig.toString("hex"))]);
}
var JWA_ALGORITHMS = /* @__PURE__ */ new Set([
  "HS256",
  "HS384",
  "HS512",
  "RS256",
  "RS384",
  "RS512",
  "ES256",
  "ES384",
  "ES512",
  "ES256K",
  "EdDSA",
  "PS256",
  "PS384",
  "PS512",
  "none",
  "Ed25519",
  "Ed448",
  "A128GCMKW",
  "A128KW",
  "A192GCMKW",
  "A192KW",
  "A256GCMKW",
  "A256KW",
  "dir",
  "ECDH-ES",
  "ECDH-ES+A128KW",
  "ECDH-ES+A192KW",
  "ECDH-ES+A256KW",
  "PBES2-HS256+A128KW",
  "PBES2-HS384+A192KW",
  "PBES2-HS512+A256KW",
  "RSA-OAEP",
  "RSA-OAEP-256",
  "RSA-OAEP-384",
  "RSA-OAEP-512",
  "RSA1_5",
  "A128CBC-HS256",
  "A128GCM",
  "A192CBC-HS384",
  "A192GCM",
  "A256CBC-HS512",
  "A256GCM"
]);
var TOKEN_ALGORITHMS = /* @__PURE__ */ new Set([
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "HS256",
  "HS384",
  "HS512",
  "EdDSA"
]);
var GO_CURVES = /* @__PURE__ */ new Set(["prime256v1", "secp384r1", "secp521r1", "secp224r1"]);
function goKeyOf(pub, priv) {
  switch (pub.asymmetricKeyType) {
    case "rsa":
      return { type: "rsa", pub, priv };
    case "ec": {
      const curve = pub.asymmetricKeyDetails?.namedCurve ?? "";
      if (!GO_CURVES.has(curve)) fail2("x509: unsupported elliptic curve");
      return { type: "ecdsa", pub, priv };
    }
    case "ed25519":
      return { type: "ed25519", pub, priv };
    case "x25519":
    case "dsa":
      return { type: "other" };
    default:
      return void 0;
  }
}
function getLine2(data2) {
  let i = data2.indexOf("\n");
  let j;
  if (i < 0) {
    i = data2.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data2[i - 1] === "\r") i--;
  }
  return [data2.slice(0, i).replace(/[ \t]+$/, ""), data2.slice(j)];
}
function pemDecode2(data2) {
  let rest = data2;
  for (; ; ) {
    if (rest.startsWith("-----BEGIN ")) {
      rest = rest.slice("-----BEGIN ".length);
    } else {
      const i = rest.indexOf("\n-----BEGIN ");
      if (i < 0) return void 0;
      rest = rest.slice(i + "\n-----BEGIN ".length);
    }
    let typeLine;
    [typeLine, rest] = getLine2(rest);
    if (!typeLine.endsWith("-----")) continue;
    typeLine = typeLine.slice(0, -5);
    let headers = 0;
    for (; ; ) {
      if (rest.length === 0) return void 0;
      const [line, next] = getLine2(rest);
      if (!line.includes(":")) break;
      headers++;
      rest = next;
    }
    let endIndex;
    let endTrailerIndex;
    if (headers === 0 && rest.startsWith("-----END ")) {
      endIndex = 0;
      endTrailerIndex = "-----END ".length;
    } else {
      endIndex = rest.indexOf("\n-----END ");
      endTrailerIndex = endIndex + "\n-----END ".length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLen = typeLine.length + 5;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLen);
    endTrailer = endTrailer.slice(0, endTrailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith("-----")) continue;
    if (getLine2(restOfEndLine)[0].length !== 0) continue;
    const body = rest.slice(0, endIndex).replace(/[ \t\r\n]/g, "");
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(body)) continue;
    return { type: typeLine, bytes: Buffer.from(body, "base64"), rest: getLine2(restOfEndLine)[1] };
  }
}
var JWK_BINARY_MEMBERS = {
  RSA: ["n", "e", "d", "p", "q", "dp", "dq", "qi"],
  EC: ["x", "y", "d"],
  OKP: ["x", "d"]
};
function x5cCertificate(c) {
  if (typeof c !== "string" || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(c)) fail2("failed to parse key: invalid x5c");
  const der = Buffer.from(c, "base64");
  if (!derWhole(der)) fail2("failed to parse key: invalid x5c");
  try {
    new X509Certificate(der);
  } catch (e) {
    if (e instanceof Error && "code" in e) fail2(`failed to parse key: invalid x5c: ${e.message}`);
    throw e;
  }
}
function jwkKey(o) {
  const kty = o.kty;
  if (typeof kty !== "string") fail2("failed to parse key: invalid key type");
  for (const m of ["kid", "alg", "use", "x5u", "x5t", "x5t#S256"]) {
    if (m in o && typeof o[m] !== "string") fail2(`failed to parse key: invalid ${m}`);
  }
  if ("alg" in o && !JWA_ALGORITHMS.has(o.alg)) fail2("failed to parse key: invalid key algorithm");
  if ("key_ops" in o && (!Array.isArray(o.key_ops) || !o.key_ops.every((x) => typeof x === "string"))) fail2("failed to parse key: invalid key_ops");
  if ("x5c" in o) {
    if (!Array.isArray(o.x5c)) fail2("failed to parse key: invalid x5c");
    o.x5c.forEach(x5cCertificate);
  }
  try {
    switch (kty) {
      case "RSA":
      case "EC":
      case "OKP": {
        if (kty === "OKP" && o.crv !== "Ed25519" && o.crv !== "X25519") fail2("failed to parse key: unsupported curve");
        if (kty === "EC" && o.crv !== "P-256" && o.crv !== "P-384" && o.crv !== "P-521") fail2("failed to parse key: unsupported curve");
        const jwk = kty === "RSA" ? { kty } : { kty, crv: o.crv };
        for (const m of JWK_BINARY_MEMBERS[kty]) {
          if (!(m in o)) continue;
          if (typeof o[m] !== "string") fail2(`failed to parse key: invalid ${m}`);
          jwk[m] = jwxBase64(o[m]).toString("base64url");
        }
        if (kty === "RSA") {
          for (const m of ["n", "e"]) {
            if (typeof jwk[m] !== "string" || Buffer.from(jwk[m], "base64url").every((x) => x === 0)) fail2(`failed to parse key: invalid ${m}`);
          }
        }
        if ("d" in jwk) {
          const priv = createPrivateKey2({ key: jwk, format: "jwk" });
          const pub2 = createPublicKey3(priv);
          return kty === "OKP" && o.crv === "X25519" ? { type: "other" } : goKeyOf(pub2, priv);
        }
        const pub = createPublicKey3({ key: jwk, format: "jwk" });
        return kty === "OKP" && o.crv === "X25519" ? { type: "other" } : goKeyOf(pub);
      }
      case "oct": {
        if (typeof o.k !== "string") fail2("failed to parse key: missing k");
        const bytes = jwxBase64(o.k);
        if (bytes.length === 0) fail2("failed to parse key: empty k");
        return { type: "bytes", bytes };
      }
      default:
        fail2(`failed to parse key: unsupported kty ${kty}`);
    }
  } catch (e) {
    if (e instanceof JwtError) throw e;
    if (e instanceof Error && "code" in e) fail2(`failed to parse key: ${e.message}`);
    throw e;
  }
}
function firstJsonObject(text2) {
  const start = text2.search(/[^ \t\r\n]/);
  if (start < 0 || text2[start] !== "{") return void 0;
  let depth = 0;
  for (let i = start; i < text2.length; i++) {
    const c = text2[i];
    if (c === '"') {
      for (i++; i < text2.length && text2[i] !== '"'; i++) if (text2[i] === "\\") i++;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      if (--depth === 0) return text2.slice(start, i + 1);
    }
  }
  return void 0;
}
function jwkParse(text2) {
  const first = firstJsonObject(text2);
  if (first === void 0 || !jsonValid(first) || tooDeep(first)) fail2("failed to unmarshal JSON into key set");
  const d = JSON.parse(first);
  const one = (k) => {
    if (typeof k !== "object" || k === null || Array.isArray(k)) fail2("failed to parse key");
    const o = k;
    return { key: jwkKey(o), alg: typeof o.alg === "string" ? o.alg : "", kid: typeof o.kid === "string" ? o.kid : "" };
  };
  if ("keys" in d) {
    if (!jsonValid(text2)) fail2("failed to unmarshal JSON into key set");
    if (!Array.isArray(d.keys)) fail2("failed to parse key set: keys must be an array");
    return d.keys.map(one);
  }
  return [one(d)];
}
function derWhole(b) {
  if (b.length < 2) return false;
  const first = b[1];
  let header = 2;
  let len = first;
  if (first & 128) {
    const n = first & 127;
    if (n === 0 || n > 4 || b.length < 2 + n) return false;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[2 + i];
    header += n;
  }
  return header + len === b.length;
}
function keysFromCertOrJwk(text2) {
  const block = pemDecode2(text2);
  if (block) {
    if (block.rest.length > 0) fail2("extra data after a PEM certificate block");
    if ((block.type === "CERTIFICATE" || block.type === "PUBLIC KEY") && !derWhole(block.bytes)) fail2("x509: trailing data");
    if (block.type === "CERTIFICATE") {
      let cert;
      try {
        cert = new X509Certificate(block.bytes);
      } catch (e) {
        if (e instanceof Error && "code" in e) fail2(`failed to parse a PEM certificate: ${e.message}`);
        throw e;
      }
      return [{ key: goKeyOf(cert.publicKey) ?? { type: "other" }, alg: "", kid: "" }];
    }
    if (block.type === "PUBLIC KEY") {
      let pub;
      try {
        pub = createPublicKey3({ key: block.bytes, format: "der", type: "spki" });
      } catch (e) {
        if (e instanceof Error && "code" in e) fail2(`failed to parse a PEM public key: ${e.message}`);
        throw e;
      }
      const key = goKeyOf(pub);
      if (!key) fail2("x509: unknown public key algorithm");
      return [{ key, alg: "", kid: "" }];
    }
    fail2("failed to extract a Key from the PEM certificate");
  }
  return jwkParse(text2).flatMap((k) => k.alg !== "" && !TOKEN_ALGORITHMS.has(k.alg) ? [] : [k]);
}
function isOpenSslError(e) {
  return e instanceof Error && (e.code ?? "").startsWith("ERR_OSSL");
}
function verifies(hash, data2, key, sig) {
  try {
    return cryptoVerify2(hash, data2, key, sig);
  } catch (e) {
    if (isOpenSslError(e)) return false;
    throw e;
  }
}
function rsaBytes(k) {
  return Math.ceil((k.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
}
function rsaVerify(pub, hash, pss, input, sig) {
  if ((pub.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) return false;
  if (sig.length !== rsaBytes(pub)) return false;
  if (!pss) return verifies(hash, input, { key: pub, padding: constants.RSA_PKCS1_PADDING }, sig);
  const saltLength = pss === "auto" ? constants.RSA_PSS_SALTLEN_AUTO : constants.RSA_PSS_SALTLEN_DIGEST;
  return verifies(hash, input, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, sig);
}
function derInt(b) {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  let v = b.subarray(i);
  if (v.length === 0 || (v[0] & 128) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return Buffer.concat([Buffer.from([2]), derLength(v.length), v]);
}
function derLength(n) {
  if (n < 128) return Buffer.from([n]);
  const bytes = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x % 256);
  return Buffer.from([128 | bytes.length, ...bytes]);
}
function ecdsaVerify(pub, hash, input, sig) {
  const n = Math.floor(sig.length / 2);
  const r = sig.subarray(0, n);
  const s = sig.subarray(n);
  if (r.every((x) => x === 0) || s.every((x) => x === 0)) return false;
  const body = Buffer.concat([derInt(r), derInt(s)]);
  const der = Buffer.concat([Buffer.from([48]), derLength(body.length), body]);
  return verifies(hash, input, { key: pub, dsaEncoding: "der" }, der);
}
function ecKeyBytes(pub) {
  switch (pub.asymmetricKeyDetails?.namedCurve) {
    case "secp224r1":
      return 28;
    case "prime256v1":
      return 32;
    case "secp384r1":
      return 48;
    default:
      return 66;
  }
}
function ed25519Verify(pub, input, sig) {
  if (sig.length !== 64) return false;
  return verifies(null, input, pub, sig);
}
function hmacEqual(hash, secret, input, sig) {
  const mac = createHmac(hash, secret).update(input).digest();
  return mac.length === sig.length && mac.equals(sig);
}
var JWT_VERIFIERS = {
  rs256: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha256", false, i, s),
  rs384: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha384", false, i, s),
  rs512: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha512", false, i, s),
  ps256: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha256", "auto", i, s),
  ps384: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha384", "auto", i, s),
  ps512: (k, i, s) => k.type === "rsa" && !k.priv && rsaVerify(k.pub, "sha512", "auto", i, s),
  es256: (k, i, s) => k.type === "ecdsa" && !k.priv && ecdsaVerify(k.pub, "sha256", i, s),
  es384: (k, i, s) => k.type === "ecdsa" && !k.priv && ecdsaVerify(k.pub, "sha384", i, s),
  es512: (k, i, s) => k.type === "ecdsa" && !k.priv && ecdsaVerify(k.pub, "sha512", i, s),
  eddsa: (k, i, s) => k.type === "ed25519" && !k.priv && ed25519Verify(k.pub, i, s)
};
function jwsVerify(key, alg, input, sig) {
  const hash = { "256": "sha256", "384": "sha384", "512": "sha512" }[alg.slice(2)];
  switch (alg) {
    case "HS256":
    case "HS384":
    case "HS512":
      return key.type === "bytes" && key.bytes.length > 0 && hmacEqual(hash, key.bytes, input, sig);
    case "RS256":
    case "RS384":
    case "RS512":
    case "PS256":
    case "PS384":
    case "PS512":
      return key.type === "rsa" && rsaVerify(key.pub, hash, alg[0] === "P" ? "hash" : false, input, sig);
    case "ES256":
    case "ES384":
    case "ES512":
      return key.type === "ecdsa" && sig.length === 2 * ecKeyBytes(key.pub) && ecdsaVerify(key.pub, hash, input, sig);
    case "EdDSA":
    case "Ed25519":
      return key.type === "ed25519" && ed25519Verify(key.pub, input, sig);
    default:
      return false;
  }
}
function decodeSignature(t) {
  return opaBase64UrlDecode(t.signature);
}
function jwtVerifyHS(hash, jwt, secret) {
  strOperand(jwt, 1);
  const key = strOperand(secret, 2);
  const t = decodeJWT(jwt);
  const input = Buffer.from(`${t.header}.${t.payload}`, "utf8");
  const sig = decodeSignature(t);
  return regoBool(hmacEqual(hash, Buffer.from(key, "utf8"), input, sig));
}
function jwtVerifyAsym(verifier, jwt, keyText) {
  const t = decodeJWT(jwt);
  const keys = keysFromCertOrJwk(strOperand(keyText, 2));
  const sig = decodeSignature(t);
  const header = parseTokenHeader(decodeHeader(t));
  const input = Buffer.from(`${t.header}.${t.payload}`, "utf8");
  if (header.kid !== "") {
    const k = keys.find((x) => x.kid === header.kid);
    if (k) return regoBool(verifier(k.key, input, sig));
  }
  for (const k of keys) {
    if (k.alg !== "" && k.alg !== header.alg) continue;
    if (verifier(k.key, input, sig)) return regoBool(true);
  }
  return regoBool(false);
}
function constraintTime(v) {
  if (v.t !== "number") fail2("token time constraint: must be a number");
  const f = Number(v.v);
  if (!Number.isFinite(f)) fail2("token time constraint: unvalid float64");
  if (f < 0) fail2("token time constraint: must not be negative");
  return f;
}
function parseConstraints(o, now) {
  const c = { secret: "", alg: "", iss: "", aud: "", time: -1 };
  for (const [k, v] of o.v) {
    if (k.t !== "string") throw new Error("io.jwt.decode_verify: constraint key is not a string");
    switch (k.v) {
      case "cert":
        if (v.t !== "string") fail2("cert constraint: must be a string");
        c.keys = keysFromCertOrJwk(v.v);
        break;
      case "secret":
      case "alg":
      case "iss":
      case "aud":
        if (v.t !== "string") fail2(`${k.v} constraint: must be a string`);
        c[k.v] = v.v;
        break;
      case "time":
        c.time = constraintTime(v);
        break;
      default:
        fail2(`unknown token validation constraint: ${k.v}`);
    }
  }
  if (c.time === -1) c.time = Number(now);
  const keys = (c.keys ? 1 : 0) + (c.secret !== "" ? 1 : 0);
  if (keys > 1) fail2("duplicate key constraints");
  if (keys < 1) fail2("no key constraint");
  return c;
}
function verifyWithConstraints(c, h, input, sig) {
  if (c.keys) {
    if (h.kid !== "") {
      const k = c.keys.find((x) => x.kid === h.kid);
      if (k) return jwsVerify(k.key, h.alg, input, sig);
    }
    return c.keys.some((k) => (k.alg === "" || k.alg === h.alg) && jwsVerify(k.key, h.alg, input, sig));
  }
  return jwsVerify({ type: "bytes", bytes: Buffer.from(c.secret, "utf8") }, h.alg, input, sig);
}
function validAudience(c, aud) {
  if (aud.t === "string") return aud.v === c.aud;
  if (aud.t !== "array") return false;
  return aud.v.some((e) => e.t === "string" && e.v === c.aud);
}
function goFormatG(f) {
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant, e] = f.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}
function opaNumberCompare(x, y) {
  const cut = (t) => t.includes(".") ? t.replace(/[.0]+$/, "") : t;
  if ((ratRefuses(x) || ratRefuses(y)) && cut(x) !== cut(y)) {
    throw new Error(`number comparison of ${x} and ${y}: OPA panics ("illegal value")`);
  }
  return numberCompare(x, y);
}
function ratRefuses(text2) {
  const m = /^-?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text2);
  if (!m || /^0*$/.test((m[1] ?? "") + (m[2] ?? ""))) return false;
  return Math.abs(Number(m[3] ?? "0") - (m[2]?.length ?? 0)) > 1e6;
}
function jwtDecodeVerify(jwt, constraints, now) {
  if (!constraints || constraints.t !== "object") fail2("operand 2 must be object");
  const unverified = regoArray([regoBool(false), { t: "object", v: [] }, { t: "object", v: [] }]);
  const c = parseConstraints(constraints, now);
  let a = jwt;
  let token;
  let header;
  let p;
  for (; ; ) {
    token = decodeJWT(a);
    header = decodeHeader(token);
    const h = parseTokenHeader(header);
    if (!h.valid) return unverified;
    if (c.alg !== "" && c.alg !== h.alg) return unverified;
    const sig = decodeSignature(token);
    if (!verifyWithConstraints(c, h, Buffer.from(`${token.header}.${token.payload}`, "utf8"), sig)) return unverified;
    try {
      p = decodePayloadText(token);
    } catch (e) {
      if (e instanceof JwtError) fail2(`JWT payload had invalid encoding: ${e.message}`);
      throw e;
    }
    if (h.cty.toLowerCase() === "jwt") {
      a = regoString(p);
      continue;
    }
    break;
  }
  const payload = jsonObject(p);
  if (c.iss !== "") {
    const iss = get(payload, "iss");
    if (iss === void 0) return unverified;
    if (iss.t !== "string") throw new Error("io.jwt.decode_verify: iss claim is not a string");
    if (iss.v !== c.iss) return unverified;
  }
  const aud = get(payload, "aud");
  if (aud !== void 0) {
    if (!validAudience(c, aud)) return unverified;
  } else if (c.aud !== "") {
    return unverified;
  }
  const seconds = goFormatG(c.time / 1e9);
  const exp = get(payload, "exp");
  if (exp !== void 0) {
    if (exp.t !== "number") fail2("exp value must be a number");
    if (opaNumberCompare(seconds, exp.v) !== -1) return unverified;
  }
  const nbf = get(payload, "nbf");
  if (nbf !== void 0) {
    if (nbf.t !== "number") fail2("nbf value must be a number");
    if (opaNumberCompare(seconds, nbf.v) === -1) return unverified;
  }
  return regoArray([regoBool(true), header, payload]);
}
function rsaSignKey(k) {
  if (k.type !== "rsa" || !k.priv) fail2("invalid key type for RSA algorithm");
  if ((k.pub.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) fail2("crypto/rsa: keys under 1024 bits are insecure");
  return k.priv;
}
function jwsSign(key, alg, input) {
  try {
    return jwsSignUnchecked(key, alg, input);
  } catch (e) {
    if (isOpenSslError(e)) fail2(`failed to sign: ${e.message}`);
    throw e;
  }
}
function jwsSignUnchecked(key, alg, input) {
  const hash = { "256": "sha256", "384": "sha384", "512": "sha512" }[alg.slice(2)];
  switch (alg) {
    case "HS256":
    case "HS384":
    case "HS512":
      if (key.type !== "bytes" || key.bytes.length === 0) fail2("invalid key type for HMAC algorithm");
      return createHmac(hash, key.bytes).update(input).digest();
    case "RS256":
    case "RS384":
    case "RS512":
      return cryptoSign(hash, input, { key: rsaSignKey(key), padding: constants.RSA_PKCS1_PADDING });
    case "PS256":
    case "PS384":
    case "PS512":
      return cryptoSign(hash, input, { key: rsaSignKey(key), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
    case "ES256":
    case "ES384":
    case "ES512":
      if (key.type !== "ecdsa" || !key.priv) fail2("invalid key type for ECDSA algorithm");
      return cryptoSign(hash, input, { key: key.priv, dsaEncoding: "ieee-p1363" });
    default:
      if (key.type !== "ed25519" || !key.priv) fail2("invalid key type for EdDSA algorithm");
      return cryptoSign(null, input, key.priv);
  }
}
function jwtEncodeSignRaw(headers, payload, jwk) {
  const keys = jwkParse(jwk);
  const first = keys[0];
  if (!first) fail2("no keys found in JWK set");
  const parsed = fastjsonParse(headers);
  const alg = parsed && fastjsonGetString(parsed, "alg");
  if (alg === void 0) fail2("missing or invalid 'alg' header");
  if (!TOKEN_ALGORITHMS.has(alg)) fail2(`unknown JWS algorithm: ${alg}`);
  const typ = parsed && fastjsonGetString(parsed, "typ");
  if ((typ === void 0 || typ === "JWT") && (!jsonValid(payload) || tooDeep(payload))) fail2("type is JWT but payload is not JSON");
  const input = `${b64url2(headers)}.${b64url2(payload)}`;
  const sig = jwsSign(first.key, alg, Buffer.from(input, "utf8"));
  return regoString(`${input}.${b64url2(sig)}`);
}

// src/opa/builtins.ts
var BuiltinError = class extends Error {
};
function fail3(message) {
  throw new BuiltinError(message);
}
function str(v, pos) {
  if (!v || v.t !== "string") fail3(`operand ${pos} must be string`);
  return v.v;
}
function num(v, pos) {
  if (!v || v.t !== "number") fail3(`operand ${pos} must be number`);
  return v.v;
}
var INT64_MIN3 = -(1n << 63n);
var INT64_MAX3 = (1n << 63n) - 1n;
function intOperand(v, pos) {
  const text2 = num(v, pos);
  const m = /^(-?)([0-9]{1,19})(?:\.0*)?$/.exec(text2);
  if (!m) fail3(`operand ${pos} must be integer number but got floating-point number`);
  const i = BigInt(m[2] ?? "0") * (m[1] === "-" ? -1n : 1n);
  if (i < INT64_MIN3 || i > INT64_MAX3) fail3(`operand ${pos} must be integer number`);
  return Number(i);
}
function bigIntOperand(v, pos) {
  const i = numberToInt(num(v, pos));
  if (i === void 0) fail3(`operand ${pos} must be integer number but got floating-point number`);
  return i;
}
function numberToFloat(text2) {
  const f = parseGoBigFloat(text2);
  if (!f) fail3(`illegal number: ${text2}`);
  return f;
}
function numberToInt(text2) {
  const f = numberToFloat(text2);
  return f.isInt ? f.toInt() : void 0;
}
function floatToNumber(f) {
  return regoNumber(f.text(f.isInt ? "f" : "g"));
}
function smallInt(text2) {
  if (!/^[+-]?[0-9]{1,4}$/.test(text2)) return void 0;
  const i = Number(text2);
  return i > -1e3 && i < 1e3 ? i : void 0;
}
function floatOpInt(op) {
  return op().toInt();
}
function floatOp(op) {
  return floatToNumber(op());
}
function arith2(a, b, small, float) {
  const x = num(a, 1);
  const y = num(b, 2);
  if (small) {
    const i = smallInt(x);
    const j = smallInt(y);
    if (i !== void 0 && j !== void 0) return regoNumber(small(i, j));
  }
  return floatOp(() => float(numberToFloat(x), numberToFloat(y)));
}
function arithMinus(a, b) {
  if (a?.t === "set" && b?.t === "set") return { t: "set", v: a.v.filter((x) => !setContains(b.v, x)) };
  if (a?.t !== "number" && a?.t !== "set") fail3("operand 1 must be one of {number, set}");
  if (a.t === "set") fail3("operand 2 must be set");
  return arith2(a, b, (x, y) => x - y, (x, y) => goBigFloatSub(x, y));
}
function arithDivide(a, b) {
  return arith2(a, b, void 0, (x, y) => {
    if (y.isZero) fail3("divide by zero");
    return goBigFloatQuo(x, y);
  });
}
function arithRem(a, b) {
  const x = num(a, 1);
  const y = num(b, 2);
  const i = smallInt(x);
  const j = smallInt(y);
  if (i !== void 0 && j !== void 0) {
    if (j === 0) fail3("modulo by zero");
    return regoNumber(i % j || 0);
  }
  const p = numberToInt(x);
  const q = numberToInt(y);
  if (p === void 0 || q === void 0) fail3("modulo on floating-point number");
  if (BigInt.asIntN(64, q) === 0n) fail3("modulo by zero");
  return regoNumber(p % q);
}
var HALF = goBigFloatOfFloat64(1n, -1);
var ONE = goBigFloatOfFloat64(1n, 0);
function arithRound(x) {
  const shifted = x.neg ? goBigFloatSub(x, HALF) : goBigFloatAdd(x, HALF);
  return goBigFloatOfInt(shifted.toInt());
}
function arithCeil(x) {
  const f = goBigFloatOfInt(x.toInt());
  if (f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatAdd(f, ONE);
}
function arithFloor(x) {
  const f = goBigFloatOfInt(x.toInt());
  if (!f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatSub(f, ONE);
}
function arith1(a, fn) {
  return floatOp(() => fn(numberToFloat(num(a, 1))));
}
function collectionNumbers(v) {
  if (!v || v.t !== "array" && v.t !== "set") fail3("operand 1 must be one of {set, array}");
  const items = v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v;
  return items.map((x) => {
    if (x.t !== "number") fail3("operand 1 must be array of numbers");
    return x.v;
  });
}
function aggregateSum(v) {
  const nums = collectionNumbers(v);
  if (nums.every((n) => goParseInt64(n) !== void 0)) {
    return regoNumber(nums.reduce((acc, n) => BigInt.asIntN(64, acc + goParseInt64(n)), 0n));
  }
  return floatOp(() => nums.reduce((acc, n) => goBigFloatAdd(acc, numberToFloat(n)), goBigFloatOfFloat64(0n, 0)));
}
function aggregateProduct(v) {
  const nums = collectionNumbers(v);
  return floatOp(() => nums.reduce((acc, n) => goBigFloatMul(acc, numberToFloat(n)), ONE));
}
function goParseInt64(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) return void 0;
  const i = BigInt(s);
  return i < INT64_MIN3 || i > INT64_MAX3 ? void 0 : i;
}
function stringList(v, pos) {
  if (v.t !== "array" && v.t !== "set") fail3(`operand ${pos} must be one of {array, set}`);
  return v.v.map((x) => {
    if (x.t !== "string") fail3(`operand ${pos} must be array of strings`);
    return x.v;
  });
}
function anyAffixMatch(a, b, suffix) {
  if (!a || !b) fail3("missing operand");
  const match2 = suffix ? (s, x) => s.endsWith(x) : (s, x) => s.startsWith(x);
  let search;
  if (a.t === "string") search = [a.v];
  else if (a.t === "array" || a.t === "set") search = stringList(a, 1);
  else fail3("operand 1 must be one of {string, set, array}");
  let bases;
  if (b.t === "string") bases = [b.v];
  else if (b.t === "array" || b.t === "set") bases = stringList(b, 2);
  else fail3("operand 2 must be one of {string, set, array}");
  return regoBool(search.some((s) => bases.some((x) => match2(s, x))));
}
function stringsCount(s, sub2) {
  if (sub2 === "") return [...s].length + 1;
  let n = 0;
  for (let i = s.indexOf(sub2); i >= 0; i = s.indexOf(sub2, i + sub2.length)) n++;
  return n;
}
function indexOfN(s, sub2) {
  const runes = [...s];
  const needle = [...sub2];
  const out = [];
  if (needle.length === 0) fail3("empty search character");
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
function extractNumAndUnit(s) {
  const isDigit2 = (c) => c !== void 0 && c >= "0" && c <= "9";
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (!isDigit2(c) && c !== "." && c !== "e" && c !== "E" && c !== "+" && c !== "-") {
      first = i;
      break;
    }
    if (c === "e" || c === "E") {
      const next = s[i + 1];
      if (i === s.length - 1 || !isDigit2(next) && next !== "+" && next !== "-") {
        first = i;
        break;
      }
      if (next === "+" || next === "-") i++;
      let end = i + 1;
      while (end < s.length && isDigit2(s[end])) end++;
      if (end - (i + 1) > 6) fail3("exponent too large");
    }
  }
  if (first === -1) return { num: s, unit: "" };
  if (first === 0) return { num: "", unit: s };
  return { num: s.slice(0, first), unit: s.slice(first) };
}
function parseRational(text2) {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text2);
  if (!m) return void 0;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return void 0;
  if (m[3] !== void 0 && int === "" && frac === "") return void 0;
  const exp = Number(m[4] ?? "0") - frac.length;
  let n = BigInt(int + frac || "0");
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === "-") n = -n;
  return { n, d };
}
var SI = {
  k: 1000n,
  M: 1000n ** 2n,
  g: 1000n ** 3n,
  t: 1000n ** 4n,
  p: 1000n ** 5n,
  e: 1000n ** 6n
};
var BINARY2 = {
  ki: 1n << 10n,
  mi: 1n << 20n,
  gi: 1n << 30n,
  ti: 1n << 40n,
  pi: 1n << 50n,
  ei: 1n << 60n
};
var MILLI = { n: 1152921504606847n, d: 1n << 60n };
function unitsParse(raw) {
  const s = raw.replaceAll('"', "");
  if (s.includes(" ")) fail3("spaces not allowed in resource strings");
  const { num: amount, unit: rawUnit } = extractNumAndUnit(s);
  if (amount === "") fail3("no amount provided");
  let unit = rawUnit;
  if (unit.length > 1) unit = unit.slice(0, 1) + unit.slice(1).toLowerCase();
  let factor;
  if (unit === "m") factor = MILLI;
  else if (unit === "") factor = { n: 1n, d: 1n };
  else if (unit === "M") factor = { n: SI.M, d: 1n };
  else if (/^[kKgGtTpPeE]$/.test(unit)) factor = { n: SI[unit.toLowerCase()], d: 1n };
  else if (/^[kKmMgGtTpPeE]i$/.test(unit)) factor = { n: BINARY2[unit.toLowerCase()], d: 1n };
  else fail3(`unit ${unit} not recognized`);
  const r = parseRational(amount);
  if (!r) fail3("could not parse amount to a number");
  let n = r.n * factor.n;
  let d = r.d * factor.d;
  const g = gcd2(n < 0n ? -n : n, d);
  n /= g;
  d /= g;
  if (d === 1n) return regoNumber(n);
  return regoNumber(ratFloatString(n, d, 10));
}
function gcd2(a, b) {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
function ratFloatString(n, d, prec) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const scale = 10n ** BigInt(prec);
  let q = a * scale / d;
  const r = a * scale % d;
  if (2n * r >= d) q++;
  let digits = q.toString().padStart(prec + 1, "0");
  digits = digits.slice(0, digits.length - prec) + "." + digits.slice(digits.length - prec);
  return (neg ? "-" : "") + digits;
}
function unitsParseBytes(raw) {
  const s = raw.toLowerCase().replaceAll('"', "");
  if (s.includes(" ")) fail3("spaces not allowed in resource strings");
  const { num: amount, unit } = extractNumAndUnit(s);
  if (amount === "") fail3("no byte amount provided");
  const table = {
    "": 1n,
    kb: 1000n,
    k: 1000n,
    kib: 1n << 10n,
    ki: 1n << 10n,
    mb: 1000n ** 2n,
    m: 1000n ** 2n,
    mib: 1n << 20n,
    mi: 1n << 20n,
    gb: 1000n ** 3n,
    g: 1000n ** 3n,
    gib: 1n << 30n,
    gi: 1n << 30n,
    tb: 1000n ** 4n,
    t: 1000n ** 4n,
    tib: 1n << 40n,
    ti: 1n << 40n,
    pb: 1000n ** 5n,
    p: 1000n ** 5n,
    pib: 1n << 50n,
    pi: 1n << 50n,
    eb: 1000n ** 6n,
    e: 1000n ** 6n,
    eib: 1n << 60n,
    ei: 1n << 60n
  };
  const factor = Object.hasOwn(table, unit) ? table[unit] : void 0;
  if (factor === void 0) fail3(`byte unit ${unit} not recognized`);
  const x = numberToFloat(amount);
  return regoNumber(floatOpInt(() => goBigFloatMul(x, goBigFloatOfInt(factor), 64)));
}
var META_RE = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
function parseSemVer(input) {
  let v = input.startsWith("v") ? input.slice(1) : input;
  const plus = v.indexOf("+");
  if (plus >= 0) {
    const meta = v.slice(plus + 1);
    if (meta !== "" && !META_RE.test(meta)) return void 0;
    v = v.slice(0, plus);
  }
  let pre = "";
  const dash = v.indexOf("-");
  if (dash >= 0) {
    pre = v.slice(dash + 1);
    v = v.slice(0, dash);
    if (pre !== "" && !META_RE.test(pre)) return void 0;
  }
  const parts = v.split(".");
  if (parts.length !== 3) return void 0;
  const nums = parts.map((p) => {
    if (!/^[+-]?[0-9]+$/.test(p)) return void 0;
    const n = BigInt(p);
    return n > INT64_MAX3 || n < -INT64_MAX3 - 1n ? void 0 : n;
  });
  const [major, minor, patch] = nums;
  if (major === void 0 || minor === void 0 || patch === void 0) return void 0;
  return { major, minor, patch, pre };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemVer(a, b) {
  const c = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.pre === b.pre) return 0;
  if (a.pre === "") return 1;
  if (b.pre === "") return -1;
  const xs = a.pre.split(".");
  const ys = b.pre.split(".");
  for (let i = 0; ; i++) {
    const x = xs[i] ?? "";
    const y = ys[i] ?? "";
    if (x === "" && y !== "") return -1;
    if (x !== "" && y === "") return 1;
    const xi = /^[0-9]+$/.test(x);
    const yi = /^[0-9]+$/.test(y);
    if (xi && !yi) return -1;
    if (!xi && yi) return 1;
    const d = xi && yi ? cmp(goAtoi2(x), goAtoi2(y)) : cmp(x, y);
    if (d !== 0) return d;
    const moreX = i + 1 < xs.length;
    const moreY = i + 1 < ys.length;
    if (moreX && !moreY) return 1;
    if (!moreX && moreY) return -1;
    if (!moreX && !moreY) return 0;
  }
}
function goAtoi2(s) {
  const n = BigInt(s);
  return n > INT64_MAX3 ? 0n : n;
}
function goRegexp(pattern) {
  const r = compileGoRegexp(pattern);
  if ("error" in r) fail3(r.error);
  return r;
}
function objectGet(obj, key) {
  for (const [k, v] of obj) if (regoValuesEqual(k, key)) return v;
  return void 0;
}
function setContains(set, x) {
  return set.some((e) => regoValuesEqual(e, x));
}
function objectSubset(sup, sub2) {
  for (const [k, subV] of sub2) {
    const supV = objectGet(sup, k);
    if (!supV) return false;
    if (regoValuesEqual(subV, supV)) continue;
    if (supV.t === "object" && subV.t === "object") {
      if (!objectSubset(supV.v, subV.v)) return false;
    } else if (supV.t === "set" && subV.t === "set") {
      if (!subV.v.every((e) => setContains(supV.v, e))) return false;
    } else if (supV.t === "array" && subV.t === "array") {
      if (!arraySubset(supV.v, subV.v)) return false;
    } else return false;
  }
  return true;
}
function arraySubset(sup, sub2) {
  if (sub2.length > sup.length) return false;
  if (sub2.length === sup.length && sub2.every((x, i) => regoValuesEqual(x, sup[i]))) return true;
  let supCursor = 0;
  let subCursor = 0;
  for (; ; ) {
    if (subCursor === sub2.length) return true;
    if (supCursor + subCursor === sup.length) return false;
    if (regoValuesEqual(sup[supCursor + subCursor], sub2[subCursor])) subCursor++;
    else {
      supCursor++;
      subCursor = 0;
    }
  }
}
function builtinObjectSubset(sup, sub2) {
  if (!sup || !sub2) fail3("missing operand");
  if (sup.t === "object" && sub2.t === "object") return regoBool(objectSubset(sup.v, sub2.v));
  if (sup.t === "set" && sub2.t === "set") return regoBool(sub2.v.every((e) => setContains(sup.v, e)));
  if (sup.t === "array" && sub2.t === "array") return regoBool(arraySubset(sup.v, sub2.v));
  if (sup.t === "array" && sub2.t === "set") {
    let unmatched = sub2.v.length;
    for (const t of sup.v) {
      if (setContains(sub2.v, t)) unmatched--;
      if (unmatched === 0) return regoTrue();
    }
    return regoBool(false);
  }
  fail3("both arguments object.subset must be of the same type or array and set");
}
function regoTrue() {
  return regoBool(true);
}
var MAX_RANGE_LENGTH = 1e7;
function rangeStep(a, b, s) {
  const x = bigIntOperand(a, 1);
  const y = bigIntOperand(b, 2);
  const step = bigIntOperand(s, 3);
  if (step <= 0n) fail3("numbers.range_step: step must be a positive integer");
  const span = x <= y ? y - x : x - y;
  if (span / step + 1n > BigInt(MAX_RANGE_LENGTH)) throw new Error(`range of more than ${MAX_RANGE_LENGTH} numbers: over preadmit's memory bound`);
  const out = [];
  if (x <= y) for (let i = x; i <= y; i += step) out.push(regoNumber(i));
  else for (let i = x; i >= y; i -= step) out.push(regoNumber(i));
  return regoArray(out);
}
var NS_PER_SEC = 1000000000n;
var DAY_SEC = 86400n;
function floorDiv(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function daysFromCivil(year, month, day) {
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
function civilFromDays(z) {
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
var zoneCache = /* @__PURE__ */ new Map();
function loadZone(name) {
  if (name === "" || name === "UTC") return { kind: "utc" };
  const key = name === "Local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: key,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short"
    });
  } catch {
    fail3(`unknown time zone ${name}`);
  }
  const zone = { kind: "iana", name: key, fmt };
  zoneCache.set(key, zone);
  return zone;
}
function zoneOffset(zone, unixSec) {
  if (zone.kind === "utc") return 0n;
  const ms = Number(unixSec) * 1e3;
  const parts = zone.fmt.formatToParts(new Date(ms));
  const get2 = (t) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  let year = get2("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  const local = daysFromCivil(BigInt(year), BigInt(get2("month")), BigInt(get2("day"))) * DAY_SEC + BigInt(get2("hour") * 3600 + get2("minute") * 60 + get2("second"));
  return local - unixSec;
}
function civilAt(ns, zone) {
  const sec = floorDiv(ns, NS_PER_SEC);
  const nsec = ns - sec * NS_PER_SEC;
  const local = sec + zoneOffset(zone, sec);
  const days = floorDiv(local, DAY_SEC);
  const rem = Number(local - days * DAY_SEC);
  const { year, month, day } = civilFromDays(days);
  const weekday = Number((days % 7n + 11n) % 7n);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    minute: Math.floor(rem % 3600 / 60),
    second: rem % 60,
    nsec,
    weekday
  };
}
function dateToNs(year, month, day, hour, minute, second, nsec, zone) {
  const wall = daysFromCivil(year, month, day) * DAY_SEC + hour * 3600n + minute * 60n + second;
  let sec = wall;
  if (zone.kind !== "utc") {
    const off1 = zoneOffset(zone, wall);
    const guess = wall - off1;
    const off2 = zoneOffset(zone, guess);
    sec = off2 === off1 ? guess : wall - off2;
    if (off2 !== off1 && zoneOffset(zone, sec) !== off2) sec = guess;
  }
  return sec * NS_PER_SEC + nsec;
}
function tzTime(v) {
  if (!v) fail3("missing operand");
  let n;
  let zone = { kind: "utc" };
  let layout = "";
  if (v.t === "array") {
    if (v.v.length === 0) fail3("operand 1 must be one of {number, array}");
    n = v.v[0];
    if (v.v.length > 1) zone = loadZone(str(v.v[1], 1));
    if (v.v.length > 2) layout = str(v.v[2], 1);
  } else if (v.t === "number") n = v;
  else fail3("operand 1 must be one of {number, array}");
  const ns = exactIntegerOfFloat(num(n, 1));
  return { ns, zone, layout };
}
function exactIntegerOfFloat(text2) {
  const i = numberToInt(text2);
  if (i === void 0 || i < INT64_MIN3 || i > INT64_MAX3) fail3("timestamp too big");
  return i;
}
function safeNs(ns) {
  if (ns < INT64_MIN3 || ns > INT64_MAX3) fail3("time outside of valid range");
  return regoNumber(ns);
}
var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
function daysIn3(month, year) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}
function timeDiff(a, b) {
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
    const overflow = 32 - daysIn3(c1.month, c1.year);
    day += 32 - overflow;
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return regoArray([year, month, day, hour, min, sec].map(regoNumber));
}
function goParseDuration(orig) {
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") fail3(`time: invalid duration ${JSON.stringify(orig)}`);
  const units = {
    ns: 1n,
    us: 1000n,
    "\xB5s": 1000n,
    "\u03BCs": 1000n,
    ms: 1000000n,
    s: NS_PER_SEC,
    m: 60n * NS_PER_SEC,
    h: 3600n * NS_PER_SEC
  };
  const LIMIT = 1n << 63n;
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || s[0] !== void 0 && s[0] >= "0" && s[0] <= "9")) fail3("time: invalid duration");
    let j = 0;
    let v = 0n;
    while (j < s.length && s[j] !== void 0 && s[j] >= "0" && s[j] <= "9") {
      if (v > LIMIT / 10n) fail3("time: invalid duration");
      v = v * 10n + BigInt(s[j].charCodeAt(0) - 48);
      if (v > LIMIT) fail3("time: invalid duration");
      j++;
    }
    const pre = j > 0;
    s = s.slice(j);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let k2 = 0;
      let overflow = false;
      while (k2 < s.length && s[k2] >= "0" && s[k2] <= "9") {
        if (!overflow) {
          if (f > (LIMIT - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s[k2].charCodeAt(0) - 48);
            if (y > LIMIT) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        k2++;
      }
      post = k2 > 0;
      s = s.slice(k2);
    }
    if (!pre && !post) fail3("time: invalid duration");
    let k = 0;
    while (k < s.length && s[k] !== "." && !(s[k] >= "0" && s[k] <= "9")) k++;
    if (k === 0) fail3("time: missing unit in duration");
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = Object.hasOwn(units, u) ? units[u] : void 0;
    if (unit === void 0) fail3(`time: unknown unit ${JSON.stringify(u)} in duration`);
    if (v > LIMIT / unit) fail3("time: invalid duration");
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) fail3("time: invalid duration");
    }
    d += v;
    if (d > LIMIT) fail3("time: invalid duration");
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) fail3("time: invalid duration");
  return d;
}
function parseExtendedDuration(s) {
  if (s === "") fail3('time: invalid duration ""');
  if (!/[dwy]/.test(s)) return goParseDuration(s);
  const m = /^([-+]?)((?:[0-9.]+(?:ms|us|µs|ns|[a-z]))+)$/.exec(s);
  if (!m) fail3(`time: invalid duration ${JSON.stringify(s)}`);
  let rewritten = m[1] ?? "";
  for (const seg of (m[2] ?? "").matchAll(/([0-9.]+)(ms|us|µs|ns|[a-z])/g)) {
    const digits = seg[1] ?? "";
    const unit = seg[2] ?? "";
    const coeff = unit === "d" ? 24 : unit === "w" ? 168 : unit === "y" ? 8760 : 0;
    if (coeff === 0) {
      rewritten += digits + unit;
      continue;
    }
    if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(digits)) fail3(`time: invalid duration ${JSON.stringify(s)}`);
    const hours = Number(digits) * coeff;
    rewritten += formatShortestFixed(hours) + "h";
  }
  return goParseDuration(rewritten);
}
function formatShortestFixed(x) {
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN";
  const [m, e] = Math.abs(x).toExponential().split("e");
  const digits = m.replace(".", "");
  const dp = Number(e) + 1;
  let out;
  if (dp <= 0) out = "0." + "0".repeat(-dp) + digits;
  else if (dp >= digits.length) out = digits + "0".repeat(dp - digits.length);
  else out = digits.slice(0, dp) + "." + digits.slice(dp);
  if (x === 0) out = "0";
  return (x < 0 ? "-" : "") + out;
}
var LAYOUT_CONSTANTS = {
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00"
};
function startsWithLower(s) {
  return s.length > 0 && s[0] !== void 0 && s[0] >= "a" && s[0] <= "z";
}
function nextStdChunk(layout) {
  const at2 = (i, s) => layout.startsWith(s, i);
  const mk = (i, std, len, fracDigits = 0) => ({
    prefix: layout.slice(0, i),
    std,
    fracDigits,
    suffix: layout.slice(i + len)
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    switch (c) {
      case "J":
        if (at2(i, "Jan")) {
          if (at2(i, "January")) return mk(i, "January", 7);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, "Jan", 3);
        }
        break;
      case "M":
        if (at2(i, "Mon")) {
          if (at2(i, "Monday")) return mk(i, "Monday", 6);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, "Mon", 3);
        }
        if (at2(i, "MST")) return mk(i, "MST", 3);
        break;
      case "0": {
        const d = layout[i + 1];
        if (d !== void 0 && d >= "1" && d <= "6") return mk(i, "0" + d, 2);
        if (at2(i, "002")) return mk(i, "002", 3);
        break;
      }
      case "1":
        if (at2(i, "15")) return mk(i, "15", 2);
        return mk(i, "1", 1);
      case "2":
        if (at2(i, "2006")) return mk(i, "2006", 4);
        return mk(i, "2", 1);
      case "_":
        if (layout[i + 1] === "2") {
          if (at2(i + 1, "2006")) return { prefix: layout.slice(0, i + 1), std: "2006", fracDigits: 0, suffix: layout.slice(i + 5) };
          return mk(i, "_2", 2);
        }
        if (at2(i, "__2")) return mk(i, "__2", 3);
        break;
      case "3":
        return mk(i, "3", 1);
      case "4":
        return mk(i, "4", 1);
      case "5":
        return mk(i, "5", 1);
      case "P":
        if (layout[i + 1] === "M") return mk(i, "PM", 2);
        break;
      case "p":
        if (layout[i + 1] === "m") return mk(i, "pm", 2);
        break;
      case "-":
        for (const s of ["-070000", "-07:00:00", "-0700", "-07:00", "-07"]) if (at2(i, s)) return mk(i, s, s.length);
        break;
      case "Z":
        for (const s of ["Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"]) if (at2(i, s)) return mk(i, s, s.length);
        break;
      case ".":
      case ",": {
        const ch = layout[i + 1];
        if (ch === "0" || ch === "9") {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          const next = layout[j];
          if (!(next !== void 0 && next >= "0" && next <= "9")) {
            return { ...mk(i, ch === "0" ? "frac0" : "frac9", j - i, j - (i + 1)), sep: c };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, fracDigits: 0, suffix: "" };
}
function goPadInt(x, width) {
  const neg = x < 0;
  const digits = (neg ? -BigInt(x) : BigInt(x)).toString().padStart(width, "0");
  return (neg ? "-" : "") + digits;
}
function goTimeFormat(ns, zone, layoutIn) {
  const c = civilAt(ns, zone);
  const offset = Number(zoneOffset(zone, floorDiv(ns, NS_PER_SEC)));
  const yday = Number(daysFromCivil(BigInt(c.year), BigInt(c.month), BigInt(c.day)) - daysFromCivil(BigInt(c.year), 1n, 1n)) + 1;
  const nsec = Number(c.nsec);
  let out = "";
  let layout = layoutIn;
  while (layout !== "") {
    const chunk = nextStdChunk(layout);
    out += chunk.prefix;
    layout = chunk.suffix;
    if (!chunk.std) break;
    const std = chunk.std;
    switch (std) {
      case "06":
        out += goPadInt((c.year % 100 + 100) % 100, 2);
        break;
      case "2006":
        out += goPadInt(c.year, 4);
        break;
      case "Jan":
        out += MONTHS[c.month - 1].slice(0, 3);
        break;
      case "January":
        out += MONTHS[c.month - 1];
        break;
      case "1":
        out += String(c.month);
        break;
      case "01":
        out += goPadInt(c.month, 2);
        break;
      case "Mon":
        out += WEEKDAYS[c.weekday].slice(0, 3);
        break;
      case "Monday":
        out += WEEKDAYS[c.weekday];
        break;
      case "2":
        out += String(c.day);
        break;
      case "_2":
        out += c.day < 10 ? ` ${c.day}` : String(c.day);
        break;
      case "02":
        out += goPadInt(c.day, 2);
        break;
      case "__2":
        out += String(yday).padStart(3, " ");
        break;
      case "002":
        out += goPadInt(yday, 3);
        break;
      case "15":
        out += goPadInt(c.hour, 2);
        break;
      case "3":
        out += String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        break;
      case "03":
        out += goPadInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case "4":
        out += String(c.minute);
        break;
      case "04":
        out += goPadInt(c.minute, 2);
        break;
      case "5":
        out += String(c.second);
        break;
      case "05":
        out += goPadInt(c.second, 2);
        break;
      case "PM":
        out += c.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += c.hour >= 12 ? "pm" : "am";
        break;
      case "MST": {
        if (zone.kind !== "utc") fail3("time zone abbreviations are only known for UTC");
        out += "UTC";
        break;
      }
      case "frac0":
      case "frac9": {
        const n = chunk.fracDigits;
        if (std === "frac9" && (n === 0 || nsec === 0)) break;
        const sep = chunk.sep ?? ".";
        let digits = goPadInt(nsec, 9).slice(0, n);
        if (std === "frac9") digits = digits.replace(/0+$/, "");
        out += digits === "" ? "" : sep + digits;
        break;
      }
      default: {
        if (std.startsWith("Z") && offset === 0) {
          out += "Z";
          break;
        }
        const minutes = Math.trunc(offset / 60);
        out += minutes < 0 ? "-" : "+";
        const z = Math.abs(minutes);
        out += goPadInt(Math.floor(z / 60), 2);
        const colon = std.includes(":");
        if (std !== "-07" && std !== "Z07") out += (colon ? ":" : "") + goPadInt(z % 60, 2);
        if (std === "-070000" || std === "-07:00:00" || std === "Z070000" || std === "Z07:00:00") {
          out += (colon ? ":" : "") + goPadInt(Math.abs(offset) % 60, 2);
        }
      }
    }
  }
  return out;
}
function timeFormat(v) {
  const { ns, zone, layout } = tzTime(v);
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : void 0;
  return regoString(goTimeFormat(ns, zone, layout === "" ? LAYOUT_CONSTANTS.RFC3339Nano : constant ?? layout));
}
function isDigitAt(s, i) {
  const c = s[i];
  return c !== void 0 && c >= "0" && c <= "9";
}
function goTimeParse(layoutIn, valueIn) {
  let layout = layoutIn;
  let value = valueIn;
  const bad2 = () => fail3(`parsing time ${JSON.stringify(valueIn)} as ${JSON.stringify(layoutIn)}: cannot parse`);
  const getnum = (fixed2) => {
    if (!isDigitAt(value, 0)) bad2();
    if (!isDigitAt(value, 1)) {
      if (fixed2) bad2();
      const n2 = value.charCodeAt(0) - 48;
      value = value.slice(1);
      return n2;
    }
    const n = (value.charCodeAt(0) - 48) * 10 + (value.charCodeAt(1) - 48);
    value = value.slice(2);
    return n;
  };
  const skip = (prefix2) => {
    let p = prefix2;
    while (p.length > 0) {
      if (p[0] === " ") {
        if (value.length > 0 && value[0] !== " ") bad2();
        p = p.replace(/^ +/, "");
        value = value.replace(/^ +/, "");
        continue;
      }
      if (value.length === 0 || value[0] !== p[0]) bad2();
      p = p.slice(1);
      value = value.slice(1);
    }
  };
  const lookup = (tab) => {
    for (let k = 0; k < tab.length; k++) {
      const v = tab[k];
      if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
        value = value.slice(v.length);
        return k;
      }
    }
    return bad2();
  };
  const nanos = (n) => {
    if (value[0] !== "." && value[0] !== ",") bad2();
    const digits = value.slice(1, Math.min(n, 10));
    if (!/^[0-9]*$/.test(digits) || digits === "") bad2();
    value = value.slice(n);
    return BigInt(digits.padEnd(9, "0").slice(0, 9));
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
  let zoneOffsetSec;
  let zoneName = "";
  let amSet = false;
  let pmSet = false;
  for (; ; ) {
    const ch = nextStdChunk(layout);
    skip(ch.prefix);
    if (!ch.std) {
      if (value.length !== 0) bad2();
      break;
    }
    layout = ch.suffix;
    switch (ch.std) {
      case "06": {
        if (value.length < 2 || !/^[0-9]{2}/.test(value)) bad2();
        year = Number(value.slice(0, 2));
        value = value.slice(2);
        year += year >= 69 ? 1900 : 2e3;
        break;
      }
      case "2006":
        if (value.length < 4 || !isDigitAt(value, 0) || !/^[0-9]{4}/.test(value)) bad2();
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case "Jan":
        month = lookup(MONTHS.map((m) => m.slice(0, 3))) + 1;
        break;
      case "January":
        month = lookup(MONTHS) + 1;
        break;
      case "1":
      case "01":
        month = getnum(ch.std === "01");
        if (month <= 0 || month > 12) bad2();
        break;
      case "Mon":
        lookup(WEEKDAYS.map((d) => d.slice(0, 3)));
        break;
      case "Monday":
        lookup(WEEKDAYS);
        break;
      case "2":
      case "_2":
      case "02":
        if (ch.std === "_2" && value[0] === " ") value = value.slice(1);
        day = getnum(ch.std === "02");
        break;
      case "__2":
      case "002": {
        for (let k = 0; k < 2; k++) if (ch.std === "__2" && value[0] === " ") value = value.slice(1);
        const m = /^[0-9]{1,3}/.exec(value);
        if (!m || ch.std === "002" && m[0].length !== 3) bad2();
        yday = Number(m?.[0]);
        value = value.slice(m?.[0].length ?? 0);
        break;
      }
      case "15":
        hour = getnum(false);
        if (hour < 0 || hour >= 24) bad2();
        break;
      case "3":
      case "03":
        hour = getnum(ch.std === "03");
        if (hour < 0 || hour > 12) bad2();
        break;
      case "4":
      case "04":
        min = getnum(ch.std === "04");
        if (min < 0 || min >= 60) bad2();
        break;
      case "5":
      case "05": {
        sec = getnum(ch.std === "05");
        if (sec < 0 || sec >= 60) bad2();
        if (value.length >= 2 && (value[0] === "." || value[0] === ",") && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === "frac0" || next === "frac9") break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          nsec = nanos(n);
        }
        break;
      }
      case "PM":
      case "pm": {
        if (value.length < 2) bad2();
        const p = value.slice(0, 2);
        value = value.slice(2);
        const pm = ch.std === "PM" ? "PM" : "pm";
        const am = ch.std === "PM" ? "AM" : "am";
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad2();
        break;
      }
      case "Z070000":
      case "Z07:00:00":
      case "Z0700":
      case "Z07:00":
      case "Z07":
        if (value[0] === "Z") {
          value = value.slice(1);
          utc = true;
          break;
        }
      // falls through
      case "-070000":
      case "-07:00:00":
      case "-0700":
      case "-07:00":
      case "-07": {
        const form = ch.std.slice(1);
        let sign;
        let hh;
        let mm = "00";
        let ss = "00";
        if (form === "07:00") {
          if (value.length < 6 || value[3] !== ":") bad2();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6)];
          value = value.slice(6);
        } else if (form === "07") {
          if (value.length < 3) bad2();
          [sign, hh] = [value.slice(0, 1), value.slice(1, 3)];
          value = value.slice(3);
        } else if (form === "07:00:00") {
          if (value.length < 9 || value[3] !== ":" || value[6] !== ":") bad2();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          value = value.slice(9);
        } else if (form === "070000") {
          if (value.length < 7) bad2();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          value = value.slice(7);
        } else {
          if (value.length < 5) bad2();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5)];
          value = value.slice(5);
        }
        if (![hh, mm, ss].every((x) => /^[0-9]{2}$/.test(x))) bad2();
        const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
        if (h > 24 || mi > 60 || s > 60) bad2();
        let off = (h * 60 + mi) * 60 + s;
        if (sign === "-") off = -off;
        else if (sign !== "+") bad2();
        zoneOffsetSec = off;
        break;
      }
      case "MST": {
        if (value.startsWith("UTC")) {
          utc = true;
          value = value.slice(3);
          break;
        }
        const n = timeZoneNameLength(value);
        if (n <= 0) bad2();
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case "frac0": {
        const ndigit = 1 + ch.fracDigits;
        if (value.length < ndigit) bad2();
        nsec = nanos(ndigit);
        break;
      }
      case "frac9": {
        if (value.length < 2 || value[0] !== "." && value[0] !== "," || !isDigitAt(value, 1)) break;
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
    const leap = daysIn3(2, year) === 29;
    if (leap) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) bad2();
    if (m === 0) {
      const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      m = Math.floor((yday - 1) / 31) + 1;
      if (before[m] < yday) m++;
      d = yday - before[m - 1];
    }
    if (month >= 0 && month !== m) bad2();
    month = m;
    if (day >= 0 && day !== d) bad2();
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn3(month, year)) bad2();
  const wall = dateToNs(BigInt(year), BigInt(month), BigInt(day), BigInt(hour), BigInt(min), BigInt(sec), nsec, { kind: "utc" });
  if (utc) return wall;
  if (zoneOffsetSec !== void 0) return wall - BigInt(zoneOffsetSec) * NS_PER_SEC;
  void zoneName;
  return wall;
}
function timeZoneNameLength(value) {
  if (value.length < 3) return 0;
  if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
  if (value.startsWith("GMT")) {
    const m = /^[+-]([0-9]+)/.exec(value.slice(3));
    if (!m) return 3;
    const h = Number(m[1]);
    return h === 0 || h < -23 || h > 23 ? 3 : 3 + m[0].length;
  }
  if (value[0] === "+" || value[0] === "-") {
    const m = /^[+-]([0-9]+)/.exec(value);
    if (!m) return 0;
    const h = Number(m[1]);
    return h === 0 || h > 23 ? 0 : m[0].length;
  }
  let upper = 0;
  while (upper < 6 && upper < value.length && /[A-Z]/.test(value[upper])) upper++;
  switch (upper) {
    case 5:
      return value[4] === "T" ? 5 : 0;
    case 4:
      return value[3] === "T" || value.startsWith("WITA") ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}
function timeParse2(layout, value) {
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : void 0;
  return safeNs(goTimeParse(constant ?? layout, value));
}
function addDate(t, y, m, d) {
  const { ns, zone } = tzTime(t);
  const years = intOperand(y, 2);
  const months = intOperand(m, 3);
  const days = intOperand(d, 4);
  const c = civilAt(ns, zone);
  const result = dateToNs(
    BigInt(c.year + years),
    BigInt(c.month + months),
    BigInt(c.day + days),
    BigInt(c.hour),
    BigInt(c.minute),
    BigInt(c.second),
    c.nsec,
    zone
  );
  return safeNs(result);
}
function goJsonValid(s) {
  try {
    JSON.parse(s);
    return true;
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}
function formatInt(n, b) {
  const text2 = num(n, 1);
  const base = Number(num(b, 2));
  if (![2, 8, 10, 16].includes(base)) fail3("operand 2 must be one of {2, 8, 10, 16}");
  const int = floatOpInt(() => numberToFloat(text2));
  return regoString(int.toString(base));
}
function goReplaceAll(s, old, rep) {
  if (old !== "") return s.split(old).join(rep);
  const units = Array.from(Buffer.from(s, "utf8"), (byte) => byte < 128 ? String.fromCharCode(byte) : "\uFFFD");
  return rep + units.join(rep) + (s === "" ? "" : rep);
}
function goParseIP(s) {
  const v4 = goParseIPv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, ...v4];
  return goParseIPv6(s);
}
function goParseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  const out = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out.push(n);
  }
  return out;
}
function goParseIPv6(s) {
  const halves = s.split("::");
  if (halves.length > 2) return void 0;
  const groups = (text2) => {
    if (text2 === "") return [];
    const out = [];
    const parts = text2.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = goParseIPv4(p);
        if (!v4) return void 0;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return void 0;
        const n = parseInt(p, 16);
        out.push(n >> 8, n & 255);
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return void 0;
  if (halves.length === 1) return head.length === 16 ? head : void 0;
  if (head.length + tail.length > 14) return void 0;
  return [...head, ...Array(16 - head.length - tail.length).fill(0), ...tail];
}
function isV4Mapped(ip) {
  return ip.length === 16 && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 255 && ip[11] === 255;
}
function to4(ip) {
  if (ip.length === 4) return ip;
  return isV4Mapped(ip) ? ip.slice(12) : void 0;
}
function goParseCIDR(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return void 0;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const iplen = addr.includes(":") ? 16 : 4;
  const ip = iplen === 4 ? goParseIPv4(addr) : goParseIPv6(addr);
  if (!ip || !/^[0-9]{1,3}$/.test(bits)) return void 0;
  const n = Number(bits);
  if (n > iplen * 8) return void 0;
  const mask = Array.from({ length: iplen }, (_, i) => i * 8 + 8 <= n ? 255 : i * 8 >= n ? 0 : 255 << 8 - (n - i * 8) & 255);
  return { ip: ip.map((b, i) => b & mask[i]), mask };
}
function ipNetContains(net, query2) {
  const nn = to4(net.ip) ?? net.ip;
  let m = net.mask;
  if (m.length === 4 && nn.length !== 4) return false;
  if (m.length === 16 && nn.length === 4) m = m.slice(12);
  const ip = to4(query2) ?? query2;
  if (ip.length !== nn.length) return false;
  return ip.every((b, i) => (nn[i] & m[i]) === (b & m[i]));
}
function goIPString(ip) {
  const v4 = to4(ip);
  if (v4) return v4.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => ip[2 * i] << 8 | ip[2 * i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (g) => g.map((x) => x.toString(16)).join(":");
  return best < 0 ? hex(groups) : `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}
function cidrExpand(v) {
  const text2 = str(v, 1);
  const net = goParseCIDR(text2);
  if (!net) fail3(`invalid CIDR address: ${text2}`);
  const out = [];
  const ip = [...net.ip];
  while (ipNetContains(net, ip)) {
    out.push(regoString(goIPString(ip)));
    for (let j = ip.length - 1; j >= 0; j--) {
      ip[j] = ip[j] + 1 & 255;
      if (ip[j] !== 0) break;
    }
  }
  return { t: "set", v: out };
}
function aggregateExtreme(v, sign) {
  if (!v || v.t !== "array" && v.t !== "set") fail3("operand 1 must be one of {array, set}");
  let best;
  for (const x of v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v) {
    if (best === void 0 || sign * compareRegoValues(best, x) <= 0) best = x;
  }
  if (best === void 0) fail3("empty collection");
  return best;
}
function toNumber(v) {
  if (!v) fail3("operand 1 is undefined");
  switch (v.t) {
    case "null":
      return regoNumber(0);
    case "boolean":
      return regoNumber(v.v ? 1 : 0);
    case "number":
      return v;
    case "string":
      if (!isNumberText(v.v) || !Number.isFinite(Number(v.v))) fail3(`invalid number: ${JSON.stringify(v.v)}`);
      return regoNumber(v.v);
    default:
      fail3("operand 1 must be one of {null, boolean, number, string}");
  }
}
function globQuoteMeta(s) {
  return s.replace(/[*?\\[\]{}]/g, (c) => `\\${c}`);
}
function goQueryEscape(s) {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}
function goQueryUnescape(s) {
  const bytes = [];
  const text2 = Buffer.from(s, "utf8");
  for (let i = 0; i < text2.length; i++) {
    const b = text2[i];
    if (b === 37) {
      const hex = text2.subarray(i + 1, i + 3).toString("latin1");
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) fail3(`urlquery.decode: invalid URL escape "${hex}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(b === 43 ? 32 : b);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function cidrContains(a, b) {
  const net = goParseCIDR(str(a, 1));
  if (!net) fail3(`invalid CIDR address: ${str(a, 1)}`);
  const text2 = str(b, 2);
  const ip = goParseIP(text2);
  if (ip) return regoBool(ipNetContains(net, ip));
  const inner = goParseCIDR(text2);
  if (!inner) fail3(`not a valid textual representation of an IP address or CIDR: ${text2}`);
  const last = inner.ip.map((x, i) => x | ~inner.mask[i] & 255);
  return regoBool(ipNetContains(net, inner.ip) && ipNetContains(net, last));
}
function goJsonMarshal(v) {
  switch (v.t) {
    case "null":
      return "null";
    case "boolean":
      return v.v ? "true" : "false";
    case "number":
      return v.v;
    case "string":
      return goString(v.v);
    case "array":
    case "set":
      return `[${v.v.map(goJsonMarshal).join(",")}]`;
    case "object": {
      const byKey = /* @__PURE__ */ new Map();
      const entries = [...v.v].sort(([a], [b]) => compareRegoValues(a, b));
      for (const [k, x] of entries) byKey.set(k.t === "string" ? k.v : goJsonMarshal(k), goJsonMarshal(x));
      const keys = [...byKey.keys()].sort(goCompare);
      return `{${keys.map((k) => `${goString(k)}:${byKey.get(k)}`).join(",")}}`;
    }
  }
}
function delimiterIndices(s, start, end) {
  let level = 0;
  let idx = 0;
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === start) {
      if (++level === 1) idx = i;
    } else if (s[i] === end) {
      if (--level === 0) out.push(idx, i + 1);
      else if (level < 0) fail3(`unbalanced braces in ${JSON.stringify(s)}`);
    }
  }
  if (level !== 0) fail3(`unbalanced braces in ${JSON.stringify(s)}`);
  return out;
}
function regexTemplateMatch(p, m, s, e) {
  const template2 = str(p, 1);
  const text2 = str(m, 2);
  const start = str(s, 3);
  const end = str(e, 4);
  if (Buffer.byteLength(start) !== 1) fail3("start delimiter has to be exactly one character long");
  if (Buffer.byteLength(end) !== 1) fail3("end delimiter has to be exactly one character long");
  const idxs = delimiterIndices(template2, start, end);
  let pattern = "^";
  let last = 0;
  for (let i = 0; i < idxs.length; i += 2) {
    const raw = template2.slice(last, idxs[i]);
    last = idxs[i + 1];
    const part = template2.slice(idxs[i] + 1, last - 1);
    pattern += `${goQuoteMeta(raw)}(${part})`;
    goRegexp(`^${part}$`);
  }
  pattern += `${goQuoteMeta(template2.slice(last))}$`;
  return regoBool(goRegexp(pattern).matchString(text2));
}
function patchIndex(length, key) {
  let text2;
  if (key.t === "number") text2 = key.v;
  else if (key.t === "string") {
    if (key.v === "-") return length;
    if (key.v !== "0" && key.v.startsWith("0")) fail3("leading zeros are not allowed in JSON paths");
    text2 = key.v;
  } else fail3("invalid type for indexing");
  const i = goParseInt64(text2);
  if (i === void 0) fail3("invalid number type for indexing");
  return i > BigInt(Number.MAX_SAFE_INTEGER) || i < -BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(i);
}
function patchChild(v, key) {
  switch (v.t) {
    case "object": {
      const x = objectGet(v.v, key);
      if (!x) fail3("path does not exist in object term");
      return x;
    }
    case "set":
      if (!setContains(v.v, key)) fail3("path does not exist in set term");
      return key;
    case "array": {
      const i = patchIndex(v.v.length, key);
      if (i < 0 || i >= v.v.length) fail3("path does not exist in array term");
      return v.v[i];
    }
    default:
      fail3("expected composite type");
  }
}
function patchAt(v, path, edit) {
  const [key, ...rest] = path;
  if (key === void 0) fail3("empty path");
  if (rest.length === 0) return edit(v, key);
  const child = patchAt(patchChild(v, key), rest, edit);
  return patchReplaceChild(v, key, child);
}
function patchReplaceChild(v, key, child) {
  switch (v.t) {
    case "object":
      return { t: "object", v: v.v.map(([k, x]) => [k, regoValuesEqual(k, key) ? child : x]) };
    case "set":
      return { t: "set", v: [...v.v.filter((x) => !regoValuesEqual(x, key)), child] };
    case "array": {
      const i = patchIndex(v.v.length, key);
      return { t: "array", v: v.v.map((x, j) => j === i ? child : x) };
    }
    default:
      fail3("expected composite type");
  }
}
function patchInsert(parent, key, value) {
  switch (parent.t) {
    case "object":
      return { t: "object", v: [...parent.v.filter(([k]) => !regoValuesEqual(k, key)), [key, value]] };
    case "set":
      if (!regoValuesEqual(key, value)) fail3("set key does not equal value to be inserted");
      return { t: "set", v: [...parent.v.filter((x) => !regoValuesEqual(x, key)), value] };
    case "array": {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i > parent.v.length) fail3("index for array insertion out of bounds");
      return { t: "array", v: [...parent.v.slice(0, i), value, ...parent.v.slice(i)] };
    }
    default:
      fail3("expected composite type");
  }
}
function patchDelete(parent, key) {
  switch (parent.t) {
    case "object":
      if (!objectGet(parent.v, key)) fail3("cannot delete child key that does not exist");
      return { t: "object", v: parent.v.filter(([k]) => !regoValuesEqual(k, key)) };
    case "set":
      if (!setContains(parent.v, key)) fail3("cannot delete child key that does not exist");
      return { t: "set", v: parent.v.filter((x) => !regoValuesEqual(x, key)) };
    case "array": {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i >= parent.v.length) fail3("index for array delete out of bounds");
      return { t: "array", v: parent.v.filter((_, j) => j !== i) };
    }
    default:
      fail3("expected composite type");
  }
}
function patchPath(p) {
  if (p.t === "array") return p.v;
  if (p.t !== "string") fail3("must be one of {set, array} containing string paths or array of path segments");
  if (p.v === "") return [];
  return p.v.replace(/^\/+/, "").split("/").map((part) => regoString(part.replaceAll("~1", "/").replaceAll("~0", "~")));
}
function jsonPatch(target, ops) {
  if (!target) fail3("missing operand");
  if (!ops || ops.t !== "array") fail3("operand 2 must be array");
  let doc = target;
  const render = (path) => {
    if (!doc) fail3("deleted node encountered");
    return path.reduce((v, k) => patchChild(v, k), doc);
  };
  const insert = (path, value) => {
    if (path.length === 0) doc = value;
    else if (!doc) fail3("deleted node encountered during insert operation");
    else doc = patchAt(doc, path, (parent, key) => patchInsert(parent, key, value));
  };
  const remove = (path) => {
    if (!doc) fail3("deleted node encountered during delete operation");
    doc = path.length === 0 ? void 0 : patchAt(doc, path, patchDelete);
  };
  for (const op of ops.v) {
    if (op.t !== "object") fail3("must be an array of JSON-Patch objects, but at least one element is not an object");
    const attr = (name) => objectGet(op.v, regoString(name));
    const pathValue = attr("path");
    if (!pathValue) fail3("missing required attribute 'path'");
    const kind = attr("op");
    if (!kind) fail3("missing required attribute 'op'");
    if (kind.t !== "string") fail3("attribute 'op' must be a string");
    const path = patchPath(pathValue);
    const value = () => attr("value") ?? fail3("missing required attribute 'value'");
    const from = () => patchPath(attr("from") ?? fail3("missing required attribute 'from'"));
    switch (kind.v) {
      case "add":
        insert(path, value());
        break;
      case "remove":
        remove(path);
        break;
      case "replace":
        remove(path);
        insert(path, value());
        break;
      case "move": {
        const f = from();
        const chunk = render(f);
        remove(f);
        insert(path, chunk);
        break;
      }
      case "copy":
        insert(path, render(from()));
        break;
      case "test":
        if (!regoValuesEqual(render(path), value())) fail3("value from EditTree != patch value");
        break;
      default:
        fail3(`unrecognized op: '${kind.v}'`);
    }
  }
  if (!doc) fail3("the whole document was removed");
  return doc;
}
function uuidBytes(s) {
  const bytes = Buffer.from(s, "utf8");
  const hexAt = (text3, i) => {
    const pair = text3.subarray(i, i + 2).toString("latin1");
    return /^[0-9a-fA-F]{2}$/.test(pair) ? parseInt(pair, 16) : void 0;
  };
  let text2 = bytes;
  switch (bytes.length) {
    case 36:
      break;
    case 45:
      if (bytes.subarray(0, 9).toString("latin1").toLowerCase() !== "urn:uuid:") return void 0;
      text2 = bytes.subarray(9);
      break;
    case 38:
      text2 = bytes.subarray(1);
      break;
    case 32: {
      const out2 = [];
      for (let i = 0; i < 16; i++) {
        const b = hexAt(bytes, i * 2);
        if (b === void 0) return void 0;
        out2.push(b);
      }
      return out2;
    }
    default:
      return void 0;
  }
  if (text2[8] !== 45 || text2[13] !== 45 || text2[18] !== 45 || text2[23] !== 45) return void 0;
  const out = [];
  for (const x of [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]) {
    const b = hexAt(text2, x);
    if (b === void 0) return void 0;
    out.push(b);
  }
  return out;
}
function uuidParse(v) {
  const u = uuidBytes(str(v, 1));
  if (!u) fail3("invalid UUID");
  const b = (i) => u[i];
  const version = b(6) >> 4;
  const v8 = b(8);
  const variant = (v8 & 192) === 128 ? "RFC4122" : (v8 & 224) === 192 ? "Microsoft" : (v8 & 224) === 224 ? "Future" : "Reserved";
  const entries = [
    [regoString("version"), regoNumber(version)],
    [regoString("variant"), regoString(variant)]
  ];
  if (version === 1 || version === 2) {
    const t = BigInt(b(0) << 24 >>> 0) | BigInt(b(1) << 16 | b(2) << 8 | b(3)) | BigInt(b(4) << 8 | b(5)) << 32n | BigInt((b(6) << 8 | b(7)) & 4095) << 48n;
    const d = t - 122192928000000000n;
    const sec = d / 10000000n;
    const nsec = d % 10000000n * 100n;
    const node = u.slice(10, 16);
    const first = node[0];
    const mac = (first & 3) === 3 ? "local:multicast" : (first & 1) === 1 ? "global:multicast" : (first & 2) === 2 ? "local:unicast" : "global:unicast";
    entries.push(
      [regoString("time"), regoNumber(BigInt.asIntN(64, BigInt.asIntN(64, sec * 1000000000n) + nsec))],
      [regoString("nodeid"), regoString(node.map((x) => x.toString(16).padStart(2, "0")).join("-"))],
      [regoString("macvariables"), regoString(mac)],
      [regoString("clocksequence"), regoNumber((b(8) << 8 | b(9)) & 16383)]
    );
    if (version === 2) {
      const domains = ["Person", "Group", "Org"];
      entries.push(
        [regoString("id"), regoNumber((b(0) << 24 >>> 0) + (b(1) << 16 | b(2) << 8 | b(3)))],
        [regoString("domain"), regoString(domains[b(9)] ?? `Domain${b(9)}`)]
      );
    }
  }
  return { t: "object", v: entries };
}
function jsonKey2(k) {
  return k.t === "string" ? k.v : goJsonMarshal(k);
}
function urlqueryEncodeObject(v) {
  if (!v || v.t !== "object") fail3("operand 1 must be object");
  const values = /* @__PURE__ */ new Map();
  for (const [k, x] of v.v) {
    let list;
    if (x.t === "string") list = [x.v];
    else if (x.t === "array" || x.t === "set") {
      list = (x.t === "set" ? [...x.v].sort(compareRegoValues) : x.v).map((e) => {
        if (e.t !== "string") fail3("encode_object: array values must be strings");
        return e.v;
      });
    } else fail3("encode_object: values must be strings or arrays of strings");
    values.set(jsonKey2(k), list);
  }
  const parts = [];
  for (const key of [...values.keys()].sort(goCompare)) {
    for (const x of values.get(key)) parts.push(`${goQueryEscape(key)}=${goQueryEscape(x)}`);
  }
  return regoString(parts.join("&"));
}
function urlqueryDecodeObject(v) {
  const query2 = str(v, 1);
  if (query2.split("&").length > 1e4) fail3("number of URL query parameters exceeded limit");
  const out = /* @__PURE__ */ new Map();
  for (const part of query2.split("&")) {
    if (part.includes(";")) fail3("invalid semicolon separator in query");
    if (part === "") continue;
    const eq2 = part.indexOf("=");
    const key = goQueryUnescape(eq2 < 0 ? part : part.slice(0, eq2));
    const value = goQueryUnescape(eq2 < 0 ? "" : part.slice(eq2 + 1));
    out.set(key, [...out.get(key) ?? [], value]);
  }
  return { t: "object", v: [...out].map(([k, xs]) => [regoString(k), regoArray(xs.map(regoString))]) };
}
function cidrMatchOperand(v) {
  const cidrOf = (x) => {
    if (x.t === "string") return x;
    if (x.t === "array" && x.v.length > 0) return x.v[0];
    fail3("element must be string or non-empty array");
  };
  if (!v) fail3("missing operand");
  switch (v.t) {
    case "string":
      return [[v, v]];
    case "array":
      return v.v.map((x, i) => [cidrOf(x), regoNumber(i)]);
    case "set":
      return [...v.v].sort(compareRegoValues).map((x) => [cidrOf(x), x]);
    case "object":
      return [...v.v].sort(([a], [b]) => compareRegoValues(a, b)).map(([k, x]) => [cidrOf(x), k]);
    default:
      return [];
  }
}
function cidrContainsMatches(a, b) {
  const out = [];
  const right = cidrMatchOperand(b);
  for (const [c1, i1] of cidrMatchOperand(a)) {
    for (const [c2, i2] of right) {
      const r = cidrContains(c1, c2);
      if (r.t === "boolean" && r.v && !setContains(out, regoArray([i1, i2]))) out.push(regoArray([i1, i2]));
    }
  }
  return { t: "set", v: out };
}
var V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];
function bytesCompare(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
function cidrMask(ones, bits) {
  return Array.from({ length: bits / 8 }, (_, i) => i * 8 + 8 <= ones ? 255 : i * 8 >= ones ? 0 : 255 << 8 - (ones - i * 8) & 255);
}
function maskOnes(m) {
  let n = 0;
  for (const b of m) for (let bit = 7; bit >= 0 && b >> bit & 1; bit--) n++;
  return n;
}
function ipMask(ip, mask) {
  let x = ip;
  if (mask.length === 16 && ip.length === 4 && mask.slice(0, 12).every((b) => b === 255)) mask = mask.slice(12);
  if (mask.length === 4 && ip.length === 16 && isV4Mapped(ip)) x = ip.slice(12);
  if (mask.length !== x.length) return void 0;
  return x.map((b, i) => b & mask[i]);
}
function addressRange(n) {
  let first = ipMask(n.ip, n.mask) ?? [];
  let last = [...first];
  if (to4(first)) {
    first = [...V4_PREFIX, ...first];
    last = [...V4_PREFIX, ...last];
  }
  for (let i = 0; i < n.mask.length; i++) {
    const j = 15 - i;
    if (j >= last.length) fail3("cidr_merge: address and mask lengths differ");
    last[j] = (last[j] | ~n.mask[n.mask.length - i - 1] & 255) & 255;
  }
  return [first, last];
}
function ipEqual(a, b) {
  const x = to4(a) ?? a;
  const y = to4(b) ?? b;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
function previousIP(ip) {
  if (ipEqual(ip, [...V4_PREFIX, 0, 0, 0, 0]) || ipEqual(ip, Array(16).fill(0))) return ip;
  const prev = [...ip];
  const lower = to4(ip) ? 12 : 0;
  let overflow = false;
  for (let i = ip.length - 1; i >= lower; i--) {
    if (overflow || i === ip.length - 1) prev[i] = prev[i] - 1 & 255;
    overflow = ip[i] === 0 && prev[i] === 255;
  }
  return prev;
}
function nextIP(ip) {
  if (ipEqual(ip, [...V4_PREFIX, 255, 255, 255, 255]) || ipEqual(ip, Array(16).fill(255))) return ip;
  if (ip.length !== 4 && ip.length !== 16) return ip;
  const n = ip.length === 4 ? 32n : 128n;
  const v = bytesToBig(ip) + 1n & (1n << n) - 1n;
  return bigToBytes(v, ip.length);
}
function bytesToBig(b) {
  return b.reduce((acc, x) => acc << 8n | BigInt(x), 0n);
}
function bigBytes(v) {
  const out = [];
  for (let x = v; x > 0n; x >>= 8n) out.unshift(Number(x & 0xffn));
  return out;
}
function bigToBytes(v, len) {
  const b = bigBytes(v);
  return [...Array(Math.max(0, len - b.length)).fill(0), ...b];
}
function spanningCIDR(first, last) {
  const v4 = to4(first) !== void 0;
  const bitLen4 = v4 ? 32 : 128;
  let size = bitLen4;
  const lowest = bytesToBig(first);
  let highest = bytesToBig(last);
  while (size > 0 && lowest < highest) {
    size--;
    highest &= -(1n << BigInt(bitLen4 - size));
  }
  let ip = v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(highest)] : bigBytes(highest);
  if (ip.length === 0) ip = Array(v4 ? 4 : 16).fill(0);
  return { ip, mask: cidrMask(size, bitLen4) };
}
function partitionCIDR(target, exclude) {
  const v4 = to4(target.ip) !== void 0;
  const [targetFirst, targetLast] = addressRange(target);
  const [excludeFirst, excludeLast] = addressRange(exclude);
  const targetSize = maskOnes(target.mask);
  const excludeSize = maskOnes(exclude.mask);
  if (bytesCompare(excludeLast, targetFirst) < 0) return { left: [], right: [target] };
  if (bytesCompare(targetLast, excludeFirst) < 0) return { left: [target], right: [] };
  if (targetSize >= excludeSize) return { left: [], right: [] };
  const left = [];
  const right = [];
  const bitLen4 = v4 ? 32 : 128;
  let prefix2 = targetSize + 1;
  let lower = bytesToBig(targetFirst);
  let upper = lower + (1n << BigInt(bitLen4 - prefix2));
  const toBytes2 = (x) => v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(x)] : bigToBytes(x, 16);
  while (excludeSize >= prefix2) {
    let matched;
    if (bytesCompare(excludeFirst, toBytes2(upper)) >= 0) {
      left.push({ ip: toBytes2(lower), mask: cidrMask(prefix2, bitLen4) });
      matched = upper;
    } else {
      right.push({ ip: toBytes2(upper), mask: cidrMask(prefix2, bitLen4) });
      matched = lower;
    }
    prefix2++;
    if (prefix2 > bitLen4) break;
    lower = matched;
    upper = matched + (1n << BigInt(bitLen4 - prefix2));
  }
  return { left, right };
}
function rangeToCIDRs(first, last) {
  let spanning = spanningCIDR(first, last);
  const [spanFirst, spanLast] = addressRange(spanning);
  let list = [];
  if (bytesCompare(spanFirst, first) < 0) {
    const prev = previousIP(first);
    const bits = to4(prev) ? 32 : 128;
    const { right } = partitionCIDR(spanning, { ip: prev, mask: cidrMask(bits, bits) });
    list.push(...right);
    spanning = right[0] ?? fail3("cidr_merge: empty partition");
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
function ipNetString(n) {
  let ip = to4(n.ip);
  if (!ip) {
    if (n.ip.length !== 16) return "<nil>";
    ip = n.ip;
  }
  let m = n.mask;
  if (m.length === 4 && ip.length !== 4) return "<nil>";
  if (m.length === 16 && ip.length === 4) m = m.slice(12);
  if (m.length !== 4 && m.length !== 16) return "<nil>";
  return `${goIPString(ip)}/${maskOnes(m)}`;
}
function cidrMergeNet(x) {
  if (x.t !== "string") fail3("element must be string");
  const ip = goParseIP(x.v);
  if (!ip) {
    const net = goParseCIDR(x.v);
    if (!net) fail3(`invalid CIDR address: ${x.v}`);
    return net;
  }
  const v4 = to4(ip);
  if (!v4) fail3("IPv6 invalid: needs prefix length");
  const ones = v4[0] < 128 ? 8 : v4[0] < 192 ? 16 : 24;
  return { ip, mask: cidrMask(ones, 32) };
}
function cidrMerge(v) {
  if (!v || v.t !== "array" && v.t !== "set") fail3("operand must be an array");
  const nets = (v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v).map(cidrMergeNet);
  const ranges = nets.map((net) => {
    const [first, last] = addressRange(net);
    return { first, last, net };
  });
  ranges.sort((a, b) => bytesCompare(a.last, b.last) || bytesCompare(a.first, b.first));
  for (let i = ranges.length - 1; i > 0; i--) {
    const cur = ranges[i];
    const prev = ranges[i - 1];
    if (bytesCompare(previousIP(cur.first), prev.last) <= 0) {
      const first = bytesCompare(prev.first, cur.first) < 0 ? prev.first : cur.first;
      ranges[i - 1] = { first: [...first], last: [...cur.last] };
      ranges.splice(i, 1);
    }
  }
  const out = [];
  for (const r of ranges) {
    for (const n of r.net ? [r.net] : rangeToCIDRs(r.first, r.last)) {
      const text2 = regoString(ipNetString(n));
      if (!setContains(out, text2)) out.push(text2);
    }
  }
  return { t: "set", v: out };
}
function goJsonToRego(v) {
  if (v === null) return { t: "null" };
  if (typeof v === "boolean") return regoBool(v);
  if (typeof v === "string") return regoString(v);
  if (Array.isArray(v)) return regoArray(v.map(goJsonToRego));
  if (v instanceof Map) return { t: "object", v: [...v].map(([k, x]) => [regoString(k), goJsonToRego(x)]) };
  return regoNumber(v.number);
}
function yamlUnmarshal(text2) {
  try {
    return goJsonToRego(goYamlToJson(goYamlDecode(text2)));
  } catch (e) {
    if (e instanceof GoYamlError) fail3(e.message);
    throw e;
  }
}
function jsonForYaml(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return { number: v.v };
    case "array":
      return v.v.map(jsonForYaml);
    case "set":
      return [...v.v].sort(compareRegoValues).map(jsonForYaml);
    case "object": {
      const out = /* @__PURE__ */ new Map();
      for (const [k, x] of [...v.v].sort(([a], [b]) => compareRegoValues(a, b))) out.set(k.t === "string" ? k.v : goJsonMarshal(k), jsonForYaml(x));
      return out;
    }
  }
}
function templateValue(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return { num: v.v };
    case "array":
      return v.v.map(templateValue);
    case "set":
      return fail3("template variables cannot hold a set");
    case "object":
      return templateObject(v.v);
  }
}
function templateObject(pairs) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, x] of [...pairs].sort(([a], [b]) => compareRegoValues(a, b))) {
    if (k.t !== "string") fail3("template variables can only have string keys");
    out.set(k.v, templateValue(x));
  }
  return out;
}
function renderTemplate(t, vars) {
  const src = str(t, 1);
  if (!vars || vars.t !== "object") fail3("operand 2 must be object");
  try {
    return regoString(goRenderTemplate(src, templateObject(vars.v)).replaceAll("<no value>", "<undefined>"));
  } catch (e) {
    if (e instanceof GoTemplateError) fail3(e.message);
    throw e;
  }
}
function wrap(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof BuiltinError) return void 0;
      throw e;
    }
  };
}
function goCall(E, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof E) fail3(e.message);
    throw e;
  }
}
function jwtCall(fn) {
  return goCall(JwtError, fn);
}
function jwtBuiltins(clock) {
  const out = {
    "io.jwt.decode": (t) => jwtCall(() => jwtDecode(t)),
    "io.jwt.decode_verify": (t, c) => jwtCall(() => jwtDecodeVerify(t, c, clock())),
    "io.jwt.encode_sign": (h, p, k) => jwtCall(() => jwtEncodeSignRaw(goJsonMarshal(h ?? fail3("operand 1 is undefined")), goJsonMarshal(p ?? fail3("operand 2 is undefined")), goJsonMarshal(k ?? fail3("operand 3 is undefined")))),
    "io.jwt.encode_sign_raw": (h, p, k) => {
      const jwk = str(k, 3);
      return jwtCall(() => jwtEncodeSignRaw(str(h, 1), str(p, 2), jwk));
    },
    "io.jwt.verify_hs256": (t, s) => jwtCall(() => jwtVerifyHS("sha256", t, s)),
    "io.jwt.verify_hs384": (t, s) => jwtCall(() => jwtVerifyHS("sha384", t, s)),
    "io.jwt.verify_hs512": (t, s) => jwtCall(() => jwtVerifyHS("sha512", t, s))
  };
  for (const [alg, verifier] of Object.entries(JWT_VERIFIERS)) {
    out[`io.jwt.verify_${alg}`] = (t, k) => jwtCall(() => jwtVerifyAsym(verifier, t, k));
  }
  return out;
}
function nowNs() {
  const ms = BigInt(Date.now());
  const sub2 = BigInt(Math.floor(performance.now() % 1 * 1e6));
  return ms * 1000000n + sub2;
}
var evaluationNs;
function beginEvaluation() {
  evaluationNs = void 0;
}
function evaluationClock() {
  return evaluationNs ??= nowNs();
}
function createHostBuiltins(clock = evaluationClock) {
  const table = {
    sprintf: (f, a) => {
      const format = str(f, 1);
      if (!a || a.t !== "array") fail3("operand 2 must be array");
      return regoString(regoSprintf(format, a.v));
    },
    "strings.any_prefix_match": (a, b) => anyAffixMatch(a, b, false),
    "strings.any_suffix_match": (a, b) => anyAffixMatch(a, b, true),
    "strings.count": (s, sub2) => regoNumber(stringsCount(str(s, 1), str(sub2, 2))),
    indexof_n: (s, sub2) => indexOfN(str(s, 1), str(sub2, 2)),
    "units.parse": (s) => unitsParse(str(s, 1)),
    "units.parse_bytes": (s) => unitsParseBytes(str(s, 1)),
    "semver.is_valid": (v) => regoBool(v?.t === "string" && parseSemVer(v.v) !== void 0),
    "semver.compare": (a, b) => {
      const x = parseSemVer(str(a, 1));
      const y = parseSemVer(str(b, 2));
      if (!x) fail3(`operand 1: string ${str(a, 1)} is not a valid SemVer`);
      if (!y) fail3(`operand 2: string ${str(b, 2)} is not a valid SemVer`);
      return regoNumber(compareSemVer(x, y));
    },
    "time.now_ns": () => regoNumber(clock()),
    "time.parse_rfc3339_ns": (v) => timeParse2("RFC3339", str(v, 1)),
    "time.parse_ns": (l, v) => timeParse2(str(l, 1), str(v, 2)),
    "time.parse_duration_ns": (v) => regoNumber(parseExtendedDuration(str(v, 1))),
    "time.date": (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.year, c.month, c.day].map(regoNumber));
    },
    "time.clock": (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.hour, c.minute, c.second].map(regoNumber));
    },
    "time.weekday": (t) => {
      const { ns, zone } = tzTime(t);
      return regoString(WEEKDAYS[civilAt(ns, zone).weekday]);
    },
    "time.add_date": addDate,
    "time.format": timeFormat,
    "time.diff": timeDiff,
    "regex.replace": (s, p, v) => {
      const text2 = str(s, 1);
      return regoString(goRegexp(str(p, 2)).replaceAllString(text2, str(v, 3)));
    },
    "regex.split": (p, s) => regoArray(goRegexp(str(p, 1)).split(str(s, 2), -1).map(regoString)),
    "regex.find_n": (p, s, n) => {
      const re = goRegexp(str(p, 1));
      const text2 = str(s, 2);
      const limit = intOperand(n, 3);
      return regoArray(re.findAllString(text2, limit < 0 ? -1 : limit).map(regoString));
    },
    "object.subset": builtinObjectSubset,
    "base64.decode": (v) => {
      const bytes = goBase64Std(str(v, 1));
      if (!bytes) fail3("illegal base64 data");
      return regoString(bytes.toString("utf8"));
    },
    "base64.is_valid": (v) => regoBool(goBase64Std(str(v, 1)) !== void 0),
    "json.is_valid": (v) => regoBool(v?.t === "string" && goJsonValid(v.v)),
    replace: (s, o, r) => regoString(goReplaceAll(str(s, 1), str(o, 2), str(r, 3))),
    format_int: formatInt,
    "net.cidr_contains": cidrContains,
    "hex.encode": (v) => regoString(Buffer.from(str(v, 1), "utf8").toString("hex")),
    "hex.decode": (v) => {
      const t = str(v, 1);
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(t)) fail3("hex.decode: invalid hex string");
      return regoString(Buffer.from(t, "hex").toString("utf8"));
    },
    "base64url.encode_no_pad": (v) => regoString(Buffer.from(str(v, 1), "utf8").toString("base64url")),
    "crypto.md5": (v) => regoString(createHash("md5").update(str(v, 1), "utf8").digest("hex")),
    "crypto.sha1": (v) => regoString(createHash("sha1").update(str(v, 1), "utf8").digest("hex")),
    "crypto.sha256": (v) => regoString(createHash("sha256").update(str(v, 1), "utf8").digest("hex")),
    "crypto.hmac.md5": (x, k) => regoString(createHmac2("md5", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha1": (x, k) => regoString(createHmac2("sha1", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha256": (x, k) => regoString(createHmac2("sha256", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha512": (x, k) => regoString(createHmac2("sha512", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "urlquery.encode": (v) => regoString(goQueryEscape(str(v, 1))),
    "urlquery.decode": (v) => regoString(goQueryUnescape(str(v, 1))),
    "crypto.hmac.equal": (a, b) => regoBool(str(a, 1) === str(b, 2)),
    "json.unmarshal": (v) => {
      const text2 = str(v, 1);
      if (!goJsonValid(text2)) fail3("json.unmarshal: invalid JSON");
      return parseRegoValue(goJsonSurrogates(text2.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")));
    },
    "numbers.range_step": rangeStep,
    "numbers.range": (a, b) => rangeStep(a, b, regoNumber(1)),
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
    "net.cidr_is_valid": (v) => regoBool(v?.t === "string" && goParseCIDR(v.v) !== void 0),
    "net.cidr_expand": cidrExpand,
    "glob.quote_meta": (v) => regoString(globQuoteMeta(str(v, 1))),
    max: (v) => aggregateExtreme(v, 1),
    min: (v) => aggregateExtreme(v, -1),
    to_number: toNumber,
    "json.marshal": (v) => regoString(goJsonMarshal(v ?? fail3("operand 1 is undefined"))),
    "json.patch": jsonPatch,
    "regex.template_match": regexTemplateMatch,
    "uuid.parse": uuidParse,
    "urlquery.encode_object": urlqueryEncodeObject,
    "urlquery.decode_object": urlqueryDecodeObject,
    "net.cidr_contains_matches": cidrContainsMatches,
    "net.cidr_merge": cidrMerge,
    "yaml.unmarshal": (v) => yamlUnmarshal(str(v, 1)),
    "yaml.marshal": (v) => regoString(goYamlMarshal(jsonForYaml(v ?? fail3("operand 1 is undefined")))),
    "strings.render_template": renderTemplate,
    "graph.reachable_paths": (g, i) => reachablePaths(g ?? fail3("operand 1 is undefined"), i ?? fail3("operand 2 is undefined")) ?? fail3("operand must be object and array/set"),
    "json.marshal_with_options": (v, o) => {
      const opts = marshalOptions(o ?? fail3("operand 2 is undefined")) ?? fail3("operand 2: invalid options");
      const compact = goJsonMarshal(v ?? fail3("operand 1 is undefined"));
      return regoString(opts.pretty ? opts.prefix + goJsonIndent(compact, opts.prefix, opts.indent) : compact);
    },
    "uri.parse": (v) => uriParse(str(v, 1)) ?? fail3("uri.parse: invalid URI"),
    "uri.is_valid": (v) => regoBool(uriIsValid(v ?? fail3("operand 1 is undefined"))),
    "regex.globs_match": (a, b) => {
      try {
        return regoBool(globsIntersect(str(a, 1), str(b, 2)));
      } catch (e) {
        if (e instanceof GlobSyntaxError) fail3(e.message);
        throw e;
      }
    },
    // Arity is checked when the policy compiles; a call without operands is undefined, never a crash.
    "json.verify_schema": (sc) => jsonSchemaVerify(sc ?? fail3("operand 1 must be one of {object, string}")),
    "json.match_schema": (d, sc) => {
      try {
        return jsonSchemaMatch(d ?? fail3("operand 1 must be one of {object, string}"), sc ?? fail3("operand 2 must be one of {object, string}"));
      } catch (e) {
        if (e instanceof JsonSchemaError) fail3(e.message);
        throw e;
      }
    },
    "yaml.is_valid": (v) => {
      if (v?.t !== "string") return regoBool(false);
      try {
        yamlUnmarshal(v.v);
        return regoBool(true);
      } catch (e) {
        if (e instanceof BuiltinError) return regoBool(false);
        throw e;
      }
    }
  };
  Object.assign(table, jwtBuiltins(clock));
  for (const [name, fn] of Object.entries(x509Builtins(clock))) table[name] = (...args) => goCall(X509Error, () => fn(...args));
  const out = {};
  for (const [name, fn] of Object.entries(table)) out[name] = wrap(fn);
  return Object.freeze(out);
}
var hostBuiltins = createHostBuiltins();

// src/opa/wasm.ts
var WASM_PAGE_BYTES = 64 * 1024;
var PolicyError = class extends Error {
};
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var WasmPolicy = class {
  entrypoints;
  exports;
  memory;
  dataAddr;
  dataHeapPtr;
  baseHeapPtr;
  /** View of the memory for compareNumbers, renewed when the memory grows. */
  view;
  bytes;
  constructor(module, options) {
    this.memory = new WebAssembly.Memory({ initial: 5, maximum: Math.max(5, options.maxMemoryPages) });
    let builtinNames = {};
    const call = (id, args) => {
      const name = builtinNames[id] ?? `#${id}`;
      const impl = options.builtins[name];
      if (!impl) throw new PolicyError(`builtin ${name} is not available in preadmit's evaluator`);
      let result;
      try {
        result = impl(...args.map((a) => parseRegoValue(this.readFreeString(this.exports.opa_value_dump(a)))));
      } catch (e) {
        if (e instanceof BuiltinError) return 0;
        if (e instanceof PolicyError) throw e;
        throw new PolicyError(`builtin ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (result === void 0) return 0;
      return this.writeValue(formatRegoValue(result));
    };
    const imports = () => ({
      env: {
        memory: this.memory,
        opa_abort: (addr) => {
          throw new PolicyError(this.readString(addr));
        },
        opa_println: () => {
        },
        opa_builtin0: (id) => call(id, []),
        opa_builtin1: (id, _ctx, a) => call(id, [a]),
        opa_builtin2: (id, _ctx, a, b) => id === NUMBER_COMPARE_ID ? this.compareNumbers(a, b) : call(id, [a, b]),
        opa_builtin3: (id, _ctx, a, b, c) => call(id, [a, b, c]),
        opa_builtin4: (id, _ctx, a, b, c, d) => call(id, [a, b, c, d])
      }
    });
    let instance2;
    for (let pages = 5; ; ) {
      try {
        instance2 = new WebAssembly.Instance(module, imports());
        break;
      } catch (e) {
        if (!(e instanceof WebAssembly.LinkError) || pages >= options.maxMemoryPages) throw e;
        pages = Math.min(options.maxMemoryPages, pages * 2);
        this.memory = new WebAssembly.Memory({ initial: pages, maximum: Math.max(pages, options.maxMemoryPages) });
      }
    }
    this.view = new DataView(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.exports = instance2.exports;
    const major = globalNumber(this.exports.opa_wasm_abi_version);
    const minor = globalNumber(this.exports.opa_wasm_abi_minor_version);
    if (major !== 1 || minor === void 0 || minor < 2) {
      throw new PolicyError(`unsupported OPA wasm ABI ${major ?? "?"}.${minor ?? "?"} (need 1.2 or later)`);
    }
    const needed = this.readJson(this.exports.builtins());
    builtinNames = Object.fromEntries(Object.entries(needed).map(([name, id]) => [id, name]));
    ROUTED_BUILTINS.forEach((b, i) => {
      builtinNames[ROUTED_BUILTIN_ID_BASE + i] = b.name;
    });
    const missing = Object.keys(needed).filter((n) => !options.builtins[n]);
    if (missing.length > 0) throw new PolicyError(`policy needs builtins preadmit does not provide: ${missing.join(", ")}`);
    this.entrypoints = this.readJson(this.exports.entrypoints());
    this.dataAddr = this.writeJson("{}");
    this.baseHeapPtr = this.exports.opa_heap_ptr_get();
    this.dataHeapPtr = this.baseHeapPtr;
  }
  /** Replaces `data` (e.g. `{"inventory": ...}`), given as JSON text. */
  setData(json) {
    this.exports.opa_heap_ptr_set(this.baseHeapPtr);
    this.dataAddr = this.writeJson(json);
    this.dataHeapPtr = this.exports.opa_heap_ptr_get();
  }
  /**
   * Evaluates one entrypoint on `input` (JSON text) and returns the result set as Rego value text, which
   * keeps what JSON would lose: sets, and numbers exactly as the policy holds them (`1e+06`).
   */
  evaluate(entrypoint, inputJson) {
    const text2 = goJsonSurrogates(inputJson);
    const length = Buffer.byteLength(text2, "utf8");
    const inputAddr = this.dataHeapPtr;
    this.ensureMemory(inputAddr + length);
    encoder.encodeInto(text2, new Uint8Array(this.memory.buffer, inputAddr, length));
    beginEvaluation();
    const resultAddr = this.exports.opa_eval(0, entrypoint, this.dataAddr, inputAddr, length, inputAddr + length, 1);
    return this.readString(resultAddr);
  }
  /** Bytes of linear memory currently in use (for memory reporting). */
  get memoryBytes() {
    return this.memory.buffer.byteLength;
  }
  ensureMemory(end) {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = Math.ceil((end - have) / WASM_PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch {
      throw new PolicyError(`policy memory limit exceeded (${Math.round(have / 1048576)} MiB in use, input needs more)`);
    }
  }
  writeBytes(bytes) {
    const addr = this.exports.opa_malloc(bytes.byteLength);
    new Uint8Array(this.memory.buffer).set(bytes, addr);
    return addr;
  }
  writeJson(json) {
    const bytes = encoder.encode(goJsonSurrogates(json));
    const addr = this.exports.opa_json_parse(this.writeBytes(bytes), bytes.byteLength);
    if (addr === 0) throw new PolicyError("failed to load JSON into the policy");
    return addr;
  }
  writeValue(regoText) {
    const bytes = encoder.encode(regoText);
    const text2 = this.writeBytes(bytes);
    const addr = this.exports.opa_value_parse(text2, bytes.byteLength);
    this.exports.opa_free(text2);
    if (addr === 0) throw new PolicyError("failed to load a builtin result into the policy");
    return addr;
  }
  /**
   * Topdown's order of two opa_number_t (sorted-module.ts routes the runtime's number comparison here):
   * each is read from memory as its text (repr 1: the int64 at offset 8; repr 2: pointer and length at
   * offsets 8 and 12).
   */
  compareNumbers(a, b) {
    if (this.view.buffer !== this.memory.buffer) {
      this.view = new DataView(this.memory.buffer);
      this.bytes = new Uint8Array(this.memory.buffer);
    }
    const x = this.plainNumber(a);
    const y = this.plainNumber(b);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x === y) return 0;
    return numberCompare(this.numberText(a), this.numberText(b));
  }
  /** The value of a number that numberCompare orders as its float64 (see plainDecimal), else NaN. */
  plainNumber(addr) {
    const view = this.view;
    if (this.bytes[addr + 1] === 1) {
      const hi = view.getInt32(addr + 12, true);
      if (hi < -2097152 || hi >= 2097152) return NaN;
      const v = hi * 4294967296 + view.getUint32(addr + 8, true);
      return Math.abs(v) < 1e15 ? v : NaN;
    }
    if (this.bytes[addr + 1] !== 2) return NaN;
    const s = view.getUint32(addr + 8, true);
    return plainDecimal(this.byteAt, s, s + view.getUint32(addr + 12, true));
  }
  byteAt = (i) => this.bytes[i];
  numberText(addr) {
    switch (this.bytes[addr + 1]) {
      case 1:
        return this.view.getBigInt64(addr + 8, true).toString();
      case 2: {
        const s = this.view.getUint32(addr + 8, true);
        const end = s + this.view.getUint32(addr + 12, true);
        let text2 = "";
        for (let i = s; i < end; i++) text2 += String.fromCharCode(this.bytes[i]);
        return text2;
      }
      default:
        throw new PolicyError(`number at ${addr} has an unknown representation`);
    }
  }
  /** A string the runtime allocated for the host (a dump), read and then freed. */
  readFreeString(addr) {
    const text2 = this.readString(addr);
    this.exports.opa_free(addr);
    return text2;
  }
  readString(addr) {
    const mem = new Uint8Array(this.memory.buffer);
    let end = addr;
    while (end < mem.length && mem[end] !== 0) end++;
    return decoder.decode(mem.subarray(addr, end));
  }
  readJson(addr) {
    return JSON.parse(this.readString(this.exports.opa_json_dump(addr)));
  }
};
function globalNumber(g) {
  if (g === void 0) return void 0;
  return typeof g === "number" ? g : Number(g.value);
}

// src/cel/budget.ts
var BudgetExceeded = class extends Error {
};
var current;
function withBudget(cost, deadlineMs, fn) {
  const outer = current;
  const budget = { left: cost, deadline: Date.now() + deadlineMs, exhausted: false };
  current = budget;
  try {
    const value = fn();
    return budget.exhausted ? { exhausted: true } : { value, exhausted: false };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { exhausted: true };
    throw e;
  } finally {
    current = outer;
  }
}
function chargeCost(units) {
  const budget = current;
  if (budget === void 0) return;
  budget.left -= units;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded("out of cost budget");
  }
}
function remainingMs() {
  return current === void 0 ? Infinity : current.deadline - Date.now();
}
function deadlinePassed() {
  if (current !== void 0) current.exhausted = true;
  throw new BudgetExceeded("deadline exceeded");
}
function charge(budget, result) {
  if (typeof result === "string" && result.length > 16) budget.left -= result.length >> 4;
  else if (Array.isArray(result) && result.length > 4) budget.left -= result.length >> 2;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded("out of cost budget");
  }
}
function meter(env) {
  let evaluator;
  env.registerFunction("preadmit_evaluator(): bool", function() {
    evaluator = this;
    return true;
  });
  env.evaluate("preadmit_evaluator()", {});
  if (!evaluator || typeof evaluator.run !== "function") throw new Error("CEL evaluator cannot be metered");
  const run = evaluator.run;
  evaluator.run = function metered(ast, ctx2) {
    const budget = current;
    if (budget !== void 0) {
      if (budget.exhausted || --budget.left < 0 || (budget.left & 1023) === 0 && Date.now() > budget.deadline) {
        budget.exhausted = true;
        throw new BudgetExceeded("out of cost budget");
      }
      const result = run.call(this, ast, ctx2);
      charge(budget, result);
      return result;
    }
    return run.call(this, ast, ctx2);
  };
}

// src/cel/env.ts
import { Environment } from "@marcbachmann/cel-js";

// src/cel/lib/equality.ts
function celEquals(a, b) {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return compareNumbers(a, b) === 0;
  }
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  const ma = mapEntries(a);
  const mb = mapEntries(b);
  if (ma !== void 0 && mb !== void 0) {
    if (ma.length !== mb.length) return false;
    const other = new Map(mb.map(([k, v]) => [mapKey(k), v]));
    return ma.every(([k, v]) => other.has(mapKey(k)) && celEquals(v, other.get(mapKey(k))));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}
function mapEntries(v) {
  if (v instanceof Map) return [...v.entries()];
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v);
  return void 0;
}
function mapKey(k) {
  return typeof k === "bigint" || typeof k === "number" ? `n:${String(k)}` : typeof k === "string" && /^-?\d+$/.test(k) ? `n:${k}` : `${typeof k}:${String(k)}`;
}
function compareNumbers(a, b) {
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/cel/comprehensions.ts
var QUANTIFIERS = { all: "all", exists: "exists", existsOne: "exists_one" };
var TWO_VARIABLE_ONLY = /* @__PURE__ */ new Set(["existsOne", "transformList", "transformMap", "transformMapEntry", "sortBy"]);
var PAIRS_TO_MAP = "preadmit_pairsToMap";
var SORT_BY_KEYS = "preadmit_sortByKeys";
var MERGE_ENTRIES = "preadmit_mergeEntries";
function template(name, receiver, i, v, bodies) {
  const r = `(${receiver})`;
  if (name === "sortBy") return `${SORT_BY_KEYS}(${r}, ${r}.map(${i}, (${v})))`;
  const keys = `(type(${r}) == map ? dyn(${r}) : dyn(lists.range(size(${r}))))`;
  const bound = (b) => `cel.bind(${v}, ${r}[${i}], (${b}))`;
  if (name in QUANTIFIERS && bodies.length === 1) return `${keys}.${QUANTIFIERS[name]}(${i}, ${bound(bodies[0])})`;
  if (name === "transformList" && bodies.length === 1) return `${keys}.map(${i}, ${bound(bodies[0])})`;
  if (name === "transformList" && bodies.length === 2) return `${keys}.map(${i}, ${bound(bodies[0])}, ${bound(bodies[1])})`;
  const filtered = bodies.length === 2 ? `${keys}.filter(${i}, ${bound(bodies[0])})` : bodies.length === 1 ? keys : void 0;
  const last = bodies[bodies.length - 1];
  if (filtered === void 0) return void 0;
  if (name === "transformMap") return `${PAIRS_TO_MAP}(${filtered}.map(${i}, dyn([${i}, dyn(${bound(last)})])))`;
  if (name === "transformMapEntry") return `${MERGE_ENTRIES}(${filtered}.map(${i}, ${bound(last)}))`;
  return void 0;
}
function isNode(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string" && "args" in v;
}
function findCall(ast) {
  const seen = /* @__PURE__ */ new Set();
  let found;
  const visit2 = (v) => {
    if (found || typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x);
      return;
    }
    if (!isNode(v)) {
      for (const x of Object.values(v)) visit2(x);
      return;
    }
    visit2(v.args);
    if (found) return;
    const args = v.args;
    if (v.op === "rcall" && Array.isArray(args) && Array.isArray(args[2])) {
      const [name, , callArgs] = args;
      const [iv, vv] = callArgs;
      if ((name in QUANTIFIERS || TWO_VARIABLE_ONLY.has(name)) && callArgs.length >= 3 && iv?.op === "id" && vv?.op === "id") found = v;
      if (name === "sortBy" && callArgs.length === 2 && iv?.op === "id") found = v;
    }
  };
  visit2(ast);
  return found;
}
function rewriteTwoVarComprehensions(env, expression) {
  let text2 = expression;
  for (let round = 0; round < 50; round++) {
    let ast;
    try {
      ast = env.parse(text2).ast;
    } catch {
      return text2;
    }
    const call = findCall(ast);
    if (!call) return text2;
    const [name, receiver, callArgs] = call.args;
    if (name === "sortBy") {
      const [iv2] = callArgs;
      const dotAt = text2.indexOf(`.${name}`, receiver.end);
      const closes = (text2.slice(receiver.end, dotAt).match(/\)/g) ?? []).length;
      let from = receiver.start;
      for (let k = 0; k < closes; k++) from = text2.lastIndexOf("(", from - 1);
      const keyText = text2.slice(text2.indexOf(",", iv2.end) + 1, text2.lastIndexOf(")", call.end - 1));
      const replacement2 = template(name, text2.slice(from, dotAt), iv2.args, keyText, []);
      if (replacement2 === void 0 || from < 0) return text2;
      text2 = `${text2.slice(0, from)}(${replacement2})${text2.slice(call.end)}`;
      continue;
    }
    const [iv, vv, ...bodies] = callArgs;
    const dot = text2.indexOf(`.${name}`, receiver.end);
    const closing = (text2.slice(receiver.end, dot).match(/\)/g) ?? []).length;
    let start = receiver.start;
    for (let k = 0; k < closing; k++) start = text2.lastIndexOf("(", start - 1);
    const cuts = bodies.map((b, k) => k === 0 ? text2.indexOf(",", vv.end) : text2.lastIndexOf(",", b.start));
    const close = text2.lastIndexOf(")", call.end - 1);
    const bodyTexts = bodies.map((_, k) => text2.slice(cuts[k] + 1, k + 1 < bodies.length ? cuts[k + 1] : close));
    const replacement = template(name, text2.slice(start, dot), iv.args, vv.args, bodyTexts);
    if (replacement === void 0 || start < 0) return text2;
    text2 = `${text2.slice(0, start)}(${replacement})${text2.slice(call.end)}`;
  }
  return text2;
}

// src/cel/lib/lists.ts
function compare(a, b) {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return compareNumbers(a, b);
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  throw libError("no such overload");
}
function sum(list) {
  if (list.length === 0) return 0n;
  let acc = list[0];
  for (const x of list.slice(1)) {
    if (typeof acc === "bigint" && typeof x === "bigint") acc = acc + x;
    else if (typeof acc === "number" && typeof x === "number") acc = acc + x;
    else throw libError("no such overload");
  }
  return acc;
}
function extreme(list, sign, name) {
  if (list.length === 0) throw libError(`${name} called on empty list`);
  let best = list[0];
  for (const x of list.slice(1)) if (compare(x, best) * sign > 0) best = x;
  return best;
}
function registerLists(env, rename) {
  env.registerFunction("list.isSorted(): bool", (l) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
  env.registerFunction("list.sum(): dyn", (l) => sum(l));
  env.registerFunction("list.min(): dyn", (l) => extreme(l, -1, "min"));
  env.registerFunction("list.max(): dyn", (l) => extreme(l, 1, "max"));
  for (const name of ["indexOf", rename("indexOf")]) env.registerFunction(`list.${name}(dyn): int`, (l, v) => BigInt(l.findIndex((x) => celEquals(x, v))));
  for (const name of ["lastIndexOf", rename("lastIndexOf")]) env.registerFunction(`list.${name}(dyn): int`, (l, v) => {
    for (let i = l.length - 1; i >= 0; i--) if (celEquals(l[i], v)) return BigInt(i);
    return -1n;
  });
  env.registerFunction("list.slice(int, int): list", (l, start, end) => {
    if (start < 0n || end < 0n) throw libError(`cannot slice(${start}, ${end}), negative indexes not supported`);
    if (start > end) throw libError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
    if (end > BigInt(l.length)) throw libError(`cannot slice(${start}, ${end}), list is length ${l.length}`);
    return l.slice(Number(start), Number(end));
  });
  const flatten = (l, depth) => l.flatMap((x) => Array.isArray(x) && depth > 0n ? flatten(x, depth - 1n) : [x]);
  env.registerFunction("list.flatten(): list", (l) => flatten(l, 1n));
  env.registerFunction("list.flatten(int): list", (l, depth) => {
    if (depth < 0n) throw libError("level must be non-negative");
    return flatten(l, depth);
  });
  env.registerFunction("list.distinct(): list", (l) => l.filter((x, i) => l.findIndex((y) => celEquals(x, y)) === i));
  env.registerFunction("list.reverse(): list", (l) => [...l].reverse());
  env.registerFunction("list.sort(): list", (l) => [...l].sort(compare));
  const none = env.evaluate("optional.none()");
  env.registerFunction("list.first(): optional<dyn>", (l) => l.length === 0 ? none : none.constructor.of(l[0]));
  env.registerFunction("list.last(): optional<dyn>", (l) => l.length === 0 ? none : none.constructor.of(l[l.length - 1]));
  env.registerFunction(
    `${SORT_BY_KEYS}(list, list): list`,
    (l, keys) => l.map((x, i) => [x, keys[i]]).sort((a, b) => compare(a[1], b[1])).map(([x]) => x)
  );
  class ListsNamespace {
  }
  env.registerType("ListsNamespace", ListsNamespace);
  env.registerConstant("lists", "ListsNamespace", new ListsNamespace());
  env.registerFunction("ListsNamespace.range(int): list<int>", (_ns, n) => {
    chargeCost(Number(n < 0n ? 0n : n > 10000000n ? 10000000n : n) >> 2);
    return Array.from({ length: Math.max(0, Number(n)) }, (_, i) => BigInt(i));
  });
  class SetsNamespace {
  }
  env.registerType("SetsNamespace", SetsNamespace);
  env.registerConstant("sets", "SetsNamespace", new SetsNamespace());
  const contains2 = (a, b) => b.every((y) => a.some((x) => celEquals(x, y)));
  env.registerFunction("SetsNamespace.contains(list, list): bool", (_ns, a, b) => contains2(a, b));
  env.registerFunction("SetsNamespace.equivalent(list, list): bool", (_ns, a, b) => contains2(a, b) && contains2(b, a));
  env.registerFunction("SetsNamespace.intersects(list, list): bool", (_ns, a, b) => b.some((y) => a.some((x) => celEquals(x, y))));
}

// src/cel/lib/regex.ts
var REGEX_OVERRIDES = ["matches"];
function compile(pattern) {
  const r = compileGoRegexp(pattern);
  if ("error" in r) throw libError(r.error);
  return r;
}
function matches(s, pattern) {
  chargeCost(s.length >> 4);
  const left = remainingMs();
  if (left <= 0) deadlinePassed();
  const limit = Math.min(MATCH_TIME_LIMIT_MS, left);
  const hit = testWithin(compile(pattern).regexp, s, Math.max(1, Math.floor(limit)));
  if (hit === "timeout") {
    if (limit < MATCH_TIME_LIMIT_MS) deadlinePassed();
    throw libError(`regular expression ${JSON.stringify(pattern)} took too long to match`);
  }
  return hit;
}
function limitOf(n) {
  return n < 0n ? -1 : Number(n);
}
function registerRegex(env, rename) {
  env.registerFunction(`string.${rename("matches")}(string): bool`, (s, p) => matches(s, p));
  env.registerFunction(`${rename("matches")}(string, string): bool`, (s, p) => matches(s, p));
  env.registerFunction("string.find(string): string", (s, p) => {
    const r = compile(p);
    if (!matches(s, p)) return "";
    return r.findAllString(s, 1)[0] ?? "";
  });
  const findAll = (s, p, n) => {
    const r = compile(p);
    if (n === 0n || !matches(s, p)) return [];
    return r.findAllString(s, limitOf(n));
  };
  env.registerFunction("string.findAll(string): list<string>", (s, p) => findAll(s, p, -1n));
  env.registerFunction("string.findAll(string, int): list<string>", findAll);
}

// src/cel/values.ts
function toCel(value, numbers = "int") {
  if (value === void 0 || value === null) return null;
  if (typeof value === "number") {
    return numbers === "int" && Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => toCel(v, numbers));
  const m = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(value)) m.set(k, toCel(v, numbers));
  return m;
}
function celTypeName(v) {
  if (v === null || v === void 0) return "null_type";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "double";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Uint8Array) return "bytes";
  if (Array.isArray(v)) return "list";
  if (v instanceof Map || Object.getPrototypeOf(v) === Object.prototype) return "map";
  return "dyn";
}

// src/cel/lib/strings.ts
var STRINGS_OVERRIDES = ["lowerAscii", "upperAscii", "trim", "substring", "indexOf", "lastIndexOf", "join"];
function join(list, separator) {
  let size = 0;
  for (const x of list) {
    if (typeof x !== "string") throw libError("no such overload");
    size += x.length + separator.length;
  }
  chargeCost(size >> 4);
  return list.join(separator);
}
function outOfRange(i) {
  return libError(`index out of range: ${i}`);
}
function substring(s, start, end) {
  const runes = [...s];
  const n = BigInt(runes.length);
  if (start < 0n || start > n) throw outOfRange(start);
  if (end === void 0) return runes.slice(Number(start)).join("");
  if (end < 0n || end > n) throw outOfRange(end);
  if (start > end) throw libError(`invalid substring range. start: ${start}, end: ${end}`);
  return runes.slice(Number(start), Number(end)).join("");
}
function indexOf(s, sub2, offset, last) {
  const runes = [...s];
  const subRunes = [...sub2];
  const n = BigInt(runes.length);
  if (offset < 0n || offset > n) throw outOfRange(offset);
  const at2 = (i) => subRunes.every((r, j) => runes[i + j] === r);
  if (last) {
    for (let i = Math.min(Number(offset), runes.length - subRunes.length); i >= 0; i--) if (at2(i)) return BigInt(i);
    return -1n;
  }
  for (let i = Number(offset); i + subRunes.length <= runes.length; i++) if (at2(i)) return BigInt(i);
  return -1n;
}
var GO_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g;
function replaceN(s, from, to, n) {
  if (n === 0n) return s;
  const occurrences = from === "" ? [...s].length + 1 : s.split(from).length - 1;
  const count = n < 0n ? occurrences : Math.min(occurrences, Number(n));
  chargeCost(Math.max(0, s.length + count * (to.length - from.length)) >> 4);
  if (n < 0n) return from === "" ? goReplaceEmpty(s, to, -1) : s.split(from).join(to);
  if (from === "") return goReplaceEmpty(s, to, Number(n));
  let out = "";
  let rest = s;
  let left = n;
  while (left > 0n) {
    const i = rest.indexOf(from);
    if (i < 0) break;
    out += rest.slice(0, i) + to;
    rest = rest.slice(i + from.length);
    left--;
  }
  return out + rest;
}
function goReplaceEmpty(s, to, n) {
  const runes = [...s];
  let out = "";
  let done = 0;
  for (let i = 0; i <= runes.length; i++) {
    if (n < 0 || done < n) {
      out += to;
      done++;
    }
    if (i < runes.length) out += runes[i];
  }
  return out;
}
function quote(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else out += ch;
  }
  return `${out}"`;
}
function celFormat(format, args) {
  let out = "";
  let argIndex = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%") {
      out += ch;
      continue;
    }
    i++;
    if (format[i] === "%") {
      out += "%";
      continue;
    }
    let precision;
    if (format[i] === ".") {
      let digits = "";
      while (/[0-9]/.test(format[i + 1] ?? "")) digits += format[++i];
      i++;
      precision = Number(digits);
    }
    const verb = format[i];
    if (verb === void 0) throw libError("could not parse formatting clause: unexpected end of string");
    if (argIndex >= args.length) throw libError(`index ${argIndex} out of range`);
    const arg = args[argIndex++];
    out += formatArg(verb, arg, precision);
  }
  return out;
}
function formatArg(verb, arg, precision) {
  switch (verb) {
    case "s":
      return formatString(arg);
    case "d":
      if (typeof arg === "bigint") return arg.toString();
      if (typeof arg === "number" && Number.isFinite(arg)) throw libError("decimal clause can only be used on integers, was given double");
      throw libError(`decimal clause can only be used on integers, was given ${celTypeName(arg)}`);
    case "f":
    case "e": {
      const n = typeof arg === "bigint" || typeof arg === "number" ? Number(arg) : typeof arg === "string" ? Number(arg) : NaN;
      if (typeof arg !== "bigint" && typeof arg !== "number" && typeof arg !== "string") {
        throw libError(`${verb === "f" ? "fixed-point" : "scientific"} clause can only be used on doubles, was given ${celTypeName(arg)}`);
      }
      if (Number.isNaN(n)) return "NaN";
      if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
      const p = precision ?? 6;
      if (verb === "f") return fixed(n, p);
      const [m, e] = n.toExponential(p).split("e");
      const exp = Number(e);
      return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    }
    case "x":
    case "X": {
      let s;
      if (typeof arg === "bigint") s = (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(16);
      else if (typeof arg === "string") s = Buffer.from(arg, "utf8").toString("hex");
      else if (arg instanceof Uint8Array) s = Buffer.from(arg).toString("hex");
      else throw libError(`only integers, byte buffers, and strings can be formatted as hex, was given ${celTypeName(arg)}`);
      return verb === "X" ? s.toUpperCase() : s;
    }
    case "o":
      if (typeof arg !== "bigint") throw libError(`octal clause can only be used on integers, was given ${celTypeName(arg)}`);
      return (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(8);
    case "b":
      if (typeof arg === "boolean") return arg ? "1" : "0";
      if (typeof arg !== "bigint") throw libError(`only integers and bools can be formatted as binary, was given ${celTypeName(arg)}`);
      return (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(2);
    default:
      throw libError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}
function fixed(v, digits) {
  return Math.abs(v) >= 1e21 ? `${BigInt(v)}.${"0".repeat(digits)}` : v.toFixed(digits);
}
function formatString(v, nested = false) {
  if (v === null) return "null";
  if (typeof v === "string") return nested ? goQuote(v) : v;
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return nested ? fixed(v, 6) : String(v);
  }
  if (v instanceof Uint8Array) {
    const text2 = Buffer.from(v).toString("utf8");
    return nested ? `b${goQuote(text2)}` : text2;
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatString(x, true)).join(", ")}]`;
  const map = mapEntries(v);
  if (map !== void 0) {
    const entries = map.map(([k, x]) => [formatString(k, true), formatString(x, true)]);
    entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return `{${entries.map(([k, x]) => `${k}:${x}`).join(", ")}}`;
  }
  if (typeof v === "object" && v !== null && "value" in v) return String(v.value);
  return String(v);
}
function registerStrings(env, rename) {
  env.registerFunction(`string.${rename("lowerAscii")}(): string`, (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  env.registerFunction(`string.${rename("upperAscii")}(): string`, (s) => s.replace(/[a-z]+/g, (m) => m.toUpperCase()));
  env.registerFunction(`string.${rename("trim")}(): string`, (s) => s.replace(GO_SPACE, ""));
  env.registerFunction("string.replace(string, string): string", (s, a, b) => replaceN(s, a, b, -1n));
  env.registerFunction("string.replace(string, string, int): string", (s, a, b, n) => replaceN(s, a, b, n));
  env.registerFunction("string.charAt(int): string", (s, i) => {
    const runes = [...s];
    if (i < 0n || i > BigInt(runes.length)) throw libError(`index out of range: ${i}`);
    return runes[Number(i)] ?? "";
  });
  env.registerFunction(`list<string>.${rename("join")}(): string`, (l) => join(l, ""));
  env.registerFunction(`list<string>.${rename("join")}(string): string`, (l, sep) => join(l, sep));
  env.registerFunction(`string.${rename("substring")}(int): string`, (s, a) => substring(s, a));
  env.registerFunction(`string.${rename("substring")}(int, int): string`, (s, a, b) => substring(s, a, b));
  env.registerFunction(`string.${rename("indexOf")}(string): int`, (s, sub2) => indexOf(s, sub2, 0n, false));
  env.registerFunction(`string.${rename("indexOf")}(string, int): int`, (s, sub2, o) => indexOf(s, sub2, o, false));
  env.registerFunction(`string.${rename("lastIndexOf")}(string): int`, (s, sub2) => indexOf(s, sub2, BigInt([...s].length), true));
  env.registerFunction(`string.${rename("lastIndexOf")}(string, int): int`, (s, sub2, o) => indexOf(s, sub2, o, true));
  env.registerFunction("string.format(list): string", (s, args) => {
    chargeCost(s.length + args.length >> 2);
    return celFormat(s, args);
  });
  class StringsNamespace {
  }
  env.registerType("StringsNamespace", StringsNamespace);
  env.registerConstant("strings", "StringsNamespace", new StringsNamespace());
  env.registerFunction("StringsNamespace.quote(string): string", (_ns, s) => quote(s));
}

// src/cel/lib/url.ts
var URL = class {
  constructor(scheme, host, rawPath, rawQuery) {
    this.scheme = scheme;
    this.host = host;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
  }
  scheme;
  host;
  rawPath;
  rawQuery;
};
function unescapeStrict(s, raw) {
  const bad2 = /%(?![0-9A-Fa-f]{2})(.{0,2})/.exec(s);
  if (bad2) return { error: `parse ${JSON.stringify(raw)}: invalid URL escape ${JSON.stringify(`%${bad2[1]}`)}` };
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
  }
}
function parseRequestURI(raw) {
  const fail4 = (why) => ({ error: `parse ${JSON.stringify(raw)}: ${why}` });
  if (raw === "") return fail4("empty url");
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail4("net/url: invalid control character in URL");
  let rest = raw;
  let scheme = "";
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  if (sm) {
    scheme = sm[1].toLowerCase();
    rest = raw.slice(sm[0].length);
  } else if (raw.startsWith(":")) return fail4("missing protocol scheme");
  let rawQuery = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith("/")) {
    if (scheme !== "") return new URL(scheme, "", "", rawQuery);
    return fail4("invalid URI for request");
  }
  let host = "";
  if (rest.startsWith("//") && (scheme !== "" || !rest.startsWith("///"))) {
    const authorityEnd = rest.indexOf("/", 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
    const at2 = authority.lastIndexOf("@");
    host = at2 >= 0 ? authority.slice(at2 + 1) : authority;
    if (host.startsWith("[")) {
      const close = host.indexOf("]");
      if (close < 0) return fail4("missing ']' in host");
      const port2 = host.slice(close + 1);
      if (port2 !== "" && !/^:[0-9]*$/.test(port2)) return fail4(`invalid port ${JSON.stringify(port2)} after host`);
    } else {
      const colon = host.lastIndexOf(":");
      if (colon >= 0 && !/^[0-9]*$/.test(host.slice(colon + 1))) return fail4(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
    const h = unescapeStrict(host, raw);
    if (typeof h !== "string") return h;
  }
  const p = unescapeStrict(rest, raw);
  if (typeof p !== "string") return p;
  return new URL(scheme, host, rest, rawQuery);
}
function hostname(u) {
  const h = u.host;
  if (h.startsWith("[")) {
    const close = h.indexOf("]");
    return close < 0 ? h.slice(1) : h.slice(1, close);
  }
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}
function port(u) {
  const h = u.host;
  const close = h.lastIndexOf("]");
  const colon = h.lastIndexOf(":");
  return colon > close ? h.slice(colon + 1) : "";
}
function query(u) {
  const out = /* @__PURE__ */ new Map();
  for (const pair of u.rawQuery.split("&")) {
    if (pair === "" || pair.includes(";")) continue;
    const eq2 = pair.indexOf("=");
    const decode = (s) => {
      const r = unescapeStrict(s.replace(/\+/g, " "), "");
      return typeof r === "string" ? r : void 0;
    };
    const k = decode(eq2 < 0 ? pair : pair.slice(0, eq2));
    const v = decode(eq2 < 0 ? "" : pair.slice(eq2 + 1));
    if (k === void 0 || v === void 0) continue;
    out.set(k, [...out.get(k) ?? [], v]);
  }
  return out;
}
function registerURL(env) {
  env.registerType("net.URL", URL);
  env.registerFunction("url(string): net.URL", (s) => {
    const u = parseRequestURI(s);
    if ("error" in u) throw libError(`URL parse error during conversion from string: ${u.error}`);
    return u;
  });
  env.registerFunction("isURL(string): bool", (s) => !("error" in parseRequestURI(s)));
  env.registerFunction("net.URL.getScheme(): string", (u) => u.scheme);
  env.registerFunction("net.URL.getHost(): string", (u) => u.host);
  env.registerFunction("net.URL.getHostname(): string", (u) => hostname(u));
  env.registerFunction("net.URL.getPort(): string", (u) => port(u));
  env.registerFunction("net.URL.getEscapedPath(): string", (u) => u.rawPath);
  env.registerFunction("net.URL.getQuery(): map<string, list<string>>", (u) => query(u));
}

// src/cel/lib/format.ts
var Format = class {
  constructor(name, validate) {
    this.name = name;
    this.validate = validate;
  }
  name;
  validate;
};
var prefix = (f) => (s) => f(s.endsWith("-") ? `${s.slice(0, -1)}a` : s);
var UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
var BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function validDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
function validDateTime(s) {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  return m !== null && validDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61;
}
var FORMATS = {
  dns1123Label: new Format("DNS1123Label", dns1123LabelErrors),
  dns1123Subdomain: new Format("DNS1123Subdomain", (s) => dns1123SubdomainErrors(s)),
  dns1035Label: new Format("DNS1035Label", dns1035LabelErrors),
  qualifiedName: new Format("QualifiedName", labelKeyErrors),
  dns1123LabelPrefix: new Format("DNS1123LabelPrefix", prefix(dns1123LabelErrors)),
  dns1123SubdomainPrefix: new Format("DNS1123SubdomainPrefix", prefix((s) => dns1123SubdomainErrors(s))),
  dns1035LabelPrefix: new Format("DNS1035LabelPrefix", prefix(dns1035LabelErrors)),
  labelValue: new Format("LabelValue", labelValueErrors),
  uri: new Format("URI", (s) => {
    const u = parseRequestURI(s);
    return "error" in u ? [u.error] : [];
  }),
  uuid: new Format("uuid", (s) => UUID.test(s) ? [] : ["does not match the UUID format"]),
  byte: new Format("byte", (s) => BASE64.test(s) ? [] : ["invalid base64"]),
  date: new Format("date", (s) => validDate(s) ? [] : ["invalid date"]),
  datetime: new Format("datetime", (s) => validDateTime(s) ? [] : ["invalid datetime"])
};
function registerFormat(env) {
  const none = env.evaluate("optional.none()");
  const optional = none.constructor;
  env.registerType("kubernetes.NamedFormat", Format);
  class FormatNamespace {
  }
  env.registerType("FormatNamespace", FormatNamespace);
  env.registerConstant("format", "FormatNamespace", new FormatNamespace());
  for (const [name, f] of Object.entries(FORMATS)) {
    env.registerFunction(`FormatNamespace.${name}(): kubernetes.NamedFormat`, () => f);
  }
  env.registerFunction(
    "FormatNamespace.named(string): optional<kubernetes.NamedFormat>",
    (_ns, name) => Object.hasOwn(FORMATS, name) ? optional.of(FORMATS[name]) : none
  );
  env.registerFunction("kubernetes.NamedFormat.validate(string): optional<list<string>>", (f, s) => {
    const errs = f.validate(s);
    return errs.length === 0 ? none : optional.of(errs);
  });
}

// src/cel/lib/ip.ts
var IP = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  get family() {
    return this.bytes.length === 4 ? 4 : 6;
  }
  toString() {
    return formatAddr(this.bytes);
  }
};
var CIDR = class {
  constructor(addr, bits) {
    this.addr = addr;
    this.bits = bits;
  }
  addr;
  bits;
  toString() {
    return `${this.addr.toString()}/${this.bits}`;
  }
};
function parseIPv42(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  const out = new Uint8Array(4);
  for (const [i, p] of parts.entries()) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out[i] = n;
  }
  return out;
}
function parseIPv6(s) {
  let tail;
  let text2 = s;
  const lastColon = text2.lastIndexOf(":");
  if (text2.slice(lastColon + 1).includes(".")) {
    tail = parseIPv42(text2.slice(lastColon + 1));
    if (!tail) return void 0;
    text2 = `${text2.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text2.split("::");
  if (halves.length > 2) return void 0;
  const groups = (h) => {
    if (h === "") return [];
    const out2 = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
      out2.push(parseInt(g, 16));
    }
    return out2;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return void 0;
  let all;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return void 0;
    all = [...head, ...new Array(missing).fill(0), ...rest];
  } else {
    if (head.length !== 8) return void 0;
    all = head;
  }
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 255;
  });
  if (tail) out.set(tail, 12);
  return out;
}
function isV4InV6(b) {
  return b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255;
}
function formatAddr(b) {
  if (b.length === 4) return [...b].join(".");
  const groups = Array.from({ length: 8 }, (_, i) => b[2 * i] << 8 | b[2 * i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g) => g.toString(16);
  if (bestStart < 0) return groups.map(hex).join(":");
  return `${groups.slice(0, bestStart).map(hex).join(":")}::${groups.slice(bestStart + bestLen).map(hex).join(":")}`;
}
function parseAddr(raw) {
  if (raw.includes("%")) {
    const b = parseIPv6(raw.slice(0, raw.indexOf("%")));
    if (b && raw.indexOf("%") < raw.length - 1) return { error: `IP address ${JSON.stringify(raw)} with zone value is not allowed` };
  }
  const bytes = raw.includes(":") ? parseIPv6(raw) : parseIPv42(raw);
  if (!bytes) {
    return { error: `IP Address ${JSON.stringify(raw)} parse error during conversion from string: ParseAddr(${JSON.stringify(raw)}): unable to parse IP` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new IP(bytes);
}
function parseCIDR(raw) {
  const slash = raw.lastIndexOf("/");
  const fail4 = { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): no '/'` };
  if (slash < 0) return fail4;
  const addrText = raw.slice(0, slash);
  const bitsText = raw.slice(slash + 1);
  if (addrText.includes("%")) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): IPv6 zones cannot be present in a prefix` };
  const bytes = addrText.includes(":") ? parseIPv6(addrText) : parseIPv42(addrText);
  if (!bytes) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): ParseAddr(${JSON.stringify(addrText)}): unable to parse IP` };
  const max = bytes.length * 8;
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || Number(bitsText) > max) {
    return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): bad bits after slash: ${JSON.stringify(bitsText)}` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new CIDR(new IP(bytes), Number(bitsText));
}
function masked(c) {
  const b = new Uint8Array(c.addr.bytes);
  for (let i = 0; i < b.length * 8; i++) if (i >= c.bits) b[i >> 3] &= ~(128 >> (i & 7));
  return new CIDR(new IP(b), c.bits);
}
function contains(c, ip) {
  if (ip.bytes.length !== c.addr.bytes.length) return false;
  for (let i = 0; i < c.bits; i++) {
    const bit = 128 >> (i & 7);
    if ((c.addr.bytes[i >> 3] & bit) !== (ip.bytes[i >> 3] & bit)) return false;
  }
  return true;
}
function must(r) {
  if (typeof r === "object" && r !== null && "error" in r) throw libError(r.error);
  return r;
}
var isV4 = (b, first, mask, value) => b.length === 4 && (b[first] & mask) === value;
function isLoopback(b) {
  return b.length === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}
function isUnspecified(b) {
  return b.every((x) => x === 0);
}
function isLinkLocalMulticast(b) {
  return b.length === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 255 && (b[1] & 15) === 2;
}
function isLinkLocalUnicast(b) {
  return b.length === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 254 && (b[1] & 192) === 128;
}
function isMulticast(b) {
  return b.length === 4 ? isV4(b, 0, 240, 224) : b[0] === 255;
}
function isGlobalUnicast(b) {
  if (b.length === 4 && b.every((x) => x === 255)) return false;
  return !isUnspecified(b) && !isLoopback(b) && !isMulticast(b) && !isLinkLocalUnicast(b);
}
function registerIP(env) {
  env.registerType("net.IP", IP);
  env.registerType("net.CIDR", CIDR);
  env.registerFunction("ip(string): net.IP", (s) => must(parseAddr(s)));
  env.registerFunction("isIP(string): bool", (s) => !("error" in parseAddr(s)));
  env.registerFunction("net.IP.family(): int", (ip) => BigInt(ip.family));
  env.registerFunction("net.IP.isUnspecified(): bool", (ip) => isUnspecified(ip.bytes));
  env.registerFunction("net.IP.isLoopback(): bool", (ip) => isLoopback(ip.bytes));
  env.registerFunction("net.IP.isLinkLocalMulticast(): bool", (ip) => isLinkLocalMulticast(ip.bytes));
  env.registerFunction("net.IP.isLinkLocalUnicast(): bool", (ip) => isLinkLocalUnicast(ip.bytes));
  env.registerFunction("net.IP.isGlobalUnicast(): bool", (ip) => isGlobalUnicast(ip.bytes));
  env.registerFunction("string(net.IP): string", (ip) => ip.toString());
  env.registerFunction("cidr(string): net.CIDR", (s) => must(parseCIDR(s)));
  env.registerFunction("isCIDR(string): bool", (s) => !("error" in parseCIDR(s)));
  env.registerFunction("net.CIDR.containsIP(string): bool", (c, s) => contains(c, must(parseAddr(s))));
  env.registerFunction("net.CIDR.containsIP(net.IP): bool", (c, ip) => contains(c, ip));
  env.registerFunction("net.CIDR.containsCIDR(string): bool", (c, s) => {
    const o = must(parseCIDR(s));
    return contains(c, o.addr) && c.bits <= o.bits;
  });
  env.registerFunction("net.CIDR.containsCIDR(net.CIDR): bool", (c, o) => contains(c, o.addr) && c.bits <= o.bits);
  env.registerFunction("net.CIDR.ip(): net.IP", (c) => c.addr);
  env.registerFunction("net.CIDR.prefixLength(): int", (c) => BigInt(c.bits));
  env.registerFunction("net.CIDR.masked(): net.CIDR", (c) => masked(c));
  env.registerFunction("string(net.CIDR): string", (c) => c.toString());
  class IPNamespace {
  }
  env.registerType("IPNamespace", IPNamespace);
  env.registerConstant("ip", "IPNamespace", new IPNamespace());
  env.registerFunction("IPNamespace.isCanonical(string): bool", (_ns, s) => must(parseAddr(s)).toString() === s);
}

// src/cel/lib/quantity.ts
var Quantity = class {
  constructor(num2, den) {
    this.num = num2;
    this.den = den;
  }
  num;
  den;
};
var FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
var ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
var ERR_SUFFIX = "unable to parse quantity's suffix";
var ERR_NUMERIC = "unable to parse numeric part of quantity";
var BINARY3 = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
var DECIMAL = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
function gcd3(a, b) {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function make(num2, den) {
  if (den < 0n) [num2, den] = [-num2, -den];
  const g = gcd3(num2, den) || 1n;
  return new Quantity(num2 / g, den / g);
}
function parseQuantity(s) {
  if (s.length === 0) return { error: "quantities must match the regular expression" };
  const m = FORMAT.exec(s);
  if (!m) return { error: ERR_FORMAT };
  const numeric = m[1];
  const suffix = m[2];
  const n = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(numeric);
  if (!n || n[2] === "" && (n[3] ?? "") === "") return { error: ERR_NUMERIC };
  const sign = n[1] === "-" ? -1n : 1n;
  const whole = n[2] ?? "";
  const frac = n[3] ?? "";
  let num2 = sign * BigInt(`${whole}${frac}` || "0");
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY3) {
    num2 *= 2n ** BigInt(BINARY3[suffix]);
  } else {
    let exp = DECIMAL[suffix];
    if (exp === void 0) {
      const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
      if (!e) return { error: ERR_SUFFIX };
      exp = Number(e[1]);
      if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1e3) return { error: ERR_NUMERIC };
    }
    if (exp >= 0) num2 *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return make(num2, den);
}
function compare2(a, b) {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
var INT64_MAX4 = 2n ** 63n - 1n;
var INT64_MIN4 = -(2n ** 63n);
function asInt64(q) {
  if (q.den !== 1n || q.num > INT64_MAX4 || q.num < INT64_MIN4) return void 0;
  return q.num;
}
function registerQuantity(env) {
  env.registerType("kubernetes.Quantity", Quantity);
  env.registerFunction("quantity(string): kubernetes.Quantity", (s) => {
    const q = parseQuantity(s);
    if ("error" in q) throw libError(q.error);
    return q;
  });
  env.registerFunction("isQuantity(string): bool", (s) => !("error" in parseQuantity(s)));
  env.registerFunction("sign(kubernetes.Quantity): int", (q) => BigInt(q.num === 0n ? 0 : q.num > 0n ? 1 : -1));
  env.registerFunction("kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool", (a, b) => compare2(a, b) === 1);
  env.registerFunction("kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool", (a, b) => compare2(a, b) === -1);
  env.registerFunction("kubernetes.Quantity.compareTo(kubernetes.Quantity): int", (a, b) => BigInt(compare2(a, b)));
  env.registerFunction("kubernetes.Quantity.asApproximateFloat(): double", (q) => Number(q.num) / Number(q.den));
  env.registerFunction("kubernetes.Quantity.isInteger(): bool", (q) => asInt64(q) !== void 0);
  env.registerFunction("kubernetes.Quantity.asInteger(): int", (q) => {
    const v = asInt64(q);
    if (v === void 0) throw libError("cannot convert value to integer");
    return v;
  });
  env.registerFunction("kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity", (a, b) => make(a.num * b.den + b.num * a.den, a.den * b.den));
  env.registerFunction("kubernetes.Quantity.add(int): kubernetes.Quantity", (a, b) => make(a.num + b * a.den, a.den));
  env.registerFunction("kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity", (a, b) => make(a.num * b.den - b.num * a.den, a.den * b.den));
  env.registerFunction("kubernetes.Quantity.sub(int): kubernetes.Quantity", (a, b) => make(a.num - b * a.den, a.den));
}

// src/cel/lib/kubernetes.ts
function registerKubernetesTypes(env) {
  registerQuantity(env);
  registerURL(env);
  registerIP(env);
  registerSemver(env);
  registerFormat(env);
}

// src/cel/lib/time.ts
function durationString(d) {
  const total = Number(d.seconds) + d.nanos / 1e9;
  return `${String(total)}s`;
}
function timestampString(t) {
  return t.toISOString().replace(/\.000Z$/, "Z").replace(/(\.\d*?)0+Z$/, "$1Z");
}
function registerTime(env) {
  env.registerFunction("string(google.protobuf.Duration): string", (d) => durationString(d));
  env.registerFunction("string(google.protobuf.Timestamp): string", (t) => timestampString(t));
}

// src/cel/env.ts
var OVERRIDES = /* @__PURE__ */ new Set([...REGEX_OVERRIDES, ...STRINGS_OVERRIDES]);
var renamed = (name) => `k8s_${name}`;
var ROOTS = ["object", "oldObject", "request", "namespaceObject", "variables"];
var CONSTANTS = ["optional", "sets", "strings", "lists", "format", "ip", "cel"];
function registerComprehensionHelpers(env) {
  env.registerFunction(`${PAIRS_TO_MAP}(list): map`, (pairs) => new Map(pairs.map((p) => [p[0], p[1]])));
  env.registerFunction(`${MERGE_ENTRIES}(list): map`, (entries) => {
    const out = /* @__PURE__ */ new Map();
    for (const e of entries) {
      const pairs = mapEntries(e);
      if (pairs === void 0) throw libError("no such overload");
      for (const [k, v] of pairs) {
        if (out.has(k)) throw libError(`insert failed: key ${String(k)} already exists`);
        out.set(k, v);
      }
    }
    return out;
  });
}
function newEnvironment(withParams) {
  const env = new Environment({
    enableOptionalTypes: true,
    // Kubernetes validates homogeneous aggregate literals, except the argument list of format(); that
    // check is the engine's (staticIssue), since the evaluator's own has no exemptions.
    homogeneousAggregateLiterals: false,
    unlistedVariablesAreDyn: false,
    limits: { maxAstNodes: 1e5, maxDepth: 250, maxListElements: 1e4, maxMapEntries: 1e4, maxCallArguments: 32 }
  });
  for (const root of ROOTS) env.registerVariable(root, "dyn");
  if (withParams) env.registerVariable("params", "dyn");
  registerRegex(env, renamed);
  registerStrings(env, renamed);
  registerLists(env, renamed);
  registerKubernetesTypes(env);
  registerTime(env);
  registerComprehensionHelpers(env);
  meter(env);
  return env;
}
var environments;
var functionNames;
var overloads;
function declaredOverloads() {
  if (overloads === void 0) {
    overloads = /* @__PURE__ */ new Map();
    for (const f of celEnvironments().expressions.getDefinitions().functions) {
      const name = f.name.replace(/^k8s_/, "");
      if (f.name.startsWith("preadmit_")) continue;
      const list = overloads.get(name) ?? [];
      list.push({ receiver: f.receiverType ?? null, params: (f.params ?? []).map((p) => String(p.type)) });
      overloads.set(name, list);
    }
  }
  return overloads;
}
function declaredFunctions() {
  functionNames ??= new Set(celEnvironments().expressions.getDefinitions().functions.map((f) => f.name));
  return functionNames;
}
function celEnvironments() {
  environments ??= { variables: newEnvironment(true), expressions: newEnvironment(false) };
  return environments;
}
function isNode2(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string" && "args" in v;
}
function renameOverrides(ast) {
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (v) => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x);
      return;
    }
    if (isNode2(v)) {
      const args = v.args;
      if ((v.op === "call" || v.op === "rcall") && Array.isArray(args) && typeof args[0] === "string" && OVERRIDES.has(args[0])) {
        args[0] = renamed(args[0]);
      }
      visit2(args);
      return;
    }
    for (const x of Object.values(v)) if (isNode2(x) || Array.isArray(x)) visit2(x);
  };
  visit2(ast);
}

// src/cel/engine.ts
var variableTypes = /* @__PURE__ */ new Map();
var BUILTIN_VARIABLES = [
  { name: "anyObject", expression: 'has(request.operation) && request.operation == "DELETE" && object == null ? oldObject : object' },
  { name: "params", expression: "!has(params.spec) ? null : !has(params.spec.parameters) ? null: params.spec.parameters" }
];
var COST_BUDGET = 1e6;
var MATCH_CONDITION_BUDGET = 1e6;
var DEADLINE_MS = 2e3;
var OUT_OF_BUDGET = "validation failed due to running out of cost budget, no further validation rules will be run";
var compiledCache = /* @__PURE__ */ new Map();
function compileCel(source) {
  const key = JSON.stringify(source);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const { variables, expressions } = celEnvironments();
  const allVariables = [...BUILTIN_VARIABLES, ...source.variables];
  const names = allVariables.map((v) => v.name);
  variableTypes = /* @__PURE__ */ new Map();
  const compiled = {
    source,
    // A variable sees the ones declared before it; the other expressions see them all.
    variables: allVariables.map((v, i) => {
      const c = compile2(variables, v.expression, "any", names.slice(0, i));
      if (c.type !== void 0) variableTypes.set(v.name, c.type);
      return { name: v.name, ...c };
    }),
    matchConditions: source.matchConditions.map((m) => compile2(expressions, m.expression, "bool", names)),
    validations: source.validations.map((validation) => ({
      validation,
      condition: compile2(expressions, validation.expression, "bool", names),
      message: validation.messageExpression !== "" ? compile2(expressions, validation.messageExpression, "string", names) : void 0
    }))
  };
  if (compiledCache.size >= 500) compiledCache.delete(compiledCache.keys().next().value);
  compiledCache.set(key, compiled);
  return compiled;
}
var OPERAND_EXPECTED = "Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
function compile2(env, expression, want, visibleVariables) {
  if (expression === "") return { expression, error: `compilation failed: ERROR: <input>:1:0: ${OPERAND_EXPECTED}` };
  try {
    const original = env.parse(expression);
    const issues = staticIssue(original.ast, expression, visibleVariables, env.hasVariable("params") ? [...ROOTS, "params", ...CONSTANTS] : [...ROOTS, ...CONSTANTS]);
    const rewritten = rewriteTwoVarComprehensions(env, expression);
    const parsed = rewritten === expression ? original : env.parse(rewritten);
    if (issues !== void 0) return { expression, error: `compilation failed: ${issues.map((i) => issueText(expression, i.offset, i.message)).join("\n")}` };
    renameOverrides(parsed.ast);
    const checked = parsed.check();
    if (!checked.valid) return { expression, error: `compilation failed: ${compileErrorText(checked.error, expression)}` };
    const printed = checked.type === "list" ? "list<dyn>" : checked.type === "map" ? "map<dyn, dyn>" : checked.type ?? "dyn";
    const type = printed === "null" ? "null_type" : celTypeNames(printed);
    if (want !== "any" && type !== want && (type !== "dyn" || literalType(original.ast) === "dyn")) {
      return { expression, error: `must evaluate to ${want} but got ${type}` };
    }
    return { expression, program: parsed, type };
  } catch (e) {
    return { expression, error: `compilation failed: ${compileErrorText(e, expression)}` };
  }
}
function compileErrorText(e, expression) {
  const err6 = e;
  let message = firstLine(err6?.message ?? String(e));
  if (message === "Unexpected token: EOF" && /(?:[-+*/%<>!=]=?|&&|\|\||\?|:|\bin)\s*$/.test(expression)) message = OPERAND_EXPECTED;
  const unknown = /^Unknown variable: (.*)$/.exec(message);
  if (unknown) message = `undeclared reference to '${unknown[1]}' (in container '')`;
  const mixed = /^(?:List elements must have the same type|Map (?:key|value) uses wrong type), (expected type '.*' but found '.*')$/.exec(message);
  if (mixed) message = celTypeNames(mixed[1]);
  let offset = err6?.node?.start ?? err6?.node?.pos ?? 0;
  const overload = /^found no matching overload for '(?:(.+)\.)?([A-Za-z_][A-Za-z0-9_]*)\((.*)\)'$/.exec(message);
  if (overload) {
    const [, receiver, name, args] = overload;
    message = `found no matching overload for '${name}' applied to '${receiver !== void 0 ? `${receiver}.` : ""}(${args})'`;
    const at2 = expression.indexOf(`${name}(`, offset);
    if (at2 >= 0) offset = at2 + name.length;
  }
  const operator = /^no such overload: (.+) (==|!=|\+|-|\*|\/|%|<=|>=|<|>|in) (.+)$/.exec(message);
  if (operator) {
    const [, left, op, right] = operator;
    message = `found no matching overload for '${op === "in" ? "@in" : `_${op}_`}' applied to '(${celTypeNames(left)}, ${celTypeNames(right)})'`;
    const lhs = Array.isArray(err6?.node?.args) ? err6.node.args[0] : void 0;
    if (lhs?.end !== void 0) {
      const at2 = expression.indexOf(op, lhs.end);
      if (at2 >= 0) offset = at2;
    }
  }
  return issueText(expression, offset, message === OPERAND_EXPECTED ? message : lowerFirst(message));
}
function issueText(expression, offset, message) {
  const before = expression.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - (before.lastIndexOf("\n") + 1);
  const text2 = expression.split("\n")[line - 1] ?? "";
  return `ERROR: <input>:${line}:${col + 1}: ${message}
 | ${text2}
 | ${".".repeat(col)}^`;
}
function staticIssue(ast, expression, visibleVariables, roots) {
  const declared = declaredFunctions();
  const exempt = /* @__PURE__ */ new Set();
  const mixedLiteral = (node) => {
    if (exempt.has(node)) return void 0;
    const items = node.op === "list" ? node.args : node.args.map((kv) => kv[1]);
    const keys = node.op === "map" ? node.args.map((kv) => kv[0]) : [];
    for (const group of [keys, items]) {
      let first;
      for (const item of group) {
        const t = literalType(item);
        if (t === void 0) continue;
        if (first === void 0) first = t;
        else if (t !== first) return { offset: item.pos, message: `expected type '${first}' but found '${t}'` };
      }
    }
    return void 0;
  };
  let found;
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (v, inHas, scope = /* @__PURE__ */ new Set()) => {
    if (found !== void 0 || typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x, inHas, scope);
      return;
    }
    const node = v;
    if (typeof node.op !== "string") return;
    const args = node.args;
    if ((node.op === "call" || node.op === "rcall") && Array.isArray(args)) {
      const name = args[0];
      const callArgs = node.op === "rcall" ? args[2] : args[1];
      if (name === "has" && node.op === "call") {
        visit2(callArgs, node.pos + 3, scope);
        return;
      }
      const receiver = node.op === "rcall" ? args[1] : void 0;
      if (name === "bind" && receiver?.op === "id" && receiver.args === "cel") {
        found = { offset: receiver.pos, message: "undeclared reference to 'cel' (in container '')" };
        return;
      }
      const namespaced = typeof name === "string" && namespacedOnly(name) && !(receiver?.op === "id" && CONSTANTS.includes(receiver.args));
      if (typeof name === "string" && (!declared.has(name) && !declared.has(`k8s_${name}`) && !TWO_VARIABLE_ONLY.has(name) || namespaced)) {
        const paren = expression.indexOf("(", expression.indexOf(name, node.pos) + name.length);
        const issue = { offset: paren >= 0 ? paren : node.pos, message: `undeclared reference to '${name}' (in container '')` };
        const undeclaredReceiver = receiver?.op === "id" && typeof receiver.args === "string" && !roots.includes(receiver.args) && !scope.has(receiver.args);
        found = undeclaredReceiver ? [{ offset: receiver.pos, message: `undeclared reference to '${receiver.args}' (in container '')` }, issue] : issue;
        return;
      }
      if (typeof name === "string" && Array.isArray(callArgs)) {
        const mismatch = overloadMismatch(name, node.op === "rcall" ? receiver : void 0, node.op === "rcall", callArgs);
        if (mismatch !== void 0) {
          const paren = expression.indexOf("(", expression.indexOf(name, node.pos) + name.length);
          found = { offset: paren >= 0 ? paren : node.pos, message: mismatch };
          return;
        }
      }
      if (typeof name === "string" && REGEX_FUNCTIONS.has(name) && Array.isArray(callArgs)) {
        const pattern = callArgs[node.op === "rcall" ? 0 : 1];
        if (pattern?.op === "value" && typeof pattern.args === "string") {
          const r = compileGoRegexp(pattern.args);
          if ("error" in r) found = { offset: pattern.pos, message: `invalid ${name} argument` };
        }
      }
    }
    if (node.op === "list" || node.op === "map") {
      const mixed = mixedLiteral(node);
      if (mixed) {
        found = mixed;
        return;
      }
    }
    if ((node.op === "call" || node.op === "rcall") && Array.isArray(args) && args[0] === "format") {
      const callArgs = node.op === "rcall" ? args[2] : args[1];
      const mark = (n) => {
        if (!isAstNode(n) || exempt.has(n)) return;
        exempt.add(n);
        if (n.op === "list") for (const x of n.args) mark(x);
        if (n.op === "map") for (const kv of n.args) kv.forEach(mark);
      };
      for (const a of callArgs ?? []) mark(a);
    }
    if (node.op === "[]" && Array.isArray(args) && typedPath(args[0]) === "variables") {
      const base = args[0];
      const bracket = expression.indexOf("[", base.end ?? node.pos);
      found = { offset: bracket >= 0 ? bracket : node.pos, message: `found no matching overload for '_[_]' applied to '(kubernetes.variables, ${literalType(args[1]) ?? "dyn"})'` };
      return;
    }
    if (node.op === "." && Array.isArray(args) && typeof args[1] === "string") {
      const type = typedPath(args[0]);
      const fields = type === "variables" ? visibleVariables : type !== void 0 ? REQUEST_TYPES[type] : void 0;
      if (fields !== void 0 && !fields.includes(args[1])) {
        found = { offset: inHas ?? node.pos - 1, message: `undefined field '${args[1]}'` };
        return;
      }
    }
    if (node.op === "rcall" && Array.isArray(args) && typeof args[0] === "string" && Array.isArray(args[2])) {
      const callArgs = args[2];
      const bound = new Set(scope);
      if (ITERATION_MACROS.has(args[0]) && callArgs[0]?.op === "id") {
        bound.add(callArgs[0].args);
        if (callArgs.length >= 3 && TWO_VARIABLE_FORMS.has(args[0]) && callArgs[1]?.op === "id") bound.add(callArgs[1].args);
      }
      visit2(args[1], void 0, scope);
      visit2(callArgs, void 0, bound);
      return;
    }
    if (Array.isArray(args) || typeof args === "object" && args !== null && typeof args.op === "string") visit2(args, void 0, scope);
    else if (typeof args === "object" && args !== null) for (const x of Object.values(args)) visit2(x, void 0, scope);
  };
  visit2(ast, void 0);
  if (found === void 0) return void 0;
  return Array.isArray(found) ? found : [found];
}
function namespacedOnly(name) {
  const overloads2 = declaredOverloads().get(name);
  return overloads2 !== void 0 && overloads2.length > 0 && overloads2.every((o) => o.receiver !== null && /Namespace$/.test(o.receiver));
}
var ITERATION_MACROS = /* @__PURE__ */ new Set(["all", "exists", "exists_one", "existsOne", "map", "filter", "transformList", "transformMap", "transformMapEntry"]);
var TWO_VARIABLE_FORMS = /* @__PURE__ */ new Set(["all", "exists", "existsOne", "transformList", "transformMap", "transformMapEntry"]);
function isAstNode(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string";
}
function overloadMismatch(name, receiver, member, args) {
  const overloads2 = declaredOverloads().get(name);
  if (overloads2 === void 0 || overloads2.some((o) => o.params.includes("ast"))) return void 0;
  const argTypes = args.map(literalType);
  if (argTypes.some((t) => t === void 0)) return void 0;
  const receiverType = member ? literalType(receiver) : null;
  if (receiverType === void 0) return void 0;
  const fits = overloads2.some(
    (o) => o.receiver !== null === member && o.params.length === argTypes.length && o.params.every((p, i) => accepts(p, argTypes[i])) && (!member || accepts(o.receiver, receiverType))
  );
  if (fits) return void 0;
  return `found no matching overload for '${name}' applied to '${member ? `${receiverType}.` : ""}(${argTypes.join(", ")})'`;
}
function accepts(param, arg) {
  if (param === "dyn" || arg === "dyn" || /^[A-Z]$/.test(param) || param === arg) return true;
  const kind = (t) => /^(list|map|optional)\b/.exec(t)?.[1] ?? t;
  return kind(param) === kind(arg) && (param.includes("dyn") || arg.includes("dyn") || /<[A-Z]>/.test(param) || celTypeNames(param) === arg);
}
var REGEX_FUNCTIONS = /* @__PURE__ */ new Set(["matches", "find", "findAll"]);
var GVK = ["group", "version", "kind"];
var GVR = ["group", "version", "resource"];
var REQUEST_TYPES = {
  request: ["kind", "resource", "subResource", "requestKind", "requestResource", "requestSubResource", "name", "namespace", "operation", "userInfo", "dryRun", "options"],
  "request.kind": GVK,
  "request.requestKind": GVK,
  "request.resource": GVR,
  "request.requestResource": GVR,
  "request.userInfo": ["username", "uid", "groups", "extra"]
};
function literalType(node) {
  if (node === void 0) return void 0;
  switch (node.op) {
    case "value": {
      const v = node.args;
      if (typeof v === "bigint") return "int";
      if (typeof v === "number") return "double";
      if (typeof v === "string") return "string";
      if (typeof v === "boolean") return "bool";
      if (v === null) return "null_type";
      if (v instanceof Uint8Array) return "bytes";
      return void 0;
    }
    case "id":
      return node.args === "object" || node.args === "oldObject" || node.args === "namespaceObject" || node.args === "params" ? "dyn" : void 0;
    case "[]":
      return literalType(node.args[0]) === "dyn" ? "dyn" : void 0;
    case ".": {
      const [base, field] = node.args;
      if (typedPath(base) === "variables") return variableTypes.get(field);
      return typedPath(node) === void 0 && typedPath(base) === void 0 && literalType(base) === "dyn" ? "dyn" : void 0;
    }
    case "?:": {
      const [, a, b] = node.args;
      const ta = literalType(a);
      const tb = literalType(b);
      if (ta === void 0 || tb === void 0) return void 0;
      return ta === tb ? ta : ta === "dyn" || tb === "dyn" ? "dyn" : void 0;
    }
    case "list": {
      const types = node.args.map(literalType);
      if (types.length === 0) return void 0;
      return types.every((t) => t !== void 0 && t === types[0]) ? `list(${types[0]})` : void 0;
    }
    default:
      return void 0;
  }
}
function typedPath(v) {
  const node = v;
  if (node?.op === "id" && node.args === "request") return "request";
  if (node?.op === "id" && node.args === "variables") return "variables";
  if (node?.op === "." && Array.isArray(node.args) && node.args.length === 2) {
    const parent = typedPath(node.args[0]);
    if (parent === "request") return `request.${String(node.args[1])}`;
  }
  return void 0;
}
var GO_TYPE_NAMES = {
  int: "types.Int",
  uint: "types.Uint",
  double: "types.Double",
  string: "types.String",
  bool: "types.Bool",
  bytes: "types.Bytes",
  null: "types.Null",
  null_type: "types.Null"
};
function celTypeNames(s) {
  let out = s;
  for (let i = 0; i < 5 && /<[^<>]*>/.test(out); i++) out = out.replace(/<([^<>]*)>/g, "($1)");
  return out;
}
function firstLine(s) {
  return s.split("\n")[0].trim();
}
function lowerFirst(s) {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
function evalErrorText(e) {
  if (e instanceof CelLibraryError) return e.message;
  const message = firstLine(e?.message ?? String(e));
  const index = /^No such key: index out of bounds, index (-?\d+)/.exec(message);
  if (index) return `index out of bounds: ${index[1]}`;
  const noKey = /^No such key: (.*)$/.exec(message);
  if (noKey) return `no such key: ${noKey[1]}`;
  if (/^no such overload\b/i.test(message)) return "no such overload";
  const conversion = /^(int|uint|double)\(\) type error: cannot convert to \1$/.exec(message);
  if (conversion) return `type conversion error from 'string' to '${conversion[1]}'`;
  if (/^invalid duration string/i.test(message)) return "type conversion error from 'string' to 'google.protobuf.Duration'";
  if (/^timestamp\(\) requires a string/i.test(message)) return "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  if (/^integer overflow\b/.test(message)) return "integer overflow";
  if (message === "modulo by zero") return "modulus by zero";
  if (message === "Optional value is not present") return "optional.none() dereference";
  const range = /^Expression of type '([^']+)' cannot be range of a comprehension/.exec(message);
  if (range) return `got '${GO_TYPE_NAMES[range[1]] ?? range[1]}', expected iterable type`;
  const call = /^found no matching overload for '(?:[^']*\.)?([A-Za-z_][A-Za-z0-9_]*)\(.*\)'$/.exec(message);
  if (call) return `no such overload: ${call[1].replace(/^k8s_/, "")}`;
  return lowerFirst(message.replace(/dyn<([^>]+)>/g, "$1"));
}
function validateCel(compiled, inputs) {
  const fail4 = compiled.source.failurePolicy !== "Ignore";
  const onError = (message) => fail4 ? [{ message }] : [];
  try {
    const base = reviewBindings(inputs);
    const params = paramsValue(inputs.params, inputs.numbers ?? "int");
    if (compiled.matchConditions.length > 0) {
      const ctx2 = { ...base, namespaceObject: null, variables: lazyVariables(compiled, { ...base, namespaceObject: null }, params) };
      const run2 = withBudget(MATCH_CONDITION_BUDGET, DEADLINE_MS, () => {
        const errors = [];
        for (const m of compiled.matchConditions) {
          const r = evaluate(m, ctx2);
          if ("error" in r) errors.push(r.error);
          else if (r.value === false) return { matches: false, errors: [] };
        }
        return { matches: true, errors };
      });
      if (run2.exhausted) return onError(OUT_OF_BUDGET);
      if (!run2.value.matches) return [];
      if (run2.value.errors.length > 0) {
        return onError(run2.value.errors.length === 1 ? run2.value.errors[0] : `[${run2.value.errors.join(", ")}]`);
      }
    }
    const validationCtx = { ...base, variables: lazyVariables(compiled, base, params) };
    const run = withBudget(COST_BUDGET, DEADLINE_MS, () => compiled.validations.map((v) => evaluate(v.condition, validationCtx)));
    if (run.exhausted) return onError(OUT_OF_BUDGET);
    const messageCtx = { ...base, variables: lazyVariables(compiled, base, params) };
    const decisions = [];
    compiled.validations.forEach((v, i) => {
      const r = run.value[i];
      if ("error" in r) {
        if (fail4) decisions.push({ message: r.error });
        return;
      }
      if (r.value === true) return;
      let message = "";
      if (v.message !== void 0) {
        const m = withBudget(COST_BUDGET, DEADLINE_MS, () => evaluate(v.message, messageCtx));
        if (m.exhausted) {
          if (fail4) decisions.push({ message: `failed messageExpression: ${OUT_OF_BUDGET}` });
          return;
        }
        if ("value" in m.value && typeof m.value.value === "string") {
          message = m.value.value.trim();
          if (message.length > 5 * 1024 || message.includes("\n")) message = "";
        }
      }
      if (message === "" && v.validation.message.length > 0) message = v.validation.message.trim();
      if (message === "") message = `failed expression: ${v.validation.expression.trim()}`;
      decisions.push({ message });
    });
    return decisions;
  } catch (e) {
    return onError(`internal error evaluating CEL: ${e instanceof Error ? e.message : String(e)}`);
  }
}
var paramsMemo = /* @__PURE__ */ new WeakMap();
function paramsValue(params, numbers) {
  if (params === null || typeof params !== "object") return toCel(params, numbers);
  let byMode = paramsMemo.get(params);
  if (byMode === void 0) paramsMemo.set(params, byMode = {});
  if (!(numbers in byMode)) byMode[numbers] = toCel(params, numbers);
  return byMode[numbers];
}
var lastReview;
function reviewBindings(inputs) {
  const key = [inputs.object, inputs.oldObject, inputs.request, inputs.namespaceObject];
  if (lastReview !== void 0 && key.every((k, i) => k === lastReview.key[i])) return lastReview.value;
  const value = {
    object: toCel(inputs.object),
    oldObject: toCel(inputs.oldObject),
    request: toCel(inputs.request),
    namespaceObject: toCel(inputs.namespaceObject)
  };
  lastReview = { key, value };
  return value;
}
function evaluate(c, ctx2) {
  if (c.error !== void 0) return { error: `compilation error: ${c.error}` };
  try {
    return { value: c.program(ctx2) };
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    return { error: `expression '${c.expression}' resulted in error: ${evalErrorText(e)}` };
  }
}
function lazyVariables(compiled, base, params) {
  const variables = {};
  const ctx2 = { ...base, params, variables };
  for (const v of compiled.variables) {
    let state;
    Object.defineProperty(variables, v.name, {
      enumerable: true,
      configurable: true,
      get() {
        if (state === void 0) {
          if (v.error !== void 0) {
            state = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to compile: ${v.error}`) };
          } else {
            try {
              state = { value: v.program(ctx2) };
            } catch (e) {
              if (e instanceof BudgetExceeded) throw e;
              state = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to evaluate: ${evalErrorText(e)}`) };
            }
          }
        }
        if ("error" in state) throw state.error;
        return state.value;
      }
    });
  }
  return variables;
}

// src/cel/admission.ts
function celReviewBindings(review) {
  const operation = typeof review.operation === "string" ? review.operation : "";
  const namespaceObject = isJsonObject(review.namespaceObject) ? review.namespaceObject : {};
  return {
    // The driver clears Object on DELETE (variables.anyObject then falls back to oldObject).
    object: operation === "DELETE" ? null : review.object ?? null,
    oldObject: review.oldObject ?? null,
    request: celRequest(review, operation),
    // What the review carries as its namespaceObject (Rego's too): none in gator and audit.
    namespaceObject: Object.keys(namespaceObject).length === 0 ? null : celNamespaceObject(namespaceObject)
  };
}
function celRequest(r, operation) {
  const gvk = isJsonObject(r.kind) ? r.kind : { group: "", version: "", kind: "" };
  const gvr = isJsonObject(r.resource) ? r.resource : { group: "", version: "", resource: "" };
  const out = {
    kind: { group: gvk.group ?? "", version: gvk.version ?? "", kind: gvk.kind ?? "" },
    resource: { group: gvr.group ?? "", version: gvr.version ?? "", resource: gvr.resource ?? "" },
    requestKind: { group: gvk.group ?? "", version: gvk.version ?? "", kind: gvk.kind ?? "" },
    requestResource: { group: gvr.group ?? "", version: gvr.version ?? "", resource: gvr.resource ?? "" }
  };
  if (typeof r.subResource === "string" && r.subResource !== "") {
    out.subResource = r.subResource;
    out.requestSubResource = r.subResource;
  }
  if (typeof r.name === "string" && r.name !== "") out.name = r.name;
  if (typeof r.namespace === "string" && r.namespace !== "") out.namespace = r.namespace;
  out.operation = ["CREATE", "UPDATE", "DELETE", "CONNECT"].includes(operation) ? operation : "";
  const user = isJsonObject(r.userInfo) ? r.userInfo : {};
  const userInfo = {};
  for (const key of ["username", "uid", "groups", "extra"]) {
    const v = user[key];
    if (v === void 0 || v === null || v === "" || Array.isArray(v) && v.length === 0 || isJsonObject(v) && Object.keys(v).length === 0) continue;
    userInfo[key] = v;
  }
  out.userInfo = userInfo;
  out.dryRun = r.dryRun === true;
  out.options = isJsonObject(r.options) ? r.options : null;
  return out;
}
function celNamespaceObject(ns) {
  const meta = isJsonObject(ns.metadata) ? ns.metadata : {};
  const keep = ["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "finalizers"];
  const metadata = {};
  for (const k of keep) if (meta[k] !== void 0) metadata[k] = meta[k];
  if (metadata.creationTimestamp === void 0) metadata.creationTimestamp = null;
  return { metadata, spec: isJsonObject(ns.spec) ? ns.spec : {}, status: isJsonObject(ns.status) ? ns.status : {} };
}
function isJsonObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/opa/eval-worker.ts
var { progress, maxPages } = workerData;
var modules = /* @__PURE__ */ new Map();
var data = /* @__PURE__ */ new Map();
var instances = /* @__PURE__ */ new Map();
var celSources = /* @__PURE__ */ new Map();
var celCompiled = /* @__PURE__ */ new Map();
var parsedParams = /* @__PURE__ */ new Map();
function evaluateCel(item, bindings) {
  let compiled = celCompiled.get(item.celId);
  if (compiled === void 0) {
    const source = celSources.get(item.celId);
    if (!source) throw new Error(`CEL source ${item.celId} was not sent to this worker`);
    celCompiled.set(item.celId, compiled = compileCel(source));
  }
  let constraints = parsedParams.get(item.paramsId);
  if (constraints === void 0) {
    constraints = JSON.parse(data.get(item.paramsId) ?? "[]");
    parsedParams.set(item.paramsId, constraints);
  }
  return JSON.stringify(constraints.map((params) => validateCel(compiled, { ...bindings, params, numbers: item.numbers }).map((d) => d.message)));
}
var MAX_INSTANCES = 8;
function instance(moduleId, dataId) {
  let entry = instances.get(moduleId);
  if (entry) {
    instances.delete(moduleId);
    instances.set(moduleId, entry);
  } else {
    if (instances.size >= MAX_INSTANCES) instances.delete(instances.keys().next().value);
    const module = modules.get(moduleId);
    if (!module) throw new Error(`module ${moduleId} was not sent to this worker`);
    entry = { policy: new WasmPolicy(module, { builtins: hostBuiltins, maxMemoryPages: maxPages }), dataId: void 0 };
    instances.set(moduleId, entry);
  }
  if (entry.dataId !== dataId) {
    entry.policy.setData(data.get(dataId) ?? "{}");
    entry.dataId = dataId;
  }
  return entry.policy;
}
parentPort.on("message", (msg) => {
  if (msg.type === "module") {
    modules.set(msg.id, msg.module);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === "drop-module") {
    modules.delete(msg.id);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === "cel") {
    celSources.set(msg.id, msg.source);
    celCompiled.delete(msg.id);
    return;
  }
  if (msg.type === "drop-data") {
    data.delete(msg.id);
    parsedParams.delete(msg.id);
    return;
  }
  if (msg.type === "data") {
    data.set(msg.id, msg.json);
    parsedParams.delete(msg.id);
    for (const entry of instances.values()) if (entry.dataId === msg.id) entry.dataId = void 0;
    return;
  }
  const outcomes = [];
  const bindings = /* @__PURE__ */ new Map();
  msg.items.forEach((item, i) => {
    Atomics.store(progress, 0, i + 1);
    if (isCelItem(item)) {
      try {
        let b = bindings.get(item.review);
        if (b === void 0) bindings.set(item.review, b = celReviewBindings(JSON.parse(msg.reviews[item.review] ?? "{}")));
        outcomes.push({ result: evaluateCel(item, b) });
      } catch (e) {
        outcomes.push({ error: errorText(e) });
      }
      return;
    }
    try {
      const policy = instance(item.moduleId, item.dataId);
      const id = policy.entrypoints[item.entrypoint];
      if (id === void 0) throw new Error(`entrypoint ${item.entrypoint} is not in the compiled module`);
      const review = msg.reviews[item.review] ?? "null";
      const input = item.inputRest === "" ? `{"review":${review}}` : `{"review":${review},${item.inputRest}}`;
      outcomes.push({ result: policy.evaluate(id, input) });
    } catch (e) {
      instances.delete(item.moduleId);
      outcomes.push({ error: errorText(e) });
    }
  });
  parentPort.postMessage({ outcomes });
});
//# sourceMappingURL=eval-worker.mjs.map
