package nws.watermark.optimizer;

import io.vertx.core.Vertx;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs optimizer workers only. Without a cluster it is an optimizer nobody can reach, so it is
 * mostly useful clustered; standalone users run the API jar, which deploys optimizers itself.
 */
public final class OptimizerMain {

  private static final Logger log = LoggerFactory.getLogger(OptimizerMain.class);

  private OptimizerMain() {}

  public static void main(String[] args) {
    Config config = Config.fromEnv();
    LogFormat.apply(config);
    log.info("configuration {}", config.describe());
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new OptimizerVerticle(config),
            OptimizerVerticle.deployment(config.optimizerInstances()))
        .onSuccess(id -> log.info("{} optimizer workers consuming", config.optimizerInstances()))
        .onFailure(err -> {
          log.error("optimizer failed to start", err);
          vertx.close();
        });
  }
}
