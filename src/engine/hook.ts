// Reading what a template's hook returns (see `hookModule` in src/opa/compile.ts): one result per
// violation with a `msg`, keyed by the constraint it belongs to, with `details` defaulted to `{}`.
import { parseRegoValue, regoTermString, type RegoValue } from '../opa/rego-value.ts';

export interface HookResult {
  /** Index of the constraint in the evaluation's `constraints` input. */
  key: number;
  msg: string;
  /** Kept as a Rego value: sets and number text survive to the output as Gatekeeper prints them. */
  details: RegoValue;
}

function field(value: RegoValue, key: string): RegoValue | undefined {
  if (value.t !== 'object') return undefined;
  return value.v.find(([k]) => k.t === 'string' && k.v === key)?.[1];
}

/** `resultSet` is the hook's result set as Rego value text: `{{"result": <set>}}`, or `set()` / `{}`. */
export function readHookResults(resultSet: string): { results: HookResult[] } | { error: string } {
  let parsed: RegoValue;
  try {
    parsed = parseRegoValue(resultSet);
  } catch {
    return { error: 'the policy returned a result preadmit cannot read' };
  }
  if ((parsed.t !== 'set' && parsed.t !== 'array') || parsed.v.length === 0) return { results: [] };
  const value = field(parsed.v[0]!, 'result');
  if (!value || (value.t !== 'set' && value.t !== 'array')) return { results: [] };
  const results: HookResult[] = [];
  for (const element of value.v) {
    const key = field(element, 'key');
    const msg = field(element, 'msg');
    const details = field(element, 'details');
    if (key?.t !== 'number' || msg === undefined || details === undefined) continue;
    // frameworks reads msg with NestedString: anything else fails the whole query.
    if (msg.t !== 'string') return { error: `violation msg must be a string, got ${regoTermString(msg)}` };
    results.push({ key: Number(key.v), msg: msg.v, details });
  }
  return { results };
}
