import { describe, expect, it } from 'vitest';
import { goFloatJson } from '../../src/gatekeeper/go-json.ts';
import { goFloatText } from '../../src/go/strconv.ts';
import type { JsonValue } from '../../src/gatekeeper/types.ts';

/** The definition: JSON with every number as Go's float64 text (goFloatText is checked against Go in test/go). */
function reference(value: JsonValue): string {
  if (typeof value === 'number') return goFloatText(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  return `{${Object.keys(value)
    .map((k) => `${JSON.stringify(k)}:${reference(value[k]!)}`)
    .join(',')}}`;
}

describe('goFloatJson', () => {
  it('writes numbers as Go float64 text wherever they are, and everything else as JSON', () => {
    const proto: { [k: string]: JsonValue } = {};
    Object.defineProperty(proto, '__proto__', { value: { n: 1e6 }, enumerable: true, writable: true, configurable: true });
    const cases: JsonValue[] = [
      { spec: { replicas: 3, ratio: 0.5, tiny: 0.0001, port: 8080 }, s: 'a"b\\u2028\ud800', list: [1, 2, [3]] },
      { spec: { replicas: 1000000 } },
      { deep: [[[{ n: 1e21 }]]], zero: 0 },
      { neg: -0 },
      { small: 0.00001, big: -2e6, edge: 999999.5 },
      proto,
      [],
      {},
      null,
      'x',
      1e6,
    ];
    for (const c of cases) expect(goFloatJson(c)).toBe(reference(c));
    expect(goFloatJson({ spec: { replicas: 1000000 } })).toBe('{"spec":{"replicas":1e+06}}');
    expect(goFloatJson({ neg: -0, small: 0.00001 })).toBe('{"neg":-0,"small":1e-05}');
    expect(goFloatJson({ a: 1, b: [2.5, 'c'] })).toBe('{"a":1,"b":[2.5,"c"]}');
    expect(goFloatJson(proto)).toBe('{"__proto__":{"n":1e+06}}');
  });
});
