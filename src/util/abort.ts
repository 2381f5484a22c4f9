// Cancellation: one `AbortSignal` per check (the queue's job signal, the CLI's SIGINT) reaches the source reads,
// the renderer processes and the evaluation pool. Whatever is stopped by it rejects with `AbortError`, the one
// error that means "this work was ended, there is no result": callers recognise it with `isAbort` and never report
// it as a failed check.

export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'the work was cancelled', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Whether `e` says the work was cancelled: our `AbortError`, the DOM `AbortError` fetch and Node's APIs reject with
 * on an aborted signal, or an error caused by one of those (a wrapper that kept it as its cause).
 */
export function isAbort(e: unknown): boolean {
  for (let x = e, depth = 0; x !== undefined && x !== null && depth < 8; depth++) {
    if (x instanceof AbortError) return true;
    if (typeof x === 'object' && 'name' in x && x.name === 'AbortError') return true;
    x = typeof x === 'object' && 'cause' in x ? x.cause : undefined;
  }
  return false;
}

/** Throws `AbortError` when `signal` is aborted (no-op without a signal). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/**
 * `work`, or an `AbortError` as soon as `signal` aborts, whichever comes first (the work itself is left to end on
 * its own: use this where the signal was also handed to it, or where what it holds is released anyway).
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new AbortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(() => undefined);
      reject(new AbortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new AbortError(undefined, { cause: e }) : e);
      },
    );
  });
}

/** The exit code of a command stopped by SIGINT (128 + 2, as shells report it). */
export const INTERRUPTED_EXIT = 130;
