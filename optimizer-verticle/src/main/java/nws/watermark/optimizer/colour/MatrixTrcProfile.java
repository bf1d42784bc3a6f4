package nws.watermark.optimizer.colour;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The parts of a matrix/shaper RGB profile (Display P3, Adobe RGB, sRGB and most camera and phone
 * profiles) that a colorimetric conversion uses: the colorants (rXYZ, gXYZ, bXYZ, D50) and the tone
 * curves (rTRC, gTRC, bTRC, as tables, gammas or ICC parametric curves). {@link #parse} is null for
 * anything else, including profiles with A2B/D2B tables, which colour management would prefer.
 */
record MatrixTrcProfile(double[][] toXyz, DoubleUnaryOperator[] trc) {

  private static final String[] TABLES = {"A2B0", "A2B1", "A2B2", "D2B0", "D2B1", "D2B2"};

  static MatrixTrcProfile parse(byte[] b) {
    try {
      ByteBuffer bb = ByteBuffer.wrap(b);
      if (b.length < 132 || (bb.getInt(0) & 0xFFFFFFFFL) > b.length
          || !tag(b, 16).equals("RGB ") || !tag(b, 20).equals("XYZ ")) {
        return null;
      }
      Map<String, int[]> tags = tags(b, bb);
      if (tags == null || java.util.Arrays.stream(TABLES).anyMatch(tags::containsKey)) {
        return null;
      }
      double[][] toXyz = new double[3][3];
      DoubleUnaryOperator[] trc = new DoubleUnaryOperator[3];
      for (int c = 0; c < 3; c++) {
        int[] xyz = tags.get("rgb".charAt(c) + "XYZ");
        int[] curve = tags.get("rgb".charAt(c) + "TRC");
        if (xyz == null || curve == null || !tag(b, xyz[0]).equals("XYZ ") || xyz[1] < 20) {
          return null;
        }
        for (int r = 0; r < 3; r++) {
          toXyz[r][c] = bb.getInt(xyz[0] + 8 + 4 * r) / 65536.0;
        }
        trc[c] = curve(bb, curve[0], curve[1]);
        if (trc[c] == null) {
          return null;
        }
      }
      return new MatrixTrcProfile(toXyz, trc);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The tag table: signature to {offset, length}; null when it points outside the profile. */
  private static Map<String, int[]> tags(byte[] b, ByteBuffer bb) {
    int n = bb.getInt(128);
    if (n < 0 || n > 200 || 132 + 12L * n > b.length) {
      return null;
    }
    Map<String, int[]> tags = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int at = 132 + 12 * i;
      int offset = bb.getInt(at + 4);
      int length = bb.getInt(at + 8);
      if (offset < 0 || length < 8 || (long) offset + length > b.length) {
        return null;
      }
      tags.put(tag(b, at), new int[] {offset, length});
    }
    return tags;
  }

  /** A {@code curv} (identity, gamma or table) or {@code para} (ICC functions 0..4) curve; null otherwise. */
  private static DoubleUnaryOperator curve(ByteBuffer bb, int off, int len) {
    String type = tag(bb.array(), off);
    if (type.equals("curv")) {
      int count = bb.getInt(off + 8);
      if (count < 0 || 12 + 2L * count > len) {
        return null;
      }
      if (count <= 1) {
        double gamma = count == 0 ? 1 : (bb.getShort(off + 12) & 0xFFFF) / 256.0;
        return x -> Math.pow(x, gamma);
      }
      double[] table = new double[count];
      for (int i = 0; i < count; i++) {
        table[i] = (bb.getShort(off + 12 + 2 * i) & 0xFFFF) / 65535.0;
      }
      return x -> {
        double p = Math.max(0, Math.min(1, x)) * (count - 1);
        int i = Math.min(count - 2, (int) p);
        return table[i] + (p - i) * (table[i + 1] - table[i]);
      };
    }
    return type.equals("para") ? parametric(bb, off, len) : null;
  }

  private static DoubleUnaryOperator parametric(ByteBuffer bb, int off, int len) {
    int function = bb.getShort(off + 8);
    int[] parameters = {1, 3, 4, 5, 7};
    if (function < 0 || function > 4 || 12 + 4L * parameters[function] > len) {
      return null;
    }
    double[] p = new double[7];
    for (int i = 0; i < parameters[function]; i++) {
      p[i] = bb.getInt(off + 12 + 4 * i) / 65536.0;
    }
    double g = p[0];
    double a = p[1];
    double b = p[2];
    double c = p[3];
    double d = p[4];
    double e = p[5];
    double f = p[6];
    return switch (function) {
      case 0 -> x -> Math.pow(x, g);
      case 1 -> x -> x >= -b / a ? Math.pow(a * x + b, g) : 0;
      case 2 -> x -> x >= -b / a ? Math.pow(a * x + b, g) + c : c;
      case 3 -> x -> x >= d ? Math.pow(a * x + b, g) : c * x;
      default -> x -> x >= d ? Math.pow(a * x + b, g) + e : c * x + f;
    };
  }

  private static String tag(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }
}
