// GitHub limits a check run's summary to 65,535 bytes, not characters: 1,200 violations in CJK-named files
// make a summary that fits in characters but not in bytes. Over real HTTP, the fake GitHub refuses oversized
// summaries as GitHub does; the run must still carry the full (cut) report, not the minimal fallback.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONFIG, CONSTRAINT, configMap, TEMPLATE } from '../app/fixture-repo.ts';
import { buildRepo } from '../support/git-repo.ts';
import { startHarness, WEBHOOK_SECRET, type Harness } from './harness.ts';
import { deliver, pullRequestPayload } from './webhooks.ts';

let repo: ReturnType<typeof buildRepo>;
let h: Harness;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let f = 0; f < 120; f++) {
    files[`アプリケーション/設定ファイル-${String(f).padStart(3, '0')}.yaml`] = Array.from({ length: 10 }, (_, i) => configMap(`cm-${f}-${i}`)).join('---\n');
  }
  repo = buildRepo([
    { branch: 'main', files: { '.github/preadmit.yml': CONFIG.replace('[apps]', '[apps, アプリケーション]'), 'policies/template.yaml': TEMPLATE, 'policies/constraint.yaml': CONSTRAINT, 'apps/ok.yaml': configMap('ok', 'team-a') } },
    { branch: 'cjk', files },
  ]);
  h = await startHarness([{ owner: 'acme', name: 'cjk', gitDir: repo.dir, defaultBranch: 'main', installationId: 77, pulls: [{ number: 1, base: 'main', head: 'cjk', author: 'dev' }] }], { PREADMIT_RECOVERY: 'off' });
}, 120_000);

afterAll(async () => {
  await h?.close();
  repo?.cleanup();
});

it('cuts the summary by UTF-8 bytes: 1,200 violations in CJK-named files are published, not dropped', async () => {
  const payload = await pullRequestPayload(h.github, 'acme/cjk', 1, 'opened');
  expect((await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET })).status).toBe(200);
  const run = await h.github.waitForCheckRun((r) => r.repo === 'acme/cjk', 180_000);
  expect(run.conclusion).toBe('failure');
  const summary = run.output.summary ?? '';
  expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(65_535);
  expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(30_000); // the report, not the minimal fallback
  expect(summary).not.toContain('could not publish the full result');
  expect(summary).toContain('設定ファイル');
  expect(summary).toMatch(/not shown|cut at/);
}, 240_000);
