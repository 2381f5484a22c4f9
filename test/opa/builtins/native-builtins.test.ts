// Builtins the wasm runtime implements natively with other semantics than OPA's Go builtins are routed
// to the host (sorted-module.ts ROUTED_BUILTINS) and must then agree with the real topdown `opa eval`.
import { describe, expect, it } from 'vitest';
import { goJsonSurrogates } from '../../../src/opa/rego-value.ts';
import { mismatches } from './wasm-oracle.ts';

const CASES = [
  `base64.decode("YQ")`, `base64.decode("YQ==")`, `base64.decode("Y Q==")`, `base64.decode("YQ=")`, `base64.decode("!!!")`,
  `base64.decode("YWJj\\nZA==")`, `base64.decode("YWJj\\r\\nZA==")`, `base64.decode("")`, `base64.decode("YR==")`, `base64.decode("w6k=")`,
  `base64.is_valid("YQ")`, `base64.is_valid("YQ==")`, `base64.is_valid("!!")`, `base64.is_valid("YWJjZA=")`, `base64.is_valid("")`,
  `base64.is_valid("YWJj\\nZA==")`, `base64.is_valid("YWJjZA==YQ==")`,
  `json.is_valid("1 2")`, `json.is_valid("{} {}")`, `json.is_valid("[1]x")`, `json.is_valid(" 1 ")`, `json.is_valid("\\"\\\\ud800\\"")`,
  `json.is_valid("01")`, `json.is_valid("")`, `json.is_valid("{\\"a\\":1,\\"a\\":2}")`, `json.is_valid("1e400")`, `json.is_valid("\\u00a01")`,
  `json.is_valid("[1,]")`, `json.is_valid("\\"\\\\x41\\"")`, `json.is_valid("-")`, `json.is_valid("[[[[[]]]]]")`,
  `replace("abc", "", "x")`, `replace("", "", "x")`, `replace("héllo😀", "", "-")`, `replace("aaa", "aa", "b")`, `replace("abc", "b", "")`,
  `[x | x := replace("ab", "", "-"); true]`,
  `format_int(18446744073709551616, 16)`, `format_int(99999999999999999999999, 10)`, `format_int(-5.9, 2)`, `format_int(255, 16)`,
  `format_int(1e30, 36)`, `format_int(1e30, 8)`, `format_int(-0.5, 10)`, `format_int(0, 2)`, `format_int(1.5e3, 10)`,
  `net.cidr_contains("::ffff:10.0.0.0/104", "10.1.2.3")`, `net.cidr_contains("10.0.0.0/8", "::ffff:10.1.2.3")`,
  `net.cidr_contains("10.0.0.0/8", "10.0.0.0/16")`, `net.cidr_contains("::ffff:0:0/96", "1.2.3.4")`, `net.cidr_contains("10.0.0.0/8", "10.1.2.3/32")`,
  `net.cidr_contains("10.0.0.1/8", "10.1.2.3")`, `net.cidr_contains("2001:db8::/32", "2001:db8::1")`, `net.cidr_contains("2001:db8::/32", "2001:db9::/48")`,
  `net.cidr_contains("10.0.0.0/8", "11.0.0.0")`, `net.cidr_contains("10.0.0.0/8", "010.1.2.3")`, `net.cidr_contains("10.0.0.0/33", "10.1.2.3")`,
  `net.cidr_contains("10.0.0.0/8", "x")`, `net.cidr_contains("0.0.0.0/0", "::1")`, `net.cidr_contains("::/0", "1.2.3.4")`,
  `net.cidr_contains("::ffff:10.0.0.0/104", "10.0.0.0/9")`, `net.cidr_contains("10.0.0.0/8", "::ffff:10.0.0.0/104")`, `net.cidr_contains("10.0.0.0/8", "10.0.0.0/7")`,
  `net.cidr_contains("fe80::/10", "fe80::1%eth0")`, `net.cidr_contains("1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:8")`, `net.cidr_contains("::/0", "1::2::3")`,
  `format_int(12345678901234567890.99, 16)`, `format_int(255, 3)`, `format_int(-18446744073709551617, 2)`, `format_int(0.999999999999999999999, 10)`,
];

describe('natively implemented builtins routed to the host agree with topdown', () => {
  it(`agree on all ${CASES.length} cases`, () => {
    expect(mismatches(CASES)).toEqual([]);
  });
});

describe('json.marshal writes what Go writes', () => {
  const cases = [
    `json.marshal("<a href='x'>&amp;</a>")`, `json.marshal("\\u2028\\u2029")`, `json.marshal("\\b\\f\\n\\r\\t\\u0001\\u007f")`,
    `json.marshal({"b": 1, "a": [1.0, 2.50, -0, 1e400, 12345678901234567890]})`, `json.marshal({"é": 1, "z": 2, "\\uffff": 3, "😀": 4, "A": 5})`,
    `json.marshal({1: "n", "1": "s"})`, `json.marshal({[1, "<"]: 1, {"a": 1}: 2, true: 3, null: 4})`,
    `json.marshal({3, 1, "b", "a", [2], {"k": 1}})`, `json.marshal([null, true, false, "", {}, [], set()])`,
    `json.marshal(0.1 + 0.2)`, `json.marshal(-1.5e-7)`, `json.marshal("\\ud83d\\ude00 héllo")`,
    `json.marshal({"x": {"<": ">"}})`,
  ];
  it(`agrees with topdown on all ${cases.length} cases`, () => {
    expect(mismatches(cases)).toEqual([]);
  });
});

describe('network and glob builtins preadmit implements agree with topdown', () => {
  const cases = [
    `net.cidr_is_valid("10.0.0.0/8")`, `net.cidr_is_valid("10.0.0.1/33")`, `net.cidr_is_valid("10.0.0.1")`, `net.cidr_is_valid("::/0")`,
    `net.cidr_is_valid("2001:db8::/129")`, `net.cidr_is_valid("010.0.0.0/8")`, `net.cidr_is_valid("10.0.0.0/08")`, `net.cidr_is_valid("")`,
    `net.cidr_expand("10.0.0.0/30")`, `net.cidr_expand("10.0.0.5/29")`, `net.cidr_expand("255.255.255.254/31")`, `net.cidr_expand("1.2.3.4/32")`,
    `net.cidr_expand("2001:db8::/126")`, `net.cidr_expand("::/126")`, `net.cidr_expand("::ffff:10.0.0.0/126")`, `net.cidr_expand("fe80::1:0:0:0/127")`,
    `net.cidr_expand("2001:0:0:1::/127")`, `net.cidr_expand("1:0:0:2:0:0:0:ff/128")`, `net.cidr_expand("x")`, `net.cidr_expand("10.0.0.0/33")`,
    `count(net.cidr_expand("10.0.0.0/20"))`,
    `glob.quote_meta("*.example.com")`, `glob.quote_meta("a?b[c]{d,e}\\\\f!-g")`, `glob.quote_meta("")`, `glob.quote_meta("héllo*")`,
    `glob.match(glob.quote_meta("a*b"), [], "a*b")`, `glob.match(glob.quote_meta("a*b"), [], "axb")`,
  ];
  it(`agree on all ${cases.length} cases`, () => {
    expect(mismatches(cases)).toEqual([]);
  });
});

describe('max, min and to_number as OPA has them', () => {
  const cases = [
    `max([1, 1.0])`, `max([1.0, 1])`, `min([1, 1.0])`, `min([1.0, 1])`, `max([2, 1, 2.0, 1])`, `max({1, 1.0})`, `max([])`, `min(set())`,
    `max(["b", "a", 3, null, [1]])`, `min(["b", "a", 3, null, [1]])`, `max({"x", {"a": 1}, [0]})`, `min([1e400, -1e400])`,
    `to_number("1e400")`, `to_number("-1e400")`, `to_number("Inf")`, `to_number("NaN")`, `to_number("-Inf")`, `to_number("infinity")`,
    `to_number("1e5")`, `to_number("-0")`, `to_number("1E2")`, `to_number(true)`, `to_number(false)`, `to_number(null)`, `to_number("")`,
    `to_number("1e-400")`, `to_number("0x10")`, `to_number(" 1")`, `to_number(12345678901234567890)`, `to_number("1.50")`,
  ];
  it(`agree on all ${cases.length} cases`, () => {
    expect(mismatches(cases)).toEqual([]);
  });
});

describe('JSON input with escaped lone surrogates', () => {
  it('reads them as U+FFFD, as Go does, instead of aborting', () => {
    expect(goJsonSurrogates('{"a":"\\ud800","b":"x\\udc00y","c":"\\ud83d\\ude00","d":"\\\\ud800","e":"\\ud800\\ud800"}')).toBe(
      '{"a":"\\ufffd","b":"x\\ufffdy","c":"\\ud83d\\ude00","d":"\\\\ud800","e":"\\ufffd\\ufffd"}',
    );
  });

  it('json.unmarshal and json.is_valid of such text agree with topdown', () => {
    expect(mismatches([`json.unmarshal(" [1, 2.50, -0, 1e400, {\\"a\\": 1, \\"a\\": 2}] ")`, `json.unmarshal("1 2")`, `json.unmarshal("{\\"b\\": {}, \\"a\\": [true, null]}")`,
      `json.unmarshal("12345678901234567890123")`, `json.unmarshal("\\"\\\\u00e9\\\\n\\"")`, `json.unmarshal("")`, `json.unmarshal("01")`,
      `json.unmarshal("\\"\\\\ud800\\"")`, `json.unmarshal("\\"\\\\udc00x\\"")`, `json.unmarshal("\\"\\\\ud83d\\\\ude00\\"")`])).toEqual([]);
  });
});

describe('encoding and hashing builtins agree with topdown', () => {
  const cases = [
    `hex.encode("héllo\\u0000")`, `hex.encode("")`, `hex.decode("68c3a9")`, `hex.decode("6")`, `hex.decode("zz")`, `hex.decode("6A6b")`, `hex.decode("")`,
    `base64url.encode_no_pad("a")`, `base64url.encode_no_pad("\\u00ff\\u00fe?>")`, `base64url.encode_no_pad("")`,
    `crypto.md5("héllo")`, `crypto.sha1("")`, `crypto.sha256("a😀")`,
    `crypto.hmac.md5("msg", "key")`, `crypto.hmac.sha1("msg", "")`, `crypto.hmac.sha256("ü", "ké")`, `crypto.hmac.sha512("", "k")`,
    `urlquery.encode("a b&c=d/é~_-.")`, `urlquery.encode("")`, `urlquery.encode("+%")`,
    `urlquery.decode("a+b%26c%3Dd%2F%C3%A9")`, `urlquery.decode("%zz")`, `urlquery.decode("%4")`, `urlquery.decode("100%")`, `urlquery.decode("%e9")`, `urlquery.decode("a%2Bb")`,
    `crypto.hmac.equal("a", "a")`, `crypto.hmac.equal("a", "b")`, `crypto.hmac.equal("", "")`,
  ];
  it(`agree on all ${cases.length} cases`, () => {
    expect(mismatches(cases)).toEqual([]);
  });
});
