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
  expand(template, match) {
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
        out += match[ref.num] ?? "";
      } else {
        for (let i = 0; i < this.names.length; i++) {
          if (this.names[i] === ref.name && match[i + 1] !== void 0) {
            out += match[i + 1];
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
  let num = 0;
  for (const ch of name) {
    if (ch < "0" || ch > "9" || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === "0" && name.length > 1) num = -1;
  return { name, num, rest: t.slice(i) };
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
  const invalid = () => {
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
    if (t === "") return invalid();
    const d = next();
    if (d === 123) {
      let nhex = 0;
      let r = 0;
      for (; ; ) {
        if (t === "") return invalid();
        const h = next();
        if (h === 125) break;
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
  const simple = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (simple[ch] !== void 0) return { rune: simple[ch], rest: t };
  return invalid();
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
var MATCH_TIME_LIMIT_MS = 1e3;
var matchContext = vm.createContext({ re: /(?:)/, s: "" });
var matchScript = new vm.Script("re.test(s)");
function testWithin(regexp, text, ms = MATCH_TIME_LIMIT_MS) {
  matchContext.re = regexp;
  matchContext.s = text;
  try {
    return matchScript.runInContext(matchContext, { timeout: ms });
  } catch (e) {
    if (e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return "timeout";
    throw e;
  }
}

export {
  compileGoRegexp,
  goQuoteMeta,
  MATCH_TIME_LIMIT_MS,
  testWithin
};
//# sourceMappingURL=chunk-DMQTDK6J.mjs.map
