// The builtin set templates may call: whatever the pinned `opa` offers, minus what reaches the network or the host.
import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';

/** Builtins removed from `opa capabilities --current`, each with why. */
const DENIED_BUILTINS: ReadonlyMap<string, string> = new Map([
  ['http.send', 'it makes network requests'],
  ['net.lookup_ip_addr', 'it makes DNS queries'],
  ['opa.runtime', 'it exposes the host environment and configuration'],
  ['rego.parse_module', 'it is runtime introspection'],
  ['trace', 'it is runtime introspection'],
]);

/**
 * Builtins OPA offers that neither the wasm runtime nor preadmit's host implements. They are removed from
 * the capabilities too, so that `opa build` rejects a template calling one with its file and line, and
 * that template alone fails (otherwise the module of its whole compile batch would fail to load).
 */
export const UNIMPLEMENTED_BUILTINS: ReadonlySet<string> = new Set([
  'graphql.is_valid', 'graphql.parse', 'graphql.parse_and_verify', 'graphql.parse_query',
  'graphql.parse_schema', 'graphql.schema_is_valid',
  'providers.aws.sign_req', 'rand.intn',
  'rego.metadata.chain', 'rego.metadata.rule', 'strings.split_n',
  'uuid.rfc4122',
]);

/**
 * The language of Gatekeeper's OPA (v1.17.1, what gator v3.23 and the webhook embed), where the pinned compiler
 * (v1.22.3) knows more: later future keywords (`and`, `or`) and features (`rego_v2`, `rego_v2_import`) are taken
 * out, so a template that needs them is refused with its file and line, as Gatekeeper refuses it. The lists are
 * `opa capabilities --current` of OPA v1.17.1 (test/opa/tools.test.ts checks them against opa-gatekeeper).
 */
export const GATEKEEPER_FUTURE_KEYWORDS: readonly string[] = ['not'];
export const GATEKEEPER_FEATURES: readonly string[] = ['keywords_in_refs', 'rego_v1', 'template_strings'];

/** Families denied by prefix too, so a newer opa's additions (e.g. another `http.*`) stay out. */
const DENIED_PREFIXES = ['http.', 'net.lookup_'];

export function isDeniedBuiltin(name: string): boolean {
  return DENIED_BUILTINS.has(name) || UNIMPLEMENTED_BUILTINS.has(name) || DENIED_PREFIXES.some((p) => name.startsWith(p));
}

export function denialReason(name: string): string {
  if (UNIMPLEMENTED_BUILTINS.has(name)) return 'preadmit does not implement it yet';
  return DENIED_BUILTINS.get(name) ?? 'it reaches the network or the host';
}

/** `opa capabilities` arguments for one Rego version. */
export function capabilitiesArgs(version: 'v0' | 'v1'): string[] {
  return version === 'v0' ? ['capabilities', '--current', '--v0-compatible'] : ['capabilities', '--current'];
}

export interface Capabilities {
  /** The JSON handed to `opa build --capabilities`. */
  json: string;
  /** sha256 of `json`: part of every cache key. */
  hash: string;
  /** Builtins removed, for messages and tests. */
  removed: string[];
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Filters `opa capabilities --current` output. Throws when the text is not a capabilities document. */
export function restrictCapabilities(currentText: string): Capabilities {
  const parsed: unknown = JSON.parse(currentText);
  if (!isObject(parsed as JsonValue) || !Array.isArray((parsed as JsonObject).builtins)) {
    throw new Error('opa capabilities --current did not print a capabilities document');
  }
  const doc = parsed as JsonObject;
  const builtins = doc.builtins as JsonValue[];
  const removed: string[] = [];
  const kept = builtins.filter((b) => {
    const name = isObject(b) && typeof b.name === 'string' ? b.name : '';
    if (isDeniedBuiltin(name)) {
      removed.push(name);
      return false;
    }
    return true;
  });
  const within = (list: JsonValue | undefined, allowed: readonly string[]): JsonValue[] =>
    Array.isArray(list) ? list.filter((x) => typeof x === 'string' && allowed.includes(x)) : [];
  const json = JSON.stringify({
    ...doc,
    builtins: kept,
    ...(doc.future_keywords !== undefined ? { future_keywords: within(doc.future_keywords, GATEKEEPER_FUTURE_KEYWORDS) } : {}),
    ...(doc.features !== undefined ? { features: within(doc.features, GATEKEEPER_FEATURES) } : {}),
  });
  return { json, hash: createHash('sha256').update(json).digest('hex'), removed };
}
