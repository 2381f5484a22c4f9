// Reading Chart.yaml for what rendering needs: name, type, dependencies and whether each is vendored.
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { InputError } from '../../gatekeeper/types.ts';
import { isUnder } from '../paths.ts';
import type { RepoTree } from '../kustomize/graph.ts';

export interface ChartDependency {
  name: string;
  repository: string;
  line: number;
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

/** Chart.yaml (and a v1 chart's requirements.yaml) into a Chart. */
export function parseChart(dir: string, chartYaml: string, requirementsYaml?: string): Chart {
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
    if (isMap(req.contents)) chart.dependencies.push(...dependenciesOf(req.contents.get('dependencies', true), rlc));
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
    out.push({ name: name.value, repository: typeof repo === 'string' ? repo : '', line: item.range ? lc.linePos(item.range[0]).line : 1 });
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
 * Every other application chart within `within` is a root, and so is every chart named in `configured`.
 */
export function chartRoles(charts: Map<string, Chart>, options: { within?: (dir: string) => boolean; configured?: Iterable<string> } = {}): ChartRoles {
  const configured = new Set(options.configured ?? []);
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
    } else if (within(dir) && charts.get(dir)!.type !== 'library') {
      roles.roots.push(dir);
      rendered.add(dir);
    }
  }
  roles.roots.sort();
  return roles;
}

/** Chart directories rendered as releases of their own (see chartRoles). */
export function chartRootDirs(charts: Map<string, Chart>, options: { within?: (dir: string) => boolean; configured?: Iterable<string> } = {}): string[] {
  return chartRoles(charts, options).roots;
}

/**
 * A dependency helm template can use without downloading: a subchart directory under charts/ whose
 * Chart.yaml has that name, or an archive `charts/<name>-<version>.tgz`.
 */
export function unvendoredDependencies(chart: Chart, charts: Map<string, Chart>, tree: RepoTree): InputError[] {
  const vendorDir = chart.dir === '' ? 'charts' : `${chart.dir}/charts`;
  const errors: InputError[] = [];
  for (const dep of chart.dependencies) {
    const asDir = [...charts.values()].some((c) => path.posix.dirname(c.dir) === vendorDir && c.name === dep.name);
    const asArchive = [...tree.files].some(
      (f) => path.posix.dirname(f) === vendorDir && f.endsWith('.tgz') && path.posix.basename(f).startsWith(`${dep.name}-`),
    );
    if (asDir || asArchive) continue;
    const from = dep.repository === '' ? '' : ` from ${dep.repository}`;
    errors.push({
      kind: 'render',
      message: `${chart.file}:${dep.line}: helm dependency '${dep.name}'${from} is not vendored under ${vendorDir}/: refused, rendering never downloads charts`,
      source: { file: chart.file, startLine: dep.line, endLine: dep.line },
    });
  }
  return errors;
}
