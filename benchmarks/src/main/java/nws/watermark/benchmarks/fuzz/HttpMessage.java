package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one well-framed HTTP/1.1 request as raw bytes: the request line with its target written
 * as given (bad escapes, raw UTF-8 and all), headers in order, duplicates allowed, and a
 * Content-Length that matches the body of a POST. {@link FramingAbuse} writes its own bytes.
 */
final class HttpMessage {

  private final String requestLine;
  private final String target;
  private final List<String> headers = new ArrayList<>();
  private byte[] body = new byte[0];
  private final boolean contentLength;

  private HttpMessage(String method, String target) {
    this.requestLine = method + " " + target + " HTTP/1.1";
    this.target = target;
    this.contentLength = method.equals("POST");
    headers.add("Host: 127.0.0.1");
  }

  static HttpMessage get(String target) {
    return new HttpMessage("GET", target);
  }

  /** A POST, with a Content-Length that matches its body. */
  static HttpMessage post(String target) {
    return new HttpMessage("POST", target);
  }

  HttpMessage header(String name, String value) {
    headers.add(name + ": " + value);
    return this;
  }

  HttpMessage body(String contentType, byte[] bytes) {
    if (contentType != null) {
      header("Content-Type", contentType);
    }
    this.body = bytes;
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    if (contentLength) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** This message alone on a connection, answered once. */
  RawRequest request(String note) {
    return new RawRequest(bytes(), List.of(path(target)), false, true, describe(note));
  }

  String describe(String note) {
    String line = requestLine.length() > 300 ? requestLine.substring(0, 300) + "...(" + requestLine.length() + " chars)" : requestLine;
    return line + (body.length > 0 ? " [" + body.length + " byte body]" : "") + (note.isEmpty() ? "" : " " + note);
  }

  /** The path of a request target, without its query; what the verdict keys the 200s on. */
  static String path(String target) {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }
}
