// Fairness across installations, in both queue modes: installation X queues many checks, then installation Y one.
// Y's check starts and completes while X's backlog is still waiting, instead of after it. The queues are the real
// ones (CheckQueue in memory; RedisCheckQueue on a real redis-server, two instances sharing it); the checks are
// held open by the test and released one at a time, so the assertions are on order, never on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckQueue, type QueuedCheck, type WorkQueue } from '../../src/app/queue.ts';
import { RedisCheckQueue } from '../../src/app/queue-bullmq.ts';
import { startRedis, until, type LocalRedis } from '../support/redis.ts';

const X_CHECKS = 8;

interface Spec {
  id: number;
  group: string;
}

/** Checks whose run waits until the test releases it; records the order they start and finish in. */
class Held {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  readonly ended: string[] = [];
  readonly #gates = new Map<string, () => void>();

  job(spec: Spec): QueuedCheck {
    const name = `${spec.group}${spec.id}`;
    return {
      key: `${spec.group}/repo#${spec.id}`,
      sha: 'a'.repeat(40),
      checkRunId: spec.id,
      group: spec.group,
      spec,
      run: async () => {
        this.started.push(name);
        await new Promise<void>((resolve) => this.#gates.set(name, resolve));
        this.finished.push(name);
      },
      end: async (reason) => {
        this.ended.push(`${name}:${reason}`);
      },
    };
  }

  running(): string[] {
    return [...this.#gates.keys()];
  }

  /** Lets the oldest running check of `group` finish. */
  release(group: string): void {
    const name = this.running().find((n) => n.startsWith(group));
    if (name === undefined) throw new Error(`no running check of ${group}`);
    const open = this.#gates.get(name);
    this.#gates.delete(name);
    open?.();
  }

  releaseAll(): void {
    for (const name of this.running()) this.release(name.replace(/\d+$/, ''));
  }
}

async function queueXThenY(queue: WorkQueue, held: Held): Promise<void> {
  for (let i = 1; i <= X_CHECKS; i++) await queue.push(held.job({ id: i, group: 'x' }));
  // X's first checks have started before Y's arrives.
  await until('X to start', () => held.started.length > 0, 30_000);
  await queue.push(held.job({ id: 100, group: 'y' }));
}

describe('in-memory queue', () => {
  it('a waiting check of another installation goes before the busy installation backlog', async () => {
    const held = new Held();
    // Three slots, two per installation: a free slot is never left idle, so X fills all three at first.
    const queue = new CheckQueue({ concurrency: 3, perGroup: 2 });
    await queueXThenY(queue, held);
    await until('three checks running', () => held.running().length === 3, 10_000);
    expect(held.started).toEqual(['x1', 'x2', 'x3']);
    // The first slot that frees goes to Y (X is at its share), though five of X's checks waited longer.
    held.release('x');
    await until('the freed slot to be taken', () => held.started.length === 4, 10_000);
    expect(held.started.at(-1)).toBe('y100');
    held.release('y');
    await until('Y to finish', () => held.finished.includes('y100'), 10_000);
    expect(held.finished).toEqual(['x1', 'y100']);
    // The rest of X's backlog drains afterwards.
    while (held.finished.length < X_CHECKS + 1) {
      if (held.running().length > 0) held.releaseAll();
      await new Promise((r) => setTimeout(r, 10));
    }
    await queue.idle();
    expect(held.finished.indexOf('y100')).toBeLessThan(held.finished.length - (X_CHECKS - 2));
    expect(new Set(held.finished).size).toBe(X_CHECKS + 1);
    expect(held.ended).toEqual([]);
  });
});

describe('Redis queue, two instances', () => {
  let redis: LocalRedis;
  const queues: RedisCheckQueue[] = [];
  const held = new Held();

  beforeAll(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++) {
      queues.push(
        new RedisCheckQueue({
          url: redis.url,
          prefix: 'fairness',
          process: true,
          // Four slots over both instances, two per installation over both.
          concurrency: 2,
          perGroup: 2,
          lockMs: 10_000,
          revive: async (spec) => held.job(spec as Spec),
          onError: (e) => {
            throw e;
          },
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    held.releaseAll();
    await Promise.all(queues.map((q) => q.close(1_000)));
    await redis?.stop();
  });

  it('Y check starts and completes while X backlog waits: X runs at most its share over all instances', async () => {
    await queueXThenY(queues[0] as RedisCheckQueue, held);
    await until('Y to start', () => held.started.includes('y100'), 60_000);
    // X holds its two leases; the slots it may not take went to Y, not to more of X.
    expect(held.running().filter((n) => n.startsWith('x'))).toHaveLength(2);
    expect(held.started.filter((n) => n.startsWith('x'))).toHaveLength(2);
    held.release('y');
    await until('Y to finish', () => held.finished.includes('y100'), 30_000);
    expect(held.finished).toEqual(['y100']);
    const { waiting } = await (queues[1] as RedisCheckQueue).depth();
    expect(waiting).toBeGreaterThanOrEqual(X_CHECKS - 2 - 2); // at most two more of X were fetched and put back
    // X's backlog then drains, two at a time, every check run once.
    while (held.finished.length < X_CHECKS + 1) {
      if (held.running().length > 0) {
        expect(held.running().length).toBeLessThanOrEqual(2);
        held.release('x');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(held.finished[0]).toBe('y100');
    expect(new Set(held.finished).size).toBe(X_CHECKS + 1);
    expect(held.started).toHaveLength(X_CHECKS + 1);
    expect(held.ended).toEqual([]);
  }, 180_000);
});
