// A tiny OCI registry for tests: serves helm chart artifacts (archives made by the real `helm package`) over the
// distribution API on 127.0.0.1: tags/list (paged), manifests by tag, blobs by digest, with helm's media types;
// optionally behind anonymous bearer-token auth, with a log of requests and a hook for hostile answers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChartRepo, type Hook } from './chart-repo.ts';

interface Artifact {
  manifest: Buffer;
  layerDigest: string;
}

export class OciRegistry {
  readonly requests: string[] = [];
  /** repository name → tag → artifact */
  private readonly repos = new Map<string, Map<string, Artifact>>();
  private readonly blobs = new Map<string, Buffer>();
  private readonly packer = new ChartRepo();
  hook: Hook | undefined;
  /** Requires `Authorization: Bearer <token>` and hands the token out at /token. */
  token: string | undefined;
  /** Tags per page of tags/list (paging with a Link header). */
  pageSize = 2;
  private server: http.Server | undefined;
  host = '';

  /** Packages a chart with `helm package` and pushes it as `<repository>/<name>:<version>` (`+` spelled `_`). */
  push(repository: string, name: string, version: string, files: Record<string, string> = {}, opts: { configMediaType?: string } = {}): string {
    const tgz = readFileSync(this.packer.addChart(name, version, files));
    return this.pushArchive(`${repository}/${name}`, version.replace(/\+/g, '_'), tgz, opts);
  }

  /** Pushes any archive as a helm chart layer; returns the layer's digest (sha256 hex). */
  pushArchive(repo: string, tag: string, tgz: Buffer, opts: { configMediaType?: string } = {}): string {
    const config = Buffer.from('{}');
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    this.blobs.set(digest(config), config);
    this.blobs.set(digest(tgz), tgz);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: opts.configMediaType ?? 'application/vnd.cncf.helm.config.v1+json', digest: `sha256:${digest(config)}`, size: config.length },
        layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: `sha256:${digest(tgz)}`, size: tgz.length }],
      }),
    );
    if (!this.repos.has(repo)) this.repos.set(repo, new Map());
    this.repos.get(repo)!.set(tag, { manifest, layerDigest: digest(tgz) });
    return digest(tgz);
  }

  /** Replaces a stored blob's bytes (a registry serving content that does not match its digest). */
  corruptBlob(digest: string): void {
    this.blobs.set(digest, Buffer.from('not the chart'));
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.requests.push(url.pathname + url.search);
      if (this.hook?.(req, res)) return;
      if (url.pathname === '/token') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: this.token }));
        return;
      }
      if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${this.host}/token",service="test",scope="repository:x:pull"` }).end();
        return;
      }
      const m = /^\/v2\/(.+)\/(tags\/list|manifests\/([^/]+)|blobs\/sha256:([0-9a-f]{64}))$/.exec(url.pathname);
      const repo = m ? this.repos.get(m[1]!) : undefined;
      if (!m || (repo === undefined && m[4] === undefined)) {
        res.writeHead(404).end();
        return;
      }
      if (m[2] === 'tags/list') {
        const all = [...repo!.keys()];
        const start = url.searchParams.has('last') ? all.indexOf(url.searchParams.get('last')!) + 1 : 0;
        const page = all.slice(start, start + this.pageSize);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (start + this.pageSize < all.length) headers.link = `</v2/${m[1]}/tags/list?n=${this.pageSize}&last=${page.at(-1)}>; rel="next"`;
        res.writeHead(200, headers).end(JSON.stringify({ name: m[1], tags: page }));
        return;
      }
      if (m[3] !== undefined) {
        const a = repo!.get(m[3]);
        if (a === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(a.manifest);
        return;
      }
      const blob = this.blobs.get(m[4]!);
      if (blob === undefined) res.writeHead(404).end();
      else res.writeHead(200).end(blob);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.host;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
