// `--unsafe-no-sandbox` for the commands that render (render, diff): what it means, said on stderr.
import { jailSupport } from '../render/sandbox.ts';

export const UNSAFE_FLAG = '--unsafe-no-sandbox';

export const UNSAFE_FLAG_HELP = `  ${UNSAFE_FLAG}  run kustomize and helm WITHOUT the filesystem jail (bubblewrap); only for
                        repositories you trust, never in production (refused when NODE_ENV=production)`;

/**
 * The render sandbox mode for a CLI run, after saying on stderr what it means: a warning when the jail is
 * turned off, and, when it is on but cannot be made here, that kustomize and helm roots will not render and
 * how to fix that. Undefined (with the reason written) when the flag is refused: in production.
 */
export async function sandboxMode(unsafe: boolean, command: string, err: NodeJS.WritableStream): Promise<'jail' | 'unsafe-none' | undefined> {
  if (unsafe) {
    if (process.env.NODE_ENV === 'production') {
      err.write(`preadmit ${command}: ${UNSAFE_FLAG} is refused when NODE_ENV=production: renderers always run in the jail there\n`);
      return undefined;
    }
    err.write(
      `preadmit ${command}: WARNING: ${UNSAFE_FLAG}: kustomize and helm run without the filesystem jail; a hostile repository can read ` +
        `this machine's files into the output. Use it only on repositories you trust.\n`,
    );
    return 'unsafe-none';
  }
  const support = await jailSupport();
  if (!support.ok) {
    err.write(
      `preadmit ${command}: kustomize and helm roots will NOT be rendered: ${support.reason}. ` +
        `To render them anyway, outside the jail, pass ${UNSAFE_FLAG} (trusted repositories only).\n`,
    );
  }
  return 'jail';
}
