// The GitOps repository the app's tests check: a ConstraintTemplate that wants an `owner` label on ConfigMaps,
// and branches that break it in different ways.
export const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8srequiredowner
spec:
  crd:
    spec:
      names:
        kind: K8sRequiredOwner
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8srequiredowner
        violation[{"msg": msg}] {
          not input.review.object.metadata.labels.owner
          msg := sprintf("%v %v has no owner label", [input.review.object.kind, input.review.object.metadata.name])
        }
`;

export const CONSTRAINT = `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sRequiredOwner
metadata:
  name: require-owner
spec:
  match:
    kinds:
      - apiGroups: [""]
        kinds: ["ConfigMap"]
`;

export const CONFIG = `clusters:
  - name: prod
    manifests: [apps]
    policies: [policies]
`;

export function configMap(name: string, owner?: string): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: default
${owner !== undefined ? `  labels:\n    owner: ${owner}\n` : ''}data:
  key: value
`;
}

/** `main` passes; `bad` adds an unlabelled ConfigMap and tries to relax the config; `many` adds 60 of them. */
export const BRANCHES: { branch: string; from?: string; files: Record<string, string | null> }[] = [
  {
    branch: 'main',
    files: {
      '.github/preadmit.yml': CONFIG,
      'policies/template.yaml': TEMPLATE,
      'policies/constraint.yaml': CONSTRAINT,
      'apps/ok.yaml': configMap('ok', 'team-a'),
    },
  },
  {
    branch: 'good',
    files: { 'apps/ok2.yaml': configMap('ok2', 'team-b') },
  },
  {
    branch: 'bad',
    files: {
      'apps/bad.yaml': configMap('bad'),
      // A pull request must not be able to relax its own check: this is never read.
      '.github/preadmit.yml': `${CONFIG}blocking:\n  newDeny: false\n`,
    },
  },
  {
    branch: 'bad2',
    from: 'bad',
    files: { 'apps/bad2.yaml': configMap('bad2') },
  },
  {
    branch: 'many',
    files: { 'apps/many.yaml': Array.from({ length: 60 }, (_, i) => configMap(`cm-${String(i).padStart(2, '0')}`)).join('---\n') },
  },
  {
    branch: 'broken-config',
    files: { '.github/preadmit.yml': 'clusters:\n  - name: prod\n    manifests: 12\n' },
  },
];
