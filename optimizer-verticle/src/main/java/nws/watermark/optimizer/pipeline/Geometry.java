package nws.watermark.optimizer.pipeline;

import nws.watermark.shared.Fit;

/**
 * Which part of the source to take and the size to scale it to, for one fit mode and box. A
 * {@code cover} crop is centred on a focal point as far as the source allows; {@code smart} says
 * its place is chosen later, on the decoded pixels ({@link SmartCrop}).
 */
record Geometry(int cropX, int cropY, int cropWidth, int cropHeight, int width, int height, boolean smart) {

  /** A {@code cover} crop centred on ({@code fx}, {@code fy}), fractions of the stored source. */
  static Geometry of(int srcW, int srcH, int boxW, int boxH, Fit fit, boolean enlarge, double fx, double fy,
      boolean smart) {
    double sx = (double) boxW / srcW;
    double sy = (double) boxH / srcH;
    return switch (fit) {
      case INSIDE -> {
        double s = cap(Math.min(sx, sy), enlarge);
        yield new Geometry(0, 0, srcW, srcH, scaled(srcW, s), scaled(srcH, s), false);
      }
      case COVER -> {
        double s = cap(Math.max(sx, sy), enlarge);
        int cw = Math.min(srcW, Math.max(1, (int) Math.round(boxW / s)));
        int ch = Math.min(srcH, Math.max(1, (int) Math.round(boxH / s)));
        yield new Geometry(around(fx, srcW, cw), around(fy, srcH, ch), cw, ch,
            Math.min(boxW, scaled(cw, s)), Math.min(boxH, scaled(ch, s)), smart && (cw < srcW || ch < srcH));
      }
      case FILL -> new Geometry(0, 0, srcW, srcH,
          enlarge ? boxW : Math.min(boxW, srcW), enlarge ? boxH : Math.min(boxH, srcH), false);
    };
  }

  boolean isIdentity(int srcW, int srcH) {
    return cropX == 0 && cropY == 0 && cropWidth == srcW && cropHeight == srcH
        && width == srcW && height == srcH;
  }

  /** Start of a span of {@code crop} centred on {@code f} of {@code size}, kept inside it; f 0.5 is (size - crop) / 2. */
  static int around(double f, int size, int crop) {
    int start = (int) Math.floor(f * size - crop / 2.0);
    return Math.max(0, Math.min(size - crop, start));
  }

  private static double cap(double scale, boolean enlarge) {
    return enlarge ? scale : Math.min(scale, 1.0);
  }

  private static int scaled(int size, double scale) {
    return Math.max(1, (int) Math.round(size * scale));
  }
}
