import {
  CONFIG_FILE,
  GITHUB_SUMMARY_LIMIT,
  applyConfigErrors,
  cutUtf8,
  escapeMarkdown,
  fenced,
  loadConfig,
  renderMarkdown,
  simulate,
  utf8Bytes
} from "./chunk-NPPJNOXJ.mjs";
import {
  SYMLINK_MODE,
  changesThroughLinks,
  linkView,
  memoPromise
} from "./chunk-YPO3PXX5.mjs";
import {
  compareFindings,
  constraintLabel,
  isManifestFile,
  isPolicyCaused,
  isRepositoryPath,
  locationLabel,
  objectLabel,
  plural,
  strongestAction,
  truncateBytes,
  truncateChars,
  visibleControls
} from "./chunk-MDHHRUTZ.mjs";
import {
  AbortError,
  abortable,
  isAbort,
  readTar,
  throwIfAborted
} from "./chunk-D23G4ER4.mjs";

// src/github/errors.ts
function statusOf(e) {
  if (typeof e === "object" && e !== null && "status" in e && typeof e.status === "number") return e.status;
  return void 0;
}
var SECRET_PATTERNS = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\b(authorization|token|bearer)(\s*[:=]?\s*)(bearer\s+|token\s+)?[A-Za-z0-9._~+/=-]{16,}/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g
  // JWTs (the app's own)
];
function redact(text, secrets = []) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  for (const p of SECRET_PATTERNS) out = out.replace(p, "[redacted]");
  return out;
}
function describeError(e, secrets = []) {
  const status = statusOf(e);
  const message = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error && !message.includes(e.cause.message) ? `: ${e.cause.message}` : "";
  return redact(`${status !== void 0 && !message.includes(String(status)) ? `HTTP ${status}: ` : ""}${message}${cause}`, secrets);
}
var GitHubApiError = class extends Error {
  constructor(message, request, status) {
    super(message);
    this.request = request;
    this.status = status;
  }
  request;
  status;
  name = "GitHubApiError";
};
function requestName(route, params) {
  const [method, url = ""] = route.split(" ");
  const used = /* @__PURE__ */ new Set();
  const expanded = url.replace(/\{(\w+)\}/g, (_, k) => {
    used.add(k);
    return encodeURIComponent(String(params[k] ?? ""));
  });
  const query = Object.entries(params).filter(([k]) => !used.has(k)).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join("&");
  return `${method} ${expanded}${query ? `?${query}` : ""}`;
}

// src/report/annotations.ts
var ANNOTATION_TITLE_CHARS = 255;
var ANNOTATION_TEXT_BYTES = 64 * 1024;
var ANNOTATIONS_PER_REQUEST = 50;
var LEVEL = { deny: "failure", warn: "warning", dryrun: "notice" };
var LEVEL_RANK = { failure: 0, warning: 1, notice: 2 };
function annotation(where, level, title, message, rawDetails) {
  if (where === void 0 || !isRepositoryPath(where.file)) return void 0;
  const start = Math.max(1, Math.floor(where.startLine));
  const end = Math.max(start, Math.floor(where.endLine));
  const out = {
    path: where.file,
    start_line: start,
    end_line: end,
    annotation_level: level,
    // A title is one line on GitHub: a line break in a name would otherwise start a line of its own.
    title: truncateChars(visibleControls(title).replace(/\n/g, " "), ANNOTATION_TITLE_CHARS),
    message: truncateBytes(visibleControls(message === "" ? title : message), ANNOTATION_TEXT_BYTES)
  };
  if (rawDetails !== void 0) out.raw_details = truncateBytes(visibleControls(rawDetails), ANNOTATION_TEXT_BYTES);
  return out;
}
function findingAnnotation(f, multiCluster) {
  const action = strongestAction(f.actions);
  const prefix = multiCluster ? `[${f.cluster}] ` : "";
  const onConstraint = isPolicyCaused(f) && f.constraint.source !== void 0;
  const where = onConstraint ? f.constraint.source : f.location ?? f.objectSource;
  const title = `${prefix}${action}: ${constraintLabel(f.constraint)} on ${objectLabel(f.object)}`;
  const message = onConstraint ? `${f.message}

${objectLabel(f.object)}${f.objectSource !== void 0 ? ` (${locationLabel(f.objectSource)})` : ""} newly violates this constraint (${action}) because of this policy change.` : f.message;
  const details = [
    `cluster: ${f.cluster}`,
    `constraint: ${constraintLabel(f.constraint)}`,
    `actions: ${f.actions.join(", ")}`,
    `object: ${f.object.group === "" ? "" : `${f.object.group}/`}${f.object.version}/${objectLabel(f.object)}`,
    `operation: ${f.operation}`,
    ...f.impliedBy !== void 0 ? [`implied by: ${f.impliedBy}`] : [],
    `cause: ${f.cause}`,
    `finding: ${f.id}`
  ].join("\n");
  return annotation(where, LEVEL[action], title, message, details);
}
function renderAnnotations(report) {
  const multi = report.clusters.length > 1;
  const out = [];
  const push = (a) => {
    if (a !== void 0) out.push(a);
  };
  for (const cluster of report.clusters) {
    const prefix = multi ? `[${cluster.name}] ` : "";
    for (const f of cluster.findings.filter((x) => x.category === "new").sort(compareFindings)) push(findingAnnotation(f, multi));
    for (const p of cluster.promotions) {
      const shown = p.objects.slice(0, 200).map((o) => `- ${objectLabel(o.object)}${o.source !== void 0 ? ` (${locationLabel(o.source)})` : ""}: ${o.message}`);
      const more = p.objects.length > shown.length ? [`\u2026 ${p.objects.length - shown.length} more`] : [];
      push(
        annotation(
          p.constraint.source,
          p.to === "deny" ? "failure" : "warning",
          `${prefix}promotion: ${constraintLabel(p.constraint)} ${p.from} \u2192 ${p.to}`,
          `${constraintLabel(p.constraint)} moves from ${p.from} to ${p.to}: ${plural(p.objects.length, "existing object")} would start being ${p.to === "deny" ? "rejected" : `reported (${p.to})`}.`,
          [...shown, ...more].join("\n") || void 0
        )
      );
    }
    for (const e of cluster.exemptions) {
      if (e.change !== "added" || e.allowed) continue;
      push(
        annotation(
          e.source,
          "failure",
          `${prefix}exemption outside the allow list: ${e.namespace}`,
          `${e.owner} adds namespace "${e.namespace}" to ${e.field}, but the repository's exemption governance (exemptions.allowedNamespaces in .github/preadmit.yml) does not allow exempting it.`
        )
      );
    }
    for (const r of cluster.relaxations) {
      if (r.allowed || r.type.endsWith("-removed")) continue;
      const governed = cluster.exemptions.some((e) => e.change === "added" && !e.allowed && e.source?.file === r.source?.file && e.source?.startLine === r.source?.startLine);
      if (governed && r.letsThrough.length === 0 && (r.type === "exemption" || r.type === "config-exclusion")) continue;
      const shown = r.letsThrough.slice(0, 200).map((t) => `- ${objectLabel(t.object)}${t.objectSource !== void 0 ? ` (${locationLabel(t.objectSource)})` : ""}: ${constraintLabel(t.constraint)} ${t.before} \u2192 ${t.after}: ${t.message}`);
      const more = r.letsThrough.length > shown.length ? [`\u2026 ${r.letsThrough.length - shown.length} more`] : [];
      push(annotation(r.source, "failure", `${prefix}policy relaxation: ${r.description}`, `This change relaxes the policies (${r.description}); it lets through ${plural(r.letsThrough.length, "violation")} the base's policies report.`, [...shown, ...more].join("\n") || void 0));
    }
    for (const e of cluster.errors) {
      if (e.ref !== "head") continue;
      push(annotation(e.error.source, e.existing ? "warning" : "failure", `${prefix}${e.error.kind} error${e.existing ? " (also at base)" : ""}`, e.error.message));
    }
  }
  return out.sort(
    (a, b) => cmp(a.path, b.path) || a.start_line - b.start_line || a.end_line - b.end_line || LEVEL_RANK[a.annotation_level] - LEVEL_RANK[b.annotation_level] || cmp(a.title, b.title) || cmp(a.message, b.message)
  );
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function annotationBatches(annotations, size = ANNOTATIONS_PER_REQUEST) {
  const out = [];
  for (let i = 0; i < annotations.length; i += size) out.push(annotations.slice(i, i + size));
  return out;
}

// src/github/publish.ts
var MAX_ANNOTATIONS = 1e3;
var TITLE_CHARS = 1e3;
var SUMMARY_RESERVE = 600;
function completionFor(target, outcome, maxAnnotations = MAX_ANNOTATIONS) {
  if ("error" in outcome) return errorCompletion(outcome.error, outcome.failClosed);
  const { report } = outcome;
  const md = renderMarkdown(report, {
    maxChars: GITHUB_SUMMARY_LIMIT - SUMMARY_RESERVE,
    headSha: report.head.sha,
    ...target.htmlUrl !== void 0 ? { repoUrl: target.htmlUrl } : {}
  });
  const all = renderAnnotations(report);
  const annotations = all.slice(0, maxAnnotations);
  let summary = md.summary;
  if (all.length > annotations.length) {
    summary += `

> ${all.length - annotations.length} of ${all.length} annotations are not shown on the diff (at most ${maxAnnotations} are published); the tables above list every finding.
`;
  }
  return { conclusion: report.verdict.conclusion, title: clip(md.title, TITLE_CHARS), summary: clip(summary, GITHUB_SUMMARY_LIMIT), annotations };
}
function errorCompletion(error, failClosed) {
  const why = failClosed ? `The check fails closed: an error means the change was not verified, so it is not let through (\`blocking.errorsAtHead\` in \`${CONFIG_FILE}\` on the default branch).` : `\`blocking.errorsAtHead: false\` in \`${CONFIG_FILE}\` on the default branch says errors do not block, so this run is neutral. The change was NOT verified.`;
  return {
    conclusion: failClosed ? "failure" : "neutral",
    title: failClosed ? "preadmit could not check this commit (fail closed)" : "preadmit could not check this commit (errors do not block)",
    summary: clip(
      `## ${failClosed ? "\u274C" : "\u26A0\uFE0F"} preadmit could not complete the check

${why}

${fenced(clip(redactLines(error), 2e4), "text")}
Comment \`/gatekeeper recheck\` on the pull request to run the check again.
`,
      GITHUB_SUMMARY_LIMIT
    )
  };
}
function supersededCompletion(reason) {
  return {
    conclusion: "cancelled",
    title: "Superseded",
    summary: `## Superseded

${escapeMarkdown(reason)}

This run was concluded as \`cancelled\` without a verdict. \`cancelled\` never counts as passing a required check, so a commit is never let through by a run that did not finish; the check of the newer request is the one that decides.
`
  };
}
function interruptedCompletion(title, detail, next) {
  return {
    conclusion: "cancelled",
    title,
    summary: `## Interrupted

${detail} \`cancelled\` never counts as passing a required check.

${next}
`
  };
}
async function completeCheckRun(octokit, target, completion, options = {}) {
  const batches = annotationBatches(completion.annotations ?? []);
  const route = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
  const base = { owner: target.owner, repo: target.repo, check_run_id: target.checkRunId };
  const output = (annotations) => ({
    title: completion.title,
    summary: completion.summary,
    ...annotations !== void 0 && annotations.length > 0 ? { annotations } : {}
  });
  try {
    await octokit.request(route, { ...base, status: "completed", conclusion: completion.conclusion, completed_at: (/* @__PURE__ */ new Date()).toISOString(), output: output(batches[0]) });
  } catch (e) {
    options.log?.("check run completion failed; minimal completion sent", { run: target.checkRunId }, e);
    await octokit.request(route, {
      ...base,
      status: "completed",
      conclusion: completion.conclusion,
      completed_at: (/* @__PURE__ */ new Date()).toISOString(),
      output: {
        title: clip(completion.title, TITLE_CHARS),
        summary: `preadmit reached the conclusion \`${completion.conclusion}\` but could not publish the full result of this check (${escapeMarkdown(describeError(e).slice(0, 500))}). Comment \`/gatekeeper recheck\` on the pull request to run it again.`
      }
    });
    return;
  }
  for (let i = 1; i < batches.length; i++) {
    try {
      await octokit.request(route, { ...base, output: output(batches[i]) });
    } catch (e) {
      options.log?.("annotations batch failed", { run: target.checkRunId, batch: i + 1, batches: batches.length }, e);
      const shown = i * 50;
      const total = (completion.annotations ?? []).length;
      await octokit.request(route, {
        ...base,
        output: { title: completion.title, summary: clip(`${completion.summary}

> Only ${shown} of ${total} annotations could be published (GitHub refused the rest).
`, GITHUB_SUMMARY_LIMIT) }
      }).catch((e2) => options.log?.("noting missing annotations failed", { run: target.checkRunId }, e2));
      return;
    }
  }
}
async function publishCheckRun(octokit, target, outcome, options = {}) {
  await completeCheckRun(octokit, target, completionFor(target, outcome, options.maxAnnotations), options);
}
function clip(text, max) {
  if (utf8Bytes(text) <= max) return text;
  return `${cutUtf8(text, max - utf8Bytes("\u2026"))}\u2026`;
}
function redactLines(text) {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

// src/github/schemas.ts
import { z } from "zod/v4";
var sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex sha");
var id = z.number().int().positive();
var PullRequestAnswer = z.object({
  state: z.string(),
  user: z.object({ login: z.string() }).nullish(),
  changed_files: z.number().int().nonnegative().optional(),
  head: z.object({ sha }),
  base: z.object({
    sha,
    ref: z.string().min(1),
    repo: z.object({ default_branch: z.string().min(1).optional(), html_url: z.string().optional() }).nullish()
  })
});
var PullRequestHeadAnswer = PullRequestAnswer.pick({ head: true, changed_files: true });
var RepositoryAnswer = z.object({ default_branch: z.string().min(1), html_url: z.string().optional() });
var CreatedCheckRunAnswer = z.object({ id, html_url: z.string().nullish() });
var CheckRunListAnswer = z.object({
  check_runs: z.array(
    z.object({
      id,
      status: z.string(),
      external_id: z.string().nullish(),
      app: z.object({ id: z.number().int() }).nullish()
    })
  )
});
var CommitAnswer = z.object({ sha });
var GitRefAnswer = z.object({ object: z.object({ sha }) });
var CompareAnswer = z.object({ merge_base_commit: z.object({ sha }) });
var ContentsAnswer = z.union([
  z.string(),
  z.array(z.unknown()),
  z.object({ type: z.string(), content: z.string().optional(), encoding: z.string().optional() })
]);
var CollaboratorPermissionAnswer = z.object({ permission: z.string().optional(), role_name: z.string().optional() });
var AppAnswer = z.object({ id });
var TreeAnswer = z.object({
  sha,
  truncated: z.boolean().optional(),
  tree: z.array(z.object({ path: z.string(), mode: z.string(), type: z.string(), sha: z.string() }))
});
var BlobAnswer = z.object({ content: z.string(), encoding: z.string() });
var PullFilesAnswer = z.array(z.object({ filename: z.string(), status: z.string(), previous_filename: z.string().optional() }));
function parseAnswer(schema, data, request) {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join(".") : "the answer"}: ${i.message}`);
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : "";
  throw new GitHubApiError(`${request}: GitHub's answer is not what its API documents: ${issues.join("; ")}${more}`, request);
}

// src/github/check-runs.ts
var CHECK_RUN_NAME = "preadmit";
function externalIdOf(origin) {
  return origin.kind === "pull_request" ? `pr/${origin.pullNumber}` : `mg/${origin.baseSha}`;
}
function parseExternalId(id2) {
  if (typeof id2 !== "string") return void 0;
  const pr = /^pr\/([1-9][0-9]{0,9})$/.exec(id2);
  if (pr) return { kind: "pull_request", pullNumber: Number(pr[1]) };
  const mg = /^mg\/([0-9a-f]{40})$/.exec(id2);
  if (mg) return { kind: "merge_group", baseSha: mg[1] };
  return void 0;
}
async function createCheckRun(octokit, target) {
  const res = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: "in_progress",
    started_at: (/* @__PURE__ */ new Date()).toISOString(),
    external_id: externalIdOf(target.origin),
    output: {
      title: "Simulating Gatekeeper admission\u2026",
      summary: `Rendering the manifests this change touches and reviewing them against the repository's policies at base and at ${target.headSha.slice(0, 7)}.`
    }
  });
  const data = parseAnswer(CreatedCheckRunAnswer, res.data, requestName("POST /repos/{owner}/{repo}/check-runs", { owner: target.owner, repo: target.repo }));
  return { id: data.id, htmlUrl: data.html_url ?? void 0 };
}
async function concludeStaleRuns(octokit, target, completion, options = {}) {
  const concluded = [];
  for (const sha2 of new Set(target.shas)) {
    const route = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
    const params = { owner: target.owner, repo: target.repo, ref: sha2, check_name: CHECK_RUN_NAME, status: "in_progress", filter: "all", app_id: target.appId, per_page: 100 };
    const { check_runs: runs } = parseAnswer(CheckRunListAnswer, (await octokit.request(route, params)).data, requestName(route, params));
    for (const run of runs) {
      if (run.status === "completed" || run.app != null && run.app.id !== target.appId) continue;
      if (run.id >= target.currentId || target.active.has(run.id)) continue;
      await completeCheckRun(octokit, { owner: target.owner, repo: target.repo, checkRunId: run.id }, completion, options);
      concluded.push(run.id);
    }
  }
  return concluded;
}
async function suiteOrigin(octokit, owner, repo, checkSuiteId) {
  const route = "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs";
  const params = { owner, repo, check_suite_id: checkSuiteId, check_name: CHECK_RUN_NAME, per_page: 10 };
  const { check_runs: runs } = parseAnswer(CheckRunListAnswer, (await octokit.request(route, params)).data, requestName(route, params));
  for (const r of runs) {
    const origin = parseExternalId(r.external_id);
    if (origin !== void 0) return origin;
  }
  return void 0;
}
async function readAppId(appClient) {
  return parseAnswer(AppAnswer, (await appClient.request("GET /app")).data, "GET /app").id;
}

// src/github/source.ts
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzip } from "node:zlib";
var GITHUB_MAX_PR_FILES = 3e3;
var FILES_PER_PAGE = 100;
var REGULAR_FILE_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
var SHA = /^[0-9a-f]{40}$/;
var IncrementalTooCostly = class extends Error {
};
var INCREMENTAL_TREE_BUDGET = 24;
var LruCache = class {
  constructor(maxWeight, weigh) {
    this.maxWeight = maxWeight;
    this.weigh = weigh;
  }
  maxWeight;
  weigh;
  #map = /* @__PURE__ */ new Map();
  #total = 0;
  hits = 0;
  misses = 0;
  get(key) {
    const e = this.#map.get(key);
    if (e === void 0) {
      this.misses++;
      return void 0;
    }
    this.hits++;
    this.#map.delete(key);
    this.#map.set(key, e);
    return e.value;
  }
  has(key) {
    return this.#map.has(key);
  }
  set(key, value) {
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    const old = this.#map.get(key);
    if (old !== void 0) {
      this.#total -= old.weight;
      this.#map.delete(key);
    }
    this.#map.set(key, { value, weight });
    this.#total += weight;
    for (const [k, e] of this.#map) {
      if (this.#total <= this.maxWeight) break;
      this.#map.delete(k);
      this.#total -= e.weight;
    }
  }
  get size() {
    return this.#map.size;
  }
};
var GitHubCache = class {
  blobs;
  trees;
  /** Per repository, the snapshot with directory shas used last: the starting point of incremental reads. */
  lastTree = /* @__PURE__ */ new Map();
  #children = /* @__PURE__ */ new WeakMap();
  constructor(options = {}) {
    this.blobs = new LruCache(options.maxBlobBytes ?? 256 * 1024 * 1024, (b) => b.length + 64);
    this.trees = new LruCache(options.maxTrees ?? 64, () => 1);
  }
  childrenOf(snap) {
    let index = this.#children.get(snap);
    if (index === void 0) {
      index = /* @__PURE__ */ new Map();
      const add = (p, child) => {
        const slash = p.lastIndexOf("/");
        const dir = slash < 0 ? "" : p.slice(0, slash);
        let m = index.get(dir);
        if (m === void 0) index.set(dir, m = /* @__PURE__ */ new Map());
        m.set(slash < 0 ? p : p.slice(slash + 1), child);
      };
      for (const [p, e] of snap.entries) add(p, { type: "blob", sha: e.sha });
      for (const [p, sha2] of snap.dirs) if (p !== "") add(p, { type: "tree", sha: sha2 });
      this.#children.set(snap, index);
    }
    return index;
  }
};
var sharedCache = new GitHubCache();
var GitHubSource = class {
  #octokit;
  #owner;
  #repo;
  #pullNumber;
  #maxFiles;
  #cache;
  #concurrency;
  #tarballThreshold;
  #maxTarballBytes;
  #signal;
  #resolved = /* @__PURE__ */ new Map();
  #snapshots = /* @__PURE__ */ new Map();
  #views = /* @__PURE__ */ new Map();
  #blobsInFlight = /* @__PURE__ */ new Map();
  #tarballs = /* @__PURE__ */ new Map();
  #pending = /* @__PURE__ */ new Map();
  #flushScheduled = false;
  #active = 0;
  #queue = [];
  /** Requests made, by kind: what tests and benchmarks look at. */
  stats = { requests: 0, blobs: 0, trees: 0, tarballs: 0, filePages: 0 };
  constructor(octokit, options) {
    this.#octokit = octokit;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.#pullNumber = options.pullNumber;
    this.#maxFiles = options.maxFiles ?? GITHUB_MAX_PR_FILES;
    this.#cache = options.cache ?? sharedCache;
    this.#concurrency = Math.max(1, options.concurrency ?? 8);
    this.#tarballThreshold = options.tarballThreshold ?? 64;
    this.#maxTarballBytes = options.maxTarballBytes ?? 1024 * 1024 * 1024;
    this.#signal = options.signal;
  }
  get #key() {
    return `${this.#owner}/${this.#repo}`.toLowerCase();
  }
  resolve(ref) {
    if (SHA.test(ref)) return Promise.resolve(ref);
    return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
  }
  async #resolveUncached(ref) {
    if (ref === "" || /[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes("..")) {
      throw new GitHubApiError(`invalid ref ${JSON.stringify(ref)}`, "resolve");
    }
    const res = await this.#getAs(CommitAnswer, "GET /repos/{owner}/{repo}/commits/{ref}", { ref }, { notFound: "undefined" });
    const sha2 = res?.sha;
    if (sha2 === void 0) {
      throw new GitHubApiError(`${this.#owner}/${this.#repo}: '${ref}' does not name a commit`, `GET /repos/${this.#owner}/${this.#repo}/commits/${ref}`, 404);
    }
    return sha2;
  }
  async listFiles(ref) {
    const snap = await this.#snapshot(ref);
    return [...(await this.#view(snap)).files.keys()].sort();
  }
  async linkErrors(ref) {
    return (await this.#view(await this.#snapshot(ref))).errors;
  }
  /** What GitOps tools see in the snapshot: regular files and what in-repository links show (links.ts). */
  #view(snap) {
    return memoPromise(this.#views, snap.commit, async () => {
      const regular = [...snap.entries].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)).map(([p]) => p);
      const linkPaths = [...snap.entries].filter(([, e]) => e.mode === SYMLINK_MODE).map(([p]) => p);
      const targets = await Promise.all(
        linkPaths.map(async (p) => snap.fromTarball ? (await this.#tarball(snap.commit)).get(p)?.bytes : await this.#blob(snap.entries.get(p).sha, p))
      );
      return linkView(regular, new Map(linkPaths.map((p, i) => [p, targets[i]?.toString("utf8") ?? ""])), isManifestFile);
    });
  }
  /** The regular file `file` shows in the snapshot: itself, or what the links on its way end at. */
  async #real(snap, file) {
    return (await this.#view(snap)).files.get(file);
  }
  async readFile(ref, visible) {
    const snap = await this.#snapshot(ref);
    const file = await this.#real(snap, visible);
    if (file === void 0) return void 0;
    const entry = snap.entries.get(file);
    if (entry === void 0 || !REGULAR_FILE_MODES.has(entry.mode)) return void 0;
    const cached = this.#cache.blobs.get(this.#blobKey(entry.sha));
    if (cached !== void 0) return cached;
    return new Promise((resolve, reject) => {
      let batch = this.#pending.get(snap.commit);
      if (batch === void 0) {
        batch = { snapshot: snap, waiters: [] };
        this.#pending.set(snap.commit, batch);
      }
      batch.waiters.push({ file, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }
  #flush() {
    this.#flushScheduled = false;
    const batches = this.#pending;
    this.#pending = /* @__PURE__ */ new Map();
    for (const { snapshot, waiters } of batches.values()) {
      const uncached = /* @__PURE__ */ new Set();
      for (const w of waiters) {
        const sha2 = snapshot.entries.get(w.file)?.sha;
        if (sha2 !== void 0 && !this.#cache.blobs.has(this.#blobKey(sha2))) uncached.add(sha2);
      }
      const warm = snapshot.fromTarball ? this.#tarball(snapshot.commit).then(() => void 0) : uncached.size > this.#tarballThreshold ? this.#tarball(snapshot.commit).then(
        () => void 0,
        () => void 0
      ) : Promise.resolve();
      warm.then(
        () => {
          for (const w of waiters) this.#readEntry(snapshot, w.file).then(w.resolve, w.reject);
        },
        (e) => {
          for (const w of waiters) w.reject(e);
        }
      );
    }
  }
  async #readEntry(snapshot, file) {
    const entry = snapshot.entries.get(file);
    if (entry === void 0 || !REGULAR_FILE_MODES.has(entry.mode)) return void 0;
    if (snapshot.fromTarball) return (await this.#tarball(snapshot.commit)).get(file)?.bytes;
    return this.#blob(entry.sha, file);
  }
  #blobKey(sha2) {
    return `${this.#key}@${sha2}`;
  }
  #blob(sha2, file) {
    const key = this.#blobKey(sha2);
    const cached = this.#cache.blobs.get(key);
    if (cached !== void 0) return Promise.resolve(cached);
    let p = this.#blobsInFlight.get(key);
    if (p === void 0) {
      p = this.#fetchBlob(sha2, file);
      this.#blobsInFlight.set(key, p);
      void p.finally(() => this.#blobsInFlight.delete(key)).catch(() => void 0);
    }
    return p;
  }
  async #fetchBlob(sha2, file) {
    this.stats.blobs++;
    const data = await this.#getAs(BlobAnswer, "GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { file_sha: sha2 }, { notFound: "undefined", about: file });
    if (data === void 0) return void 0;
    const bytes = data.encoding === "utf-8" ? Buffer.from(data.content, "utf8") : Buffer.from(data.content, "base64");
    this.#cache.blobs.set(this.#blobKey(sha2), bytes);
    return bytes;
  }
  async changedFiles(base, head) {
    const [baseSha, headSha] = await Promise.all([this.resolve(base), this.resolve(head)]);
    if (this.#pullNumber !== void 0) {
      const pr = await this.#getAs(PullRequestHeadAnswer, "GET /repos/{owner}/{repo}/pulls/{pull_number}", { pull_number: this.#pullNumber });
      if (pr.head.sha === headSha) {
        const count = pr.changed_files;
        if (count !== void 0 && count > this.#maxFiles) throw this.#tooManyFiles(count);
        return this.#pullFiles(count);
      }
    }
    return this.#diffTrees(baseSha, headSha);
  }
  #tooManyFiles(count) {
    return new GitHubApiError(
      `${this.#owner}/${this.#repo}#${this.#pullNumber}: the pull request changes ${count} files; GitHub lists at most ${this.#maxFiles} changed files of a pull request, so preadmit cannot check it. Split the change into smaller pull requests.`,
      `GET /repos/${this.#owner}/${this.#repo}/pulls/${this.#pullNumber}/files`
    );
  }
  async #pullFiles(expected) {
    const out = [];
    const lastPage = Math.ceil(this.#maxFiles / FILES_PER_PAGE) + 1;
    for (let page = 1; page <= lastPage; page++) {
      this.stats.filePages++;
      const data = await this.#getAs(PullFilesAnswer, "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { pull_number: this.#pullNumber, per_page: FILES_PER_PAGE, page });
      for (const f of data) {
        const change = changeOf(f);
        if (change !== void 0) out.push(change);
      }
      if (out.length > this.#maxFiles) throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
      if (data.length < FILES_PER_PAGE || expected !== void 0 && page * FILES_PER_PAGE >= expected) return out;
    }
    throw this.#tooManyFiles(`more than ${this.#maxFiles}`);
  }
  async #diffTrees(baseSha, headSha) {
    const [base, head] = await Promise.all([this.#snapshot(baseSha), this.#snapshot(headSha)]);
    return diffSnapshots(base, head);
  }
  /** `changes` plus what they change through links (links.ts); no request when neither tree has a link. */
  async changesThroughLinks(baseRef, headRef, changes) {
    const [base, head] = await Promise.all([this.#snapshot(baseRef), this.#snapshot(headRef)]);
    const hasLinks = (s) => [...s.entries.values()].some((e) => e.mode === SYMLINK_MODE);
    if (!hasLinks(base) && !hasLinks(head)) return changes;
    const [bv, hv] = await Promise.all([this.#view(base), this.#view(head)]);
    return changesThroughLinks(changes, { view: bv, blobOf: (p) => base.entries.get(p)?.sha }, { view: hv, blobOf: (p) => head.entries.get(p)?.sha });
  }
  async materialize(ref, paths, dir) {
    const snap = await this.#snapshot(ref);
    const view = await this.#view(snap);
    const names = paths === "all" ? [...view.files.keys()] : [...new Set(paths)];
    const wanted = names.filter((p) => view.files.has(p));
    if (wanted.length === 0) return;
    const realOf = (p) => view.files.get(p);
    const root = path.resolve(dir);
    for (const p of wanted) checkInside(root, p);
    const uncached = wanted.filter((p) => !this.#cache.blobs.has(this.#blobKey(snap.entries.get(realOf(p))?.sha ?? "")));
    let read;
    const viaTarball = snap.fromTarball || paths === "all" || uncached.length > this.#tarballThreshold;
    const files = viaTarball ? await this.#tarball(snap.commit).catch((e) => snap.fromTarball ? Promise.reject(e) : void 0) : void 0;
    if (files !== void 0) {
      read = async (p) => files.get(realOf(p))?.bytes ?? (snap.fromTarball ? void 0 : this.#readEntry(snap, realOf(p)));
    } else {
      read = (p) => this.#readEntry(snap, realOf(p));
    }
    const contents = await Promise.all(wanted.map(read));
    const made = /* @__PURE__ */ new Set();
    for (const [i, p] of wanted.entries()) {
      const target = checkInside(root, p);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      const mode = snap.entries.get(realOf(p))?.mode === "100755" ? 493 : 420;
      await writeFile(target, contents[i] ?? Buffer.alloc(0), { mode });
    }
  }
  #snapshot(ref) {
    return memoPromise(this.#snapshots, ref, () => this.resolve(ref).then((sha2) => this.#snapshotOf(sha2)));
  }
  async #snapshotOf(commit) {
    const key = `${this.#key}@${commit}`;
    const cached = this.#cache.trees.get(key);
    if (cached !== void 0) {
      if (cached.dirs !== void 0) this.#cache.lastTree.set(this.#key, cached);
      return cached;
    }
    const reference = this.#cache.lastTree.get(this.#key);
    if (reference?.dirs !== void 0 && reference.commit !== commit) {
      try {
        const snap2 = await this.#incrementalSnapshot(commit, reference);
        this.#cache.trees.set(key, snap2);
        this.#cache.lastTree.set(this.#key, snap2);
        return snap2;
      } catch {
      }
    }
    this.stats.trees++;
    const data = await this.#getAs(TreeAnswer, "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { tree_sha: commit, recursive: "1" });
    let snap;
    if (data.truncated === true) {
      const files = await this.#tarball(commit);
      snap = { commit, fromTarball: true, entries: new Map([...files].map(([p, f]) => [p, { mode: f.mode, sha: gitBlobSha(f.bytes) }])) };
    } else {
      const entries = /* @__PURE__ */ new Map();
      const dirs = /* @__PURE__ */ new Map();
      dirs.set("", data.sha);
      for (const e of data.tree) {
        if (!safeRepoPath(e.path)) continue;
        if (e.type === "tree" && SHA.test(e.sha)) dirs.set(e.path, e.sha);
        if (e.type !== "blob") continue;
        entries.set(e.path, { mode: e.mode, sha: e.sha });
      }
      snap = { commit, fromTarball: false, entries, ...everyDirectoryKnown(entries, dirs) ? { dirs } : {} };
      if (snap.dirs !== void 0) this.#cache.lastTree.set(this.#key, snap);
    }
    this.#cache.trees.set(key, snap);
    return snap;
  }
  /**
   * The tree of `commit` read as a difference from `reference` (usually the base of the same pull request):
   * the root is listed without recursion, and only directories whose tree sha differs from the reference's are
   * listed in turn, level by level. A one-file change costs one small listing per directory level instead of
   * the whole recursive tree, which for a large monorepo is megabytes (or, past GitHub's limits, a tarball).
   */
  async #incrementalSnapshot(commit, reference) {
    const before = this.#cache.childrenOf(reference);
    const entries = new Map(reference.entries);
    const dirs = new Map(reference.dirs);
    let listings = 0;
    const list = async (sha2, recursive) => {
      listings++;
      this.stats.trees++;
      const data = await this.#getAs(TreeAnswer, "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { tree_sha: sha2, ...recursive ? { recursive: "1" } : {} });
      if (data.truncated === true) throw new IncrementalTooCostly("a truncated listing");
      return data;
    };
    const removeUnder = (dir) => {
      for (const p of entries.keys()) if (p.startsWith(`${dir}/`)) entries.delete(p);
      for (const p of dirs.keys()) if (p === dir || p.startsWith(`${dir}/`)) dirs.delete(p);
    };
    const root = await list(commit, false);
    if (root.sha === reference.dirs.get("")) return { commit, fromTarball: false, entries: reference.entries, dirs: reference.dirs };
    let level = [{ dir: "", tree: root.tree }];
    dirs.set("", root.sha);
    while (level.length > 0) {
      const changed = [];
      const added = [];
      for (const { dir, tree } of level) {
        const old = before.get(dir) ?? /* @__PURE__ */ new Map();
        const seen = /* @__PURE__ */ new Set();
        for (const e of tree) {
          if (e.path.includes("/")) continue;
          const full = dir === "" ? e.path : `${dir}/${e.path}`;
          if (!safeRepoPath(full)) continue;
          seen.add(e.path);
          const was = old.get(e.path);
          if (e.type === "tree" && was?.type === "tree") {
            if (!SHA.test(e.sha)) throw new IncrementalTooCostly("a directory without a sha");
            if (was.sha !== e.sha) {
              dirs.set(full, e.sha);
              changed.push({ dir: full, sha: e.sha });
            }
            continue;
          }
          if (was?.type === "tree") removeUnder(full);
          else if (was?.type === "blob") entries.delete(full);
          if (e.type === "blob") entries.set(full, { mode: e.mode, sha: e.sha });
          else if (e.type === "tree" && SHA.test(e.sha)) {
            dirs.set(full, e.sha);
            added.push({ dir: full, sha: e.sha });
          }
        }
        for (const [name, was] of old) {
          if (seen.has(name)) continue;
          const full = dir === "" ? name : `${dir}/${name}`;
          if (was.type === "tree") removeUnder(full);
          else entries.delete(full);
        }
      }
      if (listings + changed.length + added.length > INCREMENTAL_TREE_BUDGET) throw new IncrementalTooCostly("too many directories differ");
      const addedLists = await Promise.all(added.map(async (a) => ({ ...a, listing: await list(a.sha, true) })));
      for (const { dir, listing } of addedLists) {
        for (const e of listing.tree) {
          const full = `${dir}/${e.path}`;
          if (!safeRepoPath(full)) continue;
          if (e.type === "tree" && SHA.test(e.sha)) dirs.set(full, e.sha);
          else if (e.type === "blob") entries.set(full, { mode: e.mode, sha: e.sha });
        }
      }
      level = await Promise.all(changed.map(async (c) => ({ dir: c.dir, tree: (await list(c.sha, false)).tree })));
    }
    if (!everyDirectoryKnown(entries, dirs)) throw new IncrementalTooCostly("incomplete directory shas");
    return { commit, fromTarball: false, entries, dirs };
  }
  /** The whole tree at `commit` from the tarball; every blob also lands in the cache under its git sha. */
  #tarball(commit) {
    return memoPromise(this.#tarballs, commit, () => this.#fetchTarball(commit));
  }
  async #fetchTarball(commit) {
    this.stats.tarballs++;
    const request = `GET /repos/${this.#owner}/${this.#repo}/tarball/${commit}`;
    const data = await this.#get("GET /repos/{owner}/{repo}/tarball/{ref}", { ref: commit }, { binary: true });
    const gz = data instanceof ArrayBuffer ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : void 0;
    if (gz === void 0) throw new GitHubApiError(`${request}: the response is not an archive`, request);
    let tar;
    try {
      tar = await new Promise((resolve, reject) => gunzip(gz, { maxOutputLength: this.#maxTarballBytes }, (e, out) => e ? reject(e) : resolve(out)));
    } catch (e) {
      throw new GitHubApiError(`${request}: cannot decompress the archive: ${e.message}`, request);
    }
    const files = /* @__PURE__ */ new Map();
    try {
      for (const entry of readTar(tar, { maxBytes: this.#maxTarballBytes })) {
        if (entry.type !== "file" && entry.type !== "symlink") continue;
        const slash = entry.path?.indexOf("/") ?? -1;
        const p = slash < 0 ? "" : entry.path.slice(slash + 1);
        if (p === "" || !safeRepoPath(p)) continue;
        const bytes = entry.type === "symlink" ? Buffer.from(entry.linkTarget ?? "", "utf8") : entry.bytes;
        files.set(p, { mode: entry.type === "symlink" ? SYMLINK_MODE : (entry.mode & 73) !== 0 ? "100755" : "100644", bytes });
      }
    } catch (e) {
      throw new GitHubApiError(`${request}: ${e.message}`, request);
    }
    for (const f of files.values()) this.#cache.blobs.set(this.#blobKey(gitBlobSha(f.bytes)), f.bytes);
    return files;
  }
  async #getAs(schema, route, params, options = {}) {
    const data = await this.#get(route, params, options);
    if (data === void 0 && options.notFound === "undefined") return void 0;
    const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
    return parseAnswer(schema, data, `${name}${options.about ? ` (${options.about})` : ""}`);
  }
  async #get(route, params, options = {}) {
    const signal = this.#signal;
    const request = { ...options.binary ? {} : { parseSuccessResponseBody: false }, ...signal !== void 0 ? { signal } : {} };
    const all = { owner: this.#owner, repo: this.#repo, ...params, ...Object.keys(request).length > 0 ? { request } : {} };
    const name = requestName(route, { owner: this.#owner, repo: this.#repo, ...params });
    throwIfAborted(signal);
    await this.#acquire();
    this.stats.requests++;
    try {
      throwIfAborted(signal);
      let res;
      try {
        res = await abortable(this.#octokit.request(route, all), signal);
        if (!options.binary && res.status < 300) res = { ...res, data: await jsonBody(res.data, name) };
      } catch (e) {
        if (e instanceof GitHubApiError) throw e;
        if (isAbort(e) || signal?.aborted) throw new AbortError(`${name}: the check was cancelled`, { cause: e });
        const status = statusOf(e);
        if (status === 404 && options.notFound === "undefined") return void 0;
        const detail = e instanceof Error ? e.message : String(e);
        throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ""} failed${status ? ` with HTTP ${status}` : ""}: ${detail}`, name, status);
      }
      if (res.status === 404 && options.notFound === "undefined") return void 0;
      if (res.status >= 400) throw new GitHubApiError(`${name}${options.about ? ` (${options.about})` : ""} failed with HTTP ${res.status}`, name, res.status);
      return res.data;
    } finally {
      this.#release();
    }
  }
  #acquire() {
    if (this.#active < this.#concurrency) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }
  #release() {
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }
};
async function jsonBody(data, request) {
  let text;
  if (typeof data === "string") text = data;
  else if (data instanceof ReadableStream) text = await new Response(data).text();
  else if (data instanceof ArrayBuffer || data instanceof Uint8Array) text = Buffer.from(data).toString("utf8");
  else return data;
  try {
    return JSON.parse(text);
  } catch {
    throw new GitHubApiError(`${request}: the response is not JSON`, request);
  }
}
function changeOf(f) {
  if (!safeRepoPath(f.filename)) return void 0;
  const prev = f.previous_filename !== void 0 && safeRepoPath(f.previous_filename) ? f.previous_filename : void 0;
  switch (f.status) {
    case "added":
    case "copied":
      return { path: f.filename, status: "added" };
    case "removed":
      return { path: f.filename, status: "deleted" };
    case "renamed":
      return prev !== void 0 ? { path: f.filename, status: "renamed", previousPath: prev } : { path: f.filename, status: "added" };
    case "unchanged":
      return void 0;
    default:
      return { path: f.filename, status: "modified" };
  }
}
function diffSnapshots(base, head) {
  const regular = (s) => new Map([...s.entries].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)));
  const [b, h] = [regular(base), regular(head)];
  const out = [];
  const added = [];
  const deleted = /* @__PURE__ */ new Map();
  for (const [p, e] of h) {
    const old = b.get(p);
    if (old === void 0) added.push(p);
    else if (old.sha !== e.sha || old.mode !== e.mode) out.push({ path: p, status: "modified" });
  }
  const deletedPaths = [];
  for (const [p, e] of b) {
    if (h.has(p)) continue;
    if (deleted.has(e.sha)) deletedPaths.push(p);
    else deleted.set(e.sha, p);
  }
  for (const p of added) {
    const sha2 = h.get(p)?.sha ?? "";
    const from = deleted.get(sha2);
    if (from !== void 0) {
      deleted.delete(sha2);
      out.push({ path: p, status: "renamed", previousPath: from });
    } else out.push({ path: p, status: "added" });
  }
  for (const p of [...deleted.values(), ...deletedPaths]) out.push({ path: p, status: "deleted" });
  return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
function everyDirectoryKnown(entries, dirs) {
  if (!dirs.has("")) return false;
  for (const p of entries.keys()) {
    for (let slash = p.indexOf("/"); slash >= 0; slash = p.indexOf("/", slash + 1)) if (!dirs.has(p.slice(0, slash))) return false;
  }
  return true;
}
function safeRepoPath(p) {
  if (p === "" || p.startsWith("/") || p.includes("\\") || /[\x00]/.test(p)) return false;
  return p.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}
function checkInside(root, p) {
  const target = path.resolve(root, ...p.split("/"));
  if (!safeRepoPath(p) || !target.startsWith(root + path.sep)) throw new GitHubApiError(`refusing to write ${p} outside ${root}`, "materialize");
  return target;
}
function gitBlobSha(bytes) {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

// src/github/check.ts
var CheckError = class extends Error {
  constructor(message, failClosed, options) {
    super(message, options);
    this.failClosed = failClosed;
  }
  failClosed;
  name = "CheckError";
};
async function readRepositoryConfig(octokit, owner, repo, defaultBranch, signal) {
  const request = signal !== void 0 ? { request: { signal } } : {};
  const file = `${CONFIG_FILE} (${defaultBranch})`;
  let commit;
  try {
    const route2 = "GET /repos/{owner}/{repo}/commits/{ref}";
    const res = await octokit.request(route2, { owner, repo, ref: defaultBranch, ...request });
    commit = parseAnswer(CommitAnswer, res.data, requestName(route2, { owner, repo, ref: defaultBranch })).sha;
  } catch (e) {
    throw new CheckError(`cannot resolve the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const route = "GET /repos/{owner}/{repo}/contents/{path}";
  let data;
  try {
    const res = await octokit.request(route, { owner, repo, path: CONFIG_FILE, ref: commit, ...request });
    data = parseAnswer(ContentsAnswer, res.data, requestName(route, { owner, repo, path: CONFIG_FILE, ref: commit }));
  } catch (e) {
    if (statusOf(e) === 404) return loadConfig(void 0, file);
    throw new CheckError(`cannot read ${CONFIG_FILE} from the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const text = contentText(data);
  if (text === void 0) {
    const error = { kind: "config", message: `${file}: not a regular file of at most 1 MB; the defaults apply` };
    return { config: loadConfig(void 0, file).config, errors: [error] };
  }
  const loaded = loadConfig(text, CONFIG_FILE);
  return { ...loaded, errors: loaded.errors.map((e) => e.source === void 0 ? e : { ...e, source: { ...e.source, commit } }) };
}
function contentText(data) {
  if (typeof data === "string") return data;
  if (Array.isArray(data) || data.type !== "file" || data.content === void 0) return void 0;
  if (data.encoding === "base64") return Buffer.from(data.content, "base64").toString("utf8");
  if (data.encoding === "utf-8" || data.encoding === "utf8") return data.content;
  return void 0;
}
async function runCheck(octokit, target, deps) {
  const started = Date.now();
  const progress = (line) => deps.onProgress?.(`+${Date.now() - started} ms ${line}`);
  const source = new GitHubSource(octokit, {
    owner: target.owner,
    repo: target.repo,
    ...target.pullNumber !== void 0 ? { pullNumber: target.pullNumber } : {},
    ...deps.signal !== void 0 ? { signal: deps.signal } : {}
  });
  const configRead = readRepositoryConfig(octokit, target.owner, target.repo, target.defaultBranch, deps.signal);
  const changedRead = source.changedFiles(target.baseSha, target.headSha);
  const treesRead = Promise.all([source.listFiles(target.baseSha), source.listFiles(target.headSha)]);
  for (const p of [configRead, changedRead, treesRead]) p.catch(() => void 0);
  const { config, errors } = await abortable(configRead, deps.signal);
  progress(`config read from ${target.defaultBranch}`);
  let report;
  try {
    const changed = await changedRead;
    await treesRead;
    progress(`${changed.length} changed file(s) and both trees read`);
    report = await simulate({
      source,
      base: target.baseSha,
      head: target.headSha,
      changed,
      config,
      runtime: deps.runtime,
      onProgress: progress,
      ...deps.signal !== void 0 ? { signal: deps.signal } : {}
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new CheckError(describeError(e), config.blocking.errorsAtHead, { cause: e });
  }
  progress(`simulated (${source.stats.requests} GitHub request(s) for files and trees)`);
  applyConfigErrors(report, errors, config, `${CONFIG_FILE} on the default branch`);
  return report;
}
async function runPullRequestCheck(octokit, pr, deps) {
  const report = await runCheck(octokit, pr, deps);
  report.base.ref = pr.baseRef;
  report.head.ref = `#${pr.pullNumber}`;
  return report;
}
async function runMergeGroupCheck(octokit, group, deps) {
  const report = await runCheck(octokit, group, deps);
  report.base.ref = group.baseRef.replace(/^refs\/heads\//, "");
  report.head.ref = "merge group";
  return report;
}

// src/github/client.ts
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit as RestOctokit } from "@octokit/rest";
var DEFAULT_ATTEMPTS = 4;
var DEFAULT_MAX_WAIT_MS = 12e4;
function withClientPolicy(options, policy = {}) {
  const attempts = Math.max(1, policy.attempts ?? DEFAULT_ATTEMPTS);
  const maxWaitMs = policy.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const { sleep, onRetry } = policy;
  const onLimit = (limit) => async (retryAfterSeconds, request) => {
    const waitMs = Math.max(0, retryAfterSeconds) * 1e3;
    const attempt = (request.request?.retryCount ?? 0) + 1;
    if (attempt >= attempts || waitMs > maxWaitMs) return false;
    onRetry?.({ route: `${request.method ?? "GET"} ${request.url ?? ""}`, limit, waitMs, attempt });
    if (sleep !== void 0) await sleep(waitMs);
    return true;
  };
  const base = isRecord(options.throttle) ? options.throttle : {};
  const baseRetry = isRecord(options.retry) ? options.retry : {};
  return {
    ...options,
    throttle: policy.throttle === false ? { ...base, enabled: false } : {
      ...base,
      enabled: true,
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      onRateLimit: onLimit("rate limit"),
      // With `sleep`, the handler has already waited: the plugin retries at once.
      ...sleep !== void 0 ? { retryAfterBaseValue: 0 } : {}
    },
    retry: policy.retryServerErrors === false ? { ...baseRetry, enabled: false } : { ...baseRetry, enabled: true, ...sleep !== void 0 ? { retryAfterBaseValue: 0 } : {} }
  };
}
function githubOctokit(Base, policy = {}) {
  return Base.defaults((options) => withClientPolicy(options, policy));
}
var RestWithPlugins = RestOctokit.plugin(throttling, retry);
function restClient(options, policy = {}) {
  const Client = githubOctokit(RestWithPlugins, policy);
  return new Client({
    ...options.token !== void 0 ? { auth: options.token } : {},
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    // Octokit's own request logging could echo URLs and headers: only warnings, through the caller's (redacting) log.
    log: { debug: () => void 0, info: () => void 0, warn: (m) => options.log.warn(m), error: () => void 0 }
  });
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/github/pull-request.ts
async function readPullRequest(api, owner, repo, pullNumber, defaultBranch) {
  const route = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
  const res = await api.request(route, { owner, repo, pull_number: pullNumber });
  const pr = parseAnswer(PullRequestAnswer, res.data, requestName(route, { owner, repo, pull_number: pullNumber }));
  let branch = defaultBranch ?? pr.base.repo?.default_branch;
  let htmlUrl = pr.base.repo?.html_url;
  if (branch === void 0) {
    const repoRoute = "GET /repos/{owner}/{repo}";
    const r = parseAnswer(RepositoryAnswer, (await api.request(repoRoute, { owner, repo })).data, requestName(repoRoute, { owner, repo }));
    branch = r.default_branch;
    htmlUrl ??= r.html_url;
  }
  return {
    ref: { owner, repo, pullNumber, baseRef: pr.base.ref, baseSha: pr.base.sha, headSha: pr.head.sha, defaultBranch: branch },
    open: pr.state === "open",
    author: pr.user?.login,
    htmlUrl
  };
}

export {
  statusOf,
  redact,
  describeError,
  requestName,
  errorCompletion,
  supersededCompletion,
  interruptedCompletion,
  completeCheckRun,
  publishCheckRun,
  GitRefAnswer,
  CompareAnswer,
  CollaboratorPermissionAnswer,
  parseAnswer,
  CHECK_RUN_NAME,
  parseExternalId,
  createCheckRun,
  concludeStaleRuns,
  suiteOrigin,
  readAppId,
  CheckError,
  runPullRequestCheck,
  runMergeGroupCheck,
  githubOctokit,
  restClient,
  readPullRequest
};
//# sourceMappingURL=chunk-52DRY7AF.mjs.map
