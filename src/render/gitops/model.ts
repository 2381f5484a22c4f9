// One model for what GitOps tools deploy from this repository: a Flux Kustomization or HelmRelease, an Argo CD
// Application (or one an ApplicationSet generates) is "render this in-repo path or chart with these options,
// declared at file:line". flux.ts and argocd.ts map the CRs to it; plan.ts turns each app into a root.
import type { InputError, JsonObject, JsonValue, SourceLocation } from '../../gatekeeper/types.ts';

export type GitOpsTool = 'flux' | 'argocd';

/** Where the CR that declares an app is (for an ApplicationSet: the ApplicationSet). */
export type Declared = Omit<SourceLocation, 'renderedBy' | 'via'>;

/** A kustomize build of an in-repo directory, with the options the CR adds on top. */
export interface KustomizeAppRender {
  type: 'kustomize';
  /** Repo-relative directory. */
  path: string;
  /**
   * When the directory has no kustomization: 'flux' generates one over every manifest below it (a directory
   * holding a kustomization becomes one resource, as Flux does); 'directory' is an Argo CD directory app.
   */
  generate?: 'flux' | { recurse: boolean; include?: string; exclude?: string };
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  /** kustomize `patches` entries (Flux `spec.patches`), inline. */
  patches?: JsonValue[];
  /** kustomize `images` entries. */
  images?: JsonValue[];
  /** Repo directories of kustomize Components applied over the path (Flux `spec.components`). */
  components?: string[];
  /** Labels on the objects' metadata only (Flux commonMetadata). */
  labels?: Record<string, string>;
  /** kustomize commonLabels: metadata, selectors and templates (Argo CD kustomize.commonLabels). */
  commonLabels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Flux `postBuild`: variables substituted in the build output (envsubst.ts); undefined: no substitution. */
  substitute?: Record<string, string>;
}

/** A helm release of an in-repo chart. */
export interface HelmAppRender {
  type: 'helm';
  /** Repo-relative chart directory. */
  chart: string;
  release: string;
  namespace: string;
  /** Repo-relative values files, in order, before `values`. */
  valuesFiles: string[];
  /** Values merged on top of the files (inline values, valuesFrom, parameters), already merged in order. */
  values?: JsonObject;
  /** Flux `postRenderers[].kustomize`: patches and images applied to the chart's output. */
  postRender?: { patches: JsonValue[]; images: JsonValue[] };
  /**
   * A chart from an allowed remote helm repository (then `chart` is the declaring CR's file, not a chart
   * directory): fetched by preadmit before the jailed render. `valuesFiles`: every values file in the order the
   * CR lists them, the chart's own (chart-relative, `inChart`; `optional`: Argo CD ignoreMissingValueFiles) and the
   * repository's (also in `valuesFiles` above).
   */
  remote?: { repoUrl: string; chart: string; version: string; digest?: string; valuesFiles: { file: string; inChart: boolean; optional?: boolean }[]; declaredAt: Declared };
}

/** An Argo CD directory app: plain manifests, no tool. */
export interface DirectoryAppRender {
  type: 'directory';
  path: string;
  recurse: boolean;
  include?: string;
  exclude?: string;
}

type AppRender = KustomizeAppRender | HelmAppRender | DirectoryAppRender;

export interface GitOpsApp {
  tool: GitOpsTool;
  /** The declaring CR's kind: Kustomization, HelmRelease, Application, ApplicationSet. */
  kind: string;
  /** The app's name (an ApplicationSet's generated Application's name). */
  name: string;
  declared: Declared;
  /** Root id: `flux:<file>#<name>`, `argocd:<file>#<name>` (`.N` for the N-th of several sources). */
  id: string;
  render: AppRender;
  /** Namespace given to namespaced objects that set none (Argo CD destination, a helm release's namespace). */
  defaultNamespace?: string;
  /** Repo files the app reads besides its path or chart: the CR's file, values files, valuesFrom / substituteFrom sources, generator files. */
  deps: string[];
  /** The CR's own namespace (metadata.namespace), as mapped. */
  namespace?: string;
  /** The id of the app whose rendered output this CR was taken from (app of apps, deploy.ts); absent: from its file. */
  deployedBy?: string;
}

/** An app found in the repository that preadmit does not render, and why. */
export interface UnsimulatedApp {
  tool: GitOpsTool;
  kind: string;
  name: string;
  declared: Declared;
  reason: string;
  /** Repo files whose change changes this app (its CR's file at least). */
  deps: string[];
}

/** What scanning the repository for GitOps CRs finds. */
export interface AppScan {
  apps: GitOpsApp[];
  unsimulated: UnsimulatedApp[];
  /** Broken CRs (YAML that does not load, a path leaving the repository...): file and line, the rest still renders. */
  errors: InputError[];
}

export function appId(tool: GitOpsTool, file: string, name: string): string {
  return `${tool}:${file}#${name.replace(/[#/]/g, '_')}`;
}

export function appLabel(a: { tool: GitOpsTool; kind: string; name: string; declared: Declared }): string {
  return `${a.tool === 'flux' ? 'Flux' : 'Argo CD'} ${a.kind} ${a.name} (${a.declared.file}:${a.declared.startLine})`;
}

export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function obj(v: JsonValue | undefined): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

export function arr(v: JsonValue | undefined): JsonValue[] {
  return Array.isArray(v) ? v : [];
}

/** A map of strings (labels, annotations, substitutions); other values are written as YAML would read them. */
export function stringMap(v: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) if (x !== null && typeof x !== 'object') out[k] = String(x);
  return out;
}

/** helm's values merge: maps merge key by key, anything else is replaced. */
export function mergeValues(into: JsonObject, from: JsonObject): JsonObject {
  const out: JsonObject = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    out[k] = isMap(cur) && isMap(v) ? mergeValues(cur, v) : v;
  }
  return out;
}

function isMap(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Sets `a.b.c` (helm `--set` path syntax: dots, `\.` escapes, `[n]` list indexes) to `value` in a copy of `values`.
 * Returns an error text for a path helm would refuse.
 */
export function setPath(values: JsonObject, path: string, value: JsonValue): JsonObject | string {
  const keys: (string | number)[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && i + 1 < path.length) cur += path[++i];
    else if (c === '.') {
      if (cur !== '') keys.push(cur);
      cur = '';
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      const n = Number(path.slice(i + 1, end));
      if (end < 0 || !Number.isInteger(n) || n < 0 || n > 10_000) return `bad list index in '${path}'`;
      if (cur !== '') keys.push(cur);
      cur = '';
      keys.push(n);
      i = end;
    } else cur += c;
  }
  if (cur !== '') keys.push(cur);
  if (keys.length === 0 || typeof keys[0] !== 'string') return `empty or bad path '${path}'`;
  const root: JsonObject = structuredClone(values);
  let node: JsonValue = root;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const last = i === keys.length - 1;
    const nextIsIndex = !last && typeof keys[i + 1] === 'number';
    const container = node as JsonObject & JsonValue[];
    if (last) {
      (container as Record<string | number, JsonValue>)[k] = value;
    } else {
      let child: JsonValue | undefined = (container as Record<string | number, JsonValue>)[k];
      if (child === undefined || child === null || typeof child !== 'object' || Array.isArray(child) !== nextIsIndex) {
        child = nextIsIndex ? [] : {};
        (container as Record<string | number, JsonValue>)[k] = child;
      }
      if (Array.isArray(child)) while (child.length < (keys[i + 1] as number)) child.push(null);
      node = child;
    }
  }
  return root;
}

/** helm `--set` typing: true/false, null, integers; anything else a string (`forceString` keeps it a string). */
export function typedSetValue(raw: string, forceString = false): JsonValue {
  if (forceString) return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d{0,15})$/.test(raw)) return Number(raw);
  return raw;
}

/** Normalized git URL for comparison: no scheme, user, `.git`, trailing slash; scp-like `host:path` as `host/path`. */
export function normalizeRepoURL(url: string): string {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z+]+:\/\//, '').replace(/^[^@/]+@/, '');
  u = u.replace(/^([^/:]+):(?!\d)/, '$1/');
  return u.replace(/\/+$/, '').replace(/\.git$/, '');
}

/**
 * The options of a kustomize app that go into its path's kustomization (Flux's generator, Argo CD's `kustomize edit`):
 * all undefined when the path is built as the repository has it. Flux's commonMetadata and post-build substitution
 * apply to the build's output instead.
 */
export function kustomizeOptions(tool: GitOpsTool, r: KustomizeAppRender): unknown[] {
  return [r.namespace, r.namePrefix, r.nameSuffix, r.patches, r.images, r.components, r.commonLabels, tool === 'argocd' ? r.annotations : undefined];
}

/** Whether an app builds a kustomize root exactly as the repository has it (no option merged, no kustomization generated). */
export function buildsPathAsIs(app: GitOpsApp): boolean {
  const r = app.render;
  return r.type === 'kustomize' && r.generate === undefined && kustomizeOptions(app.tool, r).every((o) => o === undefined);
}
