package nws.watermark.api.dispatch;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.function.Supplier;
import nws.watermark.api.cache.Rendered;
import nws.watermark.api.dispatch.Failure.Retry;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.LimitsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends jobs to the optimizers over the event bus, each attempt with the job timeout, and tries
 * again as the retry table ({@link Failure}) says: at once for a job that never reached a worker,
 * once from storage for one that timed out or broke, never for a bad image; at most
 * {@value Failure#MAX_DELIVERIES} deliveries in all.
 */
public final class OptimizerClient {

  private static final Logger log = LoggerFactory.getLogger(OptimizerClient.class);

  private final LimitsConfig limits;
  private final JobSender sender;
  private final Metrics metrics;
  private long retries;

  /**
   * A client whose attempts go through {@code sender} (clustered: one that tracks receipts), each
   * bounded by {@code NWS_JOB_TIMEOUT_MS}.
   */
  public OptimizerClient(LimitsConfig limits, JobSender sender, Metrics metrics) {
    this.limits = limits;
    this.sender = sender;
    this.metrics = metrics;
  }

  /** One job: the original, its options, how to read the original again, and whether anyone waits. */
  private record Job(Buffer original, ImageOptions options, Supplier<Future<Buffer>> reload, boolean background) {}

  /**
   * The rendered image; {@code reload} gives the original again for a retry from storage.
   *
   * @return fails with a {@link ServiceException} whose code is what the client should see
   */
  public Future<Rendered> optimize(Buffer original, ImageOptions options, Supplier<Future<Buffer>> reload) {
    return metrics.optimizerJob(attempt(new Job(original, options, reload, false), original, 1, false));
  }

  /**
   * A job nobody waits for: an optimizer takes it only with a worker to spare, else it fails
   * with BUSY at once (to be offered again later). Counted apart from the jobs clients wait for.
   */
  public Future<Rendered> optimizeInBackground(Buffer original, ImageOptions options, Supplier<Future<Buffer>> reload) {
    return attempt(new Job(original, options, reload, true), original, 1, false);
  }

  private Future<Rendered> attempt(Job job, Buffer bytes, int delivery, boolean reloaded) {
    return send(bytes, job).recover(err -> {
      Failure failure = Failure.of(err);
      Retry next = failure.next(delivery, reloaded);
      if (next == Retry.NEVER) {
        return Future.failedFuture(clientFailure(failure, err, delivery));
      }
      retries++;
      log.warn("optimizer attempt {} failed ({}: {}); delivery {} of at most {}{}", delivery, failure,
          err.getMessage(), delivery + 1, Failure.MAX_DELIVERIES, next == Retry.FROM_STORAGE ? ", from storage" : "");
      return next == Retry.FROM_STORAGE
          ? reload(job).compose(again -> attempt(job, again, delivery + 1, true))
          : attempt(job, bytes, delivery + 1, reloaded);
    });
  }

  /** The original from storage; the bytes in memory if storage cannot give it now. */
  private static Future<Buffer> reload(Job job) {
    return job.reload().get().otherwise(err -> {
      log.warn("could not re-read the original ({}); retrying with the bytes in memory", err.toString());
      return job.original();
    });
  }

  private Future<Rendered> send(Buffer original, Job job) {
    DeliveryOptions delivery = new DeliveryOptions().setHeaders(job.options().toHeaders())
        .setSendTimeout(limits.jobTimeoutMs());
    if (job.background()) {
      delivery.addHeader(BusHeaders.PRIORITY, BusHeaders.BACKGROUND);
    }
    return sender.request(original, delivery).map(OptimizerClient::rendered);
  }

  private static Rendered rendered(Message<Buffer> reply) {
    MultiMap h = reply.headers();
    return new Rendered(reply.body(), h.get(BusHeaders.CONTENT_TYPE),
        Integer.parseInt(h.get(BusHeaders.WIDTH)), Integer.parseInt(h.get(BusHeaders.HEIGHT)));
  }

  /** The error the client sees once the table says no more attempts. */
  private ServiceException clientFailure(Failure failure, Throwable err, int deliveries) {
    return switch (failure.outcome()) {
      case ANSWER -> new ServiceException(ErrorCode.of(err), ServiceException.publicMessage(err));
      case BUSY -> new ServiceException(ErrorCode.BUSY, "no optimizer is running; retry in " + limits.retryAfterSeconds() + " s");
      case UNAVAILABLE -> {
        log.error("optimizer job given up after {} deliveries: {}", deliveries, err.toString());
        yield new ServiceException(ErrorCode.OPTIMIZER_UNAVAILABLE);
      }
    };
  }

  /** Deliveries beyond a job's first, since start. */
  public long retries() {
    return retries;
  }
}
