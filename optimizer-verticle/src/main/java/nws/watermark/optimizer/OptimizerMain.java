package nws.watermark.optimizer;

import io.vertx.core.Vertx;
import nws.watermark.optimizer.boot.Boot;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.shared.Config;
import nws.watermark.shared.config.ClusterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs optimizer workers only. Without a cluster it is an optimizer nobody can reach, so it is
 * meant to run with {@code NWS_CLUSTER=true}; standalone users run the API jar, which deploys
 * optimizers itself. SIGTERM drains: no new jobs, the ones in flight answered, then it leaves.
 */
public final class OptimizerMain {

  private static final Logger log = LoggerFactory.getLogger(OptimizerMain.class);

  private OptimizerMain() {}

  public static void main(String[] args) {
    Config config = Boot.configure();
    if (!config.cluster().enabled()) {
      log.warn("{} is not true: these workers are reachable from this JVM only", ClusterConfig.CLUSTER);
    }
    Vertx vertx = Boot.vertx(config).await();
    Optimizers optimizers = Optimizers.deploy(vertx, config)
        .onSuccess(o -> log.info("{} optimizer workers consuming on node {}", o.workers(), Members.nodeId(vertx)))
        .onFailure(err -> {
          log.error("optimizer failed to start", err);
          vertx.close().onComplete(v -> System.exit(1));
        })
        .await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Two awaits, not a chain: a continuation on a closed Vert.x would never run.
      optimizers.drain().otherwiseEmpty().await();
      vertx.close().await();
      log.info("left the cluster");
    }));
  }
}
