// Go's regexp package (RE2 syntax with Perl flags, leftmost-first matching) over JavaScript RegExp.
//
// Rego's regex.* builtins and gator's assertion and --run regexes are Go regexps; Gatekeeper's messages
// and gator's errors depend on Go's exact behaviour. The expression is parsed the way regexp/syntax
// parses it (Go 1.26, which builds the pinned opa and gator), so that the same expressions are rejected
// with the same text ("error parsing regexp: missing closing ): `(a`"), and translated into a
// JavaScript RegExp (`v` mode) with the same matches. What JavaScript spells or means differently is
// rewritten: inline flags (i, m, s, U) scoped to groups, `\A` `\z`, `\Q…\E`, POSIX and Perl classes,
// `\pN` and Go's property names, octal and `\x{…}` escapes, literal `{`, repeated assertions, Go's
// simple case folding (applied here, never with JavaScript's `i` flag) and Go's definitions of `.`,
// `\s`, `^` and `$`. Named groups become plain groups (Go allows a name twice); their names are kept for
// `$name` in templates. The methods follow Go's iteration rules (FindAll, ReplaceAll, Split, Expand).
//
// Where a backtracking engine cannot give RE2's answer, this one does not either: a repeated group's
// captures are cleared on each iteration in JavaScript (`(?:(a)|b)+` on "ab" captures "" instead of
// "a"), an empty iteration of `*` or `+` is refused by JavaScript (`(|a)*` matches "aa", Go's ""), and
// matching time is not linear in the input. Unicode classes are Node's ICU tables, newer than Go's
// Unicode 15.0 (case folding is pinned to Go's). Go's nesting-depth limit is checked on a lower bound of
// its parse-tree height, and an expression JavaScript cannot compile (over 65535 groups) gets Go's
// catch-all error instead of a crash.
import vm from 'node:vm';

const GO_REGEXP_ERRORS = {
  invalidCharRange: 'invalid character class range',
  invalidEscape: 'invalid escape sequence',
  invalidNamedCapture: 'invalid named capture',
  invalidPerlOp: 'invalid or unsupported Perl syntax',
  invalidRepeatOp: 'invalid nested repetition operator',
  invalidRepeatSize: 'invalid repeat count',
  missingBracket: 'missing closing ]',
  missingParen: 'missing closing )',
  missingRepeatArgument: 'missing argument to repetition operator',
  trailingBackslash: 'trailing backslash at end of expression',
  unexpectedParen: 'unexpected )',
  nestingDepth: 'expression nests too deeply',
  large: 'expression too large',
} as const;

type GoRegexpErrorCode = (typeof GO_REGEXP_ERRORS)[keyof typeof GO_REGEXP_ERRORS];

/** regexp/syntax's *Error; `message` is what regexp.Compile's error prints. */
class GoRegexpSyntaxError extends Error {
  constructor(
    readonly code: GoRegexpErrorCode,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

const ERR = GO_REGEXP_ERRORS;

/** A compiled Go regexp: Go's *regexp.Regexp, with the JavaScript RegExp that implements it. */
export class GoRegexp {
  /** Stateless (no `g` flag): use `test`, or `exec` for the first match. */
  readonly regexp: RegExp;
  /** Go's SubexpNames() without its leading "": one entry per capture group, "" when unnamed. */
  readonly names: readonly string[];
  /** The JavaScript pattern (flag `v`). */
  readonly source: string;
  private readonly scanner: RegExp;

  constructor(
    readonly expr: string,
    source: string,
    names: string[],
  ) {
    this.source = source;
    this.regexp = new RegExp(source, 'v');
    this.scanner = new RegExp(source, 'gv');
    this.names = Object.freeze(names);
  }

  /** Go's MatchString. */
  matchString(s: string): boolean {
    this.scanner.lastIndex = 0;
    return this.scanner.test(s);
  }

  /** Go's allMatches: at most `n` matches (all when n < 0), no empty match right after a match. */
  findAll(s: string, n: number): RegExpExecArray[] {
    const out: RegExpExecArray[] = [];
    const limit = n < 0 ? Infinity : n;
    let pos = 0;
    let prevMatchEnd = -1;
    while (out.length < limit && pos <= s.length) {
      const m = this.execAt(s, pos);
      if (!m) break;
      const end = m.index + m[0].length;
      let accept = true;
      if (end === pos) {
        // An empty match where the search began; never right after the previous match.
        if (m.index === prevMatchEnd) accept = false;
        pos += runeWidthAt(s, pos);
      } else {
        pos = end;
      }
      prevMatchEnd = end;
      if (accept) out.push(m);
    }
    return out;
  }

  /** Go's FindAllString. */
  findAllString(s: string, n: number): string[] {
    return this.findAll(s, n).map((m) => m[0]);
  }

  /** Go's FindAllStringSubmatch; a group that took no part is "". */
  findAllStringSubmatch(s: string, n: number): string[][] {
    return this.findAll(s, n).map((m) => Array.from(m, (g) => g ?? ''));
  }

  /** Go's ReplaceAllString: `$1`, `${1}`, `$name`, `${name}` and `$$` in `template` are expanded. */
  replaceAllString(src: string, template: string): string {
    let out = '';
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= src.length) {
      const m = this.execAt(src, searchPos);
      if (!m) break;
      const start = m.index;
      const end = start + m[0].length;
      out += src.slice(lastMatchEnd, start);
      // No replacement for an empty match right after the previous match.
      if (end > lastMatchEnd || start === 0) out += this.expand(template, m);
      lastMatchEnd = end;
      const width = runeWidthAt(src, searchPos);
      if (searchPos + width > end) searchPos += width;
      else if (searchPos + 1 > end) searchPos++;
      else searchPos = end;
    }
    return out + src.slice(lastMatchEnd);
  }

  /** Go's Split: at most `n` pieces (all when n < 0). */
  split(s: string, n: number): string[] {
    if (n === 0) return [];
    if (this.expr.length > 0 && s.length === 0) return [''];
    const pieces: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.findAll(s, n)) {
      if (n > 0 && pieces.length >= n - 1) break;
      end = m.index;
      if (m.index + m[0].length !== 0) pieces.push(s.slice(beg, end));
      beg = m.index + m[0].length;
    }
    if (end !== s.length) pieces.push(s.slice(beg));
    return pieces;
  }

  /** Go's Regexp.Expand of `template` with the groups of `match`. */
  expand(template: string, match: RegExpExecArray): string {
    let out = '';
    let rest = template;
    for (;;) {
      const dollar = rest.indexOf('$');
      if (dollar < 0) break;
      out += rest.slice(0, dollar);
      rest = rest.slice(dollar + 1);
      if (rest.startsWith('$')) {
        out += '$';
        rest = rest.slice(1);
        continue;
      }
      const ref = extractTemplateRef(rest);
      if (!ref) {
        out += '$';
        continue;
      }
      rest = ref.rest;
      if (ref.num >= 0) {
        out += match[ref.num] ?? '';
      } else {
        // The first group of that name that took part in the match.
        for (let i = 0; i < this.names.length; i++) {
          if (this.names[i] === ref.name && match[i + 1] !== undefined) {
            out += match[i + 1];
            break;
          }
        }
      }
    }
    return out + rest;
  }

  private execAt(s: string, pos: number): RegExpExecArray | null {
    this.scanner.lastIndex = pos;
    return this.scanner.exec(s);
  }
}

/** regexp's extract: a group reference after `$`; num is -1 for a name. */
function extractTemplateRef(s: string): { name: string; num: number; rest: string } | undefined {
  let t = s;
  const brace = t.startsWith('{');
  if (brace) t = t.slice(1);
  let i = 0;
  for (const ch of t) {
    if (ch !== '_' && !/^[\p{L}\p{Nd}]$/u.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = t.slice(0, i);
  if (brace) {
    if (t[i] !== '}') return undefined;
    i++;
  }
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (ch.charCodeAt(0) - 0x30);
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: t.slice(i) };
}

function runeWidthAt(s: string, i: number): number {
  if (i >= s.length) return 1;
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Compilation, with a bounded cache: policies use a few expressions many times.

export type GoRegexpResult = GoRegexp | { error: string };

const CACHE_LIMIT = 1000;
const cache = new Map<string, GoRegexpResult>();

/** regexp.Compile: the compiled regexp, or `{error}` with Go's error text. Results are cached. */
export function compileGoRegexp(expr: string): GoRegexpResult {
  const hit = cache.get(expr);
  if (hit) return hit;
  const result = compileUncached(expr);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(expr, result);
  return result;
}

function compileUncached(expr: string): GoRegexpResult {
  let translated: { source: string; names: string[] };
  try {
    translated = new Translator(expr).translate();
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) return { error: e.message };
    throw e;
  }
  try {
    return new GoRegexp(expr, translated.source, translated.names);
  } catch {
    // JavaScript refused what Go accepts (its own size or nesting limits): report it as Go's
    // catch-all rather than crash.
    return { error: new GoRegexpSyntaxError(ERR.invalidPerlOp, expr).message };
  }
}

// ---------------------------------------------------------------------------------------------
// The translator: regexp/syntax's parser, producing JavaScript source instead of a parse tree.

interface Flags {
  fold: boolean;
  multiLine: boolean;
  dotNL: boolean;
  nonGreedy: boolean;
}

/** One parsed piece of the expression, already in JavaScript. */
interface Node {
  /** JavaScript source that a quantifier can follow once wrapped in `(?:…)`. */
  src: string;
  /** Largest product of `{n,m}` counts down any path (regexp/syntax repeatIsValid). */
  weight: number;
  /** A lower bound of its compiled size in Go's instructions (regexp/syntax checkSize). */
  size: number;
  /** A lower bound of its height in Go's parse tree (regexp/syntax checkHeight). */
  height: number;
  /** A single literal rune: Go merges a run of them into one node. */
  literal: boolean;
  /** For a bare concatenation (a non-capturing group), the height of its tallest part: Go flattens it into an enclosing one. */
  concatOf?: number;
}

interface Frame {
  /** Flags when the group opened, restored when it closes. */
  flags: Flags;
  /** Capture group index (1-based), or 0 for a non-capturing group or the top level. */
  capture: number;
  alternatives: Node[];
  atoms: Node[];
}

type Range = [number, number];
const MAX_RUNE = 0x10ffff;
const MAX_HEIGHT = 1000;
const MAX_REPEAT = 1000;
/** regexp/syntax maxSize: 128 MB of 40-byte instructions. */
const MAX_SIZE = Math.floor((128 << 20) / 40);

const PERL_CLASSES: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

function sortedRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function negateRanges(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sortedRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** A code point in JavaScript `v`-mode source, inside or outside a class. */
function jsChar(c: number): string {
  return isAlnum(c) ? String.fromCodePoint(c) : `\\u{${c.toString(16)}}`;
}

function jsRanges(ranges: Range[]): string {
  return sortedRanges(ranges)
    .map(([lo, hi]) => (lo === hi ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`))
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Simple case folding (Go's unicode.SimpleFold orbits), derived from JavaScript's `iu` matching,
// which folds with the same Unicode simple case folding.

interface FoldTables {
  /** Every code point whose orbit has two or more members, ascending. */
  cased: number[];
  orbit: Map<number, number[]>;
}

let foldTables: FoldTables | undefined;

// Go 1.26 folds with Unicode 15.0 tables; Node's ICU knows the case pairs added since (Unicode 16 and
// 17). In Go these code points have no fold partner.
const UNFOLDED_IN_GO: Range[] = [
  [0x19b, 0x19b], [0x264, 0x264], [0x1c89, 0x1c8a], [0xa7cb, 0xa7cf], [0xa7d2, 0xa7d5], [0xa7da, 0xa7dc],
  [0x10d50, 0x10d65], [0x10d70, 0x10d85], [0x16ea0, 0x16eb8], [0x16ebb, 0x16ed3],
];

function unfoldedInGo(c: number): boolean {
  return UNFOLDED_IN_GO.some(([lo, hi]) => c >= lo && c <= hi);
}

function getFoldTables(): FoldTables {
  if (foldTables) return foldTables;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    parent.set(ra, ra);
    parent.set(rb, ra);
    parent.set(a, ra);
    parent.set(b, ra);
  };
  const sameFold = (a: number, b: number): boolean => new RegExp(`^${jsChar(a)}$`, 'iu').test(String.fromCodePoint(b));
  // Cased letters end below U+1F000 (Adlam is the last script with case).
  for (let c = 0; c < 0x1f000; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || unfoldedInGo(c)) continue;
    const ch = String.fromCodePoint(c);
    for (const mapped of [ch.toLowerCase(), ch.toUpperCase()]) {
      const d = mapped.codePointAt(0)!;
      if (d === c || mapped !== String.fromCodePoint(d) || unfoldedInGo(d)) continue;
      // A pair that maps both ways folds together; others (ı → I, ſ → S) are asked of JavaScript.
      const back = String.fromCodePoint(d);
      if (back.toLowerCase() === ch || back.toUpperCase() === ch || sameFold(c, d)) union(c, d);
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    const g = groups.get(root) ?? [];
    g.push(c);
    groups.set(root, g);
  }
  const orbit = new Map<number, number[]>();
  for (const g of groups.values()) {
    g.sort((a, b) => a - b);
    for (const c of g) orbit.set(c, g);
  }
  foldTables = { cased: [...orbit.keys()].sort((a, b) => a - b), orbit };
  return foldTables;
}

function foldOrbit(c: number): readonly number[] {
  return getFoldTables().orbit.get(c) ?? [c];
}

/** The ranges with every code point's case-fold orbit added (regexp/syntax appendFoldedRange). */
function foldRanges(ranges: Range[]): Range[] {
  const { cased, orbit } = getFoldTables();
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    let i = lowerBound(cased, lo);
    for (; i < cased.length && cased[i]! <= hi; i++) for (const v of orbit.get(cased[i]!)!) out.push([v, v]);
  }
  return sortedRanges(out);
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const foldedPropertyCache = new Map<string, Range[]>();

/** Code points outside property `js` whose fold orbit meets it (Go's FoldCategory / FoldScript). */
function foldedPropertyExtras(js: string): Range[] {
  const hit = foldedPropertyCache.get(js);
  if (hit) return hit;
  const inProp = new RegExp(`^\\p{${js}}$`, 'v');
  const { cased, orbit } = getFoldTables();
  const extras: Range[] = [];
  for (const c of cased) {
    if (inProp.test(String.fromCodePoint(c))) continue;
    if (orbit.get(c)!.some((d) => inProp.test(String.fromCodePoint(d)))) extras.push([c, c]);
  }
  foldedPropertyCache.set(js, extras);
  return extras;
}

// ---------------------------------------------------------------------------------------------
// Unicode classes by Go's names (regexp/syntax unicodeTable).

/** regexp/syntax canonicalName: separators dropped, first letter upper case, the rest lower case. */
function canonicalName(name: string): string {
  let out = '';
  let first = true;
  for (const ch of name) {
    if (ch === '_' || ch === '-' || ch === ' ') continue;
    if (first) {
      out += ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
      first = false;
    } else out += ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  return out;
}

const GO_CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

// Go looks scripts up by canonical name in unicode.Scripts, whose keys are the scripts' long names;
// only the one-word names are reachable that way (Go rejects `\p{Old_Italic}`), so only they are here.
const GO_SCRIPTS = new Set(
  (
    'Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille ' +
    'Buginese Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret ' +
    'Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati ' +
    'Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi ' +
    'Kharoshthi Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam ' +
    'Mandaic Manichaean Marchen Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari ' +
    'Newa Nko Nushu Ogham Oriya Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada ' +
    'Shavian Siddham Sinhala Sogdian Soyombo Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut ' +
    'Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi'
  ).split(' '),
);

/** unicode.CategoryAliases by canonical name. */
const GO_CATEGORY_ALIASES: Record<string, string> = {
  Casedletter: 'LC', Closepunctuation: 'Pe', Combiningmark: 'M', Connectorpunctuation: 'Pc', Control: 'Cc',
  Currencysymbol: 'Sc', Dashpunctuation: 'Pd', Decimalnumber: 'Nd', Enclosingmark: 'Me', Finalpunctuation: 'Pf',
  Format: 'Cf', Initialpunctuation: 'Pi', Letter: 'L', Letternumber: 'Nl', Lineseparator: 'Zl',
  Lowercaseletter: 'Ll', Mark: 'M', Mathsymbol: 'Sm', Modifierletter: 'Lm', Modifiersymbol: 'Sk',
  Nonspacingmark: 'Mn', Number: 'N', Openpunctuation: 'Ps', Other: 'C', Otherletter: 'Lo', Othernumber: 'No',
  Otherpunctuation: 'Po', Othersymbol: 'So', Paragraphseparator: 'Zp', Privateuse: 'Co', Punctuation: 'P',
  Separator: 'Z', Spaceseparator: 'Zs', Spacingmark: 'Mc', Surrogate: 'Cs', Symbol: 'S', Titlecaseletter: 'Lt',
  Unassigned: 'Cn', Uppercaseletter: 'Lu', Cntrl: 'Cc', Digit: 'Nd', Punct: 'P',
};

/** The JavaScript property (inside `\p{…}`) for a Go class name, or undefined when Go has none. */
function jsUnicodeProperty(name: string): string | undefined {
  const c = canonicalName(name);
  switch (c) {
    case 'Any':
      return 'Any';
    case 'Assigned':
      return 'Assigned';
    case 'Ascii':
      return 'ASCII';
    case 'Lc':
      return 'gc=LC';
  }
  if (GO_CATEGORIES.has(c)) return `gc=${c}`;
  if (GO_SCRIPTS.has(c)) return `sc=${c}`;
  const alias = GO_CATEGORY_ALIASES[c];
  return alias === undefined ? undefined : `gc=${alias}`;
}

/** A Unicode class as a class member: `\p{…}`, with its fold orbits when folding. */
function jsProperty(js: string, negated: boolean, fold: boolean): string {
  const extras = fold ? foldedPropertyExtras(js) : [];
  if (extras.length === 0) return `${negated ? '\\P' : '\\p'}{${js}}`;
  return negated ? `[^\\p{${js}}${jsRanges(extras)}]` : `\\p{${js}}${jsRanges(extras)}`;
}

// ---------------------------------------------------------------------------------------------

function leaf(src: string, literal = false): Node {
  return { src, weight: 1, size: 1, height: 1, literal };
}

/** A concatenation of nodes as one node; Go merges literal runs and flattens nested concatenations. */
function concatNode(atoms: Node[]): Node {
  if (atoms.length === 1) return atoms[0]!;
  if (atoms.length === 0) return leaf('');
  let parts = 0;
  let tallest = 0;
  let weight = 1;
  let size = 0;
  let previousLiteral = false;
  for (const a of atoms) {
    weight = Math.max(weight, a.weight);
    size += a.size;
    if (a.concatOf !== undefined) {
      tallest = Math.max(tallest, a.concatOf);
      parts += 2;
    } else {
      tallest = Math.max(tallest, a.height);
      if (!(a.literal && previousLiteral)) parts++;
    }
    previousLiteral = a.literal;
  }
  const src = atoms.map((a) => a.src).join('');
  if (parts <= 1) return { src, weight, size, height: tallest, literal: false };
  return { src, weight, size, height: tallest + 1, literal: false, concatOf: tallest };
}

/** Alternatives as one node; only the largest counts, since Go may merge them into a class or factor them. */
function alternateNode(alternatives: Node[]): Node {
  if (alternatives.length === 1) return alternatives[0]!;
  return {
    src: alternatives.map((a) => a.src).join('|'),
    weight: alternatives.reduce((m, a) => Math.max(m, a.weight), 0),
    size: alternatives.reduce((m, a) => Math.max(m, a.size), 0),
    height: alternatives.reduce((m, a) => Math.max(m, a.height), 0),
    literal: false,
  };
}

class Translator {
  private t: string;
  private flags: Flags = { fold: false, multiLine: false, dotNL: false, nonGreedy: false };
  private readonly stack: Frame[] = [];
  private frame: Frame = { flags: this.flags, capture: 0, alternatives: [], atoms: [] };
  private readonly names: string[] = [];

  constructor(private readonly whole: string) {
    this.t = whole;
  }

  translate(): { source: string; names: string[] } {
    let lastRepeat = '';
    while (this.t !== '') {
      let repeat = '';
      const c = this.t[0]!;
      switch (c) {
        case '(':
          if (this.t.length >= 2 && this.t[1] === '?') this.parsePerlFlags();
          else {
            this.openGroup('');
            this.t = this.t.slice(1);
          }
          break;
        case '|':
          this.frame.alternatives.push(concatNode(this.frame.atoms));
          this.frame.atoms = [];
          this.t = this.t.slice(1);
          break;
        case ')':
          this.closeGroup();
          this.t = this.t.slice(1);
          break;
        case '^':
          this.push(leaf(this.flags.multiLine ? '(?<![^\\n])' : '^'));
          this.t = this.t.slice(1);
          break;
        case '$':
          this.push(leaf(this.flags.multiLine ? '(?![^\\n])' : '$'));
          this.t = this.t.slice(1);
          break;
        case '.':
          // Not `[^]`: Node 20's `v` mode mistranslates it under a quantifier.
          this.push(leaf(this.flags.dotNL ? '[\\u{0}-\\u{10ffff}]' : '[^\\n]'));
          this.t = this.t.slice(1);
          break;
        case '[':
          this.parseClass();
          break;
        case '*':
        case '+':
        case '?': {
          const before = this.t;
          this.t = this.repeat(before, before.slice(1), lastRepeat, c, -1, -1);
          repeat = before;
          break;
        }
        case '{': {
          const before = this.t;
          const parsed = parseRepeat(this.t);
          if (parsed === undefined) {
            // Not a repetition: `{` is a literal.
            this.literal(0x7b);
            this.t = this.t.slice(1);
            break;
          }
          const { min, max, after } = parsed;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw new GoRegexpSyntaxError(ERR.invalidRepeatSize, before.slice(0, before.length - after.length));
          }
          const q = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
          this.t = this.repeat(before, after, lastRepeat, q, min, max);
          repeat = before;
          break;
        }
        case '\\':
          this.parseBackslash();
          break;
        default: {
          const cp = this.t.codePointAt(0)!;
          this.literal(cp);
          this.t = this.t.slice(cp > 0xffff ? 2 : 1);
        }
      }
      lastRepeat = repeat;
    }
    if (this.stack.length > 0) throw new GoRegexpSyntaxError(ERR.missingParen, this.whole);
    const top = alternateNode([...this.frame.alternatives, concatNode(this.frame.atoms)]);
    this.checkLimits(top);
    return { source: top.src, names: this.names };
  }

  private push(node: Node): void {
    this.frame.atoms.push(node);
  }

  private checkLimits(node: Node): void {
    if (node.size > MAX_SIZE) throw new GoRegexpSyntaxError(ERR.large, this.whole);
    if (node.height > MAX_HEIGHT) throw new GoRegexpSyntaxError(ERR.nestingDepth, this.whole);
  }

  /** regexp/syntax repeat: `min`/`max` are -1 for `*`, `+` and `?`, which never count as `{n,m}`. */
  private repeat(before: string, afterOp: string, lastRepeat: string, quantifier: string, min: number, max: number): string {
    let after = afterOp;
    let nonGreedy = this.flags.nonGreedy;
    if (after.startsWith('?')) {
      after = after.slice(1);
      nonGreedy = !nonGreedy;
    }
    if (lastRepeat !== '') throw new GoRegexpSyntaxError(ERR.invalidRepeatOp, lastRepeat.slice(0, lastRepeat.length - after.length));
    const atoms = this.frame.atoms;
    const sub = atoms[atoms.length - 1];
    if (!sub) throw new GoRegexpSyntaxError(ERR.missingRepeatArgument, before.slice(0, before.length - after.length));
    const counted = quantifier.startsWith('{');
    // repeatIsValid: a {0} cuts off what it repeats; {n,} counts n.
    const factor = !counted || max === 0 ? 1 : Math.max(max < 0 ? min : max, 1);
    const node: Node = {
      src: `(?:${sub.src})${quantifier}${nonGreedy ? '?' : ''}`,
      weight: counted && max === 0 ? 1 : factor * sub.weight,
      size: repeatSize(quantifier[0]!, min, max, sub.size),
      height: sub.height + 1,
      literal: false,
    };
    atoms[atoms.length - 1] = node;
    this.checkLimits(node);
    if (counted && (min >= 2 || max >= 2) && node.weight > MAX_REPEAT) {
      throw new GoRegexpSyntaxError(ERR.invalidRepeatSize, before.slice(0, before.length - after.length));
    }
    return after;
  }

  private openGroup(name: string | undefined): void {
    this.stack.push(this.frame);
    let capture = 0;
    if (name !== undefined) {
      this.names.push(name);
      capture = this.names.length;
    }
    this.frame = { flags: { ...this.flags }, capture, alternatives: [], atoms: [] };
  }

  private closeGroup(): void {
    const parent = this.stack.pop();
    if (!parent) throw new GoRegexpSyntaxError(ERR.unexpectedParen, this.whole);
    const body = alternateNode([...this.frame.alternatives, concatNode(this.frame.atoms)]);
    let node: Node;
    if (this.frame.capture > 0) {
      node = { src: `(${body.src})`, weight: body.weight, size: body.size + 2, height: body.height + 1, literal: false };
      this.checkLimits(node);
    } else {
      node = { ...body, src: `(?:${body.src})` };
    }
    this.flags = this.frame.flags;
    this.frame = parent;
    this.push(node);
  }

  private parsePerlFlags(): void {
    const s = this.t;
    const startsWithP = s.length > 4 && s[2] === 'P' && s[3] === '<';
    const startsWithName = s.length > 3 && s[2] === '<';
    if (startsWithP || startsWithName) {
      const end = s.indexOf('>');
      if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidNamedCapture, s);
      const name = s.slice(startsWithP ? 4 : 3, end);
      if (name === '' || ![...name].every((ch) => ch === '_' || isAlnum(ch.codePointAt(0)!))) {
        throw new GoRegexpSyntaxError(ERR.invalidNamedCapture, s.slice(0, end + 1));
      }
      this.openGroup(name);
      this.t = s.slice(end + 1);
      return;
    }
    let t = s.slice(2);
    const flags = { ...this.flags };
    let sign = 1;
    let sawFlag = false;
    const set = (f: keyof Flags): void => {
      flags[f] = sign > 0;
      sawFlag = true;
    };
    while (t !== '') {
      const c = String.fromCodePoint(t.codePointAt(0)!);
      t = t.slice(c.length);
      if (c === 'i') set('fold');
      else if (c === 'm') set('multiLine');
      else if (c === 's') set('dotNL');
      else if (c === 'U') set('nonGreedy');
      else if (c === '-') {
        if (sign < 0) break;
        sign = -1;
        sawFlag = false;
      } else if (c === ':' || c === ')') {
        if (sign < 0 && !sawFlag) break;
        if (c === ':') this.openGroup(undefined);
        this.flags = flags;
        this.t = t;
        return;
      } else break;
    }
    throw new GoRegexpSyntaxError(ERR.invalidPerlOp, s.slice(0, s.length - t.length));
  }

  private literal(c: number): void {
    if (this.flags.fold) {
      const orbit = foldOrbit(c);
      if (orbit.length > 1) {
        this.push(leaf(`[${orbit.map(jsChar).join('')}]`, true));
        return;
      }
    }
    this.push(leaf(jsChar(c), true));
  }

  private parseBackslash(): void {
    const t = this.t;
    if (t.length >= 2) {
      switch (t[1]) {
        case 'A':
          this.push(leaf('^'));
          this.t = t.slice(2);
          return;
        case 'b':
          this.push(leaf('\\b'));
          this.t = t.slice(2);
          return;
        case 'B':
          this.push(leaf('\\B'));
          this.t = t.slice(2);
          return;
        case 'C':
          throw new GoRegexpSyntaxError(ERR.invalidEscape, t.slice(0, 2));
        case 'Q': {
          const rest = t.slice(2);
          const end = rest.indexOf('\\E');
          const lit = end < 0 ? rest : rest.slice(0, end);
          this.t = end < 0 ? '' : rest.slice(end + 2);
          for (const ch of lit) this.literal(ch.codePointAt(0)!);
          return;
        }
        case 'z':
          this.push(leaf('$'));
          this.t = t.slice(2);
          return;
      }
    }
    const u = parseUnicodeClass(t);
    if (u) {
      this.push(leaf(`[${jsProperty(u.js, u.negated, this.flags.fold)}]`));
      this.t = u.rest;
      return;
    }
    const perl = parsePerlClassEscape(t);
    if (perl) {
      this.push(leaf(`[${jsRanges(this.group(perl.ranges, perl.negated))}]`));
      this.t = perl.rest;
      return;
    }
    const { rune, rest } = parseEscape(t);
    this.literal(rune);
    this.t = rest;
  }

  /** regexp/syntax appendGroup: folded first, then negated. */
  private group(ranges: Range[], negated: boolean): Range[] {
    const r = this.flags.fold ? foldRanges(ranges) : ranges;
    return negated ? negateRanges(r) : r;
  }

  private parseClass(): void {
    const whole = this.t;
    let t = whole.slice(1);
    let negated = false;
    if (t.startsWith('^')) {
      negated = true;
      t = t.slice(1);
    }
    const ranges: Range[] = [];
    const props: string[] = [];
    let first = true;
    while (t === '' || t[0] !== ']' || first) {
      first = false;
      if (t.length > 2 && t[0] === '[' && t[1] === ':') {
        const i = t.indexOf(':]', 2);
        if (i >= 0) {
          const name = t.slice(0, i + 2);
          const inner = name.slice(2, -2);
          const neg = inner.startsWith('^');
          const cls = POSIX_CLASSES[neg ? inner.slice(1) : inner];
          if (!cls) throw new GoRegexpSyntaxError(ERR.invalidCharRange, name);
          ranges.push(...this.group(cls, neg));
          t = t.slice(i + 2);
          continue;
        }
      }
      const u = parseUnicodeClass(t);
      if (u) {
        props.push(jsProperty(u.js, u.negated, this.flags.fold));
        t = u.rest;
        continue;
      }
      const perl = parsePerlClassEscape(t);
      if (perl) {
        ranges.push(...this.group(perl.ranges, perl.negated));
        t = perl.rest;
        continue;
      }
      const rng = t;
      let lo: number;
      ({ rune: lo, rest: t } = parseClassChar(t, whole));
      let hi = lo;
      // [a-] means a or -.
      if (t.length >= 2 && t[0] === '-' && t[1] !== ']') {
        t = t.slice(1);
        ({ rune: hi, rest: t } = parseClassChar(t, whole));
        if (hi < lo) throw new GoRegexpSyntaxError(ERR.invalidCharRange, rng.slice(0, rng.length - t.length));
      }
      ranges.push(...(this.flags.fold ? foldRanges([[lo, hi]]) : [[lo, hi] as Range]));
    }
    this.t = t.slice(1);
    this.push(leaf(`[${negated ? '^' : ''}${jsRanges(ranges)}${props.join('')}]`));
  }
}

/** regexp/syntax calcSize of a repetition (`op` is `*`, `+`, `?` or `{`). */
function repeatSize(op: string, min: number, max: number, sub: number): number {
  if (op === '*') return 2 + sub;
  if (op === '+' || op === '?') return 1 + sub;
  if (max === -1) return min === 0 ? 2 + sub : 1 + min * sub;
  return Math.max(1, max * sub + (max - min));
}

/** `\pN`, `\p{Name}`, `\p{^Name}`, `\PN`; undefined when `s` is no such escape; throws on unknown names. */
function parseUnicodeClass(s: string): { js: string; negated: boolean; rest: string } | undefined {
  if (s.length < 2 || s[0] !== '\\' || (s[1] !== 'p' && s[1] !== 'P')) return undefined;
  let negated = s[1] === 'P';
  let t = s.slice(2);
  let seq: string;
  let name: string;
  const c = t === '' ? '' : String.fromCodePoint(t.codePointAt(0)!);
  t = t.slice(c.length);
  if (c !== '{') {
    seq = s.slice(0, s.length - t.length);
    name = seq.slice(2);
  } else {
    const end = s.indexOf('}');
    if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidCharRange, s);
    seq = s.slice(0, end + 1);
    t = s.slice(end + 1);
    name = s.slice(3, end);
  }
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const js = jsUnicodeProperty(name);
  if (js === undefined) throw new GoRegexpSyntaxError(ERR.invalidCharRange, seq);
  return { js, negated, rest: t };
}

function parseClassChar(s: string, wholeClass: string): { rune: number; rest: string } {
  if (s === '') throw new GoRegexpSyntaxError(ERR.missingBracket, wholeClass);
  if (s[0] === '\\') return parseEscape(s);
  const cp = s.codePointAt(0)!;
  return { rune: cp, rest: s.slice(cp > 0xffff ? 2 : 1) };
}

function parsePerlClassEscape(s: string): { ranges: Range[]; negated: boolean; rest: string } | undefined {
  if (s.length < 2 || s[0] !== '\\') return undefined;
  const c = s[1]!;
  if (!'dDsSwW'.includes(c)) return undefined;
  return { ranges: PERL_CLASSES[c.toLowerCase()]!, negated: c !== c.toLowerCase(), rest: s.slice(2) };
}

/** regexp/syntax parseEscape: one escaped rune. */
function parseEscape(s: string): { rune: number; rest: string } {
  let t = s.slice(1);
  if (t === '') throw new GoRegexpSyntaxError(ERR.trailingBackslash, '');
  const next = (): number => {
    if (t === '') return -1;
    const cp = t.codePointAt(0)!;
    t = t.slice(cp > 0xffff ? 2 : 1);
    return cp;
  };
  const invalid = (): never => {
    throw new GoRegexpSyntaxError(ERR.invalidEscape, s.slice(0, s.length - t.length));
  };
  const c = next();
  const ch = String.fromCodePoint(c);
  // Escaped punctuation is itself; \_ too, but no other letter or digit.
  if (c < 0x80 && !isAlnum(c)) return { rune: c, rest: t };
  const isOctal = (x: string | undefined): boolean => x !== undefined && x >= '0' && x <= '7';
  // \1 alone would be a backreference, which Go does not support.
  if ((ch >= '1' && ch <= '7' && isOctal(t[0])) || ch === '0') {
    let r = c - 0x30;
    for (let i = 1; i < 3; i++) {
      if (!isOctal(t[0])) break;
      r = r * 8 + (t.charCodeAt(0) - 0x30);
      t = t.slice(1);
    }
    return { rune: r, rest: t };
  }
  if (ch === 'x') {
    if (t === '') return invalid();
    const d = next();
    if (d === 0x7b) {
      let nhex = 0;
      let r = 0;
      for (;;) {
        if (t === '') return invalid();
        const h = next();
        if (h === 0x7d) break;
        const v = unhex(h);
        if (v < 0) return invalid();
        r = r * 16 + v;
        if (r > MAX_RUNE) return invalid();
        nhex++;
      }
      if (nhex === 0) return invalid();
      return { rune: r, rest: t };
    }
    const x = unhex(d);
    const y = unhex(next());
    if (x < 0 || y < 0) return invalid();
    return { rune: x * 16 + y, rest: t };
  }
  const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (simple[ch] !== undefined) return { rune: simple[ch]!, rest: t };
  return invalid();
}

/** regexp/syntax parseRepeat: `{n}`, `{n,}`, `{n,m}`; undefined when `{` is a literal; min -1 when too big. */
function parseRepeat(s: string): { min: number; max: number; after: string } | undefined {
  let t = s.slice(1);
  const int = (): number | undefined => {
    const m = /^[0-9]+/.exec(t);
    if (!m) return undefined;
    const digits = m[0];
    if (digits.length >= 2 && digits[0] === '0') return undefined;
    t = t.slice(digits.length);
    return digits.length > 8 ? -1 : Number(digits);
  };
  const min = int();
  if (min === undefined) return undefined;
  let max: number;
  let lo = min;
  if (t === '') return undefined;
  if (t[0] !== ',') max = min;
  else {
    t = t.slice(1);
    if (t === '') return undefined;
    if (t[0] === '}') max = -1;
    else {
      const m = int();
      if (m === undefined) return undefined;
      max = m;
      if (max < 0) lo = -1;
    }
  }
  if (t === '' || t[0] !== '}') return undefined;
  return { min: lo, max, after: t.slice(1) };
}


/** How long one match may take where patterns come from untrusted files (JavaScript's engine backtracks). */
/** Go's regexp.QuoteMeta: a backslash before each of `\.+*?()|[]{}^$`. */
export function goQuoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}

export const MATCH_TIME_LIMIT_MS = 1_000;

/**
 * `regexp.test(text)` with a time limit. RE2 matches in linear time; JavaScript's backtracking engine can
 * take forever on a hostile pattern, so a match that runs past the limit is stopped and reported as
 * `'timeout'` rather than hanging the run.
 */
const matchContext = vm.createContext({ re: /(?:)/, s: '' }) as { re: RegExp; s: string };
const matchScript = new vm.Script('re.test(s)');

export function testWithin(regexp: RegExp, text: string, ms: number = MATCH_TIME_LIMIT_MS): boolean | 'timeout' {
  matchContext.re = regexp;
  matchContext.s = text;
  try {
    return matchScript.runInContext(matchContext, { timeout: ms }) as boolean;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    throw e;
  }
}
