package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;
import nws.watermark.api.storage.OriginalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original a request is about: the upload in hand, or one stored earlier. Its bytes are
 * fetched only when a render needs them (a cache hit never touches them), and once: an upload is
 * joined and stored before it is processed, a stored one is read from storage.
 */
public final class Original {

  private static final Logger log = LoggerFactory.getLogger(Original.class);

  private final String sha256;
  private final Supplier<Future<Buffer>> fetch;
  private Future<Buffer> bytes;

  private Original(String sha256, Supplier<Future<Buffer>> fetch) {
    this.sha256 = sha256;
    this.fetch = fetch;
  }

  /** An upload: {@code whole} joins its bytes; they go to storage before any processing. */
  public static Original uploaded(String sha256, Supplier<Future<Buffer>> whole, String contentType,
      OriginalStore store) {
    return new Original(sha256, () -> whole.get().compose(b -> store.save(sha256, b, contentType)
        .otherwise(err -> {
          // Storage being down must not stop processing: the bytes are in memory.
          log.warn("original {} not stored ({}); processing from memory", sha256, err.toString());
          return null;
        })
        .map(b)));
  }

  /** An original stored earlier; its bytes fail with NOT_FOUND when there is none. */
  public static Original stored(String sha256, OriginalStore store) {
    return new Original(sha256, () -> store.load(sha256));
  }

  public String sha256() {
    return sha256;
  }

  /** The bytes, fetched on first use. */
  public Future<Buffer> bytes() {
    if (bytes == null) {
      bytes = fetch.get();
    }
    return bytes;
  }
}
