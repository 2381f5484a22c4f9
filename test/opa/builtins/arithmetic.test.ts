// Arithmetic as Gatekeeper's OPA (topdown) does it, in compiled policies: the wasm runtime's own arithmetic
// (decimal, `1e+12`) is routed to the host (sorted-module.ts ROUTED_BUILTINS), which computes with Go's
// big.Float (src/go/bigfloat.ts). Every expression is compiled with the pinned `opa build -t wasm`, run on
// preadmit's host, and compared with the real `opa eval` as topdown prints it (byte-identical).
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { mismatches, wasmEvalAll } from './wasm-oracle.ts';

const EXPRESSIONS = [
  // the cases
  '1/3*3 == 1', '1/3*3', '1e6*1e6', '12345678901234567890 + 1', 'sprintf("%v", [1e6*1e6])', 'format_int(12345678901234567890, 16)',
  '12345678901234567890 > 12345678901234567889', 'round(2.5)', 'round(-2.5)', 'ceil(1.2)', 'floor(-1.2)', '12345678901234567890 % 7',
  'numbers.range(1, 5)',
  // quotients and float printing ('g' shortest at 64 bits, 'f' for integers)
  '0.1 + 0.2', '0.1 + 0.2 == 0.3', '1/3', '2/3', '10/4', '22/7', '1/7', '1e20/3', '100 / 3', '1e1000 / 3', '0.1 * 3', '0.1 + 0.7',
  '1.5 * 1.5', '2.5e-5 * 4', '123456.789e3 * 1', '1234567 * 1.0', '12345678 * 1.5', '3.14159 * 2', '1e-7 * 1', '0.000001 * 1',
  '123456789.123456789 * 1000', '1e308*10', '1e400', '1e-400 * 1', '1e-400 + 1', '1e400 + 1', 'json.unmarshal("1e9999") * 1',
  'json.unmarshal("1e-9999") * 1', '3 * 0.1 == 0.3', '1/3 + 1/3 + 1/3 == 1', 'to_number("1e6") * 1', '1e6 * 1', '1000000 * 1.0',
  // the int fast path (-1000, 1000) and its edges
  '999 + 1', '-999 - 1', '1000 * 1000', '999 * 999', '9223372036854775807 + 1', '-9223372036854775808 - 1', '9007199254740993 + 0',
  '9007199254740993 * 1', '100000000000000000000 * 100000000000000000000', '3 - 5', '1.5 - 0.5', '2.0 * 3', '1.0 + 1', '0.5 + 0.5',
  // signed zeros
  '-0.0 * 1', '0 * -1', '0.0 - 0.0', '-1 * 0.0', 'abs(-0.0)',
  // division and modulo errors, big-integer modulo (v1.17.1 checks the low 64 bits of the divisor)
  '1 / 0', '1 / 0.0', '5 % 0', '7 % 3', '7.5 % 2', '-7 % 3', '7 % -3', '-7 % -3', '18446744073709551616 % 5', '10 % 18446744073709551616',
  '12345678901234567890123 % 10', '1e20 % 7', '2.0 % 1', '5 % 2.5',
  // rounding functions, including topdown's ceil(-0.5) == 1 and floor(-0.5) == 0
  'ceil(-0.5)', 'floor(-0.5)', 'round(-0.5)', 'round(0.49999999999999999999)', 'round(1e20)', 'ceil(12345678901234567890.5)',
  'round(123456789012345678901234567890.5)', 'floor(1e-30)', 'ceil(1e-30)', 'floor(-1e-30)', 'abs(-1e-30)', 'round(-1e300)',
  'abs(-12345678901234567890)',
  // aggregates: sum's int64 fast path wraps, product is big.Float from 1
  'sum([0.1, 0.2])', 'product([1e6, 1e6])', 'sum([9223372036854775807, 1])', 'sum([1, 2.5])', 'sum(set())', 'product([])', 'product({2, 3})',
  // numbers.range bounds go through big.Float (64-bit mantissa)
  'numbers.range(-2, 2)', 'numbers.range(3, 1)', 'numbers.range(1.0, 3)', 'numbers.range(1.5, 3)', 'numbers.range(12345678901234567890, 12345678901234567892)',
  'count([x | x := numbers.range(1, 1000)[_]; x % 7 == 0])',
  // set difference is minus too; a wrong operand type at run time is undefined
  '{1, 2, 3} - {2}', '{"a", "b"} - {"a", 1}', 'json.unmarshal(`"a"`) + 1', 'json.unmarshal(`[1]`) - {1}',
  // number text flowing into other builtins
  'format_int(1e300, 16)', 'format_int(-1234.9, 10)', 'format_int(12345678901234567890123, 10)', 'sprintf("%d", [1e6 * 1e6])',
  'sprintf("%v", [1/3])', 'sprintf("%.2f", [2/3])', 'json.marshal([1e6 * 1e6, 1/3, 0.1 + 0.2])', 'time.date(1e18)', 'time.date(1.7e18)',
  'units.parse("1.5Ki") * 2', 'units.parse_bytes("1.5Ki") / 1024',
];

/** Deterministic pseudo-random operands: ints of every size, decimals, exponents, signs. */
function randomExpressions(count: number): string[] {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('').replace(/^0+(?=.)/, '');
  const operand = () => {
    const r = rnd();
    const sign = rnd() < 0.25 ? '-' : '';
    if (r < 0.3) return sign + digits(1 + Math.floor(rnd() * 3));
    if (r < 0.55) return sign + digits(10 + Math.floor(rnd() * 20));
    if (r < 0.8) return `${sign}${digits(1 + Math.floor(rnd() * 6))}.${digits(1 + Math.floor(rnd() * 12))}`;
    return `${sign}${digits(1 + Math.floor(rnd() * 3))}e${Math.floor(rnd() * 60) - 30}`;
  };
  const ops = ['+', '-', '*', '/', '%'];
  return Array.from({ length: count }, () => {
    const op = ops[Math.floor(rnd() * ops.length)] as string;
    // Parenthesised so that a leading minus stays part of the number.
    const expr = `(${operand()}) ${op} (${operand()})`;
    const wrap = rnd();
    if (wrap < 0.1) return `round(${expr})`;
    if (wrap < 0.2) return `ceil(${expr})`;
    if (wrap < 0.3) return `floor(${expr})`;
    return expr;
  });
}

describe('arithmetic in compiled policies equals opa eval (topdown)', () => {
  it('300 random expressions over ints, big ints, decimals and exponents print byte-identical results', () => {
    expect(mismatches(randomExpressions(300))).toEqual([]);
  });

  it(`${EXPRESSIONS.length} expressions print byte-identical results`, () => {
    expect(EXPRESSIONS.length).toBeGreaterThanOrEqual(40);
    expect(mismatches(EXPRESSIONS)).toEqual([]);
  });

  it('a value far beyond 10^19728 fails the evaluation (never undefined) instead of printing a million digits', () => {
    // OPA would print all 1,000,000 digits of 1e999999 (and take minutes): preadmit stops at 2^16 bits of exponent,
    // and says so as an evaluation error, so that a rule cannot silently not fire.
    const out = wasmEvalAll(['json.unmarshal("1e999999") * 1', 'json.unmarshal("1e-999999") + 1', '1 + 1'], hostBuiltins, false);
    expect(out[0]).toMatch(/^error: builtin mul failed: exponent out of range/);
    expect(out[1]).toMatch(/^error: builtin plus failed: exponent out of range/);
    expect(out[2]).toBe('2');
  });
});
