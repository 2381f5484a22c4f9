// Kubernetes' quantity library (apiserver pkg/cel/library/quantity.go over apimachinery resource.Quantity):
// quantity(), isQuantity(), sign(q), isGreaterThan(), isLessThan(), compareTo(), asApproximateFloat(),
// asInteger(), isInteger(), add(), sub(). Values are kept exact, as rationals of bigints.
import type { Environment } from '@marcbachmann/cel-js';
import { libError } from './errors.ts';

class Quantity {
  constructor(
    /** value = num / den, den > 0 */
    readonly num: bigint,
    readonly den: bigint,
  ) {}
}

const FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_SUFFIX = "unable to parse quantity's suffix";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(num: bigint, den: bigint): Quantity {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return new Quantity(num / g, den / g);
}

/** resource.ParseQuantity, as far as the value goes (the canonical form is not exposed to CEL). */
function parseQuantity(s: string): Quantity | { error: string } {
  if (s.length === 0) return { error: 'quantities must match the regular expression' };
  const m = FORMAT.exec(s);
  if (!m) return { error: ERR_FORMAT };
  const numeric = m[1]!;
  const suffix = m[2]!;
  const n = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(numeric);
  if (!n || (n[2] === '' && (n[3] ?? '') === '')) return { error: ERR_NUMERIC };
  const sign = n[1] === '-' ? -1n : 1n;
  const whole = n[2] ?? '';
  const frac = n[3] ?? '';
  let num = sign * BigInt(`${whole}${frac}` || '0');
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY) {
    num *= 2n ** BigInt(BINARY[suffix]!);
  } else {
    let exp: number | undefined = DECIMAL[suffix];
    if (exp === undefined) {
      const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
      if (!e) return { error: ERR_SUFFIX };
      exp = Number(e[1]);
      if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return { error: ERR_NUMERIC };
    }
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return make(num, den);
}

function compare(a: Quantity, b: Quantity): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function asInt64(q: Quantity): bigint | undefined {
  if (q.den !== 1n || q.num > INT64_MAX || q.num < INT64_MIN) return undefined;
  return q.num;
}

export function registerQuantity(env: Environment): void {
  env.registerType('kubernetes.Quantity', Quantity);
  env.registerFunction('quantity(string): kubernetes.Quantity', (s: string) => {
    const q = parseQuantity(s);
    if ('error' in q) throw libError(q.error);
    return q;
  });
  env.registerFunction('isQuantity(string): bool', (s: string) => !('error' in parseQuantity(s)));
  // sign is a function, not a method, in Kubernetes' declarations.
  env.registerFunction('sign(kubernetes.Quantity): int', (q: Quantity) => BigInt(q.num === 0n ? 0 : q.num > 0n ? 1 : -1));
  env.registerFunction('kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool', (a: Quantity, b: Quantity) => compare(a, b) === 1);
  env.registerFunction('kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool', (a: Quantity, b: Quantity) => compare(a, b) === -1);
  env.registerFunction('kubernetes.Quantity.compareTo(kubernetes.Quantity): int', (a: Quantity, b: Quantity) => BigInt(compare(a, b)));
  env.registerFunction('kubernetes.Quantity.asApproximateFloat(): double', (q: Quantity) => Number(q.num) / Number(q.den));
  env.registerFunction('kubernetes.Quantity.isInteger(): bool', (q: Quantity) => asInt64(q) !== undefined);
  env.registerFunction('kubernetes.Quantity.asInteger(): int', (q: Quantity) => {
    const v = asInt64(q);
    if (v === undefined) throw libError('cannot convert value to integer');
    return v;
  });
  env.registerFunction('kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity', (a: Quantity, b: Quantity) => make(a.num * b.den + b.num * a.den, a.den * b.den));
  env.registerFunction('kubernetes.Quantity.add(int): kubernetes.Quantity', (a: Quantity, b: bigint) => make(a.num + b * a.den, a.den));
  env.registerFunction('kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity', (a: Quantity, b: Quantity) => make(a.num * b.den - b.num * a.den, a.den * b.den));
  env.registerFunction('kubernetes.Quantity.sub(int): kubernetes.Quantity', (a: Quantity, b: bigint) => make(a.num - b * a.den, a.den));
}
