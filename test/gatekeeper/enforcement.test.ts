import { describe, expect, it } from 'vitest';
import type { Constraint } from '../../src/gatekeeper/constraint.ts';
import { actionsForEnforcementPoint, ENFORCEMENT_POINTS, isDenyResult } from '../../src/gatekeeper/enforcement.ts';

function constraint(enforcementAction: string, scoped: Constraint['scopedEnforcementActions'] = []): Constraint {
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: 'K8sX',
    name: 'c',
    object: {},
    match: undefined,
    parameters: {},
    enforcementAction,
    scopedEnforcementActions: scoped,
    source: { file: 'c.yaml', startLine: 1, endLine: 5 },
  };
}

describe('actionsForEnforcementPoint', () => {
  it('passes unscoped actions through unchanged, even unknown or empty ones', () => {
    for (const a of ['deny', 'dryrun', 'warn', 'bogus', '']) {
      expect(actionsForEnforcementPoint(constraint(a), ENFORCEMENT_POINTS.gator)).toEqual({ evaluate: true, enforcementAction: a });
    }
  });

  it('scoped: collects the actions for this point, de-duplicated and sorted', () => {
    const c = constraint('scoped', [
      { action: 'warn', enforcementPoints: [{ name: 'gator.gatekeeper.sh' }] },
      { action: 'deny', enforcementPoints: [{ name: 'validation.gatekeeper.sh' }, { name: 'gator.gatekeeper.sh' }] },
      { action: 'warn', enforcementPoints: [{ name: '*' }] },
    ]);
    expect(actionsForEnforcementPoint(c, ENFORCEMENT_POINTS.gator)).toEqual({ evaluate: true, enforcementAction: 'scoped', scopedActions: ['deny', 'warn'] });
    expect(actionsForEnforcementPoint(c, ENFORCEMENT_POINTS.audit)).toEqual({ evaluate: true, enforcementAction: 'scoped', scopedActions: ['warn'] });
  });

  it('scoped: "*" covers every point', () => {
    const c = constraint('scoped', [{ action: 'dryrun', enforcementPoints: [{ name: '*' }] }]);
    for (const ep of Object.values(ENFORCEMENT_POINTS)) {
      expect(actionsForEnforcementPoint(c, ep)).toEqual({ evaluate: true, enforcementAction: 'scoped', scopedActions: ['dryrun'] });
    }
  });

  it('scoped without an action for this point: skipped entirely', () => {
    const c = constraint('scoped', [{ action: 'deny', enforcementPoints: [{ name: 'validation.gatekeeper.sh' }] }]);
    expect(actionsForEnforcementPoint(c, ENFORCEMENT_POINTS.gator)).toEqual({ evaluate: false });
    expect(actionsForEnforcementPoint(c, ENFORCEMENT_POINTS.audit)).toEqual({ evaluate: false });
    expect(actionsForEnforcementPoint(constraint('scoped', []), ENFORCEMENT_POINTS.webhook)).toEqual({ evaluate: false });
  });
});

describe('isDenyResult (gator test exit code)', () => {
  it.each([
    ['deny', undefined, true],
    ['warn', undefined, false],
    ['dryrun', undefined, false],
    ['', undefined, false],
    ['scoped', ['warn'], false],
    ['scoped', ['warn', 'deny'], true],
    ['scoped', [], false],
  ] as Array<[string, string[] | undefined, boolean]>)('%s %j → %s', (a, s, want) => expect(isDenyResult(a, s)).toBe(want));
});
