package nws.watermark.optimizer.boot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every node starts, whichever jar it is: read the configuration, set up logging, log the
 * settings once, then get a Vert.x, plain standalone or clustered over Hazelcast.
 */
public final class Boot {

  private static final Logger log = LoggerFactory.getLogger(Boot.class);

  private Boot() {}

  /** The configuration from {@code NWS_*}; an invalid value ends the process with status 2, naming it. */
  public static Config configure() {
    Config config;
    try {
      config = Config.fromEnv();
    } catch (IllegalArgumentException e) {
      log.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      throw e;
    }
    LogFormat.apply(config.log());
    log.info("configuration {}", config.describe());
    return config;
  }

  /** A Vert.x for this node: clustered when {@code NWS_CLUSTER=true}, else a plain one. */
  public static Future<Vertx> vertx(Config config) {
    return vertx(config, Vertx.builder());
  }

  /** {@link #vertx(Config)} from a builder that already carries other settings, such as metrics. */
  public static Future<Vertx> vertx(Config config, VertxBuilder builder) {
    if (!config.cluster().enabled()) {
      return Future.succeededFuture(builder.build());
    }
    return ClusterJoin.vertx(config.cluster(), builder);
  }
}
