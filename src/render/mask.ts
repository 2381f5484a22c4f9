// Secret values stay in memory for the engine; whatever is printed or logged shows them masked.
//
// Two layers. `maskSecret` replaces the values of a Secret object itself (for `preadmit render` and rendered diffs).
// `secretValues` + `redactSecrets` / `redactDeep` mask every known Secret value wherever else it turns up: in a
// ConfigMap or an env value that copies it, in a policy's message, in a tool's error. A value is recognised as
// written, base64-encoded (standard and URL alphabets, padded or not), hex-encoded, JSON/Go-quoted, URL-encoded,
// as a list of its byte values (`[112 97 115 115]`, `0x70, 0x61…`), and spelled with separators between its
// characters (`p a s s`, `p,a,s,s`, zero-width characters). What cannot be caught is documented in README
// ("Security" → "Secrets"): values shorter than MIN_SECRET_CHARS, transformed values (upper-cased, reversed,
// sliced, hashed), a value base64-encoded inside a larger blob, and Secrets that do not load at all.
import { isObject } from '../gatekeeper/classify.ts';
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';

export const MASK = '***';

/**
 * Values shorter than this (after trimming) are not masked anywhere but in the Secret itself: `true`, `on` or
 * `123` would mask ordinary words and numbers of every message without protecting anything.
 */
const MIN_SECRET_CHARS = 4;

/**
 * A value spelled with separators between its characters (`p a s s w o`) is only recognised when it has at least
 * this many characters without them: shorter ones would match ordinary words split by spaces or commas.
 */
const MIN_SEPARATED_CHARS = 6;

/**
 * Whether `object` is a Secret: kind `Secret` in the core group, however its apiVersion or kind is spelled
 * (`v1`, ` v1`, `/v1`, `core/v1`, `secret`). Collecting too many values only masks more.
 */
export function isSecretLike(object: JsonObject): boolean {
  if (typeof object.kind !== 'string') return false;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion.trim() : '';
  const slash = apiVersion.indexOf('/');
  return isSecretKind(slash < 0 ? '' : apiVersion.slice(0, slash), object.kind);
}

/** Kind `Secret` (any case, any surrounding space) in the core group (``, `core`). */
export function isSecretKind(group: string, kind: string): boolean {
  const g = group.trim().toLowerCase();
  return kind.trim().toLowerCase() === 'secret' && (g === '' || g === 'core');
}

/** A copy of `object` whose Secret `data` and `stringData` values read `***`; other objects are returned as they are. */
export function maskSecret(object: JsonObject): JsonObject {
  if (!isSecretLike(object)) return object;
  const copy: JsonObject = { ...object };
  for (const field of ['data', 'stringData']) {
    const values = object[field];
    if (values === undefined || values === null) continue;
    if (!isObject(values)) {
      // An unusual shape (a list, a scalar): nothing of it is shown.
      copy[field] = MASK;
      continue;
    }
    const masked: { [k: string]: JsonValue } = {};
    // defineProperty: a key such as "__proto__" stays an ordinary key.
    for (const key of Object.keys(values)) Object.defineProperty(masked, key, { value: MASK, enumerable: true, writable: true, configurable: true });
    copy[field] = masked;
  }
  // `kubectl apply` keeps the whole object, values included, in this annotation.
  const meta = isObject(object.metadata) ? object.metadata : undefined;
  const annotations = meta && isObject(meta.annotations) ? meta.annotations : undefined;
  if (meta && annotations && LAST_APPLIED in annotations) {
    copy.metadata = { ...meta, annotations: { ...annotations, [LAST_APPLIED]: MASK } };
  }
  return copy;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Lists (`kind: List`, `items: [...]`) are looked into: a Secret inside one is still a Secret. */
function* secretsAmong(objects: Iterable<JsonObject>, depth = 0): Generator<JsonObject> {
  for (const object of objects) {
    if (isSecretLike(object)) yield object;
    if (depth < 4 && Array.isArray(object.items)) yield* secretsAmong(object.items.filter(isObject), depth + 1);
  }
}

/** Every scalar under `value` (a Secret's `data` or `stringData`, whatever its shape), as text. */
function scalars(value: JsonValue | undefined, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (depth < 16 && Array.isArray(value)) for (const v of value) scalars(v, out, depth + 1);
  else if (depth < 16 && isObject(value)) for (const v of Object.values(value)) scalars(v, out, depth + 1);
  return out;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every Secret value among `objects`: as written, trimmed, and for `data` base64-decoded (when the bytes are
 * text). Values shorter than MIN_SECRET_CHARS are left out.
 */
export function secretValues(objects: Iterable<JsonObject>): Set<string> {
  const out = new Set<string>();
  const add = (v: string): void => {
    out.add(v);
    out.add(v.trim());
  };
  for (const object of secretsAmong(objects)) {
    for (const field of ['data', 'stringData']) {
      for (const v of scalars(object[field])) {
        add(v);
        if (field !== 'data') continue;
        try {
          add(UTF8.decode(Buffer.from(v.replace(/\s+/g, ''), 'base64')));
        } catch {
          // Binary data: its encoded forms are still masked, the bytes themselves cannot appear as text.
        }
      }
    }
  }
  for (const v of out) if (v.trim().length < MIN_SECRET_CHARS) out.delete(v);
  return out;
}

/** Characters a message may put between the characters of a value: whitespace, punctuation of lists, invisible ones. */
const SEPARATOR = /[\s,;'"`[\](){}\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u;

/** The forms of one plaintext value that are matched as written. */
function literalForms(plain: string): string[] {
  const bytes = Buffer.from(plain, 'utf8');
  const b64 = bytes.toString('base64');
  const b64url = bytes.toString('base64url');
  const json = JSON.stringify(plain).slice(1, -1);
  const hex = bytes.toString('hex');
  return [plain, json, encodeURIComponent(plain), b64, b64.replace(/=+$/, ''), b64url, `${b64url}${'='.repeat((4 - (b64url.length % 4)) % 4)}`, hex, hex.toUpperCase()];
}

/** The forms of one plaintext value that are matched with separators removed (see `squeeze`). */
function spelledForms(plain: string): string[] {
  const bytes = [...Buffer.from(plain, 'utf8')];
  return [
    plain,
    // Go's %v of a []byte: [112 97 115 115]; %x-ish lists: 0x70, 0x61, …; escapes: \x70\x61…
    bytes.map((b) => String(b)).join(''),
    bytes.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(''),
    bytes.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''),
    // Runes as numbers ([]rune, code points) differ from bytes only beyond ASCII.
    [...plain].map((c) => String(c.codePointAt(0))).join(''),
  ];
}

/** `text` without separator characters, and for each kept character its index in `text`. */
function squeeze(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (SEPARATOR.test(c)) continue;
    out += c;
    at.push(i);
  }
  return { text: out, at };
}

/** A set of strings found in a text in one pass: candidates by their first characters. */
class Literals {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly first = new Set<number>();
  constructor(
    forms: Iterable<string>,
    private readonly prefix: number,
  ) {
    for (const f of new Set(forms)) {
      if (f.length < prefix) continue;
      const key = f.slice(0, prefix);
      const list = this.byPrefix.get(key) ?? [];
      list.push(f);
      this.byPrefix.set(key, list);
      this.first.add(f.charCodeAt(0));
    }
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.byPrefix.size === 0;
  }

  /** [start, end) of every occurrence (the longest at each position). */
  find(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i + this.prefix <= text.length; i++) {
      if (!this.first.has(text.charCodeAt(i))) continue;
      const list = this.byPrefix.get(text.slice(i, i + this.prefix));
      if (list === undefined) continue;
      for (const f of list) {
        if (text.startsWith(f, i)) {
          out.push([i, i + f.length]);
          break;
        }
      }
    }
    return out;
  }
}

class Matcher {
  private readonly literal: Literals;
  private readonly spelled: Literals;
  constructor(values: Iterable<string>) {
    const literal: string[] = [];
    const spelled: string[] = [];
    for (const v of values) {
      literal.push(...literalForms(v));
      for (const f of spelledForms(v)) {
        const s = squeeze(f).text;
        if (s.length >= MIN_SEPARATED_CHARS) spelled.push(s);
      }
    }
    this.literal = new Literals(literal, MIN_SECRET_CHARS);
    this.spelled = new Literals(spelled, MIN_SEPARATED_CHARS);
  }

  redact(text: string): string {
    if (this.literal.empty || text.length < MIN_SECRET_CHARS) return text;
    const ranges = this.literal.find(text);
    if (!this.spelled.empty) {
      const s = squeeze(text);
      for (const [a, b] of this.spelled.find(s.text)) ranges.push([s.at[a]!, s.at[b - 1]! + 1]);
    }
    if (ranges.length === 0) return text;
    ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let out = '';
    let pos = 0;
    for (const [a, b] of ranges) {
      if (b <= pos) continue;
      if (a >= pos) out += text.slice(pos, a) + MASK;
      pos = b;
    }
    return out + text.slice(pos);
  }
}

const matchers = new WeakMap<Set<string>, Matcher>();

function matcherFor(values: Set<string>): Matcher {
  let m = matchers.get(values);
  if (m === undefined) {
    m = new Matcher(values);
    matchers.set(values, m);
  }
  return m;
}

/** `text` with every known secret value, in any of the forms above, replaced by `***`. */
export function redactSecrets(text: string, values: Set<string>): string {
  if (values.size === 0) return text;
  return matcherFor(values).redact(text);
}

/** Keys whose strings are identities or file paths, never a value printed from an object. */
const STRUCTURAL_KEYS = new Set(['id', 'file']);

/**
 * Masks `values` in every string of `value` (objects and arrays, in place) and returns it: applied to a report
 * once, it covers every rendering made from it. Identities and file paths are left as they are.
 */
export function redactDeep<T>(value: T, values: Set<string>): T {
  if (values.size === 0) return value;
  const m = matcherFor(values);
  const seen = new Set<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return m.redact(v);
    if (v === null || typeof v !== 'object' || seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!STRUCTURAL_KEYS.has(k)) o[k] = walk(o[k]);
    return v;
  };
  return walk(value) as T;
}
