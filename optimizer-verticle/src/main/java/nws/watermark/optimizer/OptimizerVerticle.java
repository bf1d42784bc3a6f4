package nws.watermark.optimizer;

import io.netty.buffer.ByteBuf;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.buffer.BufferInternal;
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
 * Consumes {@link Addresses#OPTIMIZE} on a worker thread: one job at a time per instance, so the
 * number of instances is the number of images decoded at once. Replies with the encoded image, or
 * fails the message with an {@link ErrorCode} id.
 */
public class OptimizerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OptimizerVerticle.class);

  private final Config config;
  private final Pipeline pipeline;
  private final String localAddress;
  private MessageConsumer<Buffer> consumer;

  public OptimizerVerticle(Config config) {
    this(config, null);
  }

  /**
   * A worker that takes jobs from {@code localAddress}, on this node only, instead of
   * {@link Addresses#OPTIMIZE}: clustered nodes put a receipt-sending intake in front of it.
   */
  public OptimizerVerticle(Config config, String localAddress) {
    this.config = config;
    this.pipeline = new Pipeline(config);
    this.localAddress = localAddress;
  }

  /** Deployment options for {@code instances} workers. */
  public static DeploymentOptions deployment(int instances) {
    return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setInstances(instances);
  }

  @Override
  public Future<?> start() {
    consumer = localAddress == null
        ? vertx.eventBus().consumer(Addresses.OPTIMIZE, this::handle)
        : vertx.eventBus().localConsumer(localAddress, this::handle);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void handle(Message<Buffer> msg) {
    try {
      ImageOptions options = Options.parse(msg.headers(), config.defaultOptions(), BusHeaders.ROUTING);
      Result result = process(msg.body(), options);
      msg.reply(Buffer.buffer(result.bytes()), replyOptions(result));
    } catch (ServiceException e) {
      if (e.code() == ErrorCode.INTERNAL) {
        log.error("optimizer job failed: {}", e.getMessage());
      }
      msg.fail(e.code().id(), e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      log.error("optimizer job failed", e);
      msg.fail(ErrorCode.INTERNAL.id(), "processing failed unexpectedly");
    }
  }

  /** Hands the decoder the buffer's own array when it has one, instead of a copy of the upload. */
  private Result process(Buffer body, ImageOptions options) {
    ByteBuf buf = ((BufferInternal) body).getByteBuf();
    if (buf.hasArray() && buf.arrayOffset() == 0 && buf.readerIndex() == 0) {
      return pipeline.process(buf.array(), buf.writerIndex(), options);
    }
    return pipeline.process(body.getBytes(), options);
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
