// Rendered diffs never show a Secret's values: not in the Secret, not in its last-applied annotation, not
// where another object quotes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { only, simulateRepo, TestRepo } from './harness.ts';

const VALUE = 's3cr3t-t0ken-value';
const secret = (extra: string) => `apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: app
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"token":"${VALUE}"}}'
stringData:
  token: ${VALUE}
  extra: ${extra}
`;
const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: copy
  namespace: app
data:
  copied: ${VALUE}
`;

describe('rendered diffs and Secrets', () => {
  let runtime: Runtime;
  let repo: TestRepo;
  beforeAll(() => {
    runtime = createRuntime({ size: 1 });
    repo = new TestRepo();
  });
  afterAll(async () => {
    repo.cleanup();
    await runtime.close();
  });

  it('masks the values, the annotation that repeats them, and copies elsewhere', async () => {
    const base = repo.commit({ 'app/secret.yaml': secret('one') });
    const head = repo.commit({ 'app/secret.yaml': secret('two-changed'), 'app/cm.yaml': configMap });
    const report = await simulateRepo(repo, base, head, runtime);
    const c = only(report);
    expect(c.renderedDiffs.map((d) => `${d.change} ${d.object.kind}`).sort()).toEqual(['added ConfigMap', 'modified Secret']);
    for (const text of [JSON.stringify(c.renderedDiffs), renderJson(report), renderMarkdown(report).summary]) {
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain('two-changed');
    }
    expect(c.renderedDiffs.find((d) => d.object.kind === 'ConfigMap')!.diff).toContain('copied: ***');
  });
});
