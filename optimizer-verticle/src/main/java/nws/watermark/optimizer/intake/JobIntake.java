package nws.watermark.optimizer.intake;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of a clustered optimizer node, on an event loop. It takes each job from
 * {@link Addresses#OPTIMIZE}, sends the receipt the sender asked for ({@link BusHeaders#RECEIPT_TO})
 * the moment the job arrives, since a worker may be busy for a while yet, and hands the job to
 * this node's workers over a local address. Undeploying it stops the intake and completes once
 * every job it took is answered (or {@code drainMs} has passed): a graceful shutdown.
 */
public final class JobIntake extends VerticleBase {

  /** Where this node's workers take jobs from; never seen outside the JVM. */
  public static final String WORKERS = "nws.optimizer.workers";

  private static final Logger log = LoggerFactory.getLogger(JobIntake.class);

  private final long timeoutMs;
  private final long drainMs;
  private String nodeId;
  private MessageConsumer<Buffer> consumer;
  private int inFlight;
  private Promise<Void> drained;

  public JobIntake(long timeoutMs, long drainMs) {
    this.timeoutMs = timeoutMs;
    this.drainMs = drainMs;
  }

  @Override
  public Future<?> start() {
    nodeId = Members.nodeId(vertx);
    consumer = vertx.eventBus().consumer(Addresses.OPTIMIZE, this::take);
    return consumer.completion();
  }

  /** Unregisters first, so the cluster sends no more jobs here, then waits for the ones taken. */
  @Override
  public Future<?> stop() {
    return consumer.unregister().compose(v -> drained());
  }

  private void take(Message<Buffer> job) {
    String receiptTo = job.headers().get(BusHeaders.RECEIPT_TO);
    String jobId = job.headers().get(BusHeaders.JOB_ID);
    if (receiptTo != null && jobId != null) {
      vertx.eventBus().send(receiptTo, null, new DeliveryOptions()
          .addHeader(BusHeaders.JOB_ID, jobId)
          .addHeader(BusHeaders.NODE_ID, nodeId));
    }
    inFlight++;
    DeliveryOptions toWorker = new DeliveryOptions().setHeaders(job.headers()).setSendTimeout(timeoutMs);
    vertx.eventBus().<Buffer>request(WORKERS, job.body(), toWorker)
        .onComplete(result -> {
          answer(job, result);
          finished();
        });
  }

  private void answer(Message<Buffer> job, AsyncResult<Message<Buffer>> result) {
    if (result.succeeded()) {
      Message<Buffer> reply = result.result();
      job.reply(reply.body(), new DeliveryOptions().setHeaders(reply.headers()).addHeader(BusHeaders.NODE_ID, nodeId));
    } else if (result.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      job.fail(re.failureCode(), re.getMessage());
    } else {
      log.warn("job not processed on this node: {}", result.cause().toString());
      job.fail(ErrorCode.OPTIMIZER_UNAVAILABLE.id(), ErrorCode.OPTIMIZER_UNAVAILABLE.publicMessage());
    }
  }

  private void finished() {
    inFlight--;
    if (inFlight == 0 && drained != null) {
      drained.tryComplete();
    }
  }

  private Future<Void> drained() {
    log.info("intake closed; finishing {} jobs in flight", inFlight);
    drained = Promise.promise();
    if (inFlight == 0) {
      drained.complete();
    } else {
      vertx.setTimer(drainMs, t -> {
        if (drained.tryComplete()) {
          log.warn("{} jobs still in flight after {} ms; stopping anyway", inFlight, drainMs);
        }
      });
    }
    return drained.future();
  }
}
