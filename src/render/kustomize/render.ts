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
import { chartPlace, reachOf, type InflatedChart, type KustomizeReach } from './graph.ts';
import { HELM_DEFAULT_CHART_HOME, type HelmChartEntry } from './kustomization.ts';
import { OriginLocator, originToRepoPath, takeOrigin } from './origin.ts';
import { clusterApiVersions, placeRemoteChart } from '../helm/render.ts';
import { helmVersionWanted } from '../helm/version.ts';
import { dirOf, isUnder } from '../paths.ts';
import { toolPathInRun } from '../sandbox.ts';
import type { InputError } from '../../gatekeeper/types.ts';

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

/**
 * The charts a root inflates with helm: `helmCharts` of every kustomization it reaches, and builtin
 * `HelmChartInflationGenerator` plugin configs among their `generators` (files or inline), whose chart home is
 * relative to the kustomization listing them. A GitOps app's path without a kustomization of its own (Flux generates
 * one) reaches the kustomizations below it. Entries whose chart cannot be placed safely are problems at their line.
 */
async function inflatedCharts(planned: PlannedRoot, ctx: RenderContext): Promise<{ charts: InflatedChart[]; problems: InputError[] }> {
  let reaches: KustomizeReach[];
  if (planned.reach !== undefined) reaches = [planned.reach];
  else {
    const render = planned.root.app?.render;
    const base = render?.type === 'kustomize' ? render.path : planned.root.path;
    const dirs = ctx.kustomizations.has(base) ? [base] : [...ctx.kustomizations.keys()].filter((d) => isUnder(d, base));
    reaches = dirs.map((d) => reachOf(d, ctx.tree, ctx.kustomizations));
  }
  const seen = new Map<string, InflatedChart>();
  const problems: InputError[] = [];
  const add = (kustomizationDir: string, entry: HelmChartEntry): void => {
    const placed = chartPlace(kustomizationDir, entry, ctx.tree);
    if ('problem' in placed) problems.push(renderError(planned, placed.problem.message, placed.problem.source!));
    else seen.set(`${entry.file}:${entry.startLine}`, placed);
  };
  for (const reach of reaches) {
    for (const c of reach.helmCharts) seen.set(`${c.entry.file}:${c.entry.startLine}`, c);
    for (const p of reach.pluginFiles) {
      for (const entry of pluginChartEntries((await ctx.readText(p.file)) ?? '', p.file, 0)) add(dirOf(p.from.file), entry);
    }
    for (const { from, config } of reach.inlinePlugins) {
      for (const entry of pluginChartEntries(config.text, from.file, config.line)) add(dirOf(from.file), entry);
    }
  }
  return { charts: [...seen.values()], problems };
}

/** Builtin HelmChartInflationGenerator configs in a plugin config text (a file, or inline at `line` of `file`). */
function pluginChartEntries(text: string, file: string, line: number): HelmChartEntry[] {
  const out: HelmChartEntry[] = [];
  for (const { object, source } of loadManifests(text, file, { yamlVersion: '1.1' }).objects) {
    if (object.apiVersion !== 'builtin' || object.kind !== 'HelmChartInflationGenerator') continue;
    const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    out.push({
      file,
      startLine: line > 0 ? line : source.startLine,
      endLine: line > 0 ? line : source.endLine,
      field: 'HelmChartInflationGenerator',
      name: s(object.name),
      repo: s(object.repo).trim(),
      version: s(object.version),
      ...(typeof object.releaseName === 'string' ? { releaseName: object.releaseName } : {}),
      ...(object.devel === true ? { devel: true } : {}),
      chartHome: s(object.chartHome) || HELM_DEFAULT_CHART_HOME,
    });
  }
  return out;
}

const placements = new WeakMap<RenderContext, Map<string, Promise<{ charts: InflatedChart[]; errors: InputError[] }>>>();

/**
 * Charts the root inflates that are not in the repository: fetched by this process (only from allowed repositories,
 * through the chart cache) and placed where kustomize looks (`<chart home>/<name>`, or `<chart home>/<name>-<version>/<name>`),
 * so that kustomize finds them and never pulls; in the jail it could not anyway (no network, read-only tree). Each one
 * that cannot be fetched is an error at its `helmCharts` entry, and the root is not rendered.
 */
export function placeInflatedCharts(planned: PlannedRoot, ctx: RenderContext): Promise<{ charts: InflatedChart[]; errors: InputError[] }> {
  let mine = placements.get(ctx);
  if (mine === undefined) placements.set(ctx, (mine = new Map()));
  const key = `${planned.root.app?.id ?? ''}\u0000${planned.root.path}`;
  let placed = mine.get(key);
  if (placed === undefined) {
    placed = (async () => {
      const { charts, problems } = await inflatedCharts(planned, ctx);
      const fetched = await Promise.all(
        charts
          .filter((c) => !c.local)
          .map(async (c): Promise<InputError | undefined> => {
            const at = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
            const version = helmVersionWanted(c.entry.version, c.entry.devel === true);
            const got = await placeRemoteChart(ctx, c.dir, { repoUrl: c.entry.repo, chart: c.entry.name, version, declaredAt: at });
            if (got.ok) return undefined;
            return renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field} chart '${c.entry.name}' from ${c.entry.repo}: not simulated: ${got.reason}`, at);
          }),
      );
      return { charts, errors: [...problems, ...fetched.filter((e): e is InputError => e !== undefined)] };
    })();
    mine.set(key, placed);
  }
  return placed;
}

/**
 * The helm kustomize runs for `helmCharts` (the pinned one, in the jail next to kustomize) and what it is told about
 * the cluster: the CLI's `--enable-helm` flags, and the same for the batch program (environment, which an older batch
 * program ignores: it then leaves helm roots to the CLI). Undefined when helm is not installed.
 */
function kustomizeHelm(ctx: RenderContext): { helm: string; args: string[]; env: Record<string, string> } | undefined {
  const tool = findRenderTool('helm');
  if ('error' in tool) return undefined;
  const command = toolPathInRun(tool.path, ctx.jailed);
  const apiVersions = clusterApiVersions(ctx);
  const args = ['--enable-helm', '--helm-command', command];
  if (ctx.kubeVersion !== undefined) args.push('--helm-kube-version', ctx.kubeVersion);
  for (const v of apiVersions) args.push('--helm-api-versions', v);
  const env: Record<string, string> = { KUSTOMIZE_BATCH_HELM_COMMAND: command, KUSTOMIZE_BATCH_HELM_API_VERSIONS: apiVersions.join('\n') };
  if (ctx.kubeVersion !== undefined) env.KUSTOMIZE_BATCH_HELM_KUBE_VERSION = ctx.kubeVersion;
  return { helm: tool.path, args, env };
}

/**
 * A root built from a private copy of a repository directory (a GitOps app's options merged into its kustomization,
 * gitops/render.ts): `dir` holds the copy of `repoDir`, and its kustomization.yaml stands for `file` (the
 * directory's own kustomization, or the generated one). Sources and messages name the repository's files.
 */
export interface CopiedRoot {
  dir: string;
  repoDir: string;
  file: string;
}

export async function renderKustomize(planned: PlannedRoot, ctx: RenderContext, copied?: CopiedRoot): Promise<RenderResult> {
  const root = planned.root.path;
  const inRepo = (file: string): string => {
    if (copied === undefined || !isUnder(file, copied.dir)) return file;
    if (file === `${copied.dir}/kustomization.yaml`) return copied.file;
    return file === copied.dir ? copied.repoDir : path.posix.join(copied.repoDir, file.slice(copied.dir.length + 1));
  };
  const shown = (copied !== undefined ? copied.repoDir : root) || '.';
  const k = ctx.kustomizations.get(copied?.repoDir ?? root);
  const rootFile = copied !== undefined ? copied.file : (k?.file ?? (root === '' ? 'kustomization.yaml' : `${root}/kustomization.yaml`));
  const at = { file: rootFile, startLine: 1, endLine: 1 };
  const tool = findRenderTool('kustomize');
  if ('error' in tool) return { objects: [], errors: [renderError(planned, `${shown}: ${tool.error}`, at)] };
  const kustomize = tool.path;

  const [wrapper, inflated] = await Promise.all([wrapperOf(planned, ctx), placeInflatedCharts(copied !== undefined ? { ...planned, root: { ...planned.root, path: copied.repoDir } } : planned, ctx)]);
  if (inflated.errors.length > 0) return { objects: [], errors: inflated.errors };
  const wrapperRel = wrapper.rel;
  const repoRel = path.relative(ctx.scratchDir, ctx.workDir).split(path.sep).join('/');
  const helm = kustomizeHelm(ctx);
  if (helm === undefined && inflated.charts.length > 0) {
    const c = inflated.charts[0]!;
    const where = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
    return { objects: [], errors: [renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field}: ${(findRenderTool('helm') as { error: string }).error}`, where)] };
  }
  // Built with the other roots of the render in one jailed run where it can be; else on its own.
  const prepare = (p: PlannedRoot): Promise<string> => Promise.all([wrapperOf(p, ctx), placeInflatedCharts(p, ctx)]).then(([w]) => w.dir);
  let run = await batchedBuild(planned, ctx, kustomize, prepare, helm);
  if (run === 'cli') {
    run = await runRenderer(ctx, 'kustomize build', kustomize, ['build', ...(helm?.args ?? []), wrapper.dir], { cwd: ctx.scratchDir, extraTools: helm !== undefined ? [helm.helm] : [] });
  }
  if ('failure' in run) {
    let message = run.failure.split(wrapper.target).join(root || '.');
    if (copied !== undefined) message = message.split(copied.dir).join(shown);
    return { objects: [], errors: [renderError(planned, `${shown}: ${message}`, at)] };
  }

  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `kustomize build ${shown}`, { yamlVersion: '1.1' });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at));
  const locator = new OriginLocator(ctx.readText, ctx.kustomizations);
  const keep = k?.keepsOriginAnnotations ?? false;
  const objects: RenderedObject[] = [];
  for (const { object } of loaded.objects) {
    const origin = takeOrigin(object, keep);
    let source = { ...at };
    const fromPath = origin?.path !== undefined ? mapDefined(originToRepoPath(origin.path, wrapperRel, repoRel), inRepo) : undefined;
    const fromGenerator = origin?.configuredIn !== undefined ? mapDefined(originToRepoPath(origin.configuredIn, wrapperRel, repoRel), inRepo) : undefined;
    if (fromPath !== undefined) source = await locator.inFile(fromPath, object);
    else if (fromGenerator !== undefined && origin?.configuredBy?.kind === 'HelmChartInflationGenerator') source = locator.inHelmChart(fromGenerator, object);
    else if (fromGenerator !== undefined) source = locator.inGenerator(fromGenerator, object);
    objects.push({ object, source: { ...source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}

function mapDefined<T, R>(v: T | undefined, f: (v: T) => R): R | undefined {
  return v === undefined ? undefined : f(v);
}
