// Shared pieces of the app's tests: a Probot with a freshly generated key, real webhook payload shapes from
// @octokit/webhooks-examples adapted to the fake repository, a log that the tests can read, and the setup of a
// suite that runs the app against the fake GitHub.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createRuntime, type Runtime } from '../../src/engine/runtime.ts';
import { createPreadmitApp, type PreadmitAppHandle, type PreadmitAppOptions } from '../../src/app/index.ts';
import { githubOctokit, type GitHubClientPolicy } from '../../src/github/client.ts';
import { buildRepo } from '../support/git-repo.ts';
import { GitHubModel } from '../support/github/model.ts';
import { interceptWithNock } from '../support/github/nock.ts';
import { BRANCHES } from './fixture-repo.ts';

export const APP_ID = 4242;
export const INSTALLATION_ID = 77;

export const PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;

type Json = Record<string, unknown>;

interface WebhookDefinition {
  name: string;
  examples: Json[];
}

const require = createRequire(import.meta.url);
const examples = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as WebhookDefinition[];

/** A deep copy of the first example of `event`.`action` that has an installation (Probot needs one). */
export function examplePayload(event: string, action: string, pick: (p: Json) => boolean = () => true): Json {
  const def = examples.find((d) => d.name === event);
  const found = def?.examples.find((p) => p.action === action && p.installation != null && pick(p));
  if (found === undefined) throw new Error(`no example payload for ${event}.${action}`);
  return structuredClone(found);
}

/** Points a payload's repository (and installation) at the fake. */
export function retarget(payload: Json, owner: string, repo: string): Json {
  const r = payload.repository as Json;
  r.name = repo;
  r.full_name = `${owner}/${repo}`;
  (r.owner as Json).login = owner;
  r.html_url = `https://github.com/${owner}/${repo}`;
  r.default_branch = 'main';
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=' };
  return payload;
}

export interface TestApp {
  probot: Probot;
  handle: PreadmitAppHandle;
  logs: string[];
  receive(name: string, payload: Json, id?: string): Promise<void>;
}

let deliveries = 0;

/**
 * The fake GitHub (test/support/github) answering in nock at `apiUrl` (github.com's API by default), serving the
 * git repository `repoDir` as `owner/repo` of installation INSTALLATION_ID to the app APP_ID (PRIVATE_KEY).
 */
export function fakeGitHub(repoDir: string, owner: string, repo: string, options: { defaultBranch?: string; apiUrl?: string } = {}): GitHubModel {
  const model = new GitHubModel({ appId: APP_ID, privateKeyPem: PRIVATE_KEY, repos: [{ owner, name: repo, gitDir: repoDir, defaultBranch: options.defaultBranch ?? 'main', installationId: INSTALLATION_ID, pulls: [] }] });
  interceptWithNock(model, options.apiUrl);
  return model;
}

/** The app's options, and the GitHub client policy of its Probot (default: as Probot's templates, no throttling or retry). */
export type TestAppOptions = Partial<PreadmitAppOptions> & { github?: GitHubClientPolicy };

export async function makeApp(runtime: Runtime, options: TestAppOptions = {}): Promise<TestApp> {
  const { github, ...appOptions } = options;
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const log = pino({ level: 'trace' }, stream);
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    log,
    // The production client (src/github/client.ts); as in Probot's own templates, its throttling and retry
    // plugins are off unless a test asks for them (rate-limit tests pass `github`).
    Octokit: githubOctokit(ProbotOctokit, github ?? { throttle: false, retryServerErrors: false }),
  });
  const { appFn, handle } = createPreadmitApp({ runtime, appId: APP_ID, ...appOptions });
  await probot.load(appFn);
  const h = handle();
  if (h === undefined) throw new Error('app not loaded');
  return {
    probot,
    handle: h,
    logs,
    receive: (name, payload, id) => probot.receive({ id: id ?? `delivery-${++deliveries}`, name, payload } as Parameters<Probot['receive']>[0]),
  };
}

/** The state of a suite of app tests (see useAppSuite); `app` and `repoName` change for every test. */
export interface AppSuite {
  runtime: Runtime;
  repo: ReturnType<typeof buildRepo>;
  fake: GitHubModel;
  app: TestApp;
  /** The fake repository's name: a new one per test, since GitHubSource caches trees and blobs per repository for the whole process. */
  repoName: string;
  /** Closes the current app and makes another with `options`. */
  swapApp(options: TestAppOptions): Promise<TestApp>;
}

/**
 * Registers the hooks of a suite of app tests: one runtime and one repository (BRANCHES) for the file; for each
 * test a new repository name (`<prefix>-<n>`) served by a FakeGitHub in nock with other network connections
 * refused, and a fresh app, closed after it. `sync` is called after every hook, to copy the state into the
 * test file's own variables.
 */
export function useAppSuite(owner: string, prefix: string, sync: (suite: AppSuite) => void = () => undefined): AppSuite {
  let count = 0;
  const suite = {
    repoName: prefix,
    async swapApp(options: TestAppOptions): Promise<TestApp> {
      await suite.app.handle.close(60_000);
      suite.app = await makeApp(suite.runtime, options);
      sync(suite);
      return suite.app;
    },
  } as AppSuite;
  beforeAll(() => {
    suite.runtime = createRuntime();
    suite.repo = buildRepo(BRANCHES);
    sync(suite);
  });
  afterAll(async () => {
    await suite.runtime.close();
    suite.repo.cleanup();
  });
  beforeEach(async () => {
    suite.repoName = `${prefix}-${++count}`;
    nock.disableNetConnect();
    suite.fake = fakeGitHub(suite.repo.dir, owner, suite.repoName);
    suite.app = await makeApp(suite.runtime);
    sync(suite);
  });
  afterEach(async () => {
    await suite.app.handle.close(60_000);
    nock.cleanAll();
    nock.enableNetConnect();
  });
  return suite;
}

/** The app's log lines (pino JSON) with message `msg` (every line without it). */
export function logged(app: { logs: string[] }, msg?: string): Record<string, unknown>[] {
  const entries = app.logs.flatMap((chunk) => chunk.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
  return msg === undefined ? entries : entries.filter((e) => e.msg === msg);
}
