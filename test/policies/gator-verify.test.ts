// The policy library is proven with the real gator: every suite must pass `gator verify`, every
// template must be covered by a suite, and the suites must be able to fail.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { gvkOf, isConstraint, isTemplate, isObject } from '../../src/gatekeeper/classify.ts';
import type { JsonObject, JsonValue } from '../../src/gatekeeper/types.ts';
import { syncLibs } from '../../policies/sync-libs.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const POLICIES = join(ROOT, 'policies');
const GATOR = join(ROOT, '.tools/bin/gator');
const KUSTOMIZE = join(ROOT, '.tools/bin/kustomize');

interface Run {
  code: number;
  output: string;
}

function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, output: `${stdout}${stderr}` });
    });
  });
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Every object of a YAML file; a parse error fails the calling test with the file and line. */
function objectsOf(file: string): JsonObject[] {
  const loaded = loadManifests(readFileSync(file, 'utf8'), relative(ROOT, file), { yamlVersion: '1.2' });
  expect(loaded.errors.map((e) => e.message)).toEqual([]);
  return loaded.objects.map((o) => o.object);
}

function field(o: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let v: JsonValue | undefined = o;
  for (const key of path) v = isObject(v) ? v[key] : undefined;
  return v;
}

interface SuiteTest {
  suite: string;
  name: string;
  template: string;
  constraint: string;
  expansion?: string;
  invalid: boolean;
  objects: string[];
}

/** The tests of every suite under policies/, with their paths resolved. */
function suiteTests(): SuiteTest[] {
  const tests: SuiteTest[] = [];
  for (const file of yamlFiles(POLICIES)) {
    for (const suite of objectsOf(file)) {
      const gvk = gvkOf(suite);
      if (gvk.group !== 'test.gatekeeper.sh' || gvk.kind !== 'Suite') continue;
      const list = field(suite, 'tests');
      for (const t of Array.isArray(list) ? list : []) {
        const at = (p: JsonValue | undefined): string => (typeof p === 'string' ? resolve(dirname(file), p) : '');
        const cases = field(t, 'cases');
        tests.push({
          suite: relative(ROOT, file),
          name: String(field(t, 'name')),
          template: at(field(t, 'template')),
          constraint: at(field(t, 'constraint')),
          expansion: field(t, 'expansion') === undefined ? undefined : at(field(t, 'expansion')),
          invalid: field(t, 'invalid') === true,
          objects: (Array.isArray(cases) ? cases : []).map((c) => at(field(c, 'object'))),
        });
      }
    }
  }
  return tests;
}

const templateFiles = readdirSync(POLICIES)
  .map((d) => join(POLICIES, d, 'template.yaml'))
  .filter((f) => existsSync(f));

describe('policies/ under the real gator', () => {
  it('passes gator verify policies/...', async () => {
    const r = await run(GATOR, ['verify', 'policies/...'], ROOT);
    if (r.code !== 0) expect.fail(`gator verify policies/... exited ${r.code}:\n${r.output}`);
    expect(r.output).toMatch(/^PASS$/m);
    // One "ok" line per suite: a suite gator silently skipped would be missing here.
    const suites = new Set(suiteTests().map((t) => t.suite));
    expect(r.output.match(/^ok\s/gm)?.length).toBe(suites.size);
  });

  it('fails when a policy stops catching what its suite expects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preadmit-policies-'));
    try {
      cpSync(join(POLICIES, 'block-privileged'), join(dir, 'block-privileged'), { recursive: true });
      cpSync(join(POLICIES, 'expansion'), join(dir, 'expansion'), { recursive: true });
      const template = join(dir, 'block-privileged/template.yaml');
      const text = readFileSync(template, 'utf8');
      expect(text).toContain('securityContext.privileged == true');
      writeFileSync(template, text.replace('securityContext.privileged == true', 'securityContext.privileged == "never"'));
      const r = await run(GATOR, ['verify', 'block-privileged/...'], dir);
      expect(r.code).not.toBe(0);
      expect(r.output).toMatch(/--- FAIL: every-container-kind/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('policies/ layout', () => {
  const tests = suiteTests();

  it('has the policy set of issue #3', () => {
    expect(templateFiles.length).toBeGreaterThanOrEqual(13);
  });

  it.each(templateFiles.map((f) => [relative(POLICIES, f), f]))('%s parses, is named for its kind, and has a suite', (_, file) => {
    const objects = objectsOf(file);
    expect(objects).toHaveLength(1);
    const template = objects[0]!;
    expect(isTemplate(gvkOf(template))).toBe(true);
    const kind = field(template, 'spec', 'crd', 'spec', 'names', 'kind');
    expect(typeof kind).toBe('string');
    expect(field(template, 'metadata', 'name')).toBe(String(kind).toLowerCase());
    const covering = tests.filter((t) => t.template === file);
    expect(covering.map((t) => t.name), `no suite references ${relative(ROOT, file)}`).not.toEqual([]);
    // Cases that run, not only schema checks.
    expect(covering.some((t) => !t.invalid && t.objects.length > 0)).toBe(true);
    // Every template with parameters proves its schema rejects a wrongly typed one.
    if (field(template, 'spec', 'crd', 'spec', 'validation', 'openAPIV3Schema', 'properties') !== undefined) {
      expect(covering.some((t) => t.invalid), `${relative(ROOT, file)} has no invalid: true test`).toBe(true);
    }
  });

  it('references only files that exist, with constraints of the template they are tested with', () => {
    for (const t of tests) {
      for (const path of [t.template, t.constraint, ...(t.expansion === undefined ? [] : [t.expansion]), ...t.objects]) {
        expect(existsSync(path), `${t.suite} test ${t.name}: missing ${path}`).toBe(true);
      }
      const [template] = objectsOf(t.template);
      const [constraint] = objectsOf(t.constraint);
      expect(isConstraint(gvkOf(constraint!))).toBe(true);
      expect(gvkOf(constraint!).kind).toBe(field(template, 'spec', 'crd', 'spec', 'names', 'kind'));
    }
  });

  it('keeps the libraries embedded in templates identical to policies/lib', () => {
    const drift = syncLibs();
    expect(drift, 'run: node --import tsx policies/sync-libs.ts --write').toEqual([]);
  });

  it('builds with the real kustomize into every template, the expansion templates and one constraint per policy', async () => {
    const r = await run(KUSTOMIZE, ['build', 'policies'], ROOT);
    if (r.code !== 0) expect.fail(`kustomize build policies exited ${r.code}:\n${r.output}`);
    const loaded = loadManifests(r.output, 'kustomize build policies', { yamlVersion: '1.2' });
    expect(loaded.errors).toEqual([]);
    const kinds = loaded.objects.map((o) => gvkOf(o.object));
    expect(kinds.filter(isTemplate)).toHaveLength(templateFiles.length);
    expect(kinds.filter(isConstraint)).toHaveLength(templateFiles.length);
    expect(kinds.filter((k) => k.kind === 'ExpansionTemplate')).toHaveLength(2);
  });
});
