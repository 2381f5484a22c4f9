// Worker thread: instantiates policies on first use and evaluates items in order, reporting progress
// through shared memory so that the pool can enforce its deadline. It evaluates both engines' templates: Rego
// (compiled to wasm) and CEL (K8sNativeValidation), so that neither runs on the thread that matches reviews.
import { parentPort, workerData } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import { hostBuiltins } from './builtins.ts';
import { errorText } from '../util/error-text.ts';
import { isCelItem, type CelItem, type EvalOutcome, type WorkerRequest, type WorkerResponse } from './pool-protocol.ts';
import { WasmPolicy } from './wasm.ts';
import { compileCel, validateCel, type CelSource, type CompiledCel } from '../cel/engine.ts';
import { celReviewBindings, type CelReviewBindings } from '../cel/admission.ts';
import type { JsonObject } from '../gatekeeper/types.ts';

const { progress, maxPages } = workerData as { progress: Int32Array; maxPages: number };
const modules = new Map<string, WebAssembly.Module>();
const data = new Map<string, string>();
/** One instance per module, with the id of the data document it currently holds. */
const instances = new Map<string, { policy: WasmPolicy; dataId: string | undefined }>();

const celSources = new Map<string, CelSource>();
/** CEL sources compiled on first use; the least recently used of many are compiled again when needed. */
const celCompiled = new LRUCache<string, CompiledCel>({ max: 500 });
/** Data documents parsed as CEL params (arrays of constraint objects), by id, while the document is unchanged. */
const parsedParams = new Map<string, JsonObject[]>();

/** One CEL template's constraints on one review: each constraint's Deny messages. */
function evaluateCel(item: CelItem, bindings: CelReviewBindings): string {
  let compiled = celCompiled.get(item.celId);
  if (compiled === undefined) {
    const source = celSources.get(item.celId);
    if (!source) throw new Error(`CEL source ${item.celId} was not sent to this worker`);
    celCompiled.set(item.celId, (compiled = compileCel(source)));
  }
  let constraints = parsedParams.get(item.paramsId);
  if (constraints === undefined) {
    constraints = JSON.parse(data.get(item.paramsId) ?? '[]') as JsonObject[];
    parsedParams.set(item.paramsId, constraints);
  }
  return JSON.stringify(
    constraints.map((params) => {
      const messages = validateCel(compiled, { ...bindings, params, numbers: item.numbers }).map((d) => d.message);
      // One constraint done: the pool's deadline is per constraint, as when each was its own evaluation.
      Atomics.add(progress, 1, 1);
      return messages;
    }),
  );
}

/** Live policy instances kept at most: each holds its own linear memory (data included). */
const MAX_INSTANCES = 8;

function instance(moduleId: string, dataId: string): WasmPolicy {
  let entry = instances.get(moduleId);
  if (entry) {
    // Most recently used last, so that the first entry is the one to let go.
    instances.delete(moduleId);
    instances.set(moduleId, entry);
  } else {
    if (instances.size >= MAX_INSTANCES) instances.delete(instances.keys().next().value!);
    const module = modules.get(moduleId);
    if (!module) throw new Error(`module ${moduleId} was not sent to this worker`);
    entry = { policy: new WasmPolicy(module, { builtins: hostBuiltins, maxMemoryPages: maxPages }), dataId: undefined };
    instances.set(moduleId, entry);
  }
  if (entry.dataId !== dataId) {
    entry.policy.setData(data.get(dataId) ?? '{}');
    entry.dataId = dataId;
  }
  return entry.policy;
}

parentPort!.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'module') {
    modules.set(msg.id, msg.module);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === 'drop-module') {
    modules.delete(msg.id);
    instances.delete(msg.id);
    return;
  }
  if (msg.type === 'cel') {
    celSources.set(msg.id, msg.source);
    celCompiled.delete(msg.id);
    return;
  }
  if (msg.type === 'drop-cel') {
    celSources.delete(msg.id);
    celCompiled.delete(msg.id);
    return;
  }
  if (msg.type === 'drop-data') {
    data.delete(msg.id);
    parsedParams.delete(msg.id);
    return;
  }
  if (msg.type === 'data') {
    data.set(msg.id, msg.json);
    parsedParams.delete(msg.id);
    for (const entry of instances.values()) if (entry.dataId === msg.id) entry.dataId = undefined;
    return;
  }
  const outcomes: EvalOutcome[] = [];
  // The CEL bindings of each review of the task, made once (a review often matches several CEL templates).
  const bindings = new Map<number, CelReviewBindings>();
  msg.items.forEach((item, i) => {
    // 1-based: 0 means no item has started yet (the worker may still be booting).
    Atomics.store(progress, 0, i + 1);
    if (isCelItem(item)) {
      try {
        let b = bindings.get(item.review);
        if (b === undefined) bindings.set(item.review, (b = celReviewBindings(JSON.parse(msg.reviews[item.review] ?? '{}') as JsonObject)));
        outcomes.push({ result: evaluateCel(item, b) });
      } catch (e) {
        outcomes.push({ error: errorText(e) });
      }
      return;
    }
    try {
      const policy = instance(item.moduleId, item.dataId);
      const id = policy.entrypoints[item.entrypoint];
      if (id === undefined) throw new Error(`entrypoint ${item.entrypoint} is not in the compiled module`);
      const review = msg.reviews[item.review] ?? 'null';
      const input = item.inputRest === '' ? `{"review":${review}}` : `{"review":${review},${item.inputRest}}`;
      outcomes.push({ result: policy.evaluate(id, input) });
    } catch (e) {
      // The instance may be left mid-evaluation: start the next item on a fresh one.
      instances.delete(item.moduleId);
      outcomes.push({ error: errorText(e) });
    }
  });
  parentPort!.postMessage({ outcomes } satisfies WorkerResponse);
});
