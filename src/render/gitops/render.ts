// Rendering an app: the existing kustomize and helm renderers run (in the jail) on what the CR says, with a
// generated kustomization (the CR's options over its path, or Flux's generated one for a path without any) or
// generated values; then Flux's post-build substitution, the destination namespace, and the CR's location.
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { loadManifests, errorText } from '../../gatekeeper/load.ts';
import { isManifestFile } from '../../gatekeeper/read.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation } from '../../gatekeeper/types.ts';
import { atomicWrite } from '../../util/files.ts';
import type { RenderContext } from '../context.ts';
import { globToRegExp } from '../glob.ts';
import { renderHelm } from '../helm/render.ts';
import { resolveRemoteChart } from '../helm/remote.ts';
import { isKustomizationFile, KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomization.ts';
import { placeInflatedCharts, renderKustomize } from '../kustomize/render.ts';
import { holdsKubernetesObjects } from '../objects.ts';
import { dirOf, isUnder } from '../paths.ts';
import type { PlannedRoot } from '../plan.ts';
import type { RenderedObject, RenderResult } from '../types.ts';
import { envsubst, SubstitutionError, substitutionDisabled } from './envsubst.ts';
import { DEFAULT_NAMESPACE, placeInNamespace, unplaced } from '../namespaces.ts';
import { appLabel, arr, buildsPathAsIs, kustomizeOptions, obj, type DirectoryAppRender, type GitOpsApp, type HelmAppRender, type KustomizeAppRender } from './model.ts';

/** Where generated kustomizations and values live in the materialized tree (never a repository path: dot-directory). */
const GENERATED_DIR = '.preadmit-apps';
let generated = 0;

export async function renderApp(planned: PlannedRoot, ctx: RenderContext): Promise<RenderResult> {
  const app = planned.root.app!;
  let result: RenderResult;
  try {
    if (app.render.type === 'kustomize') result = await renderKustomizeApp(planned, app, app.render, ctx);
    else if (app.render.type === 'helm') result = await renderHelmApp(planned, app, app.render, ctx);
    else result = await renderDirectoryApp(planned, app, app.render, ctx);
  } catch (e) {
    result = { objects: [], errors: [appError(app, `${appLabel(app)}: ${errorText(e)}`)] };
  }
  return finish(app, result, ctx.defaultNamespace ?? DEFAULT_NAMESPACE);
}

function appError(app: GitOpsApp, message: string): InputError {
  return { kind: 'render', message, source: { ...app.declared, renderedBy: app.id } };
}

/**
 * Every object remembers the CR; what points at generated files points at the CR instead. Namespaced objects that
 * name no namespace land where the app applies them (its destination or release namespace, else the cluster's
 * default), except under a Flux Kustomization without a targetNamespace: kustomize-controller names none, its
 * server-side apply fails ("namespace not specified") and nothing of it is applied: an error at the object, which
 * is not reviewed (it never reaches admission).
 */
function finish(app: GitOpsApp, result: RenderResult, clusterNamespace: string): RenderResult {
  const via = { app: app.id, ...app.declared };
  const label = appLabel(app);
  const isGenerated = (file: string): boolean => file.startsWith(`${GENERATED_DIR}/`) || file === GENERATED_DIR;
  const located = (o: RenderedObject): SourceLocation => (isGenerated(o.source.file) ? { ...app.declared } : { ...o.source });
  const fluxKustomization = app.tool === 'flux' && app.render.type === 'kustomize';
  const namespace = app.defaultNamespace ?? (fluxKustomization ? undefined : clusterNamespace);
  const homeless = new Set(namespace === undefined ? unplaced(result.objects) : []);
  if (namespace !== undefined) placeInNamespace(result.objects.map((o) => o.object), namespace);
  const objects = result.objects
    .filter((o) => !homeless.has(o))
    .map((o): RenderedObject => ({ ...o, source: { ...located(o), renderedBy: app.id, via }, root: app.id }));
  const errors = result.errors.map((e) => {
    const message = e.message.replace(/\.preadmit-apps\/\d+(\/[\w.-]+)?/g, label);
    const src = e.source === undefined || isGenerated(e.source.file) ? { ...app.declared } : e.source;
    return { ...e, message, source: { ...src, renderedBy: app.id } };
  });
  for (const o of homeless) {
    const at = located(o);
    const meta = obj(o.object.metadata);
    errors.push({
      kind: 'render',
      message: `${at.file}:${at.startLine}: ${String(o.object.kind)} ${String(meta.name ?? '')} names no namespace and ${label} sets no spec.targetNamespace: Flux fails to apply this Kustomization ("namespace not specified"); set metadata.namespace, the kustomization's namespace or spec.targetNamespace`,
      source: { ...at, renderedBy: app.id },
    });
  }
  return { objects, errors };
}

async function writeGenerated(ctx: RenderContext, rel: string, body: string): Promise<void> {
  const full = path.join(ctx.workDir, rel);
  await mkdir(path.dirname(full), { recursive: true });
  await atomicWrite(full, body);
}

/**
 * As Flux's generator and Argo CD's `kustomize edit` do it: the CR's options go into the path's own kustomization (or
 * the one Flux generates for a path without any): namespace, name prefix and suffix set, patches and components
 * appended (so the kustomization's own patches run after the components, as kustomize orders them), images merged by
 * name, Argo CD's commonLabels/commonAnnotations merged. Written into a private copy of the path's directory at the same
 * depth (relative references resolve the same; roots sharing the directory see the original), never the repository.
 * Flux's commonMetadata is set on each object's metadata after the build, as kustomize-controller does.
 */
async function renderKustomizeApp(planned: PlannedRoot, app: GitOpsApp, r: KustomizeAppRender, ctx: RenderContext): Promise<RenderResult> {
  const own = ctx.kustomizations.get(r.path);
  // The path as it is: the app's own root, which the kustomize batch builds with the other roots of the render.
  const asIs = own !== undefined && buildsPathAsIs(app) && planned.root.kind === 'kustomize' && planned.root.path === r.path;
  const asRoot = (p: string): PlannedRoot => ({ ...planned, root: { ...planned.root, kind: 'kustomize', path: p } });
  let kustomization: JsonObject;
  if (own === undefined) {
    // Flux generates a kustomization over the path: every manifest below it, a directory holding a kustomization as one resource.
    const resources = await fluxResources(r.path, ctx);
    if (resources.length === 0) return { objects: [], errors: [appError(app, `${appLabel(app)}: ${r.path || '.'} holds no Kubernetes manifests`)] };
    kustomization = { resources: resources.map((f) => path.posix.relative(r.path || '.', f)) };
  } else {
    kustomization = obj(parseYaml((await ctx.readText(own.file)) ?? '', { maxAliasCount: 100 }) as JsonValue);
  }
  const merged = mergeAppOptions(kustomization, app.tool, r);
  let result: RenderResult;
  if (asIs) {
    result = await renderKustomize(planned, ctx);
  } else if (merged === kustomization && own !== undefined) {
    result = await renderKustomize(asRoot(r.path), ctx);
  } else {
    // Charts the path inflates are placed before the copy is made (kustomize/render.ts), so the copy has them too.
    const placed = await placeInflatedCharts(asRoot(r.path), ctx);
    if (placed.errors.length > 0) return { objects: [], errors: placed.errors };
    const dir = await copyOfDirectory(ctx, r.path);
    for (const c of r.components ?? []) (merged.components as JsonValue[]).push(path.posix.relative(dir, c || '.'));
    for (const name of KUSTOMIZATION_FILE_NAMES) await rm(path.join(ctx.workDir, dir, name), { force: true });
    await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify(merged));
    result = await renderKustomize(asRoot(dir), ctx, { dir, repoDir: r.path, file: own?.file ?? GENERATED_DIR });
  }
  if (app.tool === 'flux' && (r.labels !== undefined || r.annotations !== undefined)) {
    for (const o of result.objects) {
      const meta = obj(o.object.metadata);
      o.object.metadata = {
        ...meta,
        ...(r.labels !== undefined ? { labels: { ...obj(meta.labels), ...r.labels } } : {}),
        ...(r.annotations !== undefined ? { annotations: { ...obj(meta.annotations), ...r.annotations } } : {}),
      };
    }
  }
  if (r.substitute === undefined) return result;
  return substituteAll(app, r.substitute, result);
}

/**
 * The kustomization with the app's options merged in, as Flux's generator (fluxcd/pkg kustomize) and Argo CD's
 * `kustomize edit set/add` write them; the same object when there is nothing to merge. `components` is left a list
 * for the caller, which knows where the kustomization is written.
 */
function mergeAppOptions(k: JsonObject, tool: GitOpsApp['tool'], r: KustomizeAppRender): JsonObject {
  if (kustomizeOptions(tool, r).every((o) => o === undefined)) return k;
  const annotations = tool === 'argocd' ? r.annotations : undefined;
  const out: JsonObject = { ...k };
  if (r.namespace !== undefined) out.namespace = r.namespace;
  if (r.namePrefix !== undefined) out.namePrefix = r.namePrefix;
  if (r.nameSuffix !== undefined) out.nameSuffix = r.nameSuffix;
  if (r.patches !== undefined) out.patches = [...arr(k.patches), ...r.patches];
  out.components = [...arr(k.components)];
  if (r.images !== undefined) {
    const images = arr(k.images).map((i) => ({ ...obj(i) }));
    for (const image of r.images.map(obj)) {
      const existing = images.find((i) => i.name === image.name);
      if (existing === undefined) {
        images.push(image);
        continue;
      }
      // Flux: newName replaces; newTag and digest select the version together (setting one clears the other).
      if (typeof image.newName === 'string' && image.newName !== '') existing.newName = image.newName;
      if ((typeof image.newTag === 'string' && image.newTag !== '') || (typeof image.digest === 'string' && image.digest !== '')) {
        delete existing.newTag;
        delete existing.digest;
        if (image.newTag !== undefined) existing.newTag = image.newTag;
        if (image.digest !== undefined) existing.digest = image.digest;
      }
    }
    out.images = images;
  }
  if (r.commonLabels !== undefined) out.commonLabels = { ...obj(k.commonLabels), ...r.commonLabels };
  if (annotations !== undefined) out.commonAnnotations = { ...obj(k.commonAnnotations), ...annotations };
  return out;
}

/**
 * A private copy of a materialized directory at the same depth (`<parent>/.preadmit-app-N`), so that its relative
 * references (`../base`) resolve as from the original; the repository root is copied below GENERATED_DIR (nothing
 * refers above it).
 */
async function copyOfDirectory(ctx: RenderContext, dir: string): Promise<string> {
  const n = ++generated;
  if (dir === '') {
    const copy = `${GENERATED_DIR}/${n}/tree`;
    await mkdir(path.join(ctx.workDir, copy), { recursive: true });
    for (const entry of await readdir(ctx.workDir)) {
      if (entry === GENERATED_DIR || entry.startsWith('.preadmit-')) continue;
      await cp(path.join(ctx.workDir, entry), path.join(ctx.workDir, copy, entry), { recursive: true, verbatimSymlinks: true });
    }
    return copy;
  }
  const copy = `${dirOf(dir) === '' ? '' : `${dirOf(dir)}/`}.preadmit-app-${n}`;
  const from = path.join(ctx.workDir, dir);
  if (existsSync(from)) await cp(from, path.join(ctx.workDir, copy), { recursive: true, verbatimSymlinks: true, filter: (src) => !path.basename(src).startsWith('.preadmit-app-') });
  else await mkdir(path.join(ctx.workDir, copy), { recursive: true });
  return copy;
}

/**
 * The resources of Flux's generated kustomization: below `dir`, a directory holding a kustomization is one
 * resource (not descended into); other manifest files holding Kubernetes objects are resources.
 */
async function fluxResources(dir: string, ctx: RenderContext): Promise<string[]> {
  const out: string[] = [];
  const kustomized = [...ctx.kustomizations.keys()].filter((d) => d !== dir && isUnder(d, dir));
  const outermost = kustomized.filter((d) => !kustomized.some((o) => o !== d && isUnder(d, o)));
  out.push(...outermost);
  for (const f of [...ctx.tree.files].sort()) {
    if (!isUnder(f, dir) || !isManifestFile(f) || isKustomizationFile(f) || outermost.some((d) => isUnder(f, d))) continue;
    const body = await ctx.readText(f);
    const found = body === undefined ? false : holdsKubernetesObjects(body, f);
    if (found !== false) out.push(f);
  }
  return out;
}

/** Flux's post-build substitution on each object's YAML, skipping objects that disable it. */
function substituteAll(app: GitOpsApp, vars: Record<string, string>, result: RenderResult): RenderResult {
  const errors = [...result.errors];
  const objects: RenderedObject[] = [];
  for (const o of result.objects) {
    if (substitutionDisabled(o.object)) {
      objects.push(o);
      continue;
    }
    const text = stringify(o.object, { lineWidth: 0 });
    if (!text.includes('${')) {
      objects.push(o);
      continue;
    }
    try {
      const loaded = loadManifests(envsubst(text, vars), `${o.source.file} after substitution`, { yamlVersion: '1.1' });
      if (loaded.errors.length > 0 || loaded.objects.length !== 1) throw new SubstitutionError(loaded.errors[0]?.message ?? 'not one object after substitution');
      objects.push({ ...o, object: loaded.objects[0]!.object });
    } catch (e) {
      errors.push({ kind: 'render', message: `${o.source.file}:${o.source.startLine}: post-build substitution of ${appLabel(app)}: ${errorText(e)}`, source: o.source });
    }
  }
  return { objects, errors };
}

async function renderHelmApp(planned: PlannedRoot, app: GitOpsApp, r: HelmAppRender, ctx: RenderContext): Promise<RenderResult> {
  let valuesFiles = [...r.valuesFiles];
  let chart = r.chart;
  if (r.remote !== undefined) {
    const fetched = await fetchRemoteChart(app, r.remote, ctx);
    if ('error' in fetched) return { objects: [], errors: [fetched.error] };
    chart = fetched.chart;
    valuesFiles = fetched.valuesFiles;
  }
  if (r.values !== undefined) {
    const file = `${GENERATED_DIR}/${++generated}/values.yaml`;
    await writeGenerated(ctx, file, JSON.stringify(r.values));
    valuesFiles.push(file);
  }
  const root = { ...planned.root, kind: 'helm' as const, path: chart, release: r.release, namespace: r.namespace, valuesFiles };
  const result = await renderHelm({ ...planned, root }, ctx);
  if (r.postRender === undefined || result.objects.length === 0) return result;
  return postRender(planned, app, r.postRender, result, ctx);
}

/**
 * A remote chart, fetched here (the trusted process, from an allowed repository, through the digest cache) and
 * copied into the materialized tree the jail sees: helm only ever reads local files. Its values files are the chart's own.
 */
async function fetchRemoteChart(app: GitOpsApp, remote: NonNullable<HelmAppRender['remote']>, ctx: RenderContext): Promise<{ chart: string; valuesFiles: string[] } | { error: InputError }> {
  const at = remote.declaredAt;
  const refuse = (why: string): { error: InputError } => ({ error: { kind: 'render', message: `${at.file}:${at.startLine}: ${appLabel(app)}: chart ${remote.chart} ${remote.version} from ${remote.repoUrl}: ${why}`, source: { ...at } } });
  if (ctx.charts === undefined) return refuse(`remote chart repository not allowed: ${remote.repoUrl}`);
  const got = await resolveRemoteChart(
    { repoUrl: remote.repoUrl, chart: remote.chart, version: remote.version, ...(remote.digest !== undefined ? { digest: remote.digest } : {}), declaredAt: at },
    { allow: ctx.charts.allow, cacheDir: ctx.charts.cacheDir, ...(ctx.charts.signal !== undefined ? { signal: ctx.charts.signal } : {}) },
  );
  if (!got.ok) return refuse(got.reason);
  const chart = `${GENERATED_DIR}/${++generated}/${remote.chart}`;
  await cp(got.dir, path.join(ctx.workDir, chart), { recursive: true, errorOnExist: false, verbatimSymlinks: true });
  const valuesFiles: string[] = [];
  // In the order the CR lists them: the chart's own files and this repository's (`$ref/` sources).
  for (const f of remote.valuesFiles) {
    if (!f.inChart) {
      valuesFiles.push(f.file);
      continue;
    }
    const file = `${chart}/${f.file}`;
    if (!existsSync(path.join(ctx.workDir, file))) {
      if (f.optional === true) continue;
      return refuse(`values file '${f.file}' is not in chart ${remote.chart} ${got.version}`);
    }
    valuesFiles.push(file);
  }
  return { chart, valuesFiles };
}

/** Flux postRenderers: the chart's output through a kustomization with the patches and images; objects keep their template's source. */
async function postRender(planned: PlannedRoot, app: GitOpsApp, post: NonNullable<HelmAppRender['postRender']>, rendered: RenderResult, ctx: RenderContext): Promise<RenderResult> {
  const dir = `${GENERATED_DIR}/${++generated}`;
  await writeGenerated(ctx, `${dir}/rendered.yaml`, rendered.objects.map((o) => JSON.stringify(o.object)).join('\n---\n'));
  await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify({ resources: ['rendered.yaml'], patches: post.patches, images: post.images }));
  const result = await renderKustomize({ ...planned, root: { ...planned.root, kind: 'kustomize', path: dir } }, ctx);
  const key = (o: JsonObject): string => `${String(o.kind)}/${String(obj(o.metadata).name)}`;
  const sources = new Map(rendered.objects.map((o) => [key(o.object), o.source]));
  return {
    objects: result.objects.map((o) => ({ ...o, source: sources.get(key(o.object)) ?? o.source })),
    errors: [...rendered.errors, ...result.errors],
  };
}

/** An Argo CD directory app: the manifests of the path (below it with `recurse`), include/exclude globs applied; no tool. */
async function renderDirectoryApp(_planned: PlannedRoot, app: GitOpsApp, r: DirectoryAppRender, ctx: RenderContext): Promise<RenderResult> {
  const objects: RenderedObject[] = [];
  const errors: InputError[] = [];
  for (const f of directoryFiles(r, ctx.tree.files)) {
    const body = await ctx.readText(f);
    if (body === undefined) continue;
    const loaded = loadManifests(body, f, { yamlVersion: '1.1' });
    errors.push(...loaded.errors);
    for (const o of loaded.objects) if (typeof o.object.kind === 'string' && typeof o.object.apiVersion === 'string') objects.push({ ...o, root: app.id });
  }
  return { objects, errors };
}

/** The files an Argo CD directory app applies. */
export function directoryFiles(r: Pick<DirectoryAppRender, 'path' | 'recurse' | 'include' | 'exclude'>, files: Iterable<string>): string[] {
  const globs = (s: string | undefined): RegExp[] =>
    s === undefined || s === '' ? [] : (s.startsWith('{') && s.endsWith('}') ? s.slice(1, -1).split(',') : [s]).map((g) => globToRegExp(g.trim()));
  const include = globs(r.include);
  const exclude = globs(r.exclude);
  const out: string[] = [];
  for (const f of files) {
    if (!isUnder(f, r.path) || f === r.path || !/\.(ya?ml|json)$/i.test(f)) continue;
    if (!r.recurse && dirOf(f) !== r.path) continue;
    const rel = r.path === '' ? f : f.slice(r.path.length + 1);
    const name = path.posix.basename(f);
    const matches = (g: RegExp[]): boolean => g.some((re) => re.test(rel) || re.test(name));
    if (include.length > 0 && !matches(include)) continue;
    if (matches(exclude)) continue;
    out.push(f);
  }
  return out.sort();
}
