// Running a renderer on untrusted input: no inherited environment, no network, a time limit, an output cap.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findExecutable } from './tools.ts';

export interface SandboxOptions {
  cwd: string;
  /** Kill the process (and its group) after this long. */
  timeoutMs: number;
  /** Kill the process once stdout plus stderr exceed this many bytes. */
  maxOutputBytes: number;
  /** Variables added to the scrubbed environment (e.g. HELM_CACHE_HOME). */
  env?: Record<string, string>;
  /** Where HOME and the empty PATH directory go (created if needed); default a per-process directory removed at exit. */
  scratchDir?: string;
  /** Run inside a fresh network namespace when the kernel allows it (default true). */
  isolateNetwork?: boolean;
}

export interface SandboxResult {
  /** Exit code; null when killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  overflowed: boolean;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

/** Scratch directories shared by every sandboxed run of this process. */
interface Scratch {
  home: string;
  emptyBin: string;
}

let scratch: Promise<Scratch> | undefined;
let netIsolation: Promise<string | undefined> | undefined;

function scratchDirs(): Promise<Scratch> {
  scratch ??= (async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'preadmit-sandbox-'));
    process.once('exit', () => rmSync(base, { recursive: true, force: true }));
    const home = path.join(base, 'home');
    const emptyBin = path.join(base, 'bin');
    await mkdir(home, { recursive: true });
    await mkdir(emptyBin, { recursive: true });
    return { home, emptyBin };
  })();
  return scratch;
}

async function scratchIn(dir: string): Promise<Scratch> {
  const s = { home: path.join(dir, 'sandbox-home'), emptyBin: path.join(dir, 'sandbox-bin') };
  await mkdir(s.home, { recursive: true });
  await mkdir(s.emptyBin, { recursive: true });
  return s;
}

/**
 * The environment a renderer sees: nothing of ours (tokens, credentials, proxies, KUBECONFIG), a PATH
 * with no programs on it (so kustomize cannot find git or an exec plugin by name), proxies pointing at
 * a closed port as a second fence should the network namespace be unavailable.
 */
export function scrubbedEnv(s: Scratch, extra: Record<string, string> = {}): Record<string, string> {
  const deadProxy = 'http://127.0.0.1:9';
  return {
    PATH: s.emptyBin,
    HOME: s.home,
    TMPDIR: os.tmpdir(),
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    ALL_PROXY: deadProxy,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    NO_PROXY: '',
    no_proxy: '',
    GIT_ALLOW_PROTOCOL: 'none',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...extra,
  };
}

/** `unshare` when it can give an unprivileged process its own, empty, network namespace. */
function networkIsolator(): Promise<string | undefined> {
  netIsolation ??= (async () => {
    const unshare = await findExecutable('unshare', ['/usr/bin', '/bin', '/usr/sbin', '/sbin']);
    if (unshare === undefined) return undefined;
    const ok = await new Promise<boolean>((resolve) => {
      const child = spawn(unshare, ['--user', '--map-root-user', '--net', '--', '/bin/true'], { stdio: 'ignore', env: {} });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
    return ok ? unshare : undefined;
  })();
  return netIsolation;
}

/** Whether runs are network-isolated by a namespace on this machine (reported by the CLI and benchmarks). */
export async function hasNetworkNamespace(): Promise<boolean> {
  return (await networkIsolator()) !== undefined;
}

export async function runSandboxed(command: string, args: string[], options: SandboxOptions): Promise<SandboxResult> {
  const s = options.scratchDir !== undefined ? await scratchIn(options.scratchDir) : await scratchDirs();
  const isolator = options.isolateNetwork === false ? undefined : await networkIsolator();
  const [file, argv] = isolator
    ? [isolator, ['--user', '--map-root-user', '--net', '--', command, ...args]]
    : [command, args];
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(file, argv, {
        cwd: options.cwd,
        env: scrubbedEnv(s, options.env),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, so a timeout kills the children it spawned too
      });
    } catch (e) {
      resolve({ code: null, stdout: '', stderr: '', timedOut: false, overflowed: false, spawnError: String(e) });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let timedOut = false;
    let overflowed = false;
    let settled = false;
    const kill = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const collect = (sink: Buffer[]) => (b: Buffer) => {
      if (overflowed) return;
      bytes += b.length;
      if (bytes > options.maxOutputBytes) {
        overflowed = true;
        kill();
        return;
      }
      sink.push(b);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code: null, stdout: '', stderr: '', timedOut, overflowed, spawnError: e.message });
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        overflowed,
      });
    });
  });
}

/** One line saying why a sandboxed run failed, or undefined if it succeeded. */
export function failureOf(tool: string, r: SandboxResult, options: Pick<SandboxOptions, 'timeoutMs' | 'maxOutputBytes'>): string | undefined {
  if (r.spawnError !== undefined) return `${tool} could not be started: ${r.spawnError}`;
  if (r.timedOut) return `${tool} exceeded the ${options.timeoutMs} ms time limit and was stopped`;
  if (r.overflowed) return `${tool} output exceeded the ${options.maxOutputBytes}-byte cap and was stopped`;
  if (r.code !== 0) {
    const msg = r.stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-5).join('\n');
    return `${tool} failed (exit ${r.code ?? 'signal'}): ${msg === '' ? 'no message' : msg}`;
  }
  return undefined;
}
