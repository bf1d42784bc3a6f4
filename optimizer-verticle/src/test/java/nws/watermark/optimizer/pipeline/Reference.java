package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;

/**
 * A slow, careful reference for the resize: exact area averaging (every source pixel weighted by
 * how much of it each output pixel covers) in linear floating point, and image comparisons.
 */
final class Reference {

  private Reference() {}

  /** Area-average downscale of {@code src} to {@code w} x {@code h}, per RGB channel. */
  static BufferedImage areaAverage(BufferedImage src, int w, int h) {
    int sw = src.getWidth();
    int sh = src.getHeight();
    int[] rgb = src.getRGB(0, 0, sw, sh, null, 0, sw);
    float[][] rows = new float[3][sh * w];
    double fx = (double) sw / w;
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < w; x++) {
        double from = x * fx;
        double to = from + fx;
        double[] sum = new double[3];
        for (int sx = (int) from; sx < Math.min(sw, Math.ceil(to)); sx++) {
          double weight = Math.min(to, sx + 1) - Math.max(from, sx);
          int p = rgb[y * sw + sx];
          sum[0] += weight * ((p >> 16) & 0xFF);
          sum[1] += weight * ((p >> 8) & 0xFF);
          sum[2] += weight * (p & 0xFF);
        }
        for (int c = 0; c < 3; c++) {
          rows[c][y * w + x] = (float) (sum[c] / fx);
        }
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    double fy = (double) sh / h;
    for (int y = 0; y < h; y++) {
      double from = y * fy;
      double to = from + fy;
      for (int x = 0; x < w; x++) {
        int pixel = 0;
        for (int c = 0; c < 3; c++) {
          double sum = 0;
          for (int sy = (int) from; sy < Math.min(sh, Math.ceil(to)); sy++) {
            sum += (Math.min(to, sy + 1) - Math.max(from, sy)) * rows[c][sy * w + x];
          }
          pixel = (pixel << 8) | Math.max(0, Math.min(255, (int) Math.round(sum / fy)));
        }
        out.setRGB(x, y, pixel);
      }
    }
    return out;
  }

  /** Peak signal-to-noise ratio over the RGB channels, in dB. */
  static double psnr(BufferedImage a, BufferedImage b) {
    int w = a.getWidth();
    int h = a.getHeight();
    double se = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          int d = ((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
          se += d * d;
        }
      }
    }
    double mse = se / (3.0 * w * h);
    return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /** Mean SSIM of the luma over 8x8 windows (stride 4), constants of Wang et al. 2004. */
  static double ssim(BufferedImage a, BufferedImage b) {
    double[] la = luma(a);
    double[] lb = luma(b);
    int w = a.getWidth();
    int h = a.getHeight();
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    int windows = 0;
    for (int y = 0; y + 8 <= h; y += 4) {
      for (int x = 0; x + 8 <= w; x += 4) {
        double ma = 0, mb = 0;
        for (int j = 0; j < 8; j++) {
          for (int i = 0; i < 8; i++) {
            ma += la[(y + j) * w + x + i];
            mb += lb[(y + j) * w + x + i];
          }
        }
        ma /= 64;
        mb /= 64;
        double va = 0, vb = 0, cov = 0;
        for (int j = 0; j < 8; j++) {
          for (int i = 0; i < 8; i++) {
            double da = la[(y + j) * w + x + i] - ma;
            double db = lb[(y + j) * w + x + i] - mb;
            va += da * da;
            vb += db * db;
            cov += da * db;
          }
        }
        va /= 63;
        vb /= 63;
        cov /= 63;
        total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        windows++;
      }
    }
    return total / windows;
  }

  private static double[] luma(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.getRGB(x, y);
        out[y * w + x] = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
      }
    }
    return out;
  }
}
