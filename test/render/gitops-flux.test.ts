// Flux apps rendered through the real kustomize and helm in the jail, over a fixture repository built as git.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

describe('Flux apps', () => {
  let repo: FixtureRepo;
  let source: LocalGitSource;
  beforeAll(() => {
    repo = fixtureRepo('gitops-flux');
    source = new LocalGitSource(repo.dir);
  });
  afterAll(() => repo.cleanup());

  it('renders a Kustomization with its options and post-build substitution, sourced at the manifest and the CR', async () => {
    const r = await renderRef(source, repo.head());
    const ids = r.roots.map((x) => x.app?.id ?? `${x.kind}:${x.path}`);
    expect(ids).toContain('flux:clusters/prod/apps.yaml#apps');
    const dep = r.objects.find((o) => o.object.kind === 'Deployment' && o.root === 'flux:clusters/prod/apps.yaml#apps');
    expect(dep).toBeDefined();
    const meta = dep!.object.metadata as Record<string, unknown>;
    expect(meta.name).toBe('prod-podinfo');
    expect(meta.namespace).toBe('podinfo');
    expect((meta.labels as Record<string, string>).cluster).toBe('prod');
    const spec = dep!.object.spec as Record<string, any>;
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers[0].image).toBe('ghcr.io/example/podinfo:6.5.0');
    expect(spec.template.spec.containers[0].env[0].value).toBe('hello');
    expect(dep!.source.file).toBe('apps/podinfo/deployment.yaml');
    expect(dep!.source.via).toMatchObject({ app: 'flux:clusters/prod/apps.yaml#apps', file: 'clusters/prod/apps.yaml' });
    // The path is rendered through the app only, not also as a kustomize root of its own.
    expect(ids).not.toContain('kustomize:apps/podinfo');
    expect(r.errors.filter((e) => e.source?.renderedBy?.startsWith('flux:'))).toEqual([]);
  });

  it('renders a path without a kustomization over every manifest below it, as Flux generates one', async () => {
    const r = await renderRef(source, repo.head());
    const names = r.objects.filter((o) => o.root === 'flux:clusters/prod/apps.yaml#plainapp').map((o) => `${o.object.kind}/${(o.object.metadata as any).name}`).sort();
    expect(names).toEqual(['Pod/plain-pod', 'Service/plain']);
  });

  it('renders an in-repo HelmRelease with values and valuesFrom in its target namespace; a HelmRepository chart is listed as not simulated', async () => {
    const r = await renderRef(source, repo.head());
    const web = r.objects.find((o) => o.root === 'flux:clusters/prod/apps.yaml#web' && o.object.kind === 'Deployment');
    expect(web).toBeDefined();
    expect((web!.object.metadata as any).name).toBe('web-web');
    expect((web!.object.metadata as any).namespace).toBe('web');
    expect((web!.object.spec as any).replicas).toBe(2);
    expect((web!.object.spec as any).template.spec.containers[0].image).toBe('nginx:1.25');
    expect(web!.source.file).toBe('charts/web/templates/deployment.yaml');
    expect(r.roots.map((x) => x.app?.id ?? `${x.kind}:${x.path}`)).not.toContain('helm:charts/web');
    const redis = r.unsimulated.find((u) => u.name === 'redis');
    expect(redis?.reason).toContain('remote chart repository not allowed: https://charts.bitnami.com/bitnami');
    expect(redis?.declared.file).toBe('clusters/prod/apps.yaml');
  });

  it('a change to the values ConfigMap re-renders the release; bad CRs give file and line and the rest renders', async () => {
    const base = repo.head();
    repo.write('clusters/prod/cluster-vars.yaml', (await source.readFile(base, 'clusters/prod/cluster-vars.yaml'))!.toString().replace('nginx:1.25', 'nginx:1.26'));
    repo.write(
      'clusters/prod/bad.yaml',
      `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: escape
  namespace: flux-system
spec:
  path: ../../etc
  sourceRef:
    kind: GitRepository
    name: flux-system
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: missing
  namespace: flux-system
spec:
  path: ./nowhere
  sourceRef:
    kind: GitRepository
    name: flux-system
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: nosubst
  namespace: flux-system
spec:
  path: ./apps/plainapp
  postBuild:
    substituteFrom:
      - kind: Secret
        name: absent
  sourceRef:
    kind: GitRepository
    name: flux-system
`,
    );
    repo.write('clusters/prod/broken.yaml', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: broken\nspec:\n  path: [unclosed\n');
    const head = repo.commitAll('values + bad CRs');
    const changed = await source.changedFiles(base, head);
    const r = await renderRef(source, head, { changed });
    const ids = r.roots.map((x) => x.app?.id ?? `${x.kind}:${x.path}`);
    expect(ids).toContain('flux:clusters/prod/apps.yaml#web');
    // cluster-vars.yaml also feeds the apps Kustomization's substituteFrom; plainapp reads nothing that changed.
    expect(ids).toContain('flux:clusters/prod/apps.yaml#apps');
    expect(ids).not.toContain('flux:clusters/prod/apps.yaml#plainapp');
    const msgs = r.errors.map((e) => `${e.source?.file}:${e.source?.startLine} ${e.message}`);
    expect(msgs.some((m) => m.startsWith('clusters/prod/bad.yaml:7 ') && m.includes('leaves the repository'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('clusters/prod/bad.yaml:18 ') && m.includes('not a directory'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('clusters/prod/bad.yaml:') && m.includes('Secret absent is not in this repository'))).toBe(true);
    expect(r.unsimulated.map((u) => u.name).sort()).toEqual(['escape', 'missing', 'nosubst', 'redis']);
    // Broken YAML in a CR's file: reported once, with file and line, by what renders the file (here the flux-system app's path).
    expect(r.errors.filter((e) => e.source?.file === 'clusters/prod/broken.yaml' || e.message.includes('broken.yaml')).length).toBeGreaterThan(0);
    const web = r.objects.find((o) => o.root === 'flux:clusters/prod/apps.yaml#web' && o.object.kind === 'Deployment');
    expect((web!.object.spec as any).template.spec.containers[0].image).toBe('nginx:1.26');
  });
});
