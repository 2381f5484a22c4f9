// Reading a pull request from the GitHub API, one way for every front door (the app's recheck and re-run, the
// `check-pr` command): the shas and the base ref come from GitHub's answer, never from a webhook payload alone,
// and an answer without them is an error, not a guess.
import type { PullRequestRef } from './check.ts';
import type { GitHubRequester } from './source.ts';

export interface PullRequestState {
  ref: PullRequestRef;
  open: boolean;
  author: string | undefined;
  /** The base repository's page (for links), when GitHub says. */
  htmlUrl: string | undefined;
}

/**
 * GET the PR. `defaultBranch` is the caller's when it knows it (a webhook names the repository); otherwise the
 * base repository's in the answer, or (when the answer lacks it) GET the repository.
 */
export async function readPullRequest(api: GitHubRequester, owner: string, repo: string, pullNumber: number, defaultBranch?: string): Promise<PullRequestState> {
  const res = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: pullNumber });
  const pr = record(res.data);
  const head = record(pr.head);
  const base = record(pr.base);
  const baseRepo = record(base.repo);
  const user = record(pr.user);
  if (typeof head.sha !== 'string' || typeof base.sha !== 'string' || typeof base.ref !== 'string') {
    throw new Error(`GET /repos/${owner}/${repo}/pulls/${pullNumber}: the response has no head/base sha or base ref`);
  }
  let branch = defaultBranch ?? (typeof baseRepo.default_branch === 'string' ? baseRepo.default_branch : undefined);
  let htmlUrl = typeof baseRepo.html_url === 'string' ? baseRepo.html_url : undefined;
  if (branch === undefined) {
    const r = record((await api.request('GET /repos/{owner}/{repo}', { owner, repo })).data);
    branch = typeof r.default_branch === 'string' ? r.default_branch : 'main';
    htmlUrl ??= typeof r.html_url === 'string' ? r.html_url : undefined;
  }
  return {
    ref: { owner, repo, pullNumber, baseRef: base.ref, baseSha: base.sha, headSha: head.sha, defaultBranch: branch },
    open: pr.state === 'open',
    author: typeof user.login === 'string' ? user.login : undefined,
    htmlUrl,
  };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
