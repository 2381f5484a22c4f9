// OPA's json.marshal_with_options: the options object read as topdown reads it, and Go's json.MarshalIndent
// layout (encoding/json's Indent applied to the compact json.Marshal text).
import type { RegoValue } from '../opa/rego-value.ts';

export interface MarshalOptions {
  pretty: boolean;
  prefix: string;
  indent: string;
}

/**
 * The options: `prefix` and `indent` (strings) turn pretty printing on unless `pretty` (a boolean) says
 * otherwise; indent defaults to a tab. Undefined where OPA's builtin errors (not an object, a non-string
 * key, an unknown key, a value of the wrong type).
 */
export function marshalOptions(opts: RegoValue): MarshalOptions | undefined {
  if (opts.t !== 'object') return undefined;
  let prefix = '';
  let indent = '\t';
  let implicit = false;
  let explicit: boolean | undefined;
  for (const [k, v] of opts.v) {
    if (k.t !== 'string') return undefined;
    switch (k.v) {
      case 'prefix':
      case 'indent':
        if (v.t !== 'string') return undefined;
        if (k.v === 'prefix') prefix = v.v;
        else indent = v.v;
        implicit = true;
        break;
      case 'pretty':
        if (v.t !== 'boolean') return undefined;
        explicit = v.v;
        break;
      default:
        return undefined;
    }
  }
  return { pretty: explicit ?? implicit, prefix, indent };
}

/**
 * Go's json.Indent of compact JSON text (no whitespace outside strings): one element per line, `prefix`
 * and `indent` repeated by depth after each newline, `": "` after keys, empty `[]`/`{}` kept on one line.
 * The first line is not prefixed (as Go's).
 */
export function goJsonIndent(compact: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let open = false; // just after `[` or `{`: the next character decides between a newline and `]`/`}`
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (open && c !== ']' && c !== '}') {
      open = false;
      depth++;
      out += newline();
    }
    if (c === '"') {
      let j = i + 1;
      while (compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1;
      out += compact.slice(i, j + 1);
      i = j;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        open = true;
        out += c;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (open) open = false;
        else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
