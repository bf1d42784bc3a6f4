package nws.watermark.optimizer.boot;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import nws.watermark.shared.config.LogConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code NWS_LOG_FORMAT}: text is what {@code logback.xml} already gives; json switches
 * logback to {@code logback-json.xml}, one JSON object per line. {@link Boot} calls it first
 * thing, so the configuration line is already in the chosen format.
 */
final class LogFormat {

  static final String JSON_CONFIG = "/logback-json.xml";

  private LogFormat() {}

  static void apply(LogConfig config) {
    if (!config.json() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
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
