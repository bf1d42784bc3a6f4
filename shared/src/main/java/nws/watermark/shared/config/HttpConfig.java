package nws.watermark.shared.config;

/**
 * The HTTP edge: where it listens, how long clients may keep what it answers, and how long it
 * waits for a client that stops sending (a stalled client is cut off, and what it held released).
 */
public record HttpConfig(
    String host,
    int port,
    long cacheMaxAgeSeconds,
    long headerTimeoutMs,
    long bodyIdleTimeoutMs,
    long idleTimeoutMs,
    int maxUploadsPerClient) {

  public static final Setting<String> HOST = Setting.text("NWS_HTTP_HOST", "0.0.0.0");
  public static final Setting<Integer> PORT = Setting.integer("NWS_HTTP_PORT", 8080).between(0, 65535);
  public static final Setting<Long> CACHE_MAX_AGE_SECONDS =
      Setting.number("NWS_CACHE_MAX_AGE_SECONDS", 31_536_000).atLeast(0, "0 or more");
  public static final Setting<Long> HEADER_TIMEOUT_MS = Setting.number("NWS_HEADER_TIMEOUT_MS", 10_000).atLeast(100);
  public static final Setting<Long> BODY_IDLE_TIMEOUT_MS = Setting.number("NWS_BODY_IDLE_TIMEOUT_MS", 15_000).atLeast(100);
  public static final Setting<Long> IDLE_TIMEOUT_MS = Setting.number("NWS_IDLE_TIMEOUT_MS", 30_000).atLeast(100);
  public static final Setting<Integer> MAX_UPLOADS_PER_CLIENT = Setting.integer("NWS_MAX_UPLOADS_PER_CLIENT", 32)
      .atLeast(0, "0 (no cap) or more");

  public static HttpConfig from(Env env) {
    return new HttpConfig(env.get(HOST), env.get(PORT), env.get(CACHE_MAX_AGE_SECONDS), env.get(HEADER_TIMEOUT_MS),
        env.get(BODY_IDLE_TIMEOUT_MS), env.get(IDLE_TIMEOUT_MS), env.get(MAX_UPLOADS_PER_CLIENT));
  }
}
