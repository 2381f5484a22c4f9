// Errors in the repository's config become part of the report, the same way for the app and for `preadmit diff`:
// listed as base-side errors of the first cluster (the config is read at the base or the default branch, so no
// annotation in the diff can point at it) and, when the repository fails closed, a blocking reason.
import type { PreadmitConfig } from '../config/types.ts';
import type { InputError } from '../gatekeeper/types.ts';
import type { SimulationReport } from './types.ts';

/** `where` names the config file as the reader will know it, e.g. `.github/preadmit.yml on the default branch`. */
export function applyConfigErrors(report: SimulationReport, errors: InputError[], config: PreadmitConfig, where: string): void {
  if (errors.length === 0) return;
  const first = report.clusters[0];
  if (first !== undefined) {
    for (const error of errors) first.errors.push({ ref: 'base', error });
    report.verdict.counts.errors += errors.length;
  }
  if (config.blocking.errorsAtHead) {
    report.verdict.conclusion = 'failure';
    report.verdict.blocking.push(`${errors.length} error(s) in ${where} (fail closed), first: ${errors[0]?.message ?? ''}`);
  }
}
