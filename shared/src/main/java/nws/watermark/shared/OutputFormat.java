package nws.watermark.shared;

/** Encodings the optimizer writes. */
public enum OutputFormat {
  JPEG("image/jpeg"),
  PNG("image/png");

  private final String contentType;

  OutputFormat(String contentType) {
    this.contentType = contentType;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String contentType() {
    return contentType;
  }
}
