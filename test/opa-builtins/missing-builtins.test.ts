// Builtins the wasm runtime lacks and preadmit's host now implements (json.patch, uuid.parse,
// urlquery.encode_object / decode_object, net.cidr_contains_matches): compiled with the pinned
// `opa build -t wasm`, run on the host, and compared with the real topdown `opa eval` (Gatekeeper's OPA),
// byte for byte, including the cases where OPA's answer is undefined (an error or no value). Operands of a
// type OPA's checker would reject statically go through json.unmarshal, so they reach the builtin.
import { describe, expect, it } from 'vitest';
import { mismatches } from './wasm-oracle.ts';

const DOC = '{"a": {"b": [1, 2, {"c": "x"}], "s": {"p", "q"}}, "n": null, "k/e~y": 1}';

const CASES: Record<string, string[]> = {
  'json.patch': [
    `json.patch(${DOC}, [{"op": "add", "path": "/a/b/1", "value": 9}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/b/-", "value": 9}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/b/3", "value": 9}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/b/4", "value": 9}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/b/01", "value": 9}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/new", "value": {"z": 1}}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/x/y", "value": 1}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "", "value": [1]}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/k~1e~0y", "value": 2}])`,
    `json.patch(${DOC}, [{"op": "add", "path": ["a", "b", 0], "value": "first"}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/s/r", "value": "r"}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/a/s/r", "value": "t"}])`,
    `json.patch(${DOC}, [{"op": "remove", "path": "/a/b/0"}])`,
    `json.patch(${DOC}, [{"op": "remove", "path": "/a/s/p"}])`,
    `json.patch(${DOC}, [{"op": "remove", "path": "/missing"}])`,
    `json.patch(${DOC}, [{"op": "remove", "path": "/a/b/7"}])`,
    `json.patch(${DOC}, [{"op": "replace", "path": "/n", "value": 5}])`,
    `json.patch(${DOC}, [{"op": "replace", "path": "/a/b/2/c", "value": "y"}])`,
    `json.patch(${DOC}, [{"op": "replace", "path": "/nope", "value": 5}])`,
    `json.patch(${DOC}, [{"op": "move", "from": "/a/b/2", "path": "/moved"}])`,
    `json.patch(${DOC}, [{"op": "copy", "from": "/a/b", "path": "/a/b2"}])`,
    `json.patch(${DOC}, [{"op": "copy", "from": "/zz", "path": "/a/b2"}])`,
    `json.patch(${DOC}, [{"op": "test", "path": "/a/b/0", "value": 1.0}, {"op": "add", "path": "/ok", "value": true}])`,
    `json.patch(${DOC}, [{"op": "test", "path": "/a/b/0", "value": 2}])`,
    `json.patch(${DOC}, [{"op": "frob", "path": "/a"}])`,
    `json.patch(${DOC}, [{"path": "/a"}])`,
    `json.patch(${DOC}, [{"op": "add", "value": 1}])`,
    `json.patch(${DOC}, [{"op": "add", "path": "/q"}])`,
    `json.patch(${DOC}, json.unmarshal("[1]"))`,
    `json.patch(${DOC}, [])`,
    `json.patch([1, 2, 3], [{"op": "add", "path": "/0", "value": 0}, {"op": "remove", "path": "/3"}])`,
    `json.patch("scalar", [{"op": "add", "path": "/a", "value": 0}])`,
    `json.patch({"a": 1}, [{"op": "remove", "path": ""}, {"op": "add", "path": "", "value": 2}])`,
    `json.patch({"a": [1]}, [{"op": "add", "path": "/a/-1", "value": 0}])`,
    `json.patch({"a": [1]}, [{"op": "add", "path": "/a/x", "value": 0}])`,
  ],
  'uuid.parse': [
    'uuid.parse("00000000-0000-0000-0000-000000000000")',
    'uuid.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")',
    'uuid.parse("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8")',
    'uuid.parse("URN:UUID:6BA7B810-9DAD-11D1-80B4-00C04FD430C8")',
    'uuid.parse("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}")',
    'uuid.parse("x6ba7b810-9dad-11d1-80b4-00c04fd430c8y")',
    'uuid.parse("6ba7b8109dad11d180b400c04fd430c8")',
    'uuid.parse("000003e8-cbb9-21ea-b201-00045a86c8a1")',
    'uuid.parse("000003e8-cbb9-21ea-b201-03045a86c8a1")',
    'uuid.parse("000003e8-cbb9-21ea-0201-02045a86c8a1")',
    'uuid.parse("c1e6b8a2-1b2c-4d5e-9f60-718293a4b5c6")',
    'uuid.parse("c1e6b8a2-1b2c-5d5e-cf60-718293a4b5c6")',
    'uuid.parse("c1e6b8a2-1b2c-7d5e-ef60-718293a4b5c6")',
    'uuid.parse("ffffffff-ffff-1fff-ffff-ffffffffffff")',
    'uuid.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c")',
    'uuid.parse("6ba7b810x9dad-11d1-80b4-00c04fd430c8")',
    'uuid.parse("6ba7b810-9dad-11d1-80b4-00c04fd430cg")',
    'uuid.parse("")',
    'uuid.parse("é6ba7b810-9dad-11d1-80b4-00c04fd430c")',
  ],
  'urlquery.encode_object': [
    'urlquery.encode_object({"b": "2", "a": "1 &=é"})',
    'urlquery.encode_object({"a": ["x", "y"], "b": set(), "c": {"z", "w"}})',
    'urlquery.encode_object({})',
    'urlquery.encode_object(json.unmarshal(`{"a": 1}`))',
    'urlquery.encode_object(json.unmarshal(`{"a": ["x", 1]}`))',
    'urlquery.encode_object({"B": "1", "a": "2", "é": "3", "~": "4"})',
  ],
  'urlquery.decode_object': [
    'urlquery.decode_object("a=1&b=2&a=3")',
    'urlquery.decode_object("a=1+2&c=%41%e9")',
    'urlquery.decode_object("")',
    'urlquery.decode_object("&&a&=x&b=")',
    'urlquery.decode_object("a=1;b=2")',
    'urlquery.decode_object("a=%zz")',
    'urlquery.decode_object("a==b")',
    'urlquery.decode_object("%C3%A9=%E2%82%AC")',
  ],
  'net.cidr_contains_matches': [
    'net.cidr_contains_matches("10.0.0.0/8", "10.1.2.3")',
    'net.cidr_contains_matches(["10.0.0.0/8", "192.168.0.0/16"], ["10.1.2.3", "192.168.1.1", "8.8.8.8"])',
    'net.cidr_contains_matches({"10.0.0.0/8", "172.16.0.0/12"}, {"10.0.0.1", "172.16.5.4"})',
    'net.cidr_contains_matches({"x": "10.0.0.0/8", "y": ["0.0.0.0/0", "meta"]}, {"k1": "10.9.9.9", "k2": ["1.1.1.1", 3]})',
    'net.cidr_contains_matches("10.0.0.0/8", ["10.0.0.0/9", "11.0.0.0/9"])',
    'net.cidr_contains_matches("2001:db8::/32", "2001:db8::1")',
    'net.cidr_contains_matches("10.0.0.0/8", "not-an-ip")',
    'net.cidr_contains_matches("10.0.0.0/8", json.unmarshal("[1]"))',
    'net.cidr_contains_matches("10.0.0.0/8", [[]])',
    'net.cidr_contains_matches([], "10.0.0.1")',
  ],
};

describe('builtins the wasm runtime lacks, on the host, equal opa eval', () => {
  for (const [name, exprs] of Object.entries(CASES)) {
    it(`${name}: ${exprs.length} cases`, () => {
      expect(mismatches(exprs)).toEqual([]);
    });
  }
});
