import {
  takeNativeValidationFlag
} from "./chunk-D74DUTXT.mjs";
import {
  ENFORCEMENT_POINTS,
  PolicyClient,
  createRuntime,
  evaluatePlan,
  parseExpansionTemplate,
  planReviews,
  reviewAdmissionRequest
} from "./chunk-U2OET4L7.mjs";
import "./chunk-MVMMHOUD.mjs";
import {
  goPathDir,
  goPathExt,
  goPathJoin
} from "./chunk-JHNEIQET.mjs";
import {
  gvkOf,
  isObject,
  nameOf,
  namespaceOf
} from "./chunk-D23G4ER4.mjs";
import {
  MATCH_TIME_LIMIT_MS,
  compileGoRegexp,
  testWithin
} from "./chunk-DMQTDK6J.mjs";
import {
  goCompare,
  goJsonCompact,
  goJsonFloatText,
  goQuote,
  loadManifests
} from "./chunk-LV3SBTA7.mjs";

// src/cli/commands/verify.ts
import { parseArgs } from "node:util";

// src/engine/verify.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

// src/go/errors.ts
var ERRNO_TEXT = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EPERM: "operation not permitted"
};
function goErrnoText(e) {
  const code = e.code ?? "";
  return ERRNO_TEXT[code] ?? (e instanceof Error ? e.message : String(e));
}

// src/engine/verify.ts
function isCaseFailure(r) {
  return r.error !== void 0;
}
function isTestFailure(r) {
  return r.error !== void 0 || r.cases.some(isCaseFailure);
}
function isSuiteFailure(r) {
  return r.error !== void 0 || r.tests.some(isTestFailure);
}
var ERR = {
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
var GoError = class extends Error {
};
function errorText(e) {
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
    return await readFile(full, "utf8");
  } catch (e) {
    const code = e.code;
    throw new GoError(`${code === "EISDIR" ? "read" : "open"} ${name}: ${goErrnoText(e)}`);
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
      throw new GoError(`${ERR.invalidYaml}: ${e.message}`);
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
  if (objects.length === 0) throw new GoError(`${ERR.noObjects}: path ${goQuote(name)} defines no YAML objects`);
  return objects;
}
var JsonTypeError = class extends Error {
};
function jsonKindName(v, forInt) {
  if (v === null) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return forInt ? `number ${goJsonFloatText(v)}` : "number";
  return Array.isArray(v) ? "array" : "object";
}
function typeError(v, structName, fieldPath, goType, forInt = false) {
  return new JsonTypeError(`json: cannot unmarshal ${jsonKindName(v, forInt)} into Go struct field ${structName}.${fieldPath} of type ${goType}`);
}
function eachField(obj, fields, visit) {
  for (const key of Object.keys(obj).sort(goCompare)) {
    const field = fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field !== void 0) visit(field, obj[key]);
  }
}
function decodeScalar(v, type, structName, fieldPath) {
  if (v === null) return void 0;
  switch (type) {
    case "string":
      if (typeof v !== "string") throw typeError(v, structName, fieldPath, "string");
      return v;
    case "bool":
      if (typeof v !== "boolean") throw typeError(v, structName, fieldPath, "bool");
      return v;
    case "[]string":
      if (!Array.isArray(v)) throw typeError(v, structName, fieldPath, "[]string");
      for (const item of v) if (item !== null && typeof item !== "string") throw typeError(item, structName, fieldPath, "string");
      return v.map((item) => typeof item === "string" ? item : "");
    case "int32":
      return v;
  }
}
function decodeSuite(doc) {
  const suite = { skip: false, tests: [] };
  eachField(doc, ["tests", "skip", "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"], (field, v) => {
    if (field === "skip") suite.skip = decodeScalar(v, "bool", "Suite", "skip") ?? false;
    else if (field === "tests") suite.tests = decodeList(v, "Suite", "tests", "[]verify.Test", "verify.Test", (o) => decodeTest(o));
    else decodeScalar(v, "string", "Suite", `ObjectMeta.${field}`);
  });
  return suite;
}
function decodeList(v, structName, fieldPath, listType, itemType, item) {
  if (v === null) return [];
  if (!Array.isArray(v)) throw typeError(v, structName, fieldPath, listType);
  return v.map((x) => {
    if (x === null) return item({});
    if (!isObject(x)) throw typeError(x, structName, fieldPath, itemType);
    return item(x);
  });
}
function decodeTest(o) {
  const t = { name: "", template: "", constraint: "", expansion: "", cases: [], invalid: false, skip: false };
  eachField(o, ["name", "template", "constraint", "expansion", "cases", "invalid", "skip"], (field, v) => {
    const p = `tests.${field}`;
    switch (field) {
      case "cases":
        t.cases = decodeList(v, "Test", p, "[]*verify.Case", "verify.Case", decodeCase);
        break;
      case "invalid":
      case "skip":
        t[field] = decodeScalar(v, "bool", "Test", p) ?? false;
        break;
      default:
        t[field] = decodeScalar(v, "string", "Test", p) ?? "";
    }
  });
  return t;
}
function decodeCase(o) {
  const c = { name: "", object: "", inventory: [], assertions: [], skip: false };
  eachField(o, ["name", "object", "inventory", "assertions", "skip"], (field, v) => {
    const p = `tests.cases.${field}`;
    switch (field) {
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
        c[field] = decodeScalar(v, "string", "Case", p) ?? "";
    }
  });
  return c;
}
function decodeAssertion(o) {
  const a = {};
  eachField(o, ["violations", "message"], (field, v) => {
    const p = `tests.cases.assertions.${field}`;
    if (field === "message") {
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
    else throw typeError(v, "Assertion", p, "int32", true);
  });
  return a;
}
function isYamlExtension(ext) {
  return ext === ".yaml" || ext === ".yml";
}
async function goStat(name) {
  try {
    const s = await stat(`/${name}`);
    return { isDir: s.isDirectory() };
  } catch (e) {
    throw new GoError(`stat ${name}: ${goErrnoText(e)}`);
  }
}
async function goReadDir(name) {
  try {
    const entries = await readdir(`/${name}`, { withFileTypes: true });
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
    throw new GoError(`${ERR.invalidYaml}: parsing yaml file ${goQuote(file)}: ${e.message}`);
  }
  const gvk = goGvk(doc);
  if (gvk.group !== "test.gatekeeper.sh" || gvk.kind !== "Suite") return void 0;
  try {
    return decodeSuite(doc);
  } catch (e) {
    throw new GoError(`${ERR.invalidYaml}: ${e.message}`);
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
  let target = path.posix.resolve(cwd, argument);
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
    let cut = originalPath.replace(/^\//, "").replace(/^\.\//, "");
    while (cut.startsWith("../")) cut = cut.slice(3);
    const at = file.indexOf(cut);
    if (at < 0) throw new GoError(`could not find ${cut} in ${file}`);
    suites.push({ absolutePath: file, inputPath: originalPath + file.slice(at + cut.length), ...decoded });
  }
  return suites.sort((a, b) => goCompare(a.absolutePath, b.absolutePath));
}
function newFilter(run) {
  if (run === "") return { matchesTest: () => true, matchesCase: () => true };
  const parts = run.split("//");
  const compile = (expr) => {
    const r = compileGoRegexp(expr);
    if ("error" in r) throw new GoError(`${ERR.invalidFilter}: ${r.error}`);
    return r.regexp;
  };
  if (parts.length === 1) {
    const re = compile(parts[0]);
    const matchesCase = (testName, caseName) => re.test(caseName) || re.test(testName);
    return {
      matchesTest: (t) => re.test(t.name) || t.cases.some((c) => matchesCase(t.name, c.name)),
      matchesCase
    };
  }
  if (parts.length === 2) {
    const testRe = compile(parts[0]);
    const caseRe = compile(parts[1]);
    return {
      matchesTest: (t) => testRe.test(t.name),
      matchesCase: (testName, caseName) => caseRe.test(caseName) && testRe.test(testName)
    };
  }
  throw new GoError(`${ERR.invalidFilter}: a filter may include at most one "//"`);
}
function runAssertion(a, messages) {
  let matching = 0;
  let regexp;
  for (const msg of messages) {
    if (a.message !== void 0) {
      if (regexp === void 0) {
        const r = compileGoRegexp(a.message);
        if ("error" in r) return `${ERR.invalidRegex}: ${r.error}`;
        regexp = r.regexp;
      }
      const hit = testWithin(regexp, msg);
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
  const bad = `${ERR.invalidYaml}: assertion.violation, if set, must be a nonnegative integer, "yes", or "no"`;
  const containing = a.message !== void 0 ? ` containing ${goQuote(a.message)}` : "";
  if (typeof violations === "number") {
    if (violations < 0) return bad;
    if (violations !== matching) return `${ERR.numViolations}: got ${matching} violations${containing} but want exactly ${violations}`;
    return void 0;
  }
  if (violations === "yes") {
    return matching === 0 ? `${ERR.numViolations}: got ${matching} violations${containing} but want at least 1` : void 0;
  }
  if (violations === "no") {
    return matching > 0 ? `${ERR.numViolations}: got ${matching} violations${containing} but want none` : void 0;
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
    else tests.push(await runTest(suiteDir, filter, t, deps));
  }
  return { path: suite.inputPath, skipped: false, durationMs: elapsed(start), tests };
}
async function runTest(suiteDir, filter, t, deps) {
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
    addError = { message: errorText(e), schema: false };
    inputs = void 0;
  }
  if (t.invalid) {
    if (addError?.schema) return result(void 0, []);
    return result(`${ERR.validConstraint}: got error ${addError ? addError.message : "%!w(<nil>)"} but want ${ERR.schema}`, []);
  }
  if (addError) return result(addError.message, []);
  try {
    await readExpansion(suiteDir, t);
  } catch (e) {
    return result(errorText(e), []);
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
      error = errorText(e);
    }
    cases.push({ name: c.name, skipped: false, ...error !== void 0 ? { error } : {}, durationMs: elapsed(caseStart), print: "" });
  }
  return result(void 0, cases);
}
async function readTemplate(suiteDir, templatePath) {
  if (templatePath === "") throw new GoError(`${ERR.invalidSuite}: missing template`);
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
    throw new GoError(`${ERR.addingTemplate}: parsing ConstraintTemplate YAML from ${goQuote(file)}: ${e.message}`);
  }
  const gvk = goGvk(object);
  if (gvk.group !== "templates.gatekeeper.sh" || gvk.kind !== "ConstraintTemplate") {
    throw new GoError(`path ${goQuote(file)}: ${ERR.notATemplate}`);
  }
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}
async function readConstraint(suiteDir, constraintPath) {
  if (constraintPath === "") throw new GoError(`${ERR.invalidSuite}: missing constraint`);
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
    throw new GoError(`${ERR.addingConstraint}: parsing Constraint from ${goQuote(file)}: ${e.message}`);
  }
  if (goGvk(object).group !== "constraints.gatekeeper.sh") throw new GoError(ERR.notAConstraint);
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}
function bareMessage(message) {
  return message.replace(/^\/?[^\s:]*:\d+: /, "").replace(/^adding (?:constraint|template) "(?:[^"\\]|\\.)*": /, "").replace(/^ConstraintTemplate "(?:[^"\\]|\\.)*": /, "");
}
async function clientWithTemplate(template, deps) {
  const client = new PolicyClient({ compiler: deps.compiler, pool: deps.pool, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: "exact", celEnabled: deps.celEnabled });
  const templateErrors = await client.addTemplates([template]);
  if (templateErrors.length > 0) {
    const m = bareMessage(templateErrors[0].message);
    throw new GoError(`${ERR.addingTemplate}: ${m}`);
  }
  return client;
}
function addConstraint(client, template, constraint) {
  const kind = gvkOf(constraint.object).kind;
  const spec = isObject(template.object.spec) ? template.object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  const templateKind = typeof names.kind === "string" ? names.kind : "";
  if (kind.toLowerCase() !== templateKind.toLowerCase() || client.templateFor(kind) === void 0) {
    return { message: `missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`, schema: false };
  }
  const failure = client.addConstraint(constraint);
  return failure ? { message: bareMessage(failure.error.message), schema: failure.schemaError } : void 0;
}
async function tryAddConstraint(suiteDir, t, deps) {
  const template = await readTemplate(suiteDir, t.template);
  const client = await clientWithTemplate(template, deps);
  const constraint = await readConstraint(suiteDir, t.constraint);
  const error = addConstraint(client, template, constraint);
  const inputs = { template, constraint };
  return error ? { inputs, error } : { inputs };
}
async function newTestClient(inputs, deps) {
  const client = await clientWithTemplate(inputs.template, deps);
  const error = addConstraint(client, inputs.template, inputs.constraint);
  if (error) throw new GoError(`${ERR.addingConstraint}: ${error.message}`);
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
  if (objects.length === 0) throw new GoError(`${ERR.notAnExpansion}: ${goQuote(file)}`);
  for (const o of objects) {
    const gvk = goGvk(o);
    if (gvk.group !== "expansion.gatekeeper.sh" || gvk.kind !== "ExpansionTemplate") throw new GoError(`${ERR.notAnExpansion}: ${goQuote(file)}`);
  }
  const templates = [];
  for (const o of objects) {
    const problem = validateExpansionTemplate(o);
    if (problem !== void 0) throw new GoError(`error upserting template ${nameOf(o)}: ${problem}`);
    const parsed = parseExpansionTemplate({ object: o, source: { file: `/${file}`, startLine: 1, endLine: 1 } });
    if ("error" in parsed) throw new GoError(`error upserting template ${nameOf(o)}: ${bareMessage(parsed.error.message)}`);
    const at = templates.findIndex((x) => x.name === parsed.template.name);
    if (at >= 0) templates[at] = parsed.template;
    else templates.push(parsed.template);
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
  const str = (v) => typeof v === "string" ? v : "";
  const gen = { group: str(g.group), version: str(g.version), kind: str(g.kind) };
  if (gen.group === "" && gen.version === "" && gen.kind === "") return `ExpansionTemplate ${name} has empty generatedGVK field`;
  const applyTo = Array.isArray(spec.applyTo) ? spec.applyTo : [];
  if (applyTo.length === 0) return `ExpansionTemplate ${name} must specify ApplyTo`;
  for (const a of applyTo) {
    const at = isObject(a) ? a : {};
    const has = (k, v) => Array.isArray(at[k]) && at[k].includes(v);
    if (has("groups", gen.group) && has("versions", gen.version) && has("kinds", gen.kind)) {
      return `ExpansionTemplate ${name} generates GVK ${gen.group}/${gen.version}, Kind=${gen.kind}, but also applies to that same GVK`;
    }
  }
  return void 0;
}
async function checkCase(suiteDir, t, c, inputs, deps) {
  if (c.object === "") return `${ERR.invalidCase}: must define object`;
  if (c.assertions.length === 0) return `${ERR.invalidCase}: assertions must be non-empty`;
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
  if (objects.length !== 1) throw new GoError(`${ERR.multipleObjects}: ${goQuote(objectPath)} defines ${objects.length} objects`);
  const toReview = objects[0];
  const inventory = [];
  for (const p of c.inventory) {
    for (const obj of await readObjects(goPathJoin(suiteDir, p))) {
      const gvk2 = goGvk(obj);
      if (gvk2.version === "") {
        throw new GoError(
          `${ERR.addInventory}: ${gvk2.group}/${gvk2.version}, Kind=${gvk2.kind} ${namespaceOf(obj)}/${nameOf(obj)}: admission.k8s.gatekeeper.sh: invalid request object: resource ${nameOf(obj)} has no version
`
        );
      }
      inventory.push(obj);
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
  const failed = plan.expansionErrors[0];
  if (failed) throw new GoError(failed.message);
  const found = (await evaluatePlan(client, plan)).flatMap(({ violations }) => violations.map((v) => ({ action: v.enforcementAction, msg: v.msg })));
  return sortedMessages(found);
}
function sortedMessages(results) {
  return results.sort((a, b) => goCompare(a.action, b.action) || goCompare(a.msg, b.msg)).map((r) => r.msg);
}
var GVK_SHAPE = { group: "string", version: "string", kind: "string" };
var GVR_SHAPE = { group: "string", version: "string", resource: "string" };
var REQUEST_SHAPE = {
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
var REVIEW_SHAPE = { apiVersion: "string", kind: "string", request: REQUEST_SHAPE, response: "any" };
var GO_STRING_TYPES = { uid: "types.UID", operation: "v1.Operation" };
function goValueType(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}
function checkShape(v, shape, at, field, unknown) {
  if (v === null || shape === "any") return;
  if (typeof shape === "string") {
    if (shape === "string" && typeof v !== "string") throw new GoError(`cannot convert ${goValueType(v)} to ${GO_STRING_TYPES[field] ?? "string"}`);
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
    const p = at === "" ? key : `${at}.${key}`;
    if (sub === void 0) unknown.push(p);
    else checkShape(v[key], sub, p, key, unknown);
  }
}
function admissionReviewOf(object) {
  const unknown = [];
  try {
    checkShape(object, REVIEW_SHAPE, "", "", unknown);
  } catch (e) {
    throw new GoError(`${ERR.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: ${e.message}`);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `unknown field ${goQuote(u)}`).join(", ");
    throw new GoError(`${ERR.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: strict decoding error: ${list}`);
  }
  const request = object.request;
  if (!isObject(request)) throw new GoError(`${ERR.missingAdmissionRequest}: request did not actually pass in an AdmissionRequest`);
  const has = (k) => request[k] !== void 0 && request[k] !== null;
  if (!has("object") && !has("oldObject")) {
    throw new GoError(`${ERR.noObjectForReview}: AdmissionRequest does not contain an "object" or "oldObject" to review`);
  }
  for (const k of ["object", "oldObject"]) {
    if (!has(k)) continue;
    const v = request[k];
    if (!isObject(v)) throw new GoError(`${ERR.unmarshallObject}: json: cannot unmarshal ${jsonKindName(v, false)} into Go value of type map[string]interface {}`);
    try {
      requireKind(v);
    } catch (e) {
      throw new GoError(`${ERR.unmarshallObject}: ${e.message}`);
    }
  }
  const review = reviewAdmissionRequest(object);
  if ("error" in review) {
    throw new GoError(`admission.k8s.gatekeeper.sh: target.HandleReview failed for target "admission.k8s.gatekeeper.sh": ${review.error}
`);
  }
  return review;
}

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
var ms = (n) => Math.round(n * 1e3) / 1e3;
function toVerifyJson(results) {
  return {
    pass: !results.some(isSuiteFailure),
    suites: results.map((s) => ({
      path: s.path,
      skipped: s.skipped,
      failed: isSuiteFailure(s),
      error: s.error ?? null,
      durationMs: ms(s.durationMs),
      tests: s.tests.map((t) => ({
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

// src/cli/commands/verify.ts
var VERIFY_USAGE = `Usage: preadmit verify PATH [PATH\u2026] [--run REGEX] [-v] [-o text|json] [--enable-k8s-native-validation=false]

Runs gator Suite files (apiVersion test.gatekeeper.sh/*, kind Suite) as \`gator verify\` does.
PATH is a suite file, a directory (its YAML files), or DIR/... (recursively).

  -r, --run REGEX   run only tests or cases whose names match (Go RE2); TEST//CASE matches both
  -v, --verbose     print every test and case (=== RUN, --- PASS, === SKIP)
  -o, --output FMT  text (gator's Go-test style, the default) or json

Exit code 1 when a test or case fails or the suites cannot be read, 2 on a usage error.`;
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
    args = parseArgs({
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
  const failed = results.some(isSuiteFailure);
  if (failed && format === "text") err.write("Error: FAIL\n");
  return failed ? 1 : 0;
}
export {
  VERIFY_USAGE,
  runVerify
};
//# sourceMappingURL=verify-KVJ3X6GP.mjs.map
