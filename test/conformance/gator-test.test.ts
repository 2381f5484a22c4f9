// Differential conformance: every case of fixtures/conformance/test goes through the real `gator test`
// (v3.23.0) and through `preadmit test`; results, exit codes and text output must be identical.
// Cases named `error-*` hold a deliberately broken file (`bad-*`); see fixtures/conformance/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  caseFiles,
  lineReferences,
  listCases,
  normaliseScopedActionsText,
  parseResults,
  runGator,
  runPreadmit,
  sortedLines,
  sortedRawElements,
  sortResults,
  splitTopLevelArray,
  type RunOutput,
} from './harness.ts';

/** Cases also run with --deny-only (the ones that mix actions). */
const DENY_ONLY_CASES = new Set(['actions-deny', 'actions-nondeny', 'scoped-actions', 'expansion', 'namespace-globs']);

/** What the corpus must cover (the case list of the brief); a missing directory fails the suite. */
const REQUIRED_CASES = [
  'namespace-globs', 'scope', 'kinds-groups', 'label-selector', 'namespace-selector', 'name-globs',
  'source-expansion', 'actions-deny', 'actions-nondeny', 'scoped-actions', 'libs', 'rego-v1',
  'legacy-rego-wins', 'inventory', 'expansion', 'parameter-defaults', 'legacy-schema', 'eval-errors',
  'sprintf', 'yaml11', 'yaml11-duplicate-keys', 'details', 'collapse', 'config-object', 'json-input',
  'admission-review', 'constraints-as-objects',
  // CEL (K8sNativeValidation): gatekeeper-library templates vendored with their samples, and the driver's semantics.
  'cel-semantics', 'cel-libraries', 'cel-errors', 'cel-library-requiredlabels', 'cel-library-capabilities', 'cel-library-host-network-ports',
  'cel-library-apparmor', 'cel-library-forbidden-sysctls', 'cel-library-host-filesystem', 'cel-library-read-only-root-filesystem',
];

const cases = listCases();
const validCases = cases.filter((c) => !c.startsWith('error-'));
const errorCases = cases.filter((c) => c.startsWith('error-'));

function errorLines(run: RunOutput): string[] {
  return run.stderr.split('\n').filter((l) => l.startsWith('error:'));
}

async function expectSameJson(args: string[], options: { expectResults: boolean }): Promise<void> {
  const gator = await runGator([...args, '-o', 'json']);
  const preadmit = await runPreadmit([...args, '-o', 'json']);
  // gator itself must have run the case (a fatal error prints nothing on stdout).
  expect(gator.stdout.trim(), `gator failed: ${gator.stderr}`).not.toBe('');
  const expected = parseResults(gator.stdout);
  if (options.expectResults) expect(expected.length, 'a case that gator finds nothing in tests nothing').toBeGreaterThan(0);
  expect(errorLines(preadmit), 'preadmit reported input errors').toEqual([]);
  expect(sortResults(parseResults(preadmit.stdout))).toEqual(sortResults(expected));
  // The same, on the raw text of each result: number formatting, key order and Go's escaping.
  expect(sortedRawElements(preadmit.stdout)).toEqual(sortedRawElements(gator.stdout));
  expect(preadmit.code, 'exit code').toBe(gator.code);
}

async function expectSameText(args: string[]): Promise<void> {
  const gator = await runGator(args);
  const preadmit = await runPreadmit(args);
  expect(gator.code === 0 || gator.code === 1, `gator failed: ${gator.stderr}`).toBe(true);
  expect(sortedLines(preadmit.stdout)).toEqual(sortedLines(gator.stdout));
  expect(preadmit.code, 'exit code').toBe(gator.code);
}

describe('the harness', () => {
  it('splits a MarshalIndent array into its elements, untouched', () => {
    const text = '[\n    {\n        "a": "x,]}\\"",\n        "n": 1e+06\n    },\n    {\n        "b": [\n            1\n        ]\n    }\n]';
    expect(splitTopLevelArray(text)).toEqual(['{\n        "a": "x,]}\\"",\n        "n": 1e+06\n    }', '{\n        "b": [\n            1\n        ]\n    }']);
    expect(splitTopLevelArray('null')).toEqual([]);
    expect(splitTopLevelArray('[1, "two", {"3": 3}]')).toEqual(['1', '"two"', '{"3": 3}']);
  });
  it('compares scopedActions as a set, in parsed and in raw results', () => {
    const raw = '{\n    "scopedActions": [\n        "warn",\n        "dryrun"\n    ],\n    "x": 1\n}';
    expect(normaliseScopedActionsText(raw)).toBe('{\n    "scopedActions": [\n        "dryrun",\n        "warn"\n    ],\n    "x": 1\n}');
    expect(sortResults([{ msg: 'm', scopedActions: ['warn', 'dryrun'] }])).toEqual([{ msg: 'm', scopedActions: ['dryrun', 'warn'] }]);
  });
});

describe('preadmit test against gator test', () => {
  it('has every required case', () => {
    for (const c of REQUIRED_CASES) expect(cases).toContain(c);
    expect(errorCases.length).toBeGreaterThan(0);
  });

  for (const name of validCases) {
    const dir = path.join(CORPUS_DIR, name);
    it(`${name}: -o json results and exit code`, async () => {
      await expectSameJson(['-f', dir], { expectResults: true });
    });
    it(`${name}: default text output`, async () => {
      await expectSameText(['-f', dir]);
    });
    if (name.startsWith('cel-library-')) {
      it(`${name}: --enable-k8s-native-validation=false (the Rego of CEL+Rego templates)`, async () => {
        await expectSameJson(['-f', dir, '--enable-k8s-native-validation=false'], { expectResults: true });
      });
    }
    if (DENY_ONLY_CASES.has(name)) {
      it(`${name}: --deny-only`, async () => {
        await expectSameJson(['-f', dir, '--deny-only'], { expectResults: false });
        await expectSameText(['-f', dir, '--deny-only']);
      });
    }
  }

  // gator aborts at the first bad template or constraint (or unreadable file); preadmit reports each
  // one with its file and line and reviews everything else. So: both exit 1, preadmit names the
  // file and a line inside the bad object, and its results are gator's results without the bad file.
  for (const name of errorCases) {
    const dir = path.join(CORPUS_DIR, name);
    it(`${name}: both fail; preadmit names file and line and reviews the rest`, async () => {
      const bad = caseFiles(dir).filter((f) => path.basename(f).startsWith('bad-'));
      expect(bad.length, `${name} needs a bad-* file`).toBe(1);
      const badFile = bad[0]!;
      const badLines = readFileSync(badFile, 'utf8').split('\n').length;

      const gator = await runGator(['-f', dir, '-o', 'json']);
      expect(gator.code).toBe(1);
      expect(gator.stdout.trim()).toBe('');
      expect(gator.stderr).not.toBe('');

      const preadmit = await runPreadmit(['-f', dir, '-o', 'json']);
      expect(preadmit.code).toBe(1);
      const refs = lineReferences(preadmit.stderr, path.join(name, path.basename(badFile)));
      expect(refs.length, `preadmit's errors name ${badFile}:\n${preadmit.stderr}`).toBeGreaterThan(0);
      for (const line of refs) {
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(badLines);
      }

      const rest = await runGator([...caseFiles(dir, { withoutBad: true }).flatMap((f) => ['-f', f]), '-o', 'json']);
      expect(rest.stdout.trim(), `gator failed on the good files: ${rest.stderr}`).not.toBe('');
      expect(parseResults(rest.stdout).length).toBeGreaterThan(0);
      expect(sortResults(parseResults(preadmit.stdout))).toEqual(sortResults(parseResults(rest.stdout)));
      expect(sortedRawElements(preadmit.stdout)).toEqual(sortedRawElements(rest.stdout));
    });
  }
});
