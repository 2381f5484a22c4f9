// Hand-built SimulationReports for the rendering tests. Verdict counts are derived from the content, as the
// simulation derives them, so every report is self-consistent.
import type {
  ClusterReport,
  ExemptionChange,
  Finding,
  ObjectRef,
  SimulationReport,
  WebhookAction,
} from '../../src/simulate/types.ts';

export const BASE_SHA = '1111111111111111111111111111111111111111';
export const HEAD_SHA = '2222222222222222222222222222222222222222';

export function objectRef(name: string, kind = 'Deployment', namespace = 'prod', group = 'apps'): ObjectRef {
  return { group, version: 'v1', kind, namespace, name };
}

let counter = 0;
export function finding(over: Partial<Finding> & { action?: WebhookAction } = {}): Finding {
  counter++;
  const { action, ...rest } = over;
  const object = rest.object ?? objectRef(`app-${counter}`);
  const constraint = rest.constraint ?? { kind: 'K8sPSPPrivilegedContainer', name: 'psp-privileged', source: { file: 'policies/privileged.yaml', startLine: 1, endLine: 9 } };
  const message = rest.message ?? `Privileged container is not allowed: ${object.name}, securityContext: {"privileged": true}`;
  const cluster = rest.cluster ?? 'default';
  return {
    id: rest.id ?? `${cluster}|${constraint.kind}|${constraint.name}|${object.group}|${object.kind}|${object.namespace}|${object.name}|${message}`,
    cluster,
    category: 'new',
    cause: 'object',
    constraint,
    actions: [action ?? 'deny'],
    object,
    objectSource: { file: `apps/${object.name}.yaml`, startLine: 3, endLine: 20 },
    message,
    operation: 'CREATE',
    ...rest,
  };
}

export function cluster(name: string, over: Partial<ClusterReport> = {}): ClusterReport {
  return {
    name,
    findings: [],
    policyChanges: [],
    promotions: [],
    exemptions: [],
    relaxations: [],
    renderedDiffs: [],
    errors: [],
    stats: { objectsBase: 10, objectsHead: 11, reviews: 21, rootsRendered: 2, durationMs: 1234 },
    ...over,
  };
}

/** A report over `clusters` with the verdict the default blocking rules give. */
export function report(clusters: ClusterReport[]): SimulationReport {
  const all = clusters.flatMap((c) => c.findings);
  const has = (f: Finding, a: WebhookAction): boolean => f.actions.includes(a);
  const counts = {
    newDeny: all.filter((f) => f.category === 'new' && has(f, 'deny')).length,
    newWarn: all.filter((f) => f.category === 'new' && !has(f, 'deny') && has(f, 'warn')).length,
    newDryrun: all.filter((f) => f.category === 'new' && f.actions.every((a) => a === 'dryrun')).length,
    fixed: all.filter((f) => f.category === 'fixed').length,
    unchanged: all.filter((f) => f.category === 'unchanged' || f.category === 'changed').length,
    changed: all.filter((f) => f.category === 'changed').length,
    newErrors: clusters.reduce((n, c) => n + c.errors.filter((e) => e.ref === 'head' && !e.existing).length, 0),
    errors: clusters.reduce((n, c) => n + c.errors.filter((e) => e.ref === 'head').length, 0),
    exemptionViolations: clusters.reduce((n, c) => n + c.exemptions.filter((e: ExemptionChange) => e.change === 'added' && !e.allowed).length, 0),
    policyRelaxations: clusters.reduce((n, c) => n + c.relaxations.filter((r) => !r.allowed).length, 0),
  };
  const blocking: string[] = [];
  if (counts.newDeny > 0) blocking.push(`${counts.newDeny} new deny violation(s)`);
  if (counts.errors > 0) blocking.push(`${counts.errors} error(s) at head (fail closed)`);
  if (counts.exemptionViolations > 0) blocking.push(`${counts.exemptionViolations} exemption(s) outside the allow list`);
  if (counts.policyRelaxations > 0) blocking.push(`${counts.policyRelaxations} policy relaxation(s)`);
  return {
    schemaVersion: 1,
    tool: { name: 'preadmit', version: '0.1.0' },
    base: { ref: 'main', sha: BASE_SHA },
    head: { ref: 'feature/x', sha: HEAD_SHA },
    enforcementPoint: 'validation.gatekeeper.sh',
    clusters,
    verdict: { conclusion: blocking.length > 0 ? 'failure' : 'success', blocking, counts },
  };
}

export function emptyReport(): SimulationReport {
  return report([cluster('default')]);
}

export const SECRET_VALUE = 'c3VwZXItc2VjcmV0LXBhc3N3b3Jk';

/** Every kind of content: new, fixed, unchanged, policy-caused findings, promotion, exemptions, errors, diffs. */
export function fullReport(): SimulationReport {
  const privileged = finding({ object: objectRef('web'), action: 'deny' });
  const registry = finding({
    object: objectRef('api'),
    action: 'warn',
    constraint: { kind: 'K8sAllowedRepos', name: 'allowed-registries', source: { file: 'policies/registries.yaml', startLine: 1, endLine: 12 } },
    message: 'container <api> has an invalid image repo <docker.io/evil/api:1>, allowed repos are ["registry.example.com/"]',
  });
  const fixed = finding({ object: objectRef('worker'), category: 'fixed', constraint: { kind: 'K8sContainerLimits', name: 'memory-limits' }, message: 'container <worker> has no memory limit' });
  const unchanged = finding({ object: objectRef('legacy'), category: 'unchanged', action: 'dryrun' });
  const promoted = finding({
    object: objectRef('batch', 'CronJob', 'jobs', 'batch'),
    cause: 'policy',
    constraint: { kind: 'K8sRequiredProbes', name: 'probes', source: { file: 'policies/probes.yaml', startLine: 5, endLine: 18 } },
    message: '[Implied by preadmit-expand-batch-cronjob] container <job> has no readinessProbe',
    impliedBy: 'preadmit-expand-batch-cronjob',
    operation: 'UPDATE',
  });
  return report([
    cluster('default', {
      findings: [privileged, registry, fixed, unchanged, promoted],
      policyChanges: [
        {
          type: 'constraint',
          name: 'K8sRequiredProbes/probes',
          change: 'modified',
          source: { file: 'policies/probes.yaml', startLine: 5, endLine: 18 },
          actionBefore: 'dryrun',
          actionAfter: 'deny',
          newlyDenied: [promoted.object],
          noLongerDenied: [],
        },
      ],
      promotions: [
        {
          constraint: promoted.constraint,
          from: 'dryrun',
          to: 'deny',
          objects: [{ object: promoted.object, message: promoted.message, source: { file: 'apps/batch.yaml', startLine: 1, endLine: 30 } }],
        },
      ],
      exemptions: [
        { owner: 'K8sPSPPrivilegedContainer/psp-privileged', field: 'excludedNamespaces', namespace: 'payments', change: 'added', allowed: false, source: { file: 'policies/privileged.yaml', startLine: 7, endLine: 7 } },
        { owner: 'K8sPSPPrivilegedContainer/psp-privileged', field: 'excludedNamespaces', namespace: 'kube-system', change: 'removed', allowed: true },
      ],
      errors: [
        { ref: 'head', error: { kind: 'render', message: 'apps/broken/kustomization.yaml:3: kustomize build failed: missing resource', source: { file: 'apps/broken/kustomization.yaml', startLine: 3, endLine: 3 } } },
        { ref: 'base', error: { kind: 'load', message: 'old.yaml:9: invalid YAML', source: { file: 'old.yaml', startLine: 9, endLine: 9 } } },
      ],
      renderedDiffs: [
        {
          object: objectRef('web'),
          change: 'modified',
          root: 'kustomize:apps/prod',
          source: { file: 'apps/web.yaml', startLine: 3, endLine: 20 },
          diff: '--- a/Deployment prod/web\n+++ b/Deployment prod/web\n@@ -10,3 +10,4 @@\n       containers:\n       - name: web\n+        securityContext:\n+          privileged: true\n',
        },
        {
          object: objectRef('db-credentials', 'Secret', 'prod', ''),
          change: 'added',
          root: 'plain:manifests/secret.yaml',
          diff: `--- /dev/null\n+++ b/Secret prod/db-credentials\n@@ -0,0 +1,8 @@\n+apiVersion: v1\n+kind: Secret\n+data:\n+  password: ${SECRET_VALUE}\n+  cert: |\n+    -----BEGIN CERTIFICATE-----\n+    MIIBszCCAVmgAwIBAgIUeNotArealCert\n+stringData: {token: plain-text-token-value}\n`,
        },
      ],
    }),
  ]);
}

/** Messages written by a pull request's author to break out of a table, a code span, a fold or the page. */
export const HOSTILE_MESSAGE =
  'x | y </details><script>alert(1)</script> `code` ``` [click](https://evil.example) **bold** &lt;b&gt; @org/team\nsecond line\u001b[31m';
