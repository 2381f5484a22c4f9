import {
  LocalGitSource,
  UNSAFE_FLAG,
  UNSAFE_FLAG_HELP,
  sandboxMode
} from "./chunk-5E6ZJ4TW.mjs";
import {
  maskSecret,
  redactDeep,
  renderBudget,
  renderRef,
  secretValues
} from "./chunk-YPO3PXX5.mjs";
import {
  visibleControls
} from "./chunk-MDHHRUTZ.mjs";
import "./chunk-GOXPIZBT.mjs";
import "./chunk-JHNEIQET.mjs";
import "./chunk-D23G4ER4.mjs";
import "./chunk-DMQTDK6J.mjs";
import {
  errorText
} from "./chunk-LV3SBTA7.mjs";

// src/cli/commands/render.ts
import { stringify } from "yaml";
var USAGE = `usage: preadmit render [--repo DIR] [--ref REF] [--changed PATH...] [--base REF] [-o yaml|json]
                      [--exclude GLOB]... [--timeout MS] [${UNSAFE_FLAG}]

Renders the repository at REF (default HEAD) as Gatekeeper would receive it: plain manifests,
kustomize overlays and helm charts, each object with its source file and lines.
  --changed PATH...  render only the roots these repo-relative paths touch
  --base REF         render only the roots touched by the changes from REF to --ref
  -o yaml|json       output format (default yaml)
${UNSAFE_FLAG_HELP}
Secret data is masked in the output. Exit status: 0 rendered, 1 some roots failed, 2 usage error.
`;
var UsageError = class extends Error {
};
function parseRenderArgs(argv) {
  const args = { repo: ".", ref: "HEAD", output: "yaml", exclude: [], unsafeNoSandbox: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === void 0 || v.startsWith("-")) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--repo") args.repo = value();
    else if (a === "--ref") args.ref = value();
    else if (a === "--base") args.base = value();
    else if (a === "--exclude") args.exclude.push(value());
    else if (a === UNSAFE_FLAG) args.unsafeNoSandbox = true;
    else if (a === "--timeout") {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms <= 0) throw new UsageError("--timeout needs a positive number of milliseconds");
      args.timeoutMs = ms;
    } else if (a === "-o" || a === "--output") {
      const v = value();
      if (v !== "yaml" && v !== "json") throw new UsageError(`-o must be yaml or json, not ${v}`);
      args.output = v;
    } else if (a === "--changed") {
      args.changed ??= [];
      while (argv[i + 1] !== void 0 && !argv[i + 1].startsWith("-")) args.changed.push(argv[++i].replace(/^\.\//, ""));
    } else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}
async function runRender(argv, out, err, signal) {
  let args;
  try {
    args = parseRenderArgs(argv);
  } catch (e) {
    err.write(`preadmit render: ${errorText(e)}
${USAGE}`);
    return 2;
  }
  if (args === "help") {
    out.write(USAGE);
    return 0;
  }
  const sandbox = await sandboxMode(args.unsafeNoSandbox, "render", err);
  if (sandbox === void 0) return 2;
  const source = new LocalGitSource(args.repo, signal !== void 0 ? { signal } : {});
  const options = { exclude: args.exclude, sandbox, ...signal !== void 0 ? { budget: renderBudget(void 0, signal) } : {} };
  if (args.timeoutMs !== void 0) options.timeoutMs = args.timeoutMs;
  let result;
  let commit;
  try {
    commit = await source.resolve(args.ref);
    const changed = [];
    if (args.base !== void 0) changed.push(...await source.changedFiles(args.base, commit));
    if (args.changed !== void 0) changed.push(...args.changed.map((p) => ({ path: p, status: "modified" })));
    if (args.base !== void 0 || args.changed !== void 0) options.changed = changed;
    result = await renderRef(source, commit, options);
  } catch (e) {
    if (signal?.aborted) throw e;
    err.write(`preadmit render: ${errorText(e)}
`);
    return 2;
  }
  const secrets = secretValues(result.objects.map((o) => o.object));
  const shown = (o) => redactDeep(structuredClone(maskSecret(o.object)), secrets);
  if (args.output === "json") {
    const doc = {
      ref: args.ref,
      commit,
      roots: result.roots,
      objects: result.objects.map((o) => ({ root: o.root, source: o.source, object: shown(o) })),
      errors: result.errors
    };
    out.write(JSON.stringify(doc, null, 2) + "\n");
  } else {
    out.write(result.objects.map((o) => yamlDocument(o, shown(o))).join(""));
  }
  for (const e of result.errors) err.write(`error: ${e.message}${where(e)}
`);
  err.write(`rendered ${result.roots.length} root(s) at ${args.ref} (${commit.slice(0, 12)}): ${result.objects.length} object(s), ${result.errors.length} error(s)
`);
  return result.errors.length > 0 ? 1 : 0;
}
function yamlDocument(o, object) {
  const s = o.source;
  const by = s.renderedBy !== void 0 ? ` (${s.renderedBy})` : "";
  return `---
# Source: ${oneLine(s.file)}:${s.startLine}-${s.endLine}${by === "" ? "" : oneLine(by)}
${stringify(object, { lineWidth: 0 })}`;
}
function where(e) {
  if (e.source === void 0) return "";
  const at = `${e.source.file}:${e.source.startLine}`;
  return e.message.includes(at) ? "" : ` (${at})`;
}
function oneLine(text) {
  return visibleControls(text).replace(/\n/g, "\\n");
}
export {
  parseRenderArgs,
  runRender
};
//# sourceMappingURL=render-GCUGI6GU.mjs.map
