var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/report/format.ts
function strongestAction(actions) {
  let best = "dryrun";
  for (const a of actions) if (ACTION_RANK[a] < ACTION_RANK[best]) best = a;
  return best;
}
function objectLabel(o) {
  return o.namespace === "" ? `${o.kind} ${o.name}` : `${o.kind} ${o.namespace}/${o.name}`;
}
function constraintLabel(c) {
  return `${c.kind}/${c.name}`;
}
function locationLabel(s2) {
  return s2.endLine > s2.startLine ? `${s2.file}:${s2.startLine}-${s2.endLine}` : `${s2.file}:${s2.startLine}`;
}
function isRepositoryPath(file) {
  return file !== "" && !file.startsWith("/") && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(file) && !/(^|\/)\.\.(\/|$)/.test(file) && !file.includes("\\");
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareFindings(a, b) {
  return compareStrings(a.cluster, b.cluster) || CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] || ACTION_RANK[strongestAction(a.actions)] - ACTION_RANK[strongestAction(b.actions)] || compareStrings(a.objectSource?.file ?? "\uFFFF", b.objectSource?.file ?? "\uFFFF") || (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) || compareStrings(a.constraint.kind, b.constraint.kind) || compareStrings(a.constraint.name, b.constraint.name) || compareStrings(objectLabel(a.object), objectLabel(b.object)) || compareStrings(a.object.group, b.object.group) || compareStrings(a.message, b.message) || compareStrings(a.id, b.id);
}
function sortedFindings(findings, filter = () => true) {
  return findings.filter(filter).sort(compareFindings);
}
function isPolicyCaused(f) {
  return f.cause === "policy";
}
function outcomeTitle(report) {
  const c = report.verdict.counts;
  const parts = [];
  if (c.newDeny > 0) parts.push(plural(c.newDeny, "new denial"));
  if (c.newWarn > 0) parts.push(plural(c.newWarn, "new warning"));
  if (c.newDryrun > 0) parts.push(plural(c.newDryrun, "new dry-run violation"));
  if (c.fixed > 0) parts.push(`${c.fixed} fixed`);
  if (c.exemptionViolations > 0) parts.push(plural(c.exemptionViolations, "exemption outside the allow list", "exemptions outside the allow list"));
  if (c.policyRelaxations > 0) parts.push(plural(c.policyRelaxations, "policy relaxation"));
  if (c.errors > 0) parts.push(plural(c.errors, "error"));
  const promotions2 = report.clusters.reduce((n, cl) => n + cl.promotions.length, 0);
  if (promotions2 > 0) parts.push(plural(promotions2, "promotion"));
  if (parts.length === 0) return c.unchanged > 0 ? `No new violations (${c.unchanged} unchanged)` : "No new violations";
  return parts.join(", ");
}
function verdictLine(verdict) {
  return verdict.conclusion === "success" ? "Passes: nothing in this change blocks admission" : "Blocked: this change would not be admitted as it is";
}
function shortSha(sha2) {
  return /^[0-9a-f]{40,64}$/i.test(sha2) ? sha2.slice(0, 7) : sha2;
}
function visibleControls(text) {
  return text.replace(CONTROL, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}
function truncateChars(text, max, suffix = "\u2026") {
  if (text.length <= max) return text;
  let end = Math.max(0, max - suffix.length);
  const code2 = text.charCodeAt(end - 1);
  if (code2 >= 55296 && code2 <= 56319) end--;
  return text.slice(0, end) + suffix;
}
function truncateBytes(text, maxBytes, suffix = "\u2026") {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(suffix, "utf8");
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > budget) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end) + suffix;
}
function neutraliseWorkflowCommands(text, atLineStart = true) {
  if (!text.includes("::") && !text.includes("##[")) return text;
  const lineStart = atLineStart ? /(^|[\r\n])([^\S\r\n]*)::/g : /([\r\n])([^\S\r\n]*)::/g;
  return text.replace(lineStart, "$1$2:\u2060:").replace(/##\[/g, "#\u2060#[");
}
function capped(list2, max = MAX_LISTED) {
  return list2.length <= max ? { shown: [...list2], omitted: 0 } : { shown: list2.slice(0, max), omitted: list2.length - max };
}
function cutDiff(text) {
  return text.length > MAX_DIFF_CHARS ? `${truncateChars(text, MAX_DIFF_CHARS, "")}
\u2026 diff cut at ${MAX_DIFF_CHARS} characters` : text;
}
function cutMessage(text) {
  return truncateChars(text, MAX_MESSAGE_CHARS, ` \u2026 (cut at ${MAX_MESSAGE_CHARS} characters)`);
}
var ACTION_RANK, CATEGORY_RANK, CONTROL, MAX_LISTED, MAX_DIFF_CHARS, MAX_MESSAGE_CHARS;
var init_format = __esm({
  "src/report/format.ts"() {
    "use strict";
    ACTION_RANK = { deny: 0, warn: 1, dryrun: 2 };
    CATEGORY_RANK = { new: 0, fixed: 1, changed: 2, unchanged: 3 };
    CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
    MAX_LISTED = 5e3;
    MAX_DIFF_CHARS = 2e4;
    MAX_MESSAGE_CHARS = 1e4;
  }
});

// src/util/abort.ts
function isAbort(e) {
  for (let x = e, depth = 0; x !== void 0 && x !== null && depth < 8; depth++) {
    if (x instanceof AbortError) return true;
    if (typeof x === "object" && "name" in x && x.name === "AbortError") return true;
    x = typeof x === "object" && "cause" in x ? x.cause : void 0;
  }
  return false;
}
function throwIfAborted(signal) {
  if (signal?.aborted) throw new AbortError();
}
function abortable(work, signal) {
  if (signal === void 0) return work;
  if (signal.aborted) {
    work.catch(() => void 0);
    return Promise.reject(new AbortError());
  }
  return new Promise((resolve2, reject) => {
    const onAbort = () => {
      work.catch(() => void 0);
      reject(new AbortError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve2(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(signal.aborted ? new AbortError(void 0, { cause: e }) : e);
      }
    );
  });
}
var AbortError, INTERRUPTED_EXIT;
var init_abort = __esm({
  "src/util/abort.ts"() {
    "use strict";
    AbortError = class extends Error {
      name = "AbortError";
      constructor(message2 = "the work was cancelled", options) {
        super(message2, options);
      }
    };
    INTERRUPTED_EXIT = 130;
  }
});

// src/cli/native-validation.ts
function takeNativeValidationFlag(argv) {
  let enabled = true;
  const rest = [];
  for (const [i, a] of argv.entries()) {
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === FLAG) {
      enabled = true;
    } else if (a.startsWith(`${FLAG}=`)) {
      const v = a.slice(FLAG.length + 1);
      if (TRUE.includes(v)) enabled = true;
      else if (FALSE.includes(v)) enabled = false;
      else return { error: `invalid argument ${JSON.stringify(v)} for "${FLAG}" flag: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax` };
    } else rest.push(a);
  }
  return { argv: rest, enabled };
}
var FLAG, TRUE, FALSE;
var init_native_validation = __esm({
  "src/cli/native-validation.ts"() {
    "use strict";
    FLAG = "--enable-k8s-native-validation";
    TRUE = ["1", "t", "T", "TRUE", "true", "True"];
    FALSE = ["0", "f", "F", "FALSE", "false", "False"];
  }
});

// src/gatekeeper/enforcement.ts
function actionsForEnforcementPoint(c, enforcementPoint) {
  if (c.enforcementAction !== "scoped") return { evaluate: true, enforcementAction: c.enforcementAction };
  const actions = /* @__PURE__ */ new Set();
  for (const scoped of c.scopedEnforcementActions) {
    for (const point of scoped.enforcementPoints) {
      if (point.name === ALL_ENFORCEMENT_POINTS || point.name === enforcementPoint) {
        actions.add(scoped.action);
        break;
      }
    }
  }
  if (actions.size === 0) return { evaluate: false };
  return { evaluate: true, enforcementAction: "scoped", scopedActions: [...actions].sort() };
}
function isDenyResult(enforcementAction, scopedActions) {
  return enforcementAction === "deny" || (scopedActions ?? []).includes("deny");
}
var ENFORCEMENT_POINTS, ALL_ENFORCEMENT_POINTS;
var init_enforcement = __esm({
  "src/gatekeeper/enforcement.ts"() {
    "use strict";
    ENFORCEMENT_POINTS = {
      webhook: "validation.gatekeeper.sh",
      audit: "audit.gatekeeper.sh",
      gator: "gator.gatekeeper.sh"
    };
    ALL_ENFORCEMENT_POINTS = "*";
  }
});

// src/go/strconv.ts
function isGoPrintable(cp3) {
  if (cp3 < 128) return cp3 >= 32 && cp3 < 127;
  if (cp3 >= 55296 && cp3 <= 57343) return false;
  if (cp3 > 1114111) return false;
  if (!GRAPHIC_RE.test(String.fromCodePoint(cp3))) return false;
  for (let i = 0; i < NEWER_THAN_GO_UNICODE.length; i += 2) {
    const lo = NEWER_THAN_GO_UNICODE[i];
    if (cp3 < lo) break;
    if (cp3 <= NEWER_THAN_GO_UNICODE[i + 1]) return false;
  }
  return true;
}
function hex(n, width) {
  return n.toString(16).padStart(width, "0");
}
function escapeRune(cp3, quote2, mode) {
  if (cp3 === quote2 || cp3 === 92) return "\\" + String.fromCodePoint(cp3);
  if (mode === "ascii" ? cp3 < 128 && isGoPrintable(cp3) : isGoPrintable(cp3)) return String.fromCodePoint(cp3);
  switch (cp3) {
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
  if (cp3 < 32 || cp3 === 127) return mode === "json" ? "\\u00" + hex(cp3, 2) : "\\x" + hex(cp3, 2);
  if (cp3 >= 55296 && cp3 <= 57343 || cp3 > 1114111) cp3 = 65533;
  if (cp3 < 65536) return "\\u" + hex(cp3, 4);
  if (mode === "json") {
    const s2 = String.fromCodePoint(cp3);
    return "\\u" + hex(s2.charCodeAt(0), 4) + "\\u" + hex(s2.charCodeAt(1), 4);
  }
  return "\\U" + hex(cp3, 8);
}
function quoteWith(s2, quote2, mode) {
  let out = String.fromCharCode(quote2);
  for (const ch of s2) {
    const cp3 = ch.codePointAt(0) ?? 0;
    out += escapeRune(cp3 >= 55296 && cp3 <= 57343 ? 65533 : cp3, quote2, mode);
  }
  return out + String.fromCharCode(quote2);
}
function goQuote(s2, asciiOnly = false) {
  return quoteWith(s2, 34, asciiOnly ? "ascii" : "go");
}
function goFloatText(n) {
  return formatFloatG(n, 64);
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
var NEWER_THAN_GO_UNICODE, GRAPHIC_RE;
var init_strconv = __esm({
  "src/go/strconv.ts"() {
    "use strict";
    NEWER_THAN_GO_UNICODE = [
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
    GRAPHIC_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  }
});

// src/util/error-text.ts
function errorText(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String(e.message);
  return String(e);
}
var init_error_text = __esm({
  "src/util/error-text.ts"() {
    "use strict";
  }
});

// src/gatekeeper/load.ts
import { createHash } from "node:crypto";
import { Composer, isScalar, LineCounter, Parser, visit } from "yaml";
function loadManifestsMemo(text, file, options = {}) {
  const key = `${file}\0${options.yamlVersion ?? ""}\0${options.maxBytes ?? ""}\0${options.maxObjects ?? ""}\0${createHash("sha1").update(text).digest("base64")}`;
  const known = memo.get(key);
  if (known) return known;
  const result = loadManifests(text, file, options);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value);
  memo.set(key, result);
  return result;
}
function loadManifests(text, file, options = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const size = Buffer.byteLength(text, "utf8");
  if (size > maxBytes) {
    return {
      objects: [],
      errors: [loadError(`${file}: file is ${size} bytes, over the ${maxBytes}-byte limit; not read`, file, 1, 1)]
    };
  }
  if (/\.json$/i.test(file) && looksLikeJson(text)) return loadJsonStream(text, file, maxObjectsOf(options));
  return loadYaml(text, file, options);
}
function maxObjectsOf(options) {
  return options.maxObjects ?? DEFAULT_MAX_OBJECTS_PER_FILE;
}
function tooManyObjects(file, limit, line) {
  return loadError(`${file}:${line}: more than ${limit} documents in one file; the rest of the file was not read`, file, line, line);
}
function lineLocator(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
function loadError(message2, file, startLine, endLine) {
  return { kind: "load", message: message2, source: { file, startLine, endLine } };
}
function looksLikeJson(text) {
  const first = text.trimStart()[0];
  return first === "{" || first === "[";
}
function loadYaml(text, file, options) {
  if (options.yamlVersion === "1.1") {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("---")) continue;
      const rest = lines[i].slice(3).trim();
      if (rest !== "" && !rest.startsWith("#")) {
        return { objects: [], errors: [loadError(`${file}:${i + 1}: invalid YAML document separator: ${rest.slice(0, 80)}; the file was not read`, file, i + 1, i + 1)] };
      }
    }
  }
  const first = loadYamlStrict(text, file, options);
  if (first.errors.length === 0) return first;
  const relaxed = relaxQuotedIndentation(text);
  if (relaxed === void 0) return first;
  const second = loadYamlStrict(relaxed, file, options);
  return second.errors.length === 0 ? second : first;
}
function relaxQuotedIndentation(text) {
  const lines = text.split("\n");
  let changed = false;
  let quote2;
  let base = 0;
  let blockIndent;
  const indentOf = (line) => line.length - line.trimStart().length;
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li];
    let i = 0;
    if (quote2 !== void 0) {
      const indent2 = indentOf(line);
      if (line.trim() !== "" && indent2 <= base) {
        line = " ".repeat(base + 1 - indent2) + line;
        lines[li] = line;
        changed = true;
      }
    } else if (blockIndent !== void 0) {
      if (line.trim() === "" || indentOf(line) > blockIndent) continue;
      blockIndent = void 0;
    }
    if (quote2 === void 0) base = indentOf(line);
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote2 === '"') {
        if (c === "\\") i++;
        else if (c === '"') quote2 = void 0;
        continue;
      }
      if (quote2 === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote2 = void 0;
        continue;
      }
      const prev = i === 0 ? " " : line[i - 1];
      if (c === "#" && /\s/.test(prev)) break;
      if ((c === '"' || c === "'") && /[\s:[{,-]/.test(prev)) quote2 = c;
    }
    if (quote2 === void 0 && /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) blockIndent = indentOf(line);
  }
  return changed ? lines.join("\n") : void 0;
}
function loadYamlStrict(text, file, options) {
  const lineCounter = new LineCounter();
  const version = options.yamlVersion ?? "1.2";
  const composer = new Composer({
    version,
    // go-yaml v2 (behind sigs.k8s.io/yaml) knows neither sexagesimal numbers nor timestamps as values.
    ...version === "1.1" ? { customTags: (tags) => [goIntegerTag, goFloatTag, ...tags.filter((t) => !isSexagesimalOrTimestamp(t))], merge: true } : { customTags: (tags) => [goIntegerTag, ...tags] },
    // go-yaml v2 lets a later duplicate key win (so does kubectl); go-yaml v3 refuses duplicates.
    uniqueKeys: version !== "1.1"
  });
  const objects = [];
  const errors = [];
  const lineOf = (offset) => lineCounter.linePos(offset).line;
  const maxObjects = maxObjectsOf(options);
  let documents = 0;
  const mayHaveSurrogateEscape = /\\[uU]/.test(text);
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    const [start, , end] = doc.range;
    const contentStart = doc.contents?.range?.[0] ?? start;
    const startLine = lineOf(contentStart);
    const empty2 = doc.errors.length === 0 && (doc.contents === null || isScalar(doc.contents) && doc.contents.value === null);
    if (!empty2 && ++documents > maxObjects) {
      errors.push(tooManyObjects(file, maxObjects, startLine));
      break;
    }
    const endLine = Math.max(startLine, lineOf(Math.max(contentStart, lastContentOffset(text, end))));
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = Math.min(Math.max(lineOf(e.pos[0]), startLine), endLine);
        errors.push(loadError(`${file}:${line}: invalid YAML: ${firstLine(e.message)}`, file, line, line));
      }
      continue;
    }
    if (doc.contents === null) continue;
    const badEscape = mayHaveSurrogateEscape ? surrogateEscape(doc, text) : void 0;
    if (badEscape !== void 0) {
      const line = lineOf(badEscape);
      errors.push(loadError(`${file}:${line}: invalid YAML: found invalid Unicode character escape code (a UTF-16 surrogate)`, file, line, line));
      continue;
    }
    let value;
    try {
      value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT, mapAsMap: true });
    } catch (e) {
      errors.push(loadError(`${file}:${startLine}: invalid YAML: ${firstLine(errorText(e))}`, file, startLine, endLine));
      continue;
    }
    if (value === null || value === void 0) continue;
    const checked = checkObject(value, file, startLine, endLine);
    if ("error" in checked) errors.push(checked.error);
    else objects.push({ object: checked.object, source: { file, startLine, endLine } });
  }
  return { objects, errors };
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
function isSexagesimalOrTimestamp(tag) {
  if (typeof tag === "string") return tag === "timestamp" || tag === "intTime" || tag === "floatTime";
  if (tag.tag === "tag:yaml.org,2002:float" && !tag.test?.test(".inf")) return true;
  return tag.tag === "tag:yaml.org,2002:timestamp" || tag.format === "TIME";
}
function lastContentOffset(text, end) {
  let i = Math.min(end, text.length) - 1;
  while (i > 0) {
    const lineStart = text.lastIndexOf("\n", i - 1) + 1;
    const line = text.slice(lineStart, i + 1).trim();
    if (line === "" || line === "---" || line === "..." || line.startsWith("#")) {
      i = lineStart - 1;
      continue;
    }
    return i;
  }
  return Math.max(0, i);
}
function checkObject(value, file, startLine, endLine) {
  if (typeof value !== "object" || Array.isArray(value) || value === null) {
    const what2 = Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return { error: loadError(`${file}:${startLine}: document is ${what2}, not an object`, file, startLine, endLine) };
  }
  const normalised = toJson(value);
  if (normalised.error !== void 0) {
    return { error: loadError(`${file}:${startLine}: ${normalised.error}`, file, startLine, endLine) };
  }
  return { object: normalised.value };
}
function toJson(value, depth = 0) {
  if (typeof value === "string") return { value: wellFormed(value) };
  if (value === null || typeof value === "boolean") return { value };
  if (depth >= MAX_NESTING_DEPTH && typeof value === "object") return { error: `the document nests more than ${MAX_NESTING_DEPTH} levels deep` };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: `value ${String(value)} cannot be represented in JSON` };
    return { value };
  }
  if (typeof value === "bigint") return { value: Number(value) };
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) {
      const r = toJson(item, depth + 1);
      if (r.error !== void 0) return r;
      out.push(r.value ?? null);
    }
    return { value: out };
  }
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) {
      const key = mapKey(k);
      if (typeof key !== "string") return key;
      const r = toJson(v, depth + 1);
      if (r.error !== void 0) return r;
      setOwn(out, key, r.value ?? null);
    }
    return { value: out };
  }
  if (value instanceof Set) return toJson([...value], depth);
  if (value instanceof Uint8Array) return { value: goUtf8(value) };
  if (value instanceof Date) {
    return { error: `unsupported YAML value of type ${value.constructor.name}` };
  }
  if (typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const r = toJson(v, depth + 1);
      if (r.error !== void 0) return r;
      setOwn(out, wellFormed(k), r.value ?? null);
    }
    return { value: out };
  }
  return { error: `unsupported value of type ${typeof value}` };
}
function mapKey(k) {
  if (typeof k === "string") return k;
  if (typeof k === "boolean" || typeof k === "bigint") return String(k);
  if (typeof k === "number") return Number.isInteger(k) ? String(k) : goFloatText(k);
  if (k === null || k === void 0) return { error: "unsupported map key: null" };
  return { error: "invalid map key: a collection cannot be a key" };
}
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
function wellFormed(s2) {
  return s2.toWellFormed();
}
function setOwn(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}
function loadJsonStream(text, file, maxObjects) {
  const objects = [];
  const errors = [];
  let pos = 0;
  const lineAt = lineLocator(text);
  let documents = 0;
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) break;
    const startLine = lineAt(pos);
    if (++documents > maxObjects) {
      errors.push(tooManyObjects(file, maxObjects, startLine));
      break;
    }
    const end = endOfJsonValue(text, pos);
    if (end < 0) {
      errors.push(loadError(`${file}:${startLine}: invalid JSON: unterminated value`, file, startLine, startLine));
      break;
    }
    const endLine = lineAt(end - 1);
    let parsed2;
    try {
      parsed2 = JSON.parse(text.slice(pos, end));
    } catch (e) {
      errors.push(loadError(`${file}:${startLine}: invalid JSON: ${errorText(e)}`, file, startLine, endLine));
      pos = end;
      continue;
    }
    const checked = checkObject(parsed2, file, startLine, endLine);
    if ("error" in checked) errors.push(checked.error);
    else objects.push({ object: checked.object, source: { file, startLine, endLine } });
    pos = end;
  }
  return { objects, errors };
}
function endOfJsonValue(text, start) {
  const open = text[start];
  if (open !== "{" && open !== "[") {
    let i = start;
    while (i < text.length && !/\s/.test(text[i])) i++;
    return i;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
function firstLine(s2) {
  return s2.split("\n")[0] ?? s2;
}
function capObjectsPerRef(objects, errors, limit = DEFAULT_MAX_OBJECTS_PER_REF) {
  if (objects.length <= limit) return objects;
  const first = objects[limit].source;
  errors.push({
    kind: "load",
    message: `${first.file}:${first.startLine}: more than ${limit} objects at this ref; ${objects.length - limit} objects from here on were not reviewed`,
    source: { file: first.file, startLine: first.startLine, endLine: first.startLine }
  });
  return objects.slice(0, limit);
}
var DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_OBJECTS_PER_FILE, DEFAULT_MAX_ALIAS_COUNT, memo, MAX_MEMO, INT64_MIN, UINT64_MAX, goIntegerTag, goFloatTag, MAX_NESTING_DEPTH, DEFAULT_MAX_OBJECTS_PER_REF;
var init_load = __esm({
  "src/gatekeeper/load.ts"() {
    "use strict";
    init_strconv();
    init_error_text();
    init_error_text();
    DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
    DEFAULT_MAX_OBJECTS_PER_FILE = 2e4;
    DEFAULT_MAX_ALIAS_COUNT = 100;
    memo = /* @__PURE__ */ new Map();
    MAX_MEMO = 2e4;
    INT64_MIN = -(2n ** 63n);
    UINT64_MAX = 2n ** 64n - 1n;
    goIntegerTag = {
      tag: "tag:yaml.org,2002:int",
      default: true,
      test: /^[-+]?(?:0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$/,
      identify: (v) => typeof v === "number" && Number.isInteger(v),
      resolve(source2) {
        const s2 = source2.replace(/_/g, "");
        const negative = s2.startsWith("-");
        const body = s2.replace(/^[-+]/, "");
        let magnitude;
        let decimal = false;
        try {
          if (/^0[bB]/.test(body)) magnitude = BigInt(`0b${body.slice(2)}`);
          else if (/^0[xX]/.test(body)) magnitude = BigInt(`0x${body.slice(2)}`);
          else if (/^0[oO]/.test(body)) magnitude = BigInt(`0o${body.slice(2)}`);
          else if (/^0[0-7]+$/.test(body)) magnitude = BigInt(`0o${body.slice(1)}`);
          else {
            magnitude = BigInt(body);
            decimal = true;
          }
        } catch {
          return source2;
        }
        const n = negative ? -magnitude : magnitude;
        if (n >= INT64_MIN && n <= UINT64_MAX) return Number(n);
        if (!decimal) return source2;
        const f = Number(s2);
        return Number.isFinite(f) ? f : source2;
      }
    };
    goFloatTag = {
      tag: "tag:yaml.org,2002:float",
      default: true,
      test: /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
      identify: (v) => typeof v === "number",
      // ParseFloat out of range (`1e400`): go-yaml keeps the plain scalar as a string.
      resolve: (source2) => {
        const f = parseFloat(source2.replace(/_/g, ""));
        return Number.isFinite(f) ? f : source2;
      }
    };
    MAX_NESTING_DEPTH = 200;
    DEFAULT_MAX_OBJECTS_PER_REF = 2e4;
  }
});

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
function surrogateFree(s2) {
  return !/[\ud800-\udfff]/.test(s2);
}
function goSortBy(items, ...keys) {
  const native = items.every((item) => keys.every((key) => surrogateFree(key(item))));
  return items.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      return native ? x < y ? -1 : 1 : goCompare(x, y);
    }
    return 0;
  });
}
var init_strings = __esm({
  "src/go/strings.ts"() {
    "use strict";
  }
});

// src/gatekeeper/read.ts
import { lstat, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
function isManifestFile(file) {
  return MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase());
}
async function listManifestFiles(paths) {
  const files = [];
  const errors = [];
  async function walk2(p, explicit) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      errors.push({ kind: "load", message: `${p}: ${errorText(e)}`, source: { file: p, startLine: 1, endLine: 1 } });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const entry of entries) await walk2(path.join(p, entry), false);
    } else if (explicit || isManifestFile(p)) {
      files.push(p);
    }
  }
  for (const p of paths) await walk2(p, true);
  return { files, errors };
}
async function listGatorFiles(paths) {
  const files = [];
  const errors = [];
  const allowed = (p) => GATOR_EXTENSIONS.includes(path.extname(p) === "" && path.basename(p).startsWith(".") ? path.basename(p) : path.extname(p));
  async function walk2(p) {
    const info = await lstat(p);
    if (info.isDirectory()) {
      for (const entry of (await readdir(p)).sort(goCompare)) await walk2(path.join(p, entry));
    } else if (allowed(p)) {
      if (info.isSymbolicLink() && (await stat(p).catch(() => void 0))?.isDirectory()) {
        errors.push(loadError2(p, "is a link to a directory; gator reads it as a file and fails"));
        return;
      }
      files.push(p);
    }
  }
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (!info.isDirectory() && !allowed(p)) {
        errors.push(loadError2(p, `must be of extensions: ${GATOR_EXTENSIONS.join(" ")}`));
        continue;
      }
      if (info.isDirectory() && (await lstat(p)).isSymbolicLink()) continue;
      await walk2(p);
    } catch (e) {
      errors.push(loadError2(p, errorText(e)));
    }
  }
  return { files, errors };
}
function loadError2(file, message2) {
  return { kind: "load", message: `${file}: ${message2}`, source: { file, startLine: 1, endLine: 1 } };
}
function decodeManifest(bytes, file) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    if (bytes.toString("latin1").trimStart().startsWith("{")) return { text: goUtf8(bytes) };
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 10) line++;
    return { error: { kind: "load", message: `${file}:${line}: invalid YAML: invalid UTF-8; the file was not read`, source: { file, startLine: line, endLine: line } } };
  }
}
async function readManifests(paths, options = {}) {
  const { files, errors } = await listGatorFiles(paths);
  const objects = [];
  for (const file of files) {
    let text;
    try {
      const decoded = decodeManifest(await readFile(file), file);
      if ("error" in decoded) {
        errors.push(decoded.error);
        continue;
      }
      text = decoded.text;
    } catch (e) {
      errors.push({ kind: "load", message: `${file}: ${errorText(e)}`, source: { file, startLine: 1, endLine: 1 } });
      continue;
    }
    const r = loadManifests(text, file, options);
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  return { objects, errors };
}
var MANIFEST_EXTENSIONS, GATOR_EXTENSIONS;
var init_read = __esm({
  "src/gatekeeper/read.ts"() {
    "use strict";
    init_load();
    init_strings();
    MANIFEST_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
    GATOR_EXTENSIONS = [".yaml", ".yml", ".json"];
  }
});

// src/gatekeeper/classify.ts
function gvkOf(object) {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion, kind } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}
function isTemplate(gvk) {
  return gvk.group === "templates.gatekeeper.sh" && gvk.kind === "ConstraintTemplate";
}
function isConstraint(gvk) {
  return gvk.group === "constraints.gatekeeper.sh";
}
function isConfig(gvk) {
  return gvk.group === "config.gatekeeper.sh" && gvk.kind === "Config";
}
function isExpansionTemplate(gvk) {
  return gvk.group === "expansion.gatekeeper.sh" && gvk.kind === "ExpansionTemplate";
}
function isMutator(gvk) {
  return gvk.group === "mutations.gatekeeper.sh";
}
function isSuite(gvk) {
  return gvk.group === "test.gatekeeper.sh" && gvk.kind === "Suite";
}
function isAdmissionReview(gvk) {
  return gvk.group === "admission.k8s.io" && gvk.kind === "AdmissionReview";
}
function isNamespace(gvk) {
  return gvk.group === "" && gvk.kind === "Namespace";
}
function classify(object) {
  const gvk = gvkOf(object);
  if (isTemplate(gvk)) return "ConstraintTemplate";
  if (isConstraint(gvk)) return "Constraint";
  if (isConfig(gvk)) return "Config";
  if (isExpansionTemplate(gvk)) return "ExpansionTemplate";
  if (isMutator(gvk)) return "Mutator";
  if (isSuite(gvk)) return "Suite";
  if (isAdmissionReview(gvk)) return "AdmissionReview";
  if (isNamespace(gvk)) return "Namespace";
  return "Object";
}
function groupVersion(gvk) {
  return gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
}
function metadataOf(object) {
  const m = object.metadata;
  return m !== null && typeof m === "object" && !Array.isArray(m) ? m : {};
}
function nameOf(object) {
  const n = metadataOf(object).name;
  return typeof n === "string" ? n : "";
}
function namespaceOf(object) {
  const n = metadataOf(object).namespace;
  return typeof n === "string" ? n : "";
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
var init_classify = __esm({
  "src/gatekeeper/classify.ts"() {
    "use strict";
  }
});

// src/gatekeeper/mutation.ts
function unappliedMutators(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (classify(o.object) !== "Mutator") continue;
    const what2 = `Gatekeeper mutator ${String(o.object.kind ?? "")} ${nameOf(o.object)}`;
    const key = `${what2}\0${o.source.file}\0${o.source.startLine}`;
    if (!out.has(key)) out.set(key, { what: what2, source: { ...o.source }, reason: MUTATION_NOT_SIMULATED });
  }
  return [...out.values()];
}
function mutatorError(m) {
  return { kind: "load", message: `${m.source.file}:${m.source.startLine}: ${m.what} is ${m.reason}`, source: m.source };
}
var MUTATION_NOT_SIMULATED;
var init_mutation = __esm({
  "src/gatekeeper/mutation.ts"() {
    "use strict";
    init_classify();
    MUTATION_NOT_SIMULATED = "not applied: preadmit does not simulate mutation (objects are reviewed as written, before any change a mutator would make)";
  }
});

// src/gatekeeper/expand.ts
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function parseExpansionTemplate(sourced) {
  const { object, source: source2 } = sourced;
  const name = nameOf(object);
  const fail = (why) => ({ error: { kind: "expansion", message: `${source2.file}:${source2.startLine}: ExpansionTemplate ${JSON.stringify(name)}: ${why}`, source: source2 } });
  const spec = isObject(object.spec) ? object.spec : {};
  if (name === "") return fail("metadata.name is required");
  if (name.length >= 64) return fail(`name ${name} must be less than 64 characters`);
  const applyTo = (Array.isArray(spec.applyTo) ? spec.applyTo : []).filter(isObject).map((a) => ({ groups: strings(a.groups), kinds: strings(a.kinds), versions: strings(a.versions) }));
  if (applyTo.length === 0) return fail("spec.applyTo must be non-empty");
  const templateSource = typeof spec.templateSource === "string" ? spec.templateSource : "";
  if (templateSource === "") return fail("spec.templateSource must be non-empty");
  const g = isObject(spec.generatedGVK) ? spec.generatedGVK : {};
  const generatedGVK = {
    group: typeof g.group === "string" ? g.group : "",
    version: typeof g.version === "string" ? g.version : "",
    kind: typeof g.kind === "string" ? g.kind : ""
  };
  if (generatedGVK.version === "" && generatedGVK.kind === "" && generatedGVK.group === "") return fail("spec.generatedGVK must be non-empty");
  for (const a of applyTo) {
    if (a.groups.includes(generatedGVK.group) && a.versions.includes(generatedGVK.version) && a.kinds.includes(generatedGVK.kind)) {
      return fail("spec.applyTo must not include the generatedGVK (it would expand itself)");
    }
  }
  const enforcementAction = typeof spec.enforcementAction === "string" ? spec.enforcementAction : "";
  return { template: { name, applyTo, templateSource, generatedGVK, enforcementAction, source: source2 } };
}
function applies(t, object) {
  const gvk = gvkOf(object);
  return t.applyTo.some((a) => a.groups.includes(gvk.group) && a.versions.includes(gvk.version) && a.kinds.includes(gvk.kind));
}
function lookupPath(object, path23) {
  let cur = object;
  for (const part of path23.split(".")) {
    if (!isObject(cur)) return void 0;
    cur = cur[part];
  }
  return cur;
}
function expandOne(parent, namespace, t) {
  const src2 = lookupPath(parent, t.templateSource);
  if (src2 !== void 0 && !isObject(src2)) {
    throw new Error(`could not extract source field from unstructured: .${t.templateSource} accessor error: ${JSON.stringify(src2)} is of the type ${typeof src2}, expected map[string]interface{}`);
  }
  if (src2 === void 0) throw new Error(`could not find source field ${JSON.stringify(t.templateSource)} in resource ${nameOf(parent)}`);
  const resultant = structuredClone(src2);
  const { group, version, kind } = t.generatedGVK;
  resultant.apiVersion = group === "" ? version : `${group}/${version}`;
  resultant.kind = kind;
  const meta = isObject(resultant.metadata) ? resultant.metadata : {};
  resultant.metadata = meta;
  const ns = namespace !== null ? nameOf(namespace) : namespaceOf(parent);
  if (namespace !== null || "namespace" in metadataOf(parent)) {
    if (ns === "") delete meta.namespace;
    else meta.namespace = ns;
  }
  const name = `${nameOf(parent)}${kind !== "" ? "-" : ""}${kind}`.toLowerCase();
  if (name === "") delete meta.name;
  else meta.name = name;
  const parentApiVersion = typeof parent.apiVersion === "string" ? parent.apiVersion : "";
  const parentKind = typeof parent.kind === "string" ? parent.kind : "";
  const parentName = nameOf(parent);
  if (parentApiVersion !== "" && parentKind !== "" && parentName !== "") {
    const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObject) : [];
    if (!refs.some((r) => r.apiVersion === parentApiVersion && r.kind === parentKind && r.name === parentName)) {
      meta.ownerReferences = [...refs, { apiVersion: parentApiVersion, kind: parentKind, name: parentName, uid: "" }];
    }
  }
  return resultant;
}
function expand(parent, namespace, templates) {
  const out = [];
  const walk2 = (obj2, depth) => {
    if (depth >= MAX_DEPTH) throw new Error(`maximum recursion depth of ${MAX_DEPTH} reached`);
    const gvk = gvkOf(obj2);
    if (gvk.kind === "" && gvk.version === "" && gvk.group === "") throw new Error(`cannot expand resource ${nameOf(obj2)} with empty GVK`);
    const level2 = [];
    for (const t of templates) {
      if (!applies(t, obj2)) continue;
      level2.push({ object: expandOne(obj2, namespace, t), templateName: t.name, enforcementAction: t.enforcementAction });
    }
    for (const r of level2) walk2(r.object, depth + 1);
    out.push(...level2);
  };
  walk2(parent, 0);
  return out;
}
function impliedByPrefix(templateName) {
  return `[Implied by ${templateName}] `;
}
var MAX_DEPTH;
var init_expand = __esm({
  "src/gatekeeper/expand.ts"() {
    "use strict";
    init_classify();
    MAX_DEPTH = 30;
  }
});

// src/gatekeeper/glob.ts
function matchesGlob(pattern, value) {
  const front = pattern.startsWith("*");
  const back = pattern.endsWith("*");
  if (front && back) return value.includes(trimBack(trimFront(pattern)));
  if (front) return value.endsWith(trimFront(pattern));
  if (back) return value.startsWith(trimBack(pattern));
  return pattern === value;
}
function matchesGenerateName(pattern, generateName) {
  const front = pattern.startsWith("*");
  const back = pattern.endsWith("*");
  if (front && back) return generateName.includes(trimBack(trimFront(pattern)));
  if (back) return generateName.startsWith(trimBack(pattern));
  return false;
}
function trimFront(s2) {
  return s2.startsWith("*") ? s2.slice(1) : s2;
}
function trimBack(s2) {
  return s2.endsWith("*") ? s2.slice(0, -1) : s2;
}
var GLOB_PATTERN;
var init_glob = __esm({
  "src/gatekeeper/glob.ts"() {
    "use strict";
    GLOB_PATTERN = "^\\*?[-:a-z0-9]*\\*?$";
  }
});

// src/gatekeeper/selector.ts
function goNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return goFloatText(n);
}
function goValue(v) {
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  const keys = Object.keys(v).sort(goCompare);
  return `map[${keys.map((k) => `${k}:${goValue(v[k] ?? null)}`).join(" ")}]`;
}
function goType(v) {
  if (v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
function fieldValue(v) {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
function aggregate(messages) {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] ?? "";
  return `[${unique.join(", ")}]`;
}
function regexError(msg, re, ...examples) {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${re}')`;
}
function byteLength(s2) {
  return Buffer.byteLength(s2, "utf8");
}
function dns1123SubdomainErrors(value, unit = "bytes") {
  const errs = [];
  if (byteLength(value) > 253) errs.push(`must be no more than 253 ${unit}`);
  if (!new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com"
      )
    );
  }
  return errs;
}
function dns1123LabelErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${DNS1123_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        "my-name",
        "123-abc"
      )
    );
  }
  return errs;
}
function dns1035LabelErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${DNS1035_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        "my-name",
        "abc-123"
      )
    );
  }
  return errs;
}
function labelKeyErrors(value) {
  const errs = [];
  const parts = value.split("/");
  let name;
  if (parts.length === 1) {
    name = parts[0] ?? "";
  } else if (parts.length === 2) {
    const prefix2 = parts[0] ?? "";
    name = parts[1] ?? "";
    if (prefix2.length === 0) errs.push("prefix part must be non-empty");
    else for (const m of dns1123SubdomainErrors(prefix2)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (byteLength(name) > 63) errs.push("name part must be no more than 63 bytes");
  if (!new RegExp(`^${LABEL_KEY_FMT}$`).test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  }
  return errs;
}
function labelValueErrors(value) {
  const errs = [];
  if (byteLength(value) > 63) errs.push("must be no more than 63 bytes");
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345"
      )
    );
  }
  return errs;
}
function jsonKind(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}
function field(obj2, name) {
  if (name in obj2) return obj2[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj2).sort(goCompare).find((k) => k.toLowerCase() === lower);
  return key === void 0 ? void 0 : obj2[key];
}
function typeError(value, struct, path23, goTypeName2) {
  return `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${path23} of type ${goTypeName2}`;
}
function labelSelectorFromJson(value) {
  const fail = (message2) => ({ error: `Could not convert JSON to LabelSelector: ${message2}` });
  if (value === null) return { selector: {} };
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.LabelSelector`);
  }
  const selector = {};
  const exprs = field(value, "matchExpressions");
  if (exprs !== void 0 && exprs !== null) {
    if (!Array.isArray(exprs)) return fail(typeError(exprs, "LabelSelector", "matchExpressions", "[]v1.LabelSelectorRequirement"));
    const out = [];
    for (const e of exprs) {
      const req = { key: "", operator: "" };
      if (e !== null) {
        if (typeof e !== "object" || Array.isArray(e)) {
          return fail(typeError(e, "LabelSelector", "matchExpressions", "v1.LabelSelectorRequirement"));
        }
        const key = field(e, "key");
        if (key !== void 0 && key !== null) {
          if (typeof key !== "string") return fail(typeError(key, "LabelSelectorRequirement", "matchExpressions.key", "string"));
          req.key = key;
        }
        const op = field(e, "operator");
        if (op !== void 0 && op !== null) {
          if (typeof op !== "string") {
            return fail(typeError(op, "LabelSelectorRequirement", "matchExpressions.operator", "v1.LabelSelectorOperator"));
          }
          req.operator = op;
        }
        const values = field(e, "values");
        if (values !== void 0 && values !== null) {
          if (!Array.isArray(values)) return fail(typeError(values, "LabelSelectorRequirement", "matchExpressions.values", "[]string"));
          const vs = [];
          for (const v of values) {
            if (v === null) vs.push("");
            else if (typeof v !== "string") return fail(typeError(v, "LabelSelectorRequirement", "matchExpressions.values", "string"));
            else vs.push(v);
          }
          req.values = vs;
        }
      }
      out.push(req);
    }
    selector.matchExpressions = out;
  }
  const labels = field(value, "matchLabels");
  if (labels !== void 0 && labels !== null) {
    if (typeof labels !== "object" || Array.isArray(labels)) {
      return fail(typeError(labels, "LabelSelector", "matchLabels", "map[string]string"));
    }
    const out = {};
    for (const k of Object.keys(labels).sort(goCompare)) {
      const v = labels[k] ?? null;
      if (v === null) out[k] = "";
      else if (typeof v !== "string") return fail(typeError(v, "LabelSelector", "matchLabels", "string"));
      else out[k] = v;
    }
    selector.matchLabels = out;
  }
  return { selector };
}
function labelSelectorFieldErrors(selector, path23) {
  const errs = [];
  const labelsPath = `${path23}.matchLabels`;
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? "";
    for (const m of labelKeyErrors(k)) errs.push(`${labelsPath}: Invalid value: ${goQuote(k)}: ${m}`);
    for (const m of labelValueErrors(v)) errs.push(`${labelsPath}: Invalid value: ${goQuote(v)}: ${m}`);
  }
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path23}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    if (e.operator === "In" || e.operator === "NotIn") {
      if (values.length === 0) errs.push(`${p}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`);
    } else if (e.operator === "Exists" || e.operator === "DoesNotExist") {
      if (values.length > 0) errs.push(`${p}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`);
    } else {
      errs.push(`${p}.operator: Invalid value: ${goQuote(e.operator)}: not a valid selector operator`);
    }
    for (const m of labelKeyErrors(e.key)) errs.push(`${p}.key: Invalid value: ${goQuote(e.key)}: ${m}`);
    values.forEach((v, j) => {
      for (const m of labelValueErrors(v)) errs.push(`${p}.values[${j}]: Invalid value: ${goQuote(v)}: ${m}`);
    });
  });
  return errs;
}
function requirementsOf(selector) {
  const reqs = [];
  const check = (key, op, values) => {
    const errs = [];
    const keyErrs = labelKeyErrors(key);
    if (keyErrs.length > 0) errs.push(`key: Invalid value: ${goQuote(key)}: ${keyErrs.join("; ")}`);
    if ((op === "In" || op === "NotIn") && values.length === 0) {
      errs.push(`values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`);
    }
    if ((op === "Exists" || op === "DoesNotExist") && values.length !== 0) {
      errs.push(`values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`);
    }
    values.forEach((v, i) => {
      const valueErrs = labelValueErrors(v);
      if (valueErrs.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrs.join("; ")}`);
    });
    return errs.length > 0 ? aggregate(errs) : void 0;
  };
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? "";
    const err = check(k, "In", [v]);
    if (err !== void 0) return { error: err };
    reqs.push({ key: k, op: "In", values: [v] });
  }
  for (const e of selector.matchExpressions ?? []) {
    if (!OPERATORS.has(e.operator)) return { error: `${goQuote(e.operator)} is not a valid label selector operator` };
    const values = e.values ?? [];
    const err = check(e.key, e.operator, values);
    if (err !== void 0) return { error: err };
    reqs.push({ key: e.key, op: e.operator, values });
  }
  return reqs;
}
function requirementMatches(r, labels) {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case "In":
      return has && value !== void 0 && r.values.includes(value);
    case "NotIn":
      return !has || value === void 0 || !r.values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}
function evaluateLabelSelector(selector, labels) {
  const reqs = requirementsOf(selector);
  if (!Array.isArray(reqs)) return reqs;
  return reqs.every((r) => requirementMatches(r, labels));
}
var LABEL_KEY_FMT, LABEL_VALUE_FMT, DNS1123_LABEL_FMT, DNS1123_SUBDOMAIN_FMT, DNS1035_LABEL_FMT, LABEL_KEY_MSG, OPERATORS;
var init_selector = __esm({
  "src/gatekeeper/selector.ts"() {
    "use strict";
    init_strconv();
    init_strings();
    LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
    DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
    DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    OPERATORS = /* @__PURE__ */ new Set(["In", "NotIn", "Exists", "DoesNotExist"]);
  }
});

// src/gatekeeper/constraint.ts
import AjvModule from "ajv";
function parseConstraint(sourced, template2) {
  const obj2 = sourced.object;
  const name = metaString(obj2, "name");
  const fail = (message2, schemaError = false) => ({
    error: {
      kind: "constraint",
      message: `${sourced.source.file}:${sourced.source.startLine}: adding constraint ${goQuote(name)}: ${message2}`,
      source: sourced.source
    },
    schemaError
  });
  const apiVersion = typeof obj2.apiVersion === "string" ? obj2.apiVersion : "";
  const gv = parseGroupVersion(apiVersion);
  const kind = gv === void 0 ? "" : typeof obj2.kind === "string" ? obj2.kind : "";
  const group = gv?.group ?? "";
  const version = gv?.version ?? "";
  if (name === "") return fail(`${INVALID}: missing metadata.name`);
  if (kind === "") return fail(`${INVALID}: missing kind`);
  if (group !== CONSTRAINT_GROUP) {
    return fail(`${INVALID}: wrong API Group for Constraint ${goQuote(name)}, got ${goQuote(group)} but need ${goQuote(CONSTRAINT_GROUP)}`);
  }
  if (kind.toLowerCase() !== template2.kind.toLowerCase()) {
    return fail(`missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`);
  }
  for (const field3 of ["labelSelector", "namespaceSelector"]) {
    const err = selectorError(obj2, field3);
    if (err !== void 0) return fail(`${INVALID}: ${err}`);
  }
  const dnsErrors = dns1123SubdomainErrors(name, "characters");
  if (dnsErrors.length > 0) return fail(`${INVALID}: invalid name: ${goQuote(dnsErrors.join("\n"))}`);
  if (kind !== template2.kind) {
    return fail(`${INVALID}: wrong kind ${goQuote(name)} for constraint ${goQuote(kind)}; want ${goQuote(template2.kind)}`);
  }
  if (!CONSTRAINT_VERSIONS.includes(version)) {
    return fail(`${INVALID}: unsupported version ${goQuote(version)} for Constraint ${goQuote(name)}; supported versions: map[v1alpha1:true v1beta1:true]`);
  }
  const schemas = constraintSchemas(template2);
  if ("error" in schemas) return fail(`${INVALID}: ${schemas.error}`);
  const schemaErrors = validateAgainst(schemas.validate, obj2);
  if (schemaErrors.length > 0) return fail(`${SCHEMA}: ${aggregate(schemaErrors)}`, true);
  const unknown = [];
  prune(structuredClone(obj2), schemas.structural, [], unknown, true);
  if (unknown.length > 0) return fail(`${INVALID}: unknown fields: [${unknown.sort(goCompare).join(" ")}]`);
  const object = structuredClone(obj2);
  applyDefaults(object, schemas.structural);
  delete object.status;
  const spec = isObject2(object.spec) ? object.spec : void 0;
  const action = spec?.enforcementAction;
  if (action !== void 0 && typeof action !== "string") return fail(`${INVALID}: invalid spec.enforcementAction`);
  const enforcementAction = typeof action === "string" ? action : "deny";
  const scopedEnforcementActions = [];
  if (enforcementAction === "scoped") {
    const scoped = spec?.scopedEnforcementActions;
    if (!Array.isArray(scoped)) return fail("missing required field: spec.scopedEnforcementActions must be defined");
    for (const s2 of scoped) {
      if (!isObject2(s2)) {
        return fail(`${INVALID}: scopedEnforcementActions value must be a [{action: string, enforcementPoints: [{name: string}]}]`);
      }
      const points = Array.isArray(s2.enforcementPoints) ? s2.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s2.action === "string" ? s2.action : "",
        enforcementPoints: points.map((p) => ({ name: isObject2(p) && typeof p.name === "string" ? p.name : "" }))
      });
    }
  } else if (spec !== void 0 && Array.isArray(spec.scopedEnforcementActions)) {
    for (const s2 of spec.scopedEnforcementActions) {
      if (!isObject2(s2)) continue;
      const points = Array.isArray(s2.enforcementPoints) ? s2.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s2.action === "string" ? s2.action : "",
        enforcementPoints: points.map((p) => ({ name: isObject2(p) && typeof p.name === "string" ? p.name : "" }))
      });
    }
  }
  const params = spec?.parameters;
  const constraint = {
    apiVersion,
    kind,
    name,
    object,
    match: spec !== void 0 && isObject2(spec.match) ? spec.match : void 0,
    parameters: isObject2(params) ? params : {},
    enforcementAction,
    scopedEnforcementActions,
    source: sourced.source
  };
  if (params !== void 0 && params !== null && !isObject2(params)) constraint.parametersValue = params;
  return { constraint };
}
function isObject2(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v);
}
function metaString(obj2, key) {
  const m = obj2.metadata;
  if (!isObject2(m)) return "";
  const v = m[key];
  return typeof v === "string" ? v : "";
}
function parseGroupVersion(apiVersion) {
  if (apiVersion === "" || apiVersion === "/") return { group: "", version: "" };
  const parts = apiVersion.split("/");
  if (parts.length === 1) return { group: "", version: apiVersion };
  if (parts.length === 2) return { group: parts[0] ?? "", version: parts[1] ?? "" };
  return void 0;
}
function selectorError(obj2, field3) {
  const path23 = ["spec", "match", field3];
  let value = obj2;
  for (let i = 0; i < path23.length; i++) {
    if (value === null) return void 0;
    if (!isObject2(value)) {
      return `.${path23.slice(0, i + 1).join(".")} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
    }
    value = value[path23[i] ?? ""];
    if (value === void 0) return void 0;
  }
  if (!isObject2(value)) {
    return `.${path23.join(".")} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
  }
  const decoded = labelSelectorFromJson(value);
  if ("error" in decoded) return decoded.error;
  const errs = labelSelectorFieldErrors(decoded.selector, "spec.labelSelector");
  return errs.length > 0 ? aggregate(errs) : void 0;
}
function matchSchema() {
  return {
    type: "object",
    properties: {
      excludedNamespaces: { type: "array", items: { type: "string", pattern: GLOB_PATTERN } },
      kinds: {
        type: "array",
        items: {
          type: "object",
          properties: {
            apiGroups: { type: "array", items: { type: "string" } },
            kinds: { type: "array", items: { type: "string" } }
          }
        }
      },
      labelSelector: selectorSchema(),
      name: { type: "string", pattern: GLOB_PATTERN },
      namespaceSelector: selectorSchema(),
      namespaces: { type: "array", items: { type: "string", pattern: GLOB_PATTERN } },
      scope: { type: "string" },
      source: { type: "string", enum: ["All", "Generated", "Original"] }
    }
  };
}
function addPreserveUnknownFields(schema) {
  const out = { ...schema };
  const type = out.type;
  if (type === void 0 || type === "" || type === "object") out["x-kubernetes-preserve-unknown-fields"] = true;
  else if (type === "array" && !isObject2(out.items) && !Array.isArray(out.items)) {
    out.items = { "x-kubernetes-preserve-unknown-fields": true };
  }
  if (isObject2(out.properties)) {
    const props = {};
    for (const [k, v] of Object.entries(out.properties)) props[k] = isObject2(v) ? addPreserveUnknownFields(v) : v;
    out.properties = props;
  }
  if (isObject2(out.items)) out.items = addPreserveUnknownFields(out.items);
  if (isObject2(out.additionalProperties)) out.additionalProperties = addPreserveUnknownFields(out.additionalProperties);
  return out;
}
function constraintSchema(template2) {
  let parameters = template2.parametersSchema;
  if (template2.legacySchema) parameters = addPreserveUnknownFields(parameters ?? {});
  const specProps = {
    match: matchSchema(),
    enforcementAction: { type: "string", default: "deny" },
    scopedEnforcementActions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          action: { type: "string" },
          enforcementPoints: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } }
        }
      }
    }
  };
  if (parameters !== void 0) specProps.parameters = parameters;
  return {
    type: "object",
    properties: {
      metadata: { type: "object", properties: { name: { type: "string", maxLength: 63 } } },
      spec: { type: "object", properties: specProps },
      status: { "x-kubernetes-preserve-unknown-fields": true }
    }
  };
}
function constraintSchemas(template2) {
  const key = JSON.stringify([template2.parametersSchema ?? null, template2.legacySchema]);
  const hit = cache.get(key);
  if (hit !== void 0) return hit;
  const structural = constraintSchema(template2);
  let result;
  try {
    result = { structural, validate: ajv.compile(toJsonSchema(structural)) };
  } catch (e) {
    result = { error: `parameters schema of template ${goQuote(template2.kind)} cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, result);
  return result;
}
function toJsonSchema(node) {
  if (!isObject2(node)) return {};
  const out = {};
  const nullable = node.nullable === true;
  if (node["x-kubernetes-int-or-string"] === true) out.type = nullable ? ["integer", "string", "null"] : ["integer", "string"];
  else if (typeof node.type === "string" && node.type !== "") out.type = nullable ? [node.type, "null"] : node.type;
  if (Array.isArray(node.enum)) out.enum = nullable ? [...node.enum, null] : node.enum;
  if (typeof node.pattern === "string") out.pattern = node.pattern;
  for (const k of NUMBER_KEYWORDS) if (typeof node[k] === "number") out[k] = node[k] ?? null;
  if (node.exclusiveMinimum === true && typeof node.minimum === "number") {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === "number") {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (node.uniqueItems === true) out.uniqueItems = true;
  if (Array.isArray(node.required)) out.required = node.required.filter((r) => typeof r === "string");
  if (isObject2(node.properties)) {
    const props = {};
    for (const [k, v] of Object.entries(node.properties)) props[k] = toJsonSchema(v);
    out.properties = props;
  }
  if (typeof node.additionalProperties === "boolean") out.additionalProperties = node.additionalProperties;
  else if (isObject2(node.additionalProperties)) out.additionalProperties = toJsonSchema(node.additionalProperties);
  if (isObject2(node.items)) out.items = toJsonSchema(node.items);
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    const list2 = node[k];
    if (Array.isArray(list2)) out[k] = list2.map(toJsonSchema);
  }
  if (isObject2(node.not)) out.not = toJsonSchema(node.not);
  return out;
}
function openapiType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}
function fieldName(data, pointer) {
  if (pointer === "") return "";
  let name = "";
  let cur = data;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) {
      name += `[${seg}]`;
      cur = cur[Number(seg)];
    } else {
      name += name === "" ? seg : `.${seg}`;
      cur = isObject2(cur) ? cur[seg] : void 0;
    }
  }
  return name;
}
function validateAgainst(validate2, obj2) {
  if (validate2(obj2)) return [];
  const out = [];
  const errors = validate2.errors ?? [];
  const stringRank = { maxLength: 0, minLength: 1, pattern: 2 };
  const firstStringError = /* @__PURE__ */ new Map();
  for (const e of errors) {
    const rank = stringRank[e.keyword];
    if (rank === void 0) continue;
    const key = `${e.instancePath}|${e.schemaPath.slice(0, e.schemaPath.lastIndexOf("/"))}`;
    firstStringError.set(key, Math.min(rank, firstStringError.get(key) ?? rank));
  }
  for (const e of errors) {
    if (/\/(anyOf|oneOf|not)\//.test(e.schemaPath)) continue;
    const rank = stringRank[e.keyword];
    if (rank !== void 0 && rank > (firstStringError.get(`${e.instancePath}|${e.schemaPath.slice(0, e.schemaPath.lastIndexOf("/"))}`) ?? rank)) continue;
    const name = fieldName(obj2, e.instancePath);
    for (const m of kubeMessages(e, name)) out.push({ path: name, rank: KEYWORD_ORDER.indexOf(e.keyword), message: m.message });
  }
  const order = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.rank - b.rank;
  return out.sort(order).map((m) => m.message);
}
function kubeMessages(e, name) {
  const data = e.data ?? null;
  const path23 = name === "" ? "[]" : `[].${name}`;
  const at2 = (message2, p = path23) => ({ path: p, message: `${p}: ${message2}` });
  const num = (v) => typeof v === "number" ? goNumber(v) : String(v);
  const params = e.params;
  const size = Array.isArray(data) ? data.length : isObject2(data) ? Object.keys(data).length : 0;
  switch (e.keyword) {
    case "type": {
      const types = (Array.isArray(params.type) ? params.type : [String(params.type)]).filter((t) => t !== "null");
      const actual = openapiType(data);
      const msgs = [at2(`Invalid value: ${goQuote(actual)}: ${name} in body must be of type ${types.join(",")}: ${goQuote(actual)}`)];
      if (types.length === 1 && types[0] === "integer" && typeof data === "number") {
        msgs.push(at2(`Invalid value: "": Checked value must be of type integer (default format) in ${name}`, "[]"));
      }
      return msgs;
    }
    case "required": {
      const missing = String(params.missingProperty);
      const p = name === "" ? `[].${missing}` : `${path23}.${missing}`;
      return [at2("Required value", p)];
    }
    case "enum": {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : []).filter((v) => v !== null);
      const values = allowed.map((v) => goQuote(typeof v === "string" ? v : JSON.stringify(v)));
      return [at2(`Unsupported value: ${fieldValue(data)}: supported values: ${values.join(", ")}`)];
    }
    case "maxLength":
      return [at2(`Too long: may not be more than ${num(params.limit)} bytes`)];
    case "minLength":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be at least ${num(params.limit)} chars long`)];
    case "pattern":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should match '${String(params.pattern)}'`)];
    case "minimum":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than or equal to ${num(params.limit)}`)];
    case "exclusiveMinimum":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than ${num(params.limit)}`)];
    case "maximum":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than or equal to ${num(params.limit)}`)];
    case "exclusiveMaximum":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than ${num(params.limit)}`)];
    case "multipleOf":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body should be a multiple of ${num(params.multipleOf)}`)];
    case "maxItems":
    case "maxProperties":
      return [at2(`Too many: ${size}: must have at most ${num(params.limit)} items`)];
    case "minItems":
      return [at2(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} items`)];
    case "minProperties":
      return [at2(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} properties`)];
    case "uniqueItems":
      return [at2(`Duplicate value: ${fieldValue(data)}: ${name} in body shouldn't contain duplicates`)];
    case "additionalProperties":
      return [at2(`Invalid value: ${fieldValue(data)}: ${name}.${String(params.additionalProperty)} in body is a forbidden property`)];
    default:
      return [at2(`Invalid value: ${fieldValue(data)}: ${name} in body ${e.message ?? "is invalid"}`)];
  }
}
function preserves(s2) {
  return s2 !== null && s2["x-kubernetes-preserve-unknown-fields"] === true;
}
function childSchemas(s2) {
  const props = isObject2(s2.properties) ? s2.properties : void 0;
  const ap = s2.additionalProperties;
  const additional = isObject2(ap) ? ap : ap === true ? null : void 0;
  const items = isObject2(s2.items) ? s2.items : null;
  return { props, additional, items };
}
function joinPath(path23) {
  return path23.join("");
}
function prune(x, s2, path23, unknown, root = false) {
  const embedded = root || s2 !== null && s2["x-kubernetes-embedded-resource"] === true;
  const key = (k) => path23.length > 0 ? [...path23, ".", k] : [k];
  if (s2 !== null && preserves(s2)) {
    const { props, additional, items } = childSchemas(s2);
    if (isObject2(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (embedded && META_FIELDS.has(k)) continue;
        const prop = props?.[k];
        if (isObject2(prop)) prune(v, prop, key(k), unknown);
        else if (additional !== void 0) prune(v, additional, key(k), unknown);
      }
    } else if (Array.isArray(x) && items !== null) {
      x.forEach((v, i) => skipPruneItems(v, items, [...path23, `[${i}]`], unknown));
    }
    return;
  }
  if (isObject2(x)) {
    if (s2 === null) {
      for (const k of Object.keys(x)) unknown.push(joinPath(key(k)));
      return;
    }
    const { props, additional } = childSchemas(s2);
    for (const [k, v] of Object.entries(x)) {
      if (embedded && META_FIELDS.has(k)) continue;
      const prop = props?.[k];
      if (isObject2(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== void 0) prune(v, additional, key(k), unknown);
      else if (!META_FIELDS.has(k) || path23.length > 0) unknown.push(joinPath(key(k)));
    }
  } else if (Array.isArray(x)) {
    const items = s2 === null ? null : childSchemas(s2).items;
    x.forEach((v, i) => prune(v, items, [...path23, `[${i}]`], unknown));
  }
}
function skipPruneItems(x, s2, path23, unknown) {
  if (preserves(s2)) {
    prune(x, s2, path23, unknown);
    return;
  }
  const { props, additional, items } = childSchemas(s2);
  const key = (k) => [...path23, ".", k];
  if (isObject2(x)) {
    for (const [k, v] of Object.entries(x)) {
      const prop = props?.[k];
      if (isObject2(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== void 0) prune(v, additional, key(k), unknown);
    }
  } else if (Array.isArray(x) && items !== null) {
    x.forEach((v, i) => skipPruneItems(v, items, [...path23, `[${i}]`], unknown));
  }
}
function applyDefaults(x, s2) {
  if (s2 === null) return;
  const { props, additional, items } = childSchemas(s2);
  const nonNullableNull = (v, sch) => v === null && sch !== null && sch.nullable !== true;
  if (isObject2(x)) {
    for (const [k, prop] of Object.entries(props ?? {})) {
      if (!isObject2(prop) || prop.default === void 0 || prop.default === null) continue;
      if (!(k in x) || nonNullableNull(x[k], prop)) x[k] = structuredClone(prop.default);
    }
    for (const k of Object.keys(x)) {
      const prop = props?.[k];
      if (isObject2(prop)) applyDefaults(x[k] ?? null, prop);
      else if (additional !== void 0) {
        if (additional !== null && nonNullableNull(x[k], additional)) x[k] = structuredClone(additional.default ?? null);
        applyDefaults(x[k] ?? null, additional);
      }
    }
  } else if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (items !== null && nonNullableNull(x[i], items)) x[i] = structuredClone(items.default ?? null);
      applyDefaults(x[i] ?? null, items);
    }
  }
}
var CONSTRAINT_GROUP, CONSTRAINT_VERSIONS, INVALID, SCHEMA, selectorSchema, Ajv, ajv, cache, CACHE_LIMIT, NUMBER_KEYWORDS, KEYWORD_ORDER, META_FIELDS;
var init_constraint = __esm({
  "src/gatekeeper/constraint.ts"() {
    "use strict";
    init_glob();
    init_strconv();
    init_strings();
    init_selector();
    CONSTRAINT_GROUP = "constraints.gatekeeper.sh";
    CONSTRAINT_VERSIONS = ["v1alpha1", "v1beta1"];
    INVALID = "invalid Constraint";
    SCHEMA = "schema validation failed";
    selectorSchema = () => ({
      type: "object",
      "x-kubernetes-map-type": "atomic",
      properties: {
        matchExpressions: {
          type: "array",
          items: {
            type: "object",
            required: ["key", "operator"],
            properties: {
              key: { type: "string" },
              operator: { type: "string" },
              values: { type: "array", items: { type: "string" } }
            }
          }
        },
        matchLabels: { type: "object", additionalProperties: { type: "string" } }
      }
    });
    Ajv = AjvModule.default;
    ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, validateSchema: false });
    cache = /* @__PURE__ */ new Map();
    CACHE_LIMIT = 256;
    NUMBER_KEYWORDS = ["minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
    KEYWORD_ORDER = [
      "type",
      "allOf",
      "anyOf",
      "oneOf",
      "not",
      "maxLength",
      "minLength",
      "pattern",
      "format",
      "multipleOf",
      "maximum",
      "exclusiveMaximum",
      "minimum",
      "exclusiveMinimum",
      "minItems",
      "maxItems",
      "uniqueItems",
      "enum",
      "maxProperties",
      "minProperties",
      "required",
      "additionalProperties"
    ];
    META_FIELDS = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata"]);
  }
});

// src/gatekeeper/go-json.ts
function goFloatJson(value) {
  return plainNumbersOnly(value, 0) ? JSON.stringify(value) : goFloatJsonByHand(value);
}
function goFloatJsonByHand(value) {
  if (typeof value === "number") return goFloatText(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goFloatJsonByHand).join(",")}]`;
  const parts = [];
  for (const [k, v] of Object.entries(value)) parts.push(`${JSON.stringify(k)}:${goFloatJsonByHand(v)}`);
  return `{${parts.join(",")}}`;
}
function plainNumbersOnly(value, depth) {
  if (typeof value === "number") {
    const abs = Math.abs(value);
    return abs >= 1e-4 && abs < 1e6 || value === 0 && !Object.is(value, -0);
  }
  if (value === null || typeof value !== "object") return true;
  if (depth > 1e3) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!plainNumbersOnly(v, depth + 1)) return false;
    return true;
  }
  for (const k of Object.keys(value)) if (!plainNumbersOnly(value[k], depth + 1)) return false;
  return true;
}
function goFloatJsonMemo(value) {
  if (value === null || typeof value !== "object") return goFloatJson(value);
  let text = objectJsonMemo.get(value);
  if (text === void 0) {
    text = goFloatJson(value);
    objectJsonMemo.set(value, text);
  }
  return text;
}
var objectJsonMemo;
var init_go_json = __esm({
  "src/gatekeeper/go-json.ts"() {
    "use strict";
    init_strconv();
    objectJsonMemo = /* @__PURE__ */ new WeakMap();
  }
});

// src/gatekeeper/inventory.ts
function buildInventory(objects) {
  const inventory = { cluster: {}, namespace: {} };
  for (const object of objects) {
    const gvk = gvkOf(object);
    if (gvk.version === "" || gvk.kind === "") continue;
    const gv = groupVersion(gvk);
    const name = nameOf(object);
    const ns = namespaceOf(object);
    if (ns === "") {
      setKey(child(child(inventory.cluster, gv), gvk.kind), name, object);
    } else {
      setKey(child(child(child(inventory.namespace, ns), gv), gvk.kind), name, object);
    }
  }
  return inventory;
}
function child(node, key) {
  if (!Object.hasOwn(node, key)) setKey(node, key, {});
  return node[key];
}
function setKey(node, key, value) {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}
function inventoryJson(inventory) {
  const level2 = (node, depth) => {
    const parts = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${depth === 0 ? goFloatJsonMemo(v) : level2(v, depth - 1)}`);
    return `{${parts.join(",")}}`;
  };
  return `{"cluster":${level2(inventory.cluster, 2)},"namespace":${level2(inventory.namespace, 3)}}`;
}
var init_inventory = __esm({
  "src/gatekeeper/inventory.ts"() {
    "use strict";
    init_classify();
    init_go_json();
  }
});

// src/gatekeeper/match.ts
function matchConstraint(match, target) {
  if (match === void 0) return { matched: true };
  const m = parseMatchMemo(match);
  for (const [obj2, what2] of [
    [target.object, "object"],
    [target.oldObject, "oldObject"]
  ]) {
    if (obj2 !== null && kindOf(obj2) === "") {
      const error = `failed to unmarshal gkReview ${what2} ${JSON.stringify(obj2)}`;
      return { error, autorejectMessage: `${AUTOREJECT}: invalid request object: ${error}` };
    }
  }
  let ns = target.namespace;
  const requestNamespace = target.requestNamespace ?? (target.object !== null ? stringAt(target.object, "namespace") : target.oldObject !== null ? stringAt(target.oldObject, "namespace") : "");
  if (ns === null && requestNamespace !== "") ns = target.namespaceLookup(requestNamespace) ?? null;
  let defined = 0;
  for (const obj2 of [target.object, target.oldObject]) {
    if (obj2 === null) continue;
    defined++;
    const r = matchObject(m, obj2, ns, target.source);
    if (typeof r !== "boolean") {
      return {
        error: r.error,
        autorejectMessage: `${AUTOREJECT}: error matching the requested object: ${stringAt(obj2, "name")} :failed to run Match criteria: ${r.error}`
      };
    }
    if (r) return { matched: true };
  }
  if (defined === 0) {
    const error = "neither object nor old object are defined";
    return { error, autorejectMessage: `${AUTOREJECT}: invalid request object: ${error}` };
  }
  return { matched: false };
}
function parseMatch(match) {
  const strings3 = (v) => Array.isArray(v) ? v.map((s2) => typeof s2 === "string" ? s2 : "") : [];
  const kinds = [];
  if (Array.isArray(match.kinds)) {
    for (const k of match.kinds) {
      if (k === null || typeof k !== "object" || Array.isArray(k)) {
        kinds.push({ apiGroups: [], kinds: [] });
        continue;
      }
      kinds.push({ apiGroups: strings3(k.apiGroups), kinds: strings3(k.kinds) });
    }
  }
  let decodeError2;
  const selector = (v) => {
    if (v === void 0 || v === null) return null;
    const d = labelSelectorFromJson(v);
    if ("error" in d) {
      decodeError2 ??= d.error;
      return null;
    }
    return d.selector;
  };
  const m = {
    kinds,
    scope: typeof match.scope === "string" ? match.scope : "",
    namespaces: strings3(match.namespaces),
    excludedNamespaces: strings3(match.excludedNamespaces),
    labelSelector: selector(match.labelSelector),
    namespaceSelector: selector(match.namespaceSelector),
    name: typeof match.name === "string" ? match.name : "",
    source: typeof match.source === "string" ? match.source : ""
  };
  if (decodeError2 !== void 0) m.decodeError = decodeError2;
  return m;
}
function parseMatchMemo(match) {
  let m = parsedMatches.get(match);
  if (m === void 0) parsedMatches.set(match, m = parseMatch(match));
  return m;
}
function matchObject(m, obj2, ns, source2) {
  if (m.decodeError !== void 0) return { error: m.decodeError };
  let r;
  if ((r = kindsMatch(m, obj2)) !== true) return r;
  if ((r = scopeMatch(m, obj2, ns)) !== true) return r;
  if ((r = namespacesMatch(m, obj2, ns)) !== true) return r;
  if ((r = excludedNamespacesMatch(m, obj2, ns)) !== true) return r;
  if ((r = labelSelectorMatch(m, obj2)) !== true) return r;
  if ((r = namespaceSelectorMatch(m, obj2, ns)) !== true) return r;
  if ((r = nameMatch(m, obj2)) !== true) return r;
  return sourceMatch(m, obj2, source2);
}
function metadata(obj2) {
  const m = obj2.metadata;
  return m !== null && typeof m === "object" && !Array.isArray(m) ? m : void 0;
}
function stringAt(obj2, key) {
  const v = metadata(obj2)?.[key];
  return typeof v === "string" ? v : "";
}
function labelsAt(obj2) {
  const l = metadata(obj2)?.labels;
  if (l === null || l === void 0 || typeof l !== "object" || Array.isArray(l)) return {};
  const out = {};
  for (const [k, v] of Object.entries(l)) {
    if (typeof v !== "string") return {};
    out[k] = v;
  }
  return out;
}
function kindOf(obj2) {
  return typeof obj2.kind === "string" ? obj2.kind : "";
}
function groupKindOf(obj2) {
  const av = typeof obj2.apiVersion === "string" ? obj2.apiVersion : "";
  if (av === "" || av === "/") return { group: "", kind: kindOf(obj2) };
  const parts = av.split("/");
  if (parts.length === 1) return { group: "", kind: kindOf(obj2) };
  if (parts.length === 2) return { group: parts[0] ?? "", kind: kindOf(obj2) };
  return { group: "", kind: "" };
}
function isNamespaceObject(obj2) {
  const gk = groupKindOf(obj2);
  return gk.kind === "Namespace" && gk.group === "";
}
function subjectNamespace(obj2, ns) {
  if (isNamespaceObject(obj2)) return stringAt(obj2, "name");
  if (ns !== null) return stringAt(ns, "name");
  const own = stringAt(obj2, "namespace");
  return own !== "" ? own : void 0;
}
function kindsMatch(m, obj2) {
  if (m.kinds.length === 0) return true;
  const { group, kind } = groupKindOf(obj2);
  return m.kinds.some(
    (k) => (k.kinds.length === 0 || k.kinds.includes("*") || k.kinds.includes(kind)) && (k.apiGroups.length === 0 || k.apiGroups.includes("*") || k.apiGroups.includes(group))
  );
}
function scopeMatch(m, obj2, ns) {
  const hasNamespace2 = stringAt(obj2, "namespace") !== "" || ns !== null;
  const isNamespace2 = isNamespaceObject(obj2);
  if (m.scope === "Cluster") return isNamespace2 || !hasNamespace2;
  if (m.scope === "Namespaced") return !isNamespace2 && hasNamespace2;
  return true;
}
function namespacesMatch(m, obj2, ns) {
  if (m.namespaces.length === 0) return true;
  const subject = subjectNamespace(obj2, ns);
  if (subject === void 0) return true;
  return m.namespaces.some((g) => matchesGlob(g, subject));
}
function excludedNamespacesMatch(m, obj2, ns) {
  if (m.excludedNamespaces.length === 0) return true;
  const subject = subjectNamespace(obj2, ns);
  if (subject === void 0) return true;
  return !m.excludedNamespaces.some((g) => matchesGlob(g, subject));
}
function labelSelectorMatch(m, obj2) {
  if (m.labelSelector === null) return true;
  return evaluateLabelSelector(m.labelSelector, labelsAt(obj2));
}
function namespaceSelectorMatch(m, obj2, ns) {
  if (m.namespaceSelector === null) return true;
  const isNamespace2 = isNamespaceObject(obj2);
  if (!isNamespace2 && ns === null && stringAt(obj2, "namespace") === "") return true;
  if (isNamespace2) return evaluateLabelSelector(m.namespaceSelector, labelsAt(obj2));
  if (ns === null) {
    const invalid = evaluateLabelSelector(m.namespaceSelector, {});
    if (typeof invalid !== "boolean") return invalid;
    return { error: "namespace selector for namespace-scoped object but missing Namespace" };
  }
  return evaluateLabelSelector(m.namespaceSelector, labelsAt(ns));
}
function nameMatch(m, obj2) {
  if (m.name === "") return true;
  return matchesGlob(m.name, stringAt(obj2, "name")) || matchesGenerateName(m.name, stringAt(obj2, "generateName"));
}
function sourceMatch(m, obj2, source2) {
  const want2 = m.source === "" ? "All" : m.source;
  if (!SOURCES.has(want2)) return { error: `invalid source field ${goQuote(want2)}` };
  if (source2 === "" && want2 !== "All") return { error: `source field not specified for resource ${stringAt(obj2, "name")}` };
  if (want2 === "All") return true;
  if (!SOURCES.has(source2)) return { error: `invalid source field ${goQuote(source2)}` };
  return want2 === source2;
}
var AUTOREJECT, parsedMatches, SOURCES;
var init_match = __esm({
  "src/gatekeeper/match.ts"() {
    "use strict";
    init_glob();
    init_strconv();
    init_selector();
    AUTOREJECT = "unable to match constraints";
    parsedMatches = /* @__PURE__ */ new WeakMap();
    SOURCES = /* @__PURE__ */ new Set(["All", "Generated", "Original"]);
  }
});

// src/gatekeeper/review.ts
function reviewPlainObject(object, options = {}) {
  const gvk = gvkOf(object);
  const request = {
    uid: "",
    kind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    resource: { ...EMPTY_GVR },
    operation: options.operation ?? "",
    userInfo: {},
    object,
    oldObject: null,
    options: null
  };
  const name = nameOf(object);
  if (name !== "") request.name = name;
  const namespace = namespaceOf(object);
  if (namespace !== "") request.namespace = namespace;
  return {
    request,
    object,
    oldObject: null,
    namespace: options.namespace ?? null,
    namespaceObject: options.namespaceObject ?? {},
    source: options.source ?? "Original",
    operation: options.operation ?? ""
  };
}
function reviewAdmission(object, options) {
  const gvk = gvkOf(object);
  const isNs = isNamespace(gvk);
  const resource = { group: gvk.group, version: gvk.version, resource: pluralise(gvk.kind) };
  const request = {
    uid: "00000000-0000-0000-0000-000000000000",
    kind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    resource,
    requestKind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    requestResource: resource,
    operation: options.operation,
    userInfo: options.userInfo ?? {},
    object: options.operation === "DELETE" ? options.oldObject ?? object : object,
    oldObject: options.operation === "CREATE" ? null : options.oldObject ?? null,
    dryRun: false,
    options: { apiVersion: "meta.k8s.io/v1", kind: `${titleCase(options.operation)}Options` }
  };
  const name = nameOf(object);
  if (name !== "") request.name = name;
  const namespace = isNs ? "" : namespaceOf(object);
  if (namespace !== "") request.namespace = namespace;
  const ns = namespace !== "" ? options.namespace ?? null : null;
  return {
    request,
    object: request.object,
    oldObject: request.oldObject,
    namespace: ns,
    namespaceObject: ns ?? {},
    source: options.source ?? "Original",
    operation: options.operation
  };
}
function reviewAdmissionRequest(admissionReview) {
  const request = admissionReview.request;
  if (!isObject(request)) return { error: "AdmissionReview has no request" };
  const object = isObject(request.object) ? request.object : null;
  const oldObject = isObject(request.oldObject) ? request.oldObject : null;
  const operation = typeof request.operation === "string" ? request.operation : "";
  if (object === null && oldObject === null) {
    return { error: "no object or oldObject found to review" };
  }
  if (operation === "DELETE" && oldObject === null) {
    return { error: "oldObject cannot be nil for DELETE operations" };
  }
  const reviewed = operation === "DELETE" ? oldObject : object;
  const normalised = {
    uid: typeof request.uid === "string" ? request.uid : "",
    kind: gvkField(request.kind, "kind"),
    resource: gvkField(request.resource, "resource"),
    operation,
    userInfo: isObject(request.userInfo) ? request.userInfo : {},
    object: reviewed,
    oldObject,
    options: request.options ?? null
  };
  for (const key of ["subResource", "requestSubResource", "name", "namespace"]) {
    const v = request[key];
    if (typeof v === "string" && v !== "") normalised[key] = v;
  }
  for (const key of ["requestKind", "requestResource"]) {
    if (isObject(request[key])) normalised[key] = gvkField(request[key], key === "requestKind" ? "kind" : "resource");
  }
  if (typeof request.dryRun === "boolean") normalised.dryRun = request.dryRun;
  return {
    request: normalised,
    object: reviewed,
    oldObject,
    namespace: null,
    namespaceObject: {},
    source: "Original",
    operation
  };
}
function gvkField(v, last) {
  const o = isObject(v) ? v : {};
  const s2 = (k) => typeof o[k] === "string" ? o[k] : "";
  return last === "kind" ? { group: s2("group"), version: s2("version"), kind: s2("kind") } : { group: s2("group"), version: s2("version"), resource: s2("resource") };
}
function titleCase(op) {
  return op.charAt(0) + op.slice(1).toLowerCase();
}
function pluralise(kind) {
  const lower = kind.toLowerCase();
  if (lower === "") return "";
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}
function reviewInputJson(review) {
  const parts = [];
  for (const [k, v] of [...Object.entries(review.request), ["namespaceObject", review.namespaceObject]]) {
    const big = k === "object" || k === "oldObject" || k === "namespaceObject";
    parts.push(`${JSON.stringify(k)}:${big ? goFloatJsonMemo(v) : goFloatJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}
var EMPTY_GVR;
var init_review = __esm({
  "src/gatekeeper/review.ts"() {
    "use strict";
    init_classify();
    init_go_json();
    EMPTY_GVR = { group: "", version: "", resource: "" };
  }
});

// src/opa/rego.ts
function lexRego(src2) {
  const tokens = [];
  const problems = [];
  let i = 0;
  let line = 1;
  const n = src2.length;
  const lexString = (quote2, template2) => {
    const startLine = line;
    while (i < n) {
      const c = src2[i];
      if (quote2 === '"' && c === "\\") {
        i += 2;
        continue;
      }
      if (c === "\n") {
        if (quote2 === '"') {
          problems.push({ line: startLine, message: "unterminated string" });
          return;
        }
        line++;
      }
      if (c === quote2) {
        i++;
        return;
      }
      if (template2 && c === "{") {
        i++;
        lexUntil("}");
        continue;
      }
      i++;
    }
    problems.push({ line: startLine, message: quote2 === '"' ? "unterminated string" : "unterminated raw string" });
  };
  const lexUntil = (close) => {
    let depth = 0;
    while (i < n) {
      const c = src2[i];
      if (c === "\n") {
        line++;
        i++;
        continue;
      }
      if (c === " " || c === "	" || c === "\r") {
        i++;
        continue;
      }
      if (c === "#") {
        while (i < n && src2[i] !== "\n") i++;
        continue;
      }
      const start = i;
      const startLine = line;
      if (c === '"' || c === "`") {
        i++;
        lexString(c, false);
        tokens.push({ kind: "string", text: src2.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (c === "$" && (src2[i + 1] === '"' || src2[i + 1] === "`")) {
        const q = src2[i + 1];
        i += 2;
        const mark = tokens.length;
        lexString(q, true);
        tokens.splice(mark, 0, { kind: "string", text: src2.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (IDENT_START.test(c)) {
        while (i < n && IDENT_PART.test(src2[i])) i++;
        tokens.push({ kind: "ident", text: src2.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (DIGIT.test(c)) {
        while (i < n && /[0-9.eE+\-xXa-fA-F_]/.test(src2[i])) {
          if (src2[i] === "." && !DIGIT.test(src2[i + 1] ?? "")) break;
          if ((src2[i] === "+" || src2[i] === "-") && !/[eE]/.test(src2[i - 1] ?? "")) break;
          i++;
        }
        tokens.push({ kind: "number", text: src2.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (close !== void 0 && depth === 0 && c === close) {
        i++;
        return;
      }
      if (c === "{" || c === "[" || c === "(") depth++;
      if (c === "}" || c === "]" || c === ")") depth--;
      const two = src2.slice(i, i + 2);
      const len = PUNCT2.has(two) ? 2 : 1;
      i += len;
      tokens.push({ kind: "punct", text: src2.slice(start, i), start, end: i, line: startLine });
    }
  };
  lexUntil(void 0);
  tokens.sort((a, b) => a.start - b.start);
  return { tokens, problems };
}
function unquote(text) {
  if (text.startsWith("`")) return text.slice(1, -1);
  if (!text.startsWith('"')) return null;
  try {
    const v = JSON.parse(text);
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}
function segmentText(seg) {
  return VAR_RE.test(seg) && !KEYWORDS.has(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
}
function readRef(src2, tokens, k) {
  const root = tokens[k];
  const segments2 = [];
  let text = root.text;
  let j = k + 1;
  let end = root.end;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.start !== end) break;
    if (t.text === "." && tokens[j + 1]?.kind === "ident" && tokens[j + 1].start === t.end) {
      const name = tokens[j + 1].text;
      segments2.push(name);
      text += `.${name}`;
      end = tokens[j + 1].end;
      j += 2;
      continue;
    }
    if (t.text === "[") {
      let depth = 0;
      let m = j;
      for (; m < tokens.length; m++) {
        const x = tokens[m].text;
        if (tokens[m].kind === "punct" && (x === "[" || x === "(" || x === "{")) depth++;
        if (tokens[m].kind === "punct" && (x === "]" || x === ")" || x === "}")) depth--;
        if (depth === 0) break;
      }
      if (m >= tokens.length) break;
      const inner = tokens.slice(j + 1, m);
      const only = inner.length === 1 ? inner[0] : void 0;
      const str2 = only?.kind === "string" ? unquote(only.text) : null;
      if (str2 !== null) {
        segments2.push(str2);
        text += segmentText(str2);
      } else {
        segments2.push(null);
        text += `[${src2.slice(t.end, tokens[m].start).trim().replace(/\s+/g, " ")}]`;
      }
      end = tokens[m].end;
      j = m + 1;
      continue;
    }
    break;
  }
  return { ref: { text, segments: segments2, root: root.text, start: root.start, end, line: root.line, rootToken: k }, next: j };
}
function analyzeRego(src2) {
  const { tokens, problems } = lexRego(src2);
  const info = { package: void 0, imports: [], ruleNames: /* @__PURE__ */ new Set(), dataRefs: [], problems };
  let depth = 0;
  let k = 0;
  const endLine = (tok) => tok.line + (tok.text.match(/\n/g)?.length ?? 0);
  const stack = [];
  const inBody = () => stack.every((b) => b === "body");
  const RELATION = /* @__PURE__ */ new Set([":=", "=", "==", "!=", "<", ">", "<=", ">="]);
  const startsStatement = (i) => {
    const prev = tokens[i - 1];
    if (prev === void 0) return true;
    if (endLine(prev) < tokens[i].line) return true;
    return prev.text === ";" || prev.text === "{" || prev.text === "}";
  };
  const endsStatement = (i, prevIndex) => {
    const next = tokens[i];
    if (next === void 0) return true;
    if (next.line > endLine(tokens[prevIndex])) return true;
    return next.text === ";" || next.text === "}" || next.text === "{" || next.text === "if" || next.text === "with";
  };
  const isTopLevelTerm = (first, next) => {
    if (!inBody()) return false;
    const prev = tokens[first - 1];
    const before = startsStatement(first) || prev !== void 0 && (RELATION.has(prev.text) || prev.text === "not" || prev.text === "as");
    if (!before) return false;
    if (tokens[next]?.text === "(" && tokens[next].start === tokens[next - 1].end) {
      if (!(startsStatement(first) || prev?.text === "not")) return false;
      let d = 0;
      let j = next;
      for (; j < tokens.length; j++) {
        if (tokens[j].text === "(") d++;
        else if (tokens[j].text === ")" && --d === 0) break;
      }
      return endsStatement(j + 1, j);
    }
    return endsStatement(next, next - 1) || RELATION.has(tokens[next].text);
  };
  while (k < tokens.length) {
    const t = tokens[k];
    const firstOnLine = k === 0 || endLine(tokens[k - 1]) < t.line;
    if (depth === 0 && firstOnLine && t.kind === "ident") {
      if (t.text === "package" && tokens[k + 1]?.kind === "ident") {
        const { ref, next } = readRef(src2, tokens, k + 1);
        if (info.package === void 0) info.package = { path: ref, line: t.line };
        k = next;
        continue;
      }
      if (t.text === "import" && tokens[k + 1]?.kind === "ident") {
        const { ref, next } = readRef(src2, tokens, k + 1);
        let alias;
        let after = next;
        if (tokens[next]?.text === "as" && tokens[next + 1]?.kind === "ident") {
          alias = tokens[next + 1].text;
          after = next + 2;
        }
        info.imports.push({ ref, alias, line: t.line });
        k = after;
        continue;
      }
      const nameTok = t.text === "default" ? tokens[k + 1] : t;
      if (nameTok !== void 0 && nameTok.kind === "ident" && !KEYWORDS.has(nameTok.text)) {
        const follower = tokens[tokens.indexOf(nameTok) + 1];
        const refHead = follower !== void 0 && follower.text === "." && follower.start === nameTok.end;
        if (!refHead) info.ruleNames.add(nameTok.text);
      }
    }
    if (t.kind === "punct") {
      if (t.text === "{" || t.text === "[" || t.text === "(") {
        depth++;
        const prev = tokens[k - 1];
        const literal = t.text !== "{" || !inBody() || prev !== void 0 && (/[=,(\[:|&+\-*/<>!]$/.test(prev.text) || prev.text === "in") && prev.kind === "punct" || prev !== void 0 && prev.text === "in" || stack.length > 0 && startsStatement(k);
        stack.push(literal ? "nested" : "body");
      } else if (t.text === "}" || t.text === "]" || t.text === ")") {
        depth--;
        stack.pop();
        if (depth < 0) {
          problems.push({ line: t.line, message: `unexpected ${t.text}` });
          depth = 0;
        }
      }
    }
    if (t.kind === "ident" && t.text === "data") {
      const prev = tokens[k - 1];
      const member = prev !== void 0 && prev.text === "." && prev.end === t.start;
      if (!member) {
        const { ref, next } = readRef(src2, tokens, k);
        info.dataRefs.push({ ...ref, topLevel: isTopLevelTerm(k, next) });
      }
    }
    k++;
  }
  if (depth !== 0) problems.push({ line: tokens[tokens.length - 1]?.line ?? 1, message: "unbalanced brackets" });
  return info;
}
function refHasPrefix(ref, root, base) {
  if (ref.root !== root || ref.segments.length < base.length) return false;
  return base.every((s2, i) => ref.segments[i] === s2);
}
function rewriteRego(src2, info, options) {
  const edits = [];
  const pkg = info.package;
  if (pkg !== void 0) {
    if (options.entryPackage !== void 0) {
      edits.push({ start: pkg.path.start, end: pkg.path.end, text: options.entryPackage });
    } else {
      edits.push({ start: pkg.path.start, end: pkg.path.start, text: `${options.libPrefix}.` });
    }
  }
  const moveLibRef = (ref) => {
    if (refHasPrefix(ref, "data", ["lib"])) {
      edits.push({ start: ref.start + "data".length, end: ref.start + "data".length, text: `.${options.libPrefix}` });
    }
  };
  for (const imp of info.imports) moveLibRef(imp.ref);
  for (const ref of info.dataRefs) if (ref.topLevel !== false) moveLibRef(ref);
  edits.sort((a, b) => b.start - a.start);
  let out = src2;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
var IDENT_START, IDENT_PART, DIGIT, PUNCT2, VAR_RE, KEYWORDS;
var init_rego = __esm({
  "src/opa/rego.ts"() {
    "use strict";
    IDENT_START = /[A-Za-z_]/;
    IDENT_PART = /[A-Za-z0-9_]/;
    DIGIT = /[0-9]/;
    PUNCT2 = /* @__PURE__ */ new Set([":=", "==", "!=", "<=", ">="]);
    VAR_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
    KEYWORDS = /* @__PURE__ */ new Set([
      "as",
      "default",
      "else",
      "false",
      "import",
      "package",
      "not",
      "null",
      "true",
      "with",
      "some",
      "in",
      "every",
      "if",
      "contains"
    ]);
  }
});

// src/gatekeeper/template.ts
function parseTemplate(sourced, options = {}) {
  const { object, source: source2 } = sourced;
  const name = nameOf(object);
  const fail = (message2) => ({
    error: {
      kind: "template",
      message: `${source2.file}:${source2.startLine}: adding template ${JSON.stringify(name)}: ${message2}`,
      source: source2
    }
  });
  try {
    return { template: readTemplate(object, source2, name, options.cel ?? true) };
  } catch (e) {
    if (e instanceof TemplateProblem) return fail(e.message);
    throw e;
  }
}
function decodeError(field3, goType3, value) {
  return new TemplateProblem(
    `converting to template: json: cannot unmarshal ${jsonKind2(value)} into Go struct field ${field3} of type ${goType3}`
  );
}
function jsonKind2(v) {
  if (v === null || v === void 0) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}
function optObject(parent, key, field3, goType3) {
  const v = parent[key];
  if (v === void 0 || v === null) return void 0;
  if (!isObject(v)) throw decodeError(field3, goType3, v);
  return v;
}
function optString(parent, key, field3) {
  const v = parent[key];
  if (v === void 0 || v === null) return "";
  if (typeof v !== "string") throw decodeError(field3, "string", v);
  return v;
}
function optStringList(parent, key, field3) {
  const v = parent[key];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) throw decodeError(field3, "[]string", v);
  return v.map((x) => {
    if (typeof x !== "string") throw decodeError(field3, "string", x);
    return x;
  });
}
function readTemplate(object, source2, name, celEnabled) {
  const gvk = gvkOf(object);
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  if (gvk.group !== TEMPLATE_GROUP || !TEMPLATE_VERSIONS.includes(gvk.version)) {
    throw new TemplateProblem(
      `converting to template: unsupported apiVersion ${JSON.stringify(apiVersion)} (want ${TEMPLATE_GROUP}/v1, v1beta1 or v1alpha1)`
    );
  }
  const spec = optObject(object, "spec", "ConstraintTemplate.spec", "v1.ConstraintTemplateSpec") ?? {};
  const crd = optObject(spec, "crd", "ConstraintTemplate.spec.crd", "v1.CRD") ?? {};
  const crdSpec = optObject(crd, "spec", "ConstraintTemplate.spec.crd.spec", "v1.CRDSpec") ?? {};
  const names = optObject(crdSpec, "names", "CRDSpec.spec.crd.spec.names", "v1.Names") ?? {};
  const kind = optString(names, "kind", "Names.spec.crd.spec.names.kind");
  const shortNames = optStringList(names, "shortNames", "Names.spec.crd.spec.names.shortNames");
  const validation = optObject(crdSpec, "validation", "CRDSpec.spec.crd.spec.validation", "v1.Validation") ?? {};
  const legacyRaw = validation.legacySchema;
  if (legacyRaw !== void 0 && legacyRaw !== null && typeof legacyRaw !== "boolean") {
    throw decodeError("Validation.spec.crd.spec.validation.legacySchema", "bool", legacyRaw);
  }
  const legacySchema = typeof legacyRaw === "boolean" ? legacyRaw : gvk.version !== "v1";
  const parametersSchema = optObject(
    validation,
    "openAPIV3Schema",
    "Validation.spec.crd.spec.validation.openAPIV3Schema",
    "v1.JSONSchemaProps"
  );
  const targetsRaw = spec.targets;
  if (targetsRaw !== void 0 && targetsRaw !== null && !Array.isArray(targetsRaw)) {
    throw decodeError("ConstraintTemplateSpec.spec.targets", "[]v1.Target", targetsRaw);
  }
  const targets = (targetsRaw ?? []).map((t, i) => {
    if (!isObject(t)) throw decodeError(`ConstraintTemplateSpec.spec.targets[${i}]`, "v1.Target", t);
    return t;
  });
  if (targets.length !== 1) throw new TemplateProblem(`${INVALID2}: must declare exactly one target`);
  const t0 = targets[0];
  const target = optString(t0, "target", "Target.spec.targets.target");
  if (target === "") throw new TemplateProblem(`${INVALID2}: target name must not be empty`);
  if (kind === "") throw new TemplateProblem(`${INVALID2}: ConstraintTemplate ${JSON.stringify(name)} does not specify CRD Kind`);
  if (name.toLowerCase() !== kind.toLowerCase()) {
    throw new TemplateProblem(
      `${INVALID2}: the ConstraintTemplate's name ${JSON.stringify(name)} is not equal to the lowercase of CRD's Kind: ${JSON.stringify(kind.toLowerCase())}`
    );
  }
  if (target !== ADMISSION_TARGET) {
    throw new TemplateProblem(
      `${INVALID2}: target ${JSON.stringify(target)} not recognized, known targets [${ADMISSION_TARGET}]`
    );
  }
  const crdErrors = [...validateNames(kind, shortNames), ...validateParametersSchema(parametersSchema, legacySchema)];
  if (crdErrors.length === 1) throw new TemplateProblem(`${INVALID2}: ${crdErrors[0]}`);
  if (crdErrors.length > 1) throw new TemplateProblem(`${INVALID2}: [${crdErrors.join(", ")}]`);
  const codeRaw = t0.code;
  if (codeRaw !== void 0 && codeRaw !== null && !Array.isArray(codeRaw)) {
    throw decodeError("Target.spec.targets.code", "[]v1.Code", codeRaw);
  }
  const code2 = (codeRaw ?? []).map((c, i) => {
    if (!isObject(c)) throw decodeError(`Target.spec.targets.code[${i}]`, "v1.Code", c);
    return { engine: optString(c, "engine", "Code.spec.targets.code.engine"), source: c.source ?? void 0 };
  });
  const legacyRego = optString(t0, "rego", "Target.spec.targets.rego");
  const legacyLibs = optStringList(t0, "libs", "Target.spec.targets.libs");
  if (legacyRego !== "") {
    const folded = { rego: legacyRego, version: "", libs: legacyLibs };
    const existing = code2.find((c) => c.engine === REGO_ENGINE);
    if (existing !== void 0) existing.source = folded;
    else code2.push({ engine: REGO_ENGINE, source: folded });
  }
  const engines = code2.map((c) => c.engine);
  const operations = optStringList(t0, "operations", "Target.spec.targets.operations");
  const hasCel = celEnabled && engines.includes(CEL_ENGINE);
  const regoEntry = code2.find((c) => c.engine === REGO_ENGINE);
  if (!hasCel && regoEntry === void 0) {
    const drivers = celEnabled ? `${CEL_ENGINE}:1 ${REGO_ENGINE}:2` : `${REGO_ENGINE}:1`;
    throw new TemplateProblem(`no language driver is installed that handles this constraint template: available drivers: map[${drivers}], wanted ""`);
  }
  const template2 = {
    apiVersion,
    name,
    kind,
    legacySchema,
    parametersSchema,
    target,
    rego: void 0,
    cel: void 0,
    engines,
    operations,
    object,
    source: source2
  };
  if (hasCel) {
    template2.cel = celSource(code2.find((c) => c.engine === CEL_ENGINE).source);
    if (regoEntry !== void 0) {
      const problem2 = regoProblem(regoEntry.source);
      if (problem2 !== void 0) template2.regoError = problem2;
    }
    return template2;
  }
  const rego = regoSource(regoEntry.source);
  const problem = validateRegoCode(rego);
  if (problem !== void 0) throw new TemplateProblem(problem);
  template2.rego = rego;
  return template2;
}
function regoProblem(source2) {
  try {
    return validateRegoCode(regoSource(source2));
  } catch (e) {
    if (e instanceof TemplateProblem) return e.message;
    throw e;
  }
}
function celSource(source2) {
  if (!isObject(source2)) throw new TemplateProblem("could not recognize the type");
  const list2 = (key) => {
    const v = source2[key];
    if (v === void 0 || v === null) return [];
    if (!Array.isArray(v)) throw new TemplateProblem(`cannot restore slice from ${goKind(v)}`);
    return v.map((x) => {
      if (x !== null && !isObject(x)) throw new TemplateProblem(`cannot restore struct from: ${goKind(x)}`);
      return x ?? {};
    });
  };
  const str2 = (o, key) => {
    const v = o[key];
    if (v === void 0 || v === null) return "";
    if (typeof v !== "string") throw new TemplateProblem("unrecognized type: string");
    return v;
  };
  const validations = list2("validations").map((v) => ({
    expression: str2(v, "expression"),
    message: str2(v, "message"),
    messageExpression: str2(v, "messageExpression")
  }));
  const fp = source2.failurePolicy;
  if (fp !== void 0 && fp !== null && typeof fp !== "string") throw new TemplateProblem("unrecognized type: string");
  const named = (o) => ({ name: str2(o, "name"), expression: str2(o, "expression") });
  const matchConditions = list2("matchCondition").map(named);
  const variables = list2("variables").map(named);
  const generateVAP = source2.generateVAP;
  if (generateVAP !== void 0 && generateVAP !== null && typeof generateVAP !== "boolean") throw new TemplateProblem("unrecognized type: bool");
  for (const m of matchConditions) {
    if (m.name.startsWith(CEL_RESERVED_PREFIX)) {
      throw new TemplateProblem(`invalid match condition: ${m.name} is not a valid match condition; cannot have ${JSON.stringify(CEL_RESERVED_PREFIX)} as a prefix`);
    }
  }
  for (const v of variables) {
    if (v.name.startsWith(CEL_RESERVED_PREFIX)) {
      throw new TemplateProblem(`invalid variable definition: ${v.name} is not a valid variable; cannot have ${JSON.stringify(CEL_RESERVED_PREFIX)} as a prefix`);
    }
    for (const reserved of ["params", "anyObject"]) {
      if (v.name === reserved) {
        throw new TemplateProblem(`invalid variable definition: ${v.name} an invalid variable name, ${JSON.stringify(reserved)} is a reserved keyword`);
      }
    }
  }
  if (typeof fp === "string" && fp !== "Fail" && fp !== "Ignore") {
    throw new TemplateProblem(`invalid failure policy: unrecognized failure policy: ${fp}`);
  }
  return { validations, variables, matchConditions, failurePolicy: typeof fp === "string" ? fp : void 0 };
}
function goKind(v) {
  if (Array.isArray(v)) return "slice";
  if (isObject(v)) return "map";
  if (typeof v === "number") return "float64";
  return typeof v;
}
function regoSource(source2) {
  if (source2 === void 0 || source2 === null) throw new TemplateProblem("rego source missing required field: source");
  if (!isObject(source2)) throw new TemplateProblem("could not recognize the type");
  const rego = source2.rego;
  if (rego === void 0) throw new TemplateProblem("rego source missing required field: rego");
  if (typeof rego !== "string") {
    throw new TemplateProblem(
      `.rego accessor error: ${goValue2(rego)} is of the type ${goType2(rego)}, expected string: while extracting Rego source`
    );
  }
  const version = source2.version;
  if (version !== void 0 && typeof version !== "string") {
    throw new TemplateProblem(
      `.version accessor error: ${goValue2(version)} is of the type ${goType2(version)}, expected string: while extracting Rego version`
    );
  }
  const libsRaw = source2.libs;
  let libs = [];
  if (libsRaw !== void 0) {
    if (!Array.isArray(libsRaw) || libsRaw.some((l) => typeof l !== "string")) {
      throw new TemplateProblem(
        `.libs accessor error: ${goValue2(libsRaw)} is of the type ${goType2(libsRaw)}, expected []interface{}: while extracting Rego libs`
      );
    }
    libs = libsRaw;
  }
  return { rego, libs, version: version === "v1" ? "v1" : "v0" };
}
function goType2(v) {
  if (v === null) return "<nil>";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}
function goValue2(v) {
  if (v === null) return "<nil>";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
function validateRegoCode(code2) {
  const entry = analyzeRego(code2.rego);
  const entryParse = parseProblem(code2.rego, entry, TEMPLATE_MODULE);
  if (entryParse !== void 0) return entryParse;
  if (entry.problems.length > 0) return void 0;
  if (!entry.ruleNames.has("violation")) {
    return `${INVALID2}: invalid rego: invalid module: missing required rules: [violation]`;
  }
  const libs = [];
  for (const [i, lib] of code2.libs.entries()) {
    const info = analyzeRego(lib);
    const libParse = parseProblem(lib, info, libModuleName(i));
    if (libParse !== void 0) return libParse;
    if (info.problems.length > 0) return void 0;
    libs.push(info);
  }
  for (const lib of libs) {
    const path23 = lib.package.path;
    const segs = path23.root === "data" ? path23.segments : [path23.root, ...path23.segments];
    const under = segs.length > 1 && segs[0] === "lib";
    if (!under) {
      const shown2 = path23.root === "data" ? path23.text : `data.${path23.text}`;
      return `${INVALID2}: invalid lib prefix: path ${shown2} not found in lib prefixes`;
    }
  }
  const modules = [
    ...libs.map((l, i) => [libModuleName(i), l]),
    [TEMPLATE_MODULE, entry]
  ];
  for (const [, m] of modules) {
    for (const imp of m.imports) {
      const ref = imp.ref;
      if (ref.root === "input") return `${INVALID2}: invalid import: cannot import input: ${JSON.stringify(ref.text)}`;
      if (refHasPrefix(ref, "data", ["lib"])) continue;
      if (ref.root === "future") continue;
      return `${INVALID2}: invalid import: bad import: ${JSON.stringify(ref.text)}`;
    }
  }
  for (const [moduleName, m] of modules) {
    const bad = m.dataRefs.filter((r) => !refHasPrefix(r, "data", ["inventory"]) && !refHasPrefix(r, "data", ["lib"]));
    if (bad.length > 0) {
      return `${INVALID2}: invalid data references: check refs failed on module {${moduleName}}: errors (${bad.length}):
` + bad.map((r) => `disallowed ref ${r.text}
`).join("");
    }
  }
  return void 0;
}
function parseProblem(src2, info, moduleName) {
  const first = lexRego(src2).tokens[0];
  if (first === void 0) return `${INVALID2}: ${moduleName}:0: rego_parse_error: empty module`;
  if (info.package === void 0) {
    return `${INVALID2}: 1 error occurred: ${moduleName}:${first.line}: rego_parse_error: package expected`;
  }
  return void 0;
}
function dns1035(value) {
  const errs = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!DNS1035_RE.test(value)) errs.push(DNS1035_MSG);
  return errs;
}
function validateNames(kind, shortNames) {
  const errs = [];
  const plural2 = kind.toLowerCase();
  const crdName = `${plural2}.${CONSTRAINTS_GROUP}`;
  if (crdName.length > 253 || !DNS1123_SUBDOMAIN_RE.test(crdName)) {
    errs.push(`metadata.name: Invalid value: ${JSON.stringify(crdName)}: ${DNS1123_MSG}`);
  }
  for (const e of dns1035(plural2)) errs.push(`spec.names.plural: Invalid value: ${JSON.stringify(plural2)}: ${e}`);
  for (const e of dns1035(plural2)) errs.push(`spec.names.singular: Invalid value: ${JSON.stringify(plural2)}: ${e}`);
  for (const [i, s2] of shortNames.entries()) {
    for (const e of dns1035(s2)) errs.push(`spec.names.shortNames[${i}]: Invalid value: ${JSON.stringify(s2)}: ${e}`);
  }
  for (const e of dns1035(kind.toLowerCase())) {
    errs.push(`spec.names.kind: Invalid value: ${JSON.stringify(kind)}: may have mixed case, but should otherwise match: ${e}`);
  }
  const listKind = `${kind}List`;
  for (const e of dns1035(listKind.toLowerCase())) {
    errs.push(
      `spec.names.listKind: Invalid value: ${JSON.stringify(listKind)}: may have mixed case, but should otherwise match: ${e}`
    );
  }
  return errs;
}
function validateParametersSchema(schema, legacySchema) {
  if (schema === void 0) return [];
  const openapi = [];
  const structural = [];
  walkSchema(schema, SCHEMA_ROOT, legacySchema, openapi, structural);
  return openapi.length > 0 ? openapi : structural;
}
function walkSchema(node, path23, legacy, openapi, structural) {
  const type = typeof node.type === "string" ? node.type : "";
  if (node.$ref !== void 0) openapi.push(`${path23}.$ref: Forbidden: $ref is not supported`);
  if (type !== "" && !SCHEMA_TYPES.includes(type)) {
    openapi.push(
      `${path23}.type: Unsupported value: ${JSON.stringify(type)}: supported values: ${SCHEMA_TYPES.map((t) => JSON.stringify(t)).join(", ")}`
    );
  }
  const props = isObject(node.properties) ? node.properties : void 0;
  const addl = node.additionalProperties;
  if (props !== void 0 && Object.keys(props).length > 0 && (isObject(addl) || addl === false)) {
    openapi.push(`${path23}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`);
  }
  const items = node.items;
  if (type === "array" && (items === void 0 || items === null) && !legacy) {
    openapi.push(`${path23}.items: Required value: must be specified`);
  }
  if (node.default !== void 0 && SCHEMA_TYPES.includes(type)) {
    const actual = schemaTypeOf(node.default);
    const ok = actual === type || type === "number" && actual === "integer";
    if (!ok) openapi.push(`${path23}.default: Invalid value: ${JSON.stringify(actual)}:  in body must be of type ${type}: ${JSON.stringify(actual)}`);
  }
  if (props !== void 0) {
    for (const [k, v] of Object.entries(props)) {
      if (isObject(v)) walkSchema(v, `${path23}.properties[${k}]`, legacy, openapi, structural);
    }
  }
  if (isObject(items)) walkSchema(items, `${path23}.items`, legacy, openapi, structural);
  if (isObject(addl)) walkSchema(addl, `${path23}.additionalProperties`, legacy, openapi, structural);
  const preserve = node["x-kubernetes-preserve-unknown-fields"] === true || node["x-kubernetes-int-or-string"] === true;
  if (!legacy && type === "" && !preserve) {
    structural.push(`${path23}.type: Required value: must not be empty for specified object fields`);
  }
}
function schemaTypeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
var TEMPLATE_GROUP, TEMPLATE_VERSIONS, ADMISSION_TARGET, REGO_ENGINE, CEL_ENGINE, CONSTRAINTS_GROUP, INVALID2, TemplateProblem, CEL_RESERVED_PREFIX, TEMPLATE_MODULE, libModuleName, DNS1035_RE, DNS1123_SUBDOMAIN_RE, DNS1035_MSG, DNS1123_MSG, SCHEMA_ROOT, SCHEMA_TYPES;
var init_template = __esm({
  "src/gatekeeper/template.ts"() {
    "use strict";
    init_rego();
    init_classify();
    TEMPLATE_GROUP = "templates.gatekeeper.sh";
    TEMPLATE_VERSIONS = ["v1", "v1beta1", "v1alpha1"];
    ADMISSION_TARGET = "admission.k8s.gatekeeper.sh";
    REGO_ENGINE = "Rego";
    CEL_ENGINE = "K8sNativeValidation";
    CONSTRAINTS_GROUP = "constraints.gatekeeper.sh";
    INVALID2 = "invalid ConstraintTemplate";
    TemplateProblem = class extends Error {
    };
    CEL_RESERVED_PREFIX = "gatekeeper_internal_";
    TEMPLATE_MODULE = "template";
    libModuleName = (i) => `libs["lib_${i}"]`;
    DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
    DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    DNS1123_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    SCHEMA_ROOT = "spec.validation.openAPIV3Schema.properties[spec].properties[parameters]";
    SCHEMA_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
  }
});

// src/opa/capabilities.ts
import { createHash as createHash2 } from "node:crypto";
function isDeniedBuiltin(name) {
  return DENIED_BUILTINS.has(name) || UNIMPLEMENTED_BUILTINS.has(name) || DENIED_PREFIXES.some((p) => name.startsWith(p));
}
function denialReason(name) {
  if (UNIMPLEMENTED_BUILTINS.has(name)) return "preadmit does not implement it yet";
  return DENIED_BUILTINS.get(name) ?? "it reaches the network or the host";
}
function capabilitiesArgs(version) {
  return version === "v0" ? ["capabilities", "--current", "--v0-compatible"] : ["capabilities", "--current"];
}
function isObject3(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function restrictCapabilities(currentText) {
  const parsed2 = JSON.parse(currentText);
  if (!isObject3(parsed2) || !Array.isArray(parsed2.builtins)) {
    throw new Error("opa capabilities --current did not print a capabilities document");
  }
  const doc = parsed2;
  const builtins = doc.builtins;
  const removed = [];
  const kept = builtins.filter((b) => {
    const name = isObject3(b) && typeof b.name === "string" ? b.name : "";
    if (isDeniedBuiltin(name)) {
      removed.push(name);
      return false;
    }
    return true;
  });
  const json = JSON.stringify({ ...doc, builtins: kept });
  return { json, hash: createHash2("sha256").update(json).digest("hex"), removed };
}
var DENIED_BUILTINS, UNIMPLEMENTED_BUILTINS, DENIED_PREFIXES;
var init_capabilities = __esm({
  "src/opa/capabilities.ts"() {
    "use strict";
    DENIED_BUILTINS = /* @__PURE__ */ new Map([
      ["http.send", "it makes network requests"],
      ["net.lookup_ip_addr", "it makes DNS queries"],
      ["opa.runtime", "it exposes the host environment and configuration"],
      ["rego.parse_module", "it is runtime introspection"],
      ["trace", "it is runtime introspection"]
    ]);
    UNIMPLEMENTED_BUILTINS = /* @__PURE__ */ new Set([
      "array.flatten",
      "crypto.parse_private_keys",
      "crypto.x509.parse_and_verify_certificates",
      "crypto.x509.parse_and_verify_certificates_with_options",
      "crypto.x509.parse_certificate_request",
      "crypto.x509.parse_certificates",
      "crypto.x509.parse_keypair",
      "crypto.x509.parse_rsa_private_key",
      "graph.reachable_paths",
      "graphql.is_valid",
      "graphql.parse",
      "graphql.parse_and_verify",
      "graphql.parse_query",
      "graphql.parse_schema",
      "graphql.schema_is_valid",
      "io.jwt.decode",
      "io.jwt.decode_verify",
      "io.jwt.encode_sign",
      "io.jwt.encode_sign_raw",
      "io.jwt.verify_eddsa",
      "io.jwt.verify_es256",
      "io.jwt.verify_es384",
      "io.jwt.verify_es512",
      "io.jwt.verify_hs256",
      "io.jwt.verify_hs384",
      "io.jwt.verify_hs512",
      "io.jwt.verify_ps256",
      "io.jwt.verify_ps384",
      "io.jwt.verify_ps512",
      "io.jwt.verify_rs256",
      "io.jwt.verify_rs384",
      "io.jwt.verify_rs512",
      "json.marshal_with_options",
      "json.match_schema",
      "json.verify_schema",
      "providers.aws.sign_req",
      "rand.intn",
      "rego.metadata.chain",
      "rego.metadata.rule",
      "strings.split_n",
      "uri.is_valid",
      "uri.parse",
      "uuid.rfc4122"
    ]);
    DENIED_PREFIXES = ["http.", "net.lookup_"];
  }
});

// src/opa/tools.ts
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path2, { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot(start) {
  for (let dir = start; ; dir = path2.dirname(dir)) {
    if (existsSync(path2.join(dir, "package.json"))) return `${dir}${path2.sep}`;
    if (path2.dirname(dir) === dir) return `${start}${path2.sep}`;
  }
}
function toolEnvVar(name) {
  return `PREADMIT_${name.toUpperCase()}`;
}
function isExecutableFile(path23) {
  try {
    if (!statSync(path23).isFile()) return false;
    accessSync(path23, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function findTool(name, env = process.env) {
  const envVar = toolEnvVar(name);
  const fromEnv = env[envVar];
  if (fromEnv !== void 0 && fromEnv !== "") {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(
      `${envVar}=${fromEnv} is not an executable file; point it at a ${name} binary, or unset it and run \`npm run tools\``
    );
  }
  const pinned = join(REPO_ROOT, ".tools", "bin", name);
  if (isExecutableFile(pinned)) return pinned;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new Error(
    `${name} not found: run \`npm run tools\` to install ${name} v${PINNED_TOOL_VERSIONS[name]} into .tools/bin, or set ${envVar}=/path/to/${name}`
  );
}
function scrubbedEnv(extra = {}) {
  return { PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C", ...extra };
}
function runTool(file, args, options = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve2) => {
    let settled = false;
    let timedOut = false;
    let truncated = false;
    const out = [];
    const err = [];
    const sizes = { out: 0, err: 0 };
    const finish2 = (result2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve2(result2);
    };
    let child4;
    try {
      child4 = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? scrubbedEnv(),
        shell: false,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true
      });
    } catch (e) {
      resolve2({ exitCode: null, stdout: "", stderr: "", timedOut: false, truncated: false, spawnError: String(e) });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child4.kill("SIGKILL");
    }, timeoutMs);
    const collect2 = (chunks, key) => (chunk) => {
      const room = cap - sizes[key];
      if (room <= 0) {
        truncated = true;
        return;
      }
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part.length < chunk.length) truncated = true;
      chunks.push(part);
      sizes[key] += part.length;
    };
    child4.stdout?.on("data", collect2(out, "out"));
    child4.stderr?.on("data", collect2(err, "err"));
    const result = (exitCode) => ({
      exitCode,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
      timedOut,
      truncated
    });
    child4.on("error", (e) => finish2({ ...result(null), spawnError: e.message }));
    child4.on("close", (code2) => finish2(result(code2)));
  });
}
var PINNED_TOOL_VERSIONS, REPO_ROOT, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_OUTPUT;
var init_tools = __esm({
  "src/opa/tools.ts"() {
    "use strict";
    PINNED_TOOL_VERSIONS = {
      opa: "1.22.3",
      gator: "3.23.0",
      kustomize: "5.8.1",
      helm: "3.21.4"
    };
    REPO_ROOT = packageRoot(path2.dirname(fileURLToPath(import.meta.url)));
    DEFAULT_TIMEOUT_MS = 12e4;
    DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
  }
});

// src/util/cache-stats.ts
function countCacheLookup(cache3, hit) {
  counts[cache3][hit ? "hits" : "misses"]++;
}
var counts;
var init_cache_stats = __esm({
  "src/util/cache-stats.ts"() {
    "use strict";
    counts = {
      compile: { hits: 0, misses: 0 },
      render: { hits: 0, misses: 0 }
    };
  }
});

// src/util/files.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join as join2 } from "node:path";
function defaultCacheDir(env = process.env) {
  if (env.PREADMIT_CACHE_DIR) return env.PREADMIT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join2(env.XDG_CACHE_HOME, "preadmit");
  return join2(homedir(), ".cache", "preadmit");
}
async function atomicWrite(path23, data) {
  await mkdir(dirname(path23), { recursive: true });
  const tmp = `${path23}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path23);
}
var init_files = __esm({
  "src/util/files.ts"() {
    "use strict";
  }
});

// src/util/tar.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path3 from "node:path";
import { gunzipSync } from "node:zlib";
function safeArchivePath(name) {
  if (name === "" || name.includes("\0") || name.includes("\\") || name.startsWith("/") || /^[A-Za-z]:/.test(name)) return void 0;
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.some((p) => p === "..")) return void 0;
  return parts.join("/");
}
function gunzipArchive(archive, maxBytes) {
  try {
    return gunzipSync(archive, { maxOutputLength: maxBytes + 64 * BLOCK });
  } catch (e) {
    const tooBig = e instanceof RangeError || e.code === "ERR_BUFFER_TOO_LARGE";
    throw new TarError(tooBig ? `unpacks to more than ${maxBytes} bytes` : `not a gzip archive (${e instanceof Error ? e.message : String(e)})`);
  }
}
function readTar(tar, limits2 = {}) {
  const maxBytes = limits2.maxBytes ?? Infinity;
  const maxEntries = limits2.maxEntries ?? Infinity;
  const out = [];
  let pos = 0;
  let total = 0;
  let longName;
  let longLink;
  let pax = /* @__PURE__ */ new Map();
  while (pos + BLOCK <= tar.length) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!validChecksum(header)) throw new TarError(`corrupt tar header at byte ${pos}`);
    const size = sizeOf(header);
    if (size === void 0) throw new TarError(`unreadable entry size at byte ${pos}`);
    const typeFlag = String.fromCharCode(header[156] ?? 0);
    const dataStart = pos + BLOCK;
    if (dataStart + size > tar.length) throw new TarError(`truncated tar entry at byte ${pos}`);
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeFlag === "L") {
      longName = cString(data);
      continue;
    }
    if (typeFlag === "K") {
      longLink = cString(data);
      continue;
    }
    if (typeFlag === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (typeFlag === "g") continue;
    if (out.length + 1 > maxEntries) throw new TarError(`more than ${maxEntries} entries`);
    const magic = header.subarray(257, 262).toString("latin1");
    const prefix2 = magic === "ustar" ? cString(header.subarray(345, 500)) : "";
    const stored = cString(header.subarray(0, 100));
    const name = pax.get("path") ?? longName ?? (prefix2 !== "" ? `${prefix2}/${stored}` : stored);
    const link = pax.get("linkpath") ?? longLink ?? cString(header.subarray(157, 257));
    longName = void 0;
    longLink = void 0;
    pax = /* @__PURE__ */ new Map();
    const type = typeOf(typeFlag);
    if (type === "file") {
      total += size;
      if (total > maxBytes) throw new TarError(`unpacks to more than ${maxBytes} bytes`);
    }
    out.push({
      name,
      path: safeArchivePath(name),
      type,
      typeFlag,
      mode: octal(header.subarray(100, 108)) ?? 0,
      bytes: type === "file" ? Buffer.from(data) : Buffer.alloc(0),
      ...type === "symlink" || type === "hardlink" ? { linkTarget: link } : {}
    });
  }
  return out;
}
function readTarGz(archive, limits2 = {}) {
  const gzipped = archive[0] === 31 && archive[1] === 139;
  const tar = gzipped ? gunzipArchive(archive, limits2.maxBytes ?? 1024 * 1024 * 1024) : Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  return readTar(tar, limits2);
}
function typeOf(flag) {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    default:
      return "other";
  }
}
function validChecksum(header) {
  const stored = octal(header.subarray(148, 156));
  let sum2 = 0;
  for (let i = 0; i < BLOCK; i++) sum2 += i >= 148 && i < 156 ? 32 : header[i] ?? 0;
  return sum2 === stored;
}
function sizeOf(header) {
  const field3 = header.subarray(124, 136);
  if (((field3[0] ?? 0) & 128) !== 0) {
    let n = (field3[0] ?? 0) & 127;
    for (let i = 1; i < field3.length; i++) n = n * 256 + (field3[i] ?? 0);
    return Number.isSafeInteger(n) ? n : void 0;
  }
  return octal(field3);
}
function octal(field3) {
  const text = cString(field3).trim();
  if (!/^[0-7]*$/.test(text)) return void 0;
  return text === "" ? 0 : parseInt(text, 8);
}
function cString(b) {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString("utf8");
}
function paxRecords(data) {
  const out = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const len = Number(data.subarray(pos, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length) break;
    const record2 = data.subarray(space + 1, pos + len - 1).toString("utf8");
    const eq = record2.indexOf("=");
    if (eq > 0) out.set(record2.slice(0, eq), record2.slice(eq + 1));
    pos += len;
  }
  return out;
}
async function extractTarGz(archive, dest, limits2) {
  let entries;
  try {
    entries = readTar(gunzipArchive(archive, limits2.maxBytes), limits2);
  } catch (e) {
    if (e instanceof TarError) return { reason: e.message };
    throw e;
  }
  const list2 = [];
  for (const e of entries) {
    const shown2 = JSON.stringify(e.name.length > 200 ? `${e.name.slice(0, 200)}\u2026` : e.name);
    if (e.path === void 0) return { reason: `entry ${shown2} leaves the chart (absolute path or '..')` };
    if (e.type === "symlink" || e.type === "hardlink") return { reason: `entry ${shown2} is a ${e.type === "hardlink" ? "hard" : "symbolic"} link: charts are unpacked without links` };
    if (e.type === "other") return { reason: `entry ${shown2} is not a regular file or directory (type '${e.typeFlag}')` };
    list2.push({ path: e.path, dir: e.type === "dir", bytes: e.bytes });
  }
  const files = new Set(list2.filter((e) => !e.dir).map((e) => e.path));
  for (const e of list2) {
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      if (files.has(parts.slice(0, i).join("/"))) return { reason: `entry ${JSON.stringify(e.path)} lies below the file ${JSON.stringify(parts.slice(0, i).join("/"))}` };
    }
  }
  await mkdir2(dest, { recursive: true });
  const written = [];
  for (const e of list2) {
    const target = path3.join(dest, ...e.path.split("/"));
    if (e.dir) {
      await mkdir2(target, { recursive: true, mode: 493 });
      continue;
    }
    await mkdir2(path3.dirname(target), { recursive: true, mode: 493 });
    try {
      await writeFile2(target, e.bytes, { mode: 420 });
    } catch (err) {
      return { reason: `${e.path}: cannot be written (${err instanceof Error ? err.message : String(err)})` };
    }
    written.push(e.path);
  }
  return { files: written };
}
var BLOCK, TarError;
var init_tar = __esm({
  "src/util/tar.ts"() {
    "use strict";
    BLOCK = 512;
    TarError = class extends Error {
      name = "TarError";
    };
  }
});

// src/opa/sorted-module.ts
function leb(n) {
  const out = [];
  do {
    let b = n & 127;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 128;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sections(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 97 || bytes[2] !== 115 || bytes[3] !== 109) {
    throw new ModulePatchError("not a wasm module");
  }
  const out = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const header = r.pos;
    const id2 = r.byte();
    const size = r.u32();
    const start = r.pos;
    if (start + size > bytes.length) throw new ModulePatchError("wasm section runs past the end of the module");
    out.push({ id: id2, header, start, end: start + size });
    r.pos = start + size;
  }
  return out;
}
function functionIndex(bytes, all, wanted) {
  for (const s2 of all) {
    if (s2.id !== 0) continue;
    const r = new Reader(bytes, s2.start);
    if (r.name() !== "name") continue;
    while (r.pos < s2.end) {
      const sub = r.byte();
      const size = r.u32();
      const next = r.pos + size;
      if (sub === 1) {
        const count = r.u32();
        for (let i = 0; i < count; i++) {
          const index = r.u32();
          if (r.name() === wanted) return index;
        }
      }
      r.pos = next;
    }
  }
  return void 0;
}
function importedFunctions(bytes, all) {
  const byName = /* @__PURE__ */ new Map();
  const imports = all.find((s2) => s2.id === 2);
  if (!imports) return { count: 0, byName };
  const r = new Reader(bytes, imports.start);
  let functions = 0;
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const name = r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.u32();
      if (module === "env") byName.set(name, functions);
      functions++;
    } else if (kind === 1) {
      r.byte();
      limits(r);
    } else if (kind === 2) {
      limits(r);
    } else if (kind === 3) {
      r.byte();
      r.byte();
    } else {
      throw new ModulePatchError(`unknown import kind ${kind}`);
    }
  }
  return { count: functions, byName };
}
function limits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}
function functionType(bytes, all, defined) {
  const funcs = all.find((s2) => s2.id === 3);
  const types = all.find((s2) => s2.id === 1);
  if (!funcs || !types) throw new ModulePatchError("wasm module has no function or type section");
  const fr = new Reader(bytes, funcs.start);
  const count = fr.u32();
  if (defined >= count) throw new ModulePatchError("function index out of range");
  let typeIndex = 0;
  for (let i = 0; i <= defined; i++) typeIndex = fr.u32();
  const tr = new Reader(bytes, types.start);
  const typeCount = tr.u32();
  for (let i = 0; i < typeCount; i++) {
    if (tr.byte() !== 96) throw new ModulePatchError("unexpected type form");
    const params = Array.from({ length: tr.u32() }, () => tr.byte());
    const results = Array.from({ length: tr.u32() }, () => tr.byte());
    if (i === typeIndex) return { params, results };
  }
  throw new ModulePatchError("type index out of range");
}
function sleb32(n) {
  const out = [];
  for (; ; ) {
    const b = n & 127;
    n >>= 7;
    if (n === 0 && (b & 64) === 0 || n === -1 && (b & 64) !== 0) {
      out.push(b);
      return out;
    }
    out.push(b | 128);
  }
}
function checkSignature(bytes, all, defined, fn, arity) {
  const type = functionType(bytes, all, defined);
  if (type.params.length !== arity || type.params.some((p) => p !== I32) || type.results.length !== 1 || type.results[0] !== I32) {
    throw new ModulePatchError(`${fn} does not have the signature (${Array(arity).fill("i32").join(", ")}) -> i32`);
  }
}
function sortedIterationModule(wasm) {
  const all = sections(wasm);
  const imports = importedFunctions(wasm, all);
  const bodies = /* @__PURE__ */ new Map();
  const index = functionIndex(wasm, all, HASH_FUNCTION);
  if (index === void 0) throw new ModulePatchError(`wasm module has no ${HASH_FUNCTION} in its name section`);
  const defined = index - imports.count;
  if (defined < 0) throw new ModulePatchError(`${HASH_FUNCTION} is an imported function`);
  checkSignature(wasm, all, defined, HASH_FUNCTION, 1);
  bodies.set(defined, [0, 65, 0, 11]);
  ROUTED_BUILTINS.forEach((b, i) => {
    const at2 = functionIndex(wasm, all, b.fn);
    if (at2 === void 0 || at2 < imports.count) return;
    checkSignature(wasm, all, at2 - imports.count, b.fn, b.arity);
    const host = imports.byName.get(`opa_builtin${b.arity}`);
    if (host === void 0) throw new ModulePatchError(`wasm module does not import opa_builtin${b.arity}`);
    const body = [0, 65, ...sleb32(ROUTED_BUILTIN_ID_BASE + i), 65, 0];
    for (let a = 0; a < b.arity; a++) body.push(32, a);
    body.push(16, ...leb(host), 11);
    bodies.set(at2 - imports.count, body);
  });
  return replaceBodies(wasm, all, bodies);
}
function replaceBodies(wasm, all, bodies) {
  const code2 = all.find((s2) => s2.id === 10);
  if (!code2) throw new ModulePatchError("wasm module has no code section");
  const r = new Reader(wasm, code2.start);
  const count = r.u32();
  const chunks = [wasm.subarray(code2.start, r.pos)];
  let copied = 0;
  for (let i = 0; i < count; i++) {
    const sizeStart = r.pos;
    const size = r.u32();
    const end = r.pos + size;
    const body = bodies.get(i);
    if (body) {
      chunks.push(new Uint8Array([...leb(body.length), ...body]));
      copied++;
    } else {
      chunks.push(wasm.subarray(sizeStart, end));
    }
    r.pos = end;
  }
  if (copied !== bodies.size) throw new ModulePatchError("function body index out of range");
  const contentLength = chunks.reduce((n, c) => n + c.length, 0);
  const header = [10, ...leb(contentLength)];
  const out = new Uint8Array(code2.header + header.length + contentLength + (wasm.length - code2.end));
  let p = 0;
  const put = (chunk) => {
    out.set(chunk, p);
    p += chunk.length;
  };
  put(wasm.subarray(0, code2.header));
  put(header);
  for (const c of chunks) put(c);
  put(wasm.subarray(code2.end));
  return out;
}
var ModulePatchError, HASH_FUNCTION, Reader, I32, ROUTED_BUILTINS, ROUTED_BUILTIN_ID_BASE;
var init_sorted_module = __esm({
  "src/opa/sorted-module.ts"() {
    "use strict";
    ModulePatchError = class extends Error {
    };
    HASH_FUNCTION = "opa_value_hash";
    Reader = class {
      constructor(bytes, pos) {
        this.bytes = bytes;
        this.pos = pos;
      }
      bytes;
      pos;
      u32() {
        let result = 0;
        let shift = 0;
        for (; ; ) {
          if (this.pos >= this.bytes.length) throw new ModulePatchError("truncated LEB128 in wasm module");
          const b = this.bytes[this.pos++];
          result += (b & 127) * 2 ** shift;
          if ((b & 128) === 0) return result;
          shift += 7;
          if (shift > 35) throw new ModulePatchError("LEB128 too long in wasm module");
        }
      }
      byte() {
        if (this.pos >= this.bytes.length) throw new ModulePatchError("truncated wasm module");
        return this.bytes[this.pos++];
      }
      name() {
        const len = this.u32();
        const s2 = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
        this.pos += len;
        return s2;
      }
    };
    I32 = 127;
    ROUTED_BUILTINS = [
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
    ROUTED_BUILTIN_ID_BASE = 1073741824;
  }
});

// src/opa/compile.ts
import { createHash as createHash3 } from "node:crypto";
import { mkdir as mkdir3, mkdtemp, readFile as readFile2, rm, stat as stat2, realpath, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
import { LRUCache } from "lru-cache";
function packageIdOf(code2) {
  return `t${sha256(JSON.stringify([code2.version, code2.rego, code2.libs])).slice(0, 16)}`;
}
function entrypointOf(packageId) {
  return `${PACKAGE_ROOT}/${packageId}/hook/violation`;
}
function packageIdOfEntrypoint(entrypoint) {
  return entrypoint.split("/")[1] ?? "";
}
function dispatchModule(packageIds, version) {
  const rules = packageIds.map((pid) => {
    const head = version === "v1" ? `violation contains {"t": "${pid}", "r": r} if` : `violation[{"t": "${pid}", "r": r}]`;
    return `${head} {
  cs := input.kinds["${pid}"]
  data.${PACKAGE_ROOT}.${pid}.hook.violation[r] with input as {"review": input.review, "constraints": cs}
}`;
  });
  return `package ${PACKAGE_ROOT}.dispatch

${rules.join("\n\n")}
`;
}
function hookModule(packageId, version) {
  const pkg = `${PACKAGE_ROOT}.${packageId}`;
  const body = `{
  c := input.constraints[_]
  inp := {"review": input.review, "parameters": c.parameters}
  data.${pkg}.template.violation[r] with input as inp
  response := {"key": c.key, "details": object.get(r, "details", {}), "msg": r.msg}
}`;
  return version === "v1" ? `package ${pkg}.hook

violation contains response if ${body}
` : `package ${pkg}.hook

violation[response] ${body}
`;
}
function rewriteTemplateCode(packageId, code2) {
  const libPrefix = `${PACKAGE_ROOT}.${packageId}.libs`;
  const files = [
    {
      path: `${packageId}/template.rego`,
      text: rewriteRego(code2.rego, analyzeRego(code2.rego), {
        entryPackage: `${PACKAGE_ROOT}.${packageId}.template`,
        libPrefix
      })
    }
  ];
  code2.libs.forEach((lib, i) => {
    files.push({ path: `${packageId}/lib_${i}.rego`, text: rewriteRego(lib, analyzeRego(lib), { libPrefix }) });
  });
  files.push({ path: `${packageId}/hook.rego`, text: hookModule(packageId, code2.version) });
  return files;
}
async function readJson(path23) {
  try {
    return JSON.parse(await readFile2(path23, "utf8"));
  } catch {
    return void 0;
  }
}
function asCacheEntry(v) {
  if (v === null || typeof v !== "object") return void 0;
  const o = v;
  if (typeof o.moduleId === "string" && /^[0-9a-f]{64}$/.test(o.moduleId) && typeof o.entrypoint === "string") {
    return { moduleId: o.moduleId, entrypoint: o.entrypoint };
  }
  if (typeof o.error === "string") {
    const loc = o.location;
    const location2 = loc && typeof loc.module === "string" && typeof loc.line === "number" ? { module: loc.module, line: loc.line } : void 0;
    return location2 ? { error: o.error, location: location2 } : { error: o.error };
  }
  return void 0;
}
function attributeOpaErrors(stderr) {
  const errors = [];
  let current2;
  for (const rawLine of stderr.split("\n")) {
    FILE_RE.lastIndex = 0;
    const m = FILE_RE.exec(rawLine);
    if (m) {
      const module = m[2] === "template" ? "template" : `libs["lib_${m[3]}"]`;
      current2 = {
        packageId: m[1],
        module,
        line: Number(m[4]),
        text: `${module}:${m[4]}:${rawLine.slice(m.index + m[0].length)}`
      };
      errors.push(current2);
    } else if (current2 !== void 0 && rawLine.startsWith("	")) {
      current2.text += `
${rawLine}`;
    } else {
      current2 = void 0;
    }
  }
  return errors;
}
function unrewrite(text, packageId) {
  return text.split(`${PACKAGE_ROOT}.${packageId}.template`).join("template").split(`${PACKAGE_ROOT}.${packageId}.libs.`).join("libs.").split(`${PACKAGE_ROOT}/${packageId}/template`).join("template").split(`${PACKAGE_ROOT}/${packageId}/libs/`).join("libs/");
}
function formatErrors(errors, packageId) {
  const texts = errors.map((e) => unrewrite(e.text, packageId));
  const parse4 = errors.some((e) => e.text.includes("rego_parse_error"));
  const head = parse4 ? "invalid ConstraintTemplate" : "unable to compile modules";
  return texts.length === 1 ? `${head}: 1 error occurred: ${texts[0]}` : `${head}: ${texts.length} errors occurred:
${texts.join("\n")}`;
}
function deniedBuiltinNote(key, message2) {
  const m = /undefined function ([A-Za-z0-9_.]+)/.exec(message2);
  if (!m || !isDeniedBuiltin(m[1])) return message2;
  const name = m[1];
  return `template ${JSON.stringify(key)} calls builtin ${name}, which preadmit does not allow (${denialReason(name)}): ${message2}`;
}
function createCompiler(options = {}) {
  return new OpaCompiler(options);
}
var CACHE_FORMAT, PACKAGE_ROOT, sha256, DISPATCH_ENTRYPOINT, FILE_RE, BASE_TIMEOUT_MS, MAX_REMEMBERED_ENTRIES, MAX_REMEMBERED_MODULE_BYTES, PER_TEMPLATE_TIMEOUT_MS, OpaCompiler;
var init_compile = __esm({
  "src/opa/compile.ts"() {
    "use strict";
    init_capabilities();
    init_rego();
    init_tools();
    init_cache_stats();
    init_files();
    init_tar();
    init_sorted_module();
    CACHE_FORMAT = `preadmit-compile-6:${ROUTED_BUILTINS.map((b) => b.name).join(",")}`;
    PACKAGE_ROOT = "preadmit";
    sha256 = (data) => createHash3("sha256").update(data).digest("hex");
    DISPATCH_ENTRYPOINT = `${PACKAGE_ROOT}/dispatch/violation`;
    FILE_RE = /(t[0-9a-f]{16})\/(template|lib_(\d+))\.rego:(\d+):/g;
    BASE_TIMEOUT_MS = 6e4;
    MAX_REMEMBERED_ENTRIES = 2e4;
    MAX_REMEMBERED_MODULE_BYTES = 256 * 1024 * 1024;
    PER_TEMPLATE_TIMEOUT_MS = 2e3;
    OpaCompiler = class {
      constructor(options) {
        this.options = options;
        this.cacheDir = options.cacheDir ?? defaultCacheDir();
      }
      options;
      cacheDir;
      toolchainPromise;
      /** opa processes started by this compiler, for tests and benchmarks. */
      processCount = 0;
      async compile(requests) {
        const results = /* @__PURE__ */ new Map();
        if (requests.length === 0) return results;
        const toolchain = await this.toolchain();
        const misses = /* @__PURE__ */ new Map();
        for (const req of requests) {
          const packageId = packageIdOf(req.code);
          const cacheKey = sha256(
            JSON.stringify([CACHE_FORMAT, toolchain.opaVersion, toolchain.capsHash[req.code.version], req.code])
          );
          const hit = await this.lookup(cacheKey);
          countCacheLookup("compile", hit !== void 0);
          if (hit !== void 0) {
            results.set(req.key, this.outcome(req.key, hit.entry, hit.module));
            continue;
          }
          const miss = misses.get(cacheKey) ?? { unit: { packageId, code: req.code, cacheKey }, keys: [] };
          miss.keys.push(req.key);
          misses.set(cacheKey, miss);
        }
        if (misses.size === 0) return results;
        if (toolchain.opaPath === void 0) {
          for (const { keys } of misses.values()) {
            for (const key of keys) results.set(key, { key, error: `cannot compile Rego: ${toolchain.missingReason}` });
          }
          return results;
        }
        for (const version of ["v0", "v1"]) {
          const units = [...misses.values()].filter((m) => m.unit.code.version === version);
          if (units.length === 0) continue;
          const built = await this.buildUnits(toolchain, version, units.map((u) => u.unit));
          for (const { unit, keys } of units) {
            const r = built.get(unit.packageId);
            let entry;
            let module;
            if (r.ok) {
              entry = { moduleId: r.moduleId, entrypoint: entrypointOf(unit.packageId) };
              module = { id: r.moduleId, wasm: r.wasm };
              this.modules.set(r.moduleId, module);
            } else {
              entry = r.location ? { error: r.error, location: r.location } : { error: r.error };
            }
            if (r.ok || r.cacheable) await this.store(unit.cacheKey, entry, module);
            for (const key of keys) results.set(key, this.outcome(key, entry, module));
          }
        }
        return results;
      }
      outcome(key, entry, module) {
        if ("moduleId" in entry) {
          if (module === void 0) throw new Error(`compiled module ${entry.moduleId} is missing`);
          return { key, module, entrypoint: entry.entrypoint };
        }
        const error = deniedBuiltinNote(key, entry.error);
        return entry.location ? { key, error, location: entry.location } : { key, error };
      }
      entryPath(cacheKey) {
        return join3(this.cacheDir, "entries", cacheKey.slice(0, 2), `${cacheKey}.json`);
      }
      modulePath(moduleId) {
        return join3(this.cacheDir, "modules", `${moduleId}.wasm`);
      }
      /**
       * Entries this compiler already read or wrote (a long-running app asks for the same ones all the time), and
       * the modules they name, bounded: a module let go is read from the disk cache again when asked for.
       */
      entries = new LRUCache({ max: MAX_REMEMBERED_ENTRIES });
      modules = new LRUCache({
        maxSize: MAX_REMEMBERED_MODULE_BYTES,
        sizeCalculation: (m) => Math.max(1, m.wasm.byteLength)
      });
      /** A cache entry and its module, present and intact, else undefined (corrupt entries count as misses). */
      async lookup(cacheKey) {
        const entry = this.entries.get(cacheKey) ?? asCacheEntry(await readJson(this.entryPath(cacheKey)));
        if (entry === void 0) return void 0;
        if (!("moduleId" in entry)) {
          this.entries.set(cacheKey, entry);
          return { entry };
        }
        let module = this.modules.get(entry.moduleId);
        if (module === void 0) {
          try {
            const wasm = new Uint8Array(await readFile2(this.modulePath(entry.moduleId)));
            if (sha256(wasm) !== entry.moduleId) {
              this.entries.delete(cacheKey);
              return void 0;
            }
            module = { id: entry.moduleId, wasm };
            this.modules.set(entry.moduleId, module);
          } catch {
            this.entries.delete(cacheKey);
            return void 0;
          }
        }
        this.entries.set(cacheKey, entry);
        return { entry, module };
      }
      async store(cacheKey, entry, module) {
        this.entries.set(cacheKey, entry);
        try {
          if (module !== void 0) await atomicWrite(this.modulePath(module.id), module.wasm);
          await atomicWrite(this.entryPath(cacheKey), JSON.stringify(entry));
        } catch {
        }
      }
      toolchain() {
        this.toolchainPromise ??= this.resolveToolchain();
        return this.toolchainPromise;
      }
      /**
       * Who compiles: the opa version and the capabilities hashes, remembered per binary (path, size, mtime, inode)
       * so a warm run runs no opa. When the binary is missing, cached results built by the pinned opa still count.
       */
      async resolveToolchain() {
        let opaPath;
        let missingReason;
        try {
          opaPath = this.options.opaPath ?? findTool("opa");
          const st2 = await stat2(opaPath);
          if (!st2.isFile()) throw new Error(`${opaPath} is not a file`);
        } catch (e) {
          missingReason = e instanceof Error ? e.message : String(e);
          if (opaPath !== void 0 && !missingReason.startsWith(opaPath)) missingReason = `opa at ${opaPath}: ${missingReason}`;
          opaPath = void 0;
        }
        if (opaPath === void 0) {
          const pinned = PINNED_TOOL_VERSIONS.opa;
          const known = await readJson(join3(this.cacheDir, "toolchains", `opa-${pinned}.json`));
          const caps = known;
          const capsHash2 = typeof caps?.v0 === "string" && typeof caps.v1 === "string" ? { v0: caps.v0, v1: caps.v1 } : { v0: "", v1: "" };
          return { opaVersion: pinned, capsHash: capsHash2, opaPath: void 0, missingReason };
        }
        const real = await realpath(opaPath);
        const st = await stat2(real);
        const statKey = sha256(JSON.stringify([real, st.size, st.mtimeMs, st.ino, st.dev]));
        const recordPath = join3(this.cacheDir, "toolchains", `bin-${statKey}.json`);
        const record2 = await readJson(recordPath);
        if (typeof record2?.opaVersion === "string" && typeof record2.v0 === "string" && typeof record2.v1 === "string" && await this.capabilitiesFile(record2.v0) !== void 0 && await this.capabilitiesFile(record2.v1) !== void 0) {
          return { opaVersion: record2.opaVersion, capsHash: { v0: record2.v0, v1: record2.v1 }, opaPath };
        }
        const version = await this.run(opaPath, ["version"], 3e4);
        const vm2 = /^Version:\s*(\S+)/m.exec(version.stdout);
        if (version.exitCode !== 0 || !vm2) {
          return {
            opaVersion: "unknown",
            capsHash: { v0: "", v1: "" },
            opaPath: void 0,
            missingReason: `\`${opaPath} version\` failed: ${(version.spawnError ?? version.stderr).trim()}`
          };
        }
        const capsHash = { v0: "", v1: "" };
        for (const v of ["v0", "v1"]) {
          const out = await this.run(opaPath, capabilitiesArgs(v), 3e4);
          if (out.exitCode !== 0) {
            return {
              opaVersion: vm2[1],
              capsHash,
              opaPath: void 0,
              missingReason: `\`opa ${capabilitiesArgs(v).join(" ")}\` failed: ${(out.spawnError ?? out.stderr).trim()}`
            };
          }
          const caps = restrictCapabilities(out.stdout);
          await atomicWrite(join3(this.cacheDir, "capabilities", `${caps.hash}.json`), caps.json).catch(() => void 0);
          capsHash[v] = caps.hash;
        }
        const rec = JSON.stringify({ opaVersion: vm2[1], ...capsHash });
        await atomicWrite(recordPath, rec).catch(() => void 0);
        await atomicWrite(join3(this.cacheDir, "toolchains", `opa-${vm2[1]}.json`), rec).catch(() => void 0);
        return { opaVersion: vm2[1], capsHash, opaPath };
      }
      async capabilitiesFile(hash) {
        const path23 = join3(this.cacheDir, "capabilities", `${hash}.json`);
        try {
          const text = await readFile2(path23, "utf8");
          return sha256(text) === hash ? path23 : void 0;
        } catch {
          return void 0;
        }
      }
      run(file, args, timeoutMs) {
        this.processCount++;
        return runTool(file, args, { timeoutMs, maxOutputBytes: 4 * 1024 * 1024, env: scrubbedEnv() });
      }
      /** Builds units of one Rego version, in as few opa runs as the errors allow. */
      async buildUnits(toolchain, version, units) {
        const results = /* @__PURE__ */ new Map();
        const queue = [units];
        while (queue.length > 0) {
          let batch = queue.shift();
          for (; ; ) {
            if (batch.length === 0) break;
            const run = await this.runBuild(toolchain, version, batch);
            if (run.kind === "ok") {
              for (const u of batch) results.set(u.packageId, { ok: true, moduleId: run.moduleId, wasm: run.wasm });
              break;
            }
            if (run.kind === "attributed") {
              for (const [packageId, errors] of run.errors) {
                const first = errors[0];
                results.set(packageId, {
                  ok: false,
                  error: formatErrors(errors, packageId),
                  location: { module: first.module, line: first.line },
                  cacheable: true
                });
              }
              batch = batch.filter((u) => !run.errors.has(u.packageId));
              continue;
            }
            if (batch.length > 1 && !run.fatal) {
              const half = Math.ceil(batch.length / 2);
              queue.unshift(batch.slice(0, half), batch.slice(half));
            } else {
              for (const u of batch) results.set(u.packageId, { ok: false, error: run.message, cacheable: false });
            }
            break;
          }
        }
        return results;
      }
      async runBuild(toolchain, version, batch) {
        let capsPath = await this.capabilitiesFile(toolchain.capsHash[version]);
        if (capsPath === void 0) {
          const out = await this.run(toolchain.opaPath, capabilitiesArgs(version), 3e4);
          if (out.exitCode !== 0) return { kind: "failed", message: `opa capabilities failed: ${out.stderr.trim()}`, fatal: true };
          const caps = restrictCapabilities(out.stdout);
          if (caps.hash !== toolchain.capsHash[version]) {
            return { kind: "failed", message: "opa capabilities changed while compiling; run again", fatal: true };
          }
          capsPath = join3(this.cacheDir, "capabilities", `${caps.hash}.json`);
          await atomicWrite(capsPath, caps.json);
        }
        const dir = await mkdtemp(join3(tmpdir(), "preadmit-opa-"));
        try {
          const files = [];
          for (const unit of batch) {
            await mkdir3(join3(dir, unit.packageId), { recursive: true });
            for (const f of rewriteTemplateCode(unit.packageId, unit.code)) {
              await writeFile3(join3(dir, f.path), f.text);
              files.push(f.path);
            }
          }
          await writeFile3(join3(dir, "dispatch.rego"), dispatchModule(batch.map((u) => u.packageId), version));
          files.push("dispatch.rego");
          await writeFile3(join3(dir, "capabilities.json"), await readFile2(capsPath));
          const args = ["build", "-t", "wasm", "-O=0"];
          if (version === "v0") args.push("--v0-compatible");
          args.push("--capabilities", "capabilities.json", "-o", "bundle.tar.gz");
          for (const unit of batch) args.push("-e", entrypointOf(unit.packageId));
          args.push("-e", DISPATCH_ENTRYPOINT);
          args.push(...files);
          const timeoutMs = this.options.timeoutMs ?? BASE_TIMEOUT_MS + PER_TEMPLATE_TIMEOUT_MS * batch.length;
          this.processCount++;
          const res = await runTool(toolchain.opaPath, args, {
            cwd: dir,
            timeoutMs,
            maxOutputBytes: 1024 * 1024,
            env: scrubbedEnv({ HOME: dir, TMPDIR: dir })
          });
          if (res.spawnError !== void 0) {
            return { kind: "failed", message: `cannot run opa: ${res.spawnError}`, fatal: true };
          }
          if (res.timedOut) {
            return { kind: "failed", message: `opa build timed out after ${timeoutMs} ms`, fatal: false };
          }
          if (res.exitCode !== 0) {
            const errors = /* @__PURE__ */ new Map();
            const known = new Set(batch.map((u) => u.packageId));
            const output = `${res.stdout}
${res.stderr}`;
            for (const e of attributeOpaErrors(output)) {
              if (!known.has(e.packageId)) continue;
              const list2 = errors.get(e.packageId) ?? [];
              list2.push(e);
              errors.set(e.packageId, list2);
            }
            if (errors.size > 0) return { kind: "attributed", errors };
            return { kind: "failed", message: `opa build failed: ${output.trim() || `exit code ${res.exitCode}`}`, fatal: false };
          }
          const bundle = readTarGz(await readFile2(join3(dir, "bundle.tar.gz")));
          const fileOf = (name) => bundle.find((e) => e.type === "file" && e.name.replace(/^\/+/, "") === name)?.bytes;
          const built = fileOf("policy.wasm");
          if (built === void 0) return { kind: "failed", message: "opa build wrote no /policy.wasm", fatal: true };
          let wasm;
          try {
            wasm = sortedIterationModule(built);
          } catch (e) {
            return { kind: "failed", message: `cannot make the compiled module iterate in sorted order: ${e.message}`, fatal: true };
          }
          const manifestBytes = fileOf(".manifest");
          const manifest = manifestBytes ? JSON.parse(Buffer.from(manifestBytes).toString("utf8")) : {};
          const present = new Set((manifest.wasm ?? []).map((w) => w.entrypoint));
          const missing = batch.filter((u) => !present.has(entrypointOf(u.packageId)));
          if (missing.length > 0) {
            return { kind: "failed", message: `opa build left out entrypoints ${missing.map((u) => entrypointOf(u.packageId)).join(", ")}`, fatal: true };
          }
          return { kind: "ok", moduleId: sha256(wasm), wasm };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    };
  }
});

// src/opa/eval-errors.ts
function gatekeeperEvalError(abort, code2) {
  const m = ABORT.exec(abort);
  if (!m) return abort;
  const module = m[1] === "template" ? "template" : `libs["lib_${m[2]}"]`;
  const row2 = Number(m[3]);
  const message2 = m[4];
  const source2 = m[1] === "template" ? code2?.rego : code2?.libs[Number(m[2])];
  switch (message2) {
    case "var assignment conflict":
      return `${module}:${row2}: eval_conflict_error: ${isFunctionHead(source2, row2) ? "functions must not produce multiple outputs for same inputs" : "complete rules must not produce multiple outputs"}`;
    case "object insert conflict":
      return `${module}:${row2}: eval_conflict_error: object keys must be unique`;
    default:
      return `${module}:${row2}: ${message2}`;
  }
}
function isFunctionHead(source2, row2) {
  const line = source2?.split("\n")[row2 - 1] ?? "";
  return /^\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(line);
}
var ABORT;
var init_eval_errors = __esm({
  "src/opa/eval-errors.ts"() {
    "use strict";
    ABORT = /^(?:[^/\s]+\/)?(template|lib_(\d+))\.rego:(\d+):\d+: (.*)$/s;
  }
});

// src/opa/rego-value.ts
function parseRegoValue(text) {
  return new ValueParser(text).parseAll();
}
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
function appendText(value, quote2) {
  switch (value.t) {
    case "null":
      return "null";
    case "boolean":
      return value.v ? "true" : "false";
    case "number":
      return value.v;
    case "string":
      return quote2(value.v);
    case "array":
      return "[" + value.v.map((x) => appendText(x, quote2)).join(", ") + "]";
    case "set":
      if (value.v.length === 0) return "set()";
      return "{" + sortedSet(value.v).map((x) => appendText(x, quote2)).join(", ") + "}";
    case "object":
      return "{" + sortedObject(value.v).map(([k, v]) => appendText(k, quote2) + ": " + appendText(v, quote2)).join(", ") + "}";
  }
}
function regoTermString(value) {
  return appendText(value, (s2) => quoteWith(s2, 34, "go"));
}
function formatRegoValue(value) {
  return appendText(value, (s2) => quoteWith(s2, 34, "json"));
}
function regoToJson(value) {
  switch (value.t) {
    case "null":
      return null;
    case "boolean":
      return value.v;
    case "number":
      return Number(value.v);
    case "string":
      return value.v;
    case "array":
      return value.v.map(regoToJson);
    case "set":
      return sortedSet(value.v).map(regoToJson);
    case "object": {
      const out = {};
      for (const [k, v] of sortedObject(value.v)) {
        Object.defineProperty(out, k.t === "string" ? k.v : formatRegoValue(k), {
          value: regoToJson(v),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
  }
}
var regoNull, regoTrue, regoFalse, ValueParser, TYPE_ORDER;
var init_rego_value = __esm({
  "src/opa/rego-value.ts"() {
    "use strict";
    init_strconv();
    init_strings();
    regoNull = { t: "null" };
    regoTrue = { t: "boolean", v: true };
    regoFalse = { t: "boolean", v: false };
    ValueParser = class {
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
    TYPE_ORDER = {
      null: 0,
      boolean: 1,
      number: 2,
      string: 3,
      array: 7,
      object: 8,
      set: 9
    };
  }
});

// src/engine/hook.ts
function field2(value, key) {
  if (value.t !== "object") return void 0;
  return value.v.find(([k]) => k.t === "string" && k.v === key)?.[1];
}
function resultElements(resultSet) {
  let parsed2;
  try {
    parsed2 = parseRegoValue(resultSet);
  } catch {
    return { error: "the policy returned a result preadmit cannot read" };
  }
  if (parsed2.t !== "set" && parsed2.t !== "array" || parsed2.v.length === 0) return [];
  const value = field2(parsed2.v[0], "result");
  if (!value || value.t !== "set" && value.t !== "array") return [];
  return value.v;
}
function readHookResults(resultSet) {
  const elements = resultElements(resultSet);
  return "error" in elements ? elements : hookResults(elements);
}
function readDispatchResults(resultSet) {
  const elements = resultElements(resultSet);
  if ("error" in elements) return elements;
  return hookResults(elements.map((e) => field2(e, "r")).filter((r) => r !== void 0));
}
function hookResults(elements) {
  const results = [];
  for (const element of elements) {
    const key = field2(element, "key");
    const msg = field2(element, "msg");
    const details = field2(element, "details");
    if (key?.t !== "number" || msg === void 0 || details === void 0) continue;
    if (msg.t !== "string") return { error: `extracting message binding: .msg accessor error: ${regoTermString(msg)} is not a string`, fatal: true };
    results.push({ key: Number(key.v), msg: msg.v, details });
  }
  return { results };
}
var init_hook = __esm({
  "src/engine/hook.ts"() {
    "use strict";
    init_rego_value();
  }
});

// src/cel/budget.ts
function withBudget(cost, deadlineMs, fn) {
  const outer = current;
  const budget = { left: cost, deadline: Date.now() + deadlineMs, exhausted: false };
  current = budget;
  try {
    const value = fn();
    return budget.exhausted ? { exhausted: true } : { value, exhausted: false };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { exhausted: true };
    throw e;
  } finally {
    current = outer;
  }
}
function chargeCost(units) {
  const budget = current;
  if (budget === void 0) return;
  budget.left -= units;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded("out of cost budget");
  }
}
function remainingMs() {
  return current === void 0 ? Infinity : current.deadline - Date.now();
}
function deadlinePassed() {
  if (current !== void 0) current.exhausted = true;
  throw new BudgetExceeded("deadline exceeded");
}
function charge(budget, result) {
  if (typeof result === "string" && result.length > 16) budget.left -= result.length >> 4;
  else if (Array.isArray(result) && result.length > 4) budget.left -= result.length >> 2;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded("out of cost budget");
  }
}
function meter(env) {
  let evaluator;
  env.registerFunction("preadmit_evaluator(): bool", function() {
    evaluator = this;
    return true;
  });
  env.evaluate("preadmit_evaluator()", {});
  if (!evaluator || typeof evaluator.run !== "function") throw new Error("CEL evaluator cannot be metered");
  const run = evaluator.run;
  evaluator.run = function metered(ast, ctx) {
    const budget = current;
    if (budget !== void 0) {
      if (budget.exhausted || --budget.left < 0 || (budget.left & 1023) === 0 && Date.now() > budget.deadline) {
        budget.exhausted = true;
        throw new BudgetExceeded("out of cost budget");
      }
      const result = run.call(this, ast, ctx);
      charge(budget, result);
      return result;
    }
    return run.call(this, ast, ctx);
  };
}
var BudgetExceeded, current;
var init_budget = __esm({
  "src/cel/budget.ts"() {
    "use strict";
    BudgetExceeded = class extends Error {
    };
  }
});

// src/cel/lib/equality.ts
function celEquals(a, b) {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return compareNumbers(a, b) === 0;
  }
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  const ma = mapEntries(a);
  const mb = mapEntries(b);
  if (ma !== void 0 && mb !== void 0) {
    if (ma.length !== mb.length) return false;
    const other = new Map(mb.map(([k, v]) => [mapKey2(k), v]));
    return ma.every(([k, v]) => other.has(mapKey2(k)) && celEquals(v, other.get(mapKey2(k))));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}
function mapEntries(v) {
  if (v instanceof Map) return [...v.entries()];
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v);
  return void 0;
}
function mapKey2(k) {
  return typeof k === "bigint" || typeof k === "number" ? `n:${String(k)}` : typeof k === "string" && /^-?\d+$/.test(k) ? `n:${k}` : `${typeof k}:${String(k)}`;
}
function compareNumbers(a, b) {
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}
var init_equality = __esm({
  "src/cel/lib/equality.ts"() {
    "use strict";
  }
});

// src/cel/lib/errors.ts
function libError(message2) {
  return new CelLibraryError(message2);
}
var CelLibraryError;
var init_errors = __esm({
  "src/cel/lib/errors.ts"() {
    "use strict";
    CelLibraryError = class extends Error {
    };
  }
});

// src/cel/comprehensions.ts
function template(name, receiver, i, v, bodies) {
  const r = `(${receiver})`;
  if (name === "sortBy") return `${SORT_BY_KEYS}(${r}, ${r}.map(${i}, (${v})))`;
  const keys = `(type(${r}) == map ? dyn(${r}) : dyn(lists.range(size(${r}))))`;
  const bound = (b) => `cel.bind(${v}, ${r}[${i}], (${b}))`;
  if (name in QUANTIFIERS && bodies.length === 1) return `${keys}.${QUANTIFIERS[name]}(${i}, ${bound(bodies[0])})`;
  if (name === "transformList" && bodies.length === 1) return `${keys}.map(${i}, ${bound(bodies[0])})`;
  if (name === "transformList" && bodies.length === 2) return `${keys}.map(${i}, ${bound(bodies[0])}, ${bound(bodies[1])})`;
  const filtered = bodies.length === 2 ? `${keys}.filter(${i}, ${bound(bodies[0])})` : bodies.length === 1 ? keys : void 0;
  const last = bodies[bodies.length - 1];
  if (filtered === void 0) return void 0;
  if (name === "transformMap") return `${PAIRS_TO_MAP}(${filtered}.map(${i}, dyn([${i}, dyn(${bound(last)})])))`;
  if (name === "transformMapEntry") return `${MERGE_ENTRIES}(${filtered}.map(${i}, ${bound(last)}))`;
  return void 0;
}
function isNode(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string" && "args" in v;
}
function findCall(ast) {
  const seen = /* @__PURE__ */ new Set();
  let found;
  const visit2 = (v) => {
    if (found || typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x);
      return;
    }
    if (!isNode(v)) {
      for (const x of Object.values(v)) visit2(x);
      return;
    }
    visit2(v.args);
    if (found) return;
    const args = v.args;
    if (v.op === "rcall" && Array.isArray(args) && Array.isArray(args[2])) {
      const [name, , callArgs] = args;
      const [iv, vv] = callArgs;
      if ((name in QUANTIFIERS || TWO_VARIABLE_ONLY.has(name)) && callArgs.length >= 3 && iv?.op === "id" && vv?.op === "id") found = v;
      if (name === "sortBy" && callArgs.length === 2 && iv?.op === "id") found = v;
    }
  };
  visit2(ast);
  return found;
}
function rewriteTwoVarComprehensions(env, expression) {
  let text = expression;
  for (let round = 0; round < 50; round++) {
    let ast;
    try {
      ast = env.parse(text).ast;
    } catch {
      return text;
    }
    const call = findCall(ast);
    if (!call) return text;
    const [name, receiver, callArgs] = call.args;
    if (name === "sortBy") {
      const [iv2] = callArgs;
      const dotAt = text.indexOf(`.${name}`, receiver.end);
      const closes = (text.slice(receiver.end, dotAt).match(/\)/g) ?? []).length;
      let from = receiver.start;
      for (let k = 0; k < closes; k++) from = text.lastIndexOf("(", from - 1);
      const keyText = text.slice(text.indexOf(",", iv2.end) + 1, text.lastIndexOf(")", call.end - 1));
      const replacement2 = template(name, text.slice(from, dotAt), iv2.args, keyText, []);
      if (replacement2 === void 0 || from < 0) return text;
      text = `${text.slice(0, from)}(${replacement2})${text.slice(call.end)}`;
      continue;
    }
    const [iv, vv, ...bodies] = callArgs;
    const dot = text.indexOf(`.${name}`, receiver.end);
    const closing = (text.slice(receiver.end, dot).match(/\)/g) ?? []).length;
    let start = receiver.start;
    for (let k = 0; k < closing; k++) start = text.lastIndexOf("(", start - 1);
    const cuts = bodies.map((b, k) => k === 0 ? text.indexOf(",", vv.end) : text.lastIndexOf(",", b.start));
    const close = text.lastIndexOf(")", call.end - 1);
    const bodyTexts = bodies.map((_, k) => text.slice(cuts[k] + 1, k + 1 < bodies.length ? cuts[k + 1] : close));
    const replacement = template(name, text.slice(start, dot), iv.args, vv.args, bodyTexts);
    if (replacement === void 0 || start < 0) return text;
    text = `${text.slice(0, start)}(${replacement})${text.slice(call.end)}`;
  }
  return text;
}
var QUANTIFIERS, TWO_VARIABLE_ONLY, PAIRS_TO_MAP, SORT_BY_KEYS, MERGE_ENTRIES;
var init_comprehensions = __esm({
  "src/cel/comprehensions.ts"() {
    "use strict";
    QUANTIFIERS = { all: "all", exists: "exists", existsOne: "exists_one" };
    TWO_VARIABLE_ONLY = /* @__PURE__ */ new Set(["existsOne", "transformList", "transformMap", "transformMapEntry", "sortBy"]);
    PAIRS_TO_MAP = "preadmit_pairsToMap";
    SORT_BY_KEYS = "preadmit_sortByKeys";
    MERGE_ENTRIES = "preadmit_mergeEntries";
  }
});

// src/cel/lib/lists.ts
function compare(a, b) {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return compareNumbers(a, b);
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  throw libError("no such overload");
}
function sum(list2) {
  if (list2.length === 0) return 0n;
  let acc = list2[0];
  for (const x of list2.slice(1)) {
    if (typeof acc === "bigint" && typeof x === "bigint") acc = acc + x;
    else if (typeof acc === "number" && typeof x === "number") acc = acc + x;
    else throw libError("no such overload");
  }
  return acc;
}
function extreme(list2, sign, name) {
  if (list2.length === 0) throw libError(`${name} called on empty list`);
  let best = list2[0];
  for (const x of list2.slice(1)) if (compare(x, best) * sign > 0) best = x;
  return best;
}
function registerLists(env, rename3) {
  env.registerFunction("list.isSorted(): bool", (l) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
  env.registerFunction("list.sum(): dyn", (l) => sum(l));
  env.registerFunction("list.min(): dyn", (l) => extreme(l, -1, "min"));
  env.registerFunction("list.max(): dyn", (l) => extreme(l, 1, "max"));
  for (const name of ["indexOf", rename3("indexOf")]) env.registerFunction(`list.${name}(dyn): int`, (l, v) => BigInt(l.findIndex((x) => celEquals(x, v))));
  for (const name of ["lastIndexOf", rename3("lastIndexOf")]) env.registerFunction(`list.${name}(dyn): int`, (l, v) => {
    for (let i = l.length - 1; i >= 0; i--) if (celEquals(l[i], v)) return BigInt(i);
    return -1n;
  });
  env.registerFunction("list.slice(int, int): list", (l, start, end) => {
    if (start < 0n || end < 0n) throw libError(`cannot slice(${start}, ${end}), negative indexes not supported`);
    if (start > end) throw libError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
    if (end > BigInt(l.length)) throw libError(`cannot slice(${start}, ${end}), list is length ${l.length}`);
    return l.slice(Number(start), Number(end));
  });
  const flatten = (l, depth) => l.flatMap((x) => Array.isArray(x) && depth > 0n ? flatten(x, depth - 1n) : [x]);
  env.registerFunction("list.flatten(): list", (l) => flatten(l, 1n));
  env.registerFunction("list.flatten(int): list", (l, depth) => {
    if (depth < 0n) throw libError("level must be non-negative");
    return flatten(l, depth);
  });
  env.registerFunction("list.distinct(): list", (l) => l.filter((x, i) => l.findIndex((y) => celEquals(x, y)) === i));
  env.registerFunction("list.reverse(): list", (l) => [...l].reverse());
  env.registerFunction("list.sort(): list", (l) => [...l].sort(compare));
  const none = env.evaluate("optional.none()");
  env.registerFunction("list.first(): optional<dyn>", (l) => l.length === 0 ? none : none.constructor.of(l[0]));
  env.registerFunction("list.last(): optional<dyn>", (l) => l.length === 0 ? none : none.constructor.of(l[l.length - 1]));
  env.registerFunction(
    `${SORT_BY_KEYS}(list, list): list`,
    (l, keys) => l.map((x, i) => [x, keys[i]]).sort((a, b) => compare(a[1], b[1])).map(([x]) => x)
  );
  class ListsNamespace {
  }
  env.registerType("ListsNamespace", ListsNamespace);
  env.registerConstant("lists", "ListsNamespace", new ListsNamespace());
  env.registerFunction("ListsNamespace.range(int): list<int>", (_ns, n) => {
    chargeCost(Number(n < 0n ? 0n : n > 10000000n ? 10000000n : n) >> 2);
    return Array.from({ length: Math.max(0, Number(n)) }, (_, i) => BigInt(i));
  });
  class SetsNamespace {
  }
  env.registerType("SetsNamespace", SetsNamespace);
  env.registerConstant("sets", "SetsNamespace", new SetsNamespace());
  const contains2 = (a, b) => b.every((y) => a.some((x) => celEquals(x, y)));
  env.registerFunction("SetsNamespace.contains(list, list): bool", (_ns, a, b) => contains2(a, b));
  env.registerFunction("SetsNamespace.equivalent(list, list): bool", (_ns, a, b) => contains2(a, b) && contains2(b, a));
  env.registerFunction("SetsNamespace.intersects(list, list): bool", (_ns, a, b) => b.some((y) => a.some((x) => celEquals(x, y))));
}
var init_lists = __esm({
  "src/cel/lib/lists.ts"() {
    "use strict";
    init_equality();
    init_errors();
    init_budget();
    init_comprehensions();
  }
});

// src/go/regexp.ts
import vm from "node:vm";
function extractTemplateRef(s2) {
  let t = s2;
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
function runeWidthAt(s2, i) {
  if (i >= s2.length) return 1;
  return (s2.codePointAt(i) ?? 0) > 65535 ? 2 : 1;
}
function compileGoRegexp(expr) {
  const hit = cache2.get(expr);
  if (hit) return hit;
  const result = compileUncached(expr);
  if (cache2.size >= CACHE_LIMIT2) cache2.delete(cache2.keys().next().value);
  cache2.set(expr, result);
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
function leaf(src2, literal = false) {
  return { src: src2, weight: 1, size: 1, height: 1, literal };
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
  const src2 = atoms.map((a) => a.src).join("");
  if (parts <= 1) return { src: src2, weight, size, height: tallest, literal: false };
  return { src: src2, weight, size, height: tallest + 1, literal: false, concatOf: tallest };
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
function repeatSize(op, min, max, sub) {
  if (op === "*") return 2 + sub;
  if (op === "+" || op === "?") return 1 + sub;
  if (max === -1) return min === 0 ? 2 + sub : 1 + min * sub;
  return Math.max(1, max * sub + (max - min));
}
function parseUnicodeClass(s2) {
  if (s2.length < 2 || s2[0] !== "\\" || s2[1] !== "p" && s2[1] !== "P") return void 0;
  let negated = s2[1] === "P";
  let t = s2.slice(2);
  let seq;
  let name;
  const c = t === "" ? "" : String.fromCodePoint(t.codePointAt(0));
  t = t.slice(c.length);
  if (c !== "{") {
    seq = s2.slice(0, s2.length - t.length);
    name = seq.slice(2);
  } else {
    const end = s2.indexOf("}");
    if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidCharRange, s2);
    seq = s2.slice(0, end + 1);
    t = s2.slice(end + 1);
    name = s2.slice(3, end);
  }
  if (name.startsWith("^")) {
    negated = !negated;
    name = name.slice(1);
  }
  const js = jsUnicodeProperty(name);
  if (js === void 0) throw new GoRegexpSyntaxError(ERR.invalidCharRange, seq);
  return { js, negated, rest: t };
}
function parseClassChar(s2, wholeClass) {
  if (s2 === "") throw new GoRegexpSyntaxError(ERR.missingBracket, wholeClass);
  if (s2[0] === "\\") return parseEscape(s2);
  const cp3 = s2.codePointAt(0);
  return { rune: cp3, rest: s2.slice(cp3 > 65535 ? 2 : 1) };
}
function parsePerlClassEscape(s2) {
  if (s2.length < 2 || s2[0] !== "\\") return void 0;
  const c = s2[1];
  if (!"dDsSwW".includes(c)) return void 0;
  return { ranges: PERL_CLASSES[c.toLowerCase()], negated: c !== c.toLowerCase(), rest: s2.slice(2) };
}
function parseEscape(s2) {
  let t = s2.slice(1);
  if (t === "") throw new GoRegexpSyntaxError(ERR.trailingBackslash, "");
  const next = () => {
    if (t === "") return -1;
    const cp3 = t.codePointAt(0);
    t = t.slice(cp3 > 65535 ? 2 : 1);
    return cp3;
  };
  const invalid = () => {
    throw new GoRegexpSyntaxError(ERR.invalidEscape, s2.slice(0, s2.length - t.length));
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
function parseRepeat(s2) {
  let t = s2.slice(1);
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
function goQuoteMeta(s2) {
  return s2.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}
function testWithin(regexp2, text, ms2 = MATCH_TIME_LIMIT_MS) {
  matchContext.re = regexp2;
  matchContext.s = text;
  try {
    return matchScript.runInContext(matchContext, { timeout: ms2 });
  } catch (e) {
    if (e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return "timeout";
    throw e;
  }
}
var GO_REGEXP_ERRORS, GoRegexpSyntaxError, ERR, GoRegexp, CACHE_LIMIT2, cache2, MAX_RUNE, MAX_HEIGHT, MAX_REPEAT, MAX_SIZE, PERL_CLASSES, POSIX_CLASSES, foldTables, UNFOLDED_IN_GO, foldedPropertyCache, GO_CATEGORIES, GO_SCRIPTS, GO_CATEGORY_ALIASES, Translator, MATCH_TIME_LIMIT_MS, matchContext, matchScript;
var init_regexp = __esm({
  "src/go/regexp.ts"() {
    "use strict";
    GO_REGEXP_ERRORS = {
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
    GoRegexpSyntaxError = class extends Error {
      constructor(code2, expr) {
        super(`error parsing regexp: ${code2}: \`${expr}\``);
        this.code = code2;
        this.expr = expr;
      }
      code;
      expr;
    };
    ERR = GO_REGEXP_ERRORS;
    GoRegexp = class {
      constructor(expr, source2, names) {
        this.expr = expr;
        this.source = source2;
        this.regexp = new RegExp(source2, "v");
        this.scanner = new RegExp(source2, "gv");
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
      matchString(s2) {
        this.scanner.lastIndex = 0;
        return this.scanner.test(s2);
      }
      /** Go's allMatches: at most `n` matches (all when n < 0), no empty match right after a match. */
      findAll(s2, n) {
        const out = [];
        const limit = n < 0 ? Infinity : n;
        let pos = 0;
        let prevMatchEnd = -1;
        while (out.length < limit && pos <= s2.length) {
          const m = this.execAt(s2, pos);
          if (!m) break;
          const end = m.index + m[0].length;
          let accept = true;
          if (end === pos) {
            if (m.index === prevMatchEnd) accept = false;
            pos += runeWidthAt(s2, pos);
          } else {
            pos = end;
          }
          prevMatchEnd = end;
          if (accept) out.push(m);
        }
        return out;
      }
      /** Go's FindAllString. */
      findAllString(s2, n) {
        return this.findAll(s2, n).map((m) => m[0]);
      }
      /** Go's FindAllStringSubmatch; a group that took no part is "". */
      findAllStringSubmatch(s2, n) {
        return this.findAll(s2, n).map((m) => Array.from(m, (g) => g ?? ""));
      }
      /** Go's ReplaceAllString: `$1`, `${1}`, `$name`, `${name}` and `$$` in `template` are expanded. */
      replaceAllString(src2, template2) {
        let out = "";
        let lastMatchEnd = 0;
        let searchPos = 0;
        while (searchPos <= src2.length) {
          const m = this.execAt(src2, searchPos);
          if (!m) break;
          const start = m.index;
          const end = start + m[0].length;
          out += src2.slice(lastMatchEnd, start);
          if (end > lastMatchEnd || start === 0) out += this.expand(template2, m);
          lastMatchEnd = end;
          const width = runeWidthAt(src2, searchPos);
          if (searchPos + width > end) searchPos += width;
          else if (searchPos + 1 > end) searchPos++;
          else searchPos = end;
        }
        return out + src2.slice(lastMatchEnd);
      }
      /** Go's Split: at most `n` pieces (all when n < 0). */
      split(s2, n) {
        if (n === 0) return [];
        if (this.expr.length > 0 && s2.length === 0) return [""];
        const pieces = [];
        let beg = 0;
        let end = 0;
        for (const m of this.findAll(s2, n)) {
          if (n > 0 && pieces.length >= n - 1) break;
          end = m.index;
          if (m.index + m[0].length !== 0) pieces.push(s2.slice(beg, end));
          beg = m.index + m[0].length;
        }
        if (end !== s2.length) pieces.push(s2.slice(beg));
        return pieces;
      }
      /** Go's Regexp.Expand of `template` with the groups of `match`. */
      expand(template2, match) {
        let out = "";
        let rest = template2;
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
      execAt(s2, pos) {
        this.scanner.lastIndex = pos;
        return this.scanner.exec(s2);
      }
    };
    CACHE_LIMIT2 = 1e3;
    cache2 = /* @__PURE__ */ new Map();
    MAX_RUNE = 1114111;
    MAX_HEIGHT = 1e3;
    MAX_REPEAT = 1e3;
    MAX_SIZE = Math.floor((128 << 20) / 40);
    PERL_CLASSES = {
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
    POSIX_CLASSES = {
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
    UNFOLDED_IN_GO = [
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
    foldedPropertyCache = /* @__PURE__ */ new Map();
    GO_CATEGORIES = new Set(
      "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" ")
    );
    GO_SCRIPTS = new Set(
      "Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu Ogham Oriya Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala Sogdian Soyombo Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi".split(" ")
    );
    GO_CATEGORY_ALIASES = {
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
    Translator = class {
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
              const parsed2 = parseRepeat(this.t);
              if (parsed2 === void 0) {
                this.literal(123);
                this.t = this.t.slice(1);
                break;
              }
              const { min, max, after } = parsed2;
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
              const cp3 = this.t.codePointAt(0);
              this.literal(cp3);
              this.t = this.t.slice(cp3 > 65535 ? 2 : 1);
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
        const s2 = this.t;
        const startsWithP = s2.length > 4 && s2[2] === "P" && s2[3] === "<";
        const startsWithName = s2.length > 3 && s2[2] === "<";
        if (startsWithP || startsWithName) {
          const end = s2.indexOf(">");
          if (end < 0) throw new GoRegexpSyntaxError(ERR.invalidNamedCapture, s2);
          const name = s2.slice(startsWithP ? 4 : 3, end);
          if (name === "" || ![...name].every((ch) => ch === "_" || isAlnum(ch.codePointAt(0)))) {
            throw new GoRegexpSyntaxError(ERR.invalidNamedCapture, s2.slice(0, end + 1));
          }
          this.openGroup(name);
          this.t = s2.slice(end + 1);
          return;
        }
        let t = s2.slice(2);
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
        throw new GoRegexpSyntaxError(ERR.invalidPerlOp, s2.slice(0, s2.length - t.length));
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
    MATCH_TIME_LIMIT_MS = 1e3;
    matchContext = vm.createContext({ re: /(?:)/, s: "" });
    matchScript = new vm.Script("re.test(s)");
  }
});

// src/cel/lib/regex.ts
function compile(pattern) {
  const r = compileGoRegexp(pattern);
  if ("error" in r) throw libError(r.error);
  return r;
}
function matches(s2, pattern) {
  chargeCost(s2.length >> 4);
  const left = remainingMs();
  if (left <= 0) deadlinePassed();
  const limit = Math.min(MATCH_TIME_LIMIT_MS, left);
  const hit = testWithin(compile(pattern).regexp, s2, Math.max(1, Math.floor(limit)));
  if (hit === "timeout") {
    if (limit < MATCH_TIME_LIMIT_MS) deadlinePassed();
    throw libError(`regular expression ${JSON.stringify(pattern)} took too long to match`);
  }
  return hit;
}
function limitOf(n) {
  return n < 0n ? -1 : Number(n);
}
function registerRegex(env, rename3) {
  env.registerFunction(`string.${rename3("matches")}(string): bool`, (s2, p) => matches(s2, p));
  env.registerFunction(`${rename3("matches")}(string, string): bool`, (s2, p) => matches(s2, p));
  env.registerFunction("string.find(string): string", (s2, p) => {
    const r = compile(p);
    if (!matches(s2, p)) return "";
    return r.findAllString(s2, 1)[0] ?? "";
  });
  const findAll = (s2, p, n) => {
    const r = compile(p);
    if (n === 0n || !matches(s2, p)) return [];
    return r.findAllString(s2, limitOf(n));
  };
  env.registerFunction("string.findAll(string): list<string>", (s2, p) => findAll(s2, p, -1n));
  env.registerFunction("string.findAll(string, int): list<string>", findAll);
}
var REGEX_OVERRIDES;
var init_regex = __esm({
  "src/cel/lib/regex.ts"() {
    "use strict";
    init_regexp();
    init_errors();
    init_budget();
    REGEX_OVERRIDES = ["matches"];
  }
});

// src/cel/values.ts
function toCel(value, numbers = "int") {
  if (value === void 0 || value === null) return null;
  if (typeof value === "number") {
    return numbers === "int" && Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => toCel(v, numbers));
  const m = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(value)) m.set(k, toCel(v, numbers));
  return m;
}
function celTypeName(v) {
  if (v === null || v === void 0) return "null_type";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "double";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Uint8Array) return "bytes";
  if (Array.isArray(v)) return "list";
  if (v instanceof Map || Object.getPrototypeOf(v) === Object.prototype) return "map";
  return "dyn";
}
var init_values = __esm({
  "src/cel/values.ts"() {
    "use strict";
  }
});

// src/cel/lib/strings.ts
function join4(list2, separator) {
  let size = 0;
  for (const x of list2) {
    if (typeof x !== "string") throw libError("no such overload");
    size += x.length + separator.length;
  }
  chargeCost(size >> 4);
  return list2.join(separator);
}
function outOfRange(i) {
  return libError(`index out of range: ${i}`);
}
function substring(s2, start, end) {
  const runes = [...s2];
  const n = BigInt(runes.length);
  if (start < 0n || start > n) throw outOfRange(start);
  if (end === void 0) return runes.slice(Number(start)).join("");
  if (end < 0n || end > n) throw outOfRange(end);
  if (start > end) throw libError(`invalid substring range. start: ${start}, end: ${end}`);
  return runes.slice(Number(start), Number(end)).join("");
}
function indexOf(s2, sub, offset, last) {
  const runes = [...s2];
  const subRunes = [...sub];
  const n = BigInt(runes.length);
  if (offset < 0n || offset > n) throw outOfRange(offset);
  const at2 = (i) => subRunes.every((r, j) => runes[i + j] === r);
  if (last) {
    for (let i = Math.min(Number(offset), runes.length - subRunes.length); i >= 0; i--) if (at2(i)) return BigInt(i);
    return -1n;
  }
  for (let i = Number(offset); i + subRunes.length <= runes.length; i++) if (at2(i)) return BigInt(i);
  return -1n;
}
function replaceN(s2, from, to, n) {
  if (n === 0n) return s2;
  const occurrences = from === "" ? [...s2].length + 1 : s2.split(from).length - 1;
  const count = n < 0n ? occurrences : Math.min(occurrences, Number(n));
  chargeCost(Math.max(0, s2.length + count * (to.length - from.length)) >> 4);
  if (n < 0n) return from === "" ? goReplaceEmpty(s2, to, -1) : s2.split(from).join(to);
  if (from === "") return goReplaceEmpty(s2, to, Number(n));
  let out = "";
  let rest = s2;
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
function goReplaceEmpty(s2, to, n) {
  const runes = [...s2];
  let out = "";
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
function quote(s2) {
  let out = '"';
  for (const ch of s2) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else out += ch;
  }
  return `${out}"`;
}
function celFormat(format, args) {
  let out = "";
  let argIndex = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%") {
      out += ch;
      continue;
    }
    i++;
    if (format[i] === "%") {
      out += "%";
      continue;
    }
    let precision;
    if (format[i] === ".") {
      let digits = "";
      while (/[0-9]/.test(format[i + 1] ?? "")) digits += format[++i];
      i++;
      precision = Number(digits);
    }
    const verb = format[i];
    if (verb === void 0) throw libError("could not parse formatting clause: unexpected end of string");
    if (argIndex >= args.length) throw libError(`index ${argIndex} out of range`);
    const arg = args[argIndex++];
    out += formatArg(verb, arg, precision);
  }
  return out;
}
function formatArg(verb, arg, precision) {
  switch (verb) {
    case "s":
      return formatString(arg);
    case "d":
      if (typeof arg === "bigint") return arg.toString();
      if (typeof arg === "number" && Number.isFinite(arg)) throw libError("decimal clause can only be used on integers, was given double");
      throw libError(`decimal clause can only be used on integers, was given ${celTypeName(arg)}`);
    case "f":
    case "e": {
      const n = typeof arg === "bigint" || typeof arg === "number" ? Number(arg) : typeof arg === "string" ? Number(arg) : NaN;
      if (typeof arg !== "bigint" && typeof arg !== "number" && typeof arg !== "string") {
        throw libError(`${verb === "f" ? "fixed-point" : "scientific"} clause can only be used on doubles, was given ${celTypeName(arg)}`);
      }
      if (Number.isNaN(n)) return "NaN";
      if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
      const p = precision ?? 6;
      if (verb === "f") return fixed(n, p);
      const [m, e] = n.toExponential(p).split("e");
      const exp = Number(e);
      return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    }
    case "x":
    case "X": {
      let s2;
      if (typeof arg === "bigint") s2 = (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(16);
      else if (typeof arg === "string") s2 = Buffer.from(arg, "utf8").toString("hex");
      else if (arg instanceof Uint8Array) s2 = Buffer.from(arg).toString("hex");
      else throw libError(`only integers, byte buffers, and strings can be formatted as hex, was given ${celTypeName(arg)}`);
      return verb === "X" ? s2.toUpperCase() : s2;
    }
    case "o":
      if (typeof arg !== "bigint") throw libError(`octal clause can only be used on integers, was given ${celTypeName(arg)}`);
      return (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(8);
    case "b":
      if (typeof arg === "boolean") return arg ? "1" : "0";
      if (typeof arg !== "bigint") throw libError(`only integers and bools can be formatted as binary, was given ${celTypeName(arg)}`);
      return (arg < 0n ? "-" : "") + (arg < 0n ? -arg : arg).toString(2);
    default:
      throw libError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}
function fixed(v, digits) {
  return Math.abs(v) >= 1e21 ? `${BigInt(v)}.${"0".repeat(digits)}` : v.toFixed(digits);
}
function formatString(v, nested = false) {
  if (v === null) return "null";
  if (typeof v === "string") return nested ? goQuote(v) : v;
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return nested ? fixed(v, 6) : String(v);
  }
  if (v instanceof Uint8Array) {
    const text = Buffer.from(v).toString("utf8");
    return nested ? `b${goQuote(text)}` : text;
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatString(x, true)).join(", ")}]`;
  const map2 = mapEntries(v);
  if (map2 !== void 0) {
    const entries = map2.map(([k, x]) => [formatString(k, true), formatString(x, true)]);
    entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return `{${entries.map(([k, x]) => `${k}:${x}`).join(", ")}}`;
  }
  if (typeof v === "object" && v !== null && "value" in v) return String(v.value);
  return String(v);
}
function registerStrings(env, rename3) {
  env.registerFunction(`string.${rename3("lowerAscii")}(): string`, (s2) => s2.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  env.registerFunction(`string.${rename3("upperAscii")}(): string`, (s2) => s2.replace(/[a-z]+/g, (m) => m.toUpperCase()));
  env.registerFunction(`string.${rename3("trim")}(): string`, (s2) => s2.replace(GO_SPACE, ""));
  env.registerFunction("string.replace(string, string): string", (s2, a, b) => replaceN(s2, a, b, -1n));
  env.registerFunction("string.replace(string, string, int): string", (s2, a, b, n) => replaceN(s2, a, b, n));
  env.registerFunction("string.charAt(int): string", (s2, i) => {
    const runes = [...s2];
    if (i < 0n || i > BigInt(runes.length)) throw libError(`index out of range: ${i}`);
    return runes[Number(i)] ?? "";
  });
  env.registerFunction(`list<string>.${rename3("join")}(): string`, (l) => join4(l, ""));
  env.registerFunction(`list<string>.${rename3("join")}(string): string`, (l, sep) => join4(l, sep));
  env.registerFunction(`string.${rename3("substring")}(int): string`, (s2, a) => substring(s2, a));
  env.registerFunction(`string.${rename3("substring")}(int, int): string`, (s2, a, b) => substring(s2, a, b));
  env.registerFunction(`string.${rename3("indexOf")}(string): int`, (s2, sub) => indexOf(s2, sub, 0n, false));
  env.registerFunction(`string.${rename3("indexOf")}(string, int): int`, (s2, sub, o) => indexOf(s2, sub, o, false));
  env.registerFunction(`string.${rename3("lastIndexOf")}(string): int`, (s2, sub) => indexOf(s2, sub, BigInt([...s2].length), true));
  env.registerFunction(`string.${rename3("lastIndexOf")}(string, int): int`, (s2, sub, o) => indexOf(s2, sub, o, true));
  env.registerFunction("string.format(list): string", (s2, args) => {
    chargeCost(s2.length + args.length >> 2);
    return celFormat(s2, args);
  });
  class StringsNamespace {
  }
  env.registerType("StringsNamespace", StringsNamespace);
  env.registerConstant("strings", "StringsNamespace", new StringsNamespace());
  env.registerFunction("StringsNamespace.quote(string): string", (_ns, s2) => quote(s2));
}
var STRINGS_OVERRIDES, GO_SPACE;
var init_strings2 = __esm({
  "src/cel/lib/strings.ts"() {
    "use strict";
    init_values();
    init_errors();
    init_equality();
    init_strconv();
    init_budget();
    STRINGS_OVERRIDES = ["lowerAscii", "upperAscii", "trim", "substring", "indexOf", "lastIndexOf", "join"];
    GO_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g;
  }
});

// src/cel/lib/url.ts
function unescapeStrict(s2, raw) {
  const bad = /%(?![0-9A-Fa-f]{2})(.{0,2})/.exec(s2);
  if (bad) return { error: `parse ${JSON.stringify(raw)}: invalid URL escape ${JSON.stringify(`%${bad[1]}`)}` };
  try {
    return decodeURIComponent(s2);
  } catch {
    return s2.replace(/%([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
  }
}
function parseRequestURI(raw) {
  const fail = (why) => ({ error: `parse ${JSON.stringify(raw)}: ${why}` });
  if (raw === "") return fail("empty url");
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail("net/url: invalid control character in URL");
  let rest = raw;
  let scheme = "";
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  if (sm) {
    scheme = sm[1].toLowerCase();
    rest = raw.slice(sm[0].length);
  } else if (raw.startsWith(":")) return fail("missing protocol scheme");
  let rawQuery = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith("/")) {
    if (scheme !== "") return new URL2(scheme, "", "", rawQuery);
    return fail("invalid URI for request");
  }
  let host = "";
  if (rest.startsWith("//") && (scheme !== "" || !rest.startsWith("///"))) {
    const authorityEnd = rest.indexOf("/", 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
    const at2 = authority.lastIndexOf("@");
    host = at2 >= 0 ? authority.slice(at2 + 1) : authority;
    if (host.startsWith("[")) {
      const close = host.indexOf("]");
      if (close < 0) return fail("missing ']' in host");
      const port2 = host.slice(close + 1);
      if (port2 !== "" && !/^:[0-9]*$/.test(port2)) return fail(`invalid port ${JSON.stringify(port2)} after host`);
    } else {
      const colon = host.lastIndexOf(":");
      if (colon >= 0 && !/^[0-9]*$/.test(host.slice(colon + 1))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
    const h = unescapeStrict(host, raw);
    if (typeof h !== "string") return h;
  }
  const p = unescapeStrict(rest, raw);
  if (typeof p !== "string") return p;
  return new URL2(scheme, host, rest, rawQuery);
}
function hostname(u) {
  const h = u.host;
  if (h.startsWith("[")) {
    const close = h.indexOf("]");
    return close < 0 ? h.slice(1) : h.slice(1, close);
  }
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}
function port(u) {
  const h = u.host;
  const close = h.lastIndexOf("]");
  const colon = h.lastIndexOf(":");
  return colon > close ? h.slice(colon + 1) : "";
}
function query(u) {
  const out = /* @__PURE__ */ new Map();
  for (const pair of u.rawQuery.split("&")) {
    if (pair === "" || pair.includes(";")) continue;
    const eq = pair.indexOf("=");
    const decode = (s2) => {
      const r = unescapeStrict(s2.replace(/\+/g, " "), "");
      return typeof r === "string" ? r : void 0;
    };
    const k = decode(eq < 0 ? pair : pair.slice(0, eq));
    const v = decode(eq < 0 ? "" : pair.slice(eq + 1));
    if (k === void 0 || v === void 0) continue;
    out.set(k, [...out.get(k) ?? [], v]);
  }
  return out;
}
function registerURL(env) {
  env.registerType("net.URL", URL2);
  env.registerFunction("url(string): net.URL", (s2) => {
    const u = parseRequestURI(s2);
    if ("error" in u) throw libError(`URL parse error during conversion from string: ${u.error}`);
    return u;
  });
  env.registerFunction("isURL(string): bool", (s2) => !("error" in parseRequestURI(s2)));
  env.registerFunction("net.URL.getScheme(): string", (u) => u.scheme);
  env.registerFunction("net.URL.getHost(): string", (u) => u.host);
  env.registerFunction("net.URL.getHostname(): string", (u) => hostname(u));
  env.registerFunction("net.URL.getPort(): string", (u) => port(u));
  env.registerFunction("net.URL.getEscapedPath(): string", (u) => u.rawPath);
  env.registerFunction("net.URL.getQuery(): map<string, list<string>>", (u) => query(u));
}
var URL2;
var init_url = __esm({
  "src/cel/lib/url.ts"() {
    "use strict";
    init_errors();
    URL2 = class {
      constructor(scheme, host, rawPath, rawQuery) {
        this.scheme = scheme;
        this.host = host;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
      }
      scheme;
      host;
      rawPath;
      rawQuery;
    };
  }
});

// src/cel/lib/format.ts
function validDate(s2) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s2);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
function validDateTime(s2) {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s2);
  return m !== null && validDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61;
}
function registerFormat(env) {
  const none = env.evaluate("optional.none()");
  const optional = none.constructor;
  env.registerType("kubernetes.NamedFormat", Format);
  class FormatNamespace {
  }
  env.registerType("FormatNamespace", FormatNamespace);
  env.registerConstant("format", "FormatNamespace", new FormatNamespace());
  for (const [name, f] of Object.entries(FORMATS)) {
    env.registerFunction(`FormatNamespace.${name}(): kubernetes.NamedFormat`, () => f);
  }
  env.registerFunction(
    "FormatNamespace.named(string): optional<kubernetes.NamedFormat>",
    (_ns, name) => Object.hasOwn(FORMATS, name) ? optional.of(FORMATS[name]) : none
  );
  env.registerFunction("kubernetes.NamedFormat.validate(string): optional<list<string>>", (f, s2) => {
    const errs = f.validate(s2);
    return errs.length === 0 ? none : optional.of(errs);
  });
}
var Format, prefix, UUID, BASE64, FORMATS;
var init_format2 = __esm({
  "src/cel/lib/format.ts"() {
    "use strict";
    init_selector();
    init_url();
    Format = class {
      constructor(name, validate2) {
        this.name = name;
        this.validate = validate2;
      }
      name;
      validate;
    };
    prefix = (f) => (s2) => f(s2.endsWith("-") ? `${s2.slice(0, -1)}a` : s2);
    UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
    BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    FORMATS = {
      dns1123Label: new Format("DNS1123Label", dns1123LabelErrors),
      dns1123Subdomain: new Format("DNS1123Subdomain", (s2) => dns1123SubdomainErrors(s2)),
      dns1035Label: new Format("DNS1035Label", dns1035LabelErrors),
      qualifiedName: new Format("QualifiedName", labelKeyErrors),
      dns1123LabelPrefix: new Format("DNS1123LabelPrefix", prefix(dns1123LabelErrors)),
      dns1123SubdomainPrefix: new Format("DNS1123SubdomainPrefix", prefix((s2) => dns1123SubdomainErrors(s2))),
      dns1035LabelPrefix: new Format("DNS1035LabelPrefix", prefix(dns1035LabelErrors)),
      labelValue: new Format("LabelValue", labelValueErrors),
      uri: new Format("URI", (s2) => {
        const u = parseRequestURI(s2);
        return "error" in u ? [u.error] : [];
      }),
      uuid: new Format("uuid", (s2) => UUID.test(s2) ? [] : ["does not match the UUID format"]),
      byte: new Format("byte", (s2) => BASE64.test(s2) ? [] : ["invalid base64"]),
      date: new Format("date", (s2) => validDate(s2) ? [] : ["invalid date"]),
      datetime: new Format("datetime", (s2) => validDateTime(s2) ? [] : ["invalid datetime"])
    };
  }
});

// src/cel/lib/ip.ts
function parseIPv4(s2) {
  const parts = s2.split(".");
  if (parts.length !== 4) return void 0;
  const out = new Uint8Array(4);
  for (const [i, p] of parts.entries()) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out[i] = n;
  }
  return out;
}
function parseIPv6(s2) {
  let tail;
  let text = s2;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail = parseIPv4(text.slice(lastColon + 1));
    if (!tail) return void 0;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return void 0;
  const groups = (h) => {
    if (h === "") return [];
    const out2 = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
      out2.push(parseInt(g, 16));
    }
    return out2;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return void 0;
  let all;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return void 0;
    all = [...head, ...new Array(missing).fill(0), ...rest];
  } else {
    if (head.length !== 8) return void 0;
    all = head;
  }
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 255;
  });
  if (tail) out.set(tail, 12);
  return out;
}
function isV4InV6(b) {
  return b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255;
}
function formatAddr(b) {
  if (b.length === 4) return [...b].join(".");
  const groups = Array.from({ length: 8 }, (_, i) => b[2 * i] << 8 | b[2 * i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex2 = (g) => g.toString(16);
  if (bestStart < 0) return groups.map(hex2).join(":");
  return `${groups.slice(0, bestStart).map(hex2).join(":")}::${groups.slice(bestStart + bestLen).map(hex2).join(":")}`;
}
function parseAddr(raw) {
  if (raw.includes("%")) {
    const b = parseIPv6(raw.slice(0, raw.indexOf("%")));
    if (b && raw.indexOf("%") < raw.length - 1) return { error: `IP address ${JSON.stringify(raw)} with zone value is not allowed` };
  }
  const bytes = raw.includes(":") ? parseIPv6(raw) : parseIPv4(raw);
  if (!bytes) {
    return { error: `IP Address ${JSON.stringify(raw)} parse error during conversion from string: ParseAddr(${JSON.stringify(raw)}): unable to parse IP` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new IP(bytes);
}
function parseCIDR(raw) {
  const slash = raw.lastIndexOf("/");
  const fail = { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): no '/'` };
  if (slash < 0) return fail;
  const addrText = raw.slice(0, slash);
  const bitsText = raw.slice(slash + 1);
  if (addrText.includes("%")) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): IPv6 zones cannot be present in a prefix` };
  const bytes = addrText.includes(":") ? parseIPv6(addrText) : parseIPv4(addrText);
  if (!bytes) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): ParseAddr(${JSON.stringify(addrText)}): unable to parse IP` };
  const max = bytes.length * 8;
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || Number(bitsText) > max) {
    return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): bad bits after slash: ${JSON.stringify(bitsText)}` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new CIDR(new IP(bytes), Number(bitsText));
}
function masked(c) {
  const b = new Uint8Array(c.addr.bytes);
  for (let i = 0; i < b.length * 8; i++) if (i >= c.bits) b[i >> 3] &= ~(128 >> (i & 7));
  return new CIDR(new IP(b), c.bits);
}
function contains(c, ip) {
  if (ip.bytes.length !== c.addr.bytes.length) return false;
  for (let i = 0; i < c.bits; i++) {
    const bit = 128 >> (i & 7);
    if ((c.addr.bytes[i >> 3] & bit) !== (ip.bytes[i >> 3] & bit)) return false;
  }
  return true;
}
function must(r) {
  if (typeof r === "object" && r !== null && "error" in r) throw libError(r.error);
  return r;
}
function isLoopback(b) {
  return b.length === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}
function isUnspecified(b) {
  return b.every((x) => x === 0);
}
function isLinkLocalMulticast(b) {
  return b.length === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 255 && (b[1] & 15) === 2;
}
function isLinkLocalUnicast(b) {
  return b.length === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 254 && (b[1] & 192) === 128;
}
function isMulticast(b) {
  return b.length === 4 ? isV4(b, 0, 240, 224) : b[0] === 255;
}
function isGlobalUnicast(b) {
  if (b.length === 4 && b.every((x) => x === 255)) return false;
  return !isUnspecified(b) && !isLoopback(b) && !isMulticast(b) && !isLinkLocalUnicast(b);
}
function registerIP(env) {
  env.registerType("net.IP", IP);
  env.registerType("net.CIDR", CIDR);
  env.registerFunction("ip(string): net.IP", (s2) => must(parseAddr(s2)));
  env.registerFunction("isIP(string): bool", (s2) => !("error" in parseAddr(s2)));
  env.registerFunction("net.IP.family(): int", (ip) => BigInt(ip.family));
  env.registerFunction("net.IP.isUnspecified(): bool", (ip) => isUnspecified(ip.bytes));
  env.registerFunction("net.IP.isLoopback(): bool", (ip) => isLoopback(ip.bytes));
  env.registerFunction("net.IP.isLinkLocalMulticast(): bool", (ip) => isLinkLocalMulticast(ip.bytes));
  env.registerFunction("net.IP.isLinkLocalUnicast(): bool", (ip) => isLinkLocalUnicast(ip.bytes));
  env.registerFunction("net.IP.isGlobalUnicast(): bool", (ip) => isGlobalUnicast(ip.bytes));
  env.registerFunction("string(net.IP): string", (ip) => ip.toString());
  env.registerFunction("cidr(string): net.CIDR", (s2) => must(parseCIDR(s2)));
  env.registerFunction("isCIDR(string): bool", (s2) => !("error" in parseCIDR(s2)));
  env.registerFunction("net.CIDR.containsIP(string): bool", (c, s2) => contains(c, must(parseAddr(s2))));
  env.registerFunction("net.CIDR.containsIP(net.IP): bool", (c, ip) => contains(c, ip));
  env.registerFunction("net.CIDR.containsCIDR(string): bool", (c, s2) => {
    const o = must(parseCIDR(s2));
    return contains(c, o.addr) && c.bits <= o.bits;
  });
  env.registerFunction("net.CIDR.containsCIDR(net.CIDR): bool", (c, o) => contains(c, o.addr) && c.bits <= o.bits);
  env.registerFunction("net.CIDR.ip(): net.IP", (c) => c.addr);
  env.registerFunction("net.CIDR.prefixLength(): int", (c) => BigInt(c.bits));
  env.registerFunction("net.CIDR.masked(): net.CIDR", (c) => masked(c));
  env.registerFunction("string(net.CIDR): string", (c) => c.toString());
  class IPNamespace {
  }
  env.registerType("IPNamespace", IPNamespace);
  env.registerConstant("ip", "IPNamespace", new IPNamespace());
  env.registerFunction("IPNamespace.isCanonical(string): bool", (_ns, s2) => must(parseAddr(s2)).toString() === s2);
}
var IP, CIDR, isV4;
var init_ip = __esm({
  "src/cel/lib/ip.ts"() {
    "use strict";
    init_errors();
    IP = class {
      constructor(bytes) {
        this.bytes = bytes;
      }
      bytes;
      get family() {
        return this.bytes.length === 4 ? 4 : 6;
      }
      toString() {
        return formatAddr(this.bytes);
      }
    };
    CIDR = class {
      constructor(addr, bits) {
        this.addr = addr;
        this.bits = bits;
      }
      addr;
      bits;
      toString() {
        return `${this.addr.toString()}/${this.bits}`;
      }
    };
    isV4 = (b, first, mask, value) => b.length === 4 && (b[first] & mask) === value;
  }
});

// src/cel/lib/quantity.ts
function gcd(a, b) {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function make(num, den) {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return new Quantity(num / g, den / g);
}
function parseQuantity(s2) {
  if (s2.length === 0) return { error: "quantities must match the regular expression" };
  const m = FORMAT.exec(s2);
  if (!m) return { error: ERR_FORMAT };
  const numeric = m[1];
  const suffix = m[2];
  const n = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(numeric);
  if (!n || n[2] === "" && (n[3] ?? "") === "") return { error: ERR_NUMERIC };
  const sign = n[1] === "-" ? -1n : 1n;
  const whole = n[2] ?? "";
  const frac = n[3] ?? "";
  let num = sign * BigInt(`${whole}${frac}` || "0");
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY) {
    num *= 2n ** BigInt(BINARY[suffix]);
  } else {
    let exp = DECIMAL[suffix];
    if (exp === void 0) {
      const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
      if (!e) return { error: ERR_SUFFIX };
      exp = Number(e[1]);
      if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1e3) return { error: ERR_NUMERIC };
    }
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return make(num, den);
}
function compare2(a, b) {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
function asInt64(q) {
  if (q.den !== 1n || q.num > INT64_MAX || q.num < INT64_MIN2) return void 0;
  return q.num;
}
function registerQuantity(env) {
  env.registerType("kubernetes.Quantity", Quantity);
  env.registerFunction("quantity(string): kubernetes.Quantity", (s2) => {
    const q = parseQuantity(s2);
    if ("error" in q) throw libError(q.error);
    return q;
  });
  env.registerFunction("isQuantity(string): bool", (s2) => !("error" in parseQuantity(s2)));
  env.registerFunction("sign(kubernetes.Quantity): int", (q) => BigInt(q.num === 0n ? 0 : q.num > 0n ? 1 : -1));
  env.registerFunction("kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool", (a, b) => compare2(a, b) === 1);
  env.registerFunction("kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool", (a, b) => compare2(a, b) === -1);
  env.registerFunction("kubernetes.Quantity.compareTo(kubernetes.Quantity): int", (a, b) => BigInt(compare2(a, b)));
  env.registerFunction("kubernetes.Quantity.asApproximateFloat(): double", (q) => Number(q.num) / Number(q.den));
  env.registerFunction("kubernetes.Quantity.isInteger(): bool", (q) => asInt64(q) !== void 0);
  env.registerFunction("kubernetes.Quantity.asInteger(): int", (q) => {
    const v = asInt64(q);
    if (v === void 0) throw libError("cannot convert value to integer");
    return v;
  });
  env.registerFunction("kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity", (a, b) => make(a.num * b.den + b.num * a.den, a.den * b.den));
  env.registerFunction("kubernetes.Quantity.add(int): kubernetes.Quantity", (a, b) => make(a.num + b * a.den, a.den));
  env.registerFunction("kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity", (a, b) => make(a.num * b.den - b.num * a.den, a.den * b.den));
  env.registerFunction("kubernetes.Quantity.sub(int): kubernetes.Quantity", (a, b) => make(a.num - b * a.den, a.den));
}
var Quantity, FORMAT, ERR_FORMAT, ERR_SUFFIX, ERR_NUMERIC, BINARY, DECIMAL, INT64_MAX, INT64_MIN2;
var init_quantity = __esm({
  "src/cel/lib/quantity.ts"() {
    "use strict";
    init_errors();
    Quantity = class {
      constructor(num, den) {
        this.num = num;
        this.den = den;
      }
      num;
      den;
    };
    FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
    ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    ERR_SUFFIX = "unable to parse quantity's suffix";
    ERR_NUMERIC = "unable to parse numeric part of quantity";
    BINARY = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
    DECIMAL = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
    INT64_MAX = 2n ** 63n - 1n;
    INT64_MIN2 = -(2n ** 63n);
  }
});

// src/cel/lib/semver.ts
function parseSemver(s2) {
  if (s2.length === 0) return { error: "Version string empty" };
  const parts = s2.split(".", 3);
  const rest = s2.split(".");
  if (rest.length < 3) return { error: "No Major.Minor.Patch elements found" };
  const major = parts[0];
  const minor = parts[1];
  const tail = s2.slice(major.length + minor.length + 2);
  if (!/^[0-9]+$/.test(major)) return { error: `Invalid character(s) found in major number ${JSON.stringify(major)}` };
  if (major.length > 1 && major[0] === "0") return { error: `Major number must not contain leading zeroes ${JSON.stringify(major)}` };
  if (!/^[0-9]+$/.test(minor)) return { error: `Invalid character(s) found in minor number ${JSON.stringify(minor)}` };
  if (minor.length > 1 && minor[0] === "0") return { error: `Minor number must not contain leading zeroes ${JSON.stringify(minor)}` };
  const m = /^([0-9A-Za-z]*)(?:-([^+]*))?(?:\+(.*))?$/.exec(tail);
  const patchText = /^[0-9]*/.exec(tail)[0];
  const afterPatch = tail.slice(patchText.length);
  if (!m || patchText === "" || afterPatch !== "" && afterPatch[0] !== "-" && afterPatch[0] !== "+") {
    return { error: `Invalid character(s) found in patch number ${JSON.stringify(patchText || tail)}` };
  }
  if (patchText.length > 1 && patchText[0] === "0") return { error: `Patch number must not contain leading zeroes ${JSON.stringify(patchText)}` };
  const preMatch = /^-([^+]*)/.exec(afterPatch);
  const buildMatch = /\+(.*)$/.exec(afterPatch);
  const pre = preMatch ? preMatch[1].split(".") : [];
  for (const p of pre) {
    if (p === "") return { error: "Prerelease is empty" };
    if (!IDENT.test(p)) return { error: `Invalid character(s) found in prerelease ${JSON.stringify(p)}` };
    if (/^[0-9]+$/.test(p) && !NUM.test(p)) return { error: `Prerelease numeric part must not contain leading zeroes ${JSON.stringify(p)}` };
  }
  if (buildMatch) {
    for (const b of buildMatch[1].split(".")) {
      if (b === "") return { error: "Build meta data is empty" };
      if (!IDENT.test(b)) return { error: `Invalid character(s) found in build meta data ${JSON.stringify(b)}` };
    }
  }
  return new Semver(BigInt(major), BigInt(minor), BigInt(patchText), pre);
}
function normalizeAndParse(s2) {
  const parts = (s2.startsWith("v") ? s2.slice(1) : s2).split(".");
  const three = parts.length > 3 ? [parts[0], parts[1], parts.slice(2).join(".")] : parts;
  const cleaned = three.map((p) => {
    if (p.length <= 1) return p;
    const t = p.replace(/^0+/, "");
    return t.length === 0 || !/[0-9]/.test(t[0]) ? `0${t}` : t;
  });
  if (cleaned.length < 3) {
    if (/[+-]/.test(cleaned[cleaned.length - 1])) return { error: "short version cannot contain PreRelease/Build meta data" };
    while (cleaned.length < 3) cleaned.push("0");
  }
  return parseSemver(cleaned.join("."));
}
function comparePre(a, b) {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return 1;
  if (b.length === 0) return -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const xn = NUM.test(x);
    const yn = NUM.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function compareSemver(a, b) {
  for (const k of ["major", "minor", "patch"]) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}
function parse(s2, normalize) {
  const r = normalize ? normalizeAndParse(s2) : parseSemver(s2);
  if ("error" in r) throw libError(r.error);
  return r;
}
function registerSemver(env) {
  env.registerType("kubernetes.Semver", Semver);
  env.registerFunction("semver(string): kubernetes.Semver", (s2) => parse(s2, false));
  env.registerFunction("semver(string, bool): kubernetes.Semver", (s2, n) => parse(s2, n));
  env.registerFunction("isSemver(string): bool", (s2) => !("error" in parseSemver(s2)));
  env.registerFunction("isSemver(string, bool): bool", (s2, n) => !("error" in (n ? normalizeAndParse(s2) : parseSemver(s2))));
  env.registerFunction("kubernetes.Semver.major(): int", (v) => v.major);
  env.registerFunction("kubernetes.Semver.minor(): int", (v) => v.minor);
  env.registerFunction("kubernetes.Semver.patch(): int", (v) => v.patch);
  env.registerFunction("kubernetes.Semver.isGreaterThan(kubernetes.Semver): bool", (a, b) => compareSemver(a, b) === 1);
  env.registerFunction("kubernetes.Semver.isLessThan(kubernetes.Semver): bool", (a, b) => compareSemver(a, b) === -1);
  env.registerFunction("kubernetes.Semver.compareTo(kubernetes.Semver): int", (a, b) => BigInt(compareSemver(a, b)));
}
var Semver, NUM, IDENT;
var init_semver = __esm({
  "src/cel/lib/semver.ts"() {
    "use strict";
    init_errors();
    Semver = class {
      constructor(major, minor, patch, pre) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
      }
      major;
      minor;
      patch;
      pre;
    };
    NUM = /^(0|[1-9][0-9]*)$/;
    IDENT = /^[0-9A-Za-z-]+$/;
  }
});

// src/cel/lib/kubernetes.ts
function registerKubernetesTypes(env) {
  registerQuantity(env);
  registerURL(env);
  registerIP(env);
  registerSemver(env);
  registerFormat(env);
}
var init_kubernetes = __esm({
  "src/cel/lib/kubernetes.ts"() {
    "use strict";
    init_format2();
    init_ip();
    init_quantity();
    init_semver();
    init_url();
  }
});

// src/cel/lib/time.ts
function durationString(d) {
  const total = Number(d.seconds) + d.nanos / 1e9;
  return `${String(total)}s`;
}
function timestampString(t) {
  return t.toISOString().replace(/\.000Z$/, "Z").replace(/(\.\d*?)0+Z$/, "$1Z");
}
function registerTime(env) {
  env.registerFunction("string(google.protobuf.Duration): string", (d) => durationString(d));
  env.registerFunction("string(google.protobuf.Timestamp): string", (t) => timestampString(t));
}
var init_time = __esm({
  "src/cel/lib/time.ts"() {
    "use strict";
  }
});

// src/cel/env.ts
import { Environment } from "@marcbachmann/cel-js";
function registerComprehensionHelpers(env) {
  env.registerFunction(`${PAIRS_TO_MAP}(list): map`, (pairs) => new Map(pairs.map((p) => [p[0], p[1]])));
  env.registerFunction(`${MERGE_ENTRIES}(list): map`, (entries) => {
    const out = /* @__PURE__ */ new Map();
    for (const e of entries) {
      const pairs = mapEntries(e);
      if (pairs === void 0) throw libError("no such overload");
      for (const [k, v] of pairs) {
        if (out.has(k)) throw libError(`insert failed: key ${String(k)} already exists`);
        out.set(k, v);
      }
    }
    return out;
  });
}
function newEnvironment(withParams) {
  const env = new Environment({
    enableOptionalTypes: true,
    // Kubernetes validates homogeneous aggregate literals, except the argument list of format(); that
    // check is the engine's (staticIssue), since the evaluator's own has no exemptions.
    homogeneousAggregateLiterals: false,
    unlistedVariablesAreDyn: false,
    limits: { maxAstNodes: 1e5, maxDepth: 250, maxListElements: 1e4, maxMapEntries: 1e4, maxCallArguments: 32 }
  });
  for (const root of ROOTS) env.registerVariable(root, "dyn");
  if (withParams) env.registerVariable("params", "dyn");
  registerRegex(env, renamed);
  registerStrings(env, renamed);
  registerLists(env, renamed);
  registerKubernetesTypes(env);
  registerTime(env);
  registerComprehensionHelpers(env);
  meter(env);
  return env;
}
function declaredOverloads() {
  if (overloads === void 0) {
    overloads = /* @__PURE__ */ new Map();
    for (const f of celEnvironments().expressions.getDefinitions().functions) {
      const name = f.name.replace(/^k8s_/, "");
      if (f.name.startsWith("preadmit_")) continue;
      const list2 = overloads.get(name) ?? [];
      list2.push({ receiver: f.receiverType ?? null, params: (f.params ?? []).map((p) => String(p.type)) });
      overloads.set(name, list2);
    }
  }
  return overloads;
}
function declaredFunctions() {
  functionNames ??= new Set(celEnvironments().expressions.getDefinitions().functions.map((f) => f.name));
  return functionNames;
}
function celEnvironments() {
  environments ??= { variables: newEnvironment(true), expressions: newEnvironment(false) };
  return environments;
}
function isNode2(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string" && "args" in v;
}
function renameOverrides(ast) {
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (v) => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x);
      return;
    }
    if (isNode2(v)) {
      const args = v.args;
      if ((v.op === "call" || v.op === "rcall") && Array.isArray(args) && typeof args[0] === "string" && OVERRIDES.has(args[0])) {
        args[0] = renamed(args[0]);
      }
      visit2(args);
      return;
    }
    for (const x of Object.values(v)) if (isNode2(x) || Array.isArray(x)) visit2(x);
  };
  visit2(ast);
}
var OVERRIDES, renamed, ROOTS, CONSTANTS, environments, functionNames, overloads;
var init_env = __esm({
  "src/cel/env.ts"() {
    "use strict";
    init_lists();
    init_regex();
    init_strings2();
    init_kubernetes();
    init_time();
    init_budget();
    init_comprehensions();
    init_errors();
    init_equality();
    OVERRIDES = /* @__PURE__ */ new Set([...REGEX_OVERRIDES, ...STRINGS_OVERRIDES]);
    renamed = (name) => `k8s_${name}`;
    ROOTS = ["object", "oldObject", "request", "namespaceObject", "variables"];
    CONSTANTS = ["optional", "sets", "strings", "lists", "format", "ip", "cel"];
  }
});

// src/cel/engine.ts
function compileCel(source2) {
  const key = JSON.stringify(source2);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const { variables, expressions } = celEnvironments();
  const allVariables = [...BUILTIN_VARIABLES, ...source2.variables];
  const names = allVariables.map((v) => v.name);
  variableTypes = /* @__PURE__ */ new Map();
  const compiled = {
    source: source2,
    // A variable sees the ones declared before it; the other expressions see them all.
    variables: allVariables.map((v, i) => {
      const c = compile2(variables, v.expression, "any", names.slice(0, i));
      if (c.type !== void 0) variableTypes.set(v.name, c.type);
      return { name: v.name, ...c };
    }),
    matchConditions: source2.matchConditions.map((m) => compile2(expressions, m.expression, "bool", names)),
    validations: source2.validations.map((validation) => ({
      validation,
      condition: compile2(expressions, validation.expression, "bool", names),
      message: validation.messageExpression !== "" ? compile2(expressions, validation.messageExpression, "string", names) : void 0
    }))
  };
  if (compiledCache.size >= 500) compiledCache.delete(compiledCache.keys().next().value);
  compiledCache.set(key, compiled);
  return compiled;
}
function compile2(env, expression, want2, visibleVariables) {
  if (expression === "") return { expression, error: `compilation failed: ERROR: <input>:1:0: ${OPERAND_EXPECTED}` };
  try {
    const original = env.parse(expression);
    const issues = staticIssue(original.ast, expression, visibleVariables, env.hasVariable("params") ? [...ROOTS, "params", ...CONSTANTS] : [...ROOTS, ...CONSTANTS]);
    const rewritten = rewriteTwoVarComprehensions(env, expression);
    const parsed2 = rewritten === expression ? original : env.parse(rewritten);
    if (issues !== void 0) return { expression, error: `compilation failed: ${issues.map((i) => issueText(expression, i.offset, i.message)).join("\n")}` };
    renameOverrides(parsed2.ast);
    const checked = parsed2.check();
    if (!checked.valid) return { expression, error: `compilation failed: ${compileErrorText(checked.error, expression)}` };
    const printed = checked.type === "list" ? "list<dyn>" : checked.type === "map" ? "map<dyn, dyn>" : checked.type ?? "dyn";
    const type = printed === "null" ? "null_type" : celTypeNames(printed);
    if (want2 !== "any" && type !== want2 && (type !== "dyn" || literalType(original.ast) === "dyn")) {
      return { expression, error: `must evaluate to ${want2} but got ${type}` };
    }
    return { expression, program: parsed2, type };
  } catch (e) {
    return { expression, error: `compilation failed: ${compileErrorText(e, expression)}` };
  }
}
function compileErrorText(e, expression) {
  const err = e;
  let message2 = firstLine2(err?.message ?? String(e));
  if (message2 === "Unexpected token: EOF" && /(?:[-+*/%<>!=]=?|&&|\|\||\?|:|\bin)\s*$/.test(expression)) message2 = OPERAND_EXPECTED;
  const unknown = /^Unknown variable: (.*)$/.exec(message2);
  if (unknown) message2 = `undeclared reference to '${unknown[1]}' (in container '')`;
  const mixed = /^(?:List elements must have the same type|Map (?:key|value) uses wrong type), (expected type '.*' but found '.*')$/.exec(message2);
  if (mixed) message2 = celTypeNames(mixed[1]);
  let offset = err?.node?.start ?? err?.node?.pos ?? 0;
  const overload = /^found no matching overload for '(?:(.+)\.)?([A-Za-z_][A-Za-z0-9_]*)\((.*)\)'$/.exec(message2);
  if (overload) {
    const [, receiver, name, args] = overload;
    message2 = `found no matching overload for '${name}' applied to '${receiver !== void 0 ? `${receiver}.` : ""}(${args})'`;
    const at2 = expression.indexOf(`${name}(`, offset);
    if (at2 >= 0) offset = at2 + name.length;
  }
  const operator = /^no such overload: (.+) (==|!=|\+|-|\*|\/|%|<=|>=|<|>|in) (.+)$/.exec(message2);
  if (operator) {
    const [, left, op, right] = operator;
    message2 = `found no matching overload for '${op === "in" ? "@in" : `_${op}_`}' applied to '(${celTypeNames(left)}, ${celTypeNames(right)})'`;
    const lhs = Array.isArray(err?.node?.args) ? err.node.args[0] : void 0;
    if (lhs?.end !== void 0) {
      const at2 = expression.indexOf(op, lhs.end);
      if (at2 >= 0) offset = at2;
    }
  }
  return issueText(expression, offset, message2 === OPERAND_EXPECTED ? message2 : lowerFirst(message2));
}
function issueText(expression, offset, message2) {
  const before = expression.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - (before.lastIndexOf("\n") + 1);
  const text = expression.split("\n")[line - 1] ?? "";
  return `ERROR: <input>:${line}:${col + 1}: ${message2}
 | ${text}
 | ${".".repeat(col)}^`;
}
function staticIssue(ast, expression, visibleVariables, roots) {
  const declared = declaredFunctions();
  const exempt = /* @__PURE__ */ new Set();
  const mixedLiteral = (node) => {
    if (exempt.has(node)) return void 0;
    const items = node.op === "list" ? node.args : node.args.map((kv) => kv[1]);
    const keys = node.op === "map" ? node.args.map((kv) => kv[0]) : [];
    for (const group of [keys, items]) {
      let first;
      for (const item of group) {
        const t = literalType(item);
        if (t === void 0) continue;
        if (first === void 0) first = t;
        else if (t !== first) return { offset: item.pos, message: `expected type '${first}' but found '${t}'` };
      }
    }
    return void 0;
  };
  let found;
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (v, inHas, scope = /* @__PURE__ */ new Set()) => {
    if (found !== void 0 || typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit2(x, inHas, scope);
      return;
    }
    const node = v;
    if (typeof node.op !== "string") return;
    const args = node.args;
    if ((node.op === "call" || node.op === "rcall") && Array.isArray(args)) {
      const name = args[0];
      const callArgs = node.op === "rcall" ? args[2] : args[1];
      if (name === "has" && node.op === "call") {
        visit2(callArgs, node.pos + 3, scope);
        return;
      }
      const receiver = node.op === "rcall" ? args[1] : void 0;
      if (name === "bind" && receiver?.op === "id" && receiver.args === "cel") {
        found = { offset: receiver.pos, message: "undeclared reference to 'cel' (in container '')" };
        return;
      }
      const namespaced = typeof name === "string" && namespacedOnly(name) && !(receiver?.op === "id" && CONSTANTS.includes(receiver.args));
      if (typeof name === "string" && (!declared.has(name) && !declared.has(`k8s_${name}`) && !TWO_VARIABLE_ONLY.has(name) || namespaced)) {
        const paren = expression.indexOf("(", expression.indexOf(name, node.pos) + name.length);
        const issue = { offset: paren >= 0 ? paren : node.pos, message: `undeclared reference to '${name}' (in container '')` };
        const undeclaredReceiver = receiver?.op === "id" && typeof receiver.args === "string" && !roots.includes(receiver.args) && !scope.has(receiver.args);
        found = undeclaredReceiver ? [{ offset: receiver.pos, message: `undeclared reference to '${receiver.args}' (in container '')` }, issue] : issue;
        return;
      }
      if (typeof name === "string" && Array.isArray(callArgs)) {
        const mismatch = overloadMismatch(name, node.op === "rcall" ? receiver : void 0, node.op === "rcall", callArgs);
        if (mismatch !== void 0) {
          const paren = expression.indexOf("(", expression.indexOf(name, node.pos) + name.length);
          found = { offset: paren >= 0 ? paren : node.pos, message: mismatch };
          return;
        }
      }
      if (typeof name === "string" && REGEX_FUNCTIONS.has(name) && Array.isArray(callArgs)) {
        const pattern = callArgs[node.op === "rcall" ? 0 : 1];
        if (pattern?.op === "value" && typeof pattern.args === "string") {
          const r = compileGoRegexp(pattern.args);
          if ("error" in r) found = { offset: pattern.pos, message: `invalid ${name} argument` };
        }
      }
    }
    if (node.op === "list" || node.op === "map") {
      const mixed = mixedLiteral(node);
      if (mixed) {
        found = mixed;
        return;
      }
    }
    if ((node.op === "call" || node.op === "rcall") && Array.isArray(args) && args[0] === "format") {
      const callArgs = node.op === "rcall" ? args[2] : args[1];
      const mark = (n) => {
        if (!isAstNode(n) || exempt.has(n)) return;
        exempt.add(n);
        if (n.op === "list") for (const x of n.args) mark(x);
        if (n.op === "map") for (const kv of n.args) kv.forEach(mark);
      };
      for (const a of callArgs ?? []) mark(a);
    }
    if (node.op === "[]" && Array.isArray(args) && typedPath(args[0]) === "variables") {
      const base = args[0];
      const bracket = expression.indexOf("[", base.end ?? node.pos);
      found = { offset: bracket >= 0 ? bracket : node.pos, message: `found no matching overload for '_[_]' applied to '(kubernetes.variables, ${literalType(args[1]) ?? "dyn"})'` };
      return;
    }
    if (node.op === "." && Array.isArray(args) && typeof args[1] === "string") {
      const type = typedPath(args[0]);
      const fields = type === "variables" ? visibleVariables : type !== void 0 ? REQUEST_TYPES[type] : void 0;
      if (fields !== void 0 && !fields.includes(args[1])) {
        found = { offset: inHas ?? node.pos - 1, message: `undefined field '${args[1]}'` };
        return;
      }
    }
    if (node.op === "rcall" && Array.isArray(args) && typeof args[0] === "string" && Array.isArray(args[2])) {
      const callArgs = args[2];
      const bound = new Set(scope);
      if (ITERATION_MACROS.has(args[0]) && callArgs[0]?.op === "id") {
        bound.add(callArgs[0].args);
        if (callArgs.length >= 3 && TWO_VARIABLE_FORMS.has(args[0]) && callArgs[1]?.op === "id") bound.add(callArgs[1].args);
      }
      visit2(args[1], void 0, scope);
      visit2(callArgs, void 0, bound);
      return;
    }
    if (Array.isArray(args) || typeof args === "object" && args !== null && typeof args.op === "string") visit2(args, void 0, scope);
    else if (typeof args === "object" && args !== null) for (const x of Object.values(args)) visit2(x, void 0, scope);
  };
  visit2(ast, void 0);
  if (found === void 0) return void 0;
  return Array.isArray(found) ? found : [found];
}
function namespacedOnly(name) {
  const overloads2 = declaredOverloads().get(name);
  return overloads2 !== void 0 && overloads2.length > 0 && overloads2.every((o) => o.receiver !== null && /Namespace$/.test(o.receiver));
}
function isAstNode(v) {
  return typeof v === "object" && v !== null && typeof v.op === "string";
}
function overloadMismatch(name, receiver, member, args) {
  const overloads2 = declaredOverloads().get(name);
  if (overloads2 === void 0 || overloads2.some((o) => o.params.includes("ast"))) return void 0;
  const argTypes = args.map(literalType);
  if (argTypes.some((t) => t === void 0)) return void 0;
  const receiverType = member ? literalType(receiver) : null;
  if (receiverType === void 0) return void 0;
  const fits = overloads2.some(
    (o) => o.receiver !== null === member && o.params.length === argTypes.length && o.params.every((p, i) => accepts(p, argTypes[i])) && (!member || accepts(o.receiver, receiverType))
  );
  if (fits) return void 0;
  return `found no matching overload for '${name}' applied to '${member ? `${receiverType}.` : ""}(${argTypes.join(", ")})'`;
}
function accepts(param, arg) {
  if (param === "dyn" || arg === "dyn" || /^[A-Z]$/.test(param) || param === arg) return true;
  const kind = (t) => /^(list|map|optional)\b/.exec(t)?.[1] ?? t;
  return kind(param) === kind(arg) && (param.includes("dyn") || arg.includes("dyn") || /<[A-Z]>/.test(param) || celTypeNames(param) === arg);
}
function literalType(node) {
  if (node === void 0) return void 0;
  switch (node.op) {
    case "value": {
      const v = node.args;
      if (typeof v === "bigint") return "int";
      if (typeof v === "number") return "double";
      if (typeof v === "string") return "string";
      if (typeof v === "boolean") return "bool";
      if (v === null) return "null_type";
      if (v instanceof Uint8Array) return "bytes";
      return void 0;
    }
    case "id":
      return node.args === "object" || node.args === "oldObject" || node.args === "namespaceObject" || node.args === "params" ? "dyn" : void 0;
    case "[]":
      return literalType(node.args[0]) === "dyn" ? "dyn" : void 0;
    case ".": {
      const [base, field3] = node.args;
      if (typedPath(base) === "variables") return variableTypes.get(field3);
      return typedPath(node) === void 0 && typedPath(base) === void 0 && literalType(base) === "dyn" ? "dyn" : void 0;
    }
    case "?:": {
      const [, a, b] = node.args;
      const ta = literalType(a);
      const tb = literalType(b);
      if (ta === void 0 || tb === void 0) return void 0;
      return ta === tb ? ta : ta === "dyn" || tb === "dyn" ? "dyn" : void 0;
    }
    case "list": {
      const types = node.args.map(literalType);
      if (types.length === 0) return void 0;
      return types.every((t) => t !== void 0 && t === types[0]) ? `list(${types[0]})` : void 0;
    }
    default:
      return void 0;
  }
}
function typedPath(v) {
  const node = v;
  if (node?.op === "id" && node.args === "request") return "request";
  if (node?.op === "id" && node.args === "variables") return "variables";
  if (node?.op === "." && Array.isArray(node.args) && node.args.length === 2) {
    const parent = typedPath(node.args[0]);
    if (parent === "request") return `request.${String(node.args[1])}`;
  }
  return void 0;
}
function celTypeNames(s2) {
  let out = s2;
  for (let i = 0; i < 5 && /<[^<>]*>/.test(out); i++) out = out.replace(/<([^<>]*)>/g, "($1)");
  return out;
}
function firstLine2(s2) {
  return s2.split("\n")[0].trim();
}
function lowerFirst(s2) {
  return s2.length > 0 ? s2[0].toLowerCase() + s2.slice(1) : s2;
}
function evalErrorText(e) {
  if (e instanceof CelLibraryError) return e.message;
  const message2 = firstLine2(e?.message ?? String(e));
  const index = /^No such key: index out of bounds, index (-?\d+)/.exec(message2);
  if (index) return `index out of bounds: ${index[1]}`;
  const noKey = /^No such key: (.*)$/.exec(message2);
  if (noKey) return `no such key: ${noKey[1]}`;
  if (/^no such overload\b/i.test(message2)) return "no such overload";
  const conversion = /^(int|uint|double)\(\) type error: cannot convert to \1$/.exec(message2);
  if (conversion) return `type conversion error from 'string' to '${conversion[1]}'`;
  if (/^invalid duration string/i.test(message2)) return "type conversion error from 'string' to 'google.protobuf.Duration'";
  if (/^timestamp\(\) requires a string/i.test(message2)) return "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  if (/^integer overflow\b/.test(message2)) return "integer overflow";
  if (message2 === "modulo by zero") return "modulus by zero";
  if (message2 === "Optional value is not present") return "optional.none() dereference";
  const range2 = /^Expression of type '([^']+)' cannot be range of a comprehension/.exec(message2);
  if (range2) return `got '${GO_TYPE_NAMES[range2[1]] ?? range2[1]}', expected iterable type`;
  const call = /^found no matching overload for '(?:[^']*\.)?([A-Za-z_][A-Za-z0-9_]*)\(.*\)'$/.exec(message2);
  if (call) return `no such overload: ${call[1].replace(/^k8s_/, "")}`;
  return lowerFirst(message2.replace(/dyn<([^>]+)>/g, "$1"));
}
function validateCel(compiled, inputs) {
  const fail = compiled.source.failurePolicy !== "Ignore";
  const onError = (message2) => fail ? [{ message: message2 }] : [];
  try {
    const base = reviewBindings(inputs);
    const params = paramsValue(inputs.params, inputs.numbers ?? "int");
    if (compiled.matchConditions.length > 0) {
      const ctx = { ...base, namespaceObject: null, variables: lazyVariables(compiled, { ...base, namespaceObject: null }, params) };
      const run2 = withBudget(MATCH_CONDITION_BUDGET, DEADLINE_MS, () => {
        const errors = [];
        for (const m of compiled.matchConditions) {
          const r = evaluate(m, ctx);
          if ("error" in r) errors.push(r.error);
          else if (r.value === false) return { matches: false, errors: [] };
        }
        return { matches: true, errors };
      });
      if (run2.exhausted) return onError(OUT_OF_BUDGET);
      if (!run2.value.matches) return [];
      if (run2.value.errors.length > 0) {
        return onError(run2.value.errors.length === 1 ? run2.value.errors[0] : `[${run2.value.errors.join(", ")}]`);
      }
    }
    const validationCtx = { ...base, variables: lazyVariables(compiled, base, params) };
    const run = withBudget(COST_BUDGET, DEADLINE_MS, () => compiled.validations.map((v) => evaluate(v.condition, validationCtx)));
    if (run.exhausted) return onError(OUT_OF_BUDGET);
    const messageCtx = { ...base, variables: lazyVariables(compiled, base, params) };
    const decisions = [];
    compiled.validations.forEach((v, i) => {
      const r = run.value[i];
      if ("error" in r) {
        if (fail) decisions.push({ message: r.error });
        return;
      }
      if (r.value === true) return;
      let message2 = "";
      if (v.message !== void 0) {
        const m = withBudget(COST_BUDGET, DEADLINE_MS, () => evaluate(v.message, messageCtx));
        if (m.exhausted) {
          if (fail) decisions.push({ message: `failed messageExpression: ${OUT_OF_BUDGET}` });
          return;
        }
        if ("value" in m.value && typeof m.value.value === "string") {
          message2 = m.value.value.trim();
          if (message2.length > 5 * 1024 || message2.includes("\n")) message2 = "";
        }
      }
      if (message2 === "" && v.validation.message.length > 0) message2 = v.validation.message.trim();
      if (message2 === "") message2 = `failed expression: ${v.validation.expression.trim()}`;
      decisions.push({ message: message2 });
    });
    return decisions;
  } catch (e) {
    return onError(`internal error evaluating CEL: ${e instanceof Error ? e.message : String(e)}`);
  }
}
function paramsValue(params, numbers) {
  if (params === null || typeof params !== "object") return toCel(params, numbers);
  let byMode = paramsMemo.get(params);
  if (byMode === void 0) paramsMemo.set(params, byMode = {});
  if (!(numbers in byMode)) byMode[numbers] = toCel(params, numbers);
  return byMode[numbers];
}
function reviewBindings(inputs) {
  const key = [inputs.object, inputs.oldObject, inputs.request, inputs.namespaceObject];
  if (lastReview !== void 0 && key.every((k, i) => k === lastReview.key[i])) return lastReview.value;
  const value = {
    object: toCel(inputs.object),
    oldObject: toCel(inputs.oldObject),
    request: toCel(inputs.request),
    namespaceObject: toCel(inputs.namespaceObject)
  };
  lastReview = { key, value };
  return value;
}
function evaluate(c, ctx) {
  if (c.error !== void 0) return { error: `compilation error: ${c.error}` };
  try {
    return { value: c.program(ctx) };
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    return { error: `expression '${c.expression}' resulted in error: ${evalErrorText(e)}` };
  }
}
function lazyVariables(compiled, base, params) {
  const variables = {};
  const ctx = { ...base, params, variables };
  for (const v of compiled.variables) {
    let state;
    Object.defineProperty(variables, v.name, {
      enumerable: true,
      configurable: true,
      get() {
        if (state === void 0) {
          if (v.error !== void 0) {
            state = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to compile: ${v.error}`) };
          } else {
            try {
              state = { value: v.program(ctx) };
            } catch (e) {
              if (e instanceof BudgetExceeded) throw e;
              state = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to evaluate: ${evalErrorText(e)}`) };
            }
          }
        }
        if ("error" in state) throw state.error;
        return state.value;
      }
    });
  }
  return variables;
}
var variableTypes, BUILTIN_VARIABLES, COST_BUDGET, MATCH_CONDITION_BUDGET, DEADLINE_MS, OUT_OF_BUDGET, compiledCache, OPERAND_EXPECTED, ITERATION_MACROS, TWO_VARIABLE_FORMS, REGEX_FUNCTIONS, GVK, GVR, REQUEST_TYPES, GO_TYPE_NAMES, paramsMemo, lastReview;
var init_engine = __esm({
  "src/cel/engine.ts"() {
    "use strict";
    init_budget();
    init_env();
    init_errors();
    init_values();
    init_regexp();
    init_comprehensions();
    variableTypes = /* @__PURE__ */ new Map();
    BUILTIN_VARIABLES = [
      { name: "anyObject", expression: 'has(request.operation) && request.operation == "DELETE" && object == null ? oldObject : object' },
      { name: "params", expression: "!has(params.spec) ? null : !has(params.spec.parameters) ? null: params.spec.parameters" }
    ];
    COST_BUDGET = 1e6;
    MATCH_CONDITION_BUDGET = 1e6;
    DEADLINE_MS = 2e3;
    OUT_OF_BUDGET = "validation failed due to running out of cost budget, no further validation rules will be run";
    compiledCache = /* @__PURE__ */ new Map();
    OPERAND_EXPECTED = "Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
    ITERATION_MACROS = /* @__PURE__ */ new Set(["all", "exists", "exists_one", "existsOne", "map", "filter", "transformList", "transformMap", "transformMapEntry"]);
    TWO_VARIABLE_FORMS = /* @__PURE__ */ new Set(["all", "exists", "existsOne", "transformList", "transformMap", "transformMapEntry"]);
    REGEX_FUNCTIONS = /* @__PURE__ */ new Set(["matches", "find", "findAll"]);
    GVK = ["group", "version", "kind"];
    GVR = ["group", "version", "resource"];
    REQUEST_TYPES = {
      request: ["kind", "resource", "subResource", "requestKind", "requestResource", "requestSubResource", "name", "namespace", "operation", "userInfo", "dryRun", "options"],
      "request.kind": GVK,
      "request.requestKind": GVK,
      "request.resource": GVR,
      "request.requestResource": GVR,
      "request.userInfo": ["username", "uid", "groups", "extra"]
    };
    GO_TYPE_NAMES = {
      int: "types.Int",
      uint: "types.Uint",
      double: "types.Double",
      string: "types.String",
      bool: "types.Bool",
      bytes: "types.Bytes",
      null: "types.Null",
      null_type: "types.Null"
    };
    paramsMemo = /* @__PURE__ */ new WeakMap();
  }
});

// src/engine/client.ts
function celReviewInputs(review) {
  let inputs = celInputsMemo.get(review);
  if (inputs === void 0) {
    inputs = {
      request: celRequest(review),
      // What the review carries as its namespaceObject (Rego's too): none in gator and audit.
      namespaceObject: Object.keys(review.namespaceObject).length === 0 ? null : celNamespaceObject(review.namespaceObject)
    };
    celInputsMemo.set(review, inputs);
  }
  return inputs;
}
function celRequest(review) {
  const r = review.request;
  const gvk = isJsonObject(r.kind) ? r.kind : { group: "", version: "", kind: "" };
  const gvr = isJsonObject(r.resource) ? r.resource : { group: "", version: "", resource: "" };
  const out = {
    kind: { group: gvk.group ?? "", version: gvk.version ?? "", kind: gvk.kind ?? "" },
    resource: { group: gvr.group ?? "", version: gvr.version ?? "", resource: gvr.resource ?? "" },
    requestKind: { group: gvk.group ?? "", version: gvk.version ?? "", kind: gvk.kind ?? "" },
    requestResource: { group: gvr.group ?? "", version: gvr.version ?? "", resource: gvr.resource ?? "" }
  };
  if (typeof r.subResource === "string" && r.subResource !== "") {
    out.subResource = r.subResource;
    out.requestSubResource = r.subResource;
  }
  if (typeof r.name === "string" && r.name !== "") out.name = r.name;
  if (typeof r.namespace === "string" && r.namespace !== "") out.namespace = r.namespace;
  out.operation = ["CREATE", "UPDATE", "DELETE", "CONNECT"].includes(review.operation) ? review.operation : "";
  const user = isJsonObject(r.userInfo) ? r.userInfo : {};
  const userInfo = {};
  for (const key of ["username", "uid", "groups", "extra"]) {
    const v = user[key];
    if (v === void 0 || v === null || v === "" || Array.isArray(v) && v.length === 0 || isJsonObject(v) && Object.keys(v).length === 0) continue;
    userInfo[key] = v;
  }
  out.userInfo = userInfo;
  out.dryRun = r.dryRun === true;
  out.options = isJsonObject(r.options) ? r.options : null;
  return out;
}
function celNamespaceObject(ns) {
  const meta = isJsonObject(ns.metadata) ? ns.metadata : {};
  const keep = ["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "finalizers"];
  const metadata2 = {};
  for (const k of keep) if (meta[k] !== void 0) metadata2[k] = meta[k];
  if (metadata2.creationTimestamp === void 0) metadata2.creationTimestamp = null;
  const out = { metadata: metadata2, spec: isJsonObject(ns.spec) ? ns.spec : {}, status: isJsonObject(ns.status) ? ns.status : {} };
  return out;
}
function isJsonObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function parseTemplateMemo(s2, cel) {
  const key = `${cel}:${s2.source.file}:${s2.source.startLine}:${s2.source.endLine}:${JSON.stringify(s2.object)}`;
  let r = parsedTemplates.get(key);
  if (!r) {
    r = parseTemplate(s2, { cel });
    if (parsedTemplates.size >= 2e3) parsedTemplates.delete(parsedTemplates.keys().next().value);
    parsedTemplates.set(key, r);
  }
  return r;
}
function operationMatches(operations, operation) {
  if (operations.length === 0) return true;
  return operations.some((o) => o === "*" || o === operation);
}
function compareResults(a, b) {
  return goCompare(a.constraint.kind, b.constraint.kind) || goCompare(a.constraint.name, b.constraint.name) || goCompare(a.msg, b.msg);
}
var TARGET, INVENTORY_REF, PolicyClient, REVIEW_BATCH, celInputsMemo, parsedTemplates;
var init_client = __esm({
  "src/engine/client.ts"() {
    "use strict";
    init_classify();
    init_strings();
    init_constraint();
    init_enforcement();
    init_go_json();
    init_inventory();
    init_match();
    init_review();
    init_template();
    init_compile();
    init_abort();
    init_eval_errors();
    init_hook();
    init_engine();
    TARGET = "admission.k8s.gatekeeper.sh";
    INVENTORY_REF = /\bdata\s*(?:\.\s*inventory\b|\[\s*"inventory"\s*\])/;
    PolicyClient = class _PolicyClient {
      constructor(options) {
        this.options = options;
        options.pool.setData(this.dataId, '{"inventory":{"cluster":{},"namespace":{}}}');
      }
      options;
      errors = [];
      templates = /* @__PURE__ */ new Map();
      /**
       * Errors that stop a review in Gatekeeper (gator exits with them) instead of becoming a result, e.g. a
       * violation whose `msg` is not a string. Callers report them and exit 1.
       */
      reviewErrors = [];
      /** Constraints by kind, in insertion order; a later one with the same name replaces the earlier. */
      constraints = /* @__PURE__ */ new Map();
      namespaces = /* @__PURE__ */ new Map();
      dataId = "empty";
      static dataSeq = 0;
      /** Parses, validates and compiles templates. Failures become errors; the rest are usable. */
      async addTemplates(sourced) {
        const errors = [];
        const parsed2 = [];
        for (const s2 of sourced) {
          const r = parseTemplateMemo(s2, this.options.celEnabled ?? true);
          if ("error" in r) errors.push(r.error);
          else if (r.template.cel !== void 0) {
            this.templates.set(r.template.kind, { template: r.template, cel: compileCel(r.template.cel), readsInventory: false });
          } else parsed2.push(r.template);
        }
        const outcomes = await this.options.compiler.compile(parsed2.map((t) => ({ key: t.kind, code: t.rego })));
        for (const template2 of parsed2) {
          const outcome = outcomes.get(template2.kind);
          if (!outcome || "error" in outcome) {
            errors.push({
              kind: "compile",
              message: `${template2.source.file}:${template2.source.startLine}: ConstraintTemplate ${JSON.stringify(template2.name)}: ${outcome && "error" in outcome ? outcome.error : "not compiled"}`,
              source: template2.source
            });
            continue;
          }
          this.options.pool.addModule(outcome.module.id, outcome.module.wasm);
          const code2 = template2.rego;
          this.templates.set(template2.kind, { template: template2, compiled: outcome, readsInventory: [code2.rego, ...code2.libs].some((t) => INVENTORY_REF.test(t)) });
        }
        this.errors.push(...errors);
        return errors;
      }
      /** The wasm of a module this client's templates use: the pool asks for it again after letting it go. */
      moduleBytes = (id2) => {
        for (const t of this.templates.values()) if (t.compiled?.module.id === id2) return t.compiled.module.wasm;
        return void 0;
      };
      /** The template of a kind, if one was added successfully. */
      templateFor(kind) {
        return this.templates.get(kind)?.template;
      }
      /** Validates constraints against their templates; each bad one is an error naming its file and line. */
      addConstraints(sourced) {
        const failures = [];
        for (const s2 of sourced) {
          const r = this.addConstraint(s2);
          if (r) failures.push(r);
        }
        this.errors.push(...failures.map((f) => f.error));
        return failures;
      }
      addConstraint(s2) {
        const kind = gvkOf(s2.object).kind;
        const loaded = this.templates.get(kind);
        if (!loaded) {
          return {
            error: {
              kind: "constraint",
              message: `${s2.source.file}:${s2.source.startLine}: constraint ${JSON.stringify(nameOf(s2.object))} of kind ${kind}: no ConstraintTemplate defines this kind (or its template failed to load)`,
              source: s2.source
            },
            schemaError: false
          };
        }
        const r = parseConstraint(s2, {
          kind: loaded.template.kind,
          parametersSchema: loaded.template.parametersSchema,
          legacySchema: loaded.template.legacySchema
        });
        if ("error" in r) return r;
        let byName = this.constraints.get(kind);
        if (!byName) this.constraints.set(kind, byName = /* @__PURE__ */ new Map());
        byName.set(r.constraint.name, r.constraint);
        return void 0;
      }
      get constraintList() {
        return [...this.constraints.values()].flatMap((m) => [...m.values()]);
      }
      /**
       * Replaces `data.inventory` with `objects` and the Namespace cache with the Namespaces among `namespaces`
       * (by default the same objects). The inventory document is built when a template that reads it is first
       * evaluated, not before.
       */
      setData(objects, namespaces = objects) {
        this.dispose();
        this.namespaces = /* @__PURE__ */ new Map();
        for (const o of namespaces) if (isNamespace(gvkOf(o))) this.namespaces.set(nameOf(o), o);
        this.dataId = `data-${++_PolicyClient.dataSeq}`;
        this.pendingInventory = objects;
      }
      pendingInventory;
      /** The id of this client's data document, sent to the pool on first use. */
      inventoryDataId() {
        if (this.pendingInventory !== void 0) {
          this.options.pool.setData(this.dataId, `{"inventory":${inventoryJson(buildInventory(this.pendingInventory))}}`);
          this.pendingInventory = void 0;
        }
        return this.dataId;
      }
      /** Releases this client's data document in the pool; the client can be given new data afterwards. */
      dispose() {
        if (this.dataId !== "empty") this.options.pool.dropData(this.dataId);
        this.dataId = "empty";
        this.pendingInventory = void 0;
      }
      /** The Namespace the cluster (or gator's cache) knows by this name. */
      namespaceNamed(name) {
        return this.namespaces.get(name);
      }
      /**
       * Reviews each review against every constraint; results per review, sorted as Gatekeeper sorts them.
       *
       * Reviews go to the evaluation pool in batches, each as soon as it is matched: the workers evaluate while this
       * thread matches the next batch. Batches are read back in order, so results and errors come out as if the
       * reviews had been evaluated at once.
       */
      async review(reviews) {
        const results = reviews.map(() => []);
        const dispatchInputs = /* @__PURE__ */ new Map();
        let read = Promise.resolve();
        for (let start = 0; start < reviews.length; start += REVIEW_BATCH) {
          if (this.options.signal?.aborted) {
            read.catch(() => void 0);
            throwIfAborted(this.options.signal);
          }
          const evaluated = this.evaluateBatch(reviews, start, Math.min(reviews.length, start + REVIEW_BATCH), results, dispatchInputs);
          read = read.then(async () => this.readBatch(await evaluated, results));
          evaluated.catch(() => {
          });
          if (start + REVIEW_BATCH < reviews.length) await new Promise((resolve2) => setImmediate(resolve2));
        }
        await read;
        for (const r of results) r.sort(compareResults);
        return results;
      }
      /** Matches reviews [from, to) (CEL templates evaluated here) and starts their Rego evaluations. */
      evaluateBatch(reviews, from, to, results, dispatchInputs) {
        const reviewJson = [];
        const items = [];
        const owners = [];
        const dispatchInput = (group) => {
          const id2 = group.map((k) => k.constraints.map(({ constraint }) => this.constraintSeq(constraint)).join(",")).join(";");
          let text = dispatchInputs.get(id2);
          if (text !== void 0) return text;
          const perPackage = /* @__PURE__ */ new Map();
          let key = 0;
          for (const k of group) {
            const pid = packageIdOfEntrypoint(k.loaded.compiled.entrypoint);
            const list2 = perPackage.get(pid) ?? [];
            for (const { constraint } of k.constraints) list2.push(`{"key":${key++},"parameters":${this.parametersJson(constraint)}}`);
            perPackage.set(pid, list2);
          }
          text = `"kinds":{${[...perPackage].map(([pid, cs]) => `${JSON.stringify(pid)}:[${cs.join(",")}]`).join(",")}}`;
          dispatchInputs.set(id2, text);
          return text;
        };
        for (let ri = from; ri < to; ri++) {
          const review = reviews[ri];
          const local = reviewJson.push(reviewInputJson(review)) - 1;
          const kinds = this.matchReview(review, results[ri]);
          const byModule = /* @__PURE__ */ new Map();
          for (const k of kinds) {
            if (k.loaded.cel !== void 0) {
              this.reviewCel(review, k.loaded.cel, k.constraints, results[ri]);
              continue;
            }
            const rego = k;
            const list2 = byModule.get(rego.loaded.compiled.module.id) ?? [];
            list2.push(rego);
            byModule.set(rego.loaded.compiled.module.id, list2);
          }
          for (const [moduleId, group] of byModule) {
            items.push({ moduleId, entrypoint: DISPATCH_ENTRYPOINT, dataId: this.dataFor(group), review: local, inputRest: dispatchInput(group) });
            owners.push({ review: ri, local, kinds: group });
          }
        }
        return this.options.pool.run(items, reviewJson, this.moduleBytes, this.options.signal).then((outcomes) => ({ outcomes, owners, reviewJson }));
      }
      /** Adds a batch's results to `results`; evaluations that failed are done again kind by kind. */
      async readBatch({ outcomes, owners, reviewJson }, results) {
        const retry2 = [];
        outcomes.forEach((o, i) => {
          const owner = owners[i];
          const read = "result" in o ? readDispatchResults(o.result) : { error: o.error };
          if ("error" in read) {
            for (const kind of owner.kinds) retry2.push({ review: owner.review, local: owner.local, kind });
            return;
          }
          const flat = owner.kinds.flatMap((k) => k.constraints);
          for (const r of read.results) {
            const owned = flat[r.key];
            if (owned) results[owner.review].push({ target: TARGET, msg: r.msg, details: r.details, constraint: owned.constraint, ...owned.action });
          }
        });
        if (retry2.length > 0) await this.reviewKindByKind(retry2, reviewJson, results);
      }
      /**
       * A CEL template's constraints on one review, as Gatekeeper's k8scel driver evaluates them: the whole
       * constraint is the policy's params; each Deny decision is one result, without details.
       */
      reviewCel(review, cel, constraints, out) {
        const { request, namespaceObject } = celReviewInputs(review);
        const object = review.operation === "DELETE" ? null : review.object;
        for (const { constraint, action } of constraints) {
          const decisions = validateCel(cel, {
            object,
            oldObject: review.oldObject,
            request,
            namespaceObject,
            params: constraint.object,
            numbers: this.options.parameterNumbers === "float" ? "double" : "int"
          });
          for (const d of decisions) out.push({ target: TARGET, msg: d.message, details: void 0, constraint, ...action });
        }
      }
      /** Matching: the constraints each kind's template evaluates for this review; autorejections go to `out`. */
      matchReview(review, out) {
        const ep = this.options.enforcementPoint;
        const kinds = [];
        const target = { object: review.object, oldObject: review.oldObject, namespace: review.namespace, source: review.source, namespaceLookup: this.namespaceLookup };
        for (const [kind, byName] of this.constraints) {
          const loaded = this.templates.get(kind);
          if (!loaded) continue;
          if (ep === "validation.gatekeeper.sh" && !operationMatches(loaded.template.operations, review.operation)) continue;
          const matched = [];
          for (const constraint of byName.values()) {
            const action = this.actionOf(constraint);
            if (action === void 0) continue;
            const m = matchConstraint(constraint.match, target);
            if ("error" in m) {
              out.push({ target: TARGET, msg: m.autorejectMessage ?? `unable to match constraints: ${m.error}`, details: void 0, constraint, ...action });
            } else if (m.matched) matched.push({ constraint, action });
          }
          if (matched.length > 0) kinds.push({ kind, loaded, constraints: matched });
        }
        return kinds;
      }
      namespaceLookup = (name) => this.namespaces.get(name);
      actions = /* @__PURE__ */ new WeakMap();
      /** The constraint's action at this client's enforcement point; undefined when it is not evaluated there. */
      actionOf(constraint) {
        let action = this.actions.get(constraint);
        if (action === void 0) {
          const actions = actionsForEnforcementPoint(constraint, this.options.enforcementPoint);
          action = actions.evaluate ? { enforcementAction: actions.enforcementAction, ...actions.scopedActions ? { scopedActions: actions.scopedActions } : {} } : null;
          this.actions.set(constraint, action);
        }
        return action ?? void 0;
      }
      /**
       * The data document an evaluation needs: the inventory only when a template of its module reads
       * `data.inventory` (a large inventory costs every policy instance its memory and load time).
       */
      dataFor(kinds) {
        const moduleId = kinds[0].loaded.compiled.module.id;
        for (const t of this.templates.values()) if (t.readsInventory && t.compiled.module.id === moduleId) return this.inventoryDataId();
        return "empty";
      }
      parametersJson(constraint) {
        let text = this.parametersText.get(constraint);
        if (text === void 0) {
          const parameters = constraint.parametersValue ?? constraint.parameters;
          text = this.options.parameterNumbers === "float" ? goFloatJson(parameters) : JSON.stringify(parameters);
          this.parametersText.set(constraint, text);
        }
        return text;
      }
      /** Parameters as the policy reads them, per constraint (constraints are not modified once added). */
      parametersText = /* @__PURE__ */ new WeakMap();
      /** A number per constraint, naming sets of constraints. */
      constraintIds = /* @__PURE__ */ new WeakMap();
      constraintCount = 0;
      constraintSeq(constraint) {
        let id2 = this.constraintIds.get(constraint);
        if (id2 === void 0) this.constraintIds.set(constraint, id2 = this.constraintCount++);
        return id2;
      }
      /** Each kind's hook on its own: an error then fails exactly the constraints of its kind, as in Gatekeeper. */
      async reviewKindByKind(work, reviewJson, results) {
        const items = work.map(({ local, kind }) => ({
          moduleId: kind.loaded.compiled.module.id,
          entrypoint: kind.loaded.compiled.entrypoint,
          dataId: this.dataFor([kind]),
          review: local,
          inputRest: `"constraints":[${kind.constraints.map(({ constraint }, key) => `{"key":${key},"parameters":${this.parametersJson(constraint)}}`).join(",")}]`
        }));
        const outcomes = await this.options.pool.run(items, reviewJson, this.moduleBytes, this.options.signal);
        outcomes.forEach((o, i) => {
          const { review, kind } = work[i];
          const out = results[review];
          const read = "result" in o ? readHookResults(o.result) : { error: gatekeeperEvalError(o.error, kind.loaded.template.rego) };
          if ("error" in read && read.fatal && this.options.reviewErrorsAsErrors) {
            const t = kind.loaded.template;
            this.reviewErrors.push({
              kind: "template",
              message: `${t.source.file}:${t.source.startLine}: template ${JSON.stringify(t.name)}: ${read.error}`,
              source: t.source
            });
            return;
          }
          if ("error" in read) {
            for (const { constraint, action } of kind.constraints) out.push({ target: TARGET, msg: read.error, details: { t: "null" }, constraint, ...action });
            return;
          }
          for (const r of read.results) {
            const owned = kind.constraints[r.key];
            if (owned) out.push({ target: TARGET, msg: r.msg, details: r.details, constraint: owned.constraint, ...owned.action });
          }
        });
      }
    };
    REVIEW_BATCH = 256;
    celInputsMemo = /* @__PURE__ */ new WeakMap();
    parsedTemplates = /* @__PURE__ */ new Map();
  }
});

// src/gatekeeper/config.ts
function isGatekeeperConfig(object) {
  return classify(object) === "Config" && nameOf(object) === "config";
}
function strings2(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function specOf(object) {
  return isObject(object.spec) ? object.spec : {};
}
function configMatchEntries(config) {
  const match = specOf(config).match;
  return (Array.isArray(match) ? match : []).filter(isObject).map((m) => ({ processes: strings2(m.processes), excludedNamespaces: strings2(m.excludedNamespaces) }));
}
function processExclusions(configs, process2) {
  const out = [];
  for (const c of configs) {
    for (const m of configMatchEntries(c.object)) {
      if (m.processes.some((p) => p === process2 || p === "*")) out.push(...m.excludedNamespaces);
    }
  }
  return out;
}
function isNamespaceExcluded(globs, object) {
  if (globs.length === 0) return false;
  const subject = isNamespace(gvkOf(object)) ? nameOf(object) : namespaceOf(object);
  return globs.some((g) => matchesGlob(g, subject));
}
function gvkKey(group, version, kind) {
  return `${group}/${version}/${kind}`;
}
function syncedKinds(configs, syncSets) {
  const declared = configs.some((c) => isObject(specOf(c.object).sync)) || syncSets.length > 0;
  if (!declared) return void 0;
  const entries = [];
  for (const c of configs) {
    const sync = specOf(c.object).sync;
    if (isObject(sync) && Array.isArray(sync.syncOnly)) entries.push(...sync.syncOnly);
  }
  for (const s2 of syncSets) {
    const gvks = specOf(s2.object).gvks;
    if (Array.isArray(gvks)) entries.push(...gvks);
  }
  const kinds = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (!isObject(e)) continue;
    const str2 = (k) => typeof e[k] === "string" ? e[k] : "";
    kinds.add(gvkKey(str2("group"), str2("version"), str2("kind")));
  }
  return kinds;
}
function syncedObjects(objects, configs, syncSets) {
  const kinds = syncedKinds(configs, syncSets);
  if (kinds === void 0) return objects;
  const excluded = processExclusions(configs, "sync");
  return objects.filter((o) => {
    const gvk = gvkOf(o);
    return kinds.has(gvkKey(gvk.group, gvk.version, gvk.kind)) && !isNamespaceExcluded(excluded, o);
  });
}
var CONFIG_PROCESSES;
var init_config = __esm({
  "src/gatekeeper/config.ts"() {
    "use strict";
    init_classify();
    init_glob();
    CONFIG_PROCESSES = ["webhook", "audit", "sync", "mutation-webhook"];
  }
});

// src/engine/plan.ts
function gatorNamespaceFor(object, namespaces) {
  const ns = namespaceOf(object);
  if (ns === "") return {};
  const found = namespaces.get(ns);
  if (found) return found;
  if (ns === "default") return { metadata: { name: "default" } };
  return null;
}
function planReviews(items, options) {
  const plan = { reviews: [], expansionErrors: [] };
  const expandFn = options.expand ?? expand;
  const resultantsOf = (item, object, namespace, describe3) => {
    if (options.expansions.length === 0) return [];
    try {
      return expandFn(object, namespace, options.expansions);
    } catch (e) {
      plan.expansionErrors.push({ parent: item, message: describe3(e.message) });
      return void 0;
    }
  };
  for (const item of items) {
    const object = options.objectOf(item);
    if (options.mode === "gator") {
      const ns = gatorNamespaceFor(object, options.namespaces);
      const attached = options.attachNamespace ? ns : null;
      plan.reviews.push({ review: reviewPlainObject(object, { namespace: attached, source: "Original" }), parent: item });
      const name = nameOf(object);
      const resultants2 = resultantsOf(item, object, ns, (cause) => `expanding resource ${name}: error expanding resource ${name}: ${cause}`);
      for (const r of resultants2 ?? []) {
        plan.reviews.push({ review: reviewPlainObject(r.object, { namespace: attached, source: "Generated" }), parent: item, implied: { name: r.templateName, action: r.enforcementAction } });
      }
      continue;
    }
    if (isNamespaceExcluded(options.excludedNamespaces, object)) continue;
    const old = options.previous(item);
    const operation = old !== void 0 ? "UPDATE" : "CREATE";
    const requestNs = isNamespace(gvkOf(object)) ? "" : namespaceOf(object);
    const namespace = requestNs === "" ? null : options.namespaceNamed(requestNs);
    plan.reviews.push({ review: reviewAdmission(object, { operation, oldObject: old ?? null, namespace }), parent: item });
    if (operation === "UPDATE") plan.reviews.push({ review: reviewAdmission(object, { operation: "CREATE", oldObject: null, namespace }), parent: item, onCreate: true });
    const resultants = resultantsOf(item, withRequestNamespace(object, requestNs), namespace, (cause) => `expanding resource ${nameOf(object)}: ${cause}`);
    for (const r of resultants ?? []) {
      const implied = { name: r.templateName, action: r.enforcementAction };
      const resultant = (op) => reviewPlainObject(r.object, { operation: op, namespace, source: "Generated", ...namespace ? { namespaceObject: namespace } : {} });
      plan.reviews.push({ review: resultant(operation), parent: item, implied });
      if (operation === "UPDATE") plan.reviews.push({ review: resultant("CREATE"), parent: item, implied, onCreate: true });
    }
  }
  return plan;
}
function withRequestNamespace(object, requestNs) {
  const meta = metadataOf(object);
  if (requestNs === "" ? !("namespace" in meta) : meta.namespace === requestNs) return object;
  let copy = requestCopies.get(object);
  if (!copy) {
    const { namespace: _, ...rest } = meta;
    copy = { ...object, metadata: requestNs === "" ? rest : { ...rest, namespace: requestNs } };
    requestCopies.set(object, copy);
  }
  return copy;
}
function attributed(v, implied) {
  if (!implied) return v;
  return { ...v, msg: impliedByPrefix(implied.name) + v.msg, ...implied.action !== "" ? { enforcementAction: implied.action } : {} };
}
async function evaluatePlan(client, plan) {
  const perReview = await client.review(plan.reviews.map((p) => p.review));
  return plan.reviews.map((entry, i) => ({ entry, violations: (perReview[i] ?? []).map((v) => attributed(v, entry.implied)) }));
}
var requestCopies;
var init_plan = __esm({
  "src/engine/plan.ts"() {
    "use strict";
    init_classify();
    init_config();
    init_expand();
    init_review();
    requestCopies = /* @__PURE__ */ new WeakMap();
  }
});

// src/opa/pool.ts
import { existsSync as existsSync2 } from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { LRUCache as LRUCache2 } from "lru-cache";
var BUNDLED_WORKER, WORKER_ENTRY, CHUNK, MIN_CHUNK, EvalPool;
var init_pool = __esm({
  "src/opa/pool.ts"() {
    "use strict";
    init_abort();
    BUNDLED_WORKER = new URL("./eval-worker.mjs", import.meta.url);
    WORKER_ENTRY = existsSync2(BUNDLED_WORKER) ? BUNDLED_WORKER : new URL("./eval-worker-boot.mjs", import.meta.url);
    CHUNK = 128;
    MIN_CHUNK = 32;
    EvalPool = class {
      size;
      deadlineMs;
      maxPages;
      maxHeapMb;
      modules;
      data = /* @__PURE__ */ new Map();
      slots = [];
      queue = [];
      watchdog;
      closed = false;
      constructor(options = {}) {
        this.size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()));
        this.deadlineMs = options.deadlineMs ?? 5e3;
        this.maxPages = Math.ceil((options.maxPolicyMemoryMb ?? 256) * 1024 * 1024 / 65536);
        this.maxHeapMb = options.maxWorkerHeapMb ?? 512;
        this.modules = new LRUCache2({
          maxSize: Math.max(1, Math.floor((options.maxModuleCacheMb ?? 256) * 1024 * 1024)),
          sizeCalculation: (m) => Math.max(1, m.bytes),
          dispose: (_, id2) => {
            for (const slot of this.slots) if (slot.knownModules.delete(id2)) slot.staleModules.add(id2);
          }
        });
      }
      /** How many compiled modules the pool holds now (bounded by maxModuleCacheMb). */
      get moduleCount() {
        return this.modules.size;
      }
      /** Starts one worker now, so that its start-up overlaps with whatever the caller does before evaluating. */
      prewarm() {
        if (this.slots.length === 0 && !this.closed) this.spawn();
      }
      /** Registers a compiled module; workers instantiate it on first use. */
      addModule(id2, wasm) {
        if (this.modules.has(id2)) return;
        const bytes = wasm instanceof WebAssembly.Module ? 1024 * 1024 : wasm.byteLength;
        this.modules.set(id2, { module: wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm), bytes });
      }
      /** Registers a `data` document (JSON text) that evaluation items refer to by id. */
      setData(id2, json) {
        this.data.set(id2, json);
      }
      /** How many data documents are registered (a long-running process must not accumulate them). */
      get dataDocuments() {
        return this.data.size;
      }
      /** Forgets a data document, here and in every worker (its instances reload data on next use). */
      dropData(id2) {
        this.data.delete(id2);
        for (const slot of this.slots) {
          if (!slot.knownData.delete(id2)) continue;
          slot.worker.postMessage({ type: "drop-data", id: id2 });
        }
      }
      /**
       * Evaluates every item (each on its review from `reviews`); outcomes come back in the same order. When `signal`
       * aborts, the call rejects with `AbortError`: its queued work is dropped and a worker busy on it is terminated and
       * replaced (as at the deadline), so the next caller gets the worker at once.
       */
      async run(items, reviews, resolveModule, signal) {
        if (this.closed) throw new Error("evaluation pool is closed");
        throwIfAborted(signal);
        const outcomes = new Array(items.length);
        const per = Math.max(1, Math.min(CHUNK, Math.max(MIN_CHUNK, Math.ceil(items.length / this.size))));
        const done = [];
        for (let start = 0; start < items.length; start += per) {
          const slice = items.slice(start, start + per);
          const indexes = slice.map((_, i) => start + i);
          done.push(new Promise((resolve2) => this.queue.push({ items: slice, reviews, indexes, outcomes, resolve: resolve2, resolveModule, ...signal ? { signal } : {} })));
        }
        this.pump();
        if (signal === void 0) {
          await Promise.all(done);
          return outcomes;
        }
        const drop = () => this.drop(signal);
        signal.addEventListener("abort", drop, { once: true });
        try {
          await abortable(Promise.all(done), signal);
        } finally {
          signal.removeEventListener("abort", drop);
        }
        return outcomes;
      }
      /** Forgets the work of a cancelled caller: its queued tasks, and the workers busy on its tasks (terminated). */
      drop(signal) {
        for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].signal === signal) this.queue.splice(i, 1);
        for (const slot of [...this.slots]) {
          if (slot.task?.signal !== signal) continue;
          this.slots.splice(this.slots.indexOf(slot), 1);
          slot.task = void 0;
          void slot.worker.terminate();
        }
        if (!this.closed) this.pump();
      }
      async close() {
        this.closed = true;
        if (this.watchdog) clearInterval(this.watchdog);
        this.watchdog = void 0;
        await Promise.all(this.slots.map((s2) => s2.worker.terminate()));
        this.slots.length = 0;
      }
      pump() {
        while (this.queue.length > 0) {
          let slot = this.slots.find((s2) => s2.task === void 0);
          if (!slot && this.slots.length < this.size) slot = this.spawn();
          if (!slot) return;
          this.assign(slot, this.queue.shift());
        }
      }
      spawn() {
        const progress = new Int32Array(new SharedArrayBuffer(4));
        const worker = new Worker(WORKER_ENTRY, {
          workerData: { progress, maxPages: this.maxPages },
          // A small young generation per worker: evaluation allocates short-lived values; ~25 MB less peak RSS per run.
          resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 4 }
        });
        worker.unref();
        const slot = {
          worker,
          progress,
          task: void 0,
          lastProgress: 0,
          lastMoved: Date.now(),
          knownModules: /* @__PURE__ */ new Set(),
          staleModules: /* @__PURE__ */ new Set(),
          knownData: /* @__PURE__ */ new Map()
        };
        worker.on("message", (msg) => this.onMessage(slot, msg));
        worker.on("error", (err) => this.onCrash(slot, `evaluation worker failed: ${err.message}`));
        worker.on("exit", (code2) => {
          if (slot.task) this.onCrash(slot, `evaluation worker exited with code ${code2}`);
        });
        this.slots.push(slot);
        if (!this.watchdog) {
          this.watchdog = setInterval(() => this.checkDeadlines(), Math.max(10, Math.min(250, this.deadlineMs / 4)));
          this.watchdog.unref();
        }
        return slot;
      }
      assign(slot, task) {
        const moduleIds = new Set(task.items.map((i) => i.moduleId));
        const missing = [...moduleIds].find((id2) => !this.modules.has(id2) && task.resolveModule?.(id2) === void 0);
        if (missing !== void 0) {
          for (const index of task.indexes) task.outcomes[index] = { error: `unknown module ${missing}` };
          task.resolve();
          return;
        }
        slot.task = task;
        for (const id2 of slot.staleModules) {
          if (!moduleIds.has(id2)) slot.worker.postMessage({ type: "drop-module", id: id2 });
        }
        slot.staleModules.clear();
        for (const id2 of moduleIds) {
          if (slot.knownModules.has(id2)) continue;
          let module = this.modules.get(id2)?.module;
          if (!module) {
            const again = task.resolveModule?.(id2);
            if (again === void 0) throw new Error(`unknown module ${id2}`);
            this.addModule(id2, again);
            module = this.modules.get(id2)?.module ?? (again instanceof WebAssembly.Module ? again : new WebAssembly.Module(again));
          }
          slot.worker.postMessage({ type: "module", id: id2, module });
          slot.knownModules.add(id2);
        }
        for (const id2 of new Set(task.items.map((i) => i.dataId))) {
          const json = this.data.get(id2) ?? "{}";
          if (slot.knownData.get(id2) === json) continue;
          slot.worker.postMessage({ type: "data", id: id2, json });
          slot.knownData.set(id2, json);
        }
        Atomics.store(slot.progress, 0, 0);
        slot.lastProgress = 0;
        slot.lastMoved = Date.now();
        slot.worker.ref();
        const used = /* @__PURE__ */ new Map();
        const reviews = [];
        const items = task.items.map((item) => {
          let local = used.get(item.review);
          if (local === void 0) {
            local = reviews.push(task.reviews[item.review] ?? "null") - 1;
            used.set(item.review, local);
          }
          return { ...item, review: local };
        });
        slot.worker.postMessage({ type: "run", items, reviews });
      }
      onMessage(slot, msg) {
        const task = slot.task;
        if (!task) return;
        msg.outcomes.forEach((o, i) => task.outcomes[task.indexes[i]] = o);
        this.finish(slot);
        task.resolve();
        this.pump();
      }
      finish(slot) {
        slot.task = void 0;
        slot.worker.unref();
      }
      checkDeadlines() {
        const now = Date.now();
        for (const slot of [...this.slots]) {
          if (!slot.task) continue;
          const p = Atomics.load(slot.progress, 0);
          if (p === 0 || p !== slot.lastProgress) {
            slot.lastProgress = p;
            slot.lastMoved = now;
          } else if (now - slot.lastMoved > this.deadlineMs) {
            this.onCrash(slot, `evaluation exceeded the ${this.deadlineMs} ms deadline`);
          }
        }
      }
      /**
       * The item in flight gets `reason` as its error; every other item of the task goes back on the queue
       * (the worker reports a task's outcomes together, so those it had finished are evaluated again).
       */
      onCrash(slot, reason) {
        const task = slot.task;
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        slot.task = void 0;
        void slot.worker.terminate();
        if (!task) return;
        const inFlight2 = Math.min(Math.max(0, Atomics.load(slot.progress, 0) - 1), task.items.length - 1);
        task.outcomes[task.indexes[inFlight2]] = { error: reason };
        const keep = (_, i) => i !== inFlight2;
        const rest = task.items.filter(keep);
        if (rest.length === 0) task.resolve();
        else this.queue.unshift({ ...task, items: rest, indexes: task.indexes.filter(keep) });
        if (!this.closed) this.pump();
      }
    };
  }
});

// src/engine/runtime.ts
function createRuntime(options = {}) {
  const compiler = createCompiler({
    ...options.opaPath !== void 0 ? { opaPath: options.opaPath } : {},
    ...options.cacheDir !== void 0 ? { cacheDir: options.cacheDir } : {}
  });
  const pool = new EvalPool(options);
  pool.prewarm();
  return { compiler, pool, close: () => pool.close() };
}
var init_runtime = __esm({
  "src/engine/runtime.ts"() {
    "use strict";
    init_compile();
    init_pool();
  }
});

// src/go/json.ts
function goMarshalIndent(value, indent2 = "    ", prefix2 = "", memo2) {
  return write(value, indent2, prefix2, memo2);
}
function write(value, indent2, prefix2, memo2) {
  if (value instanceof GoNumber) return value.text;
  if (value instanceof GoStruct) {
    const fields = value.fields.filter((f) => f[1] !== void 0);
    return writeObject(fields, indent2, prefix2, memo2);
  }
  if (value === null) return "null";
  if (typeof value === "string") return goString(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  const known = memo2?.get(value)?.get(prefix2);
  if (known !== void 0) return known;
  let text;
  if (Array.isArray(value)) {
    const inner = prefix2 + indent2;
    text = value.length === 0 ? "[]" : `[
${value.map((v) => inner + write(v, indent2, inner, memo2)).join(",\n")}
${prefix2}]`;
  } else {
    const keys = Object.keys(value).sort(goCompare);
    text = writeObject(keys.map((k) => [k, value[k]]), indent2, prefix2, memo2);
  }
  if (memo2) {
    let byPrefix = memo2.get(value);
    if (!byPrefix) memo2.set(value, byPrefix = /* @__PURE__ */ new Map());
    byPrefix.set(prefix2, text);
  }
  return text;
}
function writeObject(fields, indent2, prefix2, memo2) {
  if (fields.length === 0) return "{}";
  const inner = prefix2 + indent2;
  return `{
${fields.map(([k, v]) => `${inner}${goString(k)}: ${write(v, indent2, inner, memo2)}`).join(",\n")}
${prefix2}}`;
}
function goString(s2) {
  if (PLAIN_STRING.test(s2)) return `"${s2}"`;
  let out = '"';
  for (const ch of s2) {
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
function goJsonCompact(value) {
  if (value === null) return "null";
  if (typeof value === "string") return goString(value);
  if (typeof value === "number") return goJsonFloatText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(goJsonCompact).join(",")}]`;
  const keys = Object.keys(value).sort(goCompare);
  return `{${keys.map((k) => `${goString(k)}:${goJsonCompact(value[k])}`).join(",")}}`;
}
function goJsonFloatText(n) {
  return Object.is(n, -0) ? "-0" : String(n);
}
var GoStruct, GoNumber, PLAIN_STRING;
var init_json = __esm({
  "src/go/json.ts"() {
    "use strict";
    init_strings();
    GoStruct = class {
      constructor(fields) {
        this.fields = fields;
      }
      fields;
    };
    GoNumber = class {
      constructor(text) {
        this.text = text;
      }
      text;
    };
    PLAIN_STRING = /^[\x20-\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;
  }
});

// src/go/errors.ts
function goErrnoText(e) {
  const code2 = e.code ?? "";
  return ERRNO_TEXT[code2] ?? (e instanceof Error ? e.message : String(e));
}
var ERRNO_TEXT;
var init_errors2 = __esm({
  "src/go/errors.ts"() {
    "use strict";
    ERRNO_TEXT = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EISDIR: "is a directory",
      ENOTDIR: "not a directory",
      ELOOP: "too many levels of symbolic links",
      ENAMETOOLONG: "file name too long",
      EPERM: "operation not permitted"
    };
  }
});

// src/go/path.ts
function goPathJoin(...parts) {
  const joined = parts.filter((p) => p !== "").join("/");
  if (joined === "") return "";
  return goPathClean(joined);
}
function goPathClean(p) {
  const rooted = p.startsWith("/");
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s2 = (rooted ? "/" : "") + out.join("/");
  return s2 === "" ? "." : s2;
}
function goPathExt(p) {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
  return "";
}
function goPathDir(p) {
  const i = p.lastIndexOf("/");
  return goPathClean(i < 0 ? "." : p.slice(0, i + 1));
}
var init_path = __esm({
  "src/go/path.ts"() {
    "use strict";
  }
});

// src/engine/verify.ts
import { readdir as readdir2, readFile as readFile3, stat as stat3 } from "node:fs/promises";
import path4 from "node:path";
function isCaseFailure(r) {
  return r.error !== void 0;
}
function isTestFailure(r) {
  return r.error !== void 0 || r.cases.some(isCaseFailure);
}
function isSuiteFailure(r) {
  return r.error !== void 0 || r.tests.some(isTestFailure);
}
function errorText2(e) {
  if (e instanceof GoError) return e.message;
  return `preadmit internal error: ${e instanceof Error ? e.message : String(e)}`;
}
function validFsPath(name) {
  if (name === ".") return true;
  return name.split("/").every((e) => e !== "" && e !== "." && e !== "..");
}
async function goReadFile(name) {
  if (!validFsPath(name)) throw new GoError(`readfile ${name}: invalid argument`);
  const full = `/${name}`;
  try {
    return await readFile3(full, "utf8");
  } catch (e) {
    const code2 = e.code;
    throw new GoError(`${code2 === "EISDIR" ? "read" : "open"} ${name}: ${goErrnoText(e)}`);
  }
}
function yamlFirstDocument(text, file) {
  const loaded = loadManifests(text, file, { yamlVersion: "1.2" });
  const docs = [
    ...loaded.objects.map((o) => ({ line: o.source.startLine, object: o.object })),
    ...loaded.errors.map((e) => ({ line: e.source?.startLine ?? 1, error: e.message }))
  ].sort((a, b) => a.line - b.line);
  const first = docs[0];
  if (first === void 0) return {};
  if (first.error !== void 0) {
    const why = first.error.replace(/^[^:]*:\d+: (invalid YAML: )?/, "");
    throw new GoError(`yaml: line ${first.line}: ${why}`);
  }
  return first.object;
}
function cleanYaml(text) {
  let out = "";
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    out += `${line}
`;
  }
  return out;
}
function requireKind(object) {
  if (typeof object.kind !== "string" || object.kind === "") {
    throw new GoError(`Object 'Kind' is missing in '${goJsonCompact(object)}'`);
  }
  return object;
}
function readUnstructured(text, file) {
  return requireKind(yamlFirstDocument(text, file));
}
function readUnstructureds(text, file) {
  const out = [];
  for (const part of text.split("\n---")) {
    const cleaned = cleanYaml(part);
    if (cleaned.length === 0) continue;
    try {
      out.push(readUnstructured(cleaned, file));
    } catch (e) {
      throw new GoError(`${ERR2.invalidYaml}: ${e.message}`);
    }
  }
  return out;
}
async function readObjects(name) {
  const text = await goReadFile(name);
  let objects;
  try {
    objects = readUnstructureds(text, name);
  } catch (e) {
    throw new GoError(`reading ${goQuote(name)}: ${e.message}`);
  }
  if (objects.length === 0) throw new GoError(`${ERR2.noObjects}: path ${goQuote(name)} defines no YAML objects`);
  return objects;
}
function jsonKindName(v, forInt) {
  if (v === null) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return forInt ? `number ${goJsonFloatText(v)}` : "number";
  return Array.isArray(v) ? "array" : "object";
}
function typeError2(v, structName, fieldPath, goType3, forInt = false) {
  return new JsonTypeError(`json: cannot unmarshal ${jsonKindName(v, forInt)} into Go struct field ${structName}.${fieldPath} of type ${goType3}`);
}
function eachField(obj2, fields, visit2) {
  for (const key of Object.keys(obj2).sort(goCompare)) {
    const field3 = fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field3 !== void 0) visit2(field3, obj2[key]);
  }
}
function decodeScalar(v, type, structName, fieldPath) {
  if (v === null) return void 0;
  switch (type) {
    case "string":
      if (typeof v !== "string") throw typeError2(v, structName, fieldPath, "string");
      return v;
    case "bool":
      if (typeof v !== "boolean") throw typeError2(v, structName, fieldPath, "bool");
      return v;
    case "[]string":
      if (!Array.isArray(v)) throw typeError2(v, structName, fieldPath, "[]string");
      for (const item of v) if (item !== null && typeof item !== "string") throw typeError2(item, structName, fieldPath, "string");
      return v.map((item) => typeof item === "string" ? item : "");
    case "int32":
      return v;
  }
}
function decodeSuite(doc) {
  const suite = { skip: false, tests: [] };
  eachField(doc, ["tests", "skip", "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"], (field3, v) => {
    if (field3 === "skip") suite.skip = decodeScalar(v, "bool", "Suite", "skip") ?? false;
    else if (field3 === "tests") suite.tests = decodeList(v, "Suite", "tests", "[]verify.Test", "verify.Test", (o) => decodeTest(o));
    else decodeScalar(v, "string", "Suite", `ObjectMeta.${field3}`);
  });
  return suite;
}
function decodeList(v, structName, fieldPath, listType, itemType, item) {
  if (v === null) return [];
  if (!Array.isArray(v)) throw typeError2(v, structName, fieldPath, listType);
  return v.map((x) => {
    if (x === null) return item({});
    if (!isObject(x)) throw typeError2(x, structName, fieldPath, itemType);
    return item(x);
  });
}
function decodeTest(o) {
  const t = { name: "", template: "", constraint: "", expansion: "", cases: [], invalid: false, skip: false };
  eachField(o, ["name", "template", "constraint", "expansion", "cases", "invalid", "skip"], (field3, v) => {
    const p = `tests.${field3}`;
    switch (field3) {
      case "cases":
        t.cases = decodeList(v, "Test", p, "[]*verify.Case", "verify.Case", decodeCase);
        break;
      case "invalid":
      case "skip":
        t[field3] = decodeScalar(v, "bool", "Test", p) ?? false;
        break;
      default:
        t[field3] = decodeScalar(v, "string", "Test", p) ?? "";
    }
  });
  return t;
}
function decodeCase(o) {
  const c = { name: "", object: "", inventory: [], assertions: [], skip: false };
  eachField(o, ["name", "object", "inventory", "assertions", "skip"], (field3, v) => {
    const p = `tests.cases.${field3}`;
    switch (field3) {
      case "assertions":
        c.assertions = decodeList(v, "Case", p, "[]verify.Assertion", "verify.Assertion", decodeAssertion);
        break;
      case "inventory":
        c.inventory = decodeScalar(v, "[]string", "Case", p) ?? [];
        break;
      case "skip":
        c.skip = decodeScalar(v, "bool", "Case", p) ?? false;
        break;
      default:
        c[field3] = decodeScalar(v, "string", "Case", p) ?? "";
    }
  });
  return c;
}
function decodeAssertion(o) {
  const a = {};
  eachField(o, ["violations", "message"], (field3, v) => {
    const p = `tests.cases.assertions.${field3}`;
    if (field3 === "message") {
      const m = decodeScalar(v, "string", "Assertion", p);
      if (typeof m === "string") a.message = m;
      else delete a.message;
      return;
    }
    if (v === null) {
      delete a.violations;
      return;
    }
    if (typeof v === "string") a.violations = v;
    else if (typeof v === "number" && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) a.violations = v;
    else throw typeError2(v, "Assertion", p, "int32", true);
  });
  return a;
}
function isYamlExtension(ext) {
  return ext === ".yaml" || ext === ".yml";
}
async function goStat(name) {
  try {
    const s2 = await stat3(`/${name}`);
    return { isDir: s2.isDirectory() };
  } catch (e) {
    throw new GoError(`stat ${name}: ${goErrnoText(e)}`);
  }
}
async function goReadDir(name) {
  try {
    const entries = await readdir2(`/${name}`, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => goCompare(a.name, b.name));
  } catch (e) {
    throw new GoError(`open ${name}: ${goErrnoText(e)}`);
  }
}
async function walkYamlFiles(dir, out) {
  for (const entry of await goReadDir(dir)) {
    const p = goPathJoin(dir, entry.name);
    if (entry.isDir) await walkYamlFiles(p, out);
    else if (isYamlExtension(goPathExt(entry.name))) out.push(p);
  }
}
async function readSuite(file) {
  let text;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading file ${goQuote(file)}: ${e.message}`);
  }
  let doc;
  try {
    doc = yamlFirstDocument(text, file);
  } catch (e) {
    throw new GoError(`${ERR2.invalidYaml}: parsing yaml file ${goQuote(file)}: ${e.message}`);
  }
  const gvk = goGvk(doc);
  if (gvk.group !== "test.gatekeeper.sh" || gvk.kind !== "Suite") return void 0;
  try {
    return decodeSuite(doc);
  } catch (e) {
    throw new GoError(`${ERR2.invalidYaml}: ${e.message}`);
  }
}
function goGvk(object) {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  if (apiVersion.split("/").length > 2) return { group: "", version: "", kind };
  return { ...gvkOf({ apiVersion, kind }), kind };
}
async function findSuites(argument, cwd = process.cwd()) {
  let originalPath = argument;
  let target = path4.posix.resolve(cwd, argument);
  if (argument === "") throw new GoError("target not specified");
  let recursive = false;
  if (originalPath.endsWith("/...")) {
    recursive = true;
    target = target.endsWith("...") ? target.slice(0, -3) : target;
    originalPath = originalPath.slice(0, -3);
  }
  target = target.replace(/^\/+|\/+$/g, "");
  if (target === "") throw new GoError("target not specified");
  const { isDir } = await goStat(target);
  const files = [];
  if (!isDir && !recursive) {
    const ext = goPathExt(target);
    if (!isYamlExtension(ext)) throw new GoError(`unsupported extension: ${goQuote(ext)}`);
    files.push(target);
  } else if (!isDir && recursive) {
    throw new GoError(`can only recursively traverse directories, not a directory: ${goQuote(target)}`);
  } else if (!recursive) {
    for (const e of await goReadDir(target)) if (!e.isDir && isYamlExtension(goPathExt(e.name))) files.push(goPathJoin(target, e.name));
  } else {
    await walkYamlFiles(target, files);
  }
  const suites = [];
  for (const file of files) {
    const decoded = await readSuite(file);
    if (!decoded) continue;
    let cut2 = originalPath.replace(/^\//, "").replace(/^\.\//, "");
    while (cut2.startsWith("../")) cut2 = cut2.slice(3);
    const at2 = file.indexOf(cut2);
    if (at2 < 0) throw new GoError(`could not find ${cut2} in ${file}`);
    suites.push({ absolutePath: file, inputPath: originalPath + file.slice(at2 + cut2.length), ...decoded });
  }
  return suites.sort((a, b) => goCompare(a.absolutePath, b.absolutePath));
}
function newFilter(run) {
  if (run === "") return { matchesTest: () => true, matchesCase: () => true };
  const parts = run.split("//");
  const compile3 = (expr) => {
    const r = compileGoRegexp(expr);
    if ("error" in r) throw new GoError(`${ERR2.invalidFilter}: ${r.error}`);
    return r.regexp;
  };
  if (parts.length === 1) {
    const re = compile3(parts[0]);
    const matchesCase = (testName, caseName) => re.test(caseName) || re.test(testName);
    return {
      matchesTest: (t) => re.test(t.name) || t.cases.some((c) => matchesCase(t.name, c.name)),
      matchesCase
    };
  }
  if (parts.length === 2) {
    const testRe = compile3(parts[0]);
    const caseRe = compile3(parts[1]);
    return {
      matchesTest: (t) => testRe.test(t.name),
      matchesCase: (testName, caseName) => caseRe.test(caseName) && testRe.test(testName)
    };
  }
  throw new GoError(`${ERR2.invalidFilter}: a filter may include at most one "//"`);
}
function runAssertion(a, messages) {
  let matching = 0;
  let regexp2;
  for (const msg of messages) {
    if (a.message !== void 0) {
      if (regexp2 === void 0) {
        const r = compileGoRegexp(a.message);
        if ("error" in r) return `${ERR2.invalidRegex}: ${r.error}`;
        regexp2 = r.regexp;
      }
      const hit = testWithin(regexp2, msg);
      if (hit === "timeout") {
        return `assertion message regex ${goQuote(a.message)} took longer than ${MATCH_TIME_LIMIT_MS} ms on a message and was stopped (preadmit matches with a backtracking engine; simplify the pattern)`;
      }
      if (hit) matching++;
    } else matching++;
  }
  const violations = a.violations ?? "yes";
  const countError = matchesCount(a, violations, matching);
  if (countError === void 0) return void 0;
  return `${countError}: got messages [${messages.join(" ")}]`;
}
function matchesCount(a, violations, matching) {
  const bad = `${ERR2.invalidYaml}: assertion.violation, if set, must be a nonnegative integer, "yes", or "no"`;
  const containing = a.message !== void 0 ? ` containing ${goQuote(a.message)}` : "";
  if (typeof violations === "number") {
    if (violations < 0) return bad;
    if (violations !== matching) return `${ERR2.numViolations}: got ${matching} violations${containing} but want exactly ${violations}`;
    return void 0;
  }
  if (violations === "yes") {
    return matching === 0 ? `${ERR2.numViolations}: got ${matching} violations${containing} but want at least 1` : void 0;
  }
  if (violations === "no") {
    return matching > 0 ? `${ERR2.numViolations}: got ${matching} violations${containing} but want none` : void 0;
  }
  return bad;
}
function elapsed(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
async function runSuite(suite, filter, deps) {
  const start = process.hrtime.bigint();
  if (suite.skip) return { path: suite.inputPath, skipped: true, durationMs: 0, tests: [] };
  const suiteDir = goPathDir(suite.absolutePath);
  const tests = [];
  for (const t of suite.tests) {
    if (t.skip || !filter.matchesTest(t)) tests.push({ name: t.name, skipped: true, durationMs: 0, cases: [] });
    else tests.push(await runTest2(suiteDir, filter, t, deps));
  }
  return { path: suite.inputPath, skipped: false, durationMs: elapsed(start), tests };
}
async function runTest2(suiteDir, filter, t, deps) {
  const start = process.hrtime.bigint();
  const result = (error, cases2) => ({
    name: t.name,
    skipped: false,
    ...error !== void 0 ? { error } : {},
    durationMs: elapsed(start),
    cases: cases2
  });
  let inputs;
  let addError;
  try {
    const r = await tryAddConstraint(suiteDir, t, deps);
    inputs = r.inputs;
    addError = r.error;
  } catch (e) {
    addError = { message: errorText2(e), schema: false };
    inputs = void 0;
  }
  if (t.invalid) {
    if (addError?.schema) return result(void 0, []);
    return result(`${ERR2.validConstraint}: got error ${addError ? addError.message : "%!w(<nil>)"} but want ${ERR2.schema}`, []);
  }
  if (addError) return result(addError.message, []);
  try {
    await readExpansion(suiteDir, t);
  } catch (e) {
    return result(errorText2(e), []);
  }
  const cases = [];
  for (const c of t.cases) {
    if (c.skip || !filter.matchesCase(t.name, c.name)) {
      cases.push({ name: c.name, skipped: true, durationMs: 0, print: "" });
      continue;
    }
    const caseStart = process.hrtime.bigint();
    let error;
    try {
      error = await checkCase(suiteDir, t, c, inputs, deps);
    } catch (e) {
      error = errorText2(e);
    }
    cases.push({ name: c.name, skipped: false, ...error !== void 0 ? { error } : {}, durationMs: elapsed(caseStart), print: "" });
  }
  return result(void 0, cases);
}
async function readTemplate2(suiteDir, templatePath) {
  if (templatePath === "") throw new GoError(`${ERR2.invalidSuite}: missing template`);
  const file = goPathJoin(suiteDir, templatePath);
  let text;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading ConstraintTemplate from ${goQuote(file)}: ${e.message}`);
  }
  let object;
  try {
    object = readUnstructured(text, file);
  } catch (e) {
    throw new GoError(`${ERR2.addingTemplate}: parsing ConstraintTemplate YAML from ${goQuote(file)}: ${e.message}`);
  }
  const gvk = goGvk(object);
  if (gvk.group !== "templates.gatekeeper.sh" || gvk.kind !== "ConstraintTemplate") {
    throw new GoError(`path ${goQuote(file)}: ${ERR2.notATemplate}`);
  }
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}
async function readConstraint(suiteDir, constraintPath) {
  if (constraintPath === "") throw new GoError(`${ERR2.invalidSuite}: missing constraint`);
  const file = goPathJoin(suiteDir, constraintPath);
  let text;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading Constraint from ${goQuote(file)}: ${e.message}`);
  }
  let object;
  try {
    object = readUnstructured(text, file);
  } catch (e) {
    throw new GoError(`${ERR2.addingConstraint}: parsing Constraint from ${goQuote(file)}: ${e.message}`);
  }
  if (goGvk(object).group !== "constraints.gatekeeper.sh") throw new GoError(ERR2.notAConstraint);
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}
function bareMessage(message2) {
  return message2.replace(/^\/?[^\s:]*:\d+: /, "").replace(/^adding (?:constraint|template) "(?:[^"\\]|\\.)*": /, "").replace(/^ConstraintTemplate "(?:[^"\\]|\\.)*": /, "");
}
async function clientWithTemplate(template2, deps) {
  const client = new PolicyClient({ compiler: deps.compiler, pool: deps.pool, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: "exact", celEnabled: deps.celEnabled });
  const templateErrors = await client.addTemplates([template2]);
  if (templateErrors.length > 0) {
    const m = bareMessage(templateErrors[0].message);
    throw new GoError(`${ERR2.addingTemplate}: ${m}`);
  }
  return client;
}
function addConstraint(client, template2, constraint) {
  const kind = gvkOf(constraint.object).kind;
  const spec = isObject(template2.object.spec) ? template2.object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  const templateKind2 = typeof names.kind === "string" ? names.kind : "";
  if (kind.toLowerCase() !== templateKind2.toLowerCase() || client.templateFor(kind) === void 0) {
    return { message: `missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`, schema: false };
  }
  const failure = client.addConstraint(constraint);
  return failure ? { message: bareMessage(failure.error.message), schema: failure.schemaError } : void 0;
}
async function tryAddConstraint(suiteDir, t, deps) {
  const template2 = await readTemplate2(suiteDir, t.template);
  const client = await clientWithTemplate(template2, deps);
  const constraint = await readConstraint(suiteDir, t.constraint);
  const error = addConstraint(client, template2, constraint);
  const inputs = { template: template2, constraint };
  return error ? { inputs, error } : { inputs };
}
async function newTestClient(inputs, deps) {
  const client = await clientWithTemplate(inputs.template, deps);
  const error = addConstraint(client, inputs.template, inputs.constraint);
  if (error) throw new GoError(`${ERR2.addingConstraint}: ${error.message}`);
  return client;
}
async function readExpansion(suiteDir, t) {
  if (t.expansion === "") return void 0;
  const file = goPathJoin(suiteDir, t.expansion);
  let text;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading ExpansionTemplate from ${goQuote(file)}: ${e.message}`);
  }
  let objects;
  try {
    objects = readUnstructureds(text, file);
  } catch (e) {
    throw new GoError(`reading ${goQuote(file)}: ${e.message}`);
  }
  if (objects.length === 0) throw new GoError(`${ERR2.notAnExpansion}: ${goQuote(file)}`);
  for (const o of objects) {
    const gvk = goGvk(o);
    if (gvk.group !== "expansion.gatekeeper.sh" || gvk.kind !== "ExpansionTemplate") throw new GoError(`${ERR2.notAnExpansion}: ${goQuote(file)}`);
  }
  const templates = [];
  for (const o of objects) {
    const problem = validateExpansionTemplate(o);
    if (problem !== void 0) throw new GoError(`error upserting template ${nameOf(o)}: ${problem}`);
    const parsed2 = parseExpansionTemplate({ object: o, source: { file: `/${file}`, startLine: 1, endLine: 1 } });
    if ("error" in parsed2) throw new GoError(`error upserting template ${nameOf(o)}: ${bareMessage(parsed2.error.message)}`);
    const at2 = templates.findIndex((x) => x.name === parsed2.template.name);
    if (at2 >= 0) templates[at2] = parsed2.template;
    else templates.push(parsed2.template);
  }
  return templates;
}
function validateExpansionTemplate(o) {
  const name = nameOf(o);
  const spec = isObject(o.spec) ? o.spec : {};
  if (name === "") return "ExpansionTemplate has empty name field";
  if (name.length >= 64) return "ExpansionTemplate name must be less than 64 characters";
  if (typeof spec.templateSource !== "string" || spec.templateSource === "") return `ExpansionTemplate ${name} has empty source field`;
  const g = isObject(spec.generatedGVK) ? spec.generatedGVK : {};
  const str2 = (v) => typeof v === "string" ? v : "";
  const gen = { group: str2(g.group), version: str2(g.version), kind: str2(g.kind) };
  if (gen.group === "" && gen.version === "" && gen.kind === "") return `ExpansionTemplate ${name} has empty generatedGVK field`;
  const applyTo = Array.isArray(spec.applyTo) ? spec.applyTo : [];
  if (applyTo.length === 0) return `ExpansionTemplate ${name} must specify ApplyTo`;
  for (const a of applyTo) {
    const at2 = isObject(a) ? a : {};
    const has = (k, v) => Array.isArray(at2[k]) && at2[k].includes(v);
    if (has("groups", gen.group) && has("versions", gen.version) && has("kinds", gen.kind)) {
      return `ExpansionTemplate ${name} generates GVK ${gen.group}/${gen.version}, Kind=${gen.kind}, but also applies to that same GVK`;
    }
  }
  return void 0;
}
async function checkCase(suiteDir, t, c, inputs, deps) {
  if (c.object === "") return `${ERR2.invalidCase}: must define object`;
  if (c.assertions.length === 0) return `${ERR2.invalidCase}: assertions must be non-empty`;
  const messages = await runReview(suiteDir, t, c, inputs, deps);
  for (const a of c.assertions) {
    const error = runAssertion(a, messages);
    if (error !== void 0) return error;
  }
  return void 0;
}
async function runReview(suiteDir, t, c, inputs, deps) {
  const client = await newTestClient(inputs, deps);
  try {
    return await reviewWithClient(client, suiteDir, t, c);
  } finally {
    client.dispose();
  }
}
async function reviewWithClient(client, suiteDir, t, c) {
  const expansions = await readExpansion(suiteDir, t);
  const objectPath = goPathJoin(suiteDir, c.object);
  const objects = await readObjects(objectPath);
  if (objects.length !== 1) throw new GoError(`${ERR2.multipleObjects}: ${goQuote(objectPath)} defines ${objects.length} objects`);
  const toReview = objects[0];
  const inventory = [];
  for (const p of c.inventory) {
    for (const obj2 of await readObjects(goPathJoin(suiteDir, p))) {
      const gvk2 = goGvk(obj2);
      if (gvk2.version === "") {
        throw new GoError(
          `${ERR2.addInventory}: ${gvk2.group}/${gvk2.version}, Kind=${gvk2.kind} ${namespaceOf(obj2)}/${nameOf(obj2)}: admission.k8s.gatekeeper.sh: invalid request object: resource ${nameOf(obj2)} has no version
`
        );
      }
      inventory.push(obj2);
    }
  }
  client.setData(inventory);
  const gvk = goGvk(toReview);
  if (gvk.kind === "AdmissionReview" && gvk.group === "admission.k8s.io") {
    const review = admissionReviewOf(toReview);
    const [results] = await client.review([review]);
    return sortedMessages((results ?? []).map((r) => ({ action: r.enforcementAction, msg: r.msg })));
  }
  const plan = planReviews([toReview], { mode: "gator", objectOf: (o) => o, expansions: expansions ?? [], namespaces: /* @__PURE__ */ new Map(), attachNamespace: false });
  const failed2 = plan.expansionErrors[0];
  if (failed2) throw new GoError(failed2.message);
  const found = (await evaluatePlan(client, plan)).flatMap(({ violations }) => violations.map((v) => ({ action: v.enforcementAction, msg: v.msg })));
  return sortedMessages(found);
}
function sortedMessages(results) {
  return results.sort((a, b) => goCompare(a.action, b.action) || goCompare(a.msg, b.msg)).map((r) => r.msg);
}
function goValueType(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}
function checkShape(v, shape, at2, field3, unknown) {
  if (v === null || shape === "any") return;
  if (typeof shape === "string") {
    if (shape === "string" && typeof v !== "string") throw new GoError(`cannot convert ${goValueType(v)} to ${GO_STRING_TYPES[field3] ?? "string"}`);
    if (shape === "bool" && typeof v !== "boolean") throw new GoError(`cannot convert ${goValueType(v)} to bool`);
    if (shape === "[]string") {
      if (!Array.isArray(v)) throw new GoError(`cannot convert ${goValueType(v)} to []string`);
      for (const x of v) if (x !== null && typeof x !== "string") throw new GoError(`cannot convert ${goValueType(x)} to string`);
    }
    return;
  }
  if (!isObject(v)) throw new GoError(`cannot restore struct from: ${goValueType(v) === "string" ? "string" : goValueType(v)}`);
  for (const key of Object.keys(v)) {
    const sub = shape[key];
    const p = at2 === "" ? key : `${at2}.${key}`;
    if (sub === void 0) unknown.push(p);
    else checkShape(v[key], sub, p, key, unknown);
  }
}
function admissionReviewOf(object) {
  const unknown = [];
  try {
    checkShape(object, REVIEW_SHAPE, "", "", unknown);
  } catch (e) {
    throw new GoError(`${ERR2.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: ${e.message}`);
  }
  if (unknown.length > 0) {
    const list2 = unknown.map((u) => `unknown field ${goQuote(u)}`).join(", ");
    throw new GoError(`${ERR2.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: strict decoding error: ${list2}`);
  }
  const request = object.request;
  if (!isObject(request)) throw new GoError(`${ERR2.missingAdmissionRequest}: request did not actually pass in an AdmissionRequest`);
  const has = (k) => request[k] !== void 0 && request[k] !== null;
  if (!has("object") && !has("oldObject")) {
    throw new GoError(`${ERR2.noObjectForReview}: AdmissionRequest does not contain an "object" or "oldObject" to review`);
  }
  for (const k of ["object", "oldObject"]) {
    if (!has(k)) continue;
    const v = request[k];
    if (!isObject(v)) throw new GoError(`${ERR2.unmarshallObject}: json: cannot unmarshal ${jsonKindName(v, false)} into Go value of type map[string]interface {}`);
    try {
      requireKind(v);
    } catch (e) {
      throw new GoError(`${ERR2.unmarshallObject}: ${e.message}`);
    }
  }
  const review = reviewAdmissionRequest(object);
  if ("error" in review) {
    throw new GoError(`admission.k8s.gatekeeper.sh: target.HandleReview failed for target "admission.k8s.gatekeeper.sh": ${review.error}
`);
  }
  return review;
}
var ERR2, GoError, JsonTypeError, GVK_SHAPE, GVR_SHAPE, REQUEST_SHAPE, REVIEW_SHAPE, GO_STRING_TYPES;
var init_verify = __esm({
  "src/engine/verify.ts"() {
    "use strict";
    init_classify();
    init_expand();
    init_json();
    init_load();
    init_review();
    init_regexp();
    init_errors2();
    init_path();
    init_strconv();
    init_strings();
    init_enforcement();
    init_client();
    init_plan();
    ERR2 = {
      addingTemplate: "adding template",
      addingConstraint: "adding constraint",
      invalidSuite: "invalid Suite",
      invalidCase: "invalid Case",
      numViolations: "unexpected number of violations",
      invalidRegex: "message contains invalid regular expression",
      invalidFilter: "invalid test filter",
      noObjects: "missing objects",
      multipleObjects: "object file must contain exactly one object",
      addInventory: "unable to add object to data.inventory",
      validConstraint: "constraint should have failed schema validation",
      invalidAdmissionReview: "not a valid AdmissionReview object",
      missingAdmissionRequest: "missing an AdmissionRequest object",
      noObjectForReview: "no object or oldObject found to review",
      invalidYaml: "invalid yaml",
      unmarshallObject: "object or oldObject cannot be unmarshalled",
      notATemplate: "not a ConstraintTemplate",
      notAConstraint: "not a Constraint",
      notAnExpansion: "not an Expansion Template",
      schema: "schema validation failed"
    };
    GoError = class extends Error {
    };
    JsonTypeError = class extends Error {
    };
    GVK_SHAPE = { group: "string", version: "string", kind: "string" };
    GVR_SHAPE = { group: "string", version: "string", resource: "string" };
    REQUEST_SHAPE = {
      uid: "string",
      kind: GVK_SHAPE,
      resource: GVR_SHAPE,
      subResource: "string",
      requestKind: GVK_SHAPE,
      requestResource: GVR_SHAPE,
      requestSubResource: "string",
      name: "string",
      namespace: "string",
      operation: "string",
      userInfo: { username: "string", uid: "string", groups: "[]string", extra: "map[string][]string" },
      object: "any",
      oldObject: "any",
      dryRun: "bool",
      options: "any"
    };
    REVIEW_SHAPE = { apiVersion: "string", kind: "string", request: REQUEST_SHAPE, response: "any" };
    GO_STRING_TYPES = { uid: "types.UID", operation: "v1.Operation" };
  }
});

// src/gator/verify.ts
function formatDuration(ms2) {
  return `${(ms2 / 1e3).toFixed(3)}s`;
}
function printGoTest(results, verbose) {
  let out = "";
  for (const suite of results) out += printSuite(suite, verbose);
  out += results.some(isSuiteFailure) ? "FAIL\n" : "PASS\n";
  return `${out}
`;
}
function printSuite(r, verbose) {
  let out = "";
  for (const t of r.tests) out += printTest(t, verbose);
  if (isSuiteFailure(r)) {
    out += `FAIL	${r.path}	${formatDuration(r.durationMs)}
`;
    if (r.error !== void 0) out += `  ${r.error}
`;
  } else out += `ok	${r.path}	${formatDuration(r.durationMs)}
`;
  return out;
}
function printTest(r, verbose) {
  let out = "";
  if (verbose) {
    if (r.skipped) return `=== SKIP  ${r.name}
`;
    out += `=== RUN   ${r.name}
`;
  }
  for (const c of r.cases) out += printCase(c, verbose);
  if (isTestFailure(r)) {
    out += `--- FAIL: ${r.name}	(${formatDuration(r.durationMs)})
`;
    if (r.error !== void 0) out += `  ${r.error}
`;
  } else if (verbose) out += `--- PASS: ${r.name}	(${formatDuration(r.durationMs)})
`;
  return out;
}
function printCase(r, verbose) {
  let out = "";
  if (verbose) {
    if (r.skipped) return `    === SKIP  ${r.name}
`;
    out += `    === RUN   ${r.name}
`;
    if (r.print.length > 0) {
      out += "        === PRINT ===\n";
      for (const line of r.print.replace(/\n$/, "").split("\n")) out += `        ${line}
`;
    }
  }
  if (isCaseFailure(r)) out += `    --- FAIL: ${r.name}	(${formatDuration(r.durationMs)})
        ${r.error}
`;
  else if (verbose) out += `    --- PASS: ${r.name}	(${formatDuration(r.durationMs)})
`;
  return out;
}
function toVerifyJson(results) {
  return {
    pass: !results.some(isSuiteFailure),
    suites: results.map((s2) => ({
      path: s2.path,
      skipped: s2.skipped,
      failed: isSuiteFailure(s2),
      error: s2.error ?? null,
      durationMs: ms(s2.durationMs),
      tests: s2.tests.map((t) => ({
        name: t.name,
        skipped: t.skipped,
        failed: isTestFailure(t),
        error: t.error ?? null,
        durationMs: ms(t.durationMs),
        cases: t.cases.map((c) => ({ name: c.name, skipped: c.skipped, failed: isCaseFailure(c), error: c.error ?? null, durationMs: ms(c.durationMs) }))
      }))
    }))
  };
}
function printJson(results) {
  return `${JSON.stringify(toVerifyJson(results), null, 2)}
`;
}
var ms;
var init_verify2 = __esm({
  "src/gator/verify.ts"() {
    "use strict";
    init_verify();
    ms = (n) => Math.round(n * 1e3) / 1e3;
  }
});

// src/cli/commands/verify.ts
var verify_exports = {};
__export(verify_exports, {
  VERIFY_USAGE: () => VERIFY_USAGE,
  runVerify: () => runVerify
});
import { parseArgs as parseArgs2 } from "node:util";
async function runVerify(argvIn, out, err) {
  const cel = takeNativeValidationFlag(argvIn);
  if ("error" in cel) {
    err.write(`Error: ${cel.error}
${VERIFY_USAGE}
`);
    return 2;
  }
  let args;
  try {
    args = parseArgs2({
      args: cel.argv,
      options: {
        run: { type: "string", short: "r", default: "" },
        verbose: { type: "boolean", short: "v", default: false },
        output: { type: "string", short: "o", default: "text" },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    });
  } catch (e) {
    err.write(`Error: ${e.message}
${VERIFY_USAGE}
`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${VERIFY_USAGE}
`);
    return 0;
  }
  const format = (args.values.output ?? "text").toLowerCase();
  if (format !== "text" && format !== "json") {
    err.write(`Error: unknown output format ${JSON.stringify(format)}; use text or json
`);
    return 2;
  }
  if (args.positionals.length === 0) {
    err.write(`Error: accepts at least 1 arg(s), received 0
${VERIFY_USAGE}
`);
    return 2;
  }
  const suites = [];
  for (const p of args.positionals) {
    try {
      suites.push(...await findSuites(p));
    } catch (e) {
      err.write(`Error: listing test files: ${e.message}
`);
      return 1;
    }
  }
  let filter;
  try {
    filter = newFilter(args.values.run ?? "");
  } catch (e) {
    err.write(`Error: compiling filter: ${e.message}
`);
    return 1;
  }
  const runtime = createRuntime();
  const results = [];
  try {
    const deps = { compiler: runtime.compiler, pool: runtime.pool, celEnabled: cel.enabled };
    for (const suite of suites) results.push(await runSuite(suite, filter, deps));
  } finally {
    await runtime.close();
  }
  out.write(format === "json" ? printJson(results) : printGoTest(results, args.values.verbose ?? false));
  const failed2 = results.some(isSuiteFailure);
  if (failed2 && format === "text") err.write("Error: FAIL\n");
  return failed2 ? 1 : 0;
}
var VERIFY_USAGE;
var init_verify3 = __esm({
  "src/cli/commands/verify.ts"() {
    "use strict";
    init_native_validation();
    init_runtime();
    init_verify();
    init_verify2();
    VERIFY_USAGE = `Usage: preadmit verify PATH [PATH\u2026] [--run REGEX] [-v] [-o text|json] [--enable-k8s-native-validation=false]

Runs gator Suite files (apiVersion test.gatekeeper.sh/*, kind Suite) as \`gator verify\` does.
PATH is a suite file, a directory (its YAML files), or DIR/... (recursively).

  -r, --run REGEX   run only tests or cases whose names match (Go RE2); TEST//CASE matches both
  -v, --verbose     print every test and case (=== RUN, --- PASS, === SKIP)
  -o, --output FMT  text (gator's Go-test style, the default) or json

Exit code 1 when a test or case fails or the suites cannot be read, 2 on a usage error.`;
  }
});

// src/render/mask.ts
function isSecretLike(object) {
  if (typeof object.kind !== "string") return false;
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion.trim() : "";
  const slash = apiVersion.indexOf("/");
  return isSecretKind(slash < 0 ? "" : apiVersion.slice(0, slash), object.kind);
}
function isSecretKind(group, kind) {
  const g = group.trim().toLowerCase();
  return kind.trim().toLowerCase() === "secret" && (g === "" || g === "core");
}
function maskSecret(object) {
  if (!isSecretLike(object)) return object;
  const copy = { ...object };
  for (const field3 of ["data", "stringData"]) {
    const values = object[field3];
    if (values === void 0 || values === null) continue;
    if (!isObject(values)) {
      copy[field3] = MASK;
      continue;
    }
    const masked2 = {};
    for (const key of Object.keys(values)) Object.defineProperty(masked2, key, { value: MASK, enumerable: true, writable: true, configurable: true });
    copy[field3] = masked2;
  }
  const meta = isObject(object.metadata) ? object.metadata : void 0;
  const annotations = meta && isObject(meta.annotations) ? meta.annotations : void 0;
  if (meta && annotations && LAST_APPLIED in annotations) {
    copy.metadata = { ...meta, annotations: { ...annotations, [LAST_APPLIED]: MASK } };
  }
  return copy;
}
function* secretsAmong(objects, depth = 0) {
  for (const object of objects) {
    if (isSecretLike(object)) yield object;
    if (depth < 4 && Array.isArray(object.items)) yield* secretsAmong(object.items.filter(isObject), depth + 1);
  }
}
function scalars(value, out = [], depth = 0) {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "boolean") out.push(String(value));
  else if (depth < 16 && Array.isArray(value)) for (const v of value) scalars(v, out, depth + 1);
  else if (depth < 16 && isObject(value)) for (const v of Object.values(value)) scalars(v, out, depth + 1);
  return out;
}
function secretValues(objects) {
  const out = /* @__PURE__ */ new Set();
  const add2 = (v) => {
    out.add(v);
    out.add(v.trim());
  };
  for (const object of secretsAmong(objects)) {
    for (const field3 of ["data", "stringData"]) {
      for (const v of scalars(object[field3])) {
        add2(v);
        if (field3 !== "data") continue;
        try {
          add2(UTF8.decode(Buffer.from(v.replace(/\s+/g, ""), "base64")));
        } catch {
        }
      }
    }
  }
  for (const v of out) if (v.trim().length < MIN_SECRET_CHARS) out.delete(v);
  return out;
}
function literalForms(plain2) {
  const bytes = Buffer.from(plain2, "utf8");
  const b64 = bytes.toString("base64");
  const b64url = bytes.toString("base64url");
  const json = JSON.stringify(plain2).slice(1, -1);
  const hex2 = bytes.toString("hex");
  return [plain2, json, encodeURIComponent(plain2), b64, b64.replace(/=+$/, ""), b64url, `${b64url}${"=".repeat((4 - b64url.length % 4) % 4)}`, hex2, hex2.toUpperCase()];
}
function spelledForms(plain2) {
  const bytes = [...Buffer.from(plain2, "utf8")];
  return [
    plain2,
    // Go's %v of a []byte: [112 97 115 115]; %x-ish lists: 0x70, 0x61, …; escapes: \x70\x61…
    bytes.map((b) => String(b)).join(""),
    bytes.map((b) => `0x${b.toString(16).padStart(2, "0")}`).join(""),
    bytes.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join(""),
    // Runes as numbers ([]rune, code points) differ from bytes only beyond ASCII.
    [...plain2].map((c) => String(c.codePointAt(0))).join("")
  ];
}
function squeeze(text) {
  let out = "";
  const at2 = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SEPARATOR.test(c)) continue;
    out += c;
    at2.push(i);
  }
  return { text: out, at: at2 };
}
function matcherFor(values) {
  let m = matchers.get(values);
  if (m === void 0) {
    m = new Matcher(values);
    matchers.set(values, m);
  }
  return m;
}
function redactSecrets(text, values) {
  if (values.size === 0) return text;
  return matcherFor(values).redact(text);
}
function redactDeep(value, values) {
  if (values.size === 0) return value;
  const m = matcherFor(values);
  const seen = /* @__PURE__ */ new Set();
  const walk2 = (v) => {
    if (typeof v === "string") return m.redact(v);
    if (v === null || typeof v !== "object" || seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk2(v[i]);
      return v;
    }
    const o = v;
    for (const k of Object.keys(o)) if (!STRUCTURAL_KEYS.has(k)) o[k] = walk2(o[k]);
    return v;
  };
  return walk2(value);
}
var MASK, MIN_SECRET_CHARS, MIN_SEPARATED_CHARS, LAST_APPLIED, UTF8, SEPARATOR, Literals, Matcher, matchers, STRUCTURAL_KEYS;
var init_mask = __esm({
  "src/render/mask.ts"() {
    "use strict";
    init_classify();
    MASK = "***";
    MIN_SECRET_CHARS = 4;
    MIN_SEPARATED_CHARS = 6;
    LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    UTF8 = new TextDecoder("utf-8", { fatal: true });
    SEPARATOR = /[\s,;'"`[\](){}\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u;
    Literals = class {
      constructor(forms, prefix2) {
        this.prefix = prefix2;
        for (const f of new Set(forms)) {
          if (f.length < prefix2) continue;
          const key = f.slice(0, prefix2);
          const list2 = this.byPrefix.get(key) ?? [];
          list2.push(f);
          this.byPrefix.set(key, list2);
          this.first.add(f.charCodeAt(0));
        }
        for (const list2 of this.byPrefix.values()) list2.sort((a, b) => b.length - a.length);
      }
      prefix;
      byPrefix = /* @__PURE__ */ new Map();
      first = /* @__PURE__ */ new Set();
      get empty() {
        return this.byPrefix.size === 0;
      }
      /** [start, end) of every occurrence (the longest at each position). */
      find(text) {
        const out = [];
        for (let i = 0; i + this.prefix <= text.length; i++) {
          if (!this.first.has(text.charCodeAt(i))) continue;
          const list2 = this.byPrefix.get(text.slice(i, i + this.prefix));
          if (list2 === void 0) continue;
          for (const f of list2) {
            if (text.startsWith(f, i)) {
              out.push([i, i + f.length]);
              break;
            }
          }
        }
        return out;
      }
    };
    Matcher = class {
      literal;
      spelled;
      constructor(values) {
        const literal = [];
        const spelled = [];
        for (const v of values) {
          literal.push(...literalForms(v));
          for (const f of spelledForms(v)) {
            const s2 = squeeze(f).text;
            if (s2.length >= MIN_SEPARATED_CHARS) spelled.push(s2);
          }
        }
        this.literal = new Literals(literal, MIN_SECRET_CHARS);
        this.spelled = new Literals(spelled, MIN_SEPARATED_CHARS);
      }
      redact(text) {
        if (this.literal.empty || text.length < MIN_SECRET_CHARS) return text;
        const ranges = this.literal.find(text);
        if (!this.spelled.empty) {
          const s2 = squeeze(text);
          for (const [a, b] of this.spelled.find(s2.text)) ranges.push([s2.at[a], s2.at[b - 1] + 1]);
        }
        if (ranges.length === 0) return text;
        ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
        let out = "";
        let pos = 0;
        for (const [a, b] of ranges) {
          if (b <= pos) continue;
          if (a >= pos) out += text.slice(pos, a) + MASK;
          pos = b;
        }
        return out + text.slice(pos);
      }
    };
    matchers = /* @__PURE__ */ new WeakMap();
    STRUCTURAL_KEYS = /* @__PURE__ */ new Set(["id", "file"]);
  }
});

// src/render/tools.ts
import { access, constants as constants2 } from "node:fs/promises";
import path5 from "node:path";
function findRenderTool(name) {
  try {
    return { path: findTool(name) };
  } catch (e) {
    return { error: errorText(e) };
  }
}
async function findExecutable(name, dirs) {
  for (const dir of dirs) {
    const candidate = path5.join(dir, name);
    try {
      await access(candidate, constants2.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
var init_tools2 = __esm({
  "src/render/tools.ts"() {
    "use strict";
    init_load();
    init_tools();
  }
});

// src/render/paths.ts
import path6 from "node:path";
function dirOf(file) {
  const d = path6.posix.dirname(file);
  return d === "." ? "" : d;
}
function resolveInRepo(dir, ref) {
  if (ref.startsWith("/") || /^[A-Za-z]:[\\/]/.test(ref) || ref.includes("\0")) return void 0;
  const joined = path6.posix.normalize(path6.posix.join(dir === "" ? "." : dir, ref.replace(/\\/g, "/")));
  if (joined === ".." || joined.startsWith("../")) return void 0;
  if (joined === "." || joined === "./") return "";
  return joined.replace(/\/+$/, "").replace(/^\.\//, "");
}
function isUnder(file, dir) {
  return dir === "" || file === dir || file.startsWith(dir + "/");
}
var init_paths = __esm({
  "src/render/paths.ts"() {
    "use strict";
  }
});

// src/render/affected.ts
function changedPaths(changed) {
  const out = /* @__PURE__ */ new Set();
  for (const c of changed) {
    out.add(c.path);
    if (c.previousPath !== void 0) out.add(c.previousPath);
  }
  return [...out];
}
function isAffected(root, paths) {
  for (const p of paths) {
    if (root.deps.has(p)) return true;
    for (const prefix2 of root.prefixes) if (isUnder(p, prefix2)) return true;
  }
  return false;
}
var init_affected = __esm({
  "src/render/affected.ts"() {
    "use strict";
    init_paths();
  }
});

// src/render/sandbox.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync3, rmSync } from "node:fs";
import { mkdir as mkdir4, mkdtemp as mkdtemp2 } from "node:fs/promises";
import os2 from "node:os";
import path7 from "node:path";
function jailSupport() {
  jail ??= (async () => {
    const configured = process.env.PREADMIT_BWRAP;
    const bwrap = configured !== void 0 && configured !== "" ? existsSync3(configured) ? configured : void 0 : await findExecutable("bwrap", ["/usr/bin", "/bin", "/usr/local/bin"]);
    const install = "install bubblewrap (`npm run tools` installs the Debian package when run as root; or `apt-get install bubblewrap`)";
    if (bwrap === void 0) {
      return { ok: false, reason: `bubblewrap (bwrap) not found${configured ? ` at PREADMIT_BWRAP=${configured}` : ""}: ${install}` };
    }
    const prlimit = await findExecutable("prlimit", ["/usr/bin", "/bin"]);
    if (prlimit === void 0) return { ok: false, reason: "prlimit (util-linux) not found: it sets the renderers' memory cap" };
    const truePath = ["/usr/bin/true", "/bin/true"].find((p) => existsSync3(p));
    if (truePath === void 0) return { ok: false, reason: "no /bin/true to probe the jail with" };
    const libs = ["/usr", "/lib", "/lib64", "/lib32"].filter((p) => existsSync3(p));
    const probe = await collect(bwrap, jailArgs(truePath, [], { readOnly: libs, cwd: "/", env: {}, homeDirs: [] }), { timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
    if (probe.code !== 0) {
      const why = probe.spawnError ?? (untrustedToolText(probe.stderr) || `exit ${probe.code ?? "signal"}`);
      return { ok: false, reason: `bubblewrap at ${bwrap} cannot make the jail here (${why}): it needs user, mount, pid and network namespaces` };
    }
    return { ok: true, bwrap, prlimit };
  })();
  return jail;
}
function jailArgs(command, args, j) {
  const tool = toolPathInRun(command, true);
  const out = [
    "--unshare-all",
    // user, ipc, pid, net, uts, cgroup: no network but loopback
    "--unshare-user",
    "--disable-userns",
    // and no namespaces of its own inside
    "--uid",
    "65534",
    "--gid",
    "65534",
    "--cap-drop",
    "ALL",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(JAIL_TMP_BYTES),
    "--tmpfs",
    JAIL_TMP,
    "--dir",
    JAIL_HOME,
    "--dir",
    JAIL_EMPTY_PATH
  ];
  for (const d of j.homeDirs) out.push("--dir", path7.posix.join(JAIL_HOME, d));
  for (const dir of j.readOnly) out.push("--ro-bind", dir, dir);
  for (const extra of j.extraTools ?? []) out.push("--ro-bind", extra, toolPathInRun(extra, true));
  out.push("--ro-bind", command, tool, "--remount-ro", "/", "--chdir", j.cwd);
  for (const [k, v] of Object.entries(j.env)) out.push("--setenv", k, v);
  out.push("--", tool, ...args);
  return out;
}
function toolPathInRun(hostPath, jailed) {
  return jailed ? `${JAIL_TOOL_DIR}/${path7.basename(hostPath)}` : hostPath;
}
function scratchDirs() {
  scratch ??= (async () => {
    const base = await mkdtemp2(path7.join(os2.tmpdir(), "preadmit-sandbox-"));
    process.once("exit", () => rmSync(base, { recursive: true, force: true }));
    const home = path7.join(base, "home");
    const emptyBin = path7.join(base, "bin");
    await mkdir4(home, { recursive: true });
    await mkdir4(emptyBin, { recursive: true });
    return { home, emptyBin };
  })();
  return scratch;
}
async function scratchIn(dir) {
  const s2 = { home: path7.join(dir, "sandbox-home"), emptyBin: path7.join(dir, "sandbox-bin") };
  await mkdir4(s2.home, { recursive: true });
  await mkdir4(s2.emptyBin, { recursive: true });
  return s2;
}
function scrubbedEnv2(s2, extra = {}) {
  const deadProxy = "http://127.0.0.1:9";
  return {
    PATH: s2.emptyBin,
    HOME: s2.home,
    TMPDIR: s2.tmp,
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    ALL_PROXY: deadProxy,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    NO_PROXY: "",
    no_proxy: "",
    GIT_ALLOW_PROTOCOL: "none",
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...extra
  };
}
function networkIsolator() {
  netIsolation ??= (async () => {
    const unshare = await findExecutable("unshare", ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
    if (unshare === void 0) return void 0;
    const r = await collect(unshare, ["--user", "--map-root-user", "--net", "--", "/bin/true"], { timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
    return r.code === 0 ? unshare : void 0;
  })();
  return netIsolation;
}
async function runSandboxed(command, args, options) {
  const homeDirs = Object.entries(options.homeDirs ?? {});
  const limits2 = { timeoutMs: options.timeoutMs, maxOutputBytes: options.maxOutputBytes, ...options.signal !== void 0 ? { signal: options.signal } : {} };
  const goMemLimit = options.memoryBytes !== void 0 ? { GOMEMLIMIT: String(Math.floor(options.memoryBytes * 0.8)) } : {};
  if (options.jail !== false) {
    const support = await jailSupport();
    if (!support.ok) return notStarted(`the renderer jail cannot be made: ${support.reason}`);
    const env2 = {
      ...scrubbedEnv2({ home: JAIL_HOME, emptyBin: JAIL_EMPTY_PATH, tmp: JAIL_TMP }, options.env),
      ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path7.posix.join(JAIL_HOME, d)])),
      ...goMemLimit
    };
    const bwrapArgs = jailArgs(command, args, { readOnly: options.jail?.readOnly ?? [], cwd: options.cwd, env: env2, homeDirs: homeDirs.map(([, d]) => d), extraTools: options.extraTools ?? [] });
    const [file2, argv2] = withMemoryCap(support.prlimit, options.memoryBytes, support.bwrap, bwrapArgs);
    return collect(file2, argv2, { ...limits2, cwd: "/", env: {} });
  }
  const s2 = options.scratchDir !== void 0 ? await scratchIn(options.scratchDir) : await scratchDirs();
  for (const [, d] of homeDirs) await mkdir4(path7.join(s2.home, d), { recursive: true });
  const env = {
    ...scrubbedEnv2({ ...s2, tmp: os2.tmpdir() }, options.env),
    ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path7.join(s2.home, d)])),
    ...goMemLimit
  };
  const isolator = options.isolateNetwork === false ? void 0 : await networkIsolator();
  const [file, argv] = isolator ? [isolator, ["--user", "--map-root-user", "--net", "--", command, ...args]] : [command, args];
  const prlimit = options.memoryBytes !== void 0 ? await findExecutable("prlimit", ["/usr/bin", "/bin"]) : void 0;
  const [f, a] = withMemoryCap(prlimit, options.memoryBytes, file, argv);
  return collect(f, a, { ...limits2, cwd: options.cwd, env });
}
function withMemoryCap(prlimit, bytes, file, argv) {
  if (prlimit === void 0 || bytes === void 0) return [file, argv];
  return [prlimit, [`--data=${bytes}`, "--", file, ...argv]];
}
function notStarted(spawnError) {
  return { code: null, stdout: "", stdoutBytes: Buffer.alloc(0), stderr: "", timedOut: false, overflowed: false, outOfMemory: false, spawnError };
}
function collect(file, argv, options) {
  return new Promise((resolve2, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(new AbortError(`${path7.basename(file)} not started: the check was cancelled`));
      return;
    }
    let child4;
    try {
      child4 = spawn2(file, argv, {
        cwd: options.cwd ?? "/",
        env: options.env ?? {},
        stdio: ["ignore", "pipe", "pipe"],
        detached: true
        // its own process group, so a timeout kills the children it spawned too
      });
    } catch (e) {
      resolve2(notStarted(String(e)));
      return;
    }
    const out = [];
    const err = [];
    let bytes = 0;
    let timedOut = false;
    let overflowed = false;
    let settled = false;
    const kill = () => {
      if (child4.pid === void 0) return;
      try {
        process.kill(-child4.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      kill();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const ended = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (aborted) reject(new AbortError(`${path7.basename(file)} stopped: the check was cancelled`));
      return aborted;
    };
    const sink = (to) => (b) => {
      if (overflowed) return;
      bytes += b.length;
      if (bytes > options.maxOutputBytes) {
        overflowed = true;
        kill();
        return;
      }
      to.push(b);
    };
    child4.stdout.on("data", sink(out));
    child4.stderr.on("data", sink(err));
    child4.on("error", (e) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      resolve2({ ...notStarted(e.message), timedOut, overflowed });
    });
    child4.on("close", (code2) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      const stderr = Buffer.concat(err).toString("utf8");
      const stdoutBytes = Buffer.concat(out);
      resolve2({
        code: code2,
        stdout: stdoutBytes.toString("utf8"),
        stdoutBytes,
        stderr,
        timedOut,
        overflowed,
        // Go's runtime, refused memory by the data limit, dies with one of these.
        outOfMemory: code2 !== 0 && /fatal error: (runtime: )?out of memory|runtime: cannot allocate memory|cannot allocate memory/i.test(stderr)
      });
    });
  });
}
function untrustedToolText(text) {
  const clean = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, "").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\t/g, " ");
  const lines = clean.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "").slice(-TOOL_TEXT_LINES);
  const joined = lines.join("\n");
  return joined.length <= TOOL_TEXT_CHARS ? joined : `\u2026${joined.slice(joined.length - TOOL_TEXT_CHARS + 1)}`;
}
function failureOf(tool, r, limits2) {
  if (r.spawnError !== void 0) return `${tool} could not be started: ${r.spawnError}`;
  if (r.timedOut) return `${tool} ${limits2.timeLimit ?? `exceeded the ${limits2.timeoutMs} ms time limit`} and was stopped`;
  if (r.overflowed) return `${tool} output exceeded the ${limits2.maxOutputBytes}-byte cap and was stopped`;
  if (r.outOfMemory && limits2.memoryBytes !== void 0) {
    return `${tool} exceeded the ${Math.round(limits2.memoryBytes / (1024 * 1024))} MiB memory cap and was stopped`;
  }
  if (r.code !== 0) {
    const msg = untrustedToolText(r.stderr);
    const hint = /^bwrap: execvp /m.test(r.stderr) ? " (the jail holds only the tool binary: it must be statically linked, CGO_ENABLED=0)" : "";
    return `${tool} failed (exit ${r.code ?? "signal"}): ${msg === "" ? "no message" : msg}${hint}`;
  }
  return void 0;
}
var JAIL_TOOL_DIR, JAIL_TMP, JAIL_HOME, JAIL_EMPTY_PATH, JAIL_TMP_BYTES, jail, scratch, netIsolation, TOOL_TEXT_LINES, TOOL_TEXT_CHARS;
var init_sandbox = __esm({
  "src/render/sandbox.ts"() {
    "use strict";
    init_abort();
    init_tools2();
    JAIL_TOOL_DIR = "/opt/preadmit-tool";
    JAIL_TMP = "/tmp";
    JAIL_HOME = "/tmp/home";
    JAIL_EMPTY_PATH = "/opt/preadmit-empty";
    JAIL_TMP_BYTES = 64 * 1024 * 1024;
    TOOL_TEXT_LINES = 5;
    TOOL_TEXT_CHARS = 1e3;
  }
});

// src/render/glob.ts
function globToRegExp(glob) {
  let re = "";
  let i = 0;
  let braces = 0;
  const g = glob.replace(/^\.\//, "").replace(/\/+$/, "/**");
  while (i < g.length) {
    const c = g[i];
    if (c === "*") {
      if (g[i + 1] === "*") {
        const slashAfter = g[i + 2] === "/";
        re += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 3 : 2;
        continue;
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
    i++;
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
function matchesAny(file, globs) {
  return globs.some((g) => g.test(file));
}
var init_glob2 = __esm({
  "src/render/glob.ts"() {
    "use strict";
  }
});

// src/render/helm/version.ts
function looseSemver(v) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(v.trim());
  if (!m) return void 0;
  const strip = (n) => n === void 0 ? "0" : String(BigInt(n));
  const r = parseSemver(`${strip(m[1])}.${strip(m[2])}.${strip(m[3])}${m[4] ?? ""}`);
  return "error" in r ? void 0 : r;
}
function partial(text) {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) return void 0;
  const num = (s2) => s2 === void 0 || /^[xX*]$/.test(s2) ? void 0 : BigInt(s2);
  const parts = [num(m[1]), num(m[2]), num(m[3])];
  const first = parts.findIndex((p) => p === void 0);
  if (first >= 0) for (let i = first; i < 3; i++) parts[i] = void 0;
  return { parts, pre: m[4] ? m[4].split(".") : [], text };
}
function ceiling(p) {
  const [a, b] = p.parts;
  if (a === void 0) return sv(BigInt(Number.MAX_SAFE_INTEGER), 0n, 0n);
  if (b === void 0) return sv(a + 1n, 0n, 0n, ["0"]);
  if (p.parts[2] === void 0) return sv(a, b + 1n, 0n, ["0"]);
  return sv(a, b, p.parts[2] + 1n, ["0"]);
}
function single(op, p) {
  const exact = p.parts.every((x) => x !== void 0);
  switch (op) {
    case "":
    case "=":
      return exact ? (v) => cmp(v, floor(p)) === 0 : within(floor(p), ceiling(p));
    case "!=":
      return exact ? (v) => cmp(v, floor(p)) !== 0 : (v) => !within(floor(p), ceiling(p))(v);
    case ">":
      return exact ? (v) => cmp(v, floor(p)) > 0 : (v) => cmp(v, ceiling(p)) >= 0;
    case ">=":
    case "=>":
      return (v) => cmp(v, floor(p)) >= 0;
    case "<":
      return (v) => cmp(v, floor(p)) < 0;
    case "<=":
    case "=<":
      return exact ? (v) => cmp(v, floor(p)) <= 0 : (v) => cmp(v, ceiling(p)) < 0;
    case "~":
    case "~>": {
      const [a, b] = p.parts;
      if (a === void 0) return () => true;
      const hi = b === void 0 ? sv(a + 1n, 0n, 0n, ["0"]) : sv(a, b + 1n, 0n, ["0"]);
      return within(floor(p), hi);
    }
    case "^": {
      const [a, b, c] = p.parts;
      if (a === void 0) return () => true;
      let hi;
      if (a > 0n || b === void 0) hi = sv(a + 1n, 0n, 0n, ["0"]);
      else if (b > 0n || c === void 0) hi = sv(0n, b + 1n, 0n, ["0"]);
      else hi = sv(0n, 0n, c + 1n, ["0"]);
      return within(floor(p), hi);
    }
    default:
      return void 0;
  }
}
function parseConstraint2(text) {
  const alternatives = [];
  let prerelease = false;
  for (const alt of text.split("||")) {
    const checks = [];
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) {
      const lo = partial(hyphen[1]);
      const hi = partial(hyphen[2]);
      if (!lo || !hi) return void 0;
      checks.push(single(">=", lo), single("<=", hi));
      prerelease ||= lo.pre.length > 0 || hi.pre.length > 0;
    } else {
      const tokens = alt.replace(/(>=|<=|=>|=<|!=|~>|[<>=~^])\s+/g, "$1").split(/[\s,]+/).filter((t) => t !== "");
      if (tokens.length === 0) return void 0;
      for (const token of tokens) {
        const m = /^(>=|<=|=>|=<|!=|~>|[<>=~^])?(.+)$/.exec(token);
        const p = partial(m[2]);
        const check = p && single(m[1] ?? "", p);
        if (!p || !check) return void 0;
        prerelease ||= p.pre.length > 0;
        checks.push(check);
      }
    }
    alternatives.push(checks);
  }
  return { test: (v) => alternatives.some((checks) => checks.every((c) => c(v))), prerelease };
}
function pickVersion(wanted, available) {
  const w = wanted.trim();
  const exact = available.find((v) => v === w);
  if (exact !== void 0) return { version: exact };
  const constraint = parseConstraint2(w === "" ? "*" : w);
  if (constraint === void 0) return { reason: `version '${wanted}' is neither a version nor a semver constraint` };
  let best;
  for (const text of available) {
    const v = looseSemver(text);
    if (v === void 0 || v.pre.length > 0 && !constraint.prerelease || !constraint.test(v)) continue;
    if (best === void 0 || cmp(v, best.v) > 0) best = { text, v };
  }
  return best ? { version: best.text } : { reason: `no version in the repository index satisfies '${wanted}'` };
}
function helmVersionWanted(version, devel = false) {
  if (version.trim() !== "") return version;
  return devel ? ">0.0.0-0" : "*";
}
var sv, cmp, floor, within;
var init_version = __esm({
  "src/render/helm/version.ts"() {
    "use strict";
    init_semver();
    sv = (a, b, c, pre = []) => new Semver(a, b, c, pre);
    cmp = (a, b) => compareSemver(a, b);
    floor = (p) => sv(p.parts[0] ?? 0n, p.parts[1] ?? 0n, p.parts[2] ?? 0n, p.pre);
    within = (lo, hi) => (v) => cmp(v, lo) >= 0 && cmp(v, hi) < 0;
  }
});

// src/render/helm/remote.ts
import { createHash as createHash4 } from "node:crypto";
import { existsSync as existsSync4 } from "node:fs";
import { mkdir as mkdir5, readFile as readFile4, rename as rename2, rm as rm2 } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path8 from "node:path";
import { parseDocument } from "yaml";
function normalizeRepoUrl(url) {
  let u;
  try {
    u = new URL(url.trim());
  } catch {
    return void 0;
  }
  if (!["https:", "http:", "oci:"].includes(u.protocol) || u.username !== "" || u.password !== "" || u.hostname === "") return void 0;
  return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`;
}
function chartAllowList(operator = process.env[CHART_REPOSITORIES_ENV], narrowTo) {
  const operatorEntries = (operator ?? "").split(/[\s,]+/).filter((e) => e !== "").map(normalizeRepoUrl).filter((e) => e !== void 0);
  if (narrowTo === void 0) return { allow: { entries: [...new Set(operatorEntries)] }, ignored: [] };
  const entries = [];
  const ignored = [];
  for (const raw of narrowTo) {
    const n = normalizeRepoUrl(raw);
    if (n !== void 0 && covered(n, operatorEntries)) entries.push(n);
    else ignored.push(raw);
  }
  return { allow: { entries: [...new Set(entries)] }, ignored };
}
function covered(url, entries) {
  return entries.some((e) => url === e || url.startsWith(`${e}/`));
}
function repositoryAllowed(url, allow) {
  const n = normalizeRepoUrl(url);
  return n !== void 0 && covered(n, allow.entries);
}
function hostAllowed(url, allow) {
  const origin = `${url.protocol}//${url.host.toLowerCase()}`;
  return url.username === "" && url.password === "" && allow.entries.map(httpOrigin).some((e) => e === origin || e.startsWith(`${origin}/`));
}
function httpOrigin(entry) {
  if (!entry.startsWith("oci://")) return entry;
  const u = new URL(entry);
  return `${isLoopback2(u.hostname) ? "http:" : "https:"}//${u.host}${u.pathname}`;
}
function isLoopback2(hostname2) {
  return hostname2 === "localhost" || hostname2 === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname2);
}
function refusalOf(repoUrl, allow) {
  const r = repoUrl.trim();
  if (!/^(https?|oci):\/\//i.test(r)) return `repository '${r}' is not an http(s) chart repository or oci:// registry URL`;
  if (normalizeRepoUrl(r) === void 0) return `repository '${r}' is not a valid URL without credentials`;
  if (!repositoryAllowed(r, allow)) {
    const list2 = allow.entries.length === 0 ? "none are allowed" : `allowed: ${allow.entries.join(", ")}`;
    return `chart repository ${normalizeRepoUrl(r)} is not allowed (${list2}; the operator sets ${CHART_REPOSITORIES_ENV}, preadmit.yml chartRepositories may only narrow it)`;
  }
  return void 0;
}
function resolveRemoteChart(req, ctx) {
  const key = JSON.stringify([req.repoUrl, req.chart, req.version, req.digest ?? "", ctx.cacheDir, ctx.allow.entries]);
  let entry = inFlight.get(key);
  if (entry === void 0 || entry.signal?.aborted) {
    const result = resolve(req, ctx).catch((e) => ({ ok: false, reason: `chart ${req.chart} ${req.version}: ${e instanceof Error ? e.message : String(e)}` }));
    const mine = { result, signal: ctx.signal };
    inFlight.set(key, mine);
    void result.finally(() => {
      if (inFlight.get(key) === mine) inFlight.delete(key);
    });
    entry = mine;
  }
  const owner = entry.signal;
  return entry.result.then((r) => !r.ok && owner?.aborted && !ctx.signal?.aborted ? resolveRemoteChart(req, ctx) : r);
}
function what(req) {
  return `chart ${req.chart} ${req.version} from ${req.repoUrl}`;
}
async function resolve(req, ctx) {
  const limits2 = { ...DEFAULT_CHART_LIMITS, ...ctx.limits };
  const refused = refusalOf(req.repoUrl, ctx.allow);
  if (refused !== void 0) return { ok: false, reason: refused };
  const pinned = req.digest === void 0 ? void 0 : req.digest.replace(/^sha256:/i, "").toLowerCase();
  if (pinned !== void 0 && !/^[0-9a-f]{64}$/.test(pinned)) return { ok: false, reason: `${what(req)}: digest '${req.digest}' is not a sha256 digest` };
  const root = path8.join(ctx.cacheDir, "charts");
  const repo = normalizeRepoUrl(req.repoUrl);
  if (pinned !== void 0) {
    const hit = await unpacked(root, pinned, req.chart);
    if (hit) return { ok: true, dir: hit, digest: pinned, version: req.version };
  }
  const resolutionFile = path8.join(root, "resolved", `${sha2562(JSON.stringify([repo, req.chart, req.version]))}.json`);
  const known = await readResolution(resolutionFile);
  if (known !== void 0 && (pinned === void 0 || pinned === known.digest)) {
    const hit = await unpacked(root, known.digest, req.chart);
    if (hit) return { ok: true, dir: hit, digest: known.digest, version: known.version };
  }
  if (repo.startsWith("oci://")) return await resolveOci(req, ctx, limits2, { root, pinned, resolutionFile });
  const indexUrl = new URL(`${repo}/index.yaml`);
  const index = await httpGet(indexUrl, ctx, limits2);
  if (!index.ok) return { ok: false, reason: `${what(req)}: index.yaml: ${index.reason}` };
  const entries = chartEntries(index.body, req.chart);
  if ("reason" in entries) return { ok: false, reason: `${what(req)}: index.yaml: ${entries.reason}` };
  const picked = pickVersion(req.version, entries.list.map((e) => e.version));
  if ("reason" in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
  const entry = entries.list.find((e) => e.version === picked.version);
  const indexDigest = entry.digest?.replace(/^sha256:/i, "").toLowerCase();
  if (pinned !== void 0 && indexDigest !== void 0 && indexDigest !== pinned) {
    return { ok: false, reason: `${what(req)}: the index lists digest ${indexDigest} for ${picked.version}, not the pinned ${pinned}: refused` };
  }
  const expected = pinned ?? indexDigest;
  if (expected !== void 0) {
    const hit = await unpacked(root, expected, req.chart);
    if (hit) {
      await saveResolution(resolutionFile, { digest: expected, version: picked.version });
      return { ok: true, dir: hit, digest: expected, version: picked.version };
    }
  }
  if (entry.urls.length === 0) return { ok: false, reason: `${what(req)}: the index lists no URL for ${picked.version}` };
  let archiveUrl;
  try {
    archiveUrl = new URL(entry.urls[0], `${repo}/`);
  } catch {
    return { ok: false, reason: `${what(req)}: archive URL '${entry.urls[0]}' is not a URL` };
  }
  if (!hostAllowed(archiveUrl, ctx.allow)) {
    return { ok: false, reason: `${what(req)}: archive URL ${archiveUrl.protocol}//${archiveUrl.host}${archiveUrl.pathname} is not on an allowed repository's host: refused` };
  }
  const archive = await httpGet(archiveUrl, ctx, limits2);
  if (!archive.ok) return { ok: false, reason: `${what(req)}: archive: ${archive.reason}` };
  return await unpackArchive(req, archive.body, { root, pinned, expected, resolutionFile, version: picked.version, limits: limits2 });
}
async function unpackArchive(req, body, o) {
  const { root, pinned, expected, resolutionFile, limits: limits2 } = o;
  const picked = { version: o.version };
  const archive = { body };
  const digest = sha2562(archive.body);
  if (expected !== void 0 && digest !== expected) {
    return { ok: false, reason: `${what(req)}: archive digest ${digest} does not match ${pinned !== void 0 ? "the pinned" : "the index's"} ${expected}: refused` };
  }
  const dir = path8.join(root, "sha256", digest);
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const files = await extractTarGz(archive.body, tmp, { maxBytes: limits2.maxUnpackedBytes, maxEntries: limits2.maxEntries });
    if ("reason" in files) return { ok: false, reason: `${what(req)}: archive refused: ${files.reason}` };
    const chartYaml = path8.join(tmp, req.chart, "Chart.yaml");
    if (!existsSync4(chartYaml)) return { ok: false, reason: `${what(req)}: archive holds no ${req.chart}/Chart.yaml: refused` };
    if (await unpacked(root, digest, req.chart) === void 0) {
      try {
        await rename2(tmp, dir);
      } catch (e) {
        if (await unpacked(root, digest, req.chart) === void 0) {
          await rm2(dir, { recursive: true, force: true });
          await rename2(tmp, dir).catch((again) => {
            throw again instanceof Error ? again : e;
          });
        }
      }
    }
  } finally {
    await rm2(tmp, { recursive: true, force: true });
  }
  await saveResolution(resolutionFile, { digest, version: picked.version });
  return { ok: true, dir: path8.join(dir, req.chart), digest, version: picked.version };
}
async function unpacked(root, digest, chart) {
  const dir = path8.join(root, "sha256", digest, chart);
  return existsSync4(path8.join(dir, "Chart.yaml")) ? dir : void 0;
}
async function readResolution(file) {
  try {
    const r = JSON.parse(await readFile4(file, "utf8"));
    return typeof r.digest === "string" && /^[0-9a-f]{64}$/.test(r.digest) && typeof r.version === "string" ? { digest: r.digest, version: r.version } : void 0;
  } catch {
    return void 0;
  }
}
async function saveResolution(file, r) {
  try {
    await mkdir5(path8.dirname(file), { recursive: true });
    await atomicWrite(file, JSON.stringify(r));
  } catch {
  }
}
function sha2562(data) {
  return createHash4("sha256").update(data).digest("hex");
}
function chartEntries(body, chart) {
  const doc = parseDocument(body.toString("utf8"), { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) return { reason: `not valid YAML (${doc.errors[0].message.split("\n")[0]})` };
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { reason: `not readable (${e instanceof Error ? e.message : String(e)})` };
  }
  const entries = value?.entries;
  if (typeof entries !== "object" || entries === null) return { reason: "no entries" };
  const list2 = entries[chart];
  if (!Array.isArray(list2)) return { reason: `no chart named ${chart}` };
  const out = [];
  for (const e of list2) {
    if (typeof e !== "object" || e === null) continue;
    const { version, urls, digest } = e;
    if (typeof version !== "string") continue;
    out.push({
      version,
      urls: Array.isArray(urls) ? urls.filter((u) => typeof u === "string") : [],
      ...typeof digest === "string" && digest !== "" ? { digest } : {}
    });
  }
  return { list: out };
}
async function httpGet(start, ctx, limits2, headers = {}) {
  const timeout = AbortSignal.timeout(limits2.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sent = url.host === start.host ? headers : Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization"));
    const r = await once(url, signal, limits2.maxBytes, sent).catch((e) => ({
      error: timeout.aborted ? `no complete answer within ${limits2.timeoutMs} ms` : signal.aborted ? "cancelled" : e instanceof Error ? e.message : String(e)
    }));
    if ("error" in r) return { ok: false, reason: `${shown(url)}: ${r.error}` };
    if (r.status >= 300 && r.status < 400 && r.location !== void 0) {
      let next;
      try {
        next = new URL(r.location, url);
      } catch {
        return { ok: false, reason: `${shown(url)}: redirect to an invalid URL` };
      }
      if (next.protocol !== "https:" && next.protocol !== "http:" || url.protocol === "https:" && next.protocol === "http:" || !hostAllowed(next, ctx.allow)) {
        return { ok: false, reason: `${shown(url)}: redirect to ${shown(next)} refused (not an allowed repository host)` };
      }
      url = next;
      continue;
    }
    if (r.status !== 200) return { ok: false, reason: `${shown(url)}: HTTP ${r.status}`, status: r.status, headers: r.headers };
    return { ok: true, body: r.body, headers: r.headers };
  }
  return { ok: false, reason: `${shown(start)}: more than ${MAX_REDIRECTS} redirects` };
}
function shown(u) {
  return `${u.protocol}//${u.host}${u.pathname}`;
}
function once(url, signal, maxBytes, headers) {
  return new Promise((resolve2, reject) => {
    const get = url.protocol === "https:" ? https.get : http.get;
    const req = get(url, { signal, headers: { "user-agent": "preadmit", accept: "*/*", ...headers }, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const location2 = res.headers.location;
      if (status !== 200) {
        res.resume();
        resolve2({ status, ...location2 !== void 0 ? { location: location2 } : {}, body: Buffer.alloc(0), headers: res.headers });
        return;
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (declared > maxBytes) {
        req.destroy();
        resolve2({ error: `larger than ${maxBytes} bytes (${declared}): refused` });
        return;
      }
      const chunks = [];
      let size = 0;
      res.on("data", (b) => {
        size += b.length;
        if (size > maxBytes) {
          req.destroy();
          resolve2({ error: `larger than ${maxBytes} bytes: refused` });
          return;
        }
        chunks.push(b);
      });
      res.on("end", () => resolve2({ status, body: Buffer.concat(chunks), headers: res.headers }));
      res.on("error", reject);
      res.on("aborted", () => reject(new Error("connection closed before the answer was complete")));
    });
    req.on("error", reject);
  });
}
async function resolveOci(req, ctx, limits2, o) {
  const ref = new URL(req.repoUrl.trim());
  const name = [ref.pathname.replace(/^\/+|\/+$/g, ""), req.chart].filter((p) => p !== "").join("/");
  if (!OCI_NAME.test(name)) return { ok: false, reason: `${what(req)}: '${name}' is not an OCI repository name: refused` };
  const base = `${isLoopback2(ref.hostname) ? "http:" : "https:"}//${ref.host}/v2/${name}`;
  const tokens = /* @__PURE__ */ new Map();
  const get = async (url, accept) => {
    const headers = accept ? { accept } : {};
    const token = tokens.get(url.host);
    if (token !== void 0) headers.authorization = `Bearer ${token}`;
    let r = await httpGet(url, ctx, limits2, headers);
    if (!r.ok && r.status === 401 && token === void 0) {
      const got = await bearerToken(String(r.headers?.["www-authenticate"] ?? ""), ctx, limits2);
      if (typeof got !== "string") return { ok: false, reason: `${r.reason}; ${got.reason}` };
      tokens.set(url.host, got);
      r = await httpGet(url, ctx, limits2, { ...headers, authorization: `Bearer ${got}` });
    }
    return r;
  };
  let tag;
  let version;
  if (looseSemver(req.version) !== void 0 || parseConstraint2(req.version.trim()) === void 0 && /^[\w][\w.-]{0,127}$/.test(req.version.trim())) {
    version = req.version.trim();
    tag = version.replace(/\+/g, "_");
  } else {
    const tags = [];
    let next = new URL(`${base}/tags/list`);
    for (let page = 0; next !== void 0 && page < MAX_TAG_PAGES; page++) {
      const r = await get(next);
      if (!r.ok) return { ok: false, reason: `${what(req)}: tags: ${r.reason}` };
      const list2 = jsonOf(r.body);
      if (list2 === void 0 || list2.tags !== null && list2.tags !== void 0 && !Array.isArray(list2.tags)) return { ok: false, reason: `${what(req)}: tags: not a tag list` };
      for (const t of list2.tags ?? []) if (typeof t === "string") tags.push(t.replace(/_/g, "+"));
      const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(String(r.headers["link"] ?? ""));
      next = link ? new URL(link[1], next) : void 0;
      if (next !== void 0 && !hostAllowed(next, ctx.allow)) return { ok: false, reason: `${what(req)}: tags: next page on another host: refused` };
    }
    if (tags.length === 0) return { ok: false, reason: `${what(req)}: no tags in ${name}` };
    const picked = pickVersion(req.version, tags);
    if ("reason" in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
    version = picked.version;
    tag = version.replace(/\+/g, "_");
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return { ok: false, reason: `${what(req)}: '${tag}' is not an OCI tag: refused` };
  const manifest = await get(new URL(`${base}/manifests/${tag}`), OCI_MANIFEST_ACCEPT);
  if (!manifest.ok) return { ok: false, reason: `${what(req)}: manifest: ${manifest.reason}` };
  const m = jsonOf(manifest.body);
  if (m === void 0 || m.config?.mediaType !== HELM_CONFIG_MEDIA_TYPE || !Array.isArray(m.layers)) {
    return { ok: false, reason: `${what(req)}: ${name}:${tag} is not a helm chart artifact (config media type ${HELM_CONFIG_MEDIA_TYPE}): refused` };
  }
  const layers = m.layers.filter((l) => HELM_CHART_LAYER_MEDIA_TYPES.includes(String(l?.mediaType)));
  const layerDigest = layers.length === 1 && typeof layers[0].digest === "string" ? /^sha256:([0-9a-f]{64})$/.exec(layers[0].digest) : null;
  if (!layerDigest) return { ok: false, reason: `${what(req)}: ${name}:${tag} has no single sha256 chart layer: refused` };
  const digest = layerDigest[1];
  if (o.pinned !== void 0 && o.pinned !== digest) {
    return { ok: false, reason: `${what(req)}: the registry's ${name}:${tag} chart layer is ${digest}, not the pinned ${o.pinned}: refused` };
  }
  const hit = await unpacked(o.root, digest, req.chart);
  if (hit) {
    await saveResolution(o.resolutionFile, { digest, version });
    return { ok: true, dir: hit, digest, version };
  }
  const blob = await get(new URL(`${base}/blobs/sha256:${digest}`));
  if (!blob.ok) return { ok: false, reason: `${what(req)}: chart layer: ${blob.reason}` };
  return await unpackArchive(req, blob.body, { root: o.root, pinned: o.pinned, expected: digest, resolutionFile: o.resolutionFile, version, limits: limits2 });
}
async function bearerToken(challenge, ctx, limits2) {
  if (!/^bearer\s/i.test(challenge)) return { reason: "the registry asks for credentials preadmit does not have" };
  const params = /* @__PURE__ */ new Map();
  for (const m of challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params.set(m[1].toLowerCase(), m[2]);
  let realm;
  try {
    realm = new URL(params.get("realm") ?? "");
  } catch {
    return { reason: "the registry names no valid token realm" };
  }
  if (!hostAllowed(realm, ctx.allow) || realm.protocol !== "https:" && !(realm.protocol === "http:" && isLoopback2(realm.hostname))) {
    return { reason: `token realm ${shown(realm)} is not on an allowed repository host: refused` };
  }
  for (const k of ["service", "scope"]) if (params.has(k)) realm.searchParams.set(k, params.get(k));
  const r = await httpGet(realm, ctx, limits2);
  if (!r.ok) return { reason: `token: ${r.reason}` };
  const body = jsonOf(r.body);
  const token = typeof body?.token === "string" ? body.token : typeof body?.access_token === "string" ? body.access_token : void 0;
  if (token === void 0 || !/^[\x21-\x7e]+$/.test(token)) return { reason: "token: no token in the answer" };
  return token;
}
function jsonOf(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return void 0;
  }
}
var DEFAULT_CHART_LIMITS, CHART_REPOSITORIES_ENV, inFlight, MAX_REDIRECTS, HELM_CONFIG_MEDIA_TYPE, HELM_CHART_LAYER_MEDIA_TYPES, OCI_MANIFEST_ACCEPT, OCI_NAME, MAX_TAG_PAGES;
var init_remote = __esm({
  "src/render/helm/remote.ts"() {
    "use strict";
    init_files();
    init_tar();
    init_version();
    DEFAULT_CHART_LIMITS = {
      maxBytes: 20 * 1024 * 1024,
      timeoutMs: 3e4,
      maxUnpackedBytes: 100 * 1024 * 1024,
      maxEntries: 1e4
    };
    CHART_REPOSITORIES_ENV = "PREADMIT_CHART_REPOSITORIES";
    inFlight = /* @__PURE__ */ new Map();
    MAX_REDIRECTS = 5;
    HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
    HELM_CHART_LAYER_MEDIA_TYPES = ["application/vnd.cncf.helm.chart.content.v1.tar+gzip", "application/tar+gzip"];
    OCI_MANIFEST_ACCEPT = "application/vnd.oci.image.manifest.v1+json";
    OCI_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
    MAX_TAG_PAGES = 20;
  }
});

// src/render/helm/chart.ts
import path9 from "node:path";
import { isMap, isScalar as isScalar2, isSeq, LineCounter as LineCounter2, parseDocument as parseDocument2 } from "yaml";
function isChartFile(file) {
  return file === "Chart.yaml" || file.endsWith("/Chart.yaml");
}
function parseChart(dir, chartYaml, requirementsYaml, lockYaml) {
  const file = dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`;
  const chart = { dir, file, name: path9.posix.basename(dir === "" ? "." : dir), type: "application", dependencies: [] };
  const lc = new LineCounter2();
  const doc = parseDocument2(chartYaml, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    chart.parseError = `${file}:${lc.linePos(doc.errors[0].pos[0]).line}: ${doc.errors[0].message.split("\n")[0]}`;
    return chart;
  }
  const root = doc.contents;
  if (!isMap(root)) return chart;
  const name = root.get("name");
  if (typeof name === "string" && name !== "") chart.name = name;
  const type = root.get("type");
  if (typeof type === "string") chart.type = type;
  chart.dependencies.push(...dependenciesOf(root.get("dependencies", true), lc));
  if (requirementsYaml !== void 0) {
    const rlc = new LineCounter2();
    const req = parseDocument2(requirementsYaml, { lineCounter: rlc, prettyErrors: false });
    const reqFile = dir === "" ? "requirements.yaml" : `${dir}/requirements.yaml`;
    if (isMap(req.contents)) chart.dependencies.push(...dependenciesOf(req.contents.get("dependencies", true), rlc).map((d) => ({ ...d, file: reqFile })));
  }
  if (lockYaml !== void 0) {
    const llc = new LineCounter2();
    const lock = parseDocument2(lockYaml, { lineCounter: llc, prettyErrors: false });
    const pinned = isMap(lock.contents) ? dependenciesOf(lock.contents.get("dependencies", true), llc) : [];
    for (const dep of chart.dependencies) {
      const hit = pinned.find((p) => p.name === dep.name && p.repository === dep.repository);
      if (hit !== void 0 && hit.version !== "") dep.locked = hit.version;
    }
  }
  return chart;
}
function dependenciesOf(node, lc) {
  if (!isSeq(node)) return [];
  const out = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = item.get("name", true);
    if (!isScalar2(name) || typeof name.value !== "string") continue;
    const repo = item.get("repository");
    const version = item.get("version");
    out.push({
      name: name.value,
      repository: typeof repo === "string" ? repo : "",
      version: typeof version === "string" || typeof version === "number" ? String(version) : "",
      line: item.range ? lc.linePos(item.range[0]).line : 1
    });
  }
  return out;
}
function chartRoles(charts, options = {}) {
  const configured = new Set(options.configured ?? []);
  const inflated = options.inflated ?? /* @__PURE__ */ new Set();
  const within2 = options.within ?? (() => true);
  const depth = (d) => d === "" ? 0 : d.split("/").length;
  const roles = { roots: [], subcharts: /* @__PURE__ */ new Map() };
  const rendered = /* @__PURE__ */ new Set();
  for (const dir of [...charts.keys()].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))) {
    const vendorDir = path9.posix.dirname(dir);
    const parent = path9.posix.basename(vendorDir) === "charts" && dir !== "" ? vendorDir === "charts" ? "" : path9.posix.dirname(vendorDir) : void 0;
    if (configured.has(dir)) {
      roles.roots.push(dir);
      rendered.add(dir);
    } else if (parent !== void 0 && rendered.has(parent)) {
      roles.subcharts.set(dir, parent);
      rendered.add(dir);
    } else if (within2(dir) && charts.get(dir).type !== "library" && ![...inflated].some((d) => isUnder(dir, d))) {
      roles.roots.push(dir);
      rendered.add(dir);
    }
  }
  roles.roots.sort();
  return roles;
}
function chartDependencies(chart, charts, tree, allow) {
  const vendorDir = chart.dir === "" ? "charts" : `${chart.dir}/charts`;
  const errors = [];
  const remote = [];
  const local = [];
  for (const dep of chart.dependencies) {
    const asDir = [...charts.values()].some((c) => path9.posix.dirname(c.dir) === vendorDir && c.name === dep.name);
    const asArchive = [...tree.files].some(
      (f) => path9.posix.dirname(f) === vendorDir && f.endsWith(".tgz") && path9.posix.basename(f).startsWith(`${dep.name}-`)
    );
    if (asDir || asArchive) continue;
    const file = dep.file ?? chart.file;
    const at2 = { file, startLine: dep.line, endLine: dep.line };
    if (/^file:\/\//i.test(dep.repository)) {
      const dir = resolveInRepo(chart.dir, dep.repository.slice("file://".length));
      const target = dir === void 0 ? void 0 : charts.get(dir);
      if (dir === void 0) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository} leaves the repository: refused`, source: at2 });
      else if (target === void 0 || dir === chart.dir) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${dir || "."} is not another chart directory (no Chart.yaml) of this repository`, source: at2 });
      else if (target.name !== dep.name) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: the chart there is named '${target.name}'`, source: at2 });
      else if (!/^[\w.-]+$/.test(dep.name)) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency name '${dep.name}' is not a chart name`, source: at2 });
      else local.push({ dep, dir });
      continue;
    }
    const refused = /^(https?|oci):\/\//i.test(dep.repository) ? refusalOf(dep.repository, allow) : void 0;
    if (/^(https?|oci):\/\//i.test(dep.repository) && refused === void 0 && /^[\w.-]+$/.test(dep.name)) {
      remote.push(dep);
      continue;
    }
    const from = dep.repository === "" ? "" : ` from ${dep.repository}`;
    const why = /^(https?|oci):\/\//i.test(dep.repository) ? `remote chart repository not allowed: ${dep.repository}` : "rendering never downloads charts";
    errors.push({
      kind: "render",
      message: `${file}:${dep.line}: helm dependency '${dep.name}'${from} is not vendored under ${vendorDir}/: refused, ${why}`,
      source: at2
    });
  }
  return { errors, remote, local };
}
function schemaReferenceErrors(file, text) {
  const lc = new LineCounter2();
  const doc = parseDocument2(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const refuse = (offset, what2) => {
    const line = lc.linePos(offset).line;
    return {
      kind: "render",
      message: `${file}:${line}: ${what2}: refused, helm would load it from outside the chart (rendering reads no file outside the repository and uses no network)`,
      source: { file, startLine: line, endLine: line }
    };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return [refuse(e.pos[0], `schema is not valid JSON (${e.message.split("\n")[0]}), so its references cannot be checked`)];
  }
  const errors = [];
  const show = (v) => JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}\u2026` : v);
  const walk2 = (node) => {
    if (isSeq(node)) for (const item of node.items) walk2(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar2(pair.key) ? pair.key.value : void 0;
      const value = pair.value;
      if (typeof key === "string" && isScalar2(value) && typeof value.value === "string") {
        const v = value.value;
        const at2 = value.range?.[0] ?? 0;
        if (REFERENCE_KEYS.has(key) && !v.startsWith("#")) errors.push(refuse(at2, `schema reference '${key}: ${show(v)}' is not a fragment of this schema (#/...)`));
        else if (key === "$schema" && !KNOWN_META_SCHEMA.test(v.trim())) errors.push(refuse(at2, `'$schema: ${show(v)}' is not a well-known JSON Schema draft`));
        else if (key === "$id" && baseLeavesSchema(v) || key === "id" && /^\s*file:/i.test(v)) {
          errors.push(refuse(at2, `schema base '${key}: ${show(v)}' names a file or path`));
        }
      }
      walk2(value);
    }
  };
  walk2(doc.contents);
  return errors;
}
function baseLeavesSchema(id2) {
  const v = id2.trim();
  if (v.startsWith("#")) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return !/^(https?|urn|tag):/i.test(v);
  return v.startsWith("/") || v.startsWith("\\") || v.split(/[\\/]/).includes("..");
}
var REFERENCE_KEYS, KNOWN_META_SCHEMA;
var init_chart = __esm({
  "src/render/helm/chart.ts"() {
    "use strict";
    init_paths();
    init_remote();
    REFERENCE_KEYS = /* @__PURE__ */ new Set(["$ref", "$dynamicRef", "$recursiveRef"]);
    KNOWN_META_SCHEMA = /^https?:\/\/json-schema\.org\/(draft-0[3467]\/schema|draft\/(2019-09|2020-12)\/schema)#?$/;
  }
});

// src/render/api.ts
function rootError(root, message2, file) {
  return { kind: "render", message: message2, source: { file, startLine: 1, endLine: 1, renderedBy: rootId(root) } };
}
var init_api = __esm({
  "src/render/api.ts"() {
    "use strict";
    init_plan2();
  }
});

// src/render/namespaces.ts
function groupOf(apiVersion) {
  return typeof apiVersion === "string" && apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
}
function isMap2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function crdScopes(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (o.kind !== "CustomResourceDefinition" || groupOf(o.apiVersion) !== "apiextensions.k8s.io") continue;
    const spec = isMap2(o.spec) ? o.spec : {};
    const names = isMap2(spec.names) ? spec.names : {};
    if (typeof spec.group !== "string" || typeof names.kind !== "string") continue;
    if (spec.scope === "Cluster" || spec.scope === "Namespaced") out.set(`${spec.group}/${names.kind}`, spec.scope);
  }
  return out;
}
function isClusterScoped(o, crds) {
  const kind = typeof o.kind === "string" ? o.kind : "";
  const group = groupOf(o.apiVersion);
  const crd = crds?.get(`${group}/${kind}`);
  if (crd !== void 0) return crd === "Cluster";
  const known = CLUSTER_SCOPED[group];
  return known !== void 0 && (known.includes(kind) || known.includes("*"));
}
function hasNamespace(o) {
  const meta = isMap2(o.metadata) ? o.metadata : {};
  return typeof meta.namespace === "string" && meta.namespace !== "";
}
function placeInNamespace(objects, namespace) {
  const crds = crdScopes(objects);
  for (const o of objects) {
    if (hasNamespace(o) || isClusterScoped(o, crds)) continue;
    o.metadata = { ...isMap2(o.metadata) ? o.metadata : {}, namespace };
  }
}
function unplaced(objects) {
  const crds = crdScopes(objects.map((o) => o.object));
  return objects.filter((o) => !hasNamespace(o.object) && !isClusterScoped(o.object, crds));
}
var DEFAULT_NAMESPACE, CLUSTER_SCOPED;
var init_namespaces = __esm({
  "src/render/namespaces.ts"() {
    "use strict";
    DEFAULT_NAMESPACE = "default";
    CLUSTER_SCOPED = {
      "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
      "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
      "apiextensions.k8s.io": ["CustomResourceDefinition"],
      "apiregistration.k8s.io": ["APIService"],
      "admissionregistration.k8s.io": [
        "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        "MutatingAdmissionPolicy",
        "MutatingAdmissionPolicyBinding"
      ],
      "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
      "scheduling.k8s.io": ["PriorityClass"],
      "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
      "node.k8s.io": ["RuntimeClass"],
      "policy": ["PodSecurityPolicy"],
      "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
      "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
      "resource.k8s.io": ["DeviceClass", "ResourceSlice"],
      "storagemigration.k8s.io": ["StorageVersionMigration"],
      "internal.apiserver.k8s.io": ["StorageVersion"],
      "snapshot.storage.k8s.io": ["VolumeSnapshotClass", "VolumeSnapshotContent"],
      "gateway.networking.k8s.io": ["GatewayClass"],
      // Gatekeeper: templates, constraints, mutators, expansion, external data, sync sets (its Config is namespaced).
      "templates.gatekeeper.sh": ["ConstraintTemplate"],
      "constraints.gatekeeper.sh": ["*"],
      "mutations.gatekeeper.sh": ["Assign", "AssignMetadata", "ModifySet", "AssignImage"],
      "expansion.gatekeeper.sh": ["ExpansionTemplate"],
      "externaldata.gatekeeper.sh": ["Provider"],
      "syncset.gatekeeper.sh": ["SyncSet"],
      // Common add-ons whose cluster-wide kinds appear in GitOps repositories.
      "cert-manager.io": ["ClusterIssuer"],
      "kyverno.io": ["ClusterPolicy", "ClusterCleanupPolicy"],
      "external-secrets.io": ["ClusterSecretStore", "ClusterExternalSecret"],
      "crd.projectcalico.org": ["GlobalNetworkPolicy", "GlobalNetworkSet", "ClusterInformation", "FelixConfiguration", "BGPConfiguration", "IPPool"],
      "cilium.io": ["CiliumClusterwideNetworkPolicy"],
      "karpenter.sh": ["NodePool", "NodeClaim"],
      "karpenter.k8s.aws": ["EC2NodeClass"],
      "pkg.crossplane.io": ["Provider", "Configuration", "Function"],
      "apiextensions.crossplane.io": ["CompositeResourceDefinition", "Composition"]
    };
  }
});

// src/render/helm/render.ts
import { cp } from "node:fs/promises";
import path10 from "node:path";
function clusterApiVersions(ctx) {
  return [.../* @__PURE__ */ new Set([...GATEKEEPER_API_VERSIONS, ...ctx.apiVersions ?? []])];
}
async function renderHelm(planned, ctx) {
  const { root } = planned;
  const chartFile = planned.chart?.file ?? `${root.path}/Chart.yaml`;
  const at2 = { file: chartFile, startLine: 1, endLine: 1 };
  const label = `${root.path || "."} (release ${root.release ?? "?"})`;
  const tool = findRenderTool("helm");
  if ("error" in tool) return { objects: [], errors: [renderError(planned, `${label}: ${tool.error}`, at2)] };
  const helm = tool.path;
  const dirs = [root.path, ...(planned.localDependencies ?? []).map((d) => d.dir)];
  const schemas = [...ctx.tree.files].filter((f) => dirs.some((d) => isUnder(f, d)) && path10.posix.basename(f) === "values.schema.json").sort();
  const refused = [];
  for (const file of schemas) refused.push(...schemaReferenceErrors(file, await ctx.readText(file) ?? ""));
  if (refused.length > 0) return { objects: [], errors: refused.map((e) => renderError(planned, e.message, e.source ?? at2)) };
  const fetched = await placeDependencies(planned, ctx);
  if (fetched.errors.length > 0) return { objects: [], errors: fetched.errors };
  const homeDirs = {
    HELM_CACHE_HOME: "helm/cache",
    HELM_CONFIG_HOME: "helm/config",
    HELM_DATA_HOME: "helm/data",
    HELM_PLUGINS: "helm/plugins",
    HELM_REPOSITORY_CACHE: "helm/repository"
  };
  const env = { HELM_REGISTRY_CONFIG: "/dev/null", HELM_REPOSITORY_CONFIG: "/dev/null" };
  const args = ["template", root.release ?? "release", path10.join(ctx.workDir, root.path), "--include-crds"];
  for (const v of root.valuesFiles ?? []) args.push("--values", path10.join(ctx.workDir, v));
  const releaseNamespace = root.namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  args.push("--namespace", releaseNamespace);
  for (const v of clusterApiVersions(ctx)) args.push("--api-versions", v);
  if (ctx.kubeVersion !== void 0) args.push("--kube-version", ctx.kubeVersion);
  const run = await runRenderer(ctx, "helm template", helm, args, { cwd: ctx.workDir, env, homeDirs });
  if ("failure" in run) return { objects: [], errors: [renderError(planned, `${label}: ${run.failure}`, at2)] };
  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `helm template ${label}`, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at2));
  const sources = sourceComments(run.stdout);
  const chartName = planned.chart?.name ?? path10.posix.basename(root.path);
  const seen = /* @__PURE__ */ new Map();
  const objects = [];
  placeInNamespace(loaded.objects.map((o) => o.object), releaseNamespace);
  for (const { object, source: out } of loaded.objects) {
    const comment = sourceAt(sources, out.startLine);
    let source2 = at2;
    const dependency = comment === void 0 ? void 0 : fetched.sources.find((d) => comment.startsWith(`${chartName}/charts/${d.prefix}/`));
    if (dependency !== void 0 && "at" in dependency) {
      source2 = dependency.at;
    } else if (comment !== void 0) {
      const file = dependency !== void 0 ? templateFile(comment.slice(`${chartName}/charts/`.length), dependency.prefix, dependency.dir, ctx) : templateFile(comment, chartName, root.path, ctx);
      const index = seen.get(comment) ?? 0;
      seen.set(comment, index + 1);
      if (file !== void 0) {
        const count = [...sources.values()].filter((s2) => s2 === comment).length;
        source2 = await documentRange(file, index, count, String(object.kind ?? ""), ctx);
      }
    }
    objects.push({ object, source: { ...source2, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
async function placeDependencies(planned, ctx) {
  const deps = planned.remoteDependencies ?? [];
  const chart = planned.chart;
  const errors = [];
  const sources = [];
  if (deps.length === 0 && planned.localDependencies === void 0 || chart === void 0) return { errors, sources };
  let mine = placing.get(ctx);
  if (mine === void 0) placing.set(ctx, mine = /* @__PURE__ */ new Map());
  const vendorDir = planned.root.path === "" ? "charts" : `${planned.root.path}/charts`;
  for (const { dep, dir } of planned.localDependencies ?? []) {
    const target = `${vendorDir}/${dep.name}`;
    if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) {
      const at2 = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
      errors.push(renderError(planned, `${at2.file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${target} exists in the repository but holds no chart named '${dep.name}': refused`, at2));
      continue;
    }
    let placed = mine.get(target);
    if (placed === void 0) {
      placed = cp(path10.join(ctx.workDir, dir), path10.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true }).then(() => ({ ok: true, dir, digest: "", version: "" }));
      mine.set(target, placed);
    }
    await placed;
    sources.push({ prefix: dep.name, dir });
  }
  for (const dep of deps) {
    const at2 = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
    const fail = (why) => void errors.push(renderError(planned, `${at2.file}:${dep.line}: helm dependency '${dep.name}' from ${dep.repository}: ${why}`, at2));
    const target = `${vendorDir}/${dep.name}`;
    const version = dep.locked ?? (dep.version === "" ? "*" : dep.version);
    const got = await placeRemoteChart(ctx, target, { repoUrl: dep.repository, chart: dep.name, version, declaredAt: at2 });
    if (!got.ok) fail(got.reason);
    else sources.push({ prefix: dep.name, at: at2 });
  }
  return { errors, sources };
}
function placeRemoteChart(ctx, target, req) {
  let mine = placing.get(ctx);
  if (mine === void 0) placing.set(ctx, mine = /* @__PURE__ */ new Map());
  let placed = mine.get(target);
  if (placed === void 0) {
    const charts = ctx.charts;
    placed = (async () => {
      if (charts === void 0) return { ok: false, reason: `remote chart repository not allowed: ${req.repoUrl}` };
      if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) return { ok: false, reason: `${target} exists in the repository but holds no chart named '${req.chart}': refused` };
      const got = await resolveRemoteChart(req, charts);
      if (got.ok) await cp(got.dir, path10.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true });
      return got;
    })().catch((e) => ({ ok: false, reason: `chart ${req.chart} could not be placed at ${target}: ${e instanceof Error ? e.message : String(e)}` }));
    mine.set(target, placed);
  }
  return placed;
}
function sourceComments(out) {
  const map2 = /* @__PURE__ */ new Map();
  const lines = out.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^# Source: (.+)$/.exec(lines[i]);
    if (m) map2.set(i + 1, m[1].trim());
  }
  return map2;
}
function sourceAt(sources, line) {
  let best;
  for (const [l, s2] of sources) if (l < line && (best === void 0 || l > best[0])) best = [l, s2];
  return best?.[1];
}
function templateFile(comment, chartName, chartDir, ctx) {
  const rest = comment.startsWith(`${chartName}/`) ? comment.slice(chartName.length + 1) : comment.slice(comment.indexOf("/") + 1);
  const file = chartDir === "" ? rest : `${chartDir}/${rest}`;
  return ctx.tree.files.has(file) ? file : void 0;
}
async function documentRange(file, index, count, kind, ctx) {
  const text = await ctx.readText(file) ?? "";
  const lines = text.split("\n");
  const parts = [];
  let start = 1;
  for (let i = 0; i <= lines.length; i++) {
    const atEnd = i === lines.length;
    if (atEnd || /^---(\s|$)/.test(lines[i])) {
      const body = lines.slice(start - 1, i);
      const first = body.findIndex((l) => l.trim() !== "" && !/^\s*#/.test(l));
      if (first >= 0) {
        let last = body.length - 1;
        while (last > first && body[last].trim() === "") last--;
        parts.push([start + first, start + last]);
      }
      start = i + 2;
    }
  }
  const whole = { file, startLine: 1, endLine: Math.max(1, lines.length - (lines.at(-1) === "" ? 1 : 0)) };
  const part = parts.length === count ? parts[index] : void 0;
  if (part !== void 0) return { file, startLine: part[0], endLine: part[1] };
  const kindLine = new RegExp(`^kind:\\s*["']?${kind.replace(/[^\w]/g, "")}["']?\\s*$`);
  const spelled = parts.filter(([a, b]) => lines.slice(a - 1, b).some((l) => kindLine.test(l)));
  return spelled.length === 1 ? { file, startLine: spelled[0][0], endLine: spelled[0][1] } : whole;
}
var GATEKEEPER_API_VERSIONS, placing;
var init_render = __esm({
  "src/render/helm/render.ts"() {
    "use strict";
    init_load();
    init_context();
    init_paths();
    init_plan2();
    init_tools2();
    init_chart();
    init_remote();
    init_namespaces();
    GATEKEEPER_API_VERSIONS = [
      "templates.gatekeeper.sh/v1",
      "templates.gatekeeper.sh/v1beta1",
      "templates.gatekeeper.sh/v1alpha1",
      "templates.gatekeeper.sh/v1/ConstraintTemplate",
      "constraints.gatekeeper.sh/v1beta1",
      "constraints.gatekeeper.sh/v1alpha1",
      "config.gatekeeper.sh/v1alpha1",
      "config.gatekeeper.sh/v1alpha1/Config",
      "expansion.gatekeeper.sh/v1beta1",
      "expansion.gatekeeper.sh/v1alpha1",
      "mutations.gatekeeper.sh/v1",
      "mutations.gatekeeper.sh/v1beta1",
      "mutations.gatekeeper.sh/v1alpha1",
      "externaldata.gatekeeper.sh/v1beta1",
      "externaldata.gatekeeper.sh/v1alpha1",
      "status.gatekeeper.sh/v1beta1",
      "syncset.gatekeeper.sh/v1alpha1"
    ];
    placing = /* @__PURE__ */ new WeakMap();
  }
});

// src/render/helm/renderer.ts
import path11 from "node:path";
function releases({ charts, roles, helmReleases, excluded }) {
  const out = [];
  for (const dir of roles.roots) {
    if (matchesAny(dir, excluded)) continue;
    for (const r of helmReleases[dir] ?? [{ release: defaultReleaseName(dir, charts.get(dir)) }]) {
      const root = { kind: "helm", path: dir, release: r.release, valuesFiles: r.valuesFiles ?? [] };
      if (r.namespace !== void 0) root.namespace = r.namespace;
      out.push({ root, valuesFiles: r.valuesFiles ?? [] });
    }
  }
  return out;
}
function defaultReleaseName(dir, chart) {
  return dir === "" ? chart?.name ?? "release" : path11.posix.basename(dir);
}
function planHelm(root, { tree, charts, chartAllow }) {
  const chart = charts.get(root.path);
  const plannedRoot = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([root.path]), materialize: [], problems: [] };
  if (chart === void 0) {
    plannedRoot.problems.push(rootError(root, `${root.path || "."}: no Chart.yaml here`, root.path || "."));
    return plannedRoot;
  }
  plannedRoot.chart = chart;
  if (root.release === void 0 || root.release === "") root.release = defaultReleaseName(root.path, chart);
  const dependencies = chartDependencies(chart, charts, tree, chartAllow);
  plannedRoot.problems.push(...dependencies.errors);
  if (dependencies.remote.length > 0) plannedRoot.remoteDependencies = dependencies.remote;
  if (dependencies.local.length > 0) plannedRoot.localDependencies = dependencies.local;
  const values = [];
  for (const v of root.valuesFiles ?? []) {
    const resolved2 = resolveInRepo("", v);
    if (resolved2 === void 0) {
      plannedRoot.problems.push(rootError(root, `values file '${v}' of helm release ${root.release} is outside the repository: refused`, chart.file));
      continue;
    }
    plannedRoot.deps.add(resolved2);
    if (!tree.files.has(resolved2)) {
      plannedRoot.problems.push(rootError(root, `values file '${resolved2}' of helm release ${root.release} does not exist at this ref`, chart.file));
      continue;
    }
    values.push(resolved2);
  }
  root.valuesFiles = values.length === (root.valuesFiles ?? []).length ? values : root.valuesFiles;
  plannedRoot.materialize = [...[...tree.files].filter((f) => isUnder(f, root.path)), ...values];
  for (const { dir } of dependencies.local) {
    plannedRoot.prefixes.add(dir);
    plannedRoot.materialize.push(...[...tree.files].filter((f) => isUnder(f, dir)));
  }
  return plannedRoot;
}
var helmRenderer;
var init_renderer = __esm({
  "src/render/helm/renderer.ts"() {
    "use strict";
    init_api();
    init_glob2();
    init_paths();
    init_chart();
    init_render();
    helmRenderer = {
      kind: "helm",
      tools: ["helm"],
      discover: (ctx) => releases(ctx).map(({ root }) => root),
      /** Every chart directory within the discovery paths or rendered (what a tool reads there is the tool's business), and the values files of the releases. */
      claims: (ctx) => {
        const dirs = [...ctx.charts.keys()].filter((dir) => ctx.within(dir) || ctx.roles.roots.includes(dir) || ctx.roles.subcharts.has(dir));
        const files = new Set(releases(ctx).flatMap(({ valuesFiles }) => valuesFiles.map((v) => resolveInRepo("", v) ?? v)));
        return { dirs, files };
      },
      plan: (root, ctx) => Promise.resolve(planHelm(root, ctx)),
      render: renderHelm
    };
  }
});

// src/render/kustomize/kustomization.ts
import { isAlias, isMap as isMap3, isScalar as isScalar3, isSeq as isSeq2, LineCounter as LineCounter3, parseAllDocuments } from "yaml";
function isKustomizationFile(file) {
  const base = file.slice(file.lastIndexOf("/") + 1);
  return KUSTOMIZATION_FILE_NAMES.includes(base);
}
function parseKustomization(text, file) {
  const lc = new LineCounter3();
  const result = {
    file,
    kind: "Kustomization",
    refs: [],
    inlinePlugins: [],
    generators: [],
    helmCharts: [],
    refusals: [],
    keepsOriginAnnotations: false
  };
  const docs = parseAllDocuments(text, { lineCounter: lc, version: "1.1", merge: true, prettyErrors: false, uniqueKeys: false });
  const documents = Array.isArray(docs) ? docs : [docs];
  const failed2 = documents.find((d) => d.errors.length > 0);
  if (failed2 !== void 0) {
    const e = failed2.errors[0];
    result.parseErrorLine = lc.linePos(e.pos[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: ${e.message.split("\n")[0]}`;
    return result;
  }
  const nonEmpty = documents.filter((d) => d.contents !== null && !(isScalar3(d.contents) && d.contents.value === null && d.contents.source === ""));
  if (nonEmpty.length > 1) {
    result.parseErrorLine = lc.linePos(nonEmpty[1].range[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: a kustomization file holds one YAML document, this one holds ${nonEmpty.length}`;
    return result;
  }
  const doc = nonEmpty[0];
  const root = doc === void 0 ? void 0 : resolved(doc.contents, doc);
  if (doc === void 0 || !isMap3(root)) return result;
  const lineOf = (n) => n?.range ? lc.linePos(n.range[0]).line : 1;
  const endLineOf = (n) => {
    if (!n?.range) return 1;
    return lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line;
  };
  const top = goFields(root, doc);
  const fieldAll = (name, fields = top) => fields.get(name.toLowerCase())?.map((f) => f.value) ?? [];
  const field3 = (name, fields = top) => goValue3(fields, name);
  const seqItems = (n) => isSeq2(n) ? n.items.map((i) => resolved(i, doc)).filter((i) => i !== void 0) : [];
  const itemsOf = (name, fields = top) => fieldAll(name, fields).flatMap(seqItems);
  const mapFields = (n) => isMap3(n) ? goFields(n, doc) : void 0;
  const str2 = (n) => isScalar3(n) && typeof n.value === "string" ? n.value : void 0;
  if (str2(field3("kind")) === "Component") result.kind = "Component";
  for (const [name, target] of LIST_FIELDS) {
    for (const item of itemsOf(name)) {
      const v = str2(item);
      if (v === void 0) continue;
      if (target === "plugin" && v.includes("\n")) {
        result.inlinePlugins.push({ text: v, field: name, line: lineOf(item) });
        continue;
      }
      result.refs.push({ value: v.trim(), field: name, target, line: lineOf(item) });
    }
  }
  const pushPath = (n, name) => {
    const v = str2(n);
    if (v !== void 0 && v.trim() !== "") result.refs.push({ value: v.trim(), field: name, target: "file", line: lineOf(n) });
  };
  for (const name of ["patches", "patchesJson6902", "replacements"]) {
    for (const item of itemsOf(name)) {
      const fields = mapFields(item);
      if (fields !== void 0) for (const p of fieldAll("path", fields)) pushPath(p, name);
    }
  }
  for (const item of itemsOf("patchesStrategicMerge")) {
    const v = str2(item);
    if (v !== void 0 && !v.includes("\n") && !/^\s*[\w.-]+:\s/.test(v)) pushPath(item, "patchesStrategicMerge");
  }
  for (const openapi of fieldAll("openapi")) {
    const fields = mapFields(openapi);
    if (fields !== void 0) for (const p of fieldAll("path", fields)) pushPath(p, "openapi");
  }
  for (const gen of ["configMapGenerator", "secretGenerator"]) {
    for (const item of itemsOf(gen)) {
      const fields = mapFields(item);
      if (fields === void 0) continue;
      const name = str2(field3("name", fields));
      if (name !== void 0) {
        result.generators.push({ field: gen, name, startLine: lineOf(item), endLine: endLineOf(item) });
      }
      for (const list2 of ["files", "envs"]) {
        for (const f of itemsOf(list2, fields)) {
          const v = str2(f);
          if (v === void 0) continue;
          const eq = list2 === "files" ? v.indexOf("=") : -1;
          const p = eq >= 0 ? v.slice(eq + 1) : v;
          result.refs.push({ value: p.trim(), field: `${gen}.${list2}`, target: "file", line: lineOf(f) });
        }
      }
      for (const env of fieldAll("env", fields)) pushPath(env, `${gen}.env`);
    }
  }
  const globals = field3("helmGlobals");
  const globalFields = globals !== void 0 ? mapFields(globals) : void 0;
  const writtenHome = (fields) => fields === void 0 ? void 0 : str2(field3("chartHome", fields));
  const legacy = itemsOf("helmChartInflationGenerator").map(mapFields).filter((f) => f !== void 0);
  const legacyHome = legacy.map(writtenHome).filter((h) => h !== void 0 && h !== "").at(-1);
  const home = (globals !== void 0 ? writtenHome(globalFields) : legacyHome) || HELM_DEFAULT_CHART_HOME;
  if (globals !== void 0 && globalFields === void 0) {
    const line = lineOf(globals);
    result.refusals.push({ kind: "render", message: `${file}:${line}: helmGlobals is not a map`, source: { file, startLine: line, endLine: line } });
  }
  const chartEntry = (item, fields, fieldName2, keys) => {
    result.helmCharts.push({
      file,
      startLine: lineOf(item),
      endLine: endLineOf(item),
      field: fieldName2,
      name: str2(field3(keys.name, fields)) ?? "",
      repo: (str2(field3(keys.repo, fields)) ?? "").trim(),
      version: scalarText(field3(keys.version, fields)),
      ...str2(field3(keys.release, fields)) !== void 0 ? { releaseName: str2(field3(keys.release, fields)) } : {},
      ...fieldName2 === "helmCharts" && isScalar3(field3("devel", fields)) && field3("devel", fields).value === true ? { devel: true } : {},
      chartHome: home
    });
    pushPath(field3(keys.values, fields), `${fieldName2}.${keys.values}`);
    for (const v of itemsOf("additionalValuesFiles", fields)) pushPath(v, `${fieldName2}.additionalValuesFiles`);
  };
  for (const item of itemsOf("helmCharts")) {
    const fields = mapFields(item);
    if (fields !== void 0) chartEntry(item, fields, "helmCharts", { name: "name", repo: "repo", version: "version", values: "valuesFile", release: "releaseName" });
  }
  for (const item of itemsOf("helmChartInflationGenerator")) {
    const fields = mapFields(item);
    if (fields !== void 0) chartEntry(item, fields, "helmChartInflationGenerator", { name: "chartName", repo: "chartRepoUrl", version: "chartVersion", values: "values", release: "releaseName" });
  }
  result.keepsOriginAnnotations = seqItems(field3("buildMetadata")).some((i) => str2(i) === "originAnnotations");
  return result;
}
function scalarText(n) {
  if (!isScalar3(n) || n.value === null || n.value === void 0) return "";
  return typeof n.source === "string" && n.source !== "" ? n.source : String(n.value);
}
function resolved(n, doc) {
  let cur = n;
  for (let i = 0; i < 32 && isAlias(cur); i++) cur = cur.resolve(doc);
  return cur === null || cur === void 0 || isAlias(cur) ? void 0 : cur;
}
function goFields(map2, doc) {
  const out = /* @__PURE__ */ new Map();
  const visit2 = (m, depth) => {
    if (depth > 32) return;
    for (const pair of m.items) {
      const key = resolved(pair.key, doc);
      const value = resolved(pair.value, doc);
      if (!isScalar3(key)) continue;
      if (typeof key.value === "symbol") {
        for (const source2 of isSeq2(value) ? value.items.map((i) => resolved(i, doc)) : [value]) {
          if (isMap3(source2)) visit2(source2, depth + 1);
        }
        continue;
      }
      if (value === void 0) continue;
      const k = key.value instanceof Uint8Array ? Buffer.from(key.value).toString("utf8") : String(key.value);
      const list2 = out.get(k.toLowerCase()) ?? [];
      list2.push({ key: k, value });
      out.set(k.toLowerCase(), list2);
    }
  };
  visit2(map2, 0);
  return out;
}
function goValue3(fields, name) {
  const all = fields.get(name.toLowerCase());
  if (all === void 0 || all.length === 0) return void 0;
  let best = all[0];
  for (const c of all) if (c.key >= best.key) best = c;
  return best.value;
}
function isRemoteReference(ref, existsLocally = false) {
  const r = ref.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) return true;
  if (/^[a-z0-9+.-]+::/i.test(r)) return true;
  if (/^[^/\s]+@[^/\s]+:/.test(r)) return true;
  if (/\?(.*&)?(ref|version|submodules|timeout)=/.test(r)) return true;
  if (/(^|\/)_git\//.test(r) || /\.git(\/|$|\/\/)/.test(r)) return true;
  const first = r.split("/")[0] ?? "";
  if (existsLocally) return false;
  return first !== "." && first !== ".." && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$/i.test(first) && r.includes("/");
}
var KUSTOMIZATION_FILE_NAMES, HELM_DEFAULT_CHART_HOME, LIST_FIELDS;
var init_kustomization = __esm({
  "src/render/kustomize/kustomization.ts"() {
    "use strict";
    KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    HELM_DEFAULT_CHART_HOME = "charts";
    LIST_FIELDS = [
      ["resources", "file-or-dir"],
      ["bases", "dir"],
      ["components", "dir"],
      ["crds", "file"],
      ["configurations", "file"],
      ["generators", "plugin"],
      ["transformers", "plugin"],
      ["validators", "plugin"]
    ];
  }
});

// src/render/kustomize/graph.ts
function repoTree(files) {
  const set = new Set(files);
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const f of set) {
    let i = f.lastIndexOf("/");
    while (i > 0) {
      const d = f.slice(0, i);
      if (dirs.has(d)) break;
      dirs.add(d);
      i = d.lastIndexOf("/");
    }
  }
  return { files: set, dirs };
}
function reachOf(rootDir, tree, index) {
  const reach = { dirs: [], deps: /* @__PURE__ */ new Set(), resources: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set(), problems: [], pluginFiles: [], inlinePlugins: [], helmCharts: [] };
  const seen = /* @__PURE__ */ new Set();
  const queue = [rootDir];
  while (queue.length > 0) {
    const dir = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    reach.dirs.push(dir);
    for (const name of KUSTOMIZATION_FILE_NAMES) reach.deps.add(dir === "" ? name : `${dir}/${name}`);
    const k = index.get(dir);
    if (k === void 0 || k.parseError !== void 0) {
      reach.prefixes.add(dir);
      if (k?.parseError !== void 0) {
        const line = k.parseErrorLine ?? 1;
        reach.problems.push({
          kind: "render",
          message: `${k.parseError}: refused, a kustomization is read exactly as kustomize reads it or not at all`,
          source: { file: k.file, startLine: line, endLine: line }
        });
      }
      continue;
    }
    reach.problems.push(...k.refusals);
    for (const config of k.inlinePlugins) reach.inlinePlugins.push({ from: k, config });
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if ("problem" in placed) {
        reach.problems.push(placed.problem);
        continue;
      }
      reach.helmCharts.push(placed);
      reach.prefixes.add(placed.home);
      if (placed.local) {
        for (const f of tree.files) if (isUnder(f, placed.dir)) reach.resources.add(f);
      }
    }
    for (const ref of k.refs) {
      const target = resolveInRepo(dir, ref.value);
      const exists = target !== void 0 && (tree.files.has(target) || tree.dirs.has(target));
      if (isRemoteReference(ref.value, exists)) {
        reach.problems.push(refError(k, ref, `remote kustomize reference '${ref.value}' refused: rendering never uses the network; vendor it into the repository`));
        continue;
      }
      if (target === void 0) {
        reach.problems.push(refError(k, ref, `'${ref.value}' (${ref.field}) is outside the repository: refused`));
        continue;
      }
      if (tree.files.has(target)) {
        reach.deps.add(target);
        if (ref.field === "resources") reach.resources.add(target);
        if (ref.target === "plugin") reach.pluginFiles.push({ file: target, from: k, ref });
      } else if (index.has(target) && ref.target !== "file") {
        queue.push(target);
      } else {
        reach.prefixes.add(target);
      }
    }
  }
  return reach;
}
function chartPlace(kustomizationDir, entry, tree) {
  const at2 = { file: entry.file, startLine: entry.startLine, endLine: entry.startLine };
  const problem = (what2) => ({ problem: { kind: "render", message: `${entry.file}:${entry.startLine}: ${entry.field} chart '${entry.name}': ${what2}`, source: at2 } });
  if (entry.name === "" || !CHART_NAME.test(entry.name) || entry.name === "." || entry.name === "..") return problem("the chart name must be a plain name (letters, digits, ., _, -): refused");
  if (entry.releaseName !== void 0 && entry.releaseName.startsWith("-")) return problem(`releaseName '${entry.releaseName}' would be read by helm as a flag: refused`);
  const chartHome = resolveInRepo(kustomizationDir, entry.chartHome);
  if (chartHome === void 0) return problem(`chart home '${entry.chartHome}' is outside the repository: refused`);
  let home = chartHome;
  if (entry.version !== "" && entry.repo !== "") {
    if (/[/\\\0]/.test(entry.version) || entry.version.trim() !== entry.version) return problem(`version '${entry.version}' cannot be part of a directory name: refused`);
    home = `${chartHome === "" ? "" : `${chartHome}/`}${entry.name}-${entry.version}`;
  }
  const dir = home === "" ? entry.name : `${home}/${entry.name}`;
  const local = tree.dirs.has(dir);
  if (!local && entry.repo === "") return problem(`no chart at ${dir} and no 'repo' to fetch it from (kustomize would fail the build)`);
  return { entry, home, dir, local };
}
function inflatedChartDirs(index, tree) {
  const out = /* @__PURE__ */ new Set();
  for (const [dir, k] of index) {
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if (!("problem" in placed) && placed.local) out.add(placed.dir);
    }
  }
  return out;
}
function refError(k, ref, what2) {
  return { kind: "render", message: `${k.file}:${ref.line}: ${what2}`, source: { file: k.file, startLine: ref.line, endLine: ref.line } };
}
function kustomizeRootDirs(index, within2 = () => true) {
  const included = /* @__PURE__ */ new Set();
  for (const [dir, k] of index) {
    if (!within2(dir)) continue;
    for (const ref of k.refs) {
      if (ref.target === "file") continue;
      const target = resolveInRepo(dir, ref.value);
      if (target !== void 0 && target !== dir && index.has(target)) included.add(target);
    }
  }
  return [...index.entries()].filter(([dir, k]) => k.kind === "Kustomization" && within2(dir) && !included.has(dir)).map(([dir]) => dir).sort();
}
function filesToMaterialize(reach, tree) {
  const out = /* @__PURE__ */ new Set();
  for (const f of tree.files) {
    if (reach.dirs.some((d) => isUnder(f, d))) out.add(f);
  }
  for (const d of reach.deps) if (tree.files.has(d)) out.add(d);
  for (const c of reach.helmCharts) if (c.local) {
    for (const f of tree.files) if (isUnder(f, c.dir)) out.add(f);
  }
  return [...out];
}
var CHART_NAME;
var init_graph = __esm({
  "src/render/kustomize/graph.ts"() {
    "use strict";
    init_paths();
    init_kustomization();
    CHART_NAME = /^[\w.-]+$/;
  }
});

// src/render/gitops/model.ts
function appId(tool, file, name) {
  return `${tool}:${file}#${name.replace(/[#/]/g, "_")}`;
}
function appLabel(a) {
  return `${a.tool === "flux" ? "Flux" : "Argo CD"} ${a.kind} ${a.name} (${a.declared.file}:${a.declared.startLine})`;
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function obj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
}
function arr(v) {
  return Array.isArray(v) ? v : [];
}
function stringMap(v) {
  const out = {};
  for (const [k, x] of Object.entries(obj(v))) if (x !== null && typeof x !== "object") out[k] = String(x);
  return out;
}
function mergeValues(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    out[k] = isMap4(cur) && isMap4(v) ? mergeValues(cur, v) : v;
  }
  return out;
}
function isMap4(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function setPath(values, path23, value) {
  const keys = [];
  let cur = "";
  for (let i = 0; i < path23.length; i++) {
    const c = path23[i];
    if (c === "\\" && i + 1 < path23.length) cur += path23[++i];
    else if (c === ".") {
      if (cur !== "") keys.push(cur);
      cur = "";
    } else if (c === "[") {
      const end = path23.indexOf("]", i);
      const n = Number(path23.slice(i + 1, end));
      if (end < 0 || !Number.isInteger(n) || n < 0 || n > 1e4) return `bad list index in '${path23}'`;
      if (cur !== "") keys.push(cur);
      cur = "";
      keys.push(n);
      i = end;
    } else cur += c;
  }
  if (cur !== "") keys.push(cur);
  if (keys.length === 0 || typeof keys[0] !== "string") return `empty or bad path '${path23}'`;
  const root = structuredClone(values);
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const last = i === keys.length - 1;
    const nextIsIndex = !last && typeof keys[i + 1] === "number";
    const container = node;
    if (last) {
      container[k] = value;
    } else {
      let child4 = container[k];
      if (child4 === void 0 || child4 === null || typeof child4 !== "object" || Array.isArray(child4) !== nextIsIndex) {
        child4 = nextIsIndex ? [] : {};
        container[k] = child4;
      }
      if (Array.isArray(child4)) while (child4.length < keys[i + 1]) child4.push(null);
      node = child4;
    }
  }
  return root;
}
function typedSetValue(raw, forceString = false) {
  if (forceString) return raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^-?(0|[1-9]\d{0,15})$/.test(raw)) return Number(raw);
  return raw;
}
function normalizeRepoURL(url) {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z+]+:\/\//, "").replace(/^[^@/]+@/, "");
  u = u.replace(/^([^/:]+):(?!\d)/, "$1/");
  return u.replace(/\/+$/, "").replace(/\.git$/, "");
}
function kustomizeOptions(tool, r) {
  return [r.namespace, r.namePrefix, r.nameSuffix, r.patches, r.images, r.components, r.commonLabels, tool === "argocd" ? r.annotations : void 0];
}
function buildsPathAsIs(app) {
  const r = app.render;
  return r.type === "kustomize" && r.generate === void 0 && kustomizeOptions(app.tool, r).every((o) => o === void 0);
}
var init_model = __esm({
  "src/render/gitops/model.ts"() {
    "use strict";
  }
});

// src/render/kustomize/batch.ts
import { existsSync as existsSync5, statSync as statSync2 } from "node:fs";
import os3 from "node:os";
import path12 from "node:path";
function batchProgram(kustomize) {
  if (process.env[BATCH_SWITCH] === "off") return void 0;
  const candidate = path12.join(path12.dirname(kustomize), BATCH_PROGRAM);
  try {
    return existsSync5(candidate) && statSync2(candidate).isFile() ? candidate : void 0;
  } catch {
    return void 0;
  }
}
function batchedBuild(planned, ctx, kustomize, prepare, helm) {
  let builds = started.get(ctx);
  if (builds === void 0) {
    builds = startBatches(ctx, kustomize, prepare, helm);
    started.set(ctx, builds);
  }
  return builds.get(planned) ?? Promise.resolve("cli");
}
function startBatches(ctx, kustomize, prepare, helm) {
  const builds = /* @__PURE__ */ new Map();
  const program = batchProgram(kustomize);
  const roots = (ctx.roots ?? []).filter((p) => p.root.kind === "kustomize" && (p.root.app === void 0 || buildsPathAsIs(p.root.app)) && p.problems.length === 0);
  if (program === void 0 || roots.length < 2) return builds;
  const concurrency = Math.max(1, ctx.concurrency ?? os3.availableParallelism());
  const batches = cut(roots, Math.max(concurrency, Math.ceil(roots.length / MAX_BATCH_ROOTS)));
  const settle = /* @__PURE__ */ new Map();
  for (const p of roots) builds.set(p, new Promise((resolve2) => settle.set(p, resolve2)));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      try {
        await runBatch(batch, ctx, program, prepare, helm, (p, o) => settle.get(p)(o));
      } catch {
      }
      for (const p of batch) settle.get(p)("cli");
    }
  };
  for (let i = 0; i < Math.min(concurrency, batches.length); i++) void worker();
  return builds;
}
function cut(items, n) {
  const out = [];
  const count = Math.min(n, items.length);
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.ceil((items.length - start) / (count - i));
    out.push(items.slice(start, end));
    start = end;
  }
  return out;
}
async function runBatch(batch, ctx, program, prepare, helm, answer) {
  const dirs = await Promise.all(batch.map(prepare));
  let queue = batch.map((p, i) => ({ p, dir: dirs[i] }));
  while (queue.length > 0) {
    const extra = helm === void 0 ? {} : { env: helm.env, extraTools: [helm.helm] };
    const r = await runRendererRaw(ctx, LABEL, program, queue.map((q) => q.dir), { cwd: ctx.scratchDir, ...extra });
    if ("failure" in r) {
      for (const q of queue) answer(q.p, { failure: r.failure });
      return;
    }
    const { frames } = parseFrames(r.run.stdoutBytes);
    const answered = Math.min(frames.length, queue.length);
    for (let i = 0; i < answered; i++) answer(queue[i].p, outcomeOf(frames[i], r.limits, ctx));
    if (answered === queue.length) return;
    const stopped = r.run.timedOut || r.run.overflowed || r.run.outOfMemory;
    if (answered === 0 && !stopped) return;
    let rest = answered;
    if (frames[answered - 1]?.status !== "panic") answer(queue[rest++].p, "cli");
    queue = queue.slice(rest);
  }
}
function parseFrames(out) {
  const frames = [];
  let at2 = 0;
  while (at2 < out.length) {
    const nl = out.indexOf(10, at2);
    if (nl < 0 || nl - at2 > 200) return { frames, complete: false };
    const m = HEADER.exec(out.subarray(at2, nl).toString("latin1"));
    if (m === null || Number(m[1]) !== frames.length) return { frames, complete: false };
    const outLen = Number(m[3]);
    const errLen = Number(m[4]);
    const end = nl + 1 + outLen + errLen;
    if (end > out.length) return { frames, complete: false };
    frames.push({
      index: frames.length,
      status: m[2],
      stdout: out.subarray(nl + 1, nl + 1 + outLen),
      stderr: out.subarray(nl + 1 + outLen, end)
    });
    at2 = end;
  }
  return { frames, complete: true };
}
function outcomeOf(frame, limits2, ctx) {
  if (frame.status === "ok") return { stdout: frame.stdout.toString("utf8") };
  if (frame.status !== "error") return "cli";
  const stderr = frame.stderr.toString("utf8");
  const failure = failureOf(LABEL, { code: 1, stdout: "", stdoutBytes: Buffer.alloc(0), stderr, timedOut: false, overflowed: false, outOfMemory: false }, limits2);
  return { failure: repoRelativeMessage(failure ?? `${LABEL} failed`, ctx) };
}
var BATCH_PROGRAM, BATCH_SWITCH, MAX_BATCH_ROOTS, LABEL, started, HEADER;
var init_batch = __esm({
  "src/render/kustomize/batch.ts"() {
    "use strict";
    init_context();
    init_model();
    init_sandbox();
    BATCH_PROGRAM = "kustomize-batch";
    BATCH_SWITCH = "PREADMIT_KUSTOMIZE_BATCH";
    MAX_BATCH_ROOTS = 40;
    LABEL = "kustomize build";
    started = /* @__PURE__ */ new WeakMap();
    HEADER = /^KB1 (\d+) (ok|error|panic|cli) (\d+) (\d+)$/;
  }
});

// src/render/kustomize/origin.ts
import path13 from "node:path";
import { parse as parse2 } from "yaml";
function takeOrigin(object, keep) {
  const metadata2 = object.metadata;
  if (!isObject(metadata2) || !isObject(metadata2.annotations)) return void 0;
  const annotations = metadata2.annotations;
  const raw = annotations[ORIGIN_ANNOTATION];
  if (typeof raw !== "string") return void 0;
  if (!keep) {
    delete annotations[ORIGIN_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete metadata2.annotations;
  }
  let parsed2;
  try {
    parsed2 = parse2(raw);
  } catch {
    return void 0;
  }
  if (!isObject(parsed2)) return void 0;
  const origin = {};
  if (typeof parsed2.path === "string") origin.path = parsed2.path;
  if (typeof parsed2.configuredIn === "string") origin.configuredIn = parsed2.configuredIn;
  if (isObject(parsed2.configuredBy)) {
    const { kind, name } = parsed2.configuredBy;
    origin.configuredBy = { ...typeof kind === "string" ? { kind } : {}, ...typeof name === "string" ? { name } : {} };
  }
  return origin;
}
function originToRepoPath(originPath, builtDirInScratch, repoDirInScratch) {
  const inScratch = path13.posix.normalize(path13.posix.join(builtDirInScratch, originPath));
  const rel = path13.posix.relative(repoDirInScratch, inScratch);
  return resolveInRepo("", rel);
}
function stripRenderedBy(s2) {
  return { file: s2.file, startLine: s2.startLine, endLine: s2.endLine };
}
var ORIGIN_ANNOTATION, OriginLocator;
var init_origin = __esm({
  "src/render/kustomize/origin.ts"() {
    "use strict";
    init_classify();
    init_load();
    init_paths();
    init_paths();
    ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
    OriginLocator = class {
      #loaded = /* @__PURE__ */ new Map();
      #readText;
      #kustomizations;
      constructor(readText, kustomizations) {
        this.#readText = readText;
        this.#kustomizations = kustomizations;
      }
      /** The document of `file` that `object` came from: same kind, and the name kustomize prefixed or suffixed. */
      async inFile(file, object) {
        let loaded = this.#loaded.get(file);
        if (loaded === void 0) {
          loaded = this.#readText(file).then((t) => t === void 0 ? void 0 : loadManifests(t, file, { yamlVersion: "1.1" }));
          this.#loaded.set(file, loaded);
        }
        const result = await loaded;
        const whole = { file, startLine: 1, endLine: Math.max(1, ...result?.objects.map((o) => o.source.endLine) ?? [1]) };
        if (result === void 0 || result.objects.length === 0) return whole;
        const sameKind = result.objects.filter((o) => o.object.kind === object.kind);
        const candidates = sameKind.length > 0 ? sameKind : result.objects;
        if (candidates.length === 1) return stripRenderedBy(candidates[0].source);
        const name = nameOf(object);
        const exact = candidates.find((o) => nameOf(o.object) === name);
        if (exact) return stripRenderedBy(exact.source);
        const contained = candidates.filter((o) => nameOf(o.object) !== "" && name.includes(nameOf(o.object))).sort((a, b) => nameOf(b.object).length - nameOf(a.object).length)[0];
        return contained ? stripRenderedBy(contained.source) : whole;
      }
      /**
       * The `helmCharts` entry of kustomization `file` whose chart rendered `object`: the only one, else the one helm's
       * standard labels name (`helm.sh/chart: <name>-<version>`, `app.kubernetes.io/instance: <release>`), else the first.
       */
      inHelmChart(file, object) {
        const entries = this.#kustomizations.get(dirOf(file))?.helmCharts.filter((e) => e.file === file) ?? [];
        if (entries.length === 0) return { file, startLine: 1, endLine: 1 };
        const metadata2 = isObject(object.metadata) ? object.metadata : {};
        const labels = isObject(metadata2.labels) ? metadata2.labels : {};
        const chart = typeof labels["helm.sh/chart"] === "string" ? labels["helm.sh/chart"] : void 0;
        const instance = labels["app.kubernetes.io/instance"];
        const byLabels = entries.filter((e) => (chart === void 0 || chart.startsWith(`${e.name}-`)) && (typeof instance !== "string" || e.releaseName === void 0 || e.releaseName === instance));
        const entry = entries.length === 1 ? entries[0] : byLabels.length === 1 ? byLabels[0] : entries[0];
        return { file, startLine: entry.startLine, endLine: entry.endLine };
      }
      /** The generator entry of kustomization `file` that made `object` (a ConfigMap or Secret). */
      inGenerator(file, object) {
        const k = this.#kustomizations.get(dirOf(file));
        const name = nameOf(object);
        const field3 = object.kind === "Secret" ? "secretGenerator" : "configMapGenerator";
        const entry = k?.generators.filter((g) => g.field === field3 && name.includes(g.name)).sort((a, b) => b.name.length - a.name.length)[0];
        return entry ? { file, startLine: entry.startLine, endLine: entry.endLine } : { file, startLine: 1, endLine: 1 };
      }
    };
  }
});

// src/render/kustomize/render.ts
import { mkdir as mkdir6, writeFile as writeFile4 } from "node:fs/promises";
import path14 from "node:path";
function wrapperOf(planned, ctx) {
  let byRoot = wrappers.get(ctx);
  if (byRoot === void 0) wrappers.set(ctx, byRoot = /* @__PURE__ */ new Map());
  let w = byRoot.get(planned);
  if (w === void 0) {
    w = (async () => {
      const rel = `wrap/${++wrapperCount}`;
      const dir = path14.join(ctx.scratchDir, rel);
      const repoRel = path14.relative(ctx.scratchDir, ctx.workDir).split(path14.sep).join("/");
      await mkdir6(dir, { recursive: true });
      const target = path14.posix.relative(rel, path14.posix.join(repoRel, planned.root.path));
      await writeFile4(path14.join(dir, "kustomization.yaml"), `resources:
- ${JSON.stringify(target)}
buildMetadata:
- originAnnotations
`);
      return { rel, dir, target };
    })();
    byRoot.set(planned, w);
  }
  return w;
}
async function inflatedCharts(planned, ctx) {
  let reaches;
  if (planned.reach !== void 0) reaches = [planned.reach];
  else {
    const render = planned.root.app?.render;
    const base = render?.type === "kustomize" ? render.path : planned.root.path;
    const dirs = ctx.kustomizations.has(base) ? [base] : [...ctx.kustomizations.keys()].filter((d) => isUnder(d, base));
    reaches = dirs.map((d) => reachOf(d, ctx.tree, ctx.kustomizations));
  }
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  const add2 = (kustomizationDir, entry) => {
    const placed = chartPlace(kustomizationDir, entry, ctx.tree);
    if ("problem" in placed) problems.push(renderError(planned, placed.problem.message, placed.problem.source));
    else seen.set(`${entry.file}:${entry.startLine}`, placed);
  };
  for (const reach of reaches) {
    for (const c of reach.helmCharts) seen.set(`${c.entry.file}:${c.entry.startLine}`, c);
    for (const p of reach.pluginFiles) {
      for (const entry of pluginChartEntries(await ctx.readText(p.file) ?? "", p.file, 0)) add2(dirOf(p.from.file), entry);
    }
    for (const { from, config } of reach.inlinePlugins) {
      for (const entry of pluginChartEntries(config.text, from.file, config.line)) add2(dirOf(from.file), entry);
    }
  }
  return { charts: [...seen.values()], problems };
}
function pluginChartEntries(text, file, line) {
  const out = [];
  for (const { object, source: source2 } of loadManifests(text, file, { yamlVersion: "1.1" }).objects) {
    if (object.apiVersion !== "builtin" || object.kind !== "HelmChartInflationGenerator") continue;
    const s2 = (v) => typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    out.push({
      file,
      startLine: line > 0 ? line : source2.startLine,
      endLine: line > 0 ? line : source2.endLine,
      field: "HelmChartInflationGenerator",
      name: s2(object.name),
      repo: s2(object.repo).trim(),
      version: s2(object.version),
      ...typeof object.releaseName === "string" ? { releaseName: object.releaseName } : {},
      ...object.devel === true ? { devel: true } : {},
      chartHome: s2(object.chartHome) || HELM_DEFAULT_CHART_HOME
    });
  }
  return out;
}
function placeInflatedCharts(planned, ctx) {
  let mine = placements.get(ctx);
  if (mine === void 0) placements.set(ctx, mine = /* @__PURE__ */ new Map());
  const key = `${planned.root.app?.id ?? ""}\0${planned.root.path}`;
  let placed = mine.get(key);
  if (placed === void 0) {
    placed = (async () => {
      const { charts, problems } = await inflatedCharts(planned, ctx);
      const fetched = await Promise.all(
        charts.filter((c) => !c.local).map(async (c) => {
          const at2 = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
          const version = helmVersionWanted(c.entry.version, c.entry.devel === true);
          const got = await placeRemoteChart(ctx, c.dir, { repoUrl: c.entry.repo, chart: c.entry.name, version, declaredAt: at2 });
          if (got.ok) return void 0;
          return renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field} chart '${c.entry.name}' from ${c.entry.repo}: not simulated: ${got.reason}`, at2);
        })
      );
      return { charts, errors: [...problems, ...fetched.filter((e) => e !== void 0)] };
    })();
    mine.set(key, placed);
  }
  return placed;
}
function kustomizeHelm(ctx) {
  const tool = findRenderTool("helm");
  if ("error" in tool) return void 0;
  const command = toolPathInRun(tool.path, ctx.jailed);
  const apiVersions = clusterApiVersions(ctx);
  const args = ["--enable-helm", "--helm-command", command];
  if (ctx.kubeVersion !== void 0) args.push("--helm-kube-version", ctx.kubeVersion);
  for (const v of apiVersions) args.push("--helm-api-versions", v);
  const env = { KUSTOMIZE_BATCH_HELM_COMMAND: command, KUSTOMIZE_BATCH_HELM_API_VERSIONS: apiVersions.join("\n") };
  if (ctx.kubeVersion !== void 0) env.KUSTOMIZE_BATCH_HELM_KUBE_VERSION = ctx.kubeVersion;
  return { helm: tool.path, args, env };
}
async function renderKustomize(planned, ctx, copied) {
  const root = planned.root.path;
  const inRepo = (file) => {
    if (copied === void 0 || !isUnder(file, copied.dir)) return file;
    if (file === `${copied.dir}/kustomization.yaml`) return copied.file;
    return file === copied.dir ? copied.repoDir : path14.posix.join(copied.repoDir, file.slice(copied.dir.length + 1));
  };
  const shown2 = (copied !== void 0 ? copied.repoDir : root) || ".";
  const k = ctx.kustomizations.get(copied?.repoDir ?? root);
  const rootFile = copied !== void 0 ? copied.file : k?.file ?? (root === "" ? "kustomization.yaml" : `${root}/kustomization.yaml`);
  const at2 = { file: rootFile, startLine: 1, endLine: 1 };
  const tool = findRenderTool("kustomize");
  if ("error" in tool) return { objects: [], errors: [renderError(planned, `${shown2}: ${tool.error}`, at2)] };
  const kustomize = tool.path;
  const [wrapper, inflated] = await Promise.all([wrapperOf(planned, ctx), placeInflatedCharts(copied !== void 0 ? { ...planned, root: { ...planned.root, path: copied.repoDir } } : planned, ctx)]);
  if (inflated.errors.length > 0) return { objects: [], errors: inflated.errors };
  const wrapperRel = wrapper.rel;
  const repoRel = path14.relative(ctx.scratchDir, ctx.workDir).split(path14.sep).join("/");
  const helm = kustomizeHelm(ctx);
  if (helm === void 0 && inflated.charts.length > 0) {
    const c = inflated.charts[0];
    const where2 = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
    return { objects: [], errors: [renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field}: ${findRenderTool("helm").error}`, where2)] };
  }
  const prepare = (p) => Promise.all([wrapperOf(p, ctx), placeInflatedCharts(p, ctx)]).then(([w]) => w.dir);
  let run = await batchedBuild(planned, ctx, kustomize, prepare, helm);
  if (run === "cli") {
    run = await runRenderer(ctx, "kustomize build", kustomize, ["build", ...helm?.args ?? [], wrapper.dir], { cwd: ctx.scratchDir, extraTools: helm !== void 0 ? [helm.helm] : [] });
  }
  if ("failure" in run) {
    let message2 = run.failure.split(wrapper.target).join(root || ".");
    if (copied !== void 0) message2 = message2.split(copied.dir).join(shown2);
    return { objects: [], errors: [renderError(planned, `${shown2}: ${message2}`, at2)] };
  }
  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `kustomize build ${shown2}`, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at2));
  const locator = new OriginLocator(ctx.readText, ctx.kustomizations);
  const keep = k?.keepsOriginAnnotations ?? false;
  const objects = [];
  for (const { object } of loaded.objects) {
    const origin = takeOrigin(object, keep);
    let source2 = { ...at2 };
    const fromPath = origin?.path !== void 0 ? mapDefined(originToRepoPath(origin.path, wrapperRel, repoRel), inRepo) : void 0;
    const fromGenerator = origin?.configuredIn !== void 0 ? mapDefined(originToRepoPath(origin.configuredIn, wrapperRel, repoRel), inRepo) : void 0;
    if (fromPath !== void 0) source2 = await locator.inFile(fromPath, object);
    else if (fromGenerator !== void 0 && origin?.configuredBy?.kind === "HelmChartInflationGenerator") source2 = locator.inHelmChart(fromGenerator, object);
    else if (fromGenerator !== void 0) source2 = locator.inGenerator(fromGenerator, object);
    objects.push({ object, source: { ...source2, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
function mapDefined(v, f) {
  return v === void 0 ? void 0 : f(v);
}
var wrapperCount, wrappers, placements;
var init_render2 = __esm({
  "src/render/kustomize/render.ts"() {
    "use strict";
    init_load();
    init_context();
    init_plan2();
    init_tools2();
    init_batch();
    init_graph();
    init_kustomization();
    init_origin();
    init_render();
    init_version();
    init_paths();
    init_sandbox();
    wrapperCount = 0;
    wrappers = /* @__PURE__ */ new WeakMap();
    placements = /* @__PURE__ */ new WeakMap();
  }
});

// src/render/kustomize/renderer.ts
async function planKustomize(root, { tree, kustomizations: index, text }) {
  const plannedRoot = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([root.path]), materialize: [], problems: [] };
  if (!index.has(root.path)) {
    plannedRoot.problems.push(rootError(root, `${root.path || "."}: no kustomization.yaml, kustomization.yml or Kustomization here`, root.path || "."));
    return plannedRoot;
  }
  const reach = reachOf(root.path, tree, index);
  plannedRoot.reach = reach;
  plannedRoot.deps = reach.deps;
  plannedRoot.prefixes = reach.prefixes;
  plannedRoot.problems.push(...await reachProblems(reach, text));
  plannedRoot.materialize = filesToMaterialize(reach, tree);
  return plannedRoot;
}
async function reachProblems(reach, text) {
  const problems = [...reach.problems];
  for (const p of reach.pluginFiles) {
    const body = await text(p.file);
    problems.push(...pluginRefusals(body ?? "", p.file, `${p.from.file}:${p.ref.line}`));
  }
  for (const { from, config } of reach.inlinePlugins) {
    problems.push(...pluginRefusals(config.text, from.file, `${from.file}:${config.line}`, config.line));
  }
  return problems;
}
function pluginRefusals(body, file, where2, lineOffset = 0) {
  const errors = [];
  for (const { object, source: source2 } of loadManifests(body, file, { yamlVersion: "1.1" }).objects) {
    const metadata2 = isObject(object.metadata) ? object.metadata : {};
    const annotations = isObject(metadata2.annotations) ? metadata2.annotations : {};
    const isFunction = "config.kubernetes.io/function" in annotations || "config.k8s.io/function" in annotations;
    if (object.apiVersion === "builtin" && !isFunction) continue;
    const line = lineOffset > 0 ? lineOffset : source2.startLine;
    errors.push({
      kind: "render",
      message: `${where2}: kustomize plugin ${String(object.kind ?? "?")} (${String(object.apiVersion ?? "?")}) refused: preadmit runs only kustomize's builtin generators and transformers, never exec, container or Go plugins`,
      source: { file, startLine: line, endLine: lineOffset > 0 ? lineOffset : source2.endLine }
    });
  }
  return errors;
}
var kustomizeRenderer;
var init_renderer2 = __esm({
  "src/render/kustomize/renderer.ts"() {
    "use strict";
    init_load();
    init_classify();
    init_api();
    init_glob2();
    init_paths();
    init_graph();
    init_render2();
    kustomizeRenderer = {
      kind: "kustomize",
      // kustomize runs helm for `helmCharts` and HelmChartInflationGenerator (it is always given `--enable-helm`).
      tools: ["kustomize", "helm"],
      discover: ({ kustomizations, within: within2, excluded }) => kustomizeRootDirs(kustomizations, within2).filter((dir) => !matchesAny(dir, excluded)).map((dir) => ({ kind: "kustomize", path: dir })),
      /**
       * The directories of kustomizations (not components) within the discovery paths, and every file a kustomization
       * within them names (a patch, a resource, a generator input). A Component claims only the files it names, not its
       * directory: a Component at the repository root does not turn every plain file into something else.
       */
      claims: ({ kustomizations, within: within2 }) => {
        const claimed = { dirs: [], files: /* @__PURE__ */ new Set() };
        for (const [dir, k] of kustomizations) {
          if (!within2(dir)) continue;
          if (k.kind === "Kustomization") claimed.dirs.push(dir);
          for (const ref of k.refs) {
            const target = resolveInRepo(dir, ref.value);
            if (target !== void 0) claimed.files.add(target);
          }
        }
        return claimed;
      },
      plan: planKustomize,
      render: renderKustomize
    };
  }
});

// src/render/objects.ts
function isKubernetesObject(o) {
  return typeof o.apiVersion === "string" && o.apiVersion !== "" && typeof o.kind === "string" && o.kind !== "";
}
function holdsKubernetesObjects(text, file) {
  const loaded = loadManifestsMemo(text, file, { yamlVersion: "1.1" });
  const objects = loaded.objects.filter((o) => isKubernetesObject(o.object));
  if (objects.length > 0) return objects;
  return loaded.errors.length > 0 ? "unreadable" : false;
}
var init_objects = __esm({
  "src/render/objects.ts"() {
    "use strict";
    init_load();
  }
});

// src/render/plain/render.ts
async function renderPlain(planned, ctx) {
  const file = planned.root.path;
  const text = await ctx.readText(file);
  if (text === void 0) {
    return { objects: [], errors: [renderError(planned, `${file}: no such file at this ref`, { file, startLine: 1, endLine: 1 })] };
  }
  const loaded = loadManifests(text, file, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, e.source ?? { file, startLine: 1, endLine: 1 }));
  const manifests = loaded.objects.filter((o) => isKubernetesObject(o.object));
  if (manifests.length === 0) return { objects: [], errors };
  const objects = [];
  const renderedBy = rootId(planned.root);
  for (const o of loaded.objects) {
    if (!isKubernetesObject(o.object)) {
      errors.push(renderError(planned, `${file}:${o.source.startLine}: document has no apiVersion and kind`, o.source));
      continue;
    }
    for (const item of expandList(o)) objects.push({ ...item, source: { ...item.source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
function expandList(o) {
  const { object } = o;
  if (typeof object.kind !== "string" || !object.kind.endsWith("List") || !Array.isArray(object.items)) return [o];
  const out = [];
  for (const item of object.items) {
    if (item !== null && typeof item === "object" && !Array.isArray(item) && isKubernetesObject(item)) {
      out.push({ object: item, source: o.source });
    }
  }
  return out;
}
var init_render3 = __esm({
  "src/render/plain/render.ts"() {
    "use strict";
    init_load();
    init_context();
    init_objects();
    init_plan2();
  }
});

// src/render/plain/renderer.ts
function holdsManifests(body, file) {
  if (body.includes("apiVersion") && body.includes("kind")) return true;
  const found = holdsKubernetesObjects(body, file);
  return found !== false && found !== "unreadable";
}
var plainRenderer;
var init_renderer3 = __esm({
  "src/render/plain/renderer.ts"() {
    "use strict";
    init_read();
    init_api();
    init_glob2();
    init_kustomization();
    init_objects();
    init_paths();
    init_render3();
    plainRenderer = {
      kind: "plain",
      tools: [],
      /**
       * Every manifest file within the paths, outside dot-directories, not excluded and claimed by no other kind of root
       * (what is claimed but rendered by no root is found by coverage, coverage.ts): a candidate, kept by `select`.
       */
      discover: ({ tree, excluded, within: within2 }, claimed) => [...tree.files].filter(
        (file) => isManifestFile(file) && !isKustomizationFile(file) && !matchesAny(file, excluded) && within2(file) && // Dot-directories hold CI and tool configuration (.github/workflows/*.yml), never manifests to apply.
        !file.split("/").some((seg) => seg.startsWith(".")) && !claimed.files.has(file) && !claimed.dirs.some((d) => isUnder(file, d))
      ).map((file) => ({ kind: "plain", path: file })),
      /**
       * A candidate is a root if it holds a Kubernetes object, or fails to load (a broken manifest must be reported);
       * values files, CI and tool configuration are not. A plain root is affected only by a change to its own file: when
       * a change is given, the other plain files need not be read (the costly part of planning a large repository).
       */
      select: async (roots, changed, text) => {
        const wanted = roots.filter((r) => changed === void 0 || changed.has(r.path));
        const bodies = await Promise.all(wanted.map((r) => text(r.path)));
        return wanted.filter((r, i) => holdsManifests(bodies[i] ?? "", r.path));
      },
      plan: (root, { tree }) => {
        const plannedRoot = { root, deps: /* @__PURE__ */ new Set([root.path]), prefixes: /* @__PURE__ */ new Set(), materialize: [], problems: [] };
        if (!tree.files.has(root.path)) plannedRoot.problems.push(rootError(root, `${root.path}: no such file at this ref`, root.path));
        return Promise.resolve(plannedRoot);
      },
      render: renderPlain
    };
  }
});

// src/render/registry.ts
function renderers() {
  return [kustomizeRenderer, helmRenderer, plainRenderer];
}
function rendererOf(kind) {
  const renderer = renderers().find((r) => r.kind === kind);
  if (renderer === void 0) throw new Error(`no renderer for roots of kind '${String(kind)}'`);
  return renderer;
}
var init_registry = __esm({
  "src/render/registry.ts"() {
    "use strict";
    init_renderer();
    init_renderer2();
    init_renderer3();
  }
});

// src/render/gitops/envsubst.ts
function isValidVariableName(name) {
  return NAME.test(name);
}
function envsubst(text, vars) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const at2 = text.indexOf("$", i);
    if (at2 < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at2);
    if (text.startsWith("$${", at2)) {
      out += "${";
      i = at2 + 3;
      continue;
    }
    if (text[at2 + 1] !== "{") {
      out += "$";
      i = at2 + 1;
      continue;
    }
    const end = closingBrace(text, at2 + 2);
    if (end < 0) throw new SubstitutionError(`unterminated '\${' at offset ${at2}`);
    out += expand2(text.slice(at2 + 2, end), vars);
    i = end + 1;
  }
  return out;
}
function closingBrace(text, from) {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (text[i] === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
function expand2(expr, vars) {
  const m = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([\s\S]*))?$/.exec(expr);
  if (!m) throw new SubstitutionError(`unsupported substitution '\${${expr}}' (preadmit substitutes \${var}, \${var:=default}, \${var:-default}, \${var=default} and \${var-default})`);
  const [, name, op, fallback] = m;
  const value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : void 0;
  if (op === void 0) return value ?? "";
  const useDefault = op.startsWith(":") ? value === void 0 || value === "" : value === void 0;
  return useDefault ? envsubst(fallback ?? "", vars) : value;
}
function substitutionDisabled(object) {
  const meta = object.metadata;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return false;
  for (const field3 of ["annotations", "labels"]) {
    const m = meta[field3];
    if (m !== null && typeof m === "object" && !Array.isArray(m) && m["kustomize.toolkit.fluxcd.io/substitute"] === "disabled") return true;
  }
  return false;
}
var NAME, SubstitutionError;
var init_envsubst = __esm({
  "src/render/gitops/envsubst.ts"() {
    "use strict";
    NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
    SubstitutionError = class extends Error {
    };
  }
});

// src/simulate/locate.ts
import { isMap as isMap5, isScalar as isScalar4, isSeq as isSeq3, LineCounter as LineCounter4, parseAllDocuments as parseAllDocuments2 } from "yaml";
function offendingPath(object, message2) {
  const containers = [];
  walk(object, [], (path23, value) => {
    const parent = path23[path23.length - 2];
    if (typeof path23[path23.length - 1] === "number" && typeof parent === "string" && CONTAINER_LISTS.has(parent) && isObject(value) && typeof value.name === "string" && value.name !== "") {
      containers.push({ path: path23, name: value.name });
    }
  });
  const named = containers.filter((c) => mentions(message2, c.name)).sort((a, b) => b.name.length - a.name.length)[0];
  const scope = named?.path ?? [];
  const scoped = scope.length === 0 ? object : at(object, scope);
  let best;
  walk(scoped, [], (path23, value) => {
    const key = path23[path23.length - 1];
    if (path23.length === 0 || scope.length > 0 && path23.length === 1 && key === "name") return;
    if (scope.length === 0 && path23.length === 1 && (key === "kind" || key === "apiVersion")) return;
    if (scope.length === 0 && path23[0] === "metadata" && (key === "name" || key === "namespace") && path23.length === 2) return;
    let score = 0;
    if (typeof value === "string" && value.length >= 4 && message2.includes(value)) score = 2;
    else if (typeof key === "string" && key.length >= 4 && mentions(message2.toLowerCase(), key.toLowerCase())) score = 1;
    if (score === 0) return;
    if (!best || score > best.score || score === best.score && path23.length > best.path.length) best = { path: path23, score };
  });
  if (best) return { path: [...scope, ...best.path], container: scope.length };
  const objectName = isObject(object.metadata) ? object.metadata.name : void 0;
  return named && named.name !== objectName ? { path: scope, container: scope.length } : void 0;
}
function mentions(text, word) {
  let from = 0;
  for (; ; ) {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    const before = i === 0 ? "" : text[i - 1];
    const after = text[i + word.length] ?? "";
    if (!/[A-Za-z0-9_.-]/.test(before) && !/[A-Za-z0-9_-]/.test(after)) return true;
    from = i + 1;
  }
}
function walk(value, path23, visit2) {
  visit2(path23, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path23, i], visit2));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path23, k], visit2);
}
function at(value, path23) {
  let cur = value;
  for (const step of path23) {
    if (typeof step === "number") cur = Array.isArray(cur) ? cur[step] : void 0;
    else cur = isObject(cur) ? cur[step] : void 0;
    if (cur === void 0) return void 0;
  }
  return cur;
}
function parse3(text) {
  const known = parsed.get(text);
  if (known !== void 0) return known;
  let result = null;
  try {
    const lines = new LineCounter4();
    const docs = parseAllDocuments2(text, { lineCounter: lines, version: "1.1", uniqueKeys: false, prettyErrors: false });
    result = Array.isArray(docs) ? { docs, lines } : null;
  } catch {
    result = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value);
  parsed.set(text, result);
  return result;
}
function lineOfPath(text, source2, kind, path23, minDepth = 1) {
  const found = documentAlone(text, source2) ?? documentInFile(text, source2.startLine);
  if (!found) return void 0;
  const { doc, lineOf } = found;
  if (!isMap5(doc.contents) || String(doc.contents.get("kind") ?? "") !== kind) return void 0;
  let node = doc.contents;
  let line;
  let depth = 0;
  for (const step of path23) {
    if (typeof step === "number") {
      if (!isSeq3(node)) break;
      const item = node.items[step];
      if (!item?.range) break;
      node = item;
      line = lineOf(item);
    } else {
      if (!isMap5(node)) break;
      const pair = node.items.find((p) => isScalar4(p.key) && String(p.key.value) === step);
      if (!pair || !isScalar4(pair.key) || !pair.key.range) break;
      line = lineOf(pair.key);
      if (!pair.value || !pair.value.range) {
        depth++;
        break;
      }
      node = pair.value;
    }
    depth++;
  }
  if (line === void 0 || depth < minDepth) return void 0;
  return { file: source2.file, startLine: line, endLine: line, ...source2.renderedBy !== void 0 ? { renderedBy: source2.renderedBy } : {} };
}
function documentInFile(text, startLine) {
  const file = parse3(text);
  if (!file) return void 0;
  const lineOf = (n) => file.lines.linePos(n.range[0]).line;
  const doc = file.docs.find((d) => d.errors.length === 0 && d.contents?.range && lineOf(d.contents) === startLine);
  return doc ? { doc, lineOf } : void 0;
}
function documentAlone(text, source2) {
  const { startLine, endLine } = source2;
  if (!(startLine >= 1 && endLine >= startLine) || /^%/m.test(text)) return void 0;
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineText = (n) => text.slice(starts[n - 1], n < starts.length ? starts[n] - 1 : text.length);
  if (endLine > starts.length || MARKER_START.test(lineText(startLine))) return void 0;
  let before = startLine - 1;
  while (before >= 1 && NOTHING_LINE.test(lineText(before))) before--;
  if (before >= 1 && !MARKER_LINE.test(lineText(before))) return void 0;
  let after = endLine + 1;
  while (after <= starts.length && NOTHING_LINE.test(lineText(after))) after++;
  if (after <= starts.length && !MARKER_START.test(lineText(after))) return void 0;
  const slice = text.slice(starts[startLine - 1], after <= starts.length ? starts[after - 1] : text.length);
  const alone = parse3(slice);
  const doc = alone?.docs[0];
  if (!alone || !doc || doc.errors.length > 0 || !doc.contents?.range || alone.lines.linePos(doc.contents.range[0]).line !== 1) return void 0;
  return { doc, lineOf: (n) => alone.lines.linePos(n.range[0]).line + startLine - 1 };
}
function valueAt(object, path23) {
  return at(object, path23);
}
function splitImage(image) {
  const [rest, digest] = image.split("@", 2);
  const colon = rest.lastIndexOf(":");
  const tagged = colon > rest.lastIndexOf("/");
  return { repo: tagged ? rest.slice(0, colon) : rest, ...tagged ? { tag: rest.slice(colon + 1) } : {}, ...digest !== void 0 ? { digest } : {} };
}
function imagesEntryLine(text, file, image) {
  const parsedFile = parse3(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !isMap5(doc.contents)) return void 0;
  const images = doc.contents.get("images", true);
  if (!isSeq3(images)) return void 0;
  const want2 = splitImage(image);
  for (const item of images.items) {
    if (!isMap5(item) || !item.range) continue;
    const field3 = (k) => {
      const v = item.get(k);
      return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
    };
    const [name, newName, newTag, digest] = [field3("name"), field3("newName"), field3("newTag"), field3("digest")];
    if (newName === void 0 && newTag === void 0 && digest === void 0) continue;
    if ((newName ?? name) !== want2.repo) continue;
    if (newTag !== void 0 && newTag !== want2.tag) continue;
    if (digest !== void 0 && digest !== want2.digest) continue;
    const line = parsedFile.lines.linePos(item.range[0]).line;
    return { file, startLine: line, endLine: line };
  }
  return void 0;
}
function valuesLine(text, file, value) {
  const parsedFile = parse3(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !doc.contents) return void 0;
  let best;
  const visit2 = (node) => {
    if (isMap5(node)) {
      for (const pair of node.items) {
        const v = pair.value;
        if (isScalar4(v) && (typeof v.value === "string" || typeof v.value === "number") && isScalar4(pair.key) && pair.key.range) {
          const s2 = String(v.source ?? v.value);
          if (s2.length >= 4 && value.includes(s2) && (!best || s2.length > best.length)) best = { line: parsedFile.lines.linePos(pair.key.range[0]).line, length: s2.length };
        } else visit2(v);
      }
    } else if (isSeq3(node)) for (const item of node.items) visit2(item);
  };
  visit2(doc.contents);
  return best ? { location: { file, startLine: best.line, endLine: best.line }, length: best.length } : void 0;
}
var CONTAINER_LISTS, parsed, PARSED_LIMIT, MARKER_LINE, MARKER_START, NOTHING_LINE;
var init_locate = __esm({
  "src/simulate/locate.ts"() {
    "use strict";
    init_classify();
    CONTAINER_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
    parsed = /* @__PURE__ */ new Map();
    PARSED_LIMIT = 256;
    MARKER_LINE = /^(?:---|\.\.\.)\s*(?:#.*)?$/;
    MARKER_START = /^(?:---|\.\.\.)(?:\s|$)/;
    NOTHING_LINE = /^\s*(?:#.*)?$/;
  }
});

// src/render/gitops/scan.ts
function remoteChartRefusal(ctx, url) {
  const allow = ctx.chartAllow ?? { entries: [] };
  if (refusalOf(url, allow) === void 0) return void 0;
  if (/^oci:\/\//i.test(url.trim())) return refusalOf(url, allow);
  return `remote chart repository not allowed: ${url} (the operator allows repositories with ${CHART_REPOSITORIES_ENV}; preadmit.yml chartRepositories may only narrow that list)`;
}
function isThisRepo(ctx, url) {
  if (ctx.repoURLs.length === 0) return true;
  if (url === void 0) return false;
  const u = normalizeRepoURL(url);
  return ctx.repoURLs.some((r) => normalizeRepoURL(r) === u);
}
function declaredAt(o) {
  return { file: o.source.file, startLine: o.source.startLine, endLine: o.source.endLine };
}
async function fieldAt(ctx, o, path23) {
  const text = await ctx.text(o.source.file);
  const kind = String(o.object.kind ?? "");
  const at2 = text === void 0 ? void 0 : lineOfPath(text, o.source, kind, path23);
  return at2 ? { file: at2.file, startLine: at2.startLine, endLine: at2.endLine } : declaredAt(o);
}
function refusal(at2, message2) {
  return { kind: "render", message: `${at2.file}:${at2.startLine}: ${message2}`, source: { ...at2 } };
}
function repoPath(dir, p) {
  return resolveInRepo(dir, p.replace(/^\.\/?$/, ""));
}
async function findObject(ctx, kind, name, namespace) {
  const matches2 = (o) => {
    if (o.object.kind !== kind || str(obj(o.object.metadata).name) !== name) return false;
    const ns = str(obj(o.object.metadata).namespace);
    return ns === void 0 || namespace === void 0 || ns === namespace;
  };
  const deployed = (ctx.objects ?? []).filter(matches2);
  if (deployed.length > 0) return deployed.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? deployed[0];
  const found = [];
  const bodies = await Promise.all(ctx.manifestFiles.map((f) => ctx.text(f)));
  for (let i = 0; i < ctx.manifestFiles.length; i++) {
    const file = ctx.manifestFiles[i];
    const body = bodies[i];
    if (body === void 0 || !body.includes(name) || !body.includes(kind)) continue;
    for (const o of loadManifests(body, file, { yamlVersion: "1.1" }).objects) if (matches2(o)) found.push(o);
  }
  return found.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? found[0];
}
function manifestFiles(tree, charts) {
  const chartDirs = [...charts.keys()];
  return [...tree.files].filter((f) => isManifestFile(f) && !f.split("/").some((s2) => s2.startsWith(".")) && !chartDirs.some((d) => isUnder(f, d))).sort();
}
function metaOf(o) {
  const meta = obj(o.metadata);
  return { name: str(meta.name) ?? "", namespace: str(meta.namespace) };
}
var init_scan = __esm({
  "src/render/gitops/scan.ts"() {
    "use strict";
    init_load();
    init_read();
    init_locate();
    init_remote();
    init_paths();
    init_model();
  }
});

// src/render/gitops/flux.ts
import { parse as parseYaml } from "yaml";
function isFluxKustomization(o) {
  return o.kind === "Kustomization" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("kustomize.toolkit.fluxcd.io/");
}
function isFluxHelmRelease(o) {
  return o.kind === "HelmRelease" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("helm.toolkit.fluxcd.io/");
}
function notSimulated(o, reason, deps = []) {
  const { name } = metaOf(o.object);
  return { unsimulated: { tool: "flux", kind: String(o.object.kind), name, declared: declaredAt(o), reason, deps: [o.source.file, ...deps] } };
}
function failed(o, at2, message2, deps = []) {
  const error = refusal(at2, message2);
  return { error, ...notSimulated(o, message2, deps) };
}
async function gitSource(ctx, o, ref, what2, allowHelmRepository = false) {
  const kind = str(ref.kind) ?? "";
  const name = str(ref.name) ?? "";
  const namespace = str(ref.namespace) ?? metaOf(o.object).namespace;
  const found = name === "" ? void 0 : await findObject(ctx, kind, name, namespace);
  const url = str(obj(found?.object.spec).url);
  if (kind === "GitRepository") {
    if (isThisRepo(ctx, url)) return { ok: true };
    return { reason: `${what2} comes from GitRepository ${name} (${url ?? "not in this repository"}), which is not this repository (gitops.repoURLs)` };
  }
  if (kind === "HelmRepository" && allowHelmRepository && (found === void 0 || url === void 0)) {
    return { reason: `${what2} comes from HelmRepository ${name || "(no name)"}, which is not in this repository${found !== void 0 ? " with a spec.url" : ""}: its chart repository is unknown` };
  }
  if (kind === "HelmRepository" && allowHelmRepository && found !== void 0 && url !== void 0) {
    const spec = obj(found.object.spec);
    const repoUrl = spec.type === "oci" && !/^oci:\/\//i.test(url) ? `oci://${url}` : url;
    const refused = remoteChartRefusal(ctx, repoUrl);
    return refused === void 0 ? { remote: repoUrl } : { reason: refused };
  }
  if (kind === "OCIRepository") {
    return { reason: `${what2} comes from OCIRepository ${name}${url !== void 0 ? ` (${url})` : ", which is not in this repository"}` };
  }
  if (kind === "HelmChart") {
    return { reason: `${what2} comes from HelmChart ${name}: a HelmChart source (chartRef) is not simulated; name the chart and its HelmRepository in spec.chart instead` };
  }
  if (kind === "HelmRepository") {
    return { reason: `remote chart source ${url ?? `${kind} ${name}`} not allowed / not configured: preadmit renders only charts in this repository` };
  }
  return { reason: `${what2} comes from a ${kind || "missing"} source${name ? ` ${name}` : ""}, which preadmit cannot read` };
}
async function ociChartRef(ctx, o, ref) {
  if (str(ref.kind) !== "OCIRepository") return { reason: (await gitSource(ctx, o, ref, "the chart")).reason ?? "chartRef" };
  const name = str(ref.name) ?? "";
  const found = name === "" ? void 0 : await findObject(ctx, "OCIRepository", name, str(ref.namespace) ?? metaOf(o.object).namespace);
  const spec = obj(found?.object.spec);
  const url = str(spec.url)?.trim().replace(/\/+$/, "");
  if (found === void 0 || url === void 0) return { reason: `the chart comes from OCIRepository ${name}, which is not in this repository${found !== void 0 ? " with a spec.url" : ""}` };
  const r = obj(spec.ref);
  if (str(r.digest) !== void 0) return { reason: `the chart comes from OCIRepository ${name} (${url}) pinned by manifest digest ${str(r.digest)}: not simulated (preadmit pins charts by their layer digest)` };
  const cut2 = url.lastIndexOf("/");
  const repoUrl = url.slice(0, cut2);
  const refused = /^oci:\/\/[^/]+\/[^/]/i.test(url) ? remoteChartRefusal(ctx, repoUrl) : `url '${url}' is not an oci:// chart reference`;
  if (refused !== void 0) return { reason: `the chart comes from OCIRepository ${name} (${url}): ${refused}` };
  return { repoUrl, chartName: url.slice(cut2 + 1), version: str(r.semver) ?? str(r.tag) ?? "latest" };
}
async function substitutions(ctx, o, postBuild) {
  const vars = {};
  const deps = [];
  const namespace = metaOf(o.object).namespace;
  const refs = arr(postBuild.substituteFrom);
  for (let i = 0; i < refs.length; i++) {
    const ref = obj(refs[i]);
    const kind = str(ref.kind) ?? "";
    const name = str(ref.name) ?? "";
    const at2 = await fieldAt(ctx, o, ["spec", "postBuild", "substituteFrom", i]);
    if (kind !== "ConfigMap" && kind !== "Secret") return { error: refusal(at2, `postBuild.substituteFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`) };
    const found = await findObject(ctx, kind, name, namespace);
    if (found === void 0) {
      if (ref.optional === true) continue;
      return { error: refusal(at2, `postBuild.substituteFrom[${i}]: ${kind} ${name} is not in this repository (and not optional): Flux would not apply this Kustomization`) };
    }
    deps.push(found.source.file);
    for (const [k, v] of Object.entries(dataOf(found.object))) vars[k] = v;
  }
  for (const [k, v] of Object.entries(stringMap(postBuild.substitute))) vars[k] = v.replace(/\n/g, "");
  const bad = Object.keys(vars).find((k) => !isValidVariableName(k));
  if (bad !== void 0) return { error: refusal(await fieldAt(ctx, o, ["spec", "postBuild"]), `postBuild: variable name '${bad}' is not valid (^[_a-zA-Z][_a-zA-Z0-9]*$)`) };
  return { vars, deps };
}
function dataOf(o) {
  const out = {};
  if (o.kind === "Secret") {
    for (const [k, v] of Object.entries(obj(o.data))) if (typeof v === "string") out[k] = Buffer.from(v, "base64").toString("utf8");
    Object.assign(out, stringMap(o.stringData));
  } else {
    Object.assign(out, stringMap(o.data));
  }
  return out;
}
async function fluxKustomization(ctx, o) {
  const spec = obj(o.object.spec);
  const { name } = metaOf(o.object);
  const source2 = await gitSource(ctx, o, obj(spec.sourceRef), `path ${str(spec.path) ?? "./"}`);
  if ("reason" in source2) return notSimulated(o, source2.reason);
  const rawPath = str(spec.path) ?? "./";
  const pathAt = await fieldAt(ctx, o, ["spec", "path"]);
  const dir = repoPath("", rawPath.replace(/^\//, ""));
  if (dir === void 0) return failed(o, pathAt, `spec.path '${rawPath}' leaves the repository: refused`);
  if (!ctx.tree.dirs.has(dir)) return failed(o, pathAt, `spec.path '${rawPath}' is not a directory of this repository at this ref`);
  const deps = [o.source.file];
  const app = {
    tool: "flux",
    kind: "Kustomization",
    name,
    declared: declaredAt(o),
    id: appId("flux", o.source.file, name),
    render: { type: "kustomize", path: dir, ...ctx.kustomizations.has(dir) ? {} : { generate: "flux" } },
    deps
  };
  const r = app.render;
  if (typeof spec.targetNamespace === "string" && spec.targetNamespace !== "") r.namespace = spec.targetNamespace;
  if (typeof spec.namePrefix === "string" && spec.namePrefix !== "") r.namePrefix = spec.namePrefix;
  if (typeof spec.nameSuffix === "string" && spec.nameSuffix !== "") r.nameSuffix = spec.nameSuffix;
  if (arr(spec.patches).length > 0) r.patches = arr(spec.patches);
  if (arr(spec.images).length > 0) r.images = arr(spec.images);
  const components = arr(spec.components);
  for (let i = 0; i < components.length; i++) {
    const raw = str(components[i]) ?? "";
    const at2 = await fieldAt(ctx, o, ["spec", "components", i]);
    const component = repoPath(dir, raw);
    if (component === void 0) return failed(o, at2, `spec.components[${i}] '${raw}' leaves the repository: refused`);
    if (ctx.kustomizations.get(component)?.kind !== "Component") return failed(o, at2, `spec.components[${i}] '${raw}' (${component || "."}) is not a kustomize Component directory of this repository at this ref`);
    (r.components ??= []).push(component);
  }
  const meta = obj(spec.commonMetadata);
  if (Object.keys(stringMap(meta.labels)).length > 0) r.labels = stringMap(meta.labels);
  if (Object.keys(stringMap(meta.annotations)).length > 0) r.annotations = stringMap(meta.annotations);
  if (spec.postBuild !== void 0) {
    const subs = await substitutions(ctx, o, obj(spec.postBuild));
    if ("error" in subs) return { error: subs.error, ...notSimulated(o, subs.error.message) };
    r.substitute = subs.vars;
    deps.push(...subs.deps);
  }
  return { app };
}
async function fluxHelmRelease(ctx, o) {
  const spec = obj(o.object.spec);
  const { name, namespace } = metaOf(o.object);
  const chartSpec = obj(obj(spec.chart).spec);
  let chartName = str(chartSpec.chart) ?? "";
  let chartVersion = str(chartSpec.version) ?? "*";
  let source2;
  let chartAt;
  if (spec.chartRef !== void 0) {
    const oci = await ociChartRef(ctx, o, obj(spec.chartRef));
    if ("reason" in oci) return notSimulated(o, oci.reason);
    ({ chartName, version: chartVersion } = oci);
    source2 = { remote: oci.repoUrl };
    chartAt = await fieldAt(ctx, o, ["spec", "chartRef"]);
  } else {
    source2 = await gitSource(ctx, o, obj(chartSpec.sourceRef), `chart ${chartName}`, true);
    if ("reason" in source2) return notSimulated(o, source2.reason);
    chartAt = await fieldAt(ctx, o, ["spec", "chart", "spec", "chart"]);
  }
  const deps = [o.source.file];
  const valuesFiles = [];
  const files = arr(chartSpec.valuesFiles).length > 0 ? arr(chartSpec.valuesFiles) : str(chartSpec.valuesFile) ? [chartSpec.valuesFile] : [];
  let chart;
  let remote;
  if ("remote" in source2) {
    if (!/^[\w.-]+$/.test(chartName) || chartName === "." || chartName === "..") return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart name of a helm repository`);
    chart = o.source.file;
    const chartValues = [];
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? "";
      const p = repoPath("", f.replace(/^\//, ""));
      if (p === void 0 || p === "") return failed(o, await fieldAt(ctx, o, ["spec", "chart", "spec", "valuesFiles", i]), `values file '${f}' leaves the chart: refused`);
      chartValues.push({ file: p, inChart: true });
    }
    remote = { repoUrl: source2.remote, chart: chartName, version: chartVersion === "" ? "*" : chartVersion, valuesFiles: chartValues, declaredAt: chartAt };
  } else {
    const inRepo = repoPath("", chartName.replace(/^\//, ""));
    if (inRepo === void 0) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' leaves the repository: refused`);
    if (!ctx.charts.has(inRepo)) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart directory (no Chart.yaml) of this repository at this ref`);
    chart = inRepo;
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? "";
      const at2 = await fieldAt(ctx, o, ["spec", "chart", "spec", "valuesFiles", i]);
      const p = repoPath("", f.replace(/^\//, ""));
      if (p === void 0) return failed(o, at2, `values file '${f}' leaves the repository: refused`);
      if (!ctx.tree.files.has(p)) return failed(o, at2, `values file '${f}' does not exist at this ref`);
      valuesFiles.push(p);
      deps.push(p);
    }
  }
  let values = {};
  const from = arr(spec.valuesFrom);
  for (let i = 0; i < from.length; i++) {
    const ref = obj(from[i]);
    const kind = str(ref.kind) ?? "";
    const refName = str(ref.name) ?? "";
    const key = str(ref.valuesKey) ?? "values.yaml";
    const at2 = await fieldAt(ctx, o, ["spec", "valuesFrom", i]);
    if (kind !== "ConfigMap" && kind !== "Secret") return failed(o, at2, `valuesFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`);
    const found = await findObject(ctx, kind, refName, namespace);
    if (found === void 0) {
      if (ref.optional === true) continue;
      return failed(o, at2, `valuesFrom[${i}]: ${kind} ${refName} is not in this repository (and not optional): Flux would not install this release`);
    }
    deps.push(found.source.file);
    const data = dataOf(found.object);
    if (!(key in data)) {
      if (ref.optional === true) continue;
      return failed(o, at2, `valuesFrom[${i}]: ${kind} ${refName} (${found.source.file}:${found.source.startLine}) has no key '${key}'`, [found.source.file]);
    }
    const targetPath = str(ref.targetPath);
    if (targetPath !== void 0 && targetPath !== "") {
      const set = setPath(values, targetPath, data[key]);
      if (typeof set === "string") return failed(o, at2, `valuesFrom[${i}].targetPath: ${set}`);
      values = set;
      continue;
    }
    let parsed2;
    try {
      parsed2 = parseYaml(data[key], { maxAliasCount: 100 });
    } catch (e) {
      return failed(o, at2, `valuesFrom[${i}]: key '${key}' of ${kind} ${refName} (${found.source.file}) is not YAML: ${errorText(e)}`, [found.source.file]);
    }
    values = mergeValues(values, obj(parsed2));
  }
  values = mergeValues(values, obj(spec.values));
  const targetNamespace = str(spec.targetNamespace);
  const releaseNamespace = targetNamespace ?? namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  const release = str(spec.releaseName) ?? (targetNamespace !== void 0 ? `${targetNamespace}-${name}` : name);
  const patches = [];
  const images = [];
  for (const pr of arr(spec.postRenderers)) {
    const k = obj(obj(pr).kustomize);
    patches.push(...arr(k.patches), ...arr(k.patchesStrategicMerge).map((p) => ({ patch: typeof p === "string" ? p : JSON.stringify(p) })));
    images.push(...arr(k.images));
    for (const j of arr(k.patchesJson6902)) {
      const jo = obj(j);
      patches.push({ target: jo.target ?? {}, patch: JSON.stringify(jo.patch ?? []) });
    }
  }
  const app = {
    tool: "flux",
    kind: "HelmRelease",
    name,
    declared: declaredAt(o),
    id: appId("flux", o.source.file, name),
    render: {
      type: "helm",
      chart,
      release,
      namespace: releaseNamespace,
      valuesFiles,
      ...Object.keys(values).length > 0 ? { values } : {},
      ...patches.length + images.length > 0 ? { postRender: { patches, images } } : {},
      ...remote !== void 0 ? { remote } : {}
    },
    defaultNamespace: releaseNamespace,
    deps
  };
  return { app };
}
var init_flux = __esm({
  "src/render/gitops/flux.ts"() {
    "use strict";
    init_load();
    init_model();
    init_envsubst();
    init_namespaces();
    init_scan();
  }
});

// src/render/gitops/gotemplate.ts
import { createHash as createHash5 } from "node:crypto";
import { parse as parseYaml2, stringify as stringifyYaml } from "yaml";
function goTemplateOptions(options) {
  const out = {};
  for (const o of options ?? []) {
    const m = typeof o === "string" ? /^missingkey=(default|invalid|zero|error)$/.exec(o) : null;
    if (!m) throw new GoTemplateError(`unrecognized option: ${typeof o === "string" ? o : JSON.stringify(o)}`);
    out.missingKey = m[1] === "invalid" ? "default" : m[1];
  }
  return out;
}
function scan(src2) {
  const out = [];
  let i = 0;
  let text = "";
  while (i < src2.length) {
    const open = src2.indexOf("{{", i);
    if (open < 0) {
      text += src2.slice(i);
      break;
    }
    text += src2.slice(i, open);
    let j = open + 2;
    if (src2[j] === "-" && /[ \t\r\n]/.test(src2[j + 1] ?? "")) {
      text = text.replace(/[ \t\r\n]+$/, "");
      j += 2;
    }
    let k = j;
    let close = -1;
    while (k < src2.length) {
      const c = src2[k];
      if (c === '"' || c === "`" || c === "'") {
        const end = c === "`" ? src2.indexOf("`", k + 1) : stringEnd(src2, k);
        if (end < 0) throw new GoTemplateError(`unterminated ${c === "`" ? "raw quoted string" : "quoted string"}`);
        k = end + 1;
        continue;
      }
      if (src2.startsWith("/*", k)) {
        const end = src2.indexOf("*/", k + 2);
        if (end < 0) throw new GoTemplateError("unclosed comment");
        k = end + 2;
        continue;
      }
      if (src2.startsWith("}}", k)) {
        close = k;
        break;
      }
      k++;
    }
    if (close < 0) throw new GoTemplateError("unclosed action");
    let body = src2.slice(j, close);
    let trimRight = false;
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -2);
      trimRight = true;
    }
    if (text !== "") out.push(text);
    text = "";
    const trimmed = body.trim();
    if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) out.push({ body, src: src2.slice(open, close + 2) });
    i = close + 2;
    if (trimRight) {
      const m = /^[ \t\r\n]*/.exec(src2.slice(i));
      i += m[0].length;
    }
  }
  if (text !== "") out.push(text);
  return out;
}
function stringEnd(s2, start) {
  for (let k = start + 1; k < s2.length; k++) {
    if (s2[k] === "\\") k++;
    else if (s2[k] === s2[start]) return k;
    else if (s2[k] === "\n") return -1;
  }
  return -1;
}
function lex(body) {
  const toks = [];
  let i = 0;
  let sp = false;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
      sp = true;
      continue;
    }
    const before = toks.length;
    const rest = body.slice(i);
    let m;
    if (c === '"') {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError("unterminated quoted string");
      toks.push({ k: "str", v: unquote2(body.slice(i, end + 1)) });
      i = end + 1;
    } else if (c === "`") {
      const end = body.indexOf("`", i + 1);
      if (end < 0) throw new GoTemplateError("unterminated raw quoted string");
      toks.push({ k: "str", v: body.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError("unterminated character constant");
      const s2 = unquote2(`"${body.slice(i + 1, end).replace(/"/g, '\\"')}"`);
      if ([...s2].length !== 1) throw new GoTemplateError(`malformed character constant: ${body.slice(i, end + 1)}`);
      toks.push({ k: "char", v: s2 });
      i = end + 1;
    } else if (m = /^:=|^[()|,=]/.exec(rest)) {
      toks.push({ k: "op", v: m[0] });
      i += m[0].length;
    } else if (m = /^\$\w*(\.[A-Za-z_]\w*)*/.exec(rest)) {
      toks.push({ k: "var", v: m[0] });
      i += m[0].length;
    } else if (m = /^(\.[A-Za-z_][\w]*)+/.exec(rest)) {
      toks.push({ k: "field", v: m[0] });
      i += m[0].length;
    } else if ((m = /^[+-]?(0[xX][0-9a-fA-F_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(rest)) && m[0] !== "" && !/^[+-]?\.$/.test(m[0])) {
      toks.push({ k: "num", v: m[0] });
      i += m[0].length;
    } else if (c === ".") {
      toks.push({ k: "field", v: "." });
      i++;
    } else if (m = /^[A-Za-z_][\w]*/.exec(rest)) {
      toks.push({ k: "word", v: m[0] });
      i += m[0].length;
    } else {
      throw new GoTemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
    if (toks.length > before) toks[toks.length - 1].sp = sp;
    sp = false;
  }
  return toks;
}
function unquote2(q) {
  const fixed2 = q.slice(1, -1).replace(
    /\\(x[0-9a-fA-F]{2}|[0-7]{3}|a|v|')/g,
    (_, e) => e === "a" ? "\\u0007" : e === "v" ? "\\u000b" : e === "'" ? "'" : `\\u00${e.startsWith("x") ? e.slice(1) : parseInt(e, 8).toString(16).padStart(2, "0")}`
  ).replace(/\\U([0-9a-fA-F]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
  try {
    return JSON.parse(`"${fixed2}"`);
  } catch {
    throw new GoTemplateError(`invalid syntax in ${q}`);
  }
}
function numberLiteral(text) {
  const t = text.replace(/_/g, "");
  if (/^[+-]?0[xX]/.test(t)) return BigInt(t.replace(/^([+-]?)0[xX]/, "$10x").replace(/^\+/, ""));
  if (/^[+-]?\d+$/.test(t)) return BigInt(t.replace(/^\+/, ""));
  const n = Number(t);
  if (Number.isNaN(n)) throw new GoTemplateError(`illegal number syntax: "${text}"`);
  return n;
}
function parseTemplate2(src2, known) {
  const items = scan(src2);
  let i = 0;
  const list2 = (depth, loop) => {
    const nodes = [];
    while (i < items.length) {
      const item = items[i++];
      if (typeof item === "string") {
        nodes.push({ t: "text", text: item });
        continue;
      }
      const toks = lex(item.body);
      const first = toks[0];
      if (first === void 0) throw new GoTemplateError(`missing value for command in ${item.src}`);
      if (first.k === "word" && (first.v === "end" || first.v === "else")) {
        if (depth === 0) throw new GoTemplateError(`unexpected {{${first.v}}}`);
        return { nodes, end: first.v, elseAction: item };
      }
      if (first.k === "word" && (first.v === "break" || first.v === "continue")) {
        if (!loop) throw new GoTemplateError(`{{${first.v}}} outside {{range}}`);
        nodes.push({ t: first.v });
        continue;
      }
      if (first.k === "word" && ["define", "template", "block"].includes(first.v)) {
        throw new GoTemplateUnsupported(`{{${first.v}}} (named templates) is not simulated`);
      }
      if (first.k === "word" && (first.v === "if" || first.v === "with" || first.v === "range")) {
        nodes.push(control(first.v, toks.slice(1), item, depth, loop));
        continue;
      }
      const p = new Parser2(toks, known);
      const pipe = p.pipeline("command");
      if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek().v)} in command in ${item.src}`);
      nodes.push({ t: "action", pipe, src: item.src });
    }
    if (depth > 0) return { nodes, end: "eof" };
    return { nodes, end: "eof" };
  };
  const control = (kind, toks, item, depth, loop) => {
    const p = new Parser2(toks, known);
    const pipe = p.pipeline(kind);
    if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek().v)} in ${kind} in ${item.src}`);
    const inLoop = loop || kind === "range";
    const body = list2(depth + 1, inLoop);
    if (body.end === "eof") throw new GoTemplateError(`unexpected EOF: {{${kind}}} without {{end}}`);
    let other;
    if (body.end === "else") {
      const rest = lex(body.elseAction.body).slice(1);
      if (rest.length > 0 && rest[0].k === "word" && (rest[0].v === "if" || rest[0].v === "with") && kind !== "range") {
        other = [control(rest[0].v, rest.slice(1), body.elseAction, depth, loop)];
      } else {
        if (rest.length > 0) throw new GoTemplateError(`unexpected ${JSON.stringify(rest[0].v)} in else`);
        const e = list2(depth + 1, loop);
        if (e.end !== "end") throw new GoTemplateError(e.end === "eof" ? `unexpected EOF: {{${kind}}} without {{end}}` : "expected end; found {{else}}");
        other = e.nodes;
      }
    }
    return { t: kind, pipe, body: body.nodes, other, src: item.src };
  };
  const top = list2(0, false);
  return top.nodes;
}
function executeGoTemplate(src2, data, options = {}) {
  const nodes = parseTemplate2(src2, (n) => FUNCS_PRINTED_AS_GO.has(n) || Object.hasOwn(FUNCS, n) || UNSUPPORTED.has(n));
  const missingKey = options.missingKey ?? "default";
  let out = "";
  let steps = 0;
  const root = data;
  const scope = { vars: [/* @__PURE__ */ new Map([["$", root]])] };
  const lookupVar = (name) => {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i].has(name)) return scope.vars[i].get(name);
    throw new GoTemplateError(`undefined variable: ${name}`);
  };
  const setVar = (name, v, assign) => {
    if (!assign) {
      scope.vars[scope.vars.length - 1].set(name, v);
      return;
    }
    for (let i = scope.vars.length - 1; i >= 0; i--) {
      if (scope.vars[i].has(name)) {
        scope.vars[i].set(name, v);
        return;
      }
    }
    throw new GoTemplateError(`undefined variable: ${name}`);
  };
  const field3 = (recv, name, at2) => {
    if (recv === void 0) {
      if (missingKey === "error") throw new GoTemplateError(`executing at <${at2}>: nil data; no entry for key "${name}"`);
      return void 0;
    }
    if (recv === null) throw new GoTemplateError(`executing at <${at2}>: nil pointer evaluating interface {}.${name}`);
    if (typeof recv === "object" && !Array.isArray(recv)) {
      if (Object.prototype.hasOwnProperty.call(recv, name)) return recv[name];
      if (missingKey === "error") throw new GoTemplateError(`executing at <${at2}>: map has no entry for key "${name}"`);
      return void 0;
    }
    throw new GoTemplateError(`executing at <${at2}>: can't evaluate field ${name} in type ${goTypeName(recv)}`);
  };
  const chain = (v, names, at2) => {
    for (const n of names) v = field3(v, n, at2);
    return v;
  };
  const evalArg = (a, dot) => {
    switch (a.t) {
      case "dot":
        return dot;
      case "lit":
        return a.value;
      case "field":
        return chain(dot, a.chain, `.${a.chain.join(".")}`);
      case "var":
        return chain(lookupVar(a.name), a.chain, [a.name, ...a.chain].join("."));
      case "pipe":
        return chain(evalPipe(a.pipe, dot, true), a.chain, `(...).${a.chain.join(".")}`);
      case "ident":
        return call(a.name, [], dot, void 0);
    }
  };
  const call = (name, args, dot, piped) => {
    if (UNSUPPORTED.has(name)) throw new GoTemplateUnsupported(`the template function ${name} is not simulated`);
    if (name === "and" || name === "or") {
      const thunks = args.map((a) => () => evalArg(a, dot));
      if (piped) thunks.push(() => piped.v);
      if (thunks.length === 0) throw new GoTemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v = void 0;
      for (const t of thunks) {
        v = t();
        if (truth(v) !== (name === "and")) return v;
      }
      return v;
    }
    const values = args.map((a) => evalArg(a, dot));
    if (piped) values.push(piped.v);
    const f = Object.hasOwn(FUNCS, name) ? FUNCS[name] : void 0;
    if (f === void 0) throw new GoTemplateError(`function "${name}" not defined`);
    try {
      return f(values);
    } catch (e) {
      if (e instanceof GoTemplateUnsupported) throw e;
      throw new GoTemplateError(`error calling ${name}: ${e.message}`);
    }
  };
  const evalCmd = (cmd, dot, piped) => {
    const [first, ...rest] = cmd.args;
    if (first.t === "ident") return call(first.name, rest, dot, piped);
    if (rest.length > 0 || piped) throw new GoTemplateError(`can't give argument to non-function ${describe(first)}`);
    return evalArg(first, dot);
  };
  const evalPipe = (pipe, dot, _inner = false) => {
    let piped;
    for (const cmd of pipe.cmds) piped = { v: evalCmd(cmd, dot, piped) };
    const v = piped.v;
    for (const d of pipe.decl) setVar(d, v, pipe.assign);
    return v;
  };
  const write2 = (s2) => {
    out += s2;
    if (out.length > MAX_OUTPUT) throw new GoTemplateError(`output larger than ${MAX_OUTPUT} characters`);
  };
  const walk2 = (nodes2, dot) => {
    for (const n of nodes2) {
      if (++steps > MAX_STEPS) throw new GoTemplateError("template takes too many steps");
      switch (n.t) {
        case "text":
          write2(n.text);
          break;
        case "action": {
          const v = evalPipe(n.pipe, dot);
          if (n.pipe.decl.length === 0) write2(printValue(v));
          break;
        }
        case "break":
          throw new Break();
        case "continue":
          throw new Continue();
        case "if":
        case "with": {
          scope.vars.push(/* @__PURE__ */ new Map());
          try {
            const v = evalPipe(n.pipe, dot);
            if (truth(v)) walk2(n.body, n.t === "with" ? v : dot);
            else if (n.other) walk2(n.other, dot);
          } finally {
            scope.vars.pop();
          }
          break;
        }
        case "range": {
          scope.vars.push(/* @__PURE__ */ new Map());
          try {
            const decl = n.pipe.decl;
            const v = evalPipe({ ...n.pipe, decl: [] }, dot);
            const items = [];
            if (Array.isArray(v)) v.forEach((x, i) => items.push([BigInt(i), x]));
            else if (v !== null && typeof v === "object") for (const k of Object.keys(v).sort(goCompare)) items.push([k, v[k]]);
            else if (typeof v === "bigint") {
              if (decl.length > 1) throw new GoTemplateError(`can't use ${v} to iterate over more than one variable`);
              for (let i = 0n; i < v && i < 100000n; i++) items.push([i, i]);
            } else if (v !== void 0 && v !== null) throw new GoTemplateError(`range can't iterate over ${printValue(v)}`);
            if (items.length === 0) {
              if (n.other) walk2(n.other, dot);
              break;
            }
            for (const [k, x] of items) {
              if (++steps > MAX_STEPS) throw new GoTemplateError("template takes too many steps");
              scope.vars.push(/* @__PURE__ */ new Map());
              try {
                if (decl.length === 1) setVar(decl[0], x, false);
                if (decl.length === 2) {
                  setVar(decl[0], k, false);
                  setVar(decl[1], x, false);
                }
                walk2(n.body, x);
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
  walk2(nodes, root);
  return out;
}
function describe(a) {
  switch (a.t) {
    case "dot":
      return ".";
    case "field":
      return `.${a.chain.join(".")}`;
    case "var":
      return [a.name, ...a.chain].join(".");
    case "lit":
      return printValue(a.value);
    default:
      return "(...)";
  }
}
function truth(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "string") return v !== "";
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}
function printValue(v) {
  if (v === void 0 || v === null) return "<no value>";
  return goSprint(v);
}
function goSprint(v) {
  if (v === void 0) return "<invalid reflect.Value>";
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return goFloatText(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  return `map[${Object.keys(v).sort(goCompare).map((k) => `${k}:${goSprint(v[k])}`).join(" ")}]`;
}
function goTypeName(v) {
  if (v === null || v === void 0) return "interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
function want(args, n, name) {
  if (args.length !== n) throw new Error(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}
function s(v) {
  if (typeof v !== "string") throw new Error(`wrong type for value; expected string; got ${goTypeName(v)}`);
  return v;
}
function strval(v) {
  if (v === null || v === void 0) return "";
  return goSprint(v);
}
function toInt(v) {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t.replace(/^\+/, ""));
    const n = Number(t);
    return t !== "" && Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
  }
  return 0n;
}
function toFloat(v) {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = Number(v.trim());
    return v.trim() !== "" && Number.isFinite(n) ? n : 0;
  }
  return 0;
}
function list(v, name) {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot ${name} on type ${goTypeName(v)}`);
}
function map(v) {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return v;
  throw new Error(`wrong type for value; expected map[string]interface {}; got ${goTypeName(v)}`);
}
function empty(v) {
  return !truth(v);
}
function deepEqual(a, b) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return false;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const bo = b;
  return ka.length === Object.keys(bo).length && ka.every((k) => k in bo && deepEqual(a[k], bo[k]));
}
function basicKind(v) {
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "other";
}
function eq2(a, b) {
  if (a === void 0 || b === void 0) throw new Error("invalid type for comparison");
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "other" || kb === "other") {
    if (a === null || b === null) return a === b;
    throw new Error("non-comparable type");
  }
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return a === b;
}
function lt2(a, b) {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new Error("incompatible types for comparison");
  if (ka === "bool" || ka === "other") throw new Error("invalid type for comparison");
  return ka === "string" ? goCompare(a, b) < 0 : a < b;
}
function toJsonValue(v) {
  if (v === void 0) return null;
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}
function regexp(expr, text) {
  const r = compileGoRegexp(s(expr));
  if ("error" in r) throw new Error(r.error);
  if (testWithin(r.regexp, s(text)) === "timeout") throw new Error(`regular expression ${goQuote(s(expr))} takes too long on this text: refused`);
  return r;
}
function bounded(n) {
  if (!(n <= MAX_OUTPUT)) throw new Error(`result larger than ${MAX_OUTPUT} characters: refused`);
  return n;
}
function indent(n, text) {
  const pad = " ".repeat(bounded(Math.max(0, Number(toInt(n)))));
  return pad + s(text).replace(/\n/g, `
${pad}`);
}
function sanitizeName(name) {
  return name.toLowerCase().replace(/[^-a-z0-9.]/g, "-").slice(0, 253).replace(/^[-.]+|[-.]+$/g, "");
}
function slugify(args) {
  let max = 50;
  let smart = true;
  args.forEach((a, i) => {
    if (i === args.length - 1) return;
    if (i === 0) max = Number(toInt(a));
    if (i === 1) smart = a === true;
  });
  let text = sanitizeName(s(args[args.length - 1])).replace(/[^a-zA-Z0-9\-_]/g, "-").replace(/-+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  if (max > 0 && text.length > max) {
    if (smart) {
      let cut2 = -1;
      for (let i = max; i >= 0; i--) {
        if (text[i] === "-") {
          cut2 = i;
          break;
        }
      }
      text = cut2 >= 0 ? text.slice(0, cut2) : text.slice(0, max);
    } else text = text.slice(0, max);
  }
  return text;
}
function goPrintf(format, args) {
  let i = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([vsdqtfxXgeT%])/g, (whole, flags, width, prec, verb) => {
    if (verb === "%") return "%";
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let text;
    switch (verb) {
      case "v":
      case "s":
        text = goSprint(a);
        break;
      case "d":
        text = typeof a === "bigint" ? String(a) : `%!d(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "q":
        text = typeof a === "string" ? goQuote(a) : `%!q(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "t":
        text = typeof a === "boolean" ? String(a) : `%!t(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "f":
      case "e":
      case "g":
        if (typeof a !== "number") text = `%!${verb}(${goTypeName(a)}=${goSprint(a)})`;
        else if (verb === "f") text = a.toFixed(prec === void 0 ? 6 : Number(prec));
        else if (verb === "g") text = prec === void 0 ? goFloatText(a) : String(Number(a.toPrecision(Number(prec))));
        else text = a.toExponential(prec === void 0 ? 6 : Number(prec)).replace(/e([+-])(\d)$/, "e$10$2");
        break;
      case "x":
      case "X": {
        const t = typeof a === "bigint" ? a.toString(16) : typeof a === "string" ? Buffer.from(a).toString("hex") : void 0;
        text = t === void 0 ? `%!${verb}(${goTypeName(a)}=${goSprint(a)})` : verb === "X" ? t.toUpperCase() : t;
        break;
      }
      case "T":
        text = goTypeName(a);
        break;
      default:
        return whole;
    }
    const w = width === void 0 ? 0 : bounded(Number(width));
    if (text.length < w) text = flags.includes("-") ? text.padEnd(w) : text.padStart(w, flags.includes("0") && verb !== "s" ? "0" : " ");
    return text;
  });
}
function yamlOf(v) {
  return stringifyYaml(toJsonValue(v), { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).replace(/\n$/, "");
}
function fromYaml(text) {
  try {
    const v = parseYaml2(s(text), { maxAliasCount: 100 });
    return v === null || v === void 0 ? {} : v;
  } catch (e) {
    return { Error: e.message.split("\n")[0] };
  }
}
function trimChars(str2, cut2) {
  const set = /* @__PURE__ */ new Set([...cut2]);
  const chars = [...str2];
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join("");
}
function range(start, stop, step) {
  const out = [];
  if (step === 0n) return out;
  for (let i = start; step > 0n ? i < stop : i > stop; i += step) {
    out.push(i);
    if (out.length > 1e5) throw new Error("range too long");
  }
  return out;
}
function mergeDicts(a, overwrite) {
  const dst = map(a[0]);
  const into = (d, src2) => {
    for (const [k, v] of Object.entries(src2)) {
      const cur = d[k];
      if (cur !== null && typeof cur === "object" && !Array.isArray(cur) && v !== null && typeof v === "object" && !Array.isArray(v)) into(cur, v);
      else if (overwrite ? !empty(v) || !(k in d) : !(k in d) || empty(cur)) d[k] = v;
    }
  };
  for (const src2 of a.slice(1)) into(dst, map(src2));
  return dst;
}
var GoTemplateError, GoTemplateUnsupported, FUNCS_PRINTED_AS_GO, Parser2, Break, Continue, MAX_OUTPUT, MAX_STEPS, FUNCS, UNSUPPORTED;
var init_gotemplate = __esm({
  "src/render/gitops/gotemplate.ts"() {
    "use strict";
    init_json();
    init_path();
    init_regexp();
    init_strconv();
    init_strings();
    init_version();
    GoTemplateError = class extends Error {
    };
    GoTemplateUnsupported = class extends Error {
    };
    FUNCS_PRINTED_AS_GO = /* @__PURE__ */ new Set(["and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call"]);
    Parser2 = class {
      constructor(toks, known) {
        this.toks = toks;
        this.known = known;
      }
      toks;
      known;
      pos = 0;
      pipeline(ctx) {
        const pipe = { decl: [], assign: false, cmds: [] };
        const save = this.pos;
        const vars = [];
        while (this.peek()?.k === "var") {
          vars.push(this.toks[this.pos++].v);
          const t = this.peek();
          if (t?.k === "op" && t.v === "," && ctx === "range" && vars.length === 1) {
            this.pos++;
            continue;
          }
          if (t?.k === "op" && (t.v === ":=" || t.v === "=")) {
            this.pos++;
            pipe.decl = vars;
            pipe.assign = t.v === "=";
            break;
          }
          this.pos = save;
          vars.length = 0;
          break;
        }
        for (; ; ) {
          const cmd = this.command();
          if (cmd.args.length === 0) throw new GoTemplateError(`missing value for ${ctx}`);
          pipe.cmds.push(cmd);
          const t = this.peek();
          if (t?.k === "op" && t.v === "|") {
            this.pos++;
            continue;
          }
          break;
        }
        return pipe;
      }
      command() {
        const args = [];
        for (; ; ) {
          const t = this.peek();
          if (t === void 0 || t.k === "op" && (t.v === "|" || t.v === ")")) break;
          args.push(this.operand());
        }
        return { args };
      }
      operand() {
        const t = this.toks[this.pos++];
        let arg;
        switch (t.k) {
          case "str":
            return { t: "lit", value: t.v };
          case "char":
            return { t: "lit", value: BigInt(t.v.codePointAt(0)) };
          case "num":
            return { t: "lit", value: numberLiteral(t.v) };
          case "field":
            return t.v === "." ? { t: "dot" } : { t: "field", chain: t.v.slice(1).split(".") };
          case "var": {
            const [name, ...chain] = t.v.split(".");
            return { t: "var", name, chain };
          }
          case "word":
            if (t.v === "true" || t.v === "false") return { t: "lit", value: t.v === "true" };
            if (t.v === "nil") return { t: "lit", value: null };
            if (!this.known(t.v)) throw new GoTemplateError(`function "${t.v}" not defined`);
            return { t: "ident", name: t.v };
          case "op":
            if (t.v === "(") {
              const pipe = this.pipeline("parenthesized pipeline");
              const close = this.toks[this.pos++];
              if (close?.k !== "op" || close.v !== ")") throw new GoTemplateError("unclosed left paren");
              arg = { t: "pipe", pipe, chain: [] };
              const f = this.peek();
              if (f?.k === "field" && f.v !== "." && f.sp !== true) {
                this.pos++;
                arg.chain = f.v.slice(1).split(".");
              }
              return arg;
            }
            throw new GoTemplateError(`unexpected "${t.v}" in operand`);
        }
      }
      peek() {
        return this.toks[this.pos];
      }
      done() {
        return this.pos >= this.toks.length;
      }
    };
    Break = class {
    };
    Continue = class {
    };
    MAX_OUTPUT = 1 << 20;
    MAX_STEPS = 1e6;
    FUNCS = {
      // Go's builtins.
      not: (a) => (want(a, 1, "not"), !truth(a[0])),
      len: (a) => {
        want(a, 1, "len");
        const v = a[0];
        if (typeof v === "string") return BigInt(Buffer.byteLength(v));
        if (Array.isArray(v)) return BigInt(v.length);
        if (v !== null && typeof v === "object") return BigInt(Object.keys(v).length);
        throw new Error(`len of type ${goTypeName(v)}`);
      },
      index: (a) => {
        let v = a[0];
        for (const k of a.slice(1)) {
          if (Array.isArray(v)) {
            if (typeof k !== "bigint" && typeof k !== "number") throw new Error(`cannot index slice/array with type ${goTypeName(k)}`);
            const i = Number(k);
            if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
            v = v[i];
          } else if (v !== null && typeof v === "object") {
            if (typeof k !== "string") throw new Error(`value has type ${goTypeName(k)}; should be string`);
            v = Object.prototype.hasOwnProperty.call(v, k) ? v[k] : null;
          } else if (typeof v === "string") {
            const i = Number(k);
            if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
            v = BigInt(Buffer.from(v)[i]);
          } else if (v === null || v === void 0) throw new Error("index of untyped nil");
          else throw new Error(`can't index item of type ${goTypeName(v)}`);
        }
        return v;
      },
      slice: (a) => {
        const v = a[0];
        const idx = a.slice(1).map((x) => Number(toInt(x)));
        if (typeof v === "string") return v.slice(idx[0] ?? 0, idx[1] ?? v.length);
        return list(v, "slice").slice(idx[0] ?? 0, idx[1] ?? list(v, "slice").length);
      },
      print: (a) => a.map((x, i) => (i > 0 && typeof x !== "string" && typeof a[i - 1] !== "string" ? " " : "") + goSprint(x)).join(""),
      println: (a) => `${a.map(goSprint).join(" ")}
`,
      printf: (a) => goPrintf(s(a[0]), a.slice(1)),
      eq: (a) => {
        if (a.length < 2) throw new Error("missing argument for comparison");
        return a.slice(1).some((b) => eq2(a[0], b));
      },
      ne: (a) => (want(a, 2, "ne"), !eq2(a[0], a[1])),
      lt: (a) => (want(a, 2, "lt"), lt2(a[0], a[1])),
      le: (a) => (want(a, 2, "le"), lt2(a[0], a[1]) || eq2(a[0], a[1])),
      gt: (a) => (want(a, 2, "gt"), !lt2(a[0], a[1]) && !eq2(a[0], a[1])),
      ge: (a) => (want(a, 2, "ge"), !lt2(a[0], a[1])),
      urlquery: (a) => encodeURIComponent(a.map(goSprint).join("")).replace(/%20/g, "+"),
      // sprig: strings.
      trim: (a) => s(a[0]).trim(),
      upper: (a) => s(a[0]).toUpperCase(),
      lower: (a) => s(a[0]).toLowerCase(),
      title: (a) => s(a[0]).replace(new RegExp("(^|[^\\p{L}\\p{N}_'])(\\p{L})", "gu"), (_, p, c) => p + c.toUpperCase()),
      untitle: (a) => s(a[0]).replace(/(^|\s)(\S)/g, (_, p, c) => p + c.toLowerCase()),
      substr: (a) => {
        const [start, end, str2] = [Number(toInt(a[0])), Number(toInt(a[1])), s(a[2])];
        if (start < 0) return str2.slice(0, end);
        if (end < 0 || end > str2.length) return str2.slice(start);
        return str2.slice(start, end);
      },
      trunc: (a) => {
        const [n, str2] = [Number(toInt(a[0])), s(a[1])];
        if (n < 0 && -n < str2.length) return str2.slice(str2.length + n);
        if (n >= 0 && str2.length > n) return str2.slice(0, n);
        return str2;
      },
      repeat: (a) => {
        const [n, text] = [Math.max(0, Number(toInt(a[0]))), s(a[1])];
        bounded(n * text.length);
        return text === "" ? "" : text.repeat(n);
      },
      trimAll: (a) => trimChars(s(a[1]), s(a[0])),
      trimall: (a) => trimChars(s(a[1]), s(a[0])),
      trimSuffix: (a) => s(a[1]).endsWith(s(a[0])) ? s(a[1]).slice(0, s(a[1]).length - s(a[0]).length) : s(a[1]),
      trimPrefix: (a) => s(a[1]).startsWith(s(a[0])) ? s(a[1]).slice(s(a[0]).length) : s(a[1]),
      nospace: (a) => s(a[0]).replace(/\s/g, ""),
      contains: (a) => s(a[1]).includes(s(a[0])),
      hasPrefix: (a) => s(a[1]).startsWith(s(a[0])),
      hasSuffix: (a) => s(a[1]).endsWith(s(a[0])),
      quote: (a) => a.filter((x) => x !== null && x !== void 0).map((x) => goQuote(strval(x))).join(" "),
      squote: (a) => a.filter((x) => x !== null && x !== void 0).map((x) => `'${strval(x)}'`).join(" "),
      cat: (a) => a.filter((x) => x !== null && x !== void 0).map(goSprint).join(" "),
      indent: (a) => indent(a[0], a[1]),
      nindent: (a) => `
${indent(a[0], a[1])}`,
      replace: (a) => s(a[2]).split(s(a[0])).join(s(a[1])),
      plural: (a) => toInt(a[2]) === 1n ? s(a[0]) : s(a[1]),
      sha1sum: (a) => createHash5("sha1").update(s(a[0])).digest("hex"),
      sha256sum: (a) => createHash5("sha256").update(s(a[0])).digest("hex"),
      toString: (a) => strval(a[0]),
      atoi: (a) => /^[+-]?\d+$/.test(s(a[0])) ? BigInt(s(a[0])) : 0n,
      int: (a) => toInt(a[0]),
      int64: (a) => toInt(a[0]),
      float64: (a) => toFloat(a[0]),
      split: (a) => Object.fromEntries(s(a[1]).split(s(a[0])).map((p, i) => [`_${i}`, p])),
      splitList: (a) => s(a[1]).split(s(a[0])),
      splitn: (a) => {
        const [sep, n, str2] = [s(a[0]), Number(toInt(a[1])), s(a[2])];
        const parts = str2.split(sep);
        const out = n > 0 && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)] : parts;
        return Object.fromEntries(out.map((p, i) => [`_${i}`, p]));
      },
      toStrings: (a) => Array.isArray(a[0]) ? a[0].map(strval) : [strval(a[0])],
      until: (a) => range(0n, toInt(a[0]), toInt(a[0]) < 0n ? -1n : 1n),
      untilStep: (a) => range(toInt(a[0]), toInt(a[1]), toInt(a[2])),
      add1: (a) => toInt(a[0]) + 1n,
      add: (a) => a.reduce((x, y) => x + toInt(y), 0n),
      sub: (a) => toInt(a[0]) - toInt(a[1]),
      div: (a) => {
        if (toInt(a[1]) === 0n) throw new Error("runtime error: integer divide by zero");
        return toInt(a[0]) / toInt(a[1]);
      },
      mod: (a) => {
        if (toInt(a[1]) === 0n) throw new Error("runtime error: integer divide by zero");
        return toInt(a[0]) % toInt(a[1]);
      },
      mul: (a) => a.reduce((x, y) => x * toInt(y), 1n),
      max: (a) => a.map(toInt).reduce((x, y) => y > x ? y : x),
      biggest: (a) => a.map(toInt).reduce((x, y) => y > x ? y : x),
      min: (a) => a.map(toInt).reduce((x, y) => y < x ? y : x),
      ceil: (a) => Math.ceil(toFloat(a[0])),
      floor: (a) => Math.floor(toFloat(a[0])),
      round: (a) => {
        const p = 10 ** Number(toInt(a[1]));
        return Math.round(toFloat(a[0]) * p) / p;
      },
      join: (a) => (Array.isArray(a[1]) ? a[1].map(strval) : [strval(a[1])]).join(s(a[0])),
      sortAlpha: (a) => Array.isArray(a[0]) ? a[0].map(strval).sort(goCompare) : [strval(a[0])],
      // sprig: defaults, JSON, flow.
      default: (a) => a.length < 2 || empty(a[1]) ? a[0] : a[1],
      empty: (a) => empty(a[0]),
      coalesce: (a) => a.find((x) => !empty(x)) ?? null,
      all: (a) => a.every((x) => !empty(x)),
      any: (a) => a.some((x) => !empty(x)),
      compact: (a) => list(a[0], "compact").filter((x) => !empty(x)),
      ternary: (a) => a[2] === true ? a[0] : a[1],
      fromJson: (a) => {
        try {
          return JSON.parse(s(a[0]));
        } catch {
          return {};
        }
      },
      toJson: (a) => goJsonCompact(toJsonValue(a[0])),
      toRawJson: (a) => JSON.stringify(toJsonValue(a[0])),
      toPrettyJson: (a) => JSON.stringify(toJsonValue(a[0]), null, "  "),
      mustToJson: (a) => goJsonCompact(toJsonValue(a[0])),
      deepCopy: (a) => structuredClone(a[0]),
      kindOf: (a) => ({ string: "string", bool: "bool", float64: "float64", int: "int64", "[]interface {}": "slice", "map[string]interface {}": "map", "interface {}": "invalid" })[goTypeName(a[0])],
      kindIs: (a) => FUNCS.kindOf([a[1]]) === s(a[0]),
      typeOf: (a) => a[0] === null || a[0] === void 0 ? "<nil>" : goTypeName(a[0]),
      typeIs: (a) => FUNCS.typeOf([a[1]]) === s(a[0]),
      deepEqual: (a) => deepEqual(a[0], a[1]),
      fail: (a) => {
        throw new Error(s(a[0]));
      },
      // sprig: paths, encoding.
      base: (a) => {
        const p = s(a[0]).replace(/\/+$/, "");
        return p === "" ? s(a[0]) === "" ? "." : "/" : p.slice(p.lastIndexOf("/") + 1);
      },
      dir: (a) => {
        const p = s(a[0]);
        const i = p.lastIndexOf("/");
        return goPathClean(i < 0 ? "." : p.slice(0, i + 1));
      },
      clean: (a) => goPathClean(s(a[0])),
      ext: (a) => {
        const p = s(a[0]);
        for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
        return "";
      },
      isAbs: (a) => s(a[0]).startsWith("/"),
      b64enc: (a) => Buffer.from(s(a[0])).toString("base64"),
      b64dec: (a) => {
        const t = s(a[0]);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return `illegal base64 data at input byte ${Math.max(0, t.search(/[^A-Za-z0-9+/=]/))}`;
        return Buffer.from(t, "base64").toString("utf8");
      },
      // sprig: lists and dicts.
      list: (a) => [...a],
      tuple: (a) => [...a],
      dict: (a) => {
        const out = {};
        for (let i = 0; i < a.length; i += 2) out[strval(a[i])] = i + 1 < a.length ? a[i + 1] : "";
        return out;
      },
      get: (a) => Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])) ? map(a[0])[s(a[1])] : "",
      set: (a) => {
        map(a[0])[s(a[1])] = a[2];
        return a[0];
      },
      unset: (a) => {
        delete map(a[0])[s(a[1])];
        return a[0];
      },
      hasKey: (a) => Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])),
      pluck: (a) => a.slice(1).flatMap((d) => Object.prototype.hasOwnProperty.call(map(d), s(a[0])) ? [map(d)[s(a[0])]] : []),
      keys: (a) => a.flatMap((d) => Object.keys(map(d))),
      pick: (a) => Object.fromEntries(a.slice(1).map(s).filter((k) => Object.prototype.hasOwnProperty.call(map(a[0]), k)).map((k) => [k, map(a[0])[k]])),
      omit: (a) => Object.fromEntries(Object.entries(map(a[0])).filter(([k]) => !a.slice(1).map(s).includes(k))),
      merge: (a) => mergeDicts(a, false),
      mergeOverwrite: (a) => mergeDicts(a, true),
      mustMerge: (a) => mergeDicts(a, false),
      mustMergeOverwrite: (a) => mergeDicts(a, true),
      values: (a) => Object.values(map(a[0])),
      append: (a) => [...list(a[0], "append"), a[1]],
      push: (a) => [...list(a[0], "push"), a[1]],
      prepend: (a) => [a[1], ...list(a[0], "prepend")],
      first: (a) => list(a[0], "first").length > 0 ? list(a[0], "first")[0] : null,
      last: (a) => list(a[0], "last").length > 0 ? list(a[0], "last").at(-1) : null,
      rest: (a) => list(a[0], "rest").slice(1),
      initial: (a) => list(a[0], "initial").slice(0, -1),
      reverse: (a) => [...list(a[0], "reverse")].reverse(),
      uniq: (a) => list(a[0], "uniq").filter((x, i, all) => all.findIndex((y) => deepEqual(x, y)) === i),
      without: (a) => list(a[0], "without").filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
      has: (a) => list(a[1], "has").some((x) => deepEqual(x, a[0])),
      concat: (a) => a.flatMap((x) => list(x, "concat")),
      dig: (a) => {
        const d = a[a.length - 1];
        const def = a[a.length - 2];
        let cur = d;
        for (const k of a.slice(0, -2)) {
          cur = cur !== null && typeof cur === "object" && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, s(k)) ? cur[s(k)] : void 0;
          if (cur === void 0) return def;
        }
        return cur;
      },
      chunk: (a) => {
        const n = Number(toInt(a[0]));
        const l = list(a[1], "chunk");
        const out = [];
        for (let i = 0; i < l.length && n > 0; i += n) out.push(l.slice(i, i + n));
        return out;
      },
      // sprig: semver, regex.
      semverCompare: (a) => {
        const c = parseConstraint2(s(a[0]));
        if (c === void 0) throw new Error(`improper constraint: ${s(a[0])}`);
        const v = looseSemver(s(a[1]));
        if (v === void 0) throw new Error("Invalid Semantic Version");
        return (v.pre.length === 0 || c.prerelease) && c.test(v);
      },
      regexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
      mustRegexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
      regexFind: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), 1)[0] ?? "",
      regexFindAll: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), Number(toInt(a[2]))),
      regexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
      mustRegexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
      regexReplaceAllLiteral: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2]).replace(/\$/g, "$$$$")),
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
      }
    };
    UNSUPPORTED = /* @__PURE__ */ new Set([
      "html",
      "js",
      "call",
      "ago",
      "date",
      "date_in_zone",
      "date_modify",
      "dateInZone",
      "dateModify",
      "duration",
      "durationRound",
      "htmlDate",
      "htmlDateInZone",
      "must_date_modify",
      "mustDateModify",
      "mustToDate",
      "now",
      "toDate",
      "unixEpoch",
      "abbrev",
      "abbrevboth",
      "initials",
      "randAlphaNum",
      "randAlpha",
      "randAscii",
      "randNumeric",
      "randSeededNumeric",
      "swapcase",
      "shuffle",
      "snakecase",
      "camelcase",
      "kebabcase",
      "wrap",
      "wrapWith",
      "adler32sum",
      "seq",
      "toDecimal",
      "randInt",
      "add1f",
      "addf",
      "subf",
      "divf",
      "mulf",
      "maxf",
      "minf",
      "mustCompact",
      "mustFromJson",
      "mustToPrettyJson",
      "mustToRawJson",
      "mustDeepCopy",
      "typeIsLike",
      "osBase",
      "osClean",
      "osDir",
      "osExt",
      "osIsAbs",
      "b32enc",
      "b32dec",
      "mustAppend",
      "mustPush",
      "mustPrepend",
      "mustFirst",
      "mustRest",
      "mustLast",
      "mustInitial",
      "mustReverse",
      "mustUniq",
      "mustWithout",
      "mustHas",
      "mustSlice",
      "mustChunk",
      "bcrypt",
      "htpasswd",
      "genPrivateKey",
      "derivePassword",
      "buildCustomCert",
      "genCA",
      "genCAWithKey",
      "genSelfSignedCert",
      "genSelfSignedCertWithKey",
      "genSignedCert",
      "genSignedCertWithKey",
      "encryptAES",
      "decryptAES",
      "randBytes",
      "uuidv4",
      "semver",
      "mustRegexFindAll",
      "mustRegexFind",
      "mustRegexReplaceAllLiteral",
      "mustRegexSplit",
      "urlParse",
      "urlJoin",
      "hello"
    ]);
  }
});

// src/render/gitops/argocd.ts
import path15 from "node:path";
import { parse as parseYaml3 } from "yaml";
function isArgoApplication(o) {
  return o.kind === "Application" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("argoproj.io/");
}
function isArgoApplicationSet(o) {
  return o.kind === "ApplicationSet" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("argoproj.io/");
}
async function argoApplication(ctx, o, generated2) {
  const spec = generated2?.spec ?? obj(o.object.spec);
  const name = generated2?.name ?? metaOf(o.object).name;
  const kind = generated2 ? "ApplicationSet" : "Application";
  const declared = declaredAt(o);
  const baseDeps = [o.source.file, ...generated2?.deps ?? []];
  const unsim = (reason) => ({ unsimulated: { tool: "argocd", kind, name, declared, reason, deps: baseDeps } });
  const fail = async (fieldPath, message2) => {
    const at2 = generated2 ? declared : await fieldAt(ctx, o, fieldPath);
    const error = refusal(at2, `${kind} ${name}: ${message2}`);
    return { error, unsimulated: { tool: "argocd", kind, name, declared, reason: message2, deps: baseDeps } };
  };
  const sources = Array.isArray(spec.sources) ? spec.sources.map(obj) : [obj(spec.source)];
  const multi = Array.isArray(spec.sources);
  const destination = str(obj(spec.destination).namespace);
  const refs = /* @__PURE__ */ new Map();
  for (const s2 of sources) if (str(s2.ref) !== void 0) refs.set(s2.ref, isThisRepo(ctx, str(s2.repoURL)));
  const out = [];
  for (let i = 0; i < sources.length; i++) {
    const s2 = sources[i];
    const field3 = multi ? ["spec", "sources", i] : ["spec", "source"];
    const id2 = appId("argocd", o.source.file, sources.length > 1 ? `${name}.${i}` : name);
    if (str(s2.ref) !== void 0 && str(s2.path) === void 0 && str(s2.chart) === void 0) continue;
    let repoURL = str(s2.repoURL) ?? "";
    if (str(s2.chart) !== void 0 && /^[\w.-]+(:\d+)?(\/[\w.-]+)*\/?$/.test(repoURL) && repoURL.includes(".")) repoURL = `oci://${repoURL.replace(/\/$/, "")}`;
    let remote;
    const chartName = str(s2.chart);
    if (chartName !== void 0) {
      const refused = remoteChartRefusal(ctx, repoURL);
      if (refused !== void 0) {
        out.push(unsim(`${refused} (chart ${chartName})`));
        continue;
      }
      if (!/^[\w.-]+$/.test(chartName) || chartName === "." || chartName === "..") {
        out.push(await fail([...field3, "chart"], `chart '${chartName}' is not a chart name of a helm repository`));
        continue;
      }
      const version = str(s2.targetRevision) ?? "";
      const at2 = generated2 ? declared : await fieldAt(ctx, o, [...field3, "chart"]);
      remote = { repoUrl: repoURL, chart: chartName, version: version === "" ? "*" : version, valuesFiles: [], declaredAt: at2 };
    } else if (!isThisRepo(ctx, repoURL)) {
      out.push(unsim(`source ${repoURL} is not this repository (gitops.repoURLs)`));
      continue;
    }
    const raw = str(s2.path) ?? ".";
    const dir = remote !== void 0 ? "" : repoPath("", raw.replace(/^\//, ""));
    if (dir === void 0) {
      out.push(await fail([...field3, "path"], `path '${raw}' leaves the repository: refused`));
      continue;
    }
    if (remote === void 0 && !ctx.tree.dirs.has(dir)) {
      out.push(await fail([...field3, "path"], `path '${raw}' is not a directory of this repository at this ref`));
      continue;
    }
    if (remote === void 0 && s2.plugin !== void 0) {
      out.push(unsim(`config management plugin sources run arbitrary tools: not simulated`));
      continue;
    }
    const directory = obj(s2.directory);
    const hasJsonnet = remote === void 0 && [...ctx.tree.files].some((f) => isUnder(f, dir) && /\.(jsonnet|libsonnet)$/.test(f));
    if (remote === void 0 && (directory.jsonnet !== void 0 || hasJsonnet && !ctx.charts.has(dir) && !ctx.kustomizations.has(dir))) {
      out.push(unsim(`jsonnet directory ${dir || "."}: not simulated (preadmit does not evaluate jsonnet)`));
      continue;
    }
    const deps = [...baseDeps];
    const app = { tool: "argocd", kind, name: sources.length > 1 ? `${name}.${i}` : name, declared, id: id2, render: { type: "directory", path: dir, recurse: false }, deps };
    if (destination !== void 0 && destination !== "") app.defaultNamespace = destination;
    if (remote !== void 0 || s2.helm !== void 0 || ctx.charts.has(dir)) {
      const h = obj(s2.helm);
      const valuesFiles = [];
      const files = arr(h.valueFiles);
      let bad;
      for (let j = 0; j < files.length; j++) {
        const f = str(files[j]) ?? "";
        const m = /^\$([^/]+)\/(.*)$/.exec(f);
        if (m && refs.get(m[1]) === false) {
          bad = unsim(`values file ${f} comes from another repository`);
          break;
        }
        const p = m ? repoPath("", m[2]) : repoPath(dir, f);
        if (remote !== void 0 && !m && p !== void 0 && p !== "") {
          remote.valuesFiles.push({ file: p, inChart: true, ...h.ignoreMissingValueFiles === true ? { optional: true } : {} });
          continue;
        }
        if (p === void 0 || remote !== void 0 && p === "") {
          bad = await fail([...field3, "helm", "valueFiles", j], `values file '${f}' leaves the repository: refused`);
          break;
        }
        if (!ctx.tree.files.has(p)) {
          if (h.ignoreMissingValueFiles === true) continue;
          bad = await fail([...field3, "helm", "valueFiles", j], `values file '${f}' does not exist at this ref`);
          break;
        }
        valuesFiles.push(p);
        remote?.valuesFiles.push({ file: p, inChart: false });
        deps.push(p);
      }
      if (bad) {
        out.push(bad);
        continue;
      }
      let values = {};
      if (typeof h.values === "string" && h.values.trim() !== "") {
        try {
          values = mergeValues(values, obj(parseYaml3(h.values, { maxAliasCount: 100 })));
        } catch (e) {
          out.push(await fail([...field3, "helm", "values"], `helm.values is not YAML: ${e.message.split("\n")[0]}`));
          continue;
        }
      }
      values = mergeValues(values, obj(h.valuesObject));
      for (const p of arr(h.parameters)) {
        const po = obj(p);
        const set = setPath(values, str(po.name) ?? "", typedSetValue(String(po.value ?? ""), po.forceString === true));
        if (typeof set !== "string") values = set;
      }
      const namespace = str(h.namespace) ?? destination ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
      app.render = {
        type: "helm",
        chart: remote !== void 0 ? o.source.file : dir,
        release: str(h.releaseName) ?? name,
        namespace,
        valuesFiles,
        ...Object.keys(values).length > 0 ? { values } : {},
        ...remote !== void 0 ? { remote } : {}
      };
      if (remote === void 0 && !ctx.charts.has(dir)) {
        out.push(await fail([...field3, "path"], `path '${raw}' has helm options but no Chart.yaml`));
        continue;
      }
    } else if (s2.kustomize !== void 0 || ctx.kustomizations.has(dir)) {
      const k = obj(s2.kustomize);
      app.render = { type: "kustomize", path: dir };
      if (!ctx.kustomizations.has(dir)) {
        out.push(await fail([...field3, "path"], `path '${raw}' has kustomize options but no kustomization`));
        continue;
      }
      if (str(k.namePrefix)) app.render.namePrefix = k.namePrefix;
      if (str(k.nameSuffix)) app.render.nameSuffix = k.nameSuffix;
      if (str(k.namespace)) app.render.namespace = k.namespace;
      if (arr(k.patches).length > 0) app.render.patches = arr(k.patches);
      if (Object.keys(stringMap(k.commonLabels)).length > 0) app.render.commonLabels = stringMap(k.commonLabels);
      if (Object.keys(stringMap(k.commonAnnotations)).length > 0) app.render.annotations = stringMap(k.commonAnnotations);
      const images = arr(k.images).map((x) => imageEntry(String(x)));
      if (images.length > 0) app.render.images = images;
    } else {
      app.render = {
        type: "directory",
        path: dir,
        recurse: directory.recurse === true,
        ...str(directory.include) ? { include: directory.include } : {},
        ...str(directory.exclude) ? { exclude: directory.exclude } : {}
      };
    }
    out.push({ app });
  }
  return out;
}
function imageEntry(spec) {
  const [name, target] = spec.includes("=") ? [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)] : [void 0, spec];
  const at2 = target.indexOf("@");
  const colon = target.lastIndexOf(":");
  const image = at2 >= 0 ? target.slice(0, at2) : colon > target.lastIndexOf("/") ? target.slice(0, colon) : target;
  const entry = { name: name ?? image };
  if (name !== void 0 && image !== name) entry.newName = image;
  if (at2 >= 0) entry.digest = target.slice(at2 + 1);
  else if (colon > target.lastIndexOf("/")) entry.newTag = target.slice(colon + 1);
  return entry;
}
async function argoApplicationSet(ctx, o) {
  const spec = obj(o.object.spec);
  const { name } = metaOf(o.object);
  const declared = declaredAt(o);
  const unsim = (reason, deps = []) => [{ unsimulated: { tool: "argocd", kind: "ApplicationSet", name, declared, reason, deps: [o.source.file, ...deps] } }];
  const fail = async (at2, message2, deps = []) => [
    { error: refusal(await fieldAt(ctx, o, at2), `ApplicationSet ${name}: ${message2}`), unsimulated: { tool: "argocd", kind: "ApplicationSet", name, declared, reason: message2, deps: [o.source.file, ...deps] } }
  ];
  let options;
  try {
    options = goTemplateOptions(Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions : void 0);
  } catch (e) {
    return fail(["spec", "goTemplateOptions"], `goTemplateOptions: ${e.message}`);
  }
  const t = { goTemplate: spec.goTemplate === true, options };
  const patch = spec.templatePatch;
  if (patch !== void 0 && patch !== null && typeof patch !== "string") return fail(["spec", "templatePatch"], "templatePatch must be a string (a template of a YAML patch)");
  const produced = [];
  const allDeps = [];
  if (!Array.isArray(spec.generators)) return fail(["spec"], "spec.generators is not a list of generators");
  const generators = spec.generators;
  for (let i = 0; i < generators.length; i++) {
    const entry = generators[i];
    if (entry === null || typeof entry !== "object" || Array.isArray(entry) || !GENERATOR_KINDS.some((k) => entry[k] !== void 0 && entry[k] !== null)) {
      return fail(["spec", "generators", i], `generator ${i} names no generator (${GENERATOR_KINDS.join(", ")})`);
    }
    for (const { kind, result } of await transform(ctx, obj(generators[i]), ["spec", "generators", i], t, 0, void 0)) {
      if ("reason" in result) return unsim(result.reason, result.deps);
      if ("error" in result) return fail(result.at, result.error, result.deps);
      const template2 = fillFrom(obj(obj(obj(generators[i])[kind]).template), obj(spec.template));
      for (const set of result.sets) {
        produced.push({ set, template: template2 });
        allDeps.push(...set.deps);
      }
    }
  }
  const out = [];
  const names = /* @__PURE__ */ new Set();
  for (const { set, template: template2 } of produced.slice(0, MAX_APPS)) {
    const { params, deps } = set;
    let app;
    let stage = ["spec", "template"];
    try {
      app = Object.keys(params).length === 0 ? template2 : obj(renderTemplate(template2, params, t));
      if (typeof patch === "string") {
        stage = ["spec", "templatePatch"];
        app = applyTemplatePatch(app, replace(patch, params, t));
      }
    } catch (e) {
      if (e instanceof GoTemplateUnsupported) return unsim(`${e.message} (in ${stage.join(".")})`, allDeps);
      if (e instanceof TemplateFieldError) return fail([...stage, ...e.path], `${stage[1]}.${e.message}`, deps);
      return fail(stage, `${stage[1]}: ${e.message}`, deps);
    }
    const appName = str(obj(app.metadata).name) ?? "";
    if (appName === "" || names.has(appName)) {
      const message2 = appName === "" ? "generates an Application with no name (Argo CD requires metadata.name from the template or templatePatch)" : `contains applications with duplicate name: ${appName} (Argo CD applies the first only)`;
      out.push(...await fail(["spec", "template", "metadata", "name"], message2, deps));
      continue;
    }
    names.add(appName);
    out.push(...await argoApplication(ctx, o, { spec: obj(app.spec), name: appName, deps }));
  }
  if (produced.length > MAX_APPS) out.push(...unsim(`generates ${produced.length} Applications: only the first ${MAX_APPS} are simulated`, allDeps));
  return out;
}
async function transform(ctx, raw, at2, t, depth, interpolate) {
  let g = raw;
  if (interpolate !== void 0 && Object.keys(interpolate).length > 0) {
    try {
      g = interpolateGenerator(raw, interpolate, t);
    } catch (e) {
      const result = e instanceof GoTemplateUnsupported ? { reason: e.message } : { error: `interpolating the generator with the first generator's parameters: ${e.message}`, at: at2 };
      return [{ kind: "?", result }];
    }
  }
  const unknown = Object.keys(g).filter((k) => k !== "selector" && !GENERATOR_KINDS.includes(k));
  if (unknown.length > 0) return [{ kind: unknown[0], result: { reason: `unrecognized generator '${unknown[0]}'` } }];
  const out = [];
  for (const kind of GENERATOR_KINDS.filter((k) => g[k] !== void 0 && g[k] !== null)) {
    let result = await generateOne(ctx, kind, obj(g[kind]), [...at2, kind], t, depth);
    if ("sets" in result && g.selector !== void 0 && g.selector !== null) {
      const sets = [];
      for (const set of result.sets) {
        const m = selectorMatches(obj(g.selector), flattenParams(set.params));
        if (typeof m === "string") {
          result = { error: `selector: ${m}`, at: [...at2, "selector"] };
          break;
        }
        if (m) sets.push(set);
      }
      if ("sets" in result) result = { sets };
    }
    out.push({ kind, result });
  }
  return out;
}
async function generateOne(ctx, kind, g, at2, t, depth) {
  switch (kind) {
    case "list":
      return listGenerator(g, at2, t);
    case "git":
      return await gitGenerator(ctx, g, at2, t);
    case "matrix":
    case "merge": {
      if (depth >= 2) {
        return { error: `a ${kind} generator nested in a matrix or merge that is itself nested: Argo CD allows one level of nesting (it drops the inner one and fails with "child generator generated no parameters")`, at: at2 };
      }
      return kind === "matrix" ? await matrixGenerator(ctx, g, at2, t, depth) : await mergeGenerator(ctx, g, at2, t, depth);
    }
    default:
      return { reason: `the ${kind} generator is not supported (cluster state or an external service decides what it generates)` };
  }
}
async function child2(ctx, g, at2, t, depth, interpolate) {
  const results = await transform(ctx, g, at2, t, depth, interpolate);
  if (results.length === 0) return { error: "child generator generated no parameters (the generator names no generator)", at: at2 };
  if (results.length > 1) return { error: `found more than one generator in matrix.Generators (${results.map((r) => r.kind).join(", ")}): one per entry`, at: at2 };
  return results[0].result;
}
async function matrixGenerator(ctx, m, at2, t, depth) {
  const gens = arr(m.generators).map(obj);
  if (gens.length < 2) return { error: "found less than two generators, Matrix support only two", at: [...at2, "generators"] };
  if (gens.length > 2) return { error: "found more than two generators, Matrix support only two", at: [...at2, "generators"] };
  const first = await child2(ctx, gens[0], [...at2, "generators", 0], t, depth + 1, void 0);
  if (!("sets" in first)) return first;
  const sets = [];
  for (const a of first.sets) {
    const second = await child2(ctx, gens[1], [...at2, "generators", 1], t, depth + 1, a.params);
    if (!("sets" in second)) return second;
    for (const b of second.sets) {
      let params;
      if (t.goTemplate) params = mergeOverride(mergeOverride({}, b.params), a.params);
      else {
        const combined = combineStringMaps(a.params, b.params);
        if (typeof combined === "string") return { error: `${combined} (parameter collision between the matrix's generators)`, at: [...at2, "generators"] };
        params = combined;
      }
      sets.push({ params, deps: [.../* @__PURE__ */ new Set([...a.deps, ...b.deps])] });
      if (sets.length > MAX_PARAM_SETS) return { reason: `the matrix generator makes more than ${MAX_PARAM_SETS} parameter sets: not simulated` };
    }
  }
  return { sets };
}
async function mergeGenerator(ctx, m, at2, t, depth) {
  const gens = arr(m.generators).map(obj);
  if (gens.length < 2) return { error: "found less than two generators, Merge requires two or more", at: [...at2, "generators"] };
  const results = [];
  const deps = /* @__PURE__ */ new Set();
  for (let i = 0; i < gens.length; i++) {
    const r = await child2(ctx, gens[i], [...at2, "generators", i], t, depth + 1, void 0);
    if (!("sets" in r)) return r;
    results.push(r.sets);
    for (const s2 of r.sets) for (const d of s2.deps) deps.add(d);
  }
  const keys = [...new Set(arr(m.mergeKeys).filter((k) => typeof k === "string"))];
  if (keys.length === 0) return { error: "no merge keys were specified, Merge requires at least one (mergeKeys)", at: m.mergeKeys === void 0 ? at2 : [...at2, "mergeKeys"], deps: [...deps] };
  const byKey = (sets, i) => {
    const map2 = /* @__PURE__ */ new Map();
    for (const s2 of sets) {
      const key = goJsonCompact(Object.fromEntries(keys.map((k) => [k, s2.params[k] ?? null])));
      if (map2.has(key)) {
        return { error: `the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was ${key}`, at: [...at2, "generators", i], deps: [...deps] };
      }
      map2.set(key, { params: structuredClone(s2.params), deps: s2.deps });
    }
    return map2;
  };
  const base = byKey(results[0], 0);
  if (!(base instanceof Map)) return base;
  for (let i = 1; i < results.length; i++) {
    const over = byKey(results[i], i);
    if (!(over instanceof Map)) return over;
    for (const [key, b] of base) {
      const o = over.get(key);
      if (o === void 0) continue;
      base.set(key, { params: t.goTemplate ? mergeOverride(b.params, o.params) : { ...b.params, ...o.params }, deps: b.deps });
    }
  }
  return { sets: [...base.values()].map((s2) => ({ params: s2.params, deps: [...deps] })) };
}
function listGenerator(l, at2, t) {
  const sets = [];
  const elements = arr(l.elements);
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e === null || typeof e !== "object" || Array.isArray(e)) return { error: `list element ${i} is not an object`, at: [...at2, "elements", i] };
    if (t.goTemplate) {
      sets.push({ params: e, deps: [] });
      continue;
    }
    const params = {};
    for (const [k, v] of Object.entries(e)) {
      if (k === "values") {
        if (v === null || typeof v !== "object" || Array.isArray(v)) return { error: `list element ${i}: values is not a map (error parsing values map)`, at: [...at2, "elements", i, "values"] };
        for (const [vk, vv] of Object.entries(v)) {
          if (typeof vv !== "string") return { error: `list element ${i}: values.${vk} is ${JSON.stringify(vv)}, not a string (without goTemplate Argo CD fails: error parsing value as string)`, at: [...at2, "elements", i, "values", vk] };
          params[`values.${vk}`] = vv;
        }
      } else if (typeof v !== "string") {
        return { error: `list element ${i}: ${k} is ${JSON.stringify(v)}, not a string (without goTemplate Argo CD fails: error parsing value as string; quote it)`, at: [...at2, "elements", i, k] };
      } else params[k] = v;
    }
    sets.push({ params, deps: [] });
  }
  if (typeof l.elementsYaml === "string" && l.elementsYaml !== "") {
    let parsed2;
    try {
      parsed2 = parseYaml3(l.elementsYaml, { maxAliasCount: 100, version: "1.1" });
    } catch (e) {
      return { error: `elementsYaml is not YAML: ${e.message.split("\n")[0]}`, at: [...at2, "elementsYaml"] };
    }
    if (parsed2 !== null && !(Array.isArray(parsed2) && parsed2.every((x) => x === null || typeof x === "object" && !Array.isArray(x)))) {
      return { error: "elementsYaml is not a list of objects (error unmarshling decoded ElementsYaml)", at: [...at2, "elementsYaml"] };
    }
    for (const x of parsed2 ?? []) sets.push({ params: x ?? {}, deps: [] });
  }
  return { sets };
}
async function gitGenerator(ctx, git, at2, t) {
  if (!isThisRepo(ctx, str(git.repoURL))) return { reason: `git generator repository ${str(git.repoURL) ?? "?"} is not this repository (gitops.repoURLs)` };
  const prefix2 = str(git.pathParamPrefix) ?? "";
  const values = stringMap(git.values);
  const withValues = (params) => {
    const rendered = {};
    for (const [k, v] of Object.entries(values)) rendered[k] = replace(v, params, t);
    if (Object.keys(rendered).length === 0) return params;
    if (t.goTemplate) return { ...params, values: rendered };
    return { ...params, ...Object.fromEntries(Object.entries(rendered).map(([k, v]) => [`values.${k}`, v])) };
  };
  const sets = [];
  try {
    if (git.directories !== void 0) {
      const dirs = arr(git.directories).map(obj);
      const inc = dirs.filter((d) => d.exclude !== true).map((d) => globToRegExp(String(d.path ?? "")));
      const exc = dirs.filter((d) => d.exclude === true).map((d) => globToRegExp(String(d.path ?? "")));
      for (const d of [...ctx.tree.dirs].sort()) {
        if (d === "" || !inc.some((r) => r.test(d)) || exc.some((r) => r.test(d))) continue;
        sets.push({ params: withValues(pathParams(d, void 0, t.goTemplate, prefix2)), deps: [] });
      }
      return { sets };
    }
    if (git.files !== void 0) return await gitFiles(ctx, arr(git.files).map(obj), t, prefix2, withValues);
  } catch (e) {
    if (e instanceof GoTemplateUnsupported) return { reason: `${e.message} (in the git generator's values)` };
    return { error: `git generator values: ${e.message}`, at: [...at2, "values"] };
  }
  return { error: "git generator without directories or files", at: at2 };
}
async function gitFiles(ctx, items, t, prefix2, withValues) {
  const inc = items.filter((d) => d.exclude !== true).map((d) => globToRegExp(String(d.path ?? "")));
  const exc = items.filter((d) => d.exclude === true).map((d) => globToRegExp(String(d.path ?? "")));
  const files = [...ctx.tree.files].filter((f) => inc.some((r) => r.test(f)) && !exc.some((r) => r.test(f))).sort();
  const sets = [];
  for (const file of files) {
    const text = await ctx.text(file);
    let parsed2;
    try {
      parsed2 = text === void 0 ? void 0 : parseYaml3(text, { maxAliasCount: 100 });
    } catch (e) {
      return { reason: `git file generator: unable to process file '${file}': ${e.message.split("\n")[0]}`, deps: [file] };
    }
    const objects = Array.isArray(parsed2) ? parsed2.length === 0 ? [{}] : parsed2 : [parsed2 ?? {}];
    if (objects.some((x) => x === null || typeof x !== "object" || Array.isArray(x))) {
      return { reason: `git file generator: unable to process file '${file}': not an object or a list of objects`, deps: [file] };
    }
    for (const o of objects) {
      const own = t.goTemplate ? { ...o } : flattenParams(o);
      sets.push({ params: withValues({ ...own, ...pathParams(path15.posix.dirname(file), file, t.goTemplate, prefix2) }), deps: [file] });
    }
  }
  return { sets };
}
function pathParams(d, file, goTemplate, prefix2) {
  const segments2 = d.split("/");
  const base = path15.posix.basename(d);
  const filename = file === void 0 ? void 0 : path15.posix.basename(file);
  if (goTemplate) {
    const p2 = { path: d, basename: base, basenameNormalized: sanitizeName(base), segments: segments2 };
    if (filename !== void 0) Object.assign(p2, { filename, filenameNormalized: sanitizeName(filename) });
    return prefix2 !== "" ? { [prefix2]: { path: p2 } } : { path: p2 };
  }
  const name = prefix2 !== "" ? `${prefix2}.path` : "path";
  const p = { [name]: d, [`${name}.basename`]: base, [`${name}.basenameNormalized`]: sanitizeName(base) };
  if (filename !== void 0) Object.assign(p, { [`${name}.filename`]: filename, [`${name}.filenameNormalized`]: sanitizeName(filename) });
  segments2.forEach((s2, i) => {
    if (s2 !== "") p[`${name}[${i}]`] = s2;
  });
  return p;
}
function flattenParams(o, prefix2 = "") {
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) Object.assign(out, flattenParams(Object.fromEntries(v.map((x, i) => [String(i), x])), `${prefix2}${k}.`));
    else if (v !== null && typeof v === "object") Object.assign(out, flattenParams(v, `${prefix2}${k}.`));
    else out[`${prefix2}${k}`] = goSprint(v);
  }
  return out;
}
function combineStringMaps(a, b) {
  const out = {};
  for (const [k, v] of Object.entries(a)) out[k] = goSprint(v);
  for (const [k, v] of Object.entries(b)) {
    const text = goSprint(v);
    if (k in out && out[k] !== text) return `found duplicate key ${k} with different value, a: ${String(out[k])} ,b: ${text}`;
    out[k] = text;
  }
  return out;
}
function isMapValue(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v);
}
function mergeOverride(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    if (isMapValue(cur) && isMapValue(v)) out[k] = mergeOverride(cur, v);
    else if (Array.isArray(v) && v.length === 0 && Array.isArray(cur) && cur.length > 0) continue;
    else out[k] = v;
  }
  return out;
}
function fillFrom(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    if (isMapValue(cur) && isMapValue(v)) out[k] = fillFrom(cur, v);
    else if (cur === void 0 || cur === null || cur === "" || Array.isArray(cur) && cur.length === 0) out[k] = v;
  }
  return out;
}
function selectorMatches(sel, labels) {
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) if (labels[k] !== String(v)) return false;
  for (const e of arr(sel.matchExpressions).map(obj)) {
    const key = str(e.key) ?? "";
    const values = arr(e.values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return `"${String(e.operator)}" is not a valid label selector operator`;
    }
  }
  return true;
}
function interpolateGenerator(g, params, t) {
  const out = {};
  for (const [kind, spec] of Object.entries(g)) {
    if (!isMapValue(spec) || !isMapValue(spec.values)) {
      out[kind] = renderTemplate(spec, params, t);
      continue;
    }
    const { values, ...rest } = spec;
    const rendered = obj(renderTemplate(rest, params, t));
    const resolved2 = {};
    for (const [k, v] of Object.entries(values)) {
      if (typeof v !== "string") continue;
      try {
        resolved2[k] = replace(v, params, t.goTemplate ? { ...t, options: { ...t.options, missingKey: "error" } } : t);
      } catch (e) {
        if (e instanceof GoTemplateError && /no entry for key|can't evaluate field/.test(e.message)) resolved2[k] = v;
        else throw e;
      }
    }
    out[kind] = { ...rendered, values: resolved2 };
  }
  return out;
}
function renderTemplate(tpl, params, t, at2 = []) {
  const one = (text, where2) => {
    try {
      return replace(text, params, t);
    } catch (e) {
      if (e instanceof GoTemplateUnsupported || e instanceof TemplateFieldError) throw e;
      throw new TemplateFieldError(where2, `${where2.length > 0 ? `${where2.join(".")}: ` : ""}${e.message}`);
    }
  };
  if (typeof tpl === "string") return one(tpl, at2);
  if (Array.isArray(tpl)) return tpl.map((x, i) => renderTemplate(x, params, t, [...at2, i]));
  if (tpl !== null && typeof tpl === "object") {
    const out = {};
    for (const [k, v] of Object.entries(tpl)) if (v !== null) out[one(k, [...at2, k])] = renderTemplate(v, params, t, [...at2, k]);
    return out;
  }
  return tpl;
}
function replace(text, params, t) {
  if (!text.includes("{{")) return text;
  if (t.goTemplate) return executeGoTemplate(text, params, t.options);
  if (!/\{\{.*\}\}/.test(text)) return text;
  let out = "";
  let i = 0;
  for (; ; ) {
    const open = text.indexOf("{{", i);
    if (open < 0) return out + text.slice(i);
    const close = text.indexOf("}}", open + 2);
    if (close < 0) throw new Error(`invalid template: Cannot find end tag="}}" in the template=${JSON.stringify(text)} starting from ${JSON.stringify(text.slice(open + 2))}`);
    const tag = text.slice(open + 2, close);
    const v = params[tag.trim()];
    out += text.slice(i, open) + (tag.trim() !== "" && typeof v === "string" ? v : `{{${tag}}}`);
    i = close + 2;
  }
}
function applyTemplatePatch(app, text) {
  let patch;
  try {
    patch = parseYaml3(text, { maxAliasCount: 100, version: "1.1" });
  } catch (e) {
    throw new Error(`the rendered patch is not YAML: ${e.message.split("\n")[0]}`);
  }
  if (patch === null || patch === void 0) return app;
  if (typeof patch !== "object" || Array.isArray(patch)) throw new Error("the rendered patch is not a map (invalid templatePatch)");
  for (const k of ["metadata", "spec"]) {
    const v = patch[k];
    if (v !== void 0 && v !== null && !isMapValue(v)) throw new Error(`invalid templatePatch: ${k} is not a map`);
  }
  return obj(strategicMerge(app, patch));
}
function strategicMerge(orig, patch) {
  const directive = patch.$patch;
  if (directive === "delete") return void 0;
  const { $patch: _, ...rest } = patch;
  if (directive === "replace") return rest;
  const out = isMapValue(orig) ? { ...orig } : {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === null) delete out[k];
    else if (isMapValue(v)) {
      const merged = strategicMerge(out[k], v);
      if (merged === void 0) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  return out;
}
var GENERATOR_KINDS, MAX_PARAM_SETS, MAX_APPS, TemplateFieldError;
var init_argocd = __esm({
  "src/render/gitops/argocd.ts"() {
    "use strict";
    init_json();
    init_glob2();
    init_namespaces();
    init_paths();
    init_gotemplate();
    init_model();
    init_scan();
    GENERATOR_KINDS = ["list", "clusters", "git", "scmProvider", "clusterDecisionResource", "pullRequest", "plugin", "matrix", "merge"];
    MAX_PARAM_SETS = 1e4;
    MAX_APPS = 500;
    TemplateFieldError = class extends Error {
      constructor(path23, message2) {
        super(message2);
        this.path = path23;
      }
      path;
    };
  }
});

// src/render/gitops/discover.ts
function isAppCR(o) {
  return isFluxKustomization(o) || isFluxHelmRelease(o) || isArgoApplication(o) || isArgoApplicationSet(o);
}
async function scanApps(ctx, include) {
  const scan2 = { apps: [], unsimulated: [], errors: [] };
  const files = ctx.manifestFiles.filter(include);
  const bodies = await Promise.all(files.map((f) => ctx.text(f)));
  for (let i = 0; i < files.length; i++) {
    const body = bodies[i];
    if (body === void 0 || !MARKERS.some((m) => body.includes(m))) continue;
    const loaded = loadManifests(body, files[i], { yamlVersion: "1.1" });
    for (const o of loaded.objects) add(scan2, await mapObject(ctx, o));
  }
  const seen = /* @__PURE__ */ new Map();
  for (const a of scan2.apps) {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n > 0) a.id = `${a.id}.${a.declared.startLine}`;
  }
  return scan2;
}
async function mapObject(ctx, o) {
  const mapped = isFluxKustomization(o.object) ? [await fluxKustomization(ctx, o)] : isFluxHelmRelease(o.object) ? [await fluxHelmRelease(ctx, o)] : isArgoApplication(o.object) ? await argoApplication(ctx, o) : isArgoApplicationSet(o.object) ? await argoApplicationSet(ctx, o) : [];
  const namespace = metaOf(o.object).namespace;
  if (namespace !== void 0) {
    for (const m of mapped) if ("app" in m) m.app.namespace = namespace;
  }
  return mapped;
}
function add(scan2, mapped) {
  for (const m of mapped) {
    if ("app" in m) scan2.apps.push(m.app);
    else {
      scan2.unsimulated.push(m.unsimulated);
      if ("error" in m) scan2.errors.push(m.error);
    }
  }
}
var MARKERS;
var init_discover = __esm({
  "src/render/gitops/discover.ts"() {
    "use strict";
    init_load();
    init_flux();
    init_argocd();
    init_scan();
    MARKERS = ["toolkit.fluxcd.io", "argoproj.io"];
  }
});

// src/render/gitops/render.ts
import { existsSync as existsSync6 } from "node:fs";
import { cp as cp2, mkdir as mkdir7, readdir as readdir3, rm as rm3 } from "node:fs/promises";
import path16 from "node:path";
import { parse as parseYaml4, stringify as stringify2 } from "yaml";
async function renderApp(planned, ctx) {
  const app = planned.root.app;
  let result;
  try {
    if (app.render.type === "kustomize") result = await renderKustomizeApp(planned, app, app.render, ctx);
    else if (app.render.type === "helm") result = await renderHelmApp(planned, app, app.render, ctx);
    else result = await renderDirectoryApp(planned, app, app.render, ctx);
  } catch (e) {
    result = { objects: [], errors: [appError(app, `${appLabel(app)}: ${errorText(e)}`)] };
  }
  return finish(app, result, ctx.defaultNamespace ?? DEFAULT_NAMESPACE);
}
function appError(app, message2) {
  return { kind: "render", message: message2, source: { ...app.declared, renderedBy: app.id } };
}
function finish(app, result, clusterNamespace) {
  const via = { app: app.id, ...app.declared };
  const label = appLabel(app);
  const isGenerated = (file) => file.startsWith(`${GENERATED_DIR}/`) || file === GENERATED_DIR;
  const located = (o) => isGenerated(o.source.file) ? { ...app.declared } : { ...o.source };
  const fluxKustomization2 = app.tool === "flux" && app.render.type === "kustomize";
  const namespace = app.defaultNamespace ?? (fluxKustomization2 ? void 0 : clusterNamespace);
  const homeless = new Set(namespace === void 0 ? unplaced(result.objects) : []);
  if (namespace !== void 0) placeInNamespace(result.objects.map((o) => o.object), namespace);
  const objects = result.objects.filter((o) => !homeless.has(o)).map((o) => ({ ...o, source: { ...located(o), renderedBy: app.id, via }, root: app.id }));
  const errors = result.errors.map((e) => {
    const message2 = e.message.replace(/\.preadmit-apps\/\d+(\/[\w.-]+)?/g, label);
    const src2 = e.source === void 0 || isGenerated(e.source.file) ? { ...app.declared } : e.source;
    return { ...e, message: message2, source: { ...src2, renderedBy: app.id } };
  });
  for (const o of homeless) {
    const at2 = located(o);
    const meta = obj(o.object.metadata);
    errors.push({
      kind: "render",
      message: `${at2.file}:${at2.startLine}: ${String(o.object.kind)} ${String(meta.name ?? "")} names no namespace and ${label} sets no spec.targetNamespace: Flux fails to apply this Kustomization ("namespace not specified"); set metadata.namespace, the kustomization's namespace or spec.targetNamespace`,
      source: { ...at2, renderedBy: app.id }
    });
  }
  return { objects, errors };
}
async function writeGenerated(ctx, rel, body) {
  const full = path16.join(ctx.workDir, rel);
  await mkdir7(path16.dirname(full), { recursive: true });
  await atomicWrite(full, body);
}
async function renderKustomizeApp(planned, app, r, ctx) {
  const own = ctx.kustomizations.get(r.path);
  const asIs = own !== void 0 && buildsPathAsIs(app) && planned.root.kind === "kustomize" && planned.root.path === r.path;
  const asRoot = (p) => ({ ...planned, root: { ...planned.root, kind: "kustomize", path: p } });
  let kustomization;
  if (own === void 0) {
    const resources = await fluxResources(r.path, ctx);
    if (resources.length === 0) return { objects: [], errors: [appError(app, `${appLabel(app)}: ${r.path || "."} holds no Kubernetes manifests`)] };
    kustomization = { resources: resources.map((f) => path16.posix.relative(r.path || ".", f)) };
  } else {
    kustomization = obj(parseYaml4(await ctx.readText(own.file) ?? "", { maxAliasCount: 100 }));
  }
  const merged = mergeAppOptions(kustomization, app.tool, r);
  let result;
  if (asIs) {
    result = await renderKustomize(planned, ctx);
  } else if (merged === kustomization && own !== void 0) {
    result = await renderKustomize(asRoot(r.path), ctx);
  } else {
    const placed = await placeInflatedCharts(asRoot(r.path), ctx);
    if (placed.errors.length > 0) return { objects: [], errors: placed.errors };
    const dir = await copyOfDirectory(ctx, r.path);
    for (const c of r.components ?? []) merged.components.push(path16.posix.relative(dir, c || "."));
    for (const name of KUSTOMIZATION_FILE_NAMES) await rm3(path16.join(ctx.workDir, dir, name), { force: true });
    await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify(merged));
    result = await renderKustomize(asRoot(dir), ctx, { dir, repoDir: r.path, file: own?.file ?? GENERATED_DIR });
  }
  if (app.tool === "flux" && (r.labels !== void 0 || r.annotations !== void 0)) {
    for (const o of result.objects) {
      const meta = obj(o.object.metadata);
      o.object.metadata = {
        ...meta,
        ...r.labels !== void 0 ? { labels: { ...obj(meta.labels), ...r.labels } } : {},
        ...r.annotations !== void 0 ? { annotations: { ...obj(meta.annotations), ...r.annotations } } : {}
      };
    }
  }
  if (r.substitute === void 0) return result;
  return substituteAll(app, r.substitute, result);
}
function mergeAppOptions(k, tool, r) {
  if (kustomizeOptions(tool, r).every((o) => o === void 0)) return k;
  const annotations = tool === "argocd" ? r.annotations : void 0;
  const out = { ...k };
  if (r.namespace !== void 0) out.namespace = r.namespace;
  if (r.namePrefix !== void 0) out.namePrefix = r.namePrefix;
  if (r.nameSuffix !== void 0) out.nameSuffix = r.nameSuffix;
  if (r.patches !== void 0) out.patches = [...arr(k.patches), ...r.patches];
  out.components = [...arr(k.components)];
  if (r.images !== void 0) {
    const images = arr(k.images).map((i) => ({ ...obj(i) }));
    for (const image of r.images.map(obj)) {
      const existing = images.find((i) => i.name === image.name);
      if (existing === void 0) {
        images.push(image);
        continue;
      }
      if (typeof image.newName === "string" && image.newName !== "") existing.newName = image.newName;
      if (typeof image.newTag === "string" && image.newTag !== "" || typeof image.digest === "string" && image.digest !== "") {
        delete existing.newTag;
        delete existing.digest;
        if (image.newTag !== void 0) existing.newTag = image.newTag;
        if (image.digest !== void 0) existing.digest = image.digest;
      }
    }
    out.images = images;
  }
  if (r.commonLabels !== void 0) out.commonLabels = { ...obj(k.commonLabels), ...r.commonLabels };
  if (annotations !== void 0) out.commonAnnotations = { ...obj(k.commonAnnotations), ...annotations };
  return out;
}
async function copyOfDirectory(ctx, dir) {
  const n = ++generated;
  if (dir === "") {
    const copy2 = `${GENERATED_DIR}/${n}/tree`;
    await mkdir7(path16.join(ctx.workDir, copy2), { recursive: true });
    for (const entry of await readdir3(ctx.workDir)) {
      if (entry === GENERATED_DIR || entry.startsWith(".preadmit-")) continue;
      await cp2(path16.join(ctx.workDir, entry), path16.join(ctx.workDir, copy2, entry), { recursive: true, verbatimSymlinks: true });
    }
    return copy2;
  }
  const copy = `${dirOf(dir) === "" ? "" : `${dirOf(dir)}/`}.preadmit-app-${n}`;
  const from = path16.join(ctx.workDir, dir);
  if (existsSync6(from)) await cp2(from, path16.join(ctx.workDir, copy), { recursive: true, verbatimSymlinks: true, filter: (src2) => !path16.basename(src2).startsWith(".preadmit-app-") });
  else await mkdir7(path16.join(ctx.workDir, copy), { recursive: true });
  return copy;
}
async function fluxResources(dir, ctx) {
  const out = [];
  const kustomized = [...ctx.kustomizations.keys()].filter((d) => d !== dir && isUnder(d, dir));
  const outermost = kustomized.filter((d) => !kustomized.some((o) => o !== d && isUnder(d, o)));
  out.push(...outermost);
  for (const f of [...ctx.tree.files].sort()) {
    if (!isUnder(f, dir) || !isManifestFile(f) || isKustomizationFile(f) || outermost.some((d) => isUnder(f, d))) continue;
    const body = await ctx.readText(f);
    const found = body === void 0 ? false : holdsKubernetesObjects(body, f);
    if (found !== false) out.push(f);
  }
  return out;
}
function substituteAll(app, vars, result) {
  const errors = [...result.errors];
  const objects = [];
  for (const o of result.objects) {
    if (substitutionDisabled(o.object)) {
      objects.push(o);
      continue;
    }
    const text = stringify2(o.object, { lineWidth: 0 });
    if (!text.includes("${")) {
      objects.push(o);
      continue;
    }
    try {
      const loaded = loadManifests(envsubst(text, vars), `${o.source.file} after substitution`, { yamlVersion: "1.1" });
      if (loaded.errors.length > 0 || loaded.objects.length !== 1) throw new SubstitutionError(loaded.errors[0]?.message ?? "not one object after substitution");
      objects.push({ ...o, object: loaded.objects[0].object });
    } catch (e) {
      errors.push({ kind: "render", message: `${o.source.file}:${o.source.startLine}: post-build substitution of ${appLabel(app)}: ${errorText(e)}`, source: o.source });
    }
  }
  return { objects, errors };
}
async function renderHelmApp(planned, app, r, ctx) {
  let valuesFiles = [...r.valuesFiles];
  let chart = r.chart;
  if (r.remote !== void 0) {
    const fetched = await fetchRemoteChart(app, r.remote, ctx);
    if ("error" in fetched) return { objects: [], errors: [fetched.error] };
    chart = fetched.chart;
    valuesFiles = fetched.valuesFiles;
  }
  if (r.values !== void 0) {
    const file = `${GENERATED_DIR}/${++generated}/values.yaml`;
    await writeGenerated(ctx, file, JSON.stringify(r.values));
    valuesFiles.push(file);
  }
  const root = { ...planned.root, kind: "helm", path: chart, release: r.release, namespace: r.namespace, valuesFiles };
  const result = await renderHelm({ ...planned, root }, ctx);
  if (r.postRender === void 0 || result.objects.length === 0) return result;
  return postRender(planned, app, r.postRender, result, ctx);
}
async function fetchRemoteChart(app, remote, ctx) {
  const at2 = remote.declaredAt;
  const refuse = (why) => ({ error: { kind: "render", message: `${at2.file}:${at2.startLine}: ${appLabel(app)}: chart ${remote.chart} ${remote.version} from ${remote.repoUrl}: ${why}`, source: { ...at2 } } });
  if (ctx.charts === void 0) return refuse(`remote chart repository not allowed: ${remote.repoUrl}`);
  const got = await resolveRemoteChart(
    { repoUrl: remote.repoUrl, chart: remote.chart, version: remote.version, ...remote.digest !== void 0 ? { digest: remote.digest } : {}, declaredAt: at2 },
    { allow: ctx.charts.allow, cacheDir: ctx.charts.cacheDir, ...ctx.charts.signal !== void 0 ? { signal: ctx.charts.signal } : {} }
  );
  if (!got.ok) return refuse(got.reason);
  const chart = `${GENERATED_DIR}/${++generated}/${remote.chart}`;
  await cp2(got.dir, path16.join(ctx.workDir, chart), { recursive: true, errorOnExist: false, verbatimSymlinks: true });
  const valuesFiles = [];
  for (const f of remote.valuesFiles) {
    if (!f.inChart) {
      valuesFiles.push(f.file);
      continue;
    }
    const file = `${chart}/${f.file}`;
    if (!existsSync6(path16.join(ctx.workDir, file))) {
      if (f.optional === true) continue;
      return refuse(`values file '${f.file}' is not in chart ${remote.chart} ${got.version}`);
    }
    valuesFiles.push(file);
  }
  return { chart, valuesFiles };
}
async function postRender(planned, app, post, rendered, ctx) {
  const dir = `${GENERATED_DIR}/${++generated}`;
  await writeGenerated(ctx, `${dir}/rendered.yaml`, rendered.objects.map((o) => JSON.stringify(o.object)).join("\n---\n"));
  await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify({ resources: ["rendered.yaml"], patches: post.patches, images: post.images }));
  const result = await renderKustomize({ ...planned, root: { ...planned.root, kind: "kustomize", path: dir } }, ctx);
  const key = (o) => `${String(o.kind)}/${String(obj(o.metadata).name)}`;
  const sources = new Map(rendered.objects.map((o) => [key(o.object), o.source]));
  return {
    objects: result.objects.map((o) => ({ ...o, source: sources.get(key(o.object)) ?? o.source })),
    errors: [...rendered.errors, ...result.errors]
  };
}
async function renderDirectoryApp(_planned, app, r, ctx) {
  const objects = [];
  const errors = [];
  for (const f of directoryFiles(r, ctx.tree.files)) {
    const body = await ctx.readText(f);
    if (body === void 0) continue;
    const loaded = loadManifests(body, f, { yamlVersion: "1.1" });
    errors.push(...loaded.errors);
    for (const o of loaded.objects) if (typeof o.object.kind === "string" && typeof o.object.apiVersion === "string") objects.push({ ...o, root: app.id });
  }
  return { objects, errors };
}
function directoryFiles(r, files) {
  const globs = (s2) => s2 === void 0 || s2 === "" ? [] : (s2.startsWith("{") && s2.endsWith("}") ? s2.slice(1, -1).split(",") : [s2]).map((g) => globToRegExp(g.trim()));
  const include = globs(r.include);
  const exclude = globs(r.exclude);
  const out = [];
  for (const f of files) {
    if (!isUnder(f, r.path) || f === r.path || !/\.(ya?ml|json)$/i.test(f)) continue;
    if (!r.recurse && dirOf(f) !== r.path) continue;
    const rel = r.path === "" ? f : f.slice(r.path.length + 1);
    const name = path16.posix.basename(f);
    const matches2 = (g) => g.some((re) => re.test(rel) || re.test(name));
    if (include.length > 0 && !matches2(include)) continue;
    if (matches2(exclude)) continue;
    out.push(f);
  }
  return out.sort();
}
var GENERATED_DIR, generated;
var init_render4 = __esm({
  "src/render/gitops/render.ts"() {
    "use strict";
    init_load();
    init_read();
    init_files();
    init_glob2();
    init_render();
    init_remote();
    init_kustomization();
    init_render2();
    init_objects();
    init_paths();
    init_envsubst();
    init_namespaces();
    init_model();
    GENERATED_DIR = ".preadmit-apps";
    generated = 0;
  }
});

// src/render/plan.ts
function rootId(root) {
  if (root.app !== void 0) return root.app.id;
  return root.kind === "helm" ? `helm:${root.path}#${root.release ?? ""}` : `${root.kind}:${root.path}`;
}
async function planRepo(text, files, options) {
  const tree = repoTree(files);
  const errors = [];
  const kustomizations = /* @__PURE__ */ new Map();
  const kustomizationFiles2 = files.filter(isKustomizationFile);
  const kustomizationTexts = await Promise.all(kustomizationFiles2.map(text));
  kustomizationFiles2.forEach((file, i) => {
    const dir = dirOf(file);
    if (!kustomizations.has(dir)) kustomizations.set(dir, parseKustomization(kustomizationTexts[i] ?? "", file));
  });
  const charts = /* @__PURE__ */ new Map();
  const chartFiles = files.filter(isChartFile);
  const requirementsOf2 = (dir) => dir === "" ? "requirements.yaml" : `${dir}/requirements.yaml`;
  const chartTexts = await Promise.all(
    chartFiles.map(async (file) => {
      const req = requirementsOf2(dirOf(file));
      const dir = dirOf(file);
      const lock = [dir === "" ? "Chart.lock" : `${dir}/Chart.lock`, dir === "" ? "requirements.lock" : `${dir}/requirements.lock`].find((f) => tree.files.has(f));
      return [await text(file), tree.files.has(req) ? await text(req) : void 0, lock === void 0 ? void 0 : await text(lock)];
    })
  );
  chartFiles.forEach((file, i) => {
    const [chartYaml, requirements, lock] = chartTexts[i];
    charts.set(dirOf(file), parseChart(dirOf(file), chartYaml ?? "", requirements, lock));
  });
  const chartAllow = chartAllowList(void 0, options.charts?.repositories).allow;
  const excluded = (options.exclude ?? []).map(globToRegExp);
  const changedSet = options.changed !== void 0 ? new Set(changedPaths(options.changed)) : void 0;
  const within2 = (dir) => withinPaths(dir, options.paths);
  const roles = chartRoles(charts, { within: within2, configured: Object.keys(releasesByChart(options)), inflated: inflatedChartDirs(kustomizations, tree) });
  let plainCandidates = /* @__PURE__ */ new Set();
  let roots;
  let apps = [];
  let unsimulated = [];
  let appRoots = [];
  const appParents = /* @__PURE__ */ new Map();
  let appScan;
  if (options.roots !== void 0) {
    roots = options.roots.map((r) => ({ ...r, path: r.path.replace(/^\.\/?/, "").replace(/\/+$/, "") }));
  } else {
    const discovery = { tree, kustomizations, charts, roles, helmReleases: releasesByChart(options), excluded, within: within2 };
    const claimed = { dirs: [], files: /* @__PURE__ */ new Set() };
    for (const r of renderers()) {
      const c = r.claims?.(discovery);
      claimed.dirs.push(...c?.dirs ?? []);
      for (const f of c?.files ?? []) claimed.files.add(f);
    }
    const found = renderers().flatMap((r) => r.discover(discovery, claimed));
    plainCandidates = new Set(found.filter((r) => r.kind === "plain").map((r) => r.path));
    let discoveredRoots = found.sort((a, b) => rootId(a).localeCompare(rootId(b)));
    if (options.gitops?.enabled !== false) {
      const scanCtx = {
        tree,
        kustomizations,
        charts,
        text,
        repoURLs: options.gitops?.repoURLs ?? [],
        manifestFiles: manifestFiles(tree, charts),
        chartAllow,
        ...options.defaultNamespace !== void 0 ? { defaultNamespace: options.defaultNamespace } : {}
      };
      appScan = { ...scanCtx, manifestFiles: scanCtx.manifestFiles.filter(within2) };
      const scanned = /* @__PURE__ */ new Set();
      const deployedBy = /* @__PURE__ */ new Map();
      let pending = [{ ctx: scanCtx, include: (f) => within2(f) && !matchesAny(f, excluded) }];
      while (pending.length > 0) {
        const next = [];
        for (const { ctx, include } of pending) {
          const scan2 = await scanApps(ctx, (f) => !scanned.has(f) && include(f));
          for (const f of ctx.manifestFiles) if (include(f)) scanned.add(f);
          apps.push(...scan2.apps);
          unsimulated.push(...scan2.unsimulated);
          errors.push(...scan2.errors);
          for (const a of scan2.apps) {
            if (a.render.type === "helm") continue;
            const p = await planApp({ kind: "plain", path: a.render.path, app: a }, a, tree, kustomizations, charts, text, chartAllow);
            const deployed = new Set(deployedFiles(p).filter((f) => !matchesAny(f, excluded)));
            deployedBy.set(a.id, deployed);
            if ([...deployed].some((f) => !scanned.has(f))) next.push({ ctx: { ...scanCtx, manifestFiles: [.../* @__PURE__ */ new Set([...deployed, ...scanCtx.manifestFiles.filter(within2)])] }, include: (f) => deployed.has(f) });
          }
        }
        pending = next;
      }
      for (const c of apps) {
        const parents = apps.filter((p) => p.id !== c.id && deployedBy.get(p.id)?.has(c.declared.file) === true).map((p) => p.id);
        if (parents.length > 0) appParents.set(c.id, parents);
      }
      discoveredRoots = discoveredRoots.filter((r) => !apps.some((a) => claims(a, r)));
      plainCandidates = new Set([...plainCandidates].filter((f) => !apps.some((a) => claims(a, { kind: "plain", path: f }))));
      appRoots = apps.map(appRoot);
    }
    const inPaths = discoveredRoots.filter((r) => within2(r.path));
    const kept = new Set((await Promise.all(renderers().map((r) => {
      const ofKind = inPaths.filter((root) => root.kind === r.kind);
      return r.select === void 0 ? ofKind : r.select(ofKind, changedSet, text);
    }))).flat());
    roots = inPaths.filter((r) => kept.has(r));
  }
  roots.push(...appRoots);
  const planned = [];
  for (const root of roots) {
    if (root.app !== void 0) planned.push(await planApp(root, root.app, tree, kustomizations, charts, text, chartAllow));
    else planned.push(await rendererOf(root.kind).plan(root, { tree, kustomizations, charts, text, chartAllow }));
  }
  return { roots: planned, errors, tree, kustomizations, charts, chartRoles: roles, plainCandidates, apps, unsimulated, appParents, ...appScan !== void 0 ? { scan: appScan } : {} };
}
function releasesByChart(options) {
  const out = {};
  for (const [chart, valuesFiles] of Object.entries(options.helmValues ?? {})) {
    const dir = resolveInRepo("", chart) ?? chart;
    out[dir] = [{ release: defaultReleaseName(dir, void 0), valuesFiles }];
  }
  for (const [chart, releases2] of Object.entries(options.helmReleases ?? {})) out[resolveInRepo("", chart) ?? chart] = releases2;
  return out;
}
function withinPaths(file, paths) {
  if (paths === void 0) return true;
  return paths.some((p) => {
    const dir = resolveInRepo("", p);
    return dir !== void 0 && isUnder(file, dir);
  });
}
function claims(app, root) {
  const r = app.render;
  if (r.type === "helm") return r.remote === void 0 && root.kind === "helm" && root.path === r.chart;
  if (r.type === "directory") return root.kind === "plain" && directoryFiles(r, [root.path]).length > 0;
  return isUnder(root.path, r.path);
}
function appRoot(a) {
  return { kind: a.render.type === "helm" ? "helm" : a.render.type === "directory" ? "plain" : "kustomize", path: a.render.type === "helm" ? a.render.chart : a.render.path, app: a };
}
function planFoundApp(plan, app, text) {
  return planApp(appRoot(app), app, plan.tree, plan.kustomizations, plan.charts, text, plan.scan?.chartAllow ?? { entries: [] });
}
function deployedFiles(p) {
  return [...p.appRenders ?? [], ...p.reach?.resources ?? []];
}
async function planApp(root, app, tree, index, charts, text, chartAllow) {
  const r = app.render;
  let planned;
  const below = (dir) => [...tree.files].filter((f) => isUnder(f, dir));
  if (r.type === "helm" && r.remote !== void 0) {
    planned = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set(), materialize: [...r.valuesFiles], problems: [] };
  } else if (r.type === "helm") {
    planned = planHelm({ ...root, kind: "helm", path: r.chart, release: r.release, valuesFiles: r.valuesFiles }, { tree, charts, chartAllow });
    planned.root = root;
  } else if (r.type === "kustomize" && index.has(r.path)) {
    planned = await planKustomize({ ...root, path: r.path }, { tree, kustomizations: index, text });
    planned.root = root;
  } else {
    planned = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([r.path]), materialize: below(r.path), problems: [], appRenders: /* @__PURE__ */ new Set() };
    if (r.type === "directory") {
      for (const f of directoryFiles(r, tree.files)) planned.appRenders.add(f);
    } else {
      for (const dir of index.keys()) {
        if (dir === r.path || !isUnder(dir, r.path)) continue;
        const reach = reachOf(dir, tree, index);
        for (const d of reach.deps) planned.deps.add(d);
        for (const p of reach.prefixes) planned.prefixes.add(p);
        for (const f of reach.resources) planned.appRenders.add(f);
        planned.problems.push(...await reachProblems(reach, text));
        planned.materialize.push(...filesToMaterialize(reach, tree));
      }
      for (const f of below(r.path)) if (isManifestFile(f) && !isKustomizationFile(f)) planned.appRenders.add(f);
    }
  }
  for (const c of r.type === "kustomize" ? r.components ?? [] : []) {
    const reach = reachOf(c, tree, index);
    for (const d of reach.deps) planned.deps.add(d);
    for (const p of reach.prefixes) planned.prefixes.add(p);
    planned.problems.push(...await reachProblems(reach, text));
    planned.materialize.push(...filesToMaterialize(reach, tree));
  }
  for (const d of app.deps) planned.deps.add(d);
  planned.materialize = [...new Set(planned.materialize)];
  return planned;
}
var init_plan2 = __esm({
  "src/render/plan.ts"() {
    "use strict";
    init_read();
    init_glob2();
    init_chart();
    init_renderer();
    init_graph();
    init_kustomization();
    init_renderer2();
    init_paths();
    init_registry();
    init_affected();
    init_discover();
    init_remote();
    init_scan();
    init_render4();
  }
});

// src/render/context.ts
function renderError(planned, message2, source2) {
  return { kind: "render", message: message2, source: { ...source2, renderedBy: rootId(planned.root) } };
}
async function runRenderer(ctx, label, command, args, extra) {
  const r = await runRendererRaw(ctx, label, command, args, extra);
  if ("failure" in r) return r;
  const failure = failureOf(label, r.run, r.limits);
  return failure === void 0 ? { stdout: r.run.stdout } : { failure: repoRelativeMessage(failure, ctx) };
}
async function runRendererRaw(ctx, label, command, args, extra) {
  const left = ctx.budget.deadline - Date.now();
  if (left <= 0) return { failure: `${label} not run: ${budgetSpent(ctx.budget)}` };
  const timeoutMs = Math.min(ctx.timeoutMs, left);
  const limits2 = {
    timeoutMs,
    maxOutputBytes: ctx.maxOutputBytes,
    memoryBytes: ctx.memoryBytes,
    ...timeoutMs < ctx.timeoutMs ? { timeLimit: `ran past the ${BUDGET} (${ctx.budget.ms} ms for the whole check)` } : {}
  };
  const run = await runSandboxed(command, args, {
    ...extra,
    ...limits2,
    jail: ctx.jailed ? { readOnly: [ctx.scratchDir] } : false,
    isolateNetwork: ctx.isolateNetwork,
    scratchDir: ctx.scratchDir,
    ...ctx.budget.signal !== void 0 ? { signal: ctx.budget.signal } : {}
  });
  return { run, limits: limits2 };
}
function budgetSpent(budget) {
  return `the ${BUDGET} (${budget.ms} ms for the whole check) was spent: not rendered, the check fails closed`;
}
function isBudgetFailure(message2) {
  return message2.includes(BUDGET);
}
function repoRelativeMessage(message2, ctx) {
  return message2.split(ctx.workDir + "/").join("").split(ctx.workDir).join(".").split(ctx.scratchDir + "/").join("").split(ctx.scratchDir).join(".");
}
var BUDGET;
var init_context = __esm({
  "src/render/context.ts"() {
    "use strict";
    init_sandbox();
    init_plan2();
    BUDGET = "render time budget";
  }
});

// src/render/gitops/deploy.ts
function keyOf(app, namespace) {
  return `${app.tool}|${app.kind}|${namespace ?? ""}|${app.name}`;
}
function namespaceOf2(o) {
  return str(obj(o.metadata).namespace);
}
async function deployApps(input) {
  const out = { results: [], roots: [], apps: [], unsimulated: [], errors: [], superseded: [] };
  const raw = new Map(input.roots.map((p) => [p.root.app.id, p]));
  const staticParents = (id2) => (input.parents.get(id2) ?? []).filter((x) => x !== id2 && raw.has(x));
  const byKey = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Map();
  const ids = /* @__PURE__ */ new Set();
  const rawNode = (p) => {
    const app = p.root.app;
    const node = { planned: p, app, selected: input.selected(p), depth: 0 };
    taken.set(app.id, node);
    ids.add(app.id);
    const key = keyOf(app, app.namespace);
    if (!byKey.has(key)) byKey.set(key, node);
    return node;
  };
  const ancestors = (n) => n === void 0 ? [] : [n, ...ancestors(n.parent)];
  const transforming = (n) => ancestors(n).some((a) => input.transforms(a.planned));
  const rawMatch = (app) => {
    const same = [...raw.values()].filter((p) => {
      const r = p.root.app;
      return r.tool === app.tool && r.kind === app.kind && r.declared.file === app.declared.file;
    });
    return same.find((p) => p.root.app.name === app.name) ?? same.find((p) => p.root.app.declared.startLine === app.declared.startLine);
  };
  const note = (app, reason) => {
    out.unsimulated.push({ tool: app.tool, kind: app.kind, name: app.name, declared: { ...app.declared }, reason, deps: [app.declared.file] });
  };
  const how = (n) => n.parent !== void 0 ? `as ${appLabel(n.parent.app)} deploys it` : `as ${n.app.declared.file}:${n.app.declared.startLine} declares it`;
  const worthRendering = async (n) => {
    if (n.depth >= MAX_APP_DEPTH) return false;
    if (await input.mayDeploy(n.planned)) return true;
    for (const p of input.roots) {
      if (taken.has(p.root.app.id) || !input.deploysFile(n.planned, p.root.app.declared.file)) continue;
      if (input.selected(p) || await input.mayDeploy(p)) return true;
    }
    return false;
  };
  let derived = 0;
  const parentless = input.roots.filter((p) => staticParents(p.root.app.id).length === 0);
  const templating = (await Promise.all(input.roots.map(async (p) => await input.templates(p) ? p.root.app.id : void 0))).filter((x) => x !== void 0);
  const first = /* @__PURE__ */ new Set();
  for (let queue = [...templating]; queue.length > 0; ) {
    const id2 = queue.shift();
    if (first.has(id2)) continue;
    first.add(id2);
    queue.push(...staticParents(id2));
  }
  let deferred = templating.length === 0 ? [] : parentless.filter((p) => !first.has(p.root.app.id));
  let wave = (templating.length === 0 ? parentless : parentless.filter((p) => first.has(p.root.app.id))).map(rawNode);
  while (true) {
    if (wave.length === 0) {
      wave = deferred.filter((p) => !taken.has(p.root.app.id)).map(rawNode);
      deferred = [];
    }
    if (wave.length === 0) {
      wave = input.roots.filter((p) => !taken.has(p.root.app.id)).map(rawNode);
      if (wave.length === 0) break;
    }
    const render = [];
    for (const n of wave) {
      out.apps.push(n.app);
      if (n.planned.problems.length > 0) {
        if (n.selected) {
          out.roots.push(n.planned);
          out.errors.push(...n.planned.problems.map((e) => ({ ...e, source: { ...e.source ?? { ...n.app.declared }, renderedBy: n.app.id } })));
        }
        continue;
      }
      if (n.selected || await worthRendering(n)) render.push(n);
    }
    const results = await input.render(render.map((n) => n.planned));
    const next = [];
    for (let i = 0; i < render.length; i++) {
      const node = render[i];
      const result = results[i];
      if (node.selected) {
        out.results.push(result);
        out.roots.push(node.planned);
      }
      for (const cr of result.objects) {
        if (!isAppCR(cr.object)) continue;
        const mapped = await input.map(node.planned, result.objects, cr);
        for (const m of mapped) {
          const app = "app" in m ? m.app : m.unsimulated;
          const key = keyOf(app, namespaceOf2(cr.object));
          const match = rawMatch(app);
          const prior = byKey.get(key) ?? (match !== void 0 ? taken.get(match.root.app.id) : void 0);
          if (prior === node) continue;
          if (prior !== void 0) {
            if (match !== void 0 && !taken.has(match.root.app.id)) taken.set(match.root.app.id, prior);
            const cycle = ancestors(node).includes(prior);
            note(app, cycle ? `deployed by ${appLabel(node.app)}, which it deploys itself (a cycle): simulated once, ${how(prior)}` : `also deployed by ${appLabel(node.app)}: simulated once, ${how(prior)} (the tool applies both; the last applied wins)`);
            continue;
          }
          if (node.depth + 1 > MAX_APP_DEPTH || derived >= MAX_DEPLOYED_APPS) {
            note(app, node.depth + 1 > MAX_APP_DEPTH ? `deployed by ${appLabel(node.app)} deeper than ${MAX_APP_DEPTH} levels of app of apps: not followed` : `deployed by ${appLabel(node.app)} after ${MAX_DEPLOYED_APPS} apps taken from rendered output: not followed`);
            if (match !== void 0 && !taken.has(match.root.app.id)) taken.set(match.root.app.id, node);
            continue;
          }
          derived++;
          if (match !== void 0) {
            const r = match.root.app;
            out.superseded.push({ tool: r.tool, kind: r.kind, name: r.name, declared: r.declared });
          }
          if (!("app" in m)) {
            out.unsimulated.push(m.unsimulated);
            if ("error" in m && node.selected) out.errors.push({ ...m.error, source: { ...m.error.source, renderedBy: node.app.id } });
            if (match !== void 0) taken.set(match.root.app.id, node);
            byKey.set(key, node);
            continue;
          }
          const child4 = m.app;
          child4.deployedBy = node.app.id;
          if (match !== void 0) child4.id = match.root.app.id;
          else {
            const id2 = child4.id;
            for (let k = 2; ids.has(child4.id); k++) child4.id = `${id2}.${k}`;
          }
          ids.add(child4.id);
          const planned = await input.plan(child4);
          const selected = input.selected(planned) || match !== void 0 && input.selected(match) || transforming(node);
          const n = { planned, app: child4, selected, parent: node, depth: node.depth + 1 };
          byKey.set(key, n);
          if (match !== void 0) taken.set(match.root.app.id, n);
          next.push(n);
        }
      }
    }
    wave = next;
  }
  return out;
}
var MAX_APP_DEPTH, MAX_DEPLOYED_APPS;
var init_deploy = __esm({
  "src/render/gitops/deploy.ts"() {
    "use strict";
    init_discover();
    init_model();
    MAX_APP_DEPTH = 12;
    MAX_DEPLOYED_APPS = 2e3;
  }
});

// src/render/types.ts
function renderBudget(ms2 = DEFAULT_RENDER_BUDGET_MS, signal) {
  return { ms: ms2, deadline: Date.now() + ms2, ...signal !== void 0 ? { signal } : {} };
}
var DEFAULT_TIMEOUT_MS2, DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MEMORY_BYTES, DEFAULT_RENDER_BUDGET_MS;
var init_types = __esm({
  "src/render/types.ts"() {
    "use strict";
    DEFAULT_TIMEOUT_MS2 = 6e4;
    DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
    DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024;
    DEFAULT_RENDER_BUDGET_MS = 6e4;
  }
});

// src/render/render-ref.ts
import { createHash as createHash6 } from "node:crypto";
import { mkdir as mkdir8, mkdtemp as mkdtemp3, readdir as readdir4, readFile as readFile5, rm as rm4, stat as stat4 } from "node:fs/promises";
import os4 from "node:os";
import path17 from "node:path";
function rendersJailed(options) {
  return options.sandbox !== "unsafe-none" || process.env.NODE_ENV === "production";
}
async function renderRef(source2, ref, options = {}) {
  const budget = options.budget ?? renderBudget(options.budgetMs);
  throwIfAborted(budget.signal);
  const jailed = rendersJailed(options);
  const failClosed = [];
  const sha2 = await source2.resolve(ref);
  const files = await source2.listFiles(sha2);
  const cache3 = /* @__PURE__ */ new Map();
  let materialized = /* @__PURE__ */ new Set();
  let workDir = "";
  const readText = (file) => {
    let text = cache3.get(file);
    if (text === void 0) {
      text = materialized.has(file) ? readFile5(path17.join(workDir, file), "utf8") : source2.readFile(sha2, file).then((b) => b?.toString("utf8"));
      cache3.set(file, text);
    }
    return text;
  };
  const plan = await planRepo(readText, files, options);
  const paths = options.changed !== void 0 ? changedPaths(options.changed) : void 0;
  const isSelected = (p) => paths === void 0 || isAffected(p, paths);
  const appRoots = plan.roots.filter((p) => p.root.app !== void 0);
  const selected = plan.roots.filter((p) => p.root.app === void 0 && isSelected(p));
  const errors = [...plan.errors];
  for (const p of selected) errors.push(...p.problems.map((e) => withRoot(e, p)));
  let runnable = selected.filter((p) => p.problems.length === 0);
  let apps = appRoots;
  const support = jailed && (runnable.some(runsTool) || apps.length > 0) ? await jailSupport() : void 0;
  if (support !== void 0 && !support.ok) {
    failClosed.push(`kustomize and helm roots not rendered: ${support.reason}`);
    for (const p of [...runnable.filter(runsTool), ...apps.filter(isSelected)]) {
      errors.push(notRendered(p, `not rendered: the renderer jail cannot be made (${support.reason}); preadmit never runs kustomize or helm on repository content outside it`));
    }
    runnable = runnable.filter((p) => !runsTool(p));
    apps = [];
  }
  const scratchDir = await mkdtemp3(path17.join(os4.tmpdir(), "preadmit-render-"));
  workDir = path17.join(scratchDir, "repo");
  await mkdir8(workDir, { recursive: true });
  const objects = [];
  const roots = selected.map((p) => p.root);
  let deployed;
  let budgetNoted = false;
  const charts = {
    allow: chartAllowList(void 0, options.charts?.repositories).allow,
    cacheDir: options.charts?.cacheDir ?? defaultCacheDir(),
    ...budget.signal !== void 0 ? { signal: budget.signal } : {}
  };
  const defaultNamespace = options.defaultNamespace ?? DEFAULT_NAMESPACE;
  const settings = JSON.stringify([options.kubeVersion ?? "", options.apiVersions ?? [], charts.allow.entries, defaultNamespace]);
  const renderBatch = async (batch) => {
    const keys = await Promise.all(batch.map((p) => renderKey(p, readText, jailed, settings)));
    const onDisk = await Promise.all(batch.map((_, i) => renderCache.has(keys[i]) ? void 0 : readCachedRender(keys[i])));
    const pending = [];
    const out = batch.map((p, i) => {
      const key = keys[i];
      const disk = onDisk[i];
      if (disk) renderCache.set(key, Promise.resolve(disk));
      const hit = renderCache.get(key);
      countCacheLookup("render", hit !== void 0);
      if (hit) return hit;
      pending.push(p);
      return Promise.resolve({ objects: [], errors: [] });
    });
    const needed = [...new Set(pending.filter((p) => runsTool(p) || p.root.app !== void 0).flatMap((p) => p.materialize))].filter((f) => !materialized.has(f));
    if (needed.length > 0) {
      await source2.materialize(sha2, needed, workDir);
      materialized = /* @__PURE__ */ new Set([...materialized, ...needed]);
    }
    await Promise.all(pending.filter((p) => !runsTool(p) && p.root.app === void 0).map((p) => readText(p.root.path)));
    const ctx = {
      readText,
      tree: plan.tree,
      kustomizations: plan.kustomizations,
      workDir,
      scratchDir,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS2,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      memoryBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
      budget,
      jailed,
      isolateNetwork: options.isolateNetwork ?? true,
      roots: pending,
      concurrency: options.concurrency ?? os4.availableParallelism(),
      charts,
      ...options.kubeVersion !== void 0 ? { kubeVersion: options.kubeVersion } : {},
      ...options.apiVersions !== void 0 ? { apiVersions: options.apiVersions } : {},
      defaultNamespace
    };
    const keyOf2 = new Map(batch.map((p, i) => [p, keys[i]]));
    const fresh = await inPool(pending, ctx.concurrency, async (p) => {
      throwIfAborted(budget.signal);
      if (runsTool(p) && Date.now() >= budget.deadline) {
        if (!budgetNoted) failClosed.push(budgetSpent(budget));
        budgetNoted = true;
        return { objects: [], errors: [notRendered(p, budgetSpent(budget))] };
      }
      const work = (async () => {
        let r;
        try {
          r = await (p.root.app !== void 0 ? renderApp : rendererOf(p.root.kind).render)(p, ctx);
          if (p.root.app === void 0) placeInNamespace(r.objects.map((o) => o.object), defaultNamespace);
        } catch (e) {
          r = { objects: [], errors: [notRendered(p, errorText(e))] };
        }
        if (budget.signal?.aborted) cancelledRenders.add(r);
        return r;
      })();
      if (jailed) remember(keyOf2.get(p), work);
      return work;
    });
    throwIfAborted(budget.signal);
    const freshOf = new Map(pending.map((p, i) => [p, fresh[i]]));
    const results = await Promise.all(out.map((r, i) => freshOf.get(batch[i]) ?? r));
    throwIfAborted(budget.signal);
    const again = batch.filter((_, i) => cancelledRenders.has(results[i]));
    if (again.length === 0) return results;
    const redone = new Map((await renderBatch(again)).map((r, i) => [again[i], r]));
    return results.map((r, i) => redone.get(batch[i]) ?? r);
  };
  try {
    const scan2 = plan.scan;
    const templates = templatingApps(readText);
    const needed = appsWorthDeriving(apps, plan.appParents, isSelected, templates);
    const deploys = /* @__PURE__ */ new WeakMap();
    const [plainResults, appsOut] = await Promise.all([
      renderBatch(runnable),
      apps.length === 0 || scan2 === void 0 ? void 0 : deployApps({
        roots: apps,
        parents: plan.appParents,
        selected: isSelected,
        transforms: (p) => paths === void 0 || paths.includes(p.root.app.declared.file) || paths.some((x) => !isResourceOf(p, x) && isAffected(p, [x])),
        render: renderBatch,
        plan: (app) => planFoundApp(plan, app, readText),
        map: (parent, deployedObjects, cr) => mapObject({ ...scan2, manifestFiles: [.../* @__PURE__ */ new Set([...deployedFiles(parent), ...scan2.manifestFiles])], objects: deployedObjects }, cr),
        mayDeploy: needed,
        templates,
        deploysFile: (p, file) => {
          let files2 = deploys.get(p);
          if (files2 === void 0) deploys.set(p, files2 = new Set(deployedFiles(p)));
          return files2.has(file);
        }
      })
    ]);
    deployed = appsOut;
    const found = (deployed?.apps ?? []).filter((a) => !plan.apps.some((p) => p.id === a.id));
    const claimed = new Set(runnable.filter((p) => found.some((a) => claims(a, p.root))).map((p) => rootId(p.root)));
    const results = [...plainResults.filter((_, i) => !claimed.has(rootId(runnable[i].root))), ...deployed?.results ?? []];
    if (claimed.size > 0) roots.splice(0, roots.length, ...roots.filter((r) => !claimed.has(rootId(r))));
    if (deployed !== void 0) {
      roots.push(...deployed.roots.map((p) => p.root));
      errors.push(...deployed.errors);
    } else {
      roots.push(...appRoots.filter(isSelected).map((p) => p.root));
    }
    if (!budgetNoted && Date.now() >= budget.deadline && results.some((r) => r.errors.some((e) => isBudgetFailure(e.message)))) {
      failClosed.push(budgetSpent(budget));
    }
    for (const r of results) {
      objects.push(...r.objects);
      errors.push(...r.errors);
    }
  } finally {
    await rm4(scratchDir, { recursive: true, force: true });
  }
  const gitops = deployedApps(plan, deployed);
  const secrets = secretValues(objects.map((o) => o.object));
  const redacted = secrets.size === 0 ? errors : errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) }));
  const kept = gitops.superseded.length === 0 ? redacted : redacted.filter((e) => !gitops.superseded.some((d) => e.source?.renderedBy === void 0 && e.source?.file === d.file && e.source.startLine >= d.startLine && e.source.startLine <= d.endLine));
  return { objects: capObjectsPerRef(sortObjects(objects), kept), errors: kept, roots, failClosed, jailed, apps: gitops.apps, unsimulated: gitops.unsimulated };
}
function templatingApps(readText) {
  const templating = /* @__PURE__ */ new Map();
  return (p) => {
    const app = p.root.app;
    if (app.render.type !== "helm") return Promise.resolve(false);
    if (app.render.remote !== void 0) return Promise.resolve(true);
    let t = templating.get(app.id);
    if (t === void 0) {
      t = Promise.all(p.materialize.map(readText)).then((texts) => texts.some((x) => x !== void 0 && MARKERS.some((m) => x.includes(m))));
      templating.set(app.id, t);
    }
    return t;
  };
}
function appsWorthDeriving(roots, parents, isSelected, templates) {
  const children = /* @__PURE__ */ new Map();
  for (const [child4, of] of parents) for (const parent of of) if (parent !== child4) children.set(parent, [...children.get(parent) ?? [], child4]);
  const byId = new Map(roots.map((p) => [p.root.app.id, p]));
  return async (p) => {
    if (await templates(p)) return true;
    const seen = /* @__PURE__ */ new Set([p.root.app.id]);
    const queue = [...children.get(p.root.app.id) ?? []];
    while (queue.length > 0) {
      const id2 = queue.shift();
      if (seen.has(id2)) continue;
      seen.add(id2);
      const d = byId.get(id2);
      if (d !== void 0 && (isSelected(d) || await templates(d))) return true;
      queue.push(...children.get(id2) ?? []);
    }
    return false;
  };
}
function isResourceOf(p, file) {
  if (deployedFiles(p).includes(file)) return true;
  const r = p.root.app.render;
  const generated2 = r.type === "directory" || r.type === "kustomize" && r.generate !== void 0;
  return generated2 && isUnder(file, r.path) && isManifestFile(file) && !isKustomizationFile(file) && !p.deps.has(file);
}
function deployedApps(plan, deployed) {
  if (deployed === void 0) return { apps: plan.apps, unsimulated: plan.unsimulated, superseded: [] };
  const same = (a, b) => a.tool === b.tool && a.kind === b.kind && a.name === b.name && a.declared.file === b.declared.file;
  const replaced = [...deployed.superseded, ...deployed.unsimulated];
  const unsimulated = [...plan.unsimulated.filter((u) => !replaced.some((d) => same(u, d))), ...deployed.unsimulated];
  const apps = [...deployed.apps, ...plan.apps.filter((a) => !deployed.apps.some((d) => d.id === a.id) && !deployed.superseded.some((d) => same(a, d)))];
  return { apps, unsimulated, superseded: deployed.superseded.map((d) => d.declared) };
}
function notRendered(p, why) {
  const at2 = { file: p.root.path || ".", startLine: 1, endLine: 1, renderedBy: rootId(p.root) };
  return { kind: "render", message: `${p.root.path || "."}: ${why}`, source: at2 };
}
function remember(key, result) {
  renderCache.set(key, result);
  void result.then((r) => {
    if (r.errors.length > 0 || cancelledRenders.has(r)) renderCache.delete(key);
    else void writeCachedRender(key, r);
  });
  if (renderCache.size > MAX_CACHED_RENDERS) renderCache.delete(renderCache.keys().next().value);
}
function renderCachePath(key) {
  return path17.join(defaultCacheDir(), "renders", key.slice(0, 2), `${key}.json`);
}
async function readCachedRender(key) {
  try {
    const parsed2 = JSON.parse(await readFile5(renderCachePath(key), "utf8"));
    if (parsed2.format !== RENDER_CACHE_FORMAT || !Array.isArray(parsed2.objects)) return void 0;
    return { objects: parsed2.objects, errors: [] };
  } catch {
    return void 0;
  }
}
async function writeCachedRender(key, r) {
  if (r.objects.some((o) => isSecretLike(o.object))) return;
  try {
    await atomicWrite(renderCachePath(key), JSON.stringify({ format: RENDER_CACHE_FORMAT, objects: r.objects }));
  } catch {
  }
}
async function renderKey(p, readText, jailed, settings) {
  const files = [.../* @__PURE__ */ new Set([...p.materialize, ...p.deps])].sort();
  const texts = await Promise.all(files.map(readText));
  const h = createHash6("sha256").update(RENDER_CACHE_FORMAT).update(jailed ? "jailed" : "UNJAILED").update(settings).update(await codeFingerprint()).update(await toolsFingerprint(p)).update(JSON.stringify(p.root));
  files.forEach((f, i) => h.update(`\0${f}\0${texts[i] === void 0 ? "absent" : texts[i]}`));
  return h.digest("hex");
}
function codeFingerprint() {
  if (true) return Promise.resolve(`build:${"3c8e935fdb1058d272cba8a19750c9620760deae3babb7267b71cbd9314340f8"}`);
  code ??= (async () => {
    const h = createHash6("sha256");
    const files = [path17.join(REPO_ROOT, "src", "gatekeeper", "load.ts")];
    const walk2 = async (dir) => {
      for (const entry of (await readdir4(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1)) {
        const full = path17.join(dir, entry.name);
        if (entry.isDirectory()) await walk2(full);
        else if (entry.name.endsWith(".ts")) files.push(full);
      }
    };
    try {
      await walk2(path17.join(REPO_ROOT, "src", "render"));
      for (const f of files) h.update(f.slice(REPO_ROOT.length)).update("\0").update(await readFile5(f)).update("\0");
      return h.digest("hex");
    } catch {
      return "no-sources";
    }
  })();
  return code;
}
function runsTool(p) {
  return rendererOf(p.root.kind).tools.length > 0;
}
function toolsFingerprint(p) {
  const r = p.root.app?.render;
  const tools = p.root.kind === "helm" && r?.type === "helm" && r.postRender !== void 0 ? ["helm", "kustomize"] : rendererOf(p.root.kind).tools;
  return tools.length === 0 ? Promise.resolve("none") : Promise.all(tools.map(toolFingerprint)).then((f) => f.join("\0"));
}
function toolFingerprint(kind) {
  let f = fingerprints.get(kind);
  if (!f) {
    f = (async () => {
      const tool = findRenderTool(kind);
      if ("error" in tool) return `${kind}:missing`;
      try {
        const st = await stat4(tool.path);
        const batch = kind === "kustomize" ? batchProgram(tool.path) : void 0;
        const bst = batch !== void 0 ? await stat4(batch) : void 0;
        return `${kind}:${tool.path}:${st.size}:${st.mtimeMs}${bst !== void 0 ? `:${batch}:${bst.size}:${bst.mtimeMs}` : ""}`;
      } catch {
        return `${kind}:missing`;
      }
    })();
    fingerprints.set(kind, f);
  }
  return f;
}
function withRoot(e, p) {
  const renderedBy = rootId(p.root);
  return { ...e, source: e.source ? { ...e.source, renderedBy } : { file: p.root.path || ".", startLine: 1, endLine: 1, renderedBy } };
}
async function inPool(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
function sortObjects(objects) {
  return objects.map((o, i) => ({ o, i })).sort(
    (a, b) => a.o.root.localeCompare(b.o.root) || a.o.source.file.localeCompare(b.o.source.file) || a.o.source.startLine - b.o.source.startLine || a.i - b.i
  ).map(({ o }) => o);
}
var cancelledRenders, renderCache, MAX_CACHED_RENDERS, RENDER_CACHE_FORMAT, code, fingerprints;
var init_render_ref = __esm({
  "src/render/render-ref.ts"() {
    "use strict";
    init_load();
    init_abort();
    init_cache_stats();
    init_files();
    init_tools2();
    init_tools();
    init_affected();
    init_context();
    init_remote();
    init_batch();
    init_render4();
    init_deploy();
    init_discover();
    init_read();
    init_kustomization();
    init_paths();
    init_mask();
    init_namespaces();
    init_plan2();
    init_registry();
    init_sandbox();
    init_types();
    cancelledRenders = /* @__PURE__ */ new WeakSet();
    renderCache = /* @__PURE__ */ new Map();
    MAX_CACHED_RENDERS = 5e3;
    RENDER_CACHE_FORMAT = "preadmit-render-3";
    fingerprints = /* @__PURE__ */ new Map();
  }
});

// src/source/links.ts
function linkView(regular, links, isInteresting = () => true) {
  const files = /* @__PURE__ */ new Map();
  for (const f of regular) files.set(f, f);
  if (links.size === 0) return { files, errors: [] };
  const errors = [];
  const regularFiles = [...files.keys()].sort();
  const regularSet = new Set(regularFiles);
  const linkPaths = [...links.keys()].sort();
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const f of [...regularFiles, ...linkPaths]) for (let d = dirOf(f); d !== "" && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  const error = (link, what2) => {
    errors.push({ kind: "load", message: `${link}: symbolic link to '${links.get(link)}' ${what2}`, source: { file: link, startLine: 1, endLine: 1 } });
  };
  const realPath = (p) => {
    let current2 = p;
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      const parts = current2.split("/");
      let replaced = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix2 = parts.slice(0, i).join("/");
        const target = links.get(prefix2);
        if (target === void 0) continue;
        const resolved2 = target === "" || target.includes("\\") ? void 0 : resolveInRepo(dirOf(prefix2), target);
        if (resolved2 === void 0) return { error: `leaves the repository (through ${prefix2}): refused, GitOps tools refuse it too` };
        const rest = parts.slice(i).join("/");
        current2 = resolved2 === "" ? rest : rest === "" ? resolved2 : `${resolved2}/${rest}`;
        replaced = true;
        break;
      }
      if (!replaced) return { path: current2 };
    }
    return { error: `is a loop: more than ${MAX_HOPS} links to follow` };
  };
  const under = (dir, list2) => dir === "" ? list2 : list2.filter((f) => f.startsWith(dir + "/"));
  let budgetExceeded = false;
  const showDir = (visible, real, chain, link) => {
    const join5 = (rel2) => visible === "" ? rel2 : `${visible}/${rel2}`;
    const rel = (f) => real === "" ? f : f.slice(real.length + 1);
    for (const f of under(real, regularFiles)) {
      if (files.size >= MAX_VISIBLE) {
        budgetExceeded = true;
        return;
      }
      files.set(join5(rel(f)), f);
    }
    for (const l of under(real, linkPaths)) showLink(join5(rel(l)), l, chain, link);
  };
  const showLink = (visible, l, chain, outer) => {
    const reported = visible === l ? l : outer;
    const r = realPath(l);
    if ("error" in r) {
      if (visible === l) error(l, r.error);
      return;
    }
    if (regularSet.has(r.path)) {
      files.set(visible, r.path);
      return;
    }
    if (dirs.has(r.path)) {
      if (chain.some((c) => c === r.path) || l === r.path || l.startsWith(r.path === "" ? "" : r.path + "/")) {
        if (visible === l) error(l, "is a loop: it points at a directory that holds it");
        return;
      }
      if (chain.length > 16) {
        error(reported, "nests links to directories too deeply");
        return;
      }
      showDir(visible, r.path, [...chain, r.path], reported);
      return;
    }
    if (visible === l && isInteresting(l)) error(l, `points at '${r.path}', which does not exist`);
  };
  for (const l of linkPaths) showLink(l, l, [], l);
  if (budgetExceeded) {
    errors.push({ kind: "load", message: `symbolic links to directories show more than ${MAX_VISIBLE} files: refused`, source: { file: linkPaths[0], startLine: 1, endLine: 1 } });
  }
  return { files, errors };
}
function changesThroughLinks(changes, base, head) {
  const listed = new Set(changes.flatMap((c) => c.previousPath !== void 0 ? [c.path, c.previousPath] : [c.path]));
  const out = [...changes];
  const seen = /* @__PURE__ */ new Set();
  for (const [visible, real] of [...base.view.files, ...head.view.files]) {
    if (visible === real || listed.has(visible) || seen.has(visible)) continue;
    seen.add(visible);
    const b = base.view.files.get(visible);
    const h = head.view.files.get(visible);
    if (b !== void 0 && h !== void 0 && base.blobOf(b) === head.blobOf(h)) continue;
    out.push({ path: visible, status: b === void 0 ? "added" : h === void 0 ? "deleted" : "modified" });
  }
  return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
var SYMLINK_MODE, MAX_HOPS, MAX_VISIBLE;
var init_links = __esm({
  "src/source/links.ts"() {
    "use strict";
    init_paths();
    SYMLINK_MODE = "120000";
    MAX_HOPS = 40;
    MAX_VISIBLE = 2e5;
  }
});

// src/util/memo.ts
function memoPromise(cache3, key, make2) {
  let p = cache3.get(key);
  if (p === void 0) {
    const made = make2();
    cache3.set(key, made);
    made.catch(() => {
      if (cache3.get(key) === made) cache3.delete(key);
    });
    p = made;
  }
  return p;
}
var init_memo = __esm({
  "src/util/memo.ts"() {
    "use strict";
  }
});

// src/source/git.ts
import { spawn as spawn3 } from "node:child_process";
import { mkdir as mkdir9, writeFile as writeFile5 } from "node:fs/promises";
import path18 from "node:path";
function checkRef(ref) {
  if (ref === "" || ref.startsWith("-") || /[\x00-\x1f\x7f]/.test(ref)) {
    throw new GitError(`invalid ref '${ref.replace(/[\x00-\x1f\x7f]/g, "?")}'`);
  }
}
async function listTree(git, sha2) {
  const r = await runGit(git, ["ls-tree", "-r", "-z", "--full-tree", sha2]);
  if (r.code !== 0) throw new GitError(`git ls-tree failed: ${r.stderr.trim()}`);
  const tree = /* @__PURE__ */ new Map();
  for (const record2 of r.stdout.toString("utf8").split("\0")) {
    if (record2 === "") continue;
    const tab = record2.indexOf("	");
    const [mode, , oid] = record2.slice(0, tab).split(" ");
    if (mode === void 0 || oid === void 0) continue;
    tree.set(record2.slice(tab + 1), { mode, oid });
  }
  return tree;
}
function parseNameStatus(out) {
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (status === "") continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const from = fields[i++] ?? "";
      const to = fields[i++] ?? "";
      changes.push(letter === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "added" });
      continue;
    }
    const file = fields[i++] ?? "";
    if (letter === "A") changes.push({ path: file, status: "added" });
    else if (letter === "D") changes.push({ path: file, status: "deleted" });
    else changes.push({ path: file, status: "modified" });
  }
  return changes;
}
function gitEnv() {
  return { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
}
function runGit(git, args, input) {
  return new Promise((resolve2, reject) => {
    if (git.signal?.aborted) {
      reject(new AbortError(`git ${args[0] ?? ""} not started: cancelled`));
      return;
    }
    const child4 = spawn3("git", ["-C", git.dir, "-c", "core.quotePath=false", ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      ...git.signal !== void 0 ? { signal: git.signal, killSignal: "SIGKILL" } : {},
      env: gitEnv()
    });
    const out = [];
    const err = [];
    child4.stdout.on("data", (b) => out.push(b));
    child4.stderr.on("data", (b) => err.push(b));
    child4.on("error", (e) => reject(isAbort(e) ? new AbortError(`git ${args[0] ?? ""} stopped: cancelled`, { cause: e }) : new GitError(`cannot run git: ${e.message}`)));
    child4.on(
      "close",
      (code2) => git.signal?.aborted ? reject(new AbortError(`git ${args[0] ?? ""} stopped: cancelled`)) : resolve2({ code: code2 ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") })
    );
    child4.stdin.on("error", () => void 0);
    child4.stdin.end(input ?? "");
  });
}
var REGULAR_FILE_MODES, MAX_CACHED_BLOBS_BYTES, MAX_CACHED_BLOB_BYTES, GitError, LocalGitSource, BLOB_READER_IDLE_MS, BlobReader;
var init_git = __esm({
  "src/source/git.ts"() {
    "use strict";
    init_read();
    init_links();
    init_abort();
    init_memo();
    REGULAR_FILE_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
    MAX_CACHED_BLOBS_BYTES = 32 * 1024 * 1024;
    MAX_CACHED_BLOB_BYTES = 1024 * 1024;
    GitError = class extends Error {
      name = "GitError";
    };
    LocalGitSource = class {
      #repoDir;
      #git;
      #trees = /* @__PURE__ */ new Map();
      #views = /* @__PURE__ */ new Map();
      #resolved = /* @__PURE__ */ new Map();
      /**
       * Blobs already read, by object id (content-addressed, so never stale): the base and head of a check, its clusters
       * and the next check of the same repository read mostly the same files. Bounded by bytes, oldest dropped first.
       */
      #blobs = /* @__PURE__ */ new Map();
      #blobBytes = 0;
      #reader;
      /** Blob reads asked for in the same tick share one `git cat-file --batch`. */
      #pending = [];
      /** `signal`: the run's cancellation (the CLI's SIGINT): git processes are killed, reads reject with `AbortError`. */
      constructor(repoDir, options = {}) {
        this.#repoDir = path18.resolve(repoDir);
        this.#git = { dir: this.#repoDir, ...options.signal !== void 0 ? { signal: options.signal } : {} };
        this.#reader = new BlobReader(this.#git);
      }
      resolve(ref) {
        return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
      }
      async #resolveUncached(ref) {
        checkRef(ref);
        const r = await runGit(this.#git, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
        const sha2 = r.stdout.toString("utf8").trim();
        if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha2)) {
          throw new GitError(`${this.#repoDir}: '${ref}' does not name a commit`);
        }
        if (!this.#resolved.has(sha2)) this.#resolved.set(sha2, Promise.resolve(sha2));
        return sha2;
      }
      async listFiles(ref) {
        return [...(await this.#view(ref)).files.keys()].sort();
      }
      async readFile(ref, file) {
        const entry = await this.#entry(ref, file);
        return entry === void 0 ? void 0 : this.#readBlob(entry.oid);
      }
      async linkErrors(ref) {
        return (await this.#view(ref)).errors;
      }
      /** The regular file `file` shows at `ref` (itself, or what the links on its way end at). */
      async #entry(ref, file) {
        const [tree, view] = await Promise.all([this.#tree(ref), this.#view(ref)]);
        const real = view.files.get(file);
        const entry = real === void 0 ? void 0 : tree.get(real);
        return entry !== void 0 && REGULAR_FILE_MODES.has(entry.mode) ? entry : void 0;
      }
      #view(ref) {
        return memoPromise(
          this.#views,
          ref,
          () => this.#tree(ref).then(async (tree) => {
            const regular = [...tree].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)).map(([p]) => p);
            const linkEntries = [...tree].filter(([, e]) => e.mode === SYMLINK_MODE);
            const targets = await this.#reader.read([...new Set(linkEntries.map(([, e]) => e.oid))]);
            const links = new Map(linkEntries.map(([p, e]) => [p, targets.get(e.oid)?.toString("utf8") ?? ""]));
            return linkView(regular, links, isManifestFile);
          })
        );
      }
      #readBlob(oid) {
        const known = this.#blobs.get(oid);
        if (known !== void 0) return Promise.resolve(known);
        return new Promise((resolve2, reject) => {
          if (this.#pending.length === 0) setImmediate(() => this.#flush());
          this.#pending.push({ oid, resolve: resolve2, reject });
        });
      }
      #remember(oid, blob) {
        if (blob.length > MAX_CACHED_BLOB_BYTES || this.#blobs.has(oid)) return;
        this.#blobs.set(oid, blob);
        this.#blobBytes += blob.length;
        for (const [old, b] of this.#blobs) {
          if (this.#blobBytes <= MAX_CACHED_BLOBS_BYTES) break;
          this.#blobs.delete(old);
          this.#blobBytes -= b.length;
        }
      }
      #flush() {
        const batch = this.#pending;
        this.#pending = [];
        this.#reader.read([...new Set(batch.map((p) => p.oid))]).then(
          (blobs) => {
            for (const [oid, blob] of blobs) this.#remember(oid, blob);
            for (const p of batch) p.resolve(blobs.get(p.oid));
          },
          (e) => {
            for (const p of batch) p.reject(e);
          }
        );
      }
      async changedFiles(base, head) {
        const [b, h] = await Promise.all([this.resolve(base), this.resolve(head)]);
        const r = await runGit(this.#git, ["diff-tree", "-r", "-z", "-M", "--name-status", "--no-commit-id", b, h]);
        if (r.code !== 0) throw new GitError(`git diff-tree failed: ${r.stderr.trim()}`);
        return parseNameStatus(r.stdout.toString("utf8"));
      }
      async changesThroughLinks(base, head, changes) {
        const [bt, ht, bv, hv] = await Promise.all([this.#tree(base), this.#tree(head), this.#view(base), this.#view(head)]);
        return changesThroughLinks(changes, { view: bv, blobOf: (p) => bt.get(p)?.oid }, { view: hv, blobOf: (p) => ht.get(p)?.oid });
      }
      async materialize(ref, paths, dir) {
        const wanted = [];
        const names = paths === "all" ? [...(await this.#view(ref)).files.keys()] : paths;
        for (const p of new Set(names)) {
          const e = await this.#entry(ref, p);
          if (e !== void 0) wanted.push([p, e]);
        }
        const blobs = await this.#reader.read([...new Set(wanted.map(([, e]) => e.oid))]);
        const root = path18.resolve(dir);
        const made = /* @__PURE__ */ new Set();
        for (const [p, e] of wanted) {
          const target = path18.resolve(root, ...p.split("/"));
          if (!target.startsWith(root + path18.sep)) throw new GitError(`refusing to write ${p} outside ${root}`);
          const parent = path18.dirname(target);
          if (!made.has(parent)) {
            await mkdir9(parent, { recursive: true });
            made.add(parent);
          }
          await writeFile5(target, blobs.get(e.oid) ?? Buffer.alloc(0), { mode: e.mode === "100755" ? 493 : 420 });
        }
      }
      #tree(ref) {
        return memoPromise(this.#trees, ref, () => this.resolve(ref).then((sha2) => listTree(this.#git, sha2)));
      }
    };
    BLOB_READER_IDLE_MS = 1e3;
    BlobReader = class {
      #git;
      #child;
      /** Reads sent and not yet answered, in the order git answers them. */
      #waiting = [];
      /** Output not yet taken apart. */
      #chunks = [];
      #buffered = 0;
      /** The blob being received: its size (from its header line). */
      #size;
      #stderr = "";
      #idle;
      constructor(git) {
        this.#git = git;
        git.signal?.addEventListener(
          "abort",
          () => {
            const child4 = this.#child;
            this.#child = void 0;
            if (this.#idle) clearTimeout(this.#idle);
            this.#idle = void 0;
            const waiting = this.#waiting;
            this.#waiting = [];
            for (const w of waiting) w.reject(new AbortError("git cat-file stopped: cancelled"));
            child4?.kill("SIGKILL");
          },
          { once: true }
        );
      }
      read(oids) {
        if (oids.length === 0) return Promise.resolve(/* @__PURE__ */ new Map());
        if (this.#git.signal?.aborted) return Promise.reject(new AbortError("git cat-file not started: cancelled"));
        return new Promise((resolve2, reject) => {
          const child4 = this.#process();
          if (this.#idle) clearTimeout(this.#idle);
          this.#idle = void 0;
          if (this.#waiting.length === 0) child4.ref();
          this.#waiting.push({ oids: [...oids], blobs: /* @__PURE__ */ new Map(), resolve: resolve2, reject });
          child4.stdin.write(`${oids.join("\n")}
`);
        });
      }
      #process() {
        if (this.#child) return this.#child;
        const child4 = spawn3("git", ["-C", this.#git.dir, "-c", "core.quotePath=false", "cat-file", "--batch"], {
          stdio: ["pipe", "pipe", "pipe"],
          env: gitEnv()
        });
        this.#child = child4;
        this.#chunks = [];
        this.#buffered = 0;
        this.#size = void 0;
        this.#stderr = "";
        for (const stream of [child4.stdin, child4.stdout, child4.stderr]) stream.unref?.();
        child4.stdout.on("data", (b) => {
          if (this.#child !== child4) return;
          this.#chunks.push(b);
          this.#buffered += b.length;
          this.#take();
        });
        child4.stderr.on("data", (b) => {
          if (this.#stderr.length < 4096) this.#stderr += b.toString("utf8");
        });
        child4.stdin.on("error", () => void 0);
        const fail = (why) => {
          if (this.#child !== child4) return;
          this.#child = void 0;
          if (this.#idle) clearTimeout(this.#idle);
          this.#idle = void 0;
          const waiting = this.#waiting;
          this.#waiting = [];
          for (const w of waiting) w.reject(new GitError(why));
        };
        child4.on("error", (e) => fail(`cannot run git: ${e.message}`));
        child4.on("close", (code2) => fail(`git cat-file failed${code2 !== null && code2 !== 0 ? ` (exit ${code2})` : ""}: ${this.#stderr.trim()}`));
        return child4;
      }
      /** Takes whole answers (a header line, then the blob and a newline) out of the output. */
      #take() {
        for (; ; ) {
          const current2 = this.#waiting[0];
          if (!current2) return;
          if (this.#size === void 0) {
            const all2 = this.#joined();
            const nl = all2.indexOf(10);
            if (nl < 0) return;
            const header = all2.subarray(0, nl).toString("utf8").split(" ");
            this.#rest(all2, nl + 1);
            if (header[1] === "missing" || header.length < 3) {
              this.#answered(current2, void 0);
              continue;
            }
            this.#size = Number(header[2]);
          }
          if (this.#buffered < this.#size + 1) return;
          const all = this.#joined();
          const blob = all.subarray(0, this.#size);
          this.#rest(all, this.#size + 1);
          this.#size = void 0;
          this.#answered(current2, blob);
        }
      }
      #joined() {
        if (this.#chunks.length !== 1) this.#chunks = [Buffer.concat(this.#chunks)];
        return this.#chunks[0];
      }
      #rest(all, from) {
        const rest = all.subarray(from);
        this.#chunks = rest.length > 0 ? [rest] : [];
        this.#buffered = rest.length;
      }
      #answered(current2, blob) {
        const oid = current2.oids.shift();
        if (blob !== void 0) current2.blobs.set(oid, blob);
        if (current2.oids.length > 0) return;
        this.#waiting.shift();
        current2.resolve(current2.blobs);
        if (this.#waiting.length === 0 && this.#child) {
          const child4 = this.#child;
          child4.unref();
          this.#idle = setTimeout(() => {
            if (this.#child !== child4 || this.#waiting.length > 0) return;
            this.#child = void 0;
            child4.stdin.end();
          }, BLOB_READER_IDLE_MS);
          this.#idle.unref();
        }
      }
    };
  }
});

// src/cli/sandbox-flag.ts
async function sandboxMode(unsafe, command, err) {
  if (unsafe) {
    if (process.env.NODE_ENV === "production") {
      err.write(`preadmit ${command}: ${UNSAFE_FLAG} is refused when NODE_ENV=production: renderers always run in the jail there
`);
      return void 0;
    }
    err.write(
      `preadmit ${command}: WARNING: ${UNSAFE_FLAG}: kustomize and helm run without the filesystem jail; a hostile repository can read this machine's files into the output. Use it only on repositories you trust.
`
    );
    return "unsafe-none";
  }
  const support = await jailSupport();
  if (!support.ok) {
    err.write(
      `preadmit ${command}: kustomize and helm roots will NOT be rendered: ${support.reason}. To render them anyway, outside the jail, pass ${UNSAFE_FLAG} (trusted repositories only).
`
    );
  }
  return "jail";
}
var UNSAFE_FLAG, UNSAFE_FLAG_HELP;
var init_sandbox_flag = __esm({
  "src/cli/sandbox-flag.ts"() {
    "use strict";
    init_sandbox();
    UNSAFE_FLAG = "--unsafe-no-sandbox";
    UNSAFE_FLAG_HELP = `  ${UNSAFE_FLAG}  run kustomize and helm WITHOUT the filesystem jail (bubblewrap); only for
                        repositories you trust, never in production (refused when NODE_ENV=production)`;
  }
});

// src/cli/commands/render.ts
var render_exports = {};
__export(render_exports, {
  parseRenderArgs: () => parseRenderArgs,
  runRender: () => runRender
});
import { stringify as stringify3 } from "yaml";
function parseRenderArgs(argv) {
  const args = { repo: ".", ref: "HEAD", output: "yaml", exclude: [], unsafeNoSandbox: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === void 0 || v.startsWith("-")) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--repo") args.repo = value();
    else if (a === "--ref") args.ref = value();
    else if (a === "--base") args.base = value();
    else if (a === "--exclude") args.exclude.push(value());
    else if (a === UNSAFE_FLAG) args.unsafeNoSandbox = true;
    else if (a === "--timeout") {
      const ms2 = Number(value());
      if (!Number.isInteger(ms2) || ms2 <= 0) throw new UsageError("--timeout needs a positive number of milliseconds");
      args.timeoutMs = ms2;
    } else if (a === "-o" || a === "--output") {
      const v = value();
      if (v !== "yaml" && v !== "json") throw new UsageError(`-o must be yaml or json, not ${v}`);
      args.output = v;
    } else if (a === "--changed") {
      args.changed ??= [];
      while (argv[i + 1] !== void 0 && !argv[i + 1].startsWith("-")) args.changed.push(argv[++i].replace(/^\.\//, ""));
    } else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}
async function runRender(argv, out, err, signal) {
  let args;
  try {
    args = parseRenderArgs(argv);
  } catch (e) {
    err.write(`preadmit render: ${errorText(e)}
${USAGE}`);
    return 2;
  }
  if (args === "help") {
    out.write(USAGE);
    return 0;
  }
  const sandbox = await sandboxMode(args.unsafeNoSandbox, "render", err);
  if (sandbox === void 0) return 2;
  const source2 = new LocalGitSource(args.repo, signal !== void 0 ? { signal } : {});
  const options = { exclude: args.exclude, sandbox, ...signal !== void 0 ? { budget: renderBudget(void 0, signal) } : {} };
  if (args.timeoutMs !== void 0) options.timeoutMs = args.timeoutMs;
  let result;
  let commit;
  try {
    commit = await source2.resolve(args.ref);
    const changed = [];
    if (args.base !== void 0) changed.push(...await source2.changedFiles(args.base, commit));
    if (args.changed !== void 0) changed.push(...args.changed.map((p) => ({ path: p, status: "modified" })));
    if (args.base !== void 0 || args.changed !== void 0) options.changed = changed;
    result = await renderRef(source2, commit, options);
  } catch (e) {
    if (signal?.aborted) throw e;
    err.write(`preadmit render: ${errorText(e)}
`);
    return 2;
  }
  const secrets = secretValues(result.objects.map((o) => o.object));
  const shown2 = (o) => redactDeep(structuredClone(maskSecret(o.object)), secrets);
  if (args.output === "json") {
    const doc = {
      ref: args.ref,
      commit,
      roots: result.roots,
      objects: result.objects.map((o) => ({ root: o.root, source: o.source, object: shown2(o) })),
      errors: result.errors
    };
    out.write(JSON.stringify(doc, null, 2) + "\n");
  } else {
    out.write(result.objects.map((o) => yamlDocument(o, shown2(o))).join(""));
  }
  for (const e of result.errors) err.write(`error: ${e.message}${where(e)}
`);
  err.write(`rendered ${result.roots.length} root(s) at ${args.ref} (${commit.slice(0, 12)}): ${result.objects.length} object(s), ${result.errors.length} error(s)
`);
  return result.errors.length > 0 ? 1 : 0;
}
function yamlDocument(o, object) {
  const s2 = o.source;
  const by = s2.renderedBy !== void 0 ? ` (${s2.renderedBy})` : "";
  return `---
# Source: ${oneLine(s2.file)}:${s2.startLine}-${s2.endLine}${by === "" ? "" : oneLine(by)}
${stringify3(object, { lineWidth: 0 })}`;
}
function where(e) {
  if (e.source === void 0) return "";
  const at2 = `${e.source.file}:${e.source.startLine}`;
  return e.message.includes(at2) ? "" : ` (${at2})`;
}
function oneLine(text) {
  return visibleControls(text).replace(/\n/g, "\\n");
}
var USAGE, UsageError;
var init_render5 = __esm({
  "src/cli/commands/render.ts"() {
    "use strict";
    init_load();
    init_mask();
    init_render_ref();
    init_types();
    init_format();
    init_git();
    init_sandbox_flag();
    USAGE = `usage: preadmit render [--repo DIR] [--ref REF] [--changed PATH...] [--base REF] [-o yaml|json]
                      [--exclude GLOB]... [--timeout MS] [${UNSAFE_FLAG}]

Renders the repository at REF (default HEAD) as Gatekeeper would receive it: plain manifests,
kustomize overlays and helm charts, each object with its source file and lines.
  --changed PATH...  render only the roots these repo-relative paths touch
  --base REF         render only the roots touched by the changes from REF to --ref
  -o yaml|json       output format (default yaml)
${UNSAFE_FLAG_HELP}
Secret data is masked in the output. Exit status: 0 rendered, 1 some roots failed, 2 usage error.
`;
    UsageError = class extends Error {
    };
  }
});

// src/config/defaults.ts
function defaultCluster(name = DEFAULT_CLUSTER_NAME) {
  return { name, manifests: ["."], policies: ["."], shippedPolicies: false, inventory: [], helmValues: {}, kubeVersion: void 0, apiVersions: [], defaultNamespace: DEFAULT_NAMESPACE, exclude: [] };
}
function defaultBlocking() {
  return { newDeny: true, newWarn: false, existingViolations: false, errorsAtHead: true, exemptionOutsideAllowList: true, policyRelaxation: true, unsimulated: false };
}
function defaultConfig() {
  return {
    clusters: [defaultCluster()],
    enforcementPoint: DEFAULT_ENFORCEMENT_POINT,
    blocking: defaultBlocking(),
    exemptions: { allowedNamespaces: void 0 },
    expandWorkloads: [...EXPANDABLE_WORKLOADS],
    gitops: { enabled: true, repoURLs: [] },
    chartRepositories: void 0
  };
}
var CONFIG_FILE, DEFAULT_CLUSTER_NAME, DEFAULT_ENFORCEMENT_POINT, EXPANDABLE_WORKLOADS;
var init_defaults = __esm({
  "src/config/defaults.ts"() {
    "use strict";
    init_namespaces();
    CONFIG_FILE = ".github/preadmit.yml";
    DEFAULT_CLUSTER_NAME = "default";
    DEFAULT_ENFORCEMENT_POINT = "validation.gatekeeper.sh";
    EXPANDABLE_WORKLOADS = [
      "Deployment",
      "StatefulSet",
      "DaemonSet",
      "ReplicaSet",
      "Job",
      "CronJob",
      "ReplicationController"
    ];
  }
});

// schema/preadmit.schema.json
var preadmit_schema_default;
var init_preadmit_schema = __esm({
  "schema/preadmit.schema.json"() {
    preadmit_schema_default = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "https://github.com/preadmit/preadmit/schema/preadmit.schema.json",
      title: "preadmit repository configuration (.github/preadmit.yml)",
      description: "Which clusters a repository describes, which policies apply to them, what blocks a pull request, and who may be exempted. Every field is optional; a repository without this file is one cluster made of the whole repository.",
      type: "object",
      additionalProperties: false,
      properties: {
        clusters: {
          description: "The targets this repository deploys to. Default: one cluster named `default` with every manifest and every policy of the repository.",
          type: "array",
          minItems: 1,
          items: {
            $ref: "#/definitions/cluster"
          }
        },
        enforcementPoint: {
          description: "The Gatekeeper enforcement point to simulate; scoped enforcement actions are resolved for it. Default: validation.gatekeeper.sh (the admission webhook).",
          type: "string",
          pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
          "x-pattern-meaning": "an enforcement point name such as validation.gatekeeper.sh"
        },
        blocking: {
          description: "What makes the check fail.",
          type: "object",
          additionalProperties: false,
          properties: {
            newDeny: {
              type: "boolean",
              description: "New violations of constraints whose action is deny. Default: true."
            },
            newWarn: {
              type: "boolean",
              description: "New violations of constraints whose action is warn. Default: false."
            },
            existingViolations: {
              type: "boolean",
              description: "Deny violations that already exist at base and remain at head. Default: false."
            },
            errorsAtHead: {
              type: "boolean",
              description: "Render, load or compile errors at head (fail closed). Default: true."
            },
            exemptionOutsideAllowList: {
              type: "boolean",
              description: "An exemption added for a namespace outside exemptions.allowedNamespaces. Default: true."
            },
            unsimulated: {
              type: "boolean",
              description: "A GitOps app (Flux Kustomization/HelmRelease, Argo CD Application/ApplicationSet) or root that the change touches and preadmit does not simulate (chart from a remote repository, unsupported generator, jsonnet, render error). Default: false (listed in the report's Coverage section, not blocking)."
            },
            policyRelaxation: {
              type: "boolean",
              description: "A change that weakens the policies: a constraint's enforcement action weakened for the enforcement point (deny to warn or dryrun, scoped actions removed), a constraint or ConstraintTemplate removed, a constraint's match narrowed, excludedNamespaces or Config exclusions added (unless every namespace is in exemptions.allowedNamespaces), or a template, parameter or other policy change that lets through a violation the base's policies report on the head's objects. Each is listed with what it lets through. Default: true."
            }
          }
        },
        exemptions: {
          description: "Exemption governance.",
          type: "object",
          additionalProperties: false,
          properties: {
            allowedNamespaces: {
              description: "Namespaces (Gatekeeper wildcards: `kube-*`, `*-system`) that constraints' excludedNamespaces and the Config's exclusions may name. Absent: any exemption is allowed.",
              type: "array",
              uniqueItems: true,
              items: {
                type: "string",
                pattern: "^(\\*|\\*-)?[a-z0-9]([-:a-z0-9]*[a-z0-9])?(\\*|-\\*)?$",
                "x-pattern-meaning": "a namespace name, optionally with a leading or trailing `*` (Gatekeeper's wildcard syntax)"
              }
            }
          }
        },
        chartRepositories: {
          type: "array",
          items: { type: "string", pattern: "^(https?|oci)://" },
          description: "Helm chart repositories (http(s) URLs, oci:// registries, or URL prefixes) whose charts Flux HelmReleases and Argo CD Applications may use. Only narrows the operator's PREADMIT_CHART_REPOSITORIES: an entry the operator does not allow is ignored. Read from the default branch only. Default: the operator's list."
        },
        gitops: {
          description: "GitOps apps: Flux Kustomization/HelmRelease and Argo CD Application/ApplicationSet objects in the repository are rendered as their tools would render them.",
          type: "object",
          additionalProperties: false,
          properties: {
            enabled: { type: "boolean", description: "Discover and render GitOps apps. Default: true." },
            repoURLs: {
              type: "array",
              items: { type: "string" },
              description: "Git URLs that name this repository (Flux GitRepository spec.url, Argo CD repoURL; scheme, user, .git and case ignored). Sources with other URLs are listed as not simulated. Default: [] (every git source is taken as this repository)."
            }
          }
        },
        expandWorkloads: {
          description: "Workload kinds whose pod templates are reviewed as Pods when the repository has no ExpansionTemplate of its own. Default: all of them; [] turns expansion off.",
          type: "array",
          uniqueItems: true,
          items: {
            type: "string",
            enum: [
              "Deployment",
              "StatefulSet",
              "DaemonSet",
              "ReplicaSet",
              "Job",
              "CronJob",
              "ReplicationController"
            ]
          }
        }
      },
      definitions: {
        path: {
          type: "string",
          minLength: 1,
          pattern: "^(?!/)(?![A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$)).+$",
          "x-pattern-meaning": "a repository-relative path with `/` separators that stays inside the repository (no leading `/`, no `..`)"
        },
        cluster: {
          type: "object",
          additionalProperties: false,
          required: [
            "name"
          ],
          properties: {
            name: {
              description: "The cluster's name, as shown in the report.",
              type: "string",
              maxLength: 63,
              pattern: "^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$",
              "x-pattern-meaning": "a lower-case name of letters, digits, `-`, `_` and `.`"
            },
            manifests: {
              description: 'Manifest roots: files or directories (plain YAML, kustomizations, helm charts). Default: ["."].',
              type: "array",
              items: {
                $ref: "#/definitions/path"
              },
              minItems: 1
            },
            policies: {
              description: `Where this cluster's ConstraintTemplates, constraints, Config and ExpansionTemplates live. Default: ["."].`,
              type: "array",
              items: {
                $ref: "#/definitions/path"
              }
            },
            shippedPolicies: {
              description: "Also apply preadmit's own policy library. Default: false.",
              type: "boolean"
            },
            inventory: {
              description: "Files whose objects make up data.inventory (and the cluster's Namespaces) for referential constraints. Default: [].",
              type: "array",
              items: {
                $ref: "#/definitions/path"
              }
            },
            helmValues: {
              description: "Values files per chart directory, applied in order.",
              type: "object",
              propertyNames: {
                $ref: "#/definitions/path"
              },
              additionalProperties: {
                type: "array",
                items: {
                  $ref: "#/definitions/path"
                }
              }
            },
            kubeVersion: {
              description: "The cluster's Kubernetes version, given to every helm render of this cluster (helm releases, Flux and Argo CD helm apps, kustomize helmCharts): what `.Capabilities.KubeVersion` says. Default: helm's own.",
              type: "string",
              maxLength: 64,
              pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?([-+][0-9A-Za-z.+-]+)?$",
              "x-pattern-meaning": "a Kubernetes version such as `1.31`, `v1.31.4` or `1.31.4-gke.100`"
            },
            defaultNamespace: {
              description: "The namespace of this cluster's applies (kubectl's and helm's context namespace): namespaced objects that name no namespace, in plain files, kustomize roots, helm releases without one and Argo CD apps without a destination namespace, are reviewed there, as the API server files them before admission. A Flux Kustomization without spec.targetNamespace is not defaulted (Flux refuses such objects: an error). Default: default.",
              type: "string",
              maxLength: 63,
              pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
              "x-pattern-meaning": "a Kubernetes namespace name (lowercase letters, digits and '-')"
            },
            apiVersions: {
              description: "API versions the cluster serves besides Kubernetes' own and Gatekeeper's (its CRDs), given to every helm render of this cluster: what `.Capabilities.APIVersions.Has` finds. `group/version` or `group/version/Kind`. Default: [].",
              type: "array",
              uniqueItems: true,
              items: {
                type: "string",
                maxLength: 253,
                pattern: "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?v[0-9]+((alpha|beta)[0-9]+)?(/[A-Z][A-Za-z0-9]*)?$",
                "x-pattern-meaning": "an API version such as `monitoring.coreos.com/v1` or `monitoring.coreos.com/v1/ServiceMonitor`"
              }
            },
            exclude: {
              description: "Globs of paths never rendered or reviewed. Default: [].",
              type: "array",
              items: {
                type: "string",
                minLength: 1
              }
            }
          }
        }
      }
    };
  }
});

// src/config/expansion.ts
function defaultExpansionTemplates(kinds) {
  const groups = /* @__PURE__ */ new Map();
  for (const kind of new Set(kinds)) {
    const shape = Object.hasOwn(WORKLOADS, kind) ? WORKLOADS[kind] : void 0;
    if (shape === void 0) continue;
    const key = `${shape.group}\0${shape.version}\0${shape.templateSource}`;
    const entry = groups.get(key) ?? { shape, kinds: [] };
    entry.kinds.push(kind);
    groups.set(key, entry);
  }
  const out = [];
  const ordered2 = [...groups.values()].sort(
    (a, b) => a.shape.templateSource.localeCompare(b.shape.templateSource) || a.shape.group.localeCompare(b.shape.group)
  );
  for (const [i, { shape, kinds: groupKinds }] of ordered2.entries()) {
    const suffix = shape.templateSource === "spec.template" ? shape.group === "" ? "core" : shape.group : `${shape.group}-${groupKinds.join("-").toLowerCase()}`;
    const object = {
      apiVersion: "expansion.gatekeeper.sh/v1beta1",
      kind: "ExpansionTemplate",
      metadata: { name: `preadmit-expand-${suffix}` },
      spec: {
        applyTo: [{ groups: [shape.group], kinds: groupKinds.slice(), versions: [shape.version] }],
        templateSource: shape.templateSource,
        generatedGVK: { group: "", version: "v1", kind: "Pod" }
      }
    };
    out.push({ object, source: { file: DEFAULT_EXPANSION_SOURCE, startLine: i + 1, endLine: i + 1, renderedBy: "preadmit" } });
  }
  return out;
}
var WORKLOADS, DEFAULT_EXPANSION_SOURCE;
var init_expansion = __esm({
  "src/config/expansion.ts"() {
    "use strict";
    WORKLOADS = {
      Deployment: { group: "apps", version: "v1", templateSource: "spec.template" },
      StatefulSet: { group: "apps", version: "v1", templateSource: "spec.template" },
      DaemonSet: { group: "apps", version: "v1", templateSource: "spec.template" },
      ReplicaSet: { group: "apps", version: "v1", templateSource: "spec.template" },
      Job: { group: "batch", version: "v1", templateSource: "spec.template" },
      CronJob: { group: "batch", version: "v1", templateSource: "spec.jobTemplate.spec.template" },
      ReplicationController: { group: "", version: "v1", templateSource: "spec.template" }
    };
    DEFAULT_EXPANSION_SOURCE = "preadmit:default-expansion";
  }
});

// src/config/load.ts
import AjvModule2 from "ajv";
import { isMap as isMap6, isPair, isScalar as isScalar5, isSeq as isSeq4, LineCounter as LineCounter5, parseAllDocuments as parseAllDocuments3 } from "yaml";
function validate(value) {
  if (validator === void 0) {
    const ajv2 = new Ajv2({ allErrors: true, verbose: true, strict: true });
    ajv2.addKeyword({ keyword: "x-pattern-meaning", schemaType: "string" });
    validator = ajv2.compile(preadmit_schema_default);
  }
  return validator(value) ? [] : [...validator.errors ?? []];
}
function loadConfig(text, file) {
  if (text === void 0) return { config: defaultConfig(), errors: [] };
  const loaded = loadManifests(text, file, { yamlVersion: "1.2", maxBytes: MAX_CONFIG_BYTES, maxAliasCount: 20 });
  const errors = loaded.errors.map((e) => ({ ...e, kind: "config" }));
  if (errors.length > 0) return { config: defaultConfig(), errors };
  if (loaded.objects.length === 0) return { config: defaultConfig(), errors };
  const positions = new Positions(text);
  const [first, ...rest] = loaded.objects;
  for (const extra of rest) {
    errors.push(configError(file, extra.source, "the configuration must be a single YAML document; this one is ignored"));
  }
  const value = first?.object ?? {};
  const bad = [];
  for (const problem of describe2(validate(value), value)) {
    bad.push(problem.pointer);
    errors.push(configError(file, positions.locate(problem.pointer, problem.keyOnly, file), `${dotted(problem.pointer)}: ${problem.message}`));
  }
  const config = buildConfig(value, bad, (pointer, message2) => {
    errors.push(configError(file, positions.locate(pointer, false, file), `${dotted(pointer)}: ${message2}`));
  });
  return { config, errors: sortErrors(errors) };
}
function configError(file, source2, message2) {
  return { kind: "config", message: `${file}:${source2.startLine}: ${message2}`, source: source2 };
}
function sortErrors(errors) {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => (a.e.source?.startLine ?? 0) - (b.e.source?.startLine ?? 0) || a.i - b.i).map(({ e }) => e);
}
function describe2(ajvErrors, root) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const namedKeys = new Set(ajvErrors.filter((e) => e.propertyName !== void 0).map((e) => `${e.instancePath}\0${e.propertyName ?? ""}`));
  for (const e of ajvErrors) {
    let problem;
    const params = e.params;
    if (e.keyword === "propertyNames" && namedKeys.has(`${e.instancePath}\0${String(params.propertyName)}`)) continue;
    if (e.propertyName !== void 0) {
      problem = { pointer: child3(e.instancePath, e.propertyName), keyOnly: false, message: `key ${JSON.stringify(e.propertyName)} ${keyRuleMessage(e)}` };
    } else if (e.keyword === "additionalProperties") {
      const key2 = String(params.additionalProperty);
      const known = knownKeys(e.parentSchema);
      const hint = closest(key2, known);
      const list2 = known.length > 0 ? ` (known keys: ${known.join(", ")})` : "";
      problem = { pointer: child3(e.instancePath, key2), keyOnly: false, message: `unknown key ${JSON.stringify(key2)}${hint !== void 0 ? `; did you mean ${JSON.stringify(hint)}?` : list2}` };
    } else if (e.keyword === "required") {
      const key2 = String(params.missingProperty);
      problem = { pointer: child3(e.instancePath, key2), keyOnly: true, message: `required key ${JSON.stringify(key2)} is missing` };
    } else if (e.keyword === "uniqueItems") {
      const j = Number(params.j);
      const item = valueAt2(root, child3(e.instancePath, String(j)));
      problem = { pointer: child3(e.instancePath, String(Math.max(Number(params.i), j))), keyOnly: false, message: `${JSON.stringify(item)} is listed twice` };
    } else {
      problem = { pointer: e.instancePath, keyOnly: false, message: valueRuleMessage(e) };
    }
    const key = `${problem.pointer}\0${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}
function valueRuleMessage(e) {
  const params = e.params;
  const shown2 = JSON.stringify(e.data);
  switch (e.keyword) {
    case "type":
      return `must be ${article(String(params.type))}, not ${jsonType(e.data)}`;
    case "enum":
      return `${shown2} is not one of ${params.allowedValues.map((v) => String(v)).join(", ")}`;
    case "pattern":
      return `${shown2} is not ${patternMeaning(e.parentSchema) ?? `matching ${String(params.pattern)}`}`;
    case "minItems":
      return `must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`;
    case "minLength":
      return "must not be empty";
    case "maxLength":
      return `${shown2} is longer than ${String(params.limit)} characters`;
    default:
      return e.message ?? `fails the schema rule ${e.keyword}`;
  }
}
function keyRuleMessage(e) {
  if (e.keyword === "pattern") return `is not ${patternMeaning(e.parentSchema) ?? `matching ${String(e.params.pattern)}`}`;
  return e.message ?? `fails the schema rule ${e.keyword}`;
}
function patternMeaning(parentSchema) {
  if (typeof parentSchema !== "object" || parentSchema === null) return void 0;
  const meaning = parentSchema["x-pattern-meaning"];
  return typeof meaning === "string" ? meaning : void 0;
}
function knownKeys(parentSchema) {
  if (typeof parentSchema !== "object" || parentSchema === null) return [];
  const props = parentSchema.properties;
  return typeof props === "object" && props !== null ? Object.keys(props) : [];
}
function closest(key, known) {
  const lower = key.toLowerCase().replace(/[-_]/g, "");
  let best;
  for (const name of known) {
    const d = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (d <= 2 && (best === void 0 || d < best.d)) best = { name, d };
  }
  return best?.name;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
function article(type) {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
function jsonType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}\u2026` : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
function segments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s2) => s2.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function child3(pointer, key) {
  return `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
function dotted(pointer) {
  let out = "";
  for (const s2 of segments(pointer)) {
    if (/^\d+$/.test(s2)) out += `[${s2}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s2)) out += out === "" ? s2 : `.${s2}`;
    else out += `[${JSON.stringify(s2)}]`;
  }
  return out === "" ? "(top level)" : out;
}
function valueAt2(root, pointer) {
  let cur = root;
  for (const s2 of segments(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(s2)];
    else if (typeof cur === "object" && cur !== null) cur = Object.hasOwn(cur, s2) ? cur[s2] : void 0;
    else return void 0;
  }
  return cur;
}
function buildConfig(value, badPointers, report) {
  const ok = (pointer) => !badPointers.some((b) => b === pointer || b.startsWith(`${pointer}/`) || pointer.startsWith(`${b}/`));
  const present = (pointer) => valueAt2(value, pointer) !== void 0;
  const use = (pointer) => present(pointer) && ok(pointer);
  const defaults = defaultConfig();
  const strings3 = (pointer, fallback) => use(pointer) ? valueAt2(value, pointer).slice() : fallback;
  let clusters = defaults.clusters;
  const rawClusters = valueAt2(value, "/clusters");
  if (Array.isArray(rawClusters) && rawClusters.length > 0) {
    clusters = [];
    const names = /* @__PURE__ */ new Set();
    rawClusters.forEach((_, i) => {
      const at2 = `/clusters/${i}`;
      const namePointer = `${at2}/name`;
      const name = use(namePointer) ? valueAt2(value, namePointer) : `cluster-${i + 1}`;
      if (names.has(name)) {
        report(namePointer, `cluster ${JSON.stringify(name)} is declared twice; this declaration is ignored`);
        return;
      }
      names.add(name);
      const d = defaultCluster(name);
      const helmPointer = `${at2}/helmValues`;
      const helmValues = {};
      if (use(helmPointer)) {
        for (const [chart, files] of Object.entries(valueAt2(value, helmPointer))) helmValues[chart] = files.slice();
      }
      clusters.push({
        name,
        manifests: strings3(`${at2}/manifests`, d.manifests),
        policies: strings3(`${at2}/policies`, d.policies),
        shippedPolicies: use(`${at2}/shippedPolicies`) ? valueAt2(value, `${at2}/shippedPolicies`) : d.shippedPolicies,
        inventory: strings3(`${at2}/inventory`, d.inventory),
        helmValues,
        kubeVersion: use(`${at2}/kubeVersion`) ? valueAt2(value, `${at2}/kubeVersion`) : d.kubeVersion,
        // A bad entry is dropped, the others stay: a template gated on a listed API is still reviewed.
        apiVersions: Array.isArray(valueAt2(value, `${at2}/apiVersions`)) ? [...new Set(valueAt2(value, `${at2}/apiVersions`).filter((v, j) => typeof v === "string" && ok(`${at2}/apiVersions/${j}`)))] : d.apiVersions,
        defaultNamespace: use(`${at2}/defaultNamespace`) ? valueAt2(value, `${at2}/defaultNamespace`) : d.defaultNamespace,
        exclude: strings3(`${at2}/exclude`, d.exclude)
      });
    });
    if (clusters.length === 0) clusters = defaults.clusters;
  }
  const blocking = defaultBlocking();
  for (const key of Object.keys(blocking)) {
    const pointer = `/blocking/${key}`;
    if (use(pointer)) blocking[key] = valueAt2(value, pointer);
  }
  return {
    clusters,
    enforcementPoint: use("/enforcementPoint") ? valueAt2(value, "/enforcementPoint") : defaults.enforcementPoint,
    blocking,
    exemptions: {
      // A governance list with a bad entry still governs: the bad entries are dropped, never the whole list, so an
      // error cannot silently turn governance off.
      allowedNamespaces: present("/exemptions/allowedNamespaces") && Array.isArray(valueAt2(value, "/exemptions/allowedNamespaces")) ? valueAt2(value, "/exemptions/allowedNamespaces").filter((ns, i) => typeof ns === "string" && ok(`/exemptions/allowedNamespaces/${i}`)).filter((ns, i, all) => all.indexOf(ns) === i) : present("/exemptions/allowedNamespaces") ? [] : void 0
    },
    expandWorkloads: strings3("/expandWorkloads", defaults.expandWorkloads),
    gitops: {
      enabled: use("/gitops/enabled") ? valueAt2(value, "/gitops/enabled") : defaults.gitops.enabled,
      repoURLs: strings3("/gitops/repoURLs", defaults.gitops.repoURLs)
    },
    // Narrows the operator's list: a bad entry is dropped, never the whole list (an error must not widen it).
    chartRepositories: present("/chartRepositories") && Array.isArray(valueAt2(value, "/chartRepositories")) ? valueAt2(value, "/chartRepositories").filter((u, i) => typeof u === "string" && ok(`/chartRepositories/${i}`)) : present("/chartRepositories") ? [] : void 0
  };
}
var MAX_CONFIG_BYTES, Ajv2, validator, Positions;
var init_load2 = __esm({
  "src/config/load.ts"() {
    "use strict";
    init_preadmit_schema();
    init_load();
    init_defaults();
    init_defaults();
    init_expansion();
    MAX_CONFIG_BYTES = 256 * 1024;
    Ajv2 = AjvModule2.default;
    Positions = class {
      lineCounter = new LineCounter5();
      root;
      constructor(text) {
        const docs = parseAllDocuments3(text, { lineCounter: this.lineCounter, version: "1.2", prettyErrors: false });
        const list2 = Array.isArray(docs) ? docs : [];
        this.root = list2[0]?.contents ?? null;
      }
      /**
       * The line of the offending key. For a missing key (`keyOnly`), or a pointer the YAML does not have, the deepest
       * existing ancestor stands in.
       */
      locate(pointer, keyOnly, file) {
        let node = this.root;
        let pair;
        let item;
        const parts = segments(pointer);
        if (keyOnly) parts.pop();
        for (const part of parts) {
          if (isMap6(node)) {
            const found = node.items.find((p) => isPair(p) && String(isScalar5(p.key) ? p.key.value : p.key) === part);
            if (found === void 0) break;
            pair = found;
            item = void 0;
            node = found.value ?? null;
          } else if (isSeq4(node)) {
            const found = node.items[Number(part)];
            if (found === void 0) break;
            item = found;
            pair = void 0;
            node = found;
          } else break;
        }
        const keyNode = pair?.key;
        const startOffset = keyNode?.range?.[0] ?? item?.range?.[0] ?? this.root?.range?.[0] ?? 0;
        const endNode = pair?.value ?? item ?? keyNode;
        const endOffset = endNode?.range?.[1] ?? startOffset;
        const startLine = this.lineCounter.linePos(startOffset).line;
        const endLine = Math.max(startLine, this.lineCounter.linePos(Math.max(startOffset, endOffset - 1)).line);
        return { file, startLine, endLine };
      }
    };
  }
});

// src/report/secrets.ts
function maskedDiff(d) {
  if (!isSecretKind(d.object.group, d.object.kind)) return d.diff;
  return maskSecretValuesInDiff(d.diff);
}
function maskSecretValuesInDiff(diff) {
  const out = [];
  let sectionIndent = -1;
  let blockIndent = -1;
  for (const line of diff.split("\n")) {
    if (/^(---|\+\+\+|@@|Index:|={3,}|\\ No newline)/.test(line) || line === "") {
      out.push(line);
      continue;
    }
    const marker = line[0] === "+" || line[0] === "-" || line[0] === " " ? line[0] : "";
    const body = marker === "" ? line : line.slice(1);
    const indent2 = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (blockIndent >= 0) {
      if (trimmed === "" || indent2 > blockIndent) {
        out.push(trimmed === "" ? line : `${marker}${" ".repeat(indent2)}${SECRET_MASK}`);
        continue;
      }
      blockIndent = -1;
    }
    const section = /^(data|stringData):\s*(.*)$/.exec(trimmed);
    if (section !== null && indent2 === 0) {
      const rest = section[2] ?? "";
      out.push(rest === "" || rest.startsWith("#") ? line : `${marker}${section[1]}: ${SECRET_MASK}`);
      sectionIndent = rest === "" ? 0 : -1;
      continue;
    }
    if (sectionIndent >= 0 && trimmed !== "" && indent2 <= sectionIndent) sectionIndent = -1;
    if (sectionIndent >= 0 && indent2 > sectionIndent) {
      const kv = /^([^:#]+|"[^"]*"|'[^']*'):(\s+(.*))?$/.exec(trimmed);
      if (kv !== null) {
        const value = (kv[3] ?? "").trim();
        if (/^[|>][-+0-9]*$/.test(value)) {
          blockIndent = indent2;
          out.push(line);
        } else if (value === "" || value === SECRET_MASK || value === `"${SECRET_MASK}"` || value === `'${SECRET_MASK}'`) {
          out.push(line);
        } else {
          out.push(`${marker}${" ".repeat(indent2)}${kv[1]}: ${SECRET_MASK}`);
        }
        continue;
      }
      out.push(`${marker}${" ".repeat(indent2)}${SECRET_MASK}`);
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}
var SECRET_MASK;
var init_secrets = __esm({
  "src/report/secrets.ts"() {
    "use strict";
    init_mask();
    SECRET_MASK = MASK;
  }
});

// src/report/json.ts
function ordered(value, order, convert = {}) {
  const src2 = value;
  const out = {};
  const rest = Object.keys(src2).filter((k) => !order.includes(k)).sort();
  for (const key of [...order, ...rest]) {
    const v = src2[key];
    if (v === void 0) continue;
    const c = convert[key];
    out[key] = c !== void 0 ? c(v) : plain(v);
  }
  return out;
}
function plain(v) {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      if (x !== void 0) out[k] = plain(x);
    }
    return out;
  }
  return null;
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byObject(a, b) {
  return cmp2(a.group, b.group) || cmp2(a.kind, b.kind) || cmp2(a.namespace, b.namespace) || cmp2(a.name, b.name) || cmp2(a.version, b.version);
}
function bySource(a, b) {
  return cmp2(a?.file ?? "", b?.file ?? "") || (a?.startLine ?? 0) - (b?.startLine ?? 0);
}
function cluster(c) {
  const findings = capped([...c.findings].sort(compareFindings));
  const diffs = capped([...c.renderedDiffs].sort(byDiff));
  const errors = capped([...c.errors].sort(byError));
  const omitted = { findings: findings.omitted, renderedDiffs: diffs.omitted, errors: errors.omitted };
  const view = { ...c, findings: findings.shown, renderedDiffs: diffs.shown, errors: errors.shown, ...Object.values(omitted).some((n) => n > 0) ? { omitted } : {} };
  return ordered(view, ["name", "stats", "findings", "policyChanges", "promotions", "exemptions", "relaxations", "errors", "duplicates", "coverage", "renderedDiffs", "omitted"], {
    stats: (s2) => ordered(s2, ["objectsBase", "objectsHead", "reviews", "rootsRendered", "durationMs"]),
    findings: (list2) => list2.map(finding),
    policyChanges: (list2) => [...list2].sort((a, b) => cmp2(a.type, b.type) || cmp2(a.name, b.name) || cmp2(a.change, b.change)).map(policyChange),
    promotions: (list2) => [...list2].sort((a, b) => cmp2(a.constraint.kind, b.constraint.kind) || cmp2(a.constraint.name, b.constraint.name)).map(promotion),
    exemptions: (list2) => [...list2].sort((a, b) => cmp2(a.owner, b.owner) || cmp2(a.field, b.field) || cmp2(a.namespace, b.namespace) || cmp2(a.change, b.change)).map(exemption),
    relaxations: (list2) => [...list2].sort((a, b) => cmp2(a.subject, b.subject) || cmp2(a.type, b.type) || cmp2(a.description, b.description)).map(relaxation),
    errors: (list2) => list2.map(simulationError),
    duplicates: (list2) => [...list2].sort((a, b) => cmp2(a.ref, b.ref) || byObject(a.object, b.object)).map(duplicate),
    renderedDiffs: (list2) => list2.map(renderedDiff),
    omitted: (o) => ordered(o, ["findings", "renderedDiffs", "errors"])
  });
}
function renderJson(report) {
  const out = ordered(report, ["schemaVersion", "tool", "base", "head", "enforcementPoint", "verdict", "clusters"], {
    tool: (t) => ordered(t, ["name", "version"]),
    base: (r) => ordered(r, ["ref", "sha"]),
    head: (r) => ordered(r, ["ref", "sha"]),
    verdict: (v) => ordered(v, ["conclusion", "blocking", "counts"], {
      counts: (c) => ordered(c, ["newDeny", "newWarn", "newDryrun", "fixed", "unchanged", "changed", "errors", "newErrors", "exemptionViolations", "policyRelaxations"])
    }),
    clusters: (list2) => list2.map(cluster)
  });
  return `${JSON.stringify(out, null, 2)}
`;
}
var source, objectRef, constraintRef, inputError, finding, objectList, policyChange, promotion, exemption, relaxation, renderedDiff, simulationError, duplicate, byDiff, byError;
var init_json2 = __esm({
  "src/report/json.ts"() {
    "use strict";
    init_format();
    init_secrets();
    source = (s2) => ordered(s2, ["file", "startLine", "endLine", "renderedBy"]);
    objectRef = (o) => ordered(o, ["group", "version", "kind", "namespace", "name"]);
    constraintRef = (c) => ordered(c, ["kind", "name", "source"], { source });
    inputError = (e) => ordered(e, ["kind", "message", "source"], { source, message: cutMessage });
    finding = (f) => ordered(f, ["id", "cluster", "category", "cause", "constraint", "actions", "object", "objectSource", "location", "message", "previousMessage", "previousId", "impliedBy", "operation", "onCreate"], {
      constraint: constraintRef,
      object: objectRef,
      objectSource: source,
      location: source,
      message: cutMessage
    });
    objectList = (list2) => [...list2].sort(byObject).map(objectRef);
    policyChange = (p) => ordered(p, ["type", "name", "change", "source", "actionBefore", "actionAfter", "newlyDenied", "noLongerDenied"], {
      source,
      newlyDenied: objectList,
      noLongerDenied: objectList
    });
    promotion = (p) => ordered(p, ["constraint", "from", "to", "objects"], {
      constraint: constraintRef,
      objects: (list2) => [...list2].sort((a, b) => byObject(a.object, b.object) || cmp2(a.message, b.message)).map((o) => ordered(o, ["object", "message", "source"], { object: objectRef, source, message: cutMessage }))
    });
    exemption = (e) => ordered(e, ["owner", "field", "namespace", "change", "allowed", "source"], { source });
    relaxation = (r) => ordered(r, ["type", "subject", "description", "allowed", "source", "letsThrough"], {
      source,
      letsThrough: (list2) => [...list2].sort((a, b) => cmp2(a.constraint.kind, b.constraint.kind) || cmp2(a.constraint.name, b.constraint.name) || byObject(a.object, b.object) || cmp2(a.message, b.message)).map((t) => ordered(t, ["constraint", "object", "objectSource", "before", "after", "message", "impliedBy"], { constraint: constraintRef, object: objectRef, objectSource: source }))
    });
    renderedDiff = (d) => ordered({ ...d, diff: cutDiff(maskedDiff(d)) }, ["object", "previousName", "change", "root", "source", "diff"], { object: objectRef, source });
    simulationError = (e) => ordered(e, ["ref", "existing", "error"], { error: inputError });
    duplicate = (d) => ordered(d, ["ref", "object", "copies"], { object: objectRef, copies: (list2) => list2.map((x) => ordered(x, ["root", "source"], { source })) });
    byDiff = (a, b) => cmp2(objectLabel(a.object), objectLabel(b.object)) || byObject(a.object, b.object) || cmp2(a.root, b.root) || cmp2(a.change, b.change);
    byError = (a, b) => cmp2(a.ref, b.ref) || bySource(a.error.source, b.error.source) || cmp2(a.error.message, b.error.message);
  }
});

// src/report/escape.ts
function escapeMarkdown(text) {
  return text.replace(LINE_BREAKS, " ").replace(CONTROLS, "\uFFFD").replace(/\t/g, " ").replace(MARKUP, (c) => `\\${c}`).replace(/^ {4,}/, " ").replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2").replace(/@/g, `@${JOINER}`);
}
function escapeHtml(text) {
  return text.replace(LINE_BREAKS, " ").replace(CONTROLS, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/@/g, `@${JOINER}`);
}
function inlineCode(text) {
  return `<code>${escapeMarkdown(text)}</code>`;
}
function fenced(body, info = "") {
  const clean = body.replace(/\r\n/g, "\n").replace(CONTROLS, "\uFFFD").replace(/\r/g, "\uFFFD").replace(/\n+$/, "");
  let longest = 0;
  for (const m of clean.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${escapeInfo(info)}
${clean}
${fence}
`;
}
function escapeInfo(info) {
  return info.replace(/[`\r\n\u2028\u2029]/g, "").replace(CONTROLS, "");
}
var LINE_BREAKS, CONTROLS, MARKUP, JOINER;
var init_escape = __esm({
  "src/report/escape.ts"() {
    "use strict";
    LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
    CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
    MARKUP = /[\\`*_[\]<>#!|~&]/g;
    JOINER = "\u2060";
  }
});

// src/report/markdown.ts
function utf8Bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function cutUtf8(text, maxBytes) {
  if (utf8Bytes(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  let end = Math.max(0, maxBytes);
  while (end > 0 && ((bytes[end] ?? 0) & 192) === 128) end--;
  return bytes.subarray(0, end).toString("utf8");
}
function encodePath(path23) {
  return path23.split("/").map((s2) => encodeURIComponent(s2).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
function keptRowsLength(s2) {
  let prefix2 = rowPrefix.get(s2);
  if (prefix2 === void 0) {
    prefix2 = [0];
    for (const r of s2.rows) prefix2.push((prefix2[prefix2.length - 1] ?? 0) + utf8Bytes(r));
    rowPrefix.set(s2, prefix2);
  }
  return prefix2[s2.kept] ?? 0;
}
function sectionLength(s2) {
  const left = s2.rows.length - s2.kept;
  let n = 0;
  if (s2.kept > 0 || s2.rows.length === 0) n += utf8Bytes(s2.open) + utf8Bytes(s2.close) + keptRowsLength(s2);
  else n += utf8Bytes(s2.collapsed);
  if (left > 0) n += utf8Bytes(s2.note(left));
  return n;
}
function renderSection(s2) {
  const left = s2.rows.length - s2.kept;
  const note = left > 0 ? s2.note(left) : "";
  if (s2.kept > 0 || s2.rows.length === 0) return s2.open + s2.rows.slice(0, s2.kept).join("") + note + s2.close;
  return s2.collapsed + note;
}
function fit(blocks, maxChars) {
  const sections2 = blocks.filter((b) => typeof b !== "string");
  let total = blocks.reduce((n, b) => n + (typeof b === "string" ? utf8Bytes(b) : sectionLength(b)), 0);
  const order = sections2.map((s2, i) => ({ s: s2, i })).sort((a, b) => a.s.priority - b.s.priority || b.i - a.i).map(({ s: s2 }) => s2);
  for (const s2 of order) {
    while (total > maxChars && s2.kept > 0) {
      const before = sectionLength(s2);
      s2.kept--;
      total += sectionLength(s2) - before;
    }
    if (total <= maxChars) break;
  }
  const text = blocks.map((b) => typeof b === "string" ? b : renderSection(b)).join("");
  if (utf8Bytes(text) <= maxChars) return text;
  const note = `

\u2026 the summary was cut at ${maxChars} bytes; see the JSON report for everything.
`;
  const room = Math.max(0, maxChars - utf8Bytes(note));
  const cut2 = cutUtf8(text, room);
  const lastBreak = cut2.lastIndexOf("\n");
  return (lastBreak > cut2.length / 2 ? cut2.slice(0, lastBreak) : cut2) + cutUtf8(note, maxChars);
}
function leftOut(what2) {
  return (n) => `
\u2026 ${n} more ${what2} not shown; see the JSON report.

`;
}
function table(header) {
  return `| ${header.join(" | ")} |
|${header.map(() => " --- |").join("")}
`;
}
function row(cells) {
  return `| ${cells.join(" | ")} |
`;
}
function tableSection(priority, heading, header, rows, what2) {
  return {
    priority,
    open: `${heading}

${table(header)}`,
    rows,
    close: "\n",
    collapsed: `${heading}
`,
    note: leftOut(what2),
    kept: rows.length
  };
}
function message(text) {
  return escapeMarkdown(truncateChars(text, MESSAGE_CELL_CHARS));
}
function actionCell(f) {
  const strongest2 = strongestAction(f.actions);
  const shown2 = f.actions.length > 0 ? f.actions.join(", ") : "dryrun";
  return strongest2 === "deny" ? `**${escapeMarkdown(shown2)}**` : escapeMarkdown(shown2);
}
function findingRow(f, link, withCategory) {
  const side = f.category === "fixed" ? "base" : "head";
  const cells = [
    inlineCode(constraintLabel(f.constraint)),
    actionCell(f),
    escapeMarkdown(objectLabel(f.object)),
    link.source(f.location ?? f.objectSource, side),
    findingMessage(f)
  ];
  if (withCategory) cells.unshift(f.category);
  return row(cells);
}
function findingMessage(f) {
  const was = f.category === "changed" && f.previousMessage !== void 0 ? `<br>was: ${message(f.previousMessage)}` : "";
  const onCreate = f.onCreate ? "<br>_the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created_" : "";
  return `${message(f.message)}${was}${onCreate}`;
}
function policyChangeRow(p, link) {
  const what2 = `${p.change} ${p.type}`;
  const actions = p.actionBefore !== void 0 || p.actionAfter !== void 0 ? ` (${escapeMarkdown(p.actionBefore ?? "\u2014")} \u2192 ${escapeMarkdown(p.actionAfter ?? "\u2014")})` : "";
  const effects = [];
  if (p.newlyDenied.length > 0) effects.push(`**newly rejects ${plural(p.newlyDenied.length, "existing object")}**`);
  if (p.noLongerDenied.length > 0) effects.push(`stops rejecting ${plural(p.noLongerDenied.length, "object")}`);
  const examples = p.newlyDenied.slice(0, 5).map((o) => escapeMarkdown(truncateChars(objectLabel(o), LIST_CHARS / 5)));
  const more = p.newlyDenied.length > examples.length ? `, \u2026 ${p.newlyDenied.length - examples.length} more` : "";
  const effect = effects.length > 0 ? `: ${effects.join(", ")}` : ": no change in what is rejected";
  const list2 = examples.length > 0 ? ` (${examples.join(", ")}${more})` : "";
  return `- ${escapeMarkdown(what2)} ${inlineCode(p.name)}${actions} at ${link.source(p.source, p.change === "removed" ? "base" : "head")}${effect}${list2}
`;
}
function promotionSection(p, link) {
  const heading = `**${inlineCode(constraintLabel(p.constraint))}** moves from ${inlineCode(p.from)} to ${inlineCode(p.to)} (${link.source(p.constraint.source, "head")}): ${plural(p.objects.length, "existing object")} would start being rejected`;
  const rows = p.objects.map((o) => row([escapeMarkdown(objectLabel(o.object)), link.source(o.source, "head"), message(o.message)]));
  return tableSection(PRIORITY.promotions, heading, ["Object", "Source", "Message"], rows, "objects of this promotion");
}
function relaxationBlock(r, link) {
  const side = r.type.endsWith("-removed") ? "base" : "head";
  const note = r.allowed ? " (every namespace is in `exemptions.allowedNamespaces`: not blocking)" : "";
  const heading = `- **${escapeMarkdown(r.description)}**${r.source ? ` (${link.source(r.source, side)})` : ""}: lets through ${plural(r.letsThrough.length, "violation")}${note}`;
  if (r.letsThrough.length === 0) return `${heading}

`;
  const rows = r.letsThrough.map((t) => row([inlineCode(constraintLabel(t.constraint)), escapeMarkdown(`${t.before} \u2192 ${t.after}`), escapeMarkdown(objectLabel(t.object)), link.source(t.objectSource, "head"), message(t.message)]));
  return tableSection(PRIORITY.relaxations, heading, ["Constraint", "Action", "Object", "Source", "Message"], rows, "violations this relaxation lets through");
}
function exemptionRow(e, link) {
  const allowed = e.change === "removed" ? "\u2014" : e.allowed ? "allowed" : "**outside the allow list**";
  return row([e.change, inlineCode(e.namespace), inlineCode(e.owner), inlineCode(e.field), allowed, link.source(e.source, e.change === "removed" ? "base" : "head")]);
}
function errorRow(e, link) {
  return row([e.existing ? `${e.ref} (also at base)` : e.ref, escapeMarkdown(e.error.kind), link.source(e.error.source, e.ref), message(e.error.message)]);
}
function duplicateRow(d, link) {
  const copies = d.copies.map((c) => `${escapeMarkdown(c.root)} at ${link.source(c.source, d.ref)}`).join("<br>");
  return row([d.ref, escapeMarkdown(objectLabel(d.object)), String(d.copies.length), copies]);
}
function diffRow(d) {
  const renamed3 = d.previousName !== void 0 ? `, was ${d.previousName}` : "";
  const summary = escapeHtml(`${d.change} ${objectLabel(d.object)} (${d.root}${renamed3})`);
  const body = cutDiff(maskedDiff(d));
  return `<details><summary>${summary}</summary>

${fenced(body, "diff")}
</details>

`;
}
function clusterBlocks(c, link, multiCluster) {
  const blocks = [];
  const h = multiCluster ? "####" : "###";
  if (multiCluster) {
    blocks.push(`### Cluster ${inlineCode(c.name)}

`);
  }
  const newObject = sortedFindings(c.findings, (f) => f.category === "new" && !isPolicyCaused(f));
  const fixedObject = sortedFindings(c.findings, (f) => f.category === "fixed" && !isPolicyCaused(f));
  const byPolicy = sortedFindings(c.findings, (f) => (f.category === "new" || f.category === "fixed") && isPolicyCaused(f));
  const unchanged = sortedFindings(c.findings, (f) => f.category === "unchanged" || f.category === "changed");
  const reworded = unchanged.filter((f) => f.category === "changed").length;
  if (newObject.length > 0) {
    blocks.push(tableSection(PRIORITY.newFindings, `${h} New findings (${newObject.length})`, FINDING_HEADER, newObject.map((f) => findingRow(f, link, false)), "new findings"));
  }
  if (c.policyChanges.length > 0 || byPolicy.length > 0) {
    const changes = [...c.policyChanges].sort((a, b) => a.type + a.name + a.change < b.type + b.name + b.change ? -1 : 1);
    blocks.push({
      priority: PRIORITY.policyChanges,
      open: `${h} Policy changes (${changes.length})

`,
      rows: changes.map((p) => policyChangeRow(p, link)),
      close: "\n",
      collapsed: `${h} Policy changes (${changes.length})
`,
      note: leftOut("policy changes"),
      kept: changes.length
    });
    if (byPolicy.length > 0) {
      blocks.push(tableSection(PRIORITY.policyFindings, `Findings caused by these policy changes (${byPolicy.length}):`, ["Change", ...FINDING_HEADER], byPolicy.map((f) => findingRow(f, link, true)), "findings caused by policy changes"));
    }
  }
  if (c.relaxations.length > 0) {
    blocks.push(`${h} Policy relaxations (${c.relaxations.length})

`, ...c.relaxations.map((r) => relaxationBlock(r, link)));
  }
  if (c.promotions.length > 0) {
    blocks.push(`${h} Promotions (${c.promotions.length})

`);
    for (const p of c.promotions) blocks.push(promotionSection(p, link));
  }
  if (c.exemptions.length > 0) {
    const rows = [...c.exemptions].sort((a, b) => Number(a.allowed) - Number(b.allowed) || (a.owner + a.namespace + a.change < b.owner + b.namespace + b.change ? -1 : 1)).map((e) => exemptionRow(e, link));
    blocks.push(tableSection(PRIORITY.exemptions, `${h} Exemption changes (${rows.length})`, ["Change", "Namespace", "Owner", "Field", "Governance", "Source"], rows, "exemption changes"));
  }
  if (c.errors.length > 0) {
    const rows = [...c.errors].sort((a, b) => (a.ref === b.ref ? 0 : a.ref === "head" ? -1 : 1) || (a.error.source?.file ?? "").localeCompare(b.error.source?.file ?? "") || (a.error.source?.startLine ?? 0) - (b.error.source?.startLine ?? 0)).map((e) => errorRow(e, link));
    blocks.push(tableSection(PRIORITY.errors, `${h} Errors (${rows.length})`, ["Ref", "Kind", "Location", "Message"], rows, "errors"));
  }
  const duplicates = c.duplicates ?? [];
  if (duplicates.length > 0) {
    const heading = `${h} Objects rendered more than once (${duplicates.length}): each copy is reviewed and reported on its own`;
    blocks.push(tableSection(PRIORITY.errors, heading, ["Ref", "Object", "Copies", "Where"], duplicates.map((d) => duplicateRow(d, link)), "duplicate objects"));
  }
  if (c.coverage !== void 0) blocks.push(...coverageBlocks(c.coverage, link));
  if (fixedObject.length > 0) {
    blocks.push(tableSection(PRIORITY.fixed, `${h} Fixed (${fixedObject.length})`, FINDING_HEADER, fixedObject.map((f) => findingRow(f, link, false)), "fixed findings"));
  }
  if (unchanged.length > 0) {
    const summary = `<details><summary>Unchanged violations (${unchanged.length}${reworded > 0 ? `, ${reworded} with a changed message` : ""})</summary>

`;
    blocks.push({
      priority: PRIORITY.unchanged,
      open: `${summary}${table(FINDING_HEADER)}`,
      rows: unchanged.map((f) => findingRow(f, link, false)),
      close: "\n</details>\n\n",
      collapsed: `Unchanged violations: ${unchanged.length}.
`,
      note: leftOut("unchanged violations"),
      kept: unchanged.length
    });
  }
  if (c.renderedDiffs.length > 0) {
    const diffs = [...c.renderedDiffs].sort((a, b) => objectLabel(a.object) + a.root < objectLabel(b.object) + b.root ? -1 : 1);
    blocks.push({
      priority: PRIORITY.renderedDiffs,
      open: `<details><summary>Rendered changes (${plural(diffs.length, "object")})</summary>

`,
      rows: diffs.map(diffRow),
      close: "</details>\n\n",
      collapsed: `Rendered changes: ${plural(diffs.length, "object")}.
`,
      note: leftOut("rendered diffs"),
      kept: diffs.length
    });
  }
  const s2 = c.stats;
  blocks.push(`<sub>${escapeMarkdown(`${plural(s2.objectsBase, "object")} at base, ${s2.objectsHead} at head, ${plural(s2.reviews, "review")}, ${plural(s2.rootsRendered, "root")} rendered`)}</sub>

`);
  return blocks;
}
function renderMarkdown(report, options = {}) {
  const maxChars = options.maxChars ?? GITHUB_SUMMARY_LIMIT;
  const link = new Linker(options.repoUrl, options.headSha ?? report.head.sha, report.base.sha);
  const v = report.verdict;
  const blocks = [];
  blocks.push(`## ${v.conclusion === "success" ? "\u2705" : "\u274C"} ${verdictLine(v)}

`);
  if (v.blocking.length > 0) {
    blocks.push(v.blocking.map((b) => `- ${escapeMarkdown(truncateChars(b, LIST_CHARS))}
`).join("") + "\n");
  }
  blocks.push(
    `${escapeMarkdown(report.base.ref)} (${inlineCode(shortSha(report.base.sha))}) \u2192 ${escapeMarkdown(report.head.ref)} (${inlineCode(shortSha(report.head.sha))}), enforcement point ${inlineCode(report.enforcementPoint)}, ${plural(report.clusters.length, "cluster")}

`
  );
  const multi = report.clusters.length > 1;
  for (const c of report.clusters) blocks.push(...clusterBlocks(c, link, multi));
  return {
    title: truncateChars(outcomeTitle(report), TITLE_LIMIT),
    summary: fit(blocks, maxChars)
  };
}
function coverageBlocks(cov, link) {
  const counts2 = (m) => Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${n} ${k}`);
  const roots = counts2(cov.simulated.roots);
  const apps = counts2(cov.simulated.apps).map((s2) => s2.replace(/ flux$/, " Flux app(s)").replace(/ argocd$/, " Argo CD app(s)"));
  const simulated = [...roots.map((r) => `${r} root(s)`), ...apps];
  const line = `**Coverage**: simulated at head: ${simulated.length > 0 ? simulated.join(", ") : "nothing the change touches"}. ` + (cov.notSimulated.length === 0 ? "Everything found was simulated.\n\n" : `Not simulated: ${cov.notSimulated.length}.

`);
  if (cov.notSimulated.length === 0) return [line];
  const rows = [...cov.notSimulated].sort((a, b) => Number(b.changed) - Number(a.changed) || a.what.localeCompare(b.what)).map((n) => row([escapeMarkdown(n.what), n.source ? link.source(n.source, "head") : "", n.changed ? "yes" : "no", message(n.reason)]));
  return [line, tableSection(PRIORITY.errors, `Not simulated (${rows.length}):`, ["App, root or mutator", "Declared at", "Touched by the change", "Reason"], rows, "unsimulated apps")];
}
var GITHUB_SUMMARY_LIMIT, TITLE_LIMIT, MESSAGE_CELL_CHARS, LIST_CHARS, Linker, PRIORITY, rowPrefix, FINDING_HEADER;
var init_markdown = __esm({
  "src/report/markdown.ts"() {
    "use strict";
    init_format();
    init_escape();
    init_secrets();
    init_escape();
    GITHUB_SUMMARY_LIMIT = 65535;
    TITLE_LIMIT = 1e3;
    MESSAGE_CELL_CHARS = 1e3;
    LIST_CHARS = 2e3;
    Linker = class {
      constructor(repoUrl, headSha, baseSha) {
        this.repoUrl = repoUrl;
        this.headSha = headSha;
        this.baseSha = baseSha;
      }
      repoUrl;
      headSha;
      baseSha;
      /** `path:line` as text, or as a link to the file at the commit of the side it was read from. */
      source(s2, side) {
        if (s2 === void 0) return "\u2014";
        const label = escapeMarkdown(locationLabel(s2));
        const sha2 = s2.commit ?? (side === "head" ? this.headSha : this.baseSha);
        if (this.repoUrl === void 0 || sha2 === "" || !isRepositoryPath(s2.file) || !/^[0-9A-Za-z._/-]+$/.test(sha2)) return label;
        const lines = s2.endLine > s2.startLine ? `#L${s2.startLine}-L${s2.endLine}` : `#L${s2.startLine}`;
        return `[${label}](${this.repoUrl.replace(/\/+$/, "")}/blob/${encodeURIComponent(sha2)}/${encodePath(s2.file)}${lines})`;
      }
    };
    PRIORITY = {
      renderedDiffs: 0,
      unchanged: 1,
      fixed: 2,
      policyFindings: 3,
      promotions: 4,
      exemptions: 5,
      errors: 6,
      policyChanges: 7,
      relaxations: 7.5,
      newFindings: 8
    };
    rowPrefix = /* @__PURE__ */ new WeakMap();
    FINDING_HEADER = ["Constraint", "Action", "Object", "Source", "Message"];
  }
});

// src/report/sarif.ts
function location(source2, logicalName) {
  const loc = {};
  if (source2 !== void 0 && isRepositoryPath(source2.file)) {
    const startLine = Math.max(1, Math.floor(source2.startLine));
    loc.physicalLocation = {
      artifactLocation: { uri: source2.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" },
      region: { startLine, endLine: Math.max(startLine, Math.floor(source2.endLine)) }
    };
  }
  if (logicalName !== void 0) loc.logicalLocations = [{ name: logicalName, kind: "object" }];
  return loc.physicalLocation !== void 0 || loc.logicalLocations !== void 0 ? [loc] : [];
}
function renderSarif(report, options = {}) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const rule = (id2, make2) => {
    const known = ruleIndex.get(id2);
    if (known !== void 0) return known;
    rules.push(make2());
    ruleIndex.set(id2, rules.length - 1);
    return rules.length - 1;
  };
  const present = report.clusters.flatMap((c) => c.findings.filter((f) => f.category !== "fixed")).sort(compareFindings);
  for (const kind of [...new Set(present.map((f) => f.constraint.kind))].sort()) {
    rule(kind, () => ({
      id: kind,
      name: kind,
      shortDescription: { text: `Gatekeeper constraint kind ${kind}` },
      fullDescription: { text: `Violations of constraints of the ConstraintTemplate kind ${kind}, as the admission webhook would report them.` },
      defaultConfiguration: { level: "error" }
    }));
  }
  const listed = capped(present);
  const results = [];
  for (const f of listed.shown) {
    const index = ruleIndex.get(f.constraint.kind) ?? 0;
    const action = strongestAction(f.actions);
    results.push({
      ruleId: f.constraint.kind,
      ruleIndex: index,
      level: LEVEL[action],
      kind: "fail",
      message: { text: visibleControls(`${constraintLabel(f.constraint)} (${f.actions.join(", ") || "dryrun"}) on ${objectLabel(f.object)}: ${cutMessage(f.message)}`) },
      locations: location(f.location ?? f.objectSource, `${f.cluster}/${objectLabel(f.object)}`),
      partialFingerprints: { [FINGERPRINT_KEY]: f.id },
      // A changed finding is the base's violation reworded: `updated`, with the base's message and fingerprint.
      baselineState: f.category === "new" ? "new" : f.category === "changed" ? "updated" : "unchanged",
      properties: {
        cluster: f.cluster,
        constraint: constraintLabel(f.constraint),
        actions: f.actions,
        object: { ...f.object },
        cause: f.cause,
        operation: f.operation,
        ...f.previousMessage !== void 0 ? { previousMessage: visibleControls(f.previousMessage) } : {},
        ...f.previousId !== void 0 ? { previousFingerprint: f.previousId } : {},
        ...f.onCreate ? { onCreate: true } : {}
      }
    });
  }
  for (const cluster2 of report.clusters) {
    for (const e of cluster2.exemptions) {
      if (e.change !== "added" || e.allowed) continue;
      const index = rule(EXEMPTION_RULE, () => ({
        id: EXEMPTION_RULE,
        name: "ExemptionOutsideAllowList",
        shortDescription: { text: "An exemption names a namespace outside the repository's allow list" },
        defaultConfiguration: { level: "error" }
      }));
      results.push({
        ruleId: EXEMPTION_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(`${e.owner} exempts namespace "${e.namespace}" (${e.field}), which exemptions.allowedNamespaces does not allow`) },
        locations: location(e.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|exemption|${e.owner}|${e.field}|${e.namespace}` },
        baselineState: "new",
        properties: { cluster: cluster2.name }
      });
    }
    for (const r of cluster2.relaxations) {
      if (r.allowed) continue;
      const index = rule(RELAXATION_RULE, () => ({
        id: RELAXATION_RULE,
        name: "PolicyRelaxation",
        shortDescription: { text: "The change weakens the policies: enforcement, constraints, templates, match or exemptions" },
        defaultConfiguration: { level: "error" }
      }));
      const examples = r.letsThrough.slice(0, 5).map((t) => `${objectLabel(t.object)} (${constraintLabel(t.constraint)} ${t.before} -> ${t.after})`);
      const more = r.letsThrough.length > examples.length ? `, \u2026 ${r.letsThrough.length - examples.length} more` : "";
      results.push({
        ruleId: RELAXATION_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(`Policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation(s)${examples.length > 0 ? `: ${examples.join(", ")}${more}` : ""}`) },
        locations: location(r.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|relaxation|${r.type}|${r.subject}` },
        baselineState: "new",
        properties: { cluster: cluster2.name, relaxation: r.type, subject: r.subject, letsThrough: r.letsThrough.length }
      });
    }
    for (const e of cluster2.errors) {
      if (e.ref !== "head") continue;
      const index = rule(ERROR_RULE, () => ({
        id: ERROR_RULE,
        name: "InputError",
        shortDescription: { text: "A manifest, template or chart that could not be loaded, rendered or compiled" },
        defaultConfiguration: { level: "error" }
      }));
      const s2 = e.error.source;
      results.push({
        ruleId: ERROR_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(cutMessage(e.error.message)) },
        locations: location(s2),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|error|${e.error.kind}|${s2?.file ?? ""}|${cutMessage(e.error.message)}` },
        baselineState: e.existing ? "unchanged" : "new",
        properties: { cluster: cluster2.name, errorKind: e.error.kind, ...e.existing ? { existing: true } : {} }
      });
    }
  }
  const notifications = [];
  for (const cluster2 of report.clusters) {
    const cov = cluster2.coverage;
    if (cov === void 0) continue;
    const counts2 = [
      ...Object.entries(cov.simulated.roots).map(([kind, n]) => `${n} ${kind} root(s)`),
      ...Object.entries(cov.simulated.apps).map(([tool, n]) => `${n} ${tool === "flux" ? "Flux" : tool === "argocd" ? "Argo CD" : tool} app(s)`)
    ];
    notifications.push({
      level: "note",
      message: { text: visibleControls(`Cluster ${cluster2.name}: simulated ${counts2.length > 0 ? counts2.join(", ") : "nothing"}; not simulated: ${cov.notSimulated.length}`) },
      descriptor: notification(COVERAGE),
      properties: { cluster: cluster2.name, simulated: cov.simulated, notSimulated: cov.notSimulated.length }
    });
    for (const n of cov.notSimulated) {
      const text = visibleControls(`Cluster ${cluster2.name}: not simulated: ${n.what}: ${cutMessage(n.reason)}`);
      const locations = location(n.source, `${cluster2.name}/${n.what}`);
      notifications.push({ level: "note", message: { text }, locations, descriptor: notification(NOT_SIMULATED), properties: { cluster: cluster2.name, what: n.what, changed: n.changed } });
      if (!n.changed) continue;
      const index = rule(NOT_SIMULATED, () => ({ ...NOTIFICATIONS.find((d) => d.id === NOT_SIMULATED) }));
      results.push({
        ruleId: NOT_SIMULATED,
        ruleIndex: index,
        level: "note",
        kind: "fail",
        message: { text },
        locations,
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|not-simulated|${n.what}|${n.source?.file ?? ""}` },
        baselineState: "new",
        properties: { cluster: cluster2.name, what: n.what, changed: true }
      });
    }
  }
  if (listed.omitted > 0) {
    notifications.push({ level: "note", message: { text: `${listed.omitted} more findings left out (at most ${listed.shown.length} are listed); see the JSON report.` }, descriptor: notification(OMITTED) });
  }
  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        .../^\d+\.\d+\.\d+/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {},
        rules,
        ...notifications.length > 0 ? { notifications: NOTIFICATIONS.map((n) => ({ ...n })) } : {}
      }
    },
    automationDetails: { id: `preadmit/${report.enforcementPoint}/` },
    invocations: [notifications.length > 0 ? { executionSuccessful: true, toolExecutionNotifications: notifications } : { executionSuccessful: true }],
    results,
    ...listed.omitted > 0 ? { properties: { omittedFindings: listed.omitted } } : {}
  };
  if (options.repositoryUri !== void 0) {
    run.versionControlProvenance = [{ repositoryUri: options.repositoryUri, revisionId: report.head.sha, branch: report.head.ref }];
  }
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run] };
}
var SARIF_SCHEMA, SARIF_VERSION, FINGERPRINT_KEY, ERROR_RULE, EXEMPTION_RULE, RELAXATION_RULE, NOT_SIMULATED, COVERAGE, OMITTED, NOTIFICATIONS, notification, LEVEL;
var init_sarif = __esm({
  "src/report/sarif.ts"() {
    "use strict";
    init_format();
    SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    SARIF_VERSION = "2.1.0";
    FINGERPRINT_KEY = "preadmitFindingId/v1";
    ERROR_RULE = "preadmit/input-error";
    EXEMPTION_RULE = "preadmit/exemption-outside-allow-list";
    RELAXATION_RULE = "preadmit/policy-relaxation";
    NOT_SIMULATED = "preadmit/not-simulated";
    COVERAGE = "preadmit/coverage";
    OMITTED = "preadmit/omitted-findings";
    NOTIFICATIONS = [
      { id: COVERAGE, name: "Coverage", shortDescription: { text: "What was simulated in a cluster: roots per renderer, GitOps apps per tool" }, defaultConfiguration: { level: "note" } },
      {
        id: NOT_SIMULATED,
        name: "NotSimulated",
        shortDescription: { text: "An app, root or chart that was not simulated, with the reason: its objects were not reviewed" },
        defaultConfiguration: { level: "note" }
      },
      { id: OMITTED, name: "OmittedFindings", shortDescription: { text: "Findings left out of the log (see the JSON report)" }, defaultConfiguration: { level: "note" } }
    ];
    notification = (id2) => ({ id: id2, index: NOTIFICATIONS.findIndex((n) => n.id === id2) });
    LEVEL = { deny: "error", warn: "warning", dryrun: "note" };
  }
});

// src/report/text.ts
function renderText(report, options) {
  const paint = (style, s2) => options.color ? `\x1B[${CODES[style][0]}m${s2}\x1B[${CODES[style][1]}m` : s2;
  const safe = (s2) => visibleControls(s2).replace(/\n/g, " ");
  const actionStyle = { deny: "red", warn: "yellow", dryrun: "cyan" };
  const where2 = (s2) => s2 === void 0 ? "" : `  ${paint("dim", safe(locationLabel(s2)))}`;
  const lines = [];
  const v = report.verdict;
  const pass = v.conclusion === "success";
  lines.push(`${paint(pass ? "green" : "red", paint("bold", pass ? "\u2714 PASS" : "\u2716 FAIL"))}  ${outcomeTitle(report)}`);
  lines.push(
    paint("dim", `  ${safe(report.base.ref)} (${safe(shortSha(report.base.sha))}) \u2192 ${safe(report.head.ref)} (${safe(shortSha(report.head.sha))}), ${safe(report.enforcementPoint)}`)
  );
  for (const b of v.blocking) lines.push(`  ${paint("red", "\u2022")} ${safe(b)}`);
  const findingLines = (f, indent2) => {
    const action = strongestAction(f.actions);
    const mark = f.category === "fixed" ? paint("green", "fixed ") : paint(actionStyle[action], action.padEnd(6));
    lines.push(`${indent2}${mark} ${paint("bold", safe(constraintLabel(f.constraint)))}  ${safe(objectLabel(f.object))}${where2(f.location ?? f.objectSource)}`);
    lines.push(`${indent2}       ${safe(cutMessage(f.message))}`);
    if (f.category === "changed" && f.previousMessage !== void 0) lines.push(`${indent2}       ${paint("dim", `was: ${safe(f.previousMessage)}`)}`);
    if (f.onCreate) lines.push(`${indent2}       ${paint("dim", "the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created")}`);
  };
  const each = (list2, indent2, what2, show) => {
    const { shown: shown2, omitted } = capped(list2);
    for (const x of shown2) show(x);
    if (omitted > 0) lines.push(`${indent2}${paint("dim", `\u2026 ${omitted} more ${what2} left out; see -o json`)}`);
  };
  const multi = report.clusters.length > 1;
  for (const c of report.clusters) clusterText(c);
  function clusterText(c) {
    const indent2 = multi ? "    " : "  ";
    if (multi) lines.push("", paint("bold", `cluster ${safe(c.name)}`));
    const heading = (title) => {
      lines.push(`${multi ? "  " : ""}${paint("bold", title)}`);
    };
    const newObject = sortedFindings(c.findings, (f) => f.category === "new" && !isPolicyCaused(f));
    const fixed2 = sortedFindings(c.findings, (f) => f.category === "fixed" && !isPolicyCaused(f));
    const byPolicy = sortedFindings(c.findings, (f) => (f.category === "new" || f.category === "fixed") && isPolicyCaused(f));
    const changed = sortedFindings(c.findings, (f) => f.category === "changed");
    const unchanged = c.findings.filter((f) => f.category === "unchanged").length + changed.length;
    if (newObject.length > 0) {
      lines.push("");
      heading(`new (${newObject.length})`);
      each(newObject, indent2, "new findings", (f) => findingLines(f, indent2));
    }
    if (c.policyChanges.length > 0 || byPolicy.length > 0) {
      lines.push("");
      heading(`policy changes (${c.policyChanges.length})`);
      for (const p of c.policyChanges) {
        const actions = p.actionBefore !== void 0 || p.actionAfter !== void 0 ? ` (${safe(p.actionBefore ?? "\u2014")} \u2192 ${safe(p.actionAfter ?? "\u2014")})` : "";
        const effect = [
          p.newlyDenied.length > 0 ? paint("red", `newly rejects ${plural(p.newlyDenied.length, "existing object")}`) : "",
          p.noLongerDenied.length > 0 ? paint("green", `stops rejecting ${plural(p.noLongerDenied.length, "object")}`) : ""
        ].filter((s3) => s3 !== "");
        lines.push(`${indent2}${p.change} ${p.type} ${paint("bold", safe(p.name))}${actions}${effect.length > 0 ? `: ${effect.join(", ")}` : ""}${where2(p.source)}`);
      }
      each(byPolicy, `${indent2}  `, "findings caused by policy changes", (f) => findingLines(f, `${indent2}  `));
    }
    if (c.relaxations.length > 0) {
      lines.push("");
      heading(`policy relaxations (${c.relaxations.length})`);
      for (const r of c.relaxations) {
        const note = r.allowed ? paint("green", " (allowed exemption)") : "";
        lines.push(`${indent2}${paint("bold", safe(r.description))}: lets through ${plural(r.letsThrough.length, "violation")}${note}${where2(r.source)}`);
        for (const t of r.letsThrough) lines.push(`${indent2}  ${t.before} \u2192 ${t.after}  ${safe(constraintLabel(t.constraint))}  ${safe(objectLabel(t.object))}${where2(t.objectSource)}  ${safe(t.message)}`);
      }
    }
    if (c.promotions.length > 0) {
      lines.push("");
      heading(`promotions (${c.promotions.length})`);
      for (const p of c.promotions) {
        lines.push(`${indent2}${paint("bold", safe(constraintLabel(p.constraint)))} ${safe(p.from)} \u2192 ${safe(p.to)}: ${plural(p.objects.length, "existing object")} would start being rejected${where2(p.constraint.source)}`);
        each(p.objects, `${indent2}  `, "objects", (o) => lines.push(`${indent2}  ${safe(objectLabel(o.object))}${where2(o.source)}  ${safe(cutMessage(o.message))}`));
      }
    }
    if (c.exemptions.length > 0) {
      lines.push("");
      heading(`exemptions (${c.exemptions.length})`);
      for (const e of c.exemptions) {
        const verdict = e.change === "removed" ? "" : e.allowed ? paint("green", "  allowed") : paint("red", "  outside the allow list");
        lines.push(`${indent2}${e.change} ${paint("bold", safe(e.namespace))} in ${safe(e.owner)} ${safe(e.field)}${verdict}${where2(e.source)}`);
      }
    }
    if (c.errors.length > 0) {
      lines.push("");
      heading(`errors (${c.errors.length})`);
      each(c.errors, indent2, "errors", (e) => {
        const ref = e.existing ? paint("yellow", `${e.ref} (also at base)`) : paint(e.ref === "head" ? "red" : "yellow", e.ref);
        lines.push(`${indent2}${ref} ${safe(e.error.kind)}${where2(e.error.source)}  ${safe(cutMessage(e.error.message))}`);
      });
    }
    const duplicates = c.duplicates ?? [];
    if (duplicates.length > 0) {
      lines.push("");
      heading(`objects rendered more than once (${duplicates.length}), each copy reported on its own`);
      for (const d of duplicates) lines.push(`${indent2}${d.ref} ${safe(objectLabel(d.object))}: ${d.copies.map((x) => `${safe(x.root)}${where2(x.source)}`).join(", ")}`);
    }
    const unsimulated = c.coverage?.notSimulated ?? [];
    if (unsimulated.length > 0) {
      lines.push("");
      heading(`not simulated (${unsimulated.length})`);
      for (const n of unsimulated) lines.push(`${indent2}${n.changed ? paint("yellow", "touched ") : ""}${paint("bold", safe(n.what))}${where2(n.source)}  ${safe(cutMessage(n.reason))}`);
    }
    if (fixed2.length > 0) {
      lines.push("");
      heading(`fixed (${fixed2.length})`);
      each(fixed2, indent2, "fixed findings", (f) => findingLines(f, indent2));
    }
    if (changed.length > 0) {
      lines.push("");
      heading(`still violating, message changed (${changed.length})`);
      for (const f of changed) findingLines(f, indent2);
    }
    const rest = [];
    if (unchanged > 0) rest.push(plural(unchanged, "unchanged violation"));
    if (c.renderedDiffs.length > 0) rest.push(`${plural(c.renderedDiffs.length, "rendered object")} changed`);
    const s2 = c.stats;
    rest.push(`${plural(s2.objectsHead, "object")} at head, ${plural(s2.reviews, "review")}, ${(s2.durationMs / 1e3).toFixed(1)} s`);
    lines.push("", paint("dim", `${multi ? "  " : ""}${rest.join(" \xB7 ")}`));
  }
  return `${lines.join("\n")}
`;
}
var CODES;
var init_text = __esm({
  "src/report/text.ts"() {
    "use strict";
    init_format();
    CODES = {
      red: [31, 39],
      yellow: [33, 39],
      cyan: [36, 39],
      green: [32, 39],
      dim: [2, 22],
      bold: [1, 22]
    };
  }
});

// src/simulate/config-errors.ts
function applyConfigErrors(report, errors, config, where2) {
  if (errors.length === 0) return;
  const first = report.clusters[0];
  if (first !== void 0) {
    for (const error of errors) first.errors.push({ ref: "base", error });
    report.verdict.counts.errors += errors.length;
  }
  if (config.blocking.errorsAtHead) {
    report.verdict.conclusion = "failure";
    report.verdict.blocking.push(`${errors.length} error(s) in ${where2} (fail closed), first: ${errors[0]?.message ?? ""}`);
  }
}
var init_config_errors = __esm({
  "src/simulate/config-errors.ts"() {
    "use strict";
  }
});

// src/render/coverage.ts
import path19 from "node:path";
async function coverageAt(source2, sha2, files, options) {
  const texts = /* @__PURE__ */ new Map();
  const text = (file) => {
    let t = texts.get(file);
    if (t === void 0) {
      t = source2.readFile(sha2, file).then((b) => b?.toString("utf8"));
      texts.set(file, t);
    }
    return t;
  };
  const plan = await planRepo(text, files, { ...options, paths: options.paths, changed: [] });
  const pending = accountFor(plan, files, options);
  const bodies = await Promise.all(pending.undecided.map(text));
  pending.undecided.forEach((file, i) => pending.decide(file, bodies[i]));
  const links = (await source2.linkErrors(sha2)).filter((e) => e.source !== void 0 && withinPaths(e.source.file, options.paths));
  pending.result.errors.push(...links);
  return pending.result;
}
function accountFor(plan, files, options) {
  const excluded = (options.exclude ?? []).map(globToRegExp);
  const within2 = (p) => withinPaths(p, options.paths);
  const rendered = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Map();
  const add2 = (m, file, by) => {
    const set = m.get(file) ?? /* @__PURE__ */ new Set();
    set.add(by);
    m.set(file, set);
  };
  const reachedBy = /* @__PURE__ */ new Map();
  const chartDirs = /* @__PURE__ */ new Map();
  for (const p of plan.roots) {
    const id2 = rootId(p.root);
    for (const f of p.appRenders ?? []) add2(rendered, f, id2);
    if (p.appRenders !== void 0) continue;
    if (p.root.kind === "kustomize" && p.reach !== void 0) {
      for (const dir of p.reach.dirs) add2(reachedBy, dir, id2);
      for (const f of p.reach.resources) add2(rendered, f, id2);
      for (const f of p.reach.deps) if (!p.reach.resources.has(f)) add2(read, f, id2);
    } else if (p.root.kind === "helm") {
      chartDirs.set(p.root.path, id2);
      for (const v of p.root.valuesFiles ?? []) add2(read, v, id2);
    } else if (p.root.kind === "plain") {
      add2(rendered, p.root.path, id2);
    }
  }
  const renderingRelease = (file) => {
    for (const [dir, id2] of chartDirs) if (isUnder(file, dir)) return id2;
    return void 0;
  };
  const entries = [];
  const errors = [];
  const undecided = [];
  for (const file of files) {
    if (!isManifestFile(file) || !within2(file)) continue;
    if (matchesAny(file, excluded)) entries.push({ file, status: "excluded" });
    else if (isKustomizationFile(file)) entries.push({ file, status: "kustomization" });
    else if (rendered.has(file)) entries.push({ file, status: "rendered", by: [...rendered.get(file)].sort() });
    else if (renderingRelease(file) !== void 0) entries.push({ file, status: "rendered", by: [renderingRelease(file)] });
    else if (read.has(file)) entries.push({ file, status: "read", by: [...read.get(file)].sort() });
    else if (plan.plainCandidates.has(file)) entries.push({ file, status: "plain" });
    else undecided.push(file);
  }
  const decide = (file, body) => {
    const reason = whyUnrendered(file, plan, reachedBy, within2);
    const found = body === void 0 ? false : holdsKubernetesObjects(body, file);
    if (found === false) {
      entries.push({ file, status: "no-objects", reason });
      return;
    }
    if (found !== "unreadable") {
      const policy = underAny(file, options.policies) && found.every((o) => gvkOf(o.object).group.endsWith("gatekeeper.sh"));
      if (policy || underAny(file, options.inventory)) {
        entries.push({ file, status: "policy" });
        return;
      }
    }
    entries.push({ file, status: "unrendered", reason });
    const cluster2 = options.cluster !== void 0 ? ` of cluster ${options.cluster}` : "";
    const advice = `a GitOps tool may apply it while no policy ever sees it: render it through a root${cluster2} or list it in \`exclude\``;
    if (found === "unreadable") {
      errors.push({
        kind: "render",
        message: `${file}: does not load as YAML, so whether it holds Kubernetes objects cannot be told, and no root${cluster2} renders it: ${reason}; ${advice}`,
        source: { file, startLine: 1, endLine: 1 }
      });
      return;
    }
    const first = found[0];
    const more = found.length > 1 ? ` and ${found.length - 1} more object(s)` : "";
    errors.push({
      kind: "render",
      message: `${file}:${first.source.startLine}: ${String(first.object.kind)} ${JSON.stringify(nameOf(first.object))}${more} not rendered by any root${cluster2}: ${reason}; ${advice}`,
      source: { file, startLine: first.source.startLine, endLine: first.source.endLine }
    });
  };
  return {
    undecided,
    decide,
    result: {
      entries,
      errors
    }
  };
}
function whyUnrendered(file, plan, reachedBy, within2) {
  const dot = file.split("/").find((seg) => seg.startsWith("."));
  if (dot !== void 0) return `it lies in the dot-directory '${dot}', which no root reads`;
  const kustomizationOf = (dir) => plan.kustomizations.get(dir)?.file ?? `${dir === "" ? "." : dir}/kustomization.yaml`;
  const includers = (dir) => [...plan.kustomizations].filter(([from, k]) => k.refs.some((r) => r.target !== "file" && resolveInRepo(from, r.value) === dir && from !== dir)).map(([, k]) => k.file);
  const notRendered2 = (dir) => {
    const by = includers(dir);
    const inside = by.filter((f) => within2(f));
    if (by.length > 0 && inside.length === 0) return `${kustomizationOf(dir)} is included only by ${by.join(", ")}, outside the cluster's paths`;
    if (plan.kustomizations.get(dir)?.kind === "Component") return `the Component ${kustomizationOf(dir)} is used by no root`;
    return `${kustomizationOf(dir)} is rendered by no root`;
  };
  const namers = [...plan.kustomizations].filter(([dir, k]) => within2(dir) && k.refs.some((r) => resolveInRepo(dir, r.value) === file));
  if (namers.length > 0) {
    const [dir, k] = namers[0];
    const ref = k.refs.find((r) => resolveInRepo(dir, r.value) === file);
    if (!reachedBy.has(dir)) return `it is named by ${k.file}:${ref.line} (${ref.field}), and ${notRendered2(dir)}`;
    return `${k.file}:${ref.line} names it in '${ref.field}', which kustomize does not apply as objects`;
  }
  const chartDir = [...plan.charts.keys()].filter((d) => isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (chartDir !== void 0) {
    const chart = plan.charts.get(chartDir);
    const what2 = chart.type === "library" ? "a library chart" : "not a root of this cluster nor a subchart of one";
    return `it lies in chart ${chart.file}, which is ${what2}`;
  }
  const owner = [...plan.kustomizations.keys()].filter((d) => within2(d) && plan.kustomizations.get(d).kind === "Kustomization" && isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (owner !== void 0) {
    if (reachedBy.has(owner)) return `it lies under ${kustomizationOf(owner)}, which does not list it in 'resources' (kustomize, not the file tree, decides what is applied there)`;
    return `it lies under ${kustomizationOf(owner)}, and ${notRendered2(owner)}`;
  }
  return `no root of this cluster renders ${path19.posix.basename(file)}`;
}
function underAny(file, roots) {
  return (roots ?? []).some((r) => {
    const dir = resolveInRepo("", r);
    return dir !== void 0 && isUnder(file, dir);
  });
}
var init_coverage = __esm({
  "src/render/coverage.ts"() {
    "use strict";
    init_read();
    init_classify();
    init_glob2();
    init_kustomization();
    init_objects();
    init_paths();
    init_plan2();
  }
});

// src/simulate/identity.ts
import { createHash as createHash7 } from "node:crypto";
function objectRef2(object) {
  const gvk = gvkOf(object);
  return { group: gvk.group, version: gvk.version, kind: gvk.kind, namespace: namespaceOf(object), name: nameOf(object) };
}
function objectKey(ref) {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;
}
function describeObject(ref) {
  return `${ref.kind} ${ref.namespace !== "" ? `${ref.namespace}/` : ""}${ref.name}`;
}
function findingId(cluster2, constraintKind, constraintName, identity, message2) {
  const key = [cluster2, constraintKind, constraintName, identity, message2].join("\0");
  return createHash7("sha256").update(key).digest("hex").slice(0, 16);
}
function pairObjects(baseObjects, headObjects, renames = /* @__PURE__ */ new Map()) {
  const keyOf2 = (o) => objectKey(objectRef2(o.object));
  const group = (objs) => {
    const m = /* @__PURE__ */ new Map();
    for (const o of objs) m.set(keyOf2(o), [...m.get(keyOf2(o)) ?? [], o]);
    return m;
  };
  const base = group(baseObjects);
  const head = group(headObjects);
  const pairs = [];
  const leftBase = [];
  const leftHead = [];
  for (const [key, bs] of base) {
    const hs = [...head.get(key) ?? []];
    const rest = [];
    for (const b of bs) {
      const i = hs.findIndex((h) => h.root === b.root);
      if (i >= 0) pairs.push({ base: b, head: hs.splice(i, 1)[0], identity: key, renamed: false });
      else rest.push(b);
    }
    for (const b of rest) {
      const h = hs.shift();
      if (h) pairs.push({ base: b, head: h, identity: key, renamed: false });
      else leftBase.push(b);
    }
    leftHead.push(...hs);
  }
  for (const [key, hs] of head) if (!base.has(key)) leftHead.push(...hs);
  const unpaired = [];
  const sameFile = (b, h) => (renames.get(b.source.file) ?? b.source.file) === h.source.file;
  for (const b of leftBase) {
    const br = objectRef2(b.object);
    const candidates = leftHead.filter((h2) => {
      const hr = objectRef2(h2.object);
      return hr.group === br.group && hr.kind === br.kind && hr.namespace === br.namespace && generatedVariants(br.name, hr.name, b.root.startsWith("helm:") && h2.root.startsWith("helm:"));
    });
    const h = candidates.find((c) => c.root === b.root && sameFile(b, c)) ?? candidates.find((c) => c.root === b.root) ?? candidates.find((c) => sameFile(b, c));
    if (h) {
      leftHead.splice(leftHead.indexOf(h), 1);
      pairs.push({ base: b, head: h, identity: keyOf2(b), renamed: true });
    } else unpaired.push(b);
  }
  for (const [b, h] of renamedByAffix(unpaired, leftHead)) {
    unpaired.splice(unpaired.indexOf(b), 1);
    leftHead.splice(leftHead.indexOf(h), 1);
    pairs.push({ base: b, head: h, identity: keyOf2(b), renamed: true });
  }
  for (const b of unpaired) pairs.push({ base: b, identity: keyOf2(b), renamed: false });
  for (const h of leftHead) pairs.push({ head: h, identity: keyOf2(h), renamed: false });
  const copies = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    const n = copies.get(p.identity) ?? 0;
    copies.set(p.identity, n + 1);
    if (n > 0) p.identity = `${p.identity}#${n + 1}`;
  }
  const bySide = /* @__PURE__ */ new Map();
  const previous = /* @__PURE__ */ new Map();
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    if (p.renamed && p.base && p.head) renamedFrom.set(p.identity, { head: nameOf(p.head.object), base: nameOf(p.base.object) });
    if (p.base) bySide.set(`base\0${p.base.root}\0${keyOf2(p.base)}`, p.identity);
    if (p.head) bySide.set(`head\0${p.head.root}\0${keyOf2(p.head)}`, p.identity);
    if (p.base && p.head && !p.renamed) previous.set(p.head, p.base);
  }
  return {
    pairs,
    identity: (side, root, object) => bySide.get(`${side}\0${root}\0${objectKey(object)}`) ?? objectKey(object),
    previous: (h) => previous.get(h),
    duplicates: [...duplicatesOf("base", base), ...duplicatesOf("head", head)],
    baseWording: (identity, message2) => {
      const r = renamedFrom.get(identity);
      return r ? message2.split(r.head).join(r.base) : message2;
    }
  };
}
function duplicatesOf(ref, byKey) {
  return [...byKey.values()].filter((list2) => list2.length > 1).map((list2) => ({ ref, object: objectRef2(list2[0].object), copies: list2.map((o) => ({ root: o.root, source: o.source })) }));
}
function renamedByAffix(base, head) {
  const out = [];
  const roots = new Set(base.filter((o) => o.root.startsWith("kustomize:")).map((o) => o.root));
  for (const root of roots) {
    const bs = base.filter((o) => o.root === root);
    const hs = head.filter((o) => o.root === root);
    if (bs.length * hs.length > 25e4) continue;
    const candidates = /* @__PURE__ */ new Map();
    for (const b of bs) {
      const br = objectRef2(b.object);
      for (const h of hs) {
        const hr = objectRef2(h.object);
        if (hr.group !== br.group || hr.kind !== br.kind || hr.namespace !== br.namespace) continue;
        for (const t of affixChanges(br.name, hr.name)) candidates.set(t, [...candidates.get(t) ?? [], [b, h]]);
      }
    }
    let best = [];
    for (const list2 of candidates.values()) {
      const usedB = /* @__PURE__ */ new Set();
      const usedH = /* @__PURE__ */ new Set();
      const oneToOne = list2.filter(([b, h]) => !usedB.has(b) && !usedH.has(h) && usedB.add(b) && usedH.add(h));
      if (oneToOne.length > best.length) best = oneToOne;
    }
    if (best.length >= 2 && (best.length === bs.length || best.length === hs.length)) out.push(...best);
  }
  return out;
}
function affixChanges(a, b) {
  const strip = (n) => KUSTOMIZE_HASH.test(n) ? n.slice(0, -11) : n;
  const x = strip(a);
  const y = strip(b);
  if (x === y) return [];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length && q < y.length && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const out = [];
  if (q >= 2) out.push(`prefix\0${x.slice(0, x.length - q)}\0${y.slice(0, y.length - q)}`);
  if (p >= 2) out.push(`suffix\0${x.slice(p)}\0${y.slice(p)}`);
  return out;
}
function generatedVariants(a, b, helm) {
  if (a === b) return false;
  if (KUSTOMIZE_HASH.test(a) && KUSTOMIZE_HASH.test(b) && a.length === b.length && a.slice(0, -11) === b.slice(0, -11)) return true;
  if (!helm || a.length !== b.length) return false;
  let start = 0;
  while (a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const same = start + end;
  let from = start;
  while (from > 0 && /[a-z0-9]/i.test(a[from - 1])) from--;
  let to = a.length - end;
  while (to < a.length && /[a-z0-9]/i.test(a[to])) to++;
  const token = a.slice(from, to);
  return same >= 2 && token.length >= 4 && /^[a-z0-9]+$/i.test(token) && from + (a.length - to) >= 2;
}
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const known = canonicalMemo.get(value);
  if (known !== void 0) return known;
  const text = canonicalText(value);
  canonicalMemo.set(value, text);
  return text;
}
function canonicalText(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(",")}]`;
  const o = value;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalText(o[k])}`).join(",")}}`;
}
var KUSTOMIZE_HASH, canonicalMemo;
var init_identity = __esm({
  "src/simulate/identity.ts"() {
    "use strict";
    init_classify();
    KUSTOMIZE_HASH = /-[2456789bcdfghkmt]{10}$/;
    canonicalMemo = /* @__PURE__ */ new WeakMap();
  }
});

// src/simulate/relaxations.ts
function policyRelaxations(a) {
  if (!a.cross) return [];
  const removedKinds = new Set(a.changes.filter((c) => c.type === "template" && c.change === "removed").map((c) => c.name));
  const through = letThrough(a.cross, a.head, (v) => a.knownAtHead(v) || removedKinds.has(v.constraintKind));
  const out = [];
  const explained = /* @__PURE__ */ new Set();
  const add2 = (r, lets, always, allowed = false) => {
    const list2 = through.filter(lets);
    if (!always && list2.length === 0) return;
    for (const t of list2) explained.add(t);
    out.push({ ...r, allowed, letsThrough: list2 });
  };
  const of = (key) => (t) => `${t.constraint.kind}/${t.constraint.name}` === key;
  const dropped = (t) => t.after === "none";
  for (const c of a.changes) {
    if (c.type === "template" && c.change === "removed") {
      add2({ type: "template-removed", subject: c.name, description: `template ${c.name} removed`, ...src(c) }, (t) => t.constraint.kind === c.name, true);
    } else if (c.type === "template" && c.change === "modified") {
      add2({ type: "template-changed", subject: c.name, description: `template ${c.name} changed`, ...src(c) }, (t) => t.constraint.kind === c.name && dropped(t), false);
    } else if (c.type === "constraint" && c.change === "removed" && !renamed2(c.name, a)) {
      add2({ type: "constraint-removed", subject: c.name, description: `constraint ${c.name} removed`, ...src(c) }, of(c.name), true);
    }
  }
  const baseConstraints = new Map(a.base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of a.head.constraints) {
    const key = `${h.kind}/${h.name}`;
    const b = baseConstraints.get(key);
    if (!b || canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const source2 = { source: h.source };
    const before = level(b, a.enforcementPoint);
    const after = level(h, a.enforcementPoint);
    if (RANK[after] > RANK[before]) {
      const description = `constraint ${key} demoted ${actionText(b, before)} -> ${actionText(h, after)}`;
      add2({ type: "enforcement", subject: key, description, ...source2 }, (t) => of(key)(t) && RANK[t.before] < RANK[after], true);
    }
    const [bm, hm] = [withoutExclusions(b.match), withoutExclusions(h.match)];
    if (canonicalJson(bm) !== canonicalJson(hm)) {
      const narrowed = narrowedFields(bm, hm);
      const description = narrowed.length > 0 ? `constraint ${key} match narrowed (${narrowed.join(", ")})` : `constraint ${key} match changed`;
      add2({ type: "match", subject: key, description, ...source2 }, (t) => of(key)(t) && dropped(t), narrowed.length > 0);
    }
    if (canonicalJson([b.parameters, b.parametersValue ?? null]) !== canonicalJson([h.parameters, h.parametersValue ?? null])) {
      add2({ type: "parameters", subject: key, description: `constraint ${key} parameters changed`, ...source2 }, (t) => of(key)(t) && dropped(t), false);
    }
  }
  const added = /* @__PURE__ */ new Map();
  for (const e of a.exemptions) {
    if (e.change !== "added" || e.field !== "excludedNamespaces" || !baseConstraints.has(e.owner)) continue;
    added.set(e.owner, [...added.get(e.owner) ?? [], e]);
  }
  const inExempted = (namespaces) => (t) => dropped(t) && namespaces.some((g) => matchesGlob(g, subjectNamespace2(t.object)));
  const sanctioned = (list2) => a.allowedNamespaces !== void 0 && list2.every((e) => e.allowed);
  for (const [owner, list2] of added) {
    const namespaces = list2.map((e) => e.namespace);
    const description = `constraint ${owner} exempts namespace(s) ${namespaces.map((n) => JSON.stringify(n)).join(", ")}`;
    const source2 = list2[0].source ? { source: list2[0].source } : {};
    add2({ type: "exemption", subject: owner, description, ...source2 }, (t) => of(owner)(t) && inExempted(namespaces)(t), true, sanctioned(list2));
  }
  const excluded = /* @__PURE__ */ new Map();
  for (const process2 of CONFIG_PROCESSES) {
    const before = new Set(processExclusions(a.base.policies.configs, process2));
    for (const ns of new Set(processExclusions(a.head.policies.configs, process2))) if (!before.has(ns)) excluded.set(ns, [...excluded.get(ns) ?? [], process2]);
  }
  if (excluded.size > 0) {
    const namespaces = [...excluded.keys()];
    const list2 = a.exemptions.filter((e) => e.change === "added" && e.field === "Config.match.excludedNamespaces" && excluded.has(e.namespace));
    const description = `Config/config excludes ${[...excluded].map(([ns, ps]) => `namespace ${JSON.stringify(ns)} from ${ps.join(", ")}`).join("; ")}`;
    const config = a.head.policies.configs[0];
    add2({ type: "config-exclusion", subject: "Config/config", description, ...config ? { source: config.source } : {} }, inExempted(namespaces), true, sanctioned(list2));
  }
  if (canonicalJson(a.base.policies.expansions.map((e) => e.object)) !== canonicalJson(a.head.policies.expansions.map((e) => e.object))) {
    add2({ type: "expansion", subject: "ExpansionTemplates", description: "ExpansionTemplates changed" }, (t) => t.impliedBy !== void 0, false);
  }
  const rest = through.filter((t) => !explained.has(t));
  if (rest.length > 0) {
    out.push({ type: "other", subject: "policies", description: "policy changes (Config sync, SyncSets or data the policies read)", allowed: false, letsThrough: rest });
  }
  return out;
}
function letThrough(cross, head, knownAtHead) {
  const strongest2 = (vs, key) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs) {
      if (!knownAtHead(v)) continue;
      const k = key(v);
      const l = violationLevel(v);
      const seen = m.get(k);
      if (!seen || RANK[l] < RANK[seen.level]) m.set(k, { v, level: l });
    }
    return m;
  };
  const byConstraint = (v) => `${v.constraintKind}/${v.constraintName}\0${objectKey(v.object)}`;
  const byKind = (v) => `${v.constraintKind}\0${objectKey(v.object)}\0${v.message}`;
  const atHead = strongest2(head.violations, byConstraint);
  const sameKindAtHead = strongest2(head.violations, byKind);
  const out = [];
  for (const [key, { v, level: before }] of strongest2(cross.violations, byConstraint)) {
    const after = [atHead.get(key)?.level, sameKindAtHead.get(byKind(v))?.level].reduce((best, l) => l !== void 0 && RANK[l] < RANK[best] ? l : best, "none");
    if (RANK[after] <= RANK[before]) continue;
    out.push({
      constraint: { kind: v.constraintKind, name: v.constraintName, source: v.constraintSource },
      object: v.object,
      objectSource: v.objectSource,
      message: v.message,
      ...v.impliedBy ? { impliedBy: v.impliedBy } : {},
      before,
      after
    });
  }
  return out;
}
function renamed2(key, a) {
  const spec = (c) => canonicalJson(c.object.spec ?? null);
  const removed = a.base.constraints.find((c) => `${c.kind}/${c.name}` === key);
  const baseKeys = new Set(a.base.constraints.map((c) => `${c.kind}/${c.name}`));
  return removed !== void 0 && a.head.constraints.some((h) => h.kind === removed.kind && !baseKeys.has(`${h.kind}/${h.name}`) && spec(h) === spec(removed));
}
function violationLevel(v) {
  return v.actions.reduce((best, x) => RANK[x] < RANK[best] ? x : best, "dryrun");
}
function level(c, enforcementPoint) {
  const r = actionsForEnforcementPoint(c, enforcementPoint);
  if (!r.evaluate) return "none";
  return (r.scopedActions ?? [r.enforcementAction]).reduce((best, x) => x in RANK && RANK[x] < RANK[best] ? x : best, "none");
}
function actionText(c, l) {
  return c.enforcementAction === l ? l : `${l} (${JSON.stringify(c.enforcementAction)})`;
}
function src(c) {
  return c.source ? { source: c.source } : {};
}
function subjectNamespace2(o) {
  return o.group === "" && o.kind === "Namespace" ? o.name : o.namespace;
}
function withoutExclusions(match) {
  const { excludedNamespaces: _, ...rest } = match ?? {};
  return rest;
}
function narrowedFields(baseRaw, headRaw) {
  const b = parseMatch(baseRaw);
  const h = parseMatch(headRaw);
  const out = [];
  const all = (list2) => list2.length === 0 ? ["*"] : list2;
  const covers = (g, k) => h.kinds.length === 0 || h.kinds.some((e) => (e.kinds.length === 0 || e.kinds.includes("*") || e.kinds.includes(k)) && (e.apiGroups.length === 0 || e.apiGroups.includes("*") || e.apiGroups.includes(g)));
  const baseKinds = b.kinds.length === 0 ? [{ apiGroups: [], kinds: [] }] : b.kinds;
  if (baseKinds.some((e) => all(e.apiGroups).some((g) => all(e.kinds).some((k) => !covers(g, k))))) out.push("kinds");
  const scope = (s2) => s2 === "Cluster" || s2 === "Namespaced" ? s2 : "*";
  if (scope(h.scope) !== "*" && scope(h.scope) !== scope(b.scope)) out.push("scope");
  const coveredNs = (n) => h.namespaces.some((g) => g === n || matchesGlob(g, n));
  if (h.namespaces.length > 0 && (b.namespaces.length === 0 || !b.namespaces.every(coveredNs))) out.push("namespaces");
  for (const field3 of ["labelSelector", "namespaceSelector"]) {
    if (headRaw[field3] != null && canonicalJson(headRaw[field3]) !== canonicalJson(baseRaw[field3] ?? null)) out.push(field3);
  }
  if (h.name !== "" && h.name !== b.name) out.push("name");
  const source2 = (s2) => s2 === "" ? "All" : s2;
  if (source2(h.source) !== "All" && source2(h.source) !== source2(b.source)) out.push("source");
  for (const field3 of /* @__PURE__ */ new Set([...Object.keys(baseRaw), ...Object.keys(headRaw)])) {
    if (!MATCH_FIELDS.has(field3) && canonicalJson(baseRaw[field3] ?? null) !== canonicalJson(headRaw[field3] ?? null)) out.push(field3);
  }
  return out;
}
var RANK, MATCH_FIELDS;
var init_relaxations = __esm({
  "src/simulate/relaxations.ts"() {
    "use strict";
    init_enforcement();
    init_glob();
    init_match();
    init_identity();
    init_config();
    RANK = { deny: 0, warn: 1, dryrun: 2, none: 3 };
    MATCH_FIELDS = /* @__PURE__ */ new Set(["kinds", "scope", "namespaces", "labelSelector", "namespaceSelector", "name", "source"]);
  }
});

// src/simulate/diff.ts
import { createTwoFilesPatch } from "diff";
import { stringify as stringify4 } from "yaml";
function diffClusters(input) {
  const { cluster: cluster2, base, head } = input;
  const pairing = input.pairing ?? pairObjects(input.baseObjects, input.headObjects);
  const changedObjects = new Set(
    pairing.pairs.filter((p) => !p.base || !p.head || p.renamed || canonicalJson(p.base.object) !== canonicalJson(p.head.object)).map((p) => p.identity)
  );
  const identityOf = (side, v) => pairing.identity(side, v.root, v.object);
  const wording = (side, v) => side === "head" ? pairing.baseWording(identityOf(side, v), v.message) : v.message;
  const idOf = (side, v) => findingId(cluster2, v.constraintKind, v.constraintName, identityOf(side, v), wording(side, v));
  const index = (side, vs) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs) {
      const id2 = idOf(side, v);
      if (!m.has(id2) || m.get(id2).onCreate) m.set(id2, v);
    }
    return m;
  };
  const baseIdx = index("base", base.violations);
  const headIdx = index("head", head.violations);
  const crossIdx = input.headUnderBasePolicies ? index("head", input.headUnderBasePolicies.violations) : headIdx;
  const loadedAtHead = new Set(head.constraints.map((c) => `${c.kind}/${c.name}`));
  const unevaluable = new Set(
    head.policies.constraints.map((c) => `${gvkOf(c.object).kind}/${nameOf(c.object)}`).filter((k) => !loadedAtHead.has(k))
  );
  const knownAtHead = (v) => !unevaluable.has(`${v.constraintKind}/${v.constraintName}`);
  const findings = [];
  const cause = (id2, v, side, category) => {
    const obj2 = changedObjects.has(identityOf(side, v));
    const pol = category === "new" || category === "changed" ? !crossIdx.has(id2) : category === "fixed" ? crossIdx.has(id2) : false;
    return obj2 && pol ? "object+policy" : pol ? "policy" : "object";
  };
  const toFinding = (id2, v, category, source2, previous) => ({
    id: id2,
    cluster: cluster2,
    category,
    cause: cause(id2, v, source2.ref, category),
    constraint: { kind: v.constraintKind, name: v.constraintName, source: source2.constraintSources.get(`${v.constraintKind}/${v.constraintName}`) ?? v.constraintSource },
    actions: v.actions,
    object: v.object,
    objectSource: v.objectSource,
    ...v.location ? { location: v.location } : {},
    message: v.message,
    ...previous ? { previousMessage: previous[1].message, previousId: previous[0] } : {},
    ...v.impliedBy ? { impliedBy: v.impliedBy } : {},
    operation: v.operation,
    ...v.onCreate ? { onCreate: true } : {}
  });
  const groups = /* @__PURE__ */ new Map();
  const groupOf2 = (side, v) => {
    const key = [v.constraintKind, v.constraintName, identityOf(side, v)].join("\0");
    let g = groups.get(key);
    if (!g) groups.set(key, g = { base: [], head: [] });
    return g;
  };
  for (const [id2, v] of baseIdx) groupOf2("base", v).base.push([id2, v, v.message]);
  for (const [id2, v] of headIdx) groupOf2("head", v).head.push([id2, v, wording("head", v)]);
  for (const g of groups.values()) {
    const baseMessages = new Set(g.base.map(([, , m]) => m));
    const headMessages = new Set(g.head.map(([, , m]) => m));
    const fixable = g.base.filter(([, v, m]) => !headMessages.has(m) && knownAtHead(v)).sort(byMessage);
    for (const [id2, v, m] of g.head.sort(byMessage)) {
      if (baseMessages.has(m)) findings.push(toFinding(id2, v, "unchanged", head));
      else {
        const previous = fixable.shift();
        findings.push(previous ? toFinding(id2, v, "changed", head, [previous[0], previous[1]]) : toFinding(id2, v, "new", head));
      }
    }
    for (const [id2, v] of fixable) findings.push(toFinding(id2, v, "fixed", base));
  }
  findings.sort(compareFindings2);
  const report = {
    name: cluster2,
    findings,
    policyChanges: policyChanges(base, head, denialsDelta(headIdx, crossIdx, knownAtHead), unevaluable),
    promotions: promotions(base, head, findings, input.enforcementPoint),
    exemptions: exemptionChanges(base, head, input.allowedNamespaces),
    renderedDiffs: renderedDiffs(pairing, input.baseObjects, input.headObjects),
    duplicates: pairing.duplicates,
    errors: pairErrors(base.errors, head.errors),
    stats: { objectsBase: 0, objectsHead: 0, reviews: 0, rootsRendered: 0, durationMs: 0 }
  };
  const relaxations = policyRelaxations({ ...input, cross: input.headUnderBasePolicies, changes: report.policyChanges, exemptions: report.exemptions, knownAtHead });
  return { ...report, relaxations };
}
function byMessage(a, b) {
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
function pairErrors(baseErrors, headErrors) {
  const loose = (e) => [e.kind, e.source?.file ?? "", e.message.replace(/\d+/g, "#")].join("\0");
  const exact = /* @__PURE__ */ new Map();
  const approx = /* @__PURE__ */ new Map();
  const bump = (m, k, by) => m.set(k, (m.get(k) ?? 0) + by);
  for (const e of baseErrors) {
    bump(exact, `${e.kind}\0${e.message}`, 1);
    bump(approx, loose(e), 1);
  }
  const existing = headErrors.map((e) => {
    const k = `${e.kind}\0${e.message}`;
    if ((exact.get(k) ?? 0) > 0) {
      bump(exact, k, -1);
      bump(approx, loose(e), -1);
      return true;
    }
    return false;
  });
  headErrors.forEach((e, i) => {
    if (existing[i] || (approx.get(loose(e)) ?? 0) <= 0) return;
    bump(approx, loose(e), -1);
    existing[i] = true;
  });
  return [
    ...baseErrors.map((error) => ({ ref: "base", error })),
    ...headErrors.map((error, i) => ({ ref: "head", error, ...existing[i] ? { existing: true } : {} }))
  ];
}
function strongest(actions) {
  return Math.min(3, ...actions.map((a) => ACTION_RANK2[a]));
}
function compareFindings2(a, b) {
  const cat = { new: 0, fixed: 1, changed: 2, unchanged: 2 };
  return cat[a.category] - cat[b.category] || strongest(a.actions) - strongest(b.actions) || (a.objectSource?.file ?? "").localeCompare(b.objectSource?.file ?? "") || (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) || a.constraint.kind.localeCompare(b.constraint.kind) || a.constraint.name.localeCompare(b.constraint.name) || a.message.localeCompare(b.message);
}
function templateKind(object) {
  const spec = isObject(object.spec) ? object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  return typeof names.kind === "string" ? names.kind : "";
}
function denies(f) {
  return f.actions.includes("deny");
}
function denialsDelta(head, cross, knownAtHead) {
  const deniedPairs = (vs) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs.values()) {
      if (!v.actions.includes("deny") || !knownAtHead(v)) continue;
      const constraint = `${v.constraintKind}/${v.constraintName}`;
      m.set(`${constraint}\0${objectKey(v.object)}`, { constraint, object: v.object });
    }
    return m;
  };
  const h = deniedPairs(head);
  const c = deniedPairs(cross);
  const pick = (from, other) => [...from].filter(([k]) => !other.has(k)).map(([, d]) => d);
  return { newly: pick(h, c), noLonger: pick(c, h) };
}
function policyChanges(base, head, delta, unevaluable) {
  const out = [];
  const affected = (match) => ({
    newlyDenied: uniqueObjects(delta.newly.filter((d) => match(d.constraint)).map((d) => d.object)),
    noLongerDenied: uniqueObjects(delta.noLonger.filter((d) => match(d.constraint)).map((d) => d.object))
  });
  const tmpl = (r) => new Map(r.policies.templates.map((t) => [templateKind(t.object), t]));
  const bt = tmpl(base);
  const ht = tmpl(head);
  for (const kind of [.../* @__PURE__ */ new Set([...bt.keys(), ...ht.keys()])].sort()) {
    const b = bt.get(kind);
    const h = ht.get(kind);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const change = !b ? "added" : !h ? "removed" : "modified";
    out.push({ type: "template", name: kind, change, source: (h ?? b).source, ...affected((c) => c.startsWith(`${kind}/`)) });
  }
  const cons = (r) => new Map(r.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  const bc = cons(base);
  const hc = cons(head);
  for (const key of [.../* @__PURE__ */ new Set([...bc.keys(), ...hc.keys()])].sort()) {
    const b = bc.get(key);
    const h = hc.get(key);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    if (!h && unevaluable.has(key)) continue;
    const change = !b ? "added" : !h ? "removed" : "modified";
    out.push({
      type: "constraint",
      name: key,
      change,
      source: (h ?? b).source,
      ...b ? { actionBefore: b.enforcementAction } : {},
      ...h ? { actionAfter: h.enforcementAction } : {},
      ...affected((c) => c === key)
    });
  }
  return out;
}
function uniqueObjects(objects) {
  const m = /* @__PURE__ */ new Map();
  for (const o of objects) m.set(objectKey(o), o);
  return [...m.values()];
}
function promotions(base, head, findings, enforcementPoint) {
  const out = [];
  const bc = new Map(base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of head.constraints) {
    const b = bc.get(`${h.kind}/${h.name}`);
    if (!b) continue;
    const before = effectiveAction(b, enforcementPoint);
    const after = effectiveAction(h, enforcementPoint);
    if (after !== "deny" || before === "deny") continue;
    const objects = findings.filter((f) => f.category !== "fixed" && f.constraint.kind === h.kind && f.constraint.name === h.name && denies(f)).map((f) => ({ object: f.object, message: f.message, ...f.objectSource ? { source: f.objectSource } : {} }));
    out.push({ constraint: { kind: h.kind, name: h.name, source: h.source }, from: before, to: after, objects });
  }
  return out;
}
function effectiveAction(c, enforcementPoint) {
  if (c.enforcementAction !== "scoped") return c.enforcementAction;
  const actions = c.scopedEnforcementActions.filter((s2) => s2.enforcementPoints.some((p) => p.name === "*" || p.name === enforcementPoint)).map((s2) => s2.action);
  return actions.includes("deny") ? "deny" : actions[0] ?? "none";
}
function exemptionChanges(base, head, allowed) {
  const collect2 = (r) => {
    const m = /* @__PURE__ */ new Map();
    for (const c of r.constraints) {
      const excluded = isObject(c.match) && Array.isArray(c.match.excludedNamespaces) ? c.match.excludedNamespaces : [];
      for (const ns of excluded) {
        if (typeof ns !== "string") continue;
        const owner = `${c.kind}/${c.name}`;
        m.set(`${owner}\0${ns}`, { owner, field: "excludedNamespaces", namespace: ns, source: c.source });
      }
    }
    for (const cfg of r.policies.configs) {
      for (const entry of configMatchEntries(cfg.object)) {
        const owner = `Config/${nameOf(cfg.object)} (${entry.processes.join(", ")})`;
        for (const ns of entry.excludedNamespaces) {
          m.set(`${owner}\0${ns}`, { owner, field: "Config.match.excludedNamespaces", namespace: ns, source: cfg.source });
        }
      }
    }
    return m;
  };
  const b = collect2(base);
  const h = collect2(head);
  const out = [];
  const isAllowed = (ns) => allowed === void 0 || allowed.some((g) => g === ns || matchesGlob(g, ns));
  for (const [k, e] of h) if (!b.has(k)) out.push({ ...e, change: "added", allowed: isAllowed(e.namespace) });
  for (const [k, e] of b) if (!h.has(k)) out.push({ ...e, change: "removed", allowed: true });
  return out.sort((x, y) => x.owner.localeCompare(y.owner) || x.namespace.localeCompare(y.namespace) || x.change.localeCompare(y.change));
}
function renderedDiffs(pairing, baseObjects, headObjects) {
  const secrets = secretValues([...baseObjects, ...headObjects].map((o) => o.object));
  const out = [];
  for (const { base: bo, head: ho, renamed: renamed3 } of pairing.pairs) {
    if (bo && ho && canonicalJson(bo.object) === canonicalJson(ho.object)) continue;
    const ref = objectRef2((ho ?? bo).object);
    const before = bo ? yamlOf2(bo.object) : "";
    const after = ho ? yamlOf2(ho.object) : "";
    const labelBefore = describeObject(bo ? objectRef2(bo.object) : ref);
    const patch = createTwoFilesPatch(`a/${labelBefore}`, `b/${describeObject(ref)}`, before, after, bo ? `base ${bo.source.file}` : "", ho ? `head ${ho.source.file}` : "", {
      context: 3
    });
    out.push({
      key: objectKey(bo ? objectRef2(bo.object) : ref),
      object: ref,
      ...renamed3 && bo ? { previousName: nameOf(bo.object) } : {},
      change: !bo ? "added" : !ho ? "removed" : "modified",
      diff: redactSecrets(patch.split("\n").slice(1).join("\n"), secrets),
      source: (ho ?? bo).source,
      root: (ho ?? bo).root
    });
  }
  return out.sort((x, y) => x.key < y.key ? -1 : x.key > y.key ? 1 : x.root.localeCompare(y.root)).map(({ key: _key, ...d }) => d);
}
function yamlOf2(object) {
  return stringify4(maskSecret(object), { sortMapEntries: false, lineWidth: 0 });
}
var ACTION_RANK2;
var init_diff = __esm({
  "src/simulate/diff.ts"() {
    "use strict";
    init_classify();
    init_glob();
    init_config();
    init_mask();
    init_identity();
    init_relaxations();
    ACTION_RANK2 = { deny: 0, warn: 1, dryrun: 2 };
  }
});

// src/simulate/policies.ts
import { readFile as readFile6 } from "node:fs/promises";
import path20 from "node:path";
function emptyPolicySet() {
  return { templates: [], constraints: [], configs: [], expansions: [], syncSets: [], mutators: [], errors: [] };
}
function filesUnder(files, roots) {
  const prefixes = roots.map((r) => r.replace(/^\.\/?/, "").replace(/\/+$/, ""));
  return files.filter((f) => prefixes.some((p) => p === "" || f === p || f.startsWith(`${p}/`)));
}
async function readObjectsAt(source2, ref, files, roots, mention) {
  const wanted = filesUnder(files, roots).filter((f) => MANIFEST.test(f));
  const objects = [];
  const errors = [];
  const texts = await Promise.all(wanted.map((f) => source2.readFile(ref, f)));
  wanted.forEach((file, i) => {
    const buf = texts[i];
    if (!buf) return;
    if (mention !== void 0 && !buf.includes(mention)) return;
    const r = loadManifestsMemo(buf.toString("utf8"), file, { yamlVersion: "1.1" });
    objects.push(...r.objects);
    errors.push(...r.errors);
  });
  return { objects, errors };
}
function policySetOf(objects, errors = []) {
  const set = emptyPolicySet();
  set.errors.push(...errors);
  for (const o of objects) {
    switch (classify(o.object)) {
      case "ConstraintTemplate":
        set.templates.push(o);
        break;
      case "Constraint":
        set.constraints.push(o);
        break;
      case "Config":
        if (isGatekeeperConfig(o.object)) set.configs.push(o);
        break;
      case "ExpansionTemplate":
        set.expansions.push(o);
        break;
      case "Mutator":
        set.mutators.push(o);
        break;
      default: {
        const gvk = gvkOf(o.object);
        if (gvk.group === "syncset.gatekeeper.sh" && gvk.kind === "SyncSet") set.syncSets.push(o);
        break;
      }
    }
  }
  return set;
}
async function readShippedPolicies(dir) {
  const { files } = await listManifestFiles([dir]);
  const objects = [];
  const errors = [];
  for (const file of files) {
    const r = loadManifestsMemo(await readFile6(file, "utf8"), `preadmit:${path20.relative(dir, file)}`, { yamlVersion: "1.2" });
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  const set = policySetOf(objects, errors);
  set.constraints = set.constraints.filter((c) => path20.basename(c.source.file) === "constraint.yaml");
  set.templates = set.templates.filter((t) => path20.basename(t.source.file) === "template.yaml");
  return set;
}
function mergePolicySets(a, b) {
  return {
    templates: [...a.templates, ...b.templates],
    constraints: [...a.constraints, ...b.constraints],
    configs: [...a.configs, ...b.configs],
    expansions: [...a.expansions, ...b.expansions],
    syncSets: [...a.syncSets, ...b.syncSets],
    mutators: [...a.mutators, ...b.mutators],
    errors: [...a.errors, ...b.errors]
  };
}
var MANIFEST;
var init_policies = __esm({
  "src/simulate/policies.ts"() {
    "use strict";
    init_classify();
    init_config();
    init_load();
    init_read();
    MANIFEST = /\.(ya?ml|json)$/i;
  }
});

// src/simulate/verdict.ts
function computeVerdict(clusters, blocking) {
  const counts2 = { newDeny: 0, newWarn: 0, newDryrun: 0, fixed: 0, unchanged: 0, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 0, policyRelaxations: 0 };
  const reasons = [];
  let promotedDenials = 0;
  let existingDeny = 0;
  let headErrors = 0;
  for (const c of clusters) {
    for (const f of c.findings) {
      if (f.category === "fixed") counts2.fixed++;
      else if (f.category === "unchanged" || f.category === "changed") {
        counts2.unchanged++;
        if (f.category === "changed") counts2.changed++;
        if (f.actions.includes("deny")) existingDeny++;
      } else if (f.actions.includes("deny")) counts2.newDeny++;
      else if (f.actions.includes("warn")) counts2.newWarn++;
      else counts2.newDryrun++;
    }
    for (const p of c.promotions) promotedDenials += p.objects.length;
    counts2.errors += c.errors.length;
    headErrors += c.errors.filter((e) => e.ref === "head" && !e.existing).length;
    if (blocking.unsimulated) {
      for (const n of (c.coverage?.notSimulated ?? []).filter((x) => x.changed)) reasons.push(`${c.name}: not simulated: ${n.what}: ${n.reason}`);
    }
    const bad = c.exemptions.filter((e) => e.change === "added" && !e.allowed);
    counts2.exemptionViolations += bad.length;
    if (blocking.exemptionOutsideAllowList) {
      for (const e of bad) reasons.push(`${c.name}: ${e.owner} exempts namespace ${JSON.stringify(e.namespace)}, which is not in the allowed exemptions list`);
    }
    for (const r of c.relaxations.filter((x) => !x.allowed)) {
      counts2.policyRelaxations++;
      if (blocking.policyRelaxation) reasons.push(`${c.name}: policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation${r.letsThrough.length === 1 ? "" : "s"}`);
    }
  }
  if (blocking.newDeny && counts2.newDeny > 0) reasons.push(`${counts2.newDeny} new violation(s) that the admission webhook would deny`);
  if (blocking.newDeny && promotedDenials > 0) {
    const names = clusters.flatMap((c) => c.promotions.filter((p) => p.objects.length > 0).map((p) => `${p.constraint.kind}/${p.constraint.name}`));
    reasons.push(`${promotedDenials} existing object(s) would start being denied by constraint(s) promoted to deny: ${names.join(", ")}`);
  }
  if (blocking.newWarn && counts2.newWarn > 0) reasons.push(`${counts2.newWarn} new violation(s) with the warn action`);
  if (blocking.existingViolations && existingDeny > 0) reasons.push(`${existingDeny} existing violation(s) that the admission webhook would deny`);
  counts2.newErrors = headErrors;
  if (blocking.errorsAtHead && headErrors > 0) {
    const first = clusters.flatMap((c) => c.errors.filter((e) => e.ref === "head" && !e.existing))[0];
    reasons.push(`${headErrors} render, policy or compile error(s) at head (fail closed)${first ? `, first: ${first.error.message}` : ""}`);
  }
  return { conclusion: reasons.length > 0 ? "failure" : "success", blocking: reasons, counts: counts2 };
}
var init_verdict = __esm({
  "src/simulate/verdict.ts"() {
    "use strict";
  }
});

// src/simulate/simulate.ts
import path21 from "node:path";
async function simulate(options) {
  const { source: source2, config } = options;
  const [baseSha, headSha] = await Promise.all([source2.resolve(options.base), source2.resolve(options.head)]);
  const changed = await source2.changesThroughLinks(baseSha, headSha, options.changed ?? await source2.changedFiles(baseSha, headSha));
  const [baseFiles, headFiles] = await Promise.all([source2.listFiles(baseSha), source2.listFiles(headSha)]);
  const clusters = [];
  const budget = renderBudget(options.renderBudgetMs, options.signal);
  const failClosed = /* @__PURE__ */ new Set();
  for (const cluster2 of config.clusters) {
    throwIfAborted(options.signal);
    options.onProgress?.(`cluster ${cluster2.name}: simulating ${changed.length} changed file(s)`);
    clusters.push(await simulateCluster(cluster2, { ...options, baseSha, headSha, changed, baseFiles, headFiles, budget, failClosed }));
  }
  const verdict = computeVerdict(clusters, config.blocking);
  if (failClosed.size > 0) {
    verdict.conclusion = "failure";
    verdict.blocking.push(...[...failClosed].map((r) => `rendering incomplete (fail closed): ${r}`));
  }
  return {
    schemaVersion: 1,
    tool: { name: "preadmit", version: VERSION },
    base: { ref: options.base, sha: baseSha },
    head: { ref: options.head, sha: headSha },
    enforcementPoint: config.enforcementPoint,
    clusters,
    verdict
  };
}
async function simulateCluster(cluster2, ctx) {
  const started2 = Date.now();
  const shipped = cluster2.shippedPolicies ? await readShippedPolicies(ctx.shippedPoliciesDir ?? SHIPPED_POLICIES_DIR) : emptyPolicySet();
  const load = async (sha2, files) => {
    const pol = await readObjectsAt(ctx.source, sha2, files, cluster2.policies, "gatekeeper.sh");
    const inv = cluster2.inventory.length > 0 ? await readObjectsAt(ctx.source, sha2, files, cluster2.inventory) : { objects: [], errors: [] };
    return {
      sha: sha2,
      files,
      policies: mergePolicySets(policySetOf(pol.objects, [...pol.errors, ...inv.errors]), shipped),
      inventory: inv.objects
    };
  };
  const [base, head] = await Promise.all([load(ctx.baseSha, ctx.baseFiles), load(ctx.headSha, ctx.headFiles)]);
  const policyChanged = policyFingerprint(base.policies) !== policyFingerprint(head.policies);
  const referential = [...base.policies.templates, ...head.policies.templates].some((t) => JSON.stringify(t.object).includes("data.inventory"));
  const inventoryChanged = ctx.changed.some((c) => underAny2(c.path, cluster2.inventory) || c.previousPath !== void 0 && underAny2(c.previousPath, cluster2.inventory));
  const renderAll = policyChanged || referential || inventoryChanged;
  const renderOptions = {
    paths: cluster2.manifests,
    exclude: cluster2.exclude,
    helmReleases: Object.fromEntries(Object.entries(cluster2.helmValues).map(([chart, valuesFiles]) => [chart, [{ release: path21.posix.basename(chart), valuesFiles }]])),
    ...ctx.renderTimeoutMs !== void 0 ? { timeoutMs: ctx.renderTimeoutMs } : {},
    budget: ctx.budget,
    gitops: ctx.config.gitops,
    charts: { repositories: ctx.config.chartRepositories },
    ...cluster2.kubeVersion !== void 0 ? { kubeVersion: cluster2.kubeVersion } : {},
    ...cluster2.apiVersions.length > 0 ? { apiVersions: cluster2.apiVersions } : {},
    defaultNamespace: cluster2.defaultNamespace,
    ...ctx.unsafeNoSandbox ? { sandbox: "unsafe-none" } : {},
    ...renderAll ? {} : { changed: ctx.changed }
  };
  ctx.onProgress?.(`cluster ${cluster2.name}: rendering ${renderAll ? "every root" : "the roots the change touches"} at base and head`);
  const baseRender = await renderRef(ctx.source, base.sha, renderOptions);
  const headRender = await renderRef(ctx.source, head.sha, renderOptions);
  for (const r of [...baseRender.failClosed, ...headRender.failClosed]) ctx.failClosed.add(r);
  const coverage = await coverageAt(ctx.source, head.sha, head.files, {
    paths: cluster2.manifests,
    exclude: cluster2.exclude,
    helmReleases: renderOptions.helmReleases,
    policies: cluster2.policies,
    inventory: cluster2.inventory,
    cluster: cluster2.name
  });
  const keep = (o) => o.source.via !== void 0 || underAny2(o.source.file, cluster2.manifests) || underAny2(o.root.replace(/^[a-z]+:/, "").replace(/#[^#/]*$/, ""), cluster2.manifests);
  const failedAtHead = new Set(headRender.errors.map((e) => e.source?.renderedBy).filter((r) => r !== void 0));
  const renderedBase = baseRender.objects.filter((o) => keep(o) && !failedAtHead.has(o.root));
  const renderedHead = headRender.objects.filter(keep);
  const [baseNamespaces, headNamespaces] = await Promise.all([
    declaredNamespaces(ctx.source, base, cluster2, renderedBase),
    declaredNamespaces(ctx.source, head, cluster2, renderedHead)
  ]);
  const orphans = orphanedByDeletedNamespaces(baseNamespaces, headNamespaces, renderedHead);
  const orphaned = (o) => orphans.namespaces.has(namespaceOf(o.object));
  const baseObjects = renderedBase.filter((o) => !orphaned(o));
  const headObjects = renderedHead.filter((o) => !orphaned(o));
  ctx.onProgress?.(`cluster ${cluster2.name}: reviewing ${baseObjects.length} object(s) at base and ${headObjects.length} at head`);
  const secrets = secretValues([...baseObjects, ...headObjects, ...base.inventory, ...head.inventory].map((o) => o.object));
  const renames = new Map(ctx.changed.filter((c) => c.previousPath !== void 0).map((c) => [c.previousPath, c.path]));
  const pairing = pairObjects(baseObjects, headObjects, renames);
  const baseOutcome = await reviewRef("base", base, baseObjects, baseNamespaces, void 0, ctx);
  const headOutcome = await reviewRef("head", head, headObjects, headNamespaces, pairing, ctx);
  const crossOutcome = policyChanged ? await reviewUnderBasePolicies({ base, head, baseObjects, headObjects, baseNamespaces, headNamespaces, baseOutcome, referential, pairing, ctx }) : void 0;
  for (const outcome of [baseOutcome, headOutcome, ...crossOutcome ? [crossOutcome] : []]) {
    for (const v of outcome.violations) v.message = redactSecrets(v.message, secrets);
  }
  baseOutcome.errors.push(...baseRender.errors);
  headOutcome.errors.push(...headRender.errors, ...orphans.errors, ...coverage.errors);
  const report = diffClusters({
    cluster: cluster2.name,
    base: baseOutcome,
    head: headOutcome,
    ...crossOutcome ? { headUnderBasePolicies: crossOutcome } : {},
    baseObjects,
    headObjects,
    allowedNamespaces: ctx.config.exemptions.allowedNamespaces,
    enforcementPoint: ctx.config.enforcementPoint,
    pairing
  });
  redactDeep(report, secrets);
  report.coverage = coverageOf(headRender, baseRender, ctx.changed, keep);
  const changedFiles = new Set(changedPaths(ctx.changed));
  for (const m of unappliedMutators([...head.policies.mutators, ...headObjects])) {
    report.coverage.notSimulated.push({ ...m, changed: changedFiles.has(m.source.file) });
  }
  report.stats = {
    objectsBase: baseObjects.length,
    objectsHead: headObjects.length,
    reviews: baseOutcome.reviews + headOutcome.reviews + (crossOutcome?.reviews ?? 0),
    rootsRendered: new Set([...baseRender.roots, ...headRender.roots].map((r) => `${r.kind}:${r.path}:${r.release ?? ""}`)).size,
    durationMs: Date.now() - started2
  };
  return report;
}
async function reviewUnderBasePolicies(a) {
  const state = { ...a.head, policies: a.base.policies };
  const sameNamespaces = canonicalJson([...a.baseNamespaces].sort()) === canonicalJson([...a.headNamespaces].sort());
  if (a.referential || !sameNamespaces) return reviewRef("head", state, a.headObjects, a.headNamespaces, a.pairing, a.ctx);
  const atBase = new Map(a.baseObjects.map((o) => [objectKey(objectRef2(o.object)), canonicalJson(o.object)]));
  const unchanged = /* @__PURE__ */ new Set();
  const changed = [];
  for (const o of a.headObjects) {
    const key = objectKey(objectRef2(o.object));
    if (atBase.get(key) === canonicalJson(o.object)) unchanged.add(key);
    else changed.push(o);
  }
  const outcome = await reviewRef("head", state, changed, a.headNamespaces, a.pairing, a.ctx);
  outcome.violations.push(...a.baseOutcome.violations.filter((v) => unchanged.has(objectKey(v.object))).map((v) => ({ ...v })));
  return outcome;
}
function textOf(value, make2) {
  let text = keyTexts.get(value);
  if (text === void 0) keyTexts.set(value, text = make2());
  return text;
}
function expandMemo(parent, namespace, templates) {
  const key = `${namespace === null ? "null" : textOf(namespace, () => JSON.stringify(namespace))}\0${textOf(templates, () => JSON.stringify(templates.map((t) => [t.name, t.applyTo, t.templateSource, t.generatedGVK, t.enforcementAction])))}`;
  let byKey = expansionMemo.get(parent);
  if (!byKey) expansionMemo.set(parent, byKey = /* @__PURE__ */ new Map());
  let resultants = byKey.get(key);
  if (!resultants) {
    resultants = expand(parent, namespace, templates);
    byKey.set(key, resultants);
  }
  return resultants;
}
function underAny2(file, roots) {
  return roots.some((r) => {
    const p = r.replace(/^\.\/?/, "").replace(/\/+$/, "");
    return p === "" || file === p || file.startsWith(`${p}/`);
  });
}
function policyFingerprint(p) {
  const objs = [...p.templates, ...p.constraints, ...p.configs, ...p.expansions, ...p.syncSets].map((o) => canonicalJson(o.object)).sort();
  return objs.join("\n");
}
async function declaredNamespaces(source2, ref, cluster2, rendered) {
  const out = /* @__PURE__ */ new Map();
  const candidates = ref.files.filter((f) => /\.(ya?ml|json)$/i.test(f) && (underAny2(f, cluster2.manifests) || underAny2(f, cluster2.inventory)));
  const texts = await Promise.all(candidates.map((f) => source2.readFile(ref.sha, f)));
  candidates.forEach((file, i) => {
    const buf = texts[i];
    if (!buf || !buf.includes("Namespace")) return;
    const text = buf.toString("utf8");
    if (!NAMESPACE_DOC.test(text)) return;
    for (const o of loadManifestsMemo(text, file, { yamlVersion: "1.1" }).objects) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  });
  for (const o of [...ref.inventory, ...rendered]) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  return out;
}
function orphanedByDeletedNamespaces(base, head, objects) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const ns = namespaceOf(o.object);
    if (ns === "" || !base.has(ns) || head.has(ns)) continue;
    byNamespace.set(ns, [...byNamespace.get(ns) ?? [], o]);
  }
  const errors = [...byNamespace].map(([ns, list2]) => {
    const first = list2[0];
    return {
      kind: "render",
      message: `${first.source.file}:${first.source.startLine}: Namespace ${JSON.stringify(ns)} is deleted by this change, but ${list2.length} object(s) still target it (first: ${gvkOf(first.object).kind} ${ns}/${nameOf(first.object)}); they could not be applied`,
      source: first.source
    };
  });
  return { namespaces: new Set(byNamespace.keys()), errors };
}
function asInCluster(namespace) {
  let copy = inCluster.get(namespace);
  if (!copy) {
    const meta = isObject(namespace.metadata) ? namespace.metadata : {};
    const labels = isObject(meta.labels) ? meta.labels : {};
    copy = { ...namespace, metadata: { ...meta, labels: { ...labels, "kubernetes.io/metadata.name": nameOf(namespace) } } };
    inCluster.set(namespace, copy);
  }
  return copy;
}
async function reviewRef(ref, state, objects, namespaces, pairing, ctx) {
  const errors = [...state.policies.errors];
  throwIfAborted(ctx.signal);
  const client = new PolicyClient({
    compiler: ctx.runtime.compiler,
    pool: ctx.runtime.pool,
    enforcementPoint: ctx.config.enforcementPoint,
    parameterNumbers: "float",
    ...ctx.signal !== void 0 ? { signal: ctx.signal } : {}
  });
  errors.push(...await client.addTemplates(state.policies.templates));
  errors.push(...client.addConstraints(state.policies.constraints).map((f) => f.error));
  const known = [...state.inventory.map((o) => o.object), ...objects.map((o) => o.object), ...namespaces.values()];
  client.setData(syncedObjects(known, state.policies.configs, state.policies.syncSets), known);
  const expansions = [];
  const expansionSources = state.policies.expansions.length > 0 ? state.policies.expansions : defaultExpansionTemplates(ctx.config.expandWorkloads);
  for (const s2 of expansionSources) {
    const r = parseExpansionTemplate(s2);
    if ("error" in r) errors.push(r.error);
    else expansions.push(r.template);
  }
  const plan = planReviews(objects, {
    mode: "webhook",
    objectOf: (o) => o.object,
    expansions,
    expand: expandMemo,
    excludedNamespaces: processExclusions(state.policies.configs, "webhook"),
    namespaceNamed: (name) => namespaces.get(name) ?? asInCluster({ apiVersion: "v1", kind: "Namespace", metadata: { name } }),
    previous: (o) => {
      const old = pairing?.previous(o)?.object;
      return old !== void 0 && canonicalJson(old) !== canonicalJson(o.object) ? old : void 0;
    }
  });
  for (const { parent, message: message2 } of plan.expansionErrors) {
    errors.push({ kind: "expansion", message: `${parent.source.file}:${parent.source.startLine}: ${message2}`, source: parent.source });
  }
  let results;
  try {
    results = await evaluatePlan(client, plan);
  } finally {
    client.dispose();
  }
  const violations = [];
  const parents = /* @__PURE__ */ new Map();
  const add2 = (v, parent) => {
    violations.push(v);
    parents.set(v, parent);
  };
  const raised = /* @__PURE__ */ new Set();
  const raisedKey = (parent, v) => [parent.root, objectKey(objectRef2(parent.object)), v.constraint.kind, v.constraint.name, v.msg].join("\0");
  for (const { entry, violations: list2 } of results) {
    if (entry.onCreate) continue;
    for (const v of list2) {
      raised.add(raisedKey(entry.parent, v));
      add2(toReviewed(v, entry.parent, entry.implied, entry.review.operation), entry.parent);
    }
  }
  for (const { entry, violations: list2 } of results) {
    if (!entry.onCreate) continue;
    for (const v of list2) if (!raised.has(raisedKey(entry.parent, v))) add2({ ...toReviewed(v, entry.parent, entry.implied, "CREATE"), onCreate: true }, entry.parent);
  }
  await locateViolations(parents, (file) => ctx.source.readFile(state.sha, file), (chart) => [
    `${chart === "" ? "" : `${chart}/`}values.yaml`,
    ...new Set(ctx.config.clusters.flatMap((c) => c.helmValues[chart] ?? []))
  ]);
  const constraintSources = /* @__PURE__ */ new Map();
  for (const c of client.constraintList) constraintSources.set(`${c.kind}/${c.name}`, c.source);
  return { ref, violations, errors, reviews: plan.reviews.length, constraints: client.constraintList, policies: state.policies, constraintSources };
}
async function locateViolations(parents, read, valuesFiles) {
  const texts = /* @__PURE__ */ new Map();
  const readAll2 = async (files) => {
    const wanted = [...new Set(files)].filter((f) => !texts.has(f));
    const bodies = await Promise.all(wanted.map((f) => read(f).then((b) => b?.toString("utf8"), () => void 0)));
    wanted.forEach((f, i) => texts.set(f, bodies[i]));
  };
  const byFile = /* @__PURE__ */ new Map();
  for (const [v, parent] of parents) {
    const found = offendingPath(parent.object, v.message);
    if (!found) continue;
    let list2 = byFile.get(parent.source.file);
    if (!list2) byFile.set(parent.source.file, list2 = []);
    list2.push({ v, parent, found });
  }
  await readAll2(byFile.keys());
  const more = [];
  for (const [file, list2] of byFile) {
    const text = texts.get(file);
    if (text === void 0) continue;
    for (const { parent, found } of list2) {
      const value = valueAt(parent.object, found.path);
      if (typeof value === "string" && parent.root.startsWith("helm:") && !text.includes(value)) more.push(...valuesFiles(helmChartOf(parent.root)));
      if (typeof value === "string" && found.path[found.path.length - 1] === "image" && parent.root.startsWith("kustomize:")) more.push(...kustomizationFiles(parent.root));
    }
  }
  await readAll2(more);
  for (const [file, list2] of byFile) {
    const text = texts.get(file);
    if (text === void 0) continue;
    for (const { v, parent, found } of list2) {
      const location2 = lineOfPath(text, parent.source, gvkOf(parent.object).kind, found.path, found.container > 0 ? found.container : found.path.length);
      if (location2) v.location = location2;
      const value = valueAt(parent.object, found.path);
      if (typeof value === "string" && parent.root.startsWith("helm:") && !text.includes(value)) {
        let best;
        for (const valuesFile of valuesFiles(helmChartOf(parent.root))) {
          const values = texts.get(valuesFile);
          const hit = values === void 0 ? void 0 : valuesLine(values, valuesFile, value);
          if (hit && (!best || hit.length >= best.length)) best = hit;
        }
        if (best) v.location = best.location;
      }
      const image = found.path[found.path.length - 1] === "image" ? value : void 0;
      if (typeof image === "string" && parent.root.startsWith("kustomize:")) {
        for (const kustomizationFile of kustomizationFiles(parent.root)) {
          const kustomization = texts.get(kustomizationFile);
          if (kustomization === void 0) continue;
          const entry = imagesEntryLine(kustomization, kustomizationFile, image);
          if (entry) v.location = entry;
          break;
        }
      }
    }
  }
}
function helmChartOf(root) {
  return root.slice("helm:".length).replace(/#[^#/]*$/, "");
}
function kustomizationFiles(root) {
  const dir = root.slice("kustomize:".length);
  return ["kustomization.yaml", "kustomization.yml", "Kustomization"].map((name) => dir === "" || dir === "." ? name : `${dir}/${name}`);
}
function toReviewed(v, parent, implied, operation) {
  const action = v.enforcementAction;
  const actions = action === "scoped" ? v.scopedActions ?? [] : [action];
  return {
    constraintKind: v.constraint.kind,
    constraintName: v.constraint.name,
    constraintSource: v.constraint.source,
    actions: actions.filter((a) => a === "deny" || a === "warn" || a === "dryrun"),
    object: objectRef2(parent.object),
    objectSource: parent.source,
    message: v.msg,
    ...implied ? { impliedBy: implied.name } : {},
    operation: operation === "UPDATE" ? "UPDATE" : "CREATE",
    root: parent.root,
    objectMeta: metadataOf(parent.object)
  };
}
function coverageOf(head, base, changed, keep) {
  const roots = {};
  const apps = {};
  for (const r of head.roots) {
    if (r.app !== void 0) apps[r.app.tool] = (apps[r.app.tool] ?? 0) + 1;
    else roots[r.kind] = (roots[r.kind] ?? 0) + 1;
  }
  const paths = new Set(changedPaths(changed));
  const notSimulated2 = [];
  for (const u of head.unsimulated) {
    notSimulated2.push({ what: `${u.tool === "flux" ? "Flux" : "Argo CD"} ${u.kind} ${u.name}`, source: { ...u.declared }, reason: u.reason, changed: u.deps.some((d) => paths.has(d)) });
  }
  const failed2 = /* @__PURE__ */ new Map();
  const failedAt = /* @__PURE__ */ new Map();
  for (const e of head.errors) {
    const by = e.source?.renderedBy;
    if (by !== void 0 && !failed2.has(by)) {
      failed2.set(by, e.message);
      failedAt.set(by, e.source);
    }
  }
  const baseFailed = new Set(base.errors.map((e) => e.source?.renderedBy));
  for (const r of head.roots) {
    const id2 = rootId(r);
    const why = failed2.get(id2);
    if (why === void 0) continue;
    const probe = { root: id2, source: { file: r.app?.declared.file ?? r.path, startLine: 1, endLine: 1 }, object: {} };
    if (r.app === void 0 && !keep(probe)) continue;
    const errorAt = failedAt.get(id2);
    const at2 = r.app ? { ...r.app.declared } : errorAt !== void 0 ? { file: errorAt.file, startLine: errorAt.startLine, endLine: errorAt.endLine } : void 0;
    notSimulated2.push({ what: r.app !== void 0 ? `${r.app.tool === "flux" ? "Flux" : "Argo CD"} ${r.app.kind} ${r.app.name}` : id2, ...at2 !== void 0 ? { source: at2 } : {}, reason: `render error: ${why}`, changed: !baseFailed.has(id2) });
  }
  return { simulated: { roots, apps }, notSimulated: notSimulated2 };
}
var SHIPPED_POLICIES_DIR, VERSION, expansionMemo, keyTexts, NAMESPACE_DOC, inCluster;
var init_simulate = __esm({
  "src/simulate/simulate.ts"() {
    "use strict";
    init_classify();
    init_expand();
    init_client();
    init_plan();
    init_tools();
    init_abort();
    init_load();
    init_expansion();
    init_mask();
    init_render_ref();
    init_plan2();
    init_affected();
    init_coverage();
    init_types();
    init_diff();
    init_identity();
    init_locate();
    init_policies();
    init_config();
    init_mutation();
    init_verdict();
    SHIPPED_POLICIES_DIR = path21.join(REPO_ROOT, "policies");
    VERSION = "0.1.0";
    expansionMemo = /* @__PURE__ */ new WeakMap();
    keyTexts = /* @__PURE__ */ new WeakMap();
    NAMESPACE_DOC = /^kind:\s*["']?Namespace["']?\s*$/m;
    inCluster = /* @__PURE__ */ new WeakMap();
  }
});

// src/cli/commands/diff.ts
var diff_exports = {};
__export(diff_exports, {
  DIFF_USAGE: () => DIFF_USAGE,
  renderReport: () => renderReport,
  runDiff: () => runDiff
});
import { execFile } from "node:child_process";
import { readFile as readFile7 } from "node:fs/promises";
import { parseArgs as parseArgs3 } from "node:util";
async function runDiff(argv, out, err, signal) {
  let args;
  try {
    args = parseArgs3({
      args: argv,
      options: {
        base: { type: "string" },
        head: { type: "string" },
        repo: { type: "string", default: "." },
        config: { type: "string" },
        output: { type: "string", short: "o", default: "text" },
        color: { type: "boolean" },
        "unsafe-no-sandbox": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (e) {
    err.write(`${e.message}
${DIFF_USAGE}
`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    out.write(`${DIFF_USAGE}
`);
    return 0;
  }
  if (!v.base) {
    err.write(`--base is required
${DIFF_USAGE}
`);
    return 2;
  }
  const format = v.output ?? "text";
  if (!["text", "markdown", "json", "sarif"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, markdown, json or sarif
`);
    return 2;
  }
  const sandbox = await sandboxMode(v["unsafe-no-sandbox"] ?? false, "diff", err);
  if (sandbox === void 0) return 2;
  const source2 = new LocalGitSource(v.repo ?? ".", signal !== void 0 ? { signal } : {});
  if (v.head === void 0 && await uncommittedChanges(v.repo ?? ".") > 0) {
    err.write(`note: no --head given, so the head is HEAD; the working tree has uncommitted changes, which are not included (commit them to check them)
`);
  }
  const configFile = v.config ?? CONFIG_FILE;
  const configText = v.config !== void 0 ? await readFile7(v.config, "utf8") : (await source2.readFile(await source2.resolve(v.base), CONFIG_FILE))?.toString("utf8");
  const { config, errors: configErrors } = loadConfig(configText, configFile);
  for (const e of configErrors) err.write(`config error: ${e.message}
`);
  const progress = err.isTTY ? (line) => err.write(`\x1B[2m\u2026 ${line}\x1B[0m
`) : void 0;
  const runtime = createRuntime();
  let report;
  try {
    report = await simulate({
      source: source2,
      base: v.base,
      head: v.head ?? "HEAD",
      config,
      runtime,
      ...sandbox === "unsafe-none" ? { unsafeNoSandbox: true } : {},
      ...progress ? { onProgress: progress } : {},
      ...signal !== void 0 ? { signal } : {}
    });
  } finally {
    await runtime.close();
  }
  applyConfigErrors(report, configErrors, config, configFile);
  out.write(renderReport(report, format, v.color ?? Boolean(out.isTTY)));
  return report.verdict.conclusion === "success" ? 0 : 1;
}
function renderReport(report, format, color) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report), null, 2)}
`;
    case "markdown": {
      const md = renderMarkdown(report);
      return `# ${md.title}

${md.summary}
`;
    }
    default:
      return renderText(report, { color });
  }
}
function uncommittedChanges(repo) {
  return new Promise((resolve2) => {
    execFile("git", ["-C", repo, "status", "--porcelain"], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve2(error ? 0 : stdout.split("\n").filter((l) => l.trim() !== "").length);
    });
  });
}
var DIFF_USAGE;
var init_diff2 = __esm({
  "src/cli/commands/diff.ts"() {
    "use strict";
    init_defaults();
    init_load2();
    init_runtime();
    init_json2();
    init_markdown();
    init_sarif();
    init_text();
    init_config_errors();
    init_simulate();
    init_git();
    init_sandbox_flag();
    DIFF_USAGE = `Usage: preadmit diff --base REF --head REF [--repo DIR] [--config FILE] [-o text|markdown|json|sarif] [${UNSAFE_FLAG}]

Simulates Gatekeeper admission of the repository at both refs and reports what the change introduces,
fixes and leaves as it was. The repository config is read from ${CONFIG_FILE} at the base ref (a change
cannot relax its own check) unless --config names a file. Exit code: 0 when the change passes, 1 when
it is blocked, 2 on a usage error.
${UNSAFE_FLAG_HELP}`;
  }
});

// src/github/errors.ts
function statusOf(e) {
  if (typeof e === "object" && e !== null && "status" in e && typeof e.status === "number") return e.status;
  return void 0;
}
function redact(text, secrets = []) {
  let out = text;
  for (const s2 of secrets) if (s2.length >= 4) out = out.split(s2).join("[redacted]");
  for (const p of SECRET_PATTERNS) out = out.replace(p, "[redacted]");
  return out;
}
function describeError(e, secrets = []) {
  const status = statusOf(e);
  const message2 = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error && !message2.includes(e.cause.message) ? `: ${e.cause.message}` : "";
  return redact(`${status !== void 0 && !message2.includes(String(status)) ? `HTTP ${status}: ` : ""}${message2}${cause}`, secrets);
}
function requestName(route, params) {
  const [method, url = ""] = route.split(" ");
  const used = /* @__PURE__ */ new Set();
  const expanded = url.replace(/\{(\w+)\}/g, (_, k) => {
    used.add(k);
    return encodeURIComponent(String(params[k] ?? ""));
  });
  const query2 = Object.entries(params).filter(([k]) => !used.has(k)).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join("&");
  return `${method} ${expanded}${query2 ? `?${query2}` : ""}`;
}
var SECRET_PATTERNS, GitHubApiError;
var init_errors3 = __esm({
  "src/github/errors.ts"() {
    "use strict";
    SECRET_PATTERNS = [
      /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
      /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
      /\b(authorization|token|bearer)(\s*[:=]?\s*)(bearer\s+|token\s+)?[A-Za-z0-9._~+/=-]{16,}/gi,
      /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g
      // JWTs (the app's own)
    ];
    GitHubApiError = class extends Error {
      constructor(message2, request, status) {
        super(message2);
        this.request = request;
        this.status = status;
      }
      request;
      status;
      name = "GitHubApiError";
    };
  }
});

// src/report/annotations.ts
function annotation(where2, level2, title, message2, rawDetails) {
  if (where2 === void 0 || !isRepositoryPath(where2.file)) return void 0;
  const start = Math.max(1, Math.floor(where2.startLine));
  const end = Math.max(start, Math.floor(where2.endLine));
  const out = {
    path: where2.file,
    start_line: start,
    end_line: end,
    annotation_level: level2,
    // A title is one line on GitHub: a line break in a name would otherwise start a line of its own.
    title: truncateChars(visibleControls(title).replace(/\n/g, " "), ANNOTATION_TITLE_CHARS),
    message: truncateBytes(visibleControls(message2 === "" ? title : message2), ANNOTATION_TEXT_BYTES)
  };
  if (rawDetails !== void 0) out.raw_details = truncateBytes(visibleControls(rawDetails), ANNOTATION_TEXT_BYTES);
  return out;
}
function findingAnnotation(f, multiCluster) {
  const action = strongestAction(f.actions);
  const prefix2 = multiCluster ? `[${f.cluster}] ` : "";
  const onConstraint = isPolicyCaused(f) && f.constraint.source !== void 0;
  const where2 = onConstraint ? f.constraint.source : f.location ?? f.objectSource;
  const title = `${prefix2}${action}: ${constraintLabel(f.constraint)} on ${objectLabel(f.object)}`;
  const message2 = onConstraint ? `${f.message}

${objectLabel(f.object)}${f.objectSource !== void 0 ? ` (${locationLabel(f.objectSource)})` : ""} newly violates this constraint (${action}) because of this policy change.` : f.message;
  const details = [
    `cluster: ${f.cluster}`,
    `constraint: ${constraintLabel(f.constraint)}`,
    `actions: ${f.actions.join(", ")}`,
    `object: ${f.object.group === "" ? "" : `${f.object.group}/`}${f.object.version}/${objectLabel(f.object)}`,
    `operation: ${f.operation}`,
    ...f.impliedBy !== void 0 ? [`implied by: ${f.impliedBy}`] : [],
    `cause: ${f.cause}`,
    `finding: ${f.id}`
  ].join("\n");
  return annotation(where2, LEVEL2[action], title, message2, details);
}
function renderAnnotations(report) {
  const multi = report.clusters.length > 1;
  const out = [];
  const push = (a) => {
    if (a !== void 0) out.push(a);
  };
  for (const cluster2 of report.clusters) {
    const prefix2 = multi ? `[${cluster2.name}] ` : "";
    for (const f of cluster2.findings.filter((x) => x.category === "new").sort(compareFindings)) push(findingAnnotation(f, multi));
    for (const p of cluster2.promotions) {
      const shown2 = p.objects.slice(0, 200).map((o) => `- ${objectLabel(o.object)}${o.source !== void 0 ? ` (${locationLabel(o.source)})` : ""}: ${o.message}`);
      const more = p.objects.length > shown2.length ? [`\u2026 ${p.objects.length - shown2.length} more`] : [];
      push(
        annotation(
          p.constraint.source,
          p.to === "deny" ? "failure" : "warning",
          `${prefix2}promotion: ${constraintLabel(p.constraint)} ${p.from} \u2192 ${p.to}`,
          `${constraintLabel(p.constraint)} moves from ${p.from} to ${p.to}: ${plural(p.objects.length, "existing object")} would start being ${p.to === "deny" ? "rejected" : `reported (${p.to})`}.`,
          [...shown2, ...more].join("\n") || void 0
        )
      );
    }
    for (const e of cluster2.exemptions) {
      if (e.change !== "added" || e.allowed) continue;
      push(
        annotation(
          e.source,
          "failure",
          `${prefix2}exemption outside the allow list: ${e.namespace}`,
          `${e.owner} adds namespace "${e.namespace}" to ${e.field}, but the repository's exemption governance (exemptions.allowedNamespaces in .github/preadmit.yml) does not allow exempting it.`
        )
      );
    }
    for (const r of cluster2.relaxations) {
      if (r.allowed || r.type.endsWith("-removed")) continue;
      const governed = cluster2.exemptions.some((e) => e.change === "added" && !e.allowed && e.source?.file === r.source?.file && e.source?.startLine === r.source?.startLine);
      if (governed && r.letsThrough.length === 0 && (r.type === "exemption" || r.type === "config-exclusion")) continue;
      const shown2 = r.letsThrough.slice(0, 200).map((t) => `- ${objectLabel(t.object)}${t.objectSource !== void 0 ? ` (${locationLabel(t.objectSource)})` : ""}: ${constraintLabel(t.constraint)} ${t.before} \u2192 ${t.after}: ${t.message}`);
      const more = r.letsThrough.length > shown2.length ? [`\u2026 ${r.letsThrough.length - shown2.length} more`] : [];
      push(annotation(r.source, "failure", `${prefix2}policy relaxation: ${r.description}`, `This change relaxes the policies (${r.description}); it lets through ${plural(r.letsThrough.length, "violation")} the base's policies report.`, [...shown2, ...more].join("\n") || void 0));
    }
    for (const e of cluster2.errors) {
      if (e.ref !== "head") continue;
      push(annotation(e.error.source, e.existing ? "warning" : "failure", `${prefix2}${e.error.kind} error${e.existing ? " (also at base)" : ""}`, e.error.message));
    }
  }
  return out.sort(
    (a, b) => cmp3(a.path, b.path) || a.start_line - b.start_line || a.end_line - b.end_line || LEVEL_RANK[a.annotation_level] - LEVEL_RANK[b.annotation_level] || cmp3(a.title, b.title) || cmp3(a.message, b.message)
  );
}
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function annotationBatches(annotations, size = ANNOTATIONS_PER_REQUEST) {
  const out = [];
  for (let i = 0; i < annotations.length; i += size) out.push(annotations.slice(i, i + size));
  return out;
}
var ANNOTATION_TITLE_CHARS, ANNOTATION_TEXT_BYTES, ANNOTATIONS_PER_REQUEST, LEVEL2, LEVEL_RANK;
var init_annotations = __esm({
  "src/report/annotations.ts"() {
    "use strict";
    init_format();
    ANNOTATION_TITLE_CHARS = 255;
    ANNOTATION_TEXT_BYTES = 64 * 1024;
    ANNOTATIONS_PER_REQUEST = 50;
    LEVEL2 = { deny: "failure", warn: "warning", dryrun: "notice" };
    LEVEL_RANK = { failure: 0, warning: 1, notice: 2 };
  }
});

// src/github/publish.ts
function completionFor(target, outcome, maxAnnotations = MAX_ANNOTATIONS) {
  if ("error" in outcome) return errorCompletion(outcome.error, outcome.failClosed);
  const { report } = outcome;
  const md = renderMarkdown(report, {
    maxChars: GITHUB_SUMMARY_LIMIT - SUMMARY_RESERVE,
    headSha: report.head.sha,
    ...target.htmlUrl !== void 0 ? { repoUrl: target.htmlUrl } : {}
  });
  const all = renderAnnotations(report);
  const annotations = all.slice(0, maxAnnotations);
  let summary = md.summary;
  if (all.length > annotations.length) {
    summary += `

> ${all.length - annotations.length} of ${all.length} annotations are not shown on the diff (at most ${maxAnnotations} are published); the tables above list every finding.
`;
  }
  return { conclusion: report.verdict.conclusion, title: clip(md.title, TITLE_CHARS), summary: clip(summary, GITHUB_SUMMARY_LIMIT), annotations };
}
function errorCompletion(error, failClosed) {
  const why = failClosed ? `The check fails closed: an error means the change was not verified, so it is not let through (\`blocking.errorsAtHead\` in \`${CONFIG_FILE}\` on the default branch).` : `\`blocking.errorsAtHead: false\` in \`${CONFIG_FILE}\` on the default branch says errors do not block, so this run is neutral. The change was NOT verified.`;
  return {
    conclusion: failClosed ? "failure" : "neutral",
    title: failClosed ? "preadmit could not check this commit (fail closed)" : "preadmit could not check this commit (errors do not block)",
    summary: clip(
      `## ${failClosed ? "\u274C" : "\u26A0\uFE0F"} preadmit could not complete the check

${why}

${fenced(clip(redactLines(error), 2e4), "text")}
Comment \`/gatekeeper recheck\` on the pull request to run the check again.
`,
      GITHUB_SUMMARY_LIMIT
    )
  };
}
function interruptedCompletion(title, detail, next) {
  return {
    conclusion: "cancelled",
    title,
    summary: `## Interrupted

${detail} \`cancelled\` never counts as passing a required check.

${next}
`
  };
}
async function completeCheckRun(octokit, target, completion, options = {}) {
  const batches = annotationBatches(completion.annotations ?? []);
  const route = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
  const base = { owner: target.owner, repo: target.repo, check_run_id: target.checkRunId };
  const output = (annotations) => ({
    title: completion.title,
    summary: completion.summary,
    ...annotations !== void 0 && annotations.length > 0 ? { annotations } : {}
  });
  try {
    await octokit.request(route, { ...base, status: "completed", conclusion: completion.conclusion, completed_at: (/* @__PURE__ */ new Date()).toISOString(), output: output(batches[0]) });
  } catch (e) {
    options.log?.("check run completion failed; minimal completion sent", { run: target.checkRunId }, e);
    await octokit.request(route, {
      ...base,
      status: "completed",
      conclusion: completion.conclusion,
      completed_at: (/* @__PURE__ */ new Date()).toISOString(),
      output: {
        title: clip(completion.title, TITLE_CHARS),
        summary: `preadmit reached the conclusion \`${completion.conclusion}\` but could not publish the full result of this check (${escapeMarkdown(describeError(e).slice(0, 500))}). Comment \`/gatekeeper recheck\` on the pull request to run it again.`
      }
    });
    return;
  }
  for (let i = 1; i < batches.length; i++) {
    try {
      await octokit.request(route, { ...base, output: output(batches[i]) });
    } catch (e) {
      options.log?.("annotations batch failed", { run: target.checkRunId, batch: i + 1, batches: batches.length }, e);
      const shown2 = i * 50;
      const total = (completion.annotations ?? []).length;
      await octokit.request(route, {
        ...base,
        output: { title: completion.title, summary: clip(`${completion.summary}

> Only ${shown2} of ${total} annotations could be published (GitHub refused the rest).
`, GITHUB_SUMMARY_LIMIT) }
      }).catch((e2) => options.log?.("noting missing annotations failed", { run: target.checkRunId }, e2));
      return;
    }
  }
}
async function publishCheckRun(octokit, target, outcome, options = {}) {
  await completeCheckRun(octokit, target, completionFor(target, outcome, options.maxAnnotations), options);
}
function clip(text, max) {
  if (utf8Bytes(text) <= max) return text;
  return `${cutUtf8(text, max - utf8Bytes("\u2026"))}\u2026`;
}
function redactLines(text) {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}
var MAX_ANNOTATIONS, TITLE_CHARS, SUMMARY_RESERVE;
var init_publish = __esm({
  "src/github/publish.ts"() {
    "use strict";
    init_annotations();
    init_escape();
    init_markdown();
    init_defaults();
    init_errors3();
    MAX_ANNOTATIONS = 1e3;
    TITLE_CHARS = 1e3;
    SUMMARY_RESERVE = 600;
  }
});

// src/github/schemas.ts
import { z } from "zod/v4";
function parseAnswer(schema, data, request) {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join(".") : "the answer"}: ${i.message}`);
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : "";
  throw new GitHubApiError(`${request}: GitHub's answer is not what its API documents: ${issues.join("; ")}${more}`, request);
}
var sha, id, PullRequestAnswer, PullRequestHeadAnswer, RepositoryAnswer, CreatedCheckRunAnswer, CheckRunListAnswer, CommitAnswer, GitRefAnswer, CompareAnswer, ContentsAnswer, CollaboratorPermissionAnswer, AppAnswer, TreeAnswer, BlobAnswer, PullFilesAnswer;
var init_schemas = __esm({
  "src/github/schemas.ts"() {
    "use strict";
    init_errors3();
    sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex sha");
    id = z.number().int().positive();
    PullRequestAnswer = z.object({
      state: z.string(),
      user: z.object({ login: z.string() }).nullish(),
      changed_files: z.number().int().nonnegative().optional(),
      head: z.object({ sha }),
      base: z.object({
        sha,
        ref: z.string().min(1),
        repo: z.object({ default_branch: z.string().min(1).optional(), html_url: z.string().optional() }).nullish()
      })
    });
    PullRequestHeadAnswer = PullRequestAnswer.pick({ head: true, changed_files: true });
    RepositoryAnswer = z.object({ default_branch: z.string().min(1), html_url: z.string().optional() });
    CreatedCheckRunAnswer = z.object({ id, html_url: z.string().nullish() });
    CheckRunListAnswer = z.object({
      check_runs: z.array(
        z.object({
          id,
          status: z.string(),
          external_id: z.string().nullish(),
          app: z.object({ id: z.number().int() }).nullish()
        })
      )
    });
    CommitAnswer = z.object({ sha });
    GitRefAnswer = z.object({ object: z.object({ sha }) });
    CompareAnswer = z.object({ merge_base_commit: z.object({ sha }) });
    ContentsAnswer = z.union([
      z.string(),
      z.array(z.unknown()),
      z.object({ type: z.string(), content: z.string().optional(), encoding: z.string().optional() })
    ]);
    CollaboratorPermissionAnswer = z.object({ permission: z.string().optional(), role_name: z.string().optional() });
    AppAnswer = z.object({ id });
    TreeAnswer = z.object({
      sha,
      truncated: z.boolean().optional(),
      tree: z.array(z.object({ path: z.string(), mode: z.string(), type: z.string(), sha: z.string() }))
    });
    BlobAnswer = z.object({ content: z.string(), encoding: z.string() });
    PullFilesAnswer = z.array(z.object({ filename: z.string(), status: z.string(), previous_filename: z.string().optional() }));
  }
});

// src/github/check-runs.ts
function externalIdOf(origin) {
  return origin.kind === "pull_request" ? `pr/${origin.pullNumber}` : `mg/${origin.baseSha}`;
}
async function createCheckRun(octokit, target) {
  const res = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: "in_progress",
    started_at: (/* @__PURE__ */ new Date()).toISOString(),
    external_id: externalIdOf(target.origin),
    output: {
      title: "Simulating Gatekeeper admission\u2026",
      summary: `Rendering the manifests this change touches and reviewing them against the repository's policies at base and at ${target.headSha.slice(0, 7)}.`
    }
  });
  const data = parseAnswer(CreatedCheckRunAnswer, res.data, requestName("POST /repos/{owner}/{repo}/check-runs", { owner: target.owner, repo: target.repo }));
  return { id: data.id, htmlUrl: data.html_url ?? void 0 };
}
var CHECK_RUN_NAME;
var init_check_runs = __esm({
  "src/github/check-runs.ts"() {
    "use strict";
    init_errors3();
    init_publish();
    init_schemas();
    CHECK_RUN_NAME = "preadmit";
  }
});

// src/github/source.ts
import { createHash as createHash8 } from "node:crypto";
import { mkdir as mkdir10, writeFile as writeFile6 } from "node:fs/promises";
import path22 from "node:path";
import { gunzip } from "node:zlib";
async function jsonBody(data, request) {
  let text;
  if (typeof data === "string") text = data;
  else if (data instanceof ReadableStream) text = await new Response(data).text();
  else if (data instanceof ArrayBuffer || data instanceof Uint8Array) text = Buffer.from(data).toString("utf8");
  else return data;
  try {
    return JSON.parse(text);
  } catch {
    throw new GitHubApiError(`${request}: the response is not JSON`, request);
  }
}
function changeOf(f) {
  if (!safeRepoPath(f.filename)) return void 0;
  const prev = f.previous_filename !== void 0 && safeRepoPath(f.previous_filename) ? f.previous_filename : void 0;
  switch (f.status) {
    case "added":
    case "copied":
      return { path: f.filename, status: "added" };
    case "removed":
      return { path: f.filename, status: "deleted" };
    case "renamed":
      return prev !== void 0 ? { path: f.filename, status: "renamed", previousPath: prev } : { path: f.filename, status: "added" };
    case "unchanged":
      return void 0;
    default:
      return { path: f.filename, status: "modified" };
  }
}
function diffSnapshots(base, head) {
  const regular = (s2) => new Map([...s2.entries].filter(([, e]) => REGULAR_FILE_MODES2.has(e.mode)));
  const [b, h] = [regular(base), regular(head)];
  const out = [];
  const added = [];
  const deleted = /* @__PURE__ */ new Map();
  for (const [p, e] of h) {
    const old = b.get(p);
    if (old === void 0) added.push(p);
    else if (old.sha !== e.sha || old.mode !== e.mode) out.push({ path: p, status: "modified" });
  }
  const deletedPaths = [];
  for (const [p, e] of b) {
    if (h.has(p)) continue;
    if (deleted.has(e.sha)) deletedPaths.push(p);
    else deleted.set(e.sha, p);
  }
  for (const p of added) {
    const sha2 = h.get(p)?.sha ?? "";
    const from = deleted.get(sha2);
    if (from !== void 0) {
      deleted.delete(sha2);
      out.push({ path: p, status: "renamed", previousPath: from });
    } else out.push({ path: p, status: "added" });
  }
  for (const p of [...deleted.values(), ...deletedPaths]) out.push({ path: p, status: "deleted" });
  return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
function everyDirectoryKnown(entries, dirs) {
  if (!dirs.has("")) return false;
  for (const p of entries.keys()) {
    for (let slash = p.indexOf("/"); slash >= 0; slash = p.indexOf("/", slash + 1)) if (!dirs.has(p.slice(0, slash))) return false;
  }
  return true;
}
function safeRepoPath(p) {
  if (p === "" || p.startsWith("/") || p.includes("\\") || /[\x00]/.test(p)) return false;
  return p.split("/").every((s2) => s2 !== "" && s2 !== "." && s2 !== "..");
}
function checkInside(root, p) {
  const target = path22.resolve(root, ...p.split("/"));
  if (!safeRepoPath(p) || !target.startsWith(root + path22.sep)) throw new GitHubApiError(`refusing to write ${p} outside ${root}`, "materialize");
  return target;
}
function gitBlobSha(bytes) {
  return createHash8("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
var GITHUB_MAX_PR_FILES, FILES_PER_PAGE, REGULAR_FILE_MODES2, SHA, IncrementalTooCostly, INCREMENTAL_TREE_BUDGET, LruCache, GitHubCache, sharedCache, GitHubSource;
var init_source = __esm({
  "src/github/source.ts"() {
    "use strict";
    init_read();
    init_links();
    init_errors3();
    init_abort();
    init_memo();
    init_tar();
    init_schemas();
    GITHUB_MAX_PR_FILES = 3e3;
    FILES_PER_PAGE = 100;
    REGULAR_FILE_MODES2 = /* @__PURE__ */ new Set(["100644", "100755"]);
    SHA = /^[0-9a-f]{40}$/;
    IncrementalTooCostly = class extends Error {
    };
    INCREMENTAL_TREE_BUDGET = 24;
    LruCache = class {
      constructor(maxWeight, weigh) {
        this.maxWeight = maxWeight;
        this.weigh = weigh;
      }
      maxWeight;
      weigh;
      #map = /* @__PURE__ */ new Map();
      #total = 0;
      hits = 0;
      misses = 0;
      get(key) {
        const e = this.#map.get(key);
        if (e === void 0) {
          this.misses++;
          return void 0;
        }
        this.hits++;
        this.#map.delete(key);
        this.#map.set(key, e);
        return e.value;
      }
      has(key) {
        return this.#map.has(key);
      }
      set(key, value) {
        const weight = this.weigh(value);
        if (weight > this.maxWeight) return;
        const old = this.#map.get(key);
        if (old !== void 0) {
          this.#total -= old.weight;
          this.#map.delete(key);
        }
        this.#map.set(key, { value, weight });
        this.#total += weight;
        for (const [k, e] of this.#map) {
          if (this.#total <= this.maxWeight) break;
          this.#map.delete(k);
          this.#total -= e.weight;
        }
      }
      get size() {
        return this.#map.size;
      }
    };
    GitHubCache = class {
      blobs;
      trees;
      /** Per repository, the snapshot with directory shas used last: the starting point of incremental reads. */
      lastTree = /* @__PURE__ */ new Map();
      #children = /* @__PURE__ */ new WeakMap();
      constructor(options = {}) {
        this.blobs = new LruCache(options.maxBlobBytes ?? 256 * 1024 * 1024, (b) => b.length + 64);
        this.trees = new LruCache(options.maxTrees ?? 64, () => 1);
      }
      childrenOf(snap) {
        let index = this.#children.get(snap);
        if (index === void 0) {
          index = /* @__PURE__ */ new Map();
          const add2 = (p, child4) => {
            const slash = p.lastIndexOf("/");
            const dir = slash < 0 ? "" : p.slice(0, slash);
            let m = index.get(dir);
            if (m === void 0) index.set(dir, m = /* @__PURE__ */ new Map());
            m.set(slash < 0 ? p : p.slice(slash + 1), child4);
          };
          for (const [p, e] of snap.entries) add2(p, { type: "blob", sha: e.sha });
          for (const [p, sha2] of snap.dirs) if (p !== "") add2(p, { type: "tree", sha: sha2 });
          this.#children.set(snap, index);
        }
        return index;
      }
    };
    sharedCache = new GitHubCache();
    GitHubSource = class {
      #octokit;
      #owner;
      #repo;
      #pullNumber;
      #maxFiles;
      #cache;
      #concurrency;
      #tarballThreshold;
      #maxTarballBytes;
      #signal;
      #resolved = /* @__PURE__ */ new Map();
      #snapshots = /* @__PURE__ */ new Map();
      #views = /* @__PURE__ */ new Map();
      #blobsInFlight = /* @__PURE__ */ new Map();
      #tarballs = /* @__PURE__ */ new Map();
      #pending = /* @__PURE__ */ new Map();
      #flushScheduled = false;
      #active = 0;
      #queue = [];
      /** Requests made, by kind: what tests and benchmarks look at. */
      stats = { requests: 0, blobs: 0, trees: 0, tarballs: 0, filePages: 0 };
      constructor(octokit, options) {
        this.#octokit = octokit;
        this.#owner = options.owner;
        this.#repo = options.repo;
        this.#pullNumber = options.pullNumber;
        this.#maxFiles = options.maxFiles ?? GITHUB_MAX_PR_FILES;
        this.#cache = options.cache ?? sharedCache;
        this.#concurrency = Math.max(1, options.concurrency ?? 8);
        this.#tarballThreshold = options.tarballThreshold ?? 64;
        this.#maxTarballBytes = options.maxTarballBytes ?? 1024 * 1024 * 1024;
        this.#signal = options.signal;
      }
      get #key() {
        return `${this.#owner}/${this.#repo}`.toLowerCase();
      }
      resolve(ref) {
        if (SHA.test(ref)) return Promise.resolve(ref);
        return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
      }
      async #resolveUncached(ref) {
        if (ref === "" || /[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes("..")) {
          throw new GitHubApiError(`invalid ref ${JSON.stringify(ref)}`, "resolve");
        }
        const res = await this.#getAs(CommitAnswer, "GET /repos/{owner}/{repo}/commits/{ref}", { ref }, { notFound: "undefined" });
        const sha2 = res?.sha;
        if (sha2 === void 0) {
          throw new GitHubApiError(`${this.#owner}/${this.#repo}: '${ref}' does not name a commit`, `GET /repos/${this.#owner}/${this.#repo}/commits/${ref}`, 404);
        }
        return sha2;
      }
      async listFiles(ref) {
        const snap = await this.#snapshot(ref);
        return [...(await this.#view(snap)).files.keys()].sort();
      }
      async linkErrors(ref) {
        return (await this.#view(await this.#snapshot(ref))).errors;
      }
      /** What GitOps tools see in the snapshot: regular files and what in-repository links show (links.ts). */
      #view(snap) {
        return memoPromise(this.#views, snap.commit, async () => {
          const regular = [...snap.entries].filter(([, e]) => REGULAR_FILE_MODES2.has(e.mode)).map(([p]) => p);
          const linkPaths = [...snap.entries].filter(([, e]) => e.mode === SYMLINK_MODE).map(([p]) => p);
          const targets = await Promise.all(
            linkPaths.map(async (p) => snap.fromTarball ? (await this.#tarball(snap.commit)).get(p)?.bytes : await this.#blob(snap.entries.get(p).sha, p))
          );
          return linkView(regular, new Map(linkPaths.map((p, i) => [p, targets[i]?.toString("utf8") ?? ""])), isManifestFile);
        });
      }
      /** The regular file `file` shows in the snapshot: itself, or what the links on its way end at. */
      async #real(snap, file) {
        return (await this.#view(snap)).files.get(file);
      }
      async readFile(ref, visible) {
        const snap = await this.#snapshot(ref);
        const file = await this.#real(snap, visible);
        if (file === void 0) return void 0;
        const entry = snap.entries.get(file);
        if (entry === void 0 || !REGULAR_FILE_MODES2.has(entry.mode)) return void 0;
        const cached = this.#cache.blobs.get(this.#blobKey(entry.sha));
        if (cached !== void 0) return cached;
        return new Promise((resolve2, reject) => {
          let batch = this.#pending.get(snap.commit);
          if (batch === void 0) {
            batch = { snapshot: snap, waiters: [] };
            this.#pending.set(snap.commit, batch);
          }
          batch.waiters.push({ file, resolve: resolve2, reject });
          if (!this.#flushScheduled) {
            this.#flushScheduled = true;
            setImmediate(() => this.#flush());
          }
        });
      }
      #flush() {
        this.#flushScheduled = false;
        const batches = this.#pending;
        this.#pending = /* @__PURE__ */ new Map();
        for (const { snapshot, waiters } of batches.values()) {
          const uncached = /* @__PURE__ */ new Set();
          for (const w of waiters) {
            const sha2 = snapshot.entries.get(w.file)?.sha;
            if (sha2 !== void 0 && !this.#cache.blobs.has(this.#blobKey(sha2))) uncached.add(sha2);
          }
          const warm = snapshot.fromTarball ? this.#tarball(snapshot.commit).then(() => void 0) : uncached.size > this.#tarballThreshold ? this.#tarball(snapshot.commit).then(
            () => void 0,
            () => void 0
          ) : Promise.resolve();
          warm.then(
            () => {
              for (const w of waiters) this.#readEntry(snapshot, w.file).then(w.resolve, w.reject);
            },
            (e) => {
              for (const w of waiters) w.reject(e);
            }
          );
        }
      }
      async #readEntry(snapshot, file) {
        const entry = snapshot.entries.get(file);
        if (entry === void 0 || !REGULAR_FILE_MODES2.has(entry.mode)) return void 0;
        if (snapshot.fromTarball) return (await this.#tarball(snapshot.commit)).get(file)?.bytes;
        return this.#blob(entry.sha, file);
      }
      #blobKey(sha2) {
        return `${this.#key}@${sha2}`;
      }
      #blob(sha2, file) {
        const key = this.#blobKey(sha2);
        const cached = this.#cache.blobs.get(key);
        if (cached !== void 0) return Promise.resolve(cached);
        let p = this.#blobsInFlight.get(key);
        if (p === void 0) {
          p = this.#fetchBlob(sha2, file);
          this.#blobsInFlight.set(key, p);
          void p.finally(() => this.#blobsInFlight.delete(key)).catch(() => void 0);
        }
        return p;
      }
      async #fetchBlob(sha2, file) {
        this.stats.blobs++;
        const data = await this.#getAs(BlobAnswer, "GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { file_sha: sha2 }, { notFound: "undefined", about: file });
        if (data === void 0) return void 0;
        const bytes = data.encoding === "utf-8" ? Buffer.from(data.content, "utf8") : Buffer.from(data.content, "base64");
        this.#cache.blobs.set(this.#blobKey(sha2), bytes);
        return bytes;
      }
      async changedFiles(base, head) {
        const [baseSha, headSha] = await Promise.all([this.resolve(base), this.resolve(head)]);
        if (this.#pullNumber !== void 0) {
          const pr = await this.#getAs(PullRequestHeadAnswer, "GET /repos/{owner}/{repo}/pulls/{pull_number}", { pull_number: this.#pullNumber });
          if (pr.head.sha === headSha) {
            const count = pr.changed_files;
            if (count !== void 0 && count > this.#maxFiles) throw this.#tooManyFiles(count);
            return this.#pullFiles(count);
          }
        }
        return this.#diffTrees(baseSha, headSha);
      }
      #tooManyFiles(count) {
        return new GitHubApiError(
          `${this.#owner}/${this.#repo}#${this.#pullNumber}: the pull request changes ${count} files; GitHub lists at most ${this.#maxFiles} changed files of a pull request, so preadmit cannot check it. Split the change into smaller pull requests.`,
          `GET /repos/${this.#owner}/${this.#repo}/pulls/${this.#pullNumber}/files`
        );
      }
      async #pullFiles(expected) {
        const out = [];
        const lastPage = Math.ceil(this.#maxFiles / FILES_PER_PAGE) + 1;
        for (let page = 1; page <= lastPage; page++) {
          this.stats.filePages++;
          const data = await this.#getAs(PullFilesAnswer, "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { pull_number: this.#pullNumber, per_page: FILES_PER_PAGE, page });
          for (const f of data) {
            const change = changeOf(f);
            if (change !== void 0) out.push(change);
          }
          if (out.length > this.#maxFiles) throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
          if (data.length < FILES_PER_PAGE || expected !== void 0 && page * FILES_PER_PAGE >= expected) return out;
        }
        throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
      }
      async #diffTrees(baseSha, headSha) {
        const [base, head] = await Promise.all([this.#snapshot(baseSha), this.#snapshot(headSha)]);
        return diffSnapshots(base, head);
      }
      /** `changes` plus what they change through links (links.ts); no request when neither tree has a link. */
      async changesThroughLinks(baseRef, headRef, changes) {
        const [base, head] = await Promise.all([this.#snapshot(baseRef), this.#snapshot(headRef)]);
        const hasLinks = (s2) => [...s2.entries.values()].some((e) => e.mode === SYMLINK_MODE);
        if (!hasLinks(base) && !hasLinks(head)) return changes;
        const [bv, hv] = await Promise.all([this.#view(base), this.#view(head)]);
        return changesThroughLinks(changes, { view: bv, blobOf: (p) => base.entries.get(p)?.sha }, { view: hv, blobOf: (p) => head.entries.get(p)?.sha });
      }
      async materialize(ref, paths, dir) {
        const snap = await this.#snapshot(ref);
        const view = await this.#view(snap);
        const names = paths === "all" ? [...view.files.keys()] : [...new Set(paths)];
        const wanted = names.filter((p) => view.files.has(p));
        if (wanted.length === 0) return;
        const realOf = (p) => view.files.get(p);
        const root = path22.resolve(dir);
        for (const p of wanted) checkInside(root, p);
        const uncached = wanted.filter((p) => !this.#cache.blobs.has(this.#blobKey(snap.entries.get(realOf(p))?.sha ?? "")));
        let read;
        const viaTarball = snap.fromTarball || paths === "all" || uncached.length > this.#tarballThreshold;
        const files = viaTarball ? await this.#tarball(snap.commit).catch((e) => snap.fromTarball ? Promise.reject(e) : void 0) : void 0;
        if (files !== void 0) {
          read = async (p) => files.get(realOf(p))?.bytes ?? (snap.fromTarball ? void 0 : this.#readEntry(snap, realOf(p)));
        } else {
          read = (p) => this.#readEntry(snap, realOf(p));
        }
        const contents = await Promise.all(wanted.map(read));
        const made = /* @__PURE__ */ new Set();
        for (const [i, p] of wanted.entries()) {
          const target = checkInside(root, p);
          const parent = path22.dirname(target);
          if (!made.has(parent)) {
            await mkdir10(parent, { recursive: true });
            made.add(parent);
          }
          const mode = snap.entries.get(realOf(p))?.mode === "100755" ? 493 : 420;
          await writeFile6(target, contents[i] ?? Buffer.alloc(0), { mode });
        }
      }
      #snapshot(ref) {
        return memoPromise(this.#snapshots, ref, () => this.resolve(ref).then((sha2) => this.#snapshotOf(sha2)));
      }
      async #snapshotOf(commit) {
        const key = `${this.#key}@${commit}`;
        const cached = this.#cache.trees.get(key);
        if (cached !== void 0) {
          if (cached.dirs !== void 0) this.#cache.lastTree.set(this.#key, cached);
          return cached;
        }
        const reference = this.#cache.lastTree.get(this.#key);
        if (reference?.dirs !== void 0 && reference.commit !== commit) {
          try {
            const snap2 = await this.#incrementalSnapshot(commit, reference);
            this.#cache.trees.set(key, snap2);
            this.#cache.lastTree.set(this.#key, snap2);
            return snap2;
          } catch {
          }
        }
        this.stats.trees++;
        const data = await this.#getAs(TreeAnswer, "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { tree_sha: commit, recursive: "1" });
        let snap;
        if (data.truncated === true) {
          const files = await this.#tarball(commit);
          snap = { commit, fromTarball: true, entries: new Map([...files].map(([p, f]) => [p, { mode: f.mode, sha: gitBlobSha(f.bytes) }])) };
        } else {
          const entries = /* @__PURE__ */ new Map();
          const dirs = /* @__PURE__ */ new Map();
          dirs.set("", data.sha);
          for (const e of data.tree) {
            if (!safeRepoPath(e.path)) continue;
            if (e.type === "tree" && SHA.test(e.sha)) dirs.set(e.path, e.sha);
            if (e.type !== "blob") continue;
            entries.set(e.path, { mode: e.mode, sha: e.sha });
          }
          snap = { commit, fromTarball: false, entries, ...everyDirectoryKnown(entries, dirs) ? { dirs } : {} };
          if (snap.dirs !== void 0) this.#cache.lastTree.set(this.#key, snap);
        }
        this.#cache.trees.set(key, snap);
        return snap;
      }
      /**
       * The tree of `commit` read as a difference from `reference` (usually the base of the same pull request):
       * the root is listed without recursion, and only directories whose tree sha differs from the reference's are
       * listed in turn, level by level. A one-file change costs one small listing per directory level instead of
       * the whole recursive tree, which for a large monorepo is megabytes (or, past GitHub's limits, a tarball).
       */
      async #incrementalSnapshot(commit, reference) {
        const before = this.#cache.childrenOf(reference);
        const entries = new Map(reference.entries);
        const dirs = new Map(reference.dirs);
        let listings = 0;
        const list2 = async (sha2, recursive) => {
          listings++;
          this.stats.trees++;
          const data = await this.#getAs(TreeAnswer, "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { tree_sha: sha2, ...recursive ? { recursive: "1" } : {} });
          if (data.truncated === true) throw new IncrementalTooCostly("a truncated listing");
          return data;
        };
        const removeUnder = (dir) => {
          for (const p of entries.keys()) if (p.startsWith(`${dir}/`)) entries.delete(p);
          for (const p of dirs.keys()) if (p === dir || p.startsWith(`${dir}/`)) dirs.delete(p);
        };
        const root = await list2(commit, false);
        if (root.sha === reference.dirs.get("")) return { commit, fromTarball: false, entries: reference.entries, dirs: reference.dirs };
        let level2 = [{ dir: "", tree: root.tree }];
        dirs.set("", root.sha);
        while (level2.length > 0) {
          const changed = [];
          const added = [];
          for (const { dir, tree } of level2) {
            const old = before.get(dir) ?? /* @__PURE__ */ new Map();
            const seen = /* @__PURE__ */ new Set();
            for (const e of tree) {
              if (e.path.includes("/")) continue;
              const full = dir === "" ? e.path : `${dir}/${e.path}`;
              if (!safeRepoPath(full)) continue;
              seen.add(e.path);
              const was = old.get(e.path);
              if (e.type === "tree" && was?.type === "tree") {
                if (!SHA.test(e.sha)) throw new IncrementalTooCostly("a directory without a sha");
                if (was.sha !== e.sha) {
                  dirs.set(full, e.sha);
                  changed.push({ dir: full, sha: e.sha });
                }
                continue;
              }
              if (was?.type === "tree") removeUnder(full);
              else if (was?.type === "blob") entries.delete(full);
              if (e.type === "blob") entries.set(full, { mode: e.mode, sha: e.sha });
              else if (e.type === "tree" && SHA.test(e.sha)) {
                dirs.set(full, e.sha);
                added.push({ dir: full, sha: e.sha });
              }
            }
            for (const [name, was] of old) {
              if (seen.has(name)) continue;
              const full = dir === "" ? name : `${dir}/${name}`;
              if (was.type === "tree") removeUnder(full);
              else entries.delete(full);
            }
          }
          if (listings + changed.length + added.length > INCREMENTAL_TREE_BUDGET) throw new IncrementalTooCostly("too many directories differ");
          const addedLists = await Promise.all(added.map(async (a) => ({ ...a, listing: await list2(a.sha, true) })));
          for (const { dir, listing } of addedLists) {
            for (const e of listing.tree) {
              const full = `${dir}/${e.path}`;
              if (!safeRepoPath(full)) continue;
              if (e.type === "tree" && SHA.test(e.sha)) dirs.set(full, e.sha);
              else if (e.type === "blob") entries.set(full, { mode: e.mode, sha: e.sha });
            }
          }
          level2 = await Promise.all(changed.map(async (c) => ({ dir: c.dir, tree: (await list2(c.sha, false)).tree })));
        }
        if (!everyDirectoryKnown(entries, dirs)) throw new IncrementalTooCostly("incomplete directory shas");
        return { commit, fromTarball: false, entries, dirs };
      }
      /** The whole tree at `commit` from the tarball; every blob also lands in the cache under its git sha. */
      #tarball(commit) {
        return memoPromise(this.#tarballs, commit, () => this.#fetchTarball(commit));
      }
      async #fetchTarball(commit) {
        this.stats.tarballs++;
        const request = `GET /repos/${this.#owner}/${this.#repo}/tarball/${commit}`;
        const data = await this.#get("GET /repos/{owner}/{repo}/tarball/{ref}", { ref: commit }, { binary: true });
        const gz = data instanceof ArrayBuffer ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : void 0;
        if (gz === void 0) throw new GitHubApiError(`${request}: the response is not an archive`, request);
        let tar;
        try {
          tar = await new Promise((resolve2, reject) => gunzip(gz, { maxOutputLength: this.#maxTarballBytes }, (e, out) => e ? reject(e) : resolve2(out)));
        } catch (e) {
          throw new GitHubApiError(`${request}: cannot decompress the archive: ${e.message}`, request);
        }
        const files = /* @__PURE__ */ new Map();
        try {
          for (const entry of readTar(tar, { maxBytes: this.#maxTarballBytes })) {
            if (entry.type !== "file" && entry.type !== "symlink") continue;
            const slash = entry.path?.indexOf("/") ?? -1;
            const p = slash < 0 ? "" : entry.path.slice(slash + 1);
            if (p === "" || !safeRepoPath(p)) continue;
            const bytes = entry.type === "symlink" ? Buffer.from(entry.linkTarget ?? "", "utf8") : entry.bytes;
            files.set(p, { mode: entry.type === "symlink" ? SYMLINK_MODE : (entry.mode & 73) !== 0 ? "100755" : "100644", bytes });
          }
        } catch (e) {
          throw new GitHubApiError(`${request}: ${e.message}`, request);
        }
        for (const f of files.values()) this.#cache.blobs.set(this.#blobKey(gitBlobSha(f.bytes)), f.bytes);
        return files;
      }
      async #getAs(schema, route, params, options = {}) {
        const data = await this.#get(route, params, options);
        if (data === void 0 && options.notFound === "undefined") return void 0;
        const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
        return parseAnswer(schema, data, `${name}${options.about ? ` (${options.about})` : ""}`);
      }
      async #get(route, params, options = {}) {
        const signal = this.#signal;
        const request = { ...options.binary ? {} : { parseSuccessResponseBody: false }, ...signal !== void 0 ? { signal } : {} };
        const all = { owner: this.#owner, repo: this.#repo, ...params, ...Object.keys(request).length > 0 ? { request } : {} };
        const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
        throwIfAborted(signal);
        await this.#acquire();
        this.stats.requests++;
        try {
          throwIfAborted(signal);
          let res;
          try {
            res = await abortable(this.#octokit.request(route, all), signal);
            if (!options.binary && res.status < 300) res = { ...res, data: await jsonBody(res.data, name) };
          } catch (e) {
            if (e instanceof GitHubApiError) throw e;
            if (isAbort(e) || signal?.aborted) throw new AbortError(`${name}: the check was cancelled`, { cause: e });
            const status = statusOf(e);
            if (status === 404 && options.notFound === "undefined") return void 0;
            const detail = e instanceof Error ? e.message : String(e);
            throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ""} failed${status ? ` with HTTP ${status}` : ""}: ${detail}`, name, status);
          }
          if (res.status === 404 && options.notFound === "undefined") return void 0;
          if (res.status >= 400) throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ""} failed with HTTP ${res.status}`, name, res.status);
          return res.data;
        } finally {
          this.#release();
        }
      }
      #acquire() {
        if (this.#active < this.#concurrency) {
          this.#active++;
          return Promise.resolve();
        }
        return new Promise((resolve2) => this.#queue.push(resolve2));
      }
      #release() {
        const next = this.#queue.shift();
        if (next) next();
        else this.#active--;
      }
    };
  }
});

// src/github/check.ts
async function readRepositoryConfig(octokit, owner, repo, defaultBranch, signal) {
  const request = signal !== void 0 ? { request: { signal } } : {};
  const file = `${CONFIG_FILE} (${defaultBranch})`;
  let commit;
  try {
    const route2 = "GET /repos/{owner}/{repo}/commits/{ref}";
    const res = await octokit.request(route2, { owner, repo, ref: defaultBranch, ...request });
    commit = parseAnswer(CommitAnswer, res.data, requestName(route2, { owner, repo, ref: defaultBranch })).sha;
  } catch (e) {
    throw new CheckError(`cannot resolve the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const route = "GET /repos/{owner}/{repo}/contents/{path}";
  let data;
  try {
    const res = await octokit.request(route, { owner, repo, path: CONFIG_FILE, ref: commit, ...request });
    data = parseAnswer(ContentsAnswer, res.data, requestName(route, { owner, repo, path: CONFIG_FILE, ref: commit }));
  } catch (e) {
    if (statusOf(e) === 404) return loadConfig(void 0, file);
    throw new CheckError(`cannot read ${CONFIG_FILE} from the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const text = contentText(data);
  if (text === void 0) {
    const error = { kind: "config", message: `${file}: not a regular file of at most 1 MB; the defaults apply` };
    return { config: loadConfig(void 0, file).config, errors: [error] };
  }
  const loaded = loadConfig(text, CONFIG_FILE);
  return { ...loaded, errors: loaded.errors.map((e) => e.source === void 0 ? e : { ...e, source: { ...e.source, commit } }) };
}
function contentText(data) {
  if (typeof data === "string") return data;
  if (Array.isArray(data) || data.type !== "file" || data.content === void 0) return void 0;
  if (data.encoding === "base64") return Buffer.from(data.content, "base64").toString("utf8");
  if (data.encoding === "utf-8" || data.encoding === "utf8") return data.content;
  return void 0;
}
async function runCheck(octokit, target, deps) {
  const started2 = Date.now();
  const progress = (line) => deps.onProgress?.(`+${Date.now() - started2} ms ${line}`);
  const source2 = new GitHubSource(octokit, {
    owner: target.owner,
    repo: target.repo,
    ...target.pullNumber !== void 0 ? { pullNumber: target.pullNumber } : {},
    ...deps.signal !== void 0 ? { signal: deps.signal } : {}
  });
  const configRead = readRepositoryConfig(octokit, target.owner, target.repo, target.defaultBranch, deps.signal);
  const changedRead = source2.changedFiles(target.baseSha, target.headSha);
  const treesRead = Promise.all([source2.listFiles(target.baseSha), source2.listFiles(target.headSha)]);
  for (const p of [configRead, changedRead, treesRead]) p.catch(() => void 0);
  const { config, errors } = await abortable(configRead, deps.signal);
  progress(`config read from ${target.defaultBranch}`);
  let report;
  try {
    const changed = await changedRead;
    await treesRead;
    progress(`${changed.length} changed file(s) and both trees read`);
    report = await simulate({
      source: source2,
      base: target.baseSha,
      head: target.headSha,
      changed,
      config,
      runtime: deps.runtime,
      onProgress: progress,
      ...deps.signal !== void 0 ? { signal: deps.signal } : {}
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new CheckError(describeError(e), config.blocking.errorsAtHead, { cause: e });
  }
  progress(`simulated (${source2.stats.requests} GitHub request(s) for files and trees)`);
  applyConfigErrors(report, errors, config, `${CONFIG_FILE} on the default branch`);
  return report;
}
async function runPullRequestCheck(octokit, pr, deps) {
  const report = await runCheck(octokit, pr, deps);
  report.base.ref = pr.baseRef;
  report.head.ref = `#${pr.pullNumber}`;
  return report;
}
var CheckError;
var init_check = __esm({
  "src/github/check.ts"() {
    "use strict";
    init_load2();
    init_defaults();
    init_config_errors();
    init_simulate();
    init_source();
    init_errors3();
    init_abort();
    init_schemas();
    CheckError = class extends Error {
      constructor(message2, failClosed, options) {
        super(message2, options);
        this.failClosed = failClosed;
      }
      failClosed;
      name = "CheckError";
    };
  }
});

// src/github/client.ts
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit as RestOctokit } from "@octokit/rest";
function withClientPolicy(options, policy = {}) {
  const attempts = Math.max(1, policy.attempts ?? DEFAULT_ATTEMPTS);
  const maxWaitMs = policy.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const { sleep, onRetry } = policy;
  const onLimit = (limit) => async (retryAfterSeconds, request) => {
    const waitMs = Math.max(0, retryAfterSeconds) * 1e3;
    const attempt = (request.request?.retryCount ?? 0) + 1;
    if (attempt >= attempts || waitMs > maxWaitMs) return false;
    onRetry?.({ route: `${request.method ?? "GET"} ${request.url ?? ""}`, limit, waitMs, attempt });
    if (sleep !== void 0) await sleep(waitMs);
    return true;
  };
  const base = isRecord(options.throttle) ? options.throttle : {};
  const baseRetry = isRecord(options.retry) ? options.retry : {};
  return {
    ...options,
    throttle: policy.throttle === false ? { ...base, enabled: false } : {
      ...base,
      enabled: true,
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      onRateLimit: onLimit("rate limit"),
      // With `sleep`, the handler has already waited: the plugin retries at once.
      ...sleep !== void 0 ? { retryAfterBaseValue: 0 } : {}
    },
    retry: policy.retryServerErrors === false ? { ...baseRetry, enabled: false } : { ...baseRetry, enabled: true, ...sleep !== void 0 ? { retryAfterBaseValue: 0 } : {} }
  };
}
function githubOctokit(Base, policy = {}) {
  return Base.defaults((options) => withClientPolicy(options, policy));
}
function restClient(options, policy = {}) {
  const Client = githubOctokit(RestWithPlugins, policy);
  return new Client({
    ...options.token !== void 0 ? { auth: options.token } : {},
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    // Octokit's own request logging could echo URLs and headers: only warnings, through the caller's (redacting) log.
    log: { debug: () => void 0, info: () => void 0, warn: (m) => options.log.warn(m), error: () => void 0 }
  });
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var DEFAULT_ATTEMPTS, DEFAULT_MAX_WAIT_MS, RestWithPlugins;
var init_client2 = __esm({
  "src/github/client.ts"() {
    "use strict";
    DEFAULT_ATTEMPTS = 4;
    DEFAULT_MAX_WAIT_MS = 12e4;
    RestWithPlugins = RestOctokit.plugin(throttling, retry);
  }
});

// src/github/pull-request.ts
async function readPullRequest(api, owner, repo, pullNumber, defaultBranch) {
  const route = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
  const res = await api.request(route, { owner, repo, pull_number: pullNumber });
  const pr = parseAnswer(PullRequestAnswer, res.data, requestName(route, { owner, repo, pull_number: pullNumber }));
  let branch = defaultBranch ?? pr.base.repo?.default_branch;
  let htmlUrl = pr.base.repo?.html_url;
  if (branch === void 0) {
    const repoRoute = "GET /repos/{owner}/{repo}";
    const r = parseAnswer(RepositoryAnswer, (await api.request(repoRoute, { owner, repo })).data, requestName(repoRoute, { owner, repo }));
    branch = r.default_branch;
    htmlUrl ??= r.html_url;
  }
  return {
    ref: { owner, repo, pullNumber, baseRef: pr.base.ref, baseSha: pr.base.sha, headSha: pr.head.sha, defaultBranch: branch },
    open: pr.state === "open",
    author: pr.user?.login,
    htmlUrl
  };
}
var init_pull_request = __esm({
  "src/github/pull-request.ts"() {
    "use strict";
    init_errors3();
    init_schemas();
  }
});

// src/cli/commands/check-pr.ts
var check_pr_exports = {};
__export(check_pr_exports, {
  CHECK_PR_USAGE: () => CHECK_PR_USAGE,
  RecordingRequester: () => RecordingRequester,
  runCheckPr: () => runCheckPr,
  runCheckPrCommand: () => runCheckPrCommand
});
import { parseArgs as parseArgs4 } from "node:util";
function runCheckPrCommand(argv, out, err, signal) {
  return runCheckPr(argv, out, err, process.env, signal);
}
async function runCheckPr(argv, out, err, env = process.env, signal) {
  let args;
  try {
    args = parseArgs4({
      args: argv,
      options: {
        repo: { type: "string" },
        pr: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "api-url": { type: "string" },
        output: { type: "string", short: "o", default: "text" },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (e) {
    err.write(`${e.message}
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    out.write(`${CHECK_PR_USAGE}
`);
    return 0;
  }
  const repoMatch = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(v.repo ?? "");
  if (!repoMatch) {
    err.write(`--repo OWNER/NAME is required (got ${JSON.stringify(v.repo ?? "")})
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const pullNumber = /^[1-9][0-9]{0,9}$/.test(v.pr ?? "") ? Number(v.pr) : void 0;
  if (pullNumber === void 0) {
    err.write(`--pr N is required: a pull request number (got ${JSON.stringify(v.pr ?? "")})
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const format = v.output ?? "text";
  if (!["text", "markdown", "json"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, markdown or json
`);
    return 2;
  }
  const dryRun = v["dry-run"] ?? false;
  const token = env.GITHUB_TOKEN?.trim() || void 0;
  if (token === void 0 && !dryRun) {
    err.write("GITHUB_TOKEN is not set: posting a check run needs a token with checks: write (use --dry-run to only print it)\n");
    return 2;
  }
  const baseUrl = (v["api-url"] ?? env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    err.write(`--api-url must be an http(s) URL (got ${JSON.stringify(baseUrl)})
`);
    return 2;
  }
  const secrets = token !== void 0 ? [token] : [];
  const say = (line) => {
    err.write(`${redact(line, secrets)}
`);
  };
  const owner = repoMatch[1] ?? "";
  const repo = repoMatch[2] ?? "";
  const api = restClient(
    { ...token !== void 0 ? { token } : {}, baseUrl, userAgent: "preadmit-check-pr", log: { warn: (m) => say(`warning: ${m}`) } },
    { onRetry: (r) => say(`GitHub: ${r.route} hit a ${r.limit}; retrying in ${Math.round(r.waitMs / 1e3)} s`) }
  );
  let pr;
  try {
    const read = await readPullRequest(api, owner, repo, pullNumber);
    pr = { ...read.ref, ...read.htmlUrl !== void 0 ? { htmlUrl: read.htmlUrl } : {} };
  } catch (e) {
    say(`cannot read ${owner}/${repo}#${pullNumber}: ${describeError(e, secrets)}`);
    return 1;
  }
  const recorder = new RecordingRequester();
  const poster = dryRun ? recorder : api;
  let checkRunId;
  let checkRunUrl;
  try {
    const created = await createCheckRun(poster, { owner, repo, headSha: pr.headSha, origin: { kind: "pull_request", pullNumber } });
    checkRunId = created.id;
    checkRunUrl = created.htmlUrl;
  } catch (e) {
    const hint = /\b403\b/.test(describeError(e)) ? " (check runs can only be created with a GitHub App token, e.g. GitHub Actions' GITHUB_TOKEN with `checks: write`; personal access tokens cannot)" : "";
    say(`cannot create the check run on ${pr.headSha}: ${describeError(e, secrets)}${hint}`);
    return 1;
  }
  const runtime = createRuntime();
  let outcome;
  try {
    outcome = { report: await runPullRequestCheck(api, pr, { runtime, ...signal !== void 0 ? { signal } : {} }) };
  } catch (e) {
    outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
  } finally {
    await runtime.close();
  }
  if (signal?.aborted) {
    const target = { owner, repo, checkRunId, ...pr.htmlUrl !== void 0 ? { htmlUrl: pr.htmlUrl } : {} };
    await completeCheckRun(poster, target, interruptedCompletion("Interrupted", "`preadmit check-pr` was interrupted before the check finished.", "Run the check again to get a verdict.")).catch(
      (e) => say(`cannot complete check run ${checkRunId}: ${describeError(e, secrets)}`)
    );
    return INTERRUPTED_EXIT;
  }
  try {
    await publishCheckRun(poster, { owner, repo, checkRunId, ...pr.htmlUrl !== void 0 ? { htmlUrl: pr.htmlUrl } : {} }, outcome, {
      // The app logs these as a constant message with fields; a terminal shows them in one line, error text included.
      log: (message2, fields, e) => {
        const where2 = Object.entries(fields ?? {}).map(([k, v2]) => `${k}=${String(v2)}`).join(" ");
        say(`warning: ${message2}${where2 === "" ? "" : ` (${where2})`}${e === void 0 ? "" : `: ${describeError(e, secrets)}`}`);
      }
    });
  } catch (e) {
    say(`cannot complete check run ${checkRunId}: ${describeError(e, secrets)}`);
    return 1;
  }
  const posted = recorder.checkRun();
  if (dryRun) {
    if (posted === void 0) {
      say("internal error: no check run was recorded");
      return 1;
    }
    out.write(format === "json" ? `${JSON.stringify(posted, null, 2)}
` : renderPostedCheckRun(posted, format));
    return passes(posted.conclusion) ? 0 : 1;
  }
  if ("error" in outcome) {
    say(`the check could not run: ${outcome.error}`);
    say(`check run ${checkRunUrl ?? checkRunId} concluded ${outcome.failClosed ? "failure (fail closed)" : "neutral"}`);
    return outcome.failClosed ? 1 : 0;
  }
  out.write(renderReport(outcome.report, format, false));
  say(`check run ${checkRunUrl ?? checkRunId} concluded ${outcome.report.verdict.conclusion}`);
  return outcome.report.verdict.conclusion === "success" ? 0 : 1;
}
function passes(conclusion) {
  return conclusion === "success" || conclusion === "neutral" || conclusion === "skipped";
}
function record(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
}
function renderPostedCheckRun(run, format) {
  const lines = [
    `Check run "${run.name}" on ${run.head_sha} (dry run: nothing was posted)`,
    `conclusion: ${run.conclusion ?? "(none)"}`,
    `title: ${run.output.title ?? ""}`,
    "",
    format === "markdown" ? run.output.summary ?? "" : (run.output.summary ?? "").replace(/\r/g, ""),
    "",
    `annotations (${run.output.annotations.length}):`
  ];
  for (const a of run.output.annotations) {
    const where2 = a.start_line === a.end_line ? `${a.start_line}` : `${a.start_line}-${a.end_line}`;
    lines.push(`  ${a.path}:${where2} [${a.annotation_level}] ${a.title ? `${a.title}: ` : ""}${String(a.message).split("\n")[0]}`);
  }
  return `${lines.join("\n")}
`;
}
var CHECK_PR_USAGE, RecordingRequester;
var init_check_pr = __esm({
  "src/cli/commands/check-pr.ts"() {
    "use strict";
    init_check_runs();
    init_check();
    init_publish();
    init_abort();
    init_client2();
    init_errors3();
    init_runtime();
    init_pull_request();
    init_diff2();
    CHECK_PR_USAGE = `Usage: preadmit check-pr --repo OWNER/NAME --pr N [--dry-run] [--api-url URL] [-o text|markdown|json]

Runs the preadmit GitHub App's check of pull request N from any CI: reads the PR, its files and both
commits through the GitHub API, the config (.github/preadmit.yml) from the default branch only, simulates
Gatekeeper admission, and posts the check run "${CHECK_RUN_NAME}" on the PR's head commit.

  --repo OWNER/NAME  the base repository of the pull request
  --pr N             the pull request number
  --dry-run          print the check run that would be posted; post nothing
  --api-url URL      GitHub REST API base URL (default: $GITHUB_API_URL, else https://api.github.com)
  -o FORMAT          text (default), markdown or json

The token comes from GITHUB_TOKEN (in GitHub Actions: permissions checks: write, contents: read,
pull-requests: read). Exit code: 0 when the check passes, 1 when it fails, 2 on a usage error.`;
    RecordingRequester = class {
      calls = [];
      async request(route, params = {}) {
        this.calls.push({ route, params: structuredClone(params) });
        if (route === "POST /repos/{owner}/{repo}/check-runs") return { status: 201, data: { id: 1, html_url: void 0 }, headers: {} };
        if (route === "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}") return { status: 200, data: { id: params.check_run_id }, headers: {} };
        throw new Error(`dry run: ${route} is not a check-run write`);
      }
      /** The run as GitHub would hold it after every recorded call. */
      checkRun() {
        let run;
        for (const { route, params } of this.calls) {
          if (route === "POST /repos/{owner}/{repo}/check-runs") {
            run = { name: String(params.name), head_sha: String(params.head_sha), status: "queued", conclusion: null, output: { title: null, summary: null, annotations: [] } };
          }
          if (run === void 0) continue;
          if (typeof params.status === "string") run.status = params.status;
          if (typeof params.conclusion === "string") {
            run.conclusion = params.conclusion;
            run.status = "completed";
          }
          if (typeof params.external_id === "string") run.external_id = params.external_id;
          const output = record(params.output);
          if (typeof output.title === "string") run.output.title = output.title;
          if (typeof output.summary === "string") run.output.summary = output.summary;
          if (Array.isArray(output.annotations)) run.output.annotations.push(...output.annotations.map(record));
        }
        return run;
      }
    };
  }
});

// src/cli/main.ts
init_format();
init_abort();
import { Writable } from "node:stream";

// src/cli/commands/test.ts
init_native_validation();
init_enforcement();
init_load();
init_read();
import { parseArgs } from "node:util";

// src/engine/test.ts
init_mutation();
init_classify();
init_enforcement();
init_expand();
init_client();
init_plan();
init_strings();
async function runTest(objects, deps, options = {}) {
  const errors = [];
  objects = reviewable(objects, errors);
  const client = new PolicyClient({ ...deps, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: "float", celEnabled: options.celEnabled, reviewErrorsAsErrors: true });
  const byClass = (c) => objects.filter((o) => classify(o.object) === c);
  errors.push(...await client.addTemplates(byClass("ConstraintTemplate")));
  const defaulted = /* @__PURE__ */ new Map();
  for (const s2 of byClass("Constraint")) {
    const failures = client.addConstraints([s2]);
    errors.push(...failures.map((f) => f.error));
    if (failures.length > 0) continue;
    const kind = String(s2.object.kind ?? "");
    const stored = client.constraintList.find((c) => c.kind === kind && c.name === nameOf(s2.object));
    if (stored) defaulted.set(s2, s2.object.status === void 0 ? stored.object : { ...stored.object, status: s2.object.status });
  }
  objects = objects.map((s2) => {
    const object = defaulted.get(s2);
    return object ? { ...s2, object } : s2;
  });
  client.setData(objects.map((o) => o.object));
  const expansions = [];
  for (const s2 of byClass("ExpansionTemplate")) {
    const r = parseExpansionTemplate(s2);
    if ("error" in r) errors.push(r.error);
    else expansions.push(r.template);
  }
  errors.push(...unappliedMutators(objects).map(mutatorError));
  const namespaces = /* @__PURE__ */ new Map();
  for (const s2 of byClass("Namespace")) namespaces.set(nameOf(s2.object), s2.object);
  const plan = planReviews(objects, { mode: "gator", objectOf: (s2) => s2.object, expansions, namespaces, attachNamespace: true });
  for (const { parent, message: message2 } of plan.expansionErrors) {
    errors.push({ kind: "expansion", message: `${parent.source.file}:${parent.source.startLine}: ${message2}`, source: parent.source });
  }
  const results = [];
  for (const { entry, violations } of await evaluatePlan(client, plan)) {
    for (const v of violations) results.push({ ...v, violatingObject: entry.parent.object, source: entry.parent.source });
  }
  errors.push(...client.reviewErrors);
  sortGatorResults(results);
  return { results, errors, reviewed: plan.reviews.length };
}
function reviewable(objects, errors) {
  return objects.filter((s2) => {
    if (Object.keys(s2.object).length === 0) return false;
    const apiVersion = typeof s2.object.apiVersion === "string" ? s2.object.apiVersion : "";
    const parts = apiVersion.split("/");
    const version = parts.length > 2 ? "" : parts[parts.length - 1];
    const kind = parts.length > 2 || typeof s2.object.kind !== "string" ? "" : s2.object.kind;
    const missing = version === "" ? "version" : kind === "" ? "kind" : void 0;
    if (missing === void 0) return true;
    errors.push({
      kind: "load",
      message: `${s2.source.file}:${s2.source.startLine}: invalid request object: resource ${nameOf(s2.object)} has no ${missing}`,
      source: s2.source
    });
    return false;
  });
}
function sortGatorResults(results) {
  goSortBy(results, (r) => r.enforcementAction, (r) => r.msg);
}
function hasDenyResult(results) {
  return results.some((r) => isDenyResult(r.enforcementAction, r.scopedActions));
}

// src/cli/commands/test.ts
init_runtime();

// src/gator/test.ts
init_json();
init_strconv();
init_rego_value();
init_classify();
import { stringify } from "yaml";
async function writeTestResults(results, format, out) {
  if (format !== "json" || results.length === 0) {
    out.write(formatTestResults(results, format));
    return;
  }
  const write2 = (bytes) => out.write(bytes) ? void 0 : new Promise((resolve2) => out.once("drain", () => resolve2()));
  const indent2 = "    ";
  const memo2 = /* @__PURE__ */ new WeakMap();
  const encoded = /* @__PURE__ */ new WeakMap();
  const pieces = [];
  let size = 0;
  let text = "[\n";
  const flushText = () => {
    const bytes = Buffer.from(text);
    pieces.push(bytes);
    size += bytes.length;
    text = "";
  };
  const shared = [];
  const marker = (o) => {
    shared.push(o);
    return SHARED_MARKER;
  };
  for (let i = 0; i < results.length; i++) {
    shared.length = 0;
    const parts = goMarshalIndent(gatorJsonResult(results[i], marker), indent2, indent2, memo2).split("\0");
    text += indent2 + parts[0];
    for (let j = 0; j < shared.length; j++) {
      const o = shared[j];
      let bytes = encoded.get(o);
      if (bytes === void 0) encoded.set(o, bytes = Buffer.from(goMarshalIndent(o, indent2, indent2 + indent2, memo2)));
      flushText();
      pieces.push(bytes);
      size += bytes.length;
      text = parts[j + 1];
    }
    text += i + 1 < results.length ? ",\n" : "\n]";
    if (size > 1 << 20 || i + 1 === results.length) {
      flushText();
      await write2(Buffer.concat(pieces, size));
      pieces.length = 0;
      size = 0;
    }
  }
}
var SHARED_MARKER = new GoNumber("\0");
function formatTestResults(results, format) {
  if (format === "json") return goMarshalIndent(results.length === 0 ? null : results.map((r) => gatorJsonResult(r)));
  if (format === "yaml") return results.length === 0 ? "[]\n" : stringify(results.map(gatorYamlResult));
  return results.map(textLine).join("");
}
function textLine(r) {
  const o = r.violatingObject;
  const ns = namespaceOf(o);
  const id2 = `${String(o.apiVersion ?? "")}/${String(o.kind ?? "")} ${ns !== "" ? `${ns}/` : ""}${nameOf(o)}`;
  return `${id2}: [${goQuote(r.constraint.name)}] Message: ${goQuote(r.msg)}
`;
}
function gatorJsonResult(r, shared = (o) => o) {
  return new GoStruct([
    ["target", r.target],
    ["msg", r.msg === "" ? void 0 : r.msg],
    ["metadata", r.details === void 0 ? void 0 : { details: regoToGo(r.details) }],
    ["constraint", shared(r.constraint.object)],
    ["enforcementAction", r.enforcementAction === "" ? void 0 : r.enforcementAction],
    ["scopedActions", r.scopedActions && r.scopedActions.length > 0 ? r.scopedActions : void 0],
    ["violatingObject", shared(r.violatingObject)],
    ["trace", null]
  ]);
}
function regoToGo(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return new GoNumber(v.v);
    case "array":
      return v.v.map(regoToGo);
    case "set":
      return [...v.v].sort(compareRegoValues).map(regoToGo);
    case "object": {
      const out = {};
      for (const [k, val] of v.v) {
        Object.defineProperty(out, k.t === "string" ? k.v : regoTermString(k), { value: regoToGo(val), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
function gatorYamlResult(r) {
  const result = { target: r.target, msg: r.msg };
  if (r.details !== void 0) result.metadata = { details: regoToJson(r.details) };
  result.constraint = { object: r.constraint.object };
  result.enforcementaction = r.enforcementAction;
  result.scopedenforcementactions = r.scopedActions ?? [];
  return { result, violatingObject: r.violatingObject, trace: null };
}

// src/cli/commands/test.ts
var TEST_USAGE = `Usage: preadmit test [-f PATH\u2026] [-o text|json|yaml] [--deny-only] [--enable-k8s-native-validation=false]

Reviews every object in the given files and directories (.yaml, .yml, .json), or on standard input, against the
ConstraintTemplates and constraints among them, as \`gator test\` does (templates with a K8sNativeValidation
source are evaluated with CEL unless --enable-k8s-native-validation=false). Exit code 1 when a
violated constraint has the deny action (or a bad input was found), else 0.`;
async function runTestCommand(argv, out, err, stdin = process.stdin) {
  const cel = takeNativeValidationFlag(argv);
  if ("error" in cel) {
    err.write(`${cel.error}
${TEST_USAGE}
`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: cel.argv,
      options: {
        filename: { type: "string", short: "f", multiple: true },
        output: { type: "string", short: "o", default: "" },
        "deny-only": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    });
  } catch (e) {
    err.write(`${e.message}
${TEST_USAGE}
`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${TEST_USAGE}
`);
    return 0;
  }
  const paths = [...args.values.filename ?? [], ...args.positionals];
  const format = (args.values.output ?? "").toLowerCase();
  if (!["", "text", "json", "yaml"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, json or yaml
`);
    return 2;
  }
  const loaded = paths.length > 0 ? await readManifests(paths, { yamlVersion: "1.1" }) : stdin.isTTY ? void 0 : readStdin(await readAll(stdin));
  if (loaded === void 0) {
    err.write(`no input: give files or directories with -f, or objects on standard input
${TEST_USAGE}
`);
    return 2;
  }
  if (loaded.objects.length === 0 && loaded.errors.length === 0) {
    err.write("no input data identified\n");
    return 1;
  }
  const runtime = createRuntime();
  try {
    const run = await runTest(loaded.objects, runtime, { celEnabled: cel.enabled });
    const errors = [...loaded.errors, ...run.errors];
    for (const e of errors) err.write(`error: ${e.message}
`);
    const shown2 = args.values["deny-only"] ? run.results.filter((r) => isDenyResult(r.enforcementAction, r.scopedActions)) : run.results;
    await writeTestResults(shown2, format, out);
    return hasDenyResult(run.results) || errors.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
function readStdin(bytes) {
  const decoded = decodeManifest(bytes, "<stdin>");
  return "error" in decoded ? { objects: [], errors: [decoded.error] } : loadManifests(decoded.text, "<stdin>", { yamlVersion: "1.1" });
}

// src/cli/main.ts
var USAGE2 = `Usage: preadmit <command> [options]

Commands:
  test     review objects against templates and constraints, like \`gator test\`
  verify   run gator Suite files (test.gatekeeper.sh), like \`gator verify\`
  render   print what would be reviewed at a ref, with sources
  diff     simulate a change (base ref vs head ref): what it introduces and fixes
  check-pr run the GitHub App's check for one pull request from any CI (GITHUB_TOKEN)
  help     show this help

Run \`preadmit <command> --help\` for a command's options.`;
async function loadCommand(name) {
  switch (name) {
    case "test":
      return (argv, out, err) => runTestCommand(argv, out, err);
    case "verify":
      return (await Promise.resolve().then(() => (init_verify3(), verify_exports))).runVerify;
    case "render":
      return (await Promise.resolve().then(() => (init_render5(), render_exports))).runRender;
    case "diff":
      return (await Promise.resolve().then(() => (init_diff2(), diff_exports))).runDiff;
    case "check-pr":
      return (await Promise.resolve().then(() => (init_check_pr(), check_pr_exports))).runCheckPrCommand;
    default:
      return void 0;
  }
}
async function main(argv, out = process.stdout, err = process.stderr, signal = new AbortController().signal) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    out.write(`${USAGE2}
`);
    return name === void 0 ? 2 : 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    err.write(`unknown command ${JSON.stringify(name)}
${USAGE2}
`);
    return 2;
  }
  const interrupted = () => {
    err.write(`preadmit ${name}: interrupted
`);
    return INTERRUPTED_EXIT;
  };
  try {
    const code2 = await command(rest, new CommandGuard(out), new CommandGuard(err), signal);
    return signal.aborted ? interrupted() : code2;
  } catch (e) {
    if (signal.aborted && isAbort(e)) return interrupted();
    err.write(`preadmit ${name}: ${e instanceof Error ? e.message : String(e)}
`);
    return 1;
  }
}
var CommandGuard = class extends Writable {
  constructor(target) {
    super({ decodeStrings: false });
    this.target = target;
    this.isTTY = target.isTTY;
  }
  target;
  atLineStart = true;
  isTTY;
  _write(chunk, _encoding, done) {
    if (chunk.length === 0) return done();
    if (typeof chunk !== "string" && !chunk.includes("::") && !chunk.includes("##[")) {
      this.atLineStart = bytesEndAtLineStart(chunk, this.atLineStart);
      this.target.write(chunk);
      return done();
    }
    const text = chunk.toString();
    const safe = neutraliseWorkflowCommands(text, this.atLineStart);
    this.atLineStart = endsAtLineStart(text, this.atLineStart);
    this.target.write(safe);
    done();
  }
};
function endsAtLineStart(text, before) {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n" || c === "\r") return true;
    if (!/\s/.test(c)) return false;
  }
  return before;
}
function bytesEndAtLineStart(bytes, before) {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    if (b >= 128) return endsAtLineStart(bytes.toString("utf8", 0, i + 1), before);
    if (b === 10 || b === 13) return true;
    if (b !== 32 && b !== 9 && b !== 11 && b !== 12) return false;
  }
  return before;
}
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code2) => {
    process.exitCode = code2;
  });
}
export {
  main
};
//# sourceMappingURL=cli.mjs.map
