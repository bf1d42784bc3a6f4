package nws.watermark.shared;

/** Header names on optimizer replies (requests carry the option names of {@link Options}). */
public final class BusHeaders {

  /** MIME type of the encoded image in the reply, for example {@code image/jpeg}. */
  public static final String CONTENT_TYPE = "content-type";

  /** Width in pixels of the encoded image in the reply. */
  public static final String WIDTH = "nws-width";

  /** Height in pixels of the encoded image in the reply. */
  public static final String HEIGHT = "nws-height";

  /** {@code true} when the watermark was left out because the image is too small for it. */
  public static final String WATERMARK_SKIPPED = "nws-watermark-skipped";

  private BusHeaders() {}
}
