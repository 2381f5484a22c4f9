// Cancellation reaches the work: a check's AbortSignal (the queue's job signal, the CLI's SIGINT) kills the renderer
// processes it started, aborts its GitHub requests, takes its evaluations off the pool (a busy worker is replaced),
// and everything it stopped rejects with the one `AbortError`. Real helm in the real jail, real Octokit over real
// HTTP, real wasm evaluation in worker threads.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPullRequestCheck, CheckError } from '../../src/github/check.ts';
import { restClient } from '../../src/github/client.ts';
import { GitHubSource } from '../../src/github/source.ts';
import { createRuntime } from '../../src/engine/runtime.ts';
import { createCompiler, type CompiledTemplate } from '../../src/opa/compile.ts';
import { EvalPool } from '../../src/opa/pool.ts';
import { chartAllowList, resolveRemoteChart } from '../../src/render/helm/remote.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { renderBudget } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { AbortError, isAbort } from '../../src/util/abort.ts';
import { cacheStats } from '../../src/util/cache-stats.ts';
import { ChartRepo } from '../support/chart-repo.ts';
import { GitRepo } from '../support/git-repo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Pids of the processes with `marker` as one of their arguments (zombies have none). */
function processesNaming(marker: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').includes(marker)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * `gone` when `pid` no longer runs: exited and reaped, or a zombie waiting for its reaper (a process of the jail's pid
 * namespace is handed to the machine's init when the namespace ends, and an init that reaps late keeps it a zombie
 * for a while; it runs nothing). Else its state letter from /proc (R, S, D, T...).
 */
function runningState(pid: number): string {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return 'gone';
  }
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X' ? 'gone' : state;
}

/** Waits until a process naming `marker` runs (the render has reached its tool). */
async function toolStarted(marker: string): Promise<number[]> {
  return vi.waitFor(
    () => {
      const pids = processesNaming(marker);
      if (pids.length === 0) throw new Error(`no process names ${marker} yet`);
      return pids;
    },
    { timeout: 60_000, interval: 50 },
  );
}

/** A chart whose template loops for minutes: helm is busy on it until killed. */
const spinningChart = (name: string): Record<string, string> => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
  [`charts/${name}/templates/cm.yaml`]: '{{ range until 50000 }}{{ range until 50000 }}{{ end }}{{ end }}\n',
});

/** A chart that takes helm some seconds (6 * 10^7 loop iterations), then renders one ConfigMap. */
const slowChart = (name: string): Record<string, string> => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
  [`charts/${name}/templates/cm.yaml`]: '{{ range until 60000 }}{{ range until 1000 }}{{ end }}{{ end }}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow\n',
});

describe('cancellation: rendering', () => {
  let repo: GitRepo;
  const marker = `spin${process.pid}x${Date.now().toString(36)}`;
  const slow = `slow${process.pid}x${Date.now().toString(36)}`;
  beforeAll(() => {
    repo = GitRepo.temp('preadmit-cancel-');
    repo.commit({ ...spinningChart(marker), ...slowChart(slow), 'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
  });
  afterAll(() => repo.cleanup());

  for (const sandbox of ['jail', 'unsafe-none'] as const) {
    it(`a render aborted while its tool runs (${sandbox}) rejects with AbortError and leaves no tool process behind`, async () => {
      const abort = new AbortController();
      const rendering = renderRef(new LocalGitSource(repo.dir, { signal: abort.signal }), 'HEAD', {
        roots: [{ kind: 'helm', path: `charts/${marker}`, release: `${marker}-${sandbox}` }],
        budget: renderBudget(600_000, abort.signal),
        timeoutMs: 600_000,
        sandbox,
      });
      rendering.catch(() => undefined);
      const running = await toolStarted(`${marker}-${sandbox}`);
      expect(running.length).toBeGreaterThan(0);
      abort.abort();
      const error = await rendering.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAbort(error)).toBe(true);
      // The run rejects once its process has exited: nothing of it is left (jailed: bubblewrap and the tool in its
      // pid namespace; unjailed: the tool's process group).
      expect(processesNaming(`${marker}-${sandbox}`)).toEqual([]);
      for (const pid of running) expect(runningState(pid)).toBe('gone');
    });
  }

  it('a render shared with a check that is cancelled meanwhile is made again for the check that was not (a superseded job)', async () => {
    const abort = new AbortController();
    const roots = [{ kind: 'helm' as const, path: `charts/${slow}`, release: `${slow}-shared` }];
    const first = renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots, budget: renderBudget(600_000, abort.signal), timeoutMs: 600_000 });
    first.catch(() => undefined);
    await toolStarted(`${slow}-shared`);
    const before = cacheStats().render;
    // The same roots, same bytes: the second render waits for the first one's (a cache hit on the render in flight).
    const second = renderRef(new LocalGitSource(repo.dir), 'HEAD', { roots, timeoutMs: 600_000 });
    await vi.waitFor(() => expect(cacheStats().render.hits).toBeGreaterThan(before.hits), { timeout: 30_000, interval: 20 });
    abort.abort();
    expect(isAbort(await first.then(() => undefined, (e: unknown) => e))).toBe(true);
    const r = await second;
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => (o.object.metadata as { name?: string }).name)).toEqual(['slow']);
    // Rendered again (a miss), not served the stopped run.
    expect(cacheStats().render.misses).toBeGreaterThan(before.misses);
  });

  it('a source whose signal was aborted runs no git and rejects with AbortError', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(new LocalGitSource(repo.dir, { signal: abort.signal }).listFiles('HEAD')).rejects.toBeInstanceOf(AbortError);
    // Another source of the same repository is not affected.
    expect(await new LocalGitSource(repo.dir).listFiles('HEAD')).toContain('plain/cm.yaml');
  });

  it('blob reads of a source whose signal was aborted meanwhile reject with AbortError (the kept cat-file is not used)', async () => {
    const abort = new AbortController();
    const source = new LocalGitSource(repo.dir, { signal: abort.signal });
    // The tree is read before the abort: only the blob read is left to stop.
    expect(await source.listFiles('HEAD')).toContain('plain/cm.yaml');
    abort.abort();
    await expect(source.readFile('HEAD', 'plain/cm.yaml')).rejects.toBeInstanceOf(AbortError);
  });

  it('preadmit render interrupted by SIGINT: exit 130, "interrupted", no tool process left', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/preadmit.js'), 'render', '--repo', repo.dir, '--changed', `charts/${marker}/templates/cm.yaml`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The CLI names the release after the chart directory: helm's argument.
    await toolStarted(marker);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('preadmit render: interrupted');
    expect(processesNaming(marker)).toEqual([]);
  });
});

// A template that never ends in practice: 2.7 * 10^13 iterations over one small array.
const SPIN = `package spin
violation[{"msg": "done"}] {
  r := numbers.range(1, 30000)
  count({1 | r[_]; r[_]; r[_]}) > 5
}`;
const QUICK = `package quick
violation[{"msg": "quick"}] { true }`;

describe('cancellation: evaluation', () => {
  let compiled: Map<string, CompiledTemplate>;
  beforeAll(async () => {
    const compiler = createCompiler({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-cancel-pool-')) });
    const out = await compiler.compile([
      { key: 'spin', code: { rego: SPIN, libs: [], version: 'v0' } },
      { key: 'quick', code: { rego: QUICK, libs: [], version: 'v0' } },
    ]);
    compiled = new Map();
    for (const [k, v] of out) {
      if ('error' in v) throw new Error(v.error);
      compiled.set(k, v);
    }
  });
  const item = (key: string) => {
    const c = compiled.get(key)!;
    return { moduleId: c.module.id, entrypoint: c.entrypoint, dataId: 'd', review: 0, inputRest: '"constraints":[{"key":0,"parameters":{}}]' };
  };
  const newPool = (): EvalPool => {
    // One worker, and a deadline no test waits for: only the abort can free the worker.
    const pool = new EvalPool({ size: 1, deadlineMs: 600_000 });
    for (const c of compiled.values()) pool.addModule(c.module.id, c.module.wasm);
    pool.setData('d', '{}');
    return pool;
  };

  it('an aborted evaluation frees its worker: the next caller is evaluated at once', async () => {
    const pool = newPool();
    try {
      const abort = new AbortController();
      const spinning = pool.run([item('spin')], ['{}'], undefined, abort.signal);
      const next = pool.run([item('quick')], ['{}']);
      abort.abort();
      await expect(spinning).rejects.toBeInstanceOf(AbortError);
      const [out] = await next;
      expect(out).toHaveProperty('result');
    } finally {
      await pool.close();
    }
  });

  it("a cancelled caller's queued work is dropped; the others' work is not", async () => {
    const pool = newPool();
    try {
      const first = new AbortController();
      const second = new AbortController();
      const busy = pool.run([item('spin')], ['{}'], undefined, first.signal);
      const queued = pool.run(Array.from({ length: 100 }, () => item('spin')), ['{}'], undefined, second.signal);
      const kept = pool.run([item('quick')], ['{}']);
      second.abort();
      await expect(queued).rejects.toBeInstanceOf(AbortError);
      first.abort();
      await expect(busy).rejects.toBeInstanceOf(AbortError);
      // Had the hundred spins stayed queued ahead of it, this would wait for them.
      expect((await kept)[0]).toHaveProperty('result');
      // A signal aborted before the call: nothing is queued.
      await expect(pool.run([item('spin')], ['{}'], undefined, first.signal)).rejects.toBeInstanceOf(AbortError);
      expect((await pool.run([item('quick')], ['{}']))[0]).toHaveProperty('result');
    } finally {
      await pool.close();
    }
  });
});

describe('cancellation: GitHub reads', () => {
  let server: http.Server;
  let baseUrl: string;
  const open = new Set<http.IncomingMessage>();
  let closed = 0;
  beforeAll(async () => {
    // A GitHub that never answers: a request ends only when the client gives up on it.
    server = http.createServer((req) => {
      open.add(req);
      req.socket.on('close', () => {
        open.delete(req);
        closed++;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const client = () => restClient({ baseUrl, userAgent: 'preadmit-test', log: { warn: () => undefined } }, { throttle: false });

  it('a source read in flight is aborted on the wire and rejects with AbortError', async () => {
    const abort = new AbortController();
    const source = new GitHubSource(client(), { owner: 'o', repo: 'r', signal: abort.signal });
    const reading = source.listFiles('a'.repeat(40));
    reading.catch(() => undefined);
    await vi.waitFor(() => expect(open.size).toBe(1), { timeout: 10_000, interval: 20 });
    const before = closed;
    abort.abort();
    await expect(reading).rejects.toBeInstanceOf(AbortError);
    await vi.waitFor(() => expect(closed).toBe(before + 1), { timeout: 10_000, interval: 20 });
    expect(open.size).toBe(0);
  });

  it('a pull request check aborted mid-read rejects with AbortError, not a CheckError (no failed check is made of it)', async () => {
    const abort = new AbortController();
    const runtime = createRuntime();
    try {
      const sha = (c: string) => c.repeat(40);
      const checking = runPullRequestCheck(
        client(),
        { owner: 'o', repo: 'r', pullNumber: 1, baseRef: 'main', baseSha: sha('a'), headSha: sha('b'), defaultBranch: 'main' },
        { runtime, signal: abort.signal },
      );
      checking.catch(() => undefined);
      await vi.waitFor(() => expect(open.size).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
      abort.abort();
      const error = await checking.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAbort(error)).toBe(true);
      expect(error).not.toBeInstanceOf(CheckError);
      await vi.waitFor(() => expect(open.size).toBe(0), { timeout: 10_000, interval: 20 });
    } finally {
      await runtime.close();
    }
  });
});

describe('cancellation: remote charts', () => {
  const repo = new ChartRepo();
  beforeAll(async () => {
    repo.addChart('web', '1.0.0');
    repo.index();
    await repo.start();
  });
  afterAll(() => repo.stop());

  it('a chart fetch shared with a check that is cancelled meanwhile is made again for the check that was not', async () => {
    const held: http.ServerResponse[] = [];
    // The first index request is held: the first fetch is in flight until its check is cancelled.
    repo.hook = (req, res) => {
      if (held.length > 0 || req.url !== '/index.yaml') return false;
      held.push(res);
      return true;
    };
    const allow = chartAllowList(`${repo.url}/`).allow;
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'preadmit-cancel-charts-'));
    const req = { repoUrl: repo.url, chart: 'web', version: '1.0.0', declaredAt: { file: 'apps/web.yaml', startLine: 1 } };
    const abort = new AbortController();
    const first = resolveRemoteChart(req, { allow, cacheDir, signal: abort.signal });
    await vi.waitFor(() => expect(held).toHaveLength(1), { timeout: 10_000, interval: 20 });
    const second = resolveRemoteChart(req, { allow, cacheDir });
    abort.abort();
    expect(await first).toMatchObject({ ok: false, reason: expect.stringContaining('cancelled') });
    expect(await second).toMatchObject({ ok: true, version: '1.0.0' });
    repo.hook = undefined;
  });
});
