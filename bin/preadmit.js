#!/usr/bin/env node
// The preadmit command. Runs the TypeScript sources directly through tsx (a runtime dependency).
import { spawn } from 'node:child_process';

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
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
