package nws.watermark.api.admission;

import io.vertx.core.Future;
import java.util.function.Supplier;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Bounds the optimizer jobs this API node holds at once ({@code NWS_MAX_JOBS_IN_FLIGHT}): past
 * it a render is refused with {@link ErrorCode#BUSY} (503, Retry-After) instead of queueing until
 * the heap runs out. Confined to the API verticle's event loop.
 */
public final class JobSlots {

  private final int max;
  private int taken;
  private long started;

  public JobSlots(int max) {
    this.max = max;
  }

  /** Runs {@code work} in a slot, or fails with BUSY when every slot is taken. */
  public <T> Future<T> run(Supplier<Future<T>> work) {
    if (taken >= max) {
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY,
          "the service is processing " + taken + " images, its limit; retry shortly"));
    }
    taken++;
    started++;
    // compose turns a supplier that throws into a failed future, so the slot always comes back.
    return Future.succeededFuture().compose(v -> work.get()).andThen(done -> taken--);
  }

  /** Jobs started since this node began. */
  public long started() {
    return started;
  }

  /** Slots taken now. */
  public int taken() {
    return taken;
  }
}
