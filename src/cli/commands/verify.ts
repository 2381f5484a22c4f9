// `preadmit verify PATH [--run REGEX] [-v] [-o text|json]`: gator verify's arguments, output and exit code.
import { parseArgs } from 'node:util';
import { takeNativeValidationFlag } from '../native-validation.ts';
import { createRuntime } from '../../engine/runtime.ts';
import { findSuites, isSuiteFailure, newFilter, runSuite, type Filter, type Suite, type SuiteResult } from '../../engine/verify.ts';
import { printGoTest, printJson } from '../../gator/verify.ts';

export const VERIFY_USAGE = `Usage: preadmit verify PATH [PATH…] [--run REGEX] [-v] [-o text|json] [--enable-k8s-native-validation=false]

Runs gator Suite files (apiVersion test.gatekeeper.sh/*, kind Suite) as \`gator verify\` does.
PATH is a suite file, a directory (its YAML files), or DIR/... (recursively).

  -r, --run REGEX   run only tests or cases whose names match (Go RE2); TEST//CASE matches both
  -v, --verbose     print every test and case (=== RUN, --- PASS, === SKIP)
  -o, --output FMT  text (gator's Go-test style, the default) or json

Exit code 1 when a test or case fails or the suites cannot be read, 2 on a usage error.`;

export async function runVerify(argvIn: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const cel = takeNativeValidationFlag(argvIn);
  if ('error' in cel) {
    err.write(`Error: ${cel.error}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: cel.argv,
      options: {
        run: { type: 'string', short: 'r', default: '' },
        verbose: { type: 'boolean', short: 'v', default: false },
        output: { type: 'string', short: 'o', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (e) {
    err.write(`Error: ${(e as Error).message}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    out.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  const format = (args.values.output ?? 'text').toLowerCase();
  if (format !== 'text' && format !== 'json') {
    err.write(`Error: unknown output format ${JSON.stringify(format)}; use text or json\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    err.write(`Error: accepts at least 1 arg(s), received 0\n${VERIFY_USAGE}\n`);
    return 2;
  }

  // gator reads the suites first, then compiles the filter.
  const suites: Suite[] = [];
  for (const p of args.positionals) {
    try {
      suites.push(...(await findSuites(p)));
    } catch (e) {
      err.write(`Error: listing test files: ${(e as Error).message}\n`);
      return 1;
    }
  }
  let filter: Filter;
  try {
    filter = newFilter(args.values.run ?? '');
  } catch (e) {
    err.write(`Error: compiling filter: ${(e as Error).message}\n`);
    return 1;
  }

  const runtime = createRuntime();
  const results: SuiteResult[] = [];
  try {
    const deps = { compiler: runtime.compiler, pool: runtime.pool, celEnabled: cel.enabled };
    for (const suite of suites) results.push(await runSuite(suite, filter, deps));
  } finally {
    await runtime.close();
  }

  out.write(format === 'json' ? printJson(results) : printGoTest(results, args.values.verbose ?? false));
  const failed = results.some(isSuiteFailure);
  if (failed && format === 'text') err.write('Error: FAIL\n');
  return failed ? 1 : 0;
}
