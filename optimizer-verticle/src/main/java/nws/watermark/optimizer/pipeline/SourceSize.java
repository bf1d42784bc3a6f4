package nws.watermark.optimizer.pipeline;

import java.awt.geom.Point2D;
import java.util.Locale;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Focus;
import nws.watermark.shared.Gravity;
import nws.watermark.shared.Options;
import nws.watermark.shared.ServiceException;

/**
 * What every decoder does with the size its header gives, before decoding a pixel: refuse a
 * size over the pixel limit (or a nonsensical one), and plan the crop and output on the stored
 * size, so every engine gives the same output size.
 */
record SourceSize(long maxPixels) {

  /** Refuses a size that is not positive, or over the pixel limit. */
  void check(String format, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw undecodable(format, "its header gives a size of " + width + "x" + height);
    }
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new ServiceException(ErrorCode.TOO_MANY_PIXELS, String.format(Locale.ROOT,
          "the image is %dx%d (%.1f megapixels); the limit is %.1f megapixels: send a smaller image",
          width, height, pixels / 1e6, maxPixels / 1e6));
    }
  }

  /**
   * The crop and output size for the stored image, with the box turned as the orientation turns,
   * and the focal point (given upright, by {@code focus} or a {@code gravity}) turned the same way.
   */
  static Geometry plan(Job job, int width, int height) {
    var o = job.options;
    boolean swap = job.orientation.swapsAxes();
    Focus upright = o.get(Options.FOCUS).isSet() ? o.get(Options.FOCUS) : o.get(Options.GRAVITY).point();
    Point2D focus = job.orientation.toStored(upright.x(), upright.y());
    job.sourceWidth = width;
    job.sourceHeight = height;
    job.geometry = Geometry.of(width, height,
        swap ? o.get(Options.H) : o.get(Options.W), swap ? o.get(Options.W) : o.get(Options.H), o.get(Options.FIT),
        o.get(Options.ENLARGE), focus.getX(), focus.getY(), o.get(Options.GRAVITY) == Gravity.SMART);
    return job.geometry;
  }

  static ServiceException undecodable(String format, String why) {
    String detail = why.length() > 120 ? why.substring(0, 120) + "..." : why;
    return new ServiceException(ErrorCode.UNDECODABLE_IMAGE,
        "the " + format + " image is corrupt or truncated and cannot be decoded (" + detail + ")");
  }
}
