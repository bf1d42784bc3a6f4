package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multipart/form-data body written by hand, so a part's headers can be anything at all (no
 * Content-Disposition, a field name of 64 KB, a header line without a colon) and the closing
 * delimiter can be left out.
 */
final class Multipart {

  private final String boundary;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart(String boundary) {
    this.boundary = boundary;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  Multipart field(String name, String value) {
    return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
  }

  Multipart file(String name, String filename, String contentType, byte[] data) {
    return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: " + contentType, data);
  }

  /** A part whose header block is written as given (lines joined by CRLF, no trailing CRLF). */
  Multipart part(String headerBlock, byte[] data) {
    write("--" + boundary + "\r\n" + headerBlock + "\r\n\r\n");
    out.writeBytes(data);
    write("\r\n");
    return this;
  }

  /** Bytes written between parts as they are: a preamble, garbage, a delimiter of another boundary. */
  Multipart raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** The body with its closing delimiter. */
  byte[] bytes() {
    return concat(unclosed(), closing());
  }

  /** The body as written so far, with no closing delimiter. */
  byte[] unclosed() {
    return out.toByteArray();
  }

  private byte[] closing() {
    return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private void write(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
