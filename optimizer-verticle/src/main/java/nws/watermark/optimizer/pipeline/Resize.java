package nws.watermark.optimizer.pipeline;

import java.io.IOException;
import net.coobird.thumbnailator.Thumbnails;
import nws.watermark.shared.ImageOptions;

/**
 * Scales (and for {@code cover} crops) the stored pixels into the box, with Thumbnailator. When
 * the EXIF orientation turns the image on its side, the box is turned too, so the upright result
 * fits the box the client asked for and only the small image is rotated afterwards.
 */
final class Resize implements Step {

  @Override
  public void apply(Job job) throws IOException {
    ImageOptions o = job.options;
    boolean swap = job.orientation.swapsAxes();
    Geometry g = Geometry.of(job.image.getWidth(), job.image.getHeight(),
        swap ? o.height() : o.width(), swap ? o.width() : o.height(), o.fit(), o.enlarge());
    if (g.isIdentity(job.image.getWidth(), job.image.getHeight())) {
      return;
    }
    job.image = Thumbnails.of(job.image)
        .sourceRegion(g.cropX(), g.cropY(), g.cropWidth(), g.cropHeight())
        .forceSize(g.width(), g.height())
        .asBufferedImage();
  }
}
