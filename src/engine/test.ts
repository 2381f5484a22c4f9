// `preadmit test`: gator test's semantics over a set of objects.
//
// Order as in gator: every template, then every constraint, then every object as data, then each object
// reviewed (and its expansion resultants). One deliberate difference: gator stops at the first bad template
// or constraint; preadmit reports each one with its file and line and reviews with the rest.
import { mutatorError, unappliedMutators } from '../gatekeeper/mutation.ts';
import { classify, nameOf } from '../gatekeeper/classify.ts';
import { ENFORCEMENT_POINTS, isDenyResult } from '../gatekeeper/enforcement.ts';
import { parseExpansionTemplate, type ExpansionTemplate } from '../gatekeeper/expand.ts';
import type { InputError, JsonObject, SourcedObject } from '../gatekeeper/types.ts';
import type { Compiler } from '../opa/compile.ts';
import type { EvalPool } from '../opa/pool.ts';
import { PolicyClient, type Violation } from './client.ts';
import { evaluatePlan, planReviews } from './plan.ts';
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

export async function runTest(
  objects: SourcedObject[],
  deps: { compiler: Compiler; pool: EvalPool },
  options: { celEnabled?: boolean } = {},
): Promise<TestRun> {
  const errors: InputError[] = [];
  objects = reviewable(objects, errors);
  const client = new PolicyClient({ ...deps, enforcementPoint: ENFORCEMENT_POINTS.gator, parameterNumbers: 'float', celEnabled: options.celEnabled, reviewErrorsAsErrors: true });
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
  errors.push(...unappliedMutators(objects).map(mutatorError));

  const namespaces = new Map<string, JsonObject>();
  for (const s of byClass('Namespace')) namespaces.set(nameOf(s.object), s.object);

  const plan = planReviews(objects, { mode: 'gator', objectOf: (s) => s.object, expansions, namespaces, attachNamespace: true });
  for (const { parent, message } of plan.expansionErrors) {
    errors.push({ kind: 'expansion', message: `${parent.source.file}:${parent.source.startLine}: ${message}`, source: parent.source });
  }
  const results: TestResult[] = [];
  for (const { entry, violations } of await evaluatePlan(client, plan)) {
    for (const v of violations) results.push({ ...v, violatingObject: entry.parent.object, source: entry.parent.source });
  }
  errors.push(...client.reviewErrors);
  sortGatorResults(results);
  return { results, errors, reviewed: plan.reviews.length };
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
