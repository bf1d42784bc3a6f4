package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import nws.watermark.api.cache.LocalCache;
import nws.watermark.api.cache.RedisCache;
import nws.watermark.api.cache.TieredCache;
import nws.watermark.api.cluster.ClusterLink;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.http.Routes;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.pipeline.Engine;
import nws.watermark.shared.Config;

/** The HTTP edge: wires the cache, storage and optimizer client to the routes, and listens. */
public class ApiVerticle extends VerticleBase {

  private final Config config;
  private HttpServer server;
  private LocalCache l1;
  private RedisCache l2;
  private Admission admission;
  private OriginalStore originals;
  private Renderer renderer;
  private OptimizerClient optimizer;
  private Metrics metrics;
  private ClusterLink cluster;

  public ApiVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    metrics = Metrics.of(vertx);
    l1 = new LocalCache(config.l1MaxBytes());
    l2 = RedisCache.create(vertx, config);
    admission = new Admission(config.maxJobsInFlight(), config.maxBytesInFlight(), config.maxUploadsWaiting());
    return ClusterLink.start(vertx, config)
        .compose(link -> {
          cluster = link;
          optimizer = new OptimizerClient(config.jobTimeoutMs(), config.retryAfterSeconds(), link.sender(), metrics);
          return OriginalStore.open(vertx, config);
        })
        .compose(store -> {
          originals = store;
          renderer = new Renderer(new TieredCache(l1, l2), originals, optimizer, admission, cluster.results());
          observe();
          return listen();
        });
  }

  /** Graceful: no new connections, requests in flight answered (up to the shutdown timeout). */
  @Override
  public Future<?> stop() {
    return server.shutdown(config.shutdownTimeoutMs(), TimeUnit.MILLISECONDS)
        .eventually(() -> Future.join(cluster.close(), l2.close(), originals.close()));
  }

  private Future<HttpServer> listen() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost())
        .setPort(config.httpPort())
        .setCompressionSupported(true);
    return vertx.createHttpServer(options)
        .requestHandler(Routes.create(vertx, config, renderer, admission, this::readiness, metrics))
        .listen()
        .onSuccess(s -> server = s);
  }

  /** What {@code /metrics} reads at each scrape, besides what the request path counts itself. */
  private void observe() {
    metrics.cacheTier("l1", l1::hits, l1::misses, l1::weightedSize);
    metrics.retries(optimizer::retries);
    metrics.singleFlightJoins(renderer.singleFlight()::joins);
    metrics.inFlight(admission::jobsInFlight, admission::bytesInFlight);
    metrics.backendUp("storage", originals::isUp);
    if (config.redisEnabled()) {
      metrics.cacheTier("redis", l2::hits, l2::misses, null);
      metrics.backendUp("redis", l2::isUp);
    }
  }

  /** What {@code /ready} reports: each dependency and the work in flight. */
  private JsonObject readiness() {
    JsonObject out = new JsonObject()
        .put("status", "ready")
        .put("dependencies", new JsonObject()
            .put("storage", originals.health())
            .put("redis", l2.health()))
        .put("jobsInFlight", admission.jobsInFlight())
        .put("bytesInFlight", admission.bytesInFlight())
        .put("uploadsWaiting", admission.uploadsWaiting())
        .put("l1Bytes", l1.weightedSize())
        .put("retries", optimizer.retries())
        .put("singleFlightJoins", renderer.singleFlight().joins())
        .put("cluster", cluster.stats(vertx));
    // Only a JVM that runs optimizers has an engine; the optimizers picked it when they deployed.
    return hasOptimizers() ? out.put("imageEngine", Engine.best().id()) : out;
  }

  private boolean hasOptimizers() {
    return !vertx.isClustered() && config.optimizerInstances() > 0;
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }
}
