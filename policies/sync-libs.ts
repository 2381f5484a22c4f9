// Keeps the Rego libraries embedded in the templates identical to their one home, policies/lib/*.rego.
//
// Gatekeeper wants every library inlined in each template (`libs:` as strings), so the same text is
// repeated across templates. The canonical copy of `package lib.<name>` lives in policies/lib/<name>.rego;
// this script rewrites every embedded copy from it (`--write`), or lists the templates that drifted
// (default, exit 1 on drift).
//
//   node --import tsx policies/sync-libs.ts           # check
//   node --import tsx policies/sync-libs.ts --write   # rewrite templates in place
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap, isSeq, isScalar, Scalar, type Document } from 'yaml';

export const POLICIES_DIR = dirname(fileURLToPath(import.meta.url));

export interface LibDrift {
  template: string;
  lib: string;
  problem: string;
}

/** The canonical library sources, by package name (`lib.pods` → text of policies/lib/pods.rego). */
export function canonicalLibs(root: string = POLICIES_DIR): Map<string, string> {
  const libs = new Map<string, string>();
  const dir = join(root, 'lib');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rego')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const pkg = packageOf(text);
    if (pkg !== undefined) libs.set(pkg, text);
  }
  return libs;
}

/** `package lib.x` → `lib.x`; undefined when the text declares no package. */
export function packageOf(rego: string): string | undefined {
  const m = /^package\s+([A-Za-z0-9_.]+)/m.exec(rego);
  return m?.[1];
}

/** Every policies/<name>/template.yaml. */
export function templateFiles(root: string = POLICIES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, d.name, 'template.yaml'))
    .filter((f) => existsSync(f))
    .sort();
}

/** The `libs` sequences of a template: the legacy `targets[].libs` and `targets[].code[].source.libs`. */
function libSequences(doc: Document): unknown[] {
  const found: unknown[] = [];
  const targets = doc.getIn(['spec', 'targets'], true);
  if (!isSeq(targets)) return found;
  for (const target of targets.items) {
    if (!isMap(target)) continue;
    found.push(target.get('libs', true));
    const code = target.get('code', true);
    if (!isSeq(code)) continue;
    for (const entry of code.items) {
      if (isMap(entry)) found.push(entry.getIn(['source', 'libs'], true));
    }
  }
  return found.filter((s) => isSeq(s));
}

/** Compares (and with `write`, rewrites) the embedded libraries of every template. */
export function syncLibs(options: { root?: string; write?: boolean } = {}): LibDrift[] {
  const root = options.root ?? POLICIES_DIR;
  const libs = canonicalLibs(root);
  const drift: LibDrift[] = [];
  for (const file of templateFiles(root)) {
    const name = relative(root, file);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    let changed = false;
    for (const seq of libSequences(doc)) {
      if (!isSeq(seq)) continue;
      for (const item of seq.items) {
        if (!isScalar(item) || typeof item.value !== 'string') {
          drift.push({ template: name, lib: '?', problem: 'a libs entry is not a string' });
          continue;
        }
        const pkg = packageOf(item.value);
        const canonical = pkg === undefined ? undefined : libs.get(pkg);
        if (pkg === undefined || canonical === undefined) {
          drift.push({ template: name, lib: pkg ?? '?', problem: `no policies/lib/*.rego declares package ${pkg ?? '(none)'}` });
          continue;
        }
        if (item.value !== canonical) {
          drift.push({ template: name, lib: pkg, problem: 'differs from policies/lib' });
          item.value = canonical;
          item.type = Scalar.BLOCK_LITERAL;
          changed = true;
        }
      }
    }
    if (options.write === true && changed) writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  }
  return drift;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const write = process.argv.includes('--write');
  const drift = syncLibs({ write });
  for (const d of drift) console.log(`${d.template}: ${d.lib}: ${d.problem}${write ? ' (rewritten)' : ''}`);
  if (!write && drift.length > 0) process.exit(1);
}
