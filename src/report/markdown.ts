// The check-run rendering: a title with the outcome in numbers and a Markdown summary that fits GitHub's limit.
// Everything taken from the pull request (messages, names, paths, diffs) is escaped: it is untrusted input.
import type { SourceLocation } from '../gatekeeper/types.ts';
import type {
  ClusterCoverage,
  ClusterReport,
  DuplicateObject,
  ExemptionChange,
  Finding,
  PolicyChange,
  PolicyRelaxation,
  Promotion,
  RenderedObjectDiff,
  SimulationError,
  SimulationReport,
} from '../simulate/types.ts';
import {
  constraintLabel,
  cutDiff,
  isPolicyCaused,
  isRepositoryPath,
  locationLabel,
  objectLabel,
  outcomeTitle,
  plural,
  shortSha,
  sortedFindings,
  strongestAction,
  truncateChars,
  verdictLine,
} from './format.ts';
import { escapeHtml, escapeMarkdown, fenced, inlineCode as code } from './escape.ts';
import { maskedDiff } from './secrets.ts';

// The app's own notes (superseded, interrupted runs) escape with the same function.
export { escapeMarkdown } from './escape.ts';

export interface MarkdownOptions {
  /** GitHub's limit for `output.summary`, in UTF-8 bytes (GitHub counts bytes, not characters). */
  maxChars?: number;
  /** `https://github.com/owner/repo`: sources become links to the file at the ref's commit. */
  repoUrl?: string;
  /** The commit head-side links point at (default: the report's head sha). */
  headSha?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
}

/** GitHub's limit for a check run's `output.summary`: 65,535 bytes of UTF-8. */
export const GITHUB_SUMMARY_LIMIT = 65535;

/** The UTF-8 size of `text`: what GitHub's summary limit counts. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that ends on a whole character. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, 'utf8');
  let end = Math.max(0, maxBytes);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // never inside a character
  return bytes.subarray(0, end).toString('utf8');
}
const TITLE_LIMIT = 1000;
/** One table cell never holds more than this much of a message. */
const MESSAGE_CELL_CHARS = 1000;
const LIST_CHARS = 2000;

// ---- links ---------------------------------------------------------------------------------------------------------

function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

class Linker {
  constructor(
    private readonly repoUrl: string | undefined,
    private readonly headSha: string,
    private readonly baseSha: string,
  ) {}

  /** `path:line` as text, or as a link to the file at the commit of the side it was read from. */
  source(s: SourceLocation | undefined, side: 'base' | 'head'): string {
    if (s === undefined) return '—';
    const label = escapeMarkdown(locationLabel(s));
    const sha = s.commit ?? (side === 'head' ? this.headSha : this.baseSha);
    if (this.repoUrl === undefined || sha === '' || !isRepositoryPath(s.file) || !/^[0-9A-Za-z._/-]+$/.test(sha)) return label;
    const lines = s.endLine > s.startLine ? `#L${s.startLine}-L${s.endLine}` : `#L${s.startLine}`;
    return `[${label}](${this.repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(sha)}/${encodePath(s.file)}${lines})`;
  }
}

// ---- sections and truncation -------------------------------------------------------------------------------------

/**
 * A part of the summary whose rows may be left out when the summary is too long. `priority` orders what goes
 * first: the lowest priority loses its rows first, from its last row backwards.
 */
interface Section {
  priority: number;
  /** Shown before the rows when at least one row is kept (a heading and a table header, or `<details>`). */
  open: string;
  rows: string[];
  /** Shown after the rows when at least one row is kept. */
  close: string;
  /** Shown instead of `open` + rows + `close` when every row was left out. */
  collapsed: string;
  /** The "left out" note for `n` rows. */
  note: (n: number) => string;
  kept: number;
}

type Block = string | Section;

const PRIORITY = {
  renderedDiffs: 0,
  unchanged: 1,
  fixed: 2,
  policyFindings: 3,
  promotions: 4,
  exemptions: 5,
  errors: 6,
  policyChanges: 7,
  relaxations: 7.5,
  newFindings: 8,
} as const;

/** Length of the first `k` rows of each section, computed once per section. */
const rowPrefix = new WeakMap<Section, number[]>();

function keptRowsLength(s: Section): number {
  let prefix = rowPrefix.get(s);
  if (prefix === undefined) {
    prefix = [0];
    for (const r of s.rows) prefix.push((prefix[prefix.length - 1] ?? 0) + utf8Bytes(r));
    rowPrefix.set(s, prefix);
  }
  return prefix[s.kept] ?? 0;
}

function sectionLength(s: Section): number {
  const left = s.rows.length - s.kept;
  let n = 0;
  if (s.kept > 0 || s.rows.length === 0) n += utf8Bytes(s.open) + utf8Bytes(s.close) + keptRowsLength(s);
  else n += utf8Bytes(s.collapsed);
  if (left > 0) n += utf8Bytes(s.note(left));
  return n;
}

function renderSection(s: Section): string {
  const left = s.rows.length - s.kept;
  const note = left > 0 ? s.note(left) : '';
  if (s.kept > 0 || s.rows.length === 0) return s.open + s.rows.slice(0, s.kept).join('') + note + s.close;
  return s.collapsed + note;
}

/** Leaves rows out, least important first, until the text fits; says what was left out. Deterministic. */
function fit(blocks: Block[], maxChars: number): string {
  const sections = blocks.filter((b): b is Section => typeof b !== 'string');
  let total = blocks.reduce((n, b) => n + (typeof b === 'string' ? utf8Bytes(b) : sectionLength(b)), 0);
  const order = sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.priority - b.s.priority || b.i - a.i)
    .map(({ s }) => s);
  for (const s of order) {
    while (total > maxChars && s.kept > 0) {
      const before = sectionLength(s);
      s.kept--;
      total += sectionLength(s) - before;
    }
    if (total <= maxChars) break;
  }
  const text = blocks.map((b) => (typeof b === 'string' ? b : renderSection(b))).join('');
  if (utf8Bytes(text) <= maxChars) return text;
  // Even without any row the fixed parts are too long (e.g. thousands of clusters or blocking reasons).
  const note = `\n\n… the summary was cut at ${maxChars} bytes; see the JSON report for everything.\n`;
  const room = Math.max(0, maxChars - utf8Bytes(note));
  const cut = cutUtf8(text, room);
  const lastBreak = cut.lastIndexOf('\n');
  return (lastBreak > cut.length / 2 ? cut.slice(0, lastBreak) : cut) + cutUtf8(note, maxChars);
}

function leftOut(what: string): (n: number) => string {
  return (n) => `\n… ${n} more ${what} not shown; see the JSON report.\n\n`;
}

function table(header: string[]): string {
  return `| ${header.join(' | ')} |\n|${header.map(() => ' --- |').join('')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function tableSection(priority: number, heading: string, header: string[], rows: string[], what: string): Section {
  return {
    priority,
    open: `${heading}\n\n${table(header)}`,
    rows,
    close: '\n',
    collapsed: `${heading}\n`,
    note: leftOut(what),
    kept: rows.length,
  };
}

// ---- the summary ---------------------------------------------------------------------------------------------------

function message(text: string): string {
  return escapeMarkdown(truncateChars(text, MESSAGE_CELL_CHARS));
}

function actionCell(f: Finding): string {
  const strongest = strongestAction(f.actions);
  const shown = f.actions.length > 0 ? f.actions.join(', ') : 'dryrun';
  return strongest === 'deny' ? `**${escapeMarkdown(shown)}**` : escapeMarkdown(shown);
}

function findingRow(f: Finding, link: Linker, withCategory: boolean): string {
  const side = f.category === 'fixed' ? 'base' : 'head';
  const cells = [
    code(constraintLabel(f.constraint)),
    actionCell(f),
    escapeMarkdown(objectLabel(f.object)),
    link.source(f.location ?? f.objectSource, side),
    findingMessage(f),
  ];
  if (withCategory) cells.unshift(f.category);
  return row(cells);
}

const FINDING_HEADER = ['Constraint', 'Action', 'Object', 'Source', 'Message'];

/** The message; a changed finding's message at base too; a note when only creation is rejected. */
function findingMessage(f: Finding): string {
  const was = f.category === 'changed' && f.previousMessage !== undefined ? `<br>was: ${message(f.previousMessage)}` : '';
  const onCreate = f.onCreate ? '<br>_the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created_' : '';
  return `${message(f.message)}${was}${onCreate}`;
}

function policyChangeRow(p: PolicyChange, link: Linker): string {
  const what = `${p.change} ${p.type}`;
  const actions = p.actionBefore !== undefined || p.actionAfter !== undefined
    ? ` (${escapeMarkdown(p.actionBefore ?? '—')} → ${escapeMarkdown(p.actionAfter ?? '—')})`
    : '';
  const effects: string[] = [];
  if (p.newlyDenied.length > 0) effects.push(`**newly rejects ${plural(p.newlyDenied.length, 'existing object')}**`);
  if (p.noLongerDenied.length > 0) effects.push(`stops rejecting ${plural(p.noLongerDenied.length, 'object')}`);
  // Cut before escaping: a cut escaped text could end in a lone backslash.
  const examples = p.newlyDenied.slice(0, 5).map((o) => escapeMarkdown(truncateChars(objectLabel(o), LIST_CHARS / 5)));
  const more = p.newlyDenied.length > examples.length ? `, … ${p.newlyDenied.length - examples.length} more` : '';
  const effect = effects.length > 0 ? `: ${effects.join(', ')}` : ': no change in what is rejected';
  const list = examples.length > 0 ? ` (${examples.join(', ')}${more})` : '';
  return `- ${escapeMarkdown(what)} ${code(p.name)}${actions} at ${link.source(p.source, p.change === 'removed' ? 'base' : 'head')}${effect}${list}\n`;
}

function promotionSection(p: Promotion, link: Linker): Section {
  const heading = `**${code(constraintLabel(p.constraint))}** moves from ${code(p.from)} to ${code(p.to)} (${link.source(p.constraint.source, 'head')}): ${plural(p.objects.length, 'existing object')} would start being rejected`;
  const rows = p.objects.map((o) => row([escapeMarkdown(objectLabel(o.object)), link.source(o.source, 'head'), message(o.message)]));
  return tableSection(PRIORITY.promotions, heading, ['Object', 'Source', 'Message'], rows, 'objects of this promotion');
}

function relaxationBlock(r: PolicyRelaxation, link: Linker): Block {
  const side = r.type.endsWith('-removed') ? 'base' : 'head';
  const note = r.allowed ? ' (every namespace is in `exemptions.allowedNamespaces`: not blocking)' : '';
  const heading = `- **${escapeMarkdown(r.description)}**${r.source ? ` (${link.source(r.source, side)})` : ''}: lets through ${plural(r.letsThrough.length, 'violation')}${note}`;
  if (r.letsThrough.length === 0) return `${heading}\n\n`;
  const rows = r.letsThrough.map((t) => row([code(constraintLabel(t.constraint)), escapeMarkdown(`${t.before} → ${t.after}`), escapeMarkdown(objectLabel(t.object)), link.source(t.objectSource, 'head'), message(t.message)]));
  return tableSection(PRIORITY.relaxations, heading, ['Constraint', 'Action', 'Object', 'Source', 'Message'], rows, 'violations this relaxation lets through');
}

function exemptionRow(e: ExemptionChange, link: Linker): string {
  const allowed = e.change === 'removed' ? '—' : e.allowed ? 'allowed' : '**outside the allow list**';
  return row([e.change, code(e.namespace), code(e.owner), code(e.field), allowed, link.source(e.source, e.change === 'removed' ? 'base' : 'head')]);
}

function errorRow(e: SimulationError, link: Linker): string {
  return row([e.existing ? `${e.ref} (also at base)` : e.ref, escapeMarkdown(e.error.kind), link.source(e.error.source, e.ref), message(e.error.message)]);
}

function duplicateRow(d: DuplicateObject, link: Linker): string {
  const copies = d.copies.map((c) => `${escapeMarkdown(c.root)} at ${link.source(c.source, d.ref)}`).join('<br>');
  return row([d.ref, escapeMarkdown(objectLabel(d.object)), String(d.copies.length), copies]);
}

function diffRow(d: RenderedObjectDiff): string {
  const renamed = d.previousName !== undefined ? `, was ${d.previousName}` : '';
  const summary = escapeHtml(`${d.change} ${objectLabel(d.object)} (${d.root}${renamed})`);
  const body = cutDiff(maskedDiff(d));
  return `<details><summary>${summary}</summary>\n\n${fenced(body, 'diff')}\n</details>\n\n`;
}

function clusterBlocks(c: ClusterReport, link: Linker, multiCluster: boolean): Block[] {
  const blocks: Block[] = [];
  const h = multiCluster ? '####' : '###';
  if (multiCluster) {
    blocks.push(`### Cluster ${code(c.name)}\n\n`);
  }
  const newObject = sortedFindings(c.findings, (f) => f.category === 'new' && !isPolicyCaused(f));
  const fixedObject = sortedFindings(c.findings, (f) => f.category === 'fixed' && !isPolicyCaused(f));
  const byPolicy = sortedFindings(c.findings, (f) => (f.category === 'new' || f.category === 'fixed') && isPolicyCaused(f));
  // Changed findings (still violating, reworded) are shown with the unchanged ones, with both messages.
  const unchanged = sortedFindings(c.findings, (f) => f.category === 'unchanged' || f.category === 'changed');
  const reworded = unchanged.filter((f) => f.category === 'changed').length;

  if (newObject.length > 0) {
    blocks.push(tableSection(PRIORITY.newFindings, `${h} New findings (${newObject.length})`, FINDING_HEADER, newObject.map((f) => findingRow(f, link, false)), 'new findings'));
  }
  if (c.policyChanges.length > 0 || byPolicy.length > 0) {
    const changes = [...c.policyChanges].sort((a, b) => (a.type + a.name + a.change < b.type + b.name + b.change ? -1 : 1));
    blocks.push({
      priority: PRIORITY.policyChanges,
      open: `${h} Policy changes (${changes.length})\n\n`,
      rows: changes.map((p) => policyChangeRow(p, link)),
      close: '\n',
      collapsed: `${h} Policy changes (${changes.length})\n`,
      note: leftOut('policy changes'),
      kept: changes.length,
    });
    if (byPolicy.length > 0) {
      blocks.push(tableSection(PRIORITY.policyFindings, `Findings caused by these policy changes (${byPolicy.length}):`, ['Change', ...FINDING_HEADER], byPolicy.map((f) => findingRow(f, link, true)), 'findings caused by policy changes'));
    }
  }
  if (c.relaxations.length > 0) {
    blocks.push(`${h} Policy relaxations (${c.relaxations.length})\n\n`, ...c.relaxations.map((r) => relaxationBlock(r, link)));
  }
  if (c.promotions.length > 0) {
    blocks.push(`${h} Promotions (${c.promotions.length})\n\n`);
    for (const p of c.promotions) blocks.push(promotionSection(p, link));
  }
  if (c.exemptions.length > 0) {
    const rows = [...c.exemptions]
      .sort((a, b) => Number(a.allowed) - Number(b.allowed) || (a.owner + a.namespace + a.change < b.owner + b.namespace + b.change ? -1 : 1))
      .map((e) => exemptionRow(e, link));
    blocks.push(tableSection(PRIORITY.exemptions, `${h} Exemption changes (${rows.length})`, ['Change', 'Namespace', 'Owner', 'Field', 'Governance', 'Source'], rows, 'exemption changes'));
  }
  if (c.errors.length > 0) {
    const rows = [...c.errors]
      .sort((a, b) => (a.ref === b.ref ? 0 : a.ref === 'head' ? -1 : 1) || (a.error.source?.file ?? '').localeCompare(b.error.source?.file ?? '') || (a.error.source?.startLine ?? 0) - (b.error.source?.startLine ?? 0))
      .map((e) => errorRow(e, link));
    blocks.push(tableSection(PRIORITY.errors, `${h} Errors (${rows.length})`, ['Ref', 'Kind', 'Location', 'Message'], rows, 'errors'));
  }
  const duplicates = c.duplicates ?? [];
  if (duplicates.length > 0) {
    const heading = `${h} Objects rendered more than once (${duplicates.length}): each copy is reviewed and reported on its own`;
    blocks.push(tableSection(PRIORITY.errors, heading, ['Ref', 'Object', 'Copies', 'Where'], duplicates.map((d) => duplicateRow(d, link)), 'duplicate objects'));
  }
  if (c.coverage !== undefined) blocks.push(...coverageBlocks(c.coverage, link));
  if (fixedObject.length > 0) {
    blocks.push(tableSection(PRIORITY.fixed, `${h} Fixed (${fixedObject.length})`, FINDING_HEADER, fixedObject.map((f) => findingRow(f, link, false)), 'fixed findings'));
  }
  if (unchanged.length > 0) {
    const summary = `<details><summary>Unchanged violations (${unchanged.length}${reworded > 0 ? `, ${reworded} with a changed message` : ''})</summary>\n\n`;
    blocks.push({
      priority: PRIORITY.unchanged,
      open: `${summary}${table(FINDING_HEADER)}`,
      rows: unchanged.map((f) => findingRow(f, link, false)),
      close: '\n</details>\n\n',
      collapsed: `Unchanged violations: ${unchanged.length}.\n`,
      note: leftOut('unchanged violations'),
      kept: unchanged.length,
    });
  }
  if (c.renderedDiffs.length > 0) {
    const diffs = [...c.renderedDiffs].sort((a, b) => (objectLabel(a.object) + a.root < objectLabel(b.object) + b.root ? -1 : 1));
    blocks.push({
      priority: PRIORITY.renderedDiffs,
      open: `<details><summary>Rendered changes (${plural(diffs.length, 'object')})</summary>\n\n`,
      rows: diffs.map(diffRow),
      close: '</details>\n\n',
      collapsed: `Rendered changes: ${plural(diffs.length, 'object')}.\n`,
      note: leftOut('rendered diffs'),
      kept: diffs.length,
    });
  }
  const s = c.stats;
  blocks.push(`<sub>${escapeMarkdown(`${plural(s.objectsBase, 'object')} at base, ${s.objectsHead} at head, ${plural(s.reviews, 'review')}, ${plural(s.rootsRendered, 'root')} rendered`)}</sub>\n\n`);
  return blocks;
}

/** The check run's title and Markdown summary, at most `maxChars` long (rows are left out, and said so, to fit). */
export function renderMarkdown(report: SimulationReport, options: MarkdownOptions = {}): CheckRunOutput {
  const maxChars = options.maxChars ?? GITHUB_SUMMARY_LIMIT;
  const link = new Linker(options.repoUrl, options.headSha ?? report.head.sha, report.base.sha);
  const v = report.verdict;
  const blocks: Block[] = [];
  blocks.push(`## ${v.conclusion === 'success' ? '✅' : '❌'} ${verdictLine(v)}\n\n`);
  if (v.blocking.length > 0) {
    blocks.push(v.blocking.map((b) => `- ${escapeMarkdown(truncateChars(b, LIST_CHARS))}\n`).join('') + '\n');
  }
  blocks.push(
    `${escapeMarkdown(report.base.ref)} (${code(shortSha(report.base.sha))}) → ${escapeMarkdown(report.head.ref)} (${code(shortSha(report.head.sha))}), enforcement point ${code(report.enforcementPoint)}, ${plural(report.clusters.length, 'cluster')}\n\n`,
  );
  const multi = report.clusters.length > 1;
  for (const c of report.clusters) blocks.push(...clusterBlocks(c, link, multi));
  return {
    title: truncateChars(outcomeTitle(report), TITLE_LIMIT),
    summary: fit(blocks, maxChars),
  };
}

/** Coverage: what was simulated (counts), then every app or root not simulated with its reason. Never left out silently. */
function coverageBlocks(cov: ClusterCoverage, link: Linker): Block[] {
  const counts = (m: Record<string, number>): string[] => Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${n} ${k}`);
  const roots = counts(cov.simulated.roots);
  const apps = counts(cov.simulated.apps).map((s) => s.replace(/ flux$/, ' Flux app(s)').replace(/ argocd$/, ' Argo CD app(s)'));
  const simulated = [...roots.map((r) => `${r} root(s)`), ...apps];
  const line = `**Coverage**: simulated at head: ${simulated.length > 0 ? simulated.join(', ') : 'nothing the change touches'}. ` +
    (cov.notSimulated.length === 0 ? 'Everything found was simulated.\n\n' : `Not simulated: ${cov.notSimulated.length}.\n\n`);
  if (cov.notSimulated.length === 0) return [line];
  const rows = [...cov.notSimulated]
    .sort((a, b) => Number(b.changed) - Number(a.changed) || a.what.localeCompare(b.what))
    .map((n) => row([escapeMarkdown(n.what), n.source ? link.source(n.source, 'head') : '', n.changed ? 'yes' : 'no', message(n.reason)]));
  return [line, tableSection(PRIORITY.errors, `Not simulated (${rows.length}):`, ['App, root or mutator', 'Declared at', 'Touched by the change', 'Reason'], rows, 'unsimulated apps')];
}
