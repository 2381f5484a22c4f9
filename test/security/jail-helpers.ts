// Helpers for the jail suite: host canaries outside the exported tree, a counting HTTP server (any request
// is a network attempt), the static probe program, output capture for the CLI.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Files on the host that a hostile repository tries to reach; each holds `text`, which must never appear in output. */
export interface Canaries {
  text: string;
  dir: string;
  /** A manifest kustomize would happily render (a ConfigMap carrying the canary). */
  manifest: string;
  /** A JSON schema helm would happily load. */
  schema: string;
  /** Stands for the app's private key. */
  privateKey: string;
  cleanup(): void;
}

export function makeCanaries(): Canaries {
  const text = `HOST-CANARY-${randomBytes(8).toString('hex')}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preadmit-canary-'));
  const manifest = path.join(dir, 'leak.yaml');
  const schema = path.join(dir, 'leak.schema.json');
  const privateKey = path.join(dir, 'app.private-key.pem');
  writeFileSync(manifest, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaked\ndata:\n  secret: ${text}\n`);
  writeFileSync(schema, JSON.stringify({ type: 'object', required: [text], properties: { [text]: { type: 'string', enum: [text] } } }));
  writeFileSync(privateKey, `-----BEGIN RSA PRIVATE KEY-----\n${text}\n-----END RSA PRIVATE KEY-----\n`);
  return { text, dir, manifest, schema, privateKey, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An HTTP server on loopback that counts what reaches it. */
export interface CountingServer {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

export async function countingServer(canary: string): Promise<CountingServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ type: 'object', required: [canary] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Builds the static probe (test/security/jail-probe) into `dir`; returns its path. */
export function buildProbe(dir: string): string {
  const out = path.join(dir, 'jail-probe');
  mkdirSync(dir, { recursive: true });
  execFileSync('go', ['build', '-o', out, '.'], {
    cwd: path.join(HERE, 'jail-probe'),
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
