// strings.render_template on preadmit's host (src/go/template.ts: Go's text/template with missingkey=error
// over json.Number data) against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte, errors
// (undefined) included. What preadmit does not implement is an evaluation error, never an undefined call.
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../src/opa/builtins.ts';
import { parseRegoValue, regoString } from '../../src/opa/rego-value.ts';
import { mismatches } from './wasm-oracle.ts';

const VARS = `{"name": "web", "n": 5, "f": 1.5, "big": 12345678901234567890, "zero": 0, "t": true, "no": false, "nil": null,
  "s": "", "list": ["a", 1, true, null, {"k": "v"}], "empty": [], "m": {"b": 2, "a": 1, "c": [3]}, "em": {},
  "nested": {"x": {"y": {"z": "deep"}}}, "str": "héllo", "nums": ["10", "9"]}`;

const TEMPLATES = [
  'plain text', '', '{{.name}}', '{{ .name }}', '{{.n}} {{.f}} {{.big}} {{.zero}}', '{{.t}} {{.no}} {{.nil}} {{.s}}',
  '{{.list}}', '{{.m}}', '{{.em}} {{.empty}}', '{{.nested.x.y.z}}', '{{.nested.x}}',
  '{{.missing}}', '{{.nested.missing}}', '{{.name.x}}', '{{.nil.x}}', '{{.list.x}}',
  '{{.}}', '{{$}}', '{{$.name}}', '{{$x := .name}}{{$x}}', '{{$x := 1}}{{$x = 2}}{{$x}}', '{{$y}}', '{{$x = 1}}',
  '{{if .t}}yes{{else}}no{{end}}', '{{if .no}}yes{{else}}no{{end}}', '{{if .s}}a{{else if .n}}b{{else}}c{{end}}',
  '{{if .zero}}nonempty{{end}}', '{{if .nil}}x{{else}}y{{end}}', '{{if .empty}}x{{else}}y{{end}}', '{{if .em}}x{{else}}y{{end}}',
  '{{if 0}}x{{else}}y{{end}}', '{{if 0.0}}x{{else}}y{{end}}', '{{if ""}}x{{else}}y{{end}}',
  '{{with .nested.x}}{{.y.z}}{{end}}', '{{with .s}}x{{else}}empty{{end}}', '{{with $v := .name}}{{$v}}-{{.}}{{end}}',
  '{{with .s}}a{{else with .name}}{{.}}{{end}}',
  '{{range .list}}[{{.}}]{{end}}', '{{range $i, $e := .list}}{{$i}}={{$e}};{{end}}', '{{range $k, $v := .m}}{{$k}}:{{$v}},{{end}}',
  '{{range .empty}}x{{else}}none{{end}}', '{{range .nil}}x{{else}}none{{end}}', '{{range .name}}x{{end}}', '{{range 3}}{{.}}{{end}}',
  '{{range $i, $e := .list}}{{if eq $i 2}}{{break}}{{end}}{{$e}}{{end}}', '{{range $i, $e := .list}}{{if eq $i 1}}{{continue}}{{end}}{{$i}}{{end}}',
  '{{break}}', '{{range $x := .m}}{{$x}}{{end}}', '{{range $a, $b, $c := .m}}{{end}}',
  '{{len .list}} {{len .m}} {{len .str}} {{len .s}}', '{{len .n}}', '{{len .nil}}', '{{len 3}}',
  '{{index .list 0}} {{index .m "b"}} {{index .nested "x" "y" "z"}}', '{{index .list 9}}', '{{index .m "zz"}}', '{{index .list .n}}', '{{index .list -1}}',
  '{{print .name .n}} {{print 1 2}} {{print "a" "b"}} {{print 1 "a" 2}} {{print .t .no}}', '{{println .name 1}}', '{{print}}',
  '{{printf "%s-%d" .name 3}}', '{{printf "%v" .list}}', '{{printf "%v|%v" .m .t}}', '{{printf "%q" .name}}', '{{printf "%05.2f" 3.14159}}', '{{printf "%x" "hi"}}',
  '{{printf "%s" .n}}', '{{printf "%v" .n}}',
  '{{eq .name "web"}} {{eq .n "5"}} {{eq 1 1}} {{eq 1 2 1}} {{eq .t true}} {{ne .name "x"}}', '{{eq .n 5}}', '{{eq 1 1.0}}', '{{eq .list .list}}', '{{eq .nil .nil}}', '{{eq .nil "x"}}',
  '{{lt 1 2}} {{le 2 2}} {{gt 3 2}} {{ge 1 2}} {{lt "a" "b"}} {{lt 1.5 2.5}}', '{{lt (index .nums 0) (index .nums 1)}}', '{{lt .n 6}}', '{{lt true false}}', '{{lt .list .list}}',
  '{{and .t .name}} {{and .no .name}} {{or .s .name}} {{or .s .zero}} {{not .t}} {{not .s}}', '{{and}}', '{{or .t (index .list 99)}}', '{{and .no (index .list 99)}}',
  '{{.name | printf "%s!"}}', '{{.name | len}}', '{{"x" | printf "%s-%s" "a"}}', '{{.name | .n}}', '{{(.nested).x.y.z}}', '{{(index .list 4).k}}', '{{(print 1 2) | len}}',
  '{{- " a " -}}  b  {{- .name -}}  c', 'a {{- /* comment */ -}} b', '{{/* c */}}', 'a{{/* unterminated', '{{-3}}', '{{- 3}}',
  '{{"esc\\t\\u00e9\\x41"}}', '{{`raw\\n`}}', "{{'a'}} {{'\\n'}}", '{{0x1F}} {{0o17}} {{017}} {{1_000}} {{1e3}} {{1.0}} {{-0}}',
  '{{nil}}', '{{print nil}}', '{{true}} {{false}}', '{{1 2}}', '{{.name 1}}', '{{undefinedfn}}', '{{if}}{{end}}', '{{if .t}}', '{{end}}', '{{else}}',
  '{{.name', 'a }} b', '{{(.name}}', '{{.name)}}', '{{range .list}}{{else}}{{else}}{{end}}', '{{$x := 1}}{{if .t}}{{$x := 2}}{{$x}}{{end}}{{$x}}',
  '{{if .t}}{{$x := 2}}{{end}}{{$x}}', '{{$x := .list}}{{range $x}}{{.}}{{end}}', '{{.Name}}', '{{index .str 0}}',
];

describe('strings.render_template on the host equals opa eval', () => {
  it(`${TEMPLATES.length} templates`, () => {
    expect(mismatches(TEMPLATES.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it('sets, non-string keys, non-object variables and non-string templates are undefined', () => {
    expect(mismatches(['strings.render_template("x", json.unmarshal("[1]"))', 'strings.render_template(json.unmarshal("1"), {})',
      'strings.render_template("{{.a}}", {"a": {1, 2}})', 'strings.render_template("x", {"a": {1: 2}})', 'strings.render_template("{{.a}}", {"a": 1.0, "b": 1e400})'])).toEqual([]);
  });
  it('what preadmit does not implement is an evaluation error', () => {
    const vars = parseRegoValue('{"a": [1, 2, 3]}');
    for (const t of ['{{define "x"}}y{{end}}', '{{template "x"}}', '{{slice .a 1}}', '{{html "<"}}', '{{printf "%d" .a}}']) {
      expect(() => hostBuiltins['strings.render_template']!(regoString(t), vars)).toThrow(/not supported by preadmit/);
    }
  });
});
