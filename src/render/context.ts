// What every renderer gets: the tree at the ref, a materialized copy for tools, and the sandbox limits.
import type { InputError, SourceLocation } from '../gatekeeper/types.ts';
import type { ChartAllowList } from './helm/remote.ts';
import { failureOf, runSandboxed, type FailureLimits, type SandboxResult } from './sandbox.ts';
import type { RepoTree } from './kustomize/graph.ts';
import type { KustomizationIndex } from './kustomize/graph.ts';
import type { PlannedRoot } from './plan.ts';
import { rootId } from './plan.ts';
import type { RenderBudget, RenderResult } from './types.ts';

export interface RenderContext {
  /** Repo-relative file → its text at the ref (cached), undefined if absent. */
  readText(file: string): Promise<string | undefined>;
  tree: RepoTree;
  kustomizations: KustomizationIndex;
  /** Absolute directory holding the materialized files of the tree. */
  workDir: string;
  /** Absolute scratch directory (for wrappers and tool state), containing workDir. */
  scratchDir: string;
  timeoutMs: number;
  maxOutputBytes: number;
  memoryBytes: number;
  /** Shared by every render of the check: no tool runs past its deadline. */
  budget: RenderBudget;
  /** Tools run in the jail (false only for `--unsafe-no-sandbox`, never in production). */
  jailed: boolean;
  /** Unjailed runs only: use a network namespace where the kernel offers one. */
  isolateNetwork: boolean;
  /**
   * Every root this render will ask renderers for, when known: a renderer may build several in one tool
   * run (kustomize batches, `kustomize/batch.ts`). Absent: each root is built on its own.
   */
  roots?: readonly PlannedRoot[];
  /** How many tool runs go at once (the render's concurrency). */
  concurrency?: number;
  /** Remote charts: the repositories they may come from and the on-disk cache; fetched by this (trusted) process only. */
  charts?: { allow: ChartAllowList; cacheDir: string; signal?: AbortSignal };
  /** The cluster's Kubernetes version for helm (`--kube-version`): `.Capabilities.KubeVersion`. */
  kubeVersion?: string;
  /** The cluster's API versions for helm, on top of Gatekeeper's (`--api-versions`): `.Capabilities.APIVersions`. */
  apiVersions?: readonly string[];
  /**
   * The namespace namespaced objects are applied in when neither they nor their app name one (kubectl's and helm's
   * context namespace, `clusters[].defaultNamespace`). Default `default` (namespaces.ts).
   */
  defaultNamespace?: string;
}

export type Renderer = (planned: PlannedRoot, ctx: RenderContext) => Promise<RenderResult>;

export function renderError(planned: PlannedRoot, message: string, source: Omit<SourceLocation, 'renderedBy'>): InputError {
  return { kind: 'render', message, source: { ...source, renderedBy: rootId(planned.root) } };
}

/** A run's working directory, environment additions, HOME directories, and other binaries the tool runs (`extraTools`). */
export interface RunExtra {
  cwd: string;
  env?: Record<string, string>;
  homeDirs?: Record<string, string>;
  extraTools?: string[];
}

/**
 * Runs a renderer binary on the materialized tree: jailed with the scratch directory (the exported tree and
 * the wrappers) as the only host files it can see, read-only, within the per-process limits and what is left
 * of the render budget. Gives its stdout, or one message saying why it failed (tool text capped and cleaned,
 * scratch paths rewritten to repository paths).
 */
export async function runRenderer(
  ctx: RenderContext,
  label: string,
  command: string,
  args: string[],
  extra: RunExtra,
): Promise<{ stdout: string } | { failure: string }> {
  const r = await runRendererRaw(ctx, label, command, args, extra);
  if ('failure' in r) return r;
  const failure = failureOf(label, r.run, r.limits);
  return failure === undefined ? { stdout: r.run.stdout } : { failure: repoRelativeMessage(failure, ctx) };
}

/**
 * `runRenderer`, giving the run itself (partial output included, when the run was stopped) and the limits
 * it ran under; `failure` only when it was not run because the render budget is spent.
 */
export async function runRendererRaw(
  ctx: RenderContext,
  label: string,
  command: string,
  args: string[],
  extra: RunExtra,
): Promise<{ run: SandboxResult; limits: FailureLimits } | { failure: string }> {
  const left = ctx.budget.deadline - Date.now();
  if (left <= 0) return { failure: `${label} not run: ${budgetSpent(ctx.budget)}` };
  const timeoutMs = Math.min(ctx.timeoutMs, left);
  const limits: FailureLimits = {
    timeoutMs,
    maxOutputBytes: ctx.maxOutputBytes,
    memoryBytes: ctx.memoryBytes,
    ...(timeoutMs < ctx.timeoutMs ? { timeLimit: `ran past the ${BUDGET} (${ctx.budget.ms} ms for the whole check)` } : {}),
  };
  const run = await runSandboxed(command, args, {
    ...extra,
    ...limits,
    jail: ctx.jailed ? { readOnly: [ctx.scratchDir] } : false,
    isolateNetwork: ctx.isolateNetwork,
    scratchDir: ctx.scratchDir,
    ...(ctx.budget.signal !== undefined ? { signal: ctx.budget.signal } : {}),
  });
  return { run, limits };
}

const BUDGET = 'render time budget';

/** Why a root was not rendered when the budget ran out. */
export function budgetSpent(budget: RenderBudget): string {
  return `the ${BUDGET} (${budget.ms} ms for the whole check) was spent: not rendered, the check fails closed`;
}

/** Whether a render error says the budget stopped it. */
export function isBudgetFailure(message: string): boolean {
  return message.includes(BUDGET);
}

/** Tool messages name our scratch paths; say repository paths instead. */
export function repoRelativeMessage(message: string, ctx: RenderContext): string {
  return message
    .split(ctx.workDir + '/').join('')
    .split(ctx.workDir).join('.')
    .split(ctx.scratchDir + '/').join('')
    .split(ctx.scratchDir).join('.');
}
