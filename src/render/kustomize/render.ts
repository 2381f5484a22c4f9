// kustomize roots: `kustomize build` of a wrapper that asks for origin annotations, then each object
// traced back to its file and lines and the annotations taken off again.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifests } from '../../gatekeeper/load.ts';
import { renderError, runRenderer, type RenderContext } from '../context.ts';
import type { PlannedRoot } from '../plan.ts';
import { rootId } from '../plan.ts';
import { findRenderTool } from '../tools.ts';
import type { RenderedObject, RenderResult } from '../types.ts';
import { OriginLocator, originToRepoPath, takeOrigin } from './origin.ts';

let wrapperCount = 0;

export async function renderKustomize(planned: PlannedRoot, ctx: RenderContext): Promise<RenderResult> {
  const root = planned.root.path;
  const k = ctx.kustomizations.get(root);
  const rootFile = k?.file ?? (root === '' ? 'kustomization.yaml' : `${root}/kustomization.yaml`);
  const at = { file: rootFile, startLine: 1, endLine: 1 };
  const tool = findRenderTool('kustomize');
  if ('error' in tool) return { objects: [], errors: [renderError(planned, `${root || '.'}: ${tool.error}`, at)] };
  const kustomize = tool.path;

  // The wrapper adds nothing but origin annotations: the root's own output is otherwise unchanged.
  const wrapperRel = `wrap/${++wrapperCount}`;
  const wrapperDir = path.join(ctx.scratchDir, wrapperRel);
  const repoRel = path.relative(ctx.scratchDir, ctx.workDir).split(path.sep).join('/');
  await mkdir(wrapperDir, { recursive: true });
  const target = path.posix.relative(wrapperRel, path.posix.join(repoRel, root));
  await writeFile(path.join(wrapperDir, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata:\n- originAnnotations\n`);

  const run = await runRenderer(ctx, 'kustomize build', kustomize, ['build', wrapperDir], { cwd: ctx.scratchDir });
  if ('failure' in run) {
    const message = run.failure.split(target).join(root || '.');
    return { objects: [], errors: [renderError(planned, `${root || '.'}: ${message}`, at)] };
  }

  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `kustomize build ${root || '.'}`, { yamlVersion: '1.1' });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at));
  const locator = new OriginLocator(ctx.readText, ctx.kustomizations);
  const keep = k?.keepsOriginAnnotations ?? false;
  const objects: RenderedObject[] = [];
  for (const { object } of loaded.objects) {
    const origin = takeOrigin(object, keep);
    let source = { ...at };
    const fromPath = origin?.path !== undefined ? originToRepoPath(origin.path, wrapperRel, repoRel) : undefined;
    const fromGenerator = origin?.configuredIn !== undefined ? originToRepoPath(origin.configuredIn, wrapperRel, repoRel) : undefined;
    if (fromPath !== undefined) source = await locator.inFile(fromPath, object);
    else if (fromGenerator !== undefined) source = locator.inGenerator(fromGenerator, object);
    objects.push({ object, source: { ...source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
