package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nws.watermark.api.admission.JobSlots;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.api.cache.L2Cache;
import nws.watermark.api.cache.LocalCache;
import nws.watermark.api.cache.RedisCache;
import nws.watermark.api.cache.TieredCache;
import nws.watermark.api.cluster.ClusterLink;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.format.Formats;
import nws.watermark.api.format.WritableFormats;
import nws.watermark.api.health.Readiness;
import nws.watermark.api.http.HttpEdge;
import nws.watermark.api.http.Routes;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.render.BackgroundRenders;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.IdleCollector;
import nws.watermark.optimizer.Optimizers;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.shared.Config;
import nws.watermark.shared.OutputFormat;

/** The HTTP edge: wires the caches, storage, admission and optimizer client to the routes, and listens. */
public class ApiVerticle extends VerticleBase {

  private final Config config;
  private final Optimizers optimizers;
  private final AtomicBoolean draining = new AtomicBoolean();
  private HttpServer server;
  private L2Cache l2;
  private ClusterLink cluster;
  private OriginalStore originals;

  /** {@code optimizers}: the workers of this JVM, or none (clustered, or switched off). */
  public ApiVerticle(Config config, Optimizers optimizers) {
    this.config = config;
    this.optimizers = optimizers;
  }

  @Override
  public Future<?> start() {
    l2 = RedisCache.create(vertx, config.cache());
    return ClusterLink.start(vertx, config, localFormats())
        .compose(link -> {
          cluster = link;
          return OriginalStore.open(vertx, config.storage());
        })
        .compose(store -> {
          originals = store;
          // Read here too so a wmimg this node's logos lack is refused before the upload is stored.
          return vertx.executeBlocking(() -> Logos.of(config.images().logoDir()));
        })
        .map(logos -> {
          // A node without the folder leaves logos to the optimizers, which check the presets themselves.
          if (logos != Logos.NONE) {
            logos.checkPresets(config.presets().presets());
          }
          return logos;
        })
        .compose(this::listen);
  }

  /** Graceful: {@code /ready} says draining, no new connections, requests in flight answered (up to the shutdown timeout). */
  @Override
  public Future<?> stop() {
    draining.set(true);
    return server.shutdown(config.limits().shutdownTimeoutMs(), TimeUnit.MILLISECONDS)
        .eventually(() -> Future.join(cluster.close(), l2.close(), originals.close()));
  }

  private Future<HttpServer> listen(Logos logos) {
    Metrics metrics = Metrics.of(vertx);
    LocalCache l1 = new LocalCache(config.cache().l1MaxBytes());
    JobSlots slots = new JobSlots(config.limits().maxJobsInFlight());
    UploadBudget uploads = new UploadBudget(config.limits().maxBytesInFlight(), config.limits().maxUploadsWaiting());
    OptimizerClient optimizer = new OptimizerClient(config.limits(), cluster.sender(), metrics);
    BackgroundRenders background = new BackgroundRenders(vertx, config.formats().backgroundQueue());
    Variants variants = new Variants(new TieredCache(l1, l2), originals, optimizer, slots, cluster.results(), background);
    Formats formats = new Formats(config.formats(), cluster.formats(), variants, originals);
    Readiness readiness = new Readiness(l1, l2, originals, slots, uploads, optimizer, variants, background, cluster,
        optimizers, draining);
    readiness.observe(metrics);
    IdleCollector idle = IdleCollector.start(vertx, config.limits().idleGcSeconds(),
        () -> slots.taken() == 0 && uploads.idle() && background.idle(), () -> slots.started() + uploads.admitted());
    metrics.idleCollections(idle::collections);
    return HttpEdge.listen(vertx, config, new Routes.Parts(formats, originals, uploads, readiness, metrics, logos))
        .onSuccess(s -> server = s);
  }

  /** What this JVM's own optimizers write; nothing known when it runs none. */
  private WritableFormats localFormats() {
    Codecs codecs = Codecs.of(config.formats());
    return WritableFormats.of(optimizers.workers() > 0 ? codecs.writes() : Set.<OutputFormat>of(), codecs::whyNot);
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  /** This verticle's deployment, to undeploy it first on SIGTERM. */
  public String deploymentID() {
    return context.deploymentID();
  }

  /** The optimizer workers this node runs. */
  public Optimizers optimizers() {
    return optimizers;
  }
}
