// Gatekeeper's K8sNativeValidation driver (gatekeeper pkg/drivers/k8scel, on Kubernetes'
// ValidatingAdmissionPolicy validator): a template's CEL source compiled once, then evaluated per
// constraint and review with the inputs Gatekeeper binds. Nothing here throws: compile and evaluation
// errors become the decisions Kubernetes' validator makes of them.
import type { JsonObject, JsonValue } from '../gatekeeper/types.ts';
import { BudgetExceeded, withBudget } from './budget.ts';
import { CONSTANTS, celEnvironments, declaredFunctions, declaredOverloads, renameOverrides, ROOTS } from './env.ts';
import { CelLibraryError } from './lib/errors.ts';
import { toCel, type CelValue, type NumberMode } from './values.ts';
import type { Environment } from '@marcbachmann/cel-js';
import { compileGoRegexp } from '../go/regexp.ts';
import { rewriteTwoVarComprehensions, TWO_VARIABLE_ONLY } from './comprehensions.ts';

export interface CelValidation {
  expression: string;
  message: string;
  messageExpression: string;
}

export interface CelNamedExpression {
  name: string;
  expression: string;
}

/** The K8sNativeValidation `source` (gatekeeper pkg/drivers/k8scel/schema Source). */
export interface CelSource {
  validations: CelValidation[];
  variables: CelNamedExpression[];
  matchConditions: CelNamedExpression[];
  /** Undefined: Kubernetes' default, Fail. */
  failurePolicy: 'Fail' | 'Ignore' | undefined;
}

type Program = (ctx: Record<string, CelValue>) => unknown;

/** One compiled expression: a program, or the compile error Kubernetes stores and reports at evaluation. */
interface Compiled {
  expression: string;
  program?: Program;
  error?: string;
  /** Its static type in cel-go's spelling, where known. */
  type?: string;
}

/** The static types of the template's variables, while its expressions are compiled. */
let variableTypes = new Map<string, string>();

export interface CompiledCel {
  source: CelSource;
  variables: Array<Compiled & { name: string }>;
  matchConditions: Compiled[];
  validations: Array<{ validation: CelValidation; condition: Compiled; message: Compiled | undefined }>;
}

/** Gatekeeper's two variables ahead of the template's own (transform.AllVariablesCEL). */
const BUILTIN_VARIABLES: CelNamedExpression[] = [
  { name: 'anyObject', expression: 'has(request.operation) && request.operation == "DELETE" && object == null ? oldObject : object' },
  { name: 'params', expression: '!has(params.spec) ? null : !has(params.spec.parameters) ? null: params.spec.parameters' },
];

/** Kubernetes' runtime cost budget for one validation (celconfig.PerCallLimit), in this evaluator's units. */
const COST_BUDGET = 1_000_000;
const MATCH_CONDITION_BUDGET = 1_000_000;
/** A wall-clock backstop per evaluation. */
const DEADLINE_MS = 2_000;
const OUT_OF_BUDGET = 'validation failed due to running out of cost budget, no further validation rules will be run';

const compiledCache = new Map<string, CompiledCel>();

/** Compiles a source once per content (templates come back check after check). */
export function compileCel(source: CelSource): CompiledCel {
  const key = JSON.stringify(source);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const { variables, expressions } = celEnvironments();
  const allVariables = [...BUILTIN_VARIABLES, ...source.variables];
  const names = allVariables.map((v) => v.name);
  variableTypes = new Map();
  const compiled: CompiledCel = {
    source,
    // A variable sees the ones declared before it; the other expressions see them all.
    variables: allVariables.map((v, i) => {
      const c = compile(variables, v.expression, 'any', names.slice(0, i));
      if (c.type !== undefined) variableTypes.set(v.name, c.type);
      return { name: v.name, ...c };
    }),
    matchConditions: source.matchConditions.map((m) => compile(expressions, m.expression, 'bool', names)),
    validations: source.validations.map((validation) => ({
      validation,
      condition: compile(expressions, validation.expression, 'bool', names),
      message: validation.messageExpression !== '' ? compile(expressions, validation.messageExpression, 'string', names) : undefined,
    })),
  };
  if (compiledCache.size >= 500) compiledCache.delete(compiledCache.keys().next().value!);
  compiledCache.set(key, compiled);
  return compiled;
}

/** What cel-go's parser expects where an operand is missing (its ANTLR message). */
const OPERAND_EXPECTED =
  "Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";

function compile(env: Environment, expression: string, want: 'bool' | 'string' | 'any', visibleVariables: string[]): Compiled {
  if (expression === '') return { expression, error: `compilation failed: ERROR: <input>:1:0: ${OPERAND_EXPECTED}` };
  try {
    const original = env.parse(expression);
    const issues = staticIssue(original.ast, expression, visibleVariables, env.hasVariable('params') ? [...ROOTS, 'params', ...CONSTANTS] : [...ROOTS, ...CONSTANTS]);
    const rewritten = rewriteTwoVarComprehensions(env, expression);
    const parsed = rewritten === expression ? original : env.parse(rewritten);
    if (issues !== undefined) return { expression, error: `compilation failed: ${issues.map((i) => issueText(expression, i.offset, i.message)).join('\n')}` };
    renameOverrides(parsed.ast);
    const checked = parsed.check();
    if (!checked.valid) return { expression, error: `compilation failed: ${compileErrorText(checked.error, expression)}` };
    // Kubernetes requires the declared result type. The evaluator types variables as dyn where cel-go
    // knows their type, so dyn is refused only when it comes straight from an untyped root (object.x).
    // The evaluator prints list<dyn> and map<dyn, dyn> as bare `list` and `map`.
    const printed = checked.type === 'list' ? 'list<dyn>' : checked.type === 'map' ? 'map<dyn, dyn>' : (checked.type ?? 'dyn');
    const type = printed === 'null' ? 'null_type' : celTypeNames(printed);
    if (want !== 'any' && type !== want && (type !== 'dyn' || literalType(original.ast as AstNode) === 'dyn')) {
      return { expression, error: `must evaluate to ${want} but got ${type}` };
    }
    return { expression, program: parsed as unknown as Program, type };
  } catch (e) {
    return { expression, error: `compilation failed: ${compileErrorText(e, expression)}` };
  }
}

/** cel-go's issue text: `ERROR: <input>:line:col: message` and the line with a caret. */
function compileErrorText(e: unknown, expression: string): string {
  const err = e as { message?: string; node?: { pos?: number; start?: number; op?: string; args?: unknown } } | undefined;
  let message = firstLine(err?.message ?? String(e));
  // An expression ending in a binary operator: cel-go's parser reports the missing operand its own way.
  if (message === 'Unexpected token: EOF' && /(?:[-+*/%<>!=]=?|&&|\|\||\?|:|\bin)\s*$/.test(expression)) message = OPERAND_EXPECTED;
  const unknown = /^Unknown variable: (.*)$/.exec(message);
  if (unknown) message = `undeclared reference to '${unknown[1]}' (in container '')`;
  const mixed = /^(?:List elements must have the same type|Map (?:key|value) uses wrong type), (expected type '.*' but found '.*')$/.exec(message);
  if (mixed) message = celTypeNames(mixed[1]!);
  let offset = err?.node?.start ?? err?.node?.pos ?? 0;
  const overload = /^found no matching overload for '(?:(.+)\.)?([A-Za-z_][A-Za-z0-9_]*)\((.*)\)'$/.exec(message);
  if (overload) {
    const [, receiver, name, args] = overload;
    message = `found no matching overload for '${name}' applied to '${receiver !== undefined ? `${receiver}.` : ''}(${args})'`;
    const at = expression.indexOf(`${name!}(`, offset);
    if (at >= 0) offset = at + name!.length;
  }
  const operator = /^no such overload: (.+) (==|!=|\+|-|\*|\/|%|<=|>=|<|>|in) (.+)$/.exec(message);
  if (operator) {
    const [, left, op, right] = operator;
    message = `found no matching overload for '${op === 'in' ? '@in' : `_${op}_`}' applied to '(${celTypeNames(left!)}, ${celTypeNames(right!)})'`;
    const lhs = Array.isArray(err?.node?.args) ? (err.node.args[0] as { end?: number } | undefined) : undefined;
    if (lhs?.end !== undefined) {
      const at = expression.indexOf(op!, lhs.end);
      if (at >= 0) offset = at;
    }
  }
  return issueText(expression, offset, message === OPERAND_EXPECTED ? message : lowerFirst(message));
}

function issueText(expression: string, offset: number, message: string): string {
  const before = expression.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1);
  const text = expression.split('\n')[line - 1] ?? '';
  return `ERROR: <input>:${line}:${col + 1}: ${message}\n | ${text}\n | ${'.'.repeat(col)}^`;
}

/**
 * What Kubernetes' compiler rejects that a dynamically typed check does not: `request` is typed
 * (kubernetes.AdmissionRequest), so an unknown field of it is a compile error; and a constant pattern of
 * `matches`, `find` or `findAll` is compiled ahead, so a bad one is too.
 */
function staticIssue(ast: unknown, expression: string, visibleVariables: string[], roots: readonly string[]): Issue[] | undefined {
  const declared = declaredFunctions();
  const exempt = new Set<unknown>();
  const mixedLiteral = (node: AstNode): { offset: number; message: string } | undefined => {
    if (exempt.has(node)) return undefined;
    const items: AstNode[] = node.op === 'list' ? (node.args as AstNode[]) : (node.args as AstNode[][]).map((kv) => kv[1]!);
    const keys: AstNode[] = node.op === 'map' ? (node.args as AstNode[][]).map((kv) => kv[0]!) : [];
    for (const group of [keys, items]) {
      let first: string | undefined;
      for (const item of group) {
        const t = literalType(item);
        if (t === undefined) continue;
        if (first === undefined) first = t;
        else if (t !== first) return { offset: item.pos, message: `expected type '${first}' but found '${t}'` };
      }
    }
    return undefined;
  };
  let found: Issue | Issue[] | undefined;
  const seen = new Set<unknown>();
  const visit = (v: unknown, inHas: number | undefined, scope: ReadonlySet<string> = new Set()): void => {
    if (found !== undefined || typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, inHas, scope);
      return;
    }
    const node = v as AstNode;
    if (typeof node.op !== 'string') return;
    const args = node.args as unknown[];
    if ((node.op === 'call' || node.op === 'rcall') && Array.isArray(args)) {
      const name = args[0];
      const callArgs = (node.op === 'rcall' ? args[2] : args[1]) as AstNode[] | undefined;
      if (name === 'has' && node.op === 'call') {
        visit(callArgs, node.pos + 3, scope);
        return;
      }
      const receiver = node.op === 'rcall' ? (args[1] as AstNode | undefined) : undefined;
      if (name === 'bind' && receiver?.op === 'id' && receiver.args === 'cel') {
        // Kubernetes does not enable cel-go's bindings extension.
        found = { offset: receiver.pos, message: "undeclared reference to 'cel' (in container '')" };
        return;
      }
      // A namespaced function (strings.quote, sets.contains, lists.range…) exists only under its namespace.
      const namespaced = typeof name === 'string' && namespacedOnly(name) && !(receiver?.op === 'id' && (CONSTANTS as readonly string[]).includes(receiver.args as string));
      if (typeof name === 'string' && ((!declared.has(name) && !declared.has(`k8s_${name}`) && !TWO_VARIABLE_ONLY.has(name)) || namespaced)) {
        const paren = expression.indexOf('(', expression.indexOf(name, node.pos) + name.length);
        const issue = { offset: paren >= 0 ? paren : node.pos, message: `undeclared reference to '${name}' (in container '')` };
        // `math.greatest(…)`: an undeclared namespace is reported first, as cel-go's checker does.
        const undeclaredReceiver = receiver?.op === 'id' && typeof receiver.args === 'string' && !roots.includes(receiver.args) && !scope.has(receiver.args);
        found = undeclaredReceiver ? [{ offset: receiver.pos, message: `undeclared reference to '${receiver.args as string}' (in container '')` }, issue] : issue;
        return;
      }
      if (typeof name === 'string' && Array.isArray(callArgs)) {
        const mismatch = overloadMismatch(name, node.op === 'rcall' ? receiver : undefined, node.op === 'rcall', callArgs);
        if (mismatch !== undefined) {
          const paren = expression.indexOf('(', expression.indexOf(name, node.pos) + name.length);
          found = { offset: paren >= 0 ? paren : node.pos, message: mismatch };
          return;
        }
      }
      if (typeof name === 'string' && REGEX_FUNCTIONS.has(name) && Array.isArray(callArgs)) {
        const pattern = callArgs[node.op === 'rcall' ? 0 : 1];
        if (pattern?.op === 'value' && typeof pattern.args === 'string') {
          const r = compileGoRegexp(pattern.args);
          if ('error' in r) found = { offset: pattern.pos, message: `invalid ${name} argument` };
        }
      }
    }
    if (node.op === 'list' || node.op === 'map') {
      const mixed = mixedLiteral(node);
      if (mixed) {
        found = mixed;
        return;
      }
    }
    if ((node.op === 'call' || node.op === 'rcall') && Array.isArray(args) && args[0] === 'format') {
      // cel-go exempts format()'s arguments, literals nested in them included, from the homogeneous-literal rule.
      const callArgs = (node.op === 'rcall' ? args[2] : args[1]) as AstNode[] | undefined;
      const mark = (n: unknown): void => {
        if (!isAstNode(n) || exempt.has(n)) return;
        exempt.add(n);
        if (n.op === 'list') for (const x of n.args as AstNode[]) mark(x);
        if (n.op === 'map') for (const kv of n.args as AstNode[][]) kv.forEach(mark);
      };
      for (const a of callArgs ?? []) mark(a);
    }
    if (node.op === '[]' && Array.isArray(args) && typedPath(args[0]) === 'variables') {
      // `variables` is an object type (kubernetes.variables): fields only, no index.
      const base = args[0] as AstNode & { end?: number };
      const bracket = expression.indexOf('[', base.end ?? node.pos);
      found = { offset: bracket >= 0 ? bracket : node.pos, message: `found no matching overload for '_[_]' applied to '(kubernetes.variables, ${literalType(args[1] as AstNode) ?? 'dyn'})'` };
      return;
    }
    if (node.op === '.' && Array.isArray(args) && typeof args[1] === 'string') {
      const type = typedPath(args[0]);
      const fields = type === 'variables' ? visibleVariables : type !== undefined ? REQUEST_TYPES[type] : undefined;
      if (fields !== undefined && !fields.includes(args[1])) {
        found = { offset: inHas ?? node.pos - 1, message: `undefined field '${args[1]}'` };
        return;
      }
    }
    if (node.op === 'rcall' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[2])) {
      // Macros bind their iteration variables (two of them in the two-variable forms) for their arguments.
      const callArgs = args[2] as AstNode[];
      const bound = new Set(scope);
      if (ITERATION_MACROS.has(args[0]) && callArgs[0]?.op === 'id') {
        bound.add(callArgs[0].args as string);
        if (callArgs.length >= 3 && TWO_VARIABLE_FORMS.has(args[0]) && callArgs[1]?.op === 'id') bound.add(callArgs[1].args as string);
      }
      visit(args[1], undefined, scope);
      visit(callArgs, undefined, bound);
      return;
    }
    if (Array.isArray(args) || (typeof args === 'object' && args !== null && typeof (args as AstNode).op === 'string')) visit(args, undefined, scope);
    else if (typeof args === 'object' && args !== null) for (const x of Object.values(args)) visit(x, undefined, scope);
  };
  visit(ast, undefined);
  if (found === undefined) return undefined;
  return Array.isArray(found) ? found : [found];
}

type Issue = { offset: number; message: string };

/** Functions declared only on a namespace constant (`strings.quote`), which cel-go knows by qualified name. */
function namespacedOnly(name: string): boolean {
  const overloads = declaredOverloads().get(name);
  return overloads !== undefined && overloads.length > 0 && overloads.every((o) => o.receiver !== null && /Namespace$/.test(o.receiver));
}

const ITERATION_MACROS = new Set(['all', 'exists', 'exists_one', 'existsOne', 'map', 'filter', 'transformList', 'transformMap', 'transformMapEntry']);
const TWO_VARIABLE_FORMS = new Set(['all', 'exists', 'existsOne', 'transformList', 'transformMap', 'transformMapEntry']);

interface AstNode {
  op: string;
  args: unknown;
  pos: number;
}

function isAstNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode).op === 'string';
}

/**
 * cel-go's checker rejects a call whose literal argument types fit no overload of the function, even on a
 * `dyn` receiver (`labels[k].startsWith(1)`). Only calls whose receiver and arguments have a known static
 * type are judged; the message is the checker's.
 */
function overloadMismatch(name: string, receiver: AstNode | undefined, member: boolean, args: AstNode[]): string | undefined {
  const overloads = declaredOverloads().get(name);
  if (overloads === undefined || overloads.some((o) => o.params.includes('ast'))) return undefined;
  const argTypes = args.map(literalType);
  if (argTypes.some((t) => t === undefined)) return undefined;
  const receiverType = member ? literalType(receiver) : null;
  if (receiverType === undefined) return undefined;
  const fits = overloads.some(
    (o) =>
      (o.receiver !== null) === member &&
      o.params.length === argTypes.length &&
      o.params.every((p, i) => accepts(p, argTypes[i]!)) &&
      (!member || accepts(o.receiver!, receiverType!)),
  );
  if (fits) return undefined;
  return `found no matching overload for '${name}' applied to '${member ? `${receiverType}.` : ''}(${argTypes.join(', ')})'`;
}

function accepts(param: string, arg: string): boolean {
  if (param === 'dyn' || arg === 'dyn' || /^[A-Z]$/.test(param) || param === arg) return true;
  const kind = (t: string) => /^(list|map|optional)\b/.exec(t)?.[1] ?? t;
  return kind(param) === kind(arg) && (param.includes('dyn') || arg.includes('dyn') || /<[A-Z]>/.test(param) || celTypeNames(param) === arg);
}

const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);
const GVK = ['group', 'version', 'kind'];
const GVR = ['group', 'version', 'resource'];
/** kubernetes.AdmissionRequest and its typed members, as apiserver's cel compiler declares them. */
const REQUEST_TYPES: Record<string, string[]> = {
  request: ['kind', 'resource', 'subResource', 'requestKind', 'requestResource', 'requestSubResource', 'name', 'namespace', 'operation', 'userInfo', 'dryRun', 'options'],
  'request.kind': GVK,
  'request.requestKind': GVK,
  'request.resource': GVR,
  'request.requestResource': GVR,
  'request.userInfo': ['username', 'uid', 'groups', 'extra'],
};

/**
 * The static type of a literal-ish expression as cel-go's checker names it (`dyn` for variables and
 * selections); undefined where this simple inference does not know (calls, operators).
 */
function literalType(node: AstNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  switch (node.op) {
    case 'value': {
      const v = node.args;
      if (typeof v === 'bigint') return 'int';
      if (typeof v === 'number') return 'double';
      if (typeof v === 'string') return 'string';
      if (typeof v === 'boolean') return 'bool';
      if (v === null) return 'null_type';
      if (v instanceof Uint8Array) return 'bytes';
      return undefined;
    }
    case 'id':
      return node.args === 'object' || node.args === 'oldObject' || node.args === 'namespaceObject' || node.args === 'params' ? 'dyn' : undefined;
    case '[]':
      return literalType((node.args as AstNode[])[0]) === 'dyn' ? 'dyn' : undefined;
    case '.': {
      const [base, field] = node.args as [AstNode, string];
      if (typedPath(base) === 'variables') return variableTypes.get(field);
      return typedPath(node) === undefined && typedPath(base) === undefined && literalType(base) === 'dyn' ? 'dyn' : undefined;
    }
    case '?:': {
      const [, a, b] = node.args as AstNode[];
      const ta = literalType(a);
      const tb = literalType(b);
      if (ta === undefined || tb === undefined) return undefined;
      return ta === tb ? ta : ta === 'dyn' || tb === 'dyn' ? 'dyn' : undefined;
    }
    case 'list': {
      const types = (node.args as AstNode[]).map(literalType);
      if (types.length === 0) return undefined;
      return types.every((t) => t !== undefined && t === types[0]) ? `list(${types[0]})` : undefined;
    }
    default:
      return undefined;
  }
}

/** `request`, `request.kind`…, `variables`: the typed path a select reads from, if it is one. */
function typedPath(v: unknown): string | undefined {
  const node = v as AstNode | undefined;
  if (node?.op === 'id' && node.args === 'request') return 'request';
  if (node?.op === 'id' && node.args === 'variables') return 'variables';
  if (node?.op === '.' && Array.isArray(node.args) && node.args.length === 2) {
    const parent = typedPath(node.args[0]);
    if (parent === 'request') return `request.${String(node.args[1])}`;
  }
  return undefined;
}

/** cel-go's Go type names of runtime values, in its iteration errors. */
const GO_TYPE_NAMES: Record<string, string> = {
  int: 'types.Int',
  uint: 'types.Uint',
  double: 'types.Double',
  string: 'types.String',
  bool: 'types.Bool',
  bytes: 'types.Bytes',
  null: 'types.Null',
  null_type: 'types.Null',
};

/** cel-go spells parameterised types `list(int)`, `map(string, int)`. */
function celTypeNames(s: string): string {
  let out = s;
  for (let i = 0; i < 5 && /<[^<>]*>/.test(out); i++) out = out.replace(/<([^<>]*)>/g, '($1)');
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The evaluation error's text as cel-go words the common ones. */
function evalErrorText(e: unknown): string {
  if (e instanceof CelLibraryError) return e.message;
  const message = firstLine((e as { message?: string } | undefined)?.message ?? String(e));
  const index = /^No such key: index out of bounds, index (-?\d+)/.exec(message);
  if (index) return `index out of bounds: ${index[1]}`;
  const noKey = /^No such key: (.*)$/.exec(message);
  if (noKey) return `no such key: ${noKey[1]}`;
  if (/^no such overload\b/i.test(message)) return 'no such overload';
  const conversion = /^(int|uint|double)\(\) type error: cannot convert to \1$/.exec(message);
  if (conversion) return `type conversion error from 'string' to '${conversion[1]}'`;
  if (/^invalid duration string/i.test(message)) return "type conversion error from 'string' to 'google.protobuf.Duration'";
  if (/^timestamp\(\) requires a string/i.test(message)) return "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  if (/^integer overflow\b/.test(message)) return 'integer overflow';
  if (message === 'modulo by zero') return 'modulus by zero';
  if (message === 'Optional value is not present') return 'optional.none() dereference';
  const range = /^Expression of type '([^']+)' cannot be range of a comprehension/.exec(message);
  if (range) return `got '${GO_TYPE_NAMES[range[1]!] ?? range[1]}', expected iterable type`;
  const call = /^found no matching overload for '(?:[^']*\.)?([A-Za-z_][A-Za-z0-9_]*)\(.*\)'$/.exec(message);
  if (call) return `no such overload: ${call[1]!.replace(/^k8s_/, '')}`;
  return lowerFirst(message.replace(/dyn<([^>]+)>/g, '$1'));
}

/** The inputs Gatekeeper binds for one review (pkg/drivers/k8scel Query + apiserver cel activation). */
export interface CelInputs {
  object: JsonValue;
  oldObject: JsonValue;
  request: JsonObject;
  namespaceObject: JsonValue;
  /** The whole constraint, as Kubernetes binds a policy's params object. */
  params: JsonObject;
  numbers?: NumberMode;
}

/** A Deny decision's message, in validation order. */
export interface CelDecision {
  message: string;
}

/** validating.validator Validate: the Deny decisions for one constraint and review. */
export function validateCel(compiled: CompiledCel, inputs: CelInputs): CelDecision[] {
  const fail = compiled.source.failurePolicy !== 'Ignore';
  const onError = (message: string): CelDecision[] => (fail ? [{ message }] : []);
  try {
    const base = reviewBindings(inputs);
    const params = paramsValue(inputs.params, inputs.numbers ?? 'int');

    // Match conditions: each in its own variable scope, on a budget of their own, without namespaceObject.
    if (compiled.matchConditions.length > 0) {
      const ctx = { ...base, namespaceObject: null, variables: lazyVariables(compiled, { ...base, namespaceObject: null }, params) };
      const run = withBudget(MATCH_CONDITION_BUDGET, DEADLINE_MS, () => {
        const errors: string[] = [];
        for (const m of compiled.matchConditions) {
          const r = evaluate(m, ctx);
          if ('error' in r) errors.push(r.error);
          else if (r.value === false) return { matches: false, errors: [] };
        }
        return { matches: true, errors };
      });
      if (run.exhausted) return onError(OUT_OF_BUDGET);
      if (!run.value.matches) return [];
      if (run.value.errors.length > 0) {
        return onError(run.value.errors.length === 1 ? run.value.errors[0]! : `[${run.value.errors.join(', ')}]`);
      }
    }

    const validationCtx = { ...base, variables: lazyVariables(compiled, base, params) };
    const run = withBudget(COST_BUDGET, DEADLINE_MS, () => compiled.validations.map((v) => evaluate(v.condition, validationCtx)));
    if (run.exhausted) return onError(OUT_OF_BUDGET);
    // Messages see variables of their own (evaluated again, on budgets of their own): made when a message is.
    let messageCtx: Record<string, CelValue> | undefined;
    const decisions: CelDecision[] = [];
    compiled.validations.forEach((v, i) => {
      const r = run.value[i]!;
      if ('error' in r) {
        if (fail) decisions.push({ message: r.error });
        return;
      }
      if (r.value === true) return;
      let message = '';
      if (v.message !== undefined) {
        messageCtx ??= { ...base, variables: lazyVariables(compiled, base, params) };
        const ctx = messageCtx;
        const m = withBudget(COST_BUDGET, DEADLINE_MS, () => evaluate(v.message!, ctx));
        if (m.exhausted) {
          if (fail) decisions.push({ message: `failed messageExpression: ${OUT_OF_BUDGET}` });
          return;
        }
        if ('value' in m.value && typeof m.value.value === 'string') {
          message = m.value.value.trim();
          if (message.length > 5 * 1024 || message.includes('\n')) message = '';
        }
      }
      if (message === '' && v.validation.message.length > 0) message = v.validation.message.trim();
      if (message === '') message = `failed expression: ${v.validation.expression.trim()}`;
      decisions.push({ message });
    });
    return decisions;
  } catch (e) {
    // Unexpected (a bug here, not the template's): still a decision, never an exception out of the engine.
    return onError(`internal error evaluating CEL: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const paramsMemo = new WeakMap<object, Partial<Record<NumberMode, CelValue>>>();

/** A constraint as CEL's params, converted once per object and number mode (the same constraint validates every review). */
function paramsValue(params: CelInputs['params'], numbers: NumberMode): CelValue {
  if (params === null || typeof params !== 'object') return toCel(params, numbers);
  let byMode = paramsMemo.get(params);
  if (byMode === undefined) paramsMemo.set(params, (byMode = {}));
  if (!(numbers in byMode)) byMode[numbers] = toCel(params, numbers);
  return byMode[numbers];
}

/** The last review's converted roots: a review is validated against each matched constraint in turn. */
let lastReview: { key: unknown[]; value: Record<string, CelValue> } | undefined;

function reviewBindings(inputs: CelInputs): Record<string, CelValue> {
  const key = [inputs.object, inputs.oldObject, inputs.request, inputs.namespaceObject];
  if (lastReview !== undefined && key.every((k, i) => k === lastReview!.key[i])) return lastReview.value;
  const value = {
    object: toCel(inputs.object),
    oldObject: toCel(inputs.oldObject),
    request: toCel(inputs.request),
    namespaceObject: toCel(inputs.namespaceObject),
  };
  lastReview = { key, value };
  return value;
}

type Outcome = { value: unknown } | { error: string };

function evaluate(c: Compiled, ctx: Record<string, CelValue>): Outcome {
  if (c.error !== undefined) return { error: `compilation error: ${c.error}` };
  try {
    return { value: c.program!(ctx) };
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    return { error: `expression '${c.expression}' resulted in error: ${evalErrorText(e)}` };
  }
}

/** Where a `variables` object keeps its evaluation state (a symbol: not a key CEL can see or list). */
const LAZY = Symbol('lazy variables');

interface LazyState {
  compiled: CompiledCel;
  ctx: Record<string, CelValue>;
  /** Per variable (by index): its value or error once evaluated. */
  results: Array<{ value: CelValue } | { error: Error } | undefined>;
}

type LazyVariables = Record<string, CelValue> & { [LAZY]: LazyState };

/**
 * The accessors of a template's variables, made once per compiled template: every `variables` object of the
 * template gets the same getters (they find their state through `this`), so they all share one shape, which
 * V8 keeps fast; a getter made per object and evaluation is what made this slow.
 */
const variableDescriptors = new WeakMap<CompiledCel, PropertyDescriptorMap>();

function descriptorsOf(compiled: CompiledCel): PropertyDescriptorMap {
  let d = variableDescriptors.get(compiled);
  if (d === undefined) {
    d = {};
    compiled.variables.forEach((v, i) => {
      // A later variable of the same name replaces the earlier one, as a redefinition would.
      d![v.name] = {
        enumerable: true,
        configurable: true,
        get(this: LazyVariables): CelValue {
          return variableValue(this[LAZY], i);
        },
      };
    });
    variableDescriptors.set(compiled, d);
  }
  return d;
}

function variableValue(state: LazyState, i: number): CelValue {
  let r = state.results[i];
  if (r === undefined) {
    const v = state.compiled.variables[i]!;
    if (v.error !== undefined) {
      r = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to compile: ${v.error}`) };
    } else {
      try {
        r = { value: v.program!(state.ctx) as CelValue };
      } catch (e) {
        if (e instanceof BudgetExceeded) throw e;
        r = { error: new CelLibraryError(`composited variable ${JSON.stringify(v.name)} fails to evaluate: ${evalErrorText(e)}`) };
      }
    }
    state.results[i] = r;
  }
  if ('error' in r) throw r.error;
  return r.value;
}

/**
 * `variables`: each evaluated on first use and remembered (Kubernetes' composition context), an error
 * becoming the error of the expression that used it.
 */
function lazyVariables(compiled: CompiledCel, base: Record<string, CelValue>, params: CelValue): Record<string, CelValue> {
  const variables = {} as LazyVariables;
  variables[LAZY] = { compiled, ctx: { ...base, params, variables }, results: [] };
  return Object.defineProperties(variables, descriptorsOf(compiled));
}
