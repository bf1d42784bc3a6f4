package nws.watermark.api.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nws.watermark.shared.ImageOptions;

/**
 * The key of one rendered variant: SHA-256 of the original's hash, the canonical options and the
 * renderer version. It doubles as the HTTP {@code ETag}: the same key always means the same bytes.
 */
public record CacheKey(String sha256, String value) {

  /** Bump when the pipeline's output changes for the same input, so old variants are not served. */
  static final String RENDER_VERSION = "2";

  public static CacheKey of(String sha256, ImageOptions options) {
    String material = sha256 + '\n' + options.canonical() + '\n' + RENDER_VERSION;
    return new CacheKey(sha256, HexFormat.of().formatHex(digest().digest(material.getBytes(StandardCharsets.UTF_8))));
  }

  /** The strong entity tag, quoted as HTTP wants it. */
  public String etag() {
    return '"' + value + '"';
  }

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
