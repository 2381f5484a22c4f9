// json.verify_schema / json.match_schema as OPA runs them: its vendored gojsonschema (draft-04/06/07 and
// "hybrid" when `$schema` names none of them), compiled with pattern validation on and no metaschema
// validation, then a document validated with its error texts (the default locale), fields, types, ordering
// and scores (which pick the errors reported for anyOf / oneOf / contains). Numbers are exact rationals, as
// gojsonschema's big.Rat; const / enum / uniqueItems compare documents re-encoded through float64.
//
// Go iterates maps in random order; where that order shows (errors of several properties or dependencies,
// which of several schema errors is reported), OPA's answer varies between runs and ours is the document's
// key order. Remote references (anything not inside the schema document) and numbers with huge exponents
// are refused with JsonSchemaUnsupported, an evaluation error, never a different verdict.
import { compileGoRegexp, type GoRegexp } from './regexp.ts';
import { goJsonFloatText, goString } from './json.ts';
import { goUrlParse, goUrlResolve, goUrlString, goUrlText, type GoUrl } from './gourl.ts';
import { checkFormat } from './jsonschema-formats.ts';
import { goJsonSurrogates, parseRegoValue, regoArray, regoBool, regoString, type RegoValue } from '../opa/rego-value.ts';

/** A JSON number, its text kept (json.Number). */
class JNum {
  constructor(readonly text: string) {}
}
/** A decoded JSON value as gojsonschema sees it (objects keep their key order). */
type JValue = null | boolean | string | JNum | JValue[] | JObject;
type JObject = Map<string, JValue>;

/** An error gojsonschema returns (compilation, reference resolution): its message. */
export class JsonSchemaError extends Error {}
/** What we cannot reproduce (remote references, unwritten format checkers): fails the evaluation. */
class JsonSchemaUnsupported extends Error {}

function isObj(v: JValue | undefined): v is JObject {
  return v instanceof Map;
}

// ---------------------------------------------------------------------------------------------
// Locale (gojsonschema's DefaultLocale) and constants.

const TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

const enum Draft {
  D4 = 4,
  D6 = 6,
  D7 = 7,
  Hybrid = 0x7fffffff,
}

const DRAFT_URLS: Array<[string, Draft]> = [
  ['http://json-schema.org/draft-04/schema', Draft.D4],
  ['http://json-schema.org/draft-06/schema', Draft.D6],
  ['http://json-schema.org/draft-07/schema', Draft.D7],
];

function err(message: string): never {
  throw new JsonSchemaError(message);
}

function invalidType(expected: string, given: string): never {
  err(`Invalid type. Expected: ${expected}, given: ${given}`);
}

// ---------------------------------------------------------------------------------------------
// Exact numbers (big.Rat).

interface Rat {
  n: bigint; // numerator, sign carried here
  d: bigint; // denominator > 0
}

const MAX_EXPONENT = 10_000;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function ratOf(text: string): Rat {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new JsonSchemaUnsupported(`jsonschema: number ${text} not understood`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) throw new JsonSchemaUnsupported(`jsonschema: number ${text} has too large an exponent`);
  let n = BigInt(m[2] + frac);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  if (m[1] === '-') n = -n;
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

function ratCmp(a: Rat, b: Rat): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** big.Rat's IsInt of a JSON number, from its digits alone (no exponent limit). */
function isIntText(text: string): boolean {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new JsonSchemaUnsupported(`jsonschema: number ${text} not understood`);
  let digits = m[1]! + (m[2] ?? '');
  let exp = Number(m[3] ?? '0') - (m[2] ?? '').length;
  const trimmed = digits.replace(/0+$/, '');
  exp += digits.length - trimmed.length;
  digits = trimmed;
  return digits.replace(/^0+/, '') === '' || exp >= 0;
}

function bitLen(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

/** fmt's %v of big.Float.SetRat(r): shortest 'g' text at the float's precision (max(64, bit lengths)). */
function ratText(r: Rat): string {
  if (r.n === 0n) return '0';
  const neg = r.n < 0n;
  const num = neg ? -r.n : r.n;
  const prec = Math.max(64, bitLen(num), bitLen(r.d));
  // mant * 2^exp with mant of exactly prec bits, rounded to nearest even.
  let exp = bitLen(num) - bitLen(r.d) - prec;
  let q: bigint;
  let rem: bigint;
  const scaled = (e: number): [bigint, bigint] => {
    const a = e < 0 ? num << BigInt(-e) : num;
    const b = e > 0 ? r.d << BigInt(e) : r.d;
    return [a / b, a % b];
  };
  [q, rem] = scaled(exp);
  while (bitLen(q) !== prec) {
    exp += bitLen(q) > prec ? 1 : -1;
    [q, rem] = scaled(exp);
  }
  const den = exp > 0 ? r.d << BigInt(exp) : r.d;
  if (rem * 2n > den || (rem * 2n === den && (q & 1n) === 1n)) q += 1n;
  if (bitLen(q) > prec) {
    q >>= 1n; // a power of two: exact
    exp += 1;
  }
  const digits = shortestDigits(q, exp, prec);
  return (neg ? '-' : '') + formatG(digits.mant, digits.exp);
}

interface Dec {
  mant: string; // digits, no trailing zeros
  exp: number; // value = 0.mant * 10^exp
}

function decimalOf(m: bigint, shift: number): Dec {
  let s: string;
  let pointAt: number;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    pointAt = s.length;
  } else {
    s = (m * 5n ** BigInt(-shift)).toString();
    pointAt = s.length + shift;
  }
  let start = 0;
  while (start < s.length && s[start] === '0') start++;
  let end = s.length;
  while (end > start && s[end - 1] === '0') end--;
  const mant = s.slice(start, end);
  if (mant === '') return { mant: '', exp: 0 };
  return { mant, exp: pointAt - start };
}

function decRoundUp(d: Dec, n: number): Dec {
  let i = n;
  while (i > 0 && d.mant[i - 1]! >= '9') i--;
  if (i === 0) return { mant: '1', exp: d.exp + 1 };
  const mant = d.mant.slice(0, i - 1) + String.fromCharCode(d.mant.charCodeAt(i - 1) + 1);
  return { mant, exp: d.exp };
}

function decRoundDown(d: Dec, n: number): Dec {
  let mant = d.mant.slice(0, n);
  while (mant.endsWith('0')) mant = mant.slice(0, -1);
  return { mant, exp: mant === '' ? 0 : d.exp };
}

function decRound(d: Dec, n: number): Dec {
  const c = d.mant[n]!;
  const up = c === '5' && n + 1 === d.mant.length ? n > 0 && (d.mant.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  return up ? decRoundUp(d, n) : decRoundDown(d, n);
}

/** math/big's roundShortest: the fewest digits that still round to mant*2^exp at prec bits. */
function shortestDigits(mant: bigint, exp: number, prec: number): Dec {
  const d = decimalOf(mant, exp);
  // mant with prec+1 bits: its lsb is half an ulp.
  let m2 = mant;
  let e2 = exp;
  const s = bitLen(m2) - (prec + 1);
  if (s < 0) m2 <<= BigInt(-s);
  else if (s > 0) m2 >>= BigInt(s);
  e2 += s;
  const lower = decimalOf(m2 - 1n, e2);
  const upper = decimalOf(m2 + 1n, e2);
  const inclusive = (m2 & 2n) === 0n;
  const at = (x: Dec, i: number): string => (i < x.mant.length ? x.mant[i]! : '0');
  for (let i = 0; i < d.mant.length; i++) {
    const l = at(lower, i);
    const mm = d.mant[i]!;
    const u = at(upper, i);
    const okdown = l !== mm || (inclusive && i + 1 === lower.mant.length);
    const okup = mm !== u && (inclusive || mm.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.mant.length);
    if (okdown && okup) return decRound(d, i + 1);
    if (okdown) return decRoundDown(d, i + 1);
    if (okup) return decRoundUp(d, i + 1);
  }
  return d;
}

function formatG(mant: string, exp: number): string {
  const e = exp - 1;
  if (e < -4 || e >= 6) {
    let out = mant[0]!;
    if (mant.length > 1) out += `.${mant.slice(1)}`;
    const ae = Math.abs(e);
    return `${out}e${e < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (exp <= 0) return `0.${'0'.repeat(-exp)}${mant}`;
  if (exp >= mant.length) return mant + '0'.repeat(exp - mant.length);
  return `${mant.slice(0, exp)}.${mant.slice(exp)}`;
}

/** strconv.ParseInt(text, 10, 64) of an integral json.Number, as mustBeInteger needs it. */
function mustBeInteger(v: JValue | undefined): number | undefined {
  if (!(v instanceof JNum)) return undefined;
  if (!isIntText(v.text)) return undefined;
  if (!/^-?\d+$/.test(v.text)) return undefined;
  const i = BigInt(v.text);
  if (i < -(2n ** 63n) || i >= 2n ** 63n) return undefined;
  return Number(i);
}

function mustBeNumber(v: JValue | undefined): Rat | undefined {
  return v instanceof JNum ? ratOf(v.text) : undefined;
}

// ---------------------------------------------------------------------------------------------
// encoding/json re-encoding through float64 (marshalWithoutNumber).

function goFloatJson(text: string): string {
  const f = Number(text);
  if (!Number.isFinite(f)) err(`json: cannot unmarshal number ${text} into Go value of type float64`);
  return goJsonFloatText(f);
}

function goKeyOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** json.Marshal: numbers as their text, keys sorted. */
function compactJson(v: JValue): string {
  if (v instanceof JNum) return v.text;
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  if (isObj(v)) return `{${[...v.keys()].sort(goKeyOrder).map((k) => `${goString(k)}:${compactJson(v.get(k)!)}`).join(',')}}`;
  return marshalWithoutNumber(v);
}

function marshalWithoutNumber(v: JValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return goString(v);
  if (v instanceof JNum) return goFloatJson(v.text);
  if (Array.isArray(v)) return `[${v.map(marshalWithoutNumber).join(',')}]`;
  const keys = [...v.keys()].sort(goKeyOrder);
  return `{${keys.map((k) => `${goString(k)}:${marshalWithoutNumber(v.get(k)!)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------
// JSON references (gojsonreference) and pointers (gojsonpointer).

interface JsonRef {
  url: GoUrl;
  hasFullUrl: boolean;
  hasFileScheme: boolean;
  hasFullFilePath: boolean;
  pointer: string[];
}

function newRef(s: string): JsonRef {
  const u = goUrlParse(s);
  if ('error' in u) err(u.error);
  return refOfUrl(u);
}

function refOfUrl(u: GoUrl): JsonRef {
  // The fragment as text (the URL holds bytes): pointer tokens name the document's keys.
  const fragment = goUrlText(u.fragment);
  const pointer = fragment !== '' && fragment.startsWith('/') ? fragment.split('/').slice(1) : [];
  return {
    url: u,
    hasFullUrl: u.scheme !== '' && u.host !== '',
    hasFileScheme: u.scheme === 'file',
    hasFullFilePath: u.path.startsWith('/'),
    pointer,
  };
}

function refString(r: JsonRef): string {
  return goUrlString(r.url);
}

function inherits(parent: JsonRef, child: JsonRef): JsonRef {
  const base: GoUrl = { ...parent.url, fragment: '' };
  return newRef(goUrlString(goUrlResolve(base, child.url)));
}

function isCanonical(r: JsonRef): boolean {
  return (r.hasFileScheme && r.hasFullFilePath) || (!r.hasFileScheme && r.hasFullUrl);
}

function pointerGet(tokens: string[], doc: JValue): JValue {
  let node = doc;
  for (const token of tokens) {
    if (isObj(node)) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!node.has(key)) err(`Object has no key '${key}'`);
      node = node.get(key)!;
    } else if (Array.isArray(node)) {
      const idx = goAtoi(token);
      if (idx === undefined) err(`Invalid array index '${token}'`);
      if (idx < 0 || idx >= node.length) err(`Out of bound array[0,${node.length}] index '${idx}'`);
      node = node[idx]!;
    } else {
      err(`Invalid token reference '${token}'`);
    }
  }
  return node;
}

function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const i = BigInt(s);
  if (i < -(2n ** 63n) || i >= 2n ** 63n) return undefined;
  return Number(i);
}

// ---------------------------------------------------------------------------------------------
// The schema pool: documents by reference, `$ref`s made absolute (schemaPool.go).

interface PoolDoc {
  doc: JValue;
}

class Pool {
  readonly docs = new Map<string, PoolDoc>();

  parseReferences(doc: JValue, ref: JsonRef): void {
    const key = refString(ref);
    if (this.docs.has(key)) err(`Reference already exists: "${key}"`);
    parseSchemaUrl(doc);
    const e = this.walk(doc, ref);
    this.docs.set(key, { doc });
    if (e) err(e);
  }

  /** parseReferencesRecursive: errors only surface from the top call. */
  private walk(doc: JValue, ref: JsonRef): string | undefined {
    if (Array.isArray(doc)) {
      for (const v of doc) {
        const e = this.walk(v, ref);
        if (e) return e;
      }
      return undefined;
    }
    if (!isObj(doc)) return undefined;
    let local = ref;
    const keyId = doc.has('id') ? 'id' : '$id';
    const id = doc.get(keyId);
    if (typeof id === 'string') {
      const u = goUrlParse(id);
      if (!('error' in u)) {
        const r = tryInherits(ref, refOfUrl(u));
        if (r) {
          local = r;
          const k = refString(r);
          if (this.docs.has(k)) return `Reference already exists: "${k}"`;
          this.docs.set(k, { doc });
        }
      }
    }
    const $ref = doc.get('$ref');
    if (typeof $ref === 'string') {
      const u = goUrlParse($ref);
      if (!('error' in u)) {
        const r = tryInherits(local, refOfUrl(u));
        if (r) doc.set('$ref', refString(r));
      }
    }
    for (const [k, v] of doc) {
      if (k === 'const' || k === 'enum') continue;
      if (k === 'properties' || k === 'dependencies' || k === 'patternProperties') {
        if (isObj(v)) {
          for (const c of v.values()) {
            const e = this.walk(c, local);
            if (e) return e;
          }
        }
      } else {
        const e = this.walk(v, local);
        if (e) return e;
      }
    }
    return undefined;
  }

  getDocument(reference: JsonRef): PoolDoc {
    const refToUrl = newRef(refString(reference));
    const hit = this.docs.get(refString(refToUrl));
    if (hit) return hit;
    const base = refString(refOfUrl({ ...refToUrl.url, fragment: '' }));
    const cached = this.docs.get(base);
    if (cached) {
      const spd = { doc: pointerGet(reference.pointer, cached.doc) };
      this.docs.set(refString(reference), spd);
      return spd;
    }
    if (!isCanonical(reference)) err(`Reference ${refString(reference)} must be canonical`);
    throw new JsonSchemaUnsupported(`jsonschema: remote reference ${refString(reference)} is not loaded by preadmit`);
  }
}

function tryInherits(parent: JsonRef, child: JsonRef): JsonRef | undefined {
  try {
    return inherits(parent, child);
  } catch (e) {
    if (e instanceof JsonSchemaError) return undefined;
    throw e;
  }
}

/** parseSchemaURL: the draft named by `$schema`, if any. */
function parseSchemaUrl(doc: JValue): Draft | undefined {
  if (typeof doc === 'boolean') return undefined;
  if (!isObj(doc)) err('schema is invalid');
  if (!doc.has('$schema')) return undefined;
  const s = doc.get('$schema');
  if (typeof s !== 'string') err('$schema must be of type string');
  const url = refString(newRef(s));
  return DRAFT_URLS.find(([u]) => u === url)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Sub-schemas (subSchema.go) and parsing (schema.go).

class SubSchema {
  draft = Draft.Hybrid;
  pass: boolean | undefined;
  ref: JsonRef | undefined;
  refSchema: SubSchema | undefined;
  types: string[] = [];
  propertiesChildren: SubSchema[] = [];
  additionalProperties: boolean | SubSchema | undefined;
  patternProperties: Array<[string, GoRegexp, SubSchema]> | undefined;
  propertyNames: SubSchema | undefined;
  dependencies: Map<string, string[] | SubSchema> | undefined;
  itemsChildren: SubSchema[] = [];
  itemsSingle = false;
  additionalItems: boolean | SubSchema | undefined;
  multipleOf: Rat | undefined;
  minimum: Rat | undefined;
  exclusiveMinimum: Rat | undefined;
  maximum: Rat | undefined;
  exclusiveMaximum: Rat | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: GoRegexp | undefined;
  patternText = '';
  format = '';
  minProperties: number | undefined;
  maxProperties: number | undefined;
  required: string[] = [];
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems = false;
  contains: SubSchema | undefined;
  constValue: string | undefined;
  enumValues: string[] = [];
  enumPresent = false;
  oneOf: SubSchema[] = [];
  anyOf: SubSchema[] = [];
  allOf: SubSchema[] = [];
  not: SubSchema | undefined;
  ifSchema: SubSchema | undefined;
  thenSchema: SubSchema | undefined;
  elseSchema: SubSchema | undefined;

  constructor(
    readonly property: string,
    readonly parent: SubSchema | undefined,
  ) {
    if (parent) {
      this.draft = parent.draft;
      this.ref = parent.ref;
    }
  }
}

function getString(m: JObject, key: string): string | undefined {
  if (!m.has(key)) return undefined;
  const v = m.get(key);
  if (typeof v !== 'string') invalidType('string', key);
  return v;
}

function getSlice(m: JObject, key: string): JValue[] | undefined {
  if (!m.has(key)) return undefined;
  const v = m.get(key);
  if (!Array.isArray(v)) err(`${key} must be of an array`);
  return v;
}

function isSchemaValue(v: JValue | undefined): boolean {
  return typeof v === 'boolean' || isObj(v);
}

class Parser {
  readonly referencePool = new Map<string, SubSchema>();
  constructor(
    readonly pool: Pool,
    readonly root: SubSchema,
  ) {}

  parseSchema(node: JValue, cur: SubSchema): void {
    if (cur.draft >= Draft.D6 && typeof node === 'boolean') {
      cur.pass = node;
      return;
    }
    if (!isObj(node)) err('Expected: Valid Schema, given: Invalid JSON');
    const m = node;

    const keyId = cur.draft === Draft.D4 ? 'id' : cur.draft === Draft.Hybrid ? (m.has('id') ? 'id' : '$id') : '$id';
    const id = getString(m, keyId);
    if (id !== undefined) newRef(id);

    if (m.has('definitions')) {
      const defs = m.get('definitions');
      if (!isObj(defs)) invalidType('Array Of Schemas', 'definitions');
      for (const dv of defs.values()) {
        if (!isSchemaValue(dv)) invalidType('Array Of Schemas', 'definitions');
        this.parseSchema(dv, new SubSchema('definitions', cur));
      }
    }

    getString(m, 'title');
    getString(m, 'description');

    const ref = getString(m, '$ref');
    if (ref !== undefined) {
      cur.ref = newRef(ref);
      const known = this.referencePool.get(refString(cur.ref));
      if (known) cur.refSchema = known;
      else return this.parseReference(cur);
    }

    if (m.has('type')) {
      const t = m.get('type');
      if (typeof t === 'string') addType(cur, t);
      else if (Array.isArray(t)) {
        for (const x of t) {
          if (typeof x !== 'string') invalidType('type', 'string/Array Of Strings');
          addType(cur, x);
        }
      } else invalidType('type', 'string/Array Of Strings');
    }

    if (m.has('properties')) {
      const props = m.get('properties');
      if (!isObj(props)) err('Properties must be of type object');
      for (const [k, v] of props) {
        const s = new SubSchema(k, cur);
        cur.propertiesChildren.push(s);
        this.parseSchema(v, s);
      }
    }

    if (m.has('additionalProperties')) {
      const ap = m.get('additionalProperties');
      if (typeof ap === 'boolean') cur.additionalProperties = ap;
      else if (isObj(ap)) {
        const s = new SubSchema('additionalProperties', cur);
        cur.additionalProperties = s;
        this.parseSchema(ap, s);
      } else invalidType('boolean/Valid Schema', 'additionalProperties');
    }

    if (m.has('patternProperties')) {
      const pp = m.get('patternProperties');
      if (!isObj(pp)) invalidType('Valid Schema', 'patternProperties');
      if (pp.size > 0) {
        cur.patternProperties = [];
        for (const [k, v] of pp) {
          const re = compileGoRegexp(k);
          if ('error' in re) err(`Invalid regex pattern '${k}'`);
          const s = new SubSchema(k, cur);
          this.parseSchema(v, s);
          cur.patternProperties.push([k, re, s]);
        }
      }
    }

    if (m.has('propertyNames') && cur.draft >= Draft.D6) {
      const pn = m.get('propertyNames');
      if (!isSchemaValue(pn)) invalidType('Valid Schema', 'patternProperties');
      const s = new SubSchema('propertyNames', cur);
      cur.propertyNames = s;
      this.parseSchema(pn!, s);
    }

    if (m.has('dependencies')) {
      const deps = m.get('dependencies');
      if (!isObj(deps)) err('dependencies must be of type object');
      cur.dependencies = new Map();
      for (const [k, v] of deps) {
        if (Array.isArray(v)) {
          const list: string[] = [];
          for (const x of v) {
            if (typeof x !== 'string') err('Dependency must be of type Schema Or Array Of Strings');
            list.push(x);
            cur.dependencies.set(k, list);
          }
        } else if (isSchemaValue(v)) {
          const s = new SubSchema(k, cur);
          this.parseSchema(v, s);
          cur.dependencies.set(k, s);
        } else err('Dependency must be of type Schema Or Array Of Strings');
      }
    }

    if (m.has('items')) {
      const items = m.get('items');
      if (Array.isArray(items)) {
        for (const it of items) {
          if (!isSchemaValue(it)) invalidType('Valid Schema/Array Of Schemas', 'items');
          const s = new SubSchema('items', cur);
          cur.itemsChildren.push(s);
          this.parseSchema(it, s);
          cur.itemsSingle = false;
        }
      } else if (isSchemaValue(items)) {
        const s = new SubSchema('items', cur);
        cur.itemsChildren.push(s);
        this.parseSchema(items!, s);
        cur.itemsSingle = true;
      } else invalidType('Valid Schema/Array Of Schemas', 'items');
    }

    if (m.has('additionalItems')) {
      const ai = m.get('additionalItems');
      if (typeof ai === 'boolean') cur.additionalItems = ai;
      else if (isObj(ai)) {
        const s = new SubSchema('additionalItems', cur);
        cur.additionalItems = s;
        this.parseSchema(ai, s);
      } else invalidType('boolean/Valid Schema', 'additionalItems');
    }

    if (m.has('multipleOf')) {
      const v = mustBeNumber(m.get('multipleOf'));
      if (!v) invalidType('Number', 'multipleOf');
      if (v.n <= 0n) err('multipleOf must be strictly greater than 0');
      cur.multipleOf = v;
    }

    if (m.has('minimum')) {
      const v = mustBeNumber(m.get('minimum'));
      if (!v) err('minimum must be of a Number');
      cur.minimum = v;
    }
    if (m.has('exclusiveMinimum')) this.exclusive(cur, m.get('exclusiveMinimum')!, 'Minimum');

    if (m.has('maximum')) {
      const v = mustBeNumber(m.get('maximum'));
      if (!v) err('maximum must be of a Number');
      cur.maximum = v;
    }
    if (m.has('exclusiveMaximum')) this.exclusive(cur, m.get('exclusiveMaximum')!, 'Maximum');

    cur.minLength = nonNegative(m, 'minLength');
    cur.maxLength = nonNegative(m, 'maxLength');
    if (cur.minLength !== undefined && cur.maxLength !== undefined && cur.minLength > cur.maxLength) {
      err('minLength cannot be greater than maxLength');
    }

    const pattern = getString(m, 'pattern');
    if (pattern !== undefined) {
      const re = compileGoRegexp(pattern);
      if ('error' in re) err('pattern must be a valid regex');
      cur.pattern = re;
      cur.patternText = pattern;
    }

    const format = getString(m, 'format');
    if (format !== undefined) cur.format = format;

    cur.minProperties = nonNegative(m, 'minProperties');
    cur.maxProperties = nonNegative(m, 'maxProperties');
    if (cur.minProperties !== undefined && cur.maxProperties !== undefined && cur.minProperties > cur.maxProperties) {
      err('minProperties cannot be greater than maxProperties');
    }

    for (const r of getSlice(m, 'required') ?? []) {
      if (typeof r !== 'string') invalidType('string', 'required');
      if (cur.required.includes(r)) err('required items must be unique');
      cur.required.push(r);
    }

    cur.minItems = nonNegative(m, 'minItems');
    cur.maxItems = nonNegative(m, 'maxItems');

    if (m.has('uniqueItems')) {
      const u = m.get('uniqueItems');
      if (typeof u !== 'boolean') err('uniqueItems must be of a boolean');
      cur.uniqueItems = u;
    }

    if (m.has('contains') && cur.draft >= Draft.D6) {
      const s = new SubSchema('contains', cur);
      cur.contains = s;
      this.parseSchema(m.get('contains')!, s);
    }

    if (m.has('const') && cur.draft >= Draft.D6) cur.constValue = marshalWithoutNumber(m.get('const')!);

    const enumValues = getSlice(m, 'enum');
    cur.enumPresent = (enumValues ?? []).length > 0; // v1.17.1: an empty enum constrains nothing
    for (const v of enumValues ?? []) {
      const s = marshalWithoutNumber(v);
      if (cur.enumValues.includes(s)) err('enum items must be unique');
      cur.enumValues.push(s);
    }

    for (const [key, list] of [
      ['oneOf', cur.oneOf],
      ['anyOf', cur.anyOf],
      ['allOf', cur.allOf],
    ] as const) {
      for (const v of getSlice(m, key) ?? []) {
        const s = new SubSchema(key, cur);
        list.push(s);
        this.parseSchema(v, s);
      }
    }

    if (m.has('not')) {
      const v = m.get('not');
      if (!isSchemaValue(v)) err('not must be of an object');
      const s = new SubSchema('not', cur);
      cur.not = s;
      this.parseSchema(v!, s);
    }

    if (cur.draft >= Draft.D7) {
      for (const key of ['if', 'then', 'else'] as const) {
        if (!m.has(key)) continue;
        const v = m.get(key);
        if (!isSchemaValue(v)) err(`${key} must be of an object`);
        const s = new SubSchema(key, cur);
        if (key === 'if') cur.ifSchema = s;
        else if (key === 'then') cur.thenSchema = s;
        else cur.elseSchema = s;
        this.parseSchema(v!, s);
      }
    }
  }

  private exclusive(cur: SubSchema, v: JValue, which: 'Minimum' | 'Maximum'): void {
    const key = `exclusive${which}`;
    const base = which === 'Minimum' ? 'minimum' : 'maximum';
    const move = (): void => {
      if (which === 'Minimum') {
        cur.exclusiveMinimum = cur.minimum;
        cur.minimum = undefined;
      } else {
        cur.exclusiveMaximum = cur.maximum;
        cur.maximum = undefined;
      }
    };
    const set = (r: Rat | undefined): void => {
      if (which === 'Minimum') cur.exclusiveMinimum = r;
      else cur.exclusiveMaximum = r;
    };
    const bound = which === 'Minimum' ? cur.minimum : cur.maximum;
    if (cur.draft === Draft.D4) {
      if (typeof v !== 'boolean') invalidType('boolean', key);
      if (!bound) err(`${key} cannot be used without ${base}`);
      if (v) move();
    } else if (cur.draft === Draft.Hybrid) {
      if (typeof v === 'boolean') {
        if (!bound) err(`${key} cannot be used without ${base}`);
        if (v) move();
      } else if (v instanceof JNum) set(mustBeNumber(v));
      else invalidType('boolean/number', key);
    } else {
      if (!(v instanceof JNum)) invalidType('number', key);
      set(mustBeNumber(v));
    }
  }

  private parseReference(cur: SubSchema): void {
    const s = new SubSchema('$ref', cur);
    const key = refString(cur.ref!);
    if (!this.referencePool.has(key)) this.referencePool.set(key, s);
    const dsp = this.pool.getDocument(cur.ref!);
    if (!isSchemaValue(dsp.doc)) err('Valid Schema must be of type object');
    this.parseSchema(dsp.doc, s);
    cur.refSchema = s;
  }
}

function addType(cur: SubSchema, t: string): void {
  if (!TYPES.includes(t)) {
    err(`has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${TYPES.join(' ')}]`);
  }
  if (cur.types.includes(t)) err(`${t} type is duplicated`);
  cur.types.push(t);
}

function nonNegative(m: JObject, key: string): number | undefined {
  if (!m.has(key)) return undefined;
  const v = mustBeInteger(m.get(key));
  if (v === undefined) err(`${key} must be of an integer`);
  if (v < 0) err(`${key} must be greater than or equal to 0`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Validation (validation.go).

interface SchemaError {
  error: string;
  type: string;
  field: string;
  desc: string;
}

class Context {
  constructor(
    readonly head: string,
    readonly tail: Context | undefined,
  ) {}
  toString(): string {
    return this.tail ? `${this.tail.toString()}.${this.head}` : this.head;
  }
}

class Result {
  errors: SchemaError[] = [];
  score = 0;
  get valid(): boolean {
    return this.errors.length === 0;
  }
  add(type: string, context: Context, desc: (field: string) => string): void {
    const ctx = context.toString();
    const field = ctx.startsWith('(Root).') ? ctx.slice('(Root).'.length) : ctx;
    const d = desc(field);
    this.errors.push({ error: `${field}: ${d}`, type, field, desc: d });
    this.score -= 2;
  }
  merge(other: Result): void {
    this.errors.push(...other.errors);
    this.score += other.score;
  }
}

function typesText(types: string[]): string {
  return types.length > 1 ? `[${types.join(',')}]` : types[0]!;
}

function sub(s: SubSchema, node: JValue, context: Context): Result {
  const r = new Result();
  validateRecursive(s, node, r, context);
  return r;
}

function typeError(s: SubSchema, given: string, r: Result, context: Context): void {
  r.add('invalid_type', context, () => `Invalid type. Expected: ${typesText(s.types)}, given: ${given}`);
}

function validateRecursive(s: SubSchema, node: JValue, r: Result, context: Context): void {
  if (s.pass !== undefined) {
    if (!s.pass) r.add('false', context, () => 'False always fails validation');
    return;
  }
  if (s.refSchema) {
    validateRecursive(s.refSchema, node, r, context);
    return;
  }
  const typed = s.types.length > 0;
  if (node === null) {
    if (typed && !s.types.includes('null')) return typeError(s, 'null', r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (node instanceof JNum) {
    const isInt = isIntText(node.text);
    const ok = s.types.includes('number') || (isInt && s.types.includes('integer'));
    if (typed && !ok) return typeError(s, isInt ? 'integer' : 'number', r, context);
    validateSchema(s, node, r, context);
    validateNumber(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (Array.isArray(node)) {
    if (typed && !s.types.includes('array')) return typeError(s, 'array', r, context);
    validateSchema(s, node, r, context);
    validateArray(s, node, r, context);
    validateCommon(s, node, r, context);
  } else if (isObj(node)) {
    if (typed && !s.types.includes('object')) return typeError(s, 'object', r, context);
    validateSchema(s, node, r, context);
    validateObject(s, node, r, context);
    validateCommon(s, node, r, context);
    for (const p of s.propertiesChildren) {
      if (node.has(p.property)) validateRecursive(p, node.get(p.property)!, r, new Context(p.property, context));
    }
  } else if (typeof node === 'boolean') {
    if (typed && !s.types.includes('boolean')) return typeError(s, 'boolean', r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
  } else {
    if (typed && !s.types.includes('string')) return typeError(s, 'string', r, context);
    validateSchema(s, node, r, context);
    validateCommon(s, node, r, context);
    validateString(s, node, r, context);
  }
  r.score++;
}

function validateSchema(s: SubSchema, node: JValue, r: Result, context: Context): void {
  if (s.anyOf.length > 0) {
    let ok = false;
    let best: Result | undefined;
    for (const a of s.anyOf) {
      if (ok) continue;
      const vr = sub(a, node, context);
      ok = vr.valid;
      if (!ok && (!best || vr.score > best.score)) best = vr;
    }
    if (!ok) {
      r.add('number_any_of', context, () => 'Must validate at least one schema (anyOf)');
      if (best) r.merge(best);
    }
  }
  if (s.oneOf.length > 0) {
    let n = 0;
    let best: Result | undefined;
    for (const o of s.oneOf) {
      const vr = sub(o, node, context);
      if (vr.valid) n++;
      else if (n === 0 && (!best || vr.score > best.score)) best = vr;
    }
    if (n !== 1) {
      r.add('number_one_of', context, () => 'Must validate one and only one schema (oneOf)');
      if (n === 0) r.merge(best!);
    }
  }
  if (s.allOf.length > 0) {
    let n = 0;
    for (const a of s.allOf) {
      const vr = sub(a, node, context);
      if (vr.valid) n++;
      r.merge(vr);
    }
    if (n !== s.allOf.length) r.add('number_all_of', context, () => 'Must validate all the schemas (allOf)');
  }
  if (s.not) {
    if (sub(s.not, node, context).valid) r.add('number_not', context, () => 'Must not validate the schema (not)');
  }
  if (s.dependencies && s.dependencies.size > 0 && isObj(node)) {
    for (const key of node.keys()) {
      const dep = s.dependencies.get(key);
      if (dep === undefined) continue;
      if (Array.isArray(dep)) {
        for (const k of dep) {
          if (!node.has(k)) r.add('missing_dependency', context, () => `Has a dependency on ${k}`);
        }
      } else {
        validateRecursive(dep, node, r, context);
      }
    }
  }
  if (s.ifSchema) {
    const vi = sub(s.ifSchema, node, context);
    if (s.thenSchema && vi.valid) {
      const vt = sub(s.thenSchema, node, context);
      if (!vt.valid) {
        r.add('condition_then', context, () => 'Must validate "then" as "if" was valid');
        r.merge(vt);
      }
    }
    if (s.elseSchema && !vi.valid) {
      const ve = sub(s.elseSchema, node, context);
      if (!ve.valid) {
        r.add('condition_else', context, () => 'Must validate "else" as "if" was not valid');
        r.merge(ve);
      }
    }
  }
  r.score++;
}

function validateCommon(s: SubSchema, value: JValue, r: Result, context: Context): void {
  if (s.constValue !== undefined) {
    const v = valueJson(value);
    if (v !== s.constValue) r.add('const', context, (field) => `${field} does not match: ${s.constValue}`);
  }
  if (s.enumPresent) {
    const v = valueJson(value);
    if (!s.enumValues.includes(v)) {
      const allowed = s.enumValues.length === 0 ? '(none)' : s.enumValues.join(', ');
      r.add('enum', context, (field) => `${field} must be one of the following: ${allowed}`);
    }
  }
  if (s.format !== '' && typeof value === 'string' && !checkFormat(s.format, value)) {
    r.add('format', context, () => `Does not match format '${s.format}'`);
  }
  r.score++;
}

/** marshalWithoutNumber of a document value; a number beyond float64 is where gojsonschema panics. */
function valueJson(v: JValue): string {
  try {
    return marshalWithoutNumber(v);
  } catch (e) {
    if (e instanceof JsonSchemaError) throw new JsonSchemaUnsupported(`jsonschema: ${e.message}`);
    throw e;
  }
}

function validateArray(s: SubSchema, value: JValue[], r: Result, context: Context): void {
  const n = value.length;
  if (s.itemsSingle) {
    value.forEach((v, i) => r.merge(sub(s.itemsChildren[0]!, v, new Context(String(i), context))));
  } else if (s.itemsChildren.length > 0) {
    const items = s.itemsChildren.length;
    for (let i = 0; i !== items && i !== n; i++) r.merge(sub(s.itemsChildren[i]!, value[i]!, new Context(String(i), context)));
    if (items < n) {
      const ai = s.additionalItems;
      if (ai === false) r.add('array_no_additional_items', context, () => 'No additional items allowed on array');
      else if (ai instanceof SubSchema) {
        for (let i = items; i !== n; i++) r.merge(sub(ai, value[i]!, new Context(String(i), context)));
      }
    }
  }
  if (s.minItems !== undefined && n < s.minItems) r.add('array_min_items', context, () => `Array must have at least ${s.minItems} items`);
  if (s.maxItems !== undefined && n > s.maxItems) r.add('array_max_items', context, () => `Array must have at most ${s.maxItems} items`);
  if (s.uniqueItems) {
    const seen = new Map<string, number>();
    value.forEach((v, j) => {
      const k = valueJson(v);
      const i = seen.get(k);
      if (i !== undefined) r.add('unique', context, () => `array items[${i},${j}] must be unique`);
      seen.set(k, j);
    });
  }
  if (s.contains) {
    let ok = false;
    let best: Result | undefined;
    for (let i = 0; i < n; i++) {
      const vr = sub(s.contains, value[i]!, new Context(String(i), context));
      if (vr.valid) {
        ok = true;
        break;
      }
      if (!best || vr.score > best.score) best = vr;
    }
    if (!ok) {
      r.add('contains', context, () => 'At least one of the items must match');
      if (best) r.merge(best);
    }
  }
  r.score++;
}

function validateObject(s: SubSchema, value: JObject, r: Result, context: Context): void {
  if (s.minProperties !== undefined && value.size < s.minProperties) {
    r.add('array_min_properties', context, () => `Must have at least ${s.minProperties} properties`);
  }
  if (s.maxProperties !== undefined && value.size > s.maxProperties) {
    r.add('array_max_properties', context, () => `Must have at most ${s.maxProperties} properties`);
  }
  for (const req of s.required) {
    if (value.has(req)) r.score++;
    else r.add('required', context, () => `${req} is required`);
  }
  for (const [pk, pv] of value) {
    const found = s.propertiesChildren.some((p) => p.property === pk);
    const pp = validatePatternProperty(s, pk, pv, r, context);
    if (!found && !pp) {
      const ap = s.additionalProperties;
      if (ap === false) r.add('additional_property_not_allowed', context, () => `Additional property ${pk} is not allowed`);
      else if (ap instanceof SubSchema) r.merge(sub(ap, pv, new Context(pk, context)));
    }
  }
  if (s.propertyNames) {
    for (const pk of value.keys()) {
      const vr = sub(s.propertyNames, pk, context);
      if (!vr.valid) {
        r.add('invalid_property_name', context, () => `Property name of "${pk}" does not match`);
        r.merge(vr);
      }
    }
  }
  r.score++;
}

function validatePatternProperty(s: SubSchema, key: string, value: JValue, r: Result, context: Context): boolean {
  let validated = false;
  for (const [, re, ps] of s.patternProperties ?? []) {
    if (re.matchString(key)) {
      validated = true;
      r.merge(sub(ps, value, new Context(key, context)));
    }
  }
  if (!validated) return false;
  r.score++;
  return true;
}

function validateString(s: SubSchema, value: string, r: Result, context: Context): void {
  const len = [...value].length;
  if (s.minLength !== undefined && len < s.minLength) {
    r.add('string_gte', context, () => `String length must be greater than or equal to ${s.minLength}`);
  }
  if (s.maxLength !== undefined && len > s.maxLength) {
    r.add('string_lte', context, () => `String length must be less than or equal to ${s.maxLength}`);
  }
  if (s.pattern && !s.pattern.matchString(value)) {
    r.add('pattern', context, () => `Does not match pattern '${s.patternText}'`);
  }
  r.score++;
}

function validateNumber(s: SubSchema, num: JNum, r: Result, context: Context): void {
  if (!s.multipleOf && !s.maximum && !s.exclusiveMaximum && !s.minimum && !s.exclusiveMinimum) {
    r.score++;
    return;
  }
  const v = ratOf(num.text);
  if (s.multipleOf) {
    const m = s.multipleOf;
    // v / m is an integer
    if ((v.n * m.d) % (v.d * m.n) !== 0n) r.add('multiple_of', context, () => `Must be a multiple of ${ratText(m)}`);
  }
  if (s.maximum && ratCmp(v, s.maximum) === 1) r.add('number_lte', context, () => `Must be less than or equal to ${ratText(s.maximum!)}`);
  if (s.exclusiveMaximum && ratCmp(v, s.exclusiveMaximum) >= 0) r.add('number_lt', context, () => `Must be less than ${ratText(s.exclusiveMaximum!)}`);
  if (s.minimum && ratCmp(v, s.minimum) === -1) r.add('number_gte', context, () => `Must be greater than or equal to ${ratText(s.minimum!)}`);
  if (s.exclusiveMinimum && ratCmp(v, s.exclusiveMinimum) <= 0) r.add('number_gt', context, () => `Must be greater than ${ratText(s.exclusiveMinimum!)}`);
  r.score++;
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/** A compiled schema (SchemaLoader.Compile with OPA's settings). */
interface CompiledSchema {
  root: SubSchema;
}

/** Compiles a decoded schema; gojsonschema's errors throw JsonSchemaError with its message. */
function compileJsonSchema(doc: JValue): CompiledSchema {
  const pool = new Pool();
  const rootRef = newRef('#');
  pool.parseReferences(doc, rootRef);
  const draft = parseSchemaUrl(doc) ?? Draft.Hybrid;
  const root = new SubSchema('(Root)', undefined);
  root.draft = draft;
  root.ref = rootRef;
  new Parser(pool, root).parseSchema(doc, root);
  return { root };
}

/** Validates a decoded document: gojsonschema's result errors, in its order. */
function validateJsonSchema(schema: CompiledSchema, doc: JValue): SchemaError[] {
  const r = new Result();
  validateRecursive(schema.root, doc, r, new Context('(Root)', undefined));
  return r.errors;
}

/** ast.JSON of a Rego value (sets become arrays, keys that are not strings their Rego text). */
function jsonValueOfRego(v: RegoValue): JValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'boolean':
      return v.v;
    case 'number':
      return new JNum(v.v);
    case 'string':
      return v.v;
    case 'array':
    case 'set':
      return v.v.map(jsonValueOfRego);
    case 'object': {
      const m: JObject = new Map();
      for (const [k, x] of v.v) {
        // A key that is not a string becomes its JSON text.
        m.set(k.t === 'string' ? k.v : compactJson(jsonValueOfRego(k)), jsonValueOfRego(x));
      }
      return m;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The builtins (v1/topdown/jsonschema.go).

/** astValueToJSONSchemaLoader: a JSON text (checked first, as json.Valid) or an object / array (ast.JSON). */
function operand(v: RegoValue): JValue {
  if (v.t === 'string') {
    try {
      JSON.parse(v.v);
    } catch (e) {
      if (e instanceof SyntaxError) err('invalid JSON string');
      throw e;
    }
    return jsonValueOfRego(parseRegoValue(goJsonSurrogates(v.v.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))));
  }
  if (v.t === 'object' || v.t === 'array') return jsonValueOfRego(v);
  err('wrong type, expected string or object');
}

/** json.verify_schema: `[true, null]`, or `[false, "jsonschema: <error>"]`. */
export function jsonSchemaVerify(schema: RegoValue): RegoValue {
  try {
    compileJsonSchema(operand(schema));
    return regoArray([regoBool(true), { t: 'null' }]);
  } catch (e) {
    if (e instanceof JsonSchemaError) return regoArray([regoBool(false), regoString(`jsonschema: ${e.message}`)]);
    throw e;
  }
}

/** json.match_schema: `[valid, errors]`; where OPA's builtin returns an error, JsonSchemaError. */
export function jsonSchemaMatch(doc: RegoValue, schema: RegoValue): RegoValue {
  const d = operand(doc);
  const errors = validateJsonSchema(compileJsonSchema(operand(schema)), d);
  const obj = (e: SchemaError): RegoValue => ({
    t: 'object',
    v: (['error', 'type', 'field', 'desc'] as const).map((k) => [regoString(k), regoString(e[k])]),
  });
  return regoArray([regoBool(errors.length === 0), regoArray(errors.map(obj))]);
}
