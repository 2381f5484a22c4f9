// Reading a kustomization for what it refers to, with the line of every reference. Pure: text in, data out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { InputError } from '../../gatekeeper/types.ts';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export function isKustomizationFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(base);
}

/** What a reference may name, as kustomize reads it. */
export type RefTarget = 'file-or-dir' | 'file' | 'dir' | 'plugin';

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

export interface GeneratorEntry {
  field: 'configMapGenerator' | 'secretGenerator';
  name: string;
  startLine: number;
  endLine: number;
}

export interface Kustomization {
  file: string;
  kind: 'Kustomization' | 'Component';
  refs: KustomizeRef[];
  inlinePlugins: InlinePluginConfig[];
  generators: GeneratorEntry[];
  /** Features preadmit refuses, each with its line: helm inflation needs the network or a chart home. */
  refusals: InputError[];
  /** The kustomization asks for origin annotations itself, so they belong to the object under review. */
  keepsOriginAnnotations: boolean;
  /** Set when the file does not parse; kustomize will fail on it and say why. */
  parseError?: string;
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
    refusals: [],
    keepsOriginAnnotations: false,
  };
  const doc = parseDocument(text, { lineCounter: lc, version: '1.1', prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    result.parseError = `${file}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`;
    return result;
  }
  const root = doc.contents;
  if (!isMap(root)) return result;
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const endLineOf = (n: Node | null | undefined): number => {
    if (!n?.range) return 1;
    // range[1] is just past the value; step back over the newline that ends it.
    return lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line;
  };
  const field = (name: string): Node | undefined => {
    const v = root.get(name, true);
    return v === undefined || v === null ? undefined : (v as Node);
  };
  const str = (n: unknown): string | undefined => (isScalar(n) && typeof n.value === 'string' ? n.value : undefined);

  if (str(field('kind')) === 'Component') result.kind = 'Component';

  for (const [name, target] of LIST_FIELDS) {
    const node = field(name);
    if (!isSeq(node)) continue;
    for (const item of node.items) {
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
    const node = field(name);
    if (!isSeq(node)) continue;
    for (const item of node.items) if (isMap(item)) pushPath(item.get('path', true), name);
  }

  const sms = field('patchesStrategicMerge');
  if (isSeq(sms)) {
    for (const item of sms.items) {
      const v = str(item);
      // An inline patch is YAML text; a path is one line.
      if (v !== undefined && !v.includes('\n') && !/^\s*[\w.-]+:\s/.test(v)) pushPath(item, 'patchesStrategicMerge');
    }
  }

  const openapi = field('openapi');
  if (isMap(openapi)) pushPath(openapi.get('path', true), 'openapi');

  for (const gen of ['configMapGenerator', 'secretGenerator'] as const) {
    const node = field(gen);
    if (!isSeq(node)) continue;
    for (const item of node.items) {
      if (!isMap(item)) continue;
      const name = str(item.get('name', true));
      if (name !== undefined) {
        result.generators.push({ field: gen, name, startLine: lineOf(item), endLine: endLineOf(item) });
      }
      for (const list of ['files', 'envs']) {
        const files = item.get(list, true);
        if (!isSeq(files)) continue;
        for (const f of files.items) {
          const v = str(f);
          if (v === undefined) continue;
          // `key=path` names the key; the file is after the first '='.
          const eq = list === 'files' ? v.indexOf('=') : -1;
          const p = eq >= 0 ? v.slice(eq + 1) : v;
          result.refs.push({ value: p.trim(), field: `${gen}.${list}`, target: 'file', line: lineOf(f as Node) });
        }
      }
      pushPath(item.get('env', true), `${gen}.env`);
    }
  }

  for (const name of ['helmCharts', 'helmChartInflationGenerator', 'helmGlobals']) {
    const node = field(name);
    if (node === undefined) continue;
    const line = lineOf(node);
    result.refusals.push({
      kind: 'render',
      message: `${file}:${line}: kustomize '${name}' (helm chart inflation) is refused: it may download charts; render the chart as a helm root instead`,
      source: { file, startLine: line, endLine: line },
    });
  }

  const build = field('buildMetadata');
  if (isSeq(build)) result.keepsOriginAnnotations = build.items.some((i) => str(i) === 'originAnnotations');
  return result;
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
