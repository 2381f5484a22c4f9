// helm roots: one per release of each chart that is rendered (not a library chart nor a subchart), `helm template`.
import path from 'node:path';
import { rootError, type Claims, type DiscoveryContext, type PlanContext, type RootRenderer } from '../api.ts';
import { matchesAny } from '../glob.ts';
import { isUnder, resolveInRepo } from '../paths.ts';
import type { PlannedRoot } from '../plan.ts';
import type { RenderRoot } from '../types.ts';
import { chartDependencies, type Chart } from './chart.ts';
import { renderHelm } from './render.ts';

export const helmRenderer: RootRenderer = {
  kind: 'helm',
  tools: ['helm'],
  discover: (ctx) => releases(ctx).map(({ root }) => root),
  /** Every chart directory within the discovery paths or rendered (what a tool reads there is the tool's business), and the values files of the releases. */
  claims: (ctx) => {
    const dirs = [...ctx.charts.keys()].filter((dir) => ctx.within(dir) || ctx.roles.roots.includes(dir) || ctx.roles.subcharts.has(dir));
    const files = new Set(releases(ctx).flatMap(({ valuesFiles }) => valuesFiles.map((v) => resolveInRepo('', v) ?? v)));
    return { dirs, files } satisfies Claims;
  },
  plan: (root, ctx) => Promise.resolve(planHelm(root, ctx)),
  render: renderHelm,
};

/** The releases of the charts rendered as roots, not excluded: configured ones, or one with the chart's own values. */
function releases({ charts, roles, helmReleases, excluded }: DiscoveryContext): { root: RenderRoot; valuesFiles: string[] }[] {
  const out: { root: RenderRoot; valuesFiles: string[] }[] = [];
  for (const dir of roles.roots) {
    if (matchesAny(dir, excluded)) continue;
    for (const r of helmReleases[dir] ?? [{ release: defaultReleaseName(dir, charts.get(dir)!) }]) {
      const root: RenderRoot = { kind: 'helm', path: dir, release: r.release, valuesFiles: r.valuesFiles ?? [] };
      if (r.namespace !== undefined) root.namespace = r.namespace;
      out.push({ root, valuesFiles: r.valuesFiles ?? [] });
    }
  }
  return out;
}

export function defaultReleaseName(dir: string, chart: Chart | undefined): string {
  return dir === '' ? (chart?.name ?? 'release') : path.posix.basename(dir);
}

export function planHelm(root: RenderRoot, { tree, charts, chartAllow }: Pick<PlanContext, 'tree' | 'charts' | 'chartAllow'>): PlannedRoot {
  const chart = charts.get(root.path);
  const plannedRoot: PlannedRoot = { root, deps: new Set(), prefixes: new Set([root.path]), materialize: [], problems: [] };
  if (chart === undefined) {
    plannedRoot.problems.push(rootError(root, `${root.path || '.'}: no Chart.yaml here`, root.path || '.'));
    return plannedRoot;
  }
  plannedRoot.chart = chart;
  if (root.release === undefined || root.release === '') root.release = defaultReleaseName(root.path, chart);
  const dependencies = chartDependencies(chart, charts, tree, chartAllow);
  plannedRoot.problems.push(...dependencies.errors);
  if (dependencies.remote.length > 0) plannedRoot.remoteDependencies = dependencies.remote;
  if (dependencies.local.length > 0) plannedRoot.localDependencies = dependencies.local;
  const values: string[] = [];
  for (const v of root.valuesFiles ?? []) {
    const resolved = resolveInRepo('', v);
    if (resolved === undefined) {
      plannedRoot.problems.push(rootError(root, `values file '${v}' of helm release ${root.release} is outside the repository: refused`, chart.file));
      continue;
    }
    plannedRoot.deps.add(resolved);
    if (!tree.files.has(resolved)) {
      plannedRoot.problems.push(rootError(root, `values file '${resolved}' of helm release ${root.release} does not exist at this ref`, chart.file));
      continue;
    }
    values.push(resolved);
  }
  root.valuesFiles = values.length === (root.valuesFiles ?? []).length ? values : root.valuesFiles;
  plannedRoot.materialize = [...[...tree.files].filter((f) => isUnder(f, root.path)), ...values];
  for (const { dir } of dependencies.local) {
    plannedRoot.prefixes.add(dir);
    plannedRoot.materialize.push(...[...tree.files].filter((f) => isUnder(f, dir)));
  }
  return plannedRoot;
}
