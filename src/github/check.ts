// One check of a pull request (or a merge group) through the GitHub API: the repository's config from the
// default branch only, policies and manifests from the two commits under review, the shared pipeline.
import { loadConfig, type ConfigResult } from '../config/load.ts';
import { CONFIG_FILE } from '../config/defaults.ts';
import { applyConfigErrors } from '../simulate/config-errors.ts';
import type { Runtime } from '../engine/runtime.ts';
import type { InputError } from '../gatekeeper/types.ts';
import { simulate } from '../simulate/simulate.ts';
import type { SimulationReport } from '../simulate/types.ts';
import type { GitHubRequester } from './client.ts';
import { GitHubSource } from './source.ts';
import { describeError, requestName, statusOf } from './errors.ts';
import { abortable, isAbort } from '../util/abort.ts';
import { CommitAnswer, ContentsAnswer, parseAnswer } from './schemas.ts';

export interface PullRequestRef {
  owner: string;
  repo: string;
  pullNumber: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  defaultBranch: string;
}

/** A merge queue's temporary branch: its head is the queued PRs merged onto `baseSha`. */
export interface MergeGroupRef {
  owner: string;
  repo: string;
  baseRef: string;
  baseSha: string;
  headRef: string;
  headSha: string;
  defaultBranch: string;
}

export interface CheckDeps {
  runtime: Runtime;
  onProgress?: (line: string) => void;
  /** The job's cancellation: reads, renders and evaluations stop and the check rejects with `AbortError` (not a `CheckError`). */
  signal?: AbortSignal;
}

/**
 * A check that could not produce a report. `failClosed` says whether the repository wants that to block
 * (`blocking.errorsAtHead`, true unless the config could be read and says otherwise).
 */
export class CheckError extends Error {
  override name = 'CheckError';
  constructor(
    message: string,
    readonly failClosed: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * `.github/preadmit.yml` as the default branch has it. Never read from the pull request: a change must not be
 * able to relax its own check. A missing file is the default config; an unreadable one is an error.
 */
async function readRepositoryConfig(octokit: GitHubRequester, owner: string, repo: string, defaultBranch: string, signal?: AbortSignal): Promise<ConfigResult> {
  const request = signal !== undefined ? { request: { signal } } : {};
  const file = `${CONFIG_FILE} (${defaultBranch})`;
  // The commit the config is read at: one read of one commit, and the commit its errors link to (not the PR's base).
  let commit: string;
  try {
    const route = 'GET /repos/{owner}/{repo}/commits/{ref}';
    const res = await octokit.request(route, { owner, repo, ref: defaultBranch, ...request });
    commit = parseAnswer(CommitAnswer, res.data, requestName(route, { owner, repo, ref: defaultBranch })).sha;
  } catch (e) {
    throw new CheckError(`cannot resolve the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const route = 'GET /repos/{owner}/{repo}/contents/{path}';
  let data: ContentsAnswer;
  try {
    const res = await octokit.request(route, { owner, repo, path: CONFIG_FILE, ref: commit, ...request });
    data = parseAnswer(ContentsAnswer, res.data, requestName(route, { owner, repo, path: CONFIG_FILE, ref: commit }));
  } catch (e) {
    if (statusOf(e) === 404) return loadConfig(undefined, file);
    throw new CheckError(`cannot read ${CONFIG_FILE} from the default branch ${defaultBranch}: ${describeError(e)}`, true, { cause: e });
  }
  const text = contentText(data);
  if (text === undefined) {
    const error: InputError = { kind: 'config', message: `${file}: not a regular file of at most 1 MB; the defaults apply` };
    return { config: loadConfig(undefined, file).config, errors: [error] };
  }
  const loaded = loadConfig(text, CONFIG_FILE);
  return { ...loaded, errors: loaded.errors.map((e) => (e.source === undefined ? e : { ...e, source: { ...e.source, commit } })) };
}

function contentText(data: ContentsAnswer): string | undefined {
  if (typeof data === 'string') return data; // the raw media type
  if (Array.isArray(data) || data.type !== 'file' || data.content === undefined) return undefined; // a directory, link or submodule
  if (data.encoding === 'base64') return Buffer.from(data.content, 'base64').toString('utf8');
  if (data.encoding === 'utf-8' || data.encoding === 'utf8') return data.content;
  return undefined; // "none": over 1 MB, far beyond any configuration
}

async function runCheck(
  octokit: GitHubRequester,
  target: { owner: string; repo: string; pullNumber?: number; baseSha: string; headSha: string; defaultBranch: string },
  deps: CheckDeps,
): Promise<SimulationReport> {
  const started = Date.now();
  const progress = (line: string): void => deps.onProgress?.(`+${Date.now() - started} ms ${line}`);
  const source = new GitHubSource(octokit, {
    owner: target.owner,
    repo: target.repo,
    ...(target.pullNumber !== undefined ? { pullNumber: target.pullNumber } : {}),
    ...(deps.signal !== undefined ? { signal: deps.signal } : {}),
  });
  // The config, the changed files and both trees do not depend on one another: asked for at once, they cost
  // one round trip of latency instead of four. The config still comes from the default branch only.
  const configRead = readRepositoryConfig(octokit, target.owner, target.repo, target.defaultBranch, deps.signal);
  const changedRead = source.changedFiles(target.baseSha, target.headSha);
  const treesRead = Promise.all([source.listFiles(target.baseSha), source.listFiles(target.headSha)]);
  // Whichever fails first, the others must not surface as unhandled rejections.
  for (const p of [configRead, changedRead, treesRead]) p.catch(() => undefined);
  const { config, errors } = await abortable(configRead, deps.signal);
  progress(`config read from ${target.defaultBranch}`);
  let report: SimulationReport;
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
      ...(deps.signal !== undefined ? { signal: deps.signal } : {}),
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new CheckError(describeError(e), config.blocking.errorsAtHead, { cause: e });
  }
  progress(`simulated (${source.stats.requests} GitHub request(s) for files and trees)`);
  applyConfigErrors(report, errors, config, `${CONFIG_FILE} on the default branch`);
  return report;
}

/**
 * Simulates admission of the PR's head against its base. Reads the config from the DEFAULT branch only
 * (never from the PR), and the PR's files and trees by sha from the base repository (fork commits included:
 * GitHub serves every commit of a repository network from each of its repositories).
 */
export async function runPullRequestCheck(octokit: GitHubRequester, pr: PullRequestRef, deps: { runtime: Runtime } & Partial<CheckDeps>): Promise<SimulationReport> {
  const report = await runCheck(octokit, pr, deps);
  report.base.ref = pr.baseRef;
  report.head.ref = `#${pr.pullNumber}`;
  return report;
}

/** The same check for a merge queue's group: base = the group's base sha, head = the group's head sha. */
export async function runMergeGroupCheck(octokit: GitHubRequester, group: MergeGroupRef, deps: { runtime: Runtime } & Partial<CheckDeps>): Promise<SimulationReport> {
  const report = await runCheck(octokit, group, deps);
  report.base.ref = group.baseRef.replace(/^refs\/heads\//, '');
  report.head.ref = 'merge group';
  return report;
}
