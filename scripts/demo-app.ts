// The app half of the demo: the demo repository (scripts/demo.ts) served over HTTP by the fake GitHub of the
// tests (test/support/github), the app's real Probot server pointed at it through GHE_HOST/GHE_PROTOCOL, one
// signed `pull_request.opened` delivery over HTTP, and the check run the app posted, printed.
import { rm } from 'node:fs/promises';
import { buildDemoRepo } from './demo.ts';
import { startHarness, WEBHOOK_SECRET } from '../test/e2e/harness.ts';
import { deliver, pullRequestPayload } from '../test/e2e/webhooks.ts';

async function run(): Promise<void> {
  const dir = await buildDemoRepo();
  // No recovery scan: it would check the demo PR (which has no run yet) before the delivery does.
  const h = await startHarness(
    [{ owner: 'acme', name: 'gitops', gitDir: dir, defaultBranch: 'main', installationId: 1, pulls: [{ number: 1, base: 'main', head: 'pr', author: 'dev', title: 'Demo change' }] }],
    { PREADMIT_RECOVERY: 'off' },
  );
  try {
    const out = process.stdout;
    out.write(`fake GitHub:  ${h.http.apiUrl} (serving acme/gitops from ${dir}: main = base, pr = head)\n`);
    out.write(`preadmit app: ${h.app.url} (GHE_HOST=${h.http.host} GHE_PROTOCOL=http)\n\n`);
    const payload = await pullRequestPayload(h.github, 'acme/gitops', 1, 'opened');
    const started = Date.now();
    const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    out.write(`POST /api/github/webhooks (pull_request.opened, signed) → HTTP ${res.status}\n`);
    const run = await h.github.waitForCheckRun((r) => r.repo === 'acme/gitops', 120_000);
    out.write(`check run ${run.id} "${run.name}" on ${run.head_sha.slice(0, 7)} completed in ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
    out.write(`conclusion: ${run.conclusion}\n`);
    out.write(`title:      ${run.output.title}\n\n`);
    out.write('──── summary ────\n');
    out.write(`${run.output.summary}\n`);
    out.write(`──── annotations (${run.output.annotations.length}) ────\n`);
    for (const a of run.output.annotations) {
      out.write(`${a.path}:${a.start_line}${a.end_line !== a.start_line ? `-${a.end_line}` : ''} [${a.annotation_level}] ${a.title ?? ''}\n    ${a.message.split('\n').join('\n    ')}\n`);
    }
    const writes = h.github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace('/api/v3', '')}`);
    out.write(`\nAPI writes the app made: ${writes.join(', ')}\n`);
    // The demo PR must be blocked: anything else means the pipeline is broken.
    process.exitCode = run.conclusion === 'failure' ? 0 : 1;
  } finally {
    await h.close();
    if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
