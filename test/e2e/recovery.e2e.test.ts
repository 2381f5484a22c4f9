// Restart recovery over real HTTP: the fake GitHub holds a check run an earlier (crashed) process of the app
// left in progress; once the real server starts, that run is concluded "Interrupted" and a new one is posted
// with the real verdict. Runs of another app and finished runs stay as they were.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { git } from '../support/git-repo.ts';
import { APP_ID, startHarness, type Harness } from './harness.ts';
import type { CheckRun } from '../support/github/model.ts';

const REPO = 'acme/gitops';
let dir: string;
let h: Harness;
let headSha: string;
let stuck: CheckRun;
let otherApp: CheckRun;
let finished: CheckRun;
let startedAt: number;

beforeAll(async () => {
  dir = await buildDemoRepo();
  headSha = git(dir, 'rev-parse', 'pr').trim();
  h = await startHarness(
    [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 77, pulls: [{ number: 1, base: 'main', head: 'pr', author: 'dev', title: 'Demo change' }] }],
    {},
    (github) => {
      finished = github.addRun({ head_sha: headSha, status: 'completed', conclusion: 'success', external_id: 'pr/1' }, REPO);
      stuck = github.addRun({ head_sha: headSha, status: 'in_progress', external_id: 'pr/1' }, REPO);
      otherApp = github.addRun({ head_sha: headSha, status: 'in_progress', appId: APP_ID + 1 }, REPO);
      startedAt = Date.now();
    },
  );
});

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('restart recovery against the fake GitHub', () => {
  it('concludes the run left in progress before the app started, and posts a new one with the real verdict', async () => {
    expect(h.recovery).toMatchObject({ installations: 1, repositories: 1, pullRequests: 1, stuck: 1, concluded: 1, rechecks: 1, errors: 0, capped: false });
    expect(stuck.status).toBe('completed');
    expect(stuck.conclusion).toBe('cancelled');
    expect(stuck.output.title).toBe('Interrupted');
    expect(stuck.completedAt).toBeGreaterThanOrEqual(startedAt);
    expect(stuck.updates).toHaveLength(1);

    const fresh = await h.github.waitForCheckRun((r) => r !== stuck && r !== finished && r.external_id === 'pr/1', 90_000);
    expect(fresh.head_sha).toBe(headSha);
    expect(fresh.createdAt).toBeGreaterThanOrEqual(startedAt);
    expect(fresh.updates[0]).toMatchObject({ status: 'in_progress' });
    expect(fresh.conclusion).toBe('failure'); // the demo PR is blocked
    expect(fresh.output.summary).toContain('block-privileged');
    expect(fresh.output.annotations.length).toBeGreaterThan(0);
    expect(stuck.output.summary).toContain(`check run ${fresh.id}`);

    expect(otherApp.status).toBe('in_progress');
    expect(otherApp.updates).toEqual([]);
    expect(finished.updates).toEqual([]);
    expect(finished.conclusion).toBe('success');

    // The scan: installations with the app's JWT, the rest with the installation's token.
    const calls = h.github.requests.map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`);
    expect(calls).toContain('GET /api/v3/app/installations jwt 200');
    expect(calls).toContain('GET /api/v3/installation/repositories token 200');
    expect(calls).toContain('GET /api/v3/repos/acme/gitops/pulls token 200');
    const runListings = h.github.requests.filter((r) => r.method === 'GET' && r.path === `/api/v3/repos/acme/gitops/commits/${headSha}/check-runs`);
    // (The new check's own stale-run lookup asks for in_progress runs once more.)
    expect(new Set(runListings.map((r) => r.query.status))).toEqual(new Set(['in_progress', 'queued']));
    for (const r of runListings) expect(r.query).toMatchObject({ app_id: String(APP_ID), check_name: 'preadmit' });
  });
});
