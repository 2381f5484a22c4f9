// cel-go's two-variable comprehensions (ext.TwoVarComprehensions, in Kubernetes' environment since 1.32):
// `all(i, v, p)`, `exists(i, v, p)`, `existsOne(i, v, p)`, `transformList(i, v, [f,] e)`,
// `transformMap(k, v, [f,] e)`, `transformMapEntry(k, v, [f,] e)`. The evaluator has only one-variable
// macros, so the expression text is rewritten into them (and two helpers that build maps) before it is compiled:
// `L.all(i, v, p)` becomes `(type(L) == map ? L : lists.range(size(L))).all(i, cel.bind(v, L[i], p))`
// (index and element for lists, key and value for maps). Messages quote the expression as written.
import type { Environment } from '@marcbachmann/cel-js';

interface AstNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

const QUANTIFIERS: Record<string, string> = { all: 'all', exists: 'exists', existsOne: 'exists_one' };

/** Names that exist only as two-variable comprehensions. */
export const TWO_VARIABLE_ONLY = new Set(['existsOne', 'transformList', 'transformMap', 'transformMapEntry', 'sortBy']);

/** Helpers the rewritten transformMap and transformMapEntry call (registered in env.ts). */
export const PAIRS_TO_MAP = 'preadmit_pairsToMap';
/** The helper the rewritten `sortBy(x, key)` (cel-go's lists extension) calls: sorts a list by the keys given. */
export const SORT_BY_KEYS = 'preadmit_sortByKeys';
export const MERGE_ENTRIES = 'preadmit_mergeEntries';

function template(name: string, receiver: string, i: string, v: string, bodies: string[]): string | undefined {
  const r = `(${receiver})`;
  // sortBy(x, key): one variable; `v` is then the key expression's text.
  if (name === 'sortBy') return `${SORT_BY_KEYS}(${r}, ${r}.map(${i}, (${v})))`;
  const keys = `(type(${r}) == map ? dyn(${r}) : dyn(lists.range(size(${r}))))`;
  const bound = (b: string) => `cel.bind(${v}, ${r}[${i}], (${b}))`;
  if (name in QUANTIFIERS && bodies.length === 1) return `${keys}.${QUANTIFIERS[name]}(${i}, ${bound(bodies[0]!)})`;
  if (name === 'transformList' && bodies.length === 1) return `${keys}.map(${i}, ${bound(bodies[0]!)})`;
  if (name === 'transformList' && bodies.length === 2) return `${keys}.map(${i}, ${bound(bodies[0]!)}, ${bound(bodies[1]!)})`;
  const filtered = bodies.length === 2 ? `${keys}.filter(${i}, ${bound(bodies[0]!)})` : bodies.length === 1 ? keys : undefined;
  const last = bodies[bodies.length - 1]!;
  if (filtered === undefined) return undefined;
  if (name === 'transformMap') return `${PAIRS_TO_MAP}(${filtered}.map(${i}, dyn([${i}, dyn(${bound(last)})])))`;
  if (name === 'transformMapEntry') return `${MERGE_ENTRIES}(${filtered}.map(${i}, ${bound(last)}))`;
  return undefined;
}

function isNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode).op === 'string' && 'args' in v;
}

/** The first two-variable comprehension call in the tree, innermost first. */
function findCall(ast: unknown): AstNode | undefined {
  const seen = new Set<unknown>();
  let found: AstNode | undefined;
  const visit = (v: unknown): void => {
    if (found || typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (!isNode(v)) {
      for (const x of Object.values(v)) visit(x);
      return;
    }
    visit(v.args);
    if (found) return;
    const args = v.args;
    if (v.op === 'rcall' && Array.isArray(args) && Array.isArray(args[2])) {
      const [name, , callArgs] = args as [string, AstNode, AstNode[]];
      const [iv, vv] = callArgs;
      if ((name in QUANTIFIERS || TWO_VARIABLE_ONLY.has(name)) && callArgs.length >= 3 && iv?.op === 'id' && vv?.op === 'id') found = v;
      if (name === 'sortBy' && callArgs.length === 2 && iv?.op === 'id') found = v;
    }
  };
  visit(ast);
  return found;
}

/** Rewrites the expression text; returns it unchanged when it has no such call (or does not parse). */
export function rewriteTwoVarComprehensions(env: Environment, expression: string): string {
  let text = expression;
  for (let round = 0; round < 50; round++) {
    let ast: unknown;
    try {
      ast = env.parse(text).ast;
    } catch {
      return text;
    }
    const call = findCall(ast);
    if (!call) return text;
    const [name, receiver, callArgs] = call.args as [string, AstNode, AstNode[]];
    if (name === 'sortBy') {
      const [iv] = callArgs as [AstNode, AstNode];
      const dotAt = text.indexOf(`.${name}`, receiver.end);
      const closes = (text.slice(receiver.end, dotAt).match(/\)/g) ?? []).length;
      let from = receiver.start;
      for (let k = 0; k < closes; k++) from = text.lastIndexOf('(', from - 1);
      const keyText = text.slice(text.indexOf(',', iv.end) + 1, text.lastIndexOf(')', call.end - 1));
      const replacement = template(name, text.slice(from, dotAt), iv.args as string, keyText, []);
      if (replacement === undefined || from < 0) return text;
      text = `${text.slice(0, from)}(${replacement})${text.slice(call.end)}`;
      continue;
    }
    const [iv, vv, ...bodies] = callArgs as [AstNode, AstNode, ...AstNode[]];
    // The receiver may sit in parentheses the node does not cover: as many as close before `.name(`.
    const dot = text.indexOf(`.${name}`, receiver.end);
    const closing = (text.slice(receiver.end, dot).match(/\)/g) ?? []).length;
    let start = receiver.start;
    for (let k = 0; k < closing; k++) start = text.lastIndexOf('(', start - 1);
    // Node spans leave out enclosing parentheses: each argument is taken from comma to comma instead.
    const cuts = bodies.map((b, k) => (k === 0 ? text.indexOf(',', vv.end) : text.lastIndexOf(',', b.start)));
    const close = text.lastIndexOf(')', call.end - 1);
    const bodyTexts = bodies.map((_, k) => text.slice(cuts[k]! + 1, k + 1 < bodies.length ? cuts[k + 1]! : close));
    const replacement = template(name, text.slice(start, dot), iv.args as string, vv.args as string, bodyTexts);
    if (replacement === undefined || start < 0) return text;
    text = `${text.slice(0, start)}(${replacement})${text.slice(call.end)}`;
  }
  return text;
}
