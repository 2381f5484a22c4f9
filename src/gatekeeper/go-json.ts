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
  // Where every number's Go text is JavaScript's own (the usual manifest), the engine's JSON writer gives the same text.
  return plainNumbersOnly(value, 0) ? JSON.stringify(value) : goFloatJsonByHand(value);
}

function goFloatJsonByHand(value: JsonValue): string {
  if (typeof value === 'number') return goFloatText(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goFloatJsonByHand).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) parts.push(`${JSON.stringify(k)}:${goFloatJsonByHand(v)}`);
  return `{${parts.join(',')}}`;
}

/**
 * Whether every number in `value` is written alike by Go's 'g' format and JavaScript (0, or a magnitude in
 * [1e-4, 1e6): see goFloatText). Deeper than any loaded manifest can be, the answer is no (written by hand).
 */
function plainNumbersOnly(value: JsonValue, depth: number): boolean {
  if (typeof value === 'number') {
    const abs = Math.abs(value);
    return (abs >= 1e-4 && abs < 1e6) || (value === 0 && !Object.is(value, -0));
  }
  if (value === null || typeof value !== 'object') return true;
  if (depth > 1000) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!plainNumbersOnly(v, depth + 1)) return false;
    return true;
  }
  for (const k of Object.keys(value)) if (!plainNumbersOnly(value[k]!, depth + 1)) return false;
  return true;
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
