// Restart recovery against the nock GitHub (a real git repository behind it) and the real pipeline: runs an
// earlier process left unfinished are concluded "Interrupted" and checked again; nothing else is touched.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/engine/runtime.ts';
import { interruptedCompletion, recoverySummaryFields } from '../../src/app/recovery.ts';
import { startServer } from '../../src/app/server.ts';
import type { CheckRun, GitHubModel } from '../support/github/model.ts';
import { APP_ID, examplePayload, fakeGitHub, logged, makeApp, PRIVATE_KEY, retarget, useAppSuite, type AppSuite, type TestApp } from './helpers.ts';

const OWNER = 'acme';
/** A new repository name per test (useAppSuite). */
let REPO = 'recover';
type Json = Record<string, unknown>;

let runtime: Runtime;
let repo: AppSuite['repo'];
let fake: GitHubModel;
let app: TestApp;

useAppSuite(OWNER, 'recover', (s) => ({ runtime, repo, fake, app, repoName: REPO } = s));

function openPr(number: number, headRef: string): void {
  fake.addPull({ number, state: 'open', author: 'octocat', base: 'main', head: headRef, headRepo: `${OWNER}/${REPO}` });
}

/** A `pull_request.opened` delivery for PR `number` from `headRef` into main. */
function openedPayload(number: number, headRef: string): Json {
  const p = retarget(examplePayload('pull_request', 'opened'), OWNER, REPO);
  const pr = p.pull_request as Json;
  pr.number = number;
  pr.state = 'open';
  Object.assign(pr.head as Json, { sha: fake.sha(headRef), ref: headRef });
  Object.assign(pr.base as Json, { sha: fake.sha('main'), ref: 'main' });
  return p;
}

/** A run an earlier process of this app left unfinished. */
function stuckRun(headRef: string, number: number, status = 'in_progress'): CheckRun {
  return fake.addRun({ head_sha: fake.sha(headRef), status, external_id: `pr/${number}`, output: { title: 'Simulating Gatekeeper admission…' } });
}

function runsOf(headRef: string, except: CheckRun[]): CheckRun[] {
  return fake.runsFor(fake.sha(headRef)).filter((r) => !except.includes(r));
}

function requested(method: string, pattern: RegExp): string[] {
  return fake.requests.filter((r) => r.method === method && pattern.test(r.url)).map((r) => r.url);
}

describe('restart recovery', () => {
  it('concludes a stuck run on an open PR as cancelled "Interrupted" and checks the PR again with the real pipeline', async () => {
    openPr(1, 'bad');
    const stuck = stuckRun('bad', 1);
    const summary = await app.handle.recover();
    await app.handle.idle();

    const [fresh, ...more] = runsOf('bad', [stuck]);
    expect(more).toEqual([]);
    expect(fresh).toMatchObject({ external_id: 'pr/1', status: 'completed', conclusion: 'failure' });
    expect(fresh?.output.summary).toContain('ConfigMap bad has no owner label');
    expect(fresh?.output.annotations).toEqual([expect.objectContaining({ path: 'apps/bad.yaml', message: 'ConfigMap bad has no owner label' })]);

    expect(stuck.status).toBe('completed');
    expect(stuck.conclusion).toBe('cancelled');
    expect(stuck.output.title).toBe('Interrupted');
    expect(stuck.output.summary).toContain('preadmit restarted');
    expect(stuck.output.summary).toContain(`check run ${fresh?.id}`);
    expect(stuck.output.summary).toContain(fake.sha('bad').slice(0, 7));
    // Concluded once, by recovery (the new check's stale-run lookup left it alone).
    expect(stuck.patches).toBe(1);

    expect(summary).toMatchObject({ installations: 1, repositories: 1, pullRequests: 1, mergeGroups: 0, stuck: 1, missing: 0, concluded: 1, rechecks: 1, errors: 0, capped: false, aborted: false });
    // The installations are listed with the app's JWT, everything else with the installation token.
    const listing = fake.requests.find((r) => r.url.startsWith('/app/installations?'));
    expect(listing?.headers.authorization).toMatch(/^bearer eyJ/i);
    const repos = fake.requests.find((r) => r.url.startsWith('/installation/repositories'));
    expect(repos?.headers.authorization).toMatch(/^token ghs_/i);
    // Runs are asked for by this app's id and the check's name, in progress and queued.
    const asked = requested('GET', /\/commits\/[0-9a-f]{40}\/check-runs\?/).map((p) => Object.fromEntries(new URL(p, 'https://x').searchParams));
    expect(asked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ app_id: String(APP_ID), check_name: 'preadmit', status: 'in_progress' }),
        expect.objectContaining({ app_id: String(APP_ID), check_name: 'preadmit', status: 'queued' }),
      ]),
    );
    expect(logged(app, 'recovery done')).toEqual([expect.objectContaining({ installations: 1, repositories: 1, pullRequests: 1, mergeGroups: 0, stuck: 1, concluded: 1, missing: 0, rechecks: 1, errors: 0 })]);
    expect(logged(app, 'recovery concluded an interrupted run')).toEqual([expect.objectContaining({ run: stuck.id, status: 'in_progress', replacement: fresh?.id })]);
  });

  it('a queued run is recovered too; finished runs, runs of another app and runs of other checks are not touched', async () => {
    openPr(2, 'good');
    const queued = stuckRun('good', 2, 'queued');
    const finished = fake.addRun({ head_sha: fake.sha('good'), status: 'completed', conclusion: 'success', external_id: 'pr/2', output: { title: 'No new violations' } });
    const otherApp = fake.addRun({ head_sha: fake.sha('good'), appId: APP_ID + 1, external_id: 'pr/2' });
    const otherName = fake.addRun({ head_sha: fake.sha('good'), name: 'lint', external_id: 'pr/2' });
    // A server that ignores the filters: the app checks them again.
    fake.failNext('GET', /\/check-runs\?.*status=in_progress/, 1, 200, { total_count: 3, check_runs: [otherApp, otherName, finished].map((r) => fake.checkRunJson(r)) });
    const summary = await app.handle.recover();
    await app.handle.idle();

    expect(queued).toMatchObject({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted' }) });
    for (const r of [finished, otherApp, otherName]) expect(r.patches).toBe(0);
    expect(finished).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(otherApp.status).toBe('in_progress');
    expect(otherName.status).toBe('in_progress');
    const fresh = runsOf('good', [queued, finished, otherApp, otherName]);
    expect(fresh.map((r) => [r.external_id, r.conclusion])).toEqual([['pr/2', 'success']]);
    expect(summary).toMatchObject({ stuck: 1, concluded: 1, rechecks: 1, errors: 0 });
  });

  it('leaves the runs this process created alone (a check that started from a webhook before recovery ran)', async () => {
    openPr(3, 'bad');
    await app.receive('pull_request', openedPayload(3, 'bad'));
    const [own] = fake.runsFor(fake.sha('bad'));
    const summary = await app.handle.recover();
    await app.handle.idle();
    expect(fake.runsFor(fake.sha('bad'))).toHaveLength(1);
    expect(own).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(own?.output.title).not.toBe('Interrupted');
    expect(summary).toMatchObject({ pullRequests: 1, stuck: 0, concluded: 0, rechecks: 0 });
  });

  it('a 5xx while scanning is logged and counted; the scan goes on and the app keeps serving', async () => {
    // A second installation holds the repository; the first one's listing fails.
    fake.installations.push({ id: 78, account: 'acme-too' });
    fake.repo().installationId = 78;
    openPr(4, 'bad');
    openPr(5, 'good');
    const stuck4 = stuckRun('bad', 4);
    const stuck5 = stuckRun('good', 5);
    // The first installation's repository listing fails; PR 5's runs cannot be listed (both statuses asked, one fails).
    fake.failNext('GET', /^\/installation\/repositories/, 1, 500, { message: 'Server Error' });
    fake.failNext('GET', new RegExp(`/commits/${fake.sha('good')}/check-runs\\?`), 1, 502, { message: 'Bad Gateway' });
    const summary = await app.handle.recover();
    await app.handle.idle();

    expect(summary).toMatchObject({ installations: 2, repositories: 1, pullRequests: 2, stuck: 1, concluded: 1, rechecks: 1, errors: 2 });
    expect(stuck4).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(stuck5.status).toBe('in_progress'); // unknown this time; the next start (or the PR's next check) gets it
    const failed = logged(app, 'recovery step failed');
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 40, step: 'list repositories', installation: 77, account: 'acme', err: 'http_500' }),
        expect.objectContaining({ level: 40, step: 'list check runs', head: `${OWNER}/${REPO}#5`, sha: fake.sha('good'), err: 'http_502', error: expect.stringContaining('502') }),
      ]),
    );
    expect(app.logs.join('')).not.toMatch(/ghs_[A-Za-z0-9]{16,}/);

    // The app is fine: a webhook afterwards is handled as always, and it concludes the run left over.
    const delivery = openedPayload(5, 'good');
    (delivery.installation as Json).id = 78;
    await app.receive('pull_request', delivery);
    await app.handle.idle();
    expect(runsOf('good', [stuck5]).map((r) => r.conclusion)).toEqual(['success']);
    expect(stuck5).toMatchObject({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Superseded' }) });
  });

  it('listing the installations failing is logged; nothing is thrown', async () => {
    fake.failNext('GET', /^\/app\/installations/, 1, 503, { message: 'Service Unavailable' });
    const summary = await app.handle.recover();
    expect(summary).toMatchObject({ installations: 0, errors: 1 });
    expect(logged(app, 'recovery step failed')).toEqual([expect.objectContaining({ step: 'list installations', err: 'http_503' })]);
  });

  it('respects the cap on pull requests and on repositories', async () => {
    const heads = { 6: 'good', 7: 'bad', 8: 'bad2' } as const;
    for (const [n, ref] of Object.entries(heads)) openPr(Number(n), ref);
    const runs = Object.entries(heads).map(([n, ref]) => stuckRun(ref, Number(n)));
    const summary = await app.handle.recover({ maxPrs: 2 });
    await app.handle.idle();
    expect(summary).toMatchObject({ pullRequests: 2, capped: true });
    // The PRs are listed most recently updated first; the fake lists by number, newest first: 8 and 7.
    expect(runs.map((r) => r.conclusion)).toEqual([null, 'cancelled', 'cancelled']);
    expect(runs[0]?.patches).toBe(0);
    expect(requested('GET', /\/pulls\?/).every((p) => /per_page=100/.test(p) && /state=open/.test(p))).toBe(true);
    expect(logged(app, 'recovery done').at(-1)).toMatchObject({ capped: true, maxPrs: 2 });

    for (const name of ['second', 'third']) fake.addRepo({ ...fake.repo(), name, pulls: [] });
    const byRepo = await app.handle.recover({ maxRepos: 2 });
    expect(byRepo).toMatchObject({ repositories: 2, capped: true });
    expect(requested('GET', /\/repos\/acme\/third\//)).toEqual([]);
    expect(requested('GET', /\/repos\/acme\/second\/pulls\?/)).toHaveLength(1);
  });

  it('merge groups: a stuck run is concluded and the group checked again while it exists, else only concluded', async () => {
    const base = fake.sha('main');
    const queueRef = `refs/heads/gh-readonly-queue/main/pr-9-${fake.sha('bad')}`;
    fake.setRef(queueRef, fake.sha('bad'));
    const stuck = fake.addRun({ head_sha: fake.sha('bad'), external_id: `mg/${base}` });
    const summary = await app.handle.recover();
    await app.handle.idle();
    expect(summary).toMatchObject({ mergeGroups: 1, stuck: 1, concluded: 1, rechecks: 1 });
    expect(stuck).toMatchObject({ conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted' }) });
    const [fresh] = runsOf('bad', [stuck]);
    expect(fresh).toMatchObject({ external_id: `mg/${base}`, status: 'completed', conclusion: 'failure' });
    expect(fresh?.output.summary).toContain('ConfigMap bad has no owner label');

    // The group is removed between the listing and the recheck: the run is only concluded.
    const gone = fake.addRun({ head_sha: fake.sha('bad'), external_id: `mg/${base}` });
    fake.failNext('GET', /\/git\/ref\/heads(\/|%2F)gh-readonly-queue/, 1, 404, { message: 'Not Found' });
    const second = await app.handle.recover();
    await app.handle.idle();
    expect(second).toMatchObject({ stuck: 1, concluded: 1, rechecks: 0, errors: 0 });
    expect(gone).toMatchObject({ conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted' }) });
    expect(gone.output.summary).toContain('the merge group no longer exists');
    expect(runsOf('bad', [stuck, gone, fresh as CheckRun])).toEqual([]);
  });

  it('close() stops a recovery in progress', async () => {
    openPr(10, 'good');
    const stuck = stuckRun('good', 10);
    fake.failNext('GET', /^\/installation\/repositories/, 1, 403, { message: 'secondary rate limit' }, { headers: { 'retry-after': '1' } });
    let release: () => void = () => undefined;
    const slept = new Promise<void>((r) => (release = r));
    await app.handle.close();
    const late = await makeApp(runtime, { github: { sleep: () => slept } });
    const recovering = late.handle.recover();
    while (!fake.requests.some((r) => r.url.startsWith('/installation/repositories'))) await new Promise((r) => setTimeout(r, 10));
    const closed = late.handle.close();
    release();
    await closed;
    const summary = await recovering;
    expect(summary.aborted).toBe(true);
    expect(summary.errors).toBe(0);
    expect(stuck.status).toBe('in_progress');
  });
});

describe('completion text and summary line', () => {
  it('names the replacement run, or says why there is none', () => {
    const started = interruptedCompletion({ started: { id: 12, htmlUrl: 'https://github.com/acme/x/runs/12', sha: 'a'.repeat(40), what: 'pull request #3' } });
    expect(started).toMatchObject({ conclusion: 'cancelled', title: 'Interrupted' });
    expect(started.summary).toContain('[check run 12](https://github.com/acme/x/runs/12)');
    expect(started.summary).toContain('`aaaaaaa`');
    expect(interruptedCompletion({ failed: 'HTTP 500: boom' }).summary).toContain('/gatekeeper recheck');
    expect(interruptedCompletion({ gone: 'the merge group no longer exists.' }).summary).toContain('No new run was started: the merge group no longer exists.');
    const summary = { installations: 1, repositories: 2, pullRequests: 3, mergeGroups: 0, stuck: 1, missing: 1, concluded: 1, rechecks: 2, errors: 0, capped: false, aborted: false };
    expect(recoverySummaryFields(summary)).toEqual(summary);
    expect(recoverySummaryFields({ ...summary, capped: true }, { maxPrs: 7 })).toEqual({ ...summary, capped: true, maxPrs: 7, maxRepos: 500 });
  });
});

describe('the server', () => {
  it('runs recovery after it listens, and not at all with PREADMIT_RECOVERY=off', async () => {
    nock.cleanAll();
    nock.enableNetConnect('127.0.0.1');
    const ghe = fakeGitHub(repo.dir, OWNER, 'served-recovery', { apiUrl: 'http://github.test/api/v3' });
    ghe.addPull({ number: 1, state: 'open', author: 'octocat', base: 'main', head: 'good', headRepo: `${OWNER}/served-recovery` });
    const stuck = ghe.addRun({ head_sha: ghe.sha('good'), external_id: 'pr/1' });
    const env: NodeJS.ProcessEnv = { APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: 'a-webhook-secret-for-tests-only', GHE_HOST: 'github.test', GHE_PROTOCOL: 'http', LOG_LEVEL: 'fatal', PREADMIT_GITHUB_THROTTLE: 'false' };

    const off = await startServer({ port: 0, env: { ...env, PREADMIT_RECOVERY: 'off' } });
    try {
      expect(off.recovery).toBeUndefined();
      expect(await (await fetch(`${off.url}/ping`)).text()).toBe('PONG');
    } finally {
      await off.close();
    }
    expect(ghe.requests).toEqual([]);

    const on = await startServer({ port: 0, env: { ...env, PREADMIT_RECOVERY_MAX_PRS: '10' } });
    try {
      // Ready at once: the health check answers while recovery runs.
      expect(await (await fetch(`${on.url}/ping`)).text()).toBe('PONG');
      const summary = await on.recovery;
      expect(summary).toMatchObject({ pullRequests: 1, stuck: 1, concluded: 1, rechecks: 1, errors: 0 });
    } finally {
      await on.close();
    }
    expect(stuck).toMatchObject({ conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted' }) });
    expect(ghe.runsFor(ghe.sha('good')).filter((r) => r !== stuck).map((r) => r.conclusion)).toEqual(['success']);
  });
});
