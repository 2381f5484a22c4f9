// The policy set of a cluster at one ref: templates, constraints, Config, ExpansionTemplates, inventory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { classify, gvkOf } from '../gatekeeper/classify.ts';
import { isGatekeeperConfig } from '../gatekeeper/config.ts';
import { loadManifestsMemo } from '../gatekeeper/load.ts';
import { listManifestFiles } from '../gatekeeper/read.ts';
import type { InputError, SourcedObject } from '../gatekeeper/types.ts';
import type { RepoSource } from '../source/types.ts';

export interface PolicySet {
  templates: SourcedObject[];
  constraints: SourcedObject[];
  configs: SourcedObject[];
  expansions: SourcedObject[];
  /** `syncset.gatekeeper.sh` SyncSets: with Config `spec.sync`, what the cluster syncs into data.inventory. */
  syncSets: SourcedObject[];
  /** mutations.gatekeeper.sh objects: not applied (gatekeeper/mutation.ts), listed in the Coverage. */
  mutators: SourcedObject[];
  errors: InputError[];
}

export function emptyPolicySet(): PolicySet {
  return { templates: [], constraints: [], configs: [], expansions: [], syncSets: [], mutators: [], errors: [] };
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** Repo files at `ref` under any of `roots` ('.' is the whole repository). */
function filesUnder(files: string[], roots: string[]): string[] {
  const prefixes = roots.map((r) => r.replace(/^\.\/?/, '').replace(/\/+$/, ''));
  return files.filter((f) => prefixes.some((p) => p === '' || f === p || f.startsWith(`${p}/`)));
}

/**
 * Reads every manifest file under `roots` at `ref` and keeps the objects (plain YAML, as kubectl reads
 * it). With `mention`, files whose text does not contain it are skipped unparsed (policy objects all name
 * a `*.gatekeeper.sh` group, and parsing a whole repository twice per check is the cost to avoid).
 */
export async function readObjectsAt(
  source: RepoSource,
  ref: string,
  files: string[],
  roots: string[],
  mention?: string,
): Promise<{ objects: SourcedObject[]; errors: InputError[] }> {
  const wanted = filesUnder(files, roots).filter((f) => MANIFEST.test(f));
  const objects: SourcedObject[] = [];
  const errors: InputError[] = [];
  const texts = await Promise.all(wanted.map((f) => source.readFile(ref, f)));
  wanted.forEach((file, i) => {
    const buf = texts[i];
    if (!buf) return;
    if (mention !== undefined && !buf.includes(mention)) return;
    const r = loadManifestsMemo(buf.toString('utf8'), file, { yamlVersion: '1.1' });
    objects.push(...r.objects);
    errors.push(...r.errors);
  });
  return { objects, errors };
}

/** Splits objects into the policy roles Gatekeeper gives them; everything else is left out. */
export function policySetOf(objects: SourcedObject[], errors: InputError[] = []): PolicySet {
  const set = emptyPolicySet();
  set.errors.push(...errors);
  for (const o of objects) {
    switch (classify(o.object)) {
      case 'ConstraintTemplate':
        set.templates.push(o);
        break;
      case 'Constraint':
        set.constraints.push(o);
        break;
      case 'Config':
        if (isGatekeeperConfig(o.object)) set.configs.push(o);
        break;
      case 'ExpansionTemplate':
        set.expansions.push(o);
        break;
      case 'Mutator':
        set.mutators.push(o);
        break;
      default: {
        const gvk = gvkOf(o.object);
        if (gvk.group === 'syncset.gatekeeper.sh' && gvk.kind === 'SyncSet') set.syncSets.push(o);
        break;
      }
    }
  }
  return set;
}

/** preadmit's own policy library, read from disk (the same at base and head). */
export async function readShippedPolicies(dir: string): Promise<PolicySet> {
  const { files } = await listManifestFiles([dir]);
  const objects: SourcedObject[] = [];
  const errors: InputError[] = [];
  for (const file of files) {
    const r = loadManifestsMemo(await readFile(file, 'utf8'), `preadmit:${path.relative(dir, file)}`, { yamlVersion: '1.2' });
    objects.push(...r.objects);
    errors.push(...r.errors);
  }
  // Suites, samples and alternative example constraints live beside the templates: each policy applies
  // through its one `constraint.yaml`.
  const set = policySetOf(objects, errors);
  set.constraints = set.constraints.filter((c) => path.basename(c.source.file) === 'constraint.yaml');
  set.templates = set.templates.filter((t) => path.basename(t.source.file) === 'template.yaml');
  return set;
}

export function mergePolicySets(a: PolicySet, b: PolicySet): PolicySet {
  return {
    templates: [...a.templates, ...b.templates],
    constraints: [...a.constraints, ...b.constraints],
    configs: [...a.configs, ...b.configs],
    expansions: [...a.expansions, ...b.expansions],
    syncSets: [...a.syncSets, ...b.syncSets],
    mutators: [...a.mutators, ...b.mutators],
    errors: [...a.errors, ...b.errors],
  };
}
