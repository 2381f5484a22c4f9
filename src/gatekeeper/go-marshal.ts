// JSON text exactly as Go's encoding/json.MarshalIndent writes it, so `-o json` output can be compared
// byte for byte with gator's: map keys sorted, struct fields in declaration order, HTML characters escaped.
import type { JsonValue } from './types.ts';

/** Ordered fields, like a Go struct; plain objects are maps and get their keys sorted. */
export class GoStruct {
  constructor(readonly fields: Array<[string, GoValue | undefined]>) {}
}
/** A number written exactly as given, like Go's json.Number (OPA's numbers reach JSON this way). */
export class GoNumber {
  constructor(readonly text: string) {}
}
export type GoValue = JsonValue | GoStruct | GoNumber | GoValue[] | { [k: string]: GoValue };

export function goMarshalIndent(value: GoValue, indent = '    '): string {
  return write(value, indent, '');
}

function write(value: GoValue, indent: string, prefix: string): string {
  if (value instanceof GoNumber) return value.text;
  if (value instanceof GoStruct) {
    const fields = value.fields.filter((f): f is [string, GoValue] => f[1] !== undefined);
    return writeObject(fields, indent, prefix);
  }
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = prefix + indent;
    return `[\n${value.map((v) => inner + write(v, indent, inner)).join(',\n')}\n${prefix}]`;
  }
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return writeObject(keys.map((k) => [k, (value as Record<string, GoValue>)[k]!]), indent, prefix);
}

function writeObject(fields: Array<[string, GoValue]>, indent: string, prefix: string): string {
  if (fields.length === 0) return '{}';
  const inner = prefix + indent;
  return `{\n${fields.map(([k, v]) => `${inner}${goString(k)}: ${write(v, indent, inner)}`).join(',\n')}\n${prefix}}`;
}

/** Go's JSON string encoding (with HTML escaping, as json.Marshal does by default). */
export function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}
