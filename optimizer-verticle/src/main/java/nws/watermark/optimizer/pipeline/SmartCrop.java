package nws.watermark.optimizer.pipeline;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Places a {@code gravity=smart} crop: where the window of the crop's size holds the most energy
 * (luma gradient plus colour saliency, see {@link Saliency}), measured on a copy at most {@value
 * #SIDE} pixels across, so it costs under a millisecond whatever the source. Deterministic: of
 * equal windows, the one nearest the centre wins; then the window is re-centred on the energy
 * inside it when that keeps 99 % of it, so a small subject is not left against the crop's edge.
 */
final class SmartCrop {

  /** Longest side of the image the energy is measured on. */
  static final int SIDE = 192;

  private SmartCrop() {}

  /** The top-left corner of the best {@code cw} x {@code ch} window of {@code image}. */
  static Point place(BufferedImage image, int cw, int ch) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (cw >= w && ch >= h) {
      return new Point(0, 0);
    }
    double k = Math.min(1.0, (double) SIDE / Math.max(w, h));
    int aw = Math.max(1, (int) Math.round(w * k));
    int ah = Math.max(1, (int) Math.round(h * k));
    int[] energy = Saliency.energy(shrunk(image, aw, ah), aw, ah);
    long[] sums = integral(energy, aw, ah);
    int ww = Math.max(1, Math.min(aw, (int) Math.round(cw * k)));
    int wh = Math.max(1, Math.min(ah, (int) Math.round(ch * k)));
    int bestX = (aw - ww) / 2;
    int bestY = (ah - wh) / 2;
    long best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int y = 0; y + wh <= ah; y++) {
      for (int x = 0; x + ww <= aw; x++) {
        long sum = window(sums, aw, x, y, ww, wh);
        long distance = Math.abs(2L * x + ww - aw) + Math.abs(2L * y + wh - ah);
        if (sum > best || (sum == best && distance < bestDistance)) {
          best = sum;
          bestDistance = distance;
          bestX = x;
          bestY = y;
        }
      }
    }
    int[] centred = recentred(sums, energy, aw, ah, bestX, bestY, ww, wh, best);
    bestX = centred[0];
    bestY = centred[1];
    int x = (int) Math.round((bestX + ww / 2.0) / k - cw / 2.0);
    int y = (int) Math.round((bestY + wh / 2.0) / k - ch / 2.0);
    return new Point(Math.max(0, Math.min(w - cw, x)), Math.max(0, Math.min(h - ch, y)));
  }

  /**
   * The image at {@code aw} x {@code ah}, each pixel the mean of 2 x 2 samples of its area: not
   * an exact average (the energy only ranks windows), but a few hundred thousand reads at most,
   * where averaging every source pixel would cost tens of ms on a 20 MP photo's decode.
   */
  private static int[] shrunk(BufferedImage image, int aw, int ah) {
    double sx = (double) image.getWidth() / aw;
    double sy = (double) image.getHeight() / ah;
    Pixels pixels = Pixels.of(image);
    int[] out = new int[aw * ah];
    for (int y = 0; y < ah; y++) {
      int y0 = (int) ((y + 0.25) * sy);
      int y1 = (int) ((y + 0.75) * sy);
      for (int x = 0; x < aw; x++) {
        int x0 = (int) ((x + 0.25) * sx);
        int x1 = (int) ((x + 0.75) * sx);
        out[y * aw + x] = mean(pixels.rgb(x0, y0), pixels.rgb(x1, y0), pixels.rgb(x0, y1), pixels.rgb(x1, y1));
      }
    }
    return out;
  }

  private static int mean(int a, int b, int c, int d) {
    int r = (((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff)) >> 2;
    int g = (((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff)) >> 2;
    int bl = ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff)) >> 2;
    return r << 16 | g << 8 | bl;
  }

  /** One pixel as 0xRRGGBB: straight from the array for the layouts decoders give, else through getRGB. */
  private interface Pixels {
    int rgb(int x, int y);

    static Pixels of(BufferedImage image) {
      int w = image.getWidth();
      if (image.getType() == BufferedImage.TYPE_INT_RGB) {
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return (x, y) -> data[y * w + x];
      }
      if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
          && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
          && buffer.getNumBanks() == 1) {
        byte[] data = buffer.getData();
        return (x, y) -> {
          int at = 3 * (y * w + x);
          return (data[at + 2] & 0xff) << 16 | (data[at + 1] & 0xff) << 8 | (data[at] & 0xff);
        };
      }
      return (x, y) -> image.getRGB(x, y) & 0xffffff;
    }
  }

  /** The window moved to centre on its energy's centroid, if it then holds at least 99 % of {@code best}. */
  private static int[] recentred(long[] sums, int[] energy, int aw, int ah, int x0, int y0, int ww, int wh, long best) {
    double mx = 0;
    double my = 0;
    double total = 0;
    for (int y = y0; y < y0 + wh; y++) {
      for (int x = x0; x < x0 + ww; x++) {
        int e = energy[y * aw + x];
        mx += (double) e * x;
        my += (double) e * y;
        total += e;
      }
    }
    if (total == 0) {
      return new int[] {x0, y0};
    }
    int x = Math.max(0, Math.min(aw - ww, (int) Math.round(mx / total + 0.5 - ww / 2.0)));
    int y = Math.max(0, Math.min(ah - wh, (int) Math.round(my / total + 0.5 - wh / 2.0)));
    return window(sums, aw, x, y, ww, wh) * 100 >= best * 99 ? new int[] {x, y} : new int[] {x0, y0};
  }

  /** Summed-area table with a zero row and column in front: (w + 1) x (h + 1). */
  private static long[] integral(int[] values, int w, int h) {
    long[] sums = new long[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      long row = 0;
      for (int x = 0; x < w; x++) {
        row += values[y * w + x];
        sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
      }
    }
    return sums;
  }

  private static long window(long[] sums, int w, int x, int y, int ww, int wh) {
    int stride = w + 1;
    return sums[(y + wh) * stride + x + ww] - sums[y * stride + x + ww] - sums[(y + wh) * stride + x] + sums[y * stride + x];
  }
}
