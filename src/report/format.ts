// Wording and ordering shared by every rendering of a SimulationReport, so that all of them say the same thing.
import type { SourceLocation } from '../gatekeeper/types.ts';
import type { ConstraintRef, Finding, ObjectRef, SimulationReport, Verdict, WebhookAction } from '../simulate/types.ts';

const ACTION_RANK: Record<WebhookAction, number> = { deny: 0, warn: 1, dryrun: 2 };

/** The most severe action of a finding (deny over warn over dryrun). */
export function strongestAction(actions: WebhookAction[]): WebhookAction {
  let best: WebhookAction = 'dryrun';
  for (const a of actions) if (ACTION_RANK[a] < ACTION_RANK[best]) best = a;
  return best;
}

/** `Deployment prod/web`, or `Namespace team-a` for a cluster-scoped object. */
export function objectLabel(o: ObjectRef): string {
  return o.namespace === '' ? `${o.kind} ${o.name}` : `${o.kind} ${o.namespace}/${o.name}`;
}

export function constraintLabel(c: ConstraintRef): string {
  return `${c.kind}/${c.name}`;
}

/** `path:12` or `path:12-30`. */
export function locationLabel(s: SourceLocation): string {
  return s.endLine > s.startLine ? `${s.file}:${s.startLine}-${s.endLine}` : `${s.file}:${s.startLine}`;
}

/** Whether a source names a file of the repository (not a renderer's or preadmit's own pseudo-file). */
export function isRepositoryPath(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(file) && !/(^|\/)\.\.(\/|$)/.test(file) && !file.includes('\\');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CATEGORY_RANK = { new: 0, fixed: 1, changed: 2, unchanged: 3 } as const;

/** The order findings are shown in everywhere: category, severity, file and line, constraint, object, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.cluster, b.cluster) ||
    CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] ||
    ACTION_RANK[strongestAction(a.actions)] - ACTION_RANK[strongestAction(b.actions)] ||
    compareStrings(a.objectSource?.file ?? '\uffff', b.objectSource?.file ?? '\uffff') ||
    (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) ||
    compareStrings(a.constraint.kind, b.constraint.kind) ||
    compareStrings(a.constraint.name, b.constraint.name) ||
    compareStrings(objectLabel(a.object), objectLabel(b.object)) ||
    compareStrings(a.object.group, b.object.group) ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.id, b.id)
  );
}

export function sortedFindings(findings: Finding[], filter: (f: Finding) => boolean = () => true): Finding[] {
  return findings.filter(filter).sort(compareFindings);
}

/** New and fixed findings whose only cause is a policy change are shown with that change, not with the objects. */
export function isPolicyCaused(f: Finding): boolean {
  return f.cause === 'policy';
}

/** The check-run title: the outcome in numbers, e.g. "2 new denials, 1 new warning, 1 fixed". */
export function outcomeTitle(report: SimulationReport): string {
  const c = report.verdict.counts;
  const parts: string[] = [];
  if (c.newDeny > 0) parts.push(plural(c.newDeny, 'new denial'));
  if (c.newWarn > 0) parts.push(plural(c.newWarn, 'new warning'));
  if (c.newDryrun > 0) parts.push(plural(c.newDryrun, 'new dry-run violation'));
  if (c.fixed > 0) parts.push(`${c.fixed} fixed`);
  if (c.exemptionViolations > 0) parts.push(plural(c.exemptionViolations, 'exemption outside the allow list', 'exemptions outside the allow list'));
  if (c.policyRelaxations > 0) parts.push(plural(c.policyRelaxations, 'policy relaxation'));
  if (c.errors > 0) parts.push(plural(c.errors, 'error'));
  const promotions = report.clusters.reduce((n, cl) => n + cl.promotions.length, 0);
  if (promotions > 0) parts.push(plural(promotions, 'promotion'));
  if (parts.length === 0) return c.unchanged > 0 ? `No new violations (${c.unchanged} unchanged)` : 'No new violations';
  return parts.join(', ');
}

export function verdictLine(verdict: Verdict): string {
  return verdict.conclusion === 'success' ? 'Passes: nothing in this change blocks admission' : 'Blocked: this change would not be admitted as it is';
}

export function shortSha(sha: string): string {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** Control characters other than newline and tab: never passed through to a terminal, a page or a log. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with control characters (terminal escapes, bidi overrides) shown as `\u{..}` instead of acting. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

/** At most `max` UTF-16 units of `text`, never splitting a surrogate pair; `suffix` marks the cut. */
export function truncateChars(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - suffix.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + suffix;
}

/** At most `maxBytes` bytes of UTF-8 for `text`, cut at a character boundary; `suffix` marks the cut. */
export function truncateBytes(text: string, maxBytes: number, suffix = '…'): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(suffix, 'utf8');
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end) + suffix;
}

/**
 * `text` with GitHub Actions workflow commands made inert: the runner acts on a line whose first non-blank
 * characters are `::` (`::add-mask::`, `::stop-commands::`, `::warning file=…::`) and on `##[` anywhere in a line
 * (the older syntax). A word joiner goes between the two characters; readers see the same text.
 * `atLineStart`: whether `text` starts a line (false when it continues a line already written).
 */
export function neutraliseWorkflowCommands(text: string, atLineStart = true): string {
  // The common case (no `::` and no `##[` anywhere) costs one scan, not two regex passes over every line.
  if (!text.includes('::') && !text.includes('##[')) return text;
  const lineStart = atLineStart ? /(^|[\r\n])([^\S\r\n]*)::/g : /([\r\n])([^\S\r\n]*)::/g;
  return text.replace(lineStart, '$1$2:\u2060:').replace(/##\[/g, '#\u2060#[');
}

/**
 * How many entries of one list of a cluster (findings, rendered diffs, errors) the JSON, SARIF and text reports
 * list; the rest are counted ("N more left out"). The Markdown summary has its own, smaller, budget.
 */
export const MAX_LISTED = 5000;
/** One rendered diff is cut at this many characters in every report. */
export const MAX_DIFF_CHARS = 20_000;
/** One message (a policy's, a tool's error) is cut at this many characters in the JSON, SARIF and text reports. */
export const MAX_MESSAGE_CHARS = 10_000;

/** The first `max` entries of `list` and how many were left out. */
export function capped<T>(list: readonly T[], max = MAX_LISTED): { shown: T[]; omitted: number } {
  return list.length <= max ? { shown: [...list], omitted: 0 } : { shown: list.slice(0, max), omitted: list.length - max };
}

/** A rendered diff cut at MAX_DIFF_CHARS, saying so. */
export function cutDiff(text: string): string {
  return text.length > MAX_DIFF_CHARS ? `${truncateChars(text, MAX_DIFF_CHARS, '')}\n… diff cut at ${MAX_DIFF_CHARS} characters` : text;
}

/** A message cut at MAX_MESSAGE_CHARS, saying so. */
export function cutMessage(text: string): string {
  return truncateChars(text, MAX_MESSAGE_CHARS, ` … (cut at ${MAX_MESSAGE_CHARS} characters)`);
}
