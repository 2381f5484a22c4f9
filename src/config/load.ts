// Reading `.github/preadmit.yml`: validation against the published schema, errors that name the line of the
// offending key, and a usable configuration even when parts of the file are wrong (the defaults stand in for them).
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Pair } from 'yaml';
import schema from '../../schema/preadmit.schema.json' with { type: 'json' };
import { loadManifests } from '../gatekeeper/load.ts';
import type { InputError, JsonObject, JsonValue, SourceLocation } from '../gatekeeper/types.ts';
import { defaultBlocking, defaultCluster, defaultConfig } from './defaults.ts';
import type { BlockingConfig, ClusterConfig, PreadmitConfig } from './types.ts';

export { CONFIG_FILE, defaultConfig, EXPANDABLE_WORKLOADS } from './defaults.ts';
export { defaultExpansionTemplates } from './expansion.ts';

export interface ConfigResult {
  config: PreadmitConfig;
  errors: InputError[];
}

/** A config file larger than this is refused whole: no legitimate configuration comes close. */
const MAX_CONFIG_BYTES = 256 * 1024;

const Ajv = AjvModule.default;
let validator: ValidateFunction | undefined;

function validate(value: JsonValue): ErrorObject[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    // The schema's human wording for its patterns: an annotation, not a validation keyword.
    ajv.addKeyword({ keyword: 'x-pattern-meaning', schemaType: 'string' });
    validator = ajv.compile(schema);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/**
 * Parses and validates the repository configuration. `text` undefined means the repository has no config file.
 * Every problem becomes an error naming `file:line`; the returned config is still complete (defaults replace the
 * parts that were wrong), and the caller decides whether errors fail the check.
 */
export function loadConfig(text: string | undefined, file: string): ConfigResult {
  if (text === undefined) return { config: defaultConfig(), errors: [] };
  const loaded = loadManifests(text, file, { yamlVersion: '1.2', maxBytes: MAX_CONFIG_BYTES, maxAliasCount: 20 });
  const errors: InputError[] = loaded.errors.map((e) => ({ ...e, kind: 'config' }));
  if (errors.length > 0) return { config: defaultConfig(), errors };
  // Only empty (or `null`) documents: a config that says nothing. Lists and scalars were load errors above.
  if (loaded.objects.length === 0) return { config: defaultConfig(), errors };
  const positions = new Positions(text);
  const [first, ...rest] = loaded.objects;
  for (const extra of rest) {
    errors.push(configError(file, extra.source, 'the configuration must be a single YAML document; this one is ignored'));
  }
  const value = (first?.object ?? {}) as JsonObject;
  const bad: string[] = [];
  for (const problem of describe(validate(value), value)) {
    bad.push(problem.pointer);
    errors.push(configError(file, positions.locate(problem.pointer, problem.keyOnly, file), `${dotted(problem.pointer)}: ${problem.message}`));
  }
  const config = buildConfig(value, bad, (pointer, message) => {
    errors.push(configError(file, positions.locate(pointer, false, file), `${dotted(pointer)}: ${message}`));
  });
  return { config, errors: sortErrors(errors) };
}

function configError(file: string, source: SourceLocation, message: string): InputError {
  return { kind: 'config', message: `${file}:${source.startLine}: ${message}`, source };
}

function sortErrors(errors: InputError[]): InputError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.source?.startLine ?? 0) - (b.e.source?.startLine ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

interface Problem {
  /** JSON pointer of the offending value (for an unknown or missing key: the key itself). */
  pointer: string;
  /** The pointer names a key that may not exist (missing required key): point at its parent. */
  keyOnly: boolean;
  message: string;
}

function describe(ajvErrors: ErrorObject[], root: JsonValue): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  // A propertyNames failure is reported twice by ajv: once for the name's own rule, once as a summary.
  const namedKeys = new Set(ajvErrors.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}\u0000${e.propertyName ?? ''}`));
  for (const e of ajvErrors) {
    let problem: Problem | undefined;
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'propertyNames' && namedKeys.has(`${e.instancePath}\u0000${String(params.propertyName)}`)) continue;
    if (e.propertyName !== undefined) {
      problem = { pointer: child(e.instancePath, e.propertyName), keyOnly: false, message: `key ${JSON.stringify(e.propertyName)} ${keyRuleMessage(e)}` };
    } else if (e.keyword === 'additionalProperties') {
      const key = String(params.additionalProperty);
      const known = knownKeys(e.parentSchema);
      const hint = closest(key, known);
      const list = known.length > 0 ? ` (known keys: ${known.join(', ')})` : '';
      problem = { pointer: child(e.instancePath, key), keyOnly: false, message: `unknown key ${JSON.stringify(key)}${hint !== undefined ? `; did you mean ${JSON.stringify(hint)}?` : list}` };
    } else if (e.keyword === 'required') {
      const key = String(params.missingProperty);
      problem = { pointer: child(e.instancePath, key), keyOnly: true, message: `required key ${JSON.stringify(key)} is missing` };
    } else if (e.keyword === 'uniqueItems') {
      const j = Number(params.j);
      const item = valueAt(root, child(e.instancePath, String(j)));
      problem = { pointer: child(e.instancePath, String(Math.max(Number(params.i), j))), keyOnly: false, message: `${JSON.stringify(item)} is listed twice` };
    } else {
      problem = { pointer: e.instancePath, keyOnly: false, message: valueRuleMessage(e) };
    }
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}

function valueRuleMessage(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const shown = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'type':
      return `must be ${article(String(params.type))}, not ${jsonType(e.data)}`;
    case 'enum':
      return `${shown} is not one of ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'pattern':
      return `${shown} is not ${patternMeaning(e.parentSchema) ?? `matching ${String(params.pattern)}`}`;
    case 'minItems':
      return `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `${shown} is longer than ${String(params.limit)} characters`;
    default:
      return e.message ?? `fails the schema rule ${e.keyword}`;
  }
}

function keyRuleMessage(e: ErrorObject): string {
  if (e.keyword === 'pattern') return `is not ${patternMeaning(e.parentSchema) ?? `matching ${String((e.params as Record<string, unknown>).pattern)}`}`;
  return e.message ?? `fails the schema rule ${e.keyword}`;
}

function patternMeaning(parentSchema: unknown): string | undefined {
  if (typeof parentSchema !== 'object' || parentSchema === null) return undefined;
  const meaning = (parentSchema as Record<string, unknown>)['x-pattern-meaning'];
  return typeof meaning === 'string' ? meaning : undefined;
}

function knownKeys(parentSchema: unknown): string[] {
  if (typeof parentSchema !== 'object' || parentSchema === null) return [];
  const props = (parentSchema as Record<string, unknown>).properties;
  return typeof props === 'object' && props !== null ? Object.keys(props) : [];
}

/** The known key a typo most likely meant: same letters ignoring case, or at most two edits away. */
function closest(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[-_]/g, '');
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (d <= 2 && (best === undefined || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

// ---- JSON pointers ------------------------------------------------------------------------------------------------

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `/clusters/0/manifests/1` → `clusters[0].manifests[1]`, the way a reader of the YAML names it. */
function dotted(pointer: string): string {
  let out = '';
  for (const s of segments(pointer)) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (typeof cur === 'object' && cur !== null) cur = Object.hasOwn(cur, s) ? cur[s] : undefined;
    else return undefined;
  }
  return cur;
}

/** Maps JSON pointers of the validated value back to lines of the YAML text. */
class Positions {
  private readonly lineCounter = new LineCounter();
  private readonly root: Node | null;

  constructor(text: string) {
    const docs = parseAllDocuments(text, { lineCounter: this.lineCounter, version: '1.2', prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    this.root = (list[0]?.contents as Node | null | undefined) ?? null;
  }

  /**
   * The line of the offending key. For a missing key (`keyOnly`), or a pointer the YAML does not have, the deepest
   * existing ancestor stands in.
   */
  locate(pointer: string, keyOnly: boolean, file: string): SourceLocation {
    let node: Node | null = this.root;
    let pair: Pair | undefined;
    let item: Node | undefined;
    const parts = segments(pointer);
    if (keyOnly) parts.pop();
    for (const part of parts) {
      if (isMap(node)) {
        const found = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === part);
        if (found === undefined) break;
        pair = found as Pair;
        item = undefined;
        node = (found.value as Node | null) ?? null;
      } else if (isSeq(node)) {
        const found = node.items[Number(part)] as Node | undefined;
        if (found === undefined) break;
        item = found;
        pair = undefined;
        node = found;
      } else break;
    }
    const keyNode = pair?.key as Node | undefined;
    const startOffset = keyNode?.range?.[0] ?? item?.range?.[0] ?? this.root?.range?.[0] ?? 0;
    const endNode = (pair?.value as Node | null | undefined) ?? item ?? keyNode;
    const endOffset = endNode?.range?.[1] ?? startOffset;
    const startLine = this.lineCounter.linePos(startOffset).line;
    const endLine = Math.max(startLine, this.lineCounter.linePos(Math.max(startOffset, endOffset - 1)).line);
    return { file, startLine, endLine };
  }
}

// ---- building the configuration -------------------------------------------------------------------------------------

/** Takes every part of `value` that passed validation and the default for every part that did not. */
function buildConfig(value: JsonObject, badPointers: string[], report: (pointer: string, message: string) => void): PreadmitConfig {
  const ok = (pointer: string): boolean =>
    !badPointers.some((b) => b === pointer || b.startsWith(`${pointer}/`) || pointer.startsWith(`${b}/`));
  const present = (pointer: string): boolean => valueAt(value, pointer) !== undefined;
  const use = (pointer: string): boolean => present(pointer) && ok(pointer);
  const defaults = defaultConfig();

  const strings = (pointer: string, fallback: string[]): string[] =>
    use(pointer) ? (valueAt(value, pointer) as string[]).slice() : fallback;

  let clusters: ClusterConfig[] = defaults.clusters;
  const rawClusters = valueAt(value, '/clusters');
  if (Array.isArray(rawClusters) && rawClusters.length > 0) {
    clusters = [];
    const names = new Set<string>();
    rawClusters.forEach((_, i) => {
      const at = `/clusters/${i}`;
      const namePointer = `${at}/name`;
      const name = use(namePointer) ? (valueAt(value, namePointer) as string) : `cluster-${i + 1}`;
      if (names.has(name)) {
        report(namePointer, `cluster ${JSON.stringify(name)} is declared twice; this declaration is ignored`);
        return;
      }
      names.add(name);
      const d = defaultCluster(name);
      const helmPointer = `${at}/helmValues`;
      const helmValues: Record<string, string[]> = {};
      if (use(helmPointer)) {
        for (const [chart, files] of Object.entries(valueAt(value, helmPointer) as Record<string, string[]>)) helmValues[chart] = files.slice();
      }
      clusters.push({
        name,
        manifests: strings(`${at}/manifests`, d.manifests),
        policies: strings(`${at}/policies`, d.policies),
        shippedPolicies: use(`${at}/shippedPolicies`) ? (valueAt(value, `${at}/shippedPolicies`) as boolean) : d.shippedPolicies,
        inventory: strings(`${at}/inventory`, d.inventory),
        helmValues,
        kubeVersion: use(`${at}/kubeVersion`) ? (valueAt(value, `${at}/kubeVersion`) as string) : d.kubeVersion,
        // A bad entry is dropped, the others stay: a template gated on a listed API is still reviewed.
        apiVersions: Array.isArray(valueAt(value, `${at}/apiVersions`))
          ? [...new Set((valueAt(value, `${at}/apiVersions`) as JsonValue[]).filter((v, j) => typeof v === 'string' && ok(`${at}/apiVersions/${j}`)) as string[])]
          : d.apiVersions,
        defaultNamespace: use(`${at}/defaultNamespace`) ? (valueAt(value, `${at}/defaultNamespace`) as string) : d.defaultNamespace,
        exclude: strings(`${at}/exclude`, d.exclude),
      });
    });
    if (clusters.length === 0) clusters = defaults.clusters;
  }

  const blocking: BlockingConfig = defaultBlocking();
  for (const key of Object.keys(blocking) as Array<keyof BlockingConfig>) {
    const pointer = `/blocking/${key}`;
    if (use(pointer)) blocking[key] = valueAt(value, pointer) as boolean;
  }

  return {
    clusters,
    enforcementPoint: use('/enforcementPoint') ? (valueAt(value, '/enforcementPoint') as string) : defaults.enforcementPoint,
    blocking,
    exemptions: {
      // A governance list with a bad entry still governs: the bad entries are dropped, never the whole list, so an
      // error cannot silently turn governance off.
      allowedNamespaces: present('/exemptions/allowedNamespaces') && Array.isArray(valueAt(value, '/exemptions/allowedNamespaces'))
        ? (valueAt(value, '/exemptions/allowedNamespaces') as JsonValue[])
            .filter((ns, i) => typeof ns === 'string' && ok(`/exemptions/allowedNamespaces/${i}`))
            .filter((ns, i, all) => all.indexOf(ns) === i) as string[]
        : present('/exemptions/allowedNamespaces') ? [] : undefined,
    },
    expandWorkloads: strings('/expandWorkloads', defaults.expandWorkloads),
    gitops: {
      enabled: use('/gitops/enabled') ? (valueAt(value, '/gitops/enabled') as boolean) : defaults.gitops.enabled,
      repoURLs: strings('/gitops/repoURLs', defaults.gitops.repoURLs),
    },
    // Narrows the operator's list: a bad entry is dropped, never the whole list (an error must not widen it).
    chartRepositories: present('/chartRepositories') && Array.isArray(valueAt(value, '/chartRepositories'))
      ? ((valueAt(value, '/chartRepositories') as JsonValue[]).filter((u, i) => typeof u === 'string' && ok(`/chartRepositories/${i}`)) as string[])
      : present('/chartRepositories') ? [] : undefined,
  };
}
