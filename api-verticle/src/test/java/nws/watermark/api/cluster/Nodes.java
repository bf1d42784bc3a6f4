package nws.watermark.api.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nws.watermark.shared.config.ClusterConfig;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;

/**
 * Real cluster nodes for a test class: the API and optimizer fat jars (and any main class) as
 * separate JVMs on 127.0.0.1, each on free HTTP and Hazelcast ports, logging to a file. Every
 * process is stopped by {@link #close()}, forcibly if it must be.
 */
final class Nodes implements AutoCloseable {

  static final Path API_JAR = Path.of(System.getProperty("nws.api.jar", "target/api-verticle-0.1.0-SNAPSHOT-fat.jar"));
  static final Path OPTIMIZER_JAR = Path.of(System.getProperty("nws.optimizer.jar",
      "../optimizer-verticle/target/optimizer-verticle-0.1.0-SNAPSHOT-fat.jar"));
  static final Path CLUSTER_XML = Path.of(System.getProperty("nws.cluster.xml", "../cluster.xml"));
  static final Path LOGS = Path.of(System.getProperty("nws.it.dir", "target/cluster-it"));

  /** What Hazelcast wants opened; without it, it warns and runs slower. */
  static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
      "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private static final Pattern NODE_ID = Pattern.compile("consuming on node ([0-9a-f-]{36})");
  /** HTTP/1.1, as a load balancer talks to a backend (JDK 17 fails every HTTP/2 stream on GOAWAY). */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** One JVM of the cluster. */
  static final class Node {
    final String name;
    final Process process;
    final Path log;
    final int httpPort;

    Node(String name, Process process, Path log, int httpPort) {
      this.name = name;
      this.process = process;
      this.log = log;
      this.httpPort = httpPort;
    }

    String logText() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return "";
      }
    }

    /** The cluster node id an optimizer logs once its workers consume. */
    String optimizerNodeId() {
      Matcher m = NODE_ID.matcher(logText());
      return m.find() ? m.group(1) : null;
    }

    JsonObject ready() {
      return new JsonObject(get("/ready").body());
    }

    HttpResponse<String> get(String path) {
      try {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** POSTs {@code image} as a raw {@code image/jpeg} body. */
    CompletableFuture<HttpResponse<byte[]>> upload(byte[] image, String query) {
      HttpRequest req = HttpRequest.newBuilder(uri("/upload" + query))
          .timeout(Duration.ofSeconds(90))
          .header("Content-Type", "image/jpeg")
          .POST(HttpRequest.BodyPublishers.ofByteArray(image))
          .build();
      return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + httpPort + path);
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Path storage;
  private final List<Integer> seedPorts = new ArrayList<>();

  /** {@code seeds} Hazelcast ports are reserved for the first nodes; everyone joins through them. */
  Nodes(int seeds) {
    try {
      Files.createDirectories(LOGS);
      storage = Files.createTempDirectory("nws-cluster-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < seeds; i++) {
      seedPorts.add(freePort());
    }
  }

  /** An API node; the first {@code seeds} nodes started take the seed ports. */
  Node startApi(String name, Map<String, String> env) {
    int http = freePort();
    Map<String, String> all = new HashMap<>(env);
    all.put(HttpConfig.HOST.name(), "127.0.0.1");
    all.put(HttpConfig.PORT.name(), Integer.toString(http));
    return start(name, List.of("-jar", API_JAR.toString()), all, http);
  }

  Node startOptimizer(String name, Map<String, String> env) {
    return start(name, List.of("-jar", OPTIMIZER_JAR.toString()), env, 0);
  }

  /**
   * Any main class of the test classpath, as a cluster member that joins the way an outside
   * client does: with a {@code cluster.xml} of its own (the repository's, with this test's seed
   * members and a free port written in), named by {@code NWS_CLUSTER_CONFIG}.
   */
  Node startMain(String name, String mainClass, List<String> args) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    return start(name, command, Map.of(ClusterConfig.CONFIG.name(), clientClusterXml().toString()), 0);
  }

  private Path clientClusterXml() {
    try {
      String members = seedPorts.stream().map(p -> "<member>127.0.0.1:" + p + "</member>").reduce("", String::concat);
      String xml = Files.readString(CLUSTER_XML)
          .replace("<member>127.0.0.1</member>", members)
          .replaceFirst(">5701</port>", ">" + freePort() + "</port>");
      Path file = LOGS.resolve("client-cluster.xml");
      Files.writeString(file, xml);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Node start(String name, List<String> command, Map<String, String> env, int httpPort) {
    int hzPort = nodes.size() < seedPorts.size() ? seedPorts.get(nodes.size()) : freePort();
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(JVM_FLAGS);
    line.addAll(command);
    Path log = LOGS.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> penv = pb.environment();
    penv.keySet().removeIf(k -> k.startsWith("NWS_"));
    penv.put(ClusterConfig.CLUSTER.name(), "true");
    penv.put(ClusterConfig.CONFIG.name(), CLUSTER_XML.toAbsolutePath().toString());
    penv.put(ClusterConfig.HOST.name(), "127.0.0.1");
    penv.put(ClusterConfig.PORT.name(), Integer.toString(hzPort));
    penv.put(ClusterConfig.MEMBERS.name(), String.join(",", seedPorts.stream().map(p -> "127.0.0.1:" + p).toList()));
    penv.put(StorageConfig.DIR.name(), storage.toString());
    penv.put(ImagesConfig.OPTIMIZER_INSTANCES.name(), "1");
    penv.putAll(env);
    try {
      Node node = new Node(name, pb.start(), log, httpPort);
      nodes.add(node);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code condition} every 100 ms until true; fails with {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Waits until an API node answers /ready and sees {@code members} cluster members. */
  static void awaitApi(Node api, int members) {
    await(api.name + " ready with " + members + " members", Duration.ofSeconds(120), () -> {
      assertAlive(api);
      return api.ready().getJsonObject("cluster").getInteger("members") == members;
    });
  }

  static void awaitOptimizer(Node optimizer) {
    await(optimizer.name + " consuming", Duration.ofSeconds(120), () -> {
      assertAlive(optimizer);
      return optimizer.optimizerNodeId() != null;
    });
  }

  static void assertAlive(Node node) {
    if (!node.process.isAlive()) {
      throw new AssertionError(node.name + " exited with " + node.process.exitValue() + ":\n" + tail(node));
    }
  }

  static String tail(Node node) {
    String text = node.logText();
    return text.substring(Math.max(0, text.length() - 4000));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      node.process.destroyForcibly();
    }
    for (Node node : nodes) {
      try {
        node.process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (var files = Files.walk(storage)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is not worth failing a test for
    }
  }
}
