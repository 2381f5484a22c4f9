// Base vs head: render what the change touches at both refs, review it as the admission webhook would,
// and sort the violations into new, fixed and unchanged.
import path from 'node:path';
import { gvkOf, isNamespace, isObject, metadataOf, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import { expand, parseExpansionTemplate, type ExpansionTemplate, type Resultant } from '../gatekeeper/expand.ts';
import type { InputError, JsonObject, SourcedObject, SourceLocation } from '../gatekeeper/types.ts';
import { PolicyClient, type Violation } from '../engine/client.ts';
import { evaluatePlan, planReviews, type Implied } from '../engine/plan.ts';
import type { Runtime } from '../engine/runtime.ts';
import { REPO_ROOT } from '../opa/tools.ts';
import { throwIfAborted } from '../util/abort.ts';
import { loadManifestsMemo } from '../gatekeeper/load.ts';
import type { ClusterConfig, PreadmitConfig } from '../config/types.ts';
import { defaultExpansionTemplates } from '../config/expansion.ts';
import { redactDeep, redactSecrets, secretValues } from '../render/mask.ts';
import { renderRef, type RefRenderResult } from '../render/render-ref.ts';
import { rootId } from '../render/plan.ts';
import { changedPaths } from '../render/affected.ts';
import { coverageAt } from '../render/coverage.ts';
import { renderBudget, type RenderBudget, type RenderedObject } from '../render/types.ts';
import type { ChangedFile, RepoSource } from '../source/types.ts';
import { diffClusters, type RefOutcome, type ReviewedViolation } from './diff.ts';
import { canonicalJson, objectKey, objectRef, pairObjects, type ObjectPairing } from './identity.ts';
import { imagesEntryLine, lineOfPath, offendingPath, valueAt, valuesLine } from './locate.ts';
import { emptyPolicySet, mergePolicySets, policySetOf, readObjectsAt, readShippedPolicies, type PolicySet } from './policies.ts';
import { processExclusions, syncedObjects } from '../gatekeeper/config.ts';
import { unappliedMutators } from '../gatekeeper/mutation.ts';
import { computeVerdict } from './verdict.ts';
import type { ClusterCoverage, ClusterReport, SimulationReport } from './types.ts';

const SHIPPED_POLICIES_DIR = path.join(REPO_ROOT, 'policies');
const VERSION = '0.1.0';

export interface SimulateOptions {
  source: RepoSource;
  base: string;
  head: string;
  config: PreadmitConfig;
  runtime: Runtime;
  /** Defaults to the changes between base and head. */
  changed?: ChangedFile[];
  shippedPoliciesDir?: string;
  /** Called with short progress lines on long runs. */
  onProgress?: (line: string) => void;
  renderTimeoutMs?: number;
  /** All rendering of this simulation (both refs, every cluster) together. Default 60 000 ms. */
  renderBudgetMs?: number;
  /** Render kustomize and helm outside the jail (`--unsafe-no-sandbox`); ignored when NODE_ENV=production. */
  unsafeNoSandbox?: boolean;
  /**
   * The check's cancellation: renderer processes are killed, evaluations leave the pool, and `simulate` rejects with
   * `AbortError` (util/abort.ts). The source is given the same signal by whoever makes it (its reads stop too).
   */
  signal?: AbortSignal;
}

export async function simulate(options: SimulateOptions): Promise<SimulationReport> {
  const { source, config } = options;
  const [baseSha, headSha] = await Promise.all([source.resolve(options.base), source.resolve(options.head)]);
  // Paths shown through symbolic links change with the files they show (source/links.ts).
  const changed = await source.changesThroughLinks(baseSha, headSha, options.changed ?? (await source.changedFiles(baseSha, headSha)));
  const [baseFiles, headFiles] = await Promise.all([source.listFiles(baseSha), source.listFiles(headSha)]);
  const clusters: ClusterReport[] = [];
  const budget = renderBudget(options.renderBudgetMs, options.signal);
  const failClosed = new Set<string>();
  for (const cluster of config.clusters) {
    throwIfAborted(options.signal);
    options.onProgress?.(`cluster ${cluster.name}: simulating ${changed.length} changed file(s)`);
    clusters.push(await simulateCluster(cluster, { ...options, baseSha, headSha, changed, baseFiles, headFiles, budget, failClosed }));
  }
  const verdict = computeVerdict(clusters, config.blocking);
  // Roots left unrendered by this machine (no jail, budget spent) mean the change was not verified: that
  // blocks whatever the repository's config says about errors.
  if (failClosed.size > 0) {
    verdict.conclusion = 'failure';
    verdict.blocking.push(...[...failClosed].map((r) => `rendering incomplete (fail closed): ${r}`));
  }
  return {
    schemaVersion: 1,
    tool: { name: 'preadmit', version: VERSION },
    base: { ref: options.base, sha: baseSha },
    head: { ref: options.head, sha: headSha },
    enforcementPoint: config.enforcementPoint,
    clusters,
    verdict,
  };
}

interface ClusterContext extends SimulateOptions {
  baseSha: string;
  headSha: string;
  changed: ChangedFile[];
  baseFiles: string[];
  headFiles: string[];
  budget: RenderBudget;
  /** Collects the renders' fail-closed reasons. */
  failClosed: Set<string>;
}

interface RefState {
  sha: string;
  files: string[];
  policies: PolicySet;
  inventory: SourcedObject[];
}

async function simulateCluster(cluster: ClusterConfig, ctx: ClusterContext): Promise<ClusterReport> {
  const started = Date.now();
  const shipped = cluster.shippedPolicies ? await readShippedPolicies(ctx.shippedPoliciesDir ?? SHIPPED_POLICIES_DIR) : emptyPolicySet();
  const load = async (sha: string, files: string[]): Promise<RefState> => {
    const pol = await readObjectsAt(ctx.source, sha, files, cluster.policies, 'gatekeeper.sh');
    const inv = cluster.inventory.length > 0 ? await readObjectsAt(ctx.source, sha, files, cluster.inventory) : { objects: [], errors: [] };
    return {
      sha,
      files,
      policies: mergePolicySets(policySetOf(pol.objects, [...pol.errors, ...inv.errors]), shipped),
      inventory: inv.objects,
    };
  };
  const [base, head] = await Promise.all([load(ctx.baseSha, ctx.baseFiles), load(ctx.headSha, ctx.headFiles)]);

  const policyChanged = policyFingerprint(base.policies) !== policyFingerprint(head.policies);
  const referential = [...base.policies.templates, ...head.policies.templates].some((t) => JSON.stringify(t.object).includes('data.inventory'));
  const inventoryChanged = ctx.changed.some((c) => underAny(c.path, cluster.inventory) || (c.previousPath !== undefined && underAny(c.previousPath, cluster.inventory)));
  // A policy change has a blast radius over every object; referential policies need the whole inventory.
  const renderAll = policyChanged || referential || inventoryChanged;
  const renderOptions = {
    paths: cluster.manifests,
    exclude: cluster.exclude,
    helmReleases: Object.fromEntries(Object.entries(cluster.helmValues).map(([chart, valuesFiles]) => [chart, [{ release: path.posix.basename(chart), valuesFiles }]])),
    ...(ctx.renderTimeoutMs !== undefined ? { timeoutMs: ctx.renderTimeoutMs } : {}),
    budget: ctx.budget,
    gitops: ctx.config.gitops,
    charts: { repositories: ctx.config.chartRepositories },
    ...(cluster.kubeVersion !== undefined ? { kubeVersion: cluster.kubeVersion } : {}),
    ...(cluster.apiVersions.length > 0 ? { apiVersions: cluster.apiVersions } : {}),
    defaultNamespace: cluster.defaultNamespace,
    ...(ctx.unsafeNoSandbox ? { sandbox: 'unsafe-none' as const } : {}),
    ...(renderAll ? {} : { changed: ctx.changed }),
  };
  ctx.onProgress?.(`cluster ${cluster.name}: rendering ${renderAll ? 'every root' : 'the roots the change touches'} at base and head`);
  // One ref after the other: roots whose inputs did not change are then rendered once (render cache).
  const baseRender = await renderRef(ctx.source, base.sha, renderOptions);
  const headRender = await renderRef(ctx.source, head.sha, renderOptions);
  for (const r of [...baseRender.failClosed, ...headRender.failClosed]) ctx.failClosed.add(r);
  // Every manifest file under the cluster's paths is rendered by a root or accounted for; one holding objects
  // that no root renders is an error at head (coverage.ts).
  const coverage = await coverageAt(ctx.source, head.sha, head.files, {
    paths: cluster.manifests,
    exclude: cluster.exclude,
    helmReleases: renderOptions.helmReleases,
    policies: cluster.policies,
    inventory: cluster.inventory,
    cluster: cluster.name,
  });
  // An object belongs to the cluster when its file or its root (`kustomize:apps/prod`, `helm:charts/web#web`: the
  // path between the kind and the release) is under the cluster's manifests: an overlay's base may live elsewhere.
  // Objects a GitOps app renders belong to it: every app was found under the manifests or deployed by one that was
  // (app of apps), wherever its chart or path lives.
  const keep = (o: RenderedObject) => o.source.via !== undefined || underAny(o.source.file, cluster.manifests) || underAny(o.root.replace(/^[a-z]+:/, '').replace(/#[^#/]*$/, ''), cluster.manifests);
  // A root that fails to render at head has unknown objects there, not none: its base objects are left out of the
  // comparison (else they would read as removed and their violations as fixed). The head's render error blocks.
  const failedAtHead = new Set(headRender.errors.map((e) => e.source?.renderedBy).filter((r): r is string => r !== undefined));
  const renderedBase = baseRender.objects.filter((o) => keep(o) && !failedAtHead.has(o.root));
  const renderedHead = headRender.objects.filter(keep);

  // Namespaces the cluster would have: declared anywhere in the manifests, not only in touched roots.
  const [baseNamespaces, headNamespaces] = await Promise.all([
    declaredNamespaces(ctx.source, base, cluster, renderedBase),
    declaredNamespaces(ctx.source, head, cluster, renderedHead),
  ]);
  // Objects left in a Namespace the change deletes could not be applied: an error at head, and left out
  // of the comparison like the objects of a root that fails to render.
  const orphans = orphanedByDeletedNamespaces(baseNamespaces, headNamespaces, renderedHead);
  const orphaned = (o: RenderedObject) => orphans.namespaces.has(namespaceOf(o.object));
  const baseObjects = renderedBase.filter((o) => !orphaned(o));
  const headObjects = renderedHead.filter((o) => !orphaned(o));

  ctx.onProgress?.(`cluster ${cluster.name}: reviewing ${baseObjects.length} object(s) at base and ${headObjects.length} at head`);
  // Inventory Secrets too: a referential policy can print what it reads from data.inventory.
  const secrets = secretValues([...baseObjects, ...headObjects, ...base.inventory, ...head.inventory].map((o) => o.object));
  // Which head object is which base object: same name (an UPDATE), or a name whose generated part changed.
  const renames = new Map(ctx.changed.filter((c) => c.previousPath !== undefined).map((c) => [c.previousPath!, c.path]));
  const pairing = pairObjects(baseObjects, headObjects, renames);
  const baseOutcome = await reviewRef('base', base, baseObjects, baseNamespaces, undefined, ctx);
  const headOutcome = await reviewRef('head', head, headObjects, headNamespaces, pairing, ctx);
  // The head's objects under the base's policies: what the policy change alone does (its blast radius).
  const crossOutcome = policyChanged
    ? await reviewUnderBasePolicies({ base, head, baseObjects, headObjects, baseNamespaces, headNamespaces, baseOutcome, referential, pairing, ctx })
    : undefined;
  for (const outcome of [baseOutcome, headOutcome, ...(crossOutcome ? [crossOutcome] : [])]) {
    for (const v of outcome.violations) v.message = redactSecrets(v.message, secrets);
  }
  baseOutcome.errors.push(...baseRender.errors);
  headOutcome.errors.push(...headRender.errors, ...orphans.errors, ...coverage.errors);

  const report = diffClusters({
    cluster: cluster.name,
    base: baseOutcome,
    head: headOutcome,
    ...(crossOutcome ? { headUnderBasePolicies: crossOutcome } : {}),
    baseObjects,
    headObjects,
    allowedNamespaces: ctx.config.exemptions.allowedNamespaces,
    enforcementPoint: ctx.config.enforcementPoint,
    pairing,
  });
  // Every string of the report (messages, errors, diffs, names), whatever format is made from it later.
  redactDeep(report, secrets);
  report.coverage = coverageOf(headRender, baseRender, ctx.changed, keep);
  // Mutators (in the policies, or rendered with the manifests) are not applied: said in the Coverage, never silently.
  const changedFiles = new Set(changedPaths(ctx.changed));
  for (const m of unappliedMutators([...head.policies.mutators, ...headObjects])) {
    report.coverage.notSimulated.push({ ...m, changed: changedFiles.has(m.source.file) });
  }
  report.stats = {
    objectsBase: baseObjects.length,
    objectsHead: headObjects.length,
    reviews: baseOutcome.reviews + headOutcome.reviews + (crossOutcome?.reviews ?? 0),
    rootsRendered: new Set([...baseRender.roots, ...headRender.roots].map((r) => `${r.kind}:${r.path}:${r.release ?? ''}`)).size,
    durationMs: Date.now() - started,
  };
  return report;
}

/**
 * The head's objects reviewed under the base's policies. An object the change leaves as it was, in the
 * same Namespaces, with no referential policy about, was reviewed exactly so at base: its base results are
 * reused and only the changed objects are reviewed again.
 */
async function reviewUnderBasePolicies(a: {
  base: RefState;
  head: RefState;
  baseObjects: RenderedObject[];
  headObjects: RenderedObject[];
  baseNamespaces: Map<string, JsonObject>;
  headNamespaces: Map<string, JsonObject>;
  baseOutcome: RefOutcome;
  referential: boolean;
  pairing: ObjectPairing;
  ctx: ClusterContext;
}): Promise<RefOutcome> {
  const state = { ...a.head, policies: a.base.policies };
  const sameNamespaces = canonicalJson([...a.baseNamespaces].sort()) === canonicalJson([...a.headNamespaces].sort());
  if (a.referential || !sameNamespaces) return reviewRef('head', state, a.headObjects, a.headNamespaces, a.pairing, a.ctx);
  const atBase = new Map(a.baseObjects.map((o) => [objectKey(objectRef(o.object)), canonicalJson(o.object)]));
  const unchanged = new Set<string>();
  const changed: RenderedObject[] = [];
  for (const o of a.headObjects) {
    const key = objectKey(objectRef(o.object));
    if (atBase.get(key) === canonicalJson(o.object)) unchanged.add(key);
    else changed.push(o);
  }
  const outcome = await reviewRef('head', state, changed, a.headNamespaces, a.pairing, a.ctx);
  outcome.violations.push(...a.baseOutcome.violations.filter((v) => unchanged.has(objectKey(v.object))).map((v) => ({ ...v })));
  return outcome;
}

const expansionMemo = new WeakMap<JsonObject, Map<string, Resultant[]>>();

/** JSON texts of Namespaces and template lists, by identity (neither is modified once made): a key part each. */
const keyTexts = new WeakMap<object, string>();

function textOf(value: object, make: () => string): string {
  let text = keyTexts.get(value);
  if (text === undefined) keyTexts.set(value, (text = make()));
  return text;
}

/**
 * `expand`, remembered per object (objects are not modified once rendered): the same object is expanded at
 * base, at head and under base policies, and stable resultants let their review JSON be remembered too.
 */
function expandMemo(parent: JsonObject, namespace: JsonObject | null, templates: ExpansionTemplate[]): Resultant[] {
  const key = `${namespace === null ? 'null' : textOf(namespace, () => JSON.stringify(namespace))}\u0000${textOf(templates, () => JSON.stringify(templates.map((t) => [t.name, t.applyTo, t.templateSource, t.generatedGVK, t.enforcementAction])))}`;
  let byKey = expansionMemo.get(parent);
  if (!byKey) expansionMemo.set(parent, (byKey = new Map()));
  let resultants = byKey.get(key);
  if (!resultants) {
    resultants = expand(parent, namespace, templates);
    byKey.set(key, resultants);
  }
  return resultants;
}

function underAny(file: string, roots: string[]): boolean {
  return roots.some((r) => {
    const p = r.replace(/^\.\/?/, '').replace(/\/+$/, '');
    return p === '' || file === p || file.startsWith(`${p}/`);
  });
}

function policyFingerprint(p: PolicySet): string {
  const objs = [...p.templates, ...p.constraints, ...p.configs, ...p.expansions, ...p.syncSets].map((o) => canonicalJson(o.object)).sort();
  return objs.join('\n');
}

const NAMESPACE_DOC = /^kind:\s*["']?Namespace["']?\s*$/m;

async function declaredNamespaces(source: RepoSource, ref: RefState, cluster: ClusterConfig, rendered: RenderedObject[]): Promise<Map<string, JsonObject>> {
  const out = new Map<string, JsonObject>();
  const candidates = ref.files.filter((f) => /\.(ya?ml|json)$/i.test(f) && (underAny(f, cluster.manifests) || underAny(f, cluster.inventory)));
  const texts = await Promise.all(candidates.map((f) => source.readFile(ref.sha, f)));
  candidates.forEach((file, i) => {
    const buf = texts[i];
    // Most files name no Namespace at all: skip them without decoding.
    if (!buf || !buf.includes('Namespace')) return;
    const text = buf.toString('utf8');
    if (!NAMESPACE_DOC.test(text)) return;
    for (const o of loadManifestsMemo(text, file, { yamlVersion: '1.1' }).objects) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  });
  for (const o of [...ref.inventory, ...rendered]) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  return out;
}

/**
 * A Namespace the change deletes takes its objects with it; objects the head still places there could not
 * be applied. Reviewing them against a made-up Namespace would report their violations as fixed instead.
 */
function orphanedByDeletedNamespaces(
  base: Map<string, JsonObject>,
  head: Map<string, JsonObject>,
  objects: RenderedObject[],
): { namespaces: Set<string>; errors: InputError[] } {
  const byNamespace = new Map<string, RenderedObject[]>();
  for (const o of objects) {
    const ns = namespaceOf(o.object);
    if (ns === '' || !base.has(ns) || head.has(ns)) continue;
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), o]);
  }
  const errors = [...byNamespace].map(([ns, list]) => {
    const first = list[0]!;
    return {
      kind: 'render' as const,
      message: `${first.source.file}:${first.source.startLine}: Namespace ${JSON.stringify(ns)} is deleted by this change, but ${list.length} object(s) still target it (first: ${gvkOf(first.object).kind} ${ns}/${nameOf(first.object)}); they could not be applied`,
      source: first.source,
    };
  });
  return { namespaces: new Set(byNamespace.keys()), errors };
}

const inCluster = new WeakMap<JsonObject, JsonObject>();

/**
 * A Namespace as the cluster holds it: the API server labels every Namespace with
 * `kubernetes.io/metadata.name: <name>`, and namespaceSelectors often match on that label. A copy (objects
 * are shared and never modified), the same copy every time.
 */
function asInCluster(namespace: JsonObject): JsonObject {
  let copy = inCluster.get(namespace);
  if (!copy) {
    const meta = isObject(namespace.metadata) ? namespace.metadata : {};
    const labels = isObject(meta.labels) ? meta.labels : {};
    copy = { ...namespace, metadata: { ...meta, labels: { ...labels, 'kubernetes.io/metadata.name': nameOf(namespace) } } };
    inCluster.set(namespace, copy);
  }
  return copy;
}

async function reviewRef(
  ref: 'base' | 'head',
  state: RefState,
  objects: RenderedObject[],
  namespaces: Map<string, JsonObject>,
  pairing: ObjectPairing | undefined,
  ctx: ClusterContext,
): Promise<RefOutcome> {
  const errors: InputError[] = [...state.policies.errors];
  throwIfAborted(ctx.signal);
  const client = new PolicyClient({
    compiler: ctx.runtime.compiler,
    pool: ctx.runtime.pool,
    enforcementPoint: ctx.config.enforcementPoint,
    parameterNumbers: 'float',
    ...(ctx.signal !== undefined ? { signal: ctx.signal } : {}),
  });
  errors.push(...(await client.addTemplates(state.policies.templates)));
  errors.push(...client.addConstraints(state.policies.constraints).map((f) => f.error));
  // The Namespaces last: as the cluster holds them (labelled), they win over the rendered ones.
  const known = [...state.inventory.map((o) => o.object), ...objects.map((o) => o.object), ...namespaces.values()];
  client.setData(syncedObjects(known, state.policies.configs, state.policies.syncSets), known);

  const expansions: ExpansionTemplate[] = [];
  const expansionSources = state.policies.expansions.length > 0 ? state.policies.expansions : defaultExpansionTemplates(ctx.config.expandWorkloads);
  for (const s of expansionSources) {
    const r = parseExpansionTemplate(s);
    if ('error' in r) errors.push(r.error);
    else expansions.push(r.template);
  }

  const plan = planReviews(objects, {
    mode: 'webhook',
    objectOf: (o) => o.object,
    expansions,
    expand: expandMemo,
    excludedNamespaces: processExclusions(state.policies.configs, 'webhook'),
    namespaceNamed: (name) => namespaces.get(name) ?? asInCluster({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
    previous: (o) => {
      const old = pairing?.previous(o)?.object;
      return old !== undefined && canonicalJson(old) !== canonicalJson(o.object) ? old : undefined;
    },
  });
  for (const { parent, message } of plan.expansionErrors) {
    errors.push({ kind: 'expansion', message: `${parent.source.file}:${parent.source.startLine}: ${message}`, source: parent.source });
  }

  let results;
  try {
    results = await evaluatePlan(client, plan);
  } finally {
    // A running app checks PR after PR: this client's inventory must not stay in the evaluation pool.
    client.dispose();
  }
  const violations: ReviewedViolation[] = [];
  const parents = new Map<ReviewedViolation, RenderedObject>();
  const add = (v: ReviewedViolation, parent: RenderedObject) => {
    violations.push(v);
    parents.set(v, parent);
  };
  // What the webhook's own reviews raise, per object: a CREATE review raising the same is not reported twice.
  const raised = new Set<string>();
  const raisedKey = (parent: RenderedObject, v: Violation) => [parent.root, objectKey(objectRef(parent.object)), v.constraint.kind, v.constraint.name, v.msg].join('\u0000');
  for (const { entry, violations: list } of results) {
    if (entry.onCreate) continue;
    for (const v of list) {
      raised.add(raisedKey(entry.parent, v));
      add(toReviewed(v, entry.parent, entry.implied, entry.review.operation), entry.parent);
    }
  }
  for (const { entry, violations: list } of results) {
    if (!entry.onCreate) continue;
    for (const v of list) if (!raised.has(raisedKey(entry.parent, v))) add({ ...toReviewed(v, entry.parent, entry.implied, 'CREATE'), onCreate: true }, entry.parent);
  }
  await locateViolations(parents, (file) => ctx.source.readFile(state.sha, file), (chart) => [
    `${chart === '' ? '' : `${chart}/`}values.yaml`,
    ...new Set(ctx.config.clusters.flatMap((c) => c.helmValues[chart] ?? [])),
  ]);
  const constraintSources = new Map<string, SourceLocation>();
  for (const c of client.constraintList) constraintSources.set(`${c.kind}/${c.name}`, c.source);
  return { ref, violations, errors, reviews: plan.reviews.length, constraints: client.constraintList, policies: state.policies, constraintSources };
}

/**
 * Points each violation at the offending field's line when its message names one the object's source file
 * spells (see `offendingPath`); the others keep the object's range.
 *
 * Every file needed is asked for at once (a git source reads them all in one `cat-file`; one await per file
 * would start a git process per file), and the violations are located file by file (each file is parsed once).
 */
async function locateViolations(
  parents: Map<ReviewedViolation, RenderedObject>,
  read: (file: string) => Promise<Buffer | undefined>,
  valuesFiles: (chart: string) => string[],
): Promise<void> {
  const texts = new Map<string, string | undefined>();
  const readAll = async (files: Iterable<string>) => {
    const wanted = [...new Set(files)].filter((f) => !texts.has(f));
    const bodies = await Promise.all(wanted.map((f) => read(f).then((b) => b?.toString('utf8'), () => undefined)));
    wanted.forEach((f, i) => texts.set(f, bodies[i]));
  };
  const byFile = new Map<string, Array<{ v: ReviewedViolation; parent: RenderedObject; found: NonNullable<ReturnType<typeof offendingPath>> }>>();
  for (const [v, parent] of parents) {
    const found = offendingPath(parent.object, v.message);
    if (!found) continue;
    let list = byFile.get(parent.source.file);
    if (!list) byFile.set(parent.source.file, (list = []));
    list.push({ v, parent, found });
  }
  await readAll(byFile.keys());
  // The values files and kustomizations that may set a located value, read together too.
  const more: string[] = [];
  for (const [file, list] of byFile) {
    const text = texts.get(file);
    if (text === undefined) continue;
    for (const { parent, found } of list) {
      const value = valueAt(parent.object, found.path);
      if (typeof value === 'string' && parent.root.startsWith('helm:') && !text.includes(value)) more.push(...valuesFiles(helmChartOf(parent.root)));
      if (typeof value === 'string' && found.path[found.path.length - 1] === 'image' && parent.root.startsWith('kustomize:')) more.push(...kustomizationFiles(parent.root));
    }
  }
  await readAll(more);
  for (const [file, list] of byFile) {
    const text = texts.get(file);
    if (text === undefined) continue;
    for (const { v, parent, found } of list) {
      // A field the source does not spell (set by a kustomize patch...) falls back to its container, never higher.
      const location = lineOfPath(text, parent.source, gvkOf(parent.object).kind, found.path, found.container > 0 ? found.container : found.path.length);
      if (location) v.location = location;
      const value = valueAt(parent.object, found.path);
      // A value a helm template does not spell itself comes from the values: the values line that holds it
      // (the last values file that does, in `-f` order, wins as helm's merge does).
      if (typeof value === 'string' && parent.root.startsWith('helm:') && !text.includes(value)) {
        let best: ReturnType<typeof valuesLine>;
        for (const valuesFile of valuesFiles(helmChartOf(parent.root))) {
          const values = texts.get(valuesFile);
          const hit = values === undefined ? undefined : valuesLine(values, valuesFile, value);
          if (hit && (!best || hit.length >= best.length)) best = hit;
        }
        if (best) v.location = best.location;
      }
      // An image a kustomization's `images:` entry sets: that entry is where to change it.
      const image = found.path[found.path.length - 1] === 'image' ? value : undefined;
      if (typeof image === 'string' && parent.root.startsWith('kustomize:')) {
        for (const kustomizationFile of kustomizationFiles(parent.root)) {
          const kustomization = texts.get(kustomizationFile);
          if (kustomization === undefined) continue;
          const entry = imagesEntryLine(kustomization, kustomizationFile, image);
          if (entry) v.location = entry;
          break;
        }
      }
    }
  }
}

/** The chart directory of a `helm:<chart>#<release>` root. */
function helmChartOf(root: string): string {
  return root.slice('helm:'.length).replace(/#[^#/]*$/, '');
}

/** The files a `kustomize:<dir>` root's kustomization may be, in the order kustomize looks for them. */
function kustomizationFiles(root: string): string[] {
  const dir = root.slice('kustomize:'.length);
  return ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => (dir === '' || dir === '.' ? name : `${dir}/${name}`));
}

/** A result of the planner (attributed: a resultant's action and message already as Gatekeeper reports them). */
function toReviewed(v: Violation, parent: RenderedObject, implied: Implied | undefined, operation: string): ReviewedViolation {
  const action = v.enforcementAction;
  const actions = action === 'scoped' ? (v.scopedActions ?? []) : [action];
  return {
    constraintKind: v.constraint.kind,
    constraintName: v.constraint.name,
    constraintSource: v.constraint.source,
    actions: actions.filter((a): a is 'deny' | 'warn' | 'dryrun' => a === 'deny' || a === 'warn' || a === 'dryrun'),
    object: objectRef(parent.object),
    objectSource: parent.source,
    message: v.msg,
    ...(implied ? { impliedBy: implied.name } : {}),
    operation: operation === 'UPDATE' ? 'UPDATE' : 'CREATE',
    root: parent.root,
    objectMeta: metadataOf(parent.object),
  };
}

/**
 * The Coverage section: roots rendered at head per renderer and apps per tool, and every app not simulated
 * (declared under the cluster's manifests) or root that failed to render at head, with the reason.
 */
function coverageOf(head: RefRenderResult, base: RefRenderResult, changed: ChangedFile[], keep: (o: RenderedObject) => boolean): ClusterCoverage {
  const roots: Record<string, number> = {};
  const apps: Record<string, number> = {};
  for (const r of head.roots) {
    if (r.app !== undefined) apps[r.app.tool] = (apps[r.app.tool] ?? 0) + 1;
    else roots[r.kind] = (roots[r.kind] ?? 0) + 1;
  }
  const paths = new Set(changedPaths(changed));
  const notSimulated: ClusterCoverage['notSimulated'] = [];
  // Every app of the plan is the cluster's: declared under its manifests or deployed by one of its apps.
  for (const u of head.unsimulated) {
    notSimulated.push({ what: `${u.tool === 'flux' ? 'Flux' : 'Argo CD'} ${u.kind} ${u.name}`, source: { ...u.declared }, reason: u.reason, changed: u.deps.some((d) => paths.has(d)) });
  }
  const failed = new Map<string, string>();
  const failedAt = new Map<string, InputError['source']>();
  for (const e of head.errors) {
    const by = e.source?.renderedBy;
    if (by !== undefined && !failed.has(by)) {
      failed.set(by, e.message);
      failedAt.set(by, e.source);
    }
  }
  const baseFailed = new Set(base.errors.map((e) => e.source?.renderedBy));
  for (const r of head.roots) {
    const id = rootId(r);
    const why = failed.get(id);
    if (why === undefined) continue;
    const probe = { root: id, source: { file: r.app?.declared.file ?? r.path, startLine: 1, endLine: 1 }, object: {} } as RenderedObject;
    if (r.app === undefined && !keep(probe)) continue;
    // A root is declared where its error points (a helmCharts entry, a dependency's line), an app by its CR.
    const errorAt = failedAt.get(id);
    const at = r.app ? { ...r.app.declared } : errorAt !== undefined ? { file: errorAt.file, startLine: errorAt.startLine, endLine: errorAt.endLine } : undefined;
    notSimulated.push({ what: r.app !== undefined ? `${r.app.tool === 'flux' ? 'Flux' : 'Argo CD'} ${r.app.kind} ${r.app.name}` : id, ...(at !== undefined ? { source: at } : {}), reason: `render error: ${why}`, changed: !baseFailed.has(id) });
  }
  return { simulated: { roots, apps }, notSimulated };
}
