// OPA's graph.reachable_paths over Rego values (topdown v1.17.1 semantics). (array.flatten is native in
// OPA's wasm runtime: nothing to do on the host.)
import { compareRegoValues, regoValuesEqual, type RegoValue } from '../opa/rego-value.ts';

/** The vertices of an edge collection: an array's or a set's elements; anything else has none. */
function vertices(v: RegoValue): RegoValue[] {
  return v.t === 'array' || v.t === 'set' ? v.v : [];
}

/** A number's exact value as text (`1`, `1.0` and `10e-1` alike), as OPA compares numbers. */
function numberKey(text: string): string {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return text;
  let digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+/, '');
  if (digits === '') return '0';
  let exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  const zeros = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - zeros);
  exp += zeros;
  return `${m[1]}${digits}e${exp}`;
}

/** A text equal for values OPA holds equal (sets and objects in sorted order, numbers by value). */
function valueKey(v: RegoValue): string {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(v.v);
    case 'number':
      return `#${numberKey(v.v)}`;
    case 'string':
      return JSON.stringify(v.v);
    case 'array':
      return `[${v.v.map(valueKey).join(',')}]`;
    case 'set':
      return `{${[...v.v].sort(compareRegoValues).map(valueKey).join(',')}}`;
    case 'object':
      return `{${[...v.v].sort(([a], [b]) => compareRegoValues(a, b)).map(([k, x]) => `${valueKey(k)}:${valueKey(x)}`).join(',')}:}`;
  }
}

/** A set value: sorted, equal members once. */
function regoSet(members: RegoValue[]): RegoValue {
  const sorted = [...members].sort(compareRegoValues);
  const out: RegoValue[] = [];
  for (const m of sorted) if (out.length === 0 || !regoValuesEqual(out[out.length - 1]!, m)) out.push(m);
  return { t: 'set', v: out };
}

type Step = { enter: RegoValue } | { leave: true };

/**
 * graph.reachable_paths: every path from each initial vertex that goes on until a vertex without edges, a
 * vertex missing from the graph (left out of the path), or a vertex already on the path (cycle: the path
 * stops before it). Returns undefined where OPA's builtin errors (graph not an object, initial not a
 * collection). Walked with an explicit stack: a long chain must not exhaust the call stack.
 */
export function reachablePaths(graph: RegoValue, initial: RegoValue): RegoValue | undefined {
  if (graph.t !== 'object') return undefined;
  if (initial.t !== 'array' && initial.t !== 'set') return undefined;
  const edges = new Map<string, RegoValue>();
  for (const [k, v] of graph.v) edges.set(valueKey(k), v);
  const paths: RegoValue[] = [];
  const path: RegoValue[] = [];
  // Vertices on the path, counted: a start's own neighbours are not cycle-checked, so the start can be on it twice.
  const onPath = new Map<string, number>();
  const enter = (key: string): void => {
    onPath.set(key, (onPath.get(key) ?? 0) + 1);
  };
  const leave = (key: string): void => {
    const n = onPath.get(key)! - 1;
    if (n === 0) onPath.delete(key);
    else onPath.set(key, n);
  };
  const commit = (): void => {
    paths.push({ t: 'array', v: [...path] });
  };
  for (const start of initial.v) {
    const startKey = valueKey(start);
    const first = edges.get(startKey);
    if (first === undefined) continue;
    if (vertices(first).length === 0) {
      paths.push({ t: 'array', v: [start] });
      continue;
    }
    path.push(start);
    enter(startKey);
    const stack: Step[] = vertices(first).map((n) => ({ enter: n })).reverse();
    while (stack.length > 0) {
      const step = stack.pop()!;
      if ('leave' in step) {
        leave(valueKey(path.pop()!));
        continue;
      }
      const node = step.enter;
      const out = edges.get(valueKey(node));
      if (out === undefined) {
        commit();
        continue;
      }
      path.push(node);
      const next = vertices(out);
      if (next.length === 0) {
        commit();
        path.pop();
        continue;
      }
      enter(valueKey(node));
      stack.push({ leave: true });
      for (let i = next.length - 1; i >= 0; i--) {
        const n = next[i]!;
        if (onPath.has(valueKey(n))) commit();
        else stack.push({ enter: n });
      }
    }
    path.length = 0;
    onPath.clear();
  }
  return regoSet(paths);
}
