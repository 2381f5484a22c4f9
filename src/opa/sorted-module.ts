// Makes a module built by `opa build -t wasm` iterate sets and objects in OPA's sorted order.
//
// Topdown iterates every set and object in ascending term order (`concat` of a set, comprehensions,
// `json.marshal`, `walk`, `[x | x := s[_]][0]`, ...). The wasm runtime (OPA's wasm/src/value.c) keeps
// them as hash tables: `opa_value_iter`, the json/value dumps and every C builtin walk bucket 0..n-1 and
// each bucket's chain, so the order is hash order. But each chain is kept sorted by opa_value_compare
// (`__opa_object_insert_elem`, `__opa_set_add_elem` insert in order). So when every value hashes to the
// same bucket, the one chain is the sorted sequence and every walk over it, in the runtime and in every
// compiled builtin, is in OPA's order. That is what this pass does: it replaces the body of the
// runtime's `opa_value_hash` with `return 0`. Lookups and inserts become linear in the size of the
// set/object (building one of n elements costs O(n²) comparisons), which is the price of exactness.
//
// Two more runtime functions are rewritten: `opa_value_compare_number`, so that numbers compare as
// topdown's ast.NumberCompare (`1 == 1.0`, and OPA's quirks: `10.0 == 1`), and `opa_value_get`, so that a
// set lookup gives the key (`{1}[1.0]` is 1.0), as topdown does.
//
// The function is found through the module's `name` section. A module without it, or whose
// `opa_value_hash` does not have the expected signature, is refused (fail closed: hash order would give
// verdicts Gatekeeper does not give).

export class ModulePatchError extends Error {}

const HASH_FUNCTION = 'opa_value_hash';

interface Section {
  id: number;
  /** Offset of the section's id byte. */
  header: number;
  /** Offset of the section's content (after id and size). */
  start: number;
  end: number;
}

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new ModulePatchError('truncated LEB128 in wasm module');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new ModulePatchError('LEB128 too long in wasm module');
    }
  }

  byte(): number {
    if (this.pos >= this.bytes.length) throw new ModulePatchError('truncated wasm module');
    return this.bytes[this.pos++]!;
  }

  name(): string {
    const len = this.u32();
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new ModulePatchError('not a wasm module');
  }
  const out: Section[] = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const header = r.pos;
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    if (start + size > bytes.length) throw new ModulePatchError('wasm section runs past the end of the module');
    out.push({ id, header, start, end: start + size });
    r.pos = start + size;
  }
  return out;
}

/** Function index → name from the `name` custom section's function-names subsection. */
function functionIndex(bytes: Uint8Array, all: Section[], wanted: string): number | undefined {
  for (const s of all) {
    if (s.id !== 0) continue;
    const r = new Reader(bytes, s.start);
    if (r.name() !== 'name') continue;
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
  return undefined;
}

/** The number of imported functions, and the function index of each `env.<name>` import. */
function importedFunctions(bytes: Uint8Array, all: Section[]): { count: number; byName: Map<string, number>; globals: number } {
  const byName = new Map<string, number>();
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
      if (module === 'env') byName.set(name, functions);
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

function limits(r: Reader): void {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}

/** The type index of defined function `defined` (0-based among non-imported functions). */
function functionType(bytes: Uint8Array, all: Section[], defined: number): { params: number[]; results: number[] } {
  const funcs = all.find((s) => s.id === 3);
  const types = all.find((s) => s.id === 1);
  if (!funcs || !types) throw new ModulePatchError('wasm module has no function or type section');
  const fr = new Reader(bytes, funcs.start);
  const count = fr.u32();
  if (defined >= count) throw new ModulePatchError('function index out of range');
  let typeIndex = 0;
  for (let i = 0; i <= defined; i++) typeIndex = fr.u32();
  const tr = new Reader(bytes, types.start);
  const typeCount = tr.u32();
  for (let i = 0; i < typeCount; i++) {
    if (tr.byte() !== 0x60) throw new ModulePatchError('unexpected type form');
    const params = Array.from({ length: tr.u32() }, () => tr.byte());
    const results = Array.from({ length: tr.u32() }, () => tr.byte());
    if (i === typeIndex) return { params, results };
  }
  throw new ModulePatchError('type index out of range');
}

const I32 = 0x7f;

/**
 * Builtins the wasm runtime implements natively but differently from OPA's Go builtins (topdown), each
 * with the runtime's C function. Their bodies are replaced by a call to the host (`opa_builtin<N>`) with
 * the id `ROUTED_BUILTIN_ID_BASE + index`; the host implements them with Go's semantics (builtins.ts).
 */
export const ROUTED_BUILTINS: ReadonlyArray<{ name: string; fn: string; arity: number }> = [
  { name: 'base64.decode', fn: 'opa_base64_decode', arity: 1 },
  { name: 'base64.is_valid', fn: 'opa_base64_is_valid', arity: 1 },
  { name: 'json.is_valid', fn: 'opa_json_is_valid', arity: 1 },
  { name: 'replace', fn: 'opa_strings_replace', arity: 3 },
  { name: 'format_int', fn: 'opa_strings_format_int', arity: 2 },
  { name: 'json.unmarshal', fn: 'opa_json_unmarshal', arity: 1 },
  { name: 'net.cidr_contains', fn: 'opa_cidr_contains', arity: 2 },
  { name: 'json.marshal', fn: 'opa_json_marshal', arity: 1 },
  { name: 'max', fn: 'opa_agg_max', arity: 1 },
  { name: 'min', fn: 'opa_agg_min', arity: 1 },
  { name: 'to_number', fn: 'opa_to_number', arity: 1 },
  // Arithmetic: the runtime computes in decimal (libmpdec) and prints floats as `1e+12`; topdown uses a
  // 64-bit-mantissa big.Float and prints 1000000000000 (1/3*3 == 1 holds there).
  { name: 'plus', fn: 'opa_arith_plus', arity: 2 },
  { name: 'minus', fn: 'opa_arith_minus', arity: 2 },
  { name: 'mul', fn: 'opa_arith_multiply', arity: 2 },
  { name: 'div', fn: 'opa_arith_divide', arity: 2 },
  { name: 'rem', fn: 'opa_arith_rem', arity: 2 },
  { name: 'abs', fn: 'opa_arith_abs', arity: 1 },
  { name: 'round', fn: 'opa_arith_round', arity: 1 },
  { name: 'ceil', fn: 'opa_arith_ceil', arity: 1 },
  { name: 'floor', fn: 'opa_arith_floor', arity: 1 },
  { name: 'numbers.range', fn: 'opa_numbers_range', arity: 2 },
  { name: 'sum', fn: 'opa_agg_sum', arity: 1 },
  { name: 'product', fn: 'opa_agg_product', arity: 1 },
];

/** Host builtin ids for routed builtins: far above any id `opa build` assigns (0, 1, 2, …). */
export const ROUTED_BUILTIN_ID_BASE = 0x40000000;

function sleb32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function checkSignature(bytes: Uint8Array, all: Section[], defined: number, fn: string, arity: number): void {
  const type = functionType(bytes, all, defined);
  if (type.params.length !== arity || type.params.some((p) => p !== I32) || type.results.length !== 1 || type.results[0] !== I32) {
    throw new ModulePatchError(`${fn} does not have the signature (${Array(arity).fill('i32').join(', ')}) -> i32`);
  }
}

const NUMBER_COMPARE_FUNCTION = 'opa_value_compare_number';
/** Host builtin id of the number comparison (see numberCompareBody); after the routed builtins' ids. */
export const NUMBER_COMPARE_ID = ROUTED_BUILTIN_ID_BASE + 0x100000;

function definedFunction(wasm: Uint8Array, all: Section[], imports: { count: number }, fn: string, arity: number): number {
  const index = functionIndex(wasm, all, fn);
  if (index === undefined) throw new ModulePatchError(`wasm module has no ${fn} in its name section`);
  const defined = index - imports.count;
  if (defined < 0) throw new ModulePatchError(`${fn} is an imported function`);
  checkSignature(wasm, all, defined, fn, arity);
  return defined;
}

/**
 * The index of the stack pointer global (clang's `__stack_pointer`), read from the runtime's own body of
 * `opa_value_compare_number` (defined function `defined`), which takes its two int64s from the stack: its
 * first instruction is `global.get <stack pointer>`. Checked to be a mutable i32 global of the module.
 */
function stackPointerGlobal(wasm: Uint8Array, all: Section[], defined: number, importedGlobals: number): number {
  const code = all.find((s) => s.id === 10);
  const globals = all.find((s) => s.id === 6);
  if (!code || !globals) throw new ModulePatchError('wasm module has no code or global section');
  const r = new Reader(wasm, code.start);
  const count = r.u32();
  if (defined >= count) throw new ModulePatchError('function index out of range');
  for (let i = 0; i < defined; i++) {
    const size = r.u32();
    r.pos += size;
  }
  r.u32(); // body size
  const groups = r.u32();
  for (let i = 0; i < groups; i++) {
    r.u32();
    r.byte();
  }
  if (r.byte() !== 0x23) throw new ModulePatchError(`${NUMBER_COMPARE_FUNCTION} does not start by reading the stack pointer`);
  const sp = r.u32();
  const g = new Reader(wasm, globals.start);
  const own = sp - importedGlobals;
  if (own < 0 || own >= g.u32()) throw new ModulePatchError('stack pointer global out of range');
  for (let i = 0; i < own; i++) {
    g.byte();
    g.byte();
    // Skip the constant initializer up to its `end`; the ABI's globals are i32.const or global.get.
    const op = g.byte();
    if (op !== 0x41 && op !== 0x23) throw new ModulePatchError('unexpected global initializer');
    g.u32();
    if (g.byte() !== 0x0b) throw new ModulePatchError('unexpected global initializer');
  }
  if (g.byte() !== I32 || g.byte() !== 1) throw new ModulePatchError('the stack pointer global is not a mutable i32');
  return sp;
}

/**
 * The new body of `opa_value_compare_number(opa_number_t *a, opa_number_t *b)`. The runtime orders
 * numbers by exact value (libmpdec); topdown uses ast.NumberCompare (src/go/number-compare.ts). Two
 * numbers held as int64 (repr 1: the int64 at offset 8 of opa_number_t) or as the text of one (repr 2:
 * pointer and length at offsets 8 and 12, read with the runtime's `opa_atoi64`) are compared here, the
 * common case, with topdown's result (an exact int64 order); any other pair goes to the host as
 * `opa_builtin2(NUMBER_COMPARE_ID, 0, a, b)`, which returns -1, 0 or 1 (wasm.ts reads both numbers from
 * memory). The two int64s live in 16 bytes taken from the C stack.
 */
function numberCompareBody(wasm: Uint8Array, all: Section[], defined: number, imports: { count: number; byName: Map<string, number>; globals: number }): number[] {
  const host = imports.byName.get('opa_builtin2');
  if (host === undefined) throw new ModulePatchError('wasm module does not import opa_builtin2');
  const atoi = imports.count + definedFunction(wasm, all, imports, 'opa_atoi64', 3);
  const sp = stackPointerGlobal(wasm, all, defined, imports.globals);
  // Locals: 0 = a, 1 = b, 2 = the 16 stack bytes, 3 = a repr. Leaves 1 when number `x` is an int64,
  // stored at (local 2) + `out`.
  const int64 = (x: number, out: number) => [
    0x20, x, 0x2d, 0x00, 0x01, 0x22, 0x03, 0x41, 0x01, 0x46, // (local 3 = x->repr) == 1
    0x04, I32,
    0x20, 0x02, 0x20, x, 0x29, 0x03, 0x08, 0x37, 0x03, out, 0x41, 0x01, // store x->v.i; 1
    0x05,
    0x20, 0x03, 0x41, 0x02, 0x46, // repr == 2
    0x04, I32,
    0x20, x, 0x28, 0x02, 0x08, 0x20, x, 0x28, 0x02, 0x0c, // x->v.ref.s, x->v.ref.len
    0x20, 0x02, 0x41, out, 0x6a, 0x10, ...leb(atoi), 0x45, // opa_atoi64(s, len, local 2 + out) == 0
    0x05, 0x41, 0x00, 0x0b,
    0x0b,
  ];
  return [
    0x01, 0x02, I32, // two i32 locals (2, 3)
    0x23, ...leb(sp), 0x41, 0x10, 0x6b, 0x22, 0x02, 0x24, ...leb(sp), // local 2 = sp -= 16
    ...int64(0, 0),
    0x04, I32, // if (result i32)
    ...int64(1, 8),
    0x05, 0x41, 0x00, 0x0b, // else 0 end
    0x04, I32, // if (result i32)
    0x20, 0x02, 0x29, 0x03, 0x00, 0x20, 0x02, 0x29, 0x03, 0x08, 0x55, // i64 a > i64 b
    0x20, 0x02, 0x29, 0x03, 0x00, 0x20, 0x02, 0x29, 0x03, 0x08, 0x53, // i64 a < i64 b
    0x6b, // i32.sub
    0x05, // else
    0x41, ...sleb32(NUMBER_COMPARE_ID), 0x41, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, ...leb(host),
    0x0b, // end if
    0x20, 0x02, 0x41, 0x10, 0x6a, 0x24, ...leb(sp), // sp += 16
    0x0b,
  ];
}

const VALUE_GET_FUNCTION = 'opa_value_get';
const OPA_SET = 7;

/**
 * The new body of `opa_value_get(node, key)`: the runtime's own (moved to function `original`), except
 * that a key found in a set gives the key itself, as topdown's `s[k]` does, not the set's element that
 * compares equal to it (`{1}[1.0]` is 1.0 in topdown).
 */
function valueGetBody(original: number): number[] {
  return [
    0x01, 0x01, I32, // one i32 local (2)
    0x20, 0x00, 0x20, 0x01, 0x10, ...leb(original), 0x22, 0x02, // local 2 = original(node, key)
    0x04, I32, // if (result i32): found
    0x20, 0x00, 0x2d, 0x00, 0x00, 0x41, OPA_SET, 0x46, // node->type == OPA_SET
    0x04, I32, 0x20, 0x01, 0x05, 0x20, 0x02, 0x0b, // ? key : found
    0x05, 0x41, 0x00, 0x0b, // else NULL
    0x0b,
  ];
}

/** The number of functions the module defines (its function section's count). */
function definedCount(wasm: Uint8Array, all: Section[]): number {
  const funcs = all.find((s) => s.id === 3);
  if (!funcs) throw new ModulePatchError('wasm module has no function section');
  return new Reader(wasm, funcs.start).u32();
}

/** The type index of defined function `defined`. */
function functionTypeIndex(wasm: Uint8Array, all: Section[], defined: number): number {
  const funcs = all.find((s) => s.id === 3);
  if (!funcs) throw new ModulePatchError('wasm module has no function section');
  const r = new Reader(wasm, funcs.start);
  if (defined >= r.u32()) throw new ModulePatchError('function index out of range');
  let type = 0;
  for (let i = 0; i <= defined; i++) type = r.u32();
  return type;
}

/**
 * Returns a copy of `wasm` prepared for preadmit's host: `opa_value_hash` always returns 0, so that every
 * set and object is one sorted chain, and each of ROUTED_BUILTINS calls the host. Throws
 * ModulePatchError when the module is not an OPA policy module this pass knows.
 */
export function sortedIterationModule(wasm: Uint8Array): Uint8Array<ArrayBuffer> {
  const all = sections(wasm);
  const imports = importedFunctions(wasm, all);
  const bodies = new Map<number, number[]>();
  const index = functionIndex(wasm, all, HASH_FUNCTION);
  if (index === undefined) throw new ModulePatchError(`wasm module has no ${HASH_FUNCTION} in its name section`);
  const defined = index - imports.count;
  if (defined < 0) throw new ModulePatchError(`${HASH_FUNCTION} is an imported function`);
  checkSignature(wasm, all, defined, HASH_FUNCTION, 1);
  // No locals; i32.const 0; end.
  bodies.set(defined, [0x00, 0x41, 0x00, 0x0b]);
  const compare = definedFunction(wasm, all, imports, NUMBER_COMPARE_FUNCTION, 2);
  bodies.set(compare, numberCompareBody(wasm, all, compare, imports));
  // opa_value_get keeps its body as a new function (the last one), which the new body calls.
  const get = definedFunction(wasm, all, imports, VALUE_GET_FUNCTION, 2);
  const moved = { type: functionTypeIndex(wasm, all, get), from: get };
  bodies.set(get, valueGetBody(imports.count + definedCount(wasm, all)));
  ROUTED_BUILTINS.forEach((b, i) => {
    const at = functionIndex(wasm, all, b.fn);
    // A module that does not use the builtin may not contain its function.
    if (at === undefined || at < imports.count) return;
    checkSignature(wasm, all, at - imports.count, b.fn, b.arity);
    const host = imports.byName.get(`opa_builtin${b.arity}`);
    if (host === undefined) throw new ModulePatchError(`wasm module does not import opa_builtin${b.arity}`);
    // i32.const id; i32.const 0 (ctx); local.get 0..n-1; call opa_builtin<n>; end.
    const body = [0x00, 0x41, ...sleb32(ROUTED_BUILTIN_ID_BASE + i), 0x41, 0x00];
    for (let a = 0; a < b.arity; a++) body.push(0x20, a);
    body.push(0x10, ...leb(host), 0x0b);
    bodies.set(at - imports.count, body);
  });
  return replaceBodies(wasm, all, bodies, [moved]);
}

/**
 * Copies `wasm` with the bodies of defined functions replaced (`bodies`, by defined index) and functions
 * appended after the last one: each `moved` is a new function of type `type` whose body is the original
 * body of defined function `from`.
 */
function replaceBodies(wasm: Uint8Array, all: Section[], bodies: Map<number, number[]>, moved: Array<{ type: number; from: number }>): Uint8Array<ArrayBuffer> {
  const code = all.find((s) => s.id === 10);
  const funcs = all.find((s) => s.id === 3);
  if (!code || !funcs) throw new ModulePatchError('wasm module has no code or function section');
  // Function section: the count grows, the new functions' types follow.
  const fr = new Reader(wasm, funcs.start);
  const funcCount = fr.u32();
  const funcContent = [...leb(funcCount + moved.length), ...wasm.subarray(fr.pos, funcs.end), ...moved.flatMap((m) => leb(m.type))];
  // Code section.
  const r = new Reader(wasm, code.start);
  const count = r.u32();
  if (count !== funcCount) throw new ModulePatchError('function and code sections disagree');
  const chunks: Uint8Array[] = [new Uint8Array(leb(count + moved.length))];
  const originals = new Map<number, Uint8Array>();
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
  if (copied !== bodies.size) throw new ModulePatchError('function body index out of range');
  for (const m of moved) {
    const original = originals.get(m.from);
    if (!original) throw new ModulePatchError('moved function index out of range');
    chunks.push(original);
  }
  const codeLength = chunks.reduce((n, c) => n + c.length, 0);
  const parts: ArrayLike<number>[] = [];
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
