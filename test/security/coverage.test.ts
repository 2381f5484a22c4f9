// Hostile repositories against coverage accounting: each case is real git history built here and run through
// the real `preadmit diff` (git source, kustomize/helm binaries, compiled templates). A violating Deployment is
// hidden by one trick per class; each must end blocked, with an error at head naming the file and the reason.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalGitSource } from '../../src/source/git.ts';
import type { SimulationReport } from '../../src/simulate/types.ts';
import { MATCH_DEPLOYMENTS, constraint, deployment, diffCommand, template, useTestRepos, type TestRepo } from '../simulate/harness.ts';

const newRepo = useTestRepos();
/** Generous: each case renders a handful of roots; the bound is that it ends at all. */
const BOUND_MS = 90_000;

const CONFIG = 'clusters:\n  - name: prod\n    manifests: [clusters/prod]\n    policies: [policies]\n';
const POLICY = {
  'policies/required-team.yaml': template('required-team'),
  'policies/constraints.yaml': constraint('SimRequiredTeam', 'team-required', MATCH_DEPLOYMENTS),
};
const GOOD = deployment('good', 'shop', { labels: { team: 'shop' } });
const BAD = deployment('hidden', 'shop');

interface Outcome {
  code: number;
  report: SimulationReport;
  headErrors: string[];
}

/** Base: config, policy and one compliant plain manifest; head: `changes`. Runs `preadmit diff -o json`. */
async function run(changes: Record<string, string | null>, options: { config?: string; before?: (repo: TestRepo) => void } = {}): Promise<Outcome> {
  const repo = newRepo();
  const base = repo.commit({ '.github/preadmit.yml': options.config ?? CONFIG, ...POLICY, 'clusters/prod/good.yaml': GOOD });
  options.before?.(repo);
  const head = repo.commit(changes);
  const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', 'json']);
  const report = JSON.parse(r.out) as SimulationReport;
  const headErrors = report.clusters.flatMap((c) => c.errors.filter((e) => e.ref === 'head').map((e) => e.error.message));
  return { code: r.code, report, headErrors };
}

/** Blocked, and one error at head names `file` and matches `reason`. */
function expectBlocked(o: Outcome, file: string, reason: RegExp): void {
  expect(o.report.verdict.conclusion).toBe('failure');
  expect(o.code).toBe(1);
  const hit = o.headErrors.filter((m) => m.includes(file) && reason.test(m));
  expect(hit, `head errors: ${JSON.stringify(o.headErrors, null, 1)}`).not.toEqual([]);
}

const kustomization = (body: string): string => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;
const component = (body: string): string => `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n${body}`;

describe('coverage: violating objects cannot disappear without a word', () => {
  it('a kustomize Component at the repository root does not make plain files look consumed', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'kustomization.yaml': component('resources:\n  - clusters/prod/hidden.yaml\n'),
      'clusters/prod/hidden.yaml': BAD,
    }, { config: 'clusters:\n  - name: prod\n    manifests: ["."]\n    policies: [policies]\n' });
    expectBlocked(o, 'clusters/prod/hidden.yaml', /not rendered by any root.*Component kustomization\.yaml is used by no root/);
  });

  it('a root Component that names nothing leaves plain files plain roots: the violation itself is reported', { timeout: BOUND_MS }, async () => {
    const o = await run({ 'kustomization.yaml': component('patches: []\n'), 'clusters/prod/hidden.yaml': BAD }, { config: 'clusters:\n  - name: prod\n    manifests: ["."]\n    policies: [policies]\n' });
    expect(o.code).toBe(1);
    expect(o.report.verdict.counts.newDeny).toBe(1);
    expect(o.report.clusters[0]!.findings.map((f) => `${f.object.name} ${f.objectSource?.file}`)).toEqual(['hidden clusters/prod/hidden.yaml']);
  });

  it('a decoy overlay outside the cluster paths including the real overlay does not stop it being a root', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/app/kustomization.yaml': kustomization('resources:\n  - deploy.yaml\n'),
      'clusters/prod/app/deploy.yaml': BAD,
      // The decoy patches the label in, so that rendering through it would pass.
      'decoy/kustomization.yaml': kustomization('resources:\n  - ../clusters/prod/app\nlabels:\n  - pairs: {team: decoy}\n    includeTemplates: true\n'),
    });
    expect(o.code).toBe(1);
    expect(o.report.verdict.counts.newDeny).toBe(1);
    const f = o.report.clusters[0]!.findings;
    expect(f.map((x) => `${x.object.name} ${x.objectSource?.renderedBy}`)).toEqual(['hidden kustomize:clusters/prod/app']);
  });

  it('a kustomization included only by a decoy outside the paths is rendered as a root of its own', { timeout: BOUND_MS }, async () => {
    // A Component inside the paths that no root uses: the files it names are reported, not silently dropped.
    const o = await run({
      'clusters/prod/comp/kustomization.yaml': component('resources:\n  - hidden.yaml\n'),
      'clusters/prod/comp/hidden.yaml': BAD,
      'decoy/kustomization.yaml': kustomization('components:\n  - ../clusters/prod/comp\n'),
    });
    expectBlocked(o, 'clusters/prod/comp/hidden.yaml', /not rendered by any root.*named by clusters\/prod\/comp\/kustomization\.yaml:4 \(resources\).*included only by decoy\/kustomization\.yaml, outside the cluster's paths/);
  });

  it('a file in an overlay directory that its kustomization does not list is reported', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/app/kustomization.yaml': kustomization('resources:\n  - ok.yaml\n'),
      'clusters/prod/app/ok.yaml': GOOD.replace('name: good', 'name: ok'),
      'clusters/prod/app/hidden.yaml': BAD,
    });
    expectBlocked(o, 'clusters/prod/app/hidden.yaml:1', /Deployment "hidden" not rendered by any root.*does not list it in 'resources'/);
  });

  it('a Chart.yaml at a parent folder does not turn a chart into a silent subchart', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/Chart.yaml': 'apiVersion: v2\nname: umbrella\ntype: library\nversion: 0.1.0\n',
      'clusters/prod/charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'clusters/prod/charts/app/templates/deploy.yaml': BAD,
    });
    expect(o.code).toBe(1);
    expect(o.report.verdict.counts.newDeny).toBe(1);
    expect(o.report.clusters[0]!.findings.map((x) => x.objectSource?.renderedBy)).toEqual(['helm:clusters/prod/charts/app#app']);
  });

  it('a nested Chart.yaml deeper than charts/<name> is its own chart, rendered as a root', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/Chart.yaml': 'apiVersion: v2\nname: umbrella\nversion: 0.1.0\n',
      'clusters/prod/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: umbrella\n  namespace: shop\n',
      'clusters/prod/charts/vendor/deep/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
      'clusters/prod/charts/vendor/deep/templates/deploy.yaml': BAD,
      // The plain file of the base is now inside the chart's directory tree.
      'clusters/prod/good.yaml': null,
    });
    expect(o.code).toBe(1);
    expect(o.report.clusters[0]!.findings.map((x) => `${x.object.name} ${x.objectSource?.renderedBy}`)).toEqual(['hidden helm:clusters/prod/charts/vendor/deep#deep']);
  });

  it('objects in a library chart (never rendered) are reported', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/lib/Chart.yaml': 'apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n',
      'clusters/prod/lib/extra/deploy.yaml': BAD,
    });
    expectBlocked(o, 'clusters/prod/lib/extra/deploy.yaml', /not rendered by any root.*library chart/);
  });

  for (const [name, body] of [
    ['YAML \\u escape in apiVersion', BAD.replace('apiVersion:', '"api\\u0056ersion":')],
    ['YAML \\x escape in kind', BAD.replace('kind:', '"\\x6bind":')],
    ['YAML merge key', `base: &b\n  apiVersion: apps/v1\n  kind: Deployment\n<<: *b\n${BAD.split('\n').filter((l) => !/^(apiVersion|kind):/.test(l)).join('\n')}`],
  ] as const) {
    it(`a plain manifest spelling its type with a ${name} is rendered and reviewed`, { timeout: BOUND_MS }, async () => {
      const o = await run({ 'clusters/prod/hidden.yaml': body });
      expect(o.code).toBe(1);
      expect(o.report.clusters[0]!.findings.map((f) => `${f.category} ${f.object.name} ${f.objectSource?.file}`)).toContainEqual('new hidden clusters/prod/hidden.yaml');
    });
  }

  it('a JSON manifest spelling apiVersion and kind with \\u escapes is rendered and reviewed', { timeout: BOUND_MS }, async () => {
    const json = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'hidden', namespace: 'shop' },
      spec: { selector: { matchLabels: { app: 'h' } }, template: { metadata: { labels: { app: 'h' } }, spec: { containers: [{ name: 'h', image: 'registry.example.com/h:1' }] } } },
    }).replace('"apiVersion"', '"\\u0061pi\\u0056ersion"').replace('"kind"', '"\\u006bind"');
    const o = await run({ 'clusters/prod/hidden.json': json });
    expect(o.code).toBe(1);
    expect(o.report.clusters[0]!.findings.map((f) => `${f.object.name} ${f.objectSource?.file}`)).toContainEqual('hidden clusters/prod/hidden.json');
  });

  it('an escaped object in an overlay directory, listed nowhere, is still found and reported', { timeout: BOUND_MS }, async () => {
    const o = await run({
      'clusters/prod/app/kustomization.yaml': kustomization('resources: []\n'),
      'clusters/prod/app/hidden.json': `{"\\u0061piVersion": "v1", "\\u006bind": "ConfigMap", "metadata": {"name": "hidden"}}`,
    });
    expectBlocked(o, 'clusters/prod/app/hidden.json:1', /ConfigMap "hidden" not rendered by any root/);
  });

  describe('kustomizations read as kustomize reads them', () => {
    const outside = 'clusters/prod/app/kustomization.yaml';
    for (const [name, body, reason] of [
      ['a key in another case (Resources:)', 'Resources:\n  - ../../../../etc/passwd\n', /outside the repository: refused/],
      ['an escaped key ("res\\x6furces")', '"res\\x6furces":\n  - ../../../../etc/passwd\n', /outside the repository: refused/],
      ['a YAML merge key (<<:)', '<<: {resources: [../../../../etc/passwd]}\n', /outside the repository: refused/],
      ['an alias of a list', 'metadata:\n  annotations: &x\n    - ../../../../etc/passwd\nresources: *x\n', /outside the repository: refused/],
      ['two YAML documents', 'resources:\n  - deploy.yaml\n---\nresources:\n  - ../../../../etc/passwd\n', /holds one YAML document, this one holds 2: refused/],
      ['keys in upper case (KIND:, RESOURCES:)', 'KIND: Kustomization\nRESOURCES:\n  - ../../../../etc/passwd\n', /outside the repository: refused/],
    ] as const) {
      it(`${name}: the path is checked and refused`, { timeout: BOUND_MS }, async () => {
        const o = await run({ [outside]: body, 'clusters/prod/app/deploy.yaml': GOOD.replace('name: good', 'name: app') });
        expectBlocked(o, outside, reason);
      });
    }
  });

  describe('symbolic links are followed as GitOps tools follow them', () => {
    /** Makes `link` (repo-relative) point at `target` in the work tree before the head commit. */
    const link = (entries: Record<string, string>) => (repo: TestRepo): void => {
      for (const [at, target] of Object.entries(entries)) {
        mkdirSync(path.dirname(path.join(repo.dir, at)), { recursive: true });
        symlinkSync(target, path.join(repo.dir, at));
      }
    };

    it('an in-repo link to a manifest file is rendered and reviewed under the link path', { timeout: BOUND_MS }, async () => {
      const o = await run({ 'shared/hidden.yaml': BAD }, { before: link({ 'clusters/prod/hidden.yaml': '../../shared/hidden.yaml' }) });
      expect(o.code).toBe(1);
      expect(o.report.clusters[0]!.findings.map((f) => `${f.category} ${f.object.name} ${f.objectSource?.file}`)).toEqual(['new hidden clusters/prod/hidden.yaml']);
    });

    it('an in-repo link to an overlay directory is rendered as a kustomize root', { timeout: BOUND_MS }, async () => {
      const o = await run(
        { 'shared/app/kustomization.yaml': kustomization('resources:\n  - deploy.yaml\n'), 'shared/app/deploy.yaml': BAD },
        { before: link({ 'clusters/prod/app': '../../shared/app' }) },
      );
      expect(o.code).toBe(1);
      expect(o.report.clusters[0]!.findings.map((f) => `${f.object.name} ${f.objectSource?.renderedBy}`)).toEqual(['hidden kustomize:clusters/prod/app']);
    });

    it('a change to the file a link shows is a change of the link path: the root using it is rendered again', { timeout: BOUND_MS }, async () => {
      const repo = newRepo();
      mkdirSync(path.join(repo.dir, 'clusters/prod'), { recursive: true });
      symlinkSync('../../shared/web.yaml', path.join(repo.dir, 'clusters/prod/web.yaml'));
      const base = repo.commit({ '.github/preadmit.yml': CONFIG, ...POLICY, 'shared/web.yaml': GOOD });
      const head = repo.commit({ 'shared/web.yaml': BAD });
      const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', 'json']);
      const report = JSON.parse(r.out) as SimulationReport;
      expect(r.code).toBe(1);
      expect(report.clusters[0]!.findings.map((f) => `${f.category} ${f.object.name} ${f.objectSource?.file}`)).toEqual(['new hidden clusters/prod/web.yaml']);
    });

    for (const [name, entries, file, reason] of [
      ['a link leaving the repository', { 'clusters/prod/evil.yaml': '../../../../etc/passwd' }, 'clusters/prod/evil.yaml', /leaves the repository/],
      ['an absolute link', { 'clusters/prod/abs.yaml': '/etc/hostname' }, 'clusters/prod/abs.yaml', /leaves the repository/],
      ['a directory link leaving the repository', { 'clusters/prod/etc': '../../..' }, 'clusters/prod/etc', /leaves the repository/],
      ['a link loop between two files', { 'clusters/prod/a.yaml': 'b.yaml', 'clusters/prod/b.yaml': 'a.yaml' }, 'clusters/prod/a.yaml', /loop/],
      ['a directory link to its own parent', { 'clusters/prod/again': '.' }, 'clusters/prod/again', /loop/],
      ['a dangling link named like a manifest', { 'clusters/prod/gone.yaml': 'nowhere.yaml' }, 'clusters/prod/gone.yaml', /does not exist/],
    ] as const) {
      it(`${name} is an error naming the link`, { timeout: BOUND_MS }, async () => {
        const o = await run({}, { before: link(entries) });
        expectBlocked(o, `${file}: symbolic link`, reason);
      });
    }

    it('materializing writes what links show as regular files, never links', async () => {
      const repo = newRepo();
      mkdirSync(path.join(repo.dir, 'apps'), { recursive: true });
      symlinkSync('../shared', path.join(repo.dir, 'apps/shared'));
      symlinkSync('../shared/cm.yaml', path.join(repo.dir, 'apps/cm.yaml'));
      symlinkSync('../../etc/passwd', path.join(repo.dir, 'apps/evil.yaml'));
      const sha = repo.commit({ 'shared/cm.yaml': 'kind: ConfigMap\n' });
      const source = new LocalGitSource(repo.dir);
      expect(await source.listFiles(sha)).toEqual(['apps/cm.yaml', 'apps/shared/cm.yaml', 'shared/cm.yaml']);
      expect((await source.readFile(sha, 'apps/shared/cm.yaml'))?.toString()).toBe('kind: ConfigMap\n');
      expect(await source.readFile(sha, 'apps/evil.yaml')).toBeUndefined();
      expect((await source.linkErrors(sha)).map((e) => e.message)).toEqual([
        "apps/evil.yaml: symbolic link to '../../etc/passwd' leaves the repository (through apps/evil.yaml): refused, GitOps tools refuse it too",
      ]);
      const out = mkdtempSync(path.join(os.tmpdir(), 'preadmit-links-'));
      try {
        await source.materialize(sha, 'all', out);
        const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
        const written = walk(out);
        expect(written.map((f) => path.relative(out, f)).sort()).toEqual(['apps/cm.yaml', 'apps/shared/cm.yaml', 'shared/cm.yaml']);
        for (const f of written) expect(lstatSync(f).isFile()).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
});
