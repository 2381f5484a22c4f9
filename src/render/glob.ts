// Path globs for `exclude`: `*` within a segment, `**` across segments, `?`, `{a,b}`, and a trailing
// `/` or a bare directory name meaning everything below.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let braces = 0;
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '/**');
  while (i < g.length) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 3 : 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    i++;
  }
  // A pattern that names a directory also excludes what lies below it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function matchesAny(file: string, globs: RegExp[]): boolean {
  return globs.some((g) => g.test(file));
}
