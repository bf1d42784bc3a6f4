package nws.watermark.api;

import io.vertx.core.Future;
import java.util.function.Supplier;
import nws.watermark.api.admission.JobSlots;
import nws.watermark.api.admission.RenderGate;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.cache.Rendered;
import nws.watermark.api.cache.SharedResults;
import nws.watermark.api.cache.SingleFlight;
import nws.watermark.api.cache.TieredCache;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.render.BackgroundRenders;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.shared.ImageOptions;

/**
 * The variants of an original, in formats already chosen: from the cache when it has them, else
 * rendered once per key however many ask at the same time (original to storage, a job slot, the
 * optimizer, the result into the cache). A render nobody waits for goes to the background queue.
 */
public final class Variants {

  /**
   * A variant and how it is answered: from a cache or not; {@code negotiated} when its format was
   * chosen from {@code Accept}; {@code interim} when a better format is being rendered for next time.
   */
  public record Served(CacheKey key, Rendered image, boolean hit, boolean negotiated, boolean interim) {
    public Served as(boolean negotiated, boolean interim) {
      return new Served(key, image, hit, negotiated, interim);
    }
  }

  private final TieredCache cache;
  private final SingleFlight<Rendered> singleFlight = new SingleFlight<>();
  private final OriginalStore originals;
  private final OptimizerClient optimizer;
  private final JobSlots slots;
  private final SharedResults shared;
  private final BackgroundRenders background;

  /** {@code shared}: the results of other API nodes ({@link SharedResults#NONE} standalone). */
  public Variants(TieredCache cache, OriginalStore originals, OptimizerClient optimizer, JobSlots slots,
      SharedResults shared, BackgroundRenders background) {
    this.cache = cache;
    this.originals = originals;
    this.optimizer = optimizer;
    this.slots = slots;
    this.shared = shared;
    this.background = background;
  }

  /**
   * The variant of {@code original} with {@code options} (a format and a quality chosen); on a miss
   * {@code gate} is asked first.
   */
  public Future<Served> get(Original original, ImageOptions options, RenderGate gate) {
    CacheKey key = CacheKey.of(original.sha256(), options);
    return cached(key).compose(hit -> hit != null
        ? Future.succeededFuture(new Served(key, hit, true, false, false))
        : gate.admit().compose(v -> render(key, () -> slots.run(() -> optimize(original, options, false))))
            .map(rendered -> new Served(key, rendered, false, false, false)));
  }

  /** The variant if some cache holds it (L1, L2, then the other API nodes'), else null; never fails. */
  public Future<Rendered> cached(CacheKey key) {
    return cache.get(key).compose(hit -> hit != null ? Future.succeededFuture(hit) : shared.get(key)
        .onSuccess(found -> {
          if (found != null) {
            cache.fillLocal(key, found);
          }
        }));
  }

  /** Queues the render of a variant nobody waits for; false when the queue is full. */
  public boolean renderLater(Original stored, ImageOptions options) {
    CacheKey key = CacheKey.of(stored.sha256(), options);
    return background.offer(key, () -> render(key, () -> optimize(stored, options, true)));
  }

  private Future<Rendered> optimize(Original original, ImageOptions options, boolean later) {
    Supplier<Future<io.vertx.core.buffer.Buffer>> reload = () -> originals.load(original.sha256());
    return original.bytes().compose(bytes -> later
        ? optimizer.optimizeInBackground(bytes, options, reload)
        : optimizer.optimize(bytes, options, reload));
  }

  /** {@code work} run once per key across callers (and nodes), its result cached. */
  private Future<Rendered> render(CacheKey key, Supplier<Future<Rendered>> work) {
    // The slot is taken inside work, so only to render here, not while waiting for another node's result.
    return singleFlight.run(key.value(), () -> shared.renderOnce(key, work).onSuccess(r -> cache.put(key, r)));
  }

  /** How many callers joined a render already running, since start. */
  public long singleFlightJoins() {
    return singleFlight.joins();
  }
}
