// Webhook deliveries as GitHub makes them: real payload shapes from @octokit/webhooks-examples, with the
// repository, PR, shas and installation of the fake GitHub (test/support/github), signed with `X-Hub-Signature-256` and POSTed
// over HTTP.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import webhookExamples from '@octokit/webhooks-examples';
import type { FakeRepo, GitHubModel } from '../support/github/model.ts';

type Json = Record<string, unknown>;

interface ExampleDefinition {
  name: string;
  examples: Json[];
}

function example(event: string, action: string): Json {
  const defs = webhookExamples as unknown as ExampleDefinition[];
  const found = defs.find((d) => d.name === event)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

export function generateAppKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function repositoryJson(github: GitHubModel, repo: FakeRepo): Json {
  return {
    id: 4242,
    node_id: 'R_standin',
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private ?? false,
    owner: { login: repo.owner, id: 1, type: 'Organization' },
    html_url: `${github.webUrl}/${repo.owner}/${repo.name}`,
    url: `${github.apiUrl}/repos/${repo.owner}/${repo.name}`,
    default_branch: repo.defaultBranch,
    fork: false,
  };
}

/** A `pull_request` payload for one of the fake GitHub's PRs, from the real example's shape. */
export async function pullRequestPayload(github: GitHubModel, fullName: string, number: number, action = 'opened'): Promise<Json> {
  const repo = github.repo(fullName);
  const payload = example('pull_request', action === 'synchronize' || action === 'reopened' ? 'opened' : action);
  payload.action = action;
  const pr = await fetchJson(github, `/repos/${repo.owner}/${repo.name}/pulls/${number}`);
  const repository = repositoryJson(github, repo);
  const template = payload.pull_request as Json;
  const head = pr.head as Json;
  const base = pr.base as Json;
  payload.number = number;
  payload.pull_request = {
    ...template,
    number,
    title: pr.title,
    state: 'open',
    draft: false,
    user: { ...(template.user as Json), login: (pr.user as Json).login, type: 'User' },
    html_url: pr.html_url,
    head: { ...(template.head as Json), ref: head.ref, sha: head.sha, label: head.label, repo: { ...repository, ...(head.repo as Json) }, user: { login: String(head.label).split(':')[0] } },
    base: { ...(template.base as Json), ref: base.ref, sha: base.sha, label: base.label, repo: repository, user: { login: repo.owner } },
    changed_files: pr.changed_files,
  };
  payload.repository = repository;
  payload.sender = { login: (pr.user as Json).login, id: 7, type: 'User' };
  payload.installation = { id: repo.installationId, node_id: 'I_standin' };
  return payload;
}

/** An `issue_comment.created` payload for a comment on one of the fake GitHub's PRs. */
export function issueCommentPayload(github: GitHubModel, fullName: string, number: number, comment: { id: number; user: string; body: string; type?: 'User' | 'Bot' }): Json {
  const repo = github.repo(fullName);
  const payload = example('issue_comment', 'created');
  const issue = payload.issue as Json;
  const pull = repo.pulls.find((p) => p.number === number);
  payload.issue = {
    ...issue,
    number,
    state: 'open',
    user: { login: pull?.author ?? 'someone', type: 'User' },
    html_url: `${github.webUrl}/${repo.owner}/${repo.name}/pull/${number}`,
    pull_request: { url: `${github.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/${number}`, html_url: `${github.webUrl}/${repo.owner}/${repo.name}/pull/${number}` },
  };
  payload.comment = {
    ...(payload.comment as Json),
    id: comment.id,
    body: comment.body,
    user: { login: comment.user, id: 99, type: comment.type ?? 'User' },
    author_association: 'CONTRIBUTOR',
  };
  payload.repository = repositoryJson(github, repo);
  payload.sender = { login: comment.user, id: 99, type: comment.type ?? 'User' };
  payload.installation = { id: repo.installationId, node_id: 'I_standin' };
  return payload;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  event: string;
  payload: Json;
  /** The webhook secret to sign with; `null` sends no signature header at all. */
  secret: string | null;
  id?: string;
  /** Overrides the computed signature (a forged delivery). */
  forgedSignature?: string;
  path?: string;
}

/** POSTs one delivery to the app's server and returns the HTTP status and body. */
export async function deliver(appUrl: string, d: Delivery): Promise<{ status: number; body: string; id: string }> {
  const body = JSON.stringify(d.payload);
  const id = d.id ?? randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/standin',
    'x-github-event': d.event,
    'x-github-delivery': id,
    'x-github-hook-id': '1',
  };
  if (d.secret !== null) headers['x-hub-signature-256'] = d.forgedSignature ?? signature(d.secret, body);
  const res = await fetch(`${appUrl.replace(/\/$/, '')}${d.path ?? '/api/github/webhooks'}`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text(), id };
}

async function fetchJson(github: GitHubModel, path: string): Promise<Json> {
  // The fake GitHub needs a token it knows: use the one the test harness registered for itself.
  // A kept-alive socket the server closed at the same moment resets the request: asked again then.
  const get = () => fetch(`${github.apiUrl}${path}`, { headers: { authorization: `token ${HARNESS_TOKEN}` } });
  const res = await get().catch(get);
  if (!res.ok) throw new Error(`fake GitHub ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}

/** A token every harness registers with `acceptTokens`, for the harness's own reads. */
export const HARNESS_TOKEN = 'harness-token-not-a-secret';
