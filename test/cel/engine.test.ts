// The CEL engine on its own: bounded evaluation of hostile expressions, the decisions Kubernetes'
// validator makes of errors (failurePolicy), lazy variables, match conditions, and that nothing throws.
// What a correct template yields is compared with the real gator in test/conformance (cel-* cases).
import { describe, expect, it } from 'vitest';
import { compileCel, validateCel, type CelInputs, type CelSource } from '../../src/cel/engine.ts';

const OUT_OF_BUDGET = 'validation failed due to running out of cost budget, no further validation rules will be run';

function source(partial: Partial<CelSource>): CelSource {
  return { validations: [], variables: [], matchConditions: [], failurePolicy: undefined, ...partial };
}

function inputs(object: unknown = { metadata: { name: 'web', labels: { app: 'shop' } }, spec: { replicas: 3 } }): CelInputs {
  return {
    object: object as CelInputs['object'],
    oldObject: null,
    request: { operation: '', kind: { group: '', version: 'v1', kind: 'Pod' } },
    namespaceObject: null,
    params: { spec: { parameters: { max: 2 } } },
  };
}

function messages(src: Partial<CelSource>, input: CelInputs = inputs()): string[] {
  return validateCel(compileCel(source(src)), input).map((d) => d.message);
}

const v = (expression: string, message = '', messageExpression = '') => ({ expression, message, messageExpression });

describe('bounded evaluation', () => {
  const nested = `lists.range(100).all(a, lists.range(100).all(b, lists.range(100).all(c, lists.range(100).all(d, true))))`;

  it('stops a combinatorial expression at the cost budget with Kubernetes\' message', () => {
    expect(messages({ validations: [v(nested), v('false', 'still evaluated? no')] })).toEqual([OUT_OF_BUDGET]);
  });

  it('reports nothing for an exhausted budget under failurePolicy Ignore', () => {
    expect(messages({ failurePolicy: 'Ignore', validations: [v(nested)] })).toEqual([]);
  });

  it('charges what an expression builds, so strings cannot grow without bound', () => {
    const grow = 'lists.range(200000).map(i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").join("").size() > 0';
    expect(messages({ validations: [v(grow)] })).toEqual([OUT_OF_BUDGET]);
  });

  it('stops a budget-exhausting variable too, even when all() would absorb the error', () => {
    expect(messages({ variables: [{ name: 'big', expression: nested }], validations: [v('[1, 2].exists(x, variables.big || x == 2)')] })).toEqual([
      OUT_OF_BUDGET,
    ]);
  });

  it('gives a backtracking regular expression a time limit, as an evaluation error', () => {
    const name = `${'a'.repeat(40)}!`;
    const out = messages({ validations: [v('object.metadata.name.matches("^(a+)+$")')] }, inputs({ metadata: { name } }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^expression 'object\.metadata\.name\.matches\("\^\(a\+\)\+\$"\)' resulted in error: regular expression .* took too long/);
  });

  it('counts time spent in regular expressions against the evaluation deadline', () => {
    const name = `${'a'.repeat(40)}!`;
    const loop = 'lists.range(100).all(i, !object.metadata.name.matches("^(a+)+$"))';
    expect(messages({ validations: [v(loop)] }, inputs({ metadata: { name } }))).toEqual([OUT_OF_BUDGET]);
  });

  it('pays for a large result before building it', () => {
    const big = { metadata: { name: 'x'.repeat(200_000) } };
    expect(messages({ validations: [v('object.metadata.name.replace("", object.metadata.name).size() > 0')] }, inputs(big))).toEqual([OUT_OF_BUDGET]);
    expect(messages({ validations: [v('lists.range(100000000).size() > 0')] })).toEqual([OUT_OF_BUDGET]);
    expect(messages({ validations: [v('lists.range(2000).map(i, object.metadata.name).join("").size() > 0')] }, inputs(big))).toEqual([OUT_OF_BUDGET]);
  });

  it('evaluates ordinary templates well within the budget', () => {
    const containers = Array.from({ length: 200 }, (_, i) => ({ name: `c${i}`, image: `registry/app:${i}` }));
    expect(
      messages(
        { validations: [v('object.spec.containers.all(c, !c.image.endsWith(":latest") && c.name.matches("^c[0-9]+$"))', 'bad')] },
        inputs({ spec: { containers } }),
      ),
    ).toEqual([]);
  });
});

describe('errors become decisions, never exceptions', () => {
  it('words evaluation errors as cel-go does', () => {
    expect(messages({ validations: [v('object.spec.missing == 1'), v('object.spec.replicas + "a" == "b"'), v('[1][3] == 1')] })).toEqual([
      "expression 'object.spec.missing == 1' resulted in error: no such key: missing",
      'expression \'object.spec.replicas + "a" == "b"\' resulted in error: no such overload',
      "expression '[1][3] == 1' resulted in error: index out of bounds: 3",
    ]);
    // dyn + string is a string to the checker, so comparing it with an int does not compile.
    expect(messages({ validations: [v('object.spec.replicas + "a" == 1')] })).toEqual([
      "compilation error: compilation failed: ERROR: <input>:1:28: found no matching overload for '_==_' applied to '(string, int)'\n | object.spec.replicas + \"a\" == 1\n | ...........................^",
    ]);
  });

  it('a compile error fails only its own expression', () => {
    const out = messages({ validations: [v('undefinedFunction(1)'), v('false', 'second')] });
    expect(out).toEqual([
      "compilation error: compilation failed: ERROR: <input>:1:18: undeclared reference to 'undefinedFunction' (in container '')\n | undefinedFunction(1)\n | .................^",
      'second',
    ]);
  });

  it('does not expose JavaScript properties as keys', () => {
    expect(messages({ validations: [v('!has(object.metadata.constructor) && !has(object.__proto__)', 'leak')] })).toEqual([]);
  });

  it('survives unusual inputs', () => {
    const odd = { metadata: { name: 'x' }, spec: { big: 1e300, neg: -0, list: [null, [], {}], deep: JSON.parse('{"a":{"b":{"c":{"d":1}}}}') } };
    const out = messages({ validations: [v('object.spec.big > 1.0 && object.spec.deep.a.b.c.d == 1 && size(object.spec.list) == 3', 'odd')] }, inputs(odd));
    expect(out).toEqual([]);
    expect(() => validateCel(compileCel(source({ validations: [v('object.x')] })), { ...inputs(), object: null })).not.toThrow();
  });

  it('a syntax error is a compile error of that expression', () => {
    const [m] = messages({ validations: [v('1 +')] });
    expect(m).toMatch(/^compilation error: compilation failed: ERROR: <input>:1:\d+: /);
  });
});

describe('failurePolicy, match conditions and variables', () => {
  it('Fail (the default) reports evaluation errors; Ignore drops them but still denies on false', () => {
    const validations = [v('object.nope == 1'), v('false', 'denied')];
    expect(messages({ validations })).toEqual(["expression 'object.nope == 1' resulted in error: no such key: nope", 'denied']);
    expect(messages({ validations, failurePolicy: 'Ignore' })).toEqual(['denied']);
  });

  it('a false match condition means no decision at all', () => {
    expect(messages({ matchConditions: [{ name: 'm', expression: 'object.metadata.name == "other"' }], validations: [v('false', 'x')] })).toEqual([]);
  });

  it('match condition errors: one decision under Fail (aggregated), none under Ignore', () => {
    const matchConditions = [
      { name: 'a', expression: 'object.nope == 1' },
      { name: 'b', expression: 'object.alsoNope == 1' },
    ];
    expect(messages({ matchConditions, validations: [v('false', 'x')] })).toEqual([
      "[expression 'object.nope == 1' resulted in error: no such key: nope, expression 'object.alsoNope == 1' resulted in error: no such key: alsoNope]",
    ]);
    expect(messages({ matchConditions, failurePolicy: 'Ignore', validations: [v('false', 'x')] })).toEqual([]);
  });

  it('variables are evaluated when used: an unused broken variable changes nothing', () => {
    const variables = [
      { name: 'broken', expression: 'object.nope' },
      { name: 'name', expression: 'variables.anyObject.metadata.name' },
    ];
    expect(messages({ variables, validations: [v('variables.name == "db"', '', '"name is " + variables.name')] })).toEqual(['name is web']);
    expect(messages({ variables, validations: [v('variables.broken == 1')] })).toEqual([
      'expression \'variables.broken == 1\' resulted in error: composited variable "broken" fails to evaluate: no such key: nope',
    ]);
  });

  it('params: the constraint\'s spec.parameters as variables.params; the raw params only in variables', () => {
    expect(messages({ validations: [v('variables.params.max > 5', '', '"max is " + string(variables.params.max)')] })).toEqual(['max is 2']);
    const [m] = messages({ validations: [v('params.spec.parameters.max > 5')] });
    expect(m).toMatch(/undeclared reference to 'params'/);
    expect(messages({ variables: [{ name: 'raw', expression: 'params.spec.parameters.max' }], validations: [v('variables.raw > 5', 'raw')] })).toEqual(['raw']);
  });

  it('anyObject falls back to oldObject on DELETE', () => {
    const del: CelInputs = { ...inputs(null), oldObject: { metadata: { name: 'gone' } }, request: { operation: 'DELETE' } };
    expect(messages({ validations: [v('false', '', '"deleting " + variables.anyObject.metadata.name')] }, del)).toEqual(['deleting gone']);
  });
});

describe('--enable-k8s-native-validation', () => {
  it('reads Go bool spellings, bare means true, and a bad value is a usage error in gator\'s words', async () => {
    const { takeNativeValidationFlag } = await import('../../src/cli/native-validation.ts');
    expect(takeNativeValidationFlag(['-f', 'x', '--enable-k8s-native-validation=F'])).toEqual({ argv: ['-f', 'x'], enabled: false });
    expect(takeNativeValidationFlag(['--enable-k8s-native-validation', 'dir'])).toEqual({ argv: ['dir'], enabled: true });
    expect(takeNativeValidationFlag(['dir'])).toEqual({ argv: ['dir'], enabled: true });
    expect(takeNativeValidationFlag(['--enable-k8s-native-validation=maybe'])).toEqual({
      error: 'invalid argument "maybe" for "--enable-k8s-native-validation" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    });
  });
});
