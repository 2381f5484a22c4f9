// Where in a manifest a violation points: the offending field's line, found from what the message names (a
// container, a field, a value it quotes), located in the YAML source the object was read from.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { isObject } from '../gatekeeper/classify.ts';
import type { JsonObject, JsonValue, SourceLocation } from '../gatekeeper/types.ts';

export type FieldPath = Array<string | number>;

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * The path of the field a violation message is about, in `object`: inside the container the message names
 * (the longest container name it quotes), the deepest field whose string value (4+ characters) the message
 * quotes, else the deepest field whose key it names (`privileged`, `hostPID`...), else the container entry.
 * Undefined when the message names nothing the object has. `container`: how deep the container entry is (0: none).
 */
export function offendingPath(object: JsonObject, message: string): { path: FieldPath; container: number } | undefined {
  const containers: Array<{ path: FieldPath; name: string }> = [];
  walk(object, [], (path, value) => {
    const parent = path[path.length - 2];
    if (typeof path[path.length - 1] === 'number' && typeof parent === 'string' && CONTAINER_LISTS.has(parent) && isObject(value) && typeof value.name === 'string' && value.name !== '') {
      containers.push({ path, name: value.name });
    }
  });
  const named = containers.filter((c) => mentions(message, c.name)).sort((a, b) => b.name.length - a.name.length)[0];
  const scope = named?.path ?? [];
  const scoped = scope.length === 0 ? object : (at(object, scope) as JsonValue);

  let best: { path: FieldPath; score: number } | undefined;
  walk(scoped, [], (path, value) => {
    const key = path[path.length - 1];
    if (path.length === 0 || (scope.length > 0 && path.length === 1 && key === 'name')) return;
    // The object's kind, name and namespace are in most messages; they say nothing about a field.
    if (scope.length === 0 && path.length === 1 && (key === 'kind' || key === 'apiVersion')) return;
    if (scope.length === 0 && path[0] === 'metadata' && (key === 'name' || key === 'namespace') && path.length === 2) return;
    let score = 0;
    if (typeof value === 'string' && value.length >= 4 && message.includes(value)) score = 2;
    else if (typeof key === 'string' && key.length >= 4 && mentions(message.toLowerCase(), key.toLowerCase())) score = 1;
    if (score === 0) return;
    if (!best || score > best.score || (score === best.score && path.length > best.path.length)) best = { path, score };
  });
  if (best) return { path: [...scope, ...best.path], container: scope.length };
  // A container named like the object itself may be the object named: not enough to point at the container.
  const objectName = isObject(object.metadata) ? object.metadata.name : undefined;
  return named && named.name !== objectName ? { path: scope, container: scope.length } : undefined;
}

/** Whether `text` names `word` as a whole word (not inside a longer name). */
function mentions(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : text[i - 1]!;
    const after = text[i + word.length] ?? '';
    if (!/[A-Za-z0-9_.-]/.test(before) && !/[A-Za-z0-9_-]/.test(after)) return true;
    from = i + 1;
  }
}

function walk(value: JsonValue, path: FieldPath, visit: (path: FieldPath, value: JsonValue) => void): void {
  visit(path, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

function at(value: JsonValue, path: FieldPath): JsonValue | undefined {
  let cur: JsonValue | undefined = value;
  for (const step of path) {
    if (typeof step === 'number') cur = Array.isArray(cur) ? cur[step] : undefined;
    else cur = isObject(cur) ? cur[step] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

interface ParsedFile {
  docs: Document.Parsed[];
  lines: LineCounter;
}

/** Parsed YAML files, by content: the same file is parsed once however many violations point into it. */
const parsed = new Map<string, ParsedFile | null>();
const PARSED_LIMIT = 256;

function parse(text: string): ParsedFile | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  let result: ParsedFile | null = null;
  try {
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, version: '1.1', uniqueKeys: false, prettyErrors: false });
    result = Array.isArray(docs) ? { docs, lines } : null;
  } catch {
    result = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, result);
  return result;
}

/**
 * The line of `path` in the YAML document of `text` that starts at `source.startLine` (and declares the same
 * kind), as a location in `source.file`. A path the source does not spell all the way (a field a kustomize
 * patch or transformer sets) stops at its deepest spelled part, when that part is inside the field's
 * container or deeper than the object itself; else undefined.
 */
export function lineOfPath(text: string, source: SourceLocation, kind: string, path: FieldPath, minDepth = 1): SourceLocation | undefined {
  const found = documentAlone(text, source) ?? documentInFile(text, source.startLine);
  if (!found) return undefined;
  const { doc, lineOf } = found;
  if (!isMap(doc.contents) || String(doc.contents.get('kind') ?? '') !== kind) return undefined;
  let node: Node = doc.contents;
  let line: number | undefined;
  let depth = 0;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[step] as Node | undefined;
      if (!item?.range) break;
      node = item;
      line = lineOf(item);
    } else {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
      if (!pair || !isScalar(pair.key) || !pair.key.range) break;
      line = lineOf(pair.key);
      if (!pair.value || !(pair.value as Node).range) {
        depth++;
        break;
      }
      node = pair.value as Node;
    }
    depth++;
  }
  if (line === undefined || depth < minDepth) return undefined;
  return { file: source.file, startLine: line, endLine: line, ...(source.renderedBy !== undefined ? { renderedBy: source.renderedBy } : {}) };
}

interface FoundDocument {
  doc: Document.Parsed;
  /** The line (in the whole text) a node starts on. */
  lineOf: (n: Node) => number;
}

/** The error-free document of the whole parsed text whose contents start on `startLine`. */
function documentInFile(text: string, startLine: number): FoundDocument | undefined {
  const file = parse(text);
  if (!file) return undefined;
  const lineOf = (n: Node) => file.lines.linePos(n.range![0]).line;
  const doc = file.docs.find((d) => d.errors.length === 0 && d.contents?.range && lineOf(d.contents) === startLine);
  return doc ? { doc, lineOf } : undefined;
}

/** A bare document marker (a `---` with a node after it, such as a tag, is not). */
const MARKER_LINE = /^(?:---|\.\.\.)\s*(?:#.*)?$/;
/** Any document marker, bare or not. */
const MARKER_START = /^(?:---|\.\.\.)(?:\s|$)/;
const NOTHING_LINE = /^\s*(?:#.*)?$/;

/**
 * The document whose contents span `source.startLine`..`source.endLine`, parsed alone: a file of many objects is
 * then not parsed whole for each one a violation points into. Only when those lines are a whole document on their
 * own: nothing but blank and comment lines (or a bare `---` / `...`) between them and the documents around, and no
 * directive in the file; then the document parses as it does in the file (YAML documents are independent).
 * Undefined otherwise, or when it does not parse alone without errors (the whole file decides then).
 */
function documentAlone(text: string, source: SourceLocation): FoundDocument | undefined {
  const { startLine, endLine } = source;
  if (!(startLine >= 1 && endLine >= startLine) || /^%/m.test(text)) return undefined;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineText = (n: number) => text.slice(starts[n - 1], n < starts.length ? starts[n]! - 1 : text.length);
  if (endLine > starts.length || MARKER_START.test(lineText(startLine))) return undefined;
  let before = startLine - 1;
  while (before >= 1 && NOTHING_LINE.test(lineText(before))) before--;
  if (before >= 1 && !MARKER_LINE.test(lineText(before))) return undefined;
  let after = endLine + 1;
  while (after <= starts.length && NOTHING_LINE.test(lineText(after))) after++;
  if (after <= starts.length && !MARKER_START.test(lineText(after))) return undefined;
  const slice = text.slice(starts[startLine - 1], after <= starts.length ? starts[after - 1] : text.length);
  const alone = parse(slice);
  const doc = alone?.docs[0];
  if (!alone || !doc || doc.errors.length > 0 || !doc.contents?.range || alone.lines.linePos(doc.contents.range[0]).line !== 1) return undefined;
  return { doc, lineOf: (n) => alone.lines.linePos(n.range![0]).line + startLine - 1 };
}

/** The value at `path` in `object` (undefined when a step is missing). */
export function valueAt(object: JsonObject, path: FieldPath): JsonValue | undefined {
  return at(object, path);
}

/** `repo[:tag][@digest]` of an image reference (a `:` before the last `/` is a registry port, not a tag). */
function splitImage(image: string): { repo: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split('@', 2) as [string, string | undefined];
  const colon = rest.lastIndexOf(':');
  const tagged = colon > rest.lastIndexOf('/');
  return { repo: tagged ? rest.slice(0, colon) : rest, ...(tagged ? { tag: rest.slice(colon + 1) } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * The entry of a kustomization's `images:` list that produced `image` (its `newName`, or `name` when it only
 * sets a tag or digest, is the image's repository, and its `newTag` / `digest` are the image's), as a location
 * in `file`. Undefined when no entry did.
 */
export function imagesEntryLine(text: string, file: string, image: string): SourceLocation | undefined {
  const parsedFile = parse(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const images = doc.contents.get('images', true) as Node | undefined;
  if (!isSeq(images)) return undefined;
  const want = splitImage(image);
  for (const item of images.items) {
    if (!isMap(item) || !item.range) continue;
    const field = (k: string) => {
      const v = item.get(k);
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    const [name, newName, newTag, digest] = [field('name'), field('newName'), field('newTag'), field('digest')];
    if (newName === undefined && newTag === undefined && digest === undefined) continue;
    if ((newName ?? name) !== want.repo) continue;
    if (newTag !== undefined && newTag !== want.tag) continue;
    if (digest !== undefined && digest !== want.digest) continue;
    const line = parsedFile.lines.linePos(item.range[0]).line;
    return { file, startLine: line, endLine: line };
  }
  return undefined;
}

/**
 * The line of the helm values entry a rendered value most likely came from: the longest string scalar of the
 * values file (4+ characters) that the value contains, e.g. `tag: 2.1.0` for an image `…/api:2.1.0`.
 * Undefined when none does.
 */
export function valuesLine(text: string, file: string, value: string): { location: SourceLocation; length: number } | undefined {
  const parsedFile = parse(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !doc.contents) return undefined;
  let best: { line: number; length: number } | undefined;
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const v = pair.value as Node | null;
        if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') && isScalar(pair.key) && pair.key.range) {
          const s = String(v.source ?? v.value);
          if (s.length >= 4 && value.includes(s) && (!best || s.length > best.length)) best = { line: parsedFile.lines.linePos(pair.key.range[0]).line, length: s.length };
        } else visit(v);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return best ? { location: { file, startLine: best.line, endLine: best.line }, length: best.length } : undefined;
}
