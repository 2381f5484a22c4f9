// Reading a kustomization for what it refers to, with the line of every reference. Pure: text in, data out.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import type { InputError } from '../../gatekeeper/types.ts';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export function isKustomizationFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(base);
}

/** What a reference may name, as kustomize reads it. */
type RefTarget = 'file-or-dir' | 'file' | 'dir' | 'plugin';

export interface KustomizeRef {
  value: string;
  field: string;
  target: RefTarget;
  line: number;
}

/** An inline plugin configuration (a YAML string in generators/transformers/validators). */
export interface InlinePluginConfig {
  text: string;
  field: string;
  line: number;
}

interface GeneratorEntry {
  field: 'configMapGenerator' | 'secretGenerator';
  name: string;
  startLine: number;
  endLine: number;
}

/**
 * One chart kustomize inflates with helm (`helmCharts`, the deprecated `helmChartInflationGenerator`, or a builtin
 * `HelmChartInflationGenerator` plugin config): what is needed to find or fetch the chart before kustomize runs.
 */
export interface HelmChartEntry {
  /** The file declaring it and the entry's lines. */
  file: string;
  startLine: number;
  endLine: number;
  field: string;
  name: string;
  /** `repo:` as written ('' for none): an http(s) chart repository URL or an `oci://` reference. */
  repo: string;
  /** `version:` as written ('' for none). */
  version: string;
  releaseName?: string;
  /** `devel: true`: kustomize passes `--devel` to helm, which then takes pre-releases when no version is given. */
  devel?: boolean;
  /** The chart home as written (`helmGlobals.chartHome`, default `charts`), relative to the kustomization's directory. */
  chartHome: string;
}

/** kustomize's default chart home (types.HelmDefaultHome). */
export const HELM_DEFAULT_CHART_HOME = 'charts';

export interface Kustomization {
  file: string;
  kind: 'Kustomization' | 'Component';
  refs: KustomizeRef[];
  inlinePlugins: InlinePluginConfig[];
  generators: GeneratorEntry[];
  /** Charts inflated with helm (`helmCharts`). */
  helmCharts: HelmChartEntry[];
  /** Features preadmit refuses, each with its line: helm inflation needs the network or a chart home. */
  refusals: InputError[];
  /** The kustomization asks for origin annotations itself, so they belong to the object under review. */
  keepsOriginAnnotations: boolean;
  /** Set when the file does not parse (or holds several documents): the root is refused, its references unknown. */
  parseError?: string;
  parseErrorLine?: number;
}

const LIST_FIELDS: [string, RefTarget][] = [
  ['resources', 'file-or-dir'],
  ['bases', 'dir'],
  ['components', 'dir'],
  ['crds', 'file'],
  ['configurations', 'file'],
  ['generators', 'plugin'],
  ['transformers', 'plugin'],
  ['validators', 'plugin'],
];

export function parseKustomization(text: string, file: string): Kustomization {
  const lc = new LineCounter();
  const result: Kustomization = {
    file,
    kind: 'Kustomization',
    refs: [],
    inlinePlugins: [],
    generators: [],
    helmCharts: [],
    refusals: [],
    keepsOriginAnnotations: false,
  };
  // go-yaml v2 (behind kustomize's sigs.k8s.io/yaml): YAML 1.1, merge keys, a later duplicate key wins.
  const docs = parseAllDocuments(text, { lineCounter: lc, version: '1.1', merge: true, prettyErrors: false, uniqueKeys: false });
  const documents = (Array.isArray(docs) ? docs : [docs]) as Document.Parsed[];
  const failed = documents.find((d) => d.errors.length > 0);
  if (failed !== undefined) {
    const e = failed.errors[0]!;
    result.parseErrorLine = lc.linePos(e.pos[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: ${e.message.split('\n')[0]}`;
    return result;
  }
  // A bare `---` (leading or trailing) makes an empty document: kustomize reads past it.
  const nonEmpty = documents.filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null && d.contents.source === ''));
  if (nonEmpty.length > 1) {
    // kustomize 5.8.1 reads the first document and ignores the others without a word: whatever they say
    // (paths out of the repository included) is one edit away from being read. Refused.
    result.parseErrorLine = lc.linePos(nonEmpty[1]!.range[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: a kustomization file holds one YAML document, this one holds ${nonEmpty.length}`;
    return result;
  }
  const doc = nonEmpty[0];
  const root = doc === undefined ? undefined : resolved(doc.contents, doc);
  if (doc === undefined || !isMap(root)) return result;
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const endLineOf = (n: Node | null | undefined): number => {
    if (!n?.range) return 1;
    // range[1] is just past the value; step back over the newline that ends it.
    return lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line;
  };
  const top = goFields(root, doc);
  // Every spelling of a field is read (kustomize keeps one of them; each is checked).
  const fieldAll = (name: string, fields = top): Node[] => fields.get(name.toLowerCase())?.map((f) => f.value) ?? [];
  const field = (name: string, fields = top): Node | undefined => goValue(fields, name);
  const seqItems = (n: Node | undefined): Node[] => (isSeq(n) ? n.items.map((i) => resolved(i, doc)).filter((i): i is Node => i !== undefined) : []);
  const itemsOf = (name: string, fields = top): Node[] => fieldAll(name, fields).flatMap(seqItems);
  const mapFields = (n: Node): GoFields | undefined => (isMap(n) ? goFields(n, doc) : undefined);
  const str = (n: unknown): string | undefined => (isScalar(n) && typeof n.value === 'string' ? n.value : undefined);

  if (str(field('kind')) === 'Component') result.kind = 'Component';

  for (const [name, target] of LIST_FIELDS) {
    for (const item of itemsOf(name)) {
      const v = str(item);
      if (v === undefined) continue;
      if (target === 'plugin' && v.includes('\n')) {
        result.inlinePlugins.push({ text: v, field: name, line: lineOf(item as Node) });
        continue;
      }
      result.refs.push({ value: v.trim(), field: name, target, line: lineOf(item as Node) });
    }
  }

  const pushPath = (n: unknown, name: string): void => {
    const v = str(n);
    if (v !== undefined && v.trim() !== '') result.refs.push({ value: v.trim(), field: name, target: 'file', line: lineOf(n as Node) });
  };

  for (const name of ['patches', 'patchesJson6902', 'replacements']) {
    for (const item of itemsOf(name)) {
      const fields = mapFields(item);
      if (fields !== undefined) for (const p of fieldAll('path', fields)) pushPath(p, name);
    }
  }

  for (const item of itemsOf('patchesStrategicMerge')) {
    const v = str(item);
    // An inline patch is YAML text; a path is one line.
    if (v !== undefined && !v.includes('\n') && !/^\s*[\w.-]+:\s/.test(v)) pushPath(item, 'patchesStrategicMerge');
  }

  for (const openapi of fieldAll('openapi')) {
    const fields = mapFields(openapi);
    if (fields !== undefined) for (const p of fieldAll('path', fields)) pushPath(p, 'openapi');
  }

  for (const gen of ['configMapGenerator', 'secretGenerator'] as const) {
    for (const item of itemsOf(gen)) {
      const fields = mapFields(item);
      if (fields === undefined) continue;
      const name = str(field('name', fields));
      if (name !== undefined) {
        result.generators.push({ field: gen, name, startLine: lineOf(item), endLine: endLineOf(item) });
      }
      for (const list of ['files', 'envs']) {
        for (const f of itemsOf(list, fields)) {
          const v = str(f);
          if (v === undefined) continue;
          // `key=path` names the key; the file is after the first '='.
          const eq = list === 'files' ? v.indexOf('=') : -1;
          const p = eq >= 0 ? v.slice(eq + 1) : v;
          result.refs.push({ value: p.trim(), field: `${gen}.${list}`, target: 'file', line: lineOf(f as Node) });
        }
      }
      for (const env of fieldAll('env', fields)) pushPath(env, `${gen}.env`);
    }
  }

  // helm chart inflation (kustomize's HelmChartInflationGenerator): each chart with its line; its values files are
  // references like any other file (checked to stay in the repository).
  const globals = field('helmGlobals');
  const globalFields = globals !== undefined ? mapFields(globals) : undefined;
  const writtenHome = (fields: GoFields | undefined): string | undefined => (fields === undefined ? undefined : str(field('chartHome', fields)));
  const legacy = itemsOf('helmChartInflationGenerator').map(mapFields).filter((f): f is GoFields => f !== undefined);
  // The deprecated form's chartHome applies only without helmGlobals (the last non-empty one wins).
  const legacyHome = legacy.map(writtenHome).filter((h) => h !== undefined && h !== '').at(-1);
  const home = (globals !== undefined ? writtenHome(globalFields) : legacyHome) || HELM_DEFAULT_CHART_HOME;
  if (globals !== undefined && globalFields === undefined) {
    const line = lineOf(globals);
    result.refusals.push({ kind: 'render', message: `${file}:${line}: helmGlobals is not a map`, source: { file, startLine: line, endLine: line } });
  }
  const chartEntry = (item: Node, fields: GoFields, fieldName: string, keys: { name: string; repo: string; version: string; values: string; release: string }): void => {
    result.helmCharts.push({
      file,
      startLine: lineOf(item),
      endLine: endLineOf(item),
      field: fieldName,
      name: str(field(keys.name, fields)) ?? '',
      repo: (str(field(keys.repo, fields)) ?? '').trim(),
      version: scalarText(field(keys.version, fields)),
      ...(str(field(keys.release, fields)) !== undefined ? { releaseName: str(field(keys.release, fields))! } : {}),
      ...(fieldName === 'helmCharts' && isScalar(field('devel', fields)) && (field('devel', fields) as { value: unknown }).value === true ? { devel: true } : {}),
      chartHome: home,
    });
    pushPath(field(keys.values, fields), `${fieldName}.${keys.values}`);
    for (const v of itemsOf('additionalValuesFiles', fields)) pushPath(v, `${fieldName}.additionalValuesFiles`);
  };
  for (const item of itemsOf('helmCharts')) {
    const fields = mapFields(item);
    if (fields !== undefined) chartEntry(item, fields, 'helmCharts', { name: 'name', repo: 'repo', version: 'version', values: 'valuesFile', release: 'releaseName' });
  }
  for (const item of itemsOf('helmChartInflationGenerator')) {
    const fields = mapFields(item);
    if (fields !== undefined) chartEntry(item, fields, 'helmChartInflationGenerator', { name: 'chartName', repo: 'chartRepoUrl', version: 'chartVersion', values: 'values', release: 'releaseName' });
  }

  result.keepsOriginAnnotations = seqItems(field('buildMetadata')).some((i) => str(i) === 'originAnnotations');
  return result;
}

/** A scalar as Go's YAML reads it into a string field ('' when absent or not a scalar): `version: 1.2` is "1.2". */
function scalarText(n: unknown): string {
  if (!isScalar(n) || n.value === null || n.value === undefined) return '';
  return typeof n.source === 'string' && n.source !== '' ? n.source : String(n.value);
}

/** Values of a YAML map by field name lower-cased, in the order go-yaml would apply them. */
type GoFields = Map<string, { key: string; value: Node }[]>;

/** Aliases followed to what they name (a bounded number of hops). */
function resolved(n: unknown, doc: Document): Node | undefined {
  let cur = n;
  for (let i = 0; i < 32 && isAlias(cur); i++) cur = cur.resolve(doc);
  return cur === null || cur === undefined || isAlias(cur) ? undefined : (cur as Node);
}

/**
 * A YAML map read as kustomize reads a kustomization: sigs.k8s.io/yaml turns it into JSON (go-yaml v2:
 * aliases resolved, `<<` merge keys expanded, `!!binary` keys decoded), then Go's encoding/json fills the
 * struct, matching keys case-insensitively. So `Resources:`, `"res\x6furces":` and a merged-in
 * `resources:` all set the field; every one is kept here.
 */
function goFields(map: YAMLMap, doc: Document): GoFields {
  const out: GoFields = new Map();
  const visit = (m: YAMLMap, depth: number): void => {
    if (depth > 32) return;
    for (const pair of m.items) {
      const key = resolved(pair.key, doc);
      const value = resolved(pair.value, doc);
      if (!isScalar(key)) continue;
      if (typeof key.value === 'symbol') {
        // `<<: *base` or `<<: [*a, *b]`: the named maps' keys, applied where the merge key stands.
        for (const source of isSeq(value) ? value.items.map((i) => resolved(i, doc)) : [value]) {
          if (isMap(source)) visit(source, depth + 1);
        }
        continue;
      }
      if (value === undefined) continue;
      const k = key.value instanceof Uint8Array ? Buffer.from(key.value).toString('utf8') : String(key.value);
      const list = out.get(k.toLowerCase()) ?? [];
      list.push({ key: k, value });
      out.set(k.toLowerCase(), list);
    }
  };
  visit(map, 0);
  return out;
}

/**
 * The one value kustomize keeps for a field: go-yaml v2 applies keys (merged ones where the `<<` stands) in
 * order, a later one winning (kustomize 5.8.1: `resources: [a]` then `<<: {resources: [b]}` reads b); the
 * JSON object then lists keys sorted, and encoding/json lets the last case-insensitive match win.
 */
function goValue(fields: GoFields, name: string): Node | undefined {
  const all = fields.get(name.toLowerCase());
  if (all === undefined || all.length === 0) return undefined;
  let best = all[0]!;
  for (const c of all) if (c.key >= best.key) best = c;
  return best.value;
}

/**
 * Whether kustomize would fetch `ref` over the network instead of reading a local path: URLs of any
 * scheme, scp-like `user@host:path`, go-getter `git::`, `?ref=` query strings, and bare `host.tld/...`
 * paths that name nothing in the repository (a local directory called `app.prod` stays local).
 */
export function isRemoteReference(ref: string, existsLocally = false): boolean {
  const r = ref.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) return true;
  if (/^[a-z0-9+.-]+::/i.test(r)) return true;
  if (/^[^/\s]+@[^/\s]+:/.test(r)) return true;
  if (/\?(.*&)?(ref|version|submodules|timeout)=/.test(r)) return true;
  if (/(^|\/)_git\//.test(r) || /\.git(\/|$|\/\/)/.test(r)) return true;
  const first = r.split('/')[0] ?? '';
  if (existsLocally) return false;
  return first !== '.' && first !== '..' && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$/i.test(first) && r.includes('/');
}
