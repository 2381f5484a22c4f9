// Gatekeeper's mutation (mutations.gatekeeper.sh: Assign, AssignMetadata, ModifySet, AssignImage) changes objects in
// its own webhook before they are validated. preadmit does not simulate it: objects are reviewed as written. Every
// mutator found is said so, here, for every front door: `preadmit test` lists it among its errors, `diff`, check-pr
// and the app in each cluster's Coverage (not simulated), in every report format, with its file and line.
import { classify, nameOf } from './classify.ts';
import type { InputError, SourcedObject, SourceLocation } from './types.ts';

export interface UnappliedMutator {
  /** `Gatekeeper mutator Assign add-labels`. */
  what: string;
  source: SourceLocation;
  reason: string;
}

export const MUTATION_NOT_SIMULATED = 'not applied: preadmit does not simulate mutation (objects are reviewed as written, before any change a mutator would make)';

/** The mutators among `objects`, each once (by kind, name and where it is written). */
export function unappliedMutators(objects: readonly SourcedObject[]): UnappliedMutator[] {
  const out = new Map<string, UnappliedMutator>();
  for (const o of objects) {
    if (classify(o.object) !== 'Mutator') continue;
    const what = `Gatekeeper mutator ${String(o.object.kind ?? '')} ${nameOf(o.object)}`;
    const key = `${what}\u0000${o.source.file}\u0000${o.source.startLine}`;
    if (!out.has(key)) out.set(key, { what, source: { ...o.source }, reason: MUTATION_NOT_SIMULATED });
  }
  return [...out.values()];
}

/** A mutator as an error of `preadmit test` (file:line first, as its other errors). */
export function mutatorError(m: UnappliedMutator): InputError {
  return { kind: 'load', message: `${m.source.file}:${m.source.startLine}: ${m.what} is ${m.reason}`, source: m.source };
}
