package nws.watermark.optimizer.codec;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * HEIC and AVIF files made at test time, as phones write them: the pixels stored turned, with the
 * rotation in the file (irot) and in its EXIF, and a colour profile when asked. libheif 1.15 writes
 * the size box of a turned image wrong (fixed in 1.16): {@link #fixSizeBox} repairs it in place.
 */
public final class HeifFiles {

  private HeifFiles() {}

  /** {@code upright} stored turned 90 degrees counter-clockwise, with orientation 6 to show it upright. */
  public static byte[] phoneLike(BufferedImage upright, boolean avif, byte[] icc) throws IOException {
    HeifWriter writer = new HeifWriter(Heif.load().orElseThrow());
    byte[] file = writer.encode(turnedCounterClockwise(upright),
        new HeifWriter.Encoding(avif, 70, 6, icc, 6, exifOrientation(6)));
    return fixSizeBox(file);
  }

  /** A plain file: upright pixels, no rotation, no profile. */
  public static byte[] plain(BufferedImage image, boolean avif) throws IOException {
    return new HeifWriter(Heif.load().orElseThrow()).encode(image, new HeifWriter.Encoding(avif, 70, 6, null, 1, null));
  }

  static BufferedImage turnedCounterClockwise(BufferedImage src) {
    AffineTransform t = new AffineTransform(0, -1, 1, 0, 0, src.getWidth());
    BufferedImage out = new BufferedImage(src.getHeight(), src.getWidth(), src.getType());
    new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(src, out);
    return out;
  }

  /** An EXIF block (TIFF, big-endian, after libheif's 4-byte offset) holding only an orientation tag. */
  static byte[] exifOrientation(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 2 + 12 + 4);
    b.putInt(0).put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
        .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
        .putInt(0);
    return b.array();
  }

  /** Puts the stored size in the size box (ispe) and that box before the rotation, as HEIF wants. */
  static byte[] fixSizeBox(byte[] f) {
    ByteBuffer b = ByteBuffer.wrap(f);
    int meta = find(b, 0, f.length, "meta");
    int iprp = find(b, meta + 12, meta + b.getInt(meta), "iprp");
    int ipco = find(b, iprp + 8, iprp + b.getInt(iprp), "ipco");
    int ipma = find(b, iprp + 8, iprp + b.getInt(iprp), "ipma");
    Map<Integer, Integer> offset = new HashMap<>();
    Map<Integer, String> type = new HashMap<>();
    for (int p = ipco + 8, index = 1; p < ipco + b.getInt(ipco); p += b.getInt(p), index++) {
      offset.put(index, p);
      type.put(index, type(b, p));
    }
    int version = f[ipma + 8] & 255;
    boolean wide = (b.getInt(ipma + 8) & 1) != 0;
    int mask = wide ? 0x7FFF : 0x7F;
    int q = ipma + 16;
    for (int e = b.getInt(ipma + 12); e > 0; e--) {
      q += version < 1 ? 2 : 4;
      int n = f[q++] & 255;
      int[] at = new int[n];
      int[] value = new int[n];
      for (int i = 0; i < n; i++, q += wide ? 2 : 1) {
        at[i] = q;
        value[i] = wide ? b.getShort(q) & 0xFFFF : f[q] & 255;
      }
      int rot = -1;
      int size = -1;
      for (int i = 0; i < n; i++) {
        String t = type.get(value[i] & mask);
        rot = rot < 0 && ("irot".equals(t) || "imir".equals(t)) ? i : rot;
        size = "ispe".equals(t) ? i : size;
      }
      if (rot < 0 || size < rot) {
        continue;
      }
      int box = offset.get(value[size] & mask);
      int w = b.getInt(box + 12);
      b.putInt(box + 12, b.getInt(box + 16)).putInt(box + 16, w);
      int ispe = value[size];
      System.arraycopy(value, rot, value, rot + 1, size - rot);
      value[rot] = ispe;
      for (int i = 0; i < n; i++) {
        String t = type.get(value[i] & mask);
        int v = "irot".equals(t) || "imir".equals(t) ? value[i] | (wide ? 0x8000 : 0x80) : value[i];
        if (wide) {
          b.putShort(at[i], (short) v);
        } else {
          f[at[i]] = (byte) v;
        }
      }
    }
    return f;
  }

  private static String type(ByteBuffer b, int at) {
    return new String(b.array(), at + 4, 4, StandardCharsets.ISO_8859_1);
  }

  private static int find(ByteBuffer b, int from, int to, String wanted) {
    for (int p = from; p + 8 <= to && b.getInt(p) >= 8; p += b.getInt(p)) {
      if (type(b, p).equals(wanted)) {
        return p;
      }
    }
    throw new IllegalStateException("no " + wanted + " box");
  }
}
