package nws.watermark.shared;

import java.util.Locale;

/** Encodings the optimizer writes, and {@link #AUTO}: the API's choice by the request's {@code Accept}. */
public enum OutputFormat {
  /** Baseline JPEG; transparency is flattened onto {@code NWS_BACKGROUND}. */
  JPEG("image/jpeg", false),
  /** Lossless PNG; keeps transparency. */
  PNG("image/png", true),
  /** Lossy WebP; keeps transparency. */
  WEBP("image/webp", true),
  /** Lossy AVIF (AV1); keeps transparency. */
  AVIF("image/avif", true),
  /**
   * Chosen per request from {@code Accept}: AVIF, else WebP, else JPEG (PNG with transparency).
   * Never reaches an optimizer, a cache key or an ETag: they hold the format chosen.
   */
  AUTO(null, false);

  private final String contentType;
  private final boolean keepsAlpha;

  OutputFormat(String contentType, boolean keepsAlpha) {
    this.contentType = contentType;
    this.keepsAlpha = keepsAlpha;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String contentType() {
    return contentType;
  }

  /** Whether an image with transparency keeps it in this encoding. */
  public boolean keepsAlpha() {
    return keepsAlpha;
  }
}
