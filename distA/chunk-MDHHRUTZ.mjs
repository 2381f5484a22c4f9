import {
  errorText,
  goCompare,
  goUtf8,
  loadManifests
} from "./chunk-LV3SBTA7.mjs";

// src/report/format.ts
var ACTION_RANK = { deny: 0, warn: 1, dryrun: 2 };
function strongestAction(actions) {
  let best = "dryrun";
  for (const a of actions) if (ACTION_RANK[a] < ACTION_RANK[best]) best = a;
  return best;
}
function objectLabel(o) {
  return o.namespace === "" ? `${o.kind} ${o.name}` : `${o.kind} ${o.namespace}/${o.name}`;
}
function constraintLabel(c) {
  return `${c.kind}/${c.name}`;
}
function locationLabel(s) {
  return s.endLine > s.startLine ? `${s.file}:${s.startLine}-${s.endLine}` : `${s.file}:${s.startLine}`;
}
function isRepositoryPath(file) {
  return file !== "" && !file.startsWith("/") && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(file) && !/(^|\/)\.\.(\/|$)/.test(file) && !file.includes("\\");
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var CATEGORY_RANK = { new: 0, fixed: 1, changed: 2, unchanged: 3 };
function compareFindings(a, b) {
  return compareStrings(a.cluster, b.cluster) || CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] || ACTION_RANK[strongestAction(a.actions)] - ACTION_RANK[strongestAction(b.actions)] || compareStrings(a.objectSource?.file ?? "\uFFFF", b.objectSource?.file ?? "\uFFFF") || (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) || compareStrings(a.constraint.kind, b.constraint.kind) || compareStrings(a.constraint.name, b.constraint.name) || compareStrings(objectLabel(a.object), objectLabel(b.object)) || compareStrings(a.object.group, b.object.group) || compareStrings(a.message, b.message) || compareStrings(a.id, b.id);
}
function sortedFindings(findings, filter = () => true) {
  return findings.filter(filter).sort(compareFindings);
}
function isPolicyCaused(f) {
  return f.cause === "policy";
}
function outcomeTitle(report) {
  const c = report.verdict.counts;
  const parts = [];
  if (c.newDeny > 0) parts.push(plural(c.newDeny, "new denial"));
  if (c.newWarn > 0) parts.push(plural(c.newWarn, "new warning"));
  if (c.newDryrun > 0) parts.push(plural(c.newDryrun, "new dry-run violation"));
  if (c.fixed > 0) parts.push(`${c.fixed} fixed`);
  if (c.exemptionViolations > 0) parts.push(plural(c.exemptionViolations, "exemption outside the allow list", "exemptions outside the allow list"));
  if (c.policyRelaxations > 0) parts.push(plural(c.policyRelaxations, "policy relaxation"));
  if (c.errors > 0) parts.push(plural(c.errors, "error"));
  const promotions = report.clusters.reduce((n, cl) => n + cl.promotions.length, 0);
  if (promotions > 0) parts.push(plural(promotions, "promotion"));
  if (parts.length === 0) return c.unchanged > 0 ? `No new violations (${c.unchanged} unchanged)` : "No new violations";
  return parts.join(", ");
}
function verdictLine(verdict) {
  return verdict.conclusion === "success" ? "Passes: nothing in this change blocks admission" : "Blocked: this change would not be admitted as it is";
}
function shortSha(sha) {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function visibleControls(text) {
  return text.replace(CONTROL, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}
function truncateChars(text, max, suffix = "\u2026") {
  if (text.length <= max) return text;
  let end = Math.max(0, max - suffix.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end--;
  return text.slice(0, end) + suffix;
}
function truncateBytes(text, maxBytes, suffix = "\u2026") {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(suffix, "utf8");
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > budget) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end) + suffix;
}
function neutraliseWorkflowCommands(text, atLineStart = true) {
  if (!text.includes("::") && !text.includes("##[")) return text;
  const lineStart = atLineStart ? /(^|[\r\n])([^\S\r\n]*)::/g : /([\r\n])([^\S\r\n]*)::/g;
  return text.replace(lineStart, "$1$2:\u2060:").replace(/##\[/g, "#\u2060#[");
}
var MAX_LISTED = 5e3;
var MAX_DIFF_CHARS = 2e4;
var MAX_MESSAGE_CHARS = 1e4;
function capped(list, max = MAX_LISTED) {
  return list.length <= max ? { shown: [...list], omitted: 0 } : { shown: list.slice(0, max), omitted: list.length - max };
}
function cutDiff(text) {
  return text.length > MAX_DIFF_CHARS ? `${truncateChars(text, MAX_DIFF_CHARS, "")}
\u2026 diff cut at ${MAX_DIFF_CHARS} characters` : text;
}
function cutMessage(text) {
  return truncateChars(text, MAX_MESSAGE_CHARS, ` \u2026 (cut at ${MAX_MESSAGE_CHARS} characters)`);
}

// src/gatekeeper/read.ts
import { lstat, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var MANIFEST_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
function isManifestFile(file) {
  return MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase());
}
async function listManifestFiles(paths) {
  const files = [];
  const errors = [];
  async function walk(p, explicit) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      errors.push({ kind: "load", message: `${p}: ${errorText(e)}`, source: { file: p, startLine: 1, endLine: 1 } });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const entry of entries) await walk(path.join(p, entry), false);
    } else if (explicit || isManifestFile(p)) {
      files.push(p);
    }
  }
  for (const p of paths) await walk(p, true);
  return { files, errors };
}
async function listGatorFiles(paths) {
  const files = [];
  const errors = [];
  const allowed = (p) => GATOR_EXTENSIONS.includes(path.extname(p) === "" && path.basename(p).startsWith(".") ? path.basename(p) : path.extname(p));
  async function walk(p) {
    const info = await lstat(p);
    if (info.isDirectory()) {
      for (const entry of (await readdir(p)).sort(goCompare)) await walk(path.join(p, entry));
    } else if (allowed(p)) {
      if (info.isSymbolicLink() && (await stat(p).catch(() => void 0))?.isDirectory()) {
        errors.push(loadError(p, "is a link to a directory; gator reads it as a file and fails"));
        return;
      }
      files.push(p);
    }
  }
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (!info.isDirectory() && !allowed(p)) {
        errors.push(loadError(p, `must be of extensions: ${GATOR_EXTENSIONS.join(" ")}`));
        continue;
      }
      if (info.isDirectory() && (await lstat(p)).isSymbolicLink()) continue;
      await walk(p);
    } catch (e) {
      errors.push(loadError(p, errorText(e)));
    }
  }
  return { files, errors };
}
var GATOR_EXTENSIONS = [".yaml", ".yml", ".json"];
function loadError(file, message) {
  return { kind: "load", message: `${file}: ${message}`, source: { file, startLine: 1, endLine: 1 } };
}
function decodeManifest(bytes, file) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    if (bytes.toString("latin1").trimStart().startsWith("{")) return { text: goUtf8(bytes) };
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 10) line++;
    return { error: { kind: "load", message: `${file}:${line}: invalid YAML: invalid UTF-8; the file was not read`, source: { file, startLine: line, endLine: line } } };
  }
}
async function readManifests(paths, options = {}) {
  const { files, errors } = await listGatorFiles(paths);
  const objects = [];
  for (const file of files) {
    let text;
    try {
      const decoded = decodeManifest(await readFile(file), file);
      if ("error" in decoded) {
        errors.push(decoded.error);
        continue;
      }
      text = decoded.text;
    } catch (e) {
      errors.push({ kind: "load", message: `${file}: ${errorText(e)}`, source: { file, startLine: 1, endLine: 1 } });
      continue;
    }
    const r = loadManifests(text, file, options);
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  return { objects, errors };
}

export {
  strongestAction,
  objectLabel,
  constraintLabel,
  locationLabel,
  isRepositoryPath,
  plural,
  compareFindings,
  sortedFindings,
  isPolicyCaused,
  outcomeTitle,
  verdictLine,
  shortSha,
  visibleControls,
  truncateChars,
  truncateBytes,
  neutraliseWorkflowCommands,
  capped,
  cutDiff,
  cutMessage,
  isManifestFile,
  listManifestFiles,
  decodeManifest,
  readManifests
};
//# sourceMappingURL=chunk-MDHHRUTZ.mjs.map
