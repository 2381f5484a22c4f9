// The "Policy relaxations" part of every rendering: what each relaxation lets through, on the right lines, with the
// pull request's text (constraint names, object names, messages) unable to break out of its place.
import { describe, expect, it } from 'vitest';
import { renderAnnotations } from '../../src/report/annotations.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import type { PolicyRelaxation } from '../../src/simulate/types.ts';
import { cluster, HOSTILE_MESSAGE, objectRef, report } from './reports.ts';

const CONSTRAINT_SOURCE = { file: 'policies/privileged.yaml', startLine: 4, endLine: 12 };

function relaxations(): PolicyRelaxation[] {
  return [
    {
      type: 'enforcement',
      subject: 'K8sPSPPrivileged/psp|privileged',
      description: 'constraint K8sPSPPrivileged/psp|privileged demoted deny -> dryrun',
      source: CONSTRAINT_SOURCE,
      allowed: false,
      letsThrough: [
        {
          constraint: { kind: 'K8sPSPPrivileged', name: 'psp|privileged', source: CONSTRAINT_SOURCE },
          object: objectRef('a|b<c>'),
          objectSource: { file: 'apps/web.yaml', startLine: 1, endLine: 20 },
          message: HOSTILE_MESSAGE,
          before: 'deny',
          after: 'dryrun',
        },
      ],
    },
    { type: 'constraint-removed', subject: 'K8sRequiredLabels/team', description: 'constraint K8sRequiredLabels/team removed', source: { file: 'policies/team.yaml', startLine: 1, endLine: 9 }, allowed: false, letsThrough: [] },
    { type: 'exemption', subject: 'K8sRequiredLabels/owner', description: 'constraint K8sRequiredLabels/owner exempts namespace(s) "kube-system"', allowed: true, letsThrough: [] },
  ];
}

const relaxed = () => report([cluster('default', { relaxations: relaxations() })]);

describe('policy relaxations in the reports', () => {
  it('Markdown: a section per relaxation with a row per violation it lets through, user text escaped', () => {
    const out = renderMarkdown(relaxed());
    expect(out.title).toContain('2 policy relaxations');
    expect(out.summary).toContain('### Policy relaxations (3)');
    expect(out.summary).toContain('constraint K8sPSPPrivileged/psp\\|privileged demoted deny -\\> dryrun');
    expect(out.summary).toContain('lets through 1 violation');
    expect(out.summary).toContain('removed** (policies/team.yaml:1-9): lets through 0 violations');
    expect(out.summary).toContain('not blocking');
    const rows = out.summary.split('\n').filter((l) => l.includes('deny → dryrun'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toContain('<script>');
    expect(rows[0]).not.toMatch(/[^\\]\|\s*y/);
    expect(out.summary).not.toContain('</details><script>');
  });

  it('text, JSON, SARIF and annotations', () => {
    const r = relaxed();
    const text = renderText(r, { color: false });
    expect(text).toContain('policy relaxations (3)');
    expect(text).toContain('deny → dryrun  K8sPSPPrivileged/psp|privileged  Deployment prod/a|b<c>  apps/web.yaml:1-20');
    expect(text).not.toContain('\u001b');

    const json = JSON.parse(renderJson(r)) as { verdict: { counts: Record<string, number> }; clusters: Array<{ relaxations: Array<Record<string, unknown>> }> };
    expect(json.verdict.counts.policyRelaxations).toBe(2);
    expect(json.clusters[0]!.relaxations.map((x) => Object.keys(x))[0]).toEqual(['type', 'subject', 'description', 'allowed', 'source', 'letsThrough']);
    expect(json.clusters[0]!.relaxations.map((x) => x.subject)).toEqual(['K8sPSPPrivileged/psp|privileged', 'K8sRequiredLabels/owner', 'K8sRequiredLabels/team']);

    const sarif = renderSarif(r).runs[0]!.results.filter((x) => x.ruleId === 'preadmit/policy-relaxation');
    // The allowed exemption is not a result; the removal points at where the constraint was.
    expect(sarif.map((x) => x.locations[0]?.physicalLocation?.artifactLocation.uri)).toEqual(['policies/privileged.yaml', 'policies/team.yaml']);
    expect(sarif[0]!.message.text).toContain('lets through 1 violation(s): Deployment prod/a|b<c> (K8sPSPPrivileged/psp|privileged deny -> dryrun)');

    // A removal has only a base location: no annotation on the head commit for it.
    const annotations = renderAnnotations(r).filter((a) => a.title.includes('policy relaxation'));
    expect(annotations.map((a) => `${a.path}:${a.start_line} ${a.annotation_level}`)).toEqual(['policies/privileged.yaml:4 failure']);
    expect(annotations[0]!.raw_details).toContain('Deployment prod/a|b<c> (apps/web.yaml:1-20): K8sPSPPrivileged/psp|privileged deny → dryrun');
    expect(annotations[0]!.raw_details).not.toContain('\u001b');
  });
});
