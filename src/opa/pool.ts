// Evaluates compiled policies in worker threads, so that a template that never ends or eats memory
// costs one error result, not the process.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import { abortable, throwIfAborted } from '../util/abort.ts';
import { isCelItem, type EvalItem, type EvalOutcome, type WorkerRequest, type WorkerResponse } from './pool-protocol.ts';
import type { CelSource } from '../cel/engine.ts';

export type { CelItem, EvalItem, EvalOutcome } from './pool-protocol.ts';

export interface PoolOptions {
  /** Worker threads; defaults to the number of CPUs (at most 4). */
  size?: number;
  /** Wall-clock limit for one evaluation. */
  deadlineMs?: number;
  /** Upper bound of each policy instance's linear memory, in MiB. */
  maxPolicyMemoryMb?: number;
  /** V8 heap limit of each worker, in MiB. */
  maxWorkerHeapMb?: number;
  /**
   * CEL sources kept (default 10,000): least recently used ones are forgotten here and in every worker; a client
   * registers a source again before it evaluates it.
   */
  maxCelSources?: number;
  /**
   * Compiled modules kept, by wasm size, in MiB (default 256): least recently used ones are forgotten here and in
   * every worker, and supplied again by `run`'s resolver when needed.
   */
  maxModuleCacheMb?: number;
}

/** A module's wasm bytes by id, for modules the pool has let go of since they were added. */
export type ModuleResolver = (id: string) => Uint8Array | WebAssembly.Module | undefined;

interface Task {
  items: EvalItem[];
  /** The caller's review list; items index into it. */
  reviews: string[];
  /** Index in the caller's list of each item. */
  indexes: number[];
  outcomes: EvalOutcome[];
  resolve: () => void;
  resolveModule: ModuleResolver | undefined;
  /** The caller's cancellation: its tasks are dropped from the queue, and a worker busy on one is replaced. */
  signal?: AbortSignal;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  task: Task | undefined;
  /**
   * Value of progress[0] (1 + index of the item being evaluated) and progress[1] (a beat the worker gives within an
   * item that does several evaluations: a CEL item, one per constraint) when the watchdog last saw them move, and when.
   */
  lastProgress: number;
  lastBeat: number;
  lastMoved: number;
  knownModules: Set<string>;
  /** CEL sources this worker was sent (it compiles each on first use). */
  knownCel: Set<string>;
  /** Modules the pool forgot that this worker still holds: dropped at its next task (unless that task uses them). */
  staleModules: Set<string>;
  knownData: Map<string, string>;
}

/** The bundled worker beside the bundle (`dist/`), else the TypeScript worker through its tsx boot file. */
const BUNDLED_WORKER = new URL('./eval-worker.mjs', import.meta.url);
const WORKER_ENTRY = existsSync(BUNDLED_WORKER) ? BUNDLED_WORKER : new URL('./eval-worker-boot.mjs', import.meta.url);

const CHUNK = 128;
/** Below this many items per worker, fewer workers do the job: starting one costs more than it saves. */
const MIN_CHUNK = 32;

export class EvalPool {
  private readonly size: number;
  private readonly deadlineMs: number;
  private readonly maxPages: number;
  private readonly maxHeapMb: number;
  private readonly modules: LRUCache<string, { module: WebAssembly.Module; bytes: number }>;
  private readonly data = new Map<string, string>();
  private readonly celSources: LRUCache<string, CelSource>;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()));
    this.deadlineMs = options.deadlineMs ?? 5_000;
    this.maxPages = Math.ceil(((options.maxPolicyMemoryMb ?? 256) * 1024 * 1024) / 65536);
    this.maxHeapMb = options.maxWorkerHeapMb ?? 512;
    this.celSources = new LRUCache({
      max: Math.max(1, options.maxCelSources ?? 10_000),
      dispose: (_, id) => {
        for (const slot of this.slots) if (slot.knownCel.delete(id)) slot.worker.postMessage({ type: 'drop-cel', id } satisfies WorkerRequest);
      },
    });
    this.modules = new LRUCache({
      maxSize: Math.max(1, Math.floor((options.maxModuleCacheMb ?? 256) * 1024 * 1024)),
      sizeCalculation: (m) => Math.max(1, m.bytes),
      dispose: (_, id) => {
        for (const slot of this.slots) if (slot.knownModules.delete(id)) slot.staleModules.add(id);
      },
    });
  }

  /** How many compiled modules the pool holds now (bounded by maxModuleCacheMb). */
  get moduleCount(): number {
    return this.modules.size;
  }

  /** Starts workers now (one by default, at most the pool's size), so that their start-up overlaps with whatever the caller does before evaluating. */
  prewarm(workers = 1): void {
    while (this.slots.length < Math.min(workers, this.size) && !this.closed) this.spawn();
  }

  /** Registers a compiled module; workers instantiate it on first use. */
  addModule(id: string, wasm: Uint8Array | WebAssembly.Module): void {
    if (this.modules.has(id)) return;
    // A module given compiled has no byte size to count: it counts as 1 MiB.
    const bytes = wasm instanceof WebAssembly.Module ? 1024 * 1024 : wasm.byteLength;
    this.modules.set(id, { module: wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>), bytes });
  }

  /**
   * Registers a CEL template source (K8sNativeValidation) under an id: CEL items name it, and each worker compiles
   * it on first use. The least recently used are forgotten past maxCelSources (workers told to drop them).
   */
  addCel(id: string, source: CelSource): void {
    // A lookup marks it recently used: a source in use is not the one forgotten.
    if (this.celSources.get(id) === undefined) this.celSources.set(id, source);
  }

  /** How many CEL sources the pool holds now (bounded by maxCelSources). */
  get celSourceCount(): number {
    return this.celSources.size;
  }

  /** Registers a `data` document (JSON text) that evaluation items refer to by id. */
  setData(id: string, json: string): void {
    this.data.set(id, json);
  }

  /** How many data documents are registered (a long-running process must not accumulate them). */
  get dataDocuments(): number {
    return this.data.size;
  }

  /** Forgets a data document, here and in every worker (its instances reload data on next use). */
  dropData(id: string): void {
    this.data.delete(id);
    for (const slot of this.slots) {
      if (!slot.knownData.delete(id)) continue;
      slot.worker.postMessage({ type: 'drop-data', id } satisfies WorkerRequest);
    }
  }

  /**
   * Evaluates every item (each on its review from `reviews`); outcomes come back in the same order. When `signal`
   * aborts, the call rejects with `AbortError`: its queued work is dropped and a worker busy on it is terminated and
   * replaced (as at the deadline), so the next caller gets the worker at once.
   */
  async run(items: EvalItem[], reviews: string[], resolveModule?: ModuleResolver, signal?: AbortSignal): Promise<EvalOutcome[]> {
    if (this.closed) throw new Error('evaluation pool is closed');
    throwIfAborted(signal);
    const outcomes: EvalOutcome[] = new Array(items.length);
    const per = Math.max(1, Math.min(CHUNK, Math.max(MIN_CHUNK, Math.ceil(items.length / this.size))));
    const done: Promise<void>[] = [];
    for (let start = 0; start < items.length; start += per) {
      const slice = items.slice(start, start + per);
      const indexes = slice.map((_, i) => start + i);
      done.push(new Promise<void>((resolve) => this.queue.push({ items: slice, reviews, indexes, outcomes, resolve, resolveModule, ...(signal ? { signal } : {}) })));
    }
    this.pump();
    if (signal === undefined) {
      await Promise.all(done);
      return outcomes;
    }
    const drop = (): void => this.drop(signal);
    signal.addEventListener('abort', drop, { once: true });
    try {
      await abortable(Promise.all(done), signal);
    } finally {
      signal.removeEventListener('abort', drop);
    }
    return outcomes;
  }

  /** Forgets the work of a cancelled caller: its queued tasks, and the workers busy on its tasks (terminated). */
  private drop(signal: AbortSignal): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.signal === signal) this.queue.splice(i, 1);
    for (const slot of [...this.slots]) {
      if (slot.task?.signal !== signal) continue;
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.task = undefined;
      void slot.worker.terminate();
    }
    if (!this.closed) this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === undefined);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { progress, maxPages: this.maxPages },
      // A small young generation per worker: evaluation allocates short-lived values; ~25 MB less peak RSS per run.
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    const slot: Slot = {
      worker,
      progress,
      task: undefined,
      lastProgress: 0,
      lastBeat: 0,
      lastMoved: Date.now(),
      knownModules: new Set(),
      knownCel: new Set(),
      staleModules: new Set(),
      knownData: new Map(),
    };
    worker.on('message', (msg: WorkerResponse) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onCrash(slot, `evaluation worker failed: ${err.message}`));
    worker.on('exit', (code) => {
      if (slot.task) this.onCrash(slot, `evaluation worker exited with code ${code}`);
    });
    this.slots.push(slot);
    if (!this.watchdog) {
      this.watchdog = setInterval(() => this.checkDeadlines(), Math.max(10, Math.min(250, this.deadlineMs / 4)));
      this.watchdog.unref();
    }
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    const moduleIds = new Set<string>();
    const celIds = new Set<string>();
    const dataIds = new Set<string>();
    for (const item of task.items) {
      if (isCelItem(item)) {
        celIds.add(item.celId);
        dataIds.add(item.paramsId);
      } else {
        moduleIds.add(item.moduleId);
        dataIds.add(item.dataId);
      }
    }
    const missingModule = [...moduleIds].find((id) => !this.modules.has(id) && task.resolveModule?.(id) === undefined);
    const missingCel = [...celIds].find((id) => !this.celSources.has(id));
    const missing = missingModule !== undefined ? `unknown module ${missingModule}` : missingCel !== undefined ? `unknown CEL source ${missingCel}` : undefined;
    if (missing !== undefined) {
      // Never reached by a client (it registers what it evaluates); an answer per item rather than a stuck slot.
      for (const index of task.indexes) task.outcomes[index] = { error: missing };
      task.resolve();
      return;
    }
    slot.task = task;
    for (const id of slot.staleModules) {
      if (!moduleIds.has(id)) slot.worker.postMessage({ type: 'drop-module', id } satisfies WorkerRequest);
    }
    slot.staleModules.clear();
    for (const id of moduleIds) {
      if (slot.knownModules.has(id)) continue;
      let module = this.modules.get(id)?.module;
      if (!module) {
        const again = task.resolveModule?.(id);
        if (again === undefined) throw new Error(`unknown module ${id}`); // checked above
        this.addModule(id, again);
        module = this.modules.get(id)?.module ?? (again instanceof WebAssembly.Module ? again : new WebAssembly.Module(again as Uint8Array<ArrayBuffer>));
      }
      slot.worker.postMessage({ type: 'module', id, module } satisfies WorkerRequest);
      slot.knownModules.add(id);
    }
    for (const id of celIds) {
      if (slot.knownCel.has(id)) continue;
      slot.worker.postMessage({ type: 'cel', id, source: this.celSources.get(id)! } satisfies WorkerRequest);
      slot.knownCel.add(id);
    }
    for (const id of dataIds) {
      const json = this.data.get(id) ?? '{}';
      if (slot.knownData.get(id) === json) continue;
      slot.worker.postMessage({ type: 'data', id, json } satisfies WorkerRequest);
      slot.knownData.set(id, json);
    }
    Atomics.store(slot.progress, 0, 0);
    slot.lastProgress = 0;
    slot.lastMoved = Date.now();
    slot.worker.ref();
    // Send only the reviews this task uses, renumbered.
    const used = new Map<number, number>();
    const reviews: string[] = [];
    const items = task.items.map((item) => {
      let local = used.get(item.review);
      if (local === undefined) {
        local = reviews.push(task.reviews[item.review] ?? 'null') - 1;
        used.set(item.review, local);
      }
      return { ...item, review: local };
    });
    slot.worker.postMessage({ type: 'run', items, reviews } satisfies WorkerRequest);
  }

  private onMessage(slot: Slot, msg: WorkerResponse): void {
    const task = slot.task;
    if (!task) return;
    msg.outcomes.forEach((o, i) => (task.outcomes[task.indexes[i]!] = o));
    this.finish(slot);
    task.resolve();
    this.pump();
  }

  private finish(slot: Slot): void {
    slot.task = undefined;
    slot.worker.unref();
  }

  private checkDeadlines(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      if (!slot.task) continue;
      const p = Atomics.load(slot.progress, 0);
      const beat = Atomics.load(slot.progress, 1);
      // The deadline runs per evaluation, from the moment the worker starts it (not while it boots): per item, or per
      // beat within an item that does several (the constraints of a CEL item).
      if (p === 0 || p !== slot.lastProgress || beat !== slot.lastBeat) {
        slot.lastProgress = p;
        slot.lastBeat = beat;
        slot.lastMoved = now;
      } else if (now - slot.lastMoved > this.deadlineMs) {
        this.onCrash(slot, `evaluation exceeded the ${this.deadlineMs} ms deadline`);
      }
    }
  }

  /**
   * The item in flight gets `reason` as its error; every other item of the task goes back on the queue
   * (the worker reports a task's outcomes together, so those it had finished are evaluated again).
   */
  private onCrash(slot: Slot, reason: string): void {
    const task = slot.task;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.task = undefined;
    void slot.worker.terminate();
    if (!task) return;
    const inFlight = Math.min(Math.max(0, Atomics.load(slot.progress, 0) - 1), task.items.length - 1);
    task.outcomes[task.indexes[inFlight]!] = { error: reason };
    const keep = (_: unknown, i: number) => i !== inFlight;
    const rest = task.items.filter(keep);
    if (rest.length === 0) task.resolve();
    else this.queue.unshift({ ...task, items: rest, indexes: task.indexes.filter(keep) });
    if (!this.closed) this.pump();
  }
}
