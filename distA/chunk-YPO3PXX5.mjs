import {
  isManifestFile
} from "./chunk-MDHHRUTZ.mjs";
import {
  Semver,
  compareSemver,
  parseSemver
} from "./chunk-GOXPIZBT.mjs";
import {
  goPathClean
} from "./chunk-JHNEIQET.mjs";
import {
  AbortError,
  REPO_ROOT,
  atomicWrite,
  countCacheLookup,
  defaultCacheDir,
  extractTarGz,
  findTool,
  isObject,
  nameOf,
  throwIfAborted
} from "./chunk-D23G4ER4.mjs";
import {
  compileGoRegexp,
  goQuoteMeta,
  testWithin
} from "./chunk-DMQTDK6J.mjs";
import {
  capObjectsPerRef,
  errorText,
  goCompare,
  goFloatText,
  goJsonCompact,
  goQuote,
  loadManifests,
  loadManifestsMemo
} from "./chunk-LV3SBTA7.mjs";

// src/render/mask.ts
var MASK = "***";
var MIN_SECRET_CHARS = 4;
var MIN_SEPARATED_CHARS = 6;
function isSecretLike(object) {
  if (typeof object.kind !== "string") return false;
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion.trim() : "";
  const slash = apiVersion.indexOf("/");
  return isSecretKind(slash < 0 ? "" : apiVersion.slice(0, slash), object.kind);
}
function isSecretKind(group, kind) {
  const g = group.trim().toLowerCase();
  return kind.trim().toLowerCase() === "secret" && (g === "" || g === "core");
}
function maskSecret(object) {
  if (!isSecretLike(object)) return object;
  const copy = { ...object };
  for (const field of ["data", "stringData"]) {
    const values = object[field];
    if (values === void 0 || values === null) continue;
    if (!isObject(values)) {
      copy[field] = MASK;
      continue;
    }
    const masked = {};
    for (const key of Object.keys(values)) Object.defineProperty(masked, key, { value: MASK, enumerable: true, writable: true, configurable: true });
    copy[field] = masked;
  }
  const meta = isObject(object.metadata) ? object.metadata : void 0;
  const annotations = meta && isObject(meta.annotations) ? meta.annotations : void 0;
  if (meta && annotations && LAST_APPLIED in annotations) {
    copy.metadata = { ...meta, annotations: { ...annotations, [LAST_APPLIED]: MASK } };
  }
  return copy;
}
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function* secretsAmong(objects, depth = 0) {
  for (const object of objects) {
    if (isSecretLike(object)) yield object;
    if (depth < 4 && Array.isArray(object.items)) yield* secretsAmong(object.items.filter(isObject), depth + 1);
  }
}
function scalars(value, out = [], depth = 0) {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "boolean") out.push(String(value));
  else if (depth < 16 && Array.isArray(value)) for (const v of value) scalars(v, out, depth + 1);
  else if (depth < 16 && isObject(value)) for (const v of Object.values(value)) scalars(v, out, depth + 1);
  return out;
}
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function secretValues(objects) {
  const out = /* @__PURE__ */ new Set();
  const add2 = (v) => {
    out.add(v);
    out.add(v.trim());
  };
  for (const object of secretsAmong(objects)) {
    for (const field of ["data", "stringData"]) {
      for (const v of scalars(object[field])) {
        add2(v);
        if (field !== "data") continue;
        try {
          add2(UTF8.decode(Buffer.from(v.replace(/\s+/g, ""), "base64")));
        } catch {
        }
      }
    }
  }
  for (const v of out) if (v.trim().length < MIN_SECRET_CHARS) out.delete(v);
  return out;
}
var SEPARATOR = /[\s,;'"`[\](){}\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u;
function literalForms(plain) {
  const bytes = Buffer.from(plain, "utf8");
  const b64 = bytes.toString("base64");
  const b64url = bytes.toString("base64url");
  const json = JSON.stringify(plain).slice(1, -1);
  const hex = bytes.toString("hex");
  return [plain, json, encodeURIComponent(plain), b64, b64.replace(/=+$/, ""), b64url, `${b64url}${"=".repeat((4 - b64url.length % 4) % 4)}`, hex, hex.toUpperCase()];
}
function spelledForms(plain) {
  const bytes = [...Buffer.from(plain, "utf8")];
  return [
    plain,
    // Go's %v of a []byte: [112 97 115 115]; %x-ish lists: 0x70, 0x61, …; escapes: \x70\x61…
    bytes.map((b) => String(b)).join(""),
    bytes.map((b) => `0x${b.toString(16).padStart(2, "0")}`).join(""),
    bytes.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join(""),
    // Runes as numbers ([]rune, code points) differ from bytes only beyond ASCII.
    [...plain].map((c) => String(c.codePointAt(0))).join("")
  ];
}
function squeeze(text) {
  let out = "";
  const at2 = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SEPARATOR.test(c)) continue;
    out += c;
    at2.push(i);
  }
  return { text: out, at: at2 };
}
var Literals = class {
  constructor(forms, prefix) {
    this.prefix = prefix;
    for (const f of new Set(forms)) {
      if (f.length < prefix) continue;
      const key = f.slice(0, prefix);
      const list2 = this.byPrefix.get(key) ?? [];
      list2.push(f);
      this.byPrefix.set(key, list2);
      this.first.add(f.charCodeAt(0));
    }
    for (const list2 of this.byPrefix.values()) list2.sort((a, b) => b.length - a.length);
  }
  prefix;
  byPrefix = /* @__PURE__ */ new Map();
  first = /* @__PURE__ */ new Set();
  get empty() {
    return this.byPrefix.size === 0;
  }
  /** [start, end) of every occurrence (the longest at each position). */
  find(text) {
    const out = [];
    for (let i = 0; i + this.prefix <= text.length; i++) {
      if (!this.first.has(text.charCodeAt(i))) continue;
      const list2 = this.byPrefix.get(text.slice(i, i + this.prefix));
      if (list2 === void 0) continue;
      for (const f of list2) {
        if (text.startsWith(f, i)) {
          out.push([i, i + f.length]);
          break;
        }
      }
    }
    return out;
  }
};
var Matcher = class {
  literal;
  spelled;
  constructor(values) {
    const literal = [];
    const spelled = [];
    for (const v of values) {
      literal.push(...literalForms(v));
      for (const f of spelledForms(v)) {
        const s2 = squeeze(f).text;
        if (s2.length >= MIN_SEPARATED_CHARS) spelled.push(s2);
      }
    }
    this.literal = new Literals(literal, MIN_SECRET_CHARS);
    this.spelled = new Literals(spelled, MIN_SEPARATED_CHARS);
  }
  redact(text) {
    if (this.literal.empty || text.length < MIN_SECRET_CHARS) return text;
    const ranges = this.literal.find(text);
    if (!this.spelled.empty) {
      const s2 = squeeze(text);
      for (const [a, b] of this.spelled.find(s2.text)) ranges.push([s2.at[a], s2.at[b - 1] + 1]);
    }
    if (ranges.length === 0) return text;
    ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let out = "";
    let pos = 0;
    for (const [a, b] of ranges) {
      if (b <= pos) continue;
      if (a >= pos) out += text.slice(pos, a) + MASK;
      pos = b;
    }
    return out + text.slice(pos);
  }
};
var matchers = /* @__PURE__ */ new WeakMap();
function matcherFor(values) {
  let m = matchers.get(values);
  if (m === void 0) {
    m = new Matcher(values);
    matchers.set(values, m);
  }
  return m;
}
function redactSecrets(text, values) {
  if (values.size === 0) return text;
  return matcherFor(values).redact(text);
}
var STRUCTURAL_KEYS = /* @__PURE__ */ new Set(["id", "file"]);
function redactDeep(value, values) {
  if (values.size === 0) return value;
  const m = matcherFor(values);
  const seen = /* @__PURE__ */ new Set();
  const walk2 = (v) => {
    if (typeof v === "string") return m.redact(v);
    if (v === null || typeof v !== "object" || seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk2(v[i]);
      return v;
    }
    const o = v;
    for (const k of Object.keys(o)) if (!STRUCTURAL_KEYS.has(k)) o[k] = walk2(o[k]);
    return v;
  };
  return walk2(value);
}

// src/render/types.ts
function renderBudget(ms = DEFAULT_RENDER_BUDGET_MS, signal) {
  return { ms, deadline: Date.now() + ms, ...signal !== void 0 ? { signal } : {} };
}
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
var DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024;
var DEFAULT_RENDER_BUDGET_MS = 6e4;

// src/render/render-ref.ts
import { createHash as createHash3 } from "node:crypto";
import { mkdir as mkdir5, mkdtemp as mkdtemp2, readdir as readdir2, readFile as readFile2, rm as rm3, stat } from "node:fs/promises";
import os3 from "node:os";
import path13 from "node:path";

// src/render/tools.ts
import { access, constants } from "node:fs/promises";
import path from "node:path";
function findRenderTool(name) {
  try {
    return { path: findTool(name) };
  } catch (e) {
    return { error: errorText(e) };
  }
}
async function findExecutable(name, dirs) {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}

// src/render/paths.ts
import path2 from "node:path";
function dirOf(file) {
  const d = path2.posix.dirname(file);
  return d === "." ? "" : d;
}
function resolveInRepo(dir, ref) {
  if (ref.startsWith("/") || /^[A-Za-z]:[\\/]/.test(ref) || ref.includes("\0")) return void 0;
  const joined = path2.posix.normalize(path2.posix.join(dir === "" ? "." : dir, ref.replace(/\\/g, "/")));
  if (joined === ".." || joined.startsWith("../")) return void 0;
  if (joined === "." || joined === "./") return "";
  return joined.replace(/\/+$/, "").replace(/^\.\//, "");
}
function isUnder(file, dir) {
  return dir === "" || file === dir || file.startsWith(dir + "/");
}

// src/render/affected.ts
function changedPaths(changed) {
  const out = /* @__PURE__ */ new Set();
  for (const c of changed) {
    out.add(c.path);
    if (c.previousPath !== void 0) out.add(c.previousPath);
  }
  return [...out];
}
function isAffected(root, paths) {
  for (const p of paths) {
    if (root.deps.has(p)) return true;
    for (const prefix of root.prefixes) if (isUnder(p, prefix)) return true;
  }
  return false;
}

// src/render/sandbox.ts
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path3 from "node:path";
var JAIL_TOOL_DIR = "/opt/preadmit-tool";
var JAIL_TMP = "/tmp";
var JAIL_HOME = "/tmp/home";
var JAIL_EMPTY_PATH = "/opt/preadmit-empty";
var JAIL_TMP_BYTES = 64 * 1024 * 1024;
var jail;
function jailSupport() {
  jail ??= (async () => {
    const configured = process.env.PREADMIT_BWRAP;
    const bwrap = configured !== void 0 && configured !== "" ? existsSync(configured) ? configured : void 0 : await findExecutable("bwrap", ["/usr/bin", "/bin", "/usr/local/bin"]);
    const install = "install bubblewrap (`npm run tools` installs the Debian package when run as root; or `apt-get install bubblewrap`)";
    if (bwrap === void 0) {
      return { ok: false, reason: `bubblewrap (bwrap) not found${configured ? ` at PREADMIT_BWRAP=${configured}` : ""}: ${install}` };
    }
    const prlimit = await findExecutable("prlimit", ["/usr/bin", "/bin"]);
    if (prlimit === void 0) return { ok: false, reason: "prlimit (util-linux) not found: it sets the renderers' memory cap" };
    const truePath = ["/usr/bin/true", "/bin/true"].find((p) => existsSync(p));
    if (truePath === void 0) return { ok: false, reason: "no /bin/true to probe the jail with" };
    const libs = ["/usr", "/lib", "/lib64", "/lib32"].filter((p) => existsSync(p));
    const probe = await collect(bwrap, jailArgs(truePath, [], { readOnly: libs, cwd: "/", env: {}, homeDirs: [] }), { timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
    if (probe.code !== 0) {
      const why = probe.spawnError ?? (untrustedToolText(probe.stderr) || `exit ${probe.code ?? "signal"}`);
      return { ok: false, reason: `bubblewrap at ${bwrap} cannot make the jail here (${why}): it needs user, mount, pid and network namespaces` };
    }
    return { ok: true, bwrap, prlimit };
  })();
  return jail;
}
function jailArgs(command, args, j) {
  const tool = toolPathInRun(command, true);
  const out = [
    "--unshare-all",
    // user, ipc, pid, net, uts, cgroup: no network but loopback
    "--unshare-user",
    "--disable-userns",
    // and no namespaces of its own inside
    "--uid",
    "65534",
    "--gid",
    "65534",
    "--cap-drop",
    "ALL",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(JAIL_TMP_BYTES),
    "--tmpfs",
    JAIL_TMP,
    "--dir",
    JAIL_HOME,
    "--dir",
    JAIL_EMPTY_PATH
  ];
  for (const d of j.homeDirs) out.push("--dir", path3.posix.join(JAIL_HOME, d));
  for (const dir of j.readOnly) out.push("--ro-bind", dir, dir);
  for (const extra of j.extraTools ?? []) out.push("--ro-bind", extra, toolPathInRun(extra, true));
  out.push("--ro-bind", command, tool, "--remount-ro", "/", "--chdir", j.cwd);
  for (const [k, v] of Object.entries(j.env)) out.push("--setenv", k, v);
  out.push("--", tool, ...args);
  return out;
}
function toolPathInRun(hostPath, jailed) {
  return jailed ? `${JAIL_TOOL_DIR}/${path3.basename(hostPath)}` : hostPath;
}
var scratch;
var netIsolation;
function scratchDirs() {
  scratch ??= (async () => {
    const base = await mkdtemp(path3.join(os.tmpdir(), "preadmit-sandbox-"));
    process.once("exit", () => rmSync(base, { recursive: true, force: true }));
    const home = path3.join(base, "home");
    const emptyBin = path3.join(base, "bin");
    await mkdir(home, { recursive: true });
    await mkdir(emptyBin, { recursive: true });
    return { home, emptyBin };
  })();
  return scratch;
}
async function scratchIn(dir) {
  const s2 = { home: path3.join(dir, "sandbox-home"), emptyBin: path3.join(dir, "sandbox-bin") };
  await mkdir(s2.home, { recursive: true });
  await mkdir(s2.emptyBin, { recursive: true });
  return s2;
}
function scrubbedEnv(s2, extra = {}) {
  const deadProxy = "http://127.0.0.1:9";
  return {
    PATH: s2.emptyBin,
    HOME: s2.home,
    TMPDIR: s2.tmp,
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    ALL_PROXY: deadProxy,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    NO_PROXY: "",
    no_proxy: "",
    GIT_ALLOW_PROTOCOL: "none",
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...extra
  };
}
function networkIsolator() {
  netIsolation ??= (async () => {
    const unshare = await findExecutable("unshare", ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
    if (unshare === void 0) return void 0;
    const r = await collect(unshare, ["--user", "--map-root-user", "--net", "--", "/bin/true"], { timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
    return r.code === 0 ? unshare : void 0;
  })();
  return netIsolation;
}
async function runSandboxed(command, args, options) {
  const homeDirs = Object.entries(options.homeDirs ?? {});
  const limits = { timeoutMs: options.timeoutMs, maxOutputBytes: options.maxOutputBytes, ...options.signal !== void 0 ? { signal: options.signal } : {} };
  const goMemLimit = options.memoryBytes !== void 0 ? { GOMEMLIMIT: String(Math.floor(options.memoryBytes * 0.8)) } : {};
  if (options.jail !== false) {
    const support = await jailSupport();
    if (!support.ok) return notStarted(`the renderer jail cannot be made: ${support.reason}`);
    const env2 = {
      ...scrubbedEnv({ home: JAIL_HOME, emptyBin: JAIL_EMPTY_PATH, tmp: JAIL_TMP }, options.env),
      ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path3.posix.join(JAIL_HOME, d)])),
      ...goMemLimit
    };
    const bwrapArgs = jailArgs(command, args, { readOnly: options.jail?.readOnly ?? [], cwd: options.cwd, env: env2, homeDirs: homeDirs.map(([, d]) => d), extraTools: options.extraTools ?? [] });
    const [file2, argv2] = withMemoryCap(support.prlimit, options.memoryBytes, support.bwrap, bwrapArgs);
    return collect(file2, argv2, { ...limits, cwd: "/", env: {} });
  }
  const s2 = options.scratchDir !== void 0 ? await scratchIn(options.scratchDir) : await scratchDirs();
  for (const [, d] of homeDirs) await mkdir(path3.join(s2.home, d), { recursive: true });
  const env = {
    ...scrubbedEnv({ ...s2, tmp: os.tmpdir() }, options.env),
    ...Object.fromEntries(homeDirs.map(([k, d]) => [k, path3.join(s2.home, d)])),
    ...goMemLimit
  };
  const isolator = options.isolateNetwork === false ? void 0 : await networkIsolator();
  const [file, argv] = isolator ? [isolator, ["--user", "--map-root-user", "--net", "--", command, ...args]] : [command, args];
  const prlimit = options.memoryBytes !== void 0 ? await findExecutable("prlimit", ["/usr/bin", "/bin"]) : void 0;
  const [f, a] = withMemoryCap(prlimit, options.memoryBytes, file, argv);
  return collect(f, a, { ...limits, cwd: options.cwd, env });
}
function withMemoryCap(prlimit, bytes, file, argv) {
  if (prlimit === void 0 || bytes === void 0) return [file, argv];
  return [prlimit, [`--data=${bytes}`, "--", file, ...argv]];
}
function notStarted(spawnError) {
  return { code: null, stdout: "", stdoutBytes: Buffer.alloc(0), stderr: "", timedOut: false, overflowed: false, outOfMemory: false, spawnError };
}
function collect(file, argv, options) {
  return new Promise((resolve2, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(new AbortError(`${path3.basename(file)} not started: the check was cancelled`));
      return;
    }
    let child2;
    try {
      child2 = spawn(file, argv, {
        cwd: options.cwd ?? "/",
        env: options.env ?? {},
        stdio: ["ignore", "pipe", "pipe"],
        detached: true
        // its own process group, so a timeout kills the children it spawned too
      });
    } catch (e) {
      resolve2(notStarted(String(e)));
      return;
    }
    const out = [];
    const err = [];
    let bytes = 0;
    let timedOut = false;
    let overflowed = false;
    let settled = false;
    const kill = () => {
      if (child2.pid === void 0) return;
      try {
        process.kill(-child2.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      kill();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const ended = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (aborted) reject(new AbortError(`${path3.basename(file)} stopped: the check was cancelled`));
      return aborted;
    };
    const sink = (to) => (b) => {
      if (overflowed) return;
      bytes += b.length;
      if (bytes > options.maxOutputBytes) {
        overflowed = true;
        kill();
        return;
      }
      to.push(b);
    };
    child2.stdout.on("data", sink(out));
    child2.stderr.on("data", sink(err));
    child2.on("error", (e) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      resolve2({ ...notStarted(e.message), timedOut, overflowed });
    });
    child2.on("close", (code2) => {
      if (settled) return;
      settled = true;
      if (ended()) return;
      const stderr = Buffer.concat(err).toString("utf8");
      const stdoutBytes = Buffer.concat(out);
      resolve2({
        code: code2,
        stdout: stdoutBytes.toString("utf8"),
        stdoutBytes,
        stderr,
        timedOut,
        overflowed,
        // Go's runtime, refused memory by the data limit, dies with one of these.
        outOfMemory: code2 !== 0 && /fatal error: (runtime: )?out of memory|runtime: cannot allocate memory|cannot allocate memory/i.test(stderr)
      });
    });
  });
}
var TOOL_TEXT_LINES = 5;
var TOOL_TEXT_CHARS = 1e3;
function untrustedToolText(text) {
  const clean = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, "").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\t/g, " ");
  const lines = clean.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "").slice(-TOOL_TEXT_LINES);
  const joined = lines.join("\n");
  return joined.length <= TOOL_TEXT_CHARS ? joined : `\u2026${joined.slice(joined.length - TOOL_TEXT_CHARS + 1)}`;
}
function failureOf(tool, r, limits) {
  if (r.spawnError !== void 0) return `${tool} could not be started: ${r.spawnError}`;
  if (r.timedOut) return `${tool} ${limits.timeLimit ?? `exceeded the ${limits.timeoutMs} ms time limit`} and was stopped`;
  if (r.overflowed) return `${tool} output exceeded the ${limits.maxOutputBytes}-byte cap and was stopped`;
  if (r.outOfMemory && limits.memoryBytes !== void 0) {
    return `${tool} exceeded the ${Math.round(limits.memoryBytes / (1024 * 1024))} MiB memory cap and was stopped`;
  }
  if (r.code !== 0) {
    const msg = untrustedToolText(r.stderr);
    const hint = /^bwrap: execvp /m.test(r.stderr) ? " (the jail holds only the tool binary: it must be statically linked, CGO_ENABLED=0)" : "";
    return `${tool} failed (exit ${r.code ?? "signal"}): ${msg === "" ? "no message" : msg}${hint}`;
  }
  return void 0;
}

// src/render/glob.ts
function globToRegExp(glob) {
  let re = "";
  let i = 0;
  let braces = 0;
  const g = glob.replace(/^\.\//, "").replace(/\/+$/, "/**");
  while (i < g.length) {
    const c = g[i];
    if (c === "*") {
      if (g[i + 1] === "*") {
        const slashAfter = g[i + 2] === "/";
        re += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 3 : 2;
        continue;
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
    i++;
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
function matchesAny(file, globs) {
  return globs.some((g) => g.test(file));
}

// src/render/helm/chart.ts
import path5 from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument as parseDocument2 } from "yaml";

// src/render/helm/remote.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir as mkdir2, readFile, rename, rm } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path4 from "node:path";
import { parseDocument } from "yaml";

// src/render/helm/version.ts
function looseSemver(v) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(v.trim());
  if (!m) return void 0;
  const strip = (n) => n === void 0 ? "0" : String(BigInt(n));
  const r = parseSemver(`${strip(m[1])}.${strip(m[2])}.${strip(m[3])}${m[4] ?? ""}`);
  return "error" in r ? void 0 : r;
}
function partial(text) {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) return void 0;
  const num = (s2) => s2 === void 0 || /^[xX*]$/.test(s2) ? void 0 : BigInt(s2);
  const parts = [num(m[1]), num(m[2]), num(m[3])];
  const first = parts.findIndex((p) => p === void 0);
  if (first >= 0) for (let i = first; i < 3; i++) parts[i] = void 0;
  return { parts, pre: m[4] ? m[4].split(".") : [], text };
}
var sv = (a, b, c, pre = []) => new Semver(a, b, c, pre);
var cmp = (a, b) => compareSemver(a, b);
var floor = (p) => sv(p.parts[0] ?? 0n, p.parts[1] ?? 0n, p.parts[2] ?? 0n, p.pre);
function ceiling(p) {
  const [a, b] = p.parts;
  if (a === void 0) return sv(BigInt(Number.MAX_SAFE_INTEGER), 0n, 0n);
  if (b === void 0) return sv(a + 1n, 0n, 0n, ["0"]);
  if (p.parts[2] === void 0) return sv(a, b + 1n, 0n, ["0"]);
  return sv(a, b, p.parts[2] + 1n, ["0"]);
}
var within = (lo, hi) => (v) => cmp(v, lo) >= 0 && cmp(v, hi) < 0;
function single(op, p) {
  const exact = p.parts.every((x) => x !== void 0);
  switch (op) {
    case "":
    case "=":
      return exact ? (v) => cmp(v, floor(p)) === 0 : within(floor(p), ceiling(p));
    case "!=":
      return exact ? (v) => cmp(v, floor(p)) !== 0 : (v) => !within(floor(p), ceiling(p))(v);
    case ">":
      return exact ? (v) => cmp(v, floor(p)) > 0 : (v) => cmp(v, ceiling(p)) >= 0;
    case ">=":
    case "=>":
      return (v) => cmp(v, floor(p)) >= 0;
    case "<":
      return (v) => cmp(v, floor(p)) < 0;
    case "<=":
    case "=<":
      return exact ? (v) => cmp(v, floor(p)) <= 0 : (v) => cmp(v, ceiling(p)) < 0;
    case "~":
    case "~>": {
      const [a, b] = p.parts;
      if (a === void 0) return () => true;
      const hi = b === void 0 ? sv(a + 1n, 0n, 0n, ["0"]) : sv(a, b + 1n, 0n, ["0"]);
      return within(floor(p), hi);
    }
    case "^": {
      const [a, b, c] = p.parts;
      if (a === void 0) return () => true;
      let hi;
      if (a > 0n || b === void 0) hi = sv(a + 1n, 0n, 0n, ["0"]);
      else if (b > 0n || c === void 0) hi = sv(0n, b + 1n, 0n, ["0"]);
      else hi = sv(0n, 0n, c + 1n, ["0"]);
      return within(floor(p), hi);
    }
    default:
      return void 0;
  }
}
function parseConstraint(text) {
  const alternatives = [];
  let prerelease = false;
  for (const alt of text.split("||")) {
    const checks = [];
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) {
      const lo = partial(hyphen[1]);
      const hi = partial(hyphen[2]);
      if (!lo || !hi) return void 0;
      checks.push(single(">=", lo), single("<=", hi));
      prerelease ||= lo.pre.length > 0 || hi.pre.length > 0;
    } else {
      const tokens = alt.replace(/(>=|<=|=>|=<|!=|~>|[<>=~^])\s+/g, "$1").split(/[\s,]+/).filter((t) => t !== "");
      if (tokens.length === 0) return void 0;
      for (const token of tokens) {
        const m = /^(>=|<=|=>|=<|!=|~>|[<>=~^])?(.+)$/.exec(token);
        const p = partial(m[2]);
        const check = p && single(m[1] ?? "", p);
        if (!p || !check) return void 0;
        prerelease ||= p.pre.length > 0;
        checks.push(check);
      }
    }
    alternatives.push(checks);
  }
  return { test: (v) => alternatives.some((checks) => checks.every((c) => c(v))), prerelease };
}
function pickVersion(wanted, available) {
  const w = wanted.trim();
  const exact = available.find((v) => v === w);
  if (exact !== void 0) return { version: exact };
  const constraint = parseConstraint(w === "" ? "*" : w);
  if (constraint === void 0) return { reason: `version '${wanted}' is neither a version nor a semver constraint` };
  let best;
  for (const text of available) {
    const v = looseSemver(text);
    if (v === void 0 || v.pre.length > 0 && !constraint.prerelease || !constraint.test(v)) continue;
    if (best === void 0 || cmp(v, best.v) > 0) best = { text, v };
  }
  return best ? { version: best.text } : { reason: `no version in the repository index satisfies '${wanted}'` };
}
function helmVersionWanted(version, devel = false) {
  if (version.trim() !== "") return version;
  return devel ? ">0.0.0-0" : "*";
}

// src/render/helm/remote.ts
var DEFAULT_CHART_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 3e4,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 1e4
};
var CHART_REPOSITORIES_ENV = "PREADMIT_CHART_REPOSITORIES";
function normalizeRepoUrl(url) {
  let u;
  try {
    u = new URL(url.trim());
  } catch {
    return void 0;
  }
  if (!["https:", "http:", "oci:"].includes(u.protocol) || u.username !== "" || u.password !== "" || u.hostname === "") return void 0;
  return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`;
}
function chartAllowList(operator = process.env[CHART_REPOSITORIES_ENV], narrowTo) {
  const operatorEntries = (operator ?? "").split(/[\s,]+/).filter((e) => e !== "").map(normalizeRepoUrl).filter((e) => e !== void 0);
  if (narrowTo === void 0) return { allow: { entries: [...new Set(operatorEntries)] }, ignored: [] };
  const entries = [];
  const ignored = [];
  for (const raw of narrowTo) {
    const n = normalizeRepoUrl(raw);
    if (n !== void 0 && covered(n, operatorEntries)) entries.push(n);
    else ignored.push(raw);
  }
  return { allow: { entries: [...new Set(entries)] }, ignored };
}
function covered(url, entries) {
  return entries.some((e) => url === e || url.startsWith(`${e}/`));
}
function repositoryAllowed(url, allow) {
  const n = normalizeRepoUrl(url);
  return n !== void 0 && covered(n, allow.entries);
}
function hostAllowed(url, allow) {
  const origin = `${url.protocol}//${url.host.toLowerCase()}`;
  return url.username === "" && url.password === "" && allow.entries.map(httpOrigin).some((e) => e === origin || e.startsWith(`${origin}/`));
}
function httpOrigin(entry) {
  if (!entry.startsWith("oci://")) return entry;
  const u = new URL(entry);
  return `${isLoopback(u.hostname) ? "http:" : "https:"}//${u.host}${u.pathname}`;
}
function isLoopback(hostname) {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
function refusalOf(repoUrl, allow) {
  const r = repoUrl.trim();
  if (!/^(https?|oci):\/\//i.test(r)) return `repository '${r}' is not an http(s) chart repository or oci:// registry URL`;
  if (normalizeRepoUrl(r) === void 0) return `repository '${r}' is not a valid URL without credentials`;
  if (!repositoryAllowed(r, allow)) {
    const list2 = allow.entries.length === 0 ? "none are allowed" : `allowed: ${allow.entries.join(", ")}`;
    return `chart repository ${normalizeRepoUrl(r)} is not allowed (${list2}; the operator sets ${CHART_REPOSITORIES_ENV}, preadmit.yml chartRepositories may only narrow it)`;
  }
  return void 0;
}
var inFlight = /* @__PURE__ */ new Map();
function resolveRemoteChart(req, ctx) {
  const key = JSON.stringify([req.repoUrl, req.chart, req.version, req.digest ?? "", ctx.cacheDir, ctx.allow.entries]);
  let entry = inFlight.get(key);
  if (entry === void 0 || entry.signal?.aborted) {
    const result = resolve(req, ctx).catch((e) => ({ ok: false, reason: `chart ${req.chart} ${req.version}: ${e instanceof Error ? e.message : String(e)}` }));
    const mine = { result, signal: ctx.signal };
    inFlight.set(key, mine);
    void result.finally(() => {
      if (inFlight.get(key) === mine) inFlight.delete(key);
    });
    entry = mine;
  }
  const owner = entry.signal;
  return entry.result.then((r) => !r.ok && owner?.aborted && !ctx.signal?.aborted ? resolveRemoteChart(req, ctx) : r);
}
function what(req) {
  return `chart ${req.chart} ${req.version} from ${req.repoUrl}`;
}
async function resolve(req, ctx) {
  const limits = { ...DEFAULT_CHART_LIMITS, ...ctx.limits };
  const refused = refusalOf(req.repoUrl, ctx.allow);
  if (refused !== void 0) return { ok: false, reason: refused };
  const pinned = req.digest === void 0 ? void 0 : req.digest.replace(/^sha256:/i, "").toLowerCase();
  if (pinned !== void 0 && !/^[0-9a-f]{64}$/.test(pinned)) return { ok: false, reason: `${what(req)}: digest '${req.digest}' is not a sha256 digest` };
  const root = path4.join(ctx.cacheDir, "charts");
  const repo = normalizeRepoUrl(req.repoUrl);
  if (pinned !== void 0) {
    const hit = await unpacked(root, pinned, req.chart);
    if (hit) return { ok: true, dir: hit, digest: pinned, version: req.version };
  }
  const resolutionFile = path4.join(root, "resolved", `${sha256(JSON.stringify([repo, req.chart, req.version]))}.json`);
  const known = await readResolution(resolutionFile);
  if (known !== void 0 && (pinned === void 0 || pinned === known.digest)) {
    const hit = await unpacked(root, known.digest, req.chart);
    if (hit) return { ok: true, dir: hit, digest: known.digest, version: known.version };
  }
  if (repo.startsWith("oci://")) return await resolveOci(req, ctx, limits, { root, pinned, resolutionFile });
  const indexUrl = new URL(`${repo}/index.yaml`);
  const index = await httpGet(indexUrl, ctx, limits);
  if (!index.ok) return { ok: false, reason: `${what(req)}: index.yaml: ${index.reason}` };
  const entries = chartEntries(index.body, req.chart);
  if ("reason" in entries) return { ok: false, reason: `${what(req)}: index.yaml: ${entries.reason}` };
  const picked = pickVersion(req.version, entries.list.map((e) => e.version));
  if ("reason" in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
  const entry = entries.list.find((e) => e.version === picked.version);
  const indexDigest = entry.digest?.replace(/^sha256:/i, "").toLowerCase();
  if (pinned !== void 0 && indexDigest !== void 0 && indexDigest !== pinned) {
    return { ok: false, reason: `${what(req)}: the index lists digest ${indexDigest} for ${picked.version}, not the pinned ${pinned}: refused` };
  }
  const expected = pinned ?? indexDigest;
  if (expected !== void 0) {
    const hit = await unpacked(root, expected, req.chart);
    if (hit) {
      await saveResolution(resolutionFile, { digest: expected, version: picked.version });
      return { ok: true, dir: hit, digest: expected, version: picked.version };
    }
  }
  if (entry.urls.length === 0) return { ok: false, reason: `${what(req)}: the index lists no URL for ${picked.version}` };
  let archiveUrl;
  try {
    archiveUrl = new URL(entry.urls[0], `${repo}/`);
  } catch {
    return { ok: false, reason: `${what(req)}: archive URL '${entry.urls[0]}' is not a URL` };
  }
  if (!hostAllowed(archiveUrl, ctx.allow)) {
    return { ok: false, reason: `${what(req)}: archive URL ${archiveUrl.protocol}//${archiveUrl.host}${archiveUrl.pathname} is not on an allowed repository's host: refused` };
  }
  const archive = await httpGet(archiveUrl, ctx, limits);
  if (!archive.ok) return { ok: false, reason: `${what(req)}: archive: ${archive.reason}` };
  return await unpackArchive(req, archive.body, { root, pinned, expected, resolutionFile, version: picked.version, limits });
}
async function unpackArchive(req, body, o) {
  const { root, pinned, expected, resolutionFile, limits } = o;
  const picked = { version: o.version };
  const archive = { body };
  const digest = sha256(archive.body);
  if (expected !== void 0 && digest !== expected) {
    return { ok: false, reason: `${what(req)}: archive digest ${digest} does not match ${pinned !== void 0 ? "the pinned" : "the index's"} ${expected}: refused` };
  }
  const dir = path4.join(root, "sha256", digest);
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const files = await extractTarGz(archive.body, tmp, { maxBytes: limits.maxUnpackedBytes, maxEntries: limits.maxEntries });
    if ("reason" in files) return { ok: false, reason: `${what(req)}: archive refused: ${files.reason}` };
    const chartYaml = path4.join(tmp, req.chart, "Chart.yaml");
    if (!existsSync2(chartYaml)) return { ok: false, reason: `${what(req)}: archive holds no ${req.chart}/Chart.yaml: refused` };
    if (await unpacked(root, digest, req.chart) === void 0) {
      try {
        await rename(tmp, dir);
      } catch (e) {
        if (await unpacked(root, digest, req.chart) === void 0) {
          await rm(dir, { recursive: true, force: true });
          await rename(tmp, dir).catch((again) => {
            throw again instanceof Error ? again : e;
          });
        }
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  await saveResolution(resolutionFile, { digest, version: picked.version });
  return { ok: true, dir: path4.join(dir, req.chart), digest, version: picked.version };
}
async function unpacked(root, digest, chart) {
  const dir = path4.join(root, "sha256", digest, chart);
  return existsSync2(path4.join(dir, "Chart.yaml")) ? dir : void 0;
}
async function readResolution(file) {
  try {
    const r = JSON.parse(await readFile(file, "utf8"));
    return typeof r.digest === "string" && /^[0-9a-f]{64}$/.test(r.digest) && typeof r.version === "string" ? { digest: r.digest, version: r.version } : void 0;
  } catch {
    return void 0;
  }
}
async function saveResolution(file, r) {
  try {
    await mkdir2(path4.dirname(file), { recursive: true });
    await atomicWrite(file, JSON.stringify(r));
  } catch {
  }
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function chartEntries(body, chart) {
  const doc = parseDocument(body.toString("utf8"), { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) return { reason: `not valid YAML (${doc.errors[0].message.split("\n")[0]})` };
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { reason: `not readable (${e instanceof Error ? e.message : String(e)})` };
  }
  const entries = value?.entries;
  if (typeof entries !== "object" || entries === null) return { reason: "no entries" };
  const list2 = entries[chart];
  if (!Array.isArray(list2)) return { reason: `no chart named ${chart}` };
  const out = [];
  for (const e of list2) {
    if (typeof e !== "object" || e === null) continue;
    const { version, urls, digest } = e;
    if (typeof version !== "string") continue;
    out.push({
      version,
      urls: Array.isArray(urls) ? urls.filter((u) => typeof u === "string") : [],
      ...typeof digest === "string" && digest !== "" ? { digest } : {}
    });
  }
  return { list: out };
}
var MAX_REDIRECTS = 5;
async function httpGet(start, ctx, limits, headers = {}) {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sent = url.host === start.host ? headers : Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization"));
    const r = await once(url, signal, limits.maxBytes, sent).catch((e) => ({
      error: timeout.aborted ? `no complete answer within ${limits.timeoutMs} ms` : signal.aborted ? "cancelled" : e instanceof Error ? e.message : String(e)
    }));
    if ("error" in r) return { ok: false, reason: `${shown(url)}: ${r.error}` };
    if (r.status >= 300 && r.status < 400 && r.location !== void 0) {
      let next;
      try {
        next = new URL(r.location, url);
      } catch {
        return { ok: false, reason: `${shown(url)}: redirect to an invalid URL` };
      }
      if (next.protocol !== "https:" && next.protocol !== "http:" || url.protocol === "https:" && next.protocol === "http:" || !hostAllowed(next, ctx.allow)) {
        return { ok: false, reason: `${shown(url)}: redirect to ${shown(next)} refused (not an allowed repository host)` };
      }
      url = next;
      continue;
    }
    if (r.status !== 200) return { ok: false, reason: `${shown(url)}: HTTP ${r.status}`, status: r.status, headers: r.headers };
    return { ok: true, body: r.body, headers: r.headers };
  }
  return { ok: false, reason: `${shown(start)}: more than ${MAX_REDIRECTS} redirects` };
}
function shown(u) {
  return `${u.protocol}//${u.host}${u.pathname}`;
}
function once(url, signal, maxBytes, headers) {
  return new Promise((resolve2, reject) => {
    const get = url.protocol === "https:" ? https.get : http.get;
    const req = get(url, { signal, headers: { "user-agent": "preadmit", accept: "*/*", ...headers }, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status !== 200) {
        res.resume();
        resolve2({ status, ...location !== void 0 ? { location } : {}, body: Buffer.alloc(0), headers: res.headers });
        return;
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (declared > maxBytes) {
        req.destroy();
        resolve2({ error: `larger than ${maxBytes} bytes (${declared}): refused` });
        return;
      }
      const chunks = [];
      let size = 0;
      res.on("data", (b) => {
        size += b.length;
        if (size > maxBytes) {
          req.destroy();
          resolve2({ error: `larger than ${maxBytes} bytes: refused` });
          return;
        }
        chunks.push(b);
      });
      res.on("end", () => resolve2({ status, body: Buffer.concat(chunks), headers: res.headers }));
      res.on("error", reject);
      res.on("aborted", () => reject(new Error("connection closed before the answer was complete")));
    });
    req.on("error", reject);
  });
}
var HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
var HELM_CHART_LAYER_MEDIA_TYPES = ["application/vnd.cncf.helm.chart.content.v1.tar+gzip", "application/tar+gzip"];
var OCI_MANIFEST_ACCEPT = "application/vnd.oci.image.manifest.v1+json";
var OCI_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
var MAX_TAG_PAGES = 20;
async function resolveOci(req, ctx, limits, o) {
  const ref = new URL(req.repoUrl.trim());
  const name = [ref.pathname.replace(/^\/+|\/+$/g, ""), req.chart].filter((p) => p !== "").join("/");
  if (!OCI_NAME.test(name)) return { ok: false, reason: `${what(req)}: '${name}' is not an OCI repository name: refused` };
  const base = `${isLoopback(ref.hostname) ? "http:" : "https:"}//${ref.host}/v2/${name}`;
  const tokens = /* @__PURE__ */ new Map();
  const get = async (url, accept) => {
    const headers = accept ? { accept } : {};
    const token = tokens.get(url.host);
    if (token !== void 0) headers.authorization = `Bearer ${token}`;
    let r = await httpGet(url, ctx, limits, headers);
    if (!r.ok && r.status === 401 && token === void 0) {
      const got = await bearerToken(String(r.headers?.["www-authenticate"] ?? ""), ctx, limits);
      if (typeof got !== "string") return { ok: false, reason: `${r.reason}; ${got.reason}` };
      tokens.set(url.host, got);
      r = await httpGet(url, ctx, limits, { ...headers, authorization: `Bearer ${got}` });
    }
    return r;
  };
  let tag;
  let version;
  if (looseSemver(req.version) !== void 0 || parseConstraint(req.version.trim()) === void 0 && /^[\w][\w.-]{0,127}$/.test(req.version.trim())) {
    version = req.version.trim();
    tag = version.replace(/\+/g, "_");
  } else {
    const tags = [];
    let next = new URL(`${base}/tags/list`);
    for (let page = 0; next !== void 0 && page < MAX_TAG_PAGES; page++) {
      const r = await get(next);
      if (!r.ok) return { ok: false, reason: `${what(req)}: tags: ${r.reason}` };
      const list2 = jsonOf(r.body);
      if (list2 === void 0 || list2.tags !== null && list2.tags !== void 0 && !Array.isArray(list2.tags)) return { ok: false, reason: `${what(req)}: tags: not a tag list` };
      for (const t of list2.tags ?? []) if (typeof t === "string") tags.push(t.replace(/_/g, "+"));
      const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(String(r.headers["link"] ?? ""));
      next = link ? new URL(link[1], next) : void 0;
      if (next !== void 0 && !hostAllowed(next, ctx.allow)) return { ok: false, reason: `${what(req)}: tags: next page on another host: refused` };
    }
    if (tags.length === 0) return { ok: false, reason: `${what(req)}: no tags in ${name}` };
    const picked = pickVersion(req.version, tags);
    if ("reason" in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
    version = picked.version;
    tag = version.replace(/\+/g, "_");
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return { ok: false, reason: `${what(req)}: '${tag}' is not an OCI tag: refused` };
  const manifest = await get(new URL(`${base}/manifests/${tag}`), OCI_MANIFEST_ACCEPT);
  if (!manifest.ok) return { ok: false, reason: `${what(req)}: manifest: ${manifest.reason}` };
  const m = jsonOf(manifest.body);
  if (m === void 0 || m.config?.mediaType !== HELM_CONFIG_MEDIA_TYPE || !Array.isArray(m.layers)) {
    return { ok: false, reason: `${what(req)}: ${name}:${tag} is not a helm chart artifact (config media type ${HELM_CONFIG_MEDIA_TYPE}): refused` };
  }
  const layers = m.layers.filter((l) => HELM_CHART_LAYER_MEDIA_TYPES.includes(String(l?.mediaType)));
  const layerDigest = layers.length === 1 && typeof layers[0].digest === "string" ? /^sha256:([0-9a-f]{64})$/.exec(layers[0].digest) : null;
  if (!layerDigest) return { ok: false, reason: `${what(req)}: ${name}:${tag} has no single sha256 chart layer: refused` };
  const digest = layerDigest[1];
  if (o.pinned !== void 0 && o.pinned !== digest) {
    return { ok: false, reason: `${what(req)}: the registry's ${name}:${tag} chart layer is ${digest}, not the pinned ${o.pinned}: refused` };
  }
  const hit = await unpacked(o.root, digest, req.chart);
  if (hit) {
    await saveResolution(o.resolutionFile, { digest, version });
    return { ok: true, dir: hit, digest, version };
  }
  const blob = await get(new URL(`${base}/blobs/sha256:${digest}`));
  if (!blob.ok) return { ok: false, reason: `${what(req)}: chart layer: ${blob.reason}` };
  return await unpackArchive(req, blob.body, { root: o.root, pinned: o.pinned, expected: digest, resolutionFile: o.resolutionFile, version, limits });
}
async function bearerToken(challenge, ctx, limits) {
  if (!/^bearer\s/i.test(challenge)) return { reason: "the registry asks for credentials preadmit does not have" };
  const params = /* @__PURE__ */ new Map();
  for (const m of challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params.set(m[1].toLowerCase(), m[2]);
  let realm;
  try {
    realm = new URL(params.get("realm") ?? "");
  } catch {
    return { reason: "the registry names no valid token realm" };
  }
  if (!hostAllowed(realm, ctx.allow) || realm.protocol !== "https:" && !(realm.protocol === "http:" && isLoopback(realm.hostname))) {
    return { reason: `token realm ${shown(realm)} is not on an allowed repository host: refused` };
  }
  for (const k of ["service", "scope"]) if (params.has(k)) realm.searchParams.set(k, params.get(k));
  const r = await httpGet(realm, ctx, limits);
  if (!r.ok) return { reason: `token: ${r.reason}` };
  const body = jsonOf(r.body);
  const token = typeof body?.token === "string" ? body.token : typeof body?.access_token === "string" ? body.access_token : void 0;
  if (token === void 0 || !/^[\x21-\x7e]+$/.test(token)) return { reason: "token: no token in the answer" };
  return token;
}
function jsonOf(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return void 0;
  }
}

// src/render/helm/chart.ts
function isChartFile(file) {
  return file === "Chart.yaml" || file.endsWith("/Chart.yaml");
}
function parseChart(dir, chartYaml, requirementsYaml, lockYaml) {
  const file = dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`;
  const chart = { dir, file, name: path5.posix.basename(dir === "" ? "." : dir), type: "application", dependencies: [] };
  const lc = new LineCounter();
  const doc = parseDocument2(chartYaml, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    chart.parseError = `${file}:${lc.linePos(doc.errors[0].pos[0]).line}: ${doc.errors[0].message.split("\n")[0]}`;
    return chart;
  }
  const root = doc.contents;
  if (!isMap(root)) return chart;
  const name = root.get("name");
  if (typeof name === "string" && name !== "") chart.name = name;
  const type = root.get("type");
  if (typeof type === "string") chart.type = type;
  chart.dependencies.push(...dependenciesOf(root.get("dependencies", true), lc));
  if (requirementsYaml !== void 0) {
    const rlc = new LineCounter();
    const req = parseDocument2(requirementsYaml, { lineCounter: rlc, prettyErrors: false });
    const reqFile = dir === "" ? "requirements.yaml" : `${dir}/requirements.yaml`;
    if (isMap(req.contents)) chart.dependencies.push(...dependenciesOf(req.contents.get("dependencies", true), rlc).map((d) => ({ ...d, file: reqFile })));
  }
  if (lockYaml !== void 0) {
    const llc = new LineCounter();
    const lock = parseDocument2(lockYaml, { lineCounter: llc, prettyErrors: false });
    const pinned = isMap(lock.contents) ? dependenciesOf(lock.contents.get("dependencies", true), llc) : [];
    for (const dep of chart.dependencies) {
      const hit = pinned.find((p) => p.name === dep.name && p.repository === dep.repository);
      if (hit !== void 0 && hit.version !== "") dep.locked = hit.version;
    }
  }
  return chart;
}
function dependenciesOf(node, lc) {
  if (!isSeq(node)) return [];
  const out = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = item.get("name", true);
    if (!isScalar(name) || typeof name.value !== "string") continue;
    const repo = item.get("repository");
    const version = item.get("version");
    out.push({
      name: name.value,
      repository: typeof repo === "string" ? repo : "",
      version: typeof version === "string" || typeof version === "number" ? String(version) : "",
      line: item.range ? lc.linePos(item.range[0]).line : 1
    });
  }
  return out;
}
function chartRoles(charts, options = {}) {
  const configured = new Set(options.configured ?? []);
  const inflated = options.inflated ?? /* @__PURE__ */ new Set();
  const within2 = options.within ?? (() => true);
  const depth = (d) => d === "" ? 0 : d.split("/").length;
  const roles = { roots: [], subcharts: /* @__PURE__ */ new Map() };
  const rendered = /* @__PURE__ */ new Set();
  for (const dir of [...charts.keys()].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))) {
    const vendorDir = path5.posix.dirname(dir);
    const parent = path5.posix.basename(vendorDir) === "charts" && dir !== "" ? vendorDir === "charts" ? "" : path5.posix.dirname(vendorDir) : void 0;
    if (configured.has(dir)) {
      roles.roots.push(dir);
      rendered.add(dir);
    } else if (parent !== void 0 && rendered.has(parent)) {
      roles.subcharts.set(dir, parent);
      rendered.add(dir);
    } else if (within2(dir) && charts.get(dir).type !== "library" && ![...inflated].some((d) => isUnder(dir, d))) {
      roles.roots.push(dir);
      rendered.add(dir);
    }
  }
  roles.roots.sort();
  return roles;
}
function chartDependencies(chart, charts, tree, allow) {
  const vendorDir = chart.dir === "" ? "charts" : `${chart.dir}/charts`;
  const errors = [];
  const remote = [];
  const local = [];
  for (const dep of chart.dependencies) {
    const asDir = [...charts.values()].some((c) => path5.posix.dirname(c.dir) === vendorDir && c.name === dep.name);
    const asArchive = [...tree.files].some(
      (f) => path5.posix.dirname(f) === vendorDir && f.endsWith(".tgz") && path5.posix.basename(f).startsWith(`${dep.name}-`)
    );
    if (asDir || asArchive) continue;
    const file = dep.file ?? chart.file;
    const at2 = { file, startLine: dep.line, endLine: dep.line };
    if (/^file:\/\//i.test(dep.repository)) {
      const dir = resolveInRepo(chart.dir, dep.repository.slice("file://".length));
      const target = dir === void 0 ? void 0 : charts.get(dir);
      if (dir === void 0) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository} leaves the repository: refused`, source: at2 });
      else if (target === void 0 || dir === chart.dir) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${dir || "."} is not another chart directory (no Chart.yaml) of this repository`, source: at2 });
      else if (target.name !== dep.name) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: the chart there is named '${target.name}'`, source: at2 });
      else if (!/^[\w.-]+$/.test(dep.name)) errors.push({ kind: "render", message: `${file}:${dep.line}: helm dependency name '${dep.name}' is not a chart name`, source: at2 });
      else local.push({ dep, dir });
      continue;
    }
    const refused = /^(https?|oci):\/\//i.test(dep.repository) ? refusalOf(dep.repository, allow) : void 0;
    if (/^(https?|oci):\/\//i.test(dep.repository) && refused === void 0 && /^[\w.-]+$/.test(dep.name)) {
      remote.push(dep);
      continue;
    }
    const from = dep.repository === "" ? "" : ` from ${dep.repository}`;
    const why = /^(https?|oci):\/\//i.test(dep.repository) ? `remote chart repository not allowed: ${dep.repository}` : "rendering never downloads charts";
    errors.push({
      kind: "render",
      message: `${file}:${dep.line}: helm dependency '${dep.name}'${from} is not vendored under ${vendorDir}/: refused, ${why}`,
      source: at2
    });
  }
  return { errors, remote, local };
}
var REFERENCE_KEYS = /* @__PURE__ */ new Set(["$ref", "$dynamicRef", "$recursiveRef"]);
var KNOWN_META_SCHEMA = /^https?:\/\/json-schema\.org\/(draft-0[3467]\/schema|draft\/(2019-09|2020-12)\/schema)#?$/;
function schemaReferenceErrors(file, text) {
  const lc = new LineCounter();
  const doc = parseDocument2(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const refuse = (offset, what2) => {
    const line = lc.linePos(offset).line;
    return {
      kind: "render",
      message: `${file}:${line}: ${what2}: refused, helm would load it from outside the chart (rendering reads no file outside the repository and uses no network)`,
      source: { file, startLine: line, endLine: line }
    };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return [refuse(e.pos[0], `schema is not valid JSON (${e.message.split("\n")[0]}), so its references cannot be checked`)];
  }
  const errors = [];
  const show = (v) => JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}\u2026` : v);
  const walk2 = (node) => {
    if (isSeq(node)) for (const item of node.items) walk2(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : void 0;
      const value = pair.value;
      if (typeof key === "string" && isScalar(value) && typeof value.value === "string") {
        const v = value.value;
        const at2 = value.range?.[0] ?? 0;
        if (REFERENCE_KEYS.has(key) && !v.startsWith("#")) errors.push(refuse(at2, `schema reference '${key}: ${show(v)}' is not a fragment of this schema (#/...)`));
        else if (key === "$schema" && !KNOWN_META_SCHEMA.test(v.trim())) errors.push(refuse(at2, `'$schema: ${show(v)}' is not a well-known JSON Schema draft`));
        else if (key === "$id" && baseLeavesSchema(v) || key === "id" && /^\s*file:/i.test(v)) {
          errors.push(refuse(at2, `schema base '${key}: ${show(v)}' names a file or path`));
        }
      }
      walk2(value);
    }
  };
  walk2(doc.contents);
  return errors;
}
function baseLeavesSchema(id) {
  const v = id.trim();
  if (v.startsWith("#")) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return !/^(https?|urn|tag):/i.test(v);
  return v.startsWith("/") || v.startsWith("\\") || v.split(/[\\/]/).includes("..");
}

// src/render/helm/renderer.ts
import path7 from "node:path";

// src/render/api.ts
function rootError(root, message, file) {
  return { kind: "render", message, source: { file, startLine: 1, endLine: 1, renderedBy: rootId(root) } };
}

// src/render/helm/render.ts
import { cp } from "node:fs/promises";
import path6 from "node:path";

// src/render/namespaces.ts
var DEFAULT_NAMESPACE = "default";
var CLUSTER_SCOPED = {
  "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "apiregistration.k8s.io": ["APIService"],
  "admissionregistration.k8s.io": [
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding"
  ],
  "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
  "scheduling.k8s.io": ["PriorityClass"],
  "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
  "node.k8s.io": ["RuntimeClass"],
  "policy": ["PodSecurityPolicy"],
  "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
  "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
  "resource.k8s.io": ["DeviceClass", "ResourceSlice"],
  "storagemigration.k8s.io": ["StorageVersionMigration"],
  "internal.apiserver.k8s.io": ["StorageVersion"],
  "snapshot.storage.k8s.io": ["VolumeSnapshotClass", "VolumeSnapshotContent"],
  "gateway.networking.k8s.io": ["GatewayClass"],
  // Gatekeeper: templates, constraints, mutators, expansion, external data, sync sets (its Config is namespaced).
  "templates.gatekeeper.sh": ["ConstraintTemplate"],
  "constraints.gatekeeper.sh": ["*"],
  "mutations.gatekeeper.sh": ["Assign", "AssignMetadata", "ModifySet", "AssignImage"],
  "expansion.gatekeeper.sh": ["ExpansionTemplate"],
  "externaldata.gatekeeper.sh": ["Provider"],
  "syncset.gatekeeper.sh": ["SyncSet"],
  // Common add-ons whose cluster-wide kinds appear in GitOps repositories.
  "cert-manager.io": ["ClusterIssuer"],
  "kyverno.io": ["ClusterPolicy", "ClusterCleanupPolicy"],
  "external-secrets.io": ["ClusterSecretStore", "ClusterExternalSecret"],
  "crd.projectcalico.org": ["GlobalNetworkPolicy", "GlobalNetworkSet", "ClusterInformation", "FelixConfiguration", "BGPConfiguration", "IPPool"],
  "cilium.io": ["CiliumClusterwideNetworkPolicy"],
  "karpenter.sh": ["NodePool", "NodeClaim"],
  "karpenter.k8s.aws": ["EC2NodeClass"],
  "pkg.crossplane.io": ["Provider", "Configuration", "Function"],
  "apiextensions.crossplane.io": ["CompositeResourceDefinition", "Composition"]
};
function groupOf(apiVersion) {
  return typeof apiVersion === "string" && apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
}
function isMap2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function crdScopes(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (o.kind !== "CustomResourceDefinition" || groupOf(o.apiVersion) !== "apiextensions.k8s.io") continue;
    const spec = isMap2(o.spec) ? o.spec : {};
    const names = isMap2(spec.names) ? spec.names : {};
    if (typeof spec.group !== "string" || typeof names.kind !== "string") continue;
    if (spec.scope === "Cluster" || spec.scope === "Namespaced") out.set(`${spec.group}/${names.kind}`, spec.scope);
  }
  return out;
}
function isClusterScoped(o, crds) {
  const kind = typeof o.kind === "string" ? o.kind : "";
  const group = groupOf(o.apiVersion);
  const crd = crds?.get(`${group}/${kind}`);
  if (crd !== void 0) return crd === "Cluster";
  const known = CLUSTER_SCOPED[group];
  return known !== void 0 && (known.includes(kind) || known.includes("*"));
}
function hasNamespace(o) {
  const meta = isMap2(o.metadata) ? o.metadata : {};
  return typeof meta.namespace === "string" && meta.namespace !== "";
}
function placeInNamespace(objects, namespace) {
  const crds = crdScopes(objects);
  for (const o of objects) {
    if (hasNamespace(o) || isClusterScoped(o, crds)) continue;
    o.metadata = { ...isMap2(o.metadata) ? o.metadata : {}, namespace };
  }
}
function unplaced(objects) {
  const crds = crdScopes(objects.map((o) => o.object));
  return objects.filter((o) => !hasNamespace(o.object) && !isClusterScoped(o.object, crds));
}

// src/render/helm/render.ts
var GATEKEEPER_API_VERSIONS = [
  "templates.gatekeeper.sh/v1",
  "templates.gatekeeper.sh/v1beta1",
  "templates.gatekeeper.sh/v1alpha1",
  "templates.gatekeeper.sh/v1/ConstraintTemplate",
  "constraints.gatekeeper.sh/v1beta1",
  "constraints.gatekeeper.sh/v1alpha1",
  "config.gatekeeper.sh/v1alpha1",
  "config.gatekeeper.sh/v1alpha1/Config",
  "expansion.gatekeeper.sh/v1beta1",
  "expansion.gatekeeper.sh/v1alpha1",
  "mutations.gatekeeper.sh/v1",
  "mutations.gatekeeper.sh/v1beta1",
  "mutations.gatekeeper.sh/v1alpha1",
  "externaldata.gatekeeper.sh/v1beta1",
  "externaldata.gatekeeper.sh/v1alpha1",
  "status.gatekeeper.sh/v1beta1",
  "syncset.gatekeeper.sh/v1alpha1"
];
function clusterApiVersions(ctx) {
  return [.../* @__PURE__ */ new Set([...GATEKEEPER_API_VERSIONS, ...ctx.apiVersions ?? []])];
}
async function renderHelm(planned, ctx) {
  const { root } = planned;
  const chartFile = planned.chart?.file ?? `${root.path}/Chart.yaml`;
  const at2 = { file: chartFile, startLine: 1, endLine: 1 };
  const label = `${root.path || "."} (release ${root.release ?? "?"})`;
  const tool = findRenderTool("helm");
  if ("error" in tool) return { objects: [], errors: [renderError(planned, `${label}: ${tool.error}`, at2)] };
  const helm = tool.path;
  const dirs = [root.path, ...(planned.localDependencies ?? []).map((d) => d.dir)];
  const schemas = [...ctx.tree.files].filter((f) => dirs.some((d) => isUnder(f, d)) && path6.posix.basename(f) === "values.schema.json").sort();
  const refused = [];
  for (const file of schemas) refused.push(...schemaReferenceErrors(file, await ctx.readText(file) ?? ""));
  if (refused.length > 0) return { objects: [], errors: refused.map((e) => renderError(planned, e.message, e.source ?? at2)) };
  const fetched = await placeDependencies(planned, ctx);
  if (fetched.errors.length > 0) return { objects: [], errors: fetched.errors };
  const homeDirs = {
    HELM_CACHE_HOME: "helm/cache",
    HELM_CONFIG_HOME: "helm/config",
    HELM_DATA_HOME: "helm/data",
    HELM_PLUGINS: "helm/plugins",
    HELM_REPOSITORY_CACHE: "helm/repository"
  };
  const env = { HELM_REGISTRY_CONFIG: "/dev/null", HELM_REPOSITORY_CONFIG: "/dev/null" };
  const args = ["template", root.release ?? "release", path6.join(ctx.workDir, root.path), "--include-crds"];
  for (const v of root.valuesFiles ?? []) args.push("--values", path6.join(ctx.workDir, v));
  const releaseNamespace = root.namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  args.push("--namespace", releaseNamespace);
  for (const v of clusterApiVersions(ctx)) args.push("--api-versions", v);
  if (ctx.kubeVersion !== void 0) args.push("--kube-version", ctx.kubeVersion);
  const run = await runRenderer(ctx, "helm template", helm, args, { cwd: ctx.workDir, env, homeDirs });
  if ("failure" in run) return { objects: [], errors: [renderError(planned, `${label}: ${run.failure}`, at2)] };
  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `helm template ${label}`, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at2));
  const sources = sourceComments(run.stdout);
  const chartName = planned.chart?.name ?? path6.posix.basename(root.path);
  const seen = /* @__PURE__ */ new Map();
  const objects = [];
  placeInNamespace(loaded.objects.map((o) => o.object), releaseNamespace);
  for (const { object, source: out } of loaded.objects) {
    const comment = sourceAt(sources, out.startLine);
    let source = at2;
    const dependency = comment === void 0 ? void 0 : fetched.sources.find((d) => comment.startsWith(`${chartName}/charts/${d.prefix}/`));
    if (dependency !== void 0 && "at" in dependency) {
      source = dependency.at;
    } else if (comment !== void 0) {
      const file = dependency !== void 0 ? templateFile(comment.slice(`${chartName}/charts/`.length), dependency.prefix, dependency.dir, ctx) : templateFile(comment, chartName, root.path, ctx);
      const index = seen.get(comment) ?? 0;
      seen.set(comment, index + 1);
      if (file !== void 0) {
        const count = [...sources.values()].filter((s2) => s2 === comment).length;
        source = await documentRange(file, index, count, String(object.kind ?? ""), ctx);
      }
    }
    objects.push({ object, source: { ...source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
var placing = /* @__PURE__ */ new WeakMap();
async function placeDependencies(planned, ctx) {
  const deps = planned.remoteDependencies ?? [];
  const chart = planned.chart;
  const errors = [];
  const sources = [];
  if (deps.length === 0 && planned.localDependencies === void 0 || chart === void 0) return { errors, sources };
  let mine = placing.get(ctx);
  if (mine === void 0) placing.set(ctx, mine = /* @__PURE__ */ new Map());
  const vendorDir = planned.root.path === "" ? "charts" : `${planned.root.path}/charts`;
  for (const { dep, dir } of planned.localDependencies ?? []) {
    const target = `${vendorDir}/${dep.name}`;
    if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) {
      const at2 = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
      errors.push(renderError(planned, `${at2.file}:${dep.line}: helm dependency '${dep.name}' ${dep.repository}: ${target} exists in the repository but holds no chart named '${dep.name}': refused`, at2));
      continue;
    }
    let placed = mine.get(target);
    if (placed === void 0) {
      placed = cp(path6.join(ctx.workDir, dir), path6.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true }).then(() => ({ ok: true, dir, digest: "", version: "" }));
      mine.set(target, placed);
    }
    await placed;
    sources.push({ prefix: dep.name, dir });
  }
  for (const dep of deps) {
    const at2 = { file: dep.file ?? chart.file, startLine: dep.line, endLine: dep.line };
    const fail = (why) => void errors.push(renderError(planned, `${at2.file}:${dep.line}: helm dependency '${dep.name}' from ${dep.repository}: ${why}`, at2));
    const target = `${vendorDir}/${dep.name}`;
    const version = dep.locked ?? (dep.version === "" ? "*" : dep.version);
    const got = await placeRemoteChart(ctx, target, { repoUrl: dep.repository, chart: dep.name, version, declaredAt: at2 });
    if (!got.ok) fail(got.reason);
    else sources.push({ prefix: dep.name, at: at2 });
  }
  return { errors, sources };
}
function placeRemoteChart(ctx, target, req) {
  let mine = placing.get(ctx);
  if (mine === void 0) placing.set(ctx, mine = /* @__PURE__ */ new Map());
  let placed = mine.get(target);
  if (placed === void 0) {
    const charts = ctx.charts;
    placed = (async () => {
      if (charts === void 0) return { ok: false, reason: `remote chart repository not allowed: ${req.repoUrl}` };
      if (ctx.tree.dirs.has(target) || ctx.tree.files.has(target)) return { ok: false, reason: `${target} exists in the repository but holds no chart named '${req.chart}': refused` };
      const got = await resolveRemoteChart(req, charts);
      if (got.ok) await cp(got.dir, path6.join(ctx.workDir, target), { recursive: true, verbatimSymlinks: true });
      return got;
    })().catch((e) => ({ ok: false, reason: `chart ${req.chart} could not be placed at ${target}: ${e instanceof Error ? e.message : String(e)}` }));
    mine.set(target, placed);
  }
  return placed;
}
function sourceComments(out) {
  const map2 = /* @__PURE__ */ new Map();
  const lines = out.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^# Source: (.+)$/.exec(lines[i]);
    if (m) map2.set(i + 1, m[1].trim());
  }
  return map2;
}
function sourceAt(sources, line) {
  let best;
  for (const [l, s2] of sources) if (l < line && (best === void 0 || l > best[0])) best = [l, s2];
  return best?.[1];
}
function templateFile(comment, chartName, chartDir, ctx) {
  const rest = comment.startsWith(`${chartName}/`) ? comment.slice(chartName.length + 1) : comment.slice(comment.indexOf("/") + 1);
  const file = chartDir === "" ? rest : `${chartDir}/${rest}`;
  return ctx.tree.files.has(file) ? file : void 0;
}
async function documentRange(file, index, count, kind, ctx) {
  const text = await ctx.readText(file) ?? "";
  const lines = text.split("\n");
  const parts = [];
  let start = 1;
  for (let i = 0; i <= lines.length; i++) {
    const atEnd = i === lines.length;
    if (atEnd || /^---(\s|$)/.test(lines[i])) {
      const body = lines.slice(start - 1, i);
      const first = body.findIndex((l) => l.trim() !== "" && !/^\s*#/.test(l));
      if (first >= 0) {
        let last = body.length - 1;
        while (last > first && body[last].trim() === "") last--;
        parts.push([start + first, start + last]);
      }
      start = i + 2;
    }
  }
  const whole = { file, startLine: 1, endLine: Math.max(1, lines.length - (lines.at(-1) === "" ? 1 : 0)) };
  const part = parts.length === count ? parts[index] : void 0;
  if (part !== void 0) return { file, startLine: part[0], endLine: part[1] };
  const kindLine = new RegExp(`^kind:\\s*["']?${kind.replace(/[^\w]/g, "")}["']?\\s*$`);
  const spelled = parts.filter(([a, b]) => lines.slice(a - 1, b).some((l) => kindLine.test(l)));
  return spelled.length === 1 ? { file, startLine: spelled[0][0], endLine: spelled[0][1] } : whole;
}

// src/render/helm/renderer.ts
var helmRenderer = {
  kind: "helm",
  tools: ["helm"],
  discover: (ctx) => releases(ctx).map(({ root }) => root),
  /** Every chart directory within the discovery paths or rendered (what a tool reads there is the tool's business), and the values files of the releases. */
  claims: (ctx) => {
    const dirs = [...ctx.charts.keys()].filter((dir) => ctx.within(dir) || ctx.roles.roots.includes(dir) || ctx.roles.subcharts.has(dir));
    const files = new Set(releases(ctx).flatMap(({ valuesFiles }) => valuesFiles.map((v) => resolveInRepo("", v) ?? v)));
    return { dirs, files };
  },
  plan: (root, ctx) => Promise.resolve(planHelm(root, ctx)),
  render: renderHelm
};
function releases({ charts, roles, helmReleases, excluded }) {
  const out = [];
  for (const dir of roles.roots) {
    if (matchesAny(dir, excluded)) continue;
    for (const r of helmReleases[dir] ?? [{ release: defaultReleaseName(dir, charts.get(dir)) }]) {
      const root = { kind: "helm", path: dir, release: r.release, valuesFiles: r.valuesFiles ?? [] };
      if (r.namespace !== void 0) root.namespace = r.namespace;
      out.push({ root, valuesFiles: r.valuesFiles ?? [] });
    }
  }
  return out;
}
function defaultReleaseName(dir, chart) {
  return dir === "" ? chart?.name ?? "release" : path7.posix.basename(dir);
}
function planHelm(root, { tree, charts, chartAllow }) {
  const chart = charts.get(root.path);
  const plannedRoot = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([root.path]), materialize: [], problems: [] };
  if (chart === void 0) {
    plannedRoot.problems.push(rootError(root, `${root.path || "."}: no Chart.yaml here`, root.path || "."));
    return plannedRoot;
  }
  plannedRoot.chart = chart;
  if (root.release === void 0 || root.release === "") root.release = defaultReleaseName(root.path, chart);
  const dependencies = chartDependencies(chart, charts, tree, chartAllow);
  plannedRoot.problems.push(...dependencies.errors);
  if (dependencies.remote.length > 0) plannedRoot.remoteDependencies = dependencies.remote;
  if (dependencies.local.length > 0) plannedRoot.localDependencies = dependencies.local;
  const values = [];
  for (const v of root.valuesFiles ?? []) {
    const resolved2 = resolveInRepo("", v);
    if (resolved2 === void 0) {
      plannedRoot.problems.push(rootError(root, `values file '${v}' of helm release ${root.release} is outside the repository: refused`, chart.file));
      continue;
    }
    plannedRoot.deps.add(resolved2);
    if (!tree.files.has(resolved2)) {
      plannedRoot.problems.push(rootError(root, `values file '${resolved2}' of helm release ${root.release} does not exist at this ref`, chart.file));
      continue;
    }
    values.push(resolved2);
  }
  root.valuesFiles = values.length === (root.valuesFiles ?? []).length ? values : root.valuesFiles;
  plannedRoot.materialize = [...[...tree.files].filter((f) => isUnder(f, root.path)), ...values];
  for (const { dir } of dependencies.local) {
    plannedRoot.prefixes.add(dir);
    plannedRoot.materialize.push(...[...tree.files].filter((f) => isUnder(f, dir)));
  }
  return plannedRoot;
}

// src/render/kustomize/kustomization.ts
import { isAlias, isMap as isMap3, isScalar as isScalar2, isSeq as isSeq2, LineCounter as LineCounter2, parseAllDocuments } from "yaml";
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
function isKustomizationFile(file) {
  const base = file.slice(file.lastIndexOf("/") + 1);
  return KUSTOMIZATION_FILE_NAMES.includes(base);
}
var HELM_DEFAULT_CHART_HOME = "charts";
var LIST_FIELDS = [
  ["resources", "file-or-dir"],
  ["bases", "dir"],
  ["components", "dir"],
  ["crds", "file"],
  ["configurations", "file"],
  ["generators", "plugin"],
  ["transformers", "plugin"],
  ["validators", "plugin"]
];
function parseKustomization(text, file) {
  const lc = new LineCounter2();
  const result = {
    file,
    kind: "Kustomization",
    refs: [],
    inlinePlugins: [],
    generators: [],
    helmCharts: [],
    refusals: [],
    keepsOriginAnnotations: false
  };
  const docs = parseAllDocuments(text, { lineCounter: lc, version: "1.1", merge: true, prettyErrors: false, uniqueKeys: false });
  const documents = Array.isArray(docs) ? docs : [docs];
  const failed2 = documents.find((d) => d.errors.length > 0);
  if (failed2 !== void 0) {
    const e = failed2.errors[0];
    result.parseErrorLine = lc.linePos(e.pos[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: ${e.message.split("\n")[0]}`;
    return result;
  }
  const nonEmpty = documents.filter((d) => d.contents !== null && !(isScalar2(d.contents) && d.contents.value === null && d.contents.source === ""));
  if (nonEmpty.length > 1) {
    result.parseErrorLine = lc.linePos(nonEmpty[1].range[0]).line;
    result.parseError = `${file}:${result.parseErrorLine}: a kustomization file holds one YAML document, this one holds ${nonEmpty.length}`;
    return result;
  }
  const doc = nonEmpty[0];
  const root = doc === void 0 ? void 0 : resolved(doc.contents, doc);
  if (doc === void 0 || !isMap3(root)) return result;
  const lineOf = (n) => n?.range ? lc.linePos(n.range[0]).line : 1;
  const endLineOf = (n) => {
    if (!n?.range) return 1;
    return lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line;
  };
  const top = goFields(root, doc);
  const fieldAll = (name, fields = top) => fields.get(name.toLowerCase())?.map((f) => f.value) ?? [];
  const field = (name, fields = top) => goValue(fields, name);
  const seqItems = (n) => isSeq2(n) ? n.items.map((i) => resolved(i, doc)).filter((i) => i !== void 0) : [];
  const itemsOf = (name, fields = top) => fieldAll(name, fields).flatMap(seqItems);
  const mapFields = (n) => isMap3(n) ? goFields(n, doc) : void 0;
  const str2 = (n) => isScalar2(n) && typeof n.value === "string" ? n.value : void 0;
  if (str2(field("kind")) === "Component") result.kind = "Component";
  for (const [name, target] of LIST_FIELDS) {
    for (const item of itemsOf(name)) {
      const v = str2(item);
      if (v === void 0) continue;
      if (target === "plugin" && v.includes("\n")) {
        result.inlinePlugins.push({ text: v, field: name, line: lineOf(item) });
        continue;
      }
      result.refs.push({ value: v.trim(), field: name, target, line: lineOf(item) });
    }
  }
  const pushPath = (n, name) => {
    const v = str2(n);
    if (v !== void 0 && v.trim() !== "") result.refs.push({ value: v.trim(), field: name, target: "file", line: lineOf(n) });
  };
  for (const name of ["patches", "patchesJson6902", "replacements"]) {
    for (const item of itemsOf(name)) {
      const fields = mapFields(item);
      if (fields !== void 0) for (const p of fieldAll("path", fields)) pushPath(p, name);
    }
  }
  for (const item of itemsOf("patchesStrategicMerge")) {
    const v = str2(item);
    if (v !== void 0 && !v.includes("\n") && !/^\s*[\w.-]+:\s/.test(v)) pushPath(item, "patchesStrategicMerge");
  }
  for (const openapi of fieldAll("openapi")) {
    const fields = mapFields(openapi);
    if (fields !== void 0) for (const p of fieldAll("path", fields)) pushPath(p, "openapi");
  }
  for (const gen of ["configMapGenerator", "secretGenerator"]) {
    for (const item of itemsOf(gen)) {
      const fields = mapFields(item);
      if (fields === void 0) continue;
      const name = str2(field("name", fields));
      if (name !== void 0) {
        result.generators.push({ field: gen, name, startLine: lineOf(item), endLine: endLineOf(item) });
      }
      for (const list2 of ["files", "envs"]) {
        for (const f of itemsOf(list2, fields)) {
          const v = str2(f);
          if (v === void 0) continue;
          const eq = list2 === "files" ? v.indexOf("=") : -1;
          const p = eq >= 0 ? v.slice(eq + 1) : v;
          result.refs.push({ value: p.trim(), field: `${gen}.${list2}`, target: "file", line: lineOf(f) });
        }
      }
      for (const env of fieldAll("env", fields)) pushPath(env, `${gen}.env`);
    }
  }
  const globals = field("helmGlobals");
  const globalFields = globals !== void 0 ? mapFields(globals) : void 0;
  const writtenHome = (fields) => fields === void 0 ? void 0 : str2(field("chartHome", fields));
  const legacy = itemsOf("helmChartInflationGenerator").map(mapFields).filter((f) => f !== void 0);
  const legacyHome = legacy.map(writtenHome).filter((h) => h !== void 0 && h !== "").at(-1);
  const home = (globals !== void 0 ? writtenHome(globalFields) : legacyHome) || HELM_DEFAULT_CHART_HOME;
  if (globals !== void 0 && globalFields === void 0) {
    const line = lineOf(globals);
    result.refusals.push({ kind: "render", message: `${file}:${line}: helmGlobals is not a map`, source: { file, startLine: line, endLine: line } });
  }
  const chartEntry = (item, fields, fieldName, keys) => {
    result.helmCharts.push({
      file,
      startLine: lineOf(item),
      endLine: endLineOf(item),
      field: fieldName,
      name: str2(field(keys.name, fields)) ?? "",
      repo: (str2(field(keys.repo, fields)) ?? "").trim(),
      version: scalarText(field(keys.version, fields)),
      ...str2(field(keys.release, fields)) !== void 0 ? { releaseName: str2(field(keys.release, fields)) } : {},
      ...fieldName === "helmCharts" && isScalar2(field("devel", fields)) && field("devel", fields).value === true ? { devel: true } : {},
      chartHome: home
    });
    pushPath(field(keys.values, fields), `${fieldName}.${keys.values}`);
    for (const v of itemsOf("additionalValuesFiles", fields)) pushPath(v, `${fieldName}.additionalValuesFiles`);
  };
  for (const item of itemsOf("helmCharts")) {
    const fields = mapFields(item);
    if (fields !== void 0) chartEntry(item, fields, "helmCharts", { name: "name", repo: "repo", version: "version", values: "valuesFile", release: "releaseName" });
  }
  for (const item of itemsOf("helmChartInflationGenerator")) {
    const fields = mapFields(item);
    if (fields !== void 0) chartEntry(item, fields, "helmChartInflationGenerator", { name: "chartName", repo: "chartRepoUrl", version: "chartVersion", values: "values", release: "releaseName" });
  }
  result.keepsOriginAnnotations = seqItems(field("buildMetadata")).some((i) => str2(i) === "originAnnotations");
  return result;
}
function scalarText(n) {
  if (!isScalar2(n) || n.value === null || n.value === void 0) return "";
  return typeof n.source === "string" && n.source !== "" ? n.source : String(n.value);
}
function resolved(n, doc) {
  let cur = n;
  for (let i = 0; i < 32 && isAlias(cur); i++) cur = cur.resolve(doc);
  return cur === null || cur === void 0 || isAlias(cur) ? void 0 : cur;
}
function goFields(map2, doc) {
  const out = /* @__PURE__ */ new Map();
  const visit = (m, depth) => {
    if (depth > 32) return;
    for (const pair of m.items) {
      const key = resolved(pair.key, doc);
      const value = resolved(pair.value, doc);
      if (!isScalar2(key)) continue;
      if (typeof key.value === "symbol") {
        for (const source of isSeq2(value) ? value.items.map((i) => resolved(i, doc)) : [value]) {
          if (isMap3(source)) visit(source, depth + 1);
        }
        continue;
      }
      if (value === void 0) continue;
      const k = key.value instanceof Uint8Array ? Buffer.from(key.value).toString("utf8") : String(key.value);
      const list2 = out.get(k.toLowerCase()) ?? [];
      list2.push({ key: k, value });
      out.set(k.toLowerCase(), list2);
    }
  };
  visit(map2, 0);
  return out;
}
function goValue(fields, name) {
  const all = fields.get(name.toLowerCase());
  if (all === void 0 || all.length === 0) return void 0;
  let best = all[0];
  for (const c of all) if (c.key >= best.key) best = c;
  return best.value;
}
function isRemoteReference(ref, existsLocally = false) {
  const r = ref.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) return true;
  if (/^[a-z0-9+.-]+::/i.test(r)) return true;
  if (/^[^/\s]+@[^/\s]+:/.test(r)) return true;
  if (/\?(.*&)?(ref|version|submodules|timeout)=/.test(r)) return true;
  if (/(^|\/)_git\//.test(r) || /\.git(\/|$|\/\/)/.test(r)) return true;
  const first = r.split("/")[0] ?? "";
  if (existsLocally) return false;
  return first !== "." && first !== ".." && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$/i.test(first) && r.includes("/");
}

// src/render/kustomize/graph.ts
function repoTree(files) {
  const set = new Set(files);
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const f of set) {
    let i = f.lastIndexOf("/");
    while (i > 0) {
      const d = f.slice(0, i);
      if (dirs.has(d)) break;
      dirs.add(d);
      i = d.lastIndexOf("/");
    }
  }
  return { files: set, dirs };
}
function reachOf(rootDir, tree, index) {
  const reach = { dirs: [], deps: /* @__PURE__ */ new Set(), resources: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set(), problems: [], pluginFiles: [], inlinePlugins: [], helmCharts: [] };
  const seen = /* @__PURE__ */ new Set();
  const queue = [rootDir];
  while (queue.length > 0) {
    const dir = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    reach.dirs.push(dir);
    for (const name of KUSTOMIZATION_FILE_NAMES) reach.deps.add(dir === "" ? name : `${dir}/${name}`);
    const k = index.get(dir);
    if (k === void 0 || k.parseError !== void 0) {
      reach.prefixes.add(dir);
      if (k?.parseError !== void 0) {
        const line = k.parseErrorLine ?? 1;
        reach.problems.push({
          kind: "render",
          message: `${k.parseError}: refused, a kustomization is read exactly as kustomize reads it or not at all`,
          source: { file: k.file, startLine: line, endLine: line }
        });
      }
      continue;
    }
    reach.problems.push(...k.refusals);
    for (const config of k.inlinePlugins) reach.inlinePlugins.push({ from: k, config });
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if ("problem" in placed) {
        reach.problems.push(placed.problem);
        continue;
      }
      reach.helmCharts.push(placed);
      reach.prefixes.add(placed.home);
      if (placed.local) {
        for (const f of tree.files) if (isUnder(f, placed.dir)) reach.resources.add(f);
      }
    }
    for (const ref of k.refs) {
      const target = resolveInRepo(dir, ref.value);
      const exists = target !== void 0 && (tree.files.has(target) || tree.dirs.has(target));
      if (isRemoteReference(ref.value, exists)) {
        reach.problems.push(refError(k, ref, `remote kustomize reference '${ref.value}' refused: rendering never uses the network; vendor it into the repository`));
        continue;
      }
      if (target === void 0) {
        reach.problems.push(refError(k, ref, `'${ref.value}' (${ref.field}) is outside the repository: refused`));
        continue;
      }
      if (tree.files.has(target)) {
        reach.deps.add(target);
        if (ref.field === "resources") reach.resources.add(target);
        if (ref.target === "plugin") reach.pluginFiles.push({ file: target, from: k, ref });
      } else if (index.has(target) && ref.target !== "file") {
        queue.push(target);
      } else {
        reach.prefixes.add(target);
      }
    }
  }
  return reach;
}
var CHART_NAME = /^[\w.-]+$/;
function chartPlace(kustomizationDir, entry, tree) {
  const at2 = { file: entry.file, startLine: entry.startLine, endLine: entry.startLine };
  const problem = (what2) => ({ problem: { kind: "render", message: `${entry.file}:${entry.startLine}: ${entry.field} chart '${entry.name}': ${what2}`, source: at2 } });
  if (entry.name === "" || !CHART_NAME.test(entry.name) || entry.name === "." || entry.name === "..") return problem("the chart name must be a plain name (letters, digits, ., _, -): refused");
  if (entry.releaseName !== void 0 && entry.releaseName.startsWith("-")) return problem(`releaseName '${entry.releaseName}' would be read by helm as a flag: refused`);
  const chartHome = resolveInRepo(kustomizationDir, entry.chartHome);
  if (chartHome === void 0) return problem(`chart home '${entry.chartHome}' is outside the repository: refused`);
  let home = chartHome;
  if (entry.version !== "" && entry.repo !== "") {
    if (/[/\\\0]/.test(entry.version) || entry.version.trim() !== entry.version) return problem(`version '${entry.version}' cannot be part of a directory name: refused`);
    home = `${chartHome === "" ? "" : `${chartHome}/`}${entry.name}-${entry.version}`;
  }
  const dir = home === "" ? entry.name : `${home}/${entry.name}`;
  const local = tree.dirs.has(dir);
  if (!local && entry.repo === "") return problem(`no chart at ${dir} and no 'repo' to fetch it from (kustomize would fail the build)`);
  return { entry, home, dir, local };
}
function inflatedChartDirs(index, tree) {
  const out = /* @__PURE__ */ new Set();
  for (const [dir, k] of index) {
    for (const entry of k.helmCharts) {
      const placed = chartPlace(dir, entry, tree);
      if (!("problem" in placed) && placed.local) out.add(placed.dir);
    }
  }
  return out;
}
function refError(k, ref, what2) {
  return { kind: "render", message: `${k.file}:${ref.line}: ${what2}`, source: { file: k.file, startLine: ref.line, endLine: ref.line } };
}
function kustomizeRootDirs(index, within2 = () => true) {
  const included = /* @__PURE__ */ new Set();
  for (const [dir, k] of index) {
    if (!within2(dir)) continue;
    for (const ref of k.refs) {
      if (ref.target === "file") continue;
      const target = resolveInRepo(dir, ref.value);
      if (target !== void 0 && target !== dir && index.has(target)) included.add(target);
    }
  }
  return [...index.entries()].filter(([dir, k]) => k.kind === "Kustomization" && within2(dir) && !included.has(dir)).map(([dir]) => dir).sort();
}
function filesToMaterialize(reach, tree) {
  const out = /* @__PURE__ */ new Set();
  for (const f of tree.files) {
    if (reach.dirs.some((d) => isUnder(f, d))) out.add(f);
  }
  for (const d of reach.deps) if (tree.files.has(d)) out.add(d);
  for (const c of reach.helmCharts) if (c.local) {
    for (const f of tree.files) if (isUnder(f, c.dir)) out.add(f);
  }
  return [...out];
}

// src/render/kustomize/render.ts
import { mkdir as mkdir3, writeFile } from "node:fs/promises";
import path10 from "node:path";

// src/render/kustomize/batch.ts
import { existsSync as existsSync3, statSync } from "node:fs";
import os2 from "node:os";
import path8 from "node:path";

// src/render/gitops/model.ts
function appId(tool, file, name) {
  return `${tool}:${file}#${name.replace(/[#/]/g, "_")}`;
}
function appLabel(a) {
  return `${a.tool === "flux" ? "Flux" : "Argo CD"} ${a.kind} ${a.name} (${a.declared.file}:${a.declared.startLine})`;
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function obj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
}
function arr(v) {
  return Array.isArray(v) ? v : [];
}
function stringMap(v) {
  const out = {};
  for (const [k, x] of Object.entries(obj(v))) if (x !== null && typeof x !== "object") out[k] = String(x);
  return out;
}
function mergeValues(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    out[k] = isMap4(cur) && isMap4(v) ? mergeValues(cur, v) : v;
  }
  return out;
}
function isMap4(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function setPath(values, path14, value) {
  const keys = [];
  let cur = "";
  for (let i = 0; i < path14.length; i++) {
    const c = path14[i];
    if (c === "\\" && i + 1 < path14.length) cur += path14[++i];
    else if (c === ".") {
      if (cur !== "") keys.push(cur);
      cur = "";
    } else if (c === "[") {
      const end = path14.indexOf("]", i);
      const n = Number(path14.slice(i + 1, end));
      if (end < 0 || !Number.isInteger(n) || n < 0 || n > 1e4) return `bad list index in '${path14}'`;
      if (cur !== "") keys.push(cur);
      cur = "";
      keys.push(n);
      i = end;
    } else cur += c;
  }
  if (cur !== "") keys.push(cur);
  if (keys.length === 0 || typeof keys[0] !== "string") return `empty or bad path '${path14}'`;
  const root = structuredClone(values);
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const last = i === keys.length - 1;
    const nextIsIndex = !last && typeof keys[i + 1] === "number";
    const container = node;
    if (last) {
      container[k] = value;
    } else {
      let child2 = container[k];
      if (child2 === void 0 || child2 === null || typeof child2 !== "object" || Array.isArray(child2) !== nextIsIndex) {
        child2 = nextIsIndex ? [] : {};
        container[k] = child2;
      }
      if (Array.isArray(child2)) while (child2.length < keys[i + 1]) child2.push(null);
      node = child2;
    }
  }
  return root;
}
function typedSetValue(raw, forceString = false) {
  if (forceString) return raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^-?(0|[1-9]\d{0,15})$/.test(raw)) return Number(raw);
  return raw;
}
function normalizeRepoURL(url) {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z+]+:\/\//, "").replace(/^[^@/]+@/, "");
  u = u.replace(/^([^/:]+):(?!\d)/, "$1/");
  return u.replace(/\/+$/, "").replace(/\.git$/, "");
}
function kustomizeOptions(tool, r) {
  return [r.namespace, r.namePrefix, r.nameSuffix, r.patches, r.images, r.components, r.commonLabels, tool === "argocd" ? r.annotations : void 0];
}
function buildsPathAsIs(app) {
  const r = app.render;
  return r.type === "kustomize" && r.generate === void 0 && kustomizeOptions(app.tool, r).every((o) => o === void 0);
}

// src/render/kustomize/batch.ts
var BATCH_PROGRAM = "kustomize-batch";
var BATCH_SWITCH = "PREADMIT_KUSTOMIZE_BATCH";
var MAX_BATCH_ROOTS = 40;
var LABEL = "kustomize build";
function batchProgram(kustomize) {
  if (process.env[BATCH_SWITCH] === "off") return void 0;
  const candidate = path8.join(path8.dirname(kustomize), BATCH_PROGRAM);
  try {
    return existsSync3(candidate) && statSync(candidate).isFile() ? candidate : void 0;
  } catch {
    return void 0;
  }
}
var started = /* @__PURE__ */ new WeakMap();
function batchedBuild(planned, ctx, kustomize, prepare, helm) {
  let builds = started.get(ctx);
  if (builds === void 0) {
    builds = startBatches(ctx, kustomize, prepare, helm);
    started.set(ctx, builds);
  }
  return builds.get(planned) ?? Promise.resolve("cli");
}
function startBatches(ctx, kustomize, prepare, helm) {
  const builds = /* @__PURE__ */ new Map();
  const program = batchProgram(kustomize);
  const roots = (ctx.roots ?? []).filter((p) => p.root.kind === "kustomize" && (p.root.app === void 0 || buildsPathAsIs(p.root.app)) && p.problems.length === 0);
  if (program === void 0 || roots.length < 2) return builds;
  const concurrency = Math.max(1, ctx.concurrency ?? os2.availableParallelism());
  const batches = cut(roots, Math.max(concurrency, Math.ceil(roots.length / MAX_BATCH_ROOTS)));
  const settle = /* @__PURE__ */ new Map();
  for (const p of roots) builds.set(p, new Promise((resolve2) => settle.set(p, resolve2)));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      try {
        await runBatch(batch, ctx, program, prepare, helm, (p, o) => settle.get(p)(o));
      } catch {
      }
      for (const p of batch) settle.get(p)("cli");
    }
  };
  for (let i = 0; i < Math.min(concurrency, batches.length); i++) void worker();
  return builds;
}
function cut(items, n) {
  const out = [];
  const count = Math.min(n, items.length);
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.ceil((items.length - start) / (count - i));
    out.push(items.slice(start, end));
    start = end;
  }
  return out;
}
async function runBatch(batch, ctx, program, prepare, helm, answer) {
  const dirs = await Promise.all(batch.map(prepare));
  let queue = batch.map((p, i) => ({ p, dir: dirs[i] }));
  while (queue.length > 0) {
    const extra = helm === void 0 ? {} : { env: helm.env, extraTools: [helm.helm] };
    const r = await runRendererRaw(ctx, LABEL, program, queue.map((q) => q.dir), { cwd: ctx.scratchDir, ...extra });
    if ("failure" in r) {
      for (const q of queue) answer(q.p, { failure: r.failure });
      return;
    }
    const { frames } = parseFrames(r.run.stdoutBytes);
    const answered = Math.min(frames.length, queue.length);
    for (let i = 0; i < answered; i++) answer(queue[i].p, outcomeOf(frames[i], r.limits, ctx));
    if (answered === queue.length) return;
    const stopped = r.run.timedOut || r.run.overflowed || r.run.outOfMemory;
    if (answered === 0 && !stopped) return;
    let rest = answered;
    if (frames[answered - 1]?.status !== "panic") answer(queue[rest++].p, "cli");
    queue = queue.slice(rest);
  }
}
var HEADER = /^KB1 (\d+) (ok|error|panic|cli) (\d+) (\d+)$/;
function parseFrames(out) {
  const frames = [];
  let at2 = 0;
  while (at2 < out.length) {
    const nl = out.indexOf(10, at2);
    if (nl < 0 || nl - at2 > 200) return { frames, complete: false };
    const m = HEADER.exec(out.subarray(at2, nl).toString("latin1"));
    if (m === null || Number(m[1]) !== frames.length) return { frames, complete: false };
    const outLen = Number(m[3]);
    const errLen = Number(m[4]);
    const end = nl + 1 + outLen + errLen;
    if (end > out.length) return { frames, complete: false };
    frames.push({
      index: frames.length,
      status: m[2],
      stdout: out.subarray(nl + 1, nl + 1 + outLen),
      stderr: out.subarray(nl + 1 + outLen, end)
    });
    at2 = end;
  }
  return { frames, complete: true };
}
function outcomeOf(frame, limits, ctx) {
  if (frame.status === "ok") return { stdout: frame.stdout.toString("utf8") };
  if (frame.status !== "error") return "cli";
  const stderr = frame.stderr.toString("utf8");
  const failure = failureOf(LABEL, { code: 1, stdout: "", stdoutBytes: Buffer.alloc(0), stderr, timedOut: false, overflowed: false, outOfMemory: false }, limits);
  return { failure: repoRelativeMessage(failure ?? `${LABEL} failed`, ctx) };
}

// src/render/kustomize/origin.ts
import path9 from "node:path";
import { parse } from "yaml";
var ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
function takeOrigin(object, keep) {
  const metadata = object.metadata;
  if (!isObject(metadata) || !isObject(metadata.annotations)) return void 0;
  const annotations = metadata.annotations;
  const raw = annotations[ORIGIN_ANNOTATION];
  if (typeof raw !== "string") return void 0;
  if (!keep) {
    delete annotations[ORIGIN_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  let parsed2;
  try {
    parsed2 = parse(raw);
  } catch {
    return void 0;
  }
  if (!isObject(parsed2)) return void 0;
  const origin = {};
  if (typeof parsed2.path === "string") origin.path = parsed2.path;
  if (typeof parsed2.configuredIn === "string") origin.configuredIn = parsed2.configuredIn;
  if (isObject(parsed2.configuredBy)) {
    const { kind, name } = parsed2.configuredBy;
    origin.configuredBy = { ...typeof kind === "string" ? { kind } : {}, ...typeof name === "string" ? { name } : {} };
  }
  return origin;
}
function originToRepoPath(originPath, builtDirInScratch, repoDirInScratch) {
  const inScratch = path9.posix.normalize(path9.posix.join(builtDirInScratch, originPath));
  const rel = path9.posix.relative(repoDirInScratch, inScratch);
  return resolveInRepo("", rel);
}
var OriginLocator = class {
  #loaded = /* @__PURE__ */ new Map();
  #readText;
  #kustomizations;
  constructor(readText, kustomizations) {
    this.#readText = readText;
    this.#kustomizations = kustomizations;
  }
  /** The document of `file` that `object` came from: same kind, and the name kustomize prefixed or suffixed. */
  async inFile(file, object) {
    let loaded = this.#loaded.get(file);
    if (loaded === void 0) {
      loaded = this.#readText(file).then((t) => t === void 0 ? void 0 : loadManifests(t, file, { yamlVersion: "1.1" }));
      this.#loaded.set(file, loaded);
    }
    const result = await loaded;
    const whole = { file, startLine: 1, endLine: Math.max(1, ...result?.objects.map((o) => o.source.endLine) ?? [1]) };
    if (result === void 0 || result.objects.length === 0) return whole;
    const sameKind = result.objects.filter((o) => o.object.kind === object.kind);
    const candidates = sameKind.length > 0 ? sameKind : result.objects;
    if (candidates.length === 1) return stripRenderedBy(candidates[0].source);
    const name = nameOf(object);
    const exact = candidates.find((o) => nameOf(o.object) === name);
    if (exact) return stripRenderedBy(exact.source);
    const contained = candidates.filter((o) => nameOf(o.object) !== "" && name.includes(nameOf(o.object))).sort((a, b) => nameOf(b.object).length - nameOf(a.object).length)[0];
    return contained ? stripRenderedBy(contained.source) : whole;
  }
  /**
   * The `helmCharts` entry of kustomization `file` whose chart rendered `object`: the only one, else the one helm's
   * standard labels name (`helm.sh/chart: <name>-<version>`, `app.kubernetes.io/instance: <release>`), else the first.
   */
  inHelmChart(file, object) {
    const entries = this.#kustomizations.get(dirOf(file))?.helmCharts.filter((e) => e.file === file) ?? [];
    if (entries.length === 0) return { file, startLine: 1, endLine: 1 };
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    const chart = typeof labels["helm.sh/chart"] === "string" ? labels["helm.sh/chart"] : void 0;
    const instance = labels["app.kubernetes.io/instance"];
    const byLabels = entries.filter((e) => (chart === void 0 || chart.startsWith(`${e.name}-`)) && (typeof instance !== "string" || e.releaseName === void 0 || e.releaseName === instance));
    const entry = entries.length === 1 ? entries[0] : byLabels.length === 1 ? byLabels[0] : entries[0];
    return { file, startLine: entry.startLine, endLine: entry.endLine };
  }
  /** The generator entry of kustomization `file` that made `object` (a ConfigMap or Secret). */
  inGenerator(file, object) {
    const k = this.#kustomizations.get(dirOf(file));
    const name = nameOf(object);
    const field = object.kind === "Secret" ? "secretGenerator" : "configMapGenerator";
    const entry = k?.generators.filter((g) => g.field === field && name.includes(g.name)).sort((a, b) => b.name.length - a.name.length)[0];
    return entry ? { file, startLine: entry.startLine, endLine: entry.endLine } : { file, startLine: 1, endLine: 1 };
  }
};
function stripRenderedBy(s2) {
  return { file: s2.file, startLine: s2.startLine, endLine: s2.endLine };
}

// src/render/kustomize/render.ts
var wrapperCount = 0;
var wrappers = /* @__PURE__ */ new WeakMap();
function wrapperOf(planned, ctx) {
  let byRoot = wrappers.get(ctx);
  if (byRoot === void 0) wrappers.set(ctx, byRoot = /* @__PURE__ */ new Map());
  let w = byRoot.get(planned);
  if (w === void 0) {
    w = (async () => {
      const rel = `wrap/${++wrapperCount}`;
      const dir = path10.join(ctx.scratchDir, rel);
      const repoRel = path10.relative(ctx.scratchDir, ctx.workDir).split(path10.sep).join("/");
      await mkdir3(dir, { recursive: true });
      const target = path10.posix.relative(rel, path10.posix.join(repoRel, planned.root.path));
      await writeFile(path10.join(dir, "kustomization.yaml"), `resources:
- ${JSON.stringify(target)}
buildMetadata:
- originAnnotations
`);
      return { rel, dir, target };
    })();
    byRoot.set(planned, w);
  }
  return w;
}
async function inflatedCharts(planned, ctx) {
  let reaches;
  if (planned.reach !== void 0) reaches = [planned.reach];
  else {
    const render = planned.root.app?.render;
    const base = render?.type === "kustomize" ? render.path : planned.root.path;
    const dirs = ctx.kustomizations.has(base) ? [base] : [...ctx.kustomizations.keys()].filter((d) => isUnder(d, base));
    reaches = dirs.map((d) => reachOf(d, ctx.tree, ctx.kustomizations));
  }
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  const add2 = (kustomizationDir, entry) => {
    const placed = chartPlace(kustomizationDir, entry, ctx.tree);
    if ("problem" in placed) problems.push(renderError(planned, placed.problem.message, placed.problem.source));
    else seen.set(`${entry.file}:${entry.startLine}`, placed);
  };
  for (const reach of reaches) {
    for (const c of reach.helmCharts) seen.set(`${c.entry.file}:${c.entry.startLine}`, c);
    for (const p of reach.pluginFiles) {
      for (const entry of pluginChartEntries(await ctx.readText(p.file) ?? "", p.file, 0)) add2(dirOf(p.from.file), entry);
    }
    for (const { from, config } of reach.inlinePlugins) {
      for (const entry of pluginChartEntries(config.text, from.file, config.line)) add2(dirOf(from.file), entry);
    }
  }
  return { charts: [...seen.values()], problems };
}
function pluginChartEntries(text, file, line) {
  const out = [];
  for (const { object, source } of loadManifests(text, file, { yamlVersion: "1.1" }).objects) {
    if (object.apiVersion !== "builtin" || object.kind !== "HelmChartInflationGenerator") continue;
    const s2 = (v) => typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    out.push({
      file,
      startLine: line > 0 ? line : source.startLine,
      endLine: line > 0 ? line : source.endLine,
      field: "HelmChartInflationGenerator",
      name: s2(object.name),
      repo: s2(object.repo).trim(),
      version: s2(object.version),
      ...typeof object.releaseName === "string" ? { releaseName: object.releaseName } : {},
      ...object.devel === true ? { devel: true } : {},
      chartHome: s2(object.chartHome) || HELM_DEFAULT_CHART_HOME
    });
  }
  return out;
}
var placements = /* @__PURE__ */ new WeakMap();
function placeInflatedCharts(planned, ctx) {
  let mine = placements.get(ctx);
  if (mine === void 0) placements.set(ctx, mine = /* @__PURE__ */ new Map());
  const key = `${planned.root.app?.id ?? ""}\0${planned.root.path}`;
  let placed = mine.get(key);
  if (placed === void 0) {
    placed = (async () => {
      const { charts, problems } = await inflatedCharts(planned, ctx);
      const fetched = await Promise.all(
        charts.filter((c) => !c.local).map(async (c) => {
          const at2 = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
          const version = helmVersionWanted(c.entry.version, c.entry.devel === true);
          const got = await placeRemoteChart(ctx, c.dir, { repoUrl: c.entry.repo, chart: c.entry.name, version, declaredAt: at2 });
          if (got.ok) return void 0;
          return renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field} chart '${c.entry.name}' from ${c.entry.repo}: not simulated: ${got.reason}`, at2);
        })
      );
      return { charts, errors: [...problems, ...fetched.filter((e) => e !== void 0)] };
    })();
    mine.set(key, placed);
  }
  return placed;
}
function kustomizeHelm(ctx) {
  const tool = findRenderTool("helm");
  if ("error" in tool) return void 0;
  const command = toolPathInRun(tool.path, ctx.jailed);
  const apiVersions = clusterApiVersions(ctx);
  const args = ["--enable-helm", "--helm-command", command];
  if (ctx.kubeVersion !== void 0) args.push("--helm-kube-version", ctx.kubeVersion);
  for (const v of apiVersions) args.push("--helm-api-versions", v);
  const env = { KUSTOMIZE_BATCH_HELM_COMMAND: command, KUSTOMIZE_BATCH_HELM_API_VERSIONS: apiVersions.join("\n") };
  if (ctx.kubeVersion !== void 0) env.KUSTOMIZE_BATCH_HELM_KUBE_VERSION = ctx.kubeVersion;
  return { helm: tool.path, args, env };
}
async function renderKustomize(planned, ctx, copied) {
  const root = planned.root.path;
  const inRepo = (file) => {
    if (copied === void 0 || !isUnder(file, copied.dir)) return file;
    if (file === `${copied.dir}/kustomization.yaml`) return copied.file;
    return file === copied.dir ? copied.repoDir : path10.posix.join(copied.repoDir, file.slice(copied.dir.length + 1));
  };
  const shown2 = (copied !== void 0 ? copied.repoDir : root) || ".";
  const k = ctx.kustomizations.get(copied?.repoDir ?? root);
  const rootFile = copied !== void 0 ? copied.file : k?.file ?? (root === "" ? "kustomization.yaml" : `${root}/kustomization.yaml`);
  const at2 = { file: rootFile, startLine: 1, endLine: 1 };
  const tool = findRenderTool("kustomize");
  if ("error" in tool) return { objects: [], errors: [renderError(planned, `${shown2}: ${tool.error}`, at2)] };
  const kustomize = tool.path;
  const [wrapper, inflated] = await Promise.all([wrapperOf(planned, ctx), placeInflatedCharts(copied !== void 0 ? { ...planned, root: { ...planned.root, path: copied.repoDir } } : planned, ctx)]);
  if (inflated.errors.length > 0) return { objects: [], errors: inflated.errors };
  const wrapperRel = wrapper.rel;
  const repoRel = path10.relative(ctx.scratchDir, ctx.workDir).split(path10.sep).join("/");
  const helm = kustomizeHelm(ctx);
  if (helm === void 0 && inflated.charts.length > 0) {
    const c = inflated.charts[0];
    const where = { file: c.entry.file, startLine: c.entry.startLine, endLine: c.entry.startLine };
    return { objects: [], errors: [renderError(planned, `${c.entry.file}:${c.entry.startLine}: ${c.entry.field}: ${findRenderTool("helm").error}`, where)] };
  }
  const prepare = (p) => Promise.all([wrapperOf(p, ctx), placeInflatedCharts(p, ctx)]).then(([w]) => w.dir);
  let run = await batchedBuild(planned, ctx, kustomize, prepare, helm);
  if (run === "cli") {
    run = await runRenderer(ctx, "kustomize build", kustomize, ["build", ...helm?.args ?? [], wrapper.dir], { cwd: ctx.scratchDir, extraTools: helm !== void 0 ? [helm.helm] : [] });
  }
  if ("failure" in run) {
    let message = run.failure.split(wrapper.target).join(root || ".");
    if (copied !== void 0) message = message.split(copied.dir).join(shown2);
    return { objects: [], errors: [renderError(planned, `${shown2}: ${message}`, at2)] };
  }
  const renderedBy = rootId(planned.root);
  const loaded = loadManifests(run.stdout, `kustomize build ${shown2}`, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, at2));
  const locator = new OriginLocator(ctx.readText, ctx.kustomizations);
  const keep = k?.keepsOriginAnnotations ?? false;
  const objects = [];
  for (const { object } of loaded.objects) {
    const origin = takeOrigin(object, keep);
    let source = { ...at2 };
    const fromPath = origin?.path !== void 0 ? mapDefined(originToRepoPath(origin.path, wrapperRel, repoRel), inRepo) : void 0;
    const fromGenerator = origin?.configuredIn !== void 0 ? mapDefined(originToRepoPath(origin.configuredIn, wrapperRel, repoRel), inRepo) : void 0;
    if (fromPath !== void 0) source = await locator.inFile(fromPath, object);
    else if (fromGenerator !== void 0 && origin?.configuredBy?.kind === "HelmChartInflationGenerator") source = locator.inHelmChart(fromGenerator, object);
    else if (fromGenerator !== void 0) source = locator.inGenerator(fromGenerator, object);
    objects.push({ object, source: { ...source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
function mapDefined(v, f) {
  return v === void 0 ? void 0 : f(v);
}

// src/render/kustomize/renderer.ts
var kustomizeRenderer = {
  kind: "kustomize",
  // kustomize runs helm for `helmCharts` and HelmChartInflationGenerator (it is always given `--enable-helm`).
  tools: ["kustomize", "helm"],
  discover: ({ kustomizations, within: within2, excluded }) => kustomizeRootDirs(kustomizations, within2).filter((dir) => !matchesAny(dir, excluded)).map((dir) => ({ kind: "kustomize", path: dir })),
  /**
   * The directories of kustomizations (not components) within the discovery paths, and every file a kustomization
   * within them names (a patch, a resource, a generator input). A Component claims only the files it names, not its
   * directory: a Component at the repository root does not turn every plain file into something else.
   */
  claims: ({ kustomizations, within: within2 }) => {
    const claimed = { dirs: [], files: /* @__PURE__ */ new Set() };
    for (const [dir, k] of kustomizations) {
      if (!within2(dir)) continue;
      if (k.kind === "Kustomization") claimed.dirs.push(dir);
      for (const ref of k.refs) {
        const target = resolveInRepo(dir, ref.value);
        if (target !== void 0) claimed.files.add(target);
      }
    }
    return claimed;
  },
  plan: planKustomize,
  render: renderKustomize
};
async function planKustomize(root, { tree, kustomizations: index, text }) {
  const plannedRoot = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([root.path]), materialize: [], problems: [] };
  if (!index.has(root.path)) {
    plannedRoot.problems.push(rootError(root, `${root.path || "."}: no kustomization.yaml, kustomization.yml or Kustomization here`, root.path || "."));
    return plannedRoot;
  }
  const reach = reachOf(root.path, tree, index);
  plannedRoot.reach = reach;
  plannedRoot.deps = reach.deps;
  plannedRoot.prefixes = reach.prefixes;
  plannedRoot.problems.push(...await reachProblems(reach, text));
  plannedRoot.materialize = filesToMaterialize(reach, tree);
  return plannedRoot;
}
async function reachProblems(reach, text) {
  const problems = [...reach.problems];
  for (const p of reach.pluginFiles) {
    const body = await text(p.file);
    problems.push(...pluginRefusals(body ?? "", p.file, `${p.from.file}:${p.ref.line}`));
  }
  for (const { from, config } of reach.inlinePlugins) {
    problems.push(...pluginRefusals(config.text, from.file, `${from.file}:${config.line}`, config.line));
  }
  return problems;
}
function pluginRefusals(body, file, where, lineOffset = 0) {
  const errors = [];
  for (const { object, source } of loadManifests(body, file, { yamlVersion: "1.1" }).objects) {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
    const isFunction = "config.kubernetes.io/function" in annotations || "config.k8s.io/function" in annotations;
    if (object.apiVersion === "builtin" && !isFunction) continue;
    const line = lineOffset > 0 ? lineOffset : source.startLine;
    errors.push({
      kind: "render",
      message: `${where}: kustomize plugin ${String(object.kind ?? "?")} (${String(object.apiVersion ?? "?")}) refused: preadmit runs only kustomize's builtin generators and transformers, never exec, container or Go plugins`,
      source: { file, startLine: line, endLine: lineOffset > 0 ? lineOffset : source.endLine }
    });
  }
  return errors;
}

// src/render/objects.ts
function isKubernetesObject(o) {
  return typeof o.apiVersion === "string" && o.apiVersion !== "" && typeof o.kind === "string" && o.kind !== "";
}
function holdsKubernetesObjects(text, file) {
  const loaded = loadManifestsMemo(text, file, { yamlVersion: "1.1" });
  const objects = loaded.objects.filter((o) => isKubernetesObject(o.object));
  if (objects.length > 0) return objects;
  return loaded.errors.length > 0 ? "unreadable" : false;
}

// src/render/plain/render.ts
async function renderPlain(planned, ctx) {
  const file = planned.root.path;
  const text = await ctx.readText(file);
  if (text === void 0) {
    return { objects: [], errors: [renderError(planned, `${file}: no such file at this ref`, { file, startLine: 1, endLine: 1 })] };
  }
  const loaded = loadManifests(text, file, { yamlVersion: "1.1" });
  const errors = loaded.errors.map((e) => renderError(planned, e.message, e.source ?? { file, startLine: 1, endLine: 1 }));
  const manifests = loaded.objects.filter((o) => isKubernetesObject(o.object));
  if (manifests.length === 0) return { objects: [], errors };
  const objects = [];
  const renderedBy = rootId(planned.root);
  for (const o of loaded.objects) {
    if (!isKubernetesObject(o.object)) {
      errors.push(renderError(planned, `${file}:${o.source.startLine}: document has no apiVersion and kind`, o.source));
      continue;
    }
    for (const item of expandList(o)) objects.push({ ...item, source: { ...item.source, renderedBy }, root: renderedBy });
  }
  return { objects, errors };
}
function expandList(o) {
  const { object } = o;
  if (typeof object.kind !== "string" || !object.kind.endsWith("List") || !Array.isArray(object.items)) return [o];
  const out = [];
  for (const item of object.items) {
    if (item !== null && typeof item === "object" && !Array.isArray(item) && isKubernetesObject(item)) {
      out.push({ object: item, source: o.source });
    }
  }
  return out;
}

// src/render/plain/renderer.ts
var plainRenderer = {
  kind: "plain",
  tools: [],
  /**
   * Every manifest file within the paths, outside dot-directories, not excluded and claimed by no other kind of root
   * (what is claimed but rendered by no root is found by coverage, coverage.ts): a candidate, kept by `select`.
   */
  discover: ({ tree, excluded, within: within2 }, claimed) => [...tree.files].filter(
    (file) => isManifestFile(file) && !isKustomizationFile(file) && !matchesAny(file, excluded) && within2(file) && // Dot-directories hold CI and tool configuration (.github/workflows/*.yml), never manifests to apply.
    !file.split("/").some((seg) => seg.startsWith(".")) && !claimed.files.has(file) && !claimed.dirs.some((d) => isUnder(file, d))
  ).map((file) => ({ kind: "plain", path: file })),
  /**
   * A candidate is a root if it holds a Kubernetes object, or fails to load (a broken manifest must be reported);
   * values files, CI and tool configuration are not. A plain root is affected only by a change to its own file: when
   * a change is given, the other plain files need not be read (the costly part of planning a large repository).
   */
  select: async (roots, changed, text) => {
    const wanted = roots.filter((r) => changed === void 0 || changed.has(r.path));
    const bodies = await Promise.all(wanted.map((r) => text(r.path)));
    return wanted.filter((r, i) => holdsManifests(bodies[i] ?? "", r.path));
  },
  plan: (root, { tree }) => {
    const plannedRoot = { root, deps: /* @__PURE__ */ new Set([root.path]), prefixes: /* @__PURE__ */ new Set(), materialize: [], problems: [] };
    if (!tree.files.has(root.path)) plannedRoot.problems.push(rootError(root, `${root.path}: no such file at this ref`, root.path));
    return Promise.resolve(plannedRoot);
  },
  render: renderPlain
};
function holdsManifests(body, file) {
  if (body.includes("apiVersion") && body.includes("kind")) return true;
  const found = holdsKubernetesObjects(body, file);
  return found !== false && found !== "unreadable";
}

// src/render/registry.ts
function renderers() {
  return [kustomizeRenderer, helmRenderer, plainRenderer];
}
function rendererOf(kind) {
  const renderer = renderers().find((r) => r.kind === kind);
  if (renderer === void 0) throw new Error(`no renderer for roots of kind '${String(kind)}'`);
  return renderer;
}

// src/render/gitops/flux.ts
import { parse as parseYaml } from "yaml";

// src/render/gitops/envsubst.ts
var NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
var SubstitutionError = class extends Error {
};
function isValidVariableName(name) {
  return NAME.test(name);
}
function envsubst(text, vars) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const at2 = text.indexOf("$", i);
    if (at2 < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at2);
    if (text.startsWith("$${", at2)) {
      out += "${";
      i = at2 + 3;
      continue;
    }
    if (text[at2 + 1] !== "{") {
      out += "$";
      i = at2 + 1;
      continue;
    }
    const end = closingBrace(text, at2 + 2);
    if (end < 0) throw new SubstitutionError(`unterminated '\${' at offset ${at2}`);
    out += expand(text.slice(at2 + 2, end), vars);
    i = end + 1;
  }
  return out;
}
function closingBrace(text, from) {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (text[i] === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
function expand(expr, vars) {
  const m = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([\s\S]*))?$/.exec(expr);
  if (!m) throw new SubstitutionError(`unsupported substitution '\${${expr}}' (preadmit substitutes \${var}, \${var:=default}, \${var:-default}, \${var=default} and \${var-default})`);
  const [, name, op, fallback] = m;
  const value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : void 0;
  if (op === void 0) return value ?? "";
  const useDefault = op.startsWith(":") ? value === void 0 || value === "" : value === void 0;
  return useDefault ? envsubst(fallback ?? "", vars) : value;
}
function substitutionDisabled(object) {
  const meta = object.metadata;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return false;
  for (const field of ["annotations", "labels"]) {
    const m = meta[field];
    if (m !== null && typeof m === "object" && !Array.isArray(m) && m["kustomize.toolkit.fluxcd.io/substitute"] === "disabled") return true;
  }
  return false;
}

// src/simulate/locate.ts
import { isMap as isMap5, isScalar as isScalar3, isSeq as isSeq3, LineCounter as LineCounter3, parseAllDocuments as parseAllDocuments2 } from "yaml";
var CONTAINER_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
function offendingPath(object, message) {
  const containers = [];
  walk(object, [], (path14, value) => {
    const parent = path14[path14.length - 2];
    if (typeof path14[path14.length - 1] === "number" && typeof parent === "string" && CONTAINER_LISTS.has(parent) && isObject(value) && typeof value.name === "string" && value.name !== "") {
      containers.push({ path: path14, name: value.name });
    }
  });
  const named = containers.filter((c) => mentions(message, c.name)).sort((a, b) => b.name.length - a.name.length)[0];
  const scope = named?.path ?? [];
  const scoped = scope.length === 0 ? object : at(object, scope);
  let best;
  walk(scoped, [], (path14, value) => {
    const key = path14[path14.length - 1];
    if (path14.length === 0 || scope.length > 0 && path14.length === 1 && key === "name") return;
    if (scope.length === 0 && path14.length === 1 && (key === "kind" || key === "apiVersion")) return;
    if (scope.length === 0 && path14[0] === "metadata" && (key === "name" || key === "namespace") && path14.length === 2) return;
    let score = 0;
    if (typeof value === "string" && value.length >= 4 && message.includes(value)) score = 2;
    else if (typeof key === "string" && key.length >= 4 && mentions(message.toLowerCase(), key.toLowerCase())) score = 1;
    if (score === 0) return;
    if (!best || score > best.score || score === best.score && path14.length > best.path.length) best = { path: path14, score };
  });
  if (best) return { path: [...scope, ...best.path], container: scope.length };
  const objectName = isObject(object.metadata) ? object.metadata.name : void 0;
  return named && named.name !== objectName ? { path: scope, container: scope.length } : void 0;
}
function mentions(text, word) {
  let from = 0;
  for (; ; ) {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    const before = i === 0 ? "" : text[i - 1];
    const after = text[i + word.length] ?? "";
    if (!/[A-Za-z0-9_.-]/.test(before) && !/[A-Za-z0-9_-]/.test(after)) return true;
    from = i + 1;
  }
}
function walk(value, path14, visit) {
  visit(path14, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path14, i], visit));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path14, k], visit);
}
function at(value, path14) {
  let cur = value;
  for (const step of path14) {
    if (typeof step === "number") cur = Array.isArray(cur) ? cur[step] : void 0;
    else cur = isObject(cur) ? cur[step] : void 0;
    if (cur === void 0) return void 0;
  }
  return cur;
}
var parsed = /* @__PURE__ */ new Map();
var PARSED_LIMIT = 256;
function parse2(text) {
  const known = parsed.get(text);
  if (known !== void 0) return known;
  let result = null;
  try {
    const lines = new LineCounter3();
    const docs = parseAllDocuments2(text, { lineCounter: lines, version: "1.1", uniqueKeys: false, prettyErrors: false });
    result = Array.isArray(docs) ? { docs, lines } : null;
  } catch {
    result = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value);
  parsed.set(text, result);
  return result;
}
function lineOfPath(text, source, kind, path14, minDepth = 1) {
  const found = documentAlone(text, source) ?? documentInFile(text, source.startLine);
  if (!found) return void 0;
  const { doc, lineOf } = found;
  if (!isMap5(doc.contents) || String(doc.contents.get("kind") ?? "") !== kind) return void 0;
  let node = doc.contents;
  let line;
  let depth = 0;
  for (const step of path14) {
    if (typeof step === "number") {
      if (!isSeq3(node)) break;
      const item = node.items[step];
      if (!item?.range) break;
      node = item;
      line = lineOf(item);
    } else {
      if (!isMap5(node)) break;
      const pair = node.items.find((p) => isScalar3(p.key) && String(p.key.value) === step);
      if (!pair || !isScalar3(pair.key) || !pair.key.range) break;
      line = lineOf(pair.key);
      if (!pair.value || !pair.value.range) {
        depth++;
        break;
      }
      node = pair.value;
    }
    depth++;
  }
  if (line === void 0 || depth < minDepth) return void 0;
  return { file: source.file, startLine: line, endLine: line, ...source.renderedBy !== void 0 ? { renderedBy: source.renderedBy } : {} };
}
function documentInFile(text, startLine) {
  const file = parse2(text);
  if (!file) return void 0;
  const lineOf = (n) => file.lines.linePos(n.range[0]).line;
  const doc = file.docs.find((d) => d.errors.length === 0 && d.contents?.range && lineOf(d.contents) === startLine);
  return doc ? { doc, lineOf } : void 0;
}
var MARKER_LINE = /^(?:---|\.\.\.)\s*(?:#.*)?$/;
var MARKER_START = /^(?:---|\.\.\.)(?:\s|$)/;
var NOTHING_LINE = /^\s*(?:#.*)?$/;
function documentAlone(text, source) {
  const { startLine, endLine } = source;
  if (!(startLine >= 1 && endLine >= startLine) || /^%/m.test(text)) return void 0;
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineText = (n) => text.slice(starts[n - 1], n < starts.length ? starts[n] - 1 : text.length);
  if (endLine > starts.length || MARKER_START.test(lineText(startLine))) return void 0;
  let before = startLine - 1;
  while (before >= 1 && NOTHING_LINE.test(lineText(before))) before--;
  if (before >= 1 && !MARKER_LINE.test(lineText(before))) return void 0;
  let after = endLine + 1;
  while (after <= starts.length && NOTHING_LINE.test(lineText(after))) after++;
  if (after <= starts.length && !MARKER_START.test(lineText(after))) return void 0;
  const slice = text.slice(starts[startLine - 1], after <= starts.length ? starts[after - 1] : text.length);
  const alone = parse2(slice);
  const doc = alone?.docs[0];
  if (!alone || !doc || doc.errors.length > 0 || !doc.contents?.range || alone.lines.linePos(doc.contents.range[0]).line !== 1) return void 0;
  return { doc, lineOf: (n) => alone.lines.linePos(n.range[0]).line + startLine - 1 };
}
function valueAt(object, path14) {
  return at(object, path14);
}
function splitImage(image) {
  const [rest, digest] = image.split("@", 2);
  const colon = rest.lastIndexOf(":");
  const tagged = colon > rest.lastIndexOf("/");
  return { repo: tagged ? rest.slice(0, colon) : rest, ...tagged ? { tag: rest.slice(colon + 1) } : {}, ...digest !== void 0 ? { digest } : {} };
}
function imagesEntryLine(text, file, image) {
  const parsedFile = parse2(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !isMap5(doc.contents)) return void 0;
  const images = doc.contents.get("images", true);
  if (!isSeq3(images)) return void 0;
  const want2 = splitImage(image);
  for (const item of images.items) {
    if (!isMap5(item) || !item.range) continue;
    const field = (k) => {
      const v = item.get(k);
      return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
    };
    const [name, newName, newTag, digest] = [field("name"), field("newName"), field("newTag"), field("digest")];
    if (newName === void 0 && newTag === void 0 && digest === void 0) continue;
    if ((newName ?? name) !== want2.repo) continue;
    if (newTag !== void 0 && newTag !== want2.tag) continue;
    if (digest !== void 0 && digest !== want2.digest) continue;
    const line = parsedFile.lines.linePos(item.range[0]).line;
    return { file, startLine: line, endLine: line };
  }
  return void 0;
}
function valuesLine(text, file, value) {
  const parsedFile = parse2(text);
  const doc = parsedFile?.docs[0];
  if (!parsedFile || !doc || doc.errors.length > 0 || !doc.contents) return void 0;
  let best;
  const visit = (node) => {
    if (isMap5(node)) {
      for (const pair of node.items) {
        const v = pair.value;
        if (isScalar3(v) && (typeof v.value === "string" || typeof v.value === "number") && isScalar3(pair.key) && pair.key.range) {
          const s2 = String(v.source ?? v.value);
          if (s2.length >= 4 && value.includes(s2) && (!best || s2.length > best.length)) best = { line: parsedFile.lines.linePos(pair.key.range[0]).line, length: s2.length };
        } else visit(v);
      }
    } else if (isSeq3(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return best ? { location: { file, startLine: best.line, endLine: best.line }, length: best.length } : void 0;
}

// src/render/gitops/scan.ts
function remoteChartRefusal(ctx, url) {
  const allow = ctx.chartAllow ?? { entries: [] };
  if (refusalOf(url, allow) === void 0) return void 0;
  if (/^oci:\/\//i.test(url.trim())) return refusalOf(url, allow);
  return `remote chart repository not allowed: ${url} (the operator allows repositories with ${CHART_REPOSITORIES_ENV}; preadmit.yml chartRepositories may only narrow that list)`;
}
function isThisRepo(ctx, url) {
  if (ctx.repoURLs.length === 0) return true;
  if (url === void 0) return false;
  const u = normalizeRepoURL(url);
  return ctx.repoURLs.some((r) => normalizeRepoURL(r) === u);
}
function declaredAt(o) {
  return { file: o.source.file, startLine: o.source.startLine, endLine: o.source.endLine };
}
async function fieldAt(ctx, o, path14) {
  const text = await ctx.text(o.source.file);
  const kind = String(o.object.kind ?? "");
  const at2 = text === void 0 ? void 0 : lineOfPath(text, o.source, kind, path14);
  return at2 ? { file: at2.file, startLine: at2.startLine, endLine: at2.endLine } : declaredAt(o);
}
function refusal(at2, message) {
  return { kind: "render", message: `${at2.file}:${at2.startLine}: ${message}`, source: { ...at2 } };
}
function repoPath(dir, p) {
  return resolveInRepo(dir, p.replace(/^\.\/?$/, ""));
}
async function findObject(ctx, kind, name, namespace) {
  const matches = (o) => {
    if (o.object.kind !== kind || str(obj(o.object.metadata).name) !== name) return false;
    const ns = str(obj(o.object.metadata).namespace);
    return ns === void 0 || namespace === void 0 || ns === namespace;
  };
  const deployed = (ctx.objects ?? []).filter(matches);
  if (deployed.length > 0) return deployed.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? deployed[0];
  const found = [];
  const bodies = await Promise.all(ctx.manifestFiles.map((f) => ctx.text(f)));
  for (let i = 0; i < ctx.manifestFiles.length; i++) {
    const file = ctx.manifestFiles[i];
    const body = bodies[i];
    if (body === void 0 || !body.includes(name) || !body.includes(kind)) continue;
    for (const o of loadManifests(body, file, { yamlVersion: "1.1" }).objects) if (matches(o)) found.push(o);
  }
  return found.find((o) => str(obj(o.object.metadata).namespace) === namespace) ?? found[0];
}
function manifestFiles(tree, charts) {
  const chartDirs = [...charts.keys()];
  return [...tree.files].filter((f) => isManifestFile(f) && !f.split("/").some((s2) => s2.startsWith(".")) && !chartDirs.some((d) => isUnder(f, d))).sort();
}
function metaOf(o) {
  const meta = obj(o.metadata);
  return { name: str(meta.name) ?? "", namespace: str(meta.namespace) };
}

// src/render/gitops/flux.ts
function isFluxKustomization(o) {
  return o.kind === "Kustomization" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("kustomize.toolkit.fluxcd.io/");
}
function isFluxHelmRelease(o) {
  return o.kind === "HelmRelease" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("helm.toolkit.fluxcd.io/");
}
function notSimulated(o, reason, deps = []) {
  const { name } = metaOf(o.object);
  return { unsimulated: { tool: "flux", kind: String(o.object.kind), name, declared: declaredAt(o), reason, deps: [o.source.file, ...deps] } };
}
function failed(o, at2, message, deps = []) {
  const error = refusal(at2, message);
  return { error, ...notSimulated(o, message, deps) };
}
async function gitSource(ctx, o, ref, what2, allowHelmRepository = false) {
  const kind = str(ref.kind) ?? "";
  const name = str(ref.name) ?? "";
  const namespace = str(ref.namespace) ?? metaOf(o.object).namespace;
  const found = name === "" ? void 0 : await findObject(ctx, kind, name, namespace);
  const url = str(obj(found?.object.spec).url);
  if (kind === "GitRepository") {
    if (isThisRepo(ctx, url)) return { ok: true };
    return { reason: `${what2} comes from GitRepository ${name} (${url ?? "not in this repository"}), which is not this repository (gitops.repoURLs)` };
  }
  if (kind === "HelmRepository" && allowHelmRepository && (found === void 0 || url === void 0)) {
    return { reason: `${what2} comes from HelmRepository ${name || "(no name)"}, which is not in this repository${found !== void 0 ? " with a spec.url" : ""}: its chart repository is unknown` };
  }
  if (kind === "HelmRepository" && allowHelmRepository && found !== void 0 && url !== void 0) {
    const spec = obj(found.object.spec);
    const repoUrl = spec.type === "oci" && !/^oci:\/\//i.test(url) ? `oci://${url}` : url;
    const refused = remoteChartRefusal(ctx, repoUrl);
    return refused === void 0 ? { remote: repoUrl } : { reason: refused };
  }
  if (kind === "OCIRepository") {
    return { reason: `${what2} comes from OCIRepository ${name}${url !== void 0 ? ` (${url})` : ", which is not in this repository"}` };
  }
  if (kind === "HelmChart") {
    return { reason: `${what2} comes from HelmChart ${name}: a HelmChart source (chartRef) is not simulated; name the chart and its HelmRepository in spec.chart instead` };
  }
  if (kind === "HelmRepository") {
    return { reason: `remote chart source ${url ?? `${kind} ${name}`} not allowed / not configured: preadmit renders only charts in this repository` };
  }
  return { reason: `${what2} comes from a ${kind || "missing"} source${name ? ` ${name}` : ""}, which preadmit cannot read` };
}
async function ociChartRef(ctx, o, ref) {
  if (str(ref.kind) !== "OCIRepository") return { reason: (await gitSource(ctx, o, ref, "the chart")).reason ?? "chartRef" };
  const name = str(ref.name) ?? "";
  const found = name === "" ? void 0 : await findObject(ctx, "OCIRepository", name, str(ref.namespace) ?? metaOf(o.object).namespace);
  const spec = obj(found?.object.spec);
  const url = str(spec.url)?.trim().replace(/\/+$/, "");
  if (found === void 0 || url === void 0) return { reason: `the chart comes from OCIRepository ${name}, which is not in this repository${found !== void 0 ? " with a spec.url" : ""}` };
  const r = obj(spec.ref);
  if (str(r.digest) !== void 0) return { reason: `the chart comes from OCIRepository ${name} (${url}) pinned by manifest digest ${str(r.digest)}: not simulated (preadmit pins charts by their layer digest)` };
  const cut2 = url.lastIndexOf("/");
  const repoUrl = url.slice(0, cut2);
  const refused = /^oci:\/\/[^/]+\/[^/]/i.test(url) ? remoteChartRefusal(ctx, repoUrl) : `url '${url}' is not an oci:// chart reference`;
  if (refused !== void 0) return { reason: `the chart comes from OCIRepository ${name} (${url}): ${refused}` };
  return { repoUrl, chartName: url.slice(cut2 + 1), version: str(r.semver) ?? str(r.tag) ?? "latest" };
}
async function substitutions(ctx, o, postBuild) {
  const vars = {};
  const deps = [];
  const namespace = metaOf(o.object).namespace;
  const refs = arr(postBuild.substituteFrom);
  for (let i = 0; i < refs.length; i++) {
    const ref = obj(refs[i]);
    const kind = str(ref.kind) ?? "";
    const name = str(ref.name) ?? "";
    const at2 = await fieldAt(ctx, o, ["spec", "postBuild", "substituteFrom", i]);
    if (kind !== "ConfigMap" && kind !== "Secret") return { error: refusal(at2, `postBuild.substituteFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`) };
    const found = await findObject(ctx, kind, name, namespace);
    if (found === void 0) {
      if (ref.optional === true) continue;
      return { error: refusal(at2, `postBuild.substituteFrom[${i}]: ${kind} ${name} is not in this repository (and not optional): Flux would not apply this Kustomization`) };
    }
    deps.push(found.source.file);
    for (const [k, v] of Object.entries(dataOf(found.object))) vars[k] = v;
  }
  for (const [k, v] of Object.entries(stringMap(postBuild.substitute))) vars[k] = v.replace(/\n/g, "");
  const bad = Object.keys(vars).find((k) => !isValidVariableName(k));
  if (bad !== void 0) return { error: refusal(await fieldAt(ctx, o, ["spec", "postBuild"]), `postBuild: variable name '${bad}' is not valid (^[_a-zA-Z][_a-zA-Z0-9]*$)`) };
  return { vars, deps };
}
function dataOf(o) {
  const out = {};
  if (o.kind === "Secret") {
    for (const [k, v] of Object.entries(obj(o.data))) if (typeof v === "string") out[k] = Buffer.from(v, "base64").toString("utf8");
    Object.assign(out, stringMap(o.stringData));
  } else {
    Object.assign(out, stringMap(o.data));
  }
  return out;
}
async function fluxKustomization(ctx, o) {
  const spec = obj(o.object.spec);
  const { name } = metaOf(o.object);
  const source = await gitSource(ctx, o, obj(spec.sourceRef), `path ${str(spec.path) ?? "./"}`);
  if ("reason" in source) return notSimulated(o, source.reason);
  const rawPath = str(spec.path) ?? "./";
  const pathAt = await fieldAt(ctx, o, ["spec", "path"]);
  const dir = repoPath("", rawPath.replace(/^\//, ""));
  if (dir === void 0) return failed(o, pathAt, `spec.path '${rawPath}' leaves the repository: refused`);
  if (!ctx.tree.dirs.has(dir)) return failed(o, pathAt, `spec.path '${rawPath}' is not a directory of this repository at this ref`);
  const deps = [o.source.file];
  const app = {
    tool: "flux",
    kind: "Kustomization",
    name,
    declared: declaredAt(o),
    id: appId("flux", o.source.file, name),
    render: { type: "kustomize", path: dir, ...ctx.kustomizations.has(dir) ? {} : { generate: "flux" } },
    deps
  };
  const r = app.render;
  if (typeof spec.targetNamespace === "string" && spec.targetNamespace !== "") r.namespace = spec.targetNamespace;
  if (typeof spec.namePrefix === "string" && spec.namePrefix !== "") r.namePrefix = spec.namePrefix;
  if (typeof spec.nameSuffix === "string" && spec.nameSuffix !== "") r.nameSuffix = spec.nameSuffix;
  if (arr(spec.patches).length > 0) r.patches = arr(spec.patches);
  if (arr(spec.images).length > 0) r.images = arr(spec.images);
  const components = arr(spec.components);
  for (let i = 0; i < components.length; i++) {
    const raw = str(components[i]) ?? "";
    const at2 = await fieldAt(ctx, o, ["spec", "components", i]);
    const component = repoPath(dir, raw);
    if (component === void 0) return failed(o, at2, `spec.components[${i}] '${raw}' leaves the repository: refused`);
    if (ctx.kustomizations.get(component)?.kind !== "Component") return failed(o, at2, `spec.components[${i}] '${raw}' (${component || "."}) is not a kustomize Component directory of this repository at this ref`);
    (r.components ??= []).push(component);
  }
  const meta = obj(spec.commonMetadata);
  if (Object.keys(stringMap(meta.labels)).length > 0) r.labels = stringMap(meta.labels);
  if (Object.keys(stringMap(meta.annotations)).length > 0) r.annotations = stringMap(meta.annotations);
  if (spec.postBuild !== void 0) {
    const subs = await substitutions(ctx, o, obj(spec.postBuild));
    if ("error" in subs) return { error: subs.error, ...notSimulated(o, subs.error.message) };
    r.substitute = subs.vars;
    deps.push(...subs.deps);
  }
  return { app };
}
async function fluxHelmRelease(ctx, o) {
  const spec = obj(o.object.spec);
  const { name, namespace } = metaOf(o.object);
  const chartSpec = obj(obj(spec.chart).spec);
  let chartName = str(chartSpec.chart) ?? "";
  let chartVersion = str(chartSpec.version) ?? "*";
  let source;
  let chartAt;
  if (spec.chartRef !== void 0) {
    const oci = await ociChartRef(ctx, o, obj(spec.chartRef));
    if ("reason" in oci) return notSimulated(o, oci.reason);
    ({ chartName, version: chartVersion } = oci);
    source = { remote: oci.repoUrl };
    chartAt = await fieldAt(ctx, o, ["spec", "chartRef"]);
  } else {
    source = await gitSource(ctx, o, obj(chartSpec.sourceRef), `chart ${chartName}`, true);
    if ("reason" in source) return notSimulated(o, source.reason);
    chartAt = await fieldAt(ctx, o, ["spec", "chart", "spec", "chart"]);
  }
  const deps = [o.source.file];
  const valuesFiles = [];
  const files = arr(chartSpec.valuesFiles).length > 0 ? arr(chartSpec.valuesFiles) : str(chartSpec.valuesFile) ? [chartSpec.valuesFile] : [];
  let chart;
  let remote;
  if ("remote" in source) {
    if (!/^[\w.-]+$/.test(chartName) || chartName === "." || chartName === "..") return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart name of a helm repository`);
    chart = o.source.file;
    const chartValues = [];
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? "";
      const p = repoPath("", f.replace(/^\//, ""));
      if (p === void 0 || p === "") return failed(o, await fieldAt(ctx, o, ["spec", "chart", "spec", "valuesFiles", i]), `values file '${f}' leaves the chart: refused`);
      chartValues.push({ file: p, inChart: true });
    }
    remote = { repoUrl: source.remote, chart: chartName, version: chartVersion === "" ? "*" : chartVersion, valuesFiles: chartValues, declaredAt: chartAt };
  } else {
    const inRepo = repoPath("", chartName.replace(/^\//, ""));
    if (inRepo === void 0) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' leaves the repository: refused`);
    if (!ctx.charts.has(inRepo)) return failed(o, chartAt, `spec.chart.spec.chart '${chartName}' is not a chart directory (no Chart.yaml) of this repository at this ref`);
    chart = inRepo;
    for (let i = 0; i < files.length; i++) {
      const f = str(files[i]) ?? "";
      const at2 = await fieldAt(ctx, o, ["spec", "chart", "spec", "valuesFiles", i]);
      const p = repoPath("", f.replace(/^\//, ""));
      if (p === void 0) return failed(o, at2, `values file '${f}' leaves the repository: refused`);
      if (!ctx.tree.files.has(p)) return failed(o, at2, `values file '${f}' does not exist at this ref`);
      valuesFiles.push(p);
      deps.push(p);
    }
  }
  let values = {};
  const from = arr(spec.valuesFrom);
  for (let i = 0; i < from.length; i++) {
    const ref = obj(from[i]);
    const kind = str(ref.kind) ?? "";
    const refName = str(ref.name) ?? "";
    const key = str(ref.valuesKey) ?? "values.yaml";
    const at2 = await fieldAt(ctx, o, ["spec", "valuesFrom", i]);
    if (kind !== "ConfigMap" && kind !== "Secret") return failed(o, at2, `valuesFrom[${i}]: kind must be ConfigMap or Secret, not '${kind}'`);
    const found = await findObject(ctx, kind, refName, namespace);
    if (found === void 0) {
      if (ref.optional === true) continue;
      return failed(o, at2, `valuesFrom[${i}]: ${kind} ${refName} is not in this repository (and not optional): Flux would not install this release`);
    }
    deps.push(found.source.file);
    const data = dataOf(found.object);
    if (!(key in data)) {
      if (ref.optional === true) continue;
      return failed(o, at2, `valuesFrom[${i}]: ${kind} ${refName} (${found.source.file}:${found.source.startLine}) has no key '${key}'`, [found.source.file]);
    }
    const targetPath = str(ref.targetPath);
    if (targetPath !== void 0 && targetPath !== "") {
      const set = setPath(values, targetPath, data[key]);
      if (typeof set === "string") return failed(o, at2, `valuesFrom[${i}].targetPath: ${set}`);
      values = set;
      continue;
    }
    let parsed2;
    try {
      parsed2 = parseYaml(data[key], { maxAliasCount: 100 });
    } catch (e) {
      return failed(o, at2, `valuesFrom[${i}]: key '${key}' of ${kind} ${refName} (${found.source.file}) is not YAML: ${errorText(e)}`, [found.source.file]);
    }
    values = mergeValues(values, obj(parsed2));
  }
  values = mergeValues(values, obj(spec.values));
  const targetNamespace = str(spec.targetNamespace);
  const releaseNamespace = targetNamespace ?? namespace ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
  const release = str(spec.releaseName) ?? (targetNamespace !== void 0 ? `${targetNamespace}-${name}` : name);
  const patches = [];
  const images = [];
  for (const pr of arr(spec.postRenderers)) {
    const k = obj(obj(pr).kustomize);
    patches.push(...arr(k.patches), ...arr(k.patchesStrategicMerge).map((p) => ({ patch: typeof p === "string" ? p : JSON.stringify(p) })));
    images.push(...arr(k.images));
    for (const j of arr(k.patchesJson6902)) {
      const jo = obj(j);
      patches.push({ target: jo.target ?? {}, patch: JSON.stringify(jo.patch ?? []) });
    }
  }
  const app = {
    tool: "flux",
    kind: "HelmRelease",
    name,
    declared: declaredAt(o),
    id: appId("flux", o.source.file, name),
    render: {
      type: "helm",
      chart,
      release,
      namespace: releaseNamespace,
      valuesFiles,
      ...Object.keys(values).length > 0 ? { values } : {},
      ...patches.length + images.length > 0 ? { postRender: { patches, images } } : {},
      ...remote !== void 0 ? { remote } : {}
    },
    defaultNamespace: releaseNamespace,
    deps
  };
  return { app };
}

// src/render/gitops/argocd.ts
import path11 from "node:path";
import { parse as parseYaml3 } from "yaml";

// src/render/gitops/gotemplate.ts
import { createHash as createHash2 } from "node:crypto";
import { parse as parseYaml2, stringify as stringifyYaml } from "yaml";
var GoTemplateError = class extends Error {
};
var GoTemplateUnsupported = class extends Error {
};
function goTemplateOptions(options) {
  const out = {};
  for (const o of options ?? []) {
    const m = typeof o === "string" ? /^missingkey=(default|invalid|zero|error)$/.exec(o) : null;
    if (!m) throw new GoTemplateError(`unrecognized option: ${typeof o === "string" ? o : JSON.stringify(o)}`);
    out.missingKey = m[1] === "invalid" ? "default" : m[1];
  }
  return out;
}
var FUNCS_PRINTED_AS_GO = /* @__PURE__ */ new Set(["and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call"]);
function scan(src) {
  const out = [];
  let i = 0;
  let text = "";
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    if (open < 0) {
      text += src.slice(i);
      break;
    }
    text += src.slice(i, open);
    let j = open + 2;
    if (src[j] === "-" && /[ \t\r\n]/.test(src[j + 1] ?? "")) {
      text = text.replace(/[ \t\r\n]+$/, "");
      j += 2;
    }
    let k = j;
    let close = -1;
    while (k < src.length) {
      const c = src[k];
      if (c === '"' || c === "`" || c === "'") {
        const end = c === "`" ? src.indexOf("`", k + 1) : stringEnd(src, k);
        if (end < 0) throw new GoTemplateError(`unterminated ${c === "`" ? "raw quoted string" : "quoted string"}`);
        k = end + 1;
        continue;
      }
      if (src.startsWith("/*", k)) {
        const end = src.indexOf("*/", k + 2);
        if (end < 0) throw new GoTemplateError("unclosed comment");
        k = end + 2;
        continue;
      }
      if (src.startsWith("}}", k)) {
        close = k;
        break;
      }
      k++;
    }
    if (close < 0) throw new GoTemplateError("unclosed action");
    let body = src.slice(j, close);
    let trimRight = false;
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -2);
      trimRight = true;
    }
    if (text !== "") out.push(text);
    text = "";
    const trimmed = body.trim();
    if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) out.push({ body, src: src.slice(open, close + 2) });
    i = close + 2;
    if (trimRight) {
      const m = /^[ \t\r\n]*/.exec(src.slice(i));
      i += m[0].length;
    }
  }
  if (text !== "") out.push(text);
  return out;
}
function stringEnd(s2, start) {
  for (let k = start + 1; k < s2.length; k++) {
    if (s2[k] === "\\") k++;
    else if (s2[k] === s2[start]) return k;
    else if (s2[k] === "\n") return -1;
  }
  return -1;
}
function lex(body) {
  const toks = [];
  let i = 0;
  let sp = false;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
      sp = true;
      continue;
    }
    const before = toks.length;
    const rest = body.slice(i);
    let m;
    if (c === '"') {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError("unterminated quoted string");
      toks.push({ k: "str", v: unquote(body.slice(i, end + 1)) });
      i = end + 1;
    } else if (c === "`") {
      const end = body.indexOf("`", i + 1);
      if (end < 0) throw new GoTemplateError("unterminated raw quoted string");
      toks.push({ k: "str", v: body.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const end = stringEnd(body, i);
      if (end < 0) throw new GoTemplateError("unterminated character constant");
      const s2 = unquote(`"${body.slice(i + 1, end).replace(/"/g, '\\"')}"`);
      if ([...s2].length !== 1) throw new GoTemplateError(`malformed character constant: ${body.slice(i, end + 1)}`);
      toks.push({ k: "char", v: s2 });
      i = end + 1;
    } else if (m = /^:=|^[()|,=]/.exec(rest)) {
      toks.push({ k: "op", v: m[0] });
      i += m[0].length;
    } else if (m = /^\$\w*(\.[A-Za-z_]\w*)*/.exec(rest)) {
      toks.push({ k: "var", v: m[0] });
      i += m[0].length;
    } else if (m = /^(\.[A-Za-z_][\w]*)+/.exec(rest)) {
      toks.push({ k: "field", v: m[0] });
      i += m[0].length;
    } else if ((m = /^[+-]?(0[xX][0-9a-fA-F_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(rest)) && m[0] !== "" && !/^[+-]?\.$/.test(m[0])) {
      toks.push({ k: "num", v: m[0] });
      i += m[0].length;
    } else if (c === ".") {
      toks.push({ k: "field", v: "." });
      i++;
    } else if (m = /^[A-Za-z_][\w]*/.exec(rest)) {
      toks.push({ k: "word", v: m[0] });
      i += m[0].length;
    } else {
      throw new GoTemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
    if (toks.length > before) toks[toks.length - 1].sp = sp;
    sp = false;
  }
  return toks;
}
function unquote(q) {
  const fixed = q.slice(1, -1).replace(
    /\\(x[0-9a-fA-F]{2}|[0-7]{3}|a|v|')/g,
    (_, e) => e === "a" ? "\\u0007" : e === "v" ? "\\u000b" : e === "'" ? "'" : `\\u00${e.startsWith("x") ? e.slice(1) : parseInt(e, 8).toString(16).padStart(2, "0")}`
  ).replace(/\\U([0-9a-fA-F]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
  try {
    return JSON.parse(`"${fixed}"`);
  } catch {
    throw new GoTemplateError(`invalid syntax in ${q}`);
  }
}
var Parser = class {
  constructor(toks, known) {
    this.toks = toks;
    this.known = known;
  }
  toks;
  known;
  pos = 0;
  pipeline(ctx) {
    const pipe = { decl: [], assign: false, cmds: [] };
    const save = this.pos;
    const vars = [];
    while (this.peek()?.k === "var") {
      vars.push(this.toks[this.pos++].v);
      const t = this.peek();
      if (t?.k === "op" && t.v === "," && ctx === "range" && vars.length === 1) {
        this.pos++;
        continue;
      }
      if (t?.k === "op" && (t.v === ":=" || t.v === "=")) {
        this.pos++;
        pipe.decl = vars;
        pipe.assign = t.v === "=";
        break;
      }
      this.pos = save;
      vars.length = 0;
      break;
    }
    for (; ; ) {
      const cmd = this.command();
      if (cmd.args.length === 0) throw new GoTemplateError(`missing value for ${ctx}`);
      pipe.cmds.push(cmd);
      const t = this.peek();
      if (t?.k === "op" && t.v === "|") {
        this.pos++;
        continue;
      }
      break;
    }
    return pipe;
  }
  command() {
    const args = [];
    for (; ; ) {
      const t = this.peek();
      if (t === void 0 || t.k === "op" && (t.v === "|" || t.v === ")")) break;
      args.push(this.operand());
    }
    return { args };
  }
  operand() {
    const t = this.toks[this.pos++];
    let arg;
    switch (t.k) {
      case "str":
        return { t: "lit", value: t.v };
      case "char":
        return { t: "lit", value: BigInt(t.v.codePointAt(0)) };
      case "num":
        return { t: "lit", value: numberLiteral(t.v) };
      case "field":
        return t.v === "." ? { t: "dot" } : { t: "field", chain: t.v.slice(1).split(".") };
      case "var": {
        const [name, ...chain] = t.v.split(".");
        return { t: "var", name, chain };
      }
      case "word":
        if (t.v === "true" || t.v === "false") return { t: "lit", value: t.v === "true" };
        if (t.v === "nil") return { t: "lit", value: null };
        if (!this.known(t.v)) throw new GoTemplateError(`function "${t.v}" not defined`);
        return { t: "ident", name: t.v };
      case "op":
        if (t.v === "(") {
          const pipe = this.pipeline("parenthesized pipeline");
          const close = this.toks[this.pos++];
          if (close?.k !== "op" || close.v !== ")") throw new GoTemplateError("unclosed left paren");
          arg = { t: "pipe", pipe, chain: [] };
          const f = this.peek();
          if (f?.k === "field" && f.v !== "." && f.sp !== true) {
            this.pos++;
            arg.chain = f.v.slice(1).split(".");
          }
          return arg;
        }
        throw new GoTemplateError(`unexpected "${t.v}" in operand`);
    }
  }
  peek() {
    return this.toks[this.pos];
  }
  done() {
    return this.pos >= this.toks.length;
  }
};
function numberLiteral(text) {
  const t = text.replace(/_/g, "");
  if (/^[+-]?0[xX]/.test(t)) return BigInt(t.replace(/^([+-]?)0[xX]/, "$10x").replace(/^\+/, ""));
  if (/^[+-]?\d+$/.test(t)) return BigInt(t.replace(/^\+/, ""));
  const n = Number(t);
  if (Number.isNaN(n)) throw new GoTemplateError(`illegal number syntax: "${text}"`);
  return n;
}
function parseTemplate(src, known) {
  const items = scan(src);
  let i = 0;
  const list2 = (depth, loop) => {
    const nodes = [];
    while (i < items.length) {
      const item = items[i++];
      if (typeof item === "string") {
        nodes.push({ t: "text", text: item });
        continue;
      }
      const toks = lex(item.body);
      const first = toks[0];
      if (first === void 0) throw new GoTemplateError(`missing value for command in ${item.src}`);
      if (first.k === "word" && (first.v === "end" || first.v === "else")) {
        if (depth === 0) throw new GoTemplateError(`unexpected {{${first.v}}}`);
        return { nodes, end: first.v, elseAction: item };
      }
      if (first.k === "word" && (first.v === "break" || first.v === "continue")) {
        if (!loop) throw new GoTemplateError(`{{${first.v}}} outside {{range}}`);
        nodes.push({ t: first.v });
        continue;
      }
      if (first.k === "word" && ["define", "template", "block"].includes(first.v)) {
        throw new GoTemplateUnsupported(`{{${first.v}}} (named templates) is not simulated`);
      }
      if (first.k === "word" && (first.v === "if" || first.v === "with" || first.v === "range")) {
        nodes.push(control(first.v, toks.slice(1), item, depth, loop));
        continue;
      }
      const p = new Parser(toks, known);
      const pipe = p.pipeline("command");
      if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek().v)} in command in ${item.src}`);
      nodes.push({ t: "action", pipe, src: item.src });
    }
    if (depth > 0) return { nodes, end: "eof" };
    return { nodes, end: "eof" };
  };
  const control = (kind, toks, item, depth, loop) => {
    const p = new Parser(toks, known);
    const pipe = p.pipeline(kind);
    if (!p.done()) throw new GoTemplateError(`unexpected ${JSON.stringify(p.peek().v)} in ${kind} in ${item.src}`);
    const inLoop = loop || kind === "range";
    const body = list2(depth + 1, inLoop);
    if (body.end === "eof") throw new GoTemplateError(`unexpected EOF: {{${kind}}} without {{end}}`);
    let other;
    if (body.end === "else") {
      const rest = lex(body.elseAction.body).slice(1);
      if (rest.length > 0 && rest[0].k === "word" && (rest[0].v === "if" || rest[0].v === "with") && kind !== "range") {
        other = [control(rest[0].v, rest.slice(1), body.elseAction, depth, loop)];
      } else {
        if (rest.length > 0) throw new GoTemplateError(`unexpected ${JSON.stringify(rest[0].v)} in else`);
        const e = list2(depth + 1, loop);
        if (e.end !== "end") throw new GoTemplateError(e.end === "eof" ? `unexpected EOF: {{${kind}}} without {{end}}` : "expected end; found {{else}}");
        other = e.nodes;
      }
    }
    return { t: kind, pipe, body: body.nodes, other, src: item.src };
  };
  const top = list2(0, false);
  return top.nodes;
}
var Break = class {
};
var Continue = class {
};
var MAX_OUTPUT = 1 << 20;
var MAX_STEPS = 1e6;
function executeGoTemplate(src, data, options = {}) {
  const nodes = parseTemplate(src, (n) => FUNCS_PRINTED_AS_GO.has(n) || Object.hasOwn(FUNCS, n) || UNSUPPORTED.has(n));
  const missingKey = options.missingKey ?? "default";
  let out = "";
  let steps = 0;
  const root = data;
  const scope = { vars: [/* @__PURE__ */ new Map([["$", root]])] };
  const lookupVar = (name) => {
    for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i].has(name)) return scope.vars[i].get(name);
    throw new GoTemplateError(`undefined variable: ${name}`);
  };
  const setVar = (name, v, assign) => {
    if (!assign) {
      scope.vars[scope.vars.length - 1].set(name, v);
      return;
    }
    for (let i = scope.vars.length - 1; i >= 0; i--) {
      if (scope.vars[i].has(name)) {
        scope.vars[i].set(name, v);
        return;
      }
    }
    throw new GoTemplateError(`undefined variable: ${name}`);
  };
  const field = (recv, name, at2) => {
    if (recv === void 0) {
      if (missingKey === "error") throw new GoTemplateError(`executing at <${at2}>: nil data; no entry for key "${name}"`);
      return void 0;
    }
    if (recv === null) throw new GoTemplateError(`executing at <${at2}>: nil pointer evaluating interface {}.${name}`);
    if (typeof recv === "object" && !Array.isArray(recv)) {
      if (Object.prototype.hasOwnProperty.call(recv, name)) return recv[name];
      if (missingKey === "error") throw new GoTemplateError(`executing at <${at2}>: map has no entry for key "${name}"`);
      return void 0;
    }
    throw new GoTemplateError(`executing at <${at2}>: can't evaluate field ${name} in type ${goTypeName(recv)}`);
  };
  const chain = (v, names, at2) => {
    for (const n of names) v = field(v, n, at2);
    return v;
  };
  const evalArg = (a, dot) => {
    switch (a.t) {
      case "dot":
        return dot;
      case "lit":
        return a.value;
      case "field":
        return chain(dot, a.chain, `.${a.chain.join(".")}`);
      case "var":
        return chain(lookupVar(a.name), a.chain, [a.name, ...a.chain].join("."));
      case "pipe":
        return chain(evalPipe(a.pipe, dot, true), a.chain, `(...).${a.chain.join(".")}`);
      case "ident":
        return call(a.name, [], dot, void 0);
    }
  };
  const call = (name, args, dot, piped) => {
    if (UNSUPPORTED.has(name)) throw new GoTemplateUnsupported(`the template function ${name} is not simulated`);
    if (name === "and" || name === "or") {
      const thunks = args.map((a) => () => evalArg(a, dot));
      if (piped) thunks.push(() => piped.v);
      if (thunks.length === 0) throw new GoTemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v = void 0;
      for (const t of thunks) {
        v = t();
        if (truth(v) !== (name === "and")) return v;
      }
      return v;
    }
    const values = args.map((a) => evalArg(a, dot));
    if (piped) values.push(piped.v);
    const f = Object.hasOwn(FUNCS, name) ? FUNCS[name] : void 0;
    if (f === void 0) throw new GoTemplateError(`function "${name}" not defined`);
    try {
      return f(values);
    } catch (e) {
      if (e instanceof GoTemplateUnsupported) throw e;
      throw new GoTemplateError(`error calling ${name}: ${e.message}`);
    }
  };
  const evalCmd = (cmd, dot, piped) => {
    const [first, ...rest] = cmd.args;
    if (first.t === "ident") return call(first.name, rest, dot, piped);
    if (rest.length > 0 || piped) throw new GoTemplateError(`can't give argument to non-function ${describe(first)}`);
    return evalArg(first, dot);
  };
  const evalPipe = (pipe, dot, _inner = false) => {
    let piped;
    for (const cmd of pipe.cmds) piped = { v: evalCmd(cmd, dot, piped) };
    const v = piped.v;
    for (const d of pipe.decl) setVar(d, v, pipe.assign);
    return v;
  };
  const write = (s2) => {
    out += s2;
    if (out.length > MAX_OUTPUT) throw new GoTemplateError(`output larger than ${MAX_OUTPUT} characters`);
  };
  const walk2 = (nodes2, dot) => {
    for (const n of nodes2) {
      if (++steps > MAX_STEPS) throw new GoTemplateError("template takes too many steps");
      switch (n.t) {
        case "text":
          write(n.text);
          break;
        case "action": {
          const v = evalPipe(n.pipe, dot);
          if (n.pipe.decl.length === 0) write(printValue(v));
          break;
        }
        case "break":
          throw new Break();
        case "continue":
          throw new Continue();
        case "if":
        case "with": {
          scope.vars.push(/* @__PURE__ */ new Map());
          try {
            const v = evalPipe(n.pipe, dot);
            if (truth(v)) walk2(n.body, n.t === "with" ? v : dot);
            else if (n.other) walk2(n.other, dot);
          } finally {
            scope.vars.pop();
          }
          break;
        }
        case "range": {
          scope.vars.push(/* @__PURE__ */ new Map());
          try {
            const decl = n.pipe.decl;
            const v = evalPipe({ ...n.pipe, decl: [] }, dot);
            const items = [];
            if (Array.isArray(v)) v.forEach((x, i) => items.push([BigInt(i), x]));
            else if (v !== null && typeof v === "object") for (const k of Object.keys(v).sort(goCompare)) items.push([k, v[k]]);
            else if (typeof v === "bigint") {
              if (decl.length > 1) throw new GoTemplateError(`can't use ${v} to iterate over more than one variable`);
              for (let i = 0n; i < v && i < 100000n; i++) items.push([i, i]);
            } else if (v !== void 0 && v !== null) throw new GoTemplateError(`range can't iterate over ${printValue(v)}`);
            if (items.length === 0) {
              if (n.other) walk2(n.other, dot);
              break;
            }
            for (const [k, x] of items) {
              if (++steps > MAX_STEPS) throw new GoTemplateError("template takes too many steps");
              scope.vars.push(/* @__PURE__ */ new Map());
              try {
                if (decl.length === 1) setVar(decl[0], x, false);
                if (decl.length === 2) {
                  setVar(decl[0], k, false);
                  setVar(decl[1], x, false);
                }
                walk2(n.body, x);
              } catch (e) {
                if (e instanceof Break) break;
                if (!(e instanceof Continue)) throw e;
              } finally {
                scope.vars.pop();
              }
            }
          } finally {
            scope.vars.pop();
          }
          break;
        }
      }
    }
  };
  walk2(nodes, root);
  return out;
}
function describe(a) {
  switch (a.t) {
    case "dot":
      return ".";
    case "field":
      return `.${a.chain.join(".")}`;
    case "var":
      return [a.name, ...a.chain].join(".");
    case "lit":
      return printValue(a.value);
    default:
      return "(...)";
  }
}
function truth(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "string") return v !== "";
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}
function printValue(v) {
  if (v === void 0 || v === null) return "<no value>";
  return goSprint(v);
}
function goSprint(v) {
  if (v === void 0) return "<invalid reflect.Value>";
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return goFloatText(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  return `map[${Object.keys(v).sort(goCompare).map((k) => `${k}:${goSprint(v[k])}`).join(" ")}]`;
}
function goTypeName(v) {
  if (v === null || v === void 0) return "interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
function want(args, n, name) {
  if (args.length !== n) throw new Error(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}
function s(v) {
  if (typeof v !== "string") throw new Error(`wrong type for value; expected string; got ${goTypeName(v)}`);
  return v;
}
function strval(v) {
  if (v === null || v === void 0) return "";
  return goSprint(v);
}
function toInt(v) {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t.replace(/^\+/, ""));
    const n = Number(t);
    return t !== "" && Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
  }
  return 0n;
}
function toFloat(v) {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = Number(v.trim());
    return v.trim() !== "" && Number.isFinite(n) ? n : 0;
  }
  return 0;
}
function list(v, name) {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot ${name} on type ${goTypeName(v)}`);
}
function map(v) {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return v;
  throw new Error(`wrong type for value; expected map[string]interface {}; got ${goTypeName(v)}`);
}
function empty(v) {
  return !truth(v);
}
function deepEqual(a, b) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return false;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const bo = b;
  return ka.length === Object.keys(bo).length && ka.every((k) => k in bo && deepEqual(a[k], bo[k]));
}
function basicKind(v) {
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "other";
}
function eq2(a, b) {
  if (a === void 0 || b === void 0) throw new Error("invalid type for comparison");
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "other" || kb === "other") {
    if (a === null || b === null) return a === b;
    throw new Error("non-comparable type");
  }
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return a === b;
}
function lt2(a, b) {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new Error("incompatible types for comparison");
  if (ka === "bool" || ka === "other") throw new Error("invalid type for comparison");
  return ka === "string" ? goCompare(a, b) < 0 : a < b;
}
function toJsonValue(v) {
  if (v === void 0) return null;
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}
function regexp(expr, text) {
  const r = compileGoRegexp(s(expr));
  if ("error" in r) throw new Error(r.error);
  if (testWithin(r.regexp, s(text)) === "timeout") throw new Error(`regular expression ${goQuote(s(expr))} takes too long on this text: refused`);
  return r;
}
function bounded(n) {
  if (!(n <= MAX_OUTPUT)) throw new Error(`result larger than ${MAX_OUTPUT} characters: refused`);
  return n;
}
function indent(n, text) {
  const pad = " ".repeat(bounded(Math.max(0, Number(toInt(n)))));
  return pad + s(text).replace(/\n/g, `
${pad}`);
}
function sanitizeName(name) {
  return name.toLowerCase().replace(/[^-a-z0-9.]/g, "-").slice(0, 253).replace(/^[-.]+|[-.]+$/g, "");
}
function slugify(args) {
  let max = 50;
  let smart = true;
  args.forEach((a, i) => {
    if (i === args.length - 1) return;
    if (i === 0) max = Number(toInt(a));
    if (i === 1) smart = a === true;
  });
  let text = sanitizeName(s(args[args.length - 1])).replace(/[^a-zA-Z0-9\-_]/g, "-").replace(/-+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  if (max > 0 && text.length > max) {
    if (smart) {
      let cut2 = -1;
      for (let i = max; i >= 0; i--) {
        if (text[i] === "-") {
          cut2 = i;
          break;
        }
      }
      text = cut2 >= 0 ? text.slice(0, cut2) : text.slice(0, max);
    } else text = text.slice(0, max);
  }
  return text;
}
function goPrintf(format, args) {
  let i = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([vsdqtfxXgeT%])/g, (whole, flags, width, prec, verb) => {
    if (verb === "%") return "%";
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let text;
    switch (verb) {
      case "v":
      case "s":
        text = goSprint(a);
        break;
      case "d":
        text = typeof a === "bigint" ? String(a) : `%!d(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "q":
        text = typeof a === "string" ? goQuote(a) : `%!q(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "t":
        text = typeof a === "boolean" ? String(a) : `%!t(${goTypeName(a)}=${goSprint(a)})`;
        break;
      case "f":
      case "e":
      case "g":
        if (typeof a !== "number") text = `%!${verb}(${goTypeName(a)}=${goSprint(a)})`;
        else if (verb === "f") text = a.toFixed(prec === void 0 ? 6 : Number(prec));
        else if (verb === "g") text = prec === void 0 ? goFloatText(a) : String(Number(a.toPrecision(Number(prec))));
        else text = a.toExponential(prec === void 0 ? 6 : Number(prec)).replace(/e([+-])(\d)$/, "e$10$2");
        break;
      case "x":
      case "X": {
        const t = typeof a === "bigint" ? a.toString(16) : typeof a === "string" ? Buffer.from(a).toString("hex") : void 0;
        text = t === void 0 ? `%!${verb}(${goTypeName(a)}=${goSprint(a)})` : verb === "X" ? t.toUpperCase() : t;
        break;
      }
      case "T":
        text = goTypeName(a);
        break;
      default:
        return whole;
    }
    const w = width === void 0 ? 0 : bounded(Number(width));
    if (text.length < w) text = flags.includes("-") ? text.padEnd(w) : text.padStart(w, flags.includes("0") && verb !== "s" ? "0" : " ");
    return text;
  });
}
function yamlOf(v) {
  return stringifyYaml(toJsonValue(v), { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).replace(/\n$/, "");
}
function fromYaml(text) {
  try {
    const v = parseYaml2(s(text), { maxAliasCount: 100 });
    return v === null || v === void 0 ? {} : v;
  } catch (e) {
    return { Error: e.message.split("\n")[0] };
  }
}
var FUNCS = {
  // Go's builtins.
  not: (a) => (want(a, 1, "not"), !truth(a[0])),
  len: (a) => {
    want(a, 1, "len");
    const v = a[0];
    if (typeof v === "string") return BigInt(Buffer.byteLength(v));
    if (Array.isArray(v)) return BigInt(v.length);
    if (v !== null && typeof v === "object") return BigInt(Object.keys(v).length);
    throw new Error(`len of type ${goTypeName(v)}`);
  },
  index: (a) => {
    let v = a[0];
    for (const k of a.slice(1)) {
      if (Array.isArray(v)) {
        if (typeof k !== "bigint" && typeof k !== "number") throw new Error(`cannot index slice/array with type ${goTypeName(k)}`);
        const i = Number(k);
        if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
        v = v[i];
      } else if (v !== null && typeof v === "object") {
        if (typeof k !== "string") throw new Error(`value has type ${goTypeName(k)}; should be string`);
        v = Object.prototype.hasOwnProperty.call(v, k) ? v[k] : null;
      } else if (typeof v === "string") {
        const i = Number(k);
        if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
        v = BigInt(Buffer.from(v)[i]);
      } else if (v === null || v === void 0) throw new Error("index of untyped nil");
      else throw new Error(`can't index item of type ${goTypeName(v)}`);
    }
    return v;
  },
  slice: (a) => {
    const v = a[0];
    const idx = a.slice(1).map((x) => Number(toInt(x)));
    if (typeof v === "string") return v.slice(idx[0] ?? 0, idx[1] ?? v.length);
    return list(v, "slice").slice(idx[0] ?? 0, idx[1] ?? list(v, "slice").length);
  },
  print: (a) => a.map((x, i) => (i > 0 && typeof x !== "string" && typeof a[i - 1] !== "string" ? " " : "") + goSprint(x)).join(""),
  println: (a) => `${a.map(goSprint).join(" ")}
`,
  printf: (a) => goPrintf(s(a[0]), a.slice(1)),
  eq: (a) => {
    if (a.length < 2) throw new Error("missing argument for comparison");
    return a.slice(1).some((b) => eq2(a[0], b));
  },
  ne: (a) => (want(a, 2, "ne"), !eq2(a[0], a[1])),
  lt: (a) => (want(a, 2, "lt"), lt2(a[0], a[1])),
  le: (a) => (want(a, 2, "le"), lt2(a[0], a[1]) || eq2(a[0], a[1])),
  gt: (a) => (want(a, 2, "gt"), !lt2(a[0], a[1]) && !eq2(a[0], a[1])),
  ge: (a) => (want(a, 2, "ge"), !lt2(a[0], a[1])),
  urlquery: (a) => encodeURIComponent(a.map(goSprint).join("")).replace(/%20/g, "+"),
  // sprig: strings.
  trim: (a) => s(a[0]).trim(),
  upper: (a) => s(a[0]).toUpperCase(),
  lower: (a) => s(a[0]).toLowerCase(),
  title: (a) => s(a[0]).replace(new RegExp("(^|[^\\p{L}\\p{N}_'])(\\p{L})", "gu"), (_, p, c) => p + c.toUpperCase()),
  untitle: (a) => s(a[0]).replace(/(^|\s)(\S)/g, (_, p, c) => p + c.toLowerCase()),
  substr: (a) => {
    const [start, end, str2] = [Number(toInt(a[0])), Number(toInt(a[1])), s(a[2])];
    if (start < 0) return str2.slice(0, end);
    if (end < 0 || end > str2.length) return str2.slice(start);
    return str2.slice(start, end);
  },
  trunc: (a) => {
    const [n, str2] = [Number(toInt(a[0])), s(a[1])];
    if (n < 0 && -n < str2.length) return str2.slice(str2.length + n);
    if (n >= 0 && str2.length > n) return str2.slice(0, n);
    return str2;
  },
  repeat: (a) => {
    const [n, text] = [Math.max(0, Number(toInt(a[0]))), s(a[1])];
    bounded(n * text.length);
    return text === "" ? "" : text.repeat(n);
  },
  trimAll: (a) => trimChars(s(a[1]), s(a[0])),
  trimall: (a) => trimChars(s(a[1]), s(a[0])),
  trimSuffix: (a) => s(a[1]).endsWith(s(a[0])) ? s(a[1]).slice(0, s(a[1]).length - s(a[0]).length) : s(a[1]),
  trimPrefix: (a) => s(a[1]).startsWith(s(a[0])) ? s(a[1]).slice(s(a[0]).length) : s(a[1]),
  nospace: (a) => s(a[0]).replace(/\s/g, ""),
  contains: (a) => s(a[1]).includes(s(a[0])),
  hasPrefix: (a) => s(a[1]).startsWith(s(a[0])),
  hasSuffix: (a) => s(a[1]).endsWith(s(a[0])),
  quote: (a) => a.filter((x) => x !== null && x !== void 0).map((x) => goQuote(strval(x))).join(" "),
  squote: (a) => a.filter((x) => x !== null && x !== void 0).map((x) => `'${strval(x)}'`).join(" "),
  cat: (a) => a.filter((x) => x !== null && x !== void 0).map(goSprint).join(" "),
  indent: (a) => indent(a[0], a[1]),
  nindent: (a) => `
${indent(a[0], a[1])}`,
  replace: (a) => s(a[2]).split(s(a[0])).join(s(a[1])),
  plural: (a) => toInt(a[2]) === 1n ? s(a[0]) : s(a[1]),
  sha1sum: (a) => createHash2("sha1").update(s(a[0])).digest("hex"),
  sha256sum: (a) => createHash2("sha256").update(s(a[0])).digest("hex"),
  toString: (a) => strval(a[0]),
  atoi: (a) => /^[+-]?\d+$/.test(s(a[0])) ? BigInt(s(a[0])) : 0n,
  int: (a) => toInt(a[0]),
  int64: (a) => toInt(a[0]),
  float64: (a) => toFloat(a[0]),
  split: (a) => Object.fromEntries(s(a[1]).split(s(a[0])).map((p, i) => [`_${i}`, p])),
  splitList: (a) => s(a[1]).split(s(a[0])),
  splitn: (a) => {
    const [sep, n, str2] = [s(a[0]), Number(toInt(a[1])), s(a[2])];
    const parts = str2.split(sep);
    const out = n > 0 && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)] : parts;
    return Object.fromEntries(out.map((p, i) => [`_${i}`, p]));
  },
  toStrings: (a) => Array.isArray(a[0]) ? a[0].map(strval) : [strval(a[0])],
  until: (a) => range(0n, toInt(a[0]), toInt(a[0]) < 0n ? -1n : 1n),
  untilStep: (a) => range(toInt(a[0]), toInt(a[1]), toInt(a[2])),
  add1: (a) => toInt(a[0]) + 1n,
  add: (a) => a.reduce((x, y) => x + toInt(y), 0n),
  sub: (a) => toInt(a[0]) - toInt(a[1]),
  div: (a) => {
    if (toInt(a[1]) === 0n) throw new Error("runtime error: integer divide by zero");
    return toInt(a[0]) / toInt(a[1]);
  },
  mod: (a) => {
    if (toInt(a[1]) === 0n) throw new Error("runtime error: integer divide by zero");
    return toInt(a[0]) % toInt(a[1]);
  },
  mul: (a) => a.reduce((x, y) => x * toInt(y), 1n),
  max: (a) => a.map(toInt).reduce((x, y) => y > x ? y : x),
  biggest: (a) => a.map(toInt).reduce((x, y) => y > x ? y : x),
  min: (a) => a.map(toInt).reduce((x, y) => y < x ? y : x),
  ceil: (a) => Math.ceil(toFloat(a[0])),
  floor: (a) => Math.floor(toFloat(a[0])),
  round: (a) => {
    const p = 10 ** Number(toInt(a[1]));
    return Math.round(toFloat(a[0]) * p) / p;
  },
  join: (a) => (Array.isArray(a[1]) ? a[1].map(strval) : [strval(a[1])]).join(s(a[0])),
  sortAlpha: (a) => Array.isArray(a[0]) ? a[0].map(strval).sort(goCompare) : [strval(a[0])],
  // sprig: defaults, JSON, flow.
  default: (a) => a.length < 2 || empty(a[1]) ? a[0] : a[1],
  empty: (a) => empty(a[0]),
  coalesce: (a) => a.find((x) => !empty(x)) ?? null,
  all: (a) => a.every((x) => !empty(x)),
  any: (a) => a.some((x) => !empty(x)),
  compact: (a) => list(a[0], "compact").filter((x) => !empty(x)),
  ternary: (a) => a[2] === true ? a[0] : a[1],
  fromJson: (a) => {
    try {
      return JSON.parse(s(a[0]));
    } catch {
      return {};
    }
  },
  toJson: (a) => goJsonCompact(toJsonValue(a[0])),
  toRawJson: (a) => JSON.stringify(toJsonValue(a[0])),
  toPrettyJson: (a) => JSON.stringify(toJsonValue(a[0]), null, "  "),
  mustToJson: (a) => goJsonCompact(toJsonValue(a[0])),
  deepCopy: (a) => structuredClone(a[0]),
  kindOf: (a) => ({ string: "string", bool: "bool", float64: "float64", int: "int64", "[]interface {}": "slice", "map[string]interface {}": "map", "interface {}": "invalid" })[goTypeName(a[0])],
  kindIs: (a) => FUNCS.kindOf([a[1]]) === s(a[0]),
  typeOf: (a) => a[0] === null || a[0] === void 0 ? "<nil>" : goTypeName(a[0]),
  typeIs: (a) => FUNCS.typeOf([a[1]]) === s(a[0]),
  deepEqual: (a) => deepEqual(a[0], a[1]),
  fail: (a) => {
    throw new Error(s(a[0]));
  },
  // sprig: paths, encoding.
  base: (a) => {
    const p = s(a[0]).replace(/\/+$/, "");
    return p === "" ? s(a[0]) === "" ? "." : "/" : p.slice(p.lastIndexOf("/") + 1);
  },
  dir: (a) => {
    const p = s(a[0]);
    const i = p.lastIndexOf("/");
    return goPathClean(i < 0 ? "." : p.slice(0, i + 1));
  },
  clean: (a) => goPathClean(s(a[0])),
  ext: (a) => {
    const p = s(a[0]);
    for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
    return "";
  },
  isAbs: (a) => s(a[0]).startsWith("/"),
  b64enc: (a) => Buffer.from(s(a[0])).toString("base64"),
  b64dec: (a) => {
    const t = s(a[0]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return `illegal base64 data at input byte ${Math.max(0, t.search(/[^A-Za-z0-9+/=]/))}`;
    return Buffer.from(t, "base64").toString("utf8");
  },
  // sprig: lists and dicts.
  list: (a) => [...a],
  tuple: (a) => [...a],
  dict: (a) => {
    const out = {};
    for (let i = 0; i < a.length; i += 2) out[strval(a[i])] = i + 1 < a.length ? a[i + 1] : "";
    return out;
  },
  get: (a) => Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])) ? map(a[0])[s(a[1])] : "",
  set: (a) => {
    map(a[0])[s(a[1])] = a[2];
    return a[0];
  },
  unset: (a) => {
    delete map(a[0])[s(a[1])];
    return a[0];
  },
  hasKey: (a) => Object.prototype.hasOwnProperty.call(map(a[0]), s(a[1])),
  pluck: (a) => a.slice(1).flatMap((d) => Object.prototype.hasOwnProperty.call(map(d), s(a[0])) ? [map(d)[s(a[0])]] : []),
  keys: (a) => a.flatMap((d) => Object.keys(map(d))),
  pick: (a) => Object.fromEntries(a.slice(1).map(s).filter((k) => Object.prototype.hasOwnProperty.call(map(a[0]), k)).map((k) => [k, map(a[0])[k]])),
  omit: (a) => Object.fromEntries(Object.entries(map(a[0])).filter(([k]) => !a.slice(1).map(s).includes(k))),
  merge: (a) => mergeDicts(a, false),
  mergeOverwrite: (a) => mergeDicts(a, true),
  mustMerge: (a) => mergeDicts(a, false),
  mustMergeOverwrite: (a) => mergeDicts(a, true),
  values: (a) => Object.values(map(a[0])),
  append: (a) => [...list(a[0], "append"), a[1]],
  push: (a) => [...list(a[0], "push"), a[1]],
  prepend: (a) => [a[1], ...list(a[0], "prepend")],
  first: (a) => list(a[0], "first").length > 0 ? list(a[0], "first")[0] : null,
  last: (a) => list(a[0], "last").length > 0 ? list(a[0], "last").at(-1) : null,
  rest: (a) => list(a[0], "rest").slice(1),
  initial: (a) => list(a[0], "initial").slice(0, -1),
  reverse: (a) => [...list(a[0], "reverse")].reverse(),
  uniq: (a) => list(a[0], "uniq").filter((x, i, all) => all.findIndex((y) => deepEqual(x, y)) === i),
  without: (a) => list(a[0], "without").filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
  has: (a) => list(a[1], "has").some((x) => deepEqual(x, a[0])),
  concat: (a) => a.flatMap((x) => list(x, "concat")),
  dig: (a) => {
    const d = a[a.length - 1];
    const def = a[a.length - 2];
    let cur = d;
    for (const k of a.slice(0, -2)) {
      cur = cur !== null && typeof cur === "object" && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, s(k)) ? cur[s(k)] : void 0;
      if (cur === void 0) return def;
    }
    return cur;
  },
  chunk: (a) => {
    const n = Number(toInt(a[0]));
    const l = list(a[1], "chunk");
    const out = [];
    for (let i = 0; i < l.length && n > 0; i += n) out.push(l.slice(i, i + n));
    return out;
  },
  // sprig: semver, regex.
  semverCompare: (a) => {
    const c = parseConstraint(s(a[0]));
    if (c === void 0) throw new Error(`improper constraint: ${s(a[0])}`);
    const v = looseSemver(s(a[1]));
    if (v === void 0) throw new Error("Invalid Semantic Version");
    return (v.pre.length === 0 || c.prerelease) && c.test(v);
  },
  regexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
  mustRegexMatch: (a) => regexp(a[0], a[1]).matchString(s(a[1])),
  regexFind: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), 1)[0] ?? "",
  regexFindAll: (a) => regexp(a[0], a[1]).findAllString(s(a[1]), Number(toInt(a[2]))),
  regexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
  mustRegexReplaceAll: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2])),
  regexReplaceAllLiteral: (a) => regexp(a[0], a[1]).replaceAllString(s(a[1]), s(a[2]).replace(/\$/g, "$$$$")),
  regexSplit: (a) => regexp(a[0], a[1]).split(s(a[1]), Number(toInt(a[2]))),
  regexQuoteMeta: (a) => goQuoteMeta(s(a[0])),
  // Argo CD's own.
  normalize: (a) => sanitizeName(s(a[0])),
  slugify: (a) => slugify(a),
  toYaml: (a) => yamlOf(a[0]),
  fromYaml: (a) => fromYaml(a[0]),
  fromYamlArray: (a) => {
    const v = fromYaml(a[0]);
    return Array.isArray(v) ? v : [];
  }
};
var UNSUPPORTED = /* @__PURE__ */ new Set([
  "html",
  "js",
  "call",
  "ago",
  "date",
  "date_in_zone",
  "date_modify",
  "dateInZone",
  "dateModify",
  "duration",
  "durationRound",
  "htmlDate",
  "htmlDateInZone",
  "must_date_modify",
  "mustDateModify",
  "mustToDate",
  "now",
  "toDate",
  "unixEpoch",
  "abbrev",
  "abbrevboth",
  "initials",
  "randAlphaNum",
  "randAlpha",
  "randAscii",
  "randNumeric",
  "randSeededNumeric",
  "swapcase",
  "shuffle",
  "snakecase",
  "camelcase",
  "kebabcase",
  "wrap",
  "wrapWith",
  "adler32sum",
  "seq",
  "toDecimal",
  "randInt",
  "add1f",
  "addf",
  "subf",
  "divf",
  "mulf",
  "maxf",
  "minf",
  "mustCompact",
  "mustFromJson",
  "mustToPrettyJson",
  "mustToRawJson",
  "mustDeepCopy",
  "typeIsLike",
  "osBase",
  "osClean",
  "osDir",
  "osExt",
  "osIsAbs",
  "b32enc",
  "b32dec",
  "mustAppend",
  "mustPush",
  "mustPrepend",
  "mustFirst",
  "mustRest",
  "mustLast",
  "mustInitial",
  "mustReverse",
  "mustUniq",
  "mustWithout",
  "mustHas",
  "mustSlice",
  "mustChunk",
  "bcrypt",
  "htpasswd",
  "genPrivateKey",
  "derivePassword",
  "buildCustomCert",
  "genCA",
  "genCAWithKey",
  "genSelfSignedCert",
  "genSelfSignedCertWithKey",
  "genSignedCert",
  "genSignedCertWithKey",
  "encryptAES",
  "decryptAES",
  "randBytes",
  "uuidv4",
  "semver",
  "mustRegexFindAll",
  "mustRegexFind",
  "mustRegexReplaceAllLiteral",
  "mustRegexSplit",
  "urlParse",
  "urlJoin",
  "hello"
]);
function trimChars(str2, cut2) {
  const set = /* @__PURE__ */ new Set([...cut2]);
  const chars = [...str2];
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join("");
}
function range(start, stop, step) {
  const out = [];
  if (step === 0n) return out;
  for (let i = start; step > 0n ? i < stop : i > stop; i += step) {
    out.push(i);
    if (out.length > 1e5) throw new Error("range too long");
  }
  return out;
}
function mergeDicts(a, overwrite) {
  const dst = map(a[0]);
  const into = (d, src) => {
    for (const [k, v] of Object.entries(src)) {
      const cur = d[k];
      if (cur !== null && typeof cur === "object" && !Array.isArray(cur) && v !== null && typeof v === "object" && !Array.isArray(v)) into(cur, v);
      else if (overwrite ? !empty(v) || !(k in d) : !(k in d) || empty(cur)) d[k] = v;
    }
  };
  for (const src of a.slice(1)) into(dst, map(src));
  return dst;
}

// src/render/gitops/argocd.ts
function isArgoApplication(o) {
  return o.kind === "Application" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("argoproj.io/");
}
function isArgoApplicationSet(o) {
  return o.kind === "ApplicationSet" && typeof o.apiVersion === "string" && o.apiVersion.startsWith("argoproj.io/");
}
async function argoApplication(ctx, o, generated2) {
  const spec = generated2?.spec ?? obj(o.object.spec);
  const name = generated2?.name ?? metaOf(o.object).name;
  const kind = generated2 ? "ApplicationSet" : "Application";
  const declared = declaredAt(o);
  const baseDeps = [o.source.file, ...generated2?.deps ?? []];
  const unsim = (reason) => ({ unsimulated: { tool: "argocd", kind, name, declared, reason, deps: baseDeps } });
  const fail = async (fieldPath, message) => {
    const at2 = generated2 ? declared : await fieldAt(ctx, o, fieldPath);
    const error = refusal(at2, `${kind} ${name}: ${message}`);
    return { error, unsimulated: { tool: "argocd", kind, name, declared, reason: message, deps: baseDeps } };
  };
  const sources = Array.isArray(spec.sources) ? spec.sources.map(obj) : [obj(spec.source)];
  const multi = Array.isArray(spec.sources);
  const destination = str(obj(spec.destination).namespace);
  const refs = /* @__PURE__ */ new Map();
  for (const s2 of sources) if (str(s2.ref) !== void 0) refs.set(s2.ref, isThisRepo(ctx, str(s2.repoURL)));
  const out = [];
  for (let i = 0; i < sources.length; i++) {
    const s2 = sources[i];
    const field = multi ? ["spec", "sources", i] : ["spec", "source"];
    const id = appId("argocd", o.source.file, sources.length > 1 ? `${name}.${i}` : name);
    if (str(s2.ref) !== void 0 && str(s2.path) === void 0 && str(s2.chart) === void 0) continue;
    let repoURL = str(s2.repoURL) ?? "";
    if (str(s2.chart) !== void 0 && /^[\w.-]+(:\d+)?(\/[\w.-]+)*\/?$/.test(repoURL) && repoURL.includes(".")) repoURL = `oci://${repoURL.replace(/\/$/, "")}`;
    let remote;
    const chartName = str(s2.chart);
    if (chartName !== void 0) {
      const refused = remoteChartRefusal(ctx, repoURL);
      if (refused !== void 0) {
        out.push(unsim(`${refused} (chart ${chartName})`));
        continue;
      }
      if (!/^[\w.-]+$/.test(chartName) || chartName === "." || chartName === "..") {
        out.push(await fail([...field, "chart"], `chart '${chartName}' is not a chart name of a helm repository`));
        continue;
      }
      const version = str(s2.targetRevision) ?? "";
      const at2 = generated2 ? declared : await fieldAt(ctx, o, [...field, "chart"]);
      remote = { repoUrl: repoURL, chart: chartName, version: version === "" ? "*" : version, valuesFiles: [], declaredAt: at2 };
    } else if (!isThisRepo(ctx, repoURL)) {
      out.push(unsim(`source ${repoURL} is not this repository (gitops.repoURLs)`));
      continue;
    }
    const raw = str(s2.path) ?? ".";
    const dir = remote !== void 0 ? "" : repoPath("", raw.replace(/^\//, ""));
    if (dir === void 0) {
      out.push(await fail([...field, "path"], `path '${raw}' leaves the repository: refused`));
      continue;
    }
    if (remote === void 0 && !ctx.tree.dirs.has(dir)) {
      out.push(await fail([...field, "path"], `path '${raw}' is not a directory of this repository at this ref`));
      continue;
    }
    if (remote === void 0 && s2.plugin !== void 0) {
      out.push(unsim(`config management plugin sources run arbitrary tools: not simulated`));
      continue;
    }
    const directory = obj(s2.directory);
    const hasJsonnet = remote === void 0 && [...ctx.tree.files].some((f) => isUnder(f, dir) && /\.(jsonnet|libsonnet)$/.test(f));
    if (remote === void 0 && (directory.jsonnet !== void 0 || hasJsonnet && !ctx.charts.has(dir) && !ctx.kustomizations.has(dir))) {
      out.push(unsim(`jsonnet directory ${dir || "."}: not simulated (preadmit does not evaluate jsonnet)`));
      continue;
    }
    const deps = [...baseDeps];
    const app = { tool: "argocd", kind, name: sources.length > 1 ? `${name}.${i}` : name, declared, id, render: { type: "directory", path: dir, recurse: false }, deps };
    if (destination !== void 0 && destination !== "") app.defaultNamespace = destination;
    if (remote !== void 0 || s2.helm !== void 0 || ctx.charts.has(dir)) {
      const h = obj(s2.helm);
      const valuesFiles = [];
      const files = arr(h.valueFiles);
      let bad;
      for (let j = 0; j < files.length; j++) {
        const f = str(files[j]) ?? "";
        const m = /^\$([^/]+)\/(.*)$/.exec(f);
        if (m && refs.get(m[1]) === false) {
          bad = unsim(`values file ${f} comes from another repository`);
          break;
        }
        const p = m ? repoPath("", m[2]) : repoPath(dir, f);
        if (remote !== void 0 && !m && p !== void 0 && p !== "") {
          remote.valuesFiles.push({ file: p, inChart: true, ...h.ignoreMissingValueFiles === true ? { optional: true } : {} });
          continue;
        }
        if (p === void 0 || remote !== void 0 && p === "") {
          bad = await fail([...field, "helm", "valueFiles", j], `values file '${f}' leaves the repository: refused`);
          break;
        }
        if (!ctx.tree.files.has(p)) {
          if (h.ignoreMissingValueFiles === true) continue;
          bad = await fail([...field, "helm", "valueFiles", j], `values file '${f}' does not exist at this ref`);
          break;
        }
        valuesFiles.push(p);
        remote?.valuesFiles.push({ file: p, inChart: false });
        deps.push(p);
      }
      if (bad) {
        out.push(bad);
        continue;
      }
      let values = {};
      if (typeof h.values === "string" && h.values.trim() !== "") {
        try {
          values = mergeValues(values, obj(parseYaml3(h.values, { maxAliasCount: 100 })));
        } catch (e) {
          out.push(await fail([...field, "helm", "values"], `helm.values is not YAML: ${e.message.split("\n")[0]}`));
          continue;
        }
      }
      values = mergeValues(values, obj(h.valuesObject));
      for (const p of arr(h.parameters)) {
        const po = obj(p);
        const set = setPath(values, str(po.name) ?? "", typedSetValue(String(po.value ?? ""), po.forceString === true));
        if (typeof set !== "string") values = set;
      }
      const namespace = str(h.namespace) ?? destination ?? ctx.defaultNamespace ?? DEFAULT_NAMESPACE;
      app.render = {
        type: "helm",
        chart: remote !== void 0 ? o.source.file : dir,
        release: str(h.releaseName) ?? name,
        namespace,
        valuesFiles,
        ...Object.keys(values).length > 0 ? { values } : {},
        ...remote !== void 0 ? { remote } : {}
      };
      if (remote === void 0 && !ctx.charts.has(dir)) {
        out.push(await fail([...field, "path"], `path '${raw}' has helm options but no Chart.yaml`));
        continue;
      }
    } else if (s2.kustomize !== void 0 || ctx.kustomizations.has(dir)) {
      const k = obj(s2.kustomize);
      app.render = { type: "kustomize", path: dir };
      if (!ctx.kustomizations.has(dir)) {
        out.push(await fail([...field, "path"], `path '${raw}' has kustomize options but no kustomization`));
        continue;
      }
      if (str(k.namePrefix)) app.render.namePrefix = k.namePrefix;
      if (str(k.nameSuffix)) app.render.nameSuffix = k.nameSuffix;
      if (str(k.namespace)) app.render.namespace = k.namespace;
      if (arr(k.patches).length > 0) app.render.patches = arr(k.patches);
      if (Object.keys(stringMap(k.commonLabels)).length > 0) app.render.commonLabels = stringMap(k.commonLabels);
      if (Object.keys(stringMap(k.commonAnnotations)).length > 0) app.render.annotations = stringMap(k.commonAnnotations);
      const images = arr(k.images).map((x) => imageEntry(String(x)));
      if (images.length > 0) app.render.images = images;
    } else {
      app.render = {
        type: "directory",
        path: dir,
        recurse: directory.recurse === true,
        ...str(directory.include) ? { include: directory.include } : {},
        ...str(directory.exclude) ? { exclude: directory.exclude } : {}
      };
    }
    out.push({ app });
  }
  return out;
}
function imageEntry(spec) {
  const [name, target] = spec.includes("=") ? [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)] : [void 0, spec];
  const at2 = target.indexOf("@");
  const colon = target.lastIndexOf(":");
  const image = at2 >= 0 ? target.slice(0, at2) : colon > target.lastIndexOf("/") ? target.slice(0, colon) : target;
  const entry = { name: name ?? image };
  if (name !== void 0 && image !== name) entry.newName = image;
  if (at2 >= 0) entry.digest = target.slice(at2 + 1);
  else if (colon > target.lastIndexOf("/")) entry.newTag = target.slice(colon + 1);
  return entry;
}
var GENERATOR_KINDS = ["list", "clusters", "git", "scmProvider", "clusterDecisionResource", "pullRequest", "plugin", "matrix", "merge"];
var MAX_PARAM_SETS = 1e4;
var MAX_APPS = 500;
async function argoApplicationSet(ctx, o) {
  const spec = obj(o.object.spec);
  const { name } = metaOf(o.object);
  const declared = declaredAt(o);
  const unsim = (reason, deps = []) => [{ unsimulated: { tool: "argocd", kind: "ApplicationSet", name, declared, reason, deps: [o.source.file, ...deps] } }];
  const fail = async (at2, message, deps = []) => [
    { error: refusal(await fieldAt(ctx, o, at2), `ApplicationSet ${name}: ${message}`), unsimulated: { tool: "argocd", kind: "ApplicationSet", name, declared, reason: message, deps: [o.source.file, ...deps] } }
  ];
  let options;
  try {
    options = goTemplateOptions(Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions : void 0);
  } catch (e) {
    return fail(["spec", "goTemplateOptions"], `goTemplateOptions: ${e.message}`);
  }
  const t = { goTemplate: spec.goTemplate === true, options };
  const patch = spec.templatePatch;
  if (patch !== void 0 && patch !== null && typeof patch !== "string") return fail(["spec", "templatePatch"], "templatePatch must be a string (a template of a YAML patch)");
  const produced = [];
  const allDeps = [];
  if (!Array.isArray(spec.generators)) return fail(["spec"], "spec.generators is not a list of generators");
  const generators = spec.generators;
  for (let i = 0; i < generators.length; i++) {
    const entry = generators[i];
    if (entry === null || typeof entry !== "object" || Array.isArray(entry) || !GENERATOR_KINDS.some((k) => entry[k] !== void 0 && entry[k] !== null)) {
      return fail(["spec", "generators", i], `generator ${i} names no generator (${GENERATOR_KINDS.join(", ")})`);
    }
    for (const { kind, result } of await transform(ctx, obj(generators[i]), ["spec", "generators", i], t, 0, void 0)) {
      if ("reason" in result) return unsim(result.reason, result.deps);
      if ("error" in result) return fail(result.at, result.error, result.deps);
      const template = fillFrom(obj(obj(obj(generators[i])[kind]).template), obj(spec.template));
      for (const set of result.sets) {
        produced.push({ set, template });
        allDeps.push(...set.deps);
      }
    }
  }
  const out = [];
  const names = /* @__PURE__ */ new Set();
  for (const { set, template } of produced.slice(0, MAX_APPS)) {
    const { params, deps } = set;
    let app;
    let stage = ["spec", "template"];
    try {
      app = Object.keys(params).length === 0 ? template : obj(renderTemplate(template, params, t));
      if (typeof patch === "string") {
        stage = ["spec", "templatePatch"];
        app = applyTemplatePatch(app, replace(patch, params, t));
      }
    } catch (e) {
      if (e instanceof GoTemplateUnsupported) return unsim(`${e.message} (in ${stage.join(".")})`, allDeps);
      if (e instanceof TemplateFieldError) return fail([...stage, ...e.path], `${stage[1]}.${e.message}`, deps);
      return fail(stage, `${stage[1]}: ${e.message}`, deps);
    }
    const appName = str(obj(app.metadata).name) ?? "";
    if (appName === "" || names.has(appName)) {
      const message = appName === "" ? "generates an Application with no name (Argo CD requires metadata.name from the template or templatePatch)" : `contains applications with duplicate name: ${appName} (Argo CD applies the first only)`;
      out.push(...await fail(["spec", "template", "metadata", "name"], message, deps));
      continue;
    }
    names.add(appName);
    out.push(...await argoApplication(ctx, o, { spec: obj(app.spec), name: appName, deps }));
  }
  if (produced.length > MAX_APPS) out.push(...unsim(`generates ${produced.length} Applications: only the first ${MAX_APPS} are simulated`, allDeps));
  return out;
}
async function transform(ctx, raw, at2, t, depth, interpolate) {
  let g = raw;
  if (interpolate !== void 0 && Object.keys(interpolate).length > 0) {
    try {
      g = interpolateGenerator(raw, interpolate, t);
    } catch (e) {
      const result = e instanceof GoTemplateUnsupported ? { reason: e.message } : { error: `interpolating the generator with the first generator's parameters: ${e.message}`, at: at2 };
      return [{ kind: "?", result }];
    }
  }
  const unknown = Object.keys(g).filter((k) => k !== "selector" && !GENERATOR_KINDS.includes(k));
  if (unknown.length > 0) return [{ kind: unknown[0], result: { reason: `unrecognized generator '${unknown[0]}'` } }];
  const out = [];
  for (const kind of GENERATOR_KINDS.filter((k) => g[k] !== void 0 && g[k] !== null)) {
    let result = await generateOne(ctx, kind, obj(g[kind]), [...at2, kind], t, depth);
    if ("sets" in result && g.selector !== void 0 && g.selector !== null) {
      const sets = [];
      for (const set of result.sets) {
        const m = selectorMatches(obj(g.selector), flattenParams(set.params));
        if (typeof m === "string") {
          result = { error: `selector: ${m}`, at: [...at2, "selector"] };
          break;
        }
        if (m) sets.push(set);
      }
      if ("sets" in result) result = { sets };
    }
    out.push({ kind, result });
  }
  return out;
}
async function generateOne(ctx, kind, g, at2, t, depth) {
  switch (kind) {
    case "list":
      return listGenerator(g, at2, t);
    case "git":
      return await gitGenerator(ctx, g, at2, t);
    case "matrix":
    case "merge": {
      if (depth >= 2) {
        return { error: `a ${kind} generator nested in a matrix or merge that is itself nested: Argo CD allows one level of nesting (it drops the inner one and fails with "child generator generated no parameters")`, at: at2 };
      }
      return kind === "matrix" ? await matrixGenerator(ctx, g, at2, t, depth) : await mergeGenerator(ctx, g, at2, t, depth);
    }
    default:
      return { reason: `the ${kind} generator is not supported (cluster state or an external service decides what it generates)` };
  }
}
async function child(ctx, g, at2, t, depth, interpolate) {
  const results = await transform(ctx, g, at2, t, depth, interpolate);
  if (results.length === 0) return { error: "child generator generated no parameters (the generator names no generator)", at: at2 };
  if (results.length > 1) return { error: `found more than one generator in matrix.Generators (${results.map((r) => r.kind).join(", ")}): one per entry`, at: at2 };
  return results[0].result;
}
async function matrixGenerator(ctx, m, at2, t, depth) {
  const gens = arr(m.generators).map(obj);
  if (gens.length < 2) return { error: "found less than two generators, Matrix support only two", at: [...at2, "generators"] };
  if (gens.length > 2) return { error: "found more than two generators, Matrix support only two", at: [...at2, "generators"] };
  const first = await child(ctx, gens[0], [...at2, "generators", 0], t, depth + 1, void 0);
  if (!("sets" in first)) return first;
  const sets = [];
  for (const a of first.sets) {
    const second = await child(ctx, gens[1], [...at2, "generators", 1], t, depth + 1, a.params);
    if (!("sets" in second)) return second;
    for (const b of second.sets) {
      let params;
      if (t.goTemplate) params = mergeOverride(mergeOverride({}, b.params), a.params);
      else {
        const combined = combineStringMaps(a.params, b.params);
        if (typeof combined === "string") return { error: `${combined} (parameter collision between the matrix's generators)`, at: [...at2, "generators"] };
        params = combined;
      }
      sets.push({ params, deps: [.../* @__PURE__ */ new Set([...a.deps, ...b.deps])] });
      if (sets.length > MAX_PARAM_SETS) return { reason: `the matrix generator makes more than ${MAX_PARAM_SETS} parameter sets: not simulated` };
    }
  }
  return { sets };
}
async function mergeGenerator(ctx, m, at2, t, depth) {
  const gens = arr(m.generators).map(obj);
  if (gens.length < 2) return { error: "found less than two generators, Merge requires two or more", at: [...at2, "generators"] };
  const results = [];
  const deps = /* @__PURE__ */ new Set();
  for (let i = 0; i < gens.length; i++) {
    const r = await child(ctx, gens[i], [...at2, "generators", i], t, depth + 1, void 0);
    if (!("sets" in r)) return r;
    results.push(r.sets);
    for (const s2 of r.sets) for (const d of s2.deps) deps.add(d);
  }
  const keys = [...new Set(arr(m.mergeKeys).filter((k) => typeof k === "string"))];
  if (keys.length === 0) return { error: "no merge keys were specified, Merge requires at least one (mergeKeys)", at: m.mergeKeys === void 0 ? at2 : [...at2, "mergeKeys"], deps: [...deps] };
  const byKey = (sets, i) => {
    const map2 = /* @__PURE__ */ new Map();
    for (const s2 of sets) {
      const key = goJsonCompact(Object.fromEntries(keys.map((k) => [k, s2.params[k] ?? null])));
      if (map2.has(key)) {
        return { error: `the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was ${key}`, at: [...at2, "generators", i], deps: [...deps] };
      }
      map2.set(key, { params: structuredClone(s2.params), deps: s2.deps });
    }
    return map2;
  };
  const base = byKey(results[0], 0);
  if (!(base instanceof Map)) return base;
  for (let i = 1; i < results.length; i++) {
    const over = byKey(results[i], i);
    if (!(over instanceof Map)) return over;
    for (const [key, b] of base) {
      const o = over.get(key);
      if (o === void 0) continue;
      base.set(key, { params: t.goTemplate ? mergeOverride(b.params, o.params) : { ...b.params, ...o.params }, deps: b.deps });
    }
  }
  return { sets: [...base.values()].map((s2) => ({ params: s2.params, deps: [...deps] })) };
}
function listGenerator(l, at2, t) {
  const sets = [];
  const elements = arr(l.elements);
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e === null || typeof e !== "object" || Array.isArray(e)) return { error: `list element ${i} is not an object`, at: [...at2, "elements", i] };
    if (t.goTemplate) {
      sets.push({ params: e, deps: [] });
      continue;
    }
    const params = {};
    for (const [k, v] of Object.entries(e)) {
      if (k === "values") {
        if (v === null || typeof v !== "object" || Array.isArray(v)) return { error: `list element ${i}: values is not a map (error parsing values map)`, at: [...at2, "elements", i, "values"] };
        for (const [vk, vv] of Object.entries(v)) {
          if (typeof vv !== "string") return { error: `list element ${i}: values.${vk} is ${JSON.stringify(vv)}, not a string (without goTemplate Argo CD fails: error parsing value as string)`, at: [...at2, "elements", i, "values", vk] };
          params[`values.${vk}`] = vv;
        }
      } else if (typeof v !== "string") {
        return { error: `list element ${i}: ${k} is ${JSON.stringify(v)}, not a string (without goTemplate Argo CD fails: error parsing value as string; quote it)`, at: [...at2, "elements", i, k] };
      } else params[k] = v;
    }
    sets.push({ params, deps: [] });
  }
  if (typeof l.elementsYaml === "string" && l.elementsYaml !== "") {
    let parsed2;
    try {
      parsed2 = parseYaml3(l.elementsYaml, { maxAliasCount: 100, version: "1.1" });
    } catch (e) {
      return { error: `elementsYaml is not YAML: ${e.message.split("\n")[0]}`, at: [...at2, "elementsYaml"] };
    }
    if (parsed2 !== null && !(Array.isArray(parsed2) && parsed2.every((x) => x === null || typeof x === "object" && !Array.isArray(x)))) {
      return { error: "elementsYaml is not a list of objects (error unmarshling decoded ElementsYaml)", at: [...at2, "elementsYaml"] };
    }
    for (const x of parsed2 ?? []) sets.push({ params: x ?? {}, deps: [] });
  }
  return { sets };
}
async function gitGenerator(ctx, git, at2, t) {
  if (!isThisRepo(ctx, str(git.repoURL))) return { reason: `git generator repository ${str(git.repoURL) ?? "?"} is not this repository (gitops.repoURLs)` };
  const prefix = str(git.pathParamPrefix) ?? "";
  const values = stringMap(git.values);
  const withValues = (params) => {
    const rendered = {};
    for (const [k, v] of Object.entries(values)) rendered[k] = replace(v, params, t);
    if (Object.keys(rendered).length === 0) return params;
    if (t.goTemplate) return { ...params, values: rendered };
    return { ...params, ...Object.fromEntries(Object.entries(rendered).map(([k, v]) => [`values.${k}`, v])) };
  };
  const sets = [];
  try {
    if (git.directories !== void 0) {
      const dirs = arr(git.directories).map(obj);
      const inc = dirs.filter((d) => d.exclude !== true).map((d) => globToRegExp(String(d.path ?? "")));
      const exc = dirs.filter((d) => d.exclude === true).map((d) => globToRegExp(String(d.path ?? "")));
      for (const d of [...ctx.tree.dirs].sort()) {
        if (d === "" || !inc.some((r) => r.test(d)) || exc.some((r) => r.test(d))) continue;
        sets.push({ params: withValues(pathParams(d, void 0, t.goTemplate, prefix)), deps: [] });
      }
      return { sets };
    }
    if (git.files !== void 0) return await gitFiles(ctx, arr(git.files).map(obj), t, prefix, withValues);
  } catch (e) {
    if (e instanceof GoTemplateUnsupported) return { reason: `${e.message} (in the git generator's values)` };
    return { error: `git generator values: ${e.message}`, at: [...at2, "values"] };
  }
  return { error: "git generator without directories or files", at: at2 };
}
async function gitFiles(ctx, items, t, prefix, withValues) {
  const inc = items.filter((d) => d.exclude !== true).map((d) => globToRegExp(String(d.path ?? "")));
  const exc = items.filter((d) => d.exclude === true).map((d) => globToRegExp(String(d.path ?? "")));
  const files = [...ctx.tree.files].filter((f) => inc.some((r) => r.test(f)) && !exc.some((r) => r.test(f))).sort();
  const sets = [];
  for (const file of files) {
    const text = await ctx.text(file);
    let parsed2;
    try {
      parsed2 = text === void 0 ? void 0 : parseYaml3(text, { maxAliasCount: 100 });
    } catch (e) {
      return { reason: `git file generator: unable to process file '${file}': ${e.message.split("\n")[0]}`, deps: [file] };
    }
    const objects = Array.isArray(parsed2) ? parsed2.length === 0 ? [{}] : parsed2 : [parsed2 ?? {}];
    if (objects.some((x) => x === null || typeof x !== "object" || Array.isArray(x))) {
      return { reason: `git file generator: unable to process file '${file}': not an object or a list of objects`, deps: [file] };
    }
    for (const o of objects) {
      const own = t.goTemplate ? { ...o } : flattenParams(o);
      sets.push({ params: withValues({ ...own, ...pathParams(path11.posix.dirname(file), file, t.goTemplate, prefix) }), deps: [file] });
    }
  }
  return { sets };
}
function pathParams(d, file, goTemplate, prefix) {
  const segments = d.split("/");
  const base = path11.posix.basename(d);
  const filename = file === void 0 ? void 0 : path11.posix.basename(file);
  if (goTemplate) {
    const p2 = { path: d, basename: base, basenameNormalized: sanitizeName(base), segments };
    if (filename !== void 0) Object.assign(p2, { filename, filenameNormalized: sanitizeName(filename) });
    return prefix !== "" ? { [prefix]: { path: p2 } } : { path: p2 };
  }
  const name = prefix !== "" ? `${prefix}.path` : "path";
  const p = { [name]: d, [`${name}.basename`]: base, [`${name}.basenameNormalized`]: sanitizeName(base) };
  if (filename !== void 0) Object.assign(p, { [`${name}.filename`]: filename, [`${name}.filenameNormalized`]: sanitizeName(filename) });
  segments.forEach((s2, i) => {
    if (s2 !== "") p[`${name}[${i}]`] = s2;
  });
  return p;
}
function flattenParams(o, prefix = "") {
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) Object.assign(out, flattenParams(Object.fromEntries(v.map((x, i) => [String(i), x])), `${prefix}${k}.`));
    else if (v !== null && typeof v === "object") Object.assign(out, flattenParams(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = goSprint(v);
  }
  return out;
}
function combineStringMaps(a, b) {
  const out = {};
  for (const [k, v] of Object.entries(a)) out[k] = goSprint(v);
  for (const [k, v] of Object.entries(b)) {
    const text = goSprint(v);
    if (k in out && out[k] !== text) return `found duplicate key ${k} with different value, a: ${String(out[k])} ,b: ${text}`;
    out[k] = text;
  }
  return out;
}
function isMapValue(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v);
}
function mergeOverride(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    if (isMapValue(cur) && isMapValue(v)) out[k] = mergeOverride(cur, v);
    else if (Array.isArray(v) && v.length === 0 && Array.isArray(cur) && cur.length > 0) continue;
    else out[k] = v;
  }
  return out;
}
function fillFrom(into, from) {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k];
    if (isMapValue(cur) && isMapValue(v)) out[k] = fillFrom(cur, v);
    else if (cur === void 0 || cur === null || cur === "" || Array.isArray(cur) && cur.length === 0) out[k] = v;
  }
  return out;
}
function selectorMatches(sel, labels) {
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) if (labels[k] !== String(v)) return false;
  for (const e of arr(sel.matchExpressions).map(obj)) {
    const key = str(e.key) ?? "";
    const values = arr(e.values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return `"${String(e.operator)}" is not a valid label selector operator`;
    }
  }
  return true;
}
function interpolateGenerator(g, params, t) {
  const out = {};
  for (const [kind, spec] of Object.entries(g)) {
    if (!isMapValue(spec) || !isMapValue(spec.values)) {
      out[kind] = renderTemplate(spec, params, t);
      continue;
    }
    const { values, ...rest } = spec;
    const rendered = obj(renderTemplate(rest, params, t));
    const resolved2 = {};
    for (const [k, v] of Object.entries(values)) {
      if (typeof v !== "string") continue;
      try {
        resolved2[k] = replace(v, params, t.goTemplate ? { ...t, options: { ...t.options, missingKey: "error" } } : t);
      } catch (e) {
        if (e instanceof GoTemplateError && /no entry for key|can't evaluate field/.test(e.message)) resolved2[k] = v;
        else throw e;
      }
    }
    out[kind] = { ...rendered, values: resolved2 };
  }
  return out;
}
var TemplateFieldError = class extends Error {
  constructor(path14, message) {
    super(message);
    this.path = path14;
  }
  path;
};
function renderTemplate(tpl, params, t, at2 = []) {
  const one = (text, where) => {
    try {
      return replace(text, params, t);
    } catch (e) {
      if (e instanceof GoTemplateUnsupported || e instanceof TemplateFieldError) throw e;
      throw new TemplateFieldError(where, `${where.length > 0 ? `${where.join(".")}: ` : ""}${e.message}`);
    }
  };
  if (typeof tpl === "string") return one(tpl, at2);
  if (Array.isArray(tpl)) return tpl.map((x, i) => renderTemplate(x, params, t, [...at2, i]));
  if (tpl !== null && typeof tpl === "object") {
    const out = {};
    for (const [k, v] of Object.entries(tpl)) if (v !== null) out[one(k, [...at2, k])] = renderTemplate(v, params, t, [...at2, k]);
    return out;
  }
  return tpl;
}
function replace(text, params, t) {
  if (!text.includes("{{")) return text;
  if (t.goTemplate) return executeGoTemplate(text, params, t.options);
  if (!/\{\{.*\}\}/.test(text)) return text;
  let out = "";
  let i = 0;
  for (; ; ) {
    const open = text.indexOf("{{", i);
    if (open < 0) return out + text.slice(i);
    const close = text.indexOf("}}", open + 2);
    if (close < 0) throw new Error(`invalid template: Cannot find end tag="}}" in the template=${JSON.stringify(text)} starting from ${JSON.stringify(text.slice(open + 2))}`);
    const tag = text.slice(open + 2, close);
    const v = params[tag.trim()];
    out += text.slice(i, open) + (tag.trim() !== "" && typeof v === "string" ? v : `{{${tag}}}`);
    i = close + 2;
  }
}
function applyTemplatePatch(app, text) {
  let patch;
  try {
    patch = parseYaml3(text, { maxAliasCount: 100, version: "1.1" });
  } catch (e) {
    throw new Error(`the rendered patch is not YAML: ${e.message.split("\n")[0]}`);
  }
  if (patch === null || patch === void 0) return app;
  if (typeof patch !== "object" || Array.isArray(patch)) throw new Error("the rendered patch is not a map (invalid templatePatch)");
  for (const k of ["metadata", "spec"]) {
    const v = patch[k];
    if (v !== void 0 && v !== null && !isMapValue(v)) throw new Error(`invalid templatePatch: ${k} is not a map`);
  }
  return obj(strategicMerge(app, patch));
}
function strategicMerge(orig, patch) {
  const directive = patch.$patch;
  if (directive === "delete") return void 0;
  const { $patch: _, ...rest } = patch;
  if (directive === "replace") return rest;
  const out = isMapValue(orig) ? { ...orig } : {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === null) delete out[k];
    else if (isMapValue(v)) {
      const merged = strategicMerge(out[k], v);
      if (merged === void 0) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

// src/render/gitops/discover.ts
var MARKERS = ["toolkit.fluxcd.io", "argoproj.io"];
function isAppCR(o) {
  return isFluxKustomization(o) || isFluxHelmRelease(o) || isArgoApplication(o) || isArgoApplicationSet(o);
}
async function scanApps(ctx, include) {
  const scan2 = { apps: [], unsimulated: [], errors: [] };
  const files = ctx.manifestFiles.filter(include);
  const bodies = await Promise.all(files.map((f) => ctx.text(f)));
  for (let i = 0; i < files.length; i++) {
    const body = bodies[i];
    if (body === void 0 || !MARKERS.some((m) => body.includes(m))) continue;
    const loaded = loadManifests(body, files[i], { yamlVersion: "1.1" });
    for (const o of loaded.objects) add(scan2, await mapObject(ctx, o));
  }
  const seen = /* @__PURE__ */ new Map();
  for (const a of scan2.apps) {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n > 0) a.id = `${a.id}.${a.declared.startLine}`;
  }
  return scan2;
}
async function mapObject(ctx, o) {
  const mapped = isFluxKustomization(o.object) ? [await fluxKustomization(ctx, o)] : isFluxHelmRelease(o.object) ? [await fluxHelmRelease(ctx, o)] : isArgoApplication(o.object) ? await argoApplication(ctx, o) : isArgoApplicationSet(o.object) ? await argoApplicationSet(ctx, o) : [];
  const namespace = metaOf(o.object).namespace;
  if (namespace !== void 0) {
    for (const m of mapped) if ("app" in m) m.app.namespace = namespace;
  }
  return mapped;
}
function add(scan2, mapped) {
  for (const m of mapped) {
    if ("app" in m) scan2.apps.push(m.app);
    else {
      scan2.unsimulated.push(m.unsimulated);
      if ("error" in m) scan2.errors.push(m.error);
    }
  }
}

// src/render/gitops/render.ts
import { existsSync as existsSync4 } from "node:fs";
import { cp as cp2, mkdir as mkdir4, readdir, rm as rm2 } from "node:fs/promises";
import path12 from "node:path";
import { parse as parseYaml4, stringify } from "yaml";
var GENERATED_DIR = ".preadmit-apps";
var generated = 0;
async function renderApp(planned, ctx) {
  const app = planned.root.app;
  let result;
  try {
    if (app.render.type === "kustomize") result = await renderKustomizeApp(planned, app, app.render, ctx);
    else if (app.render.type === "helm") result = await renderHelmApp(planned, app, app.render, ctx);
    else result = await renderDirectoryApp(planned, app, app.render, ctx);
  } catch (e) {
    result = { objects: [], errors: [appError(app, `${appLabel(app)}: ${errorText(e)}`)] };
  }
  return finish(app, result, ctx.defaultNamespace ?? DEFAULT_NAMESPACE);
}
function appError(app, message) {
  return { kind: "render", message, source: { ...app.declared, renderedBy: app.id } };
}
function finish(app, result, clusterNamespace) {
  const via = { app: app.id, ...app.declared };
  const label = appLabel(app);
  const isGenerated = (file) => file.startsWith(`${GENERATED_DIR}/`) || file === GENERATED_DIR;
  const located = (o) => isGenerated(o.source.file) ? { ...app.declared } : { ...o.source };
  const fluxKustomization2 = app.tool === "flux" && app.render.type === "kustomize";
  const namespace = app.defaultNamespace ?? (fluxKustomization2 ? void 0 : clusterNamespace);
  const homeless = new Set(namespace === void 0 ? unplaced(result.objects) : []);
  if (namespace !== void 0) placeInNamespace(result.objects.map((o) => o.object), namespace);
  const objects = result.objects.filter((o) => !homeless.has(o)).map((o) => ({ ...o, source: { ...located(o), renderedBy: app.id, via }, root: app.id }));
  const errors = result.errors.map((e) => {
    const message = e.message.replace(/\.preadmit-apps\/\d+(\/[\w.-]+)?/g, label);
    const src = e.source === void 0 || isGenerated(e.source.file) ? { ...app.declared } : e.source;
    return { ...e, message, source: { ...src, renderedBy: app.id } };
  });
  for (const o of homeless) {
    const at2 = located(o);
    const meta = obj(o.object.metadata);
    errors.push({
      kind: "render",
      message: `${at2.file}:${at2.startLine}: ${String(o.object.kind)} ${String(meta.name ?? "")} names no namespace and ${label} sets no spec.targetNamespace: Flux fails to apply this Kustomization ("namespace not specified"); set metadata.namespace, the kustomization's namespace or spec.targetNamespace`,
      source: { ...at2, renderedBy: app.id }
    });
  }
  return { objects, errors };
}
async function writeGenerated(ctx, rel, body) {
  const full = path12.join(ctx.workDir, rel);
  await mkdir4(path12.dirname(full), { recursive: true });
  await atomicWrite(full, body);
}
async function renderKustomizeApp(planned, app, r, ctx) {
  const own = ctx.kustomizations.get(r.path);
  const asIs = own !== void 0 && buildsPathAsIs(app) && planned.root.kind === "kustomize" && planned.root.path === r.path;
  const asRoot = (p) => ({ ...planned, root: { ...planned.root, kind: "kustomize", path: p } });
  let kustomization;
  if (own === void 0) {
    const resources = await fluxResources(r.path, ctx);
    if (resources.length === 0) return { objects: [], errors: [appError(app, `${appLabel(app)}: ${r.path || "."} holds no Kubernetes manifests`)] };
    kustomization = { resources: resources.map((f) => path12.posix.relative(r.path || ".", f)) };
  } else {
    kustomization = obj(parseYaml4(await ctx.readText(own.file) ?? "", { maxAliasCount: 100 }));
  }
  const merged = mergeAppOptions(kustomization, app.tool, r);
  let result;
  if (asIs) {
    result = await renderKustomize(planned, ctx);
  } else if (merged === kustomization && own !== void 0) {
    result = await renderKustomize(asRoot(r.path), ctx);
  } else {
    const placed = await placeInflatedCharts(asRoot(r.path), ctx);
    if (placed.errors.length > 0) return { objects: [], errors: placed.errors };
    const dir = await copyOfDirectory(ctx, r.path);
    for (const c of r.components ?? []) merged.components.push(path12.posix.relative(dir, c || "."));
    for (const name of KUSTOMIZATION_FILE_NAMES) await rm2(path12.join(ctx.workDir, dir, name), { force: true });
    await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify(merged));
    result = await renderKustomize(asRoot(dir), ctx, { dir, repoDir: r.path, file: own?.file ?? GENERATED_DIR });
  }
  if (app.tool === "flux" && (r.labels !== void 0 || r.annotations !== void 0)) {
    for (const o of result.objects) {
      const meta = obj(o.object.metadata);
      o.object.metadata = {
        ...meta,
        ...r.labels !== void 0 ? { labels: { ...obj(meta.labels), ...r.labels } } : {},
        ...r.annotations !== void 0 ? { annotations: { ...obj(meta.annotations), ...r.annotations } } : {}
      };
    }
  }
  if (r.substitute === void 0) return result;
  return substituteAll(app, r.substitute, result);
}
function mergeAppOptions(k, tool, r) {
  if (kustomizeOptions(tool, r).every((o) => o === void 0)) return k;
  const annotations = tool === "argocd" ? r.annotations : void 0;
  const out = { ...k };
  if (r.namespace !== void 0) out.namespace = r.namespace;
  if (r.namePrefix !== void 0) out.namePrefix = r.namePrefix;
  if (r.nameSuffix !== void 0) out.nameSuffix = r.nameSuffix;
  if (r.patches !== void 0) out.patches = [...arr(k.patches), ...r.patches];
  out.components = [...arr(k.components)];
  if (r.images !== void 0) {
    const images = arr(k.images).map((i) => ({ ...obj(i) }));
    for (const image of r.images.map(obj)) {
      const existing = images.find((i) => i.name === image.name);
      if (existing === void 0) {
        images.push(image);
        continue;
      }
      if (typeof image.newName === "string" && image.newName !== "") existing.newName = image.newName;
      if (typeof image.newTag === "string" && image.newTag !== "" || typeof image.digest === "string" && image.digest !== "") {
        delete existing.newTag;
        delete existing.digest;
        if (image.newTag !== void 0) existing.newTag = image.newTag;
        if (image.digest !== void 0) existing.digest = image.digest;
      }
    }
    out.images = images;
  }
  if (r.commonLabels !== void 0) out.commonLabels = { ...obj(k.commonLabels), ...r.commonLabels };
  if (annotations !== void 0) out.commonAnnotations = { ...obj(k.commonAnnotations), ...annotations };
  return out;
}
async function copyOfDirectory(ctx, dir) {
  const n = ++generated;
  if (dir === "") {
    const copy2 = `${GENERATED_DIR}/${n}/tree`;
    await mkdir4(path12.join(ctx.workDir, copy2), { recursive: true });
    for (const entry of await readdir(ctx.workDir)) {
      if (entry === GENERATED_DIR || entry.startsWith(".preadmit-")) continue;
      await cp2(path12.join(ctx.workDir, entry), path12.join(ctx.workDir, copy2, entry), { recursive: true, verbatimSymlinks: true });
    }
    return copy2;
  }
  const copy = `${dirOf(dir) === "" ? "" : `${dirOf(dir)}/`}.preadmit-app-${n}`;
  const from = path12.join(ctx.workDir, dir);
  if (existsSync4(from)) await cp2(from, path12.join(ctx.workDir, copy), { recursive: true, verbatimSymlinks: true, filter: (src) => !path12.basename(src).startsWith(".preadmit-app-") });
  else await mkdir4(path12.join(ctx.workDir, copy), { recursive: true });
  return copy;
}
async function fluxResources(dir, ctx) {
  const out = [];
  const kustomized = [...ctx.kustomizations.keys()].filter((d) => d !== dir && isUnder(d, dir));
  const outermost = kustomized.filter((d) => !kustomized.some((o) => o !== d && isUnder(d, o)));
  out.push(...outermost);
  for (const f of [...ctx.tree.files].sort()) {
    if (!isUnder(f, dir) || !isManifestFile(f) || isKustomizationFile(f) || outermost.some((d) => isUnder(f, d))) continue;
    const body = await ctx.readText(f);
    const found = body === void 0 ? false : holdsKubernetesObjects(body, f);
    if (found !== false) out.push(f);
  }
  return out;
}
function substituteAll(app, vars, result) {
  const errors = [...result.errors];
  const objects = [];
  for (const o of result.objects) {
    if (substitutionDisabled(o.object)) {
      objects.push(o);
      continue;
    }
    const text = stringify(o.object, { lineWidth: 0 });
    if (!text.includes("${")) {
      objects.push(o);
      continue;
    }
    try {
      const loaded = loadManifests(envsubst(text, vars), `${o.source.file} after substitution`, { yamlVersion: "1.1" });
      if (loaded.errors.length > 0 || loaded.objects.length !== 1) throw new SubstitutionError(loaded.errors[0]?.message ?? "not one object after substitution");
      objects.push({ ...o, object: loaded.objects[0].object });
    } catch (e) {
      errors.push({ kind: "render", message: `${o.source.file}:${o.source.startLine}: post-build substitution of ${appLabel(app)}: ${errorText(e)}`, source: o.source });
    }
  }
  return { objects, errors };
}
async function renderHelmApp(planned, app, r, ctx) {
  let valuesFiles = [...r.valuesFiles];
  let chart = r.chart;
  if (r.remote !== void 0) {
    const fetched = await fetchRemoteChart(app, r.remote, ctx);
    if ("error" in fetched) return { objects: [], errors: [fetched.error] };
    chart = fetched.chart;
    valuesFiles = fetched.valuesFiles;
  }
  if (r.values !== void 0) {
    const file = `${GENERATED_DIR}/${++generated}/values.yaml`;
    await writeGenerated(ctx, file, JSON.stringify(r.values));
    valuesFiles.push(file);
  }
  const root = { ...planned.root, kind: "helm", path: chart, release: r.release, namespace: r.namespace, valuesFiles };
  const result = await renderHelm({ ...planned, root }, ctx);
  if (r.postRender === void 0 || result.objects.length === 0) return result;
  return postRender(planned, app, r.postRender, result, ctx);
}
async function fetchRemoteChart(app, remote, ctx) {
  const at2 = remote.declaredAt;
  const refuse = (why) => ({ error: { kind: "render", message: `${at2.file}:${at2.startLine}: ${appLabel(app)}: chart ${remote.chart} ${remote.version} from ${remote.repoUrl}: ${why}`, source: { ...at2 } } });
  if (ctx.charts === void 0) return refuse(`remote chart repository not allowed: ${remote.repoUrl}`);
  const got = await resolveRemoteChart(
    { repoUrl: remote.repoUrl, chart: remote.chart, version: remote.version, ...remote.digest !== void 0 ? { digest: remote.digest } : {}, declaredAt: at2 },
    { allow: ctx.charts.allow, cacheDir: ctx.charts.cacheDir, ...ctx.charts.signal !== void 0 ? { signal: ctx.charts.signal } : {} }
  );
  if (!got.ok) return refuse(got.reason);
  const chart = `${GENERATED_DIR}/${++generated}/${remote.chart}`;
  await cp2(got.dir, path12.join(ctx.workDir, chart), { recursive: true, errorOnExist: false, verbatimSymlinks: true });
  const valuesFiles = [];
  for (const f of remote.valuesFiles) {
    if (!f.inChart) {
      valuesFiles.push(f.file);
      continue;
    }
    const file = `${chart}/${f.file}`;
    if (!existsSync4(path12.join(ctx.workDir, file))) {
      if (f.optional === true) continue;
      return refuse(`values file '${f.file}' is not in chart ${remote.chart} ${got.version}`);
    }
    valuesFiles.push(file);
  }
  return { chart, valuesFiles };
}
async function postRender(planned, app, post, rendered, ctx) {
  const dir = `${GENERATED_DIR}/${++generated}`;
  await writeGenerated(ctx, `${dir}/rendered.yaml`, rendered.objects.map((o) => JSON.stringify(o.object)).join("\n---\n"));
  await writeGenerated(ctx, `${dir}/kustomization.yaml`, JSON.stringify({ resources: ["rendered.yaml"], patches: post.patches, images: post.images }));
  const result = await renderKustomize({ ...planned, root: { ...planned.root, kind: "kustomize", path: dir } }, ctx);
  const key = (o) => `${String(o.kind)}/${String(obj(o.metadata).name)}`;
  const sources = new Map(rendered.objects.map((o) => [key(o.object), o.source]));
  return {
    objects: result.objects.map((o) => ({ ...o, source: sources.get(key(o.object)) ?? o.source })),
    errors: [...rendered.errors, ...result.errors]
  };
}
async function renderDirectoryApp(_planned, app, r, ctx) {
  const objects = [];
  const errors = [];
  for (const f of directoryFiles(r, ctx.tree.files)) {
    const body = await ctx.readText(f);
    if (body === void 0) continue;
    const loaded = loadManifests(body, f, { yamlVersion: "1.1" });
    errors.push(...loaded.errors);
    for (const o of loaded.objects) if (typeof o.object.kind === "string" && typeof o.object.apiVersion === "string") objects.push({ ...o, root: app.id });
  }
  return { objects, errors };
}
function directoryFiles(r, files) {
  const globs = (s2) => s2 === void 0 || s2 === "" ? [] : (s2.startsWith("{") && s2.endsWith("}") ? s2.slice(1, -1).split(",") : [s2]).map((g) => globToRegExp(g.trim()));
  const include = globs(r.include);
  const exclude = globs(r.exclude);
  const out = [];
  for (const f of files) {
    if (!isUnder(f, r.path) || f === r.path || !/\.(ya?ml|json)$/i.test(f)) continue;
    if (!r.recurse && dirOf(f) !== r.path) continue;
    const rel = r.path === "" ? f : f.slice(r.path.length + 1);
    const name = path12.posix.basename(f);
    const matches = (g) => g.some((re) => re.test(rel) || re.test(name));
    if (include.length > 0 && !matches(include)) continue;
    if (matches(exclude)) continue;
    out.push(f);
  }
  return out.sort();
}

// src/render/plan.ts
function rootId(root) {
  if (root.app !== void 0) return root.app.id;
  return root.kind === "helm" ? `helm:${root.path}#${root.release ?? ""}` : `${root.kind}:${root.path}`;
}
async function planRepo(text, files, options) {
  const tree = repoTree(files);
  const errors = [];
  const kustomizations = /* @__PURE__ */ new Map();
  const kustomizationFiles = files.filter(isKustomizationFile);
  const kustomizationTexts = await Promise.all(kustomizationFiles.map(text));
  kustomizationFiles.forEach((file, i) => {
    const dir = dirOf(file);
    if (!kustomizations.has(dir)) kustomizations.set(dir, parseKustomization(kustomizationTexts[i] ?? "", file));
  });
  const charts = /* @__PURE__ */ new Map();
  const chartFiles = files.filter(isChartFile);
  const requirementsOf = (dir) => dir === "" ? "requirements.yaml" : `${dir}/requirements.yaml`;
  const chartTexts = await Promise.all(
    chartFiles.map(async (file) => {
      const req = requirementsOf(dirOf(file));
      const dir = dirOf(file);
      const lock = [dir === "" ? "Chart.lock" : `${dir}/Chart.lock`, dir === "" ? "requirements.lock" : `${dir}/requirements.lock`].find((f) => tree.files.has(f));
      return [await text(file), tree.files.has(req) ? await text(req) : void 0, lock === void 0 ? void 0 : await text(lock)];
    })
  );
  chartFiles.forEach((file, i) => {
    const [chartYaml, requirements, lock] = chartTexts[i];
    charts.set(dirOf(file), parseChart(dirOf(file), chartYaml ?? "", requirements, lock));
  });
  const chartAllow = chartAllowList(void 0, options.charts?.repositories).allow;
  const excluded = (options.exclude ?? []).map(globToRegExp);
  const changedSet = options.changed !== void 0 ? new Set(changedPaths(options.changed)) : void 0;
  const within2 = (dir) => withinPaths(dir, options.paths);
  const roles = chartRoles(charts, { within: within2, configured: Object.keys(releasesByChart(options)), inflated: inflatedChartDirs(kustomizations, tree) });
  let plainCandidates = /* @__PURE__ */ new Set();
  let roots;
  let apps = [];
  let unsimulated = [];
  let appRoots = [];
  const appParents = /* @__PURE__ */ new Map();
  let appScan;
  if (options.roots !== void 0) {
    roots = options.roots.map((r) => ({ ...r, path: r.path.replace(/^\.\/?/, "").replace(/\/+$/, "") }));
  } else {
    const discovery = { tree, kustomizations, charts, roles, helmReleases: releasesByChart(options), excluded, within: within2 };
    const claimed = { dirs: [], files: /* @__PURE__ */ new Set() };
    for (const r of renderers()) {
      const c = r.claims?.(discovery);
      claimed.dirs.push(...c?.dirs ?? []);
      for (const f of c?.files ?? []) claimed.files.add(f);
    }
    const found = renderers().flatMap((r) => r.discover(discovery, claimed));
    plainCandidates = new Set(found.filter((r) => r.kind === "plain").map((r) => r.path));
    let discoveredRoots = found.sort((a, b) => rootId(a).localeCompare(rootId(b)));
    if (options.gitops?.enabled !== false) {
      const scanCtx = {
        tree,
        kustomizations,
        charts,
        text,
        repoURLs: options.gitops?.repoURLs ?? [],
        manifestFiles: manifestFiles(tree, charts),
        chartAllow,
        ...options.defaultNamespace !== void 0 ? { defaultNamespace: options.defaultNamespace } : {}
      };
      appScan = { ...scanCtx, manifestFiles: scanCtx.manifestFiles.filter(within2) };
      const scanned = /* @__PURE__ */ new Set();
      const deployedBy = /* @__PURE__ */ new Map();
      let pending = [{ ctx: scanCtx, include: (f) => within2(f) && !matchesAny(f, excluded) }];
      while (pending.length > 0) {
        const next = [];
        for (const { ctx, include } of pending) {
          const scan2 = await scanApps(ctx, (f) => !scanned.has(f) && include(f));
          for (const f of ctx.manifestFiles) if (include(f)) scanned.add(f);
          apps.push(...scan2.apps);
          unsimulated.push(...scan2.unsimulated);
          errors.push(...scan2.errors);
          for (const a of scan2.apps) {
            if (a.render.type === "helm") continue;
            const p = await planApp({ kind: "plain", path: a.render.path, app: a }, a, tree, kustomizations, charts, text, chartAllow);
            const deployed = new Set(deployedFiles(p).filter((f) => !matchesAny(f, excluded)));
            deployedBy.set(a.id, deployed);
            if ([...deployed].some((f) => !scanned.has(f))) next.push({ ctx: { ...scanCtx, manifestFiles: [.../* @__PURE__ */ new Set([...deployed, ...scanCtx.manifestFiles.filter(within2)])] }, include: (f) => deployed.has(f) });
          }
        }
        pending = next;
      }
      for (const c of apps) {
        const parents = apps.filter((p) => p.id !== c.id && deployedBy.get(p.id)?.has(c.declared.file) === true).map((p) => p.id);
        if (parents.length > 0) appParents.set(c.id, parents);
      }
      discoveredRoots = discoveredRoots.filter((r) => !apps.some((a) => claims(a, r)));
      plainCandidates = new Set([...plainCandidates].filter((f) => !apps.some((a) => claims(a, { kind: "plain", path: f }))));
      appRoots = apps.map(appRoot);
    }
    const inPaths = discoveredRoots.filter((r) => within2(r.path));
    const kept = new Set((await Promise.all(renderers().map((r) => {
      const ofKind = inPaths.filter((root) => root.kind === r.kind);
      return r.select === void 0 ? ofKind : r.select(ofKind, changedSet, text);
    }))).flat());
    roots = inPaths.filter((r) => kept.has(r));
  }
  roots.push(...appRoots);
  const planned = [];
  for (const root of roots) {
    if (root.app !== void 0) planned.push(await planApp(root, root.app, tree, kustomizations, charts, text, chartAllow));
    else planned.push(await rendererOf(root.kind).plan(root, { tree, kustomizations, charts, text, chartAllow }));
  }
  return { roots: planned, errors, tree, kustomizations, charts, chartRoles: roles, plainCandidates, apps, unsimulated, appParents, ...appScan !== void 0 ? { scan: appScan } : {} };
}
function releasesByChart(options) {
  const out = {};
  for (const [chart, valuesFiles] of Object.entries(options.helmValues ?? {})) {
    const dir = resolveInRepo("", chart) ?? chart;
    out[dir] = [{ release: defaultReleaseName(dir, void 0), valuesFiles }];
  }
  for (const [chart, releases2] of Object.entries(options.helmReleases ?? {})) out[resolveInRepo("", chart) ?? chart] = releases2;
  return out;
}
function withinPaths(file, paths) {
  if (paths === void 0) return true;
  return paths.some((p) => {
    const dir = resolveInRepo("", p);
    return dir !== void 0 && isUnder(file, dir);
  });
}
function claims(app, root) {
  const r = app.render;
  if (r.type === "helm") return r.remote === void 0 && root.kind === "helm" && root.path === r.chart;
  if (r.type === "directory") return root.kind === "plain" && directoryFiles(r, [root.path]).length > 0;
  return isUnder(root.path, r.path);
}
function appRoot(a) {
  return { kind: a.render.type === "helm" ? "helm" : a.render.type === "directory" ? "plain" : "kustomize", path: a.render.type === "helm" ? a.render.chart : a.render.path, app: a };
}
function planFoundApp(plan, app, text) {
  return planApp(appRoot(app), app, plan.tree, plan.kustomizations, plan.charts, text, plan.scan?.chartAllow ?? { entries: [] });
}
function deployedFiles(p) {
  return [...p.appRenders ?? [], ...p.reach?.resources ?? []];
}
async function planApp(root, app, tree, index, charts, text, chartAllow) {
  const r = app.render;
  let planned;
  const below = (dir) => [...tree.files].filter((f) => isUnder(f, dir));
  if (r.type === "helm" && r.remote !== void 0) {
    planned = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set(), materialize: [...r.valuesFiles], problems: [] };
  } else if (r.type === "helm") {
    planned = planHelm({ ...root, kind: "helm", path: r.chart, release: r.release, valuesFiles: r.valuesFiles }, { tree, charts, chartAllow });
    planned.root = root;
  } else if (r.type === "kustomize" && index.has(r.path)) {
    planned = await planKustomize({ ...root, path: r.path }, { tree, kustomizations: index, text });
    planned.root = root;
  } else {
    planned = { root, deps: /* @__PURE__ */ new Set(), prefixes: /* @__PURE__ */ new Set([r.path]), materialize: below(r.path), problems: [], appRenders: /* @__PURE__ */ new Set() };
    if (r.type === "directory") {
      for (const f of directoryFiles(r, tree.files)) planned.appRenders.add(f);
    } else {
      for (const dir of index.keys()) {
        if (dir === r.path || !isUnder(dir, r.path)) continue;
        const reach = reachOf(dir, tree, index);
        for (const d of reach.deps) planned.deps.add(d);
        for (const p of reach.prefixes) planned.prefixes.add(p);
        for (const f of reach.resources) planned.appRenders.add(f);
        planned.problems.push(...await reachProblems(reach, text));
        planned.materialize.push(...filesToMaterialize(reach, tree));
      }
      for (const f of below(r.path)) if (isManifestFile(f) && !isKustomizationFile(f)) planned.appRenders.add(f);
    }
  }
  for (const c of r.type === "kustomize" ? r.components ?? [] : []) {
    const reach = reachOf(c, tree, index);
    for (const d of reach.deps) planned.deps.add(d);
    for (const p of reach.prefixes) planned.prefixes.add(p);
    planned.problems.push(...await reachProblems(reach, text));
    planned.materialize.push(...filesToMaterialize(reach, tree));
  }
  for (const d of app.deps) planned.deps.add(d);
  planned.materialize = [...new Set(planned.materialize)];
  return planned;
}

// src/render/context.ts
function renderError(planned, message, source) {
  return { kind: "render", message, source: { ...source, renderedBy: rootId(planned.root) } };
}
async function runRenderer(ctx, label, command, args, extra) {
  const r = await runRendererRaw(ctx, label, command, args, extra);
  if ("failure" in r) return r;
  const failure = failureOf(label, r.run, r.limits);
  return failure === void 0 ? { stdout: r.run.stdout } : { failure: repoRelativeMessage(failure, ctx) };
}
async function runRendererRaw(ctx, label, command, args, extra) {
  const left = ctx.budget.deadline - Date.now();
  if (left <= 0) return { failure: `${label} not run: ${budgetSpent(ctx.budget)}` };
  const timeoutMs = Math.min(ctx.timeoutMs, left);
  const limits = {
    timeoutMs,
    maxOutputBytes: ctx.maxOutputBytes,
    memoryBytes: ctx.memoryBytes,
    ...timeoutMs < ctx.timeoutMs ? { timeLimit: `ran past the ${BUDGET} (${ctx.budget.ms} ms for the whole check)` } : {}
  };
  const run = await runSandboxed(command, args, {
    ...extra,
    ...limits,
    jail: ctx.jailed ? { readOnly: [ctx.scratchDir] } : false,
    isolateNetwork: ctx.isolateNetwork,
    scratchDir: ctx.scratchDir,
    ...ctx.budget.signal !== void 0 ? { signal: ctx.budget.signal } : {}
  });
  return { run, limits };
}
var BUDGET = "render time budget";
function budgetSpent(budget) {
  return `the ${BUDGET} (${budget.ms} ms for the whole check) was spent: not rendered, the check fails closed`;
}
function isBudgetFailure(message) {
  return message.includes(BUDGET);
}
function repoRelativeMessage(message, ctx) {
  return message.split(ctx.workDir + "/").join("").split(ctx.workDir).join(".").split(ctx.scratchDir + "/").join("").split(ctx.scratchDir).join(".");
}

// src/render/gitops/deploy.ts
var MAX_APP_DEPTH = 12;
var MAX_DEPLOYED_APPS = 2e3;
function keyOf(app, namespace) {
  return `${app.tool}|${app.kind}|${namespace ?? ""}|${app.name}`;
}
function namespaceOf(o) {
  return str(obj(o.metadata).namespace);
}
async function deployApps(input) {
  const out = { results: [], roots: [], apps: [], unsimulated: [], errors: [], superseded: [] };
  const raw = new Map(input.roots.map((p) => [p.root.app.id, p]));
  const staticParents = (id) => (input.parents.get(id) ?? []).filter((x) => x !== id && raw.has(x));
  const byKey = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Map();
  const ids = /* @__PURE__ */ new Set();
  const rawNode = (p) => {
    const app = p.root.app;
    const node = { planned: p, app, selected: input.selected(p), depth: 0 };
    taken.set(app.id, node);
    ids.add(app.id);
    const key = keyOf(app, app.namespace);
    if (!byKey.has(key)) byKey.set(key, node);
    return node;
  };
  const ancestors = (n) => n === void 0 ? [] : [n, ...ancestors(n.parent)];
  const transforming = (n) => ancestors(n).some((a) => input.transforms(a.planned));
  const rawMatch = (app) => {
    const same = [...raw.values()].filter((p) => {
      const r = p.root.app;
      return r.tool === app.tool && r.kind === app.kind && r.declared.file === app.declared.file;
    });
    return same.find((p) => p.root.app.name === app.name) ?? same.find((p) => p.root.app.declared.startLine === app.declared.startLine);
  };
  const note = (app, reason) => {
    out.unsimulated.push({ tool: app.tool, kind: app.kind, name: app.name, declared: { ...app.declared }, reason, deps: [app.declared.file] });
  };
  const how = (n) => n.parent !== void 0 ? `as ${appLabel(n.parent.app)} deploys it` : `as ${n.app.declared.file}:${n.app.declared.startLine} declares it`;
  const worthRendering = async (n) => {
    if (n.depth >= MAX_APP_DEPTH) return false;
    if (await input.mayDeploy(n.planned)) return true;
    for (const p of input.roots) {
      if (taken.has(p.root.app.id) || !input.deploysFile(n.planned, p.root.app.declared.file)) continue;
      if (input.selected(p) || await input.mayDeploy(p)) return true;
    }
    return false;
  };
  let derived = 0;
  const parentless = input.roots.filter((p) => staticParents(p.root.app.id).length === 0);
  const templating = (await Promise.all(input.roots.map(async (p) => await input.templates(p) ? p.root.app.id : void 0))).filter((x) => x !== void 0);
  const first = /* @__PURE__ */ new Set();
  for (let queue = [...templating]; queue.length > 0; ) {
    const id = queue.shift();
    if (first.has(id)) continue;
    first.add(id);
    queue.push(...staticParents(id));
  }
  let deferred = templating.length === 0 ? [] : parentless.filter((p) => !first.has(p.root.app.id));
  let wave = (templating.length === 0 ? parentless : parentless.filter((p) => first.has(p.root.app.id))).map(rawNode);
  while (true) {
    if (wave.length === 0) {
      wave = deferred.filter((p) => !taken.has(p.root.app.id)).map(rawNode);
      deferred = [];
    }
    if (wave.length === 0) {
      wave = input.roots.filter((p) => !taken.has(p.root.app.id)).map(rawNode);
      if (wave.length === 0) break;
    }
    const render = [];
    for (const n of wave) {
      out.apps.push(n.app);
      if (n.planned.problems.length > 0) {
        if (n.selected) {
          out.roots.push(n.planned);
          out.errors.push(...n.planned.problems.map((e) => ({ ...e, source: { ...e.source ?? { ...n.app.declared }, renderedBy: n.app.id } })));
        }
        continue;
      }
      if (n.selected || await worthRendering(n)) render.push(n);
    }
    const results = await input.render(render.map((n) => n.planned));
    const next = [];
    for (let i = 0; i < render.length; i++) {
      const node = render[i];
      const result = results[i];
      if (node.selected) {
        out.results.push(result);
        out.roots.push(node.planned);
      }
      for (const cr of result.objects) {
        if (!isAppCR(cr.object)) continue;
        const mapped = await input.map(node.planned, result.objects, cr);
        for (const m of mapped) {
          const app = "app" in m ? m.app : m.unsimulated;
          const key = keyOf(app, namespaceOf(cr.object));
          const match = rawMatch(app);
          const prior = byKey.get(key) ?? (match !== void 0 ? taken.get(match.root.app.id) : void 0);
          if (prior === node) continue;
          if (prior !== void 0) {
            if (match !== void 0 && !taken.has(match.root.app.id)) taken.set(match.root.app.id, prior);
            const cycle = ancestors(node).includes(prior);
            note(app, cycle ? `deployed by ${appLabel(node.app)}, which it deploys itself (a cycle): simulated once, ${how(prior)}` : `also deployed by ${appLabel(node.app)}: simulated once, ${how(prior)} (the tool applies both; the last applied wins)`);
            continue;
          }
          if (node.depth + 1 > MAX_APP_DEPTH || derived >= MAX_DEPLOYED_APPS) {
            note(app, node.depth + 1 > MAX_APP_DEPTH ? `deployed by ${appLabel(node.app)} deeper than ${MAX_APP_DEPTH} levels of app of apps: not followed` : `deployed by ${appLabel(node.app)} after ${MAX_DEPLOYED_APPS} apps taken from rendered output: not followed`);
            if (match !== void 0 && !taken.has(match.root.app.id)) taken.set(match.root.app.id, node);
            continue;
          }
          derived++;
          if (match !== void 0) {
            const r = match.root.app;
            out.superseded.push({ tool: r.tool, kind: r.kind, name: r.name, declared: r.declared });
          }
          if (!("app" in m)) {
            out.unsimulated.push(m.unsimulated);
            if ("error" in m && node.selected) out.errors.push({ ...m.error, source: { ...m.error.source, renderedBy: node.app.id } });
            if (match !== void 0) taken.set(match.root.app.id, node);
            byKey.set(key, node);
            continue;
          }
          const child2 = m.app;
          child2.deployedBy = node.app.id;
          if (match !== void 0) child2.id = match.root.app.id;
          else {
            const id = child2.id;
            for (let k = 2; ids.has(child2.id); k++) child2.id = `${id}.${k}`;
          }
          ids.add(child2.id);
          const planned = await input.plan(child2);
          const selected = input.selected(planned) || match !== void 0 && input.selected(match) || transforming(node);
          const n = { planned, app: child2, selected, parent: node, depth: node.depth + 1 };
          byKey.set(key, n);
          if (match !== void 0) taken.set(match.root.app.id, n);
          next.push(n);
        }
      }
    }
    wave = next;
  }
  return out;
}

// src/render/render-ref.ts
function rendersJailed(options) {
  return options.sandbox !== "unsafe-none" || process.env.NODE_ENV === "production";
}
async function renderRef(source, ref, options = {}) {
  const budget = options.budget ?? renderBudget(options.budgetMs);
  throwIfAborted(budget.signal);
  const jailed = rendersJailed(options);
  const failClosed = [];
  const sha = await source.resolve(ref);
  const files = await source.listFiles(sha);
  const cache = /* @__PURE__ */ new Map();
  let materialized = /* @__PURE__ */ new Set();
  let workDir = "";
  const readText = (file) => {
    let text = cache.get(file);
    if (text === void 0) {
      text = materialized.has(file) ? readFile2(path13.join(workDir, file), "utf8") : source.readFile(sha, file).then((b) => b?.toString("utf8"));
      cache.set(file, text);
    }
    return text;
  };
  const plan = await planRepo(readText, files, options);
  const paths = options.changed !== void 0 ? changedPaths(options.changed) : void 0;
  const isSelected = (p) => paths === void 0 || isAffected(p, paths);
  const appRoots = plan.roots.filter((p) => p.root.app !== void 0);
  const selected = plan.roots.filter((p) => p.root.app === void 0 && isSelected(p));
  const errors = [...plan.errors];
  for (const p of selected) errors.push(...p.problems.map((e) => withRoot(e, p)));
  let runnable = selected.filter((p) => p.problems.length === 0);
  let apps = appRoots;
  const support = jailed && (runnable.some(runsTool) || apps.length > 0) ? await jailSupport() : void 0;
  if (support !== void 0 && !support.ok) {
    failClosed.push(`kustomize and helm roots not rendered: ${support.reason}`);
    for (const p of [...runnable.filter(runsTool), ...apps.filter(isSelected)]) {
      errors.push(notRendered(p, `not rendered: the renderer jail cannot be made (${support.reason}); preadmit never runs kustomize or helm on repository content outside it`));
    }
    runnable = runnable.filter((p) => !runsTool(p));
    apps = [];
  }
  const scratchDir = await mkdtemp2(path13.join(os3.tmpdir(), "preadmit-render-"));
  workDir = path13.join(scratchDir, "repo");
  await mkdir5(workDir, { recursive: true });
  const objects = [];
  const roots = selected.map((p) => p.root);
  let deployed;
  let budgetNoted = false;
  const charts = {
    allow: chartAllowList(void 0, options.charts?.repositories).allow,
    cacheDir: options.charts?.cacheDir ?? defaultCacheDir(),
    ...budget.signal !== void 0 ? { signal: budget.signal } : {}
  };
  const defaultNamespace = options.defaultNamespace ?? DEFAULT_NAMESPACE;
  const settings = JSON.stringify([options.kubeVersion ?? "", options.apiVersions ?? [], charts.allow.entries, defaultNamespace]);
  const renderBatch = async (batch) => {
    const keys = await Promise.all(batch.map((p) => renderKey(p, readText, jailed, settings)));
    const onDisk = await Promise.all(batch.map((_, i) => renderCache.has(keys[i]) ? void 0 : readCachedRender(keys[i])));
    const pending = [];
    const out = batch.map((p, i) => {
      const key = keys[i];
      const disk = onDisk[i];
      if (disk) renderCache.set(key, Promise.resolve(disk));
      const hit = renderCache.get(key);
      countCacheLookup("render", hit !== void 0);
      if (hit) return hit;
      pending.push(p);
      return Promise.resolve({ objects: [], errors: [] });
    });
    const needed = [...new Set(pending.filter((p) => runsTool(p) || p.root.app !== void 0).flatMap((p) => p.materialize))].filter((f) => !materialized.has(f));
    if (needed.length > 0) {
      await source.materialize(sha, needed, workDir);
      materialized = /* @__PURE__ */ new Set([...materialized, ...needed]);
    }
    await Promise.all(pending.filter((p) => !runsTool(p) && p.root.app === void 0).map((p) => readText(p.root.path)));
    const ctx = {
      readText,
      tree: plan.tree,
      kustomizations: plan.kustomizations,
      workDir,
      scratchDir,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      memoryBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
      budget,
      jailed,
      isolateNetwork: options.isolateNetwork ?? true,
      roots: pending,
      concurrency: options.concurrency ?? os3.availableParallelism(),
      charts,
      ...options.kubeVersion !== void 0 ? { kubeVersion: options.kubeVersion } : {},
      ...options.apiVersions !== void 0 ? { apiVersions: options.apiVersions } : {},
      defaultNamespace
    };
    const keyOf2 = new Map(batch.map((p, i) => [p, keys[i]]));
    const fresh = await inPool(pending, ctx.concurrency, async (p) => {
      throwIfAborted(budget.signal);
      if (runsTool(p) && Date.now() >= budget.deadline) {
        if (!budgetNoted) failClosed.push(budgetSpent(budget));
        budgetNoted = true;
        return { objects: [], errors: [notRendered(p, budgetSpent(budget))] };
      }
      const work = (async () => {
        let r;
        try {
          r = await (p.root.app !== void 0 ? renderApp : rendererOf(p.root.kind).render)(p, ctx);
          if (p.root.app === void 0) placeInNamespace(r.objects.map((o) => o.object), defaultNamespace);
        } catch (e) {
          r = { objects: [], errors: [notRendered(p, errorText(e))] };
        }
        if (budget.signal?.aborted) cancelledRenders.add(r);
        return r;
      })();
      if (jailed) remember(keyOf2.get(p), work);
      return work;
    });
    throwIfAborted(budget.signal);
    const freshOf = new Map(pending.map((p, i) => [p, fresh[i]]));
    const results = await Promise.all(out.map((r, i) => freshOf.get(batch[i]) ?? r));
    throwIfAborted(budget.signal);
    const again = batch.filter((_, i) => cancelledRenders.has(results[i]));
    if (again.length === 0) return results;
    const redone = new Map((await renderBatch(again)).map((r, i) => [again[i], r]));
    return results.map((r, i) => redone.get(batch[i]) ?? r);
  };
  try {
    const scan2 = plan.scan;
    const templates = templatingApps(readText);
    const needed = appsWorthDeriving(apps, plan.appParents, isSelected, templates);
    const deploys = /* @__PURE__ */ new WeakMap();
    const [plainResults, appsOut] = await Promise.all([
      renderBatch(runnable),
      apps.length === 0 || scan2 === void 0 ? void 0 : deployApps({
        roots: apps,
        parents: plan.appParents,
        selected: isSelected,
        transforms: (p) => paths === void 0 || paths.includes(p.root.app.declared.file) || paths.some((x) => !isResourceOf(p, x) && isAffected(p, [x])),
        render: renderBatch,
        plan: (app) => planFoundApp(plan, app, readText),
        map: (parent, deployedObjects, cr) => mapObject({ ...scan2, manifestFiles: [.../* @__PURE__ */ new Set([...deployedFiles(parent), ...scan2.manifestFiles])], objects: deployedObjects }, cr),
        mayDeploy: needed,
        templates,
        deploysFile: (p, file) => {
          let files2 = deploys.get(p);
          if (files2 === void 0) deploys.set(p, files2 = new Set(deployedFiles(p)));
          return files2.has(file);
        }
      })
    ]);
    deployed = appsOut;
    const found = (deployed?.apps ?? []).filter((a) => !plan.apps.some((p) => p.id === a.id));
    const claimed = new Set(runnable.filter((p) => found.some((a) => claims(a, p.root))).map((p) => rootId(p.root)));
    const results = [...plainResults.filter((_, i) => !claimed.has(rootId(runnable[i].root))), ...deployed?.results ?? []];
    if (claimed.size > 0) roots.splice(0, roots.length, ...roots.filter((r) => !claimed.has(rootId(r))));
    if (deployed !== void 0) {
      roots.push(...deployed.roots.map((p) => p.root));
      errors.push(...deployed.errors);
    } else {
      roots.push(...appRoots.filter(isSelected).map((p) => p.root));
    }
    if (!budgetNoted && Date.now() >= budget.deadline && results.some((r) => r.errors.some((e) => isBudgetFailure(e.message)))) {
      failClosed.push(budgetSpent(budget));
    }
    for (const r of results) {
      objects.push(...r.objects);
      errors.push(...r.errors);
    }
  } finally {
    await rm3(scratchDir, { recursive: true, force: true });
  }
  const gitops = deployedApps(plan, deployed);
  const secrets = secretValues(objects.map((o) => o.object));
  const redacted = secrets.size === 0 ? errors : errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) }));
  const kept = gitops.superseded.length === 0 ? redacted : redacted.filter((e) => !gitops.superseded.some((d) => e.source?.renderedBy === void 0 && e.source?.file === d.file && e.source.startLine >= d.startLine && e.source.startLine <= d.endLine));
  return { objects: capObjectsPerRef(sortObjects(objects), kept), errors: kept, roots, failClosed, jailed, apps: gitops.apps, unsimulated: gitops.unsimulated };
}
function templatingApps(readText) {
  const templating = /* @__PURE__ */ new Map();
  return (p) => {
    const app = p.root.app;
    if (app.render.type !== "helm") return Promise.resolve(false);
    if (app.render.remote !== void 0) return Promise.resolve(true);
    let t = templating.get(app.id);
    if (t === void 0) {
      t = Promise.all(p.materialize.map(readText)).then((texts) => texts.some((x) => x !== void 0 && MARKERS.some((m) => x.includes(m))));
      templating.set(app.id, t);
    }
    return t;
  };
}
function appsWorthDeriving(roots, parents, isSelected, templates) {
  const children = /* @__PURE__ */ new Map();
  for (const [child2, of] of parents) for (const parent of of) if (parent !== child2) children.set(parent, [...children.get(parent) ?? [], child2]);
  const byId = new Map(roots.map((p) => [p.root.app.id, p]));
  return async (p) => {
    if (await templates(p)) return true;
    const seen = /* @__PURE__ */ new Set([p.root.app.id]);
    const queue = [...children.get(p.root.app.id) ?? []];
    while (queue.length > 0) {
      const id = queue.shift();
      if (seen.has(id)) continue;
      seen.add(id);
      const d = byId.get(id);
      if (d !== void 0 && (isSelected(d) || await templates(d))) return true;
      queue.push(...children.get(id) ?? []);
    }
    return false;
  };
}
function isResourceOf(p, file) {
  if (deployedFiles(p).includes(file)) return true;
  const r = p.root.app.render;
  const generated2 = r.type === "directory" || r.type === "kustomize" && r.generate !== void 0;
  return generated2 && isUnder(file, r.path) && isManifestFile(file) && !isKustomizationFile(file) && !p.deps.has(file);
}
function deployedApps(plan, deployed) {
  if (deployed === void 0) return { apps: plan.apps, unsimulated: plan.unsimulated, superseded: [] };
  const same = (a, b) => a.tool === b.tool && a.kind === b.kind && a.name === b.name && a.declared.file === b.declared.file;
  const replaced = [...deployed.superseded, ...deployed.unsimulated];
  const unsimulated = [...plan.unsimulated.filter((u) => !replaced.some((d) => same(u, d))), ...deployed.unsimulated];
  const apps = [...deployed.apps, ...plan.apps.filter((a) => !deployed.apps.some((d) => d.id === a.id) && !deployed.superseded.some((d) => same(a, d)))];
  return { apps, unsimulated, superseded: deployed.superseded.map((d) => d.declared) };
}
function notRendered(p, why) {
  const at2 = { file: p.root.path || ".", startLine: 1, endLine: 1, renderedBy: rootId(p.root) };
  return { kind: "render", message: `${p.root.path || "."}: ${why}`, source: at2 };
}
var cancelledRenders = /* @__PURE__ */ new WeakSet();
var renderCache = /* @__PURE__ */ new Map();
var MAX_CACHED_RENDERS = 5e3;
function remember(key, result) {
  renderCache.set(key, result);
  void result.then((r) => {
    if (r.errors.length > 0 || cancelledRenders.has(r)) renderCache.delete(key);
    else void writeCachedRender(key, r);
  });
  if (renderCache.size > MAX_CACHED_RENDERS) renderCache.delete(renderCache.keys().next().value);
}
var RENDER_CACHE_FORMAT = "preadmit-render-3";
function renderCachePath(key) {
  return path13.join(defaultCacheDir(), "renders", key.slice(0, 2), `${key}.json`);
}
async function readCachedRender(key) {
  try {
    const parsed2 = JSON.parse(await readFile2(renderCachePath(key), "utf8"));
    if (parsed2.format !== RENDER_CACHE_FORMAT || !Array.isArray(parsed2.objects)) return void 0;
    return { objects: parsed2.objects, errors: [] };
  } catch {
    return void 0;
  }
}
async function writeCachedRender(key, r) {
  if (r.objects.some((o) => isSecretLike(o.object))) return;
  try {
    await atomicWrite(renderCachePath(key), JSON.stringify({ format: RENDER_CACHE_FORMAT, objects: r.objects }));
  } catch {
  }
}
async function renderKey(p, readText, jailed, settings) {
  const files = [.../* @__PURE__ */ new Set([...p.materialize, ...p.deps])].sort();
  const texts = await Promise.all(files.map(readText));
  const h = createHash3("sha256").update(RENDER_CACHE_FORMAT).update(jailed ? "jailed" : "UNJAILED").update(settings).update(await codeFingerprint()).update(await toolsFingerprint(p)).update(JSON.stringify(p.root));
  files.forEach((f, i) => h.update(`\0${f}\0${texts[i] === void 0 ? "absent" : texts[i]}`));
  return h.digest("hex");
}
var code;
function codeFingerprint() {
  if (true) return Promise.resolve(`build:${"4aa8e228d699229bf13910ae4b91b6b45a08137a7084c90e48c34ceb25f87f25"}`);
  code ??= (async () => {
    const h = createHash3("sha256");
    const files = [path13.join(REPO_ROOT, "src", "gatekeeper", "load.ts")];
    const walk2 = async (dir) => {
      for (const entry of (await readdir2(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1)) {
        const full = path13.join(dir, entry.name);
        if (entry.isDirectory()) await walk2(full);
        else if (entry.name.endsWith(".ts")) files.push(full);
      }
    };
    try {
      await walk2(path13.join(REPO_ROOT, "src", "render"));
      for (const f of files) h.update(f.slice(REPO_ROOT.length)).update("\0").update(await readFile2(f)).update("\0");
      return h.digest("hex");
    } catch {
      return "no-sources";
    }
  })();
  return code;
}
function runsTool(p) {
  return rendererOf(p.root.kind).tools.length > 0;
}
function toolsFingerprint(p) {
  const r = p.root.app?.render;
  const tools = p.root.kind === "helm" && r?.type === "helm" && r.postRender !== void 0 ? ["helm", "kustomize"] : rendererOf(p.root.kind).tools;
  return tools.length === 0 ? Promise.resolve("none") : Promise.all(tools.map(toolFingerprint)).then((f) => f.join("\0"));
}
var fingerprints = /* @__PURE__ */ new Map();
function toolFingerprint(kind) {
  let f = fingerprints.get(kind);
  if (!f) {
    f = (async () => {
      const tool = findRenderTool(kind);
      if ("error" in tool) return `${kind}:missing`;
      try {
        const st = await stat(tool.path);
        const batch = kind === "kustomize" ? batchProgram(tool.path) : void 0;
        const bst = batch !== void 0 ? await stat(batch) : void 0;
        return `${kind}:${tool.path}:${st.size}:${st.mtimeMs}${bst !== void 0 ? `:${batch}:${bst.size}:${bst.mtimeMs}` : ""}`;
      } catch {
        return `${kind}:missing`;
      }
    })();
    fingerprints.set(kind, f);
  }
  return f;
}
function withRoot(e, p) {
  const renderedBy = rootId(p.root);
  return { ...e, source: e.source ? { ...e.source, renderedBy } : { file: p.root.path || ".", startLine: 1, endLine: 1, renderedBy } };
}
async function inPool(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
function sortObjects(objects) {
  return objects.map((o, i) => ({ o, i })).sort(
    (a, b) => a.o.root.localeCompare(b.o.root) || a.o.source.file.localeCompare(b.o.source.file) || a.o.source.startLine - b.o.source.startLine || a.i - b.i
  ).map(({ o }) => o);
}

// src/source/links.ts
var SYMLINK_MODE = "120000";
var MAX_HOPS = 40;
var MAX_VISIBLE = 2e5;
function linkView(regular, links, isInteresting = () => true) {
  const files = /* @__PURE__ */ new Map();
  for (const f of regular) files.set(f, f);
  if (links.size === 0) return { files, errors: [] };
  const errors = [];
  const regularFiles = [...files.keys()].sort();
  const regularSet = new Set(regularFiles);
  const linkPaths = [...links.keys()].sort();
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const f of [...regularFiles, ...linkPaths]) for (let d = dirOf(f); d !== "" && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  const error = (link, what2) => {
    errors.push({ kind: "load", message: `${link}: symbolic link to '${links.get(link)}' ${what2}`, source: { file: link, startLine: 1, endLine: 1 } });
  };
  const realPath = (p) => {
    let current = p;
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      const parts = current.split("/");
      let replaced = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join("/");
        const target = links.get(prefix);
        if (target === void 0) continue;
        const resolved2 = target === "" || target.includes("\\") ? void 0 : resolveInRepo(dirOf(prefix), target);
        if (resolved2 === void 0) return { error: `leaves the repository (through ${prefix}): refused, GitOps tools refuse it too` };
        const rest = parts.slice(i).join("/");
        current = resolved2 === "" ? rest : rest === "" ? resolved2 : `${resolved2}/${rest}`;
        replaced = true;
        break;
      }
      if (!replaced) return { path: current };
    }
    return { error: `is a loop: more than ${MAX_HOPS} links to follow` };
  };
  const under = (dir, list2) => dir === "" ? list2 : list2.filter((f) => f.startsWith(dir + "/"));
  let budgetExceeded = false;
  const showDir = (visible, real, chain, link) => {
    const join = (rel2) => visible === "" ? rel2 : `${visible}/${rel2}`;
    const rel = (f) => real === "" ? f : f.slice(real.length + 1);
    for (const f of under(real, regularFiles)) {
      if (files.size >= MAX_VISIBLE) {
        budgetExceeded = true;
        return;
      }
      files.set(join(rel(f)), f);
    }
    for (const l of under(real, linkPaths)) showLink(join(rel(l)), l, chain, link);
  };
  const showLink = (visible, l, chain, outer) => {
    const reported = visible === l ? l : outer;
    const r = realPath(l);
    if ("error" in r) {
      if (visible === l) error(l, r.error);
      return;
    }
    if (regularSet.has(r.path)) {
      files.set(visible, r.path);
      return;
    }
    if (dirs.has(r.path)) {
      if (chain.some((c) => c === r.path) || l === r.path || l.startsWith(r.path === "" ? "" : r.path + "/")) {
        if (visible === l) error(l, "is a loop: it points at a directory that holds it");
        return;
      }
      if (chain.length > 16) {
        error(reported, "nests links to directories too deeply");
        return;
      }
      showDir(visible, r.path, [...chain, r.path], reported);
      return;
    }
    if (visible === l && isInteresting(l)) error(l, `points at '${r.path}', which does not exist`);
  };
  for (const l of linkPaths) showLink(l, l, [], l);
  if (budgetExceeded) {
    errors.push({ kind: "load", message: `symbolic links to directories show more than ${MAX_VISIBLE} files: refused`, source: { file: linkPaths[0], startLine: 1, endLine: 1 } });
  }
  return { files, errors };
}
function changesThroughLinks(changes, base, head) {
  const listed = new Set(changes.flatMap((c) => c.previousPath !== void 0 ? [c.path, c.previousPath] : [c.path]));
  const out = [...changes];
  const seen = /* @__PURE__ */ new Set();
  for (const [visible, real] of [...base.view.files, ...head.view.files]) {
    if (visible === real || listed.has(visible) || seen.has(visible)) continue;
    seen.add(visible);
    const b = base.view.files.get(visible);
    const h = head.view.files.get(visible);
    if (b !== void 0 && h !== void 0 && base.blobOf(b) === head.blobOf(h)) continue;
    out.push({ path: visible, status: b === void 0 ? "added" : h === void 0 ? "deleted" : "modified" });
  }
  return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}

// src/util/memo.ts
function memoPromise(cache, key, make) {
  let p = cache.get(key);
  if (p === void 0) {
    const made = make();
    cache.set(key, made);
    made.catch(() => {
      if (cache.get(key) === made) cache.delete(key);
    });
    p = made;
  }
  return p;
}

export {
  MASK,
  isSecretKind,
  maskSecret,
  secretValues,
  redactSecrets,
  redactDeep,
  resolveInRepo,
  isUnder,
  changedPaths,
  jailSupport,
  globToRegExp,
  matchesAny,
  DEFAULT_NAMESPACE,
  isKustomizationFile,
  holdsKubernetesObjects,
  offendingPath,
  lineOfPath,
  valueAt,
  imagesEntryLine,
  valuesLine,
  rootId,
  planRepo,
  withinPaths,
  renderBudget,
  renderRef,
  SYMLINK_MODE,
  linkView,
  changesThroughLinks,
  memoPromise
};
//# sourceMappingURL=chunk-YPO3PXX5.mjs.map
