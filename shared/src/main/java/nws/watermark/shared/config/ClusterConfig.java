package nws.watermark.shared.config;

import java.nio.file.Path;

/** Joining other nodes over Hazelcast, and what the nodes share once joined. */
public record ClusterConfig(
    boolean enabled,
    Path configFile,
    String host,
    int port,
    String members,
    long receiptTimeoutMs,
    long sharedCacheTtlSeconds) {

  public static final Setting<Boolean> CLUSTER = Setting.bool("NWS_CLUSTER", false);
  public static final Setting<Path> CONFIG = Setting.parsed("NWS_CLUSTER_CONFIG", Path.of("cluster.xml"), Path::of, "a file");
  public static final Setting<String> HOST = Setting.trimmed("NWS_CLUSTER_HOST", "")
      .documentedAs("from `cluster.xml` (`127.0.0.1`)");
  public static final Setting<Integer> PORT = Setting.integer("NWS_CLUSTER_PORT", 0)
      .accepting(p -> p >= 0 && p <= 65535, "0 (from the cluster config) or a port")
      .documentedAs("from `cluster.xml` (`5701`, next free one up)");
  public static final Setting<String> MEMBERS = Setting.trimmed("NWS_CLUSTER_MEMBERS", "")
      .accepting(v -> v.matches("|[^\\s,]+(\\s*,\\s*[^\\s,]+)*"), "host[:port] entries separated by commas")
      .documentedAs("from `cluster.xml` (`127.0.0.1`)");
  public static final Setting<Long> RECEIPT_TIMEOUT_MS = Setting.number("NWS_RECEIPT_TIMEOUT_MS", 2_000).atLeast(100);
  public static final Setting<Long> SHARED_CACHE_TTL_SECONDS =
      Setting.number("NWS_SHARED_CACHE_TTL_SECONDS", 86_400).atLeast(1);

  public static ClusterConfig from(Env env) {
    return new ClusterConfig(env.get(CLUSTER), env.get(CONFIG), env.get(HOST), env.get(PORT), env.get(MEMBERS),
        env.get(RECEIPT_TIMEOUT_MS), env.get(SHARED_CACHE_TTL_SECONDS));
  }
}
