// A small host for OPA's documented wasm ABI (1.2+).
//
// Why not only @open-policy-agent/opa-wasm: its host hands builtins their arguments through `opa_json_dump`,
// which turns Rego sets into JSON arrays, and its own `sprintf` (sprintf-js) takes precedence over custom
// builtins. Gatekeeper messages such as `you must provide labels: {"owner"}` print sets, so a faithful
// `sprintf` needs `opa_value_dump`. This host keeps the same evaluation contract as the SDK (fast-path
// `opa_eval`, heap reset between evaluations, data set once) and dumps builtin arguments as Rego values.
import { formatRegoValue, goJsonSurrogates, parseRegoValue } from './rego-value.ts';
import { beginEvaluation, BuiltinError, type HostBuiltin } from './builtins.ts';
import { NUMBER_COMPARE_ID, ROUTED_BUILTIN_ID_BASE, ROUTED_BUILTINS } from './sorted-module.ts';
import { numberCompare, plainDecimal } from '../go/number-compare.ts';

const WASM_PAGE_BYTES = 64 * 1024;

export interface PolicyOptions {
  /** Host builtins by OPA name. A module that needs one not listed here fails to load. */
  builtins: Readonly<Record<string, HostBuiltin>>;
  /** Upper bound of the policy's linear memory, in 64 KiB pages. */
  maxMemoryPages: number;
}

interface OpaExports {
  memory?: WebAssembly.Memory;
  opa_malloc(size: number): number;
  opa_free(addr: number): void;
  opa_json_parse(addr: number, len: number): number;
  opa_json_dump(addr: number): number;
  opa_value_dump(addr: number): number;
  opa_value_parse(addr: number, len: number): number;
  opa_heap_ptr_get(): number;
  opa_heap_ptr_set(addr: number): void;
  opa_eval(reserved: number, entrypoint: number, data: number, input: number, inputLen: number, heap: number, format: number): number;
  builtins(): number;
  entrypoints(): number;
  opa_wasm_abi_version?: WebAssembly.Global | number;
  opa_wasm_abi_minor_version?: WebAssembly.Global | number;
}

/** Thrown for anything the policy itself reports (opa_abort) or a host builtin failure we cannot hide. */
export class PolicyError extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WasmPolicy {
  readonly entrypoints: Readonly<Record<string, number>>;
  private readonly exports: OpaExports;
  private memory: WebAssembly.Memory;
  private dataAddr: number;
  private dataHeapPtr: number;
  private readonly baseHeapPtr: number;
  /** View of the memory for compareNumbers, renewed when the memory grows. */
  private view: DataView;
  private bytes: Uint8Array;

  constructor(module: WebAssembly.Module, options: PolicyOptions) {
    this.memory = new WebAssembly.Memory({ initial: 5, maximum: Math.max(5, options.maxMemoryPages) });
    let builtinNames: Record<number, string> = {};
    const call = (id: number, args: number[]): number => {
      const name = builtinNames[id] ?? `#${id}`;
      const impl = options.builtins[name];
      if (!impl) throw new PolicyError(`builtin ${name} is not available in preadmit's evaluator`);
      let result;
      try {
        result = impl(...args.map((a) => parseRegoValue(this.readFreeString(this.exports.opa_value_dump(a)))));
      } catch (e) {
        // Gatekeeper evaluates without strict builtin errors: a builtin's own (Go-style) error makes the
        // expression undefined. Anything else (a bug, a stack overflow) must not silently turn a
        // violation off: it fails the evaluation, which is reported for the template.
        if (e instanceof BuiltinError) return 0;
        if (e instanceof PolicyError) throw e;
        throw new PolicyError(`builtin ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (result === undefined) return 0;
      return this.writeValue(formatRegoValue(result));
    };
    const imports = (): WebAssembly.Imports => ({
      env: {
        memory: this.memory,
        opa_abort: (addr: number) => {
          throw new PolicyError(this.readString(addr));
        },
        opa_println: () => {},
        opa_builtin0: (id: number) => call(id, []),
        opa_builtin1: (id: number, _ctx: number, a: number) => call(id, [a]),
        opa_builtin2: (id: number, _ctx: number, a: number, b: number) => (id === NUMBER_COMPARE_ID ? this.compareNumbers(a, b) : call(id, [a, b])),
        opa_builtin3: (id: number, _ctx: number, a: number, b: number, c: number) => call(id, [a, b, c]),
        opa_builtin4: (id: number, _ctx: number, a: number, b: number, c: number, d: number) => call(id, [a, b, c, d]),
      },
    });
    // The module declares the memory it needs at least (its data: a template with large literals needs more than
    // the usual few pages). The JS API does not show that minimum, so a memory found too small is made larger,
    // up to the cap; past the cap the module cannot be loaded, which is the template's error.
    let instance: WebAssembly.Instance;
    for (let pages = 5; ; ) {
      try {
        instance = new WebAssembly.Instance(module, imports());
        break;
      } catch (e) {
        if (!(e instanceof WebAssembly.LinkError) || pages >= options.maxMemoryPages) throw e;
        pages = Math.min(options.maxMemoryPages, pages * 2);
        this.memory = new WebAssembly.Memory({ initial: pages, maximum: Math.max(pages, options.maxMemoryPages) });
      }
    }
    this.view = new DataView(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.exports = instance.exports as unknown as OpaExports;
    const major = globalNumber(this.exports.opa_wasm_abi_version);
    const minor = globalNumber(this.exports.opa_wasm_abi_minor_version);
    if (major !== 1 || minor === undefined || minor < 2) {
      throw new PolicyError(`unsupported OPA wasm ABI ${major ?? '?'}.${minor ?? '?'} (need 1.2 or later)`);
    }
    const needed = this.readJson(this.exports.builtins()) as Record<string, number>;
    builtinNames = Object.fromEntries(Object.entries(needed).map(([name, id]) => [id, name]));
    // Natively implemented builtins that sorted-module.ts routed to the host.
    ROUTED_BUILTINS.forEach((b, i) => {
      builtinNames[ROUTED_BUILTIN_ID_BASE + i] = b.name;
    });
    const missing = Object.keys(needed).filter((n) => !options.builtins[n]);
    if (missing.length > 0) throw new PolicyError(`policy needs builtins preadmit does not provide: ${missing.join(', ')}`);
    this.entrypoints = this.readJson(this.exports.entrypoints()) as Record<string, number>;
    this.dataAddr = this.writeJson('{}');
    this.baseHeapPtr = this.exports.opa_heap_ptr_get();
    this.dataHeapPtr = this.baseHeapPtr;
  }

  /** Replaces `data` (e.g. `{"inventory": ...}`), given as JSON text. */
  setData(json: string): void {
    this.exports.opa_heap_ptr_set(this.baseHeapPtr);
    this.dataAddr = this.writeJson(json);
    this.dataHeapPtr = this.exports.opa_heap_ptr_get();
  }

  /**
   * Evaluates one entrypoint on `input` (JSON text) and returns the result set as Rego value text, which
   * keeps what JSON would lose: sets, and numbers exactly as the policy holds them (`1e+06`).
   */
  evaluate(entrypoint: number, inputJson: string): string {
    const text = goJsonSurrogates(inputJson);
    const length = Buffer.byteLength(text, 'utf8');
    const inputAddr = this.dataHeapPtr;
    this.ensureMemory(inputAddr + length);
    // Encoded straight into the policy's memory (no intermediate copy per evaluation).
    encoder.encodeInto(text, new Uint8Array(this.memory.buffer, inputAddr, length));
    beginEvaluation();
    const resultAddr = this.exports.opa_eval(0, entrypoint, this.dataAddr, inputAddr, length, inputAddr + length, 1);
    return this.readString(resultAddr);
  }

  /** Bytes of linear memory currently in use (for memory reporting). */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  private ensureMemory(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = Math.ceil((end - have) / WASM_PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch {
      throw new PolicyError(`policy memory limit exceeded (${Math.round(have / 1048576)} MiB in use, input needs more)`);
    }
  }

  private writeBytes(bytes: Uint8Array): number {
    const addr = this.exports.opa_malloc(bytes.byteLength);
    new Uint8Array(this.memory.buffer).set(bytes, addr);
    return addr;
  }

  private writeJson(json: string): number {
    const bytes = encoder.encode(goJsonSurrogates(json));
    const addr = this.exports.opa_json_parse(this.writeBytes(bytes), bytes.byteLength);
    if (addr === 0) throw new PolicyError('failed to load JSON into the policy');
    return addr;
  }

  private writeValue(regoText: string): number {
    const bytes = encoder.encode(regoText);
    const text = this.writeBytes(bytes);
    const addr = this.exports.opa_value_parse(text, bytes.byteLength);
    // The parsed value does not point into its source text (strings are copied): the text can go.
    this.exports.opa_free(text);
    if (addr === 0) throw new PolicyError('failed to load a builtin result into the policy');
    return addr;
  }

  /**
   * Topdown's order of two opa_number_t (sorted-module.ts routes the runtime's number comparison here):
   * each is read from memory as its text (repr 1: the int64 at offset 8; repr 2: pointer and length at
   * offsets 8 and 12).
   */
  private compareNumbers(a: number, b: number): number {
    if (this.view.buffer !== this.memory.buffer) {
      this.view = new DataView(this.memory.buffer);
      this.bytes = new Uint8Array(this.memory.buffer);
    }
    // Fast path: both plain decimals of at most 15 digits, compared as their float64 values.
    const x = this.plainNumber(a);
    const y = this.plainNumber(b);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x === y) return 0;
    return numberCompare(this.numberText(a), this.numberText(b));
  }

  /** The value of a number that numberCompare orders as its float64 (see plainDecimal), else NaN. */
  private plainNumber(addr: number): number {
    const view = this.view;
    if (this.bytes[addr + 1] === 1) {
      const hi = view.getInt32(addr + 12, true);
      if (hi < -0x200000 || hi >= 0x200000) return NaN;
      const v = hi * 0x100000000 + view.getUint32(addr + 8, true);
      return Math.abs(v) < 1e15 ? v : NaN;
    }
    if (this.bytes[addr + 1] !== 2) return NaN;
    const s = view.getUint32(addr + 8, true);
    return plainDecimal(this.byteAt, s, s + view.getUint32(addr + 12, true));
  }

  private readonly byteAt = (i: number): number => this.bytes[i]!;

  private numberText(addr: number): string {
    switch (this.bytes[addr + 1]) {
      case 1:
        return this.view.getBigInt64(addr + 8, true).toString();
      case 2: {
        const s = this.view.getUint32(addr + 8, true);
        const end = s + this.view.getUint32(addr + 12, true);
        // Number texts are ASCII and short.
        let text = '';
        for (let i = s; i < end; i++) text += String.fromCharCode(this.bytes[i]!);
        return text;
      }
      default:
        throw new PolicyError(`number at ${addr} has an unknown representation`);
    }
  }

  /** A string the runtime allocated for the host (a dump), read and then freed. */
  private readFreeString(addr: number): string {
    const text = this.readString(addr);
    this.exports.opa_free(addr);
    return text;
  }

  private readString(addr: number): string {
    const mem = new Uint8Array(this.memory.buffer);
    let end = addr;
    while (end < mem.length && mem[end] !== 0) end++;
    return decoder.decode(mem.subarray(addr, end));
  }

  private readJson(addr: number): unknown {
    return JSON.parse(this.readString(this.exports.opa_json_dump(addr)));
  }
}

function globalNumber(g: WebAssembly.Global | number | undefined): number | undefined {
  if (g === undefined) return undefined;
  return typeof g === 'number' ? g : Number(g.value);
}
