// Remote charts: fetched by preadmit itself from a real chart repository served on loopback, only from
// allowed repositories, checked (digest, size, time, redirects, archive content) and cached by digest.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartAllowList, resolveRemoteChart, type ChartAllowList } from '../../src/render/helm/remote.ts';
import { pickVersion } from '../../src/render/helm/version.ts';
import { ChartRepo, handmadeTgz } from '../support/chart-repo.ts';

const declaredAt = { file: 'charts/app/Chart.yaml', startLine: 7 };

describe('resolveRemoteChart', () => {
  const repo = new ChartRepo();
  const other = new ChartRepo();
  let allow: ChartAllowList;
  const cache = () => mkdtempSync(path.join(os.tmpdir(), 'preadmit-chart-cache-'));

  beforeAll(async () => {
    repo.addChart('web', '1.0.0');
    repo.addChart('web', '1.2.0');
    repo.addChart('web', '1.3.0-rc.1');
    repo.addChart('web', '2.0.0');
    repo.index();
    await repo.start();
    other.addChart('web', '1.0.0');
    other.index();
    await other.start();
    allow = chartAllowList(`${repo.url}/`).allow;
  });
  afterAll(async () => {
    await repo.stop();
    await other.stop();
  });

  it('fetches an exact version, checks the index digest, unpacks it, and serves the second request from the cache', async () => {
    const cacheDir = cache();
    const before = repo.requests.length;
    const r = await resolveRemoteChart({ repoUrl: repo.url, chart: 'web', version: '1.2.0', declaredAt }, { allow, cacheDir });
    expect(r).toMatchObject({ ok: true, version: '1.2.0', digest: repo.digestOf('web', '1.2.0') });
    if (!r.ok) return;
    expect(readFileSync(path.join(r.dir, 'Chart.yaml'), 'utf8')).toContain('version: 1.2.0');
    expect(readdirSync(path.join(r.dir, 'templates'))).toEqual(['cm.yaml']);
    expect(repo.requests.slice(before)).toEqual(['/index.yaml', '/web-1.2.0.tgz']);
    const again = await resolveRemoteChart({ repoUrl: repo.url, chart: 'web', version: '1.2.0', declaredAt }, { allow, cacheDir });
    expect(again).toEqual(r);
    expect(repo.requests.length).toBe(before + 2);
  });

  it('two requests resolving to the same archive at once share one unpacked copy (no rename race)', async () => {
    const cacheDir = cache();
    const reqs = ['1.2.0', '^1.0.0', '~1.2', '>=1.1 <2'].map((version) => resolveRemoteChart({ repoUrl: repo.url, chart: 'web', version, declaredAt }, { allow, cacheDir }));
    const results = await Promise.all(reqs);
    for (const r of results) expect(r).toMatchObject({ ok: true, version: '1.2.0', digest: repo.digestOf('web', '1.2.0') });
    expect(new Set(results.map((r) => (r.ok ? r.dir : r.reason))).size).toBe(1);
    expect(readdirSync(path.join(cacheDir, 'charts', 'sha256')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('resolves a semver constraint as helm does (highest match, pre-releases only when asked for)', async () => {
    const r = await resolveRemoteChart({ repoUrl: repo.url, chart: 'web', version: '^1.0.0', declaredAt }, { allow, cacheDir: cache() });
    expect(r).toMatchObject({ ok: true, version: '1.2.0' });
    expect(pickVersion('~1.2.0-0', ['1.2.0', '1.2.5-rc.1', '1.3.0'])).toEqual({ version: '1.2.5-rc.1' });
    expect(pickVersion('>=1.0, <2', ['0.9.0', '1.4.0', '2.0.0'])).toEqual({ version: '1.4.0' });
    expect(pickVersion('1.x || 3.x', ['1.1.0', '2.0.0', '3.0.1'])).toEqual({ version: '3.0.1' });
    expect(pickVersion('1.0 - 1.4', ['1.0.0', '1.4.9', '1.5.0'])).toEqual({ version: '1.4.9' });
    expect(pickVersion('^0.2.3', ['0.2.3', '0.2.9', '0.3.0'])).toEqual({ version: '0.2.9' });
    expect(pickVersion('v1.2.0', ['v1.2.0'])).toEqual({ version: 'v1.2.0' });
    expect(pickVersion('9.9.9', ['1.0.0'])).toMatchObject({ reason: expect.stringContaining("satisfies '9.9.9'") });
    expect(pickVersion('not a version!', ['1.0.0'])).toMatchObject({ reason: expect.stringContaining('neither a version nor a semver constraint') });
  });

  it('refuses a repository not on the operator list, and a repository list cannot widen the operator list', async () => {
    const r = await resolveRemoteChart({ repoUrl: other.url, chart: 'web', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(`chart repository ${other.url} is not allowed`);
    expect(other.requests).toEqual([]);
    const narrowed = chartAllowList(`${repo.url} ${other.url}/sub`, [`${other.url}/sub/charts`, other.url, 'https://evil.example/']);
    expect(narrowed.allow.entries).toEqual([`${other.url}/sub/charts`]);
    expect(narrowed.ignored).toEqual([other.url, 'https://evil.example/']);
    // A path prefix only covers what lies below it at a path boundary.
    expect(chartAllowList(`${repo.url}/charts`).allow.entries).toEqual([`${repo.url}/charts`]);
    const prefix = chartAllowList(`${repo.url}/charts`).allow;
    const sibling = await resolveRemoteChart({ repoUrl: `${repo.url}/charts-evil`, chart: 'web', version: '1.0.0', declaredAt }, { allow: prefix, cacheDir: cache() });
    expect(sibling.ok).toBe(false);
    for (const repoUrl of ['oci://registry.example/charts', 'file:///etc', `http://user:pw@127.0.0.1:1/`]) {
      const bad = await resolveRemoteChart({ repoUrl, chart: 'web', version: '1.0.0', declaredAt }, { allow, cacheDir: cache() });
      expect(bad.ok).toBe(false);
    }
  });

  it('refuses an archive whose digest differs from the index or the pin', async () => {
    const lying = new ChartRepo();
    const archive = lying.addChart('web', '1.0.0');
    lying.writeIndex([{ name: 'web', version: '1.0.0', digest: 'a'.repeat(64) }]);
    await lying.start();
    try {
      const a = chartAllowList(lying.url).allow;
      const r = await resolveRemoteChart({ repoUrl: lying.url, chart: 'web', version: '1.0.0', declaredAt }, { allow: a, cacheDir: cache() });
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining("does not match the index's") });
      lying.writeIndex([{ name: 'web', version: '1.0.0' }]);
      const pinned = await resolveRemoteChart({ repoUrl: lying.url, chart: 'web', version: '1.0.0', digest: `sha256:${'b'.repeat(64)}`, declaredAt }, { allow: a, cacheDir: cache() });
      expect(pinned).toMatchObject({ ok: false, reason: expect.stringContaining('does not match the pinned') });
      const right = await resolveRemoteChart({ repoUrl: lying.url, chart: 'web', version: '1.0.0', digest: lying.digestOf('web', '1.0.0'), declaredAt }, { allow: a, cacheDir: cache() });
      expect(right.ok).toBe(true);
      expect(existsSync(archive)).toBe(true);
    } finally {
      await lying.stop();
    }
  });

  it('refuses archives with links, paths leaving the chart, or too much content', async () => {
    const bad = new ChartRepo();
    const chartYaml = { name: 'web/Chart.yaml', body: 'apiVersion: v2\nname: web\nversion: 1.0.0\n' };
    const cases: [string, Buffer, string][] = [
      ['1.0.1', handmadeTgz([chartYaml, { name: 'web/../../escape.yaml', body: 'x' }]), 'leaves the chart'],
      ['1.0.2', handmadeTgz([chartYaml, { name: '/etc/passwd', body: 'x' }]), 'leaves the chart'],
      ['1.0.3', handmadeTgz([chartYaml, { name: 'web/templates/link.yaml', type: '2', link: '/etc/passwd' }]), 'symbolic link'],
      ['1.0.4', handmadeTgz([chartYaml, { name: 'web/templates/hard.yaml', type: '1', link: 'web/Chart.yaml' }]), 'hard link'],
      ['1.0.5', handmadeTgz([chartYaml, { name: 'web/big.txt', body: 'x'.repeat(300_000) }]), 'unpacks to more than'],
      ['1.0.6', handmadeTgz([chartYaml, { name: 'web/fifo', type: '6' }]), 'not a regular file'],
      ['1.0.7', Buffer.from('not gzip at all'), 'not a gzip archive'],
      ['1.0.8', handmadeTgz([{ name: 'other/Chart.yaml', body: 'name: other' }]), 'no web/Chart.yaml'],
    ];
    for (const [version, archive] of cases) bad.addArchive('web', version, archive);
    bad.writeIndex(cases.map(([version]) => ({ name: 'web', version })));
    await bad.start();
    try {
      const a = chartAllowList(bad.url).allow;
      const cacheDir = cache();
      for (const [version, , reason] of cases) {
        const r = await resolveRemoteChart({ repoUrl: bad.url, chart: 'web', version, declaredAt }, { allow: a, cacheDir, limits: { maxUnpackedBytes: 200_000 } });
        expect(r, version).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
      }
      expect(existsSync(path.join(cacheDir, '..', 'escape.yaml'))).toBe(false);
    } finally {
      await bad.stop();
    }
  });

  it('refuses an oversized index or archive (declared or streamed), a slow server, and redirects to other hosts', async () => {
    const hostile = new ChartRepo();
    hostile.addChart('web', '1.0.0');
    hostile.index();
    await hostile.start();
    try {
      const a = chartAllowList(hostile.url).allow;
      const ask = (limits = {}) => resolveRemoteChart({ repoUrl: hostile.url, chart: 'web', version: '1.0.0', declaredAt }, { allow: a, cacheDir: cache(), limits });
      expect(await ask({ maxBytes: 100 })).toMatchObject({ ok: false, reason: expect.stringContaining('larger than 100 bytes') });
      // Streamed without a length: cut off at the cap all the same.
      hostile.hook = (req, res) => {
        if (!req.url!.endsWith('.tgz')) return false;
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(10_000));
        res.end();
        return true;
      };
      expect(await ask({ maxBytes: 50_000 })).toMatchObject({ ok: false, reason: expect.stringContaining('archive: http') });
      expect(await ask({ maxBytes: 50_000 })).toMatchObject({ ok: false, reason: expect.stringContaining('larger than 50000 bytes: refused') });
      hostile.hook = (req, res) => {
        if (!req.url!.endsWith('.tgz')) return false;
        res.writeHead(200);
        res.write('x'); // and never finishes
        return true;
      };
      expect(await ask({ timeoutMs: 300 })).toMatchObject({ ok: false, reason: expect.stringContaining('no complete answer within 300 ms') });
      hostile.hook = (req, res) => {
        if (!req.url!.endsWith('.tgz')) return false;
        res.writeHead(302, { location: `${other.url}/web-1.0.0.tgz` }).end();
        return true;
      };
      const before = other.requests.length;
      expect(await ask()).toMatchObject({ ok: false, reason: expect.stringContaining('redirect to') });
      expect(other.requests.length).toBe(before);
      // A redirect within the allowed host is followed.
      hostile.hook = (req, res) => {
        if (req.url === '/moved/web-1.0.0.tgz') {
          res.writeHead(200).end(readFileSync(path.join(hostile.dir, 'web-1.0.0.tgz')));
          return true;
        }
        if (!req.url!.endsWith('.tgz')) return false;
        res.writeHead(301, { location: '/moved/web-1.0.0.tgz' }).end();
        return true;
      };
      expect(await ask()).toMatchObject({ ok: true, version: '1.0.0' });
      // No credentials are ever sent.
      hostile.hook = (req) => {
        expect(req.headers.authorization).toBeUndefined();
        expect(req.headers.cookie).toBeUndefined();
        return false;
      };
      expect(await ask()).toMatchObject({ ok: true });
    } finally {
      await hostile.stop();
    }
  });
});
