import { describe, expect, it } from 'vitest';
import { escapeMarkdown, GITHUB_SUMMARY_LIMIT, renderMarkdown } from '../../src/report/markdown.ts';
import type { RenderedObjectDiff } from '../../src/simulate/types.ts';
import { BASE_SHA, cluster, emptyReport, finding, fullReport, HEAD_SHA, HOSTILE_MESSAGE, objectRef, report, SECRET_VALUE } from './reports.ts';

/** Cell separators of a GFM table row: pipes not escaped by a backslash. */
function separators(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

/** The rows (after the header and delimiter) of the table that follows `heading`. */
function tableAfter(summary: string, heading: RegExp): string[] {
  const lines = summary.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at < 0) return [];
  const start = lines.findIndex((l, i) => i > at && l.startsWith('|'));
  if (start < 0) return [];
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) rows.push(lines[i] ?? '');
  return rows;
}

/** Undoes escapeMarkdown's backslash escapes (what a CommonMark renderer shows). */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

describe('renderMarkdown', () => {
  it('says there is nothing new for an empty report', () => {
    const out = renderMarkdown(emptyReport());
    expect(out.title).toBe('No new violations');
    expect(out.summary).toContain('Passes');
    expect(out.summary).not.toContain('| Constraint');
    expect(out.summary.length).toBeLessThan(1000);
  });

  it('titles the outcome in numbers and tables every part of a full report', () => {
    const r = fullReport();
    const out = renderMarkdown(r, { repoUrl: 'https://github.com/acme/gitops' });
    const c = r.verdict.counts;
    expect(out.title).toContain(`${c.newDeny} new denial`);
    expect(out.title).toContain(`${c.newWarn} new warning`);
    expect(out.title).toContain(`${c.fixed} fixed`);
    expect(out.title).toContain(`${c.exemptionViolations} exemption outside the allow list`);
    expect(out.summary).toContain('Blocked');
    for (const b of r.verdict.blocking) expect(unescape(out.summary)).toContain(b);

    const newRows = tableAfter(out.summary, /^### New findings/);
    const newCount = r.clusters[0]!.findings.filter((f) => f.category === 'new' && f.cause !== 'policy').length;
    expect(newRows).toHaveLength(newCount);
    // The deny finding sorts before the warn finding.
    expect(newRows[0]).toContain('**deny**');
    expect(newRows[1]).toContain('warn');
    for (const row of newRows) expect(separators(row)).toBe(6);

    // Head-side sources link to the head commit, fixed findings (read at base) to the base commit.
    expect(out.summary).toContain(`](https://github.com/acme/gitops/blob/${HEAD_SHA}/apps/web.yaml#L3-L20)`);
    const fixedRows = tableAfter(out.summary, /^### Fixed/);
    expect(fixedRows).toHaveLength(1);
    expect(fixedRows[0]).toContain(`/blob/${BASE_SHA}/apps/worker.yaml#L3-L20`);

    expect(out.summary).toMatch(/### Policy changes \(1\)/);
    expect(tableAfter(out.summary, /^Findings caused by these policy changes/)).toHaveLength(1);
    expect(out.summary).toMatch(/### Promotions \(1\)/);
    expect(tableAfter(out.summary, /^### Exemption changes/)).toHaveLength(2);
    expect(out.summary).toContain('**outside the allow list**');
    const errorRows = tableAfter(out.summary, /^### Errors/);
    expect(errorRows).toHaveLength(2);
    expect(errorRows[0]).toMatch(/^\| head/);
    expect(out.summary).toMatch(/<details><summary>Unchanged violations \(1\)<\/summary>/);
    expect(out.summary).toMatch(/<details><summary>Rendered changes \(2 objects\)<\/summary>/);
    expect(out.summary).toContain('```diff\n--- a/Deployment prod/web');
  });

  it('escapes Markdown and HTML written by the pull request', () => {
    const hostile = finding({ message: HOSTILE_MESSAGE, object: objectRef('a|b<c>'), constraint: { kind: 'K8s`Evil`', name: 'x|y' } });
    const diff: RenderedObjectDiff = {
      object: objectRef('</summary></details><img src=x onerror=alert(1)>'),
      change: 'modified',
      root: 'kustomize:<b>root</b>',
      diff: '@@ -1 +1 @@\n-a\n+```\n+</details>\n+````\n+<script>alert(2)</script>\n',
    };
    const r = report([cluster('default', { findings: [hostile], renderedDiffs: [diff] })]);
    const out = renderMarkdown(r);
    const rows = tableAfter(out.summary, /^### New findings/);
    expect(rows).toHaveLength(1);
    expect(separators(rows[0]!)).toBe(6);
    expect(rows[0]).not.toContain('\n');
    // What a reader sees is the original text (minus line breaks), not markup.
    expect(unescape(rows[0]!)).toContain('x | y </details><script>alert(1)</script> `code` ``` [click](https://evil.example) **bold**');
    const outsideCode = out.summary.replace(/^(`{3,})diff\n[\s\S]*?\n\1\n/gm, '');
    expect(outsideCode).not.toMatch(/[^\\]<(script|img|\/details><script)/);
    expect(outsideCode).not.toMatch(/[^\\]\[click\]/);
    expect(out.summary).not.toContain('\u001b');
    // The summary line of the fold is HTML-escaped; the diff sits in a fence longer than any backtick run inside it.
    expect(out.summary).toContain('<summary>modified Deployment prod/&lt;/summary&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; (kustomize:&lt;b&gt;root&lt;/b&gt;)</summary>');
    const fence = /^(`{5,})diff$/m.exec(out.summary);
    expect(fence).not.toBeNull();
    const body = out.summary.slice(out.summary.indexOf(`${fence![1]}diff\n`) + fence![0].length + 1);
    const closing = body.indexOf(`\n${fence![1]}\n`);
    expect(body.slice(0, closing)).toContain('<script>alert(2)</script>');
  });

  it('masks Secret values that reach a rendered diff', () => {
    const out = renderMarkdown(fullReport());
    expect(out.summary).not.toContain(SECRET_VALUE);
    expect(out.summary).not.toContain('MIIBszCCAVmgAwIBAgIUeNotArealCert');
    expect(out.summary).not.toContain('plain-text-token-value');
    expect(out.summary).toContain('+  password: ***');
    // Non-secret objects are left as they are.
    expect(out.summary).toContain('+          privileged: true');
  });

  it('truncates a report too large for GitHub deterministically, dropping diffs first and saying what is left out', () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      finding({ object: objectRef(`svc-${String(i).padStart(4, '0')}`), message: `container <main> is privileged; ${'details '.repeat(8)}${i}` }),
    );
    const unchanged = Array.from({ length: 200 }, (_, i) => finding({ object: objectRef(`old-${i}`), category: 'unchanged' }));
    const diffs: RenderedObjectDiff[] = Array.from({ length: 100 }, (_, i) => ({
      object: objectRef(`svc-${i}`),
      change: 'modified',
      root: 'kustomize:apps/prod',
      diff: `@@ -1 +1 @@\n-replicas: 1\n+replicas: ${i}\n${'+  label: value\n'.repeat(50)}`,
    }));
    const r = report([cluster('default', { findings: [...findings, ...unchanged], renderedDiffs: diffs })]);
    const out = renderMarkdown(r);
    expect(out.summary.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(renderMarkdown(r).summary).toBe(out.summary);

    const shown = tableAfter(out.summary, /^### New findings/).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(3000);
    const note = /… (\d+) more new findings not shown; see the JSON report\./.exec(out.summary);
    expect(note).not.toBeNull();
    expect(Number(note![1]) + shown).toBe(3000);
    // Less important sections went first, whole: no diff, no unchanged row, and each says how many it left out.
    expect(out.summary).not.toContain('```diff');
    expect(out.summary).toContain('… 100 more rendered diffs not shown');
    expect(out.summary).toContain('… 200 more unchanged violations not shown');
  });

  it('drops only what it must: a report slightly over the limit loses rendered diffs and keeps every finding', () => {
    const findings = Array.from({ length: 40 }, (_, i) => finding({ object: objectRef(`svc-${i}`) }));
    const diffs: RenderedObjectDiff[] = Array.from({ length: 30 }, (_, i) => ({
      object: objectRef(`svc-${i}`),
      change: 'modified',
      root: 'kustomize:apps/prod',
      diff: `@@ -1 +1 @@\n${'+  line\n'.repeat(300)}`,
    }));
    const r = report([cluster('default', { findings, renderedDiffs: diffs })]);
    const full = renderMarkdown(r, { maxChars: 10_000_000 }).summary;
    const limit = full.length - 5000;
    const out = renderMarkdown(r, { maxChars: limit }).summary;
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(tableAfter(out, /^### New findings/)).toHaveLength(40);
    const kept = (out.match(/```diff/g) ?? []).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(30);
    expect(out).toContain(`… ${30 - kept} more rendered diffs not shown`);
  });

  it('stays under any limit, even one smaller than its fixed parts', () => {
    const r = fullReport();
    for (const limit of [200, 1000, 3000]) {
      const out = renderMarkdown(r, { maxChars: limit });
      expect(out.summary.length).toBeLessThanOrEqual(limit);
      expect(out.summary).toMatch(/see the JSON report/);
    }
  });

  it('shows one heading per cluster when there are several', () => {
    const r = report([
      cluster('prod', { findings: [finding({ cluster: 'prod' })] }),
      cluster('staging', { findings: [finding({ cluster: 'staging', action: 'warn' })] }),
    ]);
    const out = renderMarkdown(r);
    expect(out.summary).toContain('### Cluster <code>prod</code>');
    expect(out.summary).toContain('### Cluster <code>staging</code>');
    expect(out.summary.indexOf('prod</code>')).toBeLessThan(out.summary.indexOf('staging</code>'));
  });

  it('escapes every markup character and keeps plain words readable', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<b>')).toBe('\\<b\\>');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
    expect(escapeMarkdown('prod/web-1 apps.v1')).toBe('prod/web-1 apps.v1');
  });
});
