// Sets and objects iterate in OPA's sorted order in compiled policies (sorted-module.ts), checked
// against the real topdown `opa eval` for every construct that exposes iteration order, with
// non-ASCII, mixed-type and many (multi-bucket) keys.
import { describe, expect, it } from 'vitest';
import { ModulePatchError, sortedIterationModule } from '../../../src/opa/sorted-module.ts';
import { mismatches } from './wasm-oracle.ts';

const S = `{"b", "a", "é", "Z", 1, "aa", "😀", "éx", "ab", "\\u00e9", "e\\u0301", "ﬁ", "fi", "", " "}`;
const O = `{"b": 1, "a": 2, "é": 3, "Z": 4, "aa": 5, "😀": 6, "ab": 7, "": 8, "ﬁ": 9, "~": 10}`;
const MIXED = `{"b": 1, 2: "x", "a": 3, true: 4, null: 5, [1]: 6, 1.5: 7, false: 8, {"k"}: 9, {"o": 1}: 10, -1: 11}`;
const MANY = `{x | some i in numbers.range(1, 300); x := sprintf("k%d", [(i * 7919) % 1000])}`;
const MANY_OBJ = `{x: i | some i in numbers.range(1, 300); x := sprintf("k%d", [(i * 7919) % 1000])}`;

const CONSTRUCTS = [
  `concat(",", {"b", "a", "é", "Z", "aa", "😀", "ab"})`,
  `concat(",", ${MANY})`,
  `[x | x := ${S}[_]]`,
  `[x | x := ${S}[_]][0]`,
  `[x | some x in ${S}]`,
  `[x | some x in ${MANY}]`,
  `[k | ${O}[k]]`,
  `[v | v := ${O}[_]]`,
  `[k | ${MIXED}[k]]`,
  `[v | v := ${MIXED}[_]]`,
  `[k | some k, _ in ${MANY_OBJ}]`,
  `json.marshal(${S})`,
  `json.marshal(${O})`,
  `json.marshal(${MANY_OBJ})`,
  `json.marshal([x | x := ${MIXED}[_]])`,
  `base64.encode(json.marshal({"b": {"d": 1, "c": 2}, "a": [{"z", "y"}]}))`,
  `[p | walk(${O}, [p, _])]`,
  `[p | walk({"x": ${S}, "y": ${MIXED}}, [p, _])]`,
  `[p | walk({"a": ${MANY_OBJ}}, [p, _])]`,
  `sprintf("%v %s", [${O}, ${S}])`,
  `sprintf("%v", [${MIXED}])`,
  `[k | some k, _ in object.union(${O}, {"0": 1})]`,
  `[k | some k, _ in json.unmarshal("{\\"b\\":1,\\"a\\":2,\\"é\\":3,\\"Z\\":4}")]`,
  `[x | some x in {1, 1.0, 2, -1, 10, 1e1, 0.5, 100, 9}]`,
  `[x | some x in {[1], [0, 5], {"a"}, {"a": 1}, null, false, true, "s", 1}]`,
  `[x | some x in {{"b", "a"}, {"a"}, set(), {"c"}}]`,
  `[x | some x in {{"b": 1}, {"a": 2}, {"a": 1, "b": 0}, {}}]`,
  `[x | some x in (${MANY} | {"zz", "a"})]`,
  `[x | some x in (${MANY} & {"k919", "k838", "k0"})]`,
  `[x | some x in (${MANY} - {"k919"})]`,
  `[x | some x in graph.reachable({"b": ["a"], "a": ["c"], "c": []}, {"b"})]`,
  `[k | some k, _ in object.filter({"b": 1, "a": 2, "c": 3}, ["c", "a"])]`,
  `[k | some k, _ in json.filter({"b": 1, "a": {"y": 1, "x": 2}, "c": 1}, ["c", "a"])]`,
  `[x | some x in object.keys(${O})]`,
  `{k: v | some k, v in ${O}}`,
  `[x | x := {"b", "a"}[_]; true][0]`,
];

describe('compiled policies iterate sets and objects as topdown does', () => {
  it(`agree on all ${CONSTRUCTS.length} constructs`, () => {
    expect(mismatches(CONSTRUCTS)).toEqual([]);
  });

  it('refuses a module it cannot patch instead of evaluating in hash order', () => {
    expect(() => sortedIterationModule(new Uint8Array([1, 2, 3]))).toThrow(ModulePatchError);
    // A valid module without a name section.
    const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(() => sortedIterationModule(empty)).toThrow(/no opa_value_hash/);
  });
});
