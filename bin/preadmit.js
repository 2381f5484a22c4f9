#!/usr/bin/env -S node --max-semi-space-size=2
// The preadmit command (run as a command, its shebang gives node a 2 MB young-generation semi-space: ~60 MB less peak
// RSS on large inputs, at no measured cost in time). It runs the bundle dist/cli.mjs (`npm run build`), which needs nothing but node and the
// runtime dependencies. In a checkout whose sources are newer than the bundle (or that has none), it runs the
// TypeScript sources through tsx, a dev dependency: `npm run build` makes the bundle current again.
import { existsSync, readdirSync, statSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
const sources = new URL('../src/', import.meta.url);

/** Whether any file under `dir` was modified after `since` (ms): file times only, nothing is read. */
function changedSince(dir, since) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
    if (entry.isDirectory() ? changedSince(p, since) : statSync(p).mtimeMs > since) return true;
  }
  return false;
}

const useBundle = existsSync(bundle) && !(existsSync(sources) && changedSince(sources, statSync(bundle).mtimeMs));
let main;
if (useBundle) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
// Ctrl-C (SIGINT) interrupts the command: its renderer processes and git are killed, evaluation stops, and it exits
// 130 (check-pr concludes its run `cancelled` first). A second Ctrl-C, or a command still busy 10 s later, ends the
// process at once.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
  setTimeout(() => process.exit(130), 10_000).unref();
});
process.exitCode = await main(process.argv.slice(2), undefined, undefined, interrupt.signal);
