package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nws.watermark.api.Service;
import nws.watermark.api.ServiceProcess;
import nws.watermark.api.metrics.Scrape;
import nws.watermark.shared.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code NWS_SIGNING_KEYS} through real HTTP: only signed, unexpired variant URLs render. */
class SignedUrlsTest {

  static final String FRESH = "a-fresh-signing-key-that-signs-from-today-on-0001";
  static final String OLD = "an-older-signing-key-that-is-being-rotated-out-02";

  @RegisterExtension
  static final Service service = Service.start(Map.of("NWS_SIGNING_KEYS", FRESH + "," + OLD));

  private static final Signer fresh = new Signer(List.of(FRESH));

  @Test
  void a_signed_url_renders_and_the_query_order_does_not_matter() {
    String id = uploaded();
    HttpResponse<Buffer> signed = get(fresh.sign("/images/" + id + "?w=200&format=webp"));
    assertEquals(200, signed.statusCode(), signed.bodyAsString());
    assertEquals("image/webp", signed.getHeader("Content-Type"));
    assertEquals("200", signed.getHeader("X-Image-Width"));
    String sig = fresh.sign("/images/" + id + "?w=150&q=70").replaceAll(".*sig=", "");
    HttpResponse<Buffer> reordered = get("/images/" + id + "?q=70&sig=" + sig + "&w=150");
    assertEquals(200, reordered.statusCode(), reordered.bodyAsString());
    assertEquals("150", reordered.getHeader("X-Image-Width"));
  }

  @Test
  void a_missing_a_tampered_and_an_expired_signature_are_403_saying_which() {
    String id = uploaded();
    double before = refused();
    assertRefused(get("/images/" + id + "?w=200"), "must be signed");
    String signed = fresh.sign("/images/" + id + "?w=200");
    assertRefused(get(signed.replace("w=200", "w=2000")), "does not match");
    assertRefused(get(fresh.sign("/images/" + id + "?w=200", Instant.now().minusSeconds(5))), "expired");
    assertRefused(get(fresh.sign("/images/" + id + "?w=200", Instant.now().plusSeconds(600)).replace("exp=", "exp=1")),
        "does not match");
    assertEquals(4, refused() - before);
    HttpResponse<Buffer> later = get(fresh.sign("/images/" + id + "?w=200", Instant.now().plusSeconds(600)));
    assertEquals(200, later.statusCode(), later.bodyAsString());
  }

  @Test
  void every_configured_key_verifies_so_keys_rotate_and_no_other_does() {
    String id = uploaded();
    HttpResponse<Buffer> byOld = get(new Signer(List.of(OLD)).sign("/images/" + id + "?w=120"));
    assertEquals(200, byOld.statusCode(), byOld.bodyAsString());
    String stranger = "a-key-this-service-has-never-been-given-at-all-03";
    assertRefused(get(new Signer(List.of(stranger)).sign("/images/" + id + "?w=120")), "does not match");
  }

  @Test
  void uploads_need_no_signature_unless_asked() {
    HttpResponse<Buffer> upload = service.upload("photo_2mp_storm.jpg", Service.corpus("photo_2mp_storm.jpg"), "?w=64");
    assertEquals(200, upload.statusCode(), upload.bodyAsString());
  }

  @Test
  void signed_upload_options_cover_the_query_and_refuse_form_fields() {
    try (Service strict = Service.start(Map.of("NWS_SIGNING_KEYS", FRESH, "NWS_SIGNED_UPLOAD_OPTIONS", "true"))) {
      byte[] photo = Service.corpus("photo_2mp_storm.jpg");
      HttpResponse<Buffer> unsigned = strict.uploadRaw(photo, "image/jpeg", "?w=100");
      assertEquals(403, unsigned.statusCode(), unsigned.bodyAsString());
      HttpResponse<Buffer> signed = strict.uploadRaw(photo, "image/jpeg", fresh.sign("/upload?w=100").substring(7));
      assertEquals(200, signed.statusCode(), signed.bodyAsString());
      assertEquals("100", signed.getHeader("X-Image-Width"));
      // No query at all asks for the defaults: what the upload page, which holds no key, sends.
      HttpResponse<Buffer> defaults = strict.uploadRaw(photo, "image/jpeg", "");
      assertEquals(200, defaults.statusCode(), defaults.bodyAsString());
      assertEquals("1024", defaults.getHeader("X-Image-Width"));
      // Options in form fields would slip past the signed query: refused.
      HttpResponse<Buffer> form = strict.client.post(fresh.sign("/upload"))
          .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create().attribute("w", "4000")
              .binaryFileUpload("image", "p.jpg", Buffer.buffer(photo), "image/jpeg")).await();
      assertEquals(403, form.statusCode(), form.bodyAsString());
      assertTrue(form.bodyAsString().contains("form fields"), form.bodyAsString());
    }
  }

  @Test
  void a_short_key_stops_the_service_at_start_naming_the_variable() throws Exception {
    try (ServiceProcess p = ServiceProcess.launch(Map.of("NWS_SIGNING_KEYS", "too-short-a-secret"))) {
      assertTrue(p.process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(2, p.process.exitValue());
      String line = p.awaitLine(l -> l.contains("NWS_SIGNING_KEYS"));
      assertTrue(line.contains("at least 32 bytes") && !line.contains("too-short-a-secret"), line);
    }
  }

  private static String uploaded() {
    HttpResponse<Buffer> upload = service.upload("photo_2mp_storm.jpg", Service.corpus("photo_2mp_storm.jpg"), "");
    assertEquals(200, upload.statusCode(), upload.bodyAsString());
    return upload.getHeader("X-Image-Id");
  }

  private static HttpResponse<Buffer> get(String uri) {
    return service.get(uri, MultiMap.caseInsensitiveMultiMap());
  }

  private static void assertRefused(HttpResponse<Buffer> r, String why) {
    assertEquals(403, r.statusCode(), r.bodyAsString());
    assertEquals("INVALID_SIGNATURE", r.bodyAsJsonObject().getString("error"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains(why), r.bodyAsString());
  }

  private static double refused() {
    String text = get("/metrics").bodyAsString();
    return Scrape.parse(text).sum("nws_access_refused_total", "reason", "invalid_signature");
  }
}
