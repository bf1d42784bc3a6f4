package nws.watermark.api.render;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders nobody waits for (the AVIF of a {@code format=auto} request, answered meanwhile in the
 * next best format), one at a time per API node, from a queue of at most
 * {@code NWS_BACKGROUND_QUEUE}. A key already queued or rendering is not queued again; a full
 * queue drops the newcomer (counted). An optimizer with no worker to spare refuses a background
 * job (BUSY); it is offered again {@value #RETRY_MS} ms later, so it lands on whichever node is
 * free, until it is {@value #MAX_AGE_MS} ms old. Confined to the API verticle's event loop.
 */
public final class BackgroundRenders {

  static final long RETRY_MS = 500;
  static final long MAX_AGE_MS = 120_000;

  private static final Logger log = LoggerFactory.getLogger(BackgroundRenders.class);

  private record Render(CacheKey key, Supplier<Future<?>> work, long since) {}

  private final Vertx vertx;
  private final int capacity;
  private final ArrayDeque<Render> queue = new ArrayDeque<>();
  private final Set<String> known = new HashSet<>();
  private boolean running;
  private long queued;
  private long dropped;
  private long rendered;
  private long failed;

  public BackgroundRenders(Vertx vertx, int capacity) {
    this.vertx = vertx;
    this.capacity = capacity;
  }

  /** Queues {@code work} for {@code key} unless it is known already; false when it was dropped. */
  public boolean offer(CacheKey key, Supplier<Future<?>> work) {
    if (known.contains(key.value())) {
      return true;
    }
    if (queue.size() >= capacity) {
      dropped++;
      return false;
    }
    queued++;
    known.add(key.value());
    queue.add(new Render(key, work, System.currentTimeMillis()));
    pump();
    return true;
  }

  private void pump() {
    Render next = running ? null : queue.poll();
    if (next == null) {
      return;
    }
    running = true;
    Future.succeededFuture().compose(v -> next.work().get()).onComplete(done -> {
      running = false;
      if (done.succeeded()) {
        rendered++;
        known.remove(next.key().value());
      } else if (ErrorCode.of(done.cause()) == ErrorCode.BUSY
          && System.currentTimeMillis() - next.since() < MAX_AGE_MS) {
        vertx.setTimer(RETRY_MS, t -> {
          queue.add(next);
          pump();
        });
      } else {
        failed++;
        known.remove(next.key().value());
        log.warn("background render {} failed: {}", next.key().value(), done.cause().toString());
      }
      pump();
    });
  }

  /** True when no render runs or waits. */
  public boolean idle() {
    return !running && queue.isEmpty();
  }

  /** Renders waiting now. */
  public int waiting() {
    return queue.size();
  }

  public long queued() {
    return queued;
  }

  public long dropped() {
    return dropped;
  }

  public long rendered() {
    return rendered;
  }

  public long failed() {
    return failed;
  }
}
