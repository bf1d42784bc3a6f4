package nws.watermark.optimizer.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import nws.watermark.shared.Options;

/**
 * Turns whatever the decoder gave (alpha, 16-bit, grey, palette, CMYK-converted custom types)
 * into 8-bit pixels: ARGB when the image has transparency and the output format keeps it (PNG,
 * WebP, AVIF), else RGB with transparent pixels composed onto the configured background colour.
 */
final class Flatten implements Step {

  private final Color background;

  Flatten(int rgb) {
    this.background = new Color(rgb);
  }

  @Override
  public void apply(Job job) {
    BufferedImage src = job.image;
    int type = src.getType();
    boolean keepAlpha = src.getColorModel().hasAlpha() && job.options.get(Options.FORMAT).keepsAlpha();
    if (keepAlpha ? type == BufferedImage.TYPE_INT_ARGB
        : type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB) {
      return;
    }
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
        keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      if (!keepAlpha) {
        g.setColor(background);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
      }
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    job.image = out;
  }
}
