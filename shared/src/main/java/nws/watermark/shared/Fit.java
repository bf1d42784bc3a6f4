package nws.watermark.shared;

/** How the image is fitted into the {@code w} x {@code h} box. */
public enum Fit {
  /** Keep the aspect ratio and show the whole image inside the box. */
  INSIDE,
  /** Keep the aspect ratio and fill the box, cropping the overflow around the centre. */
  COVER,
  /** Stretch to exactly the box. */
  FILL;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
