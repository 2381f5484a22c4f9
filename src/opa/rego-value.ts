// Rego values as the wasm module's `opa_value_dump` writes them and `opa_value_parse` reads them,
// plus OPA's own text form of terms (what topdown's sprintf prints for composite values).
import type { JsonValue } from '../gatekeeper/types.ts';

export type RegoValue =
  | { t: 'null' }
  | { t: 'boolean'; v: boolean }
  | { t: 'number'; v: string } // the exact number text, arbitrary precision kept
  | { t: 'string'; v: string }
  | { t: 'array'; v: RegoValue[] }
  | { t: 'set'; v: RegoValue[] }
  | { t: 'object'; v: Array<[RegoValue, RegoValue]> };

export const regoNull: RegoValue = { t: 'null' };
export const regoTrue: RegoValue = { t: 'boolean', v: true };
export const regoFalse: RegoValue = { t: 'boolean', v: false };
export function regoBool(v: boolean): RegoValue {
  return v ? regoTrue : regoFalse;
}
export function regoString(v: string): RegoValue {
  return { t: 'string', v };
}
export function regoNumber(v: number | bigint | string): RegoValue {
  return { t: 'number', v: typeof v === 'string' ? v : v.toString() };
}
export function regoArray(v: RegoValue[]): RegoValue {
  return { t: 'array', v };
}

// ---------------------------------------------------------------------------------------------
// Parsing the dump format: JSON plus set literals (`{1, 2}`, `set()`) and non-string object keys.

const NUMBER_RE = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** True when `text` is a JSON number, the only number syntax a Rego value can carry. */
export function isNumberText(text: string): boolean {
  return NUMBER_RE.test(text);
}

class ValueParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseAll(): RegoValue {
    const value = this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail('unexpected trailing text');
    return value;
  }

  private fail(msg: string): never {
    throw new Error(`rego value: ${msg} at offset ${this.pos}`);
  }

  private ws(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  private value(depth: number): RegoValue {
    if (depth > 10000) this.fail('nesting too deep');
    this.ws();
    const c = this.text[this.pos];
    switch (c) {
      case undefined:
        return this.fail('unexpected end of text');
      case '"':
        return { t: 'string', v: this.string() };
      case '[':
        return this.array(depth);
      case '{':
        return this.objectOrSet(depth);
      case 'n':
        return this.atom('null', regoNull);
      case 't':
        return this.atom('true', regoTrue);
      case 'f':
        return this.atom('false', regoFalse);
      case 's':
        return this.emptySet();
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }

  private atom(word: string, value: RegoValue): RegoValue {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}`);
    this.pos += word.length;
    return value;
  }

  private emptySet(): RegoValue {
    if (!this.text.startsWith('set(', this.pos)) this.fail('expected set()');
    this.pos += 4;
    this.ws();
    if (this.text[this.pos] !== ')') this.fail('expected )');
    this.pos++;
    return { t: 'set', v: [] };
  }

  private number(): RegoValue {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 100000));
    if (!m || m[0] === '' || m[0] === '-') this.fail('bad number');
    this.pos += m[0].length;
    return { t: 'number', v: m[0] };
  }

  private string(): string {
    this.pos++; // opening quote
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += this.text.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('control character in string');
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.text.slice(start, this.pos);
      const e = this.text[this.pos + 1];
      this.pos += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail('bad escape');
      }
      start = this.pos;
    }
  }

  private array(depth: number): RegoValue {
    this.pos++;
    const items: RegoValue[] = [];
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { t: 'array', v: items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.text[this.pos++];
      if (c === ']') return { t: 'array', v: items };
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  private objectOrSet(depth: number): RegoValue {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { t: 'object', v: [] };
    }
    const first = this.value(depth + 1);
    this.ws();
    if (this.text[this.pos] === ':') {
      this.pos++;
      const pairs: Array<[RegoValue, RegoValue]> = [[first, this.value(depth + 1)]];
      for (;;) {
        this.ws();
        const c = this.text[this.pos++];
        if (c === '}') return { t: 'object', v: pairs };
        if (c !== ',') this.fail('expected , or }');
        const k = this.value(depth + 1);
        this.ws();
        if (this.text[this.pos++] !== ':') this.fail('expected :');
        pairs.push([k, this.value(depth + 1)]);
      }
    }
    const elems: RegoValue[] = [first];
    for (;;) {
      this.ws();
      const c = this.text[this.pos++];
      if (c === '}') return { t: 'set', v: elems };
      if (c !== ',') this.fail('expected , or }');
      elems.push(this.value(depth + 1));
    }
  }
}

/** Parses what `opa_value_dump` produces. Throws an Error on bad text. */
export function parseRegoValue(text: string): RegoValue {
  return new ValueParser(text).parseAll();
}

// ---------------------------------------------------------------------------------------------
// Ordering, as OPA's ast.Compare: null < boolean < number < string < array < object < set.

const TYPE_ORDER: Record<RegoValue['t'], number> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 7,
  object: 8,
  set: 9,
};

interface Decimal {
  neg: boolean;
  /** absolute value = mant * 10^exp */
  mant: bigint;
  exp: number;
}

/** Exact value of a JSON number text, or undefined when the text is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  const expPart = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isFinite(expPart) || Math.abs(expPart) > 1e9) return undefined;
  const digits = (int + frac).replace(/^0+/, '');
  const mant = digits === '' ? 0n : BigInt(digits);
  return { neg: m[1] === '-' && mant !== 0n, mant, exp: expPart - frac.length };
}

function decimalMagnitude(d: Decimal): number {
  // position of the most significant digit: value in [10^(mag-1), 10^mag)
  return d.mant.toString().length + d.exp;
}

/** Compares two number texts by exact value, as OPA's NumberCompare. */
export function compareNumberText(a: string, b: string): number {
  if (a === b) return 0;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  const sx = x.mant === 0n ? 0 : x.neg ? -1 : 1;
  const sy = y.mant === 0n ? 0 : y.neg ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  const mx = decimalMagnitude(x);
  const my = decimalMagnitude(y);
  let abs: number;
  if (mx !== my) {
    abs = mx < my ? -1 : 1;
  } else {
    const e = Math.min(x.exp, y.exp);
    const ax = x.mant * 10n ** BigInt(x.exp - e);
    const ay = y.mant * 10n ** BigInt(y.exp - e);
    abs = ax === ay ? 0 : ax < ay ? -1 : 1;
  }
  return sx * abs;
}

function compareStrings(a: string, b: string): number {
  // Go compares strings bytewise (UTF-8); UTF-16 code unit order differs only around surrogates.
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function sortedSet(elems: RegoValue[]): RegoValue[] {
  const sorted = [...elems].sort(compareRegoValues);
  return sorted.filter((v, i) => i === 0 || compareRegoValues(sorted[i - 1] as RegoValue, v) !== 0);
}

function sortedObject(pairs: Array<[RegoValue, RegoValue]>): Array<[RegoValue, RegoValue]> {
  return [...pairs].sort((p, q) => compareRegoValues(p[0], q[0]));
}

/** Total order of Rego values, as OPA's ast.Compare. */
export function compareRegoValues(a: RegoValue, b: RegoValue): number {
  if (a.t !== b.t) return TYPE_ORDER[a.t] < TYPE_ORDER[b.t] ? -1 : 1;
  switch (a.t) {
    case 'null':
      return 0;
    case 'boolean': {
      const bv = (b as { v: boolean }).v;
      return a.v === bv ? 0 : a.v ? 1 : -1;
    }
    case 'number':
      return compareNumberText(a.v, (b as { v: string }).v);
    case 'string':
      return compareStrings(a.v, (b as { v: string }).v);
    case 'array':
      return compareLists(a.v, (b as { v: RegoValue[] }).v);
    case 'set':
      return compareLists(sortedSet(a.v), sortedSet((b as { v: RegoValue[] }).v));
    case 'object': {
      const ka = sortedObject(a.v);
      const kb = sortedObject((b as { v: Array<[RegoValue, RegoValue]> }).v);
      const n = Math.min(ka.length, kb.length);
      for (let i = 0; i < n; i++) {
        const [k1, v1] = ka[i] as [RegoValue, RegoValue];
        const [k2, v2] = kb[i] as [RegoValue, RegoValue];
        const c = compareRegoValues(k1, k2) || compareRegoValues(v1, v2);
        if (c !== 0) return c;
      }
      return ka.length - kb.length;
    }
  }
}

function compareLists(a: RegoValue[], b: RegoValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareRegoValues(a[i] as RegoValue, b[i] as RegoValue);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function regoValuesEqual(a: RegoValue, b: RegoValue): boolean {
  return compareRegoValues(a, b) === 0;
}

// ---------------------------------------------------------------------------------------------
// Go's strconv.Quote, with Go's (Unicode 15.0) idea of printable characters.

// Code points that Node (newer Unicode) treats as graphic but Go 1.26's Unicode 15.0 tables do
// not: Go escapes them. Generated by comparing strconv.IsPrint with \p{L}\p{M}\p{N}\p{P}\p{S}.
// prettier-ignore
const NEWER_THAN_GO_UNICODE: readonly number[] = [
  0x88f, 0x88f, 0x897, 0x897, 0xc5c, 0xc5c, 0xcdc, 0xcdc, 0x1acf, 0x1add, 0x1ae0, 0x1aeb, 0x1b4e, 0x1b4f,
  0x1b7f, 0x1b7f, 0x1c89, 0x1c8a, 0x20c1, 0x20c1, 0x2427, 0x2429, 0x2b96, 0x2b96, 0x2ffc, 0x2fff,
  0x31e4, 0x31e5, 0x31ef, 0x31ef, 0xa7cb, 0xa7cf, 0xa7d2, 0xa7d2, 0xa7d4, 0xa7d4, 0xa7da, 0xa7dc,
  0xa7f1, 0xa7f1, 0xfbc3, 0xfbd2, 0xfd90, 0xfd91, 0xfdc8, 0xfdce, 0x105c0, 0x105f3, 0x10940, 0x10959,
  0x10d40, 0x10d65, 0x10d69, 0x10d85, 0x10d8e, 0x10d8f, 0x10ec2, 0x10ec7, 0x10ed0, 0x10ed8,
  0x10efa, 0x10efc, 0x11380, 0x11389, 0x1138b, 0x1138b, 0x1138e, 0x1138e, 0x11390, 0x113b5,
  0x113b7, 0x113c0, 0x113c2, 0x113c2, 0x113c5, 0x113c5, 0x113c7, 0x113ca, 0x113cc, 0x113d5,
  0x113d7, 0x113d8, 0x113e1, 0x113e2, 0x116d0, 0x116e3, 0x11b60, 0x11b67, 0x11bc0, 0x11be1,
  0x11bf0, 0x11bf9, 0x11db0, 0x11ddb, 0x11de0, 0x11de9, 0x11f5a, 0x11f5a, 0x13460, 0x143fa,
  0x16100, 0x16139, 0x16d40, 0x16d79, 0x16ea0, 0x16eb8, 0x16ebb, 0x16ed3, 0x16ff2, 0x16ff6,
  0x187f8, 0x187ff, 0x18cff, 0x18cff, 0x18d09, 0x18d1e, 0x18d80, 0x18df2, 0x1cc00, 0x1ccfc,
  0x1cd00, 0x1ceb3, 0x1ceba, 0x1ced0, 0x1cee0, 0x1cef0, 0x1e5d0, 0x1e5fa, 0x1e5ff, 0x1e5ff,
  0x1e6c0, 0x1e6de, 0x1e6e0, 0x1e6f5, 0x1e6fe, 0x1e6ff, 0x1f6d8, 0x1f6d8, 0x1f777, 0x1f77a,
  0x1f8b2, 0x1f8bb, 0x1f8c0, 0x1f8c1, 0x1f8d0, 0x1f8d8, 0x1fa54, 0x1fa57, 0x1fa89, 0x1fa8a,
  0x1fa8e, 0x1fa8f, 0x1fabe, 0x1fabe, 0x1fac6, 0x1fac6, 0x1fac8, 0x1fac8, 0x1facd, 0x1facd,
  0x1fadc, 0x1fadc, 0x1fadf, 0x1fadf, 0x1fae9, 0x1faea, 0x1faef, 0x1faef, 0x1fbcb, 0x1fbef,
  0x1fbfa, 0x1fbfa, 0x2b73a, 0x2b73f, 0x2cea2, 0x2cead, 0x2ebf0, 0x2ee5d, 0x323b0, 0x33479,
];

const GRAPHIC_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's strconv.IsPrint. */
export function isGoPrintable(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp > 0x10ffff) return false;
  if (!GRAPHIC_RE.test(String.fromCodePoint(cp))) return false;
  for (let i = 0; i < NEWER_THAN_GO_UNICODE.length; i += 2) {
    const lo = NEWER_THAN_GO_UNICODE[i] as number;
    if (cp < lo) break;
    if (cp <= (NEWER_THAN_GO_UNICODE[i + 1] as number)) return false;
  }
  return true;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * How a quoted character is escaped. `go` is strconv.Quote; `ascii` is strconv.QuoteToASCII;
 * `json` is like `go` but only uses escapes that JSON (and so `opa_value_parse`) understands.
 */
type QuoteMode = 'go' | 'ascii' | 'json';

function escapeRune(cp: number, quote: number, mode: QuoteMode): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (mode === 'ascii' ? cp < 0x80 && isGoPrintable(cp) : isGoPrintable(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07: return mode === 'json' ? '\\u0007' : '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return mode === 'json' ? '\\u000b' : '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return mode === 'json' ? '\\u00' + hex(cp, 2) : '\\x' + hex(cp, 2);
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) cp = 0xfffd;
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  if (mode === 'json') {
    const s = String.fromCodePoint(cp);
    return '\\u' + hex(s.charCodeAt(0), 4) + '\\u' + hex(s.charCodeAt(1), 4);
  }
  return '\\U' + hex(cp, 8);
}

function quoteWith(s: string, quote: number, mode: QuoteMode): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    // Lone surrogates cannot be UTF-8 encoded; Go would see U+FFFD after the host's encoding.
    out += escapeRune(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, quote, mode);
  }
  return out + String.fromCharCode(quote);
}

/** strconv.Quote (or strconv.QuoteToASCII when `asciiOnly`). */
export function goQuote(s: string, asciiOnly = false): string {
  return quoteWith(s, 0x22, asciiOnly ? 'ascii' : 'go');
}

/** strconv.QuoteRune (or QuoteRuneToASCII when `asciiOnly`). */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  if (cp > 0x10ffff || cp < 0 || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, asciiOnly ? 'ascii' : 'go') + "'";
}

// ---------------------------------------------------------------------------------------------
// Text forms.

function appendText(value: RegoValue, quote: (s: string) => string): string {
  switch (value.t) {
    case 'null':
      return 'null';
    case 'boolean':
      return value.v ? 'true' : 'false';
    case 'number':
      return value.v;
    case 'string':
      return quote(value.v);
    case 'array':
      return '[' + value.v.map((x) => appendText(x, quote)).join(', ') + ']';
    case 'set':
      if (value.v.length === 0) return 'set()';
      return '{' + sortedSet(value.v).map((x) => appendText(x, quote)).join(', ') + '}';
    case 'object':
      return (
        '{' +
        sortedObject(value.v)
          .map(([k, v]) => appendText(k, quote) + ': ' + appendText(v, quote))
          .join(', ') +
        '}'
      );
  }
}

/** Exactly OPA's `Value.String()`: strings quoted with strconv.Quote, sets and objects sorted. */
export function regoTermString(value: RegoValue): string {
  return appendText(value, (s) => quoteWith(s, 0x22, 'go'));
}

/**
 * OPA's term String() form, readable by `opa_value_parse`. It equals `regoTermString` except for
 * strings holding control or unassigned characters, whose Go escapes (`\x01`, `\a`, `\v`,
 * `\U0001xxxx`) JSON lacks: those are written as `\u` escapes of the same characters.
 */
export function formatRegoValue(value: RegoValue): string {
  return appendText(value, (s) => quoteWith(s, 0x22, 'json'));
}

// ---------------------------------------------------------------------------------------------
// JSON conversions.

export function jsonToRego(value: JsonValue): RegoValue {
  if (value === null) return regoNull;
  switch (typeof value) {
    case 'boolean':
      return regoBool(value);
    case 'string':
      return { t: 'string', v: value };
    case 'number':
      return { t: 'number', v: jsNumberText(value) };
  }
  if (Array.isArray(value)) return { t: 'array', v: value.map(jsonToRego) };
  return {
    t: 'object',
    v: Object.entries(value).map(([k, v]): [RegoValue, RegoValue] => [{ t: 'string', v: k }, jsonToRego(v)]),
  };
}

function jsNumberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`rego value: ${n} is not a JSON number`);
  if (Object.is(n, -0)) return '0';
  return JSON.stringify(n);
}

/** Sets become arrays (in OPA's order), non-string object keys become their formatted text. */
export function regoToJson(value: RegoValue): JsonValue {
  switch (value.t) {
    case 'null':
      return null;
    case 'boolean':
      return value.v;
    case 'number':
      return Number(value.v);
    case 'string':
      return value.v;
    case 'array':
      return value.v.map(regoToJson);
    case 'set':
      return sortedSet(value.v).map(regoToJson);
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, v] of sortedObject(value.v)) {
        // defineProperty: a key such as "__proto__" must stay a plain key.
        Object.defineProperty(out, k.t === 'string' ? k.v : formatRegoValue(k), {
          value: regoToJson(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/**
 * JSON text as Go's decoder reads it: an escaped surrogate that is not part of a pair (`"\ud800"`) is
 * U+FFFD. The wasm runtime's JSON parser aborts on it instead, so such escapes are replaced first. Escape
 * sequences are consumed left to right, so an escaped backslash followed by `u` is left alone.
 */
export function goJsonSurrogates(json: string): string {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  return json.replace(/\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|(u[dD][89a-fA-F][0-9a-fA-F]{2})|[^])/g, (all, lone) =>
    lone === undefined ? all : '\\ufffd',
  );
}
