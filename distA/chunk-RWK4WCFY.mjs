import {
  classify,
  nameOf
} from "./chunk-D23G4ER4.mjs";

// src/gatekeeper/mutation.ts
var MUTATION_NOT_SIMULATED = "not applied: preadmit does not simulate mutation (objects are reviewed as written, before any change a mutator would make)";
function unappliedMutators(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (classify(o.object) !== "Mutator") continue;
    const what = `Gatekeeper mutator ${String(o.object.kind ?? "")} ${nameOf(o.object)}`;
    const key = `${what}\0${o.source.file}\0${o.source.startLine}`;
    if (!out.has(key)) out.set(key, { what, source: { ...o.source }, reason: MUTATION_NOT_SIMULATED });
  }
  return [...out.values()];
}
function mutatorError(m) {
  return { kind: "load", message: `${m.source.file}:${m.source.startLine}: ${m.what} is ${m.reason}`, source: m.source };
}

export {
  unappliedMutators,
  mutatorError
};
//# sourceMappingURL=chunk-RWK4WCFY.mjs.map
