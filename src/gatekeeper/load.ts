// Reading YAML and JSON object streams into objects that remember their file and lines.
import { createHash } from 'node:crypto';
import { Composer, isScalar, LineCounter, Parser, visit, type ScalarTag } from 'yaml';
import { goFloatText } from '../go/strconv.ts';
import { goDecodeUtf8 } from '../go/strings.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation, SourcedObject } from './types.ts';
import { errorText } from '../util/error-text.ts';

export interface LoadOptions {
  /**
   * YAML dialect. Kubernetes tooling (kubectl, sigs.k8s.io/yaml, `gator test`) decodes with go-yaml v2, a
   * YAML 1.1 parser: `yes`, `on`, `y` (even as keys) are booleans and `0755` is octal. `gator verify` reads
   * suites and their files with go-yaml v3: YAML 1.2, except that Go's integer syntax still applies
   * (`0755` octal, `0b101` binary, `1_000` with underscores).
   */
  yamlVersion?: '1.1' | '1.2';
  /** Files larger than this are refused whole. */
  maxBytes?: number;
  /** Alias expansions allowed per document (a defence against "billion laughs" documents). */
  maxAliasCount?: number;
  /** Documents read from one file; the rest is refused with an error naming the file and the limit. */
  maxObjects?: number;
}

export interface LoadResult {
  objects: SourcedObject[];
  errors: InputError[];
}

const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/**
 * Documents (objects) read from one file or one tool's output. Real files hold far fewer; a stream of tiny
 * documents would otherwise cost memory and review time out of proportion to its size.
 */
export const DEFAULT_MAX_OBJECTS_PER_FILE = 20_000;
const DEFAULT_MAX_ALIAS_COUNT = 100;

const memo = new Map<string, LoadResult>();
const MAX_MEMO = 20_000;

/**
 * `loadManifests`, remembered by file name, content and options: a PR check reads the same files at base
 * and head, check after check. The result is shared: callers must not modify its objects.
 */
export function loadManifestsMemo(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const key = `${file}\u0000${options.yamlVersion ?? ''}\u0000${options.maxBytes ?? ''}\u0000${options.maxObjects ?? ''}\u0000${createHash('sha1').update(text).digest('base64')}`;
  const known = memo.get(key);
  if (known) return known;
  const result = loadManifests(text, file, options);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
  memo.set(key, result);
  return result;
}

/** Parses every document in `text`; bad documents become errors, good ones still load. */
export function loadManifests(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    return {
      objects: [],
      errors: [loadError(`${file}: file is ${size} bytes, over the ${maxBytes}-byte limit; not read`, file, 1, 1)],
    };
  }
  if (/\.json$/i.test(file) && looksLikeJson(text)) return loadJsonStream(text, file, maxObjectsOf(options));
  return loadYaml(text, file, options);
}

function maxObjectsOf(options: LoadOptions): number {
  return options.maxObjects ?? DEFAULT_MAX_OBJECTS_PER_FILE;
}

function tooManyObjects(file: string, limit: number, line: number): InputError {
  return loadError(`${file}:${line}: more than ${limit} documents in one file; the rest of the file was not read`, file, line, line);
}

/** Line number (1-based) of an offset of `text`: line starts computed once, then a binary search per offset. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function loadError(message: string, file: string, startLine: number, endLine: number): InputError {
  return { kind: 'load', message, source: { file, startLine, endLine } };
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

function loadYaml(text: string, file: string, options: LoadOptions): LoadResult {
  if (options.yamlVersion === '1.1') {
    // The Kubernetes YAML reader (gator test, kubectl) splits documents at lines starting with `---` and
    // refuses such a line followed by anything but a comment (`--- {a: 1}`, `----`): the file is not read.
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('---')) continue;
      const rest = lines[i]!.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        return { objects: [], errors: [loadError(`${file}:${i + 1}: invalid YAML document separator: ${rest.slice(0, 80)}; the file was not read`, file, i + 1, i + 1)] };
      }
    }
  }
  const first = loadYamlStrict(text, file, options);
  if (first.errors.length === 0) return first;
  // go-yaml (libyaml) accepts a quoted scalar whose continuation lines are not indented past their key, as
  // in gatekeeper-library templates; the yaml package does not. Indenting those lines changes no value
  // (a quoted scalar folds leading spaces away) and no line number.
  const relaxed = relaxQuotedIndentation(text);
  if (relaxed === undefined) return first;
  const second = loadYamlStrict(relaxed, file, options);
  return second.errors.length === 0 ? second : first;
}

/**
 * `text` with every continuation line of a multi-line quoted scalar indented one column past the line
 * the scalar starts on, or undefined when no line needed it. Block scalars (`|`, `>`) and comments are
 * skipped; a quote starts a scalar only where a YAML token can start.
 */
export function relaxQuotedIndentation(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  let quote: '"' | "'" | undefined;
  let base = 0;
  let blockIndent: number | undefined;
  const indentOf = (line: string): number => line.length - line.trimStart().length;
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li]!;
    let i = 0;
    if (quote !== undefined) {
      const indent = indentOf(line);
      if (line.trim() !== '' && indent <= base) {
        line = ' '.repeat(base + 1 - indent) + line;
        lines[li] = line;
        changed = true;
      }
    } else if (blockIndent !== undefined) {
      if (line.trim() === '' || indentOf(line) > blockIndent) continue;
      blockIndent = undefined;
    }
    if (quote === undefined) base = indentOf(line);
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = undefined;
        continue;
      }
      const prev = i === 0 ? ' ' : line[i - 1]!;
      if (c === '#' && /\s/.test(prev)) break;
      if ((c === '"' || c === "'") && /[\s:[{,-]/.test(prev)) quote = c;
    }
    if (quote === undefined && /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) blockIndent = indentOf(line);
  }
  return changed ? lines.join('\n') : undefined;
}

function loadYamlStrict(text: string, file: string, options: LoadOptions): LoadResult {
  const lineCounter = new LineCounter();
  const version = options.yamlVersion ?? '1.2';
  const composer = new Composer({
    version,
    // go-yaml v2 (behind sigs.k8s.io/yaml) knows neither sexagesimal numbers nor timestamps as values.
    ...(version === '1.1'
      ? { customTags: (tags) => [goIntegerTag, goFloatTag, ...tags.filter((t) => !isSexagesimalOrTimestamp(t))], merge: true }
      : { customTags: (tags) => [goIntegerTag, ...tags] }),
    // go-yaml v2 lets a later duplicate key win (so does kubectl); go-yaml v3 refuses duplicates.
    uniqueKeys: version !== '1.1',
  });
  const objects: SourcedObject[] = [];
  const errors: InputError[] = [];
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const maxObjects = maxObjectsOf(options);
  let documents = 0;
  // Only a `\u`/`\U` escape can make a surrogate: a file without one has no scalar to look at.
  const mayHaveSurrogateEscape = /\\[uU]/.test(text);

  // One document at a time: a stream of many small documents never holds all their syntax trees at once.
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    const [start, , end] = doc.range;
    const contentStart = doc.contents?.range?.[0] ?? start;
    const startLine = lineOf(contentStart);
    // Documents that hold something (an object, or an error) count; empty ones (`---` alone) do not.
    const empty = doc.errors.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null));
    if (!empty && ++documents > maxObjects) {
      errors.push(tooManyObjects(file, maxObjects, startLine));
      break;
    }
    const endLine = Math.max(startLine, lineOf(Math.max(contentStart, lastContentOffset(text, end))));
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        // The parser may notice an unclosed structure only at the next separator: keep the line inside the document.
        const line = Math.min(Math.max(lineOf(e.pos[0]), startLine), endLine);
        errors.push(loadError(`${file}:${line}: invalid YAML: ${firstLine(e.message)}`, file, line, line));
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document, e.g. a trailing `---`
    const badEscape = mayHaveSurrogateEscape ? surrogateEscape(doc, text) : undefined;
    if (badEscape !== undefined) {
      const line = lineOf(badEscape);
      errors.push(loadError(`${file}:${line}: invalid YAML: found invalid Unicode character escape code (a UTF-16 surrogate)`, file, line, line));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT, mapAsMap: true });
    } catch (e) {
      errors.push(loadError(`${file}:${startLine}: invalid YAML: ${firstLine(errorText(e))}`, file, startLine, endLine));
      continue;
    }
    if (value === null || value === undefined) continue;
    const checked = checkObject(value, file, startLine, endLine);
    if ('error' in checked) errors.push(checked.error);
    else objects.push({ object: checked.object, source: { file, startLine, endLine } });
  }
  return { objects, errors };
}

/**
 * Offset of a double-quoted scalar's `\uD800`-`\uDFFF` escape (go-yaml refuses these, even as a surrogate
 * pair; the yaml package would decode them), or undefined.
 */
export function surrogateEscape(doc: { contents: unknown }, text: string): number | undefined {
  let found: number | undefined;
  visit(doc as Parameters<typeof visit>[0], {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return undefined;
      const m = /(?<!\\)(?:\\\\)*\\(?:u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})/.exec(text.slice(node.range[0], node.range[1]));
      if (m) {
        found = node.range[0] + m.index;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * go-yaml (v2 and v3) resolves plain integers with strconv.ParseInt(s without '_', base 0), then ParseUint;
 * past 64 bits, a decimal falls back to ParseFloat (so it is a float) and any other base stays a string.
 */
const goIntegerTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^[-+]?(?:0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$/,
  identify: (v) => typeof v === 'number' && Number.isInteger(v),
  resolve(source) {
    const s = source.replace(/_/g, '');
    const negative = s.startsWith('-');
    const body = s.replace(/^[-+]/, '');
    let magnitude: bigint;
    let decimal = false;
    try {
      if (/^0[bB]/.test(body)) magnitude = BigInt(`0b${body.slice(2)}`);
      else if (/^0[xX]/.test(body)) magnitude = BigInt(`0x${body.slice(2)}`);
      else if (/^0[oO]/.test(body)) magnitude = BigInt(`0o${body.slice(2)}`);
      else if (/^0[0-7]+$/.test(body)) magnitude = BigInt(`0o${body.slice(1)}`);
      else {
        magnitude = BigInt(body);
        decimal = true;
      }
    } catch {
      return source;
    }
    const n = negative ? -magnitude : magnitude;
    if (n >= INT64_MIN && n <= UINT64_MAX) return Number(n);
    if (!decimal) return source;
    const f = Number(s);
    return Number.isFinite(f) ? f : source;
  },
};

/** go-yaml's float syntax: YAML 1.2's, so `1e3` is a float even in go-yaml v2 (YAML 1.1 wants a dot). */
const goFloatTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  identify: (v) => typeof v === 'number',
  // ParseFloat out of range (`1e400`): go-yaml keeps the plain scalar as a string.
  resolve: (source) => {
    const f = parseFloat(source.replace(/_/g, ''));
    return Number.isFinite(f) ? f : source;
  },
};

function isSexagesimalOrTimestamp(tag: string | { tag: string; format?: string; test?: RegExp }): boolean {
  if (typeof tag === 'string') return tag === 'timestamp' || tag === 'intTime' || tag === 'floatTime';
  // The yaml package's YAML 1.1 float forms without digits (`e400`, `.`) are strings to go-yaml; goFloatTag
  // resolves the numeric ones. Only `.inf`/`.nan` are kept.
  if (tag.tag === 'tag:yaml.org,2002:float' && !tag.test?.test('.inf')) return true;
  return tag.tag === 'tag:yaml.org,2002:timestamp' || tag.format === 'TIME';
}

/** The offset of the last non-blank, non-separator character before `end`, so ranges exclude `---`. */
function lastContentOffset(text: string, end: number): number {
  let i = Math.min(end, text.length) - 1;
  while (i > 0) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const line = text.slice(lineStart, i + 1).trim();
    if (line === '' || line === '---' || line === '...' || line.startsWith('#')) {
      i = lineStart - 1;
      continue;
    }
    return i;
  }
  return Math.max(0, i);
}

function checkObject(
  value: unknown,
  file: string,
  startLine: number,
  endLine: number,
): { object: JsonObject } | { error: InputError } {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return { error: loadError(`${file}:${startLine}: document is ${what}, not an object`, file, startLine, endLine) };
  }
  const normalised = toJson(value);
  if (normalised.error !== undefined) {
    return { error: loadError(`${file}:${startLine}: ${normalised.error}`, file, startLine, endLine) };
  }
  return { object: normalised.value as JsonObject };
}

/**
 * How deep a manifest may nest. Real manifests stay far below it; deeper ones would overflow the stack of the
 * recursive code that handles objects afterwards (diffs, canonical texts, review JSON), so they are refused here.
 */
export const MAX_NESTING_DEPTH = 200;

/** Converts parsed YAML into JSON data: maps with non-string keys, dates or binary values are refused. */
function toJson(value: unknown, depth = 0): { value?: JsonValue; error?: string } {
  // A lone surrogate (only a JSON `\ud800` escape makes one; YAML ones are refused earlier) is U+FFFD in Go.
  if (typeof value === 'string') return { value: wellFormed(value) };
  if (value === null || typeof value === 'boolean') return { value };
  if (depth >= MAX_NESTING_DEPTH && typeof value === 'object') return { error: `the document nests more than ${MAX_NESTING_DEPTH} levels deep` };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: `value ${String(value)} cannot be represented in JSON` };
    return { value };
  }
  if (typeof value === 'bigint') return { value: Number(value) };
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const r = toJson(item, depth + 1);
      if (r.error !== undefined) return r;
      out.push(r.value ?? null);
    }
    return { value: out };
  }
  if (value instanceof Map) {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of value) {
      const key = mapKey(k);
      if (typeof key !== 'string') return key;
      const r = toJson(v, depth + 1);
      if (r.error !== undefined) return r;
      setOwn(out, key, r.value ?? null);
    }
    return { value: out };
  }
  if (value instanceof Set) return toJson([...value], depth);
  // go-yaml decodes `!!binary` to the bytes as a Go string; JSON then writes invalid UTF-8 as U+FFFD.
  if (value instanceof Uint8Array) return { value: goDecodeUtf8(value) };
  if (value instanceof Date) {
    return { error: `unsupported YAML value of type ${value.constructor.name}` };
  }
  if (typeof value === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const r = toJson(v, depth + 1);
      if (r.error !== undefined) return r;
      setOwn(out, wellFormed(k), r.value ?? null);
    }
    return { value: out };
  }
  return { error: `unsupported value of type ${typeof value}` };
}

/**
 * A map key as sigs.k8s.io/yaml turns it into a JSON key: strings as they are, numbers and booleans as
 * text; a null or collection key is refused.
 */
function mapKey(k: unknown): string | { error: string } {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean' || typeof k === 'bigint') return String(k);
  if (typeof k === 'number') return Number.isInteger(k) ? String(k) : goFloatText(k);
  if (k === null || k === undefined) return { error: 'unsupported map key: null' };
  return { error: 'invalid map key: a collection cannot be a key' };
}

function wellFormed(s: string): string {
  return (s as string & { toWellFormed(): string }).toWellFormed();
}

/** A key such as `__proto__` stays an ordinary key, as in Go, instead of setting the object's prototype. */
function setOwn(out: { [k: string]: JsonValue }, key: string, value: JsonValue): void {
  // Plain assignment makes the same own property for any other key, and faster.
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

/** A JSON file may hold one value or a stream of whitespace-separated objects, as kubectl accepts. */
function loadJsonStream(text: string, file: string, maxObjects: number): LoadResult {
  const objects: SourcedObject[] = [];
  const errors: InputError[] = [];
  let pos = 0;
  const lineAt = lineLocator(text);
  let documents = 0;
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    if (pos >= text.length) break;
    const startLine = lineAt(pos);
    if (++documents > maxObjects) {
      errors.push(tooManyObjects(file, maxObjects, startLine));
      break;
    }
    const end = endOfJsonValue(text, pos);
    if (end < 0) {
      errors.push(loadError(`${file}:${startLine}: invalid JSON: unterminated value`, file, startLine, startLine));
      break;
    }
    const endLine = lineAt(end - 1);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(pos, end));
    } catch (e) {
      errors.push(loadError(`${file}:${startLine}: invalid JSON: ${errorText(e)}`, file, startLine, endLine));
      pos = end;
      continue;
    }
    const checked = checkObject(parsed, file, startLine, endLine);
    if ('error' in checked) errors.push(checked.error);
    else objects.push({ object: checked.object, source: { file, startLine, endLine } });
    pos = end;
  }
  return { objects, errors };
}

/** Index just past the JSON value starting at `start`, or -1. */
function endOfJsonValue(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') {
    let i = start;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

export { errorText } from '../util/error-text.ts';

/**
 * Objects reviewed at one ref. Past it, a repository costs memory and review time out of proportion; the objects
 * beyond it are left out with an error (which blocks at head: the change was not fully checked).
 */
export const DEFAULT_MAX_OBJECTS_PER_REF = 20_000;

/** The first `limit` of `objects`; when there are more, an error naming the first file left out and the limit. */
export function capObjectsPerRef<T extends { source: SourceLocation }>(objects: T[], errors: InputError[], limit = DEFAULT_MAX_OBJECTS_PER_REF): T[] {
  if (objects.length <= limit) return objects;
  const first = objects[limit]!.source;
  errors.push({
    kind: 'load',
    message: `${first.file}:${first.startLine}: more than ${limit} objects at this ref; ${objects.length - limit} objects from here on were not reviewed`,
    source: { file: first.file, startLine: first.startLine, endLine: first.startLine },
  });
  return objects.slice(0, limit);
}
