package nws.watermark.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for the load test: one keep-alive connection per thread to
 * 127.0.0.1, the request written as it is (headers, then the body array in one write), the
 * answer's body read and dropped. A load generator shares the 2 cores with the servers it
 * measures, so it must cost little: {@code java.net.http.HttpClient} spent about 25 ms of CPU per
 * 4.4 MB upload here (a fifth of the machine at the rates measured), squeezing every ratio toward
 * 1; this one spends a small fraction of that, like wrk or ab would. Answers with a
 * {@code Content-Length} or chunked bodies; anything else closes the connection.
 */
final class PlainHttp implements AutoCloseable {

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] skip = new byte[64 * 1024];

  PlainHttp(int port) {
    this.port = port;
  }

  /** GETs {@code pathAndQuery}; answers the status code. */
  int get(String pathAndQuery) throws IOException {
    return send(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
  }

  /** POSTs {@code body} to {@code pathAndQuery}; answers the status code. */
  int post(String pathAndQuery, String contentType, byte[] body) throws IOException {
    return send(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private int send(byte[] head, byte[] body) throws IOException {
    try {
      return exchange(head, body);
    } catch (IOException e) {
      // A keep-alive connection the server closed in between: one retry on a fresh one.
      close();
      return exchange(head, body);
    }
  }

  private int exchange(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    out.write(head);
    out.write(body);
    out.flush();
    String status = line();
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean keepAlive = true;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      String h = header.toLowerCase(Locale.ROOT);
      if (h.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).trim());
      } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
        chunked = true;
      } else if (h.startsWith("connection:") && h.contains("close")) {
        keepAlive = false;
      }
    }
    if (chunked) {
      for (long n = Long.parseLong(line().split(";")[0].trim(), 16); n > 0;
          n = Long.parseLong(line().split(";")[0].trim(), 16)) {
        drop(n);
        line();
      }
      for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
        // trailers are ignored
      }
    } else if (length >= 0) {
      drop(length);
    } else {
      keepAlive = false;
    }
    if (!keepAlive) {
      close();
    }
    return code;
  }

  private void drop(long n) throws IOException {
    while (n > 0) {
      int read = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (read < 0) {
        throw new IOException("connection closed mid-body");
      }
      n -= read;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        int len = b.size();
        byte[] raw = b.toByteArray();
        return new String(raw, 0, len > 0 && raw[len - 1] == '\r' ? len - 1 : len, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
