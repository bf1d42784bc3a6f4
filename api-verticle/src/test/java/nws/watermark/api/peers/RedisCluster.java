package nws.watermark.api.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Three redis-server masters joined into a Redis Cluster with {@code redis-cli --cluster create}. */
public final class RedisCluster implements AutoCloseable {

  public final List<RedisServer> nodes = new ArrayList<>();

  public static RedisCluster started() {
    RedisCluster cluster = new RedisCluster();
    try {
      for (int i = 0; i < 3; i++) {
        cluster.nodes.add(RedisServer.clusterNode());
      }
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    nodes.forEach(n -> command.add("127.0.0.1:" + n.port));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    try {
      Process create = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!create.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || create.exitValue() != 0) {
        create.destroyForcibly();
        throw new IllegalStateException("redis-cli --cluster create failed: " + command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    for (RedisServer node : nodes) {
      Peer.await(Duration.ofSeconds(30), () -> node.bulk("CLUSTER", "INFO").contains("cluster_state:ok"),
          "node " + node.port + " to see the cluster ok");
    }
  }

  /** How many nodes hold {@code key} (each key lives on exactly one master). */
  public long holding(String key) {
    return nodes.stream().filter(n -> ":1".equals(n.command("EXISTS", key))).count();
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }
}
