import { describe, expect, it } from 'vitest';
import { goFloatJson } from '../../src/gatekeeper/go-json.ts';
import { buildInventory, inventoryJson } from '../../src/gatekeeper/inventory.ts';
import type { JsonObject, JsonValue } from '../../src/gatekeeper/types.ts';

describe('gatekeeper/inventory', () => {
  const objects: JsonObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { tier: 'gold' } } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { replicas: 1000000 } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'prod' } },
    { apiVersion: 'v1', kind: 'Pod' }, // no name: still keyed (by "")
    { kind: 'NoVersion', metadata: { name: 'x' } }, // left out, as Gatekeeper rejects it
  ];

  it("lays objects out as Gatekeeper's data.inventory", () => {
    const inv = buildInventory(objects);
    expect(Object.keys(inv.cluster)).toEqual(['v1']);
    expect(Object.keys(inv.cluster.v1!)).toEqual(['Namespace', 'Pod']);
    expect(inv.namespace.prod!['apps/v1']!.Deployment!.web).toBe(objects[1]);
    expect(inv.namespace.prod!.v1!.ConfigMap!.c).toBe(objects[2]);
  });

  it('writes the same JSON text as the general Go-float writer, numbers as Go floats', () => {
    const inv = buildInventory(objects);
    const text = inventoryJson(inv);
    expect(text).toBe(goFloatJson(inv as unknown as JsonValue));
    expect(text).toContain('"replicas":1e+06');
  });
});
