// Unit tests of the pure pieces of `preadmit verify`: RE2 translation, assertions, filters, printers, JSON.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runVerify } from '../../src/cli/commands/verify.ts';
import { newFilter, runAssertion, type SuiteResult, type Test } from '../../src/engine/verify.ts';
import { compileGoRegexp } from '../../src/go/regexp.ts';
import { printGoTest, toVerifyJson, type VerifyJson } from '../../src/gator/verify.ts';

function re(expr: string): RegExp {
  const r = compileGoRegexp(expr);
  if ('error' in r) throw new Error(r.error);
  return r.regexp;
}

describe('Go RE2 in JavaScript', () => {
  it.each([
    ['(?i)abc', 'xABCx', true],
    ['(?i:a)b', 'AB', false],
    ['(?i:a)b', 'Ab', true],
    ['a.c', 'a\nc', false],
    ['(?s)a.c', 'a\nc', true],
    ['^b', 'a\nb', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['a$', 'a\n', false],
    ['a\\z', 'a', true],
    ['\\Aa', 'ba', false],
    ['\\Q.*\\E', 'a.*b', true],
    ['\\Q.*\\E', 'ab', false],
    ['[[:upper:]]{2}', 'aBCd', true],
    ['[[:^alpha:]]', 'abc', false],
    ['\\s', '\u00a0', false],
    ['\\S', '\u00a0', true],
    ['a{,2}', 'a{,2}', true],
    ['\\x{1F600}', '\u{1F600}', true],
    ['\\101', 'A', true],
    ['(?P<x>a)(?P<x>b)', 'ab', true],
    ['^*a', 'a', true],
    ['\\p{Greek}', 'λ', true],
    ['[\\p{Lu}\\d]', 'a1', true],
    ['(?i)k', '\u212a', true],
  ])('%s on %j → %s', (expr, input, want) => {
    expect(re(expr).test(input)).toBe(want);
  });

  it.each([
    ['a(b', 'missing closing ): `a(b`'],
    ['a)b', 'unexpected ): `a)b`'],
    ['[a', 'missing closing ]: `[a`'],
    ['x**', 'invalid nested repetition operator: `**`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['+a', 'missing argument to repetition operator: `+`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
    ['a{2000}', 'invalid repeat count: `{2000}`'],
    ['[[:nope:]]', 'invalid character class range: `[:nope:]`'],
  ])('%s is rejected as Go rejects it', (expr, text) => {
    expect(compileGoRegexp(expr)).toEqual({ error: `error parsing regexp: ${text}` });
  });
});

describe('assertions', () => {
  const msgs = ['you must provide labels: {"owner"}', 'other'];
  it('counts all results without a message', () => {
    expect(runAssertion({ violations: 2 }, msgs)).toBeUndefined();
    expect(runAssertion({ violations: 1 }, msgs)).toBe(
      'unexpected number of violations: got 2 violations but want exactly 1: got messages [you must provide labels: {"owner"} other]',
    );
  });
  it('counts matching results with a message', () => {
    expect(runAssertion({ violations: 'no', message: 'labels' }, msgs)).toBe(
      'unexpected number of violations: got 1 violations containing "labels" but want none: got messages [you must provide labels: {"owner"} other]',
    );
  });
  it('defaults to yes and reports an empty list as []', () => {
    expect(runAssertion({}, [])).toBe('unexpected number of violations: got 0 violations but want at least 1: got messages []');
  });
  it('never compiles the regex when there is nothing to match', () => {
    expect(runAssertion({ violations: 'no', message: '(' }, [])).toBeUndefined();
    expect(runAssertion({ violations: 'no', message: '(' }, ['x'])).toBe(
      'message contains invalid regular expression: error parsing regexp: missing closing ): `(`',
    );
  });
  it('rejects other words and negative numbers', () => {
    expect(runAssertion({ violations: 'maybe' }, [])).toMatch(/^invalid yaml: assertion.violation, if set/);
    expect(runAssertion({ violations: -1 }, [])).toMatch(/^invalid yaml: assertion.violation, if set/);
  });
});

describe('hostile assertion regexes', () => {
  it('stops a catastrophic backtracking pattern instead of hanging, and says so', () => {
    const error = runAssertion({ violations: 1, message: '^(a+)+$' }, ['a'.repeat(40) + 'b']);
    expect(error).toMatch(/^assertion message regex "\^\(a\+\)\+\$" took longer than 1000 ms on a message and was stopped/);
  });
});

describe('--run filters', () => {
  const t: Test = { name: 'alpha', template: '', constraint: '', expansion: '', invalid: false, skip: false, cases: [{ name: 'one', object: '', inventory: [], assertions: [], skip: false }] };
  it('a single regex matches a test or a case name', () => {
    const f = newFilter('one');
    expect(f.matchesTest(t)).toBe(true);
    expect(f.matchesCase('alpha', 'two')).toBe(false);
    expect(newFilter('alp').matchesCase('alpha', 'two')).toBe(true);
  });
  it('test//case needs both', () => {
    const f = newFilter('alpha//^t');
    expect(f.matchesTest(t)).toBe(true);
    expect(f.matchesCase('alpha', 'one')).toBe(false);
    expect(f.matchesCase('alpha', 'two')).toBe(true);
  });
  it('more than one // is an error', () => {
    expect(() => newFilter('a//b//c')).toThrow('invalid test filter: a filter may include at most one "//"');
  });
});

describe('printers', () => {
  const results: SuiteResult[] = [
    {
      path: 's.yaml',
      skipped: false,
      durationMs: 12.3456,
      tests: [
        {
          name: 't',
          skipped: false,
          durationMs: 5,
          cases: [
            { name: 'ok', skipped: false, durationMs: 1, print: '' },
            { name: 'bad', skipped: false, durationMs: 2, print: '', error: 'boom' },
            { name: 'later', skipped: true, durationMs: 0, print: '' },
          ],
        },
        { name: 'skipped', skipped: true, durationMs: 0, cases: [] },
      ],
    },
  ];
  it('prints Go-test text', () => {
    expect(printGoTest(results, false)).toBe('    --- FAIL: bad\t(0.002s)\n        boom\n--- FAIL: t\t(0.005s)\nFAIL\ts.yaml\t0.012s\nFAIL\n\n');
    expect(printGoTest(results, true)).toBe(
      '=== RUN   t\n    === RUN   ok\n    --- PASS: ok\t(0.001s)\n    === RUN   bad\n    --- FAIL: bad\t(0.002s)\n        boom\n    === SKIP  later\n--- FAIL: t\t(0.005s)\n=== SKIP  skipped\nFAIL\ts.yaml\t0.012s\nFAIL\n\n',
    );
  });
  it('gives JSON its documented shape', () => {
    const j = toVerifyJson(results);
    expect(j.pass).toBe(false);
    expect(j.suites[0]!.failed).toBe(true);
    expect(j.suites[0]!.tests[0]!.cases.map((c) => [c.name, c.skipped, c.failed, c.error])).toEqual([
      ['ok', false, false, null],
      ['bad', false, true, 'boom'],
      ['later', true, false, null],
    ]);
    expect(j.suites[0]!.tests[1]).toMatchObject({ name: 'skipped', skipped: true, failed: false, cases: [] });
  });
});

describe('-o json on the corpus', () => {
  it('agrees with the text output', async () => {
    const capture = async (args: string[]): Promise<{ text: string; status: number }> => {
      const chunks: string[] = [];
      const out = new Writable({
        write(c: Buffer | string, _e, done) {
          chunks.push(String(c));
          done();
        },
      });
      const err = new Writable({ write: (_c, _e, done) => done() });
      const status = await runVerify(args, out, err);
      return { text: chunks.join(''), status };
    };
    const path = 'fixtures/conformance/verify/suites/skip/...';
    const text = await capture(['-v', path]);
    const json = await capture(['-o', 'json', path]);
    expect(json.status).toBe(text.status);
    const doc = JSON.parse(json.text) as VerifyJson;
    const cases = doc.suites.flatMap((s) => s.tests.flatMap((t) => t.cases));
    expect(cases.filter((c) => c.failed).length).toBe((text.text.match(/^ {4}--- FAIL: /gm) ?? []).length);
    expect(cases.filter((c) => c.skipped).length).toBe((text.text.match(/^ {4}=== SKIP {2}/gm) ?? []).length);
    expect(doc.suites.map((s) => [s.path, s.skipped])).toEqual([
      ['fixtures/conformance/verify/suites/skip/skipped-suite.yml', true],
      ['fixtures/conformance/verify/suites/skip/suite.yaml', false],
    ]);
    expect(doc.pass).toBe(false);
  });
});
