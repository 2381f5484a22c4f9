// Secret values stay in memory for the engine; whatever is printed or logged shows them masked.
import { gvkOf, isObject } from '../gatekeeper/classify.ts';
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';

export const MASK = '***';

function isSecret(object: JsonObject): boolean {
  const gvk = gvkOf(object);
  return gvk.group === '' && gvk.kind === 'Secret';
}

/** A copy of `object` whose Secret `data` and `stringData` values read `***`; other objects are returned as they are. */
export function maskSecret(object: JsonObject): JsonObject {
  if (!isSecret(object)) return object;
  const copy: JsonObject = { ...object };
  for (const field of ['data', 'stringData']) {
    const values = object[field];
    if (!isObject(values)) continue;
    const masked: { [k: string]: JsonValue } = {};
    // defineProperty: a key such as "__proto__" stays an ordinary key.
    for (const key of Object.keys(values)) Object.defineProperty(masked, key, { value: MASK, enumerable: true, writable: true, configurable: true });
    copy[field] = masked;
  }
  // `kubectl apply` keeps the whole object, values included, in this annotation.
  const meta = isObject(object.metadata) ? object.metadata : undefined;
  const annotations = meta && isObject(meta.annotations) ? meta.annotations : undefined;
  if (meta && annotations && LAST_APPLIED in annotations) {
    copy.metadata = { ...meta, annotations: { ...annotations, [LAST_APPLIED]: MASK } };
  }
  return copy;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Every Secret value among `objects`, as written and, for `data`, base64-decoded. */
export function secretValues(objects: Iterable<JsonObject>): Set<string> {
  const out = new Set<string>();
  for (const object of objects) {
    if (!isSecret(object)) continue;
    for (const field of ['data', 'stringData']) {
      const values = object[field];
      if (!isObject(values)) continue;
      for (const v of Object.values(values)) {
        if (typeof v !== 'string') continue;
        out.add(v);
        if (field === 'data') out.add(Buffer.from(v, 'base64').toString('utf8'));
      }
    }
  }
  // Very short values would mask ordinary words of a message without protecting anything.
  for (const v of out) if (v.trim().length < 4) out.delete(v);
  return out;
}

/** `text` with every known secret value replaced by `***`, longest first. */
export function redactSecrets(text: string, values: Set<string>): string {
  let out = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) out = out.split(v).join(MASK);
  return out;
}
