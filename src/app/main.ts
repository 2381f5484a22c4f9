// `node --import tsx src/app/main.ts`: runs the GitHub App until SIGTERM/SIGINT, then shuts down in order
// (queued checks concluded, running ones given a grace period or handed back to the shared queue) so no check run
// is left in_progress. Once started it logs through the server's log (log.ts: constant messages, fields); a
// failed start (a missing secret, a bogus key: the operator's configuration) is said in plain text on stderr.
import { startServer, type StartedServer } from './server.ts';

// The signal handlers come first, before anything is started: a signal during start-up must also end in
// order (it waits for the server to be up, then closes it) instead of killing the process mid-start.
let stopping = false;
let started: Promise<StartedServer> | undefined;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    (started ?? Promise.reject(new Error('not started')))
      .then((server) => {
        server.log('info', 'shutting down', { signal });
        return server.close().then(
          () => process.exit(0),
          (e: unknown) => {
            server.log('error', 'shutdown failed', { signal }, e);
            process.exit(1);
          },
        );
      })
      .catch(() => process.exit(1));
  });
}

started = startServer();
await started.catch((e: unknown) => {
  process.stderr.write(`preadmit app: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
