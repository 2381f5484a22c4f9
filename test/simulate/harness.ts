// Test repositories for the simulation: real git history built at test time, run through the real pipeline
// (LocalGitSource, loadConfig, createRuntime, simulate) and the `preadmit diff` command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import type { Runtime } from '../../src/engine/runtime.ts';
import { runDiff } from '../../src/cli/commands/diff.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import type { ClusterReport, Finding, SimulationReport } from '../../src/simulate/types.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { GitRepo } from '../support/git-repo.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'simulate');

/** A ConstraintTemplate from fixtures/simulate/templates. */
export function template(name: string): string {
  return readFileSync(path.join(FIXTURES, 'templates', `${name}.yaml`), 'utf8');
}

/** A new repository (branch `main`, no commit yet); every commit is made even when it changes nothing. */
export class TestRepo extends GitRepo {
  constructor(dir = GitRepo.temp('preadmit-sim-').dir) {
    super(dir);
  }

  override commit(changes: Record<string, string | null>, message = 'change'): string {
    return super.commit(changes, message, { allowEmpty: true });
  }
}

/** Repositories for a test file: the function returned makes one; all are removed after the file's tests. */
export function useTestRepos(): () => TestRepo {
  const repos: TestRepo[] = [];
  afterAll(() => {
    for (const r of repos) r.cleanup();
  });
  return () => {
    const r = new TestRepo();
    repos.push(r);
    return r;
  };
}

export async function simulateRepo(repo: TestRepo, base: string, head: string, runtime: Runtime, configText?: string): Promise<SimulationReport> {
  const { config, errors } = loadConfig(configText, '.github/preadmit.yml');
  if (errors.length > 0) throw new Error(`test config has errors: ${errors.map((e) => e.message).join('; ')}`);
  return simulate({ source: new LocalGitSource(repo.dir), base, head, config, runtime });
}

export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function diffCommand(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await runDiff(argv, out, err);
  return { code, out: out.text, err: err.text };
}

export function only(report: SimulationReport): ClusterReport {
  if (report.clusters.length !== 1) throw new Error(`expected one cluster, got ${report.clusters.length}`);
  return report.clusters[0]!;
}

/** A compact, comparable view of a finding. */
export function brief(f: Finding): string {
  return `${f.category} ${f.cause} ${f.constraint.kind}/${f.constraint.name} ${f.actions.join(',')} ${f.object.kind} ${f.object.namespace}/${f.object.name}: ${f.message}`;
}

/** A Deployment; `podSpec` lines go into the pod spec (`hostPID: true`), `securityContext` lines into the container's. */
export function deployment(
  name: string,
  namespace: string,
  options: { labels?: Record<string, string>; replicas?: number; image?: string; podSpec?: string[]; securityContext?: string[] } = {},
): string {
  const labels = Object.entries(options.labels ?? {}).map(([k, v]) => `\n    ${k}: ${v}`).join('');
  const pod = (options.podSpec ?? []).map((l) => `\n      ${l}`).join('');
  const sc = options.securityContext?.length ? `\n          securityContext:${options.securityContext.map((l) => `\n            ${l}`).join('')}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}${labels ? `\n  labels:${labels}` : ''}
spec:
  replicas: ${options.replicas ?? 1}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:${pod}
      containers:
        - name: ${name}
          image: ${options.image ?? 'registry.example.com/app:1.0.0'}${sc}
`;
}

export function constraint(kind: string, name: string, match: string, extra = ''): string {
  return `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: ${kind}
metadata:
  name: ${name}
spec:
${extra}  match:
${match}`;
}

export const MATCH_DEPLOYMENTS = `    kinds:
      - apiGroups: ["apps"]
        kinds: ["Deployment"]
`;
