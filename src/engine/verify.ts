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
import { expand, impliedByPrefix, parseExpansionTemplate, type ExpansionTemplate } from '../gatekeeper/expand.ts';
import { goString } from '../gatekeeper/go-marshal.ts';
import { loadManifests } from '../gatekeeper/load.ts';
import { reviewAdmissionRequest, reviewPlainObject, type Review } from '../gatekeeper/review.ts';
import type { JsonObject, JsonValue, SourcedObject } from '../gatekeeper/types.ts';
import type { Compiler } from '../opa/compile.ts';
import type { EvalPool } from '../opa/pool.ts';
import { goQuote } from '../opa/rego-value.ts';
import { PolicyClient, type Violation } from './client.ts';

export const GATOR_ENFORCEMENT_POINT = 'gator.gatekeeper.sh';

// ---------------------------------------------------------------------------------------------
// The suite model (pkg/gator/verify/suite.go).

export interface Assertion {
  /** `violations`: an integer, or a string ("yes", "no", anything else is an error at run time); absent = "yes". */
  violations?: number | string;
  message?: string;
}

export interface Case {
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

/** Go's path.Join: joins and cleans; an empty result is ".". */
function goPathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '';
  return goPathClean(joined);
}

function goPathClean(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** fs.ValidPath: unrooted, no empty, "." or ".." elements (except the name "." itself). */
function validFsPath(name: string): boolean {
  if (name === '.') return true;
  return name.split('/').every((e) => e !== '' && e !== '.' && e !== '..');
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EPERM: 'operation not permitted',
};

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (e instanceof Error ? e.message : String(e));
}

/** fs.ReadFile(os.DirFS("/"), name) with Go's error text. */
async function goReadFile(name: string): Promise<string> {
  if (!validFsPath(name)) throw new GoError(`readfile ${name}: invalid argument`);
  const full = `/${name}`;
  try {
    return await readFile(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GoError(`${code === 'EISDIR' ? 'read' : 'open'} ${name}: ${errnoText(e)}`);
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

/** Go's json.Marshal of a decoded YAML map (keys sorted, HTML characters escaped). */
export function goJsonCompact(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return goNumberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJsonCompact).join(',')}]`;
  const keys = Object.keys(value).sort(compareBytes);
  return `{${keys.map((k) => `${goString(k)}:${goJsonCompact(value[k]!)}`).join(',')}}`;
}

/** encoding/json's float64 text; JavaScript's shortest form agrees with it, exponents included. */
function goNumberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
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
  if (typeof v === 'number') return forInt ? `number ${goNumberText(v)}` : 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeError(v: JsonValue, structName: string, fieldPath: string, goType: string, forInt = false): JsonTypeError {
  return new JsonTypeError(`json: cannot unmarshal ${jsonKindName(v, forInt)} into Go struct field ${structName}.${fieldPath} of type ${goType}`);
}

/** Go's json field lookup: keys in sorted order; each key goes to the field it equals case-insensitively. */
function eachField(obj: JsonObject, fields: string[], visit: (field: string, value: JsonValue) => void): void {
  for (const key of Object.keys(obj).sort(compareBytes)) {
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

/** Go's path.Ext. */
function goExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

async function goStat(name: string): Promise<{ isDir: boolean }> {
  try {
    const s = await stat(`/${name}`);
    return { isDir: s.isDirectory() };
  } catch (e) {
    throw new GoError(`stat ${name}: ${errnoText(e)}`);
  }
}

/** fs.ReadDir: entries sorted by name; symlinks are not followed (they are never directories). */
async function goReadDir(name: string): Promise<Array<{ name: string; isDir: boolean }>> {
  try {
    const entries = await readdir(`/${name}`, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => compareBytes(a.name, b.name));
  } catch (e) {
    throw new GoError(`open ${name}: ${errnoText(e)}`);
  }
}

async function walkYamlFiles(dir: string, out: string[]): Promise<void> {
  for (const entry of await goReadDir(dir)) {
    const p = goPathJoin(dir, entry.name);
    if (entry.isDir) await walkYamlFiles(p, out);
    else if (isYamlExtension(goExt(entry.name))) out.push(p);
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
    const ext = goExt(target);
    if (!isYamlExtension(ext)) throw new GoError(`unsupported extension: ${goQuote(ext)}`);
    files.push(target);
  } else if (!isDir && recursive) {
    throw new GoError(`can only recursively traverse directories, not a directory: ${goQuote(target)}`);
  } else if (!recursive) {
    for (const e of await goReadDir(target)) if (!e.isDir && isYamlExtension(goExt(e.name))) files.push(goPathJoin(target, e.name));
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
  return suites.sort((a, b) => compareBytes(a.absolutePath, b.absolutePath));
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
      if (regexp.test(msg)) matching++;
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

/** Go's path.Dir. */
function goPathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goPathClean(i < 0 ? '.' : p.slice(0, i + 1));
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
  const client = new PolicyClient({ ...deps, enforcementPoint: GATOR_ENFORCEMENT_POINT, parameterNumbers: 'exact' });
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

  const reviews: Review[] = [reviewPlainObject(toReview, { namespace: null, source: 'Original' })];
  const resultants: Array<{ templateName: string; enforcementAction: string }> = [];
  if (expansions) {
    let expanded;
    try {
      expanded = expand(toReview, namespaceForExpansion(toReview), expansions);
    } catch (e) {
      const name = nameOf(toReview);
      throw new GoError(`expanding resource ${name}: error expanding resource ${name}: ${(e as Error).message}`);
    }
    for (const r of expanded) {
      reviews.push(reviewPlainObject(r.object, { namespace: null, source: 'Generated' }));
      resultants.push(r);
    }
  }
  const results = await client.review(reviews);
  const found = (results[0] ?? []).map((r: Violation) => ({ action: r.enforcementAction, msg: r.msg }));
  resultants.forEach((r, i) => {
    // expansion.OverrideEnforcementAction, then AggregateResponses' prefix.
    for (const v of results[i + 1] ?? []) found.push({ action: r.enforcementAction || v.enforcementAction, msg: impliedByPrefix(r.templateName) + v.msg });
  });
  return sortedMessages(found);
}

/** Responses.Results(): every result, sorted by enforcement action, then message. */
function sortedMessages(results: Array<{ action: string; msg: string }>): string[] {
  return results.sort((a, b) => compareBytes(a.action, b.action) || compareBytes(a.msg, b.msg)).map((r) => r.msg);
}

/** gator's Expander.NamespaceForResource with no Namespace objects loaded (verify's expansion files). */
function namespaceForExpansion(object: JsonObject): JsonObject | null {
  const ns = namespaceOf(object);
  if (ns === '') return {};
  if (ns === 'default') return { metadata: { name: 'default' } };
  return null;
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

// ---------------------------------------------------------------------------------------------
// Go RE2 syntax (regexp/syntax) translated to a JavaScript RegExp with the same matches.
//
// The translation parses the expression the way Go's parser does, so that the same expressions are
// rejected with the same error text (`error parsing regexp: missing closing ): `(``); what JavaScript
// spells differently is rewritten: inline flags (i, m, s, U) scoped to groups, `\A` `\z`, `\Q…\E`,
// POSIX classes, `\pN`, octal and `\x{…}` escapes, literal `{`, repeated assertions, and Go's
// definitions of `.`, `\s`, `^` and `$`. Greediness is dropped: it never changes whether a string matches.

export function compileGoRegexp(expr: string): { regexp: RegExp } | { error: string } {
  try {
    const source = new GoRegexpTranslator(expr).translate();
    return { regexp: new RegExp(source, 'u') };
  } catch (e) {
    if (e instanceof RegexpSyntaxError) return { error: `error parsing regexp: ${e.code}: \`${e.expr}\`` };
    if (e instanceof SyntaxError) return { error: `error parsing regexp: invalid or unsupported Perl syntax: \`${expr}\`` };
    throw e;
  }
}

class RegexpSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`${code}: ${expr}`);
  }
}

const RE_ERR = {
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
} as const;

interface Flags {
  fold: boolean;
  multiLine: boolean;
  dotNL: boolean;
}

interface Frame {
  flags: Flags;
  open: string;
  alternatives: string[];
  atoms: string[];
}

type Range = [number, number];
const MAX_RUNE = 0x10ffff;

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

function negateRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
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

/** Code points that Unicode simple case folding puts in one orbit with `c` (Go's (?i)). */
function foldOrbit(c: number): number[] {
  const ch = String.fromCodePoint(c);
  const out = new Set<number>([c]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    if ([...v].length === 1) out.add(v.codePointAt(0)!);
  }
  const special: number[][] = [
    [0x4b, 0x6b, 0x212a],
    [0x53, 0x73, 0x17f],
    [0xb5, 0x39c, 0x3bc],
    [0xc5, 0xe5, 0x212b],
  ];
  for (const orbit of special) if (orbit.some((x) => out.has(x))) for (const x of orbit) out.add(x);
  return [...out].sort((a, b) => a - b);
}

function jsChar(c: number): string {
  return isAlnum(c) ? String.fromCodePoint(c) : `\\u{${c.toString(16)}}`;
}

function jsRanges(ranges: Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`)).join('');
}

class GoRegexpTranslator {
  private t: string;
  private flags: Flags = { fold: false, multiLine: false, dotNL: false };
  private readonly stack: Frame[] = [];
  private frame: Frame = { flags: this.flags, open: '', alternatives: [], atoms: [] };

  constructor(private readonly whole: string) {
    this.t = whole;
  }

  translate(): string {
    let lastRepeat = '';
    while (this.t !== '') {
      let repeat = '';
      const c = this.t[0]!;
      switch (c) {
        case '(':
          if (this.t.length >= 2 && this.t[1] === '?') this.parsePerlFlags();
          else {
            this.openGroup('(');
            this.t = this.t.slice(1);
          }
          break;
        case '|':
          this.frame.alternatives.push(this.frame.atoms.join(''));
          this.frame.atoms = [];
          this.t = this.t.slice(1);
          break;
        case ')':
          this.closeGroup();
          this.t = this.t.slice(1);
          break;
        case '^':
          this.frame.atoms.push(this.flags.multiLine ? '(?<![^\\n])' : '^');
          this.t = this.t.slice(1);
          break;
        case '$':
          this.frame.atoms.push(this.flags.multiLine ? '(?![^\\n])' : '$');
          this.t = this.t.slice(1);
          break;
        case '.':
          this.frame.atoms.push(this.flags.dotNL ? '[\\s\\S]' : '[^\\n]');
          this.t = this.t.slice(1);
          break;
        case '[':
          this.parseClass();
          break;
        case '*':
        case '+':
        case '?': {
          const before = this.t;
          let after = this.t.slice(1);
          after = this.repeat(before, after, lastRepeat, c);
          repeat = before;
          this.t = after;
          break;
        }
        case '{': {
          const before = this.t;
          const parsed = parseRepeat(this.t);
          if (parsed === undefined) {
            this.literal(0x7b);
            this.t = this.t.slice(1);
            break;
          }
          const { min, max, after } = parsed;
          if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
            throw new RegexpSyntaxError(RE_ERR.invalidRepeatSize, before.slice(0, before.length - after.length));
          }
          const q = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
          this.t = this.repeat(before, after, lastRepeat, q);
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
    if (this.stack.length > 0) throw new RegexpSyntaxError(RE_ERR.missingParen, this.whole);
    return [...this.frame.alternatives, this.frame.atoms.join('')].join('|');
  }

  private repeat(before: string, afterOp: string, lastRepeat: string, quantifier: string): string {
    let after = afterOp;
    if (after.startsWith('?')) after = after.slice(1);
    if (lastRepeat !== '') throw new RegexpSyntaxError(RE_ERR.invalidRepeatOp, lastRepeat.slice(0, lastRepeat.length - after.length));
    const atoms = this.frame.atoms;
    if (atoms.length === 0) throw new RegexpSyntaxError(RE_ERR.missingRepeatArgument, before.slice(0, before.length - after.length));
    atoms[atoms.length - 1] = `(?:${atoms[atoms.length - 1]})${quantifier}`;
    return after;
  }

  private openGroup(open: string): void {
    this.stack.push(this.frame);
    this.frame = { flags: { ...this.flags }, open, alternatives: [], atoms: [] };
  }

  private closeGroup(): void {
    const parent = this.stack.pop();
    if (!parent) throw new RegexpSyntaxError(RE_ERR.unexpectedParen, this.whole);
    const body = [...this.frame.alternatives, this.frame.atoms.join('')].join('|');
    const group = `${this.frame.open}${body})`;
    this.flags = this.frame.flags;
    this.frame = parent;
    this.frame.atoms.push(group);
  }

  private parsePerlFlags(): void {
    const s = this.t;
    const startsWithP = s.length > 4 && s[2] === 'P' && s[3] === '<';
    const startsWithName = s.length > 3 && s[2] === '<';
    if (startsWithP || startsWithName) {
      const end = s.indexOf('>');
      if (end < 0) throw new RegexpSyntaxError(RE_ERR.invalidNamedCapture, s);
      const name = s.slice(startsWithP ? 4 : 3, end);
      if (name === '' || ![...name].every((ch) => ch === '_' || isAlnum(ch.codePointAt(0)!))) {
        throw new RegexpSyntaxError(RE_ERR.invalidNamedCapture, s.slice(0, end + 1));
      }
      this.openGroup('(');
      this.t = s.slice(end + 1);
      return;
    }
    let t = s.slice(2);
    const flags = { ...this.flags };
    let sign = 1;
    let sawFlag = false;
    while (t !== '') {
      const c = t[0]!;
      t = t.slice(c.length);
      const set = (f: keyof Flags, on: boolean): void => {
        flags[f] = sign > 0 ? on : !on;
        sawFlag = true;
      };
      if (c === 'i') set('fold', true);
      else if (c === 'm') set('multiLine', true);
      else if (c === 's') set('dotNL', true);
      else if (c === 'U') sawFlag = true;
      else if (c === '-') {
        if (sign < 0) break;
        sign = -1;
        sawFlag = false;
      } else if (c === ':' || c === ')') {
        if (sign < 0 && !sawFlag) break;
        if (c === ':') {
          this.openGroup('(?:');
        }
        this.flags = flags;
        this.t = t;
        return;
      } else break;
    }
    throw new RegexpSyntaxError(RE_ERR.invalidPerlOp, s.slice(0, s.length - t.length));
  }

  private literal(c: number): void {
    if (this.flags.fold) {
      const orbit = foldOrbit(c);
      if (orbit.length > 1) {
        this.frame.atoms.push(`[${orbit.map(jsChar).join('')}]`);
        return;
      }
    }
    this.frame.atoms.push(jsChar(c));
  }

  private parseBackslash(): void {
    const t = this.t;
    if (t.length >= 2) {
      switch (t[1]) {
        case 'A':
          this.frame.atoms.push('^');
          this.t = t.slice(2);
          return;
        case 'b':
          this.frame.atoms.push('\\b');
          this.t = t.slice(2);
          return;
        case 'B':
          this.frame.atoms.push('\\B');
          this.t = t.slice(2);
          return;
        case 'C':
          throw new RegexpSyntaxError(RE_ERR.invalidEscape, t.slice(0, 2));
        case 'Q': {
          const rest = t.slice(2);
          const end = rest.indexOf('\\E');
          const lit = end < 0 ? rest : rest.slice(0, end);
          this.t = end < 0 ? '' : rest.slice(end + 2);
          for (const ch of lit) this.literal(ch.codePointAt(0)!);
          return;
        }
        case 'z':
          this.frame.atoms.push('$');
          this.t = t.slice(2);
          return;
      }
    }
    if (t.length >= 2 && (t[1] === 'p' || t[1] === 'P')) {
      const u = this.parseUnicodeClass(t);
      if (u) {
        this.frame.atoms.push(u.negated ? `\\P{${u.name}}` : `\\p{${u.name}}`);
        this.t = u.rest;
        return;
      }
    }
    const perl = parsePerlClassEscape(t);
    if (perl) {
      this.frame.atoms.push(`[${jsRanges(this.maybeFold(perl.ranges))}]`);
      this.t = perl.rest;
      return;
    }
    const { rune, rest } = parseEscape(t);
    this.literal(rune);
    this.t = rest;
  }

  private maybeFold(ranges: Range[]): Range[] {
    if (!this.flags.fold) return ranges;
    const out: Range[] = [...ranges];
    for (const [lo, hi] of ranges) {
      if (hi - lo > 0x3000) continue;
      for (let c = lo; c <= hi; c++) for (const v of foldOrbit(c)) if (v !== c) out.push([v, v]);
    }
    return out;
  }

  /** `\pN`, `\p{Name}`, `\p{^Name}`, `\PN`; undefined when `s` is no such escape. */
  private parseUnicodeClass(s: string): { name: string; negated: boolean; rest: string } | undefined {
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
      if (end < 0) throw new RegexpSyntaxError(RE_ERR.invalidCharRange, s);
      seq = s.slice(0, end + 1);
      t = s.slice(end + 1);
      name = s.slice(3, end);
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const js = jsUnicodeProperty(name);
    if (js === undefined) throw new RegexpSyntaxError(RE_ERR.invalidCharRange, seq);
    return { name: js, negated, rest: t };
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
          if (!cls) throw new RegexpSyntaxError(RE_ERR.invalidCharRange, name);
          ranges.push(...(neg ? negateRanges(this.maybeFold(cls)) : this.maybeFold(cls)));
          t = t.slice(i + 2);
          continue;
        }
      }
      const u = this.parseUnicodeClass(t);
      if (u) {
        props.push(u.negated ? `\\P{${u.name}}` : `\\p{${u.name}}`);
        t = u.rest;
        continue;
      }
      const perl = parsePerlClassEscape(t);
      if (perl) {
        ranges.push(...this.maybeFold(perl.ranges));
        t = perl.rest;
        continue;
      }
      const rng = t;
      let lo: number;
      ({ rune: lo, rest: t } = parseClassChar(t, whole));
      let hi = lo;
      if (t.length >= 2 && t[0] === '-' && t[1] !== ']') {
        t = t.slice(1);
        ({ rune: hi, rest: t } = parseClassChar(t, whole));
        if (hi < lo) throw new RegexpSyntaxError(RE_ERR.invalidCharRange, rng.slice(0, rng.length - t.length));
      }
      ranges.push(...this.maybeFold([[lo, hi]]));
    }
    this.t = t.slice(1);
    this.frame.atoms.push(`[${negated ? '^' : ''}${jsRanges(ranges)}${props.join('')}]`);
  }
}

function parseClassChar(s: string, wholeClass: string): { rune: number; rest: string } {
  if (s === '') throw new RegexpSyntaxError(RE_ERR.missingBracket, wholeClass);
  if (s[0] === '\\') return parseEscape(s);
  const cp = s.codePointAt(0)!;
  return { rune: cp, rest: s.slice(cp > 0xffff ? 2 : 1) };
}

function parsePerlClassEscape(s: string): { ranges: Range[]; rest: string } | undefined {
  if (s.length < 2 || s[0] !== '\\') return undefined;
  const c = s[1]!;
  const base = PERL_CLASSES[c.toLowerCase()];
  if (!base || !'dDsSwW'.includes(c)) return undefined;
  return { ranges: c === c.toUpperCase() ? negateRanges(base) : base, rest: s.slice(2) };
}

/** regexp/syntax parseEscape: one escaped rune. */
function parseEscape(s: string): { rune: number; rest: string } {
  let t = s.slice(1);
  if (t === '') throw new RegexpSyntaxError(RE_ERR.trailingBackslash, '');
  const next = (): number => {
    if (t === '') return -1;
    const cp = t.codePointAt(0)!;
    t = t.slice(cp > 0xffff ? 2 : 1);
    return cp;
  };
  const invalid = (): never => {
    throw new RegexpSyntaxError(RE_ERR.invalidEscape, s.slice(0, s.length - t.length));
  };
  const c = next();
  const ch = String.fromCodePoint(c);
  if (c < 0x80 && !isAlnum(c)) return { rune: c, rest: t };
  const isOctal = (x: string | undefined): boolean => x !== undefined && x >= '0' && x <= '7';
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

/** regexp/syntax parseRepeat: `{n}`, `{n,}`, `{n,m}`; undefined when `{` is a literal. */
function parseRepeat(s: string): { min: number; max: number; after: string } | undefined {
  let t = s.slice(1);
  const int = (): number | undefined => {
    const m = /^[0-9]+/.exec(t);
    if (!m) return undefined;
    const digits = m[0];
    t = t.slice(digits.length);
    if (digits.length >= 2 && digits[0] === '0') return undefined;
    return digits.length > 8 ? -1 : Number(digits);
  };
  const min = int();
  if (min === undefined) return undefined;
  let max: number;
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
      if (max < 0) return { min: -1, max, after: t.startsWith('}') ? t.slice(1) : t };
    }
  }
  if (t === '' || t[0] !== '}') return undefined;
  return { min, max, after: t.slice(1) };
}

const GO_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** The JavaScript property for a Go Unicode class name (`Any`, a category, or a script). */
function jsUnicodeProperty(name: string): string | undefined {
  if (name === 'Any') return 'Any';
  if (GO_CATEGORIES.has(name)) return `gc=${name}`;
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return undefined;
  try {
    new RegExp(`\\p{sc=${name}}`, 'u');
    return `sc=${name}`;
  } catch {
    return undefined;
  }
}
