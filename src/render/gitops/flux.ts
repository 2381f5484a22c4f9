// Flux CRs to apps: kustomize.toolkit.fluxcd.io Kustomization (an in-repo path built with the CR's options and
// post-build substitution) and helm.toolkit.fluxcd.io HelmRelease (an in-repo chart with values and valuesFrom).
// Sources that are not this repository are listed as not simulated, with the reason.
import { parse as parseYaml } from 'yaml';
import type { InputError, JsonObject, JsonValue, SourcedObject } from '../../gatekeeper/types.ts';
import { errorText } from '../../gatekeeper/load.ts';
import { appId, arr, mergeValues, obj, setPath, str, stringMap, type Declared, type GitOpsApp, type HelmAppRender, type UnsimulatedApp } from './model.ts';
import { isValidVariableName } from './envsubst.ts';
import { DEFAULT_NAMESPACE } from '../namespaces.ts';
import { declaredAt, fieldAt, findObject, isThisRepo, metaOf, refusal, remoteChartRefusal, repoPath, type ScanContext } from './scan.ts';

export type Mapped = { app: GitOpsApp } | { unsimulated: UnsimulatedApp } | { error: InputError; unsimulated: UnsimulatedApp };

export function isFluxKustomization(o: JsonObject): boolean {
  return o.kind === 'Kustomization' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
}

export function isFluxHelmRelease(o: JsonObject): boolean {
  return o.kind === 'HelmRelease' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('helm.toolkit.fluxcd.io/');
}

function notSimulated(o: SourcedObject, reason: string, deps: string[] = []): { unsimulated: UnsimulatedApp } {
  const { name } = metaOf(o.object);
  return { unsimulated: { tool: 'flux', kind: String(o.object.kind), name, declared: declaredAt(o), reason, deps: [o.source.file, ...deps] } };
}

function failed(o: SourcedObject, at: Declared, message: string, deps: string[] = []): Mapped {
  const error = refusal(at, message);
  return { error, ...notSimulated(o, message, deps) };
}

/** The source a Flux CR names: this repository, or why not. */
async function gitSource(ctx: ScanContext, o: SourcedObject, ref: JsonObject, what: string, allowHelmRepository = false): Promise<{ ok: true } | { remote: string } | { reason: string }> {
  const kind = str(ref.kind) ?? '';
  const name = str(ref.name) ?? '';
  const namespace = str(ref.namespace) ?? metaOf(o.object).namespace;
  const found = name === '' ? undefined : await findObject(ctx, kind, name, namespace);
  const url = str(obj(found?.object.spec).url);
  if (kind === 'GitRepository') {
    if (isThisRepo(ctx, url)) return { ok: true };
    return { reason: `${what} comes from GitRepository ${name} (${url ?? 'not in this repository'}), which is not this repository (gitops.repoURLs)` };
  }
  if (kind === 'HelmRepository' && allowHelmRepository && (found === undefined || url === undefined)) {
    return { reason: `${what} comes from HelmRepository ${name || '(no name)'}, which is not in this repository${found !== undefined ? ' with a spec.url' : ''}: its chart repository is unknown` };
  }
  if (kind === 'HelmRepository' && allowHelmRepository && found !== undefined && url !== undefined) {
    const spec = obj(found.object.spec);
    const repoUrl = spec.type === 'oci' && !/^oci:\/\//i.test(url) ? `oci://${url}` : url;
    const refused = remoteChartRefusal(ctx, repoUrl);
    return refused === undefined ? { remote: repoUrl } : { reason: refused };
  }
  if (kind === 'OCIRepository') {
    return { reason: `${what} comes from OCIRepository ${name}${url !== undefined ? ` (${url})` : ', which is not in this repository'}` };
  }
  if (kind === 'HelmChart') {
    return { reason: `${what} comes from HelmChart ${name}: a HelmChart source (chartRef) is not simulated; name the chart and its HelmRepository in spec.chart instead` };
  }
  if (kind === 'HelmRepository') {
    return { reason: `remote chart source ${url ?? `${kind} ${name}`} not allowed / not configured: preadmit renders only charts in this repository` };
  }
  return { reason: `${what} comes from a ${kind || 'missing'} source${name ? ` ${name}` : ''}, which preadmit cannot read` };
}

/** The chart a HelmRelease `chartRef` to an OCIRepository names, or why it is not simulated. */
async function ociChartRef(ctx: ScanContext, o: SourcedObject, ref: JsonObject): Promise<{ repoUrl: string; chartName: string; version: string } | { reason: string }> {
  if (str(ref.kind) !== 'OCIRepository') return { reason: ((await gitSource(ctx, o, ref, 'the chart')) as { reason?: string }).reason ?? 'chartRef' };
  const name = str(ref.name) ?? '';
  const found = name === '' ? undefined : await findObject(ctx, 'OCIRepository', name, str(ref.namespace) ?? metaOf(o.object).namespace);
  const spec = obj(found?.object.spec);
  const url = str(spec.url)?.trim().replace(/\/+$/, '');
  if (found === undefined || url === undefined) return { reason: `the chart comes from OCIRepository ${name}, which is not in this repository${found !== undefined ? ' with a spec.url' : ''}` };
  const r = obj(spec.ref);
  if (str(r.digest) !== undefined) return { reason: `the chart comes from OCIRepository ${name} (${url}) pinned by manifest digest ${str(r.digest)}: not simulated (preadmit pins charts by their layer digest)` };
  const cut = url.lastIndexOf('/');
  const repoUrl = url.slice(0, cut);
  const refused = /^oci:\/\/[^/]+\/[^/]/i.test(url) ? remoteChartRefusal(ctx, repoUrl) : `url '${url}' is not an oci:// chart reference`;
  if (refused !== undefined) return { reason: `the chart comes from OCIRepository ${name} (${url}): ${refused}` };
  return { repoUrl, chartName: url.slice(cut + 1), version: str(r.semver) ?? str(r.tag) ?? 'latest' };
}

/** Variables from `postBuild.substituteFrom` (in order) then `postBuild.substitute`, as Flux merges them. */
async function substitutions(ctx: ScanContext, o: SourcedObject, postBuild: JsonObject): Promise<{ vars: Record<string, string>; deps: string[] } | { error: InputError }> {
  const vars: Record<string, string> = {};
  const deps: string[] = [];
  const namespace = metaOf(o.object).namespace;
  const refs = arr(postBuild.substituteFrom);
  for (let i = 0; i < refs.length; i++) {
    const ref = obj(refs[i]);
    const kind = str(ref.kind) ?? '';
    const name = str(ref.name) ?? '';
    const at = await fieldAt(ctx, o, ['spec', 'postBuild', 'substituteFrom', i]);
    if (kind !== 'ConfigMap' && kind !== 'Secret') return { error: refusal(at, `postBuild.substituteFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`) };
    const found = await findObject(ctx, kind, name, namespace);
    if (found === undefined) {
      if (ref.optional === true) continue;
      return { error: refusal(at, `postBuild.substituteFrom[${i}]: ${kind} ${name} is not in this repository (and not optional): Flux would not apply this Kustomization`) };
    }
    deps.push(found.source.file);
    for (const [k, v] of Object.entries(dataOf(found.object))) vars[k] = v;
  }
  for (const [k, v] of Object.entries(stringMap(postBuild.substitute))) vars[k] = v.replace(/\n/g, '');
  const bad = Object.keys(vars).find((k) => !isValidVariableName(k));
  if (bad !== undefined) return { error: refusal(await fieldAt(ctx, o, ['spec', 'postBuild']), `postBuild: variable name '${bad}' is not valid (^[_a-zA-Z][_a-zA-Z0-9]*$)`) };
  return { vars, deps };
}

/** A ConfigMap's `data` or a Secret's `stringData` and decoded `data`. */
function dataOf(o: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  if (o.kind === 'Secret') {
    for (const [k, v] of Object.entries(obj(o.data))) if (typeof v === 'string') out[k] = Buffer.from(v, 'base64').toString('utf8');
    Object.assign(out, stringMap(o.stringData));
  } else {
    Object.assign(out, stringMap(o.data));
  }
  return out;
}

export async function fluxKustomization(ctx: ScanContext, o: SourcedObject): Promise<Mapped> {
  const spec = obj(o.object.spec);
  const { name } = metaOf(o.object);
  const source = await gitSource(ctx, o, obj(spec.sourceRef), `path ${str(spec.path) ?? './'}`);
  if ('reason' in source) return notSimulated(o, source.reason);
  const rawPath = str(spec.path) ?? './';
  const pathAt = await fieldAt(ctx, o, ['spec', 'path']);
  // Flux resolves spec.path from the source's root, whatever the CR's own directory.
  const dir = repoPath('', rawPath.replace(/^\//, ''));
  if (dir === undefined) return failed(o, pathAt, `spec.path '${rawPath}' leaves the repository: refused`);
  if (!ctx.tree.dirs.has(dir)) return failed(o, pathAt, `spec.path '${rawPath}' is not a directory of this repository at this ref`);
  const deps = [o.source.file];
  const app: GitOpsApp = {
    tool: 'flux',
    kind: 'Kustomization',
    name,
    declared: declaredAt(o),
    id: appId('flux', o.source.file, name),
    render: { type: 'kustomize', path: dir, ...(ctx.kustomizations.has(dir) ? {} : { generate: 'flux' as const }) },
    deps,
  };
  const r = app.render as Extract<GitOpsApp['render'], { type: 'kustomize' }>;
  if (typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '') r.namespace = spec.targetNamespace;
  if (typeof spec.namePrefix === 'string' && spec.namePrefix !== '') r.namePrefix = spec.namePrefix;
  if (typeof spec.nameSuffix === 'string' && spec.nameSuffix !== '') r.nameSuffix = spec.nameSuffix;
  if (arr(spec.patches).length > 0) r.patches = arr(spec.patches);
  if (arr(spec.images).length > 0) r.images = arr(spec.images);
  // Components: directories relative to spec.path, added to the path's kustomization as Flux does.
  const components = arr(spec.components);
  for (let i = 0; i < components.length; i++) {
    const raw = str(components[i]) ?? '';
    const at = await fieldAt(ctx, o, ['spec', 'components', i]);
    const component = repoPath(dir, raw);
    if (component === undefined) return failed(o, at, `spec.components[${i}] '${raw}' leaves the repository: refused`);
    if (ctx.kustomizations.get(component)?.kind !== 'Component') return failed(o, at, `spec.components[${i}] '${raw}' (${component || '.'}) is not a kustomize Component directory of this repository at this ref`);
    (r.components ??= []).push(component);
  }
  const meta = obj(spec.commonMetadata);
  if (Object.keys(stringMap(meta.labels)).length > 0) r.labels = stringMap(meta.labels);
  if (Object.keys(stringMap(meta.annotations)).length > 0) r.annotations = stringMap(meta.annotations);
  if (spec.postBuild !== undefined) {
    const subs = await substitutions(ctx, o, obj(spec.postBuild));
    if ('error' in subs) return { error: subs.error, ...notSimulated(o, subs.error.message) };
    r.substitute = subs.vars;
    deps.push(...subs.deps);
  }
  return { app };
}

export async function fluxHelmRelease(ctx: ScanContext, o: SourcedObject): Promise<Mapped> {
  const spec = obj(o.object.spec);
  const { name, namespace } = metaOf(o.object);
  const chartSpec = obj(obj(spec.chart).spec);
  let chartName = str(chartSpec.chart) ?? '';
  let chartVersion = str(chartSpec.version) ?? '*';
  let source: Awaited<ReturnType<typeof gitSource>>;
  let chartAt: Declared;
  if (spec.chartRef !== undefined) {
    // An OCIRepository's chart (`oci://host/path/<chart>`, ref tag/semver; Flux's default tag `latest`), fetched like an OCI HelmRepository's.
    const oci = await ociChartRef(ctx, o, obj(spec.chartRef));
    if ('reason' in oci) return notSimulated(o, oci.reason);
    ({ chartName, version: chartVersion } = oci);
    source = { remote: oci.repoUrl };
    chartAt = await fieldAt(ctx, o, ['spec', 'chartRef']);
  } else {
    source = await gitSource(ctx, o, obj(chartSpec.sourceRef), `chart ${chartName}`, true);
    if ('reason' in source) return notSimulated(o, source.reason);
    chartAt = await fieldAt(ctx, o, ['spec', 'chart', 'spec', 'chart']);
  }
  const deps = [o.source.file];
  const valuesFiles: string[] = [];
  const files = arr(chartSpec.valuesFiles).length > 0 ? arr(chartSpec.valuesFiles) : str(chartSpec.valuesFile) ? [chartSpec.valuesFile!] : [];
  let chart: string;
  let remote: HelmAppRender['remote'];
  if ('remote' in source) {
    // A chart of an allowed helm repository: fetched before the render; its values files are the chart's own.
    if (!/^[\w.-]+$/.test(chartName) || chartName === '.' || chartName === '..') return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart name of a helm repository`);
    chart = o.source.file;
    const chartValues: { file: string; inChart: boolean }[] = [];
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? '';
      const p = repoPath('', f.replace(/^\//, ''));
      if (p === undefined || p === '') return failed(o, await fieldAt(ctx, o, ['spec', 'chart', 'spec', 'valuesFiles', i]), `values file '${f}' leaves the chart: refused`);
      chartValues.push({ file: p, inChart: true });
    }
    remote = { repoUrl: source.remote, chart: chartName, version: chartVersion === '' ? '*' : chartVersion, valuesFiles: chartValues, declaredAt: chartAt };
  } else {
    const inRepo = repoPath('', chartName.replace(/^\//, ''));
    if (inRepo === undefined) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' leaves the repository: refused`);
    if (!ctx.charts.has(inRepo)) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart directory (no Chart.yaml) of this repository at this ref`);
    chart = inRepo;
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? '';
      const at = await fieldAt(ctx, o, ['spec', 'chart', 'spec', 'valuesFiles', i]);
      // Flux reads values files relative to the source's root.
      const p = repoPath('', f.replace(/^\//, ''));
      if (p === undefined) return failed(o, at, `values file '${f}' leaves the repository: refused`);
      if (!ctx.tree.files.has(p)) return failed(o, at, `values file '${f}' does not exist at this ref`);
      valuesFiles.push(p);
      deps.push(p);
    }
  }
  let values: JsonObject = {};
  const from = arr(spec.valuesFrom);
  for (let i = 0; i < from.length; i++) {
    const ref = obj(from[i]);
    const kind = str(ref.kind) ?? '';
    const refName = str(ref.name) ?? '';
    const key = str(ref.valuesKey) ?? 'values.yaml';
    const at = await fieldAt(ctx, o, ['spec', 'valuesFrom', i]);
    if (kind !== 'ConfigMap' && kind !== 'Secret') return failed(o, at, `valuesFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`);
    const found = await findObject(ctx, kind, refName, namespace);
    if (found === undefined) {
      if (ref.optional === true) continue;
      return failed(o, at, `valuesFrom[${i}]: ${kind} ${refName} is not in this repository (and not optional): Flux would not install this release`);
    }
    deps.push(found.source.file);
    const data = dataOf(found.object);
    if (!(key in data)) {
      if (ref.optional === true) continue;
      return failed(o, at, `valuesFrom[${i}]: ${kind} ${refName} (${found.source.file}:${found.source.startLine}) has no key '${key}'`, [found.source.file]);
    }
    const targetPath = str(ref.targetPath);
    if (targetPath !== undefined && targetPath !== '') {
      const set = setPath(values, targetPath, data[key]!);
      if (typeof set === 'string') return failed(o, at, `valuesFrom[${i}].targetPath: ${set}`);
      values = set;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(data[key]!, { maxAliasCount: 100 });
    } catch (e) {
      return failed(o, at, `valuesFrom[${i}]: key '${key}' of ${kind} ${refName} (${found.source.file}) is not YAML: ${errorText(e)}`, [found.source.file]);
    }
    values = mergeValues(values, obj(parsed as JsonValue));
  }
  values = mergeValues(values, obj(spec.values));
  const targetNamespace = str(spec.targetNamespace);
  const releaseNamespace = targetNamespace ?? namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  const release = str(spec.releaseName) ?? (targetNamespace !== undefined ? `${targetNamespace}-${name}` : name);
  const patches: JsonValue[] = [];
  const images: JsonValue[] = [];
  for (const pr of arr(spec.postRenderers)) {
    const k = obj(obj(pr).kustomize);
    patches.push(...arr(k.patches), ...arr(k.patchesStrategicMerge).map((p) => ({ patch: typeof p === 'string' ? p : JSON.stringify(p) })));
    images.push(...arr(k.images));
    for (const j of arr(k.patchesJson6902)) {
      const jo = obj(j);
      patches.push({ target: jo.target ?? {}, patch: JSON.stringify(jo.patch ?? []) });
    }
  }
  const app: GitOpsApp = {
    tool: 'flux',
    kind: 'HelmRelease',
    name,
    declared: declaredAt(o),
    id: appId('flux', o.source.file, name),
    render: {
      type: 'helm',
      chart,
      release,
      namespace: releaseNamespace,
      valuesFiles,
      ...(Object.keys(values).length > 0 ? { values } : {}),
      ...(patches.length + images.length > 0 ? { postRender: { patches, images } } : {}),
      ...(remote !== undefined ? { remote } : {}),
    },
    defaultNamespace: releaseNamespace,
    deps,
  };
  return { app };
}

;
