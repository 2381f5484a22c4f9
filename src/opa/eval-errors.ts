// Evaluation errors in the words Gatekeeper uses.
//
// A wasm policy aborts with `<build path>:<row>:<col>: <runtime message>`; Gatekeeper's topdown evaluator
// reports the same failure as `<module>:<row>: eval_conflict_error: <message>`, where the module is
// `template` for the template's Rego and `libs["lib_<i>"]` for its i-th lib. That text becomes the result
// message of every constraint of the kind, so it must match.
import type { RegoCode } from '../gatekeeper/template.ts';

const ABORT = /^(?:[^/\s]+\/)?(template|lib_(\d+))\.rego:(\d+):\d+: (.*)$/s;

export function gatekeeperEvalError(abort: string, code: RegoCode | undefined): string {
  const m = ABORT.exec(abort);
  if (!m) return abort;
  const module = m[1] === 'template' ? 'template' : `libs["lib_${m[2]}"]`;
  const row = Number(m[3]);
  const message = m[4]!;
  const source = m[1] === 'template' ? code?.rego : code?.libs[Number(m[2])];
  switch (message) {
    case 'var assignment conflict':
      return `${module}:${row}: eval_conflict_error: ${isFunctionHead(source, row) ? 'functions must not produce multiple outputs for same inputs' : 'complete rules must not produce multiple outputs'}`;
    case 'object insert conflict':
      return `${module}:${row}: eval_conflict_error: object keys must be unique`;
    default:
      return `${module}:${row}: ${message}`;
  }
}

/** Whether line `row` of the Rego source starts a function rule (`name(args) ...`). */
function isFunctionHead(source: string | undefined, row: number): boolean {
  const line = source?.split('\n')[row - 1] ?? '';
  return /^\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(line);
}
