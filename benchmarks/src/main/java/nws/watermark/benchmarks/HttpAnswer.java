package nws.watermark.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One answer of {@link PlainHttp}: its status, its headers (names in lower case) and the first
 * bytes of its body (enough for any JSON error; the rest is read and dropped).
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] start, long bodyLength) {

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String bodyStart() {
    return new String(start, StandardCharsets.UTF_8);
  }

  /** The {@code error} field of a JSON error body, or "" when there is none. */
  public String errorCode() {
    String body = bodyStart();
    int at = body.indexOf("\"error\"");
    if (at < 0) {
      return "";
    }
    int open = body.indexOf('"', body.indexOf(':', at) + 1);
    int close = open < 0 ? -1 : body.indexOf('"', open + 1);
    return close < 0 ? "" : body.substring(open + 1, close);
  }
}
