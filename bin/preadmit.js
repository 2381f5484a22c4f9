#!/usr/bin/env node
// The preadmit command: the bundle in dist/ when it was built from the current sources (`npm run build`),
// else the TypeScript sources through tsx (a runtime dependency).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// V8's default young generation (16 MiB semi-spaces) shows up as resident memory with no gain in speed
// for this workload; it can only be set at start-up, so the CLI starts itself once more with it.
const FLAG = '--max-semi-space-size=2';
if (!process.execArgv.includes(FLAG) && process.env.PREADMIT_NO_REEXEC === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
} else {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let main;
  try {
    const { sourcesHash, sourcesStamp } = await import('../scripts/sources-hash.mjs');
    // Sources untouched since the build (same sizes and times): current without reading them; else compare contents.
    const stamped = await readFile(path.join(root, 'dist', '.sources-stamp'), 'utf8').catch(() => undefined);
    const current =
      (stamped !== undefined && stamped === (await sourcesStamp(root))) ||
      (await readFile(path.join(root, 'dist', '.sources-hash'), 'utf8')) === (await sourcesHash(root));
    if (current) main = (await import('../dist/cli.mjs')).main;
  } catch {
    // No bundle, or an unreadable one: run the sources.
  }
  if (main === undefined) {
    const { register } = await import('tsx/esm/api');
    register();
    main = (await import('../src/cli/main.ts')).main;
  }
  process.exitCode = await main(process.argv.slice(2));
}
