// The one way the app starts a check, whatever asked for it (a pull request event, a comment command, a re-run,
// a merge group, restart recovery): the target (coalescing key, run origin, head sha) is built once from the
// request; the run is created in_progress on the head sha; the work is queued; the job runs the check and
// concludes the run exactly once, whatever happens.
import { z } from 'zod/v4';
import type { Runtime } from '../engine/runtime.ts';
import { escapeMarkdown } from '../report/markdown.ts';
import { CheckError, runMergeGroupCheck, runPullRequestCheck, type MergeGroupRef, type PullRequestRef } from '../github/check.ts';
import { concludeStaleRuns, createCheckRun, type CreatedRun, type RunOrigin } from '../github/check-runs.ts';
import type { GitHubRequester } from '../github/client.ts';
import { describeError } from '../github/errors.ts';
import { readPullRequest } from '../github/pull-request.ts';
import { completeCheckRun, errorCompletion, interruptedCompletion, publishCheckRun, supersededCompletion, type CheckOutcome, type Completion, type PublishOptions } from '../github/publish.ts';
import { readMergeGroup } from '../github/merge-group.ts';
import { appMetrics } from './metrics.ts';
import type { LogLine } from '../util/log.ts';
import type { EndReason, QueuedCheck, WorkQueue } from './queue.ts';

/** What a queued check needs: where, which commits, and how to authenticate. */
export type CheckRequest =
  | { kind: 'pull_request'; pr: PullRequestRef; before?: string; htmlUrl?: string; installationId?: number }
  | { kind: 'merge_group'; group: MergeGroupRef; htmlUrl?: string; installationId?: number };

/** What a queued job is rebuilt from (JSON, in Redis mode): the request, its coalescing key and its run. */
interface JobSpec {
  req: CheckRequest;
  key: string;
  checkRunId: number;
}

/** Where a check's run lives and what supersedes it: derived once from the request. */
export interface CheckTarget {
  /** The queue's coalescing key: one check at a time per pull request or merge-queue branch. */
  key: string;
  origin: RunOrigin;
  owner: string;
  repo: string;
  headSha: string;
  htmlUrl?: string;
}

export function targetOf(req: CheckRequest): CheckTarget {
  const htmlUrl = req.htmlUrl !== undefined ? { htmlUrl: req.htmlUrl } : {};
  if (req.kind === 'pull_request') {
    const { owner, repo, pullNumber, headSha } = req.pr;
    return { key: prKey(owner, repo, pullNumber), origin: { kind: 'pull_request', pullNumber }, owner, repo, headSha, ...htmlUrl };
  }
  const { owner, repo, headRef, headSha, baseSha } = req.group;
  return { key: mergeGroupKey(owner, repo, headRef), origin: { kind: 'merge_group', baseSha }, owner, repo, headSha, ...htmlUrl };
}

export function prKey(owner: string, repo: string, pullNumber: number): string {
  return `${owner}/${repo}#${pullNumber}`.toLowerCase();
}

export function mergeGroupKey(owner: string, repo: string, headRef: string): string {
  return `${owner}/${repo}@${headRef}`.toLowerCase();
}

type Say = LogLine;

export interface CheckServiceDeps {
  queue: () => WorkQueue;
  runtime: () => Runtime;
  appId: () => Promise<number>;
  /** An installation's client (a job revived in another process authenticates again). */
  installationClient: (installationId: number) => Promise<GitHubRequester>;
  /** Redis mode: a job must name its installation, since another instance may run it. */
  durable: boolean;
  publish: PublishOptions;
  say: Say;
  secrets: readonly string[];
}

/** A repository as webhook payloads name it. */
export interface RepositoryRef {
  owner: { login: string };
  name: string;
  default_branch: string;
  html_url: string;
}

/** A re-run asked of one of our runs: what the run remembers (its external_id), else the payload's pull request. */
interface RerunRequest {
  repository: RepositoryRef;
  remembered: RunOrigin | undefined;
  pullNumber: number | undefined;
  head: { sha: string; branch?: string | null | undefined };
  installationId?: number;
}

export interface CheckService {
  start(gh: GitHubRequester, req: CheckRequest): Promise<CreatedRun>;
  /** Redoes the check a run of ours did: its PR's current head, or the same merge group. */
  rerun(gh: GitHubRequester, request: RerunRequest): Promise<void>;
  revive(raw: unknown): Promise<QueuedCheck>;
  conclude(gh: GitHubRequester, target: { owner: string; repo: string; checkRunId: number }, completion: Completion): Promise<void>;
  /** Runs this process created (recovery must never take them for a dead process's). */
  createdHere(id: number): boolean;
  /** True while the run of `key` is being created. */
  starting(key: string): boolean;
  /** Recovery is handling run `id` (the stale-run lookup of a new check leaves it alone). */
  recovering(id: number, claimed: boolean): void;
}

export function createCheckService(deps: CheckServiceDeps): CheckService {
  const { say, secrets } = deps;
  // Bounded like the delivery log.
  const created = new Set<number>();
  const recovering = new Set<number>();
  const starting = new Map<string, number>();
  const remember = (id: number): void => {
    created.add(id);
    if (created.size > 10_000) {
      const oldest = created.values().next().value;
      if (oldest !== undefined) created.delete(oldest);
    }
  };

  async function start(gh: GitHubRequester, req: CheckRequest): Promise<CreatedRun> {
    if (deps.durable && req.installationId === undefined) throw new Error('the delivery names no installation; it cannot be queued for another instance');
    const target = targetOf(req);
    starting.set(target.key, (starting.get(target.key) ?? 0) + 1);
    let run: CreatedRun;
    try {
      run = await createCheckRun(gh, target);
    } finally {
      const n = (starting.get(target.key) ?? 1) - 1;
      if (n > 0) starting.set(target.key, n);
      else starting.delete(target.key);
    }
    remember(run.id);
    say('info', 'check run created', { run: run.id, key: target.key, sha: target.headSha });
    await deps.queue().push(makeJob(gh, { req, key: target.key, checkRunId: run.id }));
    return run;
  }

  async function revive(raw: unknown): Promise<QueuedCheck> {
    const spec = jobSpecOf(raw);
    if (spec?.req.installationId === undefined) throw new Error('a queued job with an unreadable spec');
    return makeJob(await deps.installationClient(spec.req.installationId), spec);
  }

  /** The job that runs one check and completes its run, concluding it once (across instances in Redis mode). */
  function makeJob(gh: GitHubRequester, spec: JobSpec): QueuedCheck {
    const { req } = spec;
    const target = targetOf(req);
    const { key, owner, repo, headSha } = target;
    const runId = spec.checkRunId;
    const runTarget = { owner, repo, checkRunId: runId, ...(target.htmlUrl !== undefined ? { htmlUrl: target.htmlUrl } : {}) };
    const queue = deps.queue();
    let concluded = false;
    const claim = async (): Promise<boolean> => {
      if (concluded) return false;
      concluded = true;
      return await queue.claim(runId);
    };
    // Stale runs are looked for while the check runs: the lookup is independent of it and would otherwise add
    // its round trips to every check's latency. Runs this process created are concluded by their own job, once.
    const staleLookup = async (): Promise<void> => {
      if (req.kind !== 'pull_request') return;
      try {
        const stale = await concludeStaleRuns(
          gh,
          { owner, repo, appId: await deps.appId(), currentId: runId, shas: [headSha, ...(req.before !== undefined ? [req.before] : [])], active: new Set([...created, ...(await queue.activeCheckRuns()), ...recovering]) },
          supersededCompletion(`This run was left in progress by a preadmit process that stopped (a restart or a crash) before it finished; check run ${runId} took over.`),
          deps.publish,
        );
        if (stale.length > 0) say('info', 'stale check runs concluded', { run: runId, key, stale: stale.join(',') });
      } catch (e) {
        say('warn', 'stale check run lookup failed', { run: runId, key }, e);
      }
    };
    return {
      key,
      sha: headSha,
      checkRunId: runId,
      group: owner.toLowerCase(),
      spec,
      run: async (signal) => {
        const started = Date.now();
        const stale = staleLookup();
        // The job's signal reaches the reads, renders and evaluations: a job ended (superseded, cancelled, timed
        // out, shut down) stops its work and frees what it held; the queue has concluded its run already.
        const checkDeps = { runtime: deps.runtime(), onProgress: (line: string) => say('debug', 'check progress', { run: runId, key, step: line }), signal };
        let outcome: CheckOutcome | undefined;
        try {
          const report = req.kind === 'pull_request' ? await runPullRequestCheck(gh, req.pr, checkDeps) : await runMergeGroupCheck(gh, req.group, checkDeps);
          outcome = { report };
        } catch (e) {
          // Ended (the job's signal aborted): no result, never a failed check posted over the run's conclusion (or a
          // newer run). An abort the job did not ask for (a timeout inside a client) is a failure like any other.
          if (!signal.aborted) {
            outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
            say('warn', 'check failed', { run: runId, key, sha: headSha }, e);
          }
        }
        await stale;
        if (outcome === undefined || signal.aborted || !(await claim())) {
          say('info', 'check result discarded', { run: runId, key, sha: headSha, why: outcome === undefined || signal.aborted ? 'ended' : 'concluded elsewhere' });
          return;
        }
        try {
          await publishCheckRun(gh, runTarget, outcome, deps.publish);
          await queue.concluded(runId);
          const verdict = 'report' in outcome ? outcome.report.verdict.conclusion : 'error';
          appMetrics()?.checkDone(verdict, (Date.now() - started) / 1000);
          if (!('report' in outcome)) appMetrics()?.evaluationError();
          say('info', 'check concluded', { run: runId, key, sha: headSha, conclusion: verdict, ms: Date.now() - started });
        } catch (e) {
          say('error', 'check run could not be completed', { run: runId, key }, e);
        }
      },
      end: async (reason, detail) => {
        if (!(await claim())) return;
        say('info', 'check run ended without a result', { run: runId, key, sha: headSha, reason });
        await completeCheckRun(gh, runTarget, endCompletion(reason, detail), deps.publish);
        await queue.concluded(runId);
      },
    };
  }

  async function rerun(gh: GitHubRequester, { repository, remembered, pullNumber, head, installationId }: RerunRequest): Promise<void> {
    const owner = repository.owner.login;
    const repo = repository.name;
    const from = { htmlUrl: repository.html_url, ...(installationId !== undefined ? { installationId } : {}) };
    const origin: RunOrigin | undefined = remembered ?? (pullNumber !== undefined ? { kind: 'pull_request', pullNumber } : undefined);
    if (origin === undefined) {
      say('info', 're-run names no pull request or merge group; ignored', { repo: `${owner}/${repo}`, sha: head.sha });
      return;
    }
    if (origin.kind === 'merge_group') {
      const defaultBranch = repository.default_branch;
      await start(gh, { kind: 'merge_group', group: { owner, repo, baseSha: origin.baseSha, baseRef: defaultBranch, headSha: head.sha, headRef: head.branch ?? head.sha, defaultBranch }, ...from });
      return;
    }
    const pr = await readPullRequest(gh, owner, repo, origin.pullNumber, repository.default_branch);
    if (!pr.open) {
      say('info', 're-run of a closed pull request ignored', { repo: `${owner}/${repo}`, pr: origin.pullNumber });
      return;
    }
    await start(gh, { kind: 'pull_request', pr: pr.ref, ...from });
  }

  return {
    start,
    rerun,
    revive,
    conclude: (gh, target, completion) => completeCheckRun(gh, target, completion, deps.publish),
    createdHere: (id) => created.has(id),
    starting: (key) => starting.has(key),
    recovering(id, claimed) {
      if (claimed) recovering.add(id);
      else recovering.delete(id);
    },
  };
}

/** A merge group named by a `merge_group` delivery, read again from the API (undefined when it is gone). */
export function mergeGroupOf(gh: GitHubRequester, repository: RepositoryRef, g: { head_ref: string; base_ref: string; base_sha: string }): Promise<MergeGroupRef | undefined> {
  return readMergeGroup(gh, { owner: repository.owner.login, repo: repository.name, headRef: g.head_ref, baseRef: g.base_ref, baseSha: g.base_sha, defaultBranch: repository.default_branch });
}

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const repoFields = { owner: z.string(), repo: z.string(), baseRef: z.string(), baseSha: sha, headSha: sha, defaultBranch: z.string() };
const JobSpecSchema = z.object({
  key: z.string(),
  checkRunId: z.number().int().positive(),
  req: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pull_request'), pr: z.object({ ...repoFields, pullNumber: z.number().int().positive() }), before: z.string().optional(), htmlUrl: z.string().optional(), installationId: z.number().int() }),
    z.object({ kind: z.literal('merge_group'), group: z.object({ ...repoFields, headRef: z.string() }), htmlUrl: z.string().optional(), installationId: z.number().int() }),
  ]),
});

/** A job spec read back from the queue (JSON written by an earlier process, perhaps an older version). */
function jobSpecOf(raw: unknown): JobSpec | undefined {
  const parsed = JobSpecSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function endCompletion(reason: EndReason, detail: string): Completion {
  switch (reason) {
    case 'superseded':
      return supersededCompletion(detail);
    case 'cancelled':
      return {
        conclusion: 'cancelled',
        title: 'Cancelled',
        summary: `## Cancelled\n\n${escapeMarkdown(detail)}\n\nThis run was concluded as \`cancelled\` without a verdict: \`cancelled\` never counts as passing a required check.\n`,
      };
    case 'shutdown':
      return interruptedCompletion('Interrupted by a restart', detail, 'Comment `/gatekeeper recheck` on the pull request to run the check again.');
    case 'timeout':
    case 'overflow':
    case 'failed':
      return errorCompletion(detail, true);
  }
}
