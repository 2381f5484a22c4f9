// Runs the same inputs through the real `gator test` and through `preadmit test`, and puts both
// outputs into a shape that can be compared field by field.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runTestCommand } from '../../src/cli/commands/test.ts';
import type { JsonObject, JsonValue } from '../../src/gatekeeper/types.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GATOR = path.join(REPO_ROOT, '.tools/bin/gator');
export const CORPUS_DIR = path.join(REPO_ROOT, 'fixtures/conformance/test');

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** One entry of `gator test -o json`, as parsed. */
export interface GatorJsonResult {
  target?: string;
  msg?: string;
  metadata?: { details?: JsonValue };
  constraint?: JsonObject;
  enforcementAction?: string;
  scopedActions?: string[];
  violatingObject?: JsonObject;
  trace?: JsonValue;
}

function runProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** `gator test ARGS` with the pinned binary. Fails loudly when the binary is missing. */
export function runGator(args: string[]): Promise<RunOutput> {
  if (!existsSync(GATOR)) throw new Error(`${GATOR} is missing: run \`npm run tools\``);
  return runProcess(GATOR, ['test', ...args]);
}

/** A Writable that keeps what is written to it. */
class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    callback();
  }
}

/** `preadmit test ARGS`, in this process. */
export async function runPreadmit(args: string[]): Promise<RunOutput> {
  const out = new Collector();
  const err = new Collector();
  const code = await runTestCommand(args, out, err);
  return { code, stdout: out.text, stderr: err.text };
}

/** Parses `-o json` output; gator prints `null` when there are no results. */
export function parseResults(stdout: string): GatorJsonResult[] {
  const parsed = JSON.parse(stdout) as GatorJsonResult[] | null;
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) throw new Error(`expected a JSON array, got: ${stdout.slice(0, 200)}`);
  return parsed;
}

function objectId(o: JsonObject | undefined): string {
  if (!o) return '';
  const meta = (o.metadata ?? {}) as JsonObject;
  const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));
  return `${str(o.kind)}/${str(meta.namespace)}/${str(meta.name)}`;
}

/** The order results are compared in: gator's own sort (action, msg) is not stable, so ties are broken here. */
function resultSortKey(r: GatorJsonResult): string[] {
  const constraintMeta = (r.constraint?.metadata ?? {}) as JsonObject;
  return [
    r.enforcementAction ?? '',
    r.msg ?? '',
    objectId(r.violatingObject),
    String(r.constraint?.kind ?? ''),
    String(constraintMeta.name ?? ''),
    // Identical results (e.g. two objects with the same name) still need a total order.
    JSON.stringify(r),
  ];
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * gator builds scopedActions from a Go map (apis.GetEnforcementActionsForEP), so their order changes from
 * run to run: they are compared as sets.
 */
function withSortedScopedActions(r: GatorJsonResult): GatorJsonResult {
  return r.scopedActions ? { ...r, scopedActions: [...r.scopedActions].sort() } : r;
}

export function sortResults(results: GatorJsonResult[]): GatorJsonResult[] {
  return results
    .map(withSortedScopedActions)
    .map((r) => ({ r, key: resultSortKey(r) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.r);
}

/**
 * Splits the text of a top-level JSON array into the text of each element, untouched, so that number
 * formatting (`1e+06`), key order and Go's escaping (`\u003c`) can be compared too, not only values.
 */
export function splitTopLevelArray(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === 'null') return [];
  if (!trimmed.startsWith('[')) throw new Error(`not a JSON array: ${trimmed.slice(0, 80)}`);
  const elements: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      if (depth === 1 && start < 0) start = i;
    } else if (ch === '{' || ch === '[') {
      if (depth === 1 && start < 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1 && start >= 0) {
        elements.push(trimmed.slice(start, i + 1));
        start = -1;
      } else if (depth === 0 && start >= 0) {
        elements.push(trimmed.slice(start, i).trimEnd());
        start = -1;
      }
    } else if (ch === ',' && depth === 1 && start >= 0) {
      elements.push(trimmed.slice(start, i).trimEnd());
      start = -1;
    } else if (depth === 1 && start < 0 && ch !== ',' && !/\s/.test(ch ?? '')) {
      start = i;
    }
  }
  return elements;
}

/** The raw text of a result with the lines of its `scopedActions` array sorted (see withSortedScopedActions). */
export function normaliseScopedActionsText(element: string): string {
  return element.replace(/("scopedActions": \[\n)([^\]]*?)(\n\s*\])/, (_all, open: string, body: string, close: string) => {
    const items = body.split('\n').map((l) => l.replace(/,$/, ''));
    items.sort();
    return open + items.map((l, i) => (i < items.length - 1 ? `${l},` : l)).join('\n') + close;
  });
}

/** Raw element texts in a comparable order. */
export function sortedRawElements(stdout: string): string[] {
  return splitTopLevelArray(stdout).map(normaliseScopedActionsText).sort();
}

/** Default (text) output as a sorted list of lines. */
export function sortedLines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '').sort();
}

/** The case directories of the corpus. */
export function listCases(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

/** Manifest files of a case, optionally without the deliberately broken ones (`bad-*`). */
export function caseFiles(caseDir: string, options: { withoutBad?: boolean } = {}): string[] {
  return readdirSync(caseDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .filter((f) => !(options.withoutBad && f.startsWith('bad-')))
    .sort()
    .map((f) => path.join(caseDir, f));
}

/** `file:line` references in an error text, for the given file. */
export function lineReferences(text: string, file: string): number[] {
  const lines: number[] = [];
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`${escaped}:(\\d+)`, 'g'))) lines.push(Number(m[1]));
  return lines;
}
