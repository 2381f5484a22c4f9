// The Markdown escaping layer, read back with a real CommonMark parser: for every hostile string in every place
// the pull request controls, the summary has only the structure preadmit writes and shows the string as text.
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, fenced, inlineCode } from '../../src/report/escape.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { HOSTILE_STRINGS, markdownProblems, markdownStructure } from '../support/markdown.ts';
import { cluster, finding, objectRef, report } from './reports.ts';

/** A report with `s` in every field the pull request controls. */
function hostileReport(s: string): SimulationReport {
  const source = { file: `apps/${s}.yaml`, startLine: 2, endLine: 9 };
  const object = objectRef(s, s, s);
  const constraint = { kind: `K8s${s}`, name: s, source: { file: `policies/${s}.yaml`, startLine: 1, endLine: 4 } };
  const r = report([
    cluster('default', {
      findings: [
        finding({ object, constraint, message: s, objectSource: source }),
        finding({ object, constraint, message: `${s} fixed`, category: 'fixed', objectSource: source }),
        finding({ object, constraint, message: `${s} unchanged`, category: 'unchanged', objectSource: source }),
        finding({ object, constraint, message: `${s} policy`, cause: 'policy', objectSource: source }),
      ],
      policyChanges: [{ type: 'constraint', name: s, change: 'modified', source, actionBefore: s as never, actionAfter: 'deny', newlyDenied: [object], noLongerDenied: [] }],
      promotions: [{ constraint, from: 'dryrun', to: 'deny', objects: [{ object, message: s, source }] }],
      exemptions: [{ owner: s, field: s as never, namespace: s, change: 'added', allowed: false, source }],
      errors: [{ ref: 'head', error: { kind: 'render', message: s, source } }],
      renderedDiffs: [{ object, change: 'modified', root: s, source, diff: `@@ -1 +1 @@\n-${s}\n+${s}\n ${s}` }],
    }),
  ]);
  r.base.ref = s;
  r.head.ref = s;
  r.verdict.blocking.push(s);
  return r;
}

describe('the Markdown summary with hostile content', () => {
  for (const s of HOSTILE_STRINGS) {
    it(`keeps its structure and shows the text: ${JSON.stringify(s).slice(0, 60)}`, () => {
      const out = renderMarkdown(hostileReport(s), { repoUrl: 'https://github.com/acme/gitops' });
      expect(markdownProblems(out.summary, 'https://github.com/acme/gitops/blob/')).toEqual([]);
      const structure = markdownStructure(out.summary);
      // Exactly the headings of this report's sections, in order.
      expect(structure.headings).toEqual(['❌ Blocked: this change would not be admitted as it is', 'New findings (1)', 'Policy changes (1)', 'Promotions (1)', 'Exemption changes (1)', 'Errors (1)', 'Fixed (1)']);
      // Three folds (unchanged violations, rendered changes, the one diff), each closed.
      expect(structure.htmlBlocks.filter((b) => b.startsWith('<details>'))).toHaveLength(3);
      // The content is there to read, as text (line breaks and controls aside).
      const visible = s.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().split(/\s+/)[0]!;
      expect(structure.text.replace(/\u2060/g, '').replace(/\ufffd/g, '')).toContain(visible.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
      expect(out.title).not.toMatch(/[\r\n]/);
    });
  }

  it('every hostile string at once, in one table', () => {
    const r = report([cluster('default', { findings: HOSTILE_STRINGS.map((s, i) => finding({ object: objectRef(`${s}-${i}`), message: s })) })]);
    const out = renderMarkdown(r);
    expect(markdownProblems(out.summary)).toEqual([]);
    const tables = markdownStructure(out.summary).tables;
    expect(tables).toHaveLength(1);
    expect(tables[0]).toHaveLength(HOSTILE_STRINGS.length + 1);
  });
});

describe('escape helpers', () => {
  it('inline text: one line, no markup, no mention, plain names stay readable', () => {
    expect(escapeMarkdown('prod/web-1 apps.v1')).toBe('prod/web-1 apps.v1');
    expect(escapeMarkdown('# ✅ all clear')).toBe('\\# ✅ all clear');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('a\r\nb\u2028c')).toBe('a b c');
    expect(escapeMarkdown('@octocat')).toBe('@\u2060octocat');
    for (const s of HOSTILE_STRINGS) {
      const t = markdownStructure(`before ${escapeMarkdown(s)} after\n`);
      expect(t.headings).toEqual([]);
      expect(t.htmlBlocks).toEqual([]);
      expect(t.htmlInline).toEqual([]);
      expect(t.links).toEqual([]);
      expect(t.fences).toBe(0);
      const p = markdownStructure(`${escapeMarkdown(s)}\n`);
      expect(p.headings).toEqual([]);
      expect(p.htmlBlocks).toEqual([]);
      expect(p.fences).toBe(0);
    }
  });

  it('inline code and HTML text cannot be closed by their content', () => {
    for (const s of HOSTILE_STRINGS) {
      const code = markdownStructure(`x ${inlineCode(s)} y\n`);
      expect(code.htmlInline).toEqual(['<code>', '</code>']);
      const html = markdownStructure(`<details><summary>${escapeHtml(s)}</summary>\n\nbody\n\n</details>\n`);
      expect(html.htmlBlocks).toHaveLength(2);
      expect(html.htmlBlocks[0]).toMatch(/^<details><summary>[^<>\n]*<\/summary>\n$/);
    }
  });

  it('a fence is longer than any backtick run in its body; CR cannot end a line inside it', () => {
    for (let n = 1; n <= 20; n++) {
      const body = `${'`'.repeat(n)}\n</details>\n# ✅ all clear\r# again\n${'~'.repeat(n)}`;
      const s = markdownStructure(`${fenced(body, 'diff')}after\n`);
      expect(s.fences).toBe(1);
      expect(s.headings).toEqual([]);
      expect(s.htmlBlocks).toEqual([]);
      expect(s.text).toContain('</details>');
      expect(s.text).toContain('after');
    }
    expect(fenced('x', 'd`i\nff')).toMatch(/^```diff\n/);
  });
});
