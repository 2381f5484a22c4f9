// The app end to end inside the process: real webhook payload shapes into probot.receive(), GitHub answered
// by nock from a real git repository, and the real pipeline (render, compile with opa, evaluate) in between.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/engine/runtime.ts';
import { runPullRequestCheck } from '../../src/github/check.ts';
import { HELP_TEXT } from '../../src/app/commands.ts';
import { publishCheckRun } from '../../src/github/publish.ts';
import { suiteId, type GitHubModel } from '../support/github/model.ts';
import { APP_ID, examplePayload, fakeGitHub, PRIVATE_KEY, retarget, useAppSuite, type AppSuite, type TestApp } from './helpers.ts';

const OWNER = 'acme';
/** A new repository name per test (useAppSuite). */
let REPO = 'gitops';
type Json = Record<string, unknown>;

let runtime: Runtime;
let repo: AppSuite['repo'];
let fake: GitHubModel;
let app: TestApp;

const setup = useAppSuite(OWNER, 'gitops', (s) => ({ runtime, repo, fake, app, repoName: REPO } = s));

function prPayload(action: string, number: number, headRef: string, options: { fork?: boolean; before?: string; author?: string } = {}): Json {
  const p = retarget(examplePayload('pull_request', action), OWNER, REPO);
  const pr = p.pull_request as Json;
  p.number = number;
  pr.number = number;
  pr.state = 'open';
  const head = pr.head as Json;
  const base = pr.base as Json;
  head.sha = fake.sha(headRef);
  head.ref = headRef;
  base.sha = fake.sha('main');
  base.ref = 'main';
  base.repo = structuredClone(p.repository);
  head.repo = structuredClone(p.repository);
  const author = options.author ?? (options.fork ? 'forker' : 'octocat');
  (pr.user as Json).login = author;
  if (options.fork) {
    const hr = head.repo as Json;
    hr.full_name = `forker/${REPO}`;
    hr.owner = { ...(hr.owner as Json), login: 'forker' };
    hr.fork = true;
  }
  if (options.before !== undefined) p.before = options.before;
  fake.addPull({ number, state: 'open', author, base: 'main', head: headRef, headRepo: options.fork ? `forker/${REPO}` : `${OWNER}/${REPO}` });
  return p;
}

describe('pull_request events', () => {
  it('opened: creates the run in_progress on the head sha at once, then concludes it with the real verdict', async () => {
    await app.receive('pull_request', prPayload('opened', 1, 'bad'));
    const create = fake.requests.find((r) => r.method === 'POST' && r.url.endsWith('/check-runs'));
    expect(create?.body).toMatchObject({ name: 'preadmit', head_sha: fake.sha('bad'), status: 'in_progress', external_id: 'pr/1' });
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('bad'));
    expect(run?.status).toBe('completed');
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.title).toMatch(/1 new denial/);
    expect(run?.output.summary).toContain('ConfigMap bad has no owner label');
    expect(run?.output.annotations).toEqual([
      expect.objectContaining({ path: 'apps/bad.yaml', start_line: 1, annotation_level: 'failure', message: 'ConfigMap bad has no owner label' }),
    ]);
  });

  it('a pull request that passes concludes success, with no annotations', async () => {
    await app.receive('pull_request', prPayload('opened', 2, 'good'));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('good'));
    expect(run?.conclusion).toBe('success');
    expect(run?.output.annotations).toEqual([]);
    expect(run?.output.title).toBe('No new violations');
  });

  it.each(['synchronize', 'reopened', 'ready_for_review'])('%s checks the head sha', async (action) => {
    await app.receive('pull_request', prPayload(action, 3, 'good'));
    await app.handle.idle();
    const runs = fake.runsFor(fake.sha('good'));
    expect(runs.map((r) => [r.external_id, r.conclusion])).toEqual([['pr/3', 'success']]);
  });

  it('ignores other pull_request actions and closed pull requests', async () => {
    const labeled = prPayload('labeled', 4, 'bad');
    await app.receive('pull_request', labeled);
    const closedSync = prPayload('synchronize', 4, 'bad');
    (closedSync.pull_request as Json).state = 'closed';
    await app.receive('pull_request', closedSync);
    await app.handle.idle();
    expect(fake.checkRuns.length).toBe(0);
  });

  it('reads the config from the default branch only: a PR cannot relax its own check', async () => {
    await app.receive('pull_request', prPayload('opened', 5, 'bad'));
    await app.handle.idle();
    const configReads = fake.requests.filter((r) => r.url.includes('/contents/'));
    expect(configReads.length).toBeGreaterThan(0);
    // at the commit the default branch names (the one config errors link to)
    for (const r of configReads) expect(new URL(r.url, 'https://x').searchParams.get('ref')).toBe(fake.sha('main'));
    // The head's config says newDeny: false; the check still fails.
    expect(fake.runsFor(fake.sha('bad'))[0]?.conclusion).toBe('failure');
  });

  it('a fork PR: the run is created in the base repository and every read goes to the base repository', async () => {
    await app.receive('pull_request', prPayload('opened', 6, 'bad', { fork: true }));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('bad'));
    expect(run?.conclusion).toBe('failure');
    expect(fake.foreignRequests()).toEqual([]);
    expect(fake.requests.some((r) => r.url.includes('forker'))).toBe(false);
    expect(fake.requests.some((r) => r.url.includes('/git/blobs/') || r.url.includes('/git/trees/'))).toBe(true);
  });

  it('more than 50 annotations: 50 with the completion, the rest in follow-up updates', async () => {
    await app.receive('pull_request', prPayload('opened', 7, 'many'));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('many'));
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.annotations).toHaveLength(60);
    const patches = fake.requests.filter((r) => r.method === 'PATCH' && r.url.endsWith(`/check-runs/${run?.id}`));
    const sizes = patches.map((r) => ((r.body as Json).output as { annotations?: unknown[] } | undefined)?.annotations?.length ?? 0);
    expect(sizes).toEqual([50, 10]);
    expect((patches[0]?.body as Json).conclusion).toBe('failure');
    expect((patches[1]?.body as Json).conclusion).toBeUndefined();
    expect(new Set(run?.output.annotations.map((a) => a.path))).toEqual(new Set(['apps/many.yaml']));
  });
});

describe('the queue', () => {
  it('a newer head sha supersedes the running check of the older one, which is concluded cancelled', async () => {
    app = await setup.swapApp({ queue: { concurrency: 1 } });
    await app.receive('pull_request', prPayload('opened', 10, 'bad'));
    fake.addPull({ number: 10, state: 'open', author: 'octocat', base: 'main', head: 'bad2', headRepo: `${OWNER}/${REPO}` });
    await app.receive('pull_request', prPayload('synchronize', 10, 'bad2', { before: fake.sha('bad') }));
    await app.handle.idle();
    const [old] = fake.runsFor(fake.sha('bad'));
    const [current] = fake.runsFor(fake.sha('bad2'));
    expect(old?.conclusion).toBe('cancelled');
    expect(old?.output.title).toBe('Superseded');
    expect(old?.output.summary).toContain(`Commit ${fake.sha('bad2').slice(0, 7)} replaced ${fake.sha('bad').slice(0, 7)}`);
    // The discarded result of the older run never overwrote the superseded conclusion.
    expect(old?.patches).toBe(1);
    expect(current?.conclusion).toBe('failure');
    expect(current?.output.title).toMatch(/2 new denials/);
  });

  it('a newer head sha replaces queued work of the older one in line', async () => {
    app = await setup.swapApp({ queue: { concurrency: 1 } });
    await app.receive('pull_request', prPayload('opened', 11, 'good'));
    await app.receive('pull_request', prPayload('opened', 12, 'bad'));
    fake.addPull({ number: 12, state: 'open', author: 'octocat', base: 'main', head: 'bad2', headRepo: `${OWNER}/${REPO}` });
    await app.receive('pull_request', prPayload('synchronize', 12, 'bad2'));
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good'))[0]?.conclusion).toBe('success');
    const [queued] = fake.runsFor(fake.sha('bad'));
    expect(queued?.conclusion).toBe('cancelled');
    // Replaced while waiting: its simulation never ran, so only the superseded conclusion was sent.
    expect(queued?.patches).toBe(1);
    expect(fake.runsFor(fake.sha('bad2'))[0]?.conclusion).toBe('failure');
  });

  it('a redelivered webhook (same delivery id) is ignored', async () => {
    const payload = prPayload('opened', 13, 'good');
    await app.receive('pull_request', payload, 'same-delivery');
    await app.receive('pull_request', payload, 'same-delivery');
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good'))).toHaveLength(1);
    const ignored = app.logs.join('').split('\n').filter((l) => l.includes('"delivery":"same-delivery"') && l.includes('delivery already handled'));
    expect(ignored).toHaveLength(1);
  });

  it('a delivery that failed is handled again when GitHub redelivers it', async () => {
    const payload = prPayload('opened', 14, 'good');
    fake.failNext('POST', /\/check-runs$/, 1, 422, { message: 'Unprocessable' });
    await app.receive('pull_request', payload, 'retry-me');
    expect(app.handle.takeFailure('retry-me')).toMatch(/422/);
    expect(app.handle.takeFailure('retry-me')).toBeUndefined(); // asked once
    expect(fake.checkRuns.length).toBe(0);
    await app.receive('pull_request', payload, 'retry-me');
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good')).map((r) => r.conclusion)).toEqual(['success']);
  });

  it('closing the app concludes queued and running checks: none is left in_progress', async () => {
    app = await setup.swapApp({ queue: { concurrency: 1 } });
    await app.receive('pull_request', prPayload('opened', 15, 'bad'));
    await app.receive('pull_request', prPayload('opened', 16, 'good'));
    await app.handle.close(0);
    const runs = fake.checkRuns;
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(r.status).toBe('completed');
    expect(runs.map((r) => r.conclusion)).toEqual(['cancelled', 'cancelled']);
    expect(runs.map((r) => r.output.title)).toEqual(['Interrupted by a restart', 'Interrupted by a restart']);
    await app.handle.queue.settled(); // the interrupted simulation finishes in the background...
    expect(fake.checkRuns.map((r) => r.patches)).toEqual([1, 1]); // ...and publishes nothing
  });

  it('restart recovery: runs of ours left in_progress on the head and previous head are concluded; other apps\' runs are not', async () => {
    const staleHead = fake.addRun({ head_sha: fake.sha('bad2'), external_id: 'pr/17' });
    const staleBefore = fake.addRun({ head_sha: fake.sha('bad'), external_id: 'pr/17' });
    const otherApp = fake.addRun({ head_sha: fake.sha('bad2'), appId: 999 });
    fake.addPull({ number: 17, state: 'open', author: 'octocat', base: 'main', head: 'bad2', headRepo: `${OWNER}/${REPO}` });
    await app.receive('pull_request', prPayload('synchronize', 17, 'bad2', { before: fake.sha('bad') }));
    await app.handle.idle();
    expect(staleHead.conclusion).toBe('cancelled');
    expect(staleBefore.conclusion).toBe('cancelled');
    expect(staleHead.output.summary).toContain('left in progress by a preadmit process that stopped');
    expect(otherApp.status).toBe('in_progress');
    const current = fake.runsFor(fake.sha('bad2')).find((r) => r.id > otherApp.id);
    expect(current?.conclusion).toBe('failure');
  });
});

function commentPayload(body: string, options: { login?: string; number?: number; bot?: boolean; viaApp?: number; onIssue?: boolean } = {}): Json {
  const p = retarget(examplePayload('issue_comment', 'created'), OWNER, REPO);
  const issue = p.issue as Json;
  const number = options.number ?? 20;
  issue.number = number;
  issue.user = { ...(issue.user as Json), login: 'octocat' };
  if (options.onIssue) delete issue.pull_request;
  else issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}` };
  const comment = p.comment as Json;
  comment.body = body;
  comment.id = 5555;
  comment.user = { ...(comment.user as Json), login: options.login ?? 'octocat', type: options.bot ? 'Bot' : 'User' };
  comment.performed_via_github_app = options.viaApp !== undefined ? { id: options.viaApp, slug: 'preadmit' } : null;
  p.sender = { ...(p.sender as Json), login: options.login ?? 'octocat', type: options.bot ? 'Bot' : 'User' };
  fake.addPull({ number, state: 'open', author: 'octocat', base: 'main', head: 'bad', headRepo: `${OWNER}/${REPO}` });
  return p;
}

describe('/gatekeeper commands', () => {
  it('recheck from the author: 👀, a new run on the current head, a reply linking to it', async () => {
    await app.receive('issue_comment', commentPayload('/gatekeeper recheck'));
    await app.handle.idle();
    expect(fake.reactions).toMatchObject([{ commentId: 5555, content: 'eyes' }]);
    const [run] = fake.runsFor(fake.sha('bad'));
    expect(run?.conclusion).toBe('failure');
    expect(fake.comments).toMatchObject([{ issue: 20, body: `Rechecking ${fake.sha('bad').slice(0, 7)}: [preadmit check run](${run?.html_url}).` }]);
    // The author needs no permission lookup.
    expect(fake.requests.some((r) => r.url.includes('/collaborators/'))).toBe(false);
  });

  it.each(['write', 'maintain', 'admin'])('recheck from a user with %s access is accepted', async (role) => {
    fake.setPermission('reviewer', role);
    await app.receive('issue_comment', commentPayload('please look again\n/gatekeeper recheck', { login: 'reviewer' }));
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('bad'))).toHaveLength(1);
    expect(fake.reactions).toHaveLength(1);
  });

  it.each([['read'], ['triage'], [undefined]])('recheck from a user with %s access gets a short refusal and nothing runs', async (role) => {
    if (role !== undefined) fake.setPermission('visitor', role);
    await app.receive('issue_comment', commentPayload('/gatekeeper recheck', { login: 'visitor' }));
    await app.handle.idle();
    expect(fake.checkRuns.length).toBe(0);
    expect(fake.reactions).toEqual([]);
    expect(fake.comments).toMatchObject([{ issue: 20, body: "@visitor `/gatekeeper` commands can be run by the pull request's author and by users with write access to this repository." }]);
    expect(fake.requests.some((r) => r.url.endsWith('/collaborators/visitor/permission'))).toBe(true);
  });

  it('help lists the commands', async () => {
    await app.receive('issue_comment', commentPayload('/gatekeeper help'));
    expect(fake.reactions).toMatchObject([{ commentId: 5555, content: 'eyes' }]);
    expect(fake.comments).toMatchObject([{ issue: 20, body: HELP_TEXT }]);
    expect(fake.checkRuns.length).toBe(0);
  });

  it('an unknown command is answered with the help', async () => {
    await app.receive('issue_comment', commentPayload('/gatekeeper approve'));
    expect(fake.comments[0]?.body).toMatch(/^Unknown command `\/gatekeeper approve`/);
    expect(fake.comments[0]?.body).toContain(HELP_TEXT);
  });

  it.each([
    ['a bot', { bot: true }],
    ['our own app', { viaApp: APP_ID }],
    ['a comment on an issue, not a PR', { onIssue: true }],
  ])('ignores %s', async (_what, options) => {
    await app.receive('issue_comment', commentPayload('/gatekeeper recheck', options));
    await app.handle.idle();
    expect(fake.requests.filter((r) => !r.url.includes('access_tokens'))).toEqual([]);
  });

  it('ignores comments without a command, quoted commands and commands in code blocks', async () => {
    for (const body of ['LGTM', '> /gatekeeper recheck\nno', '```\n/gatekeeper recheck\n```', '/gatekeeperrecheck']) {
      await app.receive('issue_comment', commentPayload(body));
    }
    expect(fake.requests.filter((r) => !r.url.includes('access_tokens'))).toEqual([]);
  });
});

describe('re-run requests and merge queues', () => {
  function checkRunPayload(runId: number, external: string, appId: number, headSha: string): Json {
    const p = retarget(examplePayload('check_run', 'rerequested'), OWNER, REPO);
    const cr = p.check_run as Json;
    cr.id = runId;
    cr.name = 'preadmit';
    cr.external_id = external;
    cr.head_sha = headSha;
    cr.app = { ...(cr.app as Json), id: appId };
    cr.pull_requests = []; // as for a fork PR: GitHub lists none
    return p;
  }

  it('check_run.rerequested of our run re-checks the PR its external_id names', async () => {
    fake.addPull({ number: 30, state: 'open', author: 'forker', base: 'main', head: 'bad', headRepo: `forker/${REPO}` });
    const old = fake.addRun({ head_sha: fake.sha('bad'), external_id: 'pr/30', status: 'completed', conclusion: 'failure' });
    await app.receive('check_run', checkRunPayload(old.id, 'pr/30', APP_ID, fake.sha('bad')));
    await app.handle.idle();
    const fresh = fake.runsFor(fake.sha('bad')).filter((r) => r.id !== old.id);
    expect(fresh.map((r) => [r.external_id, r.conclusion])).toEqual([['pr/30', 'failure']]);
  });

  it("check_run.rerequested of another app's run is ignored", async () => {
    await app.receive('check_run', checkRunPayload(1, 'pr/30', 12345, fake.sha('bad')));
    expect(fake.requests.filter((r) => !r.url.includes('access_tokens'))).toEqual([]);
  });

  it('check_suite.rerequested of our suite finds the PR through our run in the suite (fork: no PR listed)', async () => {
    fake.addPull({ number: 31, state: 'open', author: 'forker', base: 'main', head: 'good', headRepo: `forker/${REPO}` });
    fake.addRun({ head_sha: fake.sha('good'), external_id: 'pr/31', status: 'completed', conclusion: 'cancelled' });
    const p = retarget(examplePayload('check_suite', 'rerequested'), OWNER, REPO);
    const suite = p.check_suite as Json;
    suite.id = suiteId(fake.sha('good'), APP_ID);
    suite.head_sha = fake.sha('good');
    suite.pull_requests = [];
    suite.app = { ...(suite.app as Json), id: APP_ID };
    await app.receive('check_suite', p);
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good')).map((r) => r.conclusion)).toEqual(['cancelled', 'success']);
  });

  it("check_suite.rerequested of another app's suite is ignored", async () => {
    const p = retarget(examplePayload('check_suite', 'rerequested'), OWNER, REPO);
    await app.receive('check_suite', p); // the example's app id (29310) is not ours
    expect(fake.requests.filter((r) => !r.url.includes('access_tokens'))).toEqual([]);
  });

  it("merge_group.checks_requested checks the group's head against its base sha; a re-run does it again", async () => {
    const p = retarget(examplePayload('merge_group', 'checks_requested'), OWNER, REPO);
    const g = p.merge_group as Json;
    g.head_sha = fake.sha('bad');
    g.base_sha = fake.sha('main');
    // The shas checked come from the API: the queue branch and the compare of base and head.
    fake.setRef(String(g.head_ref), fake.sha('bad'));
    await app.receive('merge_group', p);
    expect(fake.requests.some((r) => r.url.includes(`/compare/${fake.sha('main')}...${fake.sha('bad')}`))).toBe(true);
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('bad'));
    expect(run?.external_id).toBe(`mg/${fake.sha('main')}`);
    expect(run?.conclusion).toBe('failure');
    // No pull request is involved: changes come from the two trees.
    expect(fake.requests.some((r) => r.url.includes('/pulls/'))).toBe(false);
    await app.receive('check_run', checkRunPayload(run?.id ?? 0, `mg/${fake.sha('main')}`, APP_ID, fake.sha('bad')));
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('bad')).map((r) => r.conclusion)).toEqual(['failure', 'failure']);
  });
});

describe('failures of GitHub and of the check', () => {
  it('a secondary rate limit (403 or 429 with retry-after) is waited out and the request retried', async () => {
    const waits: number[] = [];
    app = await setup.swapApp({ github: { sleep: async (ms) => void waits.push(ms) } });
    fake.failNext('POST', /\/check-runs$/, 1, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { headers: { 'retry-after': '7' } });
    fake.failNext('PATCH', /\/check-runs\/\d+$/, 1, 429, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { headers: { 'retry-after': '2' } });
    await app.receive('pull_request', prPayload('opened', 40, 'good'));
    await app.handle.idle();
    expect(waits).toEqual([7000, 2000]);
    expect(fake.runsFor(fake.sha('good')).map((r) => r.conclusion)).toEqual(['success']);
  });

  it('a GitHub 5xx when completing: a minimal completion is sent, the run is never left in_progress', async () => {
    fake.failNext('PATCH', /\/check-runs\/\d+$/, 1, 502, { message: 'Server Error' });
    await app.receive('pull_request', prPayload('opened', 41, 'bad'));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('bad'));
    expect(run?.status).toBe('completed');
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.summary).toContain('could not publish the full result');
  });

  it('a GitHub 5xx while reading the PR fails closed with a readable explanation', async () => {
    fake.failNext('GET', /\/git\/trees\//, 50, 503, { message: 'Service Unavailable' });
    await app.receive('pull_request', prPayload('opened', 42, 'good'));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('good'));
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.title).toBe('preadmit could not check this commit (fail closed)');
    expect(run?.output.summary).toMatch(/git\/trees\/[0-9a-f]{40}\?recursive=1 failed with HTTP 503/);
    expect(run?.output.summary).toContain('/gatekeeper recheck');
  });

  // Answers that do not have the documented shape, at every read of the check: each becomes the run's
  // fail-closed conclusion naming the request and the field, never a crash or a run left in_progress.
  it.each([
    ['the recursive tree', /\/git\/trees\//, { sha: 'f'.repeat(40), tree: 'not a list' }, /git\/trees\/[0-9a-f]{40}\?recursive=1: GitHub's answer is not what its API documents: tree:/],
    ['a tree entry', /\/git\/trees\//, { sha: 'f'.repeat(40), tree: [{ path: 7, mode: '100644', type: 'blob', sha: 'a'.repeat(40) }] }, /git\/trees\/[0-9a-f]{40}\?recursive=1: GitHub's answer is not what its API documents: tree\.0\.path:/],
    ['the files list', /\/pulls\/\d+\/files/, { files: [] }, /pulls\/\d+\/files\?per_page=100&page=1: GitHub's answer is not what its API documents: the answer:/],
    ['the default branch commit', /\/commits\/main$/, { sha: 'main' }, /commits\/main: GitHub's answer is not what its API documents: sha: expected a 40-hex sha/],
    ['the config file', /\/contents\/\.github/, { type: 'file', content: 12 }, /contents\/\.github%2Fpreadmit\.yml\?ref=[0-9a-f]{40}: GitHub's answer is not what its API documents: /],
  ])('a malformed answer for %s concludes the run failure, naming the request and the field', async (_what, path, body, message) => {
    fake.failNext('GET', path, 1, 200, body);
    await app.receive('pull_request', prPayload('opened', 44, 'good'));
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('good'));
    expect(run?.status).toBe('completed');
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.title).toBe('preadmit could not check this commit (fail closed)');
    expect(run?.output.summary).toMatch(message);
  });

  it('a malformed pull request or check run answer fails the delivery (GitHub can redeliver it) and leaves no run behind', async () => {
    fake.failNext('GET', /\/pulls\/45$/, 1, 200, { state: 'open', head: { sha: 'nope' }, base: { sha: fake.sha('main'), ref: 'main' } });
    await app.receive('pull_request', prPayload('opened', 45, 'good'), 'bad-pr-answer');
    expect(app.handle.takeFailure('bad-pr-answer')).toMatch(/pulls\/45: GitHub's answer is not what its API documents: head\.sha: expected a 40-hex sha/);
    fake.failNext('POST', /\/check-runs$/, 1, 201, { html_url: 'https://github.com/x' });
    await app.receive('pull_request', prPayload('opened', 46, 'good'), 'bad-run-answer');
    expect(app.handle.takeFailure('bad-run-answer')).toMatch(/POST \/repos\/acme\/[\w-]+\/check-runs: GitHub's answer is not what its API documents: id:/);
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good'))).toEqual([]);
    // Redelivered once GitHub answers properly: handled, and the run concluded.
    await app.receive('pull_request', prPayload('opened', 46, 'good'), 'bad-run-answer');
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('good')).map((r) => r.conclusion)).toEqual(['success']);
  });

  it('an oversized report is cut to GitHub\'s summary limit and keeps every annotation', async () => {
    fake.addPull({ number: 43, state: 'open', author: 'octocat', base: 'main', head: 'many', headRepo: `${OWNER}/${REPO}` });
    const pr = { owner: OWNER, repo: REPO, pullNumber: 43, baseRef: 'main', baseSha: fake.sha('main'), headSha: fake.sha('many'), defaultBranch: 'main' };
    const report = await runPullRequestCheck(app.probot.auth ? await app.probot.auth(77) : fail(), pr, { runtime });
    for (const f of report.clusters[0]?.findings ?? []) f.message = `${f.message} ${'x'.repeat(4000)}`;
    const run = fake.addRun({ head_sha: pr.headSha });
    await publishCheckRun(await app.probot.auth(77), { owner: OWNER, repo: REPO, checkRunId: run.id }, { report });
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary?.length).toBeGreaterThan(30_000);
    expect(run.output.summary?.length).toBeLessThanOrEqual(65_535);
    expect(run.output.annotations).toHaveLength(60);
  });

  it('errors in the default branch config fail closed', async () => {
    nock.cleanAll();
    fake = fakeGitHub(repo.dir, OWNER, REPO, { defaultBranch: 'broken-config' });
    const p = prPayload('opened', 44, 'good');
    (p.repository as Json).default_branch = 'broken-config';
    await app.receive('pull_request', p);
    await app.handle.idle();
    const [run] = fake.runsFor(fake.sha('good'));
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.summary).toContain('error(s) in .github/preadmit.yml on the default branch (fail closed)');
    // The config error links to the default-branch commit the config was read at, never to the PR's base.
    const configSha = fake.sha('broken-config');
    expect(configSha).not.toBe(fake.sha('main'));
    expect(run?.output.summary).toContain(`/blob/${configSha}/.github/preadmit.yml#L`);
    expect(run?.output.summary).not.toContain(`/blob/${fake.sha('main')}/.github/preadmit.yml`);
  });

  it('logs name deliveries and runs but never a token, the key or the webhook secret', async () => {
    await app.receive('pull_request', prPayload('opened', 45, 'bad'));
    await app.receive('issue_comment', commentPayload('/gatekeeper recheck', { number: 45 }));
    await app.handle.idle();
    const text = app.logs.join('');
    expect(text).toContain('check run');
    expect(fake.tokens.length).toBeGreaterThan(0);
    for (const t of fake.tokens) expect(text).not.toContain(t);
    expect(text).not.toContain(PRIVATE_KEY.split('\n')[1]);
    expect(text).not.toMatch(/ghs_/);
  });
});

function fail(): never {
  throw new Error('unreachable');
}
