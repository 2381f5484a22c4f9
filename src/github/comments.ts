// What the app says on a pull request's conversation: replies to `/gatekeeper` commands, reactions to them, and
// who may run them.
import type { GitHubRequester } from './client.ts';
import { requestName, statusOf } from './errors.ts';
import { CollaboratorPermissionAnswer, parseAnswer } from './schemas.ts';

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export async function replyToIssue(gh: GitHubRequester, issue: IssueRef, body: string): Promise<void> {
  await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: issue.owner, repo: issue.repo, issue_number: issue.number, body });
}

export async function reactToComment(gh: GitHubRequester, comment: { owner: string; repo: string; commentId: number }, content: 'eyes' | 'confused'): Promise<void> {
  await gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner: comment.owner, repo: comment.repo, comment_id: comment.commentId, content });
}

/** Permissions (GitHub's `role_name`, or the legacy `permission`) that may run commands besides the PR's author. */
const ALLOWED_ROLES = new Set(['admin', 'maintain', 'write']);

export type Permission = { allowed: true; why: 'author' | string } | { allowed: false; why: string };

/**
 * Whether `login` may run commands on the PR: its author may, and so may users with write, maintain or admin
 * access to the repository (GitHub is asked; a user GitHub does not know as a collaborator may not).
 */
export async function commandPermission(gh: GitHubRequester, owner: string, repo: string, login: string, prAuthor: string | undefined): Promise<Permission> {
  if (prAuthor !== undefined && login.toLowerCase() === prAuthor.toLowerCase()) return { allowed: true, why: 'author' };
  const route = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
  const params = { owner, repo, username: login };
  let answer;
  try {
    answer = parseAnswer(CollaboratorPermissionAnswer, (await gh.request(route, params)).data, requestName(route, params));
  } catch (e) {
    if (statusOf(e) === 404) return { allowed: false, why: 'not a collaborator' };
    throw e;
  }
  const { role_name: role, permission } = answer;
  if ((role !== undefined && ALLOWED_ROLES.has(role)) || (permission !== undefined && ALLOWED_ROLES.has(permission))) {
    return { allowed: true, why: role ?? permission ?? 'write' };
  }
  return { allowed: false, why: role ?? permission ?? 'none' };
}
