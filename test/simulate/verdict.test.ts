// The verdict, unit level: which findings, errors and coverage block a PR under which blocking settings. Pure: no
// git, opa, renderer or worker.
import { describe, expect, it } from 'vitest';
import { defaultBlocking } from '../../src/config/defaults.ts';
import type { BlockingConfig } from '../../src/config/types.ts';
import type { ClusterReport, Finding, Promotion, SimulationError } from '../../src/simulate/types.ts';
import { computeVerdict } from '../../src/simulate/verdict.ts';
import { cluster as reportCluster, finding as reportFinding, objectRef } from '../report/reports.ts';

function finding(category: Finding['category'], actions: Finding['actions'], name = 'web'): Finding {
  return reportFinding({ category, actions, object: objectRef(name) });
}

function headError(existing: boolean, message = 'apps/web: kustomize build failed'): SimulationError {
  return { ref: 'head', error: { kind: 'render', message }, ...(existing ? { existing } : {}) };
}

function cluster(parts: Partial<ClusterReport> = {}): ClusterReport {
  return reportCluster('prod', parts);
}

function verdict(parts: Partial<ClusterReport>, blocking: Partial<BlockingConfig> = {}) {
  return computeVerdict([cluster(parts)], { ...defaultBlocking(), ...blocking });
}

describe('computeVerdict', () => {
  it('passes a PR with nothing new', () => {
    const v = verdict({});
    expect(v.conclusion).toBe('success');
    expect(v.blocking).toEqual([]);
  });

  it('blocks on a new deny; a new warn or dryrun alone does not block by default', () => {
    expect(verdict({ findings: [finding('new', ['deny'])] }).conclusion).toBe('failure');
    const warn = verdict({ findings: [finding('new', ['warn']), finding('new', ['dryrun'], 'api')] });
    expect(warn.conclusion).toBe('success');
    expect(warn.counts).toMatchObject({ newDeny: 0, newWarn: 1, newDryrun: 1 });
    expect(verdict({ findings: [finding('new', ['warn'])] }, { newWarn: true }).conclusion).toBe('failure');
  });

  it('a changed finding (same violation, new message) counts with the unchanged ones and never blocks by itself', () => {
    const v = verdict({ findings: [finding('changed', ['deny']), finding('unchanged', ['deny'], 'api'), finding('fixed', ['deny'], 'old')] });
    expect(v.conclusion).toBe('success');
    expect(v.counts).toMatchObject({ newDeny: 0, unchanged: 2, changed: 1, fixed: 1 });
    // Existing denials block only when the repository asks for it.
    const strict = verdict({ findings: [finding('changed', ['deny'])] }, { existingViolations: true });
    expect(strict.conclusion).toBe('failure');
    expect(strict.blocking).toEqual(['1 existing violation(s) that the admission webhook would deny']);
  });

  it('errors new at head block (fail closed); errors the base has too are listed, not blocking', () => {
    const existing = verdict({ errors: [headError(true)] });
    expect(existing.conclusion).toBe('success');
    expect(existing.counts).toMatchObject({ errors: 1, newErrors: 0 });
    const fresh = verdict({ errors: [headError(true), headError(false, 'charts/api: template failed')] });
    expect(fresh.conclusion).toBe('failure');
    expect(fresh.counts).toMatchObject({ errors: 2, newErrors: 1 });
    expect(fresh.blocking[0]).toContain('first: charts/api: template failed');
    expect(verdict({ errors: [headError(false)] }, { errorsAtHead: false }).conclusion).toBe('success');
    // A base-only error never blocks.
    expect(verdict({ errors: [{ ref: 'base', error: { kind: 'render', message: 'old' } }] }).conclusion).toBe('success');
  });

  it('what the change touches and preadmit does not simulate blocks only with blocking.unsimulated', () => {
    const coverage = {
      simulated: { roots: {}, apps: {} },
      notSimulated: [
        { what: 'Argo CD ApplicationSet clusters', reason: 'the cluster generator reads the live cluster', changed: true },
        { what: 'Flux HelmRelease redis', reason: 'repository not allowed', changed: false },
      ],
    };
    expect(verdict({ coverage }).conclusion).toBe('success');
    const v = verdict({ coverage }, { unsimulated: true });
    expect(v.conclusion).toBe('failure');
    expect(v.blocking).toEqual(['prod: not simulated: Argo CD ApplicationSet clusters: the cluster generator reads the live cluster']);
  });

  it('existing objects newly denied by a constraint promoted to deny block as new denials do', () => {
    const promotion: Promotion = {
      constraint: { kind: 'K8sRequiredLabels', name: 'team' },
      from: 'dryrun',
      to: 'deny',
      objects: [{ object: { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'web' }, message: 'missing label team' }],
    };
    const v = verdict({ promotions: [promotion] });
    expect(v.conclusion).toBe('failure');
    expect(v.blocking[0]).toBe('1 existing object(s) would start being denied by constraint(s) promoted to deny: K8sRequiredLabels/team');
    expect(verdict({ promotions: [promotion] }, { newDeny: false }).conclusion).toBe('success');
  });

  it('sums over clusters', () => {
    const v = computeVerdict([cluster({ findings: [finding('new', ['deny'])] }), cluster({ name: 'staging', findings: [finding('new', ['deny'], 'api'), finding('fixed', ['deny'])] })], defaultBlocking());
    expect(v.counts).toMatchObject({ newDeny: 2, fixed: 1 });
    expect(v.blocking).toEqual(['2 new violation(s) that the admission webhook would deny']);
  });
});
