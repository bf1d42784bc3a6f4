package nws.watermark.optimizer.cluster;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nws.watermark.optimizer.OptimizerVerticle;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verticles of an optimizer node. Clustered: workers on a local address behind a
 * {@link JobIntake}, one intake registration per worker so a node's share of the cluster's jobs
 * follows its worker count. Standalone: workers straight on the public address.
 */
public final class OptimizerNode {

  private static final Logger log = LoggerFactory.getLogger(OptimizerNode.class);

  private final Vertx vertx;
  private final Config config;
  private String intakeId;
  private String workersId;

  private OptimizerNode(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Deploys the workers, then (clustered) the intake that makes them reachable. */
  public static Future<OptimizerNode> deploy(Vertx vertx, Config config) {
    return new OptimizerNode(vertx, config).start();
  }

  private Future<OptimizerNode> start() {
    int instances = config.optimizerInstances();
    if (!vertx.isClustered()) {
      return vertx.deployVerticle(() -> new OptimizerVerticle(config), OptimizerVerticle.deployment())
          .map(id -> this);
    }
    return vertx.deployVerticle(() -> new OptimizerVerticle(config, JobIntake.WORKERS),
            OptimizerVerticle.deployment())
        .compose(id -> {
          workersId = id;
          return vertx.deployVerticle(() -> new JobIntake(config.jobTimeoutMs(), config.shutdownTimeoutMs()),
              new DeploymentOptions().setInstances(instances));
        })
        .map(id -> {
          intakeId = id;
          return this;
        });
  }

  /**
   * Graceful stop: the intake first (no new jobs; the ones taken are finished and answered),
   * then the workers. Closing Vert.x afterwards leaves the cluster.
   */
  public Future<Void> drain() {
    if (intakeId == null) {
      return Future.succeededFuture();
    }
    log.info("draining: no new jobs, finishing the ones in flight");
    return vertx.undeploy(intakeId)
        .compose(v -> vertx.undeploy(workersId))
        .onSuccess(v -> log.info("drained"));
  }
}
