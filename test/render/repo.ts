// Fixture repositories built as real git repositories at test time.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'render');

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'preadmit test',
  GIT_AUTHOR_EMAIL: 'test@preadmit.invalid',
  GIT_COMMITTER_NAME: 'preadmit test',
  GIT_COMMITTER_EMAIL: 'test@preadmit.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { env: GIT_ENV, encoding: 'utf8' });
}

export interface FixtureRepo {
  dir: string;
  /** Writes (string) or deletes (null) files, then commits; returns the new sha. */
  commit(changes: Record<string, string | null>, message?: string): string;
  rename(from: string, to: string): string;
  head(): string;
  cleanup(): void;
}

/** A copy of fixtures/render/<name> (or an empty tree) committed as the first commit of a new repository. */
export function fixtureRepo(name?: string): FixtureRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-fixture-'));
  if (name !== undefined) cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'fixture');
  const head = (): string => git(dir, 'rev-parse', 'HEAD').trim();
  return {
    dir,
    head,
    commit(changes, message = 'change') {
      for (const [file, body] of Object.entries(changes)) {
        const target = path.join(dir, file);
        if (body === null) rmSync(target);
        else {
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, body);
        }
      }
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', message);
      return head();
    },
    rename(from, to) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      renameSync(path.join(dir, from), path.join(dir, to));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', `rename ${from}`);
      return head();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
