// Plain manifest files: the engine's loader, one object per document, with its file and line range.
import { loadManifests } from '../../gatekeeper/load.ts';
import type { SourcedObject } from '../../gatekeeper/types.ts';
import { renderError, type RenderContext } from '../context.ts';
import { isKubernetesObject } from '../objects.ts';
import type { PlannedRoot } from '../plan.ts';
import { rootId } from '../plan.ts';
import type { RenderedObject, RenderResult } from '../types.ts';

export async function renderPlain(planned: PlannedRoot, ctx: RenderContext): Promise<RenderResult> {
  const file = planned.root.path;
  const text = await ctx.readText(file);
  if (text === undefined) {
    return { objects: [], errors: [renderError(planned, `${file}: no such file at this ref`, { file, startLine: 1, endLine: 1 })] };
  }
  const loaded = loadManifests(text, file, { yamlVersion: '1.1' });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, e.source ?? { file, startLine: 1, endLine: 1 }));
  const manifests = loaded.objects.filter((o) => isKubernetesObject(o.object));
  // A YAML file none of whose documents is a Kubernetes object is configuration (values, CI), not a manifest.
  if (manifests.length === 0) return { objects: [], errors };
  const objects: RenderedObject[] = [];
  const renderedBy = rootId(planned.root);
  for (const o of loaded.objects) {
    if (!isKubernetesObject(o.object)) {
      errors.push(renderError(planned, `${file}:${o.source.startLine}: document has no apiVersion and kind`, o.source));
      continue;
    }
    for (const item of expandList(o)) objects.push({ ...item, source: { ...item.source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}

;

/** `kind: List` (and `*List`) holds items that are applied, and admitted, one by one. */
function expandList(o: SourcedObject): SourcedObject[] {
  const { object } = o;
  if (typeof object.kind !== 'string' || !object.kind.endsWith('List') || !Array.isArray(object.items)) return [o];
  const out: SourcedObject[] = [];
  for (const item of object.items) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && isKubernetesObject(item)) {
      out.push({ object: item, source: o.source });
    }
  }
  return out;
}
