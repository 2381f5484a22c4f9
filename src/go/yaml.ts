// sigs.k8s.io/yaml's YAMLToJSON, as OPA's `yaml.unmarshal` / `yaml.is_valid` call it: go-yaml v2 decodes the
// first document into Go values (YAML 1.1 resolution: `yes`/`on` booleans, `0755` octal, `1_000`, ints up to
// 64 bits, floats by Go's ParseFloat, timestamps kept as their text, `<<` merge keys applied in order, later
// duplicate keys winning), then each map key becomes a JSON key (ints and bools as text, floats as float32
// text) and encoding/json writes the result (NaN and infinities are errors).
//
// The YAML syntax is read by the `yaml` package's parser with the failsafe schema (every scalar a string
// with its style and explicit tag); resolution is go-yaml v2's own, done here.
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, visit, type Document, type Node } from 'yaml';
import { goBase64Std } from './base64.ts';
import { goFloat32Text, goFloatText } from './strconv.ts';
import { relaxQuotedIndentation, surrogateEscape } from '../gatekeeper/load.ts';
import { goDecodeUtf8 } from './strings.ts';

/** A YAML or conversion error, as go-yaml or sigs.k8s.io/yaml reports it. */
export class GoYamlError extends Error {}

function failf(message: string): never {
  throw new GoYamlError(`yaml: ${message}`);
}

/** A Go value as go-yaml v2 decodes into interface{}. */
export type GoYamlValue =
  | null
  | boolean
  | string
  | { kind: 'int'; v: bigint } // int (int64) or uint64
  | { kind: 'float'; v: number }
  | GoYamlValue[]
  | GoYamlMap;

/** map[interface{}]interface{}: entries by Go key identity, in insertion order. */
class GoYamlMap {
  readonly entries = new Map<string, [GoYamlValue, GoYamlValue]>();
}

const TAG = 'tag:yaml.org,2002:';
const STR = `${TAG}str`;
const INT = `${TAG}int`;
const FLOAT = `${TAG}float`;
const BOOL = `${TAG}bool`;
const NULL = `${TAG}null`;
const TIMESTAMP = `${TAG}timestamp`;
const BINARY = `${TAG}binary`;
const MERGE = `${TAG}merge`;

const RESOLVE_MAP = new Map<string, [string, GoYamlValue]>();
for (const [tag, v, words] of [
  [BOOL, true, 'y Y yes Yes YES true True TRUE on On ON'],
  [BOOL, false, 'n N no No NO false False FALSE off Off OFF'],
  [NULL, null, '~ null Null NULL'],
  [FLOAT, { kind: 'float', v: NaN }, '.nan .NaN .NAN'],
  [FLOAT, { kind: 'float', v: Infinity }, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [FLOAT, { kind: 'float', v: -Infinity }, '-.inf -.Inf -.INF'],
  [MERGE, '<<', '<<'],
] as Array<[string, GoYamlValue, string]>) {
  for (const w of words.split(' ')) RESOLVE_MAP.set(w, [tag, v]);
}
RESOLVE_MAP.set('', [NULL, null]);

/** resolveTable: the hint of a scalar's first byte. */
function hintOf(s: string): string {
  if (s === '') return 'N';
  const c = s[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64) (unsigned), underscores already removed. */
function goParseInt(s: string, signed: boolean): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || (!signed && m[1] !== '')) return undefined;
  const body = m[2]!;
  let v: bigint;
  if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else if (/^0[xXbBoO]/.test(body)) v = BigInt(`0${body[1]!.toLowerCase()}${body.slice(2)}`);
  else v = BigInt(body);
  if (m[1] === '-') v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return undefined;
  return v;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** strconv.ParseFloat(s, 64) for the decimal texts YAML_STYLE_FLOAT admits: undefined when out of range. */
function goParseFloat(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/** go-yaml v2's parseTimestamp (the layouts it accepts), checked for well-formed fields. */
function isTimestamp(s: string): boolean {
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?))?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!) return false;
  const hour = Number(m[4] ?? m[7] ?? 0);
  const minute = Number(m[5] ?? m[8] ?? 0);
  const second = Number(m[6] ?? m[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

function resolvable(tag: string): boolean {
  return tag === '' || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === NULL || tag === TIMESTAMP;
}

/** go-yaml v2's resolve: the tag and value of a plain (or explicitly tagged) scalar. */
function resolve(tag: string, text: string): [string, GoYamlValue] {
  if (!resolvable(tag)) return [tag, text];
  const [rtag, out] = resolveImplicit(tag, text);
  if (tag === '' || tag === rtag || tag === STR || tag === BINARY) return [rtag, out];
  if (tag === FLOAT && rtag === INT && out !== null && typeof out === 'object' && !Array.isArray(out) && !(out instanceof GoYamlMap)) {
    if (out.kind === 'int' && out.v >= INT64_MIN && out.v <= INT64_MAX) return [FLOAT, { kind: 'float', v: Number(out.v) }];
  }
  failf(`cannot decode ${shortTag(rtag)} \`${text}\` as a ${shortTag(tag)}`);
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
}

function resolveImplicit(tag: string, text: string): [string, GoYamlValue] {
  if ((tag === '' || tag === TIMESTAMP) && isTimestamp(text)) return [TIMESTAMP, text];
  const hint = hintOf(text);
  if (hint !== '' && tag !== STR && tag !== BINARY) {
    const known = RESOLVE_MAP.get(text);
    if (known) return known;
    if (hint === '.') {
      if (/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text)) {
        const f = goParseFloat(text);
        if (f !== undefined) return [FLOAT, { kind: 'float', v: f }];
      }
    } else if (hint === 'D' || hint === 'S') {
      const plain = text.replace(/_/g, '');
      const i = goParseInt(plain, true) ?? goParseInt(plain, false);
      if (i !== undefined) return [INT, { kind: 'int', v: i }];
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = goParseFloat(plain);
        if (f !== undefined) return [FLOAT, { kind: 'float', v: f }];
      }
    }
  }
  return [STR, text];
}

// ---------------------------------------------------------------------------------------------
// decoding (go-yaml v2's decoder into interface{})

/** allowedAliasRatio: go-yaml's defence against alias-expansion bombs. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly aliases = new Set<Node>();

  /** Each alias's node: the last node anchored with its name before it, in document order. */
  private readonly targets = new Map<Node, Node>();

  constructor(
    doc: Document.Parsed,
    private readonly text: string,
  ) {
    // Resolved once, in one walk: the yaml package's Alias.resolve searches the whole document per alias.
    const anchors = new Map<string, Node>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.targets.set(node, target);
      } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        anchors.set(node.anchor, node);
      }
      return undefined;
    });
  }

  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf('document contains excessive aliasing');
    }
  }

  /**
   * go-yaml's unmarshal of one node: counted, an alias followed (and refused when it is being decoded
   * already), then `fn` on the node itself.
   */
  private unmarshal<T>(node: Node | null, fn: (node: Node | null) => T): T {
    this.count();
    if (node === null || !isAlias(node)) return fn(node);
    if (this.aliases.has(node)) failf(`anchor '${node.source}' value contains itself`);
    const target = this.targets.get(node);
    if (!target) failf(`unknown anchor '${node.source}' referenced`);
    this.aliases.add(node);
    this.aliasDepth++;
    try {
      return this.unmarshal(target, fn);
    } finally {
      this.aliasDepth--;
      this.aliases.delete(node);
    }
  }

  decode(node: Node | null): GoYamlValue {
    return this.unmarshal(node, (n) => {
      if (n === null) return null;
      if (isScalar(n)) {
        let value = n.value as string;
        // A block scalar that ends the input without a line break: libyaml adds none (the yaml package does).
        if ((n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && !/[\r\n]$/.test(this.text) && n.range && n.range[1] >= this.text.length) {
          value = value.replace(/\n$/, '');
        }
        return this.scalar(value, n.type === 'PLAIN', n.tag ?? '');
      }
      if (isSeq(n)) return n.items.map((item) => this.decode(item as Node | null));
      if (isMap(n)) {
        const out = new GoYamlMap();
        this.mapping(n, out);
        return out;
      }
      failf('unknown node');
    });
  }

  private scalar(value: string, plain: boolean, explicitTag: string): GoYamlValue {
    // An untagged quoted or block scalar is a string.
    if (explicitTag === '' && !plain) return value;
    const [tag, resolved] = resolve(explicitTag, value);
    if (tag === BINARY) {
      const bytes = goBase64Std(value);
      if (!bytes) failf('!!binary value contains invalid base64 data');
      return goDecodeUtf8(bytes);
    }
    // Timestamps decode into interface{} as their text (go-yaml v2's backward compatibility).
    if (tag === TIMESTAMP) return value;
    return resolved;
  }

  private isMerge(key: Node | null): boolean {
    return key !== null && isScalar(key) && key.value === '<<' && ((key.type === 'PLAIN' && !key.tag) || key.tag === MERGE);
  }

  private mapping(node: Node, out: GoYamlMap): void {
    if (!isMap(node)) failf('map merge requires map or sequence of maps as the value');
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (this.isMerge(key)) {
        this.merge(value, out);
        continue;
      }
      const k = this.decode(key);
      if (Array.isArray(k) || k instanceof GoYamlMap) failf('invalid map key: a collection cannot be a map key');
      out.entries.set(goKeyIdentity(k, out), [k, this.decode(value)]);
    }
  }

  private merge(node: Node | null, out: GoYamlMap): void {
    const wantMap = (): never => failf('map merge requires map or sequence of maps as the value');
    if (node !== null && (isMap(node) || isAlias(node))) {
      this.mergeOne(node, out, wantMap);
      return;
    }
    if (node === null || !isSeq(node)) return wantMap();
    // Earlier maps take precedence: they are merged last.
    const items = node.items as Array<Node | null>;
    for (let i = items.length - 1; i >= 0; i--) this.mergeOne(items[i]!, out, wantMap);
  }

  private mergeOne(node: Node | null, out: GoYamlMap, wantMap: () => never): void {
    if (node === null) wantMap();
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target && !isMap(target)) wantMap();
    } else if (!isMap(node)) wantMap();
    this.unmarshal(node, (target) => this.mapping(target as Node, out));
  }
}

let nanKeys = 0;

/** Go map-key identity: values of different Go types never collide; NaN equals nothing. */
function goKeyIdentity(k: GoYamlValue, _map: GoYamlMap): string {
  if (k === null) return 'nil';
  if (typeof k === 'boolean') return `b:${k}`;
  if (typeof k === 'string') return `s:${k}`;
  const v = k as { kind: 'int' | 'float'; v: bigint | number };
  if (v.kind === 'float' && Number.isNaN(v.v)) return `nan:${nanKeys++}`;
  // int and uint64 are distinct Go types: a uint64 is only ever above int64's range, so values never meet.
  return `${v.kind}:${String(v.v)}`;
}

/** Control characters libyaml's reader refuses. */
const NOT_PRINTABLE = /[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/**
 * YAML 1.1 line breaks (U+0085, U+2028, U+2029) are line breaks to libyaml and content to the yaml package;
 * only U+2028 and U+2029 inside quoted scalars are read alike (as themselves). Anywhere else preadmit cannot
 * reproduce go-yaml's reading: an evaluation error (never a silent undefined).
 */
function yaml11LineBreaks(doc: Document.Parsed, text: string): void {
  const quoted: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) quoted.push([node.range[0], node.range[1]]);
    },
  });
  for (const m of text.matchAll(/[\u0085\u2028\u2029]/g)) {
    if (m[0] === '\u0085' || !quoted.some(([from, to]) => m.index >= from && m.index < to)) {
      throw new Error('yaml: U+0085, U+2028 and U+2029 outside quoted scalars (YAML 1.1 line breaks) are not supported by preadmit');
    }
  }
}

function firstDocument(text: string): Document.Parsed | undefined {
  const composer = new Composer({ version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false });
  for (const doc of composer.compose(new Parser().parse(text))) return doc;
  return undefined;
}

/** go-yaml v2's Unmarshal of the first document of `text` into interface{}. Throws GoYamlError. */
export function goYamlDecode(text: string): GoYamlValue {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const bad = NOT_PRINTABLE.exec(body);
  if (bad) failf('control characters are not allowed');
  let doc = firstDocument(body);
  if (doc && doc.errors.length > 0) {
    // libyaml accepts quoted scalars whose continuation lines are not indented; the yaml package does not.
    const relaxed = relaxQuotedIndentation(body);
    const second = relaxed === undefined ? undefined : firstDocument(relaxed);
    if (second && second.errors.length === 0) doc = second;
  }
  if (!doc) return null;
  if (doc.errors.length > 0) failf(doc.errors[0]!.message.split('\n')[0]!);
  // `...` before any document: libyaml expects a document start.
  if (/^(?:[ \t]*(?:#.*)?(?:\r?\n|\r))*\.\.\.(?:[ \t\r\n]|$)/.test(body)) failf('did not find expected <document start>');
  if (/\\[uU]/.test(body) && surrogateEscape(doc, body) !== undefined) failf('found invalid Unicode character escape code');
  if (/[\u0085\u2028\u2029]/.test(body)) yaml11LineBreaks(doc, body);
  return new Decoder(doc, body).decode(doc.contents as Node | null);
}

// ---------------------------------------------------------------------------------------------
// sigs.k8s.io/yaml's conversion to JSON, then encoding/json

/** A JSON value with number texts as encoding/json writes them. */
export type GoJson = null | boolean | string | { number: string } | GoJson[] | Map<string, GoJson>;

function jsonKey(k: GoYamlValue): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k !== null && !Array.isArray(k) && !(k instanceof GoYamlMap)) {
    if (k.kind === 'int') {
      if (k.v > INT64_MAX) throw new GoYamlError(`unsupported map key of type: uint64, key: 0x${k.v.toString(16)}`);
      return k.v.toString();
    }
    const s = goFloat32Text(k.v);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  throw new GoYamlError('unsupported map key of type: <nil>');
}

/** convertToJSONableObject + json.Marshal. Throws GoYamlError. */
export function goYamlToJson(v: GoYamlValue): GoJson {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(goYamlToJson);
  if (v instanceof GoYamlMap) {
    const out = new Map<string, GoJson>();
    for (const [k, x] of v.entries.values()) {
      const key = jsonKey(k);
      // Two Go keys with one JSON text (`1` and `"1"`): Go's map order decides; here the later one wins.
      out.delete(key);
      out.set(key, goYamlToJson(x));
    }
    return out;
  }
  if (v.kind === 'int') return { number: v.v.toString() };
  if (!Number.isFinite(v.v)) throw new GoYamlError(`json: unsupported value: ${goFloatText(v.v)}`);
  return { number: Object.is(v.v, -0) ? '-0' : String(v.v) };
}

// ---------------------------------------------------------------------------------------------
// sigs.k8s.io/yaml's Marshal: encoding/json's text read back by go-yaml v2 (so numbers resolve again, keys
// are strings), then go-yaml v2's emitter (libyaml's rules: block style, `{}`/`[]` when empty, keys in
// go-yaml's "natural" order, plain scalars when they read back as the same string, lines folded at spaces
// past column 80).

/** A JSON value to marshal: numbers as their JSON text. */
export type JsonForYaml = null | boolean | string | { number: string } | JsonForYaml[] | Map<string, JsonForYaml>;

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** go-yaml v2's keyList.Less for two string keys: letters by code point, digit runs by value. */
function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (c) => c.codePointAt(0)!);
  const br = Array.from(b, (c) => c.codePointAt(0)!);
  const isLetter = (cp: number): boolean => /\p{L}/u.test(String.fromCodePoint(cp));
  const isDigit = (cp: number): boolean => /\p{Nd}/u.test(String.fromCodePoint(cp));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** libyaml's is_printable (4-byte UTF-8 sequences are not). */
function printable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

const isBreak = (cp: number | undefined): boolean => cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
const isSpace = (cp: number | undefined): boolean => cp === 0x20;
const isBlankz = (cp: number | undefined): boolean => cp === undefined || cp === 0x20 || cp === 0x09 || isBreak(cp) || cp === 0;

interface ScalarAnalysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

/** yaml_emitter_analyze_scalar. */
function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let flowIndicators = false;
  let blockIndicators = false;
  const head = String.fromCodePoint(...cps.slice(0, 3));
  if (head === '---' || head === '...') flowIndicators = blockIndicators = true;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankz(cps[1]);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (!printable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    followedByWhitespace = isBlankz(cps[i + 2]);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

type Style = 'plain' | 'single' | 'double' | 'literal';

function unsupportedMarshal(what: string): never {
  throw new Error(`yaml.marshal: ${what} is not supported by preadmit`);
}

class Emitter {
  out = '';
  private column = 0;
  /** libyaml's `whitespace`: the last character written was a space or a line start. */
  private whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line. */
  private indention = true;

  private put(s: string): void {
    this.out += s;
    this.column += Array.from(s).length;
  }

  private newline(): void {
    this.out += '\n';
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indent. */
  private indent(indent: number): void {
    const i = Math.max(indent, 0);
    if (!this.indention || this.column > i || (this.column === i && !this.whitespace)) this.newline();
    while (this.column < i) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator. */
  private indicator(s: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(s);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** The document: the root node, then a line break. */
  document(v: JsonForYaml): void {
    this.node(v, -1, false, 'root');
    // yaml_emitter_emit_document_end: a line break unless the line is already empty.
    this.indent(0);
  }

  /**
   * A node whose parent container is at `indent` (-1 at the root). `inMapping`: a sequence here is a
   * mapping's value (written without extra indentation).
   */
  private node(v: JsonForYaml, indent: number, simpleKey: boolean, ctx: 'root' | 'value' | 'item' | 'key'): void {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.indicator('[]', true, false, false);
      // A sequence that is a mapping's value is not indented (libyaml's indentless sequence).
      const seqIndent = indent < 0 ? 0 : ctx === 'value' ? indent : indent + BEST_INDENT;
      for (const item of v) {
        this.indent(seqIndent);
        this.indicator('-', true, false, true);
        this.node(item, seqIndent, false, 'item');
      }
      return;
    }
    if (v instanceof Map) {
      if (v.size === 0) return this.indicator('{}', true, false, false);
      const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      const keys = [...v.keys()].sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
      for (const k of keys) {
        this.indent(mapIndent);
        // A key over 128 bytes or on several lines is not a simple key: libyaml writes `? key` and `: value`.
        if (Buffer.byteLength(k, 'utf8') > 128 || /[\n\r\u0085\u2028\u2029]/.test(k)) {
          this.indicator('?', true, false, true);
          this.scalar(k, mapIndent, false);
          this.indent(mapIndent);
          this.indicator(':', true, false, true);
          this.node(v.get(k)!, mapIndent, false, 'item');
          continue;
        }
        this.scalar(k, mapIndent, true);
        this.indicator(':', false, false, false);
        this.node(v.get(k)!, mapIndent, false, 'value');
      }
      return;
    }
    if (v === null || typeof v === 'boolean') return this.write(String(v), 'plain', scalarIndent(indent), simpleKey);
    if (typeof v === 'string') return this.scalar(v, indent, simpleKey);
    // A JSON number reads back as an int or a float, or (out of float64's range) as a string.
    const n = numberText(v.number);
    if (n === undefined) this.scalar(v.number, indent, simpleKey);
    else this.write(n, 'plain', scalarIndent(indent), simpleKey);
  }

  /** A string scalar: go-yaml's style request, then libyaml's select_scalar_style. */
  private scalar(s: string, indent: number, simpleKey: boolean): void {
    const cps = Array.from(s, (c) => c.codePointAt(0)!);
    if (cps.some((c) => c === 0x85 || c === 0xfeff || c === 0x0d || c === 0x2028 || c === 0x2029)) {
      unsupportedMarshal('a string with U+000D, U+0085, U+2028, U+2029 or U+FEFF');
    }
    const [rtag] = resolveImplicit('', s);
    const canUsePlain = rtag === STR && !BASE60_FLOAT.test(s);
    let style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
    const a = analyzeScalar(cps);
    if (style === 'plain' && (!a.blockPlain || (cps.length === 0 && simpleKey))) style = 'single';
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
    this.write(s, style, scalarIndent(indent), simpleKey);
  }

  private write(s: string, style: Style, indent: number, simpleKey: boolean): void {
    const cps = Array.from(s, (c) => c.codePointAt(0)!);
    const allowBreaks = !simpleKey;
    if (style === 'literal') return this.literal(cps, indent);
    if (style === 'plain') {
      if (!this.whitespace) this.put(' ');
      let spaces = false;
      cps.forEach((c, i) => {
        if (isSpace(c)) {
          if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.indent(indent);
          else this.put(' ');
          spaces = true;
        } else {
          this.put(String.fromCodePoint(c));
          spaces = false;
        }
        this.whitespace = false;
        this.indention = false;
      });
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const quote = style === 'single' ? "'" : '"';
    this.indicator(quote, true, false, false);
    let spaces = false;
    cps.forEach((c, i) => {
      if (style === 'double' && (!printable(c) || isBreak(c) || c === 0x22 || c === 0x5c)) {
        this.put(`\\${doubleQuotedEscape(c)}`);
        spaces = false;
      } else if (isSpace(c)) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1;
        if (fold && (style === 'double' || !isSpace(cps[i + 1]))) {
          this.indent(indent);
          if (style === 'double' && isSpace(cps[i + 1])) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(c === 0x27 && style === 'single' ? "''" : String.fromCodePoint(c));
        spaces = false;
      }
      this.indention = false;
      this.whitespace = false;
    });
    this.indicator(quote, false, false, false);
  }

  private literal(cps: number[], indent: number): void {
    this.indicator('|', true, false, false);
    if (isSpace(cps[0]) || isBreak(cps[0])) this.put(String(BEST_INDENT));
    const last = cps.length - 1;
    let chomp = '';
    if (cps.length === 0 || !isBreak(cps[last])) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1])) chomp = '+';
    this.put(chomp);
    this.newline();
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.newline();
        breaks = true;
      } else {
        if (breaks) this.indent(indent);
        this.put(String.fromCodePoint(c));
        this.indention = false;
        this.whitespace = false;
        breaks = false;
      }
    }
  }
}

/** The indentation of a scalar whose container is at `indent` (libyaml's increase_indent for a flow node). */
function scalarIndent(indent: number): number {
  return indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
}

function doubleQuotedEscape(c: number): string {
  const named: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
  if (named[c] !== undefined) return named[c]!;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

/** A JSON number as go-yaml reads it back and writes it: int64/uint64 digits, float64 by 'g'; undefined: a string. */
function numberText(text: string): string | undefined {
  const [tag, v] = resolveImplicit('', text);
  if (tag === INT) return (v as { v: bigint }).v.toString();
  if (tag === FLOAT) return goFloatText((v as { v: number }).v);
  return undefined;
}

/** yaml.marshal's text of a JSON value. */
export function goYamlMarshal(v: JsonForYaml): string {
  const e = new Emitter();
  e.document(v);
  return e.out;
}
