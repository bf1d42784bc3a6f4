package nws.watermark.optimizer.pipeline;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Scales (and for {@code cover} crops) the decoded pixels into the planned output size: shrinking
 * by exact {@link AreaAverage} on the fast engines, Thumbnailator for enlarging, odd pixel layouts
 * and the naive engine. The plan is in stored pixels; when Decode shrank the image on load, the crop is
 * scaled to match, so the output size never depends on the engine. When the EXIF orientation
 * turns the image on its side the box was turned too, and only the small image is rotated later.
 * A {@code gravity=smart} crop is placed here, on the pixels as decoded (already shrunk on load).
 */
final class Resize implements Step {

  private final boolean areaAverage;

  Resize(Engine engine) {
    this.areaAverage = engine != Engine.NAIVE;
  }

  @Override
  public void apply(Job job) throws IOException {
    BufferedImage image = job.image;
    Geometry g = job.geometry;
    int w = image.getWidth();
    int h = image.getHeight();
    double fx = (double) w / job.sourceWidth;
    double fy = (double) h / job.sourceHeight;
    int x = Math.min(w - 1, (int) Math.floor(g.cropX() * fx));
    int y = Math.min(h - 1, (int) Math.floor(g.cropY() * fy));
    int cw = Math.max(1, Math.min(w - x, (int) Math.round(g.cropWidth() * fx)));
    int ch = Math.max(1, Math.min(h - y, (int) Math.round(g.cropHeight() * fy)));
    if (g.smart()) {
      cw = Math.max(1, Math.min(w, (int) Math.round(g.cropWidth() * fx)));
      ch = Math.max(1, Math.min(h, (int) Math.round(g.cropHeight() * fy)));
      Point at = SmartCrop.place(image, cw, ch);
      x = at.x;
      y = at.y;
    }
    if (new Geometry(x, y, cw, ch, g.width(), g.height(), false).isIdentity(w, h)) {
      return;
    }
    if (areaAverage && AreaAverage.handles(image, cw, ch, g.width(), g.height())) {
      job.image = AreaAverage.resize(image, x, y, cw, ch, g.width(), g.height());
      return;
    }
    job.image = Thumbnails.of(image)
        .sourceRegion(x, y, cw, ch)
        .forceSize(g.width(), g.height())
        .asBufferedImage();
  }
}
