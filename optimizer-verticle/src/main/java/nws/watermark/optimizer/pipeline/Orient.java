package nws.watermark.optimizer.pipeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Applies the EXIF orientation, after the resize so only the small image is turned. */
final class Orient implements Step {

  @Override
  public void apply(Job job) {
    if (job.orientation == Orientation.UPRIGHT) {
      return;
    }
    BufferedImage src = job.image;
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = job.orientation.swapsAxes();
    BufferedImage upright = new BufferedImage(swap ? h : w, swap ? w : h,
        src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = upright.createGraphics();
    try {
      g.drawImage(src, job.orientation.transform(w, h), null);
    } finally {
      g.dispose();
    }
    job.image = upright;
  }
}
