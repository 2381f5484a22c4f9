import { describe, expect, it } from 'vitest';
import { parseConstraint, type ConstraintParse, type TemplateSchemaInfo } from '../../src/gatekeeper/constraint.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

const source = { file: 'policies/c.yaml', startLine: 7, endLine: 20 };
const schema: JsonObject = {
  type: 'object',
  properties: {
    labels: { type: 'array', items: { type: 'string' } },
    count: { type: 'integer', minimum: 1 },
    mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
    nested: { type: 'object', properties: { inner: { type: 'string', default: 'in' }, deeper: { type: 'object', properties: { d: { type: 'string', default: 'dd' } } } } },
  },
};
const v1: TemplateSchemaInfo = { kind: 'K8sRequired', parametersSchema: schema, legacySchema: false };
const legacy: TemplateSchemaInfo = { ...v1, legacySchema: true };

function constraint(spec?: JsonObject, more: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: 'K8sRequired',
    metadata: { name: 'must-have' },
    ...(spec === undefined ? {} : { spec }),
    ...more,
  };
}
const parse = (o: JsonObject, t: TemplateSchemaInfo = v1): ConstraintParse => parseConstraint({ object: o, source }, t);
function errorOf(r: ConstraintParse): { message: string; schemaError: boolean } {
  if (!('error' in r)) throw new Error('expected an error');
  const prefix = 'policies/c.yaml:7: adding constraint ';
  expect(r.error.message.startsWith(prefix)).toBe(true);
  expect(r.error.source).toEqual(source);
  expect(r.error.kind).toBe('constraint');
  return { message: r.error.message.slice(r.error.message.indexOf(': ', prefix.length) + 2), schemaError: r.schemaError };
}
function ok(r: ConstraintParse) {
  if (!('constraint' in r)) throw new Error(`expected a constraint, got ${r.error.message}`);
  return r.constraint;
}

describe('valid constraints', () => {
  it('defaults enforcementAction and parameters only under existing objects', () => {
    const c = ok(parse(constraint({ parameters: { labels: ['owner'], nested: {} } })));
    expect(c.enforcementAction).toBe('deny');
    expect(c.parameters).toEqual({ labels: ['owner'], mode: 'a', nested: { inner: 'in' } });
    expect(c.object).toEqual(constraint({ enforcementAction: 'deny', parameters: { labels: ['owner'], mode: 'a', nested: { inner: 'in' } } }));
    expect(c.match).toBeUndefined();
    expect(c.name).toBe('must-have');
    expect(c.kind).toBe('K8sRequired');
    expect(c.source).toEqual(source);
  });
  it('no spec: nothing is materialised, the action is still deny and parameters {}', () => {
    const c = ok(parse(constraint()));
    expect(c.object).toEqual(constraint());
    expect(c.enforcementAction).toBe('deny');
    expect(c.parameters).toEqual({});
  });
  it('spec without parameters: parameter defaults do not create the parameters object', () => {
    const c = ok(parse(constraint({ match: { kinds: [{ apiGroups: [''], kinds: ['Pod'] }] } })));
    expect(c.object.spec).toEqual({ enforcementAction: 'deny', match: { kinds: [{ apiGroups: [''], kinds: ['Pod'] }] } });
    expect(c.match).toEqual({ kinds: [{ apiGroups: [''], kinds: ['Pod'] }] });
  });
  it('keeps metadata extras, drops status, accepts v1alpha1', () => {
    const c = ok(parse(constraint({ enforcementAction: 'warn' }, { apiVersion: 'constraints.gatekeeper.sh/v1alpha1', metadata: { name: 'x', labels: { a: 'b' }, extra: 1 }, status: { s: 1 } })));
    expect(c.object.status).toBeUndefined();
    expect(c.object.metadata).toEqual({ name: 'x', labels: { a: 'b' }, extra: 1 });
    expect(c.enforcementAction).toBe('warn');
    expect(c.apiVersion).toBe('constraints.gatekeeper.sh/v1alpha1');
  });
  it('does not modify its input', () => {
    const o = constraint({ parameters: {} }, { status: {} });
    const copy = structuredClone(o);
    ok(parse(o));
    expect(o).toEqual(copy);
  });
  it('scoped actions', () => {
    const c = ok(parse(constraint({ enforcementAction: 'scoped', scopedEnforcementActions: [{ action: 'warn', enforcementPoints: [{ name: 'gator.gatekeeper.sh' }] }] })));
    expect(c.enforcementAction).toBe('scoped');
    expect(c.scopedEnforcementActions).toEqual([{ action: 'warn', enforcementPoints: [{ name: 'gator.gatekeeper.sh' }] }]);
  });
  it('unknown enforcement actions are accepted (gator does not validate them)', () => {
    expect(ok(parse(constraint({ enforcementAction: 'bogus' }))).enforcementAction).toBe('bogus');
    expect(ok(parse(constraint({ enforcementAction: '' }))).enforcementAction).toBe('');
  });
  it('a full, valid match block', () => {
    const match = {
      kinds: [{ apiGroups: ['*'], kinds: ['*'] }],
      scope: 'Namespaced',
      namespaces: ['prod', 'team-*', '*-system', '*x*'],
      excludedNamespaces: ['kube-system'],
      labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
      namespaceSelector: { matchLabels: { env: 'prod' } },
      name: 'web-*',
      source: 'Original',
    };
    expect(ok(parse(constraint({ match }))).match).toEqual(match);
  });
});

describe('metadata, kind, group, version', () => {
  it('v1 is rejected with Gatekeeper\'s message', () => {
    expect(errorOf(parse(constraint(undefined, { apiVersion: 'constraints.gatekeeper.sh/v1' })))).toEqual({
      message: 'invalid Constraint: unsupported version "v1" for Constraint "must-have"; supported versions: map[v1alpha1:true v1beta1:true]',
      schemaError: false,
    });
  });
  it('missing name, missing kind, wrong group', () => {
    expect(errorOf(parse(constraint(undefined, { metadata: {} }))).message).toBe('invalid Constraint: missing metadata.name');
    expect(errorOf(parse(constraint(undefined, { metadata: { name: 3 } }))).message).toBe('invalid Constraint: missing metadata.name');
    expect(errorOf(parse(constraint(undefined, { kind: undefined as unknown as string }))).message).toBe('invalid Constraint: missing kind');
    expect(errorOf(parse(constraint(undefined, { apiVersion: 'example.com/v1' }))).message).toBe(
      'invalid Constraint: wrong API Group for Constraint "must-have", got "example.com" but need "constraints.gatekeeper.sh"',
    );
  });
  it('kind must equal the template kind exactly', () => {
    expect(errorOf(parse(constraint(undefined, { kind: 'K8sRequiredX' }))).message).toBe('missing ConstraintTemplate: template "k8srequiredx" not found');
    expect(errorOf(parse(constraint(undefined, { kind: 'k8srequired' }))).message).toBe(
      'invalid Constraint: wrong kind "must-have" for constraint "k8srequired"; want "K8sRequired"',
    );
  });
  it('DNS-1123 names up to 63 characters', () => {
    expect(errorOf(parse(constraint(undefined, { metadata: { name: 'Bad_Name' } }))).message).toBe(
      `invalid Constraint: invalid name: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"`,
    );
    expect(errorOf(parse(constraint(undefined, { metadata: { name: 'a'.repeat(64) } })))).toEqual({
      message: 'schema validation failed: [].metadata.name: Too long: may not be more than 63 bytes',
      schemaError: true,
    });
    ok(parse(constraint(undefined, { metadata: { name: 'a'.repeat(63) } })));
    expect(errorOf(parse(constraint(undefined, { metadata: { name: 'a'.repeat(254) } }))).message).toBe(
      'invalid Constraint: invalid name: "must be no more than 253 characters"',
    );
  });
});

describe('schema validation of spec (ErrSchema)', () => {
  const schemaErr = (spec: JsonObject, t: TemplateSchemaInfo = v1): string => {
    const e = errorOf(parse(constraint(spec), t));
    expect(e.schemaError).toBe(true);
    return e.message;
  };
  it('glob patterns', () => {
    expect(schemaErr({ match: { namespaces: ['Foo'] } })).toBe(
      `schema validation failed: [].spec.match.namespaces[0]: Invalid value: "Foo": spec.match.namespaces[0] in body should match '^\\*?[-:a-z0-9]*\\*?$'`,
    );
    expect(schemaErr({ match: { excludedNamespaces: ['a*b'] } })).toMatch(/excludedNamespaces\[0\]: Invalid value: "a\*b"/);
    expect(schemaErr({ match: { name: 'A' } })).toMatch(/\[\]\.spec\.match\.name: Invalid value: "A"/);
  });
  it('several errors are aggregated in brackets', () => {
    expect(schemaErr({ match: { namespaces: ['a*b'], name: 'A' } })).toBe(
      `schema validation failed: [[].spec.match.name: Invalid value: "A": spec.match.name in body should match '^\\*?[-:a-z0-9]*\\*?$', [].spec.match.namespaces[0]: Invalid value: "a*b": spec.match.namespaces[0] in body should match '^\\*?[-:a-z0-9]*\\*?$']`,
    );
  });
  it('source enum', () => {
    expect(schemaErr({ match: { source: 'foo' } })).toBe(
      'schema validation failed: [].spec.match.source: Unsupported value: "foo": supported values: "All", "Generated", "Original"',
    );
  });
  it('wrong types in match, action, scoped actions, parameters; nulls', () => {
    expect(schemaErr({ match: { kinds: 'Pod' } })).toBe(
      'schema validation failed: [].spec.match.kinds: Invalid value: "string": spec.match.kinds in body must be of type array: "string"',
    );
    expect(schemaErr({ match: { kinds: [{ kinds: 'Pod' }] } })).toMatch(/spec\.match\.kinds\[0\]\.kinds in body must be of type array: "string"$/);
    expect(schemaErr({ match: { scope: 1 } })).toMatch(/spec\.match\.scope in body must be of type string: "number"$/);
    expect(schemaErr({ enforcementAction: 3 })).toMatch(/spec\.enforcementAction in body must be of type string: "number"$/);
    expect(schemaErr({ scopedEnforcementActions: {} })).toMatch(/must be of type array: "object"$/);
    expect(schemaErr({ scopedEnforcementActions: [{ action: 'deny', enforcementPoints: [{ name: 1 }] }] })).toMatch(
      /\[\]\.spec\.scopedEnforcementActions\[0\]\.enforcementPoints\[0\]\.name: Invalid value: "number"/,
    );
    expect(errorOf(parse(constraint(undefined, { spec: null }))).message).toBe(
      'schema validation failed: [].spec: Invalid value: "null": spec in body must be of type object: "null"',
    );
    expect(schemaErr({ match: null, parameters: null })).toBe(
      'schema validation failed: [[].spec.match: Invalid value: "null": spec.match in body must be of type object: "null", [].spec.parameters: Invalid value: "null": spec.parameters in body must be of type object: "null"]',
    );
  });
  it('parameters against the template schema', () => {
    expect(schemaErr({ parameters: { count: 'x' } })).toBe(
      'schema validation failed: [].spec.parameters.count: Invalid value: "string": spec.parameters.count in body must be of type integer: "string"',
    );
    expect(schemaErr({ parameters: { count: 0 } })).toBe(
      'schema validation failed: [].spec.parameters.count: Invalid value: 0: spec.parameters.count in body should be greater than or equal to 1',
    );
    expect(schemaErr({ parameters: { mode: 'c' } })).toBe(
      'schema validation failed: [].spec.parameters.mode: Unsupported value: "c": supported values: "a", "b"',
    );
    expect(schemaErr({ parameters: { labels: [1] } })).toMatch(/spec\.parameters\.labels\[0\] in body must be of type string: "number"$/);
    expect(schemaErr({ parameters: { count: 1.5 } })).toBe(
      'schema validation failed: [[].spec.parameters.count: Invalid value: "number": spec.parameters.count in body must be of type integer: "number", []: Invalid value: "": Checked value must be of type integer (default format) in spec.parameters.count]',
    );
  });
  it('schema errors are reported before unknown fields', () => {
    expect(schemaErr({ parameters: { unknown: 1 }, match: { namespaces: ['Bad'] } })).toMatch(/namespaces\[0\]: Invalid value: "Bad"/);
  });
});

describe('OpenAPI keywords of parameter schemas', () => {
  const t = (s: JsonObject): TemplateSchemaInfo => ({ kind: 'K8sRequired', parametersSchema: { type: 'object', properties: { x: s } }, legacySchema: false });
  const err = (s: JsonObject, x: JsonObject[string]): string => errorOf(parse(constraint({ parameters: { x } }), t(s))).message.replace('schema validation failed: ', '');
  it.each([
    [{ type: 'string', minLength: 3 }, 'ab', '[].spec.parameters.x: Invalid value: "ab": spec.parameters.x in body should be at least 3 chars long'],
    [{ type: 'string', maxLength: 2 }, 'abc', '[].spec.parameters.x: Too long: may not be more than 2 bytes'],
    [{ type: 'string', pattern: '^a+$' }, 'b', `[].spec.parameters.x: Invalid value: "b": spec.parameters.x in body should match '^a+$'`],
    [{ type: 'number', maximum: 5 }, 7, '[].spec.parameters.x: Invalid value: 7: spec.parameters.x in body should be less than or equal to 5'],
    [{ type: 'number', multipleOf: 2 }, 7, '[].spec.parameters.x: Invalid value: 7: spec.parameters.x in body should be a multiple of 2'],
    [{ type: 'integer', maximum: 5, exclusiveMaximum: true }, 5, '[].spec.parameters.x: Invalid value: 5: spec.parameters.x in body should be less than 5'],
    [{ type: 'integer', minimum: 2, exclusiveMinimum: true }, 2, '[].spec.parameters.x: Invalid value: 2: spec.parameters.x in body should be greater than 2'],
    [{ type: 'array', minItems: 2 }, [1], '[].spec.parameters.x: Invalid value: 1: spec.parameters.x in body should have at least 2 items'],
    [{ type: 'array', maxItems: 1 }, [1, 2], '[].spec.parameters.x: Too many: 2: must have at most 1 items'],
    [{ type: 'object', maxProperties: 1, additionalProperties: { type: 'string' } }, { a: 'a', b: 'b' }, '[].spec.parameters.x: Too many: 2: must have at most 1 items'],
    [{ type: 'object', minProperties: 2, additionalProperties: { type: 'string' } }, { a: 'a' }, '[].spec.parameters.x: Invalid value: 1: spec.parameters.x in body should have at least 2 properties'],
    [{ type: 'integer', enum: [1, 2] }, 3, '[].spec.parameters.x: Unsupported value: 3: supported values: "1", "2"'],
    [{ 'x-kubernetes-int-or-string': true }, true, '[].spec.parameters.x: Invalid value: "boolean": spec.parameters.x in body must be of type integer,string: "boolean"'],
    [{ type: 'object', required: ['r'], properties: { r: { type: 'string' } } }, {}, '[].spec.parameters.x.r: Required value'],
    [{ type: 'boolean' }, 'true', '[].spec.parameters.x: Invalid value: "string": spec.parameters.x in body must be of type boolean: "string"'],
  ] as Array<[JsonObject, JsonObject[string], string]>)('%j with %j', (s, x, want) => expect(err(s, x)).toBe(want));

  it('a string reports only its first failure (maxLength, minLength, pattern); numbers report all', () => {
    expect(err({ type: 'string', maxLength: 2, pattern: '^a+$' }, 'bbb')).toBe('[].spec.parameters.x: Too long: may not be more than 2 bytes');
    expect(err({ type: 'string', minLength: 4, pattern: '^a+$' }, 'bbb')).toBe(
      '[].spec.parameters.x: Invalid value: "bbb": spec.parameters.x in body should be at least 4 chars long',
    );
    expect(err({ type: 'number', maximum: 5, multipleOf: 2 }, 7)).toBe(
      '[[].spec.parameters.x: Invalid value: 7: spec.parameters.x in body should be a multiple of 2, [].spec.parameters.x: Invalid value: 7: spec.parameters.x in body should be less than or equal to 5]',
    );
  });

  it('nullable, int-or-string and x-kubernetes-* extensions are understood', () => {
    ok(parse(constraint({ parameters: { x: null } }), t({ type: 'string', nullable: true })));
    ok(parse(constraint({ parameters: { x: 3 } }), t({ 'x-kubernetes-int-or-string': true })));
    ok(parse(constraint({ parameters: { x: '3' } }), t({ 'x-kubernetes-int-or-string': true })));
    ok(parse(constraint({ parameters: { x: ['a'] } }), t({ type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } })));
    ok(parse(constraint({ parameters: { x: { any: [1] } } }), t({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true })));
  });
  it('a parameters schema ajv cannot compile is an error, not a crash', () => {
    const r = parse(constraint({ parameters: { x: 'a' } }), t({ type: 'string', pattern: '(' }));
    expect(errorOf(r).message).toMatch(/^invalid Constraint: parameters schema of template "K8sRequired" cannot be used/);
  });
});

describe('unknown fields (ErrInvalidConstraint, not ErrSchema)', () => {
  it('are listed sorted, wherever they are', () => {
    expect(errorOf(parse(constraint({ parameters: { unknown: 1, nested: { zz: 1 } } })))).toEqual({
      message: 'invalid Constraint: unknown fields: [spec.parameters.nested.zz spec.parameters.unknown]',
      schemaError: false,
    });
    expect(errorOf(parse(constraint({ match: { foo: 1 } }))).message).toBe('invalid Constraint: unknown fields: [spec.match.foo]');
    expect(errorOf(parse(constraint({ foo: 1 }))).message).toBe('invalid Constraint: unknown fields: [spec.foo]');
    expect(errorOf(parse(constraint(undefined, { foo: 1 }))).message).toBe('invalid Constraint: unknown fields: [foo]');
    expect(errorOf(parse(constraint({ match: { kinds: [{ kind: 'Pod' }] } }))).message).toBe('invalid Constraint: unknown fields: [spec.match.kinds[0].kind]');
  });
  it('a template without a parameters schema (v1) accepts no parameters at all', () => {
    const t: TemplateSchemaInfo = { kind: 'K8sRequired', legacySchema: false };
    expect(errorOf(parse(constraint({ parameters: {} }), t)).message).toBe('invalid Constraint: unknown fields: [spec.parameters]');
    ok(parse(constraint({}), t));
  });
  it('legacySchema preserves unknown parameter fields everywhere, still validates known ones', () => {
    const c = ok(parse(constraint({ parameters: { unknown: 1, nested: { zz: 1 } } }), legacy));
    expect(c.parameters).toEqual({ unknown: 1, mode: 'a', nested: { zz: 1, inner: 'in' } });
    expect(errorOf(parse(constraint({ parameters: { count: 'x' } }), legacy)).schemaError).toBe(true);
    // outside parameters unknown fields are still errors
    expect(errorOf(parse(constraint({ parameters: {}, foo: 1 }), legacy)).message).toBe('invalid Constraint: unknown fields: [spec.foo]');
  });
  it('legacySchema without a schema accepts any parameters', () => {
    const t: TemplateSchemaInfo = { kind: 'K8sRequired', legacySchema: true };
    expect(ok(parse(constraint({ parameters: { a: [{ b: 1 }] } }), t)).parameters).toEqual({ a: [{ b: 1 }] });
    const odd = ok(parse(constraint({ parameters: 'text' }), t));
    expect(odd.parameters).toEqual({});
    expect(odd.parametersValue).toBe('text');
  });
  it('legacySchema: arrays without items get preserve-unknown items', () => {
    const t: TemplateSchemaInfo = { kind: 'K8sRequired', legacySchema: true, parametersSchema: { properties: { arr: { type: 'array' } } } };
    expect(ok(parse(constraint({ parameters: { arr: [{ q: 1 }] } }), t)).parameters).toEqual({ arr: [{ q: 1 }] });
  });
});

describe('defaults inside arrays and maps', () => {
  it('item defaults apply to each existing item', () => {
    const t: TemplateSchemaInfo = {
      kind: 'K8sRequired',
      legacySchema: false,
      parametersSchema: { type: 'object', properties: { arr: { type: 'array', items: { type: 'object', properties: { x: { type: 'string', default: 'dx' } } } } } },
    };
    expect(ok(parse(constraint({ parameters: { arr: [{}, { x: 'y' }] } }), t)).parameters).toEqual({ arr: [{ x: 'dx' }, { x: 'y' }] });
    expect(ok(parse(constraint({ parameters: {} }), t)).parameters).toEqual({});
  });
  it('object defaults are themselves defaulted', () => {
    const t: TemplateSchemaInfo = {
      kind: 'K8sRequired',
      legacySchema: false,
      parametersSchema: { type: 'object', properties: { o: { type: 'object', default: {}, properties: { a: { type: 'string', default: 'A' } } } } },
    };
    expect(ok(parse(constraint({ parameters: {} }), t)).parameters).toEqual({ o: { a: 'A' } });
  });
});

describe('selector validation (the target\'s ValidateConstraint, before the schema)', () => {
  const msg = (match: JsonObject): string => {
    const e = errorOf(parse(constraint({ match })));
    expect(e.schemaError).toBe(false);
    return e.message;
  };
  it('bad operators, keys and values under Gatekeeper\'s path "spec.labelSelector" for both selectors', () => {
    expect(msg({ labelSelector: { matchExpressions: [{ key: 'a', operator: 'Foo' }] } })).toBe(
      'invalid Constraint: spec.labelSelector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
    );
    expect(msg({ namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } })).toBe(
      "invalid Constraint: spec.labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    );
  });
  it('wrong types are decoding or accessor errors, not schema errors', () => {
    expect(msg({ labelSelector: { matchLabels: { a: 1 } } })).toBe(
      'invalid Constraint: Could not convert JSON to LabelSelector: json: cannot unmarshal number into Go struct field LabelSelector.matchLabels of type string',
    );
    expect(msg({ labelSelector: 'x' })).toBe(
      'invalid Constraint: .spec.match.labelSelector accessor error: x is of the type string, expected map[string]interface{}',
    );
    expect(msg({ labelSelector: null })).toBe(
      'invalid Constraint: .spec.match.labelSelector accessor error: <nil> is of the type <nil>, expected map[string]interface{}',
    );
    // Go names the path it was trying to read, not the value's own path.
    expect(errorOf(parse(constraint({ match: 'x' }))).message).toBe(
      'invalid Constraint: .spec.match.labelSelector accessor error: x is of the type string, expected map[string]interface{}',
    );
  });
});

describe('enforcement action checks after defaulting', () => {
  it('scoped requires scopedEnforcementActions', () => {
    expect(errorOf(parse(constraint({ enforcementAction: 'scoped' })))).toEqual({
      message: 'missing required field: spec.scopedEnforcementActions must be defined',
      schemaError: false,
    });
  });
});

describe('untrusted input never throws', () => {
  it.each([
    {},
    { apiVersion: 5, kind: [], metadata: 'x' },
    { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: 'K8sRequired', metadata: { name: 'a' }, spec: [] },
    { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: 'K8sRequired', metadata: { name: 'a' }, spec: { parameters: [1], match: { kinds: [[]] } } },
    { apiVersion: 'a/b/c', kind: 'K8sRequired', metadata: { name: 'a' } },
  ] as JsonObject[])('%j', (o) => {
    const r = parse(o);
    expect('error' in r).toBe(true);
  });
});
