import {
  goCompare,
  goFloatText,
  goQuote,
  quoteWith
} from "./chunk-LV3SBTA7.mjs";

// src/opa/pool-protocol.ts
function isCelItem(item) {
  return "celId" in item;
}

// src/opa/sorted-module.ts
var ModulePatchError = class extends Error {
};
var HASH_FUNCTION = "opa_value_hash";
var Reader = class {
  constructor(bytes, pos) {
    this.bytes = bytes;
    this.pos = pos;
  }
  bytes;
  pos;
  u32() {
    let result = 0;
    let shift = 0;
    for (; ; ) {
      if (this.pos >= this.bytes.length) throw new ModulePatchError("truncated LEB128 in wasm module");
      const b = this.bytes[this.pos++];
      result += (b & 127) * 2 ** shift;
      if ((b & 128) === 0) return result;
      shift += 7;
      if (shift > 35) throw new ModulePatchError("LEB128 too long in wasm module");
    }
  }
  byte() {
    if (this.pos >= this.bytes.length) throw new ModulePatchError("truncated wasm module");
    return this.bytes[this.pos++];
  }
  name() {
    const len = this.u32();
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
};
function leb(n) {
  const out = [];
  do {
    let b = n & 127;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 128;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sections(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 97 || bytes[2] !== 115 || bytes[3] !== 109) {
    throw new ModulePatchError("not a wasm module");
  }
  const out = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const header = r.pos;
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    if (start + size > bytes.length) throw new ModulePatchError("wasm section runs past the end of the module");
    out.push({ id, header, start, end: start + size });
    r.pos = start + size;
  }
  return out;
}
function functionIndex(bytes, all, wanted) {
  for (const s of all) {
    if (s.id !== 0) continue;
    const r = new Reader(bytes, s.start);
    if (r.name() !== "name") continue;
    while (r.pos < s.end) {
      const sub = r.byte();
      const size = r.u32();
      const next = r.pos + size;
      if (sub === 1) {
        const count = r.u32();
        for (let i = 0; i < count; i++) {
          const index = r.u32();
          if (r.name() === wanted) return index;
        }
      }
      r.pos = next;
    }
  }
  return void 0;
}
function importedFunctions(bytes, all) {
  const byName = /* @__PURE__ */ new Map();
  const imports = all.find((s) => s.id === 2);
  if (!imports) return { count: 0, byName, globals: 0 };
  const r = new Reader(bytes, imports.start);
  let functions = 0;
  let globals = 0;
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const name = r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.u32();
      if (module === "env") byName.set(name, functions);
      functions++;
    } else if (kind === 1) {
      r.byte();
      limits(r);
    } else if (kind === 2) {
      limits(r);
    } else if (kind === 3) {
      r.byte();
      r.byte();
      globals++;
    } else {
      throw new ModulePatchError(`unknown import kind ${kind}`);
    }
  }
  return { count: functions, byName, globals };
}
function limits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}
function functionType(bytes, all, defined) {
  const funcs = all.find((s) => s.id === 3);
  const types = all.find((s) => s.id === 1);
  if (!funcs || !types) throw new ModulePatchError("wasm module has no function or type section");
  const fr = new Reader(bytes, funcs.start);
  const count = fr.u32();
  if (defined >= count) throw new ModulePatchError("function index out of range");
  let typeIndex = 0;
  for (let i = 0; i <= defined; i++) typeIndex = fr.u32();
  const tr = new Reader(bytes, types.start);
  const typeCount = tr.u32();
  for (let i = 0; i < typeCount; i++) {
    if (tr.byte() !== 96) throw new ModulePatchError("unexpected type form");
    const params = Array.from({ length: tr.u32() }, () => tr.byte());
    const results = Array.from({ length: tr.u32() }, () => tr.byte());
    if (i === typeIndex) return { params, results };
  }
  throw new ModulePatchError("type index out of range");
}
var I32 = 127;
var ROUTED_BUILTINS = [
  { name: "base64.decode", fn: "opa_base64_decode", arity: 1 },
  { name: "base64.is_valid", fn: "opa_base64_is_valid", arity: 1 },
  { name: "json.is_valid", fn: "opa_json_is_valid", arity: 1 },
  { name: "replace", fn: "opa_strings_replace", arity: 3 },
  { name: "format_int", fn: "opa_strings_format_int", arity: 2 },
  { name: "json.unmarshal", fn: "opa_json_unmarshal", arity: 1 },
  { name: "net.cidr_contains", fn: "opa_cidr_contains", arity: 2 },
  { name: "json.marshal", fn: "opa_json_marshal", arity: 1 },
  { name: "max", fn: "opa_agg_max", arity: 1 },
  { name: "min", fn: "opa_agg_min", arity: 1 },
  { name: "to_number", fn: "opa_to_number", arity: 1 },
  // Arithmetic: the runtime computes in decimal (libmpdec) and prints floats as `1e+12`; topdown uses a
  // 64-bit-mantissa big.Float and prints 1000000000000 (1/3*3 == 1 holds there).
  { name: "plus", fn: "opa_arith_plus", arity: 2 },
  { name: "minus", fn: "opa_arith_minus", arity: 2 },
  { name: "mul", fn: "opa_arith_multiply", arity: 2 },
  { name: "div", fn: "opa_arith_divide", arity: 2 },
  { name: "rem", fn: "opa_arith_rem", arity: 2 },
  { name: "abs", fn: "opa_arith_abs", arity: 1 },
  { name: "round", fn: "opa_arith_round", arity: 1 },
  { name: "ceil", fn: "opa_arith_ceil", arity: 1 },
  { name: "floor", fn: "opa_arith_floor", arity: 1 },
  { name: "numbers.range", fn: "opa_numbers_range", arity: 2 },
  { name: "sum", fn: "opa_agg_sum", arity: 1 },
  { name: "product", fn: "opa_agg_product", arity: 1 }
];
var ROUTED_BUILTIN_ID_BASE = 1073741824;
function sleb32(n) {
  const out = [];
  for (; ; ) {
    const b = n & 127;
    n >>= 7;
    if (n === 0 && (b & 64) === 0 || n === -1 && (b & 64) !== 0) {
      out.push(b);
      return out;
    }
    out.push(b | 128);
  }
}
function checkSignature(bytes, all, defined, fn, arity) {
  const type = functionType(bytes, all, defined);
  if (type.params.length !== arity || type.params.some((p) => p !== I32) || type.results.length !== 1 || type.results[0] !== I32) {
    throw new ModulePatchError(`${fn} does not have the signature (${Array(arity).fill("i32").join(", ")}) -> i32`);
  }
}
var NUMBER_COMPARE_FUNCTION = "opa_value_compare_number";
var NUMBER_COMPARE_ID = ROUTED_BUILTIN_ID_BASE + 1048576;
function definedFunction(wasm, all, imports, fn, arity) {
  const index = functionIndex(wasm, all, fn);
  if (index === void 0) throw new ModulePatchError(`wasm module has no ${fn} in its name section`);
  const defined = index - imports.count;
  if (defined < 0) throw new ModulePatchError(`${fn} is an imported function`);
  checkSignature(wasm, all, defined, fn, arity);
  return defined;
}
function stackPointerGlobal(wasm, all, defined, importedGlobals) {
  const code = all.find((s) => s.id === 10);
  const globals = all.find((s) => s.id === 6);
  if (!code || !globals) throw new ModulePatchError("wasm module has no code or global section");
  const r = new Reader(wasm, code.start);
  const count = r.u32();
  if (defined >= count) throw new ModulePatchError("function index out of range");
  for (let i = 0; i < defined; i++) {
    const size = r.u32();
    r.pos += size;
  }
  r.u32();
  const groups = r.u32();
  for (let i = 0; i < groups; i++) {
    r.u32();
    r.byte();
  }
  if (r.byte() !== 35) throw new ModulePatchError(`${NUMBER_COMPARE_FUNCTION} does not start by reading the stack pointer`);
  const sp = r.u32();
  const g = new Reader(wasm, globals.start);
  const own = sp - importedGlobals;
  if (own < 0 || own >= g.u32()) throw new ModulePatchError("stack pointer global out of range");
  for (let i = 0; i < own; i++) {
    g.byte();
    g.byte();
    const op = g.byte();
    if (op !== 65 && op !== 35) throw new ModulePatchError("unexpected global initializer");
    g.u32();
    if (g.byte() !== 11) throw new ModulePatchError("unexpected global initializer");
  }
  if (g.byte() !== I32 || g.byte() !== 1) throw new ModulePatchError("the stack pointer global is not a mutable i32");
  return sp;
}
function numberCompareBody(wasm, all, defined, imports) {
  const host = imports.byName.get("opa_builtin2");
  if (host === void 0) throw new ModulePatchError("wasm module does not import opa_builtin2");
  const atoi = imports.count + definedFunction(wasm, all, imports, "opa_atoi64", 3);
  const sp = stackPointerGlobal(wasm, all, defined, imports.globals);
  const int64 = (x, out) => [
    32,
    x,
    45,
    0,
    1,
    34,
    3,
    65,
    1,
    70,
    // (local 3 = x->repr) == 1
    4,
    I32,
    32,
    2,
    32,
    x,
    41,
    3,
    8,
    55,
    3,
    out,
    65,
    1,
    // store x->v.i; 1
    5,
    32,
    3,
    65,
    2,
    70,
    // repr == 2
    4,
    I32,
    32,
    x,
    40,
    2,
    8,
    32,
    x,
    40,
    2,
    12,
    // x->v.ref.s, x->v.ref.len
    32,
    2,
    65,
    out,
    106,
    16,
    ...leb(atoi),
    69,
    // opa_atoi64(s, len, local 2 + out) == 0
    5,
    65,
    0,
    11,
    11
  ];
  return [
    1,
    2,
    I32,
    // two i32 locals (2, 3)
    35,
    ...leb(sp),
    65,
    16,
    107,
    34,
    2,
    36,
    ...leb(sp),
    // local 2 = sp -= 16
    ...int64(0, 0),
    4,
    I32,
    // if (result i32)
    ...int64(1, 8),
    5,
    65,
    0,
    11,
    // else 0 end
    4,
    I32,
    // if (result i32)
    32,
    2,
    41,
    3,
    0,
    32,
    2,
    41,
    3,
    8,
    85,
    // i64 a > i64 b
    32,
    2,
    41,
    3,
    0,
    32,
    2,
    41,
    3,
    8,
    83,
    // i64 a < i64 b
    107,
    // i32.sub
    5,
    // else
    65,
    ...sleb32(NUMBER_COMPARE_ID),
    65,
    0,
    32,
    0,
    32,
    1,
    16,
    ...leb(host),
    11,
    // end if
    32,
    2,
    65,
    16,
    106,
    36,
    ...leb(sp),
    // sp += 16
    11
  ];
}
var VALUE_GET_FUNCTION = "opa_value_get";
var OPA_SET = 7;
function valueGetBody(original) {
  return [
    1,
    1,
    I32,
    // one i32 local (2)
    32,
    0,
    32,
    1,
    16,
    ...leb(original),
    34,
    2,
    // local 2 = original(node, key)
    4,
    I32,
    // if (result i32): found
    32,
    0,
    45,
    0,
    0,
    65,
    OPA_SET,
    70,
    // node->type == OPA_SET
    4,
    I32,
    32,
    1,
    5,
    32,
    2,
    11,
    // ? key : found
    5,
    65,
    0,
    11,
    // else NULL
    11
  ];
}
function definedCount(wasm, all) {
  const funcs = all.find((s) => s.id === 3);
  if (!funcs) throw new ModulePatchError("wasm module has no function section");
  return new Reader(wasm, funcs.start).u32();
}
function functionTypeIndex(wasm, all, defined) {
  const funcs = all.find((s) => s.id === 3);
  if (!funcs) throw new ModulePatchError("wasm module has no function section");
  const r = new Reader(wasm, funcs.start);
  if (defined >= r.u32()) throw new ModulePatchError("function index out of range");
  let type = 0;
  for (let i = 0; i <= defined; i++) type = r.u32();
  return type;
}
function sortedIterationModule(wasm) {
  const all = sections(wasm);
  const imports = importedFunctions(wasm, all);
  const bodies = /* @__PURE__ */ new Map();
  const index = functionIndex(wasm, all, HASH_FUNCTION);
  if (index === void 0) throw new ModulePatchError(`wasm module has no ${HASH_FUNCTION} in its name section`);
  const defined = index - imports.count;
  if (defined < 0) throw new ModulePatchError(`${HASH_FUNCTION} is an imported function`);
  checkSignature(wasm, all, defined, HASH_FUNCTION, 1);
  bodies.set(defined, [0, 65, 0, 11]);
  const compare = definedFunction(wasm, all, imports, NUMBER_COMPARE_FUNCTION, 2);
  bodies.set(compare, numberCompareBody(wasm, all, compare, imports));
  const get = definedFunction(wasm, all, imports, VALUE_GET_FUNCTION, 2);
  const moved = { type: functionTypeIndex(wasm, all, get), from: get };
  bodies.set(get, valueGetBody(imports.count + definedCount(wasm, all)));
  ROUTED_BUILTINS.forEach((b, i) => {
    const at = functionIndex(wasm, all, b.fn);
    if (at === void 0 || at < imports.count) return;
    checkSignature(wasm, all, at - imports.count, b.fn, b.arity);
    const host = imports.byName.get(`opa_builtin${b.arity}`);
    if (host === void 0) throw new ModulePatchError(`wasm module does not import opa_builtin${b.arity}`);
    const body = [0, 65, ...sleb32(ROUTED_BUILTIN_ID_BASE + i), 65, 0];
    for (let a = 0; a < b.arity; a++) body.push(32, a);
    body.push(16, ...leb(host), 11);
    bodies.set(at - imports.count, body);
  });
  return replaceBodies(wasm, all, bodies, [moved]);
}
function replaceBodies(wasm, all, bodies, moved) {
  const code = all.find((s) => s.id === 10);
  const funcs = all.find((s) => s.id === 3);
  if (!code || !funcs) throw new ModulePatchError("wasm module has no code or function section");
  const fr = new Reader(wasm, funcs.start);
  const funcCount = fr.u32();
  const funcContent = [...leb(funcCount + moved.length), ...wasm.subarray(fr.pos, funcs.end), ...moved.flatMap((m) => leb(m.type))];
  const r = new Reader(wasm, code.start);
  const count = r.u32();
  if (count !== funcCount) throw new ModulePatchError("function and code sections disagree");
  const chunks = [new Uint8Array(leb(count + moved.length))];
  const originals = /* @__PURE__ */ new Map();
  let copied = 0;
  for (let i = 0; i < count; i++) {
    const sizeStart = r.pos;
    const size = r.u32();
    const end = r.pos + size;
    if (moved.some((m) => m.from === i)) originals.set(i, wasm.subarray(sizeStart, end));
    const body = bodies.get(i);
    if (body) {
      chunks.push(new Uint8Array([...leb(body.length), ...body]));
      copied++;
    } else {
      chunks.push(wasm.subarray(sizeStart, end));
    }
    r.pos = end;
  }
  if (copied !== bodies.size) throw new ModulePatchError("function body index out of range");
  for (const m of moved) {
    const original = originals.get(m.from);
    if (!original) throw new ModulePatchError("moved function index out of range");
    chunks.push(original);
  }
  const codeLength = chunks.reduce((n, c) => n + c.length, 0);
  const parts = [];
  let at = 0;
  for (const sec of [funcs, code].sort((a, b) => a.header - b.header)) {
    parts.push(wasm.subarray(at, sec.header));
    if (sec === funcs) {
      parts.push([3, ...leb(funcContent.length)], funcContent);
    } else {
      parts.push([10, ...leb(codeLength)], ...chunks);
    }
    at = sec.end;
  }
  parts.push(wasm.subarray(at));
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of parts) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

// src/go/number-compare.ts
var DECIMAL_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;
function parseDecimal(text) {
  const m = DECIMAL_RE.exec(text);
  if (!m) return void 0;
  const int = m[2] ?? "";
  let frac = m[3] ?? "";
  if (int === "" && frac === "") return void 0;
  const exp = m[4] === void 0 ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1e12) return void 0;
  frac = frac.replace(/0+$/, "");
  let digits = (int + frac).replace(/^0+/, "");
  let e = exp - frac.length;
  const trimmed = digits.replace(/0+$/, "");
  e += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === "") return { sign: 0, digits, exp: 0 };
  return { sign: m[1] === "-" ? -1 : 1, digits, exp: e };
}
function compareDecimalText(a, b) {
  if (a === b) return 0;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  if (x.sign !== y.sign) return x.sign < y.sign ? -1 : 1;
  if (x.sign === 0) return 0;
  const mx = x.digits.length + x.exp;
  const my = y.digits.length + y.exp;
  let abs;
  if (mx !== my) {
    abs = mx < my ? -1 : 1;
  } else {
    abs = x.digits === y.digits ? 0 : x.digits < y.digits ? -1 : 1;
  }
  return x.sign * abs;
}
var INT64_RE = /^[+-]?[0-9]+$/;
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
function trimDotZeros(s) {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 46 && c !== 48) break;
    end--;
  }
  return s.slice(0, end);
}
function int64Of(s) {
  if (!INT64_RE.test(s)) return void 0;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? void 0 : v;
}
function float64Of(s) {
  const f = Number(s);
  return Number.isFinite(f) ? f : void 0;
}
var POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
function plainDecimal(at, start, end) {
  let i = start;
  const negative = i < end && at(i) === 45;
  if (negative) i++;
  let mant = 0;
  let digits = 0;
  let fraction = -1;
  let last = 0;
  for (; i < end; i++) {
    const c = at(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 15) return NaN;
      mant = mant * 10 + (c - 48);
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0) {
      fraction = 0;
    } else {
      return NaN;
    }
    last = c;
  }
  if (digits === 0 || fraction === 0 || fraction > 0 && last === 48) return NaN;
  const v = fraction > 0 ? mant / POW10[fraction] : mant;
  return negative ? -v : v;
}
function numberCompare(x, y) {
  if (x === y) return 0;
  const a = plainDecimal((i) => x.charCodeAt(i), 0, x.length);
  const b = plainDecimal((i) => y.charCodeAt(i), 0, y.length);
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  let xs = x;
  let ys = y;
  let xIsFloat = false;
  let yIsFloat = false;
  if (xs.includes(".")) {
    const t = trimDotZeros(xs);
    if (t !== xs) {
      xIsFloat = t.includes(".");
      xs = t;
    }
  }
  if (ys.includes(".")) {
    const t = trimDotZeros(ys);
    if (t !== ys) {
      yIsFloat = t.includes(".");
      ys = t;
    }
  }
  if (xs === ys) return 0;
  const xi = int64Of(x);
  if (xi !== void 0) {
    const yi = int64Of(y);
    if (yi !== void 0) return xi < yi ? -1 : xi > yi ? 1 : 0;
  }
  if (xIsFloat && yIsFloat) {
    const xf = float64Of(x);
    const yf = float64Of(y);
    if (xf !== void 0 && yf !== void 0 && xf === yf) return 0;
  }
  return compareDecimalText(x, y);
}

// src/opa/rego-value.ts
var regoNull = { t: "null" };
var regoTrue = { t: "boolean", v: true };
var regoFalse = { t: "boolean", v: false };
function regoBool(v) {
  return v ? regoTrue : regoFalse;
}
function regoString(v) {
  return { t: "string", v };
}
function regoNumber(v) {
  return { t: "number", v: typeof v === "string" ? v : v.toString() };
}
function regoArray(v) {
  return { t: "array", v };
}
var NUMBER_RE = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
function isNumberText(text) {
  return NUMBER_RE.test(text);
}
var ValueParser = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  parseAll() {
    const value = this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail("unexpected trailing text");
    return value;
  }
  fail(msg) {
    throw new Error(`rego value: ${msg} at offset ${this.pos}`);
  }
  ws() {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
  value(depth) {
    if (depth > 1e4) this.fail("nesting too deep");
    this.ws();
    const c = this.text[this.pos];
    switch (c) {
      case void 0:
        return this.fail("unexpected end of text");
      case '"':
        return { t: "string", v: this.string() };
      case "[":
        return this.array(depth);
      case "{":
        return this.objectOrSet(depth);
      case "n":
        return this.atom("null", regoNull);
      case "t":
        return this.atom("true", regoTrue);
      case "f":
        return this.atom("false", regoFalse);
      case "s":
        return this.emptySet();
      default:
        if (c === "-" || c >= "0" && c <= "9") return this.number();
        return this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }
  atom(word, value) {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}`);
    this.pos += word.length;
    return value;
  }
  emptySet() {
    if (!this.text.startsWith("set(", this.pos)) this.fail("expected set()");
    this.pos += 4;
    this.ws();
    if (this.text[this.pos] !== ")") this.fail("expected )");
    this.pos++;
    return { t: "set", v: [] };
  }
  number() {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 1e5));
    if (!m || m[0] === "" || m[0] === "-") this.fail("bad number");
    this.pos += m[0].length;
    return { t: "number", v: m[0] };
  }
  string() {
    this.pos++;
    let out = "";
    let start = this.pos;
    for (; ; ) {
      if (this.pos >= this.text.length) this.fail("unterminated string");
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 32) this.fail("control character in string");
      if (c !== 92) {
        this.pos++;
        continue;
      }
      out += this.text.slice(start, this.pos);
      const e = this.text[this.pos + 1];
      this.pos += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case "\\":
          out += "\\";
          break;
        case "/":
          out += "/";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "	";
          break;
        case "u": {
          const hex = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail("bad escape");
      }
      start = this.pos;
    }
  }
  array(depth) {
    this.pos++;
    const items = [];
    this.ws();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { t: "array", v: items };
    }
    for (; ; ) {
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.text[this.pos++];
      if (c === "]") return { t: "array", v: items };
      if (c !== ",") this.fail("expected , or ]");
    }
  }
  objectOrSet(depth) {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return { t: "object", v: [] };
    }
    const first = this.value(depth + 1);
    this.ws();
    if (this.text[this.pos] === ":") {
      this.pos++;
      const pairs = [[first, this.value(depth + 1)]];
      for (; ; ) {
        this.ws();
        const c = this.text[this.pos++];
        if (c === "}") return { t: "object", v: pairs };
        if (c !== ",") this.fail("expected , or }");
        const k = this.value(depth + 1);
        this.ws();
        if (this.text[this.pos++] !== ":") this.fail("expected :");
        pairs.push([k, this.value(depth + 1)]);
      }
    }
    const elems = [first];
    for (; ; ) {
      this.ws();
      const c = this.text[this.pos++];
      if (c === "}") return { t: "set", v: elems };
      if (c !== ",") this.fail("expected , or }");
      elems.push(this.value(depth + 1));
    }
  }
};
function parseRegoValue(text) {
  return new ValueParser(text).parseAll();
}
var TYPE_ORDER = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 7,
  object: 8,
  set: 9
};
function sortedSet(elems) {
  const sorted = [...elems].sort(compareRegoValues);
  return sorted.filter((v, i) => i === 0 || compareRegoValues(sorted[i - 1], v) !== 0);
}
function sortedObject(pairs) {
  return [...pairs].sort((p, q) => compareRegoValues(p[0], q[0]));
}
function compareRegoValues(a, b) {
  if (a.t !== b.t) return TYPE_ORDER[a.t] < TYPE_ORDER[b.t] ? -1 : 1;
  switch (a.t) {
    case "null":
      return 0;
    case "boolean": {
      const bv = b.v;
      return a.v === bv ? 0 : a.v ? 1 : -1;
    }
    case "number":
      return numberCompare(a.v, b.v);
    case "string":
      return goCompare(a.v, b.v);
    case "array":
      return compareLists(a.v, b.v);
    case "set":
      return compareLists(sortedSet(a.v), sortedSet(b.v));
    case "object": {
      const ka = sortedObject(a.v);
      const kb = sortedObject(b.v);
      const n = Math.min(ka.length, kb.length);
      for (let i = 0; i < n; i++) {
        const [k1, v1] = ka[i];
        const [k2, v2] = kb[i];
        const c = compareRegoValues(k1, k2) || compareRegoValues(v1, v2);
        if (c !== 0) return c;
      }
      return ka.length - kb.length;
    }
  }
}
function compareLists(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareRegoValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function regoValuesEqual(a, b) {
  return compareRegoValues(a, b) === 0;
}
function appendText(value, quote) {
  switch (value.t) {
    case "null":
      return "null";
    case "boolean":
      return value.v ? "true" : "false";
    case "number":
      return value.v;
    case "string":
      return quote(value.v);
    case "array":
      return "[" + value.v.map((x) => appendText(x, quote)).join(", ") + "]";
    case "set":
      if (value.v.length === 0) return "set()";
      return "{" + sortedSet(value.v).map((x) => appendText(x, quote)).join(", ") + "}";
    case "object":
      return "{" + sortedObject(value.v).map(([k, v]) => appendText(k, quote) + ": " + appendText(v, quote)).join(", ") + "}";
  }
}
function regoTermString(value) {
  return appendText(value, (s) => quoteWith(s, 34, "go"));
}
function formatRegoValue(value) {
  return appendText(value, (s) => quoteWith(s, 34, "json"));
}
function regoToJson(value) {
  switch (value.t) {
    case "null":
      return null;
    case "boolean":
      return value.v;
    case "number":
      return Number(value.v);
    case "string":
      return value.v;
    case "array":
      return value.v.map(regoToJson);
    case "set":
      return sortedSet(value.v).map(regoToJson);
    case "object": {
      const out = {};
      for (const [k, v] of sortedObject(value.v)) {
        Object.defineProperty(out, k.t === "string" ? k.v : formatRegoValue(k), {
          value: regoToJson(v),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
  }
}
function goJsonSurrogates(json) {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  return json.replace(
    /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|(u[dD][89a-fA-F][0-9a-fA-F]{2})|[^])/g,
    (all, lone) => lone === void 0 ? all : "\\ufffd"
  );
}

// src/gatekeeper/selector.ts
function goNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return goFloatText(n);
}
function goValue(v) {
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  const keys = Object.keys(v).sort(goCompare);
  return `map[${keys.map((k) => `${k}:${goValue(v[k] ?? null)}`).join(" ")}]`;
}
function goType(v) {
  if (v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
function fieldValue(v) {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
function aggregate(messages) {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] ?? "";
  return `[${unique.join(", ")}]`;
}
var LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
var LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
var DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
var DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
function regexError(msg, re, ...examples) {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${re}')`;
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function dns1123SubdomainErrors(value, unit = "bytes") {
  const errs = [];
  if (byteLength(value) > 253) errs.push(`must be no more than 253 ${unit}`);
  if (!new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com"
      )
    );
  }
  return errs;
}
function dns1123LabelErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${DNS1123_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        "my-name",
        "123-abc"
      )
    );
  }
  return errs;
}
var DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
function dns1035LabelErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${DNS1035_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        "my-name",
        "abc-123"
      )
    );
  }
  return errs;
}
var LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
function labelKeyErrors(value) {
  const errs = [];
  const parts = value.split("/");
  let name;
  if (parts.length === 1) {
    name = parts[0] ?? "";
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    name = parts[1] ?? "";
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const m of dns1123SubdomainErrors(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (byteLength(name) > 63) errs.push("name part must be no more than 63 bytes");
  if (!new RegExp(`^${LABEL_KEY_FMT}$`).test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  }
  return errs;
}
function labelValueErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345"
      )
    );
  }
  return errs;
}
function jsonKind(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}
function field(obj, name) {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).sort(goCompare).find((k) => k.toLowerCase() === lower);
  return key === void 0 ? void 0 : obj[key];
}
function typeError(value, struct, path, goTypeName) {
  return `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${path} of type ${goTypeName}`;
}
function labelSelectorFromJson(value) {
  const fail = (message) => ({ error: `Could not convert JSON to LabelSelector: ${message}` });
  if (value === null) return { selector: {} };
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.LabelSelector`);
  }
  const selector = {};
  const exprs = field(value, "matchExpressions");
  if (exprs !== void 0 && exprs !== null) {
    if (!Array.isArray(exprs)) return fail(typeError(exprs, "LabelSelector", "matchExpressions", "[]v1.LabelSelectorRequirement"));
    const out = [];
    for (const e of exprs) {
      const req = { key: "", operator: "" };
      if (e !== null) {
        if (typeof e !== "object" || Array.isArray(e)) {
          return fail(typeError(e, "LabelSelector", "matchExpressions", "v1.LabelSelectorRequirement"));
        }
        const key = field(e, "key");
        if (key !== void 0 && key !== null) {
          if (typeof key !== "string") return fail(typeError(key, "LabelSelectorRequirement", "matchExpressions.key", "string"));
          req.key = key;
        }
        const op = field(e, "operator");
        if (op !== void 0 && op !== null) {
          if (typeof op !== "string") {
            return fail(typeError(op, "LabelSelectorRequirement", "matchExpressions.operator", "v1.LabelSelectorOperator"));
          }
          req.operator = op;
        }
        const values = field(e, "values");
        if (values !== void 0 && values !== null) {
          if (!Array.isArray(values)) return fail(typeError(values, "LabelSelectorRequirement", "matchExpressions.values", "[]string"));
          const vs = [];
          for (const v of values) {
            if (v === null) vs.push("");
            else if (typeof v !== "string") return fail(typeError(v, "LabelSelectorRequirement", "matchExpressions.values", "string"));
            else vs.push(v);
          }
          req.values = vs;
        }
      }
      out.push(req);
    }
    selector.matchExpressions = out;
  }
  const labels = field(value, "matchLabels");
  if (labels !== void 0 && labels !== null) {
    if (typeof labels !== "object" || Array.isArray(labels)) {
      return fail(typeError(labels, "LabelSelector", "matchLabels", "map[string]string"));
    }
    const out = {};
    for (const k of Object.keys(labels).sort(goCompare)) {
      const v = labels[k] ?? null;
      if (v === null) out[k] = "";
      else if (typeof v !== "string") return fail(typeError(v, "LabelSelector", "matchLabels", "string"));
      else out[k] = v;
    }
    selector.matchLabels = out;
  }
  return { selector };
}
var OPERATORS = /* @__PURE__ */ new Set(["In", "NotIn", "Exists", "DoesNotExist"]);
function labelSelectorFieldErrors(selector, path) {
  const errs = [];
  const labelsPath = `${path}.matchLabels`;
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? "";
    for (const m of labelKeyErrors(k)) errs.push(`${labelsPath}: Invalid value: ${goQuote(k)}: ${m}`);
    for (const m of labelValueErrors(v)) errs.push(`${labelsPath}: Invalid value: ${goQuote(v)}: ${m}`);
  }
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    if (e.operator === "In" || e.operator === "NotIn") {
      if (values.length === 0) errs.push(`${p}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`);
    } else if (e.operator === "Exists" || e.operator === "DoesNotExist") {
      if (values.length > 0) errs.push(`${p}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`);
    } else {
      errs.push(`${p}.operator: Invalid value: ${goQuote(e.operator)}: not a valid selector operator`);
    }
    for (const m of labelKeyErrors(e.key)) errs.push(`${p}.key: Invalid value: ${goQuote(e.key)}: ${m}`);
    values.forEach((v, j) => {
      for (const m of labelValueErrors(v)) errs.push(`${p}.values[${j}]: Invalid value: ${goQuote(v)}: ${m}`);
    });
  });
  return errs;
}
function requirementsOf(selector) {
  const reqs = [];
  const check = (key, op, values) => {
    const errs = [];
    const keyErrs = labelKeyErrors(key);
    if (keyErrs.length > 0) errs.push(`key: Invalid value: ${goQuote(key)}: ${keyErrs.join("; ")}`);
    if ((op === "In" || op === "NotIn") && values.length === 0) {
      errs.push(`values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`);
    }
    if ((op === "Exists" || op === "DoesNotExist") && values.length !== 0) {
      errs.push(`values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`);
    }
    values.forEach((v, i) => {
      const valueErrs = labelValueErrors(v);
      if (valueErrs.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrs.join("; ")}`);
    });
    return errs.length > 0 ? aggregate(errs) : void 0;
  };
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? "";
    const err = check(k, "In", [v]);
    if (err !== void 0) return { error: err };
    reqs.push({ key: k, op: "In", values: [v] });
  }
  for (const e of selector.matchExpressions ?? []) {
    if (!OPERATORS.has(e.operator)) return { error: `${goQuote(e.operator)} is not a valid label selector operator` };
    const values = e.values ?? [];
    const err = check(e.key, e.operator, values);
    if (err !== void 0) return { error: err };
    reqs.push({ key: e.key, op: e.operator, values });
  }
  return reqs;
}
function requirementMatches(r, labels) {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case "In":
      return has && value !== void 0 && r.values.includes(value);
    case "NotIn":
      return !has || value === void 0 || !r.values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}
var requirementsCache = /* @__PURE__ */ new WeakMap();
function evaluateLabelSelector(selector, labels) {
  let reqs = requirementsCache.get(selector);
  if (reqs === void 0) requirementsCache.set(selector, reqs = requirementsOf(selector));
  if (!Array.isArray(reqs)) return reqs;
  return reqs.every((r) => requirementMatches(r, labels));
}

export {
  goNumber,
  goValue,
  goType,
  fieldValue,
  aggregate,
  dns1123SubdomainErrors,
  dns1123LabelErrors,
  dns1035LabelErrors,
  labelKeyErrors,
  labelValueErrors,
  labelSelectorFromJson,
  labelSelectorFieldErrors,
  evaluateLabelSelector,
  ROUTED_BUILTINS,
  ROUTED_BUILTIN_ID_BASE,
  NUMBER_COMPARE_ID,
  sortedIterationModule,
  plainDecimal,
  numberCompare,
  regoBool,
  regoString,
  regoNumber,
  regoArray,
  isNumberText,
  parseRegoValue,
  compareRegoValues,
  regoValuesEqual,
  regoTermString,
  formatRegoValue,
  regoToJson,
  goJsonSurrogates,
  isCelItem
};
//# sourceMappingURL=chunk-MVMMHOUD.mjs.map
