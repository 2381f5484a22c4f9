import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, git, type FixtureRepo } from './repo.ts';

describe('source/git LocalGitSource', () => {
  let repo: FixtureRepo;
  let first: string;
  let second: string;
  beforeAll(() => {
    repo = fixtureRepo('gitops');
    first = repo.head();
    symlinkSync('/etc/passwd', path.join(repo.dir, 'passwd-link.yaml'));
    repo.commit({
      'bases/web/deployment.yaml': readFileSync(path.join(repo.dir, 'bases/web/deployment.yaml'), 'utf8').replace('replicas: 1', 'replicas: 4'),
      'manifests/registry-secret.yaml': null,
      'apps/qa/kustomization.yaml': 'resources:\n  - ../../bases/web\n',
    });
    second = repo.rename('apps/prod/pdb.yaml', 'apps/prod/disruption-budget.yaml');
  });
  afterAll(() => repo.cleanup());

  it('resolves refs to commit shas and rejects what names no commit or looks like an option', async () => {
    const source = new LocalGitSource(repo.dir);
    expect(await source.resolve('HEAD')).toBe(second);
    expect(await source.resolve('main')).toBe(second);
    expect(await source.resolve('HEAD~2')).toBe(first);
    expect(await source.resolve(first.slice(0, 10))).toBe(first);
    await expect(source.resolve('no-such-branch')).rejects.toThrow(/does not name a commit/);
    await expect(source.resolve('--output=/tmp/x')).rejects.toThrow(/invalid ref/);
  });

  it('lists regular files of the tree at a ref, never symlinks', async () => {
    const source = new LocalGitSource(repo.dir);
    const atFirst = await source.listFiles(first);
    const atHead = await source.listFiles('HEAD');
    expect(atFirst).toContain('manifests/registry-secret.yaml');
    expect(atFirst).toContain('.github/workflows/ci.yml');
    expect(atHead).not.toContain('manifests/registry-secret.yaml');
    expect(atHead).toContain('apps/qa/kustomization.yaml');
    expect(atHead).not.toContain('passwd-link.yaml');
    expect(git(repo.dir, 'ls-files', '-s', 'passwd-link.yaml')).toMatch(/^120000 /);
    expect(atHead).toEqual([...atHead].sort());
  });

  it('reads files at any ref; an absent file or a symlink reads as undefined', async () => {
    const source = new LocalGitSource(repo.dir);
    expect((await source.readFile(first, 'bases/web/deployment.yaml'))?.toString()).toContain('replicas: 1');
    expect((await source.readFile('HEAD', 'bases/web/deployment.yaml'))?.toString()).toContain('replicas: 4');
    expect(await source.readFile('HEAD', 'manifests/registry-secret.yaml')).toBeUndefined();
    expect(await source.readFile('HEAD', 'passwd-link.yaml')).toBeUndefined();
    const many = await Promise.all(['apps/dev/kustomization.yaml', 'apps/batch/kustomization.yaml', 'nope'].map((f) => source.readFile('HEAD', f)));
    expect(many.map((b) => b?.toString().split('\n')[0])).toEqual(['namespace: dev', 'namespace: batch', undefined]);
  });

  it('lists changed files with added, modified, deleted and renamed', async () => {
    const source = new LocalGitSource(repo.dir);
    const changes = await source.changedFiles(first, 'HEAD');
    expect(changes.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'apps/prod/disruption-budget.yaml', status: 'renamed', previousPath: 'apps/prod/pdb.yaml' },
      { path: 'apps/qa/kustomization.yaml', status: 'added' },
      { path: 'bases/web/deployment.yaml', status: 'modified' },
      { path: 'manifests/registry-secret.yaml', status: 'deleted' },
      { path: 'passwd-link.yaml', status: 'added' },
    ]);
  });

  it('materializes files of an old ref without touching the working tree, index or HEAD', async () => {
    writeFileSync(path.join(repo.dir, 'apps/dev/replicas.yaml'), 'local edit, not committed\n');
    const statusBefore = git(repo.dir, 'status', '--porcelain');
    const source = new LocalGitSource(repo.dir);
    const out = await mkdtemp(path.join(os.tmpdir(), 'preadmit-mat-'));
    try {
      await source.materialize(first, ['bases/web/deployment.yaml', 'apps/dev/replicas.yaml', 'not/there.yaml'], out);
      expect(readFileSync(path.join(out, 'bases/web/deployment.yaml'), 'utf8')).toContain('replicas: 1');
      expect(readFileSync(path.join(out, 'apps/dev/replicas.yaml'), 'utf8')).toContain('replicas: 2');
      expect(readdirSync(out).sort()).toEqual(['apps', 'bases']);
      await source.materialize('HEAD', 'all', path.join(out, 'all'));
      expect(readdirSync(path.join(out, 'all')).sort()).toEqual(['.github', 'README.md', 'apps', 'bases', 'charts', 'components', 'envs', 'manifests']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    expect(readFileSync(path.join(repo.dir, 'apps/dev/replicas.yaml'), 'utf8')).toBe('local edit, not committed\n');
    expect(git(repo.dir, 'status', '--porcelain')).toBe(statusBefore);
    expect(repo.head()).toBe(second);
    git(repo.dir, 'checkout', '--', 'apps/dev/replicas.yaml');
  });

  it('reads through one kept git process: large blobs split over many pipe reads, missing paths, reads tick after tick', async () => {
    // Blobs larger than a pipe's buffer arrive in pieces; sizes chosen so that headers and contents straddle them.
    const big = (n: number, c: string) => `# ${c}\n${c.repeat(n)}\n`;
    const files: Record<string, string> = { 'big/a.yaml': big(200_000, 'a'), 'big/b.yaml': big(65_531, 'b'), 'big/c.yaml': big(3, 'c'), 'big/empty.yaml': '' };
    const sha = repo.commit(files);
    const source = new LocalGitSource(repo.dir);
    for (let round = 0; round < 3; round++) {
      const names = [...Object.keys(files), 'big/missing.yaml'];
      const read = await Promise.all(names.map((f) => source.readFile(sha, f)));
      expect(read.map((b) => b?.toString('utf8'))).toEqual([...Object.values(files), undefined]);
      // One at a time too: each read is its own request to the same process.
      for (const [f, text] of Object.entries(files)) expect((await source.readFile(sha, f))?.toString('utf8')).toBe(text);
    }
    git(repo.dir, 'reset', '-q', '--hard', second);
  });

  it('a command that read blobs exits when it is done: the kept git process does not hold node', () => {
    const script = `import { LocalGitSource } from ${JSON.stringify(path.resolve('src/source/git.ts'))};
const s = new LocalGitSource(${JSON.stringify(repo.dir)});
const b = await s.readFile('HEAD', 'bases/web/deployment.yaml');
console.log(b.toString().includes('replicas: 4') ? 'read' : 'wrong');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('read');
    // Ended by itself, not by the timeout (which would leave a signal and no status).
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  });
});
