package nws.watermark.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.OutputFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How jobs reach the workers of one optimizer: a free worker always takes the next job. */
class OptimizerVerticleTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /**
   * Job 1 holds one of two workers. Job 2 runs on the other, then job 3 must run there too. With a
   * worker verticle per thread the event bus dealt job 3 round-robin to the held worker, where it
   * waited for job 1 while the other worker sat idle.
   */
  @Test
  void aFreeWorkerTakesTheNextJobWhileAnotherIsHeld() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Config config = Config.fromEnv(Map.of(Config.OPTIMIZER_INSTANCES, "2"));
    OptimizerVerticle.Work work = (input, length, options) -> {
      if (input[0] == 1) {
        await(release);
      }
      return new Result(new byte[] {input[0]}, OutputFormat.JPEG, 1, 1, false);
    };
    vertx.deployVerticle(new OptimizerVerticle(config, null, work), OptimizerVerticle.deployment()).await();
    try {
      Future<Message<Buffer>> held = send(1);
      assertEquals(2, reply(send(2)));
      assertEquals(3, reply(send(3)), "job 3 must not wait behind the held job 1");
      assertFalse(held.isComplete(), "job 1 is still held");
    } finally {
      release.countDown();
    }
  }

  private Future<Message<Buffer>> send(int job) {
    return vertx.eventBus().request(Addresses.OPTIMIZE, Buffer.buffer(new byte[] {(byte) job}),
        new DeliveryOptions().setSendTimeout(10_000));
  }

  private static int reply(Future<Message<Buffer>> answer) throws Exception {
    return answer.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).body().getByte(0);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
