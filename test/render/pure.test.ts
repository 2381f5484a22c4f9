// The pure pieces: reference classification, kustomization reading, globs, name-status parsing, masking.
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/render/glob.ts';
import { isRemoteReference, parseKustomization } from '../../src/render/kustomize/kustomization.ts';
import { maskSecret, redactSecrets, secretValues } from '../../src/render/mask.ts';
import { resolveInRepo } from '../../src/render/paths.ts';
import { parseNameStatus } from '../../src/source/git.ts';

describe('render/kustomize isRemoteReference', () => {
  it.each([
    'https://github.com/org/repo//deploy?ref=v1',
    'http://example.com/x.yaml',
    'ssh://git@github.com/org/repo.git',
    'git@github.com:org/repo.git/base',
    'git::https://example.com/repo',
    'github.com/org/repo/base?ref=main',
    'gitlab.com/org/repo/base',
    'example.com/team/repo/base',
    'dev.azure.com/org/project/_git/repo',
    'file:///etc/kubernetes',
  ])('%s is remote', (ref) => expect(isRemoteReference(ref)).toBe(true));

  it.each(['../../base', 'deployment.yaml', './overlays/prod', 'app.prod/base'])('%s is local when it exists', (ref) =>
    expect(isRemoteReference(ref, true)).toBe(false),
  );

  it('a bare host-like path is remote only if the repository has no such path', () => {
    expect(isRemoteReference('app.prod/base', false)).toBe(true);
    expect(isRemoteReference('../base', false)).toBe(false);
  });
});

describe('render/kustomize parseKustomization', () => {
  it('collects every reference with its line, inline plugins and generator entries', () => {
    const k = parseKustomization(
      [
        'kind: Kustomization', //1
        'resources:', //2
        '  - ../base', //3
        '  - extra.yaml', //4
        'components: [../comp]', //5
        'patches:', //6
        '  - path: patch.yaml', //7
        '  - patch: |-', //8
        '      - op: remove', //9
        'patchesStrategicMerge:', //10
        '  - sm.yaml', //11
        'configMapGenerator:', //12
        '  - name: cfg', //13
        '    files: [key=files/a.txt, files/b.txt]', //14
        '    envs: [env/x.env]', //15
        'transformers:', //16
        '  - |', //17
        '    apiVersion: builtin', //18
        '    kind: LabelTransformer', //19
        'replacements:', //20
        '  - path: repl.yaml', //21
        'helmCharts:', //22
        '  - name: x', //23
      ].join('\n'),
      'o/kustomization.yaml',
    );
    expect(k.refs.map((r) => [r.field, r.value, r.line])).toEqual([
      ['resources', '../base', 3],
      ['resources', 'extra.yaml', 4],
      ['components', '../comp', 5],
      ['patches', 'patch.yaml', 7],
      ['replacements', 'repl.yaml', 21],
      ['patchesStrategicMerge', 'sm.yaml', 11],
      ['configMapGenerator.files', 'files/a.txt', 14],
      ['configMapGenerator.files', 'files/b.txt', 14],
      ['configMapGenerator.envs', 'env/x.env', 15],
    ]);
    expect(k.inlinePlugins.map((p) => [p.field, p.line])).toEqual([['transformers', 17]]);
    expect(k.generators).toEqual([{ field: 'configMapGenerator', name: 'cfg', startLine: 13, endLine: 15 }]);
    // helmCharts are read (with their lines), no longer refused: kustomize renders them in the jail.
    expect(k.refusals).toEqual([]);
    expect(k.helmCharts).toEqual([{ file: 'o/kustomization.yaml', startLine: 23, endLine: 23, field: 'helmCharts', name: 'x', repo: '', version: '', chartHome: 'charts' }]);
  });

  it('a file that does not parse is marked, not thrown', () => {
    expect(parseKustomization('resources: [unclosed', 'k/kustomization.yaml').parseError).toMatch(/^k\/kustomization\.yaml:1: /);
  });
});

describe('render/paths and glob', () => {
  it('resolves inside the repository and refuses escapes and absolute paths', () => {
    expect(resolveInRepo('apps/prod', '../../bases/web')).toBe('bases/web');
    expect(resolveInRepo('apps/prod', '.')).toBe('apps/prod');
    expect(resolveInRepo('', './')).toBe('');
    expect(resolveInRepo('apps/prod', '../../../etc')).toBeUndefined();
    expect(resolveInRepo('apps', '/etc/passwd')).toBeUndefined();
  });

  it('matches globs with *, **, ? and braces; a directory pattern covers what is below', () => {
    const g = (p: string): RegExp => globToRegExp(p);
    expect(g('apps/*').test('apps/dev')).toBe(true);
    expect(g('apps/*').test('apps/dev/kustomization.yaml')).toBe(true);
    expect(g('**/secret-*.yaml').test('a/b/secret-x.yaml')).toBe(true);
    expect(g('**/secret-*.yaml').test('secret-x.yaml')).toBe(true);
    expect(g('apps/{dev,qa}').test('apps/prod')).toBe(false);
    expect(g('apps/{dev,qa}').test('apps/qa')).toBe(true);
    expect(g('charts/').test('charts/api/Chart.yaml')).toBe(true);
    expect(g('a?c.yaml').test('abc.yaml')).toBe(true);
    expect(g('a.yaml').test('aXyaml')).toBe(false);
  });
});

describe('source/git parseNameStatus', () => {
  it('reads -z name-status output, copies counting as added', () => {
    expect(parseNameStatus('M\0a.yaml\0R087\0old.yaml\0new.yaml\0D\0gone.yaml\0C100\0src.yaml\0copy.yaml\0A\0n.yaml\0T\0t.yaml\0')).toEqual([
      { path: 'a.yaml', status: 'modified' },
      { path: 'new.yaml', status: 'renamed', previousPath: 'old.yaml' },
      { path: 'gone.yaml', status: 'deleted' },
      { path: 'copy.yaml', status: 'added' },
      { path: 'n.yaml', status: 'added' },
      { path: 't.yaml', status: 'modified' },
    ]);
  });
});

describe('render/mask', () => {
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { pw: Buffer.from('open-sesame').toString('base64') }, stringData: { token: 'tok-123456' } };

  it('masks Secret data and stringData in a copy, leaving the original and other kinds alone', () => {
    expect(maskSecret(secret)).toEqual({ ...secret, data: { pw: '***' }, stringData: { token: '***' } });
    expect(secret.stringData.token).toBe('tok-123456');
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
    expect(maskSecret(cm)).toBe(cm);
  });

  it('redacts known secret values, raw and base64-decoded, from messages', () => {
    const values = secretValues([secret]);
    expect(redactSecrets('failed: open-sesame and tok-123456 and ' + secret.data.pw, values)).toBe('failed: *** and *** and ***');
  });
});
