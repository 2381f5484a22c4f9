// OPA's `regex.globs_match` uses github.com/yashtewari/glob-intersection v0.2.0's NonEmpty: not Go regexps
// but a small glob language: `.` (any character), `[...]` sets with `a-z` ranges, a literal character
// (anything else, `\` escaping the next one), each optionally followed by one `+` or `*`. Its intersection
// test is a greedy walk over both token lists, not an exact language intersection; preadmit reproduces that
// walk (and its answers) step for step. Sets are kept as sorted code-point ranges rather than one entry per
// character, so `[\x00-\U0010FFFF]` costs nothing.

export class GlobSyntaxError extends Error {}

type Flag = 'none' | 'plus' | 'star';

type Token =
  | { kind: 'char'; cp: number; flag: Flag }
  | { kind: 'dot'; flag: Flag }
  | { kind: 'set'; ranges: Array<[number, number]>; flag: Flag };

const END = Symbol('end of input');

function invalid(input: number[], pos: number, message: string): never {
  throw new GlobSyntaxError(`input:${String.fromCodePoint(...input)}, pos:${pos}, ${message}: the input provided is invalid`);
}

/** One rune at `i` (a `\` escapes the next): [next index, rune, escaped], or END. */
function nextRune(input: number[], i: number): [number, number, boolean] | typeof END {
  if (i >= input.length) return END;
  if (input[i] === 0x5c) {
    if (i === input.length - 1) invalid(input, i, 'input ends with a \\ (escape) character');
    return [i + 2, input[i + 1]!, true];
  }
  return [i + 1, input[i]!, false];
}

function normalise(cps: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...cps].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The set starting after `[` at `i`: [next index, token]. */
function tokenSet(input: number[], i: number): [number, Token] {
  const ranges: Array<[number, number]> = [];
  let prev = 0;
  let prevExists = false;
  let at = i;
  for (;;) {
    const r = nextRune(input, at);
    if (r === END) invalid(input, at, 'found [ without matching ]');
    const [next, cp, escaped] = r;
    at = next;
    if (!escaped && cp === 0x2d /* - */) {
      if (!prevExists) invalid(input, at, "range character '-' must be preceded by a Unicode character");
      if (at >= input.length - 1) invalid(input, at, "range character '-' must be followed by a Unicode character");
      const to = nextRune(input, at) as [number, number, boolean];
      at = to[0];
      if (!to[2] && (to[1] === 0x5d || to[1] === 0x2d)) invalid(input, at, "range character '-' cannot be followed by a special symbol");
      if (to[1] < prev) invalid(input, at, 'range is out of order');
      ranges.push([prev, to[1]]);
      prevExists = false;
    } else if (!escaped && cp === 0x5d /* ] */) {
      return [at, { kind: 'set', ranges: normalise(ranges), flag: 'none' }];
    } else {
      ranges.push([cp, cp]);
      prev = cp;
      prevExists = true;
    }
  }
}

function tokenize(text: string): Token[] {
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    const r = nextRune(input, i);
    if (r === END) return tokens;
    const [next, cp, escaped] = r;
    i = next;
    let token: Token;
    if (escaped) token = { kind: 'char', cp, flag: 'none' };
    else if (cp === 0x2e) token = { kind: 'dot', flag: 'none' };
    else if (cp === 0x5d) invalid(input, i, "set-close ']' with no preceding '['");
    else if (cp === 0x5b) [i, token] = tokenSet(input, i);
    else if (cp === 0x2b || cp === 0x2a) invalid(input, i, `flag '${String.fromCodePoint(cp)}' must be preceded by a non-flag`);
    else token = { kind: 'char', cp, flag: 'none' };
    const f = nextRune(input, i);
    if (f !== END && !f[2] && (f[1] === 0x2b || f[1] === 0x2a)) {
      token.flag = f[1] === 0x2b ? 'plus' : 'star';
      i = f[0];
    }
    tokens.push(token);
  }
}

function sameRanges(a: Array<[number, number]>, b: Array<[number, number]>): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i]![0] && hi === b[i]![1]);
}

/** Token equality, flags aside. */
function equal(a: Token, b: Token): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'char') return a.cp === (b as { cp: number }).cp;
  if (a.kind === 'set') return sameRanges(a.ranges, (b as { ranges: Array<[number, number]> }).ranges);
  return true;
}

/** Simplify: a flagged token equal to the flagged one before it merges into it (`+` wins over `*`). */
function simplify(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const latest = out[out.length - 1];
    if (latest && t.flag !== 'none' && latest.flag !== 'none' && equal(t, latest)) {
      latest.flag = t.flag === 'plus' || latest.flag === 'plus' ? 'plus' : 'star';
      continue;
    }
    out.push(t);
  }
  return out;
}

function inRanges(ranges: Array<[number, number]>, cp: number): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Whether two tokens can match one same character (flags aside). */
function match(a: Token, b: Token): boolean {
  if (a.kind === 'dot' || b.kind === 'dot') return true;
  if (a.kind === 'char' && b.kind === 'char') return a.cp === b.cp;
  if (a.kind === 'char') return inRanges((b as { ranges: Array<[number, number]> }).ranges, a.cp);
  if (b.kind === 'char') return inRanges(a.ranges, b.cp);
  return a.ranges.some(([lo, hi]) => b.ranges.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

/** trimGlobs: equal unflagged prefixes and suffixes removed (one token of each kept), or undefined on a mismatch. */
function trim(g1: Token[], g2: Token[]): [Token[], Token[]] | undefined {
  let l = 0;
  for (; l < g1.length && l < g2.length && g1[l]!.flag === 'none' && g2[l]!.flag === 'none'; l++) {
    if (!match(g1[l]!, g2[l]!)) return undefined;
  }
  if (l > 0) l--;
  let r1 = g1.length - 1;
  let r2 = g2.length - 1;
  for (; r1 >= 0 && r1 >= l && r2 >= 0 && r2 >= l && g1[r1]!.flag === 'none' && g2[r2]!.flag === 'none'; r1--, r2--) {
    if (!match(g1[r1]!, g2[r2]!)) return undefined;
  }
  if (r1 < g1.length - 1) {
    r1++;
    r2++;
  }
  return [g1.slice(l, r1 + 1), g2.slice(l, r2 + 1)];
}

class Walk {
  private steps = 0;

  /** Every step counts: the walk backtracks, so hostile globs are stopped rather than left to run. */
  private tick(): void {
    if (++this.steps > 1_000_000) throw new Error('regex.globs_match: the globs need over a million steps; preadmit stops here');
  }

  normal(g1: Token[], g2: Token[]): boolean {
    this.tick();
    let i = 0;
    let j = 0;
    for (; i < g1.length && j < g2.length; i++, j++) {
      if (g1[i]!.flag === 'none' && g2[j]!.flag === 'none') {
        if (!match(g1[i]!, g2[j]!)) return false;
      } else return this.special(g1.slice(i), g2.slice(j));
    }
    return i === g1.length && j === g2.length;
  }

  private special(g1: Token[], g2: Token[]): boolean {
    const [flagged, other] = g1[0]!.flag !== 'none' ? [g1, g2] : [g2, g1];
    return flagged[0]!.flag === 'plus' ? this.plus(flagged, other) : this.star(flagged, other);
  }

  private plus(plussed: Token[], other: Token[]): boolean {
    this.tick();
    if (!match(plussed[0]!, other[0]!)) return false;
    if (this.star(plussed, other.slice(1))) return true;
    return other[0]!.flag !== 'none' && this.normal(plussed.slice(1), other);
  }

  private star(starred: Token[], other: Token[]): boolean {
    this.tick();
    const starToken = starred[0]!;
    const nextToken = starred[1];
    for (let i = 0; i < other.length; i++) {
      const t = other[i]!;
      if (nextToken !== undefined && match(t, nextToken)) {
        if (this.normal(starred.slice(1), other.slice(i))) return true;
        if (!match(t, starToken)) return false;
      } else if (!match(t, starToken)) return false;
    }
    return nextToken === undefined;
  }
}

/** NonEmpty(lhs, rhs). Throws GlobSyntaxError on a glob it does not accept. */
export function globsIntersect(lhs: string, rhs: string): boolean {
  const g1 = simplify(tokenize(lhs));
  const g2 = simplify(tokenize(rhs));
  const trimmed = trim(g1, g2);
  if (!trimmed) return false;
  return new Walk().normal(trimmed[0], trimmed[1]);
}
