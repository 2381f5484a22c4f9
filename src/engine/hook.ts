// Gatekeeper's hook contract: what of a template's `violation` set becomes a result.
//
// frameworks queries `data.hooks.violation[r]`, which keeps `{msg: r.msg, details: object.get(r, "details", {})}`
// for every element with a `msg`, as a set: elements that differ only in other keys collapse.
import type { JsonValue } from '../gatekeeper/types.ts';

export interface ProjectedViolation {
  msg: string;
  details: JsonValue;
}

export function projectViolations(resultSetJson: string): { violations: ProjectedViolation[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(resultSetJson);
  } catch {
    return { error: 'the policy returned a result that is not JSON' };
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return { violations: [] };
  const value = (parsed[0] as { result?: unknown }).result;
  if (!Array.isArray(value)) return { violations: [] };
  const seen = new Set<string>();
  const violations: ProjectedViolation[] = [];
  for (const element of value) {
    if (element === null || typeof element !== 'object' || Array.isArray(element)) continue;
    const r = element as Record<string, JsonValue>;
    if (!('msg' in r)) continue;
    if (typeof r.msg !== 'string') return { error: `violation msg must be a string, got ${JSON.stringify(r.msg)}` };
    const details = 'details' in r ? (r.details as JsonValue) : {};
    const key = canonical([r.msg, details]);
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ msg: r.msg, details });
  }
  return { violations };
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
