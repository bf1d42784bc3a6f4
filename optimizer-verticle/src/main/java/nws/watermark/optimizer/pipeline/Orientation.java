package nws.watermark.optimizer.pipeline;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;

/** The eight EXIF orientations, as the transform that turns stored pixels upright. */
enum Orientation {
  UPRIGHT, FLIP_H, ROTATE_180, FLIP_V, TRANSPOSE, ROTATE_90, TRANSVERSE, ROTATE_270;

  /** EXIF tag value 1..8; anything else (absent, 0, 9, garbage) is upright. */
  static Orientation ofExif(int tag) {
    return tag >= 1 && tag <= 8 ? values()[tag - 1] : UPRIGHT;
  }

  /** True when the upright image is the stored one turned on its side (width and height swap). */
  boolean swapsAxes() {
    return ordinal() >= TRANSPOSE.ordinal();
  }

  /** The stored image's point, in fractions of its sides, that is at ({@code x}, {@code y}) of the upright one. */
  Point2D toStored(double x, double y) {
    try {
      return transform(1, 1).inverseTransform(new Point2D.Double(x, y), null);
    } catch (NoninvertibleTransformException e) {
      throw new AssertionError("an EXIF orientation is a flip or a turn", e);
    }
  }

  /** Maps stored coordinates of a {@code w} x {@code h} image onto upright ones. */
  AffineTransform transform(int w, int h) {
    return switch (this) {
      case UPRIGHT -> new AffineTransform();
      case FLIP_H -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case FLIP_V -> new AffineTransform(1, 0, 0, -1, 0, h);
      case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case ROTATE_90 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
      case ROTATE_270 -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
  }
}
