// Rendering benchmark: a generated GitOps monorepo (200 kustomize apps over shared bases, 20 helm
// releases). Prints the time to render everything and to render what a one-file change touches.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderRef } from '../../src/render/render-ref.ts';
import { sandboxDescription } from '../../src/render/sandbox.ts';
import type { HelmRelease, RenderOptions } from '../../src/render/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { GitRepo } from '../support/git-repo.ts';

const APPS = 200;
const BASES = 10;
const CHARTS = 4;
const ENVS = ['dev', 'qa', 'staging', 'prod', 'dr'];

const UNJAILED = process.argv.includes('--unsafe-no-sandbox');
const repo = GitRepo.temp('preadmit-bench-render-');
const dir = repo.dir;
// An empty render cache of its own: the figures are of real renders, not of an earlier run's.
process.env.PREADMIT_CACHE_DIR = path.join(dir, 'cache');
const write = (file: string, body: string): void => repo.write(file, body);
const git = (...args: string[]): string => repo.git(...args);

function generate(): RenderOptions {
  for (let b = 0; b < BASES; b++) {
    write(`bases/base-${b}/kustomization.yaml`, `resources:\n  - deployment.yaml\n  - service.yaml\nconfigMapGenerator:\n  - name: settings\n    literals: [mode=base-${b}]\n`);
    write(`bases/base-${b}/deployment.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/base-${b}:1.0.0\n`);
    write(`bases/base-${b}/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  selector: {app: app}\n  ports: [{port: 80}]\n`);
  }
  write('components/monitoring/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - monitor.yaml\n');
  write('components/monitoring/monitor.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: monitor\ndata: {scrape: "true"}\n');
  for (let a = 0; a < APPS; a++) {
    const name = `app-${String(a).padStart(3, '0')}`;
    const component = a % 3 === 0 ? 'components:\n  - ../../components/monitoring\n' : '';
    write(`apps/${name}/kustomization.yaml`, `namespace: ${name}\nnamePrefix: ${name}-\nresources:\n  - ../../bases/base-${a % BASES}\n  - namespace.yaml\n${component}patches:\n  - path: replicas.yaml\n`);
    write(`apps/${name}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
    write(`apps/${name}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: ${1 + (a % 4)}\n`);
  }
  const helmReleases: Record<string, HelmRelease[]> = {};
  for (let c = 0; c < CHARTS; c++) {
    write(`charts/chart-${c}/Chart.yaml`, `apiVersion: v2\nname: chart-${c}\nversion: 1.0.${c}\n`);
    write(`charts/chart-${c}/values.yaml`, 'replicas: 1\nimage: registry.example.com/chart:1.0.0\n');
    write(`charts/chart-${c}/templates/deployment.yaml`, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels: {app: {{ .Release.Name }}}\n  template:\n    metadata:\n      labels: {app: {{ .Release.Name }}}\n    spec:\n      containers:\n        - name: app\n          image: {{ .Values.image }}\n');
    write(`charts/chart-${c}/templates/service.yaml`, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  selector: {app: {{ .Release.Name }}}\n  ports: [{port: 80}]\n');
    helmReleases[`charts/chart-${c}`] = ENVS.map((env) => {
      write(`envs/${env}/chart-${c}.yaml`, `replicas: ${ENVS.indexOf(env) + 1}\n`);
      return { release: `chart-${c}-${env}`, valuesFiles: [`envs/${env}/chart-${c}.yaml`], namespace: env };
    });
  }
  write('cluster/namespaces.yaml', ENVS.map((e) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${e}\n`).join('---\n'));
  // `-- --unsafe-no-sandbox` measures the same renders outside the jail, for comparison.
  // A budget far above the figures: they measure rendering, not the per-check cut-off.
  return { helmReleases, budgetMs: 3_600_000, ...(UNJAILED ? { sandbox: 'unsafe-none' as const } : {}) };
}

async function timed<T>(label: string, f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  const ms = performance.now() - start;
  return [value, ms];
}

try {
  const options = generate();
  const base = repo.commitAll('monorepo');
  const source = new LocalGitSource(dir);
  const files = (await source.listFiles(base)).length;
  console.log(`monorepo: ${APPS} kustomize apps over ${BASES} shared bases, ${CHARTS * ENVS.length} helm releases, ${files} files`);
  console.log(`cores: ${os.availableParallelism()}, renderers: ${await sandboxDescription(!UNJAILED)}`);

  // Every render below is real: the render cache (memory and disk) starts empty, and each change makes
  // new inputs for the roots it touches. The second full render shows what the cache then saves.
  const [all, allMs] = await timed('all', () => renderRef(source, base, options));
  console.log(`render everything:        ${allMs.toFixed(0).padStart(6)} ms  ${all.roots.length} roots, ${all.objects.length} objects, ${all.errors.length} errors`);
  const [, againMs] = await timed('again', () => renderRef(source, base, options));
  console.log(`everything again (cached): ${againMs.toFixed(0).padStart(5)} ms`);
  if (all.errors.length > 0) console.log(all.errors.slice(0, 3).map((e) => e.message).join('\n'));

  writeFileSync(path.join(dir, 'apps/app-042/replicas.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 9\n');
  git('commit', '-q', '-am', 'one app');
  const oneFile = git('rev-parse', 'HEAD').trim();
  const changed = await source.changedFiles(base, oneFile);
  const [one, oneMs] = await timed('one', () => renderRef(source, oneFile, { ...options, changed }));
  console.log(`one-file change (app):    ${oneMs.toFixed(0).padStart(6)} ms  ${one.roots.length} root(s): ${one.roots.map((r) => r.path).join(', ')}, ${one.objects.length} objects`);

  writeFileSync(path.join(dir, 'bases/base-3/service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  selector: {app: app}\n  ports: [{port: 8080}]\n');
  git('commit', '-q', '-am', 'one base');
  const baseChange = git('rev-parse', 'HEAD').trim();
  const changedBase = await source.changedFiles(oneFile, baseChange);
  const [shared, sharedMs] = await timed('base', () => renderRef(source, baseChange, { ...options, changed: changedBase }));
  console.log(`one-file change (base):   ${sharedMs.toFixed(0).padStart(6)} ms  ${shared.roots.length} root(s), ${shared.objects.length} objects`);

  writeFileSync(path.join(dir, 'envs/prod/chart-2.yaml'), 'replicas: 7\n');
  git('commit', '-q', '-am', 'one values file');
  const valuesChange = git('rev-parse', 'HEAD').trim();
  const changedValues = await source.changedFiles(baseChange, valuesChange);
  const [values, valuesMs] = await timed('values', () => renderRef(source, valuesChange, { ...options, changed: changedValues }));
  console.log(`one-file change (values): ${valuesMs.toFixed(0).padStart(6)} ms  ${values.roots.length} root(s): ${values.roots.map((r) => `${r.path}#${r.release}`).join(', ')}`);
} finally {
  repo.cleanup();
}
