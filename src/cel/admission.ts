// What Gatekeeper's K8sNativeValidation driver binds for one review (pkg/drivers/k8scel Query, on the
// apiserver's CEL activation), made from `input.review` as a Rego template receives it: the AdmissionRequest's
// members plus `namespaceObject`. The evaluation worker builds them from the review's JSON text, so CEL and
// Rego templates see one and the same review.
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';

export interface CelReviewBindings {
  object: JsonValue;
  oldObject: JsonValue;
  request: JsonObject;
  namespaceObject: JsonValue;
}

/** The bindings of `input.review` (request members and `namespaceObject`). */
export function celReviewBindings(review: JsonObject): CelReviewBindings {
  const operation = typeof review.operation === 'string' ? review.operation : '';
  const namespaceObject = isJsonObject(review.namespaceObject) ? review.namespaceObject : {};
  return {
    // The driver clears Object on DELETE (variables.anyObject then falls back to oldObject).
    object: operation === 'DELETE' ? null : (review.object ?? null),
    oldObject: review.oldObject ?? null,
    request: celRequest(review, operation),
    // What the review carries as its namespaceObject (Rego's too): none in gator and audit.
    namespaceObject: Object.keys(namespaceObject).length === 0 ? null : celNamespaceObject(namespaceObject),
  };
}

/**
 * CEL's `request` (apiserver cel.CreateAdmissionRequest, converted to unstructured): the request's
 * identity, operation and user, never its objects.
 */
function celRequest(r: JsonObject, operation: string): JsonObject {
  const gvk = isJsonObject(r.kind) ? r.kind : { group: '', version: '', kind: '' };
  const gvr = isJsonObject(r.resource) ? r.resource : { group: '', version: '', resource: '' };
  const out: JsonObject = {
    kind: { group: gvk.group ?? '', version: gvk.version ?? '', kind: gvk.kind ?? '' },
    resource: { group: gvr.group ?? '', version: gvr.version ?? '', resource: gvr.resource ?? '' },
    requestKind: { group: gvk.group ?? '', version: gvk.version ?? '', kind: gvk.kind ?? '' },
    requestResource: { group: gvr.group ?? '', version: gvr.version ?? '', resource: gvr.resource ?? '' },
  };
  if (typeof r.subResource === 'string' && r.subResource !== '') {
    out.subResource = r.subResource;
    out.requestSubResource = r.subResource;
  }
  if (typeof r.name === 'string' && r.name !== '') out.name = r.name;
  if (typeof r.namespace === 'string' && r.namespace !== '') out.namespace = r.namespace;
  out.operation = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'].includes(operation) ? operation : '';
  const user = isJsonObject(r.userInfo) ? r.userInfo : {};
  const userInfo: JsonObject = {};
  for (const key of ['username', 'uid', 'groups', 'extra'] as const) {
    const v = user[key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isJsonObject(v) && Object.keys(v).length === 0)) continue;
    userInfo[key] = v;
  }
  out.userInfo = userInfo;
  out.dryRun = r.dryRun === true;
  out.options = isJsonObject(r.options) ? r.options : null;
  return out;
}

/** The Namespace as Kubernetes exposes it to CEL (cel.CreateNamespaceObject): metadata, spec, status. */
function celNamespaceObject(ns: JsonObject): JsonObject {
  const meta = isJsonObject(ns.metadata) ? ns.metadata : {};
  const keep = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'finalizers'];
  const metadata: JsonObject = {};
  for (const k of keep) if (meta[k] !== undefined) metadata[k] = meta[k]!;
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  return { metadata, spec: isJsonObject(ns.spec) ? ns.spec : {}, status: isJsonObject(ns.status) ? ns.status : {} };
}

function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
