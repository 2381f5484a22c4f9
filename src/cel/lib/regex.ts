// Regular expressions: `matches` (cel-go's standard function, RE2 syntax), and Kubernetes' regex library
// (`find`, `findAll`). Patterns are Go regexps (src/go/regexp.ts) rather than JavaScript's, so that
// `(?i)`, `\z`, `[[:alpha:]]` and the like mean what they mean in the cluster, and a bad pattern fails with
// Go's text. A match that backtracks past the time limit is an evaluation error, not a hung process.
import type { Environment } from '@marcbachmann/cel-js';
import { compileGoRegexp, MATCH_TIME_LIMIT_MS, testWithin, type GoRegexp } from '../../go/regexp.ts';
import { libError } from './errors.ts';
import { chargeCost, deadlinePassed, remainingMs } from '../budget.ts';

/** Standard functions this library replaces (the evaluator's `matches` uses JavaScript regexps). */
export const REGEX_OVERRIDES = ['matches'];

function compile(pattern: string): GoRegexp {
  const r = compileGoRegexp(pattern);
  if ('error' in r) throw libError(r.error);
  return r;
}

function matches(s: string, pattern: string): boolean {
  chargeCost(s.length >> 4);
  // A backtracking match gets at most the time limit, and never more than the evaluation has left.
  const left = remainingMs();
  if (left <= 0) deadlinePassed();
  const limit = Math.min(MATCH_TIME_LIMIT_MS, left);
  const hit = testWithin(compile(pattern).regexp, s, Math.max(1, Math.floor(limit)));
  if (hit === 'timeout') {
    if (limit < MATCH_TIME_LIMIT_MS) deadlinePassed();
    throw libError(`regular expression ${JSON.stringify(pattern)} took too long to match`);
  }
  return hit;
}

function limitOf(n: bigint): number {
  return n < 0n ? -1 : Number(n);
}

export function registerRegex(env: Environment, rename: (name: string) => string): void {
  env.registerFunction(`string.${rename('matches')}(string): bool`, (s: string, p: string) => matches(s, p));
  env.registerFunction(`${rename('matches')}(string, string): bool`, (s: string, p: string) => matches(s, p));
  env.registerFunction('string.find(string): string', (s: string, p: string) => {
    const r = compile(p);
    // Checked first with a time limit: findAll below runs unguarded.
    if (!matches(s, p)) return '';
    return r.findAllString(s, 1)[0] ?? '';
  });
  const findAll = (s: string, p: string, n: bigint): string[] => {
    const r = compile(p);
    if (n === 0n || !matches(s, p)) return [];
    return r.findAllString(s, limitOf(n));
  };
  env.registerFunction('string.findAll(string): list<string>', (s: string, p: string) => findAll(s, p, -1n));
  env.registerFunction('string.findAll(string, int): list<string>', findAll);
}
