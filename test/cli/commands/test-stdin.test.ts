// `preadmit test` reads objects from standard input when no -f is given, as `gator test` does.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CASE = path.join(ROOT, 'fixtures/conformance/test/sprintf');

function run(command: string, args: string[], input: string) {
  const r = spawnSync(command, args, { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('preadmit test on standard input', () => {
  it('gives what gator gives for the same stream', () => {
    const input = readdirSync(CASE)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => readFileSync(path.join(CASE, f), 'utf8'))
      .join('\n---\n');
    const gator = run(path.join(ROOT, '.tools/bin/gator'), ['test', '-o', 'json'], input);
    const mine = run(process.execPath, [path.join(ROOT, 'bin/preadmit.js'), 'test', '-o', 'json'], input);
    expect(gator.code).toBe(1);
    expect(mine.code).toBe(gator.code);
    const sorted = (text: string) => (JSON.parse(text) as Array<{ msg: string }>).map((r) => JSON.stringify(r)).sort();
    expect(sorted(mine.stdout)).toEqual(sorted(gator.stdout));
    expect(sorted(mine.stdout).length).toBeGreaterThan(5);
  });

  it('says there is nothing to review on an empty stream, as gator does', () => {
    const gator = run(path.join(ROOT, '.tools/bin/gator'), ['test'], '');
    const mine = run(process.execPath, [path.join(ROOT, 'bin/preadmit.js'), 'test'], '');
    expect(mine.code).toBe(gator.code);
    expect(mine.stderr).toContain('no input data identified');
    expect(gator.stderr).toContain('no input data identified');
  });
});
