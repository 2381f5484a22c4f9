// CEL templates in the admission-webhook mode `preadmit diff` and the app use: the request's operation,
// the old object on UPDATE, the Namespace as namespaceObject, variables.anyObject on DELETE, and the
// template's operations honoured at the webhook only (as for Rego templates).
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
metadata: {name: k8scelteam}
spec:
  crd: {spec: {names: {kind: K8sCelTeam}}}
  targets:
    - target: admission.k8s.gatekeeper.sh
      operations: ["CREATE", "UPDATE", "DELETE"]
      code:
        - engine: K8sNativeValidation
          source:
            variables:
              - name: tier
                expression: 'namespaceObject == null ? "none" : namespaceObject.metadata.?labels.?tier.orValue("unlabelled")'
            validations:
              - expression: 'request.operation != "UPDATE" || oldObject.metadata.labels.team == object.metadata.labels.team'
                messageExpression: '"team changed from " + oldObject.metadata.labels.team + " to " + object.metadata.labels.team + " in a " + variables.tier + " namespace"'
              - expression: 'request.operation != "DELETE"'
                messageExpression: '"deleting " + variables.anyObject.metadata.name + " (object null: " + string(object == null) + ")"'
              - expression: 'request.operation != "CREATE"'
                messageExpression: '"created by " + (has(request.userInfo.username) ? request.userInfo.username : "nobody") + " as " + request.kind.kind'
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sCelTeam
metadata: {name: team}
spec:
  match: {kinds: [{apiGroups: [""], kinds: ["ConfigMap"]}]}
`;

const ns: JsonObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: { tier: 'gold' } } };
const cm = (team: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'apps', labels: { team } } });

describe('CEL templates in admission-webhook mode', () => {
  let runtime: Runtime;
  let webhook: PolicyClient;
  let gator: PolicyClient;
  const msgs = (vs: Violation[] | undefined) => (vs ?? []).map((v) => `${v.constraint.name}: ${v.msg}`);

  beforeAll(async () => {
    runtime = createRuntime({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-cel-webhook-')), size: 1 });
    const objects = loadManifests(POLICIES, 'policies.yaml').objects;
    const make = async (ep: string) => {
      const client = new PolicyClient({ compiler: runtime.compiler, pool: runtime.pool, enforcementPoint: ep, parameterNumbers: 'float' });
      expect(await client.addTemplates(objects.filter((o) => o.object.kind === 'ConstraintTemplate'))).toEqual([]);
      expect(client.addConstraints(objects.filter((o) => String(o.object.apiVersion).startsWith('constraints.')))).toEqual([]);
      client.setData([ns]);
      return client;
    };
    webhook = await make('validation.gatekeeper.sh');
    gator = await make('gator.gatekeeper.sh');
  });
  afterAll(() => runtime.close());

  it('sees UPDATE with the old object and the Namespace object', async () => {
    const [update] = await webhook.review([reviewAdmission(cm('b'), { operation: 'UPDATE', oldObject: cm('a'), namespace: ns })]);
    expect(msgs(update)).toEqual(['team: team changed from a to b in a gold namespace']);
  });

  it('sees CREATE with the user and kind of the request', async () => {
    const [create] = await webhook.review([reviewAdmission(cm('a'), { operation: 'CREATE', namespace: ns, userInfo: { username: 'dana' } })]);
    expect(msgs(create)).toEqual(['team: created by dana as ConfigMap']);
  });

  it('clears object on DELETE; variables.anyObject is the old object', async () => {
    const [del] = await webhook.review([reviewAdmission(cm('x'), { operation: 'DELETE', oldObject: cm('old'), namespace: ns })]);
    expect(msgs(del)).toEqual(['team: deleting c (object null: true)']);
  });

  it('at gator: no operation, no namespaceObject', async () => {
    const [plain] = await gator.review([reviewPlainObject(cm('a'), { namespace: null })]);
    expect(msgs(plain)).toEqual([]);
  });
});
