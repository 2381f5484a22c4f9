// Policy relaxations (issue #9): a PR that weakens the policies that would catch it is a governance finding of its
// own, blocking by default, listed with what it lets through. Real git history, the real diff pipeline, real wasm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import type { ClusterReport, PolicyRelaxation } from '../../src/simulate/types.ts';
import { constraint, deployment, diffCommand, MATCH_DEPLOYMENTS, only, simulateRepo, template, useTestRepos } from '../simulate/harness.ts';

const TEMPLATE = { 'policies/template.yaml': template('max-replicas') };
const maxReplicas = (max: number, extra = '', match = MATCH_DEPLOYMENTS) =>
  constraint('SimMaxReplicas', 'max-replicas', match, `${extra}  parameters:\n    max: ${max}\n`);
const CONFIG = (excluded: string[]) => `apiVersion: config.gatekeeper.sh/v1alpha1
kind: Config
metadata:
  name: config
  namespace: gatekeeper-system
spec:
  match:
    - excludedNamespaces: ${JSON.stringify(excluded)}
      processes: ["webhook"]
`;
const KEY = 'SimMaxReplicas/max-replicas';

/** `type subject: description [lets through: object before->after, …]`, for comparing. */
function brief(r: PolicyRelaxation): string {
  const lets = r.letsThrough.map((t) => `${t.object.kind} ${t.object.namespace}/${t.object.name} ${t.before}->${t.after}`).sort();
  return `${r.type} ${r.subject}${r.allowed ? ' (allowed)' : ''}: ${r.description} [${lets.join(', ')}]`;
}

describe('policy relaxations', () => {
  let runtime: Runtime;
  const newRepo = useTestRepos();
  beforeAll(() => {
    runtime = createRuntime({ size: 1 });
  });
  afterAll(() => runtime.close());

  const run = async (base: Record<string, string>, head: Record<string, string | null>, configText?: string) => {
    const repo = newRepo();
    const b = repo.commit(base);
    const h = repo.commit(head);
    const report = await simulateRepo(repo, b, h, runtime, configText);
    const c: ClusterReport = only(report);
    expect(c.errors).toEqual([]);
    return { report, c, repo, base: b, head: h };
  };

  it('blocks a PR that demotes deny -> dryrun together with the object it would have denied', async () => {
    const { report, c } = await run(
      { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3) },
      { 'policies/constraint.yaml': maxReplicas(3, '  enforcementAction: dryrun\n'), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) },
    );
    // The object's own violation is only dryrun at head: without the relaxation rule nothing would block.
    expect(report.verdict.counts.newDeny).toBe(0);
    expect(c.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> dryrun [Deployment shop/big deny->dryrun]`]);
    expect(c.relaxations[0]!.source?.file).toBe('policies/constraint.yaml');
    expect(c.relaxations[0]!.letsThrough[0]!.message).toBe('Deployment big has 9 replicas, more than 3');
    expect(c.relaxations[0]!.letsThrough[0]!.objectSource?.file).toBe('apps/big.yaml');
    expect(report.verdict.conclusion).toBe('failure');
    expect(report.verdict.blocking).toEqual([`default: policy relaxation: constraint ${KEY} demoted deny -> dryrun, lets through 1 violation`]);
    expect(report.verdict.counts.policyRelaxations).toBe(1);
    const md = renderMarkdown(report).summary;
    expect(md).toContain('### Policy relaxations (1)');
    expect(md).toMatch(/\| <code>SimMaxReplicas\/max-replicas<\/code> \| deny → dryrun \| Deployment shop\/big \| apps\/big\.yaml:1-\d+ \| Deployment big has 9 replicas, more than 3 \|/);
    expect(renderText(report, { color: false })).toContain(`constraint ${KEY} demoted deny -> dryrun: lets through 1 violation`);
  });

  it('a scoped action that leaves the webhook out is a demotion to none', async () => {
    const scoped = '  enforcementAction: scoped\n  scopedEnforcementActions:\n    - action: deny\n      enforcementPoints:\n        - name: audit.gatekeeper.sh\n';
    const { c } = await run(
      { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) },
      { 'policies/constraint.yaml': maxReplicas(3, scoped) },
    );
    expect(c.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> none ("scoped") [Deployment shop/big deny->none]`]);
  });

  it('a deleted constraint, and a deleted template with its constraint', async () => {
    const existing = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) };
    const one = await run(existing, { 'policies/constraint.yaml': null });
    expect(one.c.relaxations.map(brief)).toEqual([`constraint-removed ${KEY}: constraint ${KEY} removed [Deployment shop/big deny->none]`]);
    expect(one.report.verdict.conclusion).toBe('failure');
    expect(one.c.relaxations[0]!.source?.file).toBe('policies/constraint.yaml');

    const both = await run(existing, { 'policies/constraint.yaml': null, 'policies/template.yaml': null });
    expect(both.c.relaxations.map(brief)).toEqual([
      'template-removed SimMaxReplicas: template SimMaxReplicas removed [Deployment shop/big deny->none]',
      `constraint-removed ${KEY}: constraint ${KEY} removed [Deployment shop/big deny->none]`,
    ]);
    expect(both.report.verdict.blocking).toHaveLength(2);
  });

  it('a removal that lets nothing through today is still a relaxation (nothing protects the next object)', async () => {
    const { report, c } = await run({ ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/ok.yaml': deployment('ok', 'shop') }, { 'policies/constraint.yaml': null });
    expect(c.relaxations.map(brief)).toEqual([`constraint-removed ${KEY}: constraint ${KEY} removed []`]);
    expect(report.verdict.blocking).toEqual([`default: policy relaxation: constraint ${KEY} removed, lets through 0 violations`]);
  });

  it('a renamed constraint is not a relaxation; a removed one whose twin still denies lets nothing through', async () => {
    const existing = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) };
    const rename = await run(existing, { 'policies/constraint.yaml': maxReplicas(3).replace('name: max-replicas', 'name: replicas-cap') });
    expect(rename.c.relaxations).toEqual([]);
    expect(rename.report.verdict.blocking.filter((b) => b.includes('relaxation'))).toEqual([]);

    const twin = constraint('SimMaxReplicas', 'twin', MATCH_DEPLOYMENTS, '  parameters:\n    max: 3\n');
    const removed = await run({ ...existing, 'policies/twin.yaml': twin }, { 'policies/constraint.yaml': maxReplicas(3, '  enforcementAction: dryrun\n') });
    expect(removed.c.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> dryrun []`]);
  });

  it('match narrowed: excludedNamespaces added, namespaces narrowed, a selector added', async () => {
    const base = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }), 'apps/other.yaml': deployment('other', 'misc', { replicas: 9 }) };
    const excluded = await run(base, { 'policies/constraint.yaml': maxReplicas(3, '', `${MATCH_DEPLOYMENTS}    excludedNamespaces: ["shop"]\n`) });
    expect(excluded.c.relaxations.map(brief)).toEqual([`exemption ${KEY}: constraint ${KEY} exempts namespace(s) "shop" [Deployment shop/big deny->none]`]);
    expect(excluded.report.verdict.conclusion).toBe('failure');

    const narrowed = await run(base, {
      'policies/constraint.yaml': maxReplicas(3, '', `${MATCH_DEPLOYMENTS}    namespaces: ["misc"]\n    labelSelector:\n      matchLabels:\n        checked: "yes"\n`),
    });
    expect(narrowed.c.relaxations.map(brief)).toEqual([
      `match ${KEY}: constraint ${KEY} match narrowed (namespaces, labelSelector) [Deployment misc/other deny->none, Deployment shop/big deny->none]`,
    ]);

    const kinds = await run(base, {
      'policies/constraint.yaml': maxReplicas(3, '', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["StatefulSet"]\n'),
    });
    expect(kinds.c.relaxations.map(brief)).toEqual([`match ${KEY}: constraint ${KEY} match narrowed (kinds) [Deployment misc/other deny->none, Deployment shop/big deny->none]`]);
  });

  it('an exemption the allow list names is listed but does not block; one outside it does', async () => {
    const base = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) };
    const head = { 'policies/constraint.yaml': maxReplicas(3, '', `${MATCH_DEPLOYMENTS}    excludedNamespaces: ["shop"]\n`) };
    const allowed = await run(base, head, 'exemptions:\n  allowedNamespaces: ["shop"]\n');
    expect(allowed.c.relaxations.map(brief)).toEqual([`exemption ${KEY} (allowed): constraint ${KEY} exempts namespace(s) "shop" [Deployment shop/big deny->none]`]);
    expect(allowed.report.verdict).toMatchObject({ conclusion: 'success', blocking: [] });
    expect(allowed.report.verdict.counts.policyRelaxations).toBe(0);

    const outside = await run(base, head, 'exemptions:\n  allowedNamespaces: ["kube-*"]\n');
    expect(outside.c.relaxations.map((r) => r.allowed)).toEqual([false]);
    expect(outside.report.verdict.blocking.filter((b) => b.includes('policy relaxation'))).toHaveLength(1);
  });

  it('a Config exclusion added for the webhook', async () => {
    const { report, c } = await run(
      { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'policies/config.yaml': CONFIG(['kube-system']) },
      { 'policies/config.yaml': CONFIG(['kube-system', 'shop']), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) },
    );
    expect(c.findings).toEqual([]);
    expect(c.relaxations.map(brief)).toEqual(['config-exclusion Config/config: Config/config excludes namespace "shop" from webhook [Deployment shop/big deny->none]']);
    expect(report.verdict.conclusion).toBe('failure');
  });

  it('Config exclusions compared process by process: regrouped entries are not a relaxation, a process added is', async () => {
    const config = (entries: string) => `apiVersion: config.gatekeeper.sh/v1alpha1\nkind: Config\nmetadata:\n  name: config\n  namespace: gatekeeper-system\nspec:\n  match:\n${entries}`;
    const together = config('    - excludedNamespaces: ["kube-system", "tmp"]\n      processes: ["webhook", "audit"]\n');
    const base = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'policies/config.yaml': together };
    const split = config('    - excludedNamespaces: ["kube-system"]\n      processes: ["webhook"]\n    - excludedNamespaces: ["tmp", "kube-system"]\n      processes: ["audit"]\n    - excludedNamespaces: ["tmp"]\n      processes: ["webhook"]\n');
    const regrouped = await run(base, { 'policies/config.yaml': split });
    expect(regrouped.c.relaxations).toEqual([]);
    expect(regrouped.report.verdict.conclusion).toBe('success');

    const all = config('    - excludedNamespaces: ["kube-system", "tmp"]\n      processes: ["*"]\n');
    const widened = await run(base, { 'policies/config.yaml': all });
    expect(widened.c.relaxations.map(brief)).toEqual([
      'config-exclusion Config/config: Config/config excludes namespace "kube-system" from sync, mutation-webhook; namespace "tmp" from sync, mutation-webhook []',
    ]);
  });

  it('parameters relaxed (the allowed maximum raised) and template code weakened', async () => {
    const base = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) };
    const params = await run(base, { 'policies/constraint.yaml': maxReplicas(10) });
    expect(params.c.relaxations.map(brief)).toEqual([`parameters ${KEY}: constraint ${KEY} parameters changed [Deployment shop/big deny->none]`]);
    expect(params.report.verdict.conclusion).toBe('failure');

    const weakened = template('max-replicas').replace('r > input.parameters.max', 'r > input.parameters.max * 100');
    const code = await run(base, { 'policies/template.yaml': weakened });
    expect(code.c.relaxations.map(brief)).toEqual(['template-changed SimMaxReplicas: template SimMaxReplicas changed [Deployment shop/big deny->none]']);
  });

  it('tightened policies are not relaxations', async () => {
    const { report, c } = await run(
      { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(10, '  enforcementAction: dryrun\n', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment"]\n    namespaces: ["shop"]\n    excludedNamespaces: ["tmp"]\n'), 'apps/ok.yaml': deployment('ok', 'shop', { replicas: 2 }) },
      // Promoted to deny, a lower maximum, a kind and a namespace more, the exclusion removed.
      { 'policies/constraint.yaml': maxReplicas(3, '', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment", "StatefulSet"]\n    namespaces: ["shop", "misc"]\n') },
    );
    expect(c.policyChanges.map((p) => `${p.change} ${p.type} ${p.name}`)).toEqual([`modified constraint ${KEY}`]);
    expect(c.relaxations).toEqual([]);
    expect(report.verdict).toMatchObject({ conclusion: 'success', blocking: [] });
  });

  it('a new constraint with its own exclusions is not a relaxation (nothing was checked there before)', async () => {
    const added = constraint('SimMaxReplicas', 'new-cap', `${MATCH_DEPLOYMENTS}    excludedNamespaces: ["kube-system"]\n`, '  parameters:\n    max: 50\n');
    const { report, c } = await run({ ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3) }, { 'policies/new.yaml': added });
    expect(c.exemptions.map((e) => `${e.change} ${e.owner} ${e.namespace}`)).toEqual(['added SimMaxReplicas/new-cap kube-system']);
    expect(c.relaxations).toEqual([]);
    expect(report.verdict.conclusion).toBe('success');
  });

  it('demotions in disguise: a second document of the same constraint, an action the webhook does not know', async () => {
    const base = { ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3) };
    const shadow = await run(base, { 'policies/zz-shadow.yaml': maxReplicas(3, '  enforcementAction: dryrun\n'), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) });
    expect(shadow.report.verdict.counts.newDeny).toBe(0);
    expect(shadow.c.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> dryrun [Deployment shop/big deny->dryrun]`]);
    expect(shadow.c.relaxations[0]!.source?.file).toBe('policies/zz-shadow.yaml');

    const unknown = await run(base, { 'policies/constraint.yaml': maxReplicas(3, '  enforcementAction: Deny\n'), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) });
    expect(unknown.c.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> none ("Deny") [Deployment shop/big deny->dryrun]`]);
    expect(unknown.report.verdict.conclusion).toBe('failure');
  });

  it('a template removed under a constraint that stays lets its violations through, even when head errors do not block', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), 'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }) });
    const head = repo.commit({ 'policies/template.yaml': null });
    const report = await simulateRepo(repo, base, head, runtime, 'blocking:\n  errorsAtHead: false\n');
    const c = only(report);
    expect(c.errors.map((e) => e.ref)).toContain('head');
    expect(c.relaxations.map(brief)).toEqual(['template-removed SimMaxReplicas: template SimMaxReplicas removed [Deployment shop/big deny->none]']);
    expect(report.verdict.blocking).toEqual(['default: policy relaxation: template SimMaxReplicas removed, lets through 1 violation']);
  });

  it('an ExpansionTemplate that overrides the action of pod violations to dryrun', async () => {
    const podTemplate = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: simlatest
spec:
  crd:
    spec:
      names:
        kind: SimLatest
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package simlatest
        violation[{"msg": msg}] {
          c := input.review.object.spec.containers[_]
          endswith(c.image, ":latest")
          msg := sprintf("container %v uses a latest tag", [c.name])
        }
`;
    const pods = constraint('SimLatest', 'no-latest', '    kinds:\n      - apiGroups: [""]\n        kinds: ["Pod"]\n');
    const expansion = `apiVersion: expansion.gatekeeper.sh/v1beta1
kind: ExpansionTemplate
metadata:
  name: expand-deployments
spec:
  applyTo:
    - groups: ["apps"]
      kinds: ["Deployment"]
      versions: ["v1"]
  templateSource: spec.template
  enforcementAction: dryrun
  generatedGVK:
    group: ""
    version: v1
    kind: Pod
`;
    const { report, c } = await run(
      { 'policies/template.yaml': podTemplate, 'policies/constraint.yaml': pods },
      { 'policies/expansion.yaml': expansion, 'apps/web.yaml': deployment('web', 'shop', { image: 'nginx:latest' }) },
    );
    expect(report.verdict.counts.newDeny).toBe(0);
    expect(c.relaxations.map(brief)).toEqual(['expansion ExpansionTemplates: ExpansionTemplates changed [Deployment shop/web deny->dryrun]']);
    expect(c.relaxations[0]!.letsThrough[0]!.impliedBy).toBeDefined();
    expect(report.verdict.conclusion).toBe('failure');
  });

  it('a SyncSet narrowed so a referential policy no longer sees what it compares against', async () => {
    const syncSet = (kind: string, group: string) => `apiVersion: syncset.gatekeeper.sh/v1alpha1\nkind: SyncSet\nmetadata:\n  name: synced\nspec:\n  gvks:\n    - group: "${group}"\n      version: v1\n      kind: ${kind}\n`;
    const { report, c } = await run(
      {
        'policies/t.yaml': template('unique-name'),
        'policies/c.yaml': constraint('SimUniqueName', 'unique', MATCH_DEPLOYMENTS),
        'policies/syncset.yaml': syncSet('Deployment', 'apps'),
        'apps/a.yaml': deployment('web', 'a'),
      },
      { 'policies/syncset.yaml': syncSet('Pod', ''), 'apps/b.yaml': deployment('web', 'b') },
    );
    expect(c.findings.filter((f) => f.category === 'new')).toEqual([]);
    expect(c.relaxations.map(brief)).toEqual(['other policies: policy changes (Config sync, SyncSets or data the policies read) [Deployment a/web deny->none, Deployment b/web deny->none]']);
    expect(report.verdict.conclusion).toBe('failure');
  });

  it('blocking.policyRelaxation: false in the base config: listed, not blocking', async () => {
    const repo = newRepo();
    const base = repo.commit({ ...TEMPLATE, 'policies/constraint.yaml': maxReplicas(3), '.github/preadmit.yml': 'blocking:\n  policyRelaxation: false\n' });
    // The PR cannot turn the rule back on for itself either way: the config is read at base.
    const head = repo.commit({
      'policies/constraint.yaml': maxReplicas(3, '  enforcementAction: dryrun\n'),
      'apps/big.yaml': deployment('big', 'shop', { replicas: 9 }),
      '.github/preadmit.yml': 'blocking:\n  policyRelaxation: true\n',
    });
    const r = await diffCommand(['--repo', repo.dir, '--base', base, '--head', head, '-o', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { verdict: { conclusion: string; counts: { policyRelaxations: number } }; clusters: Array<{ relaxations: PolicyRelaxation[] }> };
    expect(json.verdict.conclusion).toBe('success');
    expect(json.verdict.counts.policyRelaxations).toBe(1);
    expect(json.clusters[0]!.relaxations.map(brief)).toEqual([`enforcement ${KEY}: constraint ${KEY} demoted deny -> dryrun [Deployment shop/big deny->dryrun]`]);
  });
});
