// ApplicationSet generators as Argo CD's controller runs them: merge (mergeKeys), matrix with one level of nested
// matrix/merge (the second generator interpolated with the first's parameters), selectors, values, templatePatch,
// goTemplate (Go text/template and sprig) and fasttemplate (parameters printed as Go's %v). Each shape Argo CD
// refuses is an error at the field's file and line, and the other ApplicationSets still render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRef } from '../../src/render/render-ref.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

const REPO = 'https://github.com/acme/gitops.git';

/** An ApplicationSet whose Applications deploy the directory apps/<dir> into <ns>. */
function appset(name: string, opts: { go?: boolean; extra?: string; generators: string; appName?: string; dir?: string; ns?: string }): string {
  const go = opts.go === true;
  const v = (k: string): string => (go ? `{{ .${k} }}` : `{{${k}}}`);
  return `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${name}
  namespace: argocd
spec:
${go ? '  goTemplate: true\n' : ''}${opts.extra ?? ''}  generators:
${opts.generators}
  template:
    metadata:
      name: '${opts.appName ?? `${name}-${v('name')}`}'
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: '${opts.dir ?? `apps/${v('name')}`}'
      destination:
        server: https://kubernetes.default.svc
        namespace: '${opts.ns ?? v('ns')}'
`;
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

const FILES: Record<string, string> = {
  'apps/web/cm.yaml': cm('web'),
  'apps/api/cm.yaml': cm('api'),
  'apps/db/cm.yaml': cm('db'),
  'config/web/config.yaml': 'name: web\nns: web-base\nteam: {name: shop, tier: front}\n',
  'config/api/config.yaml': 'name: api\nns: api-base\nteam: {name: shop, tier: back}\n',
  'config/db/config.yaml': 'name: db\nns: db-base\nreplicas: 1000000\nratio: 0.5\nteam: {name: data}\n',
  // merge: git files are the base, the list overrides by name (nested maps merged); db is untouched, ghost is dropped.
  'argocd/merge.yaml': appset('merged', {
    go: true,
    ns: '{{ .ns }}-{{ .team.tier | default "none" }}',
    generators: `  - merge:
      mergeKeys: [name]
      generators:
      - git:
          repoURL: ${REPO}
          files: [{path: 'config/*/config.yaml'}]
      - list:
          elements:
          - {name: web, ns: web-prod, team: {tier: edge}}
          - {name: ghost, ns: nowhere}`,
  }),
  // matrix of git directories and a nested merge, the second generator interpolated with the first's path.
  'argocd/nested.yaml': appset('nested', {
    go: true,
    appName: 'nested-{{ .path.basename }}-{{ .env }}',
    dir: '{{ .path.path }}',
    ns: '{{ .path.basename }}-{{ .env }}-{{ .size }}',
    generators: `  - matrix:
      generators:
      - git:
          repoURL: ${REPO}
          directories: [{path: 'apps/*'}, {path: apps/db, exclude: true}]
      - merge:
          mergeKeys: [env]
          generators:
          - list:
              elements: [{env: dev, size: small}, {env: prod, size: small}]
          - list:
              elements: [{env: prod, size: '{{ .path.basename }}-large'}]`,
  }),
  // fasttemplate: git file values flattened and printed as Go's %v; a selector keeps the back tier only.
  'argocd/fast.yaml': appset('fast', {
    ns: '{{ns}}-{{team.name}}-{{replicas}}-{{ratio}}-{{path[1]}}-{{values.stage}}',
    generators: `  - git:
      repoURL: ${REPO}
      files: [{path: 'config/*/config.yaml'}]
      values:
        stage: 'st-{{path.basename}}'
    selector:
      matchExpressions:
      - {key: team.tier, operator: NotIn, values: [front]}`,
  }),
  // templatePatch: Go template per set, lists replaced, null deletes, if/toJson.
  'argocd/patched.yaml': appset('patched', {
    go: true,
    extra: `  templatePatch: |
    metadata:
      labels: {auto: {{ .auto | toJson | quote }}}
    spec:
      destination:
        namespace: patched-{{ .name | upper | lower }}
    {{- if .auto }}
      syncPolicy:
        automated: {prune: true}
    {{- end }}
`,
    generators: `  - list:
      elements:
      - {name: web, ns: x, auto: true}
      - {name: api, ns: y, auto: false}`,
  }),
};

describe('ApplicationSet generators', () => {
  let repo: FixtureRepo;
  let source: LocalGitSource;
  beforeAll(() => {
    repo = fixtureRepo();
    repo.commit(FILES, 'fixture');
    source = new LocalGitSource(repo.dir);
  });
  afterAll(() => repo.cleanup());

  const placed = (objects: { root: string; object: Record<string, unknown> }[], file: string): string[] =>
    objects
      .filter((o) => o.root.startsWith(`argocd:${file}#`) && o.object.kind === 'ConfigMap')
      .map((o) => `${o.root.split('#')[1]} ${(o.object.metadata as { namespace?: string }).namespace}/${(o.object.metadata as { name: string }).name}`)
      .sort();

  it('merge, nested matrix/merge with interpolation, fasttemplate %v numbers, selectors, values and templatePatch generate what Argo CD generates', async () => {
    const out = await renderRef(source, repo.head(), { paths: ['argocd'] });
    expect(out.errors).toEqual([]);
    expect(out.unsimulated).toEqual([]);
    expect(placed(out.objects, 'argocd/merge.yaml')).toEqual(['merged-api api-base-back/api', 'merged-db db-base-none/db', 'merged-web web-prod-edge/web']);
    expect(placed(out.objects, 'argocd/nested.yaml')).toEqual([
      'nested-api-dev api-dev-small/api',
      'nested-api-prod api-prod-api-large/api',
      'nested-web-dev web-dev-small/web',
      'nested-web-prod web-prod-web-large/web',
    ]);
    // 1000000 and 0.5 as Go's %v prints float64 (1e+06), path[1] a segment, values templated with the set.
    expect(placed(out.objects, 'argocd/fast.yaml')).toEqual(['fast-api api-base-shop-{{replicas}}-{{ratio}}-api-st-api/api', 'fast-db db-base-data-1e+06-0.5-db-st-db/db']);
    expect(placed(out.objects, 'argocd/patched.yaml')).toEqual(['patched-api patched-api/api', 'patched-web patched-web/web']);
  });

  describe('shapes Argo CD refuses: an error at the field, nothing of that ApplicationSet rendered, the others still are', () => {
    const cases: { file: string; text: string; at: string; message: RegExp }[] = [
      {
        file: 'argocd/nokeys.yaml',
        text: appset('nokeys', { generators: '  - merge:\n      generators:\n      - list: {elements: [{name: web, ns: a}]}\n      - list: {elements: [{name: web, ns: b}]}' }),
        at: '  - merge:',
        message: /no merge keys were specified, Merge requires at least one/,
      },
      {
        file: 'argocd/dupkeys.yaml',
        text: appset('dupkeys', { generators: '  - merge:\n      mergeKeys: [name]\n      generators:\n      - list: {elements: [{name: web, ns: a}]}\n      - list: {elements: [{name: web, ns: b}, {name: web, ns: c}]}' }),
        at: '      - list: {elements: [{name: web, ns: b}',
        message: /not unique by the given mergeKeys.*Duplicate key was \{"name":"web"\}/,
      },
      {
        file: 'argocd/deep.yaml',
        text: appset('deep', {
          generators: `  - matrix:
      generators:
      - list: {elements: [{name: web}]}
      - matrix:
          generators:
          - list: {elements: [{ns: a}]}
          - matrix:
              generators:
              - list: {elements: [{x: '1'}]}
              - list: {elements: [{y: '2'}]}`,
        }),
        at: '          - matrix:',
        message: /matrix generator nested in a matrix or merge that is itself nested: Argo CD allows one level of nesting/,
      },
      {
        file: 'argocd/collide.yaml',
        text: appset('collide', { generators: '  - matrix:\n      generators:\n      - list: {elements: [{name: web, ns: a}]}\n      - list: {elements: [{name: api}]}' }),
        at: '      generators:',
        message: /found duplicate key name with different value, a: web ,b: api/,
      },
      {
        file: 'argocd/three.yaml',
        text: appset('three', { generators: '  - matrix:\n      generators:\n      - list: {elements: [{name: web}]}\n      - list: {elements: [{ns: a}]}\n      - list: {elements: [{x: b}]}' }),
        at: '      generators:',
        message: /found more than two generators, Matrix support only two/,
      },
      {
        file: 'argocd/number.yaml',
        text: appset('number', { generators: '  - list:\n      elements:\n      - name: web\n        ns: a\n        replicas: 3' }),
        at: '        replicas: 3',
        message: /replicas is 3, not a string \(without goTemplate Argo CD fails: error parsing value as string/,
      },
      {
        file: 'argocd/badpatch.yaml',
        text: appset('badpatch', { go: true, extra: "  templatePatch: |\n    spec: {{ .name }}: [unclosed\n", generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        at: '  templatePatch: |',
        message: /templatePatch: the rendered patch is not YAML/,
      },
      {
        file: 'argocd/patchlist.yaml',
        text: appset('patchlist', { go: true, extra: "  templatePatch: '- a'\n", generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        at: "  templatePatch: '- a'",
        message: /templatePatch: the rendered patch is not a map/,
      },
      {
        file: 'argocd/missing.yaml',
        text: appset('missing', { go: true, extra: "  goTemplateOptions: ['missingkey=error']\n", generators: '  - list: {elements: [{name: web}]}' }),
        at: '        namespace:',
        message: /template\.spec\.destination\.namespace: executing at <\.ns>: map has no entry for key "ns"/,
      },
      {
        file: 'argocd/nofunc.yaml',
        text: appset('nofunc', { go: true, ns: '{{ .ns | shout }}', generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        at: '        namespace:',
        message: /template\.spec\.destination\.namespace: function "shout" not defined/,
      },
      {
        file: 'argocd/badopt.yaml',
        text: appset('badopt', { go: true, extra: "  goTemplateOptions: ['missingkey=explode']\n", generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        at: '  goTemplateOptions:',
        message: /goTemplateOptions: unrecognized option: missingkey=explode/,
      },
      {
        file: 'argocd/notalist.yaml',
        text: appset('notalist', { generators: '    list: {elements: [{name: web, ns: a}]}' }),
        at: 'spec:',
        message: /spec.generators is not a list of generators/,
      },
      {
        file: 'argocd/nothing.yaml',
        text: appset('nothing', { generators: '  - selector: {matchLabels: {a: b}}' }),
        at: '  - selector:',
        message: /generator 0 names no generator/,
      },
      {
        file: 'argocd/noname.yaml',
        text: appset('noname', { go: true, appName: "{{ .nothing | default \"\" }}", generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        at: '      name:',
        message: /generates an Application with no name/,
      },
    ];

    let out: Awaited<ReturnType<typeof renderRef>>;
    beforeAll(async () => {
      repo.commit(Object.fromEntries(cases.map((c) => [c.file, c.text])), 'hostile');
      out = await renderRef(source, repo.head(), { paths: ['argocd'] });
    });

    for (const c of cases) {
      it(`${c.file}: ${c.message.source.slice(0, 60)}`, () => {
        const line = c.text.split('\n').findIndex((l) => l.startsWith(c.at)) + 1;
        expect(line).toBeGreaterThan(0);
        const errors = out.errors.filter((e) => e.source?.file === c.file);
        expect(errors).toHaveLength(1);
        expect(errors[0]!.message).toMatch(new RegExp(`^${c.file}:${line}: ApplicationSet [a-z]+: `));
        expect(errors[0]!.message).toMatch(c.message);
        expect(out.unsimulated.filter((u) => u.declared.file === c.file)).toHaveLength(1);
        expect(out.objects.some((o) => o.root.startsWith(`argocd:${c.file}#`))).toBe(false);
      });
    }

    it('a missing key prints "<no value>" (the default missingkey option), as Argo CD names the Application', async () => {
      const r = fixtureRepo();
      try {
        r.commit({ 'apps/web/cm.yaml': cm('web'), 'argocd/novalue.yaml': appset('novalue', { go: true, appName: 'x-{{ .nothing }}', generators: '  - list: {elements: [{name: web, ns: a}]}' }) });
        const o = await renderRef(new LocalGitSource(r.dir), r.head(), { paths: ['argocd'] });
        expect(o.errors).toEqual([]);
        expect(placed(o.objects, 'argocd/novalue.yaml')).toEqual(['x-<no value> a/web']);
      } finally {
        r.cleanup();
      }
    });

    it('an Application named like an earlier one is an error and not applied; the first one is, as Argo CD does', async () => {
      const r = fixtureRepo();
      try {
        const text = appset('twice', { appName: 'same', generators: '  - list: {elements: [{name: web, ns: a}, {name: api, ns: b}]}' });
        r.commit({ 'apps/web/cm.yaml': cm('web'), 'apps/api/cm.yaml': cm('api'), 'argocd/twice.yaml': text });
        const o = await renderRef(new LocalGitSource(r.dir), r.head(), { paths: ['argocd'] });
        const line = text.split('\n').findIndex((l) => l.startsWith('      name:')) + 1;
        expect(o.errors.map((e) => e.message)).toEqual([`argocd/twice.yaml:${line}: ApplicationSet twice: contains applications with duplicate name: same (Argo CD applies the first only)`]);
        expect(placed(o.objects, 'argocd/twice.yaml')).toEqual(['same a/web']);
      } finally {
        r.cleanup();
      }
    });

    it('the well-formed ApplicationSets still render next to the refused ones', () => {
      expect(placed(out.objects, 'argocd/merge.yaml')).toHaveLength(3);
      expect(placed(out.objects, 'argocd/patched.yaml')).toHaveLength(2);
    });
  });

  it('a sprig function preadmit does not evaluate, and a cluster generator, are not simulated with the reason (never guessed)', async () => {
    const r = fixtureRepo();
    try {
      r.commit({
        ...FILES,
        'argocd/now.yaml': appset('now', { go: true, ns: '{{ .ns }}-{{ now | date "2006" }}', generators: '  - list: {elements: [{name: web, ns: a}]}' }),
        'argocd/clusters.yaml': appset('clusters', { generators: '  - matrix:\n      generators:\n      - clusters: {}\n      - list: {elements: [{name: web, ns: a}]}' }),
      });
      const out = await renderRef(new LocalGitSource(r.dir), r.head(), { paths: ['argocd'] });
      const reasons = Object.fromEntries(out.unsimulated.map((u) => [u.name, u.reason]));
      expect(reasons.now).toBe('the template function now is not simulated (in spec.template)');
      expect(reasons.clusters).toMatch(/the clusters generator is not supported/);
      expect(out.errors).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});
