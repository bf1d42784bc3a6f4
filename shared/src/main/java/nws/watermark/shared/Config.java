package nws.watermark.shared;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nws.watermark.shared.config.AccessConfig;
import nws.watermark.shared.config.CacheConfig;
import nws.watermark.shared.config.ClusterConfig;
import nws.watermark.shared.config.Env;
import nws.watermark.shared.config.FormatsConfig;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.LimitsConfig;
import nws.watermark.shared.config.LogConfig;
import nws.watermark.shared.config.PresetsConfig;
import nws.watermark.shared.config.Setting;
import nws.watermark.shared.config.StorageConfig;

/**
 * The whole configuration: one small record per concern, each with its settings' defaults, the
 * {@code NWS_*} variables that override them and a validation that names the variable at fault.
 * With nothing set the service runs standalone: API and optimizers in one JVM, L1 cache only,
 * originals in a local folder.
 */
public record Config(
    HttpConfig http,
    AccessConfig access,
    LimitsConfig limits,
    ImagesConfig images,
    PresetsConfig presets,
    FormatsConfig formats,
    CacheConfig cache,
    StorageConfig storage,
    ClusterConfig cluster,
    LogConfig log,
    Map<String, Object> describe) {

  /** The configuration with nothing set: what {@code java -jar} runs with. */
  public static Config defaults() {
    return fromEnv(Map.of());
  }

  /** Defaults overridden by the process environment. */
  public static Config fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Defaults overridden by {@code env}; tests pass their own map.
   *
   * @throws IllegalArgumentException such as "NWS_JPEG_QUALITY must be 1..100, got 0"
   */
  public static Config fromEnv(Map<String, String> env) {
    return read(new Env(env));
  }

  /** Every setting there is, in the order the configuration reads them. */
  public static List<Setting<?>> settings() {
    Env env = new Env(Map.of());
    read(env);
    return env.settings();
  }

  private static Config read(Env env) {
    return new Config(HttpConfig.from(env), AccessConfig.from(env), LimitsConfig.from(env), ImagesConfig.from(env),
        PresetsConfig.from(env), FormatsConfig.from(env),
        CacheConfig.from(env), StorageConfig.from(env), ClusterConfig.from(env), LogConfig.from(env),
        env.shown());
  }

  /**
   * The options a request gets for every name it does not give: {@link Options}' own, but for the
   * watermark text and format configured here. The quality stays unset until a format is chosen
   * ({@link FormatsConfig#resolved}).
   */
  public ImageOptions defaultOptions() {
    return Options.DEFAULTS.with(Options.WM, images.watermarkText()).with(Options.FORMAT, formats.defaultFormat())
        .with(Options.PROGRESSIVE, formats.jpegProgressive());
  }

  /**
   * The options of one request or job: its preset expanded, then parsed over {@link
   * #defaultOptions()}. {@code edge} is the HTTP API, where {@code NWS_ONLY_PRESETS} applies;
   * {@code notOptions} are names that travel with the options but are none (a form's image field).
   *
   * @throws ServiceException {@link ErrorCode#INVALID_OPTION} naming the option or preset at fault
   */
  public ImageOptions options(MultiMap params, Set<String> notOptions, boolean edge) {
    return Options.parse(presets.presets().expand(params, notOptions, edge), defaultOptions(), notOptions);
  }

  /** The settings as the startup log line shows them: no secret, no Redis password. */
  @Override
  public String toString() {
    return "Config" + describe;
  }
}
