// kustomize and helm output against the pinned binaries run directly, and the sources preadmit gives each object.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { findTool } from '../../src/opa/tools.ts';
import { renderRef } from '../../src/render/render-ref.ts';
import type { RenderedObject } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

function direct(tool: 'kustomize' | 'helm', args: string[], cwd: string): JsonObject[] {
  const out = execFileSync(findTool(tool), args, { cwd, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: cwd } });
  return loadManifests(out, tool, { yamlVersion: '1.1' }).objects.map((o) => o.object);
}

const key = (o: JsonObject): string => JSON.stringify([o.kind, (o.metadata as JsonObject).namespace ?? '', (o.metadata as JsonObject).name]);
const byKey = (objects: JsonObject[]): JsonObject[] => [...objects].sort((a, b) => key(a).localeCompare(key(b)));
const find = (objects: RenderedObject[], root: string, kind: string, name: string): RenderedObject => {
  const o = objects.find((x) => x.root === root && x.object.kind === kind && (x.object.metadata as JsonObject).name === name);
  if (o === undefined) throw new Error(`no ${kind} ${name} from ${root}`);
  return o;
};

describe('renderers', () => {
  let repo: FixtureRepo;
  let objects: RenderedObject[];
  beforeAll(async () => {
    repo = fixtureRepo('gitops');
    const r = await renderRef(new LocalGitSource(repo.dir), 'HEAD', {
      helmReleases: {
        'charts/api': [
          { release: 'api-dev', valuesFiles: ['envs/api-common.yaml'] },
          { release: 'api-prod', valuesFiles: ['envs/api-common.yaml', 'envs/api-prod.yaml'], namespace: 'prod' },
        ],
      },
    });
    expect(r.errors).toEqual([]);
    objects = r.objects;
  });
  afterAll(() => repo.cleanup());

  for (const overlay of ['apps/dev', 'apps/staging', 'apps/prod', 'apps/batch']) {
    it(`kustomize ${overlay}: the same objects as \`kustomize build\`, origin annotations taken off`, () => {
      const ours = objects.filter((o) => o.root === `kustomize:${overlay}`).map((o) => o.object);
      expect(byKey(ours)).toEqual(byKey(direct('kustomize', ['build', overlay], repo.dir)));
      expect(JSON.stringify(ours)).not.toContain('config.kubernetes.io/origin');
    });
  }

  it('kustomize objects point at the document they came from, through bases and components', () => {
    expect(find(objects, 'kustomize:apps/dev', 'Deployment', 'dev-web').source).toEqual({ file: 'bases/web/deployment.yaml', startLine: 1, endLine: 26, renderedBy: 'kustomize:apps/dev' });
    expect(find(objects, 'kustomize:apps/prod', 'Service', 'web-headless-prod').source).toMatchObject({ file: 'bases/web/service.yaml', startLine: 12, endLine: 19 });
    expect(find(objects, 'kustomize:apps/prod', 'Service', 'web-prod').source).toMatchObject({ file: 'bases/web/service.yaml', startLine: 2, endLine: 10 });
    expect(find(objects, 'kustomize:apps/prod', 'PodDisruptionBudget', 'web-prod').source).toMatchObject({ file: 'apps/prod/pdb.yaml', startLine: 1, endLine: 9 });
    expect(find(objects, 'kustomize:apps/staging', 'ConfigMap', 'scrape-config').source).toMatchObject({ file: 'components/monitoring/scrape-config.yaml', startLine: 1 });
  });

  it('generated objects point at their generator entry in the kustomization', () => {
    const cm = objects.find((o) => o.root === 'kustomize:apps/staging' && String((o.object.metadata as JsonObject).name).startsWith('web-config-'));
    expect(cm?.source).toMatchObject({ file: 'bases/web/kustomization.yaml', startLine: 7, endLine: 9 });
    const secret = objects.find((o) => o.root === 'kustomize:apps/staging' && o.object.kind === 'Secret');
    expect(secret?.source).toMatchObject({ file: 'apps/staging/kustomization.yaml', startLine: 7, endLine: 9 });
    // The engine reviews the real value; only printing masks it.
    expect(secret?.object.data).toEqual({ password: Buffer.from('s3cr3t-staging-pw').toString('base64') });
  });

  it('helm releases: the same objects as `helm template` with the same values files', () => {
    for (const [release, values, ns] of [
      ['api-dev', ['envs/api-common.yaml'], undefined],
      ['api-prod', ['envs/api-common.yaml', 'envs/api-prod.yaml'], 'prod'],
    ] as const) {
      const args = ['template', release, 'charts/api', '--include-crds', ...values.flatMap((v) => ['--values', v]), ...(ns ? ['--namespace', ns] : [])];
      const ours = objects.filter((o) => o.root === `helm:charts/api#${release}`).map((o) => o.object);
      // The chart's templates name no namespace; `helm install` puts its (all namespaced) objects in the
      // release's namespace, `default` without --namespace, and that is where Gatekeeper sees them.
      const installed = direct('helm', args, repo.dir).map((o) => ({ ...o, metadata: { ...(o.metadata as JsonObject), namespace: ns ?? 'default' } }));
      expect(byKey(ours)).toEqual(byKey(installed));
    }
    expect((find(objects, 'helm:charts/api#api-dev', 'Deployment', 'api-dev').object.metadata as JsonObject).namespace).toBe('default');
    expect((find(objects, 'helm:charts/api#api-prod', 'Service', 'api-prod').object.metadata as JsonObject).namespace).toBe('prod');
    const prod = find(objects, 'helm:charts/api#api-prod', 'Deployment', 'api-prod').object;
    expect(JSON.stringify(prod)).toContain('"replicas":3');
    expect(JSON.stringify(prod)).toContain('example/api:2.2.0');
    expect(objects.some((o) => o.root === 'helm:charts/api#api-dev' && o.object.kind === 'Ingress')).toBe(false);
  });

  it('helm objects point at their chart template and document', () => {
    expect(find(objects, 'helm:charts/api#api-prod', 'Deployment', 'api-prod').source).toEqual({ file: 'charts/api/templates/deployment.yaml', startLine: 1, endLine: 19, renderedBy: 'helm:charts/api#api-prod' });
    expect(find(objects, 'helm:charts/api#api-prod', 'Service', 'api-prod').source).toMatchObject({ file: 'charts/api/templates/network.yaml', startLine: 1, endLine: 9 });
    expect(find(objects, 'helm:charts/api#api-prod', 'Ingress', 'api-prod').source).toMatchObject({ file: 'charts/api/templates/network.yaml', startLine: 11, endLine: 19 });
    // With the Ingress disabled the parts no longer match one to one; the Service is still placed by its kind.
    expect(find(objects, 'helm:charts/api#api-dev', 'Service', 'api-dev').source).toMatchObject({ file: 'charts/api/templates/network.yaml', startLine: 1, endLine: 9 });
  });

  it('plain files keep each document with its lines', () => {
    expect(find(objects, 'plain:manifests/namespaces.yaml', 'Namespace', 'prod').source).toEqual({ file: 'manifests/namespaces.yaml', startLine: 6, endLine: 11, renderedBy: 'plain:manifests/namespaces.yaml' });
    expect(path.extname(find(objects, 'plain:manifests/registry-secret.yaml', 'Secret', 'registry').source.file)).toBe('.yaml');
  });
});
