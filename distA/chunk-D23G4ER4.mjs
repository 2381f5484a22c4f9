// src/util/abort.ts
var AbortError = class extends Error {
  name = "AbortError";
  constructor(message = "the work was cancelled", options) {
    super(message, options);
  }
};
function isAbort(e) {
  for (let x = e, depth = 0; x !== void 0 && x !== null && depth < 8; depth++) {
    if (x instanceof AbortError) return true;
    if (typeof x === "object" && "name" in x && x.name === "AbortError") return true;
    x = typeof x === "object" && "cause" in x ? x.cause : void 0;
  }
  return false;
}
function throwIfAborted(signal) {
  if (signal?.aborted) throw new AbortError();
}
function abortable(work, signal) {
  if (signal === void 0) return work;
  if (signal.aborted) {
    work.catch(() => void 0);
    return Promise.reject(new AbortError());
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => void 0);
      reject(new AbortError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(signal.aborted ? new AbortError(void 0, { cause: e }) : e);
      }
    );
  });
}
var INTERRUPTED_EXIT = 130;

// src/gatekeeper/classify.ts
function gvkOf(object) {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion, kind } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}
function isTemplate(gvk) {
  return gvk.group === "templates.gatekeeper.sh" && gvk.kind === "ConstraintTemplate";
}
function isConstraint(gvk) {
  return gvk.group === "constraints.gatekeeper.sh";
}
function isConfig(gvk) {
  return gvk.group === "config.gatekeeper.sh" && gvk.kind === "Config";
}
function isExpansionTemplate(gvk) {
  return gvk.group === "expansion.gatekeeper.sh" && gvk.kind === "ExpansionTemplate";
}
function isMutator(gvk) {
  return gvk.group === "mutations.gatekeeper.sh";
}
function isSuite(gvk) {
  return gvk.group === "test.gatekeeper.sh" && gvk.kind === "Suite";
}
function isAdmissionReview(gvk) {
  return gvk.group === "admission.k8s.io" && gvk.kind === "AdmissionReview";
}
function isNamespace(gvk) {
  return gvk.group === "" && gvk.kind === "Namespace";
}
function classify(object) {
  const gvk = gvkOf(object);
  if (isTemplate(gvk)) return "ConstraintTemplate";
  if (isConstraint(gvk)) return "Constraint";
  if (isConfig(gvk)) return "Config";
  if (isExpansionTemplate(gvk)) return "ExpansionTemplate";
  if (isMutator(gvk)) return "Mutator";
  if (isSuite(gvk)) return "Suite";
  if (isAdmissionReview(gvk)) return "AdmissionReview";
  if (isNamespace(gvk)) return "Namespace";
  return "Object";
}
function groupVersion(gvk) {
  return gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
}
function metadataOf(object) {
  const m = object.metadata;
  return m !== null && typeof m === "object" && !Array.isArray(m) ? m : {};
}
function nameOf(object) {
  const n = metadataOf(object).name;
  return typeof n === "string" ? n : "";
}
function namespaceOf(object) {
  const n = metadataOf(object).namespace;
  return typeof n === "string" ? n : "";
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// src/opa/tools.ts
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path, { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
var PINNED_TOOL_VERSIONS = {
  opa: "1.22.3",
  gator: "3.23.0",
  kustomize: "5.8.1",
  helm: "3.21.4"
};
var REPO_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
function packageRoot(start) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return `${dir}${path.sep}`;
    if (path.dirname(dir) === dir) return `${start}${path.sep}`;
  }
}
function toolEnvVar(name) {
  return `PREADMIT_${name.toUpperCase()}`;
}
function isExecutableFile(path3) {
  try {
    if (!statSync(path3).isFile()) return false;
    accessSync(path3, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function findTool(name, env = process.env) {
  const envVar = toolEnvVar(name);
  const fromEnv = env[envVar];
  if (fromEnv !== void 0 && fromEnv !== "") {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(
      `${envVar}=${fromEnv} is not an executable file; point it at a ${name} binary, or unset it and run \`npm run tools\``
    );
  }
  const pinned = join(REPO_ROOT, ".tools", "bin", name);
  if (isExecutableFile(pinned)) return pinned;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new Error(
    `${name} not found: run \`npm run tools\` to install ${name} v${PINNED_TOOL_VERSIONS[name]} into .tools/bin, or set ${envVar}=/path/to/${name}`
  );
}
var DEFAULT_TIMEOUT_MS = 12e4;
var DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
function scrubbedEnv(extra = {}) {
  return { PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C", ...extra };
}
function runTool(file, args, options = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let truncated = false;
    const out = [];
    const err = [];
    const sizes = { out: 0, err: 0 };
    const finish = (result2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result2);
    };
    let child;
    try {
      child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? scrubbedEnv(),
        shell: false,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true
      });
    } catch (e) {
      resolve({ exitCode: null, stdout: "", stderr: "", timedOut: false, truncated: false, spawnError: String(e) });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const collect = (chunks, key) => (chunk) => {
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
    child.stdout?.on("data", collect(out, "out"));
    child.stderr?.on("data", collect(err, "err"));
    const result = (exitCode) => ({
      exitCode,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
      timedOut,
      truncated
    });
    child.on("error", (e) => finish({ ...result(null), spawnError: e.message }));
    child.on("close", (code) => finish(result(code)));
  });
}

// src/util/cache-stats.ts
var counts = {
  compile: { hits: 0, misses: 0 },
  render: { hits: 0, misses: 0 }
};
function countCacheLookup(cache, hit) {
  counts[cache][hit ? "hits" : "misses"]++;
}
function cacheStats() {
  return { compile: { ...counts.compile }, render: { ...counts.render } };
}

// src/util/files.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join as join2 } from "node:path";
function defaultCacheDir(env = process.env) {
  if (env.PREADMIT_CACHE_DIR) return env.PREADMIT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join2(env.XDG_CACHE_HOME, "preadmit");
  return join2(homedir(), ".cache", "preadmit");
}
async function atomicWrite(path3, data) {
  await mkdir(dirname(path3), { recursive: true });
  const tmp = `${path3}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path3);
}

// src/util/tar.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
import { gunzipSync } from "node:zlib";
var BLOCK = 512;
var TarError = class extends Error {
  name = "TarError";
};
function safeArchivePath(name) {
  if (name === "" || name.includes("\0") || name.includes("\\") || name.startsWith("/") || /^[A-Za-z]:/.test(name)) return void 0;
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.some((p) => p === "..")) return void 0;
  return parts.join("/");
}
function gunzipArchive(archive, maxBytes) {
  try {
    return gunzipSync(archive, { maxOutputLength: maxBytes + 64 * BLOCK });
  } catch (e) {
    const tooBig = e instanceof RangeError || e.code === "ERR_BUFFER_TOO_LARGE";
    throw new TarError(tooBig ? `unpacks to more than ${maxBytes} bytes` : `not a gzip archive (${e instanceof Error ? e.message : String(e)})`);
  }
}
function readTar(tar, limits = {}) {
  const maxBytes = limits.maxBytes ?? Infinity;
  const maxEntries = limits.maxEntries ?? Infinity;
  const out = [];
  let pos = 0;
  let total = 0;
  let longName;
  let longLink;
  let pax = /* @__PURE__ */ new Map();
  while (pos + BLOCK <= tar.length) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!validChecksum(header)) throw new TarError(`corrupt tar header at byte ${pos}`);
    const size = sizeOf(header);
    if (size === void 0) throw new TarError(`unreadable entry size at byte ${pos}`);
    const typeFlag = String.fromCharCode(header[156] ?? 0);
    const dataStart = pos + BLOCK;
    if (dataStart + size > tar.length) throw new TarError(`truncated tar entry at byte ${pos}`);
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeFlag === "L") {
      longName = cString(data);
      continue;
    }
    if (typeFlag === "K") {
      longLink = cString(data);
      continue;
    }
    if (typeFlag === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (typeFlag === "g") continue;
    if (out.length + 1 > maxEntries) throw new TarError(`more than ${maxEntries} entries`);
    const magic = header.subarray(257, 262).toString("latin1");
    const prefix = magic === "ustar" ? cString(header.subarray(345, 500)) : "";
    const stored = cString(header.subarray(0, 100));
    const name = pax.get("path") ?? longName ?? (prefix !== "" ? `${prefix}/${stored}` : stored);
    const link = pax.get("linkpath") ?? longLink ?? cString(header.subarray(157, 257));
    longName = void 0;
    longLink = void 0;
    pax = /* @__PURE__ */ new Map();
    const type = typeOf(typeFlag);
    if (type === "file") {
      total += size;
      if (total > maxBytes) throw new TarError(`unpacks to more than ${maxBytes} bytes`);
    }
    out.push({
      name,
      path: safeArchivePath(name),
      type,
      typeFlag,
      mode: octal(header.subarray(100, 108)) ?? 0,
      bytes: type === "file" ? Buffer.from(data) : Buffer.alloc(0),
      ...type === "symlink" || type === "hardlink" ? { linkTarget: link } : {}
    });
  }
  return out;
}
function readTarGz(archive, limits = {}) {
  const gzipped = archive[0] === 31 && archive[1] === 139;
  const tar = gzipped ? gunzipArchive(archive, limits.maxBytes ?? 1024 * 1024 * 1024) : Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  return readTar(tar, limits);
}
function typeOf(flag) {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    default:
      return "other";
  }
}
function validChecksum(header) {
  const stored = octal(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i] ?? 0;
  return sum === stored;
}
function sizeOf(header) {
  const field = header.subarray(124, 136);
  if (((field[0] ?? 0) & 128) !== 0) {
    let n = (field[0] ?? 0) & 127;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return Number.isSafeInteger(n) ? n : void 0;
  }
  return octal(field);
}
function octal(field) {
  const text = cString(field).trim();
  if (!/^[0-7]*$/.test(text)) return void 0;
  return text === "" ? 0 : parseInt(text, 8);
}
function cString(b) {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString("utf8");
}
function paxRecords(data) {
  const out = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const len = Number(data.subarray(pos, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length) break;
    const record = data.subarray(space + 1, pos + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return out;
}
async function extractTarGz(archive, dest, limits) {
  let entries;
  try {
    entries = readTar(gunzipArchive(archive, limits.maxBytes), limits);
  } catch (e) {
    if (e instanceof TarError) return { reason: e.message };
    throw e;
  }
  const list = [];
  for (const e of entries) {
    const shown = JSON.stringify(e.name.length > 200 ? `${e.name.slice(0, 200)}\u2026` : e.name);
    if (e.path === void 0) return { reason: `entry ${shown} leaves the chart (absolute path or '..')` };
    if (e.type === "symlink" || e.type === "hardlink") return { reason: `entry ${shown} is a ${e.type === "hardlink" ? "hard" : "symbolic"} link: charts are unpacked without links` };
    if (e.type === "other") return { reason: `entry ${shown} is not a regular file or directory (type '${e.typeFlag}')` };
    list.push({ path: e.path, dir: e.type === "dir", bytes: e.bytes });
  }
  const files = new Set(list.filter((e) => !e.dir).map((e) => e.path));
  for (const e of list) {
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      if (files.has(parts.slice(0, i).join("/"))) return { reason: `entry ${JSON.stringify(e.path)} lies below the file ${JSON.stringify(parts.slice(0, i).join("/"))}` };
    }
  }
  await mkdir2(dest, { recursive: true });
  const written = [];
  for (const e of list) {
    const target = path2.join(dest, ...e.path.split("/"));
    if (e.dir) {
      await mkdir2(target, { recursive: true, mode: 493 });
      continue;
    }
    await mkdir2(path2.dirname(target), { recursive: true, mode: 493 });
    try {
      await writeFile2(target, e.bytes, { mode: 420 });
    } catch (err) {
      return { reason: `${e.path}: cannot be written (${err instanceof Error ? err.message : String(err)})` };
    }
    written.push(e.path);
  }
  return { files: written };
}

export {
  AbortError,
  isAbort,
  throwIfAborted,
  abortable,
  INTERRUPTED_EXIT,
  gvkOf,
  isNamespace,
  classify,
  groupVersion,
  metadataOf,
  nameOf,
  namespaceOf,
  isObject,
  PINNED_TOOL_VERSIONS,
  REPO_ROOT,
  findTool,
  scrubbedEnv,
  runTool,
  countCacheLookup,
  cacheStats,
  defaultCacheDir,
  atomicWrite,
  readTar,
  readTarGz,
  extractTarGz
};
//# sourceMappingURL=chunk-D23G4ER4.mjs.map
