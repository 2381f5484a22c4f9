// `npm run bench:diff`: a generated GitOps monorepo of ~5,000 objects (plain manifests and kustomize overlays over a
// shared base; Deployments, Services, ConfigMaps, Namespaces) with the 13 templates of policies/ and 20 constraints,
// as real git history with two PR branches: a one-file change, and a constraint change (full blast radius).
// Each `preadmit diff` runs in a child process (`node bin/preadmit.js diff ...`) after one untimed run that warms the
// compile cache; prints wall time and peak RSS against the targets. No assertions: figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitRepo } from '../support/git-repo.ts';
import { hasGnuTime, measureChild } from '../support/measure.ts';
import { generateMonorepo, NAMESPACES, OVERLAYS, PLAIN_FILES, plainFile, plainPath, type MonorepoOptions } from './monorepo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGETS = { oneFileMs: 1500, blastRadiusMs: 5000, rssMb: 400 };

const repo = GitRepo.temp('preadmit-bench-diff-');
const dir = repo.dir;
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-bench-cache-'));

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

const MONOREPO: MonorepoOptions = { detailed: true, allowedNamespaces: ['kube-system', 'kube-public', 'cert-manager'], variants: variants(false) };

interface Measure {
  ms: number;
  rssMb: number;
  code: number;
  summary: string;
}

/** One `preadmit diff` in a child process: wall time, peak RSS (GNU time, else the child's own resourceUsage). */
async function run(head: string): Promise<Measure> {
  const args = [path.join(ROOT, 'bin/preadmit.js'), 'diff', '--repo', dir, '--base', 'main', '--head', head, '-o', 'json'];
  const r = await measureChild(process.execPath, args, { env: { ...process.env, PREADMIT_CACHE_DIR: cacheDir }, node: true });
  let summary = `exit ${r.code}`;
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
  return { ms: r.ms, rssMb: r.peakRssKb !== undefined ? r.peakRssKb / 1024 : Number.NaN, code: r.code, summary };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

try {
  const objects = generateMonorepo((file, body) => repo.write(file, body), MONOREPO);
  repo.commitAll('monorepo');
  repo.git('checkout', '-q', '-b', 'pr-one-file');
  repo.write(plainPath(17), plainFile(MONOREPO, 17, 2));
  repo.git('commit', '-q', '-am', 'one app moves to another registry');
  repo.git('checkout', '-q', 'main');
  repo.git('checkout', '-q', '-b', 'pr-constraint');
  repo.write('platform/gatekeeper/constraints/variants.yaml', variants(true));
  repo.git('commit', '-q', '-am', 'require a team label, enforced');
  repo.git('checkout', '-q', 'main');

  const files = repo.git('ls-files').split('\n').filter(Boolean).length;
  console.log(`monorepo: ${objects} objects (${PLAIN_FILES} plain files, ${OVERLAYS} kustomize overlays, ${NAMESPACES} namespaces), 13 templates, 20 constraints, ${files} files`);
  console.log(`cores: ${os.availableParallelism()}, node ${process.version}, peak RSS from ${hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}`);

  const cold = await run('pr-constraint');
  console.log(`untimed warm-up (cold compile cache): ${cold.ms.toFixed(0)} ms, ${cold.rssMb.toFixed(0)} MB; ${cold.summary}`);

  const results: Array<{ label: string; target: number; m: Measure[] }> = [
    { label: 'one-file change', target: TARGETS.oneFileMs, m: [] },
    { label: 'constraint change (blast radius)', target: TARGETS.blastRadiusMs, m: [] },
  ];
  for (let i = 0; i < RUNS; i++) {
    results[0]!.m.push(await run('pr-one-file'));
    results[1]!.m.push(await run('pr-constraint'));
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
  if (!process.env.BENCH_KEEP) repo.cleanup();
  else console.log(`kept ${dir}`);
  rmSync(cacheDir, { recursive: true, force: true });
}
