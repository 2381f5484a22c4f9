// The generated GitOps monorepo of `bench:diff` and `bench:app`: ~5,000 objects in plain manifests over 100
// namespaces and kustomize overlays over a shared base, with the templates and constraints of policies/.
// Deployments pass most policies: every 7th lacks a memory limit, every 11th escalates privileges.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PLAIN_FILES = 800; // × 6 objects
export const NAMESPACES = 100;
export const OVERLAYS = 33; // × 3 objects

export interface MonorepoOptions {
  /**
   * bench:diff's fuller objects: an `environment: prod` label on Deployments and Namespaces, container ports and
   * dropped capabilities, feature flags in ConfigMaps, and a kustomize base without a namespace.
   */
  detailed: boolean;
  /** The config's `exemptions.allowedNamespaces`. */
  allowedNamespaces: string[];
  /** More constraints, written to platform/gatekeeper/constraints/variants.yaml. */
  variants?: string;
}

export type Write = (file: string, body: string) => void;

export function namespaceName(i: number): string {
  return `team-${String(i % NAMESPACES).padStart(3, '0')}`;
}

function deployment(o: MonorepoOptions, name: string, namespace: string, i: number, image = `registry.company.com/apps/${name}:1.${i % 10}.0`): string {
  const memory = i % 7 === 0 ? '' : '\n              memory: 256Mi';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    owner: team-${i % NAMESPACES}${o.detailed ? '\n    environment: prod' : ''}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: ${image}${o.detailed ? '\n          ports:\n            - containerPort: 8080' : ''}
          securityContext:
            allowPrivilegeEscalation: ${i % 11 === 0 ? 'true' : 'false'}
            readOnlyRootFilesystem: true${o.detailed ? '\n            capabilities:\n              drop: ["ALL"]' : ''}
          resources:
            limits:
              cpu: 500m${memory}
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
`;
}

function service(name: string, namespace: string, i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  type: ${i % 50 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function configMap(o: MonorepoOptions, name: string, namespace: string, i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${namespace}
data:
  LOG_LEVEL: ${i % 2 === 0 ? 'info' : 'debug'}
${o.detailed ? '  FEATURE_FLAGS: "a,b,c"\n' : ''}`;
}

/** The six objects of plain file `f`; `version` puts a new image (from a registry outside the allow list) in the first Deployment. */
export function plainFile(o: MonorepoOptions, f: number, version?: number): string {
  const ns = namespaceName(f);
  const docs: string[] = [];
  for (let k = 0; k < 2; k++) {
    const name = `svc-${f}-${k}`;
    const i = f * 2 + k;
    const image = version !== undefined && k === 0 ? `quay.io/someone/${name}:${version}.0.0` : undefined;
    docs.push(deployment(o, name, ns, i, image), service(name, ns, i), configMap(o, `${name}-config`, ns, i));
  }
  return docs.join('---\n');
}

/** The path of plain file `f`. */
export function plainPath(f: number): string {
  return `apps/${namespaceName(f)}/svc-${f}.yaml`;
}

/** Writes the whole tree; returns how many objects its manifests hold (policies not counted). */
export function generateMonorepo(write: Write, o: MonorepoOptions): number {
  let objects = 0;
  write(
    '.github/preadmit.yml',
    `clusters:\n  - name: prod\n    manifests: [apps, kustomize, namespaces]\n    policies: [platform/gatekeeper]\nexemptions:\n  allowedNamespaces: [${o.allowedNamespaces.join(', ')}]\n`,
  );
  for (const entry of readdirSync(path.join(ROOT, 'policies'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const d = path.join(ROOT, 'policies', entry.name);
    if (entry.name === 'expansion') write('platform/gatekeeper/expansion.yaml', readFileSync(path.join(d, 'expansion.yaml'), 'utf8'));
    if (!existsSync(path.join(d, 'template.yaml'))) continue;
    write(`platform/gatekeeper/templates/${entry.name}.yaml`, readFileSync(path.join(d, 'template.yaml'), 'utf8'));
    for (const f of readdirSync(d).filter((x) => /^constraint.*\.yaml$/.test(x))) {
      write(`platform/gatekeeper/constraints/${entry.name}-${f}`, readFileSync(path.join(d, f), 'utf8'));
    }
  }
  if (o.variants !== undefined) write('platform/gatekeeper/constraints/variants.yaml', o.variants);
  write(
    'namespaces/namespaces.yaml',
    Array.from({ length: NAMESPACES }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespaceName(i)}\n  labels:\n    owner: team-${i}\n${o.detailed ? '    environment: prod\n' : ''}`).join('---\n'),
  );
  objects += NAMESPACES;
  for (let f = 0; f < PLAIN_FILES; f++) {
    write(plainPath(f), plainFile(o, f));
    objects += 6;
  }
  write('kustomize/bases/web/kustomization.yaml', 'resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n');
  // In the detailed repository the overlays set the namespace: the shared base has none.
  const base = (body: string) => (o.detailed ? body.replace('  namespace: placeholder\n', '') : body);
  write('kustomize/bases/web/deployment.yaml', base(deployment(o, 'web', 'placeholder', 1)));
  write('kustomize/bases/web/service.yaml', base(service('web', 'placeholder', 1)));
  write('kustomize/bases/web/configmap.yaml', base(configMap(o, 'web-config', 'placeholder', 1)));
  for (let v = 0; v < OVERLAYS; v++) {
    write(`kustomize/overlays/site-${v}/kustomization.yaml`, `namespace: ${namespaceName(v)}\nnamePrefix: site-${v}-\nresources:\n  - ../../bases/web\npatches:\n  - path: replicas.yaml\n`);
    write(`kustomize/overlays/site-${v}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${1 + (v % 4)}\n`);
    objects += 3;
  }
  return objects;
}
