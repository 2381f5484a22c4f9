// kustomize roots: kustomizations no other kustomization includes, what each reaches, `kustomize build`.
import { loadManifests } from '../../gatekeeper/load.ts';
import { isObject } from '../../gatekeeper/classify.ts';
import type { InputError } from '../../gatekeeper/types.ts';
import { rootError, type Claims, type PlanContext, type RootRenderer } from '../api.ts';
import { matchesAny } from '../glob.ts';
import { resolveInRepo } from '../paths.ts';
import type { PlannedRoot } from '../plan.ts';
import type { RenderRoot } from '../types.ts';
import { filesToMaterialize, kustomizeRootDirs, reachOf, type KustomizeReach } from './graph.ts';
import { renderKustomize } from './render.ts';

export const kustomizeRenderer: RootRenderer = {
  kind: 'kustomize',
  // kustomize runs helm for `helmCharts` and HelmChartInflationGenerator (it is always given `--enable-helm`).
  tools: ['kustomize', 'helm'],
  discover: ({ kustomizations, within, excluded }) =>
    kustomizeRootDirs(kustomizations, within)
      .filter((dir) => !matchesAny(dir, excluded))
      .map((dir) => ({ kind: 'kustomize', path: dir })),
  /**
   * The directories of kustomizations (not components) within the discovery paths, and every file a kustomization
   * within them names (a patch, a resource, a generator input). A Component claims only the files it names, not its
   * directory: a Component at the repository root does not turn every plain file into something else.
   */
  claims: ({ kustomizations, within }) => {
    const claimed: Claims = { dirs: [], files: new Set() };
    for (const [dir, k] of kustomizations) {
      if (!within(dir)) continue;
      if (k.kind === 'Kustomization') claimed.dirs.push(dir);
      for (const ref of k.refs) {
        const target = resolveInRepo(dir, ref.value);
        if (target !== undefined) claimed.files.add(target);
      }
    }
    return claimed;
  },
  plan: planKustomize,
  render: renderKustomize,
};

export async function planKustomize(root: RenderRoot, { tree, kustomizations: index, text }: Pick<PlanContext, 'tree' | 'kustomizations' | 'text'>): Promise<PlannedRoot> {
  const plannedRoot: PlannedRoot = { root, deps: new Set(), prefixes: new Set([root.path]), materialize: [], problems: [] };
  if (!index.has(root.path)) {
    plannedRoot.problems.push(rootError(root, `${root.path || '.'}: no kustomization.yaml, kustomization.yml or Kustomization here`, root.path || '.'));
    return plannedRoot;
  }
  const reach = reachOf(root.path, tree, index);
  plannedRoot.reach = reach;
  plannedRoot.deps = reach.deps;
  plannedRoot.prefixes = reach.prefixes;
  plannedRoot.problems.push(...(await reachProblems(reach, text)));
  plannedRoot.materialize = filesToMaterialize(reach, tree);
  return plannedRoot;
}

/** What kustomize would refuse or must not run in what a kustomization reaches: its problems and every plugin that is not a builtin. */
export async function reachProblems(reach: KustomizeReach, text: (file: string) => Promise<string | undefined>): Promise<InputError[]> {
  const problems = [...reach.problems];
  for (const p of reach.pluginFiles) {
    const body = await text(p.file);
    problems.push(...pluginRefusals(body ?? '', p.file, `${p.from.file}:${p.ref.line}`));
  }
  for (const { from, config } of reach.inlinePlugins) {
    problems.push(...pluginRefusals(config.text, from.file, `${from.file}:${config.line}`, config.line));
  }
  return problems;
}

/**
 * Kustomize plugin configurations other than kustomize's builtins name an exec or container
 * function (or a Go plugin) that would run code from the pull request: refused.
 */
function pluginRefusals(body: string, file: string, where: string, lineOffset = 0): InputError[] {
  const errors: InputError[] = [];
  for (const { object, source } of loadManifests(body, file, { yamlVersion: '1.1' }).objects) {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
    const isFunction = 'config.kubernetes.io/function' in annotations || 'config.k8s.io/function' in annotations;
    if (object.apiVersion === 'builtin' && !isFunction) continue;
    const line = lineOffset > 0 ? lineOffset : source.startLine;
    errors.push({
      kind: 'render',
      message: `${where}: kustomize plugin ${String(object.kind ?? '?')} (${String(object.apiVersion ?? '?')}) refused: preadmit runs only kustomize's builtin generators and transformers, never exec, container or Go plugins`,
      source: { file, startLine: line, endLine: lineOffset > 0 ? lineOffset : source.endLine },
    });
  }
  return errors;
}
