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
import nws.watermark.api.dispatch.JobSender;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends optimizer jobs asking for a receipt, and keeps for each job in flight the node that took
 * it. A job is lost, not slow, when the node that took it leaves the cluster (killed, crashed,
 * cut off), or when no receipt comes within {@code NWS_RECEIPT_TIMEOUT_MS} (it went to a node
 * that was already dead, whose subscription the cluster had not yet dropped). Both are seen
 * within about a second, and the job is sent again with the bytes still in memory, up to
 * {@link #MAX_DELIVERIES} times in all; the event bus alone would wait for the send timeout.
 * A late answer to an attempt given up on is dropped. Confined to the API verticle's context.
 */
public final class TrackedSender implements JobSender {

  /** Attempts at delivering one job before the failure goes back to the caller. */
  static final int MAX_DELIVERIES = 3;

  private static final Logger log = LoggerFactory.getLogger(TrackedSender.class);

  /** One delivery attempt of a job, and the node that sent its receipt. */
  private static final class Delivery {
    final Buffer original;
    final DeliveryOptions options;
    final Promise<Message<Buffer>> answer;
    final int attempt;
    String node;
    long receiptTimer;

    Delivery(Buffer original, DeliveryOptions options, Promise<Message<Buffer>> answer, int attempt) {
      this.original = original;
      this.options = options;
      this.answer = answer;
      this.attempt = attempt;
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final long receiptTimeoutMs;
  private final String receiptAddress;
  private final Map<String, Delivery> inFlight = new HashMap<>();
  private final Map<String, Long> receiptsByNode = new TreeMap<>();
  private MessageConsumer<Void> receipts;
  private UUID membershipListener;
  private long redeliveries;

  private TrackedSender(Vertx vertx, long receiptTimeoutMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.receiptTimeoutMs = receiptTimeoutMs;
    this.receiptAddress = "nws.api.receipts." + Cluster.nodeId(vertx);
  }

  /** Starts listening for receipts and for nodes leaving; call from the API verticle. */
  public static Future<TrackedSender> start(Vertx vertx, long receiptTimeoutMs) {
    TrackedSender sender = new TrackedSender(vertx, receiptTimeoutMs);
    sender.receipts = vertx.eventBus().consumer(sender.receiptAddress, sender::receipt);
    sender.membershipListener = Cluster.members(vertx).addMembershipListener(sender.new Departures());
    return sender.receipts.completion().map(sender);
  }

  /** Stops listening; jobs still in flight complete as the event bus decides. */
  public Future<Void> close() {
    Cluster.members(vertx).removeMembershipListener(membershipListener);
    return receipts.unregister();
  }

  @Override
  public Future<Message<Buffer>> request(Buffer original, DeliveryOptions delivery) {
    Promise<Message<Buffer>> answer = Promise.promise();
    deliver(new Delivery(original, delivery, answer, 1));
    return answer.future();
  }

  private void deliver(Delivery d) {
    String jobId = UUID.randomUUID().toString();
    inFlight.put(jobId, d);
    d.receiptTimer = vertx.setTimer(receiptTimeoutMs,
        t -> lost(jobId, "no receipt within " + receiptTimeoutMs + " ms"));
    DeliveryOptions options = new DeliveryOptions(d.options)
        .addHeader(BusHeaders.RECEIPT_TO, receiptAddress)
        .addHeader(BusHeaders.JOB_ID, jobId);
    vertx.eventBus().<Buffer>request(Addresses.OPTIMIZE, d.original, options)
        .onComplete(result -> answered(jobId, result));
  }

  private void receipt(Message<Void> msg) {
    String node = msg.headers().get(BusHeaders.NODE_ID);
    receiptsByNode.merge(node, 1L, Long::sum);
    Delivery d = inFlight.get(msg.headers().get(BusHeaders.JOB_ID));
    if (d != null) {
      d.node = node;
      vertx.cancelTimer(d.receiptTimer);
    }
  }

  private void answered(String jobId, AsyncResult<Message<Buffer>> result) {
    Delivery d = inFlight.remove(jobId);
    if (d == null) {
      return;
    }
    vertx.cancelTimer(d.receiptTimer);
    // No handler on the node the bus picked: it was leaving. Another node may well have one.
    if (result.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS
        && d.node == null && d.attempt < MAX_DELIVERIES) {
      redeliver(d, "no handler on the receiving node");
      return;
    }
    d.answer.handle(result);
  }

  private void nodeLeft(String node) {
    receiptsByNode.remove(node);
    List<String> lostJobs = inFlight.entrySet().stream()
        .filter(e -> node.equals(e.getValue().node))
        .map(Map.Entry::getKey)
        .toList();
    if (!lostJobs.isEmpty()) {
      log.warn("node {} left the cluster holding {} jobs; sending them elsewhere", node, lostJobs.size());
    }
    lostJobs.forEach(jobId -> lost(jobId, "optimizer node " + node + " left the cluster"));
  }

  private void lost(String jobId, String why) {
    Delivery d = inFlight.remove(jobId);
    if (d == null) {
      return;
    }
    vertx.cancelTimer(d.receiptTimer);
    if (d.attempt >= MAX_DELIVERIES) {
      d.answer.fail(new ReplyException(ReplyFailure.TIMEOUT, why + ", " + d.attempt + " times"));
      return;
    }
    redeliver(d, why);
  }

  private void redeliver(Delivery d, String why) {
    redeliveries++;
    log.warn("job lost ({}); delivery {} of {}", why, d.attempt + 1, MAX_DELIVERIES);
    deliver(new Delivery(d.original, d.options, d.answer, d.attempt + 1));
  }

  /** What {@code /ready} shows of the routing: jobs in flight (per node), receipts per node, resends. */
  public JsonObject stats() {
    JsonObject receipts = new JsonObject();
    receiptsByNode.forEach(receipts::put);
    JsonObject holding = new JsonObject();
    inFlight.values().stream().filter(d -> d.node != null)
        .forEach(d -> holding.put(d.node, holding.getInteger(d.node, 0) + 1));
    return new JsonObject()
        .put("jobsInFlight", inFlight.size())
        .put("jobsInFlightByNode", holding)
        .put("redeliveries", redeliveries)
        .put("receiptsByNode", receipts);
  }

  /** Hazelcast calls this on its own threads; the work hops onto the API verticle's context. */
  private final class Departures implements MembershipListener {

    @Override
    public void memberAdded(MembershipEvent event) {
      // a new node announces its subscriptions itself; nothing to do here
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      String node = Cluster.nodeIdOf(event.getMember());
      context.runOnContext(v -> nodeLeft(node));
    }
  }
}
