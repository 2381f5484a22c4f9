// src/opa/eval-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/opa/builtins.ts
import { createHash, createHmac } from "node:crypto";

// src/go/regexp.ts
import vm from "node:vm";
var GO_REGEXP_ERRORS = {
  invalidCharRange: "invalid character class range",
  invalidEscape: "invalid escape sequence",
  invalidNamedCapture: "invalid named capture",
  invalidPerlOp: "invalid or unsupported Perl syntax",
  invalidRepeatOp: "invalid nested repetition operator",
  invalidRepeatSize: "invalid repeat count",
  missingBracket: "missing closing ]",
  missingParen: "missing closing )",
  missingRepeatArgument: "missing argument to repetition operator",
  trailingBackslash: "trailing backslash at end of expression",
  unexpectedParen: "unexpected )",
  nestingDepth: "expression nests too deeply",
  large: "expression too large"
};
var GoRegexpSyntaxError = class extends Error {
  constructor(code, expr) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.code = code;
    this.expr = expr;
  }
  code;
  expr;
};
var ERR = GO_REGEXP_ERRORS;
var GoRegexp = class {
  constructor(expr, source, names) {
    this.expr = expr;
    this.source = source;
    this.regexp = new RegExp(source, "v");
    this.scanner = new RegExp(source, "gv");
    this.names = Object.freeze(names);
  }
  expr;
  /** Stateless (no `g` flag): use `test`, or `exec` for the first match. */
  regexp;
  /** Go's SubexpNames() without its leading "": one entry per capture group, "" when unnamed. */
  names;
  /** The JavaScript pattern (flag `v`). */
  source;
  scanner;
  /** Go's MatchString. */
  matchString(s) {
    this.scanner.lastIndex = 0;
    return this.scanner.test(s);
  }
  /** Go's allMatches: at most `n` matches (all when n < 0), no empty match right after a match. */
  findAll(s, n) {
    const out = [];
    const limit = n < 0 ? Infinity : n;
    let pos = 0;
    let prevMatchEnd = -1;
    while (out.length < limit && pos <= s.length) {
      const m = this.execAt(s, pos);
      if (!m) break;
      const end = m.index + m[0].length;
      let accept = true;
      if (end === pos) {
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
  findAllString(s, n) {
    return this.findAll(s, n).map((m) => m[0]);
  }
  /** Go's FindAllStringSubmatch; a group that took no part is "". */
  findAllStringSubmatch(s, n) {
    return this.findAll(s, n).map((m) => Array.from(m, (g) => g ?? ""));
  }
  /** Go's ReplaceAllString: `$1`, `${1}`, `$name`, `${name}` and `$$` in `template` are expanded. */
  replaceAllString(src, template) {
    let out = "";
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= src.length) {
      const m = this.execAt(src, searchPos);
      if (!m) break;
      const start = m.index;
      const end = start + m[0].length;
      out += src.slice(lastMatchEnd, start);
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
  split(s, n) {
    if (n === 0) return [];
    if (this.expr.length > 0 && s.length === 0) return [""];
    const pieces = [];
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
  expand(template, match2) {
    let out = "";
    let rest = template;
    for (; ; ) {
      const dollar = rest.indexOf("$");
      if (dollar < 0) break;
      out += rest.slice(0, dollar);
      rest = rest.slice(dollar + 1);
      if (rest.startsWith("$")) {
        out += "$";
        rest = rest.slice(1);
        continue;
      }
      const ref = extractTemplateRef(rest);
      if (!ref) {
        out += "$";
        continue;
      }
      rest = ref.rest;
      if (ref.num >= 0) {
        out += match2[ref.num] ?? "";
      } else {
        for (let i = 0; i < this.names.length; i++) {
          if (this.names[i] === ref.name && match2[i + 1] !== void 0) {
            out += match2[i + 1];
            break;
          }
        }
      }
    }
    return out + rest;
  }
  execAt(s, pos) {
    this.scanner.lastIndex = pos;
    return this.scanner.exec(s);
  }
};
function extractTemplateRef(s) {
  let t = s;
  const brace = t.startsWith("{");
  if (brace) t = t.slice(1);
  let i = 0;
  for (const ch of t) {
    if (ch !== "_" && !/^[\p{L}\p{Nd}]$/u.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return void 0;
  const name = t.slice(0, i);
  if (brace) {
    if (t[i] !== "}") return void 0;
    i++;
  }
  let num2 = 0;
  for (const ch of name) {
    if (ch < "0" || ch > "9" || num2 >= 1e8) {
      num2 = -1;
      break;
    }
    num2 = num2 * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === "0" && name.length > 1) num2 = -1;
  return { name, num: num2, rest: t.slice(i) };
}
function runeWidthAt(s, i) {
  if (i >= s.length) return 1;
  return (s.codePointAt(i) ?? 0) > 65535 ? 2 : 1;
}
var CACHE_LIMIT = 1e3;
var cache = /* @__PURE__ */ new Map();
function compileGoRegexp(expr) {
  const hit = cache.get(expr);
  if (hit) return hit;
  const result = compileUncached(expr);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value);
  cache.set(expr, result);
  return result;
}
function compileUncached(expr) {
  let translated;
  try {
    translated = new Translator(expr).translate();
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) return { error: e.message };
    throw e;
  }
  try {
    return new GoRegexp(expr, translated.source, translated.names);
  } catch {
    return { error: new GoRegexpSyntaxError(ERR.invalidPerlOp, expr).message };
  }
}
var MAX_RUNE = 1114111;
var MAX_HEIGHT = 1e3;
var MAX_REPEAT = 1e3;
var MAX_SIZE = Math.floor((128 << 20) / 40);
var PERL_CLASSES = {
  d: [[48, 57]],
  s: [
    [9, 10],
    [12, 13],
    [32, 32]
  ],
  w: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122]
  ]
};
var POSIX_CLASSES = {
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122]
  ],
  alpha: [
    [65, 90],
    [97, 122]
  ],
  ascii: [[0, 127]],
  blank: [
    [9, 9],
    [32, 32]
  ],
  cntrl: [
    [0, 31],
    [127, 127]
  ],
  digit: [[48, 57]],
  graph: [[33, 126]],
  lower: [[97, 122]],
  print: [[32, 126]],
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126]
  ],
  space: [
    [9, 13],
    [32, 32]
  ],
  upper: [[65, 90]],
  word: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122]
  ],
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102]
  ]
};
function sortedRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
function negateRanges(ranges) {
  const out = [];
  let next = 0;
  for (const [lo, hi] of sortedRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}
function isAlnum(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function unhex(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 97 + 10;
  if (c >= 65 && c <= 70) return c - 65 + 10;
  return -1;
}
function jsChar(c) {
  return isAlnum(c) ? String.fromCodePoint(c) : `\\u{${c.toString(16)}}`;
}
function jsRanges(ranges) {
  return sortedRanges(ranges).map(([lo, hi]) => lo === hi ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`).join("");
}
var foldTables;
var UNFOLDED_IN_GO = [
  [411, 411],
  [612, 612],
  [7305, 7306],
  [42955, 42959],
  [42962, 42965],
  [42970, 42972],
  [68944, 68965],
  [68976, 68997],
  [93856, 93880],
  [93883, 93907]
];
function unfoldedInGo(c) {
  return UNFOLDED_IN_GO.some(([lo, hi]) => c >= lo && c <= hi);
}
function getFoldTables() {
  if (foldTables) return foldTables;
  const parent = /* @__PURE__ */ new Map();
  const find = (x) => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r);
    return r;
  };
  const union = (a, b) => {
    const ra = find(a);
    const rb = find(b);
    parent.set(ra, ra);
    parent.set(rb, ra);
    parent.set(a, ra);
    parent.set(b, ra);
  };
  const sameFold = (a, b) => new RegExp(`^${jsChar(a)}$`, "iu").test(String.fromCodePoint(b));
  for (let c = 0; c < 126976; c++) {
    if (c >= 55296 && c <= 57343 || unfoldedInGo(c)) continue;
    const ch = String.fromCodePoint(c);
    for (const mapped of [ch.toLowerCase(), ch.toUpperCase()]) {
      const d = mapped.codePointAt(0);
      if (d === c || mapped !== String.fromCodePoint(d) || unfoldedInGo(d)) continue;
      const back = String.fromCodePoint(d);
      if (back.toLowerCase() === ch || back.toUpperCase() === ch || sameFold(c, d)) union(c, d);
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const c of parent.keys()) {
    const root = find(c);
    const g = groups.get(root) ?? [];
    g.push(c);
    groups.set(root, g);
  }
  const orbit = /* @__PURE__ */ new Map();
  for (const g of groups.values()) {
    g.sort((a, b) => a - b);
    for (const c of g) orbit.set(c, g);
  }
  foldTables = { cased: [...orbit.keys()].sort((a, b) => a - b), orbit };
  return foldTables;
}
function foldOrbit(c) {
  return getFoldTables().orbit.get(c) ?? [c];
}
function foldRanges(ranges) {
  const { cased, orbit } = getFoldTables();
  const out = [...ranges];
  for (const [lo, hi] of ranges) {
    let i = lowerBound(cased, lo);
    for (; i < cased.length && cased[i] <= hi; i++) for (const v of orbit.get(cased[i])) out.push([v, v]);
  }
  return sortedRanges(out);
}
function lowerBound(xs, x) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var foldedPropertyCache = /* @__PURE__ */ new Map();
function foldedPropertyExtras(js) {
  const hit = foldedPropertyCache.get(js);
  if (hit) return hit;
  const inProp = new RegExp(`^\\p{${js}}$`, "v");
  const { cased, orbit } = getFoldTables();
  const extras = [];
  for (const c of cased) {
    if (inProp.test(String.fromCodePoint(c))) continue;
    if (orbit.get(c).some((d) => inProp.test(String.fromCodePoint(d)))) extras.push([c, c]);
  }
  foldedPropertyCache.set(js, extras);
  return extras;
}
function canonicalName(name) {
  let out = "";
  let first = true;
  for (const ch of name) {
    if (ch === "_" || ch === "-" || ch === " ") continue;
    if (first) {
      out += ch >= "a" && ch <= "z" ? ch.toUpperCase() : ch;
      first = false;
    } else out += ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch;
  }
  return out;
}
var GO_CATEGORIES = new Set(
  "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" ")
);
var GO_SCRIPTS = new Set(
  "Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu Ogham Oriya Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala Sogdian Soyombo Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi".split(" ")
);
var GO_CATEGORY_ALIASES = {
  Casedletter: "LC",
  Closepunctuation: "Pe",
  Combiningmark: "M",
  Connectorpunctuation: "Pc",
  Control: "Cc",
  Currencysymbol: "Sc",
  Dashpunctuation: "Pd",
  Decimalnumber: "Nd",
  Enclosingmark: "Me",
  Finalpunctuation: "Pf",
  Format: "Cf",
  Initialpunctuation: "Pi",
  Letter: "L",
  Letternumber: "Nl",
  Lineseparator: "Zl",
  Lowercaseletter: "Ll",
  Mark: "M",
  Mathsymbol: "Sm",
  Modifierletter: "Lm",
  Modifiersymbol: "Sk",
  Nonspacingmark: "Mn",
  Number: "N",
  Openpunctuation: "Ps",
  Other: "C",
  Otherletter: "Lo",
  Othernumber: "No",
  Otherpunctuation: "Po",
  Othersymbol: "So",
  Paragraphseparator: "Zp",
  Privateuse: "Co",
  Punctuation: "P",
  Separator: "Z",
  Spaceseparator: "Zs",
  Spacingmark: "Mc",
  Surrogate: "Cs",
  Symbol: "S",
  Titlecaseletter: "Lt",
  Unassigned: "Cn",
  Uppercaseletter: "Lu",
  Cntrl: "Cc",
  Digit: "Nd",
  Punct: "P"
};
function jsUnicodeProperty(name) {
  const c = canonicalName(name);
  switch (c) {
    case "Any":
      return "Any";
    case "Assigned":
      return "Assigned";
    case "Ascii":
      return "ASCII";
    case "Lc":
      return "gc=LC";
  }
  if (GO_CATEGORIES.has(c)) return `gc=${c}`;
  if (GO_SCRIPTS.has(c)) return `sc=${c}`;
  const alias = GO_CATEGORY_ALIASES[c];
  return alias === void 0 ? void 0 : `gc=${alias}`;
}
function jsProperty(js, negated, fold) {
  const extras = fold ? foldedPropertyExtras(js) : [];
  if (extras.length === 0) return `${negated ? "\\P" : "\\p"}{${js}}`;
  return negated ? `[^\\p{${js}}${jsRanges(extras)}]` : `\\p{${js}}${jsRanges(extras)}`;
}
function leaf(src, literal = false) {
  return { src, weight: 1, size: 1, height: 1, literal };
}
function concatNode(atoms) {
  if (atoms.length === 1) return atoms[0];
  if (atoms.length === 0) return leaf("");
  let parts = 0;
  let tallest = 0;
  let weight = 1;
  let size = 0;
  let previousLiteral = false;
  for (const a of atoms) {
    weight = Math.max(weight, a.weight);
    size += a.size;
    if (a.concatOf !== void 0) {
      tallest = Math.max(tallest, a.concatOf);
      parts += 2;
    } else {
      tallest = Math.max(tallest, a.height);
      if (!(a.literal && previousLiteral)) parts++;
    }
    previousLiteral = a.literal;
  }
  const src = atoms.map((a) => a.src).join("");
  if (parts <= 1) return { src, weight, size, height: tallest, literal: false };
  return { src, weight, size, height: tallest + 1, literal: false, concatOf: tallest };
}
function alternateNode(alternatives) {
  if (alternatives.length === 1) return alternatives[0];
  return {
    src: alternatives.map((a) => a.src).join("|"),
    weight: alternatives.reduce((m, a) => Math.max(m, a.weight), 0),
    size: alternatives.reduce((m, a) => Math.max(m, a.size), 0),
    height: alternatives.reduce((m, a) => Math.max(m, a.height), 0),
    literal: false
  };
}
var Translator = class {
  constructor(whole) {
    this.whole = whole;
    this.t = whole;
  }
  whole;
  t;
  flags = { fold: false, multiLine: false, dotNL: false, nonGreedy: false };
  stack = [];
  frame = { flags: this.flags, capture: 0, alternatives: [], atoms: [] };
  names = [];
  translate() {
    let lastRepeat = "";
    while (this.t !== "") {
      let repeat = "";
      const c = this.t[0];
      switch (c) {
        case "(":
          if (this.t.length >= 2 && this.t[1] === "?") this.parsePerlFlags();
          else {
            this.openGroup("");
            this.t = this.t.slice(1);
          }
          break;
        case "|":
          this.frame.alternatives.push(concatNode(this.frame.atoms));
          this.frame.atoms = [];
          this.t = this.t.slice(1);
          break;
        case ")":
          this.closeGroup();
          this.t = this.t.slice(1);
          break;
        case "^":
          this.push(leaf(this.flags.multiLine ? "(?<![^\\n])" : "^"));
          this.t = this.t.slice(1);
          break;
        case "$":
          this.push(leaf(this.flags.multiLine ? "(?![^\\n])" : "$"));
          this.t = this.t.slice(1);
          break;
        case ".":
          this.push(leaf(this.flags.dotNL ? "[\\u{0}-\\u{10ffff}]" : "[^\\n]"));
          this.t = this.t.slice(1);
          break;
        case "[":
          this.parseClass();
          break;
        case "*":
        case "+":
        case "?": {
          const before = this.t;
          this.t = this.repeat(before, before.slice(1), lastRepeat, c, -1, -1);
          repeat = before;
          break;
        }
        case "{": {
          const before = this.t;
          const parsed = parseRepeat(this.t);
          if (parsed === void 0) {
            this.literal(123);
            this.t = this.t.slice(1);
            break;
          }
          const { min, max, after } = parsed;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
            throw new GoRegexpSyntaxError(ERR.invalidRepeatSize, before.slice(0, before.length - after.length));
          }
          const q = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
          this.t = this.repeat(before, after, lastRepeat, q, min, max);
          repeat = before;
          break;
        }
        case "\\":
          this.parseBackslash();
          break;
        default: {
          const cp = this.t.codePointAt(0);
          this.literal(cp);
          this.t = this.t.slice(cp > 65535 ? 2 : 1);
        }
      }
      lastRepeat = repeat;
    }
    if (this.stack.length > 0) throw new GoRegexpSyntaxError(ERR.missingParen, this.whole);
    const top = alternateNode([...this.frame.alternatives, concatNode(this.frame.atoms)]);
    this.checkLimits(top);
    return { source: top.src, names: this.names };
  }
  push(node) {
    this.frame.atoms.push(node);
  }
  checkLimits(node) {
    if (node.size > MAX_SIZE) throw new GoRegexpSyntaxError(ERR.large, this.whole);
    if (node.height > MAX_HEIGHT) throw new GoRegexpSyntaxError(ERR.nestingDepth, this.whole);
  }
  /** regexp/syntax repeat: `min`/`max` are -1 for `*`, `+` and `?`, which never count as `{n,m}`. */
  repeat(before, afterOp, lastRepeat, quantifier, min, max) {
    let after = afterOp;
    let nonGreedy = this.flags.nonGreedy;
    if (after.startsWith("?")) {
      after = after.slice(1);
      nonGreedy = !nonGreedy;
    }
    if (lastRepeat !== "") throw new GoRegexpSyntaxError(ERR.invalidRepeatOp, lastRepeat.slice(0, lastRepeat.length - after.length));
    const atoms = this.frame.atoms;
    const sub = atoms[atoms.length - 1];
    if (!sub) throw new GoRegexpSyntaxError(ERR.missingRepeatArgument, before.slice(0, before.length - after.length));
    const counted = quantifier.startsWith("{");
    const factor = !counted || max === 0 ? 1 : Math.max(max < 0 ? min : max, 1);
    const node = {
      src: `(?:${sub.src})${quantifier}${nonGreedy ? "?" : ""}`,
      weight: counted && max === 0 ? 1 : factor * sub.weight,
      size: repeatSize(quantifier[0], min, max, sub.size),
      height: sub.height + 1,
      literal: false
    };
    atoms[atoms.length - 1] = node;
    this.checkLimits(node);
    if (counted && (min >= 2 || max >= 2) && node.weight > MAX_REPEAT) {
      throw new GoRegexpSyntaxError(ERR.invalidRepeatSize, before.slice(0, before.length - after.length));
    }
    return after;
  }
  openGroup(name) {
    this.stack.push(this.frame);
    let capture = 0;
    if (name !== void 0) {
      this.names.push(name);
      capture = this.names.length;
    }
    this.frame = { flags: { ...this.flags }, capture, alternatives: [], atoms: [] };
  }
  closeGroup() {
    const parent = this.stack.pop();
    if (!parent) throw new GoRegexpSyntaxError(ERR.unexpectedParen, this.whole);
    const body = alternateNode([...this.frame.alternatives, concatNode(this.frame.atoms)]);
    let node;
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
  parsePerlFlags() {
    const s = this.t;
    const startsWithP = s.length > 4 && s[2] === "P" && s[3] === "<";
    const startsWithName = s.length > 3 && s[2] === "<";
    if (startsWithP || startsWithName) {
      const end = s.indexOf(">");
      if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidNamedCapture, s);
      const name = s.slice(startsWithP ? 4 : 3, end);
      if (name === "" || ![...name].every((ch) => ch === "_" || isAlnum(ch.codePointAt(0)))) {
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
    const set = (f) => {
      flags[f] = sign > 0;
      sawFlag = true;
    };
    while (t !== "") {
      const c = String.fromCodePoint(t.codePointAt(0));
      t = t.slice(c.length);
      if (c === "i") set("fold");
      else if (c === "m") set("multiLine");
      else if (c === "s") set("dotNL");
      else if (c === "U") set("nonGreedy");
      else if (c === "-") {
        if (sign < 0) break;
        sign = -1;
        sawFlag = false;
      } else if (c === ":" || c === ")") {
        if (sign < 0 && !sawFlag) break;
        if (c === ":") this.openGroup(void 0);
        this.flags = flags;
        this.t = t;
        return;
      } else break;
    }
    throw new GoRegexpSyntaxError(ERR.invalidPerlOp, s.slice(0, s.length - t.length));
  }
  literal(c) {
    if (this.flags.fold) {
      const orbit = foldOrbit(c);
      if (orbit.length > 1) {
        this.push(leaf(`[${orbit.map(jsChar).join("")}]`, true));
        return;
      }
    }
    this.push(leaf(jsChar(c), true));
  }
  parseBackslash() {
    const t = this.t;
    if (t.length >= 2) {
      switch (t[1]) {
        case "A":
          this.push(leaf("^"));
          this.t = t.slice(2);
          return;
        case "b":
          this.push(leaf("\\b"));
          this.t = t.slice(2);
          return;
        case "B":
          this.push(leaf("\\B"));
          this.t = t.slice(2);
          return;
        case "C":
          throw new GoRegexpSyntaxError(ERR.invalidEscape, t.slice(0, 2));
        case "Q": {
          const rest2 = t.slice(2);
          const end = rest2.indexOf("\\E");
          const lit = end < 0 ? rest2 : rest2.slice(0, end);
          this.t = end < 0 ? "" : rest2.slice(end + 2);
          for (const ch of lit) this.literal(ch.codePointAt(0));
          return;
        }
        case "z":
          this.push(leaf("$"));
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
  group(ranges, negated) {
    const r = this.flags.fold ? foldRanges(ranges) : ranges;
    return negated ? negateRanges(r) : r;
  }
  parseClass() {
    const whole = this.t;
    let t = whole.slice(1);
    let negated = false;
    if (t.startsWith("^")) {
      negated = true;
      t = t.slice(1);
    }
    const ranges = [];
    const props = [];
    let first = true;
    while (t === "" || t[0] !== "]" || first) {
      first = false;
      if (t.length > 2 && t[0] === "[" && t[1] === ":") {
        const i = t.indexOf(":]", 2);
        if (i >= 0) {
          const name = t.slice(0, i + 2);
          const inner = name.slice(2, -2);
          const neg = inner.startsWith("^");
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
      let lo;
      ({ rune: lo, rest: t } = parseClassChar(t, whole));
      let hi = lo;
      if (t.length >= 2 && t[0] === "-" && t[1] !== "]") {
        t = t.slice(1);
        ({ rune: hi, rest: t } = parseClassChar(t, whole));
        if (hi < lo) throw new GoRegexpSyntaxError(ERR.invalidCharRange, rng.slice(0, rng.length - t.length));
      }
      ranges.push(...this.flags.fold ? foldRanges([[lo, hi]]) : [[lo, hi]]);
    }
    this.t = t.slice(1);
    this.push(leaf(`[${negated ? "^" : ""}${jsRanges(ranges)}${props.join("")}]`));
  }
};
function repeatSize(op, min, max, sub) {
  if (op === "*") return 2 + sub;
  if (op === "+" || op === "?") return 1 + sub;
  if (max === -1) return min === 0 ? 2 + sub : 1 + min * sub;
  return Math.max(1, max * sub + (max - min));
}
function parseUnicodeClass(s) {
  if (s.length < 2 || s[0] !== "\\" || s[1] !== "p" && s[1] !== "P") return void 0;
  let negated = s[1] === "P";
  let t = s.slice(2);
  let seq;
  let name;
  const c = t === "" ? "" : String.fromCodePoint(t.codePointAt(0));
  t = t.slice(c.length);
  if (c !== "{") {
    seq = s.slice(0, s.length - t.length);
    name = seq.slice(2);
  } else {
    const end = s.indexOf("}");
    if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidCharRange, s);
    seq = s.slice(0, end + 1);
    t = s.slice(end + 1);
    name = s.slice(3, end);
  }
  if (name.startsWith("^")) {
    negated = !negated;
    name = name.slice(1);
  }
  const js = jsUnicodeProperty(name);
  if (js === void 0) throw new GoRegexpSyntaxError(ERR.invalidCharRange, seq);
  return { js, negated, rest: t };
}
function parseClassChar(s, wholeClass) {
  if (s === "") throw new GoRegexpSyntaxError(ERR.missingBracket, wholeClass);
  if (s[0] === "\\") return parseEscape(s);
  const cp = s.codePointAt(0);
  return { rune: cp, rest: s.slice(cp > 65535 ? 2 : 1) };
}
function parsePerlClassEscape(s) {
  if (s.length < 2 || s[0] !== "\\") return void 0;
  const c = s[1];
  if (!"dDsSwW".includes(c)) return void 0;
  return { ranges: PERL_CLASSES[c.toLowerCase()], negated: c !== c.toLowerCase(), rest: s.slice(2) };
}
function parseEscape(s) {
  let t = s.slice(1);
  if (t === "") throw new GoRegexpSyntaxError(ERR.trailingBackslash, "");
  const next = () => {
    if (t === "") return -1;
    const cp = t.codePointAt(0);
    t = t.slice(cp > 65535 ? 2 : 1);
    return cp;
  };
  const invalid2 = () => {
    throw new GoRegexpSyntaxError(ERR.invalidEscape, s.slice(0, s.length - t.length));
  };
  const c = next();
  const ch = String.fromCodePoint(c);
  if (c < 128 && !isAlnum(c)) return { rune: c, rest: t };
  const isOctal = (x) => x !== void 0 && x >= "0" && x <= "7";
  if (ch >= "1" && ch <= "7" && isOctal(t[0]) || ch === "0") {
    let r = c - 48;
    for (let i = 1; i < 3; i++) {
      if (!isOctal(t[0])) break;
      r = r * 8 + (t.charCodeAt(0) - 48);
      t = t.slice(1);
    }
    return { rune: r, rest: t };
  }
  if (ch === "x") {
    if (t === "") return invalid2();
    const d = next();
    if (d === 123) {
      let nhex = 0;
      let r = 0;
      for (; ; ) {
        if (t === "") return invalid2();
        const h = next();
        if (h === 125) break;
        const v = unhex(h);
        if (v < 0) return invalid2();
        r = r * 16 + v;
        if (r > MAX_RUNE) return invalid2();
        nhex++;
      }
      if (nhex === 0) return invalid2();
      return { rune: r, rest: t };
    }
    const x = unhex(d);
    const y = unhex(next());
    if (x < 0 || y < 0) return invalid2();
    return { rune: x * 16 + y, rest: t };
  }
  const simple = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (simple[ch] !== void 0) return { rune: simple[ch], rest: t };
  return invalid2();
}
function parseRepeat(s) {
  let t = s.slice(1);
  const int = () => {
    const m = /^[0-9]+/.exec(t);
    if (!m) return void 0;
    const digits = m[0];
    if (digits.length >= 2 && digits[0] === "0") return void 0;
    t = t.slice(digits.length);
    return digits.length > 8 ? -1 : Number(digits);
  };
  const min = int();
  if (min === void 0) return void 0;
  let max;
  let lo = min;
  if (t === "") return void 0;
  if (t[0] !== ",") max = min;
  else {
    t = t.slice(1);
    if (t === "") return void 0;
    if (t[0] === "}") max = -1;
    else {
      const m = int();
      if (m === void 0) return void 0;
      max = m;
      if (max < 0) lo = -1;
    }
  }
  if (t === "" || t[0] !== "}") return void 0;
  return { min: lo, max, after: t.slice(1) };
}
function goQuoteMeta(s) {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}
var matchContext = vm.createContext({ re: /(?:)/, s: "" });
var matchScript = new vm.Script("re.test(s)");

// src/go/strconv.ts
var NEWER_THAN_GO_UNICODE = [
  2191,
  2191,
  2199,
  2199,
  3164,
  3164,
  3292,
  3292,
  6863,
  6877,
  6880,
  6891,
  6990,
  6991,
  7039,
  7039,
  7305,
  7306,
  8385,
  8385,
  9255,
  9257,
  11158,
  11158,
  12284,
  12287,
  12772,
  12773,
  12783,
  12783,
  42955,
  42959,
  42962,
  42962,
  42964,
  42964,
  42970,
  42972,
  42993,
  42993,
  64451,
  64466,
  64912,
  64913,
  64968,
  64974,
  67008,
  67059,
  67904,
  67929,
  68928,
  68965,
  68969,
  68997,
  69006,
  69007,
  69314,
  69319,
  69328,
  69336,
  69370,
  69372,
  70528,
  70537,
  70539,
  70539,
  70542,
  70542,
  70544,
  70581,
  70583,
  70592,
  70594,
  70594,
  70597,
  70597,
  70599,
  70602,
  70604,
  70613,
  70615,
  70616,
  70625,
  70626,
  71376,
  71395,
  72544,
  72551,
  72640,
  72673,
  72688,
  72697,
  73136,
  73179,
  73184,
  73193,
  73562,
  73562,
  78944,
  82938,
  90368,
  90425,
  93504,
  93561,
  93856,
  93880,
  93883,
  93907,
  94194,
  94198,
  100344,
  100351,
  101631,
  101631,
  101641,
  101662,
  101760,
  101874,
  117760,
  118012,
  118016,
  118451,
  118458,
  118480,
  118496,
  118512,
  124368,
  124410,
  124415,
  124415,
  124608,
  124638,
  124640,
  124661,
  124670,
  124671,
  128728,
  128728,
  128887,
  128890,
  129202,
  129211,
  129216,
  129217,
  129232,
  129240,
  129620,
  129623,
  129673,
  129674,
  129678,
  129679,
  129726,
  129726,
  129734,
  129734,
  129736,
  129736,
  129741,
  129741,
  129756,
  129756,
  129759,
  129759,
  129769,
  129770,
  129775,
  129775,
  129995,
  130031,
  130042,
  130042,
  177978,
  177983,
  183970,
  183981,
  191472,
  192093,
  205744,
  210041
];
var GRAPHIC_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
function isGoPrintable(cp) {
  if (cp < 128) return cp >= 32 && cp < 127;
  if (cp >= 55296 && cp <= 57343) return false;
  if (cp > 1114111) return false;
  if (!GRAPHIC_RE.test(String.fromCodePoint(cp))) return false;
  for (let i = 0; i < NEWER_THAN_GO_UNICODE.length; i += 2) {
    const lo = NEWER_THAN_GO_UNICODE[i];
    if (cp < lo) break;
    if (cp <= NEWER_THAN_GO_UNICODE[i + 1]) return false;
  }
  return true;
}
function hex(n, width) {
  return n.toString(16).padStart(width, "0");
}
function escapeRune(cp, quote, mode) {
  if (cp === quote || cp === 92) return "\\" + String.fromCodePoint(cp);
  if (mode === "ascii" ? cp < 128 && isGoPrintable(cp) : isGoPrintable(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 7:
      return mode === "json" ? "\\u0007" : "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return mode === "json" ? "\\u000b" : "\\v";
  }
  if (cp < 32 || cp === 127) return mode === "json" ? "\\u00" + hex(cp, 2) : "\\x" + hex(cp, 2);
  if (cp >= 55296 && cp <= 57343 || cp > 1114111) cp = 65533;
  if (cp < 65536) return "\\u" + hex(cp, 4);
  if (mode === "json") {
    const s = String.fromCodePoint(cp);
    return "\\u" + hex(s.charCodeAt(0), 4) + "\\u" + hex(s.charCodeAt(1), 4);
  }
  return "\\U" + hex(cp, 8);
}
function quoteWith(s, quote, mode) {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += escapeRune(cp >= 55296 && cp <= 57343 ? 65533 : cp, quote, mode);
  }
  return out + String.fromCharCode(quote);
}
function goQuote(s, asciiOnly = false) {
  return quoteWith(s, 34, asciiOnly ? "ascii" : "go");
}
function goQuoteRune(cp, asciiOnly = false) {
  if (cp > 1114111 || cp < 0 || cp >= 55296 && cp <= 57343) cp = 65533;
  return "'" + escapeRune(cp, 39, asciiOnly ? "ascii" : "go") + "'";
}
function goFloatText(n) {
  return formatFloatG(n, 64);
}
function goFloat32Text(n) {
  return formatFloatG(Math.fround(n), 32);
}
function formatFloatG(n, bitSize) {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const abs = Math.abs(n);
  if (abs >= 1e-4 && abs < 1e6 && bitSize === 64) return String(n);
  const [mantissa, expText] = (bitSize === 32 ? shortestFloat32(n) : n.toExponential()).split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    const digits2 = String(Math.abs(exp)).padStart(2, "0");
    return `${mantissa}e${sign}${digits2}`;
  }
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  let text;
  if (exp < 0) text = `0.${"0".repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) text = digits + "0".repeat(exp + 1 - digits.length);
  else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${text}` : text;
}
function shortestFloat32(f) {
  for (let p = 1; p < 9; p++) {
    const t = f.toExponential(p - 1);
    if (Math.fround(Number(t)) === f) return t;
  }
  return f.toExponential(8);
}

// src/go/strings.ts
function goCompare(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if ((ca >= 55296 && ca <= 57343) !== (cb >= 55296 && cb <= 57343)) return a.codePointAt(i) < b.codePointAt(i) ? -1 : 1;
    return ca < cb ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

// src/opa/rego-value.ts
var regoNull = { t: "null" };
var regoTrue = { t: "boolean", v: true };
var regoFalse = { t: "boolean", v: false };
function regoBool(v) {
  return v ? regoTrue : regoFalse;
}
function regoString(v) {
  return { t: "string", v };
}
function regoNumber(v) {
  return { t: "number", v: typeof v === "string" ? v : v.toString() };
}
function regoArray(v) {
  return { t: "array", v };
}
var NUMBER_RE = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
function isNumberText(text) {
  return NUMBER_RE.test(text);
}
var ValueParser = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  parseAll() {
    const value = this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail("unexpected trailing text");
    return value;
  }
  fail(msg) {
    throw new Error(`rego value: ${msg} at offset ${this.pos}`);
  }
  ws() {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
  value(depth) {
    if (depth > 1e4) this.fail("nesting too deep");
    this.ws();
    const c = this.text[this.pos];
    switch (c) {
      case void 0:
        return this.fail("unexpected end of text");
      case '"':
        return { t: "string", v: this.string() };
      case "[":
        return this.array(depth);
      case "{":
        return this.objectOrSet(depth);
      case "n":
        return this.atom("null", regoNull);
      case "t":
        return this.atom("true", regoTrue);
      case "f":
        return this.atom("false", regoFalse);
      case "s":
        return this.emptySet();
      default:
        if (c === "-" || c >= "0" && c <= "9") return this.number();
        return this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }
  atom(word, value) {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}`);
    this.pos += word.length;
    return value;
  }
  emptySet() {
    if (!this.text.startsWith("set(", this.pos)) this.fail("expected set()");
    this.pos += 4;
    this.ws();
    if (this.text[this.pos] !== ")") this.fail("expected )");
    this.pos++;
    return { t: "set", v: [] };
  }
  number() {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 1e5));
    if (!m || m[0] === "" || m[0] === "-") this.fail("bad number");
    this.pos += m[0].length;
    return { t: "number", v: m[0] };
  }
  string() {
    this.pos++;
    let out = "";
    let start = this.pos;
    for (; ; ) {
      if (this.pos >= this.text.length) this.fail("unterminated string");
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 32) this.fail("control character in string");
      if (c !== 92) {
        this.pos++;
        continue;
      }
      out += this.text.slice(start, this.pos);
      const e = this.text[this.pos + 1];
      this.pos += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case "\\":
          out += "\\";
          break;
        case "/":
          out += "/";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "	";
          break;
        case "u": {
          const hex2 = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex2)) this.fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex2, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail("bad escape");
      }
      start = this.pos;
    }
  }
  array(depth) {
    this.pos++;
    const items = [];
    this.ws();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { t: "array", v: items };
    }
    for (; ; ) {
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.text[this.pos++];
      if (c === "]") return { t: "array", v: items };
      if (c !== ",") this.fail("expected , or ]");
    }
  }
  objectOrSet(depth) {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return { t: "object", v: [] };
    }
    const first = this.value(depth + 1);
    this.ws();
    if (this.text[this.pos] === ":") {
      this.pos++;
      const pairs = [[first, this.value(depth + 1)]];
      for (; ; ) {
        this.ws();
        const c = this.text[this.pos++];
        if (c === "}") return { t: "object", v: pairs };
        if (c !== ",") this.fail("expected , or }");
        const k = this.value(depth + 1);
        this.ws();
        if (this.text[this.pos++] !== ":") this.fail("expected :");
        pairs.push([k, this.value(depth + 1)]);
      }
    }
    const elems = [first];
    for (; ; ) {
      this.ws();
      const c = this.text[this.pos++];
      if (c === "}") return { t: "set", v: elems };
      if (c !== ",") this.fail("expected , or }");
      elems.push(this.value(depth + 1));
    }
  }
};
function parseRegoValue(text) {
  return new ValueParser(text).parseAll();
}
var TYPE_ORDER = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 7,
  object: 8,
  set: 9
};
function parseDecimal(text) {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return void 0;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return void 0;
  const expPart = m[4] === void 0 ? 0 : Number(m[4]);
  if (!Number.isFinite(expPart) || Math.abs(expPart) > 1e9) return void 0;
  const digits = (int + frac).replace(/^0+/, "");
  const mant = digits === "" ? 0n : BigInt(digits);
  return { neg: m[1] === "-" && mant !== 0n, mant, exp: expPart - frac.length };
}
function decimalMagnitude(d) {
  return d.mant.toString().length + d.exp;
}
function compareNumberText(a, b) {
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
  let abs;
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
function sortedSet(elems) {
  const sorted = [...elems].sort(compareRegoValues);
  return sorted.filter((v, i) => i === 0 || compareRegoValues(sorted[i - 1], v) !== 0);
}
function sortedObject(pairs) {
  return [...pairs].sort((p, q) => compareRegoValues(p[0], q[0]));
}
function compareRegoValues(a, b) {
  if (a.t !== b.t) return TYPE_ORDER[a.t] < TYPE_ORDER[b.t] ? -1 : 1;
  switch (a.t) {
    case "null":
      return 0;
    case "boolean": {
      const bv = b.v;
      return a.v === bv ? 0 : a.v ? 1 : -1;
    }
    case "number":
      return compareNumberText(a.v, b.v);
    case "string":
      return goCompare(a.v, b.v);
    case "array":
      return compareLists(a.v, b.v);
    case "set":
      return compareLists(sortedSet(a.v), sortedSet(b.v));
    case "object": {
      const ka = sortedObject(a.v);
      const kb = sortedObject(b.v);
      const n = Math.min(ka.length, kb.length);
      for (let i = 0; i < n; i++) {
        const [k1, v1] = ka[i];
        const [k2, v2] = kb[i];
        const c = compareRegoValues(k1, k2) || compareRegoValues(v1, v2);
        if (c !== 0) return c;
      }
      return ka.length - kb.length;
    }
  }
}
function compareLists(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareRegoValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function regoValuesEqual(a, b) {
  return compareRegoValues(a, b) === 0;
}
function appendText(value, quote) {
  switch (value.t) {
    case "null":
      return "null";
    case "boolean":
      return value.v ? "true" : "false";
    case "number":
      return value.v;
    case "string":
      return quote(value.v);
    case "array":
      return "[" + value.v.map((x) => appendText(x, quote)).join(", ") + "]";
    case "set":
      if (value.v.length === 0) return "set()";
      return "{" + sortedSet(value.v).map((x) => appendText(x, quote)).join(", ") + "}";
    case "object":
      return "{" + sortedObject(value.v).map(([k, v]) => appendText(k, quote) + ": " + appendText(v, quote)).join(", ") + "}";
  }
}
function regoTermString(value) {
  return appendText(value, (s) => quoteWith(s, 34, "go"));
}
function formatRegoValue(value) {
  return appendText(value, (s) => quoteWith(s, 34, "json"));
}
function goJsonSurrogates(json) {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return json;
  return json.replace(
    /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|(u[dD][89a-fA-F][0-9a-fA-F]{2})|[^])/g,
    (all, lone) => lone === void 0 ? all : "\\ufffd"
  );
}

// src/go/json.ts
var PLAIN_STRING = /^[\x20-\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;
function goString(s) {
  if (PLAIN_STRING.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 32 || ch === "<" || ch === ">" || ch === "&" || c === 8232 || c === 8233) {
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else if (c >= 55296 && c <= 57343) {
      out += "\uFFFD";
    } else out += ch;
  }
  return `${out}"`;
}

// src/go/base64.ts
function goBase64Std(s) {
  const t = s.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return void 0;
  return Buffer.from(t, "base64");
}

// src/go/glob-intersection.ts
var GlobSyntaxError = class extends Error {
};
var END = /* @__PURE__ */ Symbol("end of input");
function invalid(input, pos, message) {
  throw new GlobSyntaxError(`input:${String.fromCodePoint(...input)}, pos:${pos}, ${message}: the input provided is invalid`);
}
function nextRune(input, i) {
  if (i >= input.length) return END;
  if (input[i] === 92) {
    if (i === input.length - 1) invalid(input, i, "input ends with a \\ (escape) character");
    return [i + 2, input[i + 1], true];
  }
  return [i + 1, input[i], false];
}
function normalise(cps) {
  const sorted = [...cps].sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
function tokenSet(input, i) {
  const ranges = [];
  let prev = 0;
  let prevExists = false;
  let at2 = i;
  for (; ; ) {
    const r = nextRune(input, at2);
    if (r === END) invalid(input, at2, "found [ without matching ]");
    const [next, cp, escaped] = r;
    at2 = next;
    if (!escaped && cp === 45) {
      if (!prevExists) invalid(input, at2, "range character '-' must be preceded by a Unicode character");
      if (at2 >= input.length - 1) invalid(input, at2, "range character '-' must be followed by a Unicode character");
      const to = nextRune(input, at2);
      at2 = to[0];
      if (!to[2] && (to[1] === 93 || to[1] === 45)) invalid(input, at2, "range character '-' cannot be followed by a special symbol");
      if (to[1] < prev) invalid(input, at2, "range is out of order");
      ranges.push([prev, to[1]]);
      prevExists = false;
    } else if (!escaped && cp === 93) {
      return [at2, { kind: "set", ranges: normalise(ranges), flag: "none" }];
    } else {
      ranges.push([cp, cp]);
      prev = cp;
      prevExists = true;
    }
  }
}
function tokenize(text) {
  const input = Array.from(text, (c) => c.codePointAt(0));
  const tokens = [];
  let i = 0;
  for (; ; ) {
    const r = nextRune(input, i);
    if (r === END) return tokens;
    const [next, cp, escaped] = r;
    i = next;
    let token;
    if (escaped) token = { kind: "char", cp, flag: "none" };
    else if (cp === 46) token = { kind: "dot", flag: "none" };
    else if (cp === 93) invalid(input, i, "set-close ']' with no preceding '['");
    else if (cp === 91) [i, token] = tokenSet(input, i);
    else if (cp === 43 || cp === 42) invalid(input, i, `flag '${String.fromCodePoint(cp)}' must be preceded by a non-flag`);
    else token = { kind: "char", cp, flag: "none" };
    const f = nextRune(input, i);
    if (f !== END && !f[2] && (f[1] === 43 || f[1] === 42)) {
      token.flag = f[1] === 43 ? "plus" : "star";
      i = f[0];
    }
    tokens.push(token);
  }
}
function sameRanges(a, b) {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i][0] && hi === b[i][1]);
}
function equal(a, b) {
  if (a.kind !== b.kind) return false;
  if (a.kind === "char") return a.cp === b.cp;
  if (a.kind === "set") return sameRanges(a.ranges, b.ranges);
  return true;
}
function simplify(tokens) {
  const out = [];
  for (const t of tokens) {
    const latest = out[out.length - 1];
    if (latest && t.flag !== "none" && latest.flag !== "none" && equal(t, latest)) {
      latest.flag = t.flag === "plus" || latest.flag === "plus" ? "plus" : "star";
      continue;
    }
    out.push(t);
  }
  return out;
}
function inRanges(ranges, cp) {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}
function match(a, b) {
  if (a.kind === "dot" || b.kind === "dot") return true;
  if (a.kind === "char" && b.kind === "char") return a.cp === b.cp;
  if (a.kind === "char") return inRanges(b.ranges, a.cp);
  if (b.kind === "char") return inRanges(a.ranges, b.cp);
  return a.ranges.some(([lo, hi]) => b.ranges.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}
function trim(g1, g2) {
  let l = 0;
  for (; l < g1.length && l < g2.length && g1[l].flag === "none" && g2[l].flag === "none"; l++) {
    if (!match(g1[l], g2[l])) return void 0;
  }
  if (l > 0) l--;
  let r1 = g1.length - 1;
  let r2 = g2.length - 1;
  for (; r1 >= 0 && r1 >= l && r2 >= 0 && r2 >= l && g1[r1].flag === "none" && g2[r2].flag === "none"; r1--, r2--) {
    if (!match(g1[r1], g2[r2])) return void 0;
  }
  if (r1 < g1.length - 1) {
    r1++;
    r2++;
  }
  return [g1.slice(l, r1 + 1), g2.slice(l, r2 + 1)];
}
var Walk = class {
  steps = 0;
  /** Every step counts: the walk backtracks, so hostile globs are stopped rather than left to run. */
  tick() {
    if (++this.steps > 1e6) throw new Error("regex.globs_match: the globs need over a million steps; preadmit stops here");
  }
  normal(g1, g2) {
    this.tick();
    let i = 0;
    let j = 0;
    for (; i < g1.length && j < g2.length; i++, j++) {
      if (g1[i].flag === "none" && g2[j].flag === "none") {
        if (!match(g1[i], g2[j])) return false;
      } else return this.special(g1.slice(i), g2.slice(j));
    }
    return i === g1.length && j === g2.length;
  }
  special(g1, g2) {
    const [flagged, other] = g1[0].flag !== "none" ? [g1, g2] : [g2, g1];
    return flagged[0].flag === "plus" ? this.plus(flagged, other) : this.star(flagged, other);
  }
  plus(plussed, other) {
    this.tick();
    if (!match(plussed[0], other[0])) return false;
    if (this.star(plussed, other.slice(1))) return true;
    return other[0].flag !== "none" && this.normal(plussed.slice(1), other);
  }
  star(starred, other) {
    this.tick();
    const starToken = starred[0];
    const nextToken = starred[1];
    for (let i = 0; i < other.length; i++) {
      const t = other[i];
      if (nextToken !== void 0 && match(t, nextToken)) {
        if (this.normal(starred.slice(1), other.slice(i))) return true;
        if (!match(t, starToken)) return false;
      } else if (!match(t, starToken)) return false;
    }
    return nextToken === void 0;
  }
};
function globsIntersect(lhs, rhs) {
  const g1 = simplify(tokenize(lhs));
  const g2 = simplify(tokenize(rhs));
  const trimmed = trim(g1, g2);
  if (!trimmed) return false;
  return new Walk().normal(trimmed[0], trimmed[1]);
}

// src/go/bigfloat.ts
var GoBigFloat = class _GoBigFloat {
  constructor(neg, m, e, prec) {
    this.neg = neg;
    this.m = m;
    this.e = e;
    this.prec = prec;
  }
  neg;
  m;
  e;
  prec;
  get isZero() {
    return this.m === 0n;
  }
  /** Float.IsInt. */
  get isInt() {
    return this.m === 0n || this.e >= 0 || (this.m & (1n << BigInt(-this.e)) - 1n) === 0n;
  }
  /** Float.Int: truncated toward zero. */
  toInt() {
    const mag = this.e >= 0 ? this.m << BigInt(this.e) : this.m >> BigInt(-this.e);
    return this.neg ? -mag : mag;
  }
  /** Float.Abs (keeps the precision). */
  abs() {
    return new _GoBigFloat(false, this.m, this.e, this.prec);
  }
  /** Float.Text(format, -1). */
  text(format) {
    return (this.neg ? "-" : "") + formatShortest(this, format);
  }
};
var GoBigFloatRangeError = class extends Error {
};
var MAX_EXP = 2 ** 16;
var MIN_EXP = -(2 ** 16);
function bitLen(m) {
  return m === 0n ? 0 : m.toString(2).length;
}
function roundFloat(neg, m, e, prec) {
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  let n = bitLen(m);
  if (n > prec) {
    const shift = n - prec;
    const s = BigInt(shift);
    let keep = m >> s;
    const rest = m & (1n << s) - 1n;
    const half = 1n << s - 1n;
    if (rest > half || rest === half && (keep & 1n) === 1n) keep++;
    m = keep;
    e += shift;
    n = bitLen(m);
    if (n > prec) {
      m >>= 1n;
      e++;
    }
  }
  if (m !== 0n) {
    let tz = 0;
    while ((m >> BigInt(tz) & 0xffffffffn) === 0n) tz += 32;
    while ((m >> BigInt(tz) & 1n) === 0n) tz++;
    if (tz > 0) {
      m >>= BigInt(tz);
      e += tz;
    }
  }
  const top = e + bitLen(m);
  if (top > MAX_EXP || top < MIN_EXP) throw new GoBigFloatRangeError("exponent out of range");
  return new GoBigFloat(neg, m, e, prec);
}
function goBigFloatOfInt(i) {
  const neg = i < 0n;
  const m = neg ? -i : i;
  return roundFloat(neg, m, 0, Math.max(bitLen(m), 64));
}
function goBigFloatOfFloat64(m, e) {
  return roundFloat(m < 0n, m < 0n ? -m : m, e, 53);
}
function resultPrec(x, y, prec) {
  return prec ?? Math.max(x.prec, y.prec);
}
function goBigFloatAdd(x, y, prec) {
  const p = resultPrec(x, y, prec);
  if (x.isZero && y.isZero) return new GoBigFloat(x.neg && y.neg, 0n, 0, p);
  if (x.isZero) return roundFloat(y.neg, y.m, y.e, p);
  if (y.isZero) return roundFloat(x.neg, x.m, x.e, p);
  let [a, b] = [x, y];
  if (a.e + bitLen(a.m) < b.e + bitLen(b.m)) [a, b] = [b, a];
  const topA = a.e + bitLen(a.m);
  const topB = b.e + bitLen(b.m);
  const floor = Math.min(a.e, topA - p - 4);
  if (topB < floor - 1) {
    b = new GoBigFloat(b.neg, 1n, floor - 2, b.prec);
  }
  const e = Math.min(a.e, b.e);
  const ma = a.m << BigInt(a.e - e);
  const mb = b.m << BigInt(b.e - e);
  const sa = a.neg ? -ma : ma;
  const sb = b.neg ? -mb : mb;
  const sum = sa + sb;
  if (sum === 0n) return new GoBigFloat(false, 0n, 0, p);
  return roundFloat(sum < 0n, sum < 0n ? -sum : sum, e, p);
}
function goBigFloatSub(x, y, prec) {
  return goBigFloatAdd(x, new GoBigFloat(!y.neg, y.m, y.e, y.prec), prec);
}
function goBigFloatMul(x, y, prec) {
  return roundFloat(x.neg !== y.neg, x.m * y.m, x.e + y.e, resultPrec(x, y, prec));
}
function goBigFloatQuo(x, y, prec) {
  const p = resultPrec(x, y, prec);
  if (y.isZero) throw new GoBigFloatRangeError("division by zero");
  if (x.isZero) return new GoBigFloat(x.neg !== y.neg, 0n, 0, p);
  const shift = Math.max(0, p + 2 - (bitLen(x.m) - bitLen(y.m)) + 1);
  const num2 = x.m << BigInt(shift);
  let q = num2 / y.m;
  const r = num2 % y.m;
  q = q << 1n | (r === 0n ? 0n : 1n);
  return roundFloat(x.neg !== y.neg, q, x.e - y.e - shift - 1, p);
}
function goBigFloatCmp(x, y) {
  const d = goBigFloatSub(x, y, Math.max(bitLen(x.m), bitLen(y.m), 1) + Math.abs(x.e - y.e) + 2);
  return d.isZero ? 0 : d.neg ? -1 : 1;
}
function pow5(n) {
  const M = 27;
  if (n <= M) return roundFloat(false, 5n ** BigInt(n), 0, 128);
  let z = roundFloat(false, 5n ** BigInt(M), 0, 128);
  let f = roundFloat(false, 5n, 0, 192);
  for (let k = n - M; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) z = goBigFloatMul(z, f, 128);
    f = goBigFloatMul(f, f, 192);
  }
  return z;
}
var DECIMAL_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;
function parseGoBigFloat(text, prec = 64) {
  const match2 = DECIMAL_RE.exec(text);
  if (!match2) return void 0;
  const int = match2[2] ?? "";
  const frac = match2[3] ?? "";
  if (int === "" && frac === "") return void 0;
  const neg = match2[1] === "-";
  const expText = match2[4] ?? "0";
  if (expText.replace(/^[+-]?0*/, "").length > 10) throw new GoBigFloatRangeError("exponent overflow");
  const k = Number(expText) - frac.length;
  const m = BigInt(int + frac || "0");
  if (m === 0n) return new GoBigFloat(neg, 0n, 0, prec);
  if (Math.abs(k) > MAX_EXP) throw new GoBigFloatRangeError("exponent out of range");
  if (k === 0) return roundFloat(neg, m, 0, prec);
  const z = new GoBigFloat(neg, m, k, Math.max(bitLen(m), 1));
  const p = pow5(Math.abs(k));
  return k > 0 ? goBigFloatMul(z, p, prec) : goBigFloatQuo(z, p, prec);
}
function exactDecimal(m, shift) {
  if (m === 0n) return { digits: "", exp: 0 };
  let s;
  let exp;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    exp = s.length;
  } else {
    s = (m * 5n ** BigInt(-shift)).toString();
    exp = s.length + shift;
  }
  const trimmed = s.replace(/0+$/, "");
  return { digits: trimmed, exp };
}
function at(d, i) {
  return i >= 0 && i < d.digits.length ? d.digits[i] : "0";
}
function roundUp(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  let i = n - 1;
  while (i >= 0 && d.digits[i] === "9") i--;
  if (i < 0) return { digits: "1", exp: d.exp + 1 };
  return { digits: d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1), exp: d.exp };
}
function roundDown(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  const digits = d.digits.slice(0, n).replace(/0+$/, "");
  return { digits, exp: digits === "" ? 0 : d.exp };
}
function roundNearest(d, n) {
  if (n < 0 || n >= d.digits.length) return d;
  const c = d.digits[n];
  const up = c === "5" && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= "5";
  return up ? roundUp(d, n) : roundDown(d, n);
}
function roundShortest(d, x) {
  if (d.digits === "") return d;
  let mant = x.m;
  let exp = x.e;
  const s = bitLen(mant) - (x.prec + 1);
  if (s < 0) mant <<= BigInt(-s);
  else if (s > 0) mant >>= BigInt(s);
  exp += s;
  const lower = exactDecimal(mant - 1n, exp);
  const upper = exactDecimal(mant + 1n, exp);
  const inclusive = (mant & 2n) === 0n;
  for (let i = 0; i < d.digits.length; i++) {
    const m = d.digits[i];
    const l = at(lower, i);
    const u = at(upper, i);
    const okdown = l !== m || inclusive && i + 1 === lower.digits.length;
    const okup = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
    if (okdown && okup) return roundNearest(d, i + 1);
    if (okdown) return roundDown(d, i + 1);
    if (okup) return roundUp(d, i + 1);
  }
  return d;
}
function fmtF(d, prec) {
  let out = "";
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + "0".repeat(d.exp - m);
  } else {
    out = "0";
  }
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += at(d, d.exp + i);
  }
  return out;
}
function fmtE(d, prec) {
  let out = d.digits === "" ? "0" : d.digits[0];
  if (prec > 0) {
    out += ".";
    const m = Math.min(d.digits.length, prec + 1);
    out += d.digits.slice(1, m) + "0".repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  const exp = d.digits === "" ? 0 : d.exp - 1;
  const a = Math.abs(exp);
  return `${out}e${exp < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}
function formatShortest(x, format) {
  const d = roundShortest(exactDecimal(x.m, x.e), x);
  if (format === "f") return fmtF(d, Math.max(d.digits.length - d.exp, 0));
  let prec = d.digits.length;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= 6) return fmtE(d, prec - 1);
  if (prec > d.exp) prec = d.digits.length;
  return fmtF(d, Math.max(prec - d.exp, 0));
}

// src/opa/sprintf.ts
var INT64_MIN = -(1n << 63n);
var INT64_MAX = (1n << 63n) - 1n;
var UINT64_MASK = (1n << 64n) - 1n;
var MAX_RUNE2 = 1114111;
function atoi64(text) {
  let s = text;
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s.length === 0 || s.length > 19) return void 0;
  const m = /^([0-9]*)(?:\.(0*))?$/.exec(s);
  if (!m) return void 0;
  const digits = m[1] ?? "";
  const n = digits === "" ? 0n : BigInt(digits);
  const v = neg ? -n : n;
  if (v < INT64_MIN || v > INT64_MAX) return void 0;
  return v;
}
function toGoArg(value) {
  switch (value.t) {
    case "string":
      return { k: "string", v: value.v };
    case "number": {
      const ns = value.v;
      if (/[.eE]/.test(ns)) {
        const f = Number(ns);
        return Number.isFinite(f) ? { k: "float64", v: f } : { k: "string", v: ns };
      }
      const i = atoi64(ns);
      if (i !== void 0) return { k: "int64", v: i };
      if (/^[+-]?[0-9]+$/.test(ns)) return { k: "bigint", v: BigInt(ns) };
      return { k: "string", v: ns };
    }
    default:
      return { k: "string", v: regoTermString(value) };
  }
}
function goTypeName(arg) {
  switch (arg.k) {
    case "int64":
      return "int";
    case "bigint":
      return "*big.Int";
    case "float64":
      return "float64";
    case "string":
      return arg.type ?? "string";
  }
}
function runeCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
var utf8 = new TextEncoder();
function floatBits(v) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const bexp = Number(bits >> 52n & 0x7ffn);
  let mant = bits & (1n << 52n) - 1n;
  let exp = bexp;
  let denorm = false;
  if (exp === 0) {
    exp++;
    denorm = true;
  } else {
    mant |= 1n << 52n;
  }
  exp -= 1023;
  return { neg, mant, exp, denorm, bexp };
}
function shortestDigits(v) {
  if (v === 0) return { d: "", dp: 0 };
  const [m, e] = Math.abs(v).toExponential().split("e");
  const d = m.replace(".", "").replace(/0+$/, "");
  return { d, dp: Number(e) + 1 };
}
function exactDigits(v) {
  if (v === 0) return { d: "", dp: 0 };
  const { mant, exp } = floatBits(v);
  const { digits, exp: dp } = exactDecimal(mant, exp - 52);
  return { d: digits, dp };
}
function roundDigits(x, nd) {
  if (nd < 0) return { d: "", dp: x.dp };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length) up = true;
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === "9") i--;
    if (i < 0) {
      d = "1";
      dp++;
    } else {
      d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
    }
  }
  return { d: d.replace(/0+$/, ""), dp };
}
function fmtE2(neg, x, prec, verb) {
  let out = neg ? "-" : "";
  out += x.d.length ? x.d[0] : "0";
  if (prec > 0) {
    out += ".";
    let frac = x.d.slice(1, prec + 1);
    frac += "0".repeat(prec - frac.length);
    out += frac;
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += verb;
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  out += exp < 10 ? "0" + exp : String(exp);
  return out;
}
function fmtF2(neg, x, prec) {
  let out = neg ? "-" : "";
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out += x.d.slice(0, m) + "0".repeat(x.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      const j = x.dp + i;
      out += j >= 0 && j < x.d.length ? x.d[j] : "0";
    }
  }
  return out;
}
function fmtB(neg, mant, exp) {
  const e = exp - 52;
  return (neg ? "-" : "") + mant.toString() + "p" + (e >= 0 ? "+" : "") + e;
}
function fmtX(v, prec, verb) {
  const b = floatBits(v);
  let mant = b.mant;
  let exp = b.exp;
  if (mant === 0n) exp = 0;
  mant <<= 60n - 52n;
  while (mant !== 0n && (mant & 1n << 60n) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = mant << shift & (1n << 60n) - 1n;
    mant >>= 60n - shift;
    if ((extra | mant & 1n) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & 1n << 61n) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = verb === "X" ? "0123456789ABCDEF" : "0123456789abcdef";
  let out = (b.neg ? "-" : "") + "0" + verb + String(mant >> 60n & 1n);
  mant = mant << 4n & (1n << 64n) - 1n;
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += digits[Number(mant >> 60n & 15n)];
      mant = mant << 4n & (1n << 64n) - 1n;
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += digits[Number(mant >> 60n & 15n)];
      mant = mant << 4n & (1n << 64n) - 1n;
    }
  }
  out += verb === "X" ? "P" : "p";
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  out += exp < 10 ? "0" + exp : String(exp);
  return out;
}
function formatGoFloat(v, verb, prec) {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const neg = v < 0 || Object.is(v, -0);
  if (verb === "b") {
    const b = floatBits(v);
    return fmtB(neg, b.mant, b.exp);
  }
  if (verb === "x" || verb === "X") return fmtX(v, prec, verb);
  const shortest = prec < 0;
  let digs;
  if (shortest) {
    digs = shortestDigits(v);
    switch (verb) {
      case "e":
      case "E":
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case "f":
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case "g":
      case "G":
        prec = digs.d.length;
        break;
    }
  } else {
    const exact = exactDigits(v);
    switch (verb) {
      case "f":
        digs = roundDigits(exact, exact.dp + prec);
        break;
      case "e":
      case "E":
        digs = roundDigits(exact, prec + 1);
        break;
      default:
        if (prec === 0) prec = 1;
        digs = roundDigits(exact, prec);
    }
  }
  switch (verb) {
    case "e":
    case "E":
      return fmtE2(neg, digs, prec, verb);
    case "f":
      return fmtF2(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE2(neg, digs, prec - 1, verb === "g" ? "e" : "E");
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF2(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}
function clearFlags() {
  return {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    prec: 0
  };
}
var TOO_LARGE = 1e6;
var Printer = class {
  out = "";
  f = clearFlags();
  padding(n) {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? "0" : " ").repeat(n);
  }
  pad(s) {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.padding(width);
      this.out += s;
    } else {
      this.out += s;
      this.padding(width);
    }
  }
  withoutZero(fn) {
    const old = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = old;
  }
  truncate(s) {
    if (!this.f.precPresent) return s;
    let n = this.f.prec;
    let i = 0;
    for (const ch of s) {
      n--;
      if (n < 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }
  fmtS(s) {
    this.pad(this.truncate(s));
  }
  fmtQ(s) {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad("`" + s + "`");
      return;
    }
    this.pad(goQuote(s, this.f.plus));
  }
  fmtSx(s, upper) {
    const bytes = utf8.encode(s);
    const digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) width += 2;
    } else {
      if (this.f.widPresent) this.padding(this.f.wid);
      return;
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.padding(this.f.wid - width);
    let buf = "";
    if (this.f.sharp) buf += "0" + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        buf += " ";
        if (this.f.sharp) buf += "0" + digits[16];
      }
      const c = bytes[i];
      buf += digits[c >> 4] + digits[c & 15];
    }
    this.out += buf;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.padding(this.f.wid - width);
  }
  fmtInteger(v, base, signed, verb, upper) {
    const negative = signed && v < 0n;
    let u = negative ? -v : v;
    const f = this.f;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        this.withoutZero(() => this.padding(f.wid));
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    u &= UINT64_MASK;
    let s = u.toString(base);
    if (upper) s = s.toUpperCase();
    if (prec > s.length) s = "0".repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = "0b" + s;
      else if (base === 8) {
        if (s[0] !== "0") s = "0" + s;
      } else if (base === 16) s = (upper ? "0X" : "0x") + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (f.plus) s = "+" + s;
    else if (f.space) s = " " + s;
    this.withoutZero(() => this.pad(s));
  }
  fmtUnicode(u) {
    let prec = 4;
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
    let s = "U+" + u.toString(16).toUpperCase().padStart(prec, "0");
    if (this.f.sharp && u <= BigInt(MAX_RUNE2) && isGoPrintable(Number(u))) {
      s += " '" + String.fromCodePoint(Number(u)) + "'";
    }
    this.withoutZero(() => this.pad(s));
  }
  fmtC(u) {
    let r = u > BigInt(MAX_RUNE2) ? 65533 : Number(u);
    if (r >= 55296 && r <= 57343) r = 65533;
    this.pad(String.fromCodePoint(r));
  }
  fmtQc(u) {
    const r = u > BigInt(MAX_RUNE2) ? 65533 : Number(u);
    this.pad(goQuoteRune(r, this.f.plus));
  }
  fmtFloatRaw(v, verb, prec) {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num2 = formatGoFloat(v, verb, prec);
    if (num2[0] === "-" || num2[0] === "+") {
    } else num2 = "+" + num2;
    if (f.space && num2[0] === "+" && !f.plus) num2 = " " + num2.slice(1);
    if (num2[1] === "I" || num2[1] === "N") {
      if (num2[1] === "N" && !f.space && !f.plus) num2 = num2.slice(1);
      this.withoutZero(() => this.pad(num2));
      return;
    }
    if (f.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = "";
      let body = num2;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === ".") {
          hasPoint = true;
        } else if (c === "p" || c === "P") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else if ((c === "e" || c === "E") && verb !== "x" && verb !== "X") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== "0") sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === "0") digits--;
        body += ".";
      }
      if (digits > 0) body += "0".repeat(digits);
      num2 = body + tail;
    }
    if (f.plus || num2[0] !== "+") {
      if (f.zero && !f.minus && f.widPresent && f.wid > num2.length) {
        this.out += num2[0];
        this.padding(f.wid - num2.length);
        this.out += num2.slice(1);
        return;
      }
      this.pad(num2);
      return;
    }
    this.pad(num2.slice(1));
  }
  fmtFloat(v, verb, arg) {
    switch (verb) {
      case "v":
        return this.fmtFloatRaw(v, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloatRaw(v, verb, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatRaw(v, verb, 6);
      case "F":
        return this.fmtFloatRaw(v, "f", 6);
      default:
        return this.badVerb(verb, arg);
    }
  }
  fmtInt64(v, verb, arg) {
    const bitsU = v & UINT64_MASK;
    switch (verb) {
      case "v":
      case "d":
        return this.fmtInteger(v, 10, true, verb, false);
      case "b":
        return this.fmtInteger(v, 2, true, verb, false);
      case "o":
      case "O":
        return this.fmtInteger(v, 8, true, verb, false);
      case "x":
        return this.fmtInteger(v, 16, true, verb, false);
      case "X":
        return this.fmtInteger(v, 16, true, verb, true);
      case "c":
        return this.fmtC(bitsU);
      case "q":
        return this.fmtQc(bitsU);
      case "U":
        return this.fmtUnicode(bitsU);
      default:
        return this.badVerb(verb, arg);
    }
  }
  fmtString(s, verb, arg) {
    switch (verb) {
      case "v":
        return this.f.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case "s":
        return this.fmtS(s);
      case "x":
        return this.fmtSx(s, false);
      case "X":
        return this.fmtSx(s, true);
      case "q":
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, arg);
    }
  }
  /** (*big.Int).Format */
  fmtBigInt(x, verb) {
    let base;
    switch (verb) {
      case "b":
        base = 2;
        break;
      case "o":
      case "O":
        base = 8;
        break;
      case "d":
      case "s":
      case "v":
        base = 10;
        break;
      case "x":
      case "X":
        base = 16;
        break;
      default:
        this.out += `%!${verb}(big.Int=${x.toString()})`;
        return;
    }
    const f = this.f;
    const plus = f.plus || f.plusV;
    const sharp = f.sharp || f.sharpV;
    const sign = x < 0n ? "-" : plus ? "+" : f.space ? " " : "";
    let prefix = "";
    if (sharp) {
      if (verb === "b") prefix = "0b";
      else if (verb === "o") prefix = "0";
      else if (verb === "x") prefix = "0x";
      else if (verb === "X") prefix = "0X";
    }
    if (verb === "O") prefix = "0o";
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === "X") digits = digits.toUpperCase();
    let left = 0;
    let zeros = 0;
    let right = 0;
    if (f.precPresent) {
      if (digits.length < f.prec) zeros = f.prec - digits.length;
      else if (digits === "0" && f.prec === 0) return;
    }
    const length = sign.length + prefix.length + zeros + digits.length;
    if (f.widPresent && length < f.wid) {
      const d = f.wid - length;
      if (f.minus) right = d;
      else if (f.zero && !f.precPresent) zeros = d;
      else left = d;
    }
    this.out += " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
  }
  badVerb(verb, arg) {
    this.out += "%!" + verb + "(" + goTypeName(arg) + "=";
    this.printArg(arg, "v");
    this.out += ")";
  }
  printArg(arg, verb) {
    if (verb === "T") {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === "p") {
      if (arg.k === "bigint") this.out += "0x0";
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === "w" && arg.k === "bigint") {
      this.out += "%!w(*big.Int=" + bigIntStruct(arg.v, this.f) + ")";
      return;
    }
    switch (arg.k) {
      case "int64":
        return this.fmtInt64(arg.v, verb, arg);
      case "float64":
        return this.fmtFloat(arg.v, verb, arg);
      case "string":
        return this.fmtString(arg.v, verb, arg);
      case "bigint":
        return this.fmtBigInt(arg.v, verb);
    }
  }
};
function bigIntStruct(x, f) {
  const neg = x < 0n;
  let a = neg ? -x : x;
  const limbs = [];
  while (a > 0n) {
    limbs.push(a & UINT64_MASK);
    a >>= 64n;
  }
  if (f.sharpV) {
    const words2 = limbs.map((w) => "0x" + w.toString(16)).join(", ");
    return `&big.Int{neg:${neg}, abs:big.nat{${words2}}}`;
  }
  const words = "[" + limbs.map((w) => w.toString()).join(" ") + "]";
  return f.plusV ? `&{neg:${neg} abs:${words}}` : `&{${neg} ${words}}`;
}
function canBackquote(s) {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r >= 128) {
      if (r === 65279 || r >= 55296 && r <= 57343) return false;
      continue;
    }
    if (r < 32 && r !== 9 || r === 96 || r === 127) return false;
  }
  return true;
}
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function parseNum(s, start) {
  if (start >= s.length) return { num: 0, isNum: false, next: s.length };
  let num2 = 0;
  let isNum = false;
  let i = start;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (num2 > TOO_LARGE || num2 < -TOO_LARGE) return { num: 0, isNum: false, next: s.length };
    num2 = num2 * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num: num2, isNum, next: i };
}
function goSprintf(format, args) {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;
  const argNumber = (i2) => {
    if (i2 >= end || format[i2] !== "[") return { i: i2, found: false };
    reordered = true;
    let ok = false;
    let index = 0;
    let wid = 1;
    if (end - i2 >= 3) {
      for (let j = i2 + 1; j < end; j++) {
        if (format[j] === "]") {
          const n = parseNum(format.slice(0, j), i2 + 1);
          if (!n.isNum || n.next !== j) {
            wid = j - i2 + 1;
          } else {
            index = n.num - 1;
            wid = j - i2 + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i2 + wid, found: true };
    }
    goodArgNum = false;
    return { i: i2 + wid, found: ok };
  };
  const intFromArg = () => {
    let num2 = 0;
    let isInt = false;
    if (argNum < args.length) {
      const a = args[argNum];
      if (a.k === "int64") {
        num2 = Number(a.v);
        isInt = true;
      }
      argNum++;
      if (num2 > TOO_LARGE || num2 < -TOO_LARGE) {
        num2 = 0;
        isInt = false;
      }
    }
    return { num: num2, isInt };
  };
  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case "#":
          f.sharp = true;
          break;
        case "0":
          f.zero = true;
          break;
        case "+":
          f.plus = true;
          break;
        case "-":
          f.minus = true;
          break;
        case " ":
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;
    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg();
      f.wid = w.num;
      f.widPresent = w.isInt;
      if (!f.widPresent) p.out += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(format, i);
      f.wid = n.num;
      f.widPresent = n.isNum;
      i = n.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const w = intFromArg();
        f.prec = w.num;
        f.precPresent = w.isInt;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.out += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const n = parseNum(format, i);
        f.prec = n.num;
        f.precPresent = n.isNum;
        i = n.next;
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }
    if (!afterIndex) {
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
    }
    if (i >= end) {
      p.out += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i) ?? 0;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === "%") {
      p.out += "%";
    } else if (!goodArgNum) {
      p.out += "%!" + verb + "(BADINDEX)";
    } else if (argNum >= args.length) {
      p.out += "%!" + verb + "(MISSING)";
    } else {
      if (verb === "v" || verb === "w") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += "%!(EXTRA ";
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ", ";
      p.out += goTypeName(arg) + "=";
      p.printArg(arg, "v");
    });
    p.out += ")";
  }
  return p.out;
}
function regoSprintf(format, args) {
  return goSprintf(format, args.map(toGoArg));
}

// src/go/template.ts
var GoTemplateError = class extends Error {
};
var GoTemplateUnsupported = class extends Error {
};
function fail(message) {
  throw new GoTemplateError(`template: ${message}`);
}
function unsupported(what) {
  throw new GoTemplateUnsupported(`strings.render_template: ${what} is not supported by preadmit`);
}
var KEYWORDS = /* @__PURE__ */ new Set(["if", "else", "end", "range", "with", "break", "continue", "define", "template", "block", "nil", "true", "false"]);
function lex(src) {
  const out = [];
  let pos = 0;
  let trimNext = false;
  while (pos <= src.length) {
    const open = src.indexOf("{{", pos);
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, "");
    let i = open + 2;
    const trimLeft = open >= 0 && /^-[ \t\r\n]/.test(src.slice(i, i + 2));
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, "");
    if (text !== "") out.push(text);
    if (open < 0) break;
    if (trimLeft) i += 2;
    if (src.startsWith("/*", i)) {
      const close = src.indexOf("*/", i + 2);
      if (close < 0) fail("unclosed comment");
      let j = close + 2;
      trimNext = false;
      if (/^ -}}|^[\t\r\n]-}}/.test(src.slice(j, j + 4))) {
        trimNext = true;
        j += 2;
      }
      if (!src.startsWith("}}", j)) fail("comment ends before closing delimiter");
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
function lexAction(src, start) {
  const toks = [];
  let i = start;
  let depth = 0;
  for (; ; ) {
    if (i >= src.length) fail("unclosed action");
    if (depth === 0 && /^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) return { toks, next: i + 4, trimRight: true };
    if (src.startsWith("}}", i)) {
      if (depth > 0) fail("unclosed left paren");
      return { toks, next: i + 2, trimRight: false };
    }
    const c = src[i];
    if (c === " " || c === "	" || c === "\r" || c === "\n") {
      while (i < src.length && /[ \t\r\n]/.test(src[i]) && !/^[ \t\r\n]-}}/.test(src.slice(i, i + 4))) i++;
      toks.push({ t: "space" });
      continue;
    }
    if (c === "|") {
      toks.push({ t: "pipe" });
      i++;
      continue;
    }
    if (c === "(") {
      toks.push({ t: "lparen" });
      depth++;
      i++;
      continue;
    }
    if (c === ")") {
      if (--depth < 0) fail("unexpected right paren");
      toks.push({ t: "rparen" });
      i++;
      continue;
    }
    if (c === ",") {
      toks.push({ t: "comma" });
      i++;
      continue;
    }
    if (src.startsWith(":=", i)) {
      toks.push({ t: "declare" });
      i += 2;
      continue;
    }
    if (c === "=") {
      toks.push({ t: "assign" });
      i++;
      continue;
    }
    if (c === '"' || c === "`") {
      const m2 = c === '"' ? /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i)) : /^`[^`]*`/.exec(src.slice(i));
      if (!m2) fail("unterminated quoted string");
      toks.push({ t: "string", v: c === '"' ? unquote(m2[0]) : m2[0].slice(1, -1) });
      i += m2[0].length;
      continue;
    }
    if (c === "'") {
      const m2 = /^'(?:[^'\\\n]|\\.[^']*)'/.exec(src.slice(i));
      if (!m2) fail("unterminated character constant");
      toks.push({ t: "char", v: m2[0] });
      i += m2[0].length;
      continue;
    }
    if (c === "$") {
      const m2 = /^\$[\p{L}_0-9]*/u.exec(src.slice(i));
      toks.push({ t: "var", v: m2[0] });
      i += m2[0].length;
      continue;
    }
    if (c === "." && !/[0-9]/.test(src[i + 1] ?? "")) {
      const m2 = /^\.[\p{L}_][\p{L}_0-9]*/u.exec(src.slice(i));
      if (m2) {
        toks.push({ t: "field", v: m2[0].slice(1) });
        i += m2[0].length;
      } else {
        toks.push({ t: "dot" });
        i++;
      }
      continue;
    }
    if (/[0-9+\-.]/.test(c)) {
      const m2 = /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bBoO][0-9_]+|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(src.slice(i));
      if (!m2 || m2[0] === "" || /^[+-]?$/.test(m2[0])) fail(`bad character ${JSON.stringify(c)}`);
      if (/[\p{L}_0-9]/u.test(src[i + m2[0].length] ?? "")) fail(`bad number syntax: ${JSON.stringify(src.slice(i, i + m2[0].length + 1))}`);
      toks.push({ t: "number", v: m2[0] });
      i += m2[0].length;
      continue;
    }
    const m = /^[\p{L}_][\p{L}_0-9]*/u.exec(src.slice(i));
    if (m) {
      toks.push({ t: "ident", v: m[0] });
      i += m[0].length;
      continue;
    }
    fail(`unexpected ${JSON.stringify(c)} in command`);
  }
}
function unquote(lit) {
  const body = lit.slice(1, -1);
  return body.replace(/\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3})|([^]))/g, (_, simple, x, u, U, oct, bad) => {
    if (bad !== void 0) fail(`invalid syntax in ${lit}`);
    if (simple !== void 0) {
      if (simple === "'") fail(`invalid syntax in ${lit}`);
      return { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\", '"': '"' }[simple];
    }
    const byte = x !== void 0 ? parseInt(x, 16) : oct !== void 0 ? parseInt(oct, 8) : void 0;
    if (byte !== void 0) {
      if (byte > 127) unsupported("a non-ASCII byte escape");
      return String.fromCharCode(byte);
    }
    const cp = parseInt(u ?? U, 16);
    if (cp > 1114111 || cp >= 55296 && cp <= 57343) fail(`invalid syntax in ${lit}`);
    return String.fromCodePoint(cp);
  });
}
function numberConstant(text) {
  if (text.endsWith("i")) unsupported("a complex number");
  const s = text.replace(/_/g, "");
  const underscoresOk = !text.includes("_") || /^[+-]?(?:0[xXbBoO]_?|0(?=[0-9_]))?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/.test(text);
  if (underscoresOk && /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(s)) {
    const neg = s.startsWith("-");
    const body = s.replace(/^[+-]/, "");
    const v = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body.replace(/^0([xXbBoO])/, (_, p) => `0${p.toLowerCase()}`));
    const n = neg ? -v : v;
    if (n < -(1n << 63n) || n >= 1n << 63n) fail(`${text} overflows int`);
    return { int: n };
  }
  if (/^[+-]?0[xX]/.test(s)) unsupported("a hexadecimal float");
  if (!/[.eE]/.test(text) || /(?:^|[^0-9])_|_(?:$|[^0-9])/.test(text)) fail(`illegal number syntax: ${text}`);
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) fail(`illegal number syntax: ${text}`);
  const f = Number(s);
  if (!Number.isFinite(f)) fail(`${text} overflows float64`);
  return { float: f };
}
function charConstant(lit) {
  const body = lit.slice(1, -1);
  if (body.startsWith("\\")) {
    const s = unquote(`"${body === "\\'" ? "'" : body}"`);
    return { int: BigInt(s.codePointAt(0) ?? 0) };
  }
  const cps = [...body];
  if (cps.length !== 1) fail(`malformed character constant: ${lit}`);
  return { int: BigInt(cps[0].codePointAt(0)) };
}
var TemplateParser = class {
  items;
  at = 0;
  depth = 0;
  /** Templates named by `{{define}}` / `{{block}}`. */
  defs = /* @__PURE__ */ new Map();
  constructor(src) {
    this.items = lex(src);
  }
  parse() {
    const { list, end } = this.list();
    if (end !== void 0) fail(`unexpected {{${end}}}`);
    return list;
  }
  /** Nodes up to an `{{end}}` / `{{else ...}}` (returned as `end` with the rest of its tokens) or the end. */
  list() {
    const list = [];
    while (this.at < this.items.length) {
      const item = this.items[this.at++];
      if (typeof item === "string") {
        list.push({ k: "text", text: item });
        continue;
      }
      const toks = item.filter((t, i) => !(t.t === "space" && (i === 0 || i === item.length - 1)));
      const first = toks[0];
      if (first?.t === "ident" && KEYWORDS.has(first.v) && first.v !== "nil" && first.v !== "true" && first.v !== "false") {
        const rest = toks.slice(1);
        if (rest[0]?.t === "space") rest.shift();
        switch (first.v) {
          case "end":
            if (rest.length) fail("unexpected tokens after end");
            return { list, end: "end" };
          case "else":
            return { list, end: "else", rest };
          case "if":
          case "with":
          case "range":
            list.push(this.control(first.v, rest));
            continue;
          case "break":
          case "continue":
            if (rest.length) fail(`unexpected tokens after ${first.v}`);
            list.push({ k: first.v });
            continue;
          case "define": {
            if (this.depth > 0) fail("unexpected <define> in command");
            const name = this.templateName(rest);
            if (rest.some((t) => t.t !== "space")) fail("unexpected tokens in define clause");
            this.define(name, this.body("define"));
            continue;
          }
          case "template":
          case "block": {
            const name = this.templateName(rest);
            const pipe = rest.some((t) => t.t !== "space") ? this.pipe(rest, false) : void 0;
            if (first.v === "block") this.define(name, this.body("block"));
            list.push(pipe ? { k: "template", name, pipe } : { k: "template", name });
            continue;
          }
          default:
            unsupported(`{{${first.v}}}`);
        }
      }
      if (toks.length === 0) fail("missing value for command");
      list.push({ k: "action", pipe: this.pipe(toks, false) });
    }
    return { list };
  }
  /** The quoted name after `define`/`template`/`block`, taken off `rest`. */
  templateName(rest) {
    while (rest[0]?.t === "space") rest.shift();
    const t = rest.shift();
    if (t?.t !== "string") fail("expected a quoted template name");
    return t.v;
  }
  /** A define or block body, up to its {{end}}. */
  body(what) {
    this.depth++;
    const b = this.list();
    this.depth--;
    if (b.end !== "end") fail(`unexpected ${b.end === "else" ? "{{else}}" : "EOF"} in ${what}`);
    return b.list;
  }
  /** text/parse's add: an empty definition never replaces, a second non-empty one is an error. */
  define(name, nodes) {
    const known = this.defs.get(name);
    const empty = (l) => l.every((n) => n.k === "text" && n.text.trim() === "");
    if (known !== void 0 && !empty(known) && !empty(nodes)) fail(`template: multiple definition of template "${name}"`);
    if (known === void 0 || empty(known)) this.defs.set(name, nodes);
  }
  control(kind, toks) {
    const pipe = this.pipe(toks, kind === "range");
    this.depth++;
    const body = this.list();
    this.depth--;
    const node = { k: kind, pipe, list: body.list };
    if (body.end === void 0) fail(`unexpected EOF`);
    if (body.end === "else") {
      const rest = body.rest ?? [];
      if (rest.length > 0) {
        const kw = rest[0];
        if (kind === "range" || kw?.t !== "ident" || kw.v !== kind) fail("unexpected tokens after else");
        const inner = rest.slice(1);
        if (inner[0]?.t === "space") inner.shift();
        node.else = [this.control(kind, inner)];
      } else {
        const tail = this.list();
        if (tail.end !== "end") fail(tail.end === "else" ? "expected end; found {{else}}" : "unexpected EOF");
        node.else = tail.list;
      }
    }
    return node;
  }
  pipe(toks, isRange) {
    let decl = [];
    let assign = false;
    const noSpace = toks.filter((t) => t.t !== "space");
    const declAt = noSpace.findIndex((t) => t.t === "declare" || t.t === "assign");
    if (declAt > 0 && noSpace.slice(0, declAt).every((t) => t.t === "var" || t.t === "comma")) {
      const vars = noSpace.slice(0, declAt).filter((t) => t.t === "var");
      const commas = declAt - vars.length;
      if (vars.length > (isRange ? 2 : 1) || commas !== vars.length - 1) fail("too many declarations");
      decl = vars.map((t) => t.v);
      assign = noSpace[declAt].t === "assign";
      let seen = 0;
      let cut = 0;
      for (; cut < toks.length; cut++) {
        if (toks[cut].t !== "space" && seen++ === declAt) break;
      }
      toks = toks.slice(cut + 1);
    }
    const cmds = [];
    let cur = [];
    let i = 0;
    const operand = () => {
      const t = toks[i++];
      let term;
      switch (t.t) {
        case "dot":
          term = { k: "dot" };
          break;
        case "field": {
          const names = [t.v];
          while (toks[i]?.t === "field") names.push(toks[i++].v);
          return { k: "field", names };
        }
        case "var": {
          const names = [];
          while (toks[i]?.t === "field") names.push(toks[i++].v);
          return { k: "var", name: t.v, names };
        }
        case "ident":
          if (t.v === "nil") term = { k: "nil" };
          else if (t.v === "true" || t.v === "false") term = { k: "bool", v: t.v === "true" };
          else if (KEYWORDS.has(t.v)) fail(`unexpected ${t.v} in operand`);
          else term = { k: "ident", name: t.v };
          break;
        case "string":
          term = { k: "string", v: t.v };
          break;
        case "number":
          term = { k: "number", text: t.v, value: numberConstant(t.v) };
          break;
        case "char":
          term = { k: "number", text: t.v, value: charConstant(t.v) };
          break;
        case "lparen": {
          let depth = 1;
          const start = i;
          while (i < toks.length && depth > 0) {
            if (toks[i].t === "lparen") depth++;
            else if (toks[i].t === "rparen") depth--;
            i++;
          }
          if (depth > 0) fail("unclosed left paren");
          const inner = toks.slice(start, i - 1).filter((x, j, a) => !(x.t === "space" && (j === 0 || j === a.length - 1)));
          if (inner.length === 0) fail("missing value for parenthesized pipeline");
          const sub = this.pipe(inner, false);
          if (sub.decl.length) unsupported("a declaration inside parentheses");
          term = { k: "chain", term: { k: "pipe", pipe: sub }, names: [] };
          break;
        }
        default:
          fail(`unexpected ${t.t} in operand`);
      }
      if (toks[i]?.t === "field") {
        if (term.k === "bool" || term.k === "nil" || term.k === "number" || term.k === "string") fail("unexpected . after term");
        const names = [];
        while (toks[i]?.t === "field") names.push(toks[i++].v);
        return term.k === "chain" ? { ...term, names } : { k: "chain", term, names };
      }
      return term;
    };
    while (i < toks.length) {
      const t = toks[i];
      if (t.t === "space") {
        i++;
        continue;
      }
      if (t.t === "pipe") {
        if (cur.length === 0) fail("missing command");
        cmds.push(cur);
        cur = [];
        i++;
        continue;
      }
      if (t.t === "rparen" || t.t === "comma" || t.t === "declare" || t.t === "assign" || t.t === "end") fail(`unexpected ${t.t} in command`);
      if (cur.length > 0 && toks[i - 1]?.t !== "space") fail("missing space between operands");
      cur.push(operand());
    }
    if (cur.length === 0 && cmds.length === 0) fail("missing command");
    if (cur.length > 0) cmds.push(cur);
    return { decl, assign, cmds };
  }
};
var Break = class {
};
var Continue = class {
};
var NO_VALUE = "<no value>";
function isMap(v) {
  return v instanceof Map;
}
function kindOf(v) {
  if (v === void 0 || v === null) return "invalid";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string" || "num" in v) return "string";
  if (Array.isArray(v)) return "slice";
  if (isMap(v)) return "map";
  return "int" in v ? "int" : "float";
}
function stringOf(v) {
  return typeof v === "string" ? v : v.num;
}
function truth(v) {
  switch (kindOf(v)) {
    case "invalid":
      return false;
    case "bool":
      return v;
    case "string":
      return stringOf(v).length > 0;
    case "int":
      return v.int !== 0n;
    case "float":
      return v.float !== 0;
    case "slice":
      return v.length > 0;
    case "map":
      return v.size > 0;
  }
}
function fmtV(v) {
  switch (kindOf(v)) {
    case "invalid":
      return "<nil>";
    case "bool":
      return v ? "true" : "false";
    case "string":
      return stringOf(v);
    case "int":
      return v.int.toString();
    case "float":
      return goFloatText(v.float);
    case "slice":
      return `[${v.map(fmtV).join(" ")}]`;
    case "map": {
      const m = v;
      return `map[${[...m.keys()].sort(goCompare).map((k) => `${k}:${fmtV(m.get(k))}`).join(" ")}]`;
    }
  }
}
function sprint(args) {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && kindOf(a) !== "string" && kindOf(args[i - 1]) !== "string") out += " ";
    out += fmtV(a);
  });
  return out;
}
function goArg(v) {
  switch (kindOf(v)) {
    case "string":
      return typeof v === "string" ? { k: "string", v } : { k: "string", v: stringOf(v), type: "json.Number" };
    case "int":
      return { k: "int64", v: v.int };
    case "float":
      return { k: "float64", v: v.float };
    default:
      return { k: "string", v: fmtV(v) };
  }
}
function printf(args) {
  const [format, ...rest] = args;
  if (typeof format !== "string") fail("wrong type for value; expected string");
  const plainV = !/%(?!%|v)/.test(format.replace(/%%/g, ""));
  const typed = rest.some((a) => ["invalid", "bool", "slice", "map"].includes(kindOf(a)));
  if (typed && !plainV) unsupported("printf with a verb other than %v on a bool, nil, list, map or number value");
  return goSprintf(format, rest.map(goArg));
}
function basic(v) {
  const k = kindOf(v);
  if (k === "bool" || k === "string" || k === "int" || k === "float") return k;
  fail("invalid type for comparison");
}
function eq(a, rest) {
  if (rest.length === 0) fail("missing argument for comparison");
  for (const b of rest) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
      if (ka !== "invalid" && kb !== "invalid") fail("incompatible types for comparison");
      continue;
    }
    switch (ka) {
      case "invalid":
        return true;
      case "bool":
        if (a === b) return true;
        break;
      case "string":
        if (stringOf(a) === stringOf(b)) return true;
        break;
      case "int":
        if (a.int === b.int) return true;
        break;
      case "float":
        if (a.float === b.float) return true;
        break;
      default:
        fail("non-comparable types");
    }
  }
  return false;
}
function lessThan(a, b) {
  const ka = basic(a);
  const kb = basic(b);
  if (ka !== kb) fail("incompatible types for comparison");
  switch (ka) {
    case "bool":
      fail("invalid type for comparison");
    // falls through (fail never returns)
    case "string":
      return goCompare(stringOf(a), stringOf(b)) < 0;
    case "int":
      return a.int < b.int;
    case "float":
      return a.float < b.float;
  }
}
function utf8Length(s) {
  return Buffer.byteLength(s, "utf8");
}
function indexOne(item, key) {
  const k = kindOf(item);
  if (k === "slice" || k === "string") {
    if (kindOf(key) !== "int") fail("cannot index slice/array with type");
    const i = key.int;
    const arr = k === "string" ? [...Buffer.from(stringOf(item), "utf8")].map((b) => ({ int: BigInt(b) })) : item;
    if (i < 0n || i >= BigInt(arr.length)) fail(`error calling index: index out of range: ${i}`);
    return arr[Number(i)];
  }
  if (k === "map") {
    if (kindOf(key) !== "string" || typeof key !== "string") fail("value has type json.Number; should be string");
    const m = item;
    return m.has(key) ? m.get(key) : null;
  }
  if (k === "invalid") fail("index of untyped nil");
  fail("can't index item");
}
var MAX_TEMPLATE_DEPTH = 1e3;
var Executor = class {
  constructor(defs, maxOutput) {
    this.defs = defs;
    this.maxOutput = maxOutput;
  }
  defs;
  maxOutput;
  out = "";
  steps = 0;
  calls = 0;
  tick() {
    if (++this.steps > 1e7) unsupported("a template running over 10 million steps");
  }
  write(s) {
    this.out += s;
    if (this.out.length > this.maxOutput) unsupported(`output over ${this.maxOutput} characters`);
  }
  run(list, dot, scope) {
    for (const node of list) this.node(node, dot, scope);
  }
  node(node, dot, scope) {
    this.tick();
    switch (node.k) {
      case "text":
        this.write(node.text);
        return;
      case "action": {
        const v = this.pipe(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) this.write(v === void 0 || v === null ? NO_VALUE : fmtV(v));
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "template": {
        const nodes = this.defs.get(node.name);
        if (!nodes) fail(`no such template "${node.name}"`);
        const data2 = node.pipe ? this.pipe(node.pipe, dot, scope) : void 0;
        if (++this.calls > MAX_TEMPLATE_DEPTH) fail("exceeded maximum template depth");
        try {
          this.run(nodes, data2, { vars: [["$", data2]] });
        } finally {
          this.calls--;
        }
        return;
      }
      case "if":
      case "with": {
        const mark = scope.vars.length;
        const v = this.pipe(node.pipe, dot, scope);
        if (truth(v)) this.run(node.list, node.k === "with" ? v : dot, scope);
        else if (node.else) this.run(node.else, dot, scope);
        scope.vars.length = mark;
        return;
      }
      case "range":
        this.range(node, dot, scope);
        return;
    }
  }
  range(node, dot, scope) {
    const mark = scope.vars.length;
    const pipe = { ...node.pipe, decl: [] };
    const v = this.pipe(pipe, dot, scope);
    const one = (key, elem) => {
      const inner = scope.vars.length;
      if (node.pipe.decl.length === 1) scope.vars.push([node.pipe.decl[0], elem]);
      if (node.pipe.decl.length === 2) scope.vars.push([node.pipe.decl[0], key], [node.pipe.decl[1], elem]);
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
      case "slice":
        for (let i = 0; i < v.length; i++) {
          empty = false;
          if (!one({ int: BigInt(i) }, v[i])) break;
        }
        break;
      case "map": {
        const m = v;
        for (const k of [...m.keys()].sort(goCompare)) {
          empty = false;
          if (!one(k, m.get(k))) break;
        }
        break;
      }
      case "int": {
        if (node.pipe.decl.length > 1) fail("can't use int to iterate over more than one variable");
        const n = v.int;
        for (let i = 0n; i < n; i++) {
          empty = false;
          if (!one({ int: i }, { int: i })) break;
        }
        break;
      }
      case "invalid":
        break;
      default:
        fail(`range can't iterate over ${fmtV(v)}`);
    }
    if (empty && node.else) this.run(node.else, dot, scope);
    scope.vars.length = mark;
  }
  variable(name, scope) {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i][0] === name) return scope.vars[i][1];
    fail(`undefined variable: ${name}`);
  }
  pipe(pipe, dot, scope) {
    let value = MISSING;
    for (const cmd of pipe.cmds) value = this.command(cmd, dot, scope, value) ?? void 0;
    const v = value;
    for (const name of pipe.decl) {
      if (pipe.assign) {
        const i = scope.vars.map((x) => x[0]).lastIndexOf(name);
        if (i < 0) fail(`undefined variable: ${name}`);
        scope.vars[i][1] = v;
      } else scope.vars.push([name, v]);
    }
    return v;
  }
  command(cmd, dot, scope, final) {
    const [first, ...args] = cmd;
    if (first.k === "ident") return this.call(first.name, args, dot, scope, final);
    if (args.length > 0 || final !== MISSING) {
      if (first.k === "field" || first.k === "chain" || first.k === "var" && first.names.length > 0) fail("is not a method but has arguments");
      fail("can't give argument to non-function");
    }
    if (first.k === "nil") fail("nil is not a command");
    return this.term(first, dot, scope);
  }
  term(t, dot, scope) {
    switch (t.k) {
      case "dot":
        return dot;
      case "nil":
        return void 0;
      case "bool":
        return t.v;
      case "string":
        return t.v;
      case "number":
        return t.value;
      case "field":
        return this.fields(dot, t.names);
      case "var":
        return this.fields(this.variable(t.name, scope), t.names);
      case "ident":
        return this.call(t.name, [], dot, scope, MISSING);
      case "chain": {
        const inner = t.term;
        const base = inner.k === "pipe" ? this.pipe(inner.pipe, dot, scope) : this.term(t.term, dot, scope);
        return this.fields(base, t.names);
      }
    }
  }
  /**
   * Field chain on map[string]any (missingkey=default): a missing key is an invalid value, whose fields are
   * invalid too; a field of a nil interface{} (JSON null) is an error.
   */
  fields(v, names) {
    for (const name of names) {
      if (isMap(v)) v = v.get(name);
      else if (v === null) fail(`nil pointer evaluating interface {}.${name}`);
      else if (v !== void 0) fail(`can't evaluate field ${name} in type ${kindOf(v)}`);
    }
    return v;
  }
  call(name, argTerms, dot, scope, final) {
    const lazy = argTerms.map((t) => () => this.term(t, dot, scope));
    if (final !== MISSING) lazy.push(() => final);
    const args = () => lazy.map((f) => f());
    const arity = (n) => {
      if (lazy.length !== n) fail(`wrong number of args for ${name}: want ${n} got ${lazy.length}`);
    };
    switch (name) {
      case "and":
      case "or": {
        if (lazy.length < 1) fail(`wrong number of args for ${name}: want at least 1 got 0`);
        let v;
        for (const f of lazy) {
          v = f();
          if (truth(v) !== (name === "and")) return v;
        }
        return v;
      }
      case "not":
        arity(1);
        return !truth(lazy[0]());
      case "len": {
        arity(1);
        const v = lazy[0]();
        switch (kindOf(v)) {
          case "string":
            return { int: BigInt(utf8Length(stringOf(v))) };
          case "slice":
            return { int: BigInt(v.length) };
          case "map":
            return { int: BigInt(v.size) };
          case "invalid":
            fail("error calling len: len of nil pointer");
          // falls through (fail never returns)
          default:
            fail(`error calling len: len of type ${kindOf(v)}`);
        }
      }
      // falls through (every case above returns)
      case "index": {
        if (lazy.length < 1) fail("wrong number of args for index: want at least 1 got 0");
        const [item, ...keys] = args();
        let v = item;
        for (const k of keys) v = indexOne(v, k);
        return v;
      }
      case "print":
        return sprint(args());
      case "println":
        return args().map(fmtV).join(" ") + "\n";
      case "printf":
        if (lazy.length < 1) fail("wrong number of args for printf: want at least 1 got 0");
        return printf(args());
      case "eq": {
        if (lazy.length < 1) fail("wrong number of args for eq: want at least 1 got 0");
        const [a, ...rest] = args();
        return eq(a, rest);
      }
      case "ne": {
        arity(2);
        const [a, b] = args();
        return !eq(a, [b]);
      }
      case "lt":
      case "le":
      case "gt":
      case "ge": {
        arity(2);
        const [a, b] = args();
        if (name === "lt") return lessThan(a, b);
        if (name === "ge") return !lessThan(a, b);
        const equal2 = eq(a, [b]);
        if (name === "le") return equal2 || lessThan(a, b);
        return !equal2 && !lessThan(a, b);
      }
      case "slice":
      case "html":
      case "js":
      case "urlquery":
      case "call":
        unsupported(`the ${name} function`);
      // falls through (unsupported never returns)
      default:
        fail(`function "${name}" not defined`);
    }
  }
};
var MISSING = /* @__PURE__ */ Symbol("missing");
function goRenderTemplate(src, data2, maxOutput = 16 * 1024 * 1024) {
  const parser = new TemplateParser(src);
  const nodes = parser.parse();
  if (!parser.defs.has("template") || nodes.some((n) => n.k !== "text" || n.text.trim() !== "")) parser.defs.set("template", nodes);
  checkLoopControl(nodes, false);
  for (const d of parser.defs.values()) checkLoopControl(d, false);
  const exec = new Executor(parser.defs, maxOutput);
  exec.run(nodes, data2, { vars: [["$", data2]] });
  return exec.out;
}
function checkLoopControl(nodes, inRange) {
  for (const n of nodes) {
    if ((n.k === "break" || n.k === "continue") && !inRange) fail(`{{${n.k}}} outside {{range}}`);
    if (n.k === "if" || n.k === "with" || n.k === "range") {
      checkLoopControl(n.list, inRange || n.k === "range");
      if (n.else) checkLoopControl(n.else, inRange);
    }
  }
}

// src/go/yaml.ts
import { Composer as Composer2, isAlias, isMap as isMap2, isScalar as isScalar2, isSeq, Parser as Parser2, visit as visit2 } from "yaml";

// src/gatekeeper/load.ts
import { Composer, isScalar, LineCounter, Parser, visit } from "yaml";

// src/util/error-text.ts
function errorText(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String(e.message);
  return String(e);
}

// src/gatekeeper/load.ts
var DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
function relaxQuotedIndentation(text) {
  const lines = text.split("\n");
  let changed = false;
  let quote;
  let base = 0;
  let blockIndent;
  const indentOf = (line) => line.length - line.trimStart().length;
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li];
    let i = 0;
    if (quote !== void 0) {
      const indent = indentOf(line);
      if (line.trim() !== "" && indent <= base) {
        line = " ".repeat(base + 1 - indent) + line;
        lines[li] = line;
        changed = true;
      }
    } else if (blockIndent !== void 0) {
      if (line.trim() === "" || indentOf(line) > blockIndent) continue;
      blockIndent = void 0;
    }
    if (quote === void 0) base = indentOf(line);
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote === '"') {
        if (c === "\\") i++;
        else if (c === '"') quote = void 0;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = void 0;
        continue;
      }
      const prev = i === 0 ? " " : line[i - 1];
      if (c === "#" && /\s/.test(prev)) break;
      if ((c === '"' || c === "'") && /[\s:[{,-]/.test(prev)) quote = c;
    }
    if (quote === void 0 && /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) blockIndent = indentOf(line);
  }
  return changed ? lines.join("\n") : void 0;
}
function surrogateEscape(doc, text) {
  let found;
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== "QUOTE_DOUBLE" || !node.range) return void 0;
      const m = /(?<!\\)(?:\\\\)*\\(?:u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})/.exec(text.slice(node.range[0], node.range[1]));
      if (m) {
        found = node.range[0] + m.index;
        return visit.BREAK;
      }
      return void 0;
    }
  });
  return found;
}
var INT64_MIN2 = -(2n ** 63n);
var UINT64_MAX = 2n ** 64n - 1n;
function goUtf8(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 128 ? 0 : b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : -1;
    if (need === 0) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let ok = need > 0 && i + need < bytes.length;
    if (ok) {
      const b1 = bytes[i + 1];
      const lo = b === 224 ? 160 : b === 240 ? 144 : 128;
      const hi = b === 237 ? 159 : b === 244 ? 143 : 191;
      ok = b1 >= lo && b1 <= hi;
      for (let j = 2; ok && j <= need; j++) ok = bytes[i + j] >= 128 && bytes[i + j] <= 191;
    }
    if (!ok) {
      out += "\uFFFD";
      i++;
      continue;
    }
    out += Buffer.from(bytes.subarray(i, i + need + 1)).toString("utf8");
    i += need + 1;
  }
  return out;
}

// src/go/yaml.ts
var GoYamlError = class extends Error {
};
function failf(message) {
  throw new GoYamlError(`yaml: ${message}`);
}
var GoYamlMap = class {
  entries = /* @__PURE__ */ new Map();
};
var TAG = "tag:yaml.org,2002:";
var STR = `${TAG}str`;
var INT = `${TAG}int`;
var FLOAT = `${TAG}float`;
var BOOL = `${TAG}bool`;
var NULL = `${TAG}null`;
var TIMESTAMP = `${TAG}timestamp`;
var BINARY = `${TAG}binary`;
var MERGE = `${TAG}merge`;
var RESOLVE_MAP = /* @__PURE__ */ new Map();
for (const [tag, v, words] of [
  [BOOL, true, "y Y yes Yes YES true True TRUE on On ON"],
  [BOOL, false, "n N no No NO false False FALSE off Off OFF"],
  [NULL, null, "~ null Null NULL"],
  [FLOAT, { kind: "float", v: NaN }, ".nan .NaN .NAN"],
  [FLOAT, { kind: "float", v: Infinity }, ".inf .Inf .INF +.inf +.Inf +.INF"],
  [FLOAT, { kind: "float", v: -Infinity }, "-.inf -.Inf -.INF"],
  [MERGE, "<<", "<<"]
]) {
  for (const w of words.split(" ")) RESOLVE_MAP.set(w, [tag, v]);
}
RESOLVE_MAP.set("", [NULL, null]);
function hintOf(s) {
  if (s === "") return "N";
  const c = s[0];
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~".includes(c)) return "M";
  if (c === ".") return ".";
  return "";
}
var INT64_MIN3 = -(1n << 63n);
var INT64_MAX2 = (1n << 63n) - 1n;
var UINT64_MAX2 = (1n << 64n) - 1n;
function goParseInt(s, signed) {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || !signed && m[1] !== "") return void 0;
  const body = m[2];
  let v;
  if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else if (/^0[xXbBoO]/.test(body)) v = BigInt(`0${body[1].toLowerCase()}${body.slice(2)}`);
  else v = BigInt(body);
  if (m[1] === "-") v = -v;
  if (signed ? v < INT64_MIN3 || v > INT64_MAX2 : v > UINT64_MAX2) return void 0;
  return v;
}
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
function goParseFloat(s) {
  const f = Number(s);
  return Number.isFinite(f) ? f : void 0;
}
function isTimestamp(s) {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?))?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  const hour = Number(m[4] ?? m[7] ?? 0);
  const minute = Number(m[5] ?? m[8] ?? 0);
  const second = Number(m[6] ?? m[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}
function resolvable(tag) {
  return tag === "" || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === NULL || tag === TIMESTAMP;
}
function resolve(tag, text) {
  if (!resolvable(tag)) return [tag, text];
  const [rtag, out] = resolveImplicit(tag, text);
  if (tag === "" || tag === rtag || tag === STR || tag === BINARY) return [rtag, out];
  if (tag === FLOAT && rtag === INT && out !== null && typeof out === "object" && !Array.isArray(out) && !(out instanceof GoYamlMap)) {
    if (out.kind === "int" && out.v >= INT64_MIN3 && out.v <= INT64_MAX2) return [FLOAT, { kind: "float", v: Number(out.v) }];
  }
  failf(`cannot decode ${shortTag(rtag)} \`${text}\` as a ${shortTag(tag)}`);
}
function shortTag(tag) {
  return tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
}
function resolveImplicit(tag, text) {
  if ((tag === "" || tag === TIMESTAMP) && isTimestamp(text)) return [TIMESTAMP, text];
  const hint = hintOf(text);
  if (hint !== "" && tag !== STR && tag !== BINARY) {
    const known = RESOLVE_MAP.get(text);
    if (known) return known;
    if (hint === ".") {
      if (/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text)) {
        const f = goParseFloat(text);
        if (f !== void 0) return [FLOAT, { kind: "float", v: f }];
      }
    } else if (hint === "D" || hint === "S") {
      const plain = text.replace(/_/g, "");
      const i = goParseInt(plain, true) ?? goParseInt(plain, false);
      if (i !== void 0) return [INT, { kind: "int", v: i }];
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = goParseFloat(plain);
        if (f !== void 0) return [FLOAT, { kind: "float", v: f }];
      }
    }
  }
  return [STR, text];
}
function allowedAliasRatio(decodeCount) {
  if (decodeCount <= 4e5) return 0.99;
  if (decodeCount >= 4e6) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 4e5) / 36e5);
}
var Decoder = class {
  constructor(doc, text) {
    this.text = text;
    const anchors = /* @__PURE__ */ new Map();
    visit2(doc, (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.targets.set(node, target);
      } else if ((isScalar2(node) || isMap2(node) || isSeq(node)) && node.anchor) {
        anchors.set(node.anchor, node);
      }
      return void 0;
    });
  }
  text;
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  aliases = /* @__PURE__ */ new Set();
  /** Each alias's node: the last node anchored with its name before it, in document order. */
  targets = /* @__PURE__ */ new Map();
  count() {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1e3 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf("document contains excessive aliasing");
    }
  }
  /**
   * go-yaml's unmarshal of one node: counted, an alias followed (and refused when it is being decoded
   * already), then `fn` on the node itself.
   */
  unmarshal(node, fn) {
    this.count();
    if (node === null || !isAlias(node)) return fn(node);
    if (this.aliases.has(node)) failf(`anchor '${node.source}' value contains itself`);
    const target = this.targets.get(node);
    if (!target) failf(`unknown anchor '${node.source}' referenced`);
    this.aliases.add(node);
    this.aliasDepth++;
    try {
      return this.unmarshal(target, fn);
    } finally {
      this.aliasDepth--;
      this.aliases.delete(node);
    }
  }
  decode(node) {
    return this.unmarshal(node, (n) => {
      if (n === null) return null;
      if (isScalar2(n)) {
        let value = n.value;
        if ((n.type === "BLOCK_LITERAL" || n.type === "BLOCK_FOLDED") && !/[\r\n]$/.test(this.text) && n.range && n.range[1] >= this.text.length) {
          value = value.replace(/\n$/, "");
        }
        return this.scalar(value, n.type === "PLAIN", n.tag ?? "");
      }
      if (isSeq(n)) return n.items.map((item) => this.decode(item));
      if (isMap2(n)) {
        const out = new GoYamlMap();
        this.mapping(n, out);
        return out;
      }
      failf("unknown node");
    });
  }
  scalar(value, plain, explicitTag) {
    if (explicitTag === "" && !plain) return value;
    const [tag, resolved] = resolve(explicitTag, value);
    if (tag === BINARY) {
      const bytes = goBase64Std(value);
      if (!bytes) failf("!!binary value contains invalid base64 data");
      return goUtf8(bytes);
    }
    if (tag === TIMESTAMP) return value;
    return resolved;
  }
  isMerge(key) {
    return key !== null && isScalar2(key) && key.value === "<<" && (key.type === "PLAIN" && !key.tag || key.tag === MERGE);
  }
  mapping(node, out) {
    if (!isMap2(node)) failf("map merge requires map or sequence of maps as the value");
    for (const pair of node.items) {
      const key = pair.key;
      const value = pair.value;
      if (this.isMerge(key)) {
        this.merge(value, out);
        continue;
      }
      const k = this.decode(key);
      if (Array.isArray(k) || k instanceof GoYamlMap) failf("invalid map key: a collection cannot be a map key");
      out.entries.set(goKeyIdentity(k, out), [k, this.decode(value)]);
    }
  }
  merge(node, out) {
    const wantMap = () => failf("map merge requires map or sequence of maps as the value");
    if (node !== null && (isMap2(node) || isAlias(node))) {
      this.mergeOne(node, out, wantMap);
      return;
    }
    if (node === null || !isSeq(node)) return wantMap();
    const items = node.items;
    for (let i = items.length - 1; i >= 0; i--) this.mergeOne(items[i], out, wantMap);
  }
  mergeOne(node, out, wantMap) {
    if (node === null) wantMap();
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target && !isMap2(target)) wantMap();
    } else if (!isMap2(node)) wantMap();
    this.unmarshal(node, (target) => this.mapping(target, out));
  }
};
var nanKeys = 0;
function goKeyIdentity(k, _map) {
  if (k === null) return "nil";
  if (typeof k === "boolean") return `b:${k}`;
  if (typeof k === "string") return `s:${k}`;
  const v = k;
  if (v.kind === "float" && Number.isNaN(v.v)) return `nan:${nanKeys++}`;
  return `${v.kind}:${String(v.v)}`;
}
var NOT_PRINTABLE = /[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
function yaml11LineBreaks(doc, text) {
  const quoted = [];
  visit2(doc, {
    Scalar(_key, node) {
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range) quoted.push([node.range[0], node.range[1]]);
    }
  });
  for (const m of text.matchAll(/[\u0085\u2028\u2029]/g)) {
    if (m[0] === "\x85" || !quoted.some(([from, to]) => m.index >= from && m.index < to)) {
      throw new Error("yaml: U+0085, U+2028 and U+2029 outside quoted scalars (YAML 1.1 line breaks) are not supported by preadmit");
    }
  }
}
function firstDocument(text) {
  const composer = new Composer2({ version: "1.1", schema: "failsafe", uniqueKeys: false, merge: false });
  for (const doc of composer.compose(new Parser2().parse(text))) return doc;
  return void 0;
}
function goYamlDecode(text) {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const bad = NOT_PRINTABLE.exec(body);
  if (bad) failf("control characters are not allowed");
  let doc = firstDocument(body);
  if (doc && doc.errors.length > 0) {
    const relaxed = relaxQuotedIndentation(body);
    const second = relaxed === void 0 ? void 0 : firstDocument(relaxed);
    if (second && second.errors.length === 0) doc = second;
  }
  if (!doc) return null;
  if (doc.errors.length > 0) failf(doc.errors[0].message.split("\n")[0]);
  if (/^(?:[ \t]*(?:#.*)?(?:\r?\n|\r))*\.\.\.(?:[ \t\r\n]|$)/.test(body)) failf("did not find expected <document start>");
  if (/\\[uU]/.test(body) && surrogateEscape(doc, body) !== void 0) failf("found invalid Unicode character escape code");
  if (/[\u0085\u2028\u2029]/.test(body)) yaml11LineBreaks(doc, body);
  return new Decoder(doc, body).decode(doc.contents);
}
function jsonKey(k) {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (k !== null && !Array.isArray(k) && !(k instanceof GoYamlMap)) {
    if (k.kind === "int") {
      if (k.v > INT64_MAX2) throw new GoYamlError(`unsupported map key of type: uint64, key: 0x${k.v.toString(16)}`);
      return k.v.toString();
    }
    const s = goFloat32Text(k.v);
    return s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s;
  }
  throw new GoYamlError("unsupported map key of type: <nil>");
}
function goYamlToJson(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(goYamlToJson);
  if (v instanceof GoYamlMap) {
    const out = /* @__PURE__ */ new Map();
    for (const [k, x] of v.entries.values()) {
      const key = jsonKey(k);
      out.delete(key);
      out.set(key, goYamlToJson(x));
    }
    return out;
  }
  if (v.kind === "int") return { number: v.v.toString() };
  if (!Number.isFinite(v.v)) throw new GoYamlError(`json: unsupported value: ${goFloatText(v.v)}`);
  return { number: Object.is(v.v, -0) ? "-0" : String(v.v) };
}
var BEST_WIDTH = 80;
var BEST_INDENT = 2;
function goYamlKeyLess(a, b) {
  const ar = Array.from(a, (c) => c.codePointAt(0));
  const br = Array.from(b, (c) => c.codePointAt(0));
  const isLetter = (cp) => new RegExp("\\p{L}", "u").test(String.fromCodePoint(cp));
  const isDigit2 = (cp) => new RegExp("\\p{Nd}", "u").test(String.fromCodePoint(cp));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit2(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit2(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 48));
    let bi = i;
    for (; bi < br.length && isDigit2(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}
function printable(cp) {
  return cp === 10 || cp >= 32 && cp <= 126 || cp >= 160 && cp <= 55295 || cp >= 57344 && cp <= 65533 && cp !== 65279;
}
var isBreak = (cp) => cp === 10 || cp === 13 || cp === 133 || cp === 8232 || cp === 8233;
var isSpace = (cp) => cp === 32;
var isBlankz = (cp) => cp === void 0 || cp === 32 || cp === 9 || isBreak(cp) || cp === 0;
function analyzeScalar(cps) {
  if (cps.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let flowIndicators = false;
  let blockIndicators = false;
  const head = String.fromCodePoint(...cps.slice(0, 3));
  if (head === "---" || head === "...") flowIndicators = blockIndicators = true;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankz(cps[1]);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) flowIndicators = blockIndicators = true;
      if (ch === "?" || ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "-" && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (",?[]{}".includes(ch)) flowIndicators = true;
      if (ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "#" && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (!printable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    followedByWhitespace = isBlankz(cps[i + 2]);
  }
  const a = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}
var BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
function unsupportedMarshal(what) {
  throw new Error(`yaml.marshal: ${what} is not supported by preadmit`);
}
var Emitter = class {
  out = "";
  column = 0;
  /** libyaml's `whitespace`: the last character written was a space or a line start. */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line. */
  indention = true;
  put(s) {
    this.out += s;
    this.column += Array.from(s).length;
  }
  newline() {
    this.out += "\n";
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indent. */
  indent(indent) {
    const i = Math.max(indent, 0);
    if (!this.indention || this.column > i || this.column === i && !this.whitespace) this.newline();
    while (this.column < i) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indicator. */
  indicator(s, needWhitespace, isWhitespace, isIndention) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(s);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  /** The document: the root node, then a line break. */
  document(v) {
    this.node(v, -1, false, "root");
    this.indent(0);
  }
  /**
   * A node whose parent container is at `indent` (-1 at the root). `inMapping`: a sequence here is a
   * mapping's value (written without extra indentation).
   */
  node(v, indent, simpleKey, ctx) {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.indicator("[]", true, false, false);
      const seqIndent = indent < 0 ? 0 : ctx === "value" ? indent : indent + BEST_INDENT;
      for (const item of v) {
        this.indent(seqIndent);
        this.indicator("-", true, false, true);
        this.node(item, seqIndent, false, "item");
      }
      return;
    }
    if (v instanceof Map) {
      if (v.size === 0) return this.indicator("{}", true, false, false);
      const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      const keys = [...v.keys()].sort((a, b) => goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0);
      for (const k of keys) {
        this.indent(mapIndent);
        if (Buffer.byteLength(k, "utf8") > 128 || /[\n\r\u0085\u2028\u2029]/.test(k)) {
          this.indicator("?", true, false, true);
          this.scalar(k, mapIndent, false);
          this.indent(mapIndent);
          this.indicator(":", true, false, true);
          this.node(v.get(k), mapIndent, false, "item");
          continue;
        }
        this.scalar(k, mapIndent, true);
        this.indicator(":", false, false, false);
        this.node(v.get(k), mapIndent, false, "value");
      }
      return;
    }
    if (v === null || typeof v === "boolean") return this.write(String(v), "plain", scalarIndent(indent), simpleKey);
    if (typeof v === "string") return this.scalar(v, indent, simpleKey);
    const n = numberText(v.number);
    if (n === void 0) this.scalar(v.number, indent, simpleKey);
    else this.write(n, "plain", scalarIndent(indent), simpleKey);
  }
  /** A string scalar: go-yaml's style request, then libyaml's select_scalar_style. */
  scalar(s, indent, simpleKey) {
    const cps = Array.from(s, (c) => c.codePointAt(0));
    if (cps.some((c) => c === 133 || c === 65279 || c === 13 || c === 8232 || c === 8233)) {
      unsupportedMarshal("a string with U+000D, U+0085, U+2028, U+2029 or U+FEFF");
    }
    const [rtag] = resolveImplicit("", s);
    const canUsePlain = rtag === STR && !BASE60_FLOAT.test(s);
    let style = s.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
    const a = analyzeScalar(cps);
    if (style === "plain" && (!a.blockPlain || cps.length === 0 && simpleKey)) style = "single";
    if (style === "single" && !a.single) style = "double";
    if (style === "literal" && (!a.block || simpleKey)) style = "double";
    this.write(s, style, scalarIndent(indent), simpleKey);
  }
  write(s, style, indent, simpleKey) {
    const cps = Array.from(s, (c) => c.codePointAt(0));
    const allowBreaks = !simpleKey;
    if (style === "literal") return this.literal(cps, indent);
    if (style === "plain") {
      if (!this.whitespace) this.put(" ");
      let spaces2 = false;
      cps.forEach((c, i) => {
        if (isSpace(c)) {
          if (allowBreaks && !spaces2 && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.indent(indent);
          else this.put(" ");
          spaces2 = true;
        } else {
          this.put(String.fromCodePoint(c));
          spaces2 = false;
        }
        this.whitespace = false;
        this.indention = false;
      });
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const quote = style === "single" ? "'" : '"';
    this.indicator(quote, true, false, false);
    let spaces = false;
    cps.forEach((c, i) => {
      if (style === "double" && (!printable(c) || isBreak(c) || c === 34 || c === 92)) {
        this.put(`\\${doubleQuotedEscape(c)}`);
        spaces = false;
      } else if (isSpace(c)) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1;
        if (fold && (style === "double" || !isSpace(cps[i + 1]))) {
          this.indent(indent);
          if (style === "double" && isSpace(cps[i + 1])) this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.put(c === 39 && style === "single" ? "''" : String.fromCodePoint(c));
        spaces = false;
      }
      this.indention = false;
      this.whitespace = false;
    });
    this.indicator(quote, false, false, false);
  }
  literal(cps, indent) {
    this.indicator("|", true, false, false);
    if (isSpace(cps[0]) || isBreak(cps[0])) this.put(String(BEST_INDENT));
    const last = cps.length - 1;
    let chomp = "";
    if (cps.length === 0 || !isBreak(cps[last])) chomp = "-";
    else if (last === 0 || isBreak(cps[last - 1])) chomp = "+";
    this.put(chomp);
    this.newline();
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.newline();
        breaks = true;
      } else {
        if (breaks) this.indent(indent);
        this.put(String.fromCodePoint(c));
        this.indention = false;
        this.whitespace = false;
        breaks = false;
      }
    }
  }
};
function scalarIndent(indent) {
  return indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
}
function doubleQuotedEscape(c) {
  const named = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P" };
  if (named[c] !== void 0) return named[c];
  const hex2 = c.toString(16).toUpperCase();
  if (c <= 255) return `x${hex2.padStart(2, "0")}`;
  if (c <= 65535) return `u${hex2.padStart(4, "0")}`;
  return `U${hex2.padStart(8, "0")}`;
}
function numberText(text) {
  const [tag, v] = resolveImplicit("", text);
  if (tag === INT) return v.v.toString();
  if (tag === FLOAT) return goFloatText(v.v);
  return void 0;
}
function goYamlMarshal(v) {
  const e = new Emitter();
  e.document(v);
  return e.out;
}

// src/opa/builtins.ts
var BuiltinError = class extends Error {
};
function fail2(message) {
  throw new BuiltinError(message);
}
function str(v, pos) {
  if (!v || v.t !== "string") fail2(`operand ${pos} must be string`);
  return v.v;
}
function num(v, pos) {
  if (!v || v.t !== "number") fail2(`operand ${pos} must be number`);
  return v.v;
}
var INT64_MIN4 = -(1n << 63n);
var INT64_MAX3 = (1n << 63n) - 1n;
function intOperand(v, pos) {
  const text = num(v, pos);
  const m = /^(-?)([0-9]{1,19})(?:\.0*)?$/.exec(text);
  if (!m) fail2(`operand ${pos} must be integer number but got floating-point number`);
  const i = BigInt(m[2] ?? "0") * (m[1] === "-" ? -1n : 1n);
  if (i < INT64_MIN4 || i > INT64_MAX3) fail2(`operand ${pos} must be integer number`);
  return Number(i);
}
function bigIntOperand(v, pos) {
  const i = numberToInt(num(v, pos));
  if (i === void 0) fail2(`operand ${pos} must be integer number but got floating-point number`);
  return i;
}
function numberToFloat(text) {
  const f = parseGoBigFloat(text);
  if (!f) fail2(`illegal number: ${text}`);
  return f;
}
function numberToInt(text) {
  const f = numberToFloat(text);
  return f.isInt ? f.toInt() : void 0;
}
function floatToNumber(f) {
  return regoNumber(f.text(f.isInt ? "f" : "g"));
}
function smallInt(text) {
  if (!/^[+-]?[0-9]{1,4}$/.test(text)) return void 0;
  const i = Number(text);
  return i > -1e3 && i < 1e3 ? i : void 0;
}
function floatOpInt(op) {
  return op().toInt();
}
function floatOp(op) {
  return floatToNumber(op());
}
function arith2(a, b, small, float) {
  const x = num(a, 1);
  const y = num(b, 2);
  if (small) {
    const i = smallInt(x);
    const j = smallInt(y);
    if (i !== void 0 && j !== void 0) return regoNumber(small(i, j));
  }
  return floatOp(() => float(numberToFloat(x), numberToFloat(y)));
}
function arithMinus(a, b) {
  if (a?.t === "set" && b?.t === "set") return { t: "set", v: a.v.filter((x) => !setContains(b.v, x)) };
  if (a?.t !== "number" && a?.t !== "set") fail2("operand 1 must be one of {number, set}");
  if (a.t === "set") fail2("operand 2 must be set");
  return arith2(a, b, (x, y) => x - y, (x, y) => goBigFloatSub(x, y));
}
function arithDivide(a, b) {
  return arith2(a, b, void 0, (x, y) => {
    if (y.isZero) fail2("divide by zero");
    return goBigFloatQuo(x, y);
  });
}
function arithRem(a, b) {
  const x = num(a, 1);
  const y = num(b, 2);
  const i = smallInt(x);
  const j = smallInt(y);
  if (i !== void 0 && j !== void 0) {
    if (j === 0) fail2("modulo by zero");
    return regoNumber(i % j || 0);
  }
  const p = numberToInt(x);
  const q = numberToInt(y);
  if (p === void 0 || q === void 0) fail2("modulo on floating-point number");
  if (BigInt.asIntN(64, q) === 0n) fail2("modulo by zero");
  return regoNumber(p % q);
}
var HALF = goBigFloatOfFloat64(1n, -1);
var ONE = goBigFloatOfFloat64(1n, 0);
function arithRound(x) {
  const shifted = x.neg ? goBigFloatSub(x, HALF) : goBigFloatAdd(x, HALF);
  return goBigFloatOfInt(shifted.toInt());
}
function arithCeil(x) {
  const f = goBigFloatOfInt(x.toInt());
  if (f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatAdd(f, ONE);
}
function arithFloor(x) {
  const f = goBigFloatOfInt(x.toInt());
  if (!f.neg || goBigFloatCmp(x, f) === 0) return f;
  return goBigFloatSub(f, ONE);
}
function arith1(a, fn) {
  return floatOp(() => fn(numberToFloat(num(a, 1))));
}
function collectionNumbers(v) {
  if (!v || v.t !== "array" && v.t !== "set") fail2("operand 1 must be one of {set, array}");
  const items = v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v;
  return items.map((x) => {
    if (x.t !== "number") fail2("operand 1 must be array of numbers");
    return x.v;
  });
}
function aggregateSum(v) {
  const nums = collectionNumbers(v);
  if (nums.every((n) => goParseInt64(n) !== void 0)) {
    return regoNumber(nums.reduce((acc, n) => BigInt.asIntN(64, acc + goParseInt64(n)), 0n));
  }
  return floatOp(() => nums.reduce((acc, n) => goBigFloatAdd(acc, numberToFloat(n)), goBigFloatOfFloat64(0n, 0)));
}
function aggregateProduct(v) {
  const nums = collectionNumbers(v);
  return floatOp(() => nums.reduce((acc, n) => goBigFloatMul(acc, numberToFloat(n)), ONE));
}
function goParseInt64(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) return void 0;
  const i = BigInt(s);
  return i < INT64_MIN4 || i > INT64_MAX3 ? void 0 : i;
}
function stringList(v, pos) {
  if (v.t !== "array" && v.t !== "set") fail2(`operand ${pos} must be one of {array, set}`);
  return v.v.map((x) => {
    if (x.t !== "string") fail2(`operand ${pos} must be array of strings`);
    return x.v;
  });
}
function anyAffixMatch(a, b, suffix) {
  if (!a || !b) fail2("missing operand");
  const match2 = suffix ? (s, x) => s.endsWith(x) : (s, x) => s.startsWith(x);
  let search;
  if (a.t === "string") search = [a.v];
  else if (a.t === "array" || a.t === "set") search = stringList(a, 1);
  else fail2("operand 1 must be one of {string, set, array}");
  let bases;
  if (b.t === "string") bases = [b.v];
  else if (b.t === "array" || b.t === "set") bases = stringList(b, 2);
  else fail2("operand 2 must be one of {string, set, array}");
  return regoBool(search.some((s) => bases.some((x) => match2(s, x))));
}
function stringsCount(s, sub) {
  if (sub === "") return [...s].length + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}
function indexOfN(s, sub) {
  const runes = [...s];
  const needle = [...sub];
  const out = [];
  if (needle.length === 0) fail2("empty search character");
  for (let i = 0; i + needle.length <= runes.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (runes[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(regoNumber(i));
  }
  return regoArray(out);
}
function extractNumAndUnit(s) {
  const isDigit2 = (c) => c !== void 0 && c >= "0" && c <= "9";
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (!isDigit2(c) && c !== "." && c !== "e" && c !== "E" && c !== "+" && c !== "-") {
      first = i;
      break;
    }
    if (c === "e" || c === "E") {
      const next = s[i + 1];
      if (i === s.length - 1 || !isDigit2(next) && next !== "+" && next !== "-") {
        first = i;
        break;
      }
      if (next === "+" || next === "-") i++;
      let end = i + 1;
      while (end < s.length && isDigit2(s[end])) end++;
      if (end - (i + 1) > 6) fail2("exponent too large");
    }
  }
  if (first === -1) return { num: s, unit: "" };
  if (first === 0) return { num: "", unit: s };
  return { num: s.slice(0, first), unit: s.slice(first) };
}
function parseRational(text) {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return void 0;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return void 0;
  if (m[3] !== void 0 && int === "" && frac === "") return void 0;
  const exp = Number(m[4] ?? "0") - frac.length;
  let n = BigInt(int + frac || "0");
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === "-") n = -n;
  return { n, d };
}
var SI = {
  k: 1000n,
  M: 1000n ** 2n,
  g: 1000n ** 3n,
  t: 1000n ** 4n,
  p: 1000n ** 5n,
  e: 1000n ** 6n
};
var BINARY2 = {
  ki: 1n << 10n,
  mi: 1n << 20n,
  gi: 1n << 30n,
  ti: 1n << 40n,
  pi: 1n << 50n,
  ei: 1n << 60n
};
var MILLI = { n: 1152921504606847n, d: 1n << 60n };
function unitsParse(raw) {
  const s = raw.replaceAll('"', "");
  if (s.includes(" ")) fail2("spaces not allowed in resource strings");
  const { num: amount, unit: rawUnit } = extractNumAndUnit(s);
  if (amount === "") fail2("no amount provided");
  let unit = rawUnit;
  if (unit.length > 1) unit = unit.slice(0, 1) + unit.slice(1).toLowerCase();
  let factor;
  if (unit === "m") factor = MILLI;
  else if (unit === "") factor = { n: 1n, d: 1n };
  else if (unit === "M") factor = { n: SI.M, d: 1n };
  else if (/^[kKgGtTpPeE]$/.test(unit)) factor = { n: SI[unit.toLowerCase()], d: 1n };
  else if (/^[kKmMgGtTpPeE]i$/.test(unit)) factor = { n: BINARY2[unit.toLowerCase()], d: 1n };
  else fail2(`unit ${unit} not recognized`);
  const r = parseRational(amount);
  if (!r) fail2("could not parse amount to a number");
  let n = r.n * factor.n;
  let d = r.d * factor.d;
  const g = gcd(n < 0n ? -n : n, d);
  n /= g;
  d /= g;
  if (d === 1n) return regoNumber(n);
  return regoNumber(ratFloatString(n, d, 10));
}
function gcd(a, b) {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
function ratFloatString(n, d, prec) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const scale = 10n ** BigInt(prec);
  let q = a * scale / d;
  const r = a * scale % d;
  if (2n * r >= d) q++;
  let digits = q.toString().padStart(prec + 1, "0");
  digits = digits.slice(0, digits.length - prec) + "." + digits.slice(digits.length - prec);
  return (neg ? "-" : "") + digits;
}
function unitsParseBytes(raw) {
  const s = raw.toLowerCase().replaceAll('"', "");
  if (s.includes(" ")) fail2("spaces not allowed in resource strings");
  const { num: amount, unit } = extractNumAndUnit(s);
  if (amount === "") fail2("no byte amount provided");
  const table = {
    "": 1n,
    kb: 1000n,
    k: 1000n,
    kib: 1n << 10n,
    ki: 1n << 10n,
    mb: 1000n ** 2n,
    m: 1000n ** 2n,
    mib: 1n << 20n,
    mi: 1n << 20n,
    gb: 1000n ** 3n,
    g: 1000n ** 3n,
    gib: 1n << 30n,
    gi: 1n << 30n,
    tb: 1000n ** 4n,
    t: 1000n ** 4n,
    tib: 1n << 40n,
    ti: 1n << 40n,
    pb: 1000n ** 5n,
    p: 1000n ** 5n,
    pib: 1n << 50n,
    pi: 1n << 50n,
    eb: 1000n ** 6n,
    e: 1000n ** 6n,
    eib: 1n << 60n,
    ei: 1n << 60n
  };
  const factor = Object.hasOwn(table, unit) ? table[unit] : void 0;
  if (factor === void 0) fail2(`byte unit ${unit} not recognized`);
  const x = numberToFloat(amount);
  return regoNumber(floatOpInt(() => goBigFloatMul(x, goBigFloatOfInt(factor), 64)));
}
var META_RE = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
function parseSemVer(input) {
  let v = input.startsWith("v") ? input.slice(1) : input;
  const plus = v.indexOf("+");
  if (plus >= 0) {
    const meta = v.slice(plus + 1);
    if (meta !== "" && !META_RE.test(meta)) return void 0;
    v = v.slice(0, plus);
  }
  let pre = "";
  const dash = v.indexOf("-");
  if (dash >= 0) {
    pre = v.slice(dash + 1);
    v = v.slice(0, dash);
    if (pre !== "" && !META_RE.test(pre)) return void 0;
  }
  const parts = v.split(".");
  if (parts.length !== 3) return void 0;
  const nums = parts.map((p) => {
    if (!/^[+-]?[0-9]+$/.test(p)) return void 0;
    const n = BigInt(p);
    return n > INT64_MAX3 || n < -INT64_MAX3 - 1n ? void 0 : n;
  });
  const [major, minor, patch] = nums;
  if (major === void 0 || minor === void 0 || patch === void 0) return void 0;
  return { major, minor, patch, pre };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemVer(a, b) {
  const c = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.pre === b.pre) return 0;
  if (a.pre === "") return 1;
  if (b.pre === "") return -1;
  const xs = a.pre.split(".");
  const ys = b.pre.split(".");
  for (let i = 0; ; i++) {
    const x = xs[i] ?? "";
    const y = ys[i] ?? "";
    if (x === "" && y !== "") return -1;
    if (x !== "" && y === "") return 1;
    const xi = /^[0-9]+$/.test(x);
    const yi = /^[0-9]+$/.test(y);
    if (xi && !yi) return -1;
    if (!xi && yi) return 1;
    const d = xi && yi ? cmp(goAtoi(x), goAtoi(y)) : cmp(x, y);
    if (d !== 0) return d;
    const moreX = i + 1 < xs.length;
    const moreY = i + 1 < ys.length;
    if (moreX && !moreY) return 1;
    if (!moreX && moreY) return -1;
    if (!moreX && !moreY) return 0;
  }
}
function goAtoi(s) {
  const n = BigInt(s);
  return n > INT64_MAX3 ? 0n : n;
}
function goRegexp(pattern) {
  const r = compileGoRegexp(pattern);
  if ("error" in r) fail2(r.error);
  return r;
}
function objectGet(obj, key) {
  for (const [k, v] of obj) if (regoValuesEqual(k, key)) return v;
  return void 0;
}
function setContains(set, x) {
  return set.some((e) => regoValuesEqual(e, x));
}
function objectSubset(sup, sub) {
  for (const [k, subV] of sub) {
    const supV = objectGet(sup, k);
    if (!supV) return false;
    if (regoValuesEqual(subV, supV)) continue;
    if (supV.t === "object" && subV.t === "object") {
      if (!objectSubset(supV.v, subV.v)) return false;
    } else if (supV.t === "set" && subV.t === "set") {
      if (!subV.v.every((e) => setContains(supV.v, e))) return false;
    } else if (supV.t === "array" && subV.t === "array") {
      if (!arraySubset(supV.v, subV.v)) return false;
    } else return false;
  }
  return true;
}
function arraySubset(sup, sub) {
  if (sub.length > sup.length) return false;
  if (sub.length === sup.length && sub.every((x, i) => regoValuesEqual(x, sup[i]))) return true;
  let supCursor = 0;
  let subCursor = 0;
  for (; ; ) {
    if (subCursor === sub.length) return true;
    if (supCursor + subCursor === sup.length) return false;
    if (regoValuesEqual(sup[supCursor + subCursor], sub[subCursor])) subCursor++;
    else {
      supCursor++;
      subCursor = 0;
    }
  }
}
function builtinObjectSubset(sup, sub) {
  if (!sup || !sub) fail2("missing operand");
  if (sup.t === "object" && sub.t === "object") return regoBool(objectSubset(sup.v, sub.v));
  if (sup.t === "set" && sub.t === "set") return regoBool(sub.v.every((e) => setContains(sup.v, e)));
  if (sup.t === "array" && sub.t === "array") return regoBool(arraySubset(sup.v, sub.v));
  if (sup.t === "array" && sub.t === "set") {
    let unmatched = sub.v.length;
    for (const t of sup.v) {
      if (setContains(sub.v, t)) unmatched--;
      if (unmatched === 0) return regoTrue2();
    }
    return regoBool(false);
  }
  fail2("both arguments object.subset must be of the same type or array and set");
}
function regoTrue2() {
  return regoBool(true);
}
var MAX_RANGE_LENGTH = 1e7;
function rangeStep(a, b, s) {
  const x = bigIntOperand(a, 1);
  const y = bigIntOperand(b, 2);
  const step = bigIntOperand(s, 3);
  if (step <= 0n) fail2("numbers.range_step: step must be a positive integer");
  const span = x <= y ? y - x : x - y;
  if (span / step + 1n > BigInt(MAX_RANGE_LENGTH)) throw new Error(`range of more than ${MAX_RANGE_LENGTH} numbers: over preadmit's memory bound`);
  const out = [];
  if (x <= y) for (let i = x; i <= y; i += step) out.push(regoNumber(i));
  else for (let i = x; i >= y; i -= step) out.push(regoNumber(i));
  return regoArray(out);
}
var NS_PER_SEC = 1000000000n;
var DAY_SEC = 86400n;
function floorDiv(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function daysFromCivil(year, month, day) {
  const m0 = month - 1n;
  year += floorDiv(m0, 12n);
  month = m0 - floorDiv(m0, 12n) * 12n + 1n;
  const y = month <= 2n ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const mp = (month + 9n) % 12n;
  const doy = (153n * mp + 2n) / 5n + day - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}
function civilFromDays(z) {
  z += 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  return { year: Number(year), month: Number(month), day: Number(day) };
}
var zoneCache = /* @__PURE__ */ new Map();
function loadZone(name) {
  if (name === "" || name === "UTC") return { kind: "utc" };
  const key = name === "Local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: key,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short"
    });
  } catch {
    fail2(`unknown time zone ${name}`);
  }
  const zone = { kind: "iana", name: key, fmt };
  zoneCache.set(key, zone);
  return zone;
}
function zoneOffset(zone, unixSec) {
  if (zone.kind === "utc") return 0n;
  const ms = Number(unixSec) * 1e3;
  const parts = zone.fmt.formatToParts(new Date(ms));
  const get = (t) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  let year = get("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  const local = daysFromCivil(BigInt(year), BigInt(get("month")), BigInt(get("day"))) * DAY_SEC + BigInt(get("hour") * 3600 + get("minute") * 60 + get("second"));
  return local - unixSec;
}
function civilAt(ns, zone) {
  const sec = floorDiv(ns, NS_PER_SEC);
  const nsec = ns - sec * NS_PER_SEC;
  const local = sec + zoneOffset(zone, sec);
  const days = floorDiv(local, DAY_SEC);
  const rem = Number(local - days * DAY_SEC);
  const { year, month, day } = civilFromDays(days);
  const weekday = Number((days % 7n + 11n) % 7n);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    minute: Math.floor(rem % 3600 / 60),
    second: rem % 60,
    nsec,
    weekday
  };
}
function dateToNs(year, month, day, hour, minute, second, nsec, zone) {
  const wall = daysFromCivil(year, month, day) * DAY_SEC + hour * 3600n + minute * 60n + second;
  let sec = wall;
  if (zone.kind !== "utc") {
    const off1 = zoneOffset(zone, wall);
    const guess = wall - off1;
    const off2 = zoneOffset(zone, guess);
    sec = off2 === off1 ? guess : wall - off2;
    if (off2 !== off1 && zoneOffset(zone, sec) !== off2) sec = guess;
  }
  return sec * NS_PER_SEC + nsec;
}
function tzTime(v) {
  if (!v) fail2("missing operand");
  let n;
  let zone = { kind: "utc" };
  let layout = "";
  if (v.t === "array") {
    if (v.v.length === 0) fail2("operand 1 must be one of {number, array}");
    n = v.v[0];
    if (v.v.length > 1) zone = loadZone(str(v.v[1], 1));
    if (v.v.length > 2) layout = str(v.v[2], 1);
  } else if (v.t === "number") n = v;
  else fail2("operand 1 must be one of {number, array}");
  const ns = exactIntegerOfFloat(num(n, 1));
  return { ns, zone, layout };
}
function exactIntegerOfFloat(text) {
  const i = numberToInt(text);
  if (i === void 0 || i < INT64_MIN4 || i > INT64_MAX3) fail2("timestamp too big");
  return i;
}
function safeNs(ns) {
  if (ns < INT64_MIN4 || ns > INT64_MAX3) fail2("time outside of valid range");
  return regoNumber(ns);
}
var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
function daysIn(month, year) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}
function timeDiff(a, b) {
  const t1 = tzTime(a);
  const t2 = tzTime(b);
  let x = t1.ns;
  let y = t2.ns;
  if (x > y) [x, y] = [y, x];
  const c1 = civilAt(x, t1.zone);
  const c2 = civilAt(y, t1.zone);
  let year = c2.year - c1.year;
  let month = c2.month - c1.month;
  let day = c2.day - c1.day;
  let hour = c2.hour - c1.hour;
  let min = c2.minute - c1.minute;
  let sec = c2.second - c1.second;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    const overflow = 32 - daysIn(c1.month, c1.year);
    day += 32 - overflow;
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return regoArray([year, month, day, hour, min, sec].map(regoNumber));
}
function goParseDuration(orig) {
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") fail2(`time: invalid duration ${JSON.stringify(orig)}`);
  const units = {
    ns: 1n,
    us: 1000n,
    "\xB5s": 1000n,
    "\u03BCs": 1000n,
    ms: 1000000n,
    s: NS_PER_SEC,
    m: 60n * NS_PER_SEC,
    h: 3600n * NS_PER_SEC
  };
  const LIMIT = 1n << 63n;
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || s[0] !== void 0 && s[0] >= "0" && s[0] <= "9")) fail2("time: invalid duration");
    let j = 0;
    let v = 0n;
    while (j < s.length && s[j] !== void 0 && s[j] >= "0" && s[j] <= "9") {
      if (v > LIMIT / 10n) fail2("time: invalid duration");
      v = v * 10n + BigInt(s[j].charCodeAt(0) - 48);
      if (v > LIMIT) fail2("time: invalid duration");
      j++;
    }
    const pre = j > 0;
    s = s.slice(j);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let k2 = 0;
      let overflow = false;
      while (k2 < s.length && s[k2] >= "0" && s[k2] <= "9") {
        if (!overflow) {
          if (f > (LIMIT - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s[k2].charCodeAt(0) - 48);
            if (y > LIMIT) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        k2++;
      }
      post = k2 > 0;
      s = s.slice(k2);
    }
    if (!pre && !post) fail2("time: invalid duration");
    let k = 0;
    while (k < s.length && s[k] !== "." && !(s[k] >= "0" && s[k] <= "9")) k++;
    if (k === 0) fail2("time: missing unit in duration");
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = Object.hasOwn(units, u) ? units[u] : void 0;
    if (unit === void 0) fail2(`time: unknown unit ${JSON.stringify(u)} in duration`);
    if (v > LIMIT / unit) fail2("time: invalid duration");
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) fail2("time: invalid duration");
    }
    d += v;
    if (d > LIMIT) fail2("time: invalid duration");
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) fail2("time: invalid duration");
  return d;
}
function parseExtendedDuration(s) {
  if (s === "") fail2('time: invalid duration ""');
  if (!/[dwy]/.test(s)) return goParseDuration(s);
  const m = /^([-+]?)((?:[0-9.]+(?:ms|us|µs|ns|[a-z]))+)$/.exec(s);
  if (!m) fail2(`time: invalid duration ${JSON.stringify(s)}`);
  let rewritten = m[1] ?? "";
  for (const seg of (m[2] ?? "").matchAll(/([0-9.]+)(ms|us|µs|ns|[a-z])/g)) {
    const digits = seg[1] ?? "";
    const unit = seg[2] ?? "";
    const coeff = unit === "d" ? 24 : unit === "w" ? 168 : unit === "y" ? 8760 : 0;
    if (coeff === 0) {
      rewritten += digits + unit;
      continue;
    }
    if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(digits)) fail2(`time: invalid duration ${JSON.stringify(s)}`);
    const hours = Number(digits) * coeff;
    rewritten += formatShortestFixed(hours) + "h";
  }
  return goParseDuration(rewritten);
}
function formatShortestFixed(x) {
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN";
  const [m, e] = Math.abs(x).toExponential().split("e");
  const digits = m.replace(".", "");
  const dp = Number(e) + 1;
  let out;
  if (dp <= 0) out = "0." + "0".repeat(-dp) + digits;
  else if (dp >= digits.length) out = digits + "0".repeat(dp - digits.length);
  else out = digits.slice(0, dp) + "." + digits.slice(dp);
  if (x === 0) out = "0";
  return (x < 0 ? "-" : "") + out;
}
var LAYOUT_CONSTANTS = {
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00"
};
function startsWithLower(s) {
  return s.length > 0 && s[0] !== void 0 && s[0] >= "a" && s[0] <= "z";
}
function nextStdChunk(layout) {
  const at2 = (i, s) => layout.startsWith(s, i);
  const mk = (i, std, len, fracDigits = 0) => ({
    prefix: layout.slice(0, i),
    std,
    fracDigits,
    suffix: layout.slice(i + len)
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    switch (c) {
      case "J":
        if (at2(i, "Jan")) {
          if (at2(i, "January")) return mk(i, "January", 7);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, "Jan", 3);
        }
        break;
      case "M":
        if (at2(i, "Mon")) {
          if (at2(i, "Monday")) return mk(i, "Monday", 6);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, "Mon", 3);
        }
        if (at2(i, "MST")) return mk(i, "MST", 3);
        break;
      case "0": {
        const d = layout[i + 1];
        if (d !== void 0 && d >= "1" && d <= "6") return mk(i, "0" + d, 2);
        if (at2(i, "002")) return mk(i, "002", 3);
        break;
      }
      case "1":
        if (at2(i, "15")) return mk(i, "15", 2);
        return mk(i, "1", 1);
      case "2":
        if (at2(i, "2006")) return mk(i, "2006", 4);
        return mk(i, "2", 1);
      case "_":
        if (layout[i + 1] === "2") {
          if (at2(i + 1, "2006")) return { prefix: layout.slice(0, i + 1), std: "2006", fracDigits: 0, suffix: layout.slice(i + 5) };
          return mk(i, "_2", 2);
        }
        if (at2(i, "__2")) return mk(i, "__2", 3);
        break;
      case "3":
        return mk(i, "3", 1);
      case "4":
        return mk(i, "4", 1);
      case "5":
        return mk(i, "5", 1);
      case "P":
        if (layout[i + 1] === "M") return mk(i, "PM", 2);
        break;
      case "p":
        if (layout[i + 1] === "m") return mk(i, "pm", 2);
        break;
      case "-":
        for (const s of ["-070000", "-07:00:00", "-0700", "-07:00", "-07"]) if (at2(i, s)) return mk(i, s, s.length);
        break;
      case "Z":
        for (const s of ["Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"]) if (at2(i, s)) return mk(i, s, s.length);
        break;
      case ".":
      case ",": {
        const ch = layout[i + 1];
        if (ch === "0" || ch === "9") {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          const next = layout[j];
          if (!(next !== void 0 && next >= "0" && next <= "9")) {
            return { ...mk(i, ch === "0" ? "frac0" : "frac9", j - i, j - (i + 1)), sep: c };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, fracDigits: 0, suffix: "" };
}
function goPadInt(x, width) {
  const neg = x < 0;
  const digits = (neg ? -BigInt(x) : BigInt(x)).toString().padStart(width, "0");
  return (neg ? "-" : "") + digits;
}
function goTimeFormat(ns, zone, layoutIn) {
  const c = civilAt(ns, zone);
  const offset = Number(zoneOffset(zone, floorDiv(ns, NS_PER_SEC)));
  const yday = Number(daysFromCivil(BigInt(c.year), BigInt(c.month), BigInt(c.day)) - daysFromCivil(BigInt(c.year), 1n, 1n)) + 1;
  const nsec = Number(c.nsec);
  let out = "";
  let layout = layoutIn;
  while (layout !== "") {
    const chunk = nextStdChunk(layout);
    out += chunk.prefix;
    layout = chunk.suffix;
    if (!chunk.std) break;
    const std = chunk.std;
    switch (std) {
      case "06":
        out += goPadInt((c.year % 100 + 100) % 100, 2);
        break;
      case "2006":
        out += goPadInt(c.year, 4);
        break;
      case "Jan":
        out += MONTHS[c.month - 1].slice(0, 3);
        break;
      case "January":
        out += MONTHS[c.month - 1];
        break;
      case "1":
        out += String(c.month);
        break;
      case "01":
        out += goPadInt(c.month, 2);
        break;
      case "Mon":
        out += WEEKDAYS[c.weekday].slice(0, 3);
        break;
      case "Monday":
        out += WEEKDAYS[c.weekday];
        break;
      case "2":
        out += String(c.day);
        break;
      case "_2":
        out += c.day < 10 ? ` ${c.day}` : String(c.day);
        break;
      case "02":
        out += goPadInt(c.day, 2);
        break;
      case "__2":
        out += String(yday).padStart(3, " ");
        break;
      case "002":
        out += goPadInt(yday, 3);
        break;
      case "15":
        out += goPadInt(c.hour, 2);
        break;
      case "3":
        out += String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        break;
      case "03":
        out += goPadInt(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case "4":
        out += String(c.minute);
        break;
      case "04":
        out += goPadInt(c.minute, 2);
        break;
      case "5":
        out += String(c.second);
        break;
      case "05":
        out += goPadInt(c.second, 2);
        break;
      case "PM":
        out += c.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += c.hour >= 12 ? "pm" : "am";
        break;
      case "MST": {
        if (zone.kind !== "utc") fail2("time zone abbreviations are only known for UTC");
        out += "UTC";
        break;
      }
      case "frac0":
      case "frac9": {
        const n = chunk.fracDigits;
        if (std === "frac9" && (n === 0 || nsec === 0)) break;
        const sep = chunk.sep ?? ".";
        let digits = goPadInt(nsec, 9).slice(0, n);
        if (std === "frac9") digits = digits.replace(/0+$/, "");
        out += digits === "" ? "" : sep + digits;
        break;
      }
      default: {
        if (std.startsWith("Z") && offset === 0) {
          out += "Z";
          break;
        }
        const minutes = Math.trunc(offset / 60);
        out += minutes < 0 ? "-" : "+";
        const z = Math.abs(minutes);
        out += goPadInt(Math.floor(z / 60), 2);
        const colon = std.includes(":");
        if (std !== "-07" && std !== "Z07") out += (colon ? ":" : "") + goPadInt(z % 60, 2);
        if (std === "-070000" || std === "-07:00:00" || std === "Z070000" || std === "Z07:00:00") {
          out += (colon ? ":" : "") + goPadInt(Math.abs(offset) % 60, 2);
        }
      }
    }
  }
  return out;
}
function timeFormat(v) {
  const { ns, zone, layout } = tzTime(v);
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : void 0;
  return regoString(goTimeFormat(ns, zone, layout === "" ? LAYOUT_CONSTANTS.RFC3339Nano : constant ?? layout));
}
function isDigitAt(s, i) {
  const c = s[i];
  return c !== void 0 && c >= "0" && c <= "9";
}
function goTimeParse(layoutIn, valueIn) {
  let layout = layoutIn;
  let value = valueIn;
  const bad = () => fail2(`parsing time ${JSON.stringify(valueIn)} as ${JSON.stringify(layoutIn)}: cannot parse`);
  const getnum = (fixed) => {
    if (!isDigitAt(value, 0)) bad();
    if (!isDigitAt(value, 1)) {
      if (fixed) bad();
      const n2 = value.charCodeAt(0) - 48;
      value = value.slice(1);
      return n2;
    }
    const n = (value.charCodeAt(0) - 48) * 10 + (value.charCodeAt(1) - 48);
    value = value.slice(2);
    return n;
  };
  const skip = (prefix) => {
    let p = prefix;
    while (p.length > 0) {
      if (p[0] === " ") {
        if (value.length > 0 && value[0] !== " ") bad();
        p = p.replace(/^ +/, "");
        value = value.replace(/^ +/, "");
        continue;
      }
      if (value.length === 0 || value[0] !== p[0]) bad();
      p = p.slice(1);
      value = value.slice(1);
    }
  };
  const lookup = (tab) => {
    for (let k = 0; k < tab.length; k++) {
      const v = tab[k];
      if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
        value = value.slice(v.length);
        return k;
      }
    }
    return bad();
  };
  const nanos = (n) => {
    if (value[0] !== "." && value[0] !== ",") bad();
    const digits = value.slice(1, Math.min(n, 10));
    if (!/^[0-9]*$/.test(digits) || digits === "") bad();
    value = value.slice(n);
    return BigInt(digits.padEnd(9, "0").slice(0, 9));
  };
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0n;
  let utc = false;
  let zoneOffsetSec;
  let zoneName = "";
  let amSet = false;
  let pmSet = false;
  for (; ; ) {
    const ch = nextStdChunk(layout);
    skip(ch.prefix);
    if (!ch.std) {
      if (value.length !== 0) bad();
      break;
    }
    layout = ch.suffix;
    switch (ch.std) {
      case "06": {
        if (value.length < 2 || !/^[0-9]{2}/.test(value)) bad();
        year = Number(value.slice(0, 2));
        value = value.slice(2);
        year += year >= 69 ? 1900 : 2e3;
        break;
      }
      case "2006":
        if (value.length < 4 || !isDigitAt(value, 0) || !/^[0-9]{4}/.test(value)) bad();
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case "Jan":
        month = lookup(MONTHS.map((m) => m.slice(0, 3))) + 1;
        break;
      case "January":
        month = lookup(MONTHS) + 1;
        break;
      case "1":
      case "01":
        month = getnum(ch.std === "01");
        if (month <= 0 || month > 12) bad();
        break;
      case "Mon":
        lookup(WEEKDAYS.map((d) => d.slice(0, 3)));
        break;
      case "Monday":
        lookup(WEEKDAYS);
        break;
      case "2":
      case "_2":
      case "02":
        if (ch.std === "_2" && value[0] === " ") value = value.slice(1);
        day = getnum(ch.std === "02");
        break;
      case "__2":
      case "002": {
        for (let k = 0; k < 2; k++) if (ch.std === "__2" && value[0] === " ") value = value.slice(1);
        const m = /^[0-9]{1,3}/.exec(value);
        if (!m || ch.std === "002" && m[0].length !== 3) bad();
        yday = Number(m?.[0]);
        value = value.slice(m?.[0].length ?? 0);
        break;
      }
      case "15":
        hour = getnum(false);
        if (hour < 0 || hour >= 24) bad();
        break;
      case "3":
      case "03":
        hour = getnum(ch.std === "03");
        if (hour < 0 || hour > 12) bad();
        break;
      case "4":
      case "04":
        min = getnum(ch.std === "04");
        if (min < 0 || min >= 60) bad();
        break;
      case "5":
      case "05": {
        sec = getnum(ch.std === "05");
        if (sec < 0 || sec >= 60) bad();
        if (value.length >= 2 && (value[0] === "." || value[0] === ",") && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === "frac0" || next === "frac9") break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          nsec = nanos(n);
        }
        break;
      }
      case "PM":
      case "pm": {
        if (value.length < 2) bad();
        const p = value.slice(0, 2);
        value = value.slice(2);
        const pm = ch.std === "PM" ? "PM" : "pm";
        const am = ch.std === "PM" ? "AM" : "am";
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad();
        break;
      }
      case "Z070000":
      case "Z07:00:00":
      case "Z0700":
      case "Z07:00":
      case "Z07":
        if (value[0] === "Z") {
          value = value.slice(1);
          utc = true;
          break;
        }
      // falls through
      case "-070000":
      case "-07:00:00":
      case "-0700":
      case "-07:00":
      case "-07": {
        const form = ch.std.slice(1);
        let sign;
        let hh;
        let mm = "00";
        let ss = "00";
        if (form === "07:00") {
          if (value.length < 6 || value[3] !== ":") bad();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6)];
          value = value.slice(6);
        } else if (form === "07") {
          if (value.length < 3) bad();
          [sign, hh] = [value.slice(0, 1), value.slice(1, 3)];
          value = value.slice(3);
        } else if (form === "07:00:00") {
          if (value.length < 9 || value[3] !== ":" || value[6] !== ":") bad();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          value = value.slice(9);
        } else if (form === "070000") {
          if (value.length < 7) bad();
          [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          value = value.slice(7);
        } else {
          if (value.length < 5) bad();
          [sign, hh, mm] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5)];
          value = value.slice(5);
        }
        if (![hh, mm, ss].every((x) => /^[0-9]{2}$/.test(x))) bad();
        const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
        if (h > 24 || mi > 60 || s > 60) bad();
        let off = (h * 60 + mi) * 60 + s;
        if (sign === "-") off = -off;
        else if (sign !== "+") bad();
        zoneOffsetSec = off;
        break;
      }
      case "MST": {
        if (value.startsWith("UTC")) {
          utc = true;
          value = value.slice(3);
          break;
        }
        const n = timeZoneNameLength(value);
        if (n <= 0) bad();
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case "frac0": {
        const ndigit = 1 + ch.fracDigits;
        if (value.length < ndigit) bad();
        nsec = nanos(ndigit);
        break;
      }
      case "frac9": {
        if (value.length < 2 || value[0] !== "." && value[0] !== "," || !isDigitAt(value, 1)) break;
        let k = 0;
        while (k + 1 < value.length && isDigitAt(value, k + 1)) k++;
        nsec = nanos(1 + k);
        break;
      }
    }
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    let d = 0;
    let m = 0;
    const leap = daysIn(2, year) === 29;
    if (leap) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) bad();
    if (m === 0) {
      const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      m = Math.floor((yday - 1) / 31) + 1;
      if (before[m] < yday) m++;
      d = yday - before[m - 1];
    }
    if (month >= 0 && month !== m) bad();
    month = m;
    if (day >= 0 && day !== d) bad();
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) bad();
  const wall = dateToNs(BigInt(year), BigInt(month), BigInt(day), BigInt(hour), BigInt(min), BigInt(sec), nsec, { kind: "utc" });
  if (utc) return wall;
  if (zoneOffsetSec !== void 0) return wall - BigInt(zoneOffsetSec) * NS_PER_SEC;
  void zoneName;
  return wall;
}
function timeZoneNameLength(value) {
  if (value.length < 3) return 0;
  if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
  if (value.startsWith("GMT")) {
    const m = /^[+-]([0-9]+)/.exec(value.slice(3));
    if (!m) return 3;
    const h = Number(m[1]);
    return h === 0 || h < -23 || h > 23 ? 3 : 3 + m[0].length;
  }
  if (value[0] === "+" || value[0] === "-") {
    const m = /^[+-]([0-9]+)/.exec(value);
    if (!m) return 0;
    const h = Number(m[1]);
    return h === 0 || h > 23 ? 0 : m[0].length;
  }
  let upper = 0;
  while (upper < 6 && upper < value.length && /[A-Z]/.test(value[upper])) upper++;
  switch (upper) {
    case 5:
      return value[4] === "T" ? 5 : 0;
    case 4:
      return value[3] === "T" || value.startsWith("WITA") ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}
function timeParse(layout, value) {
  const constant = Object.hasOwn(LAYOUT_CONSTANTS, layout) ? LAYOUT_CONSTANTS[layout] : void 0;
  return safeNs(goTimeParse(constant ?? layout, value));
}
function addDate(t, y, m, d) {
  const { ns, zone } = tzTime(t);
  const years = intOperand(y, 2);
  const months = intOperand(m, 3);
  const days = intOperand(d, 4);
  const c = civilAt(ns, zone);
  const result = dateToNs(
    BigInt(c.year + years),
    BigInt(c.month + months),
    BigInt(c.day + days),
    BigInt(c.hour),
    BigInt(c.minute),
    BigInt(c.second),
    c.nsec,
    zone
  );
  return safeNs(result);
}
function goJsonValid(s) {
  try {
    JSON.parse(s);
    return true;
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}
function formatInt(n, b) {
  const text = num(n, 1);
  const base = Number(num(b, 2));
  if (![2, 8, 10, 16].includes(base)) fail2("operand 2 must be one of {2, 8, 10, 16}");
  const int = floatOpInt(() => numberToFloat(text));
  return regoString(int.toString(base));
}
function goReplaceAll(s, old, rep) {
  if (old !== "") return s.split(old).join(rep);
  const units = Array.from(Buffer.from(s, "utf8"), (byte) => byte < 128 ? String.fromCharCode(byte) : "\uFFFD");
  return rep + units.join(rep) + (s === "" ? "" : rep);
}
function goParseIP(s) {
  const v4 = goParseIPv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, ...v4];
  return goParseIPv6(s);
}
function goParseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  const out = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out.push(n);
  }
  return out;
}
function goParseIPv6(s) {
  const halves = s.split("::");
  if (halves.length > 2) return void 0;
  const groups = (text) => {
    if (text === "") return [];
    const out = [];
    const parts = text.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = goParseIPv4(p);
        if (!v4) return void 0;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return void 0;
        const n = parseInt(p, 16);
        out.push(n >> 8, n & 255);
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return void 0;
  if (halves.length === 1) return head.length === 16 ? head : void 0;
  if (head.length + tail.length > 14) return void 0;
  return [...head, ...Array(16 - head.length - tail.length).fill(0), ...tail];
}
function isV4Mapped(ip) {
  return ip.length === 16 && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 255 && ip[11] === 255;
}
function to4(ip) {
  if (ip.length === 4) return ip;
  return isV4Mapped(ip) ? ip.slice(12) : void 0;
}
function goParseCIDR(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return void 0;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const iplen = addr.includes(":") ? 16 : 4;
  const ip = iplen === 4 ? goParseIPv4(addr) : goParseIPv6(addr);
  if (!ip || !/^[0-9]{1,3}$/.test(bits)) return void 0;
  const n = Number(bits);
  if (n > iplen * 8) return void 0;
  const mask = Array.from({ length: iplen }, (_, i) => i * 8 + 8 <= n ? 255 : i * 8 >= n ? 0 : 255 << 8 - (n - i * 8) & 255);
  return { ip: ip.map((b, i) => b & mask[i]), mask };
}
function ipNetContains(net, query) {
  const nn = to4(net.ip) ?? net.ip;
  let m = net.mask;
  if (m.length === 4 && nn.length !== 4) return false;
  if (m.length === 16 && nn.length === 4) m = m.slice(12);
  const ip = to4(query) ?? query;
  if (ip.length !== nn.length) return false;
  return ip.every((b, i) => (nn[i] & m[i]) === (b & m[i]));
}
function goIPString(ip) {
  const v4 = to4(ip);
  if (v4) return v4.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => ip[2 * i] << 8 | ip[2 * i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex2 = (g) => g.map((x) => x.toString(16)).join(":");
  return best < 0 ? hex2(groups) : `${hex2(groups.slice(0, best))}::${hex2(groups.slice(best + bestLen))}`;
}
function cidrExpand(v) {
  const text = str(v, 1);
  const net = goParseCIDR(text);
  if (!net) fail2(`invalid CIDR address: ${text}`);
  const out = [];
  const ip = [...net.ip];
  while (ipNetContains(net, ip)) {
    out.push(regoString(goIPString(ip)));
    for (let j = ip.length - 1; j >= 0; j--) {
      ip[j] = ip[j] + 1 & 255;
      if (ip[j] !== 0) break;
    }
  }
  return { t: "set", v: out };
}
function aggregateExtreme(v, sign) {
  if (!v || v.t !== "array" && v.t !== "set") fail2("operand 1 must be one of {array, set}");
  let best;
  for (const x of v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v) {
    if (best === void 0 || sign * compareRegoValues(best, x) <= 0) best = x;
  }
  if (best === void 0) fail2("empty collection");
  return best;
}
function toNumber(v) {
  if (!v) fail2("operand 1 is undefined");
  switch (v.t) {
    case "null":
      return regoNumber(0);
    case "boolean":
      return regoNumber(v.v ? 1 : 0);
    case "number":
      return v;
    case "string":
      if (!isNumberText(v.v) || !Number.isFinite(Number(v.v))) fail2(`invalid number: ${JSON.stringify(v.v)}`);
      return regoNumber(v.v);
    default:
      fail2("operand 1 must be one of {null, boolean, number, string}");
  }
}
function globQuoteMeta(s) {
  return s.replace(/[*?\\[\]{}]/g, (c) => `\\${c}`);
}
function goQueryEscape(s) {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}
function goQueryUnescape(s) {
  const bytes = [];
  const text = Buffer.from(s, "utf8");
  for (let i = 0; i < text.length; i++) {
    const b = text[i];
    if (b === 37) {
      const hex2 = text.subarray(i + 1, i + 3).toString("latin1");
      if (!/^[0-9a-fA-F]{2}$/.test(hex2)) fail2(`urlquery.decode: invalid URL escape "${hex2}"`);
      bytes.push(parseInt(hex2, 16));
      i += 2;
    } else {
      bytes.push(b === 43 ? 32 : b);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function cidrContains(a, b) {
  const net = goParseCIDR(str(a, 1));
  if (!net) fail2(`invalid CIDR address: ${str(a, 1)}`);
  const text = str(b, 2);
  const ip = goParseIP(text);
  if (ip) return regoBool(ipNetContains(net, ip));
  const inner = goParseCIDR(text);
  if (!inner) fail2(`not a valid textual representation of an IP address or CIDR: ${text}`);
  const last = inner.ip.map((x, i) => x | ~inner.mask[i] & 255);
  return regoBool(ipNetContains(net, inner.ip) && ipNetContains(net, last));
}
function goJsonMarshal(v) {
  switch (v.t) {
    case "null":
      return "null";
    case "boolean":
      return v.v ? "true" : "false";
    case "number":
      return v.v;
    case "string":
      return goString(v.v);
    case "array":
    case "set":
      return `[${v.v.map(goJsonMarshal).join(",")}]`;
    case "object": {
      const byKey = /* @__PURE__ */ new Map();
      const entries = [...v.v].sort(([a], [b]) => compareRegoValues(a, b));
      for (const [k, x] of entries) byKey.set(k.t === "string" ? k.v : goJsonMarshal(k), goJsonMarshal(x));
      const keys = [...byKey.keys()].sort(goCompare);
      return `{${keys.map((k) => `${goString(k)}:${byKey.get(k)}`).join(",")}}`;
    }
  }
}
function delimiterIndices(s, start, end) {
  let level = 0;
  let idx = 0;
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === start) {
      if (++level === 1) idx = i;
    } else if (s[i] === end) {
      if (--level === 0) out.push(idx, i + 1);
      else if (level < 0) fail2(`unbalanced braces in ${JSON.stringify(s)}`);
    }
  }
  if (level !== 0) fail2(`unbalanced braces in ${JSON.stringify(s)}`);
  return out;
}
function regexTemplateMatch(p, m, s, e) {
  const template = str(p, 1);
  const text = str(m, 2);
  const start = str(s, 3);
  const end = str(e, 4);
  if (Buffer.byteLength(start) !== 1) fail2("start delimiter has to be exactly one character long");
  if (Buffer.byteLength(end) !== 1) fail2("end delimiter has to be exactly one character long");
  const idxs = delimiterIndices(template, start, end);
  let pattern = "^";
  let last = 0;
  for (let i = 0; i < idxs.length; i += 2) {
    const raw = template.slice(last, idxs[i]);
    last = idxs[i + 1];
    const part = template.slice(idxs[i] + 1, last - 1);
    pattern += `${goQuoteMeta(raw)}(${part})`;
    goRegexp(`^${part}$`);
  }
  pattern += `${goQuoteMeta(template.slice(last))}$`;
  return regoBool(goRegexp(pattern).matchString(text));
}
function patchIndex(length, key) {
  let text;
  if (key.t === "number") text = key.v;
  else if (key.t === "string") {
    if (key.v === "-") return length;
    if (key.v !== "0" && key.v.startsWith("0")) fail2("leading zeros are not allowed in JSON paths");
    text = key.v;
  } else fail2("invalid type for indexing");
  const i = goParseInt64(text);
  if (i === void 0) fail2("invalid number type for indexing");
  return i > BigInt(Number.MAX_SAFE_INTEGER) || i < -BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(i);
}
function patchChild(v, key) {
  switch (v.t) {
    case "object": {
      const x = objectGet(v.v, key);
      if (!x) fail2("path does not exist in object term");
      return x;
    }
    case "set":
      if (!setContains(v.v, key)) fail2("path does not exist in set term");
      return key;
    case "array": {
      const i = patchIndex(v.v.length, key);
      if (i < 0 || i >= v.v.length) fail2("path does not exist in array term");
      return v.v[i];
    }
    default:
      fail2("expected composite type");
  }
}
function patchAt(v, path, edit) {
  const [key, ...rest] = path;
  if (key === void 0) fail2("empty path");
  if (rest.length === 0) return edit(v, key);
  const child = patchAt(patchChild(v, key), rest, edit);
  return patchReplaceChild(v, key, child);
}
function patchReplaceChild(v, key, child) {
  switch (v.t) {
    case "object":
      return { t: "object", v: v.v.map(([k, x]) => [k, regoValuesEqual(k, key) ? child : x]) };
    case "set":
      return { t: "set", v: [...v.v.filter((x) => !regoValuesEqual(x, key)), child] };
    case "array": {
      const i = patchIndex(v.v.length, key);
      return { t: "array", v: v.v.map((x, j) => j === i ? child : x) };
    }
    default:
      fail2("expected composite type");
  }
}
function patchInsert(parent, key, value) {
  switch (parent.t) {
    case "object":
      return { t: "object", v: [...parent.v.filter(([k]) => !regoValuesEqual(k, key)), [key, value]] };
    case "set":
      if (!regoValuesEqual(key, value)) fail2("set key does not equal value to be inserted");
      return { t: "set", v: [...parent.v.filter((x) => !regoValuesEqual(x, key)), value] };
    case "array": {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i > parent.v.length) fail2("index for array insertion out of bounds");
      return { t: "array", v: [...parent.v.slice(0, i), value, ...parent.v.slice(i)] };
    }
    default:
      fail2("expected composite type");
  }
}
function patchDelete(parent, key) {
  switch (parent.t) {
    case "object":
      if (!objectGet(parent.v, key)) fail2("cannot delete child key that does not exist");
      return { t: "object", v: parent.v.filter(([k]) => !regoValuesEqual(k, key)) };
    case "set":
      if (!setContains(parent.v, key)) fail2("cannot delete child key that does not exist");
      return { t: "set", v: parent.v.filter((x) => !regoValuesEqual(x, key)) };
    case "array": {
      const i = patchIndex(parent.v.length, key);
      if (i < 0 || i >= parent.v.length) fail2("index for array delete out of bounds");
      return { t: "array", v: parent.v.filter((_, j) => j !== i) };
    }
    default:
      fail2("expected composite type");
  }
}
function patchPath(p) {
  if (p.t === "array") return p.v;
  if (p.t !== "string") fail2("must be one of {set, array} containing string paths or array of path segments");
  if (p.v === "") return [];
  return p.v.replace(/^\/+/, "").split("/").map((part) => regoString(part.replaceAll("~1", "/").replaceAll("~0", "~")));
}
function jsonPatch(target, ops) {
  if (!target) fail2("missing operand");
  if (!ops || ops.t !== "array") fail2("operand 2 must be array");
  let doc = target;
  const render = (path) => {
    if (!doc) fail2("deleted node encountered");
    return path.reduce((v, k) => patchChild(v, k), doc);
  };
  const insert = (path, value) => {
    if (path.length === 0) doc = value;
    else if (!doc) fail2("deleted node encountered during insert operation");
    else doc = patchAt(doc, path, (parent, key) => patchInsert(parent, key, value));
  };
  const remove = (path) => {
    if (!doc) fail2("deleted node encountered during delete operation");
    doc = path.length === 0 ? void 0 : patchAt(doc, path, patchDelete);
  };
  for (const op of ops.v) {
    if (op.t !== "object") fail2("must be an array of JSON-Patch objects, but at least one element is not an object");
    const attr = (name) => objectGet(op.v, regoString(name));
    const pathValue = attr("path");
    if (!pathValue) fail2("missing required attribute 'path'");
    const kind = attr("op");
    if (!kind) fail2("missing required attribute 'op'");
    if (kind.t !== "string") fail2("attribute 'op' must be a string");
    const path = patchPath(pathValue);
    const value = () => attr("value") ?? fail2("missing required attribute 'value'");
    const from = () => patchPath(attr("from") ?? fail2("missing required attribute 'from'"));
    switch (kind.v) {
      case "add":
        insert(path, value());
        break;
      case "remove":
        remove(path);
        break;
      case "replace":
        remove(path);
        insert(path, value());
        break;
      case "move": {
        const f = from();
        const chunk = render(f);
        remove(f);
        insert(path, chunk);
        break;
      }
      case "copy":
        insert(path, render(from()));
        break;
      case "test":
        if (!regoValuesEqual(render(path), value())) fail2("value from EditTree != patch value");
        break;
      default:
        fail2(`unrecognized op: '${kind.v}'`);
    }
  }
  if (!doc) fail2("the whole document was removed");
  return doc;
}
function uuidBytes(s) {
  const bytes = Buffer.from(s, "utf8");
  const hexAt = (text2, i) => {
    const pair = text2.subarray(i, i + 2).toString("latin1");
    return /^[0-9a-fA-F]{2}$/.test(pair) ? parseInt(pair, 16) : void 0;
  };
  let text = bytes;
  switch (bytes.length) {
    case 36:
      break;
    case 45:
      if (bytes.subarray(0, 9).toString("latin1").toLowerCase() !== "urn:uuid:") return void 0;
      text = bytes.subarray(9);
      break;
    case 38:
      text = bytes.subarray(1);
      break;
    case 32: {
      const out2 = [];
      for (let i = 0; i < 16; i++) {
        const b = hexAt(bytes, i * 2);
        if (b === void 0) return void 0;
        out2.push(b);
      }
      return out2;
    }
    default:
      return void 0;
  }
  if (text[8] !== 45 || text[13] !== 45 || text[18] !== 45 || text[23] !== 45) return void 0;
  const out = [];
  for (const x of [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]) {
    const b = hexAt(text, x);
    if (b === void 0) return void 0;
    out.push(b);
  }
  return out;
}
function uuidParse(v) {
  const u = uuidBytes(str(v, 1));
  if (!u) fail2("invalid UUID");
  const b = (i) => u[i];
  const version = b(6) >> 4;
  const v8 = b(8);
  const variant = (v8 & 192) === 128 ? "RFC4122" : (v8 & 224) === 192 ? "Microsoft" : (v8 & 224) === 224 ? "Future" : "Reserved";
  const entries = [
    [regoString("version"), regoNumber(version)],
    [regoString("variant"), regoString(variant)]
  ];
  if (version === 1 || version === 2) {
    const t = BigInt(b(0) << 24 >>> 0) | BigInt(b(1) << 16 | b(2) << 8 | b(3)) | BigInt(b(4) << 8 | b(5)) << 32n | BigInt((b(6) << 8 | b(7)) & 4095) << 48n;
    const d = t - 122192928000000000n;
    const sec = d / 10000000n;
    const nsec = d % 10000000n * 100n;
    const node = u.slice(10, 16);
    const first = node[0];
    const mac = (first & 3) === 3 ? "local:multicast" : (first & 1) === 1 ? "global:multicast" : (first & 2) === 2 ? "local:unicast" : "global:unicast";
    entries.push(
      [regoString("time"), regoNumber(BigInt.asIntN(64, BigInt.asIntN(64, sec * 1000000000n) + nsec))],
      [regoString("nodeid"), regoString(node.map((x) => x.toString(16).padStart(2, "0")).join("-"))],
      [regoString("macvariables"), regoString(mac)],
      [regoString("clocksequence"), regoNumber((b(8) << 8 | b(9)) & 16383)]
    );
    if (version === 2) {
      const domains = ["Person", "Group", "Org"];
      entries.push(
        [regoString("id"), regoNumber((b(0) << 24 >>> 0) + (b(1) << 16 | b(2) << 8 | b(3)))],
        [regoString("domain"), regoString(domains[b(9)] ?? `Domain${b(9)}`)]
      );
    }
  }
  return { t: "object", v: entries };
}
function jsonKey2(k) {
  return k.t === "string" ? k.v : goJsonMarshal(k);
}
function urlqueryEncodeObject(v) {
  if (!v || v.t !== "object") fail2("operand 1 must be object");
  const values = /* @__PURE__ */ new Map();
  for (const [k, x] of v.v) {
    let list;
    if (x.t === "string") list = [x.v];
    else if (x.t === "array" || x.t === "set") {
      list = (x.t === "set" ? [...x.v].sort(compareRegoValues) : x.v).map((e) => {
        if (e.t !== "string") fail2("encode_object: array values must be strings");
        return e.v;
      });
    } else fail2("encode_object: values must be strings or arrays of strings");
    values.set(jsonKey2(k), list);
  }
  const parts = [];
  for (const key of [...values.keys()].sort(goCompare)) {
    for (const x of values.get(key)) parts.push(`${goQueryEscape(key)}=${goQueryEscape(x)}`);
  }
  return regoString(parts.join("&"));
}
function urlqueryDecodeObject(v) {
  const query = str(v, 1);
  if (query.split("&").length > 1e4) fail2("number of URL query parameters exceeded limit");
  const out = /* @__PURE__ */ new Map();
  for (const part of query.split("&")) {
    if (part.includes(";")) fail2("invalid semicolon separator in query");
    if (part === "") continue;
    const eq2 = part.indexOf("=");
    const key = goQueryUnescape(eq2 < 0 ? part : part.slice(0, eq2));
    const value = goQueryUnescape(eq2 < 0 ? "" : part.slice(eq2 + 1));
    out.set(key, [...out.get(key) ?? [], value]);
  }
  return { t: "object", v: [...out].map(([k, xs]) => [regoString(k), regoArray(xs.map(regoString))]) };
}
function cidrMatchOperand(v) {
  const cidrOf = (x) => {
    if (x.t === "string") return x;
    if (x.t === "array" && x.v.length > 0) return x.v[0];
    fail2("element must be string or non-empty array");
  };
  if (!v) fail2("missing operand");
  switch (v.t) {
    case "string":
      return [[v, v]];
    case "array":
      return v.v.map((x, i) => [cidrOf(x), regoNumber(i)]);
    case "set":
      return [...v.v].sort(compareRegoValues).map((x) => [cidrOf(x), x]);
    case "object":
      return [...v.v].sort(([a], [b]) => compareRegoValues(a, b)).map(([k, x]) => [cidrOf(x), k]);
    default:
      return [];
  }
}
function cidrContainsMatches(a, b) {
  const out = [];
  const right = cidrMatchOperand(b);
  for (const [c1, i1] of cidrMatchOperand(a)) {
    for (const [c2, i2] of right) {
      const r = cidrContains(c1, c2);
      if (r.t === "boolean" && r.v && !setContains(out, regoArray([i1, i2]))) out.push(regoArray([i1, i2]));
    }
  }
  return { t: "set", v: out };
}
var V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];
function bytesCompare(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
function cidrMask(ones, bits) {
  return Array.from({ length: bits / 8 }, (_, i) => i * 8 + 8 <= ones ? 255 : i * 8 >= ones ? 0 : 255 << 8 - (ones - i * 8) & 255);
}
function maskOnes(m) {
  let n = 0;
  for (const b of m) for (let bit = 7; bit >= 0 && b >> bit & 1; bit--) n++;
  return n;
}
function ipMask(ip, mask) {
  let x = ip;
  if (mask.length === 16 && ip.length === 4 && mask.slice(0, 12).every((b) => b === 255)) mask = mask.slice(12);
  if (mask.length === 4 && ip.length === 16 && isV4Mapped(ip)) x = ip.slice(12);
  if (mask.length !== x.length) return void 0;
  return x.map((b, i) => b & mask[i]);
}
function addressRange(n) {
  let first = ipMask(n.ip, n.mask) ?? [];
  let last = [...first];
  if (to4(first)) {
    first = [...V4_PREFIX, ...first];
    last = [...V4_PREFIX, ...last];
  }
  for (let i = 0; i < n.mask.length; i++) {
    const j = 15 - i;
    if (j >= last.length) fail2("cidr_merge: address and mask lengths differ");
    last[j] = (last[j] | ~n.mask[n.mask.length - i - 1] & 255) & 255;
  }
  return [first, last];
}
function ipEqual(a, b) {
  const x = to4(a) ?? a;
  const y = to4(b) ?? b;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
function previousIP(ip) {
  if (ipEqual(ip, [...V4_PREFIX, 0, 0, 0, 0]) || ipEqual(ip, Array(16).fill(0))) return ip;
  const prev = [...ip];
  const lower = to4(ip) ? 12 : 0;
  let overflow = false;
  for (let i = ip.length - 1; i >= lower; i--) {
    if (overflow || i === ip.length - 1) prev[i] = prev[i] - 1 & 255;
    overflow = ip[i] === 0 && prev[i] === 255;
  }
  return prev;
}
function nextIP(ip) {
  if (ipEqual(ip, [...V4_PREFIX, 255, 255, 255, 255]) || ipEqual(ip, Array(16).fill(255))) return ip;
  if (ip.length !== 4 && ip.length !== 16) return ip;
  const n = ip.length === 4 ? 32n : 128n;
  const v = bytesToBig(ip) + 1n & (1n << n) - 1n;
  return bigToBytes(v, ip.length);
}
function bytesToBig(b) {
  return b.reduce((acc, x) => acc << 8n | BigInt(x), 0n);
}
function bigBytes(v) {
  const out = [];
  for (let x = v; x > 0n; x >>= 8n) out.unshift(Number(x & 0xffn));
  return out;
}
function bigToBytes(v, len) {
  const b = bigBytes(v);
  return [...Array(Math.max(0, len - b.length)).fill(0), ...b];
}
function spanningCIDR(first, last) {
  const v4 = to4(first) !== void 0;
  const bitLen2 = v4 ? 32 : 128;
  let size = bitLen2;
  const lowest = bytesToBig(first);
  let highest = bytesToBig(last);
  while (size > 0 && lowest < highest) {
    size--;
    highest &= -(1n << BigInt(bitLen2 - size));
  }
  let ip = v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(highest)] : bigBytes(highest);
  if (ip.length === 0) ip = Array(v4 ? 4 : 16).fill(0);
  return { ip, mask: cidrMask(size, bitLen2) };
}
function partitionCIDR(target, exclude) {
  const v4 = to4(target.ip) !== void 0;
  const [targetFirst, targetLast] = addressRange(target);
  const [excludeFirst, excludeLast] = addressRange(exclude);
  const targetSize = maskOnes(target.mask);
  const excludeSize = maskOnes(exclude.mask);
  if (bytesCompare(excludeLast, targetFirst) < 0) return { left: [], right: [target] };
  if (bytesCompare(targetLast, excludeFirst) < 0) return { left: [target], right: [] };
  if (targetSize >= excludeSize) return { left: [], right: [] };
  const left = [];
  const right = [];
  const bitLen2 = v4 ? 32 : 128;
  let prefix = targetSize + 1;
  let lower = bytesToBig(targetFirst);
  let upper = lower + (1n << BigInt(bitLen2 - prefix));
  const toBytes = (x) => v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...bigBytes(x)] : bigToBytes(x, 16);
  while (excludeSize >= prefix) {
    let matched;
    if (bytesCompare(excludeFirst, toBytes(upper)) >= 0) {
      left.push({ ip: toBytes(lower), mask: cidrMask(prefix, bitLen2) });
      matched = upper;
    } else {
      right.push({ ip: toBytes(upper), mask: cidrMask(prefix, bitLen2) });
      matched = lower;
    }
    prefix++;
    if (prefix > bitLen2) break;
    lower = matched;
    upper = matched + (1n << BigInt(bitLen2 - prefix));
  }
  return { left, right };
}
function rangeToCIDRs(first, last) {
  let spanning = spanningCIDR(first, last);
  const [spanFirst, spanLast] = addressRange(spanning);
  let list = [];
  if (bytesCompare(spanFirst, first) < 0) {
    const prev = previousIP(first);
    const bits = to4(prev) ? 32 : 128;
    const { right } = partitionCIDR(spanning, { ip: prev, mask: cidrMask(bits, bits) });
    list.push(...right);
    spanning = right[0] ?? fail2("cidr_merge: empty partition");
    list = list.slice(1);
  }
  if (bytesCompare(spanLast, last) > 0) {
    const next = nextIP(last);
    const bits = to4(next) ? 32 : 128;
    list.push(...partitionCIDR(spanning, { ip: next, mask: cidrMask(bits, bits) }).left);
  } else {
    list.push(spanning);
  }
  return list;
}
function ipNetString(n) {
  let ip = to4(n.ip);
  if (!ip) {
    if (n.ip.length !== 16) return "<nil>";
    ip = n.ip;
  }
  let m = n.mask;
  if (m.length === 4 && ip.length !== 4) return "<nil>";
  if (m.length === 16 && ip.length === 4) m = m.slice(12);
  if (m.length !== 4 && m.length !== 16) return "<nil>";
  return `${goIPString(ip)}/${maskOnes(m)}`;
}
function cidrMergeNet(x) {
  if (x.t !== "string") fail2("element must be string");
  const ip = goParseIP(x.v);
  if (!ip) {
    const net = goParseCIDR(x.v);
    if (!net) fail2(`invalid CIDR address: ${x.v}`);
    return net;
  }
  const v4 = to4(ip);
  if (!v4) fail2("IPv6 invalid: needs prefix length");
  const ones = v4[0] < 128 ? 8 : v4[0] < 192 ? 16 : 24;
  return { ip, mask: cidrMask(ones, 32) };
}
function cidrMerge(v) {
  if (!v || v.t !== "array" && v.t !== "set") fail2("operand must be an array");
  const nets = (v.t === "set" ? [...v.v].sort(compareRegoValues) : v.v).map(cidrMergeNet);
  const ranges = nets.map((net) => {
    const [first, last] = addressRange(net);
    return { first, last, net };
  });
  ranges.sort((a, b) => bytesCompare(a.last, b.last) || bytesCompare(a.first, b.first));
  for (let i = ranges.length - 1; i > 0; i--) {
    const cur = ranges[i];
    const prev = ranges[i - 1];
    if (bytesCompare(previousIP(cur.first), prev.last) <= 0) {
      const first = bytesCompare(prev.first, cur.first) < 0 ? prev.first : cur.first;
      ranges[i - 1] = { first: [...first], last: [...cur.last] };
      ranges.splice(i, 1);
    }
  }
  const out = [];
  for (const r of ranges) {
    for (const n of r.net ? [r.net] : rangeToCIDRs(r.first, r.last)) {
      const text = regoString(ipNetString(n));
      if (!setContains(out, text)) out.push(text);
    }
  }
  return { t: "set", v: out };
}
function goJsonToRego(v) {
  if (v === null) return { t: "null" };
  if (typeof v === "boolean") return regoBool(v);
  if (typeof v === "string") return regoString(v);
  if (Array.isArray(v)) return regoArray(v.map(goJsonToRego));
  if (v instanceof Map) return { t: "object", v: [...v].map(([k, x]) => [regoString(k), goJsonToRego(x)]) };
  return regoNumber(v.number);
}
function yamlUnmarshal(text) {
  try {
    return goJsonToRego(goYamlToJson(goYamlDecode(text)));
  } catch (e) {
    if (e instanceof GoYamlError) fail2(e.message);
    throw e;
  }
}
function jsonForYaml(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return { number: v.v };
    case "array":
      return v.v.map(jsonForYaml);
    case "set":
      return [...v.v].sort(compareRegoValues).map(jsonForYaml);
    case "object": {
      const out = /* @__PURE__ */ new Map();
      for (const [k, x] of [...v.v].sort(([a], [b]) => compareRegoValues(a, b))) out.set(k.t === "string" ? k.v : goJsonMarshal(k), jsonForYaml(x));
      return out;
    }
  }
}
function templateValue(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return { num: v.v };
    case "array":
      return v.v.map(templateValue);
    case "set":
      return fail2("template variables cannot hold a set");
    case "object":
      return templateObject(v.v);
  }
}
function templateObject(pairs) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, x] of [...pairs].sort(([a], [b]) => compareRegoValues(a, b))) {
    if (k.t !== "string") fail2("template variables can only have string keys");
    out.set(k.v, templateValue(x));
  }
  return out;
}
function renderTemplate(t, vars) {
  const src = str(t, 1);
  if (!vars || vars.t !== "object") fail2("operand 2 must be object");
  try {
    return regoString(goRenderTemplate(src, templateObject(vars.v)).replaceAll("<no value>", "<undefined>"));
  } catch (e) {
    if (e instanceof GoTemplateError) fail2(e.message);
    throw e;
  }
}
function wrap(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof BuiltinError) return void 0;
      throw e;
    }
  };
}
function nowNs() {
  const ms = BigInt(Date.now());
  const sub = BigInt(Math.floor(performance.now() % 1 * 1e6));
  return ms * 1000000n + sub;
}
function createHostBuiltins(clock = nowNs) {
  const table = {
    sprintf: (f, a) => {
      const format = str(f, 1);
      if (!a || a.t !== "array") fail2("operand 2 must be array");
      return regoString(regoSprintf(format, a.v));
    },
    "strings.any_prefix_match": (a, b) => anyAffixMatch(a, b, false),
    "strings.any_suffix_match": (a, b) => anyAffixMatch(a, b, true),
    "strings.count": (s, sub) => regoNumber(stringsCount(str(s, 1), str(sub, 2))),
    indexof_n: (s, sub) => indexOfN(str(s, 1), str(sub, 2)),
    "units.parse": (s) => unitsParse(str(s, 1)),
    "units.parse_bytes": (s) => unitsParseBytes(str(s, 1)),
    "semver.is_valid": (v) => regoBool(v?.t === "string" && parseSemVer(v.v) !== void 0),
    "semver.compare": (a, b) => {
      const x = parseSemVer(str(a, 1));
      const y = parseSemVer(str(b, 2));
      if (!x) fail2(`operand 1: string ${str(a, 1)} is not a valid SemVer`);
      if (!y) fail2(`operand 2: string ${str(b, 2)} is not a valid SemVer`);
      return regoNumber(compareSemVer(x, y));
    },
    "time.now_ns": () => regoNumber(clock()),
    "time.parse_rfc3339_ns": (v) => timeParse("RFC3339", str(v, 1)),
    "time.parse_ns": (l, v) => timeParse(str(l, 1), str(v, 2)),
    "time.parse_duration_ns": (v) => regoNumber(parseExtendedDuration(str(v, 1))),
    "time.date": (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.year, c.month, c.day].map(regoNumber));
    },
    "time.clock": (t) => {
      const { ns, zone } = tzTime(t);
      const c = civilAt(ns, zone);
      return regoArray([c.hour, c.minute, c.second].map(regoNumber));
    },
    "time.weekday": (t) => {
      const { ns, zone } = tzTime(t);
      return regoString(WEEKDAYS[civilAt(ns, zone).weekday]);
    },
    "time.add_date": addDate,
    "time.format": timeFormat,
    "time.diff": timeDiff,
    "regex.replace": (s, p, v) => {
      const text = str(s, 1);
      return regoString(goRegexp(str(p, 2)).replaceAllString(text, str(v, 3)));
    },
    "regex.split": (p, s) => regoArray(goRegexp(str(p, 1)).split(str(s, 2), -1).map(regoString)),
    "regex.find_n": (p, s, n) => {
      const re = goRegexp(str(p, 1));
      const text = str(s, 2);
      const limit = intOperand(n, 3);
      return regoArray(re.findAllString(text, limit < 0 ? -1 : limit).map(regoString));
    },
    "object.subset": builtinObjectSubset,
    "base64.decode": (v) => {
      const bytes = goBase64Std(str(v, 1));
      if (!bytes) fail2("illegal base64 data");
      return regoString(bytes.toString("utf8"));
    },
    "base64.is_valid": (v) => regoBool(goBase64Std(str(v, 1)) !== void 0),
    "json.is_valid": (v) => regoBool(v?.t === "string" && goJsonValid(v.v)),
    replace: (s, o, r) => regoString(goReplaceAll(str(s, 1), str(o, 2), str(r, 3))),
    format_int: formatInt,
    "net.cidr_contains": cidrContains,
    "hex.encode": (v) => regoString(Buffer.from(str(v, 1), "utf8").toString("hex")),
    "hex.decode": (v) => {
      const t = str(v, 1);
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(t)) fail2("hex.decode: invalid hex string");
      return regoString(Buffer.from(t, "hex").toString("utf8"));
    },
    "base64url.encode_no_pad": (v) => regoString(Buffer.from(str(v, 1), "utf8").toString("base64url")),
    "crypto.md5": (v) => regoString(createHash("md5").update(str(v, 1), "utf8").digest("hex")),
    "crypto.sha1": (v) => regoString(createHash("sha1").update(str(v, 1), "utf8").digest("hex")),
    "crypto.sha256": (v) => regoString(createHash("sha256").update(str(v, 1), "utf8").digest("hex")),
    "crypto.hmac.md5": (x, k) => regoString(createHmac("md5", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha1": (x, k) => regoString(createHmac("sha1", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha256": (x, k) => regoString(createHmac("sha256", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "crypto.hmac.sha512": (x, k) => regoString(createHmac("sha512", str(k, 2)).update(str(x, 1), "utf8").digest("hex")),
    "urlquery.encode": (v) => regoString(goQueryEscape(str(v, 1))),
    "urlquery.decode": (v) => regoString(goQueryUnescape(str(v, 1))),
    "crypto.hmac.equal": (a, b) => regoBool(str(a, 1) === str(b, 2)),
    "json.unmarshal": (v) => {
      const text = str(v, 1);
      if (!goJsonValid(text)) fail2("json.unmarshal: invalid JSON");
      return parseRegoValue(goJsonSurrogates(text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")));
    },
    "numbers.range_step": rangeStep,
    "numbers.range": (a, b) => rangeStep(a, b, regoNumber(1)),
    plus: (a, b) => arith2(a, b, (x, y) => x + y, (x, y) => goBigFloatAdd(x, y)),
    minus: arithMinus,
    mul: (a, b) => arith2(a, b, (x, y) => x * y, (x, y) => goBigFloatMul(x, y)),
    div: arithDivide,
    rem: arithRem,
    abs: (a) => arith1(a, (x) => x.abs()),
    round: (a) => arith1(a, arithRound),
    ceil: (a) => arith1(a, arithCeil),
    floor: (a) => arith1(a, arithFloor),
    sum: aggregateSum,
    product: aggregateProduct,
    "net.cidr_is_valid": (v) => regoBool(v?.t === "string" && goParseCIDR(v.v) !== void 0),
    "net.cidr_expand": cidrExpand,
    "glob.quote_meta": (v) => regoString(globQuoteMeta(str(v, 1))),
    max: (v) => aggregateExtreme(v, 1),
    min: (v) => aggregateExtreme(v, -1),
    to_number: toNumber,
    "json.marshal": (v) => regoString(goJsonMarshal(v ?? fail2("operand 1 is undefined"))),
    "json.patch": jsonPatch,
    "regex.template_match": regexTemplateMatch,
    "uuid.parse": uuidParse,
    "urlquery.encode_object": urlqueryEncodeObject,
    "urlquery.decode_object": urlqueryDecodeObject,
    "net.cidr_contains_matches": cidrContainsMatches,
    "net.cidr_merge": cidrMerge,
    "yaml.unmarshal": (v) => yamlUnmarshal(str(v, 1)),
    "yaml.marshal": (v) => regoString(goYamlMarshal(jsonForYaml(v ?? fail2("operand 1 is undefined")))),
    "strings.render_template": renderTemplate,
    "regex.globs_match": (a, b) => {
      try {
        return regoBool(globsIntersect(str(a, 1), str(b, 2)));
      } catch (e) {
        if (e instanceof GlobSyntaxError) fail2(e.message);
        throw e;
      }
    },
    "yaml.is_valid": (v) => {
      if (v?.t !== "string") return regoBool(false);
      try {
        yamlUnmarshal(v.v);
        return regoBool(true);
      } catch (e) {
        if (e instanceof BuiltinError) return regoBool(false);
        throw e;
      }
    }
  };
  const out = {};
  for (const [name, fn] of Object.entries(table)) out[name] = wrap(fn);
  return Object.freeze(out);
}
var hostBuiltins = createHostBuiltins();

// src/opa/sorted-module.ts
var ROUTED_BUILTINS = [
  { name: "base64.decode", fn: "opa_base64_decode", arity: 1 },
  { name: "base64.is_valid", fn: "opa_base64_is_valid", arity: 1 },
  { name: "json.is_valid", fn: "opa_json_is_valid", arity: 1 },
  { name: "replace", fn: "opa_strings_replace", arity: 3 },
  { name: "format_int", fn: "opa_strings_format_int", arity: 2 },
  { name: "json.unmarshal", fn: "opa_json_unmarshal", arity: 1 },
  { name: "net.cidr_contains", fn: "opa_cidr_contains", arity: 2 },
  { name: "json.marshal", fn: "opa_json_marshal", arity: 1 },
  { name: "max", fn: "opa_agg_max", arity: 1 },
  { name: "min", fn: "opa_agg_min", arity: 1 },
  { name: "to_number", fn: "opa_to_number", arity: 1 },
  // Arithmetic: the runtime computes in decimal (libmpdec) and prints floats as `1e+12`; topdown uses a
  // 64-bit-mantissa big.Float and prints 1000000000000 (1/3*3 == 1 holds there).
  { name: "plus", fn: "opa_arith_plus", arity: 2 },
  { name: "minus", fn: "opa_arith_minus", arity: 2 },
  { name: "mul", fn: "opa_arith_multiply", arity: 2 },
  { name: "div", fn: "opa_arith_divide", arity: 2 },
  { name: "rem", fn: "opa_arith_rem", arity: 2 },
  { name: "abs", fn: "opa_arith_abs", arity: 1 },
  { name: "round", fn: "opa_arith_round", arity: 1 },
  { name: "ceil", fn: "opa_arith_ceil", arity: 1 },
  { name: "floor", fn: "opa_arith_floor", arity: 1 },
  { name: "numbers.range", fn: "opa_numbers_range", arity: 2 },
  { name: "sum", fn: "opa_agg_sum", arity: 1 },
  { name: "product", fn: "opa_agg_product", arity: 1 }
];
var ROUTED_BUILTIN_ID_BASE = 1073741824;

// src/opa/wasm.ts
var WASM_PAGE_BYTES = 64 * 1024;
var PolicyError = class extends Error {
};
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var WasmPolicy = class {
  entrypoints;
  exports;
  memory;
  dataAddr;
  dataHeapPtr;
  baseHeapPtr;
  constructor(module, options) {
    this.memory = new WebAssembly.Memory({ initial: 5, maximum: Math.max(5, options.maxMemoryPages) });
    let builtinNames = {};
    const call = (id, args) => {
      const name = builtinNames[id] ?? `#${id}`;
      const impl = options.builtins[name];
      if (!impl) throw new PolicyError(`builtin ${name} is not available in preadmit's evaluator`);
      let result;
      try {
        result = impl(...args.map((a) => parseRegoValue(this.readFreeString(this.exports.opa_value_dump(a)))));
      } catch (e) {
        if (e instanceof BuiltinError) return 0;
        if (e instanceof PolicyError) throw e;
        throw new PolicyError(`builtin ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (result === void 0) return 0;
      return this.writeValue(formatRegoValue(result));
    };
    const instance2 = new WebAssembly.Instance(module, {
      env: {
        memory: this.memory,
        opa_abort: (addr) => {
          throw new PolicyError(this.readString(addr));
        },
        opa_println: () => {
        },
        opa_builtin0: (id) => call(id, []),
        opa_builtin1: (id, _ctx, a) => call(id, [a]),
        opa_builtin2: (id, _ctx, a, b) => call(id, [a, b]),
        opa_builtin3: (id, _ctx, a, b, c) => call(id, [a, b, c]),
        opa_builtin4: (id, _ctx, a, b, c, d) => call(id, [a, b, c, d])
      }
    });
    this.exports = instance2.exports;
    const major = globalNumber(this.exports.opa_wasm_abi_version);
    const minor = globalNumber(this.exports.opa_wasm_abi_minor_version);
    if (major !== 1 || minor === void 0 || minor < 2) {
      throw new PolicyError(`unsupported OPA wasm ABI ${major ?? "?"}.${minor ?? "?"} (need 1.2 or later)`);
    }
    const needed = this.readJson(this.exports.builtins());
    builtinNames = Object.fromEntries(Object.entries(needed).map(([name, id]) => [id, name]));
    ROUTED_BUILTINS.forEach((b, i) => {
      builtinNames[ROUTED_BUILTIN_ID_BASE + i] = b.name;
    });
    const missing = Object.keys(needed).filter((n) => !options.builtins[n]);
    if (missing.length > 0) throw new PolicyError(`policy needs builtins preadmit does not provide: ${missing.join(", ")}`);
    this.entrypoints = this.readJson(this.exports.entrypoints());
    this.dataAddr = this.writeJson("{}");
    this.baseHeapPtr = this.exports.opa_heap_ptr_get();
    this.dataHeapPtr = this.baseHeapPtr;
  }
  /** Replaces `data` (e.g. `{"inventory": ...}`), given as JSON text. */
  setData(json) {
    this.exports.opa_heap_ptr_set(this.baseHeapPtr);
    this.dataAddr = this.writeJson(json);
    this.dataHeapPtr = this.exports.opa_heap_ptr_get();
  }
  /**
   * Evaluates one entrypoint on `input` (JSON text) and returns the result set as Rego value text, which
   * keeps what JSON would lose: sets, and numbers exactly as the policy holds them (`1e+06`).
   */
  evaluate(entrypoint, inputJson) {
    const text = goJsonSurrogates(inputJson);
    const length = Buffer.byteLength(text, "utf8");
    const inputAddr = this.dataHeapPtr;
    this.ensureMemory(inputAddr + length);
    encoder.encodeInto(text, new Uint8Array(this.memory.buffer, inputAddr, length));
    const resultAddr = this.exports.opa_eval(0, entrypoint, this.dataAddr, inputAddr, length, inputAddr + length, 1);
    return this.readString(resultAddr);
  }
  /** Bytes of linear memory currently in use (for memory reporting). */
  get memoryBytes() {
    return this.memory.buffer.byteLength;
  }
  ensureMemory(end) {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = Math.ceil((end - have) / WASM_PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch {
      throw new PolicyError(`policy memory limit exceeded (${Math.round(have / 1048576)} MiB in use, input needs more)`);
    }
  }
  writeBytes(bytes) {
    const addr = this.exports.opa_malloc(bytes.byteLength);
    new Uint8Array(this.memory.buffer).set(bytes, addr);
    return addr;
  }
  writeJson(json) {
    const bytes = encoder.encode(goJsonSurrogates(json));
    const addr = this.exports.opa_json_parse(this.writeBytes(bytes), bytes.byteLength);
    if (addr === 0) throw new PolicyError("failed to load JSON into the policy");
    return addr;
  }
  writeValue(regoText) {
    const bytes = encoder.encode(regoText);
    const text = this.writeBytes(bytes);
    const addr = this.exports.opa_value_parse(text, bytes.byteLength);
    this.exports.opa_free(text);
    if (addr === 0) throw new PolicyError("failed to load a builtin result into the policy");
    return addr;
  }
  /** A string the runtime allocated for the host (a dump), read and then freed. */
  readFreeString(addr) {
    const text = this.readString(addr);
    this.exports.opa_free(addr);
    return text;
  }
  readString(addr) {
    const mem = new Uint8Array(this.memory.buffer);
    let end = addr;
    while (end < mem.length && mem[end] !== 0) end++;
    return decoder.decode(mem.subarray(addr, end));
  }
  readJson(addr) {
    return JSON.parse(this.readString(this.exports.opa_json_dump(addr)));
  }
};
function globalNumber(g) {
  if (g === void 0) return void 0;
  return typeof g === "number" ? g : Number(g.value);
}

// src/opa/eval-worker.ts
var { progress, maxPages } = workerData;
var modules = /* @__PURE__ */ new Map();
var data = /* @__PURE__ */ new Map();
var instances = /* @__PURE__ */ new Map();
var MAX_INSTANCES = 8;
function instance(moduleId, dataId) {
  let entry = instances.get(moduleId);
  if (entry) {
    instances.delete(moduleId);
    instances.set(moduleId, entry);
  } else {
    if (instances.size >= MAX_INSTANCES) instances.delete(instances.keys().next().value);
    const module = modules.get(moduleId);
    if (!module) throw new Error(`module ${moduleId} was not sent to this worker`);
    entry = { policy: new WasmPolicy(module, { builtins: hostBuiltins, maxMemoryPages: maxPages }), dataId: void 0 };
    instances.set(moduleId, entry);
  }
  if (entry.dataId !== dataId) {
    entry.policy.setData(data.get(dataId) ?? "{}");
    entry.dataId = dataId;
  }
  return entry.policy;
}
parentPort.on("message", (msg) => {
  if (msg.type === "module") {
    modules.set(msg.id, msg.module);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === "drop-module") {
    modules.delete(msg.id);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === "drop-data") {
    data.delete(msg.id);
    return;
  }
  if (msg.type === "data") {
    data.set(msg.id, msg.json);
    for (const entry of instances.values()) if (entry.dataId === msg.id) entry.dataId = void 0;
    return;
  }
  const outcomes = [];
  msg.items.forEach((item, i) => {
    Atomics.store(progress, 0, i + 1);
    try {
      const policy = instance(item.moduleId, item.dataId);
      const id = policy.entrypoints[item.entrypoint];
      if (id === void 0) throw new Error(`entrypoint ${item.entrypoint} is not in the compiled module`);
      const review = msg.reviews[item.review] ?? "null";
      const input = item.inputRest === "" ? `{"review":${review}}` : `{"review":${review},${item.inputRest}}`;
      outcomes.push({ result: policy.evaluate(id, input) });
    } catch (e) {
      instances.delete(item.moduleId);
      outcomes.push({ error: errorText(e) });
    }
  });
  parentPort.postMessage({ outcomes });
});
//# sourceMappingURL=eval-worker.mjs.map
