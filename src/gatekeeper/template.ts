// ConstraintTemplates: reading one from a manifest and rejecting what Gatekeeper's AddTemplate would reject
// before any Rego is compiled. Messages follow Gatekeeper's (frameworks constraint/pkg/client) wording.
import { analyzeRego, lexRego, refHasPrefix, type RegoModuleInfo } from '../opa/rego.ts';
import { gvkOf, isObject, nameOf } from './classify.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation, SourcedObject } from './types.ts';
import type { CelNamedExpression, CelSource, CelValidation } from '../cel/engine.ts';

export interface RegoCode {
  rego: string;
  libs: string[];
  version: 'v0' | 'v1';
}

export interface ConstraintTemplate {
  apiVersion: string;
  name: string;
  /** spec.crd.spec.names.kind */
  kind: string;
  /** After version defaults (v1: false, v1beta1/v1alpha1: true). */
  legacySchema: boolean;
  /** spec.crd.spec.validation.openAPIV3Schema */
  parametersSchema: JsonObject | undefined;
  target: string;
  /** After folding legacy rego/libs into code (legacy wins, v0). Undefined when CEL is the engine. */
  rego: RegoCode | undefined;
  /**
   * The K8sNativeValidation source when the template has one: Gatekeeper (webhook, audit and gator alike,
   * `--enable-k8s-native-validation` defaulting to true) registers the CEL driver first, so CEL is then the
   * engine and the Rego is never looked at.
   */
  cel: CelSource | undefined;
  /** code[].engine in order, plus 'Rego' for legacy rego. */
  engines: string[];
  /** targets[0].operations ([] = all). */
  operations: string[];
  object: JsonObject;
  source: SourceLocation;
  /**
   * Only for templates with both a K8sNativeValidation and a Rego engine: Gatekeeper runs CEL and never
   * looks at the Rego, so a Rego problem does not reject the template; it is reported here instead.
   */
  regoError?: string;
}

export type TemplateParse = { template: ConstraintTemplate } | { error: InputError };

const TEMPLATE_GROUP = 'templates.gatekeeper.sh';
const TEMPLATE_VERSIONS = ['v1', 'v1beta1', 'v1alpha1'] as const;
const ADMISSION_TARGET = 'admission.k8s.gatekeeper.sh';
const REGO_ENGINE = 'Rego';
const CEL_ENGINE = 'K8sNativeValidation';
const CONSTRAINTS_GROUP = 'constraints.gatekeeper.sh';

const INVALID = 'invalid ConstraintTemplate';

class TemplateProblem extends Error {}

export interface TemplateOptions {
  /**
   * Whether the CEL driver is registered (gator's and Gatekeeper's `--enable-k8s-native-validation`,
   * default true). Without it a template is evaluated with Rego, and one without Rego has no driver.
   */
  cel?: boolean;
}

export function parseTemplate(sourced: SourcedObject, options: TemplateOptions = {}): TemplateParse {
  const { object, source } = sourced;
  const name = nameOf(object);
  const fail = (message: string): TemplateParse => ({
    error: {
      kind: 'template',
      message: `${source.file}:${source.startLine}: adding template ${JSON.stringify(name)}: ${message}`,
      source,
    },
  });
  try {
    return { template: readTemplate(object, source, name, options.cel ?? true) };
  } catch (e) {
    if (e instanceof TemplateProblem) return fail(e.message);
    throw e;
  }
}

// ---- decoding (what Go's typed JSON decode in gator's reader rejects) ----

function decodeError(field: string, goType: string, value: JsonValue | undefined): TemplateProblem {
  return new TemplateProblem(
    `converting to template: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${field} of type ${goType}`,
  );
}

function jsonKind(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function optObject(parent: JsonObject, key: string, field: string, goType: string): JsonObject | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw decodeError(field, goType, v);
  return v;
}

function optString(parent: JsonObject, key: string, field: string): string {
  const v = parent[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw decodeError(field, 'string', v);
  return v;
}

function optStringList(parent: JsonObject, key: string, field: string): string[] {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw decodeError(field, '[]string', v);
  return v.map((x) => {
    if (typeof x !== 'string') throw decodeError(field, 'string', x);
    return x;
  });
}

interface RawCode {
  engine: string;
  source: JsonValue | undefined;
}

function readTemplate(object: JsonObject, source: SourceLocation, name: string, celEnabled: boolean): ConstraintTemplate {
  const gvk = gvkOf(object);
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  if (gvk.group !== TEMPLATE_GROUP || !(TEMPLATE_VERSIONS as readonly string[]).includes(gvk.version)) {
    throw new TemplateProblem(
      `converting to template: unsupported apiVersion ${JSON.stringify(apiVersion)} (want ${TEMPLATE_GROUP}/v1, v1beta1 or v1alpha1)`,
    );
  }
  const spec = optObject(object, 'spec', 'ConstraintTemplate.spec', 'v1.ConstraintTemplateSpec') ?? {};
  const crd = optObject(spec, 'crd', 'ConstraintTemplate.spec.crd', 'v1.CRD') ?? {};
  const crdSpec = optObject(crd, 'spec', 'ConstraintTemplate.spec.crd.spec', 'v1.CRDSpec') ?? {};
  const names = optObject(crdSpec, 'names', 'CRDSpec.spec.crd.spec.names', 'v1.Names') ?? {};
  const kind = optString(names, 'kind', 'Names.spec.crd.spec.names.kind');
  const shortNames = optStringList(names, 'shortNames', 'Names.spec.crd.spec.names.shortNames');
  const validation = optObject(crdSpec, 'validation', 'CRDSpec.spec.crd.spec.validation', 'v1.Validation') ?? {};
  const legacyRaw = validation.legacySchema;
  if (legacyRaw !== undefined && legacyRaw !== null && typeof legacyRaw !== 'boolean') {
    throw decodeError('Validation.spec.crd.spec.validation.legacySchema', 'bool', legacyRaw);
  }
  const legacySchema = typeof legacyRaw === 'boolean' ? legacyRaw : gvk.version !== 'v1';
  const parametersSchema = optObject(
    validation,
    'openAPIV3Schema',
    'Validation.spec.crd.spec.validation.openAPIV3Schema',
    'v1.JSONSchemaProps',
  );

  const targetsRaw = spec.targets;
  if (targetsRaw !== undefined && targetsRaw !== null && !Array.isArray(targetsRaw)) {
    throw decodeError('ConstraintTemplateSpec.spec.targets', '[]v1.Target', targetsRaw);
  }
  const targets = (targetsRaw ?? []).map((t, i) => {
    if (!isObject(t)) throw decodeError(`ConstraintTemplateSpec.spec.targets[${i}]`, 'v1.Target', t);
    return t;
  });

  // getTargetName
  if (targets.length !== 1) throw new TemplateProblem(`${INVALID}: must declare exactly one target`);
  const t0 = targets[0]!;
  const target = optString(t0, 'target', 'Target.spec.targets.target');
  if (target === '') throw new TemplateProblem(`${INVALID}: target name must not be empty`);

  // validateTemplateMetadata
  if (kind === '') throw new TemplateProblem(`${INVALID}: ConstraintTemplate ${JSON.stringify(name)} does not specify CRD Kind`);
  if (name.toLowerCase() !== kind.toLowerCase()) {
    throw new TemplateProblem(
      `${INVALID}: the ConstraintTemplate's name ${JSON.stringify(name)} is not equal to the lowercase of CRD's Kind: ${JSON.stringify(kind.toLowerCase())}`,
    );
  }

  // getTargetHandler
  if (target !== ADMISSION_TARGET) {
    throw new TemplateProblem(
      `${INVALID}: target ${JSON.stringify(target)} not recognized, known targets [${ADMISSION_TARGET}]`,
    );
  }

  // createCRD -> ValidateCRD
  const crdErrors = [...validateNames(kind, shortNames), ...validateParametersSchema(parametersSchema, legacySchema)];
  if (crdErrors.length === 1) throw new TemplateProblem(`${INVALID}: ${crdErrors[0]}`);
  if (crdErrors.length > 1) throw new TemplateProblem(`${INVALID}: [${crdErrors.join(', ')}]`);

  // Convert_v1_Target_To_templates_Target: legacy rego folds into code, overwriting a Rego entry.
  const codeRaw = t0.code;
  if (codeRaw !== undefined && codeRaw !== null && !Array.isArray(codeRaw)) {
    throw decodeError('Target.spec.targets.code', '[]v1.Code', codeRaw);
  }
  const code: RawCode[] = (codeRaw ?? []).map((c, i) => {
    if (!isObject(c)) throw decodeError(`Target.spec.targets.code[${i}]`, 'v1.Code', c);
    return { engine: optString(c, 'engine', 'Code.spec.targets.code.engine'), source: c.source ?? undefined };
  });
  const legacyRego = optString(t0, 'rego', 'Target.spec.targets.rego');
  const legacyLibs = optStringList(t0, 'libs', 'Target.spec.targets.libs');
  if (legacyRego !== '') {
    const folded: JsonObject = { rego: legacyRego, version: '', libs: legacyLibs };
    const existing = code.find((c) => c.engine === REGO_ENGINE);
    if (existing !== undefined) existing.source = folded;
    else code.push({ engine: REGO_ENGINE, source: folded });
  }
  const engines = code.map((c) => c.engine);
  const operations = optStringList(t0, 'operations', 'Target.spec.targets.operations');

  const hasCel = celEnabled && engines.includes(CEL_ENGINE);
  const regoEntry = code.find((c) => c.engine === REGO_ENGINE);
  if (!hasCel && regoEntry === undefined) {
    const drivers = celEnabled ? `${CEL_ENGINE}:1 ${REGO_ENGINE}:2` : `${REGO_ENGINE}:1`;
    throw new TemplateProblem(`no language driver is installed that handles this constraint template: available drivers: map[${drivers}], wanted ""`);
  }
  const template: ConstraintTemplate = {
    apiVersion,
    name,
    kind,
    legacySchema,
    parametersSchema,
    target,
    rego: undefined,
    cel: undefined,
    engines,
    operations,
    object,
    source,
  };
  if (hasCel) {
    // The CEL driver's AddTemplate: its source must decode and validate, or the template is rejected.
    template.cel = celSource(code.find((c) => c.engine === CEL_ENGINE)!.source);
    if (regoEntry !== undefined) {
      const problem = regoProblem(regoEntry.source);
      if (problem !== undefined) template.regoError = problem;
    }
    return template;
  }
  const rego = regoSource(regoEntry!.source);
  const problem = validateRegoCode(rego);
  if (problem !== undefined) throw new TemplateProblem(problem);
  template.rego = rego;
  return template;
}

/** What the Rego driver would reject in a template CEL takes over (reported, not fatal). */
function regoProblem(source: JsonValue | undefined): string | undefined {
  try {
    return validateRegoCode(regoSource(source));
  } catch (e) {
    if (e instanceof TemplateProblem) return e.message;
    throw e;
  }
}

const CEL_RESERVED_PREFIX = 'gatekeeper_internal_';

/**
 * gatekeeper pkg/drivers/k8scel/schema GetSource + Validate: the source decoded as
 * runtime.DefaultUnstructuredConverter does (fields in struct order, its error texts), then the names
 * Gatekeeper reserves and the failure policy checked.
 */
function celSource(source: JsonValue | undefined): CelSource {
  if (!isObject(source)) throw new TemplateProblem('could not recognize the type');
  const list = (key: string): JsonObject[] => {
    const v = source[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new TemplateProblem(`cannot restore slice from ${goKind(v)}`);
    return v.map((x) => {
      if (x !== null && !isObject(x)) throw new TemplateProblem(`cannot restore struct from: ${goKind(x)}`);
      return x ?? {};
    });
  };
  const str = (o: JsonObject, key: string): string => {
    const v = o[key];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw new TemplateProblem('unrecognized type: string');
    return v;
  };
  const validations: CelValidation[] = list('validations').map((v) => ({
    expression: str(v, 'expression'),
    message: str(v, 'message'),
    messageExpression: str(v, 'messageExpression'),
  }));
  const fp = source.failurePolicy;
  if (fp !== undefined && fp !== null && typeof fp !== 'string') throw new TemplateProblem('unrecognized type: string');
  const named = (o: JsonObject): CelNamedExpression => ({ name: str(o, 'name'), expression: str(o, 'expression') });
  // The JSON key is singular: `matchCondition`.
  const matchConditions = list('matchCondition').map(named);
  const variables = list('variables').map(named);
  const generateVAP = source.generateVAP;
  if (generateVAP !== undefined && generateVAP !== null && typeof generateVAP !== 'boolean') throw new TemplateProblem('unrecognized type: bool');
  for (const m of matchConditions) {
    if (m.name.startsWith(CEL_RESERVED_PREFIX)) {
      throw new TemplateProblem(`invalid match condition: ${m.name} is not a valid match condition; cannot have ${JSON.stringify(CEL_RESERVED_PREFIX)} as a prefix`);
    }
  }
  for (const v of variables) {
    if (v.name.startsWith(CEL_RESERVED_PREFIX)) {
      throw new TemplateProblem(`invalid variable definition: ${v.name} is not a valid variable; cannot have ${JSON.stringify(CEL_RESERVED_PREFIX)} as a prefix`);
    }
    for (const reserved of ['params', 'anyObject']) {
      if (v.name === reserved) {
        throw new TemplateProblem(`invalid variable definition: ${v.name} an invalid variable name, ${JSON.stringify(reserved)} is a reserved keyword`);
      }
    }
  }
  if (typeof fp === 'string' && fp !== 'Fail' && fp !== 'Ignore') {
    throw new TemplateProblem(`invalid failure policy: unrecognized failure policy: ${fp}`);
  }
  return { validations, variables, matchConditions, failurePolicy: typeof fp === 'string' ? (fp as 'Fail' | 'Ignore') : undefined };
}

/** reflect.Kind of a JSON-decoded value, as the unstructured converter names it. */
function goKind(v: JsonValue): string {
  if (Array.isArray(v)) return 'slice';
  if (isObject(v)) return 'map';
  if (typeof v === 'number') return 'float64';
  return typeof v;
}

/** drivers/rego/schema GetSource */
function regoSource(source: JsonValue | undefined): RegoCode {
  if (source === undefined || source === null) throw new TemplateProblem('rego source missing required field: source');
  if (!isObject(source)) throw new TemplateProblem('could not recognize the type');
  const rego = source.rego;
  if (rego === undefined) throw new TemplateProblem('rego source missing required field: rego');
  if (typeof rego !== 'string') {
    throw new TemplateProblem(
      `.rego accessor error: ${goValue(rego)} is of the type ${goType(rego)}, expected string: while extracting Rego source`,
    );
  }
  const version = source.version;
  if (version !== undefined && typeof version !== 'string') {
    throw new TemplateProblem(
      `.version accessor error: ${goValue(version)} is of the type ${goType(version)}, expected string: while extracting Rego version`,
    );
  }
  const libsRaw = source.libs;
  let libs: string[] = [];
  if (libsRaw !== undefined) {
    if (!Array.isArray(libsRaw) || libsRaw.some((l) => typeof l !== 'string')) {
      throw new TemplateProblem(
        `.libs accessor error: ${goValue(libsRaw)} is of the type ${goType(libsRaw)}, expected []interface{}: while extracting Rego libs`,
      );
    }
    libs = libsRaw as string[];
  }
  // "v1" selects Rego v1; anything else (missing, "", "v0", other) is v0.
  return { rego, libs, version: version === 'v1' ? 'v1' : 'v0' };
}

function goType(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'number') return 'float64'; // JSON-decoded unstructured numbers
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

function goValue(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

// ---- Rego checks (drivers/rego compilers.go + regorewriter), without compiling ----

const TEMPLATE_MODULE = 'template';
const libModuleName = (i: number): string => `libs["lib_${i}"]`;

/**
 * What Gatekeeper rejects in a template's Rego short of compiling it: empty modules, missing package,
 * missing `violation`, lib packages outside `lib.`, imports other than `data.lib...`/`future...`, and data
 * references outside `data.lib`/`data.inventory`. Returns the Gatekeeper-style message, or undefined.
 * Modules that visibly do not lex are left to `opa`, whose parse errors are the faithful ones.
 */
function validateRegoCode(code: RegoCode): string | undefined {
  const entry = analyzeRego(code.rego);
  const entryParse = parseProblem(code.rego, entry, TEMPLATE_MODULE);
  if (entryParse !== undefined) return entryParse;
  if (entry.problems.length > 0) return undefined;
  if (!entry.ruleNames.has('violation')) {
    return `${INVALID}: invalid rego: invalid module: missing required rules: [violation]`;
  }
  const libs: RegoModuleInfo[] = [];
  for (const [i, lib] of code.libs.entries()) {
    const info = analyzeRego(lib);
    const libParse = parseProblem(lib, info, libModuleName(i));
    if (libParse !== undefined) return libParse;
    if (info.problems.length > 0) return undefined;
    libs.push(info);
  }
  // checkLibPackages
  for (const lib of libs) {
    const path = lib.package!.path;
    const segs = path.root === 'data' ? path.segments : [path.root, ...path.segments];
    const under = segs.length > 1 && segs[0] === 'lib';
    if (!under) {
      const shown = path.root === 'data' ? path.text : `data.${path.text}`;
      return `${INVALID}: invalid lib prefix: path ${shown} not found in lib prefixes`;
    }
  }
  // checkImports: libs first, then the entry module, as regorewriter walks them.
  const modules: [string, RegoModuleInfo][] = [
    ...libs.map((l, i): [string, RegoModuleInfo] => [libModuleName(i), l]),
    [TEMPLATE_MODULE, entry],
  ];
  for (const [, m] of modules) {
    for (const imp of m.imports) {
      const ref = imp.ref;
      if (ref.root === 'input') return `${INVALID}: invalid import: cannot import input: ${JSON.stringify(ref.text)}`;
      if (refHasPrefix(ref, 'data', ['lib'])) continue;
      if (ref.root === 'future') continue;
      return `${INVALID}: invalid import: bad import: ${JSON.stringify(ref.text)}`;
    }
  }
  // checkDataReferences
  for (const [moduleName, m] of modules) {
    const bad = m.dataRefs.filter((r) => !refHasPrefix(r, 'data', ['inventory']) && !refHasPrefix(r, 'data', ['lib']));
    if (bad.length > 0) {
      return (
        `${INVALID}: invalid data references: check refs failed on module {${moduleName}}: errors (${bad.length}):\n` +
        bad.map((r) => `disallowed ref ${r.text}\n`).join('')
      );
    }
  }
  return undefined;
}

function parseProblem(src: string, info: RegoModuleInfo, moduleName: string): string | undefined {
  const first = lexRego(src).tokens[0];
  if (first === undefined) return `${INVALID}: ${moduleName}:0: rego_parse_error: empty module`;
  if (info.package === undefined) {
    return `${INVALID}: 1 error occurred: ${moduleName}:${first.line}: rego_parse_error: package expected`;
  }
  return undefined;
}

// ---- CRD validation (apiextensions ValidateCustomResourceDefinition, the parts a template controls) ----

const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function dns1035(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_RE.test(value)) errs.push(DNS1035_MSG);
  return errs;
}

function validateNames(kind: string, shortNames: string[]): string[] {
  const errs: string[] = [];
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
      `spec.names.listKind: Invalid value: ${JSON.stringify(listKind)}: may have mixed case, but should otherwise match: ${e}`,
    );
  }
  return errs;
}

const SCHEMA_ROOT = 'spec.validation.openAPIV3Schema.properties[spec].properties[parameters]';
const SCHEMA_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/**
 * The parameters schema as it sits inside the generated Constraint CRD. Covers: `$ref`, unknown `type`,
 * `properties` with `additionalProperties`, arrays without `items`, defaults of the wrong type, and (for
 * non-legacy schemas) the structural rule that every node has a type.
 */
function validateParametersSchema(schema: JsonObject | undefined, legacySchema: boolean): string[] {
  if (schema === undefined) return [];
  const openapi: string[] = [];
  const structural: string[] = [];
  walkSchema(schema, SCHEMA_ROOT, legacySchema, openapi, structural);
  // apiextensions hides structural errors when the generic schema validation already failed.
  return openapi.length > 0 ? openapi : structural;
}

function walkSchema(node: JsonObject, path: string, legacy: boolean, openapi: string[], structural: string[]): void {
  const type = typeof node.type === 'string' ? node.type : '';
  if (node.$ref !== undefined) openapi.push(`${path}.$ref: Forbidden: $ref is not supported`);
  if (type !== '' && !SCHEMA_TYPES.includes(type)) {
    openapi.push(
      `${path}.type: Unsupported value: ${JSON.stringify(type)}: supported values: ${SCHEMA_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
    );
  }
  const props = isObject(node.properties) ? node.properties : undefined;
  const addl = node.additionalProperties;
  if (props !== undefined && Object.keys(props).length > 0 && (isObject(addl) || addl === false)) {
    openapi.push(`${path}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`);
  }
  const items = node.items;
  if (type === 'array' && (items === undefined || items === null) && !legacy) {
    openapi.push(`${path}.items: Required value: must be specified`);
  }
  if (node.default !== undefined && SCHEMA_TYPES.includes(type)) {
    const actual = schemaTypeOf(node.default);
    const ok = actual === type || (type === 'number' && actual === 'integer');
    if (!ok) openapi.push(`${path}.default: Invalid value: ${JSON.stringify(actual)}:  in body must be of type ${type}: ${JSON.stringify(actual)}`);
  }
  if (props !== undefined) {
    for (const [k, v] of Object.entries(props)) {
      if (isObject(v)) walkSchema(v, `${path}.properties[${k}]`, legacy, openapi, structural);
    }
  }
  if (isObject(items)) walkSchema(items, `${path}.items`, legacy, openapi, structural);
  if (isObject(addl)) walkSchema(addl, `${path}.additionalProperties`, legacy, openapi, structural);
  // Legacy schemas get x-kubernetes-preserve-unknown-fields on untyped nodes, which makes them structural.
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true || node['x-kubernetes-int-or-string'] === true;
  if (!legacy && type === '' && !preserve) {
    structural.push(`${path}.type: Required value: must not be empty for specified object fields`);
  }
}

function schemaTypeOf(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
