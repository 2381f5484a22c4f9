// What every renderer gets: the tree at the ref, a materialized copy for tools, and the sandbox limits.
import type { InputError, SourceLocation } from '../gatekeeper/types.ts';
import type { RepoTree } from './kustomize/graph.ts';
import type { KustomizationIndex } from './kustomize/graph.ts';
import type { PlannedRoot } from './plan.ts';
import { rootId } from './plan.ts';
import type { RenderResult } from './types.ts';

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
  isolateNetwork: boolean;
}

export type Renderer = (planned: PlannedRoot, ctx: RenderContext) => Promise<RenderResult>;

export function renderError(planned: PlannedRoot, message: string, source: Omit<SourceLocation, 'renderedBy'>): InputError {
  return { kind: 'render', message, source: { ...source, renderedBy: rootId(planned.root) } };
}

/** Tool messages name our scratch paths; say repository paths instead. */
export function repoRelativeMessage(message: string, ctx: RenderContext): string {
  return message
    .split(ctx.workDir + '/').join('')
    .split(ctx.workDir).join('.')
    .split(ctx.scratchDir + '/').join('')
    .split(ctx.scratchDir).join('.');
}
