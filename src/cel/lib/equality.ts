// CEL equality at runtime (cel-go's heterogeneous equality): numbers compare by value across int, uint and
// double; lists element by element; maps by key set and values; other values only with their own type.
import type { CelValue } from '../values.ts';

export function celEquals(a: CelValue, b: CelValue): boolean {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return compareNumbers(a, b) === 0;
  }
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  const ma = mapEntries(a);
  const mb = mapEntries(b);
  if (ma !== undefined && mb !== undefined) {
    if (ma.length !== mb.length) return false;
    const other = new Map(mb.map(([k, v]) => [mapKey(k), v] as const));
    return ma.every(([k, v]) => other.has(mapKey(k)) && celEquals(v, other.get(mapKey(k))));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}

/**
 * The entries of a CEL map: input maps are Maps; the evaluator builds map literals as plain objects
 * (string keys). Undefined for anything else.
 */
export function mapEntries(v: CelValue): Array<[CelValue, CelValue]> | undefined {
  if (v instanceof Map) return [...v.entries()];
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v);
  return undefined;
}

/** Map keys compare by value across int and string spellings of the evaluator's plain-object maps. */
function mapKey(k: CelValue): string {
  return typeof k === 'bigint' || typeof k === 'number' ? `n:${String(k)}` : typeof k === 'string' && /^-?\d+$/.test(k) ? `n:${k}` : `${typeof k}:${String(k)}`;
}

/** -1, 0, 1 (NaN compares as unordered: 2). */
export function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}
