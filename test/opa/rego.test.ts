// The Rego lexer and rewriter: strings, raw strings, template strings and comments are opaque, references
// are found where OPA finds them, and rewriting never moves a line. Checked against `opa eval` where it matters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRego, lexRego, rewriteRego } from '../../src/opa/rego.ts';
import { findTool, runTool } from '../../src/opa/tools.ts';

const work = mkdtempSync(join(tmpdir(), 'preadmit-rego-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MODULE = [
  '# package not.this',
  'package k8s.thing',
  '',
  'import data.lib.a',
  'import data.lib["b-c"] as bc',
  'import future.keywords.in',
  '',
  'default allow := false',
  '',
  'violation[{"msg": msg}] {',
  '  s := "data.foo in a string \\" still string data.bar"',
  '  r := `raw data.baz',
  'spanning lines`',
  '  # data.qux in a comment',
  '  x := input.data.notroot',
  '  y := data.lib.a.f(1)',
  '  z := data["lib"].b',
  '  w := data.inventory.cluster[gv][k]',
  '  t := $"tmpl {data.lib.a.g} \\{data.no}"',
  '  msg := concat(" ", [s, r, y, z, t])',
  '}',
  '',
  'helper(x) = y { y := x }',
  'violation.refhead := 1',
].join('\n');

describe('lexRego / analyzeRego', () => {
  it('finds package, imports, rule names and data refs, and nothing inside strings or comments', () => {
    const info = analyzeRego(MODULE);
    expect(info.problems).toEqual([]);
    expect(info.package?.path.text).toBe('k8s.thing');
    expect(info.package?.line).toBe(2);
    expect(info.imports.map((i) => [i.ref.text, i.alias ?? null])).toEqual([
      ['data.lib.a', null],
      ['data.lib["b-c"]', 'bc'],
      ['future.keywords.in', null],
    ]);
    expect([...info.ruleNames].sort()).toEqual(['allow', 'helper', 'violation']);
    expect(info.dataRefs.map((r) => [r.text, r.line])).toEqual([
      ['data.lib.a.f', 16],
      ['data.lib.b', 17],
      ['data.inventory.cluster[gv][k]', 18],
      ['data.lib.a.g', 19],
    ]);
  });

  it('does not count a ref-head rule as a rule named violation', () => {
    expect(analyzeRego('package p\nviolation.x := 1\n').ruleNames.has('violation')).toBe(false);
    expect(analyzeRego('package p\ndefault violation := set()\n').ruleNames.has('violation')).toBe(true);
    expect(analyzeRego('package p\nviolation contains x if { x := 1 }\n').ruleNames.has('violation')).toBe(true);
  });

  it('reports unterminated strings and unbalanced brackets instead of guessing', () => {
    expect(lexRego('package p\nx := "abc\n').problems).toEqual([{ line: 2, message: 'unterminated string' }]);
    expect(lexRego('package p\nx := `abc\n').problems).toEqual([{ line: 2, message: 'unterminated raw string' }]);
    expect(analyzeRego('package p\nviolation[x] { x := [1 }\n').problems.length).toBeGreaterThan(0);
  });
});

describe('rewriteRego', () => {
  it('moves package, imports and data.lib refs, keeps data.inventory and every line number', () => {
    const out = rewriteRego(MODULE, analyzeRego(MODULE), { entryPackage: 'preadmit.tX.template', libPrefix: 'preadmit.tX.libs' });
    const inLines = MODULE.split('\n');
    const outLines = out.split('\n');
    expect(outLines).toHaveLength(inLines.length);
    expect(outLines[1]).toBe('package preadmit.tX.template');
    expect(outLines[3]).toBe('import data.preadmit.tX.libs.lib.a');
    expect(outLines[4]).toBe('import data.preadmit.tX.libs.lib["b-c"] as bc');
    expect(outLines[5]).toBe('import future.keywords.in');
    expect(outLines[10]).toBe(inLines[10]);
    expect(outLines[11]).toBe(inLines[11]);
    expect(outLines[13]).toBe(inLines[13]);
    expect(outLines[14]).toBe(inLines[14]);
    // A call nested in an assignment: Gatekeeper's rewrite does not reach it (see RegoRef.topLevel).
    expect(outLines[15]).toBe(inLines[15]);
    expect(outLines[16]).toBe('  z := data.preadmit.tX.libs["lib"].b');
    expect(outLines[17]).toBe(inLines[17]);
    expect(outLines[18]).toBe(inLines[18]);
  });

  it('prefixes lib packages', () => {
    const lib = '# lib\npackage lib.x.y\n\nf := data.lib.x.z\n';
    expect(rewriteRego(lib, analyzeRego(lib), { libPrefix: 'p.q' })).toBe('# lib\npackage p.q.lib.x.y\n\nf := data.p.q.lib.x.z\n');
  });

  it('produces code that opa evaluates as Gatekeeper does: imports and standalone refs reach the lib, nested refs do not', async () => {
    const lib = 'package lib.x\n\ny := "from lib"\nf(a) := concat("/", [a, y])\n';
    const entry = [
      'package whatever',
      'import data.lib.x',
      'b := data.lib.x.y',
      'c := data["lib"]["x"].y',
      'default nested := "undefined in Gatekeeper"',
      'nested := v if { v := concat("", [data.lib.x.y]) }',
      'out := {',
      '  "a": x.f("a"),',
      '  "b": b,',
      '  "c": c,',
      '  "d": "data.lib.x.y stays a string",',
      '  "nested": nested,',
      '}',
    ].join('\n');
    const opa = findTool('opa');
    const evalOut = async (files: Record<string, string>, query: string): Promise<unknown> => {
      const dir = mkdtempSync(join(work, 'eval-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const res = await runTool(opa, ['eval', '-f', 'json', ...Object.keys(files).flatMap((f) => ['-d', f]), query], { cwd: dir });
      expect(res.stderr).toBe('');
      return (JSON.parse(res.stdout) as { result: { expressions: { value: unknown }[] }[] }).result[0]!.expressions[0]!.value;
    };
    const original = await evalOut({ 'lib.rego': lib, 'entry.rego': entry }, 'data.whatever.out');
    const rewritten = await evalOut(
      {
        'lib.rego': rewriteRego(lib, analyzeRego(lib), { libPrefix: 'preadmit.t1.libs' }),
        'entry.rego': rewriteRego(entry, analyzeRego(entry), { entryPackage: 'preadmit.t1.template', libPrefix: 'preadmit.t1.libs' }),
      },
      'data.preadmit.t1.template.out',
    );
    expect(original).toEqual({ a: 'a/from lib', b: 'from lib', c: 'from lib', d: 'data.lib.x.y stays a string', nested: 'from lib' });
    // The nested ref still names data.lib.x.y, where no lib lives after rewriting (gator says the same:
    // fixtures/conformance/test/lib-ref-rewriting).
    expect(rewritten).toEqual({ ...(original as Record<string, unknown>), nested: 'undefined in Gatekeeper' });
  });
});
