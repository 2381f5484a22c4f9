// A hostile repository run through every output preadmit has: `preadmit diff` in each format, the annotations of
// the check run, and `preadmit render` (yaml and json) at head.
import { Writable } from 'node:stream';
import { renderAnnotations } from '../../src/report/annotations.ts';
import { main } from '../../src/cli/main.ts';
import { Capture } from '../simulate/harness.ts';

const FORMATS = ['json', 'sarif', 'markdown', 'text'] as const;

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(argv, out as Writable, err as Writable);
  return { code, out: out.text, err: err.text };
}

/** Every output for the change base..head of `dir`, by name: `diff -o FORMAT`, `annotations`, `render -o yaml|json`. */
export async function everyOutput(dir: string, base: string, head: string): Promise<Record<string, { code: number; text: string }>> {
  const outputs: Record<string, { code: number; text: string }> = {};
  for (const format of FORMATS) {
    const r = await cli(['diff', '--repo', dir, '--base', base, '--head', head, '-o', format]);
    outputs[`diff -o ${format}`] = { code: r.code, text: r.out + r.err };
    if (format === 'json' && r.out.startsWith('{')) {
      outputs.annotations = { code: r.code, text: JSON.stringify(renderAnnotations(JSON.parse(r.out))) };
    }
  }
  for (const format of ['yaml', 'json']) {
    const r = await cli(['render', '--repo', dir, '--ref', head, '-o', format]);
    outputs[`render -o ${format}`] = { code: r.code, text: r.out + r.err };
  }
  return outputs;
}
