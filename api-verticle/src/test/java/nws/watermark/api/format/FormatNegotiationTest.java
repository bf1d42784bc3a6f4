package nws.watermark.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Photos;
import nws.watermark.optimizer.codec.Heif;
import nws.watermark.optimizer.codec.HeifReader;
import nws.watermark.optimizer.codec.HeifWriter;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.Options;
import nws.watermark.shared.config.FormatsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code format=auto} over HTTP, as browsers and curl ask: the format chosen from Accept, the
 * interim answer while the AVIF renders in the background, then the AVIF; explicit formats; a
 * format the service does not write; HEIC and AVIF uploads; an event-bus client asking for WebP.
 */
class FormatNegotiationTest {

  static final String CHROME = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  static final String SAFARI = "image/webp,image/avif,image/jxl,image/heic,image/heic-sequence,video/*;q=0.8,"
      + "image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5";
  static final String FIREFOX = "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5";

  private static Service service;
  private static Service noAvif;

  @BeforeAll
  static void start() {
    service = Service.start();
    noAvif = Service.start(Map.of(FormatsConfig.DISABLED.name(), "avif"));
  }

  @AfterAll
  static void stop() {
    service.close();
    noAvif.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"Chrome|" + CHROME, "Safari|" + SAFARI, "Firefox|" + FIREFOX})
  void a_browser_gets_webp_at_once_then_the_avif_rendered_meanwhile(String browser, String accept) throws IOException {
    byte[] photo = Photos.distinct(browser.hashCode() & 0xffff);
    HttpResponse<Buffer> first = upload(service, photo, "?format=auto&w=320", accept);
    assertEquals(200, first.statusCode(), first::bodyAsString);
    assertEquals("image/webp", first.getHeader("Content-Type"), "the AVIF is not rendered yet: WebP now");
    assertEquals("public, max-age=60", first.getHeader("Cache-Control"), "short-lived: a better format comes");
    assertTrue(first.getHeader("Vary").contains("Accept"), first.getHeader("Vary"));
    assertEquals(320, decode(first).getWidth());

    String id = first.getHeader("X-Image-Id");
    HttpResponse<Buffer> later = pollUntilAvif(id, "?format=auto&w=320", accept);
    assertTrue(later.getHeader("Cache-Control").contains("immutable"), later.getHeader("Cache-Control"));
    assertEquals("HIT", later.getHeader("X-Cache"), "rendered in the background, before this request");
    assertTrue(later.getHeader("Vary").contains("Accept"));
    assertEquals(320, decode(later).getWidth());
    assertTrue(later.body().length() < first.body().length(), "the AVIF is smaller than the WebP");
  }

  @Test
  void curl_gets_jpeg_and_a_transparent_image_gets_png() {
    HttpResponse<Buffer> photo = service.uploadRaw(Photos.distinct(7_001), "image/jpeg", "?format=auto&w=200");
    assertEquals("image/jpeg", photo.getHeader("Content-Type"));
    assertTrue(photo.getHeader("Vary").contains("Accept"));
    assertTrue(photo.getHeader("Cache-Control").contains("immutable"), "the best curl takes: no better format comes");
    HttpResponse<Buffer> alpha = service.upload("alpha.png", Service.corpus("alpha.png"), "?format=auto&w=200");
    assertEquals("image/png", alpha.getHeader("Content-Type"));
  }

  @Test
  void a_refused_avif_and_a_named_webp_give_webp_and_the_etag_holds_the_format() {
    byte[] photo = Photos.distinct(7_002);
    HttpResponse<Buffer> auto = upload(service, photo, "?format=auto&w=210", "image/avif;q=0,image/webp,*/*;q=0.5");
    assertEquals("image/webp", auto.getHeader("Content-Type"));
    assertTrue(auto.getHeader("Cache-Control").contains("immutable"), "WebP is the best this client takes");
    HttpResponse<Buffer> named = upload(service, photo, "?format=webp&w=210", "*/*");
    assertEquals(auto.getHeader("ETag"), named.getHeader("ETag"), "one cached variant, keyed by the format chosen");
    HttpResponse<Buffer> jpeg = upload(service, photo, "?format=jpeg&w=210", "*/*");
    assertNotEquals(auto.getHeader("ETag"), jpeg.getHeader("ETag"));
  }

  @Test
  void an_explicit_avif_is_rendered_and_waited_for() throws IOException {
    HttpResponse<Buffer> r = service.uploadRaw(Photos.distinct(7_003), "image/jpeg", "?format=avif&w=256");
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("image/avif", r.getHeader("Content-Type"));
    assertEquals("MISS", r.getHeader("X-Cache"));
    assertEquals(256, decode(r).getWidth());
  }

  @Test
  void a_format_the_service_does_not_write_is_a_400_naming_what_is_missing_and_auto_never_picks_it() {
    HttpResponse<Buffer> r = noAvif.uploadRaw(Photos.distinct(7_004), "image/jpeg", "?format=avif");
    assertEquals(400, r.statusCode());
    assertEquals("INVALID_OPTION", r.bodyAsJsonObject().getString("error"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains("NWS_DISABLED_FORMATS"), r.bodyAsString());
    HttpResponse<Buffer> auto = upload(noAvif, Photos.distinct(7_005), "?format=auto", CHROME);
    assertEquals("image/webp", auto.getHeader("Content-Type"));
    assertTrue(auto.getHeader("Cache-Control").contains("immutable"), "no AVIF to wait for");
  }

  @ParameterizedTest(name = "avif={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void heic_and_avif_uploads_are_read(boolean avif) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(Service.corpus("photo_03mp_rocket.jpg")));
    byte[] file = new HeifWriter(Heif.load().orElseThrow()).encode(source, new HeifWriter.Encoding(avif, 70, 6, null, 1, null));
    HttpResponse<Buffer> r = service.uploadRaw(file, avif ? "image/avif" : "image/heic", "?w=320");
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("image/jpeg", r.getHeader("Content-Type"));
    BufferedImage out = Service.image(r);
    assertEquals(320, out.getWidth());
    assertEquals(214, out.getHeight());
  }

  @Test
  void an_event_bus_client_asks_for_webp() {
    DeliveryOptions job = new DeliveryOptions().setSendTimeout(30_000)
        .addHeader(Options.FORMAT.name(), "webp").addHeader(Options.W.name(), "300");
    Message<Buffer> reply = service.vertx.eventBus()
        .<Buffer>request(Addresses.OPTIMIZE, Buffer.buffer(Service.corpus("photo_2mp_storm.jpg")), job).await();
    assertEquals("image/webp", reply.headers().get(BusHeaders.CONTENT_TYPE));
    assertEquals("300", reply.headers().get(BusHeaders.WIDTH));
  }

  private static HttpResponse<Buffer> upload(Service target, byte[] photo, String query, String accept) {
    return target.client.post("/upload" + query).putHeader("Content-Type", "image/jpeg").putHeader("Accept", accept)
        .sendBuffer(Buffer.buffer(photo)).await();
  }

  private static HttpResponse<Buffer> pollUntilAvif(String id, String query, String accept) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<Buffer> r = service.get("/images/" + id + query, MultiMap.caseInsensitiveMultiMap().add("Accept", accept));
      assertEquals(200, r.statusCode(), r::bodyAsString);
      if ("image/avif".equals(r.getHeader("Content-Type"))) {
        return r;
      }
      assertEquals("image/webp", r.getHeader("Content-Type"), "WebP until the AVIF is there");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the AVIF was not rendered in the background within 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static BufferedImage decode(HttpResponse<Buffer> r) throws IOException {
    byte[] bytes = r.body().getBytes();
    if ("image/avif".equals(r.getHeader("Content-Type"))) {
      return new HeifReader(Heif.load().orElseThrow()).decode(bytes, bytes.length, h -> { }).image();
    }
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }
}
