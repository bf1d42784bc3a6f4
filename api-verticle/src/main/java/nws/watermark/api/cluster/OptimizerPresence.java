package nws.watermark.api.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import java.util.Set;
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
  private boolean gone;

  OptimizerPresence(Vertx vertx, Context context) {
    this.vertx = vertx;
    this.context = context;
  }

  /** Succeeds when a job may go out; fails with {@link #noneLeft()} while no optimizer is known to be left. */
  Future<Void> beforeSend() {
    if (!gone) {
      return Future.succeededFuture();
    }
    return alive().compose(alive -> alive ? Future.<Void>succeededFuture() : Future.failedFuture(noneLeft()));
  }

  /**
   * A fresh read, completed on this context; remembers its answer. A failed read counts as yes
   * (the job goes out as before).
   */
  Future<Boolean> alive() {
    Promise<Set<String>> read = ((ContextInternal) context).promise();
    Members.liveConsumers(vertx, Addresses.OPTIMIZE).onComplete(read);
    return read.future().map(nodes -> !nodes.isEmpty()).otherwise(true).onSuccess(alive -> gone = !alive);
  }

  /** Maps to {@code Failure.NO_OPTIMIZER}: not retried, the client gets 503 with Retry-After. */
  static ReplyException noneLeft() {
    return new ReplyException(ReplyFailure.NO_HANDLERS, "no optimizer node in the cluster");
  }
}
