// json.match_schema / json.verify_schema on preadmit's host (src/go/jsonschema.ts: gojsonschema as OPA
// vendors it) against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte: verdicts, error
// texts, types, fields, order, and the undefined results of OPA's errors. Schemas and documents are given
// both as JSON text and as Rego values. Cases avoid several errors whose order comes from Go's random map
// iteration (errors of two properties of one object).
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { opaEvalAll } from './oracle.ts';
import { regoString, regoTermString } from '../../../src/opa/rego-value.ts';
import { mismatches, wasmEvalAll } from './wasm-oracle.ts';

/** [document JSON, schema JSON] */
type Case = [string, string];

function lit(t: string): string {
  return JSON.stringify(t);
}

/** Each case as text operands, and (where the JSON is a Rego literal too) as values. */
function match(cases: Case[], asValues = true): string[] {
  return cases.flatMap(([d, s]) => {
    const out = [`json.match_schema(${lit(d)}, ${lit(s)})`];
    if (asValues && d.startsWith("{") && s.startsWith('{')) out.push(`json.match_schema(${d}, ${s})`);
    return out;
  });
}

function verify(schemas: string[]): string[] {
  return schemas.flatMap((s) => [`json.verify_schema(${lit(s)})`]);
}

const TYPES: Case[] = [
  ['1', '{"type":"integer"}'],
  ['1.0', '{"type":"integer"}'],
  ['1.5', '{"type":"integer"}'],
  ['"x"', '{"type":"integer"}'],
  ['null', '{"type":"string"}'],
  ['null', '{"type":["string","null"]}'],
  ['true', '{"type":["string","number"]}'],
  ['[1]', '{"type":"object"}'],
  ['{"a":1}', '{"type":"array"}'],
  ['{"a":1}', '{"type":"object"}'],
  ['1e2', '{"type":"integer"}'],
  ['12345678901234567890123', '{"type":"integer"}'],
  ['1', '{"type":"number"}'],
  ['"a"', 'true'],
  ['"a"', 'false'],
  ['"a"', '{}'],
];

const NUMBERS: Case[] = [
  ['10', '{"maximum":5}'],
  ['5', '{"maximum":5}'],
  ['5', '{"maximum":5,"exclusiveMaximum":true}'],
  ['5', '{"exclusiveMaximum":5}'],
  ['4.9', '{"exclusiveMaximum":5}'],
  ['1', '{"minimum":1.5}'],
  ['1', '{"minimum":1,"exclusiveMinimum":true}'],
  ['1', '{"exclusiveMinimum":1}'],
  ['1', '{"$schema":"http://json-schema.org/draft-04/schema#","minimum":1,"exclusiveMinimum":true}'],
  ['1', '{"$schema":"http://json-schema.org/draft-07/schema#","exclusiveMinimum":1}'],
  ['0.3', '{"multipleOf":0.1}'],
  ['0.35', '{"multipleOf":0.1}'],
  ['10', '{"multipleOf":3}'],
  ['1e300', '{"multipleOf":7}'],
  ['3', '{"multipleOf":1.5}'],
  ['100', '{"maximum":1000000}'],
  ['10000000', '{"maximum":1000000}'],
  ['1', '{"minimum":0.00001}'],
  ['0', '{"minimum":0.0001}'],
  ['0', '{"minimum":12345678901234567890}'],
  ['0', '{"minimum":1.7976931348623157e308}'],
  ['0', '{"minimum":0.1234567890123456789}'],
  ['-10', '{"minimum":-5.25}'],
  ['2', '{"maximum":1e-30}'],
  ['5', '{"exclusiveMaximum":5,"exclusiveMinimum":5}'],
  ['1e400', '{"minimum":1e401}'],
  ['1e99999', '{"type":"integer"}'],
  ['1.5e-99999', '{"type":"integer","minLength":1}'],
  ['100e-2', '{"type":"integer"}'],
  ['0.000e-5', '{"type":"integer"}'],
  ['120e-1', '{"type":"integer"}'],
  ['125e-1', '{"type":"integer"}'],
  ['"5"', '{"maximum":1}'],
];

/** Bounds whose texts go through big.Float's shortest 'g' formatting at the rational's precision. */
const BOUND_TEXTS = ['0.3', '0.7', '1.1', '2.675', '1e-5', '123.456', '0.1e1', '5e-324', '1.7976931348623157e308', '3.141592653589793238462643383279',
  '1e22', '1e21', '123456789', '0.000123', '-0.3', '100000', '999999', '1000000', '0.0001', '0.00001', '1.5e-10', '2e-30', '12345678901234567890',
  '18446744073709551615', '18446744073709551617', '0.1234567890123456789012345', '7e100', '-2.5e-7', '1.5e-9990', '3e9990'];
const BOUNDS: Case[] = BOUND_TEXTS.flatMap((t): Case[] => [['1e400', `{"maximum":${t}}`], ['-1e400', `{"exclusiveMinimum":${t}}`], ['1e-400', `{"multipleOf":${t.replace('-', '')}}`]]);

const STRINGS: Case[] = [
  ['"ab"', '{"minLength":3}'],
  ['"abcd"', '{"maxLength":3}'],
  ['"héé"', '{"maxLength":3}'],
  ['"😀😀"', '{"maxLength":2}'],
  ['"abc"', '{"pattern":"^a.c$"}'],
  ['"abd"', '{"pattern":"^a.c$"}'],
  ['"xabcx"', '{"pattern":"b"}'],
  ['1', '{"pattern":"^x$","minLength":4}'],
  ['"ab"', '{"minLength":3,"maxLength":1}'],
];

const ARRAYS: Case[] = [
  ['[1,2,3]', '{"maxItems":2}'],
  ['[]', '{"minItems":1}'],
  ['[1,"a",1]', '{"uniqueItems":true}'],
  ['[1,1.0]', '{"uniqueItems":true}'],
  ['[{"a":1,"b":2},{"b":2,"a":1}]', '{"uniqueItems":true}'],
  ['[1,2,1,2]', '{"uniqueItems":true}'],
  ['[1,"a"]', '{"items":{"type":"integer"}}'],
  ['[1,"a",true]', '{"items":[{"type":"integer"},{"type":"string"}]}'],
  ['[1,"a",true]', '{"items":[{"type":"integer"},{"type":"string"}],"additionalItems":false}'],
  ['[1,"a",true,2]', '{"items":[{"type":"integer"}],"additionalItems":{"type":"boolean"}}'],
  ['[1]', '{"items":[{"type":"integer"},{"type":"string"}]}'],
  ['[1,2]', '{"contains":{"type":"string"}}'],
  ['[1,"a"]', '{"contains":{"type":"string"}}'],
  ['[]', '{"contains":{"type":"string"}}'],
  ['[1,2]', '{"contains":{"type":"integer","minimum":5}}'],
  ['[1,2]', '{"$schema":"http://json-schema.org/draft-04/schema#","contains":{"type":"string"}}'],
  ['[[1,"x"]]', '{"items":{"items":{"type":"integer"}}}'],
  ['[1,2]', '{"items":[],"additionalItems":false}'],
  ['[1,2]', '{"items":true,"additionalItems":false}'],
  ['[1,2]', '{"items":false}'],
  ['[1,2]', '{"items":[true,false]}'],
  ['[]', '{"items":false,"contains":true}'],
  ['[1,2,3]', '{"items":[{}],"additionalItems":{"maximum":2}}'],
  ['["a","b","a"]', '{"$schema":"http://json-schema.org/draft-04/schema#","uniqueItems":true,"items":{"enum":["a"]}}'],
];

const OBJECTS: Case[] = [
  ['{}', '{"required":["a"]}'],
  ['{"b":1}', '{"required":["a","b"]}'],
  ['{"a":1}', '{"minProperties":2}'],
  ['{"a":1,"b":2}', '{"maxProperties":1}'],
  ['{"a":1,"z":2}', '{"properties":{"a":{}},"additionalProperties":false}'],
  ['{"a":1,"z":"x"}', '{"properties":{"a":{}},"additionalProperties":{"type":"integer"}}'],
  ['{"x1":"a","x2":1}', '{"patternProperties":{"^x":{"type":"integer"}},"additionalProperties":false}'],
  ['{"x1":1,"y":1}', '{"patternProperties":{"^x":{"type":"integer"}},"additionalProperties":false}'],
  ['{"a":{"b":{"c":1}}}', '{"properties":{"a":{"properties":{"b":{"properties":{"c":{"type":"string"}}}}}}}'],
  ['{"a":[{"b":1}]}', '{"properties":{"a":{"items":{"properties":{"b":{"type":"string"}}}}}}'],
  ['{"abc":1}', '{"propertyNames":{"maxLength":2}}'],
  ['{"abc":1}', '{"$schema":"http://json-schema.org/draft-04/schema#","propertyNames":{"maxLength":2}}'],
  ['{"a":1}', '{"dependencies":{"a":["b","c"]}}'],
  ['{"a":1}', '{"dependencies":{"a":{"required":["q"]}}}'],
  ['{"a":1}', '{"dependencies":{"a":[]}}'],
  ['{"a.b":{"c d":1}}', '{"properties":{"a.b":{"properties":{"c d":{"type":"string"}}}}}'],
  ['{"a":1}', '{"properties":{"a":false}}'],
  ['{"a":1}', '{"properties":{"a":true},"required":["a"]}'],
];

const COMBINATORS: Case[] = [
  ['1', '{"anyOf":[{"type":"string"},{"type":"boolean"}]}'],
  ['1', '{"anyOf":[{"type":"string"},{"minimum":5}]}'],
  ['1', '{"anyOf":[{"type":"string"},{"type":"integer"}]}'],
  ['{"a":1}', '{"anyOf":[{"required":["b"]},{"properties":{"a":{"type":"string"}},"required":["a"]}]}'],
  ['1', '{"oneOf":[{"type":"integer"},{"minimum":0}]}'],
  ['1', '{"oneOf":[{"type":"string"},{"maximum":0}]}'],
  ['1', '{"oneOf":[{"type":"integer"},{"type":"string"}]}'],
  ['1', '{"allOf":[{"type":"integer"},{"minimum":5},{"maximum":0}]}'],
  ['1', '{"not":{"type":"integer"}}'],
  ['1', '{"not":{"type":"string"}}'],
  ['1', '{"if":{"minimum":0},"then":{"multipleOf":2},"else":{"type":"string"}}'],
  ['-1', '{"if":{"minimum":0},"then":{"multipleOf":2},"else":{"type":"string"}}'],
  ['-1', '{"$schema":"http://json-schema.org/draft-06/schema#","if":{"minimum":0},"else":{"type":"string"}}'],
  ['2', '{"if":{"minimum":0},"then":{"multipleOf":2}}'],
  ['1', '{"if":false,"then":false}'],
  ['"a"', '{"anyOf":[false,{"maxLength":0}]}'],
];

const CONST_ENUM: Case[] = [
  ['1', '{"const":1.0}'],
  ['2', '{"const":1}'],
  ['{"b":[1,"<&>"],"a":null}', '{"const":{"a":null,"b":[1,"x"]}}'],
  ['"x"', '{"enum":["a","b",1,null,{"k":[true]}]}'],
  ['"a"', '{"enum":["a","b"]}'],
  ['1', '{"enum":[]}'],
  ['1e21', '{"enum":[1e20]}'],
  ['0.000001', '{"const":1e-7}'],
  ['1', '{"$schema":"http://json-schema.org/draft-04/schema#","const":2}'],
];

const REFS: Case[] = [
  ['{"a":"x"}', '{"definitions":{"n":{"type":"integer"}},"properties":{"a":{"$ref":"#/definitions/n"}}}'],
  ['[1,[2,["x"]]]', '{"items":{"anyOf":[{"type":"integer"},{"$ref":"#"}]}}'],
  ['{"a":{"a":{"a":1}}}', '{"properties":{"a":{"$ref":"#"}},"type":"object"}'],
  ['1', '{"$ref":"#/definitions/a","definitions":{"a":{"type":"string"}},"type":"integer"}'],
  ['1', '{"$id":"http://example.com/root.json","definitions":{"a":{"type":"string"}},"allOf":[{"$ref":"#/definitions/a"}]}'],
  ['1', '{"definitions":{"a":{"$id":"http://example.com/a.json","type":"string"}},"allOf":[{"$ref":"http://example.com/a.json"}]}'],
  ['1', '{"definitions":{"a/b":{"type":"string"},"c~d":{"minimum":4}},"allOf":[{"$ref":"#/definitions/a~1b"},{"$ref":"#/definitions/c~0d"}]}'],
  ['1', '{"definitions":{"a b":{"type":"string"}},"allOf":[{"$ref":"#/definitions/a%20b"}]}'],
  ['1', '{"items":[{"type":"string"}],"allOf":[{"$ref":"#/items/0"}]}'],
  ['1', '{"definitions":{"x":{"$ref":"#/definitions/y"},"y":{"maximum":0}},"$ref":"#/definitions/x"}'],
  ['1', '{"id":"http://example.com/r","definitions":{"a":{"id":"#foo","type":"string"}},"$ref":"#foo"}'],
  ['1', '{"$ref":"#/definitions/a","definitions":{"a":{"type":"string"}},"properties":1}'],
  ['1', '{"allOf":[{"$ref":"#/definitions/a"},{"$ref":"#/definitions/a","type":"integer","minimum":5}],"definitions":{"a":{"maximum":0}}}'],
  ['1', '{"allOf":[{"$ref":"#/definitions/a"},{"$ref":"#/definitions/a","properties":1}],"definitions":{"a":{"maximum":0}}}'],
  ['1', '{"$id":"http://x.org/a/b.json","allOf":[{"$ref":"c.json"}],"definitions":{"c":{"$id":"c.json","type":"string"}}}'],
  ['1', '{"$id":"http://x.org/a/b.json","allOf":[{"$ref":"../d/c.json#/definitions/q"}],"definitions":{"c":{"$id":"/d/c.json","definitions":{"q":{"type":"string"}}}}}'],
  ['1', '{"id":"http://x.org/r.json","definitions":{"a":{"id":"#a","maximum":0}},"allOf":[{"$ref":"#a"}]}'],
  ['1', '{"$schema":"http://json-schema.org/draft-04/schema#","id":"http://x.org/r.json","definitions":{"a":{"$id":"http://x.org/s.json","maximum":0}},"allOf":[{"$ref":"http://x.org/r.json#/definitions/a"}]}'],
  ['1', '{"$schema":"http://json-schema.org/draft-07/schema","$id":"http://x.org/r.json","definitions":{"a":{"maximum":0}},"allOf":[{"$ref":"r.json#/definitions/a"}]}'],
  ['1', '{"definitions":{"a":{"maximum":0}},"allOf":[{"$ref":"#notapointer"}],"type":"string"}'],
  ['{"$ref":1,"const":{"$ref":"x"}}', '{"properties":{"$ref":{"type":"integer"},"const":{"type":"object"}}}'],
  ['{"a":1}', '{"properties":{"a":{"$ref":"#/definitions/b"}},"definitions":{"b":{"$ref":"#/definitions/c"},"c":{"type":"string"}}}'],
  ['[1,2]', '{"items":[{"$ref":"#/definitions/s"}],"additionalItems":{"$ref":"#/definitions/s"},"definitions":{"s":{"type":"string"}}}'],
];

const INVALID_SCHEMAS: string[] = [
  '[]', '1', '"x"', 'null', '{"type":"strin"}', '{"type":["string","string"]}', '{"type":1}', '{"type":[1]}',
  '{"minLength":-1}', '{"minLength":1.5}', '{"minLength":"1"}', '{"maxLength":1.0}', '{"minLength":3,"maxLength":2}',
  '{"minProperties":3,"maxProperties":2}', '{"minItems":-1}', '{"maxItems":"x"}', '{"multipleOf":0}', '{"multipleOf":-1}',
  '{"multipleOf":"x"}', '{"minimum":"x"}', '{"maximum":null}', '{"exclusiveMinimum":true}', '{"exclusiveMaximum":"x"}',
  '{"$schema":"http://json-schema.org/draft-04/schema#","exclusiveMaximum":5}',
  '{"$schema":"http://json-schema.org/draft-07/schema#","exclusiveMaximum":true}',
  '{"pattern":"("}', '{"pattern":1}', '{"patternProperties":{"(":{}}}', '{"patternProperties":[]}', '{"properties":[]}',
  '{"properties":{"a":1}}', '{"required":"a"}', '{"required":[1]}', '{"required":["a","a"]}', '{"enum":"a"}',
  '{"enum":[1,1.0]}', '{"enum":[{"a":1,"b":2},{"b":2,"a":1}]}', '{"uniqueItems":1}', '{"items":1}', '{"items":[1]}',
  '{"additionalItems":1}', '{"additionalProperties":1}', '{"dependencies":[]}', '{"dependencies":{"a":1}}',
  '{"dependencies":{"a":[1]}}', '{"not":1}', '{"if":1}', '{"$schema":"http://json-schema.org/draft-06/schema#","if":1}',
  '{"allOf":{}}', '{"anyOf":[1]}', '{"oneOf":"x"}', '{"definitions":[]}', '{"definitions":{"a":1}}', '{"title":1}',
  '{"description":1}', '{"format":1}', '{"$ref":1}', '{"$id":1}', '{"id":1}', '{"$schema":1}', '{"propertyNames":1}',
  '{"$ref":"#/definitions/missing"}', '{"$ref":"#/items/5","items":[{}]}', '{"$ref":"#/items/x","items":[{}]}',
  '{"$ref":"#/type/x","type":"string"}', '{"$ref":"other.json"}', '{"$ref":"#/definitions/a","definitions":{"a":1}}',
  '{"$schema":"http://json-schema.org/draft-04/schema#","items":true}', '{"items":true,"additionalItems":false}',
  '{"$id":"http://x/a","definitions":{"b":{"$id":"http://x/a"}}}', '{"enum":[1e400]}', '{"const":1e400}',
  '{"$ref":"%zz"}', '{"$schema":"%zz"}', '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"string"}',
  '{"not valid json', '', '{"$ref":"http://x.org/a.json","definitions":{"a":{"$id":"http://x.org/a.json","$ref":"#/nope"}}}',
  '{"$ref":"#/definitions/a/b","definitions":{"a":[{}]}}', '{"$ref":"#/definitions/a/-1","definitions":{"a":[{}]}}',
  '{"$ref":"#/definitions/a/01","definitions":{"a":[{"type":1}]}}', '{"$ref":"#/definitions/a","definitions":{"a":[]}}',
  '{"$ref":"#/definitions/a","definitions":{"a":"x"}}', '{"definitions":{"a":{"type":"nope"}}}', '{"properties":{"a":{"properties":{"b":{"minItems":-2}}}}}',
  '{"$schema":"http://json-schema.org/draft-04/schema#","properties":{"a":false}}', '{"$schema":"http://json-schema.org/draft-04/schema#","id":1}',
  '{"$schema":"http://json-schema.org/draft-04/schema#","$id":1}', '{"$schema":"http://json-schema.org/draft-07/schema#","id":1}', '{"id":"%zz"}',
  '{"contains":1}', '{"$schema":"http://json-schema.org/draft-04/schema#","contains":1}', '{"const":{"a":[1e400]}}',
  '{"propertyNames":{"type":"x"}}', '{"additionalProperties":{"type":"x"}}', '{"dependencies":{"a":{"type":"x"}}}',
  '{"exclusiveMinimum":false}', '{"minimum":1,"exclusiveMinimum":"1"}', '{"maxLength":9223372036854775808}',
  '{"minItems":1e2}', '{"uniqueItems":"true"}', '{"items":[{},{"type":[]}]}', '{"type":[]}', '{"required":[]}',
];


const EMAILS = [
  'a@b.c', 'a@b', 'a.b@c.d', '.a@b.c', 'a.@b.c', 'a..b@c.d', 'a@b..c', 'a@.b', '@b.c', 'a@', 'a', '', ' a@b.c ', 'a @ b.c',
  'A B <a@b.c>', '"A B" <a@b.c>', '<a@b.c>', 'A B <a@b.c', 'A B a@b.c', 'a@b.c (A B)', 'a@b.c (A B', 'a@b.c (A (nested) B)',
  '"quoted local"@b.c', '""@b.c', '"a\\"b"@b.c', '"unterminated@b.c', 'a@[1.2.3.4]', 'a@[IPv6:::1]', 'a@[::1]', 'a@[::ffff:1.2.3.4]', 'a@[1::2:3]', 'a@[IPv6:1.2.3.4]', 'a@[ 1.2.3.4]', 'a@[1.2.3.4] ', 'a@ b.c',
  'a@[300.1.1.1]', 'a@[example]', 'a@[1.2.3.4', 'a(b)@c.d', 'a@b.c, d@e.f', 'g: a@b.c;', 'g: a@b.c, d@e.f;', 'g:;', 'g: ;', 'g: a@b.c',
  'é@ü.com', 'a@b.c\t', 'a\u0001@b.c', 'a<b@c.d', 'A B <a@b.c> (x)', 'A.B. C <a@b.c>', 'A, B <a@b.c>', 'A: B <a@b.c>', '=?utf-8?q?A_B?= <a@b.c>',
  '=?x-unknown?q?A?= <a@b.c>', 'Joe =?x-unknown?q?A?= <a@b.c>', '=?utf-8?b?QUI=?= <a@b.c>', '=?utf-8?b?QUI?= <a@b.c>', '=?utf-8?z?x?= <a@b.c>',
  '=?ISO-8859-1?Q?=E9?= <a@b.c>', 'a@b.c (=?x-unknown?q?A?=)', 'a@b.c (=?utf-8?q?A?=)', '=?x-unknown?q?=ZZ?= <a@b.c>', 'A (c) B <a@b.c>',
  'A (c B <a@b.c>', '"A" "B" <a@b.c>', 'a@b.c>', '<a@b.c>>', '<<a@b.c>', 'a+b-c_d~e!f#g$h%i&j\'k*l/m=n?o^p`q{r|s}@b.c',
];

const FORMATS: Case[] = [
  ...['2020-02-29', '2021-02-29', '2020-13-01', '2020-1-01', '2020-01-01x', '20200101', '2020-04-31', '0000-01-01'].map((v): Case => [JSON.stringify(v), '{"format":"date"}']),
  ...['12:34:56', '1:02:03', '24:00:00', '12:60:00', '12:00:60', '12:00:00Z', '12:00:00+01:00', '12:00:00.123+01:00', '12:00:00z', '12:00:00+1:00', '12:00:00,5Z'].map((v): Case => [JSON.stringify(v), '{"format":"time"}']),
  ...['2020-01-01T12:00:00Z', '2020-01-01t12:00:00Z', '2020-01-01T12:00:00.123456789012Z', '2020-01-01T12:00:00', '2020-01-01', '12:00:00', '2020-01-01T1:00:00+25:00', '2020-01-01T12:00:00+24:00', '2020-01-01 12:00:00Z'].map((v): Case => [JSON.stringify(v), '{"format":"date-time"}']),
  ...['example.com', 'a-b.c', '-a.com', 'a..b', 'x'.repeat(64) + '.com', 'a_b.com', ''].map((v): Case => [JSON.stringify(v), '{"format":"hostname"}']),
  ...['1.2.3.4', '01.2.3.4', '256.1.1.1', '::1', '1.2.3', '::ffff:1.2.3.4', 'fe80::1%eth0', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::8'].flatMap((v): Case[] => [[JSON.stringify(v), '{"format":"ipv4"}'], [JSON.stringify(v), '{"format":"ipv6"}']]),
  ...['http://a/b', 'mailto:x@y', '/relative', 'a:b', '%zz', 'http://a/b\\c', '', '#frag', 'http://[::1]/', '1http://x'].flatMap((v): Case[] => [[JSON.stringify(v), '{"format":"uri"}'], [JSON.stringify(v), '{"format":"uri-reference"}']]),
  ...['http://a b/', 'http://a:b/', 'http://[::1', 'http://[::1]:80/', 'http://[::1]x/', 'http://u ser@h/', 'http://u:p@h/', 'http://h%41/', 'http://h%C3%A9/',
    'http://é.com/', 'http://a:/', 'http://[fe80::1%25en0]/', 'http://h/%zz', 'http://h/a?b#c%zz', 'http://h/a?b%zz', 'http://h?x', '//h/p', '///p', 'x:/p',
    'http://h/\u0001', 'http://%zz/', 'http://u%zz@h/', 'http://@h/', 'http://h:80:90/', 'http://a/b/../c', 'HTTP://H/', ':x', '1:x'].flatMap((v): Case[] => [[JSON.stringify(v), '{"format":"uri"}'], [JSON.stringify(v), '{"format":"uri-reference"}']]),
  ...['http://x/{a}', 'http://x/{a', 'http://x/}{', 'http://x/{a}{'].map((v): Case => [JSON.stringify(v), '{"format":"uri-template"}']),
  ...['123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000', '123e4567e89b12d3a456426614174000'].map((v): Case => [JSON.stringify(v), '{"format":"uuid"}']),
  ...['', '/a/b', '/a~0b~1', '/a~2', 'a'].map((v): Case => [JSON.stringify(v), '{"format":"json-pointer"}']),
  ...['0', '1/a', '0#', '01', '-1'].map((v): Case => [JSON.stringify(v), '{"format":"relative-json-pointer"}']),
  ...['', 'a+', '(', '(?i)x', '\\p{Greek}'].map((v): Case => [JSON.stringify(v), '{"format":"regex"}']),
  ...EMAILS.flatMap((v): Case[] => [[JSON.stringify(v), '{"format":"email"}'], [JSON.stringify(v), '{"format":"idn-email"}']]),
  ['1', '{"format":"date"}'],
  ['"x"', '{"format":"no-such-format"}'],
];

const ORDER_AND_SCORES: Case[] = [
  ['{"a":1}', '{"type":"object","required":["b"],"minProperties":2,"anyOf":[{"required":["c"]}],"not":{"required":["a"]},"enum":[{}]}'],
  ['[1,2,3]', '{"items":{"maximum":1},"maxItems":2,"uniqueItems":true,"contains":{"type":"string"},"const":[1]}'],
  ['"abc"', '{"anyOf":[{"minLength":5,"maxLength":1},{"pattern":"^x"}]}'],
  ['"abc"', '{"oneOf":[{"minLength":5,"maxLength":1},{"pattern":"^x"},{"type":"integer"}]}'],
  ['{"a":"x"}', '{"oneOf":[{"properties":{"a":{"type":"integer"}}},{"required":["q","r"]}]}'],
  ['5', '{"allOf":[{"anyOf":[{"maximum":1},{"minimum":10}]},{"not":{"type":"integer"}}]}'],
  ['[{"a":1},{"a":"x"}]', '{"items":{"properties":{"a":{"type":"string"}}},"contains":{"properties":{"a":{"type":"boolean"}}}}'],
  ['{"k":{"k":{"k":2}}}', '{"definitions":{"n":{"type":"object","properties":{"k":{"anyOf":[{"$ref":"#/definitions/n"},{"type":"integer","maximum":1}]}}}},"$ref":"#/definitions/n"}'],
];

const PATTERNS: Case[] = [
  ['"abc123"', '{"pattern":"\\\\d+$"}'],
  ['"ABC"', '{"pattern":"(?i)^abc$"}'],
  ['"Éa"', '{"pattern":"^\\\\p{Lu}"}'],
  ['"éa"', '{"pattern":"^\\\\p{Lu}"}'],
  ['"x"', '{"pattern":"(?=x)"}'],
  ['"a\\nb"', '{"pattern":"^b"}'],
  ['"a\\nb"', '{"pattern":"(?m)^b"}'],
  ['"ab"', '{"pattern":"\\\\Aab\\\\z"}'],
  ['{"Ab":1,"b":2}', '{"patternProperties":{"^[A-Z]":{"type":"string"}}}'],
  ['{"b":1}', '{"patternProperties":{"":{"type":"string"}}}'],
  ['{"xy":1}', '{"patternProperties":{"x":{"minimum":0},"y":{"maximum":0}}}'],
  ['{"a":"x"}', '{"properties":{"a":{"minLength":2}},"patternProperties":{"a":{"maxLength":0}}}'],
];

const ANY_ONE_SCORES: Case[] = [
  ['{"a":1,"b":2}', '{"anyOf":[{"required":["x"]},{"required":["y","z"]},{"properties":{"a":{"type":"string"}}}]}'],
  ['{"a":1,"b":2}', '{"oneOf":[{"required":["x","y"]},{"properties":{"a":{"type":"string"},"b":{"type":"integer"}}},{"required":["z"]}]}'],
  ['{"a":1}', '{"oneOf":[{"required":["a"]},{"properties":{"a":{"type":"integer"}}}]}'],
  ['[1,"a",{}]', '{"anyOf":[{"items":{"type":"string"}},{"items":{"type":"integer"}}]}'],
  ['[1,"a",{}]', '{"anyOf":[{"items":{"type":"integer"}},{"items":{"type":"string"}}]}'],
  ['"abc"', '{"anyOf":[{"type":"integer"},{"minLength":5}]}'],
  ['"abc"', '{"anyOf":[{"minLength":5},{"type":"integer"}]}'],
  ['[{"a":"x"},{"a":1,"b":1}]', '{"contains":{"required":["a","b"],"properties":{"a":{"type":"string"}}}}'],
  ['{"a":{"b":1}}', '{"anyOf":[{"properties":{"a":{"properties":{"b":{"type":"string"}}}}},{"required":["q"]}]}'],
  ['5', '{"anyOf":[{"not":{"type":"integer"}},{"allOf":[{"maximum":1},{"minimum":0}]}]}'],
  ['{"a":1}', '{"anyOf":[{"dependencies":{"a":["b"]}},{"dependencies":{"a":{"required":["c"]}}}]}'],
  ['{"a":1}', '{"anyOf":[{"if":{"required":["a"]},"then":{"required":["b"]}},{"propertyNames":{"maxLength":0}}]}'],
  ['{"a":1}', '{"anyOf":[{"additionalProperties":false},{"additionalProperties":{"type":"string"}}]}'],
  ['{"a":1}', '{"anyOf":[{"patternProperties":{"a":{"type":"string"}}},{"additionalProperties":false}]}'],
];

const BIG_NUMBERS: Case[] = [
  ['{"n":123456789012345678901234567890}', '{"properties":{"n":{"maximum":123456789012345678901234567889}}}'],
  ['{"n":123456789012345678901234567890}', '{"properties":{"n":{"multipleOf":10}}}'],
  ['{"n":0.1}', '{"properties":{"n":{"multipleOf":0.01}}}'],
  ['{"n":0.30000000000000004}', '{"properties":{"n":{"multipleOf":0.1}}}'],
  ['{"n":9007199254740993}', '{"properties":{"n":{"const":9007199254740992}}}'],
  ['{"n":9007199254740993}', '{"properties":{"n":{"enum":[9007199254740992]}}}'],
  ['{"n":1e-400}', '{"properties":{"n":{"exclusiveMinimum":0}}}'],
  ['{"n":-0}', '{"properties":{"n":{"const":0}}}'],
  ['{"n":2.5}', '{"properties":{"n":{"maximum":2.4999999999999999999999}}}'],
  ['{"n":1}', '{"properties":{"n":{"maximum":0.3333333333333333333333333333333333}}}'],
  ['{"n":1}', '{"properties":{"n":{"minimum":1234567}}}'],
  ['{"n":1}', '{"properties":{"n":{"minimum":123456}}}'],
  ['{"n":1}', '{"properties":{"n":{"multipleOf":0.7}}}'],
];

describe('json.match_schema on the host equals opa eval', () => {
  it(`types: ${TYPES.length} cases`, () => {
    expect(mismatches(match(TYPES))).toEqual([]);
  });
  it(`numbers (exact comparisons, multipleOf, big.Float texts): ${NUMBERS.length} cases`, () => {
    expect(mismatches(match(NUMBERS))).toEqual([]);
  });
  it(`bound texts (big.Float shortest): ${BOUNDS.length} cases`, () => {
    expect(mismatches(match(BOUNDS))).toEqual([]);
  });
  it(`strings: ${STRINGS.length} cases`, () => {
    expect(mismatches(match(STRINGS))).toEqual([]);
  });
  it(`arrays: ${ARRAYS.length} cases`, () => {
    expect(mismatches(match(ARRAYS))).toEqual([]);
  });
  it(`objects: ${OBJECTS.length} cases`, () => {
    expect(mismatches(match(OBJECTS))).toEqual([]);
  });
  it(`anyOf / oneOf / allOf / not / if-then-else: ${COMBINATORS.length} cases`, () => {
    expect(mismatches(match(COMBINATORS))).toEqual([]);
  });
  it(`const / enum: ${CONST_ENUM.length} cases`, () => {
    expect(mismatches(match(CONST_ENUM))).toEqual([]);
  });
  it(`formats: ${FORMATS.length} cases`, () => {
    expect(mismatches(match(FORMATS))).toEqual([]);
  });
  it(`error order and anyOf / oneOf / contains scores: ${ORDER_AND_SCORES.length} cases`, () => {
    expect(mismatches(match(ORDER_AND_SCORES))).toEqual([]);
  });
  it(`pattern / patternProperties (Go regexp syntax): ${PATTERNS.length} cases`, () => {
    expect(mismatches(match(PATTERNS))).toEqual([]);
  });
  it(`which branch anyOf / oneOf / contains report (scores): ${ANY_ONE_SCORES.length} cases`, () => {
    expect(mismatches(match(ANY_ONE_SCORES))).toEqual([]);
  });
  it('operands only known when evaluated: numbers, arrays, null', () => {
    expect(
      mismatches([
        'json.verify_schema(json.unmarshal("[1]"))', 'json.verify_schema(json.unmarshal("1"))', 'json.verify_schema(json.unmarshal("null"))',
        'json.verify_schema(json.unmarshal("true"))', 'json.match_schema(json.unmarshal("1"), "{}")', 'json.match_schema("1", json.unmarshal("1"))',
        'json.match_schema(json.unmarshal("[1,2]"), "{\\"maxItems\\":1}")', 'json.match_schema("[1,2]", json.unmarshal("[{}]"))',
        'json.match_schema("true", json.unmarshal("true"))', 'json.match_schema("1", "true")', 'json.match_schema("1", "false")', 'json.verify_schema("false")',
      ]),
    ).toEqual([]);
  });
  it(`big and exact numbers: ${BIG_NUMBERS.length} cases`, () => {
    expect(mismatches(match(BIG_NUMBERS))).toEqual([]);
  });
  it('operands: JSON text that is not JSON, sets, non-string keys, arrays', () => {
    expect(
      mismatches([
        'json.match_schema("{", "{}")', 'json.match_schema("{}", "{")', 'json.match_schema("", "{}")',
        'json.match_schema({"a": {1, 2}}, {"properties": {"a": {"type": "array", "uniqueItems": true}}})',
        'json.match_schema({"a": 1}, {"properties": {"a": {"enum": {1, 2}}}})',
        'json.match_schema({1: 1}, {})', ...['1', 'true', '[1, "a"]', '{"k": 1, "b": "<"}', 'null', '1.50', '{1, "x"}'].map((k) => `json.match_schema({${k}: 1}, {"additionalProperties": false})`),
        'json.match_schema({1: 1}, {"properties": {"1": {"type": "string"}}})', 'json.match_schema({}, {"properties": {"a": {"enum": [{1: 2}]}}})',
        'json.verify_schema({1: 1})', 'json.verify_schema({"enum": [{1: 2}]})', 'json.verify_schema({"type": "string"})',
        'json.verify_schema({"items": [{"type": "string"}, true]})',
        'json.match_schema(" {\\"a\\" : [1, 2] } ", " {\\"properties\\": {\\"a\\": {\\"maxItems\\": 1}}} ")',
        'json.match_schema("{\\"a\\":1,\\"a\\":\\"x\\"}", "{\\"properties\\":{\\"a\\":{\\"type\\":\\"integer\\"}}}")',
        'json.match_schema("\\"\\\\u00e9\\\\ud800\\"", "{\\"maxLength\\":1}")',
      ]),
    ).toEqual([]);
  });
  it(`$ref / $id / definitions: ${REFS.length} cases`, () => {
    expect(mismatches(match(REFS))).toEqual([]);
  });
});

describe('json.verify_schema on the host equals opa eval', () => {
  it(`invalid schemas: ${INVALID_SCHEMAS.length} cases (and match_schema with each is undefined)`, () => {
    const exprs = [...verify(INVALID_SCHEMAS), ...INVALID_SCHEMAS.map((s) => `json.match_schema("1", ${lit(s)})`)];
    expect(mismatches(exprs)).toEqual([]);
  });
  it('valid schemas of every case above', () => {
    // $ref cycles compile (validating against them overflows OPA's stack)
    expect(mismatches(verify(['{"$ref":"#"}', '{"$ref":"#a/b"}', '{"definitions":{"a":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"}']))).toEqual([]);
    const all = [...TYPES, ...NUMBERS, ...STRINGS, ...ARRAYS, ...OBJECTS, ...COMBINATORS, ...CONST_ENUM, ...REFS].map(([, s]) => s);
    expect(mismatches(verify(all))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded random schemas and documents: every keyword mixed with the others, all drafts. Errors are
// compared as sorted lists, since objects with several properties report them in Go's random order.

function generator(seed: number): { doc: (depth: number) => string; schema: (depth: number) => string; rnd: () => number } {
  let state = seed;
  const rnd = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  const NUMS = ['0', '1', '-1', '2.5', '0.1', '1e2', '3', '10', '1.0', '-0.5', '7', '100', '0.3'];
  const STRS = ['"a"', '"abc"', '""', '"hello world"', '"x1"', '"2020-01-01"', '"ab"'];
  const doc = (depth: number): string => {
    const r = rnd();
    if (depth <= 0 || r < 0.4) return pick([...NUMS, ...STRS, 'true', 'false', 'null']);
    if (r < 0.7) return `[${Array.from({ length: Math.floor(rnd() * 4) }, () => doc(depth - 1)).join(',')}]`;
    const keys = ['a', 'b', 'x1'].slice(0, Math.floor(rnd() * 2) + (rnd() < 0.3 ? 1 : 0));
    return `{${keys.map((k) => `"${k}":${doc(depth - 1)}`).join(',')}}`;
  };
  const schema = (depth: number): string => {
    const kws = new Map<string, string>();
    const sub = (): string => (depth > 0 ? schema(depth - 1) : pick(['{}', 'true', 'false', '{"type":"integer"}', '{"type":"string"}']));
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const k = pick(['type', 'types', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
        'items', 'itemsArr', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'properties', 'required', 'additionalProperties',
        'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependencies', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not', 'if',
        'format', 'exclusiveBool', 'ref']);
      const put = (key: string, value: string): void => void kws.set(key, `"${key}":${value}`);
      switch (k) {
        case 'type': put('type', pick(['"integer"', '"number"', '"string"', '"array"', '"object"', '"null"', '"boolean"'])); break;
        case 'types': put('type', pick(['["integer","string"]', '["null","object"]', '["array","boolean","number"]'])); break;
        case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': put(k, pick(NUMS)); break;
        case 'multipleOf': put(k, pick(['0.1', '2', '0.5', '3', '1.5', '0.01'])); break;
        case 'minLength': case 'maxLength': case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties': put(k, pick(['0', '1', '2', '3'])); break;
        case 'pattern': put(k, pick(['"^a"', '"b"', '"^[a-z]+$"', '"\\\\d"'])); break;
        case 'items': put(k, sub()); break;
        case 'itemsArr': put('items', `[${sub()},${sub()}]`); break;
        case 'additionalItems': put(k, pick(['false', '{"type":"string"}'])); break;
        case 'uniqueItems': put(k, 'true'); break;
        case 'contains': case 'not': put(k, sub()); break;
        case 'properties': put(k, `{"a":${sub()}}`); break;
        case 'required': put(k, pick(['["a"]', '["b"]', '["x1"]'])); break;
        case 'additionalProperties': put(k, pick(['false', '{"type":"integer"}', 'true'])); break;
        case 'patternProperties': put(k, `{"^x":${sub()}}`); break;
        case 'propertyNames': put(k, pick(['{"maxLength":1}', '{"pattern":"^a"}', 'false'])); break;
        case 'dependencies': put(k, `{"a":${pick(['["b"]', '{"required":["x1"]}', '{"properties":{"b":{"type":"string"}}}'])}}`); break;
        case 'enum': put(k, `[${doc(1)},${doc(1)}]`); break;
        case 'const': put(k, doc(1)); break;
        case 'anyOf': case 'oneOf': case 'allOf': put(k, `[${sub()},${sub()}${rnd() < 0.5 ? `,${sub()}` : ''}]`); break;
        case 'if': put('if', sub()); put('then', sub()); put('else', sub()); break;
        case 'format': put(k, pick(['"date"', '"ipv4"', '"hostname"', '"uri"', '"date-time"'])); break;
        case 'exclusiveBool': put('minimum', pick(NUMS)); put('exclusiveMinimum', pick(['true', 'false'])); break;
        case 'ref':
          // only at the top: a nested "#/definitions/d" would name the root's, a cycle that overflows OPA's stack
          if (depth < 2) break;
          put('definitions', `{"d":${sub()}}`);
          put('allOf', '[{"$ref":"#/definitions/d"}]');
          break;
      }
    }
    return `{${[...kws.values()].join(',')}}`;
  };
  return { doc, schema, rnd };
}

function randomCases(seed: number, n: number): string[] {
  const g = generator(seed);
  return Array.from({ length: n }, () => {
    const d = g.doc(3);
    let s = g.schema(2);
    if (g.rnd() < 0.45) s = `{"$schema":"http://json-schema.org/draft-0${['4', '6', '7'][Math.floor(g.rnd() * 3)]}/schema#"${s === '{}' ? '' : ','}${s.slice(1)}`;
    return `json.match_schema(${lit(d)}, ${lit(s)})`;
  });
}

/** `[valid, [errors]]` with the errors sorted. */
function sortedErrors(t: string): string {
  const m = /^\[(true|false), \[(.*)\]\]$/s.exec(t);
  if (!m) return t;
  const items = m[2] === '' ? [] : m[2]!.split(/(?<=\}), (?=\{)/);
  return `${m[1]} ${items.sort().join(' | ')}`;
}

describe('random schemas and documents (seeded) on the host equal opa eval', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 300 cases`, () => {
      const exprs = randomCases(seed, 300);
      const mine = wasmEvalAll(exprs, hostBuiltins, false);
      const theirs = opaEvalAll(exprs).map((v) => (v ? regoTermString(v) : 'undefined'));
      const bad = exprs.flatMap((e, i) => (sortedErrors(mine[i]!) === sortedErrors(theirs[i]!) ? [] : [`${e}: got ${mine[i]}, opa ${theirs[i]}`]));
      expect(bad).toEqual([]);
      // the cases are not trivial: some valid, many invalid
      expect(theirs.filter((t) => t.startsWith('[false')).length).toBeGreaterThan(60);
      expect(theirs.filter((t) => t.startsWith('[true')).length).toBeGreaterThan(20);
    });
  }
});

describe('what preadmit does not reproduce fails the evaluation', () => {
  const match = hostBuiltins['json.match_schema']!;
  const verify = hostBuiltins['json.verify_schema']!;
  it('a remote $ref is never fetched: an evaluation error, for match_schema and verify_schema', () => {
    for (const s of ['{"$ref":"http://example.com/s.json"}', '{"$ref":"file:///etc/passwd"}', '{"items":{"$ref":"https://example.com/s.json#/a"}}']) {
      expect(() => match(regoString('1'), regoString(s))).toThrow(/remote reference .* is not loaded/);
      expect(() => verify(regoString(s))).toThrow(/remote reference .* is not loaded/);
    }
  });
  it('a number with an exponent beyond 10000 is an evaluation error', () => {
    expect(() => match(regoString('1e10001'), regoString('{"minimum":1}'))).toThrow(/too large an exponent/);
    expect(() => match(regoString('1'), regoString('{"minimum":1e-10001}'))).toThrow(/too large an exponent/);
  });
  it('a document number beyond float64 met by const / enum / uniqueItems (where OPA panics) is an evaluation error', () => {
    expect(() => match(regoString('[1e400,1e400]'), regoString('{"uniqueItems":true}'))).toThrow(/cannot unmarshal number 1e400/);
    expect(() => match(regoString('1e400'), regoString('{"enum":[1]}'))).toThrow(/cannot unmarshal number 1e400/);
  });
  it('a $ref cycle with nothing in between is an evaluation error (OPA overflows its stack), not undefined', () => {
    expect(() => match(regoString('1'), regoString('{"$ref":"#"}'))).toThrow(RangeError);
    expect(() => match(regoString('1'), regoString('{"$ref":"#a/b"}'))).toThrow(RangeError);
    expect(() => match(regoString('1'), regoString('{"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"}'))).toThrow(RangeError);
  });
});
