package nws.watermark.optimizer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nws.watermark.optimizer.intake.JobIntake;
import nws.watermark.optimizer.pipeline.Engine;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimizer workers of a node: the one entry point both mains deploy them through.
 * Standalone, the workers consume the public address themselves. Clustered, they sit on a local
 * address behind a {@link JobIntake}, one intake registration per worker so a node's share of the
 * cluster's jobs follows its worker count. With no workers configured there is nothing to deploy.
 */
public final class Optimizers {

  private static final Logger log = LoggerFactory.getLogger(Optimizers.class);

  private final Vertx vertx;
  private final Config config;
  private String intakeId;
  private String workersId;

  private Optimizers(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Deploys {@code NWS_OPTIMIZER_INSTANCES} workers, then (clustered) the intake that makes them reachable. */
  public static Future<Optimizers> deploy(Vertx vertx, Config config) {
    return new Optimizers(vertx, config).start();
  }

  /** No workers here: a clustered API node, or {@code NWS_OPTIMIZER_INSTANCES=0}. */
  public static Optimizers none(Vertx vertx, Config config) {
    return new Optimizers(vertx, config);
  }

  private Future<Optimizers> start() {
    int instances = config.images().optimizerInstances();
    if (instances == 0) {
      return Future.succeededFuture(this);
    }
    if (!vertx.isClustered()) {
      return vertx.deployVerticle(() -> new OptimizerVerticle(config), OptimizerVerticle.deployment())
          .map(id -> {
            workersId = id;
            return this;
          });
    }
    return vertx.deployVerticle(() -> new OptimizerVerticle(config, JobIntake.WORKERS), OptimizerVerticle.deployment())
        .compose(id -> {
          workersId = id;
          return vertx.deployVerticle(() -> new JobIntake(config.limits().jobTimeoutMs(), config.limits().shutdownTimeoutMs()),
              new DeploymentOptions().setInstances(instances));
        })
        .map(id -> {
          intakeId = id;
          return this;
        });
  }

  /** How many workers this node runs. */
  public int workers() {
    return workersId == null ? 0 : config.images().optimizerInstances();
  }

  /** What {@code /ready} and the startup log say of this node's image work; empty without workers. */
  public JsonObject describe() {
    return workersId == null ? new JsonObject() : new JsonObject().put("imageEngine", Engine.best().id());
  }

  /**
   * Graceful stop: the intake first (no new jobs; the ones taken are finished and answered),
   * then the workers. Closing Vert.x afterwards leaves the cluster.
   */
  public Future<Void> drain() {
    if (workersId == null) {
      return Future.succeededFuture();
    }
    log.info("draining: no new jobs, finishing the ones in flight");
    Future<Void> intake = intakeId == null ? Future.succeededFuture() : vertx.undeploy(intakeId);
    return intake.compose(v -> vertx.undeploy(workersId)).onSuccess(v -> log.info("drained"));
  }
}
