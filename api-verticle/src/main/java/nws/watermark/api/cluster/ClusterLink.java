package nws.watermark.api.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nws.watermark.api.cache.SharedResults;
import nws.watermark.api.dispatch.JobSender;
import nws.watermark.api.format.WritableFormats;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Config;

/**
 * What an API node uses of the cluster: a job sender that tracks receipts, and the results shared
 * with the other API nodes. Standalone it is a plain sender and nothing shared.
 */
public interface ClusterLink {

  JobSender sender();

  SharedResults results();

  /** What the optimizers write: this JVM's standalone, the live optimizer nodes' clustered. */
  WritableFormats formats();

  /** What {@code /ready} shows: this node, the members, job routing and sharing. */
  JsonObject stats();

  Future<Void> close();

  /** Call from the API verticle's start, so receipts and departures reach its context. */
  static Future<ClusterLink> start(Vertx vertx, Config config, WritableFormats local) {
    if (!vertx.isClustered()) {
      return Future.succeededFuture(new Standalone(JobSender.direct(vertx), local));
    }
    Future<TrackedSender> tracked = TrackedSender.start(vertx, config.cluster().receiptTimeoutMs());
    Future<ClusterResults> shared = ClusterResults.start(vertx, config);
    Future<ClusterFormats> formats = ClusterFormats.start(vertx);
    return Future.all(tracked, shared, formats)
        .map(all -> new Clustered(vertx, tracked.result(), shared.result(), formats.result()));
  }

  /** One node on its own: jobs go to this JVM's optimizers, nothing is shared. */
  record Standalone(JobSender sender, WritableFormats formats) implements ClusterLink {

    @Override
    public SharedResults results() {
      return SharedResults.NONE;
    }

    @Override
    public JsonObject stats() {
      return new JsonObject().put("mode", "standalone");
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  /** A member of a Hazelcast cluster. */
  record Clustered(Vertx vertx, TrackedSender sender, ClusterResults results, ClusterFormats formats)
      implements ClusterLink {

    @Override
    public JsonObject stats() {
      return new JsonObject()
          .put("mode", "clustered")
          .put("node", Members.nodeId(vertx))
          .put("members", Members.nodeIds(vertx).size())
          .put("routing", sender.stats())
          .put("shared", results.stats());
    }

    @Override
    public Future<Void> close() {
      formats.close();
      return sender.close();
    }
  }
}
