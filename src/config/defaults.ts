// What a repository gets for everything its `.github/preadmit.yml` does not say (or has no file at all).
import { DEFAULT_NAMESPACE } from '../render/namespaces.ts';
import type { BlockingConfig, ClusterConfig, PreadmitConfig } from './types.ts';

export const CONFIG_FILE = '.github/preadmit.yml';
const DEFAULT_CLUSTER_NAME = 'default';
const DEFAULT_ENFORCEMENT_POINT = 'validation.gatekeeper.sh';

/** Every workload kind preadmit knows how to expand to Pods, in the order they are reported. */
export const EXPANDABLE_WORKLOADS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'ReplicationController',
] as const;

export function defaultCluster(name: string = DEFAULT_CLUSTER_NAME): ClusterConfig {
  // kubeVersion: helm's own unless the cluster says (the key is there, unset, so that every cluster key has a default).
  return { name, manifests: ['.'], policies: ['.'], shippedPolicies: false, inventory: [], helmValues: {}, kubeVersion: undefined, apiVersions: [], defaultNamespace: DEFAULT_NAMESPACE, exclude: [] };
}

export function defaultBlocking(): BlockingConfig {
  // Fail closed: a head that does not render or compile blocks, because nothing could be checked.
  return { newDeny: true, newWarn: false, existingViolations: false, errorsAtHead: true, exemptionOutsideAllowList: true, policyRelaxation: true, unsimulated: false };
}

/** The configuration of a repository without `.github/preadmit.yml`. A fresh copy on every call. */
export function defaultConfig(): PreadmitConfig {
  return {
    clusters: [defaultCluster()],
    enforcementPoint: DEFAULT_ENFORCEMENT_POINT,
    blocking: defaultBlocking(),
    exemptions: { allowedNamespaces: undefined },
    expandWorkloads: [...EXPANDABLE_WORKLOADS],
    gitops: { enabled: true, repoURLs: [] },
    chartRepositories: undefined,
  };
}
