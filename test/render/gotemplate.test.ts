// Go's text/template as Argo CD runs ApplicationSet templates (goTemplate: true): outputs as Go prints them,
// errors where Go fails, and sprig functions preadmit does not evaluate reported as such, never guessed.
import { describe, expect, it } from 'vitest';
import { executeGoTemplate, goTemplateOptions, GoTemplateError, GoTemplateUnsupported } from '../../src/render/gitops/gotemplate.ts';

const data = {
  name: 'Web_App',
  big: 1000000,
  half: 0.5,
  three: 3,
  list: ['a', 'b', 'c'],
  m: { z: 1, a: 'x', nested: { k: 'v' } },
  nul: null,
  yes: true,
  empty: '',
  path: { path: 'apps/dev/web', basename: 'web', segments: ['apps', 'dev', 'web'] },
};

describe('Go text/template', () => {
  const cases: [string, string][] = [
    ['{{ .name }}-{{ .big }}-{{ .half }}-{{ .three }}', 'Web_App-1e+06-0.5-3'],
    ['{{ .missing }}|{{ .nul }}|{{ .missing.deeper }}', '<no value>|<no value>|<no value>'],
    ['{{ .m }} {{ .list }} {{ .m.nested.k }}', 'map[a:x nested:map[k:v] z:1] [a b c] v'],
    ['a  {{- " b " -}}  c', 'a b c'],
    ['{{/* comment */}}x{{- /* trimmed */ -}} y', 'xy'],
    ['{{ if .yes }}T{{ else }}F{{ end }}{{ if .empty }}T{{ else if .nul }}N{{ else }}E{{ end }}', 'TE'],
    ['{{ range $i, $v := .list }}{{ $i }}{{ $v }}{{ end }}', '0a1b2c'],
    ['{{ range $k, $v := .m }}{{ $k }};{{ end }}', 'a;nested;z;'],
    ['{{ range .list }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
    ['{{ range .nothing }}x{{ else }}none{{ end }}', 'none'],
    ['{{ with .m.nested }}{{ .k }}{{ end }}{{ with .missing }}x{{ else }}w{{ end }}', 'vw'],
    ['{{ $x := "one" }}{{ range .list }}{{ $x = . }}{{ end }}{{ $x }} {{ $.name }}', 'c Web_App'],
    ['{{ index .path.segments 1 }} {{ index .m "a" }} {{ len .list }} {{ slice .list 1 }}', 'dev x 3 [b c]'],
    ['{{ and .yes .name }} {{ or .empty .nul "fallback" }} {{ not .yes }}', 'Web_App fallback false'],
    ['{{ printf "%s=%d %v %q %05.1f" .name 3 .big "q" .half }}', 'Web_App=3 1e+06 "q" 000.5'],
    ['{{ printf "%d" .three }}', '%!d(float64=3)'],
    ['{{ (index .list 0) | upper }}{{ (.m).a }}', 'Ax'],
    // sprig and Argo CD's own functions.
    ['{{ .name | lower | normalize }} {{ normalize "-A.b_C-" }} {{ slugify "My App.Name" }}', 'web-app a.b-c my-app-name'],
    ['{{ slugify 10 true "alpha-beta-gamma" }} {{ slugify 10 false "alpha-beta-gamma" }}', 'alpha-beta alpha-beta'],
    ['{{ default "d" .missing }} {{ default "d" .empty }} {{ default "d" .name }} {{ coalesce .nul .empty "c" }}', 'd d Web_App c'],
    ['{{ toJson .m }} {{ .list | toJson }}', '{"a":"x","nested":{"k":"v"},"z":1} ["a","b","c"]'],
    ['{{ toYaml .m | nindent 2 }}', '\n  a: x\n  nested:\n    k: v\n  z: 1'],
    ['{{ (fromYaml "a: [1, 2]").a }} {{ fromYamlArray "[x, y]" }}', '[1 2] [x y]'],
    ['{{ add 1 2 3 }} {{ sub 5 .three }} {{ mul 2 .big }} {{ div 7 2 }} {{ int .half }} {{ add1 .three }}', '6 2 2000000 3 0 4'],
    ['{{ splitList "/" .path.path | last }} {{ join "," .list }} {{ (split "/" .path.path)._1 }}', 'web a,b,c dev'],
    ['{{ trimPrefix "apps/" .path.path }} {{ trimSuffix "/web" .path.path }} {{ replace "/" "-" .path.path }}', 'dev/web apps/dev apps-dev-web'],
    ['{{ quote .name }} {{ squote .three }} {{ upper "x" }} {{ title "hello world" }} {{ trunc 3 .name }}', '"Web_App" \'3\' X Hello World Web'],
    ['{{ ternary "y" "n" .yes }} {{ empty .m }} {{ hasKey .m "z" }} {{ has "b" .list }} {{ keys .m | sortAlpha }}', 'y false true true [a nested z]'],
    ['{{ dict "a" 1 "b" "two" }} {{ list 1 "x" }} {{ get .m "a" }} {{ dig "nested" "k" "dflt" .m }}', 'map[a:1 b:two] [1 x] x v'],
    ['{{ regexReplaceAll "([a-z]+)-(\\\\d+)" "web-12" "${2}.${1}" }} {{ regexMatch "^apps/" .path.path }}', '12.web true'],
    ['{{ semverCompare ">=1.2.0" "1.10.0" }} {{ semverCompare "^2" "1.9.9" }} {{ b64enc "hi" }} {{ b64dec "aGk=" }}', 'true false aGk= hi'],
    ['{{ sha256sum "x" | trunc 8 }} {{ "abc" | contains "b" }} {{ hasPrefix "ap" "apps" }} {{ until 3 }}', '2d711642 true true [0 1 2]'],
    ['{{ if eq .three 3.0 }}f{{ end }}{{ if eq (int .three) 3 }}i{{ end }}{{ if lt .name "Z" }}l{{ end }}', 'fil'],
  ];
  for (const [tpl, want] of cases) {
    it(tpl, () => {
      expect(executeGoTemplate(tpl, data)).toBe(want);
    });
  }

  it('errors where Go fails: parse errors, type errors, missingkey=error, nil fields, arguments to non-functions', () => {
    const err = (tpl: string, opts = {}) => {
      try {
        executeGoTemplate(tpl, data, opts);
      } catch (e) {
        expect(e).toBeInstanceOf(GoTemplateError);
        return (e as Error).message;
      }
      throw new Error(`no error for ${tpl}`);
    };
    expect(err('{{ if .yes }}x')).toBe('unexpected EOF: {{if}} without {{end}}');
    expect(err('{{ end }}')).toBe('unexpected {{end}}');
    expect(err('{{ .name')).toBe('unclosed action');
    expect(err('{{ nosuch .name }}')).toBe('function "nosuch" not defined');
    expect(err('{{ constructor }}')).toBe('function "constructor" not defined');
    expect(err('{{ break }}')).toBe('{{break}} outside {{range}}');
    expect(err('{{ .name 1 }}')).toBe("can't give argument to non-function .name");
    expect(err('{{ .name.first }}')).toBe("executing at <.name.first>: can't evaluate field first in type string");
    expect(err('{{ .nul.x }}')).toBe('executing at <.nul.x>: nil pointer evaluating interface {}.x');
    expect(err('{{ eq .three 3 }}')).toBe('error calling eq: incompatible types for comparison');
    expect(err('{{ upper .three }}')).toBe('error calling upper: wrong type for value; expected string; got float64');
    expect(err('{{ index .list 5 }}')).toBe('error calling index: index out of range: 5');
    expect(err('{{ range .name }}{{ end }}')).toBe("range can't iterate over Web_App");
    expect(err('{{ fail "stop here" }}')).toBe('error calling fail: stop here');
    expect(err('{{ $undefined }}')).toBe('undefined variable: $undefined');
    expect(err('{{ .missing }}', goTemplateOptions(['missingkey=error']))).toBe('executing at <.missing>: map has no entry for key "missing"');
    expect(() => goTemplateOptions(['missingkey=maybe'])).toThrow('unrecognized option: missingkey=maybe');
  });

  it('sprig functions preadmit does not evaluate (time, randomness, crypto) are reported by name, not guessed', () => {
    for (const [tpl, fn] of [['{{ now }}', 'now'], ['{{ randAlphaNum 5 }}', 'randAlphaNum'], ['{{ uuidv4 }}', 'uuidv4'], ['{{ "x" | snakecase }}', 'snakecase'], ['{{ define "x" }}{{ end }}', '']]) {
      expect(() => executeGoTemplate(tpl!, data)).toThrow(GoTemplateUnsupported);
      if (fn !== '') expect(() => executeGoTemplate(tpl!, data)).toThrow(`the template function ${fn} is not simulated`);
    }
  });

  it('hostile templates stay bounded: huge loops and outputs fail instead of hanging', () => {
    expect(() => executeGoTemplate('{{ range until 100000 }}{{ range until 100000 }}x{{ end }}{{ end }}', {})).toThrow(GoTemplateError);
    expect(() => executeGoTemplate('{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}', {})).toThrow('template takes too many steps');
    expect(() => executeGoTemplate('{{ repeat 100000 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }}', {})).toThrow(/larger than/);
    expect(() => executeGoTemplate('{{ repeat 9999999999999 "x" }}', {})).toThrow(/result larger than/);
    expect(() => executeGoTemplate('{{ indent 1000000000 "x" }}', {})).toThrow(/result larger than/);
    expect(() => executeGoTemplate('{{ printf "%0999999999d" 1 }}', {})).toThrow(/result larger than/);
    // JavaScript's regexps backtrack where Go's RE2 does not: a pattern that runs away on its text is refused, not run.
    expect(() => executeGoTemplate(`{{ regexReplaceAll "(a+)+$" "${'a'.repeat(40)}b" "x" }}`, {})).toThrow(/takes too long on this text: refused/);
    expect(executeGoTemplate(`{{ regexReplaceAll "(a+)+$" "${'a'.repeat(4)}" "x" }}`, {})).toBe('x');
  });
});
