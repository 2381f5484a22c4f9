// Hostile repository: file names, object names and policy messages written to break out of the reviewer-facing
// text (Markdown structure, HTML, fences, mentions, terminal escapes, GitHub Actions workflow commands). Every
// format is produced by the real `preadmit` command and read back: the Markdown with a CommonMark parser.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderAnnotations } from '../../src/report/annotations.ts';
import { constraint, useTestRepos } from '../simulate/harness.ts';
import { HOSTILE_STRINGS, markdownProblems, markdownStructure } from '../support/markdown.ts';
import { neutraliseWorkflowCommands } from '../../src/report/format.ts';
import { everyOutput } from './support.ts';

const newRepo = useTestRepos();

const WORKFLOW_COMMANDS = ['::add-mask::CANARY-mask', '::stop-commands::tok', '::warning file=x.yaml,line=1::CANARY-warning', '  ::error::CANARY-error', '##[error]CANARY-v1'];

const ECHO = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: echo
spec:
  crd:
    spec:
      names:
        kind: Echo
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package echo
        violation[{"msg": msg}] {
          msg := input.review.object.metadata.annotations.msg
        }
`;

function configMap(name: string, msg: string): string {
  return `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: shop\n  annotations:\n    msg: ${JSON.stringify(msg)}\ndata:\n  k: ${JSON.stringify(msg)}\n`;
}

/** Lines the GitHub Actions runner would act on: `::` after leading blanks, or `##[` anywhere. */
function workflowCommandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

describe('reviewer-facing text from a hostile repository', () => {
  it('Markdown keeps its structure, no output carries a workflow command or a terminal escape', async () => {
    const repo = newRepo();
    const base = repo.commit({
      'policies/echo.yaml': ECHO,
      'policies/constraints.yaml': constraint('Echo', 'echo', '    kinds:\n      - apiGroups: [""]\n        kinds: ["ConfigMap"]\n'),
    });
    const messages = [...HOSTILE_STRINGS, `workflow\n${WORKFLOW_COMMANDS.join('\n')}`, `cr\r${WORKFLOW_COMMANDS.join('\r')}`];
    const head = repo.commit({
      'apps/hostile.yaml': messages.map((m, i) => configMap(`cm-${i}`, m)).join(''),
      'apps/names.yaml': HOSTILE_STRINGS.map((s, i) => configMap(`${s}-${i}`, `name ${i}`)).join(''),
      // File names are pull-request content too: a newline, a fence, HTML, a workflow command.
      'apps/x\n# ✅ all clear ``` <details>.yaml': configMap('in-odd-file', 'odd file'),
      'apps/::warning file=a::CANARY-file.yaml': configMap('in-command-file', 'command file'),
    });
    const outputs = await everyOutput(repo.dir, base, head);

    const report = JSON.parse(outputs['diff -o json']!.text) as SimulationReport;
    expect(report.verdict.conclusion).toBe('failure');
    // Every hostile object was reviewed and reported (the check is not vacuous).
    expect(report.clusters[0]!.findings.filter((f) => f.category === 'new')).toHaveLength(messages.length + HOSTILE_STRINGS.length + 2);
    expect(report.clusters[0]!.findings.some((f) => f.objectSource?.file === 'apps/x\n# ✅ all clear ``` <details>.yaml')).toBe(true);

    // The check-run summary (the app's) and the CLI's Markdown: only preadmit's structure.
    const summary = renderMarkdown(report, { repoUrl: 'https://github.com/acme/gitops' }).summary;
    expect(markdownProblems(summary, 'https://github.com/acme/gitops/blob/')).toEqual([]);
    expect(markdownStructure(summary).headings).toEqual(['❌ Blocked: this change would not be admitted as it is', `New findings (${messages.length + HOSTILE_STRINGS.length + 2})`]);
    const cliMarkdown = outputs['diff -o markdown']!.text;
    const [title, ...rest] = cliMarkdown.split('\n');
    expect(title).toMatch(/^# \d+ new denials?$/);
    expect(markdownProblems(rest.join('\n'))).toEqual([]);

    // Annotations: one-line titles, no controls.
    for (const a of renderAnnotations(report)) {
      expect(a.title).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u2028\u2029]/);
      expect(a.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u001b]/);
    }

    for (const [name, { text }] of Object.entries(outputs)) {
      expect(workflowCommandLines(text), name).toEqual([]);
      expect(text.includes('\u001b'), `${name} carries an escape character`).toBe(false);
    }
    // The canaries are still readable (neutralised, not dropped).
    expect(outputs['diff -o text']!.text).toContain('CANARY-warning');
  }, 180_000);

  it('workflow commands are neutralised at line starts, after CR, after blanks, and `##[` anywhere', () => {
    const text = ['::add-mask::secret', 'x\r::stop-commands::tok', '   ::warning file=a.yaml::w', '\t::error::e', 'say ##[error]v1', 'a::b stays'].join('\n');
    const out = neutraliseWorkflowCommands(text);
    expect(workflowCommandLines(out)).toEqual([]);
    expect(out.replace(/\u2060/g, '')).toBe(text);
    expect(out).toContain('a::b stays');
    // A write that continues a line is not at a line start; one that starts after a newline is.
    expect(neutraliseWorkflowCommands('::x::y', false)).toBe('::x::y');
    expect(workflowCommandLines(neutraliseWorkflowCommands('::x::y', true))).toEqual([]);
  });
});
