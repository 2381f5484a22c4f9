// PR simulation scenarios, each a real git repository built here and simulated with the real pipeline (git source,
// renderers, opa-compiled templates, the wasm evaluator): renames, moves, policy changes and their blast radius,
// broken heads, UPDATE reviews, deletions, Secret masking, Config exclusions, empty changes, large reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { GITHUB_SUMMARY_LIMIT, renderMarkdown } from '../../src/report/markdown.ts';
import {
  MATCH_DEPLOYMENTS,
  brief,
  constraint,
  deployment,
  diffCommand,
  only,
  simulateRepo,
  template,
  useTestRepos,
} from './harness.ts';

let runtime: Runtime;
const newRepo = useTestRepos();

beforeAll(() => {
  runtime = createRuntime();
});

afterAll(async () => {
  await runtime?.close();
});

/** Manifests and policies in separate trees, as most GitOps repositories keep them. */
const SPLIT_CONFIG = 'clusters:\n  - name: default\n    manifests: [apps, team-b]\n    policies: [policies]\n';

const TEAM_POLICY = {
  'policies/required-team.yaml': template('required-team'),
  'policies/constraints.yaml': constraint('SimRequiredTeam', 'team-required', MATCH_DEPLOYMENTS),
};

describe('object identity across refs', () => {
  it('an object renamed between base and head: the old one is fixed, the new one is new (a CREATE)', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/api.yaml': deployment('api', 'shop') });
    const head = repo.commit({ 'apps/api.yaml': deployment('api-v2', 'shop') });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual([
      'new object SimRequiredTeam/team-required deny Deployment shop/api-v2: Deployment api-v2 has no team label',
      'fixed object SimRequiredTeam/team-required deny Deployment shop/api: Deployment api has no team label',
    ]);
    expect(c.findings[0]!.operation).toBe('CREATE');
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.object.name}`)).toEqual(['removed api', 'added api-v2']);
    expect(c.policyChanges).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.counts).toMatchObject({ newDeny: 1, fixed: 1, unchanged: 0 });
  });

  it('an object moved to another file keeps its identity: unchanged, sourced from the new file, no rendered diff', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/web.yaml': deployment('web', 'shop') });
    const head = repo.commit({ 'apps/web.yaml': null, 'apps/storefront/web-deployment.yaml': `# moved here\n---\n${deployment('web', 'shop')}` });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual(['unchanged object SimRequiredTeam/team-required deny Deployment shop/web: Deployment web has no team label']);
    expect(c.findings[0]!.objectSource).toMatchObject({ file: 'apps/storefront/web-deployment.yaml', startLine: 3 });
    expect(c.renderedDiffs).toEqual([]);
    expect(report.verdict.conclusion).toBe('success');
    expect(report.verdict.counts).toMatchObject({ newDeny: 0, fixed: 0, unchanged: 1 });
  });

  it('a deleted object is reported as removed and its violations fixed; it is not reviewed at head', async () => {
    const repo = newRepo();
    const base = repo.commit({
      ...TEAM_POLICY,
      'apps/old.yaml': deployment('old', 'shop', { replicas: 3 }),
      'apps/kept.yaml': deployment('kept', 'shop', { labels: { team: 'shop' } }),
    });
    const head = repo.commit({ 'apps/old.yaml': null });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.findings.map(brief)).toEqual(['fixed object SimRequiredTeam/team-required deny Deployment shop/old: Deployment old has no team label']);
    expect(c.findings[0]!.objectSource?.file).toBe('apps/old.yaml');
    expect(c.renderedDiffs).toHaveLength(1);
    expect(c.renderedDiffs[0]).toMatchObject({ change: 'removed', object: { kind: 'Deployment', name: 'old' }, root: 'plain:apps/old.yaml' });
    expect(c.renderedDiffs[0]!.diff).toContain('-  replicas: 3');
    expect(c.renderedDiffs[0]!.diff).not.toMatch(/^\+ /m);
    // Only the touched root was rendered: the deleted file at base, nothing at head.
    expect(c.stats.objectsBase).toBe(1);
    expect(c.stats.objectsHead).toBe(0);
    expect(report.verdict.conclusion).toBe('success');
  });
});

describe('policy changes', () => {
  it('a renamed constraint is a removal and an addition, with the blast radius of each', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/a.yaml': deployment('a', 'shop'), 'apps/b.yaml': deployment('b', 'shop'), 'apps/ok.yaml': deployment('ok', 'shop', { labels: { team: 'x' } }) });
    const head = repo.commit({ 'policies/constraints.yaml': constraint('SimRequiredTeam', 'must-have-team', MATCH_DEPLOYMENTS) });
    const report = await simulateRepo(repo, base, head, runtime, SPLIT_CONFIG);
    const c = only(report);
    expect(c.errors).toEqual([]);
    const changes = c.policyChanges.map((p) => ({ name: p.name, change: p.change, newly: p.newlyDenied.map((o) => o.name).sort(), noLonger: p.noLongerDenied.map((o) => o.name).sort() }));
    expect(changes).toEqual([
      { name: 'SimRequiredTeam/must-have-team', change: 'added', newly: ['a', 'b'], noLonger: [] },
      { name: 'SimRequiredTeam/team-required', change: 'removed', newly: [], noLonger: ['a', 'b'] },
    ]);
    expect(c.policyChanges[0]!.source).toMatchObject({ file: 'policies/constraints.yaml', startLine: 1 });
    expect(c.findings.map(brief)).toEqual([
      'new policy SimRequiredTeam/must-have-team deny Deployment shop/a: Deployment a has no team label',
      'new policy SimRequiredTeam/must-have-team deny Deployment shop/b: Deployment b has no team label',
      'fixed policy SimRequiredTeam/team-required deny Deployment shop/a: Deployment a has no team label',
      'fixed policy SimRequiredTeam/team-required deny Deployment shop/b: Deployment b has no team label',
    ]);
    expect(c.renderedDiffs).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
  });

  it('a tightened parameter lists the unchanged objects it would newly reject (cause: policy)', async () => {
    const repo = newRepo();
    const maxReplicas = (max: number) => constraint('SimMaxReplicas', 'max-replicas', MATCH_DEPLOYMENTS, `  parameters:\n    max: ${max}\n`);
    const base = repo.commit({
      'policies/max-replicas.yaml': template('max-replicas'),
      'policies/constraint.yaml': maxReplicas(5),
      'apps/one.yaml': deployment('one', 'shop', { replicas: 1 }),
      'apps/three.yaml': deployment('three', 'shop', { replicas: 3 }),
      'team-b/four.yaml': deployment('four', 'ops', { replicas: 4 }),
      'team-b/six.yaml': deployment('six', 'ops', { replicas: 6 }),
    });
    const head = repo.commit({ 'policies/constraint.yaml': maxReplicas(2) });
    const report = await simulateRepo(repo, base, head, runtime, SPLIT_CONFIG);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.policyChanges).toHaveLength(1);
    const p = c.policyChanges[0]!;
    expect(p).toMatchObject({ type: 'constraint', name: 'SimMaxReplicas/max-replicas', change: 'modified', actionBefore: 'deny', actionAfter: 'deny', noLongerDenied: [] });
    // `six` was denied before and still is (with another message, a new finding identity): not newly denied.
    expect(p.newlyDenied.map((o) => `${o.namespace}/${o.name}`).sort()).toEqual(['ops/four', 'shop/three']);
    expect(c.findings.map(brief)).toEqual([
      'new policy SimMaxReplicas/max-replicas deny Deployment shop/three: Deployment three has 3 replicas, more than 2',
      'new policy SimMaxReplicas/max-replicas deny Deployment ops/four: Deployment four has 4 replicas, more than 2',
      // Still denied, reworded by the new parameter: changed (never new, never fixed).
      'changed policy SimMaxReplicas/max-replicas deny Deployment ops/six: Deployment six has 6 replicas, more than 2',
    ]);
    expect(c.findings[2]!.previousMessage).toBe('Deployment six has 6 replicas, more than 5');
    // Every root was rendered and reviewed although no manifest changed.
    expect(c.stats.objectsHead).toBe(c.stats.objectsBase);
    expect(c.stats.objectsHead).toBeGreaterThanOrEqual(4);
    expect(c.renderedDiffs).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
    const md = renderMarkdown(report).summary;
    expect(md).toContain('newly rejects 2 existing objects');
  });

  it('a template whose head version does not compile: an error at head with its location; base findings still computed', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/a.yaml': deployment('a', 'shop'), 'apps/b.yaml': deployment('b', 'shop', { labels: { team: 'b' } }) });
    const broken = template('required-team').replace('not input.review.object.metadata.labels.team', 'not input.review.object.metadata.labels.team ==== 1');
    const head = repo.commit({ 'policies/required-team.yaml': broken });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    const headErrors = c.errors.filter((e) => e.ref === 'head');
    expect(c.errors.filter((e) => e.ref === 'base')).toEqual([]);
    expect(headErrors.length).toBeGreaterThanOrEqual(1);
    expect(headErrors[0]!.error.source?.file).toBe('policies/required-team.yaml');
    expect(headErrors[0]!.error.source?.startLine).toBeGreaterThan(1);
    expect(headErrors[0]!.error.message).toContain('policies/required-team.yaml');
    // What the template says at head is unknown: its base violation is not reported as fixed, and the template
    // change does not claim to stop rejecting anything.
    expect(c.findings.map(brief)).toEqual([]);
    expect(c.policyChanges.map((p) => [p.type, p.name, p.change, p.newlyDenied.length, p.noLongerDenied.length])).toEqual([['template', 'SimRequiredTeam', 'modified', 0, 0]]);
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.blocking.some((b) => b.includes('error(s) at head (fail closed)'))).toBe(true);
  });
});

describe('broken input at head', () => {
  it('a head that does not render: a render error at head with the kustomization file, and the PR blocks', async () => {
    const repo = newRepo();
    const base = repo.commit({
      ...TEAM_POLICY,
      'apps/web/kustomization.yaml': 'namespace: web\nresources:\n  - deployment.yaml\n',
      'apps/web/deployment.yaml': deployment('web', 'web'),
    });
    const head = repo.commit({ 'apps/web/kustomization.yaml': 'namespace: web\nresources:\n  - deployment.yaml\n  - missing.yaml\n' });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    const headErrors = c.errors.filter((e) => e.ref === 'head');
    expect(headErrors).toHaveLength(1);
    expect(headErrors[0]!.error.kind).toBe('render');
    expect(headErrors[0]!.error.source?.file).toBe('apps/web/kustomization.yaml');
    expect(headErrors[0]!.error.message).toContain('missing.yaml');
    expect(c.errors.filter((e) => e.ref === 'base')).toEqual([]);
    expect(headErrors[0]!.error.source).toMatchObject({ file: 'apps/web/kustomization.yaml', renderedBy: 'kustomize:apps/web' });
    // What the overlay renders at head is unknown, not gone: its base violation is not "fixed", nor its Deployment
    // "removed".
    expect(c.findings.map(brief)).toEqual([]);
    expect(c.renderedDiffs).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.blocking).toHaveLength(1);
    expect(report.verdict.blocking[0]).toMatch(/^1 render, policy or compile error\(s\) at head \(fail closed\), first: /);
  });

  it('a config file with errors: preadmit diff names each line and fails closed', async () => {
    const repo = newRepo();
    const config = ['clusters:', '  - name: prod', '    manifests: [apps]', '    polices: [policies]', 'blocking:', '  newWarn: "yes"', ''].join('\n');
    const base = repo.commit({ ...TEAM_POLICY, '.github/preadmit.yml': config, 'apps/a.yaml': deployment('a', 'shop', { labels: { team: 'a' } }) });
    const head = repo.commit({ 'apps/a.yaml': deployment('a', 'shop', { labels: { team: 'a' }, replicas: 2 }) });
    const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', 'json']);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^config error: \.github\/preadmit\.yml:4: clusters\[0\]\.polices: unknown key "polices"; did you mean "policies"\?/);
    expect(lines[1]).toMatch(/^config error: \.github\/preadmit\.yml:6: blocking\.newWarn: must be a boolean/);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { verdict: { conclusion: string; blocking: string[] }; clusters: Array<{ findings: unknown[]; errors: Array<{ ref: string; error: { message: string } }> }> };
    // Nothing else is wrong with the change: the config errors alone block it.
    expect(report.clusters[0]!.findings).toEqual([]);
    expect(report.verdict.conclusion).toBe('failure');
    // The same rule as the app's: the errors are listed in the report (base side), and the first is named.
    expect(report.verdict.blocking).toHaveLength(1);
    expect(report.verdict.blocking[0]).toMatch(/^2 error\(s\) in \.github\/preadmit\.yml \(fail closed\), first: \.github\/preadmit\.yml:4: clusters\[0\]\.polices: unknown key/);
    expect(report.clusters[0]!.errors.filter((e) => e.ref === 'base').map((e) => e.error.message)).toEqual([
      expect.stringMatching(/preadmit\.yml:4: /),
      expect.stringMatching(/preadmit\.yml:6: /),
    ]);
  });

  it('a config file given with --config that does not parse fails closed too', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/a.yaml': deployment('a', 'shop', { labels: { team: 'a' } }) });
    const bad = `${repo.dir}/../preadmit-bad-${process.pid}.yml`;
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(bad, 'clusters: [\n  - name: x\n');
    try {
      const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', base, '--config', bad, '-o', 'json']);
      expect(r.err).toMatch(/^config error: .*preadmit-bad-\d+\.yml:\d+: /);
      expect(r.code).toBe(1);
    } finally {
      rmSync(bad, { force: true });
    }
  });
});

describe('reviews at head', () => {
  it('a changed object is an UPDATE with the base version as oldObject', async () => {
    const repo = newRepo();
    const policy = {
      'policies/immutable-team.yaml': template('immutable-team'),
      'policies/constraints.yaml': constraint('SimImmutableTeam', 'immutable-team', MATCH_DEPLOYMENTS),
    };
    const base = repo.commit({ ...policy, 'apps/a.yaml': deployment('a', 'shop', { labels: { team: 'blue' } }), 'apps/b.yaml': deployment('b', 'shop', { labels: { team: 'blue' } }) });
    const head = repo.commit({
      'apps/a.yaml': deployment('a', 'shop', { labels: { team: 'green' } }),
      'apps/b.yaml': deployment('b', 'shop', { labels: { team: 'blue' }, replicas: 5 }),
      'apps/c.yaml': deployment('c', 'shop', { labels: { team: 'red' } }),
    });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual(['new object SimImmutableTeam/immutable-team deny Deployment shop/a: Deployment a: label team changed from blue to green']);
    expect(c.findings[0]!.operation).toBe('UPDATE');
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.object.name}`)).toEqual(['modified a', 'modified b', 'added c']);
  });

  it('Config excludedNamespaces for the webhook process skips objects; other processes do not', async () => {
    const repo = newRepo();
    const config = `apiVersion: config.gatekeeper.sh/v1alpha1
kind: Config
metadata:
  name: config
  namespace: gatekeeper-system
spec:
  match:
    - excludedNamespaces: ["skipped", "tmp-*"]
      processes: ["webhook"]
    - excludedNamespaces: ["audit-only"]
      processes: ["audit"]
`;
    const base = repo.commit({ ...TEAM_POLICY, 'policies/config.yaml': config });
    const head = repo.commit({
      'apps/skipped.yaml': deployment('x', 'skipped'),
      'apps/tmp.yaml': deployment('y', 'tmp-42'),
      'apps/audit.yaml': deployment('z', 'audit-only'),
      'apps/checked.yaml': deployment('w', 'checked'),
    });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    expect(c.findings.map(brief)).toEqual([
      'new object SimRequiredTeam/team-required deny Deployment audit-only/z: Deployment z has no team label',
      'new object SimRequiredTeam/team-required deny Deployment checked/w: Deployment w has no team label',
    ]);
    // Skipped objects are still rendered and diffed: the exclusion is about admission, not about the PR.
    expect(c.renderedDiffs).toHaveLength(4);
  });

  it('Secret values never appear in any output, even when a policy prints them', async () => {
    const repo = newRepo();
    const token = 'tok-5ecret-V4lue-0123';
    const password = 'pa55word-never-shown';
    const secret = (t: string) => `apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: shop
type: Opaque
data:
  token: ${Buffer.from(t).toString('base64')}
stringData:
  password: ${password}
`;
    const policy = {
      'policies/secret-echo.yaml': template('secret-echo'),
      'policies/constraints.yaml': constraint('SimSecretEcho', 'secret-echo', '    kinds:\n      - apiGroups: [""]\n        kinds: ["Secret"]\n'),
    };
    const base = repo.commit({ ...policy, 'apps/secret.yaml': secret('old-t0ken-value-999') });
    const head = repo.commit({ 'apps/secret.yaml': secret(token) });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.errors).toEqual([]);
    // The policy did print them: the findings exist, with the values masked (so that a rotated value is the
    // same finding, unchanged).
    expect(c.findings.map(brief)).toEqual([
      'unchanged object SimSecretEcho/secret-echo deny Secret shop/creds: secret creds has password ***',
      'unchanged object SimSecretEcho/secret-echo deny Secret shop/creds: secret creds has token *** (decoded ***)',
    ]);
    expect(c.renderedDiffs).toHaveLength(1);
    const forbidden = [token, Buffer.from(token).toString('base64'), password, 'old-t0ken-value-999', Buffer.from('old-t0ken-value-999').toString('base64')];
    const outputs: Record<string, string> = { model: JSON.stringify(report) };
    for (const format of ['json', 'sarif', 'markdown', 'text']) {
      const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', format]);
      expect(r.code).toBe(0);
      outputs[format] = r.out + r.err;
    }
    for (const [format, text] of Object.entries(outputs)) {
      for (const value of forbidden) expect(text.includes(value), `${format} leaks ${value}`).toBe(false);
    }
    expect(outputs.json).toContain('secret creds has token *** (decoded ***)');
  });
});

describe('verdicts at the edges', () => {
  it('an empty change passes: base equal to head, or a head commit with the same tree', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/a.yaml': deployment('a', 'shop') });
    const same = repo.commit({}, 'empty commit');
    for (const head of [base, same]) {
      const report = await simulateRepo(repo, base, head, runtime);
      const c = only(report);
      expect(c.findings).toEqual([]);
      expect(c.errors).toEqual([]);
      expect(c.policyChanges).toEqual([]);
      expect(c.renderedDiffs).toEqual([]);
      expect(report.verdict).toEqual({ conclusion: 'success', blocking: [], counts: { newDeny: 0, newWarn: 0, newDryrun: 0, fixed: 0, unchanged: 0, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 0, policyRelaxations: 0 } });
    }
    const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', same]);
    expect(r.code).toBe(0);
  });

  it('a report too large for GitHub: the Markdown is cut under 65,535 characters and says what was left out', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEAM_POLICY, 'apps/.keep': '' });
    const many: string[] = [];
    for (let i = 0; i < 400; i++) many.push(deployment(`service-with-a-long-descriptive-name-${String(i).padStart(3, '0')}`, `namespace-${i % 7}`));
    const head = repo.commit({ 'apps/many.yaml': many.join('---\n') });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.findings.filter((f) => f.category === 'new')).toHaveLength(400);
    const md = renderMarkdown(report);
    expect(md.summary.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(md.title).toContain('400');
    const note = /… (\d+) more new findings not shown; see the JSON report\./.exec(md.summary);
    expect(note).not.toBeNull();
    const shown = md.summary.split('\n').filter((l) => l.startsWith('| ') && l.includes('has no team label')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown + Number(note![1])).toBe(400);
    // The rendered diffs go first: they are the least important part.
    expect(md.summary).toMatch(/Rendered changes: 400 objects\.|more rendered diffs not shown/);
    const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.out.length).toBeLessThan(GITHUB_SUMMARY_LIMIT + 1100);
    expect(r.out).toContain('more new findings not shown');
  });
});
