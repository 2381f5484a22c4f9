// src/go/ against Go itself: the same inputs through the real Go toolchain (the one that builds the pinned tools)
// and through preadmit's kernel must give the same text and the same order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goNumber } from '../../src/gatekeeper/selector.ts';
import { goFloatText, goQuote, goQuoteRune } from '../../src/go/strconv.ts';
import type { JsonValue } from '../../src/gatekeeper/types.ts';
import { goJsonCompact, goMarshalIndent } from '../../src/go/json.ts';
import { goPathClean, goPathDir, goPathExt, goPathJoin } from '../../src/go/path.ts';
import { goCompare, goDecodeUtf8, goSortBy } from '../../src/go/strings.ts';

const ORACLE = `package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

type cases struct {
	Quote   []string
	Runes   []int32
	Floats  []float64
	Numbers []json.Number
	Compare [][2]string
	Sort    []string
	Paths   []string
	Joins   [][]string
	JSON    []any
	Bytes   [][]byte
}

func main() {
	var c cases
	if err := json.NewDecoder(os.Stdin).Decode(&c); err != nil {
		panic(err)
	}
	out := map[string]any{}
	var q, qa, r, ra, f, v, n []string
	for _, s := range c.Quote {
		q = append(q, strconv.Quote(s))
		qa = append(qa, strconv.QuoteToASCII(s))
	}
	for _, x := range c.Runes {
		r = append(r, strconv.QuoteRune(x))
		ra = append(ra, strconv.QuoteRuneToASCII(x))
	}
	for _, x := range c.Floats {
		f = append(f, strconv.FormatFloat(x, 'g', -1, 64))
		v = append(v, fmt.Sprintf("%v", x))
	}
	for _, x := range c.Numbers {
		if i, err := x.Int64(); err == nil {
			n = append(n, fmt.Sprintf("%v", i))
		} else {
			fl, _ := x.Float64()
			n = append(n, fmt.Sprintf("%v", fl))
		}
	}
	var cmp []int
	for _, p := range c.Compare {
		cmp = append(cmp, strings.Compare(p[0], p[1]))
	}
	var clean, ext, dir, join []string
	for _, p := range c.Paths {
		clean, ext, dir = append(clean, path.Clean(p)), append(ext, path.Ext(p)), append(dir, path.Dir(p))
	}
	for _, j := range c.Joins {
		join = append(join, path.Join(j...))
	}
	out["clean"], out["ext"], out["dir"], out["join"] = clean, ext, dir, join
	var js []string
	for _, x := range c.JSON {
		b, err := json.Marshal(x)
		if err != nil {
			panic(err)
		}
		js = append(js, string(b))
	}
	out["json"] = js
	var decoded [][]int32
	for _, b := range c.Bytes {
		runes := []int32{}
		for _, r := range string(b) {
			runes = append(runes, r)
		}
		decoded = append(decoded, runes)
	}
	out["decode"] = decoded
	sorted := append([]string(nil), c.Sort...)
	sort.Strings(sorted)
	out["quote"], out["quoteASCII"], out["rune"], out["runeASCII"] = q, qa, r, ra
	out["float"], out["floatV"], out["number"], out["compare"], out["sort"] = f, v, n, cmp, sorted
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`;

const STRINGS = [
  '', 'plain', 'a"b\\c', 'tab\there\nnew\r\x07\b\f\v', '\x00\x01\x1f\x7f', 'é ü ß', '\u00a0nbsp', 'zero\u200bwidth', '\u2028\u2029',
  '\u00ad soft hyphen', '😀 emoji', '\ufeffbom', '\ud800 lone', 'x\udc00', '\u0378 unassigned', '\ue000 private', '\u{10ffff}', '\u{1f6d8}',
  'Ω≈ç√∫', '\u0300 combining', '<&>', "single ' quote",
];
const RUNES = [0x41, 0x27, 0x22, 0x5c, 0x0a, 0x00, 0x7f, 0xa0, 0x200b, 0xe9, 0x1f600, 0xfffd, 0x10ffff, 0xd800, 0x110000, -1, 0x378];
// -0 is left out: JSON carries it to Go as 0 (goFloatText(-0) is '-0', as FormatFloat's).
const FLOATS = [
  0, 1, -1, 0.5, 1.5, 1234567.5, 123456, 1234567, 1e6, 1e20, 1e21, 1e-4, 1e-5, 0.00012345, 123.456, 1 / 3, 2 ** 53, 2 ** 63,
  1.7976931348623157e308, 5e-324, -2.5e-7, 100, 999999.5, 0.1 + 0.2, 999999.99, -999999, 0.000099999, -0.0001, 12.5,
];
const NUMBERS = ['3', '-7', '1.5', '1234567.5', '1e21', '0.00001', '100000', '1000000', '9007199254740993', '1.0', '2.5e3'];
const COMPARE: Array<[string, string]> = [
  ['a', 'b'], ['b', 'a'], ['a', 'a'], ['', 'a'], ['a', ''], ['ab', 'a'], ['\uffff', '😀'], ['😀', '\uffff'], ['\ue000', '\u{10000}'],
  ['é', 'z'], ['Z', 'a'], ['a😀b', 'a😀c'], ['\u{1f600}', '\u{1f601}'],
];
const SORT = ['b', 'a', '\uffff', '😀', 'Z', 'é', '', '\ue000', '\u{10000}', 'aa', 'a😀', 'a\uffff'];

const PATHS = ['', '.', '..', '/', '//', 'a/b', 'a//b/', './a/./b/', 'a/../..', '/..', '/a/../../b', 'a/b.tar.gz', '.hidden', 'a.b/c', 'x/', 'dir/file.', '../a/b/..'];
const JOINS = [[], [''], ['', ''], ['a', 'b'], ['a', '', 'b'], ['/', 'a'], ['a/', '/b'], ['a', '..', '..'], ['', '/x'], ['.', '.']];

const JSON_VALUES: JsonValue[] = [
  { b: 1, a: [1.5, 1e21, 1e-7, 123456789, 0.000001], '😀': true, '\uffff': null, é: '<&>\u2028\b\f\u0001' },
  'x\ud800y', [], {}, 1e300, -0.5,
];

// Byte strings Go decodes as UTF-8 (\`for range\`): valid, truncated, overlong, surrogate, past U+10FFFF, stray bytes.
const BYTES: number[][] = [
  [], [0x61], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x82], [0xe2, 0x82, 0x61], [0xc0, 0x80], [0xc1, 0xbf],
  [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80], [0xff], [0x80, 0x61, 0xbf], [0x61, 0xf0, 0x9f, 0x98], [0xf0, 0x90, 0x80, 0x80, 0xc3], [0xef, 0xbb, 0xbf, 0x41],
];

const dir = mkdtempSync(join(tmpdir(), 'preadmit-go-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function oracle(): Record<string, unknown[]> {
  writeFileSync(join(dir, 'go.mod'), 'module oracle\n\ngo 1.21\n');
  writeFileSync(join(dir, 'main.go'), ORACLE);
  const input = JSON.stringify({ Quote: STRINGS, Runes: RUNES, Floats: FLOATS, Numbers: NUMBERS, Compare: COMPARE, Sort: SORT, Paths: PATHS, Joins: JOINS, JSON: JSON_VALUES, Bytes: BYTES.map((b) => Buffer.from(b).toString('base64')) });
  const out = execFileSync('go', ['run', '.'], { cwd: dir, input, env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' }, timeout: 180_000 });
  return JSON.parse(out.toString('utf8')) as Record<string, unknown[]>;
}

describe('the Go kernel agrees with Go', () => {
  const go = oracle();

  it('bytes decode as Go decodes them: each byte of an invalid sequence is U+FFFD, or what the caller makes of it', () => {
    expect(BYTES.map((b) => [...goDecodeUtf8(Uint8Array.from(b))].map((c) => c.codePointAt(0)))).toEqual(go.decode);
    expect(goDecodeUtf8(Uint8Array.from([0x61, 0xe2, 0x82, 0x62]), (b) => `<${b.toString(16)}>`)).toBe('a<e2><82>b');
  });

  it('strconv.Quote and QuoteToASCII (printable per Go, U+00A0 and U+200B escaped, lone surrogates as U+FFFD)', () => {
    expect(STRINGS.map((s) => goQuote(s))).toEqual(go.quote);
    expect(STRINGS.map((s) => goQuote(s, true))).toEqual(go.quoteASCII);
  });

  it('strconv.QuoteRune and QuoteRuneToASCII', () => {
    expect(RUNES.map((r) => goQuoteRune(r))).toEqual(go.rune);
    expect(RUNES.map((r) => goQuoteRune(r, true))).toEqual(go.runeASCII);
  });

  it("strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v of a float64", () => {
    expect(FLOATS.map(goFloatText)).toEqual(go.float);
    expect(FLOATS.map(goFloatText)).toEqual(go.floatV);
  });

  it('%v of an unstructured number: int64 plainly, float64 as %g (1234567.5 is 1.2345675e+06)', () => {
    expect(NUMBERS.map((n) => goNumber(Number(n)))).toEqual(
      // JavaScript cannot tell 1.0 from 1 nor keep 2^53+1: those two are Go's float64/int64 texts of the parsed value.
      (go.number as string[]).map((text, i) => (NUMBERS[i] === '1.0' ? '1' : NUMBERS[i] === '9007199254740993' ? '9007199254740992' : text)),
    );
  });

  it('path.Clean, Ext, Dir and Join', () => {
    expect(PATHS.map(goPathClean)).toEqual(go.clean);
    expect(PATHS.map(goPathExt)).toEqual(go.ext);
    expect(PATHS.map(goPathDir)).toEqual(go.dir);
    expect(JOINS.map((j) => goPathJoin(...j))).toEqual(go.join);
  });

  it('json.Marshal of decoded JSON: keys in byte order, HTML and U+2028 escaped, float64 text', () => {
    expect(JSON_VALUES.map((v) => goJsonCompact(v))).toEqual(go.json);
    // MarshalIndent is the same encoder with indentation: compacted, it must be the same text.
    expect(JSON_VALUES.map((v) => JSON.stringify(JSON.parse(goMarshalIndent(v))))).toEqual((go.json as string[]).map((t) => JSON.stringify(JSON.parse(t))));
  });

  it('strings.Compare and sort.Strings: UTF-8 byte order, not UTF-16', () => {
    expect(COMPARE.map(([a, b]) => goCompare(a, b))).toEqual(go.compare);
    expect([...SORT].sort(goCompare)).toEqual(go.sort);
    // goSortBy takes the engine's comparison only when no string has a surrogate: both paths give Go's order.
    expect(goSortBy([...SORT], (s) => s)).toEqual(go.sort);
    const bmp = SORT.filter((s) => !/[\ud800-\udfff]/.test(s));
    expect(goSortBy([...bmp].reverse(), (s) => s)).toEqual((go.sort as string[]).filter((s) => bmp.includes(s)));
  });
});
