// src/util/error-text.ts
function errorText(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String(e.message);
  return String(e);
}

// src/gatekeeper/load.ts
import { createHash } from "node:crypto";
import { Composer, isScalar, LineCounter, Parser, visit } from "yaml";

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

// src/gatekeeper/load.ts
var DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
var DEFAULT_MAX_OBJECTS_PER_FILE = 2e4;
var DEFAULT_MAX_ALIAS_COUNT = 100;
var memo = /* @__PURE__ */ new Map();
var MAX_MEMO = 2e4;
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
function loadError(message, file, startLine, endLine) {
  return { kind: "load", message, source: { file, startLine, endLine } };
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
    const empty = doc.errors.length === 0 && (doc.contents === null || isScalar(doc.contents) && doc.contents.value === null);
    if (!empty && ++documents > maxObjects) {
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
var INT64_MIN = -(2n ** 63n);
var UINT64_MAX = 2n ** 64n - 1n;
var goIntegerTag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  test: /^[-+]?(?:0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$/,
  identify: (v) => typeof v === "number" && Number.isInteger(v),
  resolve(source) {
    const s = source.replace(/_/g, "");
    const negative = s.startsWith("-");
    const body = s.replace(/^[-+]/, "");
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
      return source;
    }
    const n = negative ? -magnitude : magnitude;
    if (n >= INT64_MIN && n <= UINT64_MAX) return Number(n);
    if (!decimal) return source;
    const f = Number(s);
    return Number.isFinite(f) ? f : source;
  }
};
var goFloatTag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  test: /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  identify: (v) => typeof v === "number",
  // ParseFloat out of range (`1e400`): go-yaml keeps the plain scalar as a string.
  resolve: (source) => {
    const f = parseFloat(source.replace(/_/g, ""));
    return Number.isFinite(f) ? f : source;
  }
};
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
    const what = Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return { error: loadError(`${file}:${startLine}: document is ${what}, not an object`, file, startLine, endLine) };
  }
  const normalised = toJson(value);
  if (normalised.error !== void 0) {
    return { error: loadError(`${file}:${startLine}: ${normalised.error}`, file, startLine, endLine) };
  }
  return { object: normalised.value };
}
var MAX_NESTING_DEPTH = 200;
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
function wellFormed(s) {
  return s.toWellFormed();
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
    let parsed;
    try {
      parsed = JSON.parse(text.slice(pos, end));
    } catch (e) {
      errors.push(loadError(`${file}:${startLine}: invalid JSON: ${errorText(e)}`, file, startLine, endLine));
      pos = end;
      continue;
    }
    const checked = checkObject(parsed, file, startLine, endLine);
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
function firstLine(s) {
  return s.split("\n")[0] ?? s;
}
var DEFAULT_MAX_OBJECTS_PER_REF = 2e4;
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
function surrogateFree(s) {
  return !/[\ud800-\udfff]/.test(s);
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

// src/go/json.ts
var GoStruct = class {
  constructor(fields) {
    this.fields = fields;
  }
  fields;
};
var GoNumber = class {
  constructor(text) {
    this.text = text;
  }
  text;
};
function goMarshalIndent(value, indent = "    ", prefix = "") {
  return write(value, indent, prefix);
}
function write(value, indent, prefix) {
  if (value === null) return "null";
  if (typeof value === "string") return goString(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof GoNumber) return value.text;
  if (value instanceof GoStruct) return writeFields(value.fields, indent, prefix);
  let text;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      text = "[]";
    } else {
      const inner = prefix + indent;
      text = "[\n";
      for (let i = 0; i < value.length; i++) text += `${i > 0 ? ",\n" : ""}${inner}${write(value[i], indent, inner)}`;
      text += `
${prefix}]`;
    }
  } else {
    const map = value;
    const keys = sortedKeys(map);
    if (keys.length === 0) {
      text = "{}";
    } else {
      const inner = prefix + indent;
      text = "{\n";
      for (let i = 0; i < keys.length; i++) text += `${i > 0 ? ",\n" : ""}${inner}${goString(keys[i])}: ${write(map[keys[i]], indent, inner)}`;
      text += `
${prefix}}`;
    }
  }
  return text;
}
function sortedKeys(map) {
  const keys = Object.keys(map);
  if (keys.length < 2) return keys;
  for (const k of keys) if (SURROGATE.test(k)) return keys.sort(goCompare);
  return keys.sort();
}
var SURROGATE = /[\ud800-\udfff]/;
function writeFields(fields, indent, prefix) {
  const inner = prefix + indent;
  let text = "";
  for (const [k, v] of fields) {
    if (v === void 0) continue;
    text += `${text === "" ? "{\n" : ",\n"}${inner}${goString(k)}: ${write(v, indent, inner)}`;
  }
  return text === "" ? "{}" : `${text}
${prefix}}`;
}
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

export {
  isGoPrintable,
  quoteWith,
  goQuote,
  goQuoteRune,
  goFloatText,
  goFloat32Text,
  errorText,
  loadManifestsMemo,
  loadManifests,
  relaxQuotedIndentation,
  surrogateEscape,
  goUtf8,
  capObjectsPerRef,
  goCompare,
  goSortBy,
  GoStruct,
  GoNumber,
  goMarshalIndent,
  goString,
  goJsonCompact,
  goJsonFloatText
};
//# sourceMappingURL=chunk-LV3SBTA7.mjs.map
