// `preadmit verify`: gator Suite files (test.gatekeeper.sh/Suite) run with `gator verify`'s exact semantics.
//
// Everything observable is gator's: which files are suites, how paths are joined, which errors a test or a
// case gets and their wording (Go's error texts included), the order things are read in, and which
// results an assertion counts. gator reads each suite and each object file with go-yaml v3 followed by a
// JSON round trip into Go structs; the decoding below keeps both steps' rules (first document only,
// case-insensitive field names, Go's type errors). Upstream: gatekeeper pkg/gator/verify, pkg/gator/reader.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gvkOf, isObject, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import { parseExpansionTemplate, type ExpansionTemplate } from '../gatekeeper/expand.ts';
import { goJsonCompact, goJsonFloatText } from '../go/json.ts';
import { loadManifests } from '../gatekeeper/load.ts';
import { reviewAdmissionRequest, type Review } from '../gatekeeper/review.ts';
import type { JsonObject, JsonValue, SourcedObject } from '../gatekeeper/types.ts';
import type { Compiler } from '../opa/compile.ts';
import { compileGoRegexp, MATCH_TIME_LIMIT_MS, testWithin } from '../go/regexp.ts';
import type { EvalPool } from '../opa/pool.ts';
import { goErrnoText } from '../go/errors.ts';
import { goPathDir, goPathExt, goPathJoin } from '../go/path.ts';
import { goQuote } from '../go/strconv.ts';
import { goCompare } from '../go/strings.ts';
import { ENFORCEMENT_POINTS } from '../gatekeeper/enforcement.ts';
import { PolicyClient } from './client.ts';
import { evaluatePlan, planReviews } from './plan.ts';

// ---------------------------------------------------------------------------------------------
// The suite model (pkg/gator/verify/suite.go).

export interface Assertion {
  /** `violations`: an integer, or a string ("yes", "no", anything else is an error at run time); absent = "yes". */
  violations?: number | string;
  message?: string;
}

interface Case {
  name: string;
  object: string;
  inventory: string[];
  assertions: Assertion[];
  skip: boolean;
}

export interface Test {
  name: string;
  template: string;
  constraint: string;
  expansion: string;
  cases: Case[];
  invalid: boolean;
  skip: boolean;
}

export interface Suite {
  /** The suite file as gator addresses it: absolute, without the leading slash. */
  absolutePath: string;
  /** The path printed for the suite: the user's argument followed by the rest of the file's path. */
  inputPath: string;
  skip: boolean;
  tests: Test[];
}

// ---------------------------------------------------------------------------------------------
// Results (pkg/gator/verify/result.go). Durations are in milliseconds.

export interface CaseResult {
  name: string;
  skipped: boolean;
  error?: string;
  durationMs: number;
  /** Output of Rego `print()` calls (always empty: the wasm evaluator has no print hook). */
  print: string;
}

export interface TestResult {
  name: string;
  skipped: boolean;
  error?: string;
  durationMs: number;
  cases: CaseResult[];
}

export interface SuiteResult {
  path: string;
  skipped: boolean;
  error?: string;
  durationMs: number;
  tests: TestResult[];
}

export function isCaseFailure(r: CaseResult): boolean {
  return r.error !== undefined;
}

export function isTestFailure(r: TestResult): boolean {
  return r.error !== undefined || r.cases.some(isCaseFailure);
}

export function isSuiteFailure(r: SuiteResult): boolean {
  return r.error !== undefined || r.tests.some(isTestFailure);
}

// ---------------------------------------------------------------------------------------------
// Go's error texts that gator prints.

const ERR = {
  addingTemplate: 'adding template',
  addingConstraint: 'adding constraint',
  invalidSuite: 'invalid Suite',
  invalidCase: 'invalid Case',
  numViolations: 'unexpected number of violations',
  invalidRegex: 'message contains invalid regular expression',
  invalidFilter: 'invalid test filter',
  noObjects: 'missing objects',
  multipleObjects: 'object file must contain exactly one object',
  addInventory: 'unable to add object to data.inventory',
  validConstraint: 'constraint should have failed schema validation',
  invalidAdmissionReview: 'not a valid AdmissionReview object',
  missingAdmissionRequest: 'missing an AdmissionRequest object',
  noObjectForReview: 'no object or oldObject found to review',
  invalidYaml: 'invalid yaml',
  unmarshallObject: 'object or oldObject cannot be unmarshalled',
  notATemplate: 'not a ConstraintTemplate',
  notAConstraint: 'not a Constraint',
  notAnExpansion: 'not an Expansion Template',
  schema: 'schema validation failed',
} as const;

/** A failure carrying Go's error text. */
class GoError extends Error {}

/** The text a failure is reported with; anything unexpected still becomes the test's or case's error. */
function errorText(e: unknown): string {
  if (e instanceof GoError) return e.message;
  return `preadmit internal error: ${e instanceof Error ? e.message : String(e)}`;
}

// ---------------------------------------------------------------------------------------------
// The file system as gator sees it: os.DirFS("/"), addressed by slash paths without the leading slash.

/** fs.ValidPath: unrooted, no empty, "." or ".." elements (except the name "." itself). */
function validFsPath(name: string): boolean {
  if (name === '.') return true;
  return name.split('/').every((e) => e !== '' && e !== '.' && e !== '..');
}

/** fs.ReadFile(os.DirFS("/"), name) with Go's error text. */
async function goReadFile(name: string): Promise<string> {
  if (!validFsPath(name)) throw new GoError(`readfile ${name}: invalid argument`);
  const full = `/${name}`;
  try {
    return await readFile(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GoError(`${code === 'EISDIR' ? 'read' : 'open'} ${name}: ${goErrnoText(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML as gator decodes it: go-yaml v3's Unmarshal (the first document only) into a map, then JSON.

/** The first YAML document of `text` as a map, or Go's error. `null` for an empty stream. */
function yamlFirstDocument(text: string, file: string): JsonObject {
  const loaded = loadManifests(text, file, { yamlVersion: '1.2' });
  type Doc = { line: number; object?: JsonObject; error?: string };
  const docs: Doc[] = [
    ...loaded.objects.map((o) => ({ line: o.source.startLine, object: o.object })),
    ...loaded.errors.map((e) => ({ line: e.source?.startLine ?? 1, error: e.message })),
  ].sort((a, b) => a.line - b.line);
  const first = docs[0];
  if (first === undefined) return {};
  if (first.error !== undefined) {
    // go-yaml's own wording cannot be reproduced; keep its shape with our parser's explanation.
    const why = first.error.replace(/^[^:]*:\d+: (invalid YAML: )?/, '');
    throw new GoError(`yaml: line ${first.line}: ${why}`);
  }
  return first.object!;
}

/** reader.clean: drops blank and comment lines (also inside block scalars, as gator does). */
function cleanYaml(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    out += `${line}\n`;
  }
  return out;
}

/** unstructured.UnmarshalJSON: an object needs a string `kind`. */
function requireKind(object: JsonObject): JsonObject {
  if (typeof object.kind !== 'string' || object.kind === '') {
    throw new GoError(`Object 'Kind' is missing in '${goJsonCompact(object)}'`);
  }
  return object;
}

/** reader.ReadUnstructured: the file's first document, which must have a kind. */
function readUnstructured(text: string, file: string): JsonObject {
  return requireKind(yamlFirstDocument(text, file));
}

/** reader.ReadUnstructureds: gator's own `\n---` split, each part cleaned and decoded. */
function readUnstructureds(text: string, file: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const part of text.split('\n---')) {
    const cleaned = cleanYaml(part);
    if (cleaned.length === 0) continue;
    try {
      out.push(readUnstructured(cleaned, file));
    } catch (e) {
      throw new GoError(`${ERR.invalidYaml}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** runner.readObjects. */
async function readObjects(name: string): Promise<JsonObject[]> {
  const text = await goReadFile(name);
  let objects: JsonObject[];
  try {
    objects = readUnstructureds(text, name);
  } catch (e) {
    throw new GoError(`reading ${goQuote(name)}: ${(e as Error).message}`);
  }
  if (objects.length === 0) throw new GoError(`${ERR.noObjects}: path ${goQuote(name)} defines no YAML objects`);
  return objects;
}

// ---------------------------------------------------------------------------------------------
// Decoding a suite: encoding/json into Go structs, after go-yaml. Field names match case-insensitively,
// keys are visited in sorted order (json.Marshal sorts map keys) and the first type error wins.

type FieldType = 'string' | 'bool' | '[]string' | 'int32';

class JsonTypeError extends Error {}

function jsonKindName(v: JsonValue, forInt: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return forInt ? `number ${goJsonFloatText(v)}` : 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeError(v: JsonValue, structName: string, fieldPath: string, goType: string, forInt = false): JsonTypeError {
  return new JsonTypeError(`json: cannot unmarshal ${jsonKindName(v, forInt)} into Go struct field ${structName}.${fieldPath} of type ${goType}`);
}

/** Go's json field lookup: keys in sorted order; each key goes to the field it equals case-insensitively. */
function eachField(obj: JsonObject, fields: string[], visit: (field: string, value: JsonValue) => void): void {
  for (const key of Object.keys(obj).sort(goCompare)) {
    const field = fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field !== undefined) visit(field, obj[key]!);
  }
}

function decodeScalar(v: JsonValue, type: FieldType, structName: string, fieldPath: string): JsonValue | undefined {
  if (v === null) return undefined;
  switch (type) {
    case 'string':
      if (typeof v !== 'string') throw typeError(v, structName, fieldPath, 'string');
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw typeError(v, structName, fieldPath, 'bool');
      return v;
    case '[]string':
      if (!Array.isArray(v)) throw typeError(v, structName, fieldPath, '[]string');
      for (const item of v) if (item !== null && typeof item !== 'string') throw typeError(item, structName, fieldPath, 'string');
      return v.map((item) => (typeof item === 'string' ? item : ''));
    case 'int32':
      return v;
  }
}

function decodeSuite(doc: JsonObject): { skip: boolean; tests: Test[] } {
  const suite = { skip: false, tests: [] as Test[] };
  eachField(doc, ['tests', 'skip', 'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion'], (field, v) => {
    if (field === 'skip') suite.skip = (decodeScalar(v, 'bool', 'Suite', 'skip') as boolean | undefined) ?? false;
    else if (field === 'tests') suite.tests = decodeList(v, 'Suite', 'tests', '[]verify.Test', 'verify.Test', (o) => decodeTest(o));
    else decodeScalar(v, 'string', 'Suite', `ObjectMeta.${field}`);
  });
  return suite;
}

function decodeList<T>(v: JsonValue, structName: string, fieldPath: string, listType: string, itemType: string, item: (o: JsonObject) => T): T[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw typeError(v, structName, fieldPath, listType);
  return v.map((x) => {
    if (x === null) return item({});
    if (!isObject(x)) throw typeError(x, structName, fieldPath, itemType);
    return item(x);
  });
}

function decodeTest(o: JsonObject): Test {
  const t: Test = { name: '', template: '', constraint: '', expansion: '', cases: [], invalid: false, skip: false };
  eachField(o, ['name', 'template', 'constraint', 'expansion', 'cases', 'invalid', 'skip'], (field, v) => {
    const p = `tests.${field}`;
    switch (field) {
      case 'cases':
        t.cases = decodeList(v, 'Test', p, '[]*verify.Case', 'verify.Case', decodeCase);
        break;
      case 'invalid':
      case 'skip':
        t[field] = (decodeScalar(v, 'bool', 'Test', p) as boolean | undefined) ?? false;
        break;
      default:
        (t as unknown as Record<string, string>)[field] = (decodeScalar(v, 'string', 'Test', p) as string | undefined) ?? '';
    }
  });
  return t;
}

function decodeCase(o: JsonObject): Case {
  const c: Case = { name: '', object: '', inventory: [], assertions: [], skip: false };
  eachField(o, ['name', 'object', 'inventory', 'assertions', 'skip'], (field, v) => {
    const p = `tests.cases.${field}`;
    switch (field) {
      case 'assertions':
        c.assertions = decodeList(v, 'Case', p, '[]verify.Assertion', 'verify.Assertion', decodeAssertion);
        break;
      case 'inventory':
        c.inventory = (decodeScalar(v, '[]string', 'Case', p) as string[] | undefined) ?? [];
        break;
      case 'skip':
        c.skip = (decodeScalar(v, 'bool', 'Case', p) as boolean | undefined) ?? false;
        break;
      default:
        (c as unknown as Record<string, string>)[field] = (decodeScalar(v, 'string', 'Case', p) as string | undefined) ?? '';
    }
  });
  return c;
}

function decodeAssertion(o: JsonObject): Assertion {
  const a: Assertion = {};
  eachField(o, ['violations', 'message'], (field, v) => {
    const p = `tests.cases.assertions.${field}`;
    if (field === 'message') {
      const m = decodeScalar(v, 'string', 'Assertion', p);
      if (typeof m === 'string') a.message = m;
      else delete a.message;
      return;
    }
    // intstr.IntOrString: a JSON string, or an int32.
    if (v === null) {
      delete a.violations;
      return;
    }
    if (typeof v === 'string') a.violations = v;
    else if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) a.violations = v;
    else throw typeError(v, 'Assertion', p, 'int32', true);
  });
  return a;
}

// ---------------------------------------------------------------------------------------------
// Finding suites (pkg/gator/verify/read_suites.go, cmd/gator/verify).

function isYamlExtension(ext: string): boolean {
  return ext === '.yaml' || ext === '.yml';
}

async function goStat(name: string): Promise<{ isDir: boolean }> {
  try {
    const s = await stat(`/${name}`);
    return { isDir: s.isDirectory() };
  } catch (e) {
    throw new GoError(`stat ${name}: ${goErrnoText(e)}`);
  }
}

/** fs.ReadDir: entries sorted by name; symlinks are not followed (they are never directories). */
async function goReadDir(name: string): Promise<Array<{ name: string; isDir: boolean }>> {
  try {
    const entries = await readdir(`/${name}`, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => goCompare(a.name, b.name));
  } catch (e) {
    throw new GoError(`open ${name}: ${goErrnoText(e)}`);
  }
}

async function walkYamlFiles(dir: string, out: string[]): Promise<void> {
  for (const entry of await goReadDir(dir)) {
    const p = goPathJoin(dir, entry.name);
    if (entry.isDir) await walkYamlFiles(p, out);
    else if (isYamlExtension(goPathExt(entry.name))) out.push(p);
  }
}

/** Reads one file as a suite; `undefined` when it is some other YAML. */
async function readSuite(file: string): Promise<{ skip: boolean; tests: Test[] } | undefined> {
  let text: string;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading file ${goQuote(file)}: ${(e as Error).message}`);
  }
  let doc: JsonObject;
  try {
    doc = yamlFirstDocument(text, file);
  } catch (e) {
    throw new GoError(`${ERR.invalidYaml}: parsing yaml file ${goQuote(file)}: ${(e as Error).message}`);
  }
  const gvk = goGvk(doc);
  if (gvk.group !== 'test.gatekeeper.sh' || gvk.kind !== 'Suite') return undefined;
  try {
    return decodeSuite(doc);
  } catch (e) {
    throw new GoError(`${ERR.invalidYaml}: ${(e as Error).message}`);
  }
}

/** unstructured.GroupVersionKind: an apiVersion with more than one slash parses to nothing. */
function goGvk(object: JsonObject): { group: string; version: string; kind: string } {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (apiVersion.split('/').length > 2) return { group: '', version: '', kind };
  return { ...gvkOf({ apiVersion, kind }), kind };
}

/**
 * The suites named by one `gator verify` argument (`file.yaml`, `dir`, `dir/...`), resolved against `cwd`,
 * sorted by path. Throws with gator's error text (without its `listing test files: ` prefix).
 */
export async function findSuites(argument: string, cwd: string = process.cwd()): Promise<Suite[]> {
  let originalPath = argument;
  let target = path.posix.resolve(cwd, argument);
  if (argument === '') throw new GoError('target not specified');
  let recursive = false;
  if (originalPath.endsWith('/...')) {
    recursive = true;
    target = target.endsWith('...') ? target.slice(0, -3) : target;
    originalPath = originalPath.slice(0, -3);
  }
  target = target.replace(/^\/+|\/+$/g, '');
  if (target === '') throw new GoError('target not specified');

  const { isDir } = await goStat(target);
  const files: string[] = [];
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

  const suites: Suite[] = [];
  for (const file of files) {
    const decoded = await readSuite(file);
    if (!decoded) continue;
    let cut = originalPath.replace(/^\//, '').replace(/^\.\//, '');
    while (cut.startsWith('../')) cut = cut.slice(3);
    const at = file.indexOf(cut);
    if (at < 0) throw new GoError(`could not find ${cut} in ${file}`);
    suites.push({ absolutePath: file, inputPath: originalPath + file.slice(at + cut.length), ...decoded });
  }
  // sort.Slice is not stable, but absolute paths are unique.
  return suites.sort((a, b) => goCompare(a.absolutePath, b.absolutePath));
}

// ---------------------------------------------------------------------------------------------
// The --run filter (pkg/gator/verify/filter.go).

export interface Filter {
  matchesTest(test: Test): boolean;
  matchesCase(testName: string, caseName: string): boolean;
}

/** Builds the filter of `--run`; throws gator's error text (without `compiling filter: `). */
export function newFilter(run: string): Filter {
  if (run === '') return { matchesTest: () => true, matchesCase: () => true };
  const parts = run.split('//');
  const compile = (expr: string): RegExp => {
    const r = compileGoRegexp(expr);
    if ('error' in r) throw new GoError(`${ERR.invalidFilter}: ${r.error}`);
    return r.regexp;
  };
  if (parts.length === 1) {
    const re = compile(parts[0]!);
    const matchesCase = (testName: string, caseName: string): boolean => re.test(caseName) || re.test(testName);
    return {
      matchesTest: (t) => re.test(t.name) || t.cases.some((c) => matchesCase(t.name, c.name)),
      matchesCase,
    };
  }
  if (parts.length === 2) {
    const testRe = compile(parts[0]!);
    const caseRe = compile(parts[1]!);
    return {
      matchesTest: (t) => testRe.test(t.name),
      matchesCase: (testName, caseName) => caseRe.test(caseName) && testRe.test(testName),
    };
  }
  throw new GoError(`${ERR.invalidFilter}: a filter may include at most one "//"`);
}

// ---------------------------------------------------------------------------------------------
// Assertions (pkg/gator/verify/assertion.go).


/** Checks one assertion against the results' messages; returns gator's error text, if any. */
export function runAssertion(a: Assertion, messages: string[]): string | undefined {
  let matching = 0;
  let regexp: RegExp | undefined;
  // The regex is compiled on the first result only: with no results a bad regex goes unnoticed.
  for (const msg of messages) {
    if (a.message !== undefined) {
      if (regexp === undefined) {
        const r = compileGoRegexp(a.message);
        if ('error' in r) return `${ERR.invalidRegex}: ${r.error}`;
        regexp = r.regexp;
      }
      const hit = testWithin(regexp, msg);
      if (hit === 'timeout') {
        // A deliberate difference: RE2 (gator) would finish; JavaScript's engine may not on a hostile pattern.
        return `assertion message regex ${goQuote(a.message)} took longer than ${MATCH_TIME_LIMIT_MS} ms on a message and was stopped (preadmit matches with a backtracking engine; simplify the pattern)`;
      }
      if (hit) matching++;
    } else matching++;
  }
  const violations = a.violations ?? 'yes';
  const countError = matchesCount(a, violations, matching);
  if (countError === undefined) return undefined;
  return `${countError}: got messages [${messages.join(' ')}]`;
}

function matchesCount(a: Assertion, violations: number | string, matching: number): string | undefined {
  const bad = `${ERR.invalidYaml}: assertion.violation, if set, must be a nonnegative integer, "yes", or "no"`;
  const containing = a.message !== undefined ? ` containing ${goQuote(a.message)}` : '';
  if (typeof violations === 'number') {
    if (violations < 0) return bad;
    if (violations !== matching) return `${ERR.numViolations}: got ${matching} violations${containing} but want exactly ${violations}`;
    return undefined;
  }
  if (violations === 'yes') {
    return matching === 0 ? `${ERR.numViolations}: got ${matching} violations${containing} but want at least 1` : undefined;
  }
  if (violations === 'no') {
    return matching > 0 ? `${ERR.numViolations}: got ${matching} violations${containing} but want none` : undefined;
  }
  return bad;
}

// ---------------------------------------------------------------------------------------------
// The runner (pkg/gator/verify/runner.go).

export interface VerifyDeps {
  compiler: Compiler;
  pool: EvalPool;
  /** `--enable-k8s-native-validation` (default true). */
  celEnabled?: boolean;
}

/** What a test reads once and every case reuses (gator re-reads the same files for each case). */
interface TestInputs {
  template: SourcedObject;
  constraint: SourcedObject;
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs every test of a suite, as `Runner.Run`. */
export async function runSuite(suite: Suite, filter: Filter, deps: VerifyDeps): Promise<SuiteResult> {
  const start = process.hrtime.bigint();
  if (suite.skip) return { path: suite.inputPath, skipped: true, durationMs: 0, tests: [] };
  const suiteDir = goPathDir(suite.absolutePath);
  const tests: TestResult[] = [];
  for (const t of suite.tests) {
    if (t.skip || !filter.matchesTest(t)) tests.push({ name: t.name, skipped: true, durationMs: 0, cases: [] });
    else tests.push(await runTest(suiteDir, filter, t, deps));
  }
  return { path: suite.inputPath, skipped: false, durationMs: elapsed(start), tests };
}

async function runTest(suiteDir: string, filter: Filter, t: Test, deps: VerifyDeps): Promise<TestResult> {
  const start = process.hrtime.bigint();
  const result = (error: string | undefined, cases: CaseResult[]): TestResult => ({
    name: t.name,
    skipped: false,
    ...(error !== undefined ? { error } : {}),
    durationMs: elapsed(start),
    cases,
  });

  let inputs: TestInputs;
  let addError: { message: string; schema: boolean } | undefined;
  try {
    const r = await tryAddConstraint(suiteDir, t, deps);
    inputs = r.inputs;
    addError = r.error;
  } catch (e) {
    addError = { message: errorText(e), schema: false };
    inputs = undefined as unknown as TestInputs;
  }

  if (t.invalid) {
    if (addError?.schema) return result(undefined, []);
    return result(`${ERR.validConstraint}: got error ${addError ? addError.message : '%!w(<nil>)'} but want ${ERR.schema}`, []);
  }
  if (addError) return result(addError.message, []);

  // The expander is built once before the cases, so a bad expansion file fails the test.
  try {
    await readExpansion(suiteDir, t);
  } catch (e) {
    return result(errorText(e), []);
  }

  const cases: CaseResult[] = [];
  for (const c of t.cases) {
    if (c.skip || !filter.matchesCase(t.name, c.name)) {
      cases.push({ name: c.name, skipped: true, durationMs: 0, print: '' });
      continue;
    }
    const caseStart = process.hrtime.bigint();
    let error: string | undefined;
    try {
      error = await checkCase(suiteDir, t, c, inputs, deps);
    } catch (e) {
      error = errorText(e);
    }
    cases.push({ name: c.name, skipped: false, ...(error !== undefined ? { error } : {}), durationMs: elapsed(caseStart), print: '' });
  }
  return result(undefined, cases);
}

async function readTemplate(suiteDir: string, templatePath: string): Promise<SourcedObject> {
  if (templatePath === '') throw new GoError(`${ERR.invalidSuite}: missing template`);
  const file = goPathJoin(suiteDir, templatePath);
  let text: string;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading ConstraintTemplate from ${goQuote(file)}: ${(e as Error).message}`);
  }
  let object: JsonObject;
  try {
    object = readUnstructured(text, file);
  } catch (e) {
    throw new GoError(`${ERR.addingTemplate}: parsing ConstraintTemplate YAML from ${goQuote(file)}: ${(e as Error).message}`);
  }
  const gvk = goGvk(object);
  if (gvk.group !== 'templates.gatekeeper.sh' || gvk.kind !== 'ConstraintTemplate') {
    throw new GoError(`path ${goQuote(file)}: ${ERR.notATemplate}`);
  }
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}

async function readConstraint(suiteDir: string, constraintPath: string): Promise<SourcedObject> {
  if (constraintPath === '') throw new GoError(`${ERR.invalidSuite}: missing constraint`);
  const file = goPathJoin(suiteDir, constraintPath);
  let text: string;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading Constraint from ${goQuote(file)}: ${(e as Error).message}`);
  }
  let object: JsonObject;
  try {
    object = readUnstructured(text, file);
  } catch (e) {
    throw new GoError(`${ERR.addingConstraint}: parsing Constraint from ${goQuote(file)}: ${(e as Error).message}`);
  }
  if (goGvk(object).group !== 'constraints.gatekeeper.sh') throw new GoError(ERR.notAConstraint);
  return { object, source: { file: `/${file}`, startLine: 1, endLine: 1 } };
}

/** Strips our `file:line: ` prefix from a library error, leaving Gatekeeper's wording. */
function bareMessage(message: string): string {
  return message
    .replace(/^\/?[^\s:]*:\d+: /, '')
    .replace(/^adding (?:constraint|template) "(?:[^"\\]|\\.)*": /, '')
    .replace(/^ConstraintTemplate "(?:[^"\\]|\\.)*": /, '');
}

type ClientError = { message: string; schema: boolean };

/** A fresh client with the test's template added; its error is gator's `adding template: …`. */
async function clientWithTemplate(template: SourcedObject, deps: VerifyDeps): Promise<PolicyClient> {
  const client = new PolicyClient({ compiler: deps.compiler, pool: deps.pool, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: 'exact', celEnabled: deps.celEnabled });
  const templateErrors = await client.addTemplates([template]);
  if (templateErrors.length > 0) {
    const m = bareMessage(templateErrors[0]!.message);
    throw new GoError(`${ERR.addingTemplate}: ${m}`);
  }
  return client;
}

/** client.AddConstraint: undefined, or the error (schema errors are what `invalid: true` expects). */
function addConstraint(client: PolicyClient, template: SourcedObject, constraint: SourcedObject): ClientError | undefined {
  const kind = gvkOf(constraint.object).kind;
  const spec = isObject(template.object.spec) ? template.object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  const templateKind = typeof names.kind === 'string' ? names.kind : '';
  if (kind.toLowerCase() !== templateKind.toLowerCase() || client.templateFor(kind) === undefined) {
    return { message: `missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`, schema: false };
  }
  const failure = client.addConstraint(constraint);
  return failure ? { message: bareMessage(failure.error.message), schema: failure.schemaError } : undefined;
}

/** `Runner.tryAddConstraint`: file and template errors throw; the constraint's own error is returned. */
async function tryAddConstraint(suiteDir: string, t: Test, deps: VerifyDeps): Promise<{ inputs: TestInputs; error?: ClientError }> {
  const template = await readTemplate(suiteDir, t.template);
  const client = await clientWithTemplate(template, deps);
  const constraint = await readConstraint(suiteDir, t.constraint);
  const error = addConstraint(client, template, constraint);
  const inputs = { template, constraint };
  return error ? { inputs, error } : { inputs };
}

/** `Runner.makeTestClient`: a fresh client per case, template and constraint added again. */
async function newTestClient(inputs: TestInputs, deps: VerifyDeps): Promise<PolicyClient> {
  const client = await clientWithTemplate(inputs.template, deps);
  const error = addConstraint(client, inputs.template, inputs.constraint);
  if (error) throw new GoError(`${ERR.addingConstraint}: ${error.message}`);
  return client;
}

// ExpansionTemplates of a test (reader.ReadExpansions + expand.NewExpander).
async function readExpansion(suiteDir: string, t: Test): Promise<ExpansionTemplate[] | undefined> {
  if (t.expansion === '') return undefined;
  const file = goPathJoin(suiteDir, t.expansion);
  let text: string;
  try {
    text = await goReadFile(file);
  } catch (e) {
    throw new GoError(`reading ExpansionTemplate from ${goQuote(file)}: ${(e as Error).message}`);
  }
  let objects: JsonObject[];
  try {
    objects = readUnstructureds(text, file);
  } catch (e) {
    throw new GoError(`reading ${goQuote(file)}: ${(e as Error).message}`);
  }
  if (objects.length === 0) throw new GoError(`${ERR.notAnExpansion}: ${goQuote(file)}`);
  for (const o of objects) {
    const gvk = goGvk(o);
    if (gvk.group !== 'expansion.gatekeeper.sh' || gvk.kind !== 'ExpansionTemplate') throw new GoError(`${ERR.notAnExpansion}: ${goQuote(file)}`);
  }
  const templates: ExpansionTemplate[] = [];
  for (const o of objects) {
    const problem = validateExpansionTemplate(o);
    if (problem !== undefined) throw new GoError(`error upserting template ${nameOf(o)}: ${problem}`);
    const parsed = parseExpansionTemplate({ object: o, source: { file: `/${file}`, startLine: 1, endLine: 1 } });
    if ('error' in parsed) throw new GoError(`error upserting template ${nameOf(o)}: ${bareMessage(parsed.error.message)}`);
    // A later template of the same name replaces the earlier one.
    const at = templates.findIndex((x) => x.name === parsed.template.name);
    if (at >= 0) templates[at] = parsed.template;
    else templates.push(parsed.template);
  }
  return templates;
}

/** expansion.ValidateTemplate, in its order and words. */
function validateExpansionTemplate(o: JsonObject): string | undefined {
  const name = nameOf(o);
  const spec = isObject(o.spec) ? o.spec : {};
  if (name === '') return 'ExpansionTemplate has empty name field';
  if (name.length >= 64) return 'ExpansionTemplate name must be less than 64 characters';
  if (typeof spec.templateSource !== 'string' || spec.templateSource === '') return `ExpansionTemplate ${name} has empty source field`;
  const g = isObject(spec.generatedGVK) ? spec.generatedGVK : {};
  const str = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
  const gen = { group: str(g.group), version: str(g.version), kind: str(g.kind) };
  if (gen.group === '' && gen.version === '' && gen.kind === '') return `ExpansionTemplate ${name} has empty generatedGVK field`;
  const applyTo = Array.isArray(spec.applyTo) ? spec.applyTo : [];
  if (applyTo.length === 0) return `ExpansionTemplate ${name} must specify ApplyTo`;
  for (const a of applyTo) {
    const at = isObject(a) ? a : {};
    const has = (k: string, v: string): boolean => Array.isArray(at[k]) && (at[k] as JsonValue[]).includes(v);
    if (has('groups', gen.group) && has('versions', gen.version) && has('kinds', gen.kind)) {
      return `ExpansionTemplate ${name} generates GVK ${gen.group}/${gen.version}, Kind=${gen.kind}, but also applies to that same GVK`;
    }
  }
  return undefined;
}

/** `Runner.checkCase`: the case's error text, or undefined when every assertion holds. */
async function checkCase(suiteDir: string, t: Test, c: Case, inputs: TestInputs, deps: VerifyDeps): Promise<string | undefined> {
  if (c.object === '') return `${ERR.invalidCase}: must define object`;
  if (c.assertions.length === 0) return `${ERR.invalidCase}: assertions must be non-empty`;
  const messages = await runReview(suiteDir, t, c, inputs, deps);
  for (const a of c.assertions) {
    const error = runAssertion(a, messages);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** `Runner.runReview`: the messages of every result for the case's object, resultants included. */
async function runReview(suiteDir: string, t: Test, c: Case, inputs: TestInputs, deps: VerifyDeps): Promise<string[]> {
  const client = await newTestClient(inputs, deps);
  try {
    return await reviewWithClient(client, suiteDir, t, c);
  } finally {
    // Each case has its own inventory: release it from the evaluation pool.
    client.dispose();
  }
}

async function reviewWithClient(client: PolicyClient, suiteDir: string, t: Test, c: Case): Promise<string[]> {
  const expansions = await readExpansion(suiteDir, t);

  const objectPath = goPathJoin(suiteDir, c.object);
  const objects = await readObjects(objectPath);
  if (objects.length !== 1) throw new GoError(`${ERR.multipleObjects}: ${goQuote(objectPath)} defines ${objects.length} objects`);
  const toReview = objects[0]!;

  const inventory: JsonObject[] = [];
  for (const p of c.inventory) {
    for (const obj of await readObjects(goPathJoin(suiteDir, p))) {
      const gvk = goGvk(obj);
      if (gvk.version === '') {
        throw new GoError(
          `${ERR.addInventory}: ${gvk.group}/${gvk.version}, Kind=${gvk.kind} ${namespaceOf(obj)}/${nameOf(obj)}: admission.k8s.gatekeeper.sh: invalid request object: resource ${nameOf(obj)} has no version\n`,
        );
      }
      inventory.push(obj);
    }
  }
  client.setData(inventory);

  const gvk = goGvk(toReview);
  if (gvk.kind === 'AdmissionReview' && gvk.group === 'admission.k8s.io') {
    const review = admissionReviewOf(toReview);
    const [results] = await client.review([review]);
    return sortedMessages((results ?? []).map((r) => ({ action: r.enforcementAction, msg: r.msg })));
  }

  // Original first, then its resultants (no Namespace attached: matching asks the case's inventory).
  const plan = planReviews([toReview], { mode: 'gator', objectOf: (o) => o, expansions: expansions ?? [], namespaces: new Map(), attachNamespace: false });
  const failed = plan.expansionErrors[0];
  if (failed) throw new GoError(failed.message);
  const found = (await evaluatePlan(client, plan)).flatMap(({ violations }) => violations.map((v) => ({ action: v.enforcementAction, msg: v.msg })));
  return sortedMessages(found);
}

/** Responses.Results(): every result, sorted by enforcement action, then message. */
function sortedMessages(results: Array<{ action: string; msg: string }>): string[] {
  return results.sort((a, b) => goCompare(a.action, b.action) || goCompare(a.msg, b.msg)).map((r) => r.msg);
}

// ---------------------------------------------------------------------------------------------
// AdmissionReview cases (Runner.validateAndReviewAdmissionReviewRequest).

type Shape = 'string' | 'bool' | 'any' | '[]string' | 'map[string][]string' | { [field: string]: Shape };

const GVK_SHAPE: Shape = { group: 'string', version: 'string', kind: 'string' };
const GVR_SHAPE: Shape = { group: 'string', version: 'string', resource: 'string' };
const REQUEST_SHAPE: Shape = {
  uid: 'string',
  kind: GVK_SHAPE,
  resource: GVR_SHAPE,
  subResource: 'string',
  requestKind: GVK_SHAPE,
  requestResource: GVR_SHAPE,
  requestSubResource: 'string',
  name: 'string',
  namespace: 'string',
  operation: 'string',
  userInfo: { username: 'string', uid: 'string', groups: '[]string', extra: 'map[string][]string' },
  object: 'any',
  oldObject: 'any',
  dryRun: 'bool',
  options: 'any',
};
const REVIEW_SHAPE: Shape = { apiVersion: 'string', kind: 'string', request: REQUEST_SHAPE, response: 'any' };

/** Go type names of string fields, as the unstructured converter reports them. */
const GO_STRING_TYPES: Record<string, string> = { uid: 'types.UID', operation: 'v1.Operation' };

function goValueType(v: JsonValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** Strict conversion: unknown fields are collected, the first type mismatch fails. */
function checkShape(v: JsonValue, shape: Shape, at: string, field: string, unknown: string[]): void {
  if (v === null || shape === 'any') return;
  if (typeof shape === 'string') {
    if (shape === 'string' && typeof v !== 'string') throw new GoError(`cannot convert ${goValueType(v)} to ${GO_STRING_TYPES[field] ?? 'string'}`);
    if (shape === 'bool' && typeof v !== 'boolean') throw new GoError(`cannot convert ${goValueType(v)} to bool`);
    if (shape === '[]string') {
      if (!Array.isArray(v)) throw new GoError(`cannot convert ${goValueType(v)} to []string`);
      for (const x of v) if (x !== null && typeof x !== 'string') throw new GoError(`cannot convert ${goValueType(x)} to string`);
    }
    return;
  }
  if (!isObject(v)) throw new GoError(`cannot restore struct from: ${goValueType(v) === 'string' ? 'string' : goValueType(v)}`);
  for (const key of Object.keys(v)) {
    const sub = shape[key];
    const p = at === '' ? key : `${at}.${key}`;
    if (sub === undefined) unknown.push(p);
    else checkShape(v[key]!, sub, p, key, unknown);
  }
}

function admissionReviewOf(object: JsonObject): Review {
  const unknown: string[] = [];
  try {
    checkShape(object, REVIEW_SHAPE, '', '', unknown);
  } catch (e) {
    throw new GoError(`${ERR.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: ${(e as Error).message}`);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `unknown field ${goQuote(u)}`).join(', ');
    throw new GoError(`${ERR.invalidAdmissionReview}: unable to convert to an AdmissionReview object, error: strict decoding error: ${list}`);
  }
  const request = object.request;
  if (!isObject(request)) throw new GoError(`${ERR.missingAdmissionRequest}: request did not actually pass in an AdmissionRequest`);
  const has = (k: string): boolean => request[k] !== undefined && request[k] !== null;
  if (!has('object') && !has('oldObject')) {
    throw new GoError(`${ERR.noObjectForReview}: AdmissionRequest does not contain an "object" or "oldObject" to review`);
  }
  for (const k of ['object', 'oldObject']) {
    if (!has(k)) continue;
    const v = request[k]!;
    if (!isObject(v)) throw new GoError(`${ERR.unmarshallObject}: json: cannot unmarshal ${jsonKindName(v, false)} into Go value of type map[string]interface {}`);
    try {
      requireKind(v);
    } catch (e) {
      throw new GoError(`${ERR.unmarshallObject}: ${(e as Error).message}`);
    }
  }
  const review = reviewAdmissionRequest(object);
  if ('error' in review) {
    // frameworks' ErrorMap prints one "target: error" line per target, newline included.
    throw new GoError(`admission.k8s.gatekeeper.sh: target.HandleReview failed for target "admission.k8s.gatekeeper.sh": ${review.error}\n`);
  }
  return review;
}
