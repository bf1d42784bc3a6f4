package nws.watermark.shared.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Rendered variants: the in-process L1 and, when a URL is set, the Redis L2 every API node shares. */
public record CacheConfig(
    long l1MaxBytes,
    String redisUrl,
    String redisType,
    String redisMasterName,
    String redisKeyPrefix,
    long redisTtlSeconds,
    long redisTimeoutMs) {

  /** Redis topologies {@link #REDIS_TYPE} accepts, as the Vert.x Redis client names them. */
  public static final List<String> REDIS_TYPES = List.of("standalone", "sentinel", "cluster", "replication");

  public static final Setting<Long> L1_MAX_BYTES =
      Setting.number("NWS_L1_MAX_BYTES", 256L * 1024 * 1024).atLeast(0, "0 (off) or more");
  public static final Setting<String> REDIS_URL = Setting.trimmed("NWS_REDIS_URL", "")
      .shownAs(CacheConfig::redacted).documentedAs("unset: no L2");
  public static final Setting<String> REDIS_TYPE =
      Setting.parsed("NWS_REDIS_TYPE", "standalone", raw -> raw.trim().toLowerCase(Locale.ROOT), "text")
          .accepting(REDIS_TYPES::contains, "one of " + String.join(", ", REDIS_TYPES));
  public static final Setting<String> REDIS_MASTER_NAME = Setting.trimmed("NWS_REDIS_MASTER_NAME", "mymaster")
      .accepting(v -> !v.isEmpty(), "a sentinel master name");
  public static final Setting<String> REDIS_KEY_PREFIX = Setting.text("NWS_REDIS_KEY_PREFIX", "nws:render:")
      .accepting(v -> !v.isEmpty(), "a non-empty key namespace such as nws:render:");
  public static final Setting<Long> REDIS_TTL_SECONDS = Setting.number("NWS_REDIS_TTL_SECONDS", 86_400).atLeast(1);
  public static final Setting<Long> REDIS_TIMEOUT_MS = Setting.number("NWS_REDIS_TIMEOUT_MS", 500).atLeast(1);

  public CacheConfig {
    for (String endpoint : endpoints(redisUrl)) {
      REDIS_URL.require(endpoint.matches("(redis|rediss|unix)://.+"),
          "redis://[user:password@]host:port[/db], or a comma-separated list of them", "'" + redacted(endpoint) + "'");
    }
  }

  public static CacheConfig from(Env env) {
    return new CacheConfig(env.get(L1_MAX_BYTES), env.get(REDIS_URL), env.get(REDIS_TYPE), env.get(REDIS_MASTER_NAME),
        env.get(REDIS_KEY_PREFIX), env.get(REDIS_TTL_SECONDS), env.get(REDIS_TIMEOUT_MS));
  }

  /** Whether results are shared through Redis ({@link #REDIS_URL} set). */
  public boolean redisEnabled() {
    return !redisUrl.isEmpty();
  }

  /** The endpoints of {@link #REDIS_URL}: one, or a comma-separated list for sentinel and cluster. */
  public List<String> redisEndpoints() {
    return endpoints(redisUrl);
  }

  private static List<String> endpoints(String url) {
    return Arrays.stream(url.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  /** A Redis URL with any password replaced, fit for a log line. */
  static String redacted(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
