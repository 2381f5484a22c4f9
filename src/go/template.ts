// Go's text/template, as OPA's `strings.render_template` runs it: the template parsed with the default
// delimiters, executed over the variables as encoding/json decodes them with
// UseNumber (objects are map[string]any, arrays []any, numbers json.Number: a *string* kind, so `eq .n 1`
// is an error and `lt` compares number texts as strings). OPA v1.17.1 executes with the default missingkey
// option (a missing key prints `<no value>`) and then replaces every `<no value>` of the output, template text
// included, with `<undefined>` (checked against `opa eval`; done in src/opa/builtins.ts).
//
// Implemented: text, comments, trim markers, pipelines, parenthesised pipelines, fields and chains,
// json.Number's methods (`.n.String`, `.n.Int64`, `.n.Float64`), variables (`:=`, `=`, `$`), literals
// (strings, raw strings, numbers including hexadecimal floats and complex `2i`, chars, booleans, nil),
// `if`/`else if`/`else`, `with`/`else with`/`else`, `range` (arrays, maps in key order, integers; `break`,
// `continue`, `else`), and every builtin function: and, or, not, len, index, slice, print, println,
// printf, html, js, urlquery, call, eq, ne, lt, le, gt, ge; `define`, `template`, `block`. A template
// error (parse or execution) is GoTemplateError, as Go's errors; what this file does not implement
// (printf's %p on a list or map value, printf verbs but %s/%v/%T on a string that is not valid UTF-8, a
// slice past a list's length) throws GoTemplateUnsupported.
import { goFloatText } from './strconv.ts';
import { goCompare, goDecodeUtf8 } from './strings.ts';
import { goSprintf, type GoArg } from '../opa/sprintf.ts';

export class GoTemplateError extends Error {}
class GoTemplateUnsupported extends Error {}

function fail(message: string): never {
  throw new GoTemplateError(`template: ${message}`);
}

function unsupported(what: string): never {
  throw new GoTemplateUnsupported(`strings.render_template: ${what} is not supported by preadmit`);
}

/** A Go value as the template sees it. */
export type TplValue =
  | undefined // an invalid reflect.Value (a missing map key)
  | null // a nil interface{} (JSON null)
  | boolean
  | string
  | { num: string } // json.Number
  | { int: bigint; type?: 'uint8' | 'int64' } // int (constants, len, range indexes); uint8 (a string's byte), int64 (json.Number's Int64)
  | { float: number } // float64 constants
  | { imag: number } // complex128 constants (`2i`: the real part is always 0)
  | TplValue[]
  | Map<string, TplValue>;

// ---------------------------------------------------------------------------------------------
// lexing and parsing

type Node =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipe }
  | { k: 'if' | 'with'; pipe: Pipe; list: Node[]; else?: Node[] }
  | { k: 'range'; pipe: Pipe; list: Node[]; else?: Node[] }
  | { k: 'break' | 'continue' }
  | { k: 'template'; name: string; pipe?: Pipe };

interface Pipe {
  decl: string[];
  assign: boolean; // `=` rather than `:=`
  cmds: Term[][];
}

type Term =
  | { k: 'dot' }
  | { k: 'nil' }
  | { k: 'bool'; v: boolean }
  | { k: 'string'; v: string }
  | { k: 'number'; text: string; value: TplValue }
  | { k: 'field'; names: string[] } // .a.b
  | { k: 'var'; name: string; names: string[] } // $x.a.b
  | { k: 'ident'; name: string }
  | { k: 'chain'; term: Term; names: string[] }; // (pipe).a.b

type Tok =
  | { t: 'space' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'comma' | 'dot' | 'end' }
  | { t: 'field'; v: string }
  | { t: 'var'; v: string }
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: string }
  | { t: 'char'; v: string };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block', 'nil', 'true', 'false']);

/** Splits the template into text and action token lists (trim markers applied, comments dropped). */
function lex(src: string): Array<string | Tok[]> {
  const out: Array<string | Tok[]> = [];
  let pos = 0;
  let trimNext = false;
  while (pos <= src.length) {
    const open = src.indexOf('{{', pos);
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    let i = open + 2;
    const trimLeft = open >= 0 && /^-[ \t\r\n]/.test(src.slice(i, i + 2));
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text !== '') out.push(text);
    if (open < 0) break;
    if (trimLeft) i += 2;
    if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) fail('unclosed comment');
      let j = close + 2;
      trimNext = false;
      if (/^ -}}|^[\t\r\n]-}}/.test(src.slice(j, j + 4))) {
        trimNext = true;
        j += 2;
      }
      if (!src.startsWith('}}', j)) fail('comment ends before closing delimiter');
      pos = j + 2;
      continue;
    }
    const { toks, next, trimRight } = lexAction(src, i);
    out.push(toks);
    trimNext = trimRight;
    pos = next;
  }
  return out;
}

function lexAction(src: string, start: number): { toks: Tok[]; next: number; trimRight: boolean } {
  const toks: Tok[] = [];
  let i = start;
  let depth = 0;
  for (;;) {
    if (i >= src.length) fail('unclosed action');
    if (/^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) {
      if (depth > 0) fail('unclosed left paren');
      return { toks, next: i + 4, trimRight: true };
    }
    if (src.startsWith('}}', i)) {
      if (depth > 0) fail('unclosed left paren');
      return { toks, next: i + 2, trimRight: false };
    }
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      while (i < src.length && /[ \t\r\n]/.test(src[i]!) && !/^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) i++;
      toks.push({ t: 'space' });
      continue;
    }
    if (c === '|') { toks.push({ t: 'pipe' }); i++; continue; }
    if (c === '(') { toks.push({ t: 'lparen' }); depth++; i++; continue; }
    if (c === ')') {
      if (--depth < 0) fail('unexpected right paren');
      toks.push({ t: 'rparen' });
      i++;
      continue;
    }
    if (c === ',') { toks.push({ t: 'comma' }); i++; continue; }
    if (src.startsWith(':=', i)) { toks.push({ t: 'declare' }); i += 2; continue; }
    if (c === '=') { toks.push({ t: 'assign' }); i++; continue; }
    if (c === '"' || c === '`') {
      const m = c === '"' ? /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i)) : /^`[^`]*`/.exec(src.slice(i));
      if (!m) fail('unterminated quoted string');
      toks.push({ t: 'string', v: c === '"' ? unquote(m[0]) : m[0].slice(1, -1) });
      i += m[0].length;
      continue;
    }
    if (c === "'") {
      const m = /^'(?:[^'\\\n]|\\[^\n])*'/u.exec(src.slice(i));
      if (!m) fail('unterminated character constant');
      toks.push({ t: 'char', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '$') {
      const m = /^\$[\p{L}\p{Nd}_]*/u.exec(src.slice(i))!;
      toks.push({ t: 'var', v: m[0] });
      i += m[0].length;
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '')) {
      const m = /^\.[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
      if (m) {
        toks.push({ t: 'field', v: m[0].slice(1) });
        i += m[0].length;
      } else {
        toks.push({ t: 'dot' });
        i++;
      }
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    if (/[0-9+\-.]/.test(c)) {
      const m = /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bBoO][0-9_]+|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(src.slice(i));
      if (!m || m[0] === '' || /^[+-]?$/.test(m[0])) fail(`bad character ${JSON.stringify(c)}`);
      // A number must not run into an alphanumeric character.
      if (/[\p{L}_0-9]/u.test(src[i + m[0].length] ?? '')) fail(`bad number syntax: ${JSON.stringify(src.slice(i, i + m[0].length + 1))}`);
      toks.push({ t: 'number', v: m[0] });
      i += m[0].length;
      continue;
    }
    const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
    if (m) {
      toks.push({ t: 'ident', v: m[0] });
      i += m[0].length;
      badCharacterUnlessTerminated(src, i);
      continue;
    }
    fail(`unexpected ${JSON.stringify(c)} in command`);
  }
}

/**
 * Go's lexer: a variable, field or identifier must be followed by a space, `.`, `,`, `|`, `:`, a paren or
 * the closing delimiter (`{{$x=1}}` and `{{if"a"}}` are errors).
 */
function badCharacterUnlessTerminated(src: string, i: number): void {
  if (i >= src.length || /[ \t\r\n.,|:()]/.test(src[i]!) || src.startsWith('}}', i)) return;
  fail(`bad character ${JSON.stringify(String.fromCodePoint(src.codePointAt(i)!))}`);
}

// Go strings are bytes. One that is not valid UTF-8 (a `\xff` escape, a slice inside a character) is held
// here with each stray byte as a lone surrogate U+DC80–U+DCFF and every valid sequence as its character
// ("canonical"), so that equal Go strings are equal JavaScript strings. The output turns each stray byte
// into U+FFFD, as Go's JSON writes OPA's result.
const STRAY = /[\uDC80-\uDCFF]/u;

/** A Go string's bytes. */
function goBytes(s: string): Buffer {
  if (!STRAY.test(s)) return Buffer.from(s, 'utf8');
  const parts: Buffer[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    parts.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : Buffer.from(ch, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** A string in canonical form (stray bytes next to each other may make a character). */
function canonical(s: string): string {
  return STRAY.test(s) ? goDecodeUtf8(goBytes(s), (b) => String.fromCharCode(0xdc00 + b)) : s;
}

/** strconv.Unquote of a double-quoted Go string literal. */
function unquote(lit: string): string {
  return canonical(unquoteRaw(lit));
}

function unquoteRaw(lit: string): string {
  const body = lit.slice(1, -1);
  return body.replace(/\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3})|([^]))/g, (_, simple, x, u, U, oct, bad) => {
    if (bad !== undefined) fail(`invalid syntax in ${lit}`);
    if (simple !== undefined) {
      if (simple === "'") fail(`invalid syntax in ${lit}`);
      return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' } as Record<string, string>)[simple]!;
    }
    // \x and octal escapes are bytes (a non-ASCII one a stray byte until canonical() joins them).
    const byte = x !== undefined ? parseInt(x, 16) : oct !== undefined ? parseInt(oct, 8) : undefined;
    if (byte !== undefined) {
      if (byte > 0xff) fail(`invalid syntax in ${lit}`);
      return String.fromCharCode(byte > 0x7f ? 0xdc00 + byte : byte);
    }
    const cp = parseInt((u ?? U) as string, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail(`invalid syntax in ${lit}`);
    return String.fromCodePoint(cp);
  });
}

/** A template number literal as text/template's idealConstant makes it (int, or float64). */
function numberConstant(text: string): TplValue {
  if (text.endsWith('i')) {
    // strconv.ParseFloat of what precedes the `i` (when it fails, the whole text is an illegal number).
    const body = text.slice(0, -1);
    if (/^[+-]?0[xX]/.test(body)) {
      if (/[pP]/.test(body) && underscoreOk(body)) {
        const f = hexFloatConstant(body, body.replace(/_/g, ''));
        return { imag: (f as { float: number }).float };
      }
    } else if (underscoreOk(body) && /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/.test(body) && /[0-9]/.test(body)) {
      const f = Number(body.replace(/_/g, ''));
      if (Number.isFinite(f)) return { imag: f };
    }
    fail(`illegal number syntax: ${JSON.stringify(text)}`);
  }
  const s = text.replace(/_/g, '');
  // strconv's base-0 syntax: an underscore only between digits (or after a base prefix).
  const underscoresOk = !text.includes('_') || /^[+-]?(?:0[xXbBoO]_?|0(?=[0-9_]))?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/.test(text);
  if (underscoresOk && /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(s)) {
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '');
    const v = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body.replace(/^0([xXbBoO])/, (_, p: string) => `0${p.toLowerCase()}`));
    const n = neg ? -v : v;
    if (n < -(1n << 63n) || n >= 1n << 63n) fail(`${text} overflows int`);
    return { int: n };
  }
  if (/^[+-]?0[xX]/.test(s)) return hexFloatConstant(text, s);
  // An integer that does not parse (`08`, `1_`) is an error, not a float.
  if (!/[.eE]/.test(text) || /(?:^|[^0-9])_|_(?:$|[^0-9])/.test(text)) fail(`illegal number syntax: ${text}`);
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) fail(`illegal number syntax: ${text}`);
  const f = Number(s);
  if (!Number.isFinite(f)) fail(`${text} overflows float64`);
  // An integral float written without '.', 'e' is an int; one with them stays a float64.
  return { float: f };
}

/** strconv's underscoreOK: an underscore only between digits, or right after a base prefix. */
function underscoreOk(t: string): boolean {
  let i = t[0] === '+' || t[0] === '-' ? 1 : 0;
  let saw = '^';
  let hex = false;
  if (t.length - i >= 2 && t[i] === '0' && /[xXbBoO]/.test(t[i + 1]!)) {
    hex = /[xX]/.test(t[i + 1]!);
    i += 2;
    saw = '0';
  }
  for (; i < t.length; i++) {
    const c = t[i]!;
    if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * A hexadecimal float literal (`0x1.8p3`): strconv.ParseFloat's syntax (a `p` exponent is required), a
 * float64 rounded to nearest even, subnormals included; beyond the float64 range it is an error (Go's
 * ParseFloat range error).
 */
function hexFloatConstant(text: string, s: string): TplValue {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (!m || !underscoreOk(text) || `${m[2]}${m[3] ?? ''}` === '') fail(`illegal number syntax: ${text}`);
  const sign = m[1] === '-' ? -1 : 1;
  const mantissa = BigInt(`0x${m[2]}${m[3] ?? ''}`);
  if (mantissa === 0n) return { float: sign * 0 };
  const exp = Number(m[4]) - 4 * (m[3] ?? '').length;
  const bits = mantissa.toString(2).length;
  const top = exp + bits - 1; // the value is in [2^top, 2^(top+1))
  if (top > 1023) fail(`illegal number syntax: ${text}`);
  // Significant bits a float64 keeps at this magnitude (fewer for subnormals).
  const keep = top < -1022 ? top + 1075 : 53;
  let value: number;
  if (keep < 0) value = 0;
  else if (bits <= keep) value = Number(mantissa) * 2 ** exp;
  else {
    const shift = bits - keep;
    let q = mantissa >> BigInt(shift);
    const rest = mantissa & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
    value = Number(q) * 2 ** (exp + shift);
  }
  if (!Number.isFinite(value)) fail(`illegal number syntax: ${text}`);
  return { float: sign * value };
}

/** A character constant: strconv.UnquoteChar of one character or escape, and nothing after it. */
function charConstant(lit: string): TplValue {
  const body = lit.slice(1, -1);
  if (!body.startsWith('\\')) {
    const cps = [...body];
    if (cps.length !== 1) fail(`malformed character constant: ${lit}`);
    return { int: BigInt(cps[0]!.codePointAt(0)!) };
  }
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39 };
  const m = /^\\(?:([abfnrtv\\'])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))$/.exec(body);
  if (!m) fail(`malformed character constant: ${lit}`);
  if (m[1] !== undefined) return { int: BigInt(simple[m[1]]!) };
  // \x and octal escapes are byte values, as runes.
  if (m[2] !== undefined) return { int: BigInt(parseInt(m[2], 16)) };
  if (m[5] !== undefined) {
    const v = parseInt(m[5], 8);
    if (v > 255) fail(`malformed character constant: ${lit}`);
    return { int: BigInt(v) };
  }
  const cp = parseInt((m[3] ?? m[4])!, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail(`malformed character constant: ${lit}`);
  return { int: BigInt(cp) };
}

class TemplateParser {
  private items: Array<string | Tok[]>;
  private at = 0;
  private depth = 0;
  /** Variables in scope while parsing: a use of any other is a parse error, executed or not (Go's useVar). */
  private vars: string[] = ['$'];
  /** Templates named by `{{define}}` / `{{block}}`. */
  readonly defs = new Map<string, Node[]>();
  constructor(src: string) {
    this.items = lex(src);
  }

  parse(): Node[] {
    const { list, end } = this.list();
    if (end !== undefined) fail(`unexpected {{${end}}}`);
    return list;
  }

  /** Nodes up to an `{{end}}` / `{{else ...}}` (returned as `end` with the rest of its tokens) or the end. */
  private list(): { list: Node[]; end?: string; rest?: Tok[] } {
    const list: Node[] = [];
    while (this.at < this.items.length) {
      const item = this.items[this.at++]!;
      if (typeof item === 'string') {
        list.push({ k: 'text', text: item });
        continue;
      }
      const toks = item.filter((t, i) => !(t.t === 'space' && (i === 0 || i === item.length - 1)));
      const first = toks[0];
      if (first?.t === 'ident' && KEYWORDS.has(first.v) && first.v !== 'nil' && first.v !== 'true' && first.v !== 'false') {
        const rest = toks.slice(1);
        if (rest[0]?.t === 'space') rest.shift();
        switch (first.v) {
          case 'end':
            if (rest.length) fail('unexpected tokens after end');
            return { list, end: 'end' };
          case 'else':
            return { list, end: 'else', rest };
          case 'if':
          case 'with':
          case 'range':
            list.push(this.control(first.v, rest));
            continue;
          case 'break':
          case 'continue':
            if (rest.length) fail(`unexpected tokens after ${first.v}`);
            list.push({ k: first.v });
            continue;
          case 'define': {
            if (this.depth > 0) fail('unexpected <define> in command');
            const name = this.templateName(rest);
            if (rest.some((t) => t.t !== 'space')) fail('unexpected tokens in define clause');
            this.define(name, this.body('define'));
            continue;
          }
          case 'template':
          case 'block': {
            const name = this.templateName(rest);
            const pipe = rest.some((t) => t.t !== 'space') ? this.pipe(rest, false) : undefined;
            if (first.v === 'block') this.define(name, this.body('block'));
            list.push(pipe ? { k: 'template', name, pipe } : { k: 'template', name });
            continue;
          }
          default:
            unsupported(`{{${first.v}}}`);
        }
      }
      if (toks.length === 0) fail('missing value for command');
      list.push({ k: 'action', pipe: this.pipe(toks, false) });
    }
    return { list };
  }

  /** The quoted name after `define`/`template`/`block`, taken off `rest`. */
  private templateName(rest: Tok[]): string {
    while (rest[0]?.t === 'space') rest.shift();
    const t = rest.shift();
    if (t?.t !== 'string') fail('expected a quoted template name');
    return t.v;
  }

  /** A define or block body, up to its {{end}}. */
  private body(what: string): Node[] {
    // A definition is a template of its own: only `$` is in scope.
    const outer = this.vars;
    this.vars = ['$'];
    this.depth++;
    const b = this.list();
    this.depth--;
    this.vars = outer;
    if (b.end !== 'end') fail(`unexpected ${b.end === 'else' ? '{{else}}' : 'EOF'} in ${what}`);
    return b.list;
  }

  /** text/parse's add: an empty definition never replaces, a second non-empty one is an error. */
  private define(name: string, nodes: Node[]): void {
    const known = this.defs.get(name);
    const empty = (l: Node[]): boolean => l.every((n) => n.k === 'text' && n.text.trim() === '');
    if (known !== undefined && !empty(known) && !empty(nodes)) fail(`template: multiple definition of template "${name}"`);
    if (known === undefined || empty(known)) this.defs.set(name, nodes);
  }

  private control(kind: 'if' | 'with' | 'range', toks: Tok[]): Node {
    // Variables declared in the control's pipeline and body go out of scope at its {{end}}.
    const scopeMark = this.vars.length;
    const node = this.controlBody(kind, toks);
    this.vars.length = scopeMark;
    return node;
  }

  private controlBody(kind: 'if' | 'with' | 'range', toks: Tok[]): Node {
    const pipe = this.pipe(toks, kind === 'range');
    this.depth++;
    const body = this.list();
    this.depth--;
    const node = { k: kind, pipe, list: body.list } as Node & { else?: Node[] };
    if (body.end === undefined) fail(`unexpected EOF`);
    if (body.end === 'else') {
      const rest = body.rest ?? [];
      if (rest.length > 0) {
        // `{{else if ...}}` / `{{else with ...}}`: a nested control that shares our {{end}}.
        const kw = rest[0];
        if (kind === 'range' || kw?.t !== 'ident' || kw.v !== kind) fail('unexpected tokens after else');
        const inner = rest.slice(1);
        if (inner[0]?.t === 'space') inner.shift();
        node.else = [this.control(kind, inner)];
      } else {
        const tail = this.list();
        if (tail.end !== 'end') fail(tail.end === 'else' ? 'expected end; found {{else}}' : 'unexpected EOF');
        node.else = tail.list;
      }
    }
    return node;
  }

  private pipe(toks: Tok[], isRange: boolean): Pipe {
    let decl: string[] = [];
    let assign = false;
    // `$x :=`, `$x =`, `$i, $e :=` (range only)
    const noSpace = toks.filter((t) => t.t !== 'space');
    const declAt = noSpace.findIndex((t) => t.t === 'declare' || t.t === 'assign');
    if (declAt > 0 && noSpace.slice(0, declAt).every((t) => t.t === 'var' || t.t === 'comma')) {
      const vars = noSpace.slice(0, declAt).filter((t): t is { t: 'var'; v: string } => t.t === 'var');
      const commas = declAt - vars.length;
      if (vars.length > (isRange ? 2 : 1) || commas !== vars.length - 1) fail('too many declarations');
      decl = vars.map((t) => t.v);
      assign = noSpace[declAt]!.t === 'assign';
      this.vars.push(...decl);
      let seen = 0;
      let cut = 0;
      for (; cut < toks.length; cut++) {
        if (toks[cut]!.t !== 'space' && seen++ === declAt) break;
      }
      toks = toks.slice(cut + 1);
    }
    const cmds: Term[][] = [];
    let cur: Term[] = [];
    let i = 0;
    const operand = (): Term => {
      const t = toks[i++]!;
      let term: Term;
      switch (t.t) {
        case 'dot':
          term = { k: 'dot' };
          break;
        case 'field': {
          const names = [t.v];
          while (toks[i]?.t === 'field') names.push((toks[i++] as { v: string }).v);
          return { k: 'field', names };
        }
        case 'var': {
          if (!this.vars.includes(t.v)) fail(`undefined variable "${t.v}"`);
          const names: string[] = [];
          while (toks[i]?.t === 'field') names.push((toks[i++] as { v: string }).v);
          return { k: 'var', name: t.v, names };
        }
        case 'ident':
          if (t.v === 'nil') term = { k: 'nil' };
          else if (t.v === 'true' || t.v === 'false') term = { k: 'bool', v: t.v === 'true' };
          else if (KEYWORDS.has(t.v)) fail(`unexpected ${t.v} in operand`);
          else term = { k: 'ident', name: t.v };
          break;
        case 'string':
          term = { k: 'string', v: t.v };
          break;
        case 'number':
          term = { k: 'number', text: t.v, value: numberConstant(t.v) };
          break;
        case 'char':
          term = { k: 'number', text: t.v, value: charConstant(t.v) };
          break;
        case 'lparen': {
          let depth = 1;
          const start = i;
          while (i < toks.length && depth > 0) {
            if (toks[i]!.t === 'lparen') depth++;
            else if (toks[i]!.t === 'rparen') depth--;
            i++;
          }
          if (depth > 0) fail('unclosed left paren');
          const inner = toks.slice(start, i - 1).filter((x, j, a) => !(x.t === 'space' && (j === 0 || j === a.length - 1)));
          if (inner.length === 0) fail('missing value for parenthesized pipeline');
          const sub = this.pipe(inner, false);
          if (sub.decl.length) unsupported('a declaration inside parentheses');
          term = { k: 'chain', term: { k: 'pipe', pipe: sub } as unknown as Term, names: [] };
          break;
        }
        default:
          fail(`unexpected ${t.t} in operand`);
      }
      if (toks[i]?.t === 'field') {
        if (term.k === 'bool' || term.k === 'nil' || term.k === 'number' || term.k === 'string' || term.k === 'dot') fail('unexpected . after term');
        const names: string[] = [];
        while (toks[i]?.t === 'field') names.push((toks[i++] as { v: string }).v);
        return term.k === 'chain' ? { ...term, names } : { k: 'chain', term, names };
      }
      return term;
    };
    while (i < toks.length) {
      const t = toks[i]!;
      if (t.t === 'space') {
        i++;
        continue;
      }
      if (t.t === 'pipe') {
        if (cur.length === 0) fail('missing command');
        cmds.push(cur);
        cur = [];
        i++;
        continue;
      }
      if (t.t === 'rparen' || t.t === 'comma' || t.t === 'declare' || t.t === 'assign' || t.t === 'end') fail(`unexpected ${t.t} in command`);
      if (cur.length > 0 && toks[i - 1]?.t !== 'space') fail('missing space between operands');
      cur.push(operand());
    }
    // A trailing `|` ends the pipeline (Go's parser allows it).
    if (cur.length === 0 && cmds.length === 0) fail('missing command');
    if (cur.length > 0) cmds.push(cur);
    return { decl, assign, cmds };
  }
}

// ---------------------------------------------------------------------------------------------
// execution

class Break {}
class Continue {}

const NO_VALUE = '<no value>';

function isMap(v: TplValue): v is Map<string, TplValue> {
  return v instanceof Map;
}

function kindOf(v: TplValue): 'invalid' | 'bool' | 'string' | 'int' | 'float' | 'complex' | 'slice' | 'map' {
  if (v === undefined || v === null) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string' || 'num' in (v as object)) return 'string';
  if (Array.isArray(v)) return 'slice';
  if (isMap(v)) return 'map';
  if ('imag' in (v as object)) return 'complex';
  return 'int' in (v as object) ? 'int' : 'float';
}

function stringOf(v: TplValue): string {
  return typeof v === 'string' ? v : (v as { num: string }).num;
}

/** text/template's truth. */
function truth(v: TplValue): boolean {
  switch (kindOf(v)) {
    case 'invalid':
      return false;
    case 'bool':
      return v as boolean;
    case 'string':
      return stringOf(v).length > 0;
    case 'int':
      return (v as { int: bigint }).int !== 0n;
    case 'float':
      return (v as { float: number }).float !== 0;
    case 'complex':
      return (v as { imag: number }).imag !== 0;
    case 'slice':
      return (v as TplValue[]).length > 0;
    case 'map':
      return (v as Map<string, TplValue>).size > 0;
  }
}

/** fmt's %v of a value inside a composite (nil is `<nil>`). */
function fmtV(v: TplValue): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>';
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return stringOf(v);
    case 'int':
      return (v as { int: bigint }).int.toString();
    case 'float':
      return goFloatText((v as { float: number }).float);
    case 'complex': {
      // fmt's complex: (real+imag i), the imaginary part always signed.
      const im = goFloatText((v as { imag: number }).imag);
      return `(0${im.startsWith('-') ? '' : '+'}${im}i)`;
    }
    case 'slice':
      return `[${(v as TplValue[]).map(fmtV).join(' ')}]`;
    case 'map': {
      const m = v as Map<string, TplValue>;
      return `map[${[...m.keys()].sort(goCompare).map((k) => `${k}:${fmtV(m.get(k))}`).join(' ')}]`;
    }
  }
}

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: TplValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && kindOf(a) !== 'string' && kindOf(args[i - 1]) !== 'string') out += ' ';
    out += fmtV(a);
  });
  return out;
}

function goArg(v: TplValue): GoArg {
  switch (kindOf(v)) {
    case 'string':
      return typeof v === 'string' ? { k: 'string', v } : { k: 'string', v: stringOf(v), type: 'json.Number' };
    case 'int':
      return { k: 'int64', v: (v as { int: bigint }).int };
    case 'float':
      return { k: 'float64', v: (v as { float: number }).float };
    default:
      return { k: 'string', v: fmtV(v) };
  }
}

function printf(args: TplValue[]): string {
  const [format, ...rest] = args;
  if (typeof format !== 'string') fail('wrong type for value; expected string');
  // A string with stray bytes prints right under %s and %v only (the others quote, escape or hex its bytes).
  if ([format, ...rest].some((a) => kindOf(a) === 'string' && STRAY.test(stringOf(a)))) {
    const verbs = [...format.matchAll(/%[#0+\- ]*(?:\[[0-9]*\])?(?:[0-9]*|\*)(?:\.(?:\[[0-9]*\])?(?:[0-9]*|\*))?(?:\[[0-9]*\])?([^])?/gu)];
    if (verbs.some((m) => !['s', 'v', 'T', '%'].includes(m[1] ?? '') || m[0].includes('#'))) unsupported('printf of a string that is not valid UTF-8 under a verb other than %s, %v or %T');
  }
  if (!rest.some(isTyped)) return goSprintf(format, rest.map(goArg));
  return typedSprintf(format, rest);
}

/** Values fmt prints by their Go type (nil, bool, []interface {}, map[string]interface {}), uint8 and int64. */
function isTyped(v: TplValue): boolean {
  return ['invalid', 'bool', 'complex', 'slice', 'map'].includes(kindOf(v)) || hasIntType(v);
}

/** An int of a named Go type (uint8, int64) rather than int. */
function hasIntType(v: TplValue): boolean {
  return kindOf(v) === 'int' && (v as { type?: string }).type !== undefined;
}

/** One `%...` directive of a format: its flags, width and precision text, and its verb. */
interface Directive {
  flags: string;
  width: string;
  prec: string; // '' or '.digits'
  verb: string;
}

function directiveText(d: Directive, verb = d.verb, prec = d.prec): string {
  return `%${d.flags}${d.width}${prec}${verb}`;
}

/** fmt's padString of `s` under the directive's flags and width (precision does not truncate it). */
function padString(d: Directive, s: string): string {
  return goSprintf(directiveText(d, 's', ''), [{ k: 'string', v: s }]);
}

function goTypeName(v: TplValue): string {
  if (hasIntType(v)) return (v as { type: string }).type;
  switch (kindOf(v)) {
    case 'bool':
      return 'bool';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'complex':
      return 'complex128';
    default:
      return goSprintf('%T', [goArg(v)]);
  }
}

/**
 * goSprintf of one directive over one scalar. A verb that is part of a directive's syntax (`[`, `*`, a flag,
 * a digit, `.`) is a bad verb for every value: it is passed as a placeholder, then named in the output.
 */
function sprintfOne(d: Directive, v: TplValue): string {
  if (!/^[[*#0+\- .0-9]$/.test(d.verb)) return goSprintf(directiveText(d), [goArg(v)]);
  return goSprintf(directiveText(d, '\ue000'), [goArg(v)]).replaceAll('%!\ue000(', `%!${d.verb}(`);
}

/** fmt's printing of one value under a directive; `nested` inside a list or map. */
function printTyped(d: Directive, v: TplValue, nested: boolean): string {
  const k = kindOf(v);
  // A uint8 or int64 prints as an int would, but for its type name.
  if (hasIntType(v) && d.verb === 'T') return goSprintf(directiveText(d, 's'), [{ k: 'string', v: goTypeName(v) }]);
  if (!isTyped(v) || hasIntType(v)) {
    // %T names the type of an argument only: inside a list or map it is a bad verb for a scalar.
    if (nested && d.verb === 'T') return `%!T(${goTypeName(v)}=${goSprintf(directiveText({ ...d, flags: d.flags.replace(/[#+]/g, '') }, 'v'), [goArg(v)])})`;
    // %#v of an unsigned integer (a uint8) is its 0x-prefixed hex (`+` and `#` are plusV and sharpV there).
    if (goTypeName(v) === 'uint8' && d.verb === 'v' && d.flags.includes('#')) return goSprintf(directiveText({ ...d, flags: '#' + d.flags.replace(/[+#]/g, '') }, 'x'), [goArg(v)]);
    const text = sprintfOne(d, v);
    // A uint8 or int64 prints as an int, but for the type a bad verb names.
    const bad = `%!${d.verb}(int=`;
    return hasIntType(v) && text.startsWith(bad) ? `%!${d.verb}(${goTypeName(v)}=${text.slice(bad.length)}` : text;
  }
  // %p of a list or map is its address.
  if (d.verb === 'p' && (k === 'slice' || k === 'map')) unsupported('printf %p on a list or map');
  if (k === 'complex') return printComplex(d, (v as { imag: number }).imag);
  // %#v: Go syntax (lists and maps with their type, elements quoted, a nil element `interface {}(nil)`).
  const sharpV = d.verb === 'v' && d.flags.includes('#');
  // A nil inside a list or map is written as is, unpadded.
  if (k === 'invalid') {
    if (nested) return sharpV ? 'interface {}(nil)' : '<nil>';
    return d.verb === 'T' || d.verb === 'v' ? padString(d, '<nil>') : `%!${d.verb}(<nil>)`;
  }
  if (d.verb === 'T' && !nested) return goSprintf(directiveText(d, 's'), [{ k: 'string', v: goTypeName(v) }]);
  if (k === 'bool') {
    const text = padString(d, v ? 'true' : 'false');
    return d.verb === 't' || d.verb === 'v' ? text : `%!${d.verb}(bool=${text})`;
  }
  if (k === 'slice') {
    const elems = (v as TplValue[]).map((e) => printTyped(d, e, true));
    return sharpV ? `[]interface {}{${elems.join(', ')}}` : `[${elems.join(' ')}]`;
  }
  const m = v as Map<string, TplValue>;
  const pairs = [...m.keys()].sort(goCompare).map((key) => `${printTyped(d, key, true)}:${printTyped(d, m.get(key), true)}`);
  return sharpV ? `map[string]interface {}{${pairs.join(', ')}}` : `map[${pairs.join(' ')}]`;
}

/**
 * fmt's complex128 (the real part is always 0): `(real imag i)`, each part a float under the verb, the
 * imaginary one always signed. %v is %g but for `+` and `#` (%+v does not sign the real part); a verb floats do not
 * take is a bad verb showing the %v text under the same flags.
 */
function printComplex(d: Directive, imag: number): string {
  if (d.verb === 'T') return goSprintf(directiveText(d, 's'), [{ k: 'string', v: 'complex128' }]);
  const floatVerb = 'vbgGxXfFeE'.includes(d.verb);
  const verb = floatVerb && d.verb !== 'v' ? d.verb : 'g';
  // Under %v, `+` and `#` become plusV and sharpV, which a float ignores.
  const flags = d.verb === 'v' ? d.flags.replace(/[+#]/g, '') : d.flags;
  const part = (f: string, x: number): string => goSprintf(`%${f}${d.width}${d.prec}${verb}`, [{ k: 'float64', v: x }]);
  const text = `(${part(flags, 0)}${part(flags + '+', imag)}i)`;
  return floatVerb ? text : `%!${d.verb}(complex128=${text})`;
}

/** fmt's limit on widths, precisions and argument numbers. */
const TOO_LARGE = 1e6;

/** fmt's parsenum: digits of s[start:end]; a number over 1e6 gives up (and ends the format). */
function parseNum(s: string, start: number, end: number): { num: number; isNum: boolean; next: number } {
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > TOO_LARGE) return { num: 0, isNum: false, next: end };
    num = num * 10 + s.charCodeAt(i) - 48;
    isNum = true;
  }
  return { num, isNum, next: i };
}

/**
 * fmt.Sprintf where some argument is nil, a bool, a list, a map, a byte or a complex number: fmt's own
 * directive loop (argument indexes, `*` widths and precisions, BADINDEX/BADWIDTH/BADPREC/MISSING/NOVERB,
 * EXTRA), each directive printed on its own (scalars through goSprintf with the resolved width and
 * precision, the others as fmt walks them).
 */
function typedSprintf(format: string, args: TplValue[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  const end = format.length;
  /** An explicit `[n]` at i: the argument it selects. */
  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { i, found: false };
    reordered = true;
    let ok = false;
    let index = 0;
    let wid = 1;
    if (end - i >= 3) {
      const close = format.indexOf(']', i + 1);
      if (close >= 0) {
        const n = parseNum(format, i + 1, close);
        wid = close - i + 1;
        if (n.isNum && n.next === close) {
          ok = true;
          index = n.num - 1;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i + wid, found: true };
    }
    goodArgNum = false;
    return { i: i + wid, found: ok };
  };
  /** A `*` width or precision: an integer argument (of any integer type) within 1e6. */
  const intFromArg = (): { num: number; isInt: boolean } => {
    if (argNum >= args.length) return { num: 0, isInt: false };
    const a = args[argNum++];
    if (kindOf(a) !== 'int') return { num: 0, isInt: false };
    const n = Number((a as { int: bigint }).int);
    return n > TOO_LARGE || n < -TOO_LARGE ? { num: 0, isInt: false } : { num: n, isInt: true };
  };
  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    let flags = /^[#0+\- ]*/.exec(format.slice(i))![0];
    i += flags.length;
    let r = argNumber(i);
    i = r.i;
    let afterIndex = r.found;
    let width = '';
    if (format[i] === '*') {
      i++;
      const w = intFromArg();
      if (!w.isInt) out += '%!(BADWIDTH)';
      else if (w.num < 0) {
        flags = flags.replace(/0/g, '') + '-';
        width = String(-w.num);
      } else width = String(w.num);
      afterIndex = false;
    } else {
      const n = parseNum(format, i, end);
      if (n.isNum) width = String(n.num);
      i = n.next;
      if (afterIndex && n.isNum) goodArgNum = false;
    }
    let prec = '';
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (format[i] === '*') {
        i++;
        const p = intFromArg();
        if (!p.isInt || p.num < 0) out += '%!(BADPREC)';
        else prec = `.${p.num}`;
        afterIndex = false;
      } else {
        const n = parseNum(format, i, end);
        prec = `.${n.isNum ? n.num : 0}`;
        i = n.next;
      }
    }
    if (!afterIndex) i = argNumber(i).i;
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') out += '%';
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) out += `%!${verb}(MISSING)`;
    else out += printTyped({ flags, width, prec, verb }, args[argNum++], false);
  }
  if (!reordered && argNum < args.length) {
    const plain: Directive = { flags: '', width: '', prec: '', verb: 'v' };
    const extra = args.slice(argNum).map((a) => (kindOf(a) === 'invalid' ? '<nil>' : `${goTypeName(a)}=${printTyped(plain, a, false)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function basic(v: TplValue): 'bool' | 'string' | 'int' | 'float' {
  const k = kindOf(v);
  if (k === 'bool' || k === 'string' || k === 'int' || k === 'float') return k;
  fail('invalid type for comparison');
}

function eq(a: TplValue, rest: TplValue[]): boolean {
  if (rest.length === 0) fail('missing argument for comparison');
  for (const b of rest) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
      if (ka !== 'invalid' && kb !== 'invalid') fail('incompatible types for comparison');
      continue;
    }
    switch (ka) {
      case 'invalid':
        return true;
      case 'bool':
        if (a === b) return true;
        break;
      case 'string':
        if (stringOf(a) === stringOf(b)) return true;
        break;
      case 'int':
        if ((a as { int: bigint }).int === (b as { int: bigint }).int) return true;
        break;
      case 'float':
        if ((a as { float: number }).float === (b as { float: number }).float) return true;
        break;
      case 'complex':
        if ((a as { imag: number }).imag === (b as { imag: number }).imag) return true;
        break;
      default:
        fail('non-comparable types');
    }
  }
  return false;
}

function lessThan(a: TplValue, b: TplValue): boolean {
  const ka = basic(a);
  const kb = basic(b);
  if (ka !== kb) fail('incompatible types for comparison');
  switch (ka) {
    case 'bool':
      fail('invalid type for comparison');
    // falls through (fail never returns)
    case 'string':
      if (STRAY.test(stringOf(a)) || STRAY.test(stringOf(b))) return Buffer.compare(goBytes(stringOf(a)), goBytes(stringOf(b))) < 0;
      return goCompare(stringOf(a), stringOf(b)) < 0;
    case 'int':
      return (a as { int: bigint }).int < (b as { int: bigint }).int;
    case 'float':
      return (a as { float: number }).float < (b as { float: number }).float;
  }
}

function utf8Length(s: string): number {
  return STRAY.test(s) ? goBytes(s).length : Buffer.byteLength(s, 'utf8');
}

function indexOne(item: TplValue, key: TplValue): TplValue {
  const k = kindOf(item);
  if (k === 'slice' || k === 'string') {
    if (kindOf(key) !== 'int') fail('cannot index slice/array with type');
    const i = (key as { int: bigint }).int;
    // A string indexes its UTF-8 bytes (a uint8).
    const arr = k === 'string' ? [...goBytes(stringOf(item))].map((b): TplValue => ({ int: BigInt(b), type: 'uint8' })) : (item as TplValue[]);
    if (i < 0n || i >= BigInt(arr.length)) fail(`error calling index: index out of range: ${i}`);
    return arr[Number(i)];
  }
  if (k === 'map') {
    if (kindOf(key) !== 'string' || typeof key !== 'string') fail('value has type json.Number; should be string');
    // A missing key is the zero value: a nil interface{}.
    const m = item as Map<string, TplValue>;
    return m.has(key) ? m.get(key) : null;
  }
  if (k === 'invalid') fail('index of untyped nil');
  fail("can't index item");
}

interface Scope {
  vars: Array<[string, TplValue]>;
}

/**
 * Nested {{template}} calls: beyond this, an error (as Go's "exceeded maximum template depth", which Go
 * reaches at 100,000). A recursion that ends descends into the data, and no data preadmit loads nests that
 * deep, so only a recursion that never ends gets here.
 */
const MAX_TEMPLATE_DEPTH = 1000;

class Executor {
  out = '';
  private steps = 0;
  private calls = 0;
  constructor(
    private readonly defs: Map<string, Node[]>,
    private readonly maxOutput: number,
  ) {}

  private tick(): void {
    if (++this.steps > 10_000_000) unsupported('a template running over 10 million steps');
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > this.maxOutput) unsupported(`output over ${this.maxOutput} characters`);
  }

  run(list: Node[], dot: TplValue, scope: Scope): void {
    for (const node of list) this.node(node, dot, scope);
  }

  private node(node: Node, dot: TplValue, scope: Scope): void {
    this.tick();
    switch (node.k) {
      case 'text':
        this.write(node.text);
        return;
      case 'action': {
        const v = this.pipe(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) this.write(v === undefined || v === null ? NO_VALUE : fmtV(v));
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'template': {
        const nodes = this.defs.get(node.name);
        if (!nodes) fail(`no such template "${node.name}"`);
        const data = node.pipe ? this.pipe(node.pipe, dot, scope) : undefined;
        if (++this.calls > MAX_TEMPLATE_DEPTH) fail('exceeded maximum template depth');
        try {
          this.run(nodes, data, { vars: [['$', data]] });
        } finally {
          this.calls--;
        }
        return;
      }
      case 'if':
      case 'with': {
        const mark = scope.vars.length;
        const v = this.pipe(node.pipe, dot, scope);
        if (truth(v)) this.run(node.list, node.k === 'with' ? v : dot, scope);
        else if (node.else) this.run(node.else, dot, scope);
        scope.vars.length = mark;
        return;
      }
      case 'range':
        this.range(node, dot, scope);
        return;
    }
  }

  private range(node: Extract<Node, { k: 'range' }>, dot: TplValue, scope: Scope): void {
    const mark = scope.vars.length;
    // The pipeline declares (or assigns) its variables with the whole value, as {{else}} sees them; each
    // iteration then sets them to the index and element.
    const v = this.pipe(node.pipe, dot, scope);
    const inner = scope.vars.length;
    const { decl, assign } = node.pipe;
    const setVar = (name: string, x: TplValue): void => {
      const i = scope.vars.map((e) => e[0]).lastIndexOf(name);
      scope.vars[i]![1] = x;
    };
    const one = (key: TplValue, elem: TplValue): boolean => {
      if (decl.length === 1) {
        if (assign) setVar(decl[0]!, elem);
        else scope.vars[inner - 1]![1] = elem;
      }
      if (decl.length === 2) {
        if (assign) {
          setVar(decl[0]!, key);
          setVar(decl[1]!, elem);
        } else {
          scope.vars[inner - 1]![1] = elem;
          scope.vars[inner - 2]![1] = key;
        }
      }
      try {
        this.run(node.list, elem, scope);
      } catch (e) {
        if (e instanceof Break) return false;
        if (!(e instanceof Continue)) throw e;
      } finally {
        scope.vars.length = inner;
      }
      return true;
    };
    let empty = true;
    switch (kindOf(v)) {
      case 'slice':
        for (let i = 0; i < (v as TplValue[]).length; i++) {
          empty = false;
          if (!one({ int: BigInt(i) }, (v as TplValue[])[i])) break;
        }
        break;
      case 'map': {
        const m = v as Map<string, TplValue>;
        for (const k of [...m.keys()].sort(goCompare)) {
          empty = false;
          if (!one(k, m.get(k))) break;
        }
        break;
      }
      case 'int': {
        if (node.pipe.decl.length > 1) fail("can't use int to iterate over more than one variable");
        const n = (v as { int: bigint }).int;
        for (let i = 0n; i < n; i++) {
          empty = false;
          if (!one({ int: i }, { int: i })) break;
        }
        break;
      }
      case 'invalid':
        break;
      default:
        fail(`range can't iterate over ${fmtV(v)}`);
    }
    if (empty && node.else) this.run(node.else, dot, scope);
    scope.vars.length = mark;
  }

  private variable(name: string, scope: Scope): TplValue {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i]![0] === name) return scope.vars[i]![1];
    fail(`undefined variable: ${name}`);
  }

  private pipe(pipe: Pipe, dot: TplValue, scope: Scope): TplValue {
    let value: TplValue | typeof MISSING = MISSING;
    // After each command, a nil interface{} is dug down to an invalid value (Go's "lovely!" step).
    for (const cmd of pipe.cmds) value = this.command(cmd, dot, scope, value) ?? undefined;
    const v = value as TplValue;
    for (const name of pipe.decl) {
      if (pipe.assign) {
        const i = scope.vars.map((x) => x[0]).lastIndexOf(name);
        if (i < 0) fail(`undefined variable: ${name}`);
        scope.vars[i]![1] = v;
      } else scope.vars.push([name, v]);
    }
    return v;
  }

  private command(cmd: Term[], dot: TplValue, scope: Scope, final: TplValue | typeof MISSING): TplValue {
    const [first, ...args] = cmd as [Term, ...Term[]];
    if (first.k === 'ident') return this.call(first.name, args, dot, scope, final);
    if (args.length > 0 || final !== MISSING) {
      if (first.k === 'field' || first.k === 'chain' || (first.k === 'var' && first.names.length > 0)) fail('is not a method but has arguments');
      fail("can't give argument to non-function");
    }
    if (first.k === 'nil') fail('nil is not a command');
    return this.term(first, dot, scope);
  }

  private term(t: Term, dot: TplValue, scope: Scope): TplValue {
    switch (t.k) {
      case 'dot':
        return dot;
      case 'nil':
        return undefined;
      case 'bool':
        return t.v;
      case 'string':
        return t.v;
      case 'number':
        return t.value;
      case 'field':
        return this.fields(dot, t.names);
      case 'var':
        return this.fields(this.variable(t.name, scope), t.names);
      case 'ident':
        return this.call(t.name, [], dot, scope, MISSING);
      case 'chain': {
        const inner = t.term as unknown as { k: string; pipe?: Pipe };
        const base = inner.k === 'pipe' ? this.pipe(inner.pipe!, dot, scope) : this.term(t.term, dot, scope);
        return this.fields(base, t.names);
      }
    }
  }

  /**
   * Field chain on map[string]any (missingkey=default): a missing key is an invalid value, whose fields are
   * invalid too; a field of a nil interface{} (JSON null) is an error.
   */
  private fields(v: TplValue, names: string[]): TplValue {
    for (const name of names) {
      if (isMap(v)) v = v.get(name);
      else if (v !== null && typeof v === 'object' && 'num' in v && JSON_NUMBER_METHODS.has(name)) v = jsonNumberMethod(v.num, name);
      else if (v === null) fail(`nil pointer evaluating interface {}.${name}`);
      else if (v !== undefined) fail(`can't evaluate field ${name} in type ${kindOf(v)}`);
    }
    return v;
  }

  private call(name: string, argTerms: Term[], dot: TplValue, scope: Scope, final: TplValue | typeof MISSING): TplValue {
    const lazy = argTerms.map((t) => () => this.term(t, dot, scope));
    if (final !== MISSING) lazy.push(() => final as TplValue);
    const args = (): TplValue[] => lazy.map((f) => f());
    const arity = (n: number): void => {
      if (lazy.length !== n) fail(`wrong number of args for ${name}: want ${n} got ${lazy.length}`);
    };
    switch (name) {
      case 'and':
      case 'or': {
        if (lazy.length < 1) fail(`wrong number of args for ${name}: want at least 1 got 0`);
        let v: TplValue;
        for (const f of lazy) {
          v = f();
          if (truth(v) !== (name === 'and')) return v;
        }
        return v;
      }
      case 'not':
        arity(1);
        return !truth(lazy[0]!());
      case 'len': {
        arity(1);
        const v = lazy[0]!();
        switch (kindOf(v)) {
          case 'string':
            return { int: BigInt(utf8Length(stringOf(v))) };
          case 'slice':
            return { int: BigInt((v as TplValue[]).length) };
          case 'map':
            return { int: BigInt((v as Map<string, TplValue>).size) };
          case 'invalid':
            fail('error calling len: len of nil pointer');
          // falls through (fail never returns)
          default:
            fail(`error calling len: len of type ${kindOf(v)}`);
        }
      }
      // falls through (every case above returns)
      case 'index': {
        if (lazy.length < 1) fail('wrong number of args for index: want at least 1 got 0');
        const [item, ...keys] = args();
        // A nil item is an error even with no index to apply.
        if (kindOf(item) === 'invalid') fail('error calling index: index of untyped nil');
        let v = item;
        for (const k of keys) v = indexOne(v, k);
        return v;
      }
      case 'print':
        return canonical(sprint(args()));
      case 'println':
        return canonical(args().map(fmtV).join(' ') + '\n');
      case 'printf':
        if (lazy.length < 1) fail('wrong number of args for printf: want at least 1 got 0');
        return canonical(printf(args()));
      case 'eq': {
        if (lazy.length < 1) fail('wrong number of args for eq: want at least 1 got 0');
        const [a, ...rest] = args();
        return eq(a, rest);
      }
      case 'ne': {
        arity(2);
        const [a, b] = args();
        return !eq(a, [b]);
      }
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        arity(2);
        const [a, b] = args();
        if (name === 'lt') return lessThan(a, b);
        if (name === 'ge') return !lessThan(a, b);
        // le is lt or eq, in that order (lt's errors first: `le true true` is an error); gt is not le.
        const lessOrEqual = lessThan(a, b) || eq(a, [b]);
        return name === 'le' ? lessOrEqual : !lessOrEqual;
      }
      case 'slice':
        if (lazy.length < 1) fail('wrong number of args for slice: want at least 1 got 0');
        return sliceOf(args());
      case 'html':
        return canonical(htmlEscape(evalArgsText(args())));
      case 'js':
        return canonical(jsEscape(evalArgsText(args())));
      case 'urlquery':
        return queryEscape(evalArgsText(args()));
      case 'call': {
        if (lazy.length < 1) fail('wrong number of args for call: want at least 1 got 0');
        // The variables are decoded JSON: nothing in them is a function, so every call is an error.
        const [fn] = args();
        fail(kindOf(fn) === 'invalid' ? 'error calling call: call of nil' : 'error calling call: non-function');
      }
      // falls through (fail never returns)
      default:
        fail(`function "${name}" not defined`);
    }
  }
}

const MISSING = Symbol('missing');

/** json.Number's methods, which a field chain calls: String, Int64 and Float64 (strconv's parsing). */
const JSON_NUMBER_METHODS = new Set(['String', 'Int64', 'Float64']);

function jsonNumberMethod(text: string, name: string): TplValue {
  if (name === 'String') return text;
  if (name === 'Int64') {
    if (!/^[+-]?[0-9]+$/.test(text)) fail(`error calling Int64: strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
    const i = BigInt(text);
    if (i < -(1n << 63n) || i >= 1n << 63n) fail(`error calling Int64: strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`);
    return { int: i, type: 'int64' };
  }
  // A JSON number's text is valid float syntax; only overflow is an error (underflow is 0).
  const f = Number(text);
  if (!Number.isFinite(f)) fail(`error calling Float64: strconv.ParseFloat: parsing ${JSON.stringify(text)}: value out of range`);
  return { float: f };
}

/** Parses and executes `src` over `data` (map[string]any). Throws GoTemplateError or GoTemplateUnsupported. */
export function goRenderTemplate(src: string, data: Map<string, TplValue>, maxOutput = 16 * 1024 * 1024): string {
  const parser = new TemplateParser(src);
  const nodes = parser.parse();
  // OPA names its template "template": `{{template "template"}}` calls the whole template.
  if (!parser.defs.has('template') || nodes.some((n) => n.k !== 'text' || n.text.trim() !== '')) parser.defs.set('template', nodes);
  checkLoopControl(nodes, false);
  for (const d of parser.defs.values()) checkLoopControl(d, false);
  const exec = new Executor(parser.defs, maxOutput);
  exec.run(nodes, data, { vars: [['$', data]] });
  return STRAY.test(exec.out) ? goDecodeUtf8(goBytes(exec.out), () => '\ufffd') : exec.out;
}

/** `{{break}}` and `{{continue}}` outside a range are parse errors. */
function checkLoopControl(nodes: Node[], inRange: boolean): void {
  for (const n of nodes) {
    if ((n.k === 'break' || n.k === 'continue') && !inRange) fail(`{{${n.k}}} outside {{range}}`);
    if (n.k === 'if' || n.k === 'with' || n.k === 'range') {
      checkLoopControl(n.list, inRange || n.k === 'range');
      if (n.else) checkLoopControl(n.else, inRange);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// slice, html, js, urlquery

/** An index argument of slice: an int in [0, cap]. */
function sliceIndex(v: TplValue, cap: number): number {
  const k = kindOf(v);
  if (k === 'invalid') fail('error calling slice: cannot index slice/array with nil');
  if (k !== 'int') fail('error calling slice: cannot index slice/array with type');
  const x = (v as { int: bigint }).int;
  if (x < 0n || x > BigInt(cap)) fail(`error calling slice: index out of range: ${x}`);
  return Number(x);
}

/**
 * text/template's slice: `slice x` is x[:], `slice x i` x[i:], `slice x i j` x[i:j], `slice x i j k` x[i:j:k],
 * over a string's UTF-8 bytes or a list. A list's capacity (how far Go lets an index go past its length)
 * depends on how the JSON decoder grew it: an index past the length is not supported. So is a string cut
 * inside a character (Go's result is not valid UTF-8, which a Rego string cannot hold).
 */
function sliceOf([item, ...indexes]: TplValue[]): TplValue {
  const k = kindOf(item);
  if (k === 'invalid') fail('error calling slice: slice of untyped nil');
  if (indexes.length > 3) fail(`error calling slice: too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Buffer | undefined;
  if (k === 'string') {
    if (indexes.length === 3) fail('error calling slice: cannot 3-index slice a string');
    bytes = goBytes(stringOf(item));
    len = bytes.length;
  } else if (k === 'slice') len = (item as TplValue[]).length;
  else fail(`error calling slice: can't slice item of type ${k}`);
  const cap = bytes ? len : Number.MAX_SAFE_INTEGER;
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = sliceIndex(x, cap);
  });
  if (idx[0]! > idx[1]!) fail(`error calling slice: invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) fail(`error calling slice: invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (idx[1]! > len || (indexes.length === 3 && idx[2]! > len)) unsupported('a slice index past the length of a list');
  if (bytes) {
    // A cut inside a character leaves stray bytes (held canonical, see goBytes).
    const s = goDecodeUtf8(bytes.subarray(idx[0], idx[1]), (b) => String.fromCharCode(0xdc00 + b));
    // A json.Number sliced stays a json.Number.
    return typeof item === 'string' ? s : { num: s };
  }
  return (item as TplValue[]).slice(idx[0], idx[1]);
}

/** evalArgs: one string as is; otherwise fmt.Sprint with a missing or nil value as `<no value>`. */
function evalArgsText(args: TplValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (kindOf(a) === 'invalid' ? NO_VALUE : a)));
}

const HTML_ESCAPES: Record<string, string> = { '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!);
}

const JS_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols, and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (JS_ESCAPES[ch] !== undefined) out += JS_ESCAPES[ch];
    else if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    // A stray byte decodes as U+FFFD, which is printable: Go writes the byte as it is.
    else if (c < 0x80 || GO_PRINTABLE.test(ch) || (c >= 0xdc80 && c <= 0xdcff)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape: letters, digits and `-_.~` kept, space as `+`, every other UTF-8 byte `%XX`. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of goBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
