package nws.watermark.api.cache;

import io.vertx.core.Future;

/**
 * L1 (in process) in front of L2 (shared by every node). A read tries L1, then L2, and an L2 hit
 * fills L1; a write goes to L1 at once and to L2 in the background.
 */
public final class TieredCache {

  private final LocalCache l1;
  private final L2Cache l2;

  public TieredCache(LocalCache l1, L2Cache l2) {
    this.l1 = l1;
    this.l2 = l2;
  }

  /** The cached variant, or null; never fails. */
  public Future<Rendered> get(CacheKey key) {
    Rendered local = l1.get(key);
    if (local != null) {
      return Future.succeededFuture(local);
    }
    return l2.get(key).onSuccess(shared -> {
      if (shared != null) {
        l1.put(key, shared);
      }
    });
  }

  /** Keeps a variant another tier already holds (the cluster's shared results) in L1 only. */
  public void fillLocal(CacheKey key, Rendered value) {
    l1.put(key, value);
  }

  /** Caches {@code value}; returns without waiting on L2. */
  public void put(CacheKey key, Rendered value) {
    l1.put(key, value);
    l2.put(key, value);
  }
}
