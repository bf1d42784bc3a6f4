package nws.watermark.optimizer.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Turns whatever the decoder gave (alpha, 16-bit, grey, palette, CMYK-converted custom types)
 * into 8-bit RGB, with transparent pixels composed onto the configured background colour.
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
    if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB) {
      return;
    }
    BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, src.getWidth(), src.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    job.image = rgb;
  }
}
