// Gatekeeper's Config resource (`config.gatekeeper.sh/v1alpha1 Config`): which objects are synced into
// `data.inventory` (`spec.sync.syncOnly`, with SyncSets) and which namespaces a process leaves alone
// (`spec.match[].processes` / `excludedNamespaces`). Upstream: apis/config/v1alpha1/config_types.go,
// pkg/controller/config/process/excluder.go, pkg/cachemanager. `gator` ignores Config (it is just another
// object there); only the webhook simulation applies these rules.
import { classify, gvkOf, isNamespace, isObject, nameOf, namespaceOf } from './classify.ts';
import { matchesGlob } from './glob.ts';
import type { JsonObject, JsonValue, SourcedObject } from './types.ts';

/** The processes a Config match entry names; `*` stands for all four (excluder.go `allProcesses`). */
export const CONFIG_PROCESSES = ['webhook', 'audit', 'sync', 'mutation-webhook'] as const;
export type ConfigProcess = (typeof CONFIG_PROCESSES)[number];

/** Gatekeeper reads only the Config named `config` (pkg/keys); any other is ignored. */
export function isGatekeeperConfig(object: JsonObject): boolean {
  return classify(object) === 'Config' && nameOf(object) === 'config';
}

/** One `spec.match[]` entry as written: its process names and namespace globs (non-strings dropped). */
export interface ConfigMatchEntry {
  processes: string[];
  excludedNamespaces: string[];
}

function strings(v: JsonValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function specOf(object: JsonObject): JsonObject {
  return isObject(object.spec) ? object.spec : {};
}

/** The Config's `spec.match` entries. */
export function configMatchEntries(config: JsonObject): ConfigMatchEntry[] {
  const match = specOf(config).match;
  return (Array.isArray(match) ? match : []).filter(isObject).map((m) => ({ processes: strings(m.processes), excludedNamespaces: strings(m.excludedNamespaces) }));
}

/** Namespace globs the Configs exclude from `process` (an entry naming `*` excludes them from every process). */
export function processExclusions(configs: SourcedObject[], process: ConfigProcess): string[] {
  const out: string[] = [];
  for (const c of configs) {
    for (const m of configMatchEntries(c.object)) {
      if (m.processes.some((p) => p === process || p === '*')) out.push(...m.excludedNamespaces);
    }
  }
  return out;
}

/**
 * `Excluder.IsNamespaceExcluded`: a Namespace is tested by its name, any other object by `metadata.namespace`,
 * even when that is empty, so a glob matching "" (`*`) excludes cluster-scoped objects too.
 */
export function isNamespaceExcluded(globs: string[], object: JsonObject): boolean {
  if (globs.length === 0) return false;
  const subject = isNamespace(gvkOf(object)) ? nameOf(object) : namespaceOf(object);
  return globs.some((g) => matchesGlob(g, subject));
}

/** `group/version/kind`: the key the synced kinds are compared by (exactly; no wildcards). */
function gvkKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/**
 * The group/version/kinds the cluster syncs into `data.inventory` (Config `spec.sync.syncOnly` and SyncSets'
 * `spec.gvks`), or undefined when neither says anything (no Config with `spec.sync`, no SyncSet).
 */
export function syncedKinds(configs: SourcedObject[], syncSets: SourcedObject[]): Set<string> | undefined {
  const declared = configs.some((c) => isObject(specOf(c.object).sync)) || syncSets.length > 0;
  if (!declared) return undefined;
  const entries: JsonValue[] = [];
  for (const c of configs) {
    const sync = specOf(c.object).sync;
    if (isObject(sync) && Array.isArray(sync.syncOnly)) entries.push(...sync.syncOnly);
  }
  for (const s of syncSets) {
    const gvks = specOf(s.object).gvks;
    if (Array.isArray(gvks)) entries.push(...gvks);
  }
  const kinds = new Set<string>();
  for (const e of entries) {
    if (!isObject(e)) continue;
    const str = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
    kinds.add(gvkKey(str('group'), str('version'), str('kind')));
  }
  return kinds;
}

/**
 * What the cluster has in `data.inventory`: when the repository says what Gatekeeper syncs, only objects of
 * those kinds whose namespace the `sync` process does not exclude. When it says nothing, every object (an
 * assumption: the cluster's sync configuration may live elsewhere).
 */
export function syncedObjects(objects: JsonObject[], configs: SourcedObject[], syncSets: SourcedObject[]): JsonObject[] {
  const kinds = syncedKinds(configs, syncSets);
  if (kinds === undefined) return objects;
  const excluded = processExclusions(configs, 'sync');
  return objects.filter((o) => {
    const gvk = gvkOf(o);
    return kinds.has(gvkKey(gvk.group, gvk.version, gvk.kind)) && !isNamespaceExcluded(excluded, o);
  });
}
