// Flux's post-build variable substitution (kustomize-controller `postBuild`), in pure TypeScript: never a shell.
// As fluxcd/pkg/envsubst does it: only `${...}` is substituted (`$var` is left alone), `$${` is an escaped `${`,
// variable names match ^[_a-zA-Z][_a-zA-Z0-9]*$, an unset variable is empty unless a default is given:
// `${var:=default}`, `${var:-default}` (default when unset or empty), `${var=default}`, `${var-default}`
// (default when unset). Other bash string functions are reported, not guessed at.
import type { JsonObject } from '../../gatekeeper/types.ts';

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

export class SubstitutionError extends Error {}

export function isValidVariableName(name: string): boolean {
  return NAME.test(name);
}

/** Substitutes `vars` into `text`; throws SubstitutionError for an expression it does not support. */
export function envsubst(text: string, vars: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('$', i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at);
    if (text.startsWith('$${', at)) {
      out += '${';
      i = at + 3;
      continue;
    }
    if (text[at + 1] !== '{') {
      out += '$';
      i = at + 1;
      continue;
    }
    const end = closingBrace(text, at + 2);
    if (end < 0) throw new SubstitutionError(`unterminated '\${' at offset ${at}`);
    out += expand(text.slice(at + 2, end), vars);
    i = end + 1;
  }
  return out;
}

/** The `}` closing the expression opened before `from`, nested `${...}` in defaults included. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function expand(expr: string, vars: Record<string, string>): string {
  const m = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([\s\S]*))?$/.exec(expr);
  if (!m) throw new SubstitutionError(`unsupported substitution '\${${expr}}' (preadmit substitutes \${var}, \${var:=default}, \${var:-default}, \${var=default} and \${var-default})`);
  const [, name, op, fallback] = m;
  const value = Object.prototype.hasOwnProperty.call(vars, name!) ? vars[name!] : undefined;
  if (op === undefined) return value ?? '';
  const useDefault = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
  return useDefault ? envsubst(fallback ?? '', vars) : value!;
}

/** Flux skips objects that carry `kustomize.toolkit.fluxcd.io/substitute: disabled` as an annotation or a label. */
export function substitutionDisabled(object: JsonObject): boolean {
  const meta = object.metadata;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return false;
  for (const field of ['annotations', 'labels']) {
    const m = meta[field];
    if (m !== null && typeof m === 'object' && !Array.isArray(m) && m['kustomize.toolkit.fluxcd.io/substitute'] === 'disabled') return true;
  }
  return false;
}
