// A GitOps app's kustomize options go into the path's own kustomization, as Flux's generator and Argo CD's
// `kustomize edit` put them: Flux components are added to its `components:` (so its own patches run after them),
// namePrefix replaces the kustomization's, images merge by name. The path's kustomization in the repository, which
// another root may share, is never changed.
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import type { RenderedObject } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const SOURCE = `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  url: https://example.com/repo.git
`;

function fluxKustomization(name: string, spec: string): string {
  return `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  sourceRef: { kind: GitRepository, name: flux-system }
${spec}`;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: web
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.0
`;

const FILES: Record<string, string> = {
  'clusters/prod/flux.yaml': [
    SOURCE,
    fluxKustomization('prod', '  path: ./apps/prod\n  namePrefix: prod-\n  components: [../../components/scale, ../../components/extra]\n  images:\n    - name: nginx\n      newTag: "2.0"\n'),
    fluxKustomization('plain', '  path: ./apps/prod\n'),
  ].join(''),
  'apps/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'apps/base/deployment.yaml': DEPLOYMENT,
  // The overlay's own patches: replicas 3, and a label on the ConfigMap a component adds.
  'apps/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: base-
resources: [../base]
images:
  - name: nginx
    newName: registry.example.com/nginx
    newTag: "1.5"
patches:
  - target: { kind: Deployment, name: web }
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
  - target: { kind: ConfigMap, name: extra }
    patch: |-
      - op: add
        path: /metadata/labels
        value: { patched: "yes" }
`,
  // A component setting replicas 5: Flux runs it before the overlay's own patches, which win.
  'components/scale/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
  - target: { kind: Deployment }
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 5
`,
  'components/extra/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [configmap.yaml]\n',
  'components/extra/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: web\ndata: { a: b }\n',
};

const repos: FixtureRepo[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
});

function of(objects: RenderedObject[], root: string, kind: string): RenderedObject {
  const found = objects.find((o) => o.root === root && o.object.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} from ${root}: ${objects.map((o) => `${o.root} ${String(o.object.kind)}`).join(', ')}`);
  return found;
}

describe('kustomize options of GitOps apps', () => {
  it('Flux components join the path\'s kustomization: its own patches run after them, also on what they add; namePrefix replaces, images merge', async () => {
    const repo = fixtureRepo();
    repos.push(repo);
    const head = repo.commit(FILES, 'flux');
    const r = await renderRef(new LocalGitSource(repo.dir), head);
    expect(r.errors.map((e) => e.message)).toEqual([]);
    const prod = 'flux:clusters/prod/flux.yaml#prod';
    const dep = of(r.objects, prod, 'Deployment');
    const spec = dep.object.spec as JsonObject & { replicas: number; template: { spec: { containers: { image: string }[] } } };
    // kustomize: resources, then components, then the kustomization's own transformers.
    expect(spec.replicas).toBe(3);
    expect((dep.object.metadata as JsonObject).name).toBe('prod-web');
    expect(spec.template.spec.containers[0]!.image).toBe('registry.example.com/nginx:2.0');
    expect(dep.source).toMatchObject({ file: 'apps/base/deployment.yaml', startLine: 1 });
    const cm = of(r.objects, prod, 'ConfigMap');
    expect((cm.object.metadata as JsonObject).labels).toEqual({ patched: 'yes' });
    expect(cm.source).toMatchObject({ file: 'components/extra/configmap.yaml' });
    // The same path without options: the repository's kustomization as written.
    const plain = of(r.objects, 'flux:clusters/prod/flux.yaml#plain', 'Deployment');
    expect((plain.object.metadata as JsonObject).name).toBe('base-web');
    expect((plain.object.spec as { replicas: number }).replicas).toBe(3);
    expect(r.objects.filter((o) => o.root === 'flux:clusters/prod/flux.yaml#plain').map((o) => o.object.kind)).toEqual(['Deployment']);
  });

  it('a broken merged build names the repository\'s files, not the private copy', async () => {
    const repo = fixtureRepo();
    repos.push(repo);
    const head = repo.commit({ ...FILES, 'apps/prod/kustomization.yaml': `${FILES['apps/prod/kustomization.yaml']!}resources: [../base, missing.yaml]\n`.replace('resources: [../base]\n', '') }, 'broken');
    const r = await renderRef(new LocalGitSource(repo.dir), head);
    const errors = r.errors.filter((e) => e.source?.renderedBy === 'flux:clusters/prod/flux.yaml#prod').map((e) => e.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('apps/prod');
    expect(errors[0]).not.toContain('.preadmit-app');
  });
});
