// The Probot app: its events and the handle the server drives. Each handler reads what it needs from the API and
// hands a check request to the check service (check-service.ts), which creates the run and queues the work.
// Talking to GitHub is src/github's; the queue, recovery and the server live beside this file.
import { createHash } from 'node:crypto';
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { createRuntime, type Runtime } from '../engine/runtime.ts';
import { parseExternalId, readAppId, suiteOrigin } from '../github/check-runs.ts';
import type { GitHubRequester } from '../github/client.ts';
import { commandPermission, reactToComment, replyToIssue } from '../github/comments.ts';
import { describeError } from '../github/errors.ts';
import type { PublishOptions } from '../github/publish.ts';
import { readPullRequest } from '../github/pull-request.ts';
import { createCheckService, mergeGroupKey, mergeGroupOf, prKey, type CheckService, type RepositoryRef } from './check-service.ts';
import { deniedText, HELP_TEXT, parseCommand, recheckText, unknownText } from './commands.ts';
import { CheckQueue, DeliveryLog, type CheckQueueOptions, type DeliveryDedupe, type WorkQueue } from './queue.ts';
import { RedisCheckQueue, RedisDeliveryLog, type RedisQueueOptions } from './queue-bullmq.ts';
import { recoverInterruptedRuns, recoverySummaryFields, type RecoveryOptions, type RecoverySummary } from './recovery.ts';
import { structuredLog } from './log.ts';


export interface PreadmitAppOptions {
  /** The compiler and evaluator pool; by default one is created on first use and closed by `close()`. */
  runtime?: Runtime;
  /** This app's id (check events of other apps are ignored). Default: `APP_ID`, else asked of GitHub. */
  appId?: number;
  queue?: CheckQueueOptions;
  /** Redis mode (queue-bullmq.ts): the shared queue and delivery dedupe; without it, both live in this process. */
  redis?: Omit<RedisQueueOptions, 'revive' | 'onError' | 'log'>;
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
  const say = structuredLog(log, secrets);
  const publishOptions: PublishOptions = { ...options.publish, log: (m, fields, error) => say('warn', m, fields, error) };
  const redisOptions = options.redis;
  const queue: WorkQueue =
    redisOptions !== undefined
      ? new RedisCheckQueue({
          ...redisOptions,
          revive: (spec) => checks.revive(spec),
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
      return await readAppId(await app.auth());
    })();
    appId.catch(() => {
      appId = undefined;
    });
    return appId;
  };

  const checks: CheckService = createCheckService({
    queue: () => queue,
    runtime,
    appId: ourAppId,
    installationClient: (id) => app.auth(id),
    durable: redisOptions !== undefined,
    publish: publishOptions,
    say,
    secrets,
  });
  /** Users already told, per PR, that they may not run commands. */
  const refused = new Set<string>();

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
  const checkPullRequestEvent = async (gh: GitHubRequester, p: { action: string; before?: string | undefined; installation?: { id: number }; pull_request: { number: number }; repository: RepositoryRef }): Promise<void> => {
    const owner = p.repository.owner.login;
    const repo = p.repository.name;
    const pr = await readPullRequest(gh, owner, repo, p.pull_request.number, p.repository.default_branch);
    if (!pr.open) {
      say('info', 'pull request not open; event ignored', { repo: `${owner}/${repo}`, pr: p.pull_request.number, action: p.action });
      return;
    }
    await checks.start(gh, { kind: 'pull_request', pr: pr.ref, ...(p.before !== undefined && p.action === 'synchronize' ? { before: p.before } : {}), htmlUrl: p.repository.html_url, ...installationOf(p) });
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

  app.on(
    'issue_comment.created',
    once(async (context) => {
      const p = context.payload;
      if (p.issue.pull_request == null) return;
      // Bots never command the app, and the app never answers itself.
      if (context.isBot || p.comment.user?.type === 'Bot' || p.comment.performed_via_github_app?.id === (await ourAppId())) return;
      const command = parseCommand(p.comment.body);
      if (command === undefined) return;
      const gh = context.octokit;
      const owner = p.repository.owner.login;
      const repo = p.repository.name;
      const login = p.comment.user?.login ?? p.sender.login;
      const issue = { owner, repo, number: p.issue.number };
      const comment = { owner, repo, commentId: p.comment.id };
      const permission = await commandPermission(gh, owner, repo, login, p.issue.user?.login);
      if (!permission.allowed) {
        // Anyone can comment on a public repository: the refusal mentions a user once per PR, later ones get a reaction.
        const who = `${owner}/${repo}#${p.issue.number}:${login}`.toLowerCase();
        const first = !refused.has(who);
        say('info', 'command refused', { command: command.name, user: login, repo: `${owner}/${repo}`, pr: p.issue.number, why: permission.why, told: !first });
        if (!first) return await reactToComment(gh, comment, 'confused');
        refused.add(who);
        if (refused.size > 10_000) refused.delete(refused.values().next().value as string);
        return await replyToIssue(gh, issue, deniedText(login));
      }
      await reactToComment(gh, comment, 'eyes');
      if (command.name === 'help') return await replyToIssue(gh, issue, HELP_TEXT);
      if (command.name === 'unknown') return await replyToIssue(gh, issue, unknownText(command.word));
      const pr = await readPullRequest(gh, owner, repo, p.issue.number, p.repository.default_branch);
      if (!pr.open) return await replyToIssue(gh, issue, 'This pull request is closed; there is nothing to recheck.');
      const run = await checks.start(gh, { kind: 'pull_request', pr: pr.ref, htmlUrl: p.repository.html_url, ...installationOf(p) });
      await replyToIssue(gh, issue, recheckText(run.htmlUrl ?? `${p.repository.html_url}/runs/${run.id}`, pr.ref.headSha));
    }),
  );

  // A re-run of our run (or of its suite) redoes what the run remembers in its external_id; the payload's
  // pull request is the fallback (a fork PR's suite lists none).
  app.on(
    'check_run.rerequested',
    once(async (context) => {
      const { check_run: run, repository } = context.payload;
      if (run.app?.id !== (await ourAppId())) return;
      const remembered = parseExternalId(run.external_id);
      await checks.rerun(context.octokit, { repository, remembered, pullNumber: run.pull_requests[0]?.number, head: { sha: run.head_sha, branch: run.check_suite?.head_branch }, ...installationOf(context.payload) });
    }),
  );

  app.on(
    'check_suite.rerequested',
    once(async (context) => {
      const { check_suite: suite, repository } = context.payload;
      if (suite.app?.id !== (await ourAppId())) return;
      const remembered = await suiteOrigin(context.octokit, repository.owner.login, repository.name, suite.id);
      await checks.rerun(context.octokit, { repository, remembered, pullNumber: suite.pull_requests[0]?.number, head: { sha: suite.head_sha, branch: suite.head_branch }, ...installationOf(context.payload) });
    }),
  );

  app.on(
    'merge_group.checks_requested',
    once(async (context) => {
      const p = context.payload;
      if (p.repository === undefined) return;
      const group = await mergeGroupOf(context.octokit, p.repository, p.merge_group);
      if (group === undefined) {
        say('info', 'merge group gone; nothing to check', { repo: `${p.repository.owner.login}/${p.repository.name}`, ref: p.merge_group.head_ref });
        return;
      }
      await checks.start(context.octokit, { kind: 'merge_group', group, htmlUrl: p.repository.html_url, ...installationOf(p) });
    }),
  );

  app.on('merge_group.destroyed', async (context) => {
    const p = context.payload;
    if (p.repository === undefined) return;
    await queue.cancel(mergeGroupKey(p.repository.owner.login, p.repository.name, p.merge_group.head_ref), 'The merge group was removed from the queue before its check finished.');
  });

  const recoveryAbort = new AbortController();
  const recoveries = new Set<Promise<RecoverySummary>>();
  async function recover(recoveryOptions: Omit<RecoveryOptions, 'signal'> & { periodic?: boolean } = {}): Promise<RecoverySummary> {
    const started = Date.now();
    say(recoveryOptions.periodic === true ? 'debug' : 'info', 'recovery started', { periodic: recoveryOptions.periodic === true });
    const summary = await recoverInterruptedRuns(
      {
        appId: await ourAppId(),
        appClient: () => app.auth(),
        installationClient: (id) => app.auth(id),
        ownRun: async (id) => checks.createdHere(id) || (await queue.activeCheckRuns()).has(id),
        busy: async (owner, repo, pullNumber) => {
          const key = prKey(owner, repo, pullNumber);
          return checks.starting(key) || (await queue.activeKeys()).has(key);
        },
        claim: (id, claimed) => checks.recovering(id, claimed),
        recheckPullRequest: (gh, pr, htmlUrl, installationId) => checks.start(gh, { kind: 'pull_request', pr, installationId, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        recheckMergeGroup: (gh, group, htmlUrl, installationId) => checks.start(gh, { kind: 'merge_group', group, installationId, ...(htmlUrl !== undefined ? { htmlUrl } : {}) }),
        conclude: (gh, target, completion) => checks.conclude(gh, target, completion),
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
