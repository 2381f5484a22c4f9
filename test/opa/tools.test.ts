// Finding the pinned tools and running children without a shell, with a scrubbed environment and limits.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTool, REPO_ROOT, runTool } from '../../src/opa/tools.ts';
import { GATEKEEPER_FEATURES, GATEKEEPER_FUTURE_KEYWORDS, restrictCapabilities, UNIMPLEMENTED_BUILTINS } from '../../src/opa/capabilities.ts';

const work = mkdtempSync(join(tmpdir(), 'preadmit-tools-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('findTool', () => {
  it('prefers PREADMIT_<NAME>, then .tools/bin, then PATH', () => {
    const fake = join(work, 'opa');
    writeFileSync(fake, '#!/bin/sh\necho fake\n');
    chmodSync(fake, 0o755);
    expect(findTool('opa', { PREADMIT_OPA: fake, PATH: '' })).toBe(fake);
    expect(findTool('opa', { PATH: '' })).toBe(join(REPO_ROOT, '.tools', 'bin', 'opa'));
  });

  it('says what to run when the tool is nowhere', () => {
    expect(() => findTool('helm', { PREADMIT_HELM: join(work, 'missing-helm'), PATH: '' })).toThrow(
      /PREADMIT_HELM=.*missing-helm is not an executable file.*npm run tools/,
    );
  });
});

describe('runTool', () => {
  it('runs without a shell and with a scrubbed environment', async () => {
    process.env.PREADMIT_TEST_SECRET = 'do-not-leak';
    try {
      const res = await runTool('/usr/bin/env', []);
      expect(res.exitCode).toBe(0);
      expect(res.stdout).not.toContain('do-not-leak');
      expect(res.stdout).toContain('PATH=');
      const shellish = await runTool('/bin/echo', ['$HOME', '; ls']);
      expect(shellish.stdout).toBe('$HOME ; ls\n');
    } finally {
      delete process.env.PREADMIT_TEST_SECRET;
    }
  });

  it('kills a child that runs past its time limit', async () => {
    const res = await runTool('/bin/sleep', ['30'], { timeoutMs: 200 });
    expect(res.timedOut).toBe(true);
    expect(res.exitCode).toBeNull();
  });

  it('caps output', async () => {
    const res = await runTool('/usr/bin/head', ['-c', '100000', '/dev/zero'], { maxOutputBytes: 1000 });
    expect(res.stdout.length).toBe(1000);
    expect(res.truncated).toBe(true);
  });

  it('reports a binary that cannot start instead of throwing', async () => {
    const res = await runTool(join(work, 'nope'), []);
    expect(res.spawnError).toBeDefined();
  });
});

describe('restrictCapabilities', () => {
  it("removes network and host builtins and the unimplemented ones from the real opa's capabilities, and nothing else", async () => {
    const res = await runTool(findTool('opa'), ['capabilities', '--current']);
    const caps = restrictCapabilities(res.stdout);
    const offered = (JSON.parse(res.stdout) as { builtins: { name: string }[] }).builtins.map((b) => b.name);
    const unimplemented = offered.filter((n) => UNIMPLEMENTED_BUILTINS.has(n));
    expect(unimplemented).toContain('rand.intn');
    expect(unimplemented).not.toContain('json.match_schema');
    expect(unimplemented).not.toContain('yaml.marshal');
    expect(caps.removed.sort()).toEqual(
      ['http.send', 'net.lookup_ip_addr', 'opa.runtime', 'rego.parse_module', 'trace', ...unimplemented].sort(),
    );
    const before = offered.length;
    const after = (JSON.parse(caps.json) as { builtins: { name: string }[] }).builtins;
    expect(after.length).toBe(before - 5 - unimplemented.length);
    expect(after.map((b) => b.name)).toContain('sprintf');
    expect(caps.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps the language to Gatekeeper's OPA: its builtins, future keywords and features, as opa-gatekeeper (v1.17.1) lists them", async () => {
    const ours = JSON.parse(restrictCapabilities((await runTool(findTool('opa'), ['capabilities', '--current'])).stdout).json) as Caps;
    const gatekeeperOpa = join(REPO_ROOT, '.tools/bin/opa-gatekeeper');
    const theirs = JSON.parse((await runTool(gatekeeperOpa, ['capabilities', '--current'])).stdout) as Caps;
    expect(ours.future_keywords).toEqual(theirs.future_keywords);
    expect(ours.features).toEqual(theirs.features);
    expect(GATEKEEPER_FUTURE_KEYWORDS).toEqual(theirs.future_keywords);
    expect(GATEKEEPER_FEATURES).toEqual(theirs.features);
    // Every builtin a template may call here, Gatekeeper's OPA has.
    const gk = new Set(theirs.builtins.map((b) => b.name));
    expect(ours.builtins.map((b) => b.name).filter((n) => !gk.has(n))).toEqual([]);
  });
});

interface Caps {
  builtins: Array<{ name: string }>;
  future_keywords: string[];
  features: string[];
}
