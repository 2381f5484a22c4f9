import {
  CONFIG_FILE,
  applyConfigErrors,
  loadConfig,
  maskedDiff,
  renderMarkdown,
  simulate
} from "./chunk-NPPJNOXJ.mjs";
import {
  createRuntime
} from "./chunk-U2OET4L7.mjs";
import {
  LocalGitSource,
  UNSAFE_FLAG,
  UNSAFE_FLAG_HELP,
  sandboxMode
} from "./chunk-5E6ZJ4TW.mjs";
import {
  capped,
  compareFindings,
  constraintLabel,
  cutDiff,
  cutMessage,
  isPolicyCaused,
  isRepositoryPath,
  locationLabel,
  objectLabel,
  outcomeTitle,
  plural,
  shortSha,
  sortedFindings,
  strongestAction,
  visibleControls
} from "./chunk-MDHHRUTZ.mjs";

// src/cli/commands/diff.ts
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/report/json.ts
function ordered(value, order, convert = {}) {
  const src = value;
  const out = {};
  const rest = Object.keys(src).filter((k) => !order.includes(k)).sort();
  for (const key of [...order, ...rest]) {
    const v = src[key];
    if (v === void 0) continue;
    const c = convert[key];
    out[key] = c !== void 0 ? c(v) : plain(v);
  }
  return out;
}
function plain(v) {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      if (x !== void 0) out[k] = plain(x);
    }
    return out;
  }
  return null;
}
var source = (s) => ordered(s, ["file", "startLine", "endLine", "renderedBy"]);
var objectRef = (o) => ordered(o, ["group", "version", "kind", "namespace", "name"]);
var constraintRef = (c) => ordered(c, ["kind", "name", "source"], { source });
var inputError = (e) => ordered(e, ["kind", "message", "source"], { source, message: cutMessage });
var finding = (f) => ordered(f, ["id", "cluster", "category", "cause", "constraint", "actions", "object", "objectSource", "location", "message", "previousMessage", "previousId", "impliedBy", "operation", "onCreate"], {
  constraint: constraintRef,
  object: objectRef,
  objectSource: source,
  location: source,
  message: cutMessage
});
var objectList = (list) => [...list].sort(byObject).map(objectRef);
var policyChange = (p) => ordered(p, ["type", "name", "change", "source", "actionBefore", "actionAfter", "newlyDenied", "noLongerDenied"], {
  source,
  newlyDenied: objectList,
  noLongerDenied: objectList
});
var promotion = (p) => ordered(p, ["constraint", "from", "to", "objects"], {
  constraint: constraintRef,
  objects: (list) => [...list].sort((a, b) => byObject(a.object, b.object) || cmp(a.message, b.message)).map((o) => ordered(o, ["object", "message", "source"], { object: objectRef, source, message: cutMessage }))
});
var exemption = (e) => ordered(e, ["owner", "field", "namespace", "change", "allowed", "source"], { source });
var relaxation = (r) => ordered(r, ["type", "subject", "description", "allowed", "source", "letsThrough"], {
  source,
  letsThrough: (list) => [...list].sort((a, b) => cmp(a.constraint.kind, b.constraint.kind) || cmp(a.constraint.name, b.constraint.name) || byObject(a.object, b.object) || cmp(a.message, b.message)).map((t) => ordered(t, ["constraint", "object", "objectSource", "before", "after", "message", "impliedBy"], { constraint: constraintRef, object: objectRef, objectSource: source }))
});
var renderedDiff = (d) => ordered({ ...d, diff: cutDiff(maskedDiff(d)) }, ["object", "previousName", "change", "root", "source", "diff"], { object: objectRef, source });
var simulationError = (e) => ordered(e, ["ref", "existing", "error"], { error: inputError });
var duplicate = (d) => ordered(d, ["ref", "object", "copies"], { object: objectRef, copies: (list) => list.map((x) => ordered(x, ["root", "source"], { source })) });
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byObject(a, b) {
  return cmp(a.group, b.group) || cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name) || cmp(a.version, b.version);
}
function bySource(a, b) {
  return cmp(a?.file ?? "", b?.file ?? "") || (a?.startLine ?? 0) - (b?.startLine ?? 0);
}
var byDiff = (a, b) => cmp(objectLabel(a.object), objectLabel(b.object)) || byObject(a.object, b.object) || cmp(a.root, b.root) || cmp(a.change, b.change);
var byError = (a, b) => cmp(a.ref, b.ref) || bySource(a.error.source, b.error.source) || cmp(a.error.message, b.error.message);
function cluster(c) {
  const findings = capped([...c.findings].sort(compareFindings));
  const diffs = capped([...c.renderedDiffs].sort(byDiff));
  const errors = capped([...c.errors].sort(byError));
  const omitted = { findings: findings.omitted, renderedDiffs: diffs.omitted, errors: errors.omitted };
  const view = { ...c, findings: findings.shown, renderedDiffs: diffs.shown, errors: errors.shown, ...Object.values(omitted).some((n) => n > 0) ? { omitted } : {} };
  return ordered(view, ["name", "stats", "findings", "policyChanges", "promotions", "exemptions", "relaxations", "errors", "duplicates", "coverage", "renderedDiffs", "omitted"], {
    stats: (s) => ordered(s, ["objectsBase", "objectsHead", "reviews", "rootsRendered", "durationMs"]),
    findings: (list) => list.map(finding),
    policyChanges: (list) => [...list].sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.change, b.change)).map(policyChange),
    promotions: (list) => [...list].sort((a, b) => cmp(a.constraint.kind, b.constraint.kind) || cmp(a.constraint.name, b.constraint.name)).map(promotion),
    exemptions: (list) => [...list].sort((a, b) => cmp(a.owner, b.owner) || cmp(a.field, b.field) || cmp(a.namespace, b.namespace) || cmp(a.change, b.change)).map(exemption),
    relaxations: (list) => [...list].sort((a, b) => cmp(a.subject, b.subject) || cmp(a.type, b.type) || cmp(a.description, b.description)).map(relaxation),
    errors: (list) => list.map(simulationError),
    duplicates: (list) => [...list].sort((a, b) => cmp(a.ref, b.ref) || byObject(a.object, b.object)).map(duplicate),
    renderedDiffs: (list) => list.map(renderedDiff),
    omitted: (o) => ordered(o, ["findings", "renderedDiffs", "errors"])
  });
}
function renderJson(report) {
  const out = ordered(report, ["schemaVersion", "tool", "base", "head", "enforcementPoint", "verdict", "clusters"], {
    tool: (t) => ordered(t, ["name", "version"]),
    base: (r) => ordered(r, ["ref", "sha"]),
    head: (r) => ordered(r, ["ref", "sha"]),
    verdict: (v) => ordered(v, ["conclusion", "blocking", "counts"], {
      counts: (c) => ordered(c, ["newDeny", "newWarn", "newDryrun", "fixed", "unchanged", "changed", "errors", "newErrors", "exemptionViolations", "policyRelaxations"])
    }),
    clusters: (list) => list.map(cluster)
  });
  return `${JSON.stringify(out, null, 2)}
`;
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var SARIF_VERSION = "2.1.0";
var FINGERPRINT_KEY = "preadmitFindingId/v1";
var ERROR_RULE = "preadmit/input-error";
var EXEMPTION_RULE = "preadmit/exemption-outside-allow-list";
var RELAXATION_RULE = "preadmit/policy-relaxation";
var NOT_SIMULATED = "preadmit/not-simulated";
var COVERAGE = "preadmit/coverage";
var OMITTED = "preadmit/omitted-findings";
var NOTIFICATIONS = [
  { id: COVERAGE, name: "Coverage", shortDescription: { text: "What was simulated in a cluster: roots per renderer, GitOps apps per tool" }, defaultConfiguration: { level: "note" } },
  {
    id: NOT_SIMULATED,
    name: "NotSimulated",
    shortDescription: { text: "An app, root or chart that was not simulated, with the reason: its objects were not reviewed" },
    defaultConfiguration: { level: "note" }
  },
  { id: OMITTED, name: "OmittedFindings", shortDescription: { text: "Findings left out of the log (see the JSON report)" }, defaultConfiguration: { level: "note" } }
];
var notification = (id) => ({ id, index: NOTIFICATIONS.findIndex((n) => n.id === id) });
var LEVEL = { deny: "error", warn: "warning", dryrun: "note" };
function location(source2, logicalName) {
  const loc = {};
  if (source2 !== void 0 && isRepositoryPath(source2.file)) {
    const startLine = Math.max(1, Math.floor(source2.startLine));
    loc.physicalLocation = {
      artifactLocation: { uri: source2.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" },
      region: { startLine, endLine: Math.max(startLine, Math.floor(source2.endLine)) }
    };
  }
  if (logicalName !== void 0) loc.logicalLocations = [{ name: logicalName, kind: "object" }];
  return loc.physicalLocation !== void 0 || loc.logicalLocations !== void 0 ? [loc] : [];
}
function renderSarif(report, options = {}) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const rule = (id, make) => {
    const known = ruleIndex.get(id);
    if (known !== void 0) return known;
    rules.push(make());
    ruleIndex.set(id, rules.length - 1);
    return rules.length - 1;
  };
  const present = report.clusters.flatMap((c) => c.findings.filter((f) => f.category !== "fixed")).sort(compareFindings);
  for (const kind of [...new Set(present.map((f) => f.constraint.kind))].sort()) {
    rule(kind, () => ({
      id: kind,
      name: kind,
      shortDescription: { text: `Gatekeeper constraint kind ${kind}` },
      fullDescription: { text: `Violations of constraints of the ConstraintTemplate kind ${kind}, as the admission webhook would report them.` },
      defaultConfiguration: { level: "error" }
    }));
  }
  const listed = capped(present);
  const results = [];
  for (const f of listed.shown) {
    const index = ruleIndex.get(f.constraint.kind) ?? 0;
    const action = strongestAction(f.actions);
    results.push({
      ruleId: f.constraint.kind,
      ruleIndex: index,
      level: LEVEL[action],
      kind: "fail",
      message: { text: visibleControls(`${constraintLabel(f.constraint)} (${f.actions.join(", ") || "dryrun"}) on ${objectLabel(f.object)}: ${cutMessage(f.message)}`) },
      locations: location(f.location ?? f.objectSource, `${f.cluster}/${objectLabel(f.object)}`),
      partialFingerprints: { [FINGERPRINT_KEY]: f.id },
      // A changed finding is the base's violation reworded: `updated`, with the base's message and fingerprint.
      baselineState: f.category === "new" ? "new" : f.category === "changed" ? "updated" : "unchanged",
      properties: {
        cluster: f.cluster,
        constraint: constraintLabel(f.constraint),
        actions: f.actions,
        object: { ...f.object },
        cause: f.cause,
        operation: f.operation,
        ...f.previousMessage !== void 0 ? { previousMessage: visibleControls(f.previousMessage) } : {},
        ...f.previousId !== void 0 ? { previousFingerprint: f.previousId } : {},
        ...f.onCreate ? { onCreate: true } : {}
      }
    });
  }
  for (const cluster2 of report.clusters) {
    for (const e of cluster2.exemptions) {
      if (e.change !== "added" || e.allowed) continue;
      const index = rule(EXEMPTION_RULE, () => ({
        id: EXEMPTION_RULE,
        name: "ExemptionOutsideAllowList",
        shortDescription: { text: "An exemption names a namespace outside the repository's allow list" },
        defaultConfiguration: { level: "error" }
      }));
      results.push({
        ruleId: EXEMPTION_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(`${e.owner} exempts namespace "${e.namespace}" (${e.field}), which exemptions.allowedNamespaces does not allow`) },
        locations: location(e.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|exemption|${e.owner}|${e.field}|${e.namespace}` },
        baselineState: "new",
        properties: { cluster: cluster2.name }
      });
    }
    for (const r of cluster2.relaxations) {
      if (r.allowed) continue;
      const index = rule(RELAXATION_RULE, () => ({
        id: RELAXATION_RULE,
        name: "PolicyRelaxation",
        shortDescription: { text: "The change weakens the policies: enforcement, constraints, templates, match or exemptions" },
        defaultConfiguration: { level: "error" }
      }));
      const examples = r.letsThrough.slice(0, 5).map((t) => `${objectLabel(t.object)} (${constraintLabel(t.constraint)} ${t.before} -> ${t.after})`);
      const more = r.letsThrough.length > examples.length ? `, \u2026 ${r.letsThrough.length - examples.length} more` : "";
      results.push({
        ruleId: RELAXATION_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(`Policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation(s)${examples.length > 0 ? `: ${examples.join(", ")}${more}` : ""}`) },
        locations: location(r.source),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|relaxation|${r.type}|${r.subject}` },
        baselineState: "new",
        properties: { cluster: cluster2.name, relaxation: r.type, subject: r.subject, letsThrough: r.letsThrough.length }
      });
    }
    for (const e of cluster2.errors) {
      if (e.ref !== "head") continue;
      const index = rule(ERROR_RULE, () => ({
        id: ERROR_RULE,
        name: "InputError",
        shortDescription: { text: "A manifest, template or chart that could not be loaded, rendered or compiled" },
        defaultConfiguration: { level: "error" }
      }));
      const s = e.error.source;
      results.push({
        ruleId: ERROR_RULE,
        ruleIndex: index,
        level: "error",
        kind: "fail",
        message: { text: visibleControls(cutMessage(e.error.message)) },
        locations: location(s),
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|error|${e.error.kind}|${s?.file ?? ""}|${cutMessage(e.error.message)}` },
        baselineState: e.existing ? "unchanged" : "new",
        properties: { cluster: cluster2.name, errorKind: e.error.kind, ...e.existing ? { existing: true } : {} }
      });
    }
  }
  const notifications = [];
  for (const cluster2 of report.clusters) {
    const cov = cluster2.coverage;
    if (cov === void 0) continue;
    const counts = [
      ...Object.entries(cov.simulated.roots).map(([kind, n]) => `${n} ${kind} root(s)`),
      ...Object.entries(cov.simulated.apps).map(([tool, n]) => `${n} ${tool === "flux" ? "Flux" : tool === "argocd" ? "Argo CD" : tool} app(s)`)
    ];
    notifications.push({
      level: "note",
      message: { text: visibleControls(`Cluster ${cluster2.name}: simulated ${counts.length > 0 ? counts.join(", ") : "nothing"}; not simulated: ${cov.notSimulated.length}`) },
      descriptor: notification(COVERAGE),
      properties: { cluster: cluster2.name, simulated: cov.simulated, notSimulated: cov.notSimulated.length }
    });
    for (const n of cov.notSimulated) {
      const text = visibleControls(`Cluster ${cluster2.name}: not simulated: ${n.what}: ${cutMessage(n.reason)}`);
      const locations = location(n.source, `${cluster2.name}/${n.what}`);
      notifications.push({ level: "note", message: { text }, locations, descriptor: notification(NOT_SIMULATED), properties: { cluster: cluster2.name, what: n.what, changed: n.changed } });
      if (!n.changed) continue;
      const index = rule(NOT_SIMULATED, () => ({ ...NOTIFICATIONS.find((d) => d.id === NOT_SIMULATED) }));
      results.push({
        ruleId: NOT_SIMULATED,
        ruleIndex: index,
        level: "note",
        kind: "fail",
        message: { text },
        locations,
        partialFingerprints: { [FINGERPRINT_KEY]: `${cluster2.name}|not-simulated|${n.what}|${n.source?.file ?? ""}` },
        baselineState: "new",
        properties: { cluster: cluster2.name, what: n.what, changed: true }
      });
    }
  }
  if (listed.omitted > 0) {
    notifications.push({ level: "note", message: { text: `${listed.omitted} more findings left out (at most ${listed.shown.length} are listed); see the JSON report.` }, descriptor: notification(OMITTED) });
  }
  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        .../^\d+\.\d+\.\d+/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {},
        rules,
        ...notifications.length > 0 ? { notifications: NOTIFICATIONS.map((n) => ({ ...n })) } : {}
      }
    },
    automationDetails: { id: `preadmit/${report.enforcementPoint}/` },
    invocations: [notifications.length > 0 ? { executionSuccessful: true, toolExecutionNotifications: notifications } : { executionSuccessful: true }],
    results,
    ...listed.omitted > 0 ? { properties: { omittedFindings: listed.omitted } } : {}
  };
  if (options.repositoryUri !== void 0) {
    run.versionControlProvenance = [{ repositoryUri: options.repositoryUri, revisionId: report.head.sha, branch: report.head.ref }];
  }
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run] };
}

// src/report/text.ts
var CODES = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22]
};
function renderText(report, options) {
  const paint = (style, s) => options.color ? `\x1B[${CODES[style][0]}m${s}\x1B[${CODES[style][1]}m` : s;
  const safe = (s) => visibleControls(s).replace(/\n/g, " ");
  const actionStyle = { deny: "red", warn: "yellow", dryrun: "cyan" };
  const where = (s) => s === void 0 ? "" : `  ${paint("dim", safe(locationLabel(s)))}`;
  const lines = [];
  const v = report.verdict;
  const pass = v.conclusion === "success";
  lines.push(`${paint(pass ? "green" : "red", paint("bold", pass ? "\u2714 PASS" : "\u2716 FAIL"))}  ${outcomeTitle(report)}`);
  lines.push(
    paint("dim", `  ${safe(report.base.ref)} (${safe(shortSha(report.base.sha))}) \u2192 ${safe(report.head.ref)} (${safe(shortSha(report.head.sha))}), ${safe(report.enforcementPoint)}`)
  );
  for (const b of v.blocking) lines.push(`  ${paint("red", "\u2022")} ${safe(b)}`);
  const findingLines = (f, indent) => {
    const action = strongestAction(f.actions);
    const mark = f.category === "fixed" ? paint("green", "fixed ") : paint(actionStyle[action], action.padEnd(6));
    lines.push(`${indent}${mark} ${paint("bold", safe(constraintLabel(f.constraint)))}  ${safe(objectLabel(f.object))}${where(f.location ?? f.objectSource)}`);
    lines.push(`${indent}       ${safe(cutMessage(f.message))}`);
    if (f.category === "changed" && f.previousMessage !== void 0) lines.push(`${indent}       ${paint("dim", `was: ${safe(f.previousMessage)}`)}`);
    if (f.onCreate) lines.push(`${indent}       ${paint("dim", "the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created")}`);
  };
  const each = (list, indent, what, show) => {
    const { shown, omitted } = capped(list);
    for (const x of shown) show(x);
    if (omitted > 0) lines.push(`${indent}${paint("dim", `\u2026 ${omitted} more ${what} left out; see -o json`)}`);
  };
  const multi = report.clusters.length > 1;
  for (const c of report.clusters) clusterText(c);
  function clusterText(c) {
    const indent = multi ? "    " : "  ";
    if (multi) lines.push("", paint("bold", `cluster ${safe(c.name)}`));
    const heading = (title) => {
      lines.push(`${multi ? "  " : ""}${paint("bold", title)}`);
    };
    const newObject = sortedFindings(c.findings, (f) => f.category === "new" && !isPolicyCaused(f));
    const fixed = sortedFindings(c.findings, (f) => f.category === "fixed" && !isPolicyCaused(f));
    const byPolicy = sortedFindings(c.findings, (f) => (f.category === "new" || f.category === "fixed") && isPolicyCaused(f));
    const changed = sortedFindings(c.findings, (f) => f.category === "changed");
    const unchanged = c.findings.filter((f) => f.category === "unchanged").length + changed.length;
    if (newObject.length > 0) {
      lines.push("");
      heading(`new (${newObject.length})`);
      each(newObject, indent, "new findings", (f) => findingLines(f, indent));
    }
    if (c.policyChanges.length > 0 || byPolicy.length > 0) {
      lines.push("");
      heading(`policy changes (${c.policyChanges.length})`);
      for (const p of c.policyChanges) {
        const actions = p.actionBefore !== void 0 || p.actionAfter !== void 0 ? ` (${safe(p.actionBefore ?? "\u2014")} \u2192 ${safe(p.actionAfter ?? "\u2014")})` : "";
        const effect = [
          p.newlyDenied.length > 0 ? paint("red", `newly rejects ${plural(p.newlyDenied.length, "existing object")}`) : "",
          p.noLongerDenied.length > 0 ? paint("green", `stops rejecting ${plural(p.noLongerDenied.length, "object")}`) : ""
        ].filter((s2) => s2 !== "");
        lines.push(`${indent}${p.change} ${p.type} ${paint("bold", safe(p.name))}${actions}${effect.length > 0 ? `: ${effect.join(", ")}` : ""}${where(p.source)}`);
      }
      each(byPolicy, `${indent}  `, "findings caused by policy changes", (f) => findingLines(f, `${indent}  `));
    }
    if (c.relaxations.length > 0) {
      lines.push("");
      heading(`policy relaxations (${c.relaxations.length})`);
      for (const r of c.relaxations) {
        const note = r.allowed ? paint("green", " (allowed exemption)") : "";
        lines.push(`${indent}${paint("bold", safe(r.description))}: lets through ${plural(r.letsThrough.length, "violation")}${note}${where(r.source)}`);
        for (const t of r.letsThrough) lines.push(`${indent}  ${t.before} \u2192 ${t.after}  ${safe(constraintLabel(t.constraint))}  ${safe(objectLabel(t.object))}${where(t.objectSource)}  ${safe(t.message)}`);
      }
    }
    if (c.promotions.length > 0) {
      lines.push("");
      heading(`promotions (${c.promotions.length})`);
      for (const p of c.promotions) {
        lines.push(`${indent}${paint("bold", safe(constraintLabel(p.constraint)))} ${safe(p.from)} \u2192 ${safe(p.to)}: ${plural(p.objects.length, "existing object")} would start being rejected${where(p.constraint.source)}`);
        each(p.objects, `${indent}  `, "objects", (o) => lines.push(`${indent}  ${safe(objectLabel(o.object))}${where(o.source)}  ${safe(cutMessage(o.message))}`));
      }
    }
    if (c.exemptions.length > 0) {
      lines.push("");
      heading(`exemptions (${c.exemptions.length})`);
      for (const e of c.exemptions) {
        const verdict = e.change === "removed" ? "" : e.allowed ? paint("green", "  allowed") : paint("red", "  outside the allow list");
        lines.push(`${indent}${e.change} ${paint("bold", safe(e.namespace))} in ${safe(e.owner)} ${safe(e.field)}${verdict}${where(e.source)}`);
      }
    }
    if (c.errors.length > 0) {
      lines.push("");
      heading(`errors (${c.errors.length})`);
      each(c.errors, indent, "errors", (e) => {
        const ref = e.existing ? paint("yellow", `${e.ref} (also at base)`) : paint(e.ref === "head" ? "red" : "yellow", e.ref);
        lines.push(`${indent}${ref} ${safe(e.error.kind)}${where(e.error.source)}  ${safe(cutMessage(e.error.message))}`);
      });
    }
    const duplicates = c.duplicates ?? [];
    if (duplicates.length > 0) {
      lines.push("");
      heading(`objects rendered more than once (${duplicates.length}), each copy reported on its own`);
      for (const d of duplicates) lines.push(`${indent}${d.ref} ${safe(objectLabel(d.object))}: ${d.copies.map((x) => `${safe(x.root)}${where(x.source)}`).join(", ")}`);
    }
    const unsimulated = c.coverage?.notSimulated ?? [];
    if (unsimulated.length > 0) {
      lines.push("");
      heading(`not simulated (${unsimulated.length})`);
      for (const n of unsimulated) lines.push(`${indent}${n.changed ? paint("yellow", "touched ") : ""}${paint("bold", safe(n.what))}${where(n.source)}  ${safe(cutMessage(n.reason))}`);
    }
    if (fixed.length > 0) {
      lines.push("");
      heading(`fixed (${fixed.length})`);
      each(fixed, indent, "fixed findings", (f) => findingLines(f, indent));
    }
    if (changed.length > 0) {
      lines.push("");
      heading(`still violating, message changed (${changed.length})`);
      for (const f of changed) findingLines(f, indent);
    }
    const rest = [];
    if (unchanged > 0) rest.push(plural(unchanged, "unchanged violation"));
    if (c.renderedDiffs.length > 0) rest.push(`${plural(c.renderedDiffs.length, "rendered object")} changed`);
    const s = c.stats;
    rest.push(`${plural(s.objectsHead, "object")} at head, ${plural(s.reviews, "review")}, ${(s.durationMs / 1e3).toFixed(1)} s`);
    lines.push("", paint("dim", `${multi ? "  " : ""}${rest.join(" \xB7 ")}`));
  }
  return `${lines.join("\n")}
`;
}

// src/cli/commands/diff.ts
var DIFF_USAGE = `Usage: preadmit diff --base REF --head REF [--repo DIR] [--config FILE] [-o text|markdown|json|sarif] [${UNSAFE_FLAG}]

Simulates Gatekeeper admission of the repository at both refs and reports what the change introduces,
fixes and leaves as it was. The repository config is read from ${CONFIG_FILE} at the base ref (a change
cannot relax its own check) unless --config names a file. Exit code: 0 when the change passes, 1 when
it is blocked, 2 on a usage error.
${UNSAFE_FLAG_HELP}`;
async function runDiff(argv, out, err, signal) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        head: { type: "string" },
        repo: { type: "string", default: "." },
        config: { type: "string" },
        output: { type: "string", short: "o", default: "text" },
        color: { type: "boolean" },
        "unsafe-no-sandbox": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (e) {
    err.write(`${e.message}
${DIFF_USAGE}
`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    out.write(`${DIFF_USAGE}
`);
    return 0;
  }
  if (!v.base) {
    err.write(`--base is required
${DIFF_USAGE}
`);
    return 2;
  }
  const format = v.output ?? "text";
  if (!["text", "markdown", "json", "sarif"].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, markdown, json or sarif
`);
    return 2;
  }
  const sandbox = await sandboxMode(v["unsafe-no-sandbox"] ?? false, "diff", err);
  if (sandbox === void 0) return 2;
  const source2 = new LocalGitSource(v.repo ?? ".", signal !== void 0 ? { signal } : {});
  if (v.head === void 0 && await uncommittedChanges(v.repo ?? ".") > 0) {
    err.write(`note: no --head given, so the head is HEAD; the working tree has uncommitted changes, which are not included (commit them to check them)
`);
  }
  const configFile = v.config ?? CONFIG_FILE;
  const configText = v.config !== void 0 ? await readFile(v.config, "utf8") : (await source2.readFile(await source2.resolve(v.base), CONFIG_FILE))?.toString("utf8");
  const { config, errors: configErrors } = loadConfig(configText, configFile);
  for (const e of configErrors) err.write(`config error: ${e.message}
`);
  const progress = err.isTTY ? (line) => err.write(`\x1B[2m\u2026 ${line}\x1B[0m
`) : void 0;
  const runtime = createRuntime();
  let report;
  try {
    report = await simulate({
      source: source2,
      base: v.base,
      head: v.head ?? "HEAD",
      config,
      runtime,
      ...sandbox === "unsafe-none" ? { unsafeNoSandbox: true } : {},
      ...progress ? { onProgress: progress } : {},
      ...signal !== void 0 ? { signal } : {}
    });
  } finally {
    await runtime.close();
  }
  applyConfigErrors(report, configErrors, config, configFile);
  out.write(renderReport(report, format, v.color ?? Boolean(out.isTTY)));
  return report.verdict.conclusion === "success" ? 0 : 1;
}
function renderReport(report, format, color) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report), null, 2)}
`;
    case "markdown": {
      const md = renderMarkdown(report);
      return `# ${md.title}

${md.summary}
`;
    }
    default:
      return renderText(report, { color });
  }
}
function uncommittedChanges(repo) {
  return new Promise((resolve) => {
    execFile("git", ["-C", repo, "status", "--porcelain"], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve(error ? 0 : stdout.split("\n").filter((l) => l.trim() !== "").length);
    });
  });
}

export {
  DIFF_USAGE,
  runDiff,
  renderReport
};
//# sourceMappingURL=chunk-6NRAZBLT.mjs.map
