package nws.watermark.api.dispatch;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Supplier;
import nws.watermark.api.cache.Rendered;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends jobs to the optimizers over the event bus, with a timeout, and retries once, with the
 * original re-read from storage, when the failure says another attempt may succeed. A bad image
 * is never retried.
 */
public final class OptimizerClient {

  private static final Logger log = LoggerFactory.getLogger(OptimizerClient.class);

  private final long timeoutMs;
  private final int retryAfterSeconds;
  private final JobSender sender;
  private final Metrics metrics;
  private long retries;

  /** A client whose attempts go through {@code sender} (clustered: one that tracks receipts). */
  public OptimizerClient(long timeoutMs, int retryAfterSeconds, JobSender sender, Metrics metrics) {
    this.timeoutMs = timeoutMs;
    this.retryAfterSeconds = retryAfterSeconds;
    this.sender = sender;
    this.metrics = metrics;
  }

  /**
   * The rendered image; {@code reload} gives the original again for the one retry.
   *
   * @return fails with a {@link ServiceException} whose code is what the client should see
   */
  public Future<Rendered> optimize(Buffer original, ImageOptions options, Supplier<Future<Buffer>> reload) {
    return metrics.optimizerJob(send(original, options)
        .recover(err -> ErrorCode.isRetryable(err) && !noOptimizer(err)
            ? retry(err, original, options, reload)
            : Future.failedFuture(err))
        .recover(err -> Future.failedFuture(clientFailure(err))));
  }

  private Future<Rendered> retry(Throwable first, Buffer original, ImageOptions options,
      Supplier<Future<Buffer>> reload) {
    retries++;
    log.warn("optimizer attempt failed ({}); retrying once from storage", first.getMessage());
    return reload.get()
        .otherwise(err -> {
          log.warn("could not re-read the original ({}); retrying with the bytes in memory", err.toString());
          return original;
        })
        .compose(bytes -> send(bytes, options));
  }

  private Future<Rendered> send(Buffer original, ImageOptions options) {
    DeliveryOptions delivery = new DeliveryOptions().setHeaders(options.toHeaders()).setSendTimeout(timeoutMs);
    return sender.request(original, delivery).map(OptimizerClient::rendered);
  }

  private static Rendered rendered(Message<Buffer> reply) {
    MultiMap h = reply.headers();
    return new Rendered(reply.body(), h.get(BusHeaders.CONTENT_TYPE),
        Integer.parseInt(h.get(BusHeaders.WIDTH)), Integer.parseInt(h.get(BusHeaders.HEIGHT)));
  }

  /** No consumer at all: a second attempt would find none either, so the client hears at once. */
  private static boolean noOptimizer(Throwable err) {
    return err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /** Maps an event-bus failure onto the error a client sees. */
  private ServiceException clientFailure(Throwable err) {
    if (err instanceof ServiceException se) {
      return se;
    }
    if (noOptimizer(err)) {
      return new ServiceException(ErrorCode.BUSY,
          "no optimizer is running; retry in " + retryAfterSeconds + " s");
    }
    ErrorCode code = ErrorCode.of(err);
    if (!code.retryable()) {
      return new ServiceException(code, ServiceException.publicMessage(err));
    }
    log.error("optimizer failed twice: {}", err.toString());
    return new ServiceException(ErrorCode.OPTIMIZER_UNAVAILABLE,
        "the optimizer failed or timed out twice; the original is kept, retry the request later");
  }

  /** Jobs sent a second time since start. */
  public long retries() {
    return retries;
  }
}
