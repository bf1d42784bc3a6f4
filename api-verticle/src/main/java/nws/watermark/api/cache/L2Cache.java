package nws.watermark.api.cache;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nws.watermark.api.metrics.Metrics;

/**
 * The cache tier every API node shares, behind L1. Redis when it is configured ({@link RedisCache});
 * otherwise {@link #NONE}, which holds nothing. Neither ever fails: a broken tier reads as a miss.
 */
public interface L2Cache {

  /** No shared tier: every lookup misses, every write is dropped. */
  L2Cache NONE = new L2Cache() {
    @Override
    public Future<Void> put(CacheKey key, Rendered value) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Rendered> get(CacheKey key) {
      return Future.succeededFuture();
    }

    @Override
    public JsonObject health() {
      return new JsonObject().put("state", "disabled");
    }

    @Override
    public void observe(Metrics metrics) {
      // nothing to report
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  };

  /** The cached variant, or null; never fails. */
  Future<Rendered> get(CacheKey key);

  /** Stores {@code value}; callers do not wait on it, and the future never fails. */
  Future<Void> put(CacheKey key, Rendered value);

  /** State and counters for {@code /ready}. */
  JsonObject health();

  /** Registers what {@code /metrics} shows of this tier. */
  void observe(Metrics metrics);

  Future<Void> close();
}
