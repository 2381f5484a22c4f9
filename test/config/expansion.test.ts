import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultExpansionTemplates, EXPANDABLE_WORKLOADS } from '../../src/config/load.ts';
import { parseExpansionTemplate } from '../../src/gatekeeper/expand.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import { findTool } from '../../src/opa/tools.ts';

const podSpec = (image: string): JsonObject => ({ metadata: { labels: { app: image } }, spec: { containers: [{ name: 'main', image }] } });

/** One object of each workload kind, with its pod template where Kubernetes puts it. */
function workload(kind: string): JsonObject {
  const apiVersion = kind === 'ReplicationController' ? 'v1' : ['Job', 'CronJob'].includes(kind) ? 'batch/v1' : 'apps/v1';
  const metadata = { name: kind.toLowerCase(), namespace: 'team-a' };
  const spec: JsonObject = kind === 'CronJob' ? { schedule: '0 * * * *', jobTemplate: { spec: { template: podSpec(`img-${kind}`) } } } : { template: podSpec(`img-${kind}`) };
  return { apiVersion, kind, metadata, spec };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The Pods `gator expand` (Gatekeeper's own expansion code) makes of `objects` under `templates`. */
function gatorExpand(templates: JsonObject[], objects: JsonObject[]): JsonObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'preadmit-expand-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'templates.yaml'), templates.map((t) => stringify(t)).join('---\n'));
  writeFileSync(join(dir, 'objects.yaml'), objects.map((o) => stringify(o)).join('---\n'));
  const out = execFileSync(findTool('gator'), ['expand', '--filename', join(dir, 'templates.yaml'), '--filename', join(dir, 'objects.yaml'), '--format', 'json'], { encoding: 'utf8' });
  return out
    .split(/^---$|(?<=\})---\n?/m)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => JSON.parse(s) as JsonObject);
}

describe('defaultExpansionTemplates', () => {
  it('expands every known workload kind to its Pod, as gator expand does', () => {
    const templates = defaultExpansionTemplates([...EXPANDABLE_WORKLOADS]).map((t) => t.object);
    const pods = gatorExpand(templates, EXPANDABLE_WORKLOADS.map(workload));
    const byOwner = new Map(pods.map((p) => [((p.metadata as { ownerReferences: Array<{ kind: string }> }).ownerReferences[0]!.kind), p]));
    expect([...byOwner.keys()].sort()).toEqual([...EXPANDABLE_WORKLOADS].sort());
    for (const kind of EXPANDABLE_WORKLOADS) {
      const pod = byOwner.get(kind)!;
      expect(pod.kind).toBe('Pod');
      expect(pod.apiVersion).toBe('v1');
      expect((pod.spec as { containers: Array<{ image: string }> }).containers[0]!.image).toBe(`img-${kind}`);
    }
  });

  it('expands only the kinds asked for', () => {
    const templates = defaultExpansionTemplates(['CronJob', 'Deployment']).map((t) => t.object);
    const pods = gatorExpand(templates, EXPANDABLE_WORKLOADS.map(workload));
    const owners = pods.map((p) => (p.metadata as { ownerReferences: Array<{ kind: string }> }).ownerReferences[0]!.kind).sort();
    expect(owners).toEqual(['CronJob', 'Deployment']);
  });

  it('passes Gatekeeper\'s ExpansionTemplate validation, is deterministic, and is empty for no kinds', () => {
    const list = defaultExpansionTemplates([...EXPANDABLE_WORKLOADS]);
    for (const t of list) expect(parseExpansionTemplate(t)).toHaveProperty('template');
    expect(new Set(list.map((t) => (t.object.metadata as { name: string }).name)).size).toBe(list.length);
    expect(defaultExpansionTemplates([...EXPANDABLE_WORKLOADS])).toEqual(list);
    expect(defaultExpansionTemplates([])).toEqual([]);
    expect(defaultExpansionTemplates(['Pod', 'Unknown'])).toEqual([]);
  });
});
