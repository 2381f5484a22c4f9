// Stable identities: of objects across refs, and of violations across base and head.
import { createHash } from 'node:crypto';
import { gvkOf, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import type { JsonObject } from '../gatekeeper/types.ts';
import type { RenderedObject } from '../render/types.ts';
import type { DuplicateObject, ObjectRef } from './types.ts';

export function objectRef(object: JsonObject): ObjectRef {
  const gvk = gvkOf(object);
  return { group: gvk.group, version: gvk.version, kind: gvk.kind, namespace: namespaceOf(object), name: nameOf(object) };
}

/** Group, kind, namespace and name: the version is left out, so `apps/v1beta2` → `apps/v1` is the same object. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** `Kind ns/name` (or `Kind name` for cluster-scoped objects), for people. */
export function describeObject(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace !== '' ? `${ref.namespace}/` : ''}${ref.name}`;
}

/**
 * A violation's identity: cluster, constraint, the object's identity across refs (`ObjectPairing.identity`),
 * and its message.
 */
export function findingId(cluster: string, constraintKind: string, constraintName: string, identity: string, message: string): string {
  const key = [cluster, constraintKind, constraintName, identity, message].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** One object across refs: at base, at head, or both. */
interface ObjectPair {
  base?: RenderedObject;
  head?: RenderedObject;
  /** What findings on either side are keyed by (the base's object key when there is one). */
  identity: string;
  /** The names differ only by a generated part (kustomize hash suffix, helm `randAlphaNum`): the cluster sees a new object. */
  renamed: boolean;
}

export interface ObjectPairing {
  pairs: ObjectPair[];
  /** The identity of the object a violation was raised on, by the side, root and object key it names. */
  identity(side: 'base' | 'head', root: string, object: ObjectRef): string;
  /** The base version of a head object when the cluster would see it as an UPDATE (same name). */
  previous(head: RenderedObject): RenderedObject | undefined;
  /** Objects that one ref renders more than once (two roots, or twice in one root). */
  duplicates: DuplicateObject[];
  /**
   * A head message as the base would word it: the generated name of a renamed object is spelled as at base
   * (a message that quotes the name is not reworded by a new hash). Other messages are returned as they are.
   */
  baseWording(identity: string, message: string): string;
}

/**
 * Pairs the objects of base and head. Same object key first, preferring the same root (an object two roots
 * render is two copies, each paired with its own); then, among objects left unpaired, names that differ only
 * by a generated part: kustomize's hash suffix on generated ConfigMaps/Secrets, or a random run of characters
 * from a helm chart (`randAlphaNum`) at the same template file. Those pairs keep the base's identity, so a
 * content change that re-hashes a name, or a chart re-rendered with a new random name, is not an object
 * removed and another added. `renames` (old path → new path, as git reports them) lets a moved chart template
 * still count as the same file.
 */
export function pairObjects(baseObjects: RenderedObject[], headObjects: RenderedObject[], renames: Map<string, string> = new Map()): ObjectPairing {
  const keyOf = (o: RenderedObject) => objectKey(objectRef(o.object));
  const group = (objs: RenderedObject[]) => {
    const m = new Map<string, RenderedObject[]>();
    for (const o of objs) m.set(keyOf(o), [...(m.get(keyOf(o)) ?? []), o]);
    return m;
  };
  const base = group(baseObjects);
  const head = group(headObjects);
  const pairs: ObjectPair[] = [];
  const leftBase: RenderedObject[] = [];
  const leftHead: RenderedObject[] = [];
  for (const [key, bs] of base) {
    const hs = [...(head.get(key) ?? [])];
    const rest: RenderedObject[] = [];
    for (const b of bs) {
      const i = hs.findIndex((h) => h.root === b.root);
      if (i >= 0) pairs.push({ base: b, head: hs.splice(i, 1)[0]!, identity: key, renamed: false });
      else rest.push(b);
    }
    for (const b of rest) {
      const h = hs.shift();
      if (h) pairs.push({ base: b, head: h, identity: key, renamed: false });
      else leftBase.push(b);
    }
    leftHead.push(...hs);
  }
  for (const [key, hs] of head) if (!base.has(key)) leftHead.push(...hs);

  const unpaired: RenderedObject[] = [];
  const sameFile = (b: RenderedObject, h: RenderedObject) => (renames.get(b.source.file) ?? b.source.file) === h.source.file;
  for (const b of leftBase) {
    const br = objectRef(b.object);
    const candidates = leftHead.filter((h) => {
      const hr = objectRef(h.object);
      return hr.group === br.group && hr.kind === br.kind && hr.namespace === br.namespace && generatedVariants(br.name, hr.name, b.root.startsWith('helm:') && h.root.startsWith('helm:'));
    });
    const h = candidates.find((c) => c.root === b.root && sameFile(b, c)) ?? candidates.find((c) => c.root === b.root) ?? candidates.find((c) => sameFile(b, c));
    if (h) {
      leftHead.splice(leftHead.indexOf(h), 1);
      pairs.push({ base: b, head: h, identity: keyOf(b), renamed: true });
    } else unpaired.push(b);
  }
  for (const [b, h] of renamedByAffix(unpaired, leftHead)) {
    unpaired.splice(unpaired.indexOf(b), 1);
    leftHead.splice(leftHead.indexOf(h), 1);
    pairs.push({ base: b, head: h, identity: keyOf(b), renamed: true });
  }
  for (const b of unpaired) pairs.push({ base: b, identity: keyOf(b), renamed: false });
  for (const h of leftHead) pairs.push({ head: h, identity: keyOf(h), renamed: false });

  // Copies of one object get distinct identities, so that each copy's findings are reported on their own.
  const copies = new Map<string, number>();
  for (const p of pairs) {
    const n = copies.get(p.identity) ?? 0;
    copies.set(p.identity, n + 1);
    if (n > 0) p.identity = `${p.identity}#${n + 1}`;
  }
  const bySide = new Map<string, string>();
  const previous = new Map<RenderedObject, RenderedObject>();
  const renamedFrom = new Map<string, { head: string; base: string }>();
  for (const p of pairs) {
    if (p.renamed && p.base && p.head) renamedFrom.set(p.identity, { head: nameOf(p.head.object), base: nameOf(p.base.object) });
    if (p.base) bySide.set(`base\u0000${p.base.root}\u0000${keyOf(p.base)}`, p.identity);
    if (p.head) bySide.set(`head\u0000${p.head.root}\u0000${keyOf(p.head)}`, p.identity);
    if (p.base && p.head && !p.renamed) previous.set(p.head, p.base);
  }
  return {
    pairs,
    identity: (side, root, object) => bySide.get(`${side}\u0000${root}\u0000${objectKey(object)}`) ?? objectKey(object),
    previous: (h) => previous.get(h),
    duplicates: [...duplicatesOf('base', base), ...duplicatesOf('head', head)],
    baseWording: (identity, message) => {
      const r = renamedFrom.get(identity);
      return r ? message.split(r.head).join(r.base) : message;
    },
  };
}

function duplicatesOf(ref: 'base' | 'head', byKey: Map<string, RenderedObject[]>): DuplicateObject[] {
  return [...byKey.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({ ref, object: objectRef(list[0]!.object), copies: list.map((o) => ({ root: o.root, source: o.source })) }));
}

/**
 * Objects of one kustomization renamed together: a changed `namePrefix` or `nameSuffix` renames every object
 * of the root the same way. Among the objects left unpaired in a kustomize root, the one prefix (or suffix)
 * replacement that explains the most same-kind pairs is taken when it explains at least two, and every
 * unpaired object of that root on one side (a prefix change renames all of them; the change may still add
 * or remove others). Generated hash suffixes are set aside before comparing (they change with the name).
 */
function renamedByAffix(base: RenderedObject[], head: RenderedObject[]): Array<[RenderedObject, RenderedObject]> {
  const out: Array<[RenderedObject, RenderedObject]> = [];
  const roots = new Set(base.filter((o) => o.root.startsWith('kustomize:')).map((o) => o.root));
  for (const root of roots) {
    const bs = base.filter((o) => o.root === root);
    const hs = head.filter((o) => o.root === root);
    // Every pair is compared: past this size the root is left as it is (objects read as removed and added).
    if (bs.length * hs.length > 250_000) continue;
    const candidates = new Map<string, Array<[RenderedObject, RenderedObject]>>();
    for (const b of bs) {
      const br = objectRef(b.object);
      for (const h of hs) {
        const hr = objectRef(h.object);
        if (hr.group !== br.group || hr.kind !== br.kind || hr.namespace !== br.namespace) continue;
        for (const t of affixChanges(br.name, hr.name)) candidates.set(t, [...(candidates.get(t) ?? []), [b, h]]);
      }
    }
    let best: Array<[RenderedObject, RenderedObject]> = [];
    for (const list of candidates.values()) {
      // One to one: the first pair for each object.
      const usedB = new Set<RenderedObject>();
      const usedH = new Set<RenderedObject>();
      const oneToOne = list.filter(([b, h]) => !usedB.has(b) && !usedH.has(h) && usedB.add(b) && usedH.add(h));
      if (oneToOne.length > best.length) best = oneToOne;
    }
    if (best.length >= 2 && (best.length === bs.length || best.length === hs.length)) out.push(...best);
  }
  return out;
}

/** The prefix and the suffix replacements that turn name `a` into name `b` (hash suffixes set aside). */
function affixChanges(a: string, b: string): string[] {
  const strip = (n: string) => (KUSTOMIZE_HASH.test(n) ? n.slice(0, -11) : n);
  const x = strip(a);
  const y = strip(b);
  if (x === y) return [];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length && q < y.length && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const out: string[] = [];
  // Some of the name must remain the same for it to be the same object renamed.
  if (q >= 2) out.push(`prefix\u0000${x.slice(0, x.length - q)}\u0000${y.slice(0, y.length - q)}`);
  if (p >= 2) out.push(`suffix\u0000${x.slice(p)}\u0000${y.slice(p)}`);
  return out;
}

/** kustomize's name hash: `-` and ten characters of hex with 0, 1, 3, a and e spelled g, h, k, m and t. */
const KUSTOMIZE_HASH = /-[2456789bcdfghkmt]{10}$/;

/**
 * Whether two names are the same name with a different generated part: both end in a kustomize name hash
 * after the same stem, or (for helm) they differ in one run of letters and digits of the same length, at
 * least 4 long, with a common part around it (what `randAlphaNum N` produces).
 */
export function generatedVariants(a: string, b: string, helm: boolean): boolean {
  if (a === b) return false;
  if (KUSTOMIZE_HASH.test(a) && KUSTOMIZE_HASH.test(b) && a.length === b.length && a.slice(0, -11) === b.slice(0, -11)) return true;
  if (!helm || a.length !== b.length) return false;
  let start = 0;
  while (a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const same = start + end;
  // Widen the differing run to the whole alphanumeric token: a random run may share letters with the old one.
  let from = start;
  while (from > 0 && /[a-z0-9]/i.test(a[from - 1]!)) from--;
  let to = a.length - end;
  while (to < a.length && /[a-z0-9]/i.test(a[to]!)) to++;
  const token = a.slice(from, to);
  return same >= 2 && token.length >= 4 && /^[a-z0-9]+$/i.test(token) && from + (a.length - to) >= 2;
}

/** Canonical texts of objects already seen (objects are not modified once rendered). */
const canonicalMemo = new WeakMap<object, string>();

/** Canonical JSON (sorted keys), to compare objects regardless of key order or formatting. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const known = canonicalMemo.get(value);
  if (known !== undefined) return known;
  const text = canonicalText(value);
  canonicalMemo.set(value, text);
  return text;
}

/** Only the object asked about is remembered, not each of its parts (their texts would pile up). */
function canonicalText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalText(o[k])}`)
    .join(',')}}`;
}
