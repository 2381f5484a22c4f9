// Kubernetes' lists library (isSorted, sum, min, max, indexOf, lastIndexOf), cel-go's lists extension as
// Kubernetes enables it (slice, flatten, distinct, reverse, sort, lists.range) and its sets extension
// (sets.contains, sets.equivalent, sets.intersects), with CEL's runtime equality and ordering.
import type { Environment } from '@marcbachmann/cel-js';
import type { CelValue } from '../values.ts';
import { celEquals, compareNumbers } from './equality.ts';
import { libError } from './errors.ts';
import { chargeCost } from '../budget.ts';
import { SORT_BY_KEYS } from '../comprehensions.ts';

/** CEL ordering of two comparable values of one kind; an error for mixed or unordered kinds. */
function compare(a: CelValue, b: CelValue): number {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return compareNumbers(a, b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw libError('no such overload');
}

function sum(list: CelValue[]): CelValue {
  if (list.length === 0) return 0n;
  let acc = list[0];
  for (const x of list.slice(1)) {
    if (typeof acc === 'bigint' && typeof x === 'bigint') acc = acc + x;
    else if (typeof acc === 'number' && typeof x === 'number') acc = acc + x;
    else throw libError('no such overload');
  }
  return acc;
}

function extreme(list: CelValue[], sign: number, name: string): CelValue {
  if (list.length === 0) throw libError(`${name} called on empty list`);
  let best = list[0];
  for (const x of list.slice(1)) if (compare(x, best) * sign > 0) best = x;
  return best;
}

export function registerLists(env: Environment, rename: (name: string) => string): void {
  env.registerFunction('list.isSorted(): bool', (l: CelValue[]) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
  env.registerFunction('list.sum(): dyn', (l: CelValue[]) => sum(l));
  env.registerFunction('list.min(): dyn', (l: CelValue[]) => extreme(l, -1, 'min'));
  env.registerFunction('list.max(): dyn', (l: CelValue[]) => extreme(l, 1, 'max'));
  // indexOf/lastIndexOf calls are renamed for the strings library's code-point versions: lists answer to both names.
  for (const name of ['indexOf', rename('indexOf')]) env.registerFunction(`list.${name}(dyn): int`, (l: CelValue[], v: CelValue) => BigInt(l.findIndex((x) => celEquals(x, v))));
  for (const name of ['lastIndexOf', rename('lastIndexOf')]) env.registerFunction(`list.${name}(dyn): int`, (l: CelValue[], v: CelValue) => {
    for (let i = l.length - 1; i >= 0; i--) if (celEquals(l[i], v)) return BigInt(i);
    return -1n;
  });

  env.registerFunction('list.slice(int, int): list', (l: CelValue[], start: bigint, end: bigint) => {
    if (start < 0n || end < 0n) throw libError(`cannot slice(${start}, ${end}), negative indexes not supported`);
    if (start > end) throw libError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
    if (end > BigInt(l.length)) throw libError(`cannot slice(${start}, ${end}), list is length ${l.length}`);
    return l.slice(Number(start), Number(end));
  });
  const flatten = (l: CelValue[], depth: bigint): CelValue[] =>
    l.flatMap((x) => (Array.isArray(x) && depth > 0n ? flatten(x, depth - 1n) : [x]));
  env.registerFunction('list.flatten(): list', (l: CelValue[]) => flatten(l, 1n));
  env.registerFunction('list.flatten(int): list', (l: CelValue[], depth: bigint) => {
    if (depth < 0n) throw libError('level must be non-negative');
    return flatten(l, depth);
  });
  env.registerFunction('list.distinct(): list', (l: CelValue[]) => l.filter((x, i) => l.findIndex((y) => celEquals(x, y)) === i));
  env.registerFunction('list.reverse(): list', (l: CelValue[]) => [...l].reverse());
  env.registerFunction('list.sort(): list', (l: CelValue[]) => [...l].sort(compare));
  // first() and last(): optional values, made with the evaluator's own optional.none() (its class is not exported).
  const none = env.evaluate('optional.none()') as { constructor: { of(v: unknown): unknown } };
  env.registerFunction('list.first(): optional<dyn>', (l: CelValue[]) => (l.length === 0 ? none : none.constructor.of(l[0])));
  env.registerFunction('list.last(): optional<dyn>', (l: CelValue[]) => (l.length === 0 ? none : none.constructor.of(l[l.length - 1])));
  env.registerFunction(`${SORT_BY_KEYS}(list, list): list`, (l: CelValue[], keys: CelValue[]) =>
    l.map((x, i) => [x, keys[i]] as const).sort((a, b) => compare(a[1], b[1])).map(([x]) => x),
  );
  class ListsNamespace {}
  env.registerType('ListsNamespace', ListsNamespace);
  env.registerConstant('lists', 'ListsNamespace', new ListsNamespace());
  env.registerFunction('ListsNamespace.range(int): list<int>', (_ns: unknown, n: bigint) => {
    chargeCost(Number(n < 0n ? 0n : n > 10_000_000n ? 10_000_000n : n) >> 2);
    return Array.from({ length: Math.max(0, Number(n)) }, (_, i) => BigInt(i));
  });

  class SetsNamespace {}
  env.registerType('SetsNamespace', SetsNamespace);
  env.registerConstant('sets', 'SetsNamespace', new SetsNamespace());
  const contains = (a: CelValue[], b: CelValue[]): boolean => b.every((y) => a.some((x) => celEquals(x, y)));
  env.registerFunction('SetsNamespace.contains(list, list): bool', (_ns: unknown, a: CelValue[], b: CelValue[]) => contains(a, b));
  env.registerFunction('SetsNamespace.equivalent(list, list): bool', (_ns: unknown, a: CelValue[], b: CelValue[]) => contains(a, b) && contains(b, a));
  env.registerFunction('SetsNamespace.intersects(list, list): bool', (_ns: unknown, a: CelValue[], b: CelValue[]) => b.some((y) => a.some((x) => celEquals(x, y))));
}
