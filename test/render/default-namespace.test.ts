// The cluster's default namespace (`defaultNamespace`, kubectl's and helm's context namespace) for every apply that
// names none: a helm release without a namespace (also its `.Release.Namespace`), an Argo CD app without a
// destination namespace, plain files; cluster-scoped kinds and CRD-declared cluster kinds get none.
import { afterAll, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import type { RenderedObject } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const FILES: Record<string, string> = {
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'charts/web/values.yaml': '{}\n',
  'charts/web/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chart-cm\ndata:\n  releaseNamespace: {{ .Release.Namespace }}\n',
  'argo/app.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: tools, namespace: argocd}
spec:
  source: {repoURL: https://example.com/repo.git, path: tools}
  destination: {server: https://kubernetes.default.svc}
`,
  'tools/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tools-cm}\n',
  'plain/objects.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: plain-cm}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: example.com/fast
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Gadget, plural: gadgets}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
---
apiVersion: example.com/v1
kind: Gadget
metadata: {name: global-gadget}
`,
};

const repos: FixtureRepo[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
});

const placed = (objects: RenderedObject[]): Record<string, string | undefined> =>
  Object.fromEntries(objects.filter((o) => o.object.kind !== 'CustomResourceDefinition').map((o) => [(o.object.metadata as { name: string }).name, (o.object.metadata as { namespace?: string }).namespace]));

describe('the cluster\'s default namespace', () => {
  it('is where helm releases, Argo CD apps without a destination namespace and plain files put objects naming none', async () => {
    const repo = fixtureRepo();
    repos.push(repo);
    const head = repo.commit(FILES, 'fixture');
    const source = new LocalGitSource(repo.dir);
    const apps = await renderRef(source, head, { defaultNamespace: 'apps' });
    expect(apps.errors).toEqual([]);
    expect(placed(apps.objects)).toEqual({ tools: 'argocd', 'chart-cm': 'apps', 'tools-cm': 'apps', 'plain-cm': 'apps', fast: undefined, 'global-gadget': undefined });
    // helm is told the namespace too: what the templates see is where the objects land.
    expect(apps.objects.find((o) => (o.object.metadata as { name: string }).name === 'chart-cm')?.object.data).toEqual({ releaseNamespace: 'apps' });
    const dflt = await renderRef(source, head);
    expect(placed(dflt.objects)).toEqual({ tools: 'argocd', 'chart-cm': 'default', 'tools-cm': 'default', 'plain-cm': 'default', fast: undefined, 'global-gadget': undefined });
  });
});
