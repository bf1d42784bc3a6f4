package nws.watermark.api.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Debian's redis-server on a free loopback port, no persistence, plus a tiny RESP client. */
public final class RedisServer extends Peer {

  private RedisServer() throws IOException {
    super(Files.createTempDirectory("nws-redis-"));
  }

  public static RedisServer started() {
    try {
      RedisServer redis = new RedisServer();
      redis.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  protected List<String> command() {
    return List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no");
  }

  @Override
  protected boolean answers() {
    try {
      return "+PONG".equals(command("PING"));
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Sends one command and returns the first line of the reply ({@code +PONG}, {@code :86400},
   * {@code $-1}); for a bulk reply, {@code $<length>}.
   */
  public String command(String... args) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
      for (String arg : args) {
        request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return firstLine(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
