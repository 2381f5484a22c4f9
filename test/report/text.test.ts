import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/report/exit.ts';
import { renderText } from '../../src/report/text.ts';
import { cluster, emptyReport, finding, fullReport, HOSTILE_MESSAGE, objectRef, report } from './reports.ts';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderText', () => {
  it('prints a passing empty report in two lines plus the stats', () => {
    const out = renderText(emptyReport(), { color: false });
    expect(out.split('\n')[0]).toBe('✔ PASS  No new violations');
    expect(out).not.toContain('\u001b');
  });

  it('lists new and fixed findings with their source and message', () => {
    const r = fullReport();
    const out = renderText(r, { color: false });
    expect(out.split('\n')[0]).toMatch(/^✖ FAIL {2}2 new denials, 1 new warning, 1 fixed/);
    for (const f of r.clusters[0]!.findings.filter((x) => x.category !== 'unchanged')) {
      expect(out).toContain(f.message);
      expect(out).toContain(`${f.objectSource!.file}:${f.objectSource!.startLine}-${f.objectSource!.endLine}`);
    }
    expect(out).toContain('1 unchanged violation');
    expect(out).toContain('outside the allow list');
  });

  it('colours only when asked, and colours change nothing else', () => {
    const r = fullReport();
    const coloured = renderText(r, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(renderText(r, { color: false }));
  });

  it('never lets a message drive the terminal', () => {
    const r = report([cluster('default', { findings: [finding({ message: HOSTILE_MESSAGE, object: objectRef('a\u001b]0;pwned\u0007') })] })]);
    for (const color of [false, true]) {
      const out = renderText(r, { color }).replace(ANSI, '');
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(out).toContain('\\u{1b}[31m');
    }
  });

  it('keeps one line pair per finding for many findings', () => {
    const findings = Array.from({ length: 250 }, (_, i) => finding({ object: objectRef(`svc-${i}`) }));
    const out = renderText(report([cluster('default', { findings })]), { color: false });
    expect(out.split('\n').filter((l) => l.startsWith('  deny '))).toHaveLength(250);
  });
});

describe('exitCodeFor', () => {
  it('is 0 on success and 1 on failure', () => {
    expect(exitCodeFor(emptyReport().verdict)).toBe(0);
    expect(exitCodeFor(fullReport().verdict)).toBe(1);
  });
});
