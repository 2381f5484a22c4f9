// Runs many Rego expressions through the real `opa eval` (topdown) of Gatekeeper's OPA in one process and returns each
// result as a RegoValue (exact number text kept), or undefined where OPA's result is undefined.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRegoValue, type RegoValue } from '../../../src/opa/rego-value.ts';

/** The opa that compiles templates to wasm (v1.22.3). */
export const OPA = resolve(import.meta.dirname, '../../../.tools/bin/opa');
/**
 * The OPA that Gatekeeper embeds (v1.17.1 for gator v3.23.0): the oracle for topdown semantics, since
 * those are what a Gatekeeper message is made with (e.g. sprintf's `%!s(int=42)`, `int64` in later OPA).
 */
export const GATEKEEPER_OPA = resolve(import.meta.dirname, '../../../.tools/bin/opa-gatekeeper');

/** Each expression is Rego source; an expression that errors or is undefined gives undefined. */
export function opaEvalAll(expressions: string[]): Array<RegoValue | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'opa-oracle-'));
  try {
    const lines = ['package oracle', ''];
    expressions.forEach((expr, i) => {
      lines.push(`r["c${i}"] := __x if { __x := ${expr} }`);
    });
    const file = join(dir, 'oracle.rego');
    writeFileSync(file, lines.join('\n') + '\n');
    const out = execFileSync(GATEKEEPER_OPA, ['eval', '--format', 'json', '-d', file, 'data.oracle.r'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const doc = parseRegoValue(out);
    const first = index(field(doc, 'result'), 0);
    const value = field(index(field(first, 'expressions'), 0), 'value');
    return expressions.map((_, i) => (value ? field(value, `c${i}`) : undefined));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function field(v: RegoValue | undefined, key: string): RegoValue | undefined {
  if (!v || v.t !== 'object') return undefined;
  const pair = v.v.find(([k]) => k.t === 'string' && k.v === key);
  return pair?.[1];
}

function index(v: RegoValue | undefined, i: number): RegoValue | undefined {
  if (!v || v.t !== 'array') return undefined;
  return v.v[i];
}

/** A Rego/JSON string literal for `s`. */
export function regoLiteral(s: string): string {
  return JSON.stringify(s);
}
