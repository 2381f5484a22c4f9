// kustomize helmCharts and the cluster's helm capabilities through the whole simulation: a chart made privileged by
// its helmCharts entry blocks, the finding points at that entry; a template gated on the cluster's Kubernetes version
// or a CRD API is reviewed when preadmit.yml says the cluster has them; a chart from a repository that is not allowed
// is listed in Coverage (JSON and SARIF) at its entry's line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { simulateRepo, template, useTestRepos } from './harness.ts';

let runtime: Runtime;
beforeAll(() => {
  runtime = createRuntime();
});
afterAll(async () => {
  await runtime?.close();
});

const POLICY = {
  'policies/template.yaml': template('psp-privileged'),
  'policies/constraint.yaml': `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: SimPspPrivileged
metadata:
  name: no-privileged
spec:
  match:
    kinds:
      - apiGroups: [""]
        kinds: [Pod]
`,
};

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: {{ .Values.privileged }}
`;

const CHART = {
  'apps/web/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'apps/web/charts/web/values.yaml': 'privileged: false\n',
  'apps/web/charts/web/templates/deployment.yaml': DEPLOYMENT,
};

const kustomization = (privileged: boolean): string => `commonLabels: {team: shop}
helmCharts:
- name: web
  releaseName: web
  valuesInline:
    privileged: ${privileged}
`;

// Privileged only on clusters older than 1.30, and a monitoring sidecar Pod only where the CRD API is served.
const GATED = `{{- if semverCompare "<1.30.0-0" .Capabilities.KubeVersion.Version }}
apiVersion: v1
kind: Pod
metadata:
  name: legacy-tuner
spec:
  containers:
    - name: tuner
      image: busybox:1.36
      securityContext:
        privileged: true
{{- end }}
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
---
apiVersion: v1
kind: Pod
metadata:
  name: scraper
spec:
  containers:
    - name: scraper
      image: busybox:1.36
      securityContext:
        privileged: true
{{- end }}
`;

describe('kustomize helmCharts and cluster capabilities in a simulation', () => {
  const newRepo = useTestRepos();

  it('a helmCharts entry that makes the chart privileged blocks; the finding points at the entry', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...POLICY, ...CHART, 'apps/web/kustomization.yaml': kustomization(false) }, 'base');
    const head = repo.commit({ 'apps/web/kustomization.yaml': kustomization(true) }, 'privileged');
    const report = await simulateRepo(repo, base, head, runtime);
    expect(report.clusters[0]!.errors).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
    const found = report.clusters[0]!.findings.filter((f) => f.category === 'new');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.object.name).toBe('web');
      expect(f.objectSource).toMatchObject({ file: 'apps/web/kustomization.yaml', startLine: 3, endLine: 6 });
    }
    // The chart is rendered through the kustomization only: no helm release of its own.
    expect(report.clusters[0]!.coverage!.simulated.roots).toEqual({ kustomize: 1 });
  });

  it("a template gated on the cluster's Kubernetes version or a CRD API is reviewed when preadmit.yml configures them", async () => {
    const repo = newRepo();
    const base = repo.commit(POLICY, 'base');
    const head = repo.commit({ 'charts/tuner/Chart.yaml': 'apiVersion: v2\nname: tuner\nversion: 0.1.0\n', 'charts/tuner/templates/pods.yaml': GATED }, 'chart');
    const names = (r: Awaited<ReturnType<typeof simulateRepo>>): string[] => [...new Set(r.clusters[0]!.findings.filter((f) => f.category === 'new').map((f) => f.object.name))].sort();
    const unconfigured = await simulateRepo(repo, base, head, runtime);
    expect(names(unconfigured)).toEqual([]);
    expect(unconfigured.verdict.conclusion).toBe('success');
    const old = await simulateRepo(repo, base, head, runtime, 'clusters:\n  - name: prod\n    kubeVersion: "1.29.6"\n    apiVersions: [monitoring.coreos.com/v1]\n');
    expect(names(old)).toEqual(['legacy-tuner', 'scraper']);
    expect(old.verdict.conclusion).toBe('failure');
    const monitored = await simulateRepo(repo, base, head, runtime, 'clusters:\n  - name: prod\n    apiVersions: [monitoring.coreos.com/v1]\n');
    expect(names(monitored)).toEqual(['scraper']);
  });

  it('a chart from a repository that is not allowed is listed as not simulated at its entry, in the report and in SARIF', async () => {
    const repo = newRepo();
    const base = repo.commit(POLICY, 'base');
    const head = repo.commit({ 'apps/cache/kustomization.yaml': 'resources: []\nhelmCharts:\n- name: redis\n  repo: https://charts.example.com/stable\n  version: 19.0.0\n' }, 'remote chart');
    const report = await simulateRepo(repo, base, head, runtime);
    const entry = report.clusters[0]!.coverage!.notSimulated.find((n) => n.what === 'kustomize:apps/cache');
    expect(entry).toMatchObject({ changed: true, source: { file: 'apps/cache/kustomization.yaml', startLine: 3 } });
    expect(entry!.reason).toContain("helmCharts chart 'redis' from https://charts.example.com/stable: not simulated: chart repository https://charts.example.com/stable is not allowed");
    const run = renderSarif(report).runs[0]!;
    const note = run.invocations[0]!.toolExecutionNotifications!.find((n) => n.message.text.includes('kustomize:apps/cache'));
    expect(note?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(3);
    expect(run.results.find((r) => r.ruleId === 'preadmit/not-simulated')?.level).toBe('note');
  });
});
