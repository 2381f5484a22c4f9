// The ExpansionTemplates preadmit applies when a repository has none of its own, so that Pod policies reach the
// pod templates of workloads (a Deployment whose pods would be rejected is reported on the Deployment).
import type { JsonObject, SourcedObject } from '../gatekeeper/types.ts';

interface WorkloadShape {
  group: string;
  version: string;
  /** Where the pod template sits inside the workload. */
  templateSource: string;
}

const WORKLOADS: Record<string, WorkloadShape> = {
  Deployment: { group: 'apps', version: 'v1', templateSource: 'spec.template' },
  StatefulSet: { group: 'apps', version: 'v1', templateSource: 'spec.template' },
  DaemonSet: { group: 'apps', version: 'v1', templateSource: 'spec.template' },
  ReplicaSet: { group: 'apps', version: 'v1', templateSource: 'spec.template' },
  Job: { group: 'batch', version: 'v1', templateSource: 'spec.template' },
  CronJob: { group: 'batch', version: 'v1', templateSource: 'spec.jobTemplate.spec.template' },
  ReplicationController: { group: '', version: 'v1', templateSource: 'spec.template' },
};

/** Where the generated templates say they come from; no file of the repository holds them. */
const DEFAULT_EXPANSION_SOURCE = 'preadmit:default-expansion';

/**
 * One ExpansionTemplate per (group, template source) for the given workload kinds, each generating `v1` Pods.
 * Kinds preadmit does not know are skipped (the config schema only admits known ones). Same input, same output.
 */
export function defaultExpansionTemplates(kinds: string[]): SourcedObject[] {
  const groups = new Map<string, { shape: WorkloadShape; kinds: string[] }>();
  for (const kind of new Set(kinds)) {
    const shape = Object.hasOwn(WORKLOADS, kind) ? WORKLOADS[kind] : undefined;
    if (shape === undefined) continue;
    const key = `${shape.group}\u0000${shape.version}\u0000${shape.templateSource}`;
    const entry = groups.get(key) ?? { shape, kinds: [] };
    entry.kinds.push(kind);
    groups.set(key, entry);
  }
  const out: SourcedObject[] = [];
  const ordered = [...groups.values()].sort(
    (a, b) => a.shape.templateSource.localeCompare(b.shape.templateSource) || a.shape.group.localeCompare(b.shape.group),
  );
  for (const [i, { shape, kinds: groupKinds }] of ordered.entries()) {
    const suffix = shape.templateSource === 'spec.template' ? (shape.group === '' ? 'core' : shape.group) : `${shape.group}-${groupKinds.join('-').toLowerCase()}`;
    const object: JsonObject = {
      apiVersion: 'expansion.gatekeeper.sh/v1beta1',
      kind: 'ExpansionTemplate',
      metadata: { name: `preadmit-expand-${suffix}` },
      spec: {
        applyTo: [{ groups: [shape.group], kinds: groupKinds.slice(), versions: [shape.version] }],
        templateSource: shape.templateSource,
        generatedGVK: { group: '', version: 'v1', kind: 'Pod' },
      },
    };
    out.push({ object, source: { file: DEFAULT_EXPANSION_SOURCE, startLine: i + 1, endLine: i + 1, renderedBy: 'preadmit' } });
  }
  return out;
}
