// A small Rego lexer and the module facts preadmit needs before handing code to `opa`: package, imports,
// top-level rule names, `data` references (the things Gatekeeper's regorewriter checks), and a rewriter
// that moves a template and its libs under a private package path without changing any line numbers.

type RegoTokenKind = 'ident' | 'number' | 'string' | 'punct';

interface RegoToken {
  kind: RegoTokenKind;
  text: string;
  /** Offsets into the source, end exclusive. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
}

interface LexProblem {
  line: number;
  message: string;
}

export interface LexResult {
  tokens: RegoToken[];
  problems: LexProblem[];
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const PUNCT2 = new Set([':=', '==', '!=', '<=', '>=']);

/** Tokenizes Rego; strings, raw strings, template strings and comments never yield identifiers. */
export function lexRego(src: string): LexResult {
  const tokens: RegoToken[] = [];
  const problems: LexProblem[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;

  const lexString = (quote: '"' | '`', template: boolean): void => {
    // i points just after the opening quote.
    const startLine = line;
    while (i < n) {
      const c = src[i]!;
      if (quote === '"' && c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') {
        if (quote === '"') {
          problems.push({ line: startLine, message: 'unterminated string' });
          return;
        }
        line++;
      }
      if (c === quote) {
        i++;
        return;
      }
      if (template && c === '{') {
        i++;
        lexUntil('}');
        continue;
      }
      i++;
    }
    problems.push({ line: startLine, message: quote === '"' ? 'unterminated string' : 'unterminated raw string' });
  };

  // Lexes ordinary tokens until an unmatched `close` (used for expressions inside template strings).
  const lexUntil = (close: string | undefined): void => {
    let depth = 0;
    while (i < n) {
      const c = src[i]!;
      if (c === '\n') {
        line++;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < n && src[i] !== '\n') i++;
        continue;
      }
      const start = i;
      const startLine = line;
      if (c === '"' || c === '`') {
        i++;
        lexString(c, false);
        tokens.push({ kind: 'string', text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (c === '$' && (src[i + 1] === '"' || src[i + 1] === '`')) {
        const q = src[i + 1] as '"' | '`';
        i += 2;
        const mark = tokens.length;
        lexString(q, true);
        // The literal parts are one string token; embedded expression tokens stay in the stream after it.
        tokens.splice(mark, 0, { kind: 'string', text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (IDENT_START.test(c)) {
        while (i < n && IDENT_PART.test(src[i]!)) i++;
        tokens.push({ kind: 'ident', text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (DIGIT.test(c)) {
        while (i < n && /[0-9.eE+\-xXa-fA-F_]/.test(src[i]!)) {
          // Stop at `.` not followed by a digit (e.g. `1.foo` never happens in Rego, but `x[1].y` does).
          if (src[i] === '.' && !DIGIT.test(src[i + 1] ?? '')) break;
          if ((src[i] === '+' || src[i] === '-') && !/[eE]/.test(src[i - 1] ?? '')) break;
          i++;
        }
        tokens.push({ kind: 'number', text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (close !== undefined && depth === 0 && c === close) {
        i++;
        return;
      }
      if (c === '{' || c === '[' || c === '(') depth++;
      if (c === '}' || c === ']' || c === ')') depth--;
      const two = src.slice(i, i + 2);
      const len = PUNCT2.has(two) ? 2 : 1;
      i += len;
      tokens.push({ kind: 'punct', text: src.slice(start, i), start, end: i, line: startLine });
    }
  };

  lexUntil(undefined);
  tokens.sort((a, b) => a.start - b.start);
  return { tokens, problems };
}

/** One segment of a reference: a constant string key, or null when not a constant string. */
type RefSegment = string | null;

export interface RegoRef {
  /** As OPA prints it, e.g. `data.lib.foo`, `data[x].y`, `data.lib["a-b"]`. */
  text: string;
  /** Segments after the root (`data` / `input` / ...). */
  segments: RefSegment[];
  root: string;
  /** Offsets of the whole reference in the source. */
  start: number;
  end: number;
  line: number;
  /** Index of the root token. */
  rootToken: number;
  /**
   * For `data` references in rules: whether Gatekeeper's lib rewriting reaches it. frameworks rewrites
   * refs with `ast.WalkTerms` and a callback that returns true, which stops the walk from descending: only
   * a term that stands alone as an operand of an expression's top operator (`x := data.lib.a`,
   * `data.lib.a == 1`, `not data.lib.a`, a whole call statement `data.lib.f(x)`) or as a rule's value is
   * rewritten. Inside brackets, calls or arithmetic the ref keeps pointing at `data.lib...`, where no lib
   * lives after rewriting: it is undefined (or, for a function, a compile error). Checked against gator.
   */
  topLevel?: boolean;
}

interface RegoImport {
  ref: RegoRef;
  alias: string | undefined;
  line: number;
}

interface RegoPackage {
  path: RegoRef;
  line: number;
}

export interface RegoModuleInfo {
  package: RegoPackage | undefined;
  imports: RegoImport[];
  /** Top-level rule names (as OPA's `Head.Name`: ref heads like `a.b := 1` have none). */
  ruleNames: Set<string>;
  /** Every `data` reference outside the package and import statements, in source order. */
  dataRefs: RegoRef[];
  /** Set when the lexer or bracket matching already shows the module cannot parse. */
  problems: LexProblem[];
}

const VAR_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set([
  'as', 'default', 'else', 'false', 'import', 'package', 'not', 'null', 'true', 'with', 'some', 'in', 'every',
  'if', 'contains',
]);

function unquote(text: string): string | null {
  if (text.startsWith('`')) return text.slice(1, -1);
  if (!text.startsWith('"')) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function segmentText(seg: string): string {
  return VAR_RE.test(seg) && !KEYWORDS.has(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
}

/** Reads a reference that starts at token `k` (an identifier); continuation must be adjacent, as in Rego. */
function readRef(src: string, tokens: RegoToken[], k: number): { ref: RegoRef; next: number } {
  const root = tokens[k]!;
  const segments: RefSegment[] = [];
  let text = root.text;
  let j = k + 1;
  let end = root.end;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.start !== end) break;
    if (t.text === '.' && tokens[j + 1]?.kind === 'ident' && tokens[j + 1]!.start === t.end) {
      const name = tokens[j + 1]!.text;
      segments.push(name);
      text += `.${name}`;
      end = tokens[j + 1]!.end;
      j += 2;
      continue;
    }
    if (t.text === '[') {
      let depth = 0;
      let m = j;
      for (; m < tokens.length; m++) {
        const x = tokens[m]!.text;
        if (tokens[m]!.kind === 'punct' && (x === '[' || x === '(' || x === '{')) depth++;
        if (tokens[m]!.kind === 'punct' && (x === ']' || x === ')' || x === '}')) depth--;
        if (depth === 0) break;
      }
      if (m >= tokens.length) break;
      const inner = tokens.slice(j + 1, m);
      const only = inner.length === 1 ? inner[0]! : undefined;
      const str = only?.kind === 'string' ? unquote(only.text) : null;
      if (str !== null) {
        segments.push(str);
        text += segmentText(str);
      } else {
        segments.push(null);
        text += `[${src.slice(t.end, tokens[m]!.start).trim().replace(/\s+/g, ' ')}]`;
      }
      end = tokens[m]!.end;
      j = m + 1;
      continue;
    }
    break;
  }
  return { ref: { text, segments, root: root.text, start: root.start, end, line: root.line, rootToken: k }, next: j };
}

/** Package, imports, top-level rule names and `data` references of one module. */
export function analyzeRego(src: string): RegoModuleInfo {
  const { tokens, problems } = lexRego(src);
  const info: RegoModuleInfo = { package: undefined, imports: [], ruleNames: new Set(), dataRefs: [], problems };

  let depth = 0;
  let k = 0;
  const endLine = (tok: RegoToken): number => tok.line + (tok.text.match(/\n/g)?.length ?? 0);
  /** Open brackets: rule and `else`/`if` bodies, or brackets that nest a term (literals, calls, refs). */
  const stack: Array<'body' | 'nested'> = [];
  const inBody = (): boolean => stack.every((b) => b === 'body');
  const RELATION = new Set([':=', '=', '==', '!=', '<', '>', '<=', '>=']);
  /** Whether the token before index `i` ends a statement (so the term at `i` starts one). */
  const startsStatement = (i: number): boolean => {
    const prev = tokens[i - 1];
    if (prev === undefined) return true;
    if (endLine(prev) < tokens[i]!.line) return true;
    return prev.text === ';' || prev.text === '{' || prev.text === '}';
  };
  /** Whether the token at index `i` (just after a term) ends the statement. */
  const endsStatement = (i: number, prevIndex: number): boolean => {
    const next = tokens[i];
    if (next === undefined) return true;
    if (next.line > endLine(tokens[prevIndex]!)) return true;
    return next.text === ';' || next.text === '}' || next.text === '{' || next.text === 'if' || next.text === 'with';
  };
  const isTopLevelTerm = (first: number, next: number): boolean => {
    if (!inBody()) return false;
    const prev = tokens[first - 1];
    const before = startsStatement(first) || (prev !== undefined && (RELATION.has(prev.text) || prev.text === 'not' || prev.text === 'as'));
    if (!before) return false;
    if (tokens[next]?.text === '(' && tokens[next]!.start === tokens[next - 1]!.end) {
      // A call: only a whole call statement keeps its operator at the top.
      if (!(startsStatement(first) || prev?.text === 'not')) return false;
      let d = 0;
      let j = next;
      for (; j < tokens.length; j++) {
        if (tokens[j]!.text === '(') d++;
        else if (tokens[j]!.text === ')' && --d === 0) break;
      }
      return endsStatement(j + 1, j);
    }
    return endsStatement(next, next - 1) || RELATION.has(tokens[next]!.text);
  };
  while (k < tokens.length) {
    const t = tokens[k]!;
    const firstOnLine = k === 0 || endLine(tokens[k - 1]!) < t.line;
    if (depth === 0 && firstOnLine && t.kind === 'ident') {
      if (t.text === 'package' && tokens[k + 1]?.kind === 'ident') {
        const { ref, next } = readRef(src, tokens, k + 1);
        if (info.package === undefined) info.package = { path: ref, line: t.line };
        k = next;
        continue;
      }
      if (t.text === 'import' && tokens[k + 1]?.kind === 'ident') {
        const { ref, next } = readRef(src, tokens, k + 1);
        let alias: string | undefined;
        let after = next;
        if (tokens[next]?.text === 'as' && tokens[next + 1]?.kind === 'ident') {
          alias = tokens[next + 1]!.text;
          after = next + 2;
        }
        info.imports.push({ ref, alias, line: t.line });
        k = after;
        continue;
      }
      const nameTok = t.text === 'default' ? tokens[k + 1] : t;
      if (nameTok !== undefined && nameTok.kind === 'ident' && !KEYWORDS.has(nameTok.text)) {
        const follower = tokens[tokens.indexOf(nameTok) + 1];
        const refHead = follower !== undefined && follower.text === '.' && follower.start === nameTok.end;
        if (!refHead) info.ruleNames.add(nameTok.text);
      }
    }
    if (t.kind === 'punct') {
      if (t.text === '{' || t.text === '[' || t.text === '(') {
        depth++;
        const prev = tokens[k - 1];
        const literal =
          t.text !== '{' ||
          !inBody() ||
          (prev !== undefined && (/[=,(\[:|&+\-*/<>!]$/.test(prev.text) || prev.text === 'in') && prev.kind === 'punct') ||
          (prev !== undefined && prev.text === 'in') ||
          (stack.length > 0 && startsStatement(k));
        stack.push(literal ? 'nested' : 'body');
      } else if (t.text === '}' || t.text === ']' || t.text === ')') {
        depth--;
        stack.pop();
        if (depth < 0) {
          problems.push({ line: t.line, message: `unexpected ${t.text}` });
          depth = 0;
        }
      }
    }
    if (t.kind === 'ident' && t.text === 'data') {
      const prev = tokens[k - 1];
      const member = prev !== undefined && prev.text === '.' && prev.end === t.start;
      if (!member) {
        const { ref, next } = readRef(src, tokens, k);
        info.dataRefs.push({ ...ref, topLevel: isTopLevelTerm(k, next) });
      }
    }
    k++;
  }
  if (depth !== 0) problems.push({ line: tokens[tokens.length - 1]?.line ?? 1, message: 'unbalanced brackets' });
  return info;
}

/** True when `ref` is `base` or under it, comparing constant segments (`data.lib` vs `data["lib"]` alike). */
export function refHasPrefix(ref: RegoRef, root: string, base: readonly string[]): boolean {
  if (ref.root !== root || ref.segments.length < base.length) return false;
  return base.every((s, i) => ref.segments[i] === s);
}

export interface RewriteOptions {
  /** New package of an entry module, dotted (e.g. `preadmit.t1a2b.template`). Libs keep theirs, prefixed. */
  entryPackage?: string;
  /** Dotted path inserted between `data` and `lib` for libs and every `data.lib` reference (e.g. `preadmit.t1a2b.libs`). */
  libPrefix: string;
}

/**
 * Rewrites a module in place, token by token, so every line keeps its number: the package path, imports of
 * `data.lib...` and references under `data.lib` move under `libPrefix`. `data.inventory` is left alone.
 */
export function rewriteRego(src: string, info: RegoModuleInfo, options: RewriteOptions): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const pkg = info.package;
  if (pkg !== undefined) {
    if (options.entryPackage !== undefined) {
      edits.push({ start: pkg.path.start, end: pkg.path.end, text: options.entryPackage });
    } else {
      // `package lib.x` -> `package <prefix>.lib.x`
      edits.push({ start: pkg.path.start, end: pkg.path.start, text: `${options.libPrefix}.` });
    }
  }
  const moveLibRef = (ref: RegoRef): void => {
    if (refHasPrefix(ref, 'data', ['lib'])) {
      // `data.lib.x` -> `data.<prefix>.lib.x`; works for `data["lib"]` too.
      edits.push({ start: ref.start + 'data'.length, end: ref.start + 'data'.length, text: `.${options.libPrefix}` });
    }
  };
  for (const imp of info.imports) moveLibRef(imp.ref);
  // Gatekeeper's rewrite does not reach nested refs (see RegoRef.topLevel); neither does ours.
  for (const ref of info.dataRefs) if (ref.topLevel !== false) moveLibRef(ref);
  edits.sort((a, b) => b.start - a.start);
  let out = src;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
