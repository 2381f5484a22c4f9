// Output of `preadmit verify`: gator verify's Go-test style text (pkg/gator/verify/printer_go.go), and a
// JSON document for machines.
import { isCaseFailure, isSuiteFailure, isTestFailure, type CaseResult, type SuiteResult, type TestResult } from '../engine/verify.ts';

/** Go's `%v` of a verify.Duration: seconds with three decimals. */
function formatDuration(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/**
 * The text gator prints for these results, byte for byte except the timings. Ends with the blank line
 * that gator's `fmt.Println` of the whole buffer adds.
 */
export function printGoTest(results: SuiteResult[], verbose: boolean): string {
  let out = '';
  for (const suite of results) out += printSuite(suite, verbose);
  out += results.some(isSuiteFailure) ? 'FAIL\n' : 'PASS\n';
  return `${out}\n`;
}

function printSuite(r: SuiteResult, verbose: boolean): string {
  let out = '';
  for (const t of r.tests) out += printTest(t, verbose);
  if (isSuiteFailure(r)) {
    out += `FAIL\t${r.path}\t${formatDuration(r.durationMs)}\n`;
    if (r.error !== undefined) out += `  ${r.error}\n`;
  } else out += `ok\t${r.path}\t${formatDuration(r.durationMs)}\n`;
  return out;
}

function printTest(r: TestResult, verbose: boolean): string {
  let out = '';
  if (verbose) {
    if (r.skipped) return `=== SKIP  ${r.name}\n`;
    out += `=== RUN   ${r.name}\n`;
  }
  for (const c of r.cases) out += printCase(c, verbose);
  if (isTestFailure(r)) {
    out += `--- FAIL: ${r.name}\t(${formatDuration(r.durationMs)})\n`;
    if (r.error !== undefined) out += `  ${r.error}\n`;
  } else if (verbose) out += `--- PASS: ${r.name}\t(${formatDuration(r.durationMs)})\n`;
  return out;
}

function printCase(r: CaseResult, verbose: boolean): string {
  let out = '';
  if (verbose) {
    if (r.skipped) return `    === SKIP  ${r.name}\n`;
    out += `    === RUN   ${r.name}\n`;
    if (r.print.length > 0) {
      out += '        === PRINT ===\n';
      for (const line of r.print.replace(/\n$/, '').split('\n')) out += `        ${line}\n`;
    }
  }
  if (isCaseFailure(r)) out += `    --- FAIL: ${r.name}\t(${formatDuration(r.durationMs)})\n        ${r.error}\n`;
  else if (verbose) out += `    --- PASS: ${r.name}\t(${formatDuration(r.durationMs)})\n`;
  return out;
}

/**
 * `-o json`. A stable shape, documented here:
 *
 * ```
 * { "pass": boolean,
 *   "suites": [ { "path": string, "skipped": boolean, "failed": boolean, "error": string | null, "durationMs": number,
 *                 "tests": [ { "name", "skipped", "failed", "error", "durationMs",
 *                              "cases": [ { "name", "skipped", "failed", "error", "durationMs" } ] } ] } ] }
 * ```
 * `error` is gator's error text for that level (null when none); `failed` is true when the level or
 * anything below it has an error. Skipped tests and cases are listed with `skipped: true`.
 */
export interface VerifyJson {
  pass: boolean;
  suites: Array<{
    path: string;
    skipped: boolean;
    failed: boolean;
    error: string | null;
    durationMs: number;
    tests: Array<{
      name: string;
      skipped: boolean;
      failed: boolean;
      error: string | null;
      durationMs: number;
      cases: Array<{ name: string; skipped: boolean; failed: boolean; error: string | null; durationMs: number }>;
    }>;
  }>;
}

const ms = (n: number): number => Math.round(n * 1000) / 1000;

export function toVerifyJson(results: SuiteResult[]): VerifyJson {
  return {
    pass: !results.some(isSuiteFailure),
    suites: results.map((s) => ({
      path: s.path,
      skipped: s.skipped,
      failed: isSuiteFailure(s),
      error: s.error ?? null,
      durationMs: ms(s.durationMs),
      tests: s.tests.map((t) => ({
        name: t.name,
        skipped: t.skipped,
        failed: isTestFailure(t),
        error: t.error ?? null,
        durationMs: ms(t.durationMs),
        cases: t.cases.map((c) => ({ name: c.name, skipped: c.skipped, failed: isCaseFailure(c), error: c.error ?? null, durationMs: ms(c.durationMs) })),
      })),
    })),
  };
}

export function printJson(results: SuiteResult[]): string {
  return `${JSON.stringify(toVerifyJson(results), null, 2)}\n`;
}
