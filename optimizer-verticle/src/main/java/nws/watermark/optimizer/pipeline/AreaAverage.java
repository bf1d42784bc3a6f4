package nws.watermark.optimizer.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Downscale by exact area averaging: each output pixel is the mean of the source area it covers,
 * partly covered source pixels weighted by the covered fraction (a box filter, alias-free for any
 * ratio). Separable, in fixed point, over the raw pixel arrays: each source row is narrowed to the
 * output width once ({@link Rows}), then the narrowed rows an output row covers are summed. No
 * Java2D and no image-sized temporary (which would be a humongous G1 allocation). All on the
 * calling worker's thread: the workers are the service's parallelism ({@code
 * NWS_OPTIMIZER_INSTANCES}). Reads {@code TYPE_INT_RGB} and {@code TYPE_3BYTE_BGR}; answers
 * {@code TYPE_INT_RGB}.
 */
final class AreaAverage {

  /** Weights of one output pixel sum to this (12 bits). */
  static final int ONE = 1 << 12;
  /** Narrowed rows drop 4 of their 12 fractional bits, so the vertical sums fit an int. */
  private static final int KEEP = 4;
  private static final int SHIFT = 24 - KEEP;
  private static final int ROUND = 1 << (SHIFT - 1);

  private AreaAverage() {}

  /** True when this class can do the job: a supported pixel layout, shrinking on both axes. */
  static boolean handles(BufferedImage src, int cropW, int cropH, int w, int h) {
    int type = src.getType();
    return (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR)
        && w <= cropW && h <= cropH;
  }

  /** The {@code cropW} x {@code cropH} region at ({@code x0}, {@code y0}) averaged down to {@code w} x {@code h}. */
  static BufferedImage resize(BufferedImage src, int x0, int y0, int cropW, int cropH, int w, int h) {
    Taps ty = Taps.of(cropH, h);
    Taps tx = Taps.padded(cropW, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    band(new Rows(src, x0, y0, cropW, tx), ty, dst, w, 0, h);
    return out;
  }

  /** Output rows {@code [from, to)}: the narrowed source rows each covers, summed with their weights. */
  private static void band(Rows rows, Taps ty, int[] dst, int w, int from, int to) {
    int[] r = new int[w];
    int[] g = new int[w];
    int[] b = new int[w];
    for (int oy = from; oy < to; oy++) {
      Arrays.fill(r, 0);
      Arrays.fill(g, 0);
      Arrays.fill(b, 0);
      int taps = ty.offset()[oy];
      for (int k = 0; k < ty.count()[oy]; k++) {
        rows.narrow(ty.first()[oy] + k);
        int weight = ty.weight()[taps + k];
        accumulate(r, rows.r, weight);
        accumulate(g, rows.g, weight);
        accumulate(b, rows.b, weight);
      }
      int o = oy * w;
      for (int x = 0; x < w; x++) {
        dst[o + x] = (clamp((r[x] + ROUND) >> SHIFT) << 16) | (clamp((g[x] + ROUND) >> SHIFT) << 8)
            | clamp((b[x] + ROUND) >> SHIFT);
      }
    }
  }

  /** A plain loop over whole arrays, which the JIT vectorizes. */
  private static void accumulate(int[] sum, int[] row, int weight) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += (row[i] >> KEEP) * weight;
    }
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /**
   * Source rows narrowed to the output width, one channel per array, weights still in (12 fractional
   * bits). Consecutive output rows share their boundary source row, so the last one is kept. The
   * three channels of a pixel travel in one long, 21 bits apart (a weighted channel sum is at most
   * 255 x 4096 &lt; 2^21), so each tap is one multiply-add instead of three.
   */
  private static final class Rows {

    private static final int LANE = 21;
    private static final long MASK = (1L << LANE) - 1;

    final int[] r;
    final int[] g;
    final int[] b;
    private final Taps tx;
    private final long[] lanes;
    private final int[] ints;
    private final byte[] bytes;
    private final int stride;
    private final int x0;
    private final int y0;
    private int last = -1;

    Rows(BufferedImage src, int x0, int y0, int cropW, Taps tx) {
      int w = tx.first().length;
      this.r = new int[w];
      this.g = new int[w];
      this.b = new int[w];
      this.tx = tx;
      this.lanes = new long[cropW];
      this.stride = src.getWidth();
      this.x0 = x0;
      this.y0 = y0;
      if (src.getType() == BufferedImage.TYPE_INT_RGB) {
        this.ints = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        this.bytes = null;
      } else {
        this.ints = null;
        this.bytes = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
      }
    }

    /** Makes {@link #r}, {@link #g}, {@link #b} hold crop row {@code y}, narrowed. */
    void narrow(int y) {
      if (y == last) {
        return;
      }
      last = y;
      int from = (y0 + y) * stride + x0;
      if (ints != null) {
        for (int i = 0; i < lanes.length; i++) {
          long p = ints[from + i];
          lanes[i] = (p & 0xFF) | ((p & 0xFF00) << (LANE - 8)) | ((p & 0xFF0000) << (2 * LANE - 16));
        }
      } else {
        for (int i = 0, at = 3 * from; i < lanes.length; i++, at += 3) {
          lanes[i] = (bytes[at] & 0xFF) | ((long) (bytes[at + 1] & 0xFF) << LANE)
              | ((long) (bytes[at + 2] & 0xFF) << (2 * LANE));
        }
      }
      int[] first = tx.first();
      int[] weight = tx.weight();
      int n = tx.width();
      for (int ox = 0, t = 0; ox < first.length; ox++, t += n) {
        int at = first[ox];
        long sum = 0;
        for (int k = 0; k < n; k++) {
          sum += lanes[at + k] * weight[t + k];
        }
        r[ox] = (int) ((sum >>> (2 * LANE)) & MASK);
        g[ox] = (int) ((sum >>> LANE) & MASK);
        b[ox] = (int) (sum & MASK);
      }
    }
  }
}
