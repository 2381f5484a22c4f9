// Hostile repository: sizes and counts out of proportion. Every case is refused or cut with a message naming the
// file and the limit, the check fails closed, and reports stay bounded. Counts and sizes are asserted, not time.
import { describe, expect, it } from 'vitest';
import { capObjectsPerRef, DEFAULT_MAX_OBJECTS_PER_FILE, DEFAULT_MAX_OBJECTS_PER_REF, lineLocator, loadManifests } from '../../src/gatekeeper/load.ts';
import type { InputError } from '../../src/gatekeeper/types.ts';
import { MAX_DIFF_CHARS, MAX_LISTED, MAX_MESSAGE_CHARS } from '../../src/report/format.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown, GITHUB_SUMMARY_LIMIT } from '../../src/report/markdown.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { cluster, finding, objectRef, report } from '../report/reports.ts';
import { useTestRepos } from '../simulate/harness.ts';
import { cli } from './support.ts';

const newRepo = useTestRepos();

describe('object counts', () => {
  it('a file of more documents than the limit: an error naming file and limit, the check fails closed', async () => {
    const repo = newRepo();
    const base = repo.commit({ 'README.md': 'x\n' });
    const docs = Array.from({ length: DEFAULT_MAX_OBJECTS_PER_FILE + 5 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: shop}\n`).join('');
    const head = repo.commit({ 'apps/many.yaml': docs });
    const r = await cli(['diff', '--repo', repo.dir, '--base', base, '--head', head, '-o', 'json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out) as SimulationReport;
    const errors = rep.clusters[0]!.errors.filter((e) => e.ref === 'head');
    expect(errors.map((e) => e.error.message)).toContain(`apps/many.yaml:${4 * DEFAULT_MAX_OBJECTS_PER_FILE + 2}: more than ${DEFAULT_MAX_OBJECTS_PER_FILE} documents in one file; the rest of the file was not read`);
    expect(rep.verdict.conclusion).toBe('failure');
    expect(rep.clusters[0]!.stats.objectsHead).toBeLessThanOrEqual(DEFAULT_MAX_OBJECTS_PER_FILE);
  }, 180_000);

  it('YAML and JSON streams stop at the limit, wherever it falls', () => {
    for (const limit of [1, 2, 10]) {
      const yaml = loadManifests('---\na: 1\n'.repeat(limit + 3), 'f.yaml', { maxObjects: limit });
      expect(yaml.objects).toHaveLength(limit);
      expect(yaml.errors.map((e) => e.message)).toEqual([`f.yaml:${2 * limit + 2}: more than ${limit} documents in one file; the rest of the file was not read`]);
      const json = loadManifests('{"a":1}\n'.repeat(limit + 3), 'f.json', { maxObjects: limit });
      expect(json.objects).toHaveLength(limit);
      expect(json.errors.map((e) => e.message)).toEqual([`f.json:${limit + 1}: more than ${limit} documents in one file; the rest of the file was not read`]);
    }
    // Empty documents (`---` alone) are not objects and do not count.
    expect(loadManifests('---\n---\n---\na: 1\n', 'e.yaml', { maxObjects: 1 }).errors).toEqual([]);
  });

  it('a 20,000-object JSON stream (1.3 MB) loads every object with its own lines', () => {
    const docs: string[] = [];
    for (let i = 0; i < 20_000; i++) docs.push(`{"kind":"ConfigMap","apiVersion":"v1",\n"metadata":{"name":"c${i}"}}`);
    const text = docs.join('\n');
    expect(text.length).toBeGreaterThan(1_200_000);
    const r = loadManifests(text, 'big.json');
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(20_000);
    expect(r.objects[0]!.source).toEqual({ file: 'big.json', startLine: 1, endLine: 2 });
    expect(r.objects[19_999]!.source).toEqual({ file: 'big.json', startLine: 39_999, endLine: 40_000 });
  });

  it('objects per ref: the first ones are kept, an error names the first file left out and the limit', () => {
    const objects = Array.from({ length: DEFAULT_MAX_OBJECTS_PER_REF + 3 }, (_, i) => ({ source: { file: `apps/f${Math.floor(i / 1000)}.yaml`, startLine: (i % 1000) + 1, endLine: (i % 1000) + 1 } }));
    const errors: InputError[] = [];
    const kept = capObjectsPerRef(objects, errors);
    expect(kept).toHaveLength(DEFAULT_MAX_OBJECTS_PER_REF);
    expect(errors.map((e) => e.message)).toEqual([`apps/f20.yaml:1: more than ${DEFAULT_MAX_OBJECTS_PER_REF} objects at this ref; 3 objects from here on were not reviewed`]);
    expect(capObjectsPerRef(objects.slice(0, 5), errors, 5)).toHaveLength(5);
    expect(errors).toHaveLength(1);
  });

  it('line numbers by offset: binary search over line starts', () => {
    const text = 'a\nbb\n\nccc';
    const line = lineLocator(text);
    expect([0, 1, 2, 4, 5, 6, 9, 100].map(line)).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
  });
});

describe('report sizes', () => {
  const many = MAX_LISTED + 250;
  const big = (): SimulationReport =>
    report([
      cluster('default', {
        findings: Array.from({ length: many }, (_, i) => finding({ object: objectRef(`app-${String(i).padStart(5, '0')}`), message: i === 0 ? 'x'.repeat(1_000_000) : `m${i}` })),
        renderedDiffs: [{ object: objectRef('huge'), change: 'added', root: 'plain:apps', diff: `+${'y'.repeat(500_000)}` }],
        errors: Array.from({ length: many }, (_, i) => ({ ref: 'head' as const, error: { kind: 'load' as const, message: `e${i}`, source: { file: `f${i}.yaml`, startLine: 1, endLine: 1 } } })),
      }),
    ]);

  it('JSON lists at most MAX_LISTED entries per list and counts the rest; messages and diffs are cut', () => {
    const text = renderJson(big());
    const json = JSON.parse(text);
    const c = json.clusters[0];
    expect(c.findings).toHaveLength(MAX_LISTED);
    expect(c.errors).toHaveLength(MAX_LISTED);
    expect(c.omitted).toEqual({ findings: 250, renderedDiffs: 0, errors: 250 });
    expect(c.findings.every((f: { message: string }) => f.message.length <= MAX_MESSAGE_CHARS)).toBe(true);
    expect(c.renderedDiffs[0].diff.length).toBeLessThan(MAX_DIFF_CHARS + 100);
    expect(text.length).toBeLessThan(8_000_000);
    // The counts of the verdict still cover everything.
    expect(json.verdict.counts.newDeny).toBe(many);
  });

  it('SARIF and text say how many were left out', () => {
    const sarif = renderSarif(big());
    const run = sarif.runs[0]!;
    expect(run.results.filter((r) => r.ruleId !== 'preadmit/input-error')).toHaveLength(MAX_LISTED);
    expect(run.invocations[0]!.toolExecutionNotifications?.[0]?.message.text).toBe(`250 more findings left out (at most ${MAX_LISTED} are listed); see the JSON report.`);
    expect(JSON.stringify(sarif).length).toBeLessThan(12_000_000);
    const text = renderText(big(), { color: false });
    expect(text).toContain('… 250 more new findings left out; see -o json');
    expect(text).toContain('… 250 more errors left out; see -o json');
    expect(text.length).toBeLessThan(2_000_000);
    expect(renderMarkdown(big()).summary.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
  });
});
