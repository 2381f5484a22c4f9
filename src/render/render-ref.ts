// The rendering pipeline for one ref: plan the roots, keep those a change touches, materialize what the
// tools read, render each root in the sandbox, and return objects with sources plus errors.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { capObjectsPerRef, errorText } from '../gatekeeper/load.ts';
import type { InputError } from '../gatekeeper/types.ts';
import { throwIfAborted } from '../util/abort.ts';
import { countCacheLookup } from '../util/cache-stats.ts';
import { atomicWrite, defaultCacheDir } from '../util/files.ts';
import { bundleBuildId } from '../util/build-id.ts';
import { findRenderTool, type RenderTool } from './tools.ts';
import { REPO_ROOT } from '../opa/tools.ts';
import type { ChangedFile, RepoSource } from '../source/types.ts';
import { changedPaths, isAffected } from './affected.ts';
import { budgetSpent, isBudgetFailure, type RenderContext } from './context.ts';
import { chartAllowList } from './helm/remote.ts';
import { batchProgram } from './kustomize/batch.ts';
import { renderApp } from './gitops/render.ts';
import { deployApps, type DeployOutput } from './gitops/deploy.ts';
import { MARKERS, mapObject } from './gitops/discover.ts';
import { isManifestFile } from '../gatekeeper/read.ts';
import { isKustomizationFile } from './kustomize/kustomization.ts';
import { isUnder } from './paths.ts';
import type { GitOpsApp, UnsimulatedApp } from './gitops/model.ts';
import { isSecretLike, redactSecrets, secretValues } from './mask.ts';
import { DEFAULT_NAMESPACE, placeInNamespace } from './namespaces.ts';
import { claims, deployedFiles, planFoundApp, planRepo, rootId, type PlannedRoot, type RepoPlan } from './plan.ts';
import { rendererOf } from './registry.ts';
import { jailSupport } from './sandbox.ts';
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_MEMORY_BYTES,
  DEFAULT_TIMEOUT_MS,
  renderBudget,
  type RenderedObject,
  type RenderOptions,
  type RenderResult,
  type RenderRoot,
} from './types.ts';

export interface RefRenderResult extends RenderResult {
  /** The roots rendered (or refused): all of them, or those `changed` touches. */
  roots: RenderRoot[];
  /**
   * Why roots were left unrendered for reasons of this machine rather than of the repository (the jail
   * cannot be made, the render budget was spent): a check fails closed on these whatever its config says.
   */
  failClosed: string[];
  /** Whether kustomize and helm ran in the jail (false only for an explicit 'unsafe-none' outside production). */
  jailed: boolean;
  /** GitOps apps found at this ref (all of them, whatever `changed` selects), and those not simulated with the reason. */
  apps: GitOpsApp[];
  unsimulated: UnsimulatedApp[];
}

/** Whether these options render in the jail: always in production, else unless 'unsafe-none' is asked for. */
export function rendersJailed(options: Pick<RenderOptions, 'sandbox'>): boolean {
  return options.sandbox !== 'unsafe-none' || process.env.NODE_ENV === 'production';
}

/**
 * Renders the repository at `ref`. With `changed`, only the roots those changes touch; without, every
 * root. Rejects only when `ref` names no commit or the repository cannot be listed, or with `AbortError` when the
 * budget's signal aborts (its tools killed); everything else (a broken root, a refused reference, a failed tool)
 * is an error in the result.
 */
export async function renderRef(
  source: RepoSource,
  ref: string,
  options: RenderOptions & { changed?: ChangedFile[] } = {},
): Promise<RefRenderResult> {
  const budget = options.budget ?? renderBudget(options.budgetMs);
  throwIfAborted(budget.signal);
  const jailed = rendersJailed(options);
  const failClosed: string[] = [];
  const sha = await source.resolve(ref);
  const files = await source.listFiles(sha);
  const cache = new Map<string, Promise<string | undefined>>();
  let materialized = new Set<string>();
  let workDir = '';
  const readText = (file: string): Promise<string | undefined> => {
    let text = cache.get(file);
    if (text === undefined) {
      text = materialized.has(file)
        ? readFile(path.join(workDir, file), 'utf8')
        : source.readFile(sha, file).then((b) => b?.toString('utf8'));
      cache.set(file, text);
    }
    return text;
  };

  const plan = await planRepo(readText, files, options);
  const paths = options.changed !== undefined ? changedPaths(options.changed) : undefined;
  const isSelected = (p: PlannedRoot): boolean => paths === undefined || isAffected(p, paths);
  // GitOps apps are rendered parents first (gitops/deploy.ts): which of them are rendered is decided there.
  const appRoots = plan.roots.filter((p) => p.root.app !== undefined);
  const selected = plan.roots.filter((p) => p.root.app === undefined && isSelected(p));
  const errors: InputError[] = [...plan.errors];
  for (const p of selected) errors.push(...p.problems.map((e) => withRoot(e, p)));
  let runnable = selected.filter((p) => p.problems.length === 0);
  let apps = appRoots;
  // No tool runs outside the jail unless asked for explicitly: without one, tool roots are not rendered.
  const support = jailed && (runnable.some(runsTool) || apps.length > 0) ? await jailSupport() : undefined;
  if (support !== undefined && !support.ok) {
    failClosed.push(`kustomize and helm roots not rendered: ${support.reason}`);
    for (const p of [...runnable.filter(runsTool), ...apps.filter(isSelected)]) {
      errors.push(notRendered(p, `not rendered: the renderer jail cannot be made (${support.reason}); preadmit never runs kustomize or helm on repository content outside it`));
    }
    runnable = runnable.filter((p) => !runsTool(p));
    apps = [];
  }

  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'preadmit-render-'));
  workDir = path.join(scratchDir, 'repo');
  await mkdir(workDir, { recursive: true });
  const objects: RenderedObject[] = [];
  const roots: RenderRoot[] = selected.map((p) => p.root);
  let deployed: DeployOutput | undefined;
  let budgetNoted = false;
  const charts = {
    allow: chartAllowList(undefined, options.charts?.repositories).allow,
    cacheDir: options.charts?.cacheDir ?? defaultCacheDir(),
    ...(budget.signal !== undefined ? { signal: budget.signal } : {}),
  };
  // What a render depends on besides its files: the cluster's versions for helm, the repositories charts may come from.
  const defaultNamespace = options.defaultNamespace ?? DEFAULT_NAMESPACE;
  const settings = JSON.stringify([options.kubeVersion ?? '', options.apiVersions ?? [], charts.allow.entries, defaultNamespace]);

  /**
   * Renders these roots: roots whose inputs are byte-identical to a render already done (the other ref of the same
   * check, an earlier check of the same repository, an app's parent rendered for its CRs) reuse its result; the others
   * are rendered in the sandbox, their files materialized first. Results in the same order.
   */
  const renderBatch = async (batch: PlannedRoot[]): Promise<RenderResult[]> => {
    const keys = await Promise.all(batch.map((p) => renderKey(p, readText, jailed, settings)));
    const onDisk = await Promise.all(batch.map((_, i) => (renderCache.has(keys[i]!) ? undefined : readCachedRender(keys[i]!))));
    const pending: PlannedRoot[] = [];
    const out: Promise<RenderResult>[] = batch.map((p, i) => {
      const key = keys[i]!;
      const disk = onDisk[i];
      if (disk) renderCache.set(key, Promise.resolve(disk));
      const hit = renderCache.get(key);
      countCacheLookup('render', hit !== undefined);
      if (hit) return hit;
      pending.push(p);
      return Promise.resolve({ objects: [], errors: [] });
    });
    const needed = [...new Set(pending.filter((p) => runsTool(p) || p.root.app !== undefined).flatMap((p) => p.materialize))].filter((f) => !materialized.has(f));
    if (needed.length > 0) {
      await source.materialize(sha, needed, workDir);
      materialized = new Set([...materialized, ...needed]);
    }
    // Warm the cache in one go, so that a git source reads all plain files in one batch.
    await Promise.all(pending.filter((p) => !runsTool(p) && p.root.app === undefined).map((p) => readText(p.root.path)));
    const ctx: RenderContext = {
      readText,
      tree: plan.tree,
      kustomizations: plan.kustomizations,
      workDir,
      scratchDir,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      memoryBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
      budget,
      jailed,
      isolateNetwork: options.isolateNetwork ?? true,
      roots: pending,
      concurrency: options.concurrency ?? os.availableParallelism(),
      charts,
      ...(options.kubeVersion !== undefined ? { kubeVersion: options.kubeVersion } : {}),
      ...(options.apiVersions !== undefined ? { apiVersions: options.apiVersions } : {}),
      defaultNamespace,
    };
    const keyOf = new Map(batch.map((p, i) => [p, keys[i]!]));
    const fresh = await inPool(pending, ctx.concurrency!, async (p) => {
      throwIfAborted(budget.signal);
      // A root not started before the budget is spent is not rendered; plain roots cost no tool run.
      if (runsTool(p) && Date.now() >= budget.deadline) {
        if (!budgetNoted) failClosed.push(budgetSpent(budget));
        budgetNoted = true;
        return { objects: [], errors: [notRendered(p, budgetSpent(budget))] };
      }
      const work = (async (): Promise<RenderResult> => {
        let r: RenderResult;
        try {
          r = await (p.root.app !== undefined ? renderApp : rendererOf(p.root.kind).render)(p, ctx);
          // Plain and kustomize roots are applied as kubectl applies them: in the cluster's default namespace (helm
          // releases and apps place their objects themselves).
          if (p.root.app === undefined) placeInNamespace(r.objects.map((o) => o.object), defaultNamespace);
        } catch (e) {
          r = { objects: [], errors: [notRendered(p, errorText(e))] };
        }
        // Stopped by this check's cancellation: not a result for another check that shares the render (below).
        if (budget.signal?.aborted) cancelledRenders.add(r);
        return r;
      })();
      // Nothing rendered outside the jail is kept: a jailed run must never be served an unjailed render.
      if (jailed) remember(keyOf.get(p)!, work);
      return work;
    });
    // A cancelled check: the roots its tools were stopped on are not results (nor kept in the render cache).
    throwIfAborted(budget.signal);
    const freshOf = new Map(pending.map((p, i) => [p, fresh[i]!]));
    const results = await Promise.all(out.map((r, i) => freshOf.get(batch[i]!) ?? r));
    // A render this check shared with another one that was cancelled meanwhile (a superseded job rendering the same
    // roots) was stopped, not made: rendered again here (the cancelled one left the cache when it ended).
    throwIfAborted(budget.signal);
    const again = batch.filter((_, i) => cancelledRenders.has(results[i]!));
    if (again.length === 0) return results;
    const redone = new Map((await renderBatch(again)).map((r, i) => [again[i]!, r]));
    return results.map((r, i) => redone.get(batch[i]!) ?? r);
  };

  try {
    const scan = plan.scan;
    const templates = templatingApps(readText);
    const needed = appsWorthDeriving(apps, plan.appParents, isSelected, templates);
    const deploys = new WeakMap<PlannedRoot, Set<string>>();
    const [plainResults, appsOut] = await Promise.all([
      renderBatch(runnable),
      apps.length === 0 || scan === undefined
        ? undefined
        : deployApps({
            roots: apps,
            parents: plan.appParents,
            selected: isSelected,
            transforms: (p) => paths === undefined || paths.includes(p.root.app!.declared.file) || paths.some((x) => !isResourceOf(p, x) && isAffected(p, [x])),
            render: renderBatch,
            plan: (app) => planFoundApp(plan, app, readText),
            map: (parent, deployedObjects, cr) => mapObject({ ...scan, manifestFiles: [...new Set([...deployedFiles(parent), ...scan.manifestFiles])], objects: deployedObjects }, cr),
            mayDeploy: needed,
            templates,
            deploysFile: (p, file) => {
              let files = deploys.get(p);
              if (files === undefined) deploys.set(p, (files = new Set(deployedFiles(p))));
              return files.has(file);
            },
          }),
    ]);
    deployed = appsOut;
    // An app found only in a parent's output (a chart's template) deploys its path: a root discovered there is not
    // reviewed a second time on its own, as planning leaves out the roots of the apps it finds.
    const found = (deployed?.apps ?? []).filter((a) => !plan.apps.some((p) => p.id === a.id));
    const claimed = new Set(runnable.filter((p) => found.some((a) => claims(a, p.root))).map((p) => rootId(p.root)));
    const results = [...plainResults.filter((_, i) => !claimed.has(rootId(runnable[i]!.root))), ...(deployed?.results ?? [])];
    if (claimed.size > 0) roots.splice(0, roots.length, ...roots.filter((r) => !claimed.has(rootId(r))));
    if (deployed !== undefined) {
      roots.push(...deployed.roots.map((p) => p.root));
      errors.push(...deployed.errors);
    } else {
      // Without the jail (or GitOps discovery), the selected apps are accounted for above as not rendered.
      roots.push(...appRoots.filter(isSelected).map((p) => p.root));
    }
    // A tool stopped by the budget leaves its root unrendered too.
    if (!budgetNoted && Date.now() >= budget.deadline && results.some((r) => r.errors.some((e) => isBudgetFailure(e.message)))) {
      failClosed.push(budgetSpent(budget));
    }
    for (const r of results) {
      objects.push(...r.objects);
      errors.push(...r.errors);
    }
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
  const gitops = deployedApps(plan, deployed);

  // A tool may quote a value it could not place; no secret value leaves in a message.
  const secrets = secretValues(objects.map((o) => o.object));
  const redacted = secrets.size === 0 ? errors : errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) }));
  const kept = gitops.superseded.length === 0 ? redacted : redacted.filter((e) => !gitops.superseded.some((d) => e.source?.renderedBy === undefined && e.source?.file === d.file && e.source.startLine >= d.startLine && e.source.startLine <= d.endLine));
  return { objects: capObjectsPerRef(sortObjects(objects), kept), errors: kept, roots, failClosed, jailed, apps: gitops.apps, unsimulated: gitops.unsimulated };
}

/**
 * Whether an app's output may hold CRs that no file of the repository spells: a helm app whose chart spells a GitOps
 * API group, or whose chart is remote (known only once fetched: it is rendered to find out, through the render cache).
 */
function templatingApps(readText: (file: string) => Promise<string | undefined>): (p: PlannedRoot) => Promise<boolean> {
  const templating = new Map<string, Promise<boolean>>();
  return (p) => {
    const app = p.root.app!;
    if (app.render.type !== 'helm') return Promise.resolve(false);
    if (app.render.remote !== undefined) return Promise.resolve(true);
    let t = templating.get(app.id);
    if (t === undefined) {
      t = Promise.all(p.materialize.map(readText)).then((texts) => texts.some((x) => x !== undefined && MARKERS.some((m) => x.includes(m))));
      templating.set(app.id, t);
    }
    return t;
  };
}

/**
 * Whether an app no change selects is still rendered, for the CRs it deploys alone: when an app its files deploy (at
 * any depth) is selected, or templates its CRs (`templatingApps`: its apps are known only once rendered). Else its CRs are what their files say up to the selected apps, and it is not rendered.
 */
function appsWorthDeriving(
  roots: PlannedRoot[],
  parents: Map<string, string[]>,
  isSelected: (p: PlannedRoot) => boolean,
  templates: (p: PlannedRoot) => Promise<boolean>,
): (p: PlannedRoot) => Promise<boolean> {
  const children = new Map<string, string[]>();
  for (const [child, of] of parents) for (const parent of of) if (parent !== child) children.set(parent, [...(children.get(parent) ?? []), child]);
  const byId = new Map(roots.map((p) => [p.root.app!.id, p]));
  return async (p) => {
    if (await templates(p)) return true;
    const seen = new Set<string>([p.root.app!.id]);
    const queue = [...(children.get(p.root.app!.id) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const d = byId.get(id);
      if (d !== undefined && (isSelected(d) || (await templates(d)))) return true;
      queue.push(...(children.get(id) ?? []));
    }
    return false;
  };
}

/**
 * Whether a changed path is one of the files whose objects an app deploys (a change to it changes those objects only,
 * and the CRs among them select themselves), the same at both refs: a resource of its kustomization, or any manifest
 * directly deployed below the path of a directory app or of a Flux path without a kustomization, even where the file
 * is added or deleted.
 */
function isResourceOf(p: PlannedRoot, file: string): boolean {
  if (deployedFiles(p).includes(file)) return true;
  const r = p.root.app!.render;
  const generated = r.type === 'directory' || (r.type === 'kustomize' && r.generate !== undefined);
  return generated && isUnder(file, r.path) && isManifestFile(file) && !isKustomizationFile(file) && !p.deps.has(file);
}

/**
 * The apps of the ref: those a parent's output deploys in place of the ones mapped from the same CRs' files, and
 * what is not simulated (entries of superseded files' CRs replaced by those of the deployed CRs).
 */
function deployedApps(plan: RepoPlan, deployed: DeployOutput | undefined): { apps: GitOpsApp[]; unsimulated: UnsimulatedApp[]; superseded: DeployOutput['superseded'][number]['declared'][] } {
  if (deployed === undefined) return { apps: plan.apps, unsimulated: plan.unsimulated, superseded: [] };
  const same = (a: { tool: string; kind: string; name: string; declared: { file: string } }, b: typeof a): boolean =>
    a.tool === b.tool && a.kind === b.kind && a.name === b.name && a.declared.file === b.declared.file;
  const replaced = [...deployed.superseded, ...deployed.unsimulated];
  const unsimulated = [...plan.unsimulated.filter((u) => !replaced.some((d) => same(u, d))), ...deployed.unsimulated];
  // Apps not rendered (a parent's failure, the budget): still listed as found.
  const apps = [...deployed.apps, ...plan.apps.filter((a) => !deployed.apps.some((d) => d.id === a.id) && !deployed.superseded.some((d) => same(a, d)))];
  return { apps, unsimulated, superseded: deployed.superseded.map((d) => d.declared) };
}

function notRendered(p: PlannedRoot, why: string): InputError {
  const at = { file: p.root.path || '.', startLine: 1, endLine: 1, renderedBy: rootId(p.root) };
  return { kind: 'render', message: `${p.root.path || '.'}: ${why}`, source: at };
}

/** Results of renders a cancellation stopped (their tools killed): never served to another check. */
const cancelledRenders = new WeakSet<RenderResult>();

/** Render results by the hash of everything a root's render reads; bounded, oldest dropped first. */
const renderCache = new Map<string, Promise<RenderResult>>();
const MAX_CACHED_RENDERS = 5_000;

function remember(key: string, result: Promise<RenderResult>): void {
  renderCache.set(key, result);
  // Only clean renders are kept: a failure may be a time limit hit on a busy machine.
  void result.then((r) => {
    if (r.errors.length > 0 || cancelledRenders.has(r)) renderCache.delete(key);
    else void writeCachedRender(key, r);
  });
  if (renderCache.size > MAX_CACHED_RENDERS) renderCache.delete(renderCache.keys().next().value!);
}

/**
 * Renders also persist in the cache directory (`renders/`), so that a later process (the CLI run again on
 * the same repository) reuses them. A render that holds a Secret is never written to disk.
 */
// Bump with any change to how a render is made or read (the loader, the renderers, the source lines):
// renders cached on disk by older code must not be reused.
// 3: renders are made in the jail; renders cached by earlier code were not, and are never reused.
const RENDER_CACHE_FORMAT = 'preadmit-render-3';

function renderCachePath(key: string): string {
  return path.join(defaultCacheDir(), 'renders', key.slice(0, 2), `${key}.json`);
}

async function readCachedRender(key: string): Promise<RenderResult | undefined> {
  try {
    const parsed = JSON.parse(await readFile(renderCachePath(key), 'utf8')) as { format?: string; objects?: RenderedObject[] };
    if (parsed.format !== RENDER_CACHE_FORMAT || !Array.isArray(parsed.objects)) return undefined;
    return { objects: parsed.objects, errors: [] };
  } catch {
    return undefined;
  }
}

async function writeCachedRender(key: string, r: RenderResult): Promise<void> {
  if (r.objects.some((o) => isSecretLike(o.object))) return;
  try {
    await atomicWrite(renderCachePath(key), JSON.stringify({ format: RENDER_CACHE_FORMAT, objects: r.objects }));
  } catch {
    // A cache that cannot be written is only slower.
  }
}

/** The renderer's identity, whether it is jailed, the render's settings (cluster versions, allowed chart repositories), the root, its options, and the name and content of every file it reads. */
async function renderKey(p: PlannedRoot, readText: (file: string) => Promise<string | undefined>, jailed: boolean, settings: string): Promise<string> {
  const files = [...new Set([...p.materialize, ...p.deps])].sort();
  const texts = await Promise.all(files.map(readText));
  const h = createHash('sha256').update(RENDER_CACHE_FORMAT).update(jailed ? 'jailed' : 'UNJAILED').update(settings).update(await codeFingerprint()).update(await toolsFingerprint(p)).update(JSON.stringify(p.root));
  files.forEach((f, i) => h.update(`\u0000${f}\u0000${texts[i] === undefined ? '\u0001absent' : texts[i]}`));
  return h.digest('hex');
}

let code: Promise<string> | undefined;

/**
 * preadmit's own rendering code (the renderers and the loader): a render cached by other code is not
 * reused, even if nobody remembered to bump RENDER_CACHE_FORMAT.
 */
function codeFingerprint(): Promise<string> {
  // A bundle carries the hash of the sources it was built from (scripts/build.mjs): nothing to read.
  const build = bundleBuildId();
  if (build !== undefined) return Promise.resolve(`build:${build}`);
  code ??= (async () => {
    const h = createHash('sha256');
    const files: string[] = [path.join(REPO_ROOT, 'src', 'gatekeeper', 'load.ts')];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name.endsWith('.ts')) files.push(full);
      }
    };
    try {
      await walk(path.join(REPO_ROOT, 'src', 'render'));
      for (const f of files) h.update(f.slice(REPO_ROOT.length)).update('\u0000').update(await readFile(f)).update('\u0000');
      return h.digest('hex');
    } catch {
      return 'no-sources';
    }
  })();
  return code;
}

/** Whether a root's renderer runs a tool (in the jail, within the budget, its files materialized), rather than reading in process. */
function runsTool(p: PlannedRoot): boolean {
  return rendererOf(p.root.kind).tools.length > 0;
}

/**
 * Every binary a root's render runs (its renderer's `tools`; api.ts), and a helm app with post-renderers runs kustomize
 * over the chart's output.
 */
function toolsFingerprint(p: PlannedRoot): Promise<string> {
  const r = p.root.app?.render;
  const tools: readonly RenderTool[] = p.root.kind === 'helm' && r?.type === 'helm' && r.postRender !== undefined ? ['helm', 'kustomize'] : rendererOf(p.root.kind).tools;
  return tools.length === 0 ? Promise.resolve('none') : Promise.all(tools.map(toolFingerprint)).then((f) => f.join('\u0000'));
}

const fingerprints = new Map<RenderTool, Promise<string>>();

/** Which binary this is (path, size, modification time): a new tool means new renders. */
function toolFingerprint(kind: RenderTool): Promise<string> {
  let f = fingerprints.get(kind);
  if (!f) {
    f = (async () => {
      const tool = findRenderTool(kind);
      if ('error' in tool) return `${kind}:missing`;
      try {
        const st = await stat(tool.path);
        // kustomize roots may be built by the batch program next to it (kustomize/batch.ts): it counts too.
        const batch = kind === 'kustomize' ? batchProgram(tool.path) : undefined;
        const bst = batch !== undefined ? await stat(batch) : undefined;
        return `${kind}:${tool.path}:${st.size}:${st.mtimeMs}${bst !== undefined ? `:${batch}:${bst.size}:${bst.mtimeMs}` : ''}`;
      } catch {
        return `${kind}:missing`;
      }
    })();
    fingerprints.set(kind, f);
  }
  return f;
}

function withRoot(e: InputError, p: PlannedRoot): InputError {
  const renderedBy = rootId(p.root);
  return { ...e, source: e.source ? { ...e.source, renderedBy } : { file: p.root.path || '.', startLine: 1, endLine: 1, renderedBy } };
}

async function inPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** Stable output: by root, then file, then line. */
function sortObjects(objects: RenderedObject[]): RenderedObject[] {
  return objects
    .map((o, i) => ({ o, i }))
    .sort(
      (a, b) =>
        a.o.root.localeCompare(b.o.root) ||
        a.o.source.file.localeCompare(b.o.source.file) ||
        a.o.source.startLine - b.o.source.startLine ||
        a.i - b.i,
    )
    .map(({ o }) => o);
}
