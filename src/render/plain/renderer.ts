// plain roots: manifest files that no other kind of root claims, each loaded as kubectl would apply it.
import { isManifestFile } from '../../gatekeeper/read.ts';
import { rootError, type RootRenderer } from '../api.ts';
import { matchesAny } from '../glob.ts';
import { isKustomizationFile } from '../kustomize/kustomization.ts';
import { holdsKubernetesObjects } from '../objects.ts';
import { isUnder } from '../paths.ts';
import type { PlannedRoot } from '../plan.ts';
import { renderPlain } from './render.ts';

export const plainRenderer: RootRenderer = {
  kind: 'plain',
  tools: [],
  /**
   * Every manifest file within the paths, outside dot-directories, not excluded and claimed by no other kind of root
   * (what is claimed but rendered by no root is found by coverage, coverage.ts): a candidate, kept by `select`.
   */
  discover: ({ tree, excluded, within }, claimed) =>
    [...tree.files]
      .filter(
        (file) =>
          isManifestFile(file) &&
          !isKustomizationFile(file) &&
          !matchesAny(file, excluded) &&
          within(file) &&
          // Dot-directories hold CI and tool configuration (.github/workflows/*.yml), never manifests to apply.
          !file.split('/').some((seg) => seg.startsWith('.')) &&
          !claimed.files.has(file) &&
          !claimed.dirs.some((d) => isUnder(file, d)),
      )
      .map((file) => ({ kind: 'plain', path: file })),
  /**
   * A candidate is a root if it holds a Kubernetes object, or fails to load (a broken manifest must be reported);
   * values files, CI and tool configuration are not. A plain root is affected only by a change to its own file: when
   * a change is given, the other plain files need not be read (the costly part of planning a large repository).
   */
  select: async (roots, changed, text) => {
    const wanted = roots.filter((r) => changed === undefined || changed.has(r.path));
    const bodies = await Promise.all(wanted.map((r) => text(r.path)));
    return wanted.filter((r, i) => holdsManifests(bodies[i] ?? '', r.path));
  },
  plan: (root, { tree }) => {
    const plannedRoot: PlannedRoot = { root, deps: new Set([root.path]), prefixes: new Set(), materialize: [], problems: [] };
    if (!tree.files.has(root.path)) plannedRoot.problems.push(rootError(root, `${root.path}: no such file at this ref`, root.path));
    return Promise.resolve(plannedRoot);
  },
  render: renderPlain,
};

/**
 * Whether a file is a plain root. A file naming both `apiVersion` and `kind` is taken without parsing (the
 * common case, and what keeps planning a large repository cheap; if it fails to load, its render says so);
 * any other is decoded as kubectl decodes it, so that keys spelled with escapes (`"api\u0056ersion"`), merge
 * keys or aliases are found. One that does not load and spells neither word (JSON with comments, a template)
 * is left out: kubectl cannot read it either.
 */
function holdsManifests(body: string, file: string): boolean {
  if (body.includes('apiVersion') && body.includes('kind')) return true;
  const found = holdsKubernetesObjects(body, file);
  return found !== false && found !== 'unreadable';
}
