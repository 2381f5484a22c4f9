// Namespaced objects whose manifests name no namespace are reviewed where the API server files them before admission:
// the cluster's default namespace for plain files and kustomize roots (kubectl's context namespace, `default` unless
// `clusters[].defaultNamespace` says), an app's target namespace; cluster-scoped kinds get none. Under a Flux
// Kustomization without targetNamespace kustomize-controller refuses them ("namespace not specified"): an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import type { Finding } from '../../src/simulate/types.ts';
import { constraint, only, simulateRepo, useTestRepos } from './harness.ts';

let runtime: Runtime;
beforeAll(() => {
  runtime = createRuntime();
});
afterAll(async () => {
  await runtime?.close();
});

/** Reports every object it reviews with the namespace of the object and of the request, as Gatekeeper sees them. */
const ECHO = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: simnsecho
spec:
  crd:
    spec:
      names:
        kind: SimNsEcho
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package simnsecho
        violation[{"msg": msg}] {
          ns := object.get(input.review.object.metadata, "namespace", "")
          req := object.get(input.review, "namespace", "")
          msg := sprintf("object <%v> request <%v>", [ns, req])
        }
`;

const KINDS = `    kinds:
      - apiGroups: ["apps", "rbac.authorization.k8s.io", "example.com"]
        kinds: ["Deployment", "ClusterRole", "Widget", "Gadget"]
`;

function workload(name: string, namespace?: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${namespace !== undefined ? `\n  namespace: ${namespace}` : ''}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: c
          image: registry.example.com/app:1.0.0
`;
}

const CRDS = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Cluster
  names: { kind: Widget, plural: widgets }
  versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object } } }]
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: cluster-widget
---
apiVersion: example.com/v1
kind: Gadget
metadata:
  name: unknown-kind
`;

const FLUX = `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  url: https://example.com/repo.git
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: targeted
  namespace: flux-system
spec:
  path: ./flux/targeted
  targetNamespace: team-a
  sourceRef: { kind: GitRepository, name: flux-system }
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: untargeted
  namespace: flux-system
spec:
  path: ./flux/untargeted
  sourceRef: { kind: GitRepository, name: flux-system }
`;

const MANIFESTS: Record<string, string> = {
  'plain/app.yaml': `${workload('plain-app')}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules: []
`,
  'plain/crds.yaml': CRDS,
  'kust/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
  'kust/deploy.yaml': workload('kust-app'),
  'clusters/prod/flux.yaml': FLUX,
  'flux/targeted/deploy.yaml': workload('flux-targeted'),
  'flux/untargeted/deploy.yaml': `${workload('flux-placed', 'team-b')}---
${workload('flux-homeless')}`,
};

const byName = (findings: Finding[]): Record<string, string> =>
  Object.fromEntries(findings.filter((f) => f.category === 'new').map((f) => [f.object.name, `${f.object.namespace ?? ''} ${f.message}`]));

describe('objects without a namespace', () => {
  const newRepo = useTestRepos();

  async function run(match: string, configText?: string) {
    const repo = newRepo();
    const base = repo.commit({ 'policies/template.yaml': ECHO, 'policies/constraint.yaml': constraint('SimNsEcho', 'echo', match) }, 'policies');
    const head = repo.commit(MANIFESTS, 'manifests');
    return only(await simulateRepo(repo, base, head, runtime, configText));
  }

  it('are reviewed in the default namespace (plain, kustomize) or the app\'s (Flux targetNamespace); cluster-scoped kinds get none', async () => {
    const cluster = await run(KINDS);
    expect(byName(cluster.findings)).toEqual({
      'plain-app': 'default object <default> request <default>',
      'kust-app': 'default object <default> request <default>',
      'flux-targeted': 'team-a object <team-a> request <team-a>',
      'flux-placed': 'team-b object <team-b> request <team-b>',
      // Cluster-scoped: a known kind, and a custom kind whose CRD (in the same file) says so.
      'reader': ' object <> request <>',
      'cluster-widget': ' object <> request <>',
      // A custom kind without a CRD in sight is taken as namespaced (most are).
      'unknown-kind': 'default object <default> request <default>',
    });
    // The Flux Kustomization without targetNamespace cannot apply an object naming none: an error at its line.
    const homeless = cluster.errors.filter((e) => e.error.message.includes('namespace not specified'));
    expect(homeless).toHaveLength(1);
    expect(homeless[0]).toMatchObject({ ref: 'head' });
    expect(homeless[0]!.existing).toBeFalsy();
    expect(homeless[0]!.error.message).toMatch(/^flux\/untargeted\/deploy\.yaml:17: Deployment flux-homeless names no namespace and Flux Kustomization untargeted \(clusters\/prod\/flux\.yaml:\d+\) sets no spec\.targetNamespace/);
    expect(homeless[0]!.error.source).toMatchObject({ file: 'flux/untargeted/deploy.yaml', startLine: 17 });
  });

  it('match namespaces and excludedNamespaces as in the cluster: `namespaces: [prod]` and `excludedNamespaces: [default]` spare them', async () => {
    const inProd = await run(`${KINDS}    namespaces: ["prod"]\n`);
    // Only the cluster-scoped objects match a namespaces list (Gatekeeper: they have no namespace to test).
    expect(Object.keys(byName(inProd.findings)).sort()).toEqual(['cluster-widget', 'reader']);
    const notDefault = await run(`${KINDS}    excludedNamespaces: ["default"]\n`);
    expect(Object.keys(byName(notDefault.findings)).sort()).toEqual(['cluster-widget', 'flux-placed', 'flux-targeted', 'reader']);
    const inDefault = await run(`${KINDS}    namespaces: ["default"]\n    scope: Namespaced\n`);
    expect(Object.keys(byName(inDefault.findings)).sort()).toEqual(['kust-app', 'plain-app', 'unknown-kind']);
  });

  it('land in the cluster\'s configured defaultNamespace', async () => {
    const cluster = await run(`${KINDS}    namespaces: ["apps"]\n    scope: Namespaced\n`, 'clusters:\n  - name: prod\n    defaultNamespace: apps\n');
    expect(byName(cluster.findings)).toEqual({
      'plain-app': 'apps object <apps> request <apps>',
      'kust-app': 'apps object <apps> request <apps>',
      'unknown-kind': 'apps object <apps> request <apps>',
    });
  });

  it('match a namespaceSelector against the default Namespace as the cluster labels it', async () => {
    const cluster = await run(`${KINDS}    namespaceSelector:\n      matchLabels:\n        kubernetes.io/metadata.name: default\n`);
    expect(Object.keys(byName(cluster.findings)).sort()).toEqual(['cluster-widget', 'kust-app', 'plain-app', 'reader', 'unknown-kind']);
  });
});
