// Finding GitOps CRs in the tree at a ref and what they refer to (sources, ConfigMaps, Secrets), with lines.
import { loadManifests } from '../../gatekeeper/load.ts';
import { isManifestFile } from '../../gatekeeper/read.ts';
import type { InputError, JsonObject, SourcedObject } from '../../gatekeeper/types.ts';
import { lineOfPath, type FieldPath } from '../../simulate/locate.ts';
import type { Chart } from '../helm/chart.ts';
import { CHART_REPOSITORIES_ENV, refusalOf, type ChartAllowList } from '../helm/remote.ts';
import type { KustomizationIndex, RepoTree } from '../kustomize/graph.ts';
import { isUnder, resolveInRepo } from '../paths.ts';
import { normalizeRepoURL, obj, str, type Declared } from './model.ts';

export interface ScanContext {
  tree: RepoTree;
  kustomizations: KustomizationIndex;
  charts: Map<string, Chart>;
  text(file: string): Promise<string | undefined>;
  /** URLs that name this repository (`gitops.repoURLs`); empty: every git source whose path exists here is taken as this repository. */
  repoURLs: string[];
  /** Manifest files that may hold objects (not chart templates, not dot-directories). */
  manifestFiles: string[];
  /** Helm repositories remote charts may come from (empty or absent: none). */
  chartAllow?: ChartAllowList;
  /** The cluster's default namespace (`RenderOptions.defaultNamespace`): where a CR or release that names none lands. */
  defaultNamespace?: string;
  /**
   * What the parent app deploys next to the CR (its rendered output), when the CR was taken from it: sources,
   * ConfigMaps and Secrets are looked up there first, as the cluster holds what the parent applied.
   */
  objects?: SourcedObject[];
}

/** Why a remote chart repository is not simulated, or undefined when its charts may be fetched. */
export function remoteChartRefusal(ctx: ScanContext, url: string): string | undefined {
  const allow = ctx.chartAllow ?? { entries: [] };
  if (refusalOf(url, allow) === undefined) return undefined;
  if (/^oci:\/\//i.test(url.trim())) return refusalOf(url, allow);
  return `remote chart repository not allowed: ${url} (the operator allows repositories with ${CHART_REPOSITORIES_ENV}; preadmit.yml chartRepositories may only narrow that list)`;
}

/** Whether a git URL names this repository. */
export function isThisRepo(ctx: ScanContext, url: string | undefined): boolean {
  if (ctx.repoURLs.length === 0) return true;
  if (url === undefined) return false;
  const u = normalizeRepoURL(url);
  return ctx.repoURLs.some((r) => normalizeRepoURL(r) === u);
}

export function declaredAt(o: SourcedObject): Declared {
  return { file: o.source.file, startLine: o.source.startLine, endLine: o.source.endLine };
}

/** The line of a field of a CR (its own first line when the source does not spell it). */
export async function fieldAt(ctx: ScanContext, o: SourcedObject, path: FieldPath): Promise<Declared> {
  const text = await ctx.text(o.source.file);
  const kind = String(o.object.kind ?? '');
  const at = text === undefined ? undefined : lineOfPath(text, o.source, kind, path);
  return at ? { file: at.file, startLine: at.startLine, endLine: at.endLine } : declaredAt(o);
}

export function refusal(at: Declared, message: string): InputError {
  return { kind: 'render', message: `${at.file}:${at.startLine}: ${message}`, source: { ...at } };
}

/** A repo path from a CR: resolved against `dir`, refused when it leaves the repository. */
export function repoPath(dir: string, p: string): string | undefined {
  return resolveInRepo(dir, p.replace(/^\.\/?$/, ''));
}

/**
 * An object of `kind` named `name` in the repository (in `namespace` when the object names one), searched in
 * every manifest file that spells the name: Flux's sources, ConfigMaps and Secrets for valuesFrom/substituteFrom.
 */
export async function findObject(ctx: ScanContext, kind: string, name: string, namespace: string | undefined): Promise<SourcedObject | undefined> {
  const matches = (o: SourcedObject): boolean => {
    if (o.object.kind !== kind || str(obj(o.object.metadata).name) !== name) return false;
    const ns = str(obj(o.object.metadata).namespace);
    return ns === undefined || namespace === undefined || ns === namespace;
  };
  const deployed = (ctx.objects ?? []).filter(matches);
  if (deployed.length > 0) return deployed.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? deployed[0];
  const found: SourcedObject[] = [];
  // Read together: a git source answers one batch with one process.
  const bodies = await Promise.all(ctx.manifestFiles.map((f) => ctx.text(f)));
  for (let i = 0; i < ctx.manifestFiles.length; i++) {
    const file = ctx.manifestFiles[i]!;
    const body = bodies[i];
    if (body === undefined || !body.includes(name) || !body.includes(kind)) continue;
    for (const o of loadManifests(body, file, { yamlVersion: '1.1' }).objects) if (matches(o)) found.push(o);
  }
  // One in the CR's own namespace wins over one that names none.
  return found.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? found[0];
}

/** Manifest files that may hold GitOps objects: outside chart directories (templates) and dot-directories. */
export function manifestFiles(tree: RepoTree, charts: Map<string, Chart>): string[] {
  const chartDirs = [...charts.keys()];
  return [...tree.files]
    .filter((f) => isManifestFile(f) && !f.split('/').some((s) => s.startsWith('.')) && !chartDirs.some((d) => isUnder(f, d)))
    .sort();
}

export function metaOf(o: JsonObject): { name: string; namespace: string | undefined } {
  const meta = obj(o.metadata);
  return { name: str(meta.name) ?? '', namespace: str(meta.namespace) };
}
