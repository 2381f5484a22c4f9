// Enforcement actions: which constraints an enforcement point evaluates, with which action, and
// what counts as a deny (`frameworks constraint/pkg/apis/constraints/apis.go`, `constraint_client.go`,
// gatekeeper `cmd/gator/test/test.go`).
import type { Constraint } from './constraint.ts';

export const ENFORCEMENT_POINTS = {
  webhook: 'validation.gatekeeper.sh',
  audit: 'audit.gatekeeper.sh',
  gator: 'gator.gatekeeper.sh',
} as const;

/** The enforcement point name that stands for every point the client serves. */
const ALL_ENFORCEMENT_POINTS = '*';

/**
 * What a reviewing enforcement point does with a constraint. A `scoped` constraint that names no
 * action for this point is skipped entirely (not matched, not evaluated, no result). Otherwise the
 * result carries `enforcementAction` as written (even an unknown or empty one) and, for `scoped`, the
 * de-duplicated actions for this point, sorted (Gatekeeper's order is Go map order, i.e. random).
 */
export function actionsForEnforcementPoint(
  c: Constraint,
  enforcementPoint: string,
): { evaluate: false } | { evaluate: true; enforcementAction: string; scopedActions?: string[] } {
  if (c.enforcementAction !== 'scoped') return { evaluate: true, enforcementAction: c.enforcementAction };
  const actions = new Set<string>();
  for (const scoped of c.scopedEnforcementActions) {
    for (const point of scoped.enforcementPoints) {
      if (point.name === ALL_ENFORCEMENT_POINTS || point.name === enforcementPoint) {
        actions.add(scoped.action);
        break;
      }
    }
  }
  if (actions.size === 0) return { evaluate: false };
  return { evaluate: true, enforcementAction: 'scoped', scopedActions: [...actions].sort() };
}

/** `gator test` exits 1 for a result whose action, or one of whose scoped actions, is `deny`. */
export function isDenyResult(enforcementAction: string, scopedActions?: string[]): boolean {
  return enforcementAction === 'deny' || (scopedActions ?? []).includes('deny');
}
