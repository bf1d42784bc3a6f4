package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;
import nws.watermark.api.admission.JobSlots;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.cache.Rendered;
import nws.watermark.api.cache.SharedResults;
import nws.watermark.api.cache.SingleFlight;
import nws.watermark.api.cache.TieredCache;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ImageOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The variants of an image, as both routes ask for them: from the cache when it has them, else
 * (once per key, however many ask at the same time) the original to storage, a job slot, the
 * optimizer, and the result into the cache.
 */
public final class Variants {

  private static final Logger log = LoggerFactory.getLogger(Variants.class);

  /** A variant and whether it came from a cache. */
  public record Served(CacheKey key, Rendered image, boolean hit) {}

  private final TieredCache cache;
  private final SingleFlight<Rendered> singleFlight = new SingleFlight<>();
  private final OriginalStore originals;
  private final OptimizerClient optimizer;
  private final JobSlots slots;
  private final SharedResults shared;

  /** {@code shared}: the results of other API nodes ({@link SharedResults#NONE} standalone). */
  public Variants(TieredCache cache, OriginalStore originals, OptimizerClient optimizer, JobSlots slots,
      SharedResults shared) {
    this.cache = cache;
    this.originals = originals;
    this.optimizer = optimizer;
    this.slots = slots;
    this.shared = shared;
  }

  /**
   * A variant of an uploaded image: the original is stored before it is processed. {@code bytes}
   * is asked for only on a miss, so a hit never touches the upload.
   */
  public Future<Served> fromUpload(String sha256, Supplier<Future<Buffer>> bytes, String contentType,
      ImageOptions options) {
    CacheKey key = CacheKey.of(sha256, options);
    return served(key, () -> bytes.get().compose(whole -> saveOriginal(sha256, whole, contentType)
        .compose(v -> optimizer.optimize(whole, options, () -> originals.load(sha256)))));
  }

  /** A variant of an original stored earlier; fails with NOT_FOUND when there is none. */
  public Future<Served> fromStore(String sha256, ImageOptions options) {
    CacheKey key = CacheKey.of(sha256, options);
    return served(key, () -> originals.load(sha256)
        .compose(bytes -> optimizer.optimize(bytes, options, () -> originals.load(sha256))));
  }

  /** The cached variant (L1, then L2), or else {@code work} run once per key however many ask. */
  private Future<Served> served(CacheKey key, Supplier<Future<Rendered>> work) {
    return cache.get(key).compose(hit -> hit != null
        ? Future.succeededFuture(new Served(key, hit, true))
        : produce(key, work));
  }

  private Future<Served> produce(CacheKey key, Supplier<Future<Rendered>> work) {
    return shared.get(key).compose(found -> found != null ? sharedHit(key, found) : render(key, work));
  }

  private Future<Served> sharedHit(CacheKey key, Rendered found) {
    cache.fillLocal(key, found);
    return Future.succeededFuture(new Served(key, found, true));
  }

  private Future<Served> render(CacheKey key, Supplier<Future<Rendered>> work) {
    return singleFlight.run(key.value(),
            // The slot is taken only to render here, not while waiting for another node's result.
            () -> shared.renderOnce(key, () -> slots.run(work)).onSuccess(r -> cache.put(key, r)))
        .map(rendered -> new Served(key, rendered, false));
  }

  /** Storage being down must not stop processing: the bytes are in memory, so log and go on. */
  private Future<Void> saveOriginal(String sha256, Buffer bytes, String contentType) {
    return originals.save(sha256, bytes, contentType).otherwise(err -> {
      log.warn("original {} not stored ({}); processing from memory", sha256, err.toString());
      return null;
    });
  }

  /** How many callers joined a render already running, since start. */
  public long singleFlightJoins() {
    return singleFlight.joins();
  }
}
