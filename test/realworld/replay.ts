// Real-repository histories (issue #10 part 3): each fixtures/realworld/<repo>/history/NN-slug/ is one pull
// request: `files/` holds the files it writes (the first step holds the whole initial tree), `expect.yaml`
// what Gatekeeper and the GitOps tool would do with it. The replay commits each step on top of `main` into a
// real git repository; a merged step moves `main`, a blocked one (by default) is left on its own commit, as a
// PR nobody merged, so the next PR starts from `main` again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TestRepo } from '../simulate/harness.ts';

const REALWORLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'realworld');

/** What one PR must give. Counts are the report's: `new` is new deny + warn + dryrun findings. */
interface StepExpectation {
  title: string;
  verdict: 'pass' | 'block';
  /** Default: merged when it passes. */
  merged?: boolean;
  /**
   * `unchanged` counts the changed findings too (as the report does): the violations the PR leaves in place
   * (left out where it depends on how much preadmit re-renders rather than on Gatekeeper).
   */
  counts: { new: number; fixed: number; changed: number; unchanged?: number };
  /** The new findings exactly, as `ConstraintKind/name Kind namespace/name` (when given). */
  newFindings?: string[];
  /**
   * The rendered objects the PR changes, as `cluster Kind namespace/name added|modified|removed`; `*` stands for
   * a generated part of a name (a kustomize hash, a helm randAlphaNum). Proves the PR's apps were rendered.
   */
  diffs: string[];
  /**
   * Every app, root or chart the report lists as not simulated, and nothing else: per entry the cluster, and
   * words that its name and its reason contain.
   */
  notSimulated: Array<{ cluster?: string; name: string; reason: string }>;
  /** Files the PR deletes. */
  delete?: string[];
}

export interface Step {
  /** `03-replicas` */
  id: string;
  dir: string;
  /** Path (relative to the repository) → content. */
  files: Record<string, string>;
  expect?: StepExpectation;
}

function listTree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTree(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

export function stepsOf(repo: string): Step[] {
  const history = path.join(REALWORLD, repo, 'history');
  return readdirSync(history)
    .filter((n) => /^\d\d-/.test(n))
    .sort()
    .map((id) => {
      const dir = path.join(history, id);
      const filesDir = path.join(dir, 'files');
      let files: Record<string, string> = {};
      try {
        files = Object.fromEntries(listTree(filesDir).map((f) => [f, readFileSync(path.join(filesDir, f), 'utf8')]));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      let expect: StepExpectation | undefined;
      try {
        expect = parse(readFileSync(path.join(dir, 'expect.yaml'), 'utf8')) as StepExpectation;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      return { id, dir, files, ...(expect ? { expect } : {}) };
    });
}

/** A replayed history: `main` after the first step, then one commit per PR. */
export class History {
  readonly repo = new TestRepo();
  main = '';

  /** Commits the step on top of `main`; returns its base (main) and head shas. Call `settle` after checking it. */
  open(step: Step): { base: string; head: string } {
    const changes: Record<string, string | null> = { ...step.files };
    for (const f of step.expect?.delete ?? []) changes[f] = null;
    const head = this.repo.commit(changes, `${step.id}: ${step.expect?.title ?? 'initial import'}`);
    const base = this.main;
    if (!this.main) this.main = head;
    return { base, head };
  }

  /** A merged PR moves main; one left open is taken off the branch again. */
  settle(step: Step, head: string): void {
    const merged = step.expect?.merged ?? step.expect?.verdict !== 'block';
    if (merged) this.main = head;
    else this.repo.git('reset', '-q', '--hard', this.main);
  }
}
