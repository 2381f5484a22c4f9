// The Probot app: thin event handlers that validate, create the check run in_progress, and hand the work to
// the embedded queue. Everything else (the check, publishing, commands, the queue) lives beside this file.
import { createHash } from 'node:crypto';
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { createRuntime, type Runtime } from '../engine/runtime.ts';
import { readPullRequest } from '../github/pull-request.ts';
import type { GitHubRequester } from '../source/github.ts';
import { CheckError, runMergeGroupCheck, runPullRequestCheck, type MergeGroupRef, type PullRequestRef } from './check.ts';
import { escapeMarkdown } from '../report/markdown.ts';
import { CHECK_RUN_NAME, concludeStaleRuns, createCheckRun, parseExternalId, type CreatedRun, type RunOrigin } from './check-runs.ts';
import { commandPermission, deniedText, HELP_TEXT, parseCommand, recheckText, unknownText } from './commands.ts';
import { completeCheckRun, errorCompletion, publishCheckRun, supersededCompletion, type Completion, type PublishOptions } from './publish.ts';
import { CheckQueue, DeliveryLog, type CheckQueueOptions, type DeliveryDedupe, type EndReason, type QueuedCheck, type WorkQueue } from './queue.ts';
import { appMetrics } from './metrics.ts';
import { structuredLog } from './log.ts';
import { RedisCheckQueue, RedisDeliveryLog, type RedisQueueOptions } from './queue-bullmq.ts';
import { recoverInterruptedRuns, recoverySummaryFields, type RecoveryOptions, type RecoverySummary } from './recovery.ts';
import { describeError, retryingRequester, statusOf, type RetryOptions } from './requester.ts';

export { CHECK_RUN_NAME } from './check-runs.ts';

export interface PreadmitAppOptions {
  /** The compiler and evaluator pool; by default one is created on first use and closed by `close()`. */
  runtime?: Runtime;
  /** This app's id (check events of other apps are ignored). Default: `APP_ID`, else asked of GitHub. */
  appId?: number;
  queue?: CheckQueueOptions;
  /** Redis mode (queue-bullmq.ts): the shared queue and delivery dedupe; without it, both live in this process. */
  redis?: Omit<RedisQueueOptions, 'revive' | 'onError' | 'log'>;
  /** Rate-limit handling of every request (see requester.ts). */
  retry?: RetryOptions;
  publish?: PublishOptions;
  /** Values that must never reach a log line (the webhook secret, the private key). */
  secrets?: string[];
}

export interface PreadmitAppHandle {
  queue: WorkQueue;
  deliveries: DeliveryDedupe;
  /** Waits for every queued and running check to be concluded. */
  idle(): Promise<void>;
  /**
   * Why the handling of delivery `id` failed (undefined when it did not), forgotten once asked. The server
   * answers such a delivery 500, so GitHub records it as failed and it can be redelivered.
   */
  takeFailure(id: string): string | undefined;
  /**
   * Restart recovery (see recovery.ts): concludes this app's runs left `queued`/`in_progress` by an earlier
   * process on every open PR and merge group, and queues fresh checks. Never rejects; `close()` stops it.
   */
  recover(options?: Omit<RecoveryOptions, 'signal'> & { periodic?: boolean }): Promise<RecoverySummary>;
  /** Stops recovery, concludes or finishes all work (no run left in_progress), closes the runtime if this app created it. */
  close(graceMs?: number): Promise<void>;
}

/** What a queued check needs: where, which commits, and how to authenticate. */
type CheckRequest =
  | { kind: 'pull_request'; pr: PullRequestRef; before?: string; htmlUrl?: string; installationId?: number }
  | { kind: 'merge_group'; group: MergeGroupRef; htmlUrl?: string; installationId?: number };

/** What a queued job is rebuilt from (JSON): the request, its coalescing key and its run. */
interface JobSpec {
  req: CheckRequest;
  key: string;
  checkRunId: number;
}

const handles = new WeakMap<Probot, PreadmitAppHandle>();

/** The handle of the preadmit app loaded into `app` (tests and the server use it to wait and to shut down). */
export function preadmitHandle(app: Probot): PreadmitAppHandle | undefined {
  return handles.get(app);
}

/** The Probot app function. `options` may carry the keys of `PreadmitAppOptions` (e.g. `runtime`, `appId`). */
export default function preadmitApp(app: Probot, options: ApplicationFunctionOptions): void {
  const o: PreadmitAppOptions = {};
  if (isRuntime(options.runtime)) o.runtime = options.runtime;
  if (typeof options.appId === 'number' && Number.isInteger(options.appId)) o.appId = options.appId;
  if (isObject(options.queue)) o.queue = options.queue as CheckQueueOptions;
  if (isObject(options.redis) && typeof options.redis.url === 'string') o.redis = options.redis as PreadmitAppOptions['redis'];
  if (isObject(options.retry)) o.retry = options.retry as RetryOptions;
  if (isObject(options.publish)) o.publish = options.publish as PublishOptions;
  if (Array.isArray(options.secrets)) o.secrets = options.secrets.filter((s): s is string => typeof s === 'string');
  handles.set(app, registerPreadmit(app, o));
}

/** A Probot app function bound to `options`, and the handle of what it registers. */
export function createPreadmitApp(options: PreadmitAppOptions = {}): { appFn: (app: Probot) => void; handle: () => PreadmitAppHandle | undefined } {
  let handle: PreadmitAppHandle | undefined;
  return {
    appFn: (app) => {
      handle = registerPreadmit(app, options);
      handles.set(app, handle);
    },
    handle: () => handle,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRuntime(v: unknown): v is Runtime {
  return isObject(v) && typeof v.close === 'function' && 'compiler' in v && 'pool' in v;
}

function registerPreadmit(app: Probot, options: PreadmitAppOptions): PreadmitAppHandle {
  const secrets = [...(options.secrets ?? []), ...[process.env.WEBHOOK_SECRET, process.env.PRIVATE_KEY].filter((s): s is string => typeof s === 'string' && s.length >= 8)];
  const say = structuredLog(app.log.child({ name: 'preadmit' }), secrets);
  const publishOptions: PublishOptions = { ...options.retry, ...options.publish, log: (m, fields, error) => say('warn', m, fields, error) };
  const redisOptions = options.redis;
  const queue: WorkQueue =
    redisOptions !== undefined
      ? new RedisCheckQueue({
          ...redisOptions,
          revive: (spec) => reviveJob(spec),
          onError: (e, what) => say('error', 'queue error', { what }, e),
          log: say,
        })
      : new CheckQueue({
          ...options.queue,
          onError: (e, job) => say('error', 'check job error', { run: job.checkRunId, key: job.key }, e),
        });
  const deliveries: DeliveryDedupe = redisOptions !== undefined ? new RedisDeliveryLog(redisOptions.url, redisOptions.prefix) : new DeliveryLog();
  let ownRuntime: Runtime | undefined;
  const runtime = (): Runtime => options.runtime ?? (ownRuntime ??= createRuntime());

  let appId: Promise<number> | undefined;
  const envAppId = Number(process.env.APP_ID);
  const ourAppId = (): Promise<number> => {
    appId ??= (async () => {
      if (options.appId !== undefined) return options.appId;
      if (Number.isInteger(envAppId) && envAppId > 0) return envAppId;
      const jwtClient = await app.auth();
      const res = await jwtClient.request('GET /app');
      return res.data?.id ?? -1;
    })();
    appId.catch(() => {
      appId = undefined;
    });
    return appId;
  };

  const client = (octokit: GitHubRequester): GitHubRequester => retryingRequester(octokit, options.retry);

  // Runs this process created (recovery must never take them for a dead process's), bounded like the delivery
  // log; and runs recovery is handling right now (the stale-run lookup of a new check leaves them alone).
  const createdHere = new Set<number>();
  const recovering = new Set<number>();
  /** Keys whose run is being created right now (recovery must not start a second check for them). */
  const starting = new Map<string, number>();
  /** Users already told, per PR, that they may not run commands. */
  const refused = new Set<string>();
  const remember = (id: number): void => {
    createdHere.add(id);
    if (createdHere.size > 10_000) {
      const oldest = createdHere.values().next().value;
      if (oldest !== undefined) createdHere.delete(oldest);
    }
  };

  /** Creates the run in_progress on the head sha and queues the work (durably, in Redis mode). Returns the run. */
  async function startCheck(octokit: GitHubRequester, req: CheckRequest): Promise<{ id: number; htmlUrl: string | undefined }> {
    if (redisOptions !== undefined && req.installationId === undefined) throw new Error('the delivery names no installation; it cannot be queued for another instance');
    const gh = client(octokit);
    const { owner, repo } = req.kind === 'pull_request' ? req.pr : req.group;
    const headSha = req.kind === 'pull_request' ? req.pr.headSha : req.group.headSha;
    const origin: RunOrigin = req.kind === 'pull_request' ? { kind: 'pull_request', pullNumber: req.pr.pullNumber } : { kind: 'merge_group', baseSha: req.group.baseSha };
    const key = req.kind === 'pull_request' ? prKey(owner, repo, req.pr.pullNumber) : `${owner}/${repo}@${req.group.headRef}`.toLowerCase();
    starting.set(key, (starting.get(key) ?? 0) + 1);
    let run: CreatedRun;
    try {
      run = await createCheckRun(gh, { owner, repo, headSha, origin });
    } finally {
      const n = (starting.get(key) ?? 1) - 1;
      if (n > 0) starting.set(key, n);
      else starting.delete(key);
    }
    remember(run.id);
    const target = { owner, repo, checkRunId: run.id, ...(req.htmlUrl !== undefined ? { htmlUrl: req.htmlUrl } : {}) };
    say('info', 'check run created', { run: run.id, key, sha: headSha });
    await queue.push(makeJob(gh, { req, key, checkRunId: run.id }));
    return run;
  }

  /** A queued job rebuilt from its spec in this process (Redis mode: a worker, or a web instance superseding it). */
  async function reviveJob(raw: unknown): Promise<QueuedCheck> {
    const spec = raw as JobSpec;
    if (!isObject(spec) || typeof spec.key !== 'string' || typeof spec.checkRunId !== 'number' || !isObject(spec.req) || typeof spec.req.installationId !== 'number') {
      throw new Error('a queued job with an unreadable spec');
    }
    return makeJob(client(await app.auth(spec.req.installationId)), spec);
  }

  /** The job that runs one check and completes its run, concluding it once (across instances in Redis mode). */
  function makeJob(gh: GitHubRequester, spec: JobSpec): QueuedCheck {
    const { req, key } = spec;
    const run = { id: spec.checkRunId };
    const { owner, repo } = req.kind === 'pull_request' ? req.pr : req.group;
    const headSha = req.kind === 'pull_request' ? req.pr.headSha : req.group.headSha;
    const target = { owner, repo, checkRunId: run.id, ...(req.htmlUrl !== undefined ? { htmlUrl: req.htmlUrl } : {}) };
    let concluded = false;
    const claim = async (): Promise<boolean> => {
      if (concluded) return false;
      concluded = true;
      return await queue.claim(run.id);
    };
    const job: QueuedCheck = {
      key,
      sha: headSha,
      checkRunId: run.id,
      group: owner.toLowerCase(),
      spec,
      run: async (signal) => {
        const started = Date.now();
        // Stale runs are looked for while the check runs: the lookup is independent of it and would otherwise
        // add its round trips to every check's latency.
        const staleLookup =
          req.kind === 'pull_request'
            ? (async () => {
                try {
                  const stale = await concludeStaleRuns(
                    gh,
                    // Runs this process created are concluded by their own job, once; only a stopped process's are stale.
                    { owner, repo, appId: await ourAppId(), currentId: run.id, shas: [headSha, ...(req.before !== undefined ? [req.before] : [])], active: new Set([...createdHere, ...(await queue.activeCheckRuns()), ...recovering]) },
                    supersededCompletion(`This run was left in progress by a preadmit process that stopped (a restart or a crash) before it finished; check run ${run.id} took over.`),
                    publishOptions,
                  );
                  if (stale.length > 0) say('info', 'stale check runs concluded', { run: run.id, key, stale: stale.join(',') });
                } catch (e) {
                  say('warn', 'stale check run lookup failed', { run: run.id, key }, e);
                }
              })()
            : Promise.resolve();
        const deps = { runtime: runtime(), onProgress: (line: string) => say('debug', 'check progress', { run: run.id, key, step: line }) };
        let outcome: Parameters<typeof publishCheckRun>[2];
        try {
          const report = req.kind === 'pull_request' ? await runPullRequestCheck(gh, req.pr, deps) : await runMergeGroupCheck(gh, req.group, deps);
          outcome = { report };
        } catch (e) {
          outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
          say('warn', 'check failed', { run: run.id, key, sha: headSha }, e);
        }
        await staleLookup;
        if (signal.aborted || !(await claim())) {
          say('info', 'check result discarded', { run: run.id, key, sha: headSha, why: signal.aborted ? 'ended' : 'concluded elsewhere' });
          return;
        }
        try {
          await publishCheckRun(gh, target, outcome, publishOptions);
          await queue.concluded(run.id);
          const verdict = 'report' in outcome ? outcome.report.verdict.conclusion : 'error';
          appMetrics()?.checkDone(verdict, (Date.now() - started) / 1000);
          if (!('report' in outcome)) appMetrics()?.evaluationError();
          say('info', 'check concluded', { run: run.id, key, sha: headSha, conclusion: verdict, ms: Date.now() - started });
        } catch (e) {
          say('error', 'check run could not be completed', { run: run.id, key }, e);
        }
      },
      end: async (reason, detail) => {
        if (!(await claim())) return;
        say('info', 'check run ended without a result', { run: run.id, key, sha: headSha, reason });
        await completeCheckRun(gh, target, endCompletion(reason, detail), publishOptions);
        await queue.concluded(run.id);
      },
    };
    return job;
  }

  /** Why a delivery's handling failed, until the server asks (bounded). */
  const failures = new Map<string, string>();
  /**
   * Handles one delivery once: a redelivery (same id) or a replay (same event and payload under a new id) of a
   * handled delivery is ignored; one that arrives while the original is being handled waits for its outcome. A
   * failure is logged in one line, recorded for the server (which answers 500), and forgotten by the delivery
   * log, so GitHub's redelivery is handled again. Handlers never throw to Probot, whose error log would dump the
   * whole payload.
   */
  const once =
    <C extends { id: string; name: string; payload: unknown }>(fn: (context: C) => Promise<void>) =>
    async (context: C): Promise<void> => {
      const digest = createHash('sha256').update(context.name).update('\n').update(JSON.stringify(context.payload)).digest('hex');
      const keys = [`id:${context.id}`, `payload:${digest}`];
      if (!(await deliveries.begin(keys))) {
        say('info', 'delivery already handled; ignored', { delivery: context.id, event: context.name });
        return;
      }
      try {
        await fn(context);
        await deliveries.done(keys);
      } catch (e) {
        await deliveries.failed(keys);
        const message = describeError(e, secrets);
        say('error', 'delivery failed', { delivery: context.id, event: context.name }, e);
        failures.set(context.id, message);
        while (failures.size > 1000) {
          const oldest = failures.keys().next().value;
          if (oldest === undefined) break;
          failures.delete(oldest);
        }
      }
    };

  /**
   * A pull request event starts a check of the PR as the API has it now: head, base sha and base ref are never
   * taken from the payload alone (a forged or replayed payload cannot pick the commits compared).
   */
  const checkPullRequestEvent = async (octokit: GitHubRequester, p: { action: string; before?: string; installation?: { id: number }; pull_request: { number: number }; repository: { owner: { login: string }; name: string; default_branch: string; html_url: string } }): Promise<void> => {
    const owner = p.repository.owner.login;
    const repo = p.repository.name;
    const pr = await fetchPullRequest(octokit, owner, repo, p.pull_request.number, p.repository.default_branch);
    if (!pr.open) {
      say('info', 'pull request not open; event ignored', { repo: `${owner}/${repo}`, pr: p.pull_request.number, action: p.action });
      return;
    }
    await startCheck(octokit, { kind: 'pull_request', pr: pr.ref, ...(p.before !== undefined && p.action === 'synchronize' ? { before: p.before } : {}), htmlUrl: p.repository.html_url, ...installationOf(p) });
  };

  app.on(
    ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'],
    once(async (context) => {
      const p = context.payload;
      if (p.pull_request.state !== 'open') return;
      await checkPullRequestEvent(context.octokit, { ...p, before: p.action === 'synchronize' ? p.before : undefined });
    }),
  );

  // Retargeting a PR to another base branch changes what it is checked against: handled like a push.
  app.on(
    'pull_request.edited',
    once(async (context) => {
      const p = context.payload;
      if (p.changes?.base === undefined || p.pull_request.state !== 'open') return;
      await checkPullRequestEvent(context.octokit, p);
    }),
  );

  app.on('pull_request.closed', async (context) => {
    const p = context.payload;
    await queue.cancel(prKey(p.repository.owner.login, p.repository.name, p.pull_request.number), 'The pull request was closed before its check finished.');
  });

  /** The PR as GitHub has it now (a recheck or a re-run checks the current head). */
  async function fetchPullRequest(octokit: GitHubRequester, owner: string, repo: string, pullNumber: number, defaultBranch: string): Promise<{ ref: PullRequestRef; open: boolean; author: string | undefined }> {
    return await readPullRequest(client(octokit), owner, repo, pullNumber, defaultBranch);
  }

  app.on(
    'issue_comment.created',
    once(async (context) => {
      const p = context.payload;
      if (p.issue.pull_request == null) return;
      // Bots never command the app, and the app never answers itself.
      if (context.isBot || p.comment.user?.type === 'Bot' || p.comment.performed_via_github_app?.id === (await ourAppId())) return;
      const command = parseCommand(p.comment.body);
      if (command === undefined) return;
      const gh = client(context.octokit);
      const owner = p.repository.owner.login;
      const repo = p.repository.name;
      const login = p.comment.user?.login ?? p.sender.login;
      const reply = (body: string) => gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: p.issue.number, body });
      const permission = await commandPermission(gh, owner, repo, login, p.issue.user?.login);
      if (!permission.allowed) {
        // Anyone can comment on a public repository: the refusal mentions a user once per PR, later ones get a reaction.
        const who = `${owner}/${repo}#${p.issue.number}:${login}`.toLowerCase();
        const first = !refused.has(who);
        say('info', 'command refused', { command: command.name, user: login, repo: `${owner}/${repo}`, pr: p.issue.number, why: permission.why, told: !first });
        if (first) {
          refused.add(who);
          if (refused.size > 10_000) refused.delete(refused.values().next().value as string);
          await reply(deniedText(login));
        } else {
          await gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner, repo, comment_id: p.comment.id, content: 'confused' });
        }
        return;
      }
      await gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner, repo, comment_id: p.comment.id, content: 'eyes' });
      if (command.name === 'help') {
        await reply(HELP_TEXT);
        return;
      }
      if (command.name === 'unknown') {
        await reply(unknownText(command.word));
        return;
      }
      const pr = await fetchPullRequest(gh, owner, repo, p.issue.number, p.repository.default_branch);
      if (!pr.open) {
        await reply('This pull request is closed; there is nothing to recheck.');
        return;
      }
      const run = await startCheck(context.octokit, { kind: 'pull_request', pr: pr.ref, htmlUrl: p.repository.html_url, ...installationOf(p) });
      await reply(recheckText(run.htmlUrl ?? `${p.repository.html_url}/runs/${run.id}`, pr.ref.headSha));
    }),
  );

  /** Redoes the check a run of ours did: its PR's current head, or the same merge group. */
  async function rerun(octokit: GitHubRequester, repository: { owner: { login: string }; name: string; default_branch: string; html_url: string }, origin: RunOrigin | undefined, headSha: string, headBranch: string | null | undefined, installationId: { installationId?: number }): Promise<void> {
    const owner = repository.owner.login;
    const repo = repository.name;
    if (origin === undefined) {
      say('info', 're-run names no pull request or merge group; ignored', { repo: `${owner}/${repo}`, sha: headSha });
      return;
    }
    if (origin.kind === 'merge_group') {
      await startCheck(octokit, {
        kind: 'merge_group',
        group: { owner, repo, baseSha: origin.baseSha, baseRef: repository.default_branch, headSha, headRef: headBranch ?? headSha, defaultBranch: repository.default_branch },
        htmlUrl: repository.html_url,
        ...installationId,
      });
      return;
    }
    const pr = await fetchPullRequest(octokit, owner, repo, origin.pullNumber, repository.default_branch);
    if (!pr.open) {
      say('info', 're-run of a closed pull request ignored', { repo: `${owner}/${repo}`, pr: origin.pullNumber });
      return;
    }
    await startCheck(octokit, { kind: 'pull_request', pr: pr.ref, htmlUrl: repository.html_url, ...installationId });
  }

  app.on(
    'check_run.rerequested',
    once(async (context) => {
      const p = context.payload;
      if (p.check_run.app?.id !== (await ourAppId())) return;
      const fromPayload = p.check_run.pull_requests[0]?.number;
      const origin = parseExternalId(p.check_run.external_id) ?? (fromPayload !== undefined ? { kind: 'pull_request' as const, pullNumber: fromPayload } : undefined);
      await rerun(context.octokit, p.repository, origin, p.check_run.head_sha, p.check_run.check_suite?.head_branch, installationOf(p));
    }),
  );

  app.on(
    'check_suite.rerequested',
    once(async (context) => {
      const p = context.payload;
      if (p.check_suite.app?.id !== (await ourAppId())) return;
      const owner = p.repository.owner.login;
      const repo = p.repository.name;
      // The suite of a fork PR lists no pull request; our run in the suite remembers it in its external_id.
      const res = await client(context.octokit).request('GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs', {
        owner,
        repo,
        check_suite_id: p.check_suite.id,
        check_name: CHECK_RUN_NAME,
        per_page: 10,
      });
      const runs = isObject(res.data) && Array.isArray(res.data.check_runs) ? res.data.check_runs : [];
      let origin: RunOrigin | undefined;
      for (const r of runs) origin ??= isObject(r) && typeof r.external_id === 'string' ? parseExternalId(r.external_id) : undefined;
      const fromPayload = p.check_suite.pull_requests[0]?.number;
      origin ??= fromPayload !== undefined ? { kind: 'pull_request', pullNumber: fromPayload } : undefined;
      await rerun(context.octokit, p.repository, origin, p.check_suite.head_sha, p.check_suite.head_branch, installationOf(p));
    }),
  );

  app.on(
    'merge_group.checks_requested',
    once(async (context) => {
      const p = context.payload;
      const g = p.merge_group;
      const repository = p.repository;
      if (repository === undefined) return;
      const group = await mergeGroupFromApi(client(context.octokit), repository.owner.login, repository.name, g.head_ref, g.base_ref, g.base_sha, repository.default_branch);
      if (group === undefined) {
        say('info', 'merge group gone; nothing to check', { repo: `${repository.owner.login}/${repository.name}`, ref: g.head_ref });
        return;
      }
      await startCheck(context.octokit, { kind: 'merge_group', group, htmlUrl: repository.html_url, ...installationOf(p) });
    }),
  );

  app.on('merge_group.destroyed', async (context) => {
    const p = context.payload;
    if (p.repository === undefined) return;
    await queue.cancel(`${p.repository.owner.login}/${p.repository.name}@${p.merge_group.head_ref}`.toLowerCase(), 'The merge group was removed from the queue before its check finished.');
  });

  const recoveryAbort = new AbortController();
  const recoveries = new Set<Promise<RecoverySummary>>();
  async function recover(recoveryOptions: Omit<RecoveryOptions, 'signal'> & { periodic?: boolean } = {}): Promise<RecoverySummary> {
    const started = Date.now();
    say(recoveryOptions.periodic === true ? 'debug' : 'info', 'recovery started', { periodic: recoveryOptions.periodic === true });
    const summary = await recoverInterruptedRuns(
      {
        appId: await ourAppId(),
        appClient: async () => client(await app.auth()),
        installationClient: async (id) => client(await app.auth(id)),
        ownRun: async (id) => createdHere.has(id) || (await queue.activeCheckRuns()).has(id),
        busy: async (owner, repo, pullNumber) => {
          const key = prKey(owner, repo, pullNumber);
          return starting.has(key) || (await queue.activeKeys()).has(key);
        },
        claim: (id, claimed) => {
          if (claimed) recovering.add(id);
          else recovering.delete(id);
        },
        recheckPullRequest: (octokit, pr, htmlUrl, installationId) => startCheck(octokit, { kind: 'pull_request', pr, installationId, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        recheckMergeGroup: (octokit, group, htmlUrl, installationId) => startCheck(octokit, { kind: 'merge_group', group, installationId, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        conclude: (octokit, target, completion) => completeCheckRun(client(octokit), target, completion, publishOptions),
        log: say,
        secrets,
      },
      { ...recoveryOptions, signal: recoveryAbort.signal },
    );
    const quiet = recoveryOptions.periodic === true && summary.errors === 0 && summary.stuck === 0 && summary.missing === 0;
    say(summary.errors > 0 ? 'warn' : quiet ? 'debug' : 'info', 'recovery done', { ...recoverySummaryFields(summary, recoveryOptions), ms: Date.now() - started });
    return summary;
  }

  return {
    queue,
    deliveries,
    idle: () => queue.idle(),
    takeFailure(id) {
      const f = failures.get(id);
      failures.delete(id);
      return f;
    },
    recover(recoveryOptions) {
      const p = recover(recoveryOptions).catch((e: unknown): RecoverySummary => {
        say('error', 'recovery failed', {}, e);
        return { installations: 0, repositories: 0, pullRequests: 0, mergeGroups: 0, stuck: 0, missing: 0, concluded: 0, rechecks: 0, errors: 1, capped: false, aborted: recoveryAbort.signal.aborted };
      });
      recoveries.add(p);
      void p.finally(() => recoveries.delete(p));
      return p;
    },
    async close(graceMs?: number) {
      recoveryAbort.abort();
      await Promise.allSettled([...recoveries]);
      await queue.close(graceMs);
      if (ownRuntime !== undefined) await ownRuntime.close();
    },
  };
}

/** The installation a delivery came from (what another instance authenticates as to run its check). */
function installationOf(p: { installation?: { id?: unknown } | null }): { installationId?: number } {
  const id = p.installation?.id;
  return typeof id === 'number' ? { installationId: id } : {};
}

function prKey(owner: string, repo: string, pullNumber: number): string {
  return `${owner}/${repo}#${pullNumber}`.toLowerCase();
}

/**
 * The merge group as the API has it: the head is the commit its queue branch points at now, the base the merge
 * base of that commit with the payload's base (GitHub builds the group on it). Undefined when the branch is gone.
 */
async function mergeGroupFromApi(gh: GitHubRequester, owner: string, repo: string, headRef: string, baseRef: string, baseSha: string, defaultBranch: string): Promise<MergeGroupRef | undefined> {
  let headSha: unknown;
  try {
    const res = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: headRef.replace(/^refs\//, '') });
    headSha = isObject(res.data) && isObject(res.data.object) ? res.data.object.sha : undefined;
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
  if (typeof headSha !== 'string') throw new Error(`GET /repos/${owner}/${repo}/git/ref/${headRef}: unexpected response`);
  const res = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${baseSha}...${headSha}` });
  const mergeBase = isObject(res.data) && isObject(res.data.merge_base_commit) ? res.data.merge_base_commit.sha : undefined;
  if (typeof mergeBase !== 'string') throw new Error(`GET /repos/${owner}/${repo}/compare/${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}: unexpected response`);
  return { owner, repo, baseRef, baseSha: mergeBase, headRef, headSha, defaultBranch };
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
      return {
        conclusion: 'cancelled',
        title: 'Interrupted by a restart',
        summary: `## Interrupted\n\n${detail} \`cancelled\` never counts as passing a required check.\n\nComment \`/gatekeeper recheck\` on the pull request to run the check again.\n`,
      };
    case 'timeout':
    case 'overflow':
    case 'failed':
      return errorCompletion(detail, true);
  }
}
