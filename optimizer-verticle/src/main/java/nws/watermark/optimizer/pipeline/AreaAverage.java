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
    // One output row at a time: the source rows it covers are summed into one row per channel,
    // which is then averaged across. Planar int rows keep the inner loops simple enough for the
    // JIT to vectorize, and nothing image-sized is allocated.
    int[] r = new int[cropW];
    int[] g = new int[cropW];
    int[] b = new int[cropW];
    int[][] sum = {new int[cropW], new int[cropW], new int[cropW]};
    int shift = 24 - KEEP;
    int round = 1 << (shift - 1);
    for (int oy = 0; oy < h; oy++) {
      for (int[] channel : sum) {
        java.util.Arrays.fill(channel, 0);
      }
      int base = ty.offset[oy];
      for (int k = 0; k < ty.count[oy]; k++) {
        unpack(src, x0, y0 + ty.first[oy] + k, cropW, r, g, b);
        int weight = ty.weight[base + k];
        accumulate(sum[0], r, weight);
        accumulate(sum[1], g, weight);
        accumulate(sum[2], b, weight);
      }
      int[] sr = sum[0];
      int[] sg = sum[1];
      int[] sb = sum[2];
      int o = oy * w;
      for (int ox = 0; ox < w; ox++) {
        int rr = 0, gg = 0, bb = 0;
        int at = tx.first[ox];
        int taps = tx.offset[ox];
        for (int k = 0; k < tx.count[ox]; k++) {
          int weight = tx.weight[taps + k];
          rr += (sr[at + k] >> KEEP) * weight;
          gg += (sg[at + k] >> KEEP) * weight;
          bb += (sb[at + k] >> KEEP) * weight;
        }
        dst[o++] = (clamp((rr + round) >> shift) << 16) | (clamp((gg + round) >> shift) << 8)
            | clamp((bb + round) >> shift);
      }
    }
    return out;
  }

  private static void accumulate(int[] sum, int[] channel, int weight) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += channel[i] * weight;
    }
  }

  /** Source row {@code y}, from {@code x0}, {@code cropW} pixels, split into R, G and B. */
  private static void unpack(BufferedImage src, int x0, int y, int cropW, int[] r, int[] g, int[] b) {
    int stride = src.getWidth();
    if (src.getType() == BufferedImage.TYPE_INT_RGB) {
      int[] px = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
      int from = y * stride + x0;
      for (int i = 0; i < cropW; i++) {
        int p = px[from + i];
        r[i] = (p >> 16) & 0xFF;
        g[i] = (p >> 8) & 0xFF;
        b[i] = p & 0xFF;
      }
    } else {
      byte[] px = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
      int from = (y * stride + x0) * 3;
      for (int i = 0; i < cropW; i++) {
        int at = from + 3 * i;
        b[i] = px[at] & 0xFF;
        g[i] = px[at + 1] & 0xFF;
        r[i] = px[at + 2] & 0xFF;
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
