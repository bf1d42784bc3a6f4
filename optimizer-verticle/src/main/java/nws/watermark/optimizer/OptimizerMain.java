package nws.watermark.optimizer;

import io.vertx.core.Vertx;
import nws.watermark.optimizer.cluster.OptimizerNode;
import nws.watermark.shared.Cluster;
import nws.watermark.shared.Config;
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
    Config config = Startup.configure();
    if (!config.cluster()) {
      log.warn("{} is not true: these workers are reachable from this JVM only", Config.CLUSTER);
    }
    Vertx vertx = Cluster.vertx(config).await();
    OptimizerNode node = OptimizerNode.deploy(vertx, config)
        .onSuccess(n -> log.info("{} optimizer workers consuming on node {}", config.optimizerInstances(),
            Cluster.nodeId(vertx)))
        .onFailure(err -> {
          log.error("optimizer failed to start", err);
          vertx.close().onComplete(v -> System.exit(1));
        })
        .await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Two awaits, not a chain: a continuation on a closed Vert.x would never run.
      node.drain().otherwiseEmpty().await();
      vertx.close().await();
      log.info("left the cluster");
    }));
  }
}
