// End to end over real HTTP: the app's real Probot server on a loopback port, GitHub replaced by the local
// fake GitHub (test/support/github) serving the demo repository (scripts/demo.ts) as real git history.
// Deliveries are signed as GitHub signs them; the check run the fake GitHub records is compared with the
// local pipeline's result on the same commits (LocalGitSource), rendered by the same publisher.
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepo } from '../../scripts/demo.ts';
import { completionFor } from '../../src/github/publish.ts';
import { CHECK_RUN_NAME } from '../../src/github/check-runs.ts';
import { runCheckPr } from '../../src/cli/commands/check-pr.ts';
import { CONFIG_FILE } from '../../src/config/defaults.ts';
import { loadConfig } from '../../src/config/load.ts';
import { createRuntime } from '../../src/engine/runtime.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import { LocalGitSource } from '../../src/source/git.ts';
import { git as gitIn } from '../support/git-repo.ts';
import { CI_TOKEN, READ_ONLY_TOKEN, startHarness, WEBHOOK_SECRET, type Harness } from './harness.ts';
import type { CheckRun } from '../support/github/model.ts';
import { deliver, issueCommentPayload, pullRequestPayload, signature } from './webhooks.ts';

const REPO = 'acme/gitops';
let dir: string;
let h: Harness;
let headSha: string;
let baseSha: string;
let firstRun: CheckRun;

const git = (...args: string[]): string => gitIn(dir, ...args);

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(c: Buffer | string, _e, cb) {
        chunks.push(c.toString());
        cb();
      },
    }),
    text: () => chunks.join(''),
  };
}

beforeAll(async () => {
  dir = await buildDemoRepo();
  baseSha = git('rev-parse', 'main').trim();
  headSha = git('rev-parse', 'pr').trim();
  h = await startHarness([
    {
      owner: 'acme',
      name: 'gitops',
      gitDir: dir,
      defaultBranch: 'main',
      installationId: 77,
      pulls: [
        { number: 1, base: 'main', head: 'pr', author: 'dev', title: 'Demo change' },
        // The same change from a fork: its commits are served by the base repository's network.
        { number: 2, base: 'main', head: 'pr', author: 'mallory', headRepo: 'mallory/gitops', title: 'Demo change from a fork' },
      ],
      permissions: { maintainer: 'write', visitor: 'read' },
    },
    // No recovery scan: it would check these PRs (no run yet) before the tests' deliveries do.
  ], { PREADMIT_RECOVERY: 'off' });
});

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the app over HTTP against the fake GitHub', () => {
  it('answers a signed pull_request.opened with the exact check run', async () => {
    const payload = await pullRequestPayload(h.github, REPO, 1, 'opened');
    const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    expect([200, 202]).toContain(res.status);
    firstRun = await h.github.waitForCheckRun((r) => r.head_sha === headSha, 90_000);

    // What the local pipeline says about the same two commits, rendered by the same publisher.
    const source = new LocalGitSource(dir);
    const { config } = loadConfig((await source.readFile(baseSha, CONFIG_FILE))?.toString('utf8'), CONFIG_FILE);
    const runtime = createRuntime();
    let expected;
    try {
      const report = await simulate({ source, base: baseSha, head: headSha, config, runtime });
      report.base.ref = 'main';
      report.head.ref = '#1';
      expected = completionFor({ owner: 'acme', repo: 'gitops', checkRunId: 0, htmlUrl: `${h.http.origin}/acme/gitops` }, { report });
    } finally {
      await runtime.close();
    }

    expect(firstRun.repo).toBe(REPO);
    expect(firstRun.name).toBe(CHECK_RUN_NAME);
    expect(firstRun.status).toBe('completed');
    expect(firstRun.conclusion).toBe('failure');
    expect(firstRun.external_id).toBe('pr/1');
    expect(firstRun.output.title).toBe(expected.title);
    expect(firstRun.output.summary).toBe(expected.summary);
    expect(firstRun.output.annotations).toEqual(expected.annotations);
    // The demo's findings, spelled out: the privileged web container is denied (new), the registry
    // warning, the exemption outside the allow list, the dryrun → deny promotion.
    expect(firstRun.output.summary).toContain('block-privileged');
    expect(firstRun.output.summary).toContain('allowed-registries');
    expect(firstRun.output.summary).toContain('legacy-batch');
    const at = (file: string) => firstRun.output.annotations.filter((a) => a.path === file);
    const webPrivileged = git('show', `${headSha}:apps/web/base/deployment.yaml`).split('\n').findIndex((l) => l.trim() === 'privileged: true') + 1;
    expect(webPrivileged).toBeGreaterThan(0);
    expect(at('apps/web/base/deployment.yaml')).toEqual([
      // At the offending field's line, not the whole object.
      expect.objectContaining({ annotation_level: 'failure', start_line: webPrivileged, end_line: webPrivileged, message: expect.stringContaining('container "web" is privileged') }),
    ]);
    expect(at('apps/api/deployment.yaml')).toEqual([expect.objectContaining({ annotation_level: 'warning', message: expect.stringContaining('quay.io/someone/api') })]);
    const constraints = git('show', `${headSha}:platform/gatekeeper/constraints.yaml`).split('\n');
    for (const a of at('platform/gatekeeper/constraints.yaml')) expect(constraints[a.start_line - 1]).toMatch(/^(---|apiVersion:)/);
    expect(at('platform/gatekeeper/constraints.yaml').map((a) => a.annotation_level)).toEqual(['failure', 'failure']);

    // The created run went in_progress first, then completed in one PATCH (4 annotations < 50).
    expect(firstRun.updates[0]).toMatchObject({ status: 'in_progress', head_sha: headSha });
    // Authentication as GitHub does it: one app JWT for the installation token, the token for the rest.
    const calls = h.github.requests.filter((r) => r.path.startsWith('/api/v3/'));
    expect(calls.some((r) => r.path === '/api/v3/app/installations/77/access_tokens' && r.auth === 'jwt')).toBe(true);
    expect(calls.filter((r) => r.auth !== 'token' && r.auth !== 'jwt')).toEqual([]);
    // The config was read from the default branch, never from the PR's head.
    const configReads = calls.filter((r) => r.path.endsWith('/contents/.github%2Fpreadmit.yml') || r.path.endsWith('/contents/.github/preadmit.yml'));
    expect(configReads.length).toBeGreaterThan(0);
    // at the commit the default branch names (the one its errors link to)
    const mainSha = git('rev-parse', 'main').trim();
    for (const r of configReads) expect(r.query.ref).toBe(mainSha);
  });

  it('rejects a forged and an unsigned delivery without a single API call', async () => {
    const payload = await pullRequestPayload(h.github, REPO, 1, 'synchronize');
    const before = h.github.requests.length;
    const runsBefore = h.github.checkRuns.length;
    const forged = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET, forgedSignature: signature('not-the-secret', JSON.stringify(payload)) });
    // @octokit/webhooks 14 answers a signature mismatch with 400 (GitHub's docs allow 400 or 401).
    expect([400, 401]).toContain(forged.status);
    expect(forged.body).toMatch(/signature does not match/);
    const unsigned = await deliver(h.app.url, { event: 'pull_request', payload, secret: null });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body).toMatch(/x-hub-signature-256/i);
    // Give any stray asynchronous work a chance to show itself.
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.github.requests.slice(before)).toEqual([]);
    expect(h.github.checkRuns.length).toBe(runsBefore);
  });

  it('runs the check again on `/gatekeeper recheck` from the PR author, and refuses a reader', async () => {
    const runsBefore = h.github.checkRuns.length;
    const comment = h.github.addComment(1, 'dev', '/gatekeeper recheck', REPO);
    const res = await deliver(h.app.url, { event: 'issue_comment', payload: issueCommentPayload(h.github, REPO, 1, comment), secret: WEBHOOK_SECRET });
    expect([200, 202]).toContain(res.status);
    const rerun = await h.github.waitForCheckRun((r) => r.id !== firstRun.id && r.head_sha === headSha && !h.github.checkRuns.slice(0, runsBefore).includes(r), 90_000);
    expect(rerun.conclusion).toBe('failure');
    expect(rerun.output.title).toBe(firstRun.output.title);
    expect(rerun.output.annotations).toEqual(firstRun.output.annotations);
    expect(h.github.reactions).toContainEqual(expect.objectContaining({ repo: REPO, commentId: comment.id }));
    const replies = h.github.comments.filter((c) => c.user === 'preadmit[bot]');
    expect(replies.some((c) => c.body.includes(String(rerun.id)) || c.body.includes(`/runs/${rerun.id}`))).toBe(true);

    const runsNow = h.github.checkRuns.length;
    const repliesNow = replies.length;
    const denied = h.github.addComment(1, 'visitor', '/gatekeeper recheck', REPO);
    await deliver(h.app.url, { event: 'issue_comment', payload: issueCommentPayload(h.github, REPO, 1, denied), secret: WEBHOOK_SECRET });
    const deadline = Date.now() + 20_000;
    while (h.github.comments.filter((c) => c.user === 'preadmit[bot]').length === repliesNow && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const answer = h.github.comments.filter((c) => c.user === 'preadmit[bot]').at(-1);
    expect(answer?.body).toMatch(/@visitor/);
    expect(h.github.checkRuns.length).toBe(runsNow);
    const asked = h.github.requests.filter((r) => r.path === '/api/v3/repos/acme/gitops/collaborators/visitor/permission');
    expect(asked.length).toBeGreaterThan(0);
  });

  it('checks a fork PR in the base repository, reading only the base repository', async () => {
    const runsBefore = h.github.checkRuns.length;
    const before = h.github.requests.length;
    const payload = await pullRequestPayload(h.github, REPO, 2, 'opened');
    expect((payload.pull_request as { head: { repo: { full_name: string } } }).head.repo.full_name).toBe('mallory/gitops');
    const res = await deliver(h.app.url, { event: 'pull_request', payload, secret: WEBHOOK_SECRET });
    expect([200, 202]).toContain(res.status);
    const run = await h.github.waitForCheckRun((r) => r.external_id === 'pr/2', 90_000);
    expect(h.github.checkRuns.length).toBe(runsBefore + 1);
    expect(run.repo).toBe(REPO);
    expect(run.head_sha).toBe(headSha);
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations).toEqual(firstRun.output.annotations);
    expect(h.github.requests.slice(before).filter((r) => r.path.includes('/mallory/'))).toEqual([]);
  });

  it('`preadmit check-pr --dry-run` against the fake GitHub prints the same check run and posts nothing', async () => {
    const before = h.github.requests.length;
    const out = sink();
    const err = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--dry-run', '--api-url', h.http.apiUrl, '-o', 'json'], out.stream, err.stream, { GITHUB_TOKEN: CI_TOKEN });
    expect(err.text()).not.toContain(CI_TOKEN);
    expect(code).toBe(1);
    const printed = JSON.parse(out.text()) as Record<string, unknown>;
    expect(printed).toEqual({
      name: firstRun.name,
      head_sha: firstRun.head_sha,
      status: 'completed',
      conclusion: firstRun.conclusion,
      external_id: firstRun.external_id,
      output: { title: firstRun.output.title, summary: firstRun.output.summary, annotations: firstRun.output.annotations },
    });
    const writes = h.github.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
    expect(h.github.requests.slice(before).every((r) => r.auth === 'token')).toBe(true);
  });

  it('`preadmit check-pr` posts the check run with a CI token', async () => {
    const runsBefore = h.github.checkRuns.length;
    const out = sink();
    const err = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--api-url', h.http.apiUrl, '-o', 'markdown'], out.stream, err.stream, { GITHUB_TOKEN: CI_TOKEN });
    expect(code).toBe(1);
    expect(h.github.checkRuns.length).toBe(runsBefore + 1);
    const posted = h.github.checkRuns.at(-1);
    expect(posted?.status).toBe('completed');
    expect(posted?.output.summary).toBe(firstRun.output.summary);
    expect(out.text()).toContain(firstRun.output.title ?? '<no title>');
    expect(err.text()).toContain(`concluded failure`);
    expect(err.text()).not.toContain(CI_TOKEN);
  });

  it('`preadmit check-pr` says in one line why a full completion was refused, with the run and the error, and sends the minimal one', async () => {
    h.github.failNext('PATCH', /\/check-runs\/\d+$/, 1, 422);
    const err = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--api-url', h.http.apiUrl, '-o', 'markdown'], sink().stream, err.stream, { GITHUB_TOKEN: CI_TOKEN });
    expect(code).toBe(1);
    const posted = h.github.checkRuns.at(-1);
    expect(posted?.status).toBe('completed');
    expect(err.text()).toMatch(new RegExp(`warning: check run completion failed; minimal completion sent \\(run=${posted?.id}\\): .*422`));
    expect(err.text()).not.toContain(CI_TOKEN);
  });

  it('`preadmit check-pr --dry-run -o text` prints the check run for people', async () => {
    const out = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--dry-run', '--api-url', h.http.apiUrl], out.stream, sink().stream, { GITHUB_TOKEN: CI_TOKEN });
    expect(code).toBe(1);
    const text = out.text();
    expect(text).toContain(`Check run "${CHECK_RUN_NAME}" on ${headSha} (dry run: nothing was posted)`);
    expect(text).toContain('conclusion: failure');
    expect(text).toContain(`title: ${firstRun.output.title}`);
    expect(text).toContain(`annotations (${firstRun.output.annotations.length}):`);
    for (const a of firstRun.output.annotations) {
      const where = a.start_line === a.end_line ? `${a.start_line}` : `${a.start_line}-${a.end_line}`;
      expect(text).toContain(`  ${a.path}:${where} [${a.annotation_level}]`);
    }
  });

  it('`preadmit check-pr` explains a token that cannot create check runs, before simulating anything', async () => {
    const before = h.github.requests.length;
    const err = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--api-url', h.http.apiUrl], sink().stream, err.stream, { GITHUB_TOKEN: READ_ONLY_TOKEN });
    expect(code).toBe(1);
    expect(err.text()).toMatch(/cannot create the check run on [0-9a-f]{40}: .*403.*personal access tokens cannot/);
    expect(err.text()).not.toContain(READ_ONLY_TOKEN);
    const made = h.github.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(made).toEqual(['GET /api/v3/repos/acme/gitops/pulls/1', 'POST /api/v3/repos/acme/gitops/check-runs']);
  });

  it('`preadmit check-pr` refuses a bad token clearly and never prints it', async () => {
    const out = sink();
    const err = sink();
    const code = await runCheckPr(['--repo', REPO, '--pr', '1', '--api-url', h.http.apiUrl], out.stream, err.stream, { GITHUB_TOKEN: 'ghp_wrongwrongwrongwrongwrongwrong1234' });
    expect(code).toBe(1);
    expect(err.text()).toMatch(/cannot read acme\/gitops#1: .*401|Bad credentials/);
    expect(err.text()).not.toContain('ghp_wrongwrongwrongwrongwrongwrong1234');
    expect(await runCheckPr(['--repo', 'nope', '--pr', '1'], out.stream, err.stream, {})).toBe(2);
    expect(await runCheckPr(['--repo', REPO, '--pr', '1'], out.stream, err.stream, {})).toBe(2); // no token, no dry run
  });
});

