// The Go regexp translator against Go itself: OPA's regex.* builtins (Gatekeeper's OPA, built with the
// same Go as gator) give every match with its groups, every replacement and split, and the exact
// error of every rejected expression.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileGoRegexp, GoRegexp } from '../../src/go/regexp.ts';
import { regoToJson, type RegoValue } from '../../src/opa/rego-value.ts';
import { GATEKEEPER_OPA, opaEvalAll } from '../opa/builtins/oracle.ts';

function compiled(expr: string): GoRegexp {
  const r = compileGoRegexp(expr);
  if ('error' in r) throw new Error(r.error);
  return r;
}

const lit = (s: string): string => JSON.stringify(s);

function plain(v: RegoValue | undefined): unknown {
  return v === undefined ? undefined : regoToJson(v);
}

// [pattern, subject]: every match with its groups must be Go's.
const MATCHES: Array<[string, string]> = [
  // anchors and assertions
  ['^a', 'ba'], ['^a', 'ab'], ['a$', 'a\n'], ['a$', 'ba'], ['(?m)^b$', 'a\nb\nc'], ['(?m)$', 'a\nb'], ['(?m)^', 'a\n\nb'],
  ['\\Aab\\z', 'ab'], ['\\Ab', 'ab'], ['(?m)\\Ab', 'a\nb'], ['(?m)a\\z', 'a\na'], ['\\bfoo\\b', 'foo food foo'], ['\\Bo', 'foo'],
  ['^*a', 'aa'], ['$$', 'x'], ['\\b', 'ab cd'], ['(?m)^$', '\n\n'],
  // literals, escapes, dots
  ['a.c', 'a\nc abc'], ['(?s)a.c', 'a\nc'], ['.', '😀a'], ['.+', 'a\nb'], ['(?s).+', 'a\nb'], ['\\Q.*+\\E', 'a.*+b'],
  ['\\Qab', 'xaby'], ['a{,2}', 'a{,2}'], ['x{', 'x{'], ['a{01}', 'a{01}'], ['a{1,2', 'a{1,2'], ['{b}', 'a{b}'],
  ['\\x41\\x{42}\\101\\0', 'AB A\u0000'], ['\\a\\f\\t\\n\\r\\v', '\u0007\f\t\n\r\u000b'], ['\\.\\*\\_\\-', '.*_-'],
  ['é+', 'éé'], ['😀+', '😀😀x'], ['\\x{1F600}', '😀'],
  // classes
  ['[a-c]+', 'xabcabd'], ['[^a-c]+', 'abxy\nc'], ['[]a]+', 'a]b'], ['[^]a]+', 'a]bc'], ['[a-]+', 'a-b'], ['[-a]+', 'a-b'],
  ['[\\d\\s]+', '1 2\tx'], ['\\W+', 'ab, cd'], ['\\D+', '12ab3'], ['\\S+', 'a b\u00a0c'], ['\\s+', 'a\u000b\u00a0 \tb'],
  ['[\\x41-\\x{43}]+', 'ABCD'], ['[\\[\\]]+', 'x[]'], ['[\\d-z]+', '1-z'], ['[^\\n]+', 'ab\ncd'], ['[^a]', '\n'], ['[.]', 'a.'],
  ['[^\\x00-\\x{10FFFF}]', 'abc'], ['[α-ω]+', 'aβγ'],
  // POSIX classes
  ['[[:alpha:]]+', 'ab1'], ['[[:^alpha:]]+', 'ab12c'], ['[[:punct:]]+', 'a!-/:@[`{~b'], ['[[:space:]]+', 'a\u000b\t b'],
  ['[[:word:][:digit:]]+', 'a_1-'], ['[[:xdigit:]]+', 'fG0'], ['[[:upper:][:lower:]]+', 'aB1'], ['[[:^space:]x]+', ' a b'],
  ['[[:blank:]]+', 'a\t \n'], ['[[:cntrl:]]', 'a\u007f'], ['[[:print:]]+', 'a b\u0001'], ['[[:graph:]]+', 'a b'], ['[[:ascii:]]+', 'aé'],
  ['[[:alnum:]]+', 'a1_'], ['[[:digit:]]+', 'x1y22z'], ['[[:]]+', '[:]'],
  // Unicode classes
  ['\\pL+', 'αβγ1'], ['\\p{Greek}+', 'abγδ'], ['\\PL+', 'ab12'], ['\\p{^L}+', 'ab12'], ['\\P{^Lu}+', 'aBCd'], ['[\\p{Lu}\\d]+', 'aB1c'],
  ['\\p{Han}', '中'], ['\\p{Any}+', 'a\n'], ['\\p{Letter}+', 'ab1'], ['\\p{lu}', 'aB'], ['\\p{greek}', 'λ'], ['\\p{ASCII}+', 'aé'],
  ['\\p{Assigned}+', '\u0378a'], ['\\p{Lc}', '1a'], ['\\p{LC}', '1a'], ['\\p{Uppercase_Letter}', 'aB'], ['\\p{Nd}+', '١٢3'], ['[^\\p{L}]+', 'ab12'],
  ['\\pN', 'x5'], ['\\p{Cyrillic}+', 'яz'], ['\\p{Common}+', 'a1 !'], ['\\p{Inherited}', 'a\u0301'], ['\\p{Zs}', 'a\u3000'],
  ['[^\\P{L}]+', 'ab1'], ['\\p{ cntrl }', 'a\u0001'], ['\\p{Other_Letter}', 'a中'], ['\\p{punct}+', 'a!?'],
  // flags and case folding
  ['(?i)abc', 'xABCx'], ['(?i:a)b', 'AB Ab'], ['(?i)k', '\u212a'], ['(?i)s', 'ſ'], ['(?i)ı', 'Iıi'], ['(?i)i', 'Iıiİ'],
  ['(?i)ß', 'ẞ'], ['(?i)σ', 'Σσς'], ['(?i)µ', 'Μμ'], ['(?i)å', 'Åå\u212b'], ['(?i)ǅ', 'Ǆǅǆ'], ['(?i)\\w+', 'ſK'],
  ['(?i)\\W', 'ſ!'], ['(?i)[^k]', 'K\u212ax'], ['(?i)[a-c]+', 'ABC'], ['(?i)[k-m]+', '\u212aLm'], ['(?i)\\p{Lu}+', 'aBc'],
  ['(?i)\\P{Lu}', 'aB1'], ['(?i)\\p{Greek}+', 'Ωω\u2126'], ['(?i)[[:upper:]]+', 'abC'], ['(?i)[[:^lower:]]', 'aB1'], ['(?i)\\p{ASCII}+', 'ſKé'],
  ['(?i)a(?-i)a', 'AA Aa'], ['(?i)a(?-i:a)a', 'AaA AAA'], ['(?s-m:.)', '\n'], ['(?m)(?-m)^b', 'a\nb'], ['(?i)(?:a(?-i)b)b', 'AbB Abb'],
  ['(a(?i)b)c', 'aBc aBC'], ['(?ims)^a.$', 'x\nA\ny'], ['(?)a', 'a'], ['(?i)\\x{212A}', 'k'], ['(?i)ꭰ', 'Ꭰꭰ'], ['(?i)𐐀', '𐐨'],
  // greediness
  ['(?U)a+', 'aaa'], ['(?U)a+?', 'aaa'], ['a+?', 'aaa'], ['a*?b', 'aab'], ['a??', 'a'], ['(a{2,3}?)', 'aaaa'], ['(?U)(a{2,})', 'aaaa'],
  ['(?U:a*)a', 'aaa'], ['(?U)(?-U)a*', 'aaa'], ['<(.+)>', '<a><b>'], ['<(.+?)>', '<a><b>'], ['(a|ab)(c|bcd)(d*)', 'abcd'],
  // groups, named groups, alternation
  ['(?P<first>\\w+) (?<second>\\w+)', 'hello world'], ['(?P<x>a)|(?P<x>b)', 'ab'], ['(a)(?:b)(c)', 'abc'], ['(a)|b', 'ab'],
  ['a|ab', 'abab'], ['ab|a', 'abab'], ['|a', 'a'], ['a|', 'ba'], ['()', 'ab'], ['(a*)+', 'b'], ['(a+)(b+)?', 'aab a'],
  // repetition bounds
  ['a{2}', 'aaaaa'], ['a{2,}', 'aaaaa'], ['a{2,3}', 'aaaaa'], ['a{0}', 'aa'], ['a{0,}', 'aa'], ['(a){0,1}b', 'ab b'],
  ['(?:a{2}){2}', 'aaaaa'], ['a{1000}', 'a'.repeat(1001)], ['(?:a{10}){100}', 'a'.repeat(1000)], ['x*', '😀x😀'],
  ['(?:(?:a{1000}){0}){1000}', 'a'], [`(?:${'a'.repeat(3355)}){1000}`, 'aaa'], [`(?:${'ab|cd'.repeat(700)}){1000}`, 'abcd'], ['a{2}?', 'aaa'], ['(ab){2,}', 'abababx'],
];

// [pattern]: Go rejects each with its own error text.
const INVALID: string[] = [
  'a(b', 'a)b', ')', '((a)', '[a', '[a-', '[]', '[^', '[a\\', 'x**', 'x*+', 'x+?*', 'x??+', 'a{2}{3}', 'a{2}*', '+a', '|*', '(*)', '(?i)*',
  '(?=a)', '(?!a)', '(?<=a)', '(?P=x)', '(?P<x', '(?P<>a)', '(?<a-b>c)', '(?<a', '(?i-)', '(?-)', '(?i', '(?z)', '(?--i)', '(?i😀)',
  '\\8', '\\1', '\\C', '\\q', '\\x', '\\xZ1', '\\x1', '\\x{}', '\\x{110000}', '\\x{12', 'a\\', '\\', '\\Z', '\\é',
  'a{1001}', 'a{2,1}', 'a{1000000000}', 'a{2,1000000000}', '(a{500}){3}', '(?:a{2}){501}', '((a{10}){10}){11}', '(a{2}|b{501}){2}',
  '[[:nope:]]', '[[:^nope:]]', '[z-a]', '[\\x{10}-\\x{5}]', '\\p{Old_Italic}', '\\pX', '\\p{', '\\p', '\\p{L&}', '[\\p{Foo}]', '\\p{Grek}',
  '[\\b]', '[\\z]', '[\\Q]', '[[:alpha:]', '[a[:b', '\\P{^}', '(?P<n>a', '(?:a', `${'('.repeat(1001)}a${')'.repeat(1001)}`,
  `(?:${'a'.repeat(3400)}){1000}`, `(${'a'.repeat(3355)}){1000}`, `(?:a{1000}${'a'.repeat(3355)}){1000}`,
];

/** Go's error for `expr`, from a strict evaluation of regex.match. */
function goError(expr: string): string | undefined {
  try {
    execFileSync(GATEKEEPER_OPA, ['eval', '--strict-builtin-errors', '-f', 'json', '--stdin-input', 'regex.match(input, "")'], {
      input: JSON.stringify(expr),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return undefined;
  } catch (e) {
    const out = String((e as { stdout?: unknown }).stdout ?? '');
    const doc = JSON.parse(out) as { errors?: Array<{ message?: string }> };
    const message = doc.errors?.[0]?.message ?? out;
    return message.replace(/^regex\.match: /, '');
  }
}

describe('Go regexps compiled to JavaScript', () => {
  it(`find every match and group as Go does (${MATCHES.length} patterns)`, () => {
    const exprs = MATCHES.flatMap(([p, s]) => [`regex.find_all_string_submatch_n(${lit(p)}, ${lit(s)}, -1)`, `regex.match(${lit(p)}, ${lit(s)})`]);
    const results = opaEvalAll(exprs);
    const mismatches: string[] = [];
    MATCHES.forEach(([p, s], i) => {
      const want = plain(results[2 * i]);
      const wantMatch = plain(results[2 * i + 1]);
      const r = compileGoRegexp(p);
      if ('error' in r) {
        mismatches.push(`${p}: ${r.error}`);
        return;
      }
      const got = r.findAllStringSubmatch(s, -1);
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${p} on ${lit(s)}: got ${JSON.stringify(got)}, go ${JSON.stringify(want)}`);
      if (r.matchString(s) !== wantMatch || r.regexp.test(s) !== wantMatch) mismatches.push(`${p} on ${lit(s)}: match is not ${String(wantMatch)}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('fold case as Go does across the cased repertoire', () => {
    const cased: string[] = [];
    for (let c = 0; c < 0x1f000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) cased.push(ch);
    }
    // Only what Go's Unicode 15.0 tables assign: Node's ICU is newer, which is a known difference.
    const assigned = plain(opaEvalAll([`regex.replace(${lit(cased.join(''))}, "\\\\P{Assigned}", "")`])[0]);
    expect(typeof assigned).toBe('string');
    const subject = String(assigned);
    const patterns = cased.filter((_, i) => i % 7 === 0).map((ch) => `(?i)${ch}`);
    patterns.push('(?i)[a-zA-Z]', '(?i)\\p{Ll}', '(?i)\\P{Lu}', '(?i)\\p{Lt}', '(?i)[^\\p{Ll}]');
    const results = opaEvalAll(patterns.map((p) => `regex.find_all_string_submatch_n(${lit(p)}, ${lit(subject)}, -1)`));
    const mismatches: string[] = [];
    patterns.forEach((p, i) => {
      const got = JSON.stringify(compiled(p).findAllString(subject, -1));
      const want = JSON.stringify((plain(results[i]) as string[][] | undefined)?.map((m) => m[0]));
      if (got !== want) mismatches.push(`${p}: got ${got.slice(0, 200)}, go ${want.slice(0, 200)}`);
    });
    expect(mismatches).toEqual([]);
  });

  it(`reject what Go rejects, in Go's words (${INVALID.length} patterns)`, () => {
    const mismatches: string[] = [];
    for (const p of INVALID) {
      const want = goError(p);
      expect(want, p).toMatch(/^error parsing regexp: /);
      const r = compileGoRegexp(p);
      const got = 'error' in r ? r.error : 'accepted';
      if (got !== want) mismatches.push(`${p}: got ${got}, go ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('spells the common errors as Go does', () => {
    const error = (p: string): string | undefined => {
      const r = compileGoRegexp(p);
      return 'error' in r ? r.error : undefined;
    };
    expect(error('(a')).toBe('error parsing regexp: missing closing ): `(a`');
    expect(error('x**')).toBe('error parsing regexp: invalid nested repetition operator: `**`');
    expect(error('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(error('[[:nope:]]')).toBe('error parsing regexp: invalid character class range: `[:nope:]`');
  });

  it('keep one name per capture group, "" when unnamed', () => {
    expect(compiled('(?P<first>a)(b)(?:c)(?<x>d)((?P<first>e))').names).toEqual(['first', '', 'x', '', 'first']);
    expect(compiled('abc').names).toEqual([]);
  });

  it('replace and split as Go does, templates included', () => {
    const REPLACE: Array<[string, string, string]> = [
      ['abc', '(b)', '$01|$1x|${1}x|$é|$$|$|${|${1|${}'],
      ['abc-def', '(?P<first>[a-z]+)-(?P<second>[a-z]+)', '${second}_$first.$3.$0'],
      ['ab', '(?P<x>a)|(?P<x>b)', '[$x]'],
      ['baaac', 'a*', 'X'],
      ['aaa', 'a*?', '-'],
      ['😀x😀', 'x*', '-'],
      ['a\nb\nc', '(?m)^', '> '],
      ['héllo wörld', '\\s', '_'],
      ['Hello', '(?i)h(?P<rest>.*)', '${rest}9'],
    ];
    const SPLIT: Array<[string, string]> = [
      ['a*', 'baaac'], [',', 'a,b,,c,'], ['', 'abc'], ['x', ''], ['', ''], ['b*', 'abbbc'], ['\\s+', '  a  b '], ['😀', 'a😀b'], ['$', 'ab'],
    ];
    const exprs = [
      ...REPLACE.map(([s, p, t]) => `regex.replace(${lit(s)}, ${lit(p)}, ${lit(t)})`),
      ...SPLIT.map(([p, s]) => `regex.split(${lit(p)}, ${lit(s)})`),
    ];
    const results = opaEvalAll(exprs).map(plain);
    const mine = [
      ...REPLACE.map(([s, p, t]) => compiled(p).replaceAllString(s, t)),
      ...SPLIT.map(([p, s]) => compiled(p).split(s, -1)),
    ];
    expect(mine).toEqual(results);
  });

  it('find at most n matches, and split into at most n pieces', () => {
    const exprs = [`regex.find_n("[0-9]+", "a1b22c333", 2)`, `regex.find_n("[0-9]+", "a1b22c333", 0)`];
    const results = opaEvalAll(exprs).map(plain);
    const re = compiled('[0-9]+');
    expect([re.findAllString('a1b22c333', 2), re.findAllString('a1b22c333', 0)]).toEqual(results);
    // Split's n is not reachable through Rego; Go's documentation gives these.
    expect(compiled('a').split('banana', 2)).toEqual(['b', 'nana']);
    expect(compiled('a').split('banana', 0)).toEqual([]);
  });

  it('caches compiled expressions, and the shared RegExp keeps no state between uses', () => {
    const a = compiled('b+');
    expect(compileGoRegexp('b+')).toBe(a);
    expect(a.regexp.test('abbc')).toBe(true);
    expect(a.regexp.test('abbc')).toBe(true);
    expect(a.matchString('abbc')).toBe(true);
    expect(a.findAllString('abbcb', -1)).toEqual(['bb', 'b']);
    expect(a.findAllString('abbcb', -1)).toEqual(['bb', 'b']);
  });

  it('never throws on hostile expressions', () => {
    const hostile = ['(?:'.repeat(5000), ')'.repeat(5000), `${'('.repeat(999)}a${')'.repeat(999)}`, '\\p{'.repeat(100), '[' + 'a-'.repeat(10000), '\ud800', 'a\udfff+', '(?i)[\\x{0}-\\x{10FFFF}]', 'a|'.repeat(200000), '(?:a|b)'.repeat(50000)];
    for (const p of hostile) expect(() => compileGoRegexp(p)).not.toThrow();
  });
});
