// OPA's graph.reachable_paths over Rego values (topdown v1.17.1 semantics). (array.flatten is native in
// OPA's wasm runtime: nothing to do on the host.)
import { compareRegoValues, regoValuesEqual, type RegoValue } from '../opa/rego-value.ts';

/** The vertices of an edge collection: an array's or a set's elements; anything else has none. */
function vertices(v: RegoValue): RegoValue[] {
  return v.t === 'array' || v.t === 'set' ? v.v : [];
}

/** A set value: sorted, equal members once. */
function regoSet(members: RegoValue[]): RegoValue {
  const sorted = [...members].sort(compareRegoValues);
  const out: RegoValue[] = [];
  for (const m of sorted) if (out.length === 0 || !regoValuesEqual(out[out.length - 1]!, m)) out.push(m);
  return { t: 'set', v: out };
}

/**
 * graph.reachable_paths: every path from each initial vertex that goes on until a vertex without edges, a
 * vertex missing from the graph (left out of the path), or a vertex already on the path (cycle: the path
 * stops before it). Returns undefined where OPA's builtin errors (graph not an object, initial not a
 * collection).
 */
export function reachablePaths(graph: RegoValue, initial: RegoValue): RegoValue | undefined {
  if (graph.t !== 'object') return undefined;
  if (initial.t !== 'array' && initial.t !== 'set') return undefined;
  const edgesOf = (node: RegoValue): RegoValue | undefined => graph.v.find(([k]) => regoValuesEqual(k, node))?.[1];
  const paths: RegoValue[] = [];
  const commit = (path: RegoValue[]): void => {
    paths.push({ t: 'array', v: [...path] });
  };
  const walk = (node: RegoValue, path: RegoValue[], onPath: RegoValue[]): void => {
    const edges = edgesOf(node);
    if (edges === undefined) {
      commit(path);
      return;
    }
    const here = [...path, node];
    const next = vertices(edges);
    if (next.length === 0) {
      commit(here);
      return;
    }
    const seen = [...onPath, node];
    for (const n of next) {
      if (seen.some((s) => regoValuesEqual(s, n))) commit(here);
      else walk(n, here, seen);
    }
  };
  for (const start of initial.v) {
    const edges = edgesOf(start);
    if (edges === undefined) continue;
    const next = vertices(edges);
    if (next.length === 0) commit([start]);
    for (const n of next) walk(n, [start], [start]);
  }
  return regoSet(paths);
}
