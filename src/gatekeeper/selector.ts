// Kubernetes label selectors, as Gatekeeper validates (`metav1validation.ValidateLabelSelector`) and
// evaluates them (`metav1.LabelSelectorAsSelector` + `labels.Selector.Matches`), with the same error texts.
import { goFloatText, goQuote } from '../go/strconv.ts';
import { goCompare } from '../go/strings.ts';
import type { JsonValue } from './types.ts';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

// ---------------------------------------------------------------------------------------------
// Go-flavoured formatting shared by every Kubernetes-style error message in the model.

/**
 * Go's `%v` for a number of an unstructured object: integers decode as int64 and print plainly, other numbers
 * are float64 and print as strconv 'g' with the shortest digits (`1.2345675e+06`, not `1234567.5`).
 */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return goFloatText(n);
}

/** Go's `%v` for a value of an unstructured object (`map[k:v]`, `[a b]`, `<nil>`). */
export function goValue(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const keys = Object.keys(v).sort(goCompare);
  return `map[${keys.map((k) => `${k}:${goValue(v[k] ?? null)}`).join(' ')}]`;
}

/** Go's `%T` for a value of an unstructured object. */
export function goType(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** How `field.Error` prints a bad value: strings quoted, scalars bare, anything else as JSON. */
export function fieldValue(v: JsonValue): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** `errors.Aggregate`: one message as is, several deduplicated inside `[a, b]`. */
export function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------
// Label keys and values (`k8s.io/apimachinery/pkg/api/validate/content`).

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;

function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `IsDNS1123Subdomain`; `unit` is how the length limit is worded by the calling package. */
export function dns1123SubdomainErrors(value: string, unit: 'bytes' | 'characters' = 'bytes'): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(`must be no more than 253 ${unit}`);
  if (!new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

/** `IsDNS1123Label`. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push('must be no more than 63 bytes');
  if (!new RegExp(`^${DNS1123_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        'my-name',
        '123-abc',
      ),
    );
  }
  return errs;
}

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';

/** `IsDNS1035Label`. */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push('must be no more than 63 bytes');
  if (!new RegExp(`^${DNS1035_LABEL_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `IsQualifiedName` / `IsLabelKey`. */
export function labelKeyErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of dns1123SubdomainErrors(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push('name part must be no more than 63 bytes');
  if (!new RegExp(`^${LABEL_KEY_FMT}$`).test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

/** `IsValidLabelValue`. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push('must be no more than 63 bytes');
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Decoding: Gatekeeper round-trips the selector through JSON into `metav1.LabelSelector`.

type Decoded = { selector: LabelSelector } | { error: string };

function jsonKind(v: JsonValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Go's encoding/json matches field names exactly first, then case-insensitively. */
function field(obj: { [key: string]: JsonValue }, name: string): JsonValue | undefined {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj)
    .sort(goCompare)
    .find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

function typeError(value: JsonValue, struct: string, path: string, goTypeName: string): string {
  return `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${path} of type ${goTypeName}`;
}

/**
 * Decodes untrusted JSON into a selector the way `json.Unmarshal` into `metav1.LabelSelector` would:
 * nulls are skipped, unknown fields ignored, the first type mismatch (in sorted key order) reported.
 */
export function labelSelectorFromJson(value: JsonValue): Decoded {
  const fail = (message: string): Decoded => ({ error: `Could not convert JSON to LabelSelector: ${message}` });
  if (value === null) return { selector: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.LabelSelector`);
  }
  const selector: LabelSelector = {};
  // matchExpressions sorts before matchLabels, as in the re-marshalled JSON Go decodes.
  const exprs = field(value, 'matchExpressions');
  if (exprs !== undefined && exprs !== null) {
    if (!Array.isArray(exprs)) return fail(typeError(exprs, 'LabelSelector', 'matchExpressions', '[]v1.LabelSelectorRequirement'));
    const out: NonNullable<LabelSelector['matchExpressions']> = [];
    for (const e of exprs) {
      const req: { key: string; operator: string; values?: string[] } = { key: '', operator: '' };
      if (e !== null) {
        if (typeof e !== 'object' || Array.isArray(e)) {
          return fail(typeError(e, 'LabelSelector', 'matchExpressions', 'v1.LabelSelectorRequirement'));
        }
        const key = field(e, 'key');
        if (key !== undefined && key !== null) {
          if (typeof key !== 'string') return fail(typeError(key, 'LabelSelectorRequirement', 'matchExpressions.key', 'string'));
          req.key = key;
        }
        const op = field(e, 'operator');
        if (op !== undefined && op !== null) {
          if (typeof op !== 'string') {
            return fail(typeError(op, 'LabelSelectorRequirement', 'matchExpressions.operator', 'v1.LabelSelectorOperator'));
          }
          req.operator = op;
        }
        const values = field(e, 'values');
        if (values !== undefined && values !== null) {
          if (!Array.isArray(values)) return fail(typeError(values, 'LabelSelectorRequirement', 'matchExpressions.values', '[]string'));
          const vs: string[] = [];
          for (const v of values) {
            if (v === null) vs.push('');
            else if (typeof v !== 'string') return fail(typeError(v, 'LabelSelectorRequirement', 'matchExpressions.values', 'string'));
            else vs.push(v);
          }
          req.values = vs;
        }
      }
      out.push(req);
    }
    selector.matchExpressions = out;
  }
  const labels = field(value, 'matchLabels');
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels)) {
      return fail(typeError(labels, 'LabelSelector', 'matchLabels', 'map[string]string'));
    }
    const out: Record<string, string> = {};
    for (const k of Object.keys(labels).sort(goCompare)) {
      const v = labels[k] ?? null;
      if (v === null) out[k] = '';
      else if (typeof v !== 'string') return fail(typeError(v, 'LabelSelector', 'matchLabels', 'string'));
      else out[k] = v;
    }
    selector.matchLabels = out;
  }
  return { selector };
}

// ---------------------------------------------------------------------------------------------
// Validation and matching.

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * `ValidateLabelSelector` errors, one string per `field.Error` ("<path>.matchLabels: Invalid value: ...").
 * A value that does not even decode as a selector yields the decoding error alone.
 */
export function validateLabelSelector(selector: JsonValue, path: string): string[] {
  const decoded = labelSelectorFromJson(selector);
  if ('error' in decoded) return [decoded.error];
  return labelSelectorFieldErrors(decoded.selector, path);
}

export function labelSelectorFieldErrors(selector: LabelSelector, path: string): string[] {
  const errs: string[] = [];
  const labelsPath = `${path}.matchLabels`;
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? '';
    for (const m of labelKeyErrors(k)) errs.push(`${labelsPath}: Invalid value: ${goQuote(k)}: ${m}`);
    for (const m of labelValueErrors(v)) errs.push(`${labelsPath}: Invalid value: ${goQuote(v)}: ${m}`);
  }
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) errs.push(`${p}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`);
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(`${p}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`);
    } else {
      errs.push(`${p}.operator: Invalid value: ${goQuote(e.operator)}: not a valid selector operator`);
    }
    for (const m of labelKeyErrors(e.key)) errs.push(`${p}.key: Invalid value: ${goQuote(e.key)}: ${m}`);
    values.forEach((v, j) => {
      for (const m of labelValueErrors(v)) errs.push(`${p}.values[${j}]: Invalid value: ${goQuote(v)}: ${m}`);
    });
  });
  return errs;
}

interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** `LabelSelectorAsSelector`: the requirements, or the error text Gatekeeper's matcher would return. */
function requirementsOf(selector: LabelSelector): Requirement[] | { error: string } {
  const reqs: Requirement[] = [];
  const check = (key: string, op: string, values: string[]): string | undefined => {
    const errs: string[] = [];
    const keyErrs = labelKeyErrors(key);
    if (keyErrs.length > 0) errs.push(`key: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
    if ((op === 'In' || op === 'NotIn') && values.length === 0) {
      errs.push(`values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`);
    }
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length !== 0) {
      errs.push(`values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`);
    }
    values.forEach((v, i) => {
      const valueErrs = labelValueErrors(v);
      if (valueErrs.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrs.join('; ')}`);
    });
    return errs.length > 0 ? aggregate(errs) : undefined;
  };
  for (const k of Object.keys(selector.matchLabels ?? {}).sort(goCompare)) {
    const v = selector.matchLabels?.[k] ?? '';
    const err = check(k, 'In', [v]);
    if (err !== undefined) return { error: err };
    reqs.push({ key: k, op: 'In', values: [v] });
  }
  for (const e of selector.matchExpressions ?? []) {
    if (!OPERATORS.has(e.operator)) return { error: `${goQuote(e.operator)} is not a valid label selector operator` };
    const values = e.values ?? [];
    const err = check(e.key, e.operator, values);
    if (err !== undefined) return { error: err };
    reqs.push({ key: e.key, op: e.operator as Requirement['op'], values });
  }
  return reqs;
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'In':
      return has && value !== undefined && r.values.includes(value);
    case 'NotIn':
      return !has || value === undefined || !r.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * Requirements per selector object: a constraint's selectors are parsed once, not once per review. Selectors
 * are not modified once read (they come from a parsed constraint), so the object is the key.
 */
const requirementsCache = new WeakMap<LabelSelector, Requirement[] | { error: string }>();

/** Evaluates a selector; an invalid one yields the error Gatekeeper's matcher reports for it. */
export function evaluateLabelSelector(selector: LabelSelector, labels: Record<string, string>): boolean | { error: string } {
  let reqs = requirementsCache.get(selector);
  if (reqs === undefined) requirementsCache.set(selector, (reqs = requirementsOf(selector)));
  if (!Array.isArray(reqs)) return reqs;
  return reqs.every((r) => requirementMatches(r, labels));
}

/** matchLabels AND matchExpressions; `{}` matches everything; an invalid selector matches nothing. */
export function matchesLabelSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  return evaluateLabelSelector(selector, labels) === true;
}
