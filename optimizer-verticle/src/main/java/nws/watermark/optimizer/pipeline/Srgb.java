package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import nws.watermark.optimizer.colour.ToSrgb;

/**
 * Puts the pixels in sRGB: a decoder that leaves them in the file's colour profile (libjpeg-turbo,
 * libheif) hands the profile on, and only the decoded image, already shrunk on load, is converted
 * here. ImageIO colour-manages what it decodes itself.
 */
final class Srgb implements Step {

  @Override
  public void apply(Job job) {
    if (job.iccProfile == null) {
      return;
    }
    BufferedImage image = job.image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
      return;
    }
    ToSrgb.convert(image, job.iccProfile);
    job.iccProfile = null;
  }
}
