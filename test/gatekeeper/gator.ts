// Runs the real, pinned `gator test -o json` on a throw-away directory of objects: the oracle the
// model's differential tests compare against.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JsonObject } from '../../src/gatekeeper/types.ts';

const GATOR = resolve(import.meta.dirname, '../../.tools/bin/gator');

interface GatorResult {
  target: string;
  msg: string;
  constraint: JsonObject;
  enforcementAction: string;
  scopedActions?: string[];
  violatingObject: JsonObject;
}

export interface GatorRun {
  exitCode: number;
  /** Parsed `-o json` output; [] for `null`; undefined when gator failed before printing results. */
  results: GatorResult[] | undefined;
  /** Everything gator wrote to stderr (errors such as "adding constraint ...") and unparsed stdout. */
  errorText: string;
}

/** Writes each object as its own JSON file (JSON is what every YAML reader agrees on) and runs gator. */
export function runGator(objects: JsonObject[]): GatorRun {
  const dir = mkdtempSync(join(tmpdir(), 'preadmit-gator-'));
  try {
    objects.forEach((o, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}.json`), JSON.stringify(o)));
    const r = spawnSync(GATOR, ['test', '-o', 'json', '-f', dir], { encoding: 'utf8', timeout: 60_000 });
    const stdout = r.stdout ?? '';
    let results: GatorResult[] | undefined;
    try {
      const parsed: unknown = JSON.parse(stdout);
      results = parsed === null ? [] : (parsed as GatorResult[]);
    } catch {
      results = undefined;
    }
    return {
      exitCode: r.status ?? -1,
      results,
      errorText: (r.stderr ?? '') + (results === undefined ? stdout : ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text gator prints after `adding constraint "<name>": `, or undefined if it did not fail there. */
export function constraintError(run: GatorRun, name: string): string | undefined {
  const marker = `adding constraint ${JSON.stringify(name)}: `;
  const at = run.errorText.indexOf(marker);
  if (at < 0) return undefined;
  return run.errorText.slice(at + marker.length).split('\n')[0]?.trimEnd();
}

/**
 * The individual errors of a schema-validation aggregate: Go prints them in map order (random), so
 * differential tests compare them as sets.
 */
export function splitSchemaErrors(text: string): string[] {
  const prefix = 'schema validation failed: ';
  let body = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  if (body.startsWith('[[]')) body = body.slice(1, -1);
  return body.split(/, (?=\[\][.:])/).sort();
}

/** A template whose every constraint reports `hit <parameters>` for every object it matches. */
export function alwaysTemplate(kind: string, opts: { apiVersion?: string; schema?: JsonObject; legacySchema?: boolean } = {}): JsonObject {
  const validation: JsonObject = {};
  if (opts.schema !== undefined) validation.openAPIV3Schema = opts.schema;
  if (opts.legacySchema !== undefined) validation.legacySchema = opts.legacySchema;
  return {
    apiVersion: `templates.gatekeeper.sh/${opts.apiVersion ?? 'v1'}`,
    kind: 'ConstraintTemplate',
    metadata: { name: kind.toLowerCase() },
    spec: {
      crd: { spec: { names: { kind }, ...(Object.keys(validation).length > 0 ? { validation } : {}) } },
      targets: [
        {
          target: 'admission.k8s.gatekeeper.sh',
          rego: `package ${kind.toLowerCase()}\nviolation[{"msg": msg}] {\n  msg := sprintf("hit %v", [input.parameters])\n}\n`,
        },
      ],
    },
  };
}
