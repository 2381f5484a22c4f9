// The cost budget and deadline of CEL evaluations (Kubernetes bounds CEL by cost the same way).
import type { Environment } from '@marcbachmann/cel-js';

export class BudgetExceeded extends Error {}

interface Budget {
  left: number;
  deadline: number;
  exhausted: boolean;
}

let current: Budget | undefined;

/**
 * Runs `fn` with an evaluation budget: every evaluated expression node costs 1, every string or list it
 * produces a share of its size; past the budget (or the wall-clock deadline) evaluation fails with
 * BudgetExceeded. Kubernetes bounds CEL by cost the same way; the units are not cel-go's exactly.
 */
export function withBudget<T>(cost: number, deadlineMs: number, fn: () => T): { value: T; exhausted: false } | { exhausted: true } {
  const outer = current;
  const budget: Budget = { left: cost, deadline: Date.now() + deadlineMs, exhausted: false };
  current = budget;
  try {
    const value = fn();
    // An error inside all()/exists() or a || b may have been absorbed by the evaluator: the flag stays.
    return budget.exhausted ? { exhausted: true } : { value, exhausted: false };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { exhausted: true };
    throw e;
  } finally {
    current = outer;
  }
}

/**
 * For library functions whose work or result is large (replace, join, findAll…): charges `units` before
 * the work is done, so an oversized result fails on the budget instead of exhausting memory.
 */
export function chargeCost(units: number): void {
  const budget = current;
  if (budget === undefined) return;
  budget.left -= units;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded('out of cost budget');
  }
}

/** Milliseconds left before the current evaluation's deadline (Infinity outside an evaluation). */
export function remainingMs(): number {
  return current === undefined ? Infinity : current.deadline - Date.now();
}

/** Ends the current evaluation as out of budget (its deadline passed inside a library function). */
export function deadlinePassed(): never {
  if (current !== undefined) current.exhausted = true;
  throw new BudgetExceeded('deadline exceeded');
}

type Runner = (ast: unknown, ctx: unknown) => unknown;

function charge(budget: Budget, result: unknown): void {
  if (typeof result === 'string' && result.length > 16) budget.left -= result.length >> 4;
  else if (Array.isArray(result) && result.length > 4) budget.left -= result.length >> 2;
  if (budget.left < 0) {
    budget.exhausted = true;
    throw new BudgetExceeded('out of cost budget');
  }
}

/** Counts every node evaluation of `env` against the current budget (the evaluator runs each node through `run`). */
export function meter(env: Environment): void {
  let evaluator: { run: Runner } | undefined;
  env.registerFunction('preadmit_evaluator(): bool', function (this: { run: Runner }) {
    evaluator = this;
    return true;
  });
  env.evaluate('preadmit_evaluator()', {});
  if (!evaluator || typeof evaluator.run !== 'function') throw new Error('CEL evaluator cannot be metered');
  const run = evaluator.run;
  evaluator.run = function metered(ast: unknown, ctx: unknown): unknown {
    const budget = current;
    if (budget !== undefined) {
      if (budget.exhausted || --budget.left < 0 || ((budget.left & 1023) === 0 && Date.now() > budget.deadline)) {
        budget.exhausted = true;
        throw new BudgetExceeded('out of cost budget');
      }
      const result = run.call(this, ast, ctx);
      charge(budget, result);
      return result;
    }
    return run.call(this, ast, ctx);
  };
}

