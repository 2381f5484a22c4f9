// `preadmit test`: gator test's semantics over a set of objects.
//
// Order as in gator: every template, then every constraint, then every object as data, then each object
// reviewed (and its expansion resultants). One deliberate difference: gator stops at the first bad template
// or constraint; preadmit reports each one with its file and line and reviews with the rest.
import { classify, nameOf, namespaceOf } from '../gatekeeper/classify.ts';
import { isDenyResult } from '../gatekeeper/enforcement.ts';
import { expand, impliedByPrefix, parseExpansionTemplate, type ExpansionTemplate } from '../gatekeeper/expand.ts';
import { reviewPlainObject, type Review } from '../gatekeeper/review.ts';
import type { InputError, JsonObject, SourcedObject } from '../gatekeeper/types.ts';
import type { Compiler } from '../opa/compile.ts';
import type { EvalPool } from '../opa/pool.ts';
import { PolicyClient, type Violation } from './client.ts';
import { goSortBy } from '../go/strings.ts';

export interface TestResult extends Violation {
  /** The object reviewed (the parent, for results of expanded resources). */
  violatingObject: JsonObject;
  source: SourcedObject['source'];
}

export interface TestRun {
  results: TestResult[];
  errors: InputError[];
  /** Objects reviewed, resultants included. */
  reviewed: number;
}

export const GATOR_ENFORCEMENT_POINT = 'gator.gatekeeper.sh';

/** gator's Expander.NamespaceForResource: what Namespace a review is given in gator test. */
function namespaceForGatorTest(object: JsonObject, namespaces: Map<string, JsonObject>): JsonObject | null {
  const ns = namespaceOf(object);
  if (ns === '') return {};
  const found = namespaces.get(ns);
  if (found) return found;
  if (ns === 'default') return { metadata: { name: 'default' } };
  return null;
}

export async function runTest(
  objects: SourcedObject[],
  deps: { compiler: Compiler; pool: EvalPool },
  options: { celEnabled?: boolean } = {},
): Promise<TestRun> {
  const errors: InputError[] = [];
  objects = reviewable(objects, errors);
  const client = new PolicyClient({ ...deps, enforcementPoint: GATOR_ENFORCEMENT_POINT, parameterNumbers: 'float', celEnabled: options.celEnabled, reviewErrorsAsErrors: true });
  const byClass = (c: string) => objects.filter((o) => classify(o.object) === c);

  errors.push(...(await client.addTemplates(byClass('ConstraintTemplate'))));
  // AddConstraint defaults the constraint object in place, so gator stores, reviews and prints the
  // defaulted object (status kept) from then on.
  const defaulted = new Map<SourcedObject, JsonObject>();
  for (const s of byClass('Constraint')) {
    const failures = client.addConstraints([s]);
    errors.push(...failures.map((f) => f.error));
    if (failures.length > 0) continue;
    const kind = String(s.object.kind ?? '');
    const stored = client.constraintList.find((c) => c.kind === kind && c.name === nameOf(s.object));
    if (stored) defaulted.set(s, s.object.status === undefined ? stored.object : { ...stored.object, status: s.object.status });
  }
  objects = objects.map((s) => {
    const object = defaulted.get(s);
    return object ? { ...s, object } : s;
  });
  client.setData(objects.map((o) => o.object));

  const expansions: ExpansionTemplate[] = [];
  for (const s of byClass('ExpansionTemplate')) {
    const r = parseExpansionTemplate(s);
    if ('error' in r) errors.push(r.error);
    else expansions.push(r.template);
  }
  for (const s of byClass('Mutator')) {
    errors.push({
      kind: 'load',
      message: `${s.source.file}:${s.source.startLine}: mutator ${JSON.stringify(nameOf(s.object))} is not applied: preadmit does not simulate mutation`,
      source: s.source,
    });
  }

  const namespaces = new Map<string, JsonObject>();
  for (const s of byClass('Namespace')) namespaces.set(nameOf(s.object), s.object);

  // Each entry: a review and how its results are attributed.
  const plan: Array<{ review: Review; parent: SourcedObject; expansion?: { name: string; action: string } }> = [];
  for (const s of objects) {
    const ns = namespaceForGatorTest(s.object, namespaces);
    plan.push({ review: reviewPlainObject(s.object, { namespace: ns }), parent: s });
    if (expansions.length === 0) continue;
    let resultants;
    try {
      resultants = expand(s.object, ns, expansions);
    } catch (e) {
      errors.push({
        kind: 'expansion',
        message: `${s.source.file}:${s.source.startLine}: expanding resource ${nameOf(s.object)}: ${(e as Error).message}`,
        source: s.source,
      });
      continue;
    }
    for (const r of resultants) {
      plan.push({
        review: reviewPlainObject(r.object, { namespace: ns, source: 'Generated' }),
        parent: s,
        expansion: { name: r.templateName, action: r.enforcementAction },
      });
    }
  }

  const perReview = await client.review(plan.map((p) => p.review));
  const results: TestResult[] = [];
  perReview.forEach((violations, i) => {
    const { parent, expansion } = plan[i]!;
    for (const v of violations) {
      const r: TestResult = { ...v, violatingObject: parent.object, source: parent.source };
      if (expansion) {
        r.msg = impliedByPrefix(expansion.name) + r.msg;
        if (expansion.action !== '') r.enforcementAction = expansion.action;
      }
      results.push(r);
    }
  });
  errors.push(...client.reviewErrors);
  sortGatorResults(results);
  return { results, errors, reviewed: plan.length };
}

/**
 * The objects gator test takes in: an empty document (`{}`) is skipped, as gator's reader skips it; an object
 * whose apiVersion has no version (missing, not a string, `group/`, or more than one `/`, which Go's
 * ParseGroupVersion refuses) or that has no kind cannot be added as data (gator stops there): an error
 * naming its file and line, and the object is neither data nor reviewed.
 */
function reviewable(objects: SourcedObject[], errors: InputError[]): SourcedObject[] {
  return objects.filter((s) => {
    if (Object.keys(s.object).length === 0) return false;
    const apiVersion = typeof s.object.apiVersion === 'string' ? s.object.apiVersion : '';
    const parts = apiVersion.split('/');
    const version = parts.length > 2 ? '' : parts[parts.length - 1]!;
    const kind = parts.length > 2 || typeof s.object.kind !== 'string' ? '' : s.object.kind;
    const missing = version === '' ? 'version' : kind === '' ? 'kind' : undefined;
    if (missing === undefined) return true;
    errors.push({
      kind: 'load',
      message: `${s.source.file}:${s.source.startLine}: invalid request object: resource ${nameOf(s.object)} has no ${missing}`,
      source: s.source,
    });
    return false;
  });
}

/**
 * gator sorts by enforcement action, then message. Ties keep input order (the sort is stable; Go's sort.Slice
 * happens to be for small inputs, so this is also gator's order there).
 */
function sortGatorResults(results: TestResult[]): void {
  goSortBy(results, (r) => r.enforcementAction, (r) => r.msg);
}

/** gator test's exit rule: 1 when a result's action (or one of its scoped actions) is deny. */
export function hasDenyResult(results: TestResult[]): boolean {
  return results.some((r) => isDenyResult(r.enforcementAction, r.scopedActions));
}
