// The app's own deployment passes the project's own policies: the Helm chart (charts/preadmit) rendered with the
// real helm, in its one-instance and its split web/worker form, reviewed by `preadmit test` against policies/
// (templates, constraints, expansion); and the Dockerfile runs as non-root on pinned base images.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const helm = path.join(root, '.tools/bin/helm');
const tmp = mkdtempSync(path.join(tmpdir(), 'preadmit-chart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function policyFiles(): string[] {
  const dir = path.join(root, 'policies');
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    for (const f of ['template.yaml', 'constraint.yaml']) if (readdirSync(path.join(dir, e.name)).includes(f)) out.push(path.join(dir, e.name, f));
    if (e.name === 'expansion') for (const f of readdirSync(path.join(dir, e.name))) if (f.endsWith('.yaml')) out.push(path.join(dir, e.name, f));
  }
  return out;
}

/** `preadmit test` over the rendered chart and the project's policies: exit code and the chart's findings. */
function review(args: string[]): { status: number | null; findings: string[] } {
  const rendered = execFileSync(helm, ['template', 'rel', path.join(root, 'charts/preadmit'), ...args], { encoding: 'utf8' });
  const file = path.join(tmp, `chart-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, rendered);
  const r = spawnSync(process.execPath, [path.join(root, 'bin/preadmit.js'), 'test', ...policyFiles().flatMap((f) => ['-f', f]), '-f', file], { encoding: 'utf8' });
  // Findings about the policy files themselves (their own labels) are not the chart's.
  const findings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => / rel(-web|-worker)?[: ]/.test(l));
  return { status: r.status, findings };
}

describe('the Helm chart of the app', () => {
  it('one instance (in-memory queue): no violations of the project policies', () => {
    const { findings } = review([]);
    expect(findings).toEqual([]);
  }, 120_000);

  it('split web and worker pods on Redis: no violations', () => {
    const { findings } = review(['--set', 'redisUrl=redis://redis:6379', '--set', 'web.role=web', '--set', 'worker.replicas=2']);
    expect(findings).toEqual([]);
  }, 120_000);

  it('the review does catch a bad override (an image from an unknown registry, a memory limit above the maximum)', () => {
    const { findings } = review(['--set', 'image.repository=evil.example/preadmit', '--set', 'web.resources.limits.memory=8Gi']);
    expect(findings.some((l) => l.includes('allowed-registries'))).toBe(true);
    expect(findings.some((l) => l.includes('container-resources'))).toBe(true);
  }, 120_000);
});

describe('the Dockerfile of the app', () => {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1] as string);

  it('pins every base image to an exact version or a digest', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image, image).toMatch(/@sha256:[0-9a-f]{64}$|:\d+\.\d+\.\d+[^:@]*$/);
  });

  it('runs as a non-root user, with node itself as the process (it receives SIGTERM)', () => {
    const finalStage = text.slice(text.lastIndexOf('\nFROM '));
    const user = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1] as string).pop();
    expect(user).toBeDefined();
    expect(user?.split(':')[0]).not.toMatch(/^(0|root)$/);
    expect(finalStage).toMatch(/^ENTRYPOINT \["node", "dist\/app\.mjs"\]$/m);
    expect(finalStage).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });

  it('copies only what exists, and the tools stage gets every script the tool installer reads', () => {
    for (const m of text.matchAll(/^COPY\s+(?!--from)(.+)$/gm)) {
      const parts = (m[1] as string).trim().split(/\s+/);
      for (const src of parts.slice(0, -1)) expect(existsSync(path.join(root, src)), `COPY ${src}`).toBe(true);
    }
    const tools = text.slice(0, text.indexOf('\nFROM ', text.indexOf('AS tools')));
    const installer = readFileSync(path.join(root, 'scripts/install-tools.sh'), 'utf8');
    for (const used of new Set([...installer.matchAll(/scripts\/[\w./-]+/g)].map((x) => x[0].split('/').slice(0, 2).join('/')))) {
      expect(tools.includes('COPY scripts ./scripts') || tools.includes(used), `${used} in the tools stage`).toBe(true);
    }
  });
});
