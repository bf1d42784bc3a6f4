package nws.watermark.api.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Addresses;

/**
 * Whether any optimizer is left in the cluster, read afresh from the subscriptions of the members
 * still in it. The event bus's own view cannot be trusted for this: when the partition holding the
 * optimizer address went down with every optimizer, no subscription event ever arrives and it
 * keeps picking the dead nodes. Once a read finds none, every new job reads again first (and fails
 * at once) until one is back. Confined to the API verticle's context.
 */
final class OptimizerPresence {

  private final Vertx vertx;
  private final Context context;
  private final long readTimeoutMs;
  private boolean gone;
  /** The read in progress, which every caller meanwhile shares: one cluster read, not one a job. */
  private Future<Boolean> reading;

  /** {@code readTimeoutMs}: how long a read may take before it counts as "yes" (the job goes out). */
  OptimizerPresence(Vertx vertx, Context context, long readTimeoutMs) {
    this.vertx = vertx;
    this.context = context;
    this.readTimeoutMs = readTimeoutMs;
  }

  /** Succeeds when a job may go out; fails with {@link #noneLeft()} while no optimizer is known to be left. */
  Future<Void> beforeSend() {
    if (!gone) {
      return Future.succeededFuture();
    }
    return alive().compose(alive -> alive ? Future.<Void>succeededFuture() : Future.failedFuture(noneLeft()));
  }

  /**
   * A fresh read, completed on this context; remembers its answer. A failed read, or one that
   * takes longer than {@code readTimeoutMs} (Hazelcast may wait on lost partitions for minutes),
   * counts as yes: the job goes out as before and the receipt rule catches a dead node.
   */
  Future<Boolean> alive() {
    if (reading != null) {
      return reading;
    }
    Promise<Set<String>> read = ((ContextInternal) context).promise();
    Members.liveConsumers(vertx, Addresses.OPTIMIZE).onComplete(read);
    Future<Boolean> answer = read.future().timeout(readTimeoutMs, TimeUnit.MILLISECONDS)
        .map(nodes -> !nodes.isEmpty()).otherwise(true);
    reading = answer;
    answer.onComplete(alive -> {
      gone = !alive.result();
      if (reading == answer) {
        reading = null;
      }
    });
    return answer;
  }

  /** Maps to {@code Failure.NO_OPTIMIZER}: not retried, the client gets 503 with Retry-After. */
  static ReplyException noneLeft() {
    return new ReplyException(ReplyFailure.NO_HANDLERS, "no optimizer node in the cluster");
  }
}
