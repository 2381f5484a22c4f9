// yaml.unmarshal / yaml.is_valid / yaml.marshal on preadmit's host (src/go/yaml.ts: go-yaml v2's resolution
// and emitter, sigs.k8s.io/yaml's JSON conversions) against the real topdown `opa eval` of Gatekeeper's OPA,
// byte for byte, including undefined results (OPA's errors). Each YAML text is tried with both readers.
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { regoString } from '../../../src/opa/rego-value.ts';
import { mismatches } from './wasm-oracle.ts';

const SCALARS = [
  'a: yes\nb: on\nc: Off\nd: n\ne: Y\nf: TRUE\ng: ~\nh: Null\ni: NULL\nj:\nk: nil\nl: True\nm: tRUE',
  'a: 0755\nb: 0o17\nc: 0x1F\nd: 0b101\ne: -0b11\nf: 1_000\ng: 08\nh: 0x_1F\ni: +12\nj: -0\nk: 00\nl: 0.\nm: 1__0',
  'a: 1e3\nb: 1.0\nc: .5\nd: -.5e2\ne: 1E+2\nf: 1e400\ng: -1e400\nh: 0.1\ni: 1e21\nj: 1e-7\nk: 100000000000000000000.0\nl: 1.5e-300\nm: 1_0.5',
  'a: 9223372036854775807\nb: 9223372036854775808\nc: 18446744073709551615\nd: 18446744073709551616\ne: -9223372036854775808\nf: -9223372036854775809\ng: 123456789012345678901\nh: 0xFFFFFFFFFFFFFFFF\ni: 0x1FFFFFFFFFFFFFFFF',
  'a: .inf\n', 'a: -.Inf\n', 'a: .NaN\n', 'a: +.inf\n', 'a: [.inf]', 'a: .infinity\nb: .5.5\nc: 1.2.3\nd: +\ne: -\nf: .\ng: 1e\nh: 0x\ni: 1:20\nj: 190:20:30',
  'a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: 2001-12-14 21:59:43.10\nd: 2002-13-01\ne: 20011214\nf: 2001-12-14T21:59:43Z',
  'a: -0.0\nb: +0.0\nc: 0e0\nd: -0e5\ne: 1.7976931348623157e308\nf: 4.9e-324\ng: 5e-325',
  'a: "yes"\nb: \'0755\'\nc: |\n  1\nd: >-\n  true\ne: !!str 12\nf: !!int "12"\ng: !!float 3\nh: !!bool "on"\ni: !!null ""',
  'a: !!int x', 'a: !!float abc', 'a: !!bool 1', 'a: !!null 0', 'a: !!timestamp 2001-01-01', 'a: !!timestamp 12', 'a: !foo bar\nb: !<tag:example.com,2000:x> 1\nc: ! 12',
  'a: !!binary aGVsbG8=', 'a: !!binary "aGVs\\nbG8="', 'a: !!binary not base64', 'a: !!binary /w==', 'a: !!binary |\n  aGVs\n  bG8=',
  'a: "\\u00e9\\x41\\t\\N\\_"', "a: 'it''s'", 'a: "\\ud800"', 'a: "\\U0001F600"',
];

const STRUCTURE = [
  '', '# only a comment', '---', '--- \n...', 'x', '42', '"q"', '[1, 2]', '- a\n- b: c\n  d: e', '{}', '[]', 'null',
  'a: 1\n---\nb: 2', 'a: 1\n---\n[: 2', '---\n---\na: 1', '--- 1\n--- 2', '%YAML 1.1\n---\na: 1', '...\na: 1',
  'a: 1\na: 2', 'a: {b: 1, b: 2}', 'a: 1\n"a": 2',
  '1: a\n1.5: b\ntrue: c\n2001-01-01: d\n0x10: e\n1e3: f\nno: g\n3.14159265358979: h\n1e40: i\n-0.0: j\n-.inf: l',
  '.inf: a\nb: 1', '9223372036854775807: a', '18446744073709551615: a', '~: a', 'null: a', '? [1]\n: a', '? {a: 1}\n: b', ': a', '? a\n', '.nan: a',
  'a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2',
  'd:\n  b: 0\n  <<: {b: 1, c: 1}\n  c: 2',
  'x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  <<: [*x, *y]\n  d: 3',
  'x: &x {a: 1}\nz:\n  <<: [*x, {a: 5, q: 1}]',
  'z:\n  <<: 1', 'z:\n  <<: [1]', 'z:\n  <<: [[a]]', 'x: &x [1]\nz:\n  <<: *x', 'z:\n  "<<": {a: 1}', 'z:\n  !!merge <<: {a: 1}',
  'z: {<<: {a: 1}, <<: {b: 2}}', 'z:\n  <<: ~',
  'a: &a [*a]', 'a: *nope', 'a: &x 1\nb: &x 2\nc: *x', '&x a: *x',
  'a: &a [1, 2]\nb: [*a, *a, *a]',
  'a: b: c', 'a: [1, 2', 'a: {b', '- a\nb: c', 'a:\n\tb: 1', 'a: "unterminated', "a: 'x\n", '@a: 1', '`a: 1', 'a: |\n x\n  y', 'a: >\n\n  folded\n  text\n\n',
  'key: "a\n  b"', 'key:\n  - "first\n  line"',
  'a: 1 # comment\nb: "x # y"\nc: x#y',
  'a: \u0001', 'a: \ufeff', '\ufeffa: 1', 'a: \u007f', 'a: "x\u2028y"', "a: 'x\u2029'",
  '...\n', '# c\n...\na: 1', 'a: 1\n...\n...\nb: 2', 'a: 1\n...\n', '--- ...', '\n...',
  'a: |\n x', 'a: >\n x', 'a: |+\n x', 'a: |-\n x', '|\n x\n\n', 'a: |\n x\nb: 1', '- |\n x', 'a: |+\n x\n\n', 'a: |\n x\n',
  'a:\n  - b\n  -\n  - c: \n', 'a: [b, , c]', '[a, b]: c', '{a: [b, {c: d}]}', 'a: {b: [], c: {}}',
  '- - - - - - - - - - 1',
  "a: 'multi\n\n  line'", 'a: "esc\\\nline"', 'a: plain\n  continued\n\n  para',
];

const BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]`;

/** A Rego string literal; a BOM is escaped (OPA's parser refuses it raw). */
function lit(t: string): string {
  return JSON.stringify(t).replace(/\ufeff/g, '\\ufeff');
}

/** Many aliases and merges of anchors redefined along the way (each alias takes the latest definition). */
const MANY_ALIASES = Array.from({ length: 300 }, (_, i) => `a${i}: &b${i % 7} {x: ${i}}\nm${i}: {<<: *b${i % 7}, y: ${i}}\nr${i}: [*b${(i * 3) % 7}]`).join('\n');

function both(texts: string[]): string[] {
  return texts.flatMap((t) => [`yaml.unmarshal(${lit(t)})`, `yaml.is_valid(${lit(t)})`]);
}

describe('yaml.unmarshal and yaml.is_valid on the host equal opa eval', () => {
  it(`scalars: ${SCALARS.length} documents`, () => {
    expect(mismatches(both(SCALARS))).toEqual([]);
  });
  it(`structure, merges, aliases, keys, invalid input: ${STRUCTURE.length} documents`, () => {
    expect(mismatches(both(STRUCTURE))).toEqual([]);
  });
  it('an alias bomb is refused as go-yaml refuses it; 900 aliases and merges; non-string operands', () => {
    expect(mismatches([...both([BOMB, MANY_ALIASES]), 'yaml.is_valid(json.unmarshal("1"))', 'yaml.unmarshal(json.unmarshal("1"))'])).toEqual([]);
  });
});

const WORDS = (w: string, sep = ' ', n = 30): string => `concat(${JSON.stringify(sep)}, [${JSON.stringify(w)} | x := numbers.range(1, ${n})[_]])`;
const LONG_KEY = 'k'.repeat(130);

/** Rego values to marshal: nesting, key order, every scalar style, folding past column 80, complex keys. */
const TO_MARSHAL = [
  '{"b": [1, 2, {"x": null}], "a": {"c": true, "d": []}, "e": {}, "f": 1.5, "g": 1e6, "h": 12345678901234567890, "i": 123456789012345678901234}',
  '{"a": [{"b": [{"c": [1, {"d": "e"}]}], "f": {}}, []], "g": [[[{}]]]}', '[{"a": 1, "b": [2, 3]}, [{"c": 4}], "x"]', '[[1, 2], [], [[3]], {"a": [1]}]',
  '{1, 2}', '{1: "a", [2]: "b"}', '{}', '[]', 'null', 'true', '42', '"x"',
  '{"a10": 1, "a9": 2, "A": 3, "b": 4, "1": 5, "10": 6, "2": 7, "_": 8, "é": 9, "a01": 10, "a1": 11}',
  '{"007": 1, "7": 2, "07": 3, "a007": 4, "a7": 5, "a07": 6, "a70": 7, "x1y2": 8, "x1y10": 9, "x01": 10, "x001": 11, "٣": 12, "3": 13, "Z": 14, "z": 15, "é1": 16, "e1": 17}',
  '{"a b c": 1, "a: b": 2, "- x": 3, "": 4, "yes": 5, "x\\ty": 6}',
  '[1.50, 1E3, -1.5e-10, 0.000001, 123456789.125, 1e21, 1e20, -0.0, 9223372036854775807, 9223372036854775808, 18446744073709551616, -9223372036854775809, 1e400, -0, 1.0, 0.1, 1e-7]',
  '["yes", "", "a: b", " lead", "trail ", "- x", "#x", "x #y", "1.5", "0755", "1:20", "é", "tab\\there", "a\\u0001b", "null", "~", "2001-01-01", "😀", "1:20:30"]',
  '["- a", "-", "- ", "a -", ":", "a:", "a :b", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "x|", "{x", "x}", "x,", "-x", "x:y", "?x", "? x", "a,b", "[x", "---", "...x", "it\\u0027s"]',
  '["true", "True", "TRUE", "on", "y", "n", "No", ".inf", ".nan", "-.inf", "0x1f", "0o17", "0b11", "1_000", "+1", "-1", ".5", "5.", "1e5", "1e", "e5", "0.", "00", "08", "1:2", "1:60", "12:30:45.5", "1_0:20"]',
  '{"k": "line1\\nline2\\n\\n", "l": "\\nleading", "m": "trailing\\n\\n\\n", "n": "a\\n b\\n  c", "o": "multi\\nline\\n", "p": "yes\\nno", "q": " x\\ny", "r": "x \\ny", "s": "  \\n  x"}',
  '"x\\n"', '"\\n"', '"a\\n\\nb\\n\\n"', '[" ", "  ", " x ", "x  y", "\\t", "a\\tb"]',
  WORDS('word'), `{"k": ${WORDS('word')}}`, `[${WORDS("wo'rd")}]`, `{"a": {"b": ${WORDS('word', '  ')}}}`, `{"a": {"b": ${WORDS('w\tord')}}}`,
  WORDS('a ', '', 60), WORDS('a:b', ' ', 40), WORDS('"q"', ' ', 40), WORDS('#', ' ', 60), WORDS('ab\tc', '  '), `{"a": {"b": {"c": {"d": ${WORDS('word')}}}}}`,
  `concat(" ", ["${'x'.repeat(90)}", "y"])`, '{"a": {"b": {"c": {"d": "x\\ny"}}}}', '[["x\\ny"]]', '[{"k": "x\\ny"}]', '{"a": [["x", ["y"]]]}',
  `{"${LONG_KEY}": 1, "b": 2}`, `{"${LONG_KEY}": {"x": 1, "y": [1]}}`, `{"${LONG_KEY}": [1, 2]}`, `{"${LONG_KEY}": []}`, '{"a\\nb": 1}', '{"a\\nb\\n": {"c": "d"}}',
  `{"k": {"${LONG_KEY}": [{"q": 1}]}}`, `[{"${LONG_KEY} x": 1}]`, `{"${'k'.repeat(128)}": 1}`, `{"${'é'.repeat(64)}": 1}`, `{"${'é'.repeat(65)}": 1}`,
];

describe('yaml.marshal on the host equals opa eval', () => {
  it(`${TO_MARSHAL.length} values`, () => {
    expect(mismatches(TO_MARSHAL.map((v) => `yaml.marshal(${v})`))).toEqual([]);
  });
  it('what the emitter cannot reproduce is an evaluation error', () => {
    for (const text of ['a\u0085b', '\ufeffx', 'a\rb', 'a\u2028b']) {
      expect(() => hostBuiltins['yaml.marshal']!(regoString(text))).toThrow(/not supported/);
    }
  });
});

describe('YAML preadmit cannot read as go-yaml does', () => {
  it('a YAML 1.1 line break outside quotes is an evaluation error, never a silent undefined', () => {
    for (const text of ['a: x\u2028y', 'a: x\u0085y', '- \u2029', 'a: "x\u0085"']) {
      expect(() => hostBuiltins['yaml.unmarshal']!(regoString(text))).toThrow(/not supported/);
      expect(() => hostBuiltins['yaml.is_valid']!(regoString(text))).toThrow(/not supported/);
    }
  });
});
