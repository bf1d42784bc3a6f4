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

  /** The sentinels' name for the master they watch, in {@link #sentinelFor}. */
  public static final String MASTER_NAME = "nwsmaster";

  private final int masterPort;
  private final List<String> extraArgs;

  private RedisServer(int masterPort, List<String> extraArgs) throws IOException {
    super(folder("redis-"));
    this.masterPort = masterPort;
    this.extraArgs = extraArgs;
  }

  public static RedisServer started() {
    return started(0, List.of());
  }

  /** A Redis Sentinel (redis-server --sentinel) watching {@code master} as {@link #MASTER_NAME}. */
  public static RedisServer sentinelFor(RedisServer master) {
    return started(master.port, List.of());
  }

  /** A node with cluster mode on, not yet part of a cluster (see {@link RedisCluster}). */
  public static RedisServer clusterNode() {
    return started(0, List.of("--cluster-enabled", "yes", "--cluster-node-timeout", "5000"));
  }

  private static RedisServer started(int masterPort, List<String> extraArgs) {
    try {
      RedisServer redis = new RedisServer(masterPort, extraArgs);
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
    if (masterPort != 0) {
      return sentinelCommand();
    }
    List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no"));
    command.addAll(extraArgs);
    return command;
  }

  private List<String> sentinelCommand() {
    try {
      java.nio.file.Path conf = dir.resolve("sentinel.conf");
      Files.writeString(conf, String.join("\n",
          "port " + port,
          "bind 127.0.0.1",
          "dir " + dir,
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 5000",
          ""));
      return List.of("redis-server", conf.toString(), "--sentinel");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      out.write(request(args));
      out.flush();
      return firstLine(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one command and returns its whole reply when it is a bulk string (CLUSTER INFO). */
  public String bulk(String... args) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write(request(args));
      InputStream in = socket.getInputStream();
      String head = firstLine(in);
      if (!head.startsWith("$") || head.equals("$-1")) {
        return head;
      }
      return new String(in.readNBytes(Integer.parseInt(head.substring(1))), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] request(String... args) {
    StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
    for (String arg : args) {
      request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
    }
    return request.toString().getBytes(StandardCharsets.UTF_8);
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
