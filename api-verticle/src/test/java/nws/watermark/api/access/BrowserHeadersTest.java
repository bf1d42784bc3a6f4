package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import nws.watermark.api.Service;
import org.junit.jupiter.api.Test;

/** {@code NWS_CORS_ORIGINS} and the security headers, as a browser receives them. */
class BrowserHeadersTest {

  private static final String APP = "https://app.example";
  private static final byte[] PHOTO = Service.corpus("photo_2mp_storm.jpg");

  @Test
  void a_configured_origin_gets_its_preflight_answered_and_its_answers_readable() {
    try (Service service = Service.start(Map.of("NWS_CORS_ORIGINS", APP + ",http://localhost:3000"))) {
      HttpResponse<Buffer> preflight = service.client.request(HttpMethod.OPTIONS, "/upload")
          .putHeader("Origin", APP)
          .putHeader("Access-Control-Request-Method", "POST")
          .putHeader("Access-Control-Request-Headers", "authorization, content-type")
          .send().await();
      assertEquals(204, preflight.statusCode(), preflight.bodyAsString());
      assertEquals(APP, preflight.getHeader("Access-Control-Allow-Origin"));
      assertTrue(preflight.getHeader("Access-Control-Allow-Methods").contains("POST"));
      assertTrue(preflight.getHeader("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));
      assertTrue(preflight.getHeader("Vary").equalsIgnoreCase("Origin"), preflight.getHeader("Vary"));

      HttpResponse<Buffer> upload = service.client.post("/upload?w=200").putHeader("Origin", APP)
          .putHeader("Content-Type", "image/jpeg").sendBuffer(Buffer.buffer(PHOTO)).await();
      assertEquals(200, upload.statusCode(), upload.bodyAsString());
      assertEquals(APP, upload.getHeader("Access-Control-Allow-Origin"));
      assertTrue(upload.getHeader("Access-Control-Expose-Headers").contains("X-Image-Id"));
      // Both reasons the answer differs between requests to the same URL are kept.
      String vary = upload.getHeader("Vary").toLowerCase();
      assertTrue(vary.contains("origin") && vary.contains("accept-encoding"), vary);

      HttpResponse<Buffer> stranger = service.client.get("/options").putHeader("Origin", "https://evil.example")
          .send().await();
      assertEquals(403, stranger.statusCode());
      assertEquals("ORIGIN_NOT_ALLOWED", stranger.bodyAsJsonObject().getString("error"));
      assertNull(stranger.getHeader("Access-Control-Allow-Origin"));

      // The service's own page sends its Origin on a POST: not a cross-origin call.
      HttpResponse<Buffer> own = service.client.post("/upload?w=100")
          .putHeader("Origin", "http://127.0.0.1:" + service.port)
          .putHeader("Content-Type", "image/jpeg").sendBuffer(Buffer.buffer(PHOTO)).await();
      assertEquals(200, own.statusCode(), own.bodyAsString());
    }
  }

  @Test
  void without_origins_configured_no_cors_header_is_sent() {
    try (Service service = Service.start(Map.of())) {
      HttpResponse<Buffer> r = service.client.get("/options").putHeader("Origin", APP).send().await();
      assertEquals(200, r.statusCode());
      assertNull(r.getHeader("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void the_page_and_json_carry_a_csp_images_carry_nosniff() {
    try (Service service = Service.start(Map.of())) {
      for (String uri : new String[] {"/", "/options", "/images/nope"}) {
        HttpResponse<Buffer> r = service.get(uri, MultiMap.caseInsensitiveMultiMap());
        String csp = r.getHeader("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'")
            && !csp.contains("unsafe-inline"), uri + ": " + csp);
        assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), uri);
        assertEquals("no-referrer", r.getHeader("Referrer-Policy"), uri);
      }
      HttpResponse<Buffer> image = service.upload("photo_2mp_storm.jpg", PHOTO, "?w=50");
      assertEquals(200, image.statusCode());
      assertEquals("nosniff", image.getHeader("X-Content-Type-Options"));
      assertNull(image.getHeader("Content-Security-Policy"));
    }
  }
}
