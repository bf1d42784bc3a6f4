package nws.watermark.api.cache;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Results shared between API nodes: a cache every node reads, and single flight across nodes.
 * Standalone there is nothing to share with: {@link #NONE}.
 */
public interface SharedResults {

  /** Nothing shared: no hits, and the work runs here. */
  SharedResults NONE = new SharedResults() {
    @Override
    public Future<Rendered> get(CacheKey key) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Rendered> renderOnce(CacheKey key, Supplier<Future<Rendered>> work) {
      return work.get();
    }
  };

  /** The variant some node rendered already, or null; never fails (a broken share is a miss). */
  Future<Rendered> get(CacheKey key);

  /**
   * The result of {@code work}, run once across the nodes for the same key: a node that finds
   * another rendering it waits for that result instead. The result is shared for later gets.
   */
  Future<Rendered> renderOnce(CacheKey key, Supplier<Future<Rendered>> work);
}
