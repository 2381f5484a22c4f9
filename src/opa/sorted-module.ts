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

function countImportedFunctions(bytes: Uint8Array, all: Section[]): number {
  const imports = all.find((s) => s.id === 2);
  if (!imports) return 0;
  const r = new Reader(bytes, imports.start);
  let functions = 0;
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.u32();
      functions++;
    } else if (kind === 1) {
      r.byte();
      limits(r);
    } else if (kind === 2) {
      limits(r);
    } else if (kind === 3) {
      r.byte();
      r.byte();
    } else {
      throw new ModulePatchError(`unknown import kind ${kind}`);
    }
  }
  return functions;
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
 * Returns a copy of `wasm` whose `opa_value_hash` always returns 0, so that every set and object is one
 * sorted chain. Throws ModulePatchError when the module is not an OPA policy module this pass knows.
 */
export function sortedIterationModule(wasm: Uint8Array): Uint8Array<ArrayBuffer> {
  const all = sections(wasm);
  const index = functionIndex(wasm, all, HASH_FUNCTION);
  if (index === undefined) throw new ModulePatchError(`wasm module has no ${HASH_FUNCTION} in its name section`);
  const defined = index - countImportedFunctions(wasm, all);
  if (defined < 0) throw new ModulePatchError(`${HASH_FUNCTION} is an imported function`);
  const type = functionType(wasm, all, defined);
  if (type.params.length !== 1 || type.params[0] !== I32 || type.results.length !== 1 || type.results[0] !== I32) {
    throw new ModulePatchError(`${HASH_FUNCTION} does not have the signature (i32) -> i32`);
  }
  const code = all.find((s) => s.id === 10);
  if (!code) throw new ModulePatchError('wasm module has no code section');
  const r = new Reader(wasm, code.start);
  const count = r.u32();
  if (defined >= count) throw new ModulePatchError('function body index out of range');
  let sizeStart = 0;
  let bodyEnd = 0;
  for (let i = 0; i <= defined; i++) {
    sizeStart = r.pos;
    const size = r.u32();
    bodyEnd = r.pos + size;
    r.pos = bodyEnd;
  }
  // No locals; i32.const 0; end.
  const body = [0x00, 0x41, 0x00, 0x0b];
  const newBody = [...leb(body.length), ...body];
  const contentBefore = wasm.subarray(code.start, sizeStart);
  const contentAfter = wasm.subarray(bodyEnd, code.end);
  const contentLength = contentBefore.length + newBody.length + contentAfter.length;
  const header = [10, ...leb(contentLength)];
  const sectionHeaderStart = code.header;
  const out = new Uint8Array(sectionHeaderStart + header.length + contentLength + (wasm.length - code.end));
  let p = 0;
  const put = (chunk: ArrayLike<number>) => {
    out.set(chunk, p);
    p += chunk.length;
  };
  put(wasm.subarray(0, sectionHeaderStart));
  put(header);
  put(contentBefore);
  put(newBody);
  put(contentAfter);
  put(wasm.subarray(code.end));
  return out;
}
