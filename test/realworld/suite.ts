// The replay of one fixtures/realworld repository as vitest tests: every PR through the real pipeline
// (git source, config read at the base as `preadmit diff` reads it, kustomize/helm in the jail, the shipped
// policies compiled to wasm), its verdict, counts and coverage checked against what Gatekeeper and the
// GitOps tool would do (expect.yaml). Blocking PRs are also run through the `preadmit diff` command itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { CONFIG_FILE as CONFIG_PATH } from '../../src/config/defaults.ts';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { brief, diffCommand } from '../simulate/harness.ts';
import { History, stepsOf, type Step } from './replay.ts';

/** One entry of the report's coverage list of what was not simulated. */
interface Unsimulated {
  cluster?: string;
  name: string;
  reason: string;
}

/** What the report lists as not simulated, over every cluster (each cluster's `coverage.notSimulated`). */
function notSimulated(report: SimulationReport): Unsimulated[] {
  return report.clusters.flatMap((c) => {
    if (!c.coverage) throw new Error(`cluster ${c.name} of the report has no coverage section`);
    return c.coverage.notSimulated.map((u) => ({ cluster: c.name, name: u.what, reason: u.reason }));
  });
}

/**
 * Whether a reported entry is the expected one: the same cluster (when the expectation names one), every word
 * of the expected name in the reported name, every word of the expected reason in the reported reason.
 */
function sameUnsimulated(got: Unsimulated, want: Unsimulated): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const has = (text: string, expected: string) => words(expected).every((w) => text.toLowerCase().includes(w));
  return (want.cluster === undefined || got.cluster === want.cluster) && has(got.name, want.name) && has(got.reason, want.reason);
}

function summary(report: SimulationReport) {
  const c = report.verdict.counts;
  return {
    verdict: report.verdict.conclusion === 'success' ? 'pass' : 'block',
    counts: { new: c.newDeny + c.newWarn + c.newDryrun, fixed: c.fixed, changed: c.changed, unchanged: c.unchanged },
  };
}

function newFindings(report: SimulationReport): string[] {
  return report.clusters
    .flatMap((c) => c.findings)
    .filter((f) => f.category === 'new')
    .map((f) => `${f.constraint.kind}/${f.constraint.name} ${f.object.kind} ${f.object.namespace}/${f.object.name}`)
    .sort();
}

function renderedDiffs(report: SimulationReport): string[] {
  return report.clusters.flatMap((c) => c.renderedDiffs.map((d) => `${c.name} ${d.object.kind} ${d.object.namespace}/${d.object.name} ${d.change}`)).sort();
}

/**
 * `expected` entries match `actual` ones one to one; `*` in an expected entry stands for a generated name part;
 * an entry ending in ` ?` may be missing (where listing it is preadmit's choice, not the GitOps tool's).
 */
function matchAll(actual: string[], expected: string[]): { unmatched: string[]; extra: string[] } {
  const left = [...actual];
  const unmatched: string[] = [];
  for (const entry of expected) {
    const optional = entry.endsWith(' ?');
    const want = optional ? entry.slice(0, -2) : entry;
    const re = new RegExp(`^${want.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[a-z0-9]+')}$`);
    const i = left.findIndex((a) => re.test(a));
    if (i < 0 && !optional) unmatched.push(want);
    else if (i < 0) continue;
    else left.splice(i, 1);
  }
  return { unmatched, extra: left };
}

/** What a reader needs when a step's verdict is not the expected one. */
function explain(report: SimulationReport): string {
  const lines = [
    ...report.verdict.blocking.map((b) => `blocking: ${b}`),
    ...report.clusters.flatMap((c) => c.findings.filter((f) => f.category !== 'unchanged').map((f) => `${c.name}: ${brief(f)}`)),
    ...report.clusters.flatMap((c) => c.errors.map((e) => `${c.name}: error at ${e.ref}${e.existing ? ' (existing)' : ''}: ${e.error.source?.file ?? ''}:${e.error.source?.startLine ?? ''} ${e.error.message}`)),
  ];
  return lines.join('\n');
}

export function replayRepository(name: string): void {
  describe(`real repository ${name}`, () => {
    let runtime: Runtime;
    const history = new History();
    const source = new LocalGitSource(history.repo.dir);
    const steps = stepsOf(name);
    const reports = new Map<string, SimulationReport>();
    const heads = new Map<string, { base: string; head: string }>();

    beforeAll(() => {
      runtime = createRuntime();
    });
    afterAll(async () => {
      await runtime?.close();
      history.repo.cleanup();
    });

    for (const step of steps) {
      const expected = step.expect;
      if (!expected) {
        it(`${step.id}: the initial tree is committed`, () => {
          const { head } = history.open(step);
          history.settle(step, head);
          expect(history.main).toBe(head);
        });
        continue;
      }
      it(`${step.id}: ${expected.title} → ${expected.verdict}`, async () => {
        const refs = history.open(step);
        heads.set(step.id, refs);
        let report: SimulationReport;
        try {
          report = await simulateStep(source, refs.base, refs.head, runtime);
        } finally {
          history.settle(step, refs.head);
        }
        reports.set(step.id, report);
        const actual = summary(report);
        // `unchanged` is left out where it depends on how much preadmit re-renders, not on what Gatekeeper does.
        if (expected.counts.unchanged === undefined) delete (actual.counts as { unchanged?: number }).unchanged;
        expect.soft(actual, explain(report)).toEqual({ verdict: expected.verdict, counts: expected.counts });
        expect.soft(matchAll(renderedDiffs(report), expected.diffs), `rendered diffs: ${renderedDiffs(report).join(', ')}`).toEqual({ unmatched: [], extra: [] });
        if (expected.newFindings) expect.soft(newFindings(report), explain(report)).toEqual([...expected.newFindings].sort());
        // A passing routine PR leaves no error at head behind it either.
        if (expected.verdict === 'pass') expect.soft(report.clusters.flatMap((c) => c.errors.filter((e) => e.ref === 'head' && !e.existing)), explain(report)).toEqual([]);
      });
      it(`${step.id}: coverage lists exactly what is not simulated`, () => {
        const report = reports.get(step.id);
        if (!report) throw new Error(`step ${step.id} produced no report`);
        const actual = notSimulated(report);
        const left = [...actual];
        const missing = expected.notSimulated.filter((want) => {
          const i = left.findIndex((got) => sameUnsimulated(got, want));
          if (i >= 0) left.splice(i, 1);
          return i < 0;
        });
        expect({ missing, unexpected: left }).toEqual({ missing: [], unexpected: [] });
      });
    }

    it('preadmit diff exits as the verdicts say on the blocked and the first routine PR', async () => {
      const chosen = [steps.find((s) => s.expect?.verdict === 'pass'), ...steps.filter((s) => s.expect?.verdict === 'block')].filter((s): s is Step => s !== undefined && heads.has(s.id));
      expect(chosen.length).toBeGreaterThan(1);
      for (const step of chosen) {
        const { base, head } = heads.get(step.id)!;
        const { code, out, err } = await diffCommand(['--repo', history.repo.dir, '--base', base, '--head', head, '-o', 'json']);
        expect(err).toBe('');
        const report = JSON.parse(out) as SimulationReport;
        const actual = summary(report);
        // As in the step's own test: `unchanged` is compared only where the expectation gives it.
        if (step.expect!.counts.unchanged === undefined) delete (actual.counts as { unchanged?: number }).unchanged;
        expect({ code, ...actual }).toEqual({ code: step.expect!.verdict === 'pass' ? 0 : 1, verdict: step.expect!.verdict, counts: step.expect!.counts });
      }
      // One full `preadmit diff` per blocked step and one routine one, each a fresh process's work: the time scales
      // with the number of steps (on a shared, loaded machine) rather than being one test's worth.
    }, 100_000 * Math.max(2, steps.filter((s) => s.expect?.verdict === 'block').length + 1));
  });
}

/** `simulate` as `preadmit diff` runs it: the configuration read from the base commit. */
async function simulateStep(source: LocalGitSource, base: string, head: string, runtime: Runtime): Promise<SimulationReport> {
  const text = (await source.readFile(await source.resolve(base), CONFIG_PATH))?.toString('utf8');
  const { config, errors } = loadConfig(text, CONFIG_PATH);
  if (errors.length > 0) throw new Error(`${CONFIG_PATH} at ${base} has errors: ${errors.map((e) => e.message).join('; ')}`);
  return simulate({ source, base, head, config, runtime });
}
