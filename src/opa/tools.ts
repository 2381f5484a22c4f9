// Locating the pinned Go tools (opa, gator, kustomize, helm) and running them as sandboxed child processes.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path, { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ToolName = 'opa' | 'gator' | 'kustomize' | 'helm';

/** The versions `npm run tools` installs (scripts/install-tools.sh). */
export const PINNED_TOOL_VERSIONS: Readonly<Record<ToolName, string>> = {
  opa: '1.22.3',
  gator: '3.23.0',
  kustomize: '5.8.1',
  helm: '3.21.4',
};

/**
 * preadmit's own root (where `.tools/` and `policies/` are): the nearest directory above this module with
 * a package.json. The module is `<root>/src/opa/tools.ts`, or part of the bundle in `<root>/dist/`.
 */
export const REPO_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

function packageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return `${dir}${path.sep}`;
    if (path.dirname(dir) === dir) return `${start}${path.sep}`;
  }
}

function toolEnvVar(name: ToolName): string {
  return `PREADMIT_${name.toUpperCase()}`;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where to find a tool: `$PREADMIT_<NAME>`, then `<repo>/.tools/bin/<name>`, then `PATH`.
 * Throws an Error that says what to run when none has it.
 */
export function findTool(name: ToolName, env: NodeJS.ProcessEnv = process.env): string {
  const envVar = toolEnvVar(name);
  const fromEnv = env[envVar];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(
      `${envVar}=${fromEnv} is not an executable file; point it at a ${name} binary, or unset it and run \`npm run tools\``,
    );
  }
  const pinned = join(REPO_ROOT, '.tools', 'bin', name);
  if (isExecutableFile(pinned)) return pinned;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new Error(
    `${name} not found: run \`npm run tools\` to install ${name} v${PINNED_TOOL_VERSIONS[name]} into .tools/bin, ` +
      `or set ${envVar}=/path/to/${name}`,
  );
}

export interface RunOptions {
  cwd?: string;
  /** Killed (SIGKILL) after this long. */
  timeoutMs?: number;
  /** stdout and stderr are each kept up to this many bytes; the rest is dropped. */
  maxOutputBytes?: number;
  /** The whole environment of the child; nothing is inherited. */
  env?: Record<string, string>;
}

export interface RunResult {
  /** null when killed by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;

/** A minimal environment: no credentials, proxies or tool settings leak into children. */
export function scrubbedEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C', ...extra };
}

/** Runs a binary without a shell, with a scrubbed environment, a time limit and an output cap. */
export function runTool(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let truncated = false;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const sizes = { out: 0, err: 0 };
    const finish = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? scrubbedEnv(),
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, spawnError: String(e) });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const collect = (chunks: Buffer[], key: 'out' | 'err') => (chunk: Buffer) => {
      const room = cap - sizes[key];
      if (room <= 0) {
        truncated = true;
        return;
      }
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part.length < chunk.length) truncated = true;
      chunks.push(part);
      sizes[key] += part.length;
    };
    child.stdout?.on('data', collect(out, 'out'));
    child.stderr?.on('data', collect(err, 'err'));
    const result = (exitCode: number | null) => ({
      exitCode,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
      timedOut,
      truncated,
    });
    child.on('error', (e) => finish({ ...result(null), spawnError: e.message }));
    child.on('close', (code) => finish(result(code)));
  });
}
