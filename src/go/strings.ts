// Go's strings package, as preadmit needs it: the order of Go strings (bytewise over UTF-8), which sort.Strings,
// map-key order in encoding/json and every Go comparison of strings use. JavaScript's `<` compares UTF-16 code
// units, which orders characters above U+FFFF before U+E000–U+FFFF: the wrong order for Go.

/** strings.Compare: -1, 0 or 1 in UTF-8 byte order (which is code point order). */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
