// `npm run bench:app`: webhook-to-completed-check latency of the real app through the fake GitHub (test/support/github).
//
// A generated GitOps monorepo of ~5,000 objects (plain manifests over 100 namespaces, kustomize overlays over
// a shared base, the templates and constraints of policies/) is served by the fake GitHub over HTTP as real git
// history, with one branch per pull request, each changing one file. The app's real server runs in a child
// process (so that its peak RSS is its own), pointed at the fake GitHub through GHE_HOST/GHE_PROTOCOL. One
// untimed PR warms the caches (compile cache, base tree and blobs); then 20 PRs are delivered at once as
// signed `pull_request.opened` webhooks, and each latency runs from the delivery's start to the moment the
// fake GitHub records the run `completed`. Prints p50/p95/max, peak RSS and the CPU time the app and the fake GitHub
// spent on the 20 PRs (on a shared machine latency follows everyone's load; CPU per PR much less); asserts
// nothing. BENCH_APP_NODE_ARGS passes node flags to the app (`--cpu-prof --cpu-prof-dir=DIR`: a profile is
// written when it exits); BENCH_APP_LOG_LEVEL=debug shows its log, each check's phases with their times.
//
// Then the scale-out run, in Redis mode (a redis-server the project's scripts/install-redis.sh installed, started
// here): 200 one-file PRs delivered at once to one instance, then 200 other PRs spread over two instances sharing
// the queue (same compile cache directory, warm). Prints p50/p95 latency and throughput (checks concluded per
// second, first delivery to last conclusion) of both. BENCH_APP_SCALE_PRS changes the 200; 0 skips the run.
//
// The monorepo is test/bench/monorepo.ts's, in its plainer form (bench:diff uses the detailed one).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { GitRepo } from '../support/git-repo.ts';
import { startRedis } from '../support/redis.ts';
import { generateMonorepo, PLAIN_FILES, plainFile, plainPath, type MonorepoOptions } from './monorepo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONCURRENT_PRS = 20;
/** PRs of each scale-out run (one instance, then two). */
const SCALE_PRS = Number(process.env.BENCH_APP_SCALE_PRS ?? 200);
/** Checks each instance runs at once in the scale-out run. */
const SCALE_CONCURRENCY = 2;
const TARGET_P95_MS = 3000;
const MONOREPO: MonorepoOptions = { detailed: false, allowedNamespaces: ['kube-system', 'kube-public'] };

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await bench();
}

/** Child mode: the app's server; prints `READY <url>`, and `MAXRSS <kb>` when told to stop. */
async function serve(): Promise<void> {
  const { startServer } = await import('../../src/app/server.ts');
  const server = await startServer({ port: 0, host: '127.0.0.1', env: process.env });
  process.stdout.write(`READY ${server.url}\n`);
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (line.trim() === 'STOP') break;
    if (line.trim() === 'CPU') {
      const u = process.cpuUsage();
      process.stdout.write(`CPU ${u.user + u.system}\n`);
    }
  }
  process.stdout.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`);
  await server.close();
  process.exit(0);
}

async function bench(): Promise<void> {
  const { GitHubModel } = await import('../support/github/model.ts');
  const { serveOverHttp } = await import('../support/github/http.ts');
  const { deliver, generateAppKey, HARNESS_TOKEN, pullRequestPayload } = await import('../e2e/webhooks.ts');

  const repo = GitRepo.temp('preadmit-bench-app-');
  const dir = repo.dir;
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-bench-app-cache-'));

  const t0 = Date.now();
  const objects = generateMonorepo((file, body) => repo.write(file, body), MONOREPO);
  repo.commitAll('base');
  // One branch per PR: PR 1 warms up, PRs 2..21 are timed, then 2 × SCALE_PRS for the scale-out runs. Each
  // changes one plain file (a new image).
  const pulls = [];
  const firstScalePr = CONCURRENT_PRS + 2;
  for (let n = 1; n < firstScalePr + 2 * SCALE_PRS; n++) {
    const f = (n * 37) % PLAIN_FILES;
    repo.git('checkout', '-q', '-b', `pr-${n}`, 'main');
    repo.write(plainPath(f), plainFile(MONOREPO, f, n));
    repo.git('commit', '-q', '-am', `pr ${n}: new image for svc-${f}`);
    pulls.push({ number: n, base: 'main', head: `pr-${n}`, author: 'dev' });
  }
  repo.git('checkout', '-q', 'main');
  const files = repo.git('ls-files').split('\n').filter(Boolean).length;
  process.stdout.write(`monorepo: ${objects} objects in ${files} files, ${pulls.length} one-file PRs (generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);

  const privateKey = generateAppKey();
  const appId = 9001;
  const secret = 'bench-webhook-secret-0123456789';
  const github = new GitHubModel({ appId, privateKeyPem: privateKey, acceptTokens: [HARNESS_TOKEN], repos: [{ owner: 'bench', name: 'monorepo', gitDir: dir, defaultBranch: 'main', installationId: 3, pulls }] });
  const http = await serveOverHttp(github);

  /** The app's server in a child process (its RSS and CPU its own), with `env` on top of the common settings. */
  const startApp = async (env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; nextLine: (prefix: string) => Promise<string> }> => {
    // BENCH_APP_NODE_ARGS: extra node flags for the app's process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        APP_ID: String(appId),
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: secret,
        GHE_HOST: http.host,
        GHE_PROTOCOL: 'http',
        // BENCH_APP_LOG_LEVEL=debug: the app's log (each check's phases with their times) goes to stderr.
        LOG_LEVEL: (['trace', 'debug', 'info', 'warn'] as const).find((l) => l === process.env.BENCH_APP_LOG_LEVEL) ?? 'error',
        LOG_FORMAT: 'json',
        PREADMIT_GITHUB_THROTTLE: 'false',
        PREADMIT_CACHE_DIR: cacheDir,
        // The start-up scan for interrupted runs would only add requests to what is measured.
        PREADMIT_RECOVERY: 'off',
        NODE_ENV: 'test',
        ...env,
      },
    });
    const lines = createInterface({ input: child.stdout! });
    if (process.env.BENCH_APP_LOG_LEVEL) lines.on('line', (l) => process.stderr.write(`${l}\n`));
    const nextLine = (prefix: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const onLine = (l: string): void => {
          if (l.startsWith(prefix)) {
            lines.off('line', onLine);
            resolve(l.slice(prefix.length).trim());
          }
        };
        lines.on('line', onLine);
        child.once('exit', (code) => reject(new Error(`app server exited with ${code}`)));
      });
    return { child, url: await nextLine('READY '), nextLine };
  };
  const { child, url: appUrl, nextLine } = await startApp();

  const deliverPr = async (n: number, url = appUrl, timeoutMs = 300_000): Promise<{ ms: number; conclusion: string | null; annotations: number; completedAt: number }> => {
    const payload = await pullRequestPayload(github, 'bench/monorepo', n, 'opened');
    const head = (payload.pull_request as { head: { sha: string } }).head.sha;
    const started = Date.now();
    const done = github.waitForCheckRun((r) => r.head_sha === head, timeoutMs);
    const res = await deliver(url, { event: 'pull_request', payload, secret });
    if (res.status >= 300) throw new Error(`delivery for PR ${n}: HTTP ${res.status} ${res.body}`);
    const run = await done;
    const completedAt = run.completedAt ?? Date.now();
    return { ms: completedAt - started, conclusion: run.conclusion, annotations: run.output.annotations.length, completedAt };
  };

  /** The scale-out run: SCALE_PRS PRs at once to one instance, then SCALE_PRS others over two, one Redis queue. */
  const scaleOut = async (): Promise<void> => {
    const redis = await startRedis();
    const rows: [string, string][] = [];
    try {
      for (const instances of [1, 2]) {
        const env = {
          REDIS_URL: redis.url,
          PREADMIT_REDIS_PREFIX: `bench-${instances}`,
          PREADMIT_CONCURRENCY: String(SCALE_CONCURRENCY),
          // One installation sends every PR here: its share is every slot of every instance.
          PREADMIT_INSTALLATION_CONCURRENCY: String(SCALE_CONCURRENCY * instances),
        };
        const apps = await Promise.all(Array.from({ length: instances }, () => startApp(env)));
        const first = firstScalePr + (instances - 1) * SCALE_PRS;
        const started = Date.now();
        const results = await Promise.all(Array.from({ length: SCALE_PRS }, (_, i) => deliverPr(first + i, apps[i % instances]!.url, 3_600_000)));
        const wall = Math.max(...results.map((r) => r.completedAt)) - started;
        for (const a of apps) await stopApp(a.child);
        const ms = results.map((r) => r.ms).sort((a, b) => a - b);
        const failed = results.filter((r) => r.conclusion !== 'success' && r.conclusion !== 'failure').length;
        rows.push([
          `${instances} instance${instances > 1 ? 's' : ''} × ${SCALE_CONCURRENCY} checks, Redis`,
          `p50 ${(percentile(ms, 50) / 1000).toFixed(2)} s, p95 ${(percentile(ms, 95) / 1000).toFixed(2)} s, max ${(ms.at(-1)! / 1000).toFixed(2)} s; ${((SCALE_PRS * 1000) / wall).toFixed(2)} checks/s (${SCALE_PRS} in ${(wall / 1000).toFixed(1)} s)${failed > 0 ? `; ${failed} without a verdict` : ''}`,
        ]);
      }
    } finally {
      await redis.stop();
    }
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`\nscale-out: ${SCALE_PRS} one-file PRs delivered at once (webhook → completed check; throughput from the first delivery to the last conclusion)\n`);
    process.stdout.write(`${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
    process.stdout.write(`  machine load average at the end (1 min): ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} CPUs\n`);
  };

  try {
    const warm = await deliverPr(1);
    process.stdout.write(`warm-up PR (untimed): ${warm.ms} ms, conclusion ${warm.conclusion}\n`);
    const requestsBefore = github.requests.length;
    // CPU time (all threads) of the app and of this process (the fake GitHub; its git children are not counted) over the
    // timed PRs: on a shared machine latency depends on everyone's load, CPU time per PR much less so.
    const appCpu = async (): Promise<number> => {
      const reply = nextLine('CPU ');
      child.stdin!.write('CPU\n');
      return Number(await reply);
    };
    const appCpuBefore = await appCpu();
    const ownCpuBefore = process.cpuUsage();
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: CONCURRENT_PRS }, (_, i) => deliverPr(i + 2)));
    const wall = Date.now() - started;
    const appCpuMs = ((await appCpu()) - appCpuBefore) / 1000;
    const own = process.cpuUsage(ownCpuBefore);
    const githubCpuMs = (own.user + own.system) / 1000;
    const requests = github.requests.slice(requestsBefore);
    child.stdin!.write('STOP\n');
    const maxRssKb = Number(await nextLine('MAXRSS '));

    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    const pct = (p: number): number => percentile(ms, p);
    const conclusions = new Map<string, number>();
    for (const r of results) conclusions.set(String(r.conclusion), (conclusions.get(String(r.conclusion)) ?? 0) + 1);
    const byKind = new Map<string, number>();
    for (const r of requests) {
      const kind = r.path.replace(/^\/api\/v3\/repos\/[^/]+\/[^/]+/, '').replace(/[0-9a-f]{40}/g, ':sha').replace(/\/\d+/g, '/:n') || r.path;
      byKind.set(`${r.method} ${kind}`, (byKind.get(`${r.method} ${kind}`) ?? 0) + 1);
    }
    const rows: [string, string][] = [
      ['objects in the repository', String(objects)],
      ['concurrent one-file PRs', String(CONCURRENT_PRS)],
      ['app queue concurrency (PREADMIT_CONCURRENCY)', process.env.PREADMIT_CONCURRENCY ?? '2 (default)'],
      ['latency p50 (webhook → completed check)', `${(pct(50) / 1000).toFixed(2)} s`],
      ['latency p95', `${(pct(95) / 1000).toFixed(2)} s  (target < ${TARGET_P95_MS / 1000} s: ${pct(95) < TARGET_P95_MS ? 'met' : 'NOT met'})`],
      ['latency min / max', `${(ms[0]! / 1000).toFixed(2)} s / ${(ms.at(-1)! / 1000).toFixed(2)} s`],
      ['wall time for all 20', `${(wall / 1000).toFixed(2)} s`],
      ['peak RSS of the app process', `${(maxRssKb / 1024).toFixed(0)} MB`],
      ['app CPU time for the 20 (all threads)', `${(appCpuMs / 1000).toFixed(2)} s  (${(appCpuMs / CONCURRENT_PRS).toFixed(0)} ms per PR)`],
      ['fake GitHub CPU time for the 20 (without git)', `${(githubCpuMs / 1000).toFixed(2)} s`],
      ['machine load average at the end (1 min)', `${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} CPUs`],
      ['conclusions', [...conclusions].map(([c, k]) => `${c} × ${k}`).join(', ')],
      ['API requests for the 20 PRs', `${requests.length} (${(requests.length / CONCURRENT_PRS).toFixed(1)} per PR)`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n\nrequests by endpoint (20 timed PRs):\n`);
    for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${String(v).padStart(5)}  ${k}\n`);
    await stopApp(child, false);

    if (SCALE_PRS > 0) await scaleOut();
  } finally {
    // Let the app exit on its own (a CPU profile is written on exit), then make sure it is gone.
    if (child.exitCode === null) {
      child.stdin!.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin!.end();
      child.kill('SIGTERM');
    }
    await http.close();
    if (!process.env.BENCH_KEEP) repo.cleanup(); else process.stdout.write(`kept ${dir}\n`);
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The `p`th percentile of sorted `ms` (nearest rank). */
function percentile(ms: number[], p: number): number {
  return ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] ?? NaN;
}

/** Tells an app child to stop (unless it was told already: it answers MAXRSS, closes its server and exits) and waits for it, 30 s at most. */
async function stopApp(child: ChildProcess, tell = true): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (tell) child.stdin!.write('STOP\n');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 30_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
