// Go's encoding/json writer: MarshalIndent (so `-o json` output can be compared byte for byte with gator's: map
// keys in byte order, struct fields in declaration order, HTML characters escaped) and compact Marshal.
import { goCompare } from './strings.ts';
import type { JsonValue } from '../gatekeeper/types.ts';

/** Ordered fields, like a Go struct; plain objects are maps and get their keys sorted. */
export class GoStruct {
  constructor(readonly fields: Array<[string, GoValue | undefined]>) {}
}
/** A number written exactly as given, like Go's json.Number (OPA's numbers reach JSON this way). */
export class GoNumber {
  constructor(readonly text: string) {}
}
export type GoValue = JsonValue | GoStruct | GoNumber | GoValue[] | { [k: string]: GoValue };

export function goMarshalIndent(value: GoValue, indent = '    ', prefix = ''): string {
  return write(value, indent, prefix);
}

function write(value: GoValue, indent: string, prefix: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof GoNumber) return value.text;
  if (value instanceof GoStruct) return writeFields(value.fields, indent, prefix);
  let text: string;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      text = '[]';
    } else {
      const inner = prefix + indent;
      text = '[\n';
      for (let i = 0; i < value.length; i++) text += `${i > 0 ? ',\n' : ''}${inner}${write(value[i]!, indent, inner)}`;
      text += `\n${prefix}]`;
    }
  } else {
    const map = value as Record<string, GoValue>;
    const keys = sortedKeys(map);
    if (keys.length === 0) {
      text = '{}';
    } else {
      const inner = prefix + indent;
      text = '{\n';
      for (let i = 0; i < keys.length; i++) text += `${i > 0 ? ',\n' : ''}${inner}${goString(keys[i]!)}: ${write(map[keys[i]!]!, indent, inner)}`;
      text += `\n${prefix}}`;
    }
  }
  return text;
}

/** A map's keys in Go's order (bytewise over UTF-8): the engine's own sort when no key has a surrogate. */
function sortedKeys(map: object): string[] {
  const keys = Object.keys(map);
  if (keys.length < 2) return keys;
  for (const k of keys) if (SURROGATE.test(k)) return keys.sort(goCompare);
  return keys.sort();
}

const SURROGATE = /[\ud800-\udfff]/;

/** A struct's fields in declaration order; undefined ones are left out (`omitempty`). */
function writeFields(fields: Array<[string, GoValue | undefined]>, indent: string, prefix: string): string {
  const inner = prefix + indent;
  let text = '';
  for (const [k, v] of fields) {
    if (v === undefined) continue;
    text += `${text === '' ? '{\n' : ',\n'}${inner}${goString(k)}: ${write(v, indent, inner)}`;
  }
  return text === '' ? '{}' : `${text}\n${prefix}}`;
}

/** Strings that need no escaping at all: printable ASCII but for `"`, `\\` and the HTML-escaped `<>&`. */
const PLAIN_STRING = /^[\x20-\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;

/** Go's JSON string encoding (with HTML escaping, as json.Marshal does by default). */
export function goString(s: string): string {
  if (PLAIN_STRING.test(s)) return `"${s}"`;
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
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate comes from a JSON escape, which Go decodes to U+FFFD: a valid character, written as is.
      out += '\ufffd';
    }
    else out += ch;
  }
  return `${out}"`;
}

/** Go's json.Valid: exactly one JSON value, with JSON whitespace around it. */
export function goJsonValid(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}

/** Go's json.Marshal of a decoded YAML map (keys sorted, HTML characters escaped). */
export function goJsonCompact(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return goJsonFloatText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJsonCompact).join(',')}]`;
  const keys = Object.keys(value).sort(goCompare);
  return `{${keys.map((k) => `${goString(k)}:${goJsonCompact(value[k]!)}`).join(',')}}`;
}

/** encoding/json's float64 text; JavaScript's shortest form agrees with it, exponents included. */
export function goJsonFloatText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}
