package nws.watermark.api.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Bounds the work this API node holds at once: optimizer jobs in flight, upload bytes in memory,
 * and uploads waiting on disk for memory. Past a bound a request is refused with
 * {@link ErrorCode#BUSY} (503, Retry-After) instead of queueing until the heap or the disk runs
 * out. Confined to the API verticle's event loop.
 */
public final class Admission {

  private final int maxJobs;
  private final long maxBytes;
  private final int maxWaiting;
  private int jobs;
  private long bytes;
  private int spooling;
  /** Uploads parked on disk, waiting for memory: first come, first served. */
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

  private record Waiter(long bytes, Promise<Void> promise) {}

  public Admission(int maxJobs, long maxBytes, int maxWaiting) {
    this.maxJobs = maxJobs;
    this.maxBytes = maxBytes;
    this.maxWaiting = maxWaiting;
  }

  /** Runs {@code work} in a job slot, or fails with BUSY when every slot is taken. */
  public <T> Future<T> withJobSlot(Supplier<Future<T>> work) {
    if (jobs >= maxJobs) {
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY,
          "the service is processing " + jobs + " images, its limit; retry shortly"));
    }
    jobs++;
    // compose turns a supplier that throws into a failed future, so the slot always comes back.
    return Future.succeededFuture().compose(v -> work.get()).andThen(done -> jobs--);
  }

  /** Takes {@code n} more bytes of upload memory; false (nothing taken) when over the bound. */
  public boolean reserveBytes(long n) {
    if (bytes + n > maxBytes) {
      return false;
    }
    bytes += n;
    return true;
  }

  public void releaseBytes(long n) {
    bytes -= n;
    while (!waiting.isEmpty() && bytes + waiting.peek().bytes() <= maxBytes) {
      Waiter next = waiting.poll();
      bytes += next.bytes();
      next.promise().complete();
    }
  }

  /** True when {@code n} bytes would fit in the memory budget now and nobody waits before them. */
  public boolean fitsNow(long n) {
    return waiting.isEmpty() && bytes + n <= maxBytes;
  }

  /**
   * Takes {@code n} bytes of upload memory as soon as they fit, after the uploads that waited
   * before (the caller releases them with {@link #releaseBytes}). An upload larger than the whole
   * budget is refused with BUSY, as it could never fit.
   */
  public Future<Void> awaitBytes(long n) {
    if (n > maxBytes) {
      return Future.failedFuture(bytesExhausted());
    }
    if (fitsNow(n)) {
      bytes += n;
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(new Waiter(n, promise));
    return promise.future();
  }

  /**
   * Counts one more upload going to disk (received into a temporary file, then waiting for
   * memory); false, counting nothing, when {@code NWS_MAX_UPLOADS_WAITING} are there already.
   */
  public boolean startSpooling() {
    if (spooling >= maxWaiting) {
      return false;
    }
    spooling++;
    return true;
  }

  /** An upload left the disk: admitted into memory, or its exchange ended. */
  public void endSpooling() {
    spooling--;
  }

  /** Gives up a wait from {@link #awaitBytes} (its client left), and lets the next upload in. */
  public void cancelWait(Future<Void> wait) {
    if (waiting.removeIf(w -> w.promise().future() == wait)) {
      releaseBytes(0);
    }
  }

  /** Uploads on disk: being received there, or waiting for memory. */
  public int uploadsWaiting() {
    return spooling;
  }

  /** The failure for an upload that finds the waiting room on disk full. */
  public ServiceException waitingRoomFull() {
    return new ServiceException(ErrorCode.BUSY,
        spooling + " uploads already wait for memory, the limit; retry shortly");
  }

  public int jobsInFlight() {
    return jobs;
  }

  public long bytesInFlight() {
    return bytes;
  }

  /** The failure for an upload that does not fit in the byte budget. */
  public ServiceException bytesExhausted() {
    return new ServiceException(ErrorCode.BUSY,
        "the service holds " + bytes + " bytes of uploads, its limit; retry shortly");
  }
}
