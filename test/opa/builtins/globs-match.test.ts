// regex.globs_match on preadmit's host (src/go/glob-intersection.ts: glob-intersection v0.2.0's language and
// greedy walk) against the real topdown `opa eval` of Gatekeeper's OPA, including its syntax errors (undefined)
// and the answers where its walk is not an exact intersection.
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { regoString } from '../../../src/opa/rego-value.ts';
import { mismatches } from './wasm-oracle.ts';

const PAIRS: Array<[string, string]> = [
  ['a.a.', '.b.b'], ['[a-z]+', '[0-9]*'], ['[a-z]+', '[a-c]+'], ['a+', 'b*'], ['a*', 'b*'], ['a*', ''], ['', ''], ['', 'a'], ['a', 'a'],
  ['abc', 'abd'], ['.*', 'anything'], ['.+', ''], ['x.*y', 'x123y'], ['x.*y', 'x123z'], ['[ab]+c', '[bc]+'], ['[ab]+', '[bc]+c'],
  ['a.b', 'a\\.b'], ['a\\.b', 'axb'], ['a\\*', 'a*'], ['a\\+', 'a+'], ['\\[', '['], ['[\\]]', ']'], ['[a\\-z]', '-'], ['[a\\-z]', 'b'],
  ['[', 'a'], [']', 'a'], ['a]', 'a'], ['+', 'a'], ['*a', 'a'], ['a**', 'a'], ['a+*', 'a'], ['a\\', 'a'], ['\\', ''], ['[a-]', 'a'], ['[-a]', 'a'],
  ['[a-c-e]', 'a'], ['[z-a]', 'a'], ['[a--]', 'a'], ['[a-]]', 'a'], ['[a-\\]]', 'b'], ['[]', 'a'], ['[]*', ''], ['[]+a', 'a'],
  ['(a|b)', '(a|b)'], ['a?', 'a?'], ['a{2}', 'a{2}'], ['^a$', '^a$'], ['a|b', 'a'],
  ['a*a*a*', 'aaa'], ['a*b*a*', 'aba'], ['a+a*', 'a'], ['a*a+', 'aa'], ['.*.*', 'xyz'], ['[ab]*[ab]+', 'b'], ['a+b+', 'ab+'], ['a*b', 'a*c'],
  ['é+', 'éé'], ['[à-ÿ]+', 'ñ'], ['😀.', '.x'], ['[😀-😂]', '😁'], ['[\\x00-\\x{10FFFF}]', 'q'],
  ['foo.*bar', 'foo[0-9]+bar'], ['foo.*bar', 'f.*r'], ['[a-z]+\\.example\\.com', 'www.example.com'], ['[a-z]+\\.example\\.com', '.*\\.example\\.org'],
  ['.*a'.repeat(5) + 'b+', 'a'.repeat(10) + 'c+'], ['.*a'.repeat(8) + 'b+', 'a'.repeat(16) + 'b+'], ['*', '*'], ['.', ''], ['..', '.'], ['a.*b.*c', 'abc'], ['a.*b.*c', 'acb'], ['x*y*z*', 'zyx'], ['[xy]*z', 'yyz'], ['a[b-d]+e', 'a.e'],
];

describe('regex.globs_match on the host equals opa eval', () => {
  it(`${PAIRS.length} pairs, both ways round`, () => {
    const exprs = PAIRS.flatMap(([a, b]) => [`regex.globs_match(${JSON.stringify(a)}, ${JSON.stringify(b)})`, `regex.globs_match(${JSON.stringify(b)}, ${JSON.stringify(a)})`]);
    expect(mismatches(exprs)).toEqual([]);
  });
  it('a glob whose walk would take too long is an evaluation error, not an answer', () => {
    // Each `.*` may stop at every `a`: the walk backtracks through every combination.
    const a = '.*a'.repeat(12) + 'b+';
    const b = 'a'.repeat(24) + 'c+';
    expect(() => hostBuiltins['regex.globs_match']!(regoString(a), regoString(b))).toThrow(/million steps/);
  });
});
