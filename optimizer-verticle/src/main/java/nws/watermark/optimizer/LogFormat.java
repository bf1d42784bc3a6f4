package nws.watermark.optimizer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import nws.watermark.shared.Config;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code NWS_LOG_FORMAT}: text is what {@code logback.xml} already gives; json switches
 * logback to {@code logback-json.xml}, one JSON object per line. Both fat jars call it first thing
 * in {@code main}, so the configuration line is already in the chosen format.
 */
public final class LogFormat {

  static final String JSON_CONFIG = "/logback-json.xml";

  private LogFormat() {}

  public static void apply(Config config) {
    if (!Config.LOG_JSON.equals(config.logFormat())
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL json = LogFormat.class.getResource(JSON_CONFIG);
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    context.reset();
    try {
      joran.doConfigure(json);
    } catch (JoranException e) {
      throw new IllegalStateException(JSON_CONFIG + " is broken: " + e.getMessage(), e);
    }
  }
}
