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
  /** Workers started at once (default 1): a command that will evaluate starts them all while it reads its input. */
  prewarm?: number;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const compiler = createCompiler({
    ...(options.opaPath !== undefined ? { opaPath: options.opaPath } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
  });
  const pool = new EvalPool(options);
  pool.prewarm(options.prewarm ?? 1);
  return { compiler, pool, close: () => pool.close() };
}
