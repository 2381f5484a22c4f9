// Compiling ConstraintTemplate Rego to wasm with `opa build`: many templates per opa run, each under a private
// package, with a content-addressed disk cache so that a warm run starts no opa process at all.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegoCode } from '../gatekeeper/template.ts';
import { capabilitiesArgs, denialReason, isDeniedBuiltin, restrictCapabilities } from './capabilities.ts';
import { analyzeRego, rewriteRego } from './rego.ts';
import { findTool, PINNED_TOOL_VERSIONS, runTool, scrubbedEnv } from './tools.ts';
import { countCacheLookup } from '../util/cache-stats.ts';
import { atomicWrite, defaultCacheDir } from '../util/files.ts';
import { readTarGz } from '../util/tar.ts';
import { LRUCache } from 'lru-cache';
import { ROUTED_BUILTINS, sortedIterationModule } from './sorted-module.ts';

interface CompileRequest {
  /** The caller's id, e.g. the template name. */
  key: string;
  code: RegoCode;
}

interface CompiledModule {
  /** sha256 of the wasm bytes; several templates may share one module. */
  id: string;
  wasm: Uint8Array;
}

export interface CompiledTemplate {
  key: string;
  module: CompiledModule;
  /** Name in the module's `entrypoints()` map; evaluates to the template's `violation` set. */
  entrypoint: string;
}

interface CompileFailure {
  key: string;
  error: string;
  /** Where opa located the first problem, in the template's own terms: `template` or `libs["lib_0"]`, 1-based line. */
  location?: { module: string; line: number };
}

export type CompileOutcome = CompiledTemplate | CompileFailure;

export interface Compiler {
  compile(requests: CompileRequest[]): Promise<Map<string, CompileOutcome>>;
}

export interface CompilerOptions {
  opaPath?: string;
  cacheDir?: string;
  /** Time limit of one opa build run over `n` templates: base + n * perTemplate. */
  timeoutMs?: number;
}

export function isCompiled(outcome: CompileOutcome): outcome is CompiledTemplate {
  return 'module' in outcome;
}

/** `$PREADMIT_CACHE_DIR`, else `$XDG_CACHE_HOME/preadmit`, else `~/.cache/preadmit`. */

/** Bump when the rewriting or the layout of cache entries changes. */
// The module patch (sorted iteration, builtins routed to the host) is part of what is cached: a change to the
// routed set changes every key. 7: number comparison and set lookups patched (opa_value_compare_number, opa_value_get).
const CACHE_FORMAT = `preadmit-compile-7:${ROUTED_BUILTINS.map((b) => b.name).join(',')}`;
const PACKAGE_ROOT = 'preadmit';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The private package id of a piece of code: equal code shares one package (and one entrypoint). */
function packageIdOf(code: RegoCode): string {
  return `t${sha256(JSON.stringify([code.version, code.rego, code.libs])).slice(0, 16)}`;
}

/**
 * The entrypoint preadmit evaluates: the template's hook, which evaluates `violation` once per matched
 * constraint of the kind, as Gatekeeper's own hook does (see `hookModule`).
 */
function entrypointOf(packageId: string): string {
  return `${PACKAGE_ROOT}/${packageId}/hook/violation`;
}

/**
 * Every module also has this entrypoint: input `{review, kinds: {<packageId>: [{key, parameters}]}}`
 * evaluates the hook of every listed template of the module on one review, so a review's JSON is parsed
 * once per module rather than once per template. Results are `{t: <packageId>, r: <hook result>}`. An
 * evaluation error cannot be told apart by template here: the caller evaluates the hooks one by one then.
 */
export const DISPATCH_ENTRYPOINT = `${PACKAGE_ROOT}/dispatch/violation`;

/** The package id in a template's entrypoint (see entrypointOf). */
export function packageIdOfEntrypoint(entrypoint: string): string {
  return entrypoint.split('/')[1] ?? '';
}

function dispatchModule(packageIds: string[], version: 'v0' | 'v1'): string {
  const rules = packageIds.map((pid) => {
    const head = version === 'v1' ? `violation contains {"t": "${pid}", "r": r} if` : `violation[{"t": "${pid}", "r": r}]`;
    return `${head} {
  cs := input.kinds["${pid}"]
  data.${PACKAGE_ROOT}.${pid}.hook.violation[r] with input as {"review": input.review, "constraints": cs}
}`;
  });
  return `package ${PACKAGE_ROOT}.dispatch\n\n${rules.join('\n\n')}\n`;
}

/**
 * frameworks' hook (`data.hooks.violation`), per template: input `{review, constraints: [{key,
 * parameters}]}`; for each constraint the template sees `{review, parameters}`, and each result with a
 * `msg` becomes `{key, msg, details}` (details defaulting to `{}`), as a set. One evaluation covers every
 * matched constraint of the kind, so an evaluation error fails them all, as in Gatekeeper.
 */
function hookModule(packageId: string, version: 'v0' | 'v1'): string {
  const pkg = `${PACKAGE_ROOT}.${packageId}`;
  const body = `{
  c := input.constraints[_]
  inp := {"review": input.review, "parameters": c.parameters}
  data.${pkg}.template.violation[r] with input as inp
  response := {"key": c.key, "details": object.get(r, "details", {}), "msg": r.msg}
}`;
  return version === 'v1' ? `package ${pkg}.hook\n\nviolation contains response if ${body}\n` : `package ${pkg}.hook\n\nviolation[response] ${body}\n`;
}

interface RewrittenFile {
  /** Relative to the build directory, e.g. `t0123.../template.rego`. */
  path: string;
  text: string;
}

/** The template module and its libs, moved under `preadmit.<id>.template` and `preadmit.<id>.libs.lib...`. */
function rewriteTemplateCode(packageId: string, code: RegoCode): RewrittenFile[] {
  const libPrefix = `${PACKAGE_ROOT}.${packageId}.libs`;
  const files: RewrittenFile[] = [
    {
      path: `${packageId}/template.rego`,
      text: rewriteRego(code.rego, analyzeRego(code.rego), {
        entryPackage: `${PACKAGE_ROOT}.${packageId}.template`,
        libPrefix,
      }),
    },
  ];
  code.libs.forEach((lib, i) => {
    files.push({ path: `${packageId}/lib_${i}.rego`, text: rewriteRego(lib, analyzeRego(lib), { libPrefix }) });
  });
  files.push({ path: `${packageId}/hook.rego`, text: hookModule(packageId, code.version) });
  return files;
}

// ---- cache ----


async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

type CacheEntry = { moduleId: string; entrypoint: string } | { error: string; location?: { module: string; line: number } };

function asCacheEntry(v: unknown): CacheEntry | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.moduleId === 'string' && /^[0-9a-f]{64}$/.test(o.moduleId) && typeof o.entrypoint === 'string') {
    return { moduleId: o.moduleId, entrypoint: o.entrypoint };
  }
  if (typeof o.error === 'string') {
    const loc = o.location as Record<string, unknown> | undefined;
    const location =
      loc && typeof loc.module === 'string' && typeof loc.line === 'number'
        ? { module: loc.module, line: loc.line }
        : undefined;
    return location ? { error: o.error, location } : { error: o.error };
  }
  return undefined;
}

interface Toolchain {
  opaVersion: string;
  capsHash: Record<'v0' | 'v1', string>;
  /** Undefined when the binary is missing: cached results can still be used, nothing can be built. */
  opaPath: string | undefined;
  missingReason?: string;
}

// ---- opa error output ----

interface OpaError {
  packageId: string;
  module: string;
  line: number;
  text: string;
}

const FILE_RE = /(t[0-9a-f]{16})\/(template|lib_(\d+))\.rego:(\d+):/g;

/** Splits opa's stderr into errors attributed to the files of our packages. */
function attributeOpaErrors(stderr: string): OpaError[] {
  const errors: OpaError[] = [];
  let current: OpaError | undefined;
  for (const rawLine of stderr.split('\n')) {
    FILE_RE.lastIndex = 0;
    const m = FILE_RE.exec(rawLine);
    if (m) {
      const module = m[2] === 'template' ? 'template' : `libs["lib_${m[3]}"]`;
      current = {
        packageId: m[1]!,
        module,
        line: Number(m[4]),
        text: `${module}:${m[4]}:${rawLine.slice(m.index + m[0].length)}`,
      };
      errors.push(current);
    } else if (current !== undefined && rawLine.startsWith('\t')) {
      current.text += `\n${rawLine}`;
    } else {
      current = undefined;
    }
  }
  return errors;
}

/** Gatekeeper's names for what our rewriting renamed. */
function unrewrite(text: string, packageId: string): string {
  return text
    .split(`${PACKAGE_ROOT}.${packageId}.template`).join('template')
    .split(`${PACKAGE_ROOT}.${packageId}.libs.`).join('libs.')
    .split(`${PACKAGE_ROOT}/${packageId}/template`).join('template')
    .split(`${PACKAGE_ROOT}/${packageId}/libs/`).join('libs/');
}

function formatErrors(errors: OpaError[], packageId: string): string {
  const texts = errors.map((e) => unrewrite(e.text, packageId));
  const parse = errors.some((e) => e.text.includes('rego_parse_error'));
  const head = parse ? 'invalid ConstraintTemplate' : 'unable to compile modules';
  return texts.length === 1
    ? `${head}: 1 error occurred: ${texts[0]}`
    : `${head}: ${texts.length} errors occurred:\n${texts.join('\n')}`;
}

function deniedBuiltinNote(key: string, message: string): string {
  const m = /undefined function ([A-Za-z0-9_.]+)/.exec(message);
  if (!m || !isDeniedBuiltin(m[1]!)) return message;
  const name = m[1]!;
  return `template ${JSON.stringify(key)} calls builtin ${name}, which preadmit does not allow (${denialReason(name)}): ${message}`;
}

// ---- the compiler ----

interface Unit {
  packageId: string;
  code: RegoCode;
  cacheKey: string;
}

type UnitResult =
  | { ok: true; moduleId: string; wasm: Uint8Array }
  | { ok: false; error: string; location?: { module: string; line: number }; cacheable: boolean };

const BASE_TIMEOUT_MS = 60_000;
/** Compile-cache entries and wasm bytes a compiler keeps in memory (the disk cache keeps everything). */
const MAX_REMEMBERED_ENTRIES = 20_000;
const MAX_REMEMBERED_MODULE_BYTES = 256 * 1024 * 1024;
const PER_TEMPLATE_TIMEOUT_MS = 2_000;

class OpaCompiler implements Compiler {
  private readonly cacheDir: string;
  private toolchainPromise: Promise<Toolchain> | undefined;
  /** opa processes started by this compiler, for tests and benchmarks. */
  processCount = 0;

  constructor(private readonly options: CompilerOptions) {
    this.cacheDir = options.cacheDir ?? defaultCacheDir();
  }

  async compile(requests: CompileRequest[]): Promise<Map<string, CompileOutcome>> {
    const results = new Map<string, CompileOutcome>();
    if (requests.length === 0) return results;
    const toolchain = await this.toolchain();
    const misses = new Map<string, { unit: Unit; keys: string[] }>();
    for (const req of requests) {
      const packageId = packageIdOf(req.code);
      const cacheKey = sha256(
        JSON.stringify([CACHE_FORMAT, toolchain.opaVersion, toolchain.capsHash[req.code.version], req.code]),
      );
      const hit = await this.lookup(cacheKey);
      countCacheLookup('compile', hit !== undefined);
      if (hit !== undefined) {
        results.set(req.key, this.outcome(req.key, hit.entry, hit.module));
        continue;
      }
      const miss = misses.get(cacheKey) ?? { unit: { packageId, code: req.code, cacheKey }, keys: [] };
      miss.keys.push(req.key);
      misses.set(cacheKey, miss);
    }
    if (misses.size === 0) return results;
    if (toolchain.opaPath === undefined) {
      for (const { keys } of misses.values()) {
        for (const key of keys) results.set(key, { key, error: `cannot compile Rego: ${toolchain.missingReason}` });
      }
      return results;
    }
    for (const version of ['v0', 'v1'] as const) {
      const units = [...misses.values()].filter((m) => m.unit.code.version === version);
      if (units.length === 0) continue;
      const built = await this.buildUnits(toolchain, version, units.map((u) => u.unit));
      for (const { unit, keys } of units) {
        const r = built.get(unit.packageId)!;
        let entry: CacheEntry;
        let module: CompiledModule | undefined;
        if (r.ok) {
          entry = { moduleId: r.moduleId, entrypoint: entrypointOf(unit.packageId) };
          module = { id: r.moduleId, wasm: r.wasm };
          this.modules.set(r.moduleId, module);
        } else {
          entry = r.location ? { error: r.error, location: r.location } : { error: r.error };
        }
        if (r.ok || r.cacheable) await this.store(unit.cacheKey, entry, module);
        for (const key of keys) results.set(key, this.outcome(key, entry, module));
      }
    }
    return results;
  }

  private outcome(key: string, entry: CacheEntry, module: CompiledModule | undefined): CompileOutcome {
    if ('moduleId' in entry) {
      if (module === undefined) throw new Error(`compiled module ${entry.moduleId} is missing`);
      return { key, module, entrypoint: entry.entrypoint };
    }
    const error = deniedBuiltinNote(key, entry.error);
    return entry.location ? { key, error, location: entry.location } : { key, error };
  }

  private entryPath(cacheKey: string): string {
    return join(this.cacheDir, 'entries', cacheKey.slice(0, 2), `${cacheKey}.json`);
  }

  private modulePath(moduleId: string): string {
    return join(this.cacheDir, 'modules', `${moduleId}.wasm`);
  }

  /**
   * Entries this compiler already read or wrote (a long-running app asks for the same ones all the time), and
   * the modules they name, bounded: a module let go is read from the disk cache again when asked for.
   */
  private readonly entries = new LRUCache<string, CacheEntry>({ max: MAX_REMEMBERED_ENTRIES });
  private readonly modules = new LRUCache<string, CompiledModule>({
    maxSize: MAX_REMEMBERED_MODULE_BYTES,
    sizeCalculation: (m) => Math.max(1, m.wasm.byteLength),
  });

  /** A cache entry and its module, present and intact, else undefined (corrupt entries count as misses). */
  private async lookup(cacheKey: string): Promise<{ entry: CacheEntry; module?: CompiledModule } | undefined> {
    const entry = this.entries.get(cacheKey) ?? asCacheEntry(await readJson(this.entryPath(cacheKey)));
    if (entry === undefined) return undefined;
    if (!('moduleId' in entry)) {
      this.entries.set(cacheKey, entry);
      return { entry };
    }
    // The module is returned with its entry (never looked up again later): a concurrent compile() in this
    // process, or the bound on remembered modules, cannot leave an entry without its module.
    let module = this.modules.get(entry.moduleId);
    if (module === undefined) {
      try {
        const wasm = new Uint8Array(await readFile(this.modulePath(entry.moduleId)));
        if (sha256(wasm) !== entry.moduleId) {
          this.entries.delete(cacheKey);
          return undefined;
        }
        module = { id: entry.moduleId, wasm };
        this.modules.set(entry.moduleId, module);
      } catch {
        this.entries.delete(cacheKey);
        return undefined;
      }
    }
    this.entries.set(cacheKey, entry);
    return { entry, module };
  }

  private async store(cacheKey: string, entry: CacheEntry, module: CompiledModule | undefined): Promise<void> {
    this.entries.set(cacheKey, entry);
    try {
      if (module !== undefined) await atomicWrite(this.modulePath(module.id), module.wasm);
      await atomicWrite(this.entryPath(cacheKey), JSON.stringify(entry));
    } catch {
      // A read-only or full cache directory only costs speed.
    }
  }

  private toolchain(): Promise<Toolchain> {
    this.toolchainPromise ??= this.resolveToolchain();
    return this.toolchainPromise;
  }

  /**
   * Who compiles: the opa version and the capabilities hashes, remembered per binary (path, size, mtime, inode)
   * so a warm run runs no opa. When the binary is missing, cached results built by the pinned opa still count.
   */
  private async resolveToolchain(): Promise<Toolchain> {
    let opaPath: string | undefined;
    let missingReason: string | undefined;
    try {
      opaPath = this.options.opaPath ?? findTool('opa');
      const st = await stat(opaPath);
      if (!st.isFile()) throw new Error(`${opaPath} is not a file`);
    } catch (e) {
      missingReason = e instanceof Error ? e.message : String(e);
      if (opaPath !== undefined && !missingReason.startsWith(opaPath)) missingReason = `opa at ${opaPath}: ${missingReason}`;
      opaPath = undefined;
    }
    if (opaPath === undefined) {
      const pinned = PINNED_TOOL_VERSIONS.opa;
      const known = await readJson(join(this.cacheDir, 'toolchains', `opa-${pinned}.json`));
      const caps = known as { v0?: unknown; v1?: unknown } | undefined;
      const capsHash =
        typeof caps?.v0 === 'string' && typeof caps.v1 === 'string' ? { v0: caps.v0, v1: caps.v1 } : { v0: '', v1: '' };
      return { opaVersion: pinned, capsHash, opaPath: undefined, missingReason };
    }
    const real = await realpath(opaPath);
    const st = await stat(real);
    const statKey = sha256(JSON.stringify([real, st.size, st.mtimeMs, st.ino, st.dev]));
    const recordPath = join(this.cacheDir, 'toolchains', `bin-${statKey}.json`);
    const record = (await readJson(recordPath)) as { opaVersion?: unknown; v0?: unknown; v1?: unknown } | undefined;
    if (
      typeof record?.opaVersion === 'string' &&
      typeof record.v0 === 'string' &&
      typeof record.v1 === 'string' &&
      (await this.capabilitiesFile(record.v0)) !== undefined &&
      (await this.capabilitiesFile(record.v1)) !== undefined
    ) {
      return { opaVersion: record.opaVersion, capsHash: { v0: record.v0, v1: record.v1 }, opaPath };
    }
    const version = await this.run(opaPath, ['version'], 30_000);
    const vm = /^Version:\s*(\S+)/m.exec(version.stdout);
    if (version.exitCode !== 0 || !vm) {
      return {
        opaVersion: 'unknown',
        capsHash: { v0: '', v1: '' },
        opaPath: undefined,
        missingReason: `\`${opaPath} version\` failed: ${(version.spawnError ?? version.stderr).trim()}`,
      };
    }
    const capsHash = { v0: '', v1: '' };
    for (const v of ['v0', 'v1'] as const) {
      const out = await this.run(opaPath, capabilitiesArgs(v), 30_000);
      if (out.exitCode !== 0) {
        return {
          opaVersion: vm[1]!,
          capsHash,
          opaPath: undefined,
          missingReason: `\`opa ${capabilitiesArgs(v).join(' ')}\` failed: ${(out.spawnError ?? out.stderr).trim()}`,
        };
      }
      const caps = restrictCapabilities(out.stdout);
      await atomicWrite(join(this.cacheDir, 'capabilities', `${caps.hash}.json`), caps.json).catch(() => undefined);
      capsHash[v] = caps.hash;
    }
    const rec = JSON.stringify({ opaVersion: vm[1]!, ...capsHash });
    await atomicWrite(recordPath, rec).catch(() => undefined);
    await atomicWrite(join(this.cacheDir, 'toolchains', `opa-${vm[1]!}.json`), rec).catch(() => undefined);
    return { opaVersion: vm[1]!, capsHash, opaPath };
  }

  private async capabilitiesFile(hash: string): Promise<string | undefined> {
    const path = join(this.cacheDir, 'capabilities', `${hash}.json`);
    try {
      const text = await readFile(path, 'utf8');
      return sha256(text) === hash ? path : undefined;
    } catch {
      return undefined;
    }
  }

  private run(file: string, args: string[], timeoutMs: number) {
    this.processCount++;
    return runTool(file, args, { timeoutMs, maxOutputBytes: 4 * 1024 * 1024, env: scrubbedEnv() });
  }

  /** Builds units of one Rego version, in as few opa runs as the errors allow. */
  private async buildUnits(toolchain: Toolchain, version: 'v0' | 'v1', units: Unit[]): Promise<Map<string, UnitResult>> {
    const results = new Map<string, UnitResult>();
    const queue: Unit[][] = [units];
    while (queue.length > 0) {
      let batch = queue.shift()!;
      for (;;) {
        if (batch.length === 0) break;
        const run = await this.runBuild(toolchain, version, batch);
        if (run.kind === 'ok') {
          for (const u of batch) results.set(u.packageId, { ok: true, moduleId: run.moduleId, wasm: run.wasm });
          break;
        }
        if (run.kind === 'attributed') {
          for (const [packageId, errors] of run.errors) {
            const first = errors[0]!;
            results.set(packageId, {
              ok: false,
              error: formatErrors(errors, packageId),
              location: { module: first.module, line: first.line },
              cacheable: true,
            });
          }
          batch = batch.filter((u) => !run.errors.has(u.packageId));
          continue;
        }
        // Not attributable to a file: split the batch until the culprit stands alone.
        if (batch.length > 1 && !run.fatal) {
          const half = Math.ceil(batch.length / 2);
          queue.unshift(batch.slice(0, half), batch.slice(half));
        } else {
          for (const u of batch) results.set(u.packageId, { ok: false, error: run.message, cacheable: false });
        }
        break;
      }
    }
    return results;
  }

  private async runBuild(
    toolchain: Toolchain,
    version: 'v0' | 'v1',
    batch: Unit[],
  ): Promise<
    | { kind: 'ok'; moduleId: string; wasm: Uint8Array }
    | { kind: 'attributed'; errors: Map<string, OpaError[]> }
    | { kind: 'failed'; message: string; fatal: boolean }
  > {
    let capsPath = await this.capabilitiesFile(toolchain.capsHash[version]);
    if (capsPath === undefined) {
      // The capabilities file went missing or was damaged after the toolchain was resolved: rebuild it.
      const out = await this.run(toolchain.opaPath!, capabilitiesArgs(version), 30_000);
      if (out.exitCode !== 0) return { kind: 'failed', message: `opa capabilities failed: ${out.stderr.trim()}`, fatal: true };
      const caps = restrictCapabilities(out.stdout);
      if (caps.hash !== toolchain.capsHash[version]) {
        return { kind: 'failed', message: 'opa capabilities changed while compiling; run again', fatal: true };
      }
      capsPath = join(this.cacheDir, 'capabilities', `${caps.hash}.json`);
      await atomicWrite(capsPath, caps.json);
    }
    const dir = await mkdtemp(join(tmpdir(), 'preadmit-opa-'));
    try {
      const files: string[] = [];
      for (const unit of batch) {
        await mkdir(join(dir, unit.packageId), { recursive: true });
        for (const f of rewriteTemplateCode(unit.packageId, unit.code)) {
          await writeFile(join(dir, f.path), f.text);
          files.push(f.path);
        }
      }
      await writeFile(join(dir, 'dispatch.rego'), dispatchModule(batch.map((u) => u.packageId), version));
      files.push('dispatch.rego');
      await writeFile(join(dir, 'capabilities.json'), await readFile(capsPath));
      const args = ['build', '-t', 'wasm', '-O=0'];
      if (version === 'v0') args.push('--v0-compatible');
      args.push('--capabilities', 'capabilities.json', '-o', 'bundle.tar.gz');
      for (const unit of batch) args.push('-e', entrypointOf(unit.packageId));
      args.push('-e', DISPATCH_ENTRYPOINT);
      args.push(...files);
      const timeoutMs = this.options.timeoutMs ?? BASE_TIMEOUT_MS + PER_TEMPLATE_TIMEOUT_MS * batch.length;
      this.processCount++;
      const res = await runTool(toolchain.opaPath!, args, {
        cwd: dir,
        timeoutMs,
        maxOutputBytes: 1024 * 1024,
        env: scrubbedEnv({ HOME: dir, TMPDIR: dir }),
      });
      if (res.spawnError !== undefined) {
        return { kind: 'failed', message: `cannot run opa: ${res.spawnError}`, fatal: true };
      }
      if (res.timedOut) {
        return { kind: 'failed', message: `opa build timed out after ${timeoutMs} ms`, fatal: false };
      }
      if (res.exitCode !== 0) {
        const errors = new Map<string, OpaError[]>();
        const known = new Set(batch.map((u) => u.packageId));
        // opa prints build errors on stdout, other failures on stderr.
        const output = `${res.stdout}\n${res.stderr}`;
        for (const e of attributeOpaErrors(output)) {
          if (!known.has(e.packageId)) continue;
          const list = errors.get(e.packageId) ?? [];
          list.push(e);
          errors.set(e.packageId, list);
        }
        if (errors.size > 0) return { kind: 'attributed', errors };
        return { kind: 'failed', message: `opa build failed: ${output.trim() || `exit code ${res.exitCode}`}`, fatal: false };
      }
      // opa's own output: its bundle names start with `/` (`/policy.wasm`).
      const bundle = readTarGz(await readFile(join(dir, 'bundle.tar.gz')));
      const fileOf = (name: string): Buffer | undefined => bundle.find((e) => e.type === 'file' && e.name.replace(/^\/+/, '') === name)?.bytes;
      const built = fileOf('policy.wasm');
      if (built === undefined) return { kind: 'failed', message: 'opa build wrote no /policy.wasm', fatal: true };
      let wasm: Uint8Array;
      try {
        // Sets and objects iterate in OPA's sorted order only after this pass (sorted-module.ts).
        wasm = sortedIterationModule(built);
      } catch (e) {
        return { kind: 'failed', message: `cannot make the compiled module iterate in sorted order: ${(e as Error).message}`, fatal: true };
      }
      const manifestBytes = fileOf('.manifest');
      const manifest = manifestBytes ? (JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as { wasm?: { entrypoint?: string }[] }) : {};
      const present = new Set((manifest.wasm ?? []).map((w) => w.entrypoint));
      const missing = batch.filter((u) => !present.has(entrypointOf(u.packageId)));
      if (missing.length > 0) {
        return { kind: 'failed', message: `opa build left out entrypoints ${missing.map((u) => entrypointOf(u.packageId)).join(', ')}`, fatal: true };
      }
      return { kind: 'ok', moduleId: sha256(wasm), wasm };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

export function createCompiler(options: CompilerOptions = {}): Compiler & { readonly processCount: number } {
  return new OpaCompiler(options);
}
