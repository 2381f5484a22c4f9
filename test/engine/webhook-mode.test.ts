// The admission-webhook mode that `preadmit diff` and the app use: what differs from gator, on purpose.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyClient, type Violation } from '../../src/engine/client.ts';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { loadManifests } from '../../src/gatekeeper/load.ts';
import { reviewAdmission, reviewPlainObject } from '../../src/gatekeeper/review.ts';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

const POLICIES = `
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: {name: k8screateonly}
spec:
  crd: {spec: {names: {kind: K8sCreateOnly}}}
  targets:
    - target: admission.k8s.gatekeeper.sh
      operations: ["CREATE"]
      rego: |
        package k8screateonly
        violation[{"msg": sprintf("op=%v", [input.review.operation])}] { true }
---
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: {name: k8simmutableteam}
spec:
  crd: {spec: {names: {kind: K8sImmutableTeam}}}
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8simmutableteam
        violation[{"msg": msg}] {
          old := input.review.oldObject.metadata.labels.team
          new := input.review.object.metadata.labels.team
          old != new
          msg := sprintf("team label changed from %v to %v in namespace with tier %v", [old, new, input.review.namespaceObject.metadata.labels.tier])
        }
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sCreateOnly
metadata: {name: create-only}
spec:
  match: {kinds: [{apiGroups: [""], kinds: ["ConfigMap"]}]}
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sImmutableTeam
metadata: {name: immutable-team}
spec:
  match: {kinds: [{apiGroups: [""], kinds: ["ConfigMap"]}]}
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sCreateOnly
metadata: {name: webhook-only}
spec:
  enforcementAction: scoped
  scopedEnforcementActions:
    - action: warn
      enforcementPoints: [{name: validation.gatekeeper.sh}]
  match: {kinds: [{apiGroups: [""], kinds: ["Secret"]}]}
`;

const ns: JsonObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: { tier: 'gold' } } };
const cm = (team: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'apps', labels: { team } } });
const secret: JsonObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' } };

describe('engine in admission-webhook mode', () => {
  let runtime: Runtime;
  let webhook: PolicyClient;
  let gator: PolicyClient;
  const msgs = (vs: Violation[]) => vs.map((v) => `${v.constraint.name}: ${v.msg} [${v.enforcementAction}${v.scopedActions ? ` ${v.scopedActions.join(',')}` : ''}]`);

  beforeAll(async () => {
    runtime = createRuntime({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-webhook-')), size: 1 });
    const objects = loadManifests(POLICIES, 'policies.yaml').objects;
    for (const [ep, set] of [['validation.gatekeeper.sh', (c: PolicyClient) => (webhook = c)], ['gator.gatekeeper.sh', (c: PolicyClient) => (gator = c)]] as const) {
      const client = new PolicyClient({ compiler: runtime.compiler, pool: runtime.pool, enforcementPoint: ep, parameterNumbers: 'float' });
      expect(await client.addTemplates(objects.filter((o) => o.object.kind === 'ConstraintTemplate'))).toEqual([]);
      expect(client.addConstraints(objects.filter((o) => String(o.object.apiVersion).startsWith('constraints.')))).toEqual([]);
      client.setData([ns]);
      set(client);
    }
  });
  afterAll(() => runtime.close());

  it("honours a template's operations at the webhook only", async () => {
    const [create, update] = await webhook.review([
      reviewAdmission(cm('a'), { operation: 'CREATE', namespace: ns }),
      reviewAdmission(cm('a'), { operation: 'UPDATE', oldObject: cm('a'), namespace: ns }),
    ]);
    expect(msgs(create!)).toEqual(['create-only: op=CREATE [deny]']);
    expect(msgs(update!)).toEqual([]);
    // gator ignores operations: the plain review (operation "") is flagged.
    const [plain] = await gator.review([reviewPlainObject(cm('a'), { namespace: null })]);
    expect(msgs(plain!)).toEqual(['create-only: op= [deny]']);
  });

  it('gives UPDATE reviews the old object and the Namespace object', async () => {
    const [update] = await webhook.review([reviewAdmission(cm('b'), { operation: 'UPDATE', oldObject: cm('a'), namespace: ns })]);
    expect(msgs(update!)).toEqual(['immutable-team: team label changed from a to b in namespace with tier gold [deny]']);
  });

  it('resolves scoped actions for the webhook, and skips them at gator', async () => {
    const [atWebhook] = await webhook.review([reviewAdmission(secret, { operation: 'CREATE', namespace: ns })]);
    expect(msgs(atWebhook!)).toEqual(['webhook-only: op=CREATE [scoped warn]']);
    const [atGator] = await gator.review([reviewPlainObject(secret, { namespace: null })]);
    expect(msgs(atGator!)).toEqual([]);
  });

  it('reviews a DELETE with the old object as the object', () => {
    const r = reviewAdmission(cm('x'), { operation: 'DELETE', oldObject: cm('old') });
    expect(r.request.operation).toBe('DELETE');
    expect((r.object!.metadata as JsonObject).labels).toEqual({ team: 'old' });
    expect(r.request.oldObject).toEqual(cm('old'));
  });
});
