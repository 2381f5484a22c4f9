// `preadmit verify` against the real `gator verify`: the same arguments, the same output (timings masked),
// the same exit status. The corpus in fixtures/conformance/verify holds passing and failing suites.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/cli/commands/verify.ts';
import { findTool, REPO_ROOT, runTool } from '../../src/opa/tools.ts';

const CORPUS = 'fixtures/conformance/verify';
const root = REPO_ROOT.replace(/\/$/, '');

interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function preadmit(args: string[]): Promise<Outcome> {
  const out = sink();
  const err = sink();
  const status = await runVerify(args, out.stream, err.stream);
  return { stdout: out.text(), stderr: err.text(), status };
}

async function gator(args: string[]): Promise<Outcome> {
  const r = await runTool(findTool('gator'), ['verify', ...args], { cwd: root });
  if (r.spawnError !== undefined || r.exitCode === null) throw new Error(`gator did not run: ${r.spawnError ?? 'killed'}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode };
}

/** Go-test timings such as `(0.012s)` and `\t0.034s` are the only allowed difference. */
function masked(text: string): string {
  return text.replace(/\b\d+\.\d{3}s\b/g, 'T');
}

async function expectSameAsGator(args: string[]): Promise<Outcome> {
  const [mine, theirs] = [await preadmit(args), await gator(args)];
  expect(masked(mine.stdout)).toBe(masked(theirs.stdout));
  expect(mine.stderr).toBe(theirs.stderr);
  expect(mine.status).toBe(theirs.status);
  return theirs;
}

function suiteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...suiteFiles(p));
    else out.push(p);
  }
  return out;
}

beforeAll(() => {
  // Both tools resolve relative arguments against the working directory, and print them back.
  if (process.cwd() !== root) process.chdir(root);
});

describe('each corpus file, alone', () => {
  for (const file of suiteFiles(`${CORPUS}/suites`).filter((f) => /\.ya?ml$/.test(f))) {
    it(file, async () => {
      await expectSameAsGator([file]);
    });
  }
});

describe('whole-run errors (the suite list cannot be read)', () => {
  for (const file of suiteFiles(`${CORPUS}/listing-errors`)) {
    it(file, async () => {
      const r = await expectSameAsGator([file]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/^Error: listing test files: /);
    });
  }
  it('a path that does not exist', async () => {
    await expectSameAsGator([`${CORPUS}/suites/nope.yaml`]);
  });
  it('recursion into a file', async () => {
    await expectSameAsGator([`${CORPUS}/suites/skip/suite.yaml/...`]);
  });
});

describe('paths, recursion, verbosity and --run', () => {
  const tree = `${CORPUS}/suites/...`;
  const variants: string[][] = [
    [tree],
    ['-v', tree],
    [`./${tree}`],
    [`${CORPUS}/suites/skip`],
    [`${CORPUS}/suites/decode`],
    ['-v', `${CORPUS}/suites/skip`],
    ['--run', 'labels', tree],
    ['--run', '^owner', '-v', tree],
    ['--run', '//^runs', '-v', tree],
    ['-r', '(?i)ADMISSION//update', '-v', tree],
    ['--run=expansion//', tree],
    ['--run', '(', tree],
    ['--run', 'a//b//c', tree],
    // gator's CEL switch: CEL-only templates then have no driver; CEL+Rego templates run their Rego.
    ['--enable-k8s-native-validation=false', '-v', `${CORPUS}/suites/cel`],
    ['--enable-k8s-native-validation', `${CORPUS}/suites/cel`],
  ];
  for (const args of variants) {
    it(args.join(' '), async () => {
      await expectSameAsGator(args);
    });
  }
  it('the corpus holds both passing and failing suites', async () => {
    const r = await gator(['-v', tree]);
    expect(r.stdout).toMatch(/^ok\t/m);
    expect(r.stdout).toMatch(/^FAIL\t/m);
    expect(r.stdout).toMatch(/=== SKIP {2}/);
  });
});

describe('the project policy library', () => {
  it('policies/... passes under preadmit verify exactly as under gator verify', async () => {
    const r = await expectSameAsGator(['policies/...']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PASS$/m);
  });
  it('-v policies/...', async () => {
    await expectSameAsGator(['-v', 'policies/...']);
  });
});
