import {
  CHECK_RUN_NAME,
  CheckError,
  CollaboratorPermissionAnswer,
  CompareAnswer,
  GitRefAnswer,
  completeCheckRun,
  concludeStaleRuns,
  createCheckRun,
  describeError,
  errorCompletion,
  githubOctokit,
  interruptedCompletion,
  parseAnswer,
  parseExternalId,
  publishCheckRun,
  readAppId,
  readPullRequest,
  redact,
  requestName,
  runMergeGroupCheck,
  runPullRequestCheck,
  statusOf,
  suiteOrigin,
  supersededCompletion
} from "./chunk-52DRY7AF.mjs";
import {
  escapeMarkdown
} from "./chunk-NPPJNOXJ.mjs";
import "./chunk-RWK4WCFY.mjs";
import {
  createRuntime
} from "./chunk-U2OET4L7.mjs";
import "./chunk-MVMMHOUD.mjs";
import "./chunk-YPO3PXX5.mjs";
import "./chunk-MDHHRUTZ.mjs";
import "./chunk-GOXPIZBT.mjs";
import "./chunk-JHNEIQET.mjs";
import {
  cacheStats
} from "./chunk-D23G4ER4.mjs";
import "./chunk-DMQTDK6J.mjs";
import "./chunk-LV3SBTA7.mjs";

// src/app/server.ts
import { createHmac, createPrivateKey, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { getPrivateKey } from "@probot/get-private-key";
import { createNodeMiddleware, createProbot, ProbotOctokit } from "probot";

// src/app/index.ts
import { createHash } from "node:crypto";

// src/github/comments.ts
async function replyToIssue(gh, issue, body) {
  await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: issue.owner, repo: issue.repo, issue_number: issue.number, body });
}
async function reactToComment(gh, comment, content) {
  await gh.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { owner: comment.owner, repo: comment.repo, comment_id: comment.commentId, content });
}
var ALLOWED_ROLES = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function commandPermission(gh, owner, repo, login, prAuthor) {
  if (prAuthor !== void 0 && login.toLowerCase() === prAuthor.toLowerCase()) return { allowed: true, why: "author" };
  const route = "GET /repos/{owner}/{repo}/collaborators/{username}/permission";
  const params = { owner, repo, username: login };
  let answer;
  try {
    answer = parseAnswer(CollaboratorPermissionAnswer, (await gh.request(route, params)).data, requestName(route, params));
  } catch (e) {
    if (statusOf(e) === 404) return { allowed: false, why: "not a collaborator" };
    throw e;
  }
  const { role_name: role, permission } = answer;
  if (role !== void 0 && ALLOWED_ROLES.has(role) || permission !== void 0 && ALLOWED_ROLES.has(permission)) {
    return { allowed: true, why: role ?? permission ?? "write" };
  }
  return { allowed: false, why: role ?? permission ?? "none" };
}

// src/app/check-service.ts
import { z as z2 } from "zod/v4";

// src/github/listings.ts
import { z } from "zod/v4";
var PER_PAGE = 100;
var MAX_PAGES = 100;
var nonEmpty = z.string().min(1);
var InstallationEntry = z.object({ id: z.number().int(), account: z.object({ login: z.string().optional() }).nullish(), suspended_at: z.unknown().optional() });
var RepositoryEntry = z.object({
  name: nonEmpty,
  owner: z.object({ login: nonEmpty }),
  default_branch: z.string().optional(),
  html_url: z.string().optional(),
  archived: z.boolean().optional(),
  disabled: z.boolean().optional()
});
var PullRequestEntry = z.object({ number: z.number().int(), head: z.object({ sha: nonEmpty }), base: z.object({ sha: nonEmpty, ref: nonEmpty }) });
var RefEntry = z.object({ ref: nonEmpty, object: z.object({ sha: nonEmpty }) });
var CheckRunEntry = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  head_sha: z.string().nullish(),
  external_id: z.string().nullish(),
  app: z.object({ id: z.number().int() }).nullish()
});
async function listPages(gh, route, params, page, entry, read, options) {
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  const out = [];
  let seen = 0;
  for (let n = 1; n <= MAX_PAGES; n++) {
    if (options.signal?.aborted) return { items: out, more: false };
    const query = { ...params, per_page: PER_PAGE, page: n };
    const res = await gh.request(route, { ...query, ...options.signal !== void 0 ? { request: { signal: options.signal } } : {} });
    const got = parseAnswer(page, res.data, requestName(route, query));
    for (const raw of got) {
      if (seen >= limit) return { items: out, more: true };
      seen++;
      const parsed = entry.safeParse(raw);
      if (parsed.success) out.push(read(parsed.data));
    }
    if (got.length < PER_PAGE) return { items: out, more: false };
  }
  return { items: out, more: seen >= limit };
}
var list = z.array(z.unknown());
function listInstallations(app, options = {}) {
  return listPages(app, "GET /app/installations", {}, list, InstallationEntry, (i) => ({ id: i.id, account: i.account?.login || void 0, suspended: i.suspended_at != null }), options);
}
function listInstallationRepositories(gh, options = {}) {
  const page = z.object({ repositories: list }).transform((d) => d.repositories);
  return listPages(
    gh,
    "GET /installation/repositories",
    {},
    page,
    RepositoryEntry,
    (r) => ({ owner: r.owner.login, name: r.name, defaultBranch: r.default_branch || "main", htmlUrl: r.html_url || void 0, inactive: r.archived === true || r.disabled === true }),
    options
  );
}
function listOpenPullRequests(gh, owner, repo, options = {}) {
  return listPages(
    gh,
    "GET /repos/{owner}/{repo}/pulls",
    { owner, repo, state: "open", sort: "updated", direction: "desc" },
    list,
    PullRequestEntry,
    (p) => ({ number: p.number, headSha: p.head.sha, baseSha: p.base.sha, baseRef: p.base.ref }),
    options
  );
}
var MERGE_QUEUE_PREFIX = "gh-readonly-queue/";
async function listMergeQueueRefs(gh, owner, repo, options = {}) {
  const route = "GET /repos/{owner}/{repo}/git/matching-refs/{ref}";
  const params = { owner, repo, ref: `heads/${MERGE_QUEUE_PREFIX}` };
  let data;
  try {
    data = (await gh.request(route, { ...params, ...options.signal !== void 0 ? { request: { signal: options.signal } } : {} })).data;
  } catch (e) {
    if (statusOf(e) === 404) return [];
    throw e;
  }
  return parseAnswer(list, data, requestName(route, params)).flatMap((raw) => {
    const r = RefEntry.safeParse(raw);
    return r.success && r.data.ref.startsWith(`refs/heads/${MERGE_QUEUE_PREFIX}`) ? [{ ref: r.data.ref, sha: r.data.object.sha }] : [];
  });
}
function listCheckRuns(gh, target, options = {}) {
  const page = z.object({ check_runs: list }).transform((d) => d.check_runs);
  return listPages(
    gh,
    "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
    { owner: target.owner, repo: target.repo, ref: target.ref, check_name: target.checkName, status: target.status, filter: "all", app_id: target.appId },
    page,
    CheckRunEntry,
    (r) => ({ id: r.id, name: r.name, status: r.status, headSha: r.head_sha || void 0, externalId: r.external_id || void 0, appId: r.app?.id }),
    options
  );
}
async function readRefSha(gh, owner, repo, ref, options = {}) {
  const route = "GET /repos/{owner}/{repo}/git/ref/{ref}";
  const params = { owner, repo, ref: ref.replace(/^refs\//, "") };
  try {
    const res = await gh.request(route, { ...params, ...options.signal !== void 0 ? { request: { signal: options.signal } } : {} });
    return parseAnswer(GitRefAnswer, res.data, requestName(route, params)).object.sha;
  } catch (e) {
    if (statusOf(e) === 404) return void 0;
    throw e;
  }
}

// src/github/merge-group.ts
async function readMergeGroup(gh, group) {
  const { owner, repo, headRef, baseSha } = group;
  const headSha = await readRefSha(gh, owner, repo, headRef);
  if (headSha === void 0) return void 0;
  const compareRoute = "GET /repos/{owner}/{repo}/compare/{basehead}";
  const compareParams = { owner, repo, basehead: `${baseSha}...${headSha}` };
  const mergeBase = parseAnswer(CompareAnswer, (await gh.request(compareRoute, compareParams)).data, requestName(compareRoute, compareParams)).merge_base_commit.sha;
  return { owner, repo, baseRef: group.baseRef, baseSha: mergeBase, headRef, headSha, defaultBranch: group.defaultBranch };
}

// src/app/metrics.ts
import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from "prom-client";
var current;
function appMetrics() {
  return current;
}
function createMetrics(handle) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "preadmit_process_" });
  new Gauge({
    name: "preadmit_queue_waiting",
    help: "Checks waiting to run (the shared queue in Redis mode)",
    registers: [registry],
    async collect() {
      this.set((await handle?.queue.depth())?.waiting ?? 0);
    }
  });
  new Gauge({
    name: "preadmit_queue_running",
    help: "Checks running (over all instances in Redis mode)",
    registers: [registry],
    async collect() {
      this.set((await handle?.queue.depth())?.running ?? 0);
    }
  });
  for (const result of ["hits", "misses"]) {
    new Counter({
      name: `preadmit_cache_${result}_total`,
      help: `Lookups in the compiled-policy (cache="compile") and render (cache="render") caches that were ${result === "hits" ? "answered from memory or the cache directory" : "not cached (opa or a renderer ran)"}, in this process`,
      labelNames: ["cache"],
      registers: [registry],
      collect() {
        const stats = cacheStats();
        this.reset();
        for (const cache of ["compile", "render"]) this.inc({ cache }, stats[cache][result]);
      }
    });
  }
  const latency = new Histogram({
    name: "preadmit_check_duration_seconds",
    help: "Time from a check starting to its run being completed",
    buckets: [0.5, 1, 2, 5, 10, 20, 40, 60, 120, 300, 600],
    registers: [registry]
  });
  const latencyQuantiles = new Summary({
    name: "preadmit_check_duration_quantiles_seconds",
    help: "Time from a check starting to its run being completed: p50 and p95 over the last 10 minutes, in this process",
    percentiles: [0.5, 0.95],
    maxAgeSeconds: 600,
    ageBuckets: 5,
    registers: [registry]
  });
  const wait = new Histogram({
    name: "preadmit_queue_wait_seconds",
    help: "Time a check waited in the queue before it started",
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry]
  });
  const conclusions = new Counter({ name: "preadmit_check_conclusions_total", help: "Check runs completed, by conclusion", labelNames: ["conclusion"], registers: [registry] });
  const errors = new Counter({ name: "preadmit_evaluation_errors_total", help: "Checks that failed to render or evaluate", registers: [registry] });
  const m = {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    checkDone(conclusion, seconds) {
      conclusions.inc({ conclusion });
      latency.observe(seconds);
      latencyQuantiles.observe(seconds);
    },
    checkStarted(seconds) {
      wait.observe(Math.max(0, seconds));
    },
    evaluationError() {
      errors.inc();
    }
  };
  current = m;
  return m;
}

// src/app/check-service.ts
function targetOf(req) {
  const htmlUrl = req.htmlUrl !== void 0 ? { htmlUrl: req.htmlUrl } : {};
  if (req.kind === "pull_request") {
    const { owner: owner2, repo: repo2, pullNumber, headSha: headSha2 } = req.pr;
    return { key: prKey(owner2, repo2, pullNumber), origin: { kind: "pull_request", pullNumber }, owner: owner2, repo: repo2, headSha: headSha2, ...htmlUrl };
  }
  const { owner, repo, headRef, headSha, baseSha } = req.group;
  return { key: mergeGroupKey(owner, repo, headRef), origin: { kind: "merge_group", baseSha }, owner, repo, headSha, ...htmlUrl };
}
function prKey(owner, repo, pullNumber) {
  return `${owner}/${repo}#${pullNumber}`.toLowerCase();
}
function mergeGroupKey(owner, repo, headRef) {
  return `${owner}/${repo}@${headRef}`.toLowerCase();
}
function createCheckService(deps) {
  const { say, secrets } = deps;
  const created = /* @__PURE__ */ new Set();
  const recovering = /* @__PURE__ */ new Set();
  const starting = /* @__PURE__ */ new Map();
  const remember = (id) => {
    created.add(id);
    if (created.size > 1e4) {
      const oldest = created.values().next().value;
      if (oldest !== void 0) created.delete(oldest);
    }
  };
  async function start(gh, req) {
    if (deps.durable && req.installationId === void 0) throw new Error("the delivery names no installation; it cannot be queued for another instance");
    const target = targetOf(req);
    starting.set(target.key, (starting.get(target.key) ?? 0) + 1);
    let run;
    try {
      run = await createCheckRun(gh, target);
    } finally {
      const n = (starting.get(target.key) ?? 1) - 1;
      if (n > 0) starting.set(target.key, n);
      else starting.delete(target.key);
    }
    remember(run.id);
    say("info", "check run created", { run: run.id, key: target.key, sha: target.headSha });
    await deps.queue().push(makeJob(gh, { req, key: target.key, checkRunId: run.id }));
    return run;
  }
  async function revive(raw) {
    const spec = jobSpecOf(raw);
    if (spec?.req.installationId === void 0) throw new Error("a queued job with an unreadable spec");
    return makeJob(await deps.installationClient(spec.req.installationId), spec);
  }
  function makeJob(gh, spec) {
    const { req } = spec;
    const target = targetOf(req);
    const { key, owner, repo, headSha } = target;
    const runId = spec.checkRunId;
    const runTarget = { owner, repo, checkRunId: runId, ...target.htmlUrl !== void 0 ? { htmlUrl: target.htmlUrl } : {} };
    const queue = deps.queue();
    let concluded = false;
    const claim = async () => {
      if (concluded) return false;
      concluded = true;
      return await queue.claim(runId);
    };
    const staleLookup = async () => {
      if (req.kind !== "pull_request") return;
      try {
        const stale = await concludeStaleRuns(
          gh,
          { owner, repo, appId: await deps.appId(), currentId: runId, shas: [headSha, ...req.before !== void 0 ? [req.before] : []], active: /* @__PURE__ */ new Set([...created, ...await queue.activeCheckRuns(), ...recovering]) },
          supersededCompletion(`This run was left in progress by a preadmit process that stopped (a restart or a crash) before it finished; check run ${runId} took over.`),
          deps.publish
        );
        if (stale.length > 0) say("info", "stale check runs concluded", { run: runId, key, stale: stale.join(",") });
      } catch (e) {
        say("warn", "stale check run lookup failed", { run: runId, key }, e);
      }
    };
    return {
      key,
      sha: headSha,
      checkRunId: runId,
      group: owner.toLowerCase(),
      spec,
      run: async (signal) => {
        const started2 = Date.now();
        const stale = staleLookup();
        const checkDeps = { runtime: deps.runtime(), onProgress: (line) => say("debug", "check progress", { run: runId, key, step: line }), signal };
        let outcome;
        try {
          const report = req.kind === "pull_request" ? await runPullRequestCheck(gh, req.pr, checkDeps) : await runMergeGroupCheck(gh, req.group, checkDeps);
          outcome = { report };
        } catch (e) {
          if (!signal.aborted) {
            outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
            say("warn", "check failed", { run: runId, key, sha: headSha }, e);
          }
        }
        await stale;
        if (outcome === void 0 || signal.aborted || !await claim()) {
          say("info", "check result discarded", { run: runId, key, sha: headSha, why: outcome === void 0 || signal.aborted ? "ended" : "concluded elsewhere" });
          return;
        }
        try {
          await publishCheckRun(gh, runTarget, outcome, deps.publish);
          await queue.concluded(runId);
          const verdict = "report" in outcome ? outcome.report.verdict.conclusion : "error";
          appMetrics()?.checkDone(verdict, (Date.now() - started2) / 1e3);
          if (!("report" in outcome)) appMetrics()?.evaluationError();
          say("info", "check concluded", { run: runId, key, sha: headSha, conclusion: verdict, ms: Date.now() - started2 });
        } catch (e) {
          say("error", "check run could not be completed", { run: runId, key }, e);
        }
      },
      end: async (reason, detail) => {
        if (!await claim()) return;
        say("info", "check run ended without a result", { run: runId, key, sha: headSha, reason });
        await completeCheckRun(gh, runTarget, endCompletion(reason, detail), deps.publish);
        await queue.concluded(runId);
      }
    };
  }
  async function rerun(gh, { repository, remembered, pullNumber, head, installationId }) {
    const owner = repository.owner.login;
    const repo = repository.name;
    const from = { htmlUrl: repository.html_url, ...installationId !== void 0 ? { installationId } : {} };
    const origin = remembered ?? (pullNumber !== void 0 ? { kind: "pull_request", pullNumber } : void 0);
    if (origin === void 0) {
      say("info", "re-run names no pull request or merge group; ignored", { repo: `${owner}/${repo}`, sha: head.sha });
      return;
    }
    if (origin.kind === "merge_group") {
      const defaultBranch = repository.default_branch;
      await start(gh, { kind: "merge_group", group: { owner, repo, baseSha: origin.baseSha, baseRef: defaultBranch, headSha: head.sha, headRef: head.branch ?? head.sha, defaultBranch }, ...from });
      return;
    }
    const pr = await readPullRequest(gh, owner, repo, origin.pullNumber, repository.default_branch);
    if (!pr.open) {
      say("info", "re-run of a closed pull request ignored", { repo: `${owner}/${repo}`, pr: origin.pullNumber });
      return;
    }
    await start(gh, { kind: "pull_request", pr: pr.ref, ...from });
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
    }
  };
}
function mergeGroupOf(gh, repository, g) {
  return readMergeGroup(gh, { owner: repository.owner.login, repo: repository.name, headRef: g.head_ref, baseRef: g.base_ref, baseSha: g.base_sha, defaultBranch: repository.default_branch });
}
var sha = z2.string().regex(/^[0-9a-f]{40}$/);
var repoFields = { owner: z2.string(), repo: z2.string(), baseRef: z2.string(), baseSha: sha, headSha: sha, defaultBranch: z2.string() };
var JobSpecSchema = z2.object({
  key: z2.string(),
  checkRunId: z2.number().int().positive(),
  req: z2.discriminatedUnion("kind", [
    z2.object({ kind: z2.literal("pull_request"), pr: z2.object({ ...repoFields, pullNumber: z2.number().int().positive() }), before: z2.string().optional(), htmlUrl: z2.string().optional(), installationId: z2.number().int() }),
    z2.object({ kind: z2.literal("merge_group"), group: z2.object({ ...repoFields, headRef: z2.string() }), htmlUrl: z2.string().optional(), installationId: z2.number().int() })
  ])
});
function jobSpecOf(raw) {
  const parsed = JobSpecSchema.safeParse(raw);
  return parsed.success ? parsed.data : void 0;
}
function endCompletion(reason, detail) {
  switch (reason) {
    case "superseded":
      return supersededCompletion(detail);
    case "cancelled":
      return {
        conclusion: "cancelled",
        title: "Cancelled",
        summary: `## Cancelled

${escapeMarkdown(detail)}

This run was concluded as \`cancelled\` without a verdict: \`cancelled\` never counts as passing a required check.
`
      };
    case "shutdown":
      return interruptedCompletion("Interrupted by a restart", detail, "Comment `/gatekeeper recheck` on the pull request to run the check again.");
    case "timeout":
    case "overflow":
    case "failed":
      return errorCompletion(detail, true);
  }
}

// src/app/commands.ts
import MarkdownIt from "markdown-it";
var markdown = new MarkdownIt("commonmark", { html: true });
function parseCommand(body) {
  if (typeof body !== "string") return void 0;
  let quoted = 0;
  for (const token of markdown.parse(body.slice(0, 65536), {})) {
    if (token.type === "blockquote_open") quoted++;
    else if (token.type === "blockquote_close") quoted--;
    if (token.type !== "inline" || quoted > 0) continue;
    let line = "";
    const lines = [];
    for (const child of token.children ?? []) {
      if (child.type === "text") line += child.content;
      else if (child.type === "softbreak" || child.type === "hardbreak") {
        lines.push(line);
        line = "";
      } else if (child.type === "code_inline" || child.type === "html_inline") line += "\0";
    }
    lines.push(line);
    for (const raw of lines) {
      const text = raw.trim();
      const m = /^\/gatekeeper(?:[ \t]+([^\s\u0000]+))?/i.exec(text);
      if (m === null || text.length > 11 && !/[ \t]/.test(text.charAt(11))) continue;
      const word = (m[1] ?? "help").toLowerCase();
      if (word === "recheck" || word === "help") return { name: word };
      return { name: "unknown", word: m[1] ?? "" };
    }
  }
  return void 0;
}
var HELP_TEXT = [
  "preadmit simulates OPA Gatekeeper admission for this pull request and reports it as the `preadmit` check.",
  "",
  "| Command | What it does |",
  "|---|---|",
  "| `/gatekeeper recheck` | Runs the check again on the pull request's current head commit. |",
  "| `/gatekeeper help` | Shows this list. |",
  "",
  "Commands are accepted from the pull request's author and from users with write access to the repository. The configuration is read from `.github/preadmit.yml` on the default branch, never from the pull request."
].join("\n");
function deniedText(login) {
  return `@${login} \`/gatekeeper\` commands can be run by the pull request's author and by users with write access to this repository.`;
}
function unknownText(word) {
  return `Unknown command \`/gatekeeper ${word.replace(/[`\r\n]/g, "").slice(0, 40)}\`.

${HELP_TEXT}`;
}
function recheckText(checkRunUrl, sha2) {
  return `Rechecking ${sha2.slice(0, 7)}: [preadmit check run](${checkRunUrl}).`;
}

// src/app/queue.ts
var CheckQueue = class {
  mode = "memory";
  #concurrency;
  #perGroup;
  #maxQueued;
  #jobTimeoutMs;
  #onError;
  /** Waiting jobs in order; at most one per key. */
  #queued = [];
  /** Running jobs (a key can have an aborted one still finishing and a new one running). */
  #running = /* @__PURE__ */ new Set();
  /** Jobs whose run is still in flight after they were ended (timeout): they no longer take a slot. */
  #slots = 0;
  #closed = false;
  #idleWaiters = [];
  #endings = /* @__PURE__ */ new Set();
  /** Every started run until it returns, aborted or timed-out ones included. */
  #inFlight = /* @__PURE__ */ new Set();
  /** When each waiting job was queued (for the queue-wait metric). */
  #queuedAt = /* @__PURE__ */ new WeakMap();
  constructor(options = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#perGroup = defaultPerGroup(this.#concurrency, options.perGroup);
    this.#maxQueued = Math.max(0, options.maxQueued ?? 500);
    this.#jobTimeoutMs = options.jobTimeoutMs ?? 10 * 6e4;
    this.#onError = options.onError ?? (() => void 0);
  }
  get queued() {
    return this.#queued.length;
  }
  get running() {
    return this.#slots;
  }
  depth() {
    return { waiting: this.#queued.length, running: this.#slots };
  }
  notReady() {
    return this.#closed ? "shutting down" : void 0;
  }
  /** Each job concludes its own run once (it keeps its own flag); within one process there is nobody else. */
  claim() {
    return true;
  }
  concluded() {
  }
  /** The check run ids this process still owns (queued or running, not yet concluded by it). */
  activeCheckRuns() {
    return /* @__PURE__ */ new Set([...this.#queued.map((j) => j.checkRunId), ...[...this.#running].filter((r) => !r.abort.signal.aborted).map((r) => r.job.checkRunId)]);
  }
  /** The keys with work queued or running (not yet concluded), with the commit each one checks. */
  activeKeys() {
    const out = /* @__PURE__ */ new Map();
    for (const r of this.#running) if (!r.abort.signal.aborted) out.set(r.job.key, r.job.sha);
    for (const j of this.#queued) out.set(j.key, j.sha);
    return out;
  }
  /**
   * Adds a job. Older work for the same key is superseded: a queued job is replaced (the new one takes its
   * place in line), a running one is aborted and its run concluded now.
   */
  push(job) {
    if (this.#closed) {
      this.#end(job, "shutdown", "preadmit is shutting down and did not start this check.");
      return;
    }
    this.#queuedAt.set(job, Date.now());
    const at = this.#queued.findIndex((j) => j.key === job.key);
    if (at >= 0) {
      const old = this.#queued[at];
      this.#queued[at] = job;
      this.#end(old, "superseded", supersedeText(old, job));
    } else if (this.#queued.length >= this.#maxQueued) {
      this.#end(job, "overflow", `preadmit has ${this.#queued.length} checks waiting, its limit; this one was not started.`);
      return;
    } else {
      this.#queued.push(job);
    }
    for (const r of this.#running) {
      if (r.job.key === job.key && !r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, "superseded", supersedeText(r.job, job));
      }
    }
    this.#pump();
  }
  /** Ends queued and running work for `key` (a merge group that was destroyed, a PR that was closed). */
  cancel(key, detail) {
    this.#queued = this.#queued.filter((j) => {
      if (j.key !== key) return true;
      this.#end(j, "cancelled", detail);
      return false;
    });
    for (const r of this.#running) {
      if (r.job.key === key && !r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, "cancelled", detail);
      }
    }
    this.#checkIdle();
  }
  /** Resolves when nothing is queued or running and every conclusion this queue sent has been sent. */
  async idle() {
    while (this.#queued.length > 0 || this.#slots > 0 || this.#endings.size > 0) {
      if (this.#queued.length === 0 && this.#slots === 0) await Promise.allSettled([...this.#endings]);
      else await new Promise((resolve) => this.#idleWaiters.push(resolve));
    }
  }
  /** Resolves when every run that was started has returned, including runs whose result was discarded. */
  async settled() {
    while (this.#inFlight.size > 0 || this.#endings.size > 0) await Promise.allSettled([...this.#inFlight, ...this.#endings]);
  }
  /**
   * Stops taking work: queued checks are concluded at once, running ones get `graceMs` to finish and are then
   * concluded too. No run this process created is left in_progress.
   */
  async close(graceMs = 3e4) {
    this.#closed = true;
    const waiting = this.#queued;
    this.#queued = [];
    for (const j of waiting) this.#end(j, "shutdown", SHUTDOWN_QUEUED_TEXT);
    const running = [...this.#running];
    let timer;
    const grace = new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled(running.map((r) => r.done)), grace]);
    clearTimeout(timer);
    for (const r of this.#running) {
      if (!r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, "shutdown", SHUTDOWN_RUNNING_TEXT);
      }
    }
    await Promise.allSettled([...this.#endings]);
  }
  #end(job, reason, detail) {
    const p = job.end(reason, detail).catch((e) => this.#onError(e, job));
    this.#endings.add(p);
    void p.finally(() => {
      this.#endings.delete(p);
      this.#checkIdle();
    });
  }
  #pump() {
    while (this.#slots < this.#concurrency && this.#queued.length > 0) {
      const under = this.#queued.findIndex((j) => j.group === void 0 || this.#runningIn(j.group) < this.#perGroup);
      const at = under >= 0 ? under : 0;
      const job = this.#queued.splice(at, 1)[0];
      this.#start(job);
    }
    this.#checkIdle();
  }
  #runningIn(group) {
    let n = 0;
    for (const r of this.#running) if (r.job.group === group && !r.freed) n++;
    return n;
  }
  #start(job) {
    appMetrics()?.checkStarted((Date.now() - (this.#queuedAt.get(job) ?? Date.now())) / 1e3);
    const abort = new AbortController();
    this.#slots++;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      entry.freed = true;
      this.#slots--;
      this.#pump();
    };
    let timer;
    const entry = { job, abort, done: Promise.resolve(), freed: false };
    const work = Promise.resolve().then(() => job.run(abort.signal)).catch((e) => this.#onError(e, job));
    entry.done = work.then(() => {
      clearTimeout(timer);
      this.#running.delete(entry);
      free();
    });
    this.#inFlight.add(entry.done);
    void entry.done.finally(() => this.#inFlight.delete(entry.done));
    this.#running.add(entry);
    timer = setTimeout(() => {
      if (abort.signal.aborted) return;
      abort.abort();
      this.#end(job, "timeout", timeoutText(this.#jobTimeoutMs));
      free();
    }, this.#jobTimeoutMs);
    timer.unref();
  }
  #checkIdle() {
    if (this.#queued.length > 0 || this.#slots > 0) return;
    for (const w of this.#idleWaiters.splice(0)) w();
  }
};
function defaultPerGroup(concurrency, perGroup) {
  return Math.max(1, perGroup ?? concurrency - 1);
}
function short(sha2) {
  return sha2.slice(0, 7);
}
var SHUTDOWN_QUEUED_TEXT = "preadmit was restarted before this check started.";
var SHUTDOWN_RUNNING_TEXT = "preadmit was restarted while this check was running.";
function timeoutText(jobTimeoutMs) {
  return `The check did not finish within ${Math.round(jobTimeoutMs / 1e3)} s.`;
}
function supersedeText(old, newer) {
  return old.sha === newer.sha ? `A newer request to check the same commit (${short(old.sha)}) replaced this run before it finished.` : `Commit ${short(newer.sha)} replaced ${short(old.sha)} before its check finished; the newer commit is checked instead.`;
}
var DeliveryLog = class {
  constructor(capacity = 1e4, windowMs = 60 * 6e4) {
    this.capacity = capacity;
    this.windowMs = windowMs;
  }
  capacity;
  windowMs;
  #seen = /* @__PURE__ */ new Map();
  /** True when none of `keys` was handled (they are now being handled); false for a duplicate. */
  async begin(keys) {
    for (; ; ) {
      const now = Date.now();
      const entries = keys.map((k) => this.#seen.get(k)).filter((e) => e !== void 0 && now - e.at <= this.windowMs);
      const inFlight = entries.find((e) => e?.state === "handling");
      if (inFlight !== void 0) {
        await inFlight.settled;
        continue;
      }
      if (entries.length > 0) return false;
      let settle = () => void 0;
      const settled = new Promise((resolve) => {
        settle = resolve;
      });
      for (const k of keys) {
        this.#seen.delete(k);
        this.#seen.set(k, { state: "handling", at: now, settled, settle });
      }
      while (this.#seen.size > this.capacity) {
        const oldest = this.#seen.keys().next().value;
        if (oldest === void 0) break;
        this.#seen.delete(oldest);
      }
      return true;
    }
  }
  done(keys) {
    for (const k of keys) {
      const e = this.#seen.get(k);
      if (e === void 0) continue;
      e.state = "handled";
      e.settle();
    }
  }
  failed(keys) {
    for (const k of keys) {
      const e = this.#seen.get(k);
      if (e === void 0) continue;
      this.#seen.delete(k);
      e.settle();
    }
  }
};

// src/app/queue-bullmq.ts
import { randomUUID } from "node:crypto";
import { DelayedError, Job, Queue, WaitingError, Worker } from "bullmq";
import { Redis } from "ioredis";
var QUEUE_NAME = "checks";
var CLAIM_DONE = "done";
var KEEP_S = 7 * 24 * 3600;
var SET_LATEST = `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[4]) end
return prev`;
var CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return 1 end
if holder == '${CLAIM_DONE}' then return 0 end
if holder and redis.call('EXISTS', ARGV[2] .. holder) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1`;
var LEASE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3] - ARGV[2])
  return 1
end
return 0`;
var DELIVERY_BEGIN = `
local state = 'ok'
for i, k in ipairs(KEYS) do
  local v = redis.call('GET', k)
  if v == 'handled' then return 'dup' end
  if v == 'handling' then state = 'wait' end
end
if state == 'wait' then return 'wait' end
for i, k in ipairs(KEYS) do redis.call('SET', k, 'handling', 'PX', ARGV[1]) end
return 'ok'`;
function jobIdOf(checkRunId) {
  return `run-${checkRunId}`;
}
function parseLatest(v) {
  if (v == null) return void 0;
  try {
    const o = JSON.parse(v);
    return typeof o.checkRunId === "number" && typeof o.sha === "string" ? o : void 0;
  } catch {
    return void 0;
  }
}
function connection(url) {
  return { url, maxRetriesPerRequest: null };
}
var RedisCheckQueue = class {
  mode = "redis";
  #o;
  #prefix;
  #instance = randomUUID();
  #redis;
  #sub;
  #queue;
  #worker;
  #running = /* @__PURE__ */ new Map();
  #endings = /* @__PURE__ */ new Set();
  #perGroup;
  #lockMs;
  #jobTimeoutMs;
  #attempts;
  #alive;
  #closed = false;
  constructor(options) {
    this.#o = options;
    this.#prefix = options.prefix ?? "preadmit";
    const concurrency = Math.max(1, options.concurrency ?? 2);
    this.#perGroup = defaultPerGroup(concurrency + 1, options.perGroup);
    this.#lockMs = options.lockMs ?? 3e4;
    this.#jobTimeoutMs = options.jobTimeoutMs ?? 10 * 6e4;
    this.#attempts = Math.max(1, options.attempts ?? 3);
    this.#redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.#redis.on("error", (e) => this.#o.onError?.(e, "redis"));
    this.#queue = new Queue(QUEUE_NAME, { connection: connection(options.url), prefix: this.#prefix });
    this.#queue.on("error", (e) => this.#o.onError?.(e, "queue"));
    this.#markAlive();
    this.#alive = setInterval(() => this.#markAlive(), 2e3);
    this.#alive.unref();
    if (options.process) {
      this.#sub = new Redis(options.url, { maxRetriesPerRequest: null });
      this.#sub.on("error", (e) => this.#o.onError?.(e, "redis subscriber"));
      void this.#sub.subscribe(this.#key("cancel")).catch((e) => this.#o.onError?.(e, "redis subscribe"));
      this.#sub.on("message", (_channel, message) => this.#onCancelMessage(message));
      this.#worker = new Worker(QUEUE_NAME, (job, token) => this.#process(job, token), {
        connection: connection(options.url),
        prefix: this.#prefix,
        concurrency,
        lockDuration: this.#lockMs,
        stalledInterval: Math.max(1e3, Math.floor(this.#lockMs / 2)),
        maxStalledCount: 3
      });
      this.#worker.on("error", (e) => this.#o.onError?.(e, "worker"));
      this.#worker.on("failed", (job, error) => {
        if (job === void 0 || job.attemptsMade < (job.opts.attempts ?? 1)) return;
        const data = job.data;
        this.#track(this.#endRevived(data, "failed", `The check could not be run: ${error.message.slice(0, 300)}`));
      });
    }
  }
  #key(name) {
    return `${this.#prefix}:${name}`;
  }
  #markAlive() {
    void this.#redis.set(this.#key(`alive:${this.#instance}`), "1", "PX", 6e3).catch(() => void 0);
  }
  async push(job) {
    if (job.spec === void 0) throw new Error(`the check of ${job.key} cannot be queued in Redis: it has no spec`);
    const data = { key: job.key, sha: job.sha, checkRunId: job.checkRunId, spec: job.spec, ...job.group !== void 0 ? { group: job.group } : {} };
    const prev = parseLatest(
      await this.#redis.eval(SET_LATEST, 2, this.#key("latest"), this.#key("active"), job.key, JSON.stringify({ checkRunId: job.checkRunId, sha: job.sha }), String(job.checkRunId), JSON.stringify({ key: job.key, sha: job.sha, at: Date.now() }))
    );
    const opts = {
      jobId: jobIdOf(job.checkRunId),
      attempts: this.#attempts,
      backoff: { type: "exponential", delay: this.#o.backoffMs ?? 2e3 },
      removeOnComplete: { age: 3600, count: 1e4 },
      removeOnFail: { age: 24 * 3600, count: 1e4 }
    };
    await this.#queue.add("check", data, opts);
    if (prev !== void 0 && prev.checkRunId !== 0 && prev.checkRunId !== job.checkRunId) await this.#stop(prev.checkRunId, "superseded", supersedeText(prev, job));
  }
  async cancel(key, detail) {
    const prev = parseLatest(await this.#redis.eval(SET_LATEST, 2, this.#key("latest"), this.#key("active"), key, JSON.stringify({ checkRunId: 0, sha: "", cancelled: detail }), "", ""));
    await this.#redis.expire(this.#key("latest"), KEEP_S).catch(() => void 0);
    if (prev !== void 0 && prev.checkRunId !== 0) await this.#stop(prev.checkRunId, "cancelled", detail);
  }
  /**
   * Stops the older work of a key: a waiting job is removed and its run concluded here; a running one (here or on
   * another instance) is told to stop and concluded there.
   */
  async #stop(checkRunId, reason, detail) {
    const job = await Job.fromId(this.#queue, jobIdOf(checkRunId));
    if (job === void 0) return;
    const state = await job.getState();
    if (state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children") {
      let removed = false;
      try {
        await job.remove();
        removed = true;
      } catch {
      }
      if (removed) {
        this.#track(this.#endRevived(job.data, reason, detail));
        return;
      }
    } else if (state !== "active") {
      return;
    }
    await this.#redis.publish(this.#key("cancel"), JSON.stringify({ checkRunId, reason, detail }));
  }
  #onCancelMessage(message) {
    let m;
    try {
      m = JSON.parse(message);
    } catch {
      return;
    }
    const r = typeof m.checkRunId === "number" ? this.#running.get(m.checkRunId) : void 0;
    if (r === void 0 || r.abort.signal.aborted) return;
    r.abort.abort();
    this.#track(this.#end(r.job, m.reason === "cancelled" ? "cancelled" : "superseded", typeof m.detail === "string" ? m.detail : "Newer work replaced this check."));
  }
  /** Concludes a run without a result, if its claim is won. */
  async #end(job, reason, detail) {
    if (!await this.claim(job.checkRunId)) return;
    try {
      await job.end(reason, detail);
    } finally {
      await this.concluded(job.checkRunId);
    }
  }
  async #endRevived(data, reason, detail) {
    await this.#end(await this.#o.revive(data.spec), reason, detail);
  }
  #track(p) {
    const q = p.catch((e) => this.#o.onError?.(e, "concluding a check run"));
    this.#endings.add(q);
    void q.finally(() => this.#endings.delete(q));
  }
  async claim(checkRunId) {
    const won = await this.#redis.eval(CLAIM, 1, this.#key(`claim:${checkRunId}`), this.#instance, this.#key("alive:"), String(Math.ceil(this.#lockMs / 1e3) + 60));
    return won === 1;
  }
  async concluded(checkRunId) {
    await this.#redis.multi().set(this.#key(`claim:${checkRunId}`), CLAIM_DONE, "EX", KEEP_S).hdel(this.#key("active"), String(checkRunId)).exec();
  }
  async #latest(key) {
    return parseLatest(await this.#redis.hget(this.#key("latest"), key));
  }
  /** Is `data` still the latest work of its key? Else ends it with the reason and says false. */
  async #stillLatest(data, job) {
    const latest = await this.#latest(data.key);
    if (latest === void 0 || latest.checkRunId === data.checkRunId) return true;
    if (latest.cancelled !== void 0) await this.#end(job, "cancelled", latest.cancelled);
    else await this.#end(job, "superseded", supersedeText(data, latest));
    return false;
  }
  async #process(bull, token) {
    const data = bull.data;
    const groupKey = data.group !== void 0 ? this.#key(`group:${data.group.toLowerCase()}`) : void 0;
    const lease = async () => {
      if (groupKey === void 0) return true;
      const now = Date.now();
      return await this.#redis.eval(LEASE, 1, groupKey, bull.id ?? "", String(now), String(now + this.#lockMs * 2), String(this.#perGroup)) === 1;
    };
    if (!await lease()) {
      await bull.moveToDelayed(Date.now() + 500 + Math.floor(Math.random() * 1e3), token);
      throw new DelayedError();
    }
    const renew = groupKey !== void 0 ? setInterval(() => void lease().catch(() => void 0), Math.floor(this.#lockMs / 2)) : void 0;
    renew?.unref();
    try {
      const job = await this.#o.revive(data.spec);
      if (!await this.#stillLatest(data, job)) return;
      const abort = new AbortController();
      let handBack = () => void 0;
      const handedBack = new Promise((resolve) => {
        handBack = () => resolve("handed-back");
      });
      const entry = { checkRunId: data.checkRunId, abort, job, handBack };
      this.#running.set(data.checkRunId, entry);
      appMetrics()?.checkStarted((Date.now() - bull.timestamp) / 1e3);
      this.#o.log?.("info", "check started on this instance", { run: data.checkRunId, key: data.key, sha: data.sha, attempt: bull.attemptsMade + 1 });
      if (!await this.#stillLatest(data, job)) {
        this.#running.delete(data.checkRunId);
        return;
      }
      let timer;
      const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve("timeout"), this.#jobTimeoutMs);
        timer.unref();
      });
      const work = Promise.resolve().then(() => job.run(abort.signal));
      const outcome = await Promise.race([work.then(() => "done"), timedOut, handedBack]);
      clearTimeout(timer);
      this.#running.delete(data.checkRunId);
      if (outcome === "timeout" && !abort.signal.aborted) {
        abort.abort();
        await this.#end(job, "timeout", timeoutText(this.#jobTimeoutMs));
      }
      if (outcome === "handed-back") {
        abort.abort();
        await bull.moveToWait(token);
        throw new WaitingError();
      }
    } finally {
      clearInterval(renew);
      if (groupKey !== void 0) await this.#redis.zrem(groupKey, bull.id ?? "").catch(() => void 0);
    }
  }
  async activeCheckRuns() {
    const ids = await this.#redis.hkeys(this.#key("active"));
    return new Set(ids.map(Number).filter((n) => Number.isInteger(n)));
  }
  async activeKeys() {
    const all = await this.#redis.hgetall(this.#key("active"));
    const out = /* @__PURE__ */ new Map();
    const oldest = Date.now() - KEEP_S * 1e3;
    for (const v of Object.values(all)) {
      try {
        const e = JSON.parse(v);
        if (typeof e.key === "string" && typeof e.sha === "string" && (typeof e.at !== "number" || e.at >= oldest)) out.set(e.key, e.sha);
      } catch {
      }
    }
    return out;
  }
  async depth() {
    const c = await this.#queue.getJobCounts("waiting", "delayed", "prioritized", "active");
    return { waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0), running: c.active ?? 0 };
  }
  async notReady() {
    if (this.#closed) return "shutting down";
    try {
      await this.#redis.ping();
      return void 0;
    } catch (e) {
      return `Redis is not reachable: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  /** Resolves when this instance runs nothing and has sent every conclusion it started. */
  async idle() {
    while (this.#running.size > 0 || this.#endings.size > 0) {
      await Promise.allSettled([...this.#endings]);
      if (this.#running.size > 0) await new Promise((r) => setTimeout(r, 50));
    }
  }
  settled() {
    return this.idle();
  }
  /**
   * Stops taking work. Running checks get `graceMs` to finish; those still running are then handed back to the
   * queue (another instance redoes them; their runs stay in_progress until it does). Waiting jobs stay queued.
   */
  async close(graceMs = 3e4) {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#alive);
    if (this.#worker !== void 0) {
      const closing = this.#worker.close();
      let timer;
      await Promise.race([closing, new Promise((resolve) => timer = setTimeout(resolve, graceMs))]);
      clearTimeout(timer);
      for (const r of this.#running.values()) {
        this.#o.log?.("info", "check handed back to the queue", { run: r.checkRunId, key: r.job.key });
        r.handBack();
      }
      await closing;
    }
    await Promise.allSettled([...this.#endings]);
    await this.#queue.close();
    this.#sub?.disconnect();
    await this.#redis.del(this.#key(`alive:${this.#instance}`)).catch(() => void 0);
    this.#redis.disconnect();
  }
};
var RedisDeliveryLog = class {
  constructor(url, prefix = "preadmit", windowMs = 60 * 6e4, handlingMs = 6e4) {
    this.windowMs = windowMs;
    this.handlingMs = handlingMs;
    this.#prefix = prefix;
    this.#redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.#redis.on("error", () => void 0);
  }
  windowMs;
  handlingMs;
  #redis;
  #prefix;
  #keys(keys) {
    return keys.map((k) => `${this.#prefix}:delivery:${k}`);
  }
  async begin(keys) {
    const ks = this.#keys(keys);
    for (; ; ) {
      const r = await this.#redis.eval(DELIVERY_BEGIN, ks.length, ...ks, String(this.handlingMs));
      if (r === "ok") return true;
      if (r === "dup") return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  async done(keys) {
    const m = this.#redis.multi();
    for (const k of this.#keys(keys)) m.set(k, "handled", "PX", this.windowMs);
    await m.exec();
  }
  async failed(keys) {
    await this.#redis.del(...this.#keys(keys));
  }
  close() {
    this.#redis.disconnect();
  }
};

// src/app/recovery.ts
var DEFAULT_RECOVERY_MAX_PRS = 500;
var DEFAULT_RECOVERY_MAX_REPOS = 500;
var MAX_RUNS_PER_HEAD = 1e3;
function interruptedCompletion2(replacement) {
  let next;
  if ("started" in replacement) {
    const r = replacement.started;
    const link = r.htmlUrl !== void 0 ? `[check run ${r.id}](${r.htmlUrl})` : `check run ${r.id}`;
    next = `A new run was started for ${escapeMarkdown(r.what)} at \`${r.sha.slice(0, 7)}\`: ${link}. Its verdict is the one that decides.`;
  } else if ("gone" in replacement) {
    next = `No new run was started: ${escapeMarkdown(replacement.gone)}`;
  } else {
    next = `preadmit could not start a new run (${escapeMarkdown(replacement.failed.slice(0, 500))}). Comment \`/gatekeeper recheck\` on the pull request to run the check again.`;
  }
  return {
    conclusion: "cancelled",
    title: "Interrupted",
    summary: `## Interrupted

preadmit restarted (a crash, a kill or a deployment) while this run was in progress, so it never finished. ${next}

This run was concluded as \`cancelled\` without a verdict: \`cancelled\` never counts as passing a required check.
`
  };
}
async function forEachLimited(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, n), items.length) }, worker));
}
async function recoverInterruptedRuns(deps, options = {}) {
  const maxPrs = Math.max(0, options.maxPrs ?? DEFAULT_RECOVERY_MAX_PRS);
  const maxRepos = Math.max(0, options.maxRepos ?? DEFAULT_RECOVERY_MAX_REPOS);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const signal = options.signal;
  const secrets = deps.secrets ?? [];
  const summary = { installations: 0, repositories: 0, pullRequests: 0, mergeGroups: 0, stuck: 0, missing: 0, concluded: 0, rechecks: 0, errors: 0, capped: false, aborted: false };
  const stopped = () => {
    if (signal?.aborted) summary.aborted = true;
    return summary.aborted;
  };
  const fail = (step, fields, e) => {
    if (stopped()) return;
    summary.errors++;
    deps.log("warn", "recovery step failed", { step, ...fields }, e);
  };
  const headsLeft = () => maxPrs - summary.pullRequests - summary.mergeGroups;
  let installations = [];
  try {
    installations = (await listInstallations(await deps.appClient(), { signal })).items;
  } catch (e) {
    fail("list installations", {}, e);
  }
  for (const inst of installations) {
    if (stopped() || summary.capped) break;
    if (inst.suspended) continue;
    summary.installations++;
    let gh;
    let repos;
    try {
      gh = await deps.installationClient(inst.id);
      const listed = await listInstallationRepositories(gh, { limit: maxRepos - summary.repositories, signal });
      repos = listed.items;
      if (listed.more) summary.capped = true;
    } catch (e) {
      fail("list repositories", { installation: inst.id, account: inst.account }, e);
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
  async function recoverRepository(gh, repo) {
    const full = `${repo.owner}/${repo.name}`;
    const heads = [];
    try {
      const listed = await listOpenPullRequests(gh, repo.owner, repo.name, { limit: headsLeft(), signal });
      if (listed.more) summary.capped = true;
      for (const p of listed.items) {
        heads.push({ kind: "pull_request", pr: { owner: repo.owner, repo: repo.name, pullNumber: p.number, baseRef: p.baseRef, baseSha: p.baseSha, headSha: p.headSha, defaultBranch: repo.defaultBranch } });
      }
      summary.pullRequests += heads.length;
    } catch (e) {
      fail("list pull requests", { repo: full }, e);
    }
    if (headsLeft() > 0 && !stopped()) {
      try {
        for (const ref of await listMergeQueueRefs(gh, repo.owner, repo.name, { signal })) {
          if (headsLeft() <= 0) {
            summary.capped = true;
            break;
          }
          heads.push({ kind: "merge_group", ref: ref.ref, sha: ref.sha });
          summary.mergeGroups++;
        }
      } catch (e) {
        fail("list merge groups", { repo: full }, e);
      }
    }
    const seen = /* @__PURE__ */ new Set();
    const openPrs = new Set(heads.flatMap((h) => h.kind === "pull_request" ? [h.pr.pullNumber] : []));
    const belongsElsewhere = (head, run) => {
      if (head.kind !== "pull_request") return false;
      const origin = parseExternalId(run.externalId);
      return origin?.kind === "pull_request" && origin.pullNumber !== head.pr.pullNumber && openPrs.has(origin.pullNumber);
    };
    await forEachLimited(heads, concurrency, async (head) => {
      if (stopped()) return;
      const sha2 = head.kind === "pull_request" ? head.pr.headSha : head.sha;
      const what = head.kind === "pull_request" ? `${full}#${head.pr.pullNumber}` : `${full} merge group ${head.ref.replace(/^refs\/heads\//, "")}`;
      let stuck;
      try {
        const unfinished = await unfinishedRuns(gh, repo, sha2);
        const owned = /* @__PURE__ */ new Set();
        for (const r of unfinished) if (await deps.ownRun(r.id)) owned.add(r.id);
        stuck = unfinished.filter((r) => !seen.has(r.id) && !owned.has(r.id) && !belongsElsewhere(head, r));
        if (unfinished.length === 0 && head.kind === "pull_request" && !await anyRun(gh, repo, sha2)) {
          await startMissing(gh, repo, head.pr, what);
          return;
        }
      } catch (e) {
        fail("list check runs", { head: what, sha: sha2 }, e);
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
  async function unfinishedRuns(gh, repo, sha2) {
    const out = [];
    for (const status of ["in_progress", "queued"]) {
      const listed = await listCheckRuns(gh, { owner: repo.owner, repo: repo.name, ref: sha2, checkName: CHECK_RUN_NAME, status, appId: deps.appId }, { limit: MAX_RUNS_PER_HEAD, signal });
      for (const r of listed.items) {
        if (!ours(r, sha2) || r.status !== "in_progress" && r.status !== "queued") continue;
        if (out.some((x) => x.id === r.id)) continue;
        out.push({ id: r.id, status: r.status, externalId: r.externalId });
      }
    }
    return out;
  }
  function ours(r, sha2) {
    return r.appId === deps.appId && r.name === CHECK_RUN_NAME && (r.headSha === void 0 || r.headSha === sha2);
  }
  async function anyRun(gh, repo, sha2) {
    const listed = await listCheckRuns(gh, { owner: repo.owner, repo: repo.name, ref: sha2, checkName: CHECK_RUN_NAME, status: "completed", appId: deps.appId }, { limit: 100, signal });
    return listed.items.some((r) => ours(r, sha2));
  }
  async function startMissing(gh, repo, pr, what) {
    if (stopped() || await deps.busy?.(repo.owner, repo.name, pr.pullNumber) === true) return;
    summary.missing++;
    const replacement = await start(() => deps.recheckPullRequest(gh, pr, repo.htmlUrl, repo.installationId), pr.headSha, `pull request #${pr.pullNumber}`, what);
    if ("started" in replacement) deps.log("info", "recovery started a check for a head without a run", { head: what, sha: pr.headSha, run: replacement.started.id });
  }
  async function recoverRuns(gh, repo, head, what, stuck) {
    let replacement;
    if (head.kind === "pull_request") {
      replacement = await start(() => deps.recheckPullRequest(gh, head.pr, repo.htmlUrl, repo.installationId), head.pr.headSha, `pull request #${head.pr.pullNumber}`, what);
    } else {
      const origin = stuck.map((r) => parseExternalId(r.externalId)).find((o) => o?.kind === "merge_group");
      const exists = origin?.kind === "merge_group" ? await groupStillExists(gh, repo, head.ref, head.sha) : false;
      if (origin?.kind !== "merge_group") {
        replacement = { gone: "the run names no merge group, so there is nothing to check again." };
      } else if (exists !== true) {
        replacement = { gone: "the merge group no longer exists." };
      } else {
        const baseRef = /^refs\/heads\/gh-readonly-queue\/(.+)\/pr-\d+-[0-9a-f]{40}$/.exec(head.ref)?.[1] ?? repo.defaultBranch;
        const group = { owner: repo.owner, repo: repo.name, baseRef: `refs/heads/${baseRef}`, baseSha: origin.baseSha, headRef: head.ref, headSha: head.sha, defaultBranch: repo.defaultBranch };
        replacement = await start(() => deps.recheckMergeGroup(gh, group, repo.htmlUrl, repo.installationId), head.sha, "the merge group", what);
      }
    }
    for (const r of stuck) {
      if (stopped() && !("started" in replacement)) {
        continue;
      }
      try {
        await deps.conclude(gh, { owner: repo.owner, repo: repo.name, checkRunId: r.id }, interruptedCompletion2(replacement));
        summary.concluded++;
        deps.log("info", "recovery concluded an interrupted run", { head: what, run: r.id, status: r.status, ..."started" in replacement ? { replacement: replacement.started.id } : {} });
      } catch (e) {
        fail("conclude run", { head: what, run: r.id }, e);
      }
    }
  }
  async function start(fn, sha2, label, what) {
    try {
      const run = await fn();
      summary.rechecks++;
      return { started: { id: run.id, htmlUrl: run.htmlUrl, sha: sha2, what: label } };
    } catch (e) {
      fail("start check", { head: what }, e);
      return { failed: describeError(e, secrets) };
    }
  }
  async function groupStillExists(gh, repo, ref, sha2) {
    try {
      return await readRefSha(gh, repo.owner, repo.name, ref, { signal }) === sha2;
    } catch (e) {
      fail("look up merge group", { repo: `${repo.owner}/${repo.name}`, ref }, e);
      return void 0;
    }
  }
  stopped();
  return summary;
}
function recoverySummaryFields(s, options = {}) {
  return { ...s, ...s.capped ? { maxPrs: options.maxPrs ?? DEFAULT_RECOVERY_MAX_PRS, maxRepos: options.maxRepos ?? DEFAULT_RECOVERY_MAX_REPOS } : {} };
}

// src/app/log.ts
function errorCode(e) {
  const status = statusOf(e);
  if (status !== void 0) return `http_${status}`;
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" && /^E[A-Z0-9_]{1,40}$/.test(e.code)) return e.code;
  if (e instanceof Error && /^[A-Za-z]{1,40}$/.test(e.name) && e.name !== "Error") return e.name;
  return "error";
}
function structuredLog(log, secrets = []) {
  return (level, message, fields = {}, error) => {
    const out = {};
    for (const [k, v] of Object.entries(fields)) if (v !== void 0) out[k] = typeof v === "string" ? redact(v, secrets).slice(0, 500) : v;
    if (error !== void 0) {
      out.err = errorCode(error);
      if (log.isLevelEnabled("debug")) out.error = describeError(error, secrets).slice(0, 2e3);
    }
    log[level](out, message);
  };
}

// src/app/index.ts
var handles = /* @__PURE__ */ new WeakMap();
function preadmitHandle(app) {
  return handles.get(app);
}
function preadmitApp(app, options) {
  const o = {};
  if (isRuntime(options.runtime)) o.runtime = options.runtime;
  if (typeof options.appId === "number" && Number.isInteger(options.appId)) o.appId = options.appId;
  if (isObject(options.queue)) o.queue = options.queue;
  if (isObject(options.redis) && typeof options.redis.url === "string") o.redis = options.redis;
  if (isObject(options.publish)) o.publish = options.publish;
  if (Array.isArray(options.secrets)) o.secrets = options.secrets.filter((s) => typeof s === "string");
  handles.set(app, registerPreadmit(app, o));
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isRuntime(v) {
  return isObject(v) && typeof v.close === "function" && "compiler" in v && "pool" in v;
}
function registerPreadmit(app, options) {
  const secrets = [...options.secrets ?? [], ...[process.env.WEBHOOK_SECRET, process.env.PRIVATE_KEY].filter((s) => typeof s === "string" && s.length >= 8)];
  const log = app.log.child({ name: "preadmit" });
  const say = structuredLog(log, secrets);
  const publishOptions = { ...options.publish, log: (m, fields, error) => say("warn", m, fields, error) };
  const redisOptions = options.redis;
  const queue = redisOptions !== void 0 ? new RedisCheckQueue({
    ...redisOptions,
    revive: (spec) => checks.revive(spec),
    onError: (e, what) => say("error", "queue error", { what }, e),
    log: say
  }) : new CheckQueue({
    ...options.queue,
    onError: (e, job) => say("error", "check job error", { run: job.checkRunId, key: job.key }, e)
  });
  const deliveries = redisOptions !== void 0 ? new RedisDeliveryLog(redisOptions.url, redisOptions.prefix) : new DeliveryLog();
  let ownRuntime;
  const runtime = () => options.runtime ?? (ownRuntime ??= createRuntime());
  let appId;
  const envAppId = Number(process.env.APP_ID);
  const ourAppId = () => {
    appId ??= (async () => {
      if (options.appId !== void 0) return options.appId;
      if (Number.isInteger(envAppId) && envAppId > 0) return envAppId;
      return await readAppId(await app.auth());
    })();
    appId.catch(() => {
      appId = void 0;
    });
    return appId;
  };
  const checks = createCheckService({
    queue: () => queue,
    runtime,
    appId: ourAppId,
    installationClient: (id) => app.auth(id),
    durable: redisOptions !== void 0,
    publish: publishOptions,
    say,
    secrets
  });
  const refused = /* @__PURE__ */ new Set();
  const failures = /* @__PURE__ */ new Map();
  const once = (fn) => async (context) => {
    const digest = createHash("sha256").update(context.name).update("\n").update(JSON.stringify(context.payload)).digest("hex");
    const keys = [`id:${context.id}`, `payload:${digest}`];
    if (!await deliveries.begin(keys)) {
      say("info", "delivery already handled; ignored", { delivery: context.id, event: context.name });
      return;
    }
    try {
      await fn(context);
      await deliveries.done(keys);
    } catch (e) {
      await deliveries.failed(keys);
      const message = describeError(e, secrets);
      say("error", "delivery failed", { delivery: context.id, event: context.name }, e);
      failures.set(context.id, message);
      while (failures.size > 1e3) {
        const oldest = failures.keys().next().value;
        if (oldest === void 0) break;
        failures.delete(oldest);
      }
    }
  };
  const checkPullRequestEvent = async (gh, p) => {
    const owner = p.repository.owner.login;
    const repo = p.repository.name;
    const pr = await readPullRequest(gh, owner, repo, p.pull_request.number, p.repository.default_branch);
    if (!pr.open) {
      say("info", "pull request not open; event ignored", { repo: `${owner}/${repo}`, pr: p.pull_request.number, action: p.action });
      return;
    }
    await checks.start(gh, { kind: "pull_request", pr: pr.ref, ...p.before !== void 0 && p.action === "synchronize" ? { before: p.before } : {}, htmlUrl: p.repository.html_url, ...installationOf(p) });
  };
  app.on(
    ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened", "pull_request.ready_for_review"],
    once(async (context) => {
      const p = context.payload;
      if (p.pull_request.state !== "open") return;
      await checkPullRequestEvent(context.octokit, { ...p, before: p.action === "synchronize" ? p.before : void 0 });
    })
  );
  app.on(
    "pull_request.edited",
    once(async (context) => {
      const p = context.payload;
      if (p.changes?.base === void 0 || p.pull_request.state !== "open") return;
      await checkPullRequestEvent(context.octokit, p);
    })
  );
  app.on("pull_request.closed", async (context) => {
    const p = context.payload;
    await queue.cancel(prKey(p.repository.owner.login, p.repository.name, p.pull_request.number), "The pull request was closed before its check finished.");
  });
  app.on(
    "issue_comment.created",
    once(async (context) => {
      const p = context.payload;
      if (p.issue.pull_request == null) return;
      if (context.isBot || p.comment.user?.type === "Bot" || p.comment.performed_via_github_app?.id === await ourAppId()) return;
      const command = parseCommand(p.comment.body);
      if (command === void 0) return;
      const gh = context.octokit;
      const owner = p.repository.owner.login;
      const repo = p.repository.name;
      const login = p.comment.user?.login ?? p.sender.login;
      const issue = { owner, repo, number: p.issue.number };
      const comment = { owner, repo, commentId: p.comment.id };
      const permission = await commandPermission(gh, owner, repo, login, p.issue.user?.login);
      if (!permission.allowed) {
        const who = `${owner}/${repo}#${p.issue.number}:${login}`.toLowerCase();
        const first = !refused.has(who);
        say("info", "command refused", { command: command.name, user: login, repo: `${owner}/${repo}`, pr: p.issue.number, why: permission.why, told: !first });
        if (!first) return await reactToComment(gh, comment, "confused");
        refused.add(who);
        if (refused.size > 1e4) refused.delete(refused.values().next().value);
        return await replyToIssue(gh, issue, deniedText(login));
      }
      await reactToComment(gh, comment, "eyes");
      if (command.name === "help") return await replyToIssue(gh, issue, HELP_TEXT);
      if (command.name === "unknown") return await replyToIssue(gh, issue, unknownText(command.word));
      const pr = await readPullRequest(gh, owner, repo, p.issue.number, p.repository.default_branch);
      if (!pr.open) return await replyToIssue(gh, issue, "This pull request is closed; there is nothing to recheck.");
      const run = await checks.start(gh, { kind: "pull_request", pr: pr.ref, htmlUrl: p.repository.html_url, ...installationOf(p) });
      await replyToIssue(gh, issue, recheckText(run.htmlUrl ?? `${p.repository.html_url}/runs/${run.id}`, pr.ref.headSha));
    })
  );
  app.on(
    "check_run.rerequested",
    once(async (context) => {
      const { check_run: run, repository } = context.payload;
      if (run.app?.id !== await ourAppId()) return;
      const remembered = parseExternalId(run.external_id);
      await checks.rerun(context.octokit, { repository, remembered, pullNumber: run.pull_requests[0]?.number, head: { sha: run.head_sha, branch: run.check_suite?.head_branch }, ...installationOf(context.payload) });
    })
  );
  app.on(
    "check_suite.rerequested",
    once(async (context) => {
      const { check_suite: suite, repository } = context.payload;
      if (suite.app?.id !== await ourAppId()) return;
      const remembered = await suiteOrigin(context.octokit, repository.owner.login, repository.name, suite.id);
      await checks.rerun(context.octokit, { repository, remembered, pullNumber: suite.pull_requests[0]?.number, head: { sha: suite.head_sha, branch: suite.head_branch }, ...installationOf(context.payload) });
    })
  );
  app.on(
    "merge_group.checks_requested",
    once(async (context) => {
      const p = context.payload;
      if (p.repository === void 0) return;
      const group = await mergeGroupOf(context.octokit, p.repository, p.merge_group);
      if (group === void 0) {
        say("info", "merge group gone; nothing to check", { repo: `${p.repository.owner.login}/${p.repository.name}`, ref: p.merge_group.head_ref });
        return;
      }
      await checks.start(context.octokit, { kind: "merge_group", group, htmlUrl: p.repository.html_url, ...installationOf(p) });
    })
  );
  app.on("merge_group.destroyed", async (context) => {
    const p = context.payload;
    if (p.repository === void 0) return;
    await queue.cancel(mergeGroupKey(p.repository.owner.login, p.repository.name, p.merge_group.head_ref), "The merge group was removed from the queue before its check finished.");
  });
  const recoveryAbort = new AbortController();
  const recoveries = /* @__PURE__ */ new Set();
  async function recover(recoveryOptions = {}) {
    const started2 = Date.now();
    say(recoveryOptions.periodic === true ? "debug" : "info", "recovery started", { periodic: recoveryOptions.periodic === true });
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
        recheckPullRequest: (gh, pr, htmlUrl, installationId) => checks.start(gh, { kind: "pull_request", pr, installationId, ...htmlUrl !== void 0 ? { htmlUrl } : {} }),
        recheckMergeGroup: (gh, group, htmlUrl, installationId) => checks.start(gh, { kind: "merge_group", group, installationId, ...htmlUrl !== void 0 ? { htmlUrl } : {} }),
        conclude: (gh, target, completion) => checks.conclude(gh, target, completion),
        log: say,
        secrets
      },
      { ...recoveryOptions, signal: recoveryAbort.signal }
    );
    const quiet = recoveryOptions.periodic === true && summary.errors === 0 && summary.stuck === 0 && summary.missing === 0;
    say(summary.errors > 0 ? "warn" : quiet ? "debug" : "info", "recovery done", { ...recoverySummaryFields(summary, recoveryOptions), ms: Date.now() - started2 });
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
      const p = recover(recoveryOptions).catch((e) => {
        say("error", "recovery failed", {}, e);
        return { installations: 0, repositories: 0, pullRequests: 0, mergeGroups: 0, stuck: 0, missing: 0, concluded: 0, rechecks: 0, errors: 1, capped: false, aborted: recoveryAbort.signal.aborted };
      });
      recoveries.add(p);
      void p.finally(() => recoveries.delete(p));
      return p;
    },
    async close(graceMs) {
      recoveryAbort.abort();
      await Promise.allSettled([...recoveries]);
      await queue.close(graceMs);
      if (ownRuntime !== void 0) await ownRuntime.close();
    }
  };
}
function installationOf(p) {
  const id = p.installation?.id;
  return typeof id === "number" ? { installationId: id } : {};
}

// src/app/server.ts
function roleOf(env) {
  const v = (env.PREADMIT_ROLE ?? "all").trim().toLowerCase();
  if (v === "web" || v === "worker" || v === "all") return v;
  throw new ServerConfigError(`PREADMIT_ROLE must be web, worker or all (got ${JSON.stringify(v.slice(0, 20))})`);
}
var ServerConfigError = class extends Error {
  name = "ServerConfigError";
};
var DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
var MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
var MAX_UNVERIFIED_BYTES = 4 * MAX_WEBHOOK_BYTES;
var DEFAULT_READ_TIMEOUT_MS = 1e4;
var MIN_WEBHOOK_SECRET_LENGTH = 16;
var DEVELOPMENT_SECRET = "development";
var DEVELOPMENT_SECRET_FLAG = "PREADMIT_ALLOW_DEVELOPMENT_SECRET";
var DEFAULT_RECOVERY_INTERVAL_S = 600;
function nonNegativeInt(value, fallback) {
  if (value === void 0 || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
function webhookSecret(env) {
  const secret = env.WEBHOOK_SECRET;
  if (secret === void 0 || secret === "") {
    if (env[DEVELOPMENT_SECRET_FLAG] === "true" && env.NODE_ENV !== "production") return { secret: DEVELOPMENT_SECRET, development: true };
    throw new ServerConfigError(
      `refusing to start: WEBHOOK_SECRET is not set, so webhook deliveries could not be verified (anyone could forge them). Set it to the app's webhook secret; only for local development, ${DEVELOPMENT_SECRET_FLAG}=true uses the public development secret.`
    );
  }
  if (secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new ServerConfigError(`refusing to start: WEBHOOK_SECRET has ${secret.length} characters; use a random secret of at least ${MIN_WEBHOOK_SECRET_LENGTH}`);
  }
  return { secret, development: false };
}
function appPrivateKey(env) {
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) throw new ServerConfigError("PRIVATE_KEY or PRIVATE_KEY_PATH must be set to the GitHub App private key");
  let pem;
  try {
    pem = getPrivateKey({ env: { PRIVATE_KEY: env.PRIVATE_KEY, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH } });
  } catch (e) {
    throw new ServerConfigError(`cannot read the private key (${env.PRIVATE_KEY_PATH ? "PRIVATE_KEY_PATH" : "PRIVATE_KEY"}): ${redact(e instanceof Error ? e.message : String(e), [env.PRIVATE_KEY ?? ""])}`);
  }
  const what = env.PRIVATE_KEY ? "PRIVATE_KEY" : `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})`;
  if (pem === null || pem === "") throw new ServerConfigError(`${what} holds no private key`);
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa") throw new Error(`a ${key.asymmetricKeyType ?? "non-RSA"} key; GitHub Apps use RSA keys`);
  } catch (e) {
    throw new ServerConfigError(`${what} is not a usable GitHub App private key (a PEM file generated in the app's settings): ${e instanceof Error ? e.message.replace(/\s+/g, " ").slice(0, 200) : "unreadable"}`);
  }
  return pem;
}
function headerText(v, max = 80) {
  const one = Array.isArray(v) ? v[0] : v;
  if (one === void 0) return void 0;
  return one.replace(/[^\x20-\x7e]/g, "?").slice(0, max);
}
function signatureMatches(secret, body, header) {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`, "utf8");
  const given = Buffer.from(header, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
function readBody(req, maxBytes, deadline, timeoutMs) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
      if (!("body" in r)) req.pause();
      resolve(r);
    };
    const onData = (c) => {
      size += c.length;
      if (size > maxBytes) finish({ status: 413, reason: `body larger than GitHub's ${maxBytes}-byte webhook limit` });
      else chunks.push(c);
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks, size) });
    const onError = () => finish({ status: 408, reason: "the connection failed while the body was read" });
    const timer = setTimeout(() => finish({ status: 408, reason: `headers and body not received within ${timeoutMs} ms` }), Math.max(0, deadline - Date.now()));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
}
async function startServer(opts = {}) {
  const env = opts.env ?? process.env;
  const { secret, development } = webhookSecret(env);
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) throw new ServerConfigError("APP_ID must be set to the GitHub App id");
  const privateKey = appPrivateKey(env);
  const role = roleOf(env);
  const redisUrl = env.REDIS_URL?.trim() || void 0;
  if (role !== "all" && redisUrl === void 0) throw new ServerConfigError(`PREADMIT_ROLE=${role} needs REDIS_URL: split roles share the queue in Redis`);
  const throttle = env.PREADMIT_GITHUB_THROTTLE !== "false";
  const probot = createProbot({
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? "info", WEBHOOK_SECRET: secret },
    overrides: {
      privateKey,
      ...opts.log !== void 0 ? { log: opts.log } : {},
      // src/github/client.ts: rate limits waited out (secondary ones too), 5xx retried, writes paced.
      Octokit: githubOctokit(ProbotOctokit, { throttle })
    }
  });
  const runtime = createRuntime(env.PREADMIT_CACHE_DIR ? { cacheDir: env.PREADMIT_CACHE_DIR } : {});
  const secrets = [development ? void 0 : secret, env.PRIVATE_KEY, privateKey].filter((s) => typeof s === "string" && s.length >= 8);
  const webhookPath = (env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH).replace(/\/+$/, "") || "/";
  try {
    await createNodeMiddleware(
      (app, options) => preadmitApp(app, {
        ...options,
        runtime,
        appId,
        secrets,
        queue: {
          concurrency: positiveInt(env.PREADMIT_CONCURRENCY, 2),
          jobTimeoutMs: positiveInt(env.PREADMIT_JOB_TIMEOUT_MS, 10 * 6e4),
          ...env.PREADMIT_INSTALLATION_CONCURRENCY ? { perGroup: positiveInt(env.PREADMIT_INSTALLATION_CONCURRENCY, 1) } : {}
        },
        ...redisUrl !== void 0 ? {
          redis: {
            url: redisUrl,
            process: role !== "web",
            concurrency: positiveInt(env.PREADMIT_CONCURRENCY, 2),
            jobTimeoutMs: positiveInt(env.PREADMIT_JOB_TIMEOUT_MS, 10 * 6e4),
            lockMs: positiveInt(env.PREADMIT_REDIS_LOCK_MS, 3e4),
            ...env.PREADMIT_REDIS_PREFIX ? { prefix: env.PREADMIT_REDIS_PREFIX } : {},
            ...env.PREADMIT_INSTALLATION_CONCURRENCY ? { perGroup: positiveInt(env.PREADMIT_INSTALLATION_CONCURRENCY, 1) } : {}
          }
        } : {}
      }),
      { probot, webhooksPath: webhookPath }
    );
  } catch (e) {
    await runtime.close();
    throw e;
  }
  const handle = preadmitHandle(probot);
  const log = structuredLog(probot.log.child({ name: "preadmit" }), secrets);
  if (development) log("warn", "development webhook secret in use: deliveries can be forged", { flag: DEVELOPMENT_SECRET_FLAG });
  const metrics = createMetrics(handle);
  const readTimeoutMs = positiveInt(env.PREADMIT_WEBHOOK_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS);
  let unverifiedBytes = 0;
  const answer = (res, status, text, close = false) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...close ? { connection: "close" } : {} }).end(`${text}
`);
  };
  async function intake(req, res, started2) {
    const id = headerText(req.headers["x-github-delivery"]);
    const event = headerText(req.headers["x-github-event"], 40);
    const signature = headerText(req.headers["x-hub-signature-256"], 100);
    const fields = { delivery: id ?? null, event: event ?? null };
    const refuse = (status, reason, close = false) => {
      log("warn", "delivery rejected", { ...fields, status, reason });
      answer(res, status, reason, close);
      if (close) res.once("finish", () => req.destroy());
    };
    const contentType = headerText(req.headers["content-type"]) ?? "";
    if (!/^\s*application\/json\s*(;|$)/i.test(contentType)) return refuse(415, "Content-Type must be application/json", true);
    const missing = ["x-github-event", "x-hub-signature-256", "x-github-delivery"].filter((h) => req.headers[h] === void 0);
    if (missing.length > 0) return refuse(400, `required headers missing: ${missing.join(", ")}`, true);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > MAX_WEBHOOK_BYTES) return refuse(413, `body of ${declared} bytes is larger than GitHub's ${MAX_WEBHOOK_BYTES}-byte webhook limit`, true);
    const reserve = Number.isFinite(declared) && declared >= 0 ? declared : MAX_WEBHOOK_BYTES;
    if (unverifiedBytes + reserve > MAX_UNVERIFIED_BYTES) return refuse(503, "too many unverified deliveries are being read at once", true);
    unverifiedBytes += reserve;
    let read;
    try {
      read = await readBody(req, MAX_WEBHOOK_BYTES, started2 + readTimeoutMs, readTimeoutMs);
    } finally {
      unverifiedBytes -= reserve;
    }
    if (!("body" in read)) return refuse(read.status, read.reason, true);
    if (!signatureMatches(secret, read.body, signature ?? "")) return refuse(401, "signature does not match the payload and the webhook secret");
    let payload;
    try {
      payload = JSON.parse(read.body.toString("utf8"));
    } catch {
      return refuse(400, "the body is not JSON");
    }
    if (typeof payload !== "object" || payload === null || Array.isArray(payload) || id === void 0 || event === void 0) return refuse(400, "the body is not a JSON object");
    if (development) log("warn", "delivery accepted on the public development secret", { ...fields, flag: DEVELOPMENT_SECRET_FLAG });
    try {
      await probot.webhooks.receive({ id, name: event, payload });
    } catch (e) {
      const errors = e instanceof AggregateError ? e.errors : [e];
      log("error", "delivery failed", { ...fields, errors: errors.length }, errors[0]);
      return answer(res, 500, "handling the delivery failed; it can be redelivered");
    }
    if (handle?.takeFailure(id) !== void 0) return answer(res, 500, "handling the delivery failed; it can be redelivered");
    answer(res, 200, "ok");
  }
  const server = createServer({ headersTimeout: readTimeoutMs, requestTimeout: readTimeoutMs + 5e3, connectionsCheckingInterval: 1e3 }, (req, res) => {
    const started2 = Date.now();
    const path = (req.url ?? "").split("?")[0]?.replace(/\/+$/, "") || "/";
    if (path === webhookPath && role !== "worker") {
      if (req.method !== "POST") {
        res.writeHead(405, { "content-type": "text/plain", allow: "POST" }).end("POST only\n");
        return;
      }
      intake(req, res, started2).catch((e) => {
        log("error", "webhook intake failed", {}, e);
        answer(res, 500, "internal error");
      });
      return;
    }
    if (req.method === "GET" && (path === "/ping" || path === "/healthz")) {
      res.writeHead(200, { "content-type": "text/plain" }).end(path === "/ping" ? "PONG" : "ok\n");
      return;
    }
    if (req.method === "GET" && path === "/readyz") {
      void Promise.resolve(handle === void 0 ? "the app is not loaded" : handle.queue.notReady()).then(
        (why) => res.writeHead(why === void 0 ? 200 : 503, { "content-type": "text/plain" }).end(why === void 0 ? "ready\n" : `not ready: ${why}
`),
        () => res.writeHead(503, { "content-type": "text/plain" }).end("not ready\n")
      );
      return;
    }
    if (req.method === "GET" && path === "/metrics") {
      void metrics.text().then(
        (m) => res.writeHead(200, { "content-type": metrics.contentType }).end(m),
        () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n")
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  const host = opts.host ?? env.HOST ?? "127.0.0.1";
  const port = opts.port ?? positiveInt(env.PORT, 3e3);
  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host }, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    await handle?.close(0);
    await runtime.close();
    throw e;
  }
  const address = server.address();
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  log("info", "listening", { url, path: webhookPath, role, queue: redisUrl !== void 0 ? "redis" : "memory" });
  const recoveryOff = role === "worker" || /^(off|false|0|no)$/i.test(env.PREADMIT_RECOVERY ?? "");
  const recoveryOptions = {
    maxPrs: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_PRS, DEFAULT_RECOVERY_MAX_PRS),
    maxRepos: nonNegativeInt(env.PREADMIT_RECOVERY_MAX_REPOS, DEFAULT_RECOVERY_MAX_REPOS)
  };
  const recovery = recoveryOff ? void 0 : handle?.recover(recoveryOptions);
  const intervalS = nonNegativeInt(env.PREADMIT_RECOVERY_INTERVAL, DEFAULT_RECOVERY_INTERVAL_S);
  let periodic;
  if (!recoveryOff && intervalS > 0 && handle !== void 0) {
    let last = recovery;
    periodic = setInterval(() => {
      if (last !== void 0) return;
      last = handle.recover({ ...recoveryOptions, periodic: true }).finally(() => {
        last = void 0;
      });
    }, intervalS * 1e3);
    periodic.unref();
    void recovery?.finally(() => {
      last = void 0;
    });
  }
  let closing;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    probot,
    log,
    recovery,
    close() {
      closing ??= (async () => {
        clearInterval(periodic);
        await new Promise((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await handle?.close(positiveInt(env.PREADMIT_SHUTDOWN_GRACE_MS, 3e4));
        await runtime.close();
      })();
      return closing;
    }
  };
}

// src/app/main.ts
var stopping = false;
var started;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    (started ?? Promise.reject(new Error("not started"))).then((server) => {
      server.log("info", "shutting down", { signal });
      return server.close().then(
        () => process.exit(0),
        (e) => {
          server.log("error", "shutdown failed", { signal }, e);
          process.exit(1);
        }
      );
    }).catch(() => process.exit(1));
  });
}
started = startServer();
await started.catch((e) => {
  process.stderr.write(`preadmit app: ${e instanceof Error ? e.message : String(e)}
`);
  process.exit(1);
});
//# sourceMappingURL=app.mjs.map
