// Rego values as the wasm module's `opa_value_dump` writes them and `opa_value_parse` reads them,
// plus OPA's own text form of terms (what topdown's sprintf prints for composite values).
import type { JsonValue } from '../gatekeeper/types.ts';
import { numberCompare } from '../go/number-compare.ts';
import { quoteWith } from '../go/strconv.ts';
import { goCompare } from '../go/strings.ts';

export type RegoValue =
  | { t: 'null' }
  | { t: 'boolean'; v: boolean }
  | { t: 'number'; v: string } // the exact number text, arbitrary precision kept
  | { t: 'string'; v: string }
  | { t: 'array'; v: RegoValue[] }
  | { t: 'set'; v: RegoValue[] }
  | { t: 'object'; v: Array<[RegoValue, RegoValue]> };

const regoNull: RegoValue = { t: 'null' };
const regoTrue: RegoValue = { t: 'boolean', v: true };
const regoFalse: RegoValue = { t: 'boolean', v: false };
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
      return numberCompare(a.v, (b as { v: string }).v);
    case 'string':
      return goCompare(a.v, (b as { v: string }).v);
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
