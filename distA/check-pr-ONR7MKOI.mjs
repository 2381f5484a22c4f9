import {
  CHECK_RUN_NAME,
  CheckError,
  completeCheckRun,
  createCheckRun,
  describeError,
  interruptedCompletion,
  publishCheckRun,
  readPullRequest,
  redact,
  restClient,
  runPullRequestCheck
} from "./chunk-52DRY7AF.mjs";
import {
  renderReport
} from "./chunk-6NRAZBLT.mjs";
import "./chunk-NPPJNOXJ.mjs";
import "./chunk-RWK4WCFY.mjs";
import {
  createRuntime
} from "./chunk-U2OET4L7.mjs";
import "./chunk-MVMMHOUD.mjs";
import "./chunk-5E6ZJ4TW.mjs";
import "./chunk-YPO3PXX5.mjs";
import "./chunk-MDHHRUTZ.mjs";
import "./chunk-GOXPIZBT.mjs";
import "./chunk-JHNEIQET.mjs";
import {
  INTERRUPTED_EXIT
} from "./chunk-D23G4ER4.mjs";
import "./chunk-DMQTDK6J.mjs";
import "./chunk-LV3SBTA7.mjs";

// src/cli/commands/check-pr.ts
import { parseArgs } from "node:util";
var CHECK_PR_USAGE = `Usage: preadmit check-pr --repo OWNER/NAME --pr N [--dry-run] [--api-url URL] [-o text|markdown|json]

Runs the preadmit GitHub App's check of pull request N from any CI: reads the PR, its files and both
commits through the GitHub API, the config (.github/preadmit.yml) from the default branch only, simulates
Gatekeeper admission, and posts the check run "${CHECK_RUN_NAME}" on the PR's head commit.

  --repo OWNER/NAME  the base repository of the pull request
  --pr N             the pull request number
  --dry-run          print the check run that would be posted; post nothing
  --api-url URL      GitHub REST API base URL (default: $GITHUB_API_URL, else https://api.github.com)
  -o FORMAT          text (default), markdown or json

The token comes from GITHUB_TOKEN (in GitHub Actions: permissions checks: write, contents: read,
pull-requests: read). Exit code: 0 when the check passes, 1 when it fails, 2 on a usage error.`;
function runCheckPrCommand(argv, out, err, signal) {
  return runCheckPr(argv, out, err, process.env, signal);
}
async function runCheckPr(argv, out, err, env = process.env, signal) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        repo: { type: "string" },
        pr: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "api-url": { type: "string" },
        output: { type: "string", short: "o", default: "text" },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (e) {
    err.write(`${e.message}
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    out.write(`${CHECK_PR_USAGE}
`);
    return 0;
  }
  const repoMatch = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(v.repo ?? "");
  if (!repoMatch) {
    err.write(`--repo OWNER/NAME is required (got ${JSON.stringify(v.repo ?? "")})
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const pullNumber = /^[1-9][0-9]{0,9}$/.test(v.pr ?? "") ? Number(v.pr) : void 0;
  if (pullNumber === void 0) {
    err.write(`--pr N is required: a pull request number (got ${JSON.stringify(v.pr ?? "")})
${CHECK_PR_USAGE}
`);
    return 2;
  }
  const format = v.output ?? "text";
  if (!["text", "markdown", "json"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, markdown or json
`);
    return 2;
  }
  const dryRun = v["dry-run"] ?? false;
  const token = env.GITHUB_TOKEN?.trim() || void 0;
  if (token === void 0 && !dryRun) {
    err.write("GITHUB_TOKEN is not set: posting a check run needs a token with checks: write (use --dry-run to only print it)\n");
    return 2;
  }
  const baseUrl = (v["api-url"] ?? env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    err.write(`--api-url must be an http(s) URL (got ${JSON.stringify(baseUrl)})
`);
    return 2;
  }
  const secrets = token !== void 0 ? [token] : [];
  const say = (line) => {
    err.write(`${redact(line, secrets)}
`);
  };
  const owner = repoMatch[1] ?? "";
  const repo = repoMatch[2] ?? "";
  const api = restClient(
    { ...token !== void 0 ? { token } : {}, baseUrl, userAgent: "preadmit-check-pr", log: { warn: (m) => say(`warning: ${m}`) } },
    { onRetry: (r) => say(`GitHub: ${r.route} hit a ${r.limit}; retrying in ${Math.round(r.waitMs / 1e3)} s`) }
  );
  let pr;
  try {
    const read = await readPullRequest(api, owner, repo, pullNumber);
    pr = { ...read.ref, ...read.htmlUrl !== void 0 ? { htmlUrl: read.htmlUrl } : {} };
  } catch (e) {
    say(`cannot read ${owner}/${repo}#${pullNumber}: ${describeError(e, secrets)}`);
    return 1;
  }
  const recorder = new RecordingRequester();
  const poster = dryRun ? recorder : api;
  let checkRunId;
  let checkRunUrl;
  try {
    const created = await createCheckRun(poster, { owner, repo, headSha: pr.headSha, origin: { kind: "pull_request", pullNumber } });
    checkRunId = created.id;
    checkRunUrl = created.htmlUrl;
  } catch (e) {
    const hint = /\b403\b/.test(describeError(e)) ? " (check runs can only be created with a GitHub App token, e.g. GitHub Actions' GITHUB_TOKEN with `checks: write`; personal access tokens cannot)" : "";
    say(`cannot create the check run on ${pr.headSha}: ${describeError(e, secrets)}${hint}`);
    return 1;
  }
  const runtime = createRuntime();
  let outcome;
  try {
    outcome = { report: await runPullRequestCheck(api, pr, { runtime, ...signal !== void 0 ? { signal } : {} }) };
  } catch (e) {
    outcome = { error: describeError(e, secrets), failClosed: e instanceof CheckError ? e.failClosed : true };
  } finally {
    await runtime.close();
  }
  if (signal?.aborted) {
    const target = { owner, repo, checkRunId, ...pr.htmlUrl !== void 0 ? { htmlUrl: pr.htmlUrl } : {} };
    await completeCheckRun(poster, target, interruptedCompletion("Interrupted", "`preadmit check-pr` was interrupted before the check finished.", "Run the check again to get a verdict.")).catch(
      (e) => say(`cannot complete check run ${checkRunId}: ${describeError(e, secrets)}`)
    );
    return INTERRUPTED_EXIT;
  }
  try {
    await publishCheckRun(poster, { owner, repo, checkRunId, ...pr.htmlUrl !== void 0 ? { htmlUrl: pr.htmlUrl } : {} }, outcome, {
      // The app logs these as a constant message with fields; a terminal shows them in one line, error text included.
      log: (message, fields, e) => {
        const where = Object.entries(fields ?? {}).map(([k, v2]) => `${k}=${String(v2)}`).join(" ");
        say(`warning: ${message}${where === "" ? "" : ` (${where})`}${e === void 0 ? "" : `: ${describeError(e, secrets)}`}`);
      }
    });
  } catch (e) {
    say(`cannot complete check run ${checkRunId}: ${describeError(e, secrets)}`);
    return 1;
  }
  const posted = recorder.checkRun();
  if (dryRun) {
    if (posted === void 0) {
      say("internal error: no check run was recorded");
      return 1;
    }
    out.write(format === "json" ? `${JSON.stringify(posted, null, 2)}
` : renderPostedCheckRun(posted, format));
    return passes(posted.conclusion) ? 0 : 1;
  }
  if ("error" in outcome) {
    say(`the check could not run: ${outcome.error}`);
    say(`check run ${checkRunUrl ?? checkRunId} concluded ${outcome.failClosed ? "failure (fail closed)" : "neutral"}`);
    return outcome.failClosed ? 1 : 0;
  }
  out.write(renderReport(outcome.report, format, false));
  say(`check run ${checkRunUrl ?? checkRunId} concluded ${outcome.report.verdict.conclusion}`);
  return outcome.report.verdict.conclusion === "success" ? 0 : 1;
}
function passes(conclusion) {
  return conclusion === "success" || conclusion === "neutral" || conclusion === "skipped";
}
function record(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
}
var RecordingRequester = class {
  calls = [];
  async request(route, params = {}) {
    this.calls.push({ route, params: structuredClone(params) });
    if (route === "POST /repos/{owner}/{repo}/check-runs") return { status: 201, data: { id: 1, html_url: void 0 }, headers: {} };
    if (route === "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}") return { status: 200, data: { id: params.check_run_id }, headers: {} };
    throw new Error(`dry run: ${route} is not a check-run write`);
  }
  /** The run as GitHub would hold it after every recorded call. */
  checkRun() {
    let run;
    for (const { route, params } of this.calls) {
      if (route === "POST /repos/{owner}/{repo}/check-runs") {
        run = { name: String(params.name), head_sha: String(params.head_sha), status: "queued", conclusion: null, output: { title: null, summary: null, annotations: [] } };
      }
      if (run === void 0) continue;
      if (typeof params.status === "string") run.status = params.status;
      if (typeof params.conclusion === "string") {
        run.conclusion = params.conclusion;
        run.status = "completed";
      }
      if (typeof params.external_id === "string") run.external_id = params.external_id;
      const output = record(params.output);
      if (typeof output.title === "string") run.output.title = output.title;
      if (typeof output.summary === "string") run.output.summary = output.summary;
      if (Array.isArray(output.annotations)) run.output.annotations.push(...output.annotations.map(record));
    }
    return run;
  }
};
function renderPostedCheckRun(run, format) {
  const lines = [
    `Check run "${run.name}" on ${run.head_sha} (dry run: nothing was posted)`,
    `conclusion: ${run.conclusion ?? "(none)"}`,
    `title: ${run.output.title ?? ""}`,
    "",
    format === "markdown" ? run.output.summary ?? "" : (run.output.summary ?? "").replace(/\r/g, ""),
    "",
    `annotations (${run.output.annotations.length}):`
  ];
  for (const a of run.output.annotations) {
    const where = a.start_line === a.end_line ? `${a.start_line}` : `${a.start_line}-${a.end_line}`;
    lines.push(`  ${a.path}:${where} [${a.annotation_level}] ${a.title ? `${a.title}: ` : ""}${String(a.message).split("\n")[0]}`);
  }
  return `${lines.join("\n")}
`;
}
export {
  CHECK_PR_USAGE,
  RecordingRequester,
  runCheckPr,
  runCheckPrCommand
};
//# sourceMappingURL=check-pr-ONR7MKOI.mjs.map
