// Constraints: Gatekeeper's admission checks for a constraint (frameworks `Client.AddConstraint`:
// metadata checks, the target's selector validation, `crds.ValidateCR`, structural defaulting, the
// enforcement-action checks), reproduced with the same error texts, plus the defaulted constraint.
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { GLOB_PATTERN } from './glob.ts';
import { goQuote } from '../go/strconv.ts';
import { goCompare } from '../go/strings.ts';
import { aggregate, dns1123SubdomainErrors, fieldValue, goNumber, goType, goValue, labelSelectorFromJson, labelSelectorFieldErrors } from './selector.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation, SourcedObject } from './types.ts';

export interface TemplateSchemaInfo {
  /** `spec.crd.spec.names.kind` of the template. */
  kind: string;
  /** `spec.crd.spec.validation.openAPIV3Schema`, the schema of `spec.parameters`. */
  parametersSchema?: JsonObject;
  /** After version defaulting: true for v1beta1/v1alpha1 templates unless set, false for v1. */
  legacySchema: boolean;
}

export interface Constraint {
  apiVersion: string;
  kind: string;
  name: string;
  /** The constraint after defaulting (enforcementAction, parameter defaults), without `status`, as gator prints it. */
  object: JsonObject;
  /** spec.match */
  match: JsonObject | undefined;
  /** spec.parameters after defaulting, {} if absent or null (or not an object: see `parametersValue`). */
  parameters: JsonObject;
  /**
   * Set only when spec.parameters is neither an object nor null, which a legacy-schema template without
   * a parameters schema allows: this is then what the policy sees as `input.parameters`.
   */
  parametersValue?: JsonValue;
  /** spec.enforcementAction after defaulting. */
  enforcementAction: string;
  scopedEnforcementActions: Array<{ action: string; enforcementPoints: Array<{ name: string }> }>;
  source: SourceLocation;
}

export type ConstraintParse =
  | { constraint: Constraint }
  /** schemaError: true when Gatekeeper wraps the error in ErrSchema ("schema validation failed"). */
  | { error: InputError; schemaError: boolean };

const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh';
const CONSTRAINT_VERSIONS = ['v1alpha1', 'v1beta1'] as const;

const INVALID = 'invalid Constraint';
const SCHEMA = 'schema validation failed';

/** Validates and defaults one constraint object against its template, as `AddConstraint` would. */
export function parseConstraint(sourced: SourcedObject, template: TemplateSchemaInfo): ConstraintParse {
  const obj = sourced.object;
  const name = metaString(obj, 'name');
  const fail = (message: string, schemaError = false): ConstraintParse => ({
    error: {
      kind: 'constraint',
      message: `${sourced.source.file}:${sourced.source.startLine}: adding constraint ${goQuote(name)}: ${message}`,
      source: sourced.source,
    },
    schemaError,
  });

  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const gv = parseGroupVersion(apiVersion);
  const kind = gv === undefined ? '' : typeof obj.kind === 'string' ? obj.kind : '';
  const group = gv?.group ?? '';
  const version = gv?.version ?? '';

  // Client.validateConstraint → validateConstraintMetadata
  if (name === '') return fail(`${INVALID}: missing metadata.name`);
  if (kind === '') return fail(`${INVALID}: missing kind`);
  if (group !== CONSTRAINT_GROUP) {
    return fail(`${INVALID}: wrong API Group for Constraint ${goQuote(name)}, got ${goQuote(group)} but need ${goQuote(CONSTRAINT_GROUP)}`);
  }
  // The client finds the template by lower-cased kind.
  if (kind.toLowerCase() !== template.kind.toLowerCase()) {
    return fail(`missing ConstraintTemplate: template ${goQuote(kind.toLowerCase())} not found`);
  }

  // The target's ValidateConstraint: both selectors, reported under Gatekeeper's path "spec.labelSelector".
  for (const field of ['labelSelector', 'namespaceSelector']) {
    const err = selectorError(obj, field);
    if (err !== undefined) return fail(`${INVALID}: ${err}`);
  }

  // crds.ValidateCR
  const dnsErrors = dns1123SubdomainErrors(name, 'characters');
  if (dnsErrors.length > 0) return fail(`${INVALID}: invalid name: ${goQuote(dnsErrors.join('\n'))}`);
  if (kind !== template.kind) {
    // Gatekeeper's message has its arguments swapped: the name is printed as the kind and vice versa.
    return fail(`${INVALID}: wrong kind ${goQuote(name)} for constraint ${goQuote(kind)}; want ${goQuote(template.kind)}`);
  }
  if (!(CONSTRAINT_VERSIONS as readonly string[]).includes(version)) {
    return fail(`${INVALID}: unsupported version ${goQuote(version)} for Constraint ${goQuote(name)}; supported versions: map[v1alpha1:true v1beta1:true]`);
  }

  const schemas = constraintSchemas(template);
  if ('error' in schemas) return fail(`${INVALID}: ${schemas.error}`);
  const schemaErrors = validateAgainst(schemas.validate, obj);
  if (schemaErrors.length > 0) return fail(`${SCHEMA}: ${aggregate(schemaErrors)}`, true);

  const unknown: string[] = [];
  prune(structuredClone(obj), schemas.structural, [], unknown, true);
  if (unknown.length > 0) return fail(`${INVALID}: unknown fields: [${unknown.sort(goCompare).join(' ')}]`);

  // ApplyDefaultParams, on the copy the client keeps (without status).
  const object = structuredClone(obj);
  applyDefaults(object, schemas.structural);
  delete object.status;

  // templateClient.AddConstraint: GetEnforcementAction, then the scoped actions.
  const spec = isObject(object.spec) ? object.spec : undefined;
  const action = spec?.enforcementAction;
  if (action !== undefined && typeof action !== 'string') return fail(`${INVALID}: invalid spec.enforcementAction`);
  const enforcementAction = typeof action === 'string' ? action : 'deny';
  const scopedEnforcementActions: Constraint['scopedEnforcementActions'] = [];
  if (enforcementAction === 'scoped') {
    const scoped = spec?.scopedEnforcementActions;
    if (!Array.isArray(scoped)) return fail('missing required field: spec.scopedEnforcementActions must be defined');
    for (const s of scoped) {
      if (!isObject(s)) {
        return fail(`${INVALID}: scopedEnforcementActions value must be a [{action: string, enforcementPoints: [{name: string}]}]`);
      }
      const points = Array.isArray(s.enforcementPoints) ? s.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s.action === 'string' ? s.action : '',
        enforcementPoints: points.map((p) => ({ name: isObject(p) && typeof p.name === 'string' ? p.name : '' })),
      });
    }
  } else if (spec !== undefined && Array.isArray(spec.scopedEnforcementActions)) {
    // Kept for reporting; only a `scoped` action consults them.
    for (const s of spec.scopedEnforcementActions) {
      if (!isObject(s)) continue;
      const points = Array.isArray(s.enforcementPoints) ? s.enforcementPoints : [];
      scopedEnforcementActions.push({
        action: typeof s.action === 'string' ? s.action : '',
        enforcementPoints: points.map((p) => ({ name: isObject(p) && typeof p.name === 'string' ? p.name : '' })),
      });
    }
  }

  const params = spec?.parameters;
  const constraint: Constraint = {
    apiVersion,
    kind,
    name,
    object,
    match: spec !== undefined && isObject(spec.match) ? spec.match : undefined,
    parameters: isObject(params) ? params : {},
    enforcementAction,
    scopedEnforcementActions,
    source: sourced.source,
  };
  if (params !== undefined && params !== null && !isObject(params)) constraint.parametersValue = params;
  return { constraint };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

function metaString(obj: JsonObject, key: string): string {
  const m = obj.metadata;
  if (!isObject(m)) return '';
  const v = m[key];
  return typeof v === 'string' ? v : '';
}

/** `schema.ParseGroupVersion`; undefined when it fails (then Go reports an empty group, version and kind). */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' };
  return undefined;
}


/**
 * `unstructured.NestedMap(obj, "spec", "match", <field>)` then the selector's JSON decoding and
 * `ValidateLabelSelector`, as the admission target does before any schema validation.
 */
function selectorError(obj: JsonObject, field: string): string | undefined {
  const path = ['spec', 'match', field];
  let value: JsonValue | undefined = obj;
  for (let i = 0; i < path.length; i++) {
    if (value === null) return undefined;
    if (!isObject(value)) {
      return `.${path.slice(0, i + 1).join('.')} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
    }
    value = value[path[i] ?? ''];
    if (value === undefined) return undefined;
  }
  if (!isObject(value)) {
    return `.${path.join('.')} accessor error: ${goValue(value ?? null)} is of the type ${goType(value ?? null)}, expected map[string]interface{}`;
  }
  const decoded = labelSelectorFromJson(value);
  if ('error' in decoded) return decoded.error;
  const errs = labelSelectorFieldErrors(decoded.selector, 'spec.labelSelector');
  return errs.length > 0 ? aggregate(errs) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The constraint CRD schema (frameworks `crds.CreateSchema` with gatekeeper's match schema).

const selectorSchema = (): JsonObject => ({
  type: 'object',
  'x-kubernetes-map-type': 'atomic',
  properties: {
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string' },
          operator: { type: 'string' },
          values: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
  },
});

/** `pkg/target/matchcrd_constant.go` (gatekeeper v3.23.0). */
function matchSchema(): JsonObject {
  return {
    type: 'object',
    properties: {
      excludedNamespaces: { type: 'array', items: { type: 'string', pattern: GLOB_PATTERN } },
      kinds: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            apiGroups: { type: 'array', items: { type: 'string' } },
            kinds: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      labelSelector: selectorSchema(),
      name: { type: 'string', pattern: GLOB_PATTERN },
      namespaceSelector: selectorSchema(),
      namespaces: { type: 'array', items: { type: 'string', pattern: GLOB_PATTERN } },
      scope: { type: 'string' },
      source: { type: 'string', enum: ['All', 'Generated', 'Original'] },
    },
  };
}

/** `schema.AddPreserveUnknownFields`: what a legacy-schema template's parameters schema becomes. */
function addPreserveUnknownFields(schema: JsonObject): JsonObject {
  const out: JsonObject = { ...schema };
  const type = out.type;
  if (type === undefined || type === '' || type === 'object') out['x-kubernetes-preserve-unknown-fields'] = true;
  else if (type === 'array' && !isObject(out.items) && !Array.isArray(out.items)) {
    out.items = { 'x-kubernetes-preserve-unknown-fields': true };
  }
  if (isObject(out.properties)) {
    const props: JsonObject = {};
    for (const [k, v] of Object.entries(out.properties)) props[k] = isObject(v) ? addPreserveUnknownFields(v) : v;
    out.properties = props;
  }
  if (isObject(out.items)) out.items = addPreserveUnknownFields(out.items);
  if (isObject(out.additionalProperties)) out.additionalProperties = addPreserveUnknownFields(out.additionalProperties);
  return out;
}

/** The whole constraint's OpenAPI schema for a template. */
function constraintSchema(template: TemplateSchemaInfo): JsonObject {
  let parameters: JsonObject | undefined = template.parametersSchema;
  if (template.legacySchema) parameters = addPreserveUnknownFields(parameters ?? {});
  const specProps: JsonObject = {
    match: matchSchema(),
    enforcementAction: { type: 'string', default: 'deny' },
    scopedEnforcementActions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: { type: 'string' },
          enforcementPoints: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
    },
  };
  if (parameters !== undefined) specProps.parameters = parameters;
  return {
    type: 'object',
    properties: {
      metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 63 } } },
      spec: { type: 'object', properties: specProps },
      status: { 'x-kubernetes-preserve-unknown-fields': true },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI validation with ajv, reported as kube-openapi / apiextensions report it.

const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, validateSchema: false });

type Schemas = { structural: JsonObject; validate: ValidateFunction } | { error: string };
const cache = new Map<string, Schemas>();
const CACHE_LIMIT = 256;

function constraintSchemas(template: TemplateSchemaInfo): Schemas {
  const key = JSON.stringify([template.parametersSchema ?? null, template.legacySchema]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const structural = constraintSchema(template);
  let result: Schemas;
  try {
    result = { structural, validate: ajv.compile(toJsonSchema(structural)) };
  } catch (e) {
    result = { error: `parameters schema of template ${goQuote(template.kind)} cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, result);
  return result;
}

const NUMBER_KEYWORDS = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

/** OpenAPI v3 (Kubernetes dialect) → JSON Schema draft-07 for ajv; only keywords apiextensions validates. */
function toJsonSchema(node: JsonValue): JsonObject {
  if (!isObject(node)) return {};
  const out: JsonObject = {};
  const nullable = node.nullable === true;
  if (node['x-kubernetes-int-or-string'] === true) out.type = nullable ? ['integer', 'string', 'null'] : ['integer', 'string'];
  else if (typeof node.type === 'string' && node.type !== '') out.type = nullable ? [node.type, 'null'] : node.type;
  if (Array.isArray(node.enum)) out.enum = nullable ? [...node.enum, null] : node.enum;
  if (typeof node.pattern === 'string') out.pattern = node.pattern;
  for (const k of NUMBER_KEYWORDS) if (typeof node[k] === 'number') out[k] = node[k] ?? null;
  // OpenAPI v3.0 exclusive bounds are booleans qualifying minimum/maximum.
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (node.uniqueItems === true) out.uniqueItems = true;
  if (Array.isArray(node.required)) out.required = node.required.filter((r) => typeof r === 'string');
  if (isObject(node.properties)) {
    const props: JsonObject = {};
    for (const [k, v] of Object.entries(node.properties)) props[k] = toJsonSchema(v);
    out.properties = props;
  }
  if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  else if (isObject(node.additionalProperties)) out.additionalProperties = toJsonSchema(node.additionalProperties);
  if (isObject(node.items)) out.items = toJsonSchema(node.items);
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[k];
    if (Array.isArray(list)) out[k] = list.map(toJsonSchema);
  }
  if (isObject(node.not)) out.not = toJsonSchema(node.not);
  return out;
}

/** kube-openapi's name for the JSON type of a value. */
function openapiType(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** A JSON pointer into `data` as kube-openapi names the field: `spec.match.namespaces[0]`. */
function fieldName(data: JsonValue, pointer: string): string {
  if (pointer === '') return '';
  let name = '';
  let cur: JsonValue | undefined = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      name += `[${seg}]`;
      cur = cur[Number(seg)];
    } else {
      name += name === '' ? seg : `.${seg}`;
      cur = isObject(cur) ? cur[seg] : undefined;
    }
  }
  return name;
}

const KEYWORD_ORDER = [
  'type',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'enum',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
];

function validateAgainst(validate: ValidateFunction, obj: JsonObject): string[] {
  if (validate(obj)) return [];
  const out: Array<{ path: string; rank: number; message: string }> = [];
  const errors = validate.errors ?? [];
  // kube-openapi's string validator stops at its first failure, in the order maxLength, minLength, pattern.
  const stringRank: Record<string, number> = { maxLength: 0, minLength: 1, pattern: 2 };
  const firstStringError = new Map<string, number>();
  for (const e of errors) {
    const rank = stringRank[e.keyword];
    if (rank === undefined) continue;
    const key = `${e.instancePath}|${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}`;
    firstStringError.set(key, Math.min(rank, firstStringError.get(key) ?? rank));
  }
  for (const e of errors) {
    // Errors inside anyOf/oneOf/not branches are explanations of the combinator's own error.
    if (/\/(anyOf|oneOf|not)\//.test(e.schemaPath)) continue;
    const rank = stringRank[e.keyword];
    if (rank !== undefined && rank > (firstStringError.get(`${e.instancePath}|${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}`) ?? rank)) continue;
    const name = fieldName(obj, e.instancePath);
    for (const m of kubeMessages(e, name)) out.push({ path: name, rank: KEYWORD_ORDER.indexOf(e.keyword), message: m.message });
  }
  // Go reports the fields of an object in map order (random); we sort by field, and within one field
  // keep kube-openapi's validator order (type, combinators, string, format, number, array, enum, object).
  const order = (a: { path: string; rank: number }, b: { path: string; rank: number }): number =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.rank - b.rank;
  return out.sort(order).map((m) => m.message);
}

/** One ajv error in the words of `kubeOpenAPIResultToFieldErrors` (field path prefixed `[]`, as in gator). */
function kubeMessages(e: ErrorObject, name: string): Array<{ path: string; message: string }> {
  const data = (e.data ?? null) as JsonValue;
  const path = name === '' ? '[]' : `[].${name}`;
  const at = (message: string, p = path): { path: string; message: string } => ({ path: p, message: `${p}: ${message}` });
  const num = (v: unknown): string => (typeof v === 'number' ? goNumber(v) : String(v));
  const params = e.params as Record<string, unknown>;
  const size = Array.isArray(data) ? data.length : isObject(data) ? Object.keys(data).length : 0;
  switch (e.keyword) {
    case 'type': {
      const types = (Array.isArray(params.type) ? (params.type as string[]) : [String(params.type)]).filter((t) => t !== 'null');
      const actual = openapiType(data);
      const msgs = [at(`Invalid value: ${goQuote(actual)}: ${name} in body must be of type ${types.join(',')}: ${goQuote(actual)}`)];
      if (types.length === 1 && types[0] === 'integer' && typeof data === 'number') {
        msgs.push(at(`Invalid value: "": Checked value must be of type integer (default format) in ${name}`, '[]'));
      }
      return msgs;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const p = name === '' ? `[].${missing}` : `${path}.${missing}`;
      return [at('Required value', p)];
    }
    case 'enum': {
      const allowed = (Array.isArray(params.allowedValues) ? (params.allowedValues as JsonValue[]) : []).filter((v) => v !== null);
      const values = allowed.map((v) => goQuote(typeof v === 'string' ? v : JSON.stringify(v)));
      return [at(`Unsupported value: ${fieldValue(data)}: supported values: ${values.join(', ')}`)];
    }
    case 'maxLength':
      return [at(`Too long: may not be more than ${num(params.limit)} bytes`)];
    case 'minLength':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be at least ${num(params.limit)} chars long`)];
    case 'pattern':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should match '${String(params.pattern)}'`)];
    case 'minimum':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than or equal to ${num(params.limit)}`)];
    case 'exclusiveMinimum':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be greater than ${num(params.limit)}`)];
    case 'maximum':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than or equal to ${num(params.limit)}`)];
    case 'exclusiveMaximum':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be less than ${num(params.limit)}`)];
    case 'multipleOf':
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body should be a multiple of ${num(params.multipleOf)}`)];
    case 'maxItems':
    case 'maxProperties':
      return [at(`Too many: ${size}: must have at most ${num(params.limit)} items`)];
    case 'minItems':
      return [at(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} items`)];
    case 'minProperties':
      return [at(`Invalid value: ${size}: ${name} in body should have at least ${num(params.limit)} properties`)];
    case 'uniqueItems':
      return [at(`Duplicate value: ${fieldValue(data)}: ${name} in body shouldn't contain duplicates`)];
    case 'additionalProperties':
      return [at(`Invalid value: ${fieldValue(data)}: ${name}.${String(params.additionalProperty)} in body is a forbidden property`)];
    default:
      return [at(`Invalid value: ${fieldValue(data)}: ${name} in body ${e.message ?? 'is invalid'}`)];
  }
}

// ---------------------------------------------------------------------------------------------
// Structural pruning (unknown-field tracking) and defaulting, over the OpenAPI schema.

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

function preserves(s: JsonObject | null): boolean {
  return s !== null && s['x-kubernetes-preserve-unknown-fields'] === true;
}

function childSchemas(s: JsonObject): { props: JsonObject | undefined; additional: JsonObject | null | undefined; items: JsonObject | null } {
  const props = isObject(s.properties) ? s.properties : undefined;
  const ap = s.additionalProperties;
  const additional = isObject(ap) ? ap : ap === true ? null : undefined;
  const items = isObject(s.items) ? s.items : null;
  return { props, additional, items };
}

function joinPath(path: string[]): string {
  return path.join('');
}

/** `pruning.PruneWithOptions` with unknown-field tracking; records paths such as `spec.parameters.x`. */
function prune(x: JsonValue, s: JsonObject | null, path: string[], unknown: string[], root = false): void {
  const embedded = root || (s !== null && s['x-kubernetes-embedded-resource'] === true);
  const key = (k: string): string[] => (path.length > 0 ? [...path, '.', k] : [k]);
  if (s !== null && preserves(s)) {
    // skipPrune: known children are still checked, unknown ones kept.
    const { props, additional, items } = childSchemas(s);
    if (isObject(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (embedded && META_FIELDS.has(k)) continue;
        const prop = props?.[k];
        if (isObject(prop)) prune(v, prop, key(k), unknown);
        else if (additional !== undefined) prune(v, additional, key(k), unknown);
      }
    } else if (Array.isArray(x) && items !== null) {
      x.forEach((v, i) => skipPruneItems(v, items, [...path, `[${i}]`], unknown));
    }
    return;
  }
  if (isObject(x)) {
    if (s === null) {
      for (const k of Object.keys(x)) unknown.push(joinPath(key(k)));
      return;
    }
    const { props, additional } = childSchemas(s);
    for (const [k, v] of Object.entries(x)) {
      if (embedded && META_FIELDS.has(k)) continue;
      const prop = props?.[k];
      if (isObject(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== undefined) prune(v, additional, key(k), unknown);
      else if (!META_FIELDS.has(k) || path.length > 0) unknown.push(joinPath(key(k)));
    }
  } else if (Array.isArray(x)) {
    const items = s === null ? null : childSchemas(s).items;
    x.forEach((v, i) => prune(v, items, [...path, `[${i}]`], unknown));
  }
}

/** skipPrune's handling of array items: items of a preserve-unknown array are themselves skip-pruned. */
function skipPruneItems(x: JsonValue, s: JsonObject, path: string[], unknown: string[]): void {
  if (preserves(s)) {
    prune(x, s, path, unknown);
    return;
  }
  const { props, additional, items } = childSchemas(s);
  const key = (k: string): string[] => [...path, '.', k];
  if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      const prop = props?.[k];
      if (isObject(prop)) prune(v, prop, key(k), unknown);
      else if (additional !== undefined) prune(v, additional, key(k), unknown);
    }
  } else if (Array.isArray(x) && items !== null) {
    x.forEach((v, i) => skipPruneItems(v, items, [...path, `[${i}]`], unknown));
  }
}

/** `defaulting.Default`: fills structural `default`s where the parent object exists, then recurses. */
function applyDefaults(x: JsonValue, s: JsonObject | null): void {
  if (s === null) return;
  const { props, additional, items } = childSchemas(s);
  const nonNullableNull = (v: JsonValue | undefined, sch: JsonObject | null): boolean =>
    v === null && sch !== null && sch.nullable !== true;
  if (isObject(x)) {
    for (const [k, prop] of Object.entries(props ?? {})) {
      if (!isObject(prop) || prop.default === undefined || prop.default === null) continue;
      if (!(k in x) || nonNullableNull(x[k], prop)) x[k] = structuredClone(prop.default);
    }
    for (const k of Object.keys(x)) {
      const prop = props?.[k];
      if (isObject(prop)) applyDefaults(x[k] ?? null, prop);
      else if (additional !== undefined) {
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
