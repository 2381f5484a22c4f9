// Messages between the evaluation pool and its workers.
import type { CelSource } from '../cel/engine.ts';
import type { NumberMode } from '../cel/values.ts';

/**
 * One evaluation: an entrypoint of a registered module, against a registered data document, on the input
 * `{"review": <reviews[review]>, <inputRest>}`. Reviews travel once per task, however many items use them.
 */
export type EvalItem = RegoItem | CelItem;

interface RegoItem {
  moduleId: string;
  entrypoint: string;
  dataId: string;
  /** Index into the review list given to `EvalPool.run`. */
  review: number;
  /** The rest of the input object as JSON members, e.g. `"constraints":[...]` (may be empty). */
  inputRest: string;
}

/**
 * One CEL template's constraints on one review (Gatekeeper's K8sNativeValidation driver): the result is the JSON
 * text of each constraint's Deny messages, `[["msg", ...], ...]` in the order of the constraints.
 */
export interface CelItem {
  /** A CEL source registered with `EvalPool.addCel`. */
  celId: string;
  /** A registered data document: the JSON array of the constraint objects, bound one by one as `params`. */
  paramsId: string;
  /** Index into the review list given to `EvalPool.run` (the review as `input.review` is written). */
  review: number;
  numbers: NumberMode;
}

export function isCelItem(item: EvalItem): item is CelItem {
  return 'celId' in item;
}

/** The result set as Rego value text (`opa_value_dump` form), or why there is none. */
export type EvalOutcome = { result: string } | { error: string };

export type WorkerRequest =
  | { type: 'module'; id: string; module: WebAssembly.Module }
  | { type: 'cel'; id: string; source: CelSource }
  | { type: 'drop-cel'; id: string }
  | { type: 'data'; id: string; json: string }
  | { type: 'drop-data'; id: string }
  | { type: 'drop-module'; id: string }
  | { type: 'run'; items: EvalItem[]; reviews: string[] };

export interface WorkerResponse {
  outcomes: EvalOutcome[];
}
