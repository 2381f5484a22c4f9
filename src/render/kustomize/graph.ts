// Which files a kustomize root reads: the kustomizations it reaches through resources, bases,
// components and plugin fields, and every file they name. Pure: a file list and parsed kustomizations in.
import type { InputError } from '../../gatekeeper/types.ts';
import { isUnder, resolveInRepo } from '../paths.ts';
import { isRemoteReference, KUSTOMIZATION_FILE_NAMES, type HelmChartEntry, type InlinePluginConfig, type Kustomization, type KustomizeRef } from './kustomization.ts';

export interface RepoTree {
  files: Set<string>;
  /** Every directory holding a file, '' included. */
  dirs: Set<string>;
}

/** Parsed kustomizations by directory. */
export type KustomizationIndex = Map<string, Kustomization>;

interface PluginConfigRef {
  file: string;
  from: Kustomization;
  ref: KustomizeRef;
}

export interface KustomizeReach {
  /** Kustomization directories reached, the root first. */
  dirs: string[];
  /** Files whose change changes the output (kustomization files, even absent ones, and named files). */
  deps: Set<string>;
  /** Files read as resources (`resources` entries naming a file): their objects are in the output. */
  resources: Set<string>;
  /** Paths named but absent, or directories without a kustomization: any change at or below them matters. */
  prefixes: Set<string>;
  /** Remote references, path escapes, refused features: the root is not rendered. */
  problems: InputError[];
  pluginFiles: PluginConfigRef[];
  inlinePlugins: { from: Kustomization; config: InlinePluginConfig }[];
  /** Charts the reached kustomizations inflate with helm, each with where kustomize looks for it. */
  helmCharts: InflatedChart[];
}

/** A `helmCharts` entry and where kustomize reads the chart: found in the repository, or to be fetched there first. */
export interface InflatedChart {
  entry: HelmChartEntry;
  /** The chart home, repo-relative (kustomize's absChartHome: `<chartHome>/<name>-<version>` when both repo and version are set). */
  home: string;
  /** The chart's directory, repo-relative: `<home>/<name>`. */
  dir: string;
  /** The chart is in the repository there (kustomize then uses it as it is and never pulls). */
  local: boolean;
}

export function repoTree(files: Iterable<string>): RepoTree {
  const set = new Set(files);
  const dirs = new Set<string>(['']);
  for (const f of set) {
    let i = f.lastIndexOf('/');
    while (i > 0) {
      const d = f.slice(0, i);
      if (dirs.has(d)) break;
      dirs.add(d);
      i = d.lastIndexOf('/');
    }
  }
  return { files: set, dirs };
}

export function reachOf(rootDir: string, tree: RepoTree, index: KustomizationIndex): KustomizeReach {
  const reach: KustomizeReach = { dirs: [], deps: new Set(), resources: new Set(), prefixes: new Set(), problems: [], pluginFiles: [], inlinePlugins: [], helmCharts: [] };
  const seen = new Set<string>();
  const queue = [rootDir];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    reach.dirs.push(dir);
    for (const name of KUSTOMIZATION_FILE_NAMES) reach.deps.add(dir === '' ? name : `${dir}/${name}`);
    const k = index.get(dir);
    if (k === undefined || k.parseError !== undefined) {
      reach.prefixes.add(dir);
      // What it refers to is unknown, so no path check can vouch for it: refused, not left to kustomize.
      if (k?.parseError !== undefined) {
        const line = k.parseErrorLine ?? 1;
        reach.problems.push({
          kind: 'render',
          message: `${k.parseError}: refused, a kustomization is read exactly as kustomize reads it or not at all`,
          source: { file: k.file, startLine: line, endLine: line },
        });
      }
      continue;
    }
    reach.problems.push(...k.refusals);
    for (const config of k.inlinePlugins) reach.inlinePlugins.push({ from: k, config });
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if ('problem' in placed) {
        reach.problems.push(placed.problem);
        continue;
      }
      reach.helmCharts.push(placed);
      // Any change below the chart home may change what kustomize inflates (the chart, its values, a fetched copy's place).
      reach.prefixes.add(placed.home);
      // The chart's templates render through this root: their objects are in its output.
      if (placed.local) for (const f of tree.files) if (isUnder(f, placed.dir)) reach.resources.add(f);
    }
    for (const ref of k.refs) {
      const target = resolveInRepo(dir, ref.value);
      const exists = target !== undefined && (tree.files.has(target) || tree.dirs.has(target));
      if (isRemoteReference(ref.value, exists)) {
        reach.problems.push(refError(k, ref, `remote kustomize reference '${ref.value}' refused: rendering never uses the network; vendor it into the repository`));
        continue;
      }
      if (target === undefined) {
        reach.problems.push(refError(k, ref, `'${ref.value}' (${ref.field}) is outside the repository: refused`));
        continue;
      }
      if (tree.files.has(target)) {
        reach.deps.add(target);
        if (ref.field === 'resources') reach.resources.add(target);
        if (ref.target === 'plugin') reach.pluginFiles.push({ file: target, from: k, ref });
      } else if (index.has(target) && ref.target !== 'file') {
        queue.push(target);
      } else {
        reach.prefixes.add(target);
      }
    }
  }
  return reach;
}

const CHART_NAME = /^[\w.-]+$/;

/**
 * Where kustomize reads an inflated chart (HelmChartInflationGenerator's absChartHome and chartExistsLocally), checked
 * before any tool runs: the chart home must stay in the repository, the name (and a version that becomes part of a
 * directory name) must be a plain path segment, and a chart that is not in the repository needs a repository to come from.
 */
export function chartPlace(kustomizationDir: string, entry: HelmChartEntry, tree: RepoTree): InflatedChart | { problem: InputError } {
  const at = { file: entry.file, startLine: entry.startLine, endLine: entry.startLine };
  const problem = (what: string): { problem: InputError } => ({ problem: { kind: 'render', message: `${entry.file}:${entry.startLine}: ${entry.field} chart '${entry.name}': ${what}`, source: at } });
  if (entry.name === '' || !CHART_NAME.test(entry.name) || entry.name === '.' || entry.name === '..') return problem('the chart name must be a plain name (letters, digits, ., _, -): refused');
  // kustomize hands releaseName to `helm template` as its first argument: one starting with '-' would be read as a flag
  // (helm never accepts it as a release name).
  if (entry.releaseName !== undefined && entry.releaseName.startsWith('-')) return problem(`releaseName '${entry.releaseName}' would be read by helm as a flag: refused`);
  const chartHome = resolveInRepo(kustomizationDir, entry.chartHome);
  if (chartHome === undefined) return problem(`chart home '${entry.chartHome}' is outside the repository: refused`);
  let home = chartHome;
  if (entry.version !== '' && entry.repo !== '') {
    if (/[/\\\0]/.test(entry.version) || entry.version.trim() !== entry.version) return problem(`version '${entry.version}' cannot be part of a directory name: refused`);
    home = `${chartHome === '' ? '' : `${chartHome}/`}${entry.name}-${entry.version}`;
  }
  const dir = home === '' ? entry.name : `${home}/${entry.name}`;
  const local = tree.dirs.has(dir);
  if (!local && entry.repo === '') return problem(`no chart at ${dir} and no 'repo' to fetch it from (kustomize would fail the build)`);
  return { entry, home, dir, local };
}

/** Chart directories of the repository that kustomizations inflate (`helmCharts`): kustomize renders them, they are no helm roots of their own. */
export function inflatedChartDirs(index: KustomizationIndex, tree: RepoTree): Set<string> {
  const out = new Set<string>();
  for (const [dir, k] of index) {
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if (!('problem' in placed) && placed.local) out.add(placed.dir);
    }
  }
  return out;
}

function refError(k: Kustomization, ref: KustomizeRef, what: string): InputError {
  return { kind: 'render', message: `${k.file}:${ref.line}: ${what}`, source: { file: k.file, startLine: ref.line, endLine: ref.line } };
}

/**
 * Kustomize roots: kustomizations (not components) within `within` that no other kustomization within
 * `within` includes as a directory. A base is rendered through its overlays, as it is applied; rendering it
 * alone would review objects the cluster never receives. Only kustomizations within the discovery paths
 * count as includers: a decoy overlay elsewhere that includes a real overlay does not stop it being a root.
 */
export function kustomizeRootDirs(index: KustomizationIndex, within: (dir: string) => boolean = () => true): string[] {
  const included = new Set<string>();
  for (const [dir, k] of index) {
    if (!within(dir)) continue;
    for (const ref of k.refs) {
      if (ref.target === 'file') continue;
      const target = resolveInRepo(dir, ref.value);
      if (target !== undefined && target !== dir && index.has(target)) included.add(target);
    }
  }
  return [...index.entries()]
    .filter(([dir, k]) => k.kind === 'Kustomization' && within(dir) && !included.has(dir))
    .map(([dir]) => dir)
    .sort();
}

/** Files kustomize may read for a root: everything below the reached directories, and named files. */
export function filesToMaterialize(reach: KustomizeReach, tree: RepoTree): string[] {
  const out = new Set<string>();
  for (const f of tree.files) {
    if (reach.dirs.some((d) => isUnder(f, d))) out.add(f);
  }
  for (const d of reach.deps) if (tree.files.has(d)) out.add(d);
  // helm reads the whole chart (and kustomize its values.yaml), wherever the chart home lies.
  for (const c of reach.helmCharts) if (c.local) for (const f of tree.files) if (isUnder(f, c.dir)) out.add(f);
  return [...out];
}
