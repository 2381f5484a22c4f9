import {
  takeNativeValidationFlag
} from "./chunk-D74DUTXT.mjs";
import {
  mutatorError,
  unappliedMutators
} from "./chunk-RWK4WCFY.mjs";
import {
  ENFORCEMENT_POINTS,
  PolicyClient,
  createRuntime,
  evaluatePlan,
  isDenyResult,
  parseExpansionTemplate,
  planReviews
} from "./chunk-U2OET4L7.mjs";
import {
  compareRegoValues,
  regoTermString,
  regoToJson
} from "./chunk-MVMMHOUD.mjs";
import {
  decodeManifest,
  neutraliseWorkflowCommands,
  readManifests
} from "./chunk-MDHHRUTZ.mjs";
import {
  INTERRUPTED_EXIT,
  classify,
  isAbort,
  nameOf,
  namespaceOf
} from "./chunk-D23G4ER4.mjs";
import {
  GoNumber,
  GoStruct,
  goMarshalIndent,
  goQuote,
  goSortBy,
  loadManifests
} from "./chunk-LV3SBTA7.mjs";

// src/cli/main.ts
import { Writable } from "node:stream";

// src/cli/commands/test.ts
import { parseArgs } from "node:util";

// src/engine/test.ts
async function runTest(objects, deps, options = {}) {
  const errors = [];
  objects = reviewable(objects, errors);
  const client = new PolicyClient({ ...deps, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: "float", celEnabled: options.celEnabled, reviewErrorsAsErrors: true });
  const byClass = (c) => objects.filter((o) => classify(o.object) === c);
  errors.push(...await client.addTemplates(byClass("ConstraintTemplate")));
  const defaulted = /* @__PURE__ */ new Map();
  for (const s of byClass("Constraint")) {
    const failures = client.addConstraints([s]);
    errors.push(...failures.map((f) => f.error));
    if (failures.length > 0) continue;
    const kind = String(s.object.kind ?? "");
    const stored = client.constraintList.find((c) => c.kind === kind && c.name === nameOf(s.object));
    if (stored) defaulted.set(s, s.object.status === void 0 ? stored.object : { ...stored.object, status: s.object.status });
  }
  objects = objects.map((s) => {
    const object = defaulted.get(s);
    return object ? { ...s, object } : s;
  });
  client.setData(objects.map((o) => o.object));
  const expansions = [];
  for (const s of byClass("ExpansionTemplate")) {
    const r = parseExpansionTemplate(s);
    if ("error" in r) errors.push(r.error);
    else expansions.push(r.template);
  }
  errors.push(...unappliedMutators(objects).map(mutatorError));
  const namespaces = /* @__PURE__ */ new Map();
  for (const s of byClass("Namespace")) namespaces.set(nameOf(s.object), s.object);
  const plan = planReviews(objects, { mode: "gator", objectOf: (s) => s.object, expansions, namespaces, attachNamespace: true });
  for (const { parent, message } of plan.expansionErrors) {
    errors.push({ kind: "expansion", message: `${parent.source.file}:${parent.source.startLine}: ${message}`, source: parent.source });
  }
  const results = [];
  for (const { entry, violations } of await evaluatePlan(client, plan)) {
    for (const v of violations) results.push({ ...v, violatingObject: entry.parent.object, source: entry.parent.source });
  }
  errors.push(...client.reviewErrors);
  sortGatorResults(results);
  return { results, errors, reviewed: plan.reviews.length };
}
function reviewable(objects, errors) {
  return objects.filter((s) => {
    if (Object.keys(s.object).length === 0) return false;
    const apiVersion = typeof s.object.apiVersion === "string" ? s.object.apiVersion : "";
    const parts = apiVersion.split("/");
    const version = parts.length > 2 ? "" : parts[parts.length - 1];
    const kind = parts.length > 2 || typeof s.object.kind !== "string" ? "" : s.object.kind;
    const missing = version === "" ? "version" : kind === "" ? "kind" : void 0;
    if (missing === void 0) return true;
    errors.push({
      kind: "load",
      message: `${s.source.file}:${s.source.startLine}: invalid request object: resource ${nameOf(s.object)} has no ${missing}`,
      source: s.source
    });
    return false;
  });
}
function sortGatorResults(results) {
  goSortBy(results, (r) => r.enforcementAction, (r) => r.msg);
}
function hasDenyResult(results) {
  return results.some((r) => isDenyResult(r.enforcementAction, r.scopedActions));
}

// src/gator/test.ts
import { stringify } from "yaml";
async function writeTestResults(results, format, out) {
  if (format !== "json" || results.length === 0) {
    out.write(formatTestResults(results, format));
    return;
  }
  const write = (bytes) => out.write(bytes) ? void 0 : new Promise((resolve) => out.once("drain", () => resolve()));
  const indent = "    ";
  const encoded = /* @__PURE__ */ new WeakMap();
  const pieces = [];
  let size = 0;
  let text = "[\n";
  const flushText = () => {
    const bytes = Buffer.from(text);
    pieces.push(bytes);
    size += bytes.length;
    text = "";
  };
  const shared = [];
  const marker = (o) => {
    shared.push(o);
    return SHARED_MARKER;
  };
  for (let i = 0; i < results.length; i++) {
    shared.length = 0;
    const parts = goMarshalIndent(gatorJsonResult(results[i], marker), indent, indent).split("\0");
    text += indent + parts[0];
    for (let j = 0; j < shared.length; j++) {
      const o = shared[j];
      let bytes = encoded.get(o);
      if (bytes === void 0) encoded.set(o, bytes = Buffer.from(goMarshalIndent(o, indent, indent + indent)));
      flushText();
      pieces.push(bytes);
      size += bytes.length;
      text = parts[j + 1];
    }
    text += i + 1 < results.length ? ",\n" : "\n]";
    if (size > 1 << 20 || i + 1 === results.length) {
      flushText();
      await write(Buffer.concat(pieces, size));
      pieces.length = 0;
      size = 0;
    }
  }
}
var SHARED_MARKER = new GoNumber("\0");
function formatTestResults(results, format) {
  if (format === "json") return goMarshalIndent(results.length === 0 ? null : results.map((r) => gatorJsonResult(r)));
  if (format === "yaml") return results.length === 0 ? "[]\n" : stringify(results.map(gatorYamlResult));
  return results.map(textLine).join("");
}
function textLine(r) {
  const o = r.violatingObject;
  const ns = namespaceOf(o);
  const id = `${String(o.apiVersion ?? "")}/${String(o.kind ?? "")} ${ns !== "" ? `${ns}/` : ""}${nameOf(o)}`;
  return `${id}: [${goQuote(r.constraint.name)}] Message: ${goQuote(r.msg)}
`;
}
function gatorJsonResult(r, shared = (o) => o) {
  return new GoStruct([
    ["target", r.target],
    ["msg", r.msg === "" ? void 0 : r.msg],
    ["metadata", r.details === void 0 ? void 0 : { details: regoToGo(r.details) }],
    ["constraint", shared(r.constraint.object)],
    ["enforcementAction", r.enforcementAction === "" ? void 0 : r.enforcementAction],
    ["scopedActions", r.scopedActions && r.scopedActions.length > 0 ? r.scopedActions : void 0],
    ["violatingObject", shared(r.violatingObject)],
    ["trace", null]
  ]);
}
function regoToGo(v) {
  switch (v.t) {
    case "null":
      return null;
    case "boolean":
    case "string":
      return v.v;
    case "number":
      return new GoNumber(v.v);
    case "array":
      return v.v.map(regoToGo);
    case "set":
      return [...v.v].sort(compareRegoValues).map(regoToGo);
    case "object": {
      const out = {};
      for (const [k, val] of v.v) {
        Object.defineProperty(out, k.t === "string" ? k.v : regoTermString(k), { value: regoToGo(val), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
function gatorYamlResult(r) {
  const result = { target: r.target, msg: r.msg };
  if (r.details !== void 0) result.metadata = { details: regoToJson(r.details) };
  result.constraint = { object: r.constraint.object };
  result.enforcementaction = r.enforcementAction;
  result.scopedenforcementactions = r.scopedActions ?? [];
  return { result, violatingObject: r.violatingObject, trace: null };
}

// src/cli/commands/test.ts
var TEST_USAGE = `Usage: preadmit test [-f PATH\u2026] [-o text|json|yaml] [--deny-only] [--enable-k8s-native-validation=false]

Reviews every object in the given files and directories (.yaml, .yml, .json), or on standard input, against the
ConstraintTemplates and constraints among them, as \`gator test\` does (templates with a K8sNativeValidation
source are evaluated with CEL unless --enable-k8s-native-validation=false). Exit code 1 when a
violated constraint has the deny action (or a bad input was found), else 0.`;
async function runTestCommand(argv, out, err, stdin = process.stdin) {
  const cel = takeNativeValidationFlag(argv);
  if ("error" in cel) {
    err.write(`${cel.error}
${TEST_USAGE}
`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: cel.argv,
      options: {
        filename: { type: "string", short: "f", multiple: true },
        output: { type: "string", short: "o", default: "" },
        "deny-only": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    });
  } catch (e) {
    err.write(`${e.message}
${TEST_USAGE}
`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${TEST_USAGE}
`);
    return 0;
  }
  const paths = [...args.values.filename ?? [], ...args.positionals];
  const format = (args.values.output ?? "").toLowerCase();
  if (!["", "text", "json", "yaml"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, json or yaml
`);
    return 2;
  }
  const loaded = paths.length > 0 ? await readManifests(paths, { yamlVersion: "1.1" }) : stdin.isTTY ? void 0 : readStdin(await readAll(stdin));
  if (loaded === void 0) {
    err.write(`no input: give files or directories with -f, or objects on standard input
${TEST_USAGE}
`);
    return 2;
  }
  if (loaded.objects.length === 0 && loaded.errors.length === 0) {
    err.write("no input data identified\n");
    return 1;
  }
  const runtime = createRuntime();
  try {
    const run = await runTest(loaded.objects, runtime, { celEnabled: cel.enabled });
    const errors = [...loaded.errors, ...run.errors];
    for (const e of errors) err.write(`error: ${e.message}
`);
    const shown = args.values["deny-only"] ? run.results.filter((r) => isDenyResult(r.enforcementAction, r.scopedActions)) : run.results;
    await writeTestResults(shown, format, out);
    return hasDenyResult(run.results) || errors.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
function readStdin(bytes) {
  const decoded = decodeManifest(bytes, "<stdin>");
  return "error" in decoded ? { objects: [], errors: [decoded.error] } : loadManifests(decoded.text, "<stdin>", { yamlVersion: "1.1" });
}

// src/cli/main.ts
var USAGE = `Usage: preadmit <command> [options]

Commands:
  test     review objects against templates and constraints, like \`gator test\`
  verify   run gator Suite files (test.gatekeeper.sh), like \`gator verify\`
  render   print what would be reviewed at a ref, with sources
  diff     simulate a change (base ref vs head ref): what it introduces and fixes
  check-pr run the GitHub App's check for one pull request from any CI (GITHUB_TOKEN)
  help     show this help

Run \`preadmit <command> --help\` for a command's options.`;
async function loadCommand(name) {
  switch (name) {
    case "test":
      return (argv, out, err) => runTestCommand(argv, out, err);
    case "verify":
      return (await import("./verify-KVJ3X6GP.mjs")).runVerify;
    case "render":
      return (await import("./render-GCUGI6GU.mjs")).runRender;
    case "diff":
      return (await import("./diff-E2PDL3RI.mjs")).runDiff;
    case "check-pr":
      return (await import("./check-pr-ONR7MKOI.mjs")).runCheckPrCommand;
    default:
      return void 0;
  }
}
async function main(argv, out = process.stdout, err = process.stderr, signal = new AbortController().signal) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    out.write(`${USAGE}
`);
    return name === void 0 ? 2 : 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    err.write(`unknown command ${JSON.stringify(name)}
${USAGE}
`);
    return 2;
  }
  const interrupted = () => {
    err.write(`preadmit ${name}: interrupted
`);
    return INTERRUPTED_EXIT;
  };
  try {
    const code = await command(rest, new CommandGuard(out), new CommandGuard(err), signal);
    return signal.aborted ? interrupted() : code;
  } catch (e) {
    if (signal.aborted && isAbort(e)) return interrupted();
    err.write(`preadmit ${name}: ${e instanceof Error ? e.message : String(e)}
`);
    return 1;
  }
}
var CommandGuard = class extends Writable {
  constructor(target) {
    super({ decodeStrings: false });
    this.target = target;
    this.isTTY = target.isTTY;
  }
  target;
  atLineStart = true;
  isTTY;
  _write(chunk, _encoding, done) {
    if (chunk.length === 0) return done();
    if (typeof chunk !== "string" && !chunk.includes("::") && !chunk.includes("##[")) {
      this.atLineStart = bytesEndAtLineStart(chunk, this.atLineStart);
      this.target.write(chunk);
      return done();
    }
    const text = chunk.toString();
    const safe = neutraliseWorkflowCommands(text, this.atLineStart);
    this.atLineStart = endsAtLineStart(text, this.atLineStart);
    this.target.write(safe);
    done();
  }
};
function endsAtLineStart(text, before) {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n" || c === "\r") return true;
    if (!/\s/.test(c)) return false;
  }
  return before;
}
function bytesEndAtLineStart(bytes, before) {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    if (b >= 128) return endsAtLineStart(bytes.toString("utf8", 0, i + 1), before);
    if (b === 10 || b === 13) return true;
    if (b !== 32 && b !== 9 && b !== 11 && b !== 12) return false;
  }
  return before;
}
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
export {
  main
};
//# sourceMappingURL=cli.mjs.map
