import { describe, expect, it } from 'vitest';
import {
  aggregate,
  evaluateLabelSelector,
  goNumber,
  labelKeyErrors,
  labelSelectorFromJson,
  matchesLabelSelector,
  validateLabelSelector,
} from '../../src/gatekeeper/selector.ts';

const KEY_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{ matchLabels: { app: 'web', tier: 'back' } }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
    // invalid selectors match nothing
    [{ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, false],
  ])('%j → %s', (sel, want) => expect(matchesLabelSelector(sel, labels)).toBe(want));

  it('reports why an invalid selector cannot be evaluated', () => {
    expect(evaluateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, {})).toEqual({
      error: '"Foo" is not a valid label selector operator',
    });
    const bad = evaluateLabelSelector({ matchLabels: { 'a b': 'c' } }, {});
    expect(bad).toEqual({ error: `key: Invalid value: "a b": ${KEY_MSG}` });
  });
});

describe('validateLabelSelector (ValidateLabelSelector, texts as gator prints them)', () => {
  it('accepts valid selectors', () => {
    expect(validateLabelSelector({}, 'spec.labelSelector')).toEqual([]);
    expect(validateLabelSelector({ matchLabels: { 'example.com/app': 'web', empty: '' } }, 'p')).toEqual([]);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'p')).toEqual([]);
  });

  it('bad operator', () => {
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, 'spec.labelSelector')).toEqual([
      'spec.labelSelector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
    ]);
  });

  it('bad label key and value in matchLabels', () => {
    expect(validateLabelSelector({ matchLabels: { 'a b': 'c d' } }, 'spec.labelSelector')).toEqual([
      `spec.labelSelector.matchLabels: Invalid value: "a b": ${KEY_MSG}`,
      `spec.labelSelector.matchLabels: Invalid value: "c d": ${VALUE_MSG}`,
    ]);
  });

  it('values required for In/NotIn, forbidden for Exists/DoesNotExist, validated as label values', () => {
    expect(
      validateLabelSelector(
        {
          matchExpressions: [
            { key: 'a', operator: 'In' },
            { key: 'a', operator: 'DoesNotExist', values: ['x'] },
            { key: 'a', operator: 'NotIn', values: ['bad value'] },
          ],
        },
        'p',
      ),
    ).toEqual([
      "p.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "p.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      `p.matchExpressions[2].values[0]: Invalid value: "bad value": ${VALUE_MSG}`,
    ]);
  });

  it('missing key', () => {
    expect(validateLabelSelector({ matchExpressions: [{ operator: 'Exists' }] }, 'spec.labelSelector')).toEqual([
      'spec.labelSelector.matchExpressions[0].key: Invalid value: "": name part must be non-empty',
      `spec.labelSelector.matchExpressions[0].key: Invalid value: "": ${KEY_MSG}`,
    ]);
  });

  it('wrong JSON types are decoding errors, as Go json.Unmarshal words them', () => {
    const e = (v: Parameters<typeof validateLabelSelector>[0]): string[] => validateLabelSelector(v, 'p');
    const prefix = 'Could not convert JSON to LabelSelector: json: cannot unmarshal';
    expect(e({ matchLabels: { a: 1 } })).toEqual([`${prefix} number into Go struct field LabelSelector.matchLabels of type string`]);
    expect(e({ matchLabels: 'x' })).toEqual([`${prefix} string into Go struct field LabelSelector.matchLabels of type map[string]string`]);
    expect(e({ matchExpressions: 'x' })).toEqual([
      `${prefix} string into Go struct field LabelSelector.matchExpressions of type []v1.LabelSelectorRequirement`,
    ]);
    expect(e({ matchExpressions: [{ key: 'a', operator: 'In', values: [1] }] })).toEqual([
      `${prefix} number into Go struct field LabelSelectorRequirement.matchExpressions.values of type string`,
    ]);
    expect(e({ matchExpressions: [{ key: true, operator: 'In' }] })).toEqual([
      `${prefix} bool into Go struct field LabelSelectorRequirement.matchExpressions.key of type string`,
    ]);
    expect(e({ matchExpressions: [['x']] })).toEqual([
      `${prefix} array into Go struct field LabelSelector.matchExpressions of type v1.LabelSelectorRequirement`,
    ]);
    expect(e('x')).toEqual([`${prefix} string into Go value of type v1.LabelSelector`]);
  });

  it('decoding skips nulls and unknown fields', () => {
    expect(labelSelectorFromJson({ matchLabels: null, other: 1 })).toEqual({ selector: {} });
    expect(labelSelectorFromJson({ matchExpressions: [null] })).toEqual({ selector: { matchExpressions: [{ key: '', operator: '' }] } });
  });
});

describe('Go formatting helpers', () => {
  it('goNumber', () => {
    expect(goNumber(3)).toBe('3');
    expect(goNumber(1.5)).toBe('1.5');
    expect(goNumber(1e21)).toBe('1e+21');
    expect(goNumber(0.00001)).toBe('1e-05');
    expect(goNumber(1234567.5)).toBe('1.2345675e+06');
  });
  it('aggregate', () => {
    expect(aggregate(['a'])).toBe('a');
    expect(aggregate(['a', 'b', 'a'])).toBe('[a, b]');
  });
  it('labelKeyErrors: prefixes and slashes', () => {
    expect(labelKeyErrors('example.com/app')).toEqual([]);
    expect(labelKeyErrors('/app')).toEqual(['prefix part must be non-empty']);
    expect(labelKeyErrors('a/b/c')[0]).toMatch(/^a valid label key must consist/);
    expect(labelKeyErrors('x'.repeat(64))).toContain('name part must be no more than 63 bytes');
  });
});
