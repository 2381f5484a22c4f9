// Kubernetes' format library (apiserver pkg/cel/library/format.go): format.<name>() and
// format.named(name) give a format; <format>.validate(s) is optional.none() when s is valid, else the
// optional list of what is wrong, worded as apimachinery's validation functions word it.
import type { Environment } from '@marcbachmann/cel-js';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from '../../gatekeeper/selector.ts';
import { parseRequestURI } from './url.ts';

class Format {
  constructor(
    readonly name: string,
    readonly validate: (s: string) => string[],
  ) {}
}

/** apimachinery's NameIs…(name, prefix=true): a trailing '-' is allowed in a generateName prefix. */
const prefix = (f: (s: string) => string[]) => (s: string) => f(s.endsWith('-') ? `${s.slice(0, -1)}a` : s);

const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function validDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  return m !== null && validDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61;
}

const FORMATS: Record<string, Format> = {
  dns1123Label: new Format('DNS1123Label', dns1123LabelErrors),
  dns1123Subdomain: new Format('DNS1123Subdomain', (s) => dns1123SubdomainErrors(s)),
  dns1035Label: new Format('DNS1035Label', dns1035LabelErrors),
  qualifiedName: new Format('QualifiedName', labelKeyErrors),
  dns1123LabelPrefix: new Format('DNS1123LabelPrefix', prefix(dns1123LabelErrors)),
  dns1123SubdomainPrefix: new Format('DNS1123SubdomainPrefix', prefix((s) => dns1123SubdomainErrors(s))),
  dns1035LabelPrefix: new Format('DNS1035LabelPrefix', prefix(dns1035LabelErrors)),
  labelValue: new Format('LabelValue', labelValueErrors),
  uri: new Format('URI', (s) => {
    const u = parseRequestURI(s);
    return 'error' in u ? [u.error] : [];
  }),
  uuid: new Format('uuid', (s) => (UUID.test(s) ? [] : ['does not match the UUID format'])),
  byte: new Format('byte', (s) => (BASE64.test(s) ? [] : ['invalid base64'])),
  date: new Format('date', (s) => (validDate(s) ? [] : ['invalid date'])),
  datetime: new Format('datetime', (s) => (validDateTime(s) ? [] : ['invalid datetime'])),
};

export function registerFormat(env: Environment): void {
  // The evaluator's own optional values, made with its optional.none() (its Optional class is not exported).
  const none = env.evaluate('optional.none()') as { constructor: { of(v: unknown): unknown } };
  const optional = none.constructor;
  env.registerType('kubernetes.NamedFormat', Format);
  class FormatNamespace {}
  env.registerType('FormatNamespace', FormatNamespace);
  env.registerConstant('format', 'FormatNamespace', new FormatNamespace());
  for (const [name, f] of Object.entries(FORMATS)) {
    env.registerFunction(`FormatNamespace.${name}(): kubernetes.NamedFormat`, () => f);
  }
  env.registerFunction('FormatNamespace.named(string): optional<kubernetes.NamedFormat>', (_ns: unknown, name: string) =>
    Object.hasOwn(FORMATS, name) ? optional.of(FORMATS[name]) : none,
  );
  env.registerFunction('kubernetes.NamedFormat.validate(string): optional<list<string>>', (f: Format, s: string) => {
    const errs = f.validate(s);
    return errs.length === 0 ? none : optional.of(errs);
  });
}
