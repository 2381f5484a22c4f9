// Reading Chart.yaml for what rendering needs: name, type, dependencies and whether each is vendored.
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { InputError } from '../../gatekeeper/types.ts';
import { isUnder, resolveInRepo } from '../paths.ts';
import type { RepoTree } from '../kustomize/graph.ts';
import { refusalOf, type ChartAllowList } from './remote.ts';

export interface ChartDependency {
  name: string;
  repository: string;
  /** As written in Chart.yaml: a version or a semver constraint ('' when absent). */
  version: string;
  /** The version Chart.lock (requirements.lock) pins for this dependency, if it does. */
  locked?: string;
  line: number;
  /** The file declaring it when not Chart.yaml (a v1 chart's requirements.yaml). */
  file?: string;
}

export interface Chart {
  dir: string;
  file: string;
  name: string;
  type: string;
  dependencies: ChartDependency[];
  parseError?: string;
}

export function isChartFile(file: string): boolean {
  return file === 'Chart.yaml' || file.endsWith('/Chart.yaml');
}

/** Chart.yaml (and a v1 chart's requirements.yaml, and Chart.lock or requirements.lock) into a Chart. */
export function parseChart(dir: string, chartYaml: string, requirementsYaml?: string, lockYaml?: string): Chart {
  const file = dir === '' ? 'Chart.yaml' : `${dir}/Chart.yaml`;
  const chart: Chart = { dir, file, name: path.posix.basename(dir === '' ? '.' : dir), type: 'application', dependencies: [] };
  const lc = new LineCounter();
  const doc = parseDocument(chartYaml, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    chart.parseError = `${file}:${lc.linePos(doc.errors[0]!.pos[0]).line}: ${doc.errors[0]!.message.split('\n')[0]}`;
    return chart;
  }
  const root = doc.contents;
  if (!isMap(root)) return chart;
  const name = root.get('name');
  if (typeof name === 'string' && name !== '') chart.name = name;
  const type = root.get('type');
  if (typeof type === 'string') chart.type = type;
  chart.dependencies.push(...dependenciesOf(root.get('dependencies', true), lc));
  if (requirementsYaml !== undefined) {
    const rlc = new LineCounter();
    const req = parseDocument(requirementsYaml, { lineCounter: rlc, prettyErrors: false });
    const reqFile = dir === '' ? 'requirements.yaml' : `${dir}/requirements.yaml`;
    if (isMap(req.contents)) chart.dependencies.push(...dependenciesOf(req.contents.get('dependencies', true), rlc).map((d) => ({ ...d, file: reqFile })));
  }
  if (lockYaml !== undefined) {
    const llc = new LineCounter();
    const lock = parseDocument(lockYaml, { lineCounter: llc, prettyErrors: false });
    const pinned = isMap(lock.contents) ? dependenciesOf(lock.contents.get('dependencies', true), llc) : [];
    // helm dependency build takes each dependency's version from the lock (matched by name and repository).
    for (const dep of chart.dependencies) {
      const hit = pinned.find((p) => p.name === dep.name && p.repository === dep.repository);
      if (hit !== undefined && hit.version !== '') dep.locked = hit.version;
    }
  }
  return chart;
}

function dependenciesOf(node: unknown, lc: LineCounter): ChartDependency[] {
  if (!isSeq(node)) return [];
  const out: ChartDependency[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = item.get('name', true);
    if (!isScalar(name) || typeof name.value !== 'string') continue;
    const repo = item.get('repository');
    const version = item.get('version');
    out.push({
      name: name.value,
      repository: typeof repo === 'string' ? repo : '',
      version: typeof version === 'string' || typeof version === 'number' ? String(version) : '',
      line: item.range ? lc.linePos(item.range[0]).line : 1,
    });
  }
  return out;
}

export interface ChartRoles {
  /** Charts rendered as releases of their own. */
  roots: string[];
  /** Subchart directory → the rendered chart whose `charts/` vendors it (helm renders it as part of that chart). */
  subcharts: Map<string, string>;
}

/**
 * Which charts are rendered and how. A chart directly under another chart's `charts/` is a subchart only
 * when that parent is itself rendered (a root, or a subchart of one): a `Chart.yaml` placed at a parent
 * folder, a library chart or a chart outside the discovery paths does not make a chart a silent subchart.
 * Every other application chart within `within` is a root (except charts a kustomization inflates with helm: `inflated`,
 * rendered through that kustomization), and so is every chart named in `configured`.
 */
export function chartRoles(
  charts: Map<string, Chart>,
  options: { within?: (dir: string) => boolean; configured?: Iterable<string>; inflated?: ReadonlySet<string> } = {},
): ChartRoles {
  const configured = new Set(options.configured ?? []);
  const inflated = options.inflated ?? new Set<string>();
  const within = options.within ?? (() => true);
  const depth = (d: string): number => (d === '' ? 0 : d.split('/').length);
  const roles: ChartRoles = { roots: [], subcharts: new Map() };
  const rendered = new Set<string>();
  for (const dir of [...charts.keys()].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))) {
    const vendorDir = path.posix.dirname(dir);
    const parent = path.posix.basename(vendorDir) === 'charts' && dir !== '' ? (vendorDir === 'charts' ? '' : path.posix.dirname(vendorDir)) : undefined;
    if (configured.has(dir)) {
      roles.roots.push(dir);
      rendered.add(dir);
    } else if (parent !== undefined && rendered.has(parent)) {
      roles.subcharts.set(dir, parent);
      rendered.add(dir);
    } else if (within(dir) && charts.get(dir)!.type !== 'library' && ![...inflated].some((d) => isUnder(dir, d))) {
      roles.roots.push(dir);
      rendered.add(dir);
    }
  }
  roles.roots.sort();
  return roles;
}

/**
 * The chart's dependencies helm template would need to download: those from an allowed http(s) repository are
 * to be fetched by preadmit (`remote`, into `charts/` before helm runs); any other is an error at its line.
 */
export function chartDependencies(
  chart: Chart,
  charts: Map<string, Chart>,
  tree: RepoTree,
  allow: ChartAllowList,
): { errors: InputError[]; remote: ChartDependency[]; local: { dep: ChartDependency; dir: string }[] } {
  const vendorDir = chart.dir === '' ? 'charts' : `${chart.dir}/charts`;
  const errors: InputError[] = [];
  const remote: ChartDependency[] = [];
  const local: { dep: ChartDependency; dir: string }[] = [];
  for (const dep of chart.dependencies) {
    const asDir = [...charts.values()].some((c) => path.posix.dirname(c.dir) === vendorDir && c.name === dep.name);
    const asArchive = [...tree.files].some(
      (f) => path.posix.dirname(f) === vendorDir && f.endsWith('.tgz') && path.posix.basename(f).startsWith(`${dep.name}-`),
    );
    if (asDir || asArchive) continue;
    const file = dep.file ?? chart.file;
    const at = { file, startLine: dep.line, endLine: dep.line };
    if (/^file:\/\//i.test(dep.repository)) {
      // A chart of this repository (as `helm dependency build` copies it): resolved from the chart's directory, within the repository.
      const dir = resolveInRepo(chart.dir, dep.repository.slice('file://'.length));
      const target = dir === undefined ? undefined : charts.get(dir);
      if (dir === undefined) errors.push({ kind: 'render', message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository} leaves the repository: refused`, source: at });
      else if (target === undefined || dir === chart.dir) errors.push({ kind: 'render', message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${dir || '.'} is not another chart directory (no Chart.yaml) of this repository`, source: at });
      else if (target.name !== dep.name) errors.push({ kind: 'render', message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: the chart there is named '${target.name}'`, source: at });
      else if (!/^[\w.-]+$/.test(dep.name)) errors.push({ kind: 'render', message: `${file}:${dep.line}: helm dependency name '${dep.name}' is not a chart name`, source: at });
      else local.push({ dep, dir });
      continue;
    }
    const refused = /^(https?|oci):\/\//i.test(dep.repository) ? refusalOf(dep.repository, allow) : undefined;
    if (/^(https?|oci):\/\//i.test(dep.repository) && refused === undefined && /^[\w.-]+$/.test(dep.name)) {
      remote.push(dep);
      continue;
    }
    const from = dep.repository === '' ? '' : ` from ${dep.repository}`;
    const why = /^(https?|oci):\/\//i.test(dep.repository) ? `remote chart repository not allowed: ${dep.repository}` : 'rendering never downloads charts';
    errors.push({
      kind: 'render',
      message: `${file}:${dep.line}: helm dependency '${dep.name}'${from} is not vendored under ${vendorDir}/: refused, ${why}`,
      source: at,
    });
  }
  return { errors, remote, local };
}

/** Keywords whose value names another schema document to load. */
const REFERENCE_KEYS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);
/** Meta-schemas a JSON Schema library knows without loading anything. */
const KNOWN_META_SCHEMA = /^https?:\/\/json-schema\.org\/(draft-0[3467]\/schema|draft\/(2019-09|2020-12)\/schema)#?$/;

/**
 * References in a chart's values.schema.json that could make helm's schema loader read a file or a URL:
 * a `$ref` (or `$dynamicRef`/`$recursiveRef`) that is not a fragment of the same document (`#/...`; helm
 * resolves anything else against a base outside the chart, so even a relative path is not a chart file),
 * a `$schema` that is not a well-known JSON Schema draft, an `$id` that sets a base which is a file or a path
 * (or a draft-04 `id` with a file: URL; a plain `id` is often just data). Each is an error naming the file and line, given before helm runs. A schema that does not parse as
 * JSON is refused too: its references cannot be checked. (The jail makes one that slips through harmless:
 * helm sees no file but the chart and no network.)
 */
export function schemaReferenceErrors(file: string, text: string): InputError[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const refuse = (offset: number, what: string): InputError => {
    const line = lc.linePos(offset).line;
    return {
      kind: 'render',
      message: `${file}:${line}: ${what}: refused, helm would load it from outside the chart (rendering reads no file outside the repository and uses no network)`,
      source: { file, startLine: line, endLine: line },
    };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return [refuse(e.pos[0], `schema is not valid JSON (${e.message.split('\n')[0]}), so its references cannot be checked`)];
  }
  const errors: InputError[] = [];
  const show = (v: string): string => JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}…` : v);
  const walk = (node: unknown): void => {
    if (isSeq(node)) for (const item of node.items) walk(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value;
      if (typeof key === 'string' && isScalar(value) && typeof value.value === 'string') {
        const v = value.value;
        const at = value.range?.[0] ?? 0;
        if (REFERENCE_KEYS.has(key) && !v.startsWith('#')) errors.push(refuse(at, `schema reference '${key}: ${show(v)}' is not a fragment of this schema (#/...)`));
        else if (key === '$schema' && !KNOWN_META_SCHEMA.test(v.trim())) errors.push(refuse(at, `'$schema: ${show(v)}' is not a well-known JSON Schema draft`));
        else if ((key === '$id' && baseLeavesSchema(v)) || (key === 'id' && /^\s*file:/i.test(v))) {
          errors.push(refuse(at, `schema base '${key}: ${show(v)}' names a file or path`));
        }
      }
      walk(value);
    }
  };
  walk(doc.contents);
  return errors;
}

/** An `$id` that is neither a fragment nor an http(s)/urn/tag identifier: a file URL, an absolute or climbing path. */
function baseLeavesSchema(id: string): boolean {
  const v = id.trim();
  if (v.startsWith('#')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return !/^(https?|urn|tag):/i.test(v);
  return v.startsWith('/') || v.startsWith('\\') || v.split(/[\\/]/).includes('..');
}
