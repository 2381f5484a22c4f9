// Stable identities: of objects across refs, and of violations across base and head.
import { createHash } from 'node:crypto';
import { gvkOf, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import type { JsonObject } from '../gatekeeper/types.ts';
import type { ObjectRef } from './types.ts';

export function objectRef(object: JsonObject): ObjectRef {
  const gvk = gvkOf(object);
  return { group: gvk.group, version: gvk.version, kind: gvk.kind, namespace: namespaceOf(object), name: nameOf(object) };
}

/** Group, kind, namespace and name: the version is left out, so `apps/v1beta2` → `apps/v1` is the same object. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** `Kind ns/name` (or `Kind name` for cluster-scoped objects), for people. */
export function describeObject(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace !== '' ? `${ref.namespace}/` : ''}${ref.name}`;
}

export function findingId(cluster: string, constraintKind: string, constraintName: string, object: ObjectRef, message: string): string {
  const key = [cluster, constraintKind, constraintName, object.group, object.kind, object.namespace, object.name, message].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Canonical texts of objects already seen (objects are not modified once rendered). */
const canonicalMemo = new WeakMap<object, string>();

/** Canonical JSON (sorted keys), to compare objects regardless of key order or formatting. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const known = canonicalMemo.get(value);
  if (known !== undefined) return known;
  const text = canonicalText(value);
  canonicalMemo.set(value, text);
  return text;
}

/** Only the object asked about is remembered, not each of its parts (their texts would pile up). */
function canonicalText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalText(o[k])}`)
    .join(',')}}`;
}
