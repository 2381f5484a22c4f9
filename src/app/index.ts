// The Probot app: thin event handlers that validate, create the check run in_progress, and hand the work to
// the embedded queue. Everything else (the check, publishing, commands, the queue) lives beside this file.
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { createRuntime, type Runtime } from '../engine/runtime.ts';
import type { GitHubRequester } from '../source/github.ts';
import { CheckError, runMergeGroupCheck, runPullRequestCheck, type MergeGroupRef, type PullRequestRef } from './check.ts';
import { CHECK_RUN_NAME, concludeStaleRuns, createCheckRun, parseExternalId, type RunOrigin } from './check-runs.ts';
import { commandPermission, deniedText, HELP_TEXT, parseCommand, recheckText, unknownText } from './commands.ts';
import { completeCheckRun, errorCompletion, publishCheckRun, supersededCompletion, type Completion, type PublishOptions } from './publish.ts';
import { CheckQueue, DeliveryLog, type CheckQueueOptions, type EndReason, type QueuedCheck } from './queue.ts';
import { recoverInterruptedRuns, recoverySummaryLine, type RecoveryOptions, type RecoverySummary } from './recovery.ts';
import { describeError, redact, retryingRequester, type RetryOptions } from './requester.ts';

export { CHECK_RUN_NAME } from './check-runs.ts';

export interface PreadmitAppOptions {
  /** The compiler and evaluator pool; by default one is created on first use and closed by `close()`. */
  runtime?: Runtime;
  /** This app's id (check events of other apps are ignored). Default: `APP_ID`, else asked of GitHub. */
  appId?: number;
  queue?: CheckQueueOptions;
  /** Rate-limit handling of every request (see requester.ts). */
  retry?: RetryOptions;
  publish?: PublishOptions;
  /** Values that must never reach a log line (the webhook secret, the private key). */
  secrets?: string[];
}

export interface PreadmitAppHandle {
  queue: CheckQueue;
  deliveries: DeliveryLog;
  /** Waits for every queued and running check to be concluded. */
  idle(): Promise<void>;
  /**
   * Restart recovery (see recovery.ts): concludes this app's runs left `queued`/`in_progress` by an earlier
   * process on every open PR and merge group, and queues fresh checks. Never rejects; `close()` stops it.
   */
  recover(options?: Omit<RecoveryOptions, 'signal'>): Promise<RecoverySummary>;
  /** Stops recovery, concludes or finishes all work (no run left in_progress), closes the runtime if this app created it. */
  close(graceMs?: number): Promise<void>;
}

/** What a queued check needs: where, which commits, and how to authenticate. */
type CheckRequest =
  | { kind: 'pull_request'; pr: PullRequestRef; before?: string; htmlUrl?: string }
  | { kind: 'merge_group'; group: MergeGroupRef; htmlUrl?: string };

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
  const log = app.log.child({ name: 'preadmit' });
  const say = (level: 'info' | 'warn' | 'error' | 'debug', message: string) => log[level](redact(message, secrets));
  const publishOptions: PublishOptions = { ...options.retry, ...options.publish, log: (m) => say('warn', m) };
  const queue = new CheckQueue({
    ...options.queue,
    onError: (e, job) => say('error', `check run ${job.checkRunId} (${job.key}): ${describeError(e, secrets)}`),
  });
  const deliveries = new DeliveryLog();
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
  const remember = (id: number): void => {
    createdHere.add(id);
    if (createdHere.size > 10_000) {
      const oldest = createdHere.values().next().value;
      if (oldest !== undefined) createdHere.delete(oldest);
    }
  };

  /** Creates the run in_progress on the head sha and queues the work. Returns the run. */
  async function startCheck(octokit: GitHubRequester, req: CheckRequest): Promise<{ id: number; htmlUrl: string | undefined }> {
    const gh = client(octokit);
    const { owner, repo } = req.kind === 'pull_request' ? req.pr : req.group;
    const headSha = req.kind === 'pull_request' ? req.pr.headSha : req.group.headSha;
    const origin: RunOrigin = req.kind === 'pull_request' ? { kind: 'pull_request', pullNumber: req.pr.pullNumber } : { kind: 'merge_group', baseSha: req.group.baseSha };
    const run = await createCheckRun(gh, { owner, repo, headSha, origin });
    remember(run.id);
    const key = req.kind === 'pull_request' ? `${owner}/${repo}#${req.pr.pullNumber}`.toLowerCase() : `${owner}/${repo}@${req.group.headRef}`.toLowerCase();
    const target = { owner, repo, checkRunId: run.id, ...(req.htmlUrl !== undefined ? { htmlUrl: req.htmlUrl } : {}) };
    say('info', `check run ${run.id} created for ${key} at ${headSha.slice(0, 7)}`);

    let concluded = false;
    const claim = (): boolean => {
      if (concluded) return false;
      concluded = true;
      return true;
    };
    const job: QueuedCheck = {
      key,
      sha: headSha,
      checkRunId: run.id,
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
                    { owner, repo, appId: await ourAppId(), currentId: run.id, shas: [headSha, ...(req.before !== undefined ? [req.before] : [])], active: new Set([...queue.activeCheckRuns(), ...recovering]) },
                    supersededCompletion(`This run was left in progress by a preadmit instance that stopped (restart or crash) or was replaced by a newer request; check run ${run.id} took over.`),
                    publishOptions,
                  );
                  if (stale.length > 0) say('info', `concluded stale check run(s) ${stale.join(', ')} of ${key}`);
                } catch (e) {
                  say('warn', `looking for stale check runs of ${key} failed: ${describeError(e, secrets)}`);
                }
              })()
            : Promise.resolve();
        const deps = { runtime: runtime(), onProgress: (line: string) => say('debug', `check run ${run.id} (${key}): ${line}`) };
        let outcome: Parameters<typeof publishCheckRun>[2];
        try {
          const report = req.kind === 'pull_request' ? await runPullRequestCheck(gh, req.pr, deps) : await runMergeGroupCheck(gh, req.group, deps);
          outcome = { report };
        } catch (e) {
          outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
          say('warn', `check run ${run.id} (${key}) failed: ${outcome.error}`);
        }
        await staleLookup;
        if (signal.aborted || !claim()) {
          say('info', `check run ${run.id} (${key}) finished after it was superseded; its result is discarded`);
          return;
        }
        try {
          await publishCheckRun(gh, target, outcome, publishOptions);
          const verdict = 'report' in outcome ? outcome.report.verdict.conclusion : 'error';
          say('info', `check run ${run.id} (${key}) completed: ${verdict} in ${Date.now() - started} ms`);
        } catch (e) {
          say('error', `check run ${run.id} (${key}) could not be completed: ${describeError(e, secrets)}`);
        }
      },
      end: async (reason, detail) => {
        if (!claim()) return;
        say('info', `check run ${run.id} (${key}) ended: ${reason}: ${detail}`);
        await completeCheckRun(gh, target, endCompletion(reason, detail), publishOptions);
      },
    };
    queue.push(job);
    return run;
  }

  /** Handles one delivery once: a redelivery (same id) of a handled delivery is ignored. */
  const once =
    <C extends { id: string; name: string }>(fn: (context: C) => Promise<void>) =>
    async (context: C): Promise<void> => {
      if (!deliveries.begin(context.id)) {
        say('info', `delivery ${context.id} (${context.name}) was already handled; ignored`);
        return;
      }
      try {
        await fn(context);
        deliveries.done(context.id);
      } catch (e) {
        deliveries.failed(context.id);
        const message = describeError(e, secrets);
        say('error', `delivery ${context.id} (${context.name}) failed: ${message}`);
        // Probot answers 500, so GitHub records the delivery as failed and it can be redelivered.
        throw new Error(message);
      }
    };

  app.on(
    ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'],
    once(async (context) => {
      const p = context.payload;
      const pr = p.pull_request;
      if (pr.state !== 'open') return;
      const before = p.action === 'synchronize' ? p.before : undefined;
      await startCheck(context.octokit, {
        kind: 'pull_request',
        pr: {
          owner: p.repository.owner.login,
          repo: p.repository.name,
          pullNumber: pr.number,
          baseRef: pr.base.ref,
          baseSha: pr.base.sha,
          headSha: pr.head.sha,
          defaultBranch: p.repository.default_branch,
        },
        ...(before !== undefined ? { before } : {}),
        htmlUrl: p.repository.html_url,
      });
    }),
  );

  app.on('pull_request.closed', async (context) => {
    const p = context.payload;
    queue.cancel(`${p.repository.owner.login}/${p.repository.name}#${p.pull_request.number}`.toLowerCase(), 'The pull request was closed before its check finished.');
  });

  /** The PR as GitHub has it now (a recheck or a re-run checks the current head). */
  async function fetchPullRequest(octokit: GitHubRequester, owner: string, repo: string, pullNumber: number, defaultBranch: string): Promise<{ ref: PullRequestRef; open: boolean; author: string | undefined }> {
    const res = await client(octokit).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: pullNumber });
    const d = (isObject(res.data) ? res.data : {}) as Record<string, unknown>;
    const head = isObject(d.head) ? d.head : {};
    const base = isObject(d.base) ? d.base : {};
    const user = isObject(d.user) ? d.user : {};
    if (typeof head.sha !== 'string' || typeof base.sha !== 'string' || typeof base.ref !== 'string') {
      throw new Error(`GET /repos/${owner}/${repo}/pulls/${pullNumber}: unexpected response`);
    }
    return {
      ref: { owner, repo, pullNumber, baseRef: base.ref, baseSha: base.sha, headSha: head.sha, defaultBranch },
      open: d.state === 'open',
      author: typeof user.login === 'string' ? user.login : undefined,
    };
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
        say('info', `/gatekeeper ${command.name} from ${login} on ${owner}/${repo}#${p.issue.number} refused (${permission.why})`);
        await reply(deniedText(login));
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
      const run = await startCheck(context.octokit, { kind: 'pull_request', pr: pr.ref, htmlUrl: p.repository.html_url });
      await reply(recheckText(run.htmlUrl ?? `${p.repository.html_url}/runs/${run.id}`, pr.ref.headSha));
    }),
  );

  /** Redoes the check a run of ours did: its PR's current head, or the same merge group. */
  async function rerun(octokit: GitHubRequester, repository: { owner: { login: string }; name: string; default_branch: string; html_url: string }, origin: RunOrigin | undefined, headSha: string, headBranch: string | null | undefined): Promise<void> {
    const owner = repository.owner.login;
    const repo = repository.name;
    if (origin === undefined) {
      say('info', `re-run requested on ${owner}/${repo} at ${headSha.slice(0, 7)} for a run that names no pull request or merge group; ignored`);
      return;
    }
    if (origin.kind === 'merge_group') {
      await startCheck(octokit, {
        kind: 'merge_group',
        group: { owner, repo, baseSha: origin.baseSha, baseRef: repository.default_branch, headSha, headRef: headBranch ?? headSha, defaultBranch: repository.default_branch },
        htmlUrl: repository.html_url,
      });
      return;
    }
    const pr = await fetchPullRequest(octokit, owner, repo, origin.pullNumber, repository.default_branch);
    if (!pr.open) {
      say('info', `re-run requested for closed pull request ${owner}/${repo}#${origin.pullNumber}; ignored`);
      return;
    }
    await startCheck(octokit, { kind: 'pull_request', pr: pr.ref, htmlUrl: repository.html_url });
  }

  app.on(
    'check_run.rerequested',
    once(async (context) => {
      const p = context.payload;
      if (p.check_run.app?.id !== (await ourAppId())) return;
      const fromPayload = p.check_run.pull_requests[0]?.number;
      const origin = parseExternalId(p.check_run.external_id) ?? (fromPayload !== undefined ? { kind: 'pull_request' as const, pullNumber: fromPayload } : undefined);
      await rerun(context.octokit, p.repository, origin, p.check_run.head_sha, p.check_run.check_suite?.head_branch);
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
      await rerun(context.octokit, p.repository, origin, p.check_suite.head_sha, p.check_suite.head_branch);
    }),
  );

  app.on(
    'merge_group.checks_requested',
    once(async (context) => {
      const p = context.payload;
      const g = p.merge_group;
      const repository = p.repository;
      if (repository === undefined) return;
      await startCheck(context.octokit, {
        kind: 'merge_group',
        group: {
          owner: repository.owner.login,
          repo: repository.name,
          baseRef: g.base_ref,
          baseSha: g.base_sha,
          headRef: g.head_ref,
          headSha: g.head_sha,
          defaultBranch: repository.default_branch,
        },
        htmlUrl: repository.html_url,
      });
    }),
  );

  app.on('merge_group.destroyed', async (context) => {
    const p = context.payload;
    if (p.repository === undefined) return;
    queue.cancel(`${p.repository.owner.login}/${p.repository.name}@${p.merge_group.head_ref}`.toLowerCase(), 'The merge group was removed from the queue before its check finished.');
  });

  const recoveryAbort = new AbortController();
  const recoveries = new Set<Promise<RecoverySummary>>();
  async function recover(recoveryOptions: Omit<RecoveryOptions, 'signal'> = {}): Promise<RecoverySummary> {
    const started = Date.now();
    say('info', 'restart recovery: looking for check runs an earlier process left unfinished');
    const summary = await recoverInterruptedRuns(
      {
        appId: await ourAppId(),
        appClient: async () => client(await app.auth()),
        installationClient: async (id) => client(await app.auth(id)),
        ownRun: (id) => createdHere.has(id) || queue.activeCheckRuns().has(id),
        claim: (id, claimed) => {
          if (claimed) recovering.add(id);
          else recovering.delete(id);
        },
        recheckPullRequest: (octokit, pr, htmlUrl) => startCheck(octokit, { kind: 'pull_request', pr, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        recheckMergeGroup: (octokit, group, htmlUrl) => startCheck(octokit, { kind: 'merge_group', group, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        conclude: (octokit, target, completion) => completeCheckRun(client(octokit), target, completion, publishOptions),
        log: say,
        secrets,
      },
      { ...recoveryOptions, signal: recoveryAbort.signal },
    );
    say(summary.errors > 0 ? 'warn' : 'info', `${recoverySummaryLine(summary, recoveryOptions)} (${Date.now() - started} ms)`);
    return summary;
  }

  return {
    queue,
    deliveries,
    idle: () => queue.idle(),
    recover(recoveryOptions) {
      const p = recover(recoveryOptions).catch((e: unknown): RecoverySummary => {
        say('error', `restart recovery failed: ${describeError(e, secrets)}`);
        return { installations: 0, repositories: 0, pullRequests: 0, mergeGroups: 0, stuck: 0, concluded: 0, rechecks: 0, errors: 1, capped: false, aborted: recoveryAbort.signal.aborted };
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

function endCompletion(reason: EndReason, detail: string): Completion {
  switch (reason) {
    case 'superseded':
      return supersededCompletion(detail);
    case 'shutdown':
      return {
        conclusion: 'cancelled',
        title: 'Interrupted by a restart',
        summary: `## Interrupted\n\n${detail} \`cancelled\` never counts as passing a required check.\n\nComment \`/gatekeeper recheck\` on the pull request to run the check again.\n`,
      };
    case 'timeout':
    case 'overflow':
      return errorCompletion(detail, true);
  }
}
