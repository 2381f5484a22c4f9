// regoSprintf against the real `opa eval` (topdown's sprintf = Go's fmt.Sprintf), case by case.
import { describe, expect, it } from 'vitest';
import { parseRegoValue, regoTermString, type RegoValue } from '../../../src/opa/rego-value.ts';
import { regoSprintf } from '../../../src/opa/sprintf.ts';
import { opaEvalAll, regoLiteral } from './oracle.ts';

// Values written as Rego literals (also readable by parseRegoValue).
const VALUES = [
  '0', '1', '-1', '42', '-255', '255', '65', '9731', '128512', '1114112', '55296', '-9223372036854775808',
  '9223372036854775807', '9223372036854775808', '12345678901234567890', '-98765432109876543210987',
  '1.0', '1.5', '-1.5', '0.1', '0.5', '2.5', '3.14159', '-0.0', '1e6', '1e21', '1e20', '1e-7', '1.5e300',
  '123456789.0', '0.000123', '100000.0', '1e400', '2.5e-310', '1E3',
  '"abc"', '""', '"héllo"', '"tab\\there"', '"quote\\"back\\\\slash"', '"\\u0001\\u007f"', '"日本語"',
  '"emoji 😀"', '"\\u00ad\\u200b\\ufeff"', '"a`b"', '"\\u2028"', '"\\ud83d\\ude00x"',
  'true', 'false', 'null',
  '[]', '[1, "a", null, true]', '[[1, [2]], {"k": "v"}]', '{}', '{"b": 1, "a": 2}', '{1: "n", "s": 2, null: 3}',
  '{"z", "a", 1, null, false, [1]}', 'set()', '{{"b"}, {"a"}}', '{"k": {"x", "y"}, "a": ["é", "\\n"]}',
  '[1.5, 1e6, 12345678901234567890]', '{2, 10, 1.5, -1}', '{"é": "\\u0007"}',
];

const VERBS = ['v', 's', 'd', 'q', 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'O', 'b', 't', 'T', 'c', 'U', 'p', 'w', 'z', '%'];
const FLAGGED = [
  '%+v', '%#v', '%5v', '%-5v|', '%05v', '%.2v', '%+d', '% d', '%08d', '%-8d|', '%.3d', '%8.3d', '%+.3e', '%#g',
  '%#.3g', '%.0f', '%.1f', '%.20f', '%10.4f', '%-10.2f|', '%+010.2f', '% .3e', '%#x', '%#X', '%# x', '% x', '%.1x',
  '%#o', '%#b', '%#U', '%+q', '%#q', '%.2s', '%6.2s', '%-6s|', '%06s', '%.0s', '%#.10g', '%.3g', '%.25e', '%#e',
  '%x', '%.3x', '%#.0f', '%0-8d|', '%+ d', '%.0d', '%5.0d', '%+w', '%#w',
];

interface Case {
  format: string;
  args: string; // Rego array literal
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const v of VALUES) {
    for (const verb of VERBS) out.push({ format: `%${verb}`, args: `[${v}]` });
    for (const f of FLAGGED) out.push({ format: f, args: `[${v}]` });
  }
  const more: Array<[string, string]> = [
    ['%v %v', '[1]'],
    ['%v', '[1, 2, "x", 1.5, [1], 12345678901234567890]'],
    ['no verbs', '["extra"]'],
    ['%d%%', '[50]'],
    ['%', '[]'],
    ['%!', '[]'],
    ['%-', '[1]'],
    ['%5', '[1]'],
    ['%5.', '[1]'],
    ['%.', '[1]'],
    ['%*d', '[5, 42]'],
    ['%-*d|', '[5, 42]'],
    ['%*d', '[-5, 42]'],
    ['%*d', '["x", 42]'],
    ['%*d', '[1.5, 42]'],
    ['%*d', '[10000000, 42]'],
    ['%.*f', '[2, 3.14159]'],
    ['%.*f', '[-2, 3.14159]'],
    ['%*.*f|', '[10, 3, 3.14159]'],
    ['%[2]v %[1]v', '["a", "b"]'],
    ['%[3]v', '["a", "b"]'],
    ['%[0]v', '["a"]'],
    ['%[x]v', '["a"]'],
    ['%[1]v %v', '["a", "b"]'],
    ['%[2]*[1]d', '[12, 5]'],
    ['%[1]d %[1]x %[1]o', '[64]'],
    ['%[1]', '[1]'],
    ['%[2]5d', '[1, 2]'],
    ['%99999999d', '[1]'],
    ['%.99999999d', '[1]'],
    ['%1000d|', '[1]'],
    ['héllo %s wörld %v', '["ü", ["ä"]]'],
    ['%s-%s', '["a", "b", "c"]'],
    ['%v', '[]'],
    ['', '[1]'],
    ['%d items: %v', '[3, {"b", "a", "c"}]'],
    ['container <%v> has no resource limits', '["nginx"]'],
    ['Allowed volume types: %v', '[["configMap", "secret"]]'],
    ['%v', '[{"a": {"b": {"c": [1, {"d"}]}}}]'],
    ['%☃', '[1]'],
    ['%😀', '["x"]'],
    ['%.3q', '["abcdef"]'],
    ['%10q|', '["a"]'],
    ['%-10x|', '["hi"]'],
    ['%10x|', '[""]'],
    ['%010x|', '[""]'],
    ['%c%c%c', '[72, 105, 33]'],
    ['%5c|%-5c|', '[9731, 9731]'],
    ['%U %#U %#.6U', '[128512, 128512, 65]'],
    ['%q %+q', '[128512, 128512]'],
    ['%q', '[-1]'],
    ['%c', '[-1]'],
    ['%U', '[-1]'],
  ];
  for (const [format, args] of more) out.push({ format, args });
  return out;
}

describe('regoSprintf matches OPA topdown sprintf', () => {
  const all = cases();
  const results = opaEvalAll(all.map((c) => `sprintf(${regoLiteral(c.format)}, ${c.args})`));

  it('has an OPA answer for every case', () => {
    const missing = all.filter((_, i) => results[i]?.t !== 'string');
    expect(missing).toEqual([]);
  });

  it(`agrees on all ${all.length} cases`, () => {
    const mismatches: string[] = [];
    all.forEach((c, i) => {
      const expected = results[i];
      if (expected?.t !== 'string') return;
      const args = parseRegoValue(c.args) as Extract<RegoValue, { t: 'array' }>;
      const actual = regoSprintf(c.format, args.v);
      // %p of a *big.Int prints a memory address: not reproducible, and skipped.
      if (c.format === '%p' && /^\[-?[0-9]{19,}\]$/.test(c.args)) return;
      if (actual !== expected.v) {
        mismatches.push(`${JSON.stringify(c.format)} ${c.args}: got ${JSON.stringify(actual)}, opa ${JSON.stringify(expected.v)}`);
      }
    });
    expect(mismatches).toEqual([]);
  });
});

describe('regoTermString matches OPA term String()', () => {
  it('prints composite values as topdown sprintf %v does', () => {
    const composites = VALUES.filter((v) => /^[[{]|^set/.test(v));
    const results = opaEvalAll(composites.map((v) => `sprintf("%v", [${v}])`));
    composites.forEach((v, i) => {
      const expected = results[i];
      expect(expected?.t).toBe('string');
      if (expected?.t === 'string') expect(regoTermString(parseRegoValue(v))).toBe(expected.v);
    });
  });
});
