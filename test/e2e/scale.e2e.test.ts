// Many instances, one queue: a real redis-server, two app processes (`node --import tsx src/app/main.ts`, same
// REDIS_URL, different ports) and the GitHub stand-in. 50 PRs delivered over both are each concluded exactly
// once; a push delivered to the other instance supersedes the running check across instances; an instance
// killed (SIGKILL) mid-check has its job finished by the other, and no run is left in_progress.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { git as gitIn } from '../support/git-repo.ts';
import { APP_ID, WEBHOOK_SECRET } from './harness.ts';
import { startStandin, type RecordedCheckRun, type Standin } from './standin.ts';
import { deliver, generateAppKey, HARNESS_TOKEN, pullRequestPayload } from './webhooks.ts';

const REPO = 'acme/gitops';
const PRS = 50;
const WAIT_MS = 400_000;

interface AppProcess {
  child: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

let dir: string;
let standin: Standin;
let redis: ChildProcess | undefined;
let redisUrl: string;
const apps: AppProcess[] = [];
let appKey: string;
let appPort: number;
const git = (...args: string[]): string => gitIn(dir, ...args).trim();

function advance(name: string, from: string): string {
  const sha = git('commit-tree', git('rev-parse', `${from}^{tree}`), '-p', git('rev-parse', from), '-m', `${name} ${Math.random()}`);
  git('update-ref', `refs/heads/${name}`, sha);
  return sha;
}

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startApp(privateKey: string, port: number, extra: Record<string, string> = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      GHE_HOST: standin.host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      LOG_LEVEL: 'info',
      PREADMIT_GITHUB_THROTTLE: 'false',
      PREADMIT_RECOVERY: 'off',
      PREADMIT_CONCURRENCY: '2',
      PREADMIT_INSTALLATION_CONCURRENCY: '4',
      PREADMIT_REDIS_LOCK_MS: '4000',
      // SIGTERM hands running checks back to the queue at once (the graceful-shutdown test below).
      PREADMIT_SHUTDOWN_GRACE_MS: '1',
      REDIS_URL: redisUrl,
      ...(process.env.PREADMIT_CACHE_DIR ? { PREADMIT_CACHE_DIR: process.env.PREADMIT_CACHE_DIR } : {}),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const app: AppProcess = { child, url: `http://127.0.0.1:${port}`, out: () => text, exited };
  await until('the app to listen', () => /webhooks at http/.test(text) || (child.exitCode !== null ? (() => { throw new Error(`app exited: ${text.slice(-2000)}`); })() : false), 120_000);
  return app;
}

/** Completed PATCHes of a run (a run concluded twice would show two). */
function completions(run: RecordedCheckRun): number {
  return run.updates.filter((u) => typeof u === 'object' && u !== null && (u as { status?: unknown }).status === 'completed').length;
}

beforeAll(async () => {
  const probe = spawnSync('redis-server', ['--version']);
  if (probe.status !== 0) throw new Error('redis-server is missing: run scripts/install-redis.sh (npm run tools) first');
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await until('redis to answer', () => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG'), 30_000);

  dir = await buildDemoRepo();
  const pulls = [];
  for (let n = 1; n <= PRS + 3; n++) {
    advance(`scale-${n}`, 'pr');
    pulls.push({ number: n, base: 'main', head: `scale-${n}`, author: 'dev' });
  }
  const privateKey = generateAppKey();
  standin = await startStandin({ appId: APP_ID, privateKeyPem: privateKey, repos: [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 77, pulls }], acceptTokens: [HARNESS_TOKEN] });
  const base = 20_000 + Math.floor(Math.random() * 9_000);
  apps.push(await startApp(privateKey, base), await startApp(privateKey, base + 1));
  appKey = privateKey;
  appPort = base + 2;
}, 300_000);

afterAll(async () => {
  for (const a of apps) {
    if (a.child.exitCode === null) a.child.kill('SIGTERM');
    await a.exited;
  }
  await standin?.close();
  redis?.kill('SIGTERM');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two instances on one Redis queue', () => {
  it('50 PRs over both instances: every PR concluded exactly once, none left in_progress', async () => {
    const statuses = await Promise.all(
      Array.from({ length: PRS }, async (_, i) => {
        const n = i + 1;
        const app = apps[n % 2] as AppProcess;
        return (await deliver(app.url, { event: 'pull_request', payload: await pullRequestPayload(standin, REPO, n), secret: WEBHOOK_SECRET })).status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: PRS }, () => 200));
    const runs = await until('every PR to be concluded', () => {
      const done = standin.checkRuns.filter((r) => r.status === 'completed' && Number(r.external_id?.slice(3)) <= PRS);
      return done.length >= PRS ? done : undefined;
    });
    const byPr = new Map<string, RecordedCheckRun[]>();
    for (const r of standin.checkRuns) byPr.set(r.external_id ?? '', [...(byPr.get(r.external_id ?? '') ?? []), r]);
    for (let n = 1; n <= PRS; n++) {
      const own = byPr.get(`pr/${n}`) ?? [];
      expect(own, `PR ${n}`).toHaveLength(1);
      expect(completions(own[0] as RecordedCheckRun), `PR ${n}`).toBe(1);
      expect(own[0]?.conclusion).toBe('failure'); // the demo change is blocked
    }
    expect(runs.every((r) => r.output.summary?.includes('block-privileged'))).toBe(true);
    // Both instances ran checks.
    for (const a of apps) expect(a.out()).toMatch(/started on this instance/);
  });

  it('a newer head delivered to the other instance supersedes the check across instances, each run concluded once', async () => {
    const n = PRS + 1;
    const first = await deliver((apps[0] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(standin, REPO, n), secret: WEBHOOK_SECRET });
    expect(first.status).toBe(200);
    const older = standin.checkRuns.find((r) => r.external_id === `pr/${n}`) as RecordedCheckRun;
    const newHead = advance(`scale-${n}`, `scale-${n}`);
    const second = await deliver((apps[1] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(standin, REPO, n, 'synchronize'), secret: WEBHOOK_SECRET });
    expect(second.status).toBe(200);
    const newer = await until('the newer run', () => standin.checkRuns.find((r) => r.external_id === `pr/${n}` && r.head_sha === newHead && r.status === 'completed'));
    await until('the older run to be concluded', () => older.status === 'completed');
    expect(newer.conclusion).toBe('failure');
    // Superseded while queued or running, or finished just before: concluded once either way, with its true reason.
    expect(completions(older)).toBe(1);
    if (older.conclusion === 'cancelled') expect(older.output.summary).toContain('replaced');
    expect(completions(newer)).toBe(1);
  });

  it('an instance killed mid-check: the other instance finishes its job, no run left in_progress', async () => {
    const n = PRS + 2;
    await deliver((apps[0] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(standin, REPO, n), secret: WEBHOOK_SECRET });
    const run = standin.checkRuns.find((r) => r.external_id === `pr/${n}`) as RecordedCheckRun;
    const marker = new RegExp(`check run ${run.id} \\(.*\\): started on this instance`);
    const victim = await until('an instance to start the check', () => apps.find((a) => marker.test(a.out())), 120_000);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const survivor = apps.find((a) => a !== victim) as AppProcess;
    await until('the run to be concluded', () => run.status === 'completed');
    expect(completions(run)).toBe(1);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('block-privileged');
    // The survivor took the killed instance's job over (and, as above, concluded its run once).
    expect(survivor.out()).toMatch(marker);
    expect(standin.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
  });
  it('an instance stopped with SIGTERM mid-check hands its job back to the shared queue; the run is concluded once, nothing left in_progress', async () => {
    // A fresh instance beside the survivor of the test above.
    apps.push(await startApp(appKey, appPort));
    const live = apps.filter((a) => a.child.exitCode === null);
    expect(live.length).toBeGreaterThanOrEqual(2);
    const n = PRS + 3;
    await deliver((live.at(-1) as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(standin, REPO, n), secret: WEBHOOK_SECRET });
    const run = standin.checkRuns.find((r) => r.external_id === `pr/${n}`) as RecordedCheckRun;
    const marker = new RegExp(`check run ${run.id} \\(.*\\): started on this instance`);
    const victim = await until('an instance to start the check', () => live.find((a) => marker.test(a.out())), 120_000);
    victim.child.kill('SIGTERM');
    await victim.exited;
    expect(victim.out()).toContain(`check run ${run.id}: handed back to the queue`);
    await until('the run to be concluded', () => run.status === 'completed', 120_000);
    // This check is fast: the stopped instance's aborted work may have concluded the run as it was handed back
    // (then the other instance finds it done and skips it), else the other instance redoes it. Either way the
    // run is concluded once, with the verdict. Give the other instance time to go through the job it was handed.
    await new Promise((r) => setTimeout(r, 3000));
    expect(completions(run)).toBe(1);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('block-privileged');
    expect(standin.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
  });
});
