package nws.watermark.shared.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a configuration is read from, and a record of what was read: every setting's
 * value as the startup log shows it, in the order read.
 */
public final class Env {

  private final Map<String, String> variables;
  private final Map<String, Object> shown = new LinkedHashMap<>();
  private final List<Setting<?>> read = new ArrayList<>();

  public Env(Map<String, String> variables) {
    this.variables = variables;
  }

  /** The value of {@code setting}: its variable's, else its default; refused when out of range. */
  public <T> T get(Setting<T> setting) {
    T value = setting.read(variables.get(setting.name()));
    shown.put(setting.name(), setting.shown().apply(value));
    read.add(setting);
    return value;
  }

  /** Every setting read, by name, as the startup log shows it (no secret in it). */
  public Map<String, Object> shown() {
    return Collections.unmodifiableMap(shown);
  }

  /** Every setting read, in order. */
  public List<Setting<?>> settings() {
    return List.copyOf(read);
  }
}
