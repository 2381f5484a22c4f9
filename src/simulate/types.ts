// The report model of a PR simulation: what every rendering (Markdown, annotations, JSON, SARIF, text) reads.
// JSON output is this model serialised; `schemaVersion` changes when a field changes meaning or goes away.
import type { InputError, SourceLocation } from '../gatekeeper/types.ts';

/** The identity of a Kubernetes object across refs: a moved or reformatted object keeps it. */
export interface ObjectRef {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface ConstraintRef {
  kind: string;
  name: string;
  /** Where the constraint is defined (at head, or at base when it was removed). */
  source?: SourceLocation;
}

/** What the admission webhook would do with one violation. */
export type WebhookAction = 'deny' | 'warn' | 'dryrun';

/**
 * `unchanged`: the same violation at base and head. `changed`: the same constraint still rejects the same
 * object, with another message (an image tag in it changed...): counted with the unchanged ones, never new.
 */
type FindingCategory = 'new' | 'fixed' | 'unchanged' | 'changed';

/**
 * Why a finding is new or fixed: the manifests changed (`object`), the policies changed (`policy`:
 * template, constraint, enforcement action, match), or both.
 */
export type FindingCause = 'object' | 'policy' | 'object+policy';

export interface Finding {
  /**
   * Stable identity: cluster, constraint kind and name, object identity (group/kind/namespace/name, the base's
   * name when a generated name changed), message (the head's for changed findings).
   */
  id: string;
  cluster: string;
  category: FindingCategory;
  cause: FindingCause;
  constraint: ConstraintRef;
  /** Effective actions at the simulated enforcement point (scoped actions expanded). */
  actions: WebhookAction[];
  object: ObjectRef;
  /** Where the object comes from: at head for new and unchanged findings, at base for fixed ones. */
  objectSource?: SourceLocation;
  message: string;
  /** For changed findings: the message at base, and the id the base's finding had. */
  previousMessage?: string;
  previousId?: string;
  /** Where the offending field is, when the violation names it (else unset: `objectSource`). */
  location?: SourceLocation;
  /**
   * The webhook would admit this UPDATE (the template skips updates), but the object, or the Pods its
   * controller creates from it, are rejected when created.
   */
  onCreate?: boolean;
  /** Set when the violation is on an expanded resource (e.g. the Pod of a Deployment). */
  impliedBy?: string;
  /** For an UPDATE review at head: the object existed at base. */
  operation: 'CREATE' | 'UPDATE';
}

export interface PolicyChange {
  type: 'template' | 'constraint' | 'config' | 'expansion';
  /** Template kind, or `Kind/name` of a constraint. */
  name: string;
  change: 'added' | 'removed' | 'modified';
  source?: SourceLocation;
  /** For constraints: enforcement action before and after. */
  actionBefore?: string;
  actionAfter?: string;
  /** Existing objects newly rejected (deny) because of this change. */
  newlyDenied: ObjectRef[];
  /** Existing objects that stop being rejected because of this change. */
  noLongerDenied: ObjectRef[];
}

/** A constraint moving from dryrun/warn to deny: who would start being rejected. */
export interface Promotion {
  constraint: ConstraintRef;
  from: string;
  to: string;
  /** Objects that violate it at head and would now be rejected. */
  objects: Array<{ object: ObjectRef; message: string; source?: SourceLocation }>;
}

export interface ExemptionChange {
  /** `Kind/name` of the constraint, or `Config/config` with the process. */
  owner: string;
  field: 'excludedNamespaces' | 'Config.match.excludedNamespaces';
  namespace: string;
  change: 'added' | 'removed';
  /** Whether the repository config's governance list allows this namespace to be exempted. */
  allowed: boolean;
  source?: SourceLocation;
}

/** A violation the base's policies raise on a head object that the head's policies enforce less or not at all. */
export interface LetThrough {
  constraint: ConstraintRef;
  object: ObjectRef;
  objectSource?: SourceLocation;
  message: string;
  impliedBy?: string;
  /** Strongest action under the base's policies, and under the head's (`none`: no violation at all). */
  before: WebhookAction;
  after: WebhookAction | 'none';
}

/**
 * A change that weakens the policies (issue #9): enforcement weakened, constraint or template removed, match
 * narrowed, exemptions or Config exclusions added, or any other policy change that lets a violation through.
 */
export interface PolicyRelaxation {
  type: 'enforcement' | 'constraint-removed' | 'template-removed' | 'template-changed' | 'match' | 'parameters' | 'exemption' | 'config-exclusion' | 'expansion' | 'other';
  /** `Kind/name` of the constraint, the template kind, `Config/config`, `ExpansionTemplates` or `policies`. */
  subject: string;
  /** For people, without the cluster: `constraint K8sPSPPrivileged/psp-privileged demoted deny -> dryrun`. */
  description: string;
  source?: SourceLocation;
  /** Exemptions whose every namespace the repository's `exemptions.allowedNamespaces` names: listed, never blocking. */
  allowed: boolean;
  /** What it lets through: the head's objects' violations under the base's policies that the head's policies weaken or drop. */
  letsThrough: LetThrough[];
}

export interface RenderedObjectDiff {
  object: ObjectRef;
  /** The base's name, when only a generated part of the name changed (kustomize hash, helm random suffix). */
  previousName?: string;
  change: 'added' | 'modified' | 'removed';
  /** Unified diff of the rendered YAML, Secret values masked. */
  diff: string;
  source?: SourceLocation;
  /** The render root (kustomize overlay, helm release, plain file) that produced the object. */
  root: string;
}

export interface SimulationError {
  ref: 'base' | 'head';
  error: InputError;
  /** A head error the base has too: listed, not blocking by default. */
  existing?: boolean;
}

/** An object one ref renders more than once in a cluster: each copy is reviewed and reported on its own. */
export interface DuplicateObject {
  ref: 'base' | 'head';
  object: ObjectRef;
  copies: Array<{ root: string; source: SourceLocation }>;
}

/** What was simulated in a cluster at head, and every GitOps app or root that was not, with the reason. */
export interface ClusterCoverage {
  /** Roots rendered at head per renderer (`kustomize`, `helm`, `plain`) and GitOps apps per tool (`flux`, `argocd`). */
  simulated: { roots: Record<string, number>; apps: Record<string, number> };
  notSimulated: Array<{
    /** `Flux HelmRelease redis`, `Argo CD Application web`, or a root id. */
    what: string;
    source?: SourceLocation;
    reason: string;
    /** The change touches what declares or feeds it (its CR, values...): `blocking.unsimulated` blocks on these. */
    changed: boolean;
  }>;
}

export interface ClusterReport {
  name: string;
  findings: Finding[];
  policyChanges: PolicyChange[];
  promotions: Promotion[];
  exemptions: ExemptionChange[];
  relaxations: PolicyRelaxation[];
  renderedDiffs: RenderedObjectDiff[];
  /** Objects rendered more than once (always set by the simulation). */
  duplicates?: DuplicateObject[];
  /** What was simulated and what was not (always set by the simulation). */
  coverage?: ClusterCoverage;
  errors: SimulationError[];
  stats: { objectsBase: number; objectsHead: number; reviews: number; rootsRendered: number; durationMs: number };
}

type Conclusion = 'success' | 'failure';

export interface Verdict {
  conclusion: Conclusion;
  /** One line per reason the PR is blocked (empty when it passes). */
  blocking: string[];
  /** `unchanged` includes the `changed` findings; `newErrors` are the head errors the base does not have. */
  counts: {
    newDeny: number;
    newWarn: number;
    newDryrun: number;
    fixed: number;
    unchanged: number;
    changed: number;
    errors: number;
    newErrors: number;
    exemptionViolations: number;
    policyRelaxations: number;
  };
}

export interface SimulationReport {
  schemaVersion: 1;
  tool: { name: 'preadmit'; version: string };
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  enforcementPoint: string;
  clusters: ClusterReport[];
  verdict: Verdict;
}
