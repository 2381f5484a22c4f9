// Restart recovery: the queue lives in memory, so runs a stopped process had created stay `queued` or
// `in_progress` on GitHub, and a required check stuck there blocks merging for good if the PR gets no new event.
// At start-up and then periodically, for every installation, repository, open pull request and merge-queue
// branch, this app's unfinished runs on the current head are concluded `cancelled` ("Interrupted") and a fresh
// check is queued; and an open pull request whose head has no run of this app at all (a push while the app was
// down, a delivery whose handling failed) gets one. What is listed, and how, is src/github/listings.ts: this file
// is the policy (what is stuck, what is checked again, what is left alone).
import { escapeMarkdown } from '../report/markdown.ts';
import type { GitHubRequester } from '../github/client.ts';
import type { MergeGroupRef, PullRequestRef } from '../github/check.ts';
import { CHECK_RUN_NAME, parseExternalId, type CreatedRun } from '../github/check-runs.ts';
import type { Completion } from '../github/publish.ts';
import { describeError } from '../github/errors.ts';
import { listCheckRuns, listInstallationRepositories, listInstallations, listMergeQueueRefs, listOpenPullRequests, readRefSha, type Installation, type InstalledRepository } from '../github/listings.ts';
import type { LogFields, LogLine } from '../util/log.ts';

export interface RecoveryOptions {
  /** Heads scanned at most (open pull requests, then merge-queue branches), over all repositories. Default 500. */
  maxPrs?: number;
  /** Repositories scanned at most, over all installations. Default 500. */
  maxRepos?: number;
  /** Heads looked at (and runs concluded) at once. Default 4. */
  concurrency?: number;
  /** Aborting stops the scan between requests; what was started is finished. */
  signal?: AbortSignal;
}

export interface RecoverySummary {
  installations: number;
  repositories: number;
  pullRequests: number;
  mergeGroups: number;
  /** Runs of this app found `queued` or `in_progress` that this process did not create. */
  stuck: number;
  /** Open pull requests whose head had no run of this app at all (each got a new check). */
  missing: number;
  concluded: number;
  /** Fresh checks queued in place of stuck runs. */
  rechecks: number;
  errors: number;
  /** A cap stopped the scan before everything was seen. */
  capped: boolean;
  aborted: boolean;
}

/** What the scan needs from the app: clients, which runs are its own, and how to start a check. */
export interface RecoveryDeps {
  appId: number;
  /** A client authenticated as the app (JWT). */
  appClient(): Promise<GitHubRequester>;
  /** A client authenticated as one installation. */
  installationClient(installationId: number): Promise<GitHubRequester>;
  /** Runs this process created or is working on: never touched. */
  ownRun(checkRunId: number): boolean | Promise<boolean>;
  /** True while this process is starting or running a check of the pull request (no second one is started). */
  busy?(owner: string, repo: string, pullNumber: number): boolean | Promise<boolean>;
  /** Called before a stuck run is handled and after (so the app's stale-run lookup leaves it alone meanwhile). */
  claim(checkRunId: number, claimed: boolean): void;
  recheckPullRequest(gh: GitHubRequester, pr: PullRequestRef, htmlUrl: string | undefined, installationId: number): Promise<CreatedRun>;
  recheckMergeGroup(gh: GitHubRequester, group: MergeGroupRef, htmlUrl: string | undefined, installationId: number): Promise<CreatedRun>;
  conclude(gh: GitHubRequester, target: { owner: string; repo: string; checkRunId: number }, completion: Completion): Promise<void>;
  log: LogLine;
  /** Values that must never reach a log line. */
  secrets?: readonly string[];
}

export const DEFAULT_RECOVERY_MAX_PRS = 500;
export const DEFAULT_RECOVERY_MAX_REPOS = 500;
/** This app's runs listed per head and status at most. */
const MAX_RUNS_PER_HEAD = 1000;

/** What became of the work of an interrupted run. */
export type Replacement = { started: { id: number; htmlUrl: string | undefined; sha: string; what: string } } | { failed: string } | { gone: string };

/** The completion of a run that a restart interrupted: `cancelled`, titled "Interrupted". */
export function interruptedCompletion(replacement: Replacement): Completion {
  let next: string;
  if ('started' in replacement) {
    const r = replacement.started;
    const link = r.htmlUrl !== undefined ? `[check run ${r.id}](${r.htmlUrl})` : `check run ${r.id}`;
    next = `A new run was started for ${escapeMarkdown(r.what)} at \`${r.sha.slice(0, 7)}\`: ${link}. Its verdict is the one that decides.`;
  } else if ('gone' in replacement) {
    next = `No new run was started: ${escapeMarkdown(replacement.gone)}`;
  } else {
    next = `preadmit could not start a new run (${escapeMarkdown(replacement.failed.slice(0, 500))}). Comment \`/gatekeeper recheck\` on the pull request to run the check again.`;
  }
  return {
    conclusion: 'cancelled',
    title: 'Interrupted',
    summary:
      `## Interrupted\n\npreadmit restarted (a crash, a kill or a deployment) while this run was in progress, so it never finished. ${next}\n\n` +
      'This run was concluded as `cancelled` without a verdict: `cancelled` never counts as passing a required check.\n',
  };
}

type Repository = InstalledRepository & { installationId: number };

interface StuckRun {
  id: number;
  status: string;
  externalId: string | undefined;
}

/** A head to look at: a pull request's, or a merge group's (its queue branch). */
type Head = { kind: 'pull_request'; pr: PullRequestRef } | { kind: 'merge_group'; ref: string; sha: string };

/** Runs `fn` over `items`, at most `n` at once. */
async function forEachLimited<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, n), items.length) }, worker));
}

/**
 * Scans every installation for this app's unfinished runs and recovers them. Never rejects: every failure is
 * logged (`describeError`) and counted, and the scan goes on with the next installation, repository or head.
 */
export async function recoverInterruptedRuns(deps: RecoveryDeps, options: RecoveryOptions = {}): Promise<RecoverySummary> {
  const maxPrs = Math.max(0, options.maxPrs ?? DEFAULT_RECOVERY_MAX_PRS);
  const maxRepos = Math.max(0, options.maxRepos ?? DEFAULT_RECOVERY_MAX_REPOS);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const signal = options.signal;
  const secrets = deps.secrets ?? [];
  const summary: RecoverySummary = { installations: 0, repositories: 0, pullRequests: 0, mergeGroups: 0, stuck: 0, missing: 0, concluded: 0, rechecks: 0, errors: 0, capped: false, aborted: false };
  const stopped = (): boolean => {
    if (signal?.aborted) summary.aborted = true;
    return summary.aborted;
  };
  /** A failed step of the scan (`step` is a constant; where it failed goes into `fields`). */
  const fail = (step: string, fields: LogFields, e: unknown): void => {
    if (stopped()) return; // an aborted request at shutdown is no error
    summary.errors++;
    deps.log('warn', 'recovery step failed', { step, ...fields }, e);
  };
  const headsLeft = (): number => maxPrs - summary.pullRequests - summary.mergeGroups;

  let installations: Installation[] = [];
  try {
    installations = (await listInstallations(await deps.appClient(), { signal })).items;
  } catch (e) {
    fail('list installations', {}, e);
  }

  for (const inst of installations) {
    if (stopped() || summary.capped) break;
    if (inst.suspended) continue; // a suspended installation gets no token
    summary.installations++;
    let gh: GitHubRequester;
    let repos: InstalledRepository[];
    try {
      gh = await deps.installationClient(inst.id);
      const listed = await listInstallationRepositories(gh, { limit: maxRepos - summary.repositories, signal });
      repos = listed.items;
      if (listed.more) summary.capped = true;
    } catch (e) {
      fail('list repositories', { installation: inst.id, account: inst.account }, e);
      continue;
    }
    for (const r of repos) {
      if (stopped()) break;
      if (headsLeft() <= 0) {
        summary.capped = true;
        break;
      }
      if (r.inactive) continue;
      summary.repositories++;
      await recoverRepository(gh, { ...r, installationId: inst.id });
    }
  }

  /** Scans with `gh` (its listings stop at shutdown); starts checks and concludes runs with it too (they finish). */
  async function recoverRepository(gh: GitHubRequester, repo: Repository): Promise<void> {
    const full = `${repo.owner}/${repo.name}`;
    const heads: Head[] = [];
    try {
      const listed = await listOpenPullRequests(gh, repo.owner, repo.name, { limit: headsLeft(), signal });
      if (listed.more) summary.capped = true;
      for (const p of listed.items) {
        heads.push({ kind: 'pull_request', pr: { owner: repo.owner, repo: repo.name, pullNumber: p.number, baseRef: p.baseRef, baseSha: p.baseSha, headSha: p.headSha, defaultBranch: repo.defaultBranch } });
      }
      summary.pullRequests += heads.length;
    } catch (e) {
      fail('list pull requests', { repo: full }, e);
    }
    if (headsLeft() > 0 && !stopped()) {
      try {
        // Merge queues: each group is a `gh-readonly-queue/<base>/pr-<n>-<sha>` branch while it exists.
        for (const ref of await listMergeQueueRefs(gh, repo.owner, repo.name, { signal })) {
          if (headsLeft() <= 0) {
            summary.capped = true;
            break;
          }
          heads.push({ kind: 'merge_group', ref: ref.ref, sha: ref.sha });
          summary.mergeGroups++;
        }
      } catch (e) {
        fail('list merge groups', { repo: full }, e);
      }
    }
    // Each stuck run is handled once, even when two heads share a commit: a run naming another open PR of the
    // scan (`pr/<n>` in its external_id) is left to that PR, whose head is the same commit.
    const seen = new Set<number>();
    const openPrs = new Set(heads.flatMap((h) => (h.kind === 'pull_request' ? [h.pr.pullNumber] : [])));
    const belongsElsewhere = (head: Head, run: StuckRun): boolean => {
      if (head.kind !== 'pull_request') return false;
      const origin = parseExternalId(run.externalId);
      return origin?.kind === 'pull_request' && origin.pullNumber !== head.pr.pullNumber && openPrs.has(origin.pullNumber);
    };
    await forEachLimited(heads, concurrency, async (head) => {
      if (stopped()) return;
      const sha = head.kind === 'pull_request' ? head.pr.headSha : head.sha;
      const what = head.kind === 'pull_request' ? `${full}#${head.pr.pullNumber}` : `${full} merge group ${head.ref.replace(/^refs\/heads\//, '')}`;
      let stuck: StuckRun[];
      try {
        const unfinished = await unfinishedRuns(gh, repo, sha);
        const owned = new Set<number>();
        for (const r of unfinished) if (await deps.ownRun(r.id)) owned.add(r.id);
        stuck = unfinished.filter((r) => !seen.has(r.id) && !owned.has(r.id) && !belongsElsewhere(head, r));
        if (unfinished.length === 0 && head.kind === 'pull_request' && !(await anyRun(gh, repo, sha))) {
          await startMissing(gh, repo, head.pr, what);
          return;
        }
      } catch (e) {
        fail('list check runs', { head: what, sha }, e);
        return;
      }
      if (stuck.length === 0) return;
      for (const r of stuck) {
        seen.add(r.id);
        deps.claim(r.id, true);
      }
      summary.stuck += stuck.length;
      try {
        await recoverRuns(gh, repo, head, what, stuck);
      } finally {
        for (const r of stuck) deps.claim(r.id, false);
      }
    });
  }

  /** This app's runs named `preadmit` on `sha` that are still `in_progress` or `queued`. */
  async function unfinishedRuns(gh: GitHubRequester, repo: Repository, sha: string): Promise<StuckRun[]> {
    const out: StuckRun[] = [];
    for (const status of ['in_progress', 'queued'] as const) {
      const listed = await listCheckRuns(gh, { owner: repo.owner, repo: repo.name, ref: sha, checkName: CHECK_RUN_NAME, status, appId: deps.appId }, { limit: MAX_RUNS_PER_HEAD, signal });
      for (const r of listed.items) {
        if (!ours(r, sha) || (r.status !== 'in_progress' && r.status !== 'queued')) continue;
        if (out.some((x) => x.id === r.id)) continue;
        out.push({ id: r.id, status: r.status, externalId: r.externalId });
      }
    }
    return out;
  }

  /** The filters are GitHub's; they are checked again so a run of another app, or of another commit, is never touched. */
  function ours(r: { appId: number | undefined; name: string; headSha: string | undefined }, sha: string): boolean {
    return r.appId === deps.appId && r.name === CHECK_RUN_NAME && (r.headSha === undefined || r.headSha === sha);
  }

  /** True when this app has a finished `preadmit` run on `sha` (unfinished ones are listed by `unfinishedRuns`). */
  async function anyRun(gh: GitHubRequester, repo: Repository, sha: string): Promise<boolean> {
    const listed = await listCheckRuns(gh, { owner: repo.owner, repo: repo.name, ref: sha, checkName: CHECK_RUN_NAME, status: 'completed', appId: deps.appId }, { limit: 100, signal });
    return listed.items.some((r) => ours(r, sha));
  }

  /** An open PR whose head has no run of this app: a check is started, unless this process is already at it. */
  async function startMissing(gh: GitHubRequester, repo: Repository, pr: PullRequestRef, what: string): Promise<void> {
    if (stopped() || (await deps.busy?.(repo.owner, repo.name, pr.pullNumber)) === true) return;
    summary.missing++;
    const replacement = await start(() => deps.recheckPullRequest(gh, pr, repo.htmlUrl, repo.installationId), pr.headSha, `pull request #${pr.pullNumber}`, what);
    if ('started' in replacement) deps.log('info', 'recovery started a check for a head without a run', { head: what, sha: pr.headSha, run: replacement.started.id });
  }

  /** Starts the fresh check (once for the head), then concludes the stuck runs naming it. */
  async function recoverRuns(gh: GitHubRequester, repo: Repository, head: Head, what: string, stuck: StuckRun[]): Promise<void> {
    let replacement: Replacement;
    if (head.kind === 'pull_request') {
      replacement = await start(() => deps.recheckPullRequest(gh, head.pr, repo.htmlUrl, repo.installationId), head.pr.headSha, `pull request #${head.pr.pullNumber}`, what);
    } else {
      // The group's base sha is in the run's external_id (`mg/<base sha>`); the queue branch names the base branch.
      const origin = stuck.map((r) => parseExternalId(r.externalId)).find((o) => o?.kind === 'merge_group');
      const exists = origin?.kind === 'merge_group' ? await groupStillExists(gh, repo, head.ref, head.sha) : false;
      if (origin?.kind !== 'merge_group') {
        replacement = { gone: 'the run names no merge group, so there is nothing to check again.' };
      } else if (exists !== true) {
        replacement = { gone: 'the merge group no longer exists.' };
      } else {
        const baseRef = /^refs\/heads\/gh-readonly-queue\/(.+)\/pr-\d+-[0-9a-f]{40}$/.exec(head.ref)?.[1] ?? repo.defaultBranch;
        const group: MergeGroupRef = { owner: repo.owner, repo: repo.name, baseRef: `refs/heads/${baseRef}`, baseSha: origin.baseSha, headRef: head.ref, headSha: head.sha, defaultBranch: repo.defaultBranch };
        replacement = await start(() => deps.recheckMergeGroup(gh, group, repo.htmlUrl, repo.installationId), head.sha, 'the merge group', what);
      }
    }
    for (const r of stuck) {
      if (stopped() && !('started' in replacement)) {
        // Shutting down: leave the run for the next start rather than racing the shutdown.
        continue;
      }
      try {
        await deps.conclude(gh, { owner: repo.owner, repo: repo.name, checkRunId: r.id }, interruptedCompletion(replacement));
        summary.concluded++;
        deps.log('info', 'recovery concluded an interrupted run', { head: what, run: r.id, status: r.status, ...('started' in replacement ? { replacement: replacement.started.id } : {}) });
      } catch (e) {
        fail('conclude run', { head: what, run: r.id }, e);
      }
    }
  }

  async function start(fn: () => Promise<CreatedRun>, sha: string, label: string, what: string): Promise<Replacement> {
    try {
      const run = await fn();
      summary.rechecks++;
      return { started: { id: run.id, htmlUrl: run.htmlUrl, sha, what: label } };
    } catch (e) {
      fail('start check', { head: what }, e);
      return { failed: describeError(e, secrets) };
    }
  }

  /** True when the queue branch still points at `sha`; false when it is gone or moved; undefined when unknown. */
  async function groupStillExists(gh: GitHubRequester, repo: Repository, ref: string, sha: string): Promise<boolean | undefined> {
    try {
      return (await readRefSha(gh, repo.owner, repo.name, ref, { signal })) === sha;
    } catch (e) {
      fail('look up merge group', { repo: `${repo.owner}/${repo.name}`, ref }, e);
      return undefined;
    }
  }

  stopped();
  return summary;
}

/** The fields of the one log line that sums a recovery up (`recovery done`); the caps when one stopped the scan. */
export function recoverySummaryFields(s: RecoverySummary, options: { maxPrs?: number; maxRepos?: number } = {}): LogFields {
  return { ...s, ...(s.capped ? { maxPrs: options.maxPrs ?? DEFAULT_RECOVERY_MAX_PRS, maxRepos: options.maxRepos ?? DEFAULT_RECOVERY_MAX_REPOS } : {}) };
}
