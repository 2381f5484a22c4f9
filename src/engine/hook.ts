// Gatekeeper's hook contract: what of a template's `violation` set becomes a result.
//
// frameworks queries `data.hooks.violation[r]`, which keeps `{msg: r.msg, details: object.get(r, "details", {})}`
// for every element with a `msg`, as a set: elements that differ only in other keys collapse.
import { parseRegoValue, regoTermString, type RegoValue } from '../opa/rego-value.ts';

export interface ProjectedViolation {
  msg: string;
  /** Kept as a Rego value: sets and number text survive to the output as Gatekeeper prints them. */
  details: RegoValue;
}

const EMPTY_OBJECT: RegoValue = { t: 'object', v: [] };

function field(value: RegoValue, key: string): RegoValue | undefined {
  if (value.t !== 'object') return undefined;
  return value.v.find(([k]) => k.t === 'string' && k.v === key)?.[1];
}

/** `resultSet` is the policy's result set as Rego value text: `{{"result": <violation set>}}` or `set()`. */
export function projectViolations(resultSet: string): { violations: ProjectedViolation[] } | { error: string } {
  let parsed: RegoValue;
  try {
    parsed = parseRegoValue(resultSet);
  } catch {
    return { error: 'the policy returned a result preadmit cannot read' };
  }
  if ((parsed.t !== 'set' && parsed.t !== 'array') || parsed.v.length === 0) return { violations: [] };
  const value = field(parsed.v[0]!, 'result');
  if (!value || (value.t !== 'set' && value.t !== 'array')) return { violations: [] };
  const seen = new Set<string>();
  const violations: ProjectedViolation[] = [];
  for (const element of value.v) {
    const msg = field(element, 'msg');
    if (msg === undefined) continue;
    if (msg.t !== 'string') return { error: `violation msg must be a string, got ${regoTermString(msg)}` };
    const details = field(element, 'details') ?? EMPTY_OBJECT;
    const key = regoTermString({ t: 'array', v: [msg, details] });
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ msg: msg.v, details });
  }
  return { violations };
}
