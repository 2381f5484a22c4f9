// Many kustomize roots per tool run. A `kustomize build` process costs ~145 ms of start-up and jail per
// root; `kustomize-batch` (scripts/kustomize-batch: the same kustomize library, at the same versions, with
// the options the CLI uses by default) builds a list of roots in one process, in the same jail, under the
// same limits, and says per root what `kustomize build` of that root would have printed. Whatever a batch
// cannot vouch for is built alone with the kustomize CLI: a root that crashed the build, the root in
// progress when a batch was stopped (time, memory or output cap), a root that needs kustomize's helm when the
// program was not told how to run it (an older build of it ignores the KUSTOMIZE_BATCH_HELM_* variables).
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRelativeMessage, runRendererRaw, type RenderContext } from '../context.ts';
import { buildsPathAsIs } from '../gitops/model.ts';
import type { PlannedRoot } from '../plan.ts';
import { failureOf, type FailureLimits } from '../sandbox.ts';

/** What `kustomize build` of a root gave: its stdout, or why it failed. */
type BuildOutcome = { stdout: string } | { failure: string };
/** A root's build from a batch, or 'cli': build it alone with the kustomize CLI. */
export type BatchOutcome = BuildOutcome | 'cli';

/** The batch program's name; it lives next to the kustomize binary whose library it was built from. */
const BATCH_PROGRAM = 'kustomize-batch';
/** `PREADMIT_KUSTOMIZE_BATCH=off` builds every root with its own `kustomize build` (comparisons, fallback). */
const BATCH_SWITCH = 'PREADMIT_KUSTOMIZE_BATCH';
/** Most roots in one batch: enough to spread over the cores, few enough that a stopped batch loses little. */
const MAX_BATCH_ROOTS = 40;
const LABEL = 'kustomize build';

/**
 * The batch program for this kustomize binary: `kustomize-batch` in the same directory (scripts/install-tools.sh
 * builds both there from the same kustomize version). A kustomize found elsewhere (PREADMIT_KUSTOMIZE, PATH)
 * has none, and every root is built by the CLI.
 */
export function batchProgram(kustomize: string): string | undefined {
  if (process.env[BATCH_SWITCH] === 'off') return undefined;
  const candidate = path.join(path.dirname(kustomize), BATCH_PROGRAM);
  try {
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** Prepares a root for building: writes its wrapper kustomization, gives the directory to build. */
export type PrepareRoot = (planned: PlannedRoot) => Promise<string>;

const started = new WeakMap<RenderContext, Map<PlannedRoot, Promise<BatchOutcome>>>();

/**
 * This root's build from the batches of its render (`ctx.roots`), started on the first call: the kustomize
 * roots are cut into batches run `ctx.concurrency` at a time. 'cli' when the root is in no batch (batches
 * off, a lone root) or the batch could not vouch for it.
 */
export function batchedBuild(planned: PlannedRoot, ctx: RenderContext, kustomize: string, prepare: PrepareRoot, helm?: BatchHelm): Promise<BatchOutcome> {
  let builds = started.get(ctx);
  if (builds === undefined) {
    builds = startBatches(ctx, kustomize, prepare, helm);
    started.set(ctx, builds);
  }
  return builds.get(planned) ?? Promise.resolve('cli');
}

/** helm for `helmCharts` in a batch: the binary bound into the jail, and the environment telling the program how to run it. */
export interface BatchHelm {
  helm: string;
  env: Record<string, string>;
}

function startBatches(ctx: RenderContext, kustomize: string, prepare: PrepareRoot, helm: BatchHelm | undefined): Map<PlannedRoot, Promise<BatchOutcome>> {
  const builds = new Map<PlannedRoot, Promise<BatchOutcome>>();
  const program = batchProgram(kustomize);
  // A GitOps app with options builds its own kustomization (gitops/render.ts), not its root's path as is.
  const roots = (ctx.roots ?? []).filter((p) => p.root.kind === 'kustomize' && (p.root.app === undefined || buildsPathAsIs(p.root.app)) && p.problems.length === 0);
  if (program === undefined || roots.length < 2) return builds;
  const concurrency = Math.max(1, ctx.concurrency ?? os.availableParallelism());
  const batches = cut(roots, Math.max(concurrency, Math.ceil(roots.length / MAX_BATCH_ROOTS)));
  const settle = new Map<PlannedRoot, (o: BatchOutcome) => void>();
  for (const p of roots) builds.set(p, new Promise<BatchOutcome>((resolve) => settle.set(p, resolve)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      try {
        await runBatch(batch, ctx, program, prepare, helm, (p, o) => settle.get(p)!(o));
      } catch {
        // Whatever went wrong, the roots not yet answered are built alone.
      }
      for (const p of batch) settle.get(p)!('cli'); // a no-op for roots already answered
    }
  };
  for (let i = 0; i < Math.min(concurrency, batches.length); i++) void worker();
  return builds;
}

/** `items` cut into `n` runs of consecutive items, as even as can be. */
function cut<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const count = Math.min(n, items.length);
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.ceil((items.length - start) / (count - i));
    out.push(items.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * Builds the roots of one batch. A run stopped or crashed part-way keeps the roots it finished; the root it
 * was building is built alone by the CLI (so the time limit, memory cap or crash is blamed on that root by
 * its own run), and the roots after it go on in a new batch.
 */
async function runBatch(
  batch: PlannedRoot[],
  ctx: RenderContext,
  program: string,
  prepare: PrepareRoot,
  helm: BatchHelm | undefined,
  answer: (p: PlannedRoot, o: BatchOutcome) => void,
): Promise<void> {
  const dirs = await Promise.all(batch.map(prepare));
  let queue = batch.map((p, i) => ({ p, dir: dirs[i]! }));
  while (queue.length > 0) {
    const extra = helm === undefined ? {} : { env: helm.env, extraTools: [helm.helm] };
    const r = await runRendererRaw(ctx, LABEL, program, queue.map((q) => q.dir), { cwd: ctx.scratchDir, ...extra });
    if ('failure' in r) {
      // The render budget is spent: each root says so, as its own `kustomize build` would.
      for (const q of queue) answer(q.p, { failure: r.failure });
      return;
    }
    const { frames } = parseFrames(r.run.stdoutBytes);
    const answered = Math.min(frames.length, queue.length);
    for (let i = 0; i < answered; i++) answer(queue[i]!.p, outcomeOf(frames[i]!, r.limits, ctx));
    if (answered === queue.length) return;
    const stopped = r.run.timedOut || r.run.overflowed || r.run.outOfMemory;
    // Not one root done and not stopped by a limit: the program itself cannot run here; the CLI builds them.
    if (answered === 0 && !stopped) return;
    // A crash ends the process right after the crashed root's frame (that root is answered 'cli'); any other
    // end came while building the root after the last frame: that one is built alone.
    let rest = answered;
    if (frames[answered - 1]?.status !== 'panic') answer(queue[rest++]!.p, 'cli');
    queue = queue.slice(rest);
  }
}

export interface Frame {
  index: number;
  status: 'ok' | 'error' | 'panic' | 'cli';
  stdout: Buffer;
  stderr: Buffer;
}

const HEADER = /^KB1 (\d+) (ok|error|panic|cli) (\d+) (\d+)$/;

/**
 * The frames of a batch's stdout, in order: `KB1 <index> <status> <stdout bytes> <stderr bytes>\n` then the
 * bytes. Parsing stops at the first frame that is cut off or malformed or out of order; `complete` says
 * whether the output ended exactly after a frame.
 */
export function parseFrames(out: Buffer): { frames: Frame[]; complete: boolean } {
  const frames: Frame[] = [];
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0 || nl - at > 200) return { frames, complete: false };
    const m = HEADER.exec(out.subarray(at, nl).toString('latin1'));
    if (m === null || Number(m[1]) !== frames.length) return { frames, complete: false };
    const outLen = Number(m[3]);
    const errLen = Number(m[4]);
    const end = nl + 1 + outLen + errLen;
    if (end > out.length) return { frames, complete: false };
    frames.push({
      index: frames.length,
      status: m[2] as Frame['status'],
      stdout: out.subarray(nl + 1, nl + 1 + outLen),
      stderr: out.subarray(nl + 1 + outLen, end),
    });
    at = end;
  }
  return { frames, complete: true };
}

/** A frame as `kustomize build` of that root would have ended: its stdout, or its stderr as the CLI's failure (exit 1). */
function outcomeOf(frame: Frame, limits: FailureLimits, ctx: RenderContext): BatchOutcome {
  if (frame.status === 'ok') return { stdout: frame.stdout.toString('utf8') };
  if (frame.status !== 'error') return 'cli';
  const stderr = frame.stderr.toString('utf8');
  const failure = failureOf(LABEL, { code: 1, stdout: '', stdoutBytes: Buffer.alloc(0), stderr, timedOut: false, overflowed: false, outOfMemory: false }, limits);
  return { failure: repoRelativeMessage(failure ?? `${LABEL} failed`, ctx) };
}
