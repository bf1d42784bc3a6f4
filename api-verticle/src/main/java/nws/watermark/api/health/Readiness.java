package nws.watermark.api.health;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import nws.watermark.api.Variants;
import nws.watermark.api.admission.JobSlots;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.cache.L2Cache;
import nws.watermark.api.cache.LocalCache;
import nws.watermark.api.cluster.ClusterLink;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.render.BackgroundRenders;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.Optimizers;

/**
 * What this node says of itself: {@code /ready} (each dependency and the work in flight) and the
 * gauges {@code /metrics} reads at each scrape from counters the parts keep anyway.
 */
public record Readiness(
    LocalCache l1,
    L2Cache l2,
    OriginalStore originals,
    JobSlots slots,
    UploadBudget uploads,
    OptimizerClient optimizer,
    Variants variants,
    BackgroundRenders background,
    ClusterLink cluster,
    Optimizers optimizers,
    AtomicBoolean draining) {

  /** Whether this node is ready for new work: false while it drains on SIGTERM. */
  public boolean ready() {
    return !draining.get();
  }

  /** The {@code /ready} body; its {@code status} is {@code ready}, or {@code draining} on the way out. */
  public JsonObject describe() {
    return new JsonObject()
        .put("status", ready() ? "ready" : "draining")
        .put("dependencies", new JsonObject()
            .put("storage", originals.health())
            .put("redis", l2.health()))
        .put("jobsInFlight", slots.taken())
        .put("bytesInFlight", uploads.bytesInFlight())
        .put("uploadsWaiting", uploads.uploadsWaiting())
        .put("l1Bytes", l1.weightedSize())
        .put("retries", optimizer.retries())
        .put("singleFlightJoins", variants.singleFlightJoins())
        .put("backgroundRenders", new JsonObject()
            .put("waiting", background.waiting())
            .put("queued", background.queued())
            .put("rendered", background.rendered())
            .put("dropped", background.dropped())
            .put("failed", background.failed()))
        .put("cluster", cluster.stats())
        .mergeIn(optimizers.describe());
  }

  /** Registers what {@code /metrics} reads of these parts. */
  public void observe(Metrics metrics) {
    metrics.cacheTier("l1", l1::hits, l1::misses);
    metrics.cacheBytes("l1", l1::weightedSize);
    metrics.retries(optimizer::retries);
    metrics.singleFlightJoins(variants::singleFlightJoins);
    metrics.backgroundRenders(background::waiting, background::queued, background::rendered, background::dropped,
        background::failed);
    metrics.inFlight(slots::taken, uploads::bytesInFlight);
    metrics.backendUp("storage", originals::isUp);
    l2.observe(metrics);
  }
}
