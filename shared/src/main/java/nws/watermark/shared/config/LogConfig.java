package nws.watermark.shared.config;

import java.util.List;

/** How log lines are written. */
public record LogConfig(String format) {

  /** {@value} log lines: human-readable, one per event. */
  public static final String TEXT = "text";
  /** {@value} log lines: one JSON object per line, each value a field of its own. */
  public static final String JSON = "json";

  public static final Setting<String> FORMAT = Setting.text("NWS_LOG_FORMAT", TEXT)
      .accepting(List.of(TEXT, JSON)::contains, TEXT + " or " + JSON);

  public static LogConfig from(Env env) {
    return new LogConfig(env.get(FORMAT));
  }

  public boolean json() {
    return JSON.equals(format);
  }
}
