// `preadmit diff --base REF --head REF [--repo DIR] [--config FILE] [-o text|markdown|json|sarif]`
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CONFIG_FILE } from '../../config/defaults.ts';
import { loadConfig } from '../../config/load.ts';
import { createRuntime } from '../../engine/runtime.ts';
import { renderJson } from '../../report/json.ts';
import { renderMarkdown } from '../../report/markdown.ts';
import { renderSarif } from '../../report/sarif.ts';
import { renderText } from '../../report/text.ts';
import { applyConfigErrors } from '../../simulate/config-errors.ts';
import { simulate } from '../../simulate/simulate.ts';
import type { SimulationReport } from '../../simulate/types.ts';
import { LocalGitSource } from '../../source/git.ts';
import { sandboxMode, UNSAFE_FLAG, UNSAFE_FLAG_HELP } from '../sandbox-flag.ts';


export const DIFF_USAGE = `Usage: preadmit diff --base REF --head REF [--repo DIR] [--config FILE] [-o text|markdown|json|sarif] [${UNSAFE_FLAG}]

Simulates Gatekeeper admission of the repository at both refs and reports what the change introduces,
fixes and leaves as it was. The repository config is read from ${CONFIG_FILE} at the base ref (a change
cannot relax its own check) unless --config names a file. Exit code: 0 when the change passes, 1 when
it is blocked, 2 on a usage error.
${UNSAFE_FLAG_HELP}`;

export async function runDiff(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, signal?: AbortSignal): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        repo: { type: 'string', default: '.' },
        config: { type: 'string' },
        output: { type: 'string', short: 'o', default: 'text' },
        color: { type: 'boolean' },
        'unsafe-no-sandbox': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err.write(`${(e as Error).message}\n${DIFF_USAGE}\n`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    out.write(`${DIFF_USAGE}\n`);
    return 0;
  }
  if (!v.base) {
    err.write(`--base is required\n${DIFF_USAGE}\n`);
    return 2;
  }
  const format = v.output ?? 'text';
  if (!['text', 'markdown', 'json', 'sarif'].includes(format)) {
    err.write(`unknown output format ${JSON.stringify(format)}; use text, markdown, json or sarif\n`);
    return 2;
  }
  const sandbox = await sandboxMode(v['unsafe-no-sandbox'] ?? false, 'diff', err);
  if (sandbox === undefined) return 2;
  const source = new LocalGitSource(v.repo ?? '.', signal !== undefined ? { signal } : {});
  // Without --head the head is the commit HEAD names: edits not committed yet are not part of the comparison.
  if (v.head === undefined && (await uncommittedChanges(v.repo ?? '.')) > 0) {
    err.write(`note: no --head given, so the head is HEAD; the working tree has uncommitted changes, which are not included (commit them to check them)\n`);
  }
  const configFile = v.config ?? CONFIG_FILE;
  const configText = v.config !== undefined ? await readFile(v.config, 'utf8') : (await source.readFile(await source.resolve(v.base), CONFIG_FILE))?.toString('utf8');
  const { config, errors: configErrors } = loadConfig(configText, configFile);
  for (const e of configErrors) err.write(`config error: ${e.message}\n`);

  const progress = (err as NodeJS.WriteStream).isTTY ? (line: string) => err.write(`\u001b[2m… ${line}\u001b[0m\n`) : undefined;
  const runtime = createRuntime();
  let report: SimulationReport;
  try {
    report = await simulate({
      source,
      base: v.base,
      head: v.head ?? 'HEAD',
      config,
      runtime,
      ...(sandbox === 'unsafe-none' ? { unsafeNoSandbox: true } : {}),
      ...(progress ? { onProgress: progress } : {}),
      ...(signal !== undefined ? { signal } : {}),
    });
  } finally {
    await runtime.close();
  }
  applyConfigErrors(report, configErrors, config, configFile);
  out.write(renderReport(report, format, v.color ?? Boolean((out as NodeJS.WriteStream).isTTY)));
  return report.verdict.conclusion === 'success' ? 0 : 1;
}

export function renderReport(report: SimulationReport, format: string, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
    case 'markdown': {
      const md = renderMarkdown(report);
      return `# ${md.title}\n\n${md.summary}\n`;
    }
    default:
      return renderText(report, { color });
  }
}

/** How many paths `git status --porcelain` lists (modified, staged, untracked); 0 when git cannot tell. */
function uncommittedChanges(repo: string): Promise<number> {
  return new Promise((resolve) => {
    execFile('git', ['-C', repo, 'status', '--porcelain'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve(error ? 0 : stdout.split('\n').filter((l) => l.trim() !== '').length);
    });
  });
}
