// Go's text/template, as Argo CD's ApplicationSet controller runs it (`goTemplate: true`): actions with trim markers,
// pipelines, variables, if/else if/else, range (lists, maps in key order, integers, `$i, $v :=`), with, break and
// continue, comments, `missingkey=` options, and the functions Argo CD gives templates (Go's builtins, sprig
// without env/expandenv/getHostByName, plus normalize, slugify, toYaml, fromYaml, fromYamlArray). Values are the
// parameter sets decoded from JSON: numbers are Go float64 (JS number, printed as Go's %v: 1e+06); integers that
// functions and literals make are Go ints (JS bigint). A sprig function preadmit does not evaluate (dates, random,
// crypto, ...) throws GoTemplateUnsupported, so the caller reports "not simulated" with the function's name instead
// of guessing; a template Go would refuse throws GoTemplateError with Go's wording where it matters.
import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { JsonObject, JsonValue } from '../../gatekeeper/types.ts';
import { goJsonCompact } from '../../go/json.ts';
import { goPathClean } from '../../go/path.ts';
import { compileGoRegexp, goQuoteMeta, testWithin, type GoRegexp } from '../../go/regexp.ts';
import { goFloatText, goQuote } from '../../go/strconv.ts';
import { goCompare } from '../../go/strings.ts';
import { looseSemver, parseConstraint } from '../helm/version.ts';

/** A template value: JSON (numbers are float64), Go ints as bigint, `undefined` for Go's invalid value (no value). */
export type GoTplValue = null | boolean | number | bigint | string | GoTplValue[] | { [k: string]: GoTplValue } | undefined;

export class GoTemplateError extends Error {}
/** The template is valid but uses something preadmit does not evaluate (a sprig function of dates, randomness, crypto...). */
export class GoTemplateUnsupported extends Error {}

export interface GoTemplateOptions {
  /** Go's `missingkey=`: default/invalid print `<no value>`, zero likewise for maps of interfaces, error fails. */
  missingKey?: 'default' | 'zero' | 'error';
}

/** `goTemplateOptions` as Argo CD passes them to Template.Option; an option Go does not know is an error. */
export function goTemplateOptions(options: JsonValue[] | undefined): GoTemplateOptions {
  const out: GoTemplateOptions = {};
  for (const o of options ?? []) {
    const m = typeof o === 'string' ? /^missingkey=(default|invalid|zero|error)$/.exec(o) : null;
    if (!m) throw new GoTemplateError(`unrecognized option: ${typeof o === 'string' ? o : JSON.stringify(o)}`);
    out.missingKey = m[1] === 'invalid' ? 'default' : (m[1] as GoTemplateOptions['missingKey']);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Arg =
  | { t: 'dot' }
  | { t: 'field'; chain: string[] }
  | { t: 'var'; name: string; chain: string[] }
  | { t: 'ident'; name: string }
  | { t: 'lit'; value: GoTplValue }
  | { t: 'pipe'; pipe: Pipe; chain: string[] };
interface Cmd {
  args: Arg[];
}
interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
}
type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe; src: string }
  | { t: 'if' | 'with' | 'range'; pipe: Pipe; body: Node[]; other: Node[] | undefined; src: string }
  | { t: 'break' | 'continue' };

const FUNCS_PRINTED_AS_GO = new Set(['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call']);

interface Action {
  /** The action's text between the delimiters, trim markers removed. */
  body: string;
  src: string;
}

/** Splits the template into text and actions, applying trim markers and dropping comments. */
function scan(src: string): (string | Action)[] {
  const out: (string | Action)[] = [];
  let i = 0;
  let text = '';
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      text += src.slice(i);
      break;
    }
    text += src.slice(i, open);
    let j = open + 2;
    if (src[j] === '-' && /[ \t\r\n]/.test(src[j + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 2;
    }
    // Find the closing delimiter outside string literals and comments.
    let k = j;
    let close = -1;
    while (k < src.length) {
      const c = src[k]!;
      if (c === '"' || c === '`' || c === "'") {
        const end = c === '`' ? src.indexOf('`', k + 1) : stringEnd(src, k);
        if (end < 0) throw new GoTemplateError(`unterminated ${c === '`' ? 'raw quoted string' : 'quoted string'}`);
        k = end + 1;
        continue;
      }
      if (src.startsWith('/*', k)) {
        const end = src.indexOf('*/', k + 2);
        if (end < 0) throw new GoTemplateError('unclosed comment');
        k = end + 2;
        continue;
      }
      if (src.startsWith('}}', k)) {
        close = k;
        break;
      }
      k++;
    }
    if (close < 0) throw new GoTemplateError('unclosed action');
    let body = src.slice(j, close);
    let trimRight = false;
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -2);
      trimRight = true;
    }
    if (text !== '') out.push(text);
    text = '';
    const trimmed = body.trim();
    if (!(trimmed.startsWith('/*') && trimmed.endsWith('*/'))) out.push({ body, src: src.slice(open, close + 2) });
    i = close + 2;
    if (trimRight) {
      const m = /^[ \t\r\n]*/.exec(src.slice(i))!;
      i += m[0].length;
    }
  }
  if (text !== '') out.push(text);
  return out;
}

function stringEnd(s: string, start: number): number {
  for (let k = start + 1; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === s[start]) return k;
    else if (s[k] === '\n') return -1;
  }
  return -1;
}

/** `sp`: whitespace precedes the token (a field right after `)` is a field of the parenthesized value). */
type Tok = { k: 'word' | 'field' | 'var' | 'str' | 'num' | 'char' | 'op'; v: string; sp?: boolean };

function lex(body: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let sp = false;
  while (i < body.length) {
    const c = body[i]!;
    if (/\s/.test(c)) {
      i++;
      sp = true;
      continue;
    }
    const before = toks.length;
    const rest = body.slice(i);
    let m: RegExpExecArray | null;
    if (c === '"') {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError('unterminated quoted string');
      toks.push({ k: 'str', v: unquote(body.slice(i, end + 1)) });
      i = end + 1;
    } else if (c === '`') {
      const end = body.indexOf('`', i + 1);
      if (end < 0) throw new GoTemplateError('unterminated raw quoted string');
      toks.push({ k: 'str', v: body.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError('unterminated character constant');
      const s = unquote(`"${body.slice(i + 1, end).replace(/"/g, '\\"')}"`);
      if ([...s].length !== 1) throw new GoTemplateError(`malformed character constant: ${body.slice(i, end + 1)}`);
      toks.push({ k: 'char', v: s });
      i = end + 1;
    } else if ((m = /^:=|^[()|,=]/.exec(rest))) {
      toks.push({ k: 'op', v: m[0] });
      i += m[0].length;
    } else if ((m = /^\$\w*(\.[A-Za-z_]\w*)*/.exec(rest))) {
      toks.push({ k: 'var', v: m[0] });
      i += m[0].length;
    } else if ((m = /^(\.[A-Za-z_][\w]*)+/.exec(rest))) {
      toks.push({ k: 'field', v: m[0] });
      i += m[0].length;
    } else if ((m = /^[+-]?(0[xX][0-9a-fA-F_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(rest)) && m[0] !== '' && !/^[+-]?\.$/.test(m[0])) {
      toks.push({ k: 'num', v: m[0] });
      i += m[0].length;
    } else if (c === '.') {
      toks.push({ k: 'field', v: '.' });
      i++;
    } else if ((m = /^[A-Za-z_][\w]*/.exec(rest))) {
      toks.push({ k: 'word', v: m[0] });
      i += m[0].length;
    } else {
      throw new GoTemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
    if (toks.length > before) toks[toks.length - 1]!.sp = sp;
    sp = false;
  }
  return toks;
}

function unquote(q: string): string {
  // Go escapes: JSON's plus \a \b \f \v \x.. \' and octal; JSON.parse covers the common ones once rewritten.
  const fixed = q
    .slice(1, -1)
    .replace(/\\(x[0-9a-fA-F]{2}|[0-7]{3}|a|v|')/g, (_, e: string) =>
      e === 'a' ? '\\u0007' : e === 'v' ? '\\u000b' : e === "'" ? "'" : `\\u00${e.startsWith('x') ? e.slice(1) : parseInt(e, 8).toString(16).padStart(2, '0')}`,
    )
    .replace(/\\U([0-9a-fA-F]{8})/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  try {
    return JSON.parse(`"${fixed}"`) as string;
  } catch {
    throw new GoTemplateError(`invalid syntax in ${q}`);
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly known: (name: string) => boolean,
  ) {}

  pipeline(ctx: string): Pipe {
    const pipe: Pipe = { decl: [], assign: false, cmds: [] };
    // Declarations: `$x :=`, `$x =`, `$i, $v :=` (the pair only in range).
    const save = this.pos;
    const vars: string[] = [];
    while (this.peek()?.k === 'var') {
      vars.push(this.toks[this.pos++]!.v);
      const t = this.peek();
      if (t?.k === 'op' && t.v === ',' && ctx === 'range' && vars.length === 1) {
        this.pos++;
        continue;
      }
      if (t?.k === 'op' && (t.v === ':=' || t.v === '=')) {
        this.pos++;
        pipe.decl = vars;
        pipe.assign = t.v === '=';
        break;
      }
      this.pos = save;
      vars.length = 0;
      break;
    }
    for (;;) {
      const cmd = this.command();
      if (cmd.args.length === 0) throw new GoTemplateError(`missing value for ${ctx}`);
      pipe.cmds.push(cmd);
      const t = this.peek();
      if (t?.k === 'op' && t.v === '|') {
        this.pos++;
        continue;
      }
      break;
    }
    return pipe;
  }

  private command(): Cmd {
    const args: Arg[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined || (t.k === 'op' && (t.v === '|' || t.v === ')'))) break;
      args.push(this.operand());
    }
    return { args };
  }

  private operand(): Arg {
    const t = this.toks[this.pos++]!;
    let arg: Arg;
    switch (t.k) {
      case 'str':
        return { t: 'lit', value: t.v };
      case 'char':
        return { t: 'lit', value: BigInt(t.v.codePointAt(0)!) };
      case 'num':
        return { t: 'lit', value: numberLiteral(t.v) };
      case 'field':
        return t.v === '.' ? { t: 'dot' } : { t: 'field', chain: t.v.slice(1).split('.') };
      case 'var': {
        const [name, ...chain] = t.v.split('.');
        return { t: 'var', name: name!, chain };
      }
      case 'word':
        if (t.v === 'true' || t.v === 'false') return { t: 'lit', value: t.v === 'true' };
        if (t.v === 'nil') return { t: 'lit', value: null };
        if (!this.known(t.v)) throw new GoTemplateError(`function "${t.v}" not defined`);
        return { t: 'ident', name: t.v };
      case 'op':
        if (t.v === '(') {
          const pipe = this.pipeline('parenthesized pipeline');
          const close = this.toks[this.pos++];
          if (close?.k !== 'op' || close.v !== ')') throw new GoTemplateError('unclosed left paren');
          arg = { t: 'pipe', pipe, chain: [] };
          const f = this.peek();
          if (f?.k === 'field' && f.v !== '.' && f.sp !== true) {
            this.pos++;
            arg.chain = f.v.slice(1).split('.');
          }
          return arg;
        }
        throw new GoTemplateError(`unexpected "${t.v}" in operand`);
    }
  }

  peek(): Tok | undefined {
    return this.toks[this.pos];
  }

  done(): boolean {
    return this.pos >= this.toks.length;
  }
}

function numberLiteral(text: string): GoTplValue {
  const t = text.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(t)) return BigInt(t.replace(/^([+-]?)0[xX]/, '$10x').replace(/^\+/, ''));
  if (/^[+-]?\d+$/.test(t)) return BigInt(t.replace(/^\+/, ''));
  const n = Number(t);
  if (Number.isNaN(n)) throw new GoTemplateError(`illegal number syntax: "${text}"`);
  return n;
}

/** Parses the whole template into a tree. */
function parseTemplate(src: string, known: (name: string) => boolean): Node[] {
  const items = scan(src);
  let i = 0;
  const list = (depth: number, loop: boolean): { nodes: Node[]; end: 'end' | 'else' | 'eof'; elseAction?: Action } => {
    const nodes: Node[] = [];
    while (i < items.length) {
      const item = items[i++]!;
      if (typeof item === 'string') {
        nodes.push({ t: 'text', text: item });
        continue;
      }
      const toks = lex(item.body);
      const first = toks[0];
      if (first === undefined) throw new GoTemplateError(`missing value for command in ${item.src}`);
      if (first.k === 'word' && (first.v === 'end' || first.v === 'else')) {
        if (depth === 0) throw new GoTemplateError(`unexpected {{${first.v}}}`);
        return { nodes, end: first.v, elseAction: item };
      }
      if (first.k === 'word' && (first.v === 'break' || first.v === 'continue')) {
        if (!loop) throw new GoTemplateError(`{{${first.v}}} outside {{range}}`);
        nodes.push({ t: first.v });
        continue;
      }
      if (first.k === 'word' && ['define', 'template', 'block'].includes(first.v)) {
        throw new GoTemplateUnsupported(`{{${first.v}}} (named templates) is not simulated`);
      }
      if (first.k === 'word' && (first.v === 'if' || first.v === 'with' || first.v === 'range')) {
        nodes.push(control(first.v, toks.slice(1), item, depth, loop));
        continue;
      }
      const p = new Parser(toks, known);
      const pipe = p.pipeline('command');
      if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek()!.v)} in command in ${item.src}`);
      nodes.push({ t: 'action', pipe, src: item.src });
    }
    if (depth > 0) return { nodes, end: 'eof' };
    return { nodes, end: 'eof' };
  };
  const control = (kind: 'if' | 'with' | 'range', toks: Tok[], item: Action, depth: number, loop: boolean): Node => {
    const p = new Parser(toks, known);
    const pipe = p.pipeline(kind);
    if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek()!.v)} in ${kind} in ${item.src}`);
    const inLoop = loop || kind === 'range';
    const body = list(depth + 1, inLoop);
    if (body.end === 'eof') throw new GoTemplateError(`unexpected EOF: {{${kind}}} without {{end}}`);
    let other: Node[] | undefined;
    if (body.end === 'else') {
      const rest = lex(body.elseAction!.body).slice(1);
      if (rest.length > 0 && rest[0]!.k === 'word' && (rest[0]!.v === 'if' || rest[0]!.v === 'with') && kind !== 'range') {
        // `{{else if ...}}`: a nested if that shares this one's {{end}}.
        other = [control(rest[0]!.v as 'if' | 'with', rest.slice(1), body.elseAction!, depth, loop)];
      } else {
        if (rest.length > 0) throw new GoTemplateError(`unexpected ${JSON.stringify(rest[0]!.v)} in else`);
        const e = list(depth + 1, loop);
        if (e.end !== 'end') throw new GoTemplateError(e.end === 'eof' ? `unexpected EOF: {{${kind}}} without {{end}}` : 'expected end; found {{else}}');
        other = e.nodes;
      }
    }
    return { t: kind, pipe, body: body.nodes, other, src: item.src };
  };
  const top = list(0, false);
  return top.nodes;
}

// ---------------------------------------------------------------------------------------------
// Execution

class Break {}
class Continue {}

interface Scope {
  vars: Map<string, GoTplValue>[];
}

const MAX_OUTPUT = 1 << 20;
const MAX_STEPS = 1_000_000;

/** Executes `src` over `data` as Argo CD's Render.Replace does with goTemplate; throws GoTemplateError / GoTemplateUnsupported. */
export function executeGoTemplate(src: string, data: JsonObject, options: GoTemplateOptions = {}): string {
  const nodes = parseTemplate(src, (n) => FUNCS_PRINTED_AS_GO.has(n) || Object.hasOwn(FUNCS, n) || UNSUPPORTED.has(n));
  const missingKey = options.missingKey ?? 'default';
  let out = '';
  let steps = 0;
  const root = data as GoTplValue;
  const scope: Scope = { vars: [new Map([['$', root]])] };

  const lookupVar = (name: string): GoTplValue => {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i]!.has(name)) return scope.vars[i]!.get(name);
    throw new GoTemplateError(`undefined variable: ${name}`);
  };
  const setVar = (name: string, v: GoTplValue, assign: boolean): void => {
    if (!assign) {
      scope.vars[scope.vars.length - 1]!.set(name, v);
      return;
    }
    for (let i = scope.vars.length - 1; i >= 0; i--) {
      if (scope.vars[i]!.has(name)) {
        scope.vars[i]!.set(name, v);
        return;
      }
    }
    throw new GoTemplateError(`undefined variable: ${name}`);
  };

  const field = (recv: GoTplValue, name: string, at: string): GoTplValue => {
    if (recv === undefined) {
      if (missingKey === 'error') throw new GoTemplateError(`executing at <${at}>: nil data; no entry for key "${name}"`);
      return undefined;
    }
    if (recv === null) throw new GoTemplateError(`executing at <${at}>: nil pointer evaluating interface {}.${name}`);
    if (typeof recv === 'object' && !Array.isArray(recv)) {
      if (Object.prototype.hasOwnProperty.call(recv, name)) return recv[name];
      if (missingKey === 'error') throw new GoTemplateError(`executing at <${at}>: map has no entry for key "${name}"`);
      return undefined;
    }
    throw new GoTemplateError(`executing at <${at}>: can't evaluate field ${name} in type ${goTypeName(recv)}`);
  };
  const chain = (v: GoTplValue, names: string[], at: string): GoTplValue => {
    for (const n of names) v = field(v, n, at);
    return v;
  };

  const evalArg = (a: Arg, dot: GoTplValue): GoTplValue => {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'lit':
        return a.value;
      case 'field':
        return chain(dot, a.chain, `.${a.chain.join('.')}`);
      case 'var':
        return chain(lookupVar(a.name), a.chain, [a.name, ...a.chain].join('.'));
      case 'pipe':
        return chain(evalPipe(a.pipe, dot, true), a.chain, `(...).${a.chain.join('.')}`);
      case 'ident':
        return call(a.name, [], dot, undefined);
    }
  };

  const call = (name: string, args: Arg[], dot: GoTplValue, piped: { v: GoTplValue } | undefined): GoTplValue => {
    if (UNSUPPORTED.has(name)) throw new GoTemplateUnsupported(`the template function ${name} is not simulated`);
    // and / or evaluate their arguments only as far as needed (Go 1.18).
    if (name === 'and' || name === 'or') {
      const thunks: (() => GoTplValue)[] = args.map((a) => () => evalArg(a, dot));
      if (piped) thunks.push(() => piped.v);
      if (thunks.length === 0) throw new GoTemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: GoTplValue = undefined;
      for (const t of thunks) {
        v = t();
        if (truth(v) !== (name === 'and')) return v;
      }
      return v;
    }
    const values = args.map((a) => evalArg(a, dot));
    if (piped) values.push(piped.v);
    const f = Object.hasOwn(FUNCS, name) ? FUNCS[name] : undefined;
    if (f === undefined) throw new GoTemplateError(`function "${name}" not defined`);
    try {
      return f(values);
    } catch (e) {
      if (e instanceof GoTemplateUnsupported) throw e;
      throw new GoTemplateError(`error calling ${name}: ${(e as Error).message}`);
    }
  };

  const evalCmd = (cmd: Cmd, dot: GoTplValue, piped: { v: GoTplValue } | undefined): GoTplValue => {
    const [first, ...rest] = cmd.args;
    if (first!.t === 'ident') return call(first!.name, rest, dot, piped);
    if (rest.length > 0 || piped) throw new GoTemplateError(`can't give argument to non-function ${describe(first!)}`);
    return evalArg(first!, dot);
  };

  const evalPipe = (pipe: Pipe, dot: GoTplValue, _inner = false): GoTplValue => {
    let piped: { v: GoTplValue } | undefined;
    for (const cmd of pipe.cmds) piped = { v: evalCmd(cmd, dot, piped) };
    const v = piped!.v;
    for (const d of pipe.decl) setVar(d, v, pipe.assign);
    return v;
  };

  const write = (s: string): void => {
    out += s;
    if (out.length > MAX_OUTPUT) throw new GoTemplateError(`output larger than ${MAX_OUTPUT} characters`);
  };

  const walk = (nodes: Node[], dot: GoTplValue): void => {
    for (const n of nodes) {
      if (++steps > MAX_STEPS) throw new GoTemplateError('template takes too many steps');
      switch (n.t) {
        case 'text':
          write(n.text);
          break;
        case 'action': {
          const v = evalPipe(n.pipe, dot);
          if (n.pipe.decl.length === 0) write(printValue(v));
          break;
        }
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
        case 'if':
        case 'with': {
          scope.vars.push(new Map());
          try {
            const v = evalPipe(n.pipe, dot);
            if (truth(v)) walk(n.body, n.t === 'with' ? v : dot);
            else if (n.other) walk(n.other, dot);
          } finally {
            scope.vars.pop();
          }
          break;
        }
        case 'range': {
          scope.vars.push(new Map());
          try {
            const decl = n.pipe.decl;
            const v = evalPipe({ ...n.pipe, decl: [] }, dot);
            const items: [GoTplValue, GoTplValue][] = [];
            if (Array.isArray(v)) v.forEach((x, i) => items.push([BigInt(i), x]));
            else if (v !== null && typeof v === 'object') for (const k of Object.keys(v).sort(goCompare)) items.push([k, v[k]]);
            else if (typeof v === 'bigint') {
              if (decl.length > 1) throw new GoTemplateError(`can't use ${v} to iterate over more than one variable`);
              for (let i = 0n; i < v && i < 100_000n; i++) items.push([i, i]);
            } else if (v !== undefined && v !== null) throw new GoTemplateError(`range can't iterate over ${printValue(v)}`);
            if (items.length === 0) {
              if (n.other) walk(n.other, dot);
              break;
            }
            for (const [k, x] of items) {
              if (++steps > MAX_STEPS) throw new GoTemplateError('template takes too many steps');
              scope.vars.push(new Map());
              try {
                if (decl.length === 1) setVar(decl[0]!, x, false);
                if (decl.length === 2) {
                  setVar(decl[0]!, k, false);
                  setVar(decl[1]!, x, false);
                }
                walk(n.body, x);
              } catch (e) {
                if (e instanceof Break) break;
                if (!(e instanceof Continue)) throw e;
              } finally {
                scope.vars.pop();
              }
            }
          } finally {
            scope.vars.pop();
          }
          break;
        }
      }
    }
  };
  walk(nodes, root);
  return out;
}

function describe(a: Arg): string {
  switch (a.t) {
    case 'dot':
      return '.';
    case 'field':
      return `.${a.chain.join('.')}`;
    case 'var':
      return [a.name, ...a.chain].join('.');
    case 'lit':
      return printValue(a.value);
    default:
      return '(...)';
  }
}

/** Go's template truth: false, 0, nil, "", empty lists and maps, no value. */
function truth(v: GoTplValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

/** fmt.Sprint of a template value as text/template prints it (no value and nil interfaces: `<no value>`). */
function printValue(v: GoTplValue): string {
  if (v === undefined || v === null) return '<no value>';
  return goSprint(v);
}

/** fmt's %v. */
export function goSprint(v: GoTplValue): string {
  if (v === undefined) return '<invalid reflect.Value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return goFloatText(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  return `map[${Object.keys(v)
    .sort(goCompare)
    .map((k) => `${k}:${goSprint(v[k])}`)
    .join(' ')}]`;
}

function goTypeName(v: GoTplValue): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

// ---------------------------------------------------------------------------------------------
// Functions

type Fn = (args: GoTplValue[]) => GoTplValue;

function want(args: GoTplValue[], n: number, name: string): void {
  if (args.length !== n) throw new Error(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}
function s(v: GoTplValue): string {
  if (typeof v !== 'string') throw new Error(`wrong type for value; expected string; got ${goTypeName(v)}`);
  return v;
}
/** sprig's strval / toString: fmt.Sprintf("%v"), nil as "". */
function strval(v: GoTplValue): string {
  if (v === null || v === undefined) return '';
  return goSprint(v);
}
/** sprig's cast.ToInt64: numbers truncated, numeric strings parsed, anything else 0. */
function toInt(v: GoTplValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t.replace(/^\+/, ''));
    const n = Number(t);
    return t !== '' && Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
  }
  return 0n;
}
function toFloat(v: GoTplValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = Number(v.trim());
    return v.trim() !== '' && Number.isFinite(n) ? n : 0;
  }
  return 0;
}
function list(v: GoTplValue, name: string): GoTplValue[] {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot ${name} on type ${goTypeName(v)}`);
}
function map(v: GoTplValue): { [k: string]: GoTplValue } {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  throw new Error(`wrong type for value; expected map[string]interface {}; got ${goTypeName(v)}`);
}
/** sprig's empty. */
function empty(v: GoTplValue): boolean {
  return !truth(v);
}
function deepEqual(a: GoTplValue, b: GoTplValue): boolean {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return false;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) return a.length === (b as GoTplValue[]).length && a.every((x, i) => deepEqual(x, (b as GoTplValue[])[i]));
  const ka = Object.keys(a);
  const bo = b as { [k: string]: GoTplValue };
  return ka.length === Object.keys(bo).length && ka.every((k) => k in bo && deepEqual(a[k], bo[k]));
}
/** Go's eq/lt basic kinds: ints and floats do not compare with each other. */
function basicKind(v: GoTplValue): string {
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}
function eq2(a: GoTplValue, b: GoTplValue): boolean {
  if (a === undefined || b === undefined) throw new Error('invalid type for comparison');
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || kb === 'other') {
    if (a === null || b === null) return a === b;
    throw new Error('non-comparable type');
  }
  if (ka !== kb) throw new Error('incompatible types for comparison');
  return a === b;
}
function lt2(a: GoTplValue, b: GoTplValue): boolean {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new Error('incompatible types for comparison');
  if (ka === 'bool' || ka === 'other') throw new Error('invalid type for comparison');
  return ka === 'string' ? goCompare(a as string, b as string) < 0 : (a as number) < (b as number);
}
function toJsonValue(v: GoTplValue): JsonValue {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}
/**
 * A Go regexp for matching `text`: RE2 is linear, JavaScript's engine backtracks, so a pattern that does not settle
 * on this text within the time limit is refused before any replace/find/split runs it (never hangs the process).
 */
function regexp(expr: GoTplValue, text: GoTplValue): GoRegexp {
  const r = compileGoRegexp(s(expr));
  if ('error' in r) throw new Error(r.error);
  if (testWithin(r.regexp, s(text)) === 'timeout') throw new Error(`regular expression ${goQuote(s(expr))} takes too long on this text: refused`);
  return r;
}
/** A length a function would build, refused past the output limit (before the string is allocated). */
function bounded(n: number): number {
  if (!(n <= MAX_OUTPUT)) throw new Error(`result larger than ${MAX_OUTPUT} characters: refused`);
  return n;
}
function indent(n: GoTplValue, text: GoTplValue): string {
  const pad = ' '.repeat(bounded(Math.max(0, Number(toInt(n)))));
  return pad + s(text).replace(/\n/g, `\n${pad}`);
}
/** Argo CD's SanitizeName (`normalize`). */
export function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-a-z0-9.]/g, '-')
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, '');
}
/** Argo CD's slugify: SanitizeName, then gosimple/slug (only [a-z0-9-_], dashes collapsed and trimmed), cut to maxSize (at the last dash before it when smart). */
function slugify(args: GoTplValue[]): string {
  let max = 50;
  let smart = true;
  args.forEach((a, i) => {
    if (i === args.length - 1) return;
    if (i === 0) max = Number(toInt(a));
    if (i === 1) smart = a === true;
  });
  let text = sanitizeName(s(args[args.length - 1]))
    .replace(/[^a-zA-Z0-9\-_]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  if (max > 0 && text.length > max) {
    if (smart) {
      let cut = -1;
      for (let i = max; i >= 0; i--) {
        if (text[i] === '-') {
          cut = i;
          break;
        }
      }
      text = cut >= 0 ? text.slice(0, cut) : text.slice(0, max);
    } else text = text.slice(0, max);
  }
  return text;
}
function goPrintf(format: string, args: GoTplValue[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([vsdqtfxXgeT%])/g, (whole, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let text: string;
    switch (verb) {
      case 'v':
      case 's':
        text = goSprint(a);
        break;
      case 'd':
        text = typeof a === 'bigint' ? String(a) : `%!d(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case 'q':
        text = typeof a === 'string' ? goQuote(a) : `%!q(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case 't':
        text = typeof a === 'boolean' ? String(a) : `%!t(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case 'f':
      case 'e':
      case 'g':
        if (typeof a !== 'number') text = `%!${verb}(${goTypeName(a)}=${goSprint(a)})`;
        else if (verb === 'f') text = a.toFixed(prec === undefined ? 6 : Number(prec));
        else if (verb === 'g') text = prec === undefined ? goFloatText(a) : String(Number(a.toPrecision(Number(prec))));
        else text = a.toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, 'e$10$2');
        break;
      case 'x':
      case 'X': {
        const t = typeof a === 'bigint' ? a.toString(16) : typeof a === 'string' ? Buffer.from(a).toString('hex') : undefined;
        text = t === undefined ? `%!${verb}(${goTypeName(a)}=${goSprint(a)})` : verb === 'X' ? t.toUpperCase() : t;
        break;
      }
      case 'T':
        text = goTypeName(a);
        break;
      default:
        return whole;
    }
    const w = width === undefined ? 0 : bounded(Number(width));
    if (text.length < w) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return text;
  });
}
function yamlOf(v: GoTplValue): string {
  // sigs.k8s.io/yaml: JSON first (keys sorted), then YAML; sequences not indented under their key.
  return stringifyYaml(toJsonValue(v), { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).replace(/\n$/, '');
}
function fromYaml(text: GoTplValue): GoTplValue {
  try {
    const v = parseYaml(s(text), { maxAliasCount: 100 }) as GoTplValue;
    return v === null || v === undefined ? {} : v;
  } catch (e) {
    return { Error: (e as Error).message.split('\n')[0]! };
  }
}

const FUNCS: Record<string, Fn> = {
  // Go's builtins.
  not: (a) => (want(a, 1, 'not'), !truth(a[0])),
  len: (a) => {
    want(a, 1, 'len');
    const v = a[0];
    if (typeof v === 'string') return BigInt(Buffer.byteLength(v));
    if (Array.isArray(v)) return BigInt(v.length);
    if (v !== null && typeof v === 'object') return BigInt(Object.keys(v).length);
    throw new Error(`len of type ${goTypeName(v)}`);
  },
  index: (a) => {
    let v = a[0];
    for (const k of a.slice(1)) {
      if (Array.isArray(v)) {
        if (typeof k !== 'bigint' && typeof k !== 'number') throw new Error(`cannot index slice/array with type ${goTypeName(k)}`);
        const i = Number(k);
        if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
        v = v[i];
      } else if (v !== null && typeof v === 'object') {
        if (typeof k !== 'string') throw new Error(`value has type ${goTypeName(k)}; should be string`);
        v = Object.prototype.hasOwnProperty.call(v, k) ? v[k] : null;
      } else if (typeof v === 'string') {
        const i = Number(k);
        if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
        v = BigInt(Buffer.from(v)[i]!);
      } else if (v === null || v === undefined) throw new Error('index of untyped nil');
      else throw new Error(`can't index item of type ${goTypeName(v)}`);
    }
    return v;
  },
  slice: (a) => {
    const v = a[0];
    const idx = a.slice(1).map((x) => Number(toInt(x)));
    if (typeof v === 'string') return v.slice(idx[0] ?? 0, idx[1] ?? v.length);
    return list(v, 'slice').slice(idx[0] ?? 0, idx[1] ?? list(v, 'slice').length);
  },
  print: (a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + goSprint(x)).join(''),
  println: (a) => `${a.map(goSprint).join(' ')}\n`,
  printf: (a) => goPrintf(s(a[0]), a.slice(1)),
  eq: (a) => {
    if (a.length < 2) throw new Error('missing argument for comparison');
    return a.slice(1).some((b) => eq2(a[0], b));
  },
  ne: (a) => (want(a, 2, 'ne'), !eq2(a[0], a[1])),
  lt: (a) => (want(a, 2, 'lt'), lt2(a[0], a[1])),
  le: (a) => (want(a, 2, 'le'), lt2(a[0], a[1]) || eq2(a[0], a[1])),
  gt: (a) => (want(a, 2, 'gt'), !lt2(a[0], a[1]) && !eq2(a[0], a[1])),
  ge: (a) => (want(a, 2, 'ge'), !lt2(a[0], a[1])),
  urlquery: (a) => encodeURIComponent(a.map(goSprint).join('')).replace(/%20/g, '+'),

  // sprig: strings.
  trim: (a) => s(a[0]).trim(),
  upper: (a) => s(a[0]).toUpperCase(),
  lower: (a) => s(a[0]).toLowerCase(),
  title: (a) => s(a[0]).replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase()),
  untitle: (a) => s(a[0]).replace(/(^|\s)(\S)/g, (_, p: string, c: string) => p + c.toLowerCase()),
  substr: (a) => {
    const [start, end, str] = [Number(toInt(a[0])), Number(toInt(a[1])), s(a[2])];
    if (start < 0) return str.slice(0, end);
    if (end < 0 || end > str.length) return str.slice(start);
    return str.slice(start, end);
  },
  trunc: (a) => {
    const [n, str] = [Number(toInt(a[0])), s(a[1])];
    if (n < 0 && -n < str.length) return str.slice(str.length + n);
    if (n >= 0 && str.length > n) return str.slice(0, n);
    return str;
  },
  repeat: (a) => {
    const [n, text] = [Math.max(0, Number(toInt(a[0]))), s(a[1])];
    bounded(n * text.length);
    return text === '' ? '' : text.repeat(n);
  },
  trimAll: (a) => trimChars(s(a[1]), s(a[0])),
  trimall: (a) => trimChars(s(a[1]), s(a[0])),
  trimSuffix: (a) => (s(a[1]).endsWith(s(a[0])) ? s(a[1]).slice(0, s(a[1]).length - s(a[0]).length) : s(a[1])),
  trimPrefix: (a) => (s(a[1]).startsWith(s(a[0])) ? s(a[1]).slice(s(a[0]).length) : s(a[1])),
  nospace: (a) => s(a[0]).replace(/\s/g, ''),
  contains: (a) => s(a[1]).includes(s(a[0])),
  hasPrefix: (a) => s(a[1]).startsWith(s(a[0])),
  hasSuffix: (a) => s(a[1]).endsWith(s(a[0])),
  quote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => goQuote(strval(x))).join(' '),
  squote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => `'${strval(x)}'`).join(' '),
  cat: (a) => a.filter((x) => x !== null && x !== undefined).map(goSprint).join(' '),
  indent: (a) => indent(a[0], a[1]),
  nindent: (a) => `\n${indent(a[0], a[1])}`,
  replace: (a) => s(a[2]).split(s(a[0])).join(s(a[1])),
  plural: (a) => (toInt(a[2]) === 1n ? s(a[0]) : s(a[1])),
  sha1sum: (a) => createHash('sha1').update(s(a[0])).digest('hex'),
  sha256sum: (a) => createHash('sha256').update(s(a[0])).digest('hex'),
  toString: (a: GoTplValue[]) => strval(a[0]),
  atoi: (a) => (/^[+-]?\d+$/.test(s(a[0])) ? BigInt(s(a[0])) : 0n),
  int: (a) => toInt(a[0]),
  int64: (a) => toInt(a[0]),
  float64: (a) => toFloat(a[0]),
  split: (a) => Object.fromEntries(s(a[1]).split(s(a[0])).map((p, i) => [`_${i}`, p])),
  splitList: (a) => s(a[1]).split(s(a[0])),
  splitn: (a) => {
    const [sep, n, str] = [s(a[0]), Number(toInt(a[1])), s(a[2])];
    const parts = str.split(sep);
    const out = n > 0 && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)] : parts;
    return Object.fromEntries(out.map((p, i) => [`_${i}`, p]));
  },
  toStrings: (a) => (Array.isArray(a[0]) ? a[0].map(strval) : [strval(a[0])]),
  until: (a) => range(0n, toInt(a[0]), toInt(a[0]) < 0n ? -1n : 1n),
  untilStep: (a) => range(toInt(a[0]), toInt(a[1]), toInt(a[2])),
  add1: (a) => toInt(a[0]) + 1n,
  add: (a) => a.reduce<bigint>((x, y) => x + toInt(y), 0n),
  sub: (a) => toInt(a[0]) - toInt(a[1]),
  div: (a) => {
    if (toInt(a[1]) === 0n) throw new Error('runtime error: integer divide by zero');
    return toInt(a[0]) / toInt(a[1]);
  },
  mod: (a) => {
    if (toInt(a[1]) === 0n) throw new Error('runtime error: integer divide by zero');
    return toInt(a[0]) % toInt(a[1]);
  },
  mul: (a) => a.reduce<bigint>((x, y) => x * toInt(y), 1n),
  max: (a) => a.map(toInt).reduce((x, y) => (y > x ? y : x)),
  biggest: (a) => a.map(toInt).reduce((x, y) => (y > x ? y : x)),
  min: (a) => a.map(toInt).reduce((x, y) => (y < x ? y : x)),
  ceil: (a) => Math.ceil(toFloat(a[0])),
  floor: (a) => Math.floor(toFloat(a[0])),
  round: (a) => {
    const p = 10 ** Number(toInt(a[1]));
    return Math.round(toFloat(a[0]) * p) / p;
  },
  join: (a) => (Array.isArray(a[1]) ? a[1].map(strval) : [strval(a[1])]).join(s(a[0])),
  sortAlpha: (a) => (Array.isArray(a[0]) ? a[0].map(strval).sort(goCompare) : [strval(a[0])]),

  // sprig: defaults, JSON, flow.
  default: (a) => (a.length < 2 || empty(a[1]) ? a[0] : a[1]),
  empty: (a) => empty(a[0]),
  coalesce: (a) => a.find((x) => !empty(x)) ?? null,
  all: (a) => a.every((x) => !empty(x)),
  any: (a) => a.some((x) => !empty(x)),
  compact: (a) => list(a[0], 'compact').filter((x) => !empty(x)),
  ternary: (a) => (a[2] === true ? a[0] : a[1]),
  fromJson: (a) => {
    try {
      return JSON.parse(s(a[0])) as GoTplValue;
    } catch {
      return {};
    }
  },
  toJson: (a) => goJsonCompact(toJsonValue(a[0])),
  toRawJson: (a) => JSON.stringify(toJsonValue(a[0])),
  toPrettyJson: (a) => JSON.stringify(toJsonValue(a[0]), null, '  '),
  mustToJson: (a) => goJsonCompact(toJsonValue(a[0])),
  deepCopy: (a) => structuredClone(a[0]),
  kindOf: (a) => ({ string: 'string', bool: 'bool', float64: 'float64', int: 'int64', '[]interface {}': 'slice', 'map[string]interface {}': 'map', 'interface {}': 'invalid' })[goTypeName(a[0])]!,
  kindIs: (a) => FUNCS.kindOf!([a[1]]) === s(a[0]),
  typeOf: (a) => (a[0] === null || a[0] === undefined ? '<nil>' : goTypeName(a[0])),
  typeIs: (a) => FUNCS.typeOf!([a[1]]) === s(a[0]),
  deepEqual: (a) => deepEqual(a[0], a[1]),
  fail: (a) => {
    throw new Error(s(a[0]));
  },

  // sprig: paths, encoding.
  base: (a) => {
    const p = s(a[0]).replace(/\/+$/, '');
    return p === '' ? (s(a[0]) === '' ? '.' : '/') : p.slice(p.lastIndexOf('/') + 1);
  },
  dir: (a) => {
    const p = s(a[0]);
    const i = p.lastIndexOf('/');
    return goPathClean(i < 0 ? '.' : p.slice(0, i + 1));
  },
  clean: (a) => goPathClean(s(a[0])),
  ext: (a) => {
    const p = s(a[0]);
    for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
    return '';
  },
  isAbs: (a) => s(a[0]).startsWith('/'),
  b64enc: (a) => Buffer.from(s(a[0])).toString('base64'),
  b64dec: (a) => {
    const t = s(a[0]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return `illegal base64 data at input byte ${Math.max(0, t.search(/[^A-Za-z0-9+/=]/))}`;
    return Buffer.from(t, 'base64').toString('utf8');
  },

  // sprig: lists and dicts.
  list: (a) => [...a],
  tuple: (a) => [...a],
  dict: (a) => {
    const out: { [k: string]: GoTplValue } = {};
    for (let i = 0; i < a.length; i += 2) out[strval(a[i])] = i + 1 < a.length ? a[i + 1] : '';
    return out;
  },
  get: (a) => (Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])) ? map(a[0])[s(a[1])] : ''),
  set: (a) => {
    map(a[0])[s(a[1])] = a[2];
    return a[0];
  },
  unset: (a) => {
    delete map(a[0])[s(a[1])];
    return a[0];
  },
  hasKey: (a) => Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])),
  pluck: (a) => a.slice(1).flatMap((d) => (Object.prototype.hasOwnProperty.call(map(d), s(a[0])) ? [map(d)[s(a[0])]] : [])),
  keys: (a) => a.flatMap((d) => Object.keys(map(d))),
  pick: (a) => Object.fromEntries(a.slice(1).map(s).filter((k) => Object.prototype.hasOwnProperty.call(map(a[0]), k)).map((k) => [k, map(a[0])[k]])),
  omit: (a) => Object.fromEntries(Object.entries(map(a[0])).filter(([k]) => !a.slice(1).map(s).includes(k))),
  merge: (a) => mergeDicts(a, false),
  mergeOverwrite: (a) => mergeDicts(a, true),
  mustMerge: (a) => mergeDicts(a, false),
  mustMergeOverwrite: (a) => mergeDicts(a, true),
  values: (a) => Object.values(map(a[0])),
  append: (a) => [...list(a[0], 'append'), a[1]],
  push: (a) => [...list(a[0], 'push'), a[1]],
  prepend: (a) => [a[1], ...list(a[0], 'prepend')],
  first: (a) => (list(a[0], 'first').length > 0 ? list(a[0], 'first')[0] : null),
  last: (a) => (list(a[0], 'last').length > 0 ? list(a[0], 'last').at(-1) : null),
  rest: (a) => list(a[0], 'rest').slice(1),
  initial: (a) => list(a[0], 'initial').slice(0, -1),
  reverse: (a) => [...list(a[0], 'reverse')].reverse(),
  uniq: (a) => list(a[0], 'uniq').filter((x, i, all) => all.findIndex((y) => deepEqual(x, y)) === i),
  without: (a) => list(a[0], 'without').filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
  has: (a) => list(a[1], 'has').some((x) => deepEqual(x, a[0])),
  concat: (a) => a.flatMap((x) => list(x, 'concat')),
  dig: (a) => {
    const d = a[a.length - 1];
    const def = a[a.length - 2];
    let cur: GoTplValue = d;
    for (const k of a.slice(0, -2)) {
      cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, s(k)) ? cur[s(k)] : undefined;
      if (cur === undefined) return def;
    }
    return cur;
  },
  chunk: (a) => {
    const n = Number(toInt(a[0]));
    const l = list(a[1], 'chunk');
    const out: GoTplValue[] = [];
    for (let i = 0; i < l.length && n > 0; i += n) out.push(l.slice(i, i + n));
    return out;
  },

  // sprig: semver, regex.
  semverCompare: (a) => {
    const c = parseConstraint(s(a[0]));
    if (c === undefined) throw new Error(`improper constraint: ${s(a[0])}`);
    const v = looseSemver(s(a[1]));
    if (v === undefined) throw new Error('Invalid Semantic Version');
    return (v.pre.length === 0 || c.prerelease) && c.test(v);
  },
  regexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
  mustRegexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
  regexFind: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), 1)[0] ?? '',
  regexFindAll: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), Number(toInt(a[2]))),
  regexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
  mustRegexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
  regexReplaceAllLiteral: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2]).replace(/\$/g, '$$$$')),
  regexSplit: (a) => regexp(a[0], a[1]).split(s(a[1]), Number(toInt(a[2]))),
  regexQuoteMeta: (a) => goQuoteMeta(s(a[0])),

  // Argo CD's own.
  normalize: (a) => sanitizeName(s(a[0])),
  slugify: (a) => slugify(a),
  toYaml: (a) => yamlOf(a[0]),
  fromYaml: (a) => fromYaml(a[0]),
  fromYamlArray: (a) => {
    const v = fromYaml(a[0]);
    return Array.isArray(v) ? v : [];
  },
};

/** Sprig functions (and Go builtins) Argo CD gives templates that preadmit does not evaluate: not simulated, never guessed. */
const UNSUPPORTED = new Set([
  'html', 'js', 'call',
  'ago', 'date', 'date_in_zone', 'date_modify', 'dateInZone', 'dateModify', 'duration', 'durationRound', 'htmlDate', 'htmlDateInZone',
  'must_date_modify', 'mustDateModify', 'mustToDate', 'now', 'toDate', 'unixEpoch',
  'abbrev', 'abbrevboth', 'initials', 'randAlphaNum', 'randAlpha', 'randAscii', 'randNumeric', 'randSeededNumeric', 'swapcase', 'shuffle',
  'snakecase', 'camelcase', 'kebabcase', 'wrap', 'wrapWith', 'adler32sum', 'seq', 'toDecimal', 'randInt',
  'add1f', 'addf', 'subf', 'divf', 'mulf', 'maxf', 'minf', 'mustCompact', 'mustFromJson', 'mustToPrettyJson', 'mustToRawJson', 'mustDeepCopy',
  'typeIsLike', 'osBase', 'osClean', 'osDir', 'osExt', 'osIsAbs', 'b32enc', 'b32dec',
  'mustAppend', 'mustPush', 'mustPrepend', 'mustFirst', 'mustRest', 'mustLast', 'mustInitial', 'mustReverse', 'mustUniq', 'mustWithout',
  'mustHas', 'mustSlice', 'mustChunk',
  'bcrypt', 'htpasswd', 'genPrivateKey', 'derivePassword', 'buildCustomCert', 'genCA', 'genCAWithKey', 'genSelfSignedCert',
  'genSelfSignedCertWithKey', 'genSignedCert', 'genSignedCertWithKey', 'encryptAES', 'decryptAES', 'randBytes', 'uuidv4', 'semver',
  'mustRegexFindAll', 'mustRegexFind', 'mustRegexReplaceAllLiteral', 'mustRegexSplit', 'urlParse', 'urlJoin', 'hello',
]);

function trimChars(str: string, cut: string): string {
  const set = new Set([...cut]);
  const chars = [...str];
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a]!)) a++;
  while (b > a && set.has(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

function range(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (step === 0n) return out;
  for (let i = start; step > 0n ? i < stop : i > stop; i += step) {
    out.push(i);
    if (out.length > 100_000) throw new Error('range too long');
  }
  return out;
}

/** sprig merge (mergo): the first dict gets keys it lacks (or, overwriting, every key) from the others, maps recursively. */
function mergeDicts(a: GoTplValue[], overwrite: boolean): GoTplValue {
  const dst = map(a[0]);
  const into = (d: { [k: string]: GoTplValue }, src: { [k: string]: GoTplValue }): void => {
    for (const [k, v] of Object.entries(src)) {
      const cur = d[k];
      if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && v !== null && typeof v === 'object' && !Array.isArray(v)) into(cur, v);
      else if (overwrite ? !empty(v) || !(k in d) : !(k in d) || empty(cur)) d[k] = v;
    }
  };
  for (const src of a.slice(1)) into(dst, map(src));
  return dst;
}
