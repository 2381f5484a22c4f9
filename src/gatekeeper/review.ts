// What a ConstraintTemplate sees as `input.review`, for each way Gatekeeper reviews an object.
import { gvkOf, isNamespace, isObject, nameOf, namespaceOf } from './classify.ts';
import { goFloatJson, goFloatJsonMemo } from './go-json.ts';
import type { JsonObject, JsonValue } from './types.ts';

export type ReviewSource = 'Original' | 'Generated';

/** One admission review, ready to match and evaluate. */
export interface Review {
  /** `input.review` without `namespaceObject` (an AdmissionRequest as Gatekeeper serialises it). */
  request: JsonObject;
  /** The object matched against constraints and, in gator, reported as the violating object. */
  object: JsonObject | null;
  oldObject: JsonObject | null;
  /** The Namespace object supplied with the review, for matching (null: Go nil, the cache is asked). */
  namespace: JsonObject | null;
  /** `input.review.namespaceObject`: the supplied Namespace, or `{}` (a nil map in Gatekeeper). */
  namespaceObject: JsonObject;
  source: ReviewSource;
  operation: string;
}

const EMPTY_GVR = { group: '', version: '', resource: '' };

/**
 * A plain object reviewed as `gator test`, `gator verify` and audit do: an AdmissionRequest built from the
 * object alone (`operation: ""`, no oldObject, empty userInfo). The webhook reviews expanded resources the
 * same way, with the parent request's operation (`createReviewForResultant`).
 */
export function reviewPlainObject(
  object: JsonObject,
  options: { namespace?: JsonObject | null; source?: ReviewSource; operation?: string; namespaceObject?: JsonObject } = {},
): Review {
  const gvk = gvkOf(object);
  const request: JsonObject = {
    uid: '',
    kind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    resource: { ...EMPTY_GVR },
    operation: options.operation ?? '',
    userInfo: {},
    object,
    oldObject: null,
    options: null,
  };
  const name = nameOf(object);
  if (name !== '') request.name = name;
  const namespace = namespaceOf(object);
  if (namespace !== '') request.namespace = namespace;
  return {
    request,
    object,
    oldObject: null,
    namespace: options.namespace ?? null,
    namespaceObject: options.namespaceObject ?? {},
    source: options.source ?? 'Original',
    operation: options.operation ?? '',
  };
}

export interface WebhookReviewOptions {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  oldObject?: JsonObject | null;
  /** The object's Namespace as the cluster would have it, if known. */
  namespace?: JsonObject | null;
  userInfo?: JsonObject;
  source?: ReviewSource;
}

/**
 * A review as the validating admission webhook builds it from an API-server request: a real operation,
 * `oldObject` on UPDATE, and the Namespace object attached for namespaced objects. The uid is fixed and the
 * resource is derived from the kind by Kubernetes' default pluralisation (no discovery is available offline).
 */
export function reviewAdmission(object: JsonObject, options: WebhookReviewOptions): Review {
  const gvk = gvkOf(object);
  const isNs = isNamespace(gvk);
  const resource = { group: gvk.group, version: gvk.version, resource: pluralise(gvk.kind) };
  const request: JsonObject = {
    uid: '00000000-0000-0000-0000-000000000000',
    kind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    resource,
    requestKind: { group: gvk.group, version: gvk.version, kind: gvk.kind },
    requestResource: resource,
    operation: options.operation,
    userInfo: options.userInfo ?? {},
    object: options.operation === 'DELETE' ? (options.oldObject ?? object) : object,
    oldObject: options.operation === 'CREATE' ? null : (options.oldObject ?? null),
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: `${titleCase(options.operation)}Options` },
  };
  const name = nameOf(object);
  if (name !== '') request.name = name;
  const namespace = isNs ? '' : namespaceOf(object);
  if (namespace !== '') request.namespace = namespace;
  const ns = namespace !== '' ? (options.namespace ?? null) : null;
  return {
    request,
    object: request.object as JsonObject,
    oldObject: request.oldObject as JsonObject | null,
    namespace: ns,
    namespaceObject: ns ?? {},
    source: options.source ?? 'Original',
    operation: options.operation,
  };
}

/**
 * An `AdmissionReview` file reviewed as `gator verify` does: the request as given (kind included only if
 * written), `object` copied from `oldObject` on DELETE.
 */
export function reviewAdmissionRequest(admissionReview: JsonObject): Review | { error: string } {
  const request = admissionReview.request;
  if (!isObject(request)) return { error: 'AdmissionReview has no request' };
  const object = isObject(request.object) ? request.object : null;
  const oldObject = isObject(request.oldObject) ? request.oldObject : null;
  const operation = typeof request.operation === 'string' ? request.operation : '';
  if (object === null && oldObject === null) {
    return { error: 'no object or oldObject found to review' };
  }
  if (operation === 'DELETE' && oldObject === null) {
    return { error: 'oldObject cannot be nil for DELETE operations' };
  }
  const reviewed = operation === 'DELETE' ? oldObject : object;
  const normalised: JsonObject = {
    uid: typeof request.uid === 'string' ? request.uid : '',
    kind: gvkField(request.kind, 'kind'),
    resource: gvkField(request.resource, 'resource'),
    operation,
    userInfo: isObject(request.userInfo) ? request.userInfo : {},
    object: reviewed,
    oldObject,
    options: request.options ?? null,
  };
  for (const key of ['subResource', 'requestSubResource', 'name', 'namespace'] as const) {
    const v = request[key];
    if (typeof v === 'string' && v !== '') normalised[key] = v;
  }
  for (const key of ['requestKind', 'requestResource'] as const) {
    if (isObject(request[key])) normalised[key] = gvkField(request[key], key === 'requestKind' ? 'kind' : 'resource');
  }
  if (typeof request.dryRun === 'boolean') normalised.dryRun = request.dryRun;
  return {
    request: normalised,
    object: reviewed,
    oldObject,
    namespace: null,
    namespaceObject: {},
    source: 'Original',
    operation,
  };
}

function gvkField(v: JsonValue | undefined, last: 'kind' | 'resource'): JsonObject {
  const o = isObject(v) ? v : {};
  const s = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
  return last === 'kind' ? { group: s('group'), version: s('version'), kind: s('kind') } : { group: s('group'), version: s('version'), resource: s('resource') };
}

function titleCase(op: string): string {
  return op.charAt(0) + op.slice(1).toLowerCase();
}

/** Kubernetes' default REST mapper pluralisation of a kind. */
function pluralise(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === '') return '';
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/**
 * `input.review` exactly as the template receives it (the request plus `namespaceObject`), as JSON text
 * with Go's float numbers (see go-json.ts). The reviewed objects are written through a memo: they are not
 * modified, and the same object is often reviewed more than once.
 */
export function reviewInputJson(review: Review): string {
  const parts: string[] = [];
  for (const [k, v] of [...Object.entries(review.request), ['namespaceObject', review.namespaceObject] as const]) {
    const big = k === 'object' || k === 'oldObject' || k === 'namespaceObject';
    parts.push(`${JSON.stringify(k)}:${big ? goFloatJsonMemo(v) : goFloatJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}
