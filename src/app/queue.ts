// The embedded work queue: webhooks are acknowledged at once and checks run here, a bounded number at a time.
// Work is coalesced per pull request: newer work for a PR supersedes its queued or running older work, whose
// check run is concluded at once and its job's signal aborted (its renders, reads and evaluations stop).
// Redelivered and replayed webhooks (same `x-github-delivery` id, or the same event and payload) are recognised
// and ignored.
//
// `WorkQueue` and `DeliveryDedupe` are what the app uses; this file implements them in memory (one process, the
// default), queue-bullmq.ts on Redis with BullMQ (`REDIS_URL`: many instances, one queue). Both follow the same
// rules, and share the texts and reasons below.
import { appMetrics } from './metrics.ts';

/** Why a job ended without its own result. */
export type EndReason = 'superseded' | 'cancelled' | 'timeout' | 'shutdown' | 'overflow' | 'failed';

type Awaitable<T> = T | Promise<T>;

/** The queue the app hands checks to (memory: `CheckQueue`; Redis: `RedisCheckQueue` in queue-bullmq.ts). */
export interface WorkQueue {
  readonly mode: 'memory' | 'redis';
  /** Queues `job` (resolves once it is durably queued); older work for its key is superseded. */
  push(job: QueuedCheck): Awaitable<void>;
  /** Ends queued and running work for `key` (a merge group that was destroyed, a PR that was closed). */
  cancel(key: string, detail: string): Awaitable<void>;
  /** True once for a check run: the caller may conclude it (no other job, process or instance will). */
  claim(checkRunId: number): Awaitable<boolean>;
  /** Conclusion of `checkRunId` was published (the claim becomes final). */
  concluded(checkRunId: number): Awaitable<void>;
  /** Check runs with work queued or running, not yet concluded (in every instance). */
  activeCheckRuns(): Awaitable<Set<number>>;
  /** Keys with work queued or running, with the commit each one checks (in every instance). */
  activeKeys(): Awaitable<Map<string, string>>;
  /** Waiting and running checks (for /metrics): this process's, or the whole shared queue's. */
  depth(): Awaitable<{ waiting: number; running: number }>;
  /** Can work be queued now (for /readyz)? Undefined when it can, else why not. */
  notReady(): Awaitable<string | undefined>;
  idle(): Promise<void>;
  settled(): Promise<void>;
  close(graceMs?: number): Promise<void>;
}

/** Delivery dedupe (memory: `DeliveryLog`; Redis: `RedisDeliveryLog`). */
export interface DeliveryDedupe {
  begin(keys: readonly string[]): Promise<boolean>;
  done(keys: readonly string[]): Awaitable<void>;
  failed(keys: readonly string[]): Awaitable<void>;
}

export interface QueuedCheck {
  /** Coalescing key: one pull request (`owner/repo#12`) or one merge group (`owner/repo@ref`). */
  key: string;
  /** The commit the job checks. */
  sha: string;
  /** The check run the job completes. */
  checkRunId: number;
  /** Does the work and completes the run, unless `signal` was aborted meanwhile. Must not reject. */
  run(signal: AbortSignal): Promise<void>;
  /** Completes the run without a result (called at most once per job, never together with a completed `run`). */
  end(reason: EndReason, detail: string): Promise<void>;
  /** Fairness group (the installation's account): at most `perGroup` of its checks run at once. */
  group?: string;
  /** What another process needs to redo the job (JSON): the Redis queue stores it, and revives the job from it. */
  spec?: unknown;
}

export interface CheckQueueOptions {
  /** Checks running at once (each renders and evaluates; the evaluator pool is shared). Default 2. */
  concurrency?: number;
  /** Checks waiting at most; more are refused (their runs concluded) rather than piling up. Default 500. */
  maxQueued?: number;
  /** A check still running after this long is concluded as timed out and its slot freed. Default 10 min. */
  jobTimeoutMs?: number;
  /**
   * A group's (installation's) share of the slots: a waiting check of a group below its share starts before the
   * checks of groups at or above theirs, so one busy organisation cannot starve the others (a free slot is
   * never left idle, though). Default: concurrency - 1 (at least 1).
   */
  perGroup?: number;
  onError?: (error: unknown, job: QueuedCheck) => void;
}

interface Running {
  job: QueuedCheck;
  abort: AbortController;
  done: Promise<void>;
  /** Its slot was freed (timed out, still finishing in the background). */
  freed: boolean;
}

export class CheckQueue implements WorkQueue {
  readonly mode = 'memory' as const;
  readonly #concurrency: number;
  readonly #perGroup: number;
  readonly #maxQueued: number;
  readonly #jobTimeoutMs: number;
  readonly #onError: (error: unknown, job: QueuedCheck) => void;
  /** Waiting jobs in order; at most one per key. */
  #queued: QueuedCheck[] = [];
  /** Running jobs (a key can have an aborted one still finishing and a new one running). */
  readonly #running = new Set<Running>();
  /** Jobs whose run is still in flight after they were ended (timeout): they no longer take a slot. */
  #slots = 0;
  #closed = false;
  readonly #idleWaiters: (() => void)[] = [];
  readonly #endings = new Set<Promise<void>>();
  /** Every started run until it returns, aborted or timed-out ones included. */
  readonly #inFlight = new Set<Promise<void>>();
  /** When each waiting job was queued (for the queue-wait metric). */
  readonly #queuedAt = new WeakMap<QueuedCheck, number>();

  constructor(options: CheckQueueOptions = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#perGroup = defaultPerGroup(this.#concurrency, options.perGroup);
    this.#maxQueued = Math.max(0, options.maxQueued ?? 500);
    this.#jobTimeoutMs = options.jobTimeoutMs ?? 10 * 60_000;
    this.#onError = options.onError ?? (() => undefined);
  }

  get queued(): number {
    return this.#queued.length;
  }

  get running(): number {
    return this.#slots;
  }

  depth(): { waiting: number; running: number } {
    return { waiting: this.#queued.length, running: this.#slots };
  }

  notReady(): string | undefined {
    return this.#closed ? 'shutting down' : undefined;
  }

  /** Each job concludes its own run once (it keeps its own flag); within one process there is nobody else. */
  claim(): boolean {
    return true;
  }

  concluded(): void {}

  /** The check run ids this process still owns (queued or running, not yet concluded by it). */
  activeCheckRuns(): Set<number> {
    return new Set([...this.#queued.map((j) => j.checkRunId), ...[...this.#running].filter((r) => !r.abort.signal.aborted).map((r) => r.job.checkRunId)]);
  }

  /** The keys with work queued or running (not yet concluded), with the commit each one checks. */
  activeKeys(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.#running) if (!r.abort.signal.aborted) out.set(r.job.key, r.job.sha);
    for (const j of this.#queued) out.set(j.key, j.sha);
    return out;
  }

  /**
   * Adds a job. Older work for the same key is superseded: a queued job is replaced (the new one takes its
   * place in line), a running one is aborted and its run concluded now.
   */
  push(job: QueuedCheck): void {
    if (this.#closed) {
      this.#end(job, 'shutdown', 'preadmit is shutting down and did not start this check.');
      return;
    }
    this.#queuedAt.set(job, Date.now());
    const at = this.#queued.findIndex((j) => j.key === job.key);
    if (at >= 0) {
      const old = this.#queued[at] as QueuedCheck;
      this.#queued[at] = job;
      this.#end(old, 'superseded', supersedeText(old, job));
    } else if (this.#queued.length >= this.#maxQueued) {
      this.#end(job, 'overflow', `preadmit has ${this.#queued.length} checks waiting, its limit; this one was not started.`);
      return;
    } else {
      this.#queued.push(job);
    }
    for (const r of this.#running) {
      if (r.job.key === job.key && !r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, 'superseded', supersedeText(r.job, job));
      }
    }
    this.#pump();
  }

  /** Ends queued and running work for `key` (a merge group that was destroyed, a PR that was closed). */
  cancel(key: string, detail: string): void {
    this.#queued = this.#queued.filter((j) => {
      if (j.key !== key) return true;
      this.#end(j, 'cancelled', detail);
      return false;
    });
    for (const r of this.#running) {
      if (r.job.key === key && !r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, 'cancelled', detail);
      }
    }
    this.#checkIdle();
  }

  /** Resolves when nothing is queued or running and every conclusion this queue sent has been sent. */
  async idle(): Promise<void> {
    while (this.#queued.length > 0 || this.#slots > 0 || this.#endings.size > 0) {
      if (this.#queued.length === 0 && this.#slots === 0) await Promise.allSettled([...this.#endings]);
      else await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
  }

  /** Resolves when every run that was started has returned, including runs whose result was discarded. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#endings.size > 0) await Promise.allSettled([...this.#inFlight, ...this.#endings]);
  }

  /**
   * Stops taking work: queued checks are concluded at once, running ones get `graceMs` to finish and are then
   * concluded too. No run this process created is left in_progress.
   */
  async close(graceMs = 30_000): Promise<void> {
    this.#closed = true;
    const waiting = this.#queued;
    this.#queued = [];
    for (const j of waiting) this.#end(j, 'shutdown', SHUTDOWN_QUEUED_TEXT);
    const running = [...this.#running];
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled(running.map((r) => r.done)), grace]);
    clearTimeout(timer);
    for (const r of this.#running) {
      if (!r.abort.signal.aborted) {
        r.abort.abort();
        this.#end(r.job, 'shutdown', SHUTDOWN_RUNNING_TEXT);
      }
    }
    await Promise.allSettled([...this.#endings]);
  }

  #end(job: QueuedCheck, reason: EndReason, detail: string): void {
    const p = job.end(reason, detail).catch((e: unknown) => this.#onError(e, job));
    this.#endings.add(p);
    void p.finally(() => {
      this.#endings.delete(p);
      this.#checkIdle();
    });
  }

  #pump(): void {
    while (this.#slots < this.#concurrency && this.#queued.length > 0) {
      // The first waiting job whose group is under its share goes first (a busy group's jobs let the others pass);
      // when every waiting job's group is at its share, the first one runs anyway (no slot is left idle).
      const under = this.#queued.findIndex((j) => j.group === undefined || this.#runningIn(j.group) < this.#perGroup);
      const at = under >= 0 ? under : 0;
      const job = this.#queued.splice(at, 1)[0] as QueuedCheck;
      this.#start(job);
    }
    this.#checkIdle();
  }

  #runningIn(group: string): number {
    let n = 0;
    for (const r of this.#running) if (r.job.group === group && !r.freed) n++;
    return n;
  }

  #start(job: QueuedCheck): void {
    appMetrics()?.checkStarted((Date.now() - (this.#queuedAt.get(job) ?? Date.now())) / 1000);
    const abort = new AbortController();
    this.#slots++;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      entry.freed = true;
      this.#slots--;
      this.#pump();
    };
    let timer: NodeJS.Timeout | undefined;
    const entry: Running = { job, abort, done: Promise.resolve(), freed: false };
    const work = Promise.resolve()
      .then(() => job.run(abort.signal))
      .catch((e: unknown) => this.#onError(e, job));
    entry.done = work.then(() => {
      clearTimeout(timer);
      this.#running.delete(entry);
      free();
    });
    this.#inFlight.add(entry.done);
    void entry.done.finally(() => this.#inFlight.delete(entry.done));
    this.#running.add(entry);
    timer = setTimeout(() => {
      if (abort.signal.aborted) return;
      abort.abort();
      this.#end(job, 'timeout', timeoutText(this.#jobTimeoutMs));
      // The job's signal stops its renders, reads and evaluations; what is left of it ends in the background, but no
      // longer holds a slot.
      free();
    }, this.#jobTimeoutMs);
    timer.unref();
  }

  #checkIdle(): void {
    if (this.#queued.length > 0 || this.#slots > 0) return;
    for (const w of this.#idleWaiters.splice(0)) w();
  }
}

/** Checks of one group running at once: `perGroup`, else concurrency - 1 (at least 1). */
export function defaultPerGroup(concurrency: number, perGroup: number | undefined): number {
  return Math.max(1, perGroup ?? concurrency - 1);
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

const SHUTDOWN_QUEUED_TEXT = 'preadmit was restarted before this check started.';
const SHUTDOWN_RUNNING_TEXT = 'preadmit was restarted while this check was running.';

export function timeoutText(jobTimeoutMs: number): string {
  return `The check did not finish within ${Math.round(jobTimeoutMs / 1000)} s.`;
}

/** Why `old` was superseded by newer work for the same key (`newer` carries the commit it checks). */
export function supersedeText(old: { sha: string }, newer: { sha: string }): string {
  return old.sha === newer.sha
    ? `A newer request to check the same commit (${short(old.sha)}) replaced this run before it finished.`
    : `Commit ${short(newer.sha)} replaced ${short(old.sha)} before its check finished; the newer commit is checked instead.`;
}

/**
 * Deliveries already handled (or being handled), by every key that names them: the `x-github-delivery` id (GitHub
 * keeps it on a redelivery) and a digest of the event and its payload (a replay of the same signed body under a
 * new id). A delivery whose handling failed is forgotten, so its redelivery is handled again; a redelivery that
 * arrives while the original is still being handled waits for the original's outcome instead of being dropped.
 * Entries are forgotten after `windowMs` and beyond `capacity`.
 */
export class DeliveryLog implements DeliveryDedupe {
  readonly #seen = new Map<string, { state: 'handling' | 'handled'; at: number; settled: Promise<void>; settle: () => void }>();
  constructor(
    readonly capacity = 10_000,
    readonly windowMs = 60 * 60_000,
  ) {}

  /** True when none of `keys` was handled (they are now being handled); false for a duplicate. */
  async begin(keys: readonly string[]): Promise<boolean> {
    for (;;) {
      const now = Date.now();
      const entries = keys.map((k) => this.#seen.get(k)).filter((e) => e !== undefined && now - e.at <= this.windowMs);
      const inFlight = entries.find((e) => e?.state === 'handling');
      if (inFlight !== undefined) {
        await inFlight.settled;
        continue;
      }
      if (entries.length > 0) return false;
      let settle = (): void => undefined;
      const settled = new Promise<void>((resolve) => {
        settle = resolve;
      });
      for (const k of keys) {
        this.#seen.delete(k);
        this.#seen.set(k, { state: 'handling', at: now, settled, settle });
      }
      while (this.#seen.size > this.capacity) {
        const oldest = this.#seen.keys().next().value;
        if (oldest === undefined) break;
        this.#seen.delete(oldest);
      }
      return true;
    }
  }

  done(keys: readonly string[]): void {
    for (const k of keys) {
      const e = this.#seen.get(k);
      if (e === undefined) continue;
      e.state = 'handled';
      e.settle();
    }
  }

  failed(keys: readonly string[]): void {
    for (const k of keys) {
      const e = this.#seen.get(k);
      if (e === undefined) continue;
      this.#seen.delete(k);
      e.settle();
    }
  }
}
