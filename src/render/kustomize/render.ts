// kustomize roots: `kustomize build` of a wrapper that asks for origin annotations (many roots per jailed
// run where it can be: batch.ts), then each object traced back to its file and lines and the annotations
// taken off again.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifests } from '../../gatekeeper/load.ts';
import { renderError, runRenderer, type RenderContext } from '../context.ts';
import type { PlannedRoot } from '../plan.ts';
import { rootId } from '../plan.ts';
import { findRenderTool } from '../tools.ts';
import type { RenderedObject, RenderResult } from '../types.ts';
import { batchedBuild } from './batch.ts';
import { OriginLocator, originToRepoPath, takeOrigin } from './origin.ts';

let wrapperCount = 0;

interface Wrapper {
  /** The wrapper's directory relative to the scratch directory, and absolute. */
  rel: string;
  dir: string;
  /** The root as the wrapper names it (relative to the wrapper). */
  target: string;
}

/** One wrapper per root and render: the batch and a build of its own use the same one. */
const wrappers = new WeakMap<RenderContext, Map<PlannedRoot, Promise<Wrapper>>>();

/** The wrapper kustomization of a root: it adds nothing but origin annotations, so the root's output is otherwise unchanged. */
function wrapperOf(planned: PlannedRoot, ctx: RenderContext): Promise<Wrapper> {
  let byRoot = wrappers.get(ctx);
  if (byRoot === undefined) wrappers.set(ctx, (byRoot = new Map()));
  let w = byRoot.get(planned);
  if (w === undefined) {
    w = (async () => {
      const rel = `wrap/${++wrapperCount}`;
      const dir = path.join(ctx.scratchDir, rel);
      const repoRel = path.relative(ctx.scratchDir, ctx.workDir).split(path.sep).join('/');
      await mkdir(dir, { recursive: true });
      const target = path.posix.relative(rel, path.posix.join(repoRel, planned.root.path));
      await writeFile(path.join(dir, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata:\n- originAnnotations\n`);
      return { rel, dir, target };
    })();
    byRoot.set(planned, w);
  }
  return w;
}

export async function renderKustomize(planned: PlannedRoot, ctx: RenderContext): Promise<RenderResult> {
  const root = planned.root.path;
  const k = ctx.kustomizations.get(root);
  const rootFile = k?.file ?? (root === '' ? 'kustomization.yaml' : `${root}/kustomization.yaml`);
  const at = { file: rootFile, startLine: 1, endLine: 1 };
  const tool = findRenderTool('kustomize');
  if ('error' in tool) return { objects: [], errors: [renderError(planned, `${root || '.'}: ${tool.error}`, at)] };
  const kustomize = tool.path;

  const wrapper = await wrapperOf(planned, ctx);
  const wrapperRel = wrapper.rel;
  const repoRel = path.relative(ctx.scratchDir, ctx.workDir).split(path.sep).join('/');
  // Built with the other roots of the render in one jailed run where it can be; else on its own.
  let run = await batchedBuild(planned, ctx, kustomize, (p) => wrapperOf(p, ctx).then((w) => w.dir));
  if (run === 'cli') run = await runRenderer(ctx, 'kustomize build', kustomize, ['build', wrapper.dir], { cwd: ctx.scratchDir });
  if ('failure' in run) {
    const message = run.failure.split(wrapper.target).join(root || '.');
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
