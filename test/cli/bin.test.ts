// bin/preadmit.js: one process (no re-exec with extra V8 flags), the bundle when it is current, the TypeScript
// sources through tsx when a checkout's src/ is newer than the bundle or there is none. Runs the real bin file in a
// scratch layout (bin/, dist/, src/) whose entry points report how they were started.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'preadmit-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An entry point that prints where it is, its V8 flags, its parent and its arguments, and returns 3. */
const entry = (where: string) =>
  `export async function main(argv) { process.stdout.write(JSON.stringify({ where: ${JSON.stringify(where)}, execArgv: process.execArgv, ppid: process.ppid, argv })); return 3; }\n`;

function layout(name: string, files: { bundle: boolean; sources: boolean }): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  // The checkout's node_modules, so that `tsx` resolves as it does for bin/preadmit.js itself.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  copyFileSync(path.join(ROOT, 'bin/preadmit.js'), path.join(dir, 'bin/preadmit.js'));
  if (files.sources) {
    mkdirSync(path.join(dir, 'src/cli'), { recursive: true });
    // TypeScript only tsx can load: a type annotation.
    writeFileSync(path.join(dir, 'src/cli/main.ts'), entry('sources').replace('main(argv)', 'main(argv: string[]): Promise<number>'));
  }
  if (files.bundle) {
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/cli.mjs'), entry('bundle'));
  }
  return dir;
}

function run(dir: string): { status: number | null; out: { where: string; execArgv: string[]; ppid: number; argv: string[] }; pid: number | undefined } {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin/preadmit.js'), 'test', '-o', 'json'], { encoding: 'utf8' });
  if (r.stdout === '') throw new Error(`no output: ${r.stderr}`);
  return { status: r.status, out: JSON.parse(r.stdout), pid: r.pid };
}

const past = new Date(Date.now() - 3600_000);

describe('bin/preadmit.js', () => {
  it('runs the bundle in the same process: no re-exec, no extra V8 flags, arguments and exit code passed through', () => {
    const dir = layout('bundle-only', { bundle: true, sources: false });
    const r = run(dir);
    expect(r.out.where).toBe('bundle');
    expect(r.out.execArgv).toEqual([]);
    // The process bin/preadmit.js started in is the one main() runs in: its parent is this test.
    expect(r.out.ppid).toBe(process.pid);
    expect(r.out.argv).toEqual(['test', '-o', 'json']);
    expect(r.status).toBe(3);
  });

  it('run as a command (its shebang), node starts with a small young generation: the same process, the flag in execArgv', () => {
    const dir = layout('bundle-shebang', { bundle: true, sources: false });
    const r = spawnSync(path.join(dir, 'bin/preadmit.js'), ['test'], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { where: string; execArgv: string[]; ppid: number };
    expect(out.where).toBe('bundle');
    // ~60 MB less peak RSS on bench:engine's corpus (the main thread's semi-spaces), no measurable time cost.
    expect(out.execArgv).toEqual(['--max-semi-space-size=2']);
    expect(r.status).toBe(3);
  });

  it('runs the bundle when the sources beside it are older', () => {
    const dir = layout('bundle-current', { bundle: true, sources: true });
    utimesSync(path.join(dir, 'src/cli/main.ts'), past, past);
    expect(run(dir).out.where).toBe('bundle');
  });

  it('runs the sources through tsx when a source file is newer than the bundle, or there is no bundle', () => {
    const stale = layout('bundle-stale', { bundle: true, sources: true });
    utimesSync(path.join(stale, 'dist/cli.mjs'), past, past);
    const r = run(stale);
    expect(r.out.where).toBe('sources');
    expect(r.out.ppid).toBe(process.pid);
    expect(r.status).toBe(3);
    expect(run(layout('sources-only', { bundle: false, sources: true })).out.where).toBe('sources');
  });
});
