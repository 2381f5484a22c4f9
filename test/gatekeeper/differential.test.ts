// The model against the real `gator test -o json`: same matches, same autoreject messages, same
// defaulted constraints, same constraint errors.
import { describe, expect, it } from 'vitest';
import { parseConstraint, type Constraint, type TemplateSchemaInfo } from '../../src/gatekeeper/constraint.ts';
import { actionsForEnforcementPoint, ENFORCEMENT_POINTS, isDenyResult } from '../../src/gatekeeper/enforcement.ts';
import { matchConstraint } from '../../src/gatekeeper/match.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { alwaysTemplate, constraintError, runGator, splitSchemaErrors } from './gator.ts';

const source = { file: 'in.yaml', startLine: 1, endLine: 1 };
const KIND = 'K8sAlways';

function meta(o: JsonObject): JsonObject {
  const m = o.metadata;
  return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : {};
}
const str = (v: JsonObject[string] | undefined): string => (typeof v === 'string' ? v : '');

/**
 * The Namespace `gator test` supplies with each review (`Expander.NamespaceForResource`): an empty
 * Namespace for objects without namespace, an input Namespace by name, a bare `default`, else none.
 */
function gatorNamespaceFor(o: JsonObject, namespaces: Map<string, JsonObject>): JsonObject | null {
  const ns = str(meta(o).namespace);
  if (ns === '') return {};
  const found = namespaces.get(ns);
  if (found !== undefined) return found;
  if (ns === 'default') return { metadata: { name: 'default' } };
  return null;
}

function constraintOf(o: JsonObject, t: TemplateSchemaInfo): Constraint {
  const r = parseConstraint({ object: o, source }, t);
  if (!('constraint' in r)) throw new Error(r.error.message);
  return r.constraint;
}

/** What the model predicts gator reports: one line per (constraint, object) result, and the exit code. */
function predict(objects: JsonObject[], constraints: Constraint[]): { lines: string[]; exitCode: number } {
  const namespaces = new Map<string, JsonObject>();
  for (const o of objects) if (o.kind === 'Namespace' && o.apiVersion === 'v1') namespaces.set(str(meta(o).name), o);
  const lines: string[] = [];
  let deny = false;
  for (const o of objects) {
    for (const c of constraints) {
      const actions = actionsForEnforcementPoint(c, ENFORCEMENT_POINTS.gator);
      if (!actions.evaluate) continue;
      const r = matchConstraint(c.match, {
        object: o,
        oldObject: null,
        namespace: gatorNamespaceFor(o, namespaces),
        source: 'Original',
        namespaceLookup: (n) => namespaces.get(n),
      });
      let msg: string;
      if ('error' in r) msg = r.autorejectMessage ?? r.error;
      else if (r.matched) msg = 'hit {}';
      else continue;
      lines.push(line(c.name, o, msg, actions.enforcementAction, actions.scopedActions));
      deny ||= isDenyResult(actions.enforcementAction, actions.scopedActions);
    }
  }
  return { lines: lines.sort(), exitCode: deny ? 1 : 0 };
}

function line(constraint: string, o: JsonObject, msg: string, action: string, scoped?: string[]): string {
  const m = meta(o);
  return `${constraint} | ${str(o.kind)} ${str(m.namespace)}/${str(m.name) || `(${str(m.generateName)})`} | ${action}${scoped ? ` ${JSON.stringify([...scoped].sort())}` : ''} | ${msg}`;
}

const ns = (name: string, labels: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const pod = (metadata: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata });
const constraintObj = (name: string, spec: JsonObject): JsonObject => ({
  apiVersion: 'constraints.gatekeeper.sh/v1beta1',
  kind: KIND,
  metadata: { name },
  spec,
});

describe('matching agrees with gator test', () => {
  it('every rule, over namespaced, cluster-scoped, Namespace and generateName objects', () => {
    const specs: JsonObject[] = [
      {},
      { match: {} },
      { match: { kinds: [{ apiGroups: [''], kinds: ['Pod'] }] } },
      { match: { kinds: [{ apiGroups: ['*'], kinds: ['Namespace'] }] } },
      { match: { kinds: [{ apiGroups: ['apps'], kinds: ['*'] }], namespaces: ['pro*'] } },
      { match: { scope: 'Cluster' } },
      { match: { scope: 'Namespaced' } },
      { match: { scope: 'cluster', kinds: [{ kinds: ['Pod', 'ClusterRole'] }] } },
      { match: { scope: '*', kinds: [{ kinds: ['ClusterRole'] }] } },
      { match: { namespaces: ['prod'] } },
      { match: { namespaces: ['*'] } },
      { match: { namespaces: ['*ev'] } },
      { match: { excludedNamespaces: ['prod'] } },
      { match: { excludedNamespaces: ['*'] } },
      { match: { excludedNamespaces: ['kube-*', 'ghost'], scope: 'Namespaced' } },
      { match: { labelSelector: { matchLabels: { app: 'web' } } } },
      { match: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } } },
      { match: { namespaceSelector: { matchLabels: { env: 'prod' } } } },
      { match: { namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, kinds: [{ kinds: ['Namespace', 'ClusterRole'] }] } },
      { match: { name: 'web-*' } },
      { match: { name: '*-web' } },
      { match: { name: '*eb*' } },
      { match: { source: 'Original', kinds: [{ kinds: ['Pod'] }] } },
      { match: { source: 'Generated' } },
      { match: { source: 'All', kinds: [{ kinds: ['Namespace'] }] } },
      { enforcementAction: 'warn', match: { kinds: [{ kinds: ['ClusterRole'] }] } },
      { enforcementAction: 'dryrun', match: { kinds: [{ kinds: ['ClusterRole'] }] } },
      {
        enforcementAction: 'scoped',
        scopedEnforcementActions: [
          { action: 'warn', enforcementPoints: [{ name: 'gator.gatekeeper.sh' }] },
          { action: 'dryrun', enforcementPoints: [{ name: '*' }] },
        ],
        match: { kinds: [{ kinds: ['ClusterRole'] }] },
      },
      {
        enforcementAction: 'scoped',
        scopedEnforcementActions: [{ action: 'deny', enforcementPoints: [{ name: 'validation.gatekeeper.sh' }] }],
      },
    ];
    const constraintObjects = specs.map((s, i) => constraintObj(`m-${String(i).padStart(2, '0')}`, s));
    const template = alwaysTemplate(KIND);
    const workload: JsonObject[] = [
      ns('prod', { env: 'prod' }),
      ns('dev', { team: 'a' }),
      pod({ name: 'web-1', namespace: 'prod', labels: { app: 'web' } }),
      pod({ name: 'api', namespace: 'default', labels: { app: 'api' } }),
      pod({ name: 'lost-web', namespace: 'ghost' }),
      pod({ generateName: 'web-', namespace: 'dev' }),
      pod({ name: 'loose-web' }),
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', labels: { app: 'web' } } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' } },
    ];
    const all = [template, ...constraintObjects, ...workload];
    const run = runGator(all);
    expect(run.results, run.errorText).toBeDefined();
    const actual = (run.results ?? [])
      .map((r) => line(str(meta(r.constraint).name), r.violatingObject, r.msg, r.enforcementAction, r.scopedActions))
      .sort();

    const info: TemplateSchemaInfo = { kind: KIND, legacySchema: false };
    const predicted = predict(all, constraintObjects.map((o) => constraintOf(o, info)));
    expect(actual).toEqual(predicted.lines);
    expect(run.exitCode).toBe(predicted.exitCode);
    // The scenario must exercise what it claims to: autorejects, generateName and skipped scoped constraints.
    expect(predicted.lines.some((l) => l.includes('missing Namespace'))).toBe(true);
    expect(predicted.lines.some((l) => l.startsWith('m-19') && l.includes('(web-)'))).toBe(true);
    expect(predicted.lines.some((l) => l.startsWith('m-28'))).toBe(false);
  });

  it('no deny results: exit code 0', () => {
    const c = constraintObj('only-warn', { enforcementAction: 'warn' });
    const objects = [alwaysTemplate(KIND), c, pod({ name: 'p', namespace: 'default' })];
    const run = runGator(objects);
    const predicted = predict(objects, [constraintOf(c, { kind: KIND, legacySchema: false })]);
    expect(run.exitCode).toBe(predicted.exitCode);
    expect(predicted.exitCode).toBe(0);
    expect((run.results ?? []).length).toBe(predicted.lines.length);
  });
});

describe('defaulted constraints agree with gator test', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      mode: { type: 'string', default: 'strict' },
      limits: {
        type: 'object',
        properties: { cpu: { type: 'string', default: '1' }, extra: { type: 'object', properties: { x: { type: 'integer', default: 3 } } } },
      },
      rules: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, level: { type: 'integer', default: 1 } } } },
      absent: { type: 'object', default: {}, properties: { inner: { type: 'string', default: 'in' } } },
    },
  };
  const cases: Array<[string, TemplateSchemaInfo & { apiVersion: string }, JsonObject | undefined]> = [
    ['v1, parameters with nested objects', { kind: KIND, legacySchema: false, parametersSchema: schema, apiVersion: 'v1' }, { parameters: { limits: {}, rules: [{ name: 'a' }, { name: 'b', level: 5 }] } }],
    ['v1, empty parameters', { kind: KIND, legacySchema: false, parametersSchema: schema, apiVersion: 'v1' }, { parameters: {} }],
    ['v1, spec without parameters', { kind: KIND, legacySchema: false, parametersSchema: schema, apiVersion: 'v1' }, { match: { kinds: [{ kinds: ['Pod'] }] } }],
    ['v1, no spec', { kind: KIND, legacySchema: false, parametersSchema: schema, apiVersion: 'v1' }, undefined],
    ['v1beta1 (legacy), unknown fields kept', { kind: KIND, legacySchema: true, parametersSchema: schema, apiVersion: 'v1beta1' }, { parameters: { other: [1], limits: { mem: 'x' } } }],
    ['v1beta1 (legacy), no schema', { kind: KIND, legacySchema: true, apiVersion: 'v1beta1' }, { parameters: { anything: { goes: true } }, enforcementAction: 'warn' }],
  ];
  it.each(cases)('%s', (_name, info, spec) => {
    const c: JsonObject = { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: KIND, metadata: { name: 'defaults' }, ...(spec ? { spec } : {}) };
    const template = alwaysTemplate(KIND, { apiVersion: info.apiVersion, ...(info.parametersSchema ? { schema: info.parametersSchema } : {}) });
    const run = runGator([template, c, pod({ name: 'p', namespace: 'default' })]);
    expect(run.results, run.errorText).toBeDefined();
    const printed = run.results?.find((r) => r.violatingObject.kind === 'Pod');
    expect(printed).toBeDefined();
    const model = constraintOf(c, info);
    expect(model.object).toEqual(printed?.constraint);
    expect(model.enforcementAction).toBe(printed?.enforcementAction);
  });
});

describe('constraint errors agree with gator test', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      count: { type: 'integer', minimum: 1 },
      mode: { type: 'string', enum: ['a', 'b'] },
      name: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' },
      list: { type: 'array', maxItems: 2, items: { type: 'string' } },
      nested: { type: 'object', properties: { inner: { type: 'string' } } },
    },
  };
  const v1: TemplateSchemaInfo & { apiVersion: string } = { kind: KIND, legacySchema: false, parametersSchema: schema, apiVersion: 'v1' };
  const legacy: TemplateSchemaInfo & { apiVersion: string } = { kind: KIND, legacySchema: true, parametersSchema: schema, apiVersion: 'v1beta1' };
  const noSchema: TemplateSchemaInfo & { apiVersion: string } = { kind: KIND, legacySchema: false, apiVersion: 'v1' };
  const base = (more: JsonObject): JsonObject => ({ apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: KIND, metadata: { name: 'bad' }, ...more });
  const cases: Array<[string, TemplateSchemaInfo & { apiVersion: string }, JsonObject]> = [
    ['v1 constraint version', v1, base({ apiVersion: 'constraints.gatekeeper.sh/v1' })],
    ['bad name', v1, base({ metadata: { name: 'Bad_Name' } })],
    ['long name', v1, base({ metadata: { name: 'n'.repeat(70) } })],
    ['kind case differs', v1, base({ kind: KIND.toLowerCase() })],
    ['bad namespace glob', v1, base({ spec: { match: { namespaces: ['Foo', 'a*b'] } } })],
    ['bad name glob', v1, base({ spec: { match: { name: 'x*y' } } })],
    ['bad source', v1, base({ spec: { match: { source: 'Both' } } })],
    ['kinds not a list', v1, base({ spec: { match: { kinds: 'Pod' } } })],
    ['scope not a string', v1, base({ spec: { match: { scope: 1 } } })],
    ['unknown match field', v1, base({ spec: { match: { namespace: ['x'] } } })],
    ['unknown top-level field', v1, base({ specs: {} })],
    ['bad selector operator', v1, base({ spec: { match: { labelSelector: { matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] } } } })],
    ['bad namespaceSelector label', v1, base({ spec: { match: { namespaceSelector: { matchLabels: { 'a b': 'x' } } } } })],
    ['selector with number label', v1, base({ spec: { match: { labelSelector: { matchLabels: { a: 1 } } } } })],
    ['selector null', v1, base({ spec: { match: { namespaceSelector: null } } })],
    ['selector missing key', v1, base({ spec: { match: { labelSelector: { matchExpressions: [{ operator: 'Exists' }] } } } })],
    ['parameter wrong type', v1, base({ spec: { parameters: { count: 'x' } } })],
    ['parameter float for integer', v1, base({ spec: { parameters: { count: 1.5 } } })],
    ['parameter below minimum', v1, base({ spec: { parameters: { count: 0 } } })],
    ['parameter enum', v1, base({ spec: { parameters: { mode: 'c' } } })],
    ['parameter too long and bad pattern', v1, base({ spec: { parameters: { name: 'ABCD' } } })],
    ['parameter too many items', v1, base({ spec: { parameters: { list: ['a', 'b', 'c'] } } })],
    ['several schema errors', v1, base({ spec: { enforcementAction: 1, parameters: { count: 'x', nested: 'y' } } })],
    ['unknown parameter fields', v1, base({ spec: { parameters: { other: 1, nested: { zz: 1 } } } })],
    ['unknown parameter fields are fine with legacySchema', legacy, base({ spec: { parameters: { other: 1, nested: { zz: 1 } } } })],
    ['legacySchema still type-checks', legacy, base({ spec: { parameters: { count: 'x' } } })],
    ['parameters without a schema', noSchema, base({ spec: { parameters: {} } })],
    ['parameters null', v1, base({ spec: { parameters: null } })],
    ['scoped without scopedEnforcementActions', v1, base({ spec: { enforcementAction: 'scoped' } })],
    ['spec null', v1, base({ spec: null })],
  ];
  it.each(cases)('%s', (_name, info, c) => {
    const template = alwaysTemplate(KIND, { apiVersion: info.apiVersion, ...(info.parametersSchema ? { schema: info.parametersSchema } : {}) });
    const run = runGator([template, c]);
    const gatorError = constraintError(run, str(meta(c).name));
    const model = parseConstraint({ object: c, source }, info);
    if (gatorError === undefined) {
      expect(run.exitCode === 0 || run.results !== undefined, run.errorText).toBe(true);
      expect('constraint' in model).toBe(true);
      return;
    }
    if (!('error' in model)) throw new Error(`model accepted what gator rejected: ${gatorError}`);
    const marker = `adding constraint ${JSON.stringify(str(meta(c).name))}: `;
    const ours = model.error.message.slice(model.error.message.indexOf(marker) + marker.length);
    expect(model.error.message.startsWith('in.yaml:1: ')).toBe(true);
    expect(model.schemaError).toBe(gatorError.startsWith('schema validation failed: '));
    if (model.schemaError) expect(splitSchemaErrors(ours)).toEqual(splitSchemaErrors(gatorError));
    else expect(ours).toBe(gatorError);
  });
});
