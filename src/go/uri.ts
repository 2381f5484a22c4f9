// OPA's uri.parse / uri.is_valid, on Go's net/url.Parse (src/go/gourl.ts).
import type { RegoValue } from '../opa/rego-value.ts';
import { goUrlHostPort, goUrlParse, goUrlText } from './gourl.ts';

/** uri.parse: the non-empty components, or undefined where url.Parse errors. */
export function uriParse(s: string): RegoValue | undefined {
  const url = goUrlParse(s);
  if ('error' in url) return undefined;
  const { hostname, port } = goUrlHostPort(url);
  const fields: Array<[string, string]> = [];
  if (url.scheme) fields.push(['scheme', url.scheme]);
  if (hostname) fields.push(['hostname', hostname]);
  if (port) fields.push(['port', port]);
  if (url.path) fields.push(['path', url.path], ['raw_path', url.rawPath || url.path]);
  if (url.rawQuery) fields.push(['raw_query', url.rawQuery]);
  if (url.fragment) fields.push(['fragment', url.fragment]);
  return { t: 'object', v: fields.map(([k, v]) => [{ t: 'string', v: k }, { t: 'string', v: goUrlText(v) }]) };
}

/** uri.is_valid: a non-empty string url.Parse accepts. */
export function uriIsValid(v: RegoValue): boolean {
  if (v.t !== 'string' || v.v === '') return false;
  return uriParse(v.v) !== undefined;
}
