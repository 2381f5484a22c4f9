// A check that is ended (its pull request closed, superseded, timed out) stops its work: the job's signal aborts its
// GitHub requests at once, the run is concluded exactly once (`cancelled`, by the queue), and no failed check is
// posted over it. Real Octokit over HTTP, GitHub stood in by nock; the real queue and check service.
import nock from 'nock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckService } from '../../src/app/check-service.ts';
import { CheckQueue } from '../../src/app/queue.ts';
import { createRuntime } from '../../src/engine/runtime.ts';
import { runCheckPr } from '../../src/cli/commands/check-pr.ts';
import { restClient } from '../../src/github/client.ts';
import { Writable } from 'node:stream';

const API = 'https://api.github.test';
const sha = (c: string): string => c.repeat(40);

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('check service: an ended check', () => {
  const runtime = createRuntime({ size: 1 });
  afterAll(() => runtime.close());

  it('aborts its GitHub requests, is concluded once as cancelled, and posts no failed check', async () => {
    const gh = restClient({ baseUrl: API, userAgent: 'preadmit-test', log: { warn: () => undefined } }, { throttle: false, retryServerErrors: false });
    const patches: unknown[] = [];
    let configAsked = false; // matched (nock answers after its delay)
    nock(API)
      .post('/repos/o/r/check-runs')
      .reply(201, { id: 7, html_url: 'https://github.test/o/r/runs/7' })
      // The stale-run lookup: nothing to conclude.
      .get(/\/repos\/o\/r\/commits\/[0-9a-f]{40}\/check-runs.*/)
      .times(2)
      .reply(200, { total_count: 0, check_runs: [] })
      // The config read hangs: an answer only after ten minutes.
      .get('/repos/o/r/commits/main')
      .delay(600_000)
      .reply(() => {
        configAsked = true;
        return [200, { sha: sha('c') }];
      })
      .patch('/repos/o/r/check-runs/7')
      .times(5)
      .reply((_, body) => {
        patches.push(body);
        return [200, { id: 7 }];
      });
    const logs: string[] = [];
    const queue = new CheckQueue({ concurrency: 1 });
    const service = createCheckService({
      queue: () => queue,
      runtime: () => runtime,
      appId: async () => 1,
      installationClient: async () => gh,
      durable: false,
      publish: {},
      say: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
      secrets: [],
    });
    const pr = { owner: 'o', repo: 'r', pullNumber: 3, baseRef: 'main', baseSha: sha('a'), headSha: sha('b'), defaultBranch: 'main' };
    await service.start(gh, { kind: 'pull_request', pr });
    // Once the check is waiting on GitHub, the pull request is closed.
    while (!nock.pendingMocks().every((m) => !m.includes('commits/main'))) await new Promise((r) => setTimeout(r, 10));
    queue.cancel('o/r#3', 'The pull request was closed.');
    // Settles now: the hung request was aborted (else this waits the ten minutes).
    await queue.settled();
    expect(configAsked).toBe(true);
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(logs.filter((l) => l.includes('check failed'))).toEqual([]);
    expect(logs.some((l) => l.startsWith('info check result discarded') && l.includes('"why":"ended"'))).toBe(true);
  });
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('preadmit check-pr interrupted', () => {
  it('concludes its check run cancelled (never left in progress) and exits 130', async () => {
    const patches: unknown[] = [];
    nock(API)
      .get('/repos/o/r/pulls/3')
      .reply(200, { state: 'open', head: { sha: sha('b') }, base: { sha: sha('a'), ref: 'main', repo: { default_branch: 'main', html_url: 'https://github.test/o/r' } } })
      .post('/repos/o/r/check-runs')
      .reply(201, { id: 9, html_url: 'https://github.test/o/r/runs/9' })
      .get('/repos/o/r/commits/main')
      .delay(600_000)
      .reply(200, { sha: sha('c') })
      .patch('/repos/o/r/check-runs/9')
      .times(5)
      .reply((_, body) => {
        patches.push(body);
        return [200, { id: 9 }];
      });
    const interrupt = new AbortController();
    const out = new Capture();
    const err = new Capture();
    const running = runCheckPr(['--repo', 'o/r', '--pr', '3', '--api-url', API], out, err, { GITHUB_TOKEN: 'ghs_test' }, interrupt.signal);
    while (nock.pendingMocks().some((m) => m.includes('commits/main'))) await new Promise((r) => setTimeout(r, 10));
    interrupt.abort();
    expect(await running).toBe(130);
    expect(patches).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted' }) })]);
  });
});
