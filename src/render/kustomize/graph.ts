// Which files a kustomize root reads: the kustomizations it reaches through resources, bases,
// components and plugin fields, and every file they name. Pure: a file list and parsed kustomizations in.
import type { InputError } from '../../gatekeeper/types.ts';
import { isUnder, resolveInRepo } from '../paths.ts';
import { isRemoteReference, KUSTOMIZATION_FILE_NAMES, type InlinePluginConfig, type Kustomization, type KustomizeRef } from './kustomization.ts';

export interface RepoTree {
  files: Set<string>;
  /** Every directory holding a file, '' included. */
  dirs: Set<string>;
}

/** Parsed kustomizations by directory. */
export type KustomizationIndex = Map<string, Kustomization>;

export interface PluginConfigRef {
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
  const reach: KustomizeReach = { dirs: [], deps: new Set(), resources: new Set(), prefixes: new Set(), problems: [], pluginFiles: [], inlinePlugins: [] };
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
  return [...out];
}
