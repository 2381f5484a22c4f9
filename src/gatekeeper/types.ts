// The shared vocabulary of preadmit: plain data that every layer passes around.

/** A JSON value as Kubernetes objects and Rego see it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Where something came from: a repository-relative (or user-given) path and a 1-based line range. */
export interface SourceLocation {
  file: string;
  startLine: number;
  endLine: number;
  /** Set when the object was produced by a renderer, e.g. `kustomize:overlays/prod`. */
  renderedBy?: string;
  /** The commit the file was read at, when it is neither the base nor the head (the config, from the default branch). */
  commit?: string;
  /**
   * Set when a GitOps app (Flux Kustomization/HelmRelease, Argo CD Application) produced the object: the CR that
   * declares the app (for an ApplicationSet: the ApplicationSet) and the app's name. `file` stays the manifest's
   * or template's own location.
   */
  via?: { app: string; file: string; startLine: number; endLine: number };
}

/** A Kubernetes object as read from a file, with where it came from. */
export interface SourcedObject {
  object: JsonObject;
  source: SourceLocation;
}

/** A problem found in the input. It names its file and line, and never stops the rest of the run. */
export interface InputError {
  kind: 'load' | 'template' | 'constraint' | 'expansion' | 'config' | 'suite' | 'compile' | 'render';
  message: string;
  source?: SourceLocation;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Which Gatekeeper role an object plays. */
export type ObjectClass =
  | 'ConstraintTemplate'
  | 'Constraint'
  | 'Config'
  | 'ExpansionTemplate'
  | 'Mutator'
  | 'Suite'
  | 'AdmissionReview'
  | 'Namespace'
  | 'Object';
