// Many instances, one queue: a real redis-server, two app processes (`node --import tsx src/app/main.ts`, same
// REDIS_URL, different ports) and the fake GitHub. 50 PRs delivered over both are each concluded exactly
// once; a push delivered to the other instance supersedes the running check across instances; an instance
// killed (SIGKILL) or stopped (SIGTERM) in the middle of a deliberately slow check (a Helm chart whose template
// loops millions of times: the real render is what takes long) has its job redone by the other instance, which
// concludes the run once; no run is left in_progress. The instances log JSON (LOG_FORMAT=json): every line's
// message is one of LOG_MESSAGES, and the tests follow the checks through the lines' fields.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { LOG_MESSAGES } from '../../src/util/log.ts';
import { advanceBranch, git as gitIn, writeFile } from '../support/git-repo.ts';
import { startRedis, until as untilWithin, type LocalRedis } from '../support/redis.ts';
import { APP_ID, WEBHOOK_SECRET } from './harness.ts';
import { serveOverHttp, type HttpFront } from '../support/github/http.ts';
import { GitHubModel, type CheckRun } from '../support/github/model.ts';
import { deliver, generateAppKey, HARNESS_TOKEN, pullRequestPayload } from './webhooks.ts';

const REPO = 'acme/gitops';
const PRS = 50;
const WAIT_MS = 400_000;
/** A test's own limit: a loaded machine (the suite shares two cores) makes 50 checks slow. */
const TEST_MS = 600_000;
/** Iterations of the slow chart's template loop: seconds of real `helm template` work. */
const SLOW_LOOP = 6_000_000;

interface AppProcess {
  child: ChildProcess;
  url: string;
  out: () => string;
  /** The process's log lines (pino JSON). */
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

let dir: string;
let github: GitHubModel;
let http: HttpFront;
let redis: LocalRedis | undefined;
const apps: AppProcess[] = [];
let appKey: string;
let appPort: number;
const git = (...args: string[]): string => gitIn(dir, ...args).trim();
const advance = (name: string, from: string): string => advanceBranch(dir, name, from);

/** Branch `slow` on top of `pr`: adds a Helm chart whose template takes seconds to render. */
function addSlowBranch(): void {
  git('checkout', '-q', '-b', 'slow', 'pr');
  writeFile(dir, 'apps/slow/Chart.yaml', 'apiVersion: v2\nname: slow\nversion: 0.1.0\n');
  writeFile(
    dir,
    'apps/slow/templates/configmap.yaml',
    `{{- $n := 0 }}\n{{- range $i := until ${SLOW_LOOP} }}{{- $n = add $n 1 }}{{- end }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow\n  namespace: shop\n  labels:\n    owner: team-shop\ndata:\n  n: "{{ $n }}"\n`,
  );
  git('add', '-A');
  git('commit', '-q', '-m', 'a chart that takes long to render');
  git('checkout', '-q', 'pr');
}

function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = WAIT_MS): Promise<T> {
  return untilWithin(what, fn, timeoutMs);
}

function parseLines(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const l of text.split('\n')) {
    if (!l.startsWith('{')) continue;
    try {
      out.push(JSON.parse(l) as Record<string, unknown>);
    } catch {
      // a line still being written
    }
  }
  return out;
}

/** The app's lines with message `msg` about check run `run`. */
function said(app: AppProcess, msg: (typeof LOG_MESSAGES)[number], run: number): Record<string, unknown>[] {
  return app.lines().filter((l) => l.msg === msg && l.run === run);
}

async function startApp(privateKey: string, port: number, extra: Record<string, string> = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      GHE_HOST: http.host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PREADMIT_GITHUB_THROTTLE: 'false',
      PREADMIT_RECOVERY: 'off',
      PREADMIT_CONCURRENCY: '2',
      PREADMIT_INSTALLATION_CONCURRENCY: '4',
      PREADMIT_REDIS_LOCK_MS: '4000',
      // SIGTERM hands running checks back to the queue at once (the graceful-shutdown test below).
      PREADMIT_SHUTDOWN_GRACE_MS: '1',
      REDIS_URL: redis?.url ?? '',
      ...(process.env.PREADMIT_CACHE_DIR ? { PREADMIT_CACHE_DIR: process.env.PREADMIT_CACHE_DIR } : {}),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const app: AppProcess = { child, url: `http://127.0.0.1:${port}`, out: () => text, lines: () => parseLines(text), exited };
  await until('the app to listen', () => app.lines().some((l) => l.msg === 'listening') || (child.exitCode !== null ? (() => { throw new Error(`app exited: ${text.slice(-2000)}`); })() : false), 120_000);
  return app;
}

function alive(a: AppProcess): boolean {
  return a.child.exitCode === null && a.child.signalCode === null;
}

/** Completed PATCHes of a run (a run concluded twice would show two). */
function completions(run: CheckRun): number {
  return run.updates.filter((u) => typeof u === 'object' && u !== null && (u as { status?: unknown }).status === 'completed').length;
}

beforeAll(async () => {
  redis = await startRedis();
  dir = await buildDemoRepo();
  addSlowBranch();
  const pulls = [];
  for (let n = 1; n <= PRS + 3; n++) {
    advance(`scale-${n}`, n <= PRS + 1 ? 'pr' : 'slow');
    pulls.push({ number: n, base: 'main', head: `scale-${n}`, author: 'dev' });
  }
  const privateKey = generateAppKey();
  github = new GitHubModel({ appId: APP_ID, privateKeyPem: privateKey, repos: [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 77, pulls }], acceptTokens: [HARNESS_TOKEN] });
  http = await serveOverHttp(github);
  const base = 20_000 + Math.floor(Math.random() * 9_000);
  apps.push(await startApp(privateKey, base), await startApp(privateKey, base + 1));
  appKey = privateKey;
  appPort = base + 2;
}, 300_000);

afterAll(async () => {
  for (const a of apps) {
    if (alive(a)) a.child.kill('SIGTERM');
    await a.exited;
  }
  await http?.close();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two instances on one Redis queue', () => {
  it('50 PRs over both instances: every PR concluded exactly once, none left in_progress', async () => {
    const statuses = await Promise.all(
      Array.from({ length: PRS }, async (_, i) => {
        const n = i + 1;
        const app = apps[n % 2] as AppProcess;
        return (await deliver(app.url, { event: 'pull_request', payload: await pullRequestPayload(github, REPO, n), secret: WEBHOOK_SECRET })).status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: PRS }, () => 200));
    const runs = await until('every PR to be concluded', () => {
      const done = github.checkRuns.filter((r) => r.status === 'completed' && Number(r.external_id?.slice(3)) <= PRS);
      return done.length >= PRS ? done : undefined;
    });
    const byPr = new Map<string, CheckRun[]>();
    for (const r of github.checkRuns) byPr.set(r.external_id ?? '', [...(byPr.get(r.external_id ?? '') ?? []), r]);
    for (let n = 1; n <= PRS; n++) {
      const own = byPr.get(`pr/${n}`) ?? [];
      expect(own, `PR ${n}`).toHaveLength(1);
      expect(completions(own[0] as CheckRun), `PR ${n}`).toBe(1);
      expect(own[0]?.conclusion).toBe('failure'); // the demo change is blocked
    }
    expect(runs.every((r) => r.output.summary?.includes('block-privileged'))).toBe(true);
    // Both instances ran checks, and each run was concluded by the one instance that ran it.
    for (const a of apps) expect(a.lines().some((l) => l.msg === 'check started on this instance')).toBe(true);
    const concludedLines = (r: CheckRun) => apps.flatMap((a) => said(a, 'check concluded', r.id));
    await until('every conclusion to be logged', () => runs.every((r) => concludedLines(r).length > 0), 60_000);
    for (const r of runs) expect(concludedLines(r), `run ${r.id}`).toHaveLength(1);
  }, TEST_MS);

  it('a newer head delivered to the other instance supersedes the check across instances, each run concluded once', async () => {
    const n = PRS + 1;
    const first = await deliver((apps[0] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(github, REPO, n), secret: WEBHOOK_SECRET });
    expect(first.status).toBe(200);
    const older = github.checkRuns.find((r) => r.external_id === `pr/${n}`) as CheckRun;
    const newHead = advance(`scale-${n}`, `scale-${n}`);
    const second = await deliver((apps[1] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(github, REPO, n, 'synchronize'), secret: WEBHOOK_SECRET });
    expect(second.status).toBe(200);
    const newer = await until('the newer run', () => github.checkRuns.find((r) => r.external_id === `pr/${n}` && r.head_sha === newHead && r.status === 'completed'));
    await until('the older run to be concluded', () => older.status === 'completed');
    expect(newer.conclusion).toBe('failure');
    // Superseded while queued or running, or finished just before: concluded once either way, with its true reason.
    expect(completions(older)).toBe(1);
    if (older.conclusion === 'cancelled') expect(older.output.summary).toContain('replaced');
    expect(completions(newer)).toBe(1);
  }, TEST_MS);

  it('an instance killed (SIGKILL) in the middle of a slow check: the other instance redoes it and concludes the run once', async () => {
    const n = PRS + 2;
    await deliver((apps[0] as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(github, REPO, n), secret: WEBHOOK_SECRET });
    const run = github.checkRuns.find((r) => r.external_id === `pr/${n}`) as CheckRun;
    const victim = await until('an instance to start the check', () => apps.find((a) => said(a, 'check started on this instance', run.id).length > 0), 120_000);
    victim.child.kill('SIGKILL');
    await victim.exited;
    // Killed while the chart was still rendering: nothing was published.
    expect(run.status).toBe('in_progress');
    const survivor = apps.find((a) => a !== victim) as AppProcess;
    await until('the run to be concluded', () => run.status === 'completed');
    expect(completions(run)).toBe(1);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('block-privileged');
    // The survivor took the killed instance's job over (a second attempt) and concluded it.
    expect(said(survivor, 'check started on this instance', run.id)).toEqual([expect.objectContaining({ attempt: expect.any(Number) })]);
    // Its line follows the run's completion on GitHub.
    await until('the survivor to log its conclusion', () => said(survivor, 'check concluded', run.id).length > 0, 30_000);
    expect(said(survivor, 'check concluded', run.id)).toEqual([expect.objectContaining({ conclusion: 'failure' })]);
    expect(said(victim, 'check concluded', run.id)).toEqual([]);
    expect(github.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
  }, TEST_MS);

  it('an instance stopped (SIGTERM) in the middle of a slow check hands it back; the other instance redoes it and concludes the run once', async () => {
    // A fresh instance beside the survivor of the test above.
    apps.push(await startApp(appKey, appPort));
    const live = apps.filter(alive);
    expect(live.length).toBeGreaterThanOrEqual(2);
    const n = PRS + 3;
    await deliver((live.at(-1) as AppProcess).url, { event: 'pull_request', payload: await pullRequestPayload(github, REPO, n), secret: WEBHOOK_SECRET });
    const run = github.checkRuns.find((r) => r.external_id === `pr/${n}`) as CheckRun;
    const a = await until('an instance to start the check', () => live.find((x) => said(x, 'check started on this instance', run.id).length > 0), 120_000);
    const b = live.find((x) => x !== a) as AppProcess;
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    // A stopped in order while its check was still rendering: handed back, nothing published, nothing discarded.
    expect(said(a, 'check handed back to the queue', run.id)).toHaveLength(1);
    expect(said(a, 'check concluded', run.id)).toEqual([]);
    expect(said(a, 'check run ended without a result', run.id)).toEqual([]);
    expect(run.status).toBe('in_progress');
    // B redoes it from the start and concludes it: once, with the verdict.
    await until('the run to be concluded', () => run.status === 'completed', 300_000);
    expect(live).toHaveLength(2);
    expect(said(b, 'check started on this instance', run.id)).toHaveLength(1);
    await until('B to log its conclusion', () => said(b, 'check concluded', run.id).length > 0, 30_000);
    expect(said(b, 'check concluded', run.id)).toEqual([expect.objectContaining({ conclusion: 'failure' })]);
    expect(completions(run)).toBe(1);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('block-privileged');
    expect(github.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
  }, TEST_MS);

  it('every line every instance logged has a constant message of LOG_MESSAGES', () => {
    const all = apps.flatMap((a) => a.lines());
    expect(all.length).toBeGreaterThan(PRS);
    for (const l of all) expect(LOG_MESSAGES, JSON.stringify(l)).toContain(l.msg);
    // Non-JSON output: none (a start failure would be plain text on stderr).
    for (const a of apps) expect(a.out().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'))).toEqual([]);
  });
});
