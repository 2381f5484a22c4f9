// The CLI's exit status: the verdict, and nothing else, decides it.
import type { Verdict } from '../simulate/types.ts';

const EXIT_SUCCESS = 0;
const EXIT_FAILURE = 1;

/** 0 when the change passes, 1 when it is blocked. */
export function exitCodeFor(verdict: Verdict): number {
  return verdict.conclusion === 'success' ? EXIT_SUCCESS : EXIT_FAILURE;
}
