// The Redis mode of the work queue (`REDIS_URL`): many app instances share one BullMQ queue, so any instance can
// take a delivery and any worker can run its check. The rules are the memory queue's (queue.ts):
//
// - Coalescing per key (a PR, a merge group): Redis holds the latest run of each key. Pushing newer work
//   supersedes the older run: a waiting job is removed and its run concluded at once; a running one is told to
//   stop (pub/sub) and concluded by the instance running it. A worker also compares its job with the latest run
//   when it starts and before it publishes, so a lost message or a job handed back after a crash cannot publish a
//   stale result. A closed PR leaves a tombstone with the reason, read the same way.
// - Conclude once: a run is concluded by whoever wins its claim in Redis; a claim held by an instance that died
//   (its liveness key expired) can be taken over, so a kill between claim and publish leaves no run in_progress.
// - Fairness: a group (installation account) runs at most `perGroup` checks at once over all instances (leases
//   in a sorted set); a job over the share is put back with a short delay and other groups' jobs pass it.
// - Retries with backoff: a job whose processing throws (e.g. the installation token could not be had) is retried
//   by BullMQ with exponential backoff; after the last attempt its run is concluded with the error.
// - Crash: a killed instance's job loses its lock; BullMQ's stalled-job check hands it to another worker, which
//   redoes it. Graceful shutdown hands running jobs back the same way, at once (moved back to waiting).
// - Deliveries: the delivery-id and replay dedupe live in Redis with expiry (`RedisDeliveryLog`).
import { randomUUID } from 'node:crypto';
import { DelayedError, Job, Queue, WaitingError, Worker, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { LogLine } from '../util/log.ts';
import { appMetrics } from './metrics.ts';
import { defaultPerGroup, supersedeText, timeoutText, type DeliveryDedupe, type EndReason, type QueuedCheck, type WorkQueue } from './queue.ts';

export interface RedisQueueOptions {
  /** `redis://[user:password@]host:port[/db]` */
  url: string;
  /** Prefix of every Redis key, so several deployments can share a server. Default `preadmit`. */
  prefix?: string;
  /** Does this instance run checks (role `worker` or `all`)? A `web` instance only queues them. */
  process: boolean;
  /** Checks this instance runs at once. Default 2. */
  concurrency?: number;
  /** Checks of one group (installation) running at once over all instances. Default: `concurrency`. */
  perGroup?: number;
  jobTimeoutMs?: number;
  /** Processing attempts of a job (a throw retries it with exponential backoff from `backoffMs`). Default 3. */
  attempts?: number;
  backoffMs?: number;
  /** A running job's lock; a killed instance's jobs are taken over about this long after it died. Default 30 s. */
  lockMs?: number;
  /** Rebuilds a job from its `spec` in this process (a worker, or a web instance concluding a superseded job). */
  revive(spec: unknown): Promise<QueuedCheck>;
  onError?: (error: unknown, what: string) => void;
  log?: LogLine;
}

interface JobData {
  key: string;
  sha: string;
  checkRunId: number;
  group?: string;
  spec: unknown;
}

/** The latest run of a key, or a tombstone (`checkRunId` 0) saying why its work was cancelled. */
interface Latest {
  checkRunId: number;
  sha: string;
  cancelled?: string;
}

interface Running {
  checkRunId: number;
  abort: AbortController;
  job: QueuedCheck;
  /** Set when this instance hands the job back (shutdown): the processor returns it to the queue. */
  handBack: () => void;
}

const QUEUE_NAME = 'checks';
const CLAIM_DONE = 'done';
/** How long a finished claim, a tombstone and an active entry are kept at most. */
const KEEP_S = 7 * 24 * 3600;

// KEYS[1] latest hash, KEYS[2] active hash; ARGV: key, latest JSON, checkRunId, active JSON. Returns the previous latest.
const SET_LATEST = `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[4]) end
return prev`;

// KEYS[1] claim key; ARGV: instance id, alive-key prefix, ttl s. 1 when the caller may conclude the run.
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return 1 end
if holder == '${CLAIM_DONE}' then return 0 end
if holder and redis.call('EXISTS', ARGV[2] .. holder) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1`;

// KEYS[1] group lease set; ARGV: member, now ms, lease expiry ms, share. 1 when the member holds a lease.
const LEASE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3] - ARGV[2])
  return 1
end
return 0`;

// KEYS: one per delivery key; ARGV: handling ttl ms. 'dup', 'wait' or 'ok' (then every key is marked handling).
const DELIVERY_BEGIN = `
local state = 'ok'
for i, k in ipairs(KEYS) do
  local v = redis.call('GET', k)
  if v == 'handled' then return 'dup' end
  if v == 'handling' then state = 'wait' end
end
if state == 'wait' then return 'wait' end
for i, k in ipairs(KEYS) do redis.call('SET', k, 'handling', 'PX', ARGV[1]) end
return 'ok'`;

function jobIdOf(checkRunId: number): string {
  return `run-${checkRunId}`;
}

function parseLatest(v: string | null | undefined): Latest | undefined {
  if (v == null) return undefined;
  try {
    const o = JSON.parse(v) as Latest;
    return typeof o.checkRunId === 'number' && typeof o.sha === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Redis connection options from a URL (BullMQ needs `maxRetriesPerRequest: null` on its connections). */
function connection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

export class RedisCheckQueue implements WorkQueue {
  readonly mode = 'redis' as const;
  readonly #o: RedisQueueOptions;
  readonly #prefix: string;
  readonly #instance = randomUUID();
  readonly #redis: Redis;
  readonly #sub: Redis | undefined;
  readonly #queue: Queue;
  readonly #worker: Worker | undefined;
  readonly #running = new Map<number, Running>();
  readonly #endings = new Set<Promise<void>>();
  readonly #perGroup: number;
  readonly #lockMs: number;
  readonly #jobTimeoutMs: number;
  readonly #attempts: number;
  readonly #alive: NodeJS.Timeout;
  #closed = false;

  constructor(options: RedisQueueOptions) {
    this.#o = options;
    this.#prefix = options.prefix ?? 'preadmit';
    const concurrency = Math.max(1, options.concurrency ?? 2);
    this.#perGroup = defaultPerGroup(concurrency + 1, options.perGroup);
    this.#lockMs = options.lockMs ?? 30_000;
    this.#jobTimeoutMs = options.jobTimeoutMs ?? 10 * 60_000;
    this.#attempts = Math.max(1, options.attempts ?? 3);
    this.#redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.#redis.on('error', (e: unknown) => this.#o.onError?.(e, 'redis'));
    this.#queue = new Queue(QUEUE_NAME, { connection: connection(options.url), prefix: this.#prefix });
    this.#queue.on('error', (e: unknown) => this.#o.onError?.(e, 'queue'));
    this.#markAlive();
    this.#alive = setInterval(() => this.#markAlive(), 2_000);
    this.#alive.unref();
    if (options.process) {
      this.#sub = new Redis(options.url, { maxRetriesPerRequest: null });
      this.#sub.on('error', (e: unknown) => this.#o.onError?.(e, 'redis subscriber'));
      void this.#sub.subscribe(this.#key('cancel')).catch((e: unknown) => this.#o.onError?.(e, 'redis subscribe'));
      this.#sub.on('message', (_channel: string, message: string) => this.#onCancelMessage(message));
      this.#worker = new Worker(QUEUE_NAME, (job, token) => this.#process(job as Job<JobData>, token), {
        connection: connection(options.url),
        prefix: this.#prefix,
        concurrency,
        lockDuration: this.#lockMs,
        stalledInterval: Math.max(1_000, Math.floor(this.#lockMs / 2)),
        maxStalledCount: 3,
      });
      this.#worker.on('error', (e: unknown) => this.#o.onError?.(e, 'worker'));
      this.#worker.on('failed', (job, error) => {
        if (job === undefined || job.attemptsMade < (job.opts.attempts ?? 1)) return;
        // The last attempt failed: the run is concluded with the error (if it is still this job's to conclude).
        const data = job.data as JobData;
        this.#track(this.#endRevived(data, 'failed', `The check could not be run: ${error.message.slice(0, 300)}`));
      });
    }
  }

  #key(name: string): string {
    return `${this.#prefix}:${name}`;
  }

  #markAlive(): void {
    void this.#redis.set(this.#key(`alive:${this.#instance}`), '1', 'PX', 6_000).catch(() => undefined);
  }

  async push(job: QueuedCheck): Promise<void> {
    if (job.spec === undefined) throw new Error(`the check of ${job.key} cannot be queued in Redis: it has no spec`);
    const data: JobData = { key: job.key, sha: job.sha, checkRunId: job.checkRunId, spec: job.spec, ...(job.group !== undefined ? { group: job.group } : {}) };
    const prev = parseLatest(
      (await this.#redis.eval(SET_LATEST, 2, this.#key('latest'), this.#key('active'), job.key, JSON.stringify({ checkRunId: job.checkRunId, sha: job.sha }), String(job.checkRunId), JSON.stringify({ key: job.key, sha: job.sha, at: Date.now() }))) as string | null,
    );
    const opts: JobsOptions = {
      jobId: jobIdOf(job.checkRunId),
      attempts: this.#attempts,
      backoff: { type: 'exponential', delay: this.#o.backoffMs ?? 2_000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600, count: 10_000 },
    };
    await this.#queue.add('check', data, opts);
    if (prev !== undefined && prev.checkRunId !== 0 && prev.checkRunId !== job.checkRunId) await this.#stop(prev.checkRunId, 'superseded', supersedeText(prev, job));
  }

  async cancel(key: string, detail: string): Promise<void> {
    const prev = parseLatest((await this.#redis.eval(SET_LATEST, 2, this.#key('latest'), this.#key('active'), key, JSON.stringify({ checkRunId: 0, sha: '', cancelled: detail }), '', '')) as string | null);
    await this.#redis.expire(this.#key('latest'), KEEP_S).catch(() => undefined);
    if (prev !== undefined && prev.checkRunId !== 0) await this.#stop(prev.checkRunId, 'cancelled', detail);
  }

  /**
   * Stops the older work of a key: a waiting job is removed and its run concluded here; a running one (here or on
   * another instance) is told to stop and concluded there.
   */
  async #stop(checkRunId: number, reason: EndReason, detail: string): Promise<void> {
    const job = (await Job.fromId(this.#queue, jobIdOf(checkRunId))) as Job<JobData> | undefined;
    if (job === undefined) return;
    const state = await job.getState();
    if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') {
      let removed = false;
      try {
        await job.remove();
        removed = true;
      } catch {
        // Taken by a worker meanwhile (locked): it is running; told below.
      }
      if (removed) {
        this.#track(this.#endRevived(job.data, reason, detail));
        return;
      }
    } else if (state !== 'active') {
      return;
    }
    await this.#redis.publish(this.#key('cancel'), JSON.stringify({ checkRunId, reason, detail }));
  }

  #onCancelMessage(message: string): void {
    let m: { checkRunId?: unknown; reason?: unknown; detail?: unknown };
    try {
      m = JSON.parse(message) as typeof m;
    } catch {
      return;
    }
    const r = typeof m.checkRunId === 'number' ? this.#running.get(m.checkRunId) : undefined;
    if (r === undefined || r.abort.signal.aborted) return;
    r.abort.abort();
    this.#track(this.#end(r.job, m.reason === 'cancelled' ? 'cancelled' : 'superseded', typeof m.detail === 'string' ? m.detail : 'Newer work replaced this check.'));
  }

  /** Concludes a run without a result, if its claim is won. */
  async #end(job: QueuedCheck, reason: EndReason, detail: string): Promise<void> {
    if (!(await this.claim(job.checkRunId))) return;
    try {
      await job.end(reason, detail);
    } finally {
      await this.concluded(job.checkRunId);
    }
  }

  async #endRevived(data: JobData, reason: EndReason, detail: string): Promise<void> {
    await this.#end(await this.#o.revive(data.spec), reason, detail);
  }

  #track(p: Promise<void>): void {
    const q = p.catch((e: unknown) => this.#o.onError?.(e, 'concluding a check run'));
    this.#endings.add(q);
    void q.finally(() => this.#endings.delete(q));
  }

  async claim(checkRunId: number): Promise<boolean> {
    const won = await this.#redis.eval(CLAIM, 1, this.#key(`claim:${checkRunId}`), this.#instance, this.#key('alive:'), String(Math.ceil(this.#lockMs / 1000) + 60));
    return won === 1;
  }

  async concluded(checkRunId: number): Promise<void> {
    await this.#redis
      .multi()
      .set(this.#key(`claim:${checkRunId}`), CLAIM_DONE, 'EX', KEEP_S)
      .hdel(this.#key('active'), String(checkRunId))
      .exec();
  }

  async #latest(key: string): Promise<Latest | undefined> {
    return parseLatest(await this.#redis.hget(this.#key('latest'), key));
  }

  /** Is `data` still the latest work of its key? Else ends it with the reason and says false. */
  async #stillLatest(data: JobData, job: QueuedCheck): Promise<boolean> {
    const latest = await this.#latest(data.key);
    if (latest === undefined || latest.checkRunId === data.checkRunId) return true;
    if (latest.cancelled !== undefined) await this.#end(job, 'cancelled', latest.cancelled);
    else await this.#end(job, 'superseded', supersedeText(data, latest));
    return false;
  }

  async #process(bull: Job<JobData>, token: string | undefined): Promise<void> {
    const data = bull.data;
    const groupKey = data.group !== undefined ? this.#key(`group:${data.group.toLowerCase()}`) : undefined;
    const lease = async (): Promise<boolean> => {
      if (groupKey === undefined) return true;
      const now = Date.now();
      return (await this.#redis.eval(LEASE, 1, groupKey, bull.id ?? '', String(now), String(now + this.#lockMs * 2), String(this.#perGroup))) === 1;
    };
    if (!(await lease())) {
      // The group has its share running: back in line for a moment; other groups' jobs pass it meanwhile.
      await bull.moveToDelayed(Date.now() + 500 + Math.floor(Math.random() * 1_000), token);
      throw new DelayedError();
    }
    const renew = groupKey !== undefined ? setInterval(() => void lease().catch(() => undefined), Math.floor(this.#lockMs / 2)) : undefined;
    renew?.unref();
    try {
      const job = await this.#o.revive(data.spec);
      if (!(await this.#stillLatest(data, job))) return;
      const abort = new AbortController();
      let handBack = (): void => undefined;
      const handedBack = new Promise<'handed-back'>((resolve) => {
        handBack = () => resolve('handed-back');
      });
      const entry: Running = { checkRunId: data.checkRunId, abort, job, handBack };
      this.#running.set(data.checkRunId, entry);
      appMetrics()?.checkStarted((Date.now() - bull.timestamp) / 1000);
      this.#o.log?.('info', 'check started on this instance', { run: data.checkRunId, key: data.key, sha: data.sha, attempt: bull.attemptsMade + 1 });
      // Checked again now that a cancel message would find the job.
      if (!(await this.#stillLatest(data, job))) {
        this.#running.delete(data.checkRunId);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.#jobTimeoutMs);
        timer.unref();
      });
      const work = Promise.resolve().then(() => job.run(abort.signal));
      const outcome = await Promise.race([work.then(() => 'done' as const), timedOut, handedBack]);
      clearTimeout(timer);
      this.#running.delete(data.checkRunId);
      if (outcome === 'timeout' && !abort.signal.aborted) {
        abort.abort();
        await this.#end(job, 'timeout', timeoutText(this.#jobTimeoutMs));
      }
      if (outcome === 'handed-back') {
        abort.abort();
        // Another instance redoes the job; its run stays in_progress until then.
        await bull.moveToWait(token);
        throw new WaitingError();
      }
    } finally {
      clearInterval(renew);
      if (groupKey !== undefined) await this.#redis.zrem(groupKey, bull.id ?? '').catch(() => undefined);
    }
  }

  async activeCheckRuns(): Promise<Set<number>> {
    const ids = await this.#redis.hkeys(this.#key('active'));
    return new Set(ids.map(Number).filter((n) => Number.isInteger(n)));
  }

  async activeKeys(): Promise<Map<string, string>> {
    const all = await this.#redis.hgetall(this.#key('active'));
    const out = new Map<string, string>();
    const oldest = Date.now() - KEEP_S * 1000;
    for (const v of Object.values(all)) {
      try {
        const e = JSON.parse(v) as { key?: unknown; sha?: unknown; at?: unknown };
        if (typeof e.key === 'string' && typeof e.sha === 'string' && (typeof e.at !== 'number' || e.at >= oldest)) out.set(e.key, e.sha);
      } catch {
        // not ours
      }
    }
    return out;
  }

  async depth(): Promise<{ waiting: number; running: number }> {
    const c = await this.#queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active');
    return { waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0), running: c.active ?? 0 };
  }

  async notReady(): Promise<string | undefined> {
    if (this.#closed) return 'shutting down';
    try {
      await this.#redis.ping();
      return undefined;
    } catch (e) {
      return `Redis is not reachable: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Resolves when this instance runs nothing and has sent every conclusion it started. */
  async idle(): Promise<void> {
    while (this.#running.size > 0 || this.#endings.size > 0) {
      await Promise.allSettled([...this.#endings]);
      if (this.#running.size > 0) await new Promise((r) => setTimeout(r, 50));
    }
  }

  settled(): Promise<void> {
    return this.idle();
  }

  /**
   * Stops taking work. Running checks get `graceMs` to finish; those still running are then handed back to the
   * queue (another instance redoes them; their runs stay in_progress until it does). Waiting jobs stay queued.
   */
  async close(graceMs = 30_000): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#alive);
    if (this.#worker !== undefined) {
      const closing = this.#worker.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closing, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const r of this.#running.values()) {
        this.#o.log?.('info', 'check handed back to the queue', { run: r.checkRunId, key: r.job.key });
        r.handBack();
      }
      await closing;
    }
    await Promise.allSettled([...this.#endings]);
    await this.#queue.close();
    this.#sub?.disconnect();
    await this.#redis.del(this.#key(`alive:${this.#instance}`)).catch(() => undefined);
    this.#redis.disconnect();
  }
}

/** The delivery dedupe of queue.ts's `DeliveryLog`, in Redis with expiry (every instance sees every delivery). */
export class RedisDeliveryLog implements DeliveryDedupe {
  readonly #redis: Redis;
  readonly #prefix: string;
  constructor(
    url: string,
    prefix = 'preadmit',
    readonly windowMs = 60 * 60_000,
    /** A delivery being handled by an instance that died is forgotten after this long. */
    readonly handlingMs = 60_000,
  ) {
    this.#prefix = prefix;
    this.#redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.#redis.on('error', () => undefined);
  }

  #keys(keys: readonly string[]): string[] {
    return keys.map((k) => `${this.#prefix}:delivery:${k}`);
  }

  async begin(keys: readonly string[]): Promise<boolean> {
    const ks = this.#keys(keys);
    for (;;) {
      const r = await this.#redis.eval(DELIVERY_BEGIN, ks.length, ...ks, String(this.handlingMs));
      if (r === 'ok') return true;
      if (r === 'dup') return false;
      // Being handled (here or elsewhere): wait for its outcome.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async done(keys: readonly string[]): Promise<void> {
    const m = this.#redis.multi();
    for (const k of this.#keys(keys)) m.set(k, 'handled', 'PX', this.windowMs);
    await m.exec();
  }

  async failed(keys: readonly string[]): Promise<void> {
    await this.#redis.del(...this.#keys(keys));
  }

  close(): void {
    this.#redis.disconnect();
  }
}
