// What rendering takes and gives: roots to render, objects that remember where in the repository they came from.
import type { InputError, SourcedObject } from '../gatekeeper/types.ts';
import type { GitOpsApp } from './gitops/model.ts';

export type RootKind = 'plain' | 'kustomize' | 'helm';

/**
 * Something that renders on its own into objects: a plain manifest file, a kustomization directory
 * (an overlay no other kustomization includes), or one release of a helm chart.
 */
export interface RenderRoot {
  kind: RootKind;
  /** Repo-relative: the file for plain, the directory for kustomize and helm. */
  path: string;
  /** helm: the release name (`helm template <release>`); defaults to the chart directory's name. */
  release?: string;
  /** helm: repo-relative values files, in `-f` order. */
  valuesFiles?: string[];
  /** helm: `--namespace`. */
  namespace?: string;
  /** Set for a GitOps app's root (Flux, Argo CD): rendered with the CR's options (gitops/render.ts). */
  app?: GitOpsApp;
}

/** An object to review; `source` points into the repository, `root` names the root that produced it. */
export interface RenderedObject extends SourcedObject {
  root: string;
}

export interface RenderResult {
  objects: RenderedObject[];
  /** kind 'render'; `source` is the root, or the offending file and line when one is known. */
  errors: InputError[];
}

/** One helm release of a discovered chart. */
export interface HelmRelease {
  release: string;
  valuesFiles?: string[];
  namespace?: string;
}

export interface RenderOptions {
  /** Render exactly these roots instead of discovering them. */
  roots?: RenderRoot[];
  /**
   * Releases per discovered chart directory (repo-relative). A chart without an entry renders once,
   * as a release named after its directory, with its own values.yaml only.
   */
  helmReleases?: Record<string, HelmRelease[]>;
  /**
   * Shorthand for one release per chart: values files per chart directory, in order (the repo
   * config's `helmValues`). `helmReleases` wins for a chart named in both.
   */
  helmValues?: Record<string, string[]>;
  /** Discover roots only at or below these repo-relative paths (the config's `manifests`). Default: everywhere. */
  paths?: string[];
  /** Globs (`*`, `**`, `?`, `{a,b}`) of repo paths that are neither roots nor plain manifests. */
  exclude?: string[];
  /** Per renderer process. Default 60 000 ms. */
  timeoutMs?: number;
  /** Per renderer process, stdout plus stderr. Default 64 MiB. */
  maxOutputBytes?: number;
  /** Per renderer process: its data segment (RLIMIT_DATA, a Go tool's heap). Default 1 GiB. */
  memoryBytes?: number;
  /**
   * Time for every render of one check together (both refs, every cluster): pass the same budget to each
   * `renderRef`. Roots not started when it is spent are not rendered (an error each, and `failClosed`),
   * and a tool still running is stopped. Default: a budget of `budgetMs` starting with this call.
   */
  budget?: RenderBudget;
  /** The budget's length when `budget` is not given. Default 60 000 ms. */
  budgetMs?: number;
  /** Renderer processes run at once. Default: the machine's available parallelism. */
  concurrency?: number;
  /**
   * 'jail' (default): kustomize and helm run only in the filesystem jail; where it cannot be made, they do
   * not run (an error per root, and `failClosed`). 'unsafe-none': they run on the host (`--unsafe-no-sandbox`);
   * ignored when NODE_ENV=production.
   */
  sandbox?: 'jail' | 'unsafe-none';
  /** Unjailed runs only: set false to skip the network namespace even where the kernel offers one. */
  isolateNetwork?: boolean;
  /**
   * GitOps apps (Flux Kustomization/HelmRelease, Argo CD Application/ApplicationSet): `repoURLs` name this
   * repository (empty: every git source is taken as this one); `enabled: false` turns app discovery off.
   */
  gitops?: { enabled?: boolean; repoURLs?: string[] };
  /**
   * Remote helm charts (Flux HelmRepository, Argo CD helm repoURL): `repositories` narrows the operator's
   * `PREADMIT_CHART_REPOSITORIES` (the config's `chartRepositories`, default branch only); `cacheDir` holds
   * fetched charts by digest (default: the preadmit cache directory). Nothing allowed: remote charts are not simulated.
   */
  charts?: { repositories?: string[] | undefined; cacheDir?: string };
  /**
   * The cluster's Kubernetes version for every helm render (`helm template --kube-version`, kustomize's
   * `--helm-kube-version`): what `.Capabilities.KubeVersion` says. Default: helm's own (the Kubernetes it was built for).
   */
  kubeVersion?: string;
  /**
   * API versions the cluster serves besides Kubernetes' own and Gatekeeper's (`--api-versions`, kustomize's
   * `--helm-api-versions`): `group/version` or `group/version/Kind`, what `.Capabilities.APIVersions.Has` finds.
   */
  apiVersions?: string[];
  /**
   * The namespace the cluster's applies default to (`kubectl apply`'s and `helm install`'s context namespace, the
   * config's `clusters[].defaultNamespace`): namespaced objects that name none, outside an app that names one, are
   * reviewed there, as the API server files them before admission. Default `default`.
   */
  defaultNamespace?: string;
}

/** A deadline shared by the renders of one check. */
export interface RenderBudget {
  ms: number;
  /** Epoch milliseconds. */
  deadline: number;
  /**
   * The check's cancellation (a timed-out or superseded job, the CLI's SIGINT): when it aborts, running tools are
   * killed, remote chart fetches stopped and `renderRef` rejects with `AbortError` (util/abort.ts).
   */
  signal?: AbortSignal;
}

export function renderBudget(ms: number = DEFAULT_RENDER_BUDGET_MS, signal?: AbortSignal): RenderBudget {
  return { ms, deadline: Date.now() + ms, ...(signal !== undefined ? { signal } : {}) };
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024;
const DEFAULT_RENDER_BUDGET_MS = 60_000;
