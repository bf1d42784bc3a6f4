package nws.watermark.api.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import nws.watermark.shared.Addresses;

/** How one job reaches an optimizer and its answer comes back. */
@FunctionalInterface
public interface JobSender {

  /** The optimizer's reply to one attempt at {@link Addresses#OPTIMIZE}. */
  Future<Message<Buffer>> request(Buffer original, DeliveryOptions delivery);

  /** A plain event-bus request: enough when the optimizers live in this JVM. */
  static JobSender direct(Vertx vertx) {
    return (original, delivery) -> vertx.eventBus().request(Addresses.OPTIMIZE, original, delivery);
  }
}
