// Gatekeeper's namespace/name globs (`pkg/wildcard`): one `*` allowed at the front, the back, or both.

/** The CRD pattern Gatekeeper enforces on `namespaces`, `excludedNamespaces` and `name` globs. */
export const GLOB_PATTERN = '^\\*?[-:a-z0-9]*\\*?$';

/**
 * `*x*` contains x, `*x` ends with x, `x*` starts with x, anything else is compared exactly.
 * Only one leading and one trailing `*` are stripped, so `*` matches everything, including "".
 */
export function matchesGlob(pattern: string, value: string): boolean {
  const front = pattern.startsWith('*');
  const back = pattern.endsWith('*');
  if (front && back) return value.includes(trimBack(trimFront(pattern)));
  if (front) return value.endsWith(trimFront(pattern));
  if (back) return value.startsWith(trimBack(pattern));
  return pattern === value;
}

/**
 * Whether an object created with `metadata.generateName` would match: only `prefix*` and `*infix*`
 * globs can be decided before the server appends its random suffix (`Wildcard.MatchesGenerateName`).
 */
export function matchesGenerateName(pattern: string, generateName: string): boolean {
  const front = pattern.startsWith('*');
  const back = pattern.endsWith('*');
  if (front && back) return generateName.includes(trimBack(trimFront(pattern)));
  if (back) return generateName.startsWith(trimBack(pattern));
  return false;
}

/** Whether a glob passes the CRD's pattern (a constraint with a bad glob is rejected at load time). */
export function isValidGlob(pattern: string): boolean {
  return new RegExp(GLOB_PATTERN).test(pattern);
}

function trimFront(s: string): string {
  return s.startsWith('*') ? s.slice(1) : s;
}

function trimBack(s: string): string {
  return s.endsWith('*') ? s.slice(0, -1) : s;
}
