package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.optimizer.OptimizerVerticle;
import nws.watermark.optimizer.Startup;
import nws.watermark.shared.Cluster;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts NWS Watermark standalone: the optimizer workers and the API in one JVM, on the local
 * event bus. Configuration comes from {@code NWS_*} environment variables (see {@link Config}).
 */
public final class ApiMain {

  private static final Logger log = LoggerFactory.getLogger(ApiMain.class);

  private ApiMain() {}

  public static void main(String[] args) {
    Config config = Startup.configure();
    Vertx vertx = Cluster.vertx(config, Metrics.vertxBuilder()).await();
    deploy(vertx, config)
        .onSuccess(api -> log.info("NWS Watermark listening on http://{}:{}/ with {} optimizer workers",
            config.httpHost(), api.port(), vertx.isClustered() ? 0 : config.optimizerInstances()))
        .onFailure(err -> {
          log.error("NWS Watermark failed to start: {}", err.toString());
          vertx.close().onComplete(v -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }

  /** Deploys the optimizer workers, then the API verticle; the future gives the API once it listens. */
  public static Future<ApiVerticle> deploy(Vertx vertx, Config config) {
    ApiVerticle api = new ApiVerticle(config);
    // Clustered, the optimizers are nodes of their own (the optimizer jar): this one is the API only.
    Future<String> optimizers = config.optimizerInstances() == 0 || vertx.isClustered()
        ? Future.succeededFuture("none")
        : vertx.deployVerticle(() -> new OptimizerVerticle(config), OptimizerVerticle.deployment());
    return optimizers.compose(id -> vertx.deployVerticle(api)).map(api);
  }
}
