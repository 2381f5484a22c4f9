// App of apps: the CRs an app deploys from this repository are apps of the same cluster, followed to any depth.
import { describe, expect, it } from 'vitest';
import { planRepo } from '../../src/render/plan.ts';

const app = (name: string, path: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: ${name}, namespace: argocd}
spec:
  source: {repoURL: https://github.com/acme/gitops.git, path: ${path}}
  destination: {namespace: ${name}}
`;

async function plan(files: Record<string, string>, paths: string[]) {
  return planRepo(async (f) => files[f], Object.keys(files), { paths });
}

describe('app of apps', () => {
  const files = {
    'bootstrap/root.yaml': app('root', 'apps'),
    'apps/web.yaml': app('web', 'web'),
    'apps/more.yaml': app('more', 'nested'),
    'nested/deep.yaml': app('deep', 'deep'),
    'nested/loop.yaml': app('loop', 'apps'),
    'web/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n',
    'deep/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\n',
    'other/unrelated.yaml': app('unrelated', 'web'),
  };

  it('follows Applications deployed by an Application to any depth, once each, and no others', async () => {
    const p = await plan(files, ['bootstrap']);
    expect(p.apps.map((a) => a.id).sort()).toEqual([
      'argocd:apps/more.yaml#more',
      'argocd:apps/web.yaml#web',
      'argocd:bootstrap/root.yaml#root',
      'argocd:nested/deep.yaml#deep',
      'argocd:nested/loop.yaml#loop',
    ]);
  });

  it('an Application not under the manifests nor deployed by one is not the cluster\'s', async () => {
    const p = await plan(files, ['apps']);
    expect(p.apps.map((a) => a.id)).not.toContain('argocd:bootstrap/root.yaml#root');
    expect(p.apps.map((a) => a.id)).not.toContain('argocd:other/unrelated.yaml#unrelated');
  });
});
