package nws.watermark.shared.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nws.watermark.shared.Presets;

/** Named option sets, from {@code NWS_PRESETS} or a file, and whether the HTTP API takes nothing else. */
public record PresetsConfig(Presets presets) {

  public static final Setting<String> PRESETS = Setting.trimmed("NWS_PRESETS", "").documentedAs("none");
  public static final Setting<String> PRESETS_FILE = Setting.trimmed("NWS_PRESETS_FILE", "").documentedAs("none");
  public static final Setting<Boolean> ONLY_PRESETS = Setting.bool("NWS_ONLY_PRESETS", false);

  public static PresetsConfig from(Env env) {
    String inline = env.get(PRESETS);
    String file = env.get(PRESETS_FILE);
    boolean only = env.get(ONLY_PRESETS);
    PRESETS_FILE.require(inline.isEmpty() || file.isEmpty(), "unset when NWS_PRESETS is set", "'" + file + "'");
    if (!file.isEmpty()) {
      return new PresetsConfig(Presets.parse(read(file), only, PRESETS_FILE + " (" + file + ")"));
    }
    return new PresetsConfig(inline.isEmpty() && !only ? Presets.NONE : Presets.parse(inline, only, PRESETS.name()));
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw PRESETS_FILE.refused("a readable file of presets", "'" + file + "' (" + e.getMessage() + ")");
    }
  }
}
