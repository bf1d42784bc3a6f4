package nws.watermark.optimizer.boot;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is in the cluster, by the node ids the event bus and receipts use. Standalone there is one
 * member, this node, called {@value #STANDALONE}. The only place that reaches into Vert.x and
 * Hazelcast internals for it.
 */
public final class Members {

  /** This node's id when it is not clustered. */
  public static final String STANDALONE = "local";

  private static final String VERTX_NODE_ID = "__vertx.nodeId";

  private Members() {}

  /** This node's cluster id, as receipts and replies carry it. */
  public static String nodeId(Vertx vertx) {
    return vertx instanceof VertxInternal vi && vi.clusterManager() != null
        ? vi.clusterManager().getNodeId()
        : STANDALONE;
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

  /**
   * The nodes, members of the cluster now, with a consumer on {@code address}: read afresh from the
   * cluster's subscription map ({@code __vertx.subs}), not from the event bus's cached view. That
   * view keeps a dead node for as long as no subscription event for the address arrives, and none
   * does when the partition holding the address went down with every node that had registered it.
   * Standalone: this node.
   */
  public static Future<Set<String>> liveConsumers(Vertx vertx, String address) {
    if (!(vertx instanceof VertxInternal vi) || vi.clusterManager() == null) {
      return Future.succeededFuture(Set.of(nodeId(vertx)));
    }
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    vi.clusterManager().getRegistrations(address, registrations);
    return registrations.future().map(all -> {
      Set<String> members = new HashSet<>(nodeIds(vertx));
      return all.stream()
          .filter(r -> !r.localOnly() && members.contains(r.nodeId()))
          .map(RegistrationInfo::nodeId)
          .collect(Collectors.toSet());
    });
  }

  /** Starts hearing of members joining and leaving; Hazelcast calls {@code listener} on its own threads. */
  public static UUID listen(Vertx vertx, MembershipListener listener) {
    return hazelcast(vertx).getHazelcastInstance().getCluster().addMembershipListener(listener);
  }

  public static void stopListening(Vertx vertx, UUID registration) {
    hazelcast(vertx).getHazelcastInstance().getCluster().removeMembershipListener(registration);
  }

  private static HazelcastClusterManager hazelcast(Vertx vertx) {
    if (vertx instanceof VertxInternal vi && vi.clusterManager() instanceof HazelcastClusterManager hz) {
      return hz;
    }
    throw new IllegalStateException("this Vert.x is not clustered over Hazelcast");
  }
}
