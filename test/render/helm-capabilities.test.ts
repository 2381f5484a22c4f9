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
