// Evaluates Rego expressions both ways: compiled with the pinned `opa build -t wasm` and run on preadmit's
// wasm host (WasmPolicy + hostBuiltins), and through the real topdown `opa eval` of Gatekeeper's OPA.
// Each expression's result is compared as topdown prints it (regoTermString), so order and number text count.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostBuiltins, type HostBuiltin } from '../../../src/opa/builtins.ts';
import { parseRegoValue, regoTermString, type RegoValue } from '../../../src/opa/rego-value.ts';
import { sortedIterationModule } from '../../../src/opa/sorted-module.ts';
import { WasmPolicy } from '../../../src/opa/wasm.ts';
import { OPA, opaEvalAll } from './oracle.ts';

function field(v: RegoValue | undefined, key: string): RegoValue | undefined {
  if (!v || v.t !== 'object') return undefined;
  return v.v.find(([k]) => k.t === 'string' && k.v === key)?.[1];
}

/** What `opa eval --format json` can show of a value: sets become arrays (in the order held). */
function asJson(v: RegoValue): RegoValue {
  switch (v.t) {
    case 'set':
    case 'array':
      return { t: 'array', v: v.v.map(asJson) };
    case 'object':
      return { t: 'object', v: v.v.map(([k, x]) => [asJson(k), asJson(x)]) };
    default:
      return v;
  }
}

/** The Rego module both evaluators see: one rule per expression, named c0, c1, … */
function oracleModule(expressions: string[]): string {
  const lines = ['package oracle', ''];
  expressions.forEach((expr, i) => lines.push(`r["c${i}"] := __x if { __x := ${expr} }`));
  return lines.join('\n') + '\n';
}

/**
 * Compiles the expressions to one wasm module and evaluates them on preadmit's host. When the evaluation
 * fails as a whole, each expression is evaluated alone, and one that fails gives `error: <message>`
 * (`throwErrors` rethrows instead).
 */
export function wasmEvalAll(
  expressions: string[],
  builtins: Readonly<Record<string, HostBuiltin>> = hostBuiltins,
  throwErrors = true,
): string[] {
  try {
    return evalModule(expressions, builtins);
  } catch (e) {
    if (throwErrors || expressions.length === 1) {
      if (throwErrors) throw e;
      return [`error: ${(e as Error).message}`];
    }
    return expressions.flatMap((x) => wasmEvalAll([x], builtins, false));
  }
}

function evalModule(expressions: string[], builtins: Readonly<Record<string, HostBuiltin>>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-oracle-'));
  try {
    writeFileSync(join(dir, 'oracle.rego'), oracleModule(expressions));
    execFileSync(OPA, ['build', '-t', 'wasm', '-e', 'oracle/r', '-o', join(dir, 'b.tar.gz'), join(dir, 'oracle.rego')], { stdio: 'pipe' });
    execFileSync('tar', ['-xzf', join(dir, 'b.tar.gz'), '-C', dir, '/policy.wasm'], { stdio: 'ignore' });
    const policy = new WasmPolicy(new WebAssembly.Module(sortedIterationModule(readFileSync(join(dir, 'policy.wasm')))), { builtins, maxMemoryPages: 4096 });
    const out = parseRegoValue(policy.evaluate(policy.entrypoints['oracle/r'] as number, '{}'));
    const r = out.t === 'set' ? field(out.v[0], 'result') : undefined;
    return expressions.map((_, i) => {
      const v = field(r, `c${i}`);
      return v ? regoTermString(asJson(v)) : 'undefined';
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Same expressions through topdown (Gatekeeper's OPA). */
function topdownEvalAll(expressions: string[]): string[] {
  return opaEvalAll(expressions).map((v) => (v ? regoTermString(v) : 'undefined'));
}

/** `expr: got X, opa Y` for each expression where wasm and topdown disagree. */
export function mismatches(expressions: string[]): string[] {
  const mine = wasmEvalAll(expressions, hostBuiltins, false);
  const theirs = topdownEvalAll(expressions);
  return expressions.flatMap((e, i) => (mine[i] === theirs[i] ? [] : [`${e}: got ${mine[i]}, opa ${theirs[i]}`]));
}
