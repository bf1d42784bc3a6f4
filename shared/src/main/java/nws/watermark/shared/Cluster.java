package nws.watermark.shared;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * How a node gets its Vert.x: a plain one standalone, or one clustered over Hazelcast when
 * {@code NWS_CLUSTER=true}. Every NWS node and every event-bus client joins through here, so all
 * of them read the same {@code cluster.xml} with the same overrides.
 */
public final class Cluster {

  /** The copy of the top-level {@code cluster.xml} inside the shared jar. */
  public static final String BUNDLED_CONFIG = "nws/cluster.xml";

  private static final String VERTX_NODE_ID = "__vertx.nodeId";
  private static final String LOGGING_TYPE = "hazelcast.logging.type";

  private Cluster() {}

  /** A Vert.x for this node: clustered when {@link Config#cluster()}, else a plain one. */
  public static Future<Vertx> vertx(Config config) {
    return vertx(config, Vertx.builder());
  }

  /** {@link #vertx(Config)} from a builder that already carries other settings, such as metrics. */
  public static Future<Vertx> vertx(Config config, VertxBuilder builder) {
    if (!config.cluster()) {
      return Future.succeededFuture(builder.build());
    }
    return builder.withClusterManager(new HazelcastClusterManager(hazelcast(config))).buildClustered();
  }

  /**
   * The Hazelcast configuration: the file {@code NWS_CLUSTER_CONFIG} (else the bundled copy),
   * with {@code NWS_CLUSTER_HOST}, {@code NWS_CLUSTER_PORT} and {@code NWS_CLUSTER_MEMBERS}
   * applied over it when set. The event bus binds to the interface Hazelcast binds to.
   */
  public static com.hazelcast.config.Config hazelcast(Config config) {
    if (System.getProperty(LOGGING_TYPE) == null && slf4jPresent()) {
      // Before the file is read, or Hazelcast's first lines go to java.util.logging.
      System.setProperty(LOGGING_TYPE, "slf4j");
    }
    com.hazelcast.config.Config hz = load(config);
    NetworkConfig network = hz.getNetworkConfig();
    if (!config.clusterHost().isEmpty()) {
      network.getInterfaces().setEnabled(true).setInterfaces(List.of(config.clusterHost()));
    }
    if (config.clusterPort() != 0) {
      network.setPort(config.clusterPort());
    }
    if (!config.clusterMembers().isEmpty()) {
      List<String> members = Arrays.stream(config.clusterMembers().split(",")).map(String::trim).toList();
      network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
    }
    return hz;
  }

  /** This node's cluster id, as receipts and replies carry it in {@link BusHeaders#NODE_ID}. */
  public static String nodeId(Vertx vertx) {
    return vertx instanceof VertxInternal vi && vi.clusterManager() != null
        ? vi.clusterManager().getNodeId()
        : "local";
  }

  /** The cluster node ids of the members now in the cluster (just this node's when standalone). */
  public static List<String> nodeIds(Vertx vertx) {
    return vertx instanceof VertxInternal vi && vi.clusterManager() != null
        ? vi.clusterManager().getNodes()
        : List.of(nodeId(vertx));
  }

  /**
   * The cluster node id of a Hazelcast member: not its Hazelcast UUID but the id vertx-hazelcast
   * keeps as a member attribute, the one {@link #nodeId} gives on that member.
   */
  public static String nodeIdOf(Member member) {
    return member.getAttribute(VERTX_NODE_ID);
  }

  /** Hazelcast's member list of a clustered Vert.x, to hear at once when a node leaves. */
  public static com.hazelcast.cluster.Cluster members(Vertx vertx) {
    if (vertx instanceof VertxInternal vi && vi.clusterManager() instanceof HazelcastClusterManager hz) {
      return hz.getHazelcastInstance().getCluster();
    }
    throw new IllegalStateException("this Vert.x is not clustered over Hazelcast");
  }

  private static boolean slf4jPresent() {
    try {
      Class.forName("org.slf4j.LoggerFactory", false, Cluster.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static com.hazelcast.config.Config load(Config config) {
    if (!Files.isRegularFile(config.clusterConfig())) {
      return new ClasspathXmlConfig(BUNDLED_CONFIG);
    }
    try {
      return new FileSystemXmlConfig(config.clusterConfig().toFile());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(Config.CLUSTER_CONFIG + " " + config.clusterConfig() + " vanished", e);
    }
  }
}
