// Go's path package (slash-separated paths), as gator's file handling uses it.

/** Go's path.Join: the non-empty parts joined and cleaned; "" when every part is empty. */
export function goPathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '';
  return goPathClean(joined);
}

/** Go's path.Clean. */
export function goPathClean(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** Go's path.Ext. */
export function goPathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

/** Go's path.Dir. */
export function goPathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goPathClean(i < 0 ? '.' : p.slice(0, i + 1));
}
