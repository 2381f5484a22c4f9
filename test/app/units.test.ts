// The app's plain parts without GitHub: the queue's coalescing, deadlines and limits, the rate-limit rules,
// redaction, and command parsing.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/app/commands.ts';
import { parseExternalId, externalIdOf } from '../../src/github/check-runs.ts';
import { CheckQueue, DeliveryLog, type EndReason, type QueuedCheck } from '../../src/app/queue.ts';
import { redact } from '../../src/github/errors.ts';
import { mergeGroupKey, prKey, targetOf } from '../../src/app/check-service.ts';

interface Probe extends QueuedCheck {
  ended: [EndReason, string][];
  ran: boolean;
  release: () => void;
}

function probe(key: string, sha: string, id: number, options: { hang?: boolean } = {}): Probe {
  let release = () => undefined as void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const p: Probe = {
    key,
    sha,
    checkRunId: id,
    ended: [],
    ran: false,
    release: () => release(),
    run: async () => {
      p.ran = true;
      if (options.hang) await gate;
    },
    end: async (reason, detail) => {
      p.ended.push([reason, detail]);
    },
  };
  return p;
}

describe('CheckQueue', () => {
  it('runs at most `concurrency` jobs at once and the rest in order', async () => {
    const q = new CheckQueue({ concurrency: 2 });
    const jobs = [probe('a', '1', 1, { hang: true }), probe('b', '1', 2, { hang: true }), probe('c', '1', 3)];
    for (const j of jobs) q.push(j);
    await new Promise((r) => setImmediate(r));
    expect(jobs.map((j) => j.ran)).toEqual([true, true, false]);
    expect(q.running).toBe(2);
    jobs[0]?.release();
    await new Promise((r) => setImmediate(r));
    expect(jobs[2]?.ran).toBe(true);
    jobs[1]?.release();
    await q.idle();
  });

  it('cancel() ends queued and running work of one key (a closed PR, a destroyed merge group)', async () => {
    const q = new CheckQueue({ concurrency: 1 });
    const running = probe('pr', 'x', 1, { hang: true });
    const other = probe('other', 'z', 3);
    q.push(running);
    q.push(other);
    q.cancel('pr', 'closed');
    expect(running.ended).toEqual([['cancelled', 'closed']]);
    expect(other.ended).toEqual([]);
    running.release();
    await q.idle();
    expect(other.ran).toBe(true);
  });

  it('a job past its deadline is ended as a timeout and frees its slot', async () => {
    const q = new CheckQueue({ concurrency: 1, jobTimeoutMs: 20 });
    const stuck = probe('a', '1', 1, { hang: true });
    const next = probe('b', '1', 2);
    q.push(stuck);
    q.push(next);
    await q.idle();
    expect(stuck.ended.map(([r]) => r)).toEqual(['timeout']);
    expect(next.ran).toBe(true);
    stuck.release();
    await q.settled();
  });

  it('refuses work beyond maxQueued instead of piling it up', async () => {
    const q = new CheckQueue({ concurrency: 1, maxQueued: 1 });
    const a = probe('a', '1', 1, { hang: true });
    const b = probe('b', '1', 2);
    const c = probe('c', '1', 3);
    q.push(a);
    q.push(b);
    q.push(c);
    expect(c.ended.map(([r]) => r)).toEqual(['overflow']);
    a.release();
    await q.idle();
    expect(b.ran).toBe(true);
    expect(c.ran).toBe(false);
  });

  it('reports the runs it still owns', () => {
    const q = new CheckQueue({ concurrency: 1 });
    q.push(probe('a', '1', 11, { hang: true }));
    q.push(probe('b', '1', 12));
    expect([...q.activeCheckRuns()].sort()).toEqual([11, 12]);
  });
});

describe('DeliveryLog', () => {
  it('recognises a redelivery or a replay by any of its keys, forgets failed ones, and stays bounded', async () => {
    const log = new DeliveryLog(4);
    expect(await log.begin(['id:a', 'payload:1'])).toBe(true);
    log.done(['id:a', 'payload:1']);
    expect(await log.begin(['id:a', 'payload:1'])).toBe(false); // redelivery
    expect(await log.begin(['id:z', 'payload:1'])).toBe(false); // the same payload under a new id
    expect(await log.begin(['id:b', 'payload:2'])).toBe(true);
    log.failed(['id:b', 'payload:2']);
    expect(await log.begin(['id:b', 'payload:2'])).toBe(true); // a failed one is handled again
    log.done(['id:b', 'payload:2']);
    expect(await log.begin(['id:c', 'payload:3'])).toBe(true);
    log.done(['id:c', 'payload:3']);
    expect(await log.begin(['id:a', 'payload:1'])).toBe(true); // evicted: the oldest beyond capacity
  });

  it('makes a redelivery that arrives while the original is handled wait for its outcome', async () => {
    const log = new DeliveryLog();
    expect(await log.begin(['id:a'])).toBe(true);
    const second = log.begin(['id:a']);
    log.failed(['id:a']); // the original failed: the redelivery is handled
    expect(await second).toBe(true);
    const third = log.begin(['id:a']);
    log.done(['id:a']); // the redelivery succeeded: a third copy is a duplicate
    expect(await third).toBe(false);
  });

  it('forgets entries older than its window', async () => {
    const log = new DeliveryLog(10, 0);
    expect(await log.begin(['id:a'])).toBe(true);
    log.done(['id:a']);
    await new Promise((r) => setTimeout(r, 5));
    expect(await log.begin(['id:a'])).toBe(true);
  });
});

describe('redaction', () => {
  it('removes installation tokens, keys, JWTs and the given secrets', () => {
    const text = redact(
      'token ghs_abcdefghijklmnopqrstuvwxyz0123 and -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEyM30.c2lnbmF0dXJlLXZhbHVl my-webhook-secret',
      ['my-webhook-secret'],
    );
    expect(text).not.toMatch(/ghs_|MIIE|eyJ|my-webhook-secret/);
  });
});

describe('commands and external ids', () => {
  it('parses /gatekeeper commands', () => {
    expect(parseCommand('/gatekeeper recheck')).toEqual({ name: 'recheck' });
    expect(parseCommand('  /Gatekeeper RECHECK please')).toEqual({ name: 'recheck' });
    expect(parseCommand('/gatekeeper')).toEqual({ name: 'help' });
    expect(parseCommand('text\n/gatekeeper frobnicate')).toEqual({ name: 'unknown', word: 'frobnicate' });
    expect(parseCommand('see /gatekeeper recheck')).toBeUndefined();
    expect(parseCommand('~~~\n/gatekeeper recheck\n~~~')).toBeUndefined();
    expect(parseCommand(null)).toBeUndefined();
  });

  it('parses comments as CommonMark: code, HTML comments, quotes and odd fences are never commands', () => {
    const notCommands = [
      '    /gatekeeper recheck', // an indented code block
      'text\n\n    /gatekeeper recheck',
      '<!--\n/gatekeeper recheck\n-->', // an HTML comment
      '<!-- /gatekeeper recheck -->',
      '```\n/gatekeeper recheck\n~~~\nstill code', // a mismatched closing fence does not close
      '````\n```\n/gatekeeper recheck\n````', // a shorter fence inside a longer one
      '```\n/gatekeeper recheck', // an unclosed fence runs to the end
      '> /gatekeeper recheck',
      '> quote\n/gatekeeper recheck', // a lazy continuation line is still quoted
      '`/gatekeeper recheck`',
      '<details>\n/gatekeeper recheck\n</details>', // an HTML block
      '/gatekeeper`recheck`',
    ];
    for (const body of notCommands) expect(parseCommand(body), JSON.stringify(body)).toBeUndefined();
    expect(parseCommand('/gatekeeper recheck <!-- why -->')).toEqual({ name: 'recheck' });
    expect(parseCommand('```\ncode\n```\n/gatekeeper recheck')).toEqual({ name: 'recheck' });
    expect(parseCommand('- /gatekeeper recheck')).toEqual({ name: 'recheck' });
    expect(parseCommand('Thanks!\r\n\r\n/gatekeeper help')).toEqual({ name: 'help' });
  });

  it('round-trips external ids and rejects anything else', () => {
    expect(parseExternalId(externalIdOf({ kind: 'pull_request', pullNumber: 12 }))).toEqual({ kind: 'pull_request', pullNumber: 12 });
    const sha = 'a'.repeat(40);
    expect(parseExternalId(externalIdOf({ kind: 'merge_group', baseSha: sha }))).toEqual({ kind: 'merge_group', baseSha: sha });
    for (const bad of ['', 'pr/0', 'pr/1x', 'mg/abc', null]) expect(parseExternalId(bad)).toBeUndefined();
  });
});

describe('check targets', () => {
  const sha = (c: string) => c.repeat(40);
  it('derive the coalescing key, the run origin and the head once from a request', () => {
    const pr = { owner: 'Acme', repo: 'GitOps', pullNumber: 7, baseRef: 'main', baseSha: sha('a'), headSha: sha('b'), defaultBranch: 'main' };
    expect(targetOf({ kind: 'pull_request', pr, htmlUrl: 'https://github.com/Acme/GitOps' })).toEqual({
      key: 'acme/gitops#7',
      origin: { kind: 'pull_request', pullNumber: 7 },
      owner: 'Acme',
      repo: 'GitOps',
      headSha: sha('b'),
      htmlUrl: 'https://github.com/Acme/GitOps',
    });
    const group = { owner: 'Acme', repo: 'GitOps', baseRef: 'refs/heads/main', baseSha: sha('c'), headRef: 'refs/heads/gh-readonly-queue/main/pr-7-x', headSha: sha('d'), defaultBranch: 'main' };
    const t = targetOf({ kind: 'merge_group', group });
    expect(t).toEqual({ key: 'acme/gitops@refs/heads/gh-readonly-queue/main/pr-7-x', origin: { kind: 'merge_group', baseSha: sha('c') }, owner: 'Acme', repo: 'GitOps', headSha: sha('d') });
    // The external id the run carries brings a re-run back to the same target.
    expect(parseExternalId(externalIdOf(t.origin))).toEqual(t.origin);
    expect(t.key).toBe(mergeGroupKey('ACME', 'gitops', group.headRef));
    expect(prKey('Acme', 'GitOps', 7)).toBe('acme/gitops#7');
  });
});
