// The one tar reader (src/util/tar.ts) on real archives (git archive, opa build) and on every class of hostile archive:
// corrupt or truncated headers, sizes it cannot read, path traversal (plain, through pax or GNU long names), links,
// devices, a file below a file, too many bytes (a gzip bomb included) or entries. The chart extractor and the GitHub
// tarball reader are checked on the same classes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubSource, gitBlobSha } from '../../src/github/source.ts';
import { findTool } from '../../src/opa/tools.ts';
import { extractTarGz, gunzipArchive, readTar, readTarGz, safeArchivePath, TarError } from '../../src/util/tar.ts';
import { handmadeTgz } from '../support/chart-repo.ts';
import { GitRepo } from '../support/git-repo.ts';

type Entry = Parameters<typeof handmadeTgz>[0][number];
const tar = (entries: Entry[]): Buffer => gunzipSync(handmadeTgz(entries));
/** A pax extended header giving `key=value` to the next entry. */
const pax = (key: string, value: string): Entry => {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return { name: 'PaxHeader', type: 'x', body: `${len}${body}` };
};

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'preadmit-tar-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('util/tar: real archives', () => {
  let repo: GitRepo;
  const long = `deep/${'d'.repeat(90)}/${'e'.repeat(90)}/file.yaml`;
  beforeAll(() => {
    repo = GitRepo.temp('preadmit-tar-git-');
    repo.commit({ [long]: 'kind: Long\n', 'scripts/run.sh': '#!/bin/sh\n', 'a.yaml': 'a: 1\n' });
    execFileSync('chmod', ['+x', path.join(repo.dir, 'scripts/run.sh')]);
    execFileSync('ln', ['-s', 'a.yaml', path.join(repo.dir, 'link.yaml')]);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'modes and links');
  });
  afterAll(() => repo.cleanup());

  it('reads git archive output: pax long paths, executable modes, symbolic link targets; blob shas as git computes them', () => {
    const tgz = execFileSync('git', ['-C', repo.dir, 'archive', '--format=tar.gz', '--prefix=x-y-z/', 'HEAD']);
    const entries = readTarGz(tgz);
    const file = entries.find((e) => e.path === `x-y-z/${long}`);
    expect(file?.type).toBe('file');
    expect(file?.bytes.toString()).toBe('kind: Long\n');
    expect(gitBlobSha(file!.bytes)).toBe(repo.git('rev-parse', `HEAD:${long}`).trim());
    expect((entries.find((e) => e.path === 'x-y-z/scripts/run.sh')!.mode & 0o111) !== 0).toBe(true);
    expect((entries.find((e) => e.path === 'x-y-z/a.yaml')!.mode & 0o111) !== 0).toBe(false);
    expect(entries.find((e) => e.path === 'x-y-z/link.yaml')).toMatchObject({ type: 'symlink', linkTarget: 'a.yaml' });
    expect(entries.find((e) => e.path === 'x-y-z')?.type).toBe('dir');
  });

  it("reads opa's bundle, whose names start with / (so have no safe path: only our own opa's output is read by name)", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.rego'), 'package p\nallow := true\n');
    execFileSync(findTool('opa'), ['build', '-t', 'wasm', '-e', 'p/allow', '-o', 'b.tar.gz', 'p.rego'], { cwd: dir, stdio: 'ignore' });
    const entries = readTarGz(readFileSync(path.join(dir, 'b.tar.gz'))).filter((e) => e.type === 'file');
    expect(entries.map((e) => e.name).sort()).toEqual(['/.manifest', '/data.json', '/p.rego', '/policy.wasm']);
    expect(entries.map((e) => e.path)).toEqual([undefined, undefined, undefined, undefined]);
    const manifest = JSON.parse(entries.find((e) => e.name === '/.manifest')!.bytes.toString('utf8')) as { wasm: { entrypoint: string }[] };
    expect(manifest.wasm.map((w) => w.entrypoint)).toEqual(['p/allow']);
  });
});

describe('util/tar: hostile archives', () => {
  it('a corrupt header is refused, not misread', () => {
    const t = tar([{ name: 'a.yaml', body: 'a: 1\n' }]);
    t[10] = (t[10] ?? 0) ^ 0xff;
    expect(() => readTar(t)).toThrow(new TarError('corrupt tar header at byte 0'));
  });

  it('a truncated entry, and a size past the end (base-256 too), are refused', () => {
    const t = tar([{ name: 'a.yaml', body: 'x'.repeat(2000) }]);
    expect(() => readTar(t.subarray(0, 1024))).toThrow(/truncated tar entry at byte 0/);
    const huge = tar([{ name: 'a.yaml', body: 'x' }]);
    // A base-256 size of 2^40 bytes, checksum made right again.
    huge.fill(0, 124, 136);
    huge[124] = 0x80;
    huge[131] = 0x01;
    rechecksum(huge);
    expect(() => readTar(huge)).toThrow(/truncated tar entry at byte 0/);
  });

  it('a size field that is not octal is refused', () => {
    const t = tar([{ name: 'a.yaml', body: 'x' }]);
    t.write('0000000009\0\0', 124, 'latin1');
    rechecksum(t);
    expect(() => readTar(t)).toThrow(/unreadable entry size at byte 0/);
  });

  it('path traversal in every spelling has no safe path: plain, absolute, drive, backslash, NUL, through pax and GNU long names', () => {
    const names = ['../escape.yaml', 'web/../../escape.yaml', '/etc/passwd', 'C:/x.yaml', 'a\\..\\b.yaml', '..'];
    const entries = readTar(
      tar([
        ...names.map((name) => ({ name, body: 'x' })),
        pax('path', '../../pax-escape.yaml'),
        { name: 'innocent.yaml', body: 'x' },
        { name: '././@LongLink', type: 'L', body: `../../${'l'.repeat(120)}.yaml\0` },
        { name: 'innocent2.yaml', body: 'x' },
        pax('path', 'nul\0/x.yaml'),
        { name: 'innocent3.yaml', body: 'x' },
        { name: './ok//fine.yaml', body: 'x' },
      ]),
    );
    expect(entries.map((e) => e.path)).toEqual([...names.map(() => undefined), undefined, undefined, undefined, 'ok/fine.yaml']);
    expect(entries[6]!.name).toBe('../../pax-escape.yaml');
    expect(entries[7]!.name).toBe(`../../${'l'.repeat(120)}.yaml`);
    for (const name of names) expect(safeArchivePath(name)).toBeUndefined();
  });

  it('link targets come from the header, pax linkpath or a GNU long link', () => {
    const entries = readTar(
      tar([
        { name: 'l1', type: '2', link: '/etc/passwd' },
        pax('linkpath', '../../pax-target'),
        { name: 'l2', type: '2', link: 'ignored' },
        { name: '././@LongLink', type: 'K', body: `${'t'.repeat(150)}\0` },
        { name: 'l3', type: '1', link: 'ignored' },
      ]),
    );
    expect(entries.map((e) => [e.type, e.linkTarget])).toEqual([
      ['symlink', '/etc/passwd'],
      ['symlink', '../../pax-target'],
      ['hardlink', 't'.repeat(150)],
    ]);
  });

  it('caps the bytes of the files and the number of entries', () => {
    const t = tar([{ name: 'a', body: 'x'.repeat(600) }, { name: 'b', body: 'x'.repeat(600) }, { name: 'c/', type: '5' }]);
    expect(() => readTar(t, { maxBytes: 1000 })).toThrow(new TarError('unpacks to more than 1000 bytes'));
    expect(() => readTar(t, { maxEntries: 2 })).toThrow(new TarError('more than 2 entries'));
    expect(readTar(t, { maxBytes: 1200, maxEntries: 3 })).toHaveLength(3);
  });

  it('a gzip bomb stops at the cap instead of filling memory; not-gzip is named', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => gunzipArchive(bomb, 1024 * 1024)).toThrow(new TarError('unpacks to more than 1048576 bytes'));
    expect(() => readTarGz(bomb, { maxBytes: 1024 * 1024 })).toThrow(TarError);
    expect(() => gunzipArchive(Buffer.from('plain text'), 1024)).toThrow(/not a gzip archive/);
  });
});

describe('util/tar: the chart extractor refuses each hostile class and writes nothing outside', () => {
  const limits = { maxBytes: 100_000, maxEntries: 100 };
  const cases: [string, Entry[], RegExp][] = [
    ['traversal', [{ name: 'web/../../escape.yaml', body: 'x' }], /leaves the chart/],
    ['absolute', [{ name: '/tmp/escape.yaml', body: 'x' }], /leaves the chart/],
    ['pax traversal', [pax('path', '../escape.yaml'), { name: 'web/ok.yaml', body: 'x' }], /"\.\.\/escape\.yaml" leaves the chart/],
    ['GNU long-name traversal', [{ name: '././@LongLink', type: 'L', body: '../escape.yaml\0' }, { name: 'web/ok.yaml', body: 'x' }], /leaves the chart/],
    ['symbolic link', [{ name: 'web/l', type: '2', link: '/etc/passwd' }], /is a symbolic link/],
    ['hard link', [{ name: 'web/l', type: '1', link: 'web/Chart.yaml' }], /is a hard link/],
    ['device', [{ name: 'web/dev', type: '3' }], /not a regular file or directory \(type '3'\)/],
    ['fifo', [{ name: 'web/fifo', type: '6' }], /not a regular file or directory \(type '6'\)/],
    ['file below a file', [{ name: 'web/a', body: 'x' }, { name: 'web/a/b', body: 'y' }], /lies below the file "web\/a"/],
    ['too big', [{ name: 'web/big', body: 'x'.repeat(150_000) }], /unpacks to more than 100000 bytes/],
    ['too many entries', Array.from({ length: 101 }, (_, i) => ({ name: `web/f${i}`, body: '' })), /more than 100 entries/],
  ];
  for (const [what, entries, reason] of cases) {
    it(what, async () => {
      const root = tempDir();
      const dest = path.join(root, 'out');
      const r = await extractTarGz(handmadeTgz(entries), dest, limits);
      expect(r).toEqual({ reason: expect.stringMatching(reason) });
      // Refused before anything is written.
      expect(existsSync(dest)).toBe(false);
      expect(readdirSync(root)).toEqual([]);
    });
  }

  it('a clean chart unpacks with fixed modes', async () => {
    const dest = path.join(tempDir(), 'out');
    const r = await extractTarGz(handmadeTgz([{ name: 'web/', type: '5' }, { name: 'web/Chart.yaml', body: 'name: web\n' }, { name: './web//templates/cm.yaml', body: 'x' }]), dest, limits);
    expect(r).toEqual({ files: ['web/Chart.yaml', 'web/templates/cm.yaml'] });
    expect(readFileSync(path.join(dest, 'web/templates/cm.yaml'), 'utf8')).toBe('x');
  });
});

describe('util/tar: a hostile GitHub tarball', () => {
  const API = 'https://api.github.com';
  const sha = 'c'.repeat(40);
  afterEach(() => nock.cleanAll());

  it('keeps the safe regular files and links; traversal, hard links and devices are skipped, never written', async () => {
    const archive = handmadeTgz([
      { name: 'o-r-ccccccc/', type: '5' },
      { name: 'o-r-ccccccc/ok.yaml', body: 'a: 1\n' },
      { name: 'o-r-ccccccc/link.yaml', type: '2', link: 'ok.yaml' },
      { name: 'o-r-ccccccc/../../escape.yaml', body: 'x' },
      pax('path', 'o-r-ccccccc/../pax-escape.yaml'),
      { name: 'o-r-ccccccc/innocent.yaml', body: 'x' },
      { name: 'o-r-ccccccc/hard.yaml', type: '1', link: 'o-r-ccccccc/ok.yaml' },
      { name: 'o-r-ccccccc/dev', type: '3' },
    ]);
    nock(API)
      .get(`/repos/o/r/git/trees/${sha}`)
      .query({ recursive: '1' })
      .reply(200, { sha, truncated: true, tree: [] })
      .get(`/repos/o/r/tarball/${sha}`)
      .reply(200, archive, { 'content-type': 'application/x-gzip' });
    const source = new GitHubSource(new Octokit({ baseUrl: API, request: { retries: 0 } }), { owner: 'o', repo: 'r' });
    expect(await source.listFiles(sha)).toEqual(['link.yaml', 'ok.yaml']);
    expect((await source.readFile(sha, 'link.yaml'))?.toString()).toBe('a: 1\n');
    const dir = tempDir();
    await source.materialize(sha, 'all', dir);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'ok.yaml']);
    expect(existsSync(path.join(dir, '..', 'escape.yaml'))).toBe(false);
  });
});

/** Writes a header's checksum again after a test edited it. */
function rechecksum(t: Buffer): void {
  t.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += t[i]!;
  t.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
}
