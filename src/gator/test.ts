// What `gator test` prints for `preadmit test -o text|json|yaml`: its text lines, its GatorResult JSON and its YAML.
import { stringify } from 'yaml';
import { GoNumber, GoStruct, goMarshalIndent, type GoValue } from '../go/json.ts';
import type { JsonObject } from '../gatekeeper/types.ts';
import type { TestResult } from '../engine/test.ts';
import { goQuote } from '../go/strconv.ts';
import { compareRegoValues, regoTermString, regoToJson, type RegoValue } from '../opa/rego-value.ts';
import { nameOf, namespaceOf } from '../gatekeeper/classify.ts';

/**
 * Writes the results in gator's format. JSON goes out in chunks of bytes, and the objects results share (a
 * constraint in each of its results, an object in each of its violations) are marshalled and encoded once (by
 * identity): the output of a large run is many times the size of its input.
 */
export async function writeTestResults(results: TestResult[], format: string, out: NodeJS.WritableStream): Promise<void> {
  if (format !== 'json' || results.length === 0) {
    out.write(formatTestResults(results, format));
    return;
  }
  // Respect back-pressure: a slow reader must not make the whole output pile up in memory.
  const write = (bytes: Buffer): Promise<void> | undefined => (out.write(bytes) ? undefined : new Promise((resolve) => out.once('drain', () => resolve())));
  const indent = '    ';
  const encoded = new WeakMap<JsonObject, Buffer>();
  const pieces: Buffer[] = [];
  let size = 0;
  let text = '[\n';
  const flushText = () => {
    const bytes = Buffer.from(text);
    pieces.push(bytes);
    size += bytes.length;
    text = '';
  };
  // Each result is written with a marker where a shared object goes (goString escapes NUL, so no value can
  // contain one), then the object's bytes are put in its place.
  const shared: JsonObject[] = [];
  const marker = (o: JsonObject): GoValue => {
    shared.push(o);
    return SHARED_MARKER;
  };
  for (let i = 0; i < results.length; i++) {
    shared.length = 0;
    const parts = goMarshalIndent(gatorJsonResult(results[i]!, marker), indent, indent).split('\u0000');
    text += indent + parts[0]!;
    for (let j = 0; j < shared.length; j++) {
      const o = shared[j]!;
      let bytes = encoded.get(o);
      if (bytes === undefined) encoded.set(o, (bytes = Buffer.from(goMarshalIndent(o, indent, indent + indent))));
      flushText();
      pieces.push(bytes);
      size += bytes.length;
      text = parts[j + 1]!;
    }
    text += i + 1 < results.length ? ',\n' : '\n]';
    if (size > 1 << 20 || i + 1 === results.length) {
      flushText();
      await write(Buffer.concat(pieces, size));
      pieces.length = 0;
      size = 0;
    }
  }
}

const SHARED_MARKER = new GoNumber('\u0000');

function formatTestResults(results: TestResult[], format: string): string {
  if (format === 'json') return goMarshalIndent(results.length === 0 ? null : results.map((r) => gatorJsonResult(r)));
  if (format === 'yaml') return results.length === 0 ? '[]\n' : stringify(results.map(gatorYamlResult));
  return results.map(textLine).join('');
}

function textLine(r: TestResult): string {
  const o = r.violatingObject;
  const ns = namespaceOf(o);
  const id = `${String(o.apiVersion ?? '')}/${String(o.kind ?? '')} ${ns !== '' ? `${ns}/` : ''}${nameOf(o)}`;
  return `${id}: [${goQuote(r.constraint.name)}] Message: ${goQuote(r.msg)}\n`;
}

/**
 * gator's GatorResult JSON: types.Result fields in order, then violatingObject and trace. `shared` stands for
 * the objects many results share (the constraint, the violating object) when the caller writes them itself.
 */
function gatorJsonResult(r: TestResult, shared: (o: JsonObject) => GoValue = (o) => o): GoStruct {
  return new GoStruct([
    ['target', r.target],
    ['msg', r.msg === '' ? undefined : r.msg],
    ['metadata', r.details === undefined ? undefined : { details: regoToGo(r.details) }],
    ['constraint', shared(r.constraint.object)],
    ['enforcementAction', r.enforcementAction === '' ? undefined : r.enforcementAction],
    ['scopedActions', r.scopedActions && r.scopedActions.length > 0 ? r.scopedActions : undefined],
    ['violatingObject', shared(r.violatingObject)],
    ['trace', null],
  ]);
}

/** A Rego value as Go's encoding/json writes OPA's ast.JSON of it: sets sorted, numbers verbatim. */
function regoToGo(v: RegoValue): GoValue {
  switch (v.t) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return v.v;
    case 'number':
      return new GoNumber(v.v);
    case 'array':
      return v.v.map(regoToGo);
    case 'set':
      return [...v.v].sort(compareRegoValues).map(regoToGo);
    case 'object': {
      const out: { [k: string]: GoValue } = {};
      for (const [k, val] of v.v) {
        Object.defineProperty(out, k.t === 'string' ? k.v : regoTermString(k), { value: regoToGo(val), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/** gator's YAML shape: the embedded result is not inlined and its keys are lowercased field names. */
function gatorYamlResult(r: TestResult): JsonObject {
  const result: JsonObject = { target: r.target, msg: r.msg };
  if (r.details !== undefined) result.metadata = { details: regoToJson(r.details) };
  result.constraint = { object: r.constraint.object };
  result.enforcementaction = r.enforcementAction;
  result.scopedenforcementactions = r.scopedActions ?? [];
  return { result, violatingObject: r.violatingObject, trace: null };
}
