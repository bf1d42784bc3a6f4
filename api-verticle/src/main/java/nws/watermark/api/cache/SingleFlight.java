package nws.watermark.api.cache;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Identical concurrent misses share one computation: the first caller runs it, later callers with
 * the same key get the same future until it completes. Confined to the API verticle's event loop.
 */
public final class SingleFlight<T> {

  private final Map<String, Future<T>> inFlight = new HashMap<>();
  private long joins;

  public Future<T> run(String key, Supplier<Future<T>> work) {
    Future<T> running = inFlight.get(key);
    if (running != null) {
      joins++;
      return running;
    }
    Future<T> started = work.get();
    if (!started.isComplete()) {
      inFlight.put(key, started);
      started.onComplete(done -> inFlight.remove(key));
    }
    return started;
  }

  /** How many callers joined a computation already running. */
  public long joins() {
    return joins;
  }
}
