package nws.watermark.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x answers from a stream: the status line, headers, and a body framed by
 * Content-Length, by chunks, or by the close. Interim 1xx answers are skipped. Strict about what
 * the service writes (a status line that is not HTTP/1.x is {@link NotHttp}), bounded in what it
 * keeps (64 MB a body, 64 KB a line).
 */
final class AnswerReader {

  private static final int MAX_LINE = 64 * 1024;
  private static final long MAX_BODY = 64L * 1024 * 1024;

  /** The service wrote something that is not an HTTP/1.x answer. */
  static final class NotHttp extends IOException {
    NotHttp(String message) {
      super(message);
    }
  }

  private final InputStream in;

  AnswerReader(InputStream in) {
    this.in = in;
  }

  /** The next final answer, or null when the connection closed before its first byte. */
  Answer next() throws IOException {
    while (true) {
      String status = line(true);
      if (status == null) {
        return null;
      }
      if (!status.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
        throw new NotHttp("not an HTTP/1.x status line: '" + clip(status) + "'");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      Map<String, String> headers = headers();
      if (code >= 100 && code < 200) {
        continue;
      }
      return new Answer(code, status, headers, body(headers, code));
    }
  }

  private Map<String, String> headers() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(false); !h.isEmpty(); h = line(false)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new NotHttp("header line without a name: '" + clip(h) + "'");
      }
      headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    return headers;
  }

  private byte[] body(Map<String, String> headers, int status) throws IOException {
    if (status == 204 || status == 304) {
      return new byte[0];
    }
    if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (long n = chunkSize(); n > 0; n = chunkSize()) {
        copy(n, out);
        line(false);
      }
      for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
        // trailers carry nothing the verdict reads
      }
      return out.toByteArray();
    }
    String length = headers.get("content-length");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (length != null) {
      try {
        copy(Long.parseLong(length), out);
      } catch (NumberFormatException e) {
        throw new NotHttp("Content-Length '" + clip(length) + "'");
      }
    } else {
      copy(MAX_BODY, out, true);
    }
    return out.toByteArray();
  }

  private long chunkSize() throws IOException {
    String size = line(false).split(";", 2)[0].trim();
    try {
      return Long.parseLong(size, 16);
    } catch (NumberFormatException e) {
      throw new NotHttp("chunk size '" + clip(size) + "'");
    }
  }

  private void copy(long n, ByteArrayOutputStream out) throws IOException {
    copy(n, out, false);
  }

  private void copy(long n, ByteArrayOutputStream out, boolean untilClose) throws IOException {
    if (n > MAX_BODY) {
      throw new NotHttp("a body of " + n + " bytes");
    }
    byte[] buffer = new byte[16 * 1024];
    while (n > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (read < 0) {
        if (untilClose) {
          return;
        }
        throw new EOFException("closed inside a body, " + n + " bytes short");
      }
      out.write(buffer, 0, read);
      n -= read;
    }
  }

  /** A line without its CRLF; null at a clean end of stream when {@code endOk}. */
  private String line(boolean endOk) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    for (int c = in.read(); ; c = in.read()) {
      if (c < 0) {
        if (endOk && b.size() == 0) {
          return null;
        }
        throw new EOFException("closed inside an answer's head");
      }
      if (c == '\n') {
        byte[] raw = b.toByteArray();
        int len = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return new String(raw, 0, len, StandardCharsets.ISO_8859_1);
      }
      if (b.size() >= MAX_LINE) {
        throw new NotHttp("a line longer than " + MAX_LINE + " bytes");
      }
      b.write(c);
    }
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
