// The HTTP front of the fake GitHub (model.ts), for end-to-end tests, benchmarks and `npm run demo`: a
// node:http server on loopback (random port) answering under the `/api/v3` prefix GitHub Enterprise Server
// uses (Probot's `GHE_HOST` + `GHE_PROTOCOL` give `${protocol}://${host}/api/v3`), tarball archives included.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GitHubModel } from './model.ts';

export interface HttpFront {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`: the value for `GHE_HOST`. */
  host: string;
  /** `${origin}/api/v3`: the REST base URL. */
  apiUrl: string;
  close(): Promise<void>;
}

/** Serves `model` over HTTP until `close()`. */
export async function serveOverHttp(model: GitHubModel): Promise<HttpFront> {
  let origin = '';
  const server = createServer((req, res) => {
    // A client that goes away mid-request is no error of the fake's.
    answer(req, res).catch(() => res.destroy());
  });
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const { status, body, headers } = await model.handle({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (Buffer.isBuffer(body)) {
      res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
      res.end(body);
    } else if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
    } else {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  model.serveAt(`${origin}/api/v3`);
  return {
    origin,
    host: `127.0.0.1:${port}`,
    apiUrl: `${origin}/api/v3`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
