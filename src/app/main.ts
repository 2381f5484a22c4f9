// `node --import tsx src/app/main.ts`: runs the GitHub App until SIGTERM/SIGINT, then shuts down in order
// (queued checks concluded, running ones given a grace period) so no check run is left in_progress.
import { startServer, type StartedServer } from './server.ts';

// The signal handlers come first, before anything is started: a signal during start-up must also end in
// order (it waits for the server to be up, then closes it) instead of killing the process mid-start.
let stopping = false;
let started: Promise<StartedServer> | undefined;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`preadmit app: ${signal}, finishing or concluding running checks\n`);
    (started ?? Promise.reject(new Error('not started')))
      .then((server) => server.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          process.stderr.write(`preadmit app: shutdown failed: ${e instanceof Error ? e.message : String(e)}\n`);
          process.exit(1);
        },
      );
  });
}

started = startServer();
const server = await started.catch((e: unknown) => {
  process.stderr.write(`preadmit app: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
process.stdout.write(`preadmit app: webhooks at ${server.webhookUrl}\n`);
