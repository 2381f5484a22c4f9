// The demo repository (fixtures/demo, built as real git history by scripts/demo.ts) through the real pipeline:
// exact findings and verdict, then the `preadmit diff` command and its four output formats.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { GITHUB_SUMMARY_LIMIT, renderMarkdown } from '../../src/report/markdown.ts';
import { renderJson } from '../../src/report/json.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { brief, diffCommand, only } from './harness.ts';

let dir: string;
let runtime: Runtime;
let report: SimulationReport;

beforeAll(async () => {
  dir = await buildDemoRepo();
  runtime = createRuntime();
  const { config, errors } = loadConfig(await readFile(path.join(dir, '.github/preadmit.yml'), 'utf8'), '.github/preadmit.yml');
  expect(errors).toEqual([]);
  report = await simulate({ source: new LocalGitSource(dir), base: 'main', head: 'pr', config, runtime });
});

afterAll(async () => {
  await runtime?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const PRIV = '[Implied by expand-workloads] container "web" is privileged: remove securityContext.privileged or set it to false';
const REGISTRY =
  '[Implied by expand-workloads] container "api" image "quay.io/someone/api:2.1.0" (quay.io/someone/api) is not from an allowed registry: change image to one from ["docker.io/library", "registry.company.com"]';
const MEMORY = '[Implied by expand-workloads] container "worker" has no memory limit: set resources.limits.memory';
const ESCALATION = '[Implied by expand-workloads] container "worker" does not disable privilege escalation: set securityContext.allowPrivilegeEscalation: false';

describe('the demo, simulated', () => {
  it('finds exactly the new deny, the new warn, the fix and the promoted violation', () => {
    const c = only(report);
    expect(c.name).toBe('prod');
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual([
      `new object PreadmitBlockPrivileged/block-privileged deny Deployment web/web: ${PRIV}`,
      `new object PreadmitAllowedRegistries/allowed-registries warn Deployment api/api: ${REGISTRY}`,
      `fixed object PreadmitContainerResources/container-resources deny Deployment batch/worker: ${MEMORY}`,
      `unchanged object PreadmitNoPrivilegeEscalation/no-privilege-escalation deny Deployment batch/worker: ${ESCALATION}`,
    ]);
  });

  it('locates the privileged container in the kustomize base the overlay renders, reviewed as an UPDATE', () => {
    const deny = only(report).findings[0]!;
    expect(deny.objectSource).toEqual({ file: 'apps/web/base/deployment.yaml', startLine: 1, endLine: 26, renderedBy: 'kustomize:apps/web/overlays/prod' });
    expect(deny.impliedBy).toBe('expand-workloads');
    expect(deny.operation).toBe('UPDATE');
    // The overlay put the Deployment in namespace web: the finding is on the rendered object.
    expect(deny.object).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'web', name: 'web' });
    expect(deny.constraint.source).toMatchObject({ file: 'platform/gatekeeper/constraints.yaml', startLine: 1, endLine: 10 });
    // The fixed finding points at the base version of the worker (21 lines; the head's has 23).
    const fixed = only(report).findings[2]!;
    expect(fixed.objectSource).toMatchObject({ file: 'apps/worker/deployment.yaml', startLine: 1, endLine: 21 });
  });

  it('reports the exemption outside the allow list and the promotion listing the worker', () => {
    const c = only(report);
    expect(c.exemptions).toEqual([
      {
        owner: 'PreadmitBlockPrivileged/block-privileged',
        field: 'excludedNamespaces',
        namespace: 'legacy-batch',
        change: 'added',
        allowed: false,
        source: { file: 'platform/gatekeeper/constraints.yaml', startLine: 1, endLine: 10 },
      },
    ]);
    expect(c.promotions).toHaveLength(1);
    const p = c.promotions[0]!;
    expect(p.constraint).toMatchObject({ kind: 'PreadmitNoPrivilegeEscalation', name: 'no-privilege-escalation' });
    expect([p.from, p.to]).toEqual(['dryrun', 'deny']);
    expect(p.objects.map((o) => `${o.object.kind} ${o.object.namespace}/${o.object.name}: ${o.message}`)).toEqual([`Deployment batch/worker: ${ESCALATION}`]);
    const change = c.policyChanges.find((x) => x.name === 'PreadmitNoPrivilegeEscalation/no-privilege-escalation');
    expect(change).toMatchObject({ type: 'constraint', change: 'modified', actionBefore: 'dryrun', actionAfter: 'deny' });
    expect(change!.newlyDenied.map((o) => `${o.namespace}/${o.name}`)).toEqual(['batch/worker']);
  });

  it('shows the rendered diff of each changed object, the overlay included', () => {
    const diffs = only(report).renderedDiffs;
    expect(diffs.map((d) => `${d.change} ${d.object.namespace}/${d.object.name} ${d.root}`)).toEqual([
      'modified api/api plain:apps/api/deployment.yaml',
      'modified batch/worker plain:apps/worker/deployment.yaml',
      'modified web/web kustomize:apps/web/overlays/prod',
    ]);
    const web = diffs[2]!.diff;
    expect(web).toContain('+            privileged: true');
    expect(web.split('\n').slice(0, 2)).toEqual(['--- a/Deployment web/web\tbase apps/web/base/deployment.yaml', '+++ b/Deployment web/web\thead apps/web/base/deployment.yaml']);
    // Exactly one line changed in the rendered object.
    expect(web.split('\n').filter((l) => /^[+-](?![+-])/.test(l))).toEqual(['+            privileged: true']);
  });

  it('blocks, for the three reasons the demo stages', () => {
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.counts).toEqual({ newDeny: 1, newWarn: 1, newDryrun: 0, fixed: 1, unchanged: 1, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 1, policyRelaxations: 1 });
    expect(report.verdict.blocking).toEqual([
      'prod: PreadmitBlockPrivileged/block-privileged exempts namespace "legacy-batch", which is not in the allowed exemptions list',
      'prod: policy relaxation: constraint PreadmitBlockPrivileged/block-privileged exempts namespace(s) "legacy-batch", lets through 0 violations',
      '1 new violation(s) that the admission webhook would deny',
      '1 existing object(s) would start being denied by constraint(s) promoted to deny: PreadmitNoPrivilegeEscalation/no-privilege-escalation',
    ]);
  });
});

describe('preadmit diff on the demo', () => {
  it('exits 1 and prints JSON that is the simulation model', async () => {
    const r = await diffCommand(['--repo', dir, '--base', 'main', '--head', 'pr', '-o', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as SimulationReport;
    const expected = JSON.parse(renderJson(report)) as SimulationReport;
    // Wall time is the only thing two runs may disagree on.
    for (const c of [...parsed.clusters, ...expected.clusters]) c.stats.durationMs = 0;
    expect(parsed).toEqual(expected);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.base.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(parsed.clusters[0]!.findings).toHaveLength(4);
  });

  it('prints SARIF 2.1.0 with the new deny on the kustomize base file', async () => {
    const r = await diffCommand(['--repo', dir, '--base', 'main', '--head', 'pr', '-o', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out) as {
      version: string;
      $schema: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; baselineState?: string; message: { text: string }; locations: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; endLine: number } } }> }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('preadmit');
    const ruleIds = new Set(run.tool.driver.rules.map((x) => x.id));
    for (const res of run.results) expect(ruleIds.has(res.ruleId)).toBe(true);
    const priv = run.results.find((x) => x.message.text.includes('is privileged'));
    expect(priv).toBeDefined();
    expect(priv!.level).toBe('error');
    expect(priv!.baselineState).toBe('new');
    // At the offending `privileged: true` line of the kustomize base file.
    expect(priv!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'apps/web/base/deployment.yaml' }, region: { startLine: 22, endLine: 22 } });
    const warn = run.results.find((x) => x.message.text.includes('not from an allowed registry'));
    expect(warn?.level).toBe('warning');
    // Fixed violations are not at head: SARIF lists what is there.
    expect(run.results.some((x) => x.message.text.includes('has no memory limit'))).toBe(false);
  });

  it('prints Markdown under GitHub\'s limit that names every finding', async () => {
    const r = await diffCommand(['--repo', dir, '--base', 'main', '--head', 'pr', '-o', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.out.length).toBeLessThan(GITHUB_SUMMARY_LIMIT);
    const md = renderMarkdown(report);
    expect(r.out).toContain(md.title);
    for (const text of ['is privileged', 'not from an allowed registry', 'has no memory limit', 'legacy', 'no-privilege-escalation']) {
      expect(r.out).toContain(text);
    }
    expect(r.out).toContain('apps/web/base/deployment.yaml:22');
  });

  it('prints text and still exits 1; a usage error exits 2', async () => {
    const r = await diffCommand(['--repo', dir, '--base', 'main', '--head', 'pr']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL');
    expect(r.out).toContain('apps/web/base/deployment.yaml:22');
    expect((await diffCommand(['--repo', dir])).code).toBe(2);
    expect((await diffCommand(['--repo', dir, '--base', 'main', '-o', 'yaml'])).code).toBe(2);
  });
});
