// The compile + evaluate machinery a run needs, created once and closed at the end.
import { createCompiler, type Compiler } from '../opa/compile.ts';
import { EvalPool, type PoolOptions } from '../opa/pool.ts';

export interface Runtime {
  compiler: Compiler;
  pool: EvalPool;
  close(): Promise<void>;
}

export interface RuntimeOptions extends PoolOptions {
  opaPath?: string;
  cacheDir?: string;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const compiler = createCompiler({
    ...(options.opaPath !== undefined ? { opaPath: options.opaPath } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
  });
  const pool = new EvalPool(options);
  pool.prewarm();
  return { compiler, pool, close: () => pool.close() };
}
