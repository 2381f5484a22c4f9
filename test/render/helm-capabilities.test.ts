// A chart that renders something only where Gatekeeper is installed (`.Capabilities.APIVersions.Has`) must not hide
// it from the review: preadmit's helm renders see Gatekeeper's APIs, as the cluster serves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const TEMPLATE = `{{- if .Capabilities.APIVersions.Has "templates.gatekeeper.sh/v1" }}
apiVersion: v1
kind: Pod
metadata:
  name: tuner
spec:
  containers:
    - name: tuner
      image: busybox:1.36
      securityContext:
        privileged: true
{{- end }}
{{- if .Capabilities.APIVersions.Has "templates.gatekeeper.sh/v1/ConstraintTemplate" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: with-kind
{{- end }}
{{- if .Capabilities.APIVersions.Has "example.com/v1" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-served
{{- end }}
`;

describe('helm renders see the APIs of a cluster running Gatekeeper', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = fixtureRepo();
    repo.commit({ 'charts/tuner/Chart.yaml': 'apiVersion: v2\nname: tuner\nversion: 0.1.0\n', 'charts/tuner/templates/pod.yaml': TEMPLATE }, 'chart');
  });
  afterAll(() => repo.cleanup());

  it("renders what a template gates on Gatekeeper's API versions, and nothing for an API the cluster does not serve", async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), repo.head(), {});
    expect(r.errors).toEqual([]);
    const names = r.objects.filter((o) => o.root.startsWith('helm:charts/tuner')).map((o) => `${o.object.kind}/${(o.object.metadata as { name: string }).name}`);
    expect(names.sort()).toEqual(['ConfigMap/with-kind', 'Pod/tuner']);
    const pod = r.objects.find((o) => o.object.kind === 'Pod')!;
    expect(pod.source.file).toBe('charts/tuner/templates/pod.yaml');
  });
});

// The cluster's own Kubernetes version and API versions (preadmit.yml `clusters[].kubeVersion`/`apiVersions`): a
// template gated on them is reviewed when the cluster is configured so, whichever way the chart is rendered (a helm
// root, a Flux HelmRelease, a kustomize helmCharts entry, the latter built alone or in a kustomize batch).
const GATED = `{{- if semverCompare ">=1.31.0-0" .Capabilities.KubeVersion.Version }}
apiVersion: v1
kind: Pod
metadata:
  name: new-kube
spec:
  containers:
    - name: c
      image: busybox:1.36
      securityContext:
        privileged: true
{{- end }}
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: with-monitoring
{{- end }}
{{- if .Capabilities.APIVersions.Has "templates.gatekeeper.sh/v1" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: with-gatekeeper
{{- end }}
`;

const HELM_RELEASE = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: gated
  namespace: flux-system
spec:
  chart:
    spec:
      chart: ./charts/gated
      sourceRef:
        kind: GitRepository
        name: flux-system
`;

describe("helm renders see the cluster's configured Kubernetes version and API versions", () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = fixtureRepo();
    repo.commit(
      {
        'charts/gated/Chart.yaml': 'apiVersion: v2\nname: gated\nversion: 0.1.0\n',
        'charts/gated/templates/all.yaml': GATED,
        'clusters/prod/release.yaml': HELM_RELEASE,
        'standalone/gated/Chart.yaml': 'apiVersion: v2\nname: gated\nversion: 0.1.0\n',
        'standalone/gated/templates/all.yaml': GATED,
        'apps/one/kustomization.yaml': 'helmCharts:\n- name: gated\n  releaseName: one\n',
        'apps/one/charts/gated/Chart.yaml': 'apiVersion: v2\nname: gated\nversion: 0.1.0\n',
        'apps/one/charts/gated/templates/all.yaml': GATED,
        'apps/one/charts/gated/values.yaml': '{}\n',
        // Two more roots, so that kustomize roots are built in a batch too (the batch program, when it runs helm).
        'apps/two/kustomization.yaml': 'helmCharts:\n- name: gated\n  releaseName: two\n',
        'apps/two/charts/gated/Chart.yaml': 'apiVersion: v2\nname: gated\nversion: 0.1.0\n',
        'apps/two/charts/gated/templates/all.yaml': GATED,
        'apps/two/charts/gated/values.yaml': '{}\n',
        'apps/three/kustomization.yaml': 'resources:\n- cm.yaml\n',
        'apps/three/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: three\n',
      },
      'gated charts',
    );
  });
  afterAll(() => repo.cleanup());

  const byRoot = (r: Awaited<ReturnType<typeof renderRef>>): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const o of r.objects) (out[o.root] ??= []).push(`${String(o.object.kind)}/${(o.object.metadata as { name: string }).name}`);
    for (const k of Object.keys(out)) out[k]!.sort();
    return out;
  };

  it('unconfigured: helm\'s own version (newer than the gate) and only Gatekeeper\'s extra APIs', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), repo.head(), {});
    expect(r.errors).toEqual([]);
    const all = ['ConfigMap/with-gatekeeper', 'Pod/new-kube'];
    expect(byRoot(r)).toEqual({
      'helm:standalone/gated#gated': all,
      'flux:clusters/prod/release.yaml#gated': all,
      'kustomize:apps/one': all,
      'kustomize:apps/two': all,
      'kustomize:apps/three': ['ConfigMap/three'],
      'plain:clusters/prod/release.yaml': ['HelmRelease/gated'],
    });
  });

  it('configured: an older cluster hides the version-gated Pod, a served CRD API shows its object; Gatekeeper\'s APIs stay', async () => {
    const r = await renderRef(new LocalGitSource(repo.dir), repo.head(), { kubeVersion: '1.29.4', apiVersions: ['monitoring.coreos.com/v1', 'monitoring.coreos.com/v1/ServiceMonitor'] });
    expect(r.errors).toEqual([]);
    const gated = ['ConfigMap/with-gatekeeper', 'ConfigMap/with-monitoring'];
    expect(byRoot(r)).toEqual({
      'helm:standalone/gated#gated': gated,
      'flux:clusters/prod/release.yaml#gated': gated,
      'kustomize:apps/one': gated,
      'kustomize:apps/two': gated,
      'kustomize:apps/three': ['ConfigMap/three'],
      'plain:clusters/prod/release.yaml': ['HelmRelease/gated'],
    });
    const newer = await renderRef(new LocalGitSource(repo.dir), repo.head(), { kubeVersion: 'v1.31.2' });
    expect(byRoot(newer)['kustomize:apps/one']).toEqual(['ConfigMap/with-gatekeeper', 'Pod/new-kube']);
    expect(byRoot(newer)['helm:standalone/gated#gated']).toEqual(['ConfigMap/with-gatekeeper', 'Pod/new-kube']);
  });
});
