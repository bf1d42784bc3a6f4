package nws.watermark.api.admission;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * What uploads may hold on this node: bytes in memory ({@code NWS_MAX_BYTES_IN_FLIGHT}) and, once
 * those are spent, places in a waiting room on disk ({@code NWS_MAX_UPLOADS_WAITING}) where an
 * upload is received into a temporary file and waits, first come first served, for memory. Past
 * both an upload is refused with {@link ErrorCode#BUSY}. Confined to the API verticle's event loop.
 */
public final class UploadBudget {

  private final long maxBytes;
  private final int maxWaiting;
  private long bytes;
  private int onDisk;
  private long admitted;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

  private record Waiter(long bytes, Promise<Void> promise) {}

  public UploadBudget(long maxBytes, int maxWaiting) {
    this.maxBytes = maxBytes;
    this.maxWaiting = maxWaiting;
  }

  /** True when {@code n} bytes fit in memory now and nobody waits before them. */
  public boolean fitsNow(long n) {
    return waiting.isEmpty() && bytes + n <= maxBytes;
  }

  /** Takes {@code n} more bytes of memory, or fails with BUSY (nothing taken) when over the bound. */
  public void reserve(long n) {
    if (bytes + n > maxBytes) {
      throw new ServiceException(ErrorCode.BUSY,
          "the service holds " + bytes + " bytes of uploads, its limit; retry shortly");
    }
    bytes += n;
    admitted++;
  }

  /** Gives back {@code n} bytes, and lets in the uploads waiting on disk that now fit. */
  public void release(long n) {
    bytes -= n;
    while (!waiting.isEmpty() && bytes + waiting.peek().bytes() <= maxBytes) {
      Waiter next = waiting.poll();
      bytes += next.bytes();
      next.promise().complete();
    }
  }

  /**
   * Takes {@code n} bytes of memory as soon as they fit, after the uploads that waited before
   * (the caller gives them back with {@link #release}). An upload larger than the whole budget is
   * refused with BUSY, as it could never fit.
   */
  public Future<Void> await(long n) {
    if (n > maxBytes) {
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY,
          "the upload is larger than the " + maxBytes + " bytes this service holds at once; retry shortly"));
    }
    if (fitsNow(n)) {
      bytes += n;
      admitted++;
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(new Waiter(n, promise));
    return promise.future();
  }

  /** Gives up a wait from {@link #await} (its client left), and lets the next upload in. */
  public void cancel(Future<Void> wait) {
    if (waiting.removeIf(w -> w.promise().future() == wait)) {
      release(0);
    }
  }

  /** Takes a place in the waiting room on disk, or fails with BUSY when the room is full. */
  public void enterWaitingRoom() {
    if (onDisk >= maxWaiting) {
      throw new ServiceException(ErrorCode.BUSY, onDisk + " uploads already wait for memory, the limit; retry shortly");
    }
    onDisk++;
    admitted++;
  }

  /** An upload left the disk: admitted into memory, or its exchange ended. */
  public void leaveWaitingRoom() {
    onDisk--;
  }

  /** Uploads on disk: being received there, or waiting for memory. */
  public int uploadsWaiting() {
    return onDisk;
  }

  /** Uploads (or parts of one) let in, in memory or on disk, since this node began. */
  public long admitted() {
    return admitted;
  }

  /** True when no upload holds memory or a place on disk. */
  public boolean idle() {
    return bytes == 0 && onDisk == 0 && waiting.isEmpty();
  }

  /** Upload bytes in memory now. */
  public long bytesInFlight() {
    return bytes;
  }
}
