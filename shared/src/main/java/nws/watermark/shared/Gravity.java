package nws.watermark.shared;

import java.util.Locale;

/**
 * Where a {@code fit=cover} crop falls: on the centre, against an edge or corner of the upright
 * image (a compass point), or around the most detailed part of it ({@link #SMART}).
 */
public enum Gravity {
  CENTER(0.5, 0.5), N(0.5, 0), S(0.5, 1), E(1, 0.5), W(0, 0.5), NE(1, 0), NW(0, 0), SE(1, 1), SW(0, 1),
  /** Content-aware: the crop that keeps the most edge detail, chosen on the shrunk image. */
  SMART(0.5, 0.5);

  private final double x;
  private final double y;

  Gravity(double x, double y) {
    this.x = x;
    this.y = y;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The point of the upright source, in fractions of its width and height, that the crop is
   * centred on as far as the box allows: a compass point is its edge, so the crop touches it.
   */
  public Focus point() {
    return new Focus(x, y);
  }
}
