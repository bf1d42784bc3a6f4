package nws.watermark.api.http.upload;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.util.HexFormat;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Where an upload's bytes go as they arrive. Every chunk is counted against the upload limit and
 * hashed (SHA-256) the same way; what differs is where it is kept: in memory ({@link MemorySink})
 * or, when the memory budget is spent, in a temporary file ({@link SpoolSink}). Whatever happens
 * to the exchange, its end gives back the memory and deletes the file ({@link #close}).
 */
abstract class UploadSink {

  protected final UploadBudget budget;
  private final long maxBytes;
  private final MessageDigest digest = CacheKey.digest();
  /** Memory taken from the budget for this upload, given back when the exchange ends. */
  protected long reserved;
  private long received;
  protected boolean closed;

  UploadSink(UploadBudget budget, long maxBytes) {
    this.budget = budget;
    this.maxBytes = maxBytes;
  }

  /**
   * The sink for a body declared as {@code length} bytes ({@code -1}: unknown): memory when it fits
   * now, else a place in the waiting room on disk. Closed when the exchange of {@code ctx} ends.
   */
  static Future<UploadSink> open(RoutingContext ctx, long length, long maxBytes, UploadBudget budget) {
    if (length > 0 && !budget.fitsNow(length)) {
      return SpoolSink.open(ctx, budget, maxBytes);
    }
    UploadSink memory = new MemorySink(budget, maxBytes, Math.max(0, length));
    ctx.addEndHandler(v -> memory.close());
    return Future.succeededFuture(memory);
  }

  /** Counts, hashes and keeps one chunk; throws the refusal when the upload passes a bound. */
  final void accept(Buffer chunk, ReadStream<?> source) {
    received += chunk.length();
    if (received > maxBytes) {
      throw tooLarge(maxBytes, received);
    }
    keep(chunk, source);
    digest.update(((BufferInternal) chunk).getByteBuf().nioBuffer());
  }

  /** Keeps a chunk that passed the checks; it will not change afterwards. */
  abstract void keep(Buffer chunk, ReadStream<?> source);

  /** The whole upload once every chunk is in, in memory (a spooled one once the budget admits it). */
  abstract Future<UploadBytes> bytes();

  /** The exchange ended: give back the memory (and the disk) this upload held. Idempotent. */
  void close() {
    if (!closed) {
      closed = true;
      budget.release(reserved);
      reserved = 0;
    }
  }

  long received() {
    return received;
  }

  /** The SHA-256 of every byte accepted; call once, at the end. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  static ServiceException tooLarge(long maxBytes, long size) {
    return new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "the upload is larger than the limit of " + maxBytes
        + " bytes (got " + size + " or more); send a smaller image");
  }
}
