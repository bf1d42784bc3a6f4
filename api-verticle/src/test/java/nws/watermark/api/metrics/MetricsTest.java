package nws.watermark.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.optimizer.OptimizerVerticle;
import nws.watermark.shared.config.ImagesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} after known traffic: every counter moved by exactly what the requests did. */
class MetricsTest {

  private static final String PHOTO = "photo_03mp_rocket.jpg";
  @RegisterExtension
  static final Service service = Service.start();

  private static Scrape scrape(Service s) throws Exception {
    HttpResponse<Buffer> r = s.get("/metrics", MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/plain"), r.getHeader("Content-Type"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/metrics-sample.txt"), r.bodyAsString());
    return Scrape.parse(r.bodyAsString());
  }

  @Test
  void cache_and_optimizer_counters_follow_the_uploads() throws Exception {
    Scrape before = scrape(service);

    assertEquals("MISS", service.upload(PHOTO, Service.corpus(PHOTO), "?w=300").getHeader("X-Cache"));
    assertEquals("HIT", service.upload(PHOTO, Service.corpus(PHOTO), "?w=300").getHeader("X-Cache"));
    assertEquals("MISS", service.upload(PHOTO, Service.corpus(PHOTO), "?w=301").getHeader("X-Cache"));
    assertEquals(415, service.upload("not_an_image.jpg").statusCode());
    MultipartForm badOption = MultipartForm.create().attribute("w", "abc")
        .binaryFileUpload("image", PHOTO, Buffer.buffer(Service.corpus(PHOTO)), "image/jpeg");
    assertEquals(400, service.client.post("/upload").sendMultipartForm(badOption).await().statusCode());

    Scrape after = scrape(service);
    assertMoved(before, after, 1, "nws_cache_hits_total", "tier", "l1");
    assertMoved(before, after, 3, "nws_cache_misses_total", "tier", "l1");
    assertMoved(before, after, 2, "nws_optimizer_jobs_total", "outcome", "ok");
    assertMoved(before, after, 1, "nws_optimizer_jobs_total", "outcome", "UNSUPPORTED_FORMAT");
    assertMoved(before, after, 3, "nws_optimizer_job_duration_seconds_count");
    assertMoved(before, after, 0, "nws_optimizer_retries_total");
    // Every job ran on the optimizer's own pool, the one its queue and busy gauges describe.
    assertMoved(before, after, 3, "vertx_pool_completed_total", "pool_name", OptimizerVerticle.POOL);
    assertMoved(before, after, 3, "vertx_http_server_requests_total", "route", "/upload", "code", "200");
    assertMoved(before, after, 1, "vertx_http_server_requests_total", "route", "/upload", "code", "415");
    assertMoved(before, after, 1, "vertx_http_server_requests_total", "route", "/upload", "code", "400");
    assertMoved(before, after, 5, "vertx_http_server_response_time_seconds_count", "route", "/upload");
    assertTrue(after.has("vertx_http_server_response_time_seconds_bucket", "route", "/upload", "le", "+Inf"),
        "latency is a histogram");
    assertEquals(0, after.sum("nws_jobs_in_flight"), "no job left in flight");
    assertEquals(0, after.sum("nws_upload_bytes_in_flight"), "no upload bytes left in memory");
    assertTrue(after.sum("nws_cache_bytes", "tier", "l1") > 0, "the two variants take room in L1");
    assertEquals(1, after.sum("nws_backend_up", "backend", "storage"));
  }

  @Test
  void stored_originals_count_as_cache_hits_and_unknown_ones_as_misses() throws Exception {
    String id = service.upload(PHOTO, Service.corpus(PHOTO), "?w=120").getHeader("X-Image-Id");
    Scrape before = scrape(service);

    assertEquals("HIT", service.get("/images/" + id + "?w=120", MultiMap.caseInsensitiveMultiMap()).getHeader("X-Cache"));
    assertEquals("MISS", service.get("/images/" + id + "?w=121", MultiMap.caseInsensitiveMultiMap()).getHeader("X-Cache"));
    assertEquals(404, service.get("/images/" + "0".repeat(64), MultiMap.caseInsensitiveMultiMap()).statusCode());

    Scrape after = scrape(service);
    assertMoved(before, after, 1, "nws_cache_hits_total", "tier", "l1");
    assertMoved(before, after, 2, "nws_cache_misses_total", "tier", "l1");
    assertMoved(before, after, 1, "nws_optimizer_jobs_total", "outcome", "ok");
    assertMoved(before, after, 2, "vertx_http_server_requests_total", "route", "/images/:id", "code", "200");
    assertMoved(before, after, 1, "vertx_http_server_requests_total", "route", "/images/:id", "code", "404");
  }

  @Test
  void identical_concurrent_uploads_are_one_job_and_the_rest_join_or_hit() throws Exception {
    String big = "photo_20mp_kleiber.jpg";
    byte[] bytes = Service.corpus(big);
    Scrape before = scrape(service);

    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      MultipartForm form = MultipartForm.create()
          .binaryFileUpload("image", big, Buffer.buffer(bytes), "image/jpeg");
      answers.add(service.client.post("/upload?w=640").sendMultipartForm(form));
    }
    Future.all(answers).await();
    long misses = answers.stream().filter(a -> "MISS".equals(a.result().getHeader("X-Cache"))).count();
    long hits = answers.stream().filter(a -> "HIT".equals(a.result().getHeader("X-Cache"))).count();
    assertEquals(4, misses + hits, "every upload answered with an image");

    Scrape after = scrape(service);
    double jobs = after.sum("nws_optimizer_jobs_total", "outcome", "ok") - before.sum("nws_optimizer_jobs_total", "outcome", "ok");
    double joins = after.sum("nws_singleflight_joins_total") - before.sum("nws_singleflight_joins_total");
    assertEquals(1, jobs, "one job for one variant, however many asked at once");
    assertEquals(misses - 1, joins, "every other MISS joined the running job");
    assertMoved(before, after, hits, "nws_cache_hits_total", "tier", "l1");
  }

  @Test
  void a_job_nobody_takes_is_refused_as_busy_at_once_without_a_retry() throws Exception {
    try (Service noOptimizer = Service.start(Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0"))) {
      Scrape before = scrape(noOptimizer);

      HttpResponse<Buffer> r = noOptimizer.upload(PHOTO);
      assertEquals(503, r.statusCode(), r::bodyAsString);

      Scrape after = scrape(noOptimizer);
      assertMoved(before, after, 0, "nws_optimizer_retries_total");
      assertMoved(before, after, 1, "nws_optimizer_jobs_total", "outcome", "BUSY");
      assertMoved(before, after, 0, "nws_optimizer_jobs_total", "outcome", "ok");
      assertMoved(before, after, 1, "vertx_http_server_requests_total", "route", "/upload", "code", "503");
    }
  }

  @Test
  void backends_that_are_not_configured_are_not_reported() throws Exception {
    Scrape scrape = scrape(service);
    assertTrue(scrape.has("nws_cache_hits_total", "tier", "l1"), "l1 is reported");
    assertTrue(!scrape.has("nws_cache_hits_total", "tier", "redis"), "no Redis tier without NWS_REDIS_URL");
    assertTrue(!scrape.has("nws_backend_up", "backend", "redis"), "no Redis backend without NWS_REDIS_URL");
    assertEquals(1, scrape.sum("nws_backend_up", "backend", "storage"));
  }

  private static void assertMoved(Scrape before, Scrape after, double by, String name, String... labels) {
    assertEquals(by, after.sum(name, labels) - before.sum(name, labels),
        name + " " + String.join(",", labels) + " must move by " + by);
  }
}
