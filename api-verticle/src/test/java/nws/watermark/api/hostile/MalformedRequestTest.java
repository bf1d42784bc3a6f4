package nws.watermark.api.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import nws.watermark.api.Service;
import nws.watermark.api.peers.RawHttp;
import nws.watermark.api.peers.RawHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests that are not well-formed: each a 4xx with the JSON error body, never a 500. */
class MalformedRequestTest {

  private static Service service;

  @BeforeAll
  static void start() {
    service = Service.start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static Stream<Arguments> requests() {
    String multipart = "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n";
    return Stream.of(
        Arguments.of("a broken escape in the query", "GET /images/" + "0".repeat(64) + "?w=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            400, "MALFORMED_REQUEST"),
        Arguments.of("a broken escape in an upload's query", "POST /upload?w=%zz HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: image/jpeg\r\nContent-Length: 4\r\n\r\nabcd", 400, "MALFORMED_REQUEST"),
        Arguments.of("a broken escape in the path", "GET /images/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400, null),
        Arguments.of("a repeated option with two values", "GET /images/" + "0".repeat(64) + "?w=1&w=2 HTTP/1.1\r\nHost: x\r\n\r\n",
            400, "INVALID_OPTION"),
        Arguments.of("multipart without a boundary", "POST /upload HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: multipart/form-data\r\nContent-Length: 10\r\n\r\n0123456789", 400, null),
        Arguments.of("a boundary that never appears", multipart + "Content-Length: 20\r\n\r\n01234567890123456789",
            400, null),
        Arguments.of("two image parts", multipart + body("--XYZ\r\nContent-Disposition: form-data; name=\"image\"; "
            + "filename=\"a.jpg\"\r\n\r\nAAAA\r\n--XYZ\r\nContent-Disposition: form-data; name=\"image\"; "
            + "filename=\"b.jpg\"\r\n\r\nBBBB\r\n--XYZ--\r\n"), 400, "INVALID_OPTION"),
        Arguments.of("an absurd field name", multipart + body("--XYZ\r\nContent-Disposition: form-data; name=\""
            + "n".repeat(20_000) + "\"\r\n\r\nv\r\n--XYZ--\r\n"), 400, null),
        Arguments.of("a header line of 64 KB", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(65_536)
            + "\r\n\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("Content-Length and Transfer-Encoding together (chunked wins, as RFC 9112 says: not an image)",
            "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n", 415, "UNSUPPORTED_FORMAT"),
        Arguments.of("a request line that is no HTTP", "HELLO\r\n\r\n", 400, "MALFORMED_REQUEST"));
  }

  private static String body(String text) {
    return "Content-Length: " + text.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + text;
  }

  /**
   * Broken chunked framing: Vert.x's HTTP decoder drops the connection at once, before any handler
   * can answer. What matters is that nothing answers 500 and the service goes on.
   */
  @org.junit.jupiter.api.Test
  void a_chunk_size_that_is_no_number_drops_the_connection_and_nothing_else() {
    try (RawHttp client = new RawHttp(service.port)) {
      Answer a = client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n").read(5_000);
      assertTrue(a.closed(), "the connection is dropped");
      assertTrue(a.status() == 0 || a.status() == 400, a.head());
    }
    assertEquals(200, service.get("/health", io.vertx.core.MultiMap.caseInsensitiveMultiMap()).statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void a_malformed_request_is_a_4xx_with_a_json_error(String what, String request, int status, String code) {
    try (RawHttp client = new RawHttp(service.port)) {
      Answer a = client.send(request).read(5_000);
      assertEquals(status, a.status(), what + ":\n" + a.head() + "\n" + a.body());
      JsonObject error = new JsonObject(a.body());
      assertTrue(error.getString("message") != null && !error.getString("message").isBlank(), a.body());
      if (code != null) {
        assertEquals(code, error.getString("error"), a.body());
      }
    }
  }
}
