// The nock front of the fake GitHub (model.ts), for unit tests: every request to the API's origin (github.com's
// or a GitHub Enterprise `http(s)://host/api/v3`) is answered by the model, in process. Interceptors persist
// until `nock.cleanAll()` or `uninstall()`; the test decides whether other connections are refused.
import nock from 'nock';
import { GITHUB_API, type GitHubModel } from './model.ts';

export interface NockFront {
  /** Stops answering (the interceptors no longer persist). */
  uninstall(): void;
}

/** Answers requests to `apiUrl` (default github.com's API) from `model`. */
export function interceptWithNock(model: GitHubModel, apiUrl: string = GITHUB_API): NockFront {
  model.serveAt(apiUrl);
  const origin = new URL(apiUrl).origin;
  const reply = (method: string) =>
    function (this: nock.ReplyFnContext, uri: string, body: nock.Body, callback: (err: NodeJS.ErrnoException | null, result: nock.ReplyFnResult) => void): void {
      const raw = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
      void model.handle({ method, url: new URL(uri, origin), headers: this.req.headers, body: raw }).then(({ status, body: data, headers }) => {
        const out = Buffer.isBuffer(data) || typeof data === 'string' ? data : JSON.stringify(data);
        const type = Buffer.isBuffer(data) ? 'application/octet-stream' : typeof data === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
        callback(null, [status, out, { 'content-type': type, ...headers }]);
      });
    };
  const scope = nock(origin).persist();
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    scope.intercept(() => true, method).reply(reply(method));
  }
  return { uninstall: () => scope.persist(false) };
}
