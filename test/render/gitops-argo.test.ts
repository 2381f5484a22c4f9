// Argo CD apps rendered through the real kustomize and helm in the jail, over a fixture repository built as git.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/render/gitops/argocd.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

describe('Argo CD apps', () => {
  let repo: FixtureRepo;
  let source: LocalGitSource;
  beforeAll(() => {
    repo = fixtureRepo('gitops-argo');
    source = new LocalGitSource(repo.dir);
  });
  afterAll(() => repo.cleanup());

  const name = (o: { object: Record<string, unknown> }): string => (o.object.metadata as { name: string }).name;
  const ns = (o: { object: Record<string, unknown> }): string | undefined => (o.object.metadata as { namespace?: string }).namespace;

  it('an ApplicationSet git directory generator makes one app per directory, templated, with kustomize options and destination', async () => {
    const r = await renderRef(source, repo.head(), { gitops: { repoURLs: ['https://github.com/example/fleet'] } });
    const gb = r.objects.find((o) => o.root === 'argocd:argocd/appset.yaml#guestbook');
    expect(gb).toBeDefined();
    expect(name(gb!)).toBe('guestbook-guestbook');
    expect(ns(gb!)).toBe('guestbook');
    expect(gb!.source.file).toBe('apps/guestbook/deployment.yaml');
    expect(gb!.source.via?.file).toBe('argocd/appset.yaml');
    expect(r.objects.some((o) => o.root === 'argocd:argocd/appset.yaml#billing')).toBe(true);
    expect(r.roots.some((x) => x.kind === 'kustomize' && x.app === undefined && x.path.startsWith('apps/'))).toBe(false);
  });

  it('an ApplicationSet git file generator makes one app per object of each matching file (YAML object, JSON list), exclusions honoured', async () => {
    const r = await renderRef(source, repo.head(), { gitops: { repoURLs: ['https://github.com/example/fleet'] } });
    const apps = r.objects.filter((o) => o.root.startsWith('argocd:argocd/appset-files.yaml#'));
    const byApp = Object.fromEntries(apps.map((o) => [o.root.split('#')[1], o]));
    expect(Object.keys(byApp).sort()).toEqual(['web-prod', 'web-staging', 'web-staging-eu']);
    const prod = byApp['web-prod']!;
    expect(ns(prod)).toBe('web-prod');
    expect((prod.object.spec as any).replicas).toBe(3);
    expect((prod.object.spec as any).template.spec.containers[0].image).toBe('nginx:blue');
    expect(prod.source.file).toBe('charts/web/templates/deployment.yaml');
    expect(prod.source.via?.file).toBe('argocd/appset-files.yaml');
    expect((byApp['web-staging-eu']!.object.spec as any).replicas).toBe(2);
    expect(ns(byApp['web-staging-eu']!)).toBe('web-staging');
  });

  it('a git file generator over a file that is not YAML lists the ApplicationSet as not simulated, naming the file', async () => {
    const broken = fixtureRepo('gitops-argo');
    try {
      broken.commit({ 'clusters/prod/config.yaml': 'cluster: [unclosed\n' }, 'broken config');
      const r = await renderRef(new LocalGitSource(broken.dir), broken.head(), { gitops: { repoURLs: ['https://github.com/example/fleet'] } });
      expect(r.unsimulated.find((u) => u.name === 'clusters')?.reason).toContain("unable to process file 'clusters/prod/config.yaml'");
      expect(r.objects.some((o) => o.root.startsWith('argocd:argocd/appset-files.yaml#'))).toBe(false);
    } finally {
      broken.cleanup();
    }
  });

  it('a helm Application renders with valueFiles and parameters in its namespace; a directory app applies its include glob', async () => {
    const r = await renderRef(source, repo.head(), { gitops: { repoURLs: ['https://github.com/example/fleet'] } });
    const web = r.objects.find((o) => o.root === 'argocd:argocd/apps.yaml#web');
    expect(web).toBeDefined();
    expect(ns(web!)).toBe('web');
    expect((web!.object.spec as any).replicas).toBe(4);
    expect((web!.object.spec as any).template.spec.containers[0].image).toBe('nginx:1.27');
    const raw = r.objects.filter((o) => o.root === 'argocd:argocd/apps.yaml#raw');
    expect(raw.map(name)).toEqual(['raw-config']);
    expect(ns(raw[0]!)).toBe('raw');
  });

  it('remote charts and jsonnet are listed as not simulated with the reason; a source of another repository too', async () => {
    const r = await renderRef(source, repo.head(), { gitops: { repoURLs: ['https://github.com/example/fleet'] } });
    const reasons = Object.fromEntries(r.unsimulated.map((u) => [u.name, u.reason]));
    expect(reasons.ingress).toContain('remote chart repository not allowed: https://kubernetes.github.io/ingress-nginx');
    expect(reasons.grafana).toContain('jsonnet');
    const other = await renderRef(source, repo.head(), { gitops: { repoURLs: ['https://github.com/example/other'] } });
    expect(other.unsimulated.find((u) => u.name === 'web')?.reason).toContain('is not this repository');
    expect(other.objects.some((o) => o.root.startsWith('argocd:'))).toBe(false);
  });

  it('templates: fasttemplate leaves unknown keys; goTemplate runs Go templates and refuses broken ones', () => {
    const fast = { goTemplate: false, options: {} };
    const go = { goTemplate: true, options: {} };
    expect(renderTemplate({ a: '{{x}}-{{ y }}', b: ['{{z}}'] }, { x: '1', z: 'q' }, fast)).toEqual({ a: '1-{{ y }}', b: ['q'] });
    expect(renderTemplate('{{ .path.basename }}/{{ index .path.segments 0 }}', { path: { basename: 'b', segments: ['apps', 'b'] } }, go)).toBe('b/apps');
    expect(() => renderTemplate('{{ range .x }}', {}, go)).toThrow(/without \{\{end\}\}/);
  });
});
