// One reader of pull requests for the app and check-pr: shas and base ref from GitHub's answer, validated.
import { describe, expect, it } from 'vitest';
import { readPullRequest } from '../../src/github/pull-request.ts';
import type { GitHubRequester } from '../../src/github/client.ts';

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
    const gh = api({ [PR]: { state: 'open', user: { login: 'dev' }, head: { sha: 'c'.repeat(40) }, base: { sha: 'd'.repeat(40), ref: 'main', repo: { default_branch: 'trunk', html_url: 'https://github.com/a/r' } } } });
    const r = await readPullRequest(gh, 'a', 'r', 7);
    expect(r).toEqual({
      ref: { owner: 'a', repo: 'r', pullNumber: 7, baseRef: 'main', baseSha: 'd'.repeat(40), headSha: 'c'.repeat(40), defaultBranch: 'trunk' },
      open: true,
      author: 'dev',
      htmlUrl: 'https://github.com/a/r',
    });
    expect(gh.routes).toEqual([PR]);
  });

  it("uses the caller's default branch when given, and asks for the repository when the answer lacks it", async () => {
    const answer = { state: 'closed', head: { sha: 'c'.repeat(40) }, base: { sha: 'd'.repeat(40), ref: 'release' } };
    expect((await readPullRequest(api({ [PR]: answer }), 'a', 'r', 1, 'main')).ref.defaultBranch).toBe('main');
    const gh = api({ [PR]: answer, [REPO]: { default_branch: 'dev', html_url: 'https://x/a/r' } });
    const r = await readPullRequest(gh, 'a', 'r', 1);
    expect([r.ref.defaultBranch, r.htmlUrl, r.open, r.author]).toEqual(['dev', 'https://x/a/r', false, undefined]);
    expect(gh.routes).toEqual([PR, REPO]);
  });

  it('refuses an answer without head sha, base sha or base ref, naming the request and the field', async () => {
    const h = 'c'.repeat(40);
    const b = 'd'.repeat(40);
    const cases: [unknown, RegExp][] = [
      [{ state: 'open', head: {}, base: { sha: b, ref: 'main' } }, /head\.sha/],
      [{ state: 'open', head: { sha: h }, base: { ref: 'main' } }, /base\.sha/],
      [{ state: 'open', head: { sha: h }, base: { sha: b, ref: 5 } }, /base\.ref/],
      [{ state: 'open', head: { sha: 'h' }, base: { sha: b, ref: 'main' } }, /head\.sha: expected a 40-hex sha/],
      [{ head: { sha: h }, base: { sha: b, ref: 'main' } }, /state/],
      [null, /the answer/],
      ['x', /the answer/],
    ];
    for (const [bad, field] of cases) {
      const read = readPullRequest(api({ [PR]: bad }), 'a', 'r', 3, 'main');
      await expect(read).rejects.toThrow(/^GET \/repos\/a\/r\/pulls\/3: GitHub's answer is not what its API documents: /);
      await expect(read).rejects.toThrow(field);
    }
  });

  it('refuses a repository answer without a default branch instead of guessing one', async () => {
    const answer = { state: 'open', head: { sha: 'c'.repeat(40) }, base: { sha: 'd'.repeat(40), ref: 'main' } };
    await expect(readPullRequest(api({ [PR]: answer, [REPO]: { html_url: 'https://x/a/r' } }), 'a', 'r', 4)).rejects.toThrow(/GET \/repos\/a\/r: .*default_branch/);
  });
});
