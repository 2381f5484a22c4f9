// The policy client: templates, then constraints, then data, then reviews — Gatekeeper's order.
import { createHash } from 'node:crypto';
import { gvkOf, isNamespace, nameOf } from '../gatekeeper/classify.ts';
import { goCompare } from '../go/strings.ts';
import { parseConstraint, type Constraint } from '../gatekeeper/constraint.ts';
import { actionsForEnforcementPoint } from '../gatekeeper/enforcement.ts';
import { goFloatJson } from '../gatekeeper/go-json.ts';
import { buildInventory, inventoryJson } from '../gatekeeper/inventory.ts';
import { matchConstraint } from '../gatekeeper/match.ts';
import { reviewInputJson, type Review } from '../gatekeeper/review.ts';
import { parseTemplate, type ConstraintTemplate } from '../gatekeeper/template.ts';
import type { InputError, JsonObject, SourcedObject } from '../gatekeeper/types.ts';
import { DISPATCH_ENTRYPOINT, packageIdOfEntrypoint, type CompiledTemplate, type Compiler } from '../opa/compile.ts';
import { throwIfAborted } from '../util/abort.ts';
import type { CelItem, EvalItem, EvalOutcome, EvalPool } from '../opa/pool.ts';
import { gatekeeperEvalError } from '../opa/eval-errors.ts';
import type { RegoValue } from '../opa/rego-value.ts';
import { readDispatchResults, readHookResults } from './hook.ts';
import type { CelSource } from '../cel/engine.ts';

const TARGET = 'admission.k8s.gatekeeper.sh';

/** One result, as Gatekeeper's `types.Result` carries it. */
export interface Violation {
  target: string;
  msg: string;
  /** `metadata.details` as the policy produced it; undefined for results that carry none (autorejections). */
  details: RegoValue | undefined;
  constraint: Constraint;
  enforcementAction: string;
  scopedActions?: string[];
}

export interface ClientOptions {
  compiler: Compiler;
  pool: EvalPool;
  /** gator.gatekeeper.sh for gator, validation.gatekeeper.sh for the admission webhook. */
  enforcementPoint: string;
  /**
   * How parameter numbers reach Rego: `float` (every number a Go float64, as in `gator test` and the
   * cluster) or `exact` (integers kept, as in `gator verify`).
   */
  parameterNumbers: 'float' | 'exact';
  /** `--enable-k8s-native-validation` (default true): CEL is the engine of templates that have it. */
  celEnabled?: boolean;
  /**
   * gator's handling of a review that fails outright (a non-string `msg`): an error in `reviewErrors`, no
   * result. Without it (the app), such a failure stays a result of the kind's constraints, so it still blocks.
   */
  reviewErrorsAsErrors?: boolean;
  /** The check's cancellation: reviews reject with `AbortError` and their evaluations leave the pool (pool.ts `run`). */
  signal?: AbortSignal;
}

type LoadedTemplate = RegoTemplate | CelTemplate;

interface RegoTemplate {
  template: ConstraintTemplate;
  compiled: CompiledTemplate;
  cel?: undefined;
  /** Whether its Rego (or a lib) refers to data.inventory. */
  readsInventory: boolean;
}

/** A template Gatekeeper evaluates with its CEL driver (K8sNativeValidation), in the pool's workers as Rego is. */
interface CelTemplate {
  template: ConstraintTemplate;
  compiled?: undefined;
  /** The id of its CEL source in the pool. */
  cel: string;
  readsInventory: false;
}

/** A CEL source's id, from its content: the same source has one id in every pool and client of the process. */
function celIdOf(source: CelSource): string {
  return `cel-${createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 32)}`;
}

const INVENTORY_REF = /\bdata\s*(?:\.\s*inventory\b|\[\s*"inventory"\s*\])/;

export class PolicyClient {
  readonly errors: InputError[] = [];
  private readonly templates = new Map<string, LoadedTemplate>();
  /**
   * Errors that stop a review in Gatekeeper (gator exits with them) instead of becoming a result, e.g. a
   * violation whose `msg` is not a string. Callers report them and exit 1.
   */
  readonly reviewErrors: InputError[] = [];
  /** Constraints by kind, in insertion order; a later one with the same name replaces the earlier. */
  private readonly constraints = new Map<string, Map<string, Constraint>>();
  private namespaces = new Map<string, JsonObject>();
  private dataId = 'empty';
  private static dataSeq = 0;

  constructor(private readonly options: ClientOptions) {
    options.pool.setData(this.dataId, '{"inventory":{"cluster":{},"namespace":{}}}');
  }

  /** Parses, validates and compiles templates. Failures become errors; the rest are usable. */
  async addTemplates(sourced: SourcedObject[]): Promise<InputError[]> {
    const errors: InputError[] = [];
    const parsed: ConstraintTemplate[] = [];
    for (const s of sourced) {
      const r = parseTemplateMemo(s, this.options.celEnabled ?? true);
      if ('error' in r) errors.push(r.error);
      else if (r.template.cel !== undefined) {
        const cel = celIdOf(r.template.cel);
        this.options.pool.addCel(cel, r.template.cel);
        this.templates.set(r.template.kind, { template: r.template, cel, readsInventory: false });
      } else parsed.push(r.template);
    }
    const outcomes = await this.options.compiler.compile(parsed.map((t) => ({ key: t.kind, code: t.rego! })));
    for (const template of parsed) {
      const outcome = outcomes.get(template.kind);
      if (!outcome || 'error' in outcome) {
        errors.push({
          kind: 'compile',
          message: `${template.source.file}:${template.source.startLine}: ConstraintTemplate ${JSON.stringify(template.name)}: ${outcome && 'error' in outcome ? outcome.error : 'not compiled'}`,
          source: template.source,
        });
        continue;
      }
      this.options.pool.addModule(outcome.module.id, outcome.module.wasm);
      const code = template.rego!;
      this.templates.set(template.kind, { template, compiled: outcome, readsInventory: [code.rego, ...code.libs].some((t) => INVENTORY_REF.test(t)) });
    }
    this.errors.push(...errors);
    return errors;
  }

  /** The wasm of a module this client's templates use: the pool asks for it again after letting it go. */
  private readonly moduleBytes = (id: string): Uint8Array | undefined => {
    for (const t of this.templates.values()) if (t.compiled?.module.id === id) return t.compiled.module.wasm;
    return undefined;
  };

  /** The template of a kind, if one was added successfully. */
  templateFor(kind: string): ConstraintTemplate | undefined {
    return this.templates.get(kind)?.template;
  }

  /** Validates constraints against their templates; each bad one is an error naming its file and line. */
  addConstraints(sourced: SourcedObject[]): Array<{ error: InputError; schemaError: boolean }> {
    const failures: Array<{ error: InputError; schemaError: boolean }> = [];
    for (const s of sourced) {
      const r = this.addConstraint(s);
      if (r) failures.push(r);
    }
    this.errors.push(...failures.map((f) => f.error));
    return failures;
  }

  addConstraint(s: SourcedObject): { error: InputError; schemaError: boolean } | undefined {
    const kind = gvkOf(s.object).kind;
    const loaded = this.templates.get(kind);
    if (!loaded) {
      return {
        error: {
          kind: 'constraint',
          message: `${s.source.file}:${s.source.startLine}: constraint ${JSON.stringify(nameOf(s.object))} of kind ${kind}: no ConstraintTemplate defines this kind (or its template failed to load)`,
          source: s.source,
        },
        schemaError: false,
      };
    }
    const r = parseConstraint(s, {
      kind: loaded.template.kind,
      parametersSchema: loaded.template.parametersSchema,
      legacySchema: loaded.template.legacySchema,
    });
    if ('error' in r) return r;
    let byName = this.constraints.get(kind);
    if (!byName) this.constraints.set(kind, (byName = new Map()));
    byName.set(r.constraint.name, r.constraint);
    return undefined;
  }

  get constraintList(): Constraint[] {
    return [...this.constraints.values()].flatMap((m) => [...m.values()]);
  }

  /**
   * Replaces `data.inventory` with `objects` and the Namespace cache with the Namespaces among `namespaces`
   * (by default the same objects). The inventory document is built when a template that reads it is first
   * evaluated, not before.
   */
  setData(objects: JsonObject[], namespaces: JsonObject[] = objects): void {
    this.dispose();
    this.namespaces = new Map();
    for (const o of namespaces) if (isNamespace(gvkOf(o))) this.namespaces.set(nameOf(o), o);
    this.dataId = `data-${++PolicyClient.dataSeq}`;
    this.pendingInventory = objects;
  }

  private pendingInventory: JsonObject[] | undefined;

  /** The id of this client's data document, sent to the pool on first use. */
  private inventoryDataId(): string {
    if (this.pendingInventory !== undefined) {
      this.options.pool.setData(this.dataId, `{"inventory":${inventoryJson(buildInventory(this.pendingInventory))}}`);
      this.pendingInventory = undefined;
    }
    return this.dataId;
  }

  /** Releases this client's data documents in the pool; the client can be given new data afterwards. */
  dispose(): void {
    if (this.dataId !== 'empty') this.options.pool.dropData(this.dataId);
    this.dataId = 'empty';
    this.pendingInventory = undefined;
    for (const id of this.celParams.values()) this.options.pool.dropData(id);
    this.celParams.clear();
  }

  /** The data documents holding CEL params (a JSON array of constraint objects), by the constraints they hold. */
  private readonly celParams = new Map<string, string>();

  /** The id of the data document holding these constraints as CEL params, registered on first use. */
  private celParamsId(constraints: KindMatch['constraints']): string {
    const key = constraints.map(({ constraint }) => this.constraintSeq(constraint)).join(',');
    let id = this.celParams.get(key);
    if (id === undefined) {
      id = `cel-params-${++PolicyClient.dataSeq}`;
      // The whole constraint is the policy's params; numbers written as Go writes them (-0 kept).
      this.options.pool.setData(id, `[${constraints.map(({ constraint }) => goFloatJson(constraint.object)).join(',')}]`);
      this.celParams.set(key, id);
    }
    return id;
  }

  /** The Namespace the cluster (or gator's cache) knows by this name. */
  namespaceNamed(name: string): JsonObject | undefined {
    return this.namespaces.get(name);
  }

  /**
   * Reviews each review against every constraint; results per review, sorted as Gatekeeper sorts them.
   *
   * Reviews go to the evaluation pool in batches, each as soon as it is matched: the workers evaluate while this
   * thread matches the next batch. Batches are read back in order, so results and errors come out as if the
   * reviews had been evaluated at once.
   */
  async review(reviews: Review[]): Promise<Violation[][]> {
    const results: Violation[][] = reviews.map(() => []);
    // The input beside the review, by the constraints it carries: most reviews match one of a few sets.
    const dispatchInputs = new Map<string, string>();
    let read: Promise<void> = Promise.resolve();
    for (let start = 0; start < reviews.length; start += REVIEW_BATCH) {
      if (this.options.signal?.aborted) {
        // A cancelled check matches no further batch (what is in flight rejects with it: handled here).
        read.catch(() => undefined);
        throwIfAborted(this.options.signal);
      }
      const evaluated = this.evaluateBatch(reviews, start, Math.min(reviews.length, start + REVIEW_BATCH), results, dispatchInputs);
      read = read.then(async () => this.readBatch(await evaluated, results));
      // Handled through `read`; this only keeps a failure from being reported as unhandled meanwhile.
      evaluated.catch(() => {});
      // Let the workers' answers in (and the pool hand out the next tasks) between batches.
      if (start + REVIEW_BATCH < reviews.length) await new Promise((resolve) => setImmediate(resolve));
    }
    await read;
    for (const r of results) r.sort(compareResults);
    return results;
  }

  /** Matches reviews [from, to) and starts their evaluations (Rego and CEL templates alike). */
  private evaluateBatch(
    reviews: Review[],
    from: number,
    to: number,
    results: Violation[][],
    dispatchInputs: Map<string, string>,
  ): Promise<EvaluatedBatch> {
    const reviewJson: string[] = [];
    // One evaluation per review and compiled module, covering all its matched kinds (the dispatch entrypoint).
    const items: EvalItem[] = [];
    const owners: EvaluatedBatch['owners'] = [];
    const dispatchInput = (group: RegoKindMatch[]): string => {
      const id = group.map((k) => k.constraints.map(({ constraint }) => this.constraintSeq(constraint)).join(',')).join(';');
      let text = dispatchInputs.get(id);
      if (text !== undefined) return text;
      const perPackage = new Map<string, string[]>();
      let key = 0;
      for (const k of group) {
        const pid = packageIdOfEntrypoint(k.loaded.compiled.entrypoint);
        const list = perPackage.get(pid) ?? [];
        for (const { constraint } of k.constraints) list.push(`{"key":${key++},"parameters":${this.parametersJson(constraint)}}`);
        perPackage.set(pid, list);
      }
      text = `"kinds":{${[...perPackage].map(([pid, cs]) => `${JSON.stringify(pid)}:[${cs.join(',')}]`).join(',')}}`;
      dispatchInputs.set(id, text);
      return text;
    };
    for (let ri = from; ri < to; ri++) {
      const review = reviews[ri]!;
      const local = reviewJson.push(reviewInputJson(review)) - 1;
      const kinds = this.matchReview(review, results[ri]!);
      const byModule = new Map<string, RegoKindMatch[]>();
      for (const k of kinds) {
        if (k.loaded.cel !== undefined) {
          const numbers = this.options.parameterNumbers === 'float' ? 'double' : 'int';
          // Registered again (a lookup when the pool has it): the pool may have forgotten a source unused for long.
          this.options.pool.addCel(k.loaded.cel, k.loaded.template.cel!);
          items.push({ celId: k.loaded.cel, paramsId: this.celParamsId(k.constraints), review: local, numbers } satisfies CelItem);
          owners.push({ review: ri, local, kinds: [], cel: k as CelKindMatch });
          continue;
        }
        const rego = k as RegoKindMatch;
        const list = byModule.get(rego.loaded.compiled.module.id) ?? [];
        list.push(rego);
        byModule.set(rego.loaded.compiled.module.id, list);
      }
      for (const [moduleId, group] of byModule) {
        items.push({ moduleId, entrypoint: DISPATCH_ENTRYPOINT, dataId: this.dataFor(group), review: local, inputRest: dispatchInput(group) });
        owners.push({ review: ri, local, kinds: group });
      }
    }
    return this.options.pool.run(items, reviewJson, this.moduleBytes, this.options.signal).then((outcomes) => ({ outcomes, owners, reviewJson }));
  }

  /** Adds a batch's results to `results`; evaluations that failed are done again kind by kind. */
  private async readBatch({ outcomes, owners, reviewJson }: EvaluatedBatch, results: Violation[][]): Promise<void> {
    const retry: Array<{ review: number; local: number; kind: RegoKindMatch }> = [];
    outcomes.forEach((o, i) => {
      const owner = owners[i]!;
      if (owner.cel !== undefined) {
        this.readCel(owner.cel, o, results[owner.review]!);
        return;
      }
      const read = 'result' in o ? readDispatchResults(o.result) : { error: o.error };
      if ('error' in read) {
        // Which template failed cannot be told from one evaluation: evaluate them one by one.
        for (const kind of owner.kinds) retry.push({ review: owner.review, local: owner.local, kind });
        return;
      }
      const flat = owner.kinds.flatMap((k) => k.constraints);
      for (const r of read.results) {
        const owned = flat[r.key];
        if (owned) results[owner.review]!.push({ target: TARGET, msg: r.msg, details: r.details, constraint: owned.constraint, ...owned.action });
      }
    });
    if (retry.length > 0) await this.reviewKindByKind(retry, reviewJson, results);
  }

  /**
   * A CEL template's constraints on one review, as Gatekeeper's k8scel driver evaluates them (in a worker): the
   * whole constraint is the policy's params; each Deny decision is one result, without details. The engine turns
   * every evaluation error into the decision Kubernetes makes of it; an outcome that is an error is the worker's
   * (a crash, the deadline), and fails the template's constraints unless its failurePolicy is Ignore.
   */
  private readCel(k: CelKindMatch, o: EvalOutcome, out: Violation[]): void {
    const messages: string[][] =
      'result' in o
        ? (JSON.parse(o.result) as string[][])
        : k.constraints.map(() => (k.loaded.template.cel?.failurePolicy === 'Ignore' ? [] : [`internal error evaluating CEL: ${o.error}`]));
    k.constraints.forEach(({ constraint, action }, j) => {
      for (const msg of messages[j] ?? []) out.push({ target: TARGET, msg, details: undefined, constraint, ...action });
    });
  }

  /** Matching: the constraints each kind's template evaluates for this review; autorejections go to `out`. */
  private matchReview(review: Review, out: Violation[]): KindMatch[] {
    const ep = this.options.enforcementPoint;
    const kinds: KindMatch[] = [];
    const target = { object: review.object, oldObject: review.oldObject, namespace: review.namespace, source: review.source, namespaceLookup: this.namespaceLookup };
    for (const [kind, byName] of this.constraints) {
      const loaded = this.templates.get(kind);
      if (!loaded) continue;
      if (ep === 'validation.gatekeeper.sh' && !operationMatches(loaded.template.operations, review.operation)) continue;
      const matched: KindMatch['constraints'] = [];
      for (const constraint of byName.values()) {
        const action = this.actionOf(constraint);
        if (action === undefined) continue;
        const m = matchConstraint(constraint.match, target);
        if ('error' in m) {
          out.push({ target: TARGET, msg: m.autorejectMessage ?? `unable to match constraints: ${m.error}`, details: undefined, constraint, ...action });
        } else if (m.matched) matched.push({ constraint, action });
      }
      if (matched.length > 0) kinds.push({ kind, loaded, constraints: matched });
    }
    return kinds;
  }

  private readonly namespaceLookup = (name: string): JsonObject | undefined => this.namespaces.get(name);
  private readonly actions = new WeakMap<Constraint, Action | null>();

  /** The constraint's action at this client's enforcement point; undefined when it is not evaluated there. */
  private actionOf(constraint: Constraint): Action | undefined {
    let action = this.actions.get(constraint);
    if (action === undefined) {
      const actions = actionsForEnforcementPoint(constraint, this.options.enforcementPoint);
      action = actions.evaluate ? { enforcementAction: actions.enforcementAction, ...(actions.scopedActions ? { scopedActions: actions.scopedActions } : {}) } : null;
      this.actions.set(constraint, action);
    }
    return action ?? undefined;
  }

  /**
   * The data document an evaluation needs: the inventory only when a template of its module reads
   * `data.inventory` (a large inventory costs every policy instance its memory and load time).
   */
  private dataFor(kinds: RegoKindMatch[]): string {
    // Decided per module, not per evaluation: a worker's policy instance holds one data document, and
    // switching it back and forth would reload it every time.
    const moduleId = kinds[0]!.loaded.compiled.module.id;
    for (const t of this.templates.values()) if (t.readsInventory && t.compiled.module.id === moduleId) return this.inventoryDataId();
    return 'empty';
  }

  private parametersJson(constraint: Constraint): string {
    let text = this.parametersText.get(constraint);
    if (text === undefined) {
      const parameters = constraint.parametersValue ?? constraint.parameters;
      text = this.options.parameterNumbers === 'float' ? goFloatJson(parameters) : JSON.stringify(parameters);
      this.parametersText.set(constraint, text);
    }
    return text;
  }

  /** Parameters as the policy reads them, per constraint (constraints are not modified once added). */
  private readonly parametersText = new WeakMap<Constraint, string>();
  /** A number per constraint, naming sets of constraints. */
  private readonly constraintIds = new WeakMap<Constraint, number>();
  private constraintCount = 0;

  private constraintSeq(constraint: Constraint): number {
    let id = this.constraintIds.get(constraint);
    if (id === undefined) this.constraintIds.set(constraint, (id = this.constraintCount++));
    return id;
  }

  /** Each kind's hook on its own: an error then fails exactly the constraints of its kind, as in Gatekeeper. */
  private async reviewKindByKind(
    work: Array<{ review: number; local: number; kind: RegoKindMatch }>,
    reviewJson: string[],
    results: Violation[][],
  ): Promise<void> {
    const items: EvalItem[] = work.map(({ local, kind }) => ({
      moduleId: kind.loaded.compiled.module.id,
      entrypoint: kind.loaded.compiled.entrypoint,
      dataId: this.dataFor([kind]),
      review: local,
      inputRest: `"constraints":[${kind.constraints.map(({ constraint }, key) => `{"key":${key},"parameters":${this.parametersJson(constraint)}}`).join(',')}]`,
    }));
    const outcomes = await this.options.pool.run(items, reviewJson, this.moduleBytes, this.options.signal);
    outcomes.forEach((o, i) => {
      const { review, kind } = work[i]!;
      const out = results[review]!;
      const read = 'result' in o ? readHookResults(o.result) : { error: gatekeeperEvalError(o.error, kind.loaded.template.rego) };
      if ('error' in read && read.fatal && this.options.reviewErrorsAsErrors) {
        const t = kind.loaded.template;
        this.reviewErrors.push({
          kind: 'template',
          message: `${t.source.file}:${t.source.startLine}: template ${JSON.stringify(t.name)}: ${read.error}`,
          source: t.source,
        });
        return;
      }
      if ('error' in read) {
        // Gatekeeper queries all matched constraints of a kind at once: one error fails them all, and
        // an error's result has no details object (gator prints `"details": null`).
        for (const { constraint, action } of kind.constraints) out.push({ target: TARGET, msg: read.error, details: { t: 'null' }, constraint, ...action });
        return;
      }
      for (const r of read.results) {
        const owned = kind.constraints[r.key];
        if (owned) out.push({ target: TARGET, msg: r.msg, details: r.details, constraint: owned.constraint, ...owned.action });
      }
    });
  }
}

interface KindMatch {
  kind: string;
  loaded: LoadedTemplate;
  constraints: Array<{ constraint: Constraint; action: Action }>;
}

type RegoKindMatch = KindMatch & { loaded: RegoTemplate };
type CelKindMatch = KindMatch & { loaded: CelTemplate };

/** Reviews matched and evaluated together (see `review`). */
const REVIEW_BATCH = 256;

interface EvaluatedBatch {
  outcomes: EvalOutcome[];
  /** Per evaluation: its review (index in the caller's list, and in `reviewJson`) and the kinds it covers. */
  owners: Array<{ review: number; local: number; kinds: RegoKindMatch[]; cel?: CelKindMatch }>;
  reviewJson: string[];
}


type Action = { enforcementAction: string; scopedActions?: string[] };

/** Parsed and validated templates by source and content: the same templates come back check after check. */
const parsedTemplates = new Map<string, ReturnType<typeof parseTemplate>>();

function parseTemplateMemo(s: SourcedObject, cel: boolean): ReturnType<typeof parseTemplate> {
  const key = `${cel}:${s.source.file}:${s.source.startLine}:${s.source.endLine}:${JSON.stringify(s.object)}`;
  let r = parsedTemplates.get(key);
  if (!r) {
    r = parseTemplate(s, { cel });
    if (parsedTemplates.size >= 2_000) parsedTemplates.delete(parsedTemplates.keys().next().value!);
    parsedTemplates.set(key, r);
  }
  return r;
}

function operationMatches(operations: string[], operation: string): boolean {
  if (operations.length === 0) return true;
  return operations.some((o) => o === '*' || o === operation);
}

/** frameworks' Response.Sort: by constraint kind and name, then message. */
function compareResults(a: Violation, b: Violation): number {
  return goCompare(a.constraint.kind, b.constraint.kind) || goCompare(a.constraint.name, b.constraint.name) || goCompare(a.msg, b.msg);
}
