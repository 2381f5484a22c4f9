// Measuring a child process for the benchmarks: wall time from this process, peak RSS from GNU time's `-v`
// report ("Maximum resident set size"). Without GNU time, a node child reports its own peak RSS
// (process.resourceUsage().maxRSS) as it exits, and any other child's peak RSS is not known.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = '/usr/bin/time';

/** Whether GNU time is there (a BSD or busybox `time` has no `-v`). */
export const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;

const RSS_LINE = 'preadmit-maxrss-kb: ';
/** Loaded into a node child without GNU time: writes its peak RSS (KiB on Linux) to stderr on exit. */
const MAXRSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('${RSS_LINE}'+process.resourceUsage().maxRSS+'\\n'))`;

export interface ChildMeasurement {
  /** The exit code (-1 when killed by a signal). */
  code: number;
  stdout: string;
  /** The child's stderr, without what the measuring added (GNU time's report, the hook's line). */
  stderr: string;
  /** Wall time from the spawn to the end of its output, in milliseconds. */
  ms: number;
  /** Peak resident set size in KiB, when it could be measured. */
  peakRssKb: number | undefined;
  /** User + system CPU seconds of the child (all its threads), when GNU time measured it. */
  cpuSeconds: number | undefined;
}

export interface MeasureOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** `command` is node: without GNU time, the child reports its own peak RSS. */
  node?: boolean;
}

/** Runs `command args` to its end and measures it. */
export function measureChild(command: string, args: string[], options: MeasureOptions = {}): Promise<ChildMeasurement> {
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-v', command, ...args]] : options.node ? [command, ['--import', MAXRSS_HOOK, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const { stderr, peakRssKb, cpuSeconds } = splitReport(Buffer.concat(err).toString('utf8'));
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr, ms, peakRssKb, cpuSeconds });
    });
  });
}

/** Separates the child's own stderr from the peak RSS the measuring reported in it. */
function splitReport(text: string): { stderr: string; peakRssKb: number | undefined; cpuSeconds: number | undefined } {
  if (hasGnuTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
    const user = /User time \(seconds\): ([\d.]+)/.exec(text)?.[1];
    const system = /System time \(seconds\): ([\d.]+)/.exec(text)?.[1];
    // GNU time appends its report (after "Command exited with non-zero status N" or "Command terminated by signal N").
    const at = text.search(/^(Command (exited with non-zero status|terminated by signal) \d+\n)?\tCommand being timed: /m);
    return {
      stderr: at >= 0 ? text.slice(0, at) : text,
      peakRssKb: kb === undefined ? undefined : Number(kb),
      cpuSeconds: user === undefined || system === undefined ? undefined : Number(user) + Number(system),
    };
  }
  const m = new RegExp(`^${RSS_LINE}(\\d+)\\n?`, 'm').exec(text);
  const stderr = m ? text.slice(0, m.index) + text.slice(m.index + m[0].length) : text;
  return { stderr, peakRssKb: m ? Number(m[1]) : undefined, cpuSeconds: undefined };
}
