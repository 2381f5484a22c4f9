// The pure parts of coverage: kustomizations decoded as kustomize decodes them, root discovery per cluster
// paths, chart roles, links seen as GitOps tools see them, and the accounting of every manifest file.
import { describe, expect, it } from 'vitest';
import { accountFor } from '../../src/render/coverage.ts';
import { chartRoles, parseChart, type Chart } from '../../src/render/helm/chart.ts';
import { kustomizeRootDirs, reachOf, repoTree } from '../../src/render/kustomize/graph.ts';
import { parseKustomization } from '../../src/render/kustomize/kustomization.ts';
import { planRepo } from '../../src/render/plan.ts';
import { changesThroughLinks, linkView } from '../../src/source/links.ts';

const refs = (text: string): string[] => parseKustomization(text, 'k/kustomization.yaml').refs.map((r) => `${r.field}:${r.value}@${r.line}`);

describe('parseKustomization reads what kustomize reads', () => {
  it('matches keys case-insensitively, as Go encoding/json does, and keeps every spelling', () => {
    expect(refs('Resources:\n  - a.yaml\nRESOURCES: [b.yaml]\nresources: [c.yaml]\n')).toEqual(['resources:a.yaml@2', 'resources:b.yaml@3', 'resources:c.yaml@4']);
    expect(refs('Patches:\n  - Path: p.yaml\nconfigmapgenerator:\n  - name: x\n    FILES: [k=f.txt]\n    Env: e.env\n')).toEqual([
      'patches:p.yaml@2',
      'configMapGenerator.files:f.txt@5',
      'configMapGenerator.env:e.env@6',
    ]);
  });

  it('decodes escaped and !!binary keys', () => {
    expect(refs('"res\\x6furces": [a.yaml]\n"\\u0062ases": [../b]\n')).toEqual(['resources:a.yaml@1', 'bases:../b@2']);
    expect(refs('? !!binary cmVzb3VyY2Vz\n: [bin.yaml]\n')).toEqual(['resources:bin.yaml@2']);
  });

  it('expands merge keys and follows aliases, for fields and for list items', () => {
    expect(refs('<<: {resources: [m.yaml]}\n')).toEqual(['resources:m.yaml@1']);
    expect(refs('x: &l [a.yaml]\n<<: [{resources: *l}]\ncomponents: *l\n')).toEqual(['resources:a.yaml@1', 'components:a.yaml@1']);
    expect(refs('patches:\n  - &p {path: p.yaml}\npatchesJson6902:\n  - *p\n')).toEqual(['patches:p.yaml@2', 'patchesJson6902:p.yaml@2']);
  });

  it('takes the kind kustomize takes: the last key in sorted JSON order, merged keys in place', () => {
    expect(parseKustomization('Kind: Kustomization\nkind: Component\n', 'k').kind).toBe('Component');
    expect(parseKustomization('kind: Kustomization\nKind: Component\n', 'k').kind).toBe('Kustomization');
    expect(parseKustomization('kind: Kustomization\n<<: {kind: Component}\n', 'k').kind).toBe('Component');
  });

  it('refuses several documents and unparsable text, with the line', () => {
    expect(parseKustomization('resources: [a]\n---\nresources: [b]\n', 'k/kustomization.yaml')).toMatchObject({
      parseError: 'k/kustomization.yaml:2: a kustomization file holds one YAML document, this one holds 2',
      parseErrorLine: 2,
    });
    expect(parseKustomization('---\nresources: [a]\n---\n', 'k').parseError).toBeUndefined();
    const tree = repoTree(['k/kustomization.yaml']);
    const index = new Map([['k', parseKustomization('resources: [a]\n---\nresources: [../../etc]\n', 'k/kustomization.yaml')]]);
    expect(reachOf('k', tree, index).problems.map((p) => p.message)).toEqual([
      'k/kustomization.yaml:2: a kustomization file holds one YAML document, this one holds 2: refused, a kustomization is read exactly as kustomize reads it or not at all',
    ]);
  });
});

describe('roots per cluster paths', () => {
  const index = new Map([
    ['decoy', parseKustomization('resources: [../prod/app]\n', 'decoy/kustomization.yaml')],
    ['prod/app', parseKustomization('resources: [../base]\n', 'prod/app/kustomization.yaml')],
    ['prod/base', parseKustomization('resources: [d.yaml]\n', 'prod/base/kustomization.yaml')],
  ]);
  it('only kustomizations within the paths include: a decoy outside does not demote an overlay', () => {
    expect(kustomizeRootDirs(index)).toEqual(['decoy']);
    expect(kustomizeRootDirs(index, (d) => d === 'prod' || d.startsWith('prod/'))).toEqual(['prod/app']);
  });

  it('a chart is a subchart only directly under the charts/ of a rendered chart', () => {
    const chart = (dir: string, type = 'application'): [string, Chart] => [dir, parseChart(dir, `apiVersion: v2\nname: ${dir.split('/').pop() || 'top'}\ntype: ${type}\n`)];
    const charts = new Map([chart('', 'library'), chart('charts/app'), chart('charts/app/charts/sub'), chart('charts/app/charts/deep/x'), chart('lib', 'library'), chart('lib/charts/y')]);
    const roles = chartRoles(charts);
    expect(roles.roots).toEqual(['charts/app', 'charts/app/charts/deep/x', 'lib/charts/y']);
    expect([...roles.subcharts]).toEqual([['charts/app/charts/sub', 'charts/app']]);
    // A chart configured as a release stays a root; a chart outside the paths does not make subcharts.
    expect(chartRoles(charts, { configured: ['charts/app/charts/sub'] }).roots).toContain('charts/app/charts/sub');
    expect(chartRoles(charts, { within: (d) => d.startsWith('charts/app/charts') }).roots).toEqual(['charts/app/charts/deep/x', 'charts/app/charts/sub']);
  });
});

describe('coverage accounting', () => {
  it('accounts for every manifest file: rendered, read, plain, excluded, or not rendered with a reason', async () => {
    const files: Record<string, string> = {
      'kustomization.yaml': 'kind: Component\nresources: [apps/hidden.yaml]\n',
      'apps/plain.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n',
      'apps/hidden.yaml': '{"\\u0061piVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "h"}}\n',
      'apps/o/kustomization.yaml': 'resources: [cm.yaml]\npatches: [{path: patch.yaml}]\n',
      'apps/o/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\n',
      'apps/o/patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\ndata: {a: b}\n',
      'apps/o/stray.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n',
      'apps/o/notes.yaml': 'just: config\n',
      'apps/skip/x.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n',
    };
    const text = async (f: string) => files[f];
    const options = { paths: ['.'], exclude: ['apps/skip/**'], cluster: 'c' };
    const plan = await planRepo(text, Object.keys(files), { ...options, changed: [] });
    const pending = accountFor(plan, Object.keys(files), options);
    expect(pending.undecided.sort()).toEqual(['apps/hidden.yaml', 'apps/o/notes.yaml', 'apps/o/stray.yaml']);
    for (const f of pending.undecided) pending.decide(f, files[f]);
    const by = Object.fromEntries(pending.result.entries.map((e) => [e.file, `${e.status}${e.by ? ` ${e.by.join(',')}` : ''}`]));
    expect(by).toEqual({
      'apps/plain.yaml': 'plain',
      'apps/hidden.yaml': 'unrendered',
      'apps/o/cm.yaml': 'rendered kustomize:apps/o',
      'apps/o/patch.yaml': 'read kustomize:apps/o',
      'apps/o/stray.yaml': 'unrendered',
      'apps/o/notes.yaml': 'no-objects',
      'apps/skip/x.yaml': 'excluded',
      'kustomization.yaml': 'kustomization',
      'apps/o/kustomization.yaml': 'kustomization',
    });
    expect(pending.result.errors.map((e) => e.message)).toEqual([
      'apps/hidden.yaml:1: ConfigMap "h" not rendered by any root of cluster c: it is named by kustomization.yaml:2 (resources), and the Component kustomization.yaml is used by no root; a GitOps tool may apply it while no policy ever sees it: render it through a root of cluster c or list it in `exclude`',
      "apps/o/stray.yaml:1: Secret \"s\" not rendered by any root of cluster c: it lies under apps/o/kustomization.yaml, which does not list it in 'resources' (kustomize, not the file tree, decides what is applied there); a GitOps tool may apply it while no policy ever sees it: render it through a root of cluster c or list it in `exclude`",
    ]);
  });
});

describe('links seen as GitOps tools see them', () => {
  it('shows files through file and directory links and chains, and names every link it cannot follow', () => {
    const v = linkView(
      ['base/a.yaml', 'base/sub/b.yaml'],
      new Map([
        ['l1.yaml', 'base/a.yaml'],
        ['chain.yaml', 'l1.yaml'],
        ['d', 'base'],
        ['dd', 'd/sub'],
        ['base/up', '..'],
        ['out', '../x'],
        ['abs.yaml', '/etc/passwd'],
        ['x.yaml', 'y.yaml'],
        ['y.yaml', 'x.yaml'],
        ['gone.yaml', 'nothing.yaml'],
        ['gone.txt', 'nothing'],
      ]),
      (f) => f.endsWith('.yaml'),
    );
    expect(Object.fromEntries(v.files)).toEqual({
      'base/a.yaml': 'base/a.yaml',
      'base/sub/b.yaml': 'base/sub/b.yaml',
      'l1.yaml': 'base/a.yaml',
      'chain.yaml': 'base/a.yaml',
      'd/a.yaml': 'base/a.yaml',
      'd/sub/b.yaml': 'base/sub/b.yaml',
      'dd/b.yaml': 'base/sub/b.yaml',
    });
    expect(v.errors.map((e) => e.message).sort()).toEqual([
      "abs.yaml: symbolic link to '/etc/passwd' leaves the repository (through abs.yaml): refused, GitOps tools refuse it too",
      "base/up: symbolic link to '..' is a loop: it points at a directory that holds it",
      "gone.yaml: symbolic link to 'nothing.yaml' points at 'nothing.yaml', which does not exist",
      "out: symbolic link to '../x' leaves the repository (through out): refused, GitOps tools refuse it too",
      "x.yaml: symbolic link to 'y.yaml' is a loop: more than 40 links to follow",
      "y.yaml: symbolic link to 'x.yaml' is a loop: more than 40 links to follow",
    ]);
  });

  it('a change behind a link, or a retargeted link, changes the paths shown through it', () => {
    const base = { view: linkView(['a.yaml', 'b.yaml'], new Map([['l.yaml', 'a.yaml']])), blobOf: (p: string) => ({ 'a.yaml': '1', 'b.yaml': '2' })[p] };
    const edited = { view: base.view, blobOf: (p: string) => ({ 'a.yaml': '3', 'b.yaml': '2' })[p] };
    expect(changesThroughLinks([{ path: 'a.yaml', status: 'modified' }], base, edited)).toEqual([
      { path: 'a.yaml', status: 'modified' },
      { path: 'l.yaml', status: 'modified' },
    ]);
    const retargeted = { view: linkView(['a.yaml', 'b.yaml'], new Map([['l.yaml', 'b.yaml']])), blobOf: base.blobOf };
    expect(changesThroughLinks([{ path: 'l.yaml', status: 'modified' }], base, retargeted)).toEqual([{ path: 'l.yaml', status: 'modified' }]);
    const dir = { view: linkView(['x/a.yaml'], new Map([['d', 'x']])), blobOf: () => '1' };
    const gone = { view: linkView(['x/a.yaml'], new Map()), blobOf: () => '1' };
    expect(changesThroughLinks([{ path: 'd', status: 'deleted' }], dir, gone)).toEqual([
      { path: 'd', status: 'deleted' },
      { path: 'd/a.yaml', status: 'deleted' },
    ]);
  });
});
