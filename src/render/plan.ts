// From a tree at a ref to the roots it holds and what each reads: discovery (or explicit roots),
// dependencies for affected-root detection, and refusals found before any tool runs.
import { isManifestFile } from '../gatekeeper/read.ts';
import type { InputError } from '../gatekeeper/types.ts';
import type { Claims, DiscoveryContext } from './api.ts';
import { globToRegExp, matchesAny } from './glob.ts';
import { chartRoles, isChartFile, parseChart, type Chart, type ChartDependency, type ChartRoles } from './helm/chart.ts';
import { defaultReleaseName, planHelm } from './helm/renderer.ts';
import { filesToMaterialize, inflatedChartDirs, reachOf, repoTree, type KustomizationIndex, type KustomizeReach, type RepoTree } from './kustomize/graph.ts';
import { isKustomizationFile, parseKustomization } from './kustomize/kustomization.ts';
import { planKustomize, reachProblems } from './kustomize/renderer.ts';
import { dirOf, isUnder, resolveInRepo } from './paths.ts';
import { renderers, rendererOf } from './registry.ts';
import type { HelmRelease, RenderOptions, RenderRoot } from './types.ts';
import type { ChangedFile } from '../source/types.ts';
import { changedPaths } from './affected.ts';
import { scanApps } from './gitops/discover.ts';
import { chartAllowList, type ChartAllowList } from './helm/remote.ts';
import { manifestFiles, type ScanContext } from './gitops/scan.ts';
import { directoryFiles } from './gitops/render.ts';
import type { GitOpsApp, UnsimulatedApp } from './gitops/model.ts';

export interface PlannedRoot {
  root: RenderRoot;
  /** Exact files whose change affects this root. */
  deps: Set<string>;
  /** Paths at or below which any change affects this root. */
  prefixes: Set<string>;
  /** Files a tool needs on disk (kustomize, helm). */
  materialize: string[];
  /** Refusals and configuration errors: a root with problems is reported, not rendered. */
  problems: InputError[];
  reach?: KustomizeReach;
  chart?: Chart;
  /** Helm dependencies of the chart from allowed repositories, fetched into its `charts/` before `helm template`. */
  remoteDependencies?: ChartDependency[];
  /** `file://` dependencies: charts of this repository copied into its `charts/` before `helm template`. */
  localDependencies?: { dep: ChartDependency; dir: string }[];
  /** GitOps app roots: files whose objects the app renders, besides `reach` (coverage accounting). */
  appRenders?: Set<string>;
}

export interface RepoPlan {
  roots: PlannedRoot[];
  errors: InputError[];
  tree: RepoTree;
  kustomizations: KustomizationIndex;
  charts: Map<string, Chart>;
  /** Which charts are rendered as roots, which as subcharts of a rendered chart (discovery only). */
  chartRoles: ChartRoles;
  /**
   * Discovery only: files that are plain roots exactly when they hold a Kubernetes object (or fail to load),
   * whether or not this plan read them.
   */
  plainCandidates: Set<string>;
  /** GitOps apps found at this ref (discovery only) and those not simulated, with the reason. */
  apps: GitOpsApp[];
  unsimulated: UnsimulatedApp[];
  /**
   * App id → the ids of the other apps whose files hold its CR (they may deploy it: a CR is then taken from
   * their rendered output, gitops/deploy.ts). Discovery only.
   */
  appParents: Map<string, string[]>;
  /** How CRs found in rendered output are mapped to apps (discovery with GitOps on only). */
  scan?: ScanContext;
}

export function rootId(root: RenderRoot): string {
  if (root.app !== undefined) return root.app.id;
  return root.kind === 'helm' ? `helm:${root.path}#${root.release ?? ''}` : `${root.kind}:${root.path}`;
}

export async function planRepo(
  text: (file: string) => Promise<string | undefined>,
  files: string[],
  options: RenderOptions & { changed?: ChangedFile[] },
): Promise<RepoPlan> {
  const tree = repoTree(files);
  const errors: InputError[] = [];

  const kustomizations: KustomizationIndex = new Map();
  const kustomizationFiles = files.filter(isKustomizationFile);
  const kustomizationTexts = await Promise.all(kustomizationFiles.map(text));
  kustomizationFiles.forEach((file, i) => {
    const dir = dirOf(file);
    // Several kustomization files in one directory: the first is read here, kustomize itself objects.
    if (!kustomizations.has(dir)) kustomizations.set(dir, parseKustomization(kustomizationTexts[i] ?? '', file));
  });
  const charts = new Map<string, Chart>();
  const chartFiles = files.filter(isChartFile);
  const requirementsOf = (dir: string): string => (dir === '' ? 'requirements.yaml' : `${dir}/requirements.yaml`);
  const chartTexts = await Promise.all(
    chartFiles.map(async (file) => {
      const req = requirementsOf(dirOf(file));
      const dir = dirOf(file);
      // helm takes dependency versions from the lock: Chart.lock (v2), requirements.lock (v1).
      const lock = [dir === '' ? 'Chart.lock' : `${dir}/Chart.lock`, dir === '' ? 'requirements.lock' : `${dir}/requirements.lock`].find((f) => tree.files.has(f));
      return [await text(file), tree.files.has(req) ? await text(req) : undefined, lock === undefined ? undefined : await text(lock)] as const;
    }),
  );
  chartFiles.forEach((file, i) => {
    const [chartYaml, requirements, lock] = chartTexts[i]!;
    charts.set(dirOf(file), parseChart(dirOf(file), chartYaml ?? '', requirements, lock));
  });
  const chartAllow = chartAllowList(undefined, options.charts?.repositories).allow;

  const excluded = (options.exclude ?? []).map(globToRegExp);
  const changedSet = options.changed !== undefined ? new Set(changedPaths(options.changed)) : undefined;
  const within = (dir: string): boolean => withinPaths(dir, options.paths);
  const roles = chartRoles(charts, { within, configured: Object.keys(releasesByChart(options)), inflated: inflatedChartDirs(kustomizations, tree) });
  let plainCandidates = new Set<string>();
  let roots: RenderRoot[];
  let apps: GitOpsApp[] = [];
  let unsimulated: UnsimulatedApp[] = [];
  let appRoots: RenderRoot[] = [];
  const appParents = new Map<string, string[]>();
  let appScan: ScanContext | undefined;
  if (options.roots !== undefined) {
    roots = options.roots.map((r) => ({ ...r, path: r.path.replace(/^\.\/?/, '').replace(/\/+$/, '') }));
  } else {
    const discovery: DiscoveryContext = { tree, kustomizations, charts, roles, helmReleases: releasesByChart(options), excluded, within };
    const claimed: Claims = { dirs: [], files: new Set() };
    for (const r of renderers()) {
      const c = r.claims?.(discovery);
      claimed.dirs.push(...(c?.dirs ?? []));
      for (const f of c?.files ?? []) claimed.files.add(f);
    }
    const found = renderers().flatMap((r) => r.discover(discovery, claimed));
    plainCandidates = new Set(found.filter((r) => r.kind === 'plain').map((r) => r.path));
    let discoveredRoots = found.sort((a, b) => rootId(a).localeCompare(rootId(b)));
    if (options.gitops?.enabled !== false) {
      // GitOps apps: a path or chart an app deploys is rendered through the app, with its options, and not
      // a second time as a root of its own (that would review the same objects twice, without the options).
      const scanCtx = {
        tree, kustomizations, charts, text, repoURLs: options.gitops?.repoURLs ?? [], manifestFiles: manifestFiles(tree, charts), chartAllow,
        ...(options.defaultNamespace !== undefined ? { defaultNamespace: options.defaultNamespace } : {}),
      };
      appScan = { ...scanCtx, manifestFiles: scanCtx.manifestFiles.filter(within) };
      const scanned = new Set<string>();
      const deployedBy = new Map<string, Set<string>>();
      // App of apps: the CRs an app deploys from this repository (an Argo CD Application over a directory of
      // Applications, a Flux Kustomization over a path holding HelmReleases) are apps of the same cluster,
      // followed to any depth (each file scanned once, so a cycle ends). The sources a deployed CR names
      // (valuesFrom, substituteFrom) are looked up among what its parent deploys, not in another cluster's files.
      let pending: { ctx: typeof scanCtx; include: (f: string) => boolean }[] = [{ ctx: scanCtx, include: (f) => within(f) && !matchesAny(f, excluded) }];
      while (pending.length > 0) {
        const next: typeof pending = [];
        for (const { ctx, include } of pending) {
          const scan = await scanApps(ctx, (f) => !scanned.has(f) && include(f));
          for (const f of ctx.manifestFiles) if (include(f)) scanned.add(f);
          apps.push(...scan.apps);
          unsimulated.push(...scan.unsimulated);
          errors.push(...scan.errors);
          for (const a of scan.apps) {
            if (a.render.type === 'helm') continue;
            const p = await planApp({ kind: 'plain', path: a.render.path, app: a }, a, tree, kustomizations, charts, text, chartAllow);
            const deployed = new Set(deployedFiles(p).filter((f) => !matchesAny(f, excluded)));
            deployedBy.set(a.id, deployed);
            if ([...deployed].some((f) => !scanned.has(f))) next.push({ ctx: { ...scanCtx, manifestFiles: [...new Set([...deployed, ...scanCtx.manifestFiles.filter(within)])] }, include: (f) => deployed.has(f) });
          }
        }
        pending = next;
      }
      for (const c of apps) {
        const parents = apps.filter((p) => p.id !== c.id && deployedBy.get(p.id)?.has(c.declared.file) === true).map((p) => p.id);
        if (parents.length > 0) appParents.set(c.id, parents);
      }
      discoveredRoots = discoveredRoots.filter((r) => !apps.some((a) => claims(a, r)));
      plainCandidates = new Set([...plainCandidates].filter((f) => !apps.some((a) => claims(a, { kind: 'plain', path: f }))));
      appRoots = apps.map(appRoot);
    }
    // Each kind keeps the roots worth planning (plain: files a change touches that hold objects), in discovery order.
    const inPaths = discoveredRoots.filter((r) => within(r.path));
    const kept = new Set((await Promise.all(renderers().map((r) => {
      const ofKind = inPaths.filter((root) => root.kind === r.kind);
      return r.select === undefined ? ofKind : r.select(ofKind, changedSet, text);
    }))).flat());
    roots = inPaths.filter((r) => kept.has(r));
  }

  roots.push(...appRoots);
  const planned: PlannedRoot[] = [];
  for (const root of roots) {
    if (root.app !== undefined) planned.push(await planApp(root, root.app, tree, kustomizations, charts, text, chartAllow));
    else planned.push(await rendererOf(root.kind).plan(root, { tree, kustomizations, charts, text, chartAllow }));
  }
  return { roots: planned, errors, tree, kustomizations, charts, chartRoles: roles, plainCandidates, apps, unsimulated, appParents, ...(appScan !== undefined ? { scan: appScan } : {}) };
}

function releasesByChart(options: RenderOptions): Record<string, HelmRelease[]> {
  const out: Record<string, HelmRelease[]> = {};
  for (const [chart, valuesFiles] of Object.entries(options.helmValues ?? {})) {
    const dir = resolveInRepo('', chart) ?? chart;
    out[dir] = [{ release: defaultReleaseName(dir, undefined), valuesFiles }];
  }
  for (const [chart, releases] of Object.entries(options.helmReleases ?? {})) out[resolveInRepo('', chart) ?? chart] = releases;
  return out;
}

export function withinPaths(file: string, paths: string[] | undefined): boolean {
  if (paths === undefined) return true;
  return paths.some((p) => {
    const dir = resolveInRepo('', p);
    return dir !== undefined && isUnder(file, dir);
  });
}

/** Whether a discovered root is what an app deploys: its chart, or a root at or below its path. */
export function claims(app: GitOpsApp, root: RenderRoot): boolean {
  const r = app.render;
  if (r.type === 'helm') return r.remote === undefined && root.kind === 'helm' && root.path === r.chart;
  if (r.type === 'directory') return root.kind === 'plain' && directoryFiles(r, [root.path]).length > 0;
  return isUnder(root.path, r.path);
}

/** The root of an app: the kind of renderer its render is closest to, its path or chart, and the app. */
function appRoot(a: GitOpsApp): RenderRoot {
  return { kind: a.render.type === 'helm' ? 'helm' : a.render.type === 'directory' ? 'plain' : 'kustomize', path: a.render.type === 'helm' ? a.render.chart : a.render.path, app: a };
}

/** Plans an app found after planning (taken from a parent's rendered output) as planning plans apps. */
export function planFoundApp(plan: RepoPlan, app: GitOpsApp, text: (file: string) => Promise<string | undefined>): Promise<PlannedRoot> {
  return planApp(appRoot(app), app, plan.tree, plan.kustomizations, plan.charts, text, plan.scan?.chartAllow ?? { entries: [] });
}

/** The repository files whose objects an app's root renders (a kustomize root's resources, the files of a path without one). */
export function deployedFiles(p: PlannedRoot): string[] {
  return [...(p.appRenders ?? []), ...(p.reach?.resources ?? [])];
}

/** An app's root: what its path or chart reads (for affected roots and materializing), plus the CR and the files it consumes. */
async function planApp(
  root: RenderRoot,
  app: GitOpsApp,
  tree: RepoTree,
  index: KustomizationIndex,
  charts: Map<string, Chart>,
  text: (file: string) => Promise<string | undefined>,
  chartAllow: ChartAllowList,
): Promise<PlannedRoot> {
  const r = app.render;
  let planned: PlannedRoot;
  const below = (dir: string): string[] => [...tree.files].filter((f) => isUnder(f, dir));
  if (r.type === 'helm' && r.remote !== undefined) {
    // A remote chart: nothing of the repository but the CR and its values sources (app.deps) feeds it.
    planned = { root, deps: new Set(), prefixes: new Set(), materialize: [...r.valuesFiles], problems: [] };
  } else if (r.type === 'helm') {
    planned = planHelm({ ...root, kind: 'helm', path: r.chart, release: r.release, valuesFiles: r.valuesFiles }, { tree, charts, chartAllow });
    planned.root = root;
  } else if (r.type === 'kustomize' && index.has(r.path)) {
    planned = await planKustomize({ ...root, path: r.path }, { tree, kustomizations: index, text });
    planned.root = root;
  } else {
    // A path without a kustomization (Flux generates one) or an Argo CD directory app: every file below it,
    // and what the kustomizations below it reach.
    planned = { root, deps: new Set(), prefixes: new Set([r.path]), materialize: below(r.path), problems: [], appRenders: new Set() };
    if (r.type === 'directory') {
      for (const f of directoryFiles(r, tree.files)) planned.appRenders!.add(f);
    } else {
      for (const dir of index.keys()) {
        if (dir === r.path || !isUnder(dir, r.path)) continue;
        const reach = reachOf(dir, tree, index);
        for (const d of reach.deps) planned.deps.add(d);
        for (const p of reach.prefixes) planned.prefixes.add(p);
        for (const f of reach.resources) planned.appRenders!.add(f);
        planned.problems.push(...(await reachProblems(reach, text)));
        planned.materialize.push(...filesToMaterialize(reach, tree));
      }
      for (const f of below(r.path)) if (isManifestFile(f) && !isKustomizationFile(f)) planned.appRenders!.add(f);
    }
  }
  // Flux spec.components: what each Component reaches is read too.
  for (const c of r.type === 'kustomize' ? (r.components ?? []) : []) {
    const reach = reachOf(c, tree, index);
    for (const d of reach.deps) planned.deps.add(d);
    for (const p of reach.prefixes) planned.prefixes.add(p);
    planned.problems.push(...(await reachProblems(reach, text)));
    planned.materialize.push(...filesToMaterialize(reach, tree));
  }
  for (const d of app.deps) planned.deps.add(d);
  planned.materialize = [...new Set(planned.materialize)];
  return planned;
}
