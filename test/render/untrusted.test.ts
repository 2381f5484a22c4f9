// Hostile repositories: refusals, errors as results, and the sandbox the tools run in.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../src/opa/tools.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { hasNetworkNamespace, runSandboxed } from '../../src/render/sandbox.ts';
import type { RefRenderResult } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

describe('untrusted repositories', () => {
  let repo: FixtureRepo;
  let r: RefRenderResult;
  beforeAll(async () => {
    repo = fixtureRepo('hostile');
    r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', {
      helmReleases: { 'charts/vendored': [{ release: 'v1' }, { release: 'escape', valuesFiles: ['../../../etc/passwd'] }] },
    });
  });
  afterAll(() => repo.cleanup());

  const errorFor = (renderedBy: string): string[] => r.errors.filter((e) => e.source?.renderedBy === renderedBy).map((e) => e.message);

  it('refuses remote kustomize resources before running kustomize, with file and line', () => {
    expect(errorFor('kustomize:remote-base')).toEqual([
      "remote-base/kustomization.yaml:2: remote kustomize reference 'github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6' refused: rendering never uses the network; vendor it into the repository",
    ]);
    expect(errorFor('kustomize:remote-file')).toHaveLength(1);
    expect(errorFor('kustomize:remote-file')[0]).toMatch(/^remote-file\/kustomization\.yaml:3: remote kustomize reference 'https:\/\/raw/);
    expect(r.objects.some((o) => o.root === 'kustomize:remote-file')).toBe(false);
  });

  it('refuses paths that leave the repository', () => {
    expect(errorFor('kustomize:escape')).toEqual(["escape/kustomization.yaml:2: '../../../../../../../../etc/preadmit-escape' (resources) is outside the repository: refused"]);
    expect(errorFor('helm:charts/vendored#escape')).toEqual(["values file '../../../etc/passwd' of helm release escape is outside the repository: refused"]);
  });

  it('refuses kustomize exec plugins', () => {
    const [message] = errorFor('kustomize:plugin');
    expect(message).toMatch(/^plugin\/kustomization\.yaml:4: kustomize plugin Exfiltrate \(example\.com\/v1\) refused/);
    expect(r.errors.find((e) => e.source?.renderedBy === 'kustomize:plugin')?.source).toMatchObject({ file: 'plugin/generator.yaml', startLine: 1 });
  });

  it('refuses a helm chart whose dependency is not vendored, renders one whose dependency is', () => {
    expect(errorFor('helm:charts/cache#cache')).toEqual([
      "charts/cache/Chart.yaml:5: helm dependency 'redis' from https://charts.bitnami.com/bitnami is not vendored under charts/cache/charts/: refused, remote chart repository not allowed: https://charts.bitnami.com/bitnami",
    ]);
    const vendored = r.objects.filter((o) => o.root === 'helm:charts/vendored#v1');
    expect(vendored.map((o) => [o.object.kind, o.source.file])).toEqual([
      ['ServiceAccount', 'charts/vendored/charts/common/templates/sa.yaml'],
      ['ConfigMap', 'charts/vendored/templates/cm.yaml'],
    ]);
  });

  it('a broken kustomization is an error naming the root and the tool message; the rest still renders', () => {
    const [message] = errorFor('kustomize:broken');
    expect(message).toMatch(/^broken: kustomize build failed \(exit 1\): .*missing\.yaml/);
    expect(message).not.toContain(os.tmpdir());
    expect(errorFor('plain:ok/bad.yaml')).toEqual(['ok/bad.yaml:6: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    expect(r.objects.map((o) => o.root)).toContain('plain:ok/configmap.yaml');
    expect(r.errors.every((e) => e.kind === 'render' && e.source !== undefined)).toBe(true);
  });

  it('secret values never appear in error messages, even when a tool quotes them', async () => {
    repo.commit({
      'secrets/token.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\nstringData:\n  token: hunter2-very-secret\n',
      'charts/leaky/Chart.yaml': 'apiVersion: v2\nname: leaky\nversion: 1.0.0\n',
      'charts/leaky/templates/x.yaml': '{{ fail "token is hunter2-very-secret" }}\n',
    });
    const leaky = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { changed: [{ path: 'charts/leaky/templates/x.yaml', status: 'added' }, { path: 'secrets/token.yaml', status: 'added' }] });
    const messages = leaky.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/helm template failed .*token is \*\*\*/);
    expect(messages).not.toContain('hunter2-very-secret');
  });
});

// Unjailed runs (--unsafe-no-sandbox) keep their own fences; the jail itself is tested in test/security/jail.test.ts.
describe('render/sandbox unjailed (--unsafe-no-sandbox)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-sandbox-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const limits = { timeoutMs: 20_000, maxOutputBytes: 1 << 20, jail: false as const };

  it('stops a process that runs past the time limit', async () => {
    const r = await runSandboxed('/bin/sleep', ['60'], { cwd: dir, ...limits, timeoutMs: 300, maxOutputBytes: 1000 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
  });

  it('stops a process whose output passes the cap', async () => {
    const r = await runSandboxed('/usr/bin/yes', [], { cwd: dir, ...limits, maxOutputBytes: 10_000 });
    expect(r.overflowed).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it('gives the child a scrubbed environment with no programs on PATH', async () => {
    process.env.PREADMIT_TEST_CREDENTIAL = 'must-not-leak';
    try {
      const r = await runSandboxed('/usr/bin/env', [], { cwd: dir, ...limits });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('must-not-leak');
      const pathLine = r.stdout.split('\n').find((l) => l.startsWith('PATH='))!;
      const entries = await import('node:fs').then((fs) => fs.readdirSync(pathLine.slice(5)));
      expect(entries).toEqual([]);
    } finally {
      delete process.env.PREADMIT_TEST_CREDENTIAL;
    }
  });

  it('runs the child in a network namespace with loopback only, where the kernel allows one', async (ctx) => {
    if (!(await hasNetworkNamespace())) ctx.skip();
    const r = await runSandboxed('/bin/cat', ['/proc/net/dev'], { cwd: dir, ...limits });
    const interfaces = r.stdout.split('\n').slice(2).map((l) => l.trim().split(':')[0]).filter((n) => n !== '');
    expect(interfaces).toEqual(['lo']);
  });

  it('a remote base that slipped past the checks still cannot be fetched by kustomize, jailed or not', async () => {
    const k = path.join(dir, 'remote');
    mkdirSync(k);
    writeFileSync(path.join(k, 'kustomization.yaml'), 'resources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1\n');
    for (const jail of [false as const, { readOnly: [k] }]) {
      const r = await runSandboxed(findTool('kustomize'), ['build', k], { cwd: dir, ...limits, jail });
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
    }
  });

  it('kustomize run this way executes no exec plugin, jailed or not', async () => {
    const k = path.join(dir, 'exec');
    mkdirSync(k);
    const marker = path.join(dir, 'plugin-ran');
    writeFileSync(path.join(k, 'run.sh'), `#!/bin/sh\n/usr/bin/touch ${marker}\n`);
    chmodSync(path.join(k, 'run.sh'), 0o755);
    writeFileSync(path.join(k, 'gen.yaml'), 'apiVersion: example.com/v1\nkind: Gen\nmetadata:\n  name: g\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./run.sh\n');
    writeFileSync(path.join(k, 'kustomization.yaml'), 'generators:\n  - gen.yaml\n');
    for (const jail of [false as const, { readOnly: [k] }]) {
      const r = await runSandboxed(findTool('kustomize'), ['build', k], { cwd: dir, ...limits, jail });
      expect(r.code).not.toBe(0);
      expect(existsSync(marker)).toBe(false);
    }
  });
});
