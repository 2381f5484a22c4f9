// valyala/fastjson's parser as lestrrat-go/jwx v3's jwsbb.HeaderParse uses it to read a JWS header for
// io.jwt.encode_sign: laxer than encoding/json (strings are not checked for escapes or control characters,
// a number is any run of digits, `.`, `e`, `E`, `+`, `-`, and `inf`/`nan` are numbers), 300 levels deep at
// most, the whole text one value. Strings are unescaped lazily and "best effort", as fastjson does.

export type FastjsonValue =
  | { t: 'object'; kvs: Array<{ key: string; value: FastjsonValue }>; keysUnescaped: boolean }
  | { t: 'array' }
  | { t: 'string'; raw: string }
  | { t: 'scalar' };

const MAX_DEPTH = 300;

class Reject extends Error {}

function reject(): never {
  throw new Reject();
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

/** Parses `text` as fastjson's Parser.Parse does; undefined when it refuses it. */
export function fastjsonParse(text: string): FastjsonValue | undefined {
  const s = text;
  const ws = (i: number): number => {
    while (isWs(s[i])) i++;
    return i;
  };

  /** The raw text of a string whose opening quote is before `i`, and the index after its closing quote. */
  const rawString = (i: number): [string, number] => {
    let seg = i;
    for (;;) {
      const n = s.indexOf('"', seg);
      if (n < 0) reject();
      let k = n;
      while (k > seg && s[k - 1] === '\\') k--;
      if ((n - k) % 2 === 0) return [s.slice(i, n), n + 1];
      seg = n + 1;
    }
  };

  const rawKey = (i: number): [string, number] => {
    for (let j = i; j < s.length; j++) {
      if (s[j] === '"') return [s.slice(i, j), j + 1];
      if (s[j] === '\\') return rawString(i);
    }
    return reject();
  };

  const rawNumber = (i: number): number => {
    for (let j = i; j < s.length; j++) {
      if (/[0-9.eE+-]/.test(s[j] as string)) continue;
      if (j === i || (j === i + 1 && (s[i] === '-' || s[i] === '+'))) {
        if (/^(?:inf|nan)$/i.test(s.slice(j, j + 3))) return j + 3;
        reject();
      }
      return j;
    }
    return s.length;
  };

  const value = (i: number, depth: number): [FastjsonValue, number] => {
    if (i >= s.length) reject();
    depth++;
    if (depth > MAX_DEPTH) reject();
    const c = s[i];
    if (c === '{') return object(i + 1, depth);
    if (c === '[') return array(i + 1, depth);
    if (c === '"') {
      const [raw, end] = rawString(i + 1);
      return [{ t: 'string', raw }, end];
    }
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        if (s.startsWith(word, i)) return [{ t: 'scalar' }, i + word.length];
        if (word === 'null' && /^nan$/i.test(s.slice(i, i + 3))) return [{ t: 'scalar' }, i + 3];
        reject();
      }
    }
    return [{ t: 'scalar' }, rawNumber(i)];
  };

  const object = (i: number, depth: number): [FastjsonValue, number] => {
    const o: FastjsonValue = { t: 'object', kvs: [], keysUnescaped: false };
    i = ws(i);
    if (i >= s.length) reject();
    if (s[i] === '}') return [o, i + 1];
    for (;;) {
      i = ws(i);
      if (s[i] !== '"') reject();
      const [key, afterKey] = rawKey(i + 1);
      i = ws(afterKey);
      if (s[i] !== ':') reject();
      const [v, afterValue] = value(ws(i + 1), depth);
      o.kvs.push({ key, value: v });
      i = ws(afterValue);
      if (i >= s.length) reject();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '}') return [o, i + 1];
      reject();
    }
  };

  const array = (i: number, depth: number): [FastjsonValue, number] => {
    i = ws(i);
    if (i >= s.length) reject();
    if (s[i] === ']') return [{ t: 'array' }, i + 1];
    for (;;) {
      const [, afterValue] = value(ws(i), depth);
      i = ws(afterValue);
      if (i >= s.length) reject();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ']') return [{ t: 'array' }, i + 1];
      reject();
    }
  };

  try {
    const [v, end] = value(ws(0), 0);
    return ws(end) < s.length ? undefined : v;
  } catch (e) {
    if (e instanceof Reject) return undefined;
    throw e;
  }
}

/** fastjson's unescapeStringBestEffort: known escapes decoded, anything malformed kept as written. */
function unescapeBestEffort(raw: string): string {
  let n = raw.indexOf('\\');
  if (n < 0) return raw;
  let out = raw.slice(0, n);
  let s = raw.slice(n + 1);
  while (s.length > 0) {
    const ch = s[0] as string;
    s = s.slice(1);
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (ch in simple) {
      out += simple[ch];
    } else if (ch === 'u') {
      const xs = s.slice(0, 4);
      if (!/^[0-9a-fA-F]{4}$/.test(xs)) {
        out += '\\u';
      } else {
        const x = parseInt(xs, 16);
        s = s.slice(4);
        if (x < 0xd800 || x >= 0xe000) {
          out += String.fromCharCode(x);
        } else if (s.length < 6 || s[0] !== '\\' || s[1] !== 'u' || !/^[0-9a-fA-F]{4}$/.test(s.slice(2, 6))) {
          out += `\\u${xs}`;
        } else {
          const x1 = parseInt(s.slice(2, 6), 16);
          out += x < 0xdc00 && x1 >= 0xdc00 && x1 < 0xe000 ? String.fromCharCode(x, x1) : '\ufffd';
          s = s.slice(6);
        }
      }
    } else {
      out += `\\${ch}`;
    }
    n = s.indexOf('\\');
    if (n < 0) {
      out += s;
      break;
    }
    out += s.slice(0, n);
    s = s.slice(n + 1);
  }
  return out;
}

/**
 * Value.GetStringBytes(key) on a parsed value: the member's unescaped string, undefined when there is no
 * such member or it is not a string. Object.Get first looks for the key among the raw (still escaped) keys,
 * and only when none matches unescapes them all, for good (so the order of lookups matters, as in fastjson).
 */
export function fastjsonGetString(v: FastjsonValue, key: string): string | undefined {
  if (v.t !== 'object') return undefined;
  let found: FastjsonValue | undefined;
  if (!v.keysUnescaped && !key.includes('\\')) found = v.kvs.find((kv) => kv.key === key)?.value;
  if (!found) {
    if (!v.keysUnescaped) {
      for (const kv of v.kvs) kv.key = unescapeBestEffort(kv.key);
      v.keysUnescaped = true;
    }
    found = v.kvs.find((kv) => kv.key === key)?.value;
  }
  return found?.t === 'string' ? unescapeBestEffort(found.raw) : undefined;
}
