package nws.watermark.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server for the clients' tests that gives, request after request, the raw
 * answers it was scripted with: {@code null} closes the connection without answering, an answer
 * ending in {@code "\n!close"} closes it after answering (without that marker), anything else is
 * written as it is and the connection kept.
 */
public final class ScriptedServer implements AutoCloseable {

  public static final String CLOSE = "\n!close";

  private final ServerSocket server;
  private final Queue<String> answers = new ConcurrentLinkedQueue<>();
  public final AtomicInteger requests = new AtomicInteger();
  public final AtomicInteger connections = new AtomicInteger();

  public ScriptedServer(String... script) throws IOException {
    for (String answer : script) {
      answers.add(answer == null ? "" : answer);
    }
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** An answer with a body and a Content-Length. */
  public static String answer(int status, String headers, String body) {
    return "HTTP/1.1 " + status + " X\r\n" + headers + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n" + body;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(socket), "scripted-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      while (readRequest(in)) {
        requests.incrementAndGet();
        String answer = answers.poll();
        if (answer == null || answer.isEmpty()) {
          return;
        }
        boolean close = answer.endsWith(CLOSE);
        out.write(answer.replace(CLOSE, "").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Reads one request's head and its Content-Length body; false at the end of the connection. */
  private static boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        for (String line : text.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            in.readNBytes(Integer.parseInt(line.substring(15).trim()));
          }
        }
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
