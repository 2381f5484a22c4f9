// Keys named `__proto__` in untrusted manifests are kept as plain keys (Go's decoders keep them), and never set an
// object's prototype.
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/gatekeeper/load.ts';

describe('__proto__ keys in manifests', () => {
  it('YAML: a ConfigMap data key "__proto__" is kept as a key, and sets no prototype', () => {
    const r = loadManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  __proto__: {z: "1"}\n  ok: "2"\n', 'cm.yaml', { yamlVersion: '1.1' });
    expect(r.errors).toEqual([]);
    const data = r.objects[0]!.object.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect((data as { z?: unknown }).z).toBeUndefined();
    expect(JSON.stringify(r.objects[0]!.object)).toBe('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"__proto__":{"z":"1"},"ok":"2"}}');
  });

  it('JSON: a "__proto__" key is kept as a key', () => {
    const r = loadManifests('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"__proto__":"x"}}', 'cm.json');
    expect(r.errors).toEqual([]);
    expect(JSON.stringify(r.objects[0]!.object.data)).toBe('{"__proto__":"x"}');
  });

});
