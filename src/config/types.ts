// The repository configuration, `.github/preadmit.yml`, after validation and defaults.

export interface ClusterConfig {
  name: string;
  /** Manifest roots (files or directories, repo-relative). Default: the whole repository. */
  manifests: string[];
  /** Paths whose templates and constraints apply. Default: the whole repository. */
  policies: string[];
  /** Also apply preadmit's shipped policy library (`policies/` of preadmit). */
  shippedPolicies: boolean;
  /** Files whose objects are `data.inventory` (and Namespaces) for referential constraints. */
  inventory: string[];
  /** Helm: values files per chart directory, applied in order. */
  helmValues: Record<string, string[]>;
  /** The cluster's Kubernetes version for every helm render (`--kube-version`); undefined: helm's own. */
  kubeVersion?: string | undefined;
  /** API versions the cluster serves besides Kubernetes' and Gatekeeper's, for every helm render (`--api-versions`). */
  apiVersions: string[];
  /** The namespace applies default to (kubectl's, helm's context namespace): where namespaced objects naming none are reviewed. */
  defaultNamespace: string;
  /** Paths never rendered or reviewed (globs). */
  exclude: string[];
}

export interface BlockingConfig {
  newDeny: boolean;
  newWarn: boolean;
  existingViolations: boolean;
  errorsAtHead: boolean;
  exemptionOutsideAllowList: boolean;
  /** A policy relaxation in the change (enforcement weakened, policy removed, match narrowed, exemption added...). */
  policyRelaxation: boolean;
  /** A GitOps app or root the change touches that preadmit does not simulate (remote source, jsonnet...). Default false: listed in Coverage. */
  unsimulated: boolean;
}

export interface PreadmitConfig {
  clusters: ClusterConfig[];
  /** validation.gatekeeper.sh (the admission webhook, default) or another enforcement point. */
  enforcementPoint: string;
  blocking: BlockingConfig;
  exemptions: {
    /** Namespace globs that may ever be excluded. Undefined: no governance (any exemption is allowed). */
    allowedNamespaces: string[] | undefined;
  };
  /** Workload kinds expanded to pods when the repository has no ExpansionTemplate of its own. */
  expandWorkloads: string[];
  /** GitOps apps: URLs that name this repository (Flux GitRepository `url`, Argo CD `repoURL`); empty: every git source is this one. */
  gitops: { enabled: boolean; repoURLs: string[] };
  /**
   * Helm chart repositories (URLs or URL prefixes) remote charts may be fetched from. Only narrows the operator's
   * `PREADMIT_CHART_REPOSITORIES` (read from the default branch, never the pull request); undefined: the operator's list.
   */
  chartRepositories: string[] | undefined;
}
