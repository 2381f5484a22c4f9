// `node --import tsx src/app/main.ts`: runs the GitHub App until SIGTERM/SIGINT, then shuts down in order
// (queued checks concluded, running ones given a grace period) so no check run is left in_progress.
import { startServer } from './server.ts';

const server = await startServer().catch((e: unknown) => {
  process.stderr.write(`preadmit app: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
process.stdout.write(`preadmit app: webhooks at ${server.webhookUrl}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`preadmit app: ${signal}, finishing or concluding running checks\n`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`preadmit app: shutdown failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  });
}
