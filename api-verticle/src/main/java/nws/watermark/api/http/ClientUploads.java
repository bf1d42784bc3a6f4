package nws.watermark.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nws.watermark.api.access.Client;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Bounds the uploads in progress per client ({@code NWS_MAX_UPLOADS_PER_CLIENT}), so one client
 * cannot take the whole upload budget: past the cap it is told to slow down (429, Retry-After).
 * A client is what {@link Client} says. Confined to the API verticle's event loop.
 */
final class ClientUploads {

  private final int max;
  private final int retryAfterSeconds;
  private final Map<String, Integer> inProgress = new HashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /** {@code max} 0: no cap. */
  ClientUploads(int max, int retryAfterSeconds, Metrics metrics) {
    this.max = max;
    this.retryAfterSeconds = retryAfterSeconds;
    metrics.accessRefused("uploads_in_progress", refused::get);
  }

  /** Counts one more upload of this request's client until its exchange ends; throws the refusal past the cap. */
  void take(RoutingContext ctx, String client) {
    if (max == 0) {
      return;
    }
    int now = inProgress.getOrDefault(client, 0);
    if (now >= max) {
      refused.incrementAndGet();
      throw new ServiceException(ErrorCode.RATE_LIMITED, "this client has " + now
          + " uploads in progress, the limit; retry when one is answered", retryAfterSeconds);
    }
    inProgress.put(client, now + 1);
    ctx.addEndHandler(done -> inProgress.computeIfPresent(client, (k, n) -> n > 1 ? n - 1 : null));
  }
}
