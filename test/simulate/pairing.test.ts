// Pairing, unit level: which head object is which base object, and which head violation is which base one.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/gatekeeper/types.ts';
import type { RenderedObject } from '../../src/render/types.ts';
import { diffClusters, type RefOutcome, type ReviewedViolation } from '../../src/simulate/diff.ts';
import { generatedVariants, objectRef, pairObjects } from '../../src/simulate/identity.ts';
import { emptyPolicySet } from '../../src/simulate/policies.ts';

function obj(kind: string, name: string, root: string, file = `${root}.yaml`, data: Record<string, string> = {}): RenderedObject {
  const object: JsonObject = { apiVersion: 'v1', kind, metadata: { name, namespace: 'ns' }, data };
  return { object, source: { file, startLine: 1, endLine: 5 }, root };
}

function outcome(ref: 'base' | 'head', violations: ReviewedViolation[], errors: RefOutcome['errors'] = []): RefOutcome {
  return { ref, violations, errors, reviews: violations.length, constraints: [], policies: emptyPolicySet(), constraintSources: new Map() };
}

function violation(o: RenderedObject, message: string, constraintName = 'c'): ReviewedViolation {
  return {
    constraintKind: 'K',
    constraintName,
    constraintSource: { file: 'policies/c.yaml', startLine: 1, endLine: 1 },
    actions: ['deny'],
    object: objectRef(o.object),
    objectSource: o.source,
    message,
    operation: 'CREATE',
    root: o.root,
    objectMeta: {},
  };
}

function diff(base: RenderedObject[], head: RenderedObject[], bv: ReviewedViolation[], hv: ReviewedViolation[], be: RefOutcome['errors'] = [], he: RefOutcome['errors'] = []) {
  return diffClusters({
    cluster: 'default',
    base: outcome('base', bv, be),
    head: outcome('head', hv, he),
    baseObjects: base,
    headObjects: head,
    allowedNamespaces: undefined,
    enforcementPoint: 'validation.gatekeeper.sh',
  });
}

describe('generated names', () => {
  it('kustomize hash suffixes (its alphabet, ten characters) after the same stem', () => {
    expect(generatedVariants('app-config-5dk2fg7k9b', 'app-config-t4mbh2c8kd', false)).toBe(true);
    expect(generatedVariants('app-config-5dk2fg7k9b', 'other-config-t4mbh2c8kd', false)).toBe(false);
    // `a`, `e`, `0`, `1`, `3` never appear in kustomize's hash spelling.
    expect(generatedVariants('app-config-aaaaaaaaaa', 'app-config-t4mbh2c8kd', false)).toBe(false);
  });

  it('helm random runs: same length, letters and digits, a common part around them; only for helm', () => {
    expect(generatedVariants('web-test-x7k2qz', 'web-test-ab91mm', true)).toBe(true);
    expect(generatedVariants('x7k2qz-web-test', 'ab91mm-web-test', true)).toBe(true);
    expect(generatedVariants('web-test-x7k2qz', 'web-test-ab91mm', false)).toBe(false);
    expect(generatedVariants('api', 'api-v2', true)).toBe(false);
    expect(generatedVariants('web-ab', 'web-cd', true)).toBe(false);
    expect(generatedVariants('abcdef', 'ghijkl', true)).toBe(false);
  });
});

describe('pairObjects', () => {
  it('pairs the same key first at the same root; copies from two roots stay apart and are listed as duplicates', () => {
    const a1 = obj('ConfigMap', 'cm', 'plain:a');
    const b1 = obj('ConfigMap', 'cm', 'plain:b');
    const a2 = obj('ConfigMap', 'cm', 'plain:a');
    const b2 = obj('ConfigMap', 'cm', 'plain:b');
    const p = pairObjects([a1, b1], [b2, a2]);
    expect(p.pairs.map((x) => [x.base?.root, x.head?.root])).toEqual([
      ['plain:a', 'plain:a'],
      ['plain:b', 'plain:b'],
    ]);
    expect(new Set(p.pairs.map((x) => x.identity)).size).toBe(2);
    expect(p.duplicates.map((d) => `${d.ref} ${d.copies.length}`)).toEqual(['base 2', 'head 2']);
    expect(p.previous(a2)).toBe(a1);
  });

  it('pairs a re-hashed generated name, keeps the base identity, and is no UPDATE (the name differs)', () => {
    const before = obj('ConfigMap', 'cfg-5dk2fg7k9b', 'kustomize:app', 'app/kustomization.yaml');
    const after = obj('ConfigMap', 'cfg-t4mbh2c8kd', 'kustomize:app', 'app/kustomization.yaml');
    const p = pairObjects([before], [after]);
    expect(p.pairs).toHaveLength(1);
    expect(p.pairs[0]).toMatchObject({ renamed: true, identity: '/ConfigMap/ns/cfg-5dk2fg7k9b' });
    expect(p.identity('head', 'kustomize:app', objectRef(after.object))).toBe('/ConfigMap/ns/cfg-5dk2fg7k9b');
    expect(p.previous(after)).toBeUndefined();
    expect(p.baseWording(p.pairs[0]!.identity, 'ConfigMap cfg-t4mbh2c8kd is bad')).toBe('ConfigMap cfg-5dk2fg7k9b is bad');
  });

  it('a helm random name pairs with the same template file, also across a git rename of that file', () => {
    const before = obj('Pod', 'r-test-abc12', 'helm:charts/r#r', 'charts/r/templates/test.yaml');
    const after = obj('Pod', 'r-test-zz9y8', 'helm:charts/r#r', 'charts/r/templates/tests/test.yaml');
    const p = pairObjects([before], [after], new Map([['charts/r/templates/test.yaml', 'charts/r/templates/tests/test.yaml']]));
    expect(p.pairs.map((x) => x.renamed)).toEqual([true]);
  });
});

describe('renames of a whole kustomization (namePrefix / nameSuffix)', () => {
  const k = (name: string, kind = 'ConfigMap') => obj(kind, name, 'kustomize:apps/prod', 'apps/base/all.yaml');

  it('one prefix change explaining every object of the root pairs them all, hash suffixes aside', () => {
    const p = pairObjects([k('prod-web'), k('prod-db'), k('prod-cfg-5dk2fg7k9b')], [k('prd-web'), k('prd-db'), k('prd-cfg-t4mbh2c8kd'), k('prd-new')]);
    expect(p.pairs.filter((x) => x.renamed).map((x) => `${x.base!.object.metadata && (x.base!.object.metadata as { name: string }).name}`).sort()).toEqual([
      'prod-cfg-5dk2fg7k9b',
      'prod-db',
      'prod-web',
    ]);
    expect(p.pairs.filter((x) => !x.base).map((x) => (x.head!.object.metadata as { name: string }).name)).toEqual(['prd-new']);
  });

  it('a suffix added to every object', () => {
    const p = pairObjects([k('web'), k('db')], [k('web-v2'), k('db-v2')]);
    expect(p.pairs.map((x) => x.renamed)).toEqual([true, true]);
  });

  it('a single object renamed, or renames that do not share one change, are not paired', () => {
    expect(pairObjects([k('old-web')], [k('new-web')]).pairs.some((x) => x.renamed)).toBe(false);
    expect(pairObjects([k('old-web'), k('db')], [k('new-web'), k('database')]).pairs.some((x) => x.renamed)).toBe(false);
    // Outside kustomize, never.
    const plain = (name: string) => obj('ConfigMap', name, 'plain:a');
    expect(pairObjects([plain('prod-web'), plain('prod-db')], [plain('prd-web'), plain('prd-db')]).pairs.some((x) => x.renamed)).toBe(false);
  });
});

describe('violation pairing', () => {
  const base = obj('ConfigMap', 'cm', 'plain:a');
  const head = obj('ConfigMap', 'cm', 'plain:a', 'plain:a.yaml', { x: '1' });

  it('exact messages first, then changed, the surplus new or fixed', () => {
    const r = diff([base], [head], [violation(base, 'm1'), violation(base, 'm2'), violation(base, 'old')], [violation(head, 'm1'), violation(head, 'new-a'), violation(head, 'new-b'), violation(head, 'new-c')]);
    expect(r.findings.map((f) => `${f.category} ${f.message}${f.previousMessage ? ` (was ${f.previousMessage})` : ''}`).sort()).toEqual([
      'changed new-a (was m2)',
      'changed new-b (was old)',
      'new new-c',
      'unchanged m1',
    ]);
  });

  it('different constraints or objects never pair', () => {
    const other = obj('ConfigMap', 'other', 'plain:a');
    const r = diff([base, other], [head, other], [violation(base, 'a', 'c1')], [violation(head, 'b', 'c2'), violation(other, 'a', 'c1')]);
    expect(r.findings.map((f) => `${f.category} ${f.constraint.name} ${f.object.name}`).sort()).toEqual(['fixed c1 cm', 'new c1 other', 'new c2 cm']);
  });

  it('more base violations than head ones: the surplus is fixed', () => {
    const r = diff([base], [head], [violation(base, 'a'), violation(base, 'b')], [violation(head, 'c')]);
    expect(r.findings.map((f) => f.category).sort()).toEqual(['changed', 'fixed']);
  });

  it('head errors the base has are existing; others are new', () => {
    const e = (message: string, line: number) => ({ kind: 'render' as const, message: `apps/x.yaml:${line}: ${message}`, source: { file: 'apps/x.yaml', startLine: line, endLine: line } });
    const r = diff([], [], [], [], [e('broken', 3)], [e('broken', 7), e('another', 9)]);
    expect(r.errors.map((x) => `${x.ref} ${x.existing ? 'existing' : '-'} ${x.error.message}`)).toEqual([
      'base - apps/x.yaml:3: broken',
      'head existing apps/x.yaml:7: broken',
      'head - apps/x.yaml:9: another',
    ]);
  });
});
