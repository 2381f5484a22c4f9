// From kustomize's `config.kubernetes.io/origin` annotation to a file and line range in the repository.
import path from 'node:path';
import { parse } from 'yaml';
import { isObject, nameOf } from '../../gatekeeper/classify.ts';
import { loadManifests, type LoadResult } from '../../gatekeeper/load.ts';
import type { JsonObject, SourceLocation } from '../../gatekeeper/types.ts';
import { resolveInRepo } from '../paths.ts';
import type { KustomizationIndex } from './graph.ts';
import { dirOf } from '../paths.ts';

const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export interface Origin {
  path?: string;
  configuredIn?: string;
  /** The generator that made the object (`HelmChartInflationGenerator` for an inflated chart). */
  configuredBy?: { kind?: string; name?: string };
}

/** Reads the origin annotation and, unless `keep`, removes it (and an annotations map it leaves empty). */
export function takeOrigin(object: JsonObject, keep: boolean): Origin | undefined {
  const metadata = object.metadata;
  if (!isObject(metadata) || !isObject(metadata.annotations)) return undefined;
  const annotations = metadata.annotations;
  const raw = annotations[ORIGIN_ANNOTATION];
  if (typeof raw !== 'string') return undefined;
  if (!keep) {
    delete annotations[ORIGIN_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  let parsed: unknown;
  try {
    parsed = parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const origin: Origin = {};
  if (typeof parsed.path === 'string') origin.path = parsed.path;
  if (typeof parsed.configuredIn === 'string') origin.configuredIn = parsed.configuredIn;
  if (isObject(parsed.configuredBy)) {
    const { kind, name } = parsed.configuredBy;
    origin.configuredBy = { ...(typeof kind === 'string' ? { kind } : {}), ...(typeof name === 'string' ? { name } : {}) };
  }
  return origin;
}

/** A path in an origin annotation is relative to the directory kustomize built; make it repo-relative. */
export function originToRepoPath(originPath: string, builtDirInScratch: string, repoDirInScratch: string): string | undefined {
  const inScratch = path.posix.normalize(path.posix.join(builtDirInScratch, originPath));
  const rel = path.posix.relative(repoDirInScratch, inScratch);
  return resolveInRepo('', rel);
}

export class OriginLocator {
  readonly #loaded = new Map<string, Promise<LoadResult | undefined>>();
  readonly #readText: (file: string) => Promise<string | undefined>;
  readonly #kustomizations: KustomizationIndex;

  constructor(readText: (file: string) => Promise<string | undefined>, kustomizations: KustomizationIndex) {
    this.#readText = readText;
    this.#kustomizations = kustomizations;
  }

  /** The document of `file` that `object` came from: same kind, and the name kustomize prefixed or suffixed. */
  async inFile(file: string, object: JsonObject): Promise<Omit<SourceLocation, 'renderedBy'>> {
    let loaded = this.#loaded.get(file);
    if (loaded === undefined) {
      loaded = this.#readText(file).then((t) => (t === undefined ? undefined : loadManifests(t, file, { yamlVersion: '1.1' })));
      this.#loaded.set(file, loaded);
    }
    const result = await loaded;
    const whole = { file, startLine: 1, endLine: Math.max(1, ...(result?.objects.map((o) => o.source.endLine) ?? [1])) };
    if (result === undefined || result.objects.length === 0) return whole;
    const sameKind = result.objects.filter((o) => o.object.kind === object.kind);
    const candidates = sameKind.length > 0 ? sameKind : result.objects;
    if (candidates.length === 1) return stripRenderedBy(candidates[0]!.source);
    const name = nameOf(object);
    const exact = candidates.find((o) => nameOf(o.object) === name);
    if (exact) return stripRenderedBy(exact.source);
    const contained = candidates
      .filter((o) => nameOf(o.object) !== '' && name.includes(nameOf(o.object)))
      .sort((a, b) => nameOf(b.object).length - nameOf(a.object).length)[0];
    return contained ? stripRenderedBy(contained.source) : whole;
  }

  /**
   * The `helmCharts` entry of kustomization `file` whose chart rendered `object`: the only one, else the one helm's
   * standard labels name (`helm.sh/chart: <name>-<version>`, `app.kubernetes.io/instance: <release>`), else the first.
   */
  inHelmChart(file: string, object: JsonObject): Omit<SourceLocation, 'renderedBy'> {
    const entries = this.#kustomizations.get(dirOf(file))?.helmCharts.filter((e) => e.file === file) ?? [];
    if (entries.length === 0) return { file, startLine: 1, endLine: 1 };
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    const chart = typeof labels['helm.sh/chart'] === 'string' ? labels['helm.sh/chart'] : undefined;
    const instance = labels['app.kubernetes.io/instance'];
    const byLabels = entries.filter((e) => (chart === undefined || chart.startsWith(`${e.name}-`)) && (typeof instance !== 'string' || e.releaseName === undefined || e.releaseName === instance));
    const entry = entries.length === 1 ? entries[0]! : (byLabels.length === 1 ? byLabels[0]! : entries[0]!);
    return { file, startLine: entry.startLine, endLine: entry.endLine };
  }

  /** The generator entry of kustomization `file` that made `object` (a ConfigMap or Secret). */
  inGenerator(file: string, object: JsonObject): Omit<SourceLocation, 'renderedBy'> {
    const k = this.#kustomizations.get(dirOf(file));
    const name = nameOf(object);
    const field = object.kind === 'Secret' ? 'secretGenerator' : 'configMapGenerator';
    const entry = k?.generators
      .filter((g) => g.field === field && name.includes(g.name))
      .sort((a, b) => b.name.length - a.name.length)[0];
    return entry ? { file, startLine: entry.startLine, endLine: entry.endLine } : { file, startLine: 1, endLine: 1 };
  }
}

function stripRenderedBy(s: SourceLocation): Omit<SourceLocation, 'renderedBy'> {
  return { file: s.file, startLine: s.startLine, endLine: s.endLine };
}
