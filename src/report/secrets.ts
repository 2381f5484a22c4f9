// Defence in depth for rendered diffs: the simulation masks Secret values before diffing, and every rendering masks
// again whatever still looks like a value under a Secret's `data` or `stringData`, so a missed mask upstream never
// reaches a check run, a log or a SARIF upload.
import { isSecretKind, MASK } from '../render/mask.ts';
import type { RenderedObjectDiff } from '../simulate/types.ts';

const SECRET_MASK = MASK;

/** The diff text of `d`, with Secret `data`/`stringData` values masked when the object is a Secret. */
export function maskedDiff(d: RenderedObjectDiff): string {
  if (!isSecretKind(d.object.group, d.object.kind)) return d.diff;
  return maskSecretValuesInDiff(d.diff);
}

/** Masks the values of keys nested under top-level `data:` / `stringData:` in a unified diff of a Secret's YAML. */
function maskSecretValuesInDiff(diff: string): string {
  const out: string[] = [];
  // Indentation of the `data:` key we are under, or -1 outside; and of a block scalar's key, or -1.
  let sectionIndent = -1;
  let blockIndent = -1;
  for (const line of diff.split('\n')) {
    if (/^(---|\+\+\+|@@|Index:|={3,}|\\ No newline)/.test(line) || line === '') {
      out.push(line);
      continue;
    }
    const marker = line[0] === '+' || line[0] === '-' || line[0] === ' ' ? line[0] : '';
    const body = marker === '' ? line : line.slice(1);
    const indent = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (blockIndent >= 0) {
      if (trimmed === '' || indent > blockIndent) {
        out.push(trimmed === '' ? line : `${marker}${' '.repeat(indent)}${SECRET_MASK}`);
        continue;
      }
      blockIndent = -1;
    }
    const section = /^(data|stringData):\s*(.*)$/.exec(trimmed);
    if (section !== null && indent === 0) {
      // Flow style (`data: {a: b}`) holds values on this very line.
      const rest = section[2] ?? '';
      out.push(rest === '' || rest.startsWith('#') ? line : `${marker}${section[1]}: ${SECRET_MASK}`);
      sectionIndent = rest === '' ? 0 : -1;
      continue;
    }
    if (sectionIndent >= 0 && trimmed !== '' && indent <= sectionIndent) sectionIndent = -1;
    if (sectionIndent >= 0 && indent > sectionIndent) {
      const kv = /^([^:#]+|"[^"]*"|'[^']*'):(\s+(.*))?$/.exec(trimmed);
      if (kv !== null) {
        const value = (kv[3] ?? '').trim();
        if (/^[|>][-+0-9]*$/.test(value)) {
          blockIndent = indent;
          out.push(line);
        } else if (value === '' || value === SECRET_MASK || value === `"${SECRET_MASK}"` || value === `'${SECRET_MASK}'`) {
          out.push(line);
        } else {
          out.push(`${marker}${' '.repeat(indent)}${kv[1]}: ${SECRET_MASK}`);
        }
        continue;
      }
      out.push(`${marker}${' '.repeat(indent)}${SECRET_MASK}`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
