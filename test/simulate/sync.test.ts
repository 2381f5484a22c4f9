// data.inventory holds what Gatekeeper syncs: with Config spec.sync (or a SyncSet) in the repository, only
// those group/version/kinds, outside the namespaces excluded from the sync process.
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/engine/runtime.ts';
import { constraint, deployment, only, simulateRepo, template, TestRepo } from './harness.ts';

const UNIQUE_NAME = template('unique-name');
const config = (sync: string, match = '') => `apiVersion: config.gatekeeper.sh/v1alpha1
kind: Config
metadata:
  name: config
  namespace: gatekeeper-system
spec:
${sync}${match}`;
const SYNC_DEPLOYMENTS = '  sync:\n    syncOnly:\n      - group: apps\n        version: v1\n        kind: Deployment\n';
const SYNC_PODS = '  sync:\n    syncOnly:\n      - group: ""\n        version: v1\n        kind: Pod\n';

describe('inventory follows what the cluster syncs', () => {
  const runtime = createRuntime({ size: 1 });
  afterAll(() => runtime.close());

  /** New findings, as `<namespace of the object>: <message>`, when a Deployment web joins namespace b. */
  const newMessages = async (gatekeeperFiles: Record<string, string>) => {
    const repo = new TestRepo();
    try {
      return await newMessagesIn(repo, gatekeeperFiles);
    } finally {
      repo.cleanup();
    }
  };
  const newMessagesIn = async (repo: TestRepo, gatekeeperFiles: Record<string, string>) => {
    const base = repo.commit({
      'policies/t.yaml': UNIQUE_NAME,
      'policies/c.yaml': constraint('SimUniqueName', 'unique', '    kinds:\n      - apiGroups: ["apps"]\n        kinds: ["Deployment"]\n'),
      'apps/a.yaml': deployment('web', 'a'),
      ...gatekeeperFiles,
    });
    const head = repo.commit({ 'apps/b.yaml': deployment('web', 'b') });
    const c = only(await simulateRepo(repo, base, head, runtime));
    return c.findings.filter((f) => f.category === 'new').map((f) => `${f.object.namespace}: ${f.message}`).sort();
  };

  it('sees Deployments when they are synced, and everything when nothing is said', async () => {
    // Both Deployments now clash: the new one with a's, and a's (when next applied) with the new one.
    const both = ['a: name web is also used in namespace b', 'b: name web is also used in namespace a'];
    expect(await newMessages({ 'policies/config.yaml': config(SYNC_DEPLOYMENTS) })).toEqual(both);
    expect(await newMessages({})).toEqual(both);
  });

  it('sees no Deployments when only Pods are synced, or when SyncSets name other kinds', async () => {
    expect(await newMessages({ 'policies/config.yaml': config(SYNC_PODS) })).toEqual([]);
    const syncSet = 'apiVersion: syncset.gatekeeper.sh/v1alpha1\nkind: SyncSet\nmetadata:\n  name: pods\nspec:\n  gvks:\n    - group: ""\n      version: v1\n      kind: Pod\n';
    expect(await newMessages({ 'policies/syncset.yaml': syncSet })).toEqual([]);
  });

  it('leaves out namespaces the Config excludes from the sync process', async () => {
    const match = '  match:\n    - processes: ["sync"]\n      excludedNamespaces: ["a"]\n';
    // a's Deployment is not in the inventory, so the new one does not clash; a's is still admitted by the
    // webhook (sync exclusion is not an admission exemption) and sees b's.
    expect(await newMessages({ 'policies/config.yaml': config(SYNC_DEPLOYMENTS, match) })).toEqual(['a: name web is also used in namespace b']);
  });
});
