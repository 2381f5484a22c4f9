// The renderers, one per root kind: discovery asks them in this order (plain last: it takes the manifest files the
// others do not claim). A new kind of root is a folder with its renderer, listed here.
import type { RootRenderer } from './api.ts';
import { helmRenderer } from './helm/renderer.ts';
import { kustomizeRenderer } from './kustomize/renderer.ts';
import { plainRenderer } from './plain/renderer.ts';
import type { RootKind } from './types.ts';

// Functions, not constants: the renderers' modules and plan.ts import each other, and are read only once called.
export function renderers(): readonly RootRenderer[] {
  return [kustomizeRenderer, helmRenderer, plainRenderer];
}

export function rendererOf(kind: RootKind): RootRenderer {
  const renderer = renderers().find((r) => r.kind === kind);
  if (renderer === undefined) throw new Error(`no renderer for roots of kind '${String(kind)}'`);
  return renderer;
}
