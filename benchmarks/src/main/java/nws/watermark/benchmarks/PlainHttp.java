package nws.watermark.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for the load tests: one keep-alive connection per thread to
 * 127.0.0.1, the request written as it is (headers, then the body array in one write), the
 * answer's body read and dropped but for its first bytes. A load generator shares the 2 cores with
 * the servers it measures, so it must cost little: {@code java.net.http.HttpClient} spent about
 * 25 ms of CPU per 4.4 MB upload here (a fifth of the machine at the rates measured), squeezing
 * every ratio toward 1; this one spends a small fraction of that, like wrk or ab would. Answers
 * with a {@code Content-Length} or chunked bodies; anything else closes the connection.
 */
public final class PlainHttp implements AutoCloseable {

  /** Bytes of an answer's body kept in {@link HttpAnswer#start()}. */
  private static final int KEPT_BODY_BYTES = 16384;

  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] skip = new byte[64 * 1024];
  private long reconnects;
  private boolean answerStarted;

  public PlainHttp(int port) {
    this(port, 60_000);
  }

  /** A client whose every read waits at most {@code timeoutMillis} for the server. */
  public PlainHttp(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** How many requests were sent again because a kept-alive connection had been closed. */
  public long reconnects() {
    return reconnects;
  }

  /** GETs {@code pathAndQuery}; answers the status code. */
  public int get(String pathAndQuery) throws IOException {
    return exchange("GET", pathAndQuery, Map.of(), null, new byte[0]).status();
  }

  /** POSTs {@code body} to {@code pathAndQuery}; answers the status code. */
  public int post(String pathAndQuery, String contentType, byte[] body) throws IOException {
    return exchange("POST", pathAndQuery, Map.of(), contentType, body).status();
  }

  /** Any request; {@code contentType} null for none. */
  public HttpAnswer exchange(String method, String pathAndQuery, Map<String, String> headers, String contentType,
      byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery)
        .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body.length > 0 || "POST".equals(method)) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    boolean reused = socket != null;
    try {
      return exchange(bytes, body);
    } catch (IOException e) {
      close();
      // A keep-alive connection the server closed in between: once more on a fresh one. Only
      // then: a fresh connection that fails, or a server that stops mid-answer, is a real
      // failure, which a soak must see.
      if (!reused || answerStarted || e instanceof SocketTimeoutException) {
        throw e;
      }
      reconnects++;
      return exchange(bytes, body);
    }
  }

  private HttpAnswer exchange(byte[] head, byte[] body) throws IOException {
    answerStarted = false;
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    IOException writeFailure = null;
    try {
      out.write(head);
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // The server may have answered early and closed (a bad option in the query is refused
      // before the body is read): read that answer if it is there.
      writeFailure = e;
    }
    String status = line();
    if (status == null) {
      throw writeFailure != null ? writeFailure : new IOException("connection closed before an answer");
    }
    answerStarted = true;
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    Map<String, String> headers = new HashMap<>();
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
      }
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long length = readBody(headers, kept);
    String connection = headers.getOrDefault("connection", "");
    if (length < 0 || writeFailure != null || connection.toLowerCase(Locale.ROOT).contains("close")) {
      close();
    }
    return new HttpAnswer(code, headers, kept.toByteArray(), Math.max(length, 0));
  }

  /** Reads the body into {@code kept} (its first bytes) and answers its length, -1 for "to the end". */
  private long readBody(Map<String, String> headers, ByteArrayOutputStream kept) throws IOException {
    if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
      long total = 0;
      for (long n = chunkSize(); n > 0; n = chunkSize()) {
        drop(n, kept);
        total += n;
        line();
      }
      for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
        // trailers are ignored
      }
      return total;
    }
    String length = headers.get("content-length");
    if (length == null) {
      return -1;
    }
    drop(Long.parseLong(length), kept);
    return Long.parseLong(length);
  }

  private long chunkSize() throws IOException {
    return Long.parseLong(line().split(";")[0].trim(), 16);
  }

  private void drop(long n, ByteArrayOutputStream kept) throws IOException {
    while (n > 0) {
      int read = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (read < 0) {
        throw new IOException("connection closed mid-body");
      }
      kept.write(skip, 0, Math.max(0, Math.min(read, KEPT_BODY_BYTES - kept.size())));
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
