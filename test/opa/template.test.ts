// parseTemplate against the real gator: every rule of Gatekeeper's AddTemplate that can be checked without
// compiling gets a bad template, and our message must equal what `gator test` prints for it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { parseTemplate, type TemplateParse } from '../../src/gatekeeper/template.ts';
import { findTool, runTool } from '../../src/opa/tools.ts';

const work = mkdtempSync(join(tmpdir(), 'preadmit-template-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : ' '.repeat(n) + l))
    .join('\n');
}

interface Spec {
  apiVersion?: string;
  name?: string;
  kind?: string;
  /** YAML under spec.crd.spec (besides names). */
  crdExtra?: string;
  /** YAML of spec.targets (a list). */
  targets?: string;
}

const OK_REGO = 'package foo\nviolation[{"msg": "x"}] { false }\n';

function legacyTarget(rego: string, libs: string[] = []): string {
  let y = `- target: admission.k8s.gatekeeper.sh\n  rego: |\n${indent(rego, 4)}`;
  if (libs.length > 0) y += `\n  libs:\n${libs.map((l) => `    - |\n${indent(l, 6)}`).join('\n')}`;
  return y;
}

function codeTarget(engines: string): string {
  return `- target: admission.k8s.gatekeeper.sh\n  code:\n${indent(engines, 4)}`;
}

function templateYaml(s: Spec): string {
  const kind = s.kind ?? 'K8sBad';
  const name = s.name ?? kind.toLowerCase();
  return [
    `apiVersion: ${s.apiVersion ?? 'templates.gatekeeper.sh/v1'}`,
    'kind: ConstraintTemplate',
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    'spec:',
    '  crd:',
    '    spec:',
    '      names:',
    `        kind: ${JSON.stringify(kind)}`,
    ...(s.crdExtra ? [indent(s.crdExtra, 6)] : []),
    '  targets:',
    indent(s.targets ?? legacyTarget(OK_REGO), 4),
    '',
  ].join('\n');
}

function parseYaml(yaml: string, file = 'templates/bad.yaml'): TemplateParse {
  const loaded = loadManifests(yaml, file);
  expect(loaded.errors).toEqual([]);
  expect(loaded.objects).toHaveLength(1);
  return parseTemplate(loaded.objects[0]!);
}

/** What gator says after `adding template "<name>": `, or undefined when it accepts the template. */
async function gatorSays(yaml: string, id: string, flags: string[] = []): Promise<string | undefined> {
  const file = join(work, `${id}.yaml`);
  writeFileSync(file, yaml);
  const res = await runTool(findTool('gator'), ['test', ...flags, '-f', file], { timeoutMs: 60_000 });
  const out = `${res.stdout}${res.stderr}`;
  if (res.exitCode === 0) return undefined;
  const m = /adding template "[^"]*": ([\s\S]*)$/.exec(out);
  if (!m) throw new Error(`unexpected gator output: ${out}`);
  return m[1]!.trim();
}

function ourMessage(parsed: TemplateParse): string | undefined {
  if (!('error' in parsed)) return undefined;
  const m = /^[^:]+:\d+: adding template "[^"]*": ([\s\S]*)$/.exec(parsed.error.message);
  if (!m) throw new Error(`unexpected message shape: ${parsed.error.message}`);
  return m[1]!.trim();
}

const rejected: [string, Spec][] = [
  ['no targets', { targets: '[]' }],
  ['two targets', { targets: `${legacyTarget(OK_REGO)}\n${legacyTarget(OK_REGO)}` }],
  ['empty target name', { targets: `- rego: |\n${indent(OK_REGO, 4)}` }],
  ['unknown target', { targets: legacyTarget(OK_REGO).replace('admission.k8s.gatekeeper.sh', 'foo.bar') }],
  ['empty kind', { kind: '', name: 'foo' }],
  ['name is not lower(kind)', { name: 'other' }],
  ['kind not a DNS-1035 label', { kind: 'K8s_Bad' }],
  ['kind with a dot', { kind: 'K8s.Bad' }],
  ['untyped v1 schema', { crdExtra: 'validation:\n  openAPIV3Schema:\n    properties:\n      foo: {}' }],
  [
    'properties with additionalProperties',
    {
      crdExtra:
        'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      foo:\n        type: object\n        properties:\n          a: {type: string}\n        additionalProperties: {type: string}',
    },
  ],
  ['unknown schema type', { crdExtra: 'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      foo:\n        type: strin' }],
  ['schema $ref', { crdExtra: 'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      x:\n        $ref: "#/definitions/a"' }],
  ['array without items', { crdExtra: 'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      x:\n        type: array' }],
  ['default of the wrong type', { crdExtra: 'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      x:\n        type: string\n        default: 3' }],
  ['no violation rule', { targets: legacyTarget('package foo\ndeny[{"msg": "x"}] { false }\n') }],
  ['lib package exactly lib', { targets: legacyTarget(OK_REGO, ['package lib\nx := 1\n']) }],
  ['lib package outside lib', { targets: legacyTarget(OK_REGO, ['package other.x\nx := 1\n']) }],
  [
    'data refs outside data.lib / data.inventory',
    { targets: legacyTarget('package foo\nviolation[{"msg": "x"}] { data.foo.bar == 1; data.constraints.x }\n') },
  ],
  ['bare data and data[var]', { targets: legacyTarget('package foo\nviolation[{"msg": "x"}] { x := data; data[y].z }\n') }],
  ['disallowed ref in a lib', { targets: legacyTarget('package x\nimport data.lib.a\nviolation[{"msg": "x"}] { a.x }\n', ['package lib.a\nx := data.y\n']) }],
  ['import of data outside lib', { targets: legacyTarget('package foo\nimport data.foo\nviolation[{"msg": "x"}] { false }\n') }],
  ['import of data.inventory', { targets: legacyTarget('package foo\nimport data.inventory\nviolation[{"msg": "x"}] { false }\n') }],
  ['import of input', { targets: legacyTarget('package foo\nimport input.review\nviolation[{"msg": "x"}] { false }\n') }],
  ['import rego.v1 (v0)', { targets: legacyTarget('package foo\nimport rego.v1\nviolation contains {"msg": "x"} if { false }\n') }],
  [
    'import rego.v1 (v1 code)',
    {
      targets: codeTarget(
        '- engine: Rego\n  source:\n    version: v1\n    rego: |\n      package foo\n      import rego.v1\n      violation contains {"msg": "x"} if { false }\n',
      ),
    },
  ],
  ['bad import in a lib comes first', { targets: legacyTarget('package x\nimport data.lib.a\nviolation[{"msg": "x"}] { data.foo }\n', ['package lib.a\nimport data.bad\nx := data.y\n']) }],
  ['no package', { targets: legacyTarget('violation[{"msg": "x"}] { false }\n') }],
  ['lib without package', { targets: legacyTarget(OK_REGO, ['x := 1\n']) }],
  ['empty rego', { targets: codeTarget('- engine: Rego\n  source:\n    rego: ""\n') }],
  ['comment-only rego', { targets: codeTarget('- engine: Rego\n  source:\n    rego: "# hi\\n"\n') }],
  ['empty lib', { targets: legacyTarget(OK_REGO, ['# nothing\n']) }],
  ['rego that is not a string', { targets: codeTarget('- engine: Rego\n  source:\n    rego: 3\n') }],
  ['no known engine', { targets: codeTarget('- engine: Foo\n  source: {}\n') }],
  // The CEL driver's AddTemplate (K8sNativeValidation source decoding and reserved names).
  ['CEL variable named params', { targets: codeTarget(celSource('variables:\n  - name: params\n    expression: "1"\n')) }],
  ['CEL variable named anyObject', { targets: codeTarget(celSource('variables:\n  - name: anyObject\n    expression: "1"\n')) }],
  ['CEL variable with the reserved prefix', { targets: codeTarget(celSource('variables:\n  - name: gatekeeper_internal_x\n    expression: "1"\n')) }],
  ['CEL match condition with the reserved prefix', { targets: codeTarget(celSource('matchCondition:\n  - name: gatekeeper_internal_m\n    expression: "true"\n')) }],
  ['CEL unknown failure policy', { targets: codeTarget(celSource('failurePolicy: Sometimes\n')) }],
  ['CEL failure policy not a string', { targets: codeTarget(celSource('failurePolicy: 3\n')) }],
  ['CEL validations not a list', { targets: codeTarget(celSource('validations: {a: 1}\n')) }],
  ['CEL validations a number', { targets: codeTarget(celSource('validations: 3\n')) }],
  ['CEL validation not an object', { targets: codeTarget(celSource('validations: ["x"]\n')) }],
  ['CEL expression not a string', { targets: codeTarget(celSource('validations:\n  - expression: 1\n')) }],
  ['CEL generateVAP not a bool', { targets: codeTarget(celSource('generateVAP: "yes"\n')) }],
  ['CEL source not an object', { targets: codeTarget('- engine: K8sNativeValidation\n  source: "just text"\n') }],
  ['CEL source problem wins over good Rego', { targets: codeTarget(`${celSource('failurePolicy: Never\n')}- engine: Rego\n  source:\n    rego: |\n${indent(OK_REGO, 6)}`) }],
];

/** A K8sNativeValidation code entry whose source is `body` (YAML). */
function celSource(body: string): string {
  return `- engine: K8sNativeValidation\n  source:\n${indent(body, 4)}`;
}

describe('parseTemplate rejects what Gatekeeper rejects, with gator\'s message', () => {
  it.each(rejected)('%s', async (id, spec) => {
    const yaml = templateYaml(spec);
    const parsed = parseYaml(yaml);
    const ours = ourMessage(parsed);
    const gator = await gatorSays(yaml, id.replace(/\W+/g, '-'));
    expect(gator).toBeDefined();
    expect(ours).toBe(gator);
  });
});

describe('parseTemplate accepts what Gatekeeper accepts', () => {
  const accepted: [string, Spec][] = [
    ['a plain v1 template', {}],
    ['untyped schema under v1beta1 (legacy schema)', { apiVersion: 'templates.gatekeeper.sh/v1beta1', crdExtra: 'validation:\n  openAPIV3Schema:\n    properties:\n      foo: {}' }],
    ['explicit legacySchema: true on v1', { crdExtra: 'validation:\n  legacySchema: true\n  openAPIV3Schema:\n    properties:\n      x: {}' }],
    [
      'libs importing libs, data.lib["b"], data.inventory, future keywords, strings that mention data.foo',
      {
        targets: legacyTarget(
          'package foo\nimport data.lib.a\nimport future.keywords.in\n# data.foo in a comment\nviolation[{"msg": m}] { m := a.f(1); s := "data.foo"; r := `data.bar` }\n',
          ['package lib.a\nimport data.lib.b.g\nf(x) = y { y := g(x) }\n', 'package lib.b\ng(x) = "hi" { data.lib["b"].z; true }\nz { data.inventory.cluster }\n'],
        ),
      },
    ],
  ];
  it.each(accepted)('%s', async (id, spec) => {
    const yaml = templateYaml(spec);
    const parsed = parseYaml(yaml);
    expect(ourMessage(parsed)).toBeUndefined();
    expect(await gatorSays(yaml, `ok-${id.replace(/\W+/g, '-').slice(0, 40)}`)).toBeUndefined();
  });
});

describe('parseTemplate fields', () => {
  it('reads a v1 template and defaults legacySchema to false', () => {
    const parsed = parseYaml(
      templateYaml({
        kind: 'K8sRequiredLabels',
        crdExtra: 'validation:\n  openAPIV3Schema:\n    type: object\n    properties:\n      labels:\n        type: array\n        items: {type: string}',
        targets: `${legacyTarget(OK_REGO, ['package lib.x\ny := 1\n'])}\n  operations: [CREATE, UPDATE]`,
      }),
      'policies/required-labels.yaml',
    );
    if (!('template' in parsed)) throw new Error(parsed.error.message);
    const t = parsed.template;
    expect(t).toMatchObject({
      apiVersion: 'templates.gatekeeper.sh/v1',
      name: 'k8srequiredlabels',
      kind: 'K8sRequiredLabels',
      legacySchema: false,
      target: 'admission.k8s.gatekeeper.sh',
      engines: ['Rego'],
      operations: ['CREATE', 'UPDATE'],
      rego: { rego: OK_REGO, libs: ['package lib.x\ny := 1\n'], version: 'v0' },
    });
    expect(t.parametersSchema).toEqual({ type: 'object', properties: { labels: { type: 'array', items: { type: 'string' } } } });
    expect(t.source.file).toBe('policies/required-labels.yaml');
  });

  it('defaults legacySchema to true for v1beta1 and v1alpha1', () => {
    for (const v of ['v1beta1', 'v1alpha1']) {
      const parsed = parseYaml(templateYaml({ apiVersion: `templates.gatekeeper.sh/${v}` }));
      if (!('template' in parsed)) throw new Error(parsed.error.message);
      expect(parsed.template.legacySchema).toBe(true);
    }
  });

  it('lets legacy rego win over code[Rego] and marks it v0', () => {
    const targets =
      `- target: admission.k8s.gatekeeper.sh\n  rego: |\n${indent(OK_REGO, 4)}\n  code:\n` +
      `    - engine: Rego\n      source:\n        version: v1\n        rego: |\n          package other\n          violation contains {"msg": "y"} if { true }\n`;
    const parsed = parseYaml(templateYaml({ targets }));
    if (!('template' in parsed)) throw new Error(parsed.error.message);
    expect(parsed.template.rego).toEqual({ rego: OK_REGO, libs: [], version: 'v0' });
    expect(parsed.template.engines).toEqual(['Rego']);
  });

  it('reads code[Rego] version v1, and treats any other version as v0', () => {
    for (const [version, want] of [['v1', 'v1'], ['v0', 'v0'], ['', 'v0'], ['v2', 'v0']] as const) {
      const parsed = parseYaml(
        templateYaml({ targets: codeTarget(`- engine: Rego\n  source:\n    version: "${version}"\n    rego: |\n${indent(OK_REGO, 6)}`) }),
      );
      if (!('template' in parsed)) throw new Error(parsed.error.message);
      expect(parsed.template.rego?.version).toBe(want);
    }
  });

  it('accepts a CEL-only template and evaluates it with CEL, as gator does', async () => {
    const yaml = templateYaml({
      targets: codeTarget(celSource('failurePolicy: Ignore\nmatchCondition:\n  - name: m\n    expression: "true"\nvariables:\n  - name: v\n    expression: "1"\nvalidations:\n  - expression: "false"\n    message: nope\n    messageExpression: \'"why"\'\n')),
    });
    const parsed = parseYaml(yaml);
    if (!('template' in parsed)) throw new Error(parsed.error.message);
    expect(parsed.template.rego).toBeUndefined();
    expect(parsed.template.cel).toEqual({
      failurePolicy: 'Ignore',
      matchConditions: [{ name: 'm', expression: 'true' }],
      variables: [{ name: 'v', expression: '1' }],
      validations: [{ expression: 'false', message: 'nope', messageExpression: '"why"' }],
    });
    expect(await gatorSays(yaml, 'cel-only')).toBeUndefined();
  });

  it('with CEL disabled (--enable-k8s-native-validation=false): Rego for CEL+Rego, no driver for CEL-only', async () => {
    const celOnly = templateYaml({ targets: codeTarget(celSource('validations:\n  - expression: "false"\n')) });
    const loaded = loadManifests(celOnly, 'templates/bad.yaml');
    const off = parseTemplate(loaded.objects[0]!, { cel: false });
    expect(ourMessage(off)).toBe(await gatorSays(celOnly, 'cel-only-disabled', ['--enable-k8s-native-validation=false']));
    const both = templateYaml({ targets: codeTarget(`${celSource('validations:\n  - expression: "false"\n')}- engine: Rego\n  source:\n    rego: |\n${indent(OK_REGO, 6)}`) });
    const parsed = parseTemplate(loadManifests(both, 't.yaml').objects[0]!, { cel: false });
    if (!('template' in parsed)) throw new Error(parsed.error.message);
    expect(parsed.template.cel).toBeUndefined();
    expect(parsed.template.rego?.rego).toBe(OK_REGO);
  });

  it('keeps a CEL+Rego template, lists both engines, and notes (not fails on) bad Rego', () => {
    const parsed = parseYaml(
      templateYaml({
        targets: codeTarget(
          '- engine: K8sNativeValidation\n  source:\n    validations:\n      - expression: "false"\n        message: nope\n' +
            '- engine: Rego\n  source:\n    rego: |\n      package x\n      violation[{"msg": "x"}] { data.foo }\n',
        ),
      }),
    );
    if (!('template' in parsed)) throw new Error(parsed.error.message);
    expect(parsed.template.engines).toEqual(['K8sNativeValidation', 'Rego']);
    // CEL is registered first in Gatekeeper and gator: it is the engine, the Rego is never compiled.
    expect(parsed.template.cel?.validations).toEqual([{ expression: 'false', message: 'nope', messageExpression: '' }]);
    expect(parsed.template.rego).toBeUndefined();
    expect(parsed.template.regoError).toMatch(/disallowed ref data\.foo/);
  });

  it('names the file and line of the template in the error', () => {
    const yaml = `# leading comment\n---\n${templateYaml({ targets: '[]' })}`;
    const parsed = parseYaml(yaml, 'deploy/templates.yaml');
    if (!('error' in parsed)) throw new Error('expected an error');
    expect(parsed.error.message).toMatch(/^deploy\/templates\.yaml:3: adding template "k8sbad": invalid ConstraintTemplate: must declare exactly one target$/);
    expect(parsed.error.source?.startLine).toBe(3);
  });

  it('turns wrongly typed fields into errors, never exceptions', () => {
    const bad = [
      { spec: 'nope' },
      { spec: { crd: { spec: { names: { kind: 3 } } }, targets: [] } },
      { spec: { crd: { spec: { names: { kind: 'K' }, validation: { openAPIV3Schema: 'hello' } } }, targets: [] } },
      { spec: { crd: { spec: { names: { kind: 'K' } } }, targets: 'x' } },
      { spec: { crd: { spec: { names: { kind: 'K' } } }, targets: [{ target: 'admission.k8s.gatekeeper.sh', code: [{ engine: 'Rego' }] }] } },
      { spec: { crd: { spec: { names: { kind: 'K' } } }, targets: [{ target: 'admission.k8s.gatekeeper.sh', code: [{ engine: 'Rego', source: { rego: 'package x\nviolation[1]{true}', libs: [1] } }] }] } },
    ];
    for (const spec of bad) {
      const object = { apiVersion: 'templates.gatekeeper.sh/v1', kind: 'ConstraintTemplate', metadata: { name: 'k' }, ...spec };
      const parsed = parseTemplate({ object: object as never, source: { file: 'f.yaml', startLine: 7, endLine: 9 } });
      expect('error' in parsed, JSON.stringify(spec)).toBe(true);
      if ('error' in parsed) expect(parsed.error.message.startsWith('f.yaml:7: ')).toBe(true);
    }
  });
});
