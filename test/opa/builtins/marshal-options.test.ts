// json.marshal_with_options on preadmit's host (src/go/json-indent.ts: Go's json.MarshalIndent layout over
// json.marshal's text) against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte.
import { describe, expect, it } from 'vitest';
import { mismatches } from './wasm-oracle.ts';

const VALUES = [
  '{"b": [1, 2.50, {"c": null}], "a": {"x": true, "y": []}, "e": {}, "h": "<&>\\u2028\\n\\"q\\"", "k": "a,b:{c}[d]"}',
  '[]', '{}', '[[]]', '[{}]', '[[], {}, [1]]', '1', '"s"', 'null', 'true', '{1, "a", [2]}', '{1: "x", [1]: {"z": 2}}', '{"a": {"b": {"c": [1, [2, [3]]]}}}',
  '1e400', '-0', '12345678901234567890', '"héllo \\u0001"',
];
const OPTIONS = [
  '{}', '{"pretty": true}', '{"pretty": false}', '{"indent": "  "}', '{"prefix": "> "}', '{"prefix": "# ", "indent": "--"}',
  '{"pretty": false, "indent": "  "}', '{"pretty": true, "indent": ""}', '{"pretty": true, "prefix": "\\t", "indent": "\\n"}',
  '{"indent": "", "prefix": ""}', '{"indent": "é"}',
];
const BAD = [
  '{"pretty": "yes"}', '{"indent": 2}', '{"prefix": null}', '{"other": 1}', '{"pretty": true, "x": 1}',
];

describe('json.marshal_with_options on the host equals opa eval', () => {
  it(`${VALUES.length * OPTIONS.length} values and options`, () => {
    expect(mismatches(VALUES.flatMap((v) => OPTIONS.map((o) => `json.marshal_with_options(${v}, ${o})`)))).toEqual([]);
  });
  it('bad options are undefined', () => {
    const exprs = [...BAD.map((o) => `json.marshal_with_options([1], json.unmarshal(${JSON.stringify(o)}))`),
      'json.marshal_with_options([1], json.unmarshal("[1]"))', 'json.marshal_with_options([1], object.union(json.unmarshal("{}"), {1: true}))'];
    expect(mismatches(exprs)).toEqual([]);
  });
});
