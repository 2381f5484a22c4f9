// Nesting depth of untrusted manifests: a bounded error value naming the file and line, never a thrown RangeError.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, loadManifests } from '../../src/gatekeeper/load.ts';

const nestedJson = (n: number) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"x":${'['.repeat(n)}1${']'.repeat(n)}}}`;

describe('deeply nested manifests', () => {
  it('a JSON document nested 50,000 levels deep is an error, and the next document still loads', () => {
    const r = loadManifests(`${nestedJson(50_000)}\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}`, 'deep.json');
    expect(r.errors.map((e) => e.message)).toEqual([`deep.json:1: the document nests more than ${MAX_NESTING_DEPTH} levels deep`]);
    expect(r.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['b']);
  });

  it('depth up to the limit loads', () => {
    // The document and `data` are two levels; the list levels fill the rest.
    const r = loadManifests(nestedJson(MAX_NESTING_DEPTH - 2), 'ok.json');
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
    expect(loadManifests(nestedJson(MAX_NESTING_DEPTH - 1), 'no.json').errors).toHaveLength(1);
  });
});
