// Process-wide hit/miss counts of the content-addressed caches (compiled policy modules, renders), read by the
// app's /metrics. A hit is a lookup answered from memory or from the cache directory (which instances may
// share via PREADMIT_CACHE_DIR); a miss is one that had to run opa or a renderer.
export type CacheName = 'compile' | 'render';

const counts: Record<CacheName, { hits: number; misses: number }> = {
  compile: { hits: 0, misses: 0 },
  render: { hits: 0, misses: 0 },
};

export function countCacheLookup(cache: CacheName, hit: boolean): void {
  counts[cache][hit ? 'hits' : 'misses']++;
}

/** A copy of the counts so far (they only grow). */
export function cacheStats(): Record<CacheName, { hits: number; misses: number }> {
  return { compile: { ...counts.compile }, render: { ...counts.render } };
}
