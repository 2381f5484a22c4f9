// The `preadmit` command: parses the subcommand and maps what it returns to the exit code.
import { Writable } from 'node:stream';
import { neutraliseWorkflowCommands } from '../report/format.ts';
import { INTERRUPTED_EXIT, isAbort } from '../util/abort.ts';
import { runTestCommand } from './commands/test.ts';

const USAGE = `Usage: preadmit <command> [options]

Commands:
  test     review objects against templates and constraints, like \`gator test\`
  verify   run gator Suite files (test.gatekeeper.sh), like \`gator verify\`
  render   print what would be reviewed at a ref, with sources
  diff     simulate a change (base ref vs head ref): what it introduces and fixes
  check-pr run the GitHub App's check for one pull request from any CI (GITHUB_TOKEN)
  help     show this help

Run \`preadmit <command> --help\` for a command's options.`;

/** A command: `signal` aborts on Ctrl-C (SIGINT), and the commands that render, read git or evaluate stop on it. */
type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, signal: AbortSignal) => Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'test':
      return (argv, out, err) => runTestCommand(argv, out, err);
    case 'verify':
      return (await import('./commands/verify.ts')).runVerify;
    case 'render':
      return (await import('./commands/render.ts')).runRender;
    case 'diff':
      return (await import('./commands/diff.ts')).runDiff;
    case 'check-pr':
      return (await import('./commands/check-pr.ts')).runCheckPrCommand;
    default:
      return undefined;
  }
}

/**
 * Runs one command. `signal` is the run's interruption (bin/preadmit.js aborts it on SIGINT): renderer processes
 * and git are killed, evaluation stops, and the command exits 130 (check-pr concludes its run `cancelled` first).
 */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    err.write(`unknown command ${JSON.stringify(name)}\n${USAGE}\n`);
    return 2;
  }
  const interrupted = (): number => {
    err.write(`preadmit ${name}: interrupted\n`);
    return INTERRUPTED_EXIT;
  };
  try {
    const code = await command(rest, new CommandGuard(out), new CommandGuard(err), signal);
    return signal.aborted ? interrupted() : code;
  } catch (e) {
    if (signal.aborted && isAbort(e)) return interrupted();
    err.write(`preadmit ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/**
 * Everything a command prints goes through here: in GitHub Actions, repository content (a message, a file name, a
 * diff line) must not become a workflow command (`::add-mask::`, `::stop-commands::`, `::warning …::`).
 */
class CommandGuard extends Writable {
  private atLineStart = true;
  readonly isTTY: boolean | undefined;
  constructor(private readonly target: NodeJS.WritableStream) {
    super({ decodeStrings: false });
    this.isTTY = (target as NodeJS.WriteStream).isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (chunk.length === 0) return done();
    // Bytes with neither `::` nor `##[` pass on as they are: a large report is not decoded and encoded again.
    if (typeof chunk !== 'string' && !chunk.includes('::') && !chunk.includes('##[')) {
      this.atLineStart = bytesEndAtLineStart(chunk, this.atLineStart);
      this.target.write(chunk);
      return done();
    }
    const text = chunk.toString();
    const safe = neutraliseWorkflowCommands(text, this.atLineStart);
    this.atLineStart = endsAtLineStart(text, this.atLineStart);
    // Passed on at once (no buffering here): what a command wrote is in the target when the command returns.
    this.target.write(safe);
    done();
  }
}

/**
 * Whether what follows `text` starts a line (ignoring blanks other than line breaks): scanned from the end, so a
 * large chunk costs its trailing blanks only.
 */
function endsAtLineStart(text: string, before: boolean): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (!/\s/.test(c)) return false;
  }
  return before;
}

/** endsAtLineStart of UTF-8 bytes: ASCII read from the end; a trailing non-ASCII character is decoded. */
function bytesEndAtLineStart(bytes: Buffer, before: boolean): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i]!;
    if (b >= 0x80) return endsAtLineStart(bytes.toString('utf8', 0, i + 1), before);
    if (b === 0x0a || b === 0x0d) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0b && b !== 0x0c) return false;
  }
  return before;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
