package nws.watermark.optimizer.boot;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import nws.watermark.shared.config.ClusterConfig;

/**
 * Joining the cluster over Hazelcast. Every NWS node reads the same {@code cluster.xml} with the
 * same {@code NWS_CLUSTER_*} overrides, so they all find each other.
 */
public final class ClusterJoin {

  /** The copy of the top-level {@code cluster.xml} inside this jar. */
  public static final String BUNDLED_CONFIG = "nws/cluster.xml";

  private static final String LOGGING_TYPE = "hazelcast.logging.type";

  private ClusterJoin() {}

  static Future<Vertx> vertx(ClusterConfig config, VertxBuilder builder) {
    return builder.withClusterManager(new HazelcastClusterManager(hazelcast(config))).buildClustered();
  }

  /**
   * The Hazelcast configuration: the file {@code NWS_CLUSTER_CONFIG} (else the bundled copy),
   * with {@code NWS_CLUSTER_HOST}, {@code NWS_CLUSTER_PORT} and {@code NWS_CLUSTER_MEMBERS}
   * applied over it when set. The event bus binds to the interface Hazelcast binds to.
   */
  public static Config hazelcast(ClusterConfig config) {
    if (System.getProperty(LOGGING_TYPE) == null) {
      // Before the file is read, or Hazelcast's first lines go to java.util.logging.
      System.setProperty(LOGGING_TYPE, "slf4j");
    }
    Config hz = load(config);
    NetworkConfig network = hz.getNetworkConfig();
    if (!config.host().isEmpty()) {
      network.getInterfaces().setEnabled(true).setInterfaces(List.of(config.host()));
    }
    if (config.port() != 0) {
      network.setPort(config.port());
    }
    if (!config.members().isEmpty()) {
      List<String> members = Arrays.stream(config.members().split(",")).map(String::trim).toList();
      network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
    }
    return hz;
  }

  private static Config load(ClusterConfig config) {
    if (!Files.isRegularFile(config.configFile())) {
      return new ClasspathXmlConfig(BUNDLED_CONFIG);
    }
    try {
      return new FileSystemXmlConfig(config.configFile().toFile());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(ClusterConfig.CONFIG + " " + config.configFile() + " vanished", e);
    }
  }
}
