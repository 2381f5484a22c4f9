// `data.inventory` in Gatekeeper's layout, built from supplied objects.
import { groupVersion, gvkOf, nameOf, namespaceOf } from './classify.ts';
import { goFloatJsonMemo } from './go-json.ts';
import type { JsonObject } from './types.ts';

export interface Inventory {
  cluster: Record<string, Record<string, Record<string, JsonObject>>>;
  namespace: Record<string, Record<string, Record<string, Record<string, JsonObject>>>>;
}

/**
 * cluster-scoped (no metadata.namespace): cluster[groupVersion][kind][name];
 * namespaced: namespace[ns][groupVersion][kind][name]. Objects without a version or kind are left out,
 * as Gatekeeper rejects them. A later object with the same key replaces an earlier one.
 */
export function buildInventory(objects: Iterable<JsonObject>): Inventory {
  const inventory: Inventory = { cluster: {}, namespace: {} };
  for (const object of objects) {
    const gvk = gvkOf(object);
    if (gvk.version === '' || gvk.kind === '') continue;
    const gv = groupVersion(gvk);
    const name = nameOf(object);
    const ns = namespaceOf(object);
    if (ns === '') {
      setKey(child(child(inventory.cluster, gv), gvk.kind), name, object);
    } else {
      setKey(child(child(child(inventory.namespace, ns), gv), gvk.kind), name, object);
    }
  }
  return inventory;
}

// Keys come from untrusted objects: `__proto__` (or `constructor`) must be an ordinary key, never a way to
// Object.prototype.
function child<T>(node: Record<string, T>, key: string): T {
  if (!Object.hasOwn(node, key)) setKey(node, key, {} as T);
  return node[key]!;
}

function setKey<T>(node: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The inventory as JSON text with Go's float numbers; each object's text comes from the memo. */
export function inventoryJson(inventory: Inventory): string {
  const level = (node: object, depth: number): string => {
    const parts = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${depth === 0 ? goFloatJsonMemo(v as JsonObject) : level(v as object, depth - 1)}`);
    return `{${parts.join(',')}}`;
  };
  // cluster: gv → kind → name → object; namespace: ns → gv → kind → name → object.
  return `{"cluster":${level(inventory.cluster, 2)},"namespace":${level(inventory.namespace, 3)}}`;
}
