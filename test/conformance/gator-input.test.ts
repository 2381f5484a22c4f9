// Differential test of input handling: every file of fixtures/conformance/input/cases goes, with a base
// template and constraint, through the real `gator test` (v3.23.0) and through `preadmit test`. gator is
// the oracle of what is read and how:
// - gator reads the file: preadmit's exit code and every result (raw `-o json` text) are the same;
// - gator refuses the input (exit 1, nothing on stdout): preadmit exits 1 too, reports an error naming the
//   file and a line, and reviews the rest (README "Deliberate differences": bad input does not stop the
//   run), so its results are gator's results without that file.
// Documented differences (DELIBERATE below) are asserted as documented.
import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runGator, runPreadmit, sortedRawElements, type RunOutput } from './harness.ts';

const INPUT = path.join(REPO_ROOT, 'fixtures/conformance/input');
const CASES = path.join(INPUT, 'cases');
const BASE = [path.join(INPUT, 'base-template.yaml'), path.join(INPUT, 'base-constraint.yaml')];

/** Where preadmit keeps a safety limit gator does not have: the error it gives instead. */
const DELIBERATE: Record<string, RegExp> = {
  // Deeper documents would overflow the stack of recursive code downstream (README).
  'deep-300.yaml': /nests more than 200 levels deep/,
};

const files = readdirSync(CASES).sort();

function errorLines(run: RunOutput): string[] {
  return run.stderr.split('\n').filter((l) => l.startsWith('error:'));
}

const args = (extra: string[]) => [...BASE.flatMap((f) => ['-f', f]), ...extra.flatMap((f) => ['-f', f]), '-o', 'json'];

let baseOnly: RunOutput;
beforeAll(async () => {
  baseOnly = await runGator(args([]));
});

describe('input handling equals gator test', () => {
  it('has a corpus of odd inputs', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(file, async () => {
      const target = path.join(CASES, file);
      const gator = await runGator(args([target]));
      const mine = await runPreadmit(args([target]));
      const deliberate = DELIBERATE[file];
      if (deliberate) {
        expect(gator.code, gator.stderr).toBe(1);
        expect(gator.stdout.trim()).not.toBe('');
        expect(mine.code).toBe(1);
        expect(errorLines(mine).join('\n')).toMatch(deliberate);
        return;
      }
      expect(mine.code, `exit code; gator said ${gator.stderr}`).toBe(gator.code);
      const refused = gator.stdout.trim() === '';
      if (!refused) {
        expect(errorLines(mine), 'preadmit reported errors where gator read the input').toEqual([]);
        expect(sortedRawElements(mine.stdout)).toEqual(sortedRawElements(gator.stdout));
        return;
      }
      expect(gator.code).toBe(1);
      expect(gator.stderr).not.toBe('');
      const errors = errorLines(mine);
      expect(errors.length, 'preadmit must report what gator refused').toBeGreaterThan(0);
      expect(errors.some((l) => l.includes(`${target}:`)), errors.join('\n')).toBe(true);
      // The rest was reviewed: what gator gives for the input without this file.
      expect(sortedRawElements(mine.stdout)).toEqual(sortedRawElements(baseOnly.stdout));
    });
  }
});

describe('file discovery equals gator test', () => {
  let dir: string;
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'preadmit-gator-input-'));
    await mkdir(path.join(dir, '.hidden'));
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'UPPER.YAML'), cm('upper'));
    await writeFile(path.join(dir, 'Mixed.Yml'), cm('mixed'));
    await writeFile(path.join(dir, '.dotfile.yaml'), cm('dotfile'));
    await writeFile(path.join(dir, '.json'), `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"named-dot-json"}}`);
    await writeFile(path.join(dir, '.hidden', 'in-hidden.yml'), cm('in-hidden'));
    await writeFile(path.join(dir, 'notes.txt'), cm('txt'));
    await writeFile(path.join(dir, 'sub', 'a.yaml'), cm('sub'));
    await writeFile(path.join(dir, 'sub', 'b.json'), cm('yaml-in-json-file'));
    await writeFile(path.join(dir, 'x.yaml.bak'), cm('bak'));
    await symlink(path.join(dir, 'sub', 'a.yaml'), path.join(dir, 'link-to-file.yaml'));
    await symlink(path.join(dir, 'sub'), path.join(dir, 'link-to-dir'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the same files of a directory', async () => {
    const gator = await runGator(args([dir]));
    const mine = await runPreadmit(args([dir]));
    expect(gator.stdout.trim()).not.toBe('');
    expect(mine.code).toBe(gator.code);
    expect(errorLines(mine)).toEqual([]);
    const raw = sortedRawElements(mine.stdout);
    expect(raw).toEqual(sortedRawElements(gator.stdout));
    // The class, spelled out: hidden and `.json` read, other cases of extensions not.
    expect(raw.join('\n')).toContain('named-dot-json');
    expect(raw.join('\n')).toContain('in-hidden');
    expect(raw.join('\n')).not.toContain('upper');
  });

  for (const name of ['UPPER.YAML', 'Mixed.Yml', 'notes.txt', 'x.yaml.bak']) {
    it(`refuses a named file ${name} as gator does`, async () => {
      const gator = await runGator(args([path.join(dir, name)]));
      const mine = await runPreadmit(args([path.join(dir, name)]));
      expect(gator.code).toBe(1);
      expect(gator.stderr).toContain('must be of extensions');
      expect(mine.code).toBe(1);
      expect(errorLines(mine).join('\n')).toContain('must be of extensions');
    });
  }

  it('reads a named file called .json', async () => {
    const gator = await runGator(args([path.join(dir, '.json')]));
    const mine = await runPreadmit(args([path.join(dir, '.json')]));
    expect(mine.code).toBe(gator.code);
    expect(sortedRawElements(mine.stdout)).toEqual(sortedRawElements(gator.stdout));
    expect(sortedRawElements(gator.stdout).length).toBe(1);
  });
});
