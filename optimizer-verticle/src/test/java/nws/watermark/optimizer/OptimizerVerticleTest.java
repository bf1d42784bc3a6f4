package nws.watermark.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.OutputFormat;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How jobs reach the workers of one optimizer: a free worker always takes the next job. */
@ExtendWith(VertxExtension.class)
class OptimizerVerticleTest {

  /**
   * Job 1 holds one of two workers. Job 2 runs on the other, then job 3 must run there too. With a
   * worker verticle per thread the event bus dealt job 3 round-robin to the held worker, where it
   * waited for job 1 while the other worker sat idle.
   */
  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  void aFreeWorkerTakesTheNextJobWhileAnotherIsHeld(Vertx vertx, VertxTestContext test) {
    // The held job's worker thread blocks on this, as a long decode would.
    CountDownLatch release = new CountDownLatch(1);
    Config config = Config.fromEnv(Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "2"));
    OptimizerVerticle.Work work = (input, length, options) -> {
      if (input[0] == 1) {
        hold(release);
      }
      return new Result(new byte[] {input[0]}, OutputFormat.JPEG, 1, 1, false);
    };
    vertx.deployVerticle(new OptimizerVerticle(config, null, work), OptimizerVerticle.deployment())
        .compose(id -> {
          Future<Message<Buffer>> held = send(vertx, 1);
          return send(vertx, 2)
              .compose(two -> {
                test.verify(() -> assertEquals(2, two.body().getByte(0)));
                return send(vertx, 3);
              })
              .map(three -> {
                test.verify(() -> {
                  assertEquals(3, three.body().getByte(0), "job 3 must not wait behind the held job 1");
                  assertFalse(held.isComplete(), "job 1 is still held");
                });
                return held;
              });
        })
        .onComplete(done -> release.countDown())
        .onComplete(test.succeedingThenComplete());
  }

  private static Future<Message<Buffer>> send(Vertx vertx, int job) {
    return vertx.eventBus().request(Addresses.OPTIMIZE, Buffer.buffer(new byte[] {(byte) job}),
        new DeliveryOptions().setSendTimeout(10_000));
  }

  private static void hold(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
