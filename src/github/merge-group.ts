// A merge queue's group as the API has it: the head is the commit its queue branch points at now, the base the
// merge base of that commit with the payload's base (GitHub builds the group on it).
import type { MergeGroupRef } from './check.ts';
import type { GitHubRequester } from './client.ts';
import { requestName } from './errors.ts';
import { readRefSha } from './listings.ts';
import { CompareAnswer, parseAnswer } from './schemas.ts';

/** The group whose queue branch is `headRef`, or undefined when the branch is gone. */
export async function readMergeGroup(gh: GitHubRequester, group: { owner: string; repo: string; headRef: string; baseRef: string; baseSha: string; defaultBranch: string }): Promise<MergeGroupRef | undefined> {
  const { owner, repo, headRef, baseSha } = group;
  const headSha = await readRefSha(gh, owner, repo, headRef);
  if (headSha === undefined) return undefined;
  const compareRoute = 'GET /repos/{owner}/{repo}/compare/{basehead}';
  const compareParams = { owner, repo, basehead: `${baseSha}...${headSha}` };
  const mergeBase = parseAnswer(CompareAnswer, (await gh.request(compareRoute, compareParams)).data, requestName(compareRoute, compareParams)).merge_base_commit.sha;
  return { owner, repo, baseRef: group.baseRef, baseSha: mergeBase, headRef, headSha, defaultBranch: group.defaultBranch };
}
