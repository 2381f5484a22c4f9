// strings.render_template on preadmit's host (src/go/template.ts: Go's text/template with missingkey=error
// over json.Number data) against the real topdown `opa eval` of Gatekeeper's OPA, byte for byte, errors
// (undefined) included. What preadmit does not implement is an evaluation error, never an undefined call.
import { describe, expect, it } from 'vitest';
import { hostBuiltins } from '../../../src/opa/builtins.ts';
import { parseRegoValue, regoString } from '../../../src/opa/rego-value.ts';
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

/** Missing keys, nil, syntax edges, define/template/block, printf's error texts. */
const EDGES = [
  '{{.missing.x}}', '{{print .missing}}', '{{if .missing}}y{{else}}n{{end}}', '<no value>{{.n}}', '{{"<no value>"}}', '{{.m.zz.y}}',
  '{{printf "%v" .missing}}', 'x<undefined>', '{{(index .m "zz").x}}', '{{$x := .nil}}{{$x.y}}', '{{.nil.y}}', '{{(.nil).y}}',
  '{{with $x := .nil}}a{{else}}b{{end}}', '{{eq .missing nil}}', '{{eq .nil nil}}', '{{eq .missing .nil}}', '{{len .missing}}',
  '{{index .missing 1}}', '{{range .missing}}x{{else}}e{{end}}', '{{.missing | len}}', '{{index .str 0}}', '{{index .str 1}}',
  '{{..x}}', '{{. .x}}', '{{(.).x}}', '{{$.n}}', '{{$x := .}}{{$x.n}}', '{{..}}', '{{$=1}}', '{{$x=1}}', '{{if"a"}}x{{end}}', '{{.n=1}}', '{{.=1}}', '{{print"a"}}', '{{$x:=1}}{{$x}}', '{{.n}}', '{{.x١}}', '{{$١}}',
  '{{\'\\np-\'}}', '{{\'\\x41if\'}}', '{{\'\\xff\'}}', '{{\'\\377\'}}', '{{\'\\400\'}}', '{{\'\\"\'}}', '{{\'\\\'\'}}', '{{\'\\u00e9\'}}',
  '{{\'\\U0001F600\'}}', '{{\'\\ud800\'}}', '{{\'\\U00110000\'}}', '{{\'\\q\'}}', '{{\'ab\'}}', '{{\'é\'}}', '{{\'😀\'}}', '{{\'\'}}', '{{\'\\\'}}',
  '{{\'\\\\\'}}', '{{\'\\a\'}} {{\'\\v\'}}', '{{\'\\x4\'}}', '{{\'\\0\'}}', '{{\'\\000\'}}',
  '{{printf "%c|%q|%U" \'\\xff\' \'\\x00\' \'\\U0010FFFF\'}}', '{{0x1p-1074}}', '{{0x1p-1075}}', '{{0x1.8p-1075}}', '{{0x1p-1076}}', '{{0x3p-1076}}',
  '{{0x1.00000000000008p0}}', '{{0x1.00000000000018p0}}', '{{0x1.000000000000081p0}}', '{{0x1.fffffffffffffp1023}}', '{{0x1.fffffffffffff8p1023}}',
  '{{0x1p1024}}', '{{0x1p-1022}}', '{{0x0.fffffffffffffp-1022}}', '{{0x1.0000000000001p-1023}}', '{{0x123456789abcdef0123p-10}}', '{{-0x1p-2000}}',
  '{{0x1p9223372036854775808}}', '{{0x1p-9223372036854775808}}', '{{0x1.00000000000008p-1060}}', '{{printf "%b %x" 0x1.8p-1070 0x1p-1074}}',
  '{{0x1.00000000000001p0}}', '{{0x1p-1074i}}',
  '{{( -}}', '{{(1 -}}x', '{{- ( "b" with index \'a\' -}} {{end}}', '{{.name}}{{', '}}', '{{{.name}}}', '{{ }}', '{{|}}', '{{.name |}}', '{{| .name}}', '{{.name | | len}}', '{{(1) (2)}}', '{{((.name))}}', '{{()}}',
  '{{$ := 1}}', '{{$x := 1}}{{$x := 2}}{{$x}}', '{{$x, $y := .list}}', '{{range $x, $y := .list}}{{$x}}{{end}}{{$x}}',
  '{{if 1}}{{else if 2}}{{else if 3}}{{end}}', '{{if .n}}{{else}}{{else if 1}}{{end}}', '{{with 1}}{{else if 1}}{{end}}', '{{range .list}}{{else if 1}}{{end}}',
  '{{.n.x}}', '{{1.5}} {{1e6}} {{-1.5e-7}} {{0x10}} {{1e100}} {{.5}} {{5.}}', '{{+3}}', '{{0xg}}', '{{08}}', '{{1_}}', '{{1_0.5}}', '{{1_0._5}}', '{{1e1_0}}',
  '{{9223372036854775807}}', '{{9223372036854775808}}', '{{-9223372036854775808}}', '{{"a" "b"}}', '{{print "a"|print "b"}}', '{{print (print "a" 1) 2}}',
  '{{len}}', '{{not}}', '{{not 1 2}}', '{{eq}}', '{{eq 1}}', '{{ne 1}}', '{{lt 1}}', '{{index}}', '{{index .list}}', '{{index .m "a" "b"}}', '{{index 1 1}}',
  '{{index .list 1.0}}', '{{index .list "1"}}', "{{'ab'}}", "{{''}}", "{{'\\''}}", '{{"\\q"}}', '{{"a\nb"}}', '{{`a',
  '{{-.name}}', '{{.name-}}', '{{.name -}}x', "a \n {{- .name}}", "{{.name -}} \n\t b", '{{- /* c */}}x', '{{/* c */ -}} x', '{{ /* c */ }}', '{{/* a */ .name}}',
  '{{range .list}}{{break}}{{else}}e{{end}}', '{{range .list}}{{if true}}{{continue}}{{end}}x{{end}}', '{{if true}}{{break}}{{end}}',
  '{{range .list}}{{with 1}}{{break}}{{end}}{{.}}{{end}}', '{{range -1}}x{{else}}e{{end}}', '{{range 0}}x{{else}}e{{end}}', '{{range .n}}{{.}}{{end}}',
  '{{range $i, $x := 3}}{{end}}', '{{range "abc"}}{{.}}{{end}}', '{{range true}}{{end}}', '{{if 1}}a{{else}}b{{else}}c{{end}}',
  '{{define "a"}}{{end}}', '{{define "a"}}A{{.}}{{end}}{{template "a" .name}}', '{{template "a"}}{{define "a"}}A{{.}}{{end}}', '{{template "zz"}}',
  '{{block "b" .n}}B{{.}}{{end}}|{{template "b" 7}}', '{{define "a"}}1{{end}}{{define "a"}}2{{end}}', '{{define "a"}}{{end}}{{define "a"}}2{{end}}{{template "a"}}',
  '{{if 1}}{{define "a"}}{{end}}{{end}}', '{{define "a"}}{{break}}{{end}}', '{{define "a"}}{{$}}{{end}}{{template "a" .n}}', '{{template "template"}}',
  '{{define "r"}}{{if .}}{{template "r" (index . 0)}}x{{end}}{{end}}{{template "r" .list}}', '{{define "a" "b"}}{{end}}', '{{define a}}{{end}}',
  '{{printf "%d %d" 1}}', '{{printf "%s"}}', '{{printf "%d" "x"}}', '{{printf "%d" .n}}', '{{printf "%s %s" 1 2}}', '{{printf "x" 1}}',
  '{{printf "%T %T %T" .n 1 "s"}}', '{{printf "%d %s %v %q %x %5.1f" .n .n .n .n .n .f}}', '{{printf "%d" 1.5}}', '{{printf "%[2]s %[1]s" "a" "b"}}',
  '{{printf "%v" true}}', '{{printf 1}}', '{{print 1.0 2.50 1e21 1e-5}}', '{{print "a" .n .n 1 2 "b" true false}}', '{{println}}',
];

/** slice, html, js, urlquery, call, and printf's verbs on nil, bools, lists and maps. */
const FUNCS = [
  '{{slice .list 1}}', '{{slice .list 1 3}}', '{{slice .list 1 2 3}}', '{{slice .list}}', '{{slice .list 1 1}}', '{{slice .list 5}}', '{{slice .empty}}',
  '{{slice .str 1}}', '{{slice .str 0 1}}', '{{slice .str 3}}', '{{slice .name 1 2}}', '{{slice .name 3 1}}', '{{slice .name -1}}', '{{slice .name 9}}',
  '{{slice .name 4}}', '{{slice .name 1 2 3}}', '{{slice .m 1}}', '{{slice .missing 1}}', '{{slice .nil}}', '{{slice .n 0}}', '{{printf "%d" (slice .n 0)}}',
  '{{slice .big 1 4}}', '{{slice .list "1"}}', '{{slice .list 1.0}}', '{{slice .list nil}}', '{{slice .list 0 1 2 3}}', '{{slice}}', '{{1 | slice .list}}',
  '{{slice .list 2 1}}', '{{slice .list 0 2 1}}', '{{slice 1}}', '{{slice .t}}', '{{len (slice .list 1)}}', '{{index (slice .list 3) 1}}', '{{slice .s}}',
  '{{html "<a href=\'x\'>&\\"</a>"}}', '{{html .name 1 2}}', '{{html .missing}}', '{{html nil}}', '{{html}}', '{{html .list}}', '{{html .m}}',
  '{{html 1 "a" 2}}', '{{.name | html}}', '{{html "a\u0000b"}}', '{{html .n .n}}', '{{html .nil .nil}}', '{{html .t}}', '{{html "<no value>"}}',
  '{{js "a\'b\\"c<>&=\\\\"}}', '{{js "\t\n\u0001\u001fé\u2028\u00a0😀\u00ad\u0378"}}', '{{js .list}}', '{{js .missing}}', '{{js 1.5 2}}', '{{js}}',
  '{{urlquery "a b&c=d/é?+%#"}}', '{{urlquery .name .n}}', '{{urlquery .missing}}', '{{urlquery}}', '{{urlquery "~-_."}}', '{{urlquery .m}}',
  '{{call .name}}', '{{call .missing}}', '{{call}}', '{{call nil}}', '{{call .list 1}}', '{{call 1}}', '{{"x" | call}}',
  '{{printf "%d" .list}}', '{{printf "%s" .list}}', '{{printf "%q" .list}}', '{{printf "%x" .list}}', '{{printf "%5v|%-5v|" .list .t}}',
  '{{printf "%t %t" .t .no}}', '{{printf "%d" .t}}', '{{printf "%5d" .t}}', '{{printf "%s" .nil}}', '{{printf "%v %d %T" .nil .nil .nil}}',
  '{{printf "%T %T %T" .list .m .t}}', '{{printf "%d" .m}}', '{{printf "%q" .m}}', '{{printf "%v" .m}}', '{{printf "%+v" .m}}', '{{printf "%06.2f" .list}}',
  '{{printf "%v %v" .t}}', '{{printf "%v" .t 1 .list .nil "x" .n 2.5}}', '{{printf "%" .t}}', '{{printf "%5.1s|" .t}}', '{{printf "%x" .t}}',
  '{{printf "%%%v" .t}}', '{{printf "%v" .missing}}', '{{printf "%s" nil}}', '{{printf "%.1q" .list}}', '{{printf "%05s" .list}}', '{{printf "%d" .empty}}',
  '{{printf "%v" .em}}', '{{printf "%s" .nested}}', '{{printf "%#x" .list}}', '{{printf "%U" .list}}', '{{printf "%c" .t}}', '{{printf "%e" .list}}',
  '{{printf "%T" (index .list 4)}}', '{{printf "%5T|" .list}}', '{{printf "%T" .list}}', '{{printf "%d %s" .n .list}}', '{{printf "%-8t|%08t" .t .no}}',
  '{{printf "%p|%5p|%p|%p|%p|%p" .t .no .nil 1i (index .str 0) .n}}', '{{printf "%p" .missing}}',
  '{{printf "%v" (slice .list 0 2)}}', '{{printf "%s %s" .t}}', '{{printf "x%5.2" .t}}', '{{printf "%d" .list 1 2}}', '{{printf "%+d % d" .list .m}}',
  '{{le true true}}', '{{gt true true}}', '{{ge true true}}', '{{lt true true}}', '{{le .nil .nil}}', '{{gt .nil .nil}}', '{{le 1 1}}', '{{gt 2 1}}',
  '{{le 1 1.0}}', '{{le "a" "a"}}', '{{ge "b" "a"}}', '{{gt .n "4"}}', '{{le .n .n}}', '{{gt 1.5 1.5}}', '{{le .list .list}}', '{{eq .list .nil}}',
  '{{eq .nil .list}}', '{{eq .list .m}}', '{{eq .m .m}}', '{{eq .t .no .t}}', '{{eq 1 2 "x"}}', '{{eq 1 1 "x"}}', '{{eq .missing .list}}', '{{ne .list .nil}}',
  '{{eq (index .str 0) 104}}', '{{lt (index .str 0) -1}}', '{{printf "%T %v %d %c|%5T|" (index .str 0) (index .str 0) (index .str 0) (index .str 0) (index .str 0)}}',
  '{{printf "%v" 1 (index .str 0)}}', '{{print (index .str 1) (index .str 2)}}',
  '{{0x1p4}}', '{{0x1.8p1}}', '{{0x.8p1}}', '{{-0x1p-2}}', '{{0x_1p4}}', '{{0x1p}}', '{{0x1.8}}', '{{0xp1}}', '{{0x1_p4}}', '{{0X1P+4}}', '{{0x1p1_0}}',
  '{{printf "%T %v" 0x1p4 0x1p4}}', '{{0x0p0}}', '{{-0x0p0}}', '{{0x1.fffffffffffffp1023}}', '{{0x1p-1022}}', '{{eq 0x1p4 16.0}}', '{{0x.p1}}',
];

/** json.Number's methods (String, Int64, Float64) and complex literals. */
const METHODS = [
  '{{.n.String}}', '{{.n.Int64}}', '{{.f.Int64}}', '{{.f.Float64}}', '{{.big.Int64}}', '{{.big.Float64}}',
  '{{printf "%T %T %T" .n.Int64 .n.Float64 .n.String}}', '{{.n.String 1}}', '{{.n.Foo}}', '{{(.n).String}}', '{{$x := .n}}{{$x.String}}',
  '{{.n.Int64.x}}', '{{.list.String}}', '{{eq .n.Int64 5}}', '{{.n | .String}}', '{{index .list 1 | printf "%v"}}', '{{(index .list 1).Int64}}',
  '{{.name.String}}', '{{1i}}', '{{print 1i 2i}}', '{{-2.5i}}', '{{0i}}', '{{eq 1i 1i}}', '{{if 0i}}a{{else}}b{{end}}', '{{1_0i}}', '{{08i}}',
  '{{0x1p4i}}', '{{0x10i}}', '{{1e3i}}', '{{lt 1i 2i}}', '{{-0i}}', '{{printf "%v" 1i}}', '{{len 1i}}', '{{html 1i 2}}', '{{1.5e300i}}', '{{1e-7i}}',
  '{{printf "%T|%8T|" 1i 2i}}', '{{printf "%v %v" 1i}}', '{{printf "%d" 1 1i}}', '{{eq 1i 1}}', '{{eq 1i 2i 1i}}', '{{index .list 1i}}',
  '{{slice .list 1i}}', '{{range 1i}}{{end}}', '{{1e400i}}', '{{0b1i}}', '{{0o7i}}', '{{1_i}}', '{{_1i}}', '{{.5i}}', '{{5.i}}', '{{1e1_0i}}',
  '{{1__0i}}', '{{0x_1p4i}}', '{{0x1.8p1i}}', '{{+1i}}', '{{i}}', '{{1ii}}', '{{with 1i}}{{.}}{{end}}', '{{1i | print}}', '{{print 1 1i "a" 2i}}',
  '{{js 1i}}', '{{urlquery 1i}}', '{{not 0i}}', '{{and 1i 0i}}', '{{or 0i 2i}}', '{{ne 1i 1i}}',
  '{{.n.Float64}} {{.zero.Int64}} {{printf "%T %d" .big.Float64 .n.Int64}}', '{{$x := .n.Int64}}{{lt $x 6}}', '{{index .list .n.Int64}}',
  '{{slice .list .zero.Int64}}', '{{.nested.x.y.z.String}}',
];

/** Strings that are not valid UTF-8 (a slice inside a character, `\\xff`): bytes kept until the output. */
const BYTES = [
  '{{slice .str 0 2}}', '{{slice .str 2}}', '{{slice .str 0 2}}{{slice .str 2}}', '{{print (slice .str 0 2) (slice .str 2)}}',
  '{{eq (print (slice .str 0 2) (slice .str 2)) .str}}', '{{len (slice .str 0 2)}}', '{{index (slice .str 2) 0}}', '{{slice (slice .str 0 2) 1}}',
  '{{"\\xff"}}', '{{"\\xc3\\xa9"}}', '{{eq "\\xc3\\xa9" "é"}}', '{{len "\\xff\\xfe"}}', '{{lt "\\xff" "é"}}', '{{lt "é" "\\xff"}}',
  '{{lt "\\xc3" "é"}}', '{{js (slice .str 0 2)}}', '{{html (slice .str 0 2)}}', '{{urlquery (slice .str 0 2)}}',
  '{{printf "%s|%5s|%-4v|%.1s" (slice .str 0 2) (slice .str 0 2) "\\xff" "\\xe2\\x82"}}', '{{"\\xe2\\x82"}}{{"\\xac"}}', '{{"\\xf0\\x9f"}}x',
  '{{"\\377"}}', '{{"\\400"}}', '{{print "\\xff" 1 2}}', '{{range $i, $c := "ab"}}{{end}}', '{{$s := slice .str 0 2}}{{if $s}}{{$s}}{{end}}',
  '{{with slice .str 1 2}}[{{.}}]{{end}}', '{{printf "%T" (slice .str 0 2)}}', '{{index .m (slice .str 0 2)}}', '{{slice "😀" 1 3}}',
  '{{js "\\xed\\xa0\\x80"}}',
];

/** Variable scopes: a use out of scope is a parse error even where it never runs; range's variables in {{else}}. */
const SCOPES = [
  '{{if false}}{{$i}}{{end}}', '{{range $i, $x := .empty}}{{else}}{{$i}} {{$x}}{{end}}', '{{range $x := .nil}}{{else}}{{$x}}{{end}}',
  '{{with $x := 1}}{{end}}{{$x}}', '{{$x := 1}}{{define "a"}}{{$x}}{{end}}', '{{block "b" .}}{{$y := 2}}{{end}}{{$y}}',
  '{{range $i, $x := .list}}{{end}}{{$i}}', '{{if $z := 1}}{{$z}}{{else}}{{$z}}{{end}}', '{{$x = 1}}', '{{if false}}{{$x = 1}}{{end}}',
  '{{range $x = .list}}{{end}}', '{{$x := 0}}{{range $x = .list}}{{end}}{{$x}}',
  '{{$i := 0}}{{$x := 0}}{{range $i, $x = .list}}{{end}}{{$i}} {{$x}}', '{{$x := 0}}{{range $x = .empty}}{{end}}{{$x}}',
  '{{$x := 1}}{{block "b" $x}}{{.}}{{end}}', '{{if true}}{{$a := 1}}{{else}}{{$a}}{{end}}', '{{if 1}}{{else if $q := 2}}{{$q}}{{else}}{{$q}}{{end}}',
  '{{range $i, $e := .list}}{{if eq $i 1}}{{break}}{{end}}{{end}}{{$e}}', '{{template "x" $nope}}', '{{$}}{{$.n}}', '{{$x := $x}}',
  '{{if false}}{{$x := $x}}{{end}}ok', '{{range $k, $v := .m}}{{$k}}{{else}}{{$k}}{{end}}',
  '{{range $k, $v := .em}}{{$k}}{{else}}{{$k}}-{{$v}}{{end}}',
];

/** printf formats (flags, argument indexes, `*` and literal widths and precisions, every verb) over every kind of value (a fixed seed). */
function generatedPrintf(count: number): string[] {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const pick = <T>(a: T[]): T => a[rnd(a.length)]!;
  const args = ['.name', '.n', '.f', '.t', '.no', '.nil', '.s', '.list', '.m', '.em', '.empty', '.missing', '.nested', '1', '-2', '2.5', '"str"', 'nil', '3', '-4',
    '(index .str 1)', '.n.Int64', '1i', '-2.5i', '0x1p2'];
  return Array.from({ length: count }, () => {
    const directives = 1 + rnd(3);
    let format = '';
    for (let j = 0; j < directives; j++) {
      format += pick(['', 'x', '|']) + '%' + Array.from({ length: rnd(3) }, () => pick(['#', '0', '+', '-', ' '])).join('') +
        pick(['', '', '', '[1]', '[2]', '[0]', '[x]', '[']) + pick(['', '', '5', '1', '12', '*', '1234567890']) + pick(['', '', '.2', '.', '.0', '.*', '.[1]*', '.[2]']) +
        pick(['', '', '', '', '[1]', '[3]', '[9]']) + pick([...'vdsqxXtTeEfFgGcUobO%', 'v', 's', 'd']);
    }
    return `{{printf ${JSON.stringify(format)} ${Array.from({ length: rnd(directives + 2) }, () => pick(args)).join(' ')}}}`;
  });
}

/** Actions nesting every function, pipes, if/range/with and variables (a fixed seed). */
function generatedTemplates(count: number): string[] {
  let seed = 11;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const pick = <T>(a: T[]): T => a[rnd(a.length)]!;
  const atoms = ['.name', '.n', '.f', '.t', '.no', '.nil', '.s', '.list', '.m', '.em', '.empty', '.missing', '.m.c', '.list.x', '.nums', '.zero', '1', '0',
    '-2', '2.5', '"str"', '""', 'nil', 'true', '.', '$', '$.n', "'a'", '1i', '0x10', '.n.Int64', '.n.String'];
  const ints = ['0', '1', '2', '3', '-1', '(len .list)', '(len .str)', '$i', '.n.Int64', '(index .str 0)'];
  const strs = ['.name', '"str"', '""', '.s', '(index .nums 0)', '.n', '(print 1)', '(slice .name 1)', '.nested.x.y.z'];
  const colls = ['.list', '.m', '.em', '.empty', '.nums', '(slice .list 1)', '.m.c', '(index .list 4)', '.name'];
  const many = (d: number, n: number): string => Array.from({ length: n }, () => expr(d + 1)).join(' ');
  const expr = (d: number): string => {
    const r = rnd(14);
    if (d > 2 || r < 3) return pick(atoms);
    switch (r) {
      case 3: return `(${pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${pick(ints)} ${pick(ints)})`;
      case 4: return `(${pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${pick(strs)} ${pick(strs)})`;
      case 5: return `(index ${pick(colls)} ${pick([...ints, '"a"', '"k"', '"c"'])})`;
      case 6: return `(slice ${pick(colls)} ${Array.from({ length: rnd(3) }, () => pick(['0', '1', '2', '3'])).join(' ')})`;
      case 7: return `(len ${pick(colls)})`;
      case 8: return `(${pick(['print', 'println', 'html', 'js', 'urlquery'])} ${many(d, rnd(4))})`;
      case 9: return `(${pick(['and', 'or'])} ${many(d, 1 + rnd(3))})`;
      case 10: return `(not ${expr(d + 1)})`;
      case 11: return `(${expr(d + 1)} | ${pick(['print', 'len', 'html', 'not', 'printf "%v|%d"', 'printf "%s %v" 1', 'js', 'urlquery', 'index .m', 'slice .list'])})`;
      case 12: return `(printf ${pick(['"%v"', '"%d %s"', '"%q"', '"%x|%5v"', '"%T"', '"%t"'])} ${many(d, rnd(3))})`;
      default: return `(eq ${expr(d + 1)} ${expr(d + 1)})`;
    }
  };
  const action = (d: number): string => {
    const r = rnd(12);
    const e = expr(0).replace(/^\((.*)\)$/, '$1');
    if (d < 2 && r === 0) return `{{if ${e}}}A${action(d + 1)}{{else}}B{{end}}`;
    if (d < 2 && r === 1) return `{{range ${e}}}[${action(d + 1)}]{{else}}E{{end}}`;
    if (d < 2 && r === 2) return `{{with ${e}}}W${action(d + 1)}{{end}}`;
    if (d < 2 && r === 3) return `{{range $i, $x := ${e}}}{{$i}}=${action(d + 1)};{{end}}`;
    if (r === 4) return `{{$v := ${e}}}{{$v}}`;
    return `{{${e}}}`;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + rnd(3) }, () => action(0)).join('|'));
}

/** Template text glued from syntax pieces (delimiters, trim markers, keywords, operands), and actions of random characters (a fixed seed). */
function generatedSyntax(count: number): string[] {
  let seed = 5;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const pieces = ['x', ' ', '\n', '{{', '}}', '{{-', '-}}', '{{ ', ' }}', '{{/* c */}}', '{{- /* c */ -}}', '/*', '*/', '.name', '.n', '.list', '.m', '$', '$x',
    ':=', '=', ',', 'if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', '"a"', '(', ')', '|', 'print', 'len', 'index',
    'eq', 'not', 'nil', 'true', '1', '-1', '.', '{{end}}', '{{else}}', '{{if .t}}', '{{range .list}}', '{{range $x := .list}}', '{{range $i, $x := .m}}',
    '{{with .m}}', '{{define "a"}}', '{{template "a"}}', '{{template "a" .n}}', '{{block "b" .}}', '{{else if .n}}', '{{else with .list}}', '{{$x := 1}}',
    '{{$x = 2}}', '{{break}}', '{{continue}}', '{{.}}', '{{$x}}', "'a'", '`r`'];
  const chars = ['{{', '}}', '{', '}', '-', ' ', '\t', '\n', '(', ')', '|', '.', '$', 'a', 'n', '1', '0', 'x', 'e', 'p', 'i', '_', '+', '"', "'", '`', '\\', '/',
    '*', ':', '=', ',', 'é', '😀', 'if', 'end', 'range', 'else', 'define', 'nil', 'printf', '%', 'd', 'v'];
  const run = (n: number, atoms: string[]): string => Array.from({ length: n }, () => atoms[rnd(atoms.length)]!).join('');
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? Array.from({ length: 1 + rnd(12) }, () => pieces[rnd(pieces.length)]!).join(rnd(3) ? '' : ' ')
      : `{{${run(1 + rnd(10), chars)}${rnd(2) ? '}}' : ' -}}'}${run(rnd(6), chars)}`,
  );
}

/** Whether preadmit supports the template (what it does not is an evaluation error, tested below). */
function supported(t: string, vars: string): boolean {
  try {
    hostBuiltins['strings.render_template']!(regoString(t), parseRegoValue(vars));
    return true;
  } catch (e) {
    if (/not supported by preadmit/.test((e as Error).message)) return false;
    throw e;
  }
}

describe('strings.render_template on the host equals opa eval', () => {
  it('1600 generated template texts', () => {
    expect(mismatches(generatedSyntax(1600).map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it('800 generated templates (those preadmit supports)', () => {
    const templates = generatedTemplates(800).filter((t) => supported(t, VARS));
    expect(templates.length).toBeGreaterThan(750);
    expect(mismatches(templates.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${BYTES.length} templates with strings that are not valid UTF-8`, () => {
    expect(mismatches(BYTES.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${SCOPES.length} templates on variable scopes`, () => {
    expect(mismatches(SCOPES.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it('1000 generated printf templates', () => {
    expect(mismatches(generatedPrintf(1000).map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${METHODS.length} templates with json.Number's methods and complex numbers`, () => {
    expect(mismatches(METHODS.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${FUNCS.length} templates with slice, html, js, urlquery, call and printf on typed values`, () => {
    expect(mismatches(FUNCS.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${TEMPLATES.length} templates`, () => {
    expect(mismatches(TEMPLATES.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it(`${EDGES.length} edge templates`, () => {
    expect(mismatches(EDGES.map((t) => `strings.render_template(${JSON.stringify(t)}, ${VARS})`))).toEqual([]);
  });
  it('sets, non-string keys, non-object variables and non-string templates are undefined', () => {
    expect(mismatches(['strings.render_template("x", json.unmarshal("[1]"))', 'strings.render_template(json.unmarshal("1"), {})',
      'strings.render_template("{{.a}}", {"a": {1, 2}})', 'strings.render_template("x", {"a": {1: 2}})', 'strings.render_template("{{.a}}", {"a": 1.0, "b": 1e400})'])).toEqual([]);
  });
  it('what preadmit does not implement is an evaluation error', () => {
    const vars = parseRegoValue('{"a": [1, 2, 3], "m": {}}');
    for (const t of ['{{slice .a 0 4}}', '{{slice .a 1 2 5}}', '{{printf "%q" (slice "é" 1)}}', '{{printf "%x" "\\xff"}}', '{{printf "%p" .a}}', '{{printf "%5p" .m}}']) {
      expect(() => hostBuiltins['strings.render_template']!(regoString(t), vars)).toThrow(/not supported by preadmit/);
    }
  });
});
