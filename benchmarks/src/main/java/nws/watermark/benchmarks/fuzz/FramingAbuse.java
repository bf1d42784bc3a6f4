package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * HTTP/1.1 framing that is wrong, written byte for byte: header lines and names of 64 KB,
 * thousands of headers, lines without a colon, folded or holding NUL; chunk sizes that are not
 * hex, negative or huge, chunks longer than declared or never terminated; Content-Length with
 * Transfer-Encoding, two Content-Lengths, bad or huge ones, a body shorter than declared then the
 * half-close; bad request lines, HTTP/0.9, an HTTP/2 preface, pipelined garbage, Expect, no Host,
 * long or absolute URIs, unknown methods. What can be answered must be answered with JSON.
 */
final class FramingAbuse {

  private static final String[] VARIANTS = {"long-header-line", "long-header-name", "many-headers", "header-no-colon",
      "obs-fold", "header-nul", "space-before-colon", "bad-chunk-size", "chunk-overrun", "chunk-no-terminator",
      "cl-and-te", "te-unknown", "two-content-lengths", "content-length-bad", "content-length-huge",
      "short-body-then-close", "bad-request-line", "http09", "pipelined-garbage", "expect", "no-host", "h2-preface",
      "long-uri", "absolute-uri", "unknown-method"};
  private static final String UPLOAD = "POST /upload?w=64 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/jpeg\r\n";

  private FramingAbuse() {}

  static RawRequest make(Random random, byte[] jpeg, List<String> did) {
    String variant = VARIANTS[random.nextInt(VARIANTS.length)];
    Picker r = new Picker(random);
    String len = "Content-Length: " + jpeg.length + "\r\n";
    String te = "Transfer-Encoding: chunked\r\n";
    RawRequest request = switch (variant) {
      case "long-header-line" -> upload(UPLOAD + "X-Fuzz: " + "a".repeat(r.pick(8_200, 65_536)) + "\r\n" + len, jpeg);
      case "long-header-name" -> upload(UPLOAD + "N".repeat(r.pick(8_200, 65_536)) + ": 1\r\n" + len, jpeg);
      case "many-headers" -> upload(UPLOAD + "X-H: v\r\n".repeat(r.pick(500, 5_000)) + len, jpeg);
      case "header-no-colon" -> upload(UPLOAD + r.pick("NoColonHere", "X-A b", "\u0001") + "\r\n" + len, jpeg);
      case "obs-fold" -> upload(UPLOAD + "X-Folded: a\r\n  continued\r\n" + len, jpeg);
      case "header-nul" -> upload(UPLOAD + "X-Nul: a\u0000b\r\n" + len, jpeg);
      case "space-before-colon" -> upload(UPLOAD + "Content-Length : " + jpeg.length + "\r\n" + len, jpeg);
      case "bad-chunk-size" -> upload(UPLOAD + te, chunked(jpeg, r.pick("zz", "-1", "ffffffffffffffffff", " 5",
          "0x5", "", "5;" + "e".repeat(10_000), "1 2")));
      case "chunk-overrun" -> upload(UPLOAD + te, bytes("5\r\n" + "x".repeat(20) + "\r\n0\r\n\r\n"));
      case "chunk-no-terminator" -> unfinished(UPLOAD + te, chunked(jpeg, null));
      case "cl-and-te" -> upload(UPLOAD + r.pick(len + te, te + len, te + "Content-Length: 3\r\n"), chunkedWhole(jpeg));
      case "te-unknown" -> upload(UPLOAD + "Transfer-Encoding: " + r.pick("gzip", "xchunked", "chunked, identity",
          "identity", "chunked\u0000", "chunked, chunked", "CHUNKED ") + "\r\n" + len, jpeg);
      case "two-content-lengths" -> upload(UPLOAD + len + "Content-Length: " + (jpeg.length + 5) + "\r\n", jpeg);
      case "content-length-bad" -> upload(UPLOAD + "Content-Length: " + r.pick("-1", "abc", "1e3", "+" + jpeg.length,
          jpeg.length + " " + jpeg.length, "99999999999999999999", "0x10", "") + "\r\n", jpeg);
      case "content-length-huge" -> new RawRequest(bytes(UPLOAD + "Content-Length: "
          + r.pick("10737418240", "2147483648", "33554433") + "\r\n\r\n"), List.of("/upload"), false, true, "");
      case "short-body-then-close" -> unfinished(UPLOAD + "Content-Length: " + (jpeg.length + r.pick(1, 1000, 1 << 20))
          + "\r\n", jpeg);
      case "bad-request-line" -> wire(r.pick("GET\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/9.9\r\nHost: a\r\n\r\n",
          "GET  /health  HTTP/1.1\r\nHost: a\r\n\r\n", "GET\t/health\tHTTP/1.1\r\nHost: a\r\n\r\n",
          "GET /health HTTP/1.1 extra\r\nHost: a\r\n\r\n", "/health HTTP/1.1\r\nHost: a\r\n\r\n",
          "GET /he\u0000alth HTTP/1.1\r\nHost: a\r\n\r\n", " GET /health HTTP/1.1\r\nHost: a\r\n\r\n",
          "GET /health HTTP/1.1\nHost: a\n\n", "\r\n\r\nGET /health HTTP/1.1\r\nHost: a\r\n\r\n"), "/health", true);
      case "http09" -> wire("GET /health\r\n", "/health", false);
      // A TLS ClientHello starts with control characters, which request-line parsers skip as
      // leading noise: printable bytes follow so the garbage is a request line, not silence.
      case "pipelined-garbage" -> new RawRequest(bytes("GET /health HTTP/1.1\r\nHost: a\r\n\r\n"
          + r.pick("\u0016\u0003\u0001\u0002\u0000\u0001\u00fc\u0003\u0003hello", "garbage garbage",
              "GET /health HTTP/1.1\r\nHost", "\u00ff\u00fe")
          + "\r\n\r\n"), List.of("/health", "/"), false, true, "");
      case "expect" -> upload("POST /upload?w=" + r.pick("abc", "64") + " HTTP/1.1\r\nHost: a\r\nContent-Type: image/jpeg\r\n"
          + "Expect: " + r.pick("100-continue", "garbage", "100-continue, 100-continue") + "\r\n" + len, jpeg);
      case "no-host" -> upload(r.pick(UPLOAD.replace("Host: 127.0.0.1\r\n", ""), UPLOAD + "Host: other\r\n",
          UPLOAD.replace("Host: 127.0.0.1", "Host: " + "h".repeat(5000))) + len, jpeg);
      case "h2-preface" -> wire("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "*", false);
      case "long-uri" -> wire("GET /images/" + "a".repeat(r.pick(5_000, 70_000)) + " HTTP/1.1\r\nHost: a\r\n\r\n",
          "/images/", true);
      case "absolute-uri" -> upload(UPLOAD.replace("POST /upload", r.pick("POST http://127.0.0.1/upload",
          "POST http://evil.example/upload", "POST //upload", "POST upload", "POST *")) + len, jpeg);
      default -> upload(UPLOAD.replace("POST /upload", r.pick("FOO /upload", "post /upload", "DELETE /upload",
          "CONNECT /upload", "TRACE /upload", "PUT /upload", "OPTIONS /upload", "P\u00d6ST /upload")) + len, jpeg);
    };
    String first = new String(request.bytes(), 0, Math.min(80, request.bytes().length), StandardCharsets.ISO_8859_1)
        .split("\r?\n", 2)[0];
    String odd = r.picked().isEmpty() ? "" : " " + r.picked();
    did.add(variant + odd);
    return request.withSummary(variant + odd + ": " + Picker.visible(first) + " [" + request.bytes().length + " bytes"
        + (request.halfClose() ? ", then half-closed" : "") + "]");
  }

  private static RawRequest upload(String head, byte[] body) {
    return new RawRequest(Multipart.concat(bytes(head + "\r\n"), body), List.of("/upload"), false, true, "");
  }

  /** A request that cannot be complete: written, then the output shut; a close without an answer is fine. */
  private static RawRequest unfinished(String head, byte[] body) {
    return new RawRequest(Multipart.concat(bytes(head + "\r\n"), body), List.of("/upload"), true, false, "");
  }

  private static RawRequest wire(String all, String target, boolean answerRequired) {
    return new RawRequest(bytes(all), List.of(target), !answerRequired, answerRequired, "");
  }

  /** {@code body} in 1 KB chunks, the first with {@code badSize} as its size line; no last chunk when badSize is null. */
  private static byte[] chunked(byte[] body, String badSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += 1024) {
      int n = Math.min(1024, body.length - i);
      out.writeBytes(bytes((i == 0 && badSize != null ? badSize : Integer.toHexString(n)) + "\r\n"));
      out.write(body, i, n);
      out.writeBytes(bytes("\r\n"));
    }
    if (badSize != null) {
      out.writeBytes(bytes("0\r\n\r\n"));
    }
    return out.toByteArray();
  }

  private static byte[] chunkedWhole(byte[] body) {
    return Multipart.concat(bytes(Integer.toHexString(body.length) + "\r\n"),
        Multipart.concat(body, bytes("\r\n0\r\n\r\n")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
