package nws.watermark.benchmarks.formats;

import java.awt.image.BufferedImage;

/**
 * SSIM (Wang et al. 2004) on luma only: Y = .299 R + .587 G + .114 B, unrounded; 11x11 Gaussian
 * windows of sigma 1.5; K1 = .01, K2 = .03, L = 255; the mean over every window that fits inside
 * the image (no padding), as the paper's reference code does.
 */
final class LumaSsim {

  /** What the output says it measured. */
  static final String DEFINITION =
      "SSIM on luma (Y = .299R + .587G + .114B), 11x11 Gaussian windows sigma 1.5, K1 = .01, K2 = .03, L = 255, "
          + "mean over windows inside the image";

  private static final int SIZE = 11;
  private static final double SIGMA = 1.5;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);
  private static final double[] WINDOW = gaussian();

  private LumaSsim() {}

  static double of(BufferedImage reference, BufferedImage other) {
    int w = reference.getWidth();
    int h = reference.getHeight();
    if (other.getWidth() != w || other.getHeight() != h) {
      throw new IllegalArgumentException("sizes differ: " + w + "x" + h + " against "
          + other.getWidth() + "x" + other.getHeight());
    }
    double[] x = luma(reference);
    double[] y = luma(other);
    double[] xx = new double[x.length];
    double[] yy = new double[x.length];
    double[] xy = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xx[i] = x[i] * x[i];
      yy[i] = y[i] * y[i];
      xy[i] = x[i] * y[i];
    }
    double[] mx = blur(x, w, h);
    double[] my = blur(y, w, h);
    double[] sxx = blur(xx, w, h);
    double[] syy = blur(yy, w, h);
    double[] sxy = blur(xy, w, h);
    double sum = 0;
    for (int i = 0; i < mx.length; i++) {
      double vx = sxx[i] - mx[i] * mx[i];
      double vy = syy[i] - my[i] * my[i];
      double cov = sxy[i] - mx[i] * my[i];
      sum += (2 * mx[i] * my[i] + C1) * (2 * cov + C2)
          / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
    }
    return sum / mx.length;
  }

  private static double[] luma(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    double[] y = new double[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      y[i] = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
    }
    return y;
  }

  /** The Gaussian-weighted mean of every window that fits: (w - 10) x (h - 10) values, separably. */
  private static double[] blur(double[] v, int w, int h) {
    int ow = w - SIZE + 1;
    int oh = h - SIZE + 1;
    double[] across = new double[ow * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int k = 0; k < SIZE; k++) {
          s += v[y * w + x + k] * WINDOW[k];
        }
        across[y * ow + x] = s;
      }
    }
    double[] out = new double[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int k = 0; k < SIZE; k++) {
          s += across[(y + k) * ow + x] * WINDOW[k];
        }
        out[y * ow + x] = s;
      }
    }
    return out;
  }

  private static double[] gaussian() {
    double[] g = new double[SIZE];
    double sum = 0;
    for (int k = 0; k < SIZE; k++) {
      int d = k - SIZE / 2;
      g[k] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
      sum += g[k];
    }
    for (int k = 0; k < SIZE; k++) {
      g[k] /= sum;
    }
    return g;
  }
}
