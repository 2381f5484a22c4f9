// src/go/bigfloat.ts against Go's math/big itself (the real toolchain, `go run`): SetString, Add, Sub, Mul, Quo,
// Int, IsInt and Text('f'|'g', -1) on fixed edge cases and on a few hundred pseudo-random decimal texts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  goBigFloatAdd,
  goBigFloatCmp,
  goBigFloatMul,
  goBigFloatOfInt,
  goBigFloatQuo,
  goBigFloatSub,
  parseGoBigFloat,
  type GoBigFloat,
} from '../../src/go/bigfloat.ts';

const ORACLE = `package main

import (
	"encoding/json"
	"math/big"
	"os"
)

func text(f *big.Float) string {
	if f.IsInt() {
		return f.Text('f', -1)
	}
	return f.Text('g', -1)
}

func main() {
	var in struct {
		Numbers []string
		Pairs   [][2]string
		Ints    []string
	}
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	parse := func(s string) *big.Float {
		f, ok := new(big.Float).SetString(s)
		if !ok {
			panic(s)
		}
		return f
	}
	out := map[string][]string{}
	for _, s := range in.Numbers {
		f := parse(s)
		i, _ := f.Int(nil)
		out["parse"] = append(out["parse"], text(f)+" "+f.Text('g', -1)+" "+i.String())
	}
	for _, p := range in.Pairs {
		x, y := parse(p[0]), parse(p[1])
		q := "div0"
		if y.Sign() != 0 {
			q = text(new(big.Float).Quo(x, y))
		}
		r := []string{text(new(big.Float).Add(x, y)), text(new(big.Float).Sub(x, y)), text(new(big.Float).Mul(x, y)), q}
		b, _ := json.Marshal(append(r, big.NewInt(int64(x.Cmp(y))).String()))
		out["ops"] = append(out["ops"], string(b))
	}
	for _, s := range in.Ints {
		i, _ := new(big.Int).SetString(s, 10)
		out["ints"] = append(out["ints"], text(new(big.Float).SetInt(i)))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`;

/** A small deterministic generator, so that a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomNumbers(count: number): string[] {
  const rnd = lcg(42);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('').replace(/^0+(?=.)/, '');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const sign = rnd() < 0.3 ? '-' : '';
    const int = digits(1 + Math.floor(rnd() * 25));
    const frac = rnd() < 0.5 ? `.${digits(1 + Math.floor(rnd() * 20))}` : '';
    const exp = rnd() < 0.3 ? `e${Math.floor(rnd() * 80) - 40}` : '';
    out.push(sign + int + frac + exp);
  }
  return out;
}

const FIXED = [
  '0', '-0', '1', '-1', '0.1', '0.2', '0.3', '1.5', '2.5', '1e6', '1e12', '1e20', '1e21', '1e-7', '0.000001', '0.0001', '123456789.123456789',
  '12345678901234567890', '12345678901234567890.5', '18446744073709551615', '18446744073709551616', '9223372036854775807', '1e308', '1e400',
  '1e-400', '4.9e-324', '3.14159', '100000000000000000000', '0.333333333333333333333333', '999999', '1000000', '1234567.5', '5e-5', '7e30',
  '1e100', '1e-100', '2.220446049250313e-16', '1.0', '10.00', '0.5e1', '1e55', '1e56', '1e-55', '1e-56', '1e1000',
];
const NUMBERS = [...FIXED, ...randomNumbers(300)];
const PAIRS: Array<[string, string]> = [];
for (let i = 0; i + 1 < NUMBERS.length; i += 1) PAIRS.push([NUMBERS[i] as string, NUMBERS[(i * 7 + 3) % NUMBERS.length] as string]);
PAIRS.push(['1', '3'], ['2', '3'], ['1e400', '1e-400'], ['1e-400', '1'], ['-0', '-0'], ['-0', '0'], ['0.1', '-0.1']);
const INTS = ['0', '1', '-1', '12345678901234567890', '123456789012345678901234567890', '-98765432109876543210987654321', String(2n ** 200n)];

const dir = mkdtempSync(join(tmpdir(), 'preadmit-go-bigfloat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function oracle(): Record<string, string[]> {
  writeFileSync(join(dir, 'go.mod'), 'module oracle\n\ngo 1.21\n');
  writeFileSync(join(dir, 'main.go'), ORACLE);
  const input = JSON.stringify({ Numbers: NUMBERS, Pairs: PAIRS, Ints: INTS });
  const out = execFileSync('go', ['run', '.'], { cwd: dir, input, env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' }, timeout: 180_000 });
  return JSON.parse(out.toString('utf8')) as Record<string, string[]>;
}

function text(f: GoBigFloat): string {
  return f.text(f.isInt ? 'f' : 'g');
}

function parse(s: string): GoBigFloat {
  const f = parseGoBigFloat(s);
  if (!f) throw new Error(`unparsed ${s}`);
  return f;
}

describe('math/big.Float as Go computes it', () => {
  const go = oracle();

  it(`SetString, Text and Int of ${NUMBERS.length} decimal texts`, () => {
    expect(NUMBERS.map((s) => {
      const f = parse(s);
      return `${text(f)} ${f.text('g')} ${f.toInt().toString()}`;
    })).toEqual(go.parse);
  });

  it(`Add, Sub, Mul, Quo and Cmp of ${PAIRS.length} pairs`, () => {
    expect(PAIRS.map(([a, b]) => {
      const x = parse(a);
      const y = parse(b);
      const r = [text(goBigFloatAdd(x, y)), text(goBigFloatSub(x, y)), text(goBigFloatMul(x, y)), y.isZero ? 'div0' : text(goBigFloatQuo(x, y)), String(goBigFloatCmp(x, y))];
      return JSON.stringify(r);
    })).toEqual(go.ops);
  });

  it('SetInt keeps every bit of a big integer (precision max(bitlen, 64))', () => {
    expect(INTS.map((s) => text(goBigFloatOfInt(BigInt(s))))).toEqual(go.ints);
  });
});
