// Go's strings package, as preadmit needs it: the order of Go strings (bytewise over UTF-8), which sort.Strings,
// map-key order in encoding/json and every Go comparison of strings use. JavaScript's `<` compares UTF-16 code
// units, which orders characters above U+FFFF before U+E000–U+FFFF: the wrong order for Go.

/** strings.Compare: -1, 0 or 1 in UTF-8 byte order (which is code point order). */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // UTF-16 order is code point order unless one of the two is a surrogate: then compare code points.
    if ((ca >= 0xd800 && ca <= 0xdfff) !== (cb >= 0xd800 && cb <= 0xdfff)) return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
    return ca < cb ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Whether `s` has no UTF-16 surrogate: between two such strings, JavaScript's `<` is Go's order. */
function surrogateFree(s: string): boolean {
  return !/[\ud800-\udfff]/.test(s);
}

/**
 * Sorts `items` in place (stably) by the strings `keys` give, compared in Go's order one key after the other.
 * When no key has a character above U+FFFF, which is the usual case, the engine's own comparison does it.
 */
export function goSortBy<T>(items: T[], ...keys: Array<(item: T) => string>): T[] {
  const native = items.every((item) => keys.every((key) => surrogateFree(key(item))));
  return items.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      return native ? (x < y ? -1 : 1) : goCompare(x, y);
    }
    return 0;
  });
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes as Go reads them as a string (`for range`, utf8.DecodeRune, what encoding/json writes): each valid UTF-8
 * sequence is its character, and each byte of an invalid one goes through `stray` (by default U+FFFD, one per byte,
 * as Go's JSON writes it; a caller may keep the byte instead).
 */
export function goDecodeUtf8(bytes: Uint8Array, stray: (byte: number) => string = () => '\ufffd'): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Not valid UTF-8 as a whole: byte by byte below.
  }
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    if (ok && n > 1) {
      // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
      const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
      ok = bytes[i + 1]! >= lo && bytes[i + 1]! <= hi;
      for (let k = 2; ok && k < n; k++) ok = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
    }
    if (ok) {
      out += n === 1 ? String.fromCharCode(c) : Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    } else {
      out += stray(c);
      i++;
    }
  }
  return out;
}
