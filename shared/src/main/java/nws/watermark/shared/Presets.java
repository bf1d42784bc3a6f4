package nws.watermark.shared;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named option sets ({@code NWS_PRESETS}, such as {@code thumb=w:200,h:200,fit:cover;hero=w:1600,q:70}):
 * {@code preset=thumb} stands for its options, and options given with it override them. With
 * {@code onlyPresets}, a request to the HTTP API may name a preset and nothing else, which bounds
 * how many variants of an image can exist. No presets at all is {@link #NONE}.
 */
public final class Presets {

  public static final Presets NONE = new Presets(Map.of(), false);

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";

  private final Map<String, MultiMap> byName;
  private final boolean onlyPresets;

  private Presets(Map<String, MultiMap> byName, boolean onlyPresets) {
    this.byName = byName;
    this.onlyPresets = onlyPresets;
  }

  /**
   * Reads {@code name=option:value,option:value} entries, separated by {@code ;} or new lines
   * ({@code #} starts a comment line). Each is checked as a request would be.
   *
   * @throws IllegalArgumentException naming {@code source} (the variable or file) and the preset at fault
   */
  public static Presets parse(String spec, boolean onlyPresets, String source) {
    Map<String, MultiMap> byName = new LinkedHashMap<>();
    for (String line : spec.split("[;\n]")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      int eq = entry.indexOf('=');
      String name = eq < 0 ? entry : entry.substring(0, eq).strip();
      if (eq < 0 || !name.matches(NAME)) {
        throw new IllegalArgumentException(source + " must be name=option:value,... entries with names of letters, "
            + "digits, - and _; got '" + Options.clip(entry) + "'");
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException(source + " names preset '" + name + "' twice");
      }
      byName.put(name, options(entry.substring(eq + 1), name, source));
    }
    if (onlyPresets && byName.isEmpty()) {
      throw new IllegalArgumentException("NWS_ONLY_PRESETS=true needs presets: set NWS_PRESETS or NWS_PRESETS_FILE");
    }
    return new Presets(Map.copyOf(byName), onlyPresets);
  }

  private static MultiMap options(String list, String name, String source) {
    MultiMap options = MultiMap.caseInsensitiveMultiMap();
    // A comma starts a new pair only before "name:": focus:0.3,0.7 and wm:Hello, world stay whole.
    for (String pair : list.split(",(?=\\s*[A-Za-z]+\\s*:)")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      String option = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
      if (colon < 0 || !Options.NAMES.contains(option) || options.contains(option)) {
        throw new IllegalArgumentException(source + ": preset '" + name + "' must list option:value pairs of "
            + "distinct options (" + String.join(", ", Options.NAMES) + "), got '" + Options.clip(pair.strip()) + "'");
      }
      options.add(option, pair.substring(colon + 1).strip());
    }
    try {
      Options.parse(options, Options.DEFAULTS);
    } catch (ServiceException e) {
      throw new IllegalArgumentException(source + ": preset '" + name + "': " + e.getMessage());
    }
    return options;
  }

  /**
   * {@code params} with its {@code preset} replaced by the preset's options, those given in
   * {@code params} winning. On the HTTP API ({@code edge}) with only presets allowed, any option
   * but {@code preset} is refused; {@code notOptions} (such as {@code sig}) are let through.
   *
   * @throws ServiceException {@link ErrorCode#INVALID_OPTION} naming the preset or option at fault
   */
  public MultiMap expand(MultiMap params, Set<String> notOptions, boolean edge) {
    if (edge && onlyPresets) {
      for (String name : params.names()) {
        if (!name.equals(Options.PRESET) && !notOptions.contains(name)) {
          throw Options.invalid("this service takes presets only (NWS_ONLY_PRESETS): '" + Options.clip(name)
              + "' is not allowed; send preset=<name>, one of " + names());
        }
      }
    }
    if (!params.contains(Options.PRESET)) {
      return params;
    }
    if (params.getAll(Options.PRESET).stream().distinct().count() > 1) {
      throw Options.invalid(Options.PRESET + " was given more than once with different values");
    }
    String name = params.get(Options.PRESET);
    if (name.isEmpty()) {
      // As an empty wm or wmimg means none: what a form with "no preset" chosen sends.
      return MultiMap.caseInsensitiveMultiMap().addAll(params).remove(Options.PRESET);
    }
    MultiMap preset = byName.get(name);
    if (preset == null) {
      throw Options.invalid(byName.isEmpty()
          ? "this service has no presets (NWS_PRESETS), so preset='" + Options.clip(name) + "' names none"
          : "unknown preset '" + Options.clip(name) + "'; presets are " + names());
    }
    MultiMap out = MultiMap.caseInsensitiveMultiMap().addAll(preset);
    for (String option : params.names()) {
      if (!option.equals(Options.PRESET)) {
        out.remove(option);
        out.add(option, params.getAll(option));
      }
    }
    return out;
  }

  /** Each preset's value of {@code option} (such as the logo each names), by preset name; presets without it left out. */
  public Map<String, String> valuesOf(Option<?> option) {
    Map<String, String> values = new LinkedHashMap<>();
    byName.forEach((name, options) -> {
      if (options.contains(option.name())) {
        values.put(name, options.get(option.name()));
      }
    });
    return values;
  }

  /** Each preset's options, and whether only presets are allowed, for {@code GET /options} and the page. */
  public JsonObject describe() {
    JsonObject presets = new JsonObject();
    byName.keySet().stream().sorted().forEach(name -> {
      JsonObject options = new JsonObject();
      byName.get(name).forEach(options::put);
      presets.put(name, options);
    });
    return new JsonObject().put("presets", presets).put("onlyPresets", onlyPresets);
  }

  private String names() {
    return byName.keySet().stream().sorted().collect(Collectors.joining(", "));
  }
}
