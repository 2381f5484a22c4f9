// Coverage accounting: every manifest file under a cluster's paths is either rendered through one of the
// cluster's roots, read by one (a patch, a values file), or accounted for with a reason. A file that holds
// Kubernetes objects and that no root renders is an error: a GitOps tool may apply it, preadmit would never
// review it, and the pull request would pass without a word (fail-open).
import path from 'node:path';
import { isManifestFile } from '../gatekeeper/read.ts';
import { gvkOf, nameOf } from '../gatekeeper/classify.ts';
import type { InputError } from '../gatekeeper/types.ts';
import type { RepoSource } from '../source/types.ts';
import { globToRegExp, matchesAny } from './glob.ts';
import { isKustomizationFile } from './kustomize/kustomization.ts';
import { holdsKubernetesObjects } from './objects.ts';
import { isUnder, resolveInRepo } from './paths.ts';
import { planRepo, rootId, withinPaths, type RepoPlan } from './plan.ts';
import type { RenderOptions } from './types.ts';

type CoverageStatus =
  /** Its objects are in the output of the roots in `by`. */
  | 'rendered'
  /** Read by the roots in `by` as something other than objects to apply: a patch, a generator input, values. */
  | 'read'
  /** A plain root exactly when it holds Kubernetes objects (rendered then, nothing to render otherwise). */
  | 'plain'
  /** A kustomization file: read by kustomize for whatever includes its directory. */
  | 'kustomization'
  /** Matches the cluster's `exclude` globs. */
  | 'excluded'
  /** Rendered by no root and holds no Kubernetes object (configuration, a values file nobody names). */
  | 'no-objects'
  /** Gatekeeper policy objects under the cluster's `policies` paths, or objects under its `inventory`. */
  | 'policy'
  /** Holds Kubernetes objects (or cannot be read) and no root renders it: an error. */
  | 'unrendered';

interface CoverageEntry {
  file: string;
  status: CoverageStatus;
  /** Root ids, for 'rendered' and 'read'. */
  by?: string[];
  /** Why no root renders it, for 'unrendered' and 'no-objects'. */
  reason?: string;
}

export interface CoverageResult {
  entries: CoverageEntry[];
  errors: InputError[];
}

export interface CoverageOptions extends Pick<RenderOptions, 'exclude' | 'helmReleases' | 'helmValues'> {
  /** The cluster's `manifests` paths: what is accounted for. */
  paths: string[];
  /** The cluster's `policies` paths: Gatekeeper objects there are policies, not manifests. */
  policies?: string[];
  /** The cluster's `inventory` paths: objects there describe the cluster, they are not applied. */
  inventory?: string[];
  /** Names the cluster in messages. */
  cluster?: string;
}

/** Plans the tree at `sha` as rendering does and accounts for every manifest file under `options.paths`. */
export async function coverageAt(source: RepoSource, sha: string, files: string[], options: CoverageOptions): Promise<CoverageResult> {
  const texts = new Map<string, Promise<string | undefined>>();
  const text = (file: string): Promise<string | undefined> => {
    let t = texts.get(file);
    if (t === undefined) {
      t = source.readFile(sha, file).then((b) => b?.toString('utf8'));
      texts.set(file, t);
    }
    return t;
  };
  // An empty change list: every kustomize and helm root is planned, no plain file is read (plain candidates
  // are accounted for by construction: a root when they hold objects).
  const plan = await planRepo(text, files, { ...options, paths: options.paths, changed: [] });
  const pending = accountFor(plan, files, options);
  const bodies = await Promise.all(pending.undecided.map(text));
  pending.undecided.forEach((file, i) => pending.decide(file, bodies[i]));
  // Links that cannot be followed inside the repository: what a tool would read through them is unknown.
  const links = (await source.linkErrors(sha)).filter((e) => e.source !== undefined && withinPaths(e.source.file, options.paths));
  pending.result.errors.push(...links);
  return pending.result;
}

/**
 * The pure part: which files the plan's roots render or read, and, for the others, a reason. Files no root
 * accounts for are returned as `undecided`; `decide` then classifies each by its content.
 */
export function accountFor(
  plan: RepoPlan,
  files: string[],
  options: CoverageOptions,
): { undecided: string[]; decide: (file: string, body: string | undefined) => void; result: CoverageResult } {
  const excluded = (options.exclude ?? []).map(globToRegExp);
  const within = (p: string): boolean => withinPaths(p, options.paths);
  const rendered = new Map<string, Set<string>>();
  const read = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, file: string, by: string): void => {
    const set = m.get(file) ?? new Set<string>();
    set.add(by);
    m.set(file, set);
  };
  const reachedBy = new Map<string, Set<string>>();
  const chartDirs = new Map<string, string>();
  for (const p of plan.roots) {
    const id = rootId(p.root);
    // A GitOps app's path without a kustomization (or an Argo CD directory app): the files it renders.
    for (const f of p.appRenders ?? []) add(rendered, f, id);
    if (p.appRenders !== undefined) continue;
    if (p.root.kind === 'kustomize' && p.reach !== undefined) {
      for (const dir of p.reach.dirs) add(reachedBy, dir, id);
      for (const f of p.reach.resources) add(rendered, f, id);
      for (const f of p.reach.deps) if (!p.reach.resources.has(f)) add(read, f, id);
    } else if (p.root.kind === 'helm') {
      chartDirs.set(p.root.path, id);
      for (const v of p.root.valuesFiles ?? []) add(read, v, id);
    } else if (p.root.kind === 'plain') {
      add(rendered, p.root.path, id);
    }
  }
  // Subcharts are rendered by the release of the chart vendoring them.
  const renderingRelease = (file: string): string | undefined => {
    for (const [dir, id] of chartDirs) if (isUnder(file, dir)) return id;
    return undefined;
  };

  const entries: CoverageEntry[] = [];
  const errors: InputError[] = [];
  const undecided: string[] = [];
  for (const file of files) {
    if (!isManifestFile(file) || !within(file)) continue;
    if (matchesAny(file, excluded)) entries.push({ file, status: 'excluded' });
    else if (isKustomizationFile(file)) entries.push({ file, status: 'kustomization' });
    else if (rendered.has(file)) entries.push({ file, status: 'rendered', by: [...rendered.get(file)!].sort() });
    else if (renderingRelease(file) !== undefined) entries.push({ file, status: 'rendered', by: [renderingRelease(file)!] });
    else if (read.has(file)) entries.push({ file, status: 'read', by: [...read.get(file)!].sort() });
    else if (plan.plainCandidates.has(file)) entries.push({ file, status: 'plain' });
    else undecided.push(file);
  }

  const decide = (file: string, body: string | undefined): void => {
    const reason = whyUnrendered(file, plan, reachedBy, within);
    const found = body === undefined ? false : holdsKubernetesObjects(body, file);
    if (found === false) {
      entries.push({ file, status: 'no-objects', reason });
      return;
    }
    if (found !== 'unreadable') {
      const policy = underAny(file, options.policies) && found.every((o) => gvkOf(o.object).group.endsWith('gatekeeper.sh'));
      if (policy || underAny(file, options.inventory)) {
        entries.push({ file, status: 'policy' });
        return;
      }
    }
    entries.push({ file, status: 'unrendered', reason });
    const cluster = options.cluster !== undefined ? ` of cluster ${options.cluster}` : '';
    const advice = `a GitOps tool may apply it while no policy ever sees it: render it through a root${cluster} or list it in \`exclude\``;
    if (found === 'unreadable') {
      errors.push({
        kind: 'render',
        message: `${file}: does not load as YAML, so whether it holds Kubernetes objects cannot be told, and no root${cluster} renders it: ${reason}; ${advice}`,
        source: { file, startLine: 1, endLine: 1 },
      });
      return;
    }
    const first = found[0]!;
    const more = found.length > 1 ? ` and ${found.length - 1} more object(s)` : '';
    errors.push({
      kind: 'render',
      message: `${file}:${first.source.startLine}: ${String(first.object.kind)} ${JSON.stringify(nameOf(first.object))}${more} not rendered by any root${cluster}: ${reason}; ${advice}`,
      source: { file, startLine: first.source.startLine, endLine: first.source.endLine },
    });
  };

  return {
    undecided,
    decide,
    result: {
      entries,
      errors,
    },
  };
}

/** Why no root renders `file`: what claims it (a kustomization, a chart, a dot-directory) and why that claim renders nothing. */
function whyUnrendered(file: string, plan: RepoPlan, reachedBy: Map<string, Set<string>>, within: (p: string) => boolean): string {
  const dot = file.split('/').find((seg) => seg.startsWith('.'));
  if (dot !== undefined) return `it lies in the dot-directory '${dot}', which no root reads`;
  const kustomizationOf = (dir: string): string => plan.kustomizations.get(dir)?.file ?? `${dir === '' ? '.' : dir}/kustomization.yaml`;
  const includers = (dir: string): string[] =>
    [...plan.kustomizations]
      .filter(([from, k]) => k.refs.some((r) => r.target !== 'file' && resolveInRepo(from, r.value) === dir && from !== dir))
      .map(([, k]) => k.file);
  const notRendered = (dir: string): string => {
    const by = includers(dir);
    const inside = by.filter((f) => within(f));
    if (by.length > 0 && inside.length === 0) return `${kustomizationOf(dir)} is included only by ${by.join(', ')}, outside the cluster's paths`;
    if (plan.kustomizations.get(dir)?.kind === 'Component') return `the Component ${kustomizationOf(dir)} is used by no root`;
    return `${kustomizationOf(dir)} is rendered by no root`;
  };
  // Named by a kustomization that no root reaches.
  const namers = [...plan.kustomizations].filter(([dir, k]) => within(dir) && k.refs.some((r) => resolveInRepo(dir, r.value) === file));
  if (namers.length > 0) {
    const [dir, k] = namers[0]!;
    const ref = k.refs.find((r) => resolveInRepo(dir, r.value) === file)!;
    if (!reachedBy.has(dir)) return `it is named by ${k.file}:${ref.line} (${ref.field}), and ${notRendered(dir)}`;
    return `${k.file}:${ref.line} names it in '${ref.field}', which kustomize does not apply as objects`;
  }
  // In a chart that is not rendered.
  const chartDir = [...plan.charts.keys()].filter((d) => isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (chartDir !== undefined) {
    const chart = plan.charts.get(chartDir)!;
    const what = chart.type === 'library' ? 'a library chart' : 'not a root of this cluster nor a subchart of one';
    return `it lies in chart ${chart.file}, which is ${what}`;
  }
  // In the directory tree of a kustomization.
  const owner = [...plan.kustomizations.keys()].filter((d) => within(d) && plan.kustomizations.get(d)!.kind === 'Kustomization' && isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (owner !== undefined) {
    if (reachedBy.has(owner)) return `it lies under ${kustomizationOf(owner)}, which does not list it in 'resources' (kustomize, not the file tree, decides what is applied there)`;
    return `it lies under ${kustomizationOf(owner)}, and ${notRendered(owner)}`;
  }
  return `no root of this cluster renders ${path.posix.basename(file)}`;
}

function underAny(file: string, roots: string[] | undefined): boolean {
  return (roots ?? []).some((r) => {
    const dir = resolveInRepo('', r);
    return dir !== undefined && isUnder(file, dir);
  });
}
