// The `preadmit` command: parses the subcommand and maps what it returns to the exit code.
import { runTestCommand } from './test.ts';

const USAGE = `Usage: preadmit <command> [options]

Commands:
  test     review objects against templates and constraints, like \`gator test\`
  verify   run gator Suite files (test.gatekeeper.sh), like \`gator verify\`
  render   print what would be reviewed at a ref, with sources
  diff     simulate a change (base ref vs head ref): what it introduces and fixes
  check-pr run the GitHub App's check for one pull request from any CI (GITHUB_TOKEN)
  help     show this help

Run \`preadmit <command> --help\` for a command's options.`;

type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'test':
      return runTestCommand;
    case 'verify':
      return (await import('./verify.ts')).runVerify;
    case 'render':
      return (await import('./render.ts')).runRender;
    case 'diff':
      return (await import('./diff.ts')).runDiff;
    case 'check-pr':
      return (await import('./check-pr.ts')).runCheckPr;
    default:
      return undefined;
  }
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
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
  try {
    return await command(rest, out, err);
  } catch (e) {
    err.write(`preadmit ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
