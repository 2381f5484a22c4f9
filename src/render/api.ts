// What a renderer is: one object per root kind (plain/, kustomize/, helm/) that finds its roots in a tree, says
// what each root reads, and renders it. The registry (registry.ts) lists them; planning (plan.ts) and rendering
// (render-ref.ts) go through it. Adding a kind of root is a new folder with its `renderer.ts`, listed there.
import type { InputError } from '../gatekeeper/types.ts';
import type { Renderer } from './context.ts';
import type { Chart, ChartRoles } from './helm/chart.ts';
import type { ChartAllowList } from './helm/remote.ts';
import type { KustomizationIndex, RepoTree } from './kustomize/graph.ts';
import type { PlannedRoot } from './plan.ts';
import { rootId } from './plan.ts';
import type { RenderTool } from './tools.ts';
import type { HelmRelease, RenderRoot, RootKind } from './types.ts';

/** The tree at a ref as discovery sees it (kustomizations and charts already read). */
export interface DiscoveryContext {
  tree: RepoTree;
  kustomizations: KustomizationIndex;
  charts: Map<string, Chart>;
  /** Which charts are rendered as roots, which as subcharts of a rendered chart. */
  roles: ChartRoles;
  /** Releases per chart directory from the options (`helmReleases`, `helmValues`). */
  helmReleases: Record<string, HelmRelease[]>;
  excluded: RegExp[];
  /** Whether a path is within the discovery paths. */
  within: (path: string) => boolean;
}

/** What a kind of root owns in a tree: no plain manifest is found in these directories or among these files. */
export interface Claims {
  dirs: string[];
  files: Set<string>;
}

/** What planning a root may read. */
export interface PlanContext {
  tree: RepoTree;
  kustomizations: KustomizationIndex;
  charts: Map<string, Chart>;
  text: (file: string) => Promise<string | undefined>;
  chartAllow: ChartAllowList;
}

export interface RootRenderer {
  kind: RootKind;
  /** The binaries its renders run (their identity is part of the render cache key); none: rendered in process. */
  tools: readonly RenderTool[];
  /** Its roots in the tree, not excluded; `claimed` is what every kind claims (`claims`). */
  discover(ctx: DiscoveryContext, claimed: Claims): RenderRoot[];
  /** What its roots own, so that it is not also taken as plain manifests. */
  claims?(ctx: DiscoveryContext): Claims;
  /**
   * The discovered roots worth planning, once GitOps apps have taken theirs (in discovery order). `changed`: the
   * changed paths when only affected roots are wanted.
   */
  select?(roots: RenderRoot[], changed: Set<string> | undefined, text: PlanContext['text']): Promise<RenderRoot[]>;
  /** What a root reads (exact files and path prefixes: affected roots and the render cache key), what a tool needs on disk, and its refusals. */
  plan(root: RenderRoot, ctx: PlanContext): Promise<PlannedRoot>;
  /** Renders a planned root without problems. */
  render: Renderer;
}

/** A problem of a root as a whole: at the given file's first line, rendered by the root. */
export function rootError(root: RenderRoot, message: string, file: string): InputError {
  return { kind: 'render', message, source: { file, startLine: 1, endLine: 1, renderedBy: rootId(root) } };
}
