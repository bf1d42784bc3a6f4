package nws.watermark.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import nws.watermark.api.Service;
import nws.watermark.api.metrics.Scrape;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.S3Server;
import nws.watermark.optimizer.pipeline.Pipeline;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.Config;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real optimizer (the production {@link Pipeline}) behind a fault injector on
 * {@link Addresses#OPTIMIZE}, in a service whose own optimizers are off and whose originals are in
 * a real S3 server: the one retry reads the original back from S3.
 */
class RetryFromStorageTest {

  static final String BUCKET = "nws-retry";
  static S3Server s3;
  static Service service;
  static Config config;
  static Pipeline pipeline;

  /** Every job the optimizer received, in order: the bytes it was given. */
  final List<byte[]> attempts = new CopyOnWriteArrayList<>();
  MessageConsumer<Buffer> optimizer;

  @BeforeAll
  static void start() {
    s3 = S3Server.started();
    Map<String, String> env = Map.of(
        StorageConfig.S3_ENDPOINT.name(), s3.endpoint(),
        StorageConfig.S3_ACCESS_KEY.name(), S3Server.ACCESS_KEY,
        StorageConfig.S3_SECRET_KEY.name(), S3Server.SECRET_KEY,
        StorageConfig.S3_BUCKET.name(), BUCKET,
        ImagesConfig.OPTIMIZER_INSTANCES.name(), "0");
    service = Service.start(env);
    config = Config.fromEnv(env);
    pipeline = new Pipeline(config);
  }

  @AfterAll
  static void stop() {
    service.close();
    s3.close();
  }

  @AfterEach
  void removeOptimizer() {
    optimizer.unregister().await();
  }

  /** Deploys the optimizer: attempt {@code n} (from 1) fails with INTERNAL when {@code fails(n)}. */
  void optimizerThatFails(IntPredicate fails) {
    optimizer = service.vertx.eventBus().consumer(Addresses.OPTIMIZE, msg -> {
      attempts.add(msg.body().getBytes());
      if (fails.test(attempts.size())) {
        msg.fail(ErrorCode.INTERNAL.id(), "injected fault on attempt " + attempts.size());
      } else {
        service.vertx.executeBlocking(() -> pipeline.process(msg.body().getBytes(),
                Options.parse(msg.headers(), config.defaultOptions())), false)
            .onSuccess(result -> reply(msg, result))
            .onFailure(err -> msg.fail(ErrorCode.of(err).id(), ServiceException.publicMessage(err)));
      }
    });
    optimizer.completion().await();
  }

  private static void reply(Message<Buffer> msg, Result result) {
    msg.reply(Buffer.buffer(result.bytes()), new DeliveryOptions()
        .addHeader(BusHeaders.CONTENT_TYPE, result.format().contentType())
        .addHeader(BusHeaders.WIDTH, Integer.toString(result.width()))
        .addHeader(BusHeaders.HEIGHT, Integer.toString(result.height())));
  }

  @Test
  void an_optimizer_failing_once_is_retried_with_the_original_read_back_from_s3() {
    optimizerThatFails(attempt -> attempt == 1);
    byte[] photo = Photos.distinct(4_000);
    long reads = storage("reads");
    double retries = retriesCounted();

    HttpResponse<Buffer> r = service.upload("retry.jpg", photo, "?w=200");

    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("200", r.getHeader("X-Image-Width"));
    assertEquals(2, attempts.size(), "one failure, one retry");
    assertEquals(reads + 1, storage("reads"), "the retry read the original from S3");
    assertArrayEquals(photo, attempts.get(1), "the retry got the original's exact bytes");
    assertEquals(retries + 1, retriesCounted(), "/metrics counts the retry");
  }

  private static double retriesCounted() {
    return Scrape.parse(service.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString())
        .sum("nws_optimizer_retries_total");
  }

  @Test
  void an_optimizer_that_always_fails_gives_502_and_the_original_is_kept() {
    optimizerThatFails(attempt -> true);
    byte[] photo = Photos.distinct(4_001);

    HttpResponse<Buffer> r = service.upload("fails.jpg", photo, "");

    assertEquals(502, r.statusCode(), r::bodyAsString);
    assertEquals("OPTIMIZER_UNAVAILABLE", r.bodyAsJsonObject().getString("error"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains("original is kept"), r::bodyAsString);
    assertEquals(2, attempts.size(), "one retry, never more");
    assertArrayEquals(photo, s3.object(BUCKET, "original/" + Photos.sha256(photo)), "the original is in S3");
  }

  @Test
  void a_bad_image_is_never_retried() {
    optimizerThatFails(attempt -> false);
    byte[] truncated = Service.corpus("truncated.jpg");

    HttpResponse<Buffer> r = service.upload("truncated.jpg", truncated, "");

    assertEquals(422, r.statusCode(), r::bodyAsString);
    assertEquals("UNDECODABLE_IMAGE", r.bodyAsJsonObject().getString("error"));
    assertEquals(1, attempts.size(), "no second attempt for a bad image");
  }

  static long storage(String counter) {
    return Burst.dependency(service, "storage").getLong(counter);
  }
}
