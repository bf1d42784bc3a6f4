package nws.watermark.optimizer.colour;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Any other RGB profile the JDK's colour management (LCMS) reads, table-based ones included: LCMS
 * converts a {@value #N}^3 grid of colours once, and each pixel is then interpolated in the
 * tetrahedron of grid points around it. LCMS's result within about 60 dB, at a few table lookups a
 * pixel instead of a conversion.
 */
final class SampledTransform implements Transform {

  static final int N = 33;
  private static final int LANE = 21;
  private static final int[] CELL = new int[256];
  private static final int[] FRAC = new int[256];

  static {
    for (int v = 0; v < 256; v++) {
      int c = Math.min(v / 8, N - 2);
      int lo = c * 8;
      int hi = c == N - 2 ? 255 : lo + 8;
      CELL[v] = c;
      FRAC[v] = (int) Math.round((v - lo) * 256.0 / (hi - lo));
    }
  }

  /** The grid's converted colours, R, G and B in three 21-bit lanes of a long. */
  private final long[] grid = new long[N * N * N];

  SampledTransform(ICC_ColorSpace profile) {
    int n = grid.length;
    byte[] in = new byte[n * 3];
    for (int i = 0, k = 0; i < n; i++, k += 3) {
      in[k] = (byte) node(i / (N * N));
      in[k + 1] = (byte) node(i / N % N);
      in[k + 2] = (byte) node(i % N);
    }
    byte[] out = new byte[n * 3];
    new ColorConvertOp(null).filter(bytes(profile, in, n), bytes((ICC_ColorSpace) ColorSpace.getInstance(ColorSpace.CS_sRGB), out, n));
    for (int i = 0; i < n; i++) {
      grid[i] = ((long) (out[3 * i] & 0xFF) << (2 * LANE)) | ((long) (out[3 * i + 1] & 0xFF) << LANE) | (out[3 * i + 2] & 0xFF);
    }
  }

  private static int node(int i) {
    return i == N - 1 ? 255 : i * 8;
  }

  private static BufferedImage bytes(ICC_ColorSpace space, byte[] data, int width) {
    ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), width, 1,
        width * 3, 3, new int[] {0, 1, 2}, null);
    return new BufferedImage(model, raster, false, null);
  }

  @Override
  public void apply(int[] px, int from, int to) {
    final long[] t = grid;
    final int sr = N * N;
    final int sg = N;
    for (int i = from; i < to; i++) {
      int p = px[i];
      int r = (p >> 16) & 0xFF;
      int g = (p >> 8) & 0xFF;
      int b = p & 0xFF;
      int base = CELL[r] * sr + CELL[g] * sg + CELL[b];
      int fr = FRAC[r];
      int fg = FRAC[g];
      int fb = FRAC[b];
      long c0 = t[base];
      long c7 = t[base + sr + sg + 1];
      long sum;
      // The tetrahedron holding the point: from c0 to c7 along the axes, largest fraction first.
      if (fr >= fg) {
        if (fg >= fb) {
          sum = c0 * (256 - fr) + t[base + sr] * (fr - fg) + t[base + sr + sg] * (fg - fb) + c7 * fb;
        } else if (fr >= fb) {
          sum = c0 * (256 - fr) + t[base + sr] * (fr - fb) + t[base + sr + 1] * (fb - fg) + c7 * fg;
        } else {
          sum = c0 * (256 - fb) + t[base + 1] * (fb - fr) + t[base + sr + 1] * (fr - fg) + c7 * fg;
        }
      } else if (fb >= fg) {
        sum = c0 * (256 - fb) + t[base + 1] * (fb - fg) + t[base + sg + 1] * (fg - fr) + c7 * fr;
      } else if (fb >= fr) {
        sum = c0 * (256 - fg) + t[base + sg] * (fg - fb) + t[base + sg + 1] * (fb - fr) + c7 * fr;
      } else {
        sum = c0 * (256 - fg) + t[base + sg] * (fg - fr) + t[base + sr + sg] * (fr - fb) + c7 * fb;
      }
      sum += (128L << (2 * LANE)) | (128L << LANE) | 128L;
      px[i] = (p & 0xFF000000) | (int) (((sum >>> (2 * LANE + 8)) & 0xFF) << 16
          | ((sum >>> (LANE + 8)) & 0xFF) << 8 | ((sum >>> 8) & 0xFF));
    }
  }
}
