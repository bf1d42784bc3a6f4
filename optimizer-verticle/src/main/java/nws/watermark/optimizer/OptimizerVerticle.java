package nws.watermark.optimizer;

import io.netty.buffer.ByteBuf;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.concurrent.Callable;
import nws.watermark.optimizer.pipeline.Pipeline;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ImageOptions;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@link Addresses#OPTIMIZE} and runs each job on a pool of {@code NWS_OPTIMIZER_INSTANCES}
 * worker threads, the number of images decoded at once, interactive jobs before background ones
 * ({@link JobQueue}). One consumer feeding one pool, not one worker verticle per thread: the event
 * bus deals messages round-robin, so with a verticle per thread a job could queue behind a busy one
 * while another sat idle. Replies with the encoded image, or fails the message with an
 * {@link ErrorCode} id.
 */
public class OptimizerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OptimizerVerticle.class);

  /** What a worker does with one job; the {@link Pipeline} in production. */
  @FunctionalInterface
  interface Work {
    Result process(byte[] input, int length, ImageOptions options);
  }

  /** The optimizer's worker pool, as named in thread names and the {@code vertx_pool_*} metrics. */
  public static final String POOL = "nws-optimizer";

  private final Config config;
  private final Work work;
  private final String localAddress;
  private MessageConsumer<Buffer> consumer;
  private JobQueue jobs;

  public OptimizerVerticle(Config config) {
    this(config, null);
  }

  /**
   * A worker that takes jobs from {@code localAddress}, on this node only, instead of
   * {@link Addresses#OPTIMIZE}: clustered nodes put a receipt-sending intake in front of it.
   */
  public OptimizerVerticle(Config config, String localAddress) {
    this(config, localAddress, new Pipeline(config)::process);
  }

  OptimizerVerticle(Config config, String localAddress, Work work) {
    this.config = config;
    this.work = work;
    this.localAddress = localAddress;
  }

  /** Deployment options: one instance; its pool holds the workers. */
  public static DeploymentOptions deployment() {
    return new DeploymentOptions().setInstances(1);
  }

  @Override
  public Future<?> start() {
    // Closed with this verticle's context when it is undeployed. The stable name is the
    // pool_name label of its metrics (one optimizer verticle per Vert.x instance).
    int threads = Math.max(1, config.images().optimizerInstances());
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(POOL, threads);
    jobs = new JobQueue(workers, threads);
    consumer = localAddress == null
        ? vertx.eventBus().consumer(Addresses.OPTIMIZE, this::handle)
        : vertx.eventBus().localConsumer(localAddress, this::handle);
    if (localAddress != null) {
      // An optimizer-only node has no API whose idle collector would give its pixels back.
      IdleCollector.start(vertx, config.limits().idleGcSeconds(), jobs::idle, jobs::started);
    }
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void handle(Message<Buffer> msg) {
    ImageOptions options;
    try {
      options = config.options(msg.headers(), BusHeaders.ROUTING, false);
    } catch (ServiceException e) {
      msg.fail(e.code().id(), e.getMessage());
      return;
    }
    boolean background = BusHeaders.BACKGROUND.equals(msg.headers().get(BusHeaders.PRIORITY));
    Callable<Result> job = () -> process(msg.body(), options);
    (background ? jobs.background(job) : jobs.interactive(job))
        .onSuccess(result -> msg.reply(Buffer.buffer(result.bytes()), replyOptions(result)))
        .onFailure(err -> fail(msg, err));
  }

  private static void fail(Message<Buffer> msg, Throwable err) {
    if (err instanceof ServiceException e) {
      if (e.code() == ErrorCode.INTERNAL) {
        log.error("optimizer job failed: {}", e.getMessage());
      }
      msg.fail(e.code().id(), e.getMessage());
    } else {
      log.error("optimizer job failed", err);
      msg.fail(ErrorCode.INTERNAL.id(), "processing failed unexpectedly");
    }
  }

  /** Hands the decoder the buffer's own array when it has one, instead of a copy of the upload. */
  private Result process(Buffer body, ImageOptions options) {
    ByteBuf buf = ((BufferInternal) body).getByteBuf();
    if (buf.hasArray() && buf.arrayOffset() == 0 && buf.readerIndex() == 0) {
      return work.process(buf.array(), buf.writerIndex(), options);
    }
    byte[] copy = body.getBytes();
    return work.process(copy, copy.length, options);
  }

  /** The reply headers that describe a result, as the contract in {@link BusHeaders} says. */
  public static DeliveryOptions replyOptions(Result result) {
    return new DeliveryOptions()
        .addHeader(BusHeaders.CONTENT_TYPE, result.format().contentType())
        .addHeader(BusHeaders.WIDTH, Integer.toString(result.width()))
        .addHeader(BusHeaders.HEIGHT, Integer.toString(result.height()))
        .addHeader(BusHeaders.WATERMARK_SKIPPED, Boolean.toString(result.watermarkSkipped()));
  }
}
