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
  'array.flatten',
  'graph.reachable_paths', 'graphql.is_valid', 'graphql.parse', 'graphql.parse_and_verify', 'graphql.parse_query',
  'graphql.parse_schema', 'graphql.schema_is_valid', 'io.jwt.decode', 'io.jwt.decode_verify', 'io.jwt.encode_sign',
  'io.jwt.encode_sign_raw', 'io.jwt.verify_eddsa', 'io.jwt.verify_es256', 'io.jwt.verify_es384', 'io.jwt.verify_es512',
  'io.jwt.verify_hs256', 'io.jwt.verify_hs384', 'io.jwt.verify_hs512', 'io.jwt.verify_ps256', 'io.jwt.verify_ps384',
  'io.jwt.verify_ps512', 'io.jwt.verify_rs256', 'io.jwt.verify_rs384', 'io.jwt.verify_rs512', 'json.marshal_with_options',
  'json.match_schema', 'json.verify_schema', 'providers.aws.sign_req', 'rand.intn',
  'rego.metadata.chain', 'rego.metadata.rule', 'strings.split_n',
  'uri.is_valid', 'uri.parse',
  'uuid.rfc4122',
]);

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
  const json = JSON.stringify({ ...doc, builtins: kept });
  return { json, hash: createHash('sha256').update(json).digest('hex'), removed };
}
