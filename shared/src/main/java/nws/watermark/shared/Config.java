package nws.watermark.shared;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole configuration, in one place: defaults in code, overridden by {@code NWS_*}
 * environment variables, checked by {@link #validate()}. With nothing set the service runs
 * standalone: API and optimizers in one JVM, L1 cache only, originals in a local folder.
 */
public record Config(
    String httpHost,
    int httpPort,
    Path storageDir,
    long maxUploadBytes,
    long maxPixels,
    long l1MaxBytes,
    long jobTimeoutMs,
    int optimizerInstances,
    int maxJobsInFlight,
    long maxBytesInFlight,
    int retryAfterSeconds,
    long cacheMaxAgeSeconds,
    String watermarkText,
    int jpegQuality,
    int background,
    String logFormat,
    boolean cluster,
    Path clusterConfig,
    String clusterHost,
    int clusterPort,
    String clusterMembers,
    long receiptTimeoutMs,
    long sharedCacheTtlSeconds,
    long shutdownTimeoutMs,
    String redisUrl,
    String redisType,
    String redisMasterName,
    String redisKeyPrefix,
    long redisTtlSeconds,
    long redisTimeoutMs,
    String s3Endpoint,
    String s3AccessKey,
    Secret s3SecretKey,
    String s3Bucket,
    String s3Region,
    long s3TimeoutMs,
    long s3PendingMaxBytes,
    int maxUploadsWaiting) {

  public static final String HTTP_HOST = "NWS_HTTP_HOST";
  public static final String HTTP_PORT = "NWS_HTTP_PORT";
  public static final String STORAGE_DIR = "NWS_STORAGE_DIR";
  public static final String MAX_UPLOAD_BYTES = "NWS_MAX_UPLOAD_BYTES";
  public static final String MAX_PIXELS = "NWS_MAX_PIXELS";
  public static final String L1_MAX_BYTES = "NWS_L1_MAX_BYTES";
  public static final String JOB_TIMEOUT_MS = "NWS_JOB_TIMEOUT_MS";
  public static final String OPTIMIZER_INSTANCES = "NWS_OPTIMIZER_INSTANCES";
  public static final String MAX_JOBS_IN_FLIGHT = "NWS_MAX_JOBS_IN_FLIGHT";
  public static final String MAX_BYTES_IN_FLIGHT = "NWS_MAX_BYTES_IN_FLIGHT";
  public static final String RETRY_AFTER_SECONDS = "NWS_RETRY_AFTER_SECONDS";
  public static final String CACHE_MAX_AGE_SECONDS = "NWS_CACHE_MAX_AGE_SECONDS";
  public static final String WATERMARK_TEXT = "NWS_WATERMARK_TEXT";
  public static final String JPEG_QUALITY = "NWS_JPEG_QUALITY";
  public static final String BACKGROUND = "NWS_BACKGROUND";
  public static final String LOG_FORMAT = "NWS_LOG_FORMAT";

  /** {@value} log lines: human-readable, one per event. */
  public static final String LOG_TEXT = "text";
  /** {@value} log lines: one JSON object per line, each value a field of its own. */
  public static final String LOG_JSON = "json";
  public static final String CLUSTER = "NWS_CLUSTER";
  public static final String CLUSTER_CONFIG = "NWS_CLUSTER_CONFIG";
  public static final String CLUSTER_HOST = "NWS_CLUSTER_HOST";
  public static final String CLUSTER_PORT = "NWS_CLUSTER_PORT";
  public static final String CLUSTER_MEMBERS = "NWS_CLUSTER_MEMBERS";
  public static final String RECEIPT_TIMEOUT_MS = "NWS_RECEIPT_TIMEOUT_MS";
  public static final String SHARED_CACHE_TTL_SECONDS = "NWS_SHARED_CACHE_TTL_SECONDS";
  public static final String SHUTDOWN_TIMEOUT_MS = "NWS_SHUTDOWN_TIMEOUT_MS";
  public static final String REDIS_URL = "NWS_REDIS_URL";
  public static final String REDIS_TYPE = "NWS_REDIS_TYPE";
  public static final String REDIS_MASTER_NAME = "NWS_REDIS_MASTER_NAME";
  public static final String REDIS_KEY_PREFIX = "NWS_REDIS_KEY_PREFIX";
  public static final String REDIS_TTL_SECONDS = "NWS_REDIS_TTL_SECONDS";
  public static final String REDIS_TIMEOUT_MS = "NWS_REDIS_TIMEOUT_MS";
  public static final String S3_ENDPOINT = "NWS_S3_ENDPOINT";
  public static final String S3_ACCESS_KEY = "NWS_S3_ACCESS_KEY";
  public static final String S3_SECRET_KEY = "NWS_S3_SECRET_KEY";
  public static final String S3_BUCKET = "NWS_S3_BUCKET";
  public static final String S3_REGION = "NWS_S3_REGION";
  public static final String S3_TIMEOUT_MS = "NWS_S3_TIMEOUT_MS";
  public static final String S3_PENDING_MAX_BYTES = "NWS_S3_PENDING_MAX_BYTES";
  public static final String MAX_UPLOADS_WAITING = "NWS_MAX_UPLOADS_WAITING";

  /** Redis topologies {@link #REDIS_TYPE} accepts, as the Vert.x Redis client names them. */
  public static final java.util.List<String> REDIS_TYPES = java.util.List.of("standalone", "sentinel", "cluster", "replication");

  private static final long MIB = 1024 * 1024;

  /** The configuration with nothing set: what {@code java -jar} runs with. */
  public static Config defaults() {
    return fromEnv(Map.of());
  }

  /** Defaults overridden by the process environment. */
  public static Config fromEnv() {
    return fromEnv(System.getenv());
  }

  /** Defaults overridden by {@code env}; tests pass their own map. */
  public static Config fromEnv(Map<String, String> env) {
    Reader r = new Reader(env);
    Config config = new Config(
        r.text(HTTP_HOST, "0.0.0.0"),
        r.integer(HTTP_PORT, 8080),
        Path.of(r.text(STORAGE_DIR, "data")),
        r.number(MAX_UPLOAD_BYTES, 32 * MIB),
        r.number(MAX_PIXELS, 100_000_000L),
        r.number(L1_MAX_BYTES, 256 * MIB),
        r.number(JOB_TIMEOUT_MS, 30_000),
        r.integer(OPTIMIZER_INSTANCES, Runtime.getRuntime().availableProcessors()),
        r.integer(MAX_JOBS_IN_FLIGHT, 64),
        r.number(MAX_BYTES_IN_FLIGHT, 512 * MIB),
        r.integer(RETRY_AFTER_SECONDS, 2),
        r.number(CACHE_MAX_AGE_SECONDS, 31_536_000),
        r.text(WATERMARK_TEXT, "NWS Watermark"),
        r.integer(JPEG_QUALITY, 80),
        r.parsed(BACKGROUND, "#ffffff", Config::rgb, "a colour #rrggbb"),
        r.text(LOG_FORMAT, LOG_TEXT),
        r.parsed(CLUSTER, "false", Config::bool, "true or false"),
        Path.of(r.text(CLUSTER_CONFIG, "cluster.xml")),
        r.text(CLUSTER_HOST, "").trim(),
        r.integer(CLUSTER_PORT, 0),
        r.text(CLUSTER_MEMBERS, "").trim(),
        r.number(RECEIPT_TIMEOUT_MS, 2_000),
        r.number(SHARED_CACHE_TTL_SECONDS, 86_400),
        r.number(SHUTDOWN_TIMEOUT_MS, 30_000),
        r.text(REDIS_URL, "").trim(),
        r.text(REDIS_TYPE, "standalone").trim().toLowerCase(java.util.Locale.ROOT),
        r.text(REDIS_MASTER_NAME, "mymaster").trim(),
        r.text(REDIS_KEY_PREFIX, "nws:render:"),
        r.number(REDIS_TTL_SECONDS, 86_400),
        r.number(REDIS_TIMEOUT_MS, 500),
        r.text(S3_ENDPOINT, "").trim(),
        r.text(S3_ACCESS_KEY, "").trim(),
        new Secret(r.text(S3_SECRET_KEY, "").trim()),
        r.text(S3_BUCKET, "watermarks").trim(),
        r.text(S3_REGION, "us-east-1").trim(),
        r.number(S3_TIMEOUT_MS, 10_000),
        r.number(S3_PENDING_MAX_BYTES, 256 * MIB),
        r.integer(MAX_UPLOADS_WAITING, 256));
    return config.validate();
  }

  /**
   * Checks every value and names the variable at fault.
   *
   * @throws IllegalArgumentException such as "NWS_JPEG_QUALITY must be 1..100, got 0"
   */
  public Config validate() {
    check(httpPort >= 0 && httpPort <= 65535, HTTP_PORT, "0..65535", httpPort);
    check(maxUploadBytes >= 1, MAX_UPLOAD_BYTES, "at least 1", maxUploadBytes);
    check(maxPixels >= 1, MAX_PIXELS, "at least 1", maxPixels);
    check(l1MaxBytes >= 0, L1_MAX_BYTES, "0 (off) or more", l1MaxBytes);
    check(jobTimeoutMs >= 100, JOB_TIMEOUT_MS, "at least 100", jobTimeoutMs);
    check(optimizerInstances >= 0, OPTIMIZER_INSTANCES, "0 or more", optimizerInstances);
    check(maxJobsInFlight >= 1, MAX_JOBS_IN_FLIGHT, "at least 1", maxJobsInFlight);
    check(maxBytesInFlight >= maxUploadBytes, MAX_BYTES_IN_FLIGHT,
        "at least " + MAX_UPLOAD_BYTES + " (" + maxUploadBytes + ")", maxBytesInFlight);
    check(retryAfterSeconds >= 1, RETRY_AFTER_SECONDS, "at least 1", retryAfterSeconds);
    check(cacheMaxAgeSeconds >= 0, CACHE_MAX_AGE_SECONDS, "0 or more", cacheMaxAgeSeconds);
    check(watermarkText.length() <= Options.MAX_WATERMARK_LENGTH, WATERMARK_TEXT,
        "at most " + Options.MAX_WATERMARK_LENGTH + " characters", watermarkText.length());
    check(jpegQuality >= Options.MIN_QUALITY && jpegQuality <= Options.MAX_QUALITY, JPEG_QUALITY,
        Options.MIN_QUALITY + ".." + Options.MAX_QUALITY, jpegQuality);
    check(logFormat.equals(LOG_TEXT) || logFormat.equals(LOG_JSON), LOG_FORMAT,
        LOG_TEXT + " or " + LOG_JSON, "'" + logFormat + "'");
    check(clusterPort >= 0 && clusterPort <= 65535, CLUSTER_PORT, "0 (from the cluster config) or a port", clusterPort);
    check(clusterMembers.matches("|[^\\s,]+(\\s*,\\s*[^\\s,]+)*"), CLUSTER_MEMBERS,
        "host[:port] entries separated by commas", "'" + clusterMembers + "'");
    check(receiptTimeoutMs >= 100, RECEIPT_TIMEOUT_MS, "at least 100", receiptTimeoutMs);
    check(sharedCacheTtlSeconds >= 1, SHARED_CACHE_TTL_SECONDS, "at least 1", sharedCacheTtlSeconds);
    check(shutdownTimeoutMs >= 0, SHUTDOWN_TIMEOUT_MS, "0 or more", shutdownTimeoutMs);
    validateRedis();
    validateS3();
    return this;
  }

  /** Whether results are shared through Redis ({@link #REDIS_URL} set). */
  public boolean redisEnabled() {
    return !redisUrl.isEmpty();
  }

  /** Whether originals live in S3 ({@link #S3_ENDPOINT} set) rather than {@link #STORAGE_DIR}. */
  public boolean s3Enabled() {
    return !s3Endpoint.isEmpty();
  }

  /** The endpoints of {@link #REDIS_URL}: one, or a comma-separated list for sentinel and cluster. */
  public java.util.List<String> redisEndpoints() {
    return java.util.Arrays.stream(redisUrl.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  private void validateRedis() {
    for (String endpoint : redisEndpoints()) {
      check(endpoint.matches("(redis|rediss|unix)://.+"), REDIS_URL,
          "redis://[user:password@]host:port[/db], or a comma-separated list of them", "'" + redacted(endpoint) + "'");
    }
    check(REDIS_TYPES.contains(redisType), REDIS_TYPE, "one of " + String.join(", ", REDIS_TYPES), "'" + redisType + "'");
    check(!redisMasterName.isEmpty(), REDIS_MASTER_NAME, "a sentinel master name", "''");
    check(!redisKeyPrefix.isEmpty(), REDIS_KEY_PREFIX, "a non-empty key namespace such as nws:render:", "''");
    check(redisTtlSeconds >= 1, REDIS_TTL_SECONDS, "at least 1", redisTtlSeconds);
    check(redisTimeoutMs >= 1, REDIS_TIMEOUT_MS, "at least 1", redisTimeoutMs);
  }

  private void validateS3() {
    check(s3Endpoint.isEmpty() || s3Endpoint.matches("https?://[^/]+/?"), S3_ENDPOINT,
        "http(s)://host:port (path-style; no bucket in it)", "'" + s3Endpoint + "'");
    if (s3Enabled()) {
      check(!s3AccessKey.isEmpty(), S3_ACCESS_KEY, "set when " + S3_ENDPOINT + " is", "nothing");
      check(!s3SecretKey.isEmpty(), S3_SECRET_KEY, "set when " + S3_ENDPOINT + " is", "nothing");
    }
    check(s3Bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), S3_BUCKET,
        "an S3 bucket name (3..63 of a-z 0-9 . -)", "'" + s3Bucket + "'");
    check(!s3Region.isEmpty(), S3_REGION, "a region name such as us-east-1", "''");
    check(s3TimeoutMs >= 100, S3_TIMEOUT_MS, "at least 100", s3TimeoutMs);
    check(s3PendingMaxBytes >= 0, S3_PENDING_MAX_BYTES, "0 (keep nothing) or more", s3PendingMaxBytes);
    check(maxUploadsWaiting >= 0, MAX_UPLOADS_WAITING, "0 (never wait: 503 at once) or more", maxUploadsWaiting);
  }

  /** A Redis URL with any password replaced, fit for a log line. */
  static String redacted(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  /** The options a request gets for every name it does not give. */
  public ImageOptions defaultOptions() {
    return new ImageOptions(1024, 1024, Fit.INSIDE, false, jpegQuality, OutputFormat.JPEG,
        watermarkText, Position.BR, 0.5);
  }

  /** Every setting by its variable name, for the one startup log line (holds no secrets). */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(HTTP_HOST, httpHost);
    out.put(HTTP_PORT, httpPort);
    out.put(STORAGE_DIR, storageDir.toAbsolutePath());
    out.put(MAX_UPLOAD_BYTES, maxUploadBytes);
    out.put(MAX_PIXELS, maxPixels);
    out.put(L1_MAX_BYTES, l1MaxBytes);
    out.put(JOB_TIMEOUT_MS, jobTimeoutMs);
    out.put(OPTIMIZER_INSTANCES, optimizerInstances);
    out.put(MAX_JOBS_IN_FLIGHT, maxJobsInFlight);
    out.put(MAX_BYTES_IN_FLIGHT, maxBytesInFlight);
    out.put(RETRY_AFTER_SECONDS, retryAfterSeconds);
    out.put(CACHE_MAX_AGE_SECONDS, cacheMaxAgeSeconds);
    out.put(WATERMARK_TEXT, watermarkText);
    out.put(JPEG_QUALITY, jpegQuality);
    out.put(BACKGROUND, String.format("#%06x", background));
    out.put(LOG_FORMAT, logFormat);
    out.put(CLUSTER, cluster);
    out.put(CLUSTER_CONFIG, clusterConfig);
    out.put(CLUSTER_HOST, clusterHost);
    out.put(CLUSTER_PORT, clusterPort);
    out.put(CLUSTER_MEMBERS, clusterMembers);
    out.put(RECEIPT_TIMEOUT_MS, receiptTimeoutMs);
    out.put(SHARED_CACHE_TTL_SECONDS, sharedCacheTtlSeconds);
    out.put(SHUTDOWN_TIMEOUT_MS, shutdownTimeoutMs);
    out.put(REDIS_URL, redacted(redisUrl));
    out.put(REDIS_TYPE, redisType);
    out.put(REDIS_MASTER_NAME, redisMasterName);
    out.put(REDIS_KEY_PREFIX, redisKeyPrefix);
    out.put(REDIS_TTL_SECONDS, redisTtlSeconds);
    out.put(REDIS_TIMEOUT_MS, redisTimeoutMs);
    out.put(S3_ENDPOINT, s3Endpoint);
    out.put(S3_ACCESS_KEY, s3AccessKey);
    out.put(S3_SECRET_KEY, s3SecretKey.toString());
    out.put(S3_BUCKET, s3Bucket);
    out.put(S3_REGION, s3Region);
    out.put(S3_TIMEOUT_MS, s3TimeoutMs);
    out.put(S3_PENDING_MAX_BYTES, s3PendingMaxBytes);
    out.put(MAX_UPLOADS_WAITING, maxUploadsWaiting);
    return out;
  }

  /** The settings as {@link #describe()} gives them: no secret, no Redis password. */
  @Override
  public String toString() {
    return "Config" + describe();
  }

  private static void check(boolean ok, String name, String expected, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be " + expected + ", got " + got);
    }
  }

  private static Integer rgb(String raw) {
    return raw.matches("#?[0-9a-fA-F]{6}") ? Integer.parseInt(raw.replace("#", ""), 16) : null;
  }

  private static Boolean bool(String raw) {
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    };
  }

  /** Reads one variable at a time and names it when its text is not of the right kind. */
  private record Reader(Map<String, String> env) {

    String text(String name, String fallback) {
      String raw = env.get(name);
      return raw == null ? fallback : raw;
    }

    int integer(String name, int fallback) {
      return parsed(name, Integer.toString(fallback), Reader::toInt, "an integer");
    }

    long number(String name, long fallback) {
      return parsed(name, Long.toString(fallback), Reader::toLong, "an integer");
    }

    <T> T parsed(String name, String fallback, Function<String, T> parse, String expected) {
      String raw = text(name, fallback).trim();
      T value = parse.apply(raw);
      if (value == null) {
        throw new IllegalArgumentException(name + " must be " + expected + ", got '" + raw + "'");
      }
      return value;
    }

    private static Integer toInt(String raw) {
      Long value = toLong(raw);
      return value == null || value != value.intValue() ? null : value.intValue();
    }

    private static Long toLong(String raw) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
