// The one review planner of `preadmit test`, `preadmit verify` and the base/head simulation: which reviews an
// object gets (itself, and every resource an ExpansionTemplate generates from it), with which Namespace, and how
// each review's results are attributed back to the object.
//
// Two ways of reviewing, each Gatekeeper's own:
// - `gator` (gator test, gator verify: pkg/gator/test/test.go, pkg/gator/verify/runner.go): a plain object
//   (operation ""), the Namespace from `Expander.NamespaceForResource`, resultants reviewed the same way.
// - `webhook` (pkg/webhook/policy.go `reviewRequest`): objects in namespaces Config excludes from the webhook are
//   not reviewed at all; CREATE or UPDATE with oldObject; the Namespace fetched for namespaced requests (none for
//   a Namespace or a cluster-scoped object) and given to expansion and to the resultants' reviews, which carry the
//   parent's operation.
// In both, a resultant's results belong to its parent: the ExpansionTemplate's enforcementAction (when set)
// overrides theirs and their message is prefixed `[Implied by <template>] ` (pkg/expansion/aggregate.go).
import { gvkOf, isNamespace, metadataOf, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import { isNamespaceExcluded } from '../gatekeeper/config.ts';
import { expand, impliedByPrefix, type ExpansionTemplate, type Resultant } from '../gatekeeper/expand.ts';
import { reviewAdmission, reviewPlainObject, type Review } from '../gatekeeper/review.ts';
import type { JsonObject } from '../gatekeeper/types.ts';
import type { PolicyClient, Violation } from './client.ts';

/** The ExpansionTemplate a resultant's review comes from. */
export interface Implied {
  name: string;
  /** The template's `spec.enforcementAction`; "" leaves each result's own. */
  action: string;
}

/** One review and the object its results are attributed to. */
export interface PlannedReview<T> {
  review: Review;
  parent: T;
  /** Set on the reviews of resultants. */
  implied?: Implied;
  /**
   * Webhook only: the CREATE review an UPDATEd object (and each of its resultants) also gets. Templates may skip
   * UPDATE reviews (gatekeeper-library's pod-security ones do): the webhook admits the update, yet the object still
   * violates, and the Pods a controller creates from it are CREATE reviews; so an edit never reads as a fix.
   */
  onCreate?: boolean;
}

/** An object whose expansion failed: its own review is planned, its resultants' are not. */
interface ExpansionFailure<T> {
  parent: T;
  /** `expanding resource <name>: …` (for `gator`, gator's exact words). */
  message: string;
}

export interface ReviewPlan<T> {
  reviews: PlannedReview<T>[];
  expansionErrors: ExpansionFailure<T>[];
}

interface CommonOptions<T> {
  objectOf: (item: T) => JsonObject;
  expansions: ExpansionTemplate[];
  /** `expand` itself, or a memo of it (objects are never modified once read). */
  expand?: (parent: JsonObject, namespace: JsonObject | null, templates: ExpansionTemplate[]) => Resultant[];
}

export interface GatorPlanOptions<T> extends CommonOptions<T> {
  mode: 'gator';
  /** The Namespace objects among the inputs (gator test); empty for gator verify, whose Expander has none. */
  namespaces: Map<string, JsonObject>;
  /**
   * Whether reviews carry the Namespace: gator test passes it with every review (and resultant review); gator
   * verify passes none (matching then looks Namespaces up in data), though its expansion still uses one.
   */
  attachNamespace: boolean;
}

export interface WebhookPlanOptions<T> extends CommonOptions<T> {
  mode: 'webhook';
  /** The Namespace the cluster holds under a name (the webhook fetches it for every namespaced request). */
  namespaceNamed: (name: string) => JsonObject;
  /** The object as the cluster holds it before the change, when the change modifies it: an UPDATE. */
  previous: (item: T) => JsonObject | undefined;
  /** Namespace globs Config excludes from the `webhook` process (gatekeeper/config.ts `processExclusions`). */
  excludedNamespaces: string[];
}

/**
 * gator's `Expander.NamespaceForResource`: an object without a namespace gets an empty (non-nil) Namespace, one in
 * an input Namespace that object, one in `default` a bare `default` Namespace, any other none (null).
 */
export function gatorNamespaceFor(object: JsonObject, namespaces: Map<string, JsonObject>): JsonObject | null {
  const ns = namespaceOf(object);
  if (ns === '') return {};
  const found = namespaces.get(ns);
  if (found) return found;
  if (ns === 'default') return { metadata: { name: 'default' } };
  return null;
}

export function planReviews<T>(items: T[], options: GatorPlanOptions<T> | WebhookPlanOptions<T>): ReviewPlan<T> {
  const plan: ReviewPlan<T> = { reviews: [], expansionErrors: [] };
  const expandFn = options.expand ?? expand;
  /** Resultants of `object`, or undefined when expansion failed (the failure is recorded). */
  const resultantsOf = (item: T, object: JsonObject, namespace: JsonObject | null, describe: (cause: string) => string): Resultant[] | undefined => {
    if (options.expansions.length === 0) return [];
    try {
      return expandFn(object, namespace, options.expansions);
    } catch (e) {
      plan.expansionErrors.push({ parent: item, message: describe((e as Error).message) });
      return undefined;
    }
  };

  for (const item of items) {
    const object = options.objectOf(item);
    if (options.mode === 'gator') {
      const ns = gatorNamespaceFor(object, options.namespaces);
      const attached = options.attachNamespace ? ns : null;
      plan.reviews.push({ review: reviewPlainObject(object, { namespace: attached, source: 'Original' }), parent: item });
      // gator test and verify wrap Expander.Expand's error in their own: "expanding resource X: error expanding resource X: …".
      const name = nameOf(object);
      const resultants = resultantsOf(item, object, ns, (cause) => `expanding resource ${name}: error expanding resource ${name}: ${cause}`);
      for (const r of resultants ?? []) {
        plan.reviews.push({ review: reviewPlainObject(r.object, { namespace: attached, source: 'Generated' }), parent: item, implied: { name: r.templateName, action: r.enforcementAction } });
      }
      continue;
    }

    if (isNamespaceExcluded(options.excludedNamespaces, object)) continue;
    const old = options.previous(item);
    const operation = old !== undefined ? 'UPDATE' : 'CREATE';
    // The request's namespace: a Namespace's own metadata.namespace is not one (createReviewForRequest clears it).
    const requestNs = isNamespace(gvkOf(object)) ? '' : namespaceOf(object);
    const namespace = requestNs === '' ? null : options.namespaceNamed(requestNs);
    plan.reviews.push({ review: reviewAdmission(object, { operation, oldObject: old ?? null, namespace }), parent: item });
    if (operation === 'UPDATE') plan.reviews.push({ review: reviewAdmission(object, { operation: 'CREATE', oldObject: null, namespace }), parent: item, onCreate: true });
    const resultants = resultantsOf(item, withRequestNamespace(object, requestNs), namespace, (cause) => `expanding resource ${nameOf(object)}: ${cause}`);
    for (const r of resultants ?? []) {
      const implied = { name: r.templateName, action: r.enforcementAction };
      // Bare objects with the parent's operation and its Namespace (createReviewForResultant): no oldObject.
      const resultant = (op: string) => reviewPlainObject(r.object, { operation: op, namespace, source: 'Generated', ...(namespace ? { namespaceObject: namespace } : {}) });
      plan.reviews.push({ review: resultant(operation), parent: item, implied });
      if (operation === 'UPDATE') plan.reviews.push({ review: resultant('CREATE'), parent: item, implied, onCreate: true });
    }
  }
  return plan;
}

const requestCopies = new WeakMap<JsonObject, JsonObject>();

/**
 * The object as the webhook expands it: `obj.SetNamespace(req.Namespace)` first, so a Namespace (or an object with
 * `namespace: ""`) is expanded without one. The object itself when that changes nothing (the usual case, which
 * keeps expansion memos keyed on it); else the same copy every time.
 */
function withRequestNamespace(object: JsonObject, requestNs: string): JsonObject {
  const meta = metadataOf(object);
  if (requestNs === '' ? !('namespace' in meta) : meta.namespace === requestNs) return object;
  let copy = requestCopies.get(object);
  if (!copy) {
    const { namespace: _, ...rest } = meta;
    copy = { ...object, metadata: requestNs === '' ? rest : { ...rest, namespace: requestNs } };
    requestCopies.set(object, copy);
  }
  return copy;
}

/**
 * A result as Gatekeeper reports it on the object reviewed: for a resultant's review, the ExpansionTemplate's
 * action replaces the result's (`OverrideEnforcementAction`; scopedActions are left as they were) and the message
 * is prefixed (`AggregateResponses`).
 */
export function attributed(v: Violation, implied: Implied | undefined): Violation {
  if (!implied) return v;
  return { ...v, msg: impliedByPrefix(implied.name) + v.msg, ...(implied.action !== '' ? { enforcementAction: implied.action } : {}) };
}

/** Evaluates every planned review at once; each entry's results attributed to its parent. */
export async function evaluatePlan<T>(client: PolicyClient, plan: ReviewPlan<T>): Promise<Array<{ entry: PlannedReview<T>; violations: Violation[] }>> {
  const perReview = await client.review(plan.reviews.map((p) => p.review));
  return plan.reviews.map((entry, i) => ({ entry, violations: (perReview[i] ?? []).map((v) => attributed(v, entry.implied)) }));
}
