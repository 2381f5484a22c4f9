// JSON values as CEL sees them, and CEL values back as text.
//
// Kubernetes hands CEL unstructured objects: integers are int64 (CEL `int`), other numbers float64
// (`double`), objects maps. @marcbachmann/cel-js reads `bigint` as int, `number` as double and `Map` as
// map, so integers become bigints and objects Maps (a Map never exposes JavaScript prototype properties
// such as `constructor` as keys).
import type { JsonValue } from '../gatekeeper/types.ts';

export type CelValue = unknown;

/** How numbers of this value reach CEL: `int` keeps integers as CEL ints; `double` makes every number a double. */
export type NumberMode = 'int' | 'double';

export function toCel(value: JsonValue | undefined, numbers: NumberMode = 'int'): CelValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    return numbers === 'int' && Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toCel(v, numbers));
  const m = new Map<string, CelValue>();
  for (const [k, v] of Object.entries(value)) m.set(k, toCel(v, numbers));
  return m;
}

/** The CEL type name of a runtime value, as cel-go prints it in errors. */
export function celTypeName(v: CelValue): string {
  if (v === null || v === undefined) return 'null_type';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map || Object.getPrototypeOf(v) === Object.prototype) return 'map';
  return 'dyn';
}
