// graph.reachable_paths on preadmit's host (src/go/graph.ts), and array.flatten (native in OPA's wasm
// runtime), against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte, undefined results
// (OPA's errors) included.
import { describe, expect, it } from 'vitest';
import { mismatches } from './wasm-oracle.ts';

const GRAPHS = [
  '{"a": ["b", "c"], "b": ["d"], "c": [], "d": []}',
  '{"a": ["b"], "b": ["a"]}',
  '{"a": ["a"]}',
  '{"a": ["a", "b"], "b": ["a", "c"], "c": ["b", "a"]}',
  '{"a": {"a", "b", "c"}, "b": {"a", "c"}, "c": {"a", "b"}, "d": ["a", "d"]}',
  '{"a": ["b", "x"], "b": ["c"], "c": ["a", "b"]}',
  '{"a": {"b", "c"}, "b": {"c"}, "c": set()}',
  '{"a": ["missing"], "b": []}',
  'json.unmarshal(`{"a": "b", "b": null, "c": {"x": 1}, "d": 5}`)',
  '{1: [2, 3], 2: [3], 3: [1.0]}',
  '{"a": ["b", "b"], "b": []}',
  '{}',
  '{"r": ["a", "b"], "a": ["c"], "b": ["c"], "c": ["d", "e"], "d": [], "e": ["r"]}',
  '{["x"]: [{"k": 1}], {"k": 1}: [["x"]]}',
];
const INITIALS = ['["a"]', '{"a"}', '["a", "b", "c", "d"]', '["d", "c"]', '[]', 'set()', '["zz"]', '[1]', '[["x"]]', '["r", "a"]', '["a", "a"]'];

const FLATTEN = [
  '[]', '[1, 2]', '[[1, 2], [3]]', '[[], [[1]], 2, [3, [4]]]', '[{"a": [1]}, {1, 2}, [null], "s"]', '[[[]]]', '[[1], 1, [1]]',
];

describe('graph.reachable_paths on the host equals opa eval', () => {
  it(`${GRAPHS.length * INITIALS.length} graph and start combinations`, () => {
    const exprs = GRAPHS.flatMap((g) => INITIALS.map((i) => `graph.reachable_paths(${g}, ${i})`));
    expect(mismatches(exprs)).toEqual([]);
  });
  it('operands of the wrong type are undefined', () => {
    const exprs = ['graph.reachable_paths(json.unmarshal("[1]"), ["a"])', 'graph.reachable_paths({"a": []}, json.unmarshal("\\"a\\""))',
      'graph.reachable_paths({"a": []}, json.unmarshal("{\\"a\\": 1}"))', 'graph.reachable_paths(json.unmarshal("null"), [])'];
    expect(mismatches(exprs)).toEqual([]);
  });
  it('a path through a vertex missing from the graph stops before it', () => {
    expect(mismatches(['graph.reachable_paths({"a": ["b"], "b": ["c"]}, ["a"])'])).toEqual([]);
  });
});

describe('array.flatten in wasm equals opa eval', () => {
  it(`${FLATTEN.length} arrays, and non-arrays undefined`, () => {
    const exprs = [...FLATTEN.map((a) => `array.flatten(${a})`), 'array.flatten(json.unmarshal("{}"))', 'array.flatten(json.unmarshal("\\"x\\""))'];
    expect(mismatches(exprs)).toEqual([]);
  });
});
