// The CEL environments Gatekeeper's K8sNativeValidation driver compiles with (Kubernetes' base
// environment): declared roots, the Kubernetes libraries, and a cost budget on every evaluation.
//
// The evaluator is @marcbachmann/cel-js (see README "CEL"). Where its standard functions differ from
// cel-go's (regexps, ASCII case functions), calls are renamed in the parsed expression to this project's
// implementations (`renameOverrides`), since the evaluator refuses a second overload of the same signature.
import { Environment } from '@marcbachmann/cel-js';
import { registerLists } from './lib/lists.ts';
import { REGEX_OVERRIDES, registerRegex } from './lib/regex.ts';
import { registerStrings, STRINGS_OVERRIDES } from './lib/strings.ts';
import { registerKubernetesTypes } from './lib/kubernetes.ts';
import { registerTime } from './lib/time.ts';
import { meter } from './budget.ts';
import { MERGE_ENTRIES, PAIRS_TO_MAP } from './comprehensions.ts';
import { libError } from './lib/errors.ts';
import { mapEntries } from './lib/equality.ts';

const OVERRIDES = new Set([...REGEX_OVERRIDES, ...STRINGS_OVERRIDES]);
const renamed = (name: string): string => `k8s_${name}`;

/** The roots every expression sees (`params` only in variables: Gatekeeper keeps the raw constraint from validations). */
export const ROOTS = ['object', 'oldObject', 'request', 'namespaceObject', 'variables'] as const;

/** The namespaces the environment declares as constants (`optional.of`, `sets.contains`…). */
export const CONSTANTS = ['optional', 'sets', 'strings', 'lists', 'format', 'ip', 'cel'] as const;

/** transformMap's result from [key, value] pairs; transformMapEntry's from single-entry maps (keys unique). */
function registerComprehensionHelpers(env: Environment): void {
  env.registerFunction(`${PAIRS_TO_MAP}(list): map`, (pairs: unknown[][]) => new Map(pairs.map((p) => [p[0], p[1]] as const)));
  env.registerFunction(`${MERGE_ENTRIES}(list): map`, (entries: unknown[]) => {
    const out = new Map<unknown, unknown>();
    for (const e of entries) {
      const pairs = mapEntries(e);
      if (pairs === undefined) throw libError('no such overload');
      for (const [k, v] of pairs) {
        if (out.has(k)) throw libError(`insert failed: key ${String(k)} already exists`);
        out.set(k, v);
      }
    }
    return out;
  });
}

function newEnvironment(withParams: boolean): Environment {
  const env = new Environment({
    enableOptionalTypes: true,
    // Kubernetes validates homogeneous aggregate literals, except the argument list of format(); that
    // check is the engine's (staticIssue), since the evaluator's own has no exemptions.
    homogeneousAggregateLiterals: false,
    unlistedVariablesAreDyn: false,
    limits: { maxAstNodes: 100_000, maxDepth: 250, maxListElements: 10_000, maxMapEntries: 10_000, maxCallArguments: 32 },
  });
  for (const root of ROOTS) env.registerVariable(root, 'dyn');
  if (withParams) env.registerVariable('params', 'dyn');
  registerRegex(env, renamed);
  registerStrings(env, renamed);
  registerLists(env, renamed);
  registerKubernetesTypes(env);
  registerTime(env);
  registerComprehensionHelpers(env);
  meter(env);
  return env;
}

let environments: { variables: Environment; expressions: Environment } | undefined;
let functionNames: Set<string> | undefined;

let overloads: Map<string, Array<{ receiver: string | null; params: string[] }>> | undefined;

/** The declared overloads of each function name (renamed replacements under their original names). */
export function declaredOverloads(): Map<string, Array<{ receiver: string | null; params: string[] }>> {
  if (overloads === undefined) {
    overloads = new Map();
    for (const f of celEnvironments().expressions.getDefinitions().functions) {
      const name = f.name.replace(/^k8s_/, '');
      if (f.name.startsWith('preadmit_')) continue;
      const list = overloads.get(name) ?? [];
      list.push({ receiver: f.receiverType ?? null, params: (f.params ?? []).map((p) => String(p.type)) });
      overloads.set(name, list);
    }
  }
  return overloads;
}

/** Every function and macro name the environments declare. */
export function declaredFunctions(): Set<string> {
  functionNames ??= new Set(celEnvironments().expressions.getDefinitions().functions.map((f) => f.name));
  return functionNames;
}

/** `variables`: for variable expressions (with `params`); `expressions`: validations, messages, match conditions. */
export function celEnvironments(): { variables: Environment; expressions: Environment } {
  environments ??= { variables: newEnvironment(true), expressions: newEnvironment(false) };
  return environments;
}

interface AstNode {
  op: string;
  args: unknown;
}

function isNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode).op === 'string' && 'args' in v;
}

/** Points calls of replaced standard functions at this project's implementations. */
export function renameOverrides(ast: unknown): void {
  const seen = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (isNode(v)) {
      const args = v.args;
      if ((v.op === 'call' || v.op === 'rcall') && Array.isArray(args) && typeof args[0] === 'string' && OVERRIDES.has(args[0])) {
        args[0] = renamed(args[0]);
      }
      visit(args);
      return;
    }
    for (const x of Object.values(v)) if (isNode(x) || Array.isArray(x)) visit(x);
  };
  visit(ast);
}
