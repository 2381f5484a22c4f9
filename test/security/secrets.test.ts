// Hostile repository: Secret values copied into other objects and printed by policies in many spellings. No
// output of any format may carry a value, in any of the forms preadmit promises to catch (README, "Secrets").
import { afterAll, describe, expect, it } from 'vitest';
import { redactSecrets, secretValues } from '../../src/render/mask.ts';
import { constraint, useTestRepos } from '../simulate/harness.ts';
import { everyOutput } from './support.ts';

const newRepo = useTestRepos();
afterAll(() => undefined);

const TOKEN = 's3cr3t-T0KEN-alpha-7731';
const PASSWORD = 'hunter2-PASSWORD-beta';
const ODD = 'odd-shaped-Secret-gamma';
const NUMBER = '8675309421';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Every spelling of `v` the masking covers. */
function spellings(v: string): string[] {
  const bytes = [...Buffer.from(v)];
  return [
    v,
    b64(v),
    b64(v).replace(/=+$/, ''),
    Buffer.from(v).toString('base64url'),
    Buffer.from(v).toString('hex'),
    Buffer.from(v).toString('hex').toUpperCase(),
    [...v].join(' '),
    [...v].join(', '),
    [...v].join('\u200b'),
    JSON.stringify([...v]),
    `[${bytes.join(' ')}]`,
    bytes.map((b) => `0x${b.toString(16)}`).join(', '),
    encodeURIComponent(v),
  ];
}

const ECHO_TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: sececho
spec:
  crd:
    spec:
      names:
        kind: SecEcho
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package sececho
        value := v { v := input.review.object.data.copy }
        value := v { v := input.review.object.spec.template.spec.containers[0].env[0].value }
        value := v { v := base64.decode(input.review.object.data.token) }
        violation[{"msg": msg}] {
          v := value
          msg := sprintf("raw=%v spaced=%v listed=%v b64=%v b64url=%v hex=%v", [v, concat(" ", split(v, "")), split(v, ""), base64.encode(v), base64url.encode(v), sprintf("%x", [v])])
        }
`;

function files(token: string, password: string): Record<string, string> {
  return {
    'policies/echo.yaml': ECHO_TEMPLATE,
    'policies/constraints.yaml': constraint('SecEcho', 'echo', '    kinds:\n      - apiGroups: ["", "apps"]\n        kinds: ["ConfigMap", "Deployment", "Secret"]\n'),
    // A Secret as usual, and Secrets named and shaped unusually.
    'apps/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: shop\ndata:\n  token: ${b64(token)}\nstringData:\n  password: |\n    ${password}\n`,
    'apps/odd.yaml': `apiVersion: " v1"\nkind: secret\nmetadata:\n  name: "\\u200bodd"\n  namespace: shop\nstringData:\n  nested: ["${ODD}"]\n  pin: ${NUMBER}\n`,
    // Copies of the values in other objects.
    'apps/config.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: copied\n  namespace: shop\n  annotations:\n    note: "the password is ${password}, the odd one ${ODD} and the pin ${NUMBER}"\ndata:\n  copy: ${password}\n`,
    'apps/deploy.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1\n          env:\n            - name: TOKEN\n              value: ${token}\n`,
  };
}

describe('Secret values in a hostile repository', () => {
  it('appear in no output of any format, in any spelling preadmit promises to catch', async () => {
    const repo = newRepo();
    const base = repo.commit({ 'README.md': 'empty\n' });
    const head = repo.commit(files(TOKEN, PASSWORD));
    const outputs = await everyOutput(repo.dir, base, head);
    const forbidden = [...spellings(TOKEN), ...spellings(PASSWORD), ...spellings(ODD), NUMBER];
    for (const [name, { text }] of Object.entries(outputs)) {
      for (const value of forbidden) expect(text.includes(value), `${name} carries ${JSON.stringify(value)}`).toBe(false);
    }
    // The policies did print them (masked), so the check is not vacuous.
    const json = outputs['diff -o json']!.text;
    expect(json).toContain('raw=*** spaced=*** listed=[\\"***\\"] b64=*** b64url=*** hex=***');
    expect(outputs['diff -o json']!.code).toBe(1);
    expect(outputs['render -o yaml']!.text).toContain('copy: "***"');
  }, 120_000);
});

describe('redactSecrets', () => {
  const values = secretValues([
    { apiVersion: 'v1', kind: 'Secret', data: { t: b64('correct horse battery') }, stringData: { short: 'abc', p: 'pa55-w0rd!' } },
    { apiVersion: 'core/v1', kind: 'SECRET', stringData: { list: ['in-a-list-9'], n: 31415926 } },
    { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', data: { x: b64('inside-a-list') } }] },
    { apiVersion: 'example.com/v1', kind: 'Secret', stringData: { p: 'not-a-core-secret' } },
  ]);

  it('masks every spelling of every value, and nothing else', () => {
    for (const v of ['correct horse battery', 'pa55-w0rd!', 'in-a-list-9', '31415926', 'inside-a-list']) {
      for (const s of spellings(v)) {
        const out = redactSecrets(`before ${s} after`, values);
        expect(out, s).toMatch(/^before .*\*\*\*.* after$/);
        expect(out.replace(/^before /, '').replace(/ after$/, '').replace(/\*\*\*/g, '').length, `${s} -> ${out}`).toBeLessThanOrEqual(4);
      }
    }
    expect(redactSecrets('Go %q: "pa55-w0rd!" and JSON "correct horse battery"', values)).toBe('Go %q: "***" and JSON "***"');
    // Short values are not masked outside the Secret (see MIN_SECRET_CHARS); other groups' "Secret" kinds are not Secrets.
    expect(redactSecrets('abc not-a-core-secret', values)).toBe('abc not-a-core-secret');
    expect(redactSecrets('an ordinary message about horses', values)).toBe('an ordinary message about horses');
  });
});
