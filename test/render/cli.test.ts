import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runRender } from '../../src/cli/commands/render.ts';
import { fixtureRepo, type FixtureRepo } from './repo.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await runRender(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const SECRETS = ['plain-text-registry-token', 'c3VwZXItc2VjcmV0LXBhc3N3b3Jk', 'super-secret-password', 's3cr3t-staging-pw', Buffer.from('s3cr3t-staging-pw').toString('base64')];

describe('cli/render runRender', () => {
  let repo: FixtureRepo;
  let first: string;
  beforeAll(() => {
    repo = fixtureRepo('gitops');
    first = repo.head();
    const body = readFileSync(path.join(repo.dir, 'components/monitoring/scrape-config.yaml'), 'utf8').replace('30s', '15s');
    repo.commit({ 'components/monitoring/scrape-config.yaml': body });
  });
  afterAll(() => repo.cleanup());

  it('prints every object as YAML under a `# Source:` line, secrets masked', async () => {
    const r = await run(['--repo', repo.dir]);
    expect(r.code).toBe(0);
    const docs = parseAllDocuments(r.out);
    expect(docs.length).toBe(22);
    expect(r.out).toContain('# Source: bases/web/deployment.yaml:1-26 (kustomize:apps/dev)\n');
    expect(r.out).toContain('# Source: manifests/namespaces.yaml:6-11 (plain:manifests/namespaces.yaml)\n');
    for (const s of SECRETS) expect(r.out + r.err).not.toContain(s);
    const secret = docs.map((d) => d.toJS() as { kind: string; stringData?: unknown; data?: unknown }).find((o) => o.kind === 'Secret' && o.stringData !== undefined);
    expect(secret).toMatchObject({ stringData: { token: '***' }, data: { password: '***' } });
    expect(r.err).toMatch(/rendered 7 root\(s\) at HEAD \([0-9a-f]{12}\): 22 object\(s\), 0 error\(s\)/);
  });

  it('--changed renders only the roots the paths touch; -o json carries roots, sources and errors', async () => {
    const r = await run(['--repo', repo.dir, '--changed', 'components/monitoring/annotate.yaml', '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = parse(r.out) as { roots: { path: string }[]; objects: { root: string; source: { file: string } }[]; errors: unknown[] };
    expect(doc.roots.map((x) => x.path)).toEqual(['apps/prod', 'apps/staging']);
    expect(new Set(doc.objects.map((o) => o.root))).toEqual(new Set(['kustomize:apps/prod', 'kustomize:apps/staging']));
    expect(doc.errors).toEqual([]);
    for (const s of SECRETS) expect(r.out).not.toContain(s);
  });

  it('--base renders the roots touched between two refs, at --ref', async () => {
    const head = await run(['--repo', repo.dir, '--base', first, '-o', 'json']);
    const doc = parse(head.out) as { roots: { path: string }[]; objects: { object: { data?: { interval?: string } } }[] };
    expect(doc.roots.map((x) => x.path)).toEqual(['apps/prod', 'apps/staging']);
    expect(doc.objects.filter((o) => o.object.data?.interval !== undefined).map((o) => o.object.data?.interval)).toEqual(['15s', '15s']);
    const old = await run(['--repo', repo.dir, '--ref', first, '--changed', 'components/monitoring/scrape-config.yaml', '-o', 'json']);
    const oldDoc = parse(old.out) as { objects: { object: { data?: { interval?: string } } }[] };
    expect(oldDoc.objects.filter((o) => o.object.data?.interval !== undefined).map((o) => o.object.data?.interval)).toEqual(['30s', '30s']);
  });

  it('exits 1 with render errors on stderr, 2 on usage errors and unknown refs', async () => {
    repo.commit({ 'apps/dev/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
    const broken = await run(['--repo', repo.dir, '--changed', 'apps/dev/kustomization.yaml']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^error: apps\/dev: kustomize build failed/m);
    expect(broken.out).toBe('');
    expect((await run(['--repo', repo.dir, '--ref', 'no-such-ref'])).code).toBe(2);
    const usage = await run(['--frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown argument --frobnicate');
    expect((await run(['-o', 'xml'])).code).toBe(2);
    expect((await run(['--help'])).out).toContain('usage: preadmit render');
  });
});
