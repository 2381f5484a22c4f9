// The renderer registry (render/api.ts, registry.ts): one renderer per root kind, and planning is exactly what the
// renderers say: the roots each discovers, the files each claims kept out of plain roots, each root planned by its own.
import { describe, expect, it } from 'vitest';
import { planRepo, rootId } from '../../src/render/plan.ts';
import { rendererOf, renderers } from '../../src/render/registry.ts';
import type { RootKind } from '../../src/render/types.ts';

const files: Record<string, string> = {
  'apps/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatches:\n  - path: ../../patches/replicas.yaml\n',
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
  'patches/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n',
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'charts/web/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
  // A values file spelling apiVersion and kind: the helm renderer claims it, so it is no plain root.
  'values/web-prod.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
  'plain/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n',
  'plain/notes.yaml': 'owner: team\n',
};
const text = (f: string): Promise<string | undefined> => Promise.resolve(files[f]);
const options = { helmValues: { 'charts/web': ['values/web-prod.yaml'] }, gitops: { enabled: false } };

describe('renderer registry', () => {
  it('has one renderer per root kind, plain last (it takes what the others do not claim)', () => {
    const kinds = renderers().map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(['helm', 'kustomize', 'plain']);
    expect(kinds.at(-1)).toBe('plain');
    for (const k of kinds) expect(rendererOf(k).kind).toBe(k);
    expect(rendererOf('plain').tools).toEqual([]);
    expect(rendererOf('kustomize').tools).toContain('helm');
    expect(() => rendererOf('jsonnet' as RootKind)).toThrow(/jsonnet/);
  });

  it('plans the roots the renderers discover, each by its own renderer, plain files claimed by none', async () => {
    const plan = await planRepo(text, Object.keys(files), options);
    expect(plan.roots.map((p) => rootId(p.root))).toEqual(['helm:charts/web#web', 'kustomize:apps/prod', 'plain:plain/ns.yaml']);
    // Candidates: every manifest file nothing claims (the kustomization's patch and base, the chart, the values file are claimed).
    expect([...plan.plainCandidates].sort()).toEqual(['plain/notes.yaml', 'plain/ns.yaml']);
    const byId = new Map(plan.roots.map((p) => [rootId(p.root), p]));
    expect([...byId.get('kustomize:apps/prod')!.deps]).toEqual(expect.arrayContaining(['apps/prod/kustomization.yaml', 'base/deploy.yaml', 'patches/replicas.yaml']));
    expect([...byId.get('helm:charts/web#web')!.deps]).toEqual(['values/web-prod.yaml']);
    expect([...byId.get('helm:charts/web#web')!.prefixes]).toEqual(['charts/web']);
    expect([...byId.get('plain:plain/ns.yaml')!.deps]).toEqual(['plain/ns.yaml']);
  });

  it('with a change, the plain renderer keeps only the touched files; the others plan every root', async () => {
    const plan = await planRepo(text, Object.keys(files), { ...options, changed: [{ path: 'base/deploy.yaml', status: 'modified' }] });
    expect(plan.roots.map((p) => rootId(p.root))).toEqual(['helm:charts/web#web', 'kustomize:apps/prod']);
  });
});
