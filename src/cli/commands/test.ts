// `preadmit test -f PATH… [-o text|json|yaml] [--deny-only]`: gator test's inputs, outputs and exit codes.
import { parseArgs } from 'node:util';
import { takeNativeValidationFlag } from '../native-validation.ts';
import { stringify } from 'yaml';
import { isDenyResult } from '../../gatekeeper/enforcement.ts';
import { GoNumber, GoStruct, goMarshalIndent, type GoMarshalMemo, type GoValue } from '../../go/json.ts';
import { loadManifests, type LoadResult } from '../../gatekeeper/load.ts';
import { decodeManifest, readManifests } from '../../gatekeeper/read.ts';
import type { JsonObject } from '../../gatekeeper/types.ts';
import { hasDenyResult, runTest, type TestResult } from '../../engine/test.ts';
import { createRuntime } from '../../engine/runtime.ts';
import { goQuote } from '../../go/strconv.ts';
import { compareRegoValues, regoTermString, regoToJson, type RegoValue } from '../../opa/rego-value.ts';
import { nameOf, namespaceOf } from '../../gatekeeper/classify.ts';

const TEST_USAGE = `Usage: preadmit test [-f PATH…] [-o text|json|yaml] [--deny-only] [--enable-k8s-native-validation=false]

Reviews every object in the given files and directories (.yaml, .yml, .json), or on standard input, against the
ConstraintTemplates and constraints among them, as \`gator test\` does (templates with a K8sNativeValidation
source are evaluated with CEL unless --enable-k8s-native-validation=false). Exit code 1 when a
violated constraint has the deny action (or a bad input was found), else 0.`;

export async function runTestCommand(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<number> {
  const cel = takeNativeValidationFlag(argv);
  if ('error' in cel) {
    err.write(`${cel.error}\n${TEST_USAGE}\n`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: cel.argv,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o', default: '' },
        'deny-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (e) {
    err.write(`${(e as Error).message}\n${TEST_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${TEST_USAGE}\n`);
    return 0;
  }
  const paths = [...(args.values.filename ?? []), ...args.positionals];
  const format = (args.values.output ?? '').toLowerCase();
  if (!['', 'text', 'json', 'yaml'].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, json or yaml\n`);
    return 2;
  }
  // As gator: with no -f, objects come from standard input when it is not a terminal.
  const loaded = paths.length > 0 ? await readManifests(paths, { yamlVersion: '1.1' }) : stdin.isTTY ? undefined : readStdin(await readAll(stdin));
  if (loaded === undefined) {
    err.write(`no input: give files or directories with -f, or objects on standard input\n${TEST_USAGE}\n`);
    return 2;
  }
  if (loaded.objects.length === 0 && loaded.errors.length === 0) {
    err.write('no input data identified\n');
    return 1;
  }
  const runtime = createRuntime();
  try {
    const run = await runTest(loaded.objects, runtime, { celEnabled: cel.enabled });
    const errors = [...loaded.errors, ...run.errors];
    for (const e of errors) err.write(`error: ${e.message}\n`);
    const shown = args.values['deny-only'] ? run.results.filter((r) => isDenyResult(r.enforcementAction, r.scopedActions)) : run.results;
    await writeTestResults(shown, format, out);
    return hasDenyResult(run.results) || errors.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function readStdin(bytes: Buffer): LoadResult {
  const decoded = decodeManifest(bytes, '<stdin>');
  return 'error' in decoded ? { objects: [], errors: [decoded.error] } : loadManifests(decoded.text, '<stdin>', { yamlVersion: '1.1' });
}

/**
 * Writes the results in gator's format. JSON goes out in chunks of bytes, and the objects results share (a
 * constraint in each of its results, an object in each of its violations) are marshalled and encoded once: the
 * output of a large run is many times the size of its input.
 */
async function writeTestResults(results: TestResult[], format: string, out: NodeJS.WritableStream): Promise<void> {
  if (format !== 'json' || results.length === 0) {
    out.write(formatTestResults(results, format));
    return;
  }
  // Respect back-pressure: a slow reader must not make the whole output pile up in memory.
  const write = (bytes: Buffer): Promise<void> | undefined => (out.write(bytes) ? undefined : new Promise((resolve) => out.once('drain', () => resolve())));
  const indent = '    ';
  const memo: GoMarshalMemo = new WeakMap();
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
    const parts = goMarshalIndent(gatorJsonResult(results[i]!, marker), indent, indent, memo).split('\u0000');
    text += indent + parts[0]!;
    for (let j = 0; j < shared.length; j++) {
      const o = shared[j]!;
      let bytes = encoded.get(o);
      if (bytes === undefined) encoded.set(o, (bytes = Buffer.from(goMarshalIndent(o, indent, indent + indent, memo))));
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
