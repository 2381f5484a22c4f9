// parseRegoValue / formatRegoValue against a real `opa build -t wasm` module: what opa_value_dump
// writes we parse, what we format opa_value_parse accepts, and both agree with topdown's String().
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import {
  compareRegoValues,
  formatRegoValue,
  parseRegoValue,
  regoTermString,
  type RegoValue,
} from '../../../src/opa/rego-value.ts';
import { OPA, opaEvalAll } from './oracle.ts';
import { ROUTED_BUILTINS } from '../../../src/opa/sorted-module.ts';

/** Each builtin's arity, from the capabilities of the opa that compiles the module (never a hand-kept list). */
const ARITIES: Record<string, number> = Object.fromEntries(
  (JSON.parse(execFileSync(OPA, ['capabilities', '--current'], { encoding: 'utf8' })) as { builtins: Array<{ name: string; decl: { args?: unknown[] } }> }).builtins.map(
    (b) => [b.name, b.decl.args?.length ?? 0],
  ),
);

function arity(name: string): number {
  const n = ARITIES[name];
  if (n === undefined) throw new Error(`${name} is not a builtin of ${OPA}`);
  return n;
}

const POLICY = `package p

x := {
  "set": {"b", "a", 3, null, [1]},
  "empty": set(),
  "obj": {1: "one", "k": [1.5, null, true, false], "nested": {"z": {"y"}}},
  "n": input.n,
  "nums": [input.a, input.b, input.c, input.d, input.e, 7, -3, 2.25],
  "s": "é\\u0001\\"\\\\\\ttab😀",
  "keys": {input.a: 1, [2]: "arr"},
}

# Calls every host builtin, so the module must import each one.
y := [
${Object.keys(hostBuiltins)
  .filter((name) => !ROUTED_BUILTINS.some((b) => b.name === name))
  .map((name) => `  ${name}(${'input.z, '.repeat(arity(name)).slice(0, -2)}),`)
  .join('\n')}
]
`;

const INPUT = '{"n": 1000000, "a": 1e6, "b": 0.1, "c": 12345678901234567890, "d": -0, "e": 1.0}';

interface OpaExports {
  memory?: WebAssembly.Memory;
  opa_malloc(size: number): number;
  opa_json_parse(addr: number, len: number): number;
  opa_value_parse(addr: number, len: number): number;
  opa_value_dump(addr: number): number;
  opa_json_dump(addr: number): number;
  opa_eval_ctx_new(): number;
  opa_eval_ctx_set_input(ctx: number, value: number): void;
  opa_eval_ctx_set_data(ctx: number, value: number): void;
  opa_eval_ctx_set_entrypoint(ctx: number, id: number): void;
  opa_eval_ctx_get_result(ctx: number): number;
  eval(ctx: number): number;
  builtins(): number;
  entrypoints(): number;
}

const dir = mkdtempSync(join(tmpdir(), 'rego-value-wasm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildModule(): WebAssembly.Module {
  writeFileSync(join(dir, 'p.rego'), POLICY);
  execFileSync(OPA, ['build', '-t', 'wasm', '-e', 'p/x', '-e', 'p/y', '-o', join(dir, 'bundle.tar.gz'), join(dir, 'p.rego')]);
  execFileSync('tar', ['-xzf', join(dir, 'bundle.tar.gz'), '-C', dir, '/policy.wasm'], { stdio: 'ignore' });
  return new WebAssembly.Module(readFileSync(join(dir, 'policy.wasm')));
}

function instantiate(module: WebAssembly.Module) {
  const memory = new WebAssembly.Memory({ initial: 5 });
  const readString = (addr: number): string => {
    const bytes = new Uint8Array(memory.buffer);
    let end = addr;
    while (bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(addr, end));
  };
  const fail = (addr: number): never => {
    throw new Error(readString(addr));
  };
  const instance = new WebAssembly.Instance(module, {
    env: {
      memory,
      opa_abort: fail,
      opa_println: () => undefined,
      opa_builtin0: () => 0,
      opa_builtin1: () => 0,
      opa_builtin2: () => 0,
      opa_builtin3: () => 0,
      opa_builtin4: () => 0,
    },
  });
  const ex = instance.exports as unknown as OpaExports;
  const write = (text: string): [number, number] => {
    const bytes = new TextEncoder().encode(text);
    const addr = ex.opa_malloc(bytes.length);
    new Uint8Array(memory.buffer).set(bytes, addr);
    return [addr, bytes.length];
  };
  return {
    ex,
    dump: (value: number) => readString(ex.opa_value_dump(value)),
    jsonDump: (value: number) => readString(ex.opa_json_dump(value)),
    jsonParse: (text: string) => ex.opa_json_parse(...write(text)),
    valueParse: (text: string) => ex.opa_value_parse(...write(text)),
  };
}

function field(v: RegoValue | undefined, key: string): RegoValue | undefined {
  if (v?.t !== 'object') return undefined;
  return v.v.find(([k]) => k.t === 'string' && k.v === key)?.[1];
}

describe('Rego values through a real wasm module', () => {
  const module = buildModule();
  const w = instantiate(module);
  const entrypoints = JSON.parse(w.jsonDump(w.ex.entrypoints())) as Record<string, number>;

  const ctx = w.ex.opa_eval_ctx_new();
  w.ex.opa_eval_ctx_set_input(ctx, w.jsonParse(INPUT));
  w.ex.opa_eval_ctx_set_data(ctx, w.jsonParse('{}'));
  w.ex.opa_eval_ctx_set_entrypoint(ctx, entrypoints['p/x'] as number);
  expect(w.ex.eval(ctx)).toBe(0);
  const dumped = w.dump(w.ex.opa_eval_ctx_get_result(ctx));

  it('parses what opa_value_dump produces', () => {
    const results = parseRegoValue(dumped);
    expect(results.t).toBe('set');
    const x = field(results.t === 'set' ? results.v[0] : undefined, 'result');
    expect(x?.t).toBe('object');
    expect(field(field(x, 'empty'), 'missing')).toBeUndefined();
    expect(field(x, 'empty')).toEqual({ t: 'set', v: [] });
    const nums = field(x, 'nums');
    expect(nums?.t === 'array' ? nums.v.slice(0, 5).map((n) => (n.t === 'number' ? n.v : '')) : []).toEqual([
      '1e6', '0.1', '12345678901234567890', '-0', '1.0',
    ]);
  });

  it('formats the dumped value exactly as topdown prints the same rule', () => {
    const results = parseRegoValue(dumped);
    const x = field(results.t === 'set' ? results.v[0] : undefined, 'result') as RegoValue;
    writeFileSync(join(dir, 'input.json'), INPUT);
    const out = execFileSync(OPA, ['eval', '--format', 'raw', '-d', join(dir, 'p.rego'), '-i', join(dir, 'input.json'),
      'sprintf("%v", [data.p.x])'], { encoding: 'utf8' });
    expect(regoTermString(x)).toBe(out.trim());
  });

  it('round-trips parse → format → opa_value_parse → dump', () => {
    const first = parseRegoValue(dumped);
    const text = formatRegoValue(first);
    const addr = w.valueParse(text);
    expect(addr).not.toBe(0);
    const again = parseRegoValue(w.dump(addr));
    expect(compareRegoValues(again, first)).toBe(0);
    expect(formatRegoValue(again)).toBe(text);
  });

  it('formats values opa_value_parse reads back, control characters included', () => {
    const values = [
      '{"a", "b"}', 'set()', '{1: [1.5, 1e6, -0], "k": null}', '"\\u0001\\u0007\\u000b\\u007f\\u00ad😀\\"\\\\"',
      '{{"x"}: {[1]: {}}}', '[true, false, null, 12345678901234567890123456789]', '"\\ud83d\\ude00 \\u2028 \\ufeff"',
    ].map(parseRegoValue);
    for (const v of values) {
      const addr = w.valueParse(formatRegoValue(v));
      expect(addr).not.toBe(0);
      expect(compareRegoValues(parseRegoValue(w.dump(addr)), v)).toBe(0);
    }
  });

  it('needs every host builtin from its host, none natively', () => {
    const imported = Object.keys(JSON.parse(w.jsonDump(w.ex.builtins())) as Record<string, number>);
    // Routed builtins are native in the module; sorted-module.ts sends them to the host.
    const routed = new Set(ROUTED_BUILTINS.map((b) => b.name));
    expect(imported.sort()).toEqual(Object.keys(hostBuiltins).filter((n) => !routed.has(n)).sort());
  });

  it('rejects bad text with an Error', () => {
    for (const bad of ['', '{', '[1,]', '{"a" 1}', '"\\x41"', 'set(', '01', '{1, 2', 'nul', '"\n"']) {
      expect(() => parseRegoValue(bad)).toThrow(Error);
    }
  });

  it('agrees with opa_value_dump on topdown-formatted strings', () => {
    // OPA's String() of this string uses \\x01 and \\U escapes that JSON lacks; ours must not.
    const [v] = opaEvalAll(['"a\\u0001b"']);
    expect(v).toBeDefined();
    if (v) expect(formatRegoValue(v)).toBe('"a\\u0001b"');
    if (v) expect(regoTermString(v)).toBe('"a\\x01b"');
  });
});
