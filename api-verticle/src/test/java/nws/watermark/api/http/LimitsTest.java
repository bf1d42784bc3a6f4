package nws.watermark.api.http;

import static nws.watermark.api.http.CorpusTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import nws.watermark.api.Service;
import nws.watermark.optimizer.OptimizerVerticle;
import nws.watermark.optimizer.pipeline.Pipeline;
import nws.watermark.optimizer.pipeline.Result;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.Options;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.LimitsConfig;
import org.junit.jupiter.api.Test;

/** The bounds that keep the service alive: upload size, work in flight. */
class LimitsTest {

  @Test
  void an_upload_over_the_byte_limit_is_413_from_its_content_length() {
    try (Service service = Service.start(Map.of(LimitsConfig.MAX_UPLOAD_BYTES.name(), "500000"))) {
      HttpResponse<Buffer> r = service.uploadRaw(Service.corpus("photo_8mp_picos.jpg"), "image/jpeg", "");
      assertError(r, 413, "IMAGE_TOO_LARGE");
      assertTrue(r.bodyAsJsonObject().getString("message").contains("500000"), r.bodyAsString());
      assertError(service.upload("photo_8mp_picos.jpg"), 413, "IMAGE_TOO_LARGE");
      assertEquals(200, service.upload("photo_03mp_rocket.jpg").statusCode(), "a small upload still passes");
    }
  }

  @Test
  void a_chunked_upload_is_cut_off_with_413_once_it_passes_the_limit() {
    try (Service service = Service.start(Map.of(LimitsConfig.MAX_UPLOAD_BYTES.name(), "300000"))) {
      HttpClient http = service.vertx.createHttpClient();
      byte[] photo = Service.corpus("photo_8mp_picos.jpg");
      JsonObject answer = http.request(new RequestOptions().setMethod(HttpMethod.POST)
              .setHost("127.0.0.1").setPort(service.port).setURI("/upload"))
          .compose(req -> {
            req.setChunked(true).putHeader("Content-Type", "image/jpeg");
            // Stream 64 KiB chunks without a Content-Length, as a client piping a file would.
            for (int off = 0; off < photo.length; off += 65536) {
              req.write(Buffer.buffer(photo).slice(off, Math.min(photo.length, off + 65536)));
            }
            req.end();
            return req.response();
          })
          .compose(res -> res.body().map(body -> body.toJsonObject().put("status", res.statusCode())))
          .await();
      assertEquals(413, answer.getInteger("status"));
      assertEquals("IMAGE_TOO_LARGE", answer.getString("error"));
      assertEquals(200, service.upload("photo_03mp_rocket.jpg").statusCode(), "the service goes on");
      assertEquals(0L, service.get("/ready", io.vertx.core.MultiMap.caseInsensitiveMultiMap())
          .bodyAsJsonObject().getLong("bytesInFlight"), "the refused upload's bytes are released");
    }
  }

  @Test
  void past_its_jobs_in_flight_the_service_answers_503_with_retry_after() {
    Map<String, String> env = Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0", LimitsConfig.MAX_JOBS_IN_FLIGHT.name(), "1");
    try (Service service = Service.start(env)) {
      Queue<Message<Buffer>> held = heldOptimizer(service);
      Future<HttpResponse<Buffer>> first = service.sendRaw(Service.corpus("photo_2mp_storm.jpg"), "image/jpeg", "?w=100");
      pollUntil(() -> held.size() == 1);
      HttpResponse<Buffer> second = service.uploadRaw(Service.corpus("photo_03mp_rocket.jpg"), "image/jpeg", "");
      assertError(second, 503, "BUSY");
      assertEquals("2", second.getHeader("Retry-After"));
      release(held.poll());
      assertEquals(200, first.await().statusCode(), "the job in flight completes");
      Future<HttpResponse<Buffer>> third = service.sendRaw(Service.corpus("photo_03mp_rocket.jpg"), "image/jpeg", "");
      pollUntil(() -> held.size() == 1);
      release(held.poll());
      assertEquals(200, third.await().statusCode(), "the slot is free again");
    }
  }

  @Test
  void past_its_bytes_in_flight_an_upload_waits_on_disk_then_completes() throws Exception {
    Map<String, String> env = Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0",
        LimitsConfig.MAX_UPLOAD_BYTES.name(), "800000", LimitsConfig.MAX_BYTES_IN_FLIGHT.name(), "1000000");
    long spooledBefore = spooledFiles();
    try (Service service = Service.start(env)) {
      Queue<Message<Buffer>> held = heldOptimizer(service);
      Future<HttpResponse<Buffer>> first = service.sendRaw(Service.corpus("photo_2mp_storm.jpg"), "image/jpeg", "");
      pollUntil(() -> held.size() == 1);
      Future<HttpResponse<Buffer>> second = service.sendRaw(Service.corpus("orient3.jpg"), "image/jpeg", "");
      pollUntil(() -> ready(service).getInteger("uploadsWaiting") == 1);
      assertEquals(1, held.size(), "the waiting upload is not processed while memory is full");
      release(held.poll());
      assertEquals(200, first.await().statusCode());
      pollUntil(() -> held.size() == 1);
      release(held.poll());
      assertEquals(200, second.await().statusCode(), "the upload that waited on disk is served");
      pollUntil(() -> ready(service).getLong("bytesInFlight") == 0L);
    }
    pollUntil(() -> spooledFiles() == spooledBefore);
  }

  @Test
  void past_its_bytes_in_flight_and_its_waiting_room_the_service_answers_503() {
    Map<String, String> env = Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0", LimitsConfig.MAX_UPLOADS_WAITING.name(), "0",
        LimitsConfig.MAX_UPLOAD_BYTES.name(), "800000", LimitsConfig.MAX_BYTES_IN_FLIGHT.name(), "1000000");
    try (Service service = Service.start(env)) {
      Queue<Message<Buffer>> held = heldOptimizer(service);
      Future<HttpResponse<Buffer>> first = service.sendRaw(Service.corpus("photo_2mp_storm.jpg"), "image/jpeg", "");
      pollUntil(() -> held.size() == 1);
      HttpResponse<Buffer> second = service.uploadRaw(Service.corpus("orient3.jpg"), "image/jpeg", "");
      assertError(second, 503, "BUSY");
      assertEquals("2", second.getHeader("Retry-After"));
      release(held.poll());
      assertEquals(200, first.await().statusCode());
    }
  }

  private static io.vertx.core.json.JsonObject ready(Service service) {
    return service.get("/ready", io.vertx.core.MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject();
  }

  /** Upload spool files in the temporary folder: every one is deleted when its exchange ends. */
  private static long spooledFiles() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("nws-upload-")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An optimizer that holds each job until the test releases it: the real pipeline, run late. */
  private static Queue<Message<Buffer>> heldOptimizer(Service service) {
    Queue<Message<Buffer>> held = new ConcurrentLinkedQueue<>();
    service.vertx.eventBus().<Buffer>consumer(Addresses.OPTIMIZE, held::add).completion().await();
    return held;
  }

  private static void release(Message<Buffer> msg) {
    Config config = Config.defaults();
    Result result = new Pipeline(config).process(msg.body().getBytes(), Options.parse(msg.headers(), config.defaultOptions()));
    msg.reply(Buffer.buffer(result.bytes()), OptimizerVerticle.replyOptions(result));
  }

  static void pollUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
