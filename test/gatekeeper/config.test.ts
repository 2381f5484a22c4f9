// Gatekeeper's Config resource as pure rules: which Config counts, process exclusions, sync filtering.
import { describe, expect, it } from 'vitest';
import {
  CONFIG_PROCESSES,
  configMatchEntries,
  isGatekeeperConfig,
  isNamespaceExcluded,
  processExclusions,
  syncedKinds,
  syncedObjects,
} from '../../src/gatekeeper/config.ts';
import type { JsonObject, SourcedObject } from '../../src/gatekeeper/types.ts';

const sourced = (object: JsonObject): SourcedObject => ({ object, source: { file: 'config.yaml', startLine: 1, endLine: 1 } });
const config = (spec: JsonObject, name = 'config'): SourcedObject =>
  sourced({ apiVersion: 'config.gatekeeper.sh/v1alpha1', kind: 'Config', metadata: { name, namespace: 'gatekeeper-system' }, spec });
const ns = (name: string, labels: Record<string, string> = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const pod = (name: string, namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(namespace !== undefined ? { namespace } : {}) } });
const role = (name: string): JsonObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name } });

describe('gatekeeper/config: which Config counts', () => {
  it('only the Config named `config`, of the config.gatekeeper.sh group', () => {
    expect(isGatekeeperConfig(config({}).object)).toBe(true);
    expect(isGatekeeperConfig(config({}, 'other').object)).toBe(false);
    expect(isGatekeeperConfig({ apiVersion: 'example.com/v1', kind: 'Config', metadata: { name: 'config' } })).toBe(false);
  });

  it('reads match entries as written, dropping values that are not strings', () => {
    const c = config({ match: [{ processes: ['audit', 7], excludedNamespaces: ['kube-*', null] }, 'junk', { processes: 'webhook' }] });
    expect(configMatchEntries(c.object)).toEqual([
      { processes: ['audit'], excludedNamespaces: ['kube-*'] },
      { processes: [], excludedNamespaces: [] },
    ]);
    expect(configMatchEntries({ kind: 'Config', spec: { match: 'nope' } })).toEqual([]);
  });
});

describe('gatekeeper/config: process exclusions (excluder.go)', () => {
  const configs = [
    config({
      match: [
        { processes: ['audit'], excludedNamespaces: ['audit-only'] },
        { processes: ['webhook', 'sync'], excludedNamespaces: ['kube-*', '*-system'] },
        { processes: ['*'], excludedNamespaces: ['everything'] },
      ],
    }),
  ];

  it('collects the globs of every entry naming the process, `*` standing for all four', () => {
    expect(processExclusions(configs, 'webhook')).toEqual(['kube-*', '*-system', 'everything']);
    expect(processExclusions(configs, 'audit')).toEqual(['audit-only', 'everything']);
    expect(processExclusions(configs, 'mutation-webhook')).toEqual(['everything']);
    for (const p of CONFIG_PROCESSES) expect(processExclusions(configs, p)).toContain('everything');
  });

  it('tests a Namespace by its name and any other object by its namespace, with prefix/suffix/contains globs', () => {
    const globs = processExclusions(configs, 'webhook');
    expect(isNamespaceExcluded(globs, ns('kube-system'))).toBe(true);
    expect(isNamespaceExcluded(globs, ns('gatekeeper-system'))).toBe(true);
    expect(isNamespaceExcluded(globs, ns('prod'))).toBe(false);
    expect(isNamespaceExcluded(globs, pod('p', 'kube-public'))).toBe(true);
    expect(isNamespaceExcluded(globs, pod('p', 'prod'))).toBe(false);
    // A Namespace's own metadata.namespace (junk) is not what is tested.
    expect(isNamespaceExcluded(globs, { ...ns('prod'), metadata: { name: 'prod', namespace: 'kube-system' } })).toBe(false);
    expect(isNamespaceExcluded(['*prod*'], pod('p', 'preprod-eu'))).toBe(true);
    expect(isNamespaceExcluded([], pod('p', 'prod'))).toBe(false);
  });

  it('a glob matching "" (`*`) excludes cluster-scoped objects too, as IsNamespaceExcluded tests the empty namespace', () => {
    expect(isNamespaceExcluded(['*'], role('admin'))).toBe(true);
    expect(isNamespaceExcluded(['*'], pod('p'))).toBe(true);
    expect(isNamespaceExcluded(['kube-*'], role('admin'))).toBe(false);
    expect(isNamespaceExcluded(['*-system'], pod('p'))).toBe(false);
  });
});

describe('gatekeeper/config: what is synced into data.inventory', () => {
  const syncOnly = (...kinds: Array<[string, string, string]>) => ({ sync: { syncOnly: kinds.map(([group, version, kind]) => ({ group, version, kind })) } });
  const syncSet = (...kinds: Array<[string, string, string]>) =>
    sourced({ apiVersion: 'syncset.gatekeeper.sh/v1alpha1', kind: 'SyncSet', metadata: { name: 's' }, spec: { gvks: kinds.map(([group, version, kind]) => ({ group, version, kind })) } });
  const objects = [ns('prod'), ns('kube-system'), pod('a', 'prod'), pod('b', 'kube-system'), pod('c'), role('admin')];

  it('everything when nothing says what is synced (no spec.sync, no SyncSet)', () => {
    expect(syncedKinds([config({ match: [] })], [])).toBeUndefined();
    expect(syncedObjects(objects, [config({})], [])).toBe(objects);
  });

  it('only the kinds Config syncOnly and SyncSets name, matched exactly on group, version and kind', () => {
    expect(syncedObjects(objects, [config(syncOnly(['', 'v1', 'Pod']))], []).map((o) => o.metadata)).toEqual([
      { name: 'a', namespace: 'prod' },
      { name: 'b', namespace: 'kube-system' },
      { name: 'c' },
    ]);
    expect(syncedObjects(objects, [], [syncSet(['rbac.authorization.k8s.io', 'v1', 'ClusterRole'])])).toEqual([role('admin')]);
    expect(syncedObjects(objects, [config(syncOnly(['', 'v1beta1', 'Pod']))], [])).toEqual([]);
    // An empty spec.sync says "nothing": no object is synced.
    expect(syncedObjects(objects, [config({ sync: {} })], [])).toEqual([]);
  });

  it('leaves out what the sync process excludes, cluster-scoped objects included under `*`', () => {
    const excluding = (globs: string[], process = 'sync') => config({ ...syncOnly(['', 'v1', 'Pod'], ['', 'v1', 'Namespace'], ['rbac.authorization.k8s.io', 'v1', 'ClusterRole']), match: [{ processes: [process], excludedNamespaces: globs }] });
    const names = (list: JsonObject[]) => list.map((o) => (o.metadata as JsonObject).name);
    expect(names(syncedObjects(objects, [excluding(['kube-*'])], []))).toEqual(['prod', 'a', 'c', 'admin']);
    // The webhook's exclusions do not narrow the inventory.
    expect(names(syncedObjects(objects, [excluding(['kube-*'], 'webhook')], []))).toEqual(names(objects));
    expect(names(syncedObjects(objects, [excluding(['*'])], []))).toEqual([]);
  });
});
