// Reading a pull request from the GitHub API, one way for every front door (the app's events, recheck and
// re-run, the `check-pr` command): the shas and the base ref come from GitHub's answer, never from a webhook
// payload alone, and an answer without them is an error, not a guess.
import type { GitHubRequester } from './client.ts';
import type { PullRequestRef } from './check.ts';
import { requestName } from './errors.ts';
import { parseAnswer, PullRequestAnswer, RepositoryAnswer } from './schemas.ts';

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
  const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
  const res = await api.request(route, { owner, repo, pull_number: pullNumber });
  const pr = parseAnswer(PullRequestAnswer, res.data, requestName(route, { owner, repo, pull_number: pullNumber }));
  let branch = defaultBranch ?? pr.base.repo?.default_branch;
  let htmlUrl = pr.base.repo?.html_url;
  if (branch === undefined) {
    const repoRoute = 'GET /repos/{owner}/{repo}';
    const r = parseAnswer(RepositoryAnswer, (await api.request(repoRoute, { owner, repo })).data, requestName(repoRoute, { owner, repo }));
    branch = r.default_branch;
    htmlUrl ??= r.html_url;
  }
  return {
    ref: { owner, repo, pullNumber, baseRef: pr.base.ref, baseSha: pr.base.sha, headSha: pr.head.sha, defaultBranch: branch },
    open: pr.state === 'open',
    author: pr.user?.login,
    htmlUrl,
  };
}
