package nws.watermark.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import nws.watermark.api.Service;
import nws.watermark.api.metrics.Scrape;
import nws.watermark.api.peers.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code NWS_API_KEYS} through real HTTP: uploads need a key, refused before the body is read. */
class UploadKeysTest {

  static final String KEY = "uploader-one-7f3a9c2e51d8";
  static final String OTHER = "uploader-two-0b6e4d1c93fa";

  @RegisterExtension
  static final Service service = Service.start(Map.of("NWS_API_KEYS", KEY + "," + OTHER));

  private static final byte[] PHOTO = Service.corpus("photo_2mp_storm.jpg");

  @Test
  void an_upload_without_a_key_is_401_before_its_body_is_sent() {
    try (RawHttp raw = new RawHttp(service.port)) {
      // The headers promise 5 MB; not one byte of it is sent, and the answer comes anyway.
      RawHttp.Answer answer = raw.send("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/jpeg\r\n"
          + "Content-Length: 5000000\r\n\r\n").read(10_000);
      assertEquals(401, answer.status(), answer.head() + answer.body());
      assertTrue(answer.head().contains("WWW-Authenticate: Bearer"), answer.head());
      assertTrue(answer.body().contains("\"error\":\"UNAUTHORIZED\""), answer.body());
      assertTrue(answer.body().contains("Authorization: Bearer"), answer.body());
    }
  }

  @Test
  void a_wrong_key_is_401_and_a_valid_one_by_either_header_uploads() {
    HttpResponse<Buffer> wrong = upload("Authorization", "Bearer not-a-key-of-this-service");
    assertEquals(401, wrong.statusCode(), wrong.bodyAsString());
    assertEquals("Bearer", wrong.getHeader("WWW-Authenticate"));
    assertTrue(wrong.bodyAsJsonObject().getString("message").contains("not valid"), wrong.bodyAsString());
    HttpResponse<Buffer> bearer = upload("Authorization", "Bearer " + KEY);
    assertEquals(200, bearer.statusCode(), bearer.bodyAsString());
    assertEquals("image/jpeg", bearer.getHeader("Content-Type"));
    HttpResponse<Buffer> header = upload("X-API-Key", OTHER);
    assertEquals(200, header.statusCode(), header.bodyAsString());
  }

  @Test
  void metrics_name_the_key_by_its_id_never_by_the_key() throws Exception {
    assertEquals(200, upload("Authorization", "Bearer " + KEY).statusCode());
    String metrics = service.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString();
    String id = "key:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)), 0, 4);
    assertTrue(Scrape.parse(metrics).sum("nws_uploads_by_key_total", "key", id) >= 1, metrics);
    assertFalse(metrics.contains(KEY));
    double before = Scrape.parse(metrics).sum("nws_access_refused_total", "reason", "unauthorized");
    assertEquals(401, upload("X-Other", "nothing").statusCode());
    String after = service.get("/metrics", MultiMap.caseInsensitiveMultiMap()).bodyAsString();
    assertEquals(before + 1, Scrape.parse(after).sum("nws_access_refused_total", "reason", "unauthorized"), 0.0,
        "a refusal is counted by its reason");
  }

  @Test
  void reading_variants_needs_no_key() {
    HttpResponse<Buffer> upload = upload("X-API-Key", KEY);
    HttpResponse<Buffer> variant = service.get("/images/" + upload.getHeader("X-Image-Id") + "?w=90",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals(200, variant.statusCode(), variant.bodyAsString());
    assertEquals("90", variant.getHeader("X-Image-Width"));
  }

  private static HttpResponse<Buffer> upload(String header, String value) {
    return service.client.post("/upload?w=300").putHeader(header, value).putHeader("Content-Type", "image/jpeg")
        .sendBuffer(Buffer.buffer(PHOTO)).await();
  }
}
