// The builtin boundary fails closed: only a builtin's own Go-style error (BuiltinError) makes a call
// undefined, as OPA's non-halting builtin errors do; any other exception thrown inside a host builtin
// fails the evaluation with an error naming the builtin, so a bug cannot silently turn a violation off.
import { describe, expect, it } from 'vitest';
import { BuiltinError, hostBuiltins, type HostBuiltin } from '../../../src/opa/builtins.ts';
import { PolicyError } from '../../../src/opa/wasm.ts';
import { wasmEvalAll } from './wasm-oracle.ts';

function withBuiltin(name: string, fn: HostBuiltin): Record<string, HostBuiltin> {
  return { ...hostBuiltins, [name]: fn };
}

describe('host builtin errors', () => {
  it('a BuiltinError makes the call undefined and evaluation goes on', () => {
    const builtins = withBuiltin('units.parse', () => {
      throw new BuiltinError('units.parse: no amount provided');
    });
    expect(wasmEvalAll(['units.parse("x")', '1 + 1'], builtins)).toEqual(['undefined', '2']);
  });

  for (const [kind, error] of [
    ['TypeError', new TypeError('deliberate bug: cannot read properties of undefined')],
    ['RangeError', new RangeError('Maximum call stack size exceeded')],
    ['SyntaxError', new SyntaxError('Cannot convert x to a BigInt')],
    ['a thrown string', 'not even an Error'],
  ] as const) {
    it(`${kind} thrown inside a builtin is an evaluation error, not undefined`, () => {
      const builtins = withBuiltin('units.parse', () => {
        throw error;
      });
      let caught: unknown;
      try {
        wasmEvalAll(['units.parse("1Ki")', '1 + 1'], builtins);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PolicyError);
      expect((caught as Error).message).toMatch(/^builtin units\.parse failed: /);
      expect((caught as Error).message).toContain(typeof error === 'string' ? error : error.message);
    });
  }

  it('the shipped builtins turn their own failures into undefined (same as opa eval)', () => {
    expect(wasmEvalAll(['units.parse("1x")', 'semver.compare("1", "2")', 'regex.replace("a", "(", "b")'])).toEqual([
      'undefined', 'undefined', 'undefined',
    ]);
  });

  it('the shipped builtins let unexpected exceptions through', () => {
    // hostBuiltins wraps each implementation; only BuiltinError is absorbed there.
    const fn = hostBuiltins['units.parse']!;
    expect(fn({ t: 'string', v: '1x' })).toBeUndefined();
    // A value no parser produces (a malformed RegoValue) is a bug, and must surface.
    expect(() => fn({ t: 'string', v: undefined as unknown as string })).toThrow(TypeError);
  });
});
