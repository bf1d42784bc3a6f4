package nws.watermark.optimizer.pipeline;

import nws.watermark.shared.Fit;

/** Which part of the source to take and the size to scale it to, for one fit mode and box. */
record Geometry(int cropX, int cropY, int cropWidth, int cropHeight, int width, int height) {

  static Geometry of(int srcW, int srcH, int boxW, int boxH, Fit fit, boolean enlarge) {
    double sx = (double) boxW / srcW;
    double sy = (double) boxH / srcH;
    return switch (fit) {
      case INSIDE -> {
        double s = cap(Math.min(sx, sy), enlarge);
        yield new Geometry(0, 0, srcW, srcH, scaled(srcW, s), scaled(srcH, s));
      }
      case COVER -> {
        double s = cap(Math.max(sx, sy), enlarge);
        int cw = Math.min(srcW, Math.max(1, (int) Math.round(boxW / s)));
        int ch = Math.min(srcH, Math.max(1, (int) Math.round(boxH / s)));
        yield new Geometry((srcW - cw) / 2, (srcH - ch) / 2, cw, ch,
            Math.min(boxW, scaled(cw, s)), Math.min(boxH, scaled(ch, s)));
      }
      case FILL -> new Geometry(0, 0, srcW, srcH,
          enlarge ? boxW : Math.min(boxW, srcW), enlarge ? boxH : Math.min(boxH, srcH));
    };
  }

  boolean isIdentity(int srcW, int srcH) {
    return cropX == 0 && cropY == 0 && cropWidth == srcW && cropHeight == srcH
        && width == srcW && height == srcH;
  }

  private static double cap(double scale, boolean enlarge) {
    return enlarge ? scale : Math.min(scale, 1.0);
  }

  private static int scaled(int size, double scale) {
    return Math.max(1, (int) Math.round(size * scale));
  }
}
