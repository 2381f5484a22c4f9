// Terminal text: compact, one line per finding plus its message, ANSI colours when asked. Content from the pull
// request never reaches the terminal raw: control characters (escape sequences, bidi overrides) are shown as text.
import type { SourceLocation } from '../gatekeeper/types.ts';
import type { ClusterReport, Finding, SimulationReport, WebhookAction } from '../simulate/types.ts';
import {
  capped,
  constraintLabel,
  cutMessage,
  isPolicyCaused,
  locationLabel,
  objectLabel,
  outcomeTitle,
  plural,
  shortSha,
  sortedFindings,
  strongestAction,
  visibleControls,
} from './format.ts';

export interface TextOptions {
  color: boolean;
}

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold';
const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** Renders the report for a terminal. */
export function renderText(report: SimulationReport, options: TextOptions): string {
  const paint = (style: Style, s: string): string => (options.color ? `\u001b[${CODES[style][0]}m${s}\u001b[${CODES[style][1]}m` : s);
  const safe = (s: string): string => visibleControls(s).replace(/\n/g, ' ');
  const actionStyle: Record<WebhookAction, Style> = { deny: 'red', warn: 'yellow', dryrun: 'cyan' };
  const where = (s: SourceLocation | undefined): string => (s === undefined ? '' : `  ${paint('dim', safe(locationLabel(s)))}`);
  const lines: string[] = [];
  const v = report.verdict;
  const pass = v.conclusion === 'success';
  lines.push(`${paint(pass ? 'green' : 'red', paint('bold', pass ? '✔ PASS' : '✖ FAIL'))}  ${outcomeTitle(report)}`);
  lines.push(
    paint('dim', `  ${safe(report.base.ref)} (${safe(shortSha(report.base.sha))}) → ${safe(report.head.ref)} (${safe(shortSha(report.head.sha))}), ${safe(report.enforcementPoint)}`),
  );
  for (const b of v.blocking) lines.push(`  ${paint('red', '•')} ${safe(b)}`);

  const findingLines = (f: Finding, indent: string): void => {
    const action = strongestAction(f.actions);
    const mark = f.category === 'fixed' ? paint('green', 'fixed ') : paint(actionStyle[action], action.padEnd(6));
    lines.push(`${indent}${mark} ${paint('bold', safe(constraintLabel(f.constraint)))}  ${safe(objectLabel(f.object))}${where(f.location ?? f.objectSource)}`);
    lines.push(`${indent}       ${safe(cutMessage(f.message))}`);
    if (f.category === 'changed' && f.previousMessage !== undefined) lines.push(`${indent}       ${paint('dim', `was: ${safe(f.previousMessage)}`)}`);
    if (f.onCreate) lines.push(`${indent}       ${paint('dim', 'the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created')}`);
  };
  /** At most MAX_LISTED entries of a list, then how many were left out. */
  const each = <T>(list: T[], indent: string, what: string, show: (x: T) => void): void => {
    const { shown, omitted } = capped(list);
    for (const x of shown) show(x);
    if (omitted > 0) lines.push(`${indent}${paint('dim', `… ${omitted} more ${what} left out; see -o json`)}`);
  };

  const multi = report.clusters.length > 1;
  for (const c of report.clusters) clusterText(c);

  function clusterText(c: ClusterReport): void {
    const indent = multi ? '    ' : '  ';
    if (multi) lines.push('', paint('bold', `cluster ${safe(c.name)}`));
    const heading = (title: string): void => {
      lines.push(`${multi ? '  ' : ''}${paint('bold', title)}`);
    };
    const newObject = sortedFindings(c.findings, (f) => f.category === 'new' && !isPolicyCaused(f));
    const fixed = sortedFindings(c.findings, (f) => f.category === 'fixed' && !isPolicyCaused(f));
    const byPolicy = sortedFindings(c.findings, (f) => (f.category === 'new' || f.category === 'fixed') && isPolicyCaused(f));
    // Changed findings are still violations: counted with the unchanged ones, listed with both messages.
    const changed = sortedFindings(c.findings, (f) => f.category === 'changed');
    const unchanged = c.findings.filter((f) => f.category === 'unchanged').length + changed.length;
    if (newObject.length > 0) {
      lines.push('');
      heading(`new (${newObject.length})`);
      each(newObject, indent, 'new findings', (f) => findingLines(f, indent));
    }
    if (c.policyChanges.length > 0 || byPolicy.length > 0) {
      lines.push('');
      heading(`policy changes (${c.policyChanges.length})`);
      for (const p of c.policyChanges) {
        const actions = p.actionBefore !== undefined || p.actionAfter !== undefined ? ` (${safe(p.actionBefore ?? '—')} → ${safe(p.actionAfter ?? '—')})` : '';
        const effect = [
          p.newlyDenied.length > 0 ? paint('red', `newly rejects ${plural(p.newlyDenied.length, 'existing object')}`) : '',
          p.noLongerDenied.length > 0 ? paint('green', `stops rejecting ${plural(p.noLongerDenied.length, 'object')}`) : '',
        ].filter((s) => s !== '');
        lines.push(`${indent}${p.change} ${p.type} ${paint('bold', safe(p.name))}${actions}${effect.length > 0 ? `: ${effect.join(', ')}` : ''}${where(p.source)}`);
      }
      each(byPolicy, `${indent}  `, 'findings caused by policy changes', (f) => findingLines(f, `${indent}  `));
    }
    if (c.relaxations.length > 0) {
      lines.push('');
      heading(`policy relaxations (${c.relaxations.length})`);
      for (const r of c.relaxations) {
        const note = r.allowed ? paint('green', ' (allowed exemption)') : '';
        lines.push(`${indent}${paint('bold', safe(r.description))}: lets through ${plural(r.letsThrough.length, 'violation')}${note}${where(r.source)}`);
        for (const t of r.letsThrough) lines.push(`${indent}  ${t.before} → ${t.after}  ${safe(constraintLabel(t.constraint))}  ${safe(objectLabel(t.object))}${where(t.objectSource)}  ${safe(t.message)}`);
      }
    }
    if (c.promotions.length > 0) {
      lines.push('');
      heading(`promotions (${c.promotions.length})`);
      for (const p of c.promotions) {
        lines.push(`${indent}${paint('bold', safe(constraintLabel(p.constraint)))} ${safe(p.from)} → ${safe(p.to)}: ${plural(p.objects.length, 'existing object')} would start being rejected${where(p.constraint.source)}`);
        each(p.objects, `${indent}  `, 'objects', (o) => lines.push(`${indent}  ${safe(objectLabel(o.object))}${where(o.source)}  ${safe(cutMessage(o.message))}`));
      }
    }
    if (c.exemptions.length > 0) {
      lines.push('');
      heading(`exemptions (${c.exemptions.length})`);
      for (const e of c.exemptions) {
        const verdict = e.change === 'removed' ? '' : e.allowed ? paint('green', '  allowed') : paint('red', '  outside the allow list');
        lines.push(`${indent}${e.change} ${paint('bold', safe(e.namespace))} in ${safe(e.owner)} ${safe(e.field)}${verdict}${where(e.source)}`);
      }
    }
    if (c.errors.length > 0) {
      lines.push('');
      heading(`errors (${c.errors.length})`);
      each(c.errors, indent, 'errors', (e) => {
        const ref = e.existing ? paint('yellow', `${e.ref} (also at base)`) : paint(e.ref === 'head' ? 'red' : 'yellow', e.ref);
        lines.push(`${indent}${ref} ${safe(e.error.kind)}${where(e.error.source)}  ${safe(cutMessage(e.error.message))}`);
      });
    }
    const duplicates = c.duplicates ?? [];
    if (duplicates.length > 0) {
      lines.push('');
      heading(`objects rendered more than once (${duplicates.length}), each copy reported on its own`);
      for (const d of duplicates) lines.push(`${indent}${d.ref} ${safe(objectLabel(d.object))}: ${d.copies.map((x) => `${safe(x.root)}${where(x.source)}`).join(', ')}`);
    }
    const unsimulated = c.coverage?.notSimulated ?? [];
    if (unsimulated.length > 0) {
      lines.push('');
      heading(`not simulated (${unsimulated.length})`);
      for (const n of unsimulated) lines.push(`${indent}${n.changed ? paint('yellow', 'touched ') : ''}${paint('bold', safe(n.what))}${where(n.source)}  ${safe(cutMessage(n.reason))}`);
    }
    if (fixed.length > 0) {
      lines.push('');
      heading(`fixed (${fixed.length})`);
      each(fixed, indent, 'fixed findings', (f) => findingLines(f, indent));
    }
    if (changed.length > 0) {
      lines.push('');
      heading(`still violating, message changed (${changed.length})`);
      for (const f of changed) findingLines(f, indent);
    }
    const rest: string[] = [];
    if (unchanged > 0) rest.push(plural(unchanged, 'unchanged violation'));
    if (c.renderedDiffs.length > 0) rest.push(`${plural(c.renderedDiffs.length, 'rendered object')} changed`);
    const s = c.stats;
    rest.push(`${plural(s.objectsHead, 'object')} at head, ${plural(s.reviews, 'review')}, ${(s.durationMs / 1000).toFixed(1)} s`);
    lines.push('', paint('dim', `${multi ? '  ' : ''}${rest.join(' · ')}`));
  }
  return `${lines.join('\n')}\n`;
}
