// No PR is ever left without a run, over real HTTP against the fake GitHub: a push while the app was down
// is found at start-up; under a burst of deliveries whose run creation partly fails, a delivery is answered 200
// only once its run exists (500 otherwise), and the periodic recovery gives every PR left without a run one.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { preadmitHandle } from '../../src/app/index.ts';
import { advanceBranch } from '../support/git-repo.ts';
import { startHarness, WEBHOOK_SECRET, type Harness } from './harness.ts';
import type { CheckRun } from '../support/github/model.ts';
import { deliver, pullRequestPayload } from './webhooks.ts';

const REPO = 'acme/gitops';
const BURST = 20;
const FAILING_CREATES = 8;
let dir: string;
let h: Harness;
let oldHead: string;
let newHead: string;
const advance = (name: string, from: string): string => advanceBranch(dir, name, from);

beforeAll(async () => {
  dir = await buildDemoRepo();
  oldHead = advance('pushed', 'pr');
  h = await startHarness(
    [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 77, pulls: [{ number: 50, base: 'main', head: 'pushed', author: 'dev' }] }],
    { PREADMIT_RECOVERY_INTERVAL: '2', PREADMIT_CONCURRENCY: '4' },
    (github) => {
      // The app checked the PR, then went down; a push arrived meanwhile and its delivery was lost.
      github.addRun({ head_sha: oldHead, status: 'completed', conclusion: 'failure', external_id: 'pr/50' }, REPO);
      newHead = advance('pushed', 'pushed');
    },
  );
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('never a PR without a run', () => {
  it('a push while the app was down: the new head is found at start-up and checked', async () => {
    expect(h.recovery).toMatchObject({ pullRequests: 1, stuck: 0, missing: 1, rechecks: 1, errors: 0 });
    const run = await h.github.waitForCheckRun((r) => r.head_sha === newHead, 90_000);
    expect(run).toMatchObject({ external_id: 'pr/50', conclusion: 'failure' });
    expect(run.output.summary).toContain('block-privileged');
  });

  it('a burst whose run creation partly fails: 200 only once the run exists, 500 otherwise, and every PR ends with a run', async () => {
    const repo = h.github.repo(REPO);
    const heads = new Map<number, string>();
    for (let n = 1; n <= BURST; n++) {
      heads.set(n, advance(`burst-${n}`, 'pr'));
      repo.pulls.push({ number: n, base: 'main', head: `burst-${n}`, author: 'dev' });
    }
    h.github.failNext('POST', /\/check-runs$/, FAILING_CREATES, 422);
    const payloads = [];
    for (const n of heads.keys()) payloads.push(await pullRequestPayload(h.github, REPO, n, 'opened'));
    const answers = await Promise.all(
      payloads.map(async (payload) => {
        const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
        const sha = heads.get(Number(payload.number)) ?? '';
        // What existed when the delivery was answered.
        return { status: res.status, sha, runs: h.github.checkRuns.filter((r) => r.head_sha === sha).length };
      }),
    );
    for (const a of answers) {
      expect([200, 500]).toContain(a.status);
      if (a.status === 200) expect(a.runs).toBeGreaterThan(0);
    }
    // Some creations failed (the periodic scan may have taken some of the failures itself).
    expect(answers.filter((a) => a.status === 200).length).toBeLessThan(BURST + 1);
    const failed = answers.filter((a) => a.status === 500);
    const createFailures = h.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs') && r.status === 422).length;
    expect(createFailures).toBe(FAILING_CREATES);
    expect(failed.length).toBeLessThanOrEqual(FAILING_CREATES);

    // Nothing is redelivered: the periodic recovery scan finds the heads without a run and checks them.
    const finals: CheckRun[] = await Promise.all([...heads.values()].map((sha) => h.github.waitForCheckRun((r) => r.head_sha === sha && r.conclusion === 'failure', 180_000)));
    expect(finals).toHaveLength(BURST);
    await preadmitHandle(h.app.probot)?.idle();
    for (const sha of heads.values()) {
      // Each run concluded once: no run flips from one conclusion to another.
      for (const r of h.github.checkRuns.filter((x) => x.head_sha === sha)) {
        expect(r.updates.map((u) => (u as { conclusion?: unknown }).conclusion).filter((c) => typeof c === 'string'), `run ${r.id} ${r.status}/${r.conclusion} ${r.output.title}`).toHaveLength(1);
      }
    }
  }, 240_000);
});
