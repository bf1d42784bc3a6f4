package nws.watermark.benchmarks.formats;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Fits an image inside a square box by an exact area average in doubles: each output pixel is the
 * mean of the source area it covers, rounded once at the end. Slow and simple on purpose: it is
 * the yardstick, not a contender (the service's own resize is fixed point).
 */
final class ExactAreaAverage {

  private ExactAreaAverage() {}

  /** Never enlarges; the output size is rounded as the service rounds it ({@code Geometry}). */
  static BufferedImage fitInside(BufferedImage src, int box) {
    int sw = src.getWidth();
    int sh = src.getHeight();
    double scale = Math.min(1.0, Math.min((double) box / sw, (double) box / sh));
    return resize(src, Math.max(1, (int) Math.round(sw * scale)), Math.max(1, (int) Math.round(sh * scale)));
  }

  private static BufferedImage resize(BufferedImage src, int w, int h) {
    int sw = src.getWidth();
    BoxWeights across = BoxWeights.of(sw, w);
    BoxWeights down = BoxWeights.of(src.getHeight(), h);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[sw];
    double[] narrowed = new double[w * 3];
    double[] sum = new double[w * 3];
    int[] pixels = new int[w];
    for (int oy = 0; oy < h; oy++) {
      Arrays.fill(sum, 0);
      double[] wy = down.weights()[oy];
      for (int k = 0; k < wy.length; k++) {
        src.getRGB(0, down.first()[oy] + k, sw, 1, row, 0, sw);
        narrow(row, across, narrowed);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += narrowed[i] * wy[k];
        }
      }
      for (int x = 0; x < w; x++) {
        pixels[x] = channel(sum[3 * x]) << 16 | channel(sum[3 * x + 1]) << 8 | channel(sum[3 * x + 2]);
      }
      out.setRGB(0, oy, w, 1, pixels, 0, w);
    }
    return out;
  }

  /** One source row averaged across to the output width, R, G and B interleaved. */
  private static void narrow(int[] row, BoxWeights across, double[] narrowed) {
    for (int x = 0; x < across.first().length; x++) {
      double r = 0;
      double g = 0;
      double b = 0;
      double[] wx = across.weights()[x];
      int s = across.first()[x];
      for (int k = 0; k < wx.length; k++, s++) {
        int p = row[s];
        r += ((p >> 16) & 255) * wx[k];
        g += ((p >> 8) & 255) * wx[k];
        b += (p & 255) * wx[k];
      }
      narrowed[3 * x] = r;
      narrowed[3 * x + 1] = g;
      narrowed[3 * x + 2] = b;
    }
  }

  private static int channel(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
