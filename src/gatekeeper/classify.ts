// Which role a Kubernetes object plays for Gatekeeper, decided by group/version/kind alone.
import type { GroupVersionKind, JsonObject, ObjectClass } from './types.ts';

export function gvkOf(object: JsonObject): GroupVersionKind {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion, kind }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

export function isTemplate(gvk: GroupVersionKind): boolean {
  return gvk.group === 'templates.gatekeeper.sh' && gvk.kind === 'ConstraintTemplate';
}

export function isConstraint(gvk: GroupVersionKind): boolean {
  return gvk.group === 'constraints.gatekeeper.sh';
}

function isConfig(gvk: GroupVersionKind): boolean {
  return gvk.group === 'config.gatekeeper.sh' && gvk.kind === 'Config';
}

function isExpansionTemplate(gvk: GroupVersionKind): boolean {
  return gvk.group === 'expansion.gatekeeper.sh' && gvk.kind === 'ExpansionTemplate';
}

function isMutator(gvk: GroupVersionKind): boolean {
  return gvk.group === 'mutations.gatekeeper.sh';
}

function isSuite(gvk: GroupVersionKind): boolean {
  return gvk.group === 'test.gatekeeper.sh' && gvk.kind === 'Suite';
}

function isAdmissionReview(gvk: GroupVersionKind): boolean {
  return gvk.group === 'admission.k8s.io' && gvk.kind === 'AdmissionReview';
}

export function isNamespace(gvk: GroupVersionKind): boolean {
  return gvk.group === '' && gvk.kind === 'Namespace';
}

export function classify(object: JsonObject): ObjectClass {
  const gvk = gvkOf(object);
  if (isTemplate(gvk)) return 'ConstraintTemplate';
  if (isConstraint(gvk)) return 'Constraint';
  if (isConfig(gvk)) return 'Config';
  if (isExpansionTemplate(gvk)) return 'ExpansionTemplate';
  if (isMutator(gvk)) return 'Mutator';
  if (isSuite(gvk)) return 'Suite';
  if (isAdmissionReview(gvk)) return 'AdmissionReview';
  if (isNamespace(gvk)) return 'Namespace';
  return 'Object';
}

/** `v1` for the core group, `apps/v1` otherwise: the key Gatekeeper's inventory uses. */
export function groupVersion(gvk: GroupVersionKind): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

export function metadataOf(object: JsonObject): JsonObject {
  const m = object.metadata;
  return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : {};
}

export function nameOf(object: JsonObject): string {
  const n = metadataOf(object).name;
  return typeof n === 'string' ? n : '';
}

export function namespaceOf(object: JsonObject): string {
  const n = metadataOf(object).namespace;
  return typeof n === 'string' ? n : '';
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
