package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nws.watermark.api.access.SignCommand;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.optimizer.Optimizers;
import nws.watermark.optimizer.boot.Boot;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an API node. Standalone (the default) it runs the optimizer workers too, in the same JVM
 * on the local event bus; clustered, the optimizers are nodes of their own (the optimizer jar).
 * Configuration comes from {@code NWS_*} environment variables (see {@link Config}).
 */
public final class ApiMain {

  private static final Logger log = LoggerFactory.getLogger(ApiMain.class);

  private ApiMain() {}

  public static void main(String[] args) {
    if (SignCommand.asked(args)) {
      System.exit(SignCommand.run(args, System.getenv(), System.out, System.err));
    }
    Config config = Boot.configure();
    Vertx vertx = Boot.vertx(config, Metrics.vertxBuilder()).await();
    ApiVerticle api = deploy(vertx, config)
        .onSuccess(a -> log.info("NWS Watermark listening on http://{}:{}/ with {} optimizer workers",
            config.http().host(), a.port(), a.optimizers().workers()))
        .onFailure(err -> {
          log.error("NWS Watermark failed to start: {}", err.toString());
          vertx.close().onComplete(v -> System.exit(1));
        })
        .await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, api)));
  }

  /**
   * SIGTERM: the API first, while the optimizers, storage and files still work: it takes no new
   * connection and answers every request it accepted (up to {@code NWS_SHUTDOWN_TIMEOUT_MS}); then
   * the optimizers drain; then Vert.x closes (and a clustered node leaves). Awaited one by one: a
   * continuation on a closed Vert.x would never run.
   */
  private static void stop(Vertx vertx, ApiVerticle api) {
    log.info("stopping: answering the requests in flight, taking no new ones");
    vertx.undeploy(api.deploymentID()).otherwiseEmpty().await();
    api.optimizers().drain().otherwiseEmpty().await();
    vertx.close().await();
    log.info("stopped");
  }

  /** Deploys the optimizer workers (standalone), then the API verticle; the future gives the API once it listens. */
  public static Future<ApiVerticle> deploy(Vertx vertx, Config config) {
    Future<Optimizers> optimizers = vertx.isClustered()
        ? Future.succeededFuture(Optimizers.none(vertx, config))
        : Optimizers.deploy(vertx, config);
    return optimizers.compose(workers -> {
      ApiVerticle api = new ApiVerticle(config, workers);
      return vertx.deployVerticle(api).map(api);
    });
  }
}
