package nws.watermark.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.LimitsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The retry table applied over a real event bus: an optimizer on {@link Addresses#OPTIMIZE} that
 * fails one way or another, and the deliveries it sees before the client gets its answer.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class OptimizerClientTest {

  private static final Buffer ORIGINAL = Buffer.buffer("original bytes");
  private static final Buffer FROM_STORAGE = Buffer.buffer("original bytes, read back");

  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger reloads = new AtomicInteger();

  @Test
  void a_refused_image_is_delivered_once(Vertx vertx, VertxTestContext test) {
    optimizer(vertx, job -> job.fail(ErrorCode.UNDECODABLE_IMAGE.id(), "truncated"))
        .compose(v -> optimize(vertx, 5_000))
        .onComplete(test.failing(err -> test.verify(() -> {
          assertEquals(ErrorCode.UNDECODABLE_IMAGE, ((ServiceException) err).code());
          assertEquals("truncated", err.getMessage());
          assertEquals(1, deliveries.get());
          assertEquals(0, reloads.get());
          test.completeNow();
        })));
  }

  @Test
  void a_broken_optimizer_is_tried_once_more_from_storage_then_502(Vertx vertx, VertxTestContext test) {
    optimizer(vertx, job -> job.fail(ErrorCode.INTERNAL.id(), "bug"))
        .compose(v -> optimize(vertx, 5_000))
        .onComplete(test.failing(err -> test.verify(() -> {
          assertEquals(ErrorCode.OPTIMIZER_UNAVAILABLE, ((ServiceException) err).code());
          assertEquals(ErrorCode.OPTIMIZER_UNAVAILABLE.publicMessage(), err.getMessage());
          assertEquals(2, deliveries.get());
          assertEquals(1, reloads.get());
          test.completeNow();
        })));
  }

  @Test
  void a_silent_optimizer_times_out_twice_then_502(Vertx vertx, VertxTestContext test) {
    optimizer(vertx, job -> { })
        .compose(v -> optimize(vertx, 200))
        .onComplete(test.failing(err -> test.verify(() -> {
          assertEquals(ErrorCode.OPTIMIZER_UNAVAILABLE, ((ServiceException) err).code());
          assertEquals(2, deliveries.get());
          test.completeNow();
        })));
  }

  @Test
  void the_retry_from_storage_gets_the_stored_bytes(Vertx vertx, VertxTestContext test) {
    optimizer(vertx, job -> {
      if (deliveries.get() == 1) {
        job.fail(ErrorCode.INTERNAL.id(), "bug");
      } else {
        job.reply(job.body(), new io.vertx.core.eventbus.DeliveryOptions()
            .addHeader("content-type", "image/jpeg").addHeader("nws-width", "1").addHeader("nws-height", "1"));
      }
    })
        .compose(v -> optimize(vertx, 5_000))
        .onComplete(test.succeeding(rendered -> test.verify(() -> {
          assertEquals(FROM_STORAGE, rendered.bytes());
          assertEquals(2, deliveries.get());
          test.completeNow();
        })));
  }

  @Test
  void with_no_optimizer_at_all_the_answer_is_busy_at_once(Vertx vertx, VertxTestContext test) {
    optimize(vertx, 5_000).onComplete(test.failing(err -> test.verify(() -> {
      assertEquals(ErrorCode.BUSY, ((ServiceException) err).code());
      assertEquals(0, reloads.get());
      test.completeNow();
    })));
  }

  private Future<Void> optimizer(Vertx vertx, Consumer<Message<Buffer>> behaviour) {
    return vertx.eventBus().<Buffer>consumer(Addresses.OPTIMIZE, job -> {
      deliveries.incrementAndGet();
      behaviour.accept(job);
    }).completion();
  }

  private Future<nws.watermark.api.cache.Rendered> optimize(Vertx vertx, long timeoutMs) {
    Config config = Config.fromEnv(Map.of(LimitsConfig.JOB_TIMEOUT_MS.name(), Long.toString(timeoutMs)));
    OptimizerClient client = new OptimizerClient(config.limits(), JobSender.direct(vertx), Metrics.of(vertx));
    return client.optimize(ORIGINAL, Options.DEFAULTS, () -> {
      reloads.incrementAndGet();
      return Future.succeededFuture(FROM_STORAGE);
    });
  }
}
