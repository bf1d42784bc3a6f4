package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Set;
import java.util.function.Supplier;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original a request is about: the upload in hand, or one stored earlier. Its bytes are
 * fetched only when a render needs them (a cache hit never touches them), and once: an upload is
 * joined and stored before it is processed, a stored one is read from storage.
 *
 * <p>An upload the optimizer refuses as an image ({@link #REFUSALS}) is removed from storage
 * again by {@link #refused}, but only when this request stored it: an original that was there
 * before, or that another request stored meanwhile, is never touched.
 */
public final class Original {

  /** What the optimizer says of bytes that are no image it reads, whatever the options: nothing to keep. */
  static final Set<ErrorCode> REFUSALS =
      Set.of(ErrorCode.MISSING_IMAGE, ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.UNDECODABLE_IMAGE, ErrorCode.TOO_MANY_PIXELS);

  private static final Logger log = LoggerFactory.getLogger(Original.class);

  private final String sha256;
  private final OriginalStore store;
  private final Supplier<Future<Buffer>> upload;
  private final String contentType;
  private Future<Buffer> bytes;
  private boolean storedHere;

  private Original(String sha256, OriginalStore store, Supplier<Future<Buffer>> upload, String contentType) {
    this.sha256 = sha256;
    this.store = store;
    this.upload = upload;
    this.contentType = contentType;
  }

  /** An upload: {@code whole} joins its bytes; they go to storage before any processing. */
  public static Original uploaded(String sha256, Supplier<Future<Buffer>> whole, String contentType,
      OriginalStore store) {
    return new Original(sha256, store, whole, contentType);
  }

  /** An original stored earlier; its bytes fail with NOT_FOUND when there is none. */
  public static Original stored(String sha256, OriginalStore store) {
    return new Original(sha256, store, null, null);
  }

  public String sha256() {
    return sha256;
  }

  /** The bytes, fetched on first use. */
  public Future<Buffer> bytes() {
    if (bytes == null) {
      bytes = upload == null ? store.load(sha256) : saved();
    }
    return bytes;
  }

  /**
   * Fails with {@code err}; first, when it refuses this upload as an image, removes the original
   * this request stored, so that junk does not fill the store. The answer does not wait for it.
   */
  public <T> Future<T> refused(Throwable err) {
    if (storedHere && REFUSALS.contains(ErrorCode.of(err)) && !codecMissing(err)) {
      storedHere = false;
      store.delete(sha256).onFailure(e -> log.warn("refused original {} not removed from storage ({})", sha256, e.toString()));
    }
    return Future.failedFuture(err);
  }

  /**
   * An HEIC or AVIF (an ISO BMFF file: "ftyp" at byte 4) refused as unsupported was refused by a
   * node without libheif, not for its bytes: another node, or this one once the codec is
   * installed, reads it, so its original stays.
   */
  private boolean codecMissing(Throwable err) {
    Buffer b = bytes == null ? null : bytes.result();
    return ErrorCode.of(err) == ErrorCode.UNSUPPORTED_FORMAT && b != null && b.length() >= 8
        && b.getByte(4) == 'f' && b.getByte(5) == 't' && b.getByte(6) == 'y' && b.getByte(7) == 'p';
  }

  private Future<Buffer> saved() {
    return upload.get().compose(b -> store.save(sha256, b, contentType)
        .map(created -> {
          storedHere = created;
          return b;
        })
        .otherwise(err -> {
          // Storage being down must not stop processing: the bytes are in memory.
          log.warn("original {} not stored ({}); processing from memory", sha256, err.toString());
          return b;
        }));
  }
}
