// Messages between the evaluation pool and its workers.

/**
 * One evaluation: an entrypoint of a registered module, against a registered data document, on the input
 * `{"review": <reviews[review]>, <inputRest>}`. Reviews travel once per task, however many items use them.
 */
export interface EvalItem {
  moduleId: string;
  entrypoint: string;
  dataId: string;
  /** Index into the review list given to `EvalPool.run`. */
  review: number;
  /** The rest of the input object as JSON members, e.g. `"constraints":[...]` (may be empty). */
  inputRest: string;
}

/** The result set as Rego value text (`opa_value_dump` form), or why there is none. */
export type EvalOutcome = { result: string } | { error: string };

export type WorkerRequest =
  | { type: 'module'; id: string; module: WebAssembly.Module }
  | { type: 'data'; id: string; json: string }
  | { type: 'drop-data'; id: string }
  | { type: 'drop-module'; id: string }
  | { type: 'run'; items: EvalItem[]; reviews: string[] };

export interface WorkerResponse {
  outcomes: EvalOutcome[];
}
