package nws.watermark.api.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP as a hostile or broken client writes it: raw bytes on a socket to 127.0.0.1, and what came
 * back within a bound, including whether the server closed the connection.
 */
public final class RawHttp implements AutoCloseable {

  /** What the server sent before closing or before the wait ran out. */
  public record Answer(int status, String head, String body, boolean closed, long millis) {}

  private final Socket socket;

  public RawHttp(int port) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // the server may close early (a refusal before the body): what it answered still counts
    }
    return this;
  }

  /** Reads until the server closes or {@code waitMs} passes with nothing more; parses the first answer. */
  public Answer read(long waitMs) {
    long start = System.nanoTime();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean closed = false;
    try {
      socket.setSoTimeout((int) waitMs);
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      while (!complete(got.toString(StandardCharsets.ISO_8859_1))) {
        int n = in.read(buf);
        if (n < 0) {
          closed = true;
          break;
        }
        got.write(buf, 0, n);
      }
      closed = closed || closesAfter(got.toString(StandardCharsets.ISO_8859_1)) && endOfStream(in);
    } catch (SocketTimeoutException e) {
      // nothing more within the wait; the connection is still open
    } catch (IOException e) {
      closed = true;
    }
    String text = got.toString(StandardCharsets.ISO_8859_1);
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split);
    String body = split < 0 ? "" : text.substring(split + 4);
    int status = head.startsWith("HTTP/1.") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
    return new Answer(status, head, body, closed, (System.nanoTime() - start) / 1_000_000);
  }

  /** A whole answer: its head and as many body bytes as its Content-Length says. */
  private static boolean complete(String text) {
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      return false;
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
        .matcher(text.substring(0, split));
    return length.find() && text.length() - split - 4 >= Integer.parseInt(length.group(1));
  }

  private static boolean closesAfter(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close");
  }

  /** Whether the server closes right after (waiting a moment for it). */
  private static boolean endOfStream(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket the server closed already
    }
  }
}
