// App of apps as deployed: a CR a parent app deploys is taken from the parent's rendered output (its overlays'
// patches, its target namespace, a chart's templates), through the real kustomize and helm in the jail.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_APP_DEPTH } from '../../src/render/gitops/deploy.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const kustomization = (name: string, path: string, extra = '') => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: ${name}, namespace: flux-system}
spec:
  interval: 10m
  path: ${path}
  sourceRef: {kind: GitRepository, name: flux-system}
${extra}`;

const chart = (name: string) => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
  [`charts/${name}/values.yaml`]: 'replicas: 1\nhostNetwork: false\n',
  [`charts/${name}/templates/deployment.yaml`]: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      hostNetwork: {{ .Values.hostNetwork }}
      containers: [{name: app, image: "nginx:1.25"}]
`,
});

const release = (name: string, ns?: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
${ns !== undefined ? `  namespace: ${ns}\n` : ''}spec:
  chart:
    spec:
      chart: ./charts/web
      sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
  values:
    replicas: 2
`;

/** A Flux fleet: the flux-system Kustomization deploys clusters/prod, whose `apps` Kustomization deploys the prod overlay of a base HelmRelease. */
const fleet = {
  ...chart('web'),
  'clusters/prod/flux-system/gotk-sync.yaml': kustomization('flux-system', './clusters/prod'),
  'clusters/prod/apps.yaml': kustomization('apps', './apps/prod'),
  'apps/base/kustomization.yaml': 'resources: [release.yaml]\n',
  'apps/base/release.yaml': release('web', 'web'),
  'apps/prod/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: web-patch.yaml\n',
  'apps/prod/web-patch.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: web, namespace: web}
spec:
  values:
    replicas: 3
`,
};

let repo: FixtureRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function repository(files: Record<string, string>): { repo: FixtureRepo; source: LocalGitSource } {
  repo = fixtureRepo();
  repo.commit(files, 'fixture');
  return { repo, source: new LocalGitSource(repo.dir) };
}

const deployment = (objects: { object: Record<string, unknown>; root: string }[], name: string) =>
  objects.find((o) => o.object.kind === 'Deployment' && (o.object.metadata as { name: string }).name === name);

describe('GitOps CRs taken from what their parent deploys', () => {
  it('a HelmRelease patched by the overlay its parent Kustomization builds is rendered with the patched values', async () => {
    const { source, repo: r } = repository(fleet);
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    expect(out.errors).toEqual([]);
    const web = deployment(out.objects, 'web');
    expect(web).toBeDefined();
    expect((web!.object.spec as { replicas: number }).replicas).toBe(3);
    expect(web!.root).toBe('flux:apps/base/release.yaml#web');
    const app = out.apps.find((a) => a.id === 'flux:apps/base/release.yaml#web');
    expect(app?.deployedBy).toBe('flux:clusters/prod/apps.yaml#apps');
    // The CR is where the file declares it; each app is simulated once and nothing is listed as not simulated.
    expect(app?.declared.file).toBe('apps/base/release.yaml');
    expect(out.unsimulated).toEqual([]);
    expect(out.objects.filter((o) => o.object.kind === 'Deployment')).toHaveLength(1);
  });

  it('a change to the overlay patch alone re-renders the release with the patched values (hostNetwork)', async () => {
    const { source, repo: r } = repository(fleet);
    const base = r.head();
    const head = r.commit({ 'apps/prod/web-patch.yaml': fleet['apps/prod/web-patch.yaml'].replace('replicas: 3', 'replicas: 3\n    hostNetwork: true') });
    const changed = await source.changedFiles(base, head);
    const out = await renderRef(source, head, { paths: ['clusters/prod'], changed });
    const web = deployment(out.objects, 'web');
    expect((web?.object.spec as any)?.template.spec.hostNetwork).toBe(true);
    // The parent rendered only to find its CRs is not reported (no change touches it).
    expect(out.roots.map((x) => x.app?.id)).not.toContain('flux:clusters/prod/flux-system/gotk-sync.yaml#flux-system');
    expect(out.objects.filter((o) => o.root === 'flux:clusters/prod/flux-system/gotk-sync.yaml#flux-system')).toEqual([]);
  });

  it('the parent\'s targetNamespace is the HelmRelease\'s namespace, so the release\'s objects land there', async () => {
    const { source, repo: r } = repository({
      ...chart('web'),
      'clusters/prod/apps.yaml': kustomization('apps', './apps/web', '  targetNamespace: team-a\n'),
      'apps/web/release.yaml': release('web'),
      'apps/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
      'apps/web/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: web-reader}\nrules: []\n',
    });
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    expect(out.errors).toEqual([]);
    const ns = (kind: string) => (out.objects.find((o) => o.object.kind === kind)?.object.metadata as { namespace?: string } | undefined)?.namespace;
    expect(ns('Deployment')).toBe('team-a');
    expect(ns('HelmRelease')).toBe('team-a');
    expect(ns('ConfigMap')).toBe('team-a');
    expect(ns('ClusterRole')).toBeUndefined();
    // Read from the raw file, the release had no namespace: it would have been rendered into `default`.
    expect(out.apps.find((a) => a.kind === 'HelmRelease')?.render).toMatchObject({ namespace: 'team-a' });
  });

  it('Argo CD Applications templated by a helm chart (app of apps) are followed, and a change to a child\'s path alone selects it', async () => {
    const files = {
      'bootstrap/root.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: root, namespace: argocd}
spec:
  source: {repoURL: https://github.com/acme/gitops.git, path: apps-chart, helm: {valuesObject: {teams: [alpha, beta]}}}
  destination: {namespace: argocd}
`,
      'apps-chart/Chart.yaml': 'apiVersion: v2\nname: apps\nversion: 1.0.0\n',
      'apps-chart/values.yaml': 'teams: []\n',
      'apps-chart/templates/apps.yaml': `{{- range .Values.teams }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: {{ . }}, namespace: argocd}
spec:
  source: {repoURL: https://github.com/acme/gitops.git, path: teams/{{ . }}}
  destination: {namespace: {{ . }}}
{{- end }}
`,
      'teams/alpha/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: alpha}\nspec: {containers: [{name: c, image: "nginx:1.25"}]}\n',
      'teams/beta/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: beta}\nspec: {containers: [{name: c, image: "nginx:1.25"}]}\n',
    };
    const { source, repo: r } = repository(files);
    const out = await renderRef(source, r.head(), { paths: ['bootstrap'] });
    expect(out.errors).toEqual([]);
    const pods = out.objects.filter((o) => o.object.kind === 'Pod').map((o) => `${(o.object.metadata as any).namespace}/${(o.object.metadata as any).name} ${o.root}`);
    expect(pods.sort()).toEqual(['alpha/alpha argocd:apps-chart/templates/apps.yaml#alpha', 'beta/beta argocd:apps-chart/templates/apps.yaml#beta']);
    expect(out.apps.find((a) => a.name === 'beta')?.deployedBy).toBe('argocd:bootstrap/root.yaml#root');
    // With the teams' directories under the cluster's paths too, their files are reviewed once, as the apps deploy them.
    const wide = await renderRef(source, r.head(), { paths: ['bootstrap', 'teams'] });
    expect(wide.objects.filter((o) => o.object.kind === 'Pod').map((o) => o.root).sort()).toEqual(['argocd:apps-chart/templates/apps.yaml#alpha', 'argocd:apps-chart/templates/apps.yaml#beta']);

    const base = r.head();
    const head = r.commit({ 'teams/beta/pod.yaml': files['teams/beta/pod.yaml'].replace('nginx:1.25', 'nginx:1.26') });
    const changed = await source.changedFiles(base, head);
    const touched = await renderRef(source, head, { paths: ['bootstrap'], changed });
    expect(touched.objects.map((o) => `${o.object.kind}/${(o.object.metadata as any).name}`)).toEqual(['Pod/beta']);
  });

  it('a cycle and a CR deployed by two parents are simulated once each and listed in Coverage; it ends', async () => {
    const { source, repo: r } = repository({
      ...chart('web'),
      'clusters/prod/a.yaml': kustomization('a', './loop/b'),
      'loop/b/b.yaml': kustomization('b', './loop/a'),
      'loop/a/a.yaml': kustomization('a', './loop/b'),
      'clusters/prod/one.yaml': kustomization('one', './shared'),
      'clusters/prod/two.yaml': kustomization('two', './shared'),
      'shared/release.yaml': release('web', 'web'),
    });
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    expect(out.objects.filter((o) => o.object.kind === 'Deployment')).toHaveLength(1);
    const notes = out.unsimulated.map((u) => `${u.kind} ${u.name} ${u.declared.file}: ${u.reason}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Kustomization a loop\/a\/a\.yaml: deployed by Flux Kustomization b .*a cycle/),
        expect.stringMatching(/^HelmRelease web shared\/release\.yaml: also deployed by Flux Kustomization (one|two) .*simulated once, as Flux Kustomization (one|two)/),
      ]),
    );
    expect(notes, notes.join("\n")).toHaveLength(2);
  });

  it('a HelmRelease no app deploys is still rendered from its file', async () => {
    const { source, repo: r } = repository({ ...chart('web'), 'clusters/prod/web.yaml': release('web', 'web') });
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    expect(out.errors).toEqual([]);
    expect(deployment(out.objects, 'web')?.root).toBe('flux:clusters/prod/web.yaml#web');
    expect(out.apps.find((a) => a.kind === 'HelmRelease')?.deployedBy).toBeUndefined();
  });
});

describe('Flux Kustomization spec.components', () => {
  const app = {
    'apps/web/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'apps/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "nginx:1.25"}]
`,
    'apps/components/debug/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
  - target: {kind: Deployment}
    patch: |
      - op: add
        path: /spec/template/spec/containers/0/securityContext
        value: {privileged: true}
`,
  };

  it('applies the Components over the path, and a change to a Component re-renders the app', async () => {
    const { source, repo: r } = repository({ ...app, 'clusters/prod/web.yaml': kustomization('web', './apps/web', '  components: [../components/debug]\n') });
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    expect(out.errors).toEqual([]);
    expect((deployment(out.objects, 'web')?.object.spec as any)?.template.spec.containers[0].securityContext).toEqual({ privileged: true });
    const base = r.head();
    const head = r.commit({ 'apps/components/debug/kustomization.yaml': app['apps/components/debug/kustomization.yaml'].replace('privileged: true', 'privileged: false') });
    const touched = await renderRef(source, head, { paths: ['clusters/prod'], changed: await source.changedFiles(base, head) });
    expect((deployment(touched.objects, 'web')?.object.spec as any)?.template.spec.containers[0].securityContext).toEqual({ privileged: false });
  });

  it('a Component that is not one, or leaves the repository, is an error at its line; a Component running a plugin is refused', async () => {
    const { source, repo: r } = repository({
      ...app,
      'clusters/prod/web.yaml': kustomization('web', './apps/web', '  components:\n    - ../components/debug\n    - ../web\n'),
      'clusters/prod/out.yaml': kustomization('out', './apps/web', '  components: [../../../etc]\n'),
      'clusters/prod/exec.yaml': kustomization('exec', './apps/web', '  components: [../components/exec]\n'),
      'apps/components/exec/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ntransformers: [run.yaml]\n',
      'apps/components/exec/run.yaml': 'apiVersion: example.com/v1\nkind: Runner\nmetadata: {name: run, annotations: {config.kubernetes.io/function: "exec: {path: /bin/sh}"}}\n',
    });
    const out = await renderRef(source, r.head(), { paths: ['clusters/prod'] });
    const messages = out.errors.map((e) => `${e.source?.file}:${e.source?.startLine} ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^clusters\/prod\/web\.yaml:10 .*spec\.components\[1\] '\.\.\/web' \(apps\/web\) is not a kustomize Component/),
        expect.stringMatching(/^clusters\/prod\/out\.yaml:8 .*spec\.components\[0\] '\.\.\/\.\.\/\.\.\/etc' leaves the repository/),
        expect.stringMatching(/^apps\/components\/exec\/run\.yaml:1 .*plugin Runner .* refused/),
      ]),
    );
    // Nothing of the refused apps is rendered.
    expect(out.objects.filter((o) => o.object.kind === 'Deployment')).toEqual([]);
  });
});

describe('the namespace the tool applies', () => {
  it('an Argo CD kustomize Application deployed by another puts namespaced objects without a namespace in its destination namespace', async () => {
    const application = (name: string, path: string, ns: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: ${name}, namespace: argocd}
spec:
  source: {repoURL: https://github.com/acme/gitops.git, path: ${path}}
  destination: {server: https://kubernetes.default.svc, namespace: ${ns}}
`;
    const { source, repo: r } = repository({
      'bootstrap/root.yaml': application('root', 'apps', 'argocd'),
      'apps/kustomization.yaml': 'resources: [shop.yaml]\npatches:\n  - target: {kind: Application, name: shop}\n    patch: |\n      - op: replace\n        path: /spec/destination/namespace\n        value: shop-prod\n',
      'apps/shop.yaml': application('shop', 'shop', 'shop-dev'),
      'shop/kustomization.yaml': 'resources: [config.yaml, pinned.yaml, role.yaml]\n',
      'shop/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
      'shop/pinned.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: pinned, namespace: elsewhere}\n',
      'shop/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: shop-reader}\nrules: []\n',
    });
    const out = await renderRef(source, r.head(), { paths: ['bootstrap'] });
    expect(out.errors).toEqual([]);
    const shop = out.objects.filter((o) => o.root === 'argocd:apps/shop.yaml#shop').map((o) => `${o.object.kind} ${(o.object.metadata as any).namespace ?? '-'}/${(o.object.metadata as any).name}`);
    // The destination the root app's overlay patches in, not the one spelled in the file.
    expect(shop.sort()).toEqual(['ClusterRole -/shop-reader', 'ConfigMap elsewhere/pinned', 'ConfigMap shop-prod/settings']);
  });
});

describe('ApplicationSet merge generators and templatePatch are simulated', () => {
  it('a merge generator overrides the base sets by merge key; a templatePatch is rendered per set and patched over the template', async () => {
    const appset = (name: string, extra: string, generators: string) => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: ${name}, namespace: argocd}
spec:
${extra}  generators:
${generators}
  template:
    metadata: {name: '{{name}}'}
    spec:
      source: {repoURL: https://github.com/acme/gitops.git, path: 'apps/{{name}}'}
      destination: {namespace: '{{name}}'}
`;
    const { source, repo: r } = repository({
      'argocd/merge.yaml': appset('merged', '', "    - merge:\n        mergeKeys: [name]\n        generators:\n          - list: {elements: [{name: web, ns: base}]}\n          - list: {elements: [{name: web, ns: merged}, {name: other, ns: dropped}]}").replace("namespace: '{{name}}'", "namespace: '{{ns}}'"),
      'argocd/patched.yaml': appset('patched', "  templatePatch: |\n    spec:\n      destination: {namespace: 'patched-{{name}}'}\n", '    - list: {elements: [{name: api}]}'),
      'apps/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n',
      'apps/api/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api}\n',
    });
    const out = await renderRef(source, r.head(), { paths: ['argocd'] });
    expect(out.errors).toEqual([]);
    expect(out.unsimulated).toEqual([]);
    const cms = out.objects.filter((o) => o.object.kind === 'ConfigMap').map((o) => `${o.root} ${(o.object.metadata as any).namespace}/${(o.object.metadata as any).name}`);
    expect(cms.sort()).toEqual(['argocd:argocd/merge.yaml#web merged/web', 'argocd:argocd/patched.yaml#api patched-api/api']);
  });
});

describe('app of apps depth', () => {
  it('a chain deeper than the bound is followed to the bound and the rest is listed, not rendered from its files', async () => {
    const application = (name: string, path: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: ${name}, namespace: argocd}
spec:
  source: {repoURL: https://github.com/acme/gitops.git, path: ${path}}
  destination: {namespace: ${name}}
`;
    const files: Record<string, string> = { 'bootstrap/root.yaml': application('l1', 'chain/1') };
    for (let i = 1; i <= MAX_APP_DEPTH + 2; i++) {
      const next = i <= MAX_APP_DEPTH + 1 ? `${application(`l${i + 1}`, `chain/${i + 1}`)}---\n` : '';
      files[`chain/${i}/app.yaml`] = `${next}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\n`;
    }
    const { source, repo: r } = repository(files);
    const out = await renderRef(source, r.head(), { paths: ['bootstrap'] });
    const maps = out.objects.filter((o) => o.object.kind === 'ConfigMap').map((o) => (o.object.metadata as { name: string }).name);
    // The root app is level 0: l1 … l(MAX + 1) are rendered, each with its ConfigMap.
    expect(maps).toHaveLength(MAX_APP_DEPTH + 1);
    expect(maps).not.toContain(`cm-${MAX_APP_DEPTH + 2}`);
    expect(out.unsimulated.map((u) => `${u.name}: ${u.reason}`)).toEqual([expect.stringMatching(new RegExp(`^l${MAX_APP_DEPTH + 2}: deployed by Argo CD Application l${MAX_APP_DEPTH + 1} .*deeper than ${MAX_APP_DEPTH} levels`))]);
  });
});
