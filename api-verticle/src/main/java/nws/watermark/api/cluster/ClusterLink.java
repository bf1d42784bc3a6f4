package nws.watermark.api.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nws.watermark.api.cache.SharedResults;
import nws.watermark.api.dispatch.JobSender;
import nws.watermark.shared.Cluster;
import nws.watermark.shared.Config;

/**
 * What an API node uses of the cluster: a job sender that tracks receipts, and the results shared
 * with the other API nodes. Standalone it is a plain sender and nothing shared.
 */
public final class ClusterLink {

  private final JobSender sender;
  private final SharedResults results;
  private final TrackedSender tracked;
  private final ClusterResults clusterResults;

  private ClusterLink(JobSender sender, SharedResults results, TrackedSender tracked, ClusterResults clusterResults) {
    this.sender = sender;
    this.results = results;
    this.tracked = tracked;
    this.clusterResults = clusterResults;
  }

  /** Call from the API verticle's start, so receipts and departures reach its context. */
  public static Future<ClusterLink> start(Vertx vertx, Config config) {
    if (!vertx.isClustered()) {
      return Future.succeededFuture(new ClusterLink(JobSender.direct(vertx), SharedResults.NONE, null, null));
    }
    Future<TrackedSender> tracked = TrackedSender.start(vertx, config.receiptTimeoutMs());
    Future<ClusterResults> shared = ClusterResults.start(vertx, config);
    return Future.all(tracked, shared)
        .map(all -> new ClusterLink(tracked.result(), shared.result(), tracked.result(), shared.result()));
  }

  public JobSender sender() {
    return sender;
  }

  public SharedResults results() {
    return results;
  }

  public Future<Void> close() {
    return tracked == null ? Future.succeededFuture() : tracked.close();
  }

  /** What {@code /ready} shows: this node, the members, job routing and sharing. */
  public JsonObject stats(Vertx vertx) {
    if (tracked == null) {
      return new JsonObject().put("mode", "standalone");
    }
    return new JsonObject()
        .put("mode", "clustered")
        .put("node", Cluster.nodeId(vertx))
        .put("members", Cluster.nodeIds(vertx).size())
        .put("routing", tracked.stats())
        .put("shared", clusterResults.stats());
  }
}
