// How numbers look after Gatekeeper's Go JSON round trips.
//
// Gatekeeper hands the review (and, in gator, parameters and inventory) to Rego after decoding JSON into Go
// `interface{}`, where every number is a float64; OPA then keeps the float's shortest 'g' text. So
// `sprintf("%v", [obj])` prints `1e+06` for `replicas: 1000000`. Writing our JSON input with the same number
// text makes the wasm policy see the very same values.
import { goFloatText } from '../go/strconv.ts';
import type { JsonValue } from './types.ts';

/** JSON text of `value`, with every number written as Go's float64 text (still valid JSON). */
export function goFloatJson(value: JsonValue): string {
  if (typeof value === 'number') return goFloatText(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goFloatJson).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) parts.push(`${JSON.stringify(k)}:${goFloatJson(v)}`);
  return `{${parts.join(',')}}`;
}

const objectJsonMemo = new WeakMap<object, string>();

/**
 * `goFloatJson` of an object that is not modified afterwards, remembered by identity: the same rendered
 * object is reviewed at base, at head and under base policies.
 */
export function goFloatJsonMemo(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return goFloatJson(value);
  let text = objectJsonMemo.get(value);
  if (text === undefined) {
    text = goFloatJson(value);
    objectJsonMemo.set(value, text);
  }
  return text;
}
