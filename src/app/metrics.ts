// Prometheus metrics of one app instance (`GET /metrics`, prom-client): the queue's depth (this instance's, or the
// shared Redis queue's), how long checks take, how they conclude, how often the compile and render caches hit. Each instance has its own registry.
import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from 'prom-client';
import { cacheStats } from '../util/cache-stats.ts';

/** What the metrics read of the app (its queue's depth): structural, so that this module depends on nothing of the app. */
export interface MetricsSource {
  queue: { depth(): { waiting: number; running: number } | Promise<{ waiting: number; running: number }> };
}

export interface AppMetrics {
  registry: Registry;
  contentType: string;
  text(): Promise<string>;
  checkDone(conclusion: string, seconds: number): void;
  /** A check started after waiting `seconds` in the queue (in Redis mode: since it was queued, by any instance). */
  checkStarted(seconds: number): void;
  evaluationError(): void;
}

let current: AppMetrics | undefined;

/** The metrics of the running server (undefined outside one, e.g. in unit tests of the app function). */
export function appMetrics(): AppMetrics | undefined {
  return current;
}

export function createMetrics(handle: MetricsSource | undefined): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'preadmit_process_' });
  new Gauge({
    name: 'preadmit_queue_waiting',
    help: 'Checks waiting to run (the shared queue in Redis mode)',
    registers: [registry],
    async collect() {
      this.set((await handle?.queue.depth())?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'preadmit_queue_running',
    help: 'Checks running (over all instances in Redis mode)',
    registers: [registry],
    async collect() {
      this.set((await handle?.queue.depth())?.running ?? 0);
    },
  });
  for (const result of ['hits', 'misses'] as const) {
    new Counter({
      name: `preadmit_cache_${result}_total`,
      help: `Lookups in the compiled-policy (cache="compile") and render (cache="render") caches that were ${result === 'hits' ? 'answered from memory or the cache directory' : 'not cached (opa or a renderer ran)'}, in this process`,
      labelNames: ['cache'],
      registers: [registry],
      collect() {
        const stats = cacheStats();
        this.reset();
        for (const cache of ['compile', 'render'] as const) this.inc({ cache }, stats[cache][result]);
      },
    });
  }
  const latency = new Histogram({
    name: 'preadmit_check_duration_seconds',
    help: 'Time from a check starting to its run being completed',
    buckets: [0.5, 1, 2, 5, 10, 20, 40, 60, 120, 300, 600],
    registers: [registry],
  });
  // The same durations as quantiles this process computes (p50, p95 over the last 10 minutes), for dashboards
  // without histogram_quantile.
  const latencyQuantiles = new Summary({
    name: 'preadmit_check_duration_quantiles_seconds',
    help: 'Time from a check starting to its run being completed: p50 and p95 over the last 10 minutes, in this process',
    percentiles: [0.5, 0.95],
    maxAgeSeconds: 600,
    ageBuckets: 5,
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'preadmit_queue_wait_seconds',
    help: 'Time a check waited in the queue before it started',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const conclusions = new Counter({ name: 'preadmit_check_conclusions_total', help: 'Check runs completed, by conclusion', labelNames: ['conclusion'], registers: [registry] });
  const errors = new Counter({ name: 'preadmit_evaluation_errors_total', help: 'Checks that failed to render or evaluate', registers: [registry] });
  const m: AppMetrics = {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    checkDone(conclusion, seconds) {
      conclusions.inc({ conclusion });
      latency.observe(seconds);
      latencyQuantiles.observe(seconds);
    },
    checkStarted(seconds) {
      wait.observe(Math.max(0, seconds));
    },
    evaluationError() {
      errors.inc();
    },
  };
  current = m;
  return m;
}
