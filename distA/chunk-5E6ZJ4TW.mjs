import {
  SYMLINK_MODE,
  changesThroughLinks,
  jailSupport,
  linkView,
  memoPromise
} from "./chunk-YPO3PXX5.mjs";
import {
  isManifestFile
} from "./chunk-MDHHRUTZ.mjs";
import {
  AbortError,
  isAbort
} from "./chunk-D23G4ER4.mjs";

// src/source/git.ts
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
var REGULAR_FILE_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
var MAX_CACHED_BLOBS_BYTES = 32 * 1024 * 1024;
var MAX_CACHED_BLOB_BYTES = 1024 * 1024;
var GitError = class extends Error {
  name = "GitError";
};
var LocalGitSource = class {
  #repoDir;
  #git;
  #trees = /* @__PURE__ */ new Map();
  #views = /* @__PURE__ */ new Map();
  #resolved = /* @__PURE__ */ new Map();
  /**
   * Blobs already read, by object id (content-addressed, so never stale): the base and head of a check, its clusters
   * and the next check of the same repository read mostly the same files. Bounded by bytes, oldest dropped first.
   */
  #blobs = /* @__PURE__ */ new Map();
  #blobBytes = 0;
  #reader;
  /** Blob reads asked for in the same tick share one `git cat-file --batch`. */
  #pending = [];
  /** `signal`: the run's cancellation (the CLI's SIGINT): git processes are killed, reads reject with `AbortError`. */
  constructor(repoDir, options = {}) {
    this.#repoDir = path.resolve(repoDir);
    this.#git = { dir: this.#repoDir, ...options.signal !== void 0 ? { signal: options.signal } : {} };
    this.#reader = new BlobReader(this.#git);
  }
  resolve(ref) {
    return memoPromise(this.#resolved, ref, () => this.#resolveUncached(ref));
  }
  async #resolveUncached(ref) {
    checkRef(ref);
    const r = await runGit(this.#git, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    const sha = r.stdout.toString("utf8").trim();
    if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
      throw new GitError(`${this.#repoDir}: '${ref}' does not name a commit`);
    }
    if (!this.#resolved.has(sha)) this.#resolved.set(sha, Promise.resolve(sha));
    return sha;
  }
  async listFiles(ref) {
    return [...(await this.#view(ref)).files.keys()].sort();
  }
  async readFile(ref, file) {
    const entry = await this.#entry(ref, file);
    return entry === void 0 ? void 0 : this.#readBlob(entry.oid);
  }
  async linkErrors(ref) {
    return (await this.#view(ref)).errors;
  }
  /** The regular file `file` shows at `ref` (itself, or what the links on its way end at). */
  async #entry(ref, file) {
    const [tree, view] = await Promise.all([this.#tree(ref), this.#view(ref)]);
    const real = view.files.get(file);
    const entry = real === void 0 ? void 0 : tree.get(real);
    return entry !== void 0 && REGULAR_FILE_MODES.has(entry.mode) ? entry : void 0;
  }
  #view(ref) {
    return memoPromise(
      this.#views,
      ref,
      () => this.#tree(ref).then(async (tree) => {
        const regular = [...tree].filter(([, e]) => REGULAR_FILE_MODES.has(e.mode)).map(([p]) => p);
        const linkEntries = [...tree].filter(([, e]) => e.mode === SYMLINK_MODE);
        const targets = await this.#reader.read([...new Set(linkEntries.map(([, e]) => e.oid))]);
        const links = new Map(linkEntries.map(([p, e]) => [p, targets.get(e.oid)?.toString("utf8") ?? ""]));
        return linkView(regular, links, isManifestFile);
      })
    );
  }
  #readBlob(oid) {
    const known = this.#blobs.get(oid);
    if (known !== void 0) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => this.#flush());
      this.#pending.push({ oid, resolve, reject });
    });
  }
  #remember(oid, blob) {
    if (blob.length > MAX_CACHED_BLOB_BYTES || this.#blobs.has(oid)) return;
    this.#blobs.set(oid, blob);
    this.#blobBytes += blob.length;
    for (const [old, b] of this.#blobs) {
      if (this.#blobBytes <= MAX_CACHED_BLOBS_BYTES) break;
      this.#blobs.delete(old);
      this.#blobBytes -= b.length;
    }
  }
  #flush() {
    const batch = this.#pending;
    this.#pending = [];
    this.#reader.read([...new Set(batch.map((p) => p.oid))]).then(
      (blobs) => {
        for (const [oid, blob] of blobs) this.#remember(oid, blob);
        for (const p of batch) p.resolve(blobs.get(p.oid));
      },
      (e) => {
        for (const p of batch) p.reject(e);
      }
    );
  }
  async changedFiles(base, head) {
    const [b, h] = await Promise.all([this.resolve(base), this.resolve(head)]);
    const r = await runGit(this.#git, ["diff-tree", "-r", "-z", "-M", "--name-status", "--no-commit-id", b, h]);
    if (r.code !== 0) throw new GitError(`git diff-tree failed: ${r.stderr.trim()}`);
    return parseNameStatus(r.stdout.toString("utf8"));
  }
  async changesThroughLinks(base, head, changes) {
    const [bt, ht, bv, hv] = await Promise.all([this.#tree(base), this.#tree(head), this.#view(base), this.#view(head)]);
    return changesThroughLinks(changes, { view: bv, blobOf: (p) => bt.get(p)?.oid }, { view: hv, blobOf: (p) => ht.get(p)?.oid });
  }
  async materialize(ref, paths, dir) {
    const wanted = [];
    const names = paths === "all" ? [...(await this.#view(ref)).files.keys()] : paths;
    for (const p of new Set(names)) {
      const e = await this.#entry(ref, p);
      if (e !== void 0) wanted.push([p, e]);
    }
    const blobs = await this.#reader.read([...new Set(wanted.map(([, e]) => e.oid))]);
    const root = path.resolve(dir);
    const made = /* @__PURE__ */ new Set();
    for (const [p, e] of wanted) {
      const target = path.resolve(root, ...p.split("/"));
      if (!target.startsWith(root + path.sep)) throw new GitError(`refusing to write ${p} outside ${root}`);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      await writeFile(target, blobs.get(e.oid) ?? Buffer.alloc(0), { mode: e.mode === "100755" ? 493 : 420 });
    }
  }
  #tree(ref) {
    return memoPromise(this.#trees, ref, () => this.resolve(ref).then((sha) => listTree(this.#git, sha)));
  }
};
function checkRef(ref) {
  if (ref === "" || ref.startsWith("-") || /[\x00-\x1f\x7f]/.test(ref)) {
    throw new GitError(`invalid ref '${ref.replace(/[\x00-\x1f\x7f]/g, "?")}'`);
  }
}
async function listTree(git, sha) {
  const r = await runGit(git, ["ls-tree", "-r", "-z", "--full-tree", sha]);
  if (r.code !== 0) throw new GitError(`git ls-tree failed: ${r.stderr.trim()}`);
  const tree = /* @__PURE__ */ new Map();
  for (const record of r.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, , oid] = record.slice(0, tab).split(" ");
    if (mode === void 0 || oid === void 0) continue;
    tree.set(record.slice(tab + 1), { mode, oid });
  }
  return tree;
}
function parseNameStatus(out) {
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (status === "") continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const from = fields[i++] ?? "";
      const to = fields[i++] ?? "";
      changes.push(letter === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "added" });
      continue;
    }
    const file = fields[i++] ?? "";
    if (letter === "A") changes.push({ path: file, status: "added" });
    else if (letter === "D") changes.push({ path: file, status: "deleted" });
    else changes.push({ path: file, status: "modified" });
  }
  return changes;
}
var BLOB_READER_IDLE_MS = 1e3;
var BlobReader = class {
  #git;
  #child;
  /** Reads sent and not yet answered, in the order git answers them. */
  #waiting = [];
  /** Output not yet taken apart. */
  #chunks = [];
  #buffered = 0;
  /** The blob being received: its size (from its header line). */
  #size;
  #stderr = "";
  #idle;
  constructor(git) {
    this.#git = git;
    git.signal?.addEventListener(
      "abort",
      () => {
        const child = this.#child;
        this.#child = void 0;
        if (this.#idle) clearTimeout(this.#idle);
        this.#idle = void 0;
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const w of waiting) w.reject(new AbortError("git cat-file stopped: cancelled"));
        child?.kill("SIGKILL");
      },
      { once: true }
    );
  }
  read(oids) {
    if (oids.length === 0) return Promise.resolve(/* @__PURE__ */ new Map());
    if (this.#git.signal?.aborted) return Promise.reject(new AbortError("git cat-file not started: cancelled"));
    return new Promise((resolve, reject) => {
      const child = this.#process();
      if (this.#idle) clearTimeout(this.#idle);
      this.#idle = void 0;
      if (this.#waiting.length === 0) child.ref();
      this.#waiting.push({ oids: [...oids], blobs: /* @__PURE__ */ new Map(), resolve, reject });
      child.stdin.write(`${oids.join("\n")}
`);
    });
  }
  #process() {
    if (this.#child) return this.#child;
    const child = spawn("git", ["-C", this.#git.dir, "-c", "core.quotePath=false", "cat-file", "--batch"], {
      stdio: ["pipe", "pipe", "pipe"],
      env: gitEnv()
    });
    this.#child = child;
    this.#chunks = [];
    this.#buffered = 0;
    this.#size = void 0;
    this.#stderr = "";
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();
    child.stdout.on("data", (b) => {
      if (this.#child !== child) return;
      this.#chunks.push(b);
      this.#buffered += b.length;
      this.#take();
    });
    child.stderr.on("data", (b) => {
      if (this.#stderr.length < 4096) this.#stderr += b.toString("utf8");
    });
    child.stdin.on("error", () => void 0);
    const fail = (why) => {
      if (this.#child !== child) return;
      this.#child = void 0;
      if (this.#idle) clearTimeout(this.#idle);
      this.#idle = void 0;
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const w of waiting) w.reject(new GitError(why));
    };
    child.on("error", (e) => fail(`cannot run git: ${e.message}`));
    child.on("close", (code) => fail(`git cat-file failed${code !== null && code !== 0 ? ` (exit ${code})` : ""}: ${this.#stderr.trim()}`));
    return child;
  }
  /** Takes whole answers (a header line, then the blob and a newline) out of the output. */
  #take() {
    for (; ; ) {
      const current = this.#waiting[0];
      if (!current) return;
      if (this.#size === void 0) {
        const all2 = this.#joined();
        const nl = all2.indexOf(10);
        if (nl < 0) return;
        const header = all2.subarray(0, nl).toString("utf8").split(" ");
        this.#rest(all2, nl + 1);
        if (header[1] === "missing" || header.length < 3) {
          this.#answered(current, void 0);
          continue;
        }
        this.#size = Number(header[2]);
      }
      if (this.#buffered < this.#size + 1) return;
      const all = this.#joined();
      const blob = all.subarray(0, this.#size);
      this.#rest(all, this.#size + 1);
      this.#size = void 0;
      this.#answered(current, blob);
    }
  }
  #joined() {
    if (this.#chunks.length !== 1) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0];
  }
  #rest(all, from) {
    const rest = all.subarray(from);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
  }
  #answered(current, blob) {
    const oid = current.oids.shift();
    if (blob !== void 0) current.blobs.set(oid, blob);
    if (current.oids.length > 0) return;
    this.#waiting.shift();
    current.resolve(current.blobs);
    if (this.#waiting.length === 0 && this.#child) {
      const child = this.#child;
      child.unref();
      this.#idle = setTimeout(() => {
        if (this.#child !== child || this.#waiting.length > 0) return;
        this.#child = void 0;
        child.stdin.end();
      }, BLOB_READER_IDLE_MS);
      this.#idle.unref();
    }
  }
};
function gitEnv() {
  return { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
}
function runGit(git, args, input) {
  return new Promise((resolve, reject) => {
    if (git.signal?.aborted) {
      reject(new AbortError(`git ${args[0] ?? ""} not started: cancelled`));
      return;
    }
    const child = spawn("git", ["-C", git.dir, "-c", "core.quotePath=false", ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      ...git.signal !== void 0 ? { signal: git.signal, killSignal: "SIGKILL" } : {},
      env: gitEnv()
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", (e) => reject(isAbort(e) ? new AbortError(`git ${args[0] ?? ""} stopped: cancelled`, { cause: e }) : new GitError(`cannot run git: ${e.message}`)));
    child.on(
      "close",
      (code) => git.signal?.aborted ? reject(new AbortError(`git ${args[0] ?? ""} stopped: cancelled`)) : resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") })
    );
    child.stdin.on("error", () => void 0);
    child.stdin.end(input ?? "");
  });
}

// src/cli/sandbox-flag.ts
var UNSAFE_FLAG = "--unsafe-no-sandbox";
var UNSAFE_FLAG_HELP = `  ${UNSAFE_FLAG}  run kustomize and helm WITHOUT the filesystem jail (bubblewrap); only for
                        repositories you trust, never in production (refused when NODE_ENV=production)`;
async function sandboxMode(unsafe, command, err) {
  if (unsafe) {
    if (process.env.NODE_ENV === "production") {
      err.write(`preadmit ${command}: ${UNSAFE_FLAG} is refused when NODE_ENV=production: renderers always run in the jail there
`);
      return void 0;
    }
    err.write(
      `preadmit ${command}: WARNING: ${UNSAFE_FLAG}: kustomize and helm run without the filesystem jail; a hostile repository can read this machine's files into the output. Use it only on repositories you trust.
`
    );
    return "unsafe-none";
  }
  const support = await jailSupport();
  if (!support.ok) {
    err.write(
      `preadmit ${command}: kustomize and helm roots will NOT be rendered: ${support.reason}. To render them anyway, outside the jail, pass ${UNSAFE_FLAG} (trusted repositories only).
`
    );
  }
  return "jail";
}

export {
  LocalGitSource,
  UNSAFE_FLAG,
  UNSAFE_FLAG_HELP,
  sandboxMode
};
//# sourceMappingURL=chunk-5E6ZJ4TW.mjs.map
