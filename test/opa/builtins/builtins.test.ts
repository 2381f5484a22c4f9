// hostBuiltins against the real `opa eval` (topdown): same value, or undefined where OPA errors.
import { describe, expect, it } from 'vitest';
import { beginEvaluation, hostBuiltins } from '../../../src/opa/builtins.ts';
import { wasmEvalAll } from './wasm-oracle.ts';
import { parseRegoValue, regoTermString } from '../../../src/opa/rego-value.ts';
import { opaEvalAll } from './oracle.ts';

// [builtin, argument literals]. Arguments with the wrong static type go through `opaque` so that
// OPA's type checker lets them reach the builtin at run time.
const CASES: Array<[string, string[]]> = [
  ['units.parse', ['"500m"']], ['units.parse', ['"1Gi"']], ['units.parse', ['"1e3"']], ['units.parse', ['"1.5Ki"']], ['units.parse', ['"1m"']],
  ['units.parse', ['"0.1"']], ['units.parse', ['"2.5M"']], ['units.parse', ['"10k"']], ['units.parse', ['"1x"']], ['units.parse', ['"1.5m"']], ['units.parse', ['"3m"']],
  ['units.parse_bytes', ['"1.5Ki"']], ['units.parse_bytes', ['"10MB"']], ['units.parse_bytes', ['"1e3"']], ['units.parse_bytes', ['"12345678901234567890123"']], ['units.parse_bytes', ['"0.3Ki"']],
  ['semver.compare', ['"1.2.3"', '"1.2.4-alpha"']], ['semver.compare', ['"1.0.0-alpha.1"', '"1.0.0-alpha.beta"']], ['semver.is_valid', ['"v1.2.3"']], ['semver.is_valid', ['"01.2.3"']], ['semver.is_valid', ['1']],
  ['strings.any_prefix_match', ['["abc", "x"]', '"ab"']], ['strings.any_suffix_match', ['"abc"', '{"bc"}']], ['strings.count', ['"cheese"', '"e"']], ['strings.count', ['"five"', '""']],
  ['time.parse_rfc3339_ns', ['"2023-01-02T03:04:05.123+02:00"']], ['time.parse_ns', ['"2006-01-02"', '"2024-02-29"']], ['time.parse_ns', ['"RFC1123"', '"Mon, 02 Jan 2006 15:04:05 MST"']],
  ['time.parse_ns', ['"Jan _2 15:04:05.000"', '"Feb  3 10:11:12.345"']], ['time.parse_duration_ns', ['"1h30m"']], ['time.parse_duration_ns', ['"1.5d"']], ['time.parse_duration_ns', ['"-2.5us"']],
  ['time.date', ['1700000000000000000']], ['time.date', ['[1700000000000000000, "America/New_York"]']], ['time.clock', ['[1700000000000000000, "Asia/Kolkata"]']], ['time.weekday', ['1700000000000000000']],
  ['time.add_date', ['1700000000000000000', '1', '13', '-40']], ['time.diff', ['1700000000000000000', '1600000000000000000']], 
  ['regex.replace', ['"abc-def"', '"([a-z]+)-([a-z]+)"', '"$2_$1x ${1}y"']], ['regex.split', ['"a*"', '"baaac"']], ['regex.find_n', ['"a*"', '"baaac"', '-1']], ['regex.replace', ['"baaac"', '"a*"', '"X"']],
  ['regex.split', ['","', '"a,b,,c"']], ['regex.find_n', ['"(?i)AB"', '"xabyAbz"', '1']], ['regex.replace', ['"héllo wörld"', '"\\\\s"', '"_"']],
  ['object.subset', ['{"a": {"b": 1, "c": 2}}', '{"a": {"b": 1}}']], ['object.subset', ['[1, 2, 3, 4]', '[2, 3]']], ['object.subset', ['[]', 'set()']], ['object.subset', ['["a", "a"]', '{"a", "b"}']],
  ['numbers.range_step', ['0', '10', '3']], ['numbers.range_step', ['10', '0', '4']], ['numbers.range_step', ['0', '1', '0']],
  // more units
  ['units.parse', ['"1E"']], ['units.parse', ['"1Ei"']], ['units.parse', ['"2Mi"']], ['units.parse', ['"1.1Gi"']],
  ['units.parse', ['"-3m"']], ['units.parse', ['"\\"10Ki\\""']], ['units.parse', ['"1 K"']], ['units.parse', ['"m"']],
  ['units.parse', ['"1e1234567"']], ['units.parse', ['"0.0001m"']], ['units.parse', ['"7t"']], ['units.parse', ['"1.2.3"']],
  ['units.parse_bytes', ['"1.5GB"']], ['units.parse_bytes', ['"5e"']], ['units.parse_bytes', ['"1EiB"']], ['units.parse_bytes', ['"0.1"']],
  ['units.parse_bytes', ['"-1.5kb"']], ['units.parse_bytes', ['"10zb"']], ['units.parse_bytes', ['"1.999999999999999999999"']],
  // more semver
  ['semver.compare', ['"1.0.0"', '"1.0.0+build"']], ['semver.compare', ['"2.0.0"', '"10.0.0"']], ['semver.compare', ['"1.0.0-rc.1"', '"1.0.0"']],
  ['semver.compare', ['"1.0.0-alpha"', '"1.0.0-alpha.1"']], ['semver.compare', ['"1.0.0-2"', '"1.0.0-10"']], ['semver.compare', ['"1.0"', '"1.0.0"']],
  ['semver.is_valid', ['"1.0.0-01"']], ['semver.is_valid', ['"1.0.0-0a"']], ['semver.is_valid', ['"1.2.3+meta.data"']], ['semver.is_valid', ['"1.2.3+"']],
  ['semver.is_valid', ['"99999999999999999999.0.0"']], ['semver.is_valid', ['"vv1.0.0"']],
  // more strings
  ['strings.any_prefix_match', ['set()', '"a"']], ['strings.any_prefix_match', ['["x"]', '[]']], ['strings.any_suffix_match', ['["a.b.c", "d"]', '[".c", "x"]']],
  ['strings.any_prefix_match', ['opaque([1])', '"a"']], ['strings.any_prefix_match', ['opaque(1)', '"a"']],
  ['strings.count', ['"aaaa"', '"aa"']], ['strings.count', ['"日本日本"', '"日"']], ['strings.count', ['"😀😀"', '""']],
  // more time
  ['time.parse_rfc3339_ns', ['"2023-01-02T03:04:05Z"']], ['time.parse_rfc3339_ns', ['"2023-01-02T03:04:05.123456789-07:30"']],
  ['time.parse_rfc3339_ns', ['"2023-02-30T00:00:00Z"']], ['time.parse_rfc3339_ns', ['"2023-01-02 03:04:05Z"']], ['time.parse_rfc3339_ns', ['"1600-01-01T00:00:00Z"']],
  ['time.parse_rfc3339_ns', ['"2023-01-02T3:04:05Z"']], ['time.parse_rfc3339_ns', ['"2023-01-02T03:04:05,5Z"']],
  ['time.parse_ns', ['"2006-01-02 15:04:05 -0700"', '"2020-06-30 23:59:59 +0530"']], ['time.parse_ns', ['"02 Jan 06 15:04 MST"', '"05 Mar 21 07:08 PST"']],
  ['time.parse_ns', ['"January 2, 2006 3:04PM"', '"march 9, 2021 12:30am"']], ['time.parse_ns', ['"2006-002"', '"2024-060"']],
  ['time.parse_ns', ['"Mon Jan _2 15:04:05 2006"', '"Tue Mar  9 01:02:03 2021"']], ['time.parse_ns', ['"RFC3339Nano"', '"2021-01-01T00:00:00.5Z"']],
  ['time.parse_ns', ['"2006-01-02T15:04:05.000Z07:00"', '"2021-01-01T00:00:00.12Z"']], ['time.parse_ns', ['"2006-01-02"', '"2021-13-01"']],
  ['time.parse_ns', ['"15:04"', '"10:30"']], ['time.parse_ns', ['"2006-01-02 MST"', '"2021-01-01 GMT+3"']],
  ['time.parse_duration_ns', ['"0"']], ['time.parse_duration_ns', ['""']], ['time.parse_duration_ns', ['"1.5h"']], ['time.parse_duration_ns', ['"2w1d"']],
  ['time.parse_duration_ns', ['"1y"']], ['time.parse_duration_ns', ['"300ms"']], ['time.parse_duration_ns', ['"1µs"']], ['time.parse_duration_ns', ['"5"']],
  ['time.parse_duration_ns', ['"3000000h"']], ['time.parse_duration_ns', ['".5s"']], ['time.parse_duration_ns', ['"1.5x"']], ['time.parse_duration_ns', ['"+1h2m3.4s"']],
  ['time.date', ['0']], ['time.date', ['-1']], ['time.date', ['-9223372036854775808']], ['time.date', ['1.5']], ['time.date', ['1e18']],
  ['time.date', ['[951782400000000000, "Australia/Sydney"]']], ['time.date', ['[1, "Not/AZone"]']], ['time.date', ['opaque([])']],
  ['time.clock', ['1700000000999999999']], ['time.clock', ['[1700000000000000000, "America/St_Johns"]']],
  ['time.weekday', ['[0, "Pacific/Kiritimati"]']], ['time.weekday', ['-86400000000000']],
  ['time.add_date', ['1706659200000000000', '0', '1', '0']], ['time.add_date', ['1709164800000000000', '1', '0', '0']],
  ['time.add_date', ['0', '-1', '0', '0']], ['time.add_date', ['9200000000000000000', '1', '0', '0']], ['time.add_date', ['0', '1.5', '0', '0']],
  ['time.diff', ['1709164800000000000', '1706659200000000000']], ['time.diff', ['[1700000000000000000, "Asia/Tokyo"]', '[1500000000000000000, "UTC"]']],
  ['time.diff', ['0', '0']], ['time.diff', ['1706745600000000000', '1709251200000000000']],
  // more regex
  ['regex.replace', ['"aaa"', '"a"', '"$0$0"']], ['regex.replace', ['"abc"', '"(?P<x>b)"', '"[${x}]"']], ['regex.replace', ['"abc"', '"b"', '"$$"']],
  ['regex.replace', ['"abc"', '"("', '"x"']], ['regex.replace', ['"a.b.c"', '"\\\\."', '"/"']], ['regex.replace', ['"ABC"', '"(?i)b"', '"x"']],
  ['regex.replace', ['"line1\\nline2"', '"(?m)^l"', '"L"']], ['regex.replace', ['"a\\nb"', '"a.b"', '"x"']], ['regex.replace', ['"a\\nb"', '"(?s)a.b"', '"x"']],
  ['regex.replace', ['"x1y22z"', '"[[:digit:]]+"', '"#"']], ['regex.replace', ['"αβγ"', '"\\\\pL"', '"x"']], ['regex.replace', ['"a{b}"', '"{b}"', '"x"']],
  ['regex.split', ['""', '"abc"']], ['regex.split', ['"x"', '""']], ['regex.split', ['""', '""']], ['regex.split', ['"b*"', '"abbbc"']],
  ['regex.split', ['"\\\\s+"', '"  a  b "']], ['regex.split', ['"(a"', '"x"']],
  ['regex.find_n', ['"[0-9]+"', '"a1b22c333"', '2']], ['regex.find_n', ['"[0-9]+"', '"a1b22c333"', '0']], ['regex.find_n', ['""', '"héllo"', '-1']],
  ['regex.find_n', ['"\\\\bfoo\\\\b"', '"foo food foo"', '-1']], ['regex.find_n', ['"a|ab"', '"abab"', '-1']], ['regex.find_n', ['"x*"', '"😀x😀"', '-1']],
  // more object.subset
  ['object.subset', ['{"a": [1, 2, 3]}', '{"a": [2, 3]}']], ['object.subset', ['{"a": {"x", "y"}}', '{"a": {"x"}}']], ['object.subset', ['{"a": 1}', '{"a": 1.0}']],
  ['object.subset', ['{"a": 1}', '{"b": 1}']], ['object.subset', ['{1, 2, 3}', '{1, 3}']], ['object.subset', ['[1, 2]', '{3}']], ['object.subset', ['[1, 2]', 'set()']],
  ['object.subset', ['opaque({"a": 1})', 'opaque([1])']], ['object.subset', ['[1, 2, 1, 2, 3]', '[1, 2, 3]']], ['object.subset', ['{"a": [1]}', '{"a": {"b": 1}}']],
  // more ranges
  ['numbers.range_step', ['0', '0', '1']], ['numbers.range_step', ['-3', '3', '2']], ['numbers.range_step', ['1.0', '5', '2.0']], ['numbers.range_step', ['0', '5', '1.5']],
  ['numbers.range_step', ['18446744073709551616', '18446744073709551620', '2']], ['numbers.range_step', ['0', '1e1', '5']],
  // sprintf through the builtin entry point
  ['sprintf', ['"%v-%d"', '["a", 3]']], ['sprintf', ['"%v"', 'opaque({"a"})']], ['sprintf', ['opaque(1)', '[]']],
];

/** A literal whose static type the checker cannot see, so type errors happen at run time. */
function opaqueExpr(arg: string): string {
  const m = /^opaque\((.*)\)$/s.exec(arg);
  return m ? `object.get({"v": ${m[1]}}, __k, 0)` : arg;
}

function myArg(arg: string): string {
  const m = /^opaque\((.*)\)$/s.exec(arg);
  return m ? (m[1] as string) : arg;
}

describe('hostBuiltins match OPA topdown builtins', () => {
  const exprs = CASES.map(([name, args]) => {
    const call = `${name}(${args.map(opaqueExpr).join(', ')})`;
    // `__k` is bound inside a comprehension, so the checker does not know it is "v".
    return args.some((a) => a.startsWith('opaque(')) ? `[__r | __k := ["v"][_]; __r := ${call}][0]` : call;
  });
  const results = opaEvalAll(exprs);

  it(`agree on all ${CASES.length} cases`, () => {
    const mismatches: string[] = [];
    CASES.forEach(([name, args], i) => {
      const fn = hostBuiltins[name];
      if (!fn) {
        mismatches.push(`${name} is missing`);
        return;
      }
      const mine = fn(...args.map((a) => parseRegoValue(myArg(a))));
      const theirs = results[i];
      const got = mine ? regoTermString(mine) : 'undefined';
      const want = theirs ? regoTermString(theirs) : 'undefined';
      if (got !== want) mismatches.push(`${name}(${args.join(', ')}): got ${got}, opa ${want}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('time.now_ns is the current time in nanoseconds', () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    beginEvaluation();
    const now = hostBuiltins['time.now_ns']?.();
    const after = BigInt(Date.now() + 1) * 1_000_000n;
    expect(now?.t).toBe('number');
    const ns = BigInt(now?.t === 'number' ? now.v : '0');
    expect(ns >= before && ns <= after).toBe(true);
  });

  it('time.now_ns is one clock reading per evaluation (topdown gives each query one time), and the next evaluation reads the clock again', () => {
    // Work between the two calls: 300,000 elements take well over a microsecond.
    const expr = '[time.now_ns(), count(numbers.range(1, 300000)), time.now_ns()]';
    const [first] = wasmEvalAll([expr]);
    const [second] = wasmEvalAll([expr]);
    const a = /^\[(\d+), 300000, (\d+)\]$/.exec(first ?? '');
    const b = /^\[(\d+), 300000, (\d+)\]$/.exec(second ?? '');
    expect(a, first).not.toBeNull();
    expect(b, second).not.toBeNull();
    expect(a![1]).toBe(a![2]);
    expect(b![1]).toBe(b![2]);
    expect(BigInt(b![1]!) > BigInt(a![1]!)).toBe(true);
  });

  it('turns bad operands into undefined, never a crash', () => {
    const junk = ['null', '1', '"x"', '[]', 'set()', '{}', '{"a": [1, {"b"}]}', '-1.5e300'].map(parseRegoValue);
    // The one exception allowed: a value OPA would build but preadmit bounds (numbers.range(-1.5e300, 1) has
    // 10^300 elements; OPA runs out of memory or time). That fails the evaluation (fail closed), by design.
    const call = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (!/over preadmit's memory bound/.test((e as Error).message)) throw e;
      }
    };
    for (const fn of Object.values(hostBuiltins)) {
      for (const a of junk) for (const b of junk) expect(() => call(() => fn(a, b, a, b))).not.toThrow();
      expect(() => fn()).not.toThrow();
    }
  });
});
