// Signal (issue #10): only what the PR changes. Real git histories through the real pipeline (git source,
// kustomize, helm, opa-compiled templates, the wasm evaluator): findings that persist are not new, a violation
// reworded is `changed` (not new + fixed), an edited workload's Pods are still reviewed as the CREATEs its
// controller makes, generated names keep their identity, existing errors do not block, duplicates are reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSarifText } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import { brief, constraint, deployment, only, simulateRepo, template, useTestRepos } from './harness.ts';

let runtime: Runtime;
const newRepo = useTestRepos();

beforeAll(() => {
  runtime = createRuntime();
});

afterAll(async () => {
  await runtime?.close();
});

const MATCH_PODS = `    kinds:
      - apiGroups: [""]
        kinds: ["Pod"]
`;

const REPOS_POLICY = {
  'policies/allowed-repos.yaml': template('allowed-repos'),
  'policies/repos.yaml': constraint('SimAllowedRepos', 'repo-is-allowed', MATCH_PODS, '  parameters:\n    repos: ["registry.example.com/"]\n'),
};

const MATCH_DEPLOYMENTS_ONLY = `    kinds:
      - apiGroups: ["apps"]
        kinds: ["Deployment"]
`;

const PSP_POLICY = {
  'policies/psp-privileged.yaml': template('psp-privileged'),
  'policies/psp-host-namespace.yaml': template('psp-host-namespace'),
  'policies/psp.yaml': `${constraint('SimPspPrivileged', 'no-privileged', MATCH_PODS)}---\n${constraint('SimPspHostNamespace', 'no-host-namespace', MATCH_PODS)}`,
};

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in text`);
  return i + 1;
}

describe('persisting violations are not new', () => {
  it('an image-tag bump that rewords a violation: PASS with 1 changed (both messages), not new + fixed', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...REPOS_POLICY, 'apps/collector.yaml': deployment('collector', 'shop', { image: 'otel/opentelemetry-collector:0.122.1' }) });
    const headText = deployment('collector', 'shop', { image: 'otel/opentelemetry-collector:0.123.0' });
    const head = repo.commit({ 'apps/collector.yaml': headText });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual([
      'changed object SimAllowedRepos/repo-is-allowed deny Deployment shop/collector: [Implied by preadmit-expand-apps] container <collector> has an invalid image repo <otel/opentelemetry-collector:0.123.0>, allowed repos are ["registry.example.com/"]',
    ]);
    const f = c.findings[0]!;
    expect(f.previousMessage).toBe(
      '[Implied by preadmit-expand-apps] container <collector> has an invalid image repo <otel/opentelemetry-collector:0.122.1>, allowed repos are ["registry.example.com/"]',
    );
    // The finding points at the image line, not the whole Deployment.
    expect(f.location).toMatchObject({ file: 'apps/collector.yaml', startLine: lineOf(headText, 'image:'), endLine: lineOf(headText, 'image:') });
    expect(f.previousId).toMatch(/^[0-9a-f]{16}$/);
    expect(f.previousId).not.toBe(f.id);
    expect(report.verdict.conclusion).toBe('success');
    expect(report.verdict.counts).toMatchObject({ newDeny: 0, fixed: 0, unchanged: 1, changed: 1 });

    // Every rendering carries the pairing.
    const json = JSON.parse(renderJson(report)) as { clusters: Array<{ findings: Array<Record<string, unknown>> }>; verdict: { counts: Record<string, number> } };
    expect(json.clusters[0]!.findings[0]).toMatchObject({ category: 'changed', previousMessage: f.previousMessage, previousId: f.previousId });
    expect(json.verdict.counts).toMatchObject({ changed: 1, unchanged: 1 });
    const sarif = JSON.parse(renderSarifText(report)) as { runs: Array<{ results: Array<{ baselineState: string; properties: Record<string, unknown> }> }> };
    expect(sarif.runs[0]!.results.map((r) => [r.baselineState, r.properties.previousMessage])).toEqual([['updated', f.previousMessage]]);
    const md = renderMarkdown(report).summary;
    expect(md).toContain('Unchanged violations (1, 1 with a changed message)');
    expect(md).toContain('was: ');
    expect(md).toContain('0.122.1');
    expect(md).not.toContain('### Fixed');
    const text = renderText(report, { color: false });
    expect(text).toContain('still violating, message changed (1)');
    expect(text).toContain('was: [Implied by preadmit-expand-apps] container <collector> has an invalid image repo <otel/opentelemetry-collector:0.122.1>');
  });

  it('a second violation of the same constraint on the same object is new; only the surplus is new or fixed', async () => {
    const repo = newRepo();
    const twoContainers = (a: string, b?: string) =>
      deployment('api', 'shop', { image: a }).replace(/$/, b ? `        - name: sidecar\n          image: ${b}\n` : '');
    const base = repo.commit({ ...REPOS_POLICY, 'apps/api.yaml': twoContainers('docker.io/api:1') });
    const head = repo.commit({ 'apps/api.yaml': twoContainers('docker.io/api:2', 'quay.io/proxy:1') });
    const c = only(await simulateRepo(repo, base, head, runtime));
    expect(c.findings.map((f) => `${f.category} ${f.message.replace(/, allowed.*/, '')}`)).toEqual([
      'new [Implied by preadmit-expand-apps] container <sidecar> has an invalid image repo <quay.io/proxy:1>',
      'changed [Implied by preadmit-expand-apps] container <api> has an invalid image repo <docker.io/api:2>',
    ]);
  });
});

describe('an edited workload is still reviewed as the Pods its controller creates', () => {
  it('privileged + hostPID added to an existing Deployment under UPDATE-skipping templates: BLOCK with new violations on the pods', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...PSP_POLICY, 'apps/web.yaml': deployment('web', 'shop', { podSpec: ['hostIPC: true'] }) });
    const headText = deployment('web', 'shop', { podSpec: ['hostIPC: true', 'hostPID: true'], securityContext: ['privileged: true'] });
    const head = repo.commit({ 'apps/web.yaml': headText });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual([
      'new object SimPspPrivileged/no-privileged deny Deployment shop/web: [Implied by preadmit-expand-apps] Privileged container is not allowed: web, securityContext: {"privileged": true}',
      'unchanged object SimPspHostNamespace/no-host-namespace deny Deployment shop/web: [Implied by preadmit-expand-apps] Sharing the host namespace is not allowed: web-pod',
    ]);
    expect(c.findings[0]).toMatchObject({ operation: 'CREATE', onCreate: true, impliedBy: 'preadmit-expand-apps' });
    // At the `privileged:` line the message names (inside the container it names).
    expect(c.findings[0]!.location).toMatchObject({ file: 'apps/web.yaml', startLine: lineOf(headText, 'privileged: true') });
    // The host-namespace message names no field: the object's own range.
    expect(c.findings[1]!.location).toBeUndefined();
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.counts).toMatchObject({ newDeny: 1, fixed: 0, unchanged: 1 });
    expect(renderMarkdown(report).summary).toContain('the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created');
  });

  it('any edit of a violating workload (replicas, image, labels) never reports its violations as fixed', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...PSP_POLICY, 'apps/web.yaml': deployment('web', 'shop', { podSpec: ['hostPID: true'], securityContext: ['privileged: true'] }) });
    const edits = [
      deployment('web', 'shop', { podSpec: ['hostPID: true'], securityContext: ['privileged: true'], replicas: 3 }),
      deployment('web', 'shop', { podSpec: ['hostPID: true'], securityContext: ['privileged: true'], image: 'registry.example.com/app:2.0.0' }),
      deployment('web', 'shop', { podSpec: ['hostPID: true'], securityContext: ['privileged: true'] }).replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    tier: web\n'),
    ];
    for (const edit of edits) {
      const head = repo.commit({ 'apps/web.yaml': edit });
      const report = await simulateRepo(repo, base, head, runtime);
      const c = only(report);
      expect(c.findings.map((f) => `${f.category} ${f.constraint.name}`)).toEqual(['unchanged no-host-namespace', 'unchanged no-privileged']);
      expect(report.verdict.counts).toMatchObject({ newDeny: 0, fixed: 0, unchanged: 2 });
      expect(report.verdict.conclusion).toBe('success');
    }
  });

  it('removing the offending field of an existing Deployment is a real fix', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...PSP_POLICY, 'apps/web.yaml': deployment('web', 'shop', { securityContext: ['privileged: true'] }) });
    const head = repo.commit({ 'apps/web.yaml': deployment('web', 'shop', { securityContext: ['privileged: false'] }) });
    const c = only(await simulateRepo(repo, base, head, runtime));
    expect(c.findings.map((f) => `${f.category} ${f.constraint.name}`)).toEqual(['fixed no-privileged']);
  });
});

describe('generated names keep their identity', () => {
  it('a configMapGenerator content change re-hashes the name: the ConfigMap is shown as changed, its finding unchanged', async () => {
    const repo = newRepo();
    const kustomization = (value: string) => `namespace: shop
resources:
  - deployment.yaml
configMapGenerator:
  - name: app-config
    literals:
      - LOG_LEVEL=${value}
`;
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels:
    team: shop
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0.0
          envFrom:
            - configMapRef:
                name: app-config
`;
    const policy = {
      'policies/required-team.yaml': template('required-team'),
      'policies/constraint.yaml': constraint('SimRequiredTeam', 'team-required', '    kinds:\n      - apiGroups: [""]\n        kinds: ["ConfigMap"]\n'),
    };
    const base = repo.commit({ ...policy, 'apps/app/kustomization.yaml': kustomization('info'), 'apps/app/deployment.yaml': dep });
    const head = repo.commit({ 'apps/app/kustomization.yaml': kustomization('debug') });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    const cm = c.renderedDiffs.find((d) => d.object.kind === 'ConfigMap')!;
    expect(cm.change).toBe('modified');
    expect(cm.object.name).toMatch(/^app-config-[a-z0-9]{10}$/);
    expect(cm.previousName).toMatch(/^app-config-[a-z0-9]{10}$/);
    expect(cm.previousName).not.toBe(cm.object.name);
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.object.kind}`).sort()).toEqual(['modified ConfigMap', 'modified Deployment']);
    expect(c.findings.map((f) => `${f.category} ${f.object.kind}`)).toEqual(['unchanged ConfigMap']);
    expect(c.findings[0]!.message).toBe(`ConfigMap ${cm.object.name} has no team label`);
    expect(report.verdict.conclusion).toBe('success');
    expect(report.verdict.counts).toMatchObject({ newDeny: 0, fixed: 0, unchanged: 1, changed: 0 });
  });

  it('a kustomize namePrefix change renames every object: the same objects, their findings unchanged', async () => {
    const repo = newRepo();
    const policy = { 'policies/required-team.yaml': template('required-team'), 'policies/constraint.yaml': constraint('SimRequiredTeam', 'team-required', MATCH_DEPLOYMENTS_ONLY) };
    const files = {
      'apps/base/kustomization.yaml': 'resources:\n  - web.yaml\n  - api.yaml\n',
      'apps/base/web.yaml': deployment('web', 'shop'),
      'apps/base/api.yaml': deployment('api', 'shop'),
    };
    const overlay = (prefix: string) => `namePrefix: ${prefix}\nresources:\n  - ../base\n`;
    const base = repo.commit({ ...policy, ...files, 'apps/prod/kustomization.yaml': overlay('prod-') });
    const head = repo.commit({ 'apps/prod/kustomization.yaml': overlay('prd-') });
    const report = await simulateRepo(repo, base, head, runtime, 'clusters:\n  - name: default\n    manifests: [apps/prod]\n    policies: [policies]\n');
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map((f) => `${f.category} ${f.object.name}: ${f.message}`).sort()).toEqual([
      'unchanged prd-api: Deployment prd-api has no team label',
      'unchanged prd-web: Deployment prd-web has no team label',
    ]);
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.previousName} -> ${d.object.name}`).sort()).toEqual(['modified prod-api -> prd-api', 'modified prod-web -> prd-web']);
    expect(report.verdict.conclusion).toBe('success');
  });

  it('an image a kustomize `images:` entry sets: the finding points at that entry; a tag bump there is changed', async () => {
    const repo = newRepo();
    const overlay = (tag: string) => `resources:\n  - ../base\nimages:\n  - name: otel/opentelemetry-collector\n    newTag: "${tag}"\n`;
    const base = repo.commit({
      ...REPOS_POLICY,
      'apps/base/kustomization.yaml': 'resources:\n  - collector.yaml\n',
      'apps/base/collector.yaml': deployment('collector', 'shop', { image: 'otel/opentelemetry-collector:latest' }),
      'apps/prod/kustomization.yaml': overlay('0.122.1'),
    });
    const head = repo.commit({ 'apps/prod/kustomization.yaml': overlay('0.123.0') });
    const report = await simulateRepo(repo, base, head, runtime, 'clusters:\n  - name: default\n    manifests: [apps/prod]\n    policies: [policies]\n');
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map((f) => f.category)).toEqual(['changed']);
    expect(c.findings[0]!.message).toContain('<otel/opentelemetry-collector:0.123.0>');
    expect(c.findings[0]!.location).toEqual({ file: 'apps/prod/kustomization.yaml', startLine: 4, endLine: 4 });
    expect(report.verdict.conclusion).toBe('success');
  });

  it('an image a helm chart takes from its values: the finding points at the values line, the override file when there is one', async () => {
    const repo = newRepo();
    const template = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;
    const base = repo.commit({
      ...REPOS_POLICY,
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'charts/api/values.yaml': 'replicas: 1\nimage:\n  repository: quay.io/someone/api\n  tag: "2.0.0"\n',
      'charts/api/templates/deployment.yaml': template,
      'env/prod-values.yaml': '# prod\nimage:\n  repository: docker.io/someone/api-mirror\n',
    });
    const head = repo.commit({ 'charts/api/values.yaml': 'replicas: 1\nimage:\n  repository: quay.io/someone/api\n  tag: "2.1.0"\n' });
    const plain = await simulateRepo(repo, base, head, runtime);
    const f = only(plain).findings;
    expect(f.map((x) => x.category)).toEqual(['changed']);
    expect(f[0]!.location).toEqual({ file: 'charts/api/values.yaml', startLine: 3, endLine: 3 });
    const withOverride = await simulateRepo(repo, base, head, runtime, 'clusters:\n  - name: default\n    helmValues:\n      charts/api: [env/prod-values.yaml]\n');
    const g = only(withOverride).findings;
    expect(g.map((x) => x.message.replace(/, allowed.*/, ''))).toEqual(['[Implied by preadmit-expand-apps] container <api> has an invalid image repo <docker.io/someone/api-mirror:2.1.0>']);
    expect(g[0]!.location).toEqual({ file: 'env/prod-values.yaml', startLine: 3, endLine: 3 });
  });

  it('a helm test hook named with randAlphaNum: unchanged when the chart changes', async () => {
    const repo = newRepo();
    const chart = (level: string) => ({
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml': `logLevel: ${level}\n`,
      'charts/web/templates/configmap.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n  labels:\n    team: web\ndata:\n  level: {{ .Values.logLevel | quote }}\n',
      'charts/web/templates/tests/test-connection.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-test-{{ randAlphaNum 6 | lower }}
  annotations:
    "helm.sh/hook": test
spec:
  containers:
    - name: wget
      image: busybox
  restartPolicy: Never
`,
    });
    const policy = {
      'policies/required-team.yaml': template('required-team'),
      'policies/constraint.yaml': constraint('SimRequiredTeam', 'team-required', MATCH_PODS),
    };
    const base = repo.commit({ ...policy, ...chart('info') });
    const head = repo.commit(chart('debug'));
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map((f) => `${f.category} ${f.object.kind}`)).toEqual(['unchanged Pod']);
    expect(c.findings[0]!.object.name).toMatch(/^web-test-[a-z0-9]{6}$/);
    expect(report.verdict.counts).toMatchObject({ newDeny: 0, fixed: 0, unchanged: 1 });
    // The test pod's only change is its random name: one modified object, not removed + added.
    const pod = c.renderedDiffs.filter((d) => d.object.kind === 'Pod');
    expect(pod.every((d) => d.change === 'modified')).toBe(true);
    expect(report.verdict.conclusion).toBe('success');
  });
});

describe('errors: only new ones block', () => {
  const orphan = constraint('SimNoSuchTemplate', 'orphan', MATCH_PODS);

  it('an error present at base and head is listed (also at base), not blocking', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...REPOS_POLICY, 'policies/orphan.yaml': orphan, 'apps/a.yaml': deployment('a', 'shop') });
    const head = repo.commit({ 'apps/a.yaml': deployment('a', 'shop', { replicas: 2 }) });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    const headErrors = c.errors.filter((e) => e.ref === 'head');
    expect(headErrors.length).toBeGreaterThan(0);
    expect(headErrors.every((e) => e.existing === true)).toBe(true);
    expect(headErrors[0]!.error.message).toContain('SimNoSuchTemplate');
    expect(report.verdict.conclusion).toBe('success');
    expect(report.verdict.counts.newErrors).toBe(0);
    expect(renderMarkdown(report).summary).toContain('head (also at base)');
  });

  it('the same error moved down by an edit above it is still the existing one', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...REPOS_POLICY, 'policies/orphan.yaml': orphan, 'apps/a.yaml': deployment('a', 'shop') });
    const head = repo.commit({ 'policies/orphan.yaml': `# a comment\n# another\n${orphan}` });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors.filter((e) => e.ref === 'head').every((e) => e.existing === true)).toBe(true);
    expect(report.verdict.conclusion).toBe('success');
  });

  it('a new error at head blocks', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...REPOS_POLICY, 'apps/a.yaml': deployment('a', 'shop') });
    const head = repo.commit({ 'policies/orphan.yaml': orphan });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    const headErrors = c.errors.filter((e) => e.ref === 'head');
    expect(headErrors.length).toBeGreaterThan(0);
    expect(headErrors.some((e) => e.existing)).toBe(false);
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.counts.newErrors).toBe(headErrors.length);
    expect(report.verdict.blocking.join('\n')).toContain('error(s) at head');
  });
});

describe('duplicates', () => {
  it('the same object rendered by two roots is reported as a duplicate, each copy with its own findings', async () => {
    const repo = newRepo();
    const policy = { 'policies/required-team.yaml': template('required-team'), 'policies/constraint.yaml': constraint('SimRequiredTeam', 'team-required', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment"]\n') };
    const base = repo.commit({ ...policy, 'apps/web.yaml': deployment('web', 'shop') });
    const head = repo.commit({ 'apps/web.yaml': deployment('web', 'shop', { replicas: 2 }), 'apps/copy/web.yaml': deployment('web', 'shop', { replicas: 3 }) });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.duplicates).toHaveLength(1);
    expect(c.duplicates![0]).toMatchObject({ ref: 'head', object: { kind: 'Deployment', namespace: 'shop', name: 'web' } });
    expect(c.duplicates![0]!.copies.map((x) => x.source.file).sort()).toEqual(['apps/copy/web.yaml', 'apps/web.yaml']);
    // Not merged: the copy at the original root keeps its finding, the new copy has its own.
    expect(c.findings.map((f) => `${f.category} ${f.objectSource?.file}`)).toEqual(['new apps/copy/web.yaml', 'unchanged apps/web.yaml']);
    expect(renderMarkdown(report).summary).toContain('Objects rendered more than once (1)');
    expect(renderText(report, { color: false })).toContain('objects rendered more than once (1)');
  });
});
