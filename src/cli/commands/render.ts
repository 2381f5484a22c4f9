// `preadmit render`: what would be reviewed at a ref, with where each object came from.
import { stringify } from 'yaml';
import { errorText } from '../../gatekeeper/load.ts';
import type { InputError, JsonObject } from '../../gatekeeper/types.ts';
import { maskSecret, redactDeep, secretValues } from '../../render/mask.ts';
import { renderRef } from '../../render/render-ref.ts';
import { renderBudget, type RenderedObject, type RenderOptions } from '../../render/types.ts';
import { visibleControls } from '../../report/format.ts';
import { LocalGitSource } from '../../source/git.ts';
import type { ChangedFile } from '../../source/types.ts';
import { sandboxMode, UNSAFE_FLAG, UNSAFE_FLAG_HELP } from '../sandbox-flag.ts';

const USAGE = `usage: preadmit render [--repo DIR] [--ref REF] [--changed PATH...] [--base REF] [-o yaml|json]
                      [--exclude GLOB]... [--timeout MS] [${UNSAFE_FLAG}]

Renders the repository at REF (default HEAD) as Gatekeeper would receive it: plain manifests,
kustomize overlays and helm charts, each object with its source file and lines.
  --changed PATH...  render only the roots these repo-relative paths touch
  --base REF         render only the roots touched by the changes from REF to --ref
  -o yaml|json       output format (default yaml)
${UNSAFE_FLAG_HELP}
Secret data is masked in the output. Exit status: 0 rendered, 1 some roots failed, 2 usage error.
`;

interface RenderArgs {
  repo: string;
  ref: string;
  changed?: string[];
  base?: string;
  output: 'yaml' | 'json';
  exclude: string[];
  timeoutMs?: number;
  unsafeNoSandbox: boolean;
}

class UsageError extends Error {}

export function parseRenderArgs(argv: string[]): RenderArgs | 'help' {
  const args: RenderArgs = { repo: '.', ref: 'HEAD', output: 'yaml', exclude: [], unsafeNoSandbox: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--repo') args.repo = value();
    else if (a === '--ref') args.ref = value();
    else if (a === '--base') args.base = value();
    else if (a === '--exclude') args.exclude.push(value());
    else if (a === UNSAFE_FLAG) args.unsafeNoSandbox = true;
    else if (a === '--timeout') {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms <= 0) throw new UsageError('--timeout needs a positive number of milliseconds');
      args.timeoutMs = ms;
    } else if (a === '-o' || a === '--output') {
      const v = value();
      if (v !== 'yaml' && v !== 'json') throw new UsageError(`-o must be yaml or json, not ${v}`);
      args.output = v;
    } else if (a === '--changed') {
      args.changed ??= [];
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) args.changed.push(argv[++i]!.replace(/^\.\//, ''));
    } else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}

export async function runRender(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, signal?: AbortSignal): Promise<number> {
  let args: RenderArgs | 'help';
  try {
    args = parseRenderArgs(argv);
  } catch (e) {
    err.write(`preadmit render: ${errorText(e)}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    out.write(USAGE);
    return 0;
  }
  const sandbox = await sandboxMode(args.unsafeNoSandbox, 'render', err);
  if (sandbox === undefined) return 2;
  const source = new LocalGitSource(args.repo, signal !== undefined ? { signal } : {});
  const options: RenderOptions & { changed?: ChangedFile[] } = { exclude: args.exclude, sandbox, ...(signal !== undefined ? { budget: renderBudget(undefined, signal) } : {}) };
  if (args.timeoutMs !== undefined) options.timeoutMs = args.timeoutMs;
  let result;
  let commit;
  try {
    commit = await source.resolve(args.ref);
    const changed: ChangedFile[] = [];
    if (args.base !== undefined) changed.push(...(await source.changedFiles(args.base, commit)));
    if (args.changed !== undefined) changed.push(...args.changed.map((p) => ({ path: p, status: 'modified' as const })));
    if (args.base !== undefined || args.changed !== undefined) options.changed = changed;
    result = await renderRef(source, commit, options);
  } catch (e) {
    if (signal?.aborted) throw e;
    err.write(`preadmit render: ${errorText(e)}\n`);
    return 2;
  }
  // A Secret's own values read `***`; any other object that copies one of them (a ConfigMap, an env value) too.
  const secrets = secretValues(result.objects.map((o) => o.object));
  const shown = (o: RenderedObject): JsonObject => redactDeep(structuredClone(maskSecret(o.object)), secrets);
  if (args.output === 'json') {
    const doc = {
      ref: args.ref,
      commit,
      roots: result.roots,
      objects: result.objects.map((o) => ({ root: o.root, source: o.source, object: shown(o) })),
      errors: result.errors,
    };
    out.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    out.write(result.objects.map((o) => yamlDocument(o, shown(o))).join(''));
  }
  for (const e of result.errors) err.write(`error: ${e.message}${where(e)}\n`);
  err.write(`rendered ${result.roots.length} root(s) at ${args.ref} (${commit.slice(0, 12)}): ${result.objects.length} object(s), ${result.errors.length} error(s)\n`);
  return result.errors.length > 0 ? 1 : 0;
}

function yamlDocument(o: RenderedObject, object: JsonObject): string {
  const s = o.source;
  const by = s.renderedBy !== undefined ? ` (${s.renderedBy})` : '';
  return `---\n# Source: ${oneLine(s.file)}:${s.startLine}-${s.endLine}${by === '' ? '' : oneLine(by)}\n${stringify(object, { lineWidth: 0 })}`;
}

function where(e: InputError): string {
  if (e.source === undefined) return '';
  const at = `${e.source.file}:${e.source.startLine}`;
  return e.message.includes(at) ? '' : ` (${at})`;
}

/** A file name on one line of a YAML comment: a newline in it would start a document of its own. */
function oneLine(text: string): string {
  return visibleControls(text).replace(/\n/g, '\\n');
}
