package nws.watermark.api.http;

import static nws.watermark.api.http.CorpusTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nws.watermark.api.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a client of POST /upload and GET /images sees, against the real service. */
class UploadTest {

  private static Service service;
  private static AtomicInteger optimizerJobs;

  @BeforeAll
  static void start() {
    service = Service.start();
    optimizerJobs = service.optimizerSends();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void second_identical_upload_is_a_hit_with_identical_bytes() {
    HttpResponse<Buffer> first = service.upload("photo_2mp_storm.jpg", Service.corpus("photo_2mp_storm.jpg"), "?w=333");
    HttpResponse<Buffer> second = service.upload("photo_2mp_storm.jpg", Service.corpus("photo_2mp_storm.jpg"), "?w=333");
    assertEquals(200, first.statusCode());
    assertEquals("MISS", first.getHeader("X-Cache"));
    assertEquals("HIT", second.getHeader("X-Cache"));
    assertArrayEquals(first.body().getBytes(), second.body().getBytes());
    assertEquals(first.getHeader("ETag"), second.getHeader("ETag"));
    assertEquals("77ca53077831d3237f73393a91fc879158abc046d852941c26e90de336356957", first.getHeader("X-Image-Id"));
    assertTrue(first.getHeader("Cache-Control").contains("max-age="), first.getHeader("Cache-Control"));
    assertEquals("accept-encoding", first.getHeader("Vary").toLowerCase());
  }

  @Test
  void identical_concurrent_misses_run_the_optimizer_once() {
    byte[] photo = Service.corpus("photo_8mp_picos.jpg");
    int before = optimizerJobs.get();
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      MultipartForm form = MultipartForm.create().binaryFileUpload("image", "p.jpg", Buffer.buffer(photo), "image/jpeg");
      responses.add(service.client.post("/upload?w=640&q=71").sendMultipartForm(form));
    }
    Future.all(responses).await();
    byte[] reference = responses.get(0).result().body().getBytes();
    for (Future<HttpResponse<Buffer>> r : responses) {
      assertEquals(200, r.result().statusCode());
      assertArrayEquals(reference, r.result().body().getBytes());
    }
    assertEquals(1, optimizerJobs.get() - before, "optimizer jobs for 8 identical concurrent uploads");
  }

  @Test
  void the_watermark_is_drawn_where_asked() {
    byte[] photo = Service.corpus("photo_2mp_storm.jpg");
    BufferedImage plain = Service.image(service.upload("a.jpg", photo, "?w=800&wm="));
    BufferedImage marked = Service.image(service.upload("a.jpg", photo, "?w=800&wm=SAMPLE%20TEXT&opacity=1"));
    int w = plain.getWidth();
    int h = plain.getHeight();
    double bottomRight = meanDifference(plain, marked, w / 2, h * 3 / 4, w, h);
    double topLeft = meanDifference(plain, marked, 0, 0, w / 2, h / 4);
    assertTrue(bottomRight > 4 * topLeft + 1,
        "watermark changes the bottom-right corner (" + bottomRight + ") far more than the top-left (" + topLeft + ")");
    BufferedImage tiled = Service.image(service.upload("a.jpg", photo, "?w=800&wm=SAMPLE%20TEXT&opacity=1&pos=tile"));
    assertTrue(meanDifference(plain, tiled, 0, 0, w / 2, h / 4) > 4 * topLeft + 1, "tile covers the top-left too");
  }

  @Test
  void alpha_is_flattened_onto_a_light_background() {
    BufferedImage out = Service.image(service.upload("alpha.png"));
    int corner = out.getRGB(2, 2);
    int r = (corner >> 16) & 0xff;
    int g = (corner >> 8) & 0xff;
    int b = corner & 0xff;
    assertTrue(r > 235 && g > 235 && b > 235, String.format("transparent corner is light: #%06x", corner & 0xffffff));
  }

  @Test
  void cmyk_jpeg_colours_match_the_rgb_original() {
    BufferedImage rgb = Service.image(service.upload("photo_8mp_picos.jpg", Service.corpus("photo_8mp_picos.jpg"), "?w=400&wm="));
    BufferedImage cmyk = Service.image(service.upload("cmyk.jpg", Service.corpus("cmyk.jpg"), "?w=400&wm="));
    assertEquals(rgb.getWidth(), cmyk.getWidth());
    double diff = meanDifference(rgb, cmyk, 0, 0, rgb.getWidth(), rgb.getHeight());
    assertTrue(diff < 12, "mean channel difference CMYK vs RGB output: " + diff);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "?w=abc            | w must be an integer 1..8192, got 'abc'",
      "?w=0              | w must be an integer 1..8192, got '0'",
      "?h=8193           | h must be an integer 1..8192, got '8193'",
      "?q=101            | q must be an integer 1..100, got '101'",
      "?fit=zoom         | fit must be one of inside, cover, fill, got 'zoom'",
      "?enlarge=maybe    | enlarge must be true or false, got 'maybe'",
      "?format=gif       | format must be one of jpeg, png, webp, avif, auto, got 'gif'",
      "?pos=middle       | pos must be one of tl, t, tr, l, c, r, bl, b, br, tile, got 'middle'",
      "?opacity=1.5      | opacity must be a number 0..1, got '1.5'",
      "?opacity=-1       | opacity must be a number 0..1, got '-1'",
      "?width=100        | unknown option 'width'; known options are w, h, fit, enlarge, q, format, wm, pos, opacity, progressive, gravity, focus, dpr, wmimg, wmscale",
      "?w=10&w=20        | w was given more than once with different values: '10', '20'",
  })
  void bad_options_are_refused_with_a_message_naming_them(String query, String message) {
    HttpResponse<Buffer> r = service.upload("tiny_1x1.jpg", Service.corpus("tiny_1x1.jpg"), query);
    assertError(r, 400, "INVALID_OPTION");
    assertEquals(message, r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void options_may_come_as_form_fields() {
    MultipartForm form = MultipartForm.create()
        .attribute("w", "120").attribute("fit", "cover").attribute("h", "120")
        .binaryFileUpload("image", "p.jpg", Buffer.buffer(Service.corpus("photo_2mp_storm.jpg")), "image/jpeg");
    HttpResponse<Buffer> r = service.client.post("/upload").sendMultipartForm(form).await();
    BufferedImage out = Service.image(r);
    assertEquals(120, out.getWidth());
    assertEquals(120, out.getHeight());
    MultipartForm bad = MultipartForm.create().attribute("colour", "red")
        .binaryFileUpload("image", "p.jpg", Buffer.buffer(Service.corpus("tiny_1x1.jpg")), "image/jpeg");
    assertError(service.client.post("/upload").sendMultipartForm(bad).await(), 400, "INVALID_OPTION");
  }

  @Test
  void a_raw_image_body_works_and_other_bodies_are_refused() {
    HttpResponse<Buffer> raw = service.uploadRaw(Service.corpus("photo_coffee.png"), "image/png", "?format=png");
    assertEquals(200, raw.statusCode());
    assertEquals("image/png", raw.getHeader("Content-Type"));
    assertEquals(600, Service.image(raw).getWidth());
    assertError(service.uploadRaw("{}".getBytes(), "application/json", ""), 415, "UNSUPPORTED_FORMAT");
    assertError(service.uploadRaw(new byte[0], null, ""), 400, "MISSING_IMAGE");
    MultipartForm noImage = MultipartForm.create().attribute("w", "100");
    assertError(service.client.post("/upload").sendMultipartForm(noImage).await(), 400, "MISSING_IMAGE");
  }

  @Test
  void a_stored_original_renders_any_variant_and_answers_304_when_unchanged() {
    HttpResponse<Buffer> up = service.upload("photo_03mp_rocket.jpg");
    String id = up.getHeader("X-Image-Id");
    assertTrue(Files.exists(service.storage.resolve("original").resolve(id)), "original kept as original/<sha256>");
    HttpResponse<Buffer> variant = service.get("/images/" + id + "?w=100&fit=cover&h=100", MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, variant.statusCode(), variant::bodyAsString);
    assertEquals(100, Service.image(variant).getWidth());
    assertEquals("MISS", variant.getHeader("X-Cache"));
    int before = optimizerJobs.get();
    HttpResponse<Buffer> again = service.get("/images/" + id + "?w=100&fit=cover&h=100",
        MultiMap.caseInsensitiveMultiMap().add("If-None-Match", variant.getHeader("ETag")));
    assertEquals(304, again.statusCode());
    assertNull(again.body());
    assertEquals(before, optimizerJobs.get(), "304 decodes nothing");
    HttpResponse<Buffer> hit = service.get("/images/" + id + "?w=100&fit=cover&h=100", MultiMap.caseInsensitiveMultiMap());
    assertEquals("HIT", hit.getHeader("X-Cache"));
  }

  @Test
  void unknown_and_malformed_image_ids_are_404_and_400() {
    assertError(service.get("/images/" + "ab".repeat(32), MultiMap.caseInsensitiveMultiMap()), 404, "NOT_FOUND");
    assertError(service.get("/images/xyz", MultiMap.caseInsensitiveMultiMap()), 400, "INVALID_ID");
    assertError(service.get("/nowhere", MultiMap.caseInsensitiveMultiMap()), 404, "NOT_FOUND");
    assertError(service.client.delete("/upload").send().await(), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void gzip_is_used_only_where_it_saves_bytes() {
    MultiMap gzip = MultiMap.caseInsensitiveMultiMap().add("Accept-Encoding", "gzip");
    HttpResponse<Buffer> page = service.get("/", gzip);
    assertEquals(200, page.statusCode());
    assertEquals("gzip", page.getHeader("Content-Encoding"));
    HttpResponse<Buffer> image = service.client.post("/upload").putHeader("Accept-Encoding", "gzip")
        .putHeader("Content-Type", "image/jpeg").sendBuffer(Buffer.buffer(Service.corpus("photo_03mp_rocket.jpg"))).await();
    assertEquals(200, image.statusCode());
    assertNull(image.getHeader("Content-Encoding"), "JPEG is not gzipped");
  }

  @Test
  void health_and_readiness_answer() {
    assertEquals("up", service.get("/health", MultiMap.caseInsensitiveMultiMap()).bodyAsJsonObject().getString("status"));
    HttpResponse<Buffer> ready = service.get("/ready", MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, ready.statusCode());
    assertEquals("ready", ready.bodyAsJsonObject().getString("status"));
  }

  /** Mean absolute difference per channel over a rectangle of two same-sized images. */
  static double meanDifference(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
    long sum = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff))
            + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
            + Math.abs((p & 0xff) - (q & 0xff));
      }
    }
    return sum / (3.0 * (x1 - x0) * (y1 - y0));
  }
}
