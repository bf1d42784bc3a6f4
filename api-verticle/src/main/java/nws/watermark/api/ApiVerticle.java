package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import nws.watermark.api.cache.LocalCache;
import nws.watermark.api.cache.RedisCache;
import nws.watermark.api.cache.TieredCache;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.http.Routes;
import nws.watermark.api.storage.OriginalStore;
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

  public ApiVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    l1 = new LocalCache(config.l1MaxBytes());
    l2 = RedisCache.create(vertx, config);
    admission = new Admission(config.maxJobsInFlight(), config.maxBytesInFlight());
    optimizer = new OptimizerClient(vertx, config.jobTimeoutMs(), config.retryAfterSeconds());
    return OriginalStore.open(vertx, config)
        .compose(store -> {
          originals = store;
          renderer = new Renderer(new TieredCache(l1, l2), originals, optimizer, admission);
          return listen();
        });
  }

  @Override
  public Future<?> stop() {
    return Future.join(l2.close(), originals == null ? Future.succeededFuture() : originals.close());
  }

  private Future<HttpServer> listen() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost())
        .setPort(config.httpPort())
        .setCompressionSupported(true);
    return vertx.createHttpServer(options)
        .requestHandler(Routes.create(vertx, config, renderer, admission, this::readiness))
        .listen()
        .onSuccess(s -> server = s);
  }

  /** What {@code /ready} reports: each dependency and the work in flight. */
  private JsonObject readiness() {
    return new JsonObject()
        .put("status", "ready")
        .put("dependencies", new JsonObject()
            .put("storage", originals.health())
            .put("redis", l2.health()))
        .put("jobsInFlight", admission.jobsInFlight())
        .put("bytesInFlight", admission.bytesInFlight())
        .put("l1Bytes", l1.weightedSize())
        .put("retries", optimizer.retries())
        .put("singleFlightJoins", renderer.singleFlight().joins());
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }
}
