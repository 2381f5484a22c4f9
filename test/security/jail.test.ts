// The renderer jail: a hostile repository (built as git history here) tries to read host files, reach the
// network, exhaust memory and time; nothing of the host reaches any output, each attempt is refused or
// blocked with a message naming its file, and the jail alone stops what the pre-checks let through.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { findTool } from '../../src/opa/tools.ts';
import { schemaReferenceErrors } from '../../src/render/helm/chart.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { jailSupport, runSandboxed, untrustedToolText } from '../../src/render/sandbox.ts';
import { renderBudget } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { GitRepo } from '../support/git-repo.ts';
import { buildProbe, Capture, countingServer, makeCanaries, type Canaries, type CountingServer } from './jail-helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const chart = (name: string): string => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;
const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;

describe('security/jail: a hostile repository', () => {
  let canary: Canaries;
  let server: CountingServer;
  let repo: GitRepo;
  let base: string;
  /** Every hostile root, by the file its error must name. */
  let hostile: Record<string, string>;
  beforeAll(async () => {
    canary = makeCanaries();
    server = await countingServer(canary.text);
    repo = GitRepo.temp('preadmit-hostile-');
    // The checkout holds a file that was never committed: the export from git objects must not see it.
    writeFileSync(path.join(repo.dir, '.untracked-secret.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u\ndata:\n  k: ${canary.text}\n`);
    writeFileSync(path.join(repo.dir, '.git', 'canary'), canary.text);
    base = repo.commit({ 'ok/cm.yaml': cm('ok'), 'apps/good/kustomization.yaml': 'resources:\n- cm.yaml\n', 'apps/good/cm.yaml': cm('good') }, 'base');

    const dotdot = '../'.repeat(12);
    const files: Record<string, string> = {
      // kustomize: host paths by every spelling, including those a path check reads differently from kustomize.
      'k/absolute/kustomization.yaml': `resources:\n- ${canary.manifest}\n`,
      'k/climb/kustomization.yaml': `resources:\n- ${dotdot}${canary.manifest.slice(1)}\n`,
      'k/upper-case/kustomization.yaml': `Resources:\n- ${canary.manifest}\n`,
      'k/merge-key/kustomization.yaml': `<<: {resources: [${JSON.stringify(canary.manifest)}]}\n`,
      'k/multi-doc/kustomization.yaml': `resources:\n- ${canary.manifest}\n---\nresources: []\n`,
      'k/private-key/kustomization.yaml': `configMapGenerator:\n- name: key\n  files:\n  - ${canary.privateKey}\n`,
      'k/checkout/kustomization.yaml': `resources:\n- ${path.join(repo.dir, '.untracked-secret.yaml')}\n`,
      'k/git-dir/kustomization.yaml': `configMapGenerator:\n- name: g\n  files:\n  - ${dotdot}${path.join(repo.dir, '.git', 'canary').slice(1)}\n`,
      'k/remote/kustomization.yaml': `resources:\n- ${server.url}/leak.yaml\n`,
      // helm: schema references to files and URLs, .Files outside the chart, a symlink, a values file outside.
      'charts/schema-file/Chart.yaml': chart('schema-file'),
      'charts/schema-file/templates/cm.yaml': cm('s1'),
      'charts/schema-file/values.schema.json': `{\n  "type": "object",\n  "properties": {\n    "x": { "$ref": "file://${canary.schema}" }\n  }\n}\n`,
      'charts/schema-http/Chart.yaml': chart('schema-http'),
      'charts/schema-http/templates/cm.yaml': cm('s2'),
      'charts/schema-http/values.schema.json': `{ "$ref": "${server.url}/schema.json" }\n`,
      'charts/schema-relative/Chart.yaml': chart('schema-relative'),
      'charts/schema-relative/templates/cm.yaml': cm('s3'),
      'charts/schema-relative/values.schema.json': `{ "\\u0024ref": "${dotdot}${canary.schema.slice(1)}" }\n`,
      'charts/files/Chart.yaml': chart('files'),
      'charts/files/templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: files\ndata:\n  a: {{ .Files.Get "${dotdot}${canary.manifest.slice(1)}" | quote }}\n  b: {{ .Files.Get "${canary.privateKey}" | quote }}\n`,
      'charts/symlink/Chart.yaml': chart('symlink'),
    };
    hostile = Object.fromEntries(Object.keys(files).filter((f) => f.endsWith('kustomization.yaml') || f.endsWith('Chart.yaml')).map((f) => [f, path.posix.dirname(f)]));
    for (const [f, body] of Object.entries(files)) repo.write(f, body);
    // A template that is a symlink to a host file (git stores the link; the export never materializes it).
    mkdirSync(path.join(repo.dir, 'charts/symlink/templates'), { recursive: true });
    symlinkSync(canary.manifest, path.join(repo.dir, 'charts/symlink/templates/leak.yaml'));
    // A subchart archive: its schema is out of the pre-check's sight, only the jail stands in its way.
    const sub = mkdtempSync(path.join(os.tmpdir(), 'preadmit-subchart-'));
    mkdirSync(path.join(sub, 'sub', 'templates'), { recursive: true });
    writeFileSync(path.join(sub, 'sub', 'Chart.yaml'), chart('sub'));
    writeFileSync(path.join(sub, 'sub', 'templates', 'cm.yaml'), cm('sub'));
    writeFileSync(path.join(sub, 'sub', 'values.schema.json'), JSON.stringify({ $ref: `file://${canary.schema}` }));
    repo.write('charts/archive/Chart.yaml', `${chart('archive')}dependencies:\n- name: sub\n  version: 0.1.0\n`);
    repo.write('charts/archive/templates/cm.yaml', cm('archive'));
    mkdirSync(path.join(repo.dir, 'charts/archive/charts'), { recursive: true });
    execFileSync('tar', ['-czf', path.join(repo.dir, 'charts/archive/charts/sub-0.1.0.tgz'), '-C', sub, 'sub']);
    rmSync(sub, { recursive: true, force: true });
    hostile['charts/archive/Chart.yaml'] = 'charts/archive';
    repo.commitAll('hostile');
  });
  afterAll(async () => {
    await server.close();
    canary.cleanup();
    repo.cleanup();
  });

  it('the jail is available on this machine (npm run tools installs bubblewrap)', async () => {
    expect(await jailSupport()).toMatchObject({ ok: true });
  });

  it('render -o yaml and -o json: no host file, every hostile root refused or blocked naming its file, no network', async () => {
    for (const format of ['yaml', 'json']) {
      const r = await cli(['render', '--repo', repo.dir, '-o', format]);
      expect(r.code).toBe(1);
      expect(r.out + r.err).not.toContain(canary.text);
      for (const dir of Object.values(hostile)) {
        if (dir === 'charts/files' || dir === 'charts/symlink') continue; // these render, harmlessly: checked below
        expect(r.err, dir).toMatch(new RegExp(`error: [^\\n]*${dir.replace(/[/.-]/g, '\\$&')}`));
      }
      // What renders is the repository's own content only.
      expect(r.out).toContain('good');
    }
    expect(server.requests).toEqual([]);
  });

  it('helm .Files outside the chart is empty, a symlinked template is never exported', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots: [{ kind: 'helm', path: 'charts/files', release: 'f' }, { kind: 'helm', path: 'charts/symlink', release: 's' }] });
    expect(JSON.stringify(r)).not.toContain(canary.text);
    const files = r.objects.find((o) => o.object.metadata && (o.object.metadata as { name?: string }).name === 'files');
    expect(files?.object.data).toEqual({ a: '', b: '' });
    expect(r.objects.filter((o) => o.root === 'helm:charts/symlink#s')).toEqual([]);
  });

  it('diff in every format: no host file; the change is blocked with the reasons', async () => {
    for (const format of ['text', 'markdown', 'json', 'sarif']) {
      const r = await cli(['diff', '--repo', repo.dir, '--base', base, '--head', 'HEAD', '-o', format]);
      expect(r.code, format).toBe(1);
      expect(r.out + r.err).not.toContain(canary.text);
      expect(r.out).toMatch(/k\/absolute/);
    }
    expect(server.requests).toEqual([]);
  });

  it('values.schema.json references are refused before helm runs, with file and line', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots: [{ kind: 'helm', path: 'charts/schema-file', release: 'x' }, { kind: 'helm', path: 'charts/schema-http', release: 'y' }, { kind: 'helm', path: 'charts/schema-relative', release: 'z' }] });
    expect(r.errors.map((e) => [e.source?.file, e.source?.startLine])).toEqual([
      ['charts/schema-file/values.schema.json', 4],
      ['charts/schema-http/values.schema.json', 1],
      ['charts/schema-relative/values.schema.json', 1],
    ]);
    expect(r.errors[0]!.message).toMatch(/^charts\/schema-file\/values\.schema\.json:4: schema reference '\$ref: "file:\/\/.*' is not a fragment of this schema \(#\/\.\.\.\): refused/);
    expect(server.requests).toEqual([]);
  });

  it('a schema reference the pre-check cannot see (inside a chart archive) is stopped by the jail', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots: [{ kind: 'helm', path: 'charts/archive', release: 'a' }] });
    expect(JSON.stringify(r)).not.toContain(canary.text);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^charts\/archive \(release a\): helm template failed/);
    expect(r.errors[0]!.message).toMatch(/no such file or directory/);
  });
});

describe('security/jail: the jail alone (pre-checks bypassed)', () => {
  let canary: Canaries;
  let server: CountingServer;
  let dir: string;
  let probe: string;
  const limits = { timeoutMs: 30_000, maxOutputBytes: 1 << 20 };
  beforeAll(async () => {
    canary = makeCanaries();
    server = await countingServer(canary.text);
    dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-jail-direct-'));
    probe = buildProbe(path.join(dir, 'bin'));
  });
  afterAll(async () => {
    await server.close();
    canary.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kustomize told to read a host directory: renders it unjailed (the control), cannot see it jailed', async () => {
    const k = path.join(dir, 'k');
    mkdirSync(k);
    // kustomize's own load restrictor stops files outside the root, not bases: a host directory with a kustomization.
    writeFileSync(path.join(canary.dir, 'kustomization.yaml'), 'resources:\n- leak.yaml\n');
    writeFileSync(path.join(k, 'kustomization.yaml'), `Resources:\n- ${'../'.repeat(12)}${canary.dir.slice(1)}\n`);
    const unjailed = await runSandboxed(findTool('kustomize'), ['build', k], { cwd: dir, ...limits, jail: false });
    expect(unjailed.stdout + unjailed.stderr).toContain(canary.text);
    const jailed = await runSandboxed(findTool('kustomize'), ['build', k], { cwd: dir, ...limits, jail: { readOnly: [k] } });
    expect(jailed.code).not.toBe(0);
    expect(jailed.stdout + jailed.stderr).not.toContain(canary.text);
  });

  it('helm told to load a host schema: the error quotes it unjailed (the control), cannot see it jailed', async () => {
    const c = path.join(dir, 'chart');
    mkdirSync(path.join(c, 'templates'), { recursive: true });
    writeFileSync(path.join(c, 'Chart.yaml'), chart('c'));
    writeFileSync(path.join(c, 'templates', 'cm.yaml'), cm('c'));
    writeFileSync(path.join(c, 'values.schema.json'), JSON.stringify({ $ref: `file://${canary.schema}` }));
    const args = ['template', 'r', c];
    const env = { HELM_CACHE_HOME: 'h/cache', HELM_CONFIG_HOME: 'h/config', HELM_DATA_HOME: 'h/data' };
    const unjailed = await runSandboxed(findTool('helm'), args, { cwd: dir, ...limits, jail: false, homeDirs: env, scratchDir: dir });
    expect(unjailed.stdout + unjailed.stderr).toContain(canary.text);
    const jailed = await runSandboxed(findTool('helm'), args, { cwd: c, ...limits, jail: { readOnly: [c] }, homeDirs: env });
    expect(jailed.code).not.toBe(0);
    expect(jailed.stdout + jailed.stderr).not.toContain(canary.text);
  });

  it('inside: an empty root (no /etc, /home, /usr, caches, keys), only what is bound, read-only', async () => {
    const r = await runSandboxed(probe, ['list', '/'], { cwd: '/', ...limits });
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['dev', 'opt', 'proc', 'tmp']);
    const read = await runSandboxed(probe, ['read', canary.manifest, canary.privateKey, path.join(os.homedir(), '.ssh/id_rsa'), '/etc/hostname', '/proc/1/root/etc/hostname'], { cwd: '/', ...limits });
    expect(read.stdout).not.toContain(canary.text);
    expect(read.stdout.split('\n').filter(Boolean).every((l) => /no such file or directory|permission denied/.test(l))).toBe(true);
    const bound = await runSandboxed(probe, ['write', path.join(dir, 'bin', 'x')], { cwd: '/', ...limits, jail: { readOnly: [path.join(dir, 'bin')] } });
    expect(bound.stdout).toMatch(/read-only file system/);
  });

  it('inside: no network, not even the host loopback', async () => {
    const r = await runSandboxed(probe, ['dial', `127.0.0.1:${server.port}`], { cwd: '/', ...limits });
    expect(r.stdout).toMatch(/connection refused|network is unreachable/);
    const out = await runSandboxed(probe, ['dial', '1.1.1.1:443'], { cwd: '/', ...limits });
    expect(out.stdout).toMatch(/network is unreachable/);
    expect(server.requests).toEqual([]);
  });

  it('inside: the environment is ours only', async () => {
    process.env.PREADMIT_TEST_CREDENTIAL = 'must-not-leak';
    try {
      const r = await runSandboxed(probe, ['env'], { cwd: '/', ...limits, env: { EXTRA: '1' } });
      expect(r.stdout).not.toContain('must-not-leak');
      expect(r.stdout).toContain('EXTRA=1');
      expect(r.stdout).toMatch(/^HOME=\/tmp\/home$/m);
    } finally {
      delete process.env.PREADMIT_TEST_CREDENTIAL;
    }
  });

  it('stops a process at the time limit, at the output cap and at the memory cap', async () => {
    const slow = await runSandboxed(probe, ['sleep', '60'], { cwd: '/', timeoutMs: 300, maxOutputBytes: 1000 });
    expect(slow.timedOut).toBe(true);
    const loud = await runSandboxed(probe, ['spew'], { cwd: '/', timeoutMs: 20_000, maxOutputBytes: 10_000 });
    expect(loud.overflowed).toBe(true);
    const greedy = await runSandboxed(probe, ['alloc', '600'], { cwd: '/', ...limits, memoryBytes: 256 << 20 });
    expect(greedy.outOfMemory).toBe(true);
    const modest = await runSandboxed(probe, ['alloc', '64'], { cwd: '/', ...limits, memoryBytes: 256 << 20 });
    expect(modest.stdout).toBe('allocated 64\n');
  });
});

describe('security/jail: limits per render and per check', () => {
  let repo: GitRepo;
  beforeAll(() => {
    repo = GitRepo.temp('preadmit-limits-');
    repo.commit({
      'charts/blowup/Chart.yaml': chart('blowup'),
      'charts/blowup/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: {{ repeat 2000000000 "x" | quote }}\n',
      'charts/ok/Chart.yaml': chart('ok'),
      'charts/ok/templates/cm.yaml': cm('ok'),
      'charts/late/Chart.yaml': chart('late'),
      'charts/late/templates/cm.yaml': cm('late'),
      'charts/loop1/Chart.yaml': chart('loop1'),
      'charts/loop1/templates/cm.yaml': '{{ range until 20000 }}{{ range until 20000 }}{{ end }}{{ end }}\n',
      'charts/loop2/Chart.yaml': chart('loop2'),
      'charts/loop2/templates/cm.yaml': '{{ range until 20000 }}{{ range until 20001 }}{{ end }}{{ end }}\n',
      'charts/loop3/Chart.yaml': chart('loop3'),
      'charts/loop3/templates/cm.yaml': '{{ range until 20000 }}{{ range until 20002 }}{{ end }}{{ end }}\n',
      'charts/noisy/Chart.yaml': chart('noisy'),
      'charts/noisy/templates/cm.yaml': '{{ fail (printf "%s\\x1b[31m\\u202eevil\\x07\\r\\nlast" (repeat 5000 "A")) }}\n',
    });
  });
  afterAll(() => repo.cleanup());

  it('a helm repeat blowup is stopped at the memory cap with a clear message; the next render works', async () => {
    const source = new LocalGitSource(repo.dir);
    const r = await renderRef(source, 'HEAD', { roots: [{ kind: 'helm', path: 'charts/blowup', release: 'b' }] });
    expect(r.errors.map((e) => e.message)).toEqual(['charts/blowup (release b): helm template exceeded the 1024 MiB memory cap and was stopped']);
    const ok = await renderRef(source, 'HEAD', { roots: [{ kind: 'helm', path: 'charts/ok', release: 'o' }] });
    expect(ok.errors).toEqual([]);
    expect(ok.objects).toHaveLength(1);
  });

  it('the render budget is shared by the whole check: looping charts stop, the rest is not rendered, fail closed', async () => {
    const budget = renderBudget(1_500);
    const roots = ['loop1', 'loop2', 'loop3'].map((c) => ({ kind: 'helm' as const, path: `charts/${c}`, release: c }));
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots, budget, concurrency: 1 });
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]!.message).toBe('charts/loop1 (release loop1): helm template ran past the render time budget (1500 ms for the whole check) and was stopped');
    for (const e of r.errors.slice(1)) expect(e.message).toMatch(/the render time budget \(1500 ms for the whole check\) was spent: not rendered, the check fails closed$/);
    expect(r.failClosed).toEqual(['the render time budget (1500 ms for the whole check) was spent: not rendered, the check fails closed']);
    // The next ref of the same check renders nothing either.
    const head = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots: [{ kind: 'helm', path: 'charts/late', release: 'l' }], budget });
    expect(head.objects).toEqual([]);
    expect(head.failClosed).toHaveLength(1);
  });

  it("tool text reaching a report is capped and cleaned: last lines, at most 1,000 characters, no control characters", async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots: [{ kind: 'helm', path: 'charts/noisy', release: 'n' }] });
    const message = r.errors[0]!.message;
    expect(message).toMatch(/^charts\/noisy \(release n\): helm template failed \(exit 1\): …A+/);
    expect(message.length).toBeLessThan(1_100);
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(message).toMatch(/evil\nlast\nUse --debug flag to render out invalid YAML$/);
    expect(untrustedToolText('\u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u001b[1mbold\u001b[0m')).toBe('link bold');
  });
});

describe('security/jail: values.schema.json pre-check', () => {
  const refused = (text: string): Array<[number, string]> => schemaReferenceErrors('c/values.schema.json', text).map((e) => [e.source!.startLine, e.message]);
  it('accepts fragments, well-known drafts and http(s) identifiers', () => {
    expect(refused('{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.com/v.json", "definitions": {"a": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/a"}, "id": {"type": "string"}}, "default": {"id": "x"}}')).toEqual([]);
  });
  it('refuses files, URLs, relative paths, unknown meta-schemas, file bases, escapes and duplicate keys, by line', () => {
    const text = [
      '{',
      '  "a": { "$ref": "file:///etc/passwd" },',
      '  "b": { "$ref": "https://example.com/s.json" },',
      '  "c": { "$ref": "other.json#/x" },',
      '  "d": { "\\u0024ref": "/etc/passwd" },',
      '  "e": { "$dynamicRef": "http://x/" },',
      '  "$schema": "file:///etc/passwd",',
      '  "f": { "$id": "file:///etc/" },',
      '  "g": { "$id": "../../../../etc/" },',
      '  "h": { "id": "file:///etc/" }',
      '}',
    ].join('\n');
    expect(refused(text).map(([line]) => line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(refused('{"$ref": "#/a", "$ref": "file:///etc/passwd"}')[0]![1]).toMatch(/^c\/values\.schema\.json:1: schema is not valid JSON \(Map keys must be unique/);
  });
});

describe('security/jail: without a jail', () => {
  let repo: GitRepo;
  beforeAll(() => {
    repo = GitRepo.temp('preadmit-nojail-');
    repo.commit({ 'plain/cm.yaml': cm('plain') }, 'base');
    repo.commit({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': cm('app'), '.github/preadmit.yml': 'blocking:\n  errorsAtHead: false\n' });
  });
  afterAll(() => repo.cleanup());
  // The jail is found out once per process: these runs are processes of their own, with no bwrap to find.
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PREADMIT_BWRAP: path.join(repo.dir, 'no-such-bwrap'), ...env },
    });

  it('render refuses the tool roots with the reason and how to fix it; plain files still render', () => {
    const r = run(['render', '--repo', repo.dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/preadmit render: kustomize and helm roots will NOT be rendered: bubblewrap \(bwrap\) not found at PREADMIT_BWRAP=.*install bubblewrap.*pass --unsafe-no-sandbox/);
    expect(r.stderr).toMatch(/error: app: not rendered: the renderer jail cannot be made/);
    expect(r.stdout).toContain('name: plain');
    expect(r.stdout).not.toContain('name: app');
  });

  it('--unsafe-no-sandbox renders with a warning; refused in production', () => {
    const r = run(['render', '--repo', repo.dir, '--unsafe-no-sandbox']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/WARNING: --unsafe-no-sandbox: kustomize and helm run without the filesystem jail/);
    expect(r.stdout).toContain('name: app');
    const prod = run(['render', '--repo', repo.dir, '--unsafe-no-sandbox'], { NODE_ENV: 'production' });
    expect(prod.status).toBe(2);
    expect(prod.stderr).toMatch(/--unsafe-no-sandbox is refused when NODE_ENV=production/);
  });

  it('a check fails closed even when the repository says errors do not block', () => {
    const r = run(['diff', '--repo', repo.dir, '--base', 'HEAD~1', '--head', 'HEAD', '--config', path.join(repo.dir, '.github/preadmit.yml'), '-o', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { verdict: { conclusion: string; blocking: string[] } };
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.blocking).toEqual([expect.stringMatching(/^rendering incomplete \(fail closed\): kustomize and helm roots not rendered: bubblewrap \(bwrap\) not found/)]);
  });
});

describe('security/jail: render cache', () => {
  it('keeps jailed renders only', async () => {
    const repo = GitRepo.temp('preadmit-cache-');
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-cache-dir-'));
    const saved = process.env.PREADMIT_CACHE_DIR;
    process.env.PREADMIT_CACHE_DIR = cacheDir;
    try {
      repo.commit({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': cm(`c-${Date.now()}`) });
      const source = new LocalGitSource(repo.dir);
      const unjailed = await renderRef(source, 'HEAD', { sandbox: 'unsafe-none' });
      expect(unjailed.jailed).toBe(false);
      expect(unjailed.objects).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200)); // writes are not awaited by renderRef
      expect(readdirSync(cacheDir)).toEqual([]);
      const jailed = await renderRef(source, 'HEAD', {});
      expect(jailed.jailed).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(readdirSync(path.join(cacheDir, 'renders'))).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.PREADMIT_CACHE_DIR;
      else process.env.PREADMIT_CACHE_DIR = saved;
      repo.cleanup();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
