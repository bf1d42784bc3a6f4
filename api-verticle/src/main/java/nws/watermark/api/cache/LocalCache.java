package nws.watermark.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The in-process L1: rendered variants, bounded in bytes (not entries), least useful evicted. */
public final class LocalCache {

  private final Cache<String, Rendered> cache;

  public LocalCache(long maxBytes) {
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, Rendered value) -> value.weight())
        // Eviction work runs on the calling thread: no hidden pool, nothing blocking.
        .executor(Runnable::run)
        .recordStats()
        .build();
  }

  /** The cached variant, or null. */
  public Rendered get(CacheKey key) {
    return cache.getIfPresent(key.value());
  }

  public void put(CacheKey key, Rendered value) {
    cache.put(key.value(), value);
  }

  /** Lookups that found their variant, since start. */
  public long hits() {
    return cache.stats().hitCount();
  }

  /** Lookups that did not, since start. */
  public long misses() {
    return cache.stats().missCount();
  }

  /** Approximate bytes held, for readiness and metrics. */
  public long weightedSize() {
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }
}
