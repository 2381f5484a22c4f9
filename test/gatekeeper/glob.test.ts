import { describe, expect, it } from 'vitest';
import { isValidGlob, matchesGenerateName, matchesGlob } from '../../src/gatekeeper/glob.ts';

describe('matchesGlob (wildcard.Matches)', () => {
  it.each([
    ['kube-system', 'kube-system', true],
    ['kube-system', 'kube-public', false],
    ['kube-*', 'kube-system', true],
    ['kube-*', 'kube-', true],
    ['kube-*', 'xkube-system', false],
    ['*-system', 'gatekeeper-system', true],
    ['*-system', 'system-x', false],
    ['*sys*', 'a-sys-b', true],
    ['*sys*', 'sys', true],
    ['*sys*', 'sy', false],
    ['*', '', true],
    ['*', 'anything', true],
    ['**', 'x', true],
    ['', '', true],
    ['', 'x', false],
    ['a*b', 'a*b', true], // an inner * is literal
    ['a*b', 'axb', false],
  ])('%j vs %j → %s', (pattern, value, want) => {
    expect(matchesGlob(pattern, value)).toBe(want);
  });
});

describe('matchesGenerateName', () => {
  it('only prefix and contains globs can match a generateName', () => {
    expect(matchesGenerateName('web-*', 'web-')).toBe(true);
    expect(matchesGenerateName('web-*', 'api-')).toBe(false);
    expect(matchesGenerateName('*eb*', 'web-')).toBe(true);
    expect(matchesGenerateName('*-web', 'x-web')).toBe(false);
    expect(matchesGenerateName('web-', 'web-')).toBe(false);
  });
});

describe('isValidGlob (CRD pattern)', () => {
  it.each([
    ['kube-system', true],
    ['*-system', true],
    ['*x*', true],
    ['a:b', true],
    ['', true],
    ['Kube', false],
    ['a*b', false],
    ['**x', false],
    ['a_b', false],
    ['a.b', false],
  ])('%j → %s', (p, want) => expect(isValidGlob(p)).toBe(want));
});
