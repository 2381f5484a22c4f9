// kustomize-batch (scripts/kustomize-batch) against the pinned kustomize binary: every kustomize fixture
// root, plus roots exercising process-wide state (a custom openapi schema, deprecation warnings, helm
// inflation), built in one jailed batch, gives what `kustomize build` of that root alone gives in the jail.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../src/opa/tools.ts';
import { batchProgram, parseFrames, type Frame } from '../../src/render/kustomize/batch.ts';
import { runSandboxed } from '../../src/render/sandbox.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'render');
const limits = { timeoutMs: 60_000, maxOutputBytes: 64 << 20, memoryBytes: 1 << 30 };

function kustomizationDirs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const full = path.join(dir, e);
    if (statSync(full).isDirectory()) out.push(...kustomizationDirs(full));
    else if (['kustomization.yaml', 'kustomization.yml', 'Kustomization'].includes(e)) out.push(dir);
  }
  return out.sort();
}

const customSchema = JSON.stringify({
  definitions: {
    'v1alpha1.MyKind': {
      properties: { spec: { properties: { items: { items: { type: 'object' }, type: 'array', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' } }, type: 'object' } },
      'x-kubernetes-group-version-kind': [{ group: 'example.com', kind: 'MyKind', version: 'v1alpha1' }],
    },
  },
});

/** Roots whose builds touch kustomize's process-wide state, or print on stderr themselves. */
function extraRoots(dir: string): string[] {
  const w = (f: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  };
  const crd = 'apiVersion: example.com/v1alpha1\nkind: MyKind\nmetadata:\n  name: k\nspec:\n  items:\n  - name: a\n    value: "1"\n  - name: b\n    value: "2"\n';
  const patch = 'apiVersion: example.com/v1alpha1\nkind: MyKind\nmetadata:\n  name: k\nspec:\n  items:\n  - name: a\n    value: "9"\n';
  // With the schema the patch merges the list by name; without it the list is replaced.
  w('extra/openapi/kustomization.yaml', 'openapi:\n  path: schema.json\nresources:\n- crd.yaml\npatches:\n- path: patch.yaml\n');
  w('extra/openapi/schema.json', customSchema);
  w('extra/openapi/crd.yaml', crd);
  w('extra/openapi/patch.yaml', patch);
  w('extra/no-openapi/kustomization.yaml', 'resources:\n- crd.yaml\npatches:\n- path: patch.yaml\n');
  w('extra/no-openapi/crd.yaml', crd);
  w('extra/no-openapi/patch.yaml', patch);
  w('extra/deprecated/kustomization.yaml', 'commonLabels:\n  team: a\nbases:\n- ../no-openapi\nmissing:\n- nope.yaml\n');
  w('extra/deprecated-ok/kustomization.yaml', 'commonLabels:\n  team: a\nresources:\n- cm.yaml\n');
  w('extra/deprecated-ok/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  w('extra/helm/kustomization.yaml', 'helmCharts:\n- name: x\n  repo: https://example.invalid\n  version: 1.0.0\n');
  w('extra/empty/kustomization.yaml', 'namespace: x\n');
  return ['openapi', 'no-openapi', 'deprecated', 'openapi', 'deprecated-ok', 'helm', 'empty', 'no-openapi'].map((d) => path.join(dir, 'extra', d));
}

describe('kustomize-batch', () => {
  let dir: string;
  let roots: string[];
  let frames: Frame[];
  const kustomize = findTool('kustomize');
  const program = batchProgram(kustomize);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-kbatch-'));
    cpSync(FIXTURES, path.join(dir, 'fx'), { recursive: true });
    roots = [...kustomizationDirs(path.join(dir, 'fx')), ...extraRoots(dir)];
    expect(program, 'kustomize-batch is built next to kustomize by `npm run tools`').toBeDefined();
    const r = await runSandboxed(program!, roots, { cwd: dir, ...limits, jail: { readOnly: [dir] } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const parsed = parseFrames(r.stdoutBytes);
    expect(parsed.complete).toBe(true);
    frames = parsed.frames;
    expect(frames.length).toBe(roots.length);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each root in one batch: the same stdout, or the same error, as `kustomize build` of that root alone (jailed both)', async () => {
    let ok = 0;
    let failed = 0;
    for (const [i, root] of roots.entries()) {
      const cli = await runSandboxed(kustomize, ['build', root], { cwd: dir, ...limits, jail: { readOnly: [dir] } });
      const f = frames[i]!;
      if (f.status === 'cli') {
        // Roots needing kustomize's helm go to the CLI, where it says the same thing without --enable-helm.
        expect(cli.stderr).toContain('must specify --enable-helm');
        continue;
      }
      if (cli.code === 0) {
        expect({ root, status: f.status }).toEqual({ root, status: 'ok' });
        expect(f.stdout.toString('utf8')).toBe(cli.stdout);
        ok++;
      } else {
        expect({ root, status: f.status }).toEqual({ root, status: 'error' });
        // Byte for byte but the timestamps of Go log lines.
        const strip = (s: string): string => s.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '');
        expect(strip(f.stderr.toString('utf8'))).toBe(strip(cli.stderr));
        failed++;
      }
    }
    expect(ok).toBeGreaterThanOrEqual(9);
    expect(failed).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('a root with its own openapi schema does not change the roots built after it', () => {
    const at = (name: string): string[] => roots.flatMap((r, i) => (r.endsWith(`/extra/${name}`) ? [frames[i]!.stdout.toString('utf8')] : []));
    const [withSchema, again] = at('openapi');
    const [without, afterwards] = at('no-openapi');
    expect(withSchema).toContain('value: "2"'); // merged by name
    expect(without).not.toContain('value: "2"'); // replaced
    expect(again).toBe(withSchema);
    expect(afterwards).toBe(without);
  });

  it('frames cut off or out of order are not taken', () => {
    const frame = (i: number, body: string): Buffer => Buffer.concat([Buffer.from(`KB1 ${i} ok ${Buffer.byteLength(body)} 0\n`), Buffer.from(body)]);
    const two = Buffer.concat([frame(0, 'a: ü\n'), frame(1, 'b: 2\n')]);
    expect(parseFrames(two)).toMatchObject({ complete: true, frames: [{ index: 0 }, { index: 1 }] });
    expect(parseFrames(two.subarray(0, two.length - 1))).toMatchObject({ complete: false, frames: [{ index: 0 }] });
    expect(parseFrames(Buffer.concat([frame(0, 'x'), frame(2, 'y')])).frames).toHaveLength(1);
    expect(parseFrames(Buffer.from('garbage\n')).frames).toHaveLength(0);
  });

  it('told how to run helm (KUSTOMIZE_BATCH_HELM_*), it builds helmCharts roots as `kustomize build --enable-helm --helm-command … --helm-kube-version … --helm-api-versions …` does (jailed both, helm bound next to the tool)', async () => {
    const helm = findTool('helm');
    const chart = (d: string): void => {
      const w = (f: string, text: string): void => {
        mkdirSync(path.dirname(path.join(dir, 'helmroots', d, f)), { recursive: true });
        writeFileSync(path.join(dir, 'helmroots', d, f), text);
      };
      w('charts/gated/Chart.yaml', 'apiVersion: v2\nname: gated\nversion: 0.1.0\n');
      w('charts/gated/values.yaml', 'replicas: 1\n');
      w(
        'charts/gated/templates/cm.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n  replicas: {{ .Values.replicas | quote }}\n  monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}\n',
      );
    };
    chart('one');
    writeFileSync(path.join(dir, 'helmroots/one/kustomization.yaml'), 'helmCharts:\n- name: gated\n  releaseName: one\n  valuesInline:\n    replicas: 3\n');
    chart('own');
    // The entry's own kubeVersion/apiVersions win over the flags, as in kustomize.
    writeFileSync(path.join(dir, 'helmroots/own/kustomization.yaml'), 'helmCharts:\n- name: gated\n  releaseName: own\n  kubeVersion: "1.27.0"\n  apiVersions: [example.com/v1]\n');
    mkdirSync(path.join(dir, 'helmroots/broken'), { recursive: true });
    writeFileSync(path.join(dir, 'helmroots/broken/kustomization.yaml'), 'helmCharts:\n- name: absent\n');
    const helmRoots = ['one', 'own', 'broken'].map((d) => path.join(dir, 'helmroots', d));
    const jailedHelm = '/opt/preadmit-tool/helm';
    const env = { KUSTOMIZE_BATCH_HELM_COMMAND: jailedHelm, KUSTOMIZE_BATCH_HELM_KUBE_VERSION: '1.29.3', KUSTOMIZE_BATCH_HELM_API_VERSIONS: 'monitoring.coreos.com/v1\ntemplates.gatekeeper.sh/v1' };
    const batch = await runSandboxed(program!, helmRoots, { cwd: dir, ...limits, env, extraTools: [helm], jail: { readOnly: [dir] } });
    expect(batch.code).toBe(0);
    const got = parseFrames(batch.stdoutBytes).frames;
    expect(got.map((f) => f.status)).toEqual(['ok', 'ok', 'error']);
    const flags = ['--enable-helm', '--helm-command', jailedHelm, '--helm-kube-version', '1.29.3', '--helm-api-versions', 'monitoring.coreos.com/v1', '--helm-api-versions', 'templates.gatekeeper.sh/v1'];
    for (const [i, root] of helmRoots.entries()) {
      const cli = await runSandboxed(kustomize, ['build', ...flags, root], { cwd: dir, ...limits, extraTools: [helm], jail: { readOnly: [dir] } });
      if (cli.code === 0) expect(got[i]!.stdout.toString('utf8')).toBe(cli.stdout);
      else expect(got[i]!.stderr.toString('utf8')).toBe(cli.stderr);
    }
    expect(got[0]!.stdout.toString('utf8')).toContain('kube: v1.29.3');
    expect(got[0]!.stdout.toString('utf8')).toContain('replicas: "3"');
    expect(got[0]!.stdout.toString('utf8')).toContain('monitoring: "true"');
    expect(got[1]!.stdout.toString('utf8')).toContain('kube: v1.27.0');
    expect(got[1]!.stdout.toString('utf8')).toContain('monitoring: "false"');
  }, 120_000);
});
