// Whether text holds Kubernetes objects, decided by decoding it as kubectl would (the engine's loader:
// YAML 1.1 as go-yaml v2 reads it, escapes decoded, merge keys and aliases expanded; JSON as JSON).
import { loadManifestsMemo } from '../gatekeeper/load.ts';
import type { JsonObject, SourcedObject } from '../gatekeeper/types.ts';

export function isKubernetesObject(o: JsonObject): boolean {
  return typeof o.apiVersion === 'string' && o.apiVersion !== '' && typeof o.kind === 'string' && o.kind !== '';
}

/**
 * The Kubernetes objects `text` holds (documents with an apiVersion and a kind), or false when it holds
 * none and loads cleanly. When some document fails to load, the objects found in the others are returned,
 * or 'unreadable' if there are none: whether the broken part holds an object cannot be known.
 */
export function holdsKubernetesObjects(text: string, file: string): SourcedObject[] | 'unreadable' | false {
  const loaded = loadManifestsMemo(text, file, { yamlVersion: '1.1' });
  const objects = loaded.objects.filter((o) => isKubernetesObject(o.object));
  if (objects.length > 0) return objects;
  return loaded.errors.length > 0 ? 'unreadable' : false;
}
