// How numbers look after Gatekeeper's Go JSON round trips.
//
// Gatekeeper hands the review (and, in gator, parameters and inventory) to Rego after decoding JSON into Go
// `interface{}`, where every number is a float64; OPA then keeps the float's shortest 'g' text. So
// `sprintf("%v", [obj])` prints `1e+06` for `replicas: 1000000`. Writing our JSON input with the same number
// text makes the wasm policy see the very same values.
import type { JsonValue } from './types.ts';

/** strconv.FormatFloat(n, 'g', -1, 64). */
export function goFloatText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  // Plain notation: the shortest digits, placed around the decimal point.
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text: string;
  if (exp < 0) text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) text = digits + '0'.repeat(exp + 1 - digits.length);
  else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${text}` : text;
}

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
