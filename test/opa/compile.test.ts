// Compiling templates with the real opa: shared builds, isolation between templates, error attribution,
// forbidden builtins and the disk cache.
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RegoCode } from '../../src/gatekeeper/template.ts';
import {
  createCompiler,
  isCompiled,
  type CompiledTemplate,
  type CompileOutcome,
} from '../../src/opa/compile.ts';
import { findTool, runTool } from '../../src/opa/tools.ts';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const v0 = (rego: string, libs: string[] = []): RegoCode => ({ rego, libs, version: 'v0' });
const v1 = (rego: string, libs: string[] = []): RegoCode => ({ rego, libs, version: 'v1' });

function compiled(outcome: CompileOutcome | undefined): CompiledTemplate {
  if (outcome === undefined) throw new Error('no outcome');
  if (!isCompiled(outcome)) throw new Error(`compile failed: ${outcome.error}`);
  return outcome;
}

function failed(outcome: CompileOutcome | undefined): string {
  if (outcome === undefined) throw new Error('no outcome');
  if (isCompiled(outcome)) throw new Error('expected a compile error');
  return outcome.error;
}

/**
 * The messages the template's hook yields for `input` (`{review, parameters}`), evaluated for one
 * constraint as Gatekeeper's hook does.
 */
async function violations(t: CompiledTemplate, input: { review?: unknown; parameters?: unknown }, data: object = {}): Promise<string[]> {
  const policy = await loadPolicy(t.module.wasm);
  expect(Object.keys(policy.entrypoints as Record<string, number>)).toContain(t.entrypoint);
  policy.setData(data);
  const hookInput = { review: input.review ?? {}, constraints: [{ key: 0, parameters: input.parameters ?? {} }] };
  const rs = policy.evaluate(hookInput, t.entrypoint) as { result: { msg: string; key: number }[] }[];
  return (rs[0]?.result ?? []).map((r) => r.msg).sort();
}

// Same package name everywhere, same lib package, different lib contents and Rego versions.
const LIB_V0 = 'package lib.helpers\n\ngreeting(name) = msg {\n  msg := sprintf("v0-lib says hi to %v", [name])\n}\n';
const LIB_V1 = 'package lib.helpers\n\ngreeting(name) := msg if {\n  msg := concat("", ["v1-lib says hi to ", name])\n}\n';
const ENTRY_V0 =
  'package k8sclash\n\nimport data.lib.helpers\n\nviolation[{"msg": msg}] {\n  msg := helpers.greeting(input.review.object.metadata.name)\n}\n';
// A lib function called by its full path as a statement stands alone, so Gatekeeper's rewrite reaches it.
const ENTRY_V0_DIRECT =
  'package k8sclash\n\nviolation[{"msg": msg, "details": {}}] {\n  data.lib["helpers"].greeting(input.parameters.who)\n  msg := helpers_msg\n}\n\nhelpers_msg := "direct call works"\n';
// Nested in an assignment it is not rewritten: `undefined function` at compile time, as in gator.
const ENTRY_V0_NESTED_CALL =
  'package k8sclash\n\nviolation[{"msg": msg}] {\n  msg := data.lib.helpers.greeting(input.parameters.who)\n}\n';
const ENTRY_V1 =
  'package k8sclash\n\nimport data.lib.helpers\n\nviolation contains {"msg": msg} if {\n  msg := helpers.greeting(input.review.object.metadata.name)\n}\n';
const INVENTORY =
  'package k8sclash\n\nviolation[{"msg": msg}] {\n  some name\n  data.inventory.cluster.v1.Namespace[name]\n  msg := sprintf("namespace %v exists", [name])\n}\n';

describe('createCompiler with the real opa', () => {
  it('compiles v0 and v1 templates with clashing packages and different lib versions side by side', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const out = await compiler.compile([
      { key: 'clash-v0', code: v0(ENTRY_V0, [LIB_V0]) },
      { key: 'clash-v0-direct', code: v0(ENTRY_V0_DIRECT, [LIB_V0]) },
      { key: 'clash-v1', code: v1(ENTRY_V1, [LIB_V1]) },
      { key: 'inventory', code: v0(INVENTORY) },
    ]);
    expect(out.size).toBe(4);
    const a = compiled(out.get('clash-v0'));
    const b = compiled(out.get('clash-v0-direct'));
    const c = compiled(out.get('clash-v1'));
    const d = compiled(out.get('inventory'));
    // v0 templates share one build, v1 gets its own.
    expect(a.module.id).toBe(b.module.id);
    expect(a.module.id).toBe(d.module.id);
    expect(c.module.id).not.toBe(a.module.id);
    expect(new Set([a.entrypoint, b.entrypoint, c.entrypoint, d.entrypoint]).size).toBe(4);
    // One opa build per Rego version, plus `opa version` and two `opa capabilities` on a cold toolchain.
    expect(compiler.processCount).toBe(5);

    const review = { review: { object: { metadata: { name: 'web' } } }, parameters: { who: 'ops' } };
    expect(await violations(a, review)).toEqual(['v0-lib says hi to web']);
    expect(await violations(b, review)).toEqual(['direct call works']);
    expect(await violations(c, review)).toEqual(['v1-lib says hi to web']);
    expect(await violations(d, review, { inventory: { cluster: { v1: { Namespace: { prod: {} } } } } })).toEqual([
      'namespace prod exists',
    ]);
  });

  it('leaves a lib call nested in an expression unrewritten: undefined function, as Gatekeeper says', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const out = await compiler.compile([{ key: 'nested', code: v0(ENTRY_V0_NESTED_CALL, [LIB_V0]) }]);
    expect(failed(out.get('nested'))).toBe('unable to compile modules: 1 error occurred: template:4: rego_type_error: undefined function data.lib.helpers.greeting');
  });

  it('returns a wasm module and an entrypoint under the private package', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const out = await compiler.compile([{ key: 'x', code: v0(ENTRY_V0, [LIB_V0]) }]);
    const t = compiled(out.get('x'));
    expect(Buffer.from(t.module.wasm.subarray(0, 4)).toString('latin1')).toBe('\0asm');
    expect(t.entrypoint).toMatch(/^preadmit\/t[0-9a-f]{16}\/hook\/violation$/);
  });

  it('gives identical code one package and one entrypoint', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const out = await compiler.compile([
      { key: 'one', code: v0(INVENTORY) },
      { key: 'two', code: v0(INVENTORY) },
    ]);
    expect(compiled(out.get('one')).entrypoint).toBe(compiled(out.get('two')).entrypoint);
  });

  it('rejects http.send and the other network/host builtins, naming the builtin and the template', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const calls: [string, string][] = [
      ['http.send', 'x := http.send({"method": "get", "url": "http://example.com"})'],
      ['net.lookup_ip_addr', 'x := net.lookup_ip_addr("example.com")'],
      ['opa.runtime', 'x := opa.runtime()'],
      ['trace', 'trace("hi")'],
      ['rego.parse_module', 'x := rego.parse_module("a.rego", "package a")'],
      // Non-deterministic: a PR's verdict must not depend on chance.
      ['rand.intn', 'x := rand.intn("seed", 10)'],
      ['uuid.rfc4122', 'x := uuid.rfc4122("seed")'],
    ];
    const out = await compiler.compile([
      ...calls.map(([name, call]) => ({
        key: `k8suses-${name}`,
        code: v0(`package k8suses\n\nviolation[{"msg": "m"}] {\n  ${call}\n}\n`),
      })),
      { key: 'fine', code: v0(INVENTORY) },
    ]);
    for (const [name] of calls) {
      const err = failed(out.get(`k8suses-${name}`));
      expect(err).toContain(`template "k8suses-${name}"`);
      expect(err).toContain(`builtin ${name}`);
      expect(err).toContain(`template:4: rego_type_error: undefined function ${name}`);
    }
    compiled(out.get('fine'));
  });

  it("refuses what only a later OPA than Gatekeeper's knows (the `and` future keyword), as Gatekeeper's OPA does", async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const out = await compiler.compile([
      { key: 'and', code: v0('package k8sand\nimport future.keywords.and\nviolation[{"msg": "m"}] { true }\n') },
      { key: 'in', code: v0('package k8sin\nimport future.keywords.in\nviolation[{"msg": "m"}] { 1 in [1] }\n') },
    ]);
    // OPA v1.17.1 (opa-gatekeeper check) says the same of this module.
    expect(failed(out.get('and'))).toContain('template:2: rego_parse_error: unexpected keyword, must be one of [contains every if in not]');
    compiled(out.get('in'));
  });

  it('fails only the template with a syntax error, on its own line numbers, in a shared batch', async () => {
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const broken = 'package k8sbroken\n\n# a comment\nviolation[{"msg": msg}] {\n  msg := \n}\n';
    const brokenLib = 'package lib.helpers\n\ngreeting(name) = msg {\n  msg := [\n}\n';
    const out = await compiler.compile([
      { key: 'good-1', code: v0(ENTRY_V0, [LIB_V0]) },
      { key: 'broken', code: v0(broken) },
      { key: 'broken-lib', code: v0(ENTRY_V0, [LIB_V0.replace('v0-lib', 'other'), brokenLib]) },
      { key: 'unsafe', code: v0('package k8sunsafe\nviolation[{"msg": x}] { y := 1 }\n') },
      { key: 'good-2', code: v0(INVENTORY) },
      { key: 'good-v1', code: v1(ENTRY_V1, [LIB_V1]) },
    ]);
    compiled(out.get('good-1'));
    compiled(out.get('good-2'));
    compiled(out.get('good-v1'));
    expect(failed(out.get('broken'))).toMatch(/^invalid ConstraintTemplate: 1 error occurred: template:6: rego_parse_error: /);
    expect(out.get('broken')).toMatchObject({ location: { module: 'template', line: 6 } });
    expect(failed(out.get('broken-lib'))).toMatch(/libs\["lib_1"\]:\d+: rego_parse_error/);
    // Gatekeeper (gator test) says exactly this for the same template.
    expect(failed(out.get('unsafe'))).toBe('unable to compile modules: 1 error occurred: template:2: rego_unsafe_var_error: var x is unsafe');
    expect(failed(out.get('unsafe'))).not.toMatch(/preadmit\.t[0-9a-f]/);
  });

  it("matches gator's compile error for the same template", async () => {
    const rego = 'package k8sbad\nviolation[{"msg": "x"}] { foo.bar(1) }\n';
    const compiler = createCompiler({ cacheDir: tempDir('preadmit-cache-') });
    const ours = failed((await compiler.compile([{ key: 'k8sbad', code: v0(rego) }])).get('k8sbad'));
    const dir = tempDir('preadmit-gator-');
    const file = join(dir, 't.yaml');
    writeFileSync(
      file,
      `apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata:\n  name: k8sbad\nspec:\n  crd:\n    spec:\n      names:\n        kind: K8sBad\n  targets:\n    - target: admission.k8s.gatekeeper.sh\n      rego: ${JSON.stringify(rego)}\n`,
    );
    const res = await runTool(findTool('gator'), ['test', '-f', file], { timeoutMs: 60_000 });
    const gator = /adding template "k8sbad": ([\s\S]*)$/.exec(res.stdout + res.stderr)?.[1]?.trim();
    expect(ours).toBe(gator);
  });

  it('serves a warm compile from the cache without starting opa, even with no opa binary', async () => {
    const cacheDir = tempDir('preadmit-cache-');
    const requests = Array.from({ length: 50 }, (_, i) => ({
      key: `k8st${i}`,
      code: i % 5 === 0 ? v1(ENTRY_V1.replace('k8sclash', `k8st${i}`), [LIB_V1]) : v0(ENTRY_V0.replace('k8sclash', `k8st${i}`).replace('helpers.greeting', `helpers.greeting(${i}) == helpers.greeting`), [LIB_V0]),
    }));
    const cold = createCompiler({ cacheDir });
    const first = await cold.compile(requests);
    expect([...first.values()].every(isCompiled)).toBe(true);
    expect(cold.processCount).toBeGreaterThan(0);

    const warm = createCompiler({ cacheDir, opaPath: join(cacheDir, 'no-such-opa') });
    const second = await warm.compile(requests);
    expect(warm.processCount).toBe(0);
    for (const r of requests) {
      const a = compiled(first.get(r.key));
      const b = compiled(second.get(r.key));
      expect(b.entrypoint).toBe(a.entrypoint);
      expect(b.module.id).toBe(a.module.id);
      expect(Buffer.from(b.module.wasm).equals(Buffer.from(a.module.wasm))).toBe(true);
    }
    // Something not in the cache cannot be built without opa: a clear error, not a crash.
    const missing = await warm.compile([{ key: 'new', code: v0(INVENTORY.replace('exists', 'is here')) }]);
    expect(failed(missing.get('new'))).toMatch(/cannot compile Rego: .*no-such-opa/);
  });

  it('gives concurrent warm compiles in one process the module with the entry (two checks at once after a restart)', async () => {
    const cacheDir = tempDir('preadmit-cache-');
    const requests = Array.from({ length: 12 }, (_, i) => ({ key: `k8sc${i}`, code: v0(ENTRY_V0.replace('k8sclash', `k8sc${i}`), [LIB_V0]) }));
    // One module per template (one compile call each), so the calls below load different modules.
    const cold = createCompiler({ cacheDir });
    for (const r of requests) expect(isCompiled((await cold.compile([r])).get(r.key)!)).toBe(true);
    const warm = createCompiler({ cacheDir });
    // Each call asks in another order, so one call meets entries another is still loading.
    const all = await Promise.all([warm.compile(requests), warm.compile([...requests].reverse()), warm.compile(requests.slice(6)), warm.compile(requests.slice(3))]);
    for (const results of all) {
      expect(results.size).toBeGreaterThan(0);
      for (const outcome of results.values()) expect(compiled(outcome).module?.wasm.length).toBeGreaterThan(0);
    }
  });

  it('ignores and rebuilds corrupt cache entries', async () => {
    const cacheDir = tempDir('preadmit-cache-');
    const req = [{ key: 'inv', code: v0(INVENTORY) }];
    const first = compiled((await createCompiler({ cacheDir }).compile(req)).get('inv'));
    for (const f of readdirSync(join(cacheDir, 'modules'))) writeFileSync(join(cacheDir, 'modules', f), 'garbage');
    const again = createCompiler({ cacheDir });
    const second = compiled((await again.compile(req)).get('inv'));
    expect(again.processCount).toBeGreaterThan(0);
    expect(second.module.id).toBe(first.module.id);
    expect(await violations(second, {}, { inventory: { cluster: { v1: { Namespace: { a: {} } } } } })).toEqual(['namespace a exists']);

    const entries = join(cacheDir, 'entries');
    for (const sub of readdirSync(entries)) {
      for (const f of readdirSync(join(entries, sub))) writeFileSync(join(entries, sub, f), '{not json');
    }
    const third = createCompiler({ cacheDir });
    compiled((await third.compile(req)).get('inv'));
    expect(third.processCount).toBeGreaterThan(0);
  });

  it('caches compile errors of a template, too', async () => {
    const cacheDir = tempDir('preadmit-cache-');
    const req = [{ key: 'bad', code: v0('package k\nviolation[{"msg": x}] { true }\n') }];
    const e1 = failed((await createCompiler({ cacheDir }).compile(req)).get('bad'));
    const warm = createCompiler({ cacheDir, opaPath: '/nonexistent/opa' });
    expect(failed((await warm.compile(req)).get('bad'))).toBe(e1);
    expect(warm.processCount).toBe(0);
  });
});

