// `preadmit test -f PATH… [-o text|json|yaml] [--deny-only]`: gator test's inputs, outputs and exit codes.
import { parseArgs } from 'node:util';
import { takeNativeValidationFlag } from '../native-validation.ts';
import { isDenyResult } from '../../gatekeeper/enforcement.ts';
import { loadManifests, type LoadResult } from '../../gatekeeper/load.ts';
import { decodeManifest, readManifests } from '../../gatekeeper/read.ts';
import { hasDenyResult, runTest } from '../../engine/test.ts';
import { createRuntime } from '../../engine/runtime.ts';
import { writeTestResults } from '../../gator/test.ts';
import { parseCache } from '../../util/parse-cache.ts';
import { defaultCacheDir } from '../../util/files.ts';

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
  // The evaluation workers start while the input is read (their start-up is off the critical path).
  const runtime = createRuntime({ prewarm: Infinity });
  try {
    // As gator: with no -f, objects come from standard input when it is not a terminal.
    // Files parsed before (same content, same preadmit build) come from the cache directory's parse cache.
    const cache = parseCache(defaultCacheDir());
    const loaded = paths.length > 0 ? await readManifests(paths, { yamlVersion: '1.1' }, cache) : stdin.isTTY ? undefined : readStdin(await readAll(stdin));
    if (loaded === undefined) {
      err.write(`no input: give files or directories with -f, or objects on standard input\n${TEST_USAGE}\n`);
      return 2;
    }
    if (loaded.objects.length === 0 && loaded.errors.length === 0) {
      err.write('no input data identified\n');
      return 1;
    }
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
