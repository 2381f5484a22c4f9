// cel-go's strings extension as Kubernetes enables it (ext.Strings): what the evaluator lacks (`replace`,
// `charAt`, `reverse`, `format`, `strings.quote`) and what it does differently (`lowerAscii`, `upperAscii`
// and `trim` must leave non-ASCII letters and the BOM alone, as Go does).
import type { Environment } from '@marcbachmann/cel-js';
import { celTypeName, type CelValue } from '../values.ts';
import { libError } from './errors.ts';
import { mapEntries } from './equality.ts';
import { goQuote } from '../../go/strconv.ts';
import { chargeCost } from '../budget.ts';

export const STRINGS_OVERRIDES = ['lowerAscii', 'upperAscii', 'trim', 'substring', 'indexOf', 'lastIndexOf', 'join'];

/** list.join: the joined size is paid for before the string is built. */
function join(list: CelValue[], separator: string): string {
  let size = 0;
  for (const x of list) {
    if (typeof x !== 'string') throw libError('no such overload');
    size += x.length + separator.length;
  }
  chargeCost(size >> 4);
  return (list as string[]).join(separator);
}

function outOfRange(i: bigint): Error {
  return libError(`index out of range: ${i}`);
}

/** cel-go's strings functions count in code points, not UTF-16 units. */
function substring(s: string, start: bigint, end?: bigint): string {
  const runes = [...s];
  const n = BigInt(runes.length);
  if (start < 0n || start > n) throw outOfRange(start);
  if (end === undefined) return runes.slice(Number(start)).join('');
  if (end < 0n || end > n) throw outOfRange(end);
  if (start > end) throw libError(`invalid substring range. start: ${start}, end: ${end}`);
  return runes.slice(Number(start), Number(end)).join('');
}

function indexOf(s: string, sub: string, offset: bigint, last: boolean): bigint {
  const runes = [...s];
  const subRunes = [...sub];
  const n = BigInt(runes.length);
  if (offset < 0n || offset > n) throw outOfRange(offset);
  const at = (i: number): boolean => subRunes.every((r, j) => runes[i + j] === r);
  if (last) {
    for (let i = Math.min(Number(offset), runes.length - subRunes.length); i >= 0; i--) if (at(i)) return BigInt(i);
    return -1n;
  }
  for (let i = Number(offset); i + subRunes.length <= runes.length; i++) if (at(i)) return BigInt(i);
  return -1n;
}

/** Go's unicode.IsSpace. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g;

function replaceN(s: string, from: string, to: string, n: bigint): string {
  if (n === 0n) return s;
  // The result's size is paid for before it is built.
  const occurrences = from === '' ? [...s].length + 1 : s.split(from).length - 1;
  const count = n < 0n ? occurrences : Math.min(occurrences, Number(n));
  chargeCost(Math.max(0, s.length + count * (to.length - from.length)) >> 4);
  if (n < 0n) return from === '' ? goReplaceEmpty(s, to, -1) : s.split(from).join(to);
  if (from === '') return goReplaceEmpty(s, to, Number(n));
  let out = '';
  let rest = s;
  let left = n;
  while (left > 0n) {
    const i = rest.indexOf(from);
    if (i < 0) break;
    out += rest.slice(0, i) + to;
    rest = rest.slice(i + from.length);
    left--;
  }
  return out + rest;
}

/** Go's strings.Replace with an empty `old`: `new` before each rune and at the end. */
function goReplaceEmpty(s: string, to: string, n: number): string {
  const runes = [...s];
  let out = '';
  let done = 0;
  for (let i = 0; i <= runes.length; i++) {
    if (n < 0 || done < n) {
      out += to;
      done++;
    }
    if (i < runes.length) out += runes[i];
  }
  return out;
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else out += ch;
  }
  return `${out}"`;
}

/** `"%s is %d".format([a, b])`: the verbs cel-go's format supports (%s %d %f %e %x %X %o %b %%). */
function celFormat(format: string, args: CelValue[]): string {
  let out = '';
  let argIndex = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    i++;
    if (format[i] === '%') {
      out += '%';
      continue;
    }
    let precision: number | undefined;
    if (format[i] === '.') {
      let digits = '';
      while (/[0-9]/.test(format[i + 1] ?? '')) digits += format[++i];
      i++;
      precision = Number(digits);
    }
    const verb = format[i];
    if (verb === undefined) throw libError('could not parse formatting clause: unexpected end of string');
    if (argIndex >= args.length) throw libError(`index ${argIndex} out of range`);
    const arg = args[argIndex++];
    out += formatArg(verb, arg, precision);
  }
  return out;
}

function formatArg(verb: string, arg: CelValue, precision: number | undefined): string {
  switch (verb) {
    case 's':
      return formatString(arg);
    case 'd':
      if (typeof arg === 'bigint') return arg.toString();
      if (typeof arg === 'number' && Number.isFinite(arg)) throw libError('decimal clause can only be used on integers, was given double');
      throw libError(`decimal clause can only be used on integers, was given ${celTypeName(arg)}`);
    case 'f':
    case 'e': {
      const n = typeof arg === 'bigint' || typeof arg === 'number' ? Number(arg) : typeof arg === 'string' ? Number(arg) : NaN;
      if (typeof arg !== 'bigint' && typeof arg !== 'number' && typeof arg !== 'string') {
        throw libError(`${verb === 'f' ? 'fixed-point' : 'scientific'} clause can only be used on doubles, was given ${celTypeName(arg)}`);
      }
      if (Number.isNaN(n)) return 'NaN';
      if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
      const p = precision ?? 6;
      if (verb === 'f') return fixed(n, p);
      const [m, e] = n.toExponential(p).split('e');
      const exp = Number(e);
      return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    case 'x':
    case 'X': {
      let s: string;
      if (typeof arg === 'bigint') s = (arg < 0n ? '-' : '') + (arg < 0n ? -arg : arg).toString(16);
      else if (typeof arg === 'string') s = Buffer.from(arg, 'utf8').toString('hex');
      else if (arg instanceof Uint8Array) s = Buffer.from(arg).toString('hex');
      else throw libError(`only integers, byte buffers, and strings can be formatted as hex, was given ${celTypeName(arg)}`);
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'o':
      if (typeof arg !== 'bigint') throw libError(`octal clause can only be used on integers, was given ${celTypeName(arg)}`);
      return (arg < 0n ? '-' : '') + (arg < 0n ? -arg : arg).toString(8);
    case 'b':
      if (typeof arg === 'boolean') return arg ? '1' : '0';
      if (typeof arg !== 'bigint') throw libError(`only integers and bools can be formatted as binary, was given ${celTypeName(arg)}`);
      return (arg < 0n ? '-' : '') + (arg < 0n ? -arg : arg).toString(2);
    default:
      throw libError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}


/** Go's %.Nf: JavaScript's toFixed switches to exponents from 1e21 on; Go never does. */
function fixed(v: number, digits: number): string {
  return Math.abs(v) >= 1e21 ? `${BigInt(v)}.${'0'.repeat(digits)}` : v.toFixed(digits);
}

/**
 * %s: how cel-go's format prints a value. Inside lists and maps strings are quoted, doubles fixed-point
 * with six decimals, bytes `b"…"`, and map entries `key:value`, sorted.
 */
function formatString(v: CelValue, nested = false): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return nested ? goQuote(v) : v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return nested ? fixed(v, 6) : String(v);
  }
  if (v instanceof Uint8Array) {
    const text = Buffer.from(v).toString('utf8');
    return nested ? `b${goQuote(text)}` : text;
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatString(x, true)).join(', ')}]`;
  const map = mapEntries(v);
  if (map !== undefined) {
    const entries = map.map(([k, x]) => [formatString(k, true), formatString(x, true)] as const);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `{${entries.map(([k, x]) => `${k}:${x}`).join(', ')}}`;
  }
  if (typeof v === 'object' && v !== null && 'value' in v) return String((v as { value: unknown }).value);
  return String(v);
}

export function registerStrings(env: Environment, rename: (name: string) => string): void {
  env.registerFunction(`string.${rename('lowerAscii')}(): string`, (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  env.registerFunction(`string.${rename('upperAscii')}(): string`, (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase()));
  env.registerFunction(`string.${rename('trim')}(): string`, (s: string) => s.replace(GO_SPACE, ''));
  env.registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => replaceN(s, a, b, -1n));
  env.registerFunction('string.replace(string, string, int): string', (s: string, a: string, b: string, n: bigint) => replaceN(s, a, b, n));
  env.registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
    const runes = [...s];
    if (i < 0n || i > BigInt(runes.length)) throw libError(`index out of range: ${i}`);
    return runes[Number(i)] ?? '';
  });
  env.registerFunction(`list<string>.${rename('join')}(): string`, (l: CelValue[]) => join(l, ''));
  env.registerFunction(`list<string>.${rename('join')}(string): string`, (l: CelValue[], sep: string) => join(l, sep));
  env.registerFunction(`string.${rename('substring')}(int): string`, (s: string, a: bigint) => substring(s, a));
  env.registerFunction(`string.${rename('substring')}(int, int): string`, (s: string, a: bigint, b: bigint) => substring(s, a, b));
  env.registerFunction(`string.${rename('indexOf')}(string): int`, (s: string, sub: string) => indexOf(s, sub, 0n, false));
  env.registerFunction(`string.${rename('indexOf')}(string, int): int`, (s: string, sub: string, o: bigint) => indexOf(s, sub, o, false));
  env.registerFunction(`string.${rename('lastIndexOf')}(string): int`, (s: string, sub: string) => indexOf(s, sub, BigInt([...s].length), true));
  env.registerFunction(`string.${rename('lastIndexOf')}(string, int): int`, (s: string, sub: string, o: bigint) => indexOf(s, sub, o, true));
  env.registerFunction('string.format(list): string', (s: string, args: CelValue[]) => {
    chargeCost((s.length + args.length) >> 2);
    return celFormat(s, args);
  });
  class StringsNamespace {}
  env.registerType('StringsNamespace', StringsNamespace);
  env.registerConstant('strings', 'StringsNamespace', new StringsNamespace());
  env.registerFunction('StringsNamespace.quote(string): string', (_ns: unknown, s: string) => quote(s));
}
