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
});
