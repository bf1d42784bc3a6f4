package nws.watermark.shared.config;

/** The HTTP edge: where it listens and how long clients may keep what it answers. */
public record HttpConfig(String host, int port, long cacheMaxAgeSeconds) {

  public static final Setting<String> HOST = Setting.text("NWS_HTTP_HOST", "0.0.0.0");
  public static final Setting<Integer> PORT = Setting.integer("NWS_HTTP_PORT", 8080).between(0, 65535);
  public static final Setting<Long> CACHE_MAX_AGE_SECONDS =
      Setting.number("NWS_CACHE_MAX_AGE_SECONDS", 31_536_000).atLeast(0, "0 or more");

  public static HttpConfig from(Env env) {
    return new HttpConfig(env.get(HOST), env.get(PORT), env.get(CACHE_MAX_AGE_SECONDS));
  }
}
