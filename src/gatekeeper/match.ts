// Which objects a constraint (or mutator) applies to: Gatekeeper's `match.Matches` and the target
// Matcher around it (`pkg/mutation/match/match.go`, `pkg/target/matcher.go`), rule for rule.
import { matchesGenerateName, matchesGlob } from './glob.ts';
import { goQuote } from '../go/strconv.ts';
import { evaluateLabelSelector, labelSelectorFromJson, type LabelSelector } from './selector.ts';
import type { JsonObject, JsonValue } from './types.ts';

export interface MatchTarget {
  /** The object under review (null for none, e.g. DELETE in the webhook before it is copied). */
  object: JsonObject | null;
  /** UPDATE/DELETE old object. */
  oldObject: JsonObject | null;
  /** Namespace object supplied with the review; null = Go nil. `{}` is a supplied, empty Namespace. */
  namespace: JsonObject | null;
  source: 'Original' | 'Generated' | '';
  /** The Namespace cache fallback (§3.4), consulted only when `namespace` is null. */
  namespaceLookup: (name: string) => JsonObject | undefined;
  /**
   * The request's namespace, used as the key for `namespaceLookup`. Defaults to `metadata.namespace`
   * of `object` (or of `oldObject` when there is no object), which is what gator and audit use.
   */
  requestNamespace?: string;
}

/**
 * `error` is the Match criteria cause, e.g. "namespace selector for namespace-scoped object but missing
 * Namespace"; `autorejectMessage` is the full message of the result Gatekeeper reports instead.
 */
export type MatchResult = { matched: boolean } | { error: string; autorejectMessage?: string };

const AUTOREJECT = 'unable to match constraints';

/** One review against one constraint's `spec.match`: matchAny over object and oldObject. */
export function matchConstraint(match: JsonObject | undefined, target: MatchTarget): MatchResult {
  // No spec.match: a matcher with a nil match, which matches without looking at the review.
  if (match === undefined) return { matched: true };
  const m = parseMatchMemo(match);

  for (const [obj, what] of [
    [target.object, 'object'],
    [target.oldObject, 'oldObject'],
  ] as const) {
    if (obj !== null && kindOf(obj) === '') {
      const error = `failed to unmarshal gkReview ${what} ${JSON.stringify(obj)}`;
      return { error, autorejectMessage: `${AUTOREJECT}: invalid request object: ${error}` };
    }
  }

  let ns = target.namespace;
  const requestNamespace =
    target.requestNamespace ??
    (target.object !== null ? stringAt(target.object, 'namespace') : target.oldObject !== null ? stringAt(target.oldObject, 'namespace') : '');
  if (ns === null && requestNamespace !== '') ns = target.namespaceLookup(requestNamespace) ?? null;

  let defined = 0;
  for (const obj of [target.object, target.oldObject]) {
    if (obj === null) continue;
    defined++;
    const r = matchObject(m, obj, ns, target.source);
    if (typeof r !== 'boolean') {
      return {
        error: r.error,
        autorejectMessage: `${AUTOREJECT}: error matching the requested object: ${stringAt(obj, 'name')} :failed to run Match criteria: ${r.error}`,
      };
    }
    if (r) return { matched: true };
  }
  if (defined === 0) {
    const error = 'neither object nor old object are defined';
    return { error, autorejectMessage: `${AUTOREJECT}: invalid request object: ${error}` };
  }
  return { matched: false };
}

/** `spec.match` decoded into Go's `match.Match` (absent and null fields are Go zero values). */
export interface Match {
  kinds: Array<{ apiGroups: string[]; kinds: string[] }>;
  scope: string;
  namespaces: string[];
  excludedNamespaces: string[];
  labelSelector: LabelSelector | null;
  namespaceSelector: LabelSelector | null;
  name: string;
  source: string;
  /** Set when a selector could not be decoded (only possible for match blocks that skipped validation). */
  decodeError?: string;
}

/**
 * Lenient decoding: constraints reach here only after schema validation, so wrong types are read as
 * absent rather than failing (Gatekeeper would have refused such a constraint when adding it).
 */
export function parseMatch(match: JsonObject): Match {
  const strings = (v: JsonValue | undefined): string[] =>
    Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : '')) : [];
  const kinds: Match['kinds'] = [];
  if (Array.isArray(match.kinds)) {
    for (const k of match.kinds) {
      if (k === null || typeof k !== 'object' || Array.isArray(k)) {
        kinds.push({ apiGroups: [], kinds: [] });
        continue;
      }
      kinds.push({ apiGroups: strings(k.apiGroups), kinds: strings(k.kinds) });
    }
  }
  let decodeError: string | undefined;
  const selector = (v: JsonValue | undefined): LabelSelector | null => {
    if (v === undefined || v === null) return null;
    const d = labelSelectorFromJson(v);
    if ('error' in d) {
      decodeError ??= d.error;
      return null;
    }
    return d.selector;
  };
  const m: Match = {
    kinds,
    scope: typeof match.scope === 'string' ? match.scope : '',
    namespaces: strings(match.namespaces),
    excludedNamespaces: strings(match.excludedNamespaces),
    labelSelector: selector(match.labelSelector),
    namespaceSelector: selector(match.namespaceSelector),
    name: typeof match.name === 'string' ? match.name : '',
    source: typeof match.source === 'string' ? match.source : '',
  };
  if (decodeError !== undefined) m.decodeError = decodeError;
  return m;
}

const parsedMatches = new WeakMap<JsonObject, Match>();

/** parseMatch of a `spec.match` that is not modified afterwards, remembered by identity (it is matched against every review). */
function parseMatchMemo(match: JsonObject): Match {
  let m = parsedMatches.get(match);
  if (m === undefined) parsedMatches.set(match, (m = parseMatch(match)));
  return m;
}

type Step = boolean | { error: string };

/**
 * `match.Matches` for one object: kinds, scope, namespaces, excludedNamespaces, labelSelector,
 * namespaceSelector, name, source — in this order, stopping at the first false or error.
 */
function matchObject(m: Match, obj: JsonObject, ns: JsonObject | null, source: string): Step {
  if (m.decodeError !== undefined) return { error: m.decodeError };
  let r: Step;
  if ((r = kindsMatch(m, obj)) !== true) return r;
  if ((r = scopeMatch(m, obj, ns)) !== true) return r;
  if ((r = namespacesMatch(m, obj, ns)) !== true) return r;
  if ((r = excludedNamespacesMatch(m, obj, ns)) !== true) return r;
  if ((r = labelSelectorMatch(m, obj)) !== true) return r;
  if ((r = namespaceSelectorMatch(m, obj, ns)) !== true) return r;
  if ((r = nameMatch(m, obj)) !== true) return r;
  return sourceMatch(m, obj, source);
}

// ---------------------------------------------------------------------------------------------
// Object accessors with `unstructured.Unstructured` semantics.

function metadata(obj: JsonObject): JsonObject | undefined {
  const m = obj.metadata;
  return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : undefined;
}

/** `GetName`/`GetNamespace`/`GetGenerateName`: "" unless the field is a string. */
function stringAt(obj: JsonObject, key: string): string {
  const v = metadata(obj)?.[key];
  return typeof v === 'string' ? v : '';
}

const NO_LABELS: Record<string, string> = Object.freeze({});
/** Labels as read, by the labels object: an object is matched against every constraint, and not modified meanwhile. */
const labelsMemo = new WeakMap<JsonObject, Record<string, string>>();

/** `GetLabels`: a single non-string value makes Go's NestedStringMap fail, i.e. no labels at all. */
function labelsAt(obj: JsonObject): Record<string, string> {
  const l = metadata(obj)?.labels;
  if (l === null || l === undefined || typeof l !== 'object' || Array.isArray(l)) return NO_LABELS;
  let out = labelsMemo.get(l);
  if (out !== undefined) return out;
  out = {};
  for (const [k, v] of Object.entries(l)) {
    if (typeof v !== 'string') {
      out = NO_LABELS;
      break;
    }
    out[k] = v;
  }
  labelsMemo.set(l, out);
  return out;
}

function kindOf(obj: JsonObject): string {
  return typeof obj.kind === 'string' ? obj.kind : '';
}

/**
 * Group and kind as `Unstructured.GroupVersionKind()` reports them: an apiVersion that
 * `schema.ParseGroupVersion` rejects (two or more slashes) yields an empty group *and* kind.
 */
function groupKindOf(obj: JsonObject): { group: string; kind: string } {
  const av = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  // The last object's answer: matching asks it of one object for each constraint in turn.
  if (obj === lastGroupKind.obj && av === lastGroupKind.av && obj.kind === lastGroupKind.kind) return lastGroupKind.gk;
  const gk = parseGroupKind(obj, av);
  lastGroupKind = { obj, av, kind: obj.kind, gk };
  return gk;
}

let lastGroupKind: { obj: JsonObject | undefined; av: string; kind: JsonValue | undefined; gk: { group: string; kind: string } } = {
  obj: undefined,
  av: '',
  kind: undefined,
  gk: { group: '', kind: '' },
};

function parseGroupKind(obj: JsonObject, av: string): { group: string; kind: string } {
  if (av === '' || av === '/') return { group: '', kind: kindOf(obj) };
  const parts = av.split('/');
  if (parts.length === 1) return { group: '', kind: kindOf(obj) };
  if (parts.length === 2) return { group: parts[0] ?? '', kind: kindOf(obj) };
  return { group: '', kind: '' };
}

function isNamespaceObject(obj: JsonObject): boolean {
  const gk = groupKindOf(obj);
  return gk.kind === 'Namespace' && gk.group === '';
}

/** The namespace whose name the namespaces/excludedNamespaces globs test; undefined = cluster-scoped. */
function subjectNamespace(obj: JsonObject, ns: JsonObject | null): string | undefined {
  if (isNamespaceObject(obj)) return stringAt(obj, 'name');
  if (ns !== null) return stringAt(ns, 'name');
  const own = stringAt(obj, 'namespace');
  return own !== '' ? own : undefined;
}

// ---------------------------------------------------------------------------------------------
// The eight matchers.

function kindsMatch(m: Match, obj: JsonObject): Step {
  if (m.kinds.length === 0) return true;
  const { group, kind } = groupKindOf(obj);
  return m.kinds.some(
    (k) =>
      (k.kinds.length === 0 || k.kinds.includes('*') || k.kinds.includes(kind)) &&
      (k.apiGroups.length === 0 || k.apiGroups.includes('*') || k.apiGroups.includes(group)),
  );
}

function scopeMatch(m: Match, obj: JsonObject, ns: JsonObject | null): Step {
  const hasNamespace = stringAt(obj, 'namespace') !== '' || ns !== null;
  const isNamespace = isNamespaceObject(obj);
  if (m.scope === 'Cluster') return isNamespace || !hasNamespace;
  if (m.scope === 'Namespaced') return !isNamespace && hasNamespace;
  return true; // "*", "" and typos such as "cluster" all match everything
}

function namespacesMatch(m: Match, obj: JsonObject, ns: JsonObject | null): Step {
  if (m.namespaces.length === 0) return true;
  const subject = subjectNamespace(obj, ns);
  if (subject === undefined) return true;
  return m.namespaces.some((g) => matchesGlob(g, subject));
}

function excludedNamespacesMatch(m: Match, obj: JsonObject, ns: JsonObject | null): Step {
  if (m.excludedNamespaces.length === 0) return true;
  const subject = subjectNamespace(obj, ns);
  if (subject === undefined) return true;
  return !m.excludedNamespaces.some((g) => matchesGlob(g, subject));
}

function labelSelectorMatch(m: Match, obj: JsonObject): Step {
  if (m.labelSelector === null) return true;
  return evaluateLabelSelector(m.labelSelector, labelsAt(obj));
}

function namespaceSelectorMatch(m: Match, obj: JsonObject, ns: JsonObject | null): Step {
  if (m.namespaceSelector === null) return true;
  const isNamespace = isNamespaceObject(obj);
  if (!isNamespace && ns === null && stringAt(obj, 'namespace') === '') return true;
  if (isNamespace) return evaluateLabelSelector(m.namespaceSelector, labelsAt(obj));
  if (ns === null) {
    // Go validates the selector before noticing the missing Namespace.
    const invalid = evaluateLabelSelector(m.namespaceSelector, {});
    if (typeof invalid !== 'boolean') return invalid;
    return { error: 'namespace selector for namespace-scoped object but missing Namespace' };
  }
  return evaluateLabelSelector(m.namespaceSelector, labelsAt(ns));
}

function nameMatch(m: Match, obj: JsonObject): Step {
  if (m.name === '') return true;
  return matchesGlob(m.name, stringAt(obj, 'name')) || matchesGenerateName(m.name, stringAt(obj, 'generateName'));
}

const SOURCES = new Set(['All', 'Generated', 'Original']);

function sourceMatch(m: Match, obj: JsonObject, source: string): Step {
  const want = m.source === '' ? 'All' : m.source;
  if (!SOURCES.has(want)) return { error: `invalid source field ${goQuote(want)}` };
  if (source === '' && want !== 'All') return { error: `source field not specified for resource ${stringAt(obj, 'name')}` };
  if (want === 'All') return true;
  if (!SOURCES.has(source)) return { error: `invalid source field ${goQuote(source)}` };
  return want === source;
}
