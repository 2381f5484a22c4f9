import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompiler, type CompiledTemplate } from '../../src/opa/compile.ts';
import { EvalPool } from '../../src/opa/pool.ts';
import { readHookResults } from '../../src/engine/hook.ts';

// A template that never ends in practice: 2.7 * 10^13 iterations over one small array.
const SPIN = `package spin
violation[{"msg": "done"}] {
  r := numbers.range(1, 30000)
  count({1 | r[_]; r[_]; r[_]}) > 5
}`;
// A template that explodes: a 50-million-element array.
const EXPLODE = `package explode
violation[{"msg": sprintf("%d", [count(numbers.range(1, 50000000))])}] { true }`;
const SETS = `package sets
violation[{"msg": sprintf("labels %v and %v", [{"b", "a"}, input.review.n])}] { true }`;

describe('opa/pool', () => {
  let compiled: Map<string, CompiledTemplate>;
  let pool: EvalPool;

  beforeAll(async () => {
    const compiler = createCompiler({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-pool-')) });
    const out = await compiler.compile([
      { key: 'spin', code: { rego: SPIN, libs: [], version: 'v0' } },
      { key: 'explode', code: { rego: EXPLODE, libs: [], version: 'v0' } },
      { key: 'sets', code: { rego: SETS, libs: [], version: 'v0' } },
    ]);
    compiled = new Map();
    for (const [k, v] of out) {
      if ('error' in v) throw new Error(v.error);
      compiled.set(k, v);
    }
    // A deadline far above what the memory tests need, so that on a loaded machine the cap (not the clock)
    // is what stops them.
    pool = new EvalPool({ size: 2, deadlineMs: 60_000, maxPolicyMemoryMb: 64 });
    for (const c of compiled.values()) pool.addModule(c.module.id, c.module.wasm);
    pool.setData('d', '{}');
  });
  afterAll(() => pool.close());

  const reviews = ['{"n": 1e+06}'];
  const item = (key: string, review = 0) => {
    const c = compiled.get(key)!;
    return { moduleId: c.module.id, entrypoint: c.entrypoint, dataId: 'd', review, inputRest: '"constraints":[{"key":0,"parameters":{}}]' };
  };

  it('evaluates with Go-exact sprintf: sets stay sets, float text is kept', async () => {
    const [out] = await pool.run([item('sets')], reviews);
    expect(out).toHaveProperty('result');
    expect(readHookResults((out as { result: string }).result)).toEqual({
      results: [{ key: 0, msg: 'labels {"a", "b"} and 1e+06', details: { t: 'object', v: [] } }],
    });
  });

  it('turns a template that never ends into an error result, and the pool lives on', async () => {
    // A generous memory cap, so that the deadline (not the cap) is what stops the spin.
    const slow = new EvalPool({ size: 1, deadlineMs: 1500, maxPolicyMemoryMb: 4096, maxWorkerHeapMb: 256 });
    try {
      for (const c of compiled.values()) slow.addModule(c.module.id, c.module.wasm);
      slow.setData('d', '{}');
      const outcomes = await slow.run([item('sets'), item('spin'), item('sets')], reviews);
      expect(outcomes[0]).toHaveProperty('result');
      expect(outcomes[1]).toEqual({ error: 'evaluation exceeded the 1500 ms deadline' });
      expect(outcomes[2]).toHaveProperty('result');
      const again = await slow.run([item('sets')], reviews);
      expect(again[0]).toHaveProperty('result');
    } finally {
      await slow.close();
    }
  });

  it('turns a template that exhausts its memory cap into an error result', async () => {
    const [boom, ok] = await pool.run([item('explode'), item('sets')], reviews);
    expect(boom).toHaveProperty('error');
    expect((boom as { error: string }).error).toMatch(/malloc|memory/i);
    expect(ok).toHaveProperty('result');
  });

  it('reports an input too large for the memory cap as an error', async () => {
    const big = JSON.stringify({ n: 1, pad: 'x'.repeat(80 * 1024 * 1024) });
    const [out] = await pool.run([item('sets', 1)], [reviews[0]!, big]);
    expect(out).toHaveProperty('error');
    expect((out as { error: string }).error).toMatch(/memory limit/);
  });
});

describe('opa/pool module cache', () => {
  it('keeps compiled modules within its byte bound (workers told to drop the rest) and gets a forgotten one back from the resolver', async () => {
    const compiler = createCompiler({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-pool-lru-')) });
    // Three modules (one compile call each), each answering with its own message.
    const modules: CompiledTemplate[] = [];
    for (const name of ['one', 'two', 'three']) {
      const out = (await compiler.compile([{ key: name, code: { rego: `package ${name}\nviolation[{"msg": "${name}"}] { true }`, libs: [], version: 'v0' } }])).get(name)!;
      if ('error' in out) throw new Error(out.error);
      modules.push(out);
    }
    const biggest = Math.max(...modules.map((m) => m.module.wasm.byteLength));
    // Room for one module only.
    const pool = new EvalPool({ size: 1, maxModuleCacheMb: (biggest * 1.5) / (1024 * 1024) });
    try {
      for (const m of modules) pool.addModule(m.module.id, m.module.wasm);
      expect(pool.moduleCount).toBe(1);
      pool.setData('d', '{}');
      const asked: string[] = [];
      const resolve = (id: string) => {
        asked.push(id);
        return modules.find((m) => m.module.id === id)?.module.wasm;
      };
      const run = async (m: CompiledTemplate) => {
        const [out] = await pool.run([{ moduleId: m.module.id, entrypoint: m.entrypoint, dataId: 'd', review: 0, inputRest: '"constraints":[{"key":0,"parameters":{}}]' }], ['{}'], resolve);
        return (readHookResults((out as { result: string }).result) as { results: Array<{ msg: string }> }).results.map((r) => r.msg);
      };
      // Round-robin twice over three modules with room for one: every turn needs a module the pool let go.
      for (let round = 0; round < 2; round++) {
        for (const [i, m] of modules.entries()) expect(await run(m)).toEqual([['one', 'two', 'three'][i]]);
      }
      expect(pool.moduleCount).toBe(1);
      expect(asked.length).toBeGreaterThanOrEqual(4);
      // Without a resolver, a module the pool let go is a clear error, not a wrong answer.
      const gone = modules.find((m) => !asked.slice(-1).includes(m.module.id))!;
      expect(await pool.run([{ moduleId: gone.module.id, entrypoint: gone.entrypoint, dataId: 'd', review: 0, inputRest: '' }], ['{}'])).toEqual([{ error: `unknown module ${gone.module.id}` }]);
      // And the pool goes on.
      expect(await run(gone)).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });
});

describe('opa/pool CEL items', () => {
  // A K8sNativeValidation source: a variable, a message expression and params, as Gatekeeper binds them.
  const source = {
    validations: [
      { expression: 'variables.replicas <= variables.params.max', message: '', messageExpression: '"too many replicas: " + string(variables.replicas)' },
      { expression: 'request.operation != "DELETE"', message: 'no deletes', messageExpression: '' },
    ],
    variables: [{ name: 'replicas', expression: 'object.spec.replicas' }],
    matchConditions: [],
    failurePolicy: undefined,
  };
  const review = (replicas: number, operation = '') =>
    JSON.stringify({ uid: '', kind: { group: 'apps', version: 'v1', kind: 'Deployment' }, operation, object: { spec: { replicas } }, oldObject: null, namespaceObject: {} });
  const constraint = (max: number) => ({ apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: 'K8sMax', metadata: { name: `max-${max}` }, spec: { parameters: { max } } });

  it('evaluates each constraint of a CEL template on the review in a worker, in order, beside Rego items', async () => {
    const pool = new EvalPool({ size: 1 });
    try {
      pool.addCel('c1', source);
      pool.setData('params', JSON.stringify([constraint(3), constraint(10)]));
      const out = await pool.run(
        [
          { celId: 'c1', paramsId: 'params', review: 0, numbers: 'int' },
          { celId: 'c1', paramsId: 'params', review: 1, numbers: 'int' },
          { celId: 'c1', paramsId: 'params', review: 2, numbers: 'int' },
        ],
        [review(5), review(1), review(20)],
      );
      expect(out).toEqual([
        { result: JSON.stringify([['too many replicas: 5'], []]) },
        { result: JSON.stringify([[], []]) },
        { result: JSON.stringify([['too many replicas: 20'], ['too many replicas: 20']]) },
      ]);
      // An unregistered source: the item is answered with an error, not left pending.
      expect(await pool.run([{ celId: 'nope', paramsId: 'params', review: 0, numbers: 'int' }], [review(1)])).toEqual([{ error: 'unknown CEL source nope' }]);
      // New params under the same id are read again by the worker (not its parsed copy of the old document).
      pool.setData('params', JSON.stringify([constraint(0)]));
      const [again] = await pool.run([{ celId: 'c1', paramsId: 'params', review: 0, numbers: 'int' }], [review(1)]);
      expect(again).toEqual({ result: JSON.stringify([['too many replicas: 1']]) });
    } finally {
      await pool.close();
    }
  });

  it('keeps at most maxCelSources sources, forgetting the least recently used; a source registered again works again', async () => {
    const pool = new EvalPool({ size: 1, maxCelSources: 2 });
    try {
      pool.setData('params', JSON.stringify([constraint(3)]));
      const item = (celId: string) => ({ celId, paramsId: 'params', review: 0, numbers: 'int' as const });
      pool.addCel('a', source);
      pool.addCel('b', source);
      // The worker learns a and b, then a is used again (most recent), so c pushes b out.
      await pool.run([item('a'), item('b')], [review(5)]);
      pool.addCel('a', source);
      pool.addCel('c', source);
      expect(pool.celSourceCount).toBe(2);
      expect(await pool.run([item('b')], [review(5)])).toEqual([{ error: 'unknown CEL source b' }]);
      const ok = { result: JSON.stringify([['too many replicas: 5']]) };
      expect(await pool.run([item('a'), item('c')], [review(5)])).toEqual([ok, ok]);
      pool.addCel('b', source);
      expect(await pool.run([item('b')], [review(5)])).toEqual([ok]);
    } finally {
      await pool.close();
    }
  });

  it('binds DELETE as the driver does: object cleared, the operation in request', async () => {
    const pool = new EvalPool({ size: 1 });
    try {
      pool.addCel('c1', source);
      pool.setData('params', JSON.stringify([constraint(100)]));
      const [out] = await pool.run([{ celId: 'c1', paramsId: 'params', review: 0, numbers: 'int' }], [review(1, 'DELETE')]);
      // object is null on DELETE: the variable fails to evaluate, then the operation check denies.
      const messages = JSON.parse((out as { result: string }).result) as string[][];
      expect(messages[0]).toHaveLength(2);
      expect(messages[0]![0]).toMatch(/composited variable "replicas" fails to evaluate/);
      expect(messages[0]![1]).toBe('no deletes');
    } finally {
      await pool.close();
    }
  });
});

describe('opa/pool CEL deadline', () => {
  it('measures its deadline per constraint of a CEL item, not per item: many slow-ish constraints are not cut off', async () => {
    // Each constraint walks 40,000 strings (tens of milliseconds); 40 of them take far longer than the 300 ms deadline.
    const source = {
      validations: [{ expression: 'variables.params.items.all(x, x.startsWith("a"))', message: 'not all a', messageExpression: '' }],
      variables: [],
      matchConditions: [],
      failurePolicy: undefined,
    };
    const items = Array.from({ length: 40_000 }, (_, i) => `a${i}`);
    const constraints = Array.from({ length: 40 }, (_, i) => ({ kind: 'K8sSlow', metadata: { name: `c${i}` }, spec: { parameters: { items: i === 39 ? [...items, 'b'] : items } } }));
    const pool = new EvalPool({ size: 1, deadlineMs: 300 });
    try {
      pool.addCel('slow', source);
      pool.setData('params', JSON.stringify(constraints));
      const review = JSON.stringify({ uid: '', operation: '', object: { kind: 'Pod' }, oldObject: null, namespaceObject: {} });
      const started = Date.now();
      const [out] = await pool.run([{ celId: 'slow', paramsId: 'params', review: 0, numbers: 'int' }], [review]);
      // The item as a whole took longer than one deadline (else this test could not tell the difference).
      expect(Date.now() - started).toBeGreaterThan(300);
      expect(out).toHaveProperty('result');
      const messages = JSON.parse((out as { result: string }).result) as string[][];
      expect(messages).toHaveLength(40);
      expect(messages.slice(0, 39).every((m) => m.length === 0)).toBe(true);
      expect(messages[39]).toEqual(['not all a']);
    } finally {
      await pool.close();
    }
  });
});

describe('opa/pool large policies', () => {
  it('loads a module whose data needs more memory than the usual few pages (a template with large literals)', async () => {
    const compiler = createCompiler({ cacheDir: await mkdtemp(path.join(os.tmpdir(), 'preadmit-pool-big-')) });
    // About 1 MiB of string literals: the module declares a memory of ~20 pages for its data.
    const chunks = Array.from({ length: 16 }, (_, i) => `"${String.fromCharCode(97 + i).repeat(65536)}"`);
    const rego = `package big\nstrings := [${chunks.join(', ')}]\nviolation[{"msg": sprintf("%d bytes", [sum([n | n := count(strings[_])])])}] { true }\n`;
    const out = await compiler.compile([{ key: 'big', code: { rego, libs: [], version: 'v0' } }]);
    const c = out.get('big');
    if (!c || 'error' in c) throw new Error(`compile failed: ${c && 'error' in c ? c.error : 'none'}`);
    const pool = new EvalPool({ size: 1 });
    try {
      pool.addModule(c.module.id, c.module.wasm);
      pool.setData('d', '{}');
      const [o] = await pool.run([{ moduleId: c.module.id, entrypoint: c.entrypoint, dataId: 'd', review: 0, inputRest: '"constraints":[{"key":0,"parameters":{}}]' }], ['{}']);
      expect(o).toHaveProperty('result');
      expect(readHookResults((o as { result: string }).result)).toMatchObject({ results: [{ key: 0, msg: '1048576 bytes' }] });
    } finally {
      await pool.close();
    }
  });
});
