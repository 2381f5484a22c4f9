// helm roots: `helm template` of one release with its values files; each object traced to the chart
// template named by helm's `# Source:` comment.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { loadManifests } from '../../gatekeeper/load.ts';
import type { InputError, SourceLocation } from '../../gatekeeper/types.ts';
import { renderError, runRenderer, type RenderContext } from '../context.ts';
import { isUnder } from '../paths.ts';
import type { PlannedRoot } from '../plan.ts';
import { rootId } from '../plan.ts';
import { findRenderTool } from '../tools.ts';
import type { RenderedObject, RenderResult } from '../types.ts';
import { schemaReferenceErrors } from './chart.ts';
import { resolveRemoteChart, type RemoteChartRequest, type RemoteChartResult } from './remote.ts';
import { DEFAULT_NAMESPACE, placeInNamespace } from '../namespaces.ts';

/** Gatekeeper's API group versions (v3.23), as a cluster running it serves them. */
const GATEKEEPER_API_VERSIONS: readonly string[] = [
  'templates.gatekeeper.sh/v1', 'templates.gatekeeper.sh/v1beta1', 'templates.gatekeeper.sh/v1alpha1',
  'templates.gatekeeper.sh/v1/ConstraintTemplate',
  'constraints.gatekeeper.sh/v1beta1', 'constraints.gatekeeper.sh/v1alpha1',
  'config.gatekeeper.sh/v1alpha1', 'config.gatekeeper.sh/v1alpha1/Config',
  'expansion.gatekeeper.sh/v1beta1', 'expansion.gatekeeper.sh/v1alpha1',
  'mutations.gatekeeper.sh/v1', 'mutations.gatekeeper.sh/v1beta1', 'mutations.gatekeeper.sh/v1alpha1',
  'externaldata.gatekeeper.sh/v1beta1', 'externaldata.gatekeeper.sh/v1alpha1',
  'status.gatekeeper.sh/v1beta1', 'syncset.gatekeeper.sh/v1alpha1',
];

/**
 * The API versions helm is told the cluster serves (`.Capabilities.APIVersions`), on top of Kubernetes' own: the
 * cluster runs Gatekeeper, so a chart asking `.Capabilities.APIVersions.Has` for its APIs must see them (or a
 * template that renders only where Gatekeeper is installed would hide itself from the review), and whatever the
 * cluster's configuration adds (`clusters[].apiVersions`: CRDs such as monitoring.coreos.com/v1).
 */
export function clusterApiVersions(ctx: Pick<RenderContext, 'apiVersions'>): string[] {
  return [...new Set([...GATEKEEPER_API_VERSIONS, ...(ctx.apiVersions ?? [])])];
}

export async function renderHelm(planned: PlannedRoot, ctx: RenderContext): Promise<RenderResult> {
  const { root } = planned;
  const chartFile = planned.chart?.file ?? `${root.path}/Chart.yaml`;
  const at = { file: chartFile, startLine: 1, endLine: 1 };
  const label = `${root.path || '.'} (release ${root.release ?? '?'})`;
  const tool = findRenderTool('helm');
  if ('error' in tool) return { objects: [], errors: [renderError(planned, `${label}: ${tool.error}`, at)] };
  const helm = tool.path;

  // values.schema.json references helm's schema loader would fetch (files, URLs): refused before helm runs.
  const dirs = [root.path, ...(planned.localDependencies ?? []).map((d) => d.dir)];
  const schemas = [...ctx.tree.files].filter((f) => dirs.some((d) => isUnder(f, d)) && path.posix.basename(f) === 'values.schema.json').sort();
  const refused: InputError[] = [];
  for (const file of schemas) refused.push(...schemaReferenceErrors(file, (await ctx.readText(file)) ?? ''));
  if (refused.length > 0) return { objects: [], errors: refused.map((e) => renderError(planned, e.message, e.source ?? at)) };

  // Dependencies from allowed repositories: fetched by this process into the chart's charts/ before helm runs.
  const fetched = await placeDependencies(planned, ctx);
  if (fetched.errors.length > 0) return { objects: [], errors: fetched.errors };

  // helm's own state (caches, config, plugins, registries) in the run's private HOME: nothing of the host's.
  const homeDirs = {
    HELM_CACHE_HOME: 'helm/cache',
    HELM_CONFIG_HOME: 'helm/config',
    HELM_DATA_HOME: 'helm/data',
    HELM_PLUGINS: 'helm/plugins',
    HELM_REPOSITORY_CACHE: 'helm/repository',
  };
  const env = { HELM_REGISTRY_CONFIG: '/dev/null', HELM_REPOSITORY_CONFIG: '/dev/null' };
  const args = ['template', root.release ?? 'release', path.join(ctx.workDir, root.path), '--include-crds'];
  for (const v of root.valuesFiles ?? []) args.push('--values', path.join(ctx.workDir, v));
  // helm installs into the release's namespace, else the context's: the cluster's default namespace.
  const releaseNamespace = root.namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  args.push('--namespace', releaseNamespace);
  for (const v of clusterApiVersions(ctx)) args.push('--api-versions', v);
  if (ctx.kubeVersion !== undefined) args.push('--kube-version', ctx.kubeVersion);

  const run = await runRenderer(ctx, 'helm template', helm, args, { cwd: ctx.workDir, env, homeDirs });
  if ('failure' in run) return { objects: [], errors: [renderError(planned, `${label}: ${run.failure}`, at)] };

  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `helm template ${label}`, { yamlVersion: '1.1' });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at));
  const sources = sourceComments(run.stdout);
  const chartName = planned.chart?.name ?? path.posix.basename(root.path);
  const seen = new Map<string, number>();
  const objects: RenderedObject[] = [];
  // helm installs namespaced objects that name no namespace into the release's namespace: the API server, and so
  // Gatekeeper, sees them there.
  placeInNamespace(loaded.objects.map((o) => o.object), releaseNamespace);
  for (const { object, source: out } of loaded.objects) {
    const comment = sourceAt(sources, out.startLine);
    let source: Omit<SourceLocation, 'renderedBy'> = at;
    const dependency = comment === undefined ? undefined : fetched.sources.find((d) => comment.startsWith(`${chartName}/charts/${d.prefix}/`));
    if (dependency !== undefined && 'at' in dependency) {
      source = dependency.at;
    } else if (comment !== undefined) {
      const file = dependency !== undefined ? templateFile(comment.slice(`${chartName}/charts/`.length), dependency.prefix, dependency.dir, ctx) : templateFile(comment, chartName, root.path, ctx);
      const index = seen.get(comment) ?? 0;
      seen.set(comment, index + 1);
      if (file !== undefined) {
        const count = [...sources.values()].filter((s) => s === comment).length;
        source = await documentRange(file, index, count, String(object.kind ?? ''), ctx);
      }
    }
    objects.push({ object, source: { ...source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}

/** Where the objects of a dependency helm renders come from: its line (a fetched chart) or its chart directory in the repository. */
type DependencySource = { prefix: string; at: Omit<SourceLocation, 'renderedBy'> } | { prefix: string; dir: string };

const placing = new WeakMap<RenderContext, Map<string, Promise<RemoteChartResult>>>();

/**
 * The chart's dependencies from allowed repositories (plan: chartDependencies), fetched through the chart cache
 * and copied to `charts/<name>` of the materialized chart, once per render; their objects are sourced at the
 * dependency's line. A dependency that cannot be fetched is an error at that line: the release is not rendered.
 */
async function placeDependencies(planned: PlannedRoot, ctx: RenderContext): Promise<{ errors: InputError[]; sources: DependencySource[] }> {
  const deps = planned.remoteDependencies ?? [];
  const chart = planned.chart;
  const errors: InputError[] = [];
  const sources: DependencySource[] = [];
  if ((deps.length === 0 && planned.localDependencies === undefined) || chart === undefined) return { errors, sources };
  let mine = placing.get(ctx);
  if (mine === undefined) placing.set(ctx, (mine = new Map()));
  const vendorDir = planned.root.path === '' ? 'charts' : `${planned.root.path}/charts`;
  // file:// dependencies: the repository's chart copied as `helm dependency build` does; objects keep its template files.
  for (const { dep, dir } of planned.localDependencies ?? []) {
    const target = `${vendorDir}/${dep.name}`;
    if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) {
      const at = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
      errors.push(renderError(planned, `${at.file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${target} exists in the repository but holds no chart named '${dep.name}': refused`, at));
      continue;
    }
    let placed = mine.get(target);
    if (placed === undefined) {
      placed = cp(path.join(ctx.workDir, dir), path.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true }).then((): RemoteChartResult => ({ ok: true, dir, digest: '', version: '' }));
      mine.set(target, placed);
    }
    await placed;
    sources.push({ prefix: dep.name, dir });
  }
  for (const dep of deps) {
    const at = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
    const fail = (why: string): void => void errors.push(renderError(planned, `${at.file}:${dep.line}: helm dependency '${dep.name}' from ${dep.repository}: ${why}`, at));
    const target = `${vendorDir}/${dep.name}`;
    const version = dep.locked ?? (dep.version === '' ? '*' : dep.version);
    const got = await placeRemoteChart(ctx, target, { repoUrl: dep.repository, chart: dep.name, version, declaredAt: at });
    if (!got.ok) fail(got.reason);
    else sources.push({ prefix: dep.name, at });
  }
  return { errors, sources };
}

/**
 * A chart from a remote repository, fetched by this (trusted) process through the chart cache (allow-list, digest,
 * limits) and copied to `target` (repo-relative) of the materialized tree the jailed tool reads; once per render and
 * target. Never throws: a chart that cannot be fetched or placed gives the reason.
 */
export function placeRemoteChart(ctx: RenderContext, target: string, req: RemoteChartRequest): Promise<RemoteChartResult> {
  let mine = placing.get(ctx);
  if (mine === undefined) placing.set(ctx, (mine = new Map()));
  let placed = mine.get(target);
  if (placed === undefined) {
    const charts = ctx.charts;
    placed = (async (): Promise<RemoteChartResult> => {
      if (charts === undefined) return { ok: false, reason: `remote chart repository not allowed: ${req.repoUrl}` };
      if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) return { ok: false, reason: `${target} exists in the repository but holds no chart named '${req.chart}': refused` };
      const got = await resolveRemoteChart(req, charts);
      if (got.ok) await cp(got.dir, path.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true });
      return got;
    })().catch((e: unknown): RemoteChartResult => ({ ok: false, reason: `chart ${req.chart} could not be placed at ${target}: ${e instanceof Error ? e.message : String(e)}` }));
    mine.set(target, placed);
  }
  return placed;
}

/** Line of every `# Source:` comment → the path it names. */
function sourceComments(out: string): Map<number, string> {
  const map = new Map<number, string>();
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^# Source: (.+)$/.exec(lines[i]!);
    if (m) map.set(i + 1, m[1]!.trim());
  }
  return map;
}

function sourceAt(sources: Map<number, string>, line: number): string | undefined {
  let best: [number, string] | undefined;
  for (const [l, s] of sources) if (l < line && (best === undefined || l > best[0])) best = [l, s];
  return best?.[1];
}

/** `<chart name>/templates/x.yaml` → `<chart dir>/templates/x.yaml`, if the repository has that file. */
function templateFile(comment: string, chartName: string, chartDir: string, ctx: RenderContext): string | undefined {
  const rest = comment.startsWith(`${chartName}/`) ? comment.slice(chartName.length + 1) : comment.slice(comment.indexOf('/') + 1);
  const file = chartDir === '' ? rest : `${chartDir}/${rest}`;
  return ctx.tree.files.has(file) ? file : undefined;
}

/**
 * The lines of the template document that rendered the index-th object of a template file: the
 * index-th `---`-separated part when parts and rendered documents match one to one, else the only part
 * that spells out the object's kind, else the whole file (rendered and template lines differ).
 */
async function documentRange(
  file: string,
  index: number,
  count: number,
  kind: string,
  ctx: RenderContext,
): Promise<Omit<SourceLocation, 'renderedBy'>> {
  const text = (await ctx.readText(file)) ?? '';
  const lines = text.split('\n');
  const parts: [number, number][] = [];
  let start = 1;
  for (let i = 0; i <= lines.length; i++) {
    const atEnd = i === lines.length;
    if (atEnd || /^---(\s|$)/.test(lines[i]!)) {
      const body = lines.slice(start - 1, i);
      const first = body.findIndex((l) => l.trim() !== '' && !/^\s*#/.test(l));
      if (first >= 0) {
        let last = body.length - 1;
        while (last > first && body[last]!.trim() === '') last--;
        parts.push([start + first, start + last]);
      }
      start = i + 2;
    }
  }
  const whole = { file, startLine: 1, endLine: Math.max(1, lines.length - (lines.at(-1) === '' ? 1 : 0)) };
  const part = parts.length === count ? parts[index] : undefined;
  if (part !== undefined) return { file, startLine: part[0], endLine: part[1] };
  const kindLine = new RegExp(`^kind:\\s*["']?${kind.replace(/[^\w]/g, '')}["']?\\s*$`);
  const spelled = parts.filter(([a, b]) => lines.slice(a - 1, b).some((l) => kindLine.test(l)));
  return spelled.length === 1 ? { file, startLine: spelled[0]![0], endLine: spelled[0]![1] } : whole;
}

