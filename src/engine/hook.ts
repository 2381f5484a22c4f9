// Reading what a template's hook returns (see `hookModule` in src/opa/compile.ts): one result per
// violation with a `msg`, keyed by the constraint it belongs to, with `details` defaulted to `{}`.
import { parseRegoValue, regoTermString, type RegoValue } from '../opa/rego-value.ts';

interface HookResult {
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

/** The elements of the set a result set (`{{"result": <set>}}`, or `set()` / `{}`) holds. */
function resultElements(resultSet: string): RegoValue[] | { error: string } {
  let parsed: RegoValue;
  try {
    parsed = parseRegoValue(resultSet);
  } catch {
    return { error: 'the policy returned a result preadmit cannot read' };
  }
  if ((parsed.t !== 'set' && parsed.t !== 'array') || parsed.v.length === 0) return [];
  const value = field(parsed.v[0]!, 'result');
  if (!value || (value.t !== 'set' && value.t !== 'array')) return [];
  return value.v;
}

/** `resultSet` is one template hook's result set as Rego value text. */
export type HookRead = { results: HookResult[] } | { error: string; /** The query itself failed (gator stops): not a result. */ fatal?: boolean };

export function readHookResults(resultSet: string): HookRead {
  const elements = resultElements(resultSet);
  return 'error' in elements ? elements : hookResults(elements);
}

/**
 * `resultSet` is the dispatch entrypoint's result set: `{t: <packageId>, r: <hook result>}` elements, the
 * keys numbered across all templates of the evaluation.
 */
export function readDispatchResults(resultSet: string): HookRead {
  const elements = resultElements(resultSet);
  if ('error' in elements) return elements;
  return hookResults(elements.map((e) => field(e, 'r')).filter((r): r is RegoValue => r !== undefined));
}

function hookResults(elements: RegoValue[]): HookRead {
  const results: HookResult[] = [];
  for (const element of elements) {
    const key = field(element, 'key');
    const msg = field(element, 'msg');
    const details = field(element, 'details');
    if (key?.t !== 'number' || msg === undefined || details === undefined) continue;
    // frameworks reads msg with NestedString: anything else fails the whole review (gator stops with an
    // error, whatever the constraint's action), so it is an error of the run, never a result.
    if (msg.t !== 'string') return { error: `extracting message binding: .msg accessor error: ${regoTermString(msg)} is not a string`, fatal: true };
    results.push({ key: Number(key.v), msg: msg.v, details });
  }
  return { results };
}
