// `npm run bench:diff`: a generated GitOps monorepo of ~5,000 objects (plain manifests and kustomize overlays over a
// shared base; Deployments, Services, ConfigMaps, Namespaces) with the 13 templates of policies/ and 20 constraints,
// as real git history with two PR branches: a one-file change, and a constraint change (full blast radius).
// Each `preadmit diff` runs in a child process (`node bin/preadmit.js diff ...`) after one untimed run that warms the
// compile cache; prints wall time and peak RSS against the targets. No assertions: figures only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLAIN_FILES = 800; // × 6 objects
const NAMESPACES = 100;
const OVERLAYS = 33; // × 3 objects
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGETS = { oneFileMs: 1500, blastRadiusMs: 5000, rssMb: 400 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-bench-diff-'));
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-bench-cache-'));
let objects = 0;

function write(file: string, body: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), body);
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@b', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

function namespaceName(i: number): string {
  return `team-${String(i % NAMESPACES).padStart(3, '0')}`;
}

/** A Deployment that passes most policies; every 7th lacks a memory limit, every 11th escalates privileges. */
function deployment(name: string, namespace: string, i: number, image = `registry.company.com/apps/${name}:1.${i % 10}.0`): string {
  const memory = i % 7 === 0 ? '' : '\n              memory: 256Mi';
  const escalation = i % 11 === 0 ? 'true' : 'false';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    owner: team-${i % NAMESPACES}
    environment: prod
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: ${image}
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: ${escalation}
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            limits:
              cpu: 500m${memory}
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
`;
}

function service(name: string, namespace: string, i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  type: ${i % 50 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function configMap(name: string, namespace: string, i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${namespace}
data:
  LOG_LEVEL: ${i % 2 === 0 ? 'info' : 'debug'}
  FEATURE_FLAGS: "a,b,c"
`;
}

function plainFile(f: number, change?: 'image'): string {
  const ns = namespaceName(f);
  const docs: string[] = [];
  for (let k = 0; k < 2; k++) {
    const name = `svc-${f}-${k}`;
    const i = f * 2 + k;
    const image = change === 'image' && k === 0 ? `quay.io/someone/${name}:2.0.0` : undefined;
    docs.push(deployment(name, ns, i, image), service(name, ns, i), configMap(`${name}-config`, ns, i));
  }
  objects += docs.length;
  return docs.join('---\n');
}

/** The templates, the expansion templates and 20 constraints: the 16 of policies/ and 4 variants. */
function policies(): void {
  for (const entry of readdirSync(path.join(ROOT, 'policies'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const d = path.join(ROOT, 'policies', entry.name);
    if (entry.name === 'expansion') write('platform/gatekeeper/expansion.yaml', readFileSync(path.join(d, 'expansion.yaml'), 'utf8'));
    if (!existsSync(path.join(d, 'template.yaml'))) continue;
    write(`platform/gatekeeper/templates/${entry.name}.yaml`, readFileSync(path.join(d, 'template.yaml'), 'utf8'));
    for (const f of readdirSync(d).filter((x) => /^constraint.*\.yaml$/.test(x))) {
      write(`platform/gatekeeper/constraints/${entry.name}-${f}`, readFileSync(path.join(d, f), 'utf8'));
    }
  }
  write('platform/gatekeeper/constraints/variants.yaml', variants(false));
}

/** Four more constraints; `tightened` is the PR's change: team labels required on every workload, denied. */
function variants(tightened: boolean): string {
  const c = (kind: string, name: string, action: string, match: string, parameters: string) =>
    `apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  enforcementAction: ${action}\n  match:\n${match}  parameters:\n${parameters}`;
  const deployments = '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment"]\n    excludedNamespaces: ["kube-system"]\n';
  const pods = '    kinds:\n      - apiGroups: [""]\n        kinds: ["Pod"]\n    excludedNamespaces: ["kube-system"]\n';
  const services = '    kinds:\n      - apiGroups: [""]\n        kinds: ["Service"]\n';
  return [
    c('PreadmitRequiredLabels', 'required-team-label', tightened ? 'deny' : 'dryrun', deployments, `    labels:\n      - key: ${tightened ? 'team' : 'owner'}\n`),
    c('PreadmitContainerResources', 'container-cpu-limits', 'warn', pods, '    requireCpuLimit: true\n    maxCpu: "2"\n'),
    c('PreadmitServiceTypes', 'service-types-strict', 'dryrun', services, '    allowedTypes: ["LoadBalancer"]\n'),
    c('PreadmitAllowedRegistries', 'internal-registry-only', 'dryrun', pods, '    registries: ["registry.company.com/apps"]\n'),
  ].join('---\n');
}

function generate(): void {
  write(
    '.github/preadmit.yml',
    'clusters:\n  - name: prod\n    manifests: [apps, kustomize, namespaces]\n    policies: [platform/gatekeeper]\nexemptions:\n  allowedNamespaces: [kube-system, kube-public, cert-manager]\n',
  );
  policies();
  write(
    'namespaces/namespaces.yaml',
    Array.from({ length: NAMESPACES }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespaceName(i)}\n  labels:\n    owner: team-${i}\n    environment: prod\n`).join('---\n'),
  );
  objects += NAMESPACES;
  for (let f = 0; f < PLAIN_FILES; f++) write(`apps/${namespaceName(f)}/svc-${f}.yaml`, plainFile(f));
  write('kustomize/bases/web/kustomization.yaml', 'resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n');
  // The overlays set the namespace: the shared base has none.
  const noNamespace = (body: string) => body.replace('  namespace: placeholder\n', '');
  write('kustomize/bases/web/deployment.yaml', noNamespace(deployment('web', 'placeholder', 1)));
  write('kustomize/bases/web/service.yaml', noNamespace(service('web', 'placeholder', 1)));
  write('kustomize/bases/web/configmap.yaml', noNamespace(configMap('web-config', 'placeholder', 1)));
  for (let o = 0; o < OVERLAYS; o++) {
    write(`kustomize/overlays/site-${o}/kustomization.yaml`, `namespace: ${namespaceName(o)}\nnamePrefix: site-${o}-\nresources:\n  - ../../bases/web\npatches:\n  - path: replicas.yaml\n`);
    write(`kustomize/overlays/site-${o}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${1 + (o % 4)}\n`);
    objects += 3;
  }
}

interface Measure {
  ms: number;
  rssMb: number;
  code: number;
  summary: string;
}

/** Without GNU time: the child reports its own peak RSS (KiB on Linux) on stderr as it exits. */
const MAXRSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('preadmit-maxrss-kb: '+process.resourceUsage().maxRSS+'\\n'))`;

const hasGnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

/** One `preadmit diff` in a child process: wall time, peak RSS (GNU time, else the child's own resourceUsage). */
function run(head: string): Measure {
  const args = [path.join(ROOT, 'bin/preadmit.js'), 'diff', '--repo', dir, '--base', 'main', '--head', head, '-o', 'json'];
  const env = { ...process.env, PREADMIT_CACHE_DIR: cacheDir };
  const start = performance.now();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, ['--import', MAXRSS_HOOK, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  const kb = hasGnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] : /preadmit-maxrss-kb: (\d+)/.exec(r.stderr)?.[1];
  let summary = `exit ${r.status}`;
  try {
    const report = JSON.parse(r.stdout) as {
      verdict: { counts: Record<string, number> };
      clusters: Array<{ stats: { objectsBase: number; objectsHead: number; reviews: number; rootsRendered: number; durationMs: number }; errors: unknown[]; policyChanges: Array<{ newlyDenied: unknown[] }> }>;
    };
    const c = report.clusters[0]!;
    const blast = c.policyChanges.reduce((n, p) => n + p.newlyDenied.length, 0);
    summary += `, ${c.stats.objectsBase}/${c.stats.objectsHead} objects (base/head), ${c.stats.reviews} reviews, ${c.stats.rootsRendered} roots, ${c.errors.length} errors, simulate ${c.stats.durationMs} ms; new deny ${report.verdict.counts.newDeny}, new warn ${report.verdict.counts.newWarn}, fixed ${report.verdict.counts.fixed}, newly denied by policy changes ${blast}`;
  } catch {
    summary += `, no JSON report: ${r.stderr.split('\n').slice(0, 5).join(' | ')}`;
  }
  return { ms, rssMb: kb !== undefined ? Number(kb) / 1024 : Number.NaN, code: r.status ?? -1, summary };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

try {
  generate();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'monorepo');
  git('checkout', '-q', '-b', 'pr-one-file');
  write(`apps/${namespaceName(17)}/svc-17.yaml`, plainFile(17, 'image'));
  objects -= 6;
  git('commit', '-q', '-am', 'one app moves to another registry');
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', 'pr-constraint');
  write('platform/gatekeeper/constraints/variants.yaml', variants(true));
  git('commit', '-q', '-am', 'require a team label, enforced');
  git('checkout', '-q', 'main');

  const files = git('ls-files').split('\n').filter(Boolean).length;
  console.log(`monorepo: ${objects} objects (${PLAIN_FILES} plain files, ${OVERLAYS} kustomize overlays, ${NAMESPACES} namespaces), 13 templates, 20 constraints, ${files} files`);
  console.log(`cores: ${os.availableParallelism()}, node ${process.version}, peak RSS from ${hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}`);

  const cold = run('pr-constraint');
  console.log(`untimed warm-up (cold compile cache): ${cold.ms.toFixed(0)} ms, ${cold.rssMb.toFixed(0)} MB; ${cold.summary}`);

  const results: Array<{ label: string; target: number; m: Measure[] }> = [
    { label: 'one-file change', target: TARGETS.oneFileMs, m: [] },
    { label: 'constraint change (blast radius)', target: TARGETS.blastRadiusMs, m: [] },
  ];
  for (let i = 0; i < RUNS; i++) {
    results[0]!.m.push(run('pr-one-file'));
    results[1]!.m.push(run('pr-constraint'));
  }
  let peak = 0;
  for (const r of results) {
    if (r.m.length === 0) continue;
    const ms = median(r.m.map((x) => x.ms));
    const rss = Math.max(...r.m.map((x) => x.rssMb));
    peak = Math.max(peak, rss);
    console.log(`${r.label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms median of ${RUNS} (${r.m.map((x) => x.ms.toFixed(0)).join(', ')}), peak RSS ${rss.toFixed(0)} MB; target < ${r.target} ms: ${ms < r.target ? 'met' : 'MISSED'}`);
    console.log(`${''.padEnd(34)} ${r.m[0]!.summary}`);
  }
  console.log(`peak RSS ${peak.toFixed(0)} MB; target < ${TARGETS.rssMb} MB: ${peak < TARGETS.rssMb ? 'met' : 'MISSED'}`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
  rmSync(cacheDir, { recursive: true, force: true });
}
