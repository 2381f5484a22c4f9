// Mutators (mutations.gatekeeper.sh) are not simulated: every front door says so, from one place
// (gatekeeper/mutation.ts). `diff`, check-pr and the app list each one in the cluster's Coverage with its file and
// line, in JSON, Markdown, SARIF and text; `preadmit test` lists it among its errors.
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/commands/diff.ts';
import { createRuntime } from '../../src/engine/runtime.ts';
import { runTest } from '../../src/engine/test.ts';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { MUTATION_NOT_SIMULATED } from '../../src/gatekeeper/mutation.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { deployment, only, simulateRepo, useTestRepos } from './harness.ts';

const assign = `apiVersion: mutations.gatekeeper.sh/v1
kind: Assign
metadata:
  name: default-pull-policy
spec:
  applyTo:
    - groups: ["apps"]
      kinds: ["Deployment"]
      versions: ["v1"]
  location: "spec.template.spec.containers[name:*].imagePullPolicy"
  parameters:
    assign:
      value: Always
`;
const assignMetadata = `apiVersion: mutations.gatekeeper.sh/v1
kind: AssignMetadata
metadata:
  name: owner-label
spec:
  location: metadata.labels.owner
  parameters:
    assign:
      value: platform
`;

describe('mutators are reported as not simulated by every front door', () => {
  const runtime = createRuntime({ size: 1 });
  afterAll(() => runtime.close());
  const newRepo = useTestRepos();

  it('diff: each mutator (policies and manifests) in the Coverage with file, line and whether the change touches it, in every format', async () => {
    const repo = newRepo();
    const base = repo.commit({
      'policies/mutators.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\n${assign}`,
      'apps/web.yaml': deployment('web', 'apps'),
    });
    const head = repo.commit({ 'apps/mutate.yaml': assignMetadata });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    const mutators = (c.coverage?.notSimulated ?? []).filter((n) => n.what.startsWith('Gatekeeper mutator'));
    expect(mutators.map((n) => [n.what, n.source?.file, n.source?.startLine, n.changed, n.reason]).sort()).toEqual([
      ['Gatekeeper mutator Assign default-pull-policy', 'policies/mutators.yaml', 6, false, MUTATION_NOT_SIMULATED],
      ['Gatekeeper mutator AssignMetadata owner-label', 'apps/mutate.yaml', 1, true, MUTATION_NOT_SIMULATED],
    ]);

    const json = JSON.parse(renderReport(report, 'json', false)) as { clusters: { coverage: { notSimulated: { what: string; source: { file: string; startLine: number } }[] } }[] };
    expect(json.clusters[0]!.coverage.notSimulated.map((n) => `${n.what} ${n.source.file}:${n.source.startLine}`)).toEqual(
      expect.arrayContaining(['Gatekeeper mutator Assign default-pull-policy policies/mutators.yaml:6', 'Gatekeeper mutator AssignMetadata owner-label apps/mutate.yaml:1']),
    );

    const md = renderMarkdown(report, { repoUrl: 'https://github.com/o/r' }).summary;
    expect(md).toMatch(/Gatekeeper mutator AssignMetadata owner-label \| \[apps\/mutate\.yaml:1-9\]\([^)]*apps\/mutate\.yaml#L1-L9\) \| yes \| not applied: preadmit does not simulate mutation/);
    expect(md).toMatch(/Gatekeeper mutator Assign default-pull-policy \| \[policies\/mutators\.yaml:6-18\]\([^)]*#L6-L18\) \| no \|/);

    const sarif = JSON.parse(renderReport(report, 'sarif', false)) as {
      runs: { invocations: { toolExecutionNotifications: { message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }[];
    };
    const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.filter((n) => n.message.text.includes('Gatekeeper mutator'));
    expect(notes.map((n) => `${n.locations?.[0]?.physicalLocation.artifactLocation.uri}:${n.locations?.[0]?.physicalLocation.region.startLine}`).sort()).toEqual([
      'apps/mutate.yaml:1',
      'policies/mutators.yaml:6',
    ]);

    const text = renderReport(report, 'text', false);
    expect(text).toContain('touched Gatekeeper mutator AssignMetadata owner-label  apps/mutate.yaml:1-9');
    expect(text).toMatch(/Gatekeeper mutator Assign default-pull-policy {2}policies\/mutators\.yaml:6-18 {2}not applied: preadmit does not simulate mutation/);
  });

  it('`blocking.unsimulated` blocks on a mutator the change adds, as on any other thing not simulated', async () => {
    const repo = newRepo();
    const base = repo.commit({ 'apps/web.yaml': deployment('web', 'apps') });
    const head = repo.commit({ 'apps/mutate.yaml': assignMetadata });
    const report = await simulateRepo(repo, base, head, runtime, 'blocking:\n  unsimulated: true\n');
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.blocking).toContain(`default: not simulated: Gatekeeper mutator AssignMetadata owner-label: ${MUTATION_NOT_SIMULATED}`);
    const relaxed = await simulateRepo(repo, base, head, runtime);
    expect(relaxed.verdict.conclusion).toBe('success');
  });

  it('preadmit test: the same words, with file and line, among its errors', async () => {
    const objects = loadManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n${assign}`, 'suite/objects.yaml').objects;
    const run = await runTest(objects, { compiler: runtime.compiler, pool: runtime.pool });
    expect(run.errors.map((e) => e.message)).toEqual([`suite/objects.yaml:6: Gatekeeper mutator Assign default-pull-policy is ${MUTATION_NOT_SIMULATED}`]);
  });
});
