import {
  ROUTED_BUILTINS,
  aggregate,
  dns1123SubdomainErrors,
  evaluateLabelSelector,
  fieldValue,
  goNumber,
  goType,
  goValue,
  isCelItem,
  labelSelectorFieldErrors,
  labelSelectorFromJson,
  parseRegoValue,
  regoTermString,
  sortedIterationModule
} from "./chunk-MVMMHOUD.mjs";
import {
  PINNED_TOOL_VERSIONS,
  abortable,
  atomicWrite,
  classify,
  countCacheLookup,
  defaultCacheDir,
  findTool,
  groupVersion,
  gvkOf,
  isNamespace,
  isObject,
  metadataOf,
  nameOf,
  namespaceOf,
  readTarGz,
  runTool,
  scrubbedEnv,
  throwIfAborted
} from "./chunk-D23G4ER4.mjs";
import {
  goCompare,
  goFloatText,
  goQuote
} from "./chunk-LV3SBTA7.mjs";

// src/opa/compile.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/opa/capabilities.ts
import { createHash } from "node:crypto";
var DENIED_BUILTINS = /* @__PURE__ */ new Map([
  ["http.send", "it makes network requests"],
  ["net.lookup_ip_addr", "it makes DNS queries"],
  ["opa.runtime", "it exposes the host environment and configuration"],
  ["rego.parse_module", "it is runtime introspection"],
  ["trace", "it is runtime introspection"]
]);
var UNIMPLEMENTED_BUILTINS = /* @__PURE__ */ new Set([
  "graphql.is_valid",
  "graphql.parse",
  "graphql.parse_and_verify",
  "graphql.parse_query",
  "graphql.parse_schema",
  "graphql.schema_is_valid",
  "providers.aws.sign_req",
  "rand.intn",
  "rego.metadata.chain",
  "rego.metadata.rule",
  "strings.split_n",
  "uuid.rfc4122"
]);
var GATEKEEPER_FUTURE_KEYWORDS = ["not"];
var GATEKEEPER_FEATURES = ["keywords_in_refs", "rego_v1", "template_strings"];
var DENIED_PREFIXES = ["http.", "net.lookup_"];
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
function isObject2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function restrictCapabilities(currentText) {
  const parsed = JSON.parse(currentText);
  if (!isObject2(parsed) || !Array.isArray(parsed.builtins)) {
    throw new Error("opa capabilities --current did not print a capabilities document");
  }
  const doc = parsed;
  const builtins = doc.builtins;
  const removed = [];
  const kept = builtins.filter((b) => {
    const name = isObject2(b) && typeof b.name === "string" ? b.name : "";
    if (isDeniedBuiltin(name)) {
      removed.push(name);
      return false;
    }
    return true;
  });
  const within = (list, allowed) => Array.isArray(list) ? list.filter((x) => typeof x === "string" && allowed.includes(x)) : [];
  const json = JSON.stringify({
    ...doc,
    builtins: kept,
    ...doc.future_keywords !== void 0 ? { future_keywords: within(doc.future_keywords, GATEKEEPER_FUTURE_KEYWORDS) } : {},
    ...doc.features !== void 0 ? { features: within(doc.features, GATEKEEPER_FEATURES) } : {}
  });
  return { json, hash: createHash("sha256").update(json).digest("hex"), removed };
}

// src/opa/rego.ts
var IDENT_START = /[A-Za-z_]/;
var IDENT_PART = /[A-Za-z0-9_]/;
var DIGIT = /[0-9]/;
var PUNCT2 = /* @__PURE__ */ new Set([":=", "==", "!=", "<=", ">="]);
function lexRego(src) {
  const tokens = [];
  const problems = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const lexString = (quote, template) => {
    const startLine = line;
    while (i < n) {
      const c = src[i];
      if (quote === '"' && c === "\\") {
        i += 2;
        continue;
      }
      if (c === "\n") {
        if (quote === '"') {
          problems.push({ line: startLine, message: "unterminated string" });
          return;
        }
        line++;
      }
      if (c === quote) {
        i++;
        return;
      }
      if (template && c === "{") {
        i++;
        lexUntil("}");
        continue;
      }
      i++;
    }
    problems.push({ line: startLine, message: quote === '"' ? "unterminated string" : "unterminated raw string" });
  };
  const lexUntil = (close) => {
    let depth = 0;
    while (i < n) {
      const c = src[i];
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
        while (i < n && src[i] !== "\n") i++;
        continue;
      }
      const start = i;
      const startLine = line;
      if (c === '"' || c === "`") {
        i++;
        lexString(c, false);
        tokens.push({ kind: "string", text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (c === "$" && (src[i + 1] === '"' || src[i + 1] === "`")) {
        const q = src[i + 1];
        i += 2;
        const mark = tokens.length;
        lexString(q, true);
        tokens.splice(mark, 0, { kind: "string", text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (IDENT_START.test(c)) {
        while (i < n && IDENT_PART.test(src[i])) i++;
        tokens.push({ kind: "ident", text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (DIGIT.test(c)) {
        while (i < n && /[0-9.eE+\-xXa-fA-F_]/.test(src[i])) {
          if (src[i] === "." && !DIGIT.test(src[i + 1] ?? "")) break;
          if ((src[i] === "+" || src[i] === "-") && !/[eE]/.test(src[i - 1] ?? "")) break;
          i++;
        }
        tokens.push({ kind: "number", text: src.slice(start, i), start, end: i, line: startLine });
        continue;
      }
      if (close !== void 0 && depth === 0 && c === close) {
        i++;
        return;
      }
      if (c === "{" || c === "[" || c === "(") depth++;
      if (c === "}" || c === "]" || c === ")") depth--;
      const two = src.slice(i, i + 2);
      const len = PUNCT2.has(two) ? 2 : 1;
      i += len;
      tokens.push({ kind: "punct", text: src.slice(start, i), start, end: i, line: startLine });
    }
  };
  lexUntil(void 0);
  tokens.sort((a, b) => a.start - b.start);
  return { tokens, problems };
}
var VAR_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
var KEYWORDS = /* @__PURE__ */ new Set([
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
function readRef(src, tokens, k) {
  const root = tokens[k];
  const segments = [];
  let text = root.text;
  let j = k + 1;
  let end = root.end;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.start !== end) break;
    if (t.text === "." && tokens[j + 1]?.kind === "ident" && tokens[j + 1].start === t.end) {
      const name = tokens[j + 1].text;
      segments.push(name);
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
      const str = only?.kind === "string" ? unquote(only.text) : null;
      if (str !== null) {
        segments.push(str);
        text += segmentText(str);
      } else {
        segments.push(null);
        text += `[${src.slice(t.end, tokens[m].start).trim().replace(/\s+/g, " ")}]`;
      }
      end = tokens[m].end;
      j = m + 1;
      continue;
    }
    break;
  }
  return { ref: { text, segments, root: root.text, start: root.start, end, line: root.line, rootToken: k }, next: j };
}
function analyzeRego(src) {
  const { tokens, problems } = lexRego(src);
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
        const { ref, next } = readRef(src, tokens, k + 1);
        if (info.package === void 0) info.package = { path: ref, line: t.line };
        k = next;
        continue;
      }
      if (t.text === "import" && tokens[k + 1]?.kind === "ident") {
        const { ref, next } = readRef(src, tokens, k + 1);
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
        const { ref, next } = readRef(src, tokens, k);
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
  return base.every((s, i) => ref.segments[i] === s);
}
function rewriteRego(src, info, options) {
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
  let out = src;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// src/opa/compile.ts
import { LRUCache } from "lru-cache";
var CACHE_FORMAT = `preadmit-compile-7:${ROUTED_BUILTINS.map((b) => b.name).join(",")}`;
var PACKAGE_ROOT = "preadmit";
var sha256 = (data) => createHash2("sha256").update(data).digest("hex");
function packageIdOf(code) {
  return `t${sha256(JSON.stringify([code.version, code.rego, code.libs])).slice(0, 16)}`;
}
function entrypointOf(packageId) {
  return `${PACKAGE_ROOT}/${packageId}/hook/violation`;
}
var DISPATCH_ENTRYPOINT = `${PACKAGE_ROOT}/dispatch/violation`;
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
function rewriteTemplateCode(packageId, code) {
  const libPrefix = `${PACKAGE_ROOT}.${packageId}.libs`;
  const files = [
    {
      path: `${packageId}/template.rego`,
      text: rewriteRego(code.rego, analyzeRego(code.rego), {
        entryPackage: `${PACKAGE_ROOT}.${packageId}.template`,
        libPrefix
      })
    }
  ];
  code.libs.forEach((lib, i) => {
    files.push({ path: `${packageId}/lib_${i}.rego`, text: rewriteRego(lib, analyzeRego(lib), { libPrefix }) });
  });
  files.push({ path: `${packageId}/hook.rego`, text: hookModule(packageId, code.version) });
  return files;
}
async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, "utf8"));
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
    const location = loc && typeof loc.module === "string" && typeof loc.line === "number" ? { module: loc.module, line: loc.line } : void 0;
    return location ? { error: o.error, location } : { error: o.error };
  }
  return void 0;
}
var FILE_RE = /(t[0-9a-f]{16})\/(template|lib_(\d+))\.rego:(\d+):/g;
function attributeOpaErrors(stderr) {
  const errors = [];
  let current;
  for (const rawLine of stderr.split("\n")) {
    FILE_RE.lastIndex = 0;
    const m = FILE_RE.exec(rawLine);
    if (m) {
      const module = m[2] === "template" ? "template" : `libs["lib_${m[3]}"]`;
      current = {
        packageId: m[1],
        module,
        line: Number(m[4]),
        text: `${module}:${m[4]}:${rawLine.slice(m.index + m[0].length)}`
      };
      errors.push(current);
    } else if (current !== void 0 && rawLine.startsWith("	")) {
      current.text += `
${rawLine}`;
    } else {
      current = void 0;
    }
  }
  return errors;
}
function unrewrite(text, packageId) {
  return text.split(`${PACKAGE_ROOT}.${packageId}.template`).join("template").split(`${PACKAGE_ROOT}.${packageId}.libs.`).join("libs.").split(`${PACKAGE_ROOT}/${packageId}/template`).join("template").split(`${PACKAGE_ROOT}/${packageId}/libs/`).join("libs/");
}
function formatErrors(errors, packageId) {
  const texts = errors.map((e) => unrewrite(e.text, packageId));
  const parse = errors.some((e) => e.text.includes("rego_parse_error"));
  const head = parse ? "invalid ConstraintTemplate" : "unable to compile modules";
  return texts.length === 1 ? `${head}: 1 error occurred: ${texts[0]}` : `${head}: ${texts.length} errors occurred:
${texts.join("\n")}`;
}
function deniedBuiltinNote(key, message) {
  const m = /undefined function ([A-Za-z0-9_.]+)/.exec(message);
  if (!m || !isDeniedBuiltin(m[1])) return message;
  const name = m[1];
  return `template ${JSON.stringify(key)} calls builtin ${name}, which preadmit does not allow (${denialReason(name)}): ${message}`;
}
var BASE_TIMEOUT_MS = 6e4;
var MAX_REMEMBERED_ENTRIES = 2e4;
var MAX_REMEMBERED_MODULE_BYTES = 256 * 1024 * 1024;
var PER_TEMPLATE_TIMEOUT_MS = 2e3;
var OpaCompiler = class {
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
    return join(this.cacheDir, "entries", cacheKey.slice(0, 2), `${cacheKey}.json`);
  }
  modulePath(moduleId) {
    return join(this.cacheDir, "modules", `${moduleId}.wasm`);
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
        const wasm = new Uint8Array(await readFile(this.modulePath(entry.moduleId)));
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
      const st2 = await stat(opaPath);
      if (!st2.isFile()) throw new Error(`${opaPath} is not a file`);
    } catch (e) {
      missingReason = e instanceof Error ? e.message : String(e);
      if (opaPath !== void 0 && !missingReason.startsWith(opaPath)) missingReason = `opa at ${opaPath}: ${missingReason}`;
      opaPath = void 0;
    }
    if (opaPath === void 0) {
      const pinned = PINNED_TOOL_VERSIONS.opa;
      const known = await readJson(join(this.cacheDir, "toolchains", `opa-${pinned}.json`));
      const caps = known;
      const capsHash2 = typeof caps?.v0 === "string" && typeof caps.v1 === "string" ? { v0: caps.v0, v1: caps.v1 } : { v0: "", v1: "" };
      return { opaVersion: pinned, capsHash: capsHash2, opaPath: void 0, missingReason };
    }
    const real = await realpath(opaPath);
    const st = await stat(real);
    const statKey = sha256(JSON.stringify([real, st.size, st.mtimeMs, st.ino, st.dev]));
    const recordPath = join(this.cacheDir, "toolchains", `bin-${statKey}.json`);
    const record = await readJson(recordPath);
    if (typeof record?.opaVersion === "string" && typeof record.v0 === "string" && typeof record.v1 === "string" && await this.capabilitiesFile(record.v0) !== void 0 && await this.capabilitiesFile(record.v1) !== void 0) {
      return { opaVersion: record.opaVersion, capsHash: { v0: record.v0, v1: record.v1 }, opaPath };
    }
    const version = await this.run(opaPath, ["version"], 3e4);
    const vm = /^Version:\s*(\S+)/m.exec(version.stdout);
    if (version.exitCode !== 0 || !vm) {
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
          opaVersion: vm[1],
          capsHash,
          opaPath: void 0,
          missingReason: `\`opa ${capabilitiesArgs(v).join(" ")}\` failed: ${(out.spawnError ?? out.stderr).trim()}`
        };
      }
      const caps = restrictCapabilities(out.stdout);
      await atomicWrite(join(this.cacheDir, "capabilities", `${caps.hash}.json`), caps.json).catch(() => void 0);
      capsHash[v] = caps.hash;
    }
    const rec = JSON.stringify({ opaVersion: vm[1], ...capsHash });
    await atomicWrite(recordPath, rec).catch(() => void 0);
    await atomicWrite(join(this.cacheDir, "toolchains", `opa-${vm[1]}.json`), rec).catch(() => void 0);
    return { opaVersion: vm[1], capsHash, opaPath };
  }
  async capabilitiesFile(hash) {
    const path = join(this.cacheDir, "capabilities", `${hash}.json`);
    try {
      const text = await readFile(path, "utf8");
      return sha256(text) === hash ? path : void 0;
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
      capsPath = join(this.cacheDir, "capabilities", `${caps.hash}.json`);
      await atomicWrite(capsPath, caps.json);
    }
    const dir = await mkdtemp(join(tmpdir(), "preadmit-opa-"));
    try {
      const files = [];
      for (const unit of batch) {
        await mkdir(join(dir, unit.packageId), { recursive: true });
        for (const f of rewriteTemplateCode(unit.packageId, unit.code)) {
          await writeFile(join(dir, f.path), f.text);
          files.push(f.path);
        }
      }
      await writeFile(join(dir, "dispatch.rego"), dispatchModule(batch.map((u) => u.packageId), version));
      files.push("dispatch.rego");
      await writeFile(join(dir, "capabilities.json"), await readFile(capsPath));
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
          const list = errors.get(e.packageId) ?? [];
          list.push(e);
          errors.set(e.packageId, list);
        }
        if (errors.size > 0) return { kind: "attributed", errors };
        return { kind: "failed", message: `opa build failed: ${output.trim() || `exit code ${res.exitCode}`}`, fatal: false };
      }
      const bundle = readTarGz(await readFile(join(dir, "bundle.tar.gz")));
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
function createCompiler(options = {}) {
  return new OpaCompiler(options);
}

// src/opa/pool.ts
import { existsSync } from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { LRUCache as LRUCache2 } from "lru-cache";
var BUNDLED_WORKER = new URL("./eval-worker.mjs", import.meta.url);
var WORKER_ENTRY = existsSync(BUNDLED_WORKER) ? BUNDLED_WORKER : new URL("./eval-worker-boot.mjs", import.meta.url);
var CHUNK = 128;
var MIN_CHUNK = 32;
var EvalPool = class {
  size;
  deadlineMs;
  maxPages;
  maxHeapMb;
  modules;
  data = /* @__PURE__ */ new Map();
  celSources = /* @__PURE__ */ new Map();
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
      dispose: (_, id) => {
        for (const slot of this.slots) if (slot.knownModules.delete(id)) slot.staleModules.add(id);
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
  addModule(id, wasm) {
    if (this.modules.has(id)) return;
    const bytes = wasm instanceof WebAssembly.Module ? 1024 * 1024 : wasm.byteLength;
    this.modules.set(id, { module: wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm), bytes });
  }
  /**
   * Registers a CEL template source (K8sNativeValidation) under an id: CEL items name it, and each worker compiles
   * it once, on first use. Sources are small and few; they are kept for the pool's life.
   */
  addCel(id, source) {
    if (!this.celSources.has(id)) this.celSources.set(id, source);
  }
  /** Registers a `data` document (JSON text) that evaluation items refer to by id. */
  setData(id, json) {
    this.data.set(id, json);
  }
  /** How many data documents are registered (a long-running process must not accumulate them). */
  get dataDocuments() {
    return this.data.size;
  }
  /** Forgets a data document, here and in every worker (its instances reload data on next use). */
  dropData(id) {
    this.data.delete(id);
    for (const slot of this.slots) {
      if (!slot.knownData.delete(id)) continue;
      slot.worker.postMessage({ type: "drop-data", id });
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
      done.push(new Promise((resolve) => this.queue.push({ items: slice, reviews, indexes, outcomes, resolve, resolveModule, ...signal ? { signal } : {} })));
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
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
  pump() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === void 0);
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
      knownCel: /* @__PURE__ */ new Set(),
      staleModules: /* @__PURE__ */ new Set(),
      knownData: /* @__PURE__ */ new Map()
    };
    worker.on("message", (msg) => this.onMessage(slot, msg));
    worker.on("error", (err) => this.onCrash(slot, `evaluation worker failed: ${err.message}`));
    worker.on("exit", (code) => {
      if (slot.task) this.onCrash(slot, `evaluation worker exited with code ${code}`);
    });
    this.slots.push(slot);
    if (!this.watchdog) {
      this.watchdog = setInterval(() => this.checkDeadlines(), Math.max(10, Math.min(250, this.deadlineMs / 4)));
      this.watchdog.unref();
    }
    return slot;
  }
  assign(slot, task) {
    const moduleIds = /* @__PURE__ */ new Set();
    const celIds2 = /* @__PURE__ */ new Set();
    const dataIds = /* @__PURE__ */ new Set();
    for (const item of task.items) {
      if (isCelItem(item)) {
        celIds2.add(item.celId);
        dataIds.add(item.paramsId);
      } else {
        moduleIds.add(item.moduleId);
        dataIds.add(item.dataId);
      }
    }
    const missingModule = [...moduleIds].find((id) => !this.modules.has(id) && task.resolveModule?.(id) === void 0);
    const missingCel = [...celIds2].find((id) => !this.celSources.has(id));
    const missing = missingModule !== void 0 ? `unknown module ${missingModule}` : missingCel !== void 0 ? `unknown CEL source ${missingCel}` : void 0;
    if (missing !== void 0) {
      for (const index of task.indexes) task.outcomes[index] = { error: missing };
      task.resolve();
      return;
    }
    slot.task = task;
    for (const id of slot.staleModules) {
      if (!moduleIds.has(id)) slot.worker.postMessage({ type: "drop-module", id });
    }
    slot.staleModules.clear();
    for (const id of moduleIds) {
      if (slot.knownModules.has(id)) continue;
      let module = this.modules.get(id)?.module;
      if (!module) {
        const again = task.resolveModule?.(id);
        if (again === void 0) throw new Error(`unknown module ${id}`);
        this.addModule(id, again);
        module = this.modules.get(id)?.module ?? (again instanceof WebAssembly.Module ? again : new WebAssembly.Module(again));
      }
      slot.worker.postMessage({ type: "module", id, module });
      slot.knownModules.add(id);
    }
    for (const id of celIds2) {
      if (slot.knownCel.has(id)) continue;
      slot.worker.postMessage({ type: "cel", id, source: this.celSources.get(id) });
      slot.knownCel.add(id);
    }
    for (const id of dataIds) {
      const json = this.data.get(id) ?? "{}";
      if (slot.knownData.get(id) === json) continue;
      slot.worker.postMessage({ type: "data", id, json });
      slot.knownData.set(id, json);
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
    const inFlight = Math.min(Math.max(0, Atomics.load(slot.progress, 0) - 1), task.items.length - 1);
    task.outcomes[task.indexes[inFlight]] = { error: reason };
    const keep = (_, i) => i !== inFlight;
    const rest = task.items.filter(keep);
    if (rest.length === 0) task.resolve();
    else this.queue.unshift({ ...task, items: rest, indexes: task.indexes.filter(keep) });
    if (!this.closed) this.pump();
  }
};

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

// src/gatekeeper/enforcement.ts
var ENFORCEMENT_POINTS = {
  webhook: "validation.gatekeeper.sh",
  audit: "audit.gatekeeper.sh",
  gator: "gator.gatekeeper.sh"
};
var ALL_ENFORCEMENT_POINTS = "*";
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

// src/gatekeeper/expand.ts
var MAX_DEPTH = 30;
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function parseExpansionTemplate(sourced) {
  const { object, source } = sourced;
  const name = nameOf(object);
  const fail = (why) => ({ error: { kind: "expansion", message: `${source.file}:${source.startLine}: ExpansionTemplate ${JSON.stringify(name)}: ${why}`, source } });
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
  return { template: { name, applyTo, templateSource, generatedGVK, enforcementAction, source } };
}
function applies(t, object) {
  const gvk = gvkOf(object);
  return t.applyTo.some((a) => a.groups.includes(gvk.group) && a.versions.includes(gvk.version) && a.kinds.includes(gvk.kind));
}
function lookupPath(object, path) {
  let cur = object;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return void 0;
    cur = cur[part];
  }
  return cur;
}
function expandOne(parent, namespace, t) {
  const src = lookupPath(parent, t.templateSource);
  if (src !== void 0 && !isObject(src)) {
    throw new Error(`could not extract source field from unstructured: .${t.templateSource} accessor error: ${JSON.stringify(src)} is of the type ${typeof src}, expected map[string]interface{}`);
  }
  if (src === void 0) throw new Error(`could not find source field ${JSON.stringify(t.templateSource)} in resource ${nameOf(parent)}`);
  const resultant = structuredClone(src);
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
  const walk = (obj, depth) => {
    if (depth >= MAX_DEPTH) throw new Error(`maximum recursion depth of ${MAX_DEPTH} reached`);
    const gvk = gvkOf(obj);
    if (gvk.kind === "" && gvk.version === "" && gvk.group === "") throw new Error(`cannot expand resource ${nameOf(obj)} with empty GVK`);
    const level = [];
    for (const t of templates) {
      if (!applies(t, obj)) continue;
      level.push({ object: expandOne(obj, namespace, t), templateName: t.name, enforcementAction: t.enforcementAction });
    }
    for (const r of level) walk(r.object, depth + 1);
    out.push(...level);
  };
  walk(parent, 0);
  return out;
}
function impliedByPrefix(templateName) {
  return `[Implied by ${templateName}] `;
}

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
var objectJsonMemo = /* @__PURE__ */ new WeakMap();
function goFloatJsonMemo(value) {
  if (value === null || typeof value !== "object") return goFloatJson(value);
  let text = objectJsonMemo.get(value);
  if (text === void 0) {
    text = goFloatJson(value);
    objectJsonMemo.set(value, text);
  }
  return text;
}

// src/gatekeeper/review.ts
var EMPTY_GVR = { group: "", version: "", resource: "" };
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
  const s = (k) => typeof o[k] === "string" ? o[k] : "";
  return last === "kind" ? { group: s("group"), version: s("version"), kind: s("kind") } : { group: s("group"), version: s("version"), resource: s("resource") };
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

// src/gatekeeper/constraint.ts
import AjvModule from "ajv";

// src/gatekeeper/glob.ts
var GLOB_PATTERN = "^\\*?[-:a-z0-9]*\\*?$";
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
function trimFront(s) {
  return s.startsWith("*") ? s.slice(1) : s;
}
function trimBack(s) {
  return s.endsWith("*") ? s.slice(0, -1) : s;
}

// src/gatekeeper/constraint.ts
var CONSTRAINT_GROUP = "constraints.gatekeeper.sh";
var CONSTRAINT_VERSIONS = ["v1alpha1", "v1beta1"];
var INVALID = "invalid Constraint";
var SCHEMA = "schema validation failed";
function parseConstraint(sourced, template) {
  const obj = sourced.object;
  const name = metaString(obj, "name");
  const fail = (message, schemaError = false) => ({
    error: {
      kind: "constraint",
      message: `${sourced.source.file}:${sourced.source.startLine}: adding constraint ${goQuote(name)}: ${message}`,
      source: sourced.source
    },
    schemaError
  });
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const gv = parseGroupVersion(apiVersion);
  const kind = gv === void 0 ? "" : typeof obj.kind === "string" ? obj.kind : "";
  const group = gv?.group ?? "";
  const version = gv?.version ?? "";
  if (name === "") return fail(`${INVALID}: missing metadata.name`);
  if (kind === "") return fail(`${INVALID}: missing kind`);
  if (group !== CONSTRAINT_GROUP) {
    return fail(`${INVALID}: wrong API Group for Constraint ${goQuote(name)}, got ${goQuote(group)} but need ${goQuote(CONSTRAINT_GROUP)}`);
  }
  if (kind.toLowerCase() !== template.kind.toLowerCase()) {
    return fail(`missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`);
  }
  for (const field2 of ["labelSelector", "namespaceSelector"]) {
    const err = selectorError(obj, field2);
    if (err !== void 0) return fail(`${INVALID}: ${err}`);
  }
  const dnsErrors = dns1123SubdomainErrors(name, "characters");
  if (dnsErrors.length > 0) return fail(`${INVALID}: invalid name: ${goQuote(dnsErrors.join("\n"))}`);
  if (kind !== template.kind) {
    return fail(`${INVALID}: wrong kind ${goQuote(name)} for constraint ${goQuote(kind)}; want ${goQuote(template.kind)}`);
  }
  if (!CONSTRAINT_VERSIONS.includes(version)) {
    return fail(`${INVALID}: unsupported version ${goQuote(version)} for Constraint ${goQuote(name)}; supported versions: map[v1alpha1:true v1beta1:true]`);
  }
  const schemas = constraintSchemas(template);
  if ("error" in schemas) return fail(`${INVALID}: ${schemas.error}`);
  const schemaErrors = validateAgainst(schemas.validate, obj);
  if (schemaErrors.length > 0) return fail(`${SCHEMA}: ${aggregate(schemaErrors)}`, true);
  const unknown = [];
  prune(structuredClone(obj), schemas.structural, [], unknown, true);
  if (unknown.length > 0) return fail(`${INVALID}: unknown fields: [${unknown.sort(goCompare).join(" ")}]`);
  const object = structuredClone(obj);
  applyDefaults(object, schemas.structural);
  delete object.status;
  const spec = isObject3(object.spec) ? object.spec : void 0;
  const action = spec?.enforcementAction;
  if (action !== void 0 && typeof action !== "string") return fail(`${INVALID}: invalid spec.enforcementAction`);
  const enforcementAction = typeof action === "string" ? action : "deny";
  const scopedEnforcementActions = [];
  if (enforcementAction === "scoped") {
    const scoped = spec?.scopedEnforcementActions;
    if (!Array.isArray(scoped)) return fail("missing required field: spec.scopedEnforcementActions must be defined");
    for (const s of scoped) {
      if (!isObject3(s)) {
        return fail(`${INVALID}: scopedEnforcementActions value must be a [{action: string, enforcementPoints: [{name: string}]}]`);
      }
      const points = Array.isArray(s.enforcementPoints) ? s.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s.action === "string" ? s.action : "",
        enforcementPoints: points.map((p) => ({ name: isObject3(p) && typeof p.name === "string" ? p.name : "" }))
      });
    }
  } else if (spec !== void 0 && Array.isArray(spec.scopedEnforcementActions)) {
    for (const s of spec.scopedEnforcementActions) {
      if (!isObject3(s)) continue;
      const points = Array.isArray(s.enforcementPoints) ? s.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s.action === "string" ? s.action : "",
        enforcementPoints: points.map((p) => ({ name: isObject3(p) && typeof p.name === "string" ? p.name : "" }))
      });
    }
  }
  const params = spec?.parameters;
  const constraint = {
    apiVersion,
    kind,
    name,
    object,
    match: spec !== void 0 && isObject3(spec.match) ? spec.match : void 0,
    parameters: isObject3(params) ? params : {},
    enforcementAction,
    scopedEnforcementActions,
    source: sourced.source
  };
  if (params !== void 0 && params !== null && !isObject3(params)) constraint.parametersValue = params;
  return { constraint };
}
function isObject3(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v);
}
function metaString(obj, key) {
  const m = obj.metadata;
  if (!isObject3(m)) return "";
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
function selectorError(obj, field2) {
  const path = ["spec", "match", field2];
  let value = obj;
  for (let i = 0; i < path.length; i++) {
    if (value === null) return void 0;
    if (!isObject3(value)) {
      return `.${path.slice(0, i + 1).join(".")} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
    }
    value = value[path[i] ?? ""];
    if (value === void 0) return void 0;
  }
  if (!isObject3(value)) {
    return `.${path.join(".")} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
  }
  const decoded = labelSelectorFromJson(value);
  if ("error" in decoded) return decoded.error;
  const errs = labelSelectorFieldErrors(decoded.selector, "spec.labelSelector");
  return errs.length > 0 ? aggregate(errs) : void 0;
}
var selectorSchema = () => ({
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
  else if (type === "array" && !isObject3(out.items) && !Array.isArray(out.items)) {
    out.items = { "x-kubernetes-preserve-unknown-fields": true };
  }
  if (isObject3(out.properties)) {
    const props = {};
    for (const [k, v] of Object.entries(out.properties)) props[k] = isObject3(v) ? addPreserveUnknownFields(v) : v;
    out.properties = props;
  }
  if (isObject3(out.items)) out.items = addPreserveUnknownFields(out.items);
  if (isObject3(out.additionalProperties)) out.additionalProperties = addPreserveUnknownFields(out.additionalProperties);
  return out;
}
function constraintSchema(template) {
  let parameters = template.parametersSchema;
  if (template.legacySchema) parameters = addPreserveUnknownFields(parameters ?? {});
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
var Ajv = AjvModule.default;
var ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, validateSchema: false });
var cache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 256;
function constraintSchemas(template) {
  const key = JSON.stringify([template.parametersSchema ?? null, template.legacySchema]);
  const hit = cache.get(key);
  if (hit !== void 0) return hit;
  const structural = constraintSchema(template);
  let result;
  try {
    result = { structural, validate: ajv.compile(toJsonSchema(structural)) };
  } catch (e) {
    result = { error: `parameters schema of template ${goQuote(template.kind)} cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, result);
  return result;
}
var NUMBER_KEYWORDS = ["minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
function toJsonSchema(node) {
  if (!isObject3(node)) return {};
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
  if (isObject3(node.properties)) {
    const props = {};
    for (const [k, v] of Object.entries(node.properties)) props[k] = toJsonSchema(v);
    out.properties = props;
  }
  if (typeof node.additionalProperties === "boolean") out.additionalProperties = node.additionalProperties;
  else if (isObject3(node.additionalProperties)) out.additionalProperties = toJsonSchema(node.additionalProperties);
  if (isObject3(node.items)) out.items = toJsonSchema(node.items);
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    const list = node[k];
    if (Array.isArray(list)) out[k] = list.map(toJsonSchema);
  }
  if (isObject3(node.not)) out.not = toJsonSchema(node.not);
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
      cur = isObject3(cur) ? cur[seg] : void 0;
    }
  }
  return name;
}
var KEYWORD_ORDER = [
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
function validateAgainst(validate, obj) {
  if (validate(obj)) return [];
  const out = [];
  const errors = validate.errors ?? [];
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
    const name = fieldName(obj, e.instancePath);
    for (const m of kubeMessages(e, name)) out.push({ path: name, rank: KEYWORD_ORDER.indexOf(e.keyword), message: m.message });
  }
  const order = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.rank - b.rank;
  return out.sort(order).map((m) => m.message);
}
function kubeMessages(e, name) {
  const data = e.data ?? null;
  const path = name === "" ? "[]" : `[].${name}`;
  const at = (message, p = path) => ({ path: p, message: `${p}: ${message}` });
  const num = (v) => typeof v === "number" ? goNumber(v) : String(v);
  const params = e.params;
  const size = Array.isArray(data) ? data.length : isObject3(data) ? Object.keys(data).length : 0;
  switch (e.keyword) {
    case "type": {
      const types = (Array.isArray(params.type) ? params.type : [String(params.type)]).filter((t) => t !== "null");
      const actual = openapiType(data);
      const msgs = [at(`Invalid value: ${goQuote(actual)}: ${name} in body must be of type ${types.join(",")}: ${goQuote(actual)}`)];
      if (types.length === 1 && types[0] === "integer" && typeof data === "number") {
        msgs.push(at(`Invalid value: "": Checked value must be of type integer (default format) in ${name}`, "[]"));
      }
      return msgs;
    }
    case "required": {
      const missing = String(params.missingProperty);
      const p = name === "" ? `[].${missing}` : `${path}.${missing}`;
      return [at("Required value", p)];
    }
    case "enum": {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : []).filter((v) => v !== null);
      const values = allowed.map((v) => goQuote(typeof v === "string" ? v : JSON.stringify(v)));
      return [at(`Unsupported value: ${fieldValue(data)}: supported values: ${values.join(", ")}`)];
    }
    case "maxLength":
      return [at(`Too long: may not be more than ${num(params.limit)} bytes`)];
    case "minLength":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be at least ${num(params.limit)} chars long`)];
    case "pattern":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should match '${String(params.pattern)}'`)];
    case "minimum":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than or equal to ${num(params.limit)}`)];
    case "exclusiveMinimum":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than ${num(params.limit)}`)];
    case "maximum":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than or equal to ${num(params.limit)}`)];
    case "exclusiveMaximum":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than ${num(params.limit)}`)];
    case "multipleOf":
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be a multiple of ${num(params.multipleOf)}`)];
    case "maxItems":
    case "maxProperties":
      return [at(`Too many: ${size}: must have at most ${num(params.limit)} items`)];
    case "minItems":
      return [at(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} items`)];
    case "minProperties":
      return [at(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} properties`)];
    case "uniqueItems":
      return [at(`Duplicate value: ${fieldValue(data)}: ${name} in body shouldn't contain duplicates`)];
    case "additionalProperties":
      return [at(`Invalid value: ${fieldValue(data)}: ${name}.${String(params.additionalProperty)} in body is a forbidden property`)];
    default:
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body ${e.message ?? "is invalid"}`)];
  }
}
var META_FIELDS = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata"]);
function preserves(s) {
  return s !== null && s["x-kubernetes-preserve-unknown-fields"] === true;
}
function childSchemas(s) {
  const props = isObject3(s.properties) ? s.properties : void 0;
  const ap = s.additionalProperties;
  const additional = isObject3(ap) ? ap : ap === true ? null : void 0;
  const items = isObject3(s.items) ? s.items : null;
  return { props, additional, items };
}
function joinPath(path) {
  return path.join("");
}
function prune(x, s, path, unknown, root = false) {
  const embedded = root || s !== null && s["x-kubernetes-embedded-resource"] === true;
  const key = (k) => path.length > 0 ? [...path, ".", k] : [k];
  if (s !== null && preserves(s)) {
    const { props, additional, items } = childSchemas(s);
    if (isObject3(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (embedded && META_FIELDS.has(k)) continue;
        const prop = props?.[k];
        if (isObject3(prop)) prune(v, prop, key(k), unknown);
        else if (additional !== void 0) prune(v, additional, key(k), unknown);
      }
    } else if (Array.isArray(x) && items !== null) {
      x.forEach((v, i) => skipPruneItems(v, items, [...path, `[${i}]`], unknown));
    }
    return;
  }
  if (isObject3(x)) {
    if (s === null) {
      for (const k of Object.keys(x)) unknown.push(joinPath(key(k)));
      return;
    }
    const { props, additional } = childSchemas(s);
    for (const [k, v] of Object.entries(x)) {
      if (embedded && META_FIELDS.has(k)) continue;
      const prop = props?.[k];
      if (isObject3(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== void 0) prune(v, additional, key(k), unknown);
      else if (!META_FIELDS.has(k) || path.length > 0) unknown.push(joinPath(key(k)));
    }
  } else if (Array.isArray(x)) {
    const items = s === null ? null : childSchemas(s).items;
    x.forEach((v, i) => prune(v, items, [...path, `[${i}]`], unknown));
  }
}
function skipPruneItems(x, s, path, unknown) {
  if (preserves(s)) {
    prune(x, s, path, unknown);
    return;
  }
  const { props, additional, items } = childSchemas(s);
  const key = (k) => [...path, ".", k];
  if (isObject3(x)) {
    for (const [k, v] of Object.entries(x)) {
      const prop = props?.[k];
      if (isObject3(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== void 0) prune(v, additional, key(k), unknown);
    }
  } else if (Array.isArray(x) && items !== null) {
    x.forEach((v, i) => skipPruneItems(v, items, [...path, `[${i}]`], unknown));
  }
}
function applyDefaults(x, s) {
  if (s === null) return;
  const { props, additional, items } = childSchemas(s);
  const nonNullableNull = (v, sch) => v === null && sch !== null && sch.nullable !== true;
  if (isObject3(x)) {
    for (const [k, prop] of Object.entries(props ?? {})) {
      if (!isObject3(prop) || prop.default === void 0 || prop.default === null) continue;
      if (!(k in x) || nonNullableNull(x[k], prop)) x[k] = structuredClone(prop.default);
    }
    for (const k of Object.keys(x)) {
      const prop = props?.[k];
      if (isObject3(prop)) applyDefaults(x[k] ?? null, prop);
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
  const level = (node, depth) => {
    const parts = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${depth === 0 ? goFloatJsonMemo(v) : level(v, depth - 1)}`);
    return `{${parts.join(",")}}`;
  };
  return `{"cluster":${level(inventory.cluster, 2)},"namespace":${level(inventory.namespace, 3)}}`;
}

// src/gatekeeper/match.ts
var AUTOREJECT = "unable to match constraints";
function matchConstraint(match, target) {
  if (match === void 0) return { matched: true };
  const m = parseMatchMemo(match);
  for (const [obj, what] of [
    [target.object, "object"],
    [target.oldObject, "oldObject"]
  ]) {
    if (obj !== null && kindOf(obj) === "") {
      const error = `failed to unmarshal gkReview ${what} ${JSON.stringify(obj)}`;
      return { error, autorejectMessage: `${AUTOREJECT}: invalid request object: ${error}` };
    }
  }
  let ns = target.namespace;
  const requestNamespace = target.requestNamespace ?? (target.object !== null ? stringAt(target.object, "namespace") : target.oldObject !== null ? stringAt(target.oldObject, "namespace") : "");
  if (ns === null && requestNamespace !== "") ns = target.namespaceLookup(requestNamespace) ?? null;
  let defined = 0;
  for (const obj of [target.object, target.oldObject]) {
    if (obj === null) continue;
    defined++;
    const r = matchObject(m, obj, ns, target.source);
    if (typeof r !== "boolean") {
      return {
        error: r.error,
        autorejectMessage: `${AUTOREJECT}: error matching the requested object: ${stringAt(obj, "name")} :failed to run Match criteria: ${r.error}`
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
  const strings3 = (v) => Array.isArray(v) ? v.map((s) => typeof s === "string" ? s : "") : [];
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
var parsedMatches = /* @__PURE__ */ new WeakMap();
function parseMatchMemo(match) {
  let m = parsedMatches.get(match);
  if (m === void 0) parsedMatches.set(match, m = parseMatch(match));
  return m;
}
function matchObject(m, obj, ns, source) {
  if (m.decodeError !== void 0) return { error: m.decodeError };
  let r;
  if ((r = kindsMatch(m, obj)) !== true) return r;
  if ((r = scopeMatch(m, obj, ns)) !== true) return r;
  if ((r = namespacesMatch(m, obj, ns)) !== true) return r;
  if ((r = excludedNamespacesMatch(m, obj, ns)) !== true) return r;
  if ((r = labelSelectorMatch(m, obj)) !== true) return r;
  if ((r = namespaceSelectorMatch(m, obj, ns)) !== true) return r;
  if ((r = nameMatch(m, obj)) !== true) return r;
  return sourceMatch(m, obj, source);
}
function metadata(obj) {
  const m = obj.metadata;
  return m !== null && typeof m === "object" && !Array.isArray(m) ? m : void 0;
}
function stringAt(obj, key) {
  const v = metadata(obj)?.[key];
  return typeof v === "string" ? v : "";
}
var NO_LABELS = Object.freeze({});
var labelsMemo = /* @__PURE__ */ new WeakMap();
function labelsAt(obj) {
  const l = metadata(obj)?.labels;
  if (l === null || l === void 0 || typeof l !== "object" || Array.isArray(l)) return NO_LABELS;
  let out = labelsMemo.get(l);
  if (out !== void 0) return out;
  out = {};
  for (const [k, v] of Object.entries(l)) {
    if (typeof v !== "string") {
      out = NO_LABELS;
      break;
    }
    out[k] = v;
  }
  labelsMemo.set(l, out);
  return out;
}
function kindOf(obj) {
  return typeof obj.kind === "string" ? obj.kind : "";
}
function groupKindOf(obj) {
  const av = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  if (obj === lastGroupKind.obj && av === lastGroupKind.av && obj.kind === lastGroupKind.kind) return lastGroupKind.gk;
  const gk = parseGroupKind(obj, av);
  lastGroupKind = { obj, av, kind: obj.kind, gk };
  return gk;
}
var lastGroupKind = {
  obj: void 0,
  av: "",
  kind: void 0,
  gk: { group: "", kind: "" }
};
function parseGroupKind(obj, av) {
  if (av === "" || av === "/") return { group: "", kind: kindOf(obj) };
  const parts = av.split("/");
  if (parts.length === 1) return { group: "", kind: kindOf(obj) };
  if (parts.length === 2) return { group: parts[0] ?? "", kind: kindOf(obj) };
  return { group: "", kind: "" };
}
function isNamespaceObject(obj) {
  const gk = groupKindOf(obj);
  return gk.kind === "Namespace" && gk.group === "";
}
function subjectNamespace(obj, ns) {
  if (isNamespaceObject(obj)) return stringAt(obj, "name");
  if (ns !== null) return stringAt(ns, "name");
  const own = stringAt(obj, "namespace");
  return own !== "" ? own : void 0;
}
function kindsMatch(m, obj) {
  if (m.kinds.length === 0) return true;
  const { group, kind } = groupKindOf(obj);
  return m.kinds.some(
    (k) => (k.kinds.length === 0 || k.kinds.includes("*") || k.kinds.includes(kind)) && (k.apiGroups.length === 0 || k.apiGroups.includes("*") || k.apiGroups.includes(group))
  );
}
function scopeMatch(m, obj, ns) {
  const hasNamespace = stringAt(obj, "namespace") !== "" || ns !== null;
  const isNamespace2 = isNamespaceObject(obj);
  if (m.scope === "Cluster") return isNamespace2 || !hasNamespace;
  if (m.scope === "Namespaced") return !isNamespace2 && hasNamespace;
  return true;
}
function namespacesMatch(m, obj, ns) {
  if (m.namespaces.length === 0) return true;
  const subject = subjectNamespace(obj, ns);
  if (subject === void 0) return true;
  return m.namespaces.some((g) => matchesGlob(g, subject));
}
function excludedNamespacesMatch(m, obj, ns) {
  if (m.excludedNamespaces.length === 0) return true;
  const subject = subjectNamespace(obj, ns);
  if (subject === void 0) return true;
  return !m.excludedNamespaces.some((g) => matchesGlob(g, subject));
}
function labelSelectorMatch(m, obj) {
  if (m.labelSelector === null) return true;
  return evaluateLabelSelector(m.labelSelector, labelsAt(obj));
}
function namespaceSelectorMatch(m, obj, ns) {
  if (m.namespaceSelector === null) return true;
  const isNamespace2 = isNamespaceObject(obj);
  if (!isNamespace2 && ns === null && stringAt(obj, "namespace") === "") return true;
  if (isNamespace2) return evaluateLabelSelector(m.namespaceSelector, labelsAt(obj));
  if (ns === null) {
    const invalid = evaluateLabelSelector(m.namespaceSelector, {});
    if (typeof invalid !== "boolean") return invalid;
    return { error: "namespace selector for namespace-scoped object but missing Namespace" };
  }
  return evaluateLabelSelector(m.namespaceSelector, labelsAt(ns));
}
function nameMatch(m, obj) {
  if (m.name === "") return true;
  return matchesGlob(m.name, stringAt(obj, "name")) || matchesGenerateName(m.name, stringAt(obj, "generateName"));
}
var SOURCES = /* @__PURE__ */ new Set(["All", "Generated", "Original"]);
function sourceMatch(m, obj, source) {
  const want = m.source === "" ? "All" : m.source;
  if (!SOURCES.has(want)) return { error: `invalid source field ${goQuote(want)}` };
  if (source === "" && want !== "All") return { error: `source field not specified for resource ${stringAt(obj, "name")}` };
  if (want === "All") return true;
  if (!SOURCES.has(source)) return { error: `invalid source field ${goQuote(source)}` };
  return want === source;
}

// src/gatekeeper/template.ts
var TEMPLATE_GROUP = "templates.gatekeeper.sh";
var TEMPLATE_VERSIONS = ["v1", "v1beta1", "v1alpha1"];
var ADMISSION_TARGET = "admission.k8s.gatekeeper.sh";
var REGO_ENGINE = "Rego";
var CEL_ENGINE = "K8sNativeValidation";
var CONSTRAINTS_GROUP = "constraints.gatekeeper.sh";
var INVALID2 = "invalid ConstraintTemplate";
var TemplateProblem = class extends Error {
};
function parseTemplate(sourced, options = {}) {
  const { object, source } = sourced;
  const name = nameOf(object);
  const fail = (message) => ({
    error: {
      kind: "template",
      message: `${source.file}:${source.startLine}: adding template ${JSON.stringify(name)}: ${message}`,
      source
    }
  });
  try {
    return { template: readTemplate(object, source, name, options.cel ?? true) };
  } catch (e) {
    if (e instanceof TemplateProblem) return fail(e.message);
    throw e;
  }
}
function decodeError(field2, goType3, value) {
  return new TemplateProblem(
    `converting to template: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${field2} of type ${goType3}`
  );
}
function jsonKind(v) {
  if (v === null || v === void 0) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}
function optObject(parent, key, field2, goType3) {
  const v = parent[key];
  if (v === void 0 || v === null) return void 0;
  if (!isObject(v)) throw decodeError(field2, goType3, v);
  return v;
}
function optString(parent, key, field2) {
  const v = parent[key];
  if (v === void 0 || v === null) return "";
  if (typeof v !== "string") throw decodeError(field2, "string", v);
  return v;
}
function optStringList(parent, key, field2) {
  const v = parent[key];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) throw decodeError(field2, "[]string", v);
  return v.map((x) => {
    if (typeof x !== "string") throw decodeError(field2, "string", x);
    return x;
  });
}
function readTemplate(object, source, name, celEnabled) {
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
  const code = (codeRaw ?? []).map((c, i) => {
    if (!isObject(c)) throw decodeError(`Target.spec.targets.code[${i}]`, "v1.Code", c);
    return { engine: optString(c, "engine", "Code.spec.targets.code.engine"), source: c.source ?? void 0 };
  });
  const legacyRego = optString(t0, "rego", "Target.spec.targets.rego");
  const legacyLibs = optStringList(t0, "libs", "Target.spec.targets.libs");
  if (legacyRego !== "") {
    const folded = { rego: legacyRego, version: "", libs: legacyLibs };
    const existing = code.find((c) => c.engine === REGO_ENGINE);
    if (existing !== void 0) existing.source = folded;
    else code.push({ engine: REGO_ENGINE, source: folded });
  }
  const engines = code.map((c) => c.engine);
  const operations = optStringList(t0, "operations", "Target.spec.targets.operations");
  const hasCel = celEnabled && engines.includes(CEL_ENGINE);
  const regoEntry = code.find((c) => c.engine === REGO_ENGINE);
  if (!hasCel && regoEntry === void 0) {
    const drivers = celEnabled ? `${CEL_ENGINE}:1 ${REGO_ENGINE}:2` : `${REGO_ENGINE}:1`;
    throw new TemplateProblem(`no language driver is installed that handles this constraint template: available drivers: map[${drivers}], wanted ""`);
  }
  const template = {
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
    source
  };
  if (hasCel) {
    template.cel = celSource(code.find((c) => c.engine === CEL_ENGINE).source);
    if (regoEntry !== void 0) {
      const problem2 = regoProblem(regoEntry.source);
      if (problem2 !== void 0) template.regoError = problem2;
    }
    return template;
  }
  const rego = regoSource(regoEntry.source);
  const problem = validateRegoCode(rego);
  if (problem !== void 0) throw new TemplateProblem(problem);
  template.rego = rego;
  return template;
}
function regoProblem(source) {
  try {
    return validateRegoCode(regoSource(source));
  } catch (e) {
    if (e instanceof TemplateProblem) return e.message;
    throw e;
  }
}
var CEL_RESERVED_PREFIX = "gatekeeper_internal_";
function celSource(source) {
  if (!isObject(source)) throw new TemplateProblem("could not recognize the type");
  const list = (key) => {
    const v = source[key];
    if (v === void 0 || v === null) return [];
    if (!Array.isArray(v)) throw new TemplateProblem(`cannot restore slice from ${goKind(v)}`);
    return v.map((x) => {
      if (x !== null && !isObject(x)) throw new TemplateProblem(`cannot restore struct from: ${goKind(x)}`);
      return x ?? {};
    });
  };
  const str = (o, key) => {
    const v = o[key];
    if (v === void 0 || v === null) return "";
    if (typeof v !== "string") throw new TemplateProblem("unrecognized type: string");
    return v;
  };
  const validations = list("validations").map((v) => ({
    expression: str(v, "expression"),
    message: str(v, "message"),
    messageExpression: str(v, "messageExpression")
  }));
  const fp = source.failurePolicy;
  if (fp !== void 0 && fp !== null && typeof fp !== "string") throw new TemplateProblem("unrecognized type: string");
  const named = (o) => ({ name: str(o, "name"), expression: str(o, "expression") });
  const matchConditions = list("matchCondition").map(named);
  const variables = list("variables").map(named);
  const generateVAP = source.generateVAP;
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
function regoSource(source) {
  if (source === void 0 || source === null) throw new TemplateProblem("rego source missing required field: source");
  if (!isObject(source)) throw new TemplateProblem("could not recognize the type");
  const rego = source.rego;
  if (rego === void 0) throw new TemplateProblem("rego source missing required field: rego");
  if (typeof rego !== "string") {
    throw new TemplateProblem(
      `.rego accessor error: ${goValue2(rego)} is of the type ${goType2(rego)}, expected string: while extracting Rego source`
    );
  }
  const version = source.version;
  if (version !== void 0 && typeof version !== "string") {
    throw new TemplateProblem(
      `.version accessor error: ${goValue2(version)} is of the type ${goType2(version)}, expected string: while extracting Rego version`
    );
  }
  const libsRaw = source.libs;
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
var TEMPLATE_MODULE = "template";
var libModuleName = (i) => `libs["lib_${i}"]`;
function validateRegoCode(code) {
  const entry = analyzeRego(code.rego);
  const entryParse = parseProblem(code.rego, entry, TEMPLATE_MODULE);
  if (entryParse !== void 0) return entryParse;
  if (entry.problems.length > 0) return void 0;
  if (!entry.ruleNames.has("violation")) {
    return `${INVALID2}: invalid rego: invalid module: missing required rules: [violation]`;
  }
  const libs = [];
  for (const [i, lib] of code.libs.entries()) {
    const info = analyzeRego(lib);
    const libParse = parseProblem(lib, info, libModuleName(i));
    if (libParse !== void 0) return libParse;
    if (info.problems.length > 0) return void 0;
    libs.push(info);
  }
  for (const lib of libs) {
    const path = lib.package.path;
    const segs = path.root === "data" ? path.segments : [path.root, ...path.segments];
    const under = segs.length > 1 && segs[0] === "lib";
    if (!under) {
      const shown = path.root === "data" ? path.text : `data.${path.text}`;
      return `${INVALID2}: invalid lib prefix: path ${shown} not found in lib prefixes`;
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
function parseProblem(src, info, moduleName) {
  const first = lexRego(src).tokens[0];
  if (first === void 0) return `${INVALID2}: ${moduleName}:0: rego_parse_error: empty module`;
  if (info.package === void 0) {
    return `${INVALID2}: 1 error occurred: ${moduleName}:${first.line}: rego_parse_error: package expected`;
  }
  return void 0;
}
var DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
var DNS1123_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
function dns1035(value) {
  const errs = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!DNS1035_RE.test(value)) errs.push(DNS1035_MSG);
  return errs;
}
function validateNames(kind, shortNames) {
  const errs = [];
  const plural = kind.toLowerCase();
  const crdName = `${plural}.${CONSTRAINTS_GROUP}`;
  if (crdName.length > 253 || !DNS1123_SUBDOMAIN_RE.test(crdName)) {
    errs.push(`metadata.name: Invalid value: ${JSON.stringify(crdName)}: ${DNS1123_MSG}`);
  }
  for (const e of dns1035(plural)) errs.push(`spec.names.plural: Invalid value: ${JSON.stringify(plural)}: ${e}`);
  for (const e of dns1035(plural)) errs.push(`spec.names.singular: Invalid value: ${JSON.stringify(plural)}: ${e}`);
  for (const [i, s] of shortNames.entries()) {
    for (const e of dns1035(s)) errs.push(`spec.names.shortNames[${i}]: Invalid value: ${JSON.stringify(s)}: ${e}`);
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
var SCHEMA_ROOT = "spec.validation.openAPIV3Schema.properties[spec].properties[parameters]";
var SCHEMA_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
function validateParametersSchema(schema, legacySchema) {
  if (schema === void 0) return [];
  const openapi = [];
  const structural = [];
  walkSchema(schema, SCHEMA_ROOT, legacySchema, openapi, structural);
  return openapi.length > 0 ? openapi : structural;
}
function walkSchema(node, path, legacy, openapi, structural) {
  const type = typeof node.type === "string" ? node.type : "";
  if (node.$ref !== void 0) openapi.push(`${path}.$ref: Forbidden: $ref is not supported`);
  if (type !== "" && !SCHEMA_TYPES.includes(type)) {
    openapi.push(
      `${path}.type: Unsupported value: ${JSON.stringify(type)}: supported values: ${SCHEMA_TYPES.map((t) => JSON.stringify(t)).join(", ")}`
    );
  }
  const props = isObject(node.properties) ? node.properties : void 0;
  const addl = node.additionalProperties;
  if (props !== void 0 && Object.keys(props).length > 0 && (isObject(addl) || addl === false)) {
    openapi.push(`${path}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`);
  }
  const items = node.items;
  if (type === "array" && (items === void 0 || items === null) && !legacy) {
    openapi.push(`${path}.items: Required value: must be specified`);
  }
  if (node.default !== void 0 && SCHEMA_TYPES.includes(type)) {
    const actual = schemaTypeOf(node.default);
    const ok = actual === type || type === "number" && actual === "integer";
    if (!ok) openapi.push(`${path}.default: Invalid value: ${JSON.stringify(actual)}:  in body must be of type ${type}: ${JSON.stringify(actual)}`);
  }
  if (props !== void 0) {
    for (const [k, v] of Object.entries(props)) {
      if (isObject(v)) walkSchema(v, `${path}.properties[${k}]`, legacy, openapi, structural);
    }
  }
  if (isObject(items)) walkSchema(items, `${path}.items`, legacy, openapi, structural);
  if (isObject(addl)) walkSchema(addl, `${path}.additionalProperties`, legacy, openapi, structural);
  const preserve = node["x-kubernetes-preserve-unknown-fields"] === true || node["x-kubernetes-int-or-string"] === true;
  if (!legacy && type === "" && !preserve) {
    structural.push(`${path}.type: Required value: must not be empty for specified object fields`);
  }
}
function schemaTypeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

// src/opa/eval-errors.ts
var ABORT = /^(?:[^/\s]+\/)?(template|lib_(\d+))\.rego:(\d+):\d+: (.*)$/s;
function gatekeeperEvalError(abort, code) {
  const m = ABORT.exec(abort);
  if (!m) return abort;
  const module = m[1] === "template" ? "template" : `libs["lib_${m[2]}"]`;
  const row = Number(m[3]);
  const message = m[4];
  const source = m[1] === "template" ? code?.rego : code?.libs[Number(m[2])];
  switch (message) {
    case "var assignment conflict":
      return `${module}:${row}: eval_conflict_error: ${isFunctionHead(source, row) ? "functions must not produce multiple outputs for same inputs" : "complete rules must not produce multiple outputs"}`;
    case "object insert conflict":
      return `${module}:${row}: eval_conflict_error: object keys must be unique`;
    default:
      return `${module}:${row}: ${message}`;
  }
}
function isFunctionHead(source, row) {
  const line = source?.split("\n")[row - 1] ?? "";
  return /^\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(line);
}

// src/engine/hook.ts
function field(value, key) {
  if (value.t !== "object") return void 0;
  return value.v.find(([k]) => k.t === "string" && k.v === key)?.[1];
}
function resultElements(resultSet) {
  let parsed;
  try {
    parsed = parseRegoValue(resultSet);
  } catch {
    return { error: "the policy returned a result preadmit cannot read" };
  }
  if (parsed.t !== "set" && parsed.t !== "array" || parsed.v.length === 0) return [];
  const value = field(parsed.v[0], "result");
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
  return hookResults(elements.map((e) => field(e, "r")).filter((r) => r !== void 0));
}
function hookResults(elements) {
  const results = [];
  for (const element of elements) {
    const key = field(element, "key");
    const msg = field(element, "msg");
    const details = field(element, "details");
    if (key?.t !== "number" || msg === void 0 || details === void 0) continue;
    if (msg.t !== "string") return { error: `extracting message binding: .msg accessor error: ${regoTermString(msg)} is not a string`, fatal: true };
    results.push({ key: Number(key.v), msg: msg.v, details });
  }
  return { results };
}

// src/engine/client.ts
var TARGET = "admission.k8s.gatekeeper.sh";
var celIds = /* @__PURE__ */ new Map();
function celIdOf(source) {
  const key = JSON.stringify(source);
  let id = celIds.get(key);
  if (id === void 0) celIds.set(key, id = `cel-${celIds.size + 1}`);
  return id;
}
var INVENTORY_REF = /\bdata\s*(?:\.\s*inventory\b|\[\s*"inventory"\s*\])/;
var PolicyClient = class _PolicyClient {
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
    const parsed = [];
    for (const s of sourced) {
      const r = parseTemplateMemo(s, this.options.celEnabled ?? true);
      if ("error" in r) errors.push(r.error);
      else if (r.template.cel !== void 0) {
        const cel = celIdOf(r.template.cel);
        this.options.pool.addCel(cel, r.template.cel);
        this.templates.set(r.template.kind, { template: r.template, cel, readsInventory: false });
      } else parsed.push(r.template);
    }
    const outcomes = await this.options.compiler.compile(parsed.map((t) => ({ key: t.kind, code: t.rego })));
    for (const template of parsed) {
      const outcome = outcomes.get(template.kind);
      if (!outcome || "error" in outcome) {
        errors.push({
          kind: "compile",
          message: `${template.source.file}:${template.source.startLine}: ConstraintTemplate ${JSON.stringify(template.name)}: ${outcome && "error" in outcome ? outcome.error : "not compiled"}`,
          source: template.source
        });
        continue;
      }
      this.options.pool.addModule(outcome.module.id, outcome.module.wasm);
      const code = template.rego;
      this.templates.set(template.kind, { template, compiled: outcome, readsInventory: [code.rego, ...code.libs].some((t) => INVENTORY_REF.test(t)) });
    }
    this.errors.push(...errors);
    return errors;
  }
  /** The wasm of a module this client's templates use: the pool asks for it again after letting it go. */
  moduleBytes = (id) => {
    for (const t of this.templates.values()) if (t.compiled?.module.id === id) return t.compiled.module.wasm;
    return void 0;
  };
  /** The template of a kind, if one was added successfully. */
  templateFor(kind) {
    return this.templates.get(kind)?.template;
  }
  /** Validates constraints against their templates; each bad one is an error naming its file and line. */
  addConstraints(sourced) {
    const failures = [];
    for (const s of sourced) {
      const r = this.addConstraint(s);
      if (r) failures.push(r);
    }
    this.errors.push(...failures.map((f) => f.error));
    return failures;
  }
  addConstraint(s) {
    const kind = gvkOf(s.object).kind;
    const loaded = this.templates.get(kind);
    if (!loaded) {
      return {
        error: {
          kind: "constraint",
          message: `${s.source.file}:${s.source.startLine}: constraint ${JSON.stringify(nameOf(s.object))} of kind ${kind}: no ConstraintTemplate defines this kind (or its template failed to load)`,
          source: s.source
        },
        schemaError: false
      };
    }
    const r = parseConstraint(s, {
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
  /** Releases this client's data documents in the pool; the client can be given new data afterwards. */
  dispose() {
    if (this.dataId !== "empty") this.options.pool.dropData(this.dataId);
    this.dataId = "empty";
    this.pendingInventory = void 0;
    for (const id of this.celParams.values()) this.options.pool.dropData(id);
    this.celParams.clear();
  }
  /** The data documents holding CEL params (a JSON array of constraint objects), by the constraints they hold. */
  celParams = /* @__PURE__ */ new Map();
  /** The id of the data document holding these constraints as CEL params, registered on first use. */
  celParamsId(constraints) {
    const key = constraints.map(({ constraint }) => this.constraintSeq(constraint)).join(",");
    let id = this.celParams.get(key);
    if (id === void 0) {
      id = `cel-params-${++_PolicyClient.dataSeq}`;
      this.options.pool.setData(id, `[${constraints.map(({ constraint }) => goFloatJson(constraint.object)).join(",")}]`);
      this.celParams.set(key, id);
    }
    return id;
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
      if (start + REVIEW_BATCH < reviews.length) await new Promise((resolve) => setImmediate(resolve));
    }
    await read;
    for (const r of results) r.sort(compareResults);
    return results;
  }
  /** Matches reviews [from, to) and starts their evaluations (Rego and CEL templates alike). */
  evaluateBatch(reviews, from, to, results, dispatchInputs) {
    const reviewJson = [];
    const items = [];
    const owners = [];
    const dispatchInput = (group) => {
      const id = group.map((k) => k.constraints.map(({ constraint }) => this.constraintSeq(constraint)).join(",")).join(";");
      let text = dispatchInputs.get(id);
      if (text !== void 0) return text;
      const perPackage = /* @__PURE__ */ new Map();
      let key = 0;
      for (const k of group) {
        const pid = packageIdOfEntrypoint(k.loaded.compiled.entrypoint);
        const list = perPackage.get(pid) ?? [];
        for (const { constraint } of k.constraints) list.push(`{"key":${key++},"parameters":${this.parametersJson(constraint)}}`);
        perPackage.set(pid, list);
      }
      text = `"kinds":{${[...perPackage].map(([pid, cs]) => `${JSON.stringify(pid)}:[${cs.join(",")}]`).join(",")}}`;
      dispatchInputs.set(id, text);
      return text;
    };
    for (let ri = from; ri < to; ri++) {
      const review = reviews[ri];
      const local = reviewJson.push(reviewInputJson(review)) - 1;
      const kinds = this.matchReview(review, results[ri]);
      const byModule = /* @__PURE__ */ new Map();
      for (const k of kinds) {
        if (k.loaded.cel !== void 0) {
          const numbers = this.options.parameterNumbers === "float" ? "double" : "int";
          items.push({ celId: k.loaded.cel, paramsId: this.celParamsId(k.constraints), review: local, numbers });
          owners.push({ review: ri, local, kinds: [], cel: k });
          continue;
        }
        const rego = k;
        const list = byModule.get(rego.loaded.compiled.module.id) ?? [];
        list.push(rego);
        byModule.set(rego.loaded.compiled.module.id, list);
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
    const retry = [];
    outcomes.forEach((o, i) => {
      const owner = owners[i];
      if (owner.cel !== void 0) {
        this.readCel(owner.cel, o, results[owner.review]);
        return;
      }
      const read = "result" in o ? readDispatchResults(o.result) : { error: o.error };
      if ("error" in read) {
        for (const kind of owner.kinds) retry.push({ review: owner.review, local: owner.local, kind });
        return;
      }
      const flat = owner.kinds.flatMap((k) => k.constraints);
      for (const r of read.results) {
        const owned = flat[r.key];
        if (owned) results[owner.review].push({ target: TARGET, msg: r.msg, details: r.details, constraint: owned.constraint, ...owned.action });
      }
    });
    if (retry.length > 0) await this.reviewKindByKind(retry, reviewJson, results);
  }
  /**
   * A CEL template's constraints on one review, as Gatekeeper's k8scel driver evaluates them (in a worker): the
   * whole constraint is the policy's params; each Deny decision is one result, without details. The engine turns
   * every evaluation error into the decision Kubernetes makes of it; an outcome that is an error is the worker's
   * (a crash, the deadline), and fails the template's constraints unless its failurePolicy is Ignore.
   */
  readCel(k, o, out) {
    const messages = "result" in o ? JSON.parse(o.result) : k.constraints.map(() => k.loaded.template.cel?.failurePolicy === "Ignore" ? [] : [`internal error evaluating CEL: ${o.error}`]);
    k.constraints.forEach(({ constraint, action }, j) => {
      for (const msg of messages[j] ?? []) out.push({ target: TARGET, msg, details: void 0, constraint, ...action });
    });
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
    let id = this.constraintIds.get(constraint);
    if (id === void 0) this.constraintIds.set(constraint, id = this.constraintCount++);
    return id;
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
var REVIEW_BATCH = 256;
var parsedTemplates = /* @__PURE__ */ new Map();
function parseTemplateMemo(s, cel) {
  const key = `${cel}:${s.source.file}:${s.source.startLine}:${s.source.endLine}:${JSON.stringify(s.object)}`;
  let r = parsedTemplates.get(key);
  if (!r) {
    r = parseTemplate(s, { cel });
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

// src/gatekeeper/config.ts
var CONFIG_PROCESSES = ["webhook", "audit", "sync", "mutation-webhook"];
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
function processExclusions(configs, process) {
  const out = [];
  for (const c of configs) {
    for (const m of configMatchEntries(c.object)) {
      if (m.processes.some((p) => p === process || p === "*")) out.push(...m.excludedNamespaces);
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
  for (const s of syncSets) {
    const gvks = specOf(s.object).gvks;
    if (Array.isArray(gvks)) entries.push(...gvks);
  }
  const kinds = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (!isObject(e)) continue;
    const str = (k) => typeof e[k] === "string" ? e[k] : "";
    kinds.add(gvkKey(str("group"), str("version"), str("kind")));
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
  const resultantsOf = (item, object, namespace, describe) => {
    if (options.expansions.length === 0) return [];
    try {
      return expandFn(object, namespace, options.expansions);
    } catch (e) {
      plan.expansionErrors.push({ parent: item, message: describe(e.message) });
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
var requestCopies = /* @__PURE__ */ new WeakMap();
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

export {
  ENFORCEMENT_POINTS,
  actionsForEnforcementPoint,
  isDenyResult,
  parseExpansionTemplate,
  expand,
  matchesGlob,
  parseMatch,
  reviewAdmissionRequest,
  PolicyClient,
  CONFIG_PROCESSES,
  isGatekeeperConfig,
  configMatchEntries,
  processExclusions,
  syncedObjects,
  planReviews,
  evaluatePlan,
  createRuntime
};
//# sourceMappingURL=chunk-U2OET4L7.mjs.map
