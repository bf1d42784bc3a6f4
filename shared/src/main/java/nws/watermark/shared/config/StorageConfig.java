package nws.watermark.shared.config;

import java.nio.file.Path;
import nws.watermark.shared.Secret;

/** Where originals live: a local folder by default, an S3-compatible bucket when an endpoint is set. */
public record StorageConfig(
    Path dir,
    String s3Endpoint,
    String s3AccessKey,
    Secret s3SecretKey,
    String s3Bucket,
    String s3Region,
    long s3TimeoutMs,
    long s3PendingMaxBytes) {

  public static final Setting<Path> DIR = Setting.parsed("NWS_STORAGE_DIR", Path.of("data"), Path::of, "a folder")
      .shownAs(Path::toAbsolutePath);
  public static final Setting<String> S3_ENDPOINT = Setting.trimmed("NWS_S3_ENDPOINT", "")
      .accepting(v -> v.isEmpty() || v.matches("https?://[^/]+/?"), "http(s)://host:port (path-style; no bucket in it)")
      .documentedAs("unset: local folder");
  public static final Setting<String> S3_ACCESS_KEY = Setting.trimmed("NWS_S3_ACCESS_KEY", "")
      .documentedAs("none; required with an endpoint");
  public static final Setting<Secret> S3_SECRET_KEY =
      Setting.parsed("NWS_S3_SECRET_KEY", new Secret(""), raw -> new Secret(raw.trim()), "text")
          .shownAs(Secret::toString).documentedAs("none; required with an endpoint");
  public static final Setting<String> S3_BUCKET = Setting.trimmed("NWS_S3_BUCKET", "watermarks")
      .accepting(v -> v.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), "an S3 bucket name (3..63 of a-z 0-9 . -)");
  public static final Setting<String> S3_REGION = Setting.trimmed("NWS_S3_REGION", "us-east-1")
      .accepting(v -> !v.isEmpty(), "a region name such as us-east-1");
  public static final Setting<Long> S3_TIMEOUT_MS = Setting.number("NWS_S3_TIMEOUT_MS", 10_000).atLeast(100);
  public static final Setting<Long> S3_PENDING_MAX_BYTES = Setting.number("NWS_S3_PENDING_MAX_BYTES", 256L * 1024 * 1024)
      .atLeast(0, "0 (keep nothing) or more");

  public StorageConfig {
    if (!s3Endpoint.isEmpty()) {
      S3_ACCESS_KEY.require(!s3AccessKey.isEmpty(), "set when " + S3_ENDPOINT + " is", "nothing");
      S3_SECRET_KEY.require(!s3SecretKey.isEmpty(), "set when " + S3_ENDPOINT + " is", "nothing");
    }
  }

  public static StorageConfig from(Env env) {
    return new StorageConfig(env.get(DIR), env.get(S3_ENDPOINT), env.get(S3_ACCESS_KEY), env.get(S3_SECRET_KEY),
        env.get(S3_BUCKET), env.get(S3_REGION), env.get(S3_TIMEOUT_MS), env.get(S3_PENDING_MAX_BYTES));
  }

  /** Whether originals live in S3 ({@link #S3_ENDPOINT} set) rather than {@link #DIR}. */
  public boolean s3Enabled() {
    return !s3Endpoint.isEmpty();
  }
}
