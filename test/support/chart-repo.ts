// A real helm chart repository for tests: charts packaged with the pinned `helm package`, indexed with
// `helm repo index`, served by node:http on 127.0.0.1, with a log of the requests and hooks for hostile answers.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findRenderTool } from '../../src/render/tools.ts';

export type Hook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export class ChartRepo {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-chart-repo-'));
  readonly requests: string[] = [];
  /** Answers a request itself when it returns true. */
  hook: Hook | undefined;
  private server: http.Server | undefined;
  url = '';

  /** Writes a chart from `files` (relative to the chart directory) and packages it with `helm package`. */
  addChart(name: string, version: string, files: Record<string, string> = {}): string {
    const src = mkdtempSync(path.join(os.tmpdir(), 'preadmit-chart-src-'));
    const chartDir = path.join(src, name);
    const all: Record<string, string> = {
      'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\n`,
      'values.yaml': 'replicas: 1\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\n  namespace: {{ .Release.Namespace }}\ndata:\n  version: {{ .Chart.Version | quote }}\n',
      ...files,
    };
    for (const [f, text] of Object.entries(all)) {
      mkdirSync(path.dirname(path.join(chartDir, f)), { recursive: true });
      writeFileSync(path.join(chartDir, f), text);
    }
    execFileSync(helmPath(), ['package', chartDir, '--destination', this.dir], { env: { HOME: src, PATH: '' }, stdio: 'pipe' });
    return path.join(this.dir, `${name}-${version}.tgz`);
  }

  /** Adds an archive made by hand (hostile content) under the name helm would give it. */
  addArchive(name: string, version: string, archive: Buffer): void {
    writeFileSync(path.join(this.dir, `${name}-${version}.tgz`), archive);
  }

  /** `helm repo index` of the directory (relative URLs, digests). */
  index(): void {
    execFileSync(helmPath(), ['repo', 'index', this.dir], { env: { HOME: this.dir, PATH: '' }, stdio: 'pipe' });
  }

  /** An index.yaml written by hand (for archives helm itself would not index, or lying digests). */
  writeIndex(charts: { name: string; version: string; digest?: string; url?: string }[]): void {
    const by = new Map<string, string[]>();
    for (const c of charts) {
      const lines = [`  - name: ${c.name}`, `    version: ${JSON.stringify(c.version)}`, `    urls: [${JSON.stringify(c.url ?? `${c.name}-${c.version}.tgz`)}]`];
      if (c.digest !== undefined) lines.push(`    digest: ${c.digest}`);
      by.set(c.name, [...(by.get(c.name) ?? []), lines.join('\n')]);
    }
    const body = [...by].map(([name, list]) => `  ${name}:\n${list.map((l) => l.replace(/^ {2}/gm, '    ')).join('\n')}`).join('\n');
    writeFileSync(path.join(this.dir, 'index.yaml'), `apiVersion: v1\nentries:\n${body}\n`);
  }

  digestOf(name: string, version: string): string {
    return createHash('sha256').update(readFileSync(path.join(this.dir, `${name}-${version}.tgz`))).digest('hex');
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? '');
      if (this.hook?.(req, res)) return;
      const file = path.join(this.dir, path.basename(decodeURIComponent((req.url ?? '/').split('?')[0]!)));
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function helmPath(): string {
  const tool = findRenderTool('helm');
  if ('error' in tool) throw new Error(tool.error);
  return tool.path;
}

/** A gzipped tar made by hand: `{ name, type: '0' | '2' | '5', body?, link? }` entries, ustar headers. */
export function handmadeTgz(entries: { name: string; type?: string; body?: string; link?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.body ?? '');
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write(e.type ?? '0', 156);
    if (e.link !== undefined) h.write(e.link, 157, 100);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
