import {
  unappliedMutators
} from "./chunk-RWK4WCFY.mjs";
import {
  CONFIG_PROCESSES,
  PolicyClient,
  actionsForEnforcementPoint,
  configMatchEntries,
  evaluatePlan,
  expand,
  isGatekeeperConfig,
  matchesGlob,
  parseExpansionTemplate,
  parseMatch,
  planReviews,
  processExclusions,
  syncedObjects
} from "./chunk-U2OET4L7.mjs";
import {
  DEFAULT_NAMESPACE,
  MASK,
  changedPaths,
  globToRegExp,
  holdsKubernetesObjects,
  imagesEntryLine,
  isKustomizationFile,
  isSecretKind,
  isUnder,
  lineOfPath,
  maskSecret,
  matchesAny,
  offendingPath,
  planRepo,
  redactDeep,
  redactSecrets,
  renderBudget,
  renderRef,
  resolveInRepo,
  rootId,
  secretValues,
  valueAt,
  valuesLine,
  withinPaths
} from "./chunk-YPO3PXX5.mjs";
import {
  constraintLabel,
  cutDiff,
  isManifestFile,
  isPolicyCaused,
  isRepositoryPath,
  listManifestFiles,
  locationLabel,
  objectLabel,
  outcomeTitle,
  plural,
  shortSha,
  sortedFindings,
  strongestAction,
  truncateChars,
  verdictLine
} from "./chunk-MDHHRUTZ.mjs";
import {
  REPO_ROOT,
  classify,
  gvkOf,
  isNamespace,
  isObject,
  metadataOf,
  nameOf,
  namespaceOf,
  throwIfAborted
} from "./chunk-D23G4ER4.mjs";
import {
  loadManifests,
  loadManifestsMemo
} from "./chunk-LV3SBTA7.mjs";

// src/config/defaults.ts
var CONFIG_FILE = ".github/preadmit.yml";
var DEFAULT_CLUSTER_NAME = "default";
var DEFAULT_ENFORCEMENT_POINT = "validation.gatekeeper.sh";
var EXPANDABLE_WORKLOADS = [
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "ReplicationController"
];
function defaultCluster(name = DEFAULT_CLUSTER_NAME) {
  return { name, manifests: ["."], policies: ["."], shippedPolicies: false, inventory: [], helmValues: {}, kubeVersion: void 0, apiVersions: [], defaultNamespace: DEFAULT_NAMESPACE, exclude: [] };
}
function defaultBlocking() {
  return { newDeny: true, newWarn: false, existingViolations: false, errorsAtHead: true, exemptionOutsideAllowList: true, policyRelaxation: true, unsimulated: false };
}
function defaultConfig() {
  return {
    clusters: [defaultCluster()],
    enforcementPoint: DEFAULT_ENFORCEMENT_POINT,
    blocking: defaultBlocking(),
    exemptions: { allowedNamespaces: void 0 },
    expandWorkloads: [...EXPANDABLE_WORKLOADS],
    gitops: { enabled: true, repoURLs: [] },
    chartRepositories: void 0
  };
}

// src/config/load.ts
import AjvModule from "ajv";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";

// schema/preadmit.schema.json
var preadmit_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/preadmit/preadmit/schema/preadmit.schema.json",
  title: "preadmit repository configuration (.github/preadmit.yml)",
  description: "Which clusters a repository describes, which policies apply to them, what blocks a pull request, and who may be exempted. Every field is optional; a repository without this file is one cluster made of the whole repository.",
  type: "object",
  additionalProperties: false,
  properties: {
    clusters: {
      description: "The targets this repository deploys to. Default: one cluster named `default` with every manifest and every policy of the repository.",
      type: "array",
      minItems: 1,
      items: {
        $ref: "#/definitions/cluster"
      }
    },
    enforcementPoint: {
      description: "The Gatekeeper enforcement point to simulate; scoped enforcement actions are resolved for it. Default: validation.gatekeeper.sh (the admission webhook).",
      type: "string",
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
      "x-pattern-meaning": "an enforcement point name such as validation.gatekeeper.sh"
    },
    blocking: {
      description: "What makes the check fail.",
      type: "object",
      additionalProperties: false,
      properties: {
        newDeny: {
          type: "boolean",
          description: "New violations of constraints whose action is deny. Default: true."
        },
        newWarn: {
          type: "boolean",
          description: "New violations of constraints whose action is warn. Default: false."
        },
        existingViolations: {
          type: "boolean",
          description: "Deny violations that already exist at base and remain at head. Default: false."
        },
        errorsAtHead: {
          type: "boolean",
          description: "Render, load or compile errors at head (fail closed). Default: true."
        },
        exemptionOutsideAllowList: {
          type: "boolean",
          description: "An exemption added for a namespace outside exemptions.allowedNamespaces. Default: true."
        },
        unsimulated: {
          type: "boolean",
          description: "A GitOps app (Flux Kustomization/HelmRelease, Argo CD Application/ApplicationSet) or root that the change touches and preadmit does not simulate (chart from a remote repository, unsupported generator, jsonnet, render error). Default: false (listed in the report's Coverage section, not blocking)."
        },
        policyRelaxation: {
          type: "boolean",
          description: "A change that weakens the policies: a constraint's enforcement action weakened for the enforcement point (deny to warn or dryrun, scoped actions removed), a constraint or ConstraintTemplate removed, a constraint's match narrowed, excludedNamespaces or Config exclusions added (unless every namespace is in exemptions.allowedNamespaces), or a template, parameter or other policy change that lets through a violation the base's policies report on the head's objects. Each is listed with what it lets through. Default: true."
        }
      }
    },
    exemptions: {
      description: "Exemption governance.",
      type: "object",
      additionalProperties: false,
      properties: {
        allowedNamespaces: {
          description: "Namespaces (Gatekeeper wildcards: `kube-*`, `*-system`) that constraints' excludedNamespaces and the Config's exclusions may name. Absent: any exemption is allowed.",
          type: "array",
          uniqueItems: true,
          items: {
            type: "string",
            pattern: "^(\\*|\\*-)?[a-z0-9]([-:a-z0-9]*[a-z0-9])?(\\*|-\\*)?$",
            "x-pattern-meaning": "a namespace name, optionally with a leading or trailing `*` (Gatekeeper's wildcard syntax)"
          }
        }
      }
    },
    chartRepositories: {
      type: "array",
      items: { type: "string", pattern: "^(https?|oci)://" },
      description: "Helm chart repositories (http(s) URLs, oci:// registries, or URL prefixes) whose charts Flux HelmReleases and Argo CD Applications may use. Only narrows the operator's PREADMIT_CHART_REPOSITORIES: an entry the operator does not allow is ignored. Read from the default branch only. Default: the operator's list."
    },
    gitops: {
      description: "GitOps apps: Flux Kustomization/HelmRelease and Argo CD Application/ApplicationSet objects in the repository are rendered as their tools would render them.",
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean", description: "Discover and render GitOps apps. Default: true." },
        repoURLs: {
          type: "array",
          items: { type: "string" },
          description: "Git URLs that name this repository (Flux GitRepository spec.url, Argo CD repoURL; scheme, user, .git and case ignored). Sources with other URLs are listed as not simulated. Default: [] (every git source is taken as this repository)."
        }
      }
    },
    expandWorkloads: {
      description: "Workload kinds whose pod templates are reviewed as Pods when the repository has no ExpansionTemplate of its own. Default: all of them; [] turns expansion off.",
      type: "array",
      uniqueItems: true,
      items: {
        type: "string",
        enum: [
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "Job",
          "CronJob",
          "ReplicationController"
        ]
      }
    }
  },
  definitions: {
    path: {
      type: "string",
      minLength: 1,
      pattern: "^(?!/)(?![A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$)).+$",
      "x-pattern-meaning": "a repository-relative path with `/` separators that stays inside the repository (no leading `/`, no `..`)"
    },
    cluster: {
      type: "object",
      additionalProperties: false,
      required: [
        "name"
      ],
      properties: {
        name: {
          description: "The cluster's name, as shown in the report.",
          type: "string",
          maxLength: 63,
          pattern: "^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$",
          "x-pattern-meaning": "a lower-case name of letters, digits, `-`, `_` and `.`"
        },
        manifests: {
          description: 'Manifest roots: files or directories (plain YAML, kustomizations, helm charts). Default: ["."].',
          type: "array",
          items: {
            $ref: "#/definitions/path"
          },
          minItems: 1
        },
        policies: {
          description: `Where this cluster's ConstraintTemplates, constraints, Config and ExpansionTemplates live. Default: ["."].`,
          type: "array",
          items: {
            $ref: "#/definitions/path"
          }
        },
        shippedPolicies: {
          description: "Also apply preadmit's own policy library. Default: false.",
          type: "boolean"
        },
        inventory: {
          description: "Files whose objects make up data.inventory (and the cluster's Namespaces) for referential constraints. Default: [].",
          type: "array",
          items: {
            $ref: "#/definitions/path"
          }
        },
        helmValues: {
          description: "Values files per chart directory, applied in order.",
          type: "object",
          propertyNames: {
            $ref: "#/definitions/path"
          },
          additionalProperties: {
            type: "array",
            items: {
              $ref: "#/definitions/path"
            }
          }
        },
        kubeVersion: {
          description: "The cluster's Kubernetes version, given to every helm render of this cluster (helm releases, Flux and Argo CD helm apps, kustomize helmCharts): what `.Capabilities.KubeVersion` says. Default: helm's own.",
          type: "string",
          maxLength: 64,
          pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?([-+][0-9A-Za-z.+-]+)?$",
          "x-pattern-meaning": "a Kubernetes version such as `1.31`, `v1.31.4` or `1.31.4-gke.100`"
        },
        defaultNamespace: {
          description: "The namespace of this cluster's applies (kubectl's and helm's context namespace): namespaced objects that name no namespace, in plain files, kustomize roots, helm releases without one and Argo CD apps without a destination namespace, are reviewed there, as the API server files them before admission. A Flux Kustomization without spec.targetNamespace is not defaulted (Flux refuses such objects: an error). Default: default.",
          type: "string",
          maxLength: 63,
          pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
          "x-pattern-meaning": "a Kubernetes namespace name (lowercase letters, digits and '-')"
        },
        apiVersions: {
          description: "API versions the cluster serves besides Kubernetes' own and Gatekeeper's (its CRDs), given to every helm render of this cluster: what `.Capabilities.APIVersions.Has` finds. `group/version` or `group/version/Kind`. Default: [].",
          type: "array",
          uniqueItems: true,
          items: {
            type: "string",
            maxLength: 253,
            pattern: "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?v[0-9]+((alpha|beta)[0-9]+)?(/[A-Z][A-Za-z0-9]*)?$",
            "x-pattern-meaning": "an API version such as `monitoring.coreos.com/v1` or `monitoring.coreos.com/v1/ServiceMonitor`"
          }
        },
        exclude: {
          description: "Globs of paths never rendered or reviewed. Default: [].",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      }
    }
  }
};

// src/config/expansion.ts
var WORKLOADS = {
  Deployment: { group: "apps", version: "v1", templateSource: "spec.template" },
  StatefulSet: { group: "apps", version: "v1", templateSource: "spec.template" },
  DaemonSet: { group: "apps", version: "v1", templateSource: "spec.template" },
  ReplicaSet: { group: "apps", version: "v1", templateSource: "spec.template" },
  Job: { group: "batch", version: "v1", templateSource: "spec.template" },
  CronJob: { group: "batch", version: "v1", templateSource: "spec.jobTemplate.spec.template" },
  ReplicationController: { group: "", version: "v1", templateSource: "spec.template" }
};
var DEFAULT_EXPANSION_SOURCE = "preadmit:default-expansion";
function defaultExpansionTemplates(kinds) {
  const groups = /* @__PURE__ */ new Map();
  for (const kind of new Set(kinds)) {
    const shape = Object.hasOwn(WORKLOADS, kind) ? WORKLOADS[kind] : void 0;
    if (shape === void 0) continue;
    const key = `${shape.group}\0${shape.version}\0${shape.templateSource}`;
    const entry = groups.get(key) ?? { shape, kinds: [] };
    entry.kinds.push(kind);
    groups.set(key, entry);
  }
  const out = [];
  const ordered = [...groups.values()].sort(
    (a, b) => a.shape.templateSource.localeCompare(b.shape.templateSource) || a.shape.group.localeCompare(b.shape.group)
  );
  for (const [i, { shape, kinds: groupKinds }] of ordered.entries()) {
    const suffix = shape.templateSource === "spec.template" ? shape.group === "" ? "core" : shape.group : `${shape.group}-${groupKinds.join("-").toLowerCase()}`;
    const object = {
      apiVersion: "expansion.gatekeeper.sh/v1beta1",
      kind: "ExpansionTemplate",
      metadata: { name: `preadmit-expand-${suffix}` },
      spec: {
        applyTo: [{ groups: [shape.group], kinds: groupKinds.slice(), versions: [shape.version] }],
        templateSource: shape.templateSource,
        generatedGVK: { group: "", version: "v1", kind: "Pod" }
      }
    };
    out.push({ object, source: { file: DEFAULT_EXPANSION_SOURCE, startLine: i + 1, endLine: i + 1, renderedBy: "preadmit" } });
  }
  return out;
}

// src/config/load.ts
var MAX_CONFIG_BYTES = 256 * 1024;
var Ajv = AjvModule.default;
var validator;
function validate(value) {
  if (validator === void 0) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    ajv.addKeyword({ keyword: "x-pattern-meaning", schemaType: "string" });
    validator = ajv.compile(preadmit_schema_default);
  }
  return validator(value) ? [] : [...validator.errors ?? []];
}
function loadConfig(text, file) {
  if (text === void 0) return { config: defaultConfig(), errors: [] };
  const loaded = loadManifests(text, file, { yamlVersion: "1.2", maxBytes: MAX_CONFIG_BYTES, maxAliasCount: 20 });
  const errors = loaded.errors.map((e) => ({ ...e, kind: "config" }));
  if (errors.length > 0) return { config: defaultConfig(), errors };
  if (loaded.objects.length === 0) return { config: defaultConfig(), errors };
  const positions = new Positions(text);
  const [first, ...rest] = loaded.objects;
  for (const extra of rest) {
    errors.push(configError(file, extra.source, "the configuration must be a single YAML document; this one is ignored"));
  }
  const value = first?.object ?? {};
  const bad = [];
  for (const problem of describe(validate(value), value)) {
    bad.push(problem.pointer);
    errors.push(configError(file, positions.locate(problem.pointer, problem.keyOnly, file), `${dotted(problem.pointer)}: ${problem.message}`));
  }
  const config = buildConfig(value, bad, (pointer, message2) => {
    errors.push(configError(file, positions.locate(pointer, false, file), `${dotted(pointer)}: ${message2}`));
  });
  return { config, errors: sortErrors(errors) };
}
function configError(file, source, message2) {
  return { kind: "config", message: `${file}:${source.startLine}: ${message2}`, source };
}
function sortErrors(errors) {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => (a.e.source?.startLine ?? 0) - (b.e.source?.startLine ?? 0) || a.i - b.i).map(({ e }) => e);
}
function describe(ajvErrors, root) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const namedKeys = new Set(ajvErrors.filter((e) => e.propertyName !== void 0).map((e) => `${e.instancePath}\0${e.propertyName ?? ""}`));
  for (const e of ajvErrors) {
    let problem;
    const params = e.params;
    if (e.keyword === "propertyNames" && namedKeys.has(`${e.instancePath}\0${String(params.propertyName)}`)) continue;
    if (e.propertyName !== void 0) {
      problem = { pointer: child(e.instancePath, e.propertyName), keyOnly: false, message: `key ${JSON.stringify(e.propertyName)} ${keyRuleMessage(e)}` };
    } else if (e.keyword === "additionalProperties") {
      const key2 = String(params.additionalProperty);
      const known = knownKeys(e.parentSchema);
      const hint = closest(key2, known);
      const list = known.length > 0 ? ` (known keys: ${known.join(", ")})` : "";
      problem = { pointer: child(e.instancePath, key2), keyOnly: false, message: `unknown key ${JSON.stringify(key2)}${hint !== void 0 ? `; did you mean ${JSON.stringify(hint)}?` : list}` };
    } else if (e.keyword === "required") {
      const key2 = String(params.missingProperty);
      problem = { pointer: child(e.instancePath, key2), keyOnly: true, message: `required key ${JSON.stringify(key2)} is missing` };
    } else if (e.keyword === "uniqueItems") {
      const j = Number(params.j);
      const item = valueAt2(root, child(e.instancePath, String(j)));
      problem = { pointer: child(e.instancePath, String(Math.max(Number(params.i), j))), keyOnly: false, message: `${JSON.stringify(item)} is listed twice` };
    } else {
      problem = { pointer: e.instancePath, keyOnly: false, message: valueRuleMessage(e) };
    }
    const key = `${problem.pointer}\0${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}
function valueRuleMessage(e) {
  const params = e.params;
  const shown = JSON.stringify(e.data);
  switch (e.keyword) {
    case "type":
      return `must be ${article(String(params.type))}, not ${jsonType(e.data)}`;
    case "enum":
      return `${shown} is not one of ${params.allowedValues.map((v) => String(v)).join(", ")}`;
    case "pattern":
      return `${shown} is not ${patternMeaning(e.parentSchema) ?? `matching ${String(params.pattern)}`}`;
    case "minItems":
      return `must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`;
    case "minLength":
      return "must not be empty";
    case "maxLength":
      return `${shown} is longer than ${String(params.limit)} characters`;
    default:
      return e.message ?? `fails the schema rule ${e.keyword}`;
  }
}
function keyRuleMessage(e) {
  if (e.keyword === "pattern") return `is not ${patternMeaning(e.parentSchema) ?? `matching ${String(e.params.pattern)}`}`;
  return e.message ?? `fails the schema rule ${e.keyword}`;
}
function patternMeaning(parentSchema) {
  if (typeof parentSchema !== "object" || parentSchema === null) return void 0;
  const meaning = parentSchema["x-pattern-meaning"];
  return typeof meaning === "string" ? meaning : void 0;
}
function knownKeys(parentSchema) {
  if (typeof parentSchema !== "object" || parentSchema === null) return [];
  const props = parentSchema.properties;
  return typeof props === "object" && props !== null ? Object.keys(props) : [];
}
function closest(key, known) {
  const lower = key.toLowerCase().replace(/[-_]/g, "");
  let best;
  for (const name of known) {
    const d = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (d <= 2 && (best === void 0 || d < best.d)) best = { name, d };
  }
  return best?.name;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
function article(type) {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
function jsonType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}\u2026` : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
function segments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function child(pointer, key) {
  return `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
function dotted(pointer) {
  let out = "";
  for (const s of segments(pointer)) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === "" ? "(top level)" : out;
}
function valueAt2(root, pointer) {
  let cur = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (typeof cur === "object" && cur !== null) cur = Object.hasOwn(cur, s) ? cur[s] : void 0;
    else return void 0;
  }
  return cur;
}
var Positions = class {
  lineCounter = new LineCounter();
  root;
  constructor(text) {
    const docs = parseAllDocuments(text, { lineCounter: this.lineCounter, version: "1.2", prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    this.root = list[0]?.contents ?? null;
  }
  /**
   * The line of the offending key. For a missing key (`keyOnly`), or a pointer the YAML does not have, the deepest
   * existing ancestor stands in.
   */
  locate(pointer, keyOnly, file) {
    let node = this.root;
    let pair;
    let item;
    const parts = segments(pointer);
    if (keyOnly) parts.pop();
    for (const part of parts) {
      if (isMap(node)) {
        const found = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === part);
        if (found === void 0) break;
        pair = found;
        item = void 0;
        node = found.value ?? null;
      } else if (isSeq(node)) {
        const found = node.items[Number(part)];
        if (found === void 0) break;
        item = found;
        pair = void 0;
        node = found;
      } else break;
    }
    const keyNode = pair?.key;
    const startOffset = keyNode?.range?.[0] ?? item?.range?.[0] ?? this.root?.range?.[0] ?? 0;
    const endNode = pair?.value ?? item ?? keyNode;
    const endOffset = endNode?.range?.[1] ?? startOffset;
    const startLine = this.lineCounter.linePos(startOffset).line;
    const endLine = Math.max(startLine, this.lineCounter.linePos(Math.max(startOffset, endOffset - 1)).line);
    return { file, startLine, endLine };
  }
};
function buildConfig(value, badPointers, report) {
  const ok = (pointer) => !badPointers.some((b) => b === pointer || b.startsWith(`${pointer}/`) || pointer.startsWith(`${b}/`));
  const present = (pointer) => valueAt2(value, pointer) !== void 0;
  const use = (pointer) => present(pointer) && ok(pointer);
  const defaults = defaultConfig();
  const strings = (pointer, fallback) => use(pointer) ? valueAt2(value, pointer).slice() : fallback;
  let clusters = defaults.clusters;
  const rawClusters = valueAt2(value, "/clusters");
  if (Array.isArray(rawClusters) && rawClusters.length > 0) {
    clusters = [];
    const names = /* @__PURE__ */ new Set();
    rawClusters.forEach((_, i) => {
      const at = `/clusters/${i}`;
      const namePointer = `${at}/name`;
      const name = use(namePointer) ? valueAt2(value, namePointer) : `cluster-${i + 1}`;
      if (names.has(name)) {
        report(namePointer, `cluster ${JSON.stringify(name)} is declared twice; this declaration is ignored`);
        return;
      }
      names.add(name);
      const d = defaultCluster(name);
      const helmPointer = `${at}/helmValues`;
      const helmValues = {};
      if (use(helmPointer)) {
        for (const [chart, files] of Object.entries(valueAt2(value, helmPointer))) helmValues[chart] = files.slice();
      }
      clusters.push({
        name,
        manifests: strings(`${at}/manifests`, d.manifests),
        policies: strings(`${at}/policies`, d.policies),
        shippedPolicies: use(`${at}/shippedPolicies`) ? valueAt2(value, `${at}/shippedPolicies`) : d.shippedPolicies,
        inventory: strings(`${at}/inventory`, d.inventory),
        helmValues,
        kubeVersion: use(`${at}/kubeVersion`) ? valueAt2(value, `${at}/kubeVersion`) : d.kubeVersion,
        // A bad entry is dropped, the others stay: a template gated on a listed API is still reviewed.
        apiVersions: Array.isArray(valueAt2(value, `${at}/apiVersions`)) ? [...new Set(valueAt2(value, `${at}/apiVersions`).filter((v, j) => typeof v === "string" && ok(`${at}/apiVersions/${j}`)))] : d.apiVersions,
        defaultNamespace: use(`${at}/defaultNamespace`) ? valueAt2(value, `${at}/defaultNamespace`) : d.defaultNamespace,
        exclude: strings(`${at}/exclude`, d.exclude)
      });
    });
    if (clusters.length === 0) clusters = defaults.clusters;
  }
  const blocking = defaultBlocking();
  for (const key of Object.keys(blocking)) {
    const pointer = `/blocking/${key}`;
    if (use(pointer)) blocking[key] = valueAt2(value, pointer);
  }
  return {
    clusters,
    enforcementPoint: use("/enforcementPoint") ? valueAt2(value, "/enforcementPoint") : defaults.enforcementPoint,
    blocking,
    exemptions: {
      // A governance list with a bad entry still governs: the bad entries are dropped, never the whole list, so an
      // error cannot silently turn governance off.
      allowedNamespaces: present("/exemptions/allowedNamespaces") && Array.isArray(valueAt2(value, "/exemptions/allowedNamespaces")) ? valueAt2(value, "/exemptions/allowedNamespaces").filter((ns, i) => typeof ns === "string" && ok(`/exemptions/allowedNamespaces/${i}`)).filter((ns, i, all) => all.indexOf(ns) === i) : present("/exemptions/allowedNamespaces") ? [] : void 0
    },
    expandWorkloads: strings("/expandWorkloads", defaults.expandWorkloads),
    gitops: {
      enabled: use("/gitops/enabled") ? valueAt2(value, "/gitops/enabled") : defaults.gitops.enabled,
      repoURLs: strings("/gitops/repoURLs", defaults.gitops.repoURLs)
    },
    // Narrows the operator's list: a bad entry is dropped, never the whole list (an error must not widen it).
    chartRepositories: present("/chartRepositories") && Array.isArray(valueAt2(value, "/chartRepositories")) ? valueAt2(value, "/chartRepositories").filter((u, i) => typeof u === "string" && ok(`/chartRepositories/${i}`)) : present("/chartRepositories") ? [] : void 0
  };
}

// src/report/escape.ts
var LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
var CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
var MARKUP = /[\\`*_[\]<>#!|~&]/g;
var JOINER = "\u2060";
function escapeMarkdown(text) {
  return text.replace(LINE_BREAKS, " ").replace(CONTROLS, "\uFFFD").replace(/\t/g, " ").replace(MARKUP, (c) => `\\${c}`).replace(/^ {4,}/, " ").replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2").replace(/@/g, `@${JOINER}`);
}
function escapeHtml(text) {
  return text.replace(LINE_BREAKS, " ").replace(CONTROLS, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/@/g, `@${JOINER}`);
}
function inlineCode(text) {
  return `<code>${escapeMarkdown(text)}</code>`;
}
function fenced(body, info = "") {
  const clean = body.replace(/\r\n/g, "\n").replace(CONTROLS, "\uFFFD").replace(/\r/g, "\uFFFD").replace(/\n+$/, "");
  let longest = 0;
  for (const m of clean.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${escapeInfo(info)}
${clean}
${fence}
`;
}
function escapeInfo(info) {
  return info.replace(/[`\r\n\u2028\u2029]/g, "").replace(CONTROLS, "");
}

// src/report/secrets.ts
var SECRET_MASK = MASK;
function maskedDiff(d) {
  if (!isSecretKind(d.object.group, d.object.kind)) return d.diff;
  return maskSecretValuesInDiff(d.diff);
}
function maskSecretValuesInDiff(diff) {
  const out = [];
  let sectionIndent = -1;
  let blockIndent = -1;
  for (const line of diff.split("\n")) {
    if (/^(---|\+\+\+|@@|Index:|={3,}|\\ No newline)/.test(line) || line === "") {
      out.push(line);
      continue;
    }
    const marker = line[0] === "+" || line[0] === "-" || line[0] === " " ? line[0] : "";
    const body = marker === "" ? line : line.slice(1);
    const indent = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (blockIndent >= 0) {
      if (trimmed === "" || indent > blockIndent) {
        out.push(trimmed === "" ? line : `${marker}${" ".repeat(indent)}${SECRET_MASK}`);
        continue;
      }
      blockIndent = -1;
    }
    const section = /^(data|stringData):\s*(.*)$/.exec(trimmed);
    if (section !== null && indent === 0) {
      const rest = section[2] ?? "";
      out.push(rest === "" || rest.startsWith("#") ? line : `${marker}${section[1]}: ${SECRET_MASK}`);
      sectionIndent = rest === "" ? 0 : -1;
      continue;
    }
    if (sectionIndent >= 0 && trimmed !== "" && indent <= sectionIndent) sectionIndent = -1;
    if (sectionIndent >= 0 && indent > sectionIndent) {
      const kv = /^([^:#]+|"[^"]*"|'[^']*'):(\s+(.*))?$/.exec(trimmed);
      if (kv !== null) {
        const value = (kv[3] ?? "").trim();
        if (/^[|>][-+0-9]*$/.test(value)) {
          blockIndent = indent;
          out.push(line);
        } else if (value === "" || value === SECRET_MASK || value === `"${SECRET_MASK}"` || value === `'${SECRET_MASK}'`) {
          out.push(line);
        } else {
          out.push(`${marker}${" ".repeat(indent)}${kv[1]}: ${SECRET_MASK}`);
        }
        continue;
      }
      out.push(`${marker}${" ".repeat(indent)}${SECRET_MASK}`);
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

// src/report/markdown.ts
var GITHUB_SUMMARY_LIMIT = 65535;
function utf8Bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function cutUtf8(text, maxBytes) {
  if (utf8Bytes(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  let end = Math.max(0, maxBytes);
  while (end > 0 && ((bytes[end] ?? 0) & 192) === 128) end--;
  return bytes.subarray(0, end).toString("utf8");
}
var TITLE_LIMIT = 1e3;
var MESSAGE_CELL_CHARS = 1e3;
var LIST_CHARS = 2e3;
function encodePath(path4) {
  return path4.split("/").map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
var Linker = class {
  constructor(repoUrl, headSha, baseSha) {
    this.repoUrl = repoUrl;
    this.headSha = headSha;
    this.baseSha = baseSha;
  }
  repoUrl;
  headSha;
  baseSha;
  /** `path:line` as text, or as a link to the file at the commit of the side it was read from. */
  source(s, side) {
    if (s === void 0) return "\u2014";
    const label = escapeMarkdown(locationLabel(s));
    const sha = s.commit ?? (side === "head" ? this.headSha : this.baseSha);
    if (this.repoUrl === void 0 || sha === "" || !isRepositoryPath(s.file) || !/^[0-9A-Za-z._/-]+$/.test(sha)) return label;
    const lines = s.endLine > s.startLine ? `#L${s.startLine}-L${s.endLine}` : `#L${s.startLine}`;
    return `[${label}](${this.repoUrl.replace(/\/+$/, "")}/blob/${encodeURIComponent(sha)}/${encodePath(s.file)}${lines})`;
  }
};
var PRIORITY = {
  renderedDiffs: 0,
  unchanged: 1,
  fixed: 2,
  policyFindings: 3,
  promotions: 4,
  exemptions: 5,
  errors: 6,
  policyChanges: 7,
  relaxations: 7.5,
  newFindings: 8
};
var rowPrefix = /* @__PURE__ */ new WeakMap();
function keptRowsLength(s) {
  let prefix = rowPrefix.get(s);
  if (prefix === void 0) {
    prefix = [0];
    for (const r of s.rows) prefix.push((prefix[prefix.length - 1] ?? 0) + utf8Bytes(r));
    rowPrefix.set(s, prefix);
  }
  return prefix[s.kept] ?? 0;
}
function sectionLength(s) {
  const left = s.rows.length - s.kept;
  let n = 0;
  if (s.kept > 0 || s.rows.length === 0) n += utf8Bytes(s.open) + utf8Bytes(s.close) + keptRowsLength(s);
  else n += utf8Bytes(s.collapsed);
  if (left > 0) n += utf8Bytes(s.note(left));
  return n;
}
function renderSection(s) {
  const left = s.rows.length - s.kept;
  const note = left > 0 ? s.note(left) : "";
  if (s.kept > 0 || s.rows.length === 0) return s.open + s.rows.slice(0, s.kept).join("") + note + s.close;
  return s.collapsed + note;
}
function fit(blocks, maxChars) {
  const sections = blocks.filter((b) => typeof b !== "string");
  let total = blocks.reduce((n, b) => n + (typeof b === "string" ? utf8Bytes(b) : sectionLength(b)), 0);
  const order = sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || b.i - a.i).map(({ s }) => s);
  for (const s of order) {
    while (total > maxChars && s.kept > 0) {
      const before = sectionLength(s);
      s.kept--;
      total += sectionLength(s) - before;
    }
    if (total <= maxChars) break;
  }
  const text = blocks.map((b) => typeof b === "string" ? b : renderSection(b)).join("");
  if (utf8Bytes(text) <= maxChars) return text;
  const note = `

\u2026 the summary was cut at ${maxChars} bytes; see the JSON report for everything.
`;
  const room = Math.max(0, maxChars - utf8Bytes(note));
  const cut = cutUtf8(text, room);
  const lastBreak = cut.lastIndexOf("\n");
  return (lastBreak > cut.length / 2 ? cut.slice(0, lastBreak) : cut) + cutUtf8(note, maxChars);
}
function leftOut(what) {
  return (n) => `
\u2026 ${n} more ${what} not shown; see the JSON report.

`;
}
function table(header) {
  return `| ${header.join(" | ")} |
|${header.map(() => " --- |").join("")}
`;
}
function row(cells) {
  return `| ${cells.join(" | ")} |
`;
}
function tableSection(priority, heading, header, rows, what) {
  return {
    priority,
    open: `${heading}

${table(header)}`,
    rows,
    close: "\n",
    collapsed: `${heading}
`,
    note: leftOut(what),
    kept: rows.length
  };
}
function message(text) {
  return escapeMarkdown(truncateChars(text, MESSAGE_CELL_CHARS));
}
function actionCell(f) {
  const strongest2 = strongestAction(f.actions);
  const shown = f.actions.length > 0 ? f.actions.join(", ") : "dryrun";
  return strongest2 === "deny" ? `**${escapeMarkdown(shown)}**` : escapeMarkdown(shown);
}
function findingRow(f, link, withCategory) {
  const side = f.category === "fixed" ? "base" : "head";
  const cells = [
    inlineCode(constraintLabel(f.constraint)),
    actionCell(f),
    escapeMarkdown(objectLabel(f.object)),
    link.source(f.location ?? f.objectSource, side),
    findingMessage(f)
  ];
  if (withCategory) cells.unshift(f.category);
  return row(cells);
}
var FINDING_HEADER = ["Constraint", "Action", "Object", "Source", "Message"];
function findingMessage(f) {
  const was = f.category === "changed" && f.previousMessage !== void 0 ? `<br>was: ${message(f.previousMessage)}` : "";
  const onCreate = f.onCreate ? "<br>_the webhook admits this update, but the object (or the Pods its controller creates) is rejected when created_" : "";
  return `${message(f.message)}${was}${onCreate}`;
}
function policyChangeRow(p, link) {
  const what = `${p.change} ${p.type}`;
  const actions = p.actionBefore !== void 0 || p.actionAfter !== void 0 ? ` (${escapeMarkdown(p.actionBefore ?? "\u2014")} \u2192 ${escapeMarkdown(p.actionAfter ?? "\u2014")})` : "";
  const effects = [];
  if (p.newlyDenied.length > 0) effects.push(`**newly rejects ${plural(p.newlyDenied.length, "existing object")}**`);
  if (p.noLongerDenied.length > 0) effects.push(`stops rejecting ${plural(p.noLongerDenied.length, "object")}`);
  const examples = p.newlyDenied.slice(0, 5).map((o) => escapeMarkdown(truncateChars(objectLabel(o), LIST_CHARS / 5)));
  const more = p.newlyDenied.length > examples.length ? `, \u2026 ${p.newlyDenied.length - examples.length} more` : "";
  const effect = effects.length > 0 ? `: ${effects.join(", ")}` : ": no change in what is rejected";
  const list = examples.length > 0 ? ` (${examples.join(", ")}${more})` : "";
  return `- ${escapeMarkdown(what)} ${inlineCode(p.name)}${actions} at ${link.source(p.source, p.change === "removed" ? "base" : "head")}${effect}${list}
`;
}
function promotionSection(p, link) {
  const heading = `**${inlineCode(constraintLabel(p.constraint))}** moves from ${inlineCode(p.from)} to ${inlineCode(p.to)} (${link.source(p.constraint.source, "head")}): ${plural(p.objects.length, "existing object")} would start being rejected`;
  const rows = p.objects.map((o) => row([escapeMarkdown(objectLabel(o.object)), link.source(o.source, "head"), message(o.message)]));
  return tableSection(PRIORITY.promotions, heading, ["Object", "Source", "Message"], rows, "objects of this promotion");
}
function relaxationBlock(r, link) {
  const side = r.type.endsWith("-removed") ? "base" : "head";
  const note = r.allowed ? " (every namespace is in `exemptions.allowedNamespaces`: not blocking)" : "";
  const heading = `- **${escapeMarkdown(r.description)}**${r.source ? ` (${link.source(r.source, side)})` : ""}: lets through ${plural(r.letsThrough.length, "violation")}${note}`;
  if (r.letsThrough.length === 0) return `${heading}

`;
  const rows = r.letsThrough.map((t) => row([inlineCode(constraintLabel(t.constraint)), escapeMarkdown(`${t.before} \u2192 ${t.after}`), escapeMarkdown(objectLabel(t.object)), link.source(t.objectSource, "head"), message(t.message)]));
  return tableSection(PRIORITY.relaxations, heading, ["Constraint", "Action", "Object", "Source", "Message"], rows, "violations this relaxation lets through");
}
function exemptionRow(e, link) {
  const allowed = e.change === "removed" ? "\u2014" : e.allowed ? "allowed" : "**outside the allow list**";
  return row([e.change, inlineCode(e.namespace), inlineCode(e.owner), inlineCode(e.field), allowed, link.source(e.source, e.change === "removed" ? "base" : "head")]);
}
function errorRow(e, link) {
  return row([e.existing ? `${e.ref} (also at base)` : e.ref, escapeMarkdown(e.error.kind), link.source(e.error.source, e.ref), message(e.error.message)]);
}
function duplicateRow(d, link) {
  const copies = d.copies.map((c) => `${escapeMarkdown(c.root)} at ${link.source(c.source, d.ref)}`).join("<br>");
  return row([d.ref, escapeMarkdown(objectLabel(d.object)), String(d.copies.length), copies]);
}
function diffRow(d) {
  const renamed2 = d.previousName !== void 0 ? `, was ${d.previousName}` : "";
  const summary = escapeHtml(`${d.change} ${objectLabel(d.object)} (${d.root}${renamed2})`);
  const body = cutDiff(maskedDiff(d));
  return `<details><summary>${summary}</summary>

${fenced(body, "diff")}
</details>

`;
}
function clusterBlocks(c, link, multiCluster) {
  const blocks = [];
  const h = multiCluster ? "####" : "###";
  if (multiCluster) {
    blocks.push(`### Cluster ${inlineCode(c.name)}

`);
  }
  const newObject = sortedFindings(c.findings, (f) => f.category === "new" && !isPolicyCaused(f));
  const fixedObject = sortedFindings(c.findings, (f) => f.category === "fixed" && !isPolicyCaused(f));
  const byPolicy = sortedFindings(c.findings, (f) => (f.category === "new" || f.category === "fixed") && isPolicyCaused(f));
  const unchanged = sortedFindings(c.findings, (f) => f.category === "unchanged" || f.category === "changed");
  const reworded = unchanged.filter((f) => f.category === "changed").length;
  if (newObject.length > 0) {
    blocks.push(tableSection(PRIORITY.newFindings, `${h} New findings (${newObject.length})`, FINDING_HEADER, newObject.map((f) => findingRow(f, link, false)), "new findings"));
  }
  if (c.policyChanges.length > 0 || byPolicy.length > 0) {
    const changes = [...c.policyChanges].sort((a, b) => a.type + a.name + a.change < b.type + b.name + b.change ? -1 : 1);
    blocks.push({
      priority: PRIORITY.policyChanges,
      open: `${h} Policy changes (${changes.length})

`,
      rows: changes.map((p) => policyChangeRow(p, link)),
      close: "\n",
      collapsed: `${h} Policy changes (${changes.length})
`,
      note: leftOut("policy changes"),
      kept: changes.length
    });
    if (byPolicy.length > 0) {
      blocks.push(tableSection(PRIORITY.policyFindings, `Findings caused by these policy changes (${byPolicy.length}):`, ["Change", ...FINDING_HEADER], byPolicy.map((f) => findingRow(f, link, true)), "findings caused by policy changes"));
    }
  }
  if (c.relaxations.length > 0) {
    blocks.push(`${h} Policy relaxations (${c.relaxations.length})

`, ...c.relaxations.map((r) => relaxationBlock(r, link)));
  }
  if (c.promotions.length > 0) {
    blocks.push(`${h} Promotions (${c.promotions.length})

`);
    for (const p of c.promotions) blocks.push(promotionSection(p, link));
  }
  if (c.exemptions.length > 0) {
    const rows = [...c.exemptions].sort((a, b) => Number(a.allowed) - Number(b.allowed) || (a.owner + a.namespace + a.change < b.owner + b.namespace + b.change ? -1 : 1)).map((e) => exemptionRow(e, link));
    blocks.push(tableSection(PRIORITY.exemptions, `${h} Exemption changes (${rows.length})`, ["Change", "Namespace", "Owner", "Field", "Governance", "Source"], rows, "exemption changes"));
  }
  if (c.errors.length > 0) {
    const rows = [...c.errors].sort((a, b) => (a.ref === b.ref ? 0 : a.ref === "head" ? -1 : 1) || (a.error.source?.file ?? "").localeCompare(b.error.source?.file ?? "") || (a.error.source?.startLine ?? 0) - (b.error.source?.startLine ?? 0)).map((e) => errorRow(e, link));
    blocks.push(tableSection(PRIORITY.errors, `${h} Errors (${rows.length})`, ["Ref", "Kind", "Location", "Message"], rows, "errors"));
  }
  const duplicates = c.duplicates ?? [];
  if (duplicates.length > 0) {
    const heading = `${h} Objects rendered more than once (${duplicates.length}): each copy is reviewed and reported on its own`;
    blocks.push(tableSection(PRIORITY.errors, heading, ["Ref", "Object", "Copies", "Where"], duplicates.map((d) => duplicateRow(d, link)), "duplicate objects"));
  }
  if (c.coverage !== void 0) blocks.push(...coverageBlocks(c.coverage, link));
  if (fixedObject.length > 0) {
    blocks.push(tableSection(PRIORITY.fixed, `${h} Fixed (${fixedObject.length})`, FINDING_HEADER, fixedObject.map((f) => findingRow(f, link, false)), "fixed findings"));
  }
  if (unchanged.length > 0) {
    const summary = `<details><summary>Unchanged violations (${unchanged.length}${reworded > 0 ? `, ${reworded} with a changed message` : ""})</summary>

`;
    blocks.push({
      priority: PRIORITY.unchanged,
      open: `${summary}${table(FINDING_HEADER)}`,
      rows: unchanged.map((f) => findingRow(f, link, false)),
      close: "\n</details>\n\n",
      collapsed: `Unchanged violations: ${unchanged.length}.
`,
      note: leftOut("unchanged violations"),
      kept: unchanged.length
    });
  }
  if (c.renderedDiffs.length > 0) {
    const diffs = [...c.renderedDiffs].sort((a, b) => objectLabel(a.object) + a.root < objectLabel(b.object) + b.root ? -1 : 1);
    blocks.push({
      priority: PRIORITY.renderedDiffs,
      open: `<details><summary>Rendered changes (${plural(diffs.length, "object")})</summary>

`,
      rows: diffs.map(diffRow),
      close: "</details>\n\n",
      collapsed: `Rendered changes: ${plural(diffs.length, "object")}.
`,
      note: leftOut("rendered diffs"),
      kept: diffs.length
    });
  }
  const s = c.stats;
  blocks.push(`<sub>${escapeMarkdown(`${plural(s.objectsBase, "object")} at base, ${s.objectsHead} at head, ${plural(s.reviews, "review")}, ${plural(s.rootsRendered, "root")} rendered`)}</sub>

`);
  return blocks;
}
function renderMarkdown(report, options = {}) {
  const maxChars = options.maxChars ?? GITHUB_SUMMARY_LIMIT;
  const link = new Linker(options.repoUrl, options.headSha ?? report.head.sha, report.base.sha);
  const v = report.verdict;
  const blocks = [];
  blocks.push(`## ${v.conclusion === "success" ? "\u2705" : "\u274C"} ${verdictLine(v)}

`);
  if (v.blocking.length > 0) {
    blocks.push(v.blocking.map((b) => `- ${escapeMarkdown(truncateChars(b, LIST_CHARS))}
`).join("") + "\n");
  }
  blocks.push(
    `${escapeMarkdown(report.base.ref)} (${inlineCode(shortSha(report.base.sha))}) \u2192 ${escapeMarkdown(report.head.ref)} (${inlineCode(shortSha(report.head.sha))}), enforcement point ${inlineCode(report.enforcementPoint)}, ${plural(report.clusters.length, "cluster")}

`
  );
  const multi = report.clusters.length > 1;
  for (const c of report.clusters) blocks.push(...clusterBlocks(c, link, multi));
  return {
    title: truncateChars(outcomeTitle(report), TITLE_LIMIT),
    summary: fit(blocks, maxChars)
  };
}
function coverageBlocks(cov, link) {
  const counts = (m) => Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${n} ${k}`);
  const roots = counts(cov.simulated.roots);
  const apps = counts(cov.simulated.apps).map((s) => s.replace(/ flux$/, " Flux app(s)").replace(/ argocd$/, " Argo CD app(s)"));
  const simulated = [...roots.map((r) => `${r} root(s)`), ...apps];
  const line = `**Coverage**: simulated at head: ${simulated.length > 0 ? simulated.join(", ") : "nothing the change touches"}. ` + (cov.notSimulated.length === 0 ? "Everything found was simulated.\n\n" : `Not simulated: ${cov.notSimulated.length}.

`);
  if (cov.notSimulated.length === 0) return [line];
  const rows = [...cov.notSimulated].sort((a, b) => Number(b.changed) - Number(a.changed) || a.what.localeCompare(b.what)).map((n) => row([escapeMarkdown(n.what), n.source ? link.source(n.source, "head") : "", n.changed ? "yes" : "no", message(n.reason)]));
  return [line, tableSection(PRIORITY.errors, `Not simulated (${rows.length}):`, ["App, root or mutator", "Declared at", "Touched by the change", "Reason"], rows, "unsimulated apps")];
}

// src/simulate/config-errors.ts
function applyConfigErrors(report, errors, config, where) {
  if (errors.length === 0) return;
  const first = report.clusters[0];
  if (first !== void 0) {
    for (const error of errors) first.errors.push({ ref: "base", error });
    report.verdict.counts.errors += errors.length;
  }
  if (config.blocking.errorsAtHead) {
    report.verdict.conclusion = "failure";
    report.verdict.blocking.push(`${errors.length} error(s) in ${where} (fail closed), first: ${errors[0]?.message ?? ""}`);
  }
}

// src/simulate/simulate.ts
import path3 from "node:path";

// src/render/coverage.ts
import path from "node:path";
async function coverageAt(source, sha, files, options) {
  const texts = /* @__PURE__ */ new Map();
  const text = (file) => {
    let t = texts.get(file);
    if (t === void 0) {
      t = source.readFile(sha, file).then((b) => b?.toString("utf8"));
      texts.set(file, t);
    }
    return t;
  };
  const plan = await planRepo(text, files, { ...options, paths: options.paths, changed: [] });
  const pending = accountFor(plan, files, options);
  const bodies = await Promise.all(pending.undecided.map(text));
  pending.undecided.forEach((file, i) => pending.decide(file, bodies[i]));
  const links = (await source.linkErrors(sha)).filter((e) => e.source !== void 0 && withinPaths(e.source.file, options.paths));
  pending.result.errors.push(...links);
  return pending.result;
}
function accountFor(plan, files, options) {
  const excluded = (options.exclude ?? []).map(globToRegExp);
  const within = (p) => withinPaths(p, options.paths);
  const rendered = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Map();
  const add = (m, file, by) => {
    const set = m.get(file) ?? /* @__PURE__ */ new Set();
    set.add(by);
    m.set(file, set);
  };
  const reachedBy = /* @__PURE__ */ new Map();
  const chartDirs = /* @__PURE__ */ new Map();
  for (const p of plan.roots) {
    const id = rootId(p.root);
    for (const f of p.appRenders ?? []) add(rendered, f, id);
    if (p.appRenders !== void 0) continue;
    if (p.root.kind === "kustomize" && p.reach !== void 0) {
      for (const dir of p.reach.dirs) add(reachedBy, dir, id);
      for (const f of p.reach.resources) add(rendered, f, id);
      for (const f of p.reach.deps) if (!p.reach.resources.has(f)) add(read, f, id);
    } else if (p.root.kind === "helm") {
      chartDirs.set(p.root.path, id);
      for (const v of p.root.valuesFiles ?? []) add(read, v, id);
    } else if (p.root.kind === "plain") {
      add(rendered, p.root.path, id);
    }
  }
  const renderingRelease = (file) => {
    for (const [dir, id] of chartDirs) if (isUnder(file, dir)) return id;
    return void 0;
  };
  const entries = [];
  const errors = [];
  const undecided = [];
  for (const file of files) {
    if (!isManifestFile(file) || !within(file)) continue;
    if (matchesAny(file, excluded)) entries.push({ file, status: "excluded" });
    else if (isKustomizationFile(file)) entries.push({ file, status: "kustomization" });
    else if (rendered.has(file)) entries.push({ file, status: "rendered", by: [...rendered.get(file)].sort() });
    else if (renderingRelease(file) !== void 0) entries.push({ file, status: "rendered", by: [renderingRelease(file)] });
    else if (read.has(file)) entries.push({ file, status: "read", by: [...read.get(file)].sort() });
    else if (plan.plainCandidates.has(file)) entries.push({ file, status: "plain" });
    else undecided.push(file);
  }
  const decide = (file, body) => {
    const reason = whyUnrendered(file, plan, reachedBy, within);
    const found = body === void 0 ? false : holdsKubernetesObjects(body, file);
    if (found === false) {
      entries.push({ file, status: "no-objects", reason });
      return;
    }
    if (found !== "unreadable") {
      const policy = underAny(file, options.policies) && found.every((o) => gvkOf(o.object).group.endsWith("gatekeeper.sh"));
      if (policy || underAny(file, options.inventory)) {
        entries.push({ file, status: "policy" });
        return;
      }
    }
    entries.push({ file, status: "unrendered", reason });
    const cluster = options.cluster !== void 0 ? ` of cluster ${options.cluster}` : "";
    const advice = `a GitOps tool may apply it while no policy ever sees it: render it through a root${cluster} or list it in \`exclude\``;
    if (found === "unreadable") {
      errors.push({
        kind: "render",
        message: `${file}: does not load as YAML, so whether it holds Kubernetes objects cannot be told, and no root${cluster} renders it: ${reason}; ${advice}`,
        source: { file, startLine: 1, endLine: 1 }
      });
      return;
    }
    const first = found[0];
    const more = found.length > 1 ? ` and ${found.length - 1} more object(s)` : "";
    errors.push({
      kind: "render",
      message: `${file}:${first.source.startLine}: ${String(first.object.kind)} ${JSON.stringify(nameOf(first.object))}${more} not rendered by any root${cluster}: ${reason}; ${advice}`,
      source: { file, startLine: first.source.startLine, endLine: first.source.endLine }
    });
  };
  return {
    undecided,
    decide,
    result: {
      entries,
      errors
    }
  };
}
function whyUnrendered(file, plan, reachedBy, within) {
  const dot = file.split("/").find((seg) => seg.startsWith("."));
  if (dot !== void 0) return `it lies in the dot-directory '${dot}', which no root reads`;
  const kustomizationOf = (dir) => plan.kustomizations.get(dir)?.file ?? `${dir === "" ? "." : dir}/kustomization.yaml`;
  const includers = (dir) => [...plan.kustomizations].filter(([from, k]) => k.refs.some((r) => r.target !== "file" && resolveInRepo(from, r.value) === dir && from !== dir)).map(([, k]) => k.file);
  const notRendered = (dir) => {
    const by = includers(dir);
    const inside = by.filter((f) => within(f));
    if (by.length > 0 && inside.length === 0) return `${kustomizationOf(dir)} is included only by ${by.join(", ")}, outside the cluster's paths`;
    if (plan.kustomizations.get(dir)?.kind === "Component") return `the Component ${kustomizationOf(dir)} is used by no root`;
    return `${kustomizationOf(dir)} is rendered by no root`;
  };
  const namers = [...plan.kustomizations].filter(([dir, k]) => within(dir) && k.refs.some((r) => resolveInRepo(dir, r.value) === file));
  if (namers.length > 0) {
    const [dir, k] = namers[0];
    const ref = k.refs.find((r) => resolveInRepo(dir, r.value) === file);
    if (!reachedBy.has(dir)) return `it is named by ${k.file}:${ref.line} (${ref.field}), and ${notRendered(dir)}`;
    return `${k.file}:${ref.line} names it in '${ref.field}', which kustomize does not apply as objects`;
  }
  const chartDir = [...plan.charts.keys()].filter((d) => isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (chartDir !== void 0) {
    const chart = plan.charts.get(chartDir);
    const what = chart.type === "library" ? "a library chart" : "not a root of this cluster nor a subchart of one";
    return `it lies in chart ${chart.file}, which is ${what}`;
  }
  const owner = [...plan.kustomizations.keys()].filter((d) => within(d) && plan.kustomizations.get(d).kind === "Kustomization" && isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  if (owner !== void 0) {
    if (reachedBy.has(owner)) return `it lies under ${kustomizationOf(owner)}, which does not list it in 'resources' (kustomize, not the file tree, decides what is applied there)`;
    return `it lies under ${kustomizationOf(owner)}, and ${notRendered(owner)}`;
  }
  return `no root of this cluster renders ${path.posix.basename(file)}`;
}
function underAny(file, roots) {
  return (roots ?? []).some((r) => {
    const dir = resolveInRepo("", r);
    return dir !== void 0 && isUnder(file, dir);
  });
}

// src/simulate/diff.ts
import { createTwoFilesPatch } from "diff";
import { stringify } from "yaml";

// src/simulate/identity.ts
import { createHash } from "node:crypto";
function objectRef(object) {
  const gvk = gvkOf(object);
  return { group: gvk.group, version: gvk.version, kind: gvk.kind, namespace: namespaceOf(object), name: nameOf(object) };
}
function objectKey(ref) {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;
}
function describeObject(ref) {
  return `${ref.kind} ${ref.namespace !== "" ? `${ref.namespace}/` : ""}${ref.name}`;
}
function findingId(cluster, constraintKind, constraintName, identity, message2) {
  const key = [cluster, constraintKind, constraintName, identity, message2].join("\0");
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
function pairObjects(baseObjects, headObjects, renames = /* @__PURE__ */ new Map()) {
  const keyOf = (o) => objectKey(objectRef(o.object));
  const group = (objs) => {
    const m = /* @__PURE__ */ new Map();
    for (const o of objs) m.set(keyOf(o), [...m.get(keyOf(o)) ?? [], o]);
    return m;
  };
  const base = group(baseObjects);
  const head = group(headObjects);
  const pairs = [];
  const leftBase = [];
  const leftHead = [];
  for (const [key, bs] of base) {
    const hs = [...head.get(key) ?? []];
    const rest = [];
    for (const b of bs) {
      const i = hs.findIndex((h) => h.root === b.root);
      if (i >= 0) pairs.push({ base: b, head: hs.splice(i, 1)[0], identity: key, renamed: false });
      else rest.push(b);
    }
    for (const b of rest) {
      const h = hs.shift();
      if (h) pairs.push({ base: b, head: h, identity: key, renamed: false });
      else leftBase.push(b);
    }
    leftHead.push(...hs);
  }
  for (const [key, hs] of head) if (!base.has(key)) leftHead.push(...hs);
  const unpaired = [];
  const sameFile = (b, h) => (renames.get(b.source.file) ?? b.source.file) === h.source.file;
  for (const b of leftBase) {
    const br = objectRef(b.object);
    const candidates = leftHead.filter((h2) => {
      const hr = objectRef(h2.object);
      return hr.group === br.group && hr.kind === br.kind && hr.namespace === br.namespace && generatedVariants(br.name, hr.name, b.root.startsWith("helm:") && h2.root.startsWith("helm:"));
    });
    const h = candidates.find((c) => c.root === b.root && sameFile(b, c)) ?? candidates.find((c) => c.root === b.root) ?? candidates.find((c) => sameFile(b, c));
    if (h) {
      leftHead.splice(leftHead.indexOf(h), 1);
      pairs.push({ base: b, head: h, identity: keyOf(b), renamed: true });
    } else unpaired.push(b);
  }
  for (const [b, h] of renamedByAffix(unpaired, leftHead)) {
    unpaired.splice(unpaired.indexOf(b), 1);
    leftHead.splice(leftHead.indexOf(h), 1);
    pairs.push({ base: b, head: h, identity: keyOf(b), renamed: true });
  }
  for (const b of unpaired) pairs.push({ base: b, identity: keyOf(b), renamed: false });
  for (const h of leftHead) pairs.push({ head: h, identity: keyOf(h), renamed: false });
  const copies = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    const n = copies.get(p.identity) ?? 0;
    copies.set(p.identity, n + 1);
    if (n > 0) p.identity = `${p.identity}#${n + 1}`;
  }
  const bySide = /* @__PURE__ */ new Map();
  const previous = /* @__PURE__ */ new Map();
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    if (p.renamed && p.base && p.head) renamedFrom.set(p.identity, { head: nameOf(p.head.object), base: nameOf(p.base.object) });
    if (p.base) bySide.set(`base\0${p.base.root}\0${keyOf(p.base)}`, p.identity);
    if (p.head) bySide.set(`head\0${p.head.root}\0${keyOf(p.head)}`, p.identity);
    if (p.base && p.head && !p.renamed) previous.set(p.head, p.base);
  }
  return {
    pairs,
    identity: (side, root, object) => bySide.get(`${side}\0${root}\0${objectKey(object)}`) ?? objectKey(object),
    previous: (h) => previous.get(h),
    duplicates: [...duplicatesOf("base", base), ...duplicatesOf("head", head)],
    baseWording: (identity, message2) => {
      const r = renamedFrom.get(identity);
      return r ? message2.split(r.head).join(r.base) : message2;
    }
  };
}
function duplicatesOf(ref, byKey) {
  return [...byKey.values()].filter((list) => list.length > 1).map((list) => ({ ref, object: objectRef(list[0].object), copies: list.map((o) => ({ root: o.root, source: o.source })) }));
}
function renamedByAffix(base, head) {
  const out = [];
  const roots = new Set(base.filter((o) => o.root.startsWith("kustomize:")).map((o) => o.root));
  for (const root of roots) {
    const bs = base.filter((o) => o.root === root);
    const hs = head.filter((o) => o.root === root);
    if (bs.length * hs.length > 25e4) continue;
    const candidates = /* @__PURE__ */ new Map();
    for (const b of bs) {
      const br = objectRef(b.object);
      for (const h of hs) {
        const hr = objectRef(h.object);
        if (hr.group !== br.group || hr.kind !== br.kind || hr.namespace !== br.namespace) continue;
        for (const t of affixChanges(br.name, hr.name)) candidates.set(t, [...candidates.get(t) ?? [], [b, h]]);
      }
    }
    let best = [];
    for (const list of candidates.values()) {
      const usedB = /* @__PURE__ */ new Set();
      const usedH = /* @__PURE__ */ new Set();
      const oneToOne = list.filter(([b, h]) => !usedB.has(b) && !usedH.has(h) && usedB.add(b) && usedH.add(h));
      if (oneToOne.length > best.length) best = oneToOne;
    }
    if (best.length >= 2 && (best.length === bs.length || best.length === hs.length)) out.push(...best);
  }
  return out;
}
function affixChanges(a, b) {
  const strip = (n) => KUSTOMIZE_HASH.test(n) ? n.slice(0, -11) : n;
  const x = strip(a);
  const y = strip(b);
  if (x === y) return [];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length && q < y.length && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const out = [];
  if (q >= 2) out.push(`prefix\0${x.slice(0, x.length - q)}\0${y.slice(0, y.length - q)}`);
  if (p >= 2) out.push(`suffix\0${x.slice(p)}\0${y.slice(p)}`);
  return out;
}
var KUSTOMIZE_HASH = /-[2456789bcdfghkmt]{10}$/;
function generatedVariants(a, b, helm) {
  if (a === b) return false;
  if (KUSTOMIZE_HASH.test(a) && KUSTOMIZE_HASH.test(b) && a.length === b.length && a.slice(0, -11) === b.slice(0, -11)) return true;
  if (!helm || a.length !== b.length) return false;
  let start = 0;
  while (a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const same = start + end;
  let from = start;
  while (from > 0 && /[a-z0-9]/i.test(a[from - 1])) from--;
  let to = a.length - end;
  while (to < a.length && /[a-z0-9]/i.test(a[to])) to++;
  const token = a.slice(from, to);
  return same >= 2 && token.length >= 4 && /^[a-z0-9]+$/i.test(token) && from + (a.length - to) >= 2;
}
var canonicalMemo = /* @__PURE__ */ new WeakMap();
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const known = canonicalMemo.get(value);
  if (known !== void 0) return known;
  const text = canonicalText(value);
  canonicalMemo.set(value, text);
  return text;
}
function canonicalText(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(",")}]`;
  const o = value;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalText(o[k])}`).join(",")}}`;
}

// src/simulate/relaxations.ts
var RANK = { deny: 0, warn: 1, dryrun: 2, none: 3 };
function policyRelaxations(a) {
  if (!a.cross) return [];
  const removedKinds = new Set(a.changes.filter((c) => c.type === "template" && c.change === "removed").map((c) => c.name));
  const through = letThrough(a.cross, a.head, (v) => a.knownAtHead(v) || removedKinds.has(v.constraintKind));
  const out = [];
  const explained = /* @__PURE__ */ new Set();
  const add = (r, lets, always, allowed = false) => {
    const list = through.filter(lets);
    if (!always && list.length === 0) return;
    for (const t of list) explained.add(t);
    out.push({ ...r, allowed, letsThrough: list });
  };
  const of = (key) => (t) => `${t.constraint.kind}/${t.constraint.name}` === key;
  const dropped = (t) => t.after === "none";
  for (const c of a.changes) {
    if (c.type === "template" && c.change === "removed") {
      add({ type: "template-removed", subject: c.name, description: `template ${c.name} removed`, ...src(c) }, (t) => t.constraint.kind === c.name, true);
    } else if (c.type === "template" && c.change === "modified") {
      add({ type: "template-changed", subject: c.name, description: `template ${c.name} changed`, ...src(c) }, (t) => t.constraint.kind === c.name && dropped(t), false);
    } else if (c.type === "constraint" && c.change === "removed" && !renamed(c.name, a)) {
      add({ type: "constraint-removed", subject: c.name, description: `constraint ${c.name} removed`, ...src(c) }, of(c.name), true);
    }
  }
  const baseConstraints = new Map(a.base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of a.head.constraints) {
    const key = `${h.kind}/${h.name}`;
    const b = baseConstraints.get(key);
    if (!b || canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const source = { source: h.source };
    const before = level(b, a.enforcementPoint);
    const after = level(h, a.enforcementPoint);
    if (RANK[after] > RANK[before]) {
      const description = `constraint ${key} demoted ${actionText(b, before)} -> ${actionText(h, after)}`;
      add({ type: "enforcement", subject: key, description, ...source }, (t) => of(key)(t) && RANK[t.before] < RANK[after], true);
    }
    const [bm, hm] = [withoutExclusions(b.match), withoutExclusions(h.match)];
    if (canonicalJson(bm) !== canonicalJson(hm)) {
      const narrowed = narrowedFields(bm, hm);
      const description = narrowed.length > 0 ? `constraint ${key} match narrowed (${narrowed.join(", ")})` : `constraint ${key} match changed`;
      add({ type: "match", subject: key, description, ...source }, (t) => of(key)(t) && dropped(t), narrowed.length > 0);
    }
    if (canonicalJson([b.parameters, b.parametersValue ?? null]) !== canonicalJson([h.parameters, h.parametersValue ?? null])) {
      add({ type: "parameters", subject: key, description: `constraint ${key} parameters changed`, ...source }, (t) => of(key)(t) && dropped(t), false);
    }
  }
  const added = /* @__PURE__ */ new Map();
  for (const e of a.exemptions) {
    if (e.change !== "added" || e.field !== "excludedNamespaces" || !baseConstraints.has(e.owner)) continue;
    added.set(e.owner, [...added.get(e.owner) ?? [], e]);
  }
  const inExempted = (namespaces) => (t) => dropped(t) && namespaces.some((g) => matchesGlob(g, subjectNamespace(t.object)));
  const sanctioned = (list) => a.allowedNamespaces !== void 0 && list.every((e) => e.allowed);
  for (const [owner, list] of added) {
    const namespaces = list.map((e) => e.namespace);
    const description = `constraint ${owner} exempts namespace(s) ${namespaces.map((n) => JSON.stringify(n)).join(", ")}`;
    const source = list[0].source ? { source: list[0].source } : {};
    add({ type: "exemption", subject: owner, description, ...source }, (t) => of(owner)(t) && inExempted(namespaces)(t), true, sanctioned(list));
  }
  const excluded = /* @__PURE__ */ new Map();
  for (const process of CONFIG_PROCESSES) {
    const before = new Set(processExclusions(a.base.policies.configs, process));
    for (const ns of new Set(processExclusions(a.head.policies.configs, process))) if (!before.has(ns)) excluded.set(ns, [...excluded.get(ns) ?? [], process]);
  }
  if (excluded.size > 0) {
    const namespaces = [...excluded.keys()];
    const list = a.exemptions.filter((e) => e.change === "added" && e.field === "Config.match.excludedNamespaces" && excluded.has(e.namespace));
    const description = `Config/config excludes ${[...excluded].map(([ns, ps]) => `namespace ${JSON.stringify(ns)} from ${ps.join(", ")}`).join("; ")}`;
    const config = a.head.policies.configs[0];
    add({ type: "config-exclusion", subject: "Config/config", description, ...config ? { source: config.source } : {} }, inExempted(namespaces), true, sanctioned(list));
  }
  if (canonicalJson(a.base.policies.expansions.map((e) => e.object)) !== canonicalJson(a.head.policies.expansions.map((e) => e.object))) {
    add({ type: "expansion", subject: "ExpansionTemplates", description: "ExpansionTemplates changed" }, (t) => t.impliedBy !== void 0, false);
  }
  const rest = through.filter((t) => !explained.has(t));
  if (rest.length > 0) {
    out.push({ type: "other", subject: "policies", description: "policy changes (Config sync, SyncSets or data the policies read)", allowed: false, letsThrough: rest });
  }
  return out;
}
function letThrough(cross, head, knownAtHead) {
  const strongest2 = (vs, key) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs) {
      if (!knownAtHead(v)) continue;
      const k = key(v);
      const l = violationLevel(v);
      const seen = m.get(k);
      if (!seen || RANK[l] < RANK[seen.level]) m.set(k, { v, level: l });
    }
    return m;
  };
  const byConstraint = (v) => `${v.constraintKind}/${v.constraintName}\0${objectKey(v.object)}`;
  const byKind = (v) => `${v.constraintKind}\0${objectKey(v.object)}\0${v.message}`;
  const atHead = strongest2(head.violations, byConstraint);
  const sameKindAtHead = strongest2(head.violations, byKind);
  const out = [];
  for (const [key, { v, level: before }] of strongest2(cross.violations, byConstraint)) {
    const after = [atHead.get(key)?.level, sameKindAtHead.get(byKind(v))?.level].reduce((best, l) => l !== void 0 && RANK[l] < RANK[best] ? l : best, "none");
    if (RANK[after] <= RANK[before]) continue;
    out.push({
      constraint: { kind: v.constraintKind, name: v.constraintName, source: v.constraintSource },
      object: v.object,
      objectSource: v.objectSource,
      message: v.message,
      ...v.impliedBy ? { impliedBy: v.impliedBy } : {},
      before,
      after
    });
  }
  return out;
}
function renamed(key, a) {
  const spec = (c) => canonicalJson(c.object.spec ?? null);
  const removed = a.base.constraints.find((c) => `${c.kind}/${c.name}` === key);
  const baseKeys = new Set(a.base.constraints.map((c) => `${c.kind}/${c.name}`));
  return removed !== void 0 && a.head.constraints.some((h) => h.kind === removed.kind && !baseKeys.has(`${h.kind}/${h.name}`) && spec(h) === spec(removed));
}
function violationLevel(v) {
  return v.actions.reduce((best, x) => RANK[x] < RANK[best] ? x : best, "dryrun");
}
function level(c, enforcementPoint) {
  const r = actionsForEnforcementPoint(c, enforcementPoint);
  if (!r.evaluate) return "none";
  return (r.scopedActions ?? [r.enforcementAction]).reduce((best, x) => x in RANK && RANK[x] < RANK[best] ? x : best, "none");
}
function actionText(c, l) {
  return c.enforcementAction === l ? l : `${l} (${JSON.stringify(c.enforcementAction)})`;
}
function src(c) {
  return c.source ? { source: c.source } : {};
}
function subjectNamespace(o) {
  return o.group === "" && o.kind === "Namespace" ? o.name : o.namespace;
}
function withoutExclusions(match) {
  const { excludedNamespaces: _, ...rest } = match ?? {};
  return rest;
}
var MATCH_FIELDS = /* @__PURE__ */ new Set(["kinds", "scope", "namespaces", "labelSelector", "namespaceSelector", "name", "source"]);
function narrowedFields(baseRaw, headRaw) {
  const b = parseMatch(baseRaw);
  const h = parseMatch(headRaw);
  const out = [];
  const all = (list) => list.length === 0 ? ["*"] : list;
  const covers = (g, k) => h.kinds.length === 0 || h.kinds.some((e) => (e.kinds.length === 0 || e.kinds.includes("*") || e.kinds.includes(k)) && (e.apiGroups.length === 0 || e.apiGroups.includes("*") || e.apiGroups.includes(g)));
  const baseKinds = b.kinds.length === 0 ? [{ apiGroups: [], kinds: [] }] : b.kinds;
  if (baseKinds.some((e) => all(e.apiGroups).some((g) => all(e.kinds).some((k) => !covers(g, k))))) out.push("kinds");
  const scope = (s) => s === "Cluster" || s === "Namespaced" ? s : "*";
  if (scope(h.scope) !== "*" && scope(h.scope) !== scope(b.scope)) out.push("scope");
  const coveredNs = (n) => h.namespaces.some((g) => g === n || matchesGlob(g, n));
  if (h.namespaces.length > 0 && (b.namespaces.length === 0 || !b.namespaces.every(coveredNs))) out.push("namespaces");
  for (const field of ["labelSelector", "namespaceSelector"]) {
    if (headRaw[field] != null && canonicalJson(headRaw[field]) !== canonicalJson(baseRaw[field] ?? null)) out.push(field);
  }
  if (h.name !== "" && h.name !== b.name) out.push("name");
  const source = (s) => s === "" ? "All" : s;
  if (source(h.source) !== "All" && source(h.source) !== source(b.source)) out.push("source");
  for (const field of /* @__PURE__ */ new Set([...Object.keys(baseRaw), ...Object.keys(headRaw)])) {
    if (!MATCH_FIELDS.has(field) && canonicalJson(baseRaw[field] ?? null) !== canonicalJson(headRaw[field] ?? null)) out.push(field);
  }
  return out;
}

// src/simulate/diff.ts
var ACTION_RANK = { deny: 0, warn: 1, dryrun: 2 };
function diffClusters(input) {
  const { cluster, base, head } = input;
  const pairing = input.pairing ?? pairObjects(input.baseObjects, input.headObjects);
  const changedObjects = new Set(
    pairing.pairs.filter((p) => !p.base || !p.head || p.renamed || canonicalJson(p.base.object) !== canonicalJson(p.head.object)).map((p) => p.identity)
  );
  const identityOf = (side, v) => pairing.identity(side, v.root, v.object);
  const wording = (side, v) => side === "head" ? pairing.baseWording(identityOf(side, v), v.message) : v.message;
  const idOf = (side, v) => findingId(cluster, v.constraintKind, v.constraintName, identityOf(side, v), wording(side, v));
  const index = (side, vs) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs) {
      const id = idOf(side, v);
      if (!m.has(id) || m.get(id).onCreate) m.set(id, v);
    }
    return m;
  };
  const baseIdx = index("base", base.violations);
  const headIdx = index("head", head.violations);
  const crossIdx = input.headUnderBasePolicies ? index("head", input.headUnderBasePolicies.violations) : headIdx;
  const loadedAtHead = new Set(head.constraints.map((c) => `${c.kind}/${c.name}`));
  const unevaluable = new Set(
    head.policies.constraints.map((c) => `${gvkOf(c.object).kind}/${nameOf(c.object)}`).filter((k) => !loadedAtHead.has(k))
  );
  const knownAtHead = (v) => !unevaluable.has(`${v.constraintKind}/${v.constraintName}`);
  const findings = [];
  const cause = (id, v, side, category) => {
    const obj = changedObjects.has(identityOf(side, v));
    const pol = category === "new" || category === "changed" ? !crossIdx.has(id) : category === "fixed" ? crossIdx.has(id) : false;
    return obj && pol ? "object+policy" : pol ? "policy" : "object";
  };
  const toFinding = (id, v, category, source, previous) => ({
    id,
    cluster,
    category,
    cause: cause(id, v, source.ref, category),
    constraint: { kind: v.constraintKind, name: v.constraintName, source: source.constraintSources.get(`${v.constraintKind}/${v.constraintName}`) ?? v.constraintSource },
    actions: v.actions,
    object: v.object,
    objectSource: v.objectSource,
    ...v.location ? { location: v.location } : {},
    message: v.message,
    ...previous ? { previousMessage: previous[1].message, previousId: previous[0] } : {},
    ...v.impliedBy ? { impliedBy: v.impliedBy } : {},
    operation: v.operation,
    ...v.onCreate ? { onCreate: true } : {}
  });
  const groups = /* @__PURE__ */ new Map();
  const groupOf = (side, v) => {
    const key = [v.constraintKind, v.constraintName, identityOf(side, v)].join("\0");
    let g = groups.get(key);
    if (!g) groups.set(key, g = { base: [], head: [] });
    return g;
  };
  for (const [id, v] of baseIdx) groupOf("base", v).base.push([id, v, v.message]);
  for (const [id, v] of headIdx) groupOf("head", v).head.push([id, v, wording("head", v)]);
  for (const g of groups.values()) {
    const baseMessages = new Set(g.base.map(([, , m]) => m));
    const headMessages = new Set(g.head.map(([, , m]) => m));
    const fixable = g.base.filter(([, v, m]) => !headMessages.has(m) && knownAtHead(v)).sort(byMessage);
    for (const [id, v, m] of g.head.sort(byMessage)) {
      if (baseMessages.has(m)) findings.push(toFinding(id, v, "unchanged", head));
      else {
        const previous = fixable.shift();
        findings.push(previous ? toFinding(id, v, "changed", head, [previous[0], previous[1]]) : toFinding(id, v, "new", head));
      }
    }
    for (const [id, v] of fixable) findings.push(toFinding(id, v, "fixed", base));
  }
  findings.sort(compareFindings);
  const report = {
    name: cluster,
    findings,
    policyChanges: policyChanges(base, head, denialsDelta(headIdx, crossIdx, knownAtHead), unevaluable),
    promotions: promotions(base, head, findings, input.enforcementPoint),
    exemptions: exemptionChanges(base, head, input.allowedNamespaces),
    renderedDiffs: renderedDiffs(pairing, input.baseObjects, input.headObjects),
    duplicates: pairing.duplicates,
    errors: pairErrors(base.errors, head.errors),
    stats: { objectsBase: 0, objectsHead: 0, reviews: 0, rootsRendered: 0, durationMs: 0 }
  };
  const relaxations = policyRelaxations({ ...input, cross: input.headUnderBasePolicies, changes: report.policyChanges, exemptions: report.exemptions, knownAtHead });
  return { ...report, relaxations };
}
function byMessage(a, b) {
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
function pairErrors(baseErrors, headErrors) {
  const loose = (e) => [e.kind, e.source?.file ?? "", e.message.replace(/\d+/g, "#")].join("\0");
  const exact = /* @__PURE__ */ new Map();
  const approx = /* @__PURE__ */ new Map();
  const bump = (m, k, by) => m.set(k, (m.get(k) ?? 0) + by);
  for (const e of baseErrors) {
    bump(exact, `${e.kind}\0${e.message}`, 1);
    bump(approx, loose(e), 1);
  }
  const existing = headErrors.map((e) => {
    const k = `${e.kind}\0${e.message}`;
    if ((exact.get(k) ?? 0) > 0) {
      bump(exact, k, -1);
      bump(approx, loose(e), -1);
      return true;
    }
    return false;
  });
  headErrors.forEach((e, i) => {
    if (existing[i] || (approx.get(loose(e)) ?? 0) <= 0) return;
    bump(approx, loose(e), -1);
    existing[i] = true;
  });
  return [
    ...baseErrors.map((error) => ({ ref: "base", error })),
    ...headErrors.map((error, i) => ({ ref: "head", error, ...existing[i] ? { existing: true } : {} }))
  ];
}
function strongest(actions) {
  return Math.min(3, ...actions.map((a) => ACTION_RANK[a]));
}
function compareFindings(a, b) {
  const cat = { new: 0, fixed: 1, changed: 2, unchanged: 2 };
  return cat[a.category] - cat[b.category] || strongest(a.actions) - strongest(b.actions) || (a.objectSource?.file ?? "").localeCompare(b.objectSource?.file ?? "") || (a.objectSource?.startLine ?? 0) - (b.objectSource?.startLine ?? 0) || a.constraint.kind.localeCompare(b.constraint.kind) || a.constraint.name.localeCompare(b.constraint.name) || a.message.localeCompare(b.message);
}
function templateKind(object) {
  const spec = isObject(object.spec) ? object.spec : {};
  const crd = isObject(spec.crd) ? spec.crd : {};
  const crdSpec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(crdSpec.names) ? crdSpec.names : {};
  return typeof names.kind === "string" ? names.kind : "";
}
function denies(f) {
  return f.actions.includes("deny");
}
function denialsDelta(head, cross, knownAtHead) {
  const deniedPairs = (vs) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs.values()) {
      if (!v.actions.includes("deny") || !knownAtHead(v)) continue;
      const constraint = `${v.constraintKind}/${v.constraintName}`;
      m.set(`${constraint}\0${objectKey(v.object)}`, { constraint, object: v.object });
    }
    return m;
  };
  const h = deniedPairs(head);
  const c = deniedPairs(cross);
  const pick = (from, other) => [...from].filter(([k]) => !other.has(k)).map(([, d]) => d);
  return { newly: pick(h, c), noLonger: pick(c, h) };
}
function policyChanges(base, head, delta, unevaluable) {
  const out = [];
  const affected = (match) => ({
    newlyDenied: uniqueObjects(delta.newly.filter((d) => match(d.constraint)).map((d) => d.object)),
    noLongerDenied: uniqueObjects(delta.noLonger.filter((d) => match(d.constraint)).map((d) => d.object))
  });
  const tmpl = (r) => new Map(r.policies.templates.map((t) => [templateKind(t.object), t]));
  const bt = tmpl(base);
  const ht = tmpl(head);
  for (const kind of [.../* @__PURE__ */ new Set([...bt.keys(), ...ht.keys()])].sort()) {
    const b = bt.get(kind);
    const h = ht.get(kind);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    const change = !b ? "added" : !h ? "removed" : "modified";
    out.push({ type: "template", name: kind, change, source: (h ?? b).source, ...affected((c) => c.startsWith(`${kind}/`)) });
  }
  const cons = (r) => new Map(r.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  const bc = cons(base);
  const hc = cons(head);
  for (const key of [.../* @__PURE__ */ new Set([...bc.keys(), ...hc.keys()])].sort()) {
    const b = bc.get(key);
    const h = hc.get(key);
    if (b && h && canonicalJson(b.object) === canonicalJson(h.object)) continue;
    if (!h && unevaluable.has(key)) continue;
    const change = !b ? "added" : !h ? "removed" : "modified";
    out.push({
      type: "constraint",
      name: key,
      change,
      source: (h ?? b).source,
      ...b ? { actionBefore: b.enforcementAction } : {},
      ...h ? { actionAfter: h.enforcementAction } : {},
      ...affected((c) => c === key)
    });
  }
  return out;
}
function uniqueObjects(objects) {
  const m = /* @__PURE__ */ new Map();
  for (const o of objects) m.set(objectKey(o), o);
  return [...m.values()];
}
function promotions(base, head, findings, enforcementPoint) {
  const out = [];
  const bc = new Map(base.constraints.map((c) => [`${c.kind}/${c.name}`, c]));
  for (const h of head.constraints) {
    const b = bc.get(`${h.kind}/${h.name}`);
    if (!b) continue;
    const before = effectiveAction(b, enforcementPoint);
    const after = effectiveAction(h, enforcementPoint);
    if (after !== "deny" || before === "deny") continue;
    const objects = findings.filter((f) => f.category !== "fixed" && f.constraint.kind === h.kind && f.constraint.name === h.name && denies(f)).map((f) => ({ object: f.object, message: f.message, ...f.objectSource ? { source: f.objectSource } : {} }));
    out.push({ constraint: { kind: h.kind, name: h.name, source: h.source }, from: before, to: after, objects });
  }
  return out;
}
function effectiveAction(c, enforcementPoint) {
  if (c.enforcementAction !== "scoped") return c.enforcementAction;
  const actions = c.scopedEnforcementActions.filter((s) => s.enforcementPoints.some((p) => p.name === "*" || p.name === enforcementPoint)).map((s) => s.action);
  return actions.includes("deny") ? "deny" : actions[0] ?? "none";
}
function exemptionChanges(base, head, allowed) {
  const collect = (r) => {
    const m = /* @__PURE__ */ new Map();
    for (const c of r.constraints) {
      const excluded = isObject(c.match) && Array.isArray(c.match.excludedNamespaces) ? c.match.excludedNamespaces : [];
      for (const ns of excluded) {
        if (typeof ns !== "string") continue;
        const owner = `${c.kind}/${c.name}`;
        m.set(`${owner}\0${ns}`, { owner, field: "excludedNamespaces", namespace: ns, source: c.source });
      }
    }
    for (const cfg of r.policies.configs) {
      for (const entry of configMatchEntries(cfg.object)) {
        const owner = `Config/${nameOf(cfg.object)} (${entry.processes.join(", ")})`;
        for (const ns of entry.excludedNamespaces) {
          m.set(`${owner}\0${ns}`, { owner, field: "Config.match.excludedNamespaces", namespace: ns, source: cfg.source });
        }
      }
    }
    return m;
  };
  const b = collect(base);
  const h = collect(head);
  const out = [];
  const isAllowed = (ns) => allowed === void 0 || allowed.some((g) => g === ns || matchesGlob(g, ns));
  for (const [k, e] of h) if (!b.has(k)) out.push({ ...e, change: "added", allowed: isAllowed(e.namespace) });
  for (const [k, e] of b) if (!h.has(k)) out.push({ ...e, change: "removed", allowed: true });
  return out.sort((x, y) => x.owner.localeCompare(y.owner) || x.namespace.localeCompare(y.namespace) || x.change.localeCompare(y.change));
}
function renderedDiffs(pairing, baseObjects, headObjects) {
  const secrets = secretValues([...baseObjects, ...headObjects].map((o) => o.object));
  const out = [];
  for (const { base: bo, head: ho, renamed: renamed2 } of pairing.pairs) {
    if (bo && ho && canonicalJson(bo.object) === canonicalJson(ho.object)) continue;
    const ref = objectRef((ho ?? bo).object);
    const before = bo ? yamlOf(bo.object) : "";
    const after = ho ? yamlOf(ho.object) : "";
    const labelBefore = describeObject(bo ? objectRef(bo.object) : ref);
    const patch = createTwoFilesPatch(`a/${labelBefore}`, `b/${describeObject(ref)}`, before, after, bo ? `base ${bo.source.file}` : "", ho ? `head ${ho.source.file}` : "", {
      context: 3
    });
    out.push({
      key: objectKey(bo ? objectRef(bo.object) : ref),
      object: ref,
      ...renamed2 && bo ? { previousName: nameOf(bo.object) } : {},
      change: !bo ? "added" : !ho ? "removed" : "modified",
      diff: redactSecrets(patch.split("\n").slice(1).join("\n"), secrets),
      source: (ho ?? bo).source,
      root: (ho ?? bo).root
    });
  }
  return out.sort((x, y) => x.key < y.key ? -1 : x.key > y.key ? 1 : x.root.localeCompare(y.root)).map(({ key: _key, ...d }) => d);
}
function yamlOf(object) {
  return stringify(maskSecret(object), { sortMapEntries: false, lineWidth: 0 });
}

// src/simulate/policies.ts
import { readFile } from "node:fs/promises";
import path2 from "node:path";
function emptyPolicySet() {
  return { templates: [], constraints: [], configs: [], expansions: [], syncSets: [], mutators: [], errors: [] };
}
var MANIFEST = /\.(ya?ml|json)$/i;
function filesUnder(files, roots) {
  const prefixes = roots.map((r) => r.replace(/^\.\/?/, "").replace(/\/+$/, ""));
  return files.filter((f) => prefixes.some((p) => p === "" || f === p || f.startsWith(`${p}/`)));
}
async function readObjectsAt(source, ref, files, roots, mention) {
  const wanted = filesUnder(files, roots).filter((f) => MANIFEST.test(f));
  const objects = [];
  const errors = [];
  const texts = await Promise.all(wanted.map((f) => source.readFile(ref, f)));
  wanted.forEach((file, i) => {
    const buf = texts[i];
    if (!buf) return;
    if (mention !== void 0 && !buf.includes(mention)) return;
    const r = loadManifestsMemo(buf.toString("utf8"), file, { yamlVersion: "1.1" });
    objects.push(...r.objects);
    errors.push(...r.errors);
  });
  return { objects, errors };
}
function policySetOf(objects, errors = []) {
  const set = emptyPolicySet();
  set.errors.push(...errors);
  for (const o of objects) {
    switch (classify(o.object)) {
      case "ConstraintTemplate":
        set.templates.push(o);
        break;
      case "Constraint":
        set.constraints.push(o);
        break;
      case "Config":
        if (isGatekeeperConfig(o.object)) set.configs.push(o);
        break;
      case "ExpansionTemplate":
        set.expansions.push(o);
        break;
      case "Mutator":
        set.mutators.push(o);
        break;
      default: {
        const gvk = gvkOf(o.object);
        if (gvk.group === "syncset.gatekeeper.sh" && gvk.kind === "SyncSet") set.syncSets.push(o);
        break;
      }
    }
  }
  return set;
}
async function readShippedPolicies(dir) {
  const { files } = await listManifestFiles([dir]);
  const objects = [];
  const errors = [];
  for (const file of files) {
    const r = loadManifestsMemo(await readFile(file, "utf8"), `preadmit:${path2.relative(dir, file)}`, { yamlVersion: "1.2" });
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  const set = policySetOf(objects, errors);
  set.constraints = set.constraints.filter((c) => path2.basename(c.source.file) === "constraint.yaml");
  set.templates = set.templates.filter((t) => path2.basename(t.source.file) === "template.yaml");
  return set;
}
function mergePolicySets(a, b) {
  return {
    templates: [...a.templates, ...b.templates],
    constraints: [...a.constraints, ...b.constraints],
    configs: [...a.configs, ...b.configs],
    expansions: [...a.expansions, ...b.expansions],
    syncSets: [...a.syncSets, ...b.syncSets],
    mutators: [...a.mutators, ...b.mutators],
    errors: [...a.errors, ...b.errors]
  };
}

// src/simulate/verdict.ts
function computeVerdict(clusters, blocking) {
  const counts = { newDeny: 0, newWarn: 0, newDryrun: 0, fixed: 0, unchanged: 0, changed: 0, errors: 0, newErrors: 0, exemptionViolations: 0, policyRelaxations: 0 };
  const reasons = [];
  let promotedDenials = 0;
  let existingDeny = 0;
  let headErrors = 0;
  for (const c of clusters) {
    for (const f of c.findings) {
      if (f.category === "fixed") counts.fixed++;
      else if (f.category === "unchanged" || f.category === "changed") {
        counts.unchanged++;
        if (f.category === "changed") counts.changed++;
        if (f.actions.includes("deny")) existingDeny++;
      } else if (f.actions.includes("deny")) counts.newDeny++;
      else if (f.actions.includes("warn")) counts.newWarn++;
      else counts.newDryrun++;
    }
    for (const p of c.promotions) promotedDenials += p.objects.length;
    counts.errors += c.errors.length;
    headErrors += c.errors.filter((e) => e.ref === "head" && !e.existing).length;
    if (blocking.unsimulated) {
      for (const n of (c.coverage?.notSimulated ?? []).filter((x) => x.changed)) reasons.push(`${c.name}: not simulated: ${n.what}: ${n.reason}`);
    }
    const bad = c.exemptions.filter((e) => e.change === "added" && !e.allowed);
    counts.exemptionViolations += bad.length;
    if (blocking.exemptionOutsideAllowList) {
      for (const e of bad) reasons.push(`${c.name}: ${e.owner} exempts namespace ${JSON.stringify(e.namespace)}, which is not in the allowed exemptions list`);
    }
    for (const r of c.relaxations.filter((x) => !x.allowed)) {
      counts.policyRelaxations++;
      if (blocking.policyRelaxation) reasons.push(`${c.name}: policy relaxation: ${r.description}, lets through ${r.letsThrough.length} violation${r.letsThrough.length === 1 ? "" : "s"}`);
    }
  }
  if (blocking.newDeny && counts.newDeny > 0) reasons.push(`${counts.newDeny} new violation(s) that the admission webhook would deny`);
  if (blocking.newDeny && promotedDenials > 0) {
    const names = clusters.flatMap((c) => c.promotions.filter((p) => p.objects.length > 0).map((p) => `${p.constraint.kind}/${p.constraint.name}`));
    reasons.push(`${promotedDenials} existing object(s) would start being denied by constraint(s) promoted to deny: ${names.join(", ")}`);
  }
  if (blocking.newWarn && counts.newWarn > 0) reasons.push(`${counts.newWarn} new violation(s) with the warn action`);
  if (blocking.existingViolations && existingDeny > 0) reasons.push(`${existingDeny} existing violation(s) that the admission webhook would deny`);
  counts.newErrors = headErrors;
  if (blocking.errorsAtHead && headErrors > 0) {
    const first = clusters.flatMap((c) => c.errors.filter((e) => e.ref === "head" && !e.existing))[0];
    reasons.push(`${headErrors} render, policy or compile error(s) at head (fail closed)${first ? `, first: ${first.error.message}` : ""}`);
  }
  return { conclusion: reasons.length > 0 ? "failure" : "success", blocking: reasons, counts };
}

// src/simulate/simulate.ts
var SHIPPED_POLICIES_DIR = path3.join(REPO_ROOT, "policies");
var VERSION = "0.1.0";
async function simulate(options) {
  const { source, config } = options;
  const [baseSha, headSha] = await Promise.all([source.resolve(options.base), source.resolve(options.head)]);
  const changed = await source.changesThroughLinks(baseSha, headSha, options.changed ?? await source.changedFiles(baseSha, headSha));
  const [baseFiles, headFiles] = await Promise.all([source.listFiles(baseSha), source.listFiles(headSha)]);
  const clusters = [];
  const budget = renderBudget(options.renderBudgetMs, options.signal);
  const failClosed = /* @__PURE__ */ new Set();
  for (const cluster of config.clusters) {
    throwIfAborted(options.signal);
    options.onProgress?.(`cluster ${cluster.name}: simulating ${changed.length} changed file(s)`);
    clusters.push(await simulateCluster(cluster, { ...options, baseSha, headSha, changed, baseFiles, headFiles, budget, failClosed }));
  }
  const verdict = computeVerdict(clusters, config.blocking);
  if (failClosed.size > 0) {
    verdict.conclusion = "failure";
    verdict.blocking.push(...[...failClosed].map((r) => `rendering incomplete (fail closed): ${r}`));
  }
  return {
    schemaVersion: 1,
    tool: { name: "preadmit", version: VERSION },
    base: { ref: options.base, sha: baseSha },
    head: { ref: options.head, sha: headSha },
    enforcementPoint: config.enforcementPoint,
    clusters,
    verdict
  };
}
async function simulateCluster(cluster, ctx) {
  const started = Date.now();
  const shipped = cluster.shippedPolicies ? await readShippedPolicies(ctx.shippedPoliciesDir ?? SHIPPED_POLICIES_DIR) : emptyPolicySet();
  const load = async (sha, files) => {
    const pol = await readObjectsAt(ctx.source, sha, files, cluster.policies, "gatekeeper.sh");
    const inv = cluster.inventory.length > 0 ? await readObjectsAt(ctx.source, sha, files, cluster.inventory) : { objects: [], errors: [] };
    return {
      sha,
      files,
      policies: mergePolicySets(policySetOf(pol.objects, [...pol.errors, ...inv.errors]), shipped),
      inventory: inv.objects
    };
  };
  const [base, head] = await Promise.all([load(ctx.baseSha, ctx.baseFiles), load(ctx.headSha, ctx.headFiles)]);
  const policyChanged = policyFingerprint(base.policies) !== policyFingerprint(head.policies);
  const referential = [...base.policies.templates, ...head.policies.templates].some((t) => JSON.stringify(t.object).includes("data.inventory"));
  const inventoryChanged = ctx.changed.some((c) => underAny2(c.path, cluster.inventory) || c.previousPath !== void 0 && underAny2(c.previousPath, cluster.inventory));
  const renderAll = policyChanged || referential || inventoryChanged;
  const renderOptions = {
    paths: cluster.manifests,
    exclude: cluster.exclude,
    helmReleases: Object.fromEntries(Object.entries(cluster.helmValues).map(([chart, valuesFiles]) => [chart, [{ release: path3.posix.basename(chart), valuesFiles }]])),
    ...ctx.renderTimeoutMs !== void 0 ? { timeoutMs: ctx.renderTimeoutMs } : {},
    budget: ctx.budget,
    gitops: ctx.config.gitops,
    charts: { repositories: ctx.config.chartRepositories },
    ...cluster.kubeVersion !== void 0 ? { kubeVersion: cluster.kubeVersion } : {},
    ...cluster.apiVersions.length > 0 ? { apiVersions: cluster.apiVersions } : {},
    defaultNamespace: cluster.defaultNamespace,
    ...ctx.unsafeNoSandbox ? { sandbox: "unsafe-none" } : {},
    ...renderAll ? {} : { changed: ctx.changed }
  };
  ctx.onProgress?.(`cluster ${cluster.name}: rendering ${renderAll ? "every root" : "the roots the change touches"} at base and head`);
  const baseRender = await renderRef(ctx.source, base.sha, renderOptions);
  const headRender = await renderRef(ctx.source, head.sha, renderOptions);
  for (const r of [...baseRender.failClosed, ...headRender.failClosed]) ctx.failClosed.add(r);
  const coverage = await coverageAt(ctx.source, head.sha, head.files, {
    paths: cluster.manifests,
    exclude: cluster.exclude,
    helmReleases: renderOptions.helmReleases,
    policies: cluster.policies,
    inventory: cluster.inventory,
    cluster: cluster.name
  });
  const keep = (o) => o.source.via !== void 0 || underAny2(o.source.file, cluster.manifests) || underAny2(o.root.replace(/^[a-z]+:/, "").replace(/#[^#/]*$/, ""), cluster.manifests);
  const failedAtHead = new Set(headRender.errors.map((e) => e.source?.renderedBy).filter((r) => r !== void 0));
  const renderedBase = baseRender.objects.filter((o) => keep(o) && !failedAtHead.has(o.root));
  const renderedHead = headRender.objects.filter(keep);
  const [baseNamespaces, headNamespaces] = await Promise.all([
    declaredNamespaces(ctx.source, base, cluster, renderedBase),
    declaredNamespaces(ctx.source, head, cluster, renderedHead)
  ]);
  const orphans = orphanedByDeletedNamespaces(baseNamespaces, headNamespaces, renderedHead);
  const orphaned = (o) => orphans.namespaces.has(namespaceOf(o.object));
  const baseObjects = renderedBase.filter((o) => !orphaned(o));
  const headObjects = renderedHead.filter((o) => !orphaned(o));
  ctx.onProgress?.(`cluster ${cluster.name}: reviewing ${baseObjects.length} object(s) at base and ${headObjects.length} at head`);
  const secrets = secretValues([...baseObjects, ...headObjects, ...base.inventory, ...head.inventory].map((o) => o.object));
  const renames = new Map(ctx.changed.filter((c) => c.previousPath !== void 0).map((c) => [c.previousPath, c.path]));
  const pairing = pairObjects(baseObjects, headObjects, renames);
  const baseOutcome = await reviewRef("base", base, baseObjects, baseNamespaces, void 0, ctx);
  const headOutcome = await reviewRef("head", head, headObjects, headNamespaces, pairing, ctx);
  const crossOutcome = policyChanged ? await reviewUnderBasePolicies({ base, head, baseObjects, headObjects, baseNamespaces, headNamespaces, baseOutcome, referential, pairing, ctx }) : void 0;
  for (const outcome of [baseOutcome, headOutcome, ...crossOutcome ? [crossOutcome] : []]) {
    for (const v of outcome.violations) v.message = redactSecrets(v.message, secrets);
  }
  baseOutcome.errors.push(...baseRender.errors);
  headOutcome.errors.push(...headRender.errors, ...orphans.errors, ...coverage.errors);
  const report = diffClusters({
    cluster: cluster.name,
    base: baseOutcome,
    head: headOutcome,
    ...crossOutcome ? { headUnderBasePolicies: crossOutcome } : {},
    baseObjects,
    headObjects,
    allowedNamespaces: ctx.config.exemptions.allowedNamespaces,
    enforcementPoint: ctx.config.enforcementPoint,
    pairing
  });
  redactDeep(report, secrets);
  report.coverage = coverageOf(headRender, baseRender, ctx.changed, keep);
  const changedFiles = new Set(changedPaths(ctx.changed));
  for (const m of unappliedMutators([...head.policies.mutators, ...headObjects])) {
    report.coverage.notSimulated.push({ ...m, changed: changedFiles.has(m.source.file) });
  }
  report.stats = {
    objectsBase: baseObjects.length,
    objectsHead: headObjects.length,
    reviews: baseOutcome.reviews + headOutcome.reviews + (crossOutcome?.reviews ?? 0),
    rootsRendered: new Set([...baseRender.roots, ...headRender.roots].map((r) => `${r.kind}:${r.path}:${r.release ?? ""}`)).size,
    durationMs: Date.now() - started
  };
  return report;
}
async function reviewUnderBasePolicies(a) {
  const state = { ...a.head, policies: a.base.policies };
  const sameNamespaces = canonicalJson([...a.baseNamespaces].sort()) === canonicalJson([...a.headNamespaces].sort());
  if (a.referential || !sameNamespaces) return reviewRef("head", state, a.headObjects, a.headNamespaces, a.pairing, a.ctx);
  const atBase = new Map(a.baseObjects.map((o) => [objectKey(objectRef(o.object)), canonicalJson(o.object)]));
  const unchanged = /* @__PURE__ */ new Set();
  const changed = [];
  for (const o of a.headObjects) {
    const key = objectKey(objectRef(o.object));
    if (atBase.get(key) === canonicalJson(o.object)) unchanged.add(key);
    else changed.push(o);
  }
  const outcome = await reviewRef("head", state, changed, a.headNamespaces, a.pairing, a.ctx);
  outcome.violations.push(...a.baseOutcome.violations.filter((v) => unchanged.has(objectKey(v.object))).map((v) => ({ ...v })));
  return outcome;
}
var expansionMemo = /* @__PURE__ */ new WeakMap();
var keyTexts = /* @__PURE__ */ new WeakMap();
function textOf(value, make) {
  let text = keyTexts.get(value);
  if (text === void 0) keyTexts.set(value, text = make());
  return text;
}
function expandMemo(parent, namespace, templates) {
  const key = `${namespace === null ? "null" : textOf(namespace, () => JSON.stringify(namespace))}\0${textOf(templates, () => JSON.stringify(templates.map((t) => [t.name, t.applyTo, t.templateSource, t.generatedGVK, t.enforcementAction])))}`;
  let byKey = expansionMemo.get(parent);
  if (!byKey) expansionMemo.set(parent, byKey = /* @__PURE__ */ new Map());
  let resultants = byKey.get(key);
  if (!resultants) {
    resultants = expand(parent, namespace, templates);
    byKey.set(key, resultants);
  }
  return resultants;
}
function underAny2(file, roots) {
  return roots.some((r) => {
    const p = r.replace(/^\.\/?/, "").replace(/\/+$/, "");
    return p === "" || file === p || file.startsWith(`${p}/`);
  });
}
function policyFingerprint(p) {
  const objs = [...p.templates, ...p.constraints, ...p.configs, ...p.expansions, ...p.syncSets].map((o) => canonicalJson(o.object)).sort();
  return objs.join("\n");
}
var NAMESPACE_DOC = /^kind:\s*["']?Namespace["']?\s*$/m;
async function declaredNamespaces(source, ref, cluster, rendered) {
  const out = /* @__PURE__ */ new Map();
  const candidates = ref.files.filter((f) => /\.(ya?ml|json)$/i.test(f) && (underAny2(f, cluster.manifests) || underAny2(f, cluster.inventory)));
  const texts = await Promise.all(candidates.map((f) => source.readFile(ref.sha, f)));
  candidates.forEach((file, i) => {
    const buf = texts[i];
    if (!buf || !buf.includes("Namespace")) return;
    const text = buf.toString("utf8");
    if (!NAMESPACE_DOC.test(text)) return;
    for (const o of loadManifestsMemo(text, file, { yamlVersion: "1.1" }).objects) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  });
  for (const o of [...ref.inventory, ...rendered]) if (isNamespace(gvkOf(o.object))) out.set(nameOf(o.object), asInCluster(o.object));
  return out;
}
function orphanedByDeletedNamespaces(base, head, objects) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const ns = namespaceOf(o.object);
    if (ns === "" || !base.has(ns) || head.has(ns)) continue;
    byNamespace.set(ns, [...byNamespace.get(ns) ?? [], o]);
  }
  const errors = [...byNamespace].map(([ns, list]) => {
    const first = list[0];
    return {
      kind: "render",
      message: `${first.source.file}:${first.source.startLine}: Namespace ${JSON.stringify(ns)} is deleted by this change, but ${list.length} object(s) still target it (first: ${gvkOf(first.object).kind} ${ns}/${nameOf(first.object)}); they could not be applied`,
      source: first.source
    };
  });
  return { namespaces: new Set(byNamespace.keys()), errors };
}
var inCluster = /* @__PURE__ */ new WeakMap();
function asInCluster(namespace) {
  let copy = inCluster.get(namespace);
  if (!copy) {
    const meta = isObject(namespace.metadata) ? namespace.metadata : {};
    const labels = isObject(meta.labels) ? meta.labels : {};
    copy = { ...namespace, metadata: { ...meta, labels: { ...labels, "kubernetes.io/metadata.name": nameOf(namespace) } } };
    inCluster.set(namespace, copy);
  }
  return copy;
}
async function reviewRef(ref, state, objects, namespaces, pairing, ctx) {
  const errors = [...state.policies.errors];
  throwIfAborted(ctx.signal);
  const client = new PolicyClient({
    compiler: ctx.runtime.compiler,
    pool: ctx.runtime.pool,
    enforcementPoint: ctx.config.enforcementPoint,
    parameterNumbers: "float",
    ...ctx.signal !== void 0 ? { signal: ctx.signal } : {}
  });
  errors.push(...await client.addTemplates(state.policies.templates));
  errors.push(...client.addConstraints(state.policies.constraints).map((f) => f.error));
  const known = [...state.inventory.map((o) => o.object), ...objects.map((o) => o.object), ...namespaces.values()];
  client.setData(syncedObjects(known, state.policies.configs, state.policies.syncSets), known);
  const expansions = [];
  const expansionSources = state.policies.expansions.length > 0 ? state.policies.expansions : defaultExpansionTemplates(ctx.config.expandWorkloads);
  for (const s of expansionSources) {
    const r = parseExpansionTemplate(s);
    if ("error" in r) errors.push(r.error);
    else expansions.push(r.template);
  }
  const plan = planReviews(objects, {
    mode: "webhook",
    objectOf: (o) => o.object,
    expansions,
    expand: expandMemo,
    excludedNamespaces: processExclusions(state.policies.configs, "webhook"),
    namespaceNamed: (name) => namespaces.get(name) ?? asInCluster({ apiVersion: "v1", kind: "Namespace", metadata: { name } }),
    previous: (o) => {
      const old = pairing?.previous(o)?.object;
      return old !== void 0 && canonicalJson(old) !== canonicalJson(o.object) ? old : void 0;
    }
  });
  for (const { parent, message: message2 } of plan.expansionErrors) {
    errors.push({ kind: "expansion", message: `${parent.source.file}:${parent.source.startLine}: ${message2}`, source: parent.source });
  }
  let results;
  try {
    results = await evaluatePlan(client, plan);
  } finally {
    client.dispose();
  }
  const violations = [];
  const parents = /* @__PURE__ */ new Map();
  const add = (v, parent) => {
    violations.push(v);
    parents.set(v, parent);
  };
  const raised = /* @__PURE__ */ new Set();
  const raisedKey = (parent, v) => [parent.root, objectKey(objectRef(parent.object)), v.constraint.kind, v.constraint.name, v.msg].join("\0");
  for (const { entry, violations: list } of results) {
    if (entry.onCreate) continue;
    for (const v of list) {
      raised.add(raisedKey(entry.parent, v));
      add(toReviewed(v, entry.parent, entry.implied, entry.review.operation), entry.parent);
    }
  }
  for (const { entry, violations: list } of results) {
    if (!entry.onCreate) continue;
    for (const v of list) if (!raised.has(raisedKey(entry.parent, v))) add({ ...toReviewed(v, entry.parent, entry.implied, "CREATE"), onCreate: true }, entry.parent);
  }
  await locateViolations(parents, (file) => ctx.source.readFile(state.sha, file), (chart) => [
    `${chart === "" ? "" : `${chart}/`}values.yaml`,
    ...new Set(ctx.config.clusters.flatMap((c) => c.helmValues[chart] ?? []))
  ]);
  const constraintSources = /* @__PURE__ */ new Map();
  for (const c of client.constraintList) constraintSources.set(`${c.kind}/${c.name}`, c.source);
  return { ref, violations, errors, reviews: plan.reviews.length, constraints: client.constraintList, policies: state.policies, constraintSources };
}
async function locateViolations(parents, read, valuesFiles) {
  const texts = /* @__PURE__ */ new Map();
  const readAll = async (files) => {
    const wanted = [...new Set(files)].filter((f) => !texts.has(f));
    const bodies = await Promise.all(wanted.map((f) => read(f).then((b) => b?.toString("utf8"), () => void 0)));
    wanted.forEach((f, i) => texts.set(f, bodies[i]));
  };
  const byFile = /* @__PURE__ */ new Map();
  for (const [v, parent] of parents) {
    const found = offendingPath(parent.object, v.message);
    if (!found) continue;
    let list = byFile.get(parent.source.file);
    if (!list) byFile.set(parent.source.file, list = []);
    list.push({ v, parent, found });
  }
  await readAll(byFile.keys());
  const more = [];
  for (const [file, list] of byFile) {
    const text = texts.get(file);
    if (text === void 0) continue;
    for (const { parent, found } of list) {
      const value = valueAt(parent.object, found.path);
      if (typeof value === "string" && parent.root.startsWith("helm:") && !text.includes(value)) more.push(...valuesFiles(helmChartOf(parent.root)));
      if (typeof value === "string" && found.path[found.path.length - 1] === "image" && parent.root.startsWith("kustomize:")) more.push(...kustomizationFiles(parent.root));
    }
  }
  await readAll(more);
  for (const [file, list] of byFile) {
    const text = texts.get(file);
    if (text === void 0) continue;
    for (const { v, parent, found } of list) {
      const location = lineOfPath(text, parent.source, gvkOf(parent.object).kind, found.path, found.container > 0 ? found.container : found.path.length);
      if (location) v.location = location;
      const value = valueAt(parent.object, found.path);
      if (typeof value === "string" && parent.root.startsWith("helm:") && !text.includes(value)) {
        let best;
        for (const valuesFile of valuesFiles(helmChartOf(parent.root))) {
          const values = texts.get(valuesFile);
          const hit = values === void 0 ? void 0 : valuesLine(values, valuesFile, value);
          if (hit && (!best || hit.length >= best.length)) best = hit;
        }
        if (best) v.location = best.location;
      }
      const image = found.path[found.path.length - 1] === "image" ? value : void 0;
      if (typeof image === "string" && parent.root.startsWith("kustomize:")) {
        for (const kustomizationFile of kustomizationFiles(parent.root)) {
          const kustomization = texts.get(kustomizationFile);
          if (kustomization === void 0) continue;
          const entry = imagesEntryLine(kustomization, kustomizationFile, image);
          if (entry) v.location = entry;
          break;
        }
      }
    }
  }
}
function helmChartOf(root) {
  return root.slice("helm:".length).replace(/#[^#/]*$/, "");
}
function kustomizationFiles(root) {
  const dir = root.slice("kustomize:".length);
  return ["kustomization.yaml", "kustomization.yml", "Kustomization"].map((name) => dir === "" || dir === "." ? name : `${dir}/${name}`);
}
function toReviewed(v, parent, implied, operation) {
  const action = v.enforcementAction;
  const actions = action === "scoped" ? v.scopedActions ?? [] : [action];
  return {
    constraintKind: v.constraint.kind,
    constraintName: v.constraint.name,
    constraintSource: v.constraint.source,
    actions: actions.filter((a) => a === "deny" || a === "warn" || a === "dryrun"),
    object: objectRef(parent.object),
    objectSource: parent.source,
    message: v.msg,
    ...implied ? { impliedBy: implied.name } : {},
    operation: operation === "UPDATE" ? "UPDATE" : "CREATE",
    root: parent.root,
    objectMeta: metadataOf(parent.object)
  };
}
function coverageOf(head, base, changed, keep) {
  const roots = {};
  const apps = {};
  for (const r of head.roots) {
    if (r.app !== void 0) apps[r.app.tool] = (apps[r.app.tool] ?? 0) + 1;
    else roots[r.kind] = (roots[r.kind] ?? 0) + 1;
  }
  const paths = new Set(changedPaths(changed));
  const notSimulated = [];
  for (const u of head.unsimulated) {
    notSimulated.push({ what: `${u.tool === "flux" ? "Flux" : "Argo CD"} ${u.kind} ${u.name}`, source: { ...u.declared }, reason: u.reason, changed: u.deps.some((d) => paths.has(d)) });
  }
  const failed = /* @__PURE__ */ new Map();
  const failedAt = /* @__PURE__ */ new Map();
  for (const e of head.errors) {
    const by = e.source?.renderedBy;
    if (by !== void 0 && !failed.has(by)) {
      failed.set(by, e.message);
      failedAt.set(by, e.source);
    }
  }
  const baseFailed = new Set(base.errors.map((e) => e.source?.renderedBy));
  for (const r of head.roots) {
    const id = rootId(r);
    const why = failed.get(id);
    if (why === void 0) continue;
    const probe = { root: id, source: { file: r.app?.declared.file ?? r.path, startLine: 1, endLine: 1 }, object: {} };
    if (r.app === void 0 && !keep(probe)) continue;
    const errorAt = failedAt.get(id);
    const at = r.app ? { ...r.app.declared } : errorAt !== void 0 ? { file: errorAt.file, startLine: errorAt.startLine, endLine: errorAt.endLine } : void 0;
    notSimulated.push({ what: r.app !== void 0 ? `${r.app.tool === "flux" ? "Flux" : "Argo CD"} ${r.app.kind} ${r.app.name}` : id, ...at !== void 0 ? { source: at } : {}, reason: `render error: ${why}`, changed: !baseFailed.has(id) });
  }
  return { simulated: { roots, apps }, notSimulated };
}

export {
  CONFIG_FILE,
  loadConfig,
  maskedDiff,
  escapeMarkdown,
  fenced,
  GITHUB_SUMMARY_LIMIT,
  utf8Bytes,
  cutUtf8,
  renderMarkdown,
  applyConfigErrors,
  simulate
};
//# sourceMappingURL=chunk-NPPJNOXJ.mjs.map
