// App of apps as the GitOps tools apply it: a CR (Flux Kustomization or HelmRelease, Argo CD Application or
// ApplicationSet) that a parent app deploys is what the parent's build outputs (its overlays' patches, its
// post-build substitution, its target namespace applied; a CR a helm chart templates), not the raw file. So
// parents are rendered first, by depth, and each CR in their output is mapped to the app it is; the raw file
// is used only for a CR that no parent deploys. Each CR is simulated once: a cycle (a CR deploying its own
// ancestor) and a second parent deploying the same CR are listed in Coverage, and depth is bounded.
import type { InputError, SourceLocation } from '../../gatekeeper/types.ts';
import type { PlannedRoot } from '../plan.ts';
import type { RenderedObject, RenderResult } from '../types.ts';
import { isAppCR } from './discover.ts';
import type { Mapped } from './flux.ts';
import { appLabel, obj, str, type GitOpsApp, type UnsimulatedApp } from './model.ts';

/** Deeper app of apps than this is not followed (listed in Coverage). */
export const MAX_APP_DEPTH = 12;
/** More apps than this taken from rendered output (a chart templating thousands) are listed, not rendered. */
const MAX_DEPLOYED_APPS = 2_000;

export interface DeployInput {
  /** Every app root of the plan, mapped from the CRs' files. */
  roots: PlannedRoot[];
  /** App id → ids of the apps whose files hold its CR (plan.ts `appParents`): they may deploy it. */
  parents: Map<string, string[]>;
  /** Whether a root of the plan is to be rendered for the report (a change touches it, or everything is). */
  selected: (p: PlannedRoot) => boolean;
  /**
   * Whether the change may alter every object an app renders, so every CR it deploys (its CR, a patch, a chart, a
   * kustomization: anything it reads but a resource file, whose CRs select themselves through their own files).
   */
  transforms: (p: PlannedRoot) => boolean;
  /** Renders roots (in the jail, through the render cache); results in the same order. */
  render: (batch: PlannedRoot[]) => Promise<RenderResult[]>;
  /** Plans an app taken from a parent's output (plan.ts `planApp`). */
  plan: (app: GitOpsApp) => Promise<PlannedRoot>;
  /** Maps a CR of a parent's output to apps (its sources looked up in what the parent deploys first). */
  map: (parent: PlannedRoot, objects: RenderedObject[], cr: RenderedObject) => Promise<Mapped[]>;
  /** Whether a root's output may hold CRs (rendered for that alone when no change selects it). */
  mayDeploy: (p: PlannedRoot) => Promise<boolean>;
  /** Whether a root's output may hold CRs no file spells (a chart templating them): its apps are known only once it is rendered. */
  templates: (p: PlannedRoot) => Promise<boolean>;
  /** Whether a root deploys this repository file (a resource of its kustomization, a file of its path). */
  deploysFile: (p: PlannedRoot, file: string) => boolean;
}

export interface DeployOutput {
  /** Results of the selected apps (as deployed), and their roots. */
  results: RenderResult[];
  roots: PlannedRoot[];
  /** Every app: those taken from a parent's output in place of the ones mapped from the same CR's file. */
  apps: GitOpsApp[];
  /** Apps taken from a parent's output that are not simulated, and each CR deployed twice or in a cycle. */
  unsimulated: UnsimulatedApp[];
  /** Errors of mapping CRs taken from the output of selected parents. */
  errors: InputError[];
  /** CRs whose file's mapping is replaced by the parent's output: the file's errors and not-simulated entries no longer apply. */
  superseded: { tool: string; kind: string; name: string; declared: Omit<SourceLocation, 'renderedBy' | 'via'> }[];
}

interface Node {
  planned: PlannedRoot;
  app: GitOpsApp;
  selected: boolean;
  parent?: Node;
  depth: number;
}

/** The cluster object a CR is: tool, kind, namespace and name (an ApplicationSet's Applications by their own names). */
function keyOf(app: Pick<GitOpsApp, 'tool' | 'kind' | 'name'>, namespace: string | undefined): string {
  return `${app.tool}|${app.kind}|${namespace ?? ''}|${app.name}`;
}

function namespaceOf(o: { metadata?: unknown }): string | undefined {
  return str(obj(o.metadata as never).namespace);
}

export async function deployApps(input: DeployInput): Promise<DeployOutput> {
  const out: DeployOutput = { results: [], roots: [], apps: [], unsimulated: [], errors: [], superseded: [] };
  const raw = new Map(input.roots.map((p) => [p.root.app!.id, p]));
  const staticParents = (id: string): string[] => (input.parents.get(id) ?? []).filter((x) => x !== id && raw.has(x));
  /** CR key → the node that renders it; raw app id → its node once taken (rendered from its file or from a parent's output). */
  const byKey = new Map<string, Node>();
  const taken = new Map<string, Node>();
  const ids = new Set<string>();
  const rawNode = (p: PlannedRoot): Node => {
    const app = p.root.app!;
    const node: Node = { planned: p, app, selected: input.selected(p), depth: 0 };
    taken.set(app.id, node);
    ids.add(app.id);
    const key = keyOf(app, app.namespace);
    if (!byKey.has(key)) byKey.set(key, node);
    return node;
  };
  const ancestors = (n: Node | undefined): Node[] => (n === undefined ? [] : [n, ...ancestors(n.parent)]);
  const transforming = (n: Node): boolean => ancestors(n).some((a) => input.transforms(a.planned));
  /** The app mapped from the same CR's file: same tool, kind and name, declared in the same file. */
  const rawMatch = (app: Pick<GitOpsApp, 'tool' | 'kind' | 'name' | 'declared'>): PlannedRoot | undefined => {
    const same = [...raw.values()].filter((p) => {
      const r = p.root.app!;
      return r.tool === app.tool && r.kind === app.kind && r.declared.file === app.declared.file;
    });
    // By name; a name the parent changed (a namePrefix) by the CR's place in the file.
    return same.find((p) => p.root.app!.name === app.name) ?? same.find((p) => p.root.app!.declared.startLine === app.declared.startLine);
  };
  const note = (app: Pick<GitOpsApp, 'tool' | 'kind' | 'name' | 'declared'>, reason: string): void => {
    out.unsimulated.push({ tool: app.tool, kind: app.kind, name: app.name, declared: { ...app.declared }, reason, deps: [app.declared.file] });
  };
  const how = (n: Node): string => (n.parent !== undefined ? `as ${appLabel(n.parent.app)} deploys it` : `as ${n.app.declared.file}:${n.app.declared.startLine} declares it`);

  /**
   * Whether a node is worth rendering though no change selects it: its output may hold CRs (input.mayDeploy), or it
   * deploys the file of a CR not yet taken that a change selects (an app a chart made: its files are known only now).
   */
  const worthRendering = async (n: Node): Promise<boolean> => {
    if (n.depth >= MAX_APP_DEPTH) return false;
    if (await input.mayDeploy(n.planned)) return true;
    for (const p of input.roots) {
      if (taken.has(p.root.app!.id) || !input.deploysFile(n.planned, p.root.app!.declared.file)) continue;
      if (input.selected(p) || (await input.mayDeploy(p))) return true;
    }
    return false;
  };

  let derived = 0;
  // Apps no file deploys start, except that while an app whose output may hold CRs no file spells (a chart templating
  // apps) is unrendered, any file's CR may yet be deployed by one of those: such apps and their ancestors go first, the
  // others wait, and are taken from their files only if no output holds their CRs.
  const parentless = input.roots.filter((p) => staticParents(p.root.app!.id).length === 0);
  const templating = (await Promise.all(input.roots.map(async (p) => ((await input.templates(p)) ? p.root.app!.id : undefined)))).filter((x): x is string => x !== undefined);
  const first = new Set<string>();
  for (let queue = [...templating]; queue.length > 0; ) {
    const id = queue.shift()!;
    if (first.has(id)) continue;
    first.add(id);
    queue.push(...staticParents(id));
  }
  let deferred = templating.length === 0 ? [] : parentless.filter((p) => !first.has(p.root.app!.id));
  let wave = (templating.length === 0 ? parentless : parentless.filter((p) => first.has(p.root.app!.id))).map(rawNode);
  while (true) {
    if (wave.length === 0) {
      wave = deferred.filter((p) => !taken.has(p.root.app!.id)).map(rawNode);
      deferred = [];
    }
    if (wave.length === 0) {
      // Apps whose CR no parent's output holds (a parent failed to render, or its build drops the CR): from their files.
      wave = input.roots.filter((p) => !taken.has(p.root.app!.id)).map(rawNode);
      if (wave.length === 0) break;
    }
    const render: Node[] = [];
    for (const n of wave) {
      out.apps.push(n.app);
      if (n.planned.problems.length > 0) {
        if (n.selected) {
          out.roots.push(n.planned);
          out.errors.push(...n.planned.problems.map((e) => ({ ...e, source: { ...(e.source ?? { ...n.app.declared }), renderedBy: n.app.id } })));
        }
        continue;
      }
      if (n.selected || (await worthRendering(n))) render.push(n);
    }
    const results = await input.render(render.map((n) => n.planned));
    const next: Node[] = [];
    for (let i = 0; i < render.length; i++) {
      const node = render[i]!;
      const result = results[i]!;
      if (node.selected) {
        out.results.push(result);
        out.roots.push(node.planned);
      }
      for (const cr of result.objects) {
        if (!isAppCR(cr.object)) continue;
        const mapped = await input.map(node.planned, result.objects, cr);
        for (const m of mapped) {
          const app = 'app' in m ? m.app : m.unsimulated;
          const key = keyOf(app, namespaceOf(cr.object));
          const match = rawMatch(app);
          const prior = byKey.get(key) ?? (match !== undefined ? taken.get(match.root.app!.id) : undefined);
          if (prior === node) continue; // An app deploying its own CR (Flux's flux-system Kustomization): nothing new.
          if (prior !== undefined) {
            // The same CR's file is not simulated a second time either.
            if (match !== undefined && !taken.has(match.root.app!.id)) taken.set(match.root.app!.id, prior);
            const cycle = ancestors(node).includes(prior);
            note(app, cycle
              ? `deployed by ${appLabel(node.app)}, which it deploys itself (a cycle): simulated once, ${how(prior)}`
              : `also deployed by ${appLabel(node.app)}: simulated once, ${how(prior)} (the tool applies both; the last applied wins)`);
            continue;
          }
          if (node.depth + 1 > MAX_APP_DEPTH || derived >= MAX_DEPLOYED_APPS) {
            note(app, node.depth + 1 > MAX_APP_DEPTH
              ? `deployed by ${appLabel(node.app)} deeper than ${MAX_APP_DEPTH} levels of app of apps: not followed`
              : `deployed by ${appLabel(node.app)} after ${MAX_DEPLOYED_APPS} apps taken from rendered output: not followed`);
            // Nor rendered from its file: a parent deploys it.
            if (match !== undefined && !taken.has(match.root.app!.id)) taken.set(match.root.app!.id, node);
            continue;
          }
          derived++;
          if (match !== undefined) {
            const r = match.root.app!;
            out.superseded.push({ tool: r.tool, kind: r.kind, name: r.name, declared: r.declared });
          }
          if (!('app' in m)) {
            // Not simulated as deployed (a remote source, a broken field): listed; the file's mapping is not used.
            out.unsimulated.push(m.unsimulated);
            if ('error' in m && node.selected) out.errors.push({ ...m.error, source: { ...m.error.source!, renderedBy: node.app.id } });
            if (match !== undefined) taken.set(match.root.app!.id, node);
            byKey.set(key, node);
            continue;
          }
          const child = m.app;
          child.deployedBy = node.app.id;
          if (match !== undefined) child.id = match.root.app!.id;
          else {
            const id = child.id;
            for (let k = 2; ids.has(child.id); k++) child.id = `${id}.${k}`;
          }
          ids.add(child.id);
          const planned = await input.plan(child);
          // Selected when the change touches what it reads itself, or may have changed its CR (in a parent, at any depth).
          const selected = input.selected(planned) || (match !== undefined && input.selected(match)) || transforming(node);
          const n: Node = { planned, app: child, selected, parent: node, depth: node.depth + 1 };
          byKey.set(key, n);
          if (match !== undefined) taken.set(match.root.app!.id, n);
          next.push(n);
        }
      }
    }
    wave = next;
  }
  return out;
}
