// ExpansionTemplates: the pods a Deployment (or any workload) would create, reviewed as if they existed.
import { gvkOf, isObject, metadataOf, nameOf, namespaceOf } from './classify.ts';
import type { InputError, JsonObject, JsonValue, SourcedObject, SourceLocation } from './types.ts';

export interface ExpansionTemplate {
  name: string;
  applyTo: Array<{ groups: string[]; kinds: string[]; versions: string[] }>;
  templateSource: string;
  generatedGVK: { group: string; version: string; kind: string };
  enforcementAction: string;
  source: SourceLocation;
}

export interface Resultant {
  object: JsonObject;
  templateName: string;
  enforcementAction: string;
}

const MAX_DEPTH = 30;

function strings(v: JsonValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Validates an ExpansionTemplate as Gatekeeper does (pkg/expansion ValidateTemplate). */
export function parseExpansionTemplate(sourced: SourcedObject): { template: ExpansionTemplate } | { error: InputError } {
  const { object, source } = sourced;
  const name = nameOf(object);
  const fail = (why: string) => ({ error: { kind: 'expansion' as const, message: `${source.file}:${source.startLine}: ExpansionTemplate ${JSON.stringify(name)}: ${why}`, source } });
  const spec = isObject(object.spec) ? object.spec : {};
  if (name === '') return fail('metadata.name is required');
  if (name.length >= 64) return fail(`name ${name} must be less than 64 characters`);
  const applyTo = (Array.isArray(spec.applyTo) ? spec.applyTo : []).filter(isObject).map((a) => ({ groups: strings(a.groups), kinds: strings(a.kinds), versions: strings(a.versions) }));
  if (applyTo.length === 0) return fail('spec.applyTo must be non-empty');
  const templateSource = typeof spec.templateSource === 'string' ? spec.templateSource : '';
  if (templateSource === '') return fail('spec.templateSource must be non-empty');
  const g = isObject(spec.generatedGVK) ? spec.generatedGVK : {};
  const generatedGVK = {
    group: typeof g.group === 'string' ? g.group : '',
    version: typeof g.version === 'string' ? g.version : '',
    kind: typeof g.kind === 'string' ? g.kind : '',
  };
  if (generatedGVK.version === '' && generatedGVK.kind === '' && generatedGVK.group === '') return fail('spec.generatedGVK must be non-empty');
  for (const a of applyTo) {
    if (a.groups.includes(generatedGVK.group) && a.versions.includes(generatedGVK.version) && a.kinds.includes(generatedGVK.kind)) {
      return fail('spec.applyTo must not include the generatedGVK (it would expand itself)');
    }
  }
  const enforcementAction = typeof spec.enforcementAction === 'string' ? spec.enforcementAction : '';
  return { template: { name, applyTo, templateSource, generatedGVK, enforcementAction, source } };
}

function applies(t: ExpansionTemplate, object: JsonObject): boolean {
  const gvk = gvkOf(object);
  return t.applyTo.some((a) => a.groups.includes(gvk.group) && a.versions.includes(gvk.version) && a.kinds.includes(gvk.kind));
}

function lookupPath(object: JsonObject, path: string): JsonValue | undefined {
  let cur: JsonValue | undefined = object;
  for (const part of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** The resultant of one template for one parent; throws with Gatekeeper's wording when it cannot be built. */
function expandOne(parent: JsonObject, namespace: JsonObject | null, t: ExpansionTemplate): JsonObject {
  const src = lookupPath(parent, t.templateSource);
  if (src !== undefined && !isObject(src)) {
    throw new Error(`could not extract source field from unstructured: .${t.templateSource} accessor error: ${JSON.stringify(src)} is of the type ${typeof src}, expected map[string]interface{}`);
  }
  if (src === undefined) throw new Error(`could not find source field ${JSON.stringify(t.templateSource)} in resource ${nameOf(parent)}`);
  const resultant = structuredClone(src) as JsonObject;
  const { group, version, kind } = t.generatedGVK;
  resultant.apiVersion = group === '' ? version : `${group}/${version}`;
  resultant.kind = kind;
  const meta = isObject(resultant.metadata) ? resultant.metadata : {};
  resultant.metadata = meta;
  const ns = namespace !== null ? nameOf(namespace) : namespaceOf(parent);
  if (namespace !== null || 'namespace' in metadataOf(parent)) {
    if (ns === '') delete meta.namespace;
    else meta.namespace = ns;
  }
  const name = `${nameOf(parent)}${kind !== '' ? '-' : ''}${kind}`.toLowerCase();
  if (name === '') delete meta.name;
  else meta.name = name;
  const parentApiVersion = typeof parent.apiVersion === 'string' ? parent.apiVersion : '';
  const parentKind = typeof parent.kind === 'string' ? parent.kind : '';
  const parentName = nameOf(parent);
  if (parentApiVersion !== '' && parentKind !== '' && parentName !== '') {
    const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObject) : [];
    if (!refs.some((r) => r.apiVersion === parentApiVersion && r.kind === parentKind && r.name === parentName)) {
      meta.ownerReferences = [...refs, { apiVersion: parentApiVersion, kind: parentKind, name: parentName, uid: '' }];
    }
  }
  return resultant;
}

/** All resultants of `parent`, recursively (a CronJob yields a Job, which yields a Pod). */
export function expand(parent: JsonObject, namespace: JsonObject | null, templates: ExpansionTemplate[]): Resultant[] {
  const out: Resultant[] = [];
  const walk = (obj: JsonObject, depth: number): void => {
    if (depth >= MAX_DEPTH) throw new Error(`maximum recursion depth of ${MAX_DEPTH} reached`);
    const gvk = gvkOf(obj);
    if (gvk.kind === '' && gvk.version === '' && gvk.group === '') throw new Error(`cannot expand resource ${nameOf(obj)} with empty GVK`);
    const level: Resultant[] = [];
    for (const t of templates) {
      if (!applies(t, obj)) continue;
      level.push({ object: expandOne(obj, namespace, t), templateName: t.name, enforcementAction: t.enforcementAction });
    }
    // Gatekeeper appends a level's resultants after those of their own descendants.
    for (const r of level) walk(r.object, depth + 1);
    out.push(...level);
  };
  walk(parent, 0);
  return out;
}

/** The message prefix Gatekeeper gives results of expanded resources. */
export function impliedByPrefix(templateName: string): string {
  return `[Implied by ${templateName}] `;
}
