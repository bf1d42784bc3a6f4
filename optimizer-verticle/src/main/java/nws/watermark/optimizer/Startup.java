package nws.watermark.optimizer;

import nws.watermark.shared.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every main does first: read the configuration, set up logging, log the settings once. */
public final class Startup {

  private static final Logger log = LoggerFactory.getLogger(Startup.class);

  private Startup() {}

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
    LogFormat.apply(config);
    log.info("configuration {}", config.describe());
    return config;
  }
}
