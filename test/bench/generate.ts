// Generates a synthetic GitOps corpus for benchmarks (and any test that needs volume): ConstraintTemplates of
// a few policy shapes, constraints with a mix of actions and matches, an ExpansionTemplate for Deployments,
// and Namespaces, Pods, Deployments and Services. Deterministic for a given seed.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

export interface CorpusOptions {
  /** Workload objects (Pods, Deployments, Services), Namespaces not counted. Default 2000. */
  objects?: number;
  templates?: number;
  constraints?: number;
  namespaces?: number;
  seed?: number;
}

export interface CorpusSummary {
  dir: string;
  files: string[];
  templates: number;
  constraints: number;
  namespaces: number;
  pods: number;
  deployments: number;
  services: number;
  expansionTemplates: number;
  /** Every input object: gator test reviews each of them, templates and constraints included. */
  inputObjects: number;
  /** Reviews gator test performs: every input object, plus one Pod per Deployment from expansion. */
  reviews: number;
}

/** A small seeded generator (mulberry32), so that corpora are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGISTRIES = ['registry.example.com', 'docker.io', 'ghcr.io', 'quay.io', 'evil.example.net'];
const TEAMS = ['payments', 'search', 'platform', 'data', 'web'];

/** The Rego of template `i`: one of five shapes, each made distinct by `i` so that no two compile alike. */
function templateRego(i: number, pkg: string): { rego: string; schema: JsonObject } {
  switch (i % 5) {
    case 0:
      return {
        schema: { type: 'object', properties: { labels: { type: 'array', items: { type: 'string' } } } },
        rego: `package ${pkg}
violation[{"msg": msg, "details": {"missing": missing}}] {
  provided := {l | input.review.object.metadata.labels[l]}
  required := {l | l := input.parameters.labels[_]}
  missing := required - provided
  count(missing) > 0
  msg := sprintf("[gen ${i}] %v %v is missing labels %v", [input.review.kind.kind, input.review.object.metadata.name, missing])
}
`,
      };
    case 1:
      return {
        schema: { type: 'object', properties: { repos: { type: 'array', items: { type: 'string' } } } },
        rego: `package ${pkg}
containers[c] { c := input.review.object.spec.containers[_] }
containers[c] { c := input.review.object.spec.initContainers[_] }
violation[{"msg": msg}] {
  c := containers[_]
  not allowed(c.image)
  msg := sprintf("[gen ${i}] container <%v> has an image from a registry that is not allowed: %v", [c.name, c.image])
}
allowed(image) { startswith(image, input.parameters.repos[_]) }
`,
      };
    case 2:
      return {
        schema: { type: 'object', properties: { maxMemoryMi: { type: 'integer', default: 512 } } },
        rego: `package ${pkg}
mebibytes(q) = n { endswith(q, "Mi"); n := to_number(trim_suffix(q, "Mi")) }
mebibytes(q) = n { endswith(q, "Gi"); n := to_number(trim_suffix(q, "Gi")) * 1024 }
violation[{"msg": msg}] {
  c := input.review.object.spec.containers[_]
  not c.resources.limits.memory
  msg := sprintf("[gen ${i}] container <%v> has no memory limit", [c.name])
}
violation[{"msg": msg}] {
  c := input.review.object.spec.containers[_]
  m := mebibytes(c.resources.limits.memory)
  m > input.parameters.maxMemoryMi
  msg := sprintf("[gen ${i}] container <%v> memory limit %vMi exceeds %vMi", [c.name, m, input.parameters.maxMemoryMi])
}
`,
      };
    case 3:
      return {
        schema: { type: 'object', properties: { maxReplicas: { type: 'integer' } } },
        rego: `package ${pkg}
violation[{"msg": msg, "details": {"replicas": r}}] {
  input.review.kind.kind == "Deployment"
  r := object.get(input.review.object.spec, "replicas", 1)
  r > input.parameters.maxReplicas
  msg := sprintf("[gen ${i}] %v replicas is more than %v", [r, input.parameters.maxReplicas])
}
`,
      };
    default:
      return {
        schema: { type: 'object', properties: { forbiddenTypes: { type: 'array', items: { type: 'string' } } } },
        rego: `package ${pkg}
violation[{"msg": msg}] {
  input.review.kind.kind == "Service"
  t := object.get(input.review.object.spec, "type", "ClusterIP")
  t == input.parameters.forbiddenTypes[_]
  msg := sprintf("[gen ${i}] Service %v of type %v is not allowed", [input.review.object.metadata.name, t])
}
violation[{"msg": msg}] {
  input.review.kind.kind == "Service"
  other := data.inventory.namespace[input.review.object.metadata.namespace]["v1"]["Service"][name]
  name != input.review.object.metadata.name
  other.spec.selector == input.review.object.spec.selector
  msg := sprintf("[gen ${i}] Service %v has the same selector as %v", [input.review.object.metadata.name, name])
}
`,
      };
  }
}

function templateKind(i: number): string {
  return `K8sGenerated${i}`;
}

/**
 * The CEL source (K8sNativeValidation) of the required-labels shape, which templates of that shape carry beside
 * their Rego, as gatekeeper-library templates do: gator and Gatekeeper evaluate such a template with CEL.
 */
function requiredLabelsCel(i: number): JsonObject {
  const missing = 'variables.params.labels.filter(l, !(l in variables.labels))';
  return {
    variables: [{ name: 'labels', expression: 'has(variables.anyObject.metadata.labels) ? variables.anyObject.metadata.labels : {}' }],
    validations: [
      {
        expression: `size(${missing}) == 0`,
        messageExpression: `"[gen ${i}] " + variables.anyObject.kind + " " + variables.anyObject.metadata.name + " is missing labels " + ${missing}.join(", ")`,
      },
    ],
  };
}

/** Template `i`; with `cel` (the default), those of the required-labels shape also carry a CEL source. */
export function generateTemplate(i: number, cel = true): JsonObject {
  const kind = templateKind(i);
  const { rego, schema } = templateRego(i, kind.toLowerCase());
  const target: JsonObject =
    cel && i % 5 === 0
      ? {
          target: 'admission.k8s.gatekeeper.sh',
          code: [
            { engine: 'K8sNativeValidation', source: requiredLabelsCel(i) },
            { engine: 'Rego', source: { rego } },
          ],
        }
      : { target: 'admission.k8s.gatekeeper.sh', rego };
  return {
    apiVersion: 'templates.gatekeeper.sh/v1',
    kind: 'ConstraintTemplate',
    metadata: { name: kind.toLowerCase() },
    spec: {
      crd: { spec: { names: { kind }, validation: { openAPIV3Schema: schema } } },
      targets: [target],
    },
  };
}

function parametersFor(i: number, rand: () => number): JsonObject {
  switch (i % 5) {
    case 0:
      return { labels: rand() < 0.5 ? ['team'] : ['team', 'owner'] };
    case 1:
      return { repos: ['registry.example.com/', rand() < 0.5 ? 'ghcr.io/' : 'quay.io/'] };
    case 2:
      return rand() < 0.5 ? {} : { maxMemoryMi: 1024 };
    case 3:
      return { maxReplicas: 3 + Math.floor(rand() * 5) };
    default:
      return { forbiddenTypes: rand() < 0.5 ? ['NodePort'] : ['NodePort', 'LoadBalancer'] };
  }
}

function matchFor(j: number, rand: () => number): JsonObject {
  const kinds = [{ apiGroups: ['', 'apps'], kinds: ['Pod', 'Deployment', 'Service'] }];
  switch (j % 6) {
    case 0:
      return { kinds };
    case 1:
      return { kinds, namespaces: ['team-*', '*-prod'] };
    case 2:
      return { kinds, excludedNamespaces: ['kube-*', '*-system'] };
    case 3:
      return { kinds, labelSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] } };
    case 4:
      return { kinds, namespaceSelector: { matchLabels: { env: rand() < 0.5 ? 'prod' : 'dev' } } };
    default:
      return { kinds, scope: 'Namespaced', source: rand() < 0.5 ? 'All' : 'Original' };
  }
}

function constraint(j: number, templateIndex: number, rand: () => number): JsonObject {
  const actions = ['deny', 'warn', 'dryrun'];
  const spec: JsonObject = { match: matchFor(j, rand), parameters: parametersFor(templateIndex, rand) };
  if (j % 7 === 6) {
    spec.enforcementAction = 'scoped';
    spec.scopedEnforcementActions = [{ action: 'warn', enforcementPoints: [{ name: 'gator.gatekeeper.sh' }] }];
  } else {
    spec.enforcementAction = actions[j % actions.length]!;
  }
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: templateKind(templateIndex),
    metadata: { name: `generated-${j}` },
    spec,
  };
}

function containers(rand: () => number, n: number): JsonObject[] {
  const out: JsonObject[] = [];
  for (let c = 0; c < n; c++) {
    const registry = REGISTRIES[Math.floor(rand() * REGISTRIES.length)]!;
    const container: JsonObject = { name: `c${c}`, image: `${registry}/app-${Math.floor(rand() * 50)}:1.${c}` };
    const r = rand();
    if (r < 0.6) container.resources = { limits: { memory: r < 0.3 ? '256Mi' : '2Gi', cpu: '500m' } };
    out.push(container);
  }
  return out;
}

function podSpec(rand: () => number): JsonObject {
  return { containers: containers(rand, 1 + Math.floor(rand() * 3)) };
}

function labels(rand: () => number, i: number): Record<string, string> {
  const l: Record<string, string> = { app: `app-${i % 97}`, tier: ['web', 'api', 'batch', 'cache'][i % 4]! };
  if (rand() < 0.7) l.team = TEAMS[i % TEAMS.length]!;
  if (rand() < 0.4) l.owner = `owner-${i % 13}`;
  return l;
}

function namespaceName(i: number): string {
  const shapes = [`team-${i}`, `svc-${i}-prod`, `kube-extra-${i}`, `tools-${i}-system`, `apps-${i}`];
  return shapes[i % shapes.length]!;
}

/** Writes the corpus into `dir` (created if needed) and describes what it wrote. */
export async function generateCorpus(dir: string, options: CorpusOptions = {}): Promise<CorpusSummary> {
  const total = options.objects ?? 2000;
  const templateCount = options.templates ?? 20;
  const constraintCount = options.constraints ?? 40;
  const namespaceCount = options.namespaces ?? 25;
  const rand = seededRandom(options.seed ?? 42);
  await mkdir(dir, { recursive: true });

  const templates = Array.from({ length: templateCount }, (_, i) => generateTemplate(i));
  const constraints = Array.from({ length: constraintCount }, (_, j) => constraint(j, j % templateCount, rand));
  const expansion: JsonObject = {
    apiVersion: 'expansion.gatekeeper.sh/v1beta1',
    kind: 'ExpansionTemplate',
    metadata: { name: 'expand-deployments' },
    spec: {
      applyTo: [{ groups: ['apps'], kinds: ['Deployment'], versions: ['v1'] }],
      templateSource: 'spec.template',
      generatedGVK: { group: '', version: 'v1', kind: 'Pod' },
    },
  };
  const namespaces: JsonObject[] = [];
  for (let n = 0; n < namespaceCount; n++) {
    namespaces.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespaceName(n), labels: { env: n % 2 === 0 ? 'prod' : 'dev' } },
    });
  }

  const workloads: JsonObject[] = [];
  let pods = 0;
  let deployments = 0;
  let services = 0;
  for (let i = 0; i < total; i++) {
    const ns = namespaceName(Math.floor(rand() * namespaceCount));
    const l = labels(rand, i);
    const r = rand();
    if (r < 0.4) {
      pods++;
      workloads.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, namespace: ns, labels: l }, spec: podSpec(rand) });
    } else if (r < 0.75) {
      deployments++;
      workloads.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `deploy-${i}`, namespace: ns, labels: l },
        spec: {
          replicas: 1 + Math.floor(rand() * 8),
          selector: { matchLabels: { app: l.app! } },
          template: { metadata: { labels: l }, spec: podSpec(rand) },
        },
      });
    } else {
      services++;
      workloads.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${i}`, namespace: ns, labels: l },
        spec: { type: ['ClusterIP', 'NodePort', 'LoadBalancer'][i % 3]!, selector: { app: l.app! }, ports: [{ port: 80 }] },
      });
    }
  }

  const files: string[] = [];
  async function write(name: string, docs: JsonObject[]): Promise<void> {
    const file = path.join(dir, name);
    await writeFile(file, docs.map((d) => stringify(d)).join('---\n'));
    files.push(file);
  }
  await write('templates.yaml', templates);
  await write('constraints.yaml', constraints);
  await write('expansion.yaml', [expansion]);
  await write('namespaces.yaml', namespaces);
  const perFile = 250;
  for (let f = 0; f * perFile < workloads.length; f++) {
    await write(`workloads-${String(f).padStart(3, '0')}.yaml`, workloads.slice(f * perFile, (f + 1) * perFile));
  }

  const inputObjects = templates.length + constraints.length + 1 + namespaces.length + workloads.length;
  return {
    dir,
    files,
    templates: templates.length,
    constraints: constraints.length,
    namespaces: namespaces.length,
    pods,
    deployments,
    services,
    expansionTemplates: 1,
    inputObjects,
    reviews: inputObjects + deployments,
  };
}

/** Only templates (for compile benchmarks): `count` distinct ConstraintTemplates in one file. */
export async function generateTemplates(dir: string, count: number, offset = 0): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'templates.yaml');
  // Rego only: this measures compiling.
  const docs = Array.from({ length: count }, (_, i) => generateTemplate(offset + i, false));
  await writeFile(file, docs.map((d) => stringify(d)).join('---\n'));
  return file;
}
