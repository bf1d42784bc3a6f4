package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.metrics.Scrape;
import org.junit.jupiter.api.Test;

/**
 * {@code NWS_RATE_LIMIT}, {@code NWS_RENDER_RATE_LIMIT} and {@code NWS_TRUSTED_PROXIES} through
 * real HTTP: 429 with Retry-After past the rate, service again after it, and a client told apart
 * by X-Forwarded-For only when a trusted proxy sent it.
 */
class RateLimitsTest {

  private static final byte[] PHOTO = Service.corpus("photo_2mp_storm.jpg");

  @Test
  void past_the_request_rate_429_with_retry_after_then_service_again_after_it() throws Exception {
    try (Service service = Service.start(Map.of("NWS_RATE_LIMIT", "2/s"))) {
      HttpResponse<Buffer> refused = null;
      int passed = 0;
      // The allowance of two passes at once; a burst past it is refused (the refill is one per 500 ms).
      for (int i = 0; i < 20 && refused == null; i++) {
        HttpResponse<Buffer> r = options(service, null);
        if (r.statusCode() == 429) {
          refused = r;
        } else {
          assertEquals(200, r.statusCode(), r.bodyAsString());
          passed++;
        }
      }
      assertTrue(refused != null, "a burst of 20 at 2/s is refused at some point");
      assertTrue(passed >= 2, "the whole allowance passed first: " + passed);
      assertEquals("RATE_LIMITED", refused.bodyAsJsonObject().getString("error"));
      int retryAfter = Integer.parseInt(refused.getHeader("Retry-After"));
      assertEquals(1, retryAfter, "one request comes back within a second at 2/s");
      Thread.sleep(retryAfter * 1000L);
      assertEquals(200, options(service, null).statusCode());
      // Probes of a load balancer are never limited.
      for (int i = 0; i < 5; i++) {
        assertEquals(200, service.get("/health", MultiMap.caseInsensitiveMultiMap()).statusCode());
      }
      String metrics = service.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString();
      assertTrue(Scrape.parse(metrics).sum("nws_access_refused_total", "reason", "request_rate") >= 1, metrics);
    }
  }

  @Test
  void the_render_rate_counts_misses_only() {
    try (Service service = Service.start(Map.of("NWS_RENDER_RATE_LIMIT", "2/m"))) {
      HttpResponse<Buffer> upload = service.upload("photo_2mp_storm.jpg", PHOTO, "?w=300");
      assertEquals(200, upload.statusCode(), upload.bodyAsString());
      String id = upload.getHeader("X-Image-Id");
      HttpResponse<Buffer> second = get(service, "/images/" + id + "?w=100");
      assertEquals(200, second.statusCode(), second.bodyAsString());
      HttpResponse<Buffer> third = get(service, "/images/" + id + "?w=101");
      assertEquals(429, third.statusCode(), third.bodyAsString());
      assertEquals("RATE_LIMITED", third.bodyAsJsonObject().getString("error"));
      assertTrue(Integer.parseInt(third.getHeader("Retry-After")) > 1);
      // Variants already rendered are still served: hits cost nothing.
      HttpResponse<Buffer> hit = get(service, "/images/" + id + "?w=100");
      assertEquals(200, hit.statusCode());
      assertEquals("HIT", hit.getHeader("X-Cache"));
      assertEquals(200, service.upload("photo_2mp_storm.jpg", PHOTO, "?w=300").statusCode());
    }
  }

  @Test
  void x_forwarded_for_names_the_client_only_from_a_trusted_proxy() {
    try (Service behindProxy = Service.start(Map.of("NWS_RATE_LIMIT", "1/m", "NWS_TRUSTED_PROXIES", "127.0.0.0/8"))) {
      assertEquals(200, options(behindProxy, "203.0.113.5").statusCode());
      assertEquals(429, options(behindProxy, "203.0.113.5").statusCode());
      assertEquals(200, options(behindProxy, "203.0.113.6").statusCode(), "another client behind the proxy");
      assertEquals(200, options(behindProxy, "198.51.100.1, 203.0.113.7").statusCode());
      // What the client wrote left of the proxy's entry proves nothing: the same client.
      assertEquals(429, options(behindProxy, "198.51.100.99, 203.0.113.7").statusCode());
    }
    try (Service direct = Service.start(Map.of("NWS_RATE_LIMIT", "1/m"))) {
      assertEquals(200, options(direct, "203.0.113.5").statusCode());
      // From an untrusted peer the header is ignored: a new value is not a new client.
      assertEquals(429, options(direct, "203.0.113.6").statusCode());
    }
  }

  private static HttpResponse<Buffer> options(Service service, String forwardedFor) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (forwardedFor != null) {
      headers.add("X-Forwarded-For", forwardedFor);
    }
    return service.get("/options", headers);
  }

  private static HttpResponse<Buffer> get(Service service, String uri) {
    return service.get(uri, MultiMap.caseInsensitiveMultiMap());
  }
}
