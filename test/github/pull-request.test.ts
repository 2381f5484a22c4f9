// One reader of pull requests for the app and check-pr: shas and base ref from GitHub's answer, validated.
import { describe, expect, it } from 'vitest';
import { readPullRequest } from '../../src/github/pull-request.ts';
import type { GitHubRequester } from '../../src/github/source.ts';

function api(answers: Record<string, unknown>): GitHubRequester & { routes: string[] } {
  const routes: string[] = [];
  return {
    routes,
    request: (async (route: string) => {
      routes.push(route);
      if (!(route in answers)) throw new Error(`unexpected ${route}`);
      return { data: answers[route], status: 200, headers: {}, url: '' };
    }) as GitHubRequester['request'],
  };
}

const PR = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const REPO = 'GET /repos/{owner}/{repo}';

describe('readPullRequest', () => {
  it('takes the shas, base ref, state, author and the base repository default branch from the answer', async () => {
    const gh = api({ [PR]: { state: 'open', user: { login: 'dev' }, head: { sha: 'h'.repeat(40) }, base: { sha: 'b'.repeat(40), ref: 'main', repo: { default_branch: 'trunk', html_url: 'https://github.com/a/r' } } } });
    const r = await readPullRequest(gh, 'a', 'r', 7);
    expect(r).toEqual({
      ref: { owner: 'a', repo: 'r', pullNumber: 7, baseRef: 'main', baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), defaultBranch: 'trunk' },
      open: true,
      author: 'dev',
      htmlUrl: 'https://github.com/a/r',
    });
    expect(gh.routes).toEqual([PR]);
  });

  it("uses the caller's default branch when given, and asks for the repository when the answer lacks it", async () => {
    const answer = { state: 'closed', head: { sha: 'h' }, base: { sha: 'b', ref: 'release' } };
    expect((await readPullRequest(api({ [PR]: answer }), 'a', 'r', 1, 'main')).ref.defaultBranch).toBe('main');
    const gh = api({ [PR]: answer, [REPO]: { default_branch: 'dev', html_url: 'https://x/a/r' } });
    const r = await readPullRequest(gh, 'a', 'r', 1);
    expect([r.ref.defaultBranch, r.htmlUrl, r.open, r.author]).toEqual(['dev', 'https://x/a/r', false, undefined]);
    expect(gh.routes).toEqual([PR, REPO]);
  });

  it('refuses an answer without head sha, base sha or base ref', async () => {
    for (const bad of [{ head: {}, base: { sha: 'b', ref: 'main' } }, { head: { sha: 'h' }, base: { ref: 'main' } }, { head: { sha: 'h' }, base: { sha: 'b', ref: 5 } }, null, 'x']) {
      await expect(readPullRequest(api({ [PR]: bad }), 'a', 'r', 3, 'main')).rejects.toThrow(/pulls\/3: the response has no head\/base sha or base ref/);
    }
  });
});
