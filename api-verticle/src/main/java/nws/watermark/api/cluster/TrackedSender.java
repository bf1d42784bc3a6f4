package nws.watermark.api.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nws.watermark.api.dispatch.Failure.JobLost;
import nws.watermark.api.dispatch.Failure.JobNotTaken;
import nws.watermark.api.dispatch.JobSender;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;

/**
 * Sends optimizer jobs asking for a receipt, and keeps for each job in flight the node that took
 * it. An attempt is lost, not slow, when the node that took it leaves the cluster (killed,
 * crashed, cut off), or when no receipt comes within {@code NWS_RECEIPT_TIMEOUT_MS} (it went to a
 * node that was already dead, whose subscription the cluster had not yet dropped). Both are seen
 * within about a second and the attempt fails with {@link JobLost}, which the retry table sends
 * again at once; the event bus alone would wait for the send timeout. A late answer to an attempt
 * given up on is dropped. Confined to the API verticle's context.
 *
 * <p>When a node leaves, or an attempt is lost, {@link OptimizerPresence} reads the subscriptions
 * afresh: with no optimizer left, every attempt in flight and every new one fails at once with
 * {@code NO_HANDLERS} ({@link nws.watermark.api.dispatch.Failure#NO_OPTIMIZER}: 503, no retry).
 */
final class TrackedSender implements JobSender {

  /** One attempt in flight, and the node that sent its receipt. */
  private static final class Attempt {
    final Promise<Message<Buffer>> answer = Promise.promise();
    String node;
    long receiptTimer;
  }

  private final Vertx vertx;
  private final Context context;
  private final long receiptTimeoutMs;
  private final String receiptAddress;
  private final Map<String, Attempt> inFlight = new HashMap<>();
  private final Map<String, Long> receiptsByNode = new TreeMap<>();
  private MessageConsumer<Void> receipts;
  private UUID membershipListener;
  private final OptimizerPresence optimizers;
  private long lost;

  private TrackedSender(Vertx vertx, long receiptTimeoutMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.receiptTimeoutMs = receiptTimeoutMs;
    this.receiptAddress = "nws.api.receipts." + Members.nodeId(vertx);
    this.optimizers = new OptimizerPresence(vertx, context, receiptTimeoutMs);
  }

  /** Starts listening for receipts and for nodes leaving; call from the API verticle. */
  static Future<TrackedSender> start(Vertx vertx, long receiptTimeoutMs) {
    TrackedSender sender = new TrackedSender(vertx, receiptTimeoutMs);
    sender.receipts = vertx.eventBus().consumer(sender.receiptAddress, sender::receipt);
    sender.membershipListener = Members.listen(vertx, sender.new Departures());
    return sender.receipts.completion().map(sender);
  }

  /** Stops listening; attempts still in flight complete as the event bus decides. */
  Future<Void> close() {
    Members.stopListening(vertx, membershipListener);
    return receipts.unregister();
  }

  @Override
  public Future<Message<Buffer>> request(Buffer original, DeliveryOptions delivery) {
    return optimizers.beforeSend().compose(v -> send(original, delivery));
  }

  private Future<Message<Buffer>> send(Buffer original, DeliveryOptions delivery) {
    String jobId = UUID.randomUUID().toString();
    Attempt attempt = new Attempt();
    inFlight.put(jobId, attempt);
    attempt.receiptTimer = vertx.setTimer(receiptTimeoutMs,
        t -> lost(jobId, "no receipt within " + receiptTimeoutMs + " ms"));
    DeliveryOptions options = new DeliveryOptions(delivery)
        .addHeader(BusHeaders.RECEIPT_TO, receiptAddress)
        .addHeader(BusHeaders.JOB_ID, jobId);
    vertx.eventBus().<Buffer>request(Addresses.OPTIMIZE, original, options)
        .onComplete(result -> answered(jobId, result));
    return attempt.answer.future();
  }

  private void receipt(Message<Void> msg) {
    String node = msg.headers().get(BusHeaders.NODE_ID);
    receiptsByNode.merge(node, 1L, Long::sum);
    Attempt attempt = inFlight.get(msg.headers().get(BusHeaders.JOB_ID));
    if (attempt != null) {
      attempt.node = node;
      vertx.cancelTimer(attempt.receiptTimer);
    }
  }

  private void answered(String jobId, AsyncResult<Message<Buffer>> result) {
    Attempt attempt = inFlight.remove(jobId);
    if (attempt == null) {
      return;
    }
    vertx.cancelTimer(attempt.receiptTimer);
    if (result.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
      // In a cluster another node may well have a handler: the one picked was leaving.
      attempt.answer.fail(new JobNotTaken("no handler on the node picked"));
      return;
    }
    attempt.answer.handle(result);
  }

  private void nodeLeft(String node) {
    receiptsByNode.remove(node);
    List<String> held = inFlight.entrySet().stream()
        .filter(e -> node.equals(e.getValue().node))
        .map(Map.Entry::getKey)
        .toList();
    held.forEach(jobId -> lost(jobId, "optimizer node " + node + " left the cluster"));
  }

  private void lost(String jobId, String why) {
    Attempt attempt = inFlight.remove(jobId);
    if (attempt == null) {
      return;
    }
    lost++;
    vertx.cancelTimer(attempt.receiptTimer);
    // Sending again only helps if some optimizer is left; the event bus may still pick a dead one.
    optimizers.alive().onSuccess(alive -> attempt.answer.tryFail(alive ? new JobLost(why) : OptimizerPresence.noneLeft()));
  }

  /** After a node left: with no optimizer in the cluster, every attempt in flight fails now, not after its timeouts. */
  private void checkOptimizers() {
    optimizers.alive().onSuccess(alive -> {
      if (alive) {
        return;
      }
      List<Attempt> failed = List.copyOf(inFlight.values());
      inFlight.clear();
      failed.forEach(attempt -> {
        vertx.cancelTimer(attempt.receiptTimer);
        attempt.answer.tryFail(OptimizerPresence.noneLeft());
      });
    });
  }

  /**
   * What {@code /ready} shows of the routing: attempts in flight (per node), receipts per node, and
   * attempts lost (each sent again while its job has deliveries left).
   */
  JsonObject stats() {
    JsonObject receiptCounts = new JsonObject();
    receiptsByNode.forEach(receiptCounts::put);
    JsonObject holding = new JsonObject();
    inFlight.values().stream().filter(a -> a.node != null)
        .forEach(a -> holding.put(a.node, holding.getInteger(a.node, 0) + 1));
    return new JsonObject()
        .put("jobsInFlight", inFlight.size())
        .put("jobsInFlightByNode", holding)
        .put("redeliveries", lost)
        .put("receiptsByNode", receiptCounts);
  }

  /** Hazelcast calls this on its own threads; the work hops onto the API verticle's context. */
  private final class Departures implements MembershipListener {

    @Override
    public void memberAdded(MembershipEvent event) {
      // a new node announces its subscriptions itself; nothing to do here
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      String node = Members.nodeIdOf(event.getMember());
      context.runOnContext(v -> {
        nodeLeft(node);
        checkOptimizers();
      });
    }
  }
}
