import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/gatekeeper/load.ts';

describe('gatekeeper/load', () => {
  it('keeps each document with its line range', () => {
    const text = ['# leading comment', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: a', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', ''].join('\n');
    const r = loadManifests(text, 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.source)).toEqual([
      { file: 'x.yaml', startLine: 2, endLine: 5 },
      { file: 'x.yaml', startLine: 7, endLine: 10 },
    ]);
  });

  it('reports a malformed document by line and still loads the others', () => {
    const text = ['kind: A', '---', 'kind: [unclosed', '---', 'kind: C'].join('\n');
    const r = loadManifests(text, 'bad.yaml');
    expect(r.objects.map((o) => o.object.kind)).toEqual(['A', 'C']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^bad\.yaml:3: invalid YAML/);
  });

  it('keeps `__proto__` and other keys as ordinary own keys, in order', () => {
    for (const [text, file] of [
      ['kind: A\nmetadata:\n  __proto__: {polluted: true}\n  name: a\n  "1": one\n', 'p.yaml'],
      ['{"kind": "A", "metadata": {"__proto__": {"polluted": true}, "name": "a", "1": "one"}}', 'p.json'],
    ] as const) {
      const r = loadManifests(text, file);
      expect(r.errors).toEqual([]);
      const metadata = r.objects[0]!.object.metadata as Record<string, unknown>;
      expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
      expect(Object.keys(metadata)).toEqual(['1', '__proto__', 'name']);
      expect(Object.getOwnPropertyDescriptor(metadata, '__proto__')?.value).toEqual({ polluted: true });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses non-objects, naming the line', () => {
    const r = loadManifests('- a\n- b\n---\nplain\n---\nkind: ok\n', 'n.yaml');
    expect(r.objects).toHaveLength(1);
    expect(r.errors.map((e) => e.message)).toEqual(['n.yaml:1: document is a list, not an object', 'n.yaml:4: document is a string, not an object']);
  });

  it('survives an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    const r = loadManifests(`${bomb}\n---\nkind: after\n`, 'bomb.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^bomb\.yaml:1: invalid YAML: .*alias/i);
    expect(r.objects.map((o) => o.object.kind)).toEqual(['after']);
  });

  it('refuses files over the size cap', () => {
    const r = loadManifests('kind: A\n'.repeat(100), 'big.yaml', { maxBytes: 100 });
    expect(r.objects).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/^big\.yaml: file is 800 bytes, over the 100-byte limit/);
  });

  it('rejects duplicate keys as go-yaml v3 does, and lets the last win as go-yaml v2 does', () => {
    const r = loadManifests('kind: A\nkind: B\n', 'dup.yaml', { yamlVersion: '1.2' });
    expect(r.objects).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/^dup\.yaml:2: invalid YAML/);
    expect(loadManifests('kind: A\nkind: B\ny: 1\ntrue: 2\n', 'dup.yaml', { yamlVersion: '1.1' }).objects[0]!.object).toEqual({ kind: 'B', true: 2 });
  });

  it('reads JSON object streams with lines', () => {
    const r = loadManifests('{"kind": "A"}\n\n{\n  "kind": "B"\n}\n', 's.json');
    expect(r.objects.map((o) => [o.object.kind, o.source.startLine, o.source.endLine])).toEqual([
      ['A', 1, 1],
      ['B', 3, 5],
    ]);
  });

  it('parses YAML 1.1 scalars as Kubernetes tooling does when asked', () => {
    const text = 'a: yes\nb: 0755\nc: 1:20\nd: 2001-12-14\n';
    expect(loadManifests(text, 'v.yaml', { yamlVersion: '1.1' }).objects[0]!.object).toEqual({ a: true, b: 493, c: '1:20', d: '2001-12-14' });
    expect(loadManifests(text, 'v.yaml', { yamlVersion: '1.2' }).objects[0]!.object).toEqual({ a: 'yes', b: 493, c: '1:20', d: '2001-12-14' });
    expect(loadManifests('y: 1\nn: 0b101\nu: 1_000\nx: 0x1F\ns: "0755"\n', 'k.yaml', { yamlVersion: '1.2' }).objects[0]!.object).toEqual({ y: 1, n: 5, u: 1000, x: 31, s: '0755' });
    expect(loadManifests('y: 1\nn: 2\n', 'k.yaml', { yamlVersion: '1.1' }).objects[0]!.object).toEqual({ true: 1, false: 2 });
  });

  it('accepts quoted scalars continued at their key\'s indentation, as go-yaml does, lines kept', () => {
    const text = [
      'kind: T',
      'spec:',
      '  description: "When set to `true` the TLS {} is optional, defaults',
      '  to false."',
      "  other: 'single",
      "  quoted'",
      '  rego: |',
      '    msg := "a quote \\" that',
      '    stays"',
      '  last: 1',
    ].join('\n');
    const r = loadManifests(text, 'q.yaml', { yamlVersion: '1.2' });
    expect(r.errors).toEqual([]);
    expect(r.objects[0]!.object.spec).toEqual({
      description: 'When set to `true` the TLS {} is optional, defaults to false.',
      other: 'single quoted',
      rego: 'msg := "a quote \\" that\nstays"\n',
      last: 1,
    });
    expect(r.objects[0]!.source).toEqual({ file: 'q.yaml', startLine: 1, endLine: 10 });
    // Still an error where go-yaml has one too: a quote that never closes.
    expect(loadManifests('a: "open\nb: 1\n', 'bad.yaml').errors).toHaveLength(1);
  });
});
