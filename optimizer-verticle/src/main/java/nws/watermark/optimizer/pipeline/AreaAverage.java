package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Downscale by exact area averaging: each output pixel is the mean of the source area it covers,
 * partly covered source pixels weighted by the covered fraction (a box filter, alias-free for any
 * ratio). Separable, in fixed point, over the raw pixel arrays, one output row at a time: no
 * Java2D and no image-sized temporary (which would be a humongous G1 allocation). Reads {@code
 * TYPE_INT_RGB} and {@code TYPE_3BYTE_BGR}; answers {@code TYPE_INT_RGB}.
 */
final class AreaAverage {

  /** Weights of one output pixel sum to this (12 bits). */
  private static final int ONE = 1 << 12;
  /** The vertical sums keep 8 fractional bits, so the horizontal sums fit an int. */
  private static final int KEEP = 4;

  private AreaAverage() {}

  /** True when this class can do the job: a supported pixel layout, shrinking on both axes. */
  static boolean handles(BufferedImage src, int cropW, int cropH, int w, int h) {
    int type = src.getType();
    return (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR)
        && w <= cropW && h <= cropH;
  }

  /** The {@code cropW} x {@code cropH} region at ({@code x0}, {@code y0}) averaged down to {@code w} x {@code h}. */
  static BufferedImage resize(BufferedImage src, int x0, int y0, int cropW, int cropH, int w, int h) {
    Taps tx = Taps.of(cropW, w);
    Taps ty = Taps.of(cropH, h);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    // One output row at a time: the source rows it covers are summed into this one row (R, G, B
    // per pixel), which is then averaged across. Nothing image-sized is allocated.
    int[] row = new int[cropW * 3];
    int shift = 24 - KEEP;
    int round = 1 << (shift - 1);
    for (int oy = 0; oy < h; oy++) {
      java.util.Arrays.fill(row, 0);
      int base = ty.offset[oy];
      for (int k = 0; k < ty.count[oy]; k++) {
        addRow(src, x0, y0 + ty.first[oy] + k, cropW, ty.weight[base + k], row);
      }
      for (int i = 0; i < row.length; i++) {
        row[i] >>= KEEP;
      }
      int o = oy * w;
      for (int ox = 0; ox < w; ox++) {
        int r = 0, g = 0, b = 0;
        int at = tx.first[ox] * 3;
        int taps = tx.offset[ox];
        for (int k = 0; k < tx.count[ox]; k++, at += 3) {
          int weight = tx.weight[taps + k];
          r += row[at] * weight;
          g += row[at + 1] * weight;
          b += row[at + 2] * weight;
        }
        dst[o++] = (clamp((r + round) >> shift) << 16) | (clamp((g + round) >> shift) << 8)
            | clamp((b + round) >> shift);
      }
    }
    return out;
  }

  /** Adds source row {@code y} (from {@code x0}, {@code cropW} pixels) times {@code weight} to {@code row}. */
  private static void addRow(BufferedImage src, int x0, int y, int cropW, int weight, int[] row) {
    int stride = src.getWidth();
    if (src.getType() == BufferedImage.TYPE_INT_RGB) {
      int[] px = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
      int from = y * stride + x0;
      for (int i = 0, j = 0; i < cropW; i++, j += 3) {
        int p = px[from + i];
        row[j] += ((p >> 16) & 0xFF) * weight;
        row[j + 1] += ((p >> 8) & 0xFF) * weight;
        row[j + 2] += (p & 0xFF) * weight;
      }
    } else {
      byte[] px = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
      int from = (y * stride + x0) * 3;
      for (int j = 0; j < cropW * 3; j += 3) {
        row[j] += (px[from + j + 2] & 0xFF) * weight;
        row[j + 1] += (px[from + j + 1] & 0xFF) * weight;
        row[j + 2] += (px[from + j] & 0xFF) * weight;
      }
    }
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
