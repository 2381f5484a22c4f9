// The namespace the API server files a namespaced object under when its manifest names none. The apply names one
// (kubectl and helm: the context's namespace, `default` unless configured; a helm release's namespace; Argo CD's
// destination namespace; a Flux Kustomization's targetNamespace) and the API server writes it into
// `metadata.namespace` before admission: Gatekeeper's review has `request.namespace`, the object's namespace and the
// Namespace object for matching. Cluster-scoped objects get none. A Flux Kustomization without a targetNamespace
// names none at all: kustomize-controller's server-side apply fails ("namespace not specified", fluxcd/pkg ssa), so
// such objects never reach admission (`unplaced`).
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';

/** The namespace of a cluster whose configuration names none (`clusters[].defaultNamespace`): kubectl's. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * Kinds that are cluster-scoped, by API group (`''`: the core group). Any other kind is taken as namespaced unless a
 * CustomResourceDefinition among the same render's objects says `scope: Cluster`; a group listed with `*` is
 * cluster-scoped whatever the kind (Gatekeeper constraints).
 */
const CLUSTER_SCOPED: Record<string, readonly string[]> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': [
    'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  ],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'scheduling.k8s.io': ['PriorityClass'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  'node.k8s.io': ['RuntimeClass'],
  'policy': ['PodSecurityPolicy'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'snapshot.storage.k8s.io': ['VolumeSnapshotClass', 'VolumeSnapshotContent'],
  'gateway.networking.k8s.io': ['GatewayClass'],
  // Gatekeeper: templates, constraints, mutators, expansion, external data, sync sets (its Config is namespaced).
  'templates.gatekeeper.sh': ['ConstraintTemplate'],
  'constraints.gatekeeper.sh': ['*'],
  'mutations.gatekeeper.sh': ['Assign', 'AssignMetadata', 'ModifySet', 'AssignImage'],
  'expansion.gatekeeper.sh': ['ExpansionTemplate'],
  'externaldata.gatekeeper.sh': ['Provider'],
  'syncset.gatekeeper.sh': ['SyncSet'],
  // Common add-ons whose cluster-wide kinds appear in GitOps repositories.
  'cert-manager.io': ['ClusterIssuer'],
  'kyverno.io': ['ClusterPolicy', 'ClusterCleanupPolicy'],
  'external-secrets.io': ['ClusterSecretStore', 'ClusterExternalSecret'],
  'crd.projectcalico.org': ['GlobalNetworkPolicy', 'GlobalNetworkSet', 'ClusterInformation', 'FelixConfiguration', 'BGPConfiguration', 'IPPool'],
  'cilium.io': ['CiliumClusterwideNetworkPolicy'],
  'karpenter.sh': ['NodePool', 'NodeClaim'],
  'karpenter.k8s.aws': ['EC2NodeClass'],
  'pkg.crossplane.io': ['Provider', 'Configuration', 'Function'],
  'apiextensions.crossplane.io': ['CompositeResourceDefinition', 'Composition'],
};

function groupOf(apiVersion: JsonValue | undefined): string {
  return typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

function isMap(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `group/Kind` → scope, from the CustomResourceDefinitions among `objects`. */
function crdScopes(objects: readonly JsonObject[]): Map<string, 'Cluster' | 'Namespaced'> {
  const out = new Map<string, 'Cluster' | 'Namespaced'>();
  for (const o of objects) {
    if (o.kind !== 'CustomResourceDefinition' || groupOf(o.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = isMap(o.spec) ? o.spec : {};
    const names = isMap(spec.names) ? spec.names : {};
    if (typeof spec.group !== 'string' || typeof names.kind !== 'string') continue;
    if (spec.scope === 'Cluster' || spec.scope === 'Namespaced') out.set(`${spec.group}/${names.kind}`, spec.scope);
  }
  return out;
}

/** Whether the API server keeps this object outside namespaces (known kinds, or a CRD of `crds` saying so). */
function isClusterScoped(o: JsonObject, crds?: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): boolean {
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const group = groupOf(o.apiVersion);
  const crd = crds?.get(`${group}/${kind}`);
  if (crd !== undefined) return crd === 'Cluster';
  const known = CLUSTER_SCOPED[group];
  return known !== undefined && (known.includes(kind) || known.includes('*'));
}

function hasNamespace(o: JsonObject): boolean {
  const meta = isMap(o.metadata) ? o.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace !== '';
}

/**
 * Namespaced objects among `objects` that name no namespace are placed in `namespace`, as the API server files
 * them (in place). The scope of custom kinds is read from the CRDs among the same objects.
 */
export function placeInNamespace(objects: readonly JsonObject[], namespace: string): void {
  const crds = crdScopes(objects);
  for (const o of objects) {
    if (hasNamespace(o) || isClusterScoped(o, crds)) continue;
    o.metadata = { ...(isMap(o.metadata) ? o.metadata : {}), namespace };
  }
}

/** The namespaced objects among `objects` that name no namespace (an apply that names none cannot place them). */
export function unplaced<T extends { object: JsonObject }>(objects: readonly T[]): T[] {
  const crds = crdScopes(objects.map((o) => o.object));
  return objects.filter((o) => !hasNamespace(o.object) && !isClusterScoped(o.object, crds));
}
