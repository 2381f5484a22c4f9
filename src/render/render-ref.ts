// The rendering pipeline for one ref: plan the roots, keep those a change touches, materialize what the
// tools read, render each root in the sandbox, and return objects with sources plus errors.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { capObjectsPerRef, errorText } from '../gatekeeper/load.ts';
import type { InputError } from '../gatekeeper/types.ts';
import { countCacheLookup } from '../util/cache-stats.ts';
import { atomicWrite, defaultCacheDir } from '../util/files.ts';
import { findRenderTool } from './tools.ts';
import { REPO_ROOT } from '../opa/tools.ts';
import type { ChangedFile, RepoSource } from '../source/types.ts';
import { affectedRoots } from './affected.ts';
import { budgetSpent, isBudgetFailure, type RenderContext, type Renderer } from './context.ts';
import { renderHelm } from './helm/render.ts';
import { chartAllowList } from './helm/remote.ts';
import { batchProgram } from './kustomize/batch.ts';
import { renderKustomize } from './kustomize/render.ts';
import { renderApp } from './gitops/render.ts';
import type { GitOpsApp, UnsimulatedApp } from './gitops/model.ts';
import { isSecretLike, redactSecrets, secretValues } from './mask.ts';
import { planRepo, rootId, type PlannedRoot } from './plan.ts';
import { renderPlain } from './plain/render.ts';
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
  type RootKind,
} from './types.ts';

const RENDERERS: Record<RootKind, Renderer> = {
  plain: renderPlain,
  kustomize: renderKustomize,
  helm: renderHelm,
};

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
 * root. Rejects only when `ref` names no commit or the repository cannot be listed; everything else
 * (a broken root, a refused reference, a failed tool) is an error in the result.
 */
export async function renderRef(
  source: RepoSource,
  ref: string,
  options: RenderOptions & { changed?: ChangedFile[] } = {},
): Promise<RefRenderResult> {
  const budget = options.budget ?? renderBudget(options.budgetMs);
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
  const selected = options.changed !== undefined ? affectedRoots(plan.roots, options.changed) : plan.roots;
  const errors: InputError[] = [...plan.errors];
  for (const p of selected) errors.push(...p.problems.map((e) => withRoot(e, p)));
  let runnable = selected.filter((p) => p.problems.length === 0);
  // No tool runs outside the jail unless asked for explicitly: without one, tool roots are not rendered.
  const support = jailed && runnable.some((p) => p.root.kind !== 'plain') ? await jailSupport() : undefined;
  if (support !== undefined && !support.ok) {
    failClosed.push(`kustomize and helm roots not rendered: ${support.reason}`);
    for (const p of runnable.filter((p) => p.root.kind !== 'plain')) {
      errors.push(notRendered(p, `not rendered: the renderer jail cannot be made (${support.reason}); preadmit never runs kustomize or helm on repository content outside it`));
    }
    runnable = runnable.filter((p) => p.root.kind === 'plain');
  }

  // Roots whose inputs are byte-identical to a render already done (the other ref of the same check, or
  // an earlier check of the same repository) reuse its result: same inputs, same tool, same output.
  const chartAllow = chartAllowList(undefined, options.charts?.repositories).allow;
  // What a render depends on besides its files: the cluster's versions for helm, the repositories charts may come from.
  const settings = JSON.stringify([options.kubeVersion ?? '', options.apiVersions ?? [], chartAllow.entries]);
  const keys = await Promise.all(runnable.map((p) => renderKey(p, readText, jailed, settings)));
  const pending: PlannedRoot[] = [];
  const cached: Promise<RenderResult>[] = [];
  const onDisk = await Promise.all(runnable.map((_, i) => (renderCache.has(keys[i]!) ? undefined : readCachedRender(keys[i]!))));
  runnable.forEach((p, i) => {
    const key = keys[i]!;
    const disk = onDisk[i];
    if (disk) renderCache.set(key, Promise.resolve(disk));
    const hit = renderCache.get(key);
    countCacheLookup('render', hit !== undefined);
    if (hit) cached.push(hit);
    else pending.push(p);
  });

  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'preadmit-render-'));
  const objects: RenderedObject[] = [];
  try {
    workDir = path.join(scratchDir, 'repo');
    const needed = new Set(pending.filter((p) => p.root.kind !== 'plain').flatMap((p) => p.materialize));
    await source.materialize(sha, [...needed], workDir);
    materialized = needed;
    // Warm the cache in one go, so that a git source reads all plain files in one batch.
    await Promise.all(pending.filter((p) => p.root.kind === 'plain').map((p) => readText(p.root.path)));

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
      charts: { allow: chartAllow, cacheDir: options.charts?.cacheDir ?? defaultCacheDir() },
      ...(options.kubeVersion !== undefined ? { kubeVersion: options.kubeVersion } : {}),
      ...(options.apiVersions !== undefined ? { apiVersions: options.apiVersions } : {}),
    };
    const keyOf = new Map(runnable.map((p, i) => [p, keys[i]!]));
    let budgetNoted = false;
    const fresh = inPool(pending, ctx.concurrency!, async (p) => {
      // A root not started before the budget is spent is not rendered; plain roots cost no tool run.
      if (p.root.kind !== 'plain' && Date.now() >= budget.deadline) {
        if (!budgetNoted) failClosed.push(budgetSpent(budget));
        budgetNoted = true;
        return { objects: [], errors: [notRendered(p, budgetSpent(budget))] };
      }
      const work = (async (): Promise<RenderResult> => {
        try {
          return await (p.root.app !== undefined ? renderApp : RENDERERS[p.root.kind])(p, ctx);
        } catch (e) {
          return { objects: [], errors: [notRendered(p, errorText(e))] };
        }
      })();
      // Nothing rendered outside the jail is kept: a jailed run must never be served an unjailed render.
      if (jailed) remember(keyOf.get(p)!, work);
      return work;
    });
    const results = [...(await Promise.all(cached)), ...(await fresh)];
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

  // A tool may quote a value it could not place; no secret value leaves in a message.
  const secrets = secretValues(objects.map((o) => o.object));
  const redacted = secrets.size === 0 ? errors : errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) }));
  return { objects: capObjectsPerRef(sortObjects(objects), redacted), errors: redacted, roots: selected.map((p) => p.root), failClosed, jailed, apps: plan.apps, unsimulated: plan.unsimulated };
}

function notRendered(p: PlannedRoot, why: string): InputError {
  const at = { file: p.root.path || '.', startLine: 1, endLine: 1, renderedBy: rootId(p.root) };
  return { kind: 'render', message: `${p.root.path || '.'}: ${why}`, source: at };
}

/** Render results by the hash of everything a root's render reads; bounded, oldest dropped first. */
const renderCache = new Map<string, Promise<RenderResult>>();
const MAX_CACHED_RENDERS = 5_000;

function remember(key: string, result: Promise<RenderResult>): void {
  renderCache.set(key, result);
  // Only clean renders are kept: a failure may be a time limit hit on a busy machine.
  void result.then((r) => {
    if (r.errors.length > 0) renderCache.delete(key);
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
  const h = createHash('sha256').update(RENDER_CACHE_FORMAT).update(jailed ? 'jailed' : 'UNJAILED').update(settings).update(await codeFingerprint()).update(await toolFingerprint(p.root.kind)).update(JSON.stringify(p.root));
  files.forEach((f, i) => h.update(`\u0000${f}\u0000${texts[i] === undefined ? '\u0001absent' : texts[i]}`));
  return h.digest('hex');
}

let code: Promise<string> | undefined;
/** Defined by the bundler (scripts/build.mjs) in dist/; undeclared when running the TypeScript sources. */
declare const PREADMIT_BUILD_ID: string | undefined;

/**
 * preadmit's own rendering code (the renderers and the loader): a render cached by other code is not
 * reused, even if nobody remembered to bump RENDER_CACHE_FORMAT.
 */
function codeFingerprint(): Promise<string> {
  // A bundle carries the hash of the sources it was built from (scripts/build.mjs): nothing to read.
  if (typeof PREADMIT_BUILD_ID === 'string') return Promise.resolve(`build:${PREADMIT_BUILD_ID}`);
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

const fingerprints = new Map<RootKind, Promise<string>>();

/** Which binary renders this kind of root (path, size, modification time): a new tool means new renders. */
function toolFingerprint(kind: RootKind): Promise<string> {
  let f = fingerprints.get(kind);
  if (!f) {
    f = (async () => {
      if (kind === 'plain') return 'plain';
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
