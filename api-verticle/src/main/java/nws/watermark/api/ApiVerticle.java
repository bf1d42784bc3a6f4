package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import nws.watermark.api.cache.LocalCache;
import nws.watermark.api.dispatch.Admission;
import nws.watermark.api.dispatch.OptimizerClient;
import nws.watermark.api.http.Routes;
import nws.watermark.api.storage.LocalOriginalStore;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.pipeline.Engine;
import nws.watermark.shared.Config;

/** The HTTP edge: wires the cache, storage and optimizer client to the routes, and listens. */
public class ApiVerticle extends VerticleBase {

  private final Config config;
  private HttpServer server;
  private LocalCache l1;
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
    admission = new Admission(config.maxJobsInFlight(), config.maxBytesInFlight());
    optimizer = new OptimizerClient(vertx, config.jobTimeoutMs(), config.retryAfterSeconds());
    return new LocalOriginalStore(vertx, config.storageDir()).init()
        .compose(store -> {
          originals = store;
          renderer = new Renderer(l1, originals, optimizer, admission);
          return listen();
        });
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
            .put("storage", new JsonObject().put("kind", originals.kind()).put("state", "up"))
            .put("redis", new JsonObject().put("state", "disabled")))
        .put("jobsInFlight", admission.jobsInFlight())
        .put("bytesInFlight", admission.bytesInFlight())
        .put("uploadsWaiting", admission.uploadsWaiting())
        .put("l1Bytes", l1.weightedSize())
        .put("retries", optimizer.retries())
        .put("singleFlightJoins", renderer.singleFlight().joins())
        .put("imageEngine", Engine.best().id());
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }
}
