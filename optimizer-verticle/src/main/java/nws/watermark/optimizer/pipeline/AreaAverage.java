package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Downscale by exact area averaging: each output pixel is the mean of the source area it covers,
 * partly covered source pixels weighted by the covered fraction (a box filter, alias-free for any
 * ratio). Two separable passes in fixed point over the raw pixel arrays, so a shrunk-on-load
 * image of a few megapixels is resized in a few milliseconds, without Java2D. Reads {@code
 * TYPE_INT_RGB} and {@code TYPE_3BYTE_BGR}; answers {@code TYPE_INT_RGB}.
 */
final class AreaAverage {

  /** Weights of one output pixel sum to this (12 bits). */
  private static final int ONE = 1 << 12;
  /** The horizontal sums keep 8 fractional bits, so the vertical sums fit an int. */
  private static final int KEEP = 4;

  private AreaAverage() {}

  /** True when this class can do the job: a supported pixel layout, shrinking on both axes. */
  static boolean handles(BufferedImage src, int cropW, int cropH, int w, int h) {
    int type = src.getType();
    return (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR)
        && w <= cropW && h <= cropH;
  }

  /** The {@code cropW} x {@code cropH} region at ({@code x}, {@code y}) averaged down to {@code w} x {@code h}. */
  static BufferedImage resize(BufferedImage src, int x, int y, int cropW, int cropH, int w, int h) {
    int[] rows = horizontal(src, x, y, cropW, cropH, w);
    return vertical(rows, cropH, w, h);
  }

  /** Each crop row averaged to {@code w} pixels: three ints per pixel (R, G, B), 8 fractional bits. */
  private static int[] horizontal(BufferedImage src, int x0, int y0, int cropW, int cropH, int w) {
    Taps taps = Taps.of(cropW, w);
    int[] out = new int[cropH * w * 3];
    int stride = src.getWidth();
    if (src.getType() == BufferedImage.TYPE_INT_RGB) {
      int[] px = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
      for (int y = 0; y < cropH; y++) {
        int row = (y0 + y) * stride + x0;
        int o = y * w * 3;
        for (int ox = 0; ox < w; ox++) {
          int r = 0, g = 0, b = 0;
          int first = taps.first[ox];
          int base = taps.offset[ox];
          for (int k = 0; k < taps.count[ox]; k++) {
            int p = px[row + first + k];
            int weight = taps.weight[base + k];
            r += ((p >> 16) & 0xFF) * weight;
            g += ((p >> 8) & 0xFF) * weight;
            b += (p & 0xFF) * weight;
          }
          out[o++] = r >> KEEP;
          out[o++] = g >> KEEP;
          out[o++] = b >> KEEP;
        }
      }
    } else {
      byte[] px = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
      for (int y = 0; y < cropH; y++) {
        int row = ((y0 + y) * stride + x0) * 3;
        int o = y * w * 3;
        for (int ox = 0; ox < w; ox++) {
          int r = 0, g = 0, b = 0;
          int at = row + taps.first[ox] * 3;
          int base = taps.offset[ox];
          for (int k = 0; k < taps.count[ox]; k++, at += 3) {
            int weight = taps.weight[base + k];
            b += (px[at] & 0xFF) * weight;
            g += (px[at + 1] & 0xFF) * weight;
            r += (px[at + 2] & 0xFF) * weight;
          }
          out[o++] = r >> KEEP;
          out[o++] = g >> KEEP;
          out[o++] = b >> KEEP;
        }
      }
    }
    return out;
  }

  private static BufferedImage vertical(int[] rows, int cropH, int w, int h) {
    Taps taps = Taps.of(cropH, h);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int shift = 24 - KEEP;
    int round = 1 << (shift - 1);
    int[] acc = new int[w * 3];
    for (int oy = 0; oy < h; oy++) {
      java.util.Arrays.fill(acc, 0);
      int base = taps.offset[oy];
      for (int k = 0; k < taps.count[oy]; k++) {
        int weight = taps.weight[base + k];
        int row = (taps.first[oy] + k) * w * 3;
        for (int i = 0; i < acc.length; i++) {
          acc[i] += rows[row + i] * weight;
        }
      }
      int o = oy * w;
      for (int i = 0; i < acc.length; i += 3) {
        px[o++] = (clamp((acc[i] + round) >> shift) << 16)
            | (clamp((acc[i + 1] + round) >> shift) << 8)
            | clamp((acc[i + 2] + round) >> shift);
      }
    }
    return out;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** For each output index: the first source index, how many it covers, and their weights. */
  private record Taps(int[] first, int[] count, int[] offset, int[] weight) {

    static Taps of(int srcSize, int outSize) {
      double scale = (double) srcSize / outSize;
      int[] first = new int[outSize];
      int[] count = new int[outSize];
      int[] offset = new int[outSize];
      int most = (int) Math.ceil(scale) + 1;
      int[] weight = new int[outSize * most];
      int used = 0;
      for (int o = 0; o < outSize; o++) {
        double from = o * scale;
        double to = Math.min(srcSize, from + scale);
        int start = (int) from;
        int end = Math.min(srcSize, (int) Math.ceil(to));
        first[o] = start;
        count[o] = end - start;
        offset[o] = used;
        int sum = 0;
        int heaviest = used;
        for (int s = start; s < end; s++) {
          int wgt = (int) Math.round((Math.min(to, s + 1) - Math.max(from, s)) / scale * ONE);
          weight[used] = wgt;
          sum += wgt;
          if (wgt > weight[heaviest]) {
            heaviest = used;
          }
          used++;
        }
        // Rounding must not brighten or darken: the weights of every output pixel sum to ONE.
        weight[heaviest] += ONE - sum;
      }
      return new Taps(first, count, offset, weight);
    }
  }
}
