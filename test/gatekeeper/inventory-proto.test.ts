// Inventory keys (group/version, kind, namespace, name) come from untrusted manifests: `__proto__` among them
// must be an ordinary key (Go keeps it so), never a way to reach Object.prototype of the process.
import { afterEach, describe, expect, it } from 'vitest';
import { buildInventory, inventoryJson } from '../../src/gatekeeper/inventory.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

const probe = (): unknown => ({} as Record<string, unknown>)['polluted'];

afterEach(() => {
  // Undo any pollution so one failing test does not spill into the others.
  delete (Object.prototype as Record<string, unknown>)['polluted'];
  delete (Object.prototype as Record<string, unknown>)['v1'];
  delete (Object.prototype as Record<string, unknown>)['ConfigMap'];
});

describe('__proto__ keys in the inventory', () => {
  it('an object whose kind is "__proto__" does not pollute Object.prototype through the inventory', () => {
    const objects: JsonObject[] = [
      { apiVersion: 'v1', kind: '__proto__', metadata: { name: 'polluted' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'polluted', namespace: '__proto__' } },
      { apiVersion: '__proto__', kind: 'polluted', metadata: { name: 'x' } },
    ];
    const inventory = buildInventory(objects);
    expect(probe()).toBeUndefined();
    expect(({} as Record<string, unknown>)['v1']).toBeUndefined();
    // Gatekeeper keeps them as ordinary keys of data.inventory.
    expect(inventoryJson(inventory)).toBe(
      '{"cluster":{"v1":{"__proto__":{"polluted":{"apiVersion":"v1","kind":"__proto__","metadata":{"name":"polluted"}}}},' +
        '"__proto__":{"polluted":{"x":{"apiVersion":"__proto__","kind":"polluted","metadata":{"name":"x"}}}}},' +
        '"namespace":{"__proto__":{"v1":{"ConfigMap":{"polluted":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"polluted","namespace":"__proto__"}}}}}}}',
    );
  });
});
