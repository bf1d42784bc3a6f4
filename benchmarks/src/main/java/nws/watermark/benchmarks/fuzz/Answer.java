package nws.watermark.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** One HTTP answer as read off the socket: status, headers (names in lower case), body. */
record Answer(int status, String statusLine, Map<String, String> headers, byte[] body) {

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The body's first bytes as text, for a failure line. */
  String bodyStart() {
    String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+", " ");
    return body.length == 0 ? "(empty body)" : text + (body.length > 160 ? "..." : "");
  }
}
