// Rendering: which roots a repository holds, which a change touches, and what they render to.
export { renderRef } from './render-ref.ts';
export type { RefRenderResult } from './render-ref.ts';
export { planRepo, rootId } from './plan.ts';
export type { PlannedRoot, RepoPlan } from './plan.ts';
export { affectedRoots, changedPaths } from './affected.ts';
export { maskSecret, redactSecrets, secretValues, MASK } from './mask.ts';
export { runSandboxed, hasNetworkNamespace, jailSupport, untrustedToolText } from './sandbox.ts';
export type { RenderOptions, RenderRoot, RenderedObject, RenderResult, HelmRelease, RootKind } from './types.ts';
export { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MEMORY_BYTES, DEFAULT_RENDER_BUDGET_MS, DEFAULT_TIMEOUT_MS, renderBudget } from './types.ts';
export type { RenderBudget } from './types.ts';
