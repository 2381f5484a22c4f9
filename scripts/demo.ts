// `npm run demo`: builds the demo GitOps repository from fixtures/demo as real git history (a base commit
// on main and a head commit on a PR branch), runs `preadmit diff` on it and prints the report.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.join(root, 'fixtures', 'demo');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  });
}

/** Builds the demo repository in a new temporary directory and returns its path. */
export async function buildDemoRepo(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'preadmit-demo-'));
  await cp(path.join(fixtures, 'base'), dir, { recursive: true });
  // The templates are preadmit's own policy library.
  for (const entry of await readdir(path.join(root, 'policies'), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'lib' || entry.name === 'expansion') continue;
    await cp(path.join(root, 'policies', entry.name, 'template.yaml'), path.join(dir, 'platform', 'gatekeeper', 'templates', `${entry.name}.yaml`));
  }
  await cp(path.join(root, 'policies', 'expansion', 'expansion.yaml'), path.join(dir, 'platform', 'gatekeeper', 'expansion.yaml'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base: the cluster as it runs today');
  git(dir, 'checkout', '-q', '-b', 'pr');
  await cp(path.join(fixtures, 'head'), dir, { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head: the pull request');
  return dir;
}

async function run(): Promise<void> {
  const dir = await buildDemoRepo();
  const format = process.argv.includes('--markdown') ? 'markdown' : 'text';
  process.stdout.write(`Demo repository: ${dir} (branch main = base, branch pr = head)\n`);
  process.stdout.write(`$ preadmit diff --repo ${dir} --base main --head pr -o ${format}\n\n`);
  const code = await main(['diff', '--repo', dir, '--base', 'main', '--head', 'pr', '-o', format]);
  process.stdout.write(`\npreadmit diff exited with ${code} (1 = the PR is blocked, as this demo expects)\n`);
  if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
  // The demo succeeds when preadmit blocks the PR: anything else means the pipeline is broken.
  process.exitCode = code === 1 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
