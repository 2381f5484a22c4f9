// Messages between the evaluation pool and its workers.

/** One evaluation: an entrypoint of a registered module, on an input, against a registered data document. */
export interface EvalItem {
  moduleId: string;
  entrypoint: string;
  dataId: string;
  inputJson: string;
}

/** The result set as Rego value text (`opa_value_dump` form), or why there is none. */
export type EvalOutcome = { result: string } | { error: string };

export type WorkerRequest =
  | { type: 'module'; id: string; module: WebAssembly.Module }
  | { type: 'data'; id: string; json: string }
  | { type: 'drop-data'; id: string }
  | { type: 'run'; items: EvalItem[] };

export interface WorkerResponse {
  outcomes: EvalOutcome[];
}
