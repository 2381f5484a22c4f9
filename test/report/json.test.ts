import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { cluster, emptyReport, finding, fullReport, objectRef, report, SECRET_VALUE } from './reports.ts';

const DOC = readFileSync(new URL('../../docs/report-json.md', import.meta.url), 'utf8');

/** `| \`path\` | type | …` rows of the documentation: path → type column. */
function documentedFields(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of DOC.matchAll(/^\| `([^`]+)` \| ([^|]*(?:\\\|[^|]*)*) \|/gm)) out.set(m[1]!, m[2]!.trim());
  return out;
}

/** Every field path of a JSON value, arrays written as `[]`. */
function fieldPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) fieldPaths(v, `${prefix}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix === '' ? k : `${prefix}.${k}`;
      out.add(p);
      fieldPaths(v, p, out);
    }
  }
  return out;
}

function everythingReport(): SimulationReport {
  const r = fullReport();
  const c = r.clusters[0]!;
  c.findings.push(finding({ objectSource: { file: 'apps/x.yaml', startLine: 1, endLine: 2, renderedBy: 'kustomize:apps/prod' } }));
  c.policyChanges[0]!.noLongerDenied.push(objectRef('gone'));
  const source = { file: 'policies/p.yaml', startLine: 1, endLine: 9 };
  c.relaxations.push({
    type: 'enforcement',
    subject: 'K8sP/p',
    description: 'constraint K8sP/p demoted deny -> dryrun',
    source,
    allowed: false,
    letsThrough: [{ constraint: { kind: 'K8sP', name: 'p', source }, object: objectRef('pod'), objectSource: source, message: 'm', impliedBy: 'expand', before: 'deny', after: 'dryrun' }],
  });
  return r;
}

describe('renderJson', () => {
  it('documents every field it prints', () => {
    const documented = documentedFields();
    const shared = new Set(['group', 'version', 'kind', 'namespace', 'name', 'file', 'startLine', 'endLine', 'renderedBy']);
    const missing: string[] = [];
    for (const path of fieldPaths(JSON.parse(renderJson(everythingReport())))) {
      if (documented.has(path)) continue;
      const cut = path.lastIndexOf('.');
      const parentType = documented.get(path.slice(0, cut)) ?? documented.get(path.slice(0, cut).replace(/\[\]$/, '')) ?? '';
      if (/^(ObjectRef|SourceLocation)/.test(parentType) && shared.has(path.slice(cut + 1))) continue;
      missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('prints the model unchanged apart from key order, list order and masked Secret values', () => {
    const r = fullReport();
    const parsed = JSON.parse(renderJson(r)) as SimulationReport;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'base', 'head', 'enforcementPoint', 'verdict', 'clusters']);
    expect(parsed.verdict).toEqual(r.verdict);
    const sortIds = (x: SimulationReport) => x.clusters[0]!.findings.map((f) => f.id).sort();
    expect(sortIds(parsed)).toEqual(sortIds(r));
    expect(parsed.clusters[0]!.findings.find((f) => f.cause === 'policy')).toEqual(r.clusters[0]!.findings.find((f) => f.cause === 'policy'));
    const text = renderJson(r);
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain('plain-text-token-value');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,');
  });

  it('is byte-for-byte stable whatever order the simulation produced lists and keys in', () => {
    const r = fullReport();
    const shuffled = structuredClone(r);
    const c = shuffled.clusters[0]!;
    c.findings.reverse();
    c.exemptions.reverse();
    c.errors.reverse();
    c.renderedDiffs.reverse();
    // Same data, keys inserted in another order.
    c.findings = c.findings.map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f);
    expect(renderJson(shuffled)).toBe(renderJson(r));
  });

  it('renders an empty report and keeps many findings in order', () => {
    const empty = JSON.parse(renderJson(emptyReport())) as SimulationReport;
    expect(empty.clusters[0]!.findings).toEqual([]);
    const findings = Array.from({ length: 500 }, (_, i) => finding({ object: objectRef(`svc-${i}`), action: i % 2 === 0 ? 'deny' : 'warn' }));
    const parsed = JSON.parse(renderJson(report([cluster('default', { findings })]))) as SimulationReport;
    const list = parsed.clusters[0]!.findings;
    expect(list).toHaveLength(500);
    const firstWarn = list.findIndex((f) => f.actions[0] === 'warn');
    expect(firstWarn).toBe(250);
    expect(list.slice(firstWarn).every((f) => f.actions[0] === 'warn')).toBe(true);
  });
});
