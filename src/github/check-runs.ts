// Check runs of this app: creating one in_progress at once, what its `external_id` remembers (so a re-run
// request, which may carry no pull request for forks, finds its way back), and concluding stale runs.
import type { GitHubRequester } from './client.ts';
import { requestName } from './errors.ts';
import { completeCheckRun, type Completion, type PublishOptions } from './publish.ts';
import { AppAnswer, CheckRunListAnswer, CreatedCheckRunAnswer, parseAnswer } from './schemas.ts';

/** The check's name: what branch protection and rulesets require (with this app as the expected source). */
export const CHECK_RUN_NAME = 'preadmit';

export type RunOrigin = { kind: 'pull_request'; pullNumber: number } | { kind: 'merge_group'; baseSha: string };

/** `pr/12` or `mg/<base sha>`: enough to redo the check when GitHub asks for a re-run. */
export function externalIdOf(origin: RunOrigin): string {
  return origin.kind === 'pull_request' ? `pr/${origin.pullNumber}` : `mg/${origin.baseSha}`;
}

export function parseExternalId(id: string | null | undefined): RunOrigin | undefined {
  if (typeof id !== 'string') return undefined;
  const pr = /^pr\/([1-9][0-9]{0,9})$/.exec(id);
  if (pr) return { kind: 'pull_request', pullNumber: Number(pr[1]) };
  const mg = /^mg\/([0-9a-f]{40})$/.exec(id);
  if (mg) return { kind: 'merge_group', baseSha: mg[1] as string };
  return undefined;
}

export interface CreatedRun {
  id: number;
  htmlUrl: string | undefined;
}

/** Creates the run `in_progress` on `headSha` in the base repository (fork PRs included). */
export async function createCheckRun(octokit: GitHubRequester, target: { owner: string; repo: string; headSha: string; origin: RunOrigin }): Promise<CreatedRun> {
  const res = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    external_id: externalIdOf(target.origin),
    output: {
      title: 'Simulating Gatekeeper admission…',
      summary: `Rendering the manifests this change touches and reviewing them against the repository's policies at base and at ${target.headSha.slice(0, 7)}.`,
    },
  });
  const data = parseAnswer(CreatedCheckRunAnswer, res.data, requestName('POST /repos/{owner}/{repo}/check-runs', { owner: target.owner, repo: target.repo }));
  return { id: data.id, htmlUrl: data.html_url ?? undefined };
}

/**
 * Restart recovery. The queue lives in memory, so a run that a stopped process had started stays in_progress
 * on GitHub. Listing every in-progress run of every installation at start-up would cost a request per
 * repository; instead, whenever work for a PR starts, this app's runs still in progress on the same commit
 * (older than `currentId`) and on the commit the PR had before (`synchronize`'s `before`) are concluded as
 * superseded, unless this process is still working on them.
 */
export async function concludeStaleRuns(
  octokit: GitHubRequester,
  target: { owner: string; repo: string; appId: number; currentId: number; shas: string[]; active: Set<number> },
  completion: Completion,
  options: PublishOptions = {},
): Promise<number[]> {
  const concluded: number[] = [];
  for (const sha of new Set(target.shas)) {
    const route = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
    const params = { owner: target.owner, repo: target.repo, ref: sha, check_name: CHECK_RUN_NAME, status: 'in_progress', filter: 'all', app_id: target.appId, per_page: 100 };
    const { check_runs: runs } = parseAnswer(CheckRunListAnswer, (await octokit.request(route, params)).data, requestName(route, params));
    for (const run of runs) {
      if (run.status === 'completed' || (run.app != null && run.app.id !== target.appId)) continue;
      if (run.id >= target.currentId || target.active.has(run.id)) continue;
      await completeCheckRun(octokit, { owner: target.owner, repo: target.repo, checkRunId: run.id }, completion, options);
      concluded.push(run.id);
    }
  }
  return concluded;
}

/**
 * What a check suite's runs of this app remember (their `external_id`): the suite of a fork PR lists no pull
 * request, so a re-run of the whole suite finds its way back through our run in it.
 */
export async function suiteOrigin(octokit: GitHubRequester, owner: string, repo: string, checkSuiteId: number): Promise<RunOrigin | undefined> {
  const route = 'GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs';
  const params = { owner, repo, check_suite_id: checkSuiteId, check_name: CHECK_RUN_NAME, per_page: 10 };
  const { check_runs: runs } = parseAnswer(CheckRunListAnswer, (await octokit.request(route, params)).data, requestName(route, params));
  for (const r of runs) {
    const origin = parseExternalId(r.external_id);
    if (origin !== undefined) return origin;
  }
  return undefined;
}

/** This app's id, asked of GitHub with the app's own (JWT) client. */
export async function readAppId(appClient: GitHubRequester): Promise<number> {
  return parseAnswer(AppAnswer, (await appClient.request('GET /app')).data, 'GET /app').id;
}
