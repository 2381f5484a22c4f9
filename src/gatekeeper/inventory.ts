// `data.inventory` in Gatekeeper's layout, built from supplied objects.
import { groupVersion, gvkOf, nameOf, namespaceOf } from './classify.ts';
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
      ((inventory.cluster[gv] ??= {})[gvk.kind] ??= {})[name] = object;
    } else {
      (((inventory.namespace[ns] ??= {})[gv] ??= {})[gvk.kind] ??= {})[name] = object;
    }
  }
  return inventory;
}
