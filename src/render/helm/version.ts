// Picking a chart version from a repository index as helm does (Masterminds/semver v3 constraints):
// an exact version, or the highest version a constraint (`^1.2`, `~1.2.3`, `>=1 <2`, `1.x`, `a || b`,
// `1.0 - 1.4`) allows; pre-releases only when the constraint names one.
import { compareSemver, parseSemver, Semver } from '../../cel/lib/semver.ts';

/** A version as chart repositories spell it (`v` prefix, missing minor/patch), or undefined. */
export function looseSemver(v: string): Semver | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(v.trim());
  if (!m) return undefined;
  const strip = (n: string | undefined): string => (n === undefined ? '0' : String(BigInt(n)));
  const r = parseSemver(`${strip(m[1])}.${strip(m[2])}.${strip(m[3])}${m[4] ?? ''}`);
  return 'error' in r ? undefined : r;
}

type Check = (v: Semver) => boolean;

interface Partial3 {
  parts: (bigint | undefined)[];
  pre: string[];
  text: string;
}

function partial(text: string): Partial3 | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): bigint | undefined => (s === undefined || /^[xX*]$/.test(s) ? undefined : BigInt(s));
  const parts = [num(m[1]), num(m[2]), num(m[3])];
  // A wildcard makes every later part a wildcard.
  const first = parts.findIndex((p) => p === undefined);
  if (first >= 0) for (let i = first; i < 3; i++) parts[i] = undefined;
  return { parts, pre: m[4] ? m[4].split('.') : [], text };
}

const sv = (a: bigint, b: bigint, c: bigint, pre: string[] = []): Semver => new Semver(a, b, c, pre);
const cmp = (a: Semver, b: Semver): number => compareSemver(a, b);
const floor = (p: Partial3): Semver => sv(p.parts[0] ?? 0n, p.parts[1] ?? 0n, p.parts[2] ?? 0n, p.pre);
/** The smallest version above every version the partial names (`1.2` → 1.3.0-0). */
function ceiling(p: Partial3): Semver {
  const [a, b] = p.parts;
  if (a === undefined) return sv(BigInt(Number.MAX_SAFE_INTEGER), 0n, 0n);
  if (b === undefined) return sv(a + 1n, 0n, 0n, ['0']);
  if (p.parts[2] === undefined) return sv(a, b + 1n, 0n, ['0']);
  return sv(a, b, p.parts[2]! + 1n, ['0']);
}
const within = (lo: Semver, hi: Semver): Check => (v) => cmp(v, lo) >= 0 && cmp(v, hi) < 0;

function single(op: string, p: Partial3): Check | undefined {
  const exact = p.parts.every((x) => x !== undefined);
  switch (op) {
    case '':
    case '=':
      return exact ? (v) => cmp(v, floor(p)) === 0 : within(floor(p), ceiling(p));
    case '!=':
      return exact ? (v) => cmp(v, floor(p)) !== 0 : (v) => !within(floor(p), ceiling(p))(v);
    case '>':
      return exact ? (v) => cmp(v, floor(p)) > 0 : (v) => cmp(v, ceiling(p)) >= 0;
    case '>=':
    case '=>':
      return (v) => cmp(v, floor(p)) >= 0;
    case '<':
      return (v) => cmp(v, floor(p)) < 0;
    case '<=':
    case '=<':
      return exact ? (v) => cmp(v, floor(p)) <= 0 : (v) => cmp(v, ceiling(p)) < 0;
    case '~':
    case '~>': {
      const [a, b] = p.parts;
      if (a === undefined) return () => true;
      const hi = b === undefined ? sv(a + 1n, 0n, 0n, ['0']) : sv(a, b + 1n, 0n, ['0']);
      return within(floor(p), hi);
    }
    case '^': {
      const [a, b, c] = p.parts;
      if (a === undefined) return () => true;
      let hi: Semver;
      if (a > 0n || b === undefined) hi = sv(a + 1n, 0n, 0n, ['0']);
      else if (b > 0n || c === undefined) hi = sv(0n, b + 1n, 0n, ['0']);
      else hi = sv(0n, 0n, c + 1n, ['0']);
      return within(floor(p), hi);
    }
    default:
      return undefined;
  }
}

/**
 * A constraint as a predicate, and whether it admits pre-releases; undefined when it is not one helm
 * understands. `||` separates alternatives, commas or spaces join conditions.
 */
export function parseConstraint(text: string): { test: Check; prerelease: boolean } | undefined {
  const alternatives: Check[][] = [];
  let prerelease = false;
  for (const alt of text.split('||')) {
    const checks: Check[] = [];
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) {
      const lo = partial(hyphen[1]!);
      const hi = partial(hyphen[2]!);
      if (!lo || !hi) return undefined;
      checks.push(single('>=', lo)!, single('<=', hi)!);
      prerelease ||= lo.pre.length > 0 || hi.pre.length > 0;
    } else {
      const tokens = alt.replace(/(>=|<=|=>|=<|!=|~>|[<>=~^])\s+/g, '$1').split(/[\s,]+/).filter((t) => t !== '');
      if (tokens.length === 0) return undefined;
      for (const token of tokens) {
        const m = /^(>=|<=|=>|=<|!=|~>|[<>=~^])?(.+)$/.exec(token)!;
        const p = partial(m[2]!);
        const check = p && single(m[1] ?? '', p);
        if (!p || !check) return undefined;
        prerelease ||= p.pre.length > 0;
        checks.push(check);
      }
    }
    alternatives.push(checks);
  }
  return { test: (v) => alternatives.some((checks) => checks.every((c) => c(v))), prerelease };
}

/**
 * The version of `available` that `wanted` names: the same version (spelled as the index spells it), or the
 * highest one its constraint allows. A reason when there is none.
 */
export function pickVersion(wanted: string, available: string[]): { version: string } | { reason: string } {
  const w = wanted.trim();
  const exact = available.find((v) => v === w);
  if (exact !== undefined) return { version: exact };
  const constraint = parseConstraint(w === '' ? '*' : w);
  if (constraint === undefined) return { reason: `version '${wanted}' is neither a version nor a semver constraint` };
  let best: { text: string; v: Semver } | undefined;
  for (const text of available) {
    const v = looseSemver(text);
    if (v === undefined || (v.pre.length > 0 && !constraint.prerelease) || !constraint.test(v)) continue;
    if (best === undefined || cmp(v, best.v) > 0) best = { text, v };
  }
  return best ? { version: best.text } : { reason: `no version in the repository index satisfies '${wanted}'` };
}

/**
 * The version constraint helm resolves for a chart reference: the version as written, or, when none is written,
 * the newest release (`*`), or with `--devel` (kustomize `helmCharts[].devel: true`) the newest version
 * pre-releases included (`>0.0.0-0`, as helm's pull and install set it). helm ignores `--devel` when a version or
 * range is written: pre-releases then count only when the range names one.
 */
export function helmVersionWanted(version: string, devel = false): string {
  if (version.trim() !== '') return version;
  return devel ? '>0.0.0-0' : '*';
}
