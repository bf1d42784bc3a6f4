package nws.watermark.optimizer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nws.watermark.optimizer.boot.Members;
import nws.watermark.optimizer.codec.Codecs;
import nws.watermark.optimizer.intake.JobIntake;
import nws.watermark.optimizer.logo.Logos;
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

  /**
   * Clustered map of optimizer node id to the formats it reads and writes ({@link Codecs#describe()}),
   * so API nodes refuse a format no live optimizer writes instead of sending it round.
   */
  public static final String FORMATS_MAP = "nws.optimizer.formats";

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
    // Logos are read and checked before any worker starts: a bad one stops the start, named.
    return vertx.executeBlocking(() -> Logos.of(config.images().logoDir()))
        .compose(logos -> {
          logos.checkPresets(config.presets().presets());
          log.info("logos: {}", logos);
          return deployWorkers(instances);
        });
  }

  private Future<Optimizers> deployWorkers(int instances) {
    Codecs codecs = Codecs.of(config.formats());
    log.info("image formats: reads {}, writes {}{}", codecs.reads(), codecs.describe().getJsonArray("write"),
        codecs.describe().getJsonObject("missing").isEmpty() ? "" : "; missing " + codecs.describe().getJsonObject("missing")
            + " (" + Codecs.INSTALL + ")");
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
        .compose(id -> {
          intakeId = id;
          return announceFormats();
        })
        .map(this);
  }

  /** Tells the API nodes what this node writes; a failure costs only the early 400, so it is logged. */
  private Future<Void> announceFormats() {
    return vertx.sharedData().<String, JsonObject>getAsyncMap(FORMATS_MAP)
        .compose(map -> map.put(Members.nodeId(vertx), Codecs.of(config.formats()).describe()))
        .otherwise(err -> {
          log.warn("could not announce this node's formats: {}", err.toString());
          return null;
        });
  }

  /** How many workers this node runs. */
  public int workers() {
    return workersId == null ? 0 : config.images().optimizerInstances();
  }

  /** What {@code /ready} and the startup log say of this node's image work; empty without workers. */
  public JsonObject describe() {
    return workersId == null ? new JsonObject()
        : new JsonObject().put("imageEngine", Engine.best().id()).put("formats", Codecs.of(config.formats()).describe());
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
