// Running a renderer on untrusted input: a filesystem jail (bubblewrap) holding only the exported tree and
// the tool binary, no network, no inherited environment, a time limit, a memory cap and an output cap.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AbortError } from '../util/abort.ts';
import { findExecutable } from './tools.ts';

export interface SandboxOptions {
  /** Working directory; in the jail it must lie in one of `readOnly`. */
  cwd: string;
  /** Kill the process (and its group) after this long. */
  timeoutMs: number;
  /** Kill the process once stdout plus stderr exceed this many bytes. */
  maxOutputBytes: number;
  /** Cap on the process's data segment (RLIMIT_DATA, which covers a Go heap); unlimited when absent. */
  memoryBytes?: number;
  /** Variables added to the scrubbed environment. */
  env?: Record<string, string>;
  /** Variables naming directories under the run's HOME, created before the run: `{ HELM_CACHE_HOME: 'helm/cache' }`. */
  homeDirs?: Record<string, string>;
  /**
   * Run in the filesystem jail (default): an empty root holding only `readOnly` (host directories, mounted
   * read-only at the same paths), the tool binary, a private /tmp with HOME in it, its own /proc and a
   * minimal /dev; every namespace unshared (no network). When the jail cannot be made, the run fails
   * (`spawnError`); it never falls back to running unjailed. `false` runs the tool on the host, unsafe:
   * only for `--unsafe-no-sandbox`.
   */
  jail?: { readOnly: string[] } | false;
  /**
   * Other static binaries the tool runs (kustomize runs helm for `helmCharts`): bound read-only next to the tool
   * in the jail, where `toolPathInRun` says they are. Unjailed, they are run from where they are.
   */
  extraTools?: string[];
  /** Unjailed only: where HOME and the empty PATH directory go (created if needed); default a per-process directory removed at exit. */
  scratchDir?: string;
  /** Unjailed only: run inside a fresh network namespace when the kernel allows it (default true). */
  isolateNetwork?: boolean;
  /** The check was cancelled: the process group is killed and the run rejects with `AbortError` (util/abort.ts). */
  signal?: AbortSignal;
}

export interface SandboxResult {
  /** Exit code; null when killed. */
  code: number | null;
  stdout: string;
  /** stdout as the bytes the process wrote (a program framing its output counts in bytes). */
  stdoutBytes: Buffer;
  stderr: string;
  timedOut: boolean;
  overflowed: boolean;
  /** The process ran out of the memory its cap allows. */
  outOfMemory: boolean;
  /** Set when the process could not be started at all (also: the jail could not be made). */
  spawnError?: string;
}

/** Where the jail puts things: the tool, HOME, an empty PATH directory. */
const JAIL_TOOL_DIR = '/opt/preadmit-tool';
const JAIL_TMP = '/tmp';
const JAIL_HOME = '/tmp/home';
const JAIL_EMPTY_PATH = '/opt/preadmit-empty';
/** The jail's /tmp (and HOME) live in memory: bounded. */
const JAIL_TMP_BYTES = 64 * 1024 * 1024;

export type JailSupport = { ok: true; bwrap: string; prlimit: string } | { ok: false; reason: string };

let jail: Promise<JailSupport> | undefined;

/**
 * Whether renderers can be jailed on this machine: bubblewrap (`bwrap`, or the path in PREADMIT_BWRAP) can
 * make a jail with every namespace unshared, and util-linux `prlimit` is there for the memory cap. Found out
 * once per process by making a jail; the reason says what failed and how to fix it.
 */
export function jailSupport(): Promise<JailSupport> {
  jail ??= (async (): Promise<JailSupport> => {
    const configured = process.env.PREADMIT_BWRAP;
    const bwrap = configured !== undefined && configured !== ''
      ? (existsSync(configured) ? configured : undefined)
      : await findExecutable('bwrap', ['/usr/bin', '/bin', '/usr/local/bin']);
    const install = 'install bubblewrap (`npm run tools` installs the Debian package when run as root; or `apt-get install bubblewrap`)';
    if (bwrap === undefined) {
      return { ok: false, reason: `bubblewrap (bwrap) not found${configured ? ` at PREADMIT_BWRAP=${configured}` : ''}: ${install}` };
    }
    const prlimit = await findExecutable('prlimit', ['/usr/bin', '/bin']);
    if (prlimit === undefined) return { ok: false, reason: 'prlimit (util-linux) not found: it sets the renderers\' memory cap' };
    // The probe is a real jail around /bin/true, with the libraries a dynamically linked program needs.
    const truePath = ['/usr/bin/true', '/bin/true'].find((p) => existsSync(p));
    if (truePath === undefined) return { ok: false, reason: 'no /bin/true to probe the jail with' };
    const libs = ['/usr', '/lib', '/lib64', '/lib32'].filter((p) => existsSync(p));
    const probe = await collect(bwrap, jailArgs(truePath, [], { readOnly: libs, cwd: '/', env: {}, homeDirs: [] }), { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
    if (probe.code !== 0) {
      const why = probe.spawnError ?? (untrustedToolText(probe.stderr) || `exit ${probe.code ?? 'signal'}`);
      return { ok: false, reason: `bubblewrap at ${bwrap} cannot make the jail here (${why}): it needs user, mount, pid and network namespaces` };
    }
    return { ok: true, bwrap, prlimit };
  })();
  return jail;
}

/**
 * bubblewrap arguments for one jailed run. The root is an empty tmpfs (made read-only once set up), so
 * nothing of the host exists in it but what is named here: no /etc, /home, /root, /usr, caches or keys.
 */
function jailArgs(
  command: string,
  args: string[],
  j: { readOnly: string[]; cwd: string; env: Record<string, string>; homeDirs: string[]; extraTools?: string[] },
): string[] {
  const tool = toolPathInRun(command, true);
  const out = [
    '--unshare-all', // user, ipc, pid, net, uts, cgroup: no network but loopback
    '--unshare-user',
    '--disable-userns', // and no namespaces of its own inside
    '--uid', '65534',
    '--gid', '65534',
    '--cap-drop', 'ALL',
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    '--proc', '/proc',
    '--dev', '/dev',
    '--size', String(JAIL_TMP_BYTES),
    '--tmpfs', JAIL_TMP,
    '--dir', JAIL_HOME,
    '--dir', JAIL_EMPTY_PATH,
  ];
  for (const d of j.homeDirs) out.push('--dir', path.posix.join(JAIL_HOME, d));
  for (const dir of j.readOnly) out.push('--ro-bind', dir, dir);
  for (const extra of j.extraTools ?? []) out.push('--ro-bind', extra, toolPathInRun(extra, true));
  out.push('--ro-bind', command, tool, '--remount-ro', '/', '--chdir', j.cwd);
  for (const [k, v] of Object.entries(j.env)) out.push('--setenv', k, v);
  out.push('--', tool, ...args);
  return out;
}

/** Where a tool binary (the command or one of `extraTools`) is seen by the run: in the jail's tool directory, or where it is. */
export function toolPathInRun(hostPath: string, jailed: boolean): string {
  return jailed ? `${JAIL_TOOL_DIR}/${path.basename(hostPath)}` : hostPath;
}

/** Scratch directories shared by every unjailed run of this process. */
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
 * a closed port as a second fence should there be a network.
 */
function scrubbedEnv(s: Scratch & { tmp: string }, extra: Record<string, string> = {}): Record<string, string> {
  const deadProxy = 'http://127.0.0.1:9';
  return {
    PATH: s.emptyBin,
    HOME: s.home,
    TMPDIR: s.tmp,
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

/** `unshare` when it can give an unprivileged process its own, empty, network namespace (unjailed runs only). */
function networkIsolator(): Promise<string | undefined> {
  netIsolation ??= (async () => {
    const unshare = await findExecutable('unshare', ['/usr/bin', '/bin', '/usr/sbin', '/sbin']);
    if (unshare === undefined) return undefined;
    const r = await collect(unshare, ['--user', '--map-root-user', '--net', '--', '/bin/true'], { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
    return r.code === 0 ? unshare : undefined;
  })();
  return netIsolation;
}

/** Whether unjailed runs are network-isolated by a namespace on this machine. */
export async function hasNetworkNamespace(): Promise<boolean> {
  return (await networkIsolator()) !== undefined;
}

/** How renders run on this machine, in words (the CLI and the benchmarks print it). */
export async function sandboxDescription(jailed: boolean): Promise<string> {
  if (jailed) {
    const j = await jailSupport();
    return j.ok ? `jailed (bubblewrap ${j.bwrap})` : `jail unavailable: ${j.reason}`;
  }
  return `UNJAILED (--unsafe-no-sandbox), network namespace: ${(await hasNetworkNamespace()) ? 'yes' : 'no'}`;
}

export async function runSandboxed(command: string, args: string[], options: SandboxOptions): Promise<SandboxResult> {
  const homeDirs = Object.entries(options.homeDirs ?? {});
  const limits = { timeoutMs: options.timeoutMs, maxOutputBytes: options.maxOutputBytes, ...(options.signal !== undefined ? { signal: options.signal } : {}) };
  const goMemLimit: Record<string, string> = options.memoryBytes !== undefined ? { GOMEMLIMIT: String(Math.floor(options.memoryBytes * 0.8)) } : {};
  if (options.jail !== false) {
    const support = await jailSupport();
    if (!support.ok) return notStarted(`the renderer jail cannot be made: ${support.reason}`);
    const env = {
      ...scrubbedEnv({ home: JAIL_HOME, emptyBin: JAIL_EMPTY_PATH, tmp: JAIL_TMP }, options.env),
      ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path.posix.join(JAIL_HOME, d)])),
      ...goMemLimit,
    };
    const bwrapArgs = jailArgs(command, args, { readOnly: options.jail?.readOnly ?? [], cwd: options.cwd, env, homeDirs: homeDirs.map(([, d]) => d), extraTools: options.extraTools ?? [] });
    const [file, argv] = withMemoryCap(support.prlimit, options.memoryBytes, support.bwrap, bwrapArgs);
    return collect(file, argv, { ...limits, cwd: '/', env: {} });
  }

  const s = options.scratchDir !== undefined ? await scratchIn(options.scratchDir) : await scratchDirs();
  for (const [, d] of homeDirs) await mkdir(path.join(s.home, d), { recursive: true });
  const env = {
    ...scrubbedEnv({ ...s, tmp: os.tmpdir() }, options.env),
    ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path.join(s.home, d)])),
    ...goMemLimit,
  };
  const isolator = options.isolateNetwork === false ? undefined : await networkIsolator();
  const [file, argv] = isolator ? [isolator, ['--user', '--map-root-user', '--net', '--', command, ...args]] : [command, args];
  const prlimit = options.memoryBytes !== undefined ? await findExecutable('prlimit', ['/usr/bin', '/bin']) : undefined;
  const [f, a] = withMemoryCap(prlimit, options.memoryBytes, file, argv);
  return collect(f, a, { ...limits, cwd: options.cwd, env });
}

function withMemoryCap(prlimit: string | undefined, bytes: number | undefined, file: string, argv: string[]): [string, string[]] {
  if (prlimit === undefined || bytes === undefined) return [file, argv];
  return [prlimit, [`--data=${bytes}`, '--', file, ...argv]];
}

function notStarted(spawnError: string): SandboxResult {
  return { code: null, stdout: '', stdoutBytes: Buffer.alloc(0), stderr: '', timedOut: false, overflowed: false, outOfMemory: false, spawnError };
}

/**
 * Runs `file` in its own process group, collecting its output, killing the group at the time limit or output cap.
 * When `signal` aborts, the group is killed too and the run rejects with `AbortError` once the process is gone (a
 * jailed tool goes with it: bubblewrap is the group's leader, runs with --die-with-parent, and is the init of the
 * tool's pid namespace).
 */
function collect(
  file: string,
  argv: string[],
  options: { timeoutMs: number; maxOutputBytes: number; cwd?: string; env?: Record<string, string>; signal?: AbortSignal },
): Promise<SandboxResult> {
  return new Promise((resolve, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(new AbortError(`${path.basename(file)} not started: the check was cancelled`));
      return;
    }
    let child;
    try {
      child = spawn(file, argv, {
        cwd: options.cwd ?? '/',
        env: options.env ?? {},
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, so a timeout kills the children it spawned too
      });
    } catch (e) {
      resolve(notStarted(String(e)));
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
    let aborted = false;
    const onAbort = (): void => {
      aborted = true;
      kill();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const ended = (): boolean => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (aborted) reject(new AbortError(`${path.basename(file)} stopped: the check was cancelled`));
      return aborted;
    };
    const sink = (to: Buffer[]) => (b: Buffer) => {
      if (overflowed) return;
      bytes += b.length;
      if (bytes > options.maxOutputBytes) {
        overflowed = true;
        kill();
        return;
      }
      to.push(b);
    };
    child.stdout.on('data', sink(out));
    child.stderr.on('data', sink(err));
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      resolve({ ...notStarted(e.message), timedOut, overflowed });
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      const stderr = Buffer.concat(err).toString('utf8');
      const stdoutBytes = Buffer.concat(out);
      resolve({
        code,
        stdout: stdoutBytes.toString('utf8'),
        stdoutBytes,
        stderr,
        timedOut,
        overflowed,
        // Go's runtime, refused memory by the data limit, dies with one of these.
        outOfMemory: code !== 0 && /fatal error: (runtime: )?out of memory|runtime: cannot allocate memory|cannot allocate memory/i.test(stderr),
      });
    });
  });
}

/** Most of a tool's message that may reach a report: its last lines. */
const TOOL_TEXT_LINES = 5;
const TOOL_TEXT_CHARS = 1_000;

/**
 * A tool's stderr as it may appear in a report: untrusted text (the repository chose much of it), so
 * terminal escapes, control and bidirectional-override characters removed, only its last 5 non-empty
 * lines and at most 1,000 characters (the end kept: that is where a Go tool says what failed).
 */
export function untrustedToolText(text: string): string {
  const clean = text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI sequences (colours, cursor movement)
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '') // OSC sequences (titles, hyperlinks)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\t/g, ' ');
  const lines = clean.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '').slice(-TOOL_TEXT_LINES);
  const joined = lines.join('\n');
  return joined.length <= TOOL_TEXT_CHARS ? joined : `…${joined.slice(joined.length - TOOL_TEXT_CHARS + 1)}`;
}

export interface FailureLimits {
  timeoutMs: number;
  maxOutputBytes: number;
  memoryBytes?: number;
  /** Says why the time ran out when it was not the per-process limit (the render budget). */
  timeLimit?: string;
}

/** One message saying why a sandboxed run failed, or undefined if it succeeded. Tool text in it is capped and cleaned. */
export function failureOf(tool: string, r: SandboxResult, limits: FailureLimits): string | undefined {
  if (r.spawnError !== undefined) return `${tool} could not be started: ${r.spawnError}`;
  if (r.timedOut) return `${tool} ${limits.timeLimit ?? `exceeded the ${limits.timeoutMs} ms time limit`} and was stopped`;
  if (r.overflowed) return `${tool} output exceeded the ${limits.maxOutputBytes}-byte cap and was stopped`;
  if (r.outOfMemory && limits.memoryBytes !== undefined) {
    return `${tool} exceeded the ${Math.round(limits.memoryBytes / (1024 * 1024))} MiB memory cap and was stopped`;
  }
  if (r.code !== 0) {
    const msg = untrustedToolText(r.stderr);
    const hint = /^bwrap: execvp /m.test(r.stderr) ? ' (the jail holds only the tool binary: it must be statically linked, CGO_ENABLED=0)' : '';
    return `${tool} failed (exit ${r.code ?? 'signal'}): ${msg === '' ? 'no message' : msg}${hint}`;
  }
  return undefined;
}
