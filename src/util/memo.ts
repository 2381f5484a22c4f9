// One in-flight or finished promise per key: concurrent callers share it, and a rejected one is forgotten so
// that the next caller asks again (a failed GitHub request or git command is not cached).

/** The promise `cache` holds for `key`, else `make()`'s, kept there until it rejects. */
export function memoPromise<K, V>(cache: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let p = cache.get(key);
  if (p === undefined) {
    const made = make();
    cache.set(key, made);
    made.catch(() => {
      if (cache.get(key) === made) cache.delete(key);
    });
    p = made;
  }
  return p;
}
