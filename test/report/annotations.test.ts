import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_TEXT_BYTES,
  ANNOTATION_TITLE_CHARS,
  annotationBatches,
  renderAnnotations,
  type CheckRunAnnotation,
} from '../../src/report/annotations.ts';
import type { WebhookAction } from '../../src/simulate/types.ts';
import { cluster, emptyReport, finding, fullReport, objectRef, report } from './reports.ts';

function sortedCopy(list: CheckRunAnnotation[]): CheckRunAnnotation[] {
  const rank = { failure: 0, warning: 1, notice: 2 };
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.start_line - b.start_line || rank[a.annotation_level] - rank[b.annotation_level]);
}

describe('renderAnnotations', () => {
  it('has nothing to say about an empty report', () => {
    expect(renderAnnotations(emptyReport())).toEqual([]);
  });

  it('puts each new finding on its object, policy findings on the constraint, head errors where they happened', () => {
    const r = fullReport();
    const list = renderAnnotations(r);
    const c = r.clusters[0]!;
    const byTitle = (re: RegExp) => list.filter((a) => re.test(a.title));

    const newObjectFindings = c.findings.filter((f) => f.category === 'new' && f.cause !== 'policy');
    for (const f of newObjectFindings) {
      const a = list.find((x) => x.title.includes(f.constraint.name) && x.title.includes(f.object.name));
      expect(a, f.id).toBeDefined();
      expect(a!.path).toBe(f.objectSource!.file);
      expect([a!.start_line, a!.end_line]).toEqual([f.objectSource!.startLine, f.objectSource!.endLine]);
      expect(a!.message).toBe(f.message);
      expect(a!.raw_details).toContain(f.id);
    }
    const levels = Object.fromEntries(newObjectFindings.map((f) => [f.actions[0], list.find((x) => x.title.includes(f.object.name))!.annotation_level]));
    expect(levels).toEqual({ deny: 'failure', warn: 'warning' });

    const policyFinding = c.findings.find((f) => f.cause === 'policy')!;
    const onConstraint = list.find((a) => a.title.includes(policyFinding.object.name) && a.title.startsWith('deny'))!;
    expect(onConstraint.path).toBe(policyFinding.constraint.source!.file);
    expect(onConstraint.message).toContain(policyFinding.message);

    expect(byTitle(/^promotion: K8sRequiredProbes\/probes dryrun → deny$/)).toHaveLength(1);
    const exemption = byTitle(/^exemption outside the allow list: payments$/);
    expect(exemption).toHaveLength(1);
    expect(exemption[0]!.annotation_level).toBe('failure');
    // A removed exemption, a base error, fixed and unchanged findings get no annotation.
    expect(byTitle(/kube-system/)).toHaveLength(0);
    expect(list.filter((a) => a.path === 'old.yaml')).toHaveLength(0);
    expect(list.filter((a) => a.title.includes('worker') || a.title.includes('legacy'))).toHaveLength(0);
    const errors = byTitle(/^render error$/);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('apps/broken/kustomization.yaml');

    expect(list).toEqual(sortedCopy(list));
  });

  it('gives every one of more than 50 findings its annotation, in a stable order, in batches of 50', () => {
    const actions: WebhookAction[] = ['deny', 'warn', 'dryrun'];
    const findings = Array.from({ length: 137 }, (_, i) =>
      finding({ object: objectRef(`svc-${String(i).padStart(3, '0')}`), action: actions[i % 3]!, objectSource: { file: `apps/f${i % 7}.yaml`, startLine: 1 + (i % 13) * 10, endLine: 9 + (i % 13) * 10 } }),
    );
    const r = report([cluster('default', { findings })]);
    const list = renderAnnotations(r);
    expect(list).toHaveLength(137);
    expect(list).toEqual(sortedCopy(list));
    const shuffled = report([cluster('default', { findings: [...findings].reverse() })]);
    expect(renderAnnotations(shuffled)).toEqual(list);
    const levels = new Map<string, number>();
    for (const a of list) levels.set(a.annotation_level, (levels.get(a.annotation_level) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toEqual({ failure: 46, warning: 46, notice: 45 });
    const batches = annotationBatches(list);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 37]);
    expect(batches.flat()).toEqual(list);
  });

  it('keeps titles and messages within GitHub limits and lines valid', () => {
    const huge = 'é'.repeat(100_000);
    const f = finding({
      object: objectRef('x'.repeat(400)),
      message: huge,
      objectSource: { file: 'apps/x.yaml', startLine: 0, endLine: -3 },
    });
    const [a] = renderAnnotations(report([cluster('default', { findings: [f] })]));
    expect(a).toBeDefined();
    expect(a!.title.length).toBeLessThanOrEqual(ANNOTATION_TITLE_CHARS);
    expect(Buffer.byteLength(a!.message, 'utf8')).toBeLessThanOrEqual(ANNOTATION_TEXT_BYTES);
    expect(a!.message.endsWith('…')).toBe(true);
    expect(a!.start_line).toBe(1);
    expect(a!.end_line).toBeGreaterThanOrEqual(a!.start_line);
  });

  it('never annotates a path outside the repository or a finding without a source', () => {
    const findings = [
      finding({ objectSource: { file: '/etc/passwd', startLine: 1, endLine: 1 } }),
      finding({ objectSource: { file: '../outside.yaml', startLine: 1, endLine: 1 } }),
      finding({ objectSource: { file: 'preadmit:default-expansion', startLine: 1, endLine: 1 } }),
      finding({ objectSource: undefined }),
      finding({ objectSource: { file: 'ok.yaml', startLine: 2, endLine: 4 } }),
    ];
    const list = renderAnnotations(report([cluster('default', { findings })]));
    expect(list.map((a) => a.path)).toEqual(['ok.yaml']);
  });

  it('shows terminal control characters of messages as text', () => {
    const f = finding({ message: 'bad\u001b[2Jthing\u202Eevil' });
    const [a] = renderAnnotations(report([cluster('default', { findings: [f] })]));
    expect(a!.message).toBe('bad\\u{1b}[2Jthing\\u{202e}evil');
  });

  it('names the cluster when the report has several', () => {
    const r = report([
      cluster('prod', { findings: [finding({ cluster: 'prod', object: objectRef('same') })] }),
      cluster('staging', { findings: [finding({ cluster: 'staging', object: objectRef('same') })] }),
    ]);
    expect(renderAnnotations(r).map((a) => a.title.split(' ')[0])).toEqual(['[prod]', '[staging]']);
  });
});
